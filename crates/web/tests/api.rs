//! A case system uses the integration API knowing only the OpenAPI document: it finds each
//! operation by its operationId, fetches new applications, acknowledges them and posts status,
//! and the citizen sees that status. Every test runs on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use serde_json::json;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::CaseSystem;
use velferd_testkit::{fill_in, TestApp};

async fn apply(app: &TestApp, who: &str, kommune: &str) -> String {
    let mut b = app.browser("nb");
    b.sign_in(who).await;
    let draft = fill_in(&mut b, kommune).await;
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    sent.location.unwrap().rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_case_system_fetches_acknowledges_and_pages_without_missing_any() {
    for app in TestApp::all().await {
        let oslo = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo fagsystem", 0).await.unwrap();
        let mut kari_ids = Vec::new();
        for _ in 0..5 {
            kari_ids.push(apply(&app, "Kari", "0301").await);
        }
        let ola_id = apply(&app, "Ola", "4601").await;
        let client = CaseSystem::connect(&app.base, &oslo.secret).await;

        let mut listed = client.all_new(2).await;
        listed.sort();
        let mut expected = kari_ids.clone();
        expected.sort();
        assert_eq!(listed, expected, "{}: every Oslo application, over three pages, and no other municipality's", app.db.label);

        let (status, one) = client.call("getApplication", Some(&kari_ids[0]), &[], None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(one["kommunenummer"], "0301");
        assert_eq!(velferd_formats::validate(velferd_formats::Kind::Soknad, &one["soknad"]).unwrap(), vec![]);
        assert_eq!(velferd_formats::validate(velferd_formats::Kind::Vedlegg, &one["vedlegg"]).unwrap(), vec![]);

        // Another municipality's application does not exist for this key, whatever is tried, and the
        // attempt is logged as denied.
        assert_eq!(client.call("getApplication", Some(&ola_id), &[], None).await.0, StatusCode::NOT_FOUND, "{}", app.db.label);
        let ola = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Ola").unwrap().fnr;
        assert!(app.store.audit_of_person(&ola).await.unwrap().is_empty(), "a denied read is not shown as a look at Ola's data");
        assert_eq!(client.call("acknowledgeApplication", Some(&ola_id), &[], None).await.0, StatusCode::NOT_FOUND);
        let doc = json!({"version": "1.0.0", "avsender": {"systemnavn": "x", "systemversjon": "1"},
                         "hendelser": [{"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "MOTTATT"}]});
        assert_eq!(client.call("putCaseStatus", Some(&ola_id), &[], Some(&doc)).await.0, StatusCode::NOT_FOUND);

        // Acknowledged applications leave the list; acknowledging twice is fine.
        for id in &kari_ids[..3] {
            assert_eq!(client.call("acknowledgeApplication", Some(id), &[], None).await.0, StatusCode::NO_CONTENT);
        }
        assert_eq!(client.call("acknowledgeApplication", Some(&kari_ids[0]), &[], None).await.0, StatusCode::NO_CONTENT);
        assert_eq!(client.all_new(100).await.len(), 2);
        assert_eq!(client.call("getApplication", Some(&kari_ids[0]), &[], None).await.1["kvittert"], true);

        // Bad paging input is a 400 with a reason, not a 500.
        let (status, body) = client.call("listNewApplications", None, &[("antall", "0".into())], None).await;
        assert_eq!((status, body["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_limit")));
        let (status, _) = client.call("listNewApplications", None, &[("etter", "nonsense".into())], None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn keys_are_checked_and_revocation_is_immediate() {
    for app in TestApp::all().await {
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "test", 0).await.unwrap();
        let good = CaseSystem::connect(&app.base, &key.secret).await;
        assert_eq!(good.call("listNewApplications", None, &[], None).await.0, StatusCode::OK);
        let wrong = CaseSystem::connect(&app.base, "vfk_not-a-key").await;
        let (status, body) = wrong.call("listNewApplications", None, &[], None).await;
        assert_eq!((status, body["feil"].as_str()), (StatusCode::UNAUTHORIZED, Some("unauthorized")));
        assert!(app.store.revoke_api_key(&key.id, 1).await.unwrap());
        assert_eq!(good.call("listNewApplications", None, &[], None).await.0, StatusCode::UNAUTHORIZED, "{}", app.db.label);
        let none = reqwest::Client::new().get(format!("{}/api/v1/soknader", app.base)).send().await.unwrap();
        assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn posted_status_is_validated_replaces_the_previous_and_the_citizen_sees_it() {
    for app in TestApp::all().await {
        // Bergen lets its case system own the status (data/kommuner.json).
        let key = app.store.create_api_key(&Kommunenummer::parse("4601").unwrap(), "Bergen fagsystem", 0).await.unwrap();
        let id = apply(&app, "Ola", "4601").await;
        let client = CaseSystem::connect(&app.base, &key.secret).await;
        let status_doc = |status: &str| {
            json!({"version": "1.0.0", "avsender": {"systemnavn": "Bergen fagsystem", "systemversjon": "3.1"}, "hendelser": [
                {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "MOTTATT"},
                {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-02T08:00:00.000Z", "status": status}
            ]})
        };
        assert_eq!(client.call("putCaseStatus", Some(&id), &[], Some(&status_doc("UNDER_BEHANDLING"))).await.0, StatusCode::NO_CONTENT);

        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let page = ola.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("En saksbehandler jobber med søknaden din."), "{}: {}", app.db.label, page.body);

        // A broken document is refused with its errors, and the citizen still sees the last good one.
        let mut broken = status_doc("FERDIGBEHANDLET");
        broken["hendelser"][1]["status"] = json!("KANSKJE");
        let (status, body) = client.call("putCaseStatus", Some(&id), &[], Some(&broken)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body["detaljer"].as_array().unwrap().iter().any(|d| d["peker"].as_str().unwrap().starts_with("/hendelser/1")), "{body}");
        let page = ola.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("En saksbehandler jobber med søknaden din."));

        // A new document replaces the old one whole.
        assert_eq!(client.call("putCaseStatus", Some(&id), &[], Some(&status_doc("FERDIGBEHANDLET"))).await.0, StatusCode::NO_CONTENT);
        let page = ola.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("Kontoret har gjort et vedtak."), "{}", page.body);

        // Ola can see that the case system opened and updated his application, and the log is intact.
        let (status, _) = client.call("getApplication", Some(&id), &[], None).await;
        assert_eq!(status, StatusCode::OK);
        let page = ola.get(&format!("/mine-soknader/{id}")).await;
        // One line for the case system that day, with what it did.
        let line = regex_lite::Regex::new("Bergen fagsystem – [^<]*").unwrap();
        let lines: Vec<&str> = line.find_iter(&page.body).map(|m| m.as_str()).collect();
        assert!(lines.len() == 1 && lines[0].contains("hentet søknaden") && lines[0].contains("oppdaterte status"), "{lines:?}: {}", page.body);
        assert!(matches!(app.store.verify_audit().await.unwrap(), velferd_store::ChainCheck::Intact { .. }));

        // Not JSON at all: still a clear 422.
        let raw = reqwest::Client::new().put(format!("{}/api/v1/soknader/{id}/digisos-soker", app.base)).bearer_auth(&key.secret).body("{not json").send().await.unwrap();
        assert_eq!(raw.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
