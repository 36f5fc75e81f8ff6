//! Persistence for Velferd: one set of named query functions that run unchanged on SQLite (the
//! embedded default) and PostgreSQL (for several server processes), through sqlx's `Any` driver.
//!
//! Queries use `$1` placeholders, which both databases accept; each database has its own migration
//! folder with the same tables. Every function that reads personal data takes the caller's identity
//! and filters by it in SQL, so a wrong id in a URL finds nothing rather than someone else's data.

mod api;
mod appeals;
mod applications;
mod assisted;
mod audit;
pub mod backup;
pub(crate) mod batch;
mod concern_reports;
mod decisions;
mod draft_files;
mod drafts;
mod feed;
pub mod files;
#[cfg(feature = "s3")]
mod files_s3;
mod letters;
mod meetings;
mod messages;
mod notifications;
mod office;
mod pending_files;
mod people;
mod powers;
mod projection;
mod rate_limits;
mod readers;
mod reply_templates;
pub use rate_limits::RateCount;
mod retention;
mod seed;
mod sessions;
mod staff;
mod submissions;
pub mod testing;
mod writer;

use std::{borrow::Cow, str::FromStr, time::Duration};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor};
use writer::WriteTx;

pub use api::{ApiClient, ApiKey, NewApiKey};
pub use appeals::{AppealRow, AppealStep, NewAppeal};
pub use applications::{NewApplication, StoredApplication, Submitted};
pub use assisted::{ApplicationChannel, Callback, CallbackOutcome, NewCallback, PersonWithoutEid, StaffDraft};
pub use audit::{AuditEntry, AuditHead, AuditKey, AuditPublicKey, AuditView, ChainCheck, Checkpoint, CheckpointFolder, Checkpointer, Outcome};
pub use concern_reports::{ConcernReportFull, ConcernReportRow, NewConcernReport, NewReportFile, NewStep, ReportFile, ReportProjection, ReportStep};
pub use decisions::{CalculationRow, DecisionRow, DecisionWrite, PaymentDue, PaymentRow};
pub use draft_files::{DraftFile, NewDraftFile};
pub use drafts::{Draft, DraftToSend};
pub use feed::{FeedItem, FeedKind};
pub use files::{Files, LocalFiles};
#[cfg(feature = "s3")]
pub use files_s3::S3Files;
pub use letters::{Letter, LetterToPrint};
pub use meetings::{Booked, MeetingRow, NewMeeting};
pub use messages::{Attachment, Message, NewMessage, Posted, WaitingConversation};
pub use notifications::{DueNotice, NoticeRow, LEASE_MS};
pub use office::{CaseRow, CaseState, Changed, InboxPage, InboxQuery, JournalEntry, OfficeChange, StaffMember};
pub use pending_files::DocumentWarning;
pub use powers::{NewPower, Power};
pub use reply_templates::{ReplyTemplate, TemplateChange};
pub use retention::{RetentionCandidate, WithoutEidCandidate};
pub use seed::{RealData, SeedApplication, SeedCounts, SeedLetter, SeedPerson, SeedSubmission, SEED_PREFIX};
pub use staff::OfficeCase;
pub use submissions::{Submission, SubmittedDocument};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// The file store (folder or S3 bucket) could not be reached, written or read.
    #[error("file store: {0}")]
    Files(String),
    #[error("backup: {0}")]
    Backup(String),
    /// An audit key or checkpoint could not be read, written or trusted.
    #[error("audit checkpoint: {0}")]
    Checkpoint(String),
    #[error("unsupported database URL (use sqlite:// or postgres://): {0}")]
    UnsupportedUrl(String),
}

impl StoreError {
    /// The database or the file store cannot be reached right now (restarting, full, unreachable):
    /// a request may be retried in a while, and nothing was written. Not a corrupt or refused
    /// request.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Files(_) => true,
            StoreError::Database(e) => match e {
                sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => true,
                // PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01–57P03),
                // out of resources (53…). SQLite: disk full (13), cannot open (14), I/O error (10).
                sqlx::Error::Database(db) => db
                    .code()
                    .is_some_and(|c| c.starts_with("08") || matches!(c.as_ref(), "57P01" | "57P02" | "57P03") || c.starts_with("53") || matches!(c.as_ref(), "10" | "13" | "14")),
                _ => false,
            },
            _ => false,
        }
    }

    /// The database refused a row because a `UNIQUE` or primary key already holds its value.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(db)) if db.is_unique_violation())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, shared by every request (cheap to clone).
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Municipalities whose own case system owns their cases (`status_fra_fagsystem` in the
    /// catalogue): their posted status document drives the case (see `projection.rs`).
    case_system_kommuner: std::sync::Arc<std::collections::BTreeSet<String>>,
    /// SQLite's writers, one at a time and in the order they came, sharing commits (see
    /// `writer.rs`). Unused on PostgreSQL, whose row locks let writers run side by side.
    write_turn: writer::Turn,
    /// Connections kept between reads on SQLite (see `readers.rs`).
    readers: readers::Readers,
}

