//! Benchmark: what sending an application costs, against what the database can commit. Starts the
//! real server (`velferd serve --demo`, a process of its own) on a fresh database for each number
//! of citizens sending at once (1, 10, 50), and measures, in the same run on the same machine:
//!
//! - **sends**: citizens with finished drafts (filled in beforehand, over HTTP) all press "send"
//!   at once; sends per second, p50 and p99 of one send, the server's CPU time per send (from
//!   `/proc/PID/stat`) and its peak memory (`VmHWM`);
//! - **whole applications**: other citizens each sign in, fill in every step and send, all at
//!   once; applications per second from sign-in to receipt;
//! - **raw commits**: the same number of connections each committing one-row inserts, one commit
//!   each, on the same kind of database with the same durability settings (SQLite: a file beside
//!   Velferd's, WAL and `synchronous = FULL` as Velferd sets them; PostgreSQL: a table in the same
//!   database) — the rate no send can beat without group commit.
//!
//! The ratios (sends/s ÷ raw commits/s) are what issue 13 sets goals for. The people who apply
//! are synthetic, made by `velferd admin seed`, which also gives the office a backlog.
//!
//! Run: `cargo bench -p velferd --bench sending` (add `VELFERD_BENCH_POSTGRES_URL=postgres://…`
//! for PostgreSQL: a fresh database per run on that server, dropped after). Linux only (`/proc`).
//! Prints markdown tables.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{cpu_time, fresh_postgres, full, memory, percentile, reset_peak, seed, Server, TempDir};
use velferd_testkit::{fill_in, Browser};

/// Citizens sending at once.
fn levels() -> Vec<usize> {
    if full() {
        vec![1, 10, 50]
    } else {
        vec![1, 3]
    }
}

/// (sends, whole applications) per level. Every sign-in counts against the demo sign-in's limit
/// per address (300 in 10 minutes), so the two stay under it together.
fn counts(level: usize) -> (usize, usize) {
    if full() {
        ((level * 4).clamp(100, 200), (level * 2).clamp(20, 80))
    } else {
        (level * 2, level)
    }
}

/// Signs in as `fnr` (a person in the register) through the demo sign-in.
async fn sign_in(base: &str, fnr: &str) -> Browser {
    let mut b = Browser::new(base, "nb");
    b.get("/logg-inn").await;
    let done = b.post("/logg-inn/demo", &[("fnr", fnr), ("neste", "/soknad")]).await;
    assert!(done.status.is_redirection(), "demo sign-in as a seeded person: {}", done.status);
    b
}

/// Sends the draft as the summary page does; panics unless the answer is the receipt's redirect.
async fn send(b: &mut Browser, draft: &str) {
    let page = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    assert!(page.status.is_redirection() && page.location.as_deref().is_some_and(|l| l.contains("kvittering")), "send: {} {:?}", page.status, page.location);
}

/// People the seed made who may apply (synthetic, no protected address), `n` of them, in order.
async fn people(url: &str, n: usize) -> Vec<String> {
    use sqlx::{Connection, Row};
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("read the seeded people");
    let rows = sqlx::query("SELECT fnr FROM people WHERE adressebeskyttelse IS NULL ORDER BY fnr").fetch_all(&mut conn).await.expect("people");
    let fnrs: Vec<String> = rows.iter().map(|r| r.get::<String, _>("fnr")).collect();
    assert!(fnrs.len() >= n, "the seed made {} people, {n} are needed", fnrs.len());
    fnrs.into_iter().take(n).collect()
}

