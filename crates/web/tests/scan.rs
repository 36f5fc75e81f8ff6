//! A scan of every page a citizen or caseworker can reach, signed out and signed in, on both databases: every
//! response carries the security headers, no page has inline script or style, every session cookie
//! is HttpOnly and SameSite, every form that posts carries an anti-forgery token, and posting any
//! of those forms with a wrong token is refused with 403 and changes nothing.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, VecDeque};

use reqwest::StatusCode;
use velferd_testkit::{fill_in, Browser, TestApp, STEPS};

struct Found {
    pages: usize,
    /// (page, form action, multipart) of every form that posts.
    forms: BTreeSet<(String, String, bool)>,
}

fn links(body: &str) -> Vec<String> {
    let re = regex_lite::Regex::new(r##"href="(/[^"#]*)"##).unwrap();
    re.captures_iter(body).map(|c| velferd_testkit::html_unescape(&c[1])).collect()
}

fn check_headers(path: &str, r: &reqwest::Response) {
    let h = r.headers();
    let get = |name: &str| h.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let csp = get("content-security-policy");
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("form-action 'self'"), "{path}: CSP {csp:?}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{path}: CSP {csp:?}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
    assert_eq!(get("referrer-policy"), "no-referrer", "{path}");
    for cookie in h.get_all("set-cookie") {
        let c = cookie.to_str().unwrap_or_default();
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax"), "{path}: cookie {c}");
    }
}

/// Visits every same-site link reachable from `start`, checking each response.
async fn crawl(b: &mut Browser, start: &[String]) -> Found {
    let mut queue: VecDeque<String> = start.iter().cloned().collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut found = Found { pages: 0, forms: BTreeSet::new() };
    let form_re = regex_lite::Regex::new(r#"(?s)<form([^>]*)>(.*?)</form>"#).unwrap();
    while let Some(path) = queue.pop_front() {
        let r = b.client.get(format!("{}{path}", b.base)).header("accept-language", b.lang.as_str()).send().await.unwrap();
        check_headers(&path, &r);
        let status = r.status();
        let html = r.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|c| c.starts_with("text/html"));
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = r.text().await.unwrap_or_default();
        assert!(!status.is_server_error(), "{path}: {status}");
        found.pages += 1;
        let mut next: Vec<String> = location.into_iter().filter(|l| l.starts_with('/')).collect();
        if html {
            assert!(!body.contains("<script>") && !body.contains(" style=\"") && !body.contains("<style"), "{path}: inline script or style");
            for form in form_re.captures_iter(&body) {
                let (attrs, inner) = (&form[1], &form[2]);
                if !attrs.contains(r#"method="post""#) {
                    continue;
                }
                assert!(inner.contains(r#"name="_csrf""#), "{path}: a form without an anti-forgery token: {attrs}");
                let action = regex_lite::Regex::new(r#"action="([^"]*)""#).unwrap().captures(attrs).map_or(path.clone(), |c| velferd_testkit::html_unescape(&c[1]));
                found.forms.insert((path.clone(), action, attrs.contains("multipart/form-data")));
            }
            next.extend(links(&body));
        }
        for link in next {
            // Signing out ends the scan's session; static files are checked once each like pages.
            if link.starts_with("/logg-ut") || seen.len() > 300 {
                continue;
            }
            if seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    found
}

/// Posts every form with a forged token: each must answer 403.
async fn forge_all(b: &Browser, label: &str, forms: &BTreeSet<(String, String, bool)>) {
    for (page, action, multipart) in forms {
        let request = b.client.post(format!("{}{action}", b.base));
        let request = if *multipart {
            let form = reqwest::multipart::Form::new().text("_csrf", "forged").part("fil-0", reqwest::multipart::Part::bytes(b"%PDF-1.7".to_vec()).file_name("x.pdf"));
            request.multipart(form)
        } else {
            request.header("content-type", "application/x-www-form-urlencoded").body("_csrf=forged&fnr=01019012345&kommune=0301&bekreft=ja&handling=fjern&valg=tidligere")
        };
        let r = request.send().await.unwrap();
        check_headers(action, &r);
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{label}: {action} (form on {page})");
    }
}

#[tokio::test]
async fn every_page_has_the_security_headers_and_every_form_its_token() {
    for app in TestApp::all().await {
        velferd_web::seed_demo_cases(&app.store, app.files.as_ref(), &velferd_web::default_kommuner(), velferd_web::now_ms()).await.unwrap();

        // Signed out.
        let mut anonymous = app.browser("nb");
        let outside = crawl(&mut anonymous, &["/".into(), "/logg-inn".into(), "/soknad".into(), "/mine-soknader".into(), "/health".into(), "/api/openapi.json".into()]).await;
        assert!(outside.pages >= 6 && !outside.forms.is_empty(), "{}: {} pages", app.db.label, outside.pages);

        // Signed in, with an application sent, a draft on every step, and the demo cases.
        let mut ola = app.browser("nn");
        ola.sign_in("Ola").await;
        let draft = fill_in(&mut ola, "0301").await;
        let mut start: Vec<String> = vec!["/".into(), "/soknad".into(), "/mine-soknader".into()];
        start.extend(STEPS.iter().map(|(step, _)| format!("/soknad/{draft}/{step}")));
        start.push(format!("/soknad/{draft}/oppsummering"));
        let mut inside = crawl(&mut ola, &start).await;
        // Every form, posted with a forged token while the draft exists: 403, and nothing changed.
        let applications = app.store.count_applications().await.unwrap();
        forge_all(&ola, app.db.label, &outside.forms).await;
        forge_all(&ola, app.db.label, &inside.forms).await;
        assert_eq!(app.store.count_applications().await.unwrap(), applications);
        let sent = ola.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let after = crawl(&mut ola, &[sent.location.expect("receipt"), "/mine-soknader".into()]).await;
        forge_all(&ola, app.db.label, &after.forms).await;
        inside.pages += after.pages;
        inside.forms.extend(after.forms);
        assert!(inside.pages > 20, "{}: only {} pages", app.db.label, inside.pages);
        let actions: BTreeSet<&str> = inside.forms.iter().map(|(_, a, _)| a.as_str()).collect();
        assert!(actions.iter().any(|a| a.ends_with("/dokumenter")) && actions.iter().any(|a| a.ends_with("/send")), "{actions:?}");

        // Staff: the caseworker pages over the office's applications (Ola's and the demo cases).
        let mut sara = app.browser("en");
        sara.get("/ansatt/demo").await;
        assert_eq!(sara.post("/ansatt/demo", &[("ansatt", "sara")]).await.status, StatusCode::SEE_OTHER, "{}", app.db.label);
        let staff = crawl(&mut sara, &["/ansatt".into(), "/ansatt/saker".into()]).await;
        assert!(staff.pages >= 5, "{}: only {} staff pages", app.db.label, staff.pages);
        forge_all(&sara, app.db.label, &staff.forms).await;
        assert_eq!(sara.get("/ansatt/saker").await.status, StatusCode::OK, "{}: still signed in", app.db.label);

        // Still signed in as Ola: a forged sign-in did not switch the person.
        assert_eq!(ola.get("/mine-soknader").await.status, StatusCode::OK, "{}", app.db.label);
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Ola").unwrap().fnr;
        for sent in app.store.applications_of(&fnr).await.unwrap() {
            assert!(app.store.submissions(&sent.id, &fnr).await.unwrap().is_empty(), "no forged upload was stored");
        }
    }
}
