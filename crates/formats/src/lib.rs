//! The Digisos exchange formats (NAV's `soknadsosialhjelp-filformat`, MIT, see `digisos/LICENSE`).
//!
//! - `soknad.json` – the application (søknad) as sent to the office,
//! - `vedlegg.json` – the list of attachments (vedlegg) the application needs or has,
//! - `digisos-soker.json` – the case events (hendelser) the office produces,
//! - `klage.json` – an appeal: the envelope klage-filformat.md describes and the document of the
//!   klage schema, with the appeal events (`klage`).
//!
//! Besides Digisos, `payments` writes the office's payment files for its bank (ISO 20022
//! `pain.001.001.03` and CSV).
//!
//! This crate only knows the formats: it embeds the official schemas, validates documents against them
//! and holds the typed structs the rest of Velferd builds. It does no I/O.

pub mod klage;
pub mod payments;
pub mod schema;
pub mod soker;
pub mod soknad;
pub mod vedlegg;

pub use schema::{validate, validate_part, Kind, SchemaError, Violation};
