//! Validation against the embedded draft-06 schemas.

use std::{collections::HashMap, fmt, str::FromStr, sync::OnceLock};

use jsonschema::{Draft, Retrieve, Uri, Validator};
use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/schemas.rs"));

/// Base of the made-up URIs the schemas are registered under; their relative `$ref`s resolve against it.
const BASE: &str = "velferd:///digisos/json/";

/// The four documents of the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Soknad,
    Vedlegg,
    DigisosSoker,
    Klage,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Soknad, Kind::Vedlegg, Kind::DigisosSoker, Kind::Klage];

    /// The name used on the command line (`velferd validate NAME FILE`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Soknad => "soknad",
            Kind::Vedlegg => "vedlegg",
            Kind::DigisosSoker => "digisos-soker",
            Kind::Klage => "klage",
        }
    }

    /// The root schema, relative to `digisos/json`.
    pub fn root_schema(self) -> &'static str {
        match self {
            Kind::Soknad => "soknad/soknad.json",
            Kind::Vedlegg => "vedlegg/vedleggSpesifikasjon.json",
            Kind::DigisosSoker => "digisos/soker/digisos-soker.json",
            Kind::Klage => "klage/klage.json",
        }
    }

    /// Folder of the kind's schemas; parts (sub-schemas) are named relative to it.
    fn folder(self) -> &'static str {
        match self {
            Kind::Soknad => "soknad",
            Kind::Vedlegg => "vedlegg",
            Kind::DigisosSoker => "digisos/soker",
            Kind::Klage => "klage",
        }
    }

    /// The part schema `part` (e.g. `personalia/telefonnummer` for soknad, `parts/avsender` for
    /// digisos-soker), if the kind has one by that name.
    pub fn part_schema(self, part: &str) -> Option<String> {
        let path = format!("{}/{}.json", self.folder(), part.trim_matches('/'));
        schema_text(&path).map(|_| path)
    }

    /// Infers a part from a file path laid out like the upstream fixtures: a file in the folder
    /// `…/soknad/personalia/telefonnummer/` is a fragment for the part schema of the same name.
    /// Only folders that name an existing part schema count; everything else is a whole document.
    pub fn part_from_path(self, path: &str) -> Option<String> {
        let folders: Vec<&str> = path.split(['/', '\\']).collect();
        let folders = &folders[..folders.len().saturating_sub(1)];
        let marker: Vec<&str> = self.folder().split('/').collect();
        let start = folders.windows(marker.len()).rposition(|w| w == marker.as_slice())? + marker.len();
        let part = folders[start..].join("/");
        if part.is_empty() {
            return None;
        }
        self.part_schema(&part).map(|_| part)
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| format!("unknown document kind '{s}' (expected soknad, vedlegg, digisos-soker or klage)"))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One way a document breaks its schema: where (a JSON pointer into the document) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{pointer}: {}", self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("no schema named {0}")]
    UnknownSchema(String),
    #[error("schema {0} could not be compiled: {1}")]
    Compile(String, String),
}

fn schema_text(path: &str) -> Option<&'static str> {
    SCHEMA_FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}

/// Resolves `velferd:///digisos/json/…` to the embedded files; nothing is fetched from a network.
struct Embedded;

impl Retrieve for Embedded {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.as_str().strip_prefix(BASE).ok_or_else(|| format!("schema reference outside the embedded set: {}", uri.as_str()))?;
        let text = schema_text(path).ok_or_else(|| format!("no embedded schema {path}"))?;
        Ok(serde_json::from_str(text)?)
    }
}

fn compile(path: &str) -> Result<Validator, SchemaError> {
    let text = schema_text(path).ok_or_else(|| SchemaError::UnknownSchema(path.to_owned()))?;
    let schema: Value = serde_json::from_str(text).map_err(|e| SchemaError::Compile(path.to_owned(), e.to_string()))?;
    jsonschema::options()
        .with_draft(Draft::Draft6)
        .with_base_uri(format!("{BASE}{path}"))
        .with_retriever(Embedded)
        .build(&schema)
        .map_err(|e| SchemaError::Compile(path.to_owned(), e.to_string()))
}

/// Compiled validators, built once per schema path and shared by every request.
fn validator(path: &str) -> Result<&'static Validator, SchemaError> {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<String, &'static Validator>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(v) = cache.get(path) {
        return Ok(v);
    }
    // Leaked on purpose: at most one validator per embedded schema, alive for the whole process.
    let v: &'static Validator = Box::leak(Box::new(compile(path)?));
    cache.insert(path.to_owned(), v);
    Ok(v)
}

fn violations(v: &Validator, doc: &Value) -> Vec<Violation> {
    let mut out: Vec<Violation> = v.iter_errors(doc).map(|e| Violation { pointer: e.instance_path().as_str().to_owned(), message: e.to_string() }).collect();
    out.sort_by(|a, b| a.pointer.cmp(&b.pointer).then(a.message.cmp(&b.message)));
    out.dedup();
    out
}

/// Validates a whole document of `kind`. An empty list means valid.
pub fn validate(kind: Kind, doc: &Value) -> Result<Vec<Violation>, SchemaError> {
    Ok(violations(validator(kind.root_schema())?, doc))
}

/// Validates a fragment against one part schema of `kind` (see [`Kind::part_schema`]).
pub fn validate_part(kind: Kind, part: &str, doc: &Value) -> Result<Vec<Violation>, SchemaError> {
    let path = kind.part_schema(part).ok_or_else(|| SchemaError::UnknownSchema(format!("{kind}/{part}")))?;
    Ok(violations(validator(&path)?, doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_schema_compiles() {
        for kind in Kind::ALL {
            validator(kind.root_schema()).unwrap_or_else(|e| panic!("{kind}: {e}"));
        }
    }

    #[test]
    fn part_is_inferred_only_from_folders_that_name_a_part_schema() {
        let k = Kind::Soknad;
        assert_eq!(k.part_from_path("x/soknad/personalia/telefonnummer/a.json").as_deref(), Some("personalia/telefonnummer"));
        assert_eq!(k.part_from_path("x/soknad/minimal.json"), None);
        assert_eq!(k.part_from_path("x/soknad/personalia/nothing/a.json"), None);
        assert_eq!(k.part_from_path("a.json"), None);
        assert_eq!(Kind::DigisosSoker.part_from_path("f/digisos/soker/parts/avsender/minimal.json").as_deref(), Some("parts/avsender"));
    }

    #[test]
    fn violations_name_the_place_and_the_problem() {
        let doc: Value = serde_json::json!({"avsender": {"systemnavn": "x", "systemversjon": "1"}, "hendelser": []});
        let errors = validate(Kind::DigisosSoker, &doc).unwrap();
        assert!(errors.iter().any(|e| e.pointer.is_empty() && e.message.contains("version")), "{errors:?}");
    }
}
