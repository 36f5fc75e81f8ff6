//! The caseworker's workspace as staff and citizens use it, on both databases: the office's inbox
//! puts emergencies first; a caseworker takes a case, writes an internal note the citizen never
//! sees, asks for a document with a letter; the citizen sends it, the task disappears, and the
//! office sees it answered. Rules and bad input get a message next to the field with everything
//! typed kept; two caseworkers acting at once never overwrite each other.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_store::Outcome;
use velferd_testkit::{Browser, Page, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b
}

/// `name` applies to `kommune` (with no food today when `emergency`); returns (id, reference, browser).
async fn apply(app: &TestApp, name: &str, kommune: &str, emergency: bool) -> (String, String, Browser) {
    apply_in(app, name, kommune, emergency, "nb").await
}

/// Applies in `lang` (the browser's language).
async fn apply_in(app: &TestApp, name: &str, kommune: &str, emergency: bool, lang: &str) -> (String, String, Browser) {
    let mut b = app.browser(lang);
    b.sign_in(name).await;
    let draft = b.start(kommune).await;
    for (step, fields) in STEPS {
        if *step == "nodhjelp" && emergency {
            b.step(&draft, step, &[("nodhjelp", "mat")]).await;
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

fn version(page: &Page) -> String {
    page.input_value("versjon").expect("the case version on the page")
}

/// Posts one action from the case page, drawn fresh (as a caseworker would).
async fn act(b: &mut Browser, id: &str, fields: &[(&str, &str)]) -> Page {
    let page = b.get(&format!("/ansatt/saker/{id}")).await;
    let v = version(&page);
    let mut all = vec![("versjon", v.as_str())];
    all.extend_from_slice(fields);
    b.post(&format!("/ansatt/saker/{id}/handling"), &all).await
}

/// A date `days` from now as a date field sends it (`2026-12-07`), and as the pages show it.
fn date_in(days: i64) -> (String, String) {
    let t = time::OffsetDateTime::now_utc() + time::Duration::days(days) + time::Duration::hours(1);
    (format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()), format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year()))
}

fn pdf_text(bytes: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("velferd-workspace-{}-{}.pdf", std::process::id(), bytes.len()));
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(&file).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    let _ = std::fs::remove_file(&file);
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
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
async fn sara_takes_an_emergency_asks_for_a_document_and_sees_it_answered() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (amina_id, _, _) = apply(&app, "Amina", "0301", false).await;
        let (kari_id, kari_ref, mut kari) = apply(&app, "Kari", "0301", true).await;

        // The emergency is at the top of the inbox although it came last, and marked.
        let mut sara = staff(&app, "sara").await;
        let inbox = sara.get("/ansatt/saker").await;
        assert_eq!(inbox.status, StatusCode::OK, "{label}");
        let kari_at = inbox.body.find(&kari_ref).expect("Kari's application is listed");
        let amina_at = inbox.body.find(&format!("/ansatt/saker/{amina_id}")).expect("Amina's application is listed");
        assert!(kari_at < amina_at, "{label}: the emergency first");
        assert!(inbox.body[..amina_at].contains("Nødhjelp") && inbox.body.contains("Kari Nordmann") && inbox.body.contains("Ingen ennå"), "{label}: {}", inbox.body);

        // Sara takes the case.
        let taken = act(&mut sara, &kari_id, &[("handling", "tildel"), ("saksbehandler", "demo-sara")]).await;
        assert_eq!((taken.status, taken.location.as_deref()), (StatusCode::SEE_OTHER, Some(format!("/ansatt/saker/{kari_id}?gjort=tildel").as_str())), "{label}: {}", taken.body);
        let mine = sara.get("/ansatt/saker?vis=mine").await;
        assert!(mine.body.contains(&kari_ref) && !mine.body.contains(&format!("/ansatt/saker/{amina_id}")), "{label}: only Sara's case under 'mine'");
        let unassigned = sara.get("/ansatt/saker?vis=ufordelte").await;
        assert!(!unassigned.body.contains(&kari_ref) && unassigned.body.contains(&format!("/ansatt/saker/{amina_id}")), "{label}");

        // An internal note: on the case file, never on the citizen's page.
        let noted = act(&mut sara, &kari_id, &[("handling", "notat"), ("notat", "Ringte Kari kl. 10.15, avtalt matkort i dag.")]).await;
        assert_eq!(noted.status, StatusCode::SEE_OTHER, "{label}: {}", noted.body);
        let file = sara.get(&format!("/ansatt/saker/{kari_id}?gjort=notat")).await;
        assert!(file.body.contains("Notatet er lagret.") && file.body.contains("avtalt matkort i dag") && file.body.contains("Sara Lund"), "{label}: {}", file.body);

        // Sara asks for the rent contract with a letter, deadline in a week.
        let (deadline, deadline_text) = date_in(7);
        let asked = act(
            &mut sara,
            &kari_id,
            &[
                ("handling", "etterspor"),
                ("dokumenter", "husleiekontrakt.husleiekontrakt"),
                ("melding", "Vi trenger kontrakten for å regne ut husleien."),
                ("frist", &deadline),
                ("sprak", "en"),
            ],
        )
        .await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{label}: {}", asked.body);
        let file = sara.get(&format!("/ansatt/saker/{kari_id}")).await;
        assert!(file.body.contains(&format!("ikke sendt ennå, frist {deadline_text}")), "{label}: the request, open: {}", file.body);
        // The letter is in English; Sara's journal names the document in her own language.
        assert!(file.body.contains("Sara Lund ba om: Husleiekontrakt."), "{label}: {}", file.body);
        assert!(!file.body.contains("Rental contract"), "{label}: the letter's language stays in the letter");
        // Sara opens the letter she sent: logged as opening a letter (not one of Kari's documents).
        let letters = file.body.split("id=\"brev\"").nth(1).unwrap_or_default();
        let letter = regex_lite::Regex::new(r#"href="(/ansatt/saker/[^"]+\.pdf)""#).unwrap().captures(letters).expect("the letter on the staff page")[1].to_owned();
        let opened = sara.client.get(format!("{}{letter}", sara.base)).send().await.unwrap();
        assert!(opened.headers()["content-disposition"].to_str().unwrap().contains("brev-"), "{label}: named as a letter");
        let entry = app.store.audit_of_application(&kari_id).await.unwrap().last().cloned().unwrap();
        assert_eq!(entry.action, "read-letter", "{label}");
        let page = kari.get(&format!("/mine-soknader/{kari_id}")).await;
        assert!(page.body.contains("åpnet et brev fra kontoret"), "{label}: {}", page.body);

        // Kari sees the task, the letter, and not the note.
        let page = kari.get(&format!("/mine-soknader/{kari_id}")).await;
        assert!(page.body.contains("Dette må du gjøre") && page.body.contains("Husleiekontrakt") && page.body.contains(&deadline_text), "{label}: {}", page.body);
        assert!(!page.body.contains("matkort"), "{label}: an internal note never reaches the citizen");
        let letter_href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/brev/[^"]+\.pdf)""#).unwrap().captures(&page.body).expect("the request letter")[1].to_owned();
        let letter = kari.client.get(format!("{}{letter_href}", kari.base)).send().await.unwrap();
        assert_eq!(letter.status(), StatusCode::OK);
        let text = pdf_text(&letter.bytes().await.unwrap());
        assert!(
            text.contains("We need more documents") && text.contains("Rental contract") && text.contains(&deadline_text) && text.contains("regne ut husleien"),
            "{label}: {text}"
        );
        assert!(text.contains("Sara Lund") && text.contains("Kari Nordmann") && text.contains(&kari_ref), "{label}: {text}");

        // Kari sends the contract through the task's own upload page.
        let task_href =
            regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/dokumenter\?krav=\d+)""#).unwrap().captures(&page.body).expect("the task links to its upload page")[1].to_owned();
        let upload = kari.get(&html(&task_href)).await;
        let field = regex_lite::Regex::new(r#"name="(fil-\d+)""#).unwrap().captures(&upload.body).expect("a file field")[1].to_owned();
        let form = Form::new().text("_csrf", kari.csrf.clone()).part(field, Part::bytes(photo()).file_name("kontrakt.jpg"));
        let sent = kari.client.post(format!("{}/mine-soknader/{kari_id}/dokumenter", kari.base)).multipart(form).send().await.unwrap();
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{label}: {}", sent.text().await.unwrap_or_default());
        let page = kari.get(&format!("/mine-soknader/{kari_id}")).await;
        assert!(!page.body.contains("Dette må du gjøre"), "{label}: the task is gone: {}", page.body);
        assert!(page.body.contains("Dette har du sendt") && page.body.contains("Du sendte ett dokument."), "{label}: confirmed and in the timeline: {}", page.body);

        // Sara sees it answered, and the inbox no longer waits for it.
        let file = sara.get(&format!("/ansatt/saker/{kari_id}")).await;
        assert!(file.body.contains("Husleiekontrakt – sendt "), "{label}: {}", file.body);
        let inbox = sara.get("/ansatt/saker").await;
        assert!(!inbox.body.contains("Venter på"), "{label}: {}", inbox.body);

        // Every action is in the audit log, and the projection matches a full fold.
        let actions: Vec<String> = app
            .store
            .audit_of_application(&kari_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.outcome == Outcome::Permit && e.actor == "staff:demo-sara")
            .map(|e| e.action)
            .collect();
        for a in ["read-application", "assign", "write-note", "request-documents"] {
            assert!(actions.iter().any(|x| x == a), "{label}: {a} audited: {actions:?}");
        }
        for id in [&kari_id, &amina_id] {
            let stored = app.store.case_state_of(id).await.unwrap().expect("projection");
            let full = app.store.computed_projection(id).await.unwrap().expect("fold");
            assert_eq!((stored.status, stored.open, stored.open_requests, stored.next_deadline_ms), (full.status, full.open, full.open_requests, full.next_deadline), "{label}");
        }
    }
}

fn html(href: &str) -> String {
    velferd_testkit::html_unescape(href)
}

#[tokio::test]
async fn refusals_keep_what_was_typed_and_say_why_next_to_the_field() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, _) = apply(&app, "Kari", "0301", false).await;
        let mut sara = staff(&app, "sara").await;

        let (past, _) = date_in(-2);
        let r = act(&mut sara, &id, &[("handling", "etterspor"), ("dokumenter", "kontooversikt.brukskonto"), ("melding", "Husk alle sidene."), ("frist", &past)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(r.field_error("frist").is_some_and(|e| e.contains("tilbake i tid")), "{label}: {:?}", r.field_error("frist"));
        assert_eq!(r.textarea("melding").as_deref(), Some("Husk alle sidene."), "{label}: the message is kept");
        assert!(r.is_checked("dokumenter", "kontooversikt.brukskonto"), "{label}: the choice is kept");

        let r = act(&mut sara, &id, &[("handling", "etterspor"), ("frist", &date_in(3).0)]).await;
        assert!(r.field_error("dokumenter").is_some_and(|e| e.contains("minst ett dokument")), "{label}");
        let r = act(&mut sara, &id, &[("handling", "etterspor"), ("dokumenter", "passfoto.ukjent"), ("frist", &date_in(3).0)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: a forged type is refused, not stored");
        let r = act(&mut sara, &id, &[("handling", "etterspor"), ("dokumenter", "kontooversikt.brukskonto"), ("frist", "31.02.2027")]).await;
        assert!(r.field_error("frist").is_some(), "{label}");

        let r = act(&mut sara, &id, &[("handling", "notat"), ("notat", "   ")]).await;
        assert!(r.field_error("notat").is_some_and(|e| e.contains("Skriv noe")), "{label}");
        let long = "ø".repeat(10_001);
        let r = act(&mut sara, &id, &[("handling", "notat"), ("notat", &long)]).await;
        assert!(r.field_error("notat").is_some_and(|e| e.contains("10 000")), "{label}");
        assert_eq!(r.textarea("notat").map(|t| t.chars().count()), Some(10_001), "{label}: the long text is kept to shorten");
        let r = act(&mut sara, &id, &[("handling", "notat"), ("notat", "bell\u{7}")]).await;
        assert!(r.field_error("notat").is_some(), "{label}: control characters");

        let r = act(&mut sara, &id, &[("handling", "tildel"), ("saksbehandler", "demo-nina")]).await;
        assert!(r.field_error("saksbehandler").is_some_and(|e| e.contains("kontoret")), "{label}: not to someone at another office");
        let r = act(&mut sara, &id, &[("handling", "tildel"), ("saksbehandler", "demo-tor")]).await;
        assert!(r.field_error("saksbehandler").is_some(), "{label}: not to the contact centre, which works no cases");
        let r = act(&mut sara, &id, &[("handling", "tildel"), ("saksbehandler", "ukjent-person")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        let r = act(&mut sara, &id, &[("handling", "slett-alt")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: an unknown action");
        let r = sara.post(&format!("/ansatt/saker/{id}/handling"), &[("handling", "behandle"), ("versjon", "tull")]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{label}: a form without a version cannot overwrite anything");

        // Nothing above reached the citizen.
        assert!(app.store.case_state_of(&id).await.unwrap().unwrap().open_requests == 0, "{label}");

        // Starting the processing, a preliminary answer and a sak are in the journal too.
        let r = act(&mut sara, &id, &[("handling", "behandle")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{label}: {}", r.body);
        let r = act(&mut sara, &id, &[("handling", "sak"), ("tittel", "Livsopphold desember")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{label}: {}", r.body);
        let file = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(file.body.contains("Sara Lund startet behandlingen.") && file.body.contains("Sara Lund opprettet saken «Livsopphold desember»."), "{label}: {}", file.body);

        // Closed without processing: the letter goes out, and no more requests can be made.
        let r = act(&mut sara, &id, &[("handling", "behandles-ikke"), ("begrunnelse", "Søknaden er sendt to ganger.")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{label}: {}", r.body);
        let r = act(&mut sara, &id, &[("handling", "etterspor"), ("dokumenter", "kontooversikt.brukskonto"), ("frist", &date_in(3).0)]).await;
        assert!(r.body.contains("Saken er avsluttet"), "{label}: {}", r.body);
        let note = act(&mut sara, &id, &[("handling", "notat"), ("notat", "Søker ringte etterpå.")]).await;
        assert_eq!(note.status, StatusCode::SEE_OTHER, "{label}: notes are still possible");
    }
}

#[tokio::test]
async fn two_caseworkers_at_once_never_overwrite_each_other() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, _) = apply(&app, "Kari", "0301", false).await;
        let mut sara = staff(&app, "sara").await;
        let mut ali = staff(&app, "ali").await;
        let sara_page = sara.get(&format!("/ansatt/saker/{id}")).await;
        let ali_page = ali.get(&format!("/ansatt/saker/{id}")).await;
        let (sv, av) = (version(&sara_page), version(&ali_page));
        assert_eq!(sv, av);
        let first = sara.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &sv), ("handling", "tildel"), ("saksbehandler", "demo-sara")]).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{label}");
        let second = ali.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &av), ("handling", "sak"), ("tittel", "Livsopphold desember")]).await;
        assert_eq!(second.status, StatusCode::CONFLICT, "{label}: drawn before Sara's change");
        assert!(second.body.contains("Noen andre endret saken") && second.body.contains("Sara Lund"), "{label}: says so and shows the new state");
        assert_eq!(second.input_value("tittel").as_deref(), Some("Livsopphold desember"), "{label}: what Ali typed is kept");

        // A note overwrites nothing: a colleague's page drawn before it stays current.
        let drawn = version(&ali.get(&format!("/ansatt/saker/{id}")).await);
        let note = act(&mut sara, &id, &[("handling", "notat"), ("notat", "Søkeren ringte.")]).await;
        assert_eq!(note.status, StatusCode::SEE_OTHER, "{label}");
        let after = ali.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &drawn), ("handling", "sak"), ("tittel", "Depositum")]).await;
        assert_eq!(after.status, StatusCode::SEE_OTHER, "{label}: {}", after.body);

        // Racing for real: many posts with the same version, exactly one wins.
        let v = version(&sara.get(&format!("/ansatt/saker/{id}")).await);
        let mut tasks = Vec::new();
        for n in 0..6 {
            let mut b = staff(&app, if n % 2 == 0 { "sara" } else { "ali" }).await;
            b.get(&format!("/ansatt/saker/{id}")).await;
            let v = v.clone();
            let id = id.clone();
            tasks.push(tokio::spawn(async move {
                b.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &v), ("handling", "sak"), ("tittel", &format!("Sak {n}"))]).await.status
            }));
        }
        let mut won = 0;
        for t in tasks {
            match t.await.unwrap() {
                StatusCode::SEE_OTHER => won += 1,
                StatusCode::CONFLICT => {}
                other => panic!("{label}: {other}"),
            }
        }
        assert_eq!(won, 1, "{label}");
    }
}

