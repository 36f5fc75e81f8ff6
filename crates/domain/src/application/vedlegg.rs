//! Which documents the answers make necessary (vedlegg), and the `vedlegg.json` that lists them.

use velferd_formats::vedlegg::{Fil, Vedlegg, VedleggSpesifikasjon, VedleggStatus};

use super::build::{Application, Barnebidrag};

/// One document the office will need, by the format's type and subtype. `why` is a Fluent key that
/// tells the citizen in plain words what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNeed {
    pub kind: &'static str,
    pub tilleggsinfo: &'static str,
    pub why: &'static str,
}

const fn need(kind: &'static str, tilleggsinfo: &'static str, why: &'static str) -> DocumentNeed {
    DocumentNeed { kind, tilleggsinfo, why }
}

/// The documents these answers call for, in the order a citizen would gather them.
pub fn required_documents(app: &Application) -> Vec<DocumentNeed> {
    let mut out = vec![need("kontooversikt", "brukskonto", "doc-kontooversikt")];
    if app.botype.pays_rent() {
        out.push(need("husleiekontrakt", "husleiekontrakt", "doc-husleiekontrakt"));
    }
    if app.expense("husleie") > 0 {
        out.push(need("faktura", "husleie", "doc-faktura-husleie"));
    }
    if app.expense("strom") > 0 {
        out.push(need("faktura", "strom", "doc-faktura-strom"));
    }
    if app.expense("kommunale_avgifter") > 0 {
        out.push(need("faktura", "kommunaleavgifter", "doc-faktura-kommunaleavgifter"));
    }
    if app.expense("boliglan") > 0 {
        out.push(need("nedbetalingsplan", "avdraglaan", "doc-nedbetalingsplan"));
    }
    if app.expense("barnehage") > 0 {
        out.push(need("faktura", "barnehage", "doc-faktura-barnehage"));
    }
    if app.expense("sfo") > 0 {
        out.push(need("faktura", "sfo", "doc-faktura-sfo"));
    }
    if app.arbeid.is_some() || app.income("lonn") > 0 {
        out.push(need("lonnslipp", "arbeid", "doc-lonnslipp"));
    }
    if app.student.is_some() || app.income("studielan") > 0 {
        out.push(need("student", "vedtak", "doc-student"));
    }
    if app.income("bostotte") > 0 {
        out.push(need("bostotte", "vedtak", "doc-bostotte"));
    }
    match app.barnebidrag {
        Some(Barnebidrag::Betaler) => out.push(need("barnebidrag", "betaler", "doc-barnebidrag-betaler")),
        Some(Barnebidrag::Mottar) => out.push(need("barnebidrag", "mottar", "doc-barnebidrag-mottar")),
        Some(Barnebidrag::Begge) => {
            out.push(need("barnebidrag", "betaler", "doc-barnebidrag-betaler"));
            out.push(need("barnebidrag", "mottar", "doc-barnebidrag-mottar"));
        }
        Some(Barnebidrag::Ingen) | None => {}
    }
    if app.barn.iter().any(|b| b.delt_bosted || b.samvaersgrad.is_some_and(|s| s > 0)) {
        out.push(need("samvarsavtale", "barn", "doc-samvarsavtale"));
    }
    out.push(need("skattemelding", "skattemelding", "doc-skattemelding"));
    out
}

/// The document everyone may add besides the expected ones ("other").
pub const OTHER: DocumentNeed = need("annet", "annet", "doc-annet");

impl DocumentNeed {
    /// A stable name for the document within an application: `type.subtype`.
    pub fn slot(&self) -> String {
        format!("{}.{}", self.kind, self.tilleggsinfo)
    }
}

/// What the citizen did about one expected document before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentState {
    /// Attached: the names of its files in the application (one PDF per document).
    Uploaded(Vec<String>),
    /// The office already has it (VedleggAlleredeSendt).
    SentBefore,
    /// Not attached: will come later or on paper (VedleggKreves).
    Later,
}

/// `vedlegg.json` for a new application: every needed document, not yet uploaded.
pub fn vedlegg_json(needs: &[DocumentNeed]) -> VedleggSpesifikasjon {
    vedlegg_json_with(needs, |_| DocumentState::Later)
}

/// `vedlegg.json` saying, for every needed document and for "other" when something was attached
/// there, what the citizen did about it.
pub fn vedlegg_json_with(needs: &[DocumentNeed], state: impl Fn(&DocumentNeed) -> DocumentState) -> VedleggSpesifikasjon {
    let other = matches!(state(&OTHER), DocumentState::Uploaded(_)).then_some(&OTHER);
    VedleggSpesifikasjon {
        vedlegg: needs
            .iter()
            .chain(other)
            .map(|n| {
                let (status, filer) = match state(n) {
                    DocumentState::Uploaded(names) => (VedleggStatus::LastetOpp, names.into_iter().map(|filnavn| Fil { filnavn, sha512: None }).collect()),
                    DocumentState::SentBefore => (VedleggStatus::VedleggAlleredeSendt, vec![]),
                    DocumentState::Later => (VedleggStatus::VedleggKreves, vec![]),
                };
                Vedlegg { kind: n.kind.to_owned(), tilleggsinfo: n.tilleggsinfo.to_owned(), status, filer, hendelse_type: Some("soknad".to_owned()), hendelse_referanse: None }
            })
            .collect(),
    }
}
