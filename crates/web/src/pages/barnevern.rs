//! The child-welfare pages' templates (`templates/barnevern/`): the public concern form and its
//! receipt, and the child-welfare service's list and report page.

use askama::Template;

use super::{PageContext, SummaryItem};

/// A choice of a radio group, as drawn.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

/// `/bekymring`: the concern form, with what was typed and the faults (field, message) after a
/// refusal.
#[derive(Template)]
#[template(path = "barnevern/form.html")]
pub struct FormPage {
    pub ctx: PageContext,
    /// The sending's token (also the anti-double-send key).
    pub token: String,
    /// `fagperson` when a professional reports (signed in), else empty.
    pub mode: &'static str,
    /// A professional who has not signed in yet: the sign-in link instead of the form.
    pub sign_in_href: Option<String>,
    /// The professional's name from the sign-in.
    pub professional: Option<String>,
    pub kommuner: Vec<(String, String, bool)>,
    pub urgency: Vec<Choice>,
    pub danger: Vec<Choice>,
    pub anonymous: bool,
    /// Field values as typed, by form name.
    pub values: std::collections::HashMap<String, String>,
    pub errors: Vec<(String, String)>,
}

impl FormPage {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == name).map(|(_, m)| m.as_str())
    }
}

/// `/bekymring/kvittering`: the receipt, right after sending.
#[derive(Template)]
#[template(path = "barnevern/receipt.html")]
pub struct ReceiptPage {
    pub ctx: PageContext,
    pub reference: String,
    pub received: String,
    pub service: String,
    pub danger_now: bool,
    pub professional: bool,
}

/// One report in the child-welfare service's list.
pub struct ListRow {
    pub href: String,
    pub reference: String,
    pub child: String,
    pub received: String,
    pub status: String,
    pub acute: bool,
    /// The next deadline in words ("Gjennomgang: 3 dager igjen"), if any.
    pub deadline: Option<String>,
    pub overdue: bool,
}

/// `/ansatt/barnevern`: the municipality's reports, acute first.
#[derive(Template)]
#[template(path = "barnevern/list.html")]
pub struct ListPage {
    pub ctx: PageContext,
    pub service: String,
    pub rows: Vec<ListRow>,
    pub overdue: usize,
    pub include_closed: bool,
}

/// One deadline on the report page.
pub struct DeadlineRow {
    pub label: String,
    pub text: String,
    pub overdue: bool,
}

/// `/ansatt/barnevern/{id}`: one report with its steps and the caseworker's actions.
#[derive(Template)]
#[template(path = "barnevern/report.html")]
pub struct ReportPage {
    pub ctx: PageContext,
    pub id: String,
    pub reference: String,
    pub version: i64,
    pub acute: bool,
    pub danger_now: bool,
    pub status: String,
    pub open: bool,
    pub child: Vec<SummaryItem>,
    pub concern: String,
    pub reporter: Vec<SummaryItem>,
    pub deadlines: Vec<DeadlineRow>,
    /// (when, who, what) per step, oldest first.
    pub steps: Vec<(String, String, String)>,
    /// (label, href) of files.
    pub files: Vec<(String, String)>,
    pub may_review: bool,
    pub may_investigate: bool,
    pub may_extend: bool,
    pub may_feedback: bool,
    pub urgency: Vec<Choice>,
    /// The action whose form failed, the faults, and what was typed.
    pub action: String,
    pub errors: Vec<(String, String)>,
    pub values: std::collections::HashMap<String, String>,
    pub done: Option<String>,
    pub conflict: bool,
}

impl ReportPage {
    pub fn value(&self, action: &str, name: &str) -> &str {
        if self.action == action {
            self.values.get(name).map_or("", String::as_str)
        } else {
            ""
        }
    }

    pub fn error(&self, action: &str, name: &str) -> Option<&str> {
        if self.action != action {
            return None;
        }
        self.errors.iter().find(|(f, _)| f == name).map(|(_, m)| m.as_str())
    }

    pub fn general_error(&self, action: &str) -> Option<&str> {
        self.error(action, "")
    }
}
