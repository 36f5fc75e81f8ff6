//! Letters that reach people, on both databases: a letter Kari has not opened after the office's
//! five days is on NAV Frogner's print-and-post list with a PDF whose first page carries her name and
//! address; opening it online takes it off. Eva's address is protected: her letter is flagged to be
//! handed over in person, has no address page (403), and staff without the role never see it.
//! Recording that a letter went out takes it off the list and is in the audit log.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_testkit::{html_unescape, pdf_tools, Browser, TestApp, STEPS};

const DAY: i64 = 24 * 3600 * 1000;

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    b.post("/ansatt/demo", &[("ansatt", key)]).await;
    b
}

async fn apply(app: &TestApp, name: &str) -> (String, String, Browser) {
    let mut b = app.browser("nb");
    b.sign_in(name).await;
    let draft = b.start("0301").await;
    for (step, fields) in STEPS {
        b.step(&draft, step, fields).await;
    }
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let receipt = sent.location.expect("receipt");
    let id = receipt.rsplit('/').next().unwrap().to_owned();
    let page = b.get(&receipt).await;
    let reference = regex_lite::Regex::new(r"VF-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap().find(&page.body).unwrap().as_str().to_owned();
    (id, reference, b)
}

/// Files a letter on the application as if the office sent it `days_ago`.
async fn letter(app: &TestApp, id: &str, title: &str, days_ago: i64) -> String {
    let pdf = velferd_documents::render(&velferd_documents::Document {
        title: title.into(),
        language: "nb".into(),
        intro: vec!["Vi har behandlet søknaden din.".into()],
        sections: vec![],
        footer: "NAV Frogner".into(),
        page_label: "Side {page} av {pages}".into(),
    })
    .unwrap();
    let sha = app.files.put(&pdf).await.unwrap();
    app.store.add_letter(id, title, &sha, pdf.len() as i64, velferd_web::now_ms() - days_ago * DAY).await.unwrap()
}

#[tokio::test]
async fn unopened_letters_go_on_the_print_list_and_protected_addresses_are_never_printed() {
    for app in TestApp::all().await {
        let label = app.db.label;
        velferd_web::seed_demo_people(&app.store).await.unwrap();
        let (kari_id, kari_ref, mut kari) = apply(&app, "Kari").await;
        let (eva_id, eva_ref, _) = apply(&app, "Eva").await;
        let fresh = letter(&app, &kari_id, "Vi trenger flere dokumenter", 1).await;
        let old = letter(&app, &kari_id, "Vedtak om økonomisk sosialhjelp", 6).await;
        letter(&app, &eva_id, "Vedtak om økonomisk sosialhjelp", 7).await;

        let mut sara = staff(&app, "sara").await;
        let list = html_unescape(&sara.get("/ansatt/utskrift").await.body);
        assert!(list.contains(&kari_ref) && list.contains("Vedtak om økonomisk sosialhjelp"), "{label}: the six-day-old letter is listed");
        assert!(!list.contains("Vi trenger flere dokumenter"), "{label}: a letter from yesterday is not");
        assert!(!list.contains(&eva_ref), "{label}: staff without the role never see a protected person");
        assert!(list.contains("Kari Nordmann"), "{label}");

        let pdf = sara.client.get(format!("{}/ansatt/utskrift/{old}.pdf", sara.base)).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::OK, "{label}");
        let bytes = pdf.bytes().await.unwrap();
        if let Some(text) = pdf_tools::text(&bytes) {
            let first = text.split('\u{c}').next().unwrap_or_default().to_owned();
            assert!(first.contains("Kari Nordmann") && first.contains(&kari_ref), "{label}: the address page: {first}");
            assert!(text.contains("Vi har behandlet søknaden din."), "{label}: then the letter");
        }

        // Henrik has the role: Eva's letter is there, to be handed over, with no address page.
        let mut henrik = staff(&app, "henrik").await;
        let his = html_unescape(&henrik.get("/ansatt/utskrift").await.body);
        assert!(his.contains(&eva_ref) && his.contains("Adressen er beskyttet"), "{label}");
        let eva_letter = app
            .store
            .letters_to_print(&velferd_domain::staff::CaseAccess { office: "0312".into(), protected_persons: true }, velferd_web::now_ms())
            .await
            .unwrap()
            .into_iter()
            .find(|l| l.protected)
            .unwrap();
        assert!(eva_letter.address.is_empty(), "{label}: no address is read out for her");
        assert_eq!(henrik.get(&format!("/ansatt/utskrift/{}.pdf", eva_letter.id)).await.status, StatusCode::FORBIDDEN, "{label}");
        henrik.get("/ansatt/utskrift").await;
        let handed = henrik.post(&format!("/ansatt/utskrift/{}", eva_letter.id), &[]).await;
        assert_eq!(handed.status, StatusCode::SEE_OTHER, "{label}");
        assert!(!html_unescape(&henrik.get("/ansatt/utskrift").await.body).contains(&eva_ref), "{label}: handed over, off the list");

        // Kari opens the letter online: off the list without printing.
        let page = kari.get(&format!("/mine-soknader/{kari_id}")).await;
        assert!(page.body.contains(&format!("/brev/{old}.pdf")), "{label}");
        assert_eq!(kari.get(&format!("/mine-soknader/{kari_id}/brev/{old}.pdf")).await.status, StatusCode::OK);
        assert!(!html_unescape(&sara.get("/ansatt/utskrift").await.body).contains(&kari_ref), "{label}: opened online, off the list");
        assert_eq!(sara.get(&format!("/ansatt/utskrift/{old}.pdf")).await.status, StatusCode::NOT_FOUND, "{label}");
        let _ = fresh;
    }
}
