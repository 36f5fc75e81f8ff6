//! What a `kill -9` leaves in the file store — temp files of writes cut short, and photos or
//! documents stored before the row that would have named them was committed — is removed by the
//! sweep, and a file a row names never is. LocalFiles, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use velferd_domain::application::Answers;
use velferd_domain::ids::{Fodselsnummer, Kommunenummer};
use velferd_store::files::{sha256_hex, sweep, Files, Swept, SWEEP_GRACE_MS};
use velferd_store::testing::{self, temp_dir};
use velferd_store::{LocalFiles, NewApplication, NewDraftFile, Store, SubmittedDocument};

fn owner() -> Fodselsnummer {
    (0..1000).find_map(|n| Fodselsnummer::with_check_digits(&format!("028190{n:03}"))).expect("a synthetic number")
}

fn path(root: &Path, sha: &str) -> PathBuf {
    root.join(&sha[..2]).join(sha)
}

/// Makes a file look written `hours` ago.
fn age(path: &Path, hours: u64) {
    let then = SystemTime::now() - Duration::from_secs(hours * 3600);
    std::fs::OpenOptions::new().write(true).open(path).unwrap().set_modified(then).unwrap();
}

fn now_ms() -> i64 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_millis() as i64
}

#[tokio::test]
async fn the_sweep_removes_leftovers_and_unnamed_files_and_never_a_named_one() {
    for db in testing::all().await {
        let label = db.label;
        let store = Store::connect(&db.url).await.unwrap();
        let dir = temp_dir();
        let root = dir.0.join("files");
        let files = LocalFiles::new(&root);
        let owner = owner();
        let kommune = Kommunenummer::parse("0301").unwrap();

        // Named by rows: a photo in a draft with its preview, and a document sent with an application.
        let photo = files.put(b"photo of a rent contract").await.unwrap();
        let thumb = files.put(b"its preview").await.unwrap();
        let draft = store.create_draft(&owner, &kommune, &Answers::default(), now_ms()).await.unwrap();
        let file = NewDraftFile {
            slot: "husleiekontrakt.husleiekontrakt".into(),
            name: "side-1.jpg".into(),
            sha256: photo.clone(),
            bytes: 24,
            thumb_sha256: Some(thumb.clone()),
            pages: 1,
            warnings: vec![],
            is_pdf: false,
        };
        store.add_draft_file(&draft.id, &owner, &file, now_ms()).await.unwrap().expect("own draft");
        let sent_pdf = files.put(b"%PDF- the contract as sent").await.unwrap();
        let sent = store.create_draft(&owner, &kommune, &Answers::default(), now_ms()).await.unwrap();
        let application = NewApplication {
            summary: Vec::new(),
            kommunenummer: kommune.clone(),
            enhetsnummer: "0312".into(),
            emergency: false,
            soknad_json: serde_json::json!({"version": "1.0.0"}),
            vedlegg_json: serde_json::json!({"vedlegg": []}),
            answers: Answers::default(),
            events: vec![serde_json::json!({"type": "soknadsStatus", "hendelsestidspunkt": "2026-11-30T10:00:00.000Z", "status": "MOTTATT"})],
            documents: vec![SubmittedDocument { kind: "husleiekontrakt".into(), tilleggsinfo: "husleiekontrakt".into(), sha256: sent_pdf.clone(), bytes: 26 }],
        };
        store.submit(&sent.id, &owner, &application, now_ms()).await.unwrap().expect("sent");

        // Named by nothing: a photo stored before a kill -9 took its row, and one uploaded just now
        // whose row is still coming.
        let orphan = files.put(b"a photo whose row never came").await.unwrap();
        let young = files.put(b"a photo being uploaded now").await.unwrap();
        // Temp files: one left by a write cut short, one being written now.
        let half = sha256_hex(b"half written");
        let old_tmp = root.join(&half[..2]).join(format!(".{half}.0123abcd.tmp"));
        let new_tmp = root.join(&half[..2]).join(format!(".{half}.4567efgh.tmp"));
        std::fs::create_dir_all(old_tmp.parent().unwrap()).unwrap();
        std::fs::write(&old_tmp, b"half").unwrap();
        std::fs::write(&new_tmp, b"half").unwrap();
        // Something else in the folder is not ours to touch.
        let foreign = root.join("README");
        std::fs::write(&foreign, b"not a file of ours").unwrap();
        for sha in [&photo, &thumb, &sent_pdf, &orphan] {
            age(&path(&root, sha), 2);
        }
        age(&old_tmp, 2);
        age(&foreign, 2);

        let dry = sweep(&store, &files, now_ms(), SWEEP_GRACE_MS, true).await.unwrap();
        assert_eq!(dry, Swept { leftovers: 1, orphans: 1 }, "{label}: what it would remove");
        assert!(old_tmp.exists() && path(&root, &orphan).exists(), "{label}: a dry run removes nothing");

        let done = sweep(&store, &files, now_ms(), SWEEP_GRACE_MS, false).await.unwrap();
        assert_eq!(done, Swept { leftovers: 1, orphans: 1 }, "{label}");
        assert!(!old_tmp.exists(), "{label}: the old temp file is gone");
        assert_eq!(files.get(&orphan).await.unwrap(), None, "{label}: the unnamed photo is gone");
        assert!(new_tmp.exists(), "{label}: a temp file being written stays");
        assert!(files.get(&young).await.unwrap().is_some(), "{label}: a file younger than an hour stays");
        assert!(foreign.exists(), "{label}: what is not ours stays");
        for sha in [&photo, &thumb, &sent_pdf] {
            assert!(files.get(sha).await.unwrap().is_some(), "{label}: {sha} is named by a row and stays");
        }
        assert_eq!(sweep(&store, &files, now_ms(), SWEEP_GRACE_MS, false).await.unwrap(), Swept::default(), "{label}: nothing left");

        // A file stored long ago, unnamed, and stored again for a row about to name it, is
        // written anew by that put and not swept from under the row.
        let again = files.put(b"uploaded twice").await.unwrap();
        age(&path(&root, &again), 2);
        assert_eq!(files.put(b"uploaded twice").await.unwrap(), again);
        assert_eq!(sweep(&store, &files, now_ms(), SWEEP_GRACE_MS, false).await.unwrap(), Swept::default(), "{label}");
        assert!(files.get(&again).await.unwrap().is_some(), "{label}");

        // Once the draft is gone and its files no longer named, they go too (when old enough).
        store.delete_draft(&draft.id, &owner).await.unwrap();
        store.sweep_draft_files().await.unwrap();
        let swept = sweep(&store, &files, now_ms(), SWEEP_GRACE_MS, false).await.unwrap();
        assert_eq!(swept.orphans, 2, "{label}: the photo and its preview");
        assert!(files.get(&sent_pdf).await.unwrap().is_some(), "{label}: the sent document stays");
        store.close().await;
    }
}

