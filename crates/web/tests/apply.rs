//! A citizen applies, as they would in a browser without JavaScript. Every test runs on SQLite and
//! PostgreSQL.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_formats::{validate, Kind};
use velferd_testkit::{fill_in, TestApp, STEPS};

#[tokio::test]
async fn a_citizen_applies_in_each_language_and_the_office_gets_valid_documents() {
    for app in TestApp::all().await {
        for (lang, done_text, pdf_words) in [
            ("nb", "Søknaden er sendt", "Søknad om økonomisk sosialhjelp"),
            ("nn", "Du har sendt søknaden", "Søknad om økonomisk sosialhjelp"),
            ("en", "Your application has been sent", "Application for financial assistance"),
        ] {
            let mut b = app.browser(lang);
            b.sign_in("Kari").await;
            let draft = fill_in(&mut b, "0301").await;

            let summary = b.get(&format!("/soknad/{draft}/oppsummering")).await;
            assert_eq!(summary.status, StatusCode::OK, "{}", app.db.label);
            assert!(summary.body.contains("Kafé Ørkenrotta") && summary.body.contains("1234 56 78903"), "summary shows the answers: {}", summary.body);
            assert!(summary.body.contains(&format!("lang=\"{lang}\"")), "page is in {lang}");

            let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
            assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}: {}", app.db.label, sent.body);
            let receipt_path = sent.location.expect("receipt");
            let receipt = b.get(&receipt_path).await;
            assert_eq!(receipt.status, StatusCode::OK);
            assert!(receipt.body.contains(done_text), "{lang} receipt says it was sent: {}", receipt.body);
            assert!(receipt.body.contains("NAV Frogner"), "receipt names the office");
            let reference = regex_lite::Regex::new(r"VF-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap().find(&receipt.body).expect("reference").as_str().to_owned();

            // What the office receives validates against the official schemas.
            let id = receipt_path.rsplit('/').next().unwrap();
            let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
            let stored = app.store.application(id, &fnr).await.unwrap().expect("stored");
            assert_eq!(stored.reference, reference);
            assert_eq!(validate(Kind::Soknad, &stored.soknad_json).unwrap(), vec![], "{}", stored.soknad_json);
            assert_eq!(validate(Kind::Vedlegg, &stored.vedlegg_json).unwrap(), vec![]);
            assert_eq!(stored.soknad_json["mottaker"]["kommunenummer"], "0301");
            assert_eq!(stored.soknad_json["data"]["okonomi"]["oversikt"]["utgift"][0]["belop"], 9500);
            let types: Vec<String> =
                stored.vedlegg_json["vedlegg"].as_array().unwrap().iter().map(|v| format!("{}|{}", v["type"].as_str().unwrap(), v["tilleggsinfo"].as_str().unwrap())).collect();
            assert!(types.contains(&"husleiekontrakt|husleiekontrakt".into()) && types.contains(&"lonnslipp|arbeid".into()), "{types:?}");

            // The PDF copy is a real PDF with the answers, in the citizen's language.
            let pdf = b.client.get(format!("{}{receipt_path}/soknad.pdf", b.base)).header("accept-language", lang).send().await.unwrap();
            assert_eq!(pdf.headers()["content-type"], "application/pdf");
            let bytes = pdf.bytes().await.unwrap();
            assert!(bytes.starts_with(b"%PDF-"));
            if let Some(text) = pdftotext(&bytes) {
                assert!(text.contains(pdf_words), "{lang} PDF title: {text}");
                assert!(text.contains("Kafé Ørkenrotta") && text.contains(&reference), "PDF has the answers and reference");
                let page_label = match lang {
                    "en" => "Page 1 of",
                    "nn" => "Side 1 av",
                    _ => "Side 1 av",
                };
                assert!(text.contains(page_label), "{lang} PDF footer numbers its pages: {text}");
            }
        }
    }
}

fn pdftotext(pdf: &[u8]) -> Option<String> {
    velferd_testkit::pdf_tools::text(pdf)
}

#[tokio::test]
async fn sending_twice_shows_the_same_receipt_and_stores_one_application() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Ola").await;
        let draft = fill_in(&mut b, "4601").await;
        let first = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let second = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(first.location, second.location, "{}", app.db.label);
        assert!(first.location.as_deref().is_some_and(|l| l.starts_with("/kvittering/")));
        assert_eq!(app.store.count_applications().await.unwrap(), 1, "{}", app.db.label);
        // An old step link of a sent application leads to its receipt.
        let old = b.get(&format!("/soknad/{draft}/bolig")).await;
        assert_eq!(old.location, first.location);
    }
}

