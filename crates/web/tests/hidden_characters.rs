//! Characters that change how text reads without being seen — direction overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069) and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) —
//! never reach pages, PDFs or soknad.json: direction controls are refused with a message in the
//! person's language, zero-width characters are removed, a helper's name refuses control
//! characters, and a case system's letter titles and status documents are refused with a reason.
//! Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use serde_json::json;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::{Body, CaseSystem};
use velferd_testkit::{Browser, TestApp, STEPS};

const DIRECTION: [char; 9] = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
const ZERO_WIDTH: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

fn hidden(text: &str) -> Vec<String> {
    text.chars().filter(|c| DIRECTION.contains(c) || ZERO_WIDTH.contains(c)).map(|c| format!("U+{:04X}", c as u32)).collect()
}

fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = velferd_store::testing::temp_dir();
    let path = dir.0.join("a.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Fills in every step, with `changes` to the answers of the complete application.
async fn fill_in_with(b: &mut Browser, kommune: &str, changes: &[(&str, &str, &str)]) -> String {
    let draft = b.start(kommune).await;
    for (step, fields) in STEPS {
        let mut fields: Vec<(&str, &str)> = fields.to_vec();
        for (s, name, value) in changes {
            if s == step {
                fields.retain(|(n, _)| n != name);
                fields.push((name, value));
            }
        }
        b.step(&draft, step, &fields).await;
    }
    draft
}

#[tokio::test]
async fn direction_controls_are_refused_with_a_message_and_zero_width_characters_never_reach_the_office() {
    for app in TestApp::all().await {
        let label = app.db.label;
        for (lang, message) in [("nb", "skjulte tegn som endrer skriveretningen"), ("en", "hidden characters that change the direction of writing")] {
            let mut b = app.browser(lang);
            b.sign_in("Kari").await;
            let draft = b.start("0301").await;
            for c in DIRECTION {
                let why = format!("Jeg trenger mat {c}rof sgninen");
                b.get(&format!("/soknad/{draft}/behov")).await;
                let page = b.post(&format!("/soknad/{draft}/behov"), &[("kategorier", "livsopphold"), ("hvorfor", &why)]).await;
                assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{label} {lang} U+{:04X}", c as u32);
                assert!(page.field_error("hvorfor").is_some_and(|e| e.contains(message)), "{label} {lang}: {}", page.field_errors_summary());
                assert_eq!(page.textarea("hvorfor").as_deref(), Some(why.as_str()), "{label}: what was typed is kept to correct");
            }
        }

        // Zero-width characters in free text and names are taken out before anything is built.
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let why = "Jeg\u{200B} har mistet\u{2060} jobben\u{FEFF} og må betale husleie.";
        let employer = "Kafé\u{200D} Ørken\u{200C}rotta";
        let child = "\u{FEFF}Li\u{200B}se";
        let draft = fill_in_with(&mut kari, "0301", &[("behov", "hvorfor", why), ("arbeid", "arbeidsgiver", employer), ("familie", "barn1_fornavn", child)]).await;
        let summary = kari.get(&format!("/soknad/{draft}/oppsummering")).await;
        assert!(summary.body.contains("Kafé Ørkenrotta") && summary.body.contains("Jeg har mistet jobben og må betale husleie."), "{label}: {}", summary.body);
        assert_eq!(hidden(&summary.body), Vec::<String>::new(), "{label}: summary page");
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let receipt = sent.location.expect("receipt");
        let id = receipt.rsplit('/').next().unwrap().to_owned();
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
        let stored = app.store.application(&id, &fnr).await.unwrap().expect("stored");
        let soknad = stored.soknad_json.to_string();
        assert!(soknad.contains("Kafé Ørkenrotta") && soknad.contains("\"Lise\""), "{label}: {soknad}");
        assert_eq!(hidden(&soknad), Vec::<String>::new(), "{label}: soknad.json");
        let pdf = kari.client.get(format!("{}{receipt}/soknad.pdf", kari.base)).send().await.unwrap().bytes().await.unwrap();
        if let Some(text) = pdftotext(&pdf) {
            assert!(text.contains("Kafé Ørkenrotta"), "{label}: {text}");
            assert_eq!(hidden(&text), Vec::<String>::new(), "{label}: the PDF copy");
        }

        // A helper's name: control characters and direction controls are refused at the field.
        let case = format!("/mine-soknader/{id}");
        let ola = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Ola").unwrap().fnr;
        for (name, message) in [
            ("Ola\u{7}Hansen", "Teksten inneholder tegn vi ikke kan lese"),
            ("Ola\nHansen", "Teksten inneholder tegn vi ikke kan lese"),
            ("Ola \u{1b}[31mHansen", "Teksten inneholder tegn vi ikke kan lese"),
            ("\u{202E}nesnaH alO", "skjulte tegn som endrer skriveretningen"),
        ] {
            kari.get(&case).await;
            let page = kari.post(&format!("{case}/fullmakt"), &[("navn", name), ("fnr", ola.as_str()), ("maneder", "3")]).await;
            assert!(page.body.contains(message), "{label}: {name:?}: {}", page.body);
            assert!(app.store.powers_of(&id, &fnr).await.unwrap().is_empty(), "{label}: no power given for {name:?}");
        }
        kari.get(&case).await;
        let done = kari.post(&format!("{case}/fullmakt"), &[("navn", "\u{200B}Ola Hansen\u{FEFF}"), ("fnr", ola.as_str()), ("maneder", "3")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        assert_eq!(app.store.powers_of(&id, &fnr).await.unwrap()[0].helper_name, "Ola Hansen", "{label}");

        // A case system's letter title and status document are refused with a reason.
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo fagsystem", 0).await.unwrap();
        let client = CaseSystem::connect(&app.base, &key.secret).await;
        let letter = velferd_documents::render(&velferd_documents::Document {
            title: "Vedtak".into(),
            language: "nb".into(),
            intro: vec!["Vedtak".into()],
            sections: vec![],
            footer: "test".into(),
            page_label: "{page}/{pages}".into(),
        })
        .unwrap();
        for title in ["Vedtak \u{202E}tgalsva", "Vedtak\u{200B}", "Vedtak\nom stønad"] {
            let reply = client.send("uploadLetter", &[("id", &id)], &[("tittel", title.to_owned())], Body::Pdf(letter.clone())).await;
            assert_eq!((reply.status, reply.json["feil"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_title")), "{label}: {title:?}");
        }
        let doc = json!({"version": "1.0.0", "avsender": {"systemnavn": "Oslo\u{2067} fagsystem", "systemversjon": "1"}, "hendelser": [
            {"type": "soknadsStatus", "hendelsestidspunkt": "2030-02-01T08:00:00.000Z", "status": "UNDER_BEHANDLING"}
        ]});
        let (status, body) = client.call("putCaseStatus", Some(&id), &[], Some(&doc)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: {body}");
        assert_eq!(body["detaljer"][0]["peker"], "/avsender/systemnavn", "{label}: {body}");
    }
}
