//! Every operation of the integration API, answering as openapi.json says, for each status the
//! document lists: successes and errors. `CaseSystem` checks each answer against the document
//! (status, content type, JSON schema); this test makes sure every operation and every documented
//! status is reached at least once. Its own test binary, since the record of what was checked is
//! per process.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::json;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::{checked, Body, CaseSystem, Reply};
use velferd_testkit::{fill_in, TestApp};

fn pdf(text: &str) -> Vec<u8> {
    velferd_documents::render(&velferd_documents::Document {
        title: text.to_owned(),
        language: "nb".into(),
        intro: vec![text.to_owned()],
        sections: vec![],
        footer: "test".into(),
        page_label: "{page}/{pages}".into(),
    })
    .expect("render")
}

/// The path parameters of a call, given the application id.
type Params<'a> = Box<dyn Fn(&str) -> Vec<(&'static str, String)> + 'a>;

fn expect(reply: &Reply, status: StatusCode, what: &str) {
    assert_eq!(reply.status, status, "{what}: {}", String::from_utf8_lossy(&reply.bytes));
}

#[tokio::test]
async fn every_operation_answers_as_openapi_json_says_for_every_status_it_lists() {
    let apps = TestApp::all().await;
    let mut spec = serde_json::Value::Null;
    for app in &apps {
        let label = app.db.label;
        let key = app.store.create_api_key(&Kommunenummer::parse("4601").expect("kommune"), "Bergen fagsystem", 0).await.expect("key");
        let client = CaseSystem::connect(&app.base, &key.secret).await;
        let stranger = CaseSystem::connect(&app.base, "vfk_not-a-key").await;
        spec = client.spec.clone();

        // Ola applies in Bergen and sends his rent contract later.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let draft = fill_in(&mut ola, "4601").await;
        // A bank statement with the application, so it has documents of its own.
        ola.get(&format!("/soknad/{draft}/dokumenter")).await;
        let form = Form::new().text("_csrf", ola.csrf.clone()).part("filer", Part::bytes(pdf("Kontoutskrift")).file_name("konto.pdf"));
        let r = ola.client.post(format!("{}/soknad/{draft}/dokumenter/kontooversikt.brukskonto", ola.base)).multipart(form).send().await.expect("attach");
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let sent = ola.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.expect("receipt").rsplit('/').next().expect("id").to_owned();
        let page = ola.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).expect("re").captures(&page.body).expect("field")[1].to_owned();
        let form = Form::new().text("_csrf", ola.csrf.clone()).part(field, Part::bytes(pdf("Husleiekontrakt")).file_name("kontrakt.pdf"));
        let r = ola.client.post(format!("{}/mine-soknader/{id}/dokumenter", ola.base)).multipart(form).send().await.expect("upload");
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");

        // And asks the office a question, with the contract's last page attached.
        let case = ola.get(&format!("/mine-soknader/{id}")).await;
        let token = case.input_value("skjema").expect("the message form");
        let form = Form::new()
            .text("_csrf", ola.csrf.clone())
            .text("skjema", token)
            .text("melding", "Har dere fått kontrakten?")
            .part("vedlegg", Part::bytes(pdf("Kontrakten side 3")).file_name("side3.pdf"));
        let wrote = ola.client.post(format!("{}/mine-soknader/{id}/meldinger", ola.base)).multipart(form).send().await.expect("write");
        assert_eq!(wrote.status(), StatusCode::SEE_OTHER, "{label}");

        let unknown = "00000000000000000000000000";
        let one = |id: &str| vec![("id", id.to_owned())];

        // Lists and the feed: 200, 400 for a bad page or cursor, 401 without a valid key.
        expect(&client.send("listNewApplications", &[], &[("antall", "2".into())], Body::None).await, StatusCode::OK, "list");
        expect(&client.send("listNewApplications", &[], &[("etter", "not-a-cursor".into())], Body::None).await, StatusCode::BAD_REQUEST, "list, bad cursor");
        expect(&stranger.send("listNewApplications", &[], &[], Body::None).await, StatusCode::UNAUTHORIZED, "list, no key");
        let feed = client.send("listChanges", &[], &[], Body::None).await;
        expect(&feed, StatusCode::OK, "feed");
        expect(&client.send("listChanges", &[], &[("etter", "yesterday".into())], Body::None).await, StatusCode::BAD_REQUEST, "feed, bad cursor");
        expect(&stranger.send("listChanges", &[], &[], Body::None).await, StatusCode::UNAUTHORIZED, "feed, no key");
        let submission = feed.json["hendelser"].as_array().expect("items").iter().find_map(|i| i["ettersendelse"].as_str()).expect("the ettersendelse is in the feed").to_owned();
        assert!(feed.json["hendelser"].as_array().expect("items").iter().any(|i| i["type"] == "melding.skrevet" && i["melding"] == 1), "{label}: the message is in the feed");
        let messages = client.send("listMessages", &[("id", id.as_str())], &[], Body::None).await;
        assert_eq!(messages.json["meldinger"][0]["tekst"], "Har dere fått kontrakten?", "{label}");
        assert_eq!(messages.json["meldinger"][0]["fra"], "soker", "{label}");
        // The attachment is part of the record the case system keeps: named with its files, fetched as PDF.
        let attached = &messages.json["meldinger"][0]["vedlegg"];
        assert_eq!(attached["filnavn"][0], "side3.pdf", "{label}");
        let attached_sha = attached["sha256"].as_str().expect("sha256").to_owned();
        assert_eq!(attached["href"], format!("/api/v1/soknader/{id}/filer/{attached_sha}"), "{label}");
        expect(&client.send("getFile", &[("id", id.as_str()), ("sha256", attached_sha.as_str())], &[], Body::None).await, StatusCode::OK, "a message's attachment");

        // One application and what belongs to it: 200, 404 for an id not theirs, 401.
        let with_submission = |id: &str| vec![("id", id.to_owned()), ("ettersendelse", submission.clone())];
        let application = client.send("getApplication", &[("id", id.as_str())], &[], Body::None).await;
        expect(&application, StatusCode::OK, "application");
        let sha = application.json["filer"]
            .as_array()
            .expect("files")
            .iter()
            .chain(application.json["ettersendelser"][0]["filer"].as_array().into_iter().flatten())
            .find_map(|f| f["sha256"].as_str())
            .map(str::to_owned);
        let sha = match sha {
            Some(sha) => sha,
            None => client.send("getSubmission", &[("id", id.as_str()), ("ettersendelse", submission.as_str())], &[], Body::None).await.json["filer"][0]["sha256"]
                .as_str()
                .expect("a file")
                .to_owned(),
        };
        let with_file = |id: &str| vec![("id", id.to_owned()), ("sha256", sha.clone())];
        let reads: Vec<(&str, Params<'_>)> = vec![
            ("getApplication", Box::new(one)),
            ("getApplicationPdf", Box::new(one)),
            ("getApplicationDocumentsPdf", Box::new(one)),
            ("listSubmissions", Box::new(one)),
            ("listMessages", Box::new(one)),
            ("getSubmission", Box::new(with_submission)),
            ("getSubmissionPdf", Box::new(with_submission)),
            ("getFile", Box::new(with_file)),
        ];
        for (op, make) in &reads {
            for (who, target, status) in [(&client, id.as_str(), StatusCode::OK), (&client, unknown, StatusCode::NOT_FOUND), (&stranger, id.as_str(), StatusCode::UNAUTHORIZED)] {
                let p = make(target);
                let p: Vec<(&str, &str)> = p.iter().map(|(k, v)| (*k, v.as_str())).collect();
                expect(&who.send(op, &p, &[], Body::None).await, status, &format!("{label} {op} {target}"));
            }
        }

        // A letter: 201, 400 for something that is not a PDF, 404, 401.
        expect(&client.send("uploadLetter", &[("id", id.as_str())], &[("tittel", "Vedtak".into())], Body::Pdf(pdf("Vedtak"))).await, StatusCode::CREATED, "letter");
        expect(
            &client.send("uploadLetter", &[("id", id.as_str())], &[("tittel", "Vedtak".into())], Body::Pdf(b"not a pdf".to_vec())).await,
            StatusCode::BAD_REQUEST,
            "letter, not a PDF",
        );
        expect(&client.send("uploadLetter", &[("id", unknown)], &[("tittel", "Vedtak".into())], Body::Pdf(pdf("Vedtak"))).await, StatusCode::NOT_FOUND, "letter, unknown");
        expect(&stranger.send("uploadLetter", &[("id", id.as_str())], &[("tittel", "Vedtak".into())], Body::Pdf(pdf("Vedtak"))).await, StatusCode::UNAUTHORIZED, "letter, no key");

        // The case status: 204, 422 for a document that is not digisos-soker, 404, 401.
        let status = json!({"version": "1.0.0", "avsender": {"systemnavn": "Bergen fagsystem", "systemversjon": "3.1"}, "hendelser": [
            {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "UNDER_BEHANDLING"}
        ]});
        expect(&client.send("putCaseStatus", &[("id", id.as_str())], &[], Body::Json(&status)).await, StatusCode::NO_CONTENT, "status");
        expect(&client.send("putCaseStatus", &[("id", id.as_str())], &[], Body::Json(&json!({"hendelser": "no"}))).await, StatusCode::UNPROCESSABLE_ENTITY, "status, invalid");
        expect(&client.send("putCaseStatus", &[("id", unknown)], &[], Body::Json(&status)).await, StatusCode::NOT_FOUND, "status, unknown");
        expect(&stranger.send("putCaseStatus", &[("id", id.as_str())], &[], Body::Json(&status)).await, StatusCode::UNAUTHORIZED, "status, no key");

        // Acknowledging: 204, 404, 401.
        expect(&client.send("acknowledgeApplication", &[("id", id.as_str())], &[], Body::None).await, StatusCode::NO_CONTENT, "acknowledge");
        expect(&client.send("acknowledgeApplication", &[("id", unknown)], &[], Body::None).await, StatusCode::NOT_FOUND, "acknowledge, unknown");
        expect(&stranger.send("acknowledgeApplication", &[("id", id.as_str())], &[], Body::None).await, StatusCode::UNAUTHORIZED, "acknowledge, no key");
    }

    // Past its rate limit a key gets 429 from every operation, before anything is looked up.
    let limits = velferd_web::limits::RateLimits { api: velferd_web::limits::Limit { max: 1, window_s: 3600 }, ..Default::default() };
    let app = TestApp::spawn_with(velferd_store::testing::sqlite(), velferd_web::Config { demo: true, limits, ..Default::default() }).await;
    let key = app.store.create_api_key(&Kommunenummer::parse("4601").expect("kommune"), "Bergen fagsystem", 0).await.expect("key");
    let client = CaseSystem::connect(&app.base, &key.secret).await;
    expect(&client.send("listNewApplications", &[], &[], Body::None).await, StatusCode::OK, "the one call allowed");
    let any = "00000000000000000000000000";
    let sha = "0".repeat(64);
    let all_params = [("id", any), ("ettersendelse", any), ("sha256", sha.as_str())];
    for ops in spec["paths"].as_object().expect("paths").values() {
        for op_id in ops.as_object().expect("operations").values().filter_map(|op| op.get("operationId")?.as_str()) {
            let (template, _) = client.operation(op_id);
            let p: Vec<(&str, &str)> = all_params.iter().copied().filter(|(name, _)| template.contains(&format!("{{{name}}}"))).collect();
            let empty = json!({});
            let body = match op_id {
                "uploadLetter" => Body::Pdf(pdf("x")),
                "putCaseStatus" => Body::Json(&empty),
                _ => Body::None,
            };
            expect(&client.send(op_id, &p, &[("tittel", "x".into())], body).await, StatusCode::TOO_MANY_REQUESTS, op_id);
        }
    }

    // With the database gone every operation answers 503 (retry later), never a 500.
    let app = TestApp::spawn(velferd_store::testing::sqlite()).await;
    let key = app.store.create_api_key(&Kommunenummer::parse("4601").expect("kommune"), "Bergen fagsystem", 0).await.expect("key");
    let client = CaseSystem::connect(&app.base, &key.secret).await;
    app.store.close().await;
    for ops in spec["paths"].as_object().expect("paths").values() {
        for op_id in ops.as_object().expect("operations").values().filter_map(|op| op.get("operationId")?.as_str()) {
            let (template, _) = client.operation(op_id);
            let p: Vec<(&str, &str)> = all_params.iter().copied().filter(|(name, _)| template.contains(&format!("{{{name}}}"))).collect();
            let empty = json!({});
            let body = match op_id {
                "uploadLetter" => Body::Pdf(pdf("x")),
                "putCaseStatus" => Body::Json(&empty),
                _ => Body::None,
            };
            expect(&client.send(op_id, &p, &[("tittel", "x".into())], body).await, StatusCode::SERVICE_UNAVAILABLE, op_id);
        }
    }

    // Every operation, and every status the document lists for it, was answered and checked.
    let seen = checked();
    let mut missing = Vec::new();
    for ops in spec["paths"].as_object().expect("paths").values() {
        for op in ops.as_object().expect("operations").values().filter(|op| op.get("operationId").is_some()) {
            let op_id = op["operationId"].as_str().expect("id");
            for status in op["responses"].as_object().expect("responses").keys() {
                let code: u16 = status.parse().expect("a status code");
                if !seen.iter().any(|(o, s)| o == op_id && *s == code) {
                    missing.push(format!("{op_id} {code}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "not checked against openapi.json: {missing:?}");
}
