//! Templates of issue 17 (everyone can apply): registering a paper, phone or desk application
//! (the steps themselves are the person's own step template), the contact centre, and the office
//! lead's statistics.

use askama::Template;

use super::PageContext;
use crate::steps::{Control, Field};

/// `/ansatt/registrer`: start a registration, or go on with one.
#[derive(Template)]
#[template(path = "staff/register.html")]
pub struct RegisterStartPage {
    pub ctx: PageContext,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
    /// The office's registrations not yet sent: (href, person's name, saved).
    pub drafts: Vec<(String, String, String)>,
    /// The paper form as PDF in each language: (href, language name).
    pub paper_forms: Vec<(String, String)>,
    /// What was just done, in words.
    pub done: Option<String>,
}

/// `/ansatt/registrer/person`: register a person without electronic ID.
#[derive(Template)]
#[template(path = "staff/register_person.html")]
pub struct RegisterPersonPage {
    pub ctx: PageContext,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
}

/// `/ansatt/registrer/{id}/send`: the summary, the channel, the identity check and the scan.
#[derive(Template)]
#[template(path = "staff/register_send.html")]
pub struct RegisterSendPage {
    pub ctx: PageContext,
    pub action: String,
    pub person: String,
    pub kommune: String,
    pub kommune_reason: Option<String>,
    /// The person's open applications: (reference, sent).
    pub open: Vec<(String, String)>,
    /// Steps not complete: (href, text).
    pub problems: Vec<(String, String)>,
    pub summary: Vec<SummarySection>,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
    /// The scanned original kept so far: (name, pages).
    pub scan: Vec<(String, i64)>,
    pub scan_error: Option<String>,
}

/// One step's answers on the last page: heading, link to change them, (label, value) rows.
pub type SummarySection = (String, String, Vec<(String, String)>);

/// One case as the contact centre reads it, in plain words.
pub struct ContactCaseView {
    pub id: String,
    pub reference: String,
    pub received: String,
    pub channel: String,
    pub status: String,
    pub waiting_for: Vec<String>,
    pub decided: Vec<String>,
    pub payments: Vec<String>,
    pub office: String,
    pub office_phone: String,
    pub next_meeting: Option<String>,
    pub callbacks: Vec<String>,
    pub note_action: String,
    pub callback_action: String,
}

/// `/ansatt/kontaktsenter`: look a person up with a reason; what was found.
#[derive(Template)]
#[template(path = "staff/contact.html")]
pub struct ContactPage {
    pub ctx: PageContext,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
    pub done: Option<String>,
    /// Who was found (name), when a lookup was made.
    pub found: Option<String>,
    pub protected: bool,
    /// No electronic ID: how to reach them, in words.
    pub without_eid: Option<String>,
    pub cases: Vec<ContactCaseView>,
    /// Fields of the note and callback forms (empty values) under each case.
    pub note_field: Field,
    pub callback_fields: Vec<Field>,
}

/// A contact-centre form shown again with its errors (a call note or a callback).
#[derive(Template)]
#[template(path = "staff/contact_form.html")]
pub struct ContactFormPage {
    pub ctx: PageContext,
    pub title: String,
    pub action: String,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
}

/// One bar of a bar chart: label, value for the bar (0 for a hidden count), the value as shown.
pub struct Bar {
    pub label: String,
    pub shown: String,
    /// Bar length in SVG units (0–100).
    pub length: u32,
    /// Where the bar row sits (SVG y).
    pub y: u32,
}

/// A chart with its numbers as a table.
pub struct Chart {
    pub id: String,
    pub title: String,
    pub column: String,
    pub bars: Vec<Bar>,
    /// SVG height.
    pub height: u32,
}

/// `/ansatt/statistikk`.
#[derive(Template)]
#[template(path = "staff/stats.html")]
pub struct StatsPage {
    pub ctx: PageContext,
    pub office: String,
    pub from: String,
    pub to: String,
    /// The period in words, dates as Norwegians write them.
    pub period: String,
    pub error: Option<String>,
    pub csv_href: String,
    pub charts: Vec<Chart>,
    /// Key figures: (label, value).
    pub figures: Vec<(String, String)>,
}

/// A field of one of these forms.
pub fn field(name: &str, label: String, value: &str, control: Control) -> Field {
    Field { name: name.to_owned(), label, hint: None, value: value.to_owned(), error: None, control }
}

/// A one-line text field.
pub fn text(name: &str, label: String, value: &str, inputmode: &'static str, size: &'static str) -> Field {
    field(name, label, value, Control::Text { inputmode, autocomplete: "off", size })
}
