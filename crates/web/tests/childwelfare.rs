//! Child welfare over HTTP on both databases: a teacher (signed in as a professional) and an
//! anonymous neighbour report through `/bekymring`; the child-welfare caseworker sees both at once
//! and works them; the teacher's receipt and feedback letter are PDFs; spam, bad input and a busy
//! address get a message, never a 5xx; and every child-welfare route is a 404 for NAV's staff,
//! citizens and strangers.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_store::Outcome;
use velferd_testkit::{Browser, TestApp};
use velferd_web::limits::{Limit, RateLimits};
use velferd_web::Config;

async fn apps(limits: RateLimits) -> Vec<TestApp> {
    let mut out = Vec::new();
    for db in velferd_store::testing::all().await {
        out.push(TestApp::spawn_with(db, Config { demo: true, limits, ..Config::default() }).await);
    }
    out
}

fn no_wait() -> RateLimits {
    RateLimits { concern_min_fill_ms: 0, ..RateLimits::default() }
}

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b
}

const NEIGHBOUR: &[(&str, &str)] = &[
    ("kommune", "0301"),
    ("barn-navn", "Ida"),
    ("barn-sted", "Storgata 12, 0184 Oslo"),
    ("bekymring", "Jeg hører roping og gråt fra leiligheten hver kveld, og i går smalt det."),
    ("hastegrad", "akutt"),
    ("fare-na", "ja"),
    ("anonym", "ja"),
];

const TEACHER: &[(&str, &str)] = &[
    ("kommune", "0301"),
    ("barn-navn", "Emil Nordmann"),
    ("barn-fodt", "01.05.2016"),
    ("barn-sted", "Fjell skole, 4B"),
    ("bekymring", "Emil kommer ofte sulten og har hatt blåmerker tre ganger denne måneden."),
    ("hastegrad", "snart"),
    ("fare-na", "nei"),
    ("melder-rolle", "Kontaktlærer"),
    ("melder-organisasjon", "Fjell skole"),
    ("melder-telefon", "22 22 22 22"),
];

/// Fills in the form at `path` and sends it; the response to the send.
async fn report(b: &mut Browser, path: &str, fields: &[(&str, &str)]) -> velferd_testkit::Page {
    let form = b.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let token = form.input_value("skjema").expect("form token");
    let som = if path.contains("fagperson") { "fagperson" } else { "" };
    let mut all = vec![("skjema", token.as_str()), ("som", som), ("nettside", "")];
    all.extend_from_slice(fields);
    b.post("/bekymring", &all).await
}

