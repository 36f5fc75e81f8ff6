//! Logical backup and restore: every table as JSON lines plus the files the rows name, written from
//! one consistent snapshot. The same format restores into SQLite or PostgreSQL, so a backup also
//! moves a municipality from the embedded database to a server.
//!
//! Layout of a backup folder:
//!
//! ```text
//! manifest.json            format, schema version, time, row counts, file count
//! tables/<table>.jsonl     one JSON array per row, columns in the order of [`TABLES`]
//! files/<sha256>           each document and letter the rows refer to
//! audit-checkpoint.txt     the audit chain's head in the snapshot, signed (only with a key)
//! ```
//!
//! A restore checks the audit chain before it commits (and, given the public key, that the chain
//! reaches the signed head), so a backup whose audit log was edited or cut short restores nothing.
//!
//! Sessions are not backed up (restoring them would sign people in again), nor rate-limit counts.
//!
//! Both directions work in memory that does not grow with the database: a backup streams each
//! table row by row from the snapshot into its file (and the file names rows hold into a list on
//! disk), and a restore reads each file a line at a time and inserts multi-row batches of bounded
//! size inside its one transaction. A document is held whole while it is copied, one at a time.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;
use sqlx::Row;

use crate::{AuditKey, AuditPublicKey, Backend, ChainCheck, Checkpoint, Files, Result, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Text,
    Int,
}

use Col::{Int, Text};