/// The database is away, full or cannot be written (connection lost, PostgreSQL shutting down or
/// out of resources, SQLite's I/O error, disk full or cannot open): worth a 503 and a retry,
/// unlike an error in what was asked.
pub(crate) fn sqlx_is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            db.code().is_some_and(|c| c.starts_with("08") || matches!(c.as_ref(), "57P01" | "57P02" | "57P03") || c.starts_with("53") || matches!(c.as_ref(), "10" | "13" | "14"))
        }
        _ => false,
    }
}

fn migrations(backend: Backend) -> Migrator {
    let files: &[(i64, &str, &str)] = match backend {
        Backend::Sqlite => &[
            (1, "foundation", include_str!("../migrations/sqlite/0001_foundation.sql")),
            (2, "integration api", include_str!("../migrations/sqlite/0002_integration_api.sql")),
            (3, "audit log", include_str!("../migrations/sqlite/0003_audit_log.sql")),
            (4, "documents", include_str!("../migrations/sqlite/0004_documents.sql")),
            (5, "letters and feed", include_str!("../migrations/sqlite/0005_letters_and_feed.sql")),
            (6, "rate limits", include_str!("../migrations/sqlite/0006_rate_limits.sql")),
            (7, "draft documents", include_str!("../migrations/sqlite/0007_draft_documents.sql")),
            (8, "provider sessions", include_str!("../migrations/sqlite/0008_provider_sessions.sql")),
            (9, "protected persons", include_str!("../migrations/sqlite/0009_protected_persons.sql")),
            (10, "powers of attorney", include_str!("../migrations/sqlite/0010_powers_of_attorney.sql")),
            (11, "draft file kind", include_str!("../migrations/sqlite/0011_draft_file_kind.sql")),
            (12, "audit chain head", include_str!("../migrations/sqlite/0012_audit_chain_head.sql")),
            (13, "office work", include_str!("../migrations/sqlite/0013_office_work.sql")),
            (14, "pending files", include_str!("../migrations/sqlite/0014_pending_files.sql")),
            (15, "api backlog index", include_str!("../migrations/sqlite/0015_api_backlog_index.sql")),
            (16, "inbox indexes", include_str!("../migrations/sqlite/0016_inbox_indexes.sql")),
            (17, "name search", include_str!("../migrations/sqlite/0017_name_search.sql")),
            (18, "decisions", include_str!("../migrations/sqlite/0018_decisions.sql")),
            (19, "dialogue", include_str!("../migrations/sqlite/0019_dialogue.sql")),
            (20, "notifications", include_str!("../migrations/sqlite/0020_notifications.sql")),
            (21, "meetings", include_str!("../migrations/sqlite/0021_meetings.sql")),
            (22, "letter printing", include_str!("../migrations/sqlite/0022_letter_printing.sql")),
            (23, "appeals", include_str!("../migrations/sqlite/0023_appeals.sql")),
            (24, "pdf parts", include_str!("../migrations/sqlite/0024_pdf_parts.sql")),
            (25, "concern reports", include_str!("../migrations/sqlite/0025_concern_reports.sql")),
            (27, "channels and contact centre", include_str!("../migrations/sqlite/0027_channels_and_contact_centre.sql")),
            (28, "people without eid", include_str!("../migrations/sqlite/0028_people_without_eid.sql")),
            (29, "dialogue attachments and templates", include_str!("../migrations/sqlite/0029_dialogue_attachments_templates.sql")),
            (30, "power messages", include_str!("../migrations/sqlite/0030_power_messages.sql")),
        ],
        Backend::Postgres => &[
            (1, "foundation", include_str!("../migrations/postgres/0001_foundation.sql")),
            (2, "integration api", include_str!("../migrations/postgres/0002_integration_api.sql")),
            (3, "audit log", include_str!("../migrations/postgres/0003_audit_log.sql")),
            (4, "documents", include_str!("../migrations/postgres/0004_documents.sql")),
            (5, "letters and feed", include_str!("../migrations/postgres/0005_letters_and_feed.sql")),
            (6, "rate limits", include_str!("../migrations/postgres/0006_rate_limits.sql")),
            (7, "draft documents", include_str!("../migrations/postgres/0007_draft_documents.sql")),
            (8, "provider sessions", include_str!("../migrations/postgres/0008_provider_sessions.sql")),
            (9, "protected persons", include_str!("../migrations/postgres/0009_protected_persons.sql")),
            (10, "powers of attorney", include_str!("../migrations/postgres/0010_powers_of_attorney.sql")),
            (11, "draft file kind", include_str!("../migrations/postgres/0011_draft_file_kind.sql")),
            (12, "audit chain head", include_str!("../migrations/postgres/0012_audit_chain_head.sql")),
            (13, "office work", include_str!("../migrations/postgres/0013_office_work.sql")),
            (14, "pending files", include_str!("../migrations/postgres/0014_pending_files.sql")),
            (15, "api backlog index", include_str!("../migrations/postgres/0015_api_backlog_index.sql")),
            (16, "inbox indexes", include_str!("../migrations/postgres/0016_inbox_indexes.sql")),
            (17, "name search", include_str!("../migrations/postgres/0017_name_search.sql")),
            (18, "decisions", include_str!("../migrations/postgres/0018_decisions.sql")),
            (19, "dialogue", include_str!("../migrations/postgres/0019_dialogue.sql")),
            (20, "notifications", include_str!("../migrations/postgres/0020_notifications.sql")),
            (21, "meetings", include_str!("../migrations/postgres/0021_meetings.sql")),
            (22, "letter printing", include_str!("../migrations/postgres/0022_letter_printing.sql")),
            (23, "appeals", include_str!("../migrations/postgres/0023_appeals.sql")),
            (24, "pdf parts", include_str!("../migrations/postgres/0024_pdf_parts.sql")),
            (25, "concern reports", include_str!("../migrations/postgres/0025_concern_reports.sql")),
            (27, "channels and contact centre", include_str!("../migrations/postgres/0027_channels_and_contact_centre.sql")),
            (28, "people without eid", include_str!("../migrations/postgres/0028_people_without_eid.sql")),
            (29, "dialogue attachments and templates", include_str!("../migrations/postgres/0029_dialogue_attachments_templates.sql")),
            (30, "power messages", include_str!("../migrations/postgres/0030_power_messages.sql")),
        ],
    };
    Migrator {
        migrations: Cow::Owned(files.iter().map(|(v, d, sql)| Migration::new(*v, Cow::Borrowed(*d), MigrationType::Simple, Cow::Borrowed(*sql), false)).collect()),
        ..Migrator::DEFAULT
    }
}

