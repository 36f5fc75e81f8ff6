//! A real OpenID Connect provider for tests: `tests/oidc/provider.mjs` (the certified `oidc-provider`
//! package under node) on a free port, killed on drop, and the steps a person takes there (log in as
//! a test user at a level of assurance, cancel, confirm signing out).
//!
//! Without node the tests that need it are skipped with a message, unless `VELFERD_REQUIRE_OIDC=1`
//! (set by `scripts/test` and CI), which makes a missing provider fail the run.
//!
//! Optionally the provider is reached through a [`Interceptor`] in front of it: everything passes
//! unchanged, but a test can read the tokens the provider hands out and, playing an attacker, swap
//! the next ID token for another real one.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use base64::Engine;
use reqwest::redirect::Policy;
use reqwest::StatusCode;

use crate::{Browser, Page};

/// The test provider's clients (see `tests/oidc/provider.mjs`).
pub const CITIZEN_CLIENT: (&str, &str) = ("velferd", "velferd-hemmelig");
pub const STAFF_CLIENT: (&str, &str) = ("velferd-ansatt", "velferd-ansatt-hemmelig");
pub const OTHER_CLIENT: (&str, &str) = ("annen-tjeneste", "annen-tjeneste-hemmelig");
const OTHER_REDIRECT: &str = "http://127.0.0.1:9/annen-tjeneste/callback";

pub const LOA_LOW: &str = "idporten-loa-low";
pub const LOA_SUBSTANTIAL: &str = "idporten-loa-substantial";
pub const LOA_HIGH: &str = "idporten-loa-high";

/// How to run the provider (and the Velferd server beside it).
#[derive(Debug, Clone, Default)]
pub struct OidcOptions {
    /// The provider signs tokens with its clock this many seconds off (negative: slow).
    pub token_clock_offset_s: i64,
    /// Put an [`Interceptor`] between everyone and the provider.
    pub intercept: bool,
    /// The Velferd server offers the demo sign-in too.
    pub demo: bool,
}

/// A running provider; the node process ends when this is dropped.
pub struct IdentityProvider {
    /// The issuer URL everyone uses (the interceptor's, when there is one).
    pub issuer: String,
    child: Child,
    _log: velferd_store::testing::TempDir,
    pub interceptor: Option<Arc<Interceptor>>,
}

impl Drop for IdentityProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // VELFERD_OIDC_LOG=1 shows what the provider said (its errors, failed back-channel calls).
        if std::env::var("VELFERD_OIDC_LOG").is_ok_and(|v| v == "1") {
            eprintln!("--- provider log ---\n{}", std::fs::read_to_string(self._log.0.join("provider.log")).unwrap_or_default());
        }
    }
}

fn provider_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oidc/provider.mjs")
}

fn required() -> bool {
    std::env::var("VELFERD_REQUIRE_OIDC").is_ok_and(|v| v == "1")
}