/// Every table that holds data worth keeping, parents before children (foreign keys), with all
/// its columns. A test compares this with the live schema, so a new table or column that is not
/// listed here fails the build's tests rather than silently missing from backups.
pub const TABLES: &[(&str, &[(&str, Col)])] = &[
    (
        "people",
        &[
            ("fnr", Text),
            ("fornavn", Text),
            ("mellomnavn", Text),
            ("etternavn", Text),
            ("gatenavn", Text),
            ("husnummer", Text),
            ("postnummer", Text),
            ("poststed", Text),
            ("kommunenummer", Text),
            ("adressebeskyttelse", Text),
        ],
    ),
    ("person_name_words", &[("word", Text), ("fnr", Text)]),
    (
        "drafts",
        &[
            ("id", Text),
            ("owner_fnr", Text),
            ("kommunenummer", Text),
            ("answers", Text),
            ("created_ms", Int),
            ("updated_ms", Int),
            ("registered_by", Text),
            ("registered_office", Text),
            ("kommune_reason", Text),
        ],
    ),
    (
        "applications",
        &[
            ("id", Text),
            ("reference", Text),
            ("draft_id", Text),
            ("owner_fnr", Text),
            ("kommunenummer", Text),
            ("enhetsnummer", Text),
            ("emergency", Int),
            ("soknad_json", Text),
            ("vedlegg_json", Text),
            ("answers", Text),
            ("sent_ms", Int),
            ("acknowledged_ms", Int),
            ("summary_json", Text),
            ("channel", Text),
            ("registered_by", Text),
            ("registered_by_name", Text),
            ("identity_check", Text),
            ("identity_checked_by", Text),
            ("kommune_reason", Text),
        ],
    ),
    ("events", &[("application_id", Text), ("seq", Int), ("kind", Text), ("payload", Text), ("at_ms", Int)]),
    ("api_keys", &[("id", Text), ("key_hash", Text), ("kommunenummer", Text), ("name", Text), ("created_ms", Int), ("revoked_ms", Int)]),
    ("external_status", &[("application_id", Text), ("document", Text), ("updated_ms", Int)]),
    (
        "audit_log",
        &[
            ("seq", Int),
            ("at_ms", Int),
            ("actor", Text),
            ("actor_name", Text),
            ("role", Text),
            ("office", Text),
            ("action", Text),
            ("person", Text),
            ("application_id", Text),
            ("outcome", Text),
            ("prev_hash", Text),
            ("hash", Text),
            ("hash_version", Int),
        ],
    ),
    ("audit_head", &[("id", Int), ("seq", Int), ("hash", Text)]),
    ("submissions", &[("id", Text), ("application_id", Text), ("vedlegg_json", Text), ("created_ms", Int), ("with_application", Int)]),
    ("submission_documents", &[("submission_id", Text), ("position", Int), ("kind", Text), ("tilleggsinfo", Text), ("sha256", Text), ("bytes", Int)]),
    (
        "letters",
        &[
            ("id", Text),
            ("application_id", Text),
            ("title", Text),
            ("sha256", Text),
            ("bytes", Int),
            ("created_ms", Int),
            ("first_opened_ms", Int),
            ("printed_ms", Int),
            ("printed_by", Text),
        ],
    ),
    ("feed_counters", &[("kommunenummer", Text), ("last_seq", Int)]),
    (
        "draft_files",
        &[
            ("id", Text),
            ("draft_id", Text),
            ("slot", Text),
            ("position", Int),
            ("name", Text),
            ("sha256", Text),
            ("bytes", Int),
            ("thumb_sha256", Text),
            ("pages", Int),
            ("quarter_turns", Int),
            ("warnings", Text),
            ("created_ms", Int),
            ("is_pdf", Int),
            ("first_page", Int),
        ],
    ),
    ("draft_document_choices", &[("draft_id", Text), ("slot", Text), ("choice", Text)]),
    ("document_warnings", &[("application_id", Text), ("slot", Text), ("position", Int), ("file_name", Text), ("warnings", Text), ("created_ms", Int)]),
    (
        "pending_files",
        &[
            ("id", Text),
            ("application_id", Text),
            ("uploader", Text),
            ("slot", Text),
            ("position", Int),
            ("name", Text),
            ("sha256", Text),
            ("bytes", Int),
            ("thumb_sha256", Text),
            ("pages", Int),
            ("quarter_turns", Int),
            ("warnings", Text),
            ("is_pdf", Int),
            ("created_ms", Int),
            ("first_page", Int),
        ],
    ),
    (
        "powers_of_attorney",
        &[
            ("id", Text),
            ("application_id", Text),
            ("helper_fnr", Text),
            ("helper_name", Text),
            ("may_send_documents", Int),
            ("may_write_messages", Int),
            ("valid_until_ms", Int),
            ("created_ms", Int),
            ("revoked_ms", Int),
        ],
    ),
    ("feed", &[("kommunenummer", Text), ("seq", Int), ("id", Text), ("kind", Text), ("application_id", Text), ("item_id", Text), ("at_ms", Int)]),
    (
        "case_status",
        &[
            ("application_id", Text),
            ("enhetsnummer", Text),
            ("emergency", Int),
            ("sent_ms", Int),
            ("status", Text),
            ("is_open", Int),
            ("decided", Int),
            ("forelopig_svar", Int),
            ("open_requests", Int),
            ("next_deadline_ms", Int),
            ("assignee", Text),
            ("assignee_name", Text),
            ("version", Int),
            ("updated_ms", Int),
        ],
    ),
    ("office_journal", &[("id", Text), ("application_id", Text), ("kind", Text), ("text", Text), ("actor", Text), ("actor_name", Text), ("at_ms", Int)]),
    ("staff_members", &[("subject", Text), ("name", Text), ("office", Text), ("roles", Text), ("last_seen_ms", Int)]),
    (
        "calculations",
        &[
            ("id", Text),
            ("application_id", Text),
            ("input_json", Text),
            ("result_json", Text),
            ("proposed_ore", Int),
            ("override_ore", Int),
            ("override_reason", Text),
            ("by_subject", Text),
            ("by_name", Text),
            ("created_ms", Int),
        ],
    ),
    (
        "decisions",
        &[
            ("id", Text),
            ("application_id", Text),
            ("enhetsnummer", Text),
            ("seq", Int),
            ("saksreferanse", Text),
            ("calculation_id", Text),
            ("content_json", Text),
            ("stage", Text),
            ("author", Text),
            ("author_name", Text),
            ("submitted_ms", Int),
            ("returned_by", Text),
            ("returned_name", Text),
            ("return_comment", Text),
            ("returned_ms", Int),
            ("approved_by", Text),
            ("approved_name", Text),
            ("approved_ms", Int),
            ("four_eyes", Int),
            ("letter_id", Text),
            ("version", Int),
            ("created_ms", Int),
            ("updated_ms", Int),
        ],
    ),
    (
        "payments",
        &[
            ("id", Text),
            ("application_id", Text),
            ("decision_id", Text),
            ("enhetsnummer", Text),
            ("referanse", Text),
            ("saksreferanse", Text),
            ("description", Text),
            ("amount_ore", Int),
            ("due", Text),
            ("period_from", Text),
            ("period_to", Text),
            ("recipient_kind", Text),
            ("recipient_name", Text),
            ("account", Text),
            ("kid", Text),
            ("message", Text),
            ("state", Text),
            ("paid_on", Text),
            ("created_ms", Int),
            ("updated_ms", Int),
        ],
    ),
    (
        "messages",
        &[
            ("application_id", Text),
            ("seq", Int),
            ("token", Text),
            ("from_office", Int),
            ("author", Text),
            ("author_name", Text),
            ("enhetsnummer", Text),
            ("body", Text),
            ("emergency", Int),
            ("created_ms", Int),
        ],
    ),
    (
        "conversations",
        &[("application_id", Text), ("enhetsnummer", Text), ("waiting_since_ms", Int), ("emergency", Int), ("last_ms", Int), ("assigned_to", Text), ("assigned_name", Text)],
    ),
    ("message_attachments", &[("application_id", Text), ("seq", Int), ("sha256", Text), ("bytes", Int), ("pages", Int), ("file_names", Text)]),
    (
        "reply_templates",
        &[("id", Text), ("enhetsnummer", Text), ("title", Text), ("body", Text), ("updated_by", Text), ("updated_by_name", Text), ("created_ms", Int), ("updated_ms", Int)],
    ),
    ("contact_preferences", &[("fnr", Text), ("email", Text), ("phone", Text), ("email_on", Int), ("sms_on", Int), ("off", Text), ("updated_ms", Int)]),
    (
        "meetings",
        &[
            ("id", Text),
            ("application_id", Text),
            ("enhetsnummer", Text),
            ("caseworker", Text),
            ("caseworker_name", Text),
            ("room", Text),
            ("kind", Text),
            ("place", Text),
            ("start_ms", Int),
            ("end_ms", Int),
            ("state", Text),
            ("move_asked_ms", Int),
            ("move_asked_text", Text),
            ("version", Int),
            ("created_ms", Int),
            ("updated_ms", Int),
        ],
    ),
    ("meeting_slots", &[("resource", Text), ("slot_ms", Int), ("meeting_id", Text)]),
    (
        "appeals",
        &[
            ("id", Text),
            ("application_id", Text),
            ("decision_id", Text),
            ("token", Text),
            ("text", Text),
            ("deadline", Text),
            ("days_late", Int),
            ("late_reason", Text),
            ("status", Text),
            ("outcome", Text),
            ("cover_letter_id", Text),
            ("events_json", Text),
            ("klage_json", Text),
            ("version", Int),
            ("created_ms", Int),
            ("updated_ms", Int),
        ],
    ),
    (
        "concern_reports",
        &[
            ("id", Text),
            ("reference", Text),
            ("submit_key", Text),
            ("kommunenummer", Text),
            ("jurisdiction", Text),
            ("acute", Int),
            ("reporter_kind", Text),
            ("reporter_fnr", Text),
            ("report_json", Text),
            ("received_ms", Int),
            ("status", Text),
            ("next_deadline_ms", Int),
            ("version", Int),
            ("updated_ms", Int),
        ],
    ),
    ("concern_report_files", &[("report_id", Text), ("position", Int), ("kind", Text), ("name", Text), ("sha256", Text), ("bytes", Int), ("created_ms", Int)]),
    ("concern_report_steps", &[("report_id", Text), ("seq", Int), ("kind", Text), ("payload", Text), ("actor", Text), ("actor_name", Text), ("at_ms", Int)]),
    (
        "callbacks",
        &[
            ("id", Text),
            ("application_id", Text),
            ("enhetsnummer", Text),
            ("phone", Text),
            ("window_start_ms", Int),
            ("window_end_ms", Int),
            ("note", Text),
            ("created_by", Text),
            ("created_by_name", Text),
            ("created_ms", Int),
            ("attempts", Int),
            ("done_by_name", Text),
            ("done_ms", Int),
        ],
    ),
    (
        "people_without_eid",
        &[
            ("fnr", Text),
            ("phone", Text),
            ("contact_name", Text),
            ("contact_phone", Text),
            ("contact_kind", Text),
            ("identity_check", Text),
            ("identity_checked_by", Text),
            ("office", Text),
            ("registered_by", Text),
            ("registered_by_name", Text),
            ("created_ms", Int),
            ("updated_ms", Int),
        ],
    ),
];

