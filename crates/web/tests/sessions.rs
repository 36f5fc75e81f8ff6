//! Sessions: the absolute lifetime holds however busy a session is, and one session is never a
//! citizen and a staff member at once. Both databases.

#![allow(clippy::unwrap_used)]

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

/// The personal number of the demo person whose name contains `name`, from the sign-in page.
async fn demo_fnr(b: &mut velferd_testkit::Browser, name: &str) -> String {
    let page = b.get("/logg-inn").await;
    let re = regex_lite::Regex::new(r#"(?s)name="fnr" value="(\d{11})">\s*<button[^>]*>([^<]*)<"#).unwrap();
    let found = re.captures_iter(&page.body).find(|c| c[2].contains(name)).map(|c| c[1].to_owned());
    found.expect("demo person")
}

#[tokio::test]
async fn activity_renews_the_idle_timeout_and_a_quiet_session_ends() {
    for db in velferd_store::testing::all().await {
        let config = velferd_web::Config { demo: true, session_idle: Duration::from_millis(1500), ..velferd_web::Config::default() };
        let app = TestApp::spawn_with(db, config).await;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        // A request every 400 ms for twice the idle timeout: still signed in.
        for _ in 0..8 {
            assert_eq!(kari.get("/mine-soknader").await.status, StatusCode::OK, "{}: activity keeps the session", app.db.label);
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
        // Quiet for longer than the idle timeout: signed out.
        tokio::time::sleep(Duration::from_millis(1800)).await;
        let ended = kari.get("/mine-soknader").await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}", app.db.label);
        assert!(ended.location.as_deref().is_some_and(|l| l.starts_with("/logg-inn")), "{:?}", ended.location);
    }
}

#[tokio::test]
async fn a_busy_session_is_written_at_most_once_per_renewal_interval() {
    for db in velferd_store::testing::all().await {
        // 20 s idle: renewed at most every 2 s.
        let idle = Duration::from_secs(20);
        assert_eq!(velferd_web::session::renew_interval(idle), Duration::from_secs(2));
        assert_eq!(velferd_web::session::renew_interval(Duration::from_secs(7200)), Duration::from_secs(60), "once a minute in production");
        let app = TestApp::spawn_with(db, velferd_web::Config { demo: true, session_idle: idle, ..velferd_web::Config::default() }).await;
        let label = app.db.label;
        let mut kari = app.browser("nb");
        let fnr = demo_fnr(&mut kari, "Kari").await;
        let (_, id) = post_for_session(&mut kari, "/logg-inn/demo", &[("fnr", &fnr)]).await;
        let id = id.expect("session id");
        kari.get("/mine-soknader").await;
        let first = app.store.session_expiry(&id).await.unwrap().expect("a live session");
        for _ in 0..10 {
            assert_eq!(kari.get("/mine-soknader").await.status, StatusCode::OK);
        }
        assert_eq!(app.store.session_expiry(&id).await.unwrap(), Some(first), "{label}: ten requests within the interval wrote nothing");
        tokio::time::sleep(Duration::from_millis(2300)).await;
        kari.get("/mine-soknader").await;
        let renewed = app.store.session_expiry(&id).await.unwrap().expect("live");
        assert!(renewed >= first + 2000, "{label}: renewed after the interval ({first} → {renewed})");
        kari.get("/mine-soknader").await;
        assert_eq!(app.store.session_expiry(&id).await.unwrap(), Some(renewed), "{label}: and not again at once");
    }
}

#[tokio::test]
async fn a_step_saved_after_the_session_ended_is_saved_after_signing_in_again() {
    // Once ended by the idle timeout, once by the absolute lifetime.
    let timeouts = [(Duration::from_millis(1000), Duration::from_secs(3600)), (Duration::from_secs(3600), Duration::from_millis(1500))];
    for (idle, lifetime) in timeouts {
        for db in velferd_store::testing::all().await {
            let config = velferd_web::Config { demo: true, session_idle: idle, session_lifetime: lifetime, ..velferd_web::Config::default() };
            let app = TestApp::spawn_with(db, config).await;
            let label = app.db.label;
            let mut kari = app.browser("nb");
            let fnr = demo_fnr(&mut kari, "Kari").await;
            let fnr_parsed = velferd_domain::ids::Fodselsnummer::parse(&fnr).unwrap();
            kari.sign_in("Kari").await;
            let draft = kari.start("0301").await;
            let step = format!("/soknad/{draft}/behov");
            kari.get(&step).await;
            tokio::time::sleep(Duration::from_millis(1800)).await;

            let why = "Strømmen ble stengt i går, og jeg har to barn.";
            let posted = kari.post(&step, &[("kategorier", "livsopphold"), ("hvorfor", why)]).await;
            assert_eq!(posted.status, StatusCode::SEE_OTHER, "{label}");
            let to_sign_in = posted.location.expect("to sign in");
            assert_eq!(to_sign_in, format!("/logg-inn?neste=%2Fsoknad%2F{draft}%2Fbehov"), "{label}: sign-in leads back to the step");
            let page = kari.get(&to_sign_in).await;
            assert_eq!(page.input_value("neste").as_deref(), Some(step.as_str()));
            let signed_in = kari.post("/logg-inn/demo", &[("fnr", &fnr), ("neste", &step)]).await;
            assert_eq!(signed_in.location.as_deref(), Some(step.as_str()), "{label}");
            let page = kari.get(&step).await;
            assert_eq!(page.status, StatusCode::OK, "{label}");
            assert!(page.body.contains("Svarene du hadde skrevet, er lagret nå."), "{label}: {}", page.body);
            assert_eq!(page.textarea("hvorfor").as_deref(), Some(why), "{label}");
            let stored = app.store.draft(&draft, &fnr_parsed, velferd_web::now_ms()).await.unwrap().expect("draft");
            assert_eq!(stored.answers.get("hvorfor"), why, "{label}: saved, not only shown");
            assert!(stored.answers.has("kategorier", "livsopphold"));
            // Once saved they are not applied again.
            assert!(!kari.get(&step).await.body.contains("er lagret nå"), "{label}");

            // A form posted from another site carries no session cookie (SameSite=Lax): nothing
            // is kept, and signing in later in that browser changes nothing.
            let mut forged = app.browser("nb");
            let body = format!("_csrf=x&kategorier=annet&hvorfor={}", "Overtatt");
            let answer = forged.post_raw(&step, body.into_bytes()).await;
            assert_eq!(answer.status, StatusCode::SEE_OTHER);
            forged.get("/logg-inn").await;
            forged.post("/logg-inn/demo", &[("fnr", &fnr), ("neste", &step)]).await;
            assert_eq!(forged.get(&step).await.textarea("hvorfor").as_deref(), Some(why), "{label}: nothing planted");

            // Answers kept in a browser where someone else signs in next are not theirs to save.
            tokio::time::sleep(Duration::from_millis(1800)).await;
            kari.get(&step).await;
            let posted = kari.post(&step, &[("kategorier", "livsopphold"), ("hvorfor", "Skrevet før Ola logget inn")]).await;
            assert!(posted.location.is_some_and(|l| l.starts_with("/logg-inn")), "{label}");
            kari.sign_in("Ola").await;
            assert_eq!(kari.get("/soknad").await.status, StatusCode::OK);
            let stored = app.store.draft(&draft, &fnr_parsed, velferd_web::now_ms()).await.unwrap().expect("draft");
            assert_eq!(stored.answers.get("hvorfor"), why, "{label}: Kari's draft untouched");
        }
    }
}