#[tokio::test]
async fn wrong_answers_get_a_message_next_to_the_field_and_nothing_typed_is_lost() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = b.start("0301").await;

        // Account number failing MOD11: message at the field, the rest of the page kept.
        b.get(&format!("/soknad/{draft}/konto")).await;
        let page = b.post(&format!("/soknad/{draft}/konto"), &[("kontonummer", "1234 56 78904")]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(page.field_error("kontonummer").as_deref(), Some("Kontonummeret finnes ikke. Sjekk at du har skrevet alle sifrene riktig."));
        assert_eq!(page.input_value("kontonummer").as_deref(), Some("1234 56 78904"), "what was typed is shown again");
        assert!(page.body.contains("<title>Feil:"), "the title says there is an error");

        // Negative amount; the other amount stays.
        b.get(&format!("/soknad/{draft}/inntekt")).await;
        let page = b.post(&format!("/soknad/{draft}/inntekt"), &[("lonn", "-500"), ("trygd", "4 200")]).await;
        assert_eq!(page.field_error("lonn").as_deref(), Some("Beløpet kan ikke være negativt. Skriv et beløp mellom 0 og 100\u{a0}000\u{a0}000\u{a0}kr."));
        assert_eq!(page.input_value("trygd").as_deref(), Some("4 200"));

        // 100 kB of text, in English.
        b.lang = "en".into();
        let long = "å".repeat(100_000);
        b.get(&format!("/soknad/{draft}/behov")).await;
        let page = b.post(&format!("/soknad/{draft}/behov"), &[("kategorier", "mat"), ("hvorfor", &long)]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.field_error("hvorfor").is_some_and(|e| e.contains("too long")), "{:?}", page.field_error("hvorfor"));
        assert!(page.is_checked("kategorier", "mat"), "the ticked category is kept");

        // Broken UTF-8 in a field.
        let mut body = format!("_csrf={}&kategorier=mat&hvorfor=", b.csrf).into_bytes();
        body.extend_from_slice(b"bad%FF%FEtext");
        let page = b.post_raw(&format!("/soknad/{draft}/behov"), body).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.field_error("hvorfor").is_some_and(|e| e.contains("cannot read")), "{:?}", page.field_error("hvorfor"));

        // A partner's fødselsnummer with a wrong check digit.
        b.lang = "nb".into();
        b.get(&format!("/soknad/{draft}/familie")).await;
        let page = b
            .post(
                &format!("/soknad/{draft}/familie"),
                &[
                    ("sivilstatus", "gift"),
                    ("partner_fornavn", "Per"),
                    ("partner_etternavn", "Hansen"),
                    ("partner_fnr", "01019012345"),
                    ("partner_bor_sammen", "ja"),
                    ("har_barn", "nei"),
                ],
            )
            .await;
        assert_eq!(page.field_error("partner_fnr").as_deref(), Some("Fødselsnummeret er ikke gyldig. Sjekk sifrene."));
        assert_eq!(page.input_value("partner_fornavn").as_deref(), Some("Per"));

        // Everything typed so far is still in the draft, errors and all.
        let again = b.get(&format!("/soknad/{draft}/inntekt")).await;
        assert_eq!(again.input_value("trygd").as_deref(), Some("4 200"));
        let again = b.get(&format!("/soknad/{draft}/konto")).await;
        assert_eq!(again.input_value("kontonummer").as_deref(), Some("1234 56 78904"));
    }
}

