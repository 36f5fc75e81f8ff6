//! Benchmark: the office's pages (and the citizen's and the API's) over HTTP as the volume grows. Starts the real server
//! (`velferd serve --demo`, a separate process, so its memory is its own) on a fresh database,
//! signs in demo caseworkers through `/ansatt/demo`, and times the inbox (first page), its filters,
//! searches by name and by fødselsnummer, and a case file (Kari's emergency application, and the
//! case at the top of the inbox); Kari's own "My applications" and case page; and the integration
//! API's list of new applications and change feed for Oslo's case system — each request timed next to a `GET /health` on the same
//! connection, so the ratio is measured in the same run on the same machine. First with only the
//! demo's data, then after `velferd admin seed` brought the database to 1 000, 10 000 and 100 000
//! applications (20 events each on average: 2 000 000 at 100 000). At each size, 8 staff view the
//! inbox at once and the server's peak resident memory is read from `/proc` (`VmHWM`, reset before),
//! and the server's start-up time (process start to the first `/health` answer) is taken.
//!
//! Run: `cargo bench -p velferd --bench inbox` (add `VELFERD_BENCH_POSTGRES_URL=postgres://…` for
//! PostgreSQL too: a fresh database is made on that server for the run and dropped after;
//! `VELFERD_BENCH_SIZES=1000,10000` for other sizes). Linux only (`/proc`). Prints markdown tables.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{full, memory, percentile, reset_peak, seed, Server, TempDir, BIN};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, COOKIE, SET_COOKIE};

fn sizes() -> Vec<u64> {
    if let Ok(s) = std::env::var("VELFERD_BENCH_SIZES") {
        return s.split(',').filter_map(|n| n.trim().parse().ok()).collect();
    }
    if full() {
        vec![1_000, 10_000, 100_000]
    } else {
        vec![300]
    }
}

fn rounds() -> usize {
    if full() {
        200
    } else {
        10
    }
}

/// Demo staff who read NAV Frogner's cases (`/ansatt/demo`), for the 8 concurrent viewers.
const VIEWERS: [&str; 8] = ["sara", "ali", "berit", "henrik", "sara", "ali", "berit", "henrik"];

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).find(|v| v.starts_with("velferd_session=")).and_then(|v| v.split(';').next()).map(str::to_owned)
}

