use time::macros::{date, datetime};

use super::*;

fn oslo(k: &Kommunenummer) -> Option<Jurisdiction> {
    (k.as_str() == "0301").then_some(Jurisdiction::Norway)
}

fn form() -> ReportForm {
    ReportForm {
        kommune: "0301".into(),
        child_name: "Emil Nordmann".into(),
        child_whereabouts: "Fjell skole, 4. klasse".into(),
        concern: "Emil kommer ofte uten mat og sier han er redd for å gå hjem.".into(),
        urgency: "snart".into(),
        danger_now: "nei".into(),
        reporter_name: "Per Hansen".into(),
        reporter_phone: "99 99 99 99".into(),
        ..ReportForm::default()
    }
}

fn ms(t: time::OffsetDateTime) -> Millis {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or_default()
}

fn keys(faults: &[Refusal]) -> Vec<(&str, &str)> {
    faults.iter().map(|f| (f.field, f.key)).collect()
}

const TODAY: Date = date!(2026 - 12 - 01);

#[test]
fn a_private_person_reports_with_name_and_phone() {
    let report = form().check(oslo, None, TODAY).expect("valid");
    assert_eq!(report.reporter, Reporter::Privat { name: "Per Hansen".into(), phone: "99 99 99 99".into(), email: String::new() });
    assert_eq!(report.jurisdiction, Jurisdiction::Norway);
    assert!(!report.acute());
}

#[test]
fn an_anonymous_report_keeps_no_name_even_when_one_was_typed() {
    let report = ReportForm { anonymous: "ja".into(), danger_now: "ja".into(), ..form() }.check(oslo, None, TODAY).expect("valid");
    assert_eq!(report.reporter, Reporter::Anonym);
    assert!(report.acute(), "danger now makes it acute");
}

#[test]
fn a_professional_must_give_role_and_organisation_and_is_named_by_the_sign_in() {
    let who =
        SignedInReporter { fnr: Fodselsnummer::with_check_digits("128190120").or_else(|| Fodselsnummer::with_check_digits("128190121")).expect("fnr"), name: "Lærer Lise".into() };
    let faults = form().check(oslo, Some(&who), TODAY).unwrap_err();
    assert_eq!(keys(&faults), [("melder-rolle", "bv-refused-role"), ("melder-organisasjon", "bv-refused-organisation")]);
    let report = ReportForm { reporter_role: "Kontaktlærer".into(), reporter_organisation: "Fjell skole".into(), anonymous: "ja".into(), ..form() }
        .check(oslo, Some(&who), TODAY)
        .expect("valid");
    assert!(report.reporter.is_professional(), "a signed-in professional is never anonymous");
}

#[test]
fn an_empty_form_gets_every_fault_at_once() {
    let faults = ReportForm::default().check(oslo, None, TODAY).unwrap_err();
    assert_eq!(
        keys(&faults),
        [
            ("kommune", "bv-refused-kommune"),
            ("barn-navn", "bv-refused-child-unknown"),
            ("bekymring", "bv-refused-concern-empty"),
            ("hastegrad", "bv-refused-urgency"),
            ("fare-na", "bv-refused-danger"),
            ("melder-navn", "bv-refused-name"),
            ("melder-telefon", "bv-refused-contact"),
        ]
    );
}

#[test]
fn bad_child_details_are_refused_at_their_field() {
    let f = ReportForm { child_fnr: "12345678901".into(), child_birth_date: "2030-01-01".into(), kommune: "9999".into(), ..form() };
    let faults = f.check(oslo, None, TODAY).unwrap_err();
    assert_eq!(keys(&faults), [("kommune", "bv-refused-kommune"), ("barn-fnr", "bv-refused-fnr"), ("barn-fodt", "bv-refused-birth-future")]);
    let long = ReportForm { concern: "x".repeat(MAX_CONCERN + 1), reporter_email: "not an address".into(), ..form() };
    assert_eq!(keys(&long.check(oslo, None, TODAY).unwrap_err()), [("bekymring", "bv-refused-too-long"), ("melder-epost", "bv-refused-email")]);
}

fn state(steps: &[(Step, Millis)]) -> ReportState {
    ReportState::fold(steps.iter().map(|(s, at)| (s, *at)))
}

#[test]
fn closing_needs_a_reason() {
    assert_eq!(check_reason("  \n ", "begrunnelse").unwrap_err(), Refusal { key: "bv-refused-reason-missing", field: "begrunnelse" });
    assert_eq!(check_reason("Ikke grunnlag for undersøkelse.", "begrunnelse"), Ok("Ikke grunnlag for undersøkelse.".into()));
}