/// Whether the provider can run here; prints why not (or panics when it is required).
pub fn available() -> bool {
    let node = Command::new("node").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    let modules = provider_script().with_file_name("node_modules").join("oidc-provider").is_dir();
    let problem = match (node, modules) {
        (true, true) => return true,
        (false, _) => "node is not installed",
        (true, false) => "tests/oidc/node_modules is missing (run: cd tests/oidc && npm ci)",
    };
    if required() {
        panic!("VELFERD_REQUIRE_OIDC=1 but the OpenID Connect test provider cannot run: {problem}");
    }
    eprintln!("warning: skipping an OpenID Connect test: {problem} (./scripts/test sets this up)");
    false
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

impl IdentityProvider {
    /// Starts the provider for the Velferd server at `rp` (its redirect and logout URLs are
    /// registered from it) and waits until its discovery document answers.
    pub async fn start(rp: &str, options: &OidcOptions) -> IdentityProvider {
        let port = free_port();
        let upstream = format!("http://127.0.0.1:{port}");
        let (issuer, interceptor) = if options.intercept {
            let interceptor = Interceptor::start(&upstream).await;
            (interceptor.base.clone(), Some(interceptor))
        } else {
            (upstream.clone(), None)
        };
        let log = velferd_store::testing::temp_dir();
        let log_path = log.0.join("provider.log");
        let log_file = std::fs::File::create(&log_path).expect("provider log");
        let child = Command::new("node")
            .arg(provider_script())
            .args(["--port", &port.to_string(), "--rp", rp, "--issuer", &issuer])
            .arg(format!("--token-clock-offset={}", options.token_clock_offset_s))
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("start node tests/oidc/provider.mjs");
        let mut idp = IdentityProvider { issuer, child, _log: log, interceptor };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ok = client.get(format!("{upstream}/.well-known/openid-configuration")).send().await.is_ok_and(|r| r.status().is_success());
            if ok {
                return idp;
            }
            let exited = idp.child.try_wait().ok().flatten();
            if exited.is_some() || Instant::now() > deadline {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                panic!("the OpenID Connect test provider did not start ({exited:?}):\n{log}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn absolute(&self, location: &str) -> String {
        if location.starts_with("http://") || location.starts_with("https://") {
            location.to_owned()
        } else {
            format!("{}{location}", self.issuer)
        }
    }

    /// From the provider's authorization URL (where Velferd sent the browser), through the login
    /// page as `user` at level `acr`, to where the provider sends the browser back (not followed).
    pub async fn log_in(&self, b: &mut Browser, authorize_url: &str, user: &str, acr: &str) -> String {
        let interaction = self.to_interaction(b, authorize_url).await;
        let done = post_abs(b, &format!("{interaction}/login"), &[("username", user), ("acr", acr)]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "login at the provider: {}", done.body);
        self.follow_to_client(b, &done).await
    }

    /// From the authorization URL to the login page, where the person presses "cancel".
    pub async fn cancel(&self, b: &mut Browser, authorize_url: &str) -> String {
        let interaction = self.to_interaction(b, authorize_url).await;
        let done = post_abs(b, &format!("{interaction}/abort"), &[]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "cancel at the provider: {}", done.body);
        self.follow_to_client(b, &done).await
    }

    async fn to_interaction(&self, b: &mut Browser, authorize_url: &str) -> String {
        assert!(authorize_url.starts_with(&self.issuer), "Velferd sends the browser to the provider: {authorize_url}");
        let first = get_abs(b, authorize_url).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "authorization request accepted: {}", first.body);
        let interaction = self.absolute(first.location.as_deref().expect("to the login page"));
        let form = get_abs(b, &interaction).await;
        assert!(form.body.contains("name=\"username\""), "the login page: {}", form.body);
        interaction
    }

    /// Follows the provider's own redirects until it sends the browser to a client (or shows a
    /// page of its own); returns that URL.
    async fn follow_to_client(&self, b: &mut Browser, page: &Page) -> String {
        let mut location = self.absolute(page.location.as_deref().expect("a redirect"));
        for _ in 0..5 {
            if !location.starts_with(&self.issuer) {
                return location;
            }
            let next = get_abs(b, &location).await;
            if next.status == StatusCode::OK {
                return location;
            }
            assert_eq!(next.status, StatusCode::SEE_OTHER, "provider redirect from {location}: {}", next.body);
            location = self.absolute(next.location.as_deref().expect("a redirect"));
        }
        panic!("the provider kept redirecting to itself: {location}");
    }

    /// At the provider's end-session page (where Velferd sent the browser on signing out), the
    /// person confirms "sign me out everywhere"; returns where the provider sends them then.
    pub async fn confirm_logout(&self, b: &mut Browser, end_session_url: &str) -> String {
        assert!(end_session_url.starts_with(&self.issuer), "Velferd sends the browser to the provider's end session: {end_session_url}");
        let page = get_abs(b, end_session_url).await;
        assert_eq!(page.status, StatusCode::OK, "the provider's logout page: {}", page.body);
        let re = regex_lite::Regex::new(r#"name="xsrf" value="([^"]+)""#).expect("re");
        let xsrf = re.captures(&page.body).map(|c| c[1].to_owned()).unwrap_or_else(|| panic!("no xsrf on the logout page: {}", page.body));
        let done = post_abs(b, &format!("{}/session/end/confirm", self.issuer), &[("xsrf", &xsrf), ("logout", "yes")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "logout confirmed at the provider: {}", done.body);
        self.follow_to_client(b, &done).await
    }

    /// The person signs out at the provider directly (from another service, or ID-porten's own
    /// page) and confirms "sign me out everywhere"; returns where the provider sends them.
    pub async fn log_out_everywhere(&self, b: &mut Browser) -> String {
        self.confirm_logout(b, &format!("{}/session/end", self.issuer)).await
    }

    /// Plays another service at the same provider, in the same browser (so the same provider
    /// session): gets a real ID token issued to that service, carrying `nonce`.
    pub async fn id_token_for_other_service(&self, b: &mut Browser, nonce: &str) -> String {
        let (challenge, verifier) = openidconnect::PkceCodeChallenge::new_random_sha256();
        let query: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("client_id", OTHER_CLIENT.0),
                ("response_type", "code"),
                ("scope", "openid"),
                ("redirect_uri", OTHER_REDIRECT),
                ("nonce", nonce),
                ("state", "annen-tjeneste-state"),
                ("code_challenge", challenge.as_str()),
                ("code_challenge_method", "S256"),
            ])
            .finish();
        let start = get_abs(b, &format!("{}/auth?{query}", self.issuer)).await;
        let back = self.follow_to_client(b, &start).await;
        assert!(back.starts_with(OTHER_REDIRECT), "the other service got its answer: {back}");
        let code = query_param(&back, "code").expect("a code for the other service");
        let response = reqwest::Client::new()
            .post(format!("{}/token", self.issuer))
            .basic_auth(OTHER_CLIENT.0, Some(OTHER_CLIENT.1))
            .form(&[("grant_type", "authorization_code"), ("code", &code), ("redirect_uri", OTHER_REDIRECT), ("code_verifier", verifier.secret())])
            .send()
            .await
            .expect("token call");
        let json: serde_json::Value = serde_json::from_slice(&response.bytes().await.expect("token response")).expect("JSON");
        json["id_token"].as_str().expect("an ID token for the other service").to_owned()
    }

    fn interceptor(&self) -> &Interceptor {
        self.interceptor.as_deref().expect("start the provider with OidcOptions { intercept: true, .. }")
    }

    /// The last ID token the provider issued (read by the interceptor).
    pub fn last_id_token(&self) -> String {
        self.interceptor().last_id_token.lock().expect("lock").clone().expect("an ID token was issued")
    }

    /// The claims of the last ID token the provider issued.
    pub fn last_id_token_claims(&self) -> serde_json::Value {
        claims_of(&self.last_id_token())
    }

    /// The next token response carries `id_token` instead of the one the provider issued.
    pub fn swap_next_id_token(&self, id_token: String) {
        *self.interceptor().swap.lock().expect("lock") = Some(id_token);
    }
}

/// The (unverified) claims of a JWT, for tests to look at.
pub fn claims_of(jwt: &str) -> serde_json::Value {
    let payload = jwt.split('.').nth(1).expect("a JWT");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON claims")
}

/// A query parameter of a URL.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

async fn page_of(r: reqwest::Response) -> Page {
    let status = r.status();
    let location = r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    let body = r.text().await.unwrap_or_default();
    Page { status, location, body }
}

/// GET of an absolute URL with the browser's cookies (e.g. at the provider).
pub async fn get_abs(b: &Browser, url: &str) -> Page {
    page_of(b.client.get(url).header("accept-language", &b.lang).send().await.expect("GET")).await
}

/// POST of a form to an absolute URL with the browser's cookies (no Velferd form token).
pub async fn post_abs(b: &Browser, url: &str, fields: &[(&str, &str)]) -> Page {
    page_of(b.client.post(url).header("accept-language", &b.lang).form(fields).send().await.expect("POST")).await
}

/// Sits in front of the provider and passes everything through unchanged (the Host header too, so
/// the provider names the interceptor in its URLs), except that it remembers the ID tokens the
/// provider issues and can swap the next one: an attacker between Velferd and the provider.
pub struct Interceptor {
    pub base: String,
    upstream: String,
    client: reqwest::Client,
    last_id_token: Mutex<Option<String>>,
    swap: Mutex<Option<String>>,
}

impl Interceptor {
    async fn start(upstream: &str) -> Arc<Interceptor> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let interceptor = Arc::new(Interceptor {
            base: format!("http://{addr}"),
            upstream: upstream.to_owned(),
            client: reqwest::Client::builder().redirect(Policy::none()).build().expect("client"),
            last_id_token: Mutex::new(None),
            swap: Mutex::new(None),
        });
        let app = axum::Router::new().fallback(pass).with_state(interceptor.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.expect("interceptor") });
        interceptor
    }
}

