//! Racing writers: many people writing at once must never meet "database is locked". On SQLite a
//! deferred transaction that reads before it writes fails at once when another writer committed in
//! between (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout; every write path must wait instead.
//! Each of twelve citizens works their own draft and application through every write function the
//! web layer calls, all at once, while the office's audit appends run beside them. Zero errors on
//! either database.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use velferd_domain::application::Answers;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::{testing, AuditEntry, NewApplication, NewDraftFile, NewPower, Outcome, Store, SubmittedDocument};

const CITIZENS: usize = 12;
const ROUNDS: usize = 6;

fn fnr(i: usize) -> Fodselsnummer {
    // Synthetic numbers (month + 80), each with valid check digits.
    let base = format!("{:02}{:02}9{:1}", (i % 28) + 1, 81 + (i / 28) % 12, i % 10);
    (0..1000).find_map(|n| Fodselsnummer::with_check_digits(&format!("{base}{n:03}"))).expect("a synthetic number")
}

fn file(slot: &str, n: usize) -> NewDraftFile {
    NewDraftFile { slot: slot.into(), name: format!("side-{n}.jpg"), sha256: format!("{n:064x}"), bytes: 1000, thumb_sha256: None, pages: 1, warnings: vec![], is_pdf: false }
}

fn application() -> NewApplication {
    NewApplication {
        summary: Vec::new(),
        kommunenummer: Kommunenummer::parse("0301").expect("kommune"),
        enhetsnummer: "0312".into(),
        emergency: false,
        soknad_json: serde_json::json!({"version": "1.0.0"}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers: Answers::default(),
        events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "status": "MOTTATT"})],
        documents: vec![SubmittedDocument { kind: "husleiekontrakt".into(), tilleggsinfo: "husleiekontrakt".into(), sha256: format!("{:064x}", 1), bytes: 10 }],
    }
}

/// One citizen's whole journey, every write the web layer makes, as fast as it goes. Returns the
/// errors met (as text), which must be none.
async fn citizen(store: Store, i: usize) -> Vec<String> {
    let mut errors = Vec::new();
    let owner = fnr(i);
    let kommune = Kommunenummer::parse("0301").expect("kommune");
    macro_rules! check {
        ($what:expr, $e:expr) => {
            match $e {
                Ok(v) => Some(v),
                Err(e) => {
                    errors.push(format!("citizen {i}, {}: {e}", $what));
                    None
                }
            }
        };
    }
    for round in 0..ROUNDS {
        let now = 1_000_000 + (round as i64) * 1000;
        let session = format!("session-{i}-{round}");
        check!("session create", store.session_create(&session, "{}", now + 3_600_000).await);
        check!("session renew", store.session_load_renewing(&session, now, now + 7_200_000, 60_000).await);
        check!("rate limit", store.count_hit("send", owner.as_str(), 60_000, now).await);
        let Some(draft) = check!("create draft", store.create_draft(&owner, &kommune, &Answers::default(), now).await) else { continue };
        let mut answers = Answers::default();
        answers.set("hvorfor", format!("runde {round}"));
        check!("save answers", store.save_answers(&draft.id, &owner, &answers, now).await);
        let mut ids = Vec::new();
        for n in 0..4 {
            if let Some(Some(id)) = check!("add draft file", store.add_draft_file(&draft.id, &owner, &file("husleiekontrakt.husleiekontrakt", i * 100 + n), now).await) {
                ids.push(id);
            }
        }
        if let Some(first) = ids.first() {
            check!("turn", store.turn_draft_file(&draft.id, &owner, first).await);
            check!("move", store.move_draft_file(&draft.id, &owner, first, false).await);
            check!("remove", store.remove_draft_file(&draft.id, &owner, first).await);
        }
        check!("choice", store.set_document_choice(&draft.id, &owner, "lonnslipp.arbeid", Some("VedleggAlleredeSendt")).await);
        check!("session save", store.session_update(&session, "{\"step\":1}", now + 3_600_000).await);
        let Some(Some(sent)) = check!("send", store.submit(&draft.id, &owner, &application(), now).await) else { continue };
        check!(
            "audit",
            store
                .audit(
                    &AuditEntry {
                        actor: format!("citizen:{i}"),
                        actor_name: "Test".into(),
                        role: "innbygger".into(),
                        office: None,
                        action: "read-application".into(),
                        person: Some(owner.as_str().to_owned()),
                        application_id: Some(sent.id.clone()),
                        outcome: Outcome::Permit,
                    },
                    now,
                )
                .await
        );
        let documents = [SubmittedDocument { kind: "kontoutskrift".into(), tilleggsinfo: "brukskonto".into(), sha256: format!("{:064x}", 2), bytes: 10 }];
        check!("send documents", store.add_submission(&sent.id, &owner, &documents, &serde_json::json!({"vedlegg": []}), now).await);
        check!(
            "office event",
            store
                .append_events(&sent.id, &[serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T11:00:00.000Z", "status": "UNDER_BEHANDLING"})], now)
                .await
        );
        if let Some(letter) = check!("letter", store.add_letter(&sent.id, "Brev", &format!("{:064x}", 3), 10, now).await) {
            check!("open letter", store.open_letter(&sent.id, &owner, &letter, now).await);
        }
        let helper = fnr(i + 40);
        let power = NewPower { helper: &helper, helper_name: "Hjelper", may_send_documents: true, may_write_messages: true, valid_until_ms: now + 1_000_000 };
        if let Some(Some(power)) = check!("grant power", store.grant_power(&sent.id, &owner, &power, now).await) {
            check!("revoke power", store.revoke_power(&sent.id, &owner, &power, now).await);
        }
        check!("session delete", store.session_delete(&session).await);
    }
    errors
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn citizens_writing_at_once_never_meet_a_locked_database() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap_or_else(|e| panic!("{}: {e}", db.label));
        let store = Arc::new(store);
        let tasks: Vec<_> = (0..CITIZENS).map(|i| tokio::spawn(citizen((*store).clone(), i))).collect();
        let mut errors = Vec::new();
        for t in tasks {
            errors.extend(t.await.expect("task"));
        }
        assert!(errors.is_empty(), "{}: {} writes failed, e.g. {:?}", db.label, errors.len(), &errors[..errors.len().min(5)]);
        assert_eq!(store.count_applications().await.expect("count"), (CITIZENS * ROUNDS) as i64, "{}", db.label);
        assert!(matches!(store.verify_audit().await.expect("verify"), velferd_store::ChainCheck::Intact { .. }), "{}", db.label);
    }
}
