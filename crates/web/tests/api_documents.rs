//! What a case system gets beyond the application itself, through nothing but the OpenAPI
//! document: the application as PDF, documents sent later as their own items, letters it files for
//! the citizen (and when the citizen opened them), and a change feed to poll. Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::{Body, CaseSystem};
use velferd_testkit::{fill_in, Browser, TestApp};

fn sha256(bytes: &[u8]) -> String {
    velferd_store::files::sha256_hex(bytes)
}

/// A small, real PDF with one line of text.
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

async fn apply(app: &TestApp, who: &str, kommune: &str) -> (Browser, String) {
    let mut b = app.browser("nb");
    b.sign_in(who).await;
    let draft = fill_in(&mut b, kommune).await;
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.expect("redirect").rsplit('/').next().expect("id").to_owned();
    (b, id)
}

/// Sends one PDF as the rent contract through the citizen's upload page.
async fn send_rent_contract(b: &mut Browser, id: &str, bytes: Vec<u8>) {
    let page = b.get(&format!("/mine-soknader/{id}/dokumenter")).await;
    let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).unwrap().captures(&page.body).expect("rent contract field")[1].to_owned();
    let form = Form::new().text("_csrf", b.csrf.clone()).part(field, Part::bytes(bytes).file_name("kontrakt.pdf"));
    let r = b.client.post(format!("{}/mine-soknader/{id}/dokumenter", b.base)).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
}