#[tokio::test]
async fn going_back_keeps_answers_and_a_draft_resumes_on_another_device() {
    for app in TestApp::all().await {
        let mut phone = app.browser("nb");
        phone.sign_in("Amina").await;
        let draft = phone.start("5001").await;
        for (step, fields) in &STEPS[..3] {
            phone.step(&draft, step, fields).await;
        }
        // "Back" saves what is on the page (even unfinished) and goes to the previous step.
        phone.get(&format!("/soknad/{draft}/bolig")).await;
        let back = phone.post(&format!("/soknad/{draft}/bolig"), &[("antall_personer", "3"), ("handling", "tilbake")]).await;
        assert_eq!(back.location.as_deref(), Some(format!("/soknad/{draft}/personalia").as_str()));
        let personalia = phone.get(&format!("/soknad/{draft}/personalia")).await;
        assert_eq!(personalia.input_value("telefon").as_deref(), Some("912 34 567"));
        assert!(personalia.body.contains("Amina Hassan") && personalia.body.contains("Olav Tryggvasons gate 40, 7011 Trondheim"), "what the register knows is shown");

        // Another device, signed in as the same person, is offered to continue where she left off.
        let mut pc = app.browser("nb");
        pc.sign_in("Amina").await;
        let start = pc.get("/soknad").await;
        assert!(start.body.contains("Fortsett der du slapp"), "{}", start.body);
        assert!(start.body.contains(&format!("/soknad/{draft}/bolig")), "resumes at the first unfinished step");
        assert!(start.body.contains("slettes"), "says when the draft will be deleted");
        let bolig = pc.get(&format!("/soknad/{draft}/bolig")).await;
        assert_eq!(bolig.input_value("antall_personer").as_deref(), Some("3"));
    }
}

