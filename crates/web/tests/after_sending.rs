//! What a citizen meets after sending (issue 12, "After sending"): the receipt, the start page,
//! the case page, who has looked, the emergency notice, a helper's pages. Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use serde_json::json;
use velferd_testkit::{fill_in, Browser, TestApp, STEPS};

/// Kari's application, sent from Oslo; returns her browser and the application id.
async fn sent_application(app: &TestApp, who: &str) -> (Browser, String) {
    let mut b = app.browser("nb");
    b.sign_in(who).await;
    let draft = fill_in(&mut b, "0301").await;
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.expect("receipt").rsplit('/').next().expect("id").to_owned();
    (b, id)
}

#[tokio::test]
async fn an_emergency_application_says_call_now_on_the_documents_page_and_the_case_page() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Jon").await;
        let draft = b.start("1103").await;
        b.step(&draft, "nodhjelp", &[("nodhjelp", "mat")]).await;
        for (step, fields) in &STEPS[1..] {
            b.step(&draft, step, fields).await;
        }
        let documents = b.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert!(documents.body.contains("Ring kontoret nå") && documents.body.contains("tel:+4755553333"), "{label}: {}", documents.body);
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.expect("receipt").rsplit('/').next().expect("id").to_owned();
        let case = b.get(&format!("/mine-soknader/{id}")).await;
        assert!(case.body.contains("Ring kontoret nå") && case.body.contains("tel:+4755553333") && case.body.contains("NAV Stavanger"), "{label}: {}", case.body);

        // Once decided, there is nothing left to call about.
        app.store
            .append_events(
                &id,
                &[
                    json!({"type": "vedtakFattet", "hendelsestidspunkt": "2030-01-06T10:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET",
                           "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}}}),
                    json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-06T10:00:00.000Z", "status": "FERDIGBEHANDLET"}),
                ],
                0,
            )
            .await
            .expect("events");
        assert!(!b.get(&format!("/mine-soknader/{id}")).await.body.contains("Ring kontoret nå"), "{label}");

        // An application that is not an emergency has no such notice.
        let (mut kari, kari_id) = sent_application(&app, "Kari").await;
        assert!(!kari.get(&format!("/mine-soknader/{kari_id}")).await.body.contains("Ring kontoret nå"), "{label}");
        let other = fill_in(&mut kari, "0301").await;
        assert!(!kari.get(&format!("/soknad/{other}/dokumenter")).await.body.contains("Ring kontoret nå"), "{label}");
    }
}