/// How long a query waits for a connection from the pool before it fails as unavailable
/// (`StoreError::is_unavailable`, a 503 saying "try again"). While the database restarts, the pool
/// keeps trying to connect for this long, so a restart of a few seconds only slows pages down;
/// any longer and a person would stare at a page that does not come, so they are told instead.
pub const POOL_WAIT: Duration = Duration::from_secs(5);

impl Store {
    /// Connects and brings the schema up to date. `url` is `sqlite://PATH` or `postgres://…`.
    /// A query waits at most [`POOL_WAIT`] for a connection, also while the database restarts.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(url.split('@').next_back().unwrap_or_default().to_owned()));
        };
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { readers::SQLITE_POOL } else { 16 })
            .acquire_timeout(POOL_WAIT)
            // A SQLite connection is a handle in this process and cannot be lost, so the ping
            // before every acquire (a round trip to its worker thread, some 5 % of a send's CPU)
            // is only kept for PostgreSQL, whose connections a restart breaks.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the writer; synchronous=FULL makes a commit
                        // durable before we answer "received", so kill -9 or power loss keeps it.
                        conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 15000;").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        migrations(backend).run(&pool).await?;
        let readers = if backend == Backend::Sqlite { readers::Readers::sqlite() } else { readers::Readers::default() };
        let store = Store { pool, backend, case_system_kommuner: Default::default(), write_turn: Default::default(), readers };
        store.fill_name_words().await?;
        Ok(store)
    }

    /// The same database, told which municipalities' case systems own their cases
    /// (`status_fra_fagsystem`, from the catalogue). Set once at start, before serving.
    pub fn with_case_system_kommuner(mut self, kommuner: impl IntoIterator<Item = String>) -> Store {
        self.case_system_kommuner = std::sync::Arc::new(kommuner.into_iter().collect());
        self
    }

    /// Begins a transaction that will write. On SQLite it first waits for the store's write turn
    /// (an async FIFO lock: writers in this process go one at a time, in the order they came,
    /// without holding a connection while they wait), then takes the database's write lock at
    /// once (`BEGIN IMMEDIATE`). Two reasons:
    /// - a deferred transaction that reads first and writes later cannot wait for the lock —
    ///   SQLite answers "database is locked" at once when another writer committed since its read
    ///   (SQLITE_BUSY_SNAPSHOT), which is what six citizens uploading at once used to meet;
    /// - writers that wait inside SQLite's busy handler sleep in growing steps (1, 2, 5, 10 … 100
    ///   ms) and wake late, so under load the lock stood free while they slept: sends at 50
    ///   citizens waited 150 ms at the median. The turn hands over the moment a commit is done.
    ///
    /// Other processes (an `admin` command beside the server) still meet the busy timeout.
    /// Every transaction in this crate that writes begins here, and every single statement that
    /// writes outside one runs through [`Store::write_one`]; read-only ones may use the pool.
    ///
    /// Writers that queue behind one another on SQLite share one commit (group commit, see
    /// `writer.rs`); each still hears "committed" only once its writes are durable.
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        Ok(WriteTx::begin(&self.pool, self.sqlite_writer()).await?)
    }

    fn sqlite_writer(&self) -> Option<&writer::Turn> {
        (self.backend == Backend::Sqlite).then_some(&self.write_turn)
    }

    /// How many commits SQLite's writer has made (each one durable write of the log), or `None` on
    /// PostgreSQL: for tests and benches that check that writers queued together share a commit.
    pub async fn sqlite_commits(&self) -> Option<u64> {
        match self.sqlite_writer() {
            Some(turn) => Some(turn.commits().await),
            None => None,
        }
    }

    /// A connection for reads outside a transaction: `query.fetch_one(&mut *self.read().await?)`.
    /// On SQLite it is kept for the next read when done, without the pool's test of every
    /// connection given back (a round trip to the connection's thread, see `readers.rs`).
    pub(crate) async fn read(&self) -> Result<readers::ReadConn> {
        Ok(self.readers.get(&self.pool).await?)
    }

    /// Runs one statement that writes, outside a transaction, and returns once it is durable. On
    /// SQLite it takes the write turn (see [`Store::begin_write`]) and, when other writers are
    /// queued, rides in their shared commit (`writer.rs`); on PostgreSQL it runs on the pool.
    pub(crate) async fn write_one<'q>(&self, query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>) -> Result<sqlx::any::AnyQueryResult> {
        Ok(match self.sqlite_writer() {
            Some(turn) => turn.write_one(&self.pool, query).await?,
            None => query.execute(&self.pool).await?,
        })
    }

    /// Begins a read-only transaction that sees one moment of the database throughout: repeatable
    /// read on PostgreSQL; on SQLite a read transaction keeps the snapshot of its first read.
    pub(crate) async fn begin_snapshot(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
        }
        Ok(tx)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers when the database does (for `/health`).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Like [`Store::ping`], but an error (`is_unavailable`) when the database has not answered
    /// within `wait` (for health checks, which must answer while the pool waits for a database
    /// that is away).
    pub async fn ping_within(&self, wait: Duration) -> Result<()> {
        tokio::time::timeout(wait, self.ping()).await.unwrap_or(Err(StoreError::Database(sqlx::Error::PoolTimedOut)))
    }

    pub async fn close(&self) {
        self.readers.close();
        self.pool.close().await;
    }
}

/// A random identifier: 128 bits, lower-case base32, safe in URLs and impossible to guess.
pub fn new_id() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    base32(&bytes)
}

/// A random UUID (version 4), lower-case: the form Digisos uses for Dokumentlager references.
pub fn new_uuid() -> String {
    use rand::Rng;
    let mut b: [u8; 16] = rand::rng().random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// A reference a person can read aloud on the phone: `VF-` and eight characters without
/// look-alikes (no I, L, O, U).
pub fn new_reference() -> String {
    use rand::Rng;
    let bytes: [u8; 5] = rand::rng().random();
    let code = base32(&bytes).to_uppercase();
    format!("VF-{}-{}", &code[..4], &code[4..8])
}
