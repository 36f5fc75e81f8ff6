//! `velferd admin backup|restore|retention`: keeping the data safe and keeping it no longer than
//! allowed.

use std::path::Path;
use std::sync::Arc;

use velferd_domain::ids::Kommunenummer;
use velferd_domain::kommune::Katalog;
use velferd_formats::soker::DigisosSoker;
use velferd_store::{AuditKey, Files, RetentionCandidate, Store};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The file store `--files` names (a folder or `s3://BUCKET/PREFIX`); default ./velferd-data/files.
pub fn files(arg: Option<String>) -> Result<Arc<dyn Files>, String> {
    velferd_store::files::open(arg.as_deref().unwrap_or("velferd-data/files")).map_err(|e| format!("--files: {e}"))
}

/// Writes a backup; with `key`, the audit log's head in the snapshot is signed into it.
pub async fn backup(store: &Store, files: &dyn Files, to: &Path, key: Option<&AuditKey>, now: i64) -> Result<(), String> {
    let manifest = match key {
        Some(key) => store.backup_signed(files, to, now, key).await,
        None => store.backup(files, to, now).await,
    }
    .map_err(|e| e.to_string())?;
    let rows: u64 = manifest.rows.values().sum();
    println!("backup written to {}: {rows} rows in {} tables, {} files (schema version {})", to.display(), manifest.rows.len(), manifest.files, manifest.schema_version);
    if key.is_some() {
        println!("audit log: intact, its head signed");
    }
    Ok(())
}

/// Restores a backup; the store verifies the audit log before it commits anything, and with `key`
/// also that it reaches the head signed into the backup.
pub async fn restore(store: &Store, files: &dyn Files, from: &Path, key: Option<&AuditKey>) -> Result<(), String> {
    let manifest = match key {
        Some(key) => store.restore_verified(files, from, &key.public_key()).await,
        None => store.restore(files, from).await,
    }
    .map_err(|e| e.to_string())?;
    let rows: u64 = manifest.rows.values().sum();
    println!("restored {rows} rows and {} files from {}", manifest.files, from.display());
    let entries = manifest.rows.get("audit_log").copied().unwrap_or(0);
    match key {
        Some(_) => println!("audit log: intact ({entries} entries), reaching the head signed into the backup"),
        None => println!("audit log: intact ({entries} entries); give --audit-key to check it against the backup's signed head too"),
    }
    Ok(())
}

/// Whether a candidate's case is over, by the same fold the citizen's page uses (the case
/// system's document where the municipality lets it own the status).
fn closed(c: &RetentionCandidate, kommuner: &Katalog) -> Result<bool, String> {
    let from_case_system = Kommunenummer::parse(&c.kommunenummer).ok().and_then(|k| kommuner.get(&k)).is_some_and(|k| k.status_fra_fagsystem);
    let doc = match (&c.external_status, from_case_system) {
        (Some(text), true) => DigisosSoker::from_json(text),
        _ => DigisosSoker::from_event_texts("velferd", &c.events),
    }
    .map_err(|e| format!("{}: stored events cannot be read: {e}", c.reference))?;
    Ok(velferd_domain::innsyn::fold(&doc).is_closed())
}

/// Shows (and with `delete`, deletes) expired drafts, closed cases without activity for
/// `closed_days`, entries of the register of people without electronic ID whose last case goes
/// (`velferd_store::WithoutEidCandidate`), and what the file store holds for nothing: temp files of interrupted writes and
/// files no row names, untouched for an hour (`velferd_store::files::sweep`). Without `delete`
/// nothing changes.
pub async fn retention(store: &Store, files: &dyn Files, kommuner: &Katalog, closed_days: i64, delete: bool, now: i64) -> Result<(), String> {
    let drafts = store.count_expired_drafts(now).await.map_err(|e| e.to_string())?;
    let cutoff = now - closed_days * DAY_MS;
    let mut cases = Vec::new();
    for c in store.retention_candidates(cutoff).await.map_err(|e| e.to_string())? {
        if closed(&c, kommuner)? {
            cases.push(c);
        }
    }
    // A person without electronic ID leaves the register with their last case: when the entry was
    // not changed for as long as a closed case is kept and every application of theirs goes now
    // (or there is none), and they have no draft.
    let going: std::collections::HashSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    let people: Vec<_> = store
        .without_eid_retention_candidates(cutoff)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|p| !p.has_draft && p.applications.iter().all(|a| going.contains(a.as_str())))
        .collect();
    let verb = if delete { "Deleting" } else { "Would delete" };
    println!("{verb} {drafts} expired drafts (not changed for {} days).", velferd_domain::application::DRAFT_LIFETIME_DAYS);
    println!("{verb} {} closed cases with no activity for {closed_days} days:", cases.len());
    for c in &cases {
        println!("  {}\tmunicipality {}\tlast activity {}", c.reference, c.kommunenummer, velferd_formats::soknad::tidspunkt(c.last_activity_ms));
    }
    println!("{verb} {} entries of the register of people without electronic ID (not changed for {closed_days} days, no application or draft left):", people.len());
    for p in &people {
        println!("  office {}\tlast changed {}", p.office, velferd_formats::soknad::tidspunkt(p.updated_ms));
    }
    // The file sweep is reported but never stops the rest (on S3 it needs the right to list).
    match velferd_store::files::sweep(store, files, now, velferd_store::files::SWEEP_GRACE_MS, true).await {
        Ok(s) => {
            println!("{verb} {} temp files of interrupted writes and {} files that no application, draft or letter names (none touched in the last hour).", s.leftovers, s.orphans)
        }
        Err(e) => eprintln!("The file store could not be swept: {e}"),
    }
    if !delete {
        println!("Nothing was deleted. Run again with --delete to delete this.");
        return Ok(());
    }
    store.delete_expired_drafts(now).await.map_err(|e| e.to_string())?;
    let mut removed_files = 0;
    for sha in store.sweep_draft_files().await.map_err(|e| e.to_string())? {
        files.delete(&sha).await.map_err(|e| e.to_string())?;
        removed_files += 1;
    }
    for c in &cases {
        for sha in store.delete_application(&c.id).await.map_err(|e| e.to_string())? {
            files.delete(&sha).await.map_err(|e| e.to_string())?;
            removed_files += 1;
        }
    }
    let mut removed_people = 0;
    for p in &people {
        removed_people += usize::from(store.delete_without_eid(&p.fnr, cutoff).await.map_err(|e| e.to_string())?);
    }
    println!("Deleted {drafts} drafts, {} cases, {removed_people} register entries of people without electronic ID and {removed_files} files.", cases.len());
    match velferd_store::files::sweep(store, files, now, velferd_store::files::SWEEP_GRACE_MS, false).await {
        Ok(s) => println!("Deleted {} temp files of interrupted writes and {} files no row names.", s.leftovers, s.orphans),
        Err(e) => eprintln!("The file store could not be swept: {e}"),
    }
    Ok(())
}