#[tokio::test]
async fn a_teacher_and_a_neighbour_report_and_the_child_welfare_caseworker_works_both() {
    for app in apps(no_wait()).await {
        // The anonymous neighbour: no sign-in, the emergency numbers first.
        let mut neighbour = app.browser("nb");
        let form = neighbour.get("/bekymring").await;
        let danger = form.body.find("tel:112").unwrap();
        assert!(danger < form.body.find("name=\"kommune\"").unwrap(), "112 is shown before any field");
        let sent = report(&mut neighbour, "/bekymring", NEIGHBOUR).await;
        assert_eq!((sent.status, sent.location.as_deref()), (StatusCode::SEE_OTHER, Some("/bekymring/kvittering")), "{}", sent.body);
        let receipt = neighbour.get("/bekymring/kvittering").await;
        assert!(receipt.body.contains("Bekymringsmeldingen er mottatt") && receipt.body.contains("tel:112"), "{}", receipt.body);

        // The teacher signs in as a professional first.
        let mut teacher = app.browser("nb");
        let page = teacher.get("/bekymring?som=fagperson").await;
        assert!(page.body.contains("/logg-inn?neste="), "a professional is asked to sign in");
        teacher.sign_in("Kari").await;
        let sent = report(&mut teacher, "/bekymring?som=fagperson", TEACHER).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let receipt = teacher.get("/bekymring/kvittering").await;
        let reference = regex_lite::Regex::new(r"BM-[0-9A-Z]{8}").unwrap().find(&receipt.body).unwrap().as_str().to_owned();
        assert!(receipt.body.contains("innen tre uker"), "the professional is told about the feedback");
        let pdf = teacher.client.get(format!("{}/bekymring/kvittering.pdf", teacher.base)).send().await.unwrap();
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let bytes = pdf.bytes().await.unwrap();
        if let Some(text) = velferd_testkit::pdf_tools::text(&bytes) {
            assert!(text.contains(&reference) && text.contains("Kontaktlærer"), "{text}");
        }

        // The caseworker sees both at once, the acute one first.
        let mut bente = staff(&app, "bente").await;
        let home = bente.get("/ansatt").await;
        assert!(home.body.contains("/ansatt/barnevern"));
        let list = bente.get("/ansatt/barnevern").await;
        assert_eq!(list.status, StatusCode::OK);
        let ida = list.body.find("Ida").unwrap();
        let emil = list.body.find("Emil Nordmann").unwrap();
        assert!(ida < emil, "acute first");
        assert!(list.body.contains("Akutt"));
        let ids: Vec<String> = regex_lite::Regex::new(r#"href="/ansatt/barnevern/([0-9a-z]{26})""#).unwrap().captures_iter(&list.body).map(|c| c[1].to_owned()).collect();
        let (ida_id, emil_id) = (ids[0].clone(), ids[1].clone());

        // Urgency the same day; closing without a reason is refused with the text kept.
        let act = |handling: &'static str, version: &'static str, extra: Vec<(&'static str, &'static str)>| {
            let mut v = vec![("handling", handling), ("versjon", version)];
            v.extend(extra);
            v
        };
        let done = bente.post(&format!("/ansatt/barnevern/{emil_id}"), &act("hastegrad", "1", vec![("hastegrad", "snart"), ("begrunnelse", "Skolen følger med daglig.")])).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let done = bente.post(&format!("/ansatt/barnevern/{emil_id}"), &act("undersokelse", "2", vec![("begrunnelse", "Gjentatte blåmerker.")])).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let refused = bente.post(&format!("/ansatt/barnevern/{ida_id}"), &act("avslutt", "1", vec![("begrunnelse", " ")])).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.field_error("avslutt-begrunnelse").as_deref(), Some("Skriv en begrunnelse."));
        let done =
            bente.post(&format!("/ansatt/barnevern/{ida_id}"), &act("avslutt", "1", vec![("begrunnelse", "Politiet var der; familien følges opp av helsestasjonen.")])).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let stale = bente.post(&format!("/ansatt/barnevern/{ida_id}"), &act("avslutt", "1", vec![("begrunnelse", "igjen")])).await;
        assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY, "a closed report takes no more steps: {}", stale.body);

        // The teacher's feedback letter.
        let done = bente.post(&format!("/ansatt/barnevern/{emil_id}"), &act("tilbakemelding", "3", vec![])).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let page = bente.get(&format!("/ansatt/barnevern/{emil_id}")).await;
        assert!(page.body.contains("Undersøkes") && page.body.contains("Tilbakemelding til melder ("), "{}", page.body);
        let letter = bente.client.get(format!("{}/ansatt/barnevern/{emil_id}/filer/0", bente.base)).send().await.unwrap();
        assert_eq!(letter.status(), StatusCode::OK);
        let bytes = letter.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        if let Some(text) = velferd_testkit::pdf_tools::text(&bytes) {
            assert!(text.contains("Vi har startet en undersøkelse") && !text.contains("blåmerker"), "the letter says the outcome and nothing of the case: {text}");
        }
        let list = bente.get("/ansatt/barnevern").await;
        assert!(!list.body.contains("Ida"), "the closed report leaves the open list");
        let export = bente.get(&format!("/ansatt/barnevern/{emil_id}/eksport.json")).await;
        let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
        assert_eq!(json["meldingstype"], "no.ks.fiks.bekymringsmelding.offentlig.v2");
        assert_eq!(json["melding"]["offentligMelder"]["rolle"], "Kontaktlærer");
    }
}