#[tokio::test]
async fn signed_out_the_start_page_leads_to_sign_in_and_my_applications_lists_unsent_drafts() {
    for app in TestApp::all().await {
        let label = app.db.label;
        for (lang, words) in [("nb", "Logg inn og se søknadene dine"), ("nn", "Logg inn og sjå søknadene dine"), ("en", "Log in to see your applications")] {
            let mut b = app.browser(lang);
            let home = b.get("/").await;
            assert!(home.body.contains(words) && home.body.contains(r#"href="/logg-inn?neste=/mine-soknader""#), "{label} {lang}: {}", home.body);
        }
        let mut b = app.browser("nb");
        let signin = b.get("/logg-inn?neste=/mine-soknader").await;
        assert_eq!(signin.status, StatusCode::OK);
        b.sign_in("Kari").await;
        let home = b.get("/").await;
        assert!(home.body.contains(r#"href="/mine-soknader""#) && !home.body.contains("Logg inn og se"), "{label}: signed in, the page leads straight there");

        // One draft begun in Oslo and left at the housing step; one sent.
        let draft = b.start("0301").await;
        for (step, fields) in &STEPS[..3] {
            b.step(&draft, step, fields).await;
        }
        let list = b.get("/mine-soknader").await;
        assert!(list.body.contains("Ikke sendt ennå") && list.body.contains("Søknad til Oslo"), "{label}: {}", list.body);
        assert!(list.body.contains(&format!(r#"href="/soknad/{draft}/bolig""#)), "continue where she left off: {}", list.body);
        let t = velferd_domain::dates::oslo_time(velferd_domain::application::draft_expires_at(now()));
        let expires = format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year());
        assert!(list.body.contains(&format!("Søknaden slettes {expires} hvis du ikke sender den.")), "{label}: the date it expires ({expires}): {}", list.body);

        // Sent, it leaves the drafts.
        for (step, fields) in &STEPS[3..] {
            b.step(&draft, step, fields).await;
        }
        b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let list = b.get("/mine-soknader").await;
        assert!(!list.body.contains("Ikke sendt ennå") && list.body.contains("Søknad sendt"), "{label}: {}", list.body);
    }
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("time").as_millis() as i64
}

/// A phone photo of a text page.
fn photo(seed: u32) -> Vec<u8> {
    lit_photo(seed, 1.0)
}

/// A phone photo of a text page taken in `light` (1.0 is well lit, 0.15 very dark).
fn lit_photo(seed: u32, light: f32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        let on_line = (y % 28) < 8 && x > 40 && x < 560 && !(x / 23 + seed).is_multiple_of(7);
        let v = (if on_line { 40.0 } else { 235.0 } * light) as u8;
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).expect("jpeg");
    out.into_inner()
}

/// Attaches files to one document of a draft, as the documents page's form does.
async fn attach(b: &mut Browser, draft: &str, slot: &str, files: Vec<(&str, Vec<u8>)>) -> StatusCode {
    b.get(&format!("/soknad/{draft}/dokumenter")).await;
    let mut form = reqwest::multipart::Form::new().text("_csrf", b.csrf.clone());
    for (name, bytes) in files {
        form = form.part("filer", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    }
    b.client.post(format!("{}/soknad/{draft}/dokumenter/{slot}", b.base)).multipart(form).send().await.expect("upload").status()
}

/// The section of a page that starts at the heading with `heading`, up to the next `</section>`.
fn section<'a>(body: &'a str, heading: &str) -> &'a str {
    let start = body.find(heading).unwrap_or_else(|| panic!("no section {heading}: {body}"));
    let rest = &body[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_receipt_says_per_document_attached_office_has_it_or_still_to_send() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = fill_in(&mut b, "0301").await;
        assert_eq!(attach(&mut b, &draft, "kontooversikt.brukskonto", vec![("konto.jpg", photo(1))]).await, StatusCode::SEE_OTHER, "{label}");
        b.get(&format!("/soknad/{draft}/dokumenter")).await;
        let chose = b.post(&format!("/soknad/{draft}/dokumenter/husleiekontrakt.husleiekontrakt/valg"), &[("valg", "tidligere")]).await;
        assert_eq!(chose.status, StatusCode::SEE_OTHER, "{label}");
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let receipt_href = sent.location.expect("receipt");
        let receipt = b.get(&receipt_href).await;

        let must = section(&receipt.body, "Dokumenter du må sende");
        assert!(must.contains("Lønnsslipp") && must.contains("sendes senere"), "{label}: {must}");
        assert!(!must.contains("Kontoutskrift") && !must.contains("Husleiekontrakt"), "{label}: attached and already-sent documents are not 'must send': {must}");
        let done = section(&receipt.body, "Dokumenter i søknaden");
        assert!(done.contains("Kontoutskrift for brukskontoen, siste måned</strong> – lagt ved"), "{label}: {done}");
        assert!(done.contains("Husleiekontrakt</strong> – kontoret har det allerede"), "{label}: {done}");

        // The PDF copy, and the office's copy through the staff page, say the same.
        let id = receipt_href.rsplit('/').next().expect("id").to_owned();
        let pdf = b.client.get(format!("{}/kvittering/{id}/soknad.pdf", b.base)).send().await.expect("pdf").bytes().await.expect("bytes");
        if let Some(text) = velferd_testkit::pdf_tools::text(&pdf) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let (done, must) = text.split_once("Dokumenter du må sende").unwrap_or_else(|| panic!("{label}: the PDF has a 'must send' part: {text}"));
            assert!(done.contains("Dokumenter i søknaden") && done.contains("lagt ved") && done.contains("kontoret har det allerede"), "{label}: {text}");
            assert!(must.contains("Lønnsslipp") && !must.contains("Husleiekontrakt") && !must.contains("Kontoutskrift"), "{label}: {must}");
        }

        // Her case page lists what she said would come later as her tasks (it listed nothing
        // until the office asked), and a document leaves the list once she has sent it.
        let case = format!("/mine-soknader/{id}");
        let page = b.get(&case).await;
        let tasks = section(&page.body, "Dette må du gjøre").to_owned();
        assert!(tasks.contains("Lønnsslipp") && tasks.contains("du sa at dette kommer senere"), "{label}: {tasks}");
        assert!(!tasks.contains("Husleiekontrakt") && !tasks.contains("Kontoutskrift"), "{label}: attached and already-sent documents are no tasks: {tasks}");
        let upload = b.get(&format!("{case}/dokumenter")).await;
        let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Lønnsslipp"#)
            .unwrap()
            .captures(&upload.body)
            .unwrap_or_else(|| panic!("{label}: a field for the payslip: {}", upload.body))[1]
            .to_owned();
        let form = reqwest::multipart::Form::new().text("_csrf", b.csrf.clone()).part(field, reqwest::multipart::Part::bytes(photo(1)).file_name("lonn.jpg"));
        let sent_later = b.client.post(format!("{}{case}/dokumenter", b.base)).multipart(form).send().await.expect("send later");
        assert_eq!(sent_later.status(), StatusCode::SEE_OTHER, "{label}");
        let page = b.get(&case).await;
        let still = page.body.find("Dette må du gjøre").map(|_| section(&page.body, "Dette må du gjøre").to_owned()).unwrap_or_default();
        assert!(!still.contains("Lønnsslipp"), "{label}: the payslip is sent: {still}");
    }
}

#[tokio::test]
async fn who_has_looked_is_one_line_per_person_and_day_and_shows_every_look_at_this_case() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (mut kari, id) = sent_application(&app, "Kari").await;
        let kari_fnr = app.store.demo_people().await.expect("people").into_iter().find(|p| p.fornavn == "Kari").expect("Kari").fnr;

        // Sara at NAV Frogner opens the case three times in one afternoon.
        let mut sara = app.browser("nb");
        sara.get("/ansatt/demo").await;
        sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
        for _ in 0..3 {
            assert_eq!(sara.get(&format!("/ansatt/saker/{id}")).await.status, StatusCode::OK, "{label}");
        }
        // Then a case system reads Kari's other applications 250 times: none of that is about this case.
        let now = now();
        for i in 0..250 {
            let entry = velferd_store::AuditEntry {
                actor: "fagsystem:test".into(),
                actor_name: "Fagsystem".into(),
                role: "fagsystem".into(),
                office: Some("0301".into()),
                action: "read-application".into(),
                person: Some(kari_fnr.as_str().to_owned()),
                application_id: Some(format!("another-{i}")),
                outcome: velferd_store::Outcome::Permit,
            };
            app.store.audit(&entry, now + 1000 + i).await.expect("audit");
        }
        let page = kari.get(&format!("/mine-soknader/{id}")).await;
        let looked = section(&page.body, "Hvem har sett søknaden din");
        let t = velferd_domain::dates::oslo_time(now);
        let today = format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year());
        assert_eq!(looked.matches("Sara Lund").count(), 1, "{label}: one line for Sara today: {looked}");
        assert!(looked.contains(&format!("<span class=\"vf-when\">{today}</span> NAV Frogner, Sara Lund – hentet søknaden (3 ganger)")), "{label}: {looked}");
        assert!(!looked.contains("Fagsystem"), "{label}: looks at other applications are not this case's: {looked}");
    }
}

