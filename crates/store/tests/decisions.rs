//! Workspace II's rows — a calculation, a decision through four-eyes, its payments — are written in
//! the caseworker action's one transaction under the case's version, read back as written, and the
//! office's planned payments are listed by due date for an export; on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use time::macros::date;
use velferd_domain::application::{Answers, Soker};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_domain::office::InboxFilter;
use velferd_domain::staff::{CaseAccess, Role};
use velferd_store::{testing, AuditEntry, CalculationRow, Changed, DecisionRow, DecisionWrite, InboxQuery, NewApplication, OfficeChange, Outcome, PaymentRow, Store};

fn fnr(eight: &str) -> Fodselsnummer {
    (0..100).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).expect("a valid number")
}

async fn send(store: &Store, owner: &Fodselsnummer, at: i64) -> String {
    let k = Kommunenummer::parse("0301").unwrap();
    let draft = store.create_draft(owner, &k, &Answers::default(), at).await.unwrap();
    let new = NewApplication {
        summary: Vec::new(),
        kommunenummer: k,
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: serde_json::json!({}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![],
        documents: vec![],
    };
    store.submit(&draft.id, owner, &new, at).await.unwrap().unwrap().id
}

fn entry(id: &str, action: &str) -> AuditEntry {
    AuditEntry {
        actor: "staff:sara".into(),
        actor_name: "Sara Lund".into(),
        role: "saksbehandler".into(),
        office: Some("0312".into()),
        action: action.into(),
        person: None,
        application_id: Some(id.into()),
        outcome: Outcome::Permit,
    }
}

fn decision_row(id: &str, stage: &str, author: &str) -> DecisionRow {
    DecisionRow {
        id: format!("d-{id}"),
        application_id: id.into(),
        enhetsnummer: "0312".into(),
        seq: 1,
        saksreferanse: "S1".into(),
        calculation_id: Some(format!("c-{id}")),
        content_json: r#"{"utfall":"innvilget"}"#.into(),
        stage: stage.into(),
        author: author.into(),
        author_name: "Sara Lund".into(),
        submitted_ms: None,
        returned_by: None,
        returned_name: None,
        return_comment: None,
        returned_ms: None,
        approved_by: None,
        approved_name: None,
        approved_ms: None,
        four_eyes: None,
        letter_id: None,
        version: 1,
        created_ms: 2_000,
        updated_ms: 2_000,
    }
}

fn payment_row(id: &str, referanse: &str, due: &str, state: &str) -> PaymentRow {
    PaymentRow {
        id: format!("p-{id}-{referanse}"),
        application_id: id.into(),
        decision_id: format!("d-{id}"),
        enhetsnummer: "0312".into(),
        referanse: referanse.into(),
        saksreferanse: "S1".into(),
        description: "Husleie desember".into(),
        amount_ore: 900_050,
        due: due.into(),
        period_from: None,
        period_to: None,
        recipient_kind: "annen".into(),
        recipient_name: "Boligbyggelaget AS".into(),
        account: "86011117947".into(),
        kid: Some("12345678903".into()),
        message: None,
        state: state.into(),
        paid_on: None,
        created_ms: 3_000,
        updated_ms: 3_000,
    }
}

async fn change(store: &Store, id: &str, writes: Vec<DecisionWrite>, letter: bool, at: i64) -> Changed {
    let access = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
    let version = store.case_state(&access, id).await.unwrap().unwrap().version;
    let mut c = OfficeChange { expected_version: Some(version), decisions: writes, ..OfficeChange::default() };
    if letter {
        c.letter = Some(("Vedtak".into(), "0".repeat(64), 10));
        c.events.push(serde_json::json!({"type": "vedtakFattet", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "saksreferanse": "S1", "utfall": "INNVILGET",
            "vedtaksfil": {"referanse": {"type": "dokumentlager", "id": ""}}}));
    }
    store.office_change(id, ("sara", "Sara Lund"), &c, &entry(id, "vedtak"), at).await.unwrap()
}

#[tokio::test]
async fn a_decision_its_calculation_and_payments_are_written_with_the_action_and_read_back() {
    for db in testing::all().await {
        let label = db.label;
        let store = Store::connect(&db.url).await.unwrap();
        let kari = fnr("12819012");
        store.upsert_person(&Soker { fnr: kari.clone(), fornavn: "Kari".into(), mellomnavn: String::new(), etternavn: "Nordmann".into(), adresse: None }).await.unwrap();
        let id = send(&store, &kari, 1_000).await;

        let calc = CalculationRow {
            id: format!("c-{id}"),
            application_id: id.clone(),
            input_json: r#"{"voksne":"enslig"}"#.into(),
            result_json: r#"{"lines":[]}"#.into(),
            proposed_ore: 1_234_550,
            override_ore: Some(1_000_000),
            override_reason: Some("Husleien er delt med en venn.".into()),
            by_subject: "sara".into(),
            by_name: "Sara Lund".into(),
            created_ms: 1_500,
        };
        let draft = decision_row(&id, "til-godkjenning", "sara");
        assert!(matches!(change(&store, &id, vec![DecisionWrite::Calculation(calc.clone()), DecisionWrite::Decision(draft.clone())], false, 2_000).await, Changed::Done { .. }));
        assert_eq!(store.latest_calculation(&id).await.unwrap(), Some(calc.clone()), "{label}");
        assert_eq!(store.decisions(&id).await.unwrap(), vec![draft.clone()], "{label}");

        // The inbox: waiting for someone other than its author, and not "returned" to anyone.
        let frogner = CaseAccess::for_staff(&[Role::Beslutter], "0312").unwrap();
        let inbox = |filter, me: &str| InboxQuery { filter, me: me.into(), search: String::new(), page: 0, page_size: 50, now: 10_000 };
        assert_eq!(store.inbox(&frogner, &inbox(InboxFilter::AwaitingApproval, "berit")).await.unwrap().rows.len(), 1, "{label}");
        assert!(store.inbox(&frogner, &inbox(InboxFilter::AwaitingApproval, "sara")).await.unwrap().rows.is_empty(), "{label}: not the author's to approve");
        assert!(store.inbox(&frogner, &inbox(InboxFilter::ReturnedToMe, "sara")).await.unwrap().rows.is_empty(), "{label}");

        let returned = DecisionRow { stage: "returnert".into(), return_comment: Some("Sjekk husleien.".into()), returned_by: Some("berit".into()), version: 2, ..draft.clone() };
        change(&store, &id, vec![DecisionWrite::Decision(returned)], false, 2_500).await;
        assert_eq!(store.inbox(&frogner, &inbox(InboxFilter::ReturnedToMe, "sara")).await.unwrap().rows.len(), 1, "{label}");
        assert!(store.inbox(&frogner, &inbox(InboxFilter::ReturnedToMe, "berit")).await.unwrap().rows.is_empty(), "{label}");
        assert!(store.inbox(&frogner, &inbox(InboxFilter::AwaitingApproval, "berit")).await.unwrap().rows.is_empty(), "{label}");

        // Made: the letter filed in the same change is the decision's letter and the event's file.
        let made = DecisionRow { stage: "vedtatt".into(), approved_by: Some("berit".into()), four_eyes: Some(true), letter_id: Some(String::new()), version: 3, ..draft };
        let payments = [
            payment_row(&id, "V1-U1", "2026-12-01", "planlagt"),
            payment_row(&id, "V1-U2", "2026-12-20", "planlagt"),
            payment_row(&id, "V1-U3", "2027-01-05", "planlagt"),
            payment_row(&id, "V1-U4", "2026-12-02", "stoppet"),
        ];
        let mut writes = vec![DecisionWrite::Decision(made.clone())];
        writes.extend(payments.iter().cloned().map(DecisionWrite::Payment));
        let Changed::Done { letter: Some(letter), .. } = change(&store, &id, writes, true, 3_000).await else { panic!("{label}: written with a letter") };
        let stored = store.decisions(&id).await.unwrap();
        assert_eq!(stored[0].letter_id.as_deref(), Some(letter.as_str()), "{label}");
        assert_eq!(stored[0].four_eyes, Some(true), "{label}");
        let doc = store.events(&id, &kari).await.unwrap();
        assert!(serde_json::Value::Array(doc).to_string().contains(&letter), "{label}: vedtaksfil names the letter");

        // The export's list: planned only, in the period, by due date; amounts in øre as written.
        let due = store.payments_due("0312", date!(2026 - 12 - 01), Some(date!(2026 - 12 - 31))).await.unwrap();
        let refs: Vec<&str> = due.iter().map(|d| d.payment.referanse.as_str()).collect();
        assert_eq!(refs, vec!["V1-U1", "V1-U2"], "{label}");
        assert_eq!(due[0].payment.amount_ore, 900_050, "{label}");
        assert!(due[0].case_reference.starts_with("VF-"), "{label}");
        assert_eq!(due[0].payment_reference(), format!("{}-V1-U1", due[0].case_reference), "{label}: unique across the office");
        assert!(due[0].payment_reference().len() <= 35, "{label}: fits EndToEndId");
        assert_eq!(due[0].due_date(), Some(date!(2026 - 12 - 01)), "{label}");
        assert_eq!(store.payments_due("0312", date!(2026 - 12 - 02), None).await.unwrap().len(), 2, "{label}: open-ended");
        assert!(store.payments_due("1201", date!(2026 - 01 - 01), None).await.unwrap().is_empty(), "{label}: another office's");

        // Marked paid: the row changes whole, and leaves the export's list.
        let paid = PaymentRow { state: "utbetalt".into(), paid_on: Some("2026-12-01".into()), updated_ms: 4_000, ..payments[0].clone() };
        change(&store, &id, vec![DecisionWrite::Payment(paid.clone())], false, 4_000).await;
        assert_eq!(store.payments(&id).await.unwrap().into_iter().find(|p| p.referanse == "V1-U1"), Some(paid), "{label}");
        assert_eq!(store.payments_due("0312", date!(2026 - 12 - 01), Some(date!(2026 - 12 - 31))).await.unwrap().len(), 1, "{label}");

        // A form drawn from an old version writes nothing.
        let access = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").unwrap();
        let old = store.case_state(&access, &id).await.unwrap().unwrap().version - 1;
        let stale =
            OfficeChange { expected_version: Some(old), decisions: vec![DecisionWrite::Payment(payment_row(&id, "V1-U9", "2026-12-24", "planlagt"))], ..OfficeChange::default() };
        assert_eq!(store.office_change(&id, ("sara", "Sara Lund"), &stale, &entry(&id, "x"), 5_000).await.unwrap(), Changed::Conflict, "{label}");
        assert_eq!(store.payments(&id).await.unwrap().len(), 4, "{label}: nothing written on a conflict");
    }
}
