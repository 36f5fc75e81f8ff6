//! Appeals as people and staff use them, on both databases: Kari appeals the decision the demo made
//! through the office's own actions (after one empty try, refused next to the field); it is received
//! in time and she sees each step on her page as it happens. Sara finds it among the office's open
//! appeals, takes it into processing, cannot send it on without an assessment, then keeps the
//! decision and sends it to the county governor with a cover letter that Kari can read as a PDF.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_testkit::{html_unescape, pdf_tools, Browser, TestApp};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    b.post("/ansatt/demo", &[("ansatt", key)]).await;
    b
}

#[tokio::test]
async fn kari_appeals_and_sees_it_go_to_the_county_governor() {
    for app in TestApp::all().await {
        let label = app.db.label;
        velferd_web::seed_demo_people(&app.store).await.unwrap();
        let cases = velferd_cases::Cases::new(app.store.clone(), app.files.clone(), velferd_web::default_kommuner());
        assert!(velferd_web::seed_demo_decision(&cases, velferd_web::now_ms()).await.unwrap(), "{label}");
        let kari_fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
        let mut decided = None;
        for a in app.store.applications_of(&kari_fnr).await.unwrap() {
            if app.store.decisions(&a.id).await.unwrap().iter().any(|d| d.stage == "vedtatt") {
                decided = Some(a);
            }
        }
        let decided = decided.expect("the demo's decided case");
        let id = decided.id.clone();

        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let case = html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(case.contains("Er du uenig i vedtaket? Du kan klage innen"), "{label}: the deadline is on her page");

        let form = kari.get(&format!("/mine-soknader/{id}/klage")).await;
        assert_eq!(form.status, StatusCode::OK, "{label}");
        let decision = regex_lite::Regex::new(r#"name="vedtak" value="([^"]+)" checked"#).unwrap().captures(&form.body).expect("the one decision, chosen")[1].to_owned();
        // The decision is named by its date, not by the sak's internal reference ("S1").
        let choice = regex_lite::Regex::new(r#"for="f-vedtak-1">([^<]+)<"#).unwrap().captures(&form.body).expect("the choice's label")[1].to_owned();
        assert!(choice.starts_with("Vedtaket fra ") && !choice.contains("(S"), "{label}: {choice}");
        let token = form.input_value("skjema").unwrap();
        let empty = kari.post(&format!("/mine-soknader/{id}/klage"), &[("vedtak", &decision), ("begrunnelse", "  "), ("skjema", &token)]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert_eq!(empty.field_error("begrunnelse").as_deref(), Some("Skriv hva du er uenig i."), "{label}");
        let why = "Husleien er 9 800 kroner, ikke 8 000. Kontrakten ligger ved.";
        let sent = kari.post(&format!("/mine-soknader/{id}/klage"), &[("vedtak", &decision), ("begrunnelse", why), ("skjema", &token)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        kari.post(&format!("/mine-soknader/{id}/klage"), &[("vedtak", &decision), ("begrunnelse", why), ("skjema", &token)]).await;
        let page = html_unescape(&kari.get(sent.location.as_deref().unwrap()).await.body);
        assert!(page.contains("Klagen er mottatt.") && page.contains("Klagen kom innen fristen"), "{label}");
        assert_eq!(app.store.appeals_of(&id).await.unwrap().len(), 1, "{label}: the same form twice is one appeal");

        let mut sara = staff(&app, "sara").await;
        assert!(sara.get("/ansatt/klager").await.body.contains(&decided.reference), "{label}: among the office's open appeals");
        let appeals = sara.get(&format!("/ansatt/saker/{id}/klager")).await;
        assert!(html_unescape(&appeals.body).contains(why), "{label}");
        let klage = regex_lite::Regex::new(r#"name="klage" value="([^"]+)""#).unwrap().captures(&appeals.body).unwrap()[1].to_owned();
        let version = |body: &str| regex_lite::Regex::new(r#"name="versjon" value="(\d+)""#).unwrap().captures(body).unwrap()[1].to_owned();
        let v = version(&appeals.body);
        let taken = sara.post(&format!("/ansatt/saker/{id}/klager"), &[("klage", &klage), ("versjon", &v), ("handling", "behandle")]).await;
        assert_eq!(taken.status, StatusCode::SEE_OTHER, "{label}");
        assert!(html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body).contains("Kontoret behandler klagen"), "{label}: she sees it at once");

        let page = sara.get(&format!("/ansatt/saker/{id}/klager")).await;
        let v = version(&page.body);
        let refused = sara.post(&format!("/ansatt/saker/{id}/klager"), &[("klage", &klage), ("versjon", &v), ("handling", "oversend"), ("vurdering", "")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(refused.body.contains("Skriv kontorets vurdering"), "{label}");
        let stale = sara.post(&format!("/ansatt/saker/{id}/klager"), &[("klage", &klage), ("versjon", "1"), ("handling", "medhold")]).await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{label}: an old page changes nothing");
        let assessment = "Husleien er satt til rimelig nivå for Oslo etter kommunens veiledende satser.";
        let forwarded = sara.post(&format!("/ansatt/saker/{id}/klager"), &[("klage", &klage), ("versjon", &v), ("handling", "oversend"), ("vurdering", assessment)]).await;
        assert_eq!(forwarded.status, StatusCode::SEE_OTHER, "{label}: {}", forwarded.body);

        let page = html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(page.contains("Klagen er sendt til Statsforvalteren, som avgjør den") && page.contains("Kontoret mener vedtaket er riktig"), "{label}");
        let letter = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/brev/[^"]+\.pdf)">Oversendelse av klage til Statsforvalteren"#)
            .unwrap()
            .captures(&page)
            .expect("the cover letter on her page")[1]
            .to_owned();
        let pdf = kari.client.get(format!("{}{letter}", kari.base)).send().await.unwrap().bytes().await.unwrap();
        if let Ok(dir) = std::env::var("VELFERD_KEEP_PDFS") {
            std::fs::write(format!("{dir}/klage-oversendelse-{label}.pdf"), &pdf).unwrap();
        }
        if let Some(text) = pdf_tools::text(&pdf) {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains("Hva skjer nå") && flat.contains("Husleien er 9 800 kroner") && flat.contains("rimelig nivå for Oslo"), "{label}: {flat}");
        }
        assert!(!sara.get("/ansatt/klager").await.body.contains(&decided.reference), "{label}: no longer open");
    }
}
