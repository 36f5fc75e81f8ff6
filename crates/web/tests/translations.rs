//! A whole application, in bokmål, nynorsk and English, from the start page through sending,
//! documents, a request from the office, sending later, a helper and the office's pages, without
//! one "missing translation" in the server's log. Its own test binary: the server runs in this
//! process, and `velferd_web::i18n::missing_translations` counts for the whole process.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::json;
use velferd_testkit::{Browser, TestApp, STEPS};

fn photo(light: f32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        let v = (if (y % 28) < 8 && x > 40 && x < 560 { 40.0 } else { 235.0 } * light) as u8;
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).expect("jpeg");
    out.into_inner()
}

async fn multipart(b: &mut Browser, path: &str, form_page: &str, parts: Vec<(&str, &str, Vec<u8>)>) -> StatusCode {
    b.get(form_page).await;
    let mut form = Form::new().text("_csrf", b.csrf.clone());
    for (field, name, bytes) in parts {
        form = form.part(field.to_owned(), Part::bytes(bytes).file_name(name.to_owned()));
    }
    b.client.post(format!("{}{path}", b.base)).header("accept-language", &b.lang).multipart(form).send().await.expect("post").status()
}

async fn pdf(b: &Browser, path: &str) {
    let r = b.client.get(format!("{}{path}", b.base)).header("accept-language", &b.lang).send().await.expect("pdf");
    assert_eq!(r.status(), StatusCode::OK, "{path}");
}

