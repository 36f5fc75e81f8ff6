//! The decision use cases on both databases, where the web tests do not reach: an office that does
//! not require four-eyes (`fire_oyne: false`) makes the decision when its author submits it; a
//! refusal carries no payments; amounts are checked in øre against their bounds; a payment is
//! planned only on a made decision that grants something.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use velferd_cases::office::actions::Command;
use velferd_cases::office::decide::{DecisionForm, PaymentForm, STAGE_APPROVED};
use velferd_cases::{CaseError, Cases, Words};
use velferd_domain::application::{parse_application, Answers, Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::kommune::Katalog;
use velferd_domain::staff::{Role, StaffUser};
use velferd_store::{testing, LocalFiles, Store};

/// Letters in no language: the key itself (enough to render and to count).
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
  "kontorer": [{"enhetsnummer": "0312", "navn": "NAV Frogner", "telefon": "55 55 33 33", "besoksadresse": "Solligata 2", "behandlingstid_dager": 14, "fire_oyne": false}],
  "kommuner": [{"nummer": "0301", "navn": "Oslo", "mottak": "digital", "kontor": "0312"}]
}"#;

fn sara() -> StaffUser {
    StaffUser { subject: "sara".into(), name: "Sara Lund".into(), roles: vec![Role::Saksbehandler], office: "0312".into() }
}

/// Kari's application at an office without four-eyes, taken into processing; its id.
async fn processing(cases: &Cases, now: i64) -> String {
    let store = cases.store();
    let fnr = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("12819012{d}"))).unwrap();
    let adresse = SokerAdresse { gatenavn: "Storgata".into(), husnummer: "12".into(), postnummer: "0184".into(), poststed: "Oslo".into(), kommunenummer: "0301".into() };
    let kari = Soker { fnr: fnr.clone(), fornavn: "Kari".into(), mellomnavn: String::new(), etternavn: "Nordmann".into(), adresse: Some(adresse) };
    store.upsert_person(&kari).await.unwrap();
    let mut answers = Answers::default();
    for (k, v) in [
        ("nodhjelp", "nei"),
        ("kategorier", "livsopphold"),
        ("hvorfor", "Jeg har ikke penger til mat."),
        ("bor_folkeregistrert", "ja"),
        ("nordisk_borger", "ja"),
        ("botype", "leier"),
        ("antall_personer", "1"),
        ("i_jobb", "nei"),
        ("student", "nei"),
        ("sivilstatus", "ugift"),
        ("har_barn", "nei"),
        ("husleie", "9500"),
        ("kontonummer", "12345678903"),
        ("bekreft", "ja"),
    ] {
        answers.set(k, v);
    }
    let application = parse_application(&answers).unwrap();
    let kommune = cases.kommuner().find("0301").unwrap().clone();
    let draft = store.create_draft(&fnr, &kommune.nummer, &answers, now).await.unwrap();
    let new = velferd_cases::apply::prepare(&application, &answers, &kari, &kommune, now, vec![], &[]);
    let id = store.submit(&draft.id, &fnr, &new, now).await.unwrap().unwrap().id;
    let version = store.case_state_of(&id).await.unwrap().map(|s| s.version);
    cases.act(&sara(), &id, version, Command::TakeIntoProcessing, &Keys, now).await.unwrap();
    id
}

fn living(amount: &str) -> PaymentForm {
    PaymentForm {
        beskrivelse: "Livsopphold".into(),
        belop: amount.into(),
        forfall: String::new(),
        mottaker: "soker".into(),
        kontonummer: "1234.56.78903".into(),
        ..PaymentForm::default()
    }
}

fn keys(e: CaseError) -> Vec<&'static str> {
    match e {
        CaseError::Invalid(r) => r.iter().map(|r| r.key).collect(),
        other => panic!("expected refusals, got {other:?}"),
    }
}

