//! Child-welfare concern reports on SQLite and PostgreSQL: a sent report is stored once however
//! often it is sent, keeps no trace of an anonymous reporter, is read only for its municipality
//! with every read (and refusal) in the audit log, and a step written from a stale page changes
//! nothing.

#![allow(clippy::unwrap_used)]

use velferd_domain::barnevern::{Child, Jurisdiction, Report, Reporter, Step, Urgency};
use velferd_domain::ids::Kommunenummer;
use velferd_store::{testing, AuditEntry, NewConcernReport, NewStep, Outcome, ReportProjection, Store};

fn report(kommune: &str, child: &str, acute: bool) -> Report {
    Report {
        kommune: Kommunenummer::parse(kommune).unwrap(),
        jurisdiction: Jurisdiction::Norway,
        child: Child { name: child.into(), fnr: None, birth_date: None, whereabouts: "Fjell skole".into() },
        concern: "Jeg hører roping og gråt hver kveld.".into(),
        urgency: if acute { Urgency::Akutt } else { Urgency::Vanlig },
        danger_now: acute,
        reporter: Reporter::Anonym,
    }
}

fn entry(action: &str, id: Option<&str>) -> AuditEntry {
    AuditEntry {
        actor: "staff:bente".into(),
        actor_name: "Bente Vik".into(),
        role: "barnevern".into(),
        office: Some("0301".into()),
        action: action.into(),
        person: None,
        application_id: id.map(str::to_owned),
        outcome: Outcome::Permit,
    }
}

fn projection(status: &'static str, deadline: i64, acute: bool) -> ReportProjection {
    ReportProjection { status, next_deadline_ms: Some(deadline), acute }
}

async fn send(store: &Store, key: &str, r: &Report, deadline: i64) -> (String, String) {
    let new = NewConcernReport { submit_key: key, report: r, files: &[], projection: projection("ny", deadline, r.acute()) };
    store.submit_concern_report(&new, None, 1_000).await.unwrap()
}

#[tokio::test]
async fn a_report_sent_twice_is_stored_once_and_keeps_nothing_of_an_anonymous_reporter() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let r = report("0301", "Emil", false);
        let first = send(&store, "token-1", &r, 5_000).await;
        let again = send(&store, "token-1", &r, 5_000).await;
        assert_eq!(first, again, "{}: the same receipt", db.label);
        assert!(first.1.starts_with("BM-") && first.1.len() == 11, "{}", first.1);
        let oslo = [Kommunenummer::parse("0301").unwrap()];
        let all = store.concern_reports(&oslo, true, 100, &entry("barnevern-liste", None), 2_000).await.unwrap();
        assert_eq!(all.len(), 1, "{}", db.label);
        assert_eq!(all[0].report.reporter, Reporter::Anonym);
        // Nothing in the stored row could identify the sender: no address column, no name.
        let columns = store.table_columns().await.unwrap();
        let cols = &columns["concern_reports"];
        assert!(!cols.iter().any(|c| c.contains("ip") || c.contains("addr")), "{}: {cols:?}", db.label);
        let receipt = store.concern_report_for_receipt("token-1").await.unwrap().unwrap();
        assert_eq!(receipt.reference, first.1);
        assert!(store.concern_report_for_receipt("another").await.unwrap().is_none());
    }
}

#[tokio::test]
async fn staff_see_their_own_municipality_acute_first_and_every_read_is_audited() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let (calm, _) = send(&store, "k-calm", &report("0301", "Ida", false), 3_000).await;
        let (acute, _) = send(&store, "k-acute", &report("0301", "Emil", true), 9_000).await;
        let (bergen, _) = send(&store, "k-bergen", &report("4601", "Ola", true), 1_000).await;
        let oslo = [Kommunenummer::parse("0301").unwrap()];
        let list = store.concern_reports(&oslo, false, 100, &entry("barnevern-liste", None), 2_000).await.unwrap();
        assert_eq!(list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [acute.as_str(), calm.as_str()], "{}: acute first, Bergen's not at all", db.label);
        assert!(store.concern_report(&bergen, &oslo, &entry("barnevern-les", Some(&bergen)), 2_000).await.unwrap().is_none(), "{}", db.label);
        let full = store.concern_report(&calm, &oslo, &entry("barnevern-les", Some(&calm)), 2_000).await.unwrap().unwrap();
        assert_eq!(full.steps.len(), 1);
        assert_eq!(full.steps[0].step, Step::Mottatt);
        let log = store.audit_of_application(&bergen).await.unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].outcome, Outcome::Deny, "{}: the refused read is logged", db.label);
        assert_eq!(store.audit_of_application(&calm).await.unwrap().len(), 1);
        assert!(matches!(store.verify_audit().await.unwrap(), velferd_store::ChainCheck::Intact { .. }));
    }
}

#[tokio::test]
async fn a_step_from_a_stale_page_changes_nothing_and_closing_leaves_the_open_list() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let (id, _) = send(&store, "k1", &report("0301", "Emil", false), 3_000).await;
        let step = Step::Avsluttet { reason: "Ikke grunnlag.".into() };
        let close = |version| NewStep {
            report_id: &id,
            version,
            step: &step,
            actor: "staff:bente",
            actor_name: "Bente Vik",
            projection: ReportProjection { status: "avsluttet", next_deadline_ms: None, acute: false },
            file: None,
        };
        assert!(!store.record_concern_step(&close(7), &entry("barnevern-avslutt", Some(&id)), 2_000).await.unwrap(), "{}", db.label);
        assert!(store.record_concern_step(&close(1), &entry("barnevern-avslutt", Some(&id)), 2_000).await.unwrap());
        let oslo = [Kommunenummer::parse("0301").unwrap()];
        assert!(store.concern_reports(&oslo, false, 100, &entry("barnevern-liste", None), 2_000).await.unwrap().is_empty());
        let full = store.concern_report(&id, &oslo, &entry("barnevern-les", Some(&id)), 2_000).await.unwrap().unwrap();
        assert_eq!((full.row.version, full.row.status.as_str(), full.steps.len()), (2, "avsluttet", 2));
        assert_eq!(store.concern_report_retention_candidates(2_001).await.unwrap(), std::slice::from_ref(&id));
        store.delete_concern_report(&id).await.unwrap();
        assert!(store.concern_report(&id, &oslo, &entry("barnevern-les", Some(&id)), 2_000).await.unwrap().is_none());
    }
}
