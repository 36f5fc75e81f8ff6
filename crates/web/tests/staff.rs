//! Caseworkers at the office: they see their own office's applications and nothing else, every
//! look is in the audit log (and on the citizen's case page), and people with a protected address
//! (kode 6/7) are out of sight without the role for it — their address nowhere. On both databases.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_store::{AuditEntry, Outcome};
use velferd_testkit::{Browser, TestApp, STEPS};

/// Signs in as one of the demo staff (`sara`: caseworker at NAV Frogner, `henrik`: manager at
/// NAV Frogner with the protected-person role, `nina`: caseworker at NAV Bergenhus, `tor`: contact centre).
async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    let page = b.get("/ansatt/demo").await;
    assert!(page.body.contains("Demoinnlogging for ansatte"), "{}", page.body);
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/ansatt")), "{}", done.body);
    b
}

/// The citizen `name` applies to `kommune`, staying somewhere else than the registered address;
/// returns (application id, reference).
async fn apply(app: &TestApp, name: &str, kommune: &str) -> (String, String, Browser) {
    let mut b = app.browser("nb");
    b.sign_in(name).await;
    let draft = b.start(kommune).await;
    for (step, fields) in STEPS {
        if *step == "personalia" {
            b.step(&draft, step, &[("telefon", "912 34 567"), ("bor_folkeregistrert", "nei"), ("oppholdsadresse", "Skjultveien 7, 0370 Oslo"), ("nordisk_borger", "ja")]).await;
        } else {
            b.step(&draft, step, fields).await;
        }
    }
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let receipt = sent.location.expect("receipt");
    let id = receipt.rsplit('/').next().expect("id").to_owned();
    let page = b.get(&receipt).await;
    let reference = regex_lite::Regex::new(r"VF-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap().find(&page.body).expect("reference").as_str().to_owned();
    (id, reference, b)
}

fn last(entries: &[AuditEntry]) -> &AuditEntry {
    entries.last().expect("an audit entry")
}

async fn pdf_text(b: &Browser, path: &str) -> Option<String> {
    let r = b.client.get(format!("{}{path}", b.base)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    let text = velferd_testkit::pdf_tools::text(&bytes);
    if text.is_none() {
        eprintln!("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    }
    text
}

#[tokio::test]
async fn a_caseworker_sees_only_the_offices_applications_and_every_look_is_logged() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (kari_id, kari_ref, mut kari) = apply(&app, "Kari", "0301").await;
        let (ola_id, ola_ref, _) = apply(&app, "Ola", "4601").await;

        let mut sara = staff(&app, "sara").await;
        let home = sara.get("/ansatt").await;
        assert!(home.body.contains("Sara Lund") && home.body.contains(r#"href="/ansatt/saker""#), "{label}: {}", home.body);
        let list = sara.get("/ansatt/saker").await;
        assert_eq!(list.status, StatusCode::OK, "{label}");
        assert!(list.body.contains(&kari_ref) && list.body.contains("NAV Frogner") && list.body.contains("Mottatt"), "{label}: {}", list.body);
        assert!(!list.body.contains(&ola_ref), "{label}: another office's application is not listed");

        let case = sara.get(&format!("/ansatt/saker/{kari_id}")).await;
        assert_eq!(case.status, StatusCode::OK, "{label}");
        assert!(case.body.contains(&kari_ref) && case.body.contains("Kari Nordmann"), "{label}: {}", case.body);
        assert!(case.body.contains("Storgata 12, 0184 Oslo") && case.body.contains("Skjultveien 7"), "{label}: an ordinary person's addresses are shown");
        assert!(case.body.contains("Jeg har mistet jobben") && case.body.contains("Søknaden ble sendt til NAV Frogner."), "{label}: answers and timeline");
        let entry = last(&app.store.audit_of_application(&kari_id).await.unwrap()).clone();
        assert_eq!(
            (entry.actor.as_str(), entry.actor_name.as_str(), entry.role.as_str(), entry.office.as_deref(), entry.action.as_str(), entry.outcome),
            ("staff:demo-sara", "Sara Lund", "saksbehandler", Some("0312"), "read-application", Outcome::Permit),
            "{label}"
        );
        assert!(entry.person.is_some(), "{label}: whose data");
        let pdf = pdf_text(&sara, &format!("/ansatt/saker/{kari_id}/soknad.pdf")).await;
        assert!(pdf.is_none_or(|t| t.contains(&kari_ref)), "{label}");

        // Changing the id in the URL to another office's case: not found, and logged as refused.
        for path in [format!("/ansatt/saker/{ola_id}"), format!("/ansatt/saker/{ola_id}/soknad.pdf"), format!("/ansatt/saker/{ola_id}/dokumenter/{}.pdf", "0".repeat(64))] {
            let page = sara.get(&path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{label}: {path}");
            assert!(!page.body.contains(&ola_ref) && !page.body.contains("Hansen"), "{label}: {path}");
            let entry = last(&app.store.audit_of_application(&ola_id).await.unwrap()).clone();
            assert_eq!((entry.actor.as_str(), entry.outcome), ("staff:demo-sara", Outcome::Deny), "{label}: {path}");
        }
        assert_eq!(sara.get("/ansatt/saker/finnes-ikke").await.status, StatusCode::NOT_FOUND, "{label}");

        // The Bergen caseworker sees Ola's, not Kari's.
        let mut nina = staff(&app, "nina").await;
        let list = nina.get("/ansatt/saker").await;
        assert!(list.body.contains(&ola_ref) && !list.body.contains(&kari_ref), "{label}");
        assert_eq!(nina.get(&format!("/ansatt/saker/{kari_id}")).await.status, StatusCode::NOT_FOUND, "{label}");

        // Contact-centre staff have no case pages: 403, logged.
        let mut tor = staff(&app, "tor").await;
        assert!(tor.get("/ansatt").await.body.contains("Rollen din gir ikke tilgang til sakene"), "{label}");
        assert_eq!(tor.get("/ansatt/saker").await.status, StatusCode::FORBIDDEN, "{label}");
        assert_eq!(tor.get(&format!("/ansatt/saker/{kari_id}")).await.status, StatusCode::FORBIDDEN, "{label}");
        let entry = last(&app.store.audit_of_application(&kari_id).await.unwrap()).clone();
        assert_eq!((entry.actor.as_str(), entry.role.as_str(), entry.outcome), ("staff:demo-tor", "kontaktsenter", Outcome::Deny), "{label}");

        // A citizen is not staff; staff pages send them to the staff sign-in (and back after it).
        assert_eq!(kari.get("/ansatt/saker").await.location.as_deref(), Some("/ansatt/logg-inn?neste=%2Fansatt%2Fsaker"), "{label}");

        // Kari sees who opened her application, by office and name; refused attempts are not shown as looks.
        let page = kari.get(&format!("/mine-soknader/{kari_id}")).await;
        assert!(page.body.contains("NAV Frogner, Sara Lund – hentet søknaden"), "{label}: {}", page.body);
        assert!(!page.body.contains("Nina Holm") && !page.body.contains("Tor Bakke"), "{label}");

        assert!(matches!(app.store.verify_audit().await.unwrap(), velferd_store::ChainCheck::Intact { .. }), "{label}");
    }
}

#[tokio::test]
async fn a_protected_persons_case_is_out_of_sight_without_the_role_and_the_address_is_never_shown() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (eva_id, eva_ref, mut eva) = apply(&app, "Eva", "0301").await;
        let eva_fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Eva").expect("Eva in the register").fnr;

        // What leaves for the case system carries no address.
        let stored = app.store.application(&eva_id, &eva_fnr).await.unwrap().expect("stored");
        let personalia = &stored.soknad_json["data"]["personalia"];
        assert!(personalia.get("folkeregistrertAdresse").is_none() && personalia.get("oppholdsadresse").is_none(), "{label}: {personalia}");
        assert!(!stored.soknad_json.to_string().contains("Sørkedalsveien"), "{label}");

        // A caseworker at her office without the role: not listed, not found, logged as refused.
        let mut sara = staff(&app, "sara").await;
        assert!(!sara.get("/ansatt/saker").await.body.contains(&eva_ref), "{label}");
        for path in [format!("/ansatt/saker/{eva_id}"), format!("/ansatt/saker/{eva_id}/soknad.pdf")] {
            let page = sara.get(&path).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{label}: {path}");
            let entry = last(&app.store.audit_of_application(&eva_id).await.unwrap()).clone();
            assert_eq!((entry.actor.as_str(), entry.outcome, entry.person.as_deref()), ("staff:demo-sara", Outcome::Deny, Some(eva_fnr.as_str())), "{label}");
        }

        // The manager with the role sees the case, marked, and no address on the page or in the PDF.
        let mut henrik = staff(&app, "henrik").await;
        let list = henrik.get("/ansatt/saker").await;
        assert!(list.body.contains(&eva_ref) && list.body.contains("Strengt fortrolig adresse (kode 6)"), "{label}: {}", list.body);
        let case = henrik.get(&format!("/ansatt/saker/{eva_id}")).await;
        assert_eq!(case.status, StatusCode::OK, "{label}");
        assert!(case.body.contains("Eva Fjell") && case.body.contains("Strengt fortrolig adresse (kode 6)"), "{label}: {}", case.body);
        for address in ["Sørkedalsveien", "0369", "Skjultveien", "0370"] {
            assert!(!case.body.contains(address), "{label}: {address} on the page");
        }
        if let Some(text) = pdf_text(&henrik, &format!("/ansatt/saker/{eva_id}/soknad.pdf")).await {
            assert!(text.contains(&eva_ref), "{label}: {text}");
            for address in ["Sørkedalsveien", "Skjultveien"] {
                assert!(!text.contains(address), "{label}: {address} in the PDF");
            }
        }
        let entry = last(&app.store.audit_of_application(&eva_id).await.unwrap()).clone();
        assert_eq!(
            (entry.actor.as_str(), entry.role.as_str(), entry.action.as_str(), entry.outcome),
            ("staff:demo-henrik", "leder,fortrolig", "read-application-pdf", Outcome::Permit),
            "{label}"
        );

        // Eva sees that Henrik opened it, and only that.
        let page = eva.get(&format!("/mine-soknader/{eva_id}")).await;
        assert!(page.body.contains("NAV Frogner, Henrik Moe – hentet søknaden"), "{label}");
        assert!(!page.body.contains("Sara Lund"), "{label}: a refused attempt is not a look");
        assert!(matches!(app.store.verify_audit().await.unwrap(), velferd_store::ChainCheck::Intact { .. }), "{label}");
    }
}

#[tokio::test]
async fn the_staff_demo_sign_in_exists_only_with_demo() {
    let app = TestApp::spawn_with(velferd_store::testing::sqlite(), velferd_web::Config::default()).await;
    let mut b = app.browser("nb");
    assert_eq!(b.get("/ansatt/demo").await.status, StatusCode::NOT_FOUND);
    assert_eq!(b.post("/ansatt/demo", &[("ansatt", "sara")]).await.status, StatusCode::NOT_FOUND);
    assert!(b.get("/ansatt/logg-inn").await.body.contains("Innlogging for ansatte er ikke satt opp"));

    let app = TestApp::spawn(velferd_store::testing::sqlite()).await;
    let mut b = app.browser("en");
    assert_eq!(b.get("/ansatt/logg-inn").await.location.as_deref(), Some("/ansatt/demo"), "without a staff provider, --demo offers the demo");
    let page = b.get("/ansatt/demo").await;
    assert!(page.body.contains("Demo sign-in for staff") && page.body.contains("Tor Bakke") && page.body.contains("Contact centre"), "{}", page.body);
    assert_eq!(b.post("/ansatt/demo", &[("ansatt", "ukjent")]).await.status, StatusCode::NOT_FOUND, "only the listed demo staff");
    b.csrf = "wrong".into();
    assert_eq!(b.post("/ansatt/demo", &[("ansatt", "sara")]).await.status, StatusCode::FORBIDDEN, "anti-forgery token");
    assert!(b.get("/logg-inn").await.body.contains(r#"href="/ansatt/demo""#), "the citizen demo page leads to the staff demo");
}

fn photo() -> Vec<u8> {
    let mut img = image::RgbImage::from_pixel(600, 800, image::Rgb([235, 230, 220]));
    for line in 0..20u32 {
        for x in 60..500 {
            for y in 0..6 {
                img.put_pixel(x, 80 + line * 30 + y, image::Rgb([30, 30, 30]));
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn a_caseworker_opens_the_documents_sent_to_the_case_and_only_those() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, mut kari) = apply(&app, "Kari", "0301").await;
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).unwrap().captures(&page.body).expect("a field for the rent contract")[1].to_owned();
        let form = reqwest::multipart::Form::new().text("_csrf", kari.csrf.clone()).part(field, reqwest::multipart::Part::bytes(photo()).file_name("side1.jpg"));
        let r = kari.client.post(format!("{}/mine-soknader/{id}/dokumenter", kari.base)).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");

        let mut sara = staff(&app, "sara").await;
        let case = sara.get(&format!("/ansatt/saker/{id}")).await;
        let href = regex_lite::Regex::new(r#"href="(/ansatt/saker/[^"]+/dokumenter/[0-9a-f]{64}\.pdf)">Husleiekontrakt<"#).unwrap();
        let found = href.captures(&case.body).unwrap_or_else(|| panic!("{label}: the case lists the document: {}", case.body));
        let doc = found[1].to_owned();
        let r = sara.client.get(format!("{}{doc}", sara.base)).send().await.unwrap();
        assert_eq!((r.status(), r.headers()["content-type"].to_str().unwrap().to_owned()), (StatusCode::OK, "application/pdf".to_owned()), "{label}");
        assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"));
        let entry = last(&app.store.audit_of_application(&id).await.unwrap()).clone();
        assert_eq!((entry.action.as_str(), entry.outcome), ("read-file", Outcome::Permit), "{label}");

        // A file that is not on this case, and this file from another office: not found, logged.
        let other = format!("/ansatt/saker/{id}/dokumenter/{}.pdf", "a".repeat(64));
        assert_eq!(sara.get(&other).await.status, StatusCode::NOT_FOUND, "{label}");
        let entry = last(&app.store.audit_of_application(&id).await.unwrap()).clone();
        assert_eq!((entry.action.as_str(), entry.outcome), ("read-file", Outcome::Deny), "{label}");
        let mut nina = staff(&app, "nina").await;
        let page = nina.get(&doc).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{label}");
        assert!(page.body.contains("Til forsiden for ansatte"), "{label}: a staff error page");
        let entry = last(&app.store.audit_of_application(&id).await.unwrap()).clone();
        assert_eq!((entry.actor.as_str(), entry.outcome), ("staff:demo-nina", Outcome::Deny), "{label}");
    }
}
