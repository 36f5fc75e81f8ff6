//! Signing in with OpenID Connect against a real provider (the certified `oidc-provider` under node,
//! configured like ID-porten and like a municipality's Entra ID; see tests/oidc/provider.mjs), on
//! SQLite and PostgreSQL: what a person sees when it works, when they cancel, when the login is too
//! weak or says nothing about who they are, and when someone tampers with the answer.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_testkit::oidc::{claims_of, get_abs, query_param, OidcOptions, LOA_HIGH, LOA_LOW, LOA_SUBSTANTIAL};
use velferd_testkit::{Browser, Page, TestApp};
use velferd_web::oidc::{Assurance, Audience, Provider, ProviderSettings};
use velferd_web::Config;

/// One server per database with its own provider; empty when the provider cannot run here.
async fn apps(min: Assurance, options: OidcOptions) -> Vec<TestApp> {
    let mut out = Vec::new();
    for db in velferd_store::testing::all().await {
        match TestApp::with_oidc(db, min, options.clone()).await {
            Some(app) => out.push(app),
            None => return vec![],
        }
    }
    out
}

/// From the sign-in page's button to the provider's authorization URL.
async fn begin(b: &mut Browser, next: &str) -> String {
    let page = b.get(&format!("/logg-inn/start?neste={next}")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    page.location.expect("to the provider")
}

/// Velferd's callback path from the URL the provider sends the browser to.
fn callback_path(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.base).unwrap_or_else(|| panic!("the provider sends the browser back to Velferd: {url}")).to_owned()
}

/// The whole sign-in as `user` at `acr`; returns Velferd's answer to the callback.
async fn sign_in(app: &TestApp, b: &mut Browser, user: &str, acr: &str) -> Page {
    let authorize = begin(b, "/soknad").await;
    let back = app.idp().log_in(b, &authorize, user, acr).await;
    b.get(&callback_path(app, &back)).await
}

async fn is_signed_in(b: &mut Browser) -> bool {
    let page = b.get("/soknad").await;
    match page.status {
        StatusCode::OK => true,
        StatusCode::SEE_OTHER => {
            assert_eq!(page.location.as_deref(), Some("/logg-inn?neste=%2Fsoknad"), "sent to sign in");
            false
        }
        other => panic!("/soknad answered {other}"),
    }
}

