//! The database or the object storage goes away under a running `velferd serve`, and comes back.
//!
//! While it is away every answer is a clear page in the citizen's language (503 with Retry-After:
//! nothing was sent, what was typed is kept), never a 500; once it is back the same server serves
//! again without a restart, and everything acknowledged is there, exactly once. PostgreSQL is a
//! cluster of the test's own (stopped and started with `pg_ctl`), the object storage a real moto
//! server reached through a TCP relay the test can cut, as a network or an outage would.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_testkit::cluster::Cluster;
use velferd_testkit::process::{serve, Served};
use velferd_testkit::{fill_in, Browser};

const BIN: &str = env!("CARGO_BIN_EXE_velferd");
const PEOPLE: [&str; 6] = ["Kari", "Ola", "Amina", "Jon", "Siri", "Eva"];
const SLOT: &str = "husleiekontrakt.husleiekontrakt";

fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(360, 480, |x, y| {
        let bit = (x / 10) as usize;
        let mark = y < 10 && bit < 32 && (seed >> bit) & 1 == 1;
        let line = y > 40 && (y % 24) < 6 && x > 30 && x < 330;
        let v = if mark || line { 30 } else { 235 };
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// One answer the server gave while something was away: what was asked, the status, whether it
/// said when to retry, and the page.
#[derive(Debug)]
struct Answer {
    what: String,
    status: StatusCode,
    retry_after: bool,
    body: String,
}

impl Answer {
    async fn of(what: String, r: reqwest::Response) -> Answer {
        let status = r.status();
        let retry_after = r.headers().contains_key("retry-after");
        Answer { what, status, retry_after, body: r.text().await.unwrap_or_default() }
    }

    /// An outage answered as it must be: 503, Retry-After, and (on a page) the words that say
    /// nothing was sent and nothing typed was lost.
    fn is_clear_unavailable(&self) -> bool {
        self.status == StatusCode::SERVICE_UNAVAILABLE && self.retry_after && (self.what == "health" || self.body.contains("Ingenting er sendt"))
    }
}

type Answers = Arc<Mutex<Vec<Answer>>>;

/// A citizen with a finished draft, ready to attach and send.
async fn ready(base: &str, person: &'static str) -> (Browser, String) {
    let mut b = Browser::new(base, "nb");
    b.sign_in(person).await;
    let draft = fill_in(&mut b, "0301").await;
    b.get(&format!("/soknad/{draft}/dokumenter")).await;
    (b, draft)
}

/// Posts a photo to the draft's rent contract; `None` when the server did not answer.
async fn attach(b: &Browser, draft: &str, seed: u32) -> Option<reqwest::Response> {
    let form = Form::new().text("_csrf", b.csrf.clone()).part("filer", Part::bytes(photo(seed)).file_name(format!("kontrakt-{seed}.jpg")));
    b.client.post(format!("{}/soknad/{draft}/dokumenter/{SLOT}", b.base)).header("accept-language", "nb").multipart(form).send().await.ok()
}

/// Attaches a photo to the draft (unless `attached`), then sends it, each retried (as a person would, a little faster)
/// until it is answered as done; every other answer is recorded. The receipt's path, or `None`
/// if the deadline passed.
async fn attach_and_send(b: Browser, draft: String, mut attached: bool, seed: u32, answers: Answers, deadline: Instant) -> Option<String> {
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(150)).await;
        if !attached {
            let Some(r) = attach(&b, &draft, seed).await else { continue };
            if r.status() == StatusCode::SEE_OTHER {
                attached = true;
            } else {
                let answer = Answer::of("attach".into(), r).await;
                answers.lock().unwrap().push(answer);
            }
            continue;
        }
        let body = format!("_csrf={}&bekreft=ja", b.csrf);
        let Ok(r) = b
            .client
            .post(format!("{}/soknad/{draft}/send", b.base))
            .header("accept-language", "nb")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
        else {
            continue;
        };
        match r.headers().get("location").and_then(|l| l.to_str().ok()) {
            Some(receipt) if r.status() == StatusCode::SEE_OTHER && receipt.starts_with("/kvittering/") => return Some(receipt.to_owned()),
            _ => {
                let answer = Answer::of("send".into(), r).await;
                answers.lock().unwrap().push(answer);
            }
        }
    }
    None
}

