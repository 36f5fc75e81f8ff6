#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use time::macros::date;
use time::Duration;
use velferd_formats::soker::{DigisosSoker, SoknadsStatusVerdi, Utfall};

use super::klage::{deadline, easter_sunday, is_day_off, receive, Timing};
use super::*;
use crate::ids::Belop;
use crate::innsyn::{fold, SakStatus};

const TODAY: Date = date!(2026 - 04 - 10);
const NOW: Millis = 1_775_811_600_000; // 2026-04-10T09:00:00Z
const PROCESSING: CaseFacts = CaseFacts { status: SoknadsStatusVerdi::UnderBehandling, open: true, case_system_owns: false };
const BESLUTTER: [Role; 1] = [Role::Beslutter];

fn hjemler() -> Hjemler {
    Hjemler::from_json(include_str!("../../../../data/hjemler.json")).unwrap()
}

fn rent(referanse: &str) -> Payment {
    Payment {
        referanse: referanse.into(),
        description: "Husleie mai".into(),
        amount: Belop::parse("9 000").unwrap(),
        due: date!(2026 - 04 - 30),
        period: Some((date!(2026 - 05 - 01), date!(2026 - 05 - 31))),
        recipient: Recipient::third_party("Boligbyggelaget AS", "8601 11 17947", "").unwrap(),
        status: PaymentStatus::Planned,
    }
}

fn living(referanse: &str) -> Payment {
    Payment {
        referanse: referanse.into(),
        description: "Livsopphold mai".into(),
        amount: Belop::parse("7 850,50").unwrap(),
        due: date!(2026 - 04 - 15),
        period: None,
        recipient: Recipient::citizen("1234.56.78903").unwrap(),
        status: PaymentStatus::Planned,
    }
}

fn granted() -> Content {
    Content {
        saksreferanse: "S1".into(),
        sak_tittel: "Livsopphold og husleie".into(),
        outcome: Outcome::Granted,
        reasons: "Du har ikke inntekt som dekker livsopphold og husleie i mai.".into(),
        hjemler: vec!["sotjl-18".into(), "sotjl-20".into()],
        conditions: vec![Condition {
            referanse: "V1".into(),
            tittel: "Møt til samtale med veileder".into(),
            beskrivelse: Some("Samtalen avtales innen 14 dager.".into()),
            payments: vec!["P2".into()],
        }],
        requirements: vec![DocumentRequirement {
            referanse: "D1".into(),
            tittel: "Kvittering for betalt husleie".into(),
            beskrivelse: None,
            frist: Some(date!(2026 - 05 - 20)),
            payments: vec!["P1".into()],
        }],
        payments: vec![rent("P1"), living("P2")],
    }
}

fn submitted() -> Vedtak {
    let mut v = Vedtak::draft("kari", granted());
    v.submit("kari", PROCESSING, true, &hjemler(), TODAY, NOW).unwrap();
    v
}

#[test]
fn a_decision_waits_for_a_beslutter_who_is_not_its_author() {
    let mut v = submitted();
    assert_eq!(v.stage, Stage::AwaitingApproval { at: NOW });
    assert_eq!(v.edit(granted()).map_err(|r| r.key), Err("vedtak-refused-locked"), "nobody changes it while it waits");
    assert_eq!(v.approve("kari", &[Role::Saksbehandler, Role::Beslutter], PROCESSING, NOW).map_err(|r| r.key), Err("vedtak-refused-own"));
    assert_eq!(v.approve("ola", &[Role::Saksbehandler], PROCESSING, NOW).map_err(|r| r.key), Err("vedtak-refused-not-beslutter"));
    assert!(!v.approved());
    v.approve("ola", &BESLUTTER, PROCESSING, NOW + 1).unwrap();
    assert_eq!(v.stage, Stage::Approved { by: "ola".into(), at: NOW + 1, four_eyes: true });
    assert_eq!(v.approve("per", &[Role::Leder], PROCESSING, NOW).map_err(|r| r.key), Err("vedtak-refused-not-awaiting"), "approved once");
}

