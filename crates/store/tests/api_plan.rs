//! The API's list of new applications reads a page from an index, in order, whatever the backlog:
//! a few thousand unacknowledged applications (and acknowledged ones, and another
//! municipality's), then the plan of the first page and of a page in the middle must be an index
//! range scan with no sort, with the values and without them (a prepared statement's generic
//! plan). PostgreSQL, where the backlog made the first page 6.5× slower from 1 000 to 100 000
//! applications, and SQLite.

#![allow(clippy::unwrap_used)]

use velferd_domain::application::Answers;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::{testing, ApiClient, NewApplication, Store};

const OSLO: usize = 2400;
const BERGEN: usize = 600;
const ACKNOWLEDGED: usize = 300;

fn person(i: usize) -> Fodselsnummer {
    let base = format!("{:02}{:02}9{:1}", (i % 28) + 1, 81 + (i / 28) % 12, (i / 336) % 10);
    (0..1000).find_map(|n| Fodselsnummer::with_check_digits(&format!("{base}{n:03}"))).expect("a synthetic number")
}

fn application(kommune: &str, enhet: &str) -> NewApplication {
    NewApplication {
        summary: Vec::new(),
        kommunenummer: Kommunenummer::parse(kommune).expect("kommune"),
        enhetsnummer: enhet.into(),
        emergency: false,
        soknad_json: serde_json::json!({"version": "1.0.0"}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "status": "MOTTATT"})],
        documents: vec![],
    }
}

/// Sends `count` applications to `kommune`, the `n`th at `start + n` ms (every fifth shares its
/// time with the one before, so the cursor's tie-break by id matters), with store functions only.
async fn seed(store: &Store, kommune: &str, enhet: &str, first: usize, count: usize, start: i64) -> Vec<String> {
    let mut tasks = Vec::new();
    for worker in 0..8 {
        let store = store.clone();
        let (kommune, enhet) = (kommune.to_owned(), enhet.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for n in (worker..count).step_by(8) {
                let owner = person(first + n);
                let at = start + (n - n % 5 / 4) as i64;
                let draft = store.create_draft(&owner, &Kommunenummer::parse(&kommune).unwrap(), &Answers::default(), at).await.expect("draft");
                let sent = store.submit(&draft.id, &owner, &application(&kommune, &enhet), at).await.expect("send").expect("sent");
                ids.push((n, sent.id));
            }
            ids
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("seeding task"));
    }
    all.sort();
    all.into_iter().map(|(_, id)| id).collect()
}

/// A plan that reads the page from an index in order: an index (only) scan, no sort of its own,
/// and not the whole table.
fn assert_index_range_scan(plan: &str, what: &str) {
    let lower = plan.to_lowercase();
    assert!(!lower.contains("seq scan") && !lower.contains("scan applications\n") && !lower.ends_with("scan applications"), "{what}: reads the whole table:\n{plan}");
    assert!(!lower.contains("sort") && !lower.contains("temp b-tree"), "{what}: sorts instead of reading in index order:\n{plan}");
    assert!(
        lower.contains("index scan") || lower.contains("index only scan") || lower.contains("using index") || lower.contains("using covering index"),
        "{what}: no index scan:\n{plan}"
    );
}

#[tokio::test]
async fn the_api_list_is_an_index_range_scan_whatever_the_backlog() {
    for db in testing::all().await {
        let label = db.label;
        let store = Store::connect(&db.url).await.unwrap();
        let oslo_ids = seed(&store, "0301", "0312", 0, OSLO, 1_000_000).await;
        seed(&store, "4601", "1201", OSLO, BERGEN, 1_000_000).await;
        let key = store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo", 0).await.unwrap();
        let client: ApiClient = store.api_client(&key.secret).await.unwrap().expect("client");
        for id in oslo_ids.iter().take(ACKNOWLEDGED) {
            assert!(store.acknowledge(&client, id, 2_000_000).await.unwrap());
        }
        if store.backend() == velferd_store::Backend::Postgres {
            // What autovacuum would do on a live database: statistics of the backlog.
            let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&db.url).await.unwrap();
            sqlx::Executor::execute(&mut conn, "ANALYZE applications").await.unwrap();
        }

        // The pages are right, in order and complete: the plan is not bought with a wrong answer.
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = store.unacknowledged(&client, after.clone(), 500).await.unwrap();
            if page.is_empty() {
                break;
            }
            let last = page.last().unwrap();
            after = Some((last.2, last.0.clone()));
            seen.extend(page.into_iter().map(|(id, _, ms)| (ms, id)));
        }
        assert_eq!(seen.len(), OSLO - ACKNOWLEDGED, "{label}: every unacknowledged application once");
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{label}: oldest first, ties by id");

        let middle = Some(seen[seen.len() / 2].clone());
        for (after, page) in [(None, "first page"), (middle, "a page in the middle")] {
            let plan = store.explain_unacknowledged(&client, after.clone(), 101, false).await.unwrap();
            assert_index_range_scan(&plan, &format!("{label}: {page}"));
            if store.backend() == velferd_store::Backend::Postgres {
                let generic = store.explain_unacknowledged(&client, after.clone(), 101, true).await.unwrap();
                assert_index_range_scan(&generic, &format!("{label}: {page}, generic plan"));
                // The cursor bounds the scan itself (an index condition), not a filter over
                // everything before it.
                assert!(plan.contains("Index Cond") && plan.contains("sent_ms") && !plan.contains("Filter"), "{label}: {page}: the cursor is a filter:\n{plan}");
                assert!(generic.contains("Index Cond") && !generic.contains("Filter"), "{label}: {page}: generic plan filters:\n{generic}");
            }
        }
        store.close().await;
    }
}
