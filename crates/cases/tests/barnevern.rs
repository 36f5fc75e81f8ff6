//! The child-welfare use cases on both databases: a teacher's and a neighbour's reports reach the
//! child-welfare caseworker of the municipality and nobody else; urgency, an investigation, a
//! closing with its reason, a merge of reports about the same child only, an extension within the
//! law, and the teacher's receipt and feedback letter as PDFs.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use velferd_cases::barnevern::Command;
use velferd_cases::{CaseError, Cases, Words};
use velferd_domain::barnevern::{ReportForm, SignedInReporter, Status};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::kommune::Katalog;
use velferd_domain::staff::{Role, StaffUser};
use velferd_store::{testing, LocalFiles, Store};

struct Keys;

impl Words for Keys {
    fn t(&self, key: &str, _: &[(&'static str, String)]) -> String {
        key.to_owned()
    }
    fn try_t(&self, key: &str) -> Option<String> {
        Some(key.to_owned())
    }
    fn code(&self) -> &'static str {
        "nb"
    }
}

const CATALOGUE: &str = r#"{
  "kontorer": [{"enhetsnummer": "0312", "navn": "NAV Frogner", "telefon": "55 55 33 33", "besoksadresse": "Solligata 2", "behandlingstid_dager": 14},
               {"enhetsnummer": "1201", "navn": "NAV Bergenhus", "telefon": "55 55 33 33", "besoksadresse": "Christies gate 3A", "behandlingstid_dager": 14}],
  "kommuner": [{"nummer": "0301", "navn": "Oslo", "mottak": "digital", "kontor": "0312"},
               {"nummer": "4601", "navn": "Bergen", "mottak": "digital", "kontor": "1201"}]
}"#;

fn staff(subject: &str, roles: &[Role], office: &str) -> StaffUser {
    StaffUser { subject: subject.into(), name: subject.into(), roles: roles.to_vec(), office: office.into() }
}

/// 1 December 2026 09:00 in Oslo.
const NOW: i64 = 1_796_112_000_000;

fn form(child: &str, birth: &str) -> ReportForm {
    ReportForm {
        kommune: "0301".into(),
        child_name: child.into(),
        child_birth_date: birth.into(),
        child_whereabouts: "Fjell skole".into(),
        concern: "Kommer ofte sulten og med blåmerker.".into(),
        urgency: "snart".into(),
        danger_now: "nei".into(),
        ..ReportForm::default()
    }
}