#[test]
fn a_returned_decision_carries_the_comment_back_to_its_author() {
    let mut v = submitted();
    assert_eq!(v.send_back("ola", &BESLUTTER, "  ", NOW), Err(Refusal { key: "office-refused-empty", field: "kommentar" }));
    assert_eq!(v.send_back("kari", &BESLUTTER, "Ser bra ut", NOW).map_err(|r| r.key), Err("vedtak-refused-own"));
    v.send_back("ola", &BESLUTTER, "Husleien er høyere enn i kontrakten.", NOW).unwrap();
    assert!(matches!(&v.stage, Stage::Returned { comment, .. } if comment == "Husleien er høyere enn i kontrakten."));
    let mut fixed = granted();
    fixed.payments[0].amount = Belop::parse("8 500").unwrap();
    v.edit(fixed).unwrap();
    assert_eq!(v.submit("ola", PROCESSING, true, &hjemler(), TODAY, NOW).map_err(|r| r.key), Err("vedtak-refused-not-author"));
    v.submit("kari", PROCESSING, true, &hjemler(), TODAY, NOW + 5).unwrap();
    assert_eq!(v.stage, Stage::AwaitingApproval { at: NOW + 5 });
    v.withdraw("kari").unwrap();
    assert_eq!(v.stage, Stage::Draft);
}

#[test]
fn where_the_office_does_not_require_four_eyes_submitting_makes_the_decision() {
    let mut v = Vedtak::draft("kari", granted());
    v.submit("kari", PROCESSING, false, &hjemler(), TODAY, NOW).unwrap();
    assert_eq!(v.stage, Stage::Approved { by: "kari".into(), at: NOW, four_eyes: false });
}

#[test]
fn no_decision_on_a_case_that_is_not_under_processing() {
    for (facts, key) in [
        (CaseFacts { status: SoknadsStatusVerdi::Mottatt, ..PROCESSING }, "vedtak-refused-not-processing"),
        (CaseFacts { status: SoknadsStatusVerdi::Ferdigbehandlet, open: false, ..PROCESSING }, "office-refused-closed"),
        (CaseFacts { case_system_owns: true, ..PROCESSING }, "office-refused-case-system"),
    ] {
        let mut v = Vedtak::draft("kari", granted());
        assert_eq!(v.submit("kari", facts, true, &hjemler(), TODAY, NOW).map_err(|r| r.key), Err(key));
        assert_eq!(v.stage, Stage::Draft);
    }
    // Closed while waiting: the beslutter cannot approve it any more.
    let mut v = submitted();
    let closed = CaseFacts { status: SoknadsStatusVerdi::BehandlesIkke, open: false, ..PROCESSING };
    assert_eq!(v.approve("ola", &BESLUTTER, closed, NOW).map_err(|r| r.key), Err("office-refused-closed"));
}

#[test]
fn no_payment_without_a_granted_decision() {
    let mut refused = granted();
    refused.outcome = Outcome::Refused;
    refused.conditions.clear();
    refused.requirements.clear();
    assert_eq!(refused.check(&hjemler(), TODAY), Err(Refusal { key: "vedtak-refused-payment-without-grant", field: "utbetaling" }));
    refused.payments.clear();
    assert_eq!(refused.check(&hjemler(), TODAY), Ok(()));
    // A payment moves only once the decision is made.
    let mut v = submitted();
    assert_eq!(v.settle_payment("P2", Some(TODAY)).map_err(|r| r.key), Err("vedtak-refused-not-approved"));
    v.approve("ola", &BESLUTTER, PROCESSING, NOW).unwrap();
    assert_eq!(v.settle_payment("P2", Some(TODAY)).map(|p| p.status), Ok(PaymentStatus::Paid { on: TODAY }));
    assert_eq!(v.settle_payment("P2", None).map_err(|r| r.key), Err("vedtak-refused-payment-not-planned"), "a paid payment cannot be stopped");
    assert_eq!(v.settle_payment("P1", None).map(|p| p.status), Ok(PaymentStatus::Stopped));
    assert_eq!(v.settle_payment("P9", None).map_err(|r| r.key), Err("vedtak-refused-unknown-payment"));
}