async fn changes(client: &CaseSystem, after: &str) -> (Vec<Value>, String) {
    let reply = client.send("listChanges", &[], &[("etter", after.to_owned())], Body::None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.json);
    (reply.json["hendelser"].as_array().unwrap().clone(), reply.json["neste"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn ettersendelser_files_and_the_change_feed_reach_the_case_system() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo fagsystem", 0).await.unwrap();
        let client = CaseSystem::connect(&app.base, &key.secret).await;
        let (mut kari, id) = apply(&app, "Kari", "0301").await;
        let (_ola, bergen_id) = apply(&app, "Ola", "4601").await;

        // The new application is in the feed, and only Oslo's.
        let (items, next) = changes(&client, "").await;
        assert_eq!(items.len(), 1, "{label}: {items:?}");
        assert_eq!((items[0]["type"].as_str(), items[0]["soknad"].as_str()), (Some("soknad.mottatt"), Some(id.as_str())));
        assert_eq!(next, items[0]["nr"].to_string());
        let (none, same) = changes(&client, &next).await;
        assert!(none.is_empty() && same == next, "{label}: polling again gives nothing new and keeps the cursor");

        // The application as PDF.
        let reply = client.send("getApplicationPdf", &[("id", &id)], &[], Body::None).await;
        assert_eq!((reply.status, reply.content_type.as_str()), (StatusCode::OK, "application/pdf"));
        assert!(reply.bytes.starts_with(b"%PDF-"));

        // Kari sends her rent contract later: the feed names it, and it is its own item with its
        // own vedlegg.json and the PDF she sent.
        let contract = pdf("Husleiekontrakt for Storgata 1");
        send_rent_contract(&mut kari, &id, contract).await;
        let (items, _) = changes(&client, &next).await;
        assert_eq!(items.len(), 1, "{label}: {items:?}");
        assert_eq!(items[0]["type"], "ettersendelse.mottatt");
        let submission_id = items[0]["ettersendelse"].as_str().unwrap().to_owned();
        assert_eq!(items[0]["href"], format!("/api/v1/soknader/{id}/ettersendelser/{submission_id}"));

        let reply = client.send("getSubmission", &[("id", &id), ("ettersendelse", &submission_id)], &[], Body::None).await;
        assert_eq!(reply.status, StatusCode::OK);
        let item = reply.json;
        assert_eq!(velferd_formats::validate(velferd_formats::Kind::Vedlegg, &item["vedlegg"]).unwrap(), vec![], "{item}");
        assert_eq!(item["vedlegg"]["vedlegg"][0]["type"], "husleiekontrakt");
        let file = &item["filer"][0];
        let sha = file["sha256"].as_str().unwrap().to_owned();
        let reply = client.send("getFile", &[("id", &id), ("sha256", &sha)], &[], Body::None).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(sha256(&reply.bytes), sha, "the file is the one named");
        assert_eq!(reply.bytes.len() as i64, file["storrelse"].as_i64().unwrap());

        let list = client.call("listSubmissions", Some(&id), &[], None).await.1;
        assert_eq!(list["ettersendelser"].as_array().unwrap().len(), 1);
        let one = client.call("getApplication", Some(&id), &[], None).await.1;
        assert_eq!(one["ettersendelser"][0]["id"], submission_id.as_str());
        assert_eq!(one["filer"][0]["href"], format!("/api/v1/soknader/{id}/soknad.pdf"));

        // Nothing of another municipality's application, whatever the ids: not its files, its
        // ettersendelser or its PDF, and no letter can be filed on it.
        for (op, params) in [
            ("getApplicationPdf", vec![("id", bergen_id.as_str())]),
            ("listSubmissions", vec![("id", bergen_id.as_str())]),
            ("getSubmission", vec![("id", bergen_id.as_str()), ("ettersendelse", submission_id.as_str())]),
            ("getFile", vec![("id", bergen_id.as_str()), ("sha256", sha.as_str())]),
        ] {
            assert_eq!(client.send(op, &params, &[], Body::None).await.status, StatusCode::NOT_FOUND, "{label}: {op}");
        }
        let reply = client.send("uploadLetter", &[("id", &bergen_id)], &[("tittel", "Vedtak".into())], Body::Pdf(pdf("x"))).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        // A file of its own application asked for under another id is not found either.
        let reply = client.send("getFile", &[("id", &bergen_id), ("sha256", &sha)], &[], Body::None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);

        // Bad cursors are a 400 with a reason.
        let reply = client.send("listChanges", &[], &[("etter", "yesterday".into())], Body::None).await;
        assert_eq!((reply.status, reply.json["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_cursor")));
    }
}

#[tokio::test]
async fn a_filed_decision_letter_opens_for_the_citizen_and_the_office_learns_it_was_read() {
    for app in TestApp::all().await {
        let label = app.db.label;
        // Bergen lets its case system own the status (data/kommuner.json).
        let key = app.store.create_api_key(&Kommunenummer::parse("4601").unwrap(), "Bergen fagsystem", 0).await.unwrap();
        let client = CaseSystem::connect(&app.base, &key.secret).await;
        let (mut ola, id) = apply(&app, "Ola", "4601").await;
        let (_, start) = changes(&client, "").await;

        // Refused letters say why.
        let bad = client.send("uploadLetter", &[("id", &id)], &[], Body::Pdf(pdf("x"))).await;
        assert_eq!((bad.status, bad.json["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_title")));
        let bad = client.send("uploadLetter", &[("id", &id)], &[("tittel", "Vedtak".into())], Body::Pdf(b"not a pdf".to_vec())).await;
        assert_eq!((bad.status, bad.json["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("not_pdf")));
        let bad = client.send("uploadLetter", &[("id", &id)], &[("tittel", "Vedtak".into())], Body::Pdf(b"%PDF-1.7\nbroken".to_vec())).await;
        assert_eq!((bad.status, bad.json["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_pdf")), "{}", bad.json);

        let filed = client.send("uploadLetter", &[("id", &id)], &[("tittel", "Vedtak om økonomisk sosialhjelp".into())], Body::Pdf(pdf("Du får 4 000 kroner"))).await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);
        let reference = filed.json["referanse"].clone();
        let letter_id = reference["id"].as_str().unwrap().to_owned();
        let doc = json!({"version": "1.0.0", "avsender": {"systemnavn": "Bergen fagsystem", "systemversjon": "3.1"}, "hendelser": [
            {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "UNDER_BEHANDLING"},
            {"type": "saksStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "referanse": "S1", "tittel": "Livsopphold", "status": "UNDER_BEHANDLING"},
            {"type": "vedtakFattet", "hendelsestidspunkt": "2030-02-03T08:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET", "vedtaksfil": {"referanse": reference}},
            {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-03T08:00:00.000Z", "status": "FERDIGBEHANDLET"}
        ]});
        let put = client.call("putCaseStatus", Some(&id), &[], Some(&doc)).await;
        assert_eq!(put.0, StatusCode::NO_CONTENT, "{}", put.1);

        // Ola sees the decision with its letter, not yet opened.
        let page = ola.get(&format!("/mine-soknader/{id}")).await;
        let href = format!("/mine-soknader/{id}/brev/{letter_id}.pdf");
        assert!(page.body.contains(&format!(r#"href="{href}">Les vedtaket (PDF)"#)), "{label}: {}", page.body);
        assert!(page.body.contains("Brev fra kontoret") && page.body.contains("Du har ikke åpnet det ennå"), "{}", page.body);
        assert_eq!(client.call("getApplication", Some(&id), &[], None).await.1["brev"][0]["lest"], Value::Null);

        // Kari cannot open it.
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        assert_eq!(kari.get(&href).await.status, StatusCode::NOT_FOUND, "{label}");

        // Ola opens it: the same letter the case system filed.
        let opened = ola.client.get(format!("{}{href}", ola.base)).send().await.unwrap();
        assert_eq!(opened.status(), StatusCode::OK);
        let opened = opened.bytes().await.unwrap();
        let stored_href = filed.json["href"].as_str().unwrap();
        let sha = stored_href.rsplit('/').next().unwrap();
        assert_eq!(sha256(&opened), sha);
        assert!(ola.get(&format!("/mine-soknader/{id}")).await.body.contains("Du åpnet det"), "{label}");

        // The office learns it once, however often he opens it.
        ola.client.get(format!("{}{href}", ola.base)).send().await.unwrap();
        let (items, _) = changes(&client, &start).await;
        let read: Vec<_> = items.iter().filter(|i| i["type"] == "brev.lest").collect();
        assert_eq!(read.len(), 1, "{label}: {items:?}");
        assert_eq!(read[0]["brev"], letter_id.as_str());
        assert!(client.call("getApplication", Some(&id), &[], None).await.1["brev"][0]["lest"].is_string());
    }
}

#[tokio::test]
async fn each_requested_document_links_to_an_upload_for_just_that_request() {
    for app in TestApp::all().await {
        velferd_web::seed_demo_cases(&app.store, app.files.as_ref(), &velferd_web::default_kommuner(), velferd_web::now_ms()).await.unwrap();
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let list = ola.get("/mine-soknader").await;
        let case = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+)""#).unwrap().captures(&list.body).unwrap()[1].to_owned();
        let page = ola.get(&case).await;
        let link = regex_lite::Regex::new(r#"href="([^"]+\?krav=1)"><strong>Husleiekontrakt</strong>"#).unwrap().captures(&page.body).unwrap_or_else(|| panic!("{}", page.body))[1]
            .to_owned();
        let upload = ola.get(&link).await;
        assert_eq!(upload.status, StatusCode::OK);
        assert!(upload.body.contains(">Husleiekontrakt<") && !upload.body.contains("brukskonto"), "only the one request: {}", upload.body);
        assert!(upload.body.contains(r#"name="krav" value="1""#) && upload.body.contains("Send andre dokumenter også"));
        // A request number that does not exist shows every field rather than an error.
        let all = ola.get(&format!("{case}/dokumenter?krav=99")).await;
        assert!(all.body.contains(">Husleiekontrakt<") && all.body.contains("brukskonto"), "{}", all.body);

        // Kari's demo decision has its letter to open.
        let mut kari = app.browser("en");
        kari.sign_in("Kari").await;
        let list = kari.get("/mine-soknader").await;
        // Her decided case is the older of her two (newest first).
        let case = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+)""#).unwrap().captures_iter(&list.body).last().unwrap()[1].to_owned();
        let page = kari.get(&case).await;
        let letter =
            regex_lite::Regex::new(r#"href="([^"]+/brev/[^"]+\.pdf)">Read the decision"#).unwrap().captures(&page.body).unwrap_or_else(|| panic!("{}", page.body))[1].to_owned();
        let pdf = kari.client.get(format!("{}{letter}", kari.base)).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::OK);
        assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    }
}

/// Refused attempts by the key named `actor` about either application, as DENY entries.
async fn denials(app: &TestApp, actor: &str, ids: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        for e in app.store.audit_of_application(id).await.unwrap() {
            if e.actor == actor && e.outcome == velferd_store::Outcome::Deny {
                out.push(e.action);
            }
        }
    }
    out
}

#[tokio::test]
async fn every_operation_refused_for_another_municipalitys_ids_is_audited() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let oslo_key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo fagsystem", 0).await.unwrap();
        let bergen_key = app.store.create_api_key(&Kommunenummer::parse("4601").unwrap(), "Bergen fagsystem", 0).await.unwrap();
        let oslo = CaseSystem::connect(&app.base, &oslo_key.secret).await;
        let bergen = CaseSystem::connect(&app.base, &bergen_key.secret).await;
        let actor = format!("api-key:{}", app.store.api_keys().await.unwrap().iter().find(|k| k.name == "Oslo fagsystem").unwrap().id);
        let (_kari, own) = apply(&app, "Kari", "0301").await;
        let (mut ola, foreign) = apply(&app, "Ola", "4601").await;
        send_rent_contract(&mut ola, &foreign, pdf("Husleiekontrakt")).await;
        let theirs = bergen.call("listSubmissions", Some(&foreign), &[], None).await.1;
        let their_submission = theirs["ettersendelser"][0]["id"].as_str().expect("Bergen's ettersendelse").to_owned();
        let their_file = theirs["ettersendelser"][0]["filer"][0]["sha256"].as_str().expect("its file").to_owned();
        let status_doc = json!({"version": "1.0.0", "avsender": {"systemnavn": "Oslo fagsystem", "systemversjon": "1"}, "hendelser": [
            {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "UNDER_BEHANDLING"}
        ]});
        let broken = json!({"hendelser": "nei"});
        let title = [("tittel", "Vedtak".to_owned())];

        // Every operation on one application, with another municipality's ids in every place an id
        // goes: the application, its ettersendelse or file under one's own application, and a
        // request body that would be refused anyway.
        // (operation, path parameters, query, body)
        type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a [(&'a str, String)], Body<'a>);
        let cases: Vec<Case> = vec![
            ("getApplication", vec![("id", &foreign)], &[], Body::None),
            ("acknowledgeApplication", vec![("id", &foreign)], &[], Body::None),
            ("putCaseStatus", vec![("id", &foreign)], &[], Body::Json(&status_doc)),
            ("putCaseStatus", vec![("id", &foreign)], &[], Body::Json(&broken)),
            ("getApplicationPdf", vec![("id", &foreign)], &[], Body::None),
            ("getApplicationDocumentsPdf", vec![("id", &foreign)], &[], Body::None),
            ("listSubmissions", vec![("id", &foreign)], &[], Body::None),
            ("listMessages", vec![("id", &foreign)], &[], Body::None),
            ("getSubmission", vec![("id", &foreign), ("ettersendelse", &their_submission)], &[], Body::None),
            ("getSubmission", vec![("id", &own), ("ettersendelse", &their_submission)], &[], Body::None),
            ("getSubmissionPdf", vec![("id", &foreign), ("ettersendelse", &their_submission)], &[], Body::None),
            ("getSubmissionPdf", vec![("id", &own), ("ettersendelse", &their_submission)], &[], Body::None),
            ("getFile", vec![("id", &foreign), ("sha256", &their_file)], &[], Body::None),
            ("getFile", vec![("id", &own), ("sha256", &their_file)], &[], Body::None),
            ("uploadLetter", vec![("id", &foreign)], &title, Body::Pdf(pdf("Vedtak"))),
            ("uploadLetter", vec![("id", &foreign)], &[], Body::Pdf(b"not a pdf".to_vec())),
        ];
        // Every operation that takes an id in the OpenAPI document is among them.
        let covered: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.0).collect();
        for (path, ops) in oslo.spec["paths"].as_object().unwrap() {
            for op in ops.as_object().unwrap().values() {
                if path.contains("{id}") {
                    let name = op["operationId"].as_str().unwrap();
                    assert!(covered.contains(name), "{name} ({path}) is not tried with another municipality's ids");
                }
            }
        }
        for (op, params, query, body) in cases {
            let before = denials(&app, &actor, &[&own, &foreign]).await.len();
            let reply = oslo.send(op, &params, query, body).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{label}: {op} {params:?}: {}", reply.json);
            let after = denials(&app, &actor, &[&own, &foreign]).await;
            assert_eq!(after.len(), before + 1, "{label}: {op} {params:?} was refused without a DENY in the audit log");
        }
        // Bergen's application is untouched.
        assert_eq!(bergen.call("getApplication", Some(&foreign), &[], None).await.1["kvittert"], false, "{label}");
    }
}