#[tokio::test]
async fn nobody_can_read_or_change_another_persons_draft_or_receipt() {
    for app in TestApp::all().await {
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let receipt = sent.location.unwrap();
        let kari_draft = kari.start("0301").await;

        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.get(&format!("/soknad/{kari_draft}/behov")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(ola.get(&receipt).await.status, StatusCode::NOT_FOUND);
        assert_eq!(ola.get(&format!("{receipt}/soknad.pdf")).await.status, StatusCode::NOT_FOUND);
        // A forged form for Kari's draft, with Ola's own valid token.
        ola.get("/soknad").await;
        let forged = ola.post(&format!("/soknad/{kari_draft}/konto"), &[("kontonummer", "9999.99.99999")]).await;
        assert_eq!(forged.status, StatusCode::NOT_FOUND, "{}", app.db.label);
        let forged_send = ola.post(&format!("/soknad/{kari_draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(forged_send.status, StatusCode::NOT_FOUND);
        let page = kari.get(&format!("/soknad/{kari_draft}/konto")).await;
        assert_eq!(page.input_value("kontonummer").as_deref(), Some(""), "Kari's draft is untouched");

        // A form without the session's token is refused.
        let mut no_token = app.browser("nb");
        no_token.sign_in("Kari").await;
        no_token.csrf = "forged".into();
        let refused = no_token.post(&format!("/soknad/{kari_draft}/konto"), &[("kontonummer", "1234.56.78903")]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // Signed out: sent to sign-in, and back afterwards.
        let mut anonymous = app.browser("nb");
        let page = anonymous.get(&format!("/soknad/{kari_draft}/behov")).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert!(page.location.unwrap().starts_with("/logg-inn?neste=%2Fsoknad%2F"));
    }
}

#[tokio::test]
async fn a_municipality_without_digital_applications_is_said_before_anything_is_filled_in() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Siri").await;
        b.get("/soknad").await;
        let page = b.post("/soknad", &[("kommune", "5501")]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Tromsø tar ikke imot digitale søknader nå"), "{}", page.body);
        assert!(page.body.contains("NAV Tromsø") && page.body.contains("55 55 33 33") && page.body.contains("Fredrik Langes gate 5"));
        let page = b.post("/soknad", &[("kommune", "1856")]).await;
        assert!(page.body.contains("Røst tar ikke imot digitale søknader nå"));
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Siri").unwrap().fnr;
        assert!(app.store.latest_draft(&fnr, velferd_web::now_ms()).await.unwrap().is_none(), "no draft was started");

        // An unknown or malformed municipality number gets a message, not an error page.
        let page = b.post("/soknad", &[("kommune", "301")]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains("Velg kommunen du bor i fra listen."));
    }
}

#[tokio::test]
async fn an_emergency_is_flagged_and_the_receipt_says_to_call_now() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Jon").await;
        let draft = b.start("1103").await;
        b.step(&draft, "nodhjelp", &[("nodhjelp", "begge")]).await;
        let next = b.get(&format!("/soknad/{draft}/behov")).await;
        assert!(next.body.contains("Ring kontoret nå") && next.body.contains("NAV Stavanger"), "every later step shows whom to call");
        for (step, fields) in &STEPS[1..] {
            b.step(&draft, step, fields).await;
        }
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let receipt = b.get(&sent.location.unwrap()).await;
        assert!(receipt.body.contains("Ring kontoret nå") && receipt.body.contains("tel:+4755553333"), "{}", receipt.body);
        let id = b.get("/soknad").await;
        drop(id);
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Jon").unwrap().fnr;
        let apps = app.store.applications_of(&fnr).await.unwrap();
        assert!(apps[0].emergency);
        assert!(apps[0].soknad_json["data"]["begrunnelse"]["hvaSokesOm"].as_str().unwrap().starts_with("NØDHJELP"));
    }
}

#[tokio::test]
async fn sending_without_confirming_or_with_missing_answers_points_to_what_is_missing() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = fill_in(&mut b, "0301").await;
        let page = b.post(&format!("/soknad/{draft}/send"), &[]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains("Du må bekrefte at opplysningene er riktige før du sender."));
        assert_eq!(app.store.count_applications().await.unwrap(), 0);

        let draft2 = b.start("0301").await;
        let page = b.post(&format!("/soknad/{draft2}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains(&format!("/soknad/{draft2}/bolig")), "links to the step with missing answers");
    }
}

#[tokio::test]
async fn health_and_language_switch() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        let health = b.client.get(format!("{}/health", app.base)).send().await.unwrap();
        assert_eq!(health.status(), StatusCode::OK);
        let home = b.client.get(format!("{}/", app.base)).send().await.unwrap();
        let csp = home.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), "strict CSP: {csp}");
        assert_eq!(home.headers()["x-content-type-options"], "nosniff");
        assert!(home.headers().get("strict-transport-security").is_none(), "no HSTS on plain HTTP");
        let body: serde_json::Value = serde_json::from_str(&health.text().await.unwrap()).unwrap();
        assert_eq!(body, serde_json::json!({"status": "ok"}));

        let page = b.get("/?lang=nn").await;
        assert!(page.body.contains(r#"<html lang="nn""#));
        // The choice is remembered over the browser's own language.
        let page = b.get("/").await;
        assert!(page.body.contains(r#"<html lang="nn""#));
        let page = b.get("/?lang=en").await;
        assert!(page.body.contains(r#"<html lang="en""#) && page.body.contains("Start the application"), "{}", page.body);
        let missing = b.get("/finnes-ikke").await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.body.contains(r#"<html lang="en""#), "error pages are translated too");
    }
}

#[tokio::test]
async fn every_step_says_what_is_missing_when_posted_empty() {
    for app in TestApp::all().await {
        let mut b = app.browser("en");
        b.sign_in("Kari").await;
        let draft = b.start("0301").await;
        for (step, required) in [
            ("nodhjelp", &["nodhjelp"][..]),
            ("behov", &["kategorier", "hvorfor"]),
            ("personalia", &["bor_folkeregistrert", "nordisk_borger"]),
            ("bolig", &["botype", "antall_personer"]),
            ("arbeid", &["i_jobb", "student"]),
            ("familie", &["sivilstatus", "har_barn"]),
            ("konto", &["kontonummer"]),
        ] {
            b.get(&format!("/soknad/{draft}/{step}")).await;
            let page = b.post(&format!("/soknad/{draft}/{step}"), &[]).await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{step}");
            for field in required {
                assert!(page.field_error(field).is_some(), "{}: {step} shows no error at {field}: {}", app.db.label, page.field_errors_summary());
                assert!(page.body.contains(&format!("href=\"#f-{field}")), "{step}: the error summary links to {field}");
            }
            assert!(page.body.contains("<title>Error:"), "{step}: the title says there is an error");
        }
        // The money steps have no required fields: empty means "none".
        for step in ["inntekt", "utgifter"] {
            b.get(&format!("/soknad/{draft}/{step}")).await;
            assert_eq!(b.post(&format!("/soknad/{draft}/{step}"), &[]).await.status, StatusCode::SEE_OTHER, "{step}");
        }
        // Unknown steps and unknown drafts are "not found" pages, not errors.
        assert_eq!(b.get(&format!("/soknad/{draft}/nope")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(b.get("/soknad/00000000000000000000000000/behov").await.status, StatusCode::NOT_FOUND);
    }
}