#[tokio::test]
async fn the_case_page_shows_what_she_said_about_documents_and_every_answer_about_the_children() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = b.start("0301").await;
        for (step, fields) in STEPS {
            if *step == "familie" {
                // Lise lives with her half the time (shared residence); Per lives with his father.
                b.step(
                    &draft,
                    step,
                    &[
                        ("sivilstatus", "ugift"),
                        ("har_barn", "ja"),
                        ("barn1_fornavn", "Lise"),
                        ("barn1_etternavn", "Nordmann"),
                        ("barn1_fodselsdato", "01.06.2015"),
                        ("barn1_bor_sammen", "ja"),
                        ("barn1_delt_bosted", "ja"),
                        ("handling", "legg-til-barn"),
                    ],
                )
                .await;
                b.step(
                    &draft,
                    step,
                    &[
                        ("sivilstatus", "ugift"),
                        ("har_barn", "ja"),
                        ("barn1_fornavn", "Lise"),
                        ("barn1_etternavn", "Nordmann"),
                        ("barn1_fodselsdato", "01.06.2015"),
                        ("barn1_bor_sammen", "ja"),
                        ("barn1_delt_bosted", "ja"),
                        ("barn2_fornavn", "Per"),
                        ("barn2_etternavn", "Nordmann"),
                        ("barn2_fodselsdato", "03.04.2012"),
                        ("barn2_bor_sammen", "nei"),
                        ("barn2_samvaer", "30"),
                        ("barnebidrag", "mottar"),
                    ],
                )
                .await;
            } else {
                b.step(&draft, step, fields).await;
            }
        }
        let summary = b.get(&format!("/soknad/{draft}/oppsummering")).await;
        for shown in ["Barn 1 bor hos deg", "Barn 1 har delt bosted", "Barn 2 bor hos deg", "Barn 2 er hos deg", "30 %"] {
            assert!(summary.body.contains(shown), "{label}: the summary shows {shown}: {}", summary.body);
        }
        // A dark page of the bank statement (she is warned), and the rent contract is with the office.
        assert_eq!(attach(&mut b, &draft, "kontooversikt.brukskonto", vec![("mork.jpg", lit_photo(1, 0.15))]).await, StatusCode::SEE_OTHER);
        b.get(&format!("/soknad/{draft}/dokumenter")).await;
        b.post(&format!("/soknad/{draft}/dokumenter/husleiekontrakt.husleiekontrakt/valg"), &[("valg", "tidligere")]).await;
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.expect("receipt").rsplit('/').next().expect("id").to_owned();

        let case = b.get(&format!("/mine-soknader/{id}")).await;
        let told = section(&case.body, "Dette sa du om dokumentene");
        assert!(told.contains("Kontoutskrift for brukskontoen, siste måned</strong> – lagt ved"), "{label}: {told}");
        assert!(told.contains("Husleiekontrakt</strong> – kontoret har det allerede"), "{label}: {told}");
        assert!(told.contains("Lønnsslipp, siste måned</strong> – sendes senere"), "{label}: {told}");
        assert!(
            told.contains("Kontoutskrift for brukskontoen, siste måned, side 1 (mork.jpg): Bildet er for mørkt. Ta bildet på nytt nærmere et vindu, eller slå på mer lys."),
            "{label}: the warning she was given: {told}"
        );

        // The children's living arrangement is on the PDF copy too, and on the office's page.
        let pdf = b.client.get(format!("{}/kvittering/{id}/soknad.pdf", b.base)).send().await.expect("pdf").bytes().await.expect("bytes");
        if let Some(text) = velferd_testkit::pdf_tools::text(&pdf) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Barn 1 har delt bosted") && text.contains("Barn 2 er hos deg"), "{label}: {text}");
        }
        let mut sara = app.browser("nb");
        sara.get("/ansatt/demo").await;
        sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
        let staff = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(staff.body.contains("Barn 1 har delt bosted") && staff.body.contains("Barn 2 bor hos deg"), "{label}: {}", staff.body);
        // The caseworker sees what she said about each document, as she does.
        let said = section(&staff.body, "Dette sa søkeren om dokumentene");
        assert!(said.contains("Husleiekontrakt</strong> – kontoret har det allerede"), "{label}: {said}");
        assert!(said.contains("Lønnsslipp, siste måned</strong> – sendes senere"), "{label}: {said}");
    }
}