#[tokio::test]
async fn every_child_welfare_route_is_a_404_for_nav_staff_citizens_and_strangers() {
    for app in apps(no_wait()).await {
        let mut neighbour = app.browser("nb");
        assert_eq!(report(&mut neighbour, "/bekymring", NEIGHBOUR).await.status, StatusCode::SEE_OTHER);
        let mut bente = staff(&app, "bente").await;
        let list = bente.get("/ansatt/barnevern").await;
        let id = regex_lite::Regex::new(r#"href="/ansatt/barnevern/([0-9a-z]{26})""#).unwrap().captures(&list.body).unwrap()[1].to_owned();
        let routes = [
            "/ansatt/barnevern".to_owned(),
            "/ansatt/barnevern?alle=ja".to_owned(),
            format!("/ansatt/barnevern/{id}"),
            format!("/ansatt/barnevern/{id}/filer/0"),
            format!("/ansatt/barnevern/{id}/eksport.json"),
        ];
        let mut visitors = Vec::new();
        for key in ["sara", "ali", "berit", "henrik", "nina", "tor"] {
            visitors.push((key.to_owned(), staff(&app, key).await));
        }
        let mut citizen = app.browser("nb");
        citizen.sign_in("Kari").await;
        visitors.push(("citizen".into(), citizen));
        visitors.push(("stranger".into(), app.browser("nb")));
        for (who, mut b) in visitors {
            for path in &routes {
                let page = b.get(path).await;
                assert_eq!(page.status, StatusCode::NOT_FOUND, "{who} GET {path}: {}", page.location.unwrap_or_default());
                assert!(!page.body.contains("Ida") && !page.body.contains("roping"), "{who} {path}");
            }
            let post = b.post(&format!("/ansatt/barnevern/{id}"), &[("handling", "avslutt"), ("versjon", "1"), ("begrunnelse", "x")]).await;
            assert_eq!(post.status, StatusCode::NOT_FOUND, "{who} POST");
            if who == "sara" {
                let staff_home = b.get("/ansatt").await;
                assert!(!staff_home.body.contains("barnevern"), "NAV's home page says nothing of child welfare");
            }
        }
        let log = app.store.audit_of_application(&id).await.unwrap();
        assert!(log.iter().any(|e| e.actor == "staff:demo-sara" && e.outcome == Outcome::Deny), "the refusal is logged: {log:?}");
        // The report is still open: nothing a visitor did changed it.
        assert!(bente.get("/ansatt/barnevern").await.body.contains("Ida"));
    }
}

#[tokio::test]
async fn spam_bad_input_and_a_busy_address_get_a_message_and_a_school_is_not_stopped() {
    let limits = RateLimits { concern: Limit { max: 2, window_s: 3600 }, ..RateLimits::default() };
    for app in apps(limits).await {
        let mut b = app.browser("nb");
        // Sent at once: taken for a robot's, the form comes back with what was typed.
        let fast = report(&mut b, "/bekymring", NEIGHBOUR).await;
        assert_eq!(fast.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", fast.body);
        assert!(fast.body.contains("veldig raskt") && fast.body.contains("hver kveld"), "{}", fast.body);
        // The honeypot filled: nothing stored, a message.
        tokio::time::sleep(std::time::Duration::from_millis(3_100)).await;
        let token = fast.input_value("skjema").unwrap();
        let mut trap = vec![("skjema", token.as_str()), ("som", ""), ("nettside", "http://spam.example")];
        trap.extend_from_slice(NEIGHBOUR);
        let robot = b.post("/bekymring", &trap).await;
        assert_eq!(robot.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(robot.body.contains("kunne ikke sendes"));
        // Bad input: each fault at its field, everything typed kept.
        let mut bad = vec![
            ("skjema", token.as_str()),
            ("som", ""),
            ("nettside", ""),
            ("kommune", "9999"),
            ("barn-fnr", "12345678901"),
            ("bekymring", "Gråter ofte.\u{202e}"),
            ("fare-na", "nei"),
        ];
        bad.push(("barn-navn", "Ida"));
        let page = b.post("/bekymring", &bad).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(page.field_error("kommune").as_deref(), Some("Velg kommunen der barnet bor."));
        assert!(page.field_error("barn-fnr").is_some() && page.field_error("bekymring").is_some() && page.field_error("hastegrad").is_some());
        assert_eq!(page.input_value("barn-navn").as_deref(), Some("Ida"));
        assert!(page.is_checked("fare-na", "nei"));
        let huge = "x".repeat(2 * 1024 * 1024);
        let big = b.post("/bekymring", &[("skjema", token.as_str()), ("bekymring", huge.as_str())]).await;
        assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
        // Two reports from this address, then the limit; a signed-in professional still reports.
        assert_eq!(report(&mut b, "/bekymring", NEIGHBOUR).await.status, StatusCode::UNPROCESSABLE_ENTITY, "still too fast right after drawing");
        for _ in 0..2 {
            let form = b.get("/bekymring").await;
            tokio::time::sleep(std::time::Duration::from_millis(3_100)).await;
            let token = form.input_value("skjema").unwrap();
            let mut all = vec![("skjema", token.as_str()), ("som", ""), ("nettside", "")];
            all.extend_from_slice(NEIGHBOUR);
            assert_eq!(b.post("/bekymring", &all).await.status, StatusCode::SEE_OTHER);
        }
        let form = b.get("/bekymring").await;
        tokio::time::sleep(std::time::Duration::from_millis(3_100)).await;
        let token = form.input_value("skjema").unwrap();
        let mut all = vec![("skjema", token.as_str()), ("som", ""), ("nettside", "")];
        all.extend_from_slice(NEIGHBOUR);
        let limited = b.post("/bekymring", &all).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "{}", limited.body);
        let mut school = app.browser("nb");
        school.sign_in("Kari").await;
        let form = school.get("/bekymring?som=fagperson").await;
        tokio::time::sleep(std::time::Duration::from_millis(3_100)).await;
        let token = form.input_value("skjema").unwrap();
        let mut all = vec![("skjema", token.as_str()), ("som", "fagperson"), ("nettside", "")];
        all.extend_from_slice(TEACHER);
        assert_eq!(school.post("/bekymring", &all).await.status, StatusCode::SEE_OTHER, "a professional is counted by person, not address");
    }
}

/// A phone photo of a note: dark lines on light paper, as JPEG.
fn note_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        let v = if (y % 28) < 8 && x > 40 && x < 560 && (x / 23) % 7 != 0 { 40 } else { 235 };
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn send_multipart(b: &mut Browser, fields: &[(&str, &str)], files: Vec<(&'static str, Vec<u8>)>) -> (StatusCode, Option<String>, String) {
    let form = b.get("/bekymring?som=fagperson").await;
    let token = form.input_value("skjema").unwrap();
    let mut multipart = reqwest::multipart::Form::new().text("_csrf", b.csrf.clone()).text("skjema", token).text("som", "fagperson").text("nettside", "");
    for (k, v) in fields {
        multipart = multipart.text(k.to_string(), v.to_string());
    }
    for (name, bytes) in files {
        multipart = multipart.part("vedlegg", reqwest::multipart::Part::bytes(bytes).file_name(name));
    }
    let r = b.client.post(format!("{}/bekymring", b.base)).header("accept-language", "nb").multipart(multipart).send().await.unwrap();
    let status = r.status();
    let location = r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    (status, location, r.text().await.unwrap())
}

#[tokio::test]
async fn a_teachers_photo_of_a_note_becomes_a_pdf_with_the_report_and_a_broken_file_is_named() {
    for app in apps(no_wait()).await {
        let mut teacher = app.browser("nb");
        teacher.sign_in("Kari").await;
        let (status, _, body) = send_multipart(&mut teacher, TEACHER, vec![("notat.pdf", b"%PDF-1.7 not really".to_vec())]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("notat.pdf") && body.contains("Velg filene på nytt") && body.contains("Kontaktlærer"), "the file is named, the text kept: {body}");
        let (status, location, body) = send_multipart(&mut teacher, TEACHER, vec![("notat.jpg", note_photo())]).await;
        assert_eq!((status, location.as_deref()), (StatusCode::SEE_OTHER, Some("/bekymring/kvittering")), "{body}");
        let mut bente = staff(&app, "bente").await;
        let list = bente.get("/ansatt/barnevern").await;
        let id = regex_lite::Regex::new(r#"href="/ansatt/barnevern/([0-9a-z]{26})""#).unwrap().captures(&list.body).unwrap()[1].to_owned();
        let page = bente.get(&format!("/ansatt/barnevern/{id}")).await;
        assert!(page.body.contains("Vedlegg fra melder"), "{}", page.body);
        let file = bente.client.get(format!("{}/ansatt/barnevern/{id}/filer/0", bente.base)).send().await.unwrap();
        assert_eq!(file.headers()["content-type"], "application/pdf");
        let bytes = file.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        if let Some(pages) = velferd_testkit::pdf_tools::pages(&bytes) {
            assert_eq!(pages, 1);
        }
    }
}
