//! Answers exactly as typed, keyed by field name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Step;
use crate::ids::MessageKey;

/// Longest value kept for any one field, whatever the field: a bound on what a hostile form can make
/// us store. Real answers are checked against their own, smaller limits with a message.
const MAX_STORED_VALUE: usize = 20_000;

/// A problem with one field: the field's name and the message key that explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub key: MessageKey,
    /// What the message needs to say the limit ("at most 4000 characters", "between 1 and 30").
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: MessageKey) -> Self {
        Self { field: field.into(), key, args: vec![] }
    }

    /// An error whose message states a limit.
    pub fn with_args(field: impl Into<String>, key: MessageKey, args: Vec<(&'static str, String)>) -> Self {
        Self { field: field.into(), key, args }
    }
}

/// The key under which the answers keep the language the person applied in (`nb`, `nn`, `en`),
/// set when the application is sent: the office writes its letters in that language by default.
/// Not a question; no form posts it (`merge_step` takes only a step's own fields).
pub const LANGUAGE: &str = "_sprak";

/// All answers of a draft, as typed. Checkbox groups are stored as their values joined by `,`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, String>);

impl Answers {
    pub fn get(&self, field: &str) -> &str {
        self.0.get(field).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: impl Into<String>, value: impl Into<String>) {
        self.0.insert(field.into(), value.into());
    }

    /// The language the person applied in ([`LANGUAGE`]), if it was kept.
    pub fn language(&self) -> Option<&str> {
        Some(self.get(LANGUAGE)).filter(|l| !l.is_empty())
    }

    pub fn is_yes(&self, field: &str) -> bool {
        self.get(field) == "ja"
    }

    /// The values of a checkbox group.
    pub fn list(&self, field: &str) -> Vec<&str> {
        self.get(field).split(',').filter(|s| !s.is_empty()).collect()
    }

    /// Whether the citizen has said, so far, that they have no food or no place to sleep today
    /// (before the whole application is complete, so the pages can say "call now" at once).
    pub fn reports_emergency(&self) -> bool {
        matches!(self.get("nodhjelp"), "mat" | "bolig" | "begge")
    }

    pub fn has(&self, field: &str, value: &str) -> bool {
        self.list(field).contains(&value)
    }

    /// Takes the posted fields that belong to `step` and keeps them, replacing what that step had.
    /// Fields of other steps are never touched, so a forged or stale form cannot erase them.
    /// Repeated names (checkbox groups) are joined; values are cut to a hard bound.
    pub fn merge_step(&mut self, step: Step, posted: &[(String, String)]) {
        self.0.retain(|name, _| !super::build::belongs_to(step, name));
        let mut merged: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, value) in posted {
            if super::build::belongs_to(step, name) {
                let value: String = value.chars().take(MAX_STORED_VALUE).collect();
                merged.entry(name.clone()).or_default().push(value);
            }
        }
        // The number of child slots is not a question; when a form does not post it, it is as many
        // children as the form showed, so saving the family step never drops a child.
        if step == Step::Familie && !merged.contains_key("antall_barn") {
            let shown = merged.keys().filter_map(|k| k.strip_prefix("barn")?.split_once('_')?.0.parse::<usize>().ok()).max();
            if let Some(n) = shown {
                merged.insert("antall_barn".to_owned(), vec![n.to_string()]);
            }
        }
        for (name, values) in merged {
            let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
            self.0.insert(name, values.join(","));
        }
    }
}