/// Signs in as a demo staff member through `/ansatt/demo`; returns the session cookie. Sessions
/// live in the database, so they outlast a server restart.
async fn sign_in(client: &reqwest::Client, base: &str, who: &str) -> String {
    let page = client.get(format!("{base}/ansatt/demo")).send().await.expect("demo page");
    let cookie = session_cookie(&page).expect("a session for the form token");
    let html = page.text().await.expect("demo page");
    let token = html.split("name=\"_csrf\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("form token").to_owned();
    let body = format!("ansatt={who}&_csrf={}", token.replace('+', "%2B").replace('/', "%2F").replace('=', "%3D"));
    let done =
        client.post(format!("{base}/ansatt/demo")).header(COOKIE, &cookie).header(CONTENT_TYPE, "application/x-www-form-urlencoded").body(body).send().await.expect("demo sign-in");
    assert!(done.status().is_redirection(), "demo sign-in as {who}: {}", done.status());
    session_cookie(&done).unwrap_or(cookie)
}

/// Signs Kari in as a citizen through the demo sign-in (`/logg-inn/demo`); returns the cookie.
async fn citizen_sign_in(client: &reqwest::Client, base: &str, fnr: &str) -> String {
    let page = client.get(format!("{base}/logg-inn")).send().await.expect("sign-in page");
    let cookie = session_cookie(&page).expect("a session for the form token");
    let html = page.text().await.expect("sign-in page");
    let token = html.split("name=\"_csrf\" value=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("form token").to_owned();
    let body = format!("fnr={fnr}&_csrf={}", token.replace('+', "%2B").replace('/', "%2F").replace('=', "%3D"));
    let done = client
        .post(format!("{base}/logg-inn/demo"))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("demo sign-in");
    assert!(done.status().is_redirection(), "citizen demo sign-in: {}", done.status());
    session_cookie(&done).unwrap_or(cookie)
}

/// An integration API key for Oslo's case system (`velferd admin api-key create`), as the
/// `Authorization` header's value.
fn api_key(url: &str, files: &str) -> String {
    let out = Command::new(BIN)
        .args(["admin", "api-key", "create", "--kommune", "0301", "--name", "Bench fagsystem", "--database", url, "--files", files])
        .output()
        .expect("velferd admin api-key create");
    assert!(out.status.success(), "api-key create: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key = stdout.lines().find_map(|l| l.strip_prefix("key:")).expect("the key").trim().to_owned();
    format!("Bearer {key}")
}

/// GETs `path` and reads the whole body; (time, body). Panics on anything but 200. `cookie` is
/// a session cookie, or `Bearer <key>` for the integration API.
async fn get(client: &reqwest::Client, base: &str, path: &str, cookie: &str) -> (Duration, String) {
    let start = Instant::now();
    let request = client.get(format!("{base}{path}"));
    let request = if cookie.starts_with("Bearer ") { request.header(AUTHORIZATION, cookie) } else { request.header(COOKIE, cookie) };
    let response = request.send().await.expect("request");
    let status = response.status();
    let body = response.text().await.expect("body");
    let took = start.elapsed();
    assert!(status.is_success(), "GET {path}: {status}");
    (took, body)
}

/// Kari Nordmann's synthetic fødselsnummer, as the demo makes it (born 12.01.1990, month + 80).
fn kari_fnr() -> String {
    (0..10).find_map(|d| velferd_domain::ids::Fodselsnummer::with_check_digits(&format!("12819012{d}"))).expect("Kari's number").as_str().to_owned()
}

/// The case ids linked from an inbox page, in order.
fn case_ids(html: &str) -> Vec<String> {
    html.split("href=\"/ansatt/saker/").skip(1).filter_map(|rest| rest.split('"').next()).filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric())).map(str::to_owned).collect()
}

struct Timing {
    page: String,
    /// Rows on an inbox page.
    rows: Option<usize>,
    p50: f64,
    p99: f64,
    health_p50: f64,
}

/// Times `path` and `/health` alternately, `rounds` times each after a warm-up.
async fn time_page(client: &reqwest::Client, base: &str, label: &str, path: &str, cookie: &str) -> Timing {
    let (_, body) = get(client, base, path, cookie).await;
    for _ in 0..3 {
        get(client, base, path, cookie).await;
        get(client, base, "/health", "").await;
    }
    let (mut page, mut health) = (Vec::new(), Vec::new());
    for _ in 0..rounds() {
        health.push(get(client, base, "/health", "").await.0);
        page.push(get(client, base, path, cookie).await.0);
    }
    let rows = if path.starts_with("/ansatt/saker?") || path == "/ansatt/saker" { Some(body.matches("class=\"ds-card").count()) } else { None };
    Timing { page: label.to_owned(), rows, p50: percentile(&page, 0.5), p99: percentile(&page, 0.99), health_p50: percentile(&health, 0.5) }
}

/// 8 staff each view the inbox 20 times, all at once; returns the server's (idle, peak) MiB.
async fn concurrent_viewers(base: &str, pid: u32, cookies: &[String]) -> (f64, f64) {
    let (idle, _) = memory(pid);
    reset_peak(pid);
    let mut tasks = Vec::new();
    for cookie in cookies {
        let (base, cookie) = (base.to_owned(), cookie.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            for _ in 0..20 {
                get(&client, &base, "/ansatt/saker", &cookie).await;
            }
        }));
    }
    for t in tasks {
        t.await.expect("viewer");
    }
    let (_, peak) = memory(pid);
    (idle, peak)
}

struct Stage {
    applications: u64,
    events: u64,
    timings: Vec<Timing>,
    memory: (f64, f64),
    /// Seconds from starting the process to its first `/health` answer.
    startup: f64,
}