/// Runs `work(i)` for i in 0..n on `workers` tasks at once; returns the wall time.
async fn at_once<F, Fut>(n: usize, workers: usize, work: F) -> Duration
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let work = Arc::new(work);
    let start = Instant::now();
    let tasks: Vec<_> = (0..workers)
        .map(|_| {
            let (next, work) = (next.clone(), work.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= n {
                        break;
                    }
                    work(i).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("a worker failed");
    }
    start.elapsed()
}

/// With `VELFERD_BENCH_PROFILE=sends` (or `whole`), before that phase at the most citizens: writes
/// the server's process id to `$TMPDIR/velferd-bench-server.pid` and waits 3 s, for a profiler to
/// attach (`perf record -p PID`, see the README's Benchmarks).
async fn pause_for_profiler(phase: &str, level: usize, pid: u32) {
    if std::env::var("VELFERD_BENCH_PROFILE").is_ok_and(|v| v == phase) && Some(&level) == levels().last() {
        std::fs::write(std::env::temp_dir().join("velferd-bench-server.pid"), pid.to_string()).expect("write the server's pid");
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
}

/// One-row durable commits per second on `workers` connections at once: the database's own rate.
async fn raw_commits(kind: &str, url: &str, dir: &std::path::Path, workers: usize) -> f64 {
    let commits = if full() { 3000 } else { 60 };
    let url = if kind == "sqlite" { format!("sqlite://{}/raw.db?mode=rwc", dir.display()) } else { url.to_owned() };
    sqlx::any::install_default_drivers();
    let sqlite = kind == "sqlite";
    // The same settings as Velferd's own pool (crates/store/src/lib.rs).
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(workers as u32)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if sqlite {
                    use sqlx::Executor;
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 15000;").await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .expect("raw commit database");
    sqlx::query("CREATE TABLE IF NOT EXISTS bench_raw_commits (id TEXT PRIMARY KEY, at_ms BIGINT NOT NULL)").execute(&pool).await.expect("table");
    let took = at_once(commits, workers, move |i| {
        let pool = pool.clone();
        async move {
            sqlx::query("INSERT INTO bench_raw_commits (id, at_ms) VALUES ($1, $2)")
                .bind(format!("{}-{i}", std::process::id()))
                .bind(i as i64)
                .execute(&pool)
                .await
                .expect("raw commit");
        }
    })
    .await;
    commits as f64 / took.as_secs_f64()
}

/// A signed-in citizen with a finished draft (its id), taken by the worker that sends it.
type Ready = Option<(Browser, String)>;

struct Row {
    level: usize,
    sends: usize,
    sends_per_s: f64,
    p50: f64,
    p99: f64,
    cpu_ms_per_send: f64,
    peak_mib: f64,
    wholes: usize,
    wholes_per_s: f64,
    whole_p50: f64,
    raw_per_s: f64,
}

async fn run(kind: &str, make_url: impl AsyncFn(usize) -> (String, Option<String>)) -> Vec<Row> {
    let mut rows = Vec::new();
    for level in levels() {
        let dir = TempDir(std::env::temp_dir().join(format!("velferd-sending-bench-{}-{kind}-{level}", std::process::id())));
        std::fs::create_dir_all(&dir.0).expect("dir");
        let files = dir.0.join("files").display().to_string();
        let (url, pg_name) = make_url(level).await;
        let url = if kind == "sqlite" { format!("sqlite://{}/velferd.db?mode=rwc", dir.0.display()) } else { url };
        let (sends, wholes) = counts(level);
        // The office's backlog, and the people who will apply (each sends once: the sending limit
        // is per person).
        seed(&url, &files, ((sends + wholes) as u64 * 2).max(1000));
        let fnrs = people(&url, sends + wholes).await;
        let client = reqwest::Client::new();
        let server = Server::start(&url, &files);
        server.ready(&client).await;
        let base = server.base.clone();

        // Finished drafts, filled in beforehand (not timed), eight citizens at a time.
        let ready: Arc<tokio::sync::Mutex<Vec<Ready>>> = Arc::new(tokio::sync::Mutex::new((0..sends).map(|_| None).collect()));
        {
            let (ready, fnrs, base) = (ready.clone(), fnrs.clone(), base.clone());
            at_once(sends, 8, move |i| {
                let (ready, fnr, base) = (ready.clone(), fnrs[i].clone(), base.clone());
                async move {
                    let mut b = sign_in(&base, &fnr).await;
                    let draft = fill_in(&mut b, "0301").await;
                    b.get(&format!("/soknad/{draft}/oppsummering")).await;
                    ready.lock().await[i] = Some((b, draft));
                }
            })
            .await;
        }

        // Everyone presses "send" at once.
        let pid = server.pid();
        pause_for_profiler("sends", level, pid).await;
        reset_peak(pid);
        let cpu_before = cpu_time(pid);
        let latencies = Arc::new(tokio::sync::Mutex::new(Vec::new()));
        let took = {
            let (ready, latencies) = (ready.clone(), latencies.clone());
            at_once(sends, level, move |i| {
                let (ready, latencies) = (ready.clone(), latencies.clone());
                async move {
                    let (mut b, draft) = ready.lock().await[i].take().expect("a finished draft");
                    let start = Instant::now();
                    send(&mut b, &draft).await;
                    latencies.lock().await.push(start.elapsed());
                }
            })
            .await
        };
        let cpu = cpu_time(pid).saturating_sub(cpu_before);
        let peak = memory(pid).1;
        let latencies = latencies.lock().await.clone();

        pause_for_profiler("whole", level, pid).await;
        // Whole applications, from sign-in to receipt.
        let whole_times = Arc::new(tokio::sync::Mutex::new(Vec::new()));
        let whole_took = {
            let (fnrs, base, whole_times) = (fnrs[sends..].to_vec(), base.clone(), whole_times.clone());
            at_once(wholes, level, move |i| {
                let (fnr, base, whole_times) = (fnrs[i].clone(), base.clone(), whole_times.clone());
                async move {
                    let start = Instant::now();
                    let mut b = sign_in(&base, &fnr).await;
                    let draft = fill_in(&mut b, "0301").await;
                    b.get(&format!("/soknad/{draft}/oppsummering")).await;
                    send(&mut b, &draft).await;
                    whole_times.lock().await.push(start.elapsed());
                }
            })
            .await
        };
        let whole_times = whole_times.lock().await.clone();
        server.stop();

        let raw = raw_commits(kind, &url, &dir.0, level).await;
        if let Some(name) = pg_name {
            common::drop_postgres(&name).await;
        }
        rows.push(Row {
            level,
            sends,
            sends_per_s: sends as f64 / took.as_secs_f64(),
            p50: percentile(&latencies, 0.5),
            p99: percentile(&latencies, 0.99),
            cpu_ms_per_send: cpu.as_secs_f64() * 1000.0 / sends as f64,
            peak_mib: peak,
            wholes,
            wholes_per_s: wholes as f64 / whole_took.as_secs_f64(),
            whole_p50: percentile(&whole_times, 0.5),
            raw_per_s: raw,
        });
    }
    rows
}

fn print(label: &str, rows: &[Row]) {
    println!("\n{label}\n");
    println!("| citizens at once | sends | sends/s | p50 ms | p99 ms | server CPU ms per send | peak server MiB | raw one-row commits/s | sends ÷ raw (goal ≥ 0.25) | whole applications/s | p50 s | whole ÷ raw (goal ≥ 0.05) |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {} | {:.0} | {:.1} | {:.1} | {:.2} | {:.1} | {:.0} | {:.3} | {:.1} ({}) | {:.2} | {:.4} |",
            r.level,
            r.sends,
            r.sends_per_s,
            r.p50,
            r.p99,
            r.cpu_ms_per_send,
            r.peak_mib,
            r.raw_per_s,
            r.sends_per_s / r.raw_per_s,
            r.wholes_per_s,
            r.wholes,
            r.whole_p50 / 1000.0,
            r.wholes_per_s / r.raw_per_s,
        );
    }
}

#[tokio::main]
async fn main() {
    let sqlite = run("sqlite", async |_| (String::new(), None)).await;
    print("SQLite", &sqlite);
    if std::env::var("VELFERD_BENCH_POSTGRES_URL").is_ok() {
        let pg = run("postgres", async |level| {
            let (url, name) = fresh_postgres(&format!("sending{level}")).await.expect("VELFERD_BENCH_POSTGRES_URL");
            (url, Some(name))
        })
        .await;
        print("PostgreSQL", &pg);
    }
}
