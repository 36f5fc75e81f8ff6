//! A real Velferd server on a random port with a fresh database, and a citizen's browser (cookies,
//! no JavaScript) that talks HTTP to it — the path a user takes. [`oidc`]: a real OpenID Connect
//! provider for the sign-in tests.

pub mod case_system;
pub mod cluster;
pub mod oidc;
pub mod process;
pub mod smtp;

use std::net::SocketAddr;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use velferd_store::testing::TestDatabase;
use velferd_store::Store;
use velferd_web::{default_kommuner, router, seed_demo_people, App, Config};

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub db: TestDatabase,
    /// The server's file store (documents and letters), to seed or inspect.
    pub files: std::sync::Arc<dyn velferd_store::Files>,
    /// The OpenID Connect provider this server signs people in with, when started with one.
    pub idp: Option<oidc::IdentityProvider>,
    _files: Option<velferd_store::testing::TempDir>,
}

impl TestApp {
    pub async fn spawn(db: TestDatabase) -> TestApp {
        TestApp::spawn_with(db, Config { demo: true, ..Config::default() }).await
    }

    /// A server with its own settings (e.g. low rate limits).
    pub async fn spawn_with(db: TestDatabase, config: Config) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        TestApp::serve(db, listener, config, None, None).await
    }

    /// A server that keeps documents in the given file store (e.g. S3 on a test server).
    pub async fn spawn_with_files(db: TestDatabase, config: Config, files: std::sync::Arc<dyn velferd_store::Files>) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        TestApp::serve(db, listener, config, None, Some(files)).await
    }

    /// A server whose citizen and staff sign-in go to a real OpenID Connect provider (see [`oidc`]),
    /// requiring `min_level` for citizens; the demo sign-in only if `options.demo`. `None` when the
    /// provider cannot run here (and `VELFERD_REQUIRE_OIDC` is not set).
    pub async fn with_oidc(db: TestDatabase, min_level: velferd_web::oidc::Assurance, options: oidc::OidcOptions) -> Option<TestApp> {
        use velferd_web::oidc::{Audience, Provider, ProviderSettings};
        if !oidc::available() {
            return None;
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let idp = oidc::IdentityProvider::start(&base, &options).await;
        let provider = |audience, (client_id, secret): (&str, &str), min_assurance| {
            Provider::new(ProviderSettings {
                audience,
                issuer: idp.issuer.clone(),
                client_id: client_id.into(),
                client_secret: secret.into(),
                public_url: base.clone(),
                min_assurance,
            })
            .expect("provider settings")
        };
        let config = Config {
            citizen_sign_in: Some(provider(Audience::Citizens, oidc::CITIZEN_CLIENT, Some(min_level))),
            staff_sign_in: Some(provider(Audience::Staff, oidc::STAFF_CLIENT, None)),
            demo: options.demo,
            ..Config::default()
        };
        Some(TestApp::serve(db, listener, config, Some(idp), None).await)
    }

    /// Serves on `listener`; documents in `files`, or in a fresh local folder when `None`.
    async fn serve(
        db: TestDatabase,
        listener: tokio::net::TcpListener,
        config: Config,
        idp: Option<oidc::IdentityProvider>,
        files: Option<std::sync::Arc<dyn velferd_store::Files>>,
    ) -> TestApp {
        let store = Store::connect(&db.url).await.expect("connect");
        seed_demo_people(&store).await.expect("seed");
        let (files, files_dir): (std::sync::Arc<dyn velferd_store::Files>, _) = match files {
            Some(files) => (files, None),
            None => {
                let dir = velferd_store::testing::temp_dir();
                (std::sync::Arc::new(velferd_store::LocalFiles::new(dir.0.join("files"))), Some(dir))
            }
        };
        let limits = config.server;
        let app = App::new(store.clone(), files.clone(), default_kommuner(), config);
        let store = app.store.clone();
        let app = router(app);
        let addr: SocketAddr = listener.local_addr().expect("addr");
        // The server `velferd serve` runs, with its timeouts and connection limit.
        tokio::spawn(velferd_web::serve(listener, app, limits, std::future::pending()));
        TestApp { base: format!("http://{addr}"), store, db, files, idp, _files: files_dir }
    }

    /// The OpenID Connect provider (for servers started with [`TestApp::with_oidc`]).
    pub fn idp(&self) -> &oidc::IdentityProvider {
        self.idp.as_ref().expect("started with TestApp::with_oidc")
    }

    /// A new browser (its own cookies), in the given language.
    pub fn browser(&self, lang: &str) -> Browser {
        Browser::new(&self.base, lang)
    }

    /// Spawns one server per database (SQLite, and PostgreSQL when available).
    pub async fn all() -> Vec<TestApp> {
        let mut out = Vec::new();
        for db in velferd_store::testing::all().await {
            out.push(TestApp::spawn(db).await);
        }
        out
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    pub lang: String,
    pub csrf: String,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    async fn from(r: Response) -> Page {
        let status = r.status();
        let location = r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
        let body = r.text().await.unwrap_or_default();
        Page { status, location, body }
    }

    /// The value attribute of the input named `name`, as the page shows it.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let re = regex_lite::Regex::new(&format!(r#"name="{}" value="([^"]*)""#, regex_lite::escape(name))).ok()?;
        re.captures(&self.body).map(|c| html_unescape(&c[1]))
    }

    pub fn textarea(&self, name: &str) -> Option<String> {
        let re = regex_lite::Regex::new(&format!(r#"(?s)name="{}"[^>]*>(.*?)</textarea>"#, regex_lite::escape(name))).ok()?;
        re.captures(&self.body).map(|c| html_unescape(&c[1]))
    }

    /// The error message shown next to the field `name` (its `e-NAME` element).
    pub fn field_error(&self, name: &str) -> Option<String> {
        let re = regex_lite::Regex::new(&format!(r#"id="e-{}">([^<]*)<"#, regex_lite::escape(name))).ok()?;
        re.captures(&self.body).map(|c| html_unescape(&c[1]))
    }

    pub fn is_checked(&self, name: &str, value: &str) -> bool {
        self.body.contains(&format!(r#"name="{name}" value="{value}" checked"#))
    }
}

pub fn html_unescape(s: &str) -> String {
    s.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", "\"").replace("&#34;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn csrf_of(body: &str) -> Option<String> {
    let re = regex_lite::Regex::new(r#"name="_csrf" value="([^"]+)""#).ok()?;
    re.captures(body).map(|c| c[1].to_owned())
}

impl Browser {
    /// A browser for the server at `base` (e.g. `http://127.0.0.1:8080`), in the given language.
    pub fn new(base: &str, lang: &str) -> Browser {
        let client = Client::builder().cookie_store(true).redirect(Policy::none()).build().expect("client");
        Browser { client, base: base.to_owned(), lang: lang.to_owned(), csrf: String::new() }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let r = self.client.get(format!("{}{path}", self.base)).header("accept-language", &self.lang).send().await.expect("GET");
        let page = Page::from(r).await;
        if let Some(t) = csrf_of(&page.body) {
            self.csrf = t;
        }
        page
    }

    /// Posts a form as a browser would, with the page's anti-forgery token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(all).finish();
        self.post_raw(path, body.into_bytes()).await
    }

    pub async fn post_raw(&mut self, path: &str, body: Vec<u8>) -> Page {
        self.try_post_raw(path, body).await.expect("POST")
    }

    /// Like [`Browser::post`], but `None` when the server does not answer (it was killed).
    pub async fn try_post(&mut self, path: &str, fields: &[(&str, &str)]) -> Option<Page> {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(all).finish();
        self.try_post_raw(path, body.into_bytes()).await
    }

    async fn try_post_raw(&mut self, path: &str, body: Vec<u8>) -> Option<Page> {
        let r = self
            .client
            .post(format!("{}{path}", self.base))
            .header("accept-language", &self.lang)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .ok()?;
        let page = Page::from(r).await;
        if let Some(t) = csrf_of(&page.body) {
            self.csrf = t;
        }
        Some(page)
    }

    /// Signs in as the demo person whose name contains `name`.
    pub async fn sign_in(&mut self, name: &str) {
        let page = self.get("/logg-inn").await;
        let re = regex_lite::Regex::new(r#"(?s)name="fnr" value="(\d{11})">\s*<button[^>]*>([^<]*)<"#).expect("re");
        let fnr = re.captures_iter(&page.body).find(|c| c[2].contains(name)).map(|c| c[1].to_owned()).unwrap_or_else(|| panic!("no demo person {name}"));
        let done = self.post("/logg-inn/demo", &[("fnr", &fnr), ("neste", "/soknad")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "sign-in redirects");
    }

    /// Starts an application in `kommune` and returns the draft id.
    pub async fn start(&mut self, kommune: &str) -> String {
        self.get("/soknad").await;
        let page = self.post("/soknad", &[("kommune", kommune)]).await;
        let location = page.location.unwrap_or_else(|| panic!("no redirect after choosing kommune: {}", page.status));
        location.trim_start_matches("/soknad/").split('/').next().expect("draft id").to_owned()
    }

    /// Posts one step and expects to be sent on to the next.
    pub async fn step(&mut self, draft: &str, step: &str, fields: &[(&str, &str)]) -> Page {
        self.get(&format!("/soknad/{draft}/{step}")).await;
        let page = self.post(&format!("/soknad/{draft}/{step}"), fields).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "step {step} was not accepted: {}", page.field_errors_summary());
        page
    }
}

impl Page {
    pub fn field_errors_summary(&self) -> String {
        let re = regex_lite::Regex::new(r#"id="e-([^"]+)">([^<]*)<"#).expect("re");
        re.captures_iter(&self.body).map(|c| format!("{}: {}", &c[1], &c[2])).collect::<Vec<_>>().join("; ")
    }
}

/// Every step of a complete application for someone renting, working part time, with a child.
pub const STEPS: &[(&str, &[(&str, &str)])] = &[
    ("nodhjelp", &[("nodhjelp", "nei")]),
    ("behov", &[("kategorier", "livsopphold"), ("kategorier", "husleie"), ("hvorfor", "Jeg har mistet jobben – og må betale husleie.")]),
    ("personalia", &[("telefon", "912 34 567"), ("bor_folkeregistrert", "ja"), ("nordisk_borger", "ja")]),
    ("bolig", &[("botype", "leier"), ("antall_personer", "2")]),
    ("arbeid", &[("i_jobb", "ja"), ("arbeidsgiver", "Kafé Ørkenrotta"), ("stillingsprosent", "40"), ("student", "nei")]),
    (
        "familie",
        &[
            ("sivilstatus", "ugift"),
            ("har_barn", "ja"),
            ("barn1_fornavn", "Lise"),
            ("barn1_etternavn", "Nordmann"),
            ("barn1_fodselsdato", "01.06.2015"),
            ("barn1_bor_sammen", "ja"),
            ("barn1_delt_bosted", "nei"),
            ("barnebidrag", "mottar"),
        ],
    ),
    ("inntekt", &[("lonn", "8 000"), ("barnebidrag_mottatt", "1 800"), ("brukskonto", "1200")]),
    ("utgifter", &[("husleie", "9 500"), ("strom", "800")]),
    ("konto", &[("kontonummer", "1234.56.78903")]),
];

/// Fills in every step and returns the draft id (not yet sent).
pub async fn fill_in(browser: &mut Browser, kommune: &str) -> String {
    let draft = browser.start(kommune).await;
    for (step, fields) in STEPS {
        browser.step(&draft, step, fields).await;
    }
    draft
}

/// PDF checks with poppler (`pdftotext`, `pdfinfo`) and `qpdf`. Without the tool a check gives
/// `None` (the test skips it) — unless `VELFERD_REQUIRE_PDF_TOOLS=1` (as `scripts/test` sets), when a
/// missing tool fails the test, like PostgreSQL and OpenID Connect.
pub mod pdf_tools {
    use std::process::Command;

    /// Whether a missing PDF tool must fail the test rather than skip the check.
    pub fn required() -> bool {
        std::env::var("VELFERD_REQUIRE_PDF_TOOLS").is_ok_and(|v| v == "1")
    }

    fn run(tool: &str, args: &[&str], pdf: &[u8]) -> Option<std::process::Output> {
        run_with(required(), tool, args, pdf)
    }

    pub(crate) fn run_with(required: bool, tool: &str, args: &[&str], pdf: &[u8]) -> Option<std::process::Output> {
        let dir = velferd_store::testing::temp_dir();
        let path = dir.0.join("check.pdf");
        std::fs::write(&path, pdf).expect("write a temporary PDF");
        match Command::new(tool).args(args).arg(&path).args(if tool == "pdftotext" { &["-"][..] } else { &[][..] }).output() {
            Ok(out) => Some(out),
            Err(e) if required => panic!("{tool} is required (VELFERD_REQUIRE_PDF_TOOLS=1) but could not run: {e}"),
            Err(_) => None,
        }
    }

    /// The text of a PDF (`pdftotext`), or `None` without poppler.
    pub fn text(pdf: &[u8]) -> Option<String> {
        run("pdftotext", &[], pdf).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    }

    /// The text of a PDF laid out as on the page (`pdftotext -layout`), or `None` without poppler.
    pub fn layout_text(pdf: &[u8]) -> Option<String> {
        run("pdftotext", &["-layout"], pdf).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    }

    /// How many pages a PDF has (`pdfinfo`), or `None` without poppler.
    pub fn pages(pdf: &[u8]) -> Option<usize> {
        let out = run("pdfinfo", &[], pdf)?;
        String::from_utf8_lossy(&out.stdout).lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok())
    }

    /// Whether `qpdf --check` finds the PDF sound, or `None` without qpdf.
    pub fn qpdf_ok(pdf: &[u8]) -> Option<bool> {
        run("qpdf", &["--check"], pdf).map(|o| o.status.success())
    }
}

#[cfg(test)]
mod tests {
    use super::pdf_tools::run_with;

    const PDF: &[u8] = b"%PDF-1.4\n%%EOF\n";

    #[test]
    fn a_missing_pdf_tool_skips_the_check() {
        assert!(run_with(false, "velferd-no-such-pdf-tool", &[], PDF).is_none());
    }

    #[test]
    #[should_panic(expected = "is required (VELFERD_REQUIRE_PDF_TOOLS=1)")]
    fn a_missing_pdf_tool_fails_the_test_when_required() {
        run_with(true, "velferd-no-such-pdf-tool", &[], PDF);
    }
}
