//! The application for economic social assistance (søknad om økonomisk sosialhjelp).
//!
//! A citizen fills it in as a draft of short steps. Every answer is kept exactly as typed (so a page
//! with an error shows the rest of what the user wrote, and going back never loses anything); each
//! step is checked when it is posted, and the whole draft is turned into a typed [`Application`]
//! when it is sent. From that come the `soknad.json` and `vedlegg.json` the office receives.

mod answers;
mod build;
mod soknad_json;
mod summary;
mod vedlegg;

pub use answers::{Answers, FieldError, LANGUAGE};
pub use build::{
    antall_barn, barn_field, parse_application, validate_step, Application, Arbeid, Barn, Barnebidrag, Botype, Kategori, Nodhjelp, Partner, Pengepost, Sivilstatus, Studentgrad,
    FORMUE_FIELDS, INNTEKT_FIELDS, MAX_BARN, UTGIFT_FIELDS,
};
pub use soknad_json::{soknad_json, Soker, SokerAdresse};
pub use summary::{as_sent, for_others, summary, SummaryRow, SummarySection, Value};
pub use vedlegg::{required_documents, vedlegg_json, vedlegg_json_with, DocumentNeed, DocumentState, OTHER};

use crate::Millis;

/// Drafts are kept this long after the last change, then deleted. The citizen is told so.
pub const DRAFT_LIFETIME_DAYS: i64 = 14;

/// When a draft last changed at `updated` expires.
pub fn draft_expires_at(updated: Millis) -> Millis {
    updated + DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000
}

/// The steps of the application, in order. The slug is the step's URL segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Nodhjelp,
    Behov,
    Personalia,
    Bolig,
    Arbeid,
    Familie,
    Inntekt,
    Utgifter,
    Konto,
    Oppsummering,
}

impl Step {
    pub const ALL: [Step; 10] =
        [Step::Nodhjelp, Step::Behov, Step::Personalia, Step::Bolig, Step::Arbeid, Step::Familie, Step::Inntekt, Step::Utgifter, Step::Konto, Step::Oppsummering];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Nodhjelp => "nodhjelp",
            Step::Behov => "behov",
            Step::Personalia => "personalia",
            Step::Bolig => "bolig",
            Step::Arbeid => "arbeid",
            Step::Familie => "familie",
            Step::Inntekt => "inntekt",
            Step::Utgifter => "utgifter",
            Step::Konto => "konto",
            Step::Oppsummering => "oppsummering",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// 1-based position, for "step 3 of 10".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).map_or(1, |i| i + 1)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).and_then(|i| Step::ALL.get(i)).copied()
    }
}

#[cfg(test)]
mod tests;
