//! Sessions: the absolute lifetime holds however busy a session is, and one session is never a
//! citizen and a staff member at once. Both databases.

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

/// Posts a form like `Browser::post` and returns the new session id the answer sets, if any.
async fn post_for_session(b: &mut velferd_testkit::Browser, path: &str, fields: &[(&str, &str)]) -> (StatusCode, Option<String>) {
    let mut all = vec![("_csrf", b.csrf.as_str())];
    all.extend_from_slice(fields);
    let body: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(all).finish();
    let r = b.client.post(format!("{}{path}", b.base)).header("content-type", "application/x-www-form-urlencoded").body(body).send().await.unwrap();
    let id = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("velferd_session=").map(|rest| rest.split(';').next().unwrap_or_default().to_owned()))
        .filter(|id| !id.is_empty());
    (r.status(), id)
}

async fn citizen_signed_in(b: &mut velferd_testkit::Browser) -> bool {
    b.get("/mine-soknader").await.status == StatusCode::OK
}

async fn staff_signed_in(b: &mut velferd_testkit::Browser) -> bool {
    b.get("/ansatt").await.status == StatusCode::OK
}

#[tokio::test]
async fn signing_in_as_staff_ends_a_citizen_sign_in_and_the_other_way_round() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        let page = b.get("/logg-inn").await;
        let fnr = regex_lite::Regex::new(r#"name="fnr" value="(\d{11})""#).unwrap().captures(&page.body).unwrap()[1].to_owned();
        let (status, citizen_id) = post_for_session(&mut b, "/logg-inn/demo", &[("fnr", &fnr)]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let citizen_id = citizen_id.expect("a session id at sign-in");
        assert!(citizen_signed_in(&mut b).await && !staff_signed_in(&mut b).await, "{label}");

        b.get("/ansatt/demo").await;
        let (status, staff_id) = post_for_session(&mut b, "/ansatt/demo", &[("ansatt", "sara")]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let staff_id = staff_id.expect("a fresh session id for the staff sign-in");
        assert_ne!(staff_id, citizen_id, "{label}");
        assert!(staff_signed_in(&mut b).await, "{label}");
        assert!(!citizen_signed_in(&mut b).await, "{label}: the citizen's sign-in ended with the staff's");
        assert_eq!(app.store.session_load(&citizen_id, velferd_web::now_ms()).await.unwrap(), None, "{label}: the old session is gone");

        b.get("/logg-inn").await;
        let (_, again) = post_for_session(&mut b, "/logg-inn/demo", &[("fnr", &fnr)]).await;
        let again = again.expect("a fresh session id for the citizen sign-in");
        assert!(again != staff_id && again != citizen_id, "{label}");
        assert!(citizen_signed_in(&mut b).await, "{label}");
        assert!(!staff_signed_in(&mut b).await, "{label}: the staff sign-in ended with the citizen's");
        assert_eq!(app.store.session_load(&staff_id, velferd_web::now_ms()).await.unwrap(), None, "{label}");
    }
}