#[tokio::test]
async fn a_citizen_signs_in_with_idporten_and_can_apply() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        let start = b.get("/soknad").await;
        assert_eq!(start.location.as_deref(), Some("/logg-inn?neste=%2Fsoknad"));
        let page = b.get("/logg-inn?neste=%2Fsoknad").await;
        assert!(page.body.contains("Logg inn med ID-porten") && page.body.contains(r#"href="/logg-inn/start?neste=%2Fsoknad""#), "{}", page.body);
        assert!(!page.body.contains("Demoinnlogging") && !page.body.contains("/logg-inn/demo"), "no demo sign-in without --demo");

        let authorize = begin(&mut b, "%2Fsoknad").await;
        assert_eq!(query_param(&authorize, "code_challenge_method").as_deref(), Some("S256"), "PKCE");
        assert!(query_param(&authorize, "code_challenge").is_some_and(|c| c.len() >= 43));
        assert!(query_param(&authorize, "state").is_some_and(|s| s.len() >= 16) && query_param(&authorize, "nonce").is_some_and(|n| n.len() >= 16));
        assert_eq!(query_param(&authorize, "acr_values").as_deref(), Some(LOA_SUBSTANTIAL), "asks for the required level");
        assert_eq!(query_param(&authorize, "ui_locales").as_deref(), Some("nb"), "ID-porten in the person's language");
        assert!(!authorize.contains("velferd-hemmelig"), "the client secret never goes to the browser");

        let back = app.idp().log_in(&mut b, &authorize, "kari", LOA_SUBSTANTIAL).await;
        assert!(back.starts_with(&format!("{}/logg-inn/callback?", app.base)), "{back}");
        let done = b.get(&callback_path(&app, &back)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        assert_eq!(done.location.as_deref(), Some("/soknad"), "{label}: back where the person was going");
        let soknad = b.get("/soknad").await;
        assert_eq!(soknad.status, StatusCode::OK, "{label}");
        assert!(soknad.body.contains("Kari Nordmann"), "{label}: the person from the pid claim: {}", soknad.body);

        // High satisfies substantial.
        let mut ola = app.browser("nb");
        let done = sign_in(&app, &mut ola, "ola", LOA_HIGH).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        assert!(ola.get("/soknad").await.body.contains("Ola Hansen"), "{label}");
        assert!(b.get("/soknad").await.body.contains("Kari Nordmann"), "{label}: each their own session");
    }
}

#[tokio::test]
async fn a_doctored_state_is_refused_and_nobody_is_signed_in() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let mut b = app.browser("en");
        let authorize = begin(&mut b, "%2Fsoknad").await;
        let back = app.idp().log_in(&mut b, &authorize, "kari", LOA_SUBSTANTIAL).await;
        let state = query_param(&back, "state").expect("state");
        let forged = callback_path(&app, &back).replace(&format!("state={state}"), "state=someone-elses-state");
        let page = b.get(&forged).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
        assert!(page.body.contains("The login was not completed") && page.body.contains("Start the login again"), "{}", page.body);
        assert!(page.body.contains(r#"href="/logg-inn""#), "a way to try again");
        assert!(!is_signed_in(&mut b).await, "{}", app.db.label);
        // The real answer no longer works either: a sign-in is finished (or refused) once.
        let page = b.get(&callback_path(&app, &back)).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(!is_signed_in(&mut b).await);
    }
}

#[tokio::test]
async fn a_replayed_code_is_refused() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        let authorize = begin(&mut kari, "%2Fsoknad").await;
        let back = app.idp().log_in(&mut kari, &authorize, "kari", LOA_SUBSTANTIAL).await;
        assert_eq!(kari.get(&callback_path(&app, &back)).await.status, StatusCode::SEE_OTHER, "{label}: first use signs in");

        // The same answer again, in the same browser.
        let again = kari.get(&callback_path(&app, &back)).await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "{label}");
        assert!(again.body.contains("Innloggingen ble ikke fullført"), "{}", again.body);

        // Someone who got hold of the used code puts it into a sign-in of their own (with their own,
        // valid state): the provider refuses the code, and so does Velferd.
        let mut mallory = app.browser("nb");
        let own = begin(&mut mallory, "%2Fsoknad").await;
        let state = query_param(&own, "state").expect("state");
        let code = query_param(&back, "code").expect("code");
        let query: String =
            form_urlencoded::Serializer::new(String::new()).extend_pairs([("code", code.as_str()), ("state", state.as_str()), ("iss", app.idp().issuer.as_str())]).finish();
        let page = mallory.get(&format!("/logg-inn/callback?{query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{label}: {}", page.body);
        assert!(page.body.contains("Innloggingen ble ikke fullført"), "{}", page.body);
        assert!(!is_signed_in(&mut mallory).await, "{label}: the replayed code signs no one in");
    }
}

#[tokio::test]
async fn an_expired_id_token_is_refused() {
    // The provider's clock is two hours slow when it signs tokens: the ID token it issues expired an
    // hour ago. Everything else about the token is right.
    for app in apps(Assurance::Substantial, OidcOptions { token_clock_offset_s: -7200, intercept: true, ..OidcOptions::default() }).await {
        let mut b = app.browser("nn");
        let page = sign_in(&app, &mut b, "kari", LOA_SUBSTANTIAL).await;
        let claims = app.idp().last_id_token_claims();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs() as i64;
        let exp = claims["exp"].as_i64().expect("exp");
        assert!(exp < now - 3000, "the provider issued an ID token that expired an hour ago: exp {exp}, now {now}");
        assert_eq!((claims["aud"].as_str(), claims["pid"].as_str()), (Some("velferd"), Some("12819012022")), "and is otherwise right");
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}: {}", app.db.label, page.body);
        assert!(page.body.contains("Innlogginga vart ikkje fullført") && page.body.contains("Start innlogginga på nytt"), "nynorsk: {}", page.body);
        assert!(!is_signed_in(&mut b).await, "{}", app.db.label);
    }
}

