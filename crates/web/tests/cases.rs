//! A citizen follows their application in plain words, from the same events the office writes.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use serde_json::json;
use velferd_testkit::{fill_in, TestApp};

#[tokio::test]
async fn the_citizen_sees_status_tasks_decision_and_payment_in_plain_words() {
    for app in TestApp::all().await {
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let draft = fill_in(&mut b, "0301").await;
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();

        let list = b.get("/mine-soknader").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("Mottatt") && list.body.contains("NAV Frogner"), "{}", list.body);
        let page = b.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("Kontoret har fått søknaden din. Du får vanligvis svar innen"), "expected time: {}", page.body);
        assert!(page.body.contains("Søknaden ble sendt til NAV Frogner."), "the office by name, not number");

        // The office asks for documents, decides and pays.
        app.store
            .append_events(
                &id,
                &[
                    json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-02T08:00:00.000Z", "status": "UNDER_BEHANDLING"}),
                    json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2030-01-02T09:00:00.000Z",
                           "dokumenter": [{"dokumenttype": "husleiekontrakt", "tilleggsinformasjon": "husleiekontrakt", "innsendelsesfrist": "2030-01-16T00:00:00.000Z"}]}),
                ],
                0,
            )
            .await
            .unwrap();
        let page = b.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("En saksbehandler jobber med søknaden din."));
        assert!(page.body.contains("Dette må du gjøre") && page.body.contains("Husleiekontrakt") && page.body.contains("send innen 16.01.2030"), "{}", page.body);
        let list = b.get("/mine-soknader").await;
        assert!(list.body.contains("Kontoret venter på dokumenter fra deg (1)"));

        app.store
            .append_events(
                &id,
                &[
                    json!({"type": "dokumentasjonEtterspurt", "hendelsestidspunkt": "2030-01-05T09:00:00.000Z", "dokumenter": []}),
                    json!({"type": "vedtakFattet", "hendelsestidspunkt": "2030-01-06T10:00:00.000Z", "saksreferanse": "S1", "utfall": "DELVIS_INNVILGET",
                           "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}}}),
                    json!({"type": "utbetaling", "hendelsestidspunkt": "2030-01-06T10:00:00.000Z", "utbetalingsreferanse": "P1", "saksreferanse": "S1",
                           "status": "PLANLAGT_UTBETALING", "belop": 4200.0, "forfallsdato": "2030-01-10"}),
                    json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-06T10:00:00.000Z", "status": "FERDIGBEHANDLET"}),
                ],
                0,
            )
            .await
            .unwrap();
        b.lang = "en".into();
        let page = b.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("The office has made a decision."), "{}", page.body);
        assert!(page.body.contains("partly granted on 06.01.2030"));
        assert!(page.body.contains("4\u{a0}200\u{a0}kr") && page.body.contains("coming on 10.01.2030"));
        assert!(!page.body.contains("What you need to do"), "the answered request is gone");
        assert!(!page.body.contains("DELVIS_INNVILGET") && !page.body.contains("UNDER_BEHANDLING"), "never a raw code");

        // Nobody else sees it.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.get(&format!("/mine-soknader/{id}")).await.status, StatusCode::NOT_FOUND, "{}", app.db.label);
        assert!(ola.get("/mine-soknader").await.body.contains("Du har ikke sendt noen søknader ennå."));
    }
}

#[tokio::test]
async fn demo_cases_show_in_plain_words() {
    for app in TestApp::all().await {
        velferd_web::seed_demo_cases(&app.store, app.files.as_ref(), &velferd_web::default_kommuner(), velferd_web::now_ms()).await.unwrap();
        velferd_web::seed_demo_cases(&app.store, app.files.as_ref(), &velferd_web::default_kommuner(), velferd_web::now_ms()).await.unwrap();
        assert_eq!(app.store.count_applications().await.unwrap(), 3, "{}: seeding twice adds nothing", app.db.label);
        let mut kari = app.browser("nn");
        kari.sign_in("Kari").await;
        let list = kari.get("/mine-soknader").await;
        // Newest first: this morning's emergency, then the decided case.
        let links: Vec<String> = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+)""#).unwrap().captures_iter(&list.body).map(|c| c[1].to_owned()).collect();
        assert_eq!(links.len(), 2, "{}", list.body);
        let first = kari.get(&links[0]).await;
        // In nynorsk, received is "Motteken".
        assert!(first.body.contains("Motteken"), "the emergency is received: {}", first.body);
        let href = links[1].clone();
        let page = kari.get(&href).await;
        assert!(page.body.contains("Ferdig behandla") && page.body.contains("6\u{a0}500\u{a0}kr vart utbetalt."), "{}", page.body);
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert!(ola.get("/mine-soknader").await.body.contains("Kontoret venter på dokumenter fra deg (2)"));
    }
}