#[tokio::test]
async fn a_teachers_and_a_neighbours_reports_are_worked_by_the_municipalitys_child_welfare_service_only() {
    for db in testing::all().await {
        let work = testing::temp_dir();
        let store = Store::connect(&db.url).await.unwrap();
        let cases = Cases::new(store, Arc::new(LocalFiles::new(work.0.join("files"))), Katalog::from_json(CATALOGUE).unwrap());
        let today = velferd_domain::barnevern::deadlines::local_date(velferd_domain::barnevern::Jurisdiction::Norway, NOW);
        let known = |k: &velferd_domain::ids::Kommunenummer| cases.child_welfare_kommune(k);
        let teacher = SignedInReporter { fnr: (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("01018012{d}"))).unwrap(), name: "Lise Lærer".into() };
        let from_teacher = ReportForm { reporter_role: "Kontaktlærer".into(), reporter_organisation: "Fjell skole".into(), ..form("Emil Nordmann", "2016-05-01") }
            .check(known, Some(&teacher), today)
            .unwrap();
        let from_neighbour = ReportForm { anonymous: "ja".into(), danger_now: "ja".into(), ..form("Ida", "") }.check(known, None, today).unwrap();
        let (teacher_id, reference) = cases.submit_concern_report("t-1", &from_teacher, &[], None, NOW).await.unwrap();
        let (neighbour_id, _) = cases.submit_concern_report("n-1", &from_neighbour, &[], None, NOW + 1).await.unwrap();
        let receipt = cases.concern_receipt("t-1").await.unwrap();
        assert_eq!(receipt.reference, reference);
        let pdf = cases.concern_receipt_pdf(&Keys, &receipt).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{}", db.label);

        let bente = staff("bente", &[Role::Barnevern], "0312");
        let list = cases.concern_reports(&bente, false, NOW + 2).await.unwrap();
        assert_eq!(list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [neighbour_id.as_str(), teacher_id.as_str()], "{}: the acute one first", db.label);

        for nav in [staff("sara", &[Role::Saksbehandler], "0312"), staff("henrik", &[Role::Leder, Role::Fortrolig], "0312"), staff("bergen", &[Role::Barnevern], "1201")] {
            assert!(matches!(cases.concern_report(&nav, &teacher_id, NOW).await, Err(CaseError::NotFound)), "{}: {}", db.label, nav.subject);
            assert!(matches!(cases.concern_act(&nav, &teacher_id, 1, Command::Close { reason: "x".into() }, &Keys, NOW).await, Err(CaseError::NotFound)));
        }
        assert!(matches!(cases.concern_reports(&staff("sara", &[Role::Saksbehandler], "0312"), false, NOW).await, Err(CaseError::NotFound)));
        assert!(cases.concern_reports(&staff("bergen", &[Role::Barnevern], "1201"), false, NOW).await.unwrap().is_empty());

        // Urgency the same day; the feedback letter waits for a decision.
        cases
            .concern_act(&bente, &teacher_id, 1, Command::AssessUrgency { urgency: "snart".into(), reason: "Skolen følger opp daglig.".into() }, &Keys, NOW + 60_000)
            .await
            .unwrap();
        assert!(matches!(cases.concern_act(&bente, &teacher_id, 2, Command::SendFeedback, &Keys, NOW).await, Err(CaseError::Refused(r)) if r.key == "bv-refused-feedback-early"));
        assert!(matches!(cases.concern_act(&bente, &teacher_id, 1, Command::OpenInvestigation { reason: "x".into() }, &Keys, NOW).await, Err(CaseError::Conflict)), "a stale page");
        cases.concern_act(&bente, &teacher_id, 2, Command::OpenInvestigation { reason: "Bekymringen er alvorlig.".into() }, &Keys, NOW + 120_000).await.unwrap();
        let bad = cases.concern_act(&bente, &teacher_id, 3, Command::Extend { until: "2026-01-01".into(), reason: String::new() }, &Keys, NOW).await;
        assert!(matches!(&bad, Err(CaseError::Invalid(f)) if f.iter().map(|r| r.key).collect::<Vec<_>>() == ["bv-refused-date-past", "bv-refused-reason-missing"]), "{bad:?}");
        cases.concern_act(&bente, &teacher_id, 3, Command::Extend { until: "2027-05-31".into(), reason: "Venter på sakkyndig.".into() }, &Keys, NOW + 180_000).await.unwrap();
        cases.concern_act(&bente, &teacher_id, 4, Command::SendFeedback, &Keys, NOW + 240_000).await.unwrap();
        let view = cases.concern_report(&bente, &teacher_id, NOW + 300_000).await.unwrap();
        assert_eq!(view.state.status(), Status::Undersokes);
        assert_eq!(view.deadlines[1].last_day.to_string(), "2027-05-31");
        let letter = view.full.files.iter().find(|f| f.kind == "tilbakemelding").unwrap();
        let (_, bytes) = cases.concern_report_file(&bente, &teacher_id, letter.position, NOW).await.unwrap();
        assert!(bytes.starts_with(b"%PDF"));

        // The service's assessment decides what is acute: the neighbour's report assessed as ordinary
        // no longer comes first.
        cases
            .concern_act(&bente, &neighbour_id, 1, Command::AssessUrgency { urgency: "vanlig".into(), reason: "Politiet har vært der.".into() }, &Keys, NOW + 330_000)
            .await
            .unwrap();
        let list = cases.concern_reports(&bente, false, NOW + 331_000).await.unwrap();
        assert!(!list.iter().find(|r| r.id == neighbour_id).unwrap().acute);

        // Closing needs a reason; merging refuses another child.
        let empty = cases.concern_act(&bente, &neighbour_id, 1, Command::Close { reason: "  ".into() }, &Keys, NOW).await;
        assert!(matches!(&empty, Err(CaseError::Invalid(f)) if f[0].key == "bv-refused-reason-missing"), "{empty:?}");
        let merge = cases.concern_act(&bente, &neighbour_id, 1, Command::Merge { into: reference.to_lowercase(), reason: "Samme barn?".into() }, &Keys, NOW).await;
        assert!(matches!(&merge, Err(CaseError::Invalid(f)) if f[0].key == "bv-refused-merge-other-child"), "{merge:?}");
        cases.concern_act(&bente, &neighbour_id, 2, Command::Close { reason: "Politiet har fulgt opp; ikke grunnlag.".into() }, &Keys, NOW + 360_000).await.unwrap();
        assert!(
            matches!(cases.concern_act(&bente, &neighbour_id, 2, Command::SendFeedback, &Keys, NOW).await, Err(CaseError::Refused(r)) if r.key == "bv-refused-not-professional")
        );
        assert_eq!(cases.concern_reports(&bente, false, NOW + 400_000).await.unwrap().len(), 1, "the closed one leaves the open list");
    }
}
