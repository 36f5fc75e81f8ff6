//! Backup and restore round trips between SQLite and PostgreSQL in every direction, and retention's
//! deletion of a whole case.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use velferd_domain::application::{Answers, Soker, SokerAdresse};
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::backup::{NOT_BACKED_UP, TABLES};
use velferd_store::{testing, AuditEntry, AuditKey, ChainCheck, Files, LocalFiles, NewApplication, NewDraftFile, Outcome, Store, SubmittedDocument};

fn fnr(nine: &str) -> Fodselsnummer {
    (0..10).find_map(|i| Fodselsnummer::with_check_digits(&format!("{}{i}", &nine[..8]))).expect("valid")
}

/// One of everything: a person, a draft, an application with events, a document sent later, a
/// letter (opened), the case system's status, an API key, a staff member and a journal note, audit
/// entries and feed rows.
async fn seed(store: &Store, files: &dyn Files) -> (String, String) {
    let owner = fnr("01019012300");
    store
        .upsert_person(&Soker {
            fnr: owner.clone(),
            fornavn: "Åse".into(),
            mellomnavn: String::new(),
            etternavn: "Ødegård".into(),
            adresse: Some(SokerAdresse { gatenavn: "Storgata".into(), husnummer: "1".into(), postnummer: "0155".into(), poststed: "Oslo".into(), kommunenummer: "0301".into() }),
        })
        .await
        .unwrap();
    let kommune = Kommunenummer::parse("0301").unwrap();
    let mut answers = Answers::default();
    answers.set("hvorfor", "Husleia – «for høy» 🙂");
    let open = store.create_draft(&owner, &kommune, &answers, 5).await.unwrap();
    let photo = files.put(b"\xff\xd8 a photo").await.unwrap();
    let thumb = files.put(b"\xff\xd8 its thumbnail").await.unwrap();
    let attached = NewDraftFile {
        slot: "lonnslipp.arbeid".into(),
        name: "slipp.jpg".into(),
        sha256: photo,
        bytes: 10,
        thumb_sha256: Some(thumb),
        pages: 1,
        warnings: vec!["dark".into()],
        is_pdf: false,
    };
    store.add_draft_file(&open.id, &owner, &attached, 5).await.unwrap().unwrap();
    store.set_document_choice(&open.id, &owner, "skattemelding.skattemelding", Some("tidligere")).await.unwrap();
    let draft = store.create_draft(&owner, &kommune, &answers, 6).await.unwrap();
    // A dark photo sent with the application: the warning she was shown is kept with it.
    store.add_draft_file(&draft.id, &owner, &attached, 6).await.unwrap().unwrap();
    let new = NewApplication {
        summary: Vec::new(),
        kommunenummer: kommune.clone(),
        enhetsnummer: "0312".into(),
        emergency: true,
        soknad_json: serde_json::json!({"version": "1.0.0", "tekst": "æøå"}),
        vedlegg_json: serde_json::json!({"vedlegg": []}),
        answers,
        events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-01T00:00:00.000Z", "status": "MOTTATT"})],
        documents: vec![],
    };
    let id = store.submit(&draft.id, &owner, &new, 7).await.unwrap().unwrap().id;
    store.append_events(&id, &[serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2030-01-02T00:00:00.000Z", "status": "FERDIGBEHANDLET"})], 8).await.unwrap();
    let doc = files.put(b"%PDF-1.7 kontrakt").await.unwrap();
    let doc_entry = SubmittedDocument { kind: "husleiekontrakt".into(), tilleggsinfo: "husleiekontrakt".into(), sha256: doc, bytes: 17 };
    store.add_submission(&id, &owner, &[doc_entry], &serde_json::json!({"vedlegg": []}), 9).await.unwrap().unwrap();
    let key = store.create_api_key(&kommune, "Oslo fagsystem", 10).await.unwrap();
    let client = store.api_client(&key.secret).await.unwrap().unwrap();
    let letter = files.put(b"%PDF-1.7 vedtak").await.unwrap();
    let letter_id = store.add_letter_for_client(&client, &id, "Vedtak", &letter, 15, 11).await.unwrap().unwrap();
    store.open_letter(&id, &owner, &letter_id, 12).await.unwrap().unwrap();
    let helper = fnr("02029112300");
    let power = velferd_store::NewPower { helper: &helper, helper_name: "Hjelper", may_send_documents: true, may_write_messages: true, valid_until_ms: 1_000_000 };
    store.grant_power(&id, &owner, &power, 12).await.unwrap().unwrap();
    // A helper has chosen a photo to send later and not sent it yet.
    let chosen = files.put(b"\xff\xd8 a page chosen").await.unwrap();
    let later = NewDraftFile { slot: "annet.annet".into(), name: "side.jpg".into(), sha256: chosen, bytes: 10, thumb_sha256: None, pages: 1, warnings: vec![], is_pdf: false };
    store.add_pending_file(&id, &owner, &helper, &later, 12).await.unwrap().unwrap();
    store.put_external_status(&client, &id, &serde_json::json!({"version": "1.0.0", "hendelser": []}), 13).await.unwrap();
    store.acknowledge(&client, &id, 14).await.unwrap();
    let sara = velferd_store::StaffMember { subject: "sara".into(), name: "Sara Lund".into(), office: "0312".into(), roles: "saksbehandler".into() };
    store.record_staff_member(&sara, 14).await.unwrap();
    // A calculation, a decision and its payment ride along with the note (one of each table).
    let calculation = velferd_store::CalculationRow {
        id: "c1".into(),
        application_id: id.clone(),
        input_json: "{}".into(),
        result_json: "{}".into(),
        proposed_ore: 1_000_050,
        override_ore: Some(900_000),
        override_reason: Some("Delt husleie".into()),
        by_subject: "sara".into(),
        by_name: "Sara Lund".into(),
        created_ms: 14,
    };
    let decision = velferd_store::DecisionRow {
        id: "d1".into(),
        application_id: id.clone(),
        enhetsnummer: "0312".into(),
        seq: 1,
        saksreferanse: "S1".into(),
        calculation_id: Some("c1".into()),
        content_json: "{}".into(),
        stage: "vedtatt".into(),
        author: "sara".into(),
        author_name: "Sara Lund".into(),
        submitted_ms: Some(14),
        returned_by: Some("berit".into()),
        returned_name: Some("Berit Solberg".into()),
        return_comment: Some("Sjekk beløpet".into()),
        returned_ms: Some(14),
        approved_by: Some("berit".into()),
        approved_name: Some("Berit Solberg".into()),
        approved_ms: Some(14),
        four_eyes: Some(true),
        letter_id: Some(letter_id.clone()),
        version: 3,
        created_ms: 14,
        updated_ms: 14,
    };
    let payment = velferd_store::PaymentRow {
        id: "p1".into(),
        application_id: id.clone(),
        decision_id: "d1".into(),
        enhetsnummer: "0312".into(),
        referanse: "V1-U1".into(),
        saksreferanse: "S1".into(),
        description: "Husleie".into(),
        amount_ore: 900_000,
        due: "2026-12-01".into(),
        period_from: Some("2026-12-01".into()),
        period_to: Some("2026-12-31".into()),
        recipient_kind: "annen".into(),
        recipient_name: "Boligbyggelaget AS".into(),
        account: "86011117947".into(),
        kid: Some("12345678903".into()),
        message: Some("Husleie desember".into()),
        state: "utbetalt".into(),
        paid_on: Some("2026-12-01".into()),
        created_ms: 14,
        updated_ms: 14,
    };
    let decisions = vec![velferd_store::DecisionWrite::Calculation(calculation), velferd_store::DecisionWrite::Decision(decision), velferd_store::DecisionWrite::Payment(payment)];
    let note = velferd_store::OfficeChange { journal: vec![("note".into(), "Ringt søker".into())], decisions, ..Default::default() };
    let noted = AuditEntry {
        actor: "staff:sara".into(),
        actor_name: "Sara Lund".into(),
        role: "saksbehandler".into(),
        office: Some("0312".into()),
        action: "write-note".into(),
        person: Some(owner.as_str().into()),
        application_id: Some(id.clone()),
        outcome: Outcome::Permit,
    };
    store.office_change(&id, ("sara", "Sara Lund"), &note, &noted, 14).await.unwrap();
    let photo_of_bill = files.put(b"%PDF-1.7 a bill, photographed").await.unwrap();
    let attachment = velferd_store::Attachment { sha256: photo_of_bill, bytes: 30, pages: 1, file_names: vec!["regning.jpg".into()] };
    let message = velferd_store::NewMessage {
        token: "t1",
        from_office: false,
        author: "innbygger",
        author_name: "Kari",
        body: "Når får jeg svar?",
        emergency: true,
        attachment: Some(&attachment),
    };
    store.post_message(&id, "0312", &message, Some(&AuditEntry { action: "write-message".into(), ..noted.clone() }), 14).await.unwrap();
    let template = velferd_store::TemplateChange { id: None, enhetsnummer: "0312", title: "Mottatt", body: "Vi har fått meldingen din.", by: ("sara", "Sara Lund") };
    store.save_reply_template(&template, &AuditEntry { action: "save-reply-template".into(), person: None, application_id: None, ..noted.clone() }, 14).await.unwrap();
    store.route_conversation(&id, "0312", Some(("ali", "Ali Rahimi")), &AuditEntry { action: "route-conversation".into(), ..noted.clone() }, 14).await.unwrap();
    let choices = velferd_domain::notices::Choices { email: Some("kari@example.no".into()), phone: None, email_on: true, sms_on: false, off: vec![] };
    store.set_contact_choices(&owner, &choices, 14).await.unwrap();
    let meeting = velferd_store::NewMeeting {
        application_id: &id,
        enhetsnummer: "0312",
        caseworker: "sara",
        caseworker_name: "Sara Lund",
        room: Some("Fjorden"),
        kind: "oppmote",
        place: "Sørkedalsveien 6",
        start_ms: 1_796_198_400_000,
        end_ms: 1_796_198_400_000 + 45 * 60 * 1000,
    };
    store.book_meeting(&meeting, &AuditEntry { action: "book-meeting".into(), ..noted.clone() }, 14).await.unwrap();
    let klage = serde_json::json!({"fiksDigisosId": id, "klageId": "6d3c2f1e-0000-4000-8000-000000000001", "vedleggSpesifikasjonId": "6d3c2f1e-0000-4000-8000-000000000002", "vedtakIder": ["v1"]});
    let event = serde_json::json!({"hendelseType": "KlageStatusHendelse", "hendelseId": "e1", "hendelseTekst": "Klage mottatt", "hendelseDato": "2026-11-30T12:00:00Z", "status": "MOTTATT"});
    let appeal = velferd_store::NewAppeal {
        application_id: &id,
        decision_id: "v1",
        token: "k1",
        text: "Jeg er uenig.",
        deadline: "2026-12-21",
        days_late: 0,
        late_reason: None,
        klage_json: &klage,
        event: &event,
    };
    store.receive_appeal(&appeal, 14).await.unwrap();
    seed_concern_report(store, files).await;
    // The contact centre promised a callback (issue 17).
    let callback = velferd_store::NewCallback {
        application_id: id.clone(),
        office: "0312".into(),
        phone: "+4791234567".into(),
        window_start_ms: 1_796_198_400_000,
        window_end_ms: 1_796_198_400_000 + 3_600_000,
        note: "Lurer på når pengene kommer.".into(),
        created_by: ("tor".into(), "Tor Bakke".into()),
    };
    store.add_callback(&callback, "Ring tilbake", &AuditEntry { action: "contact-callback".into(), ..noted.clone() }, 14).await.unwrap();
    // The owner was registered without electronic ID (issue 17).
    let without_eid = velferd_store::PersonWithoutEid {
        fnr: owner.as_str().to_owned(),
        phone: Some("+4799887766".into()),
        contact: Some(("Kari Bymisjon".into(), None, "botilbud".into())),
        identity_check: "pass".into(),
        identity_checked_by: "Sara Lund".into(),
        office: "0312".into(),
        registered_by: ("sara".into(), "Sara Lund".into()),
        updated_ms: 14,
    };
    store.register_without_eid(&without_eid, &AuditEntry { action: "register-person-without-eid".into(), application_id: None, ..noted.clone() }, 14).await.unwrap();
    for action in ["read-application", "update-status"] {
        let entry = AuditEntry {
            actor: format!("api-key:{}", client.key_id),
            actor_name: client.name.clone(),
            role: "fagsystem".into(),
            office: Some("0301".into()),
            action: action.into(),
            person: Some(owner.as_str().to_owned()),
            application_id: Some(id.clone()),
            outcome: Outcome::Permit,
        };
        store.audit(&entry, 15).await.unwrap();
    }
    (id, letter)
}

/// A child-welfare concern report with an attachment and an urgency step (which writes an audit
/// entry).
async fn seed_concern_report(store: &Store, files: &dyn Files) {
    use velferd_domain::barnevern::{Child, Jurisdiction, Report, Reporter, Step, Urgency};
    let report = Report {
        kommune: Kommunenummer::parse("0301").unwrap(),
        jurisdiction: Jurisdiction::Norway,
        child: Child { name: "Emil".into(), fnr: None, birth_date: Some("2016-05-01".into()), whereabouts: "Fjell skole".into() },
        concern: "Kommer uten mat.".into(),
        urgency: Urgency::Snart,
        danger_now: false,
        reporter: Reporter::Offentlig {
            fnr: fnr("01019012300"),
            name: "Åse Ødegård".into(),
            role: "Lærer".into(),
            organisation: "Fjell skole".into(),
            phone: String::new(),
            email: String::new(),
        },
    };
    let sha = files.put(b"%PDF-1.7 concern attachment").await.unwrap();
    let attachment = velferd_store::NewReportFile { kind: "vedlegg".into(), name: "notat.pdf".into(), sha256: sha, bytes: 27 };
    let projection = velferd_store::ReportProjection { status: "ny", next_deadline_ms: Some(1_000), acute: false };
    let new = velferd_store::NewConcernReport { submit_key: "bk1", report: &report, files: std::slice::from_ref(&attachment), projection: projection.clone() };
    let (id, _) = store.submit_concern_report(&new, None, 14).await.unwrap();
    let step = Step::Hastegrad { urgency: Urgency::Snart, reason: "Ikke akutt.".into() };
    let entry = AuditEntry {
        actor: "staff:bente".into(),
        actor_name: "Bente Vik".into(),
        role: "barnevern".into(),
        office: Some("0301".into()),
        action: "barnevern-hastegrad".into(),
        person: None,
        application_id: Some(id.clone()),
        outcome: Outcome::Permit,
    };
    let s = velferd_store::NewStep {
        report_id: &id,
        version: 1,
        step: &step,
        actor: "staff:bente",
        actor_name: "Bente Vik",
        projection: velferd_store::ReportProjection { status: "vurdert", ..projection },
        file: None,
    };
    assert!(store.record_concern_step(&s, &entry, 14).await.unwrap());
}

/// The whole backup folder as text, file by file (manifest time left out).
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["tables", "files"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap().flatten() {
            out.insert(format!("{sub}/{}", e.file_name().to_string_lossy()), std::fs::read(e.path()).unwrap());
        }
    }
    out
}

#[tokio::test]
async fn the_backup_lists_every_table_and_column_of_the_schema() {
    for db in testing::all().await {
        let store = Store::connect(&db.url).await.unwrap();
        let live = store.table_columns().await.unwrap();
        for (table, columns) in &live {
            if NOT_BACKED_UP.contains(&table.as_str()) {
                continue;
            }
            let listed = TABLES.iter().find(|(t, _)| t == table).unwrap_or_else(|| panic!("{}: table {table} is not in backup::TABLES", db.label));
            let mut want: Vec<&str> = columns.iter().map(String::as_str).collect();
            let mut have: Vec<&str> = listed.1.iter().map(|(c, _)| *c).collect();
            want.sort();
            have.sort();
            assert_eq!(have, want, "{}: columns of {table}", db.label);
        }
        assert_eq!(live.len(), TABLES.len() + NOT_BACKED_UP.len(), "{}: {:?}", db.label, live.keys());
    }
}

#[tokio::test]
async fn a_backup_restores_to_the_same_data_in_either_database() {
    let sources = testing::all().await;
    for source in &sources {
        let work = testing::temp_dir();
        let files = LocalFiles::new(work.0.join("files"));
        let store = Store::connect(&source.url).await.unwrap();
        seed(&store, &files).await;
        let backup = work.0.join("backup");
        let manifest = store.backup(&files, &backup, 100).await.unwrap();
        assert_eq!(
            manifest.files, 7,
            "a document, a letter, a draft's photo and its thumbnail, a page chosen to send later, a concern report's attachment, a message's attachment"
        );
        assert!(manifest.rows.values().all(|n| *n > 0), "{}: one of everything: {:?}", source.label, manifest.rows);
        assert!(store.backup(&files, &backup, 101).await.is_err(), "never over an existing backup");

        for target in testing::all().await {
            let restored_files = LocalFiles::new(work.0.join(format!("files-{}", target.label)));
            let restored = Store::connect(&target.url).await.unwrap();
            restored.restore(&restored_files, &backup).await.unwrap_or_else(|e| panic!("{} → {}: {e}", source.label, target.label));
            assert!(matches!(restored.verify_audit().await.unwrap(), ChainCheck::Intact { .. }), "{} → {}", source.label, target.label);
            // Backing up the restored database gives the same backup, row for row and file for file.
            let again = work.0.join(format!("again-{}", target.label));
            restored.backup(&restored_files, &again, 102).await.unwrap();
            assert_eq!(contents(&again), contents(&backup), "{} → {}", source.label, target.label);
            // Restoring over data is refused and changes nothing.
            let err = restored.restore(&restored_files, &backup).await.unwrap_err().to_string();
            assert!(err.contains("empty database"), "{err}");
        }
    }
}

#[tokio::test]
async fn a_damaged_backup_is_refused_and_nothing_is_restored() {
    let work = testing::temp_dir();
    let files = LocalFiles::new(work.0.join("files"));
    let source = testing::sqlite();
    let store = Store::connect(&source.url).await.unwrap();
    let db = testing::sqlite();
    let store2 = Store::connect(&db.url).await.unwrap();
    seed(&store, &files).await;
    let backup = work.0.join("backup");
    store.backup(&files, &backup, 100).await.unwrap();
    // Cut the last line of the events table.
    let path = backup.join("tables/events.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().collect();
    std::fs::write(&path, kept[..kept.len() - 1].join("\n") + "\n").unwrap();
    let err = store2.restore(&files, &backup).await.unwrap_err().to_string();
    assert!(err.contains("events") && err.contains("manifest"), "{err}");
    assert_eq!(store2.count_applications().await.unwrap(), 0, "all or nothing");
}

#[tokio::test]
async fn deleting_a_case_removes_everything_on_it_and_its_files() {
    for db in testing::all().await {
        let work = testing::temp_dir();
        let files = LocalFiles::new(work.0.join("files"));
        let store = Store::connect(&db.url).await.unwrap();
        let (id, letter_sha) = seed(&store, &files).await;
        let candidates = store.retention_candidates(1_000).await.unwrap();
        assert_eq!(candidates.len(), 1, "{}", db.label);
        assert_eq!(candidates[0].last_activity_ms, 13, "{}: the case system's status was the last activity", db.label);
        assert_eq!(candidates[0].events.len(), 2);
        assert!(store.retention_candidates(13).await.unwrap().is_empty(), "{}: activity at 13 is not before 13", db.label);

        let orphans = store.delete_application(&id).await.unwrap();
        assert_eq!(orphans.len(), 4, "{}: the document, the letter, the page chosen to send later and the message's attachment", db.label);
        assert!(orphans.contains(&letter_sha));
        assert_eq!(store.count_applications().await.unwrap(), 0);
        let left = store.backup(&files, &work.0.join("after"), 0).await.unwrap().rows;
        for table in [
            "events",
            "submissions",
            "submission_documents",
            "letters",
            "pending_files",
            "external_status",
            "feed",
            "messages",
            "message_attachments",
            "conversations",
            "meetings",
            "meeting_slots",
            "callbacks",
            "applications",
        ] {
            assert_eq!(left[table], 0, "{}: {table}", db.label);
        }
        assert_eq!(left["audit_log"], 10, "the audit log keeps the record of who read and did what");
    }
}

/// The register of people without electronic ID keeps a person while they have an application or
/// a draft; once neither is left, an entry not changed since the cut-off goes.
#[tokio::test]
async fn a_person_without_electronic_id_leaves_the_register_with_their_last_case_and_draft() {
    for db in testing::all().await {
        let work = testing::temp_dir();
        let files = LocalFiles::new(work.0.join("files"));
        let store = Store::connect(&db.url).await.unwrap();
        let (id, _) = seed(&store, &files).await;
        let owner = fnr("01019012300");
        let candidates = store.without_eid_retention_candidates(1_000).await.unwrap();
        assert_eq!(candidates.len(), 1, "{}", db.label);
        assert_eq!((candidates[0].fnr.as_str(), candidates[0].applications.as_slice(), candidates[0].has_draft), (owner.as_str(), std::slice::from_ref(&id), true), "{}", db.label);
        assert!(store.without_eid_retention_candidates(14).await.unwrap().is_empty(), "{}: changed at 14 is not before 14", db.label);
        assert!(!store.delete_without_eid(owner.as_str(), 1_000).await.unwrap(), "{}: her case is there", db.label);

        store.delete_application(&id).await.unwrap();
        assert!(!store.delete_without_eid(owner.as_str(), 1_000).await.unwrap(), "{}: her draft is there", db.label);
        store.delete_expired_drafts(10_000_000_000_000).await.unwrap();
        assert!(!store.delete_without_eid(owner.as_str(), 14).await.unwrap(), "{}: changed since the cut-off", db.label);
        assert!(store.without_eid(&owner).await.unwrap().is_some(), "{}", db.label);
        assert!(store.delete_without_eid(owner.as_str(), 1_000).await.unwrap(), "{}: nothing left, so she goes", db.label);
        assert!(store.without_eid(&owner).await.unwrap().is_none(), "{}", db.label);
    }
}

/// Edits one table of a backup and sets the manifest's row count to match, as someone who changes a
/// backup on purpose would.
fn edit_table(backup: &Path, table: &str, edit: impl FnOnce(&mut Vec<String>)) {
    let path = backup.join("tables").join(format!("{table}.jsonl"));
    let mut lines: Vec<String> = std::fs::read_to_string(&path).unwrap().lines().map(str::to_owned).collect();
    edit(&mut lines);
    std::fs::write(&path, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let manifest_path = backup.join("manifest.json");
    let mut manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    manifest["rows"][table] = serde_json::json!(lines.len());
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
}

/// Every table of `store` is empty (what a refused restore must leave).
async fn assert_empty(store: &Store, files: &dyn Files, label: &str) {
    let dir = testing::temp_dir();
    let rows = store.backup(files, &dir.0.join("check"), 0).await.unwrap().rows;
    assert!(rows.values().all(|n| *n == 0), "{label}: the refused restore left rows behind: {rows:?}");
}

#[tokio::test]
async fn a_backup_whose_audit_log_lost_its_last_entry_or_was_edited_restores_nothing() {
    let work = testing::temp_dir();
    let files = LocalFiles::new(work.0.join("files"));
    let source = testing::sqlite();
    let store = Store::connect(&source.url).await.unwrap();
    seed(&store, &files).await;
    type Edit = fn(&mut Vec<String>);
    let edits: [(&str, Edit); 2] = [
        ("the last audit entry removed", |lines| {
            lines.pop();
        }),
        ("an audit entry's actor changed", |lines| {
            let line = lines.iter_mut().find(|l| l.contains("Oslo fagsystem")).expect("an entry by the case system");
            *line = line.replace("Oslo fagsystem", "Bergen fagsystem");
        }),
    ];
    for (n, (what, edit)) in edits.into_iter().enumerate() {
        let backup = work.0.join(format!("backup-{n}"));
        store.backup(&files, &backup, 100).await.unwrap();
        edit_table(&backup, "audit_log", edit);
        for target in testing::all().await {
            let restored = Store::connect(&target.url).await.unwrap();
            let restored_files = LocalFiles::new(work.0.join(format!("files-{n}-{}", target.label)));
            let err = restored.restore(&restored_files, &backup).await.expect_err(what).to_string();
            assert!(err.contains("audit log in the backup does not verify") && err.contains("nothing was restored"), "{what}, {}: {err}", target.label);
            assert_empty(&restored, &restored_files, &format!("{what}, {}", target.label)).await;
            assert!(!work.0.join(format!("files-{n}-{}", target.label)).exists(), "{what}: no file was stored either");
        }
    }
}

/// With the audit key, a backup carries its audit chain's head signed; a restore given the public
/// key refuses a backup whose log was cut together with its head row, and one without a signature.
#[tokio::test]
async fn a_signed_backup_restores_only_with_its_whole_audit_log() {
    let work = testing::temp_dir();
    let files = LocalFiles::new(work.0.join("files"));
    let source = testing::sqlite();
    let store = Store::connect(&source.url).await.unwrap();
    seed(&store, &files).await;
    let key = AuditKey::generate();
    let signed = work.0.join("signed");
    store.backup_signed(&files, &signed, 100, &key).await.unwrap();
    let line = std::fs::read_to_string(signed.join("audit-checkpoint.txt")).unwrap();
    assert!(line.starts_with("velferd-audit-checkpoint seq=10 "), "{line}");
    for target in testing::all().await {
        let restored = Store::connect(&target.url).await.unwrap();
        restored.restore_verified(&LocalFiles::new(work.0.join(format!("files-{}", target.label))), &signed, &key.public_key()).await.unwrap();
        assert_eq!(restored.verify_audit().await.unwrap(), ChainCheck::Intact { entries: 10 }, "{}", target.label);
    }

    // The last entry removed and the head row set back to the entry before: consistent, but short
    // of the signed head.
    let cut = work.0.join("cut");
    store.backup_signed(&files, &cut, 100, &key).await.unwrap();
    let (mut last_seq, mut last_hash) = (0, String::new());
    edit_table(&cut, "audit_log", |lines| {
        lines.pop();
        let row: Vec<serde_json::Value> = serde_json::from_str(lines.last().unwrap()).unwrap();
        (last_seq, last_hash) = (row[0].as_i64().unwrap(), row[11].as_str().unwrap().to_owned());
    });
    edit_table(&cut, "audit_head", |lines| lines[0] = serde_json::json!([1, last_seq, last_hash]).to_string());
    let unsigned = work.0.join("unsigned");
    store.backup(&files, &unsigned, 100).await.unwrap();
    for target in testing::all().await {
        let restored = Store::connect(&target.url).await.unwrap();
        let restored_files = LocalFiles::new(work.0.join(format!("cut-files-{}", target.label)));
        let err = restored.restore_verified(&restored_files, &cut, &key.public_key()).await.unwrap_err().to_string();
        assert!(err.contains("entry 10 is missing") && err.contains("nothing was restored"), "{}: {err}", target.label);
        assert_empty(&restored, &restored_files, target.label).await;
        let err = restored.restore_verified(&restored_files, &unsigned, &key.public_key()).await.unwrap_err().to_string();
        assert!(err.contains("audit-checkpoint.txt") && err.contains("without an audit key"), "{err}");
        let err = restored.restore_verified(&restored_files, &signed, &AuditKey::generate().public_key()).await.unwrap_err().to_string();
        assert!(err.contains("another key"), "{err}");
        assert_empty(&restored, &restored_files, target.label).await;
    }
}