#[tokio::test]
async fn amounts_read_as_norwegians_write_them_and_messages_state_the_limits() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = fill_in(&mut b, "0301").await;
        let expenses = format!("/soknad/{draft}/utgifter");

        // "12.000" is twelve thousand.
        b.step(&draft, "utgifter", &[("husleie", "12.000"), ("strom", "1 200")]).await;
        let summary = b.get(&format!("/soknad/{draft}/oppsummering")).await;
        assert!(summary.body.contains("12\u{a0}000\u{a0}kr") && summary.body.contains("1\u{a0}200\u{a0}kr"), "{label}: {}", summary.body);

        // Øre are kept: the summary shows what she typed, not a rounded amount.
        b.step(&draft, "utgifter", &[("husleie", "1 200,50"), ("strom", "99,5")]).await;
        let summary = b.get(&format!("/soknad/{draft}/oppsummering")).await;
        assert!(summary.body.contains("1\u{a0}200,50\u{a0}kr") && summary.body.contains("99,50\u{a0}kr"), "{label}: {}", summary.body);
        let page = b.get(&expenses).await;
        assert_eq!(page.input_value("husleie").as_deref(), Some("1 200,50"), "{label}: what she typed stays in the field");

        // Limits are stated.
        let page = b.post(&expenses, &[("husleie", "999 999 999")]).await;
        assert!(page.field_error("husleie").is_some_and(|e| e.contains("mellom 0 og 100\u{a0}000\u{a0}000\u{a0}kr")), "{label}: {}", page.field_errors_summary());
        b.get(&format!("/soknad/{draft}/bolig")).await;
        let page = b.post(&format!("/soknad/{draft}/bolig"), &[("botype", "leier"), ("antall_personer", "99")]).await;
        assert!(page.field_error("antall_personer").is_some_and(|e| e.contains("mellom 1 og 30")), "{label}: {}", page.field_errors_summary());
        b.get(&format!("/soknad/{draft}/behov")).await;
        let long = "a".repeat(4001);
        let page = b.post(&format!("/soknad/{draft}/behov"), &[("kategorier", "livsopphold"), ("hvorfor", &long)]).await;
        assert!(page.field_error("hvorfor").is_some_and(|e| e.contains("høyst 4000 tegn")), "{label}: {}", page.field_errors_summary());
    }
}

