//! Use cases: one function per action a person or system takes on an application. Each checks the
//! rule in `velferd-domain`, writes what the action changes (events, letters, journal, audit) through
//! `velferd-store`, and returns what the page or API answer needs. Nothing here knows HTTP; the web
//! layer parses a request, calls one function here, and renders.
//!
//! - [`appeals`]: the person appeals a decision; the office upholds it or sends it on.
//! - [`archive`]: the whole record of a case for its archive copy (the office's with its notes).
//! - [`apply`]: sending an application (documents into PDFs, the application as sent).
//! - [`barnevern`]: child-welfare concern reports: sending one (public), and the child-welfare
//!   service's list, report page and steps, for its own staff only.
//! - [`assisted`]: a caseworker registers a paper, phone or desk application in the same steps.
//! - [`contact`]: the contact centre's lookup, call notes and callbacks.
//! - [`stats`]: the office lead's statistics.
//! - [`citizen`]: documents a citizen or helper chooses (checked and kept with previews) and sends
//!   to an application already sent (ettersendelse).
//! - [`dialogue`]: the conversation between a person and the office on an application.
//! - [`meetings`]: booking, moving and cancelling meetings, and their calendar files.
//! - [`notify`]: delivering notices (e-mail over SMTP, SMS through a file or a gateway).
//! - [`powers`]: an owner gives or ends a helper's power of attorney on an application.
//! - [`view`]: the citizen's view of a case (the innsyn fold over the events that drive it, with
//!   requests answered by documents sent after them).
//! - [`office`]: the caseworker's inbox, case file and actions, scoped by
//!   [`velferd_domain::staff::CaseAccess`] and audited before anything is returned.

pub mod appeals;
pub mod apply;
pub mod archive;
pub mod assisted;
pub mod barnevern;
pub mod citizen;
pub mod contact;
pub mod dialogue;
pub mod documents;
pub mod letters;
pub mod meetings;
pub mod notices;
pub mod notify;
pub mod office;
pub mod powers;
pub mod stats;
pub mod view;

use std::sync::Arc;

use velferd_domain::calculation::RateBook;
use velferd_domain::kommune::Katalog;
use velferd_domain::office::Refusal;
use velferd_domain::vedtak::Hjemler;
use velferd_store::{Files, Store, StoreError};

/// What a use case can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// Nothing here for this person (another office's case, an unknown id). Logged as refused.
    #[error("not found")]
    NotFound,
    /// The person's role does not allow this at all. Logged as refused.
    #[error("forbidden")]
    Forbidden,
    /// A rule refused what was asked; the key and field say why and where.
    #[error("refused: {}", .0.key)]
    Refused(Refusal),
    /// A form broke one or more rules; each refusal names its field. Nothing was written.
    #[error("invalid: {} fault(s)", .0.len())]
    Invalid(Vec<Refusal>),
    /// Someone else changed the case since the page was drawn; nothing was written.
    #[error("the case changed since the page was drawn")]
    Conflict,
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("internal: {0}")]
    Internal(String),
    /// A chosen file cannot be used: its name ("" for the files as a whole) and the problem's code
    /// (`upload-error-<code>`, or `too-many`). Nothing was stored.
    #[error("file refused: {code}")]
    File { file: String, code: &'static str },
}

pub type Result<T> = std::result::Result<T, CaseError>;

/// Translated words for letters: implemented by the web layer's language (Fluent), so letters use
/// the same texts as the pages.
pub trait Words: Send + Sync {
    /// The message for `key` with its arguments.
    fn t(&self, key: &str, args: &[(&'static str, String)]) -> String;
    /// The message for a key built from data (a document type), if there is one.
    fn try_t(&self, key: &str) -> Option<String>;
    /// The language's code (`nb`, `nn`, `en`), for the PDF's language tag.
    fn code(&self) -> &'static str;
}

/// The use cases, with what they need. Cheap to clone.
#[derive(Clone)]
pub struct Cases {
    store: Store,
    files: Arc<dyn Files>,
    kommuner: Arc<Katalog>,
    /// The legal bases a decision can cite (`data/hjemler.json`).
    hjemler: Arc<Hjemler>,
    /// The rate sets calculations start from (`data/satser/`).
    rates: Arc<RateBook>,
}

/// The legal bases shipped in `data/hjemler.json`.
pub fn shipped_hjemler() -> Hjemler {
    Hjemler::from_json(include_str!("../../../data/hjemler.json")).unwrap_or_else(|e| panic!("shipped data/hjemler.json is invalid: {e}"))
}

/// The rate sets shipped in `data/satser/`.
pub fn shipped_rates() -> RateBook {
    RateBook::from_files([
        ("no/stat/2022-07-01.json", include_str!("../../../data/satser/no/stat/2022-07-01.json")),
        ("no/stat/2023-07-01.json", include_str!("../../../data/satser/no/stat/2023-07-01.json")),
        ("no/stat/2024-01-01.json", include_str!("../../../data/satser/no/stat/2024-01-01.json")),
    ])
    .unwrap_or_else(|e| panic!("shipped data/satser is invalid: {e}"))
}

impl Cases {
    /// Wires the use cases to the database, the file store and the catalogue. The store is told
    /// which municipalities' case systems own their cases (`status_fra_fagsystem`).
    pub fn new(store: Store, files: Arc<dyn Files>, kommuner: Katalog) -> Cases {
        let owners = kommuner.by_name().into_iter().filter(|k| k.status_fra_fagsystem).map(|k| k.nummer.as_str().to_owned()).collect::<Vec<_>>();
        Cases { store: store.with_case_system_kommuner(owners), files, kommuner: Arc::new(kommuner), hjemler: Arc::new(shipped_hjemler()), rates: Arc::new(shipped_rates()) }
    }

    /// The store as the use cases see it (with the catalogue's case-system owners set).
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn kommuner(&self) -> &Katalog {
        &self.kommuner
    }

    pub fn hjemler(&self) -> &Hjemler {
        &self.hjemler
    }

    /// Whether the municipality's own case system owns this municipality's cases.
    pub fn case_system_owns(&self, kommunenummer: &velferd_domain::ids::Kommunenummer) -> bool {
        self.kommuner.get(kommunenummer).is_some_and(|k| k.status_fra_fagsystem)
    }
}
