//! Rate limits: past the limit a person gets a clear page (429, Retry-After) and loses nothing, a
//! case system gets a JSON error; limits count per person or key, not for everyone. Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::CaseSystem;
use velferd_testkit::{fill_in, TestApp};
use velferd_web::limits::{Limit, RateLimits};
use velferd_web::Config;

async fn apps() -> Vec<TestApp> {
    let limits = RateLimits {
        sign_in: Limit { max: 3, window_s: 3600 },
        submit: Limit { max: 1, window_s: 3600 },
        upload: Limit { max: 40, window_s: 3600 },
        api: Limit { max: 2, window_s: 3600 },
        ..RateLimits::default()
    };
    let mut out = Vec::new();
    for db in velferd_store::testing::all().await {
        out.push(TestApp::spawn_with(db, Config { demo: true, limits, ..Config::default() }).await);
    }
    out
}

#[tokio::test]
async fn past_the_limit_people_get_a_clear_page_and_keep_their_answers() {
    for app in apps().await {
        let label = app.db.label;
        let mut kari = app.browser("en");
        kari.sign_in("Kari").await;
        let first = fill_in(&mut kari, "0301").await;
        let sent = kari.post(&format!("/soknad/{first}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        let receipt = sent.location.expect("to the receipt");
        assert!(receipt.starts_with("/kvittering/"));
        // Sending it again (a retry after a lost answer) past the limit finds its receipt.
        for _ in 0..3 {
            let again = kari.post(&format!("/soknad/{first}/send"), &[("bekreft", "ja")]).await;
            assert_eq!((again.status, again.location.as_deref()), (StatusCode::SEE_OTHER, Some(receipt.as_str())), "{label}: a retry is not refused");
        }
        let second = fill_in(&mut kari, "0301").await;
        let refused = kari
            .client
            .post(format!("{}/soknad/{second}/send", kari.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept-language", "en")
            .body(format!("_csrf={}&bekreft=ja", kari.csrf))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS, "{label}");
        let retry: i64 = refused.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=3600).contains(&retry));
        let body = refused.text().await.unwrap();
        assert!(body.contains("Too many tries in a short while"), "{body}");
        assert_eq!(app.store.count_applications().await.unwrap(), 1);
        let kept = kari.get(&format!("/soknad/{second}/behov")).await;
        assert!(kept.body.contains("mistet jobben"), "{label}: the draft and its answers are still there");

        // Someone else is not limited by Kari's sending.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let draft = fill_in(&mut ola, "4601").await;
        assert_eq!(ola.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await.status, StatusCode::SEE_OTHER, "{label}");

        // Sign-in attempts are counted by address: the limit is three, the fourth is refused.
        app.browser("nb").sign_in("Amina").await;
        let mut fourth = app.browser("nb");
        let page = fourth.get("/logg-inn").await;
        let fnr = regex_lite::Regex::new(r#"name="fnr" value="(\d{11})""#).unwrap().captures(&page.body).unwrap()[1].to_owned();
        let done = fourth.post("/logg-inn/demo", &[("fnr", &fnr)]).await;
        assert_eq!(done.status, StatusCode::TOO_MANY_REQUESTS, "{label}");
        assert!(done.body.contains("For mange forsøk"), "{}", done.body);
    }
}

#[tokio::test]
async fn a_case_system_past_its_limit_gets_429_and_other_keys_do_not() {
    for app in apps().await {
        let busy = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "busy", 0).await.unwrap();
        let other = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "other", 0).await.unwrap();
        let busy = CaseSystem::connect(&app.base, &busy.secret).await;
        for _ in 0..2 {
            assert_eq!(busy.call("listNewApplications", None, &[], None).await.0, StatusCode::OK);
        }
        let (status, body) = busy.call("listNewApplications", None, &[], None).await;
        assert_eq!((status, body["feil"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("too_many_requests")), "{}", app.db.label);
        let other = CaseSystem::connect(&app.base, &other.secret).await;
        assert_eq!(other.call("listNewApplications", None, &[], None).await.0, StatusCode::OK);
    }
}