#[test]
fn the_steps_fold_to_a_status_and_a_closed_report_takes_no_more_steps() {
    let t0 = ms(datetime!(2026-12-01 08:00 UTC));
    let received = state(&[(Step::Mottatt, t0)]);
    assert_eq!(received.status(), Status::Ny);
    let assessed = state(&[(Step::Mottatt, t0), (Step::Hastegrad { urgency: Urgency::Vanlig, reason: "r".into() }, t0 + 1)]);
    assert_eq!(assessed.status(), Status::Vurdert);
    assert_eq!(may(Action::Extend, &assessed, &Reporter::Anonym).unwrap_err().key, "bv-refused-not-investigating");
    let closed = state(&[(Step::Mottatt, t0), (Step::Avsluttet { reason: "r".into() }, t0 + 2)]);
    assert_eq!(closed.status(), Status::Avsluttet);
    for action in [Action::AssessUrgency, Action::Review, Action::OpenInvestigation, Action::Extend, Action::Close, Action::Merge] {
        assert_eq!(may(action, &closed, &Reporter::Anonym).unwrap_err().key, "bv-refused-closed", "{action:?}");
    }
    let investigating = state(&[(Step::Mottatt, t0), (Step::Undersokelse { reason: "r".into() }, t0 + 3)]);
    assert_eq!(investigating.status(), Status::Undersokes);
    assert_eq!(may(Action::OpenInvestigation, &investigating, &Reporter::Anonym).unwrap_err().key, "bv-refused-already-investigating");
}

#[test]
fn feedback_goes_only_to_professionals_once_a_decision_is_made() {
    let t0 = ms(datetime!(2026-12-01 08:00 UTC));
    let pro = Reporter::Offentlig {
        fnr: Fodselsnummer::with_check_digits("128190120").or_else(|| Fodselsnummer::with_check_digits("128190121")).expect("fnr"),
        name: "L".into(),
        role: "Lærer".into(),
        organisation: "Skole".into(),
        phone: String::new(),
        email: String::new(),
    };
    let received = state(&[(Step::Mottatt, t0)]);
    assert_eq!(may(Action::SendFeedback, &received, &pro).unwrap_err().key, "bv-refused-feedback-early");
    let opened = state(&[(Step::Mottatt, t0), (Step::Undersokelse { reason: "r".into() }, t0 + 1)]);
    assert_eq!(may(Action::SendFeedback, &opened, &pro), Ok(()));
    assert_eq!(may(Action::SendFeedback, &opened, &Reporter::Anonym).unwrap_err().key, "bv-refused-not-professional");
    let sent = state(&[(Step::Mottatt, t0), (Step::Undersokelse { reason: "r".into() }, t0 + 1), (Step::Tilbakemelding { letter: "l".into() }, t0 + 2)]);
    assert_eq!(may(Action::SendFeedback, &sent, &pro).unwrap_err().key, "bv-refused-feedback-sent");
}

#[test]
fn norway_review_deadline_is_met_by_the_first_decision_and_the_investigation_deadline_appears_when_opened() {
    let j = Jurisdiction::Norway;
    let t0 = ms(datetime!(2026-01-31 10:00 UTC));
    let received = state(&[(Step::Mottatt, t0)]);
    let d = received.deadlines(j);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DeadlineKind::Gjennomgang);
    assert_eq!(d[0].last_day, date!(2026 - 02 - 07));
    let opened_at = ms(datetime!(2026-02-03 10:00 UTC));
    let opened = state(&[(Step::Mottatt, t0), (Step::Undersokelse { reason: "r".into() }, opened_at)]);
    let d = opened.deadlines(j);
    assert_eq!(d[0].met_at, Some(opened_at));
    assert_eq!((d[1].kind, d[1].last_day), (DeadlineKind::Undersokelse, date!(2026 - 04 - 30)), "three months from 31 January");
    assert_eq!(opened.next_deadline(j).map(|d| d.kind), Some(DeadlineKind::Undersokelse));
    let extended = state(&[
        (Step::Mottatt, t0),
        (Step::Undersokelse { reason: "r".into() }, opened_at),
        (Step::Forlengelse { until: "2026-07-31".into(), reason: "r".into() }, opened_at + 1),
    ]);
    assert_eq!(extended.deadlines(j)[1].last_day, date!(2026 - 07 - 31));
    assert!(extended.deadlines(j)[1].extended);
}