#[tokio::test]
async fn an_id_token_meant_for_another_service_is_refused() {
    // An attacker between Velferd and the provider swaps the ID token for a real one, for the same
    // person and with the right nonce, that the provider issued to another service.
    for app in apps(Assurance::Substantial, OidcOptions { intercept: true, ..OidcOptions::default() }).await {
        let idp = app.idp();
        let mut b = app.browser("nb");
        let authorize = begin(&mut b, "%2Fsoknad").await;
        let nonce = query_param(&authorize, "nonce").expect("nonce");
        let back = idp.log_in(&mut b, &authorize, "kari", LOA_SUBSTANTIAL).await;
        let other = idp.id_token_for_other_service(&mut b, &nonce).await;
        let claims = claims_of(&other);
        assert_eq!(claims["aud"], "annen-tjeneste");
        assert_eq!(claims["nonce"], nonce.as_str());
        assert_eq!(claims["pid"], "12819012022", "the same person");
        idp.swap_next_id_token(other);

        let page = b.get(&callback_path(&app, &back)).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}: {}", app.db.label, page.body);
        assert!(page.body.contains("Innloggingen ble ikke fullført"));
        assert!(!is_signed_in(&mut b).await, "{}", app.db.label);
        assert_eq!(idp.last_id_token_claims()["aud"], "velferd", "the provider itself issued Velferd's token to Velferd");
    }
}

#[tokio::test]
async fn a_login_below_the_required_level_gets_a_clear_page() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let mut b = app.browser("nb");
        let page = sign_in(&app, &mut b, "kari", LOA_LOW).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}: {}", app.db.label, page.body);
        assert!(page.body.contains("Innloggingen var ikke sikker nok"), "{}", page.body);
        assert!(page.body.contains("BankID, MinID med kode, Buypass eller Commfides"), "what to do: {}", page.body);
        assert!(page.body.contains("kontakt NAV-kontoret ditt"), "or contact the office");
        assert!(page.body.contains("Logg inn på nytt"));
        assert!(!is_signed_in(&mut b).await);

        let mut nn = app.browser("nn");
        let page = sign_in(&app, &mut nn, "kari", LOA_LOW).await;
        assert!(page.body.contains("Innlogginga var ikkje sikker nok") && page.body.contains("kontakt NAV-kontoret ditt"), "{}", page.body);
        let mut en = app.browser("en");
        let page = sign_in(&app, &mut en, "kari", LOA_LOW).await;
        assert!(page.body.contains("The login was not secure enough") && page.body.contains("contact your NAV office"), "{}", page.body);
    }
    // Where high is required, substantial is not enough.
    for app in apps(Assurance::High, OidcOptions::default()).await {
        let mut b = app.browser("nb");
        let authorize = begin(&mut b, "%2Fsoknad").await;
        assert_eq!(query_param(&authorize, "acr_values").as_deref(), Some(LOA_HIGH));
        let back = app.idp().log_in(&mut b, &authorize, "kari", LOA_SUBSTANTIAL).await;
        let page = b.get(&callback_path(&app, &back)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", app.db.label);
        assert!(page.body.contains("Logg inn på nytt med BankID, Buypass eller Commfides."), "{}", page.body);
        // "Log in again" asks the provider for a new login, not the weak one it still remembers.
        let again = begin(&mut b, "%2Fsoknad").await;
        assert_eq!(query_param(&again, "prompt").as_deref(), Some("login"), "{again}");
        let back = app.idp().log_in(&mut b, &again, "kari", LOA_HIGH).await;
        assert_eq!(b.get(&callback_path(&app, &back)).await.status, StatusCode::SEE_OTHER, "{}", app.db.label);
        assert!(is_signed_in(&mut b).await);
        assert_eq!(query_param(&begin(&mut b, "%2Fsoknad").await, "prompt"), None, "only once");
    }
}

#[tokio::test]
async fn a_login_without_a_valid_personal_number_is_refused() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        for user in ["uten-pid", "ugyldig-pid"] {
            let mut b = app.browser("nb");
            let page = sign_in(&app, &mut b, user, LOA_HIGH).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{}: {user}: {}", app.db.label, page.body);
            assert!(page.body.contains("Vi fikk ikke vite hvem du er") && page.body.contains("fødselsnummer eller d-nummer"), "{}", page.body);
            assert!(!is_signed_in(&mut b).await);
        }
    }
}