/// Reads a signed-in citizen's pages and `/health` until `stop`, recording every answer that is
/// not a 200; returns how long the slowest `/health` took.
async fn read_pages(b: Browser, answers: Answers, stop: Arc<std::sync::atomic::AtomicBool>) -> Duration {
    let mut slowest = Duration::ZERO;
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        for (what, path) in [("health", "/health"), ("page", "/mine-soknader"), ("page", "/soknad")] {
            let asked = Instant::now();
            if let Ok(r) = b.client.get(format!("{}{path}", b.base)).header("accept-language", "nb").send().await {
                if what == "health" {
                    slowest = slowest.max(asked.elapsed());
                }
                if r.status() != StatusCode::OK {
                    let answer = Answer::of(what.into(), r).await;
                    answers.lock().unwrap().push(answer);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    slowest
}

/// What the citizens and a reader saw while the database was stopped (`mode`) for `away` while
/// they attached and sent.
struct Outage {
    answers: Vec<Answer>,
    receipts: Vec<(&'static str, String)>,
    slowest_health: Duration,
}

async fn outage(pg: &Arc<Cluster>, server: &Served, mode: &'static str, away: Duration, seed: u32) -> Outage {
    let mut citizens = Vec::new();
    for (i, person) in PEOPLE.into_iter().enumerate() {
        let (b, draft) = ready(&server.base, person).await;
        // Half of them attached their photo already; their first step is sending.
        let attached = i % 2 == 1 && attach(&b, &draft, seed + i as u32).await.is_some_and(|r| r.status() == StatusCode::SEE_OTHER);
        citizens.push((person, (b, draft), attached));
    }
    let (reader, _) = ready(&server.base, "Kari").await;
    let answers: Answers = Arc::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reading = tokio::spawn(read_pages(reader, answers.clone(), stop.clone()));
    let deadline = Instant::now() + away + Duration::from_secs(40);
    let sending: Vec<_> = citizens
        .into_iter()
        .enumerate()
        .map(|(i, (person, (b, draft), attached))| {
            let answers = answers.clone();
            let seed = seed + i as u32;
            tokio::spawn(async move {
                // One after another, so that some send before, some during and some after.
                tokio::time::sleep(Duration::from_millis(120 * i as u64)).await;
                (person, attach_and_send(b, draft, attached, seed, answers, deadline).await)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(150)).await;
    let p = pg.clone();
    tokio::task::spawn_blocking(move || p.down(mode)).await.unwrap();
    tokio::time::sleep(away).await;
    let p = pg.clone();
    tokio::task::spawn_blocking(move || p.up()).await.unwrap();
    let mut receipts = Vec::new();
    for s in sending {
        let (person, receipt) = s.await.unwrap();
        receipts.push((person, receipt.unwrap_or_else(|| panic!("{person} never got a receipt after the database came back"))));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let slowest_health = reading.await.unwrap();
    let answers = answers.lock().unwrap().drain(..).collect();
    Outage { answers, receipts, slowest_health }
}

/// Checks the server afterwards: every receipt opens for its owner with the attached document,
/// and there is exactly one application per citizen.
async fn everything_there(server: &Served, database: &str, before: i64, receipts: &[(&str, String)]) {
    for (person, receipt) in receipts {
        let mut b = Browser::new(&server.base, "nb");
        b.sign_in(person).await;
        assert_eq!(b.get(receipt).await.status, StatusCode::OK, "{person}'s receipt {receipt}");
        let id = receipt.trim_start_matches("/kvittering/");
        let case = b.get(&format!("/mine-soknader/{id}")).await;
        let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/dokumenter/[0-9a-f]{64}\.pdf)">Husleiekontrakt<"#).unwrap();
        let pdf = href.captures(&case.body).unwrap_or_else(|| panic!("{person}'s attached photo is not in {id}"))[1].to_owned();
        let r = b.client.get(format!("{}{pdf}", b.base)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{person}'s document");
        assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"));
    }
    let store = velferd_store::Store::connect(database).await.unwrap();
    let distinct: std::collections::BTreeSet<_> = receipts.iter().map(|(_, r)| r).collect();
    assert_eq!(distinct.len(), receipts.len(), "a receipt of its own for each");
    assert_eq!(store.count_applications().await.unwrap() - before, receipts.len() as i64, "one application per draft, however often they pressed send");
    store.close().await;
}

async fn count(database: &str) -> i64 {
    let store = velferd_store::Store::connect(database).await.unwrap();
    let n = store.count_applications().await.unwrap();
    store.close().await;
    n
}

fn bad(answers: &[Answer]) -> Vec<String> {
    answers.iter().filter(|a| !a.is_clear_unavailable()).map(|a| format!("{} {} (retry-after {}): {:.300}", a.what, a.status, a.retry_after, a.body)).collect()
}

#[tokio::test]
async fn postgres_restarted_under_load_gives_clear_503s_and_loses_nothing() {
    let Some(pg) = Cluster::start() else { return };
    let pg = Arc::new(pg);
    let dir = velferd_store::testing::temp_dir();
    let mut server = serve(Path::new(BIN), &pg.url(), dir.0.join("files").to_str().unwrap(), &[]).await.unwrap();

    let before = count(&pg.url()).await;
    // A restart of a few seconds (every connection ended): requests wait for it, or are told
    // clearly to try again.
    let restart = outage(&pg, &server, "fast", Duration::from_millis(2500), 0).await;
    // A crash that lasts longer than a request may wait: every page says so, /health at once.
    let crash = outage(&pg, &server, "immediate", Duration::from_secs(9), 100).await;

    assert!(server.child.try_wait().unwrap().is_none(), "the server kept running");
    for (what, o) in [("restart", &restart), ("crash", &crash)] {
        let bad = bad(&o.answers);
        assert!(bad.is_empty(), "{what}: answers while the database was away that were not a clear 503:\n{}", bad.join("\n"));
        assert!(o.slowest_health < Duration::from_secs(4), "{what}: /health took {:?}", o.slowest_health);
    }
    for what in ["attach", "send", "health", "page"] {
        assert!(crash.answers.iter().any(|a| a.what == what), "the long outage was met by {what}: {:?}", crash.answers);
    }
    let health = reqwest::get(format!("{}/health", server.base)).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK, "healthy again without a restart");
    let receipts: Vec<_> = restart.receipts.iter().chain(&crash.receipts).cloned().collect();
    everything_there(&server, &pg.url(), before, &receipts).await;
    server.kill();
    eprintln!("restart: {} answers, crash: {} answers while the database was away, all clear 503s", restart.answers.len(), crash.answers.len());
}

/// A TCP relay in front of the object storage that the test can cut (nothing listens, every open
/// connection is dropped) and restore on the same port, as a network or storage outage would.
struct Relay {
    port: u16,
    upstream: String,
    running: Option<tokio::task::JoinHandle<()>>,
}

impl Relay {
    async fn new(upstream: &str) -> Relay {
        let port = velferd_testkit::process::free_port();
        Relay { port, upstream: upstream.trim_start_matches("http://").to_owned(), running: None }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn up(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        let upstream = self.upstream.clone();
        self.running = Some(tokio::spawn(async move {
            // Dropped with the task: every relayed connection ends when the relay is cut.
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut inbound, _)) = listener.accept().await {
                let upstream = upstream.clone();
                connections.spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        }));
    }

    async fn down(&mut self) {
        if let Some(running) = self.running.take() {
            running.abort();
            let _ = running.await;
        }
    }
}

#[tokio::test]
async fn object_storage_down_at_start_and_mid_run_is_said_clearly_and_loses_nothing() {
    let Some(s3) = velferd_store::testing::s3::server() else { return };
    let mut relay = Relay::new(&s3.endpoint).await;
    let settings: Vec<(&str, String)> = s3.settings().into_iter().map(|(k, v)| (k, if k == "AWS_ENDPOINT_URL" { relay.endpoint() } else { v })).collect();
    let dir = velferd_store::testing::temp_dir();
    let database = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let files = format!("s3://{}/kommune-0301", velferd_store::testing::s3::BUCKET);

    // Down at start: the server does not start, and says what it could not reach and how to fix it.
    let refused = serve(Path::new(BIN), &database, &files, &settings).await.err().expect("no start without the object storage");
    assert!(refused.contains("--files") && refused.contains(&relay.endpoint()) && refused.contains("AWS_ENDPOINT_URL"), "{refused}");

    relay.up().await;
    let mut server = serve(Path::new(BIN), &database, &files, &settings).await.unwrap();
    let before = count(&database).await;
    let mut citizens = Vec::new();
    for (i, person) in PEOPLE.into_iter().take(4).enumerate() {
        let (b, draft) = ready(&server.base, person).await;
        assert_eq!(attach(&b, &draft, i as u32).await.unwrap().status(), StatusCode::SEE_OTHER, "{person} attaches while the storage is there");
        citizens.push((person, b, draft));
    }
    // The first two send while it is there.
    let mut receipts = Vec::new();
    for (person, b, draft) in citizens.iter_mut().take(2) {
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        receipts.push((*person, sent.location.unwrap()));
    }

    // Mid-run it goes away: attaching, sending and opening a document are each told clearly.
    relay.down().await;
    let mut answers = Vec::new();
    for (i, (person, b, draft)) in citizens.iter().enumerate().skip(2) {
        let asked = Instant::now();
        answers.push(Answer::of(format!("{person} attach"), attach(b, draft, 10 + i as u32).await.unwrap()).await);
        let body = format!("_csrf={}&bekreft=ja", b.csrf);
        let sent = b
            .client
            .post(format!("{}/soknad/{draft}/send", b.base))
            .header("accept-language", "nb")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        answers.push(Answer::of(format!("{person} send"), sent).await);
        assert!(asked.elapsed() < Duration::from_secs(20), "{person} waited {:?} to be told", asked.elapsed());
    }
    let (person, receipt) = &receipts[0];
    let mut owner = Browser::new(&server.base, "nb");
    owner.sign_in(person).await;
    let case = owner.get(&format!("/mine-soknader/{}", receipt.trim_start_matches("/kvittering/"))).await;
    let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/dokumenter/[0-9a-f]{64}\.pdf)""#).unwrap();
    let document = href.captures(&case.body).expect("a document")[1].to_owned();
    answers.push(Answer::of("document".into(), owner.client.get(format!("{}{document}", server.base)).header("accept-language", "nb").send().await.unwrap()).await);
    let bad = bad(&answers);
    assert!(bad.is_empty(), "answers while the object storage was away that were not a clear 503:\n{}", bad.join("\n"));
    assert_eq!(count(&database).await - before, 2, "nothing sent while the storage was away");

    // Back: the same server attaches and sends again, and nothing acknowledged is lost.
    relay.up().await;
    for (i, (person, b, draft)) in citizens.iter_mut().enumerate().skip(2) {
        assert_eq!(attach(b, draft, 20 + i as u32).await.unwrap().status(), StatusCode::SEE_OTHER, "{person} attaches again");
        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        receipts.push((*person, sent.location.unwrap_or_else(|| panic!("{person}: {} {}", sent.status, sent.body))));
    }
    assert!(server.child.try_wait().unwrap().is_none(), "the server kept running");
    everything_there(&server, &database, before, &receipts).await;
    server.kill();
    relay.down().await;
}
