//! What a citizen meets after sending (issue 12, "After sending"): the receipt, the start page,
//! the case page, who has looked, the emergency notice, a helper's pages. Both databases.

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