#[test]
fn a_professional_is_owed_feedback_within_three_weeks_and_a_private_person_is_not() {
    let j = Jurisdiction::Norway;
    let t0 = ms(datetime!(2026-12-01 08:00 UTC));
    let pro = Reporter::Offentlig {
        fnr: Fodselsnummer::with_check_digits("128190120").or_else(|| Fodselsnummer::with_check_digits("128190121")).expect("fnr"),
        name: "L".into(),
        role: "Lærer".into(),
        organisation: "Skole".into(),
        phone: String::new(),
        email: String::new(),
    };
    let s = state(&[(Step::Mottatt, t0)]).with_reporter(&pro);
    let feedback = s.deadlines(j).into_iter().find(|d| d.kind == DeadlineKind::Tilbakemelding).expect("feedback deadline");
    assert_eq!(feedback.last_day, date!(2026 - 12 - 22));
    let private = state(&[(Step::Mottatt, t0)]).with_reporter(&Reporter::Anonym);
    assert!(private.deadlines(j).iter().all(|d| d.kind != DeadlineKind::Tilbakemelding));
    let sent = state(&[(Step::Mottatt, t0), (Step::Undersokelse { reason: "r".into() }, t0 + 1), (Step::Tilbakemelding { letter: "l".into() }, t0 + 2)]).with_reporter(&pro);
    assert!(sent.deadlines(j).iter().all(|d| d.met_at.is_some() || d.kind == DeadlineKind::Undersokelse));
}

#[test]
fn sweden_protective_assessment_is_met_by_the_urgency_assessment() {
    let j = Jurisdiction::Sweden;
    let t0 = ms(datetime!(2026-12-01 08:00 UTC));
    let s = state(&[(Step::Mottatt, t0), (Step::Hastegrad { urgency: Urgency::Akutt, reason: "r".into() }, t0 + 60_000)]);
    let d = s.deadlines(j);
    assert_eq!(d.iter().map(|d| d.kind).collect::<Vec<_>>(), [DeadlineKind::Skyddsbedomning, DeadlineKind::Forhandsbedomning]);
    assert_eq!(d[0].standing(j, t0 + 120_000), Standing::Met { late: false });
    assert_eq!(d[1].last_day, date!(2026 - 12 - 15));
}

fn report(child: Child) -> Report {
    Report {
        kommune: Kommunenummer::parse("0301").expect("k"),
        jurisdiction: Jurisdiction::Norway,
        child,
        concern: "c".into(),
        urgency: Urgency::Vanlig,
        danger_now: false,
        reporter: Reporter::Anonym,
    }
}

#[test]
fn merging_reports_about_different_children_is_refused() {
    let emil = Child { name: "Emil Nordmann".into(), fnr: None, birth_date: Some("2016-05-01".into()), whereabouts: String::new() };
    let same = Child { name: "emil  NORDMANN".into(), ..emil.clone() };
    let sister = Child { name: "Ida Nordmann".into(), ..emil.clone() };
    let unknown = Child { name: "Emil Nordmann".into(), fnr: None, birth_date: None, whereabouts: "Fjell skole".into() };
    let open = ReportState::default();
    assert_eq!(check_merge("a", &report(emil.clone()), "b", &report(same), &open), Ok(()));
    assert_eq!(check_merge("a", &report(emil.clone()), "b", &report(sister), &open).unwrap_err().key, "bv-refused-merge-other-child");
    assert_eq!(check_merge("a", &report(emil.clone()), "b", &report(unknown), &open).unwrap_err().key, "bv-refused-merge-other-child", "a name alone is not enough");
    assert_eq!(check_merge("a", &report(emil.clone()), "a", &report(emil.clone()), &open).unwrap_err().key, "bv-refused-merge-self");
    let closed = ReportState { closed_at: Some(1), ..ReportState::default() };
    assert_eq!(check_merge("a", &report(emil.clone()), "b", &report(emil), &closed).unwrap_err().key, "bv-refused-merge-closed");
}

#[test]
fn a_reference_is_short_and_upper_case() {
    assert_eq!(reference("1a2b3c4d-5e6f"), "BM-1A2B3C4D");
}

#[test]
fn only_the_child_welfare_role_reads_reports_and_only_its_own_municipality() {
    use crate::staff::Role;
    let katalog = crate::kommune::Katalog::from_json(include_str!("../../../../data/kommuner.json")).expect("catalogue");
    let oslo = Kommunenummer::parse("0301").expect("k");
    let bergen = Kommunenummer::parse("4601").expect("k");
    let access = Access::for_staff(&[Role::Barnevern], "0312", &katalog).expect("child welfare");
    assert!(access.may_read(&oslo));
    assert!(!access.may_read(&bergen));
    for nav in [Role::Saksbehandler, Role::Veileder, Role::Beslutter, Role::Leder, Role::Kontaktsenter, Role::Fortrolig] {
        assert_eq!(Access::for_staff(&[nav], "0312", &katalog), None, "{nav}");
    }
    assert_eq!(Access::for_staff(&Role::ALL.into_iter().filter(|r| *r != Role::Barnevern).collect::<Vec<_>>(), "0312", &katalog), None);
    assert_eq!(crate::staff::CaseAccess::for_staff(&[Role::Barnevern], "0312"), None, "child welfare opens no NAV case");
}
