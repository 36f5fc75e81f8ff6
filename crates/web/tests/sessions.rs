//! A sign-in ends after the absolute lifetime however busy the session is, on both databases.

use std::time::Duration;

use reqwest::StatusCode;
use velferd_testkit::TestApp;

#[tokio::test]
async fn a_sign_in_ends_after_its_absolute_lifetime_even_when_active() {
    for db in velferd_store::testing::all().await {
        let config = velferd_web::Config { demo: true, session_lifetime: Duration::from_millis(1500), ..velferd_web::Config::default() };
        let app = TestApp::spawn_with(db, config).await;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        // Active all the time: a request every 300 ms.
        for _ in 0..3 {
            assert_eq!(kari.get("/mine-soknader").await.status, StatusCode::OK, "{}", app.db.label);
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        tokio::time::sleep(Duration::from_millis(900)).await;
        let ended = kari.get("/mine-soknader").await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", app.db.label);
        assert!(ended.location.as_deref().is_some_and(|l| l.starts_with("/logg-inn")), "{:?}", ended.location);
        // Signing in again starts a new lifetime.
        kari.sign_in("Kari").await;
        assert_eq!(kari.get("/mine-soknader").await.status, StatusCode::OK);
    }
}