#[tokio::test]
async fn a_whole_application_in_every_language_logs_no_missing_translation() {
    for app in TestApp::all().await {
        for lang in ["nb", "nn", "en"] {
            let mut b = app.browser(lang);
            b.get("/").await;
            b.get("/logg-inn").await;
            b.sign_in("Kari").await;
            let draft = b.start("0301").await;
            // Every step empty first (every message), then answered; the family step adds a child.
            for (step, fields) in STEPS {
                b.get(&format!("/soknad/{draft}/{step}")).await;
                b.post(&format!("/soknad/{draft}/{step}"), &[]).await;
                b.step(&draft, step, fields).await;
            }
            b.get(&format!("/soknad/{draft}/familie")).await;
            b.post(&format!("/soknad/{draft}/familie"), &[("handling", "legg-til-barn")]).await;
            b.post(&format!("/soknad/{draft}/familie"), &[("handling", "fjern-barn")]).await;
            b.step(&draft, "familie", STEPS[5].1).await;
            b.get(&format!("/soknad/{draft}/oppsummering")).await;
            b.post(&format!("/soknad/{draft}/send"), &[]).await;
            let docs = format!("/soknad/{draft}/dokumenter");
            multipart(
                &mut b,
                &format!("{docs}/kontooversikt.brukskonto"),
                &docs,
                vec![("filer", "a.jpg", photo(1.0)), ("filer", "b.jpg", photo(0.15)), ("filer", "c.jpg", b"not a picture".to_vec())],
            )
            .await;
            b.get(&docs).await;
            b.post(&format!("{docs}/husleiekontrakt.husleiekontrakt/valg"), &[("valg", "tidligere")]).await;
            b.get(&format!("/soknad/{draft}/oppsummering")).await;
            let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
            let receipt = sent.location.expect("receipt");
            let id = receipt.rsplit('/').next().expect("id").to_owned();
            b.get(&receipt).await;
            pdf(&b, &format!("{receipt}/soknad.pdf")).await;

            // The office asks for a document; she sends it later, one bad file among them.
            app.store
                .append_events(
                    &id,
                    &[
                        json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-02T08:00:00.000Z", "status": "UNDER_BEHANDLING"}),
                        json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2030-01-02T09:00:00.000Z",
                               "dokumenter": [{"dokumenttype": "lonnslipp", "tilleggsinformasjon": "arbeid", "innsendelsesfrist": "2030-01-16T00:00:00.000Z"}]}),
                        json!({"type": "forelopigSvar", "hendelsestidspunkt": "2030-01-03T09:00:00.000Z",
                               "forvaltningsbrev": {"referanse": {"type": "dokumentlager", "id": "12345678-9abc-def0-1234-56789abcdef0"}}}),
                    ],
                    0,
                )
                .await
                .expect("events");
            b.get("/mine-soknader").await;
            b.get(&format!("/mine-soknader/{id}")).await;
            let upload = format!("/mine-soknader/{id}/dokumenter");
            b.get(&format!("{upload}?krav=0")).await;
            multipart(&mut b, &upload, &upload, vec![("fil-0", "slipp.jpg", photo(1.0)), ("fil-1", "x.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec())]).await;
            multipart(&mut b, &upload, &upload, vec![]).await;
            b.get(&format!("/mine-soknader/{id}")).await;

            // A helper follows it and sends a document for her.
            let ola_fnr = app.store.demo_people().await.expect("people").into_iter().find(|p| p.fornavn == "Ola").expect("Ola").fnr;
            b.post(&format!("/mine-soknader/{id}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", "123"), ("maneder", "")]).await;
            b.post(&format!("/mine-soknader/{id}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", ola_fnr.as_str()), ("maneder", "3"), ("dokumenter", "ja")]).await;
            b.get(&format!("/mine-soknader/{id}")).await;
            let mut ola = app.browser(lang);
            ola.sign_in("Ola").await;
            ola.get("/mine-soknader").await;
            ola.get(&format!("/fullmakt/{id}")).await;
            let helper_upload = format!("/fullmakt/{id}/dokumenter");
            multipart(&mut ola, &helper_upload, &helper_upload, vec![("fil-1", "annet.jpg", photo(1.0))]).await;
            let mut ola_again = ola.client.post(format!("{}{helper_upload}", ola.base)).header("accept-language", lang);
            ola_again = ola_again.multipart(Form::new().text("_csrf", ola.csrf.clone()).part("fil-1", Part::bytes(photo(1.0)).file_name("annet.jpg")));
            if let Some(done) = ola_again.send().await.expect("send").headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned) {
                ola.get(&done).await;
            }
            ola.get(&format!("/fullmakt/{id}")).await;

            // The office's pages.
            let mut sara = app.browser(lang);
            sara.get("/ansatt/demo").await;
            sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
            sara.get("/ansatt").await;
            sara.get("/ansatt/saker").await;
            sara.get(&format!("/ansatt/saker/{id}")).await;
            pdf(&sara, &format!("/ansatt/saker/{id}/soknad.pdf")).await;

            // Workspace II: calculation (once refused), decision, return, approval, payment, letter.
            let decide = format!("/ansatt/saker/{id}/vedtak");
            let version = |page: &velferd_testkit::Page| page.input_value("versjon").unwrap_or_default();
            let file = sara.get(&format!("/ansatt/saker/{id}")).await;
            sara.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &version(&file)), ("handling", "behandle")]).await;
            let page = sara.get(&decide).await;
            sara.post(&decide, &[("versjon", &version(&page)), ("handling", "utregning"), ("voksne", "enslig"), ("utgift-tekst-0", "Husleie"), ("utgift-belop-0", "x")]).await;
            let page = sara.get(&decide).await;
            sara.post(
                &decide,
                &[
                    ("versjon", &version(&page)),
                    ("handling", "utregning"),
                    ("voksne", "par"),
                    ("barn", "4"),
                    ("utgift-art-0", "strom"),
                    ("utgift-tekst-0", "Strøm"),
                    ("utgift-belop-0", "900"),
                    ("inntekt-art-0", "arbeid"),
                    ("inntekt-tekst-0", "Lønn"),
                    ("inntekt-belop-0", "1 000"),
                ],
            )
            .await;
            let page = sara.get(&decide).await;
            let (today, v) = (velferd_domain::dates::oslo_time(velferd_web::now_ms()).date().to_string(), version(&page));
            let fields = [
                ("versjon", v.as_str()),
                ("handling", "send"),
                ("utfall", "innvilget"),
                ("begrunnelse", "Begrunnelse"),
                ("hjemmel", "sotjl-18"),
                ("hjemmel", "sotjl-20"),
                ("k-tittel-0", "Vilkår"),
                ("d-tittel-0", "Kvittering"),
                ("u-beskrivelse-0", "Livsopphold"),
                ("u-belop-0", "1 000"),
                ("u-forfall-0", today.as_str()),
                ("u-mottaker-0", "soker"),
                ("u-kontonummer-0", "12345678903"),
                ("sprak", lang),
            ];
            sara.post(&decide, &fields).await;
            let mut berit = app.browser(lang);
            berit.get("/ansatt/demo").await;
            berit.post("/ansatt/demo", &[("ansatt", "berit")]).await;
            berit.get("/ansatt/saker?vis=til-godkjenning").await;
            let page = berit.get(&decide).await;
            let vedtak = page.input_value("vedtak").unwrap_or_default();
            berit.post(&decide, &[("versjon", &version(&page)), ("handling", "returner"), ("vedtak", &vedtak), ("kommentar", "")]).await;
            berit.post(&decide, &[("versjon", &version(&page)), ("handling", "returner"), ("vedtak", &vedtak), ("kommentar", "Sjekk")]).await;
            sara.get("/ansatt/saker?vis=returnert").await;
            let page = sara.get(&decide).await;
            let mut again = fields.to_vec();
            let v = version(&page);
            again[0] = ("versjon", v.as_str());
            again.push(("vedtak", vedtak.as_str()));
            sara.post(&decide, &again).await;
            let page = berit.get(&decide).await;
            berit.post(&decide, &[("versjon", &version(&page)), ("handling", "godkjenn"), ("vedtak", &vedtak)]).await;
            let page = sara.get(&decide).await;
            let payment = regex_lite::Regex::new(r#"name="utbetaling" value="([^"]+)""#).unwrap().captures(&page.body).map(|c| c[1].to_owned()).unwrap_or_default();
            sara.post(&decide, &[("versjon", &version(&page)), ("handling", "utbetalt"), ("utbetaling", &payment), ("dato", "")]).await;
            sara.get(&decide).await;
            sara.get(&format!("/ansatt/saker/{id}")).await;
            let letter = app.store.decisions(&id).await.unwrap().into_iter().find_map(|d| d.letter_id);
            assert!(letter.is_some(), "{lang}: the decision was made");
            b.get(&format!("/mine-soknader/{id}")).await;
            b.get("/finnes-ikke").await;
        }
    }
    let missing = velferd_web::i18n::missing_translations();
    assert!(missing.is_empty(), "the log would say 'missing translation' for: {missing:#?}");
}