#[tokio::test]
async fn other_offices_the_contact_centre_and_case_systems_cannot_act() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (kari_id, _, _) = apply(&app, "Kari", "0301", false).await;
        let (ola_id, _, _) = apply(&app, "Ola", "4601", false).await;

        // NAV Bergenhus cannot act on NAV Frogner's case: not found, logged as refused.
        let mut nina = staff(&app, "nina").await;
        nina.get("/ansatt").await;
        let r = nina.post(&format!("/ansatt/saker/{kari_id}/handling"), &[("versjon", "1"), ("handling", "behandle")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{label}");
        let last = app.store.audit_of_application(&kari_id).await.unwrap().pop().unwrap();
        assert_eq!((last.actor.as_str(), last.outcome), ("staff:demo-nina", Outcome::Deny), "{label}");
        let mut tor = staff(&app, "tor").await;
        tor.get("/ansatt").await;
        assert_eq!(tor.get("/ansatt/saker").await.status, StatusCode::FORBIDDEN, "{label}");
        let r = tor.post(&format!("/ansatt/saker/{kari_id}/handling"), &[("versjon", "1"), ("handling", "behandle")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{label}");

        // Bergen's own case system owns its cases: the page says so and offers no actions that write events.
        let page = nina.get(&format!("/ansatt/saker/{ola_id}")).await;
        assert!(page.body.contains("fagsystem har denne saken") && !page.body.contains(r#"value="etterspor""#), "{label}: {}", page.body);
        let r = act(&mut nina, &ola_id, &[("handling", "behandle")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(r.body.contains("eget fagsystem"), "{label}");
        let r = act(&mut nina, &ola_id, &[("handling", "notat"), ("notat", "Ringte søker.")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{label}: internal notes are fine");
    }
}

/// A person who applied in English gets the office's letters in English unless the caseworker
/// picks another language; the case file says which language it was (letters defaulted to the
/// caseworker's page language).
#[tokio::test]
async fn letters_default_to_the_language_the_person_applied_in() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, _) = apply_in(&app, "Amina", "0301", false, "en").await;
        let mut sara = staff(&app, "sara").await;
        let file = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(file.body.contains("Søknaden er skrevet på engelsk"), "{label}: {}", file.body);
        assert!(file.body.contains(r#"<option value="en" selected>"#), "{label}: the letter language is English by default");
        let (own, _, _) = apply(&app, "Kari", "0301", false).await;
        let file = sara.get(&format!("/ansatt/saker/{own}")).await;
        assert!(file.body.contains(r#"<option value="nb" selected>"#) && file.body.contains("skrevet på bokmål"), "{label}");
    }
}
