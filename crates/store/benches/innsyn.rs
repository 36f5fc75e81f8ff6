//! Benchmark: the citizen's view of an application with 10 000 events, and a case system's list of
//! 1 000 new applications, each against reading the same rows raw from the same database in the
//! same process. Goal: within 2x of raw. Run: `cargo bench -p velferd-store` (add
//! `VELFERD_BENCH_POSTGRES_URL=postgres://…` for PostgreSQL too: a fresh database is made on that
//! server for the run and dropped after). Prints a table; Velferd's call and the raw read are timed
//! alternately so both see the same machine.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use serde_json::json;
use sqlx::Row;
use velferd_domain::application::Answers;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_formats::soker::DigisosSoker;
use velferd_store::{NewApplication, Store};

/// Full sizes under `cargo bench`; `cargo test --all-targets` runs this binary too (without
/// `--bench`), and then a small smoke run keeps the test suite quick.
fn sizes() -> (usize, usize) {
    if std::env::args().any(|a| a == "--bench") {
        (10_000, 1_000)
    } else {
        (300, 50)
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Times Velferd's call and the raw read alternately, after one warm-up run of each, so both see
/// the same machine (other processes, caches) and the ratio is fair even on a busy machine.
async fn compare<F, Fut, G, Gut>(runs: usize, mut ours: F, mut raw: G) -> (Duration, Duration)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
    G: FnMut() -> Gut,
    Gut: std::future::Future<Output = usize>,
{
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut sink = ours().await + raw().await;
    for _ in 0..runs {
        let start = Instant::now();
        sink += ours().await;
        a.push(start.elapsed());
        let start = Instant::now();
        sink += raw().await;
        b.push(start.elapsed());
    }
    assert!(sink > 0);
    (median(a), median(b))
}

fn event(i: usize) -> serde_json::Value {
    let at = velferd_formats::soknad::tidspunkt(1_781_000_000_000 + i as i64 * 1000);
    match i % 4 {
        0 => json!({"type": "soknadsStatus", "hendelsestidspunkt": at, "status": "UNDER_BEHANDLING"}),
        1 => {
            json!({"type": "utbetaling", "hendelsestidspunkt": at, "utbetalingsreferanse": format!("P{}", i % 50), "saksreferanse": "S1", "status": "UTBETALT", "belop": 1000.0 + i as f64})
        }
        2 => json!({"type": "saksStatus", "hendelsestidspunkt": at, "referanse": format!("S{}", i % 10), "tittel": "Livsopphold", "status": "UNDER_BEHANDLING"}),
        _ => json!({"type": "vilkar", "hendelsestidspunkt": at, "vilkarreferanse": format!("V{}", i % 20), "tittel": "Vilkår", "status": "RELEVANT"}),
    }
}

async fn run(label: &str, url: &str) -> Vec<(String, Duration, Duration)> {
    let (events_n, applications_n) = sizes();
    let store = Store::connect(url).await.expect("connect");
    let owner = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("01019012{d}"))).expect("fnr");
    let kommune = Kommunenummer::parse("0301").expect("kommune");
    let new = |events: Vec<serde_json::Value>| NewApplication {
        summary: Vec::new(),
        kommunenummer: kommune.clone(),
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: json!({"version": "1.0.0"}),
        vedlegg_json: json!({"vedlegg": []}),
        answers: Answers::default(),
        events,
        documents: vec![],
    };
    let draft = store.create_draft(&owner, &kommune, &Answers::default(), 0).await.expect("draft");
    let big = store.submit(&draft.id, &owner, &new(vec![]), 0).await.expect("submit").expect("sent");
    let events: Vec<_> = (0..events_n).map(event).collect();
    for chunk in events.chunks(1000) {
        store.append_events(&big.id, chunk, 0).await.expect("events");
    }
    for i in 0..applications_n {
        let d = store.create_draft(&owner, &kommune, &Answers::default(), i as i64).await.expect("draft");
        store.submit(&d.id, &owner, &new(vec![]), i as i64).await.expect("submit");
    }
    let key = store.create_api_key(&kommune, "bench", 0).await.expect("key");
    let client = store.api_client(&key.secret).await.expect("client").expect("client");

    let pool = sqlx::AnyPool::connect(url).await.expect("raw pool");
    let (fold, raw_events) = compare(
        21,
        || async {
            let events = store.event_texts(&big.id, &owner).await.expect("events");
            let doc = DigisosSoker::from_event_texts("bench", &events).expect("doc");
            let view = velferd_domain::innsyn::fold(&doc);
            view.saker.len() + view.utbetalinger.len()
        },
        || async {
            let rows = sqlx::query("SELECT kind, payload FROM events WHERE application_id = $1 ORDER BY seq").bind(&big.id).fetch_all(&pool).await.expect("raw");
            rows.iter().map(|r| r.get::<String, _>("payload").len() + r.get::<String, _>("kind").len()).sum::<usize>()
        },
    )
    .await;
    let (list, raw_list) = compare(
        21,
        || async { store.unacknowledged(&client, None, 1001).await.expect("list").len() },
        || async {
            // The same statement the store runs, so the ratio is the cost of Velferd's code around it.
            let rows = sqlx::query(
                "SELECT id, reference, sent_ms FROM applications
                 WHERE kommunenummer = $1 AND acknowledged_ms IS NULL AND (sent_ms > $2 OR (sent_ms = $2 AND id > $3))
                 ORDER BY sent_ms, id LIMIT $4",
            )
            .bind("0301")
            .bind(i64::MIN)
            .bind("")
            .bind(1001i64)
            .fetch_all(&pool)
            .await
            .expect("raw");
            rows.iter().map(|r| r.get::<String, _>("id").len()).sum::<usize>()
        },
    )
    .await;
    vec![(format!("{label}: fold {events_n} events (innsyn)"), fold, raw_events), (format!("{label}: list {applications_n} new applications (API)"), list, raw_list)]
}

#[tokio::main]
async fn main() {
    sqlx::any::install_default_drivers();
    let dir = std::env::temp_dir().join(format!("velferd-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut rows = run("sqlite", &format!("sqlite://{}/bench.db?mode=rwc", dir.display())).await;
    if let Ok(admin_url) = std::env::var("VELFERD_BENCH_POSTGRES_URL") {
        // A fresh database for each run: rows left by earlier runs would change the plans.
        use sqlx::{Connection, Executor};
        let name = format!("velferd_bench_{}", std::process::id());
        let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to VELFERD_BENCH_POSTGRES_URL");
        admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create bench database");
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
        rows.extend(run("postgres", &format!("{base}/{name}")).await);
        admin.execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str()).await.expect("drop bench database");
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("| operation | Velferd (median) | raw rows (median) | ratio | goal ≤ 2× |");
    println!("|---|---|---|---|---|");
    for (name, ours, raw) in rows {
        let ratio = ours.as_secs_f64() / raw.as_secs_f64();
        println!("| {name} | {:.2} ms | {:.2} ms | {ratio:.2}× | {} |", ours.as_secs_f64() * 1000.0, raw.as_secs_f64() * 1000.0, if ratio <= 2.0 { "met" } else { "NOT met" });
    }
}