#[test]
fn a_decision_cites_known_law_and_conditions_need_section_20() {
    let h = hjemler();
    let mut c = granted();
    c.hjemler.clear();
    assert_eq!(c.check(&h, TODAY), Err(Refusal { key: "vedtak-refused-no-hjemmel", field: "hjemmel" }));
    c.hjemler = vec!["sotjl-99".into()];
    assert_eq!(c.check(&h, TODAY).map_err(|r| r.key), Err("vedtak-refused-unknown-hjemmel"));
    c.hjemler = vec!["sotjl-18".into()];
    assert_eq!(c.check(&h, TODAY).map_err(|r| r.key), Err("vedtak-refused-vilkar-hjemmel"));
    c.hjemler = vec!["sotjl-18".into(), "sotjl-20a".into()];
    assert_eq!(c.check(&h, TODAY), Ok(()));
    assert_eq!(h.get("sotjl-18").map(Hjemmel::citation).as_deref(), Some("sosialtjenesteloven § 18"));
    c.reasons = " ".into();
    assert_eq!(c.check(&h, TODAY), Err(Refusal { key: "office-refused-empty", field: "begrunnelse" }));
}

#[test]
fn references_are_unique_and_point_at_payments_of_the_decision() {
    let h = hjemler();
    let mut c = granted();
    c.payments[1].referanse = "P1".into();
    assert_eq!(c.check(&h, TODAY).map_err(|r| r.key), Err("vedtak-refused-duplicate-reference"));
    let mut c = granted();
    c.conditions[0].payments = vec!["P7".into()];
    assert_eq!(c.check(&h, TODAY).map_err(|r| r.key), Err("vedtak-refused-unknown-payment"));
    let mut c = granted();
    c.requirements[0].frist = Some(TODAY - Duration::days(1));
    assert_eq!(c.check(&h, TODAY), Err(Refusal { key: "office-refused-date-past", field: "frist" }));
}

#[test]
fn payments_are_within_sane_bounds_and_dates() {
    let check = |f: &dyn Fn(&mut Payment)| {
        let mut p = living("P1");
        f(&mut p);
        p.check(TODAY).map_err(|r| (r.key, r.field))
    };
    assert_eq!(check(&|_| {}), Ok(()));
    assert_eq!(check(&|p| p.amount = Belop::from_ore(0)), Err(("vedtak-refused-payment-zero", "belop")));
    assert_eq!(check(&|p| p.amount = Belop::from_kroner(500_000)), Ok(()));
    assert_eq!(check(&|p| p.amount = Belop::from_ore(50_000_001)), Err(("vedtak-refused-payment-too-large", "belop")), "one øre above the bound");
    assert_eq!(check(&|p| p.due = TODAY - Duration::days(1)), Err(("vedtak-refused-payment-due-past", "forfall")));
    assert_eq!(check(&|p| p.due = TODAY + Duration::days(367)), Err(("vedtak-refused-payment-due-far", "forfall")));
    assert_eq!(check(&|p| p.period = Some((date!(2026 - 05 - 31), date!(2026 - 05 - 01)))), Err(("vedtak-refused-payment-period", "periode")));
}

