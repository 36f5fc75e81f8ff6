//! `vedlegg.json`: which documents an application needs or has (vedlegg = attachment).

use serde::{Deserialize, Serialize};

/// Status of one expected document, as the format spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VedleggStatus {
    /// Uploaded with this submission.
    LastetOpp,
    /// Needed and not yet sent.
    VedleggKreves,
    /// The citizen says the office already has it.
    VedleggAlleredeSendt,
}

/// One file of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fil {
    pub filnavn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha512: Option<String>,
}

/// One document: a type and subtype (e.g. `lonnslipp`/`arbeid`) and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vedlegg {
    #[serde(rename = "type")]
    pub kind: String,
    pub tilleggsinfo: String,
    pub status: VedleggStatus,
    pub filer: Vec<Fil>,
    /// What made the citizen send it: `soknad` for the application itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hendelse_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hendelse_referanse: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VedleggSpesifikasjon {
    pub vedlegg: Vec<Vedlegg>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{validate, Kind};

    #[test]
    fn a_required_document_serialises_to_a_valid_vedlegg_json() {
        let spec = VedleggSpesifikasjon {
            vedlegg: vec![Vedlegg {
                kind: "husleiekontrakt".into(),
                tilleggsinfo: "husleiekontrakt".into(),
                status: VedleggStatus::VedleggKreves,
                filer: vec![],
                hendelse_type: Some("soknad".into()),
                hendelse_referanse: None,
            }],
        };
        let json = serde_json::to_value(&spec).unwrap();
        assert_eq!(json["vedlegg"][0]["status"], "VedleggKreves");
        assert_eq!(json["vedlegg"][0]["hendelseType"], "soknad");
        assert_eq!(validate(Kind::Vedlegg, &json).unwrap(), vec![]);
    }
}
