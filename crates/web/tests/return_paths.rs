//! After signing in a person goes back to where they were — on this site only. A return path that
//! a browser would read as another site (`/<TAB>/host`, `//host`, `/\host`, percent-encoded or
//! not) or that cannot go into a header (CR/LF) leads to the start page, never to a 500, at every
//! place that takes one: the citizen's and the staff's demo sign-in, and OpenID Connect's start and
//! callback for both. Both databases.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_testkit::oidc::{OidcOptions, LOA_SUBSTANTIAL};
use velferd_testkit::{Browser, TestApp};
use velferd_web::oidc::Assurance;

/// Return paths as they would appear in a link (percent-encoded), each with what a browser would
/// do with it, and none of them may lead off the site.
const HOSTILE: &[&str] = &[
    "/%09/evil.example/path",
    "%2F%09%2Fevil.example%2Fpath",
    "/%0D%0ASet-Cookie:%20x=1",
    "/%0A/evil.example",
    "//evil.example/",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/%252F/evil.example",
    "https://evil.example/",
    "/%E2%80%A8/evil.example",
];

fn hidden_next(body: &str) -> String {
    let re = regex_lite::Regex::new(r#"name="neste" value="([^"]*)""#).unwrap();
    velferd_testkit::html_unescape(&re.captures(body).expect("a neste field")[1])
}

/// The demo sign-in, as the page's form would post it, with `neste` as given.
async fn demo_sign_in(b: &mut Browser, neste: &str) -> Option<String> {
    let page = b.get("/logg-inn").await;
    let fnr = regex_lite::Regex::new(r#"name="fnr" value="(\d{11})""#).unwrap().captures(&page.body).unwrap()[1].to_owned();
    let done = b.post("/logg-inn/demo", &[("fnr", &fnr), ("neste", neste)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    done.location
}

fn decoded(raw: &str) -> String {
    form_urlencoded::parse(format!("v={}", raw.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

#[tokio::test]
async fn the_demo_sign_ins_return_only_to_this_site() {
    for app in TestApp::all().await {
        let label = app.db.label;
        for raw in HOSTILE {
            let mut b = app.browser("nb");
            let page = b.get(&format!("/logg-inn?neste={raw}")).await;
            assert_eq!(page.status, StatusCode::OK, "{label}: {raw}");
            assert_eq!(hidden_next(&page.body), "/soknad", "{label}: the page carries the start page for {raw}");
            // The form posted with the hostile value itself (as a forged form would).
            assert_eq!(demo_sign_in(&mut b, &decoded(raw)).await.as_deref(), Some("/soknad"), "{label}: {raw}");

            let mut s = app.browser("nb");
            let page = s.get(&format!("/ansatt/demo?neste={raw}")).await;
            assert_eq!(page.status, StatusCode::OK, "{label}: {raw}");
            assert_eq!(hidden_next(&page.body), "/ansatt", "{label}: {raw}");
            let done = s.post("/ansatt/demo", &[("ansatt", "sara"), ("neste", &decoded(raw))]).await;
            assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/ansatt")), "{label}: {raw}");
        }

        // A path on the site is where the person goes.
        let mut kari = app.browser("nb");
        let asked = kari.get("/mine-soknader").await;
        assert_eq!(asked.location.as_deref(), Some("/logg-inn?neste=%2Fmine-soknader"));
        assert_eq!(demo_sign_in(&mut kari, "/mine-soknader").await.as_deref(), Some("/mine-soknader"), "{label}");

        // Staff asked to sign in on a case page come back to it; a citizen page is not a staff one.
        let mut sara = app.browser("nb");
        let asked = sara.get("/ansatt/saker?filter=ny").await;
        assert_eq!(asked.location.as_deref(), Some("/ansatt/logg-inn?neste=%2Fansatt%2Fsaker%3Ffilter%3Dny"), "{label}");
        let page = sara.get("/ansatt/demo?neste=%2Fansatt%2Fsaker%3Ffilter%3Dny").await;
        assert_eq!(hidden_next(&page.body), "/ansatt/saker?filter=ny");
        let done = sara.post("/ansatt/demo", &[("ansatt", "sara"), ("neste", "/ansatt/saker?filter=ny")]).await;
        assert_eq!(done.location.as_deref(), Some("/ansatt/saker?filter=ny"), "{label}");
        let mut nina = app.browser("nb");
        nina.get("/ansatt/demo").await;
        let done = nina.post("/ansatt/demo", &[("ansatt", "nina"), ("neste", "/mine-soknader")]).await;
        assert_eq!(done.location.as_deref(), Some("/ansatt"), "{label}");
    }
}

#[tokio::test]
async fn openid_connect_start_and_callback_return_only_to_this_site() {
    for db in velferd_store::testing::all().await {
        let Some(app) = TestApp::with_oidc(db, Assurance::Substantial, OidcOptions::default()).await else {
            return;
        };
        let label = app.db.label;
        let back_to = |url: &str| url.strip_prefix(&app.base).expect("back to Velferd").to_owned();
        for (raw, expected) in HOSTILE.iter().map(|r| (*r, "/soknad")).chain([("/mine-soknader", "/mine-soknader")]) {
            let mut b = app.browser("nb");
            let start = b.get(&format!("/logg-inn/start?neste={raw}")).await;
            assert_eq!(start.status, StatusCode::SEE_OTHER, "{label}: {raw}: {}", start.body);
            let back = app.idp().log_in(&mut b, &start.location.unwrap(), "kari", LOA_SUBSTANTIAL).await;
            let done = b.get(&back_to(&back)).await;
            assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some(expected)), "{label}: {raw}");
        }
        for (raw, expected) in HOSTILE.iter().map(|r| (*r, "/ansatt")).chain([("/ansatt/saker", "/ansatt/saker"), ("/mine-soknader", "/ansatt")]) {
            let mut b = app.browser("nb");
            let start = b.get(&format!("/ansatt/logg-inn?neste={raw}")).await;
            assert_eq!(start.status, StatusCode::SEE_OTHER, "{label}: {raw}: {}", start.body);
            let back = app.idp().log_in(&mut b, &start.location.unwrap(), "saksbehandler", LOA_SUBSTANTIAL).await;
            let done = b.get(&back_to(&back)).await;
            assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some(expected)), "{label}: {raw}");
        }
    }
}

/// "Logg inn" with nowhere to go leads to "My applications", where a person who has applied finds
/// their case and its tasks (it led to a new application's first question).
#[tokio::test]
async fn signing_in_with_nowhere_to_go_leads_to_my_applications() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        let page = b.get("/logg-inn").await;
        assert_eq!(hidden_next(&page.body), "/mine-soknader", "{label}");
        let next = hidden_next(&page.body);
        assert_eq!(demo_sign_in(&mut b, &next).await.as_deref(), Some("/mine-soknader"), "{label}");
        let page = b.get("/logg-inn?neste=/soknad").await;
        assert_eq!(hidden_next(&page.body), "/soknad", "{label}: a given return path is kept");
    }
}
