//! A citizen lets a helper follow one application (power of attorney, fullmakt): the helper sees
//! only what it covers, for as long as it lasts, every look is in the citizen's audit list, and
//! taking it back ends it at once. Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::CaseSystem;
use velferd_testkit::{fill_in, Browser, TestApp};

fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(300, 400, |_, y| if y % 20 < 5 { image::Rgb([30, 30, 30]) } else { image::Rgb([235, 235, 235]) });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn fnr_of(app: &TestApp, first_name: &str) -> String {
    app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == first_name).unwrap().fnr.as_str().to_owned()
}

#[tokio::test]
async fn a_helper_follows_the_application_only_as_far_and_as_long_as_the_power_says() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
        let case = format!("/mine-soknader/{id}");
        let ola_fnr = fnr_of(&app, "Ola").await;
        let kari_fnr = fnr_of(&app, "Kari").await;

        // Bad input is explained at its field; what she wrote stays.
        kari.get(&case).await;
        let bad = kari.post(&format!("{case}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", "12345678901"), ("maneder", "3")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(bad.body.contains("Fødselsnummeret er ikke riktig") && bad.body.contains(r#"value="Ola Hansen""#), "{}", bad.body);
        let me = kari.post(&format!("{case}/fullmakt"), &[("navn", "Meg"), ("fnr", &kari_fnr), ("maneder", "3")]).await;
        assert!(me.body.contains("Du kan ikke gi fullmakt til deg selv."));
        let done = kari.post(&format!("{case}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", &ola_fnr), ("maneder", "3"), ("dokumenter", "ja")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        assert!(kari.get(&case).await.body.contains("Kan følge søknaden og sende dokumenter. Gjelder til"));

        // Ola finds it and sees where it stands, but not Kari's answers, documents or letters.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let list = ola.get("/mine-soknader").await;
        assert!(list.body.contains("Søknader du hjelper med") && list.body.contains(&format!("/fullmakt/{id}")), "{label}: {}", list.body);
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert_eq!(view.status, StatusCode::OK, "{label}");
        assert!(view.body.contains("Kari Nordmann har gitt deg fullmakt") && view.body.contains("Kontoret har fått søknaden til Kari Nordmann"), "{}", view.body);
        // Every helper page speaks of the person helped, never of "your application".
        assert!(view.body.contains("<h1 class=\"ds-heading\" data-size=\"lg\">Søknaden til Kari Nordmann</h1>"), "{label}: {}", view.body);
        for yours in ["Søknaden din", "søknaden din", "Dette må du gjøre"] {
            assert!(!view.body.contains(yours), "{label}: the helper's page says {yours}: {}", view.body);
        }
        for hidden in ["/kvittering/", "Dokumenter du har sendt", "Hvem har sett", "Gi noen fullmakt", "mistet jobben"] {
            assert!(!view.body.contains(hidden), "{label}: the helper must not see {hidden}");
        }

        // Ola sends a document for her; it lands on her application.
        let upload = ola.get(&format!("/fullmakt/{id}/dokumenter")).await;
        let field =
            regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).unwrap().captures(&upload.body).unwrap_or_else(|| panic!("field: {}", upload.body))[1].to_owned();
        let form = Form::new().text("_csrf", ola.csrf.clone()).part(field, Part::bytes(photo()).file_name("kontrakt.jpg"));
        assert!(
            upload.body.contains("Send dokumenter for Kari Nordmann") && upload.body.contains("sendes til søknaden til Kari Nordmann") && !upload.body.contains("søknaden din"),
            "{label}: {}",
            upload.body
        );
        let r = ola.client.post(format!("{}/fullmakt/{id}/dokumenter", ola.base)).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        // Ola is told what he sent, to whose application.
        let confirmation = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(confirmation.starts_with(&format!("/fullmakt/{id}/sendt/")), "{label}: {confirmation}");
        let done = ola.get(&confirmation).await;
        assert!(
            done.body.contains("Dokumentene er sendt")
                && done.body.contains("Du sendte ett dokument til søknaden til Kari Nordmann")
                && done.body.contains("<li>Husleiekontrakt</li>"),
            "{label}: {}",
            done.body
        );
        assert!(done.body.contains(&format!(r#"href="/fullmakt/{id}""#)) && !done.body.contains("søknaden din"), "{label}: {}", done.body);
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert!(view.body.contains("Ett dokument ble sendt til søknaden.") && !view.body.contains("Du sendte"), "{label}: the timeline does not say 'you sent': {}", view.body);
        let kari_case = kari.get(&case).await;
        assert!(kari_case.body.contains("Husleiekontrakt</a>"), "{label}: {}", kari_case.body);
        // Kari sees that Ola looked and sent.
        // Kari sees that Ola looked and sent: one line for Ola that day.
        assert!(
            regex_lite::Regex::new(r"Ola Hansen – så på saken din \(fullmakt\)[^<]*, sendte dokumenter for deg \(fullmakt\)").unwrap().is_match(&kari_case.body),
            "{}",
            kari_case.body
        );

        // Someone without a power gets nothing, and the attempt is logged.
        let mut amina = app.browser("nb");
        amina.sign_in("Amina").await;
        assert_eq!(amina.get(&format!("/fullmakt/{id}")).await.status, StatusCode::NOT_FOUND, "{label}");
        assert_eq!(amina.get(&format!("/fullmakt/{id}/dokumenter")).await.status, StatusCode::NOT_FOUND);
        assert!(matches!(app.store.verify_audit().await.unwrap(), velferd_store::ChainCheck::Intact { .. }));

        // The office sees the power.
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo", 0).await.unwrap();
        let office = CaseSystem::connect(&app.base, &key.secret).await;
        let (_, one) = office.call("getApplication", Some(&id), &[], None).await;
        assert_eq!(one["fullmakter"][0]["navn"], "Ola Hansen");
        assert_eq!(one["fullmakter"][0]["kanSendeDokumenter"], true);

        // It runs out after its period.
        let ola_id = velferd_domain::ids::Fodselsnummer::parse(&ola_fnr).unwrap();
        let later = velferd_web::now_ms() + 95 * 24 * 3600 * 1000;
        assert!(app.store.application_as_helper(&id, &ola_id, later).await.unwrap().is_none(), "{label}");

        // Kari takes it back: at once, Ola sees nothing.
        let page = kari.get(&case).await;
        let revoke = regex_lite::Regex::new(r#"action="([^"]+/trekk-tilbake)""#).unwrap().captures(&page.body).unwrap()[1].to_owned();
        assert_eq!(kari.post(&revoke, &[]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(ola.get(&format!("/fullmakt/{id}")).await.status, StatusCode::NOT_FOUND, "{label}");
        assert!(!ola.get("/mine-soknader").await.body.contains("Søknader du hjelper med"));
        assert!(kari.get(&case).await.body.contains("Trukket tilbake"));
    }
}

#[tokio::test]
async fn a_power_to_follow_does_not_cover_sending_documents() {
    for app in TestApp::all().await {
        let mut kari: Browser = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
        kari.get(&format!("/mine-soknader/{id}")).await;
        let ola_fnr = fnr_of(&app, "Ola").await;
        let done = kari.post(&format!("/mine-soknader/{id}/fullmakt"), &[("navn", "Ola"), ("fnr", &ola_fnr), ("maneder", "1")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert_eq!(view.status, StatusCode::OK);
        assert!(!view.body.contains(&format!("/fullmakt/{id}/dokumenter")), "{}: no upload link", app.db.label);
        assert_eq!(ola.get(&format!("/fullmakt/{id}/dokumenter")).await.status, StatusCode::NOT_FOUND);
        // Ola cannot give powers on Kari's application either.
        ola.get("/mine-soknader").await;
        assert_eq!(ola.post(&format!("/mine-soknader/{id}/fullmakt"), &[("navn", "X"), ("fnr", &ola_fnr), ("maneder", "1")]).await.status, StatusCode::NOT_FOUND);
    }
}

/// Assisted self-service by a registered helper (issue 17): Kari fills in and sends her own
/// application with Ola beside her and gives him a power of attorney; Ola, signed in as himself,
/// records that they filled it in together. The application is then "digital with help" by Ola in
/// the office's case file and the statistics, Kari sees it in "who has looked", and nobody else can
/// record it.
#[tokio::test]
async fn a_helper_with_a_power_records_that_they_filled_in_the_application_together() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
        let case = format!("/mine-soknader/{id}");
        kari.get(&case).await;
        let ola_fnr = fnr_of(&app, "Ola").await;
        let granted = kari.post(&format!("{case}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", &ola_fnr), ("maneder", "1")]).await;
        assert_eq!(granted.status, StatusCode::SEE_OTHER, "{label}");

        // Someone without a power cannot record it.
        let mut amina = app.browser("nb");
        amina.sign_in("Amina").await;
        amina.get("/mine-soknader").await;
        assert_eq!(amina.post(&format!("/fullmakt/{id}/fylt-ut-sammen"), &[]).await.status, StatusCode::NOT_FOUND, "{label}");

        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert!(view.body.contains("Fylte dere ut søknaden sammen?") && view.body.contains("Hjalp du Kari Nordmann med å fylle ut søknaden?"), "{label}: {}", view.body);
        let done = ola.post(&format!("/fullmakt/{id}/fylt-ut-sammen"), &[]).await;
        assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some(format!("/fullmakt/{id}#hjelp").as_str())), "{label}");
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert!(view.body.contains("Søknaden er registrert som fylt ut av deg sammen med Kari Nordmann.") && !view.body.contains("fylt-ut-sammen"), "{label}: {}", view.body);
        // A second time changes nothing.
        assert_eq!(ola.post(&format!("/fullmakt/{id}/fylt-ut-sammen"), &[]).await.status, StatusCode::SEE_OTHER, "{label}");

        let channel = app.store.application_channel(&id).await.unwrap().unwrap();
        assert_eq!(channel.channel, velferd_domain::assisted::Channel::Assistert, "{label}");
        let (by, name) = channel.registered_by.unwrap();
        assert!(by.starts_with("fullmektig:") && name == "Ola Hansen", "{label}: {by} {name}");

        // The office sees who helped; the lead's statistics count it as assisted.
        let mut sara = app.browser("nb");
        sara.get("/ansatt/demo").await;
        sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
        let file = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(file.body.contains("Digital med hjelp") && file.body.contains("Fylt ut sammen med Ola Hansen, som har fullmakt fra søkeren"), "{label}: {}", file.body);
        let mut henrik = app.browser("nb");
        henrik.get("/ansatt/demo").await;
        henrik.post("/ansatt/demo", &[("ansatt", "henrik")]).await;
        let stats = henrik.get("/ansatt/statistikk").await;
        assert!(stats.body.contains("<th scope=\"row\">Digital med hjelp</th><td>&#60;5</td>"), "{label}: {}", stats.body);

        // Kari sees it among who has looked at her case.
        let hers = kari.get(&case).await;
        assert!(hers.body.contains("registrerte at de hjalp deg med å fylle ut søknaden"), "{label}: {}", hers.body);
    }
}
