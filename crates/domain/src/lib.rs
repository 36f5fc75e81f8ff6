//! The rules of Velferd, free of I/O: identifiers parsed at the edge, municipalities and their
//! offices, the application (søknad) and its steps, what documents it needs, and the innsyn fold
//! over case events. Everything here is synchronous and unit-tested without a database.

pub mod application;
pub mod assisted;
pub mod barnevern;
pub mod calculation;
pub mod calendar;
pub mod case_view;
pub mod dates;
pub mod dialogue;
pub mod fullmakt;
pub mod ids;
pub mod innsyn;
pub mod kommune;
pub mod meetings;
pub mod notices;
pub mod office;
pub mod requests;
pub mod staff;
pub mod stats;
pub mod text;
pub mod vedtak;

/// Milliseconds since the Unix epoch. Time is always passed in, never read here, so rules stay testable.
pub type Millis = i64;