async fn pass(State(me): State<Arc<Interceptor>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let body = axum::body::to_bytes(body, 1 << 20).await.expect("request body");
    let mut upstream = me.client.request(parts.method.clone(), format!("{}{path}", me.upstream)).body(body.to_vec());
    for (name, value) in &parts.headers {
        if name != "content-length" && name != "connection" && name != "transfer-encoding" {
            upstream = upstream.header(name, value);
        }
    }
    let response = upstream.send().await.expect("the provider answers");
    let status = response.status();
    let headers = response.headers().clone();
    let mut bytes = response.bytes().await.expect("provider body").to_vec();
    if parts.uri.path() == "/token" && status.is_success() {
        if let Ok(mut json) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            if let Some(token) = json.get("id_token").and_then(|t| t.as_str()) {
                *me.last_id_token.lock().expect("lock") = Some(token.to_owned());
            }
            if let Some(other) = me.swap.lock().expect("lock").take() {
                json["id_token"] = serde_json::Value::String(other);
                bytes = serde_json::to_vec(&json).expect("json");
            }
        }
    }
    let mut out = Response::builder().status(status.as_u16());
    for (name, value) in &headers {
        if name != "content-length" && name != "connection" && name != "transfer-encoding" {
            out = out.header(name.as_str(), value.as_bytes());
        }
    }
    out.body(Body::from(bytes)).expect("response")
}