#[tokio::test]
async fn cancelling_at_the_provider_says_so() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let mut b = app.browser("nb");
        let authorize = begin(&mut b, "%2Fsoknad").await;
        let back = app.idp().cancel(&mut b, &authorize).await;
        assert_eq!(query_param(&back, "error").as_deref(), Some("access_denied"));
        let page = b.get(&callback_path(&app, &back)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Du avbrøt innloggingen") && page.body.contains("Ingenting er lagret eller sendt"), "{}", page.body);
        assert!(!is_signed_in(&mut b).await);

        // The provider refuses a request (here: one without PKCE) and says so in the callback.
        let authorize = begin(&mut b, "%2Fsoknad").await;
        let challenge = query_param(&authorize, "code_challenge").expect("challenge");
        let without_pkce = authorize.replace(&format!("code_challenge={challenge}"), "").replace("code_challenge_method=S256", "");
        let refused = get_abs(&b, &without_pkce).await;
        let back = refused.location.expect("the provider answers Velferd");
        assert_eq!(query_param(&back, "error").as_deref(), Some("invalid_request"), "{back}");
        let page = b.get(&callback_path(&app, &back)).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
        assert!(page.body.contains("Innloggingen ble ikke fullført"), "{}", page.body);
        assert!(!is_signed_in(&mut b).await, "{}", app.db.label);
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_here_and_at_the_provider() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let idp = app.idp();
        let mut b = app.browser("nb");
        assert_eq!(sign_in(&app, &mut b, "kari", LOA_SUBSTANTIAL).await.status, StatusCode::SEE_OTHER);
        assert!(is_signed_in(&mut b).await, "{label}");
        let out = b.post("/logg-ut", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER, "{label}: {}", out.body);
        let end_session = out.location.expect("to the provider");
        assert!(end_session.starts_with(&format!("{}/session/end?", idp.issuer)), "{end_session}");
        assert!(query_param(&end_session, "id_token_hint").is_some_and(|t| claims_of(&t)["aud"] == "velferd"), "{end_session}");
        assert_eq!(query_param(&end_session, "post_logout_redirect_uri"), Some(format!("{}/", app.base)));
        assert!(!is_signed_in(&mut b).await, "{label}: signed out here at once");

        let back = idp.confirm_logout(&mut b, &end_session).await;
        assert_eq!(back, format!("{}/", app.base), "{label}: the provider sends the person back to Velferd");
        // Signing in again needs the provider's login again (its session ended too).
        let authorize = begin(&mut b, "%2Fsoknad").await;
        let first = get_abs(&b, &authorize).await;
        assert!(first.location.as_deref().is_some_and(|l| l.contains("/interaction/")), "{label}: the provider asks who you are again");
    }
}

#[tokio::test]
async fn signing_out_at_the_provider_ends_the_session_here_back_channel() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        let mut ola = app.browser("nb");
        assert_eq!(sign_in(&app, &mut kari, "kari", LOA_SUBSTANTIAL).await.status, StatusCode::SEE_OTHER);
        assert_eq!(sign_in(&app, &mut ola, "ola", LOA_SUBSTANTIAL).await.status, StatusCode::SEE_OTHER);
        // Kari signs out at the provider (from another service): the provider tells Velferd.
        app.idp().log_out_everywhere(&mut kari).await;
        assert!(!is_signed_in(&mut kari).await, "{label}: Kari's session here ended");
        assert!(is_signed_in(&mut ola).await, "{label}: Ola's did not");
    }
}

#[tokio::test]
async fn back_channel_logout_accepts_only_real_logout_tokens() {
    for app in apps(Assurance::Substantial, OidcOptions { intercept: true, ..OidcOptions::default() }).await {
        let mut b = app.browser("nb");
        assert_eq!(sign_in(&app, &mut b, "kari", LOA_SUBSTANTIAL).await.status, StatusCode::SEE_OTHER);
        let client = reqwest::Client::new();
        let id_token = app.idp().last_id_token();
        for token in ["not-a-jwt", id_token.as_str()] {
            let r = client.post(format!("{}/logg-ut/backchannel", app.base)).form(&[("logout_token", token)]).send().await.expect("request");
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{}", app.db.label);
        }
        assert!(is_signed_in(&mut b).await, "{}: an ID token is not a logout token", app.db.label);
    }
}

#[tokio::test]
async fn front_channel_logout_ends_the_sign_in_it_names() {
    for app in apps(Assurance::Substantial, OidcOptions { intercept: true, ..OidcOptions::default() }).await {
        let label = app.db.label;
        let mut b = app.browser("nb");
        assert_eq!(sign_in(&app, &mut b, "kari", LOA_SUBSTANTIAL).await.status, StatusCode::SEE_OTHER);
        let sid = app.idp().last_id_token_claims()["sid"].as_str().expect("the provider's sid").to_owned();
        let client = reqwest::Client::new();
        let call = |iss: String| client.get(format!("{}/logg-ut/frontchannel", app.base)).query(&[("iss", iss.as_str()), ("sid", sid.as_str())]).send();
        let r = call("https://another-provider.example".into()).await.expect("request");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert!(is_signed_in(&mut b).await, "{label}: another issuer cannot end it");
        let r = call(app.idp().issuer.clone()).await.expect("request");
        assert_eq!(r.status(), StatusCode::OK);
        let csp = r.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(csp.contains(&format!("frame-ancestors {}", app.idp().issuer)), "only the provider may frame it: {csp}");
        assert!(!is_signed_in(&mut b).await, "{label}");
    }
}

