//! `velferd admin seed` as a benchmark script runs it: synthetic applications on top of the demo,
//! on SQLite and PostgreSQL, and a refusal for a database that holds real people's data.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use velferd_domain::application::Soker;
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{CaseAccess, Role};
use velferd_store::{testing, Files, InboxQuery, LocalFiles, Store};

fn velferd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_velferd")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The number after `label` in `line` ("… (3012 events, …").
fn number_before(line: &str, label: &str) -> u64 {
    let head = &line[..line.find(label).unwrap_or_else(|| panic!("{label} in {line}"))];
    head.trim_end().rsplit([' ', '(']).next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn seeding_adds_synthetic_cases_beside_the_demo_and_refuses_real_data_without_force() {
    for db in testing::all().await {
        let dir = testing::temp_dir();
        let files_dir = dir.0.join("files");
        let files_arg = files_dir.display().to_string();
        let store = Store::connect(&db.url).await.unwrap();
        velferd_web::seed_demo_people(&store).await.unwrap();
        velferd_web::seed_demo_cases(&store, &LocalFiles::new(&files_dir), &velferd_web::default_kommuner(), velferd_web::now_ms() - 1000).await.unwrap();
        assert_eq!(store.count_applications().await.unwrap(), 3);

        let out = velferd(&["admin", "seed", "--applications", "1400", "--events-per-application", "10", "--database", &db.url, "--files", &files_arg]);
        assert!(out.status.success(), "{}: {}", db.label, text(&out.stderr));
        let line = text(&out.stdout);
        assert!(line.starts_with("seeded 1400 applications"), "{line}");
        let events = number_before(&line, "events");
        assert!((11_900..=16_100).contains(&events), "{}: about 10 events per application: {line}", db.label);
        assert_eq!(store.count_applications().await.unwrap(), 1403, "{}: the demo's three and the seeded", db.label);
        assert_eq!(store.count_seeded_applications().await.unwrap(), 1400);

        // NAV Frogner's inbox now has seeded cases with names from the register, and the status
        // projection of each is what a full fold of its events and documents gives.
        let sara = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let query = |filter, page| InboxQuery { filter, me: "demo-sara".into(), search: String::new(), page, page_size: 50, now: velferd_web::now_ms() };
        let mut all = Vec::new();
        for page in 0.. {
            let found = store.inbox(&sara, &query(InboxFilter::All, page)).await.unwrap();
            all.extend(found.rows);
            if !found.more {
                break;
            }
        }
        assert!(all.len() > 100 && all.len() < 400, "{}: about a seventh of the applications: {}", db.label, all.len());
        assert!(all.iter().all(|r| !r.name.is_empty() && r.reference.starts_with("VF-")), "{}", db.label);
        for row in all.iter().step_by(3) {
            let stored = store.case_state_of(&row.id).await.unwrap().unwrap();
            let p = store.computed_projection(&row.id).await.unwrap().unwrap();
            assert_eq!(
                (stored.status, stored.open, stored.decided, stored.forelopig_svar, stored.open_requests, stored.next_deadline_ms),
                (p.status, p.open, p.decided, p.forelopig_svar, p.open_requests, p.next_deadline),
                "{}: {}",
                db.label,
                row.reference
            );
        }
        let states: std::collections::BTreeSet<_> = all.iter().map(|r| (r.state.open, r.state.decided)).collect();
        assert!(states.len() >= 3, "{}: open, decided and not-processed cases: {states:?}", db.label);
        assert!(!store.inbox(&sara, &query(InboxFilter::DocumentsOverdue, 0)).await.unwrap().rows.is_empty(), "{}: some requests are overdue", db.label);
        assert!(!store.inbox(&sara, &query(InboxFilter::Mine, 0)).await.unwrap().rows.is_empty(), "{}: the demo caseworker has cases", db.label);
        // Every seeded document and letter opens: they point to one PDF in the file store.
        let files = LocalFiles::new(&files_dir);
        for row in all.iter().filter(|r| r.state.decided).take(3) {
            let owner = Fodselsnummer::parse(&store.owner_of(&row.id).await.unwrap().unwrap()).unwrap();
            let letters = store.letters(&row.id, &owner).await.unwrap();
            assert!(!letters.is_empty(), "{}: a decision letter", db.label);
            assert!(files.get(&letters[0].sha256).await.unwrap().is_some_and(|pdf| pdf.starts_with(b"%PDF")));
        }

        // A database with a real person's data is refused, and nothing is added.
        let real = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("01019012{d}"))).unwrap();
        store.upsert_person(&Soker { fnr: real, fornavn: "Ekte".into(), mellomnavn: String::new(), etternavn: "Person".into(), adresse: None }).await.unwrap();
        let refused = velferd(&["admin", "seed", "--applications", "10", "--database", &db.url, "--files", &files_arg]);
        assert_eq!(refused.status.code(), Some(1), "{}", db.label);
        let why = text(&refused.stderr);
        assert!(why.contains("refusing to seed") && why.contains("1 people in the register") && why.contains("--force"), "{why}");
        assert_eq!(store.count_applications().await.unwrap(), 1403);
        let forced = velferd(&["admin", "seed", "--applications", "10", "--force", "--database", &db.url, "--files", &files_arg]);
        assert!(forced.status.success(), "{}", text(&forced.stderr));
        assert_eq!(store.count_applications().await.unwrap(), 1413);

        let usage = velferd(&["admin", "seed", "--applications", "10", "--events-per-application", "1", "--database", &db.url]);
        assert_eq!(usage.status.code(), Some(2), "fewer than the two events sending writes is a usage error");
        store.close().await;
    }
}