#[test]
fn recipients_accounts_and_kid_are_checked_where_they_are_typed() {
    assert_eq!(Recipient::citizen("1234 56 78904"), Err(Refusal { key: "error-konto-checksum", field: "kontonummer" }));
    assert_eq!(Recipient::third_party("", "8601 11 17947", ""), Err(Refusal { key: "office-refused-empty", field: "mottaker" }));
    assert_eq!(Recipient::third_party("Fjordkraft AS", "8601 11 17947", "79927398710"), Err(Refusal { key: "error-kid-checksum", field: "kid" }));
    let with_kid = Recipient::third_party("Fjordkraft AS", "8601 11 17947", "7992 7398 713").unwrap();
    assert!(matches!(with_kid, Recipient::ThirdParty { kid: Some(ref k), .. } if k.as_str() == "79927398713"));
    assert_eq!(with_kid.account().as_str(), "86011117947");
}

#[test]
fn only_a_made_decision_becomes_events_and_they_follow_the_schema() {
    let mut v = submitted();
    let letter = "0f8d3c7e-5b1a-4c2e-9d3f-7a6b5c4d3e2f";
    let at = "2026-04-10T09:00:00.000Z";
    assert_eq!(decision_events_err(&v, letter, at), Some("vedtak-refused-not-approved"));
    v.approve("ola", &BESLUTTER, PROCESSING, NOW).unwrap();
    let mut events = events::decision_events(&v, letter, at).unwrap();
    let kinds: Vec<&str> = events.iter().map(|h| h.type_name()).collect();
    assert_eq!(kinds, vec!["saksStatus", "vedtakFattet", "utbetaling", "utbetaling", "vilkar", "dokumentasjonkrav"]);
    // Later, the living payment is paid: one more utbetaling event.
    let paid = v.settle_payment("P2", Some(date!(2026 - 04 - 15))).unwrap().clone();
    events.push(velferd_formats::soker::Hendelse::Utbetaling(events::utbetaling(&paid, "S1", "2026-04-15T08:00:00.000Z")));

    let mut hendelser = vec![
        serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-04-01T10:00:00.000Z", "status": "MOTTATT"}),
        serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-04-02T10:00:00.000Z", "status": "UNDER_BEHANDLING"}),
    ];
    hendelser.extend(events.iter().map(|h| serde_json::to_value(h).unwrap()));
    let doc = serde_json::json!({"version": "1.0.0", "avsender": {"systemnavn": "Velferd", "systemversjon": "test"}, "hendelser": hendelser});
    let violations = velferd_formats::validate(velferd_formats::Kind::DigisosSoker, &doc).unwrap();
    assert!(violations.is_empty(), "{violations:#?}\n{doc:#}");

    // What the citizen then sees.
    let innsyn = fold(&serde_json::from_value::<DigisosSoker>(doc).unwrap());
    assert_eq!(innsyn.saker.len(), 1);
    assert_eq!((innsyn.saker[0].tittel.as_str(), innsyn.saker[0].status), ("Livsopphold og husleie", SakStatus::Ferdigbehandlet));
    assert_eq!(innsyn.saker[0].vedtak.iter().map(|v| (v.utfall, v.dato.as_str())).collect::<Vec<_>>(), vec![(Some(Utfall::Innvilget), "2026-04-10")]);
    let payments: Vec<(&str, f64, Option<&str>)> = innsyn.utbetalinger.iter().map(|u| (u.referanse.as_str(), u.belop, u.utbetalingsdato.as_deref())).collect();
    assert_eq!(payments, vec![("P1", 9000.0, None), ("P2", 7850.5, Some("2026-04-15"))], "øre reach the citizen's page");
    assert_eq!(innsyn.vilkar.iter().map(|v| v.tittel.as_str()).collect::<Vec<_>>(), vec!["Møt til samtale med veileder"]);
    assert_eq!(innsyn.dokumentasjonkrav.iter().map(|d| d.frist.as_deref()).collect::<Vec<_>>(), vec![Some("2026-05-20T21:59:59.000Z")]);
}

fn decision_events_err(v: &Vedtak, letter: &str, at: &str) -> Option<&'static str> {
    events::decision_events(v, letter, at).err().map(|r| r.key)
}