#[tokio::test]
async fn without_four_eyes_the_author_makes_the_decision_and_amounts_are_checked_in_ore() {
    for db in testing::all().await {
        let label = db.label;
        let store = Store::connect(&db.url).await.unwrap();
        let dir = testing::temp_dir();
        let cases = Cases::new(store, Arc::new(LocalFiles::new(dir.0.join("files"))), Katalog::from_json(CATALOGUE).unwrap());
        let now = velferd_domain::office::DAY * 20_600; // 2026-05-26
        let id = processing(&cases, now).await;
        let today = velferd_domain::dates::oslo_time(now).date().to_string();
        let version = || async { cases.store().case_state_of(&id).await.unwrap().map(|s| s.version) };
        let words_for = |_: &str| -> Box<dyn Words> { Box::new(Keys) };

        // A refusal with a payment; a payment above 500 000 kr; an amount with three decimals.
        let mut refused = DecisionForm { utfall: "avslag".into(), begrunnelse: "Inntekten dekker behovet.".into(), hjemler: vec!["sotjl-18".into()], ..DecisionForm::default() };
        refused.utbetalinger = vec![PaymentForm { forfall: today.clone(), ..living("100") }];
        let e = cases.submit_decision(&sara(), &id, version().await, None, &refused, &words_for, now).await.unwrap_err();
        assert_eq!(keys(e), vec!["vedtak-refused-payment-without-grant"], "{label}");
        let mut granted = DecisionForm { utfall: "innvilget".into(), ..refused.clone() };
        granted.utbetalinger = vec![PaymentForm { forfall: today.clone(), ..living("500 000,01") }];
        assert_eq!(
            keys(cases.submit_decision(&sara(), &id, version().await, None, &granted, &words_for, now).await.unwrap_err()),
            vec!["vedtak-refused-payment-too-large"],
            "{label}"
        );
        granted.utbetalinger = vec![PaymentForm { forfall: today.clone(), ..living("7 850,505") }];
        assert_eq!(
            keys(cases.submit_decision(&sara(), &id, version().await, None, &granted, &words_for, now).await.unwrap_err()),
            vec!["error-belop-format"],
            "{label}: never rounded"
        );
        assert!(cases.store().decisions(&id).await.unwrap().is_empty(), "{label}: nothing written");

        // "Fatt vedtak": made at once, by its author, with letter, events and the payment planned.
        granted.utbetalinger = vec![PaymentForm { forfall: today.clone(), ..living("7 850,50") }];
        cases.submit_decision(&sara(), &id, version().await, None, &granted, &words_for, now).await.unwrap();
        let made = cases.store().decisions(&id).await.unwrap();
        assert_eq!(made.len(), 1, "{label}");
        assert_eq!((made[0].stage.as_str(), made[0].approved_by.as_deref(), made[0].four_eyes), (STAGE_APPROVED, Some("sara"), Some(false)), "{label}");
        assert!(made[0].letter_id.as_deref().is_some_and(|l| !l.is_empty()), "{label}: the letter");
        let payments = cases.store().payments(&id).await.unwrap();
        assert_eq!(payments.iter().map(|p| (p.amount_ore, p.state.as_str())).collect::<Vec<_>>(), vec![(785_050, "planlagt")], "{label}");
        let state = cases.store().case_state_of(&id).await.unwrap().unwrap();
        assert_eq!(state.status, velferd_formats::soker::SoknadsStatusVerdi::Ferdigbehandlet, "{label}: every sak decided");

        // No new decision on a finished case; a payment on the made decision is still planned.
        let again = cases.draft_decision(&sara(), &id, version().await, None, &granted, now).await.unwrap_err();
        assert_eq!(keys(again), vec!["office-refused-closed"], "{label}");
        let e = cases.plan_payment(&sara(), &id, version().await, &made[0].id, &PaymentForm { forfall: today.clone(), ..living("0") }, now).await.unwrap_err();
        assert_eq!(keys(e), vec!["vedtak-refused-payment-zero"], "{label}");
        cases.plan_payment(&sara(), &id, version().await, &made[0].id, &PaymentForm { forfall: today.clone(), ..living("1 000") }, now).await.unwrap();
        let referanser: Vec<String> = cases.store().payments(&id).await.unwrap().into_iter().map(|p| p.referanse).collect();
        assert_eq!(referanser, vec!["V1-U1".to_owned(), "V1-U2".to_owned()], "{label}: unique within the application");

        // A form drawn from an old version writes nothing.
        let stale = version().await.map(|v| v - 1);
        assert!(
            matches!(cases.plan_payment(&sara(), &id, stale, &made[0].id, &PaymentForm { forfall: today.clone(), ..living("1 000") }, now).await, Err(CaseError::Conflict)),
            "{label}"
        );
    }
}