#[tokio::test]
async fn switching_language_in_the_middle_of_a_step_keeps_what_was_typed() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = b.start("0301").await;
        b.step(&draft, "nodhjelp", &[("nodhjelp", "nei")]).await;
        let step = format!("/soknad/{draft}/behov");
        let page = b.get(&step).await;
        // The switch is a button of the step's form (no JavaScript), and Enter still means "next".
        assert!(page.body.contains(r#"form="steg" name="sprak" value="nn""#) && page.body.contains(r#"<form id="steg""#), "{label}: {}", page.body);
        assert!(page.body.find(r#"name="handling" value="neste""#) < page.body.find(r#"name="sprak""#), "{label}: the default button comes first");

        // Half-way through the step she switches to English: nothing typed is lost, nothing is checked yet.
        let switched = b.post(&step, &[("hvorfor", "Jeg mistet jobben i går"), ("sprak", "en")]).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER, "{label}: {}", switched.body);
        assert_eq!(switched.location.as_deref(), Some(format!("{step}?lang=en").as_str()));
        let page = b.get(&format!("{step}?lang=en")).await;
        assert!(page.body.contains(r#"<html lang="en""#), "{label}");
        assert_eq!(page.textarea("hvorfor").as_deref(), Some("Jeg mistet jobben i går"), "{label}: {}", page.body);
        assert!(page.field_error("kategorier").is_none(), "{label}: no errors for what she has not answered yet");
        // And back to nynorsk, still there.
        b.post(&step, &[("hvorfor", "Jeg mistet jobben i går."), ("kategorier", "livsopphold"), ("sprak", "nn")]).await;
        let page = b.get(&format!("{step}?lang=nn")).await;
        assert!(page.body.contains(r#"<html lang="nn""#) && page.is_checked("kategorier", "livsopphold"), "{label}: {}", page.body);
        assert_eq!(page.textarea("hvorfor").as_deref(), Some("Jeg mistet jobben i går."));

        // A page that showed errors shows them again after the switch, in the new language (they
        // were gone, though the wrong answer was still in its field).
        let personalia = format!("/soknad/{draft}/personalia");
        b.step(&draft, "behov", &[("kategorier", "livsopphold"), ("hvorfor", "Jeg mistet jobben i går.")]).await;
        b.get(&personalia).await;
        let wrong = b.post(&personalia, &[("telefon", "abc")]).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(wrong.body.contains(r#"name="viste_feil" value="ja""#), "{label}: the form says it showed errors");
        let switched = b.post(&personalia, &[("telefon", "abc"), ("viste_feil", "ja"), ("sprak", "en")]).await;
        let back = switched.location.expect("back to the step");
        let page = b.get(&back).await;
        assert!(page.field_error("telefon").is_some_and(|e| e.contains("phone number")), "{label}: {}", page.field_errors_summary());
        assert_eq!(page.input_value("telefon").as_deref(), Some("abc"), "{label}");
    }
}

#[tokio::test]
async fn switching_language_on_the_summary_keeps_the_tick_and_sends_nothing() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = fill_in(&mut b, "0301").await;
        let summary = format!("/soknad/{draft}/oppsummering");
        let page = b.get(&summary).await;
        // The switch is a button of the sending form, not a link that forgets the tick.
        assert!(page.body.contains(r#"form="send" name="sprak" value="en""#) && page.body.contains(r#"id="send""#), "{label}: {}", page.body);

        let switched = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja"), ("sprak", "en")]).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER, "{label}: {}", switched.body);
        assert_eq!(switched.location.as_deref(), Some(format!("{summary}?lang=en").as_str()), "{label}: back to the summary, not the receipt");
        let page = b.get(&format!("{summary}?lang=en")).await;
        // A sent draft would redirect to its receipt: the summary shows, so nothing was sent.
        assert_eq!(page.status, StatusCode::OK, "{label}: still a draft");
        assert!(page.body.contains(r#"<html lang="en""#), "{label}");
        assert!(page.is_checked("bekreft", "ja"), "{label}: the tick is kept: {}", page.body);

        // Un-ticking before the switch is kept too.
        b.post(&format!("/soknad/{draft}/send"), &[("sprak", "nn")]).await;
        let page = b.get(&format!("{summary}?lang=nn")).await;
        assert!(!page.is_checked("bekreft", "ja"), "{label}");
    }
}