/// Tables deliberately left out of backups (`provider_sessions` only links `sessions` to the
/// identity provider's sign-ins, and goes with them; `notifications` is an outbox of short-lived
/// deliveries: restoring it would send old notices again).
pub const NOT_BACKED_UP: &[&str] = &["sessions", "provider_sessions", "rate_limits", "notifications", "_sqlx_migrations"];

const FORMAT: &str = "velferd-backup";
const CHECKPOINT_FILE: &str = "audit-checkpoint.txt";

/// What a backup holds (also its `manifest.json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    pub format: String,
    /// The last migration applied to the database it came from.
    pub schema_version: i64,
    pub created_ms: i64,
    pub rows: BTreeMap<String, u64>,
    pub files: u64,
}

fn io(e: std::io::Error, path: &Path) -> StoreError {
    StoreError::Backup(format!("{}: {e}", path.display()))
}

fn to_json(r: &sqlx::any::AnyRow, columns: &[(&str, Col)]) -> Result<Value> {
    columns
        .iter()
        .map(|(name, col)| {
            Ok(match col {
                Text => r.try_get::<Option<String>, _>(*name)?.map_or(Value::Null, Value::String),
                Int => r.try_get::<Option<i64>, _>(*name)?.map_or(Value::Null, Value::from),
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Value::Array)
}

/// While a backup is written, the names of the files its rows refer to, one a line (removed
/// before the folder gets its final name).
const FILE_LIST: &str = "files.todo";
/// The buffer between the rows streamed from the database and each table's file.
const WRITE_BUFFER: usize = 256 * 1024;
/// A restore's multi-row INSERT holds at most this much JSON text (and at most
/// [`crate::seed::MAX_ROWS`] rows, under both databases' limits on bound values), so the rows
/// held in memory at once stay small however large a table or its rows are.
const RESTORE_BATCH_BYTES: usize = 4 * 1024 * 1024;

/// The columns that name a file in the file store, per table.
fn file_columns(table: &str) -> &'static [&'static str] {
    match table {
        "submission_documents" | "letters" | "message_attachments" => &["sha256"],
        "draft_files" | "pending_files" => &["sha256", "thumb_sha256"],
        "concern_report_files" => &["sha256"],
        _ => &[],
    }
}

/// Streams one table, in the order of its first two columns, into `out` as JSON lines, and the
/// file names its rows hold into `list`. Memory stays bounded by one row and the buffers whatever
/// the table's size: the database hands rows over as they are read (sqlx's `fetch`), never the
/// whole result. Returns the rows written; the file is synced to disk before it returns.
async fn write_table(
    tx: &mut sqlx::AnyConnection,
    table: &str,
    columns: &[(&str, Col)],
    mut out: std::io::BufWriter<std::fs::File>,
    path: &Path,
    list: &mut impl Write,
    list_path: &Path,
) -> Result<u64> {
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let key = names.iter().take(2).copied().collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT {} FROM {table} ORDER BY {key}", names.join(", "));
    let mut stream = sqlx::query(&sql).fetch(&mut *tx);
    let mut count = 0u64;
    while let Some(r) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        let r = r?;
        // Through `Display`, as before: the same text, and (being compiled inside serde_json)
        // several times faster than `to_writer` in a debug build.
        writeln!(out, "{}", to_json(&r, columns)?).map_err(|e| io(e, path))?;
        for column in file_columns(table) {
            if let Some(sha) = r.try_get::<Option<String>, _>(*column)? {
                writeln!(list, "{sha}").map_err(|e| io(e, list_path))?;
            }
        }
        count += 1;
    }
    out.into_inner().map_err(|e| io(e.into_error(), path))?.sync_all().map_err(|e| io(e, path))?;
    Ok(count)
}

/// Copies each file named in the list at `list_path` from the file store into `folder`, once,
/// one file in memory at a time. Returns how many files were copied.
async fn copy_files(files: &dyn Files, list_path: &Path, folder: &Path) -> Result<u64> {
    let list = std::fs::File::open(list_path).map_err(|e| io(e, list_path))?;
    let mut copied = 0;
    for sha in std::io::BufReader::new(list).lines() {
        let sha = sha.map_err(|e| io(e, list_path))?;
        let path = folder.join(&sha);
        if !crate::files::is_file_name(&sha) {
            return Err(StoreError::Backup(format!("a row names the file {sha:?}, which is not a SHA-256")));
        }
        if path.exists() {
            continue;
        }
        let bytes = files.get(&sha).await?.ok_or_else(|| StoreError::Backup(format!("file {sha} is named in the database but missing from the file store")))?;
        std::fs::write(&path, bytes).map_err(|e| io(e, &path))?;
        copied += 1;
    }
    Ok(copied)
}

impl Store {
    async fn schema_version(&self) -> Result<i64> {
        let row = sqlx::query("SELECT MAX(version) AS v FROM _sqlx_migrations").fetch_one(&mut *self.read().await?).await?;
        Ok(row.try_get::<Option<i64>, _>("v")?.unwrap_or(0))
    }

    /// Every column of the live database as (table, column) → "kind, null|not null", with kinds
    /// named alike on both databases (integer, text, …): the test that holds the SQLite and the
    /// PostgreSQL migration folders to the same tables and columns compares these.
    pub async fn column_shapes(&self) -> Result<BTreeMap<(String, String), String>> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT m.name AS t, p.name AS c, p.type AS k, (p.\"notnull\" = 1 OR p.pk > 0) AS required
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            Backend::Postgres => {
                "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS k, (is_nullable = 'NO') AS required
                 FROM information_schema.columns WHERE table_schema = current_schema()"
            }
        };
        let mut out = BTreeMap::new();
        for r in sqlx::query(sql).fetch_all(&mut *self.read().await?).await? {
            let kind: String = r.try_get::<String, _>("k")?.to_lowercase();
            let kind = match kind.as_str() {
                k if k.contains("int") => "integer",
                k if k.contains("text") || k.contains("char") => "text",
                k if k.contains("blob") || k == "bytea" => "bytes",
                k if k.contains("bool") => "boolean",
                k => k,
            };
            // SQLite answers the boolean as an integer, PostgreSQL as a boolean.
            let required = r.try_get::<bool, _>("required").or_else(|_| r.try_get::<i64, _>("required").map(|n| n != 0))?;
            out.insert((r.try_get("t")?, r.try_get("c")?), format!("{kind}, {}", if required { "not null" } else { "null" }));
        }
        Ok(out)
    }

    /// The names of the tables in the live database (for the test that keeps [`TABLES`] complete).
    pub async fn table_columns(&self) -> Result<BTreeMap<String, Vec<String>>> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            Backend::Postgres => "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema()",
        };
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in sqlx::query(sql).fetch_all(&mut *self.read().await?).await? {
            out.entry(r.try_get("t")?).or_default().push(r.try_get("c")?);
        }
        Ok(out)
    }

    /// Writes a backup into `dir`, which must not exist yet. It is written beside it under a
    /// temporary name and renamed when complete, so a folder with the final name is always whole.
    pub async fn backup(&self, files: &dyn Files, dir: &Path, now: i64) -> Result<Manifest> {
        self.write_backup(files, dir, now, None).await
    }

    /// Like [`Store::backup`], and checks the snapshot's audit chain and signs its head with `key`
    /// into `audit-checkpoint.txt`, so that [`Store::restore_verified`] can tell a backup whose
    /// audit log was cut short or recomputed. Errors (writing nothing) when the chain does not
    /// verify: a signature must never vouch for a broken log.
    pub async fn backup_signed(&self, files: &dyn Files, dir: &Path, now: i64, key: &AuditKey) -> Result<Manifest> {
        self.write_backup(files, dir, now, Some(key)).await
    }

    async fn write_backup(&self, files: &dyn Files, dir: &Path, now: i64, key: Option<&AuditKey>) -> Result<Manifest> {
        if dir.exists() {
            return Err(StoreError::Backup(format!("{} exists already; choose a new folder", dir.display())));
        }
        let partial = PathBuf::from(format!("{}.partial", dir.display()));
        let _ = std::fs::remove_dir_all(&partial);
        std::fs::create_dir_all(partial.join("tables")).map_err(|e| io(e, &partial))?;
        std::fs::create_dir_all(partial.join("files")).map_err(|e| io(e, &partial))?;

        // One snapshot for every table: a repeatable-read transaction on PostgreSQL; on SQLite a
        // read transaction sees one state of the WAL until it ends.
        let mut tx = self.begin_snapshot().await?;
        // The names of the files rows refer to go to a list on disk as they stream past (a set in
        // memory would grow with the database); duplicates are skipped when the files are copied.
        let list_path = partial.join(FILE_LIST);
        let mut list = std::io::BufWriter::new(std::fs::File::create(&list_path).map_err(|e| io(e, &list_path))?);
        let mut rows = BTreeMap::new();
        for (table, columns) in TABLES {
            let path = partial.join("tables").join(format!("{table}.jsonl"));
            let out = std::io::BufWriter::with_capacity(WRITE_BUFFER, std::fs::File::create(&path).map_err(|e| io(e, &path))?);
            let written = write_table(&mut tx, table, columns, out, &path, &mut list, &list_path).await?;
            rows.insert((*table).to_owned(), written);
        }
        list.flush().map_err(|e| io(e, &list_path))?;
        drop(list);
        let schema_version = {
            let row = sqlx::query("SELECT MAX(version) AS v FROM _sqlx_migrations").fetch_one(&mut *tx).await?;
            row.try_get::<Option<i64>, _>("v")?.unwrap_or(0)
        };
        let checkpoint = match key {
            None => None,
            Some(key) => {
                let walk = crate::audit::walk(&mut tx, None, &[]).await?;
                if !matches!(walk.check, ChainCheck::Intact { .. }) {
                    let _ = std::fs::remove_dir_all(&partial);
                    return Err(StoreError::Backup(format!("the audit log does not verify ({}); not signing it", walk.check)));
                }
                walk.last.map(|head| key.sign(&head, now))
            }
        };
        tx.commit().await?;
        if let Some(checkpoint) = checkpoint {
            let path = partial.join(CHECKPOINT_FILE);
            std::fs::write(&path, format!("{checkpoint}\n")).map_err(|e| io(e, &path))?;
        }

        let copied = copy_files(files, &list_path, &partial.join("files")).await?;
        std::fs::remove_file(&list_path).map_err(|e| io(e, &list_path))?;
        let manifest = Manifest { format: FORMAT.to_owned(), schema_version, created_ms: now, rows, files: copied };
        let path = partial.join("manifest.json");
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| StoreError::Backup(e.to_string()))?;
        std::fs::write(&path, text).map_err(|e| io(e, &path))?;
        std::fs::rename(&partial, dir).map_err(|e| io(e, dir))?;
        Ok(manifest)
    }

    /// Restores a backup into this database, which must hold no data yet (a fresh database), all
    /// in one transaction: afterwards the database holds exactly the backup, or nothing changed.
    /// The audit chain is verified before anything is committed or any file is stored: a backup
    /// whose audit log was edited, or lost its newest entries while the chain head row kept them,
    /// restores nothing.
    pub async fn restore(&self, files: &dyn Files, dir: &Path) -> Result<Manifest> {
        self.restore_checked(files, dir, None).await
    }

    /// Like [`Store::restore`], and the backup must hold an audit checkpoint signed with `key`'s
    /// secret half (made by [`Store::backup_signed`]) that the restored chain reaches: without the
    /// key nobody can cut or recompute the audit log in a backup unnoticed. Errors when the
    /// checkpoint is missing, forged, or not in the chain; nothing is restored then.
    pub async fn restore_verified(&self, files: &dyn Files, dir: &Path, key: &AuditPublicKey) -> Result<Manifest> {
        self.restore_checked(files, dir, Some(key)).await
    }

    /// Inserts the rows of one table's JSON lines file, read a line at a time and written in
    /// multi-row INSERTs of bounded size inside the restore's transaction. Returns the rows read;
    /// errors name the file and line of a row that is not what [`TABLES`] says.
    async fn restore_table(&self, tx: &mut sqlx::AnyConnection, table: &str, columns: &[(&str, Col)], path: &Path) -> Result<u64> {
        let file = std::fs::File::open(path).map_err(|e| io(e, path))?;
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let per_statement = (crate::seed::MAX_BINDS / columns.len()).min(crate::seed::MAX_ROWS);
        let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_statement);
        let mut batch_bytes = 0;
        let mut count = 0u64;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| io(e, path))?;
            let bad = |what: &str| StoreError::Backup(format!("{}:{}: {what}", path.display(), n + 1));
            let values: Vec<Value> = serde_json::from_str(&line).map_err(|e| bad(&e.to_string()))?;
            if values.len() != columns.len() {
                return Err(bad("wrong number of columns"));
            }
            for (value, (_, col)) in values.iter().zip(columns) {
                match (col, value) {
                    (_, Value::Null) | (Text, Value::String(_)) => {}
                    (Int, Value::Number(n)) if n.as_i64().is_some() => {}
                    (Int, Value::Number(_)) => return Err(bad("not a whole number")),
                    _ => return Err(bad("a value of the wrong type")),
                }
            }
            batch_bytes += line.len();
            batch.push(values);
            count += 1;
            if batch.len() == per_statement || batch_bytes >= RESTORE_BATCH_BYTES {
                self.insert_batch(tx, table, &names, columns, &mut batch).await?;
                batch_bytes = 0;
            }
        }
        if !batch.is_empty() {
            self.insert_batch(tx, table, &names, columns, &mut batch).await?;
        }
        Ok(count)
    }

    /// One multi-row INSERT of `batch` (checked by [`Store::restore_table`]), which it empties.
    async fn insert_batch(&self, tx: &mut sqlx::AnyConnection, table: &str, names: &[&str], columns: &[(&str, Col)], batch: &mut Vec<Vec<Value>>) -> Result<()> {
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", names.join(", "));
        let mut n = 0;
        for i in 0..batch.len() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for c in 0..columns.len() {
                n += 1;
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&crate::seed::placeholder(self.backend, n));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for values in batch.drain(..) {
            for (value, (_, col)) in values.into_iter().zip(columns) {
                query = match (col, value) {
                    (Text, Value::String(s)) => query.bind(Some(s)),
                    (Int, Value::Number(n)) => query.bind(n.as_i64()),
                    (Text, _) => query.bind(None::<String>),
                    (Int, _) => query.bind(None::<i64>),
                };
            }
        }
        query.execute(&mut *tx).await?;
        Ok(())
    }

    async fn restore_checked(&self, files: &dyn Files, dir: &Path, key: Option<&AuditPublicKey>) -> Result<Manifest> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|e| io(e, &path))?;
        let manifest: Manifest = serde_json::from_str(&text).map_err(|e| StoreError::Backup(format!("{}: {e}", path.display())))?;
        if manifest.format != FORMAT {
            return Err(StoreError::Backup(format!("{} is not a Velferd backup", dir.display())));
        }
        let ours = self.schema_version().await?;
        if manifest.schema_version != ours {
            return Err(StoreError::Backup(format!(
                "the backup has schema version {}, this Velferd has {ours}: restore with the version that made it, then upgrade",
                manifest.schema_version
            )));
        }
        for (table, _) in TABLES {
            let row = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}")).fetch_one(&mut *self.read().await?).await?;
            if row.try_get::<i64, _>("n")? > 0 {
                return Err(StoreError::Backup(format!("the database already holds data ({table}); restore only into a new, empty database")));
            }
        }
        let checkpoints = match key {
            None => Vec::new(),
            Some(key) => {
                let path = dir.join(CHECKPOINT_FILE);
                let text = std::fs::read_to_string(&path).map_err(|e| StoreError::Backup(format!("{}: {e} (a backup made without an audit key has none)", path.display())))?;
                vec![Checkpoint::parse(&text, key).map_err(|e| StoreError::Backup(format!("{}: {e}", path.display())))?]
            }
        };
        let mut tx = self.begin_write().await?;
        for (table, columns) in TABLES {
            let path = dir.join("tables").join(format!("{table}.jsonl"));
            let count = self.restore_table(&mut tx, table, columns, &path).await?;
            if manifest.rows.get(*table).copied().unwrap_or(0) != count {
                return Err(StoreError::Backup(format!("{table}: the manifest says {} rows, the file has {count}", manifest.rows.get(*table).copied().unwrap_or(0))));
            }
        }
        let check = crate::audit::walk(&mut tx, None, &checkpoints).await?.check;
        if !matches!(check, ChainCheck::Intact { .. }) {
            return Err(StoreError::Backup(format!("the audit log in the backup does not verify ({check}); nothing was restored")));
        }
        // The files before the commit: once the rows are committed, everything they name is there.
        let folder = dir.join("files");
        for entry in std::fs::read_dir(&folder).map_err(|e| io(e, &folder))? {
            let entry = entry.map_err(|e| io(e, &folder))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).map_err(|e| io(e, &entry.path()))?;
            let sha = files.put(&bytes).await?;
            if sha != name {
                return Err(StoreError::Backup(format!("file {name} in the backup is damaged (its content has hash {sha})")));
            }
        }
        tx.commit().await?;
        Ok(manifest)
    }
}