#[test]
fn the_landlords_account_is_not_shown_on_the_citizens_page_but_theirs_is() {
    let rent = events::utbetaling(&rent("P1"), "S1", "2026-04-10T09:00:00.000Z");
    assert_eq!((rent.annen_mottaker, rent.mottaker.as_deref(), rent.kontonummer.as_deref()), (Some(true), Some("Boligbyggelaget AS"), None));
    let own = events::utbetaling(&living("P2"), "S1", "2026-04-10T09:00:00.000Z");
    assert_eq!((own.annen_mottaker, own.kontonummer.as_deref(), own.belop), (Some(false), Some("12345678903"), Some(7850.5)));
}

#[test]
fn easter_and_the_holidays_around_it() {
    for (year, easter) in [(2024, date!(2024 - 03 - 31)), (2025, date!(2025 - 04 - 20)), (2026, date!(2026 - 04 - 05)), (2027, date!(2027 - 03 - 28))] {
        assert_eq!(easter_sunday(year), Some(easter));
    }
    // Maundy Thursday, Good Friday, Easter Monday, Ascension Day and Whit Monday 2026; 17 May; Christmas.
    for d in [date!(2026 - 04 - 02), date!(2026 - 04 - 03), date!(2026 - 04 - 06), date!(2026 - 05 - 14), date!(2026 - 05 - 25), date!(2027 - 05 - 17), date!(2026 - 12 - 25)] {
        assert!(is_day_off(d), "{d}");
    }
    assert!(!is_day_off(date!(2026 - 04 - 07)), "the Tuesday after Easter is a working day");
}

#[test]
fn the_appeal_deadline_is_three_weeks_moved_past_weekends_and_holidays() {
    // Letter received Monday 2 March 2026: deadline Monday 23 March.
    assert_eq!(deadline(date!(2026 - 03 - 02)), date!(2026 - 03 - 23));
    // Received Thursday 12 March: three weeks end on Maundy Thursday; Easter runs it to Tuesday 7 April.
    assert_eq!(deadline(date!(2026 - 03 - 12)), date!(2026 - 04 - 07));
    // Received on a Saturday: three weeks end on a Saturday, so the Monday after.
    assert_eq!(deadline(date!(2026 - 06 - 06)), date!(2026 - 06 - 29));
}

#[test]
fn a_late_appeal_is_received_marked_late_and_asks_why() {
    let on_time = receive(date!(2026 - 03 - 02), date!(2026 - 03 - 23), None);
    assert_eq!(on_time.timing, Timing::InTime { deadline: date!(2026 - 03 - 23) });
    assert!(!on_time.needs_reason());
    let late = receive(date!(2026 - 03 - 02), date!(2026 - 03 - 25), Some("  "));
    assert_eq!(late.timing, Timing::Late { deadline: date!(2026 - 03 - 23), days_late: 2 });
    assert!(late.needs_reason(), "an empty reason is no reason");
    assert_eq!(late.text().key, "klage-late");
    let explained = receive(date!(2026 - 03 - 02), date!(2026 - 03 - 25), Some("Jeg lå på sykehus."));
    assert_eq!((explained.needs_reason(), explained.late_reason.as_deref()), (false, Some("Jeg lå på sykehus.")));
}

proptest! {
    /// The deadline is never before three weeks, is a working day, and every day it moved past was a
    /// day off.
    #[test]
    fn the_deadline_is_the_first_working_day_from_three_weeks(day in 0i64..3650) {
        let received = date!(2024 - 01 - 01) + Duration::days(day);
        let d = deadline(received);
        let three_weeks = received + Duration::days(21);
        prop_assert!(d >= three_weeks);
        prop_assert!(!is_day_off(d));
        let mut between = three_weeks;
        while between < d {
            prop_assert!(is_day_off(between), "{} is a working day before {}", between, d);
            between += Duration::days(1);
        }
        prop_assert!((d - three_weeks).whole_days() <= 5, "Easter moves a deadline at most five days");
    }
}