async fn run(label: &str, url: &str, files: &str) -> (Vec<Stage>, Vec<(u64, String, f64)>) {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let mut stages = Vec::new();
    let mut seeds = Vec::new();
    let mut cookies: Vec<String> = Vec::new();
    let mut kari = String::new();
    let mut citizen = String::new();
    // Seeded applications so far (the demo's three are there throughout) and their events.
    let (mut applications, mut events) = (0u64, 0u64);
    for target in std::iter::once(0).chain(sizes()) {
        if target > 0 {
            let add = target.saturating_sub(applications);
            let (line, seconds) = seed(url, files, add);
            eprintln!("{label}: {line}");
            let added_events: u64 = line.split(" events").next().and_then(|h| h.rsplit('(').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
            events += added_events;
            applications += add;
            seeds.push((add, line, seconds));
        }
        // A key of its own per size: the API's rate limit counts per key and minute.
        let api = api_key(url, files);
        let started = Instant::now();
        let server = Server::start(url, files);
        server.ready(&client).await;
        let startup = started.elapsed().as_secs_f64();
        if cookies.is_empty() {
            citizen = citizen_sign_in(&client, &server.base, &kari_fnr()).await;
            for who in VIEWERS {
                cookies.push(sign_in(&client, &server.base, who).await);
            }
            // With only the demo's data, the first open case is Kari's emergency application.
            let (_, inbox) = get(&client, &server.base, "/ansatt/saker", &cookies[0]).await;
            kari = case_ids(&inbox).into_iter().next().expect("Kari's emergency application in NAV Frogner's inbox");
        }
        let sara = cookies[0].clone();
        let (_, inbox) = get(&client, &server.base, "/ansatt/saker", &sara).await;
        let top = case_ids(&inbox).into_iter().next().expect("a case at the top of the inbox");
        let mut timings = Vec::new();
        for (page, path, who) in [
            ("inbox, first page", "/ansatt/saker".to_owned(), &sara),
            ("inbox ?vis=frist-ute", "/ansatt/saker?vis=frist-ute".to_owned(), &sara),
            ("inbox ?vis=mine", "/ansatt/saker?vis=mine".to_owned(), &sara),
            ("inbox ?vis=alle", "/ansatt/saker?vis=alle".to_owned(), &sara),
            ("inbox ?vis=nye", "/ansatt/saker?vis=nye".to_owned(), &sara),
            ("inbox search by name (?sok=Nordmann)", "/ansatt/saker?sok=Nordmann".to_owned(), &sara),
            ("inbox search by fødselsnummer (Kari's)", format!("/ansatt/saker?vis=alle&sok={}", kari_fnr()), &sara),
            ("case file (Kari's emergency)", format!("/ansatt/saker/{kari}"), &sara),
            ("case file (top of the inbox)", format!("/ansatt/saker/{top}"), &sara),
            ("citizen: My applications (Kari)", "/mine-soknader".to_owned(), &citizen),
            ("citizen: her emergency application's page", format!("/mine-soknader/{kari}"), &citizen),
            ("API: new applications, first page (Oslo)", "/api/v1/soknader?antall=50".to_owned(), &api),
            ("API: change feed, first page (Oslo)", "/api/v1/hendelser?antall=50".to_owned(), &api),
        ] {
            timings.push(time_page(&client, &server.base, page, &path, who).await);
        }
        let memory = concurrent_viewers(&server.base, server.pid(), &cookies).await;
        eprintln!("{label}: measured at {applications} applications");
        server.stop();
        stages.push(Stage { applications, events, timings, memory, startup });
    }
    (stages, seeds)
}

fn print(label: &str, stages: &[Stage], seeds: &[(u64, String, f64)]) {
    let demo = &stages[0];
    // A demo-only inbox page has one or two rows; the smallest seeded size has full pages, so the
    // ratio to it is the growth with volume alone.
    let first = stages.iter().find(|s| s.events > 0).unwrap_or(demo);
    println!("\n{label}\n");
    println!("| applications (events) | page | rows | p50 ms | p99 ms | GET /health p50 ms | × /health (≤ 10) | × demo only (≤ 3) | × {} applications |", first.applications);
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for s in stages {
        let size = if s.events == 0 { "demo only".to_owned() } else { format!("{} ({} events)", s.applications, s.events) };
        for ((t, d), f) in s.timings.iter().zip(&demo.timings).zip(&first.timings) {
            let rows = t.rows.map_or_else(|| "–".to_owned(), |n| n.to_string());
            println!(
                "| {size} | {} | {rows} | {:.2} | {:.2} | {:.2} | {:.1} | {:.2} | {:.2} |",
                t.page,
                t.p50,
                t.p99,
                t.health_p50,
                t.p50 / t.health_p50,
                t.p50 / d.p50,
                t.p50 / f.p50
            );
        }
    }
    println!("\n| applications | server RSS before, MiB | peak RSS with 8 staff viewing the inbox at once, MiB (< 100) | start-up, s |");
    println!("|---|---:|---:|---:|");
    for s in stages {
        let size = if s.events == 0 { "demo only".to_owned() } else { s.applications.to_string() };
        println!("| {size} | {:.1} | {:.1} | {:.2} |", s.memory.0, s.memory.1, s.startup);
    }
    println!("\n| seeded applications | `velferd admin seed` said | seconds |");
    println!("|---:|---|---:|");
    for (n, line, seconds) in seeds {
        println!("| {n} | {line} | {seconds:.1} |");
    }
}

#[tokio::main]
async fn main() {
    let dir = TempDir(std::env::temp_dir().join(format!("velferd-inbox-bench-{}", std::process::id())));
    {
        let sqlite = TempDir(dir.0.join("sqlite"));
        std::fs::create_dir_all(&sqlite.0).expect("dir");
        let files = sqlite.0.join("files").display().to_string();
        let url = format!("sqlite://{}/bench.db?mode=rwc", sqlite.0.display());
        let (stages, seeds) = run("sqlite", &url, &files).await;
        print("SQLite", &stages, &seeds);
    }
    if let Ok(admin_url) = std::env::var("VELFERD_BENCH_POSTGRES_URL") {
        use sqlx::{Connection, Executor};
        let name = format!("velferd_bench_inbox_{}", std::process::id());
        let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to VELFERD_BENCH_POSTGRES_URL");
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create bench database");
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
        let url = format!("{base}/{name}");
        let files = dir.0.join("pg-files").display().to_string();
        // Run apart, so that the database is dropped even when a step fails.
        let outcome = tokio::spawn(async move { run("postgres", &url, &files).await }).await;
        admin.execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str()).await.expect("drop bench database");
        match outcome {
            Ok((stages, seeds)) => print("PostgreSQL", &stages, &seeds),
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}
