//! What one "send" (and one page view) costs the database: the SQL statements the request runs, counted from sqlx's own
//! statement log. Sending is the busiest write a municipality has (issue 13, "Sending costs what it
//! must"); each statement is a round trip — on SQLite a hand-over to the connection's worker thread
//! and back — so their number is the cost the sending bench (`cargo bench -p velferd --bench
//! sending`) sees. This test holds the count, so a change that adds statements to a send is noticed.

#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use tracing::{span, Event, Metadata, Subscriber};
use velferd_testkit::{fill_in, TestApp};

/// Counts sqlx's statement log events (target `sqlx::query`); everything else is ignored.
struct CountStatements;

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);
/// Of those, the ones that write (INSERT, UPDATE, DELETE): each a commit, with its fsync.
static WRITES: AtomicUsize = AtomicUsize::new(0);

impl Subscriber for CountStatements {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> tracing::subscriber::Interest {
        if metadata.target() == "sqlx::query" {
            tracing::subscriber::Interest::always()
        } else {
            tracing::subscriber::Interest::never()
        }
    }
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target() == "sqlx::query"
    }
    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }
    fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
        span::Id::from_u64(1)
    }
    fn record(&self, _: &span::Id, _: &span::Record<'_>) {}
    fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}
    fn event(&self, event: &Event<'_>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        struct Summary(String);
        impl tracing::field::Visit for Summary {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                if field.name() == "summary" {
                    self.0 = format!("{value:?}");
                }
            }
            fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
                if field.name() == "summary" {
                    self.0 = value.to_owned();
                }
            }
        }
        let mut summary = Summary(String::new());
        event.record(&mut summary);
        // A connection the pool opens meanwhile sets itself up (SQLite's PRAGMAs, PostgreSQL's SETs):
        // that belongs to the pool, not to the send.
        let setup = summary.0.trim_start_matches('"').to_uppercase();
        if setup.starts_with("PRAGMA") || setup.starts_with("SET ") {
            return;
        }
        STATEMENTS.fetch_add(1, Ordering::SeqCst);
        if ["INSERT", "UPDATE", "DELETE"].iter().any(|w| setup.starts_with(w)) {
            WRITES.fetch_add(1, Ordering::SeqCst);
        }
        if std::env::var("VELFERD_SHOW_STATEMENTS").is_ok() {
            eprintln!("  {}", summary.0);
        }
    }
    fn enter(&self, _: &span::Id) {}
    fn exit(&self, _: &span::Id) {}
}

/// At most this many statements (round trips) for one send of a filled-in application without
/// files, from the request's session to the receipt's redirect, per database. It was 24 (SQLite)
/// and 25 (PostgreSQL) before the send stopped reading back what it had just written (issue 13),
/// then 15 and 16; on SQLite the send's writes after claiming the draft and taking its files now
/// go to the database as one batch (`store/src/batch.rs`), and the draft, its files and choices
/// and the person are read in one call (`Store::draft_to_send`: 10 before). BEGIN and COMMIT are
/// not in sqlx's log.
fn most_statements_per_send(label: &str) -> usize {
    match label {
        "sqlite" => 7,
        _ => 16,
    }
}

#[tokio::test]
async fn a_send_and_a_page_view_cost_what_they_must() {
    tracing::subscriber::set_global_default(CountStatements).unwrap();
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut counts = Vec::new();
        for person in ["Kari", "Ola", "Amina"] {
            let mut b = app.browser("nb");
            b.sign_in(person).await;
            let draft = fill_in(&mut b, "0301").await;
            b.get(&format!("/soknad/{draft}/oppsummering")).await;
            // The server's own background work (the notifier) must not count: wait for quiet.
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let before = STATEMENTS.load(Ordering::SeqCst);
            let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
            let after = STATEMENTS.load(Ordering::SeqCst);
            assert!(sent.location.as_deref().is_some_and(|l| l.contains("/kvittering/")), "{label}: {}", sent.body);
            counts.push(after - before);
        }
        eprintln!("{label}: statements per send: {counts:?}");
        // The server's background work (the notifier's rounds) can only add to a count, never
        // take away: the fewest seen is the send's own.
        let least = counts.iter().copied().min().unwrap();
        let most = most_statements_per_send(label);
        assert!(least <= most, "{label}: a send ran {least} statements (at most {most}): {counts:?}");

        // Looking at a step of the application writes nothing: every page view used to write the
        // session back (a commit and an fsync each, and on SQLite a turn at the one writer),
        // because taking the answers kept for after sign-in marked it changed even when there
        // were none. The first page after signing in needs no write for its form token either.
        let mut b = app.browser("nb");
        b.sign_in("Kari").await;
        let mut writes = Vec::new();
        let mut look = async |b: &mut velferd_testkit::Browser, path: String| {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let (before, statements) = (WRITES.load(Ordering::SeqCst), STATEMENTS.load(Ordering::SeqCst));
            let page = b.get(&path).await;
            assert_eq!(page.status, 200, "{label}: GET {path}");
            eprintln!("{label}: GET {path}: {} statements", STATEMENTS.load(Ordering::SeqCst) - statements);
            writes.push((path, WRITES.load(Ordering::SeqCst) - before));
        };
        look(&mut b, "/soknad".to_owned()).await;
        let started = b.post("/soknad", &[("kommune", "0301")]).await;
        let draft = started.location.unwrap().trim_start_matches("/soknad/").split('/').next().unwrap().to_owned();
        for step in ["nodhjelp", "behov", "personalia"] {
            look(&mut b, format!("/soknad/{draft}/{step}")).await;
        }
        eprintln!("{label}: writes per page view: {writes:?}");
        // Background work can only add: most views must have written nothing.
        assert!(writes.iter().filter(|(_, n)| *n == 0).count() >= 3, "{label}: looking at pages wrote to the database: {writes:?}");
    }
}