async fn staff_sign_in(app: &TestApp, b: &mut Browser, user: &str) -> Page {
    let landing = b.get("/ansatt").await;
    assert_eq!(landing.location.as_deref(), Some("/ansatt/logg-inn"), "staff pages need a staff sign-in");
    let start = b.get("/ansatt/logg-inn").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
    let authorize = start.location.expect("to the provider");
    assert_eq!(query_param(&authorize, "client_id").as_deref(), Some("velferd-ansatt"));
    let back = app.idp().log_in(b, &authorize, user, LOA_SUBSTANTIAL).await;
    assert!(back.starts_with(&format!("{}/ansatt/logg-inn/callback?", app.base)), "{back}");
    b.get(&callback_path(app, &back)).await
}

#[tokio::test]
async fn staff_sign_in_with_roles_and_office_from_claims() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let mut sara = app.browser("nb");
        let done = staff_sign_in(&app, &mut sara, "saksbehandler").await;
        assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/ansatt")), "{label}: {}", done.body);
        let page = sara.get("/ansatt").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Du er logget inn som Sara Saksbehandler."), "{}", page.body);
        assert!(page.body.contains("NAV Frogner (0312)") && page.body.contains("<dd>Saksbehandler</dd>"), "{}", page.body);
        assert!(!is_signed_in(&mut sara).await, "{label}: a staff sign-in is not a citizen sign-in");

        let mut lars = app.browser("en");
        assert_eq!(staff_sign_in(&app, &mut lars, "leder").await.status, StatusCode::SEE_OTHER);
        let page = lars.get("/ansatt").await;
        assert!(page.body.contains("NAV Bergenhus (1201)") && page.body.contains("<dd>Caseworker, Manager</dd>"), "{}", page.body);

        // Signing out goes to the provider and back to a page that says so.
        let out = sara.post("/ansatt/logg-ut", &[]).await;
        let end_session = out.location.expect("to the provider");
        assert_eq!(query_param(&end_session, "post_logout_redirect_uri"), Some(format!("{}/ansatt/logget-ut", app.base)));
        assert_eq!(sara.get("/ansatt").await.location.as_deref(), Some("/ansatt/logg-inn"), "{label}: signed out");
        let back = app.idp().confirm_logout(&mut sara, &end_session).await;
        let page = sara.get(&callback_path(&app, &back)).await;
        assert!(page.body.contains("Du er logget ut") && page.body.contains(r#"href="/ansatt/logg-inn""#), "{}", page.body);

        // A citizen sign-in does not open the staff pages.
        let mut kari = app.browser("nb");
        sign_in(&app, &mut kari, "kari", LOA_SUBSTANTIAL).await;
        assert_eq!(kari.get("/ansatt").await.location.as_deref(), Some("/ansatt/logg-inn"));
    }
}

#[tokio::test]
async fn the_protected_person_role_comes_from_the_roles_claim() {
    use velferd_domain::application::Answers;
    use velferd_domain::ids::Kommunenummer;
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        // Eva Fjell (demo register, kode 6) has sent an application to NAV Frogner.
        let eva = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Eva").expect("Eva").fnr;
        let oslo = Kommunenummer::parse("0301").unwrap();
        let draft = app.store.create_draft(&eva, &oslo, &Answers::default(), 1_000).await.unwrap();
        let new = velferd_store::NewApplication {
            summary: Vec::new(),
            kommunenummer: oslo,
            enhetsnummer: "0312".into(),
            emergency: false,
            soknad_json: serde_json::json!({}),
            vedlegg_json: serde_json::json!({"vedlegg": []}),
            answers: Answers::default(),
            events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-01T08:00:00.000Z", "status": "MOTTATT"})],
            documents: vec![],
        };
        let id = app.store.submit(&draft.id, &eva, &new, 1_000).await.unwrap().unwrap().id;

        let mut sara = app.browser("nb");
        staff_sign_in(&app, &mut sara, "saksbehandler").await;
        assert_eq!(sara.get(&format!("/ansatt/saker/{id}")).await.status, StatusCode::NOT_FOUND, "{label}");
        let mut frida = app.browser("en");
        staff_sign_in(&app, &mut frida, "fortrolig").await;
        assert!(frida.get("/ansatt").await.body.contains("Caseworker, Access to people with a confidential address"), "{label}");
        let page = frida.get(&format!("/ansatt/saker/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{label}: {}", page.body);
        assert!(page.body.contains("Strictly confidential address (code 6)") && !page.body.contains("Sørkedalsveien"), "{label}: {}", page.body);
    }
}