/// Sending or discarding a draft removes that draft's file rows in its own transaction and names
/// the files nothing uses any more, so no sweep over every draft runs while the citizen waits.
#[tokio::test]
async fn a_sent_or_discarded_draft_takes_its_files_with_it() {
    for db in testing::all().await {
        let label = db.label;
        let store = Store::connect(&db.url).await.unwrap();
        let owner = owner();
        let kommune = Kommunenummer::parse("0301").unwrap();
        let photo = |name: &str, sha: &str, thumb: &str| NewDraftFile {
            slot: "husleiekontrakt.husleiekontrakt".into(),
            name: name.into(),
            sha256: sha.into(),
            bytes: 24,
            thumb_sha256: Some(thumb.into()),
            pages: 1,
            warnings: vec![],
            is_pdf: false,
        };
        let (shared, own, thumb_a, thumb_b) = (sha256_hex(b"shared"), sha256_hex(b"own"), sha256_hex(b"thumb a"), sha256_hex(b"thumb b"));
        let sent = store.create_draft(&owner, &kommune, &Answers::default(), now_ms()).await.unwrap();
        let kept = store.create_draft(&owner, &kommune, &Answers::default(), now_ms()).await.unwrap();
        store.add_draft_file(&sent.id, &owner, &photo("a.jpg", &own, &thumb_a), now_ms()).await.unwrap().unwrap();
        store.add_draft_file(&sent.id, &owner, &photo("b.jpg", &shared, &thumb_b), now_ms()).await.unwrap().unwrap();
        // The same photo in another draft of hers: it must stay.
        store.add_draft_file(&kept.id, &owner, &photo("b.jpg", &shared, &thumb_b), now_ms()).await.unwrap().unwrap();

        let document = SubmittedDocument { kind: "husleiekontrakt".into(), tilleggsinfo: "husleiekontrakt".into(), sha256: sha256_hex(b"%PDF- sent"), bytes: 10 };
        let app = NewApplication {
            summary: vec![],
            kommunenummer: kommune.clone(),
            enhetsnummer: "0312".into(),
            emergency: false,
            soknad_json: serde_json::json!({}),
            vedlegg_json: serde_json::json!({"vedlegg": []}),
            answers: Answers::default(),
            events: vec![],
            documents: vec![document],
        };
        let receipt = store.submit(&sent.id, &owner, &app, now_ms()).await.unwrap().unwrap();
        let mut unused = receipt.unused_files.clone();
        unused.sort();
        let mut expected = vec![own.clone(), thumb_a.clone()];
        expected.sort();
        assert_eq!(unused, expected, "{label}: the photo and preview only this draft used");
        assert!(store.sweep_draft_files().await.unwrap().is_empty(), "{label}: nothing of the sent draft is left for the sweep");
        assert!(store.submit(&sent.id, &owner, &app, now_ms()).await.unwrap().unwrap().unused_files.is_empty(), "{label}: a repeated send deletes nothing");

        let mut gone = store.delete_draft(&kept.id, &owner).await.unwrap().expect("her draft");
        gone.sort();
        let mut expected = vec![shared.clone(), thumb_b.clone()];
        expected.sort();
        assert_eq!(gone, expected, "{label}: the last draft using the shared photo is discarded");
        assert!(store.sweep_draft_files().await.unwrap().is_empty(), "{label}");
        assert_eq!(store.delete_draft(&kept.id, &owner).await.unwrap(), None, "{label}");
    }
}
