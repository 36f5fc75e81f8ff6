//! Everyone can apply (issue 17), on both databases: Sara registers Amina's paper application in
//! the same steps as the digital form, with the scanned original; it is in the inbox as paper and
//! under Amina's own "My applications" with the same first events. A second one is flagged as a
//! possible duplicate, another office's municipality needs a reason. The contact centre finds
//! Amina only with a reason (which Amina sees), sees "received" in plain words and none of her
//! answers, writes a call note and a callback that Sara sees until she marks contact made; Amina
//! gets a plain SMS saying who calls and when. The office lead's statistics count the paper
//! application as "<5", also in CSV.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_testkit::{Browser, Page, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b
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

/// Posts the last page (multipart), with a scan when given.
async fn send(b: &mut Browser, draft: &str, fields: &[(&str, &str)], scan: Option<Vec<u8>>) -> Page {
    b.get(&format!("/ansatt/registrer/{draft}/oppsummering")).await;
    let mut form = Form::new().text("_csrf", b.csrf.clone());
    for (k, v) in fields {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    if let Some(bytes) = scan {
        form = form.part("original", Part::bytes(bytes).file_name("papirsoknad.jpg"));
    }
    let r = b.client.post(format!("{}/ansatt/registrer/{draft}/send", b.base)).header("accept-language", "nb").multipart(form).send().await.unwrap();
    let status = r.status();
    let location = r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    Page { status, location, body: r.text().await.unwrap() }
}

/// Starts a registration for the demo person whose fødselsnummer is `fnr` in `kommune`.
async fn start(b: &mut Browser, fnr: &str, kommune: &str, reason: &str) -> Page {
    b.get("/ansatt/registrer").await;
    b.post("/ansatt/registrer", &[("fnr", fnr), ("kommune", kommune), ("grunn", reason)]).await
}

fn draft_of(page: &Page) -> String {
    page.location.as_deref().expect("a redirect to the first step").trim_start_matches("/ansatt/registrer/").split('/').next().unwrap().to_owned()
}

fn tomorrow() -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::days(1);
    format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[tokio::test]
async fn a_paper_application_is_registered_found_by_the_contact_centre_and_counted() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let amina = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Amina").unwrap();
        let fnr = amina.fnr.as_str().to_owned();
        let mut sara = staff(&app, "sara").await;

        // Another office's municipality needs a reason; what was typed is kept.
        let refused = start(&mut sara, &fnr, "4601", "").await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(refused.field_error("grunn").is_some_and(|e| e.contains("annet kontor")), "{label}: {}", refused.field_errors_summary());
        assert_eq!(refused.input_value("fnr").as_deref(), Some(fnr.as_str()), "{label}: the number is kept");
        let bad = start(&mut sara, "12345678901", "0301", "").await;
        assert!(bad.field_error("fnr").is_some(), "{label}");

        // The same steps, the same checks.
        let started = start(&mut sara, &fnr, "0301", "").await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{label}: {}", started.field_errors_summary());
        let draft = draft_of(&started);
        let step = sara.get(&format!("/ansatt/registrer/{draft}/behov")).await;
        assert!(step.body.contains("Amina Hassan") && step.body.contains("name=\"kategorier\""), "{label}: the person's own step, for Amina");
        let empty = sara.post(&format!("/ansatt/registrer/{draft}/behov"), &[("hvorfor", "Trenger hjelp")]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(empty.field_error("kategorier").is_some() && empty.textarea("hvorfor").as_deref() == Some("Trenger hjelp"), "{label}: error at the field, text kept");
        for (step, fields) in STEPS {
            sara.get(&format!("/ansatt/registrer/{draft}/{step}")).await;
            let page = sara.post(&format!("/ansatt/registrer/{draft}/{step}"), fields).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{label}: step {step}: {}", page.field_errors_summary());
        }
        // Amina's own drafts do not show Sara's.
        let mut amina_browser = app.browser("nb");
        amina_browser.sign_in("Amina").await;
        let own = amina_browser.get("/soknad").await;
        assert!(!own.body.contains(&draft), "{label}: a staff draft is not the person's own");

        // Paper needs its scan and the person's confirmation; nothing is sent without.
        let summary = sara.get(&format!("/ansatt/registrer/{draft}/oppsummering")).await;
        assert!(summary.body.contains("Kafé Ørkenrotta"), "{label}: the summary of the answers");
        let missing = send(&mut sara, &draft, &[("kanal", "papir"), ("handling", "send")], None).await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(missing.body.contains("Legg ved den skannede originalen") && missing.field_error("bekreftet").is_some(), "{label}: {}", missing.field_errors_summary());
        assert!(missing.is_checked("kanal", "papir"), "{label}: the channel chosen is kept");
        let sent = send(&mut sara, &draft, &[("kanal", "papir"), ("bekreftet", "ja"), ("sprak_brev", "nb"), ("handling", "send")], Some(photo())).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body.chars().take(3000).collect::<String>());
        let location = sent.location.unwrap();
        let id = location.trim_start_matches("/ansatt/saker/").split('?').next().unwrap().to_owned();
        let file = sara.get(&location).await;
        assert!(file.body.contains("Søknaden er registrert") && file.body.contains("Kom som: Papir") && file.body.contains("Registrert av Sara Lund"), "{label}");
        assert!(file.body.contains("papirsoknad") || file.body.contains("/dokumenter/"), "{label}: the scanned original is among the documents");

        // The same first events as a digital application; in the inbox as paper.
        let events = app.store.events(&id, &amina.fnr).await.unwrap();
        assert_eq!(events.iter().map(|e| e["type"].as_str().unwrap().to_owned()).collect::<Vec<_>>(), vec!["soknadsStatus", "tildeltNavKontor"], "{label}");
        let inbox = sara.get("/ansatt/saker").await;
        assert!(inbox.body.contains(&format!("/ansatt/saker/{id}")) && inbox.body.contains("Kom som: Papir"), "{label}");

        // Amina sees it under her applications.
        let mine = amina_browser.get("/mine-soknader").await;
        assert!(mine.body.contains(&format!("/mine-soknader/{id}")), "{label}: {}", mine.body);

        // A second registration for Amina is flagged before anything is saved.
        let again = draft_of(&start(&mut sara, &fnr, "0301", "").await);
        for (step, fields) in STEPS {
            sara.post(&format!("/ansatt/registrer/{again}/{step}"), fields).await;
        }
        let flagged = send(&mut sara, &again, &[("kanal", "telefon"), ("bekreftet", "ja"), ("handling", "send")], None).await;
        assert_eq!(flagged.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(flagged.body.contains("allerede en åpen søknad") && flagged.field_error("tross_apen").is_some(), "{label}");

        // The contact centre: a reason is required; then plain words, no answers.
        let mut tor = staff(&app, "tor").await;
        assert_eq!(tor.get("/ansatt/saker").await.status, StatusCode::FORBIDDEN, "{label}: no case access");
        tor.get("/ansatt/kontaktsenter").await;
        let no_reason = tor.post("/ansatt/kontaktsenter", &[("fnr", &fnr)]).await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(no_reason.field_error("grunn").is_some(), "{label}");
        let found = tor.post("/ansatt/kontaktsenter", &[("fnr", &fnr), ("grunn", "innringer")]).await;
        assert_eq!(found.status, StatusCode::OK, "{label}");
        assert!(found.body.contains("Søknaden er mottatt") && found.body.contains("Papir") && found.body.contains("NAV Frogner"), "{label}");
        assert!(!found.body.contains("Kafé Ørkenrotta") && !found.body.contains("/dokumenter/"), "{label}: no answers or documents");
        let noted = tor.post(&format!("/ansatt/kontaktsenter/{id}/notat"), &[("notat", "Amina lurer på om søknaden har kommet fram.")]).await;
        assert_eq!((noted.status, noted.location.as_deref()), (StatusCode::SEE_OTHER, Some("/ansatt/kontaktsenter?gjort=notat")), "{label}: {}", noted.body);
        let bad_time = tor
            .post(&format!("/ansatt/kontaktsenter/{id}/ring-tilbake"), &[("telefon", "912 34 567"), ("dato", &tomorrow()), ("fra", "12"), ("til", "10"), ("hva", "Utbetaling")])
            .await;
        assert_eq!(bad_time.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(bad_time.field_error("til").is_some() && bad_time.input_value("telefon").as_deref() == Some("912 34 567"), "{label}: error and what was typed");
        let promised = tor
            .post(&format!("/ansatt/kontaktsenter/{id}/ring-tilbake"), &[("telefon", "912 34 567"), ("dato", &tomorrow()), ("fra", "10"), ("til", "12"), ("hva", "Utbetaling")])
            .await;
        assert_eq!(promised.status, StatusCode::SEE_OTHER, "{label}: {}", promised.field_errors_summary());

        // Amina gets a plain SMS on the number she gave for the call: who calls and when, no link.
        let notices = app.store.notices_of(&id).await.unwrap();
        assert!(notices.iter().any(|n| n.kind == "tilbakeringing" && n.channel == "sms" && n.address.ends_with("91234567")), "{label}: {notices:?}");
        let sms_path = std::env::temp_dir().join(format!("velferd-callback-sms-{}-{label}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&sms_path);
        let sms = velferd_cases::notify::sms::SmsFile::new(sms_path.clone());
        let notifier = velferd_web::notifier(app.store.clone(), None, std::sync::Arc::new(sms), velferd_web::default_kommuner(), format!("test-{label}"));
        notifier.run_once(50, velferd_web::now_ms()).await.unwrap();
        let sent = std::fs::read_to_string(&sms_path).unwrap_or_default();
        let date = {
            let t = tomorrow();
            format!("{}.{}.{}", &t[8..10], &t[5..7], &t[0..4])
        };
        let line = sent.lines().find(|l| l.contains("ringer deg")).unwrap_or_else(|| panic!("{label}: {sent}"));
        assert!(line.contains(&format!("NAV Frogner ringer deg {date} mellom kl. 10.00 og 12.00.")) && line.contains("91234567"), "{label}: {line}");
        assert!(!line.contains("http") && !line.contains("Utbetaling") && !line.contains("Amina"), "{label}: nothing about the case: {line}");
        let _ = std::fs::remove_file(&sms_path);

        // Sara sees the call note and the callback, which stays until contact is made.
        let file = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(file.body.contains("Amina lurer på om søknaden har kommet fram.") && file.body.contains("Tor Bakke (kontaktsenteret)"), "{label}");
        let inbox = sara.get("/ansatt/saker").await;
        assert!(inbox.body.contains("Ring tilbake") && inbox.body.contains("+47 912 34 567"), "{label}");
        let action = regex_lite::Regex::new(r#"action="(/ansatt/tilbakeringinger/[^"]+)""#).unwrap().captures(&inbox.body).unwrap()[1].to_owned();
        let tried = sara.post(&action, &[("utfall", "ikke-svar")]).await;
        assert_eq!(tried.status, StatusCode::SEE_OTHER, "{label}");
        assert!(sara.get("/ansatt/saker").await.body.contains("Prøvd 1 gang"), "{label}: a missed call keeps the task open");
        sara.post(&action, &[("utfall", "kontakt")]).await;
        assert!(!sara.get("/ansatt/saker").await.body.contains(&action), "{label}: done");

        // A protected person is not shown to the contact centre, and caseworkers have no lookup.
        let eva = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Eva").unwrap();
        let refused = tor.post("/ansatt/kontaktsenter", &[("fnr", eva.fnr.as_str()), ("grunn", "innringer")]).await;
        assert!(refused.body.contains("beskyttet adresse") && !refused.body.contains("Sørkedalsveien"), "{label}");
        sara.get("/ansatt/saker").await;
        assert_eq!(sara.post("/ansatt/kontaktsenter", &[("fnr", &fnr), ("grunn", "innringer")]).await.status, StatusCode::FORBIDDEN, "{label}");

        // Amina sees who looked and why.
        let case = amina_browser.get(&format!("/mine-soknader/{id}")).await;
        assert!(case.body.contains("Tor Bakke") && case.body.contains("slo opp saken i kontaktsenteret fordi du ringte"), "{label}");

        // The lead's statistics: one paper application is "<5", in CSV too; others may not look.
        let mut henrik = staff(&app, "henrik").await;
        let stats = henrik.get("/ansatt/statistikk").await;
        assert_eq!(stats.status, StatusCode::OK, "{label}");
        assert!(stats.body.contains("<svg") && stats.body.contains("<th scope=\"row\">Papir</th><td>&#60;5</td>"), "{label}: {}", stats.body);
        let csv = henrik.get("/ansatt/statistikk.csv").await;
        assert!(csv.body.contains("\"Papir\",\"<5\""), "{label}: {}", csv.body);
        assert_eq!(sara.get("/ansatt/statistikk").await.status, StatusCode::FORBIDDEN, "{label}");
        let bad_period = henrik.get("/ansatt/statistikk?fra=2026-13-01&til=x").await;
        assert!(bad_period.body.contains("Vi forstod ikke perioden"), "{label}");
    }
}

/// The paper form is made from the same questions as the steps, in every language, with the
/// documents checklist; it is a tagged PDF anyone can print.
#[tokio::test]
async fn the_paper_form_has_the_steps_questions_in_every_language() {
    let app = TestApp::spawn(velferd_store::testing::sqlite()).await;
    let mut b = app.browser("nb");
    for (lang, question, checklist) in [
        ("nb", "Hvordan bor du?", "Dokumenter du bør legge ved"),
        ("nn", "Korleis bur du?", "Dokument du bør leggje ved"),
        ("en", "Where and how do you live?", "Documents you should attach"),
    ] {
        let r = b.client.get(format!("{}/papirskjema/{lang}.pdf", b.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{lang}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let pdf = r.bytes().await.unwrap().to_vec();
        if std::env::var("VELFERD_KEEP_PAPER_FORM").is_ok() {
            std::fs::write(std::env::temp_dir().join(format!("papirskjema-{lang}.pdf")), &pdf).unwrap();
        }
        if let Some(text) = velferd_testkit::pdf_tools::text(&pdf) {
            let text = text.replace('\n', " ");
            assert!(text.contains(question) && text.contains(checklist), "{lang}: {text}");
        }
    }
    assert_eq!(b.get("/papirskjema/de.pdf").await.status, StatusCode::NOT_FOUND);
}

/// Siri has no BankID: Sara checks her passport and registers her with her shelter's worker as
/// contact; Siri's phone application is registered; a request for documents then goes as plain
/// SMS to the number the office registered, and the contact centre sees how to reach her.
#[tokio::test]
async fn a_person_without_electronic_id_is_registered_and_reached_by_plain_sms() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let siri = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Siri").unwrap();
        let fnr = siri.fnr.as_str().to_owned();
        let mut sara = staff(&app, "sara").await;
        sara.get("/ansatt/registrer/person").await;
        let refused = sara.post("/ansatt/registrer/person", &[("fnr", &fnr), ("kontakt_navn", "Kari Bymisjon")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(refused.field_error("telefon").is_some() && refused.field_error("legitimasjon").is_some() && refused.field_error("kontakt_type").is_some(), "{label}");
        assert_eq!(refused.input_value("kontakt_navn").as_deref(), Some("Kari Bymisjon"), "{label}: kept");
        let done = sara
            .post(
                "/ansatt/registrer/person",
                &[
                    ("fnr", &fnr),
                    ("legitimasjon", "pass"),
                    ("telefon", "998 87 766"),
                    ("kontakt_navn", "Kari Bymisjon"),
                    ("kontakt_type", "botilbud"),
                    ("kontakt_telefon", "22 00 00 00"),
                ],
            )
            .await;
        assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/ansatt/registrer?gjort=person")), "{label}: {}", done.field_errors_summary());

        // Her application, taken by phone (Tromsø is another office's: a reason is needed).
        let started = start(&mut sara, &fnr, "5501", "Bor midlertidig på hospits i Oslo").await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{label}: {}", started.field_errors_summary());
        let draft = draft_of(&started);
        for (step, fields) in STEPS {
            sara.post(&format!("/ansatt/registrer/{draft}/{step}"), fields).await;
        }
        let sent = send(&mut sara, &draft, &[("kanal", "telefon"), ("bekreftet", "ja"), ("handling", "send")], None).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.field_errors_summary());
        let id = sent.location.unwrap().trim_start_matches("/ansatt/saker/").split('?').next().unwrap().to_owned();
        // Tromsø's office has the case; Sara's office registered it with the reason.
        let channel = app.store.application_channel(&id).await.unwrap().unwrap();
        assert_eq!(channel.kommune_reason.as_deref(), Some("Bor midlertidig på hospits i Oslo"), "{label}");

        // A notice about the case goes to the registered number, marked plain (no log-in, no link).
        app.store
            .append_events(
                &id,
                &[serde_json::json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2026-12-01T10:00:00Z", "dokumenter": [
            {"dokumenttype": "kontooversikt", "tilleggsinformasjon": "brukskonto", "innsendelsesfrist": "2026-12-20T10:00:00Z"}]})],
                1,
            )
            .await
            .unwrap();
        let notices = app.store.notices_of(&id).await.unwrap();
        assert_eq!(notices.iter().map(|n| n.address.as_str()).collect::<Vec<_>>(), vec!["+4799887766"], "{label}");

        // The contact centre sees how to reach her.
        let mut tor = staff(&app, "tor").await;
        tor.get("/ansatt/kontaktsenter").await;
        let found = tor.post("/ansatt/kontaktsenter", &[("fnr", &fnr), ("grunn", "kontaktperson")]).await;
        assert!(found.body.contains("ikke elektronisk ID") && found.body.contains("Kari Bymisjon (Botilbud)"), "{label}");
        assert!(found.body.contains("Telefon") && found.body.contains("Kom som"), "{label}");
    }
}

/// `serve --demo` seeds closed applications to NAV Frogner by four channels
/// (`seed_demo_statistics`), so Henrik's channel chart draws bars with real numbers; they are
/// closed, so the open inbox still starts with Kari's emergency and holds none of them.
#[tokio::test]
async fn the_demo_statistics_show_the_channel_split_and_leave_the_open_inbox_alone() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let kommuner = velferd_web::default_kommuner();
        velferd_web::seed_demo_cases(&app.store, app.files.as_ref(), &kommuner, velferd_web::now_ms()).await.unwrap();
        assert_eq!(velferd_web::seed_demo_statistics(&app.store, app.files.as_ref(), &kommuner, velferd_web::now_ms()).await.unwrap(), 20, "{label}");
        assert_eq!(velferd_web::seed_demo_statistics(&app.store, app.files.as_ref(), &kommuner, velferd_web::now_ms()).await.unwrap(), 0, "{label}: once");

        let mut henrik = staff(&app, "henrik").await;
        let stats = henrik.get("/ansatt/statistikk").await;
        assert_eq!(stats.status, StatusCode::OK, "{label}");
        for row in [
            "<th scope=\"row\">Digital selvbetjening</th><td>6</td>",
            "<th scope=\"row\">Papir</th><td>6</td>",
            "<th scope=\"row\">Telefon</th><td>5</td>",
            "<th scope=\"row\">Oppmøte ved kontoret</th><td>5</td>",
        ] {
            assert!(stats.body.contains(row), "{label}: {row}\n{}", stats.body);
        }
        // The channel chart comes first: its bars are the rects before the second chart.
        let channel_chart = stats.body.split("<svg").nth(1).unwrap();
        let drawn = channel_chart.split("<rect ").skip(1).filter(|r| r.split("width=\"").nth(1).is_some_and(|w| !w.starts_with("0\""))).count();
        assert!(drawn >= 4, "{label}: four channels have bars\n{channel_chart}");
        let csv = henrik.get("/ansatt/statistikk.csv").await;
        assert!(csv.body.contains("\"Papir\",\"6\""), "{label}: {}", csv.body);

        let mut sara = staff(&app, "sara").await;
        let inbox = sara.get("/ansatt/saker").await;
        assert!(!inbox.body.contains("Testesen"), "{label}: closed, not in the open inbox");
        let first = inbox.body.split("<ul class=\"vf-cards\"").nth(1).and_then(|l| l.split("</li>").next()).unwrap_or_default();
        assert!(first.contains("vf-card--emergency") && first.contains("Kari Nordmann"), "{label}: Kari's emergency is the first row\n{first}");
        let all = sara.get("/ansatt/saker?vis=alle").await;
        assert!(all.body.contains("Testesen"), "{label}: under all, with the closed ones");
    }
}