#[tokio::test]
async fn staff_without_a_known_role_or_office_are_refused() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let mut ulf = app.browser("nb");
        let page = staff_sign_in(&app, &mut ulf, "uten-rolle").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.body);
        assert!(page.body.contains("Du har ikke tilgang til Velferd") && page.body.contains("ingen rolle i Velferd"), "{}", page.body);
        assert_eq!(ulf.get("/ansatt").await.location.as_deref(), Some("/ansatt/logg-inn"), "{}: not signed in", app.db.label);

        let mut kim = app.browser("nn");
        let page = staff_sign_in(&app, &mut kim, "uten-kontor").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(page.body.contains("Du har ikkje tilgang til Velferd") && page.body.contains("ikkje knytt til eit NAV-kontor"), "{}", page.body);
    }
}

#[tokio::test]
async fn the_sign_in_page_offers_what_is_configured() {
    // Neither ID-porten nor --demo.
    let app = TestApp::spawn_with(velferd_store::testing::sqlite(), Config::default()).await;
    let mut b = app.browser("nb");
    let page = b.get("/logg-inn").await;
    assert!(page.body.contains("Innlogging er ikke satt opp på denne serveren"), "{}", page.body);
    assert!(!page.body.contains("ID-porten") && !page.body.contains("/logg-inn/demo"));
    assert_eq!(b.get("/logg-inn/start").await.status, StatusCode::NOT_FOUND);
    let staff = b.get("/ansatt/logg-inn").await;
    assert!(staff.body.contains("Innlogging for ansatte er ikke satt opp"), "{}", staff.body);

    // Both: ID-porten, and the demo clearly marked as a demo.
    for app in apps(Assurance::Substantial, OidcOptions { demo: true, ..OidcOptions::default() }).await {
        let mut b = app.browser("nb");
        let page = b.get("/logg-inn").await;
        assert!(page.body.contains("Logg inn med ID-porten") && page.body.contains("Demoinnlogging"), "{}", page.body);
        assert!(page.body.contains("Bare for utprøving") && page.body.contains("Demoversjon"), "{}", page.body);
        assert!(page.body.find("Logg inn med ID-porten") < page.body.find("Demoinnlogging"), "the real sign-in first");
    }
}

#[tokio::test]
async fn an_unreachable_provider_gets_a_page_not_a_crash() {
    let provider = |audience| {
        Provider::new(ProviderSettings {
            audience,
            issuer: "http://127.0.0.1:9".into(),
            client_id: "velferd".into(),
            client_secret: "s".into(),
            public_url: "http://127.0.0.1:8080".into(),
            min_assurance: Some(Assurance::Substantial),
        })
        .expect("settings")
    };
    let config = Config { citizen_sign_in: Some(provider(Audience::Citizens)), staff_sign_in: Some(provider(Audience::Staff)), ..Config::default() };
    let app = TestApp::spawn_with(velferd_store::testing::sqlite(), config).await;
    let mut b = app.browser("en");
    let page = b.get("/logg-inn/start?neste=%2Fsoknad").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.body.contains("The login service is not answering right now") && page.body.contains("contact your NAV office"), "{}", page.body);
    let page = b.get("/ansatt/logg-inn").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!page.body.contains("NAV office"), "staff are not sent to the NAV office: {}", page.body);
}

#[tokio::test]
async fn someone_not_in_the_register_gets_a_clear_page_and_keeps_the_answers() {
    for app in apps(Assurance::Substantial, OidcOptions::default()).await {
        let label = app.db.label;
        let mut una = app.browser("nb");
        let done = sign_in(&app, &mut una, "ukjent", LOA_SUBSTANTIAL).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        let draft = velferd_testkit::fill_in(&mut una, "0301").await;
        let refused = una.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{label}: a clear page, not a 500");
        assert!(refused.body.contains("Vi finner deg ikke i folkeregisteret") && refused.body.contains("Svarene dine er lagret"), "{}", refused.body);
        assert_eq!(app.store.count_applications().await.unwrap(), 0);
        assert!(una.get(&format!("/soknad/{draft}/behov")).await.body.contains("mistet jobben"), "{label}: the answers are still there");
    }
}
