//! The staff pages' templates: the staff home page, the office's inbox, the case file with the
//! caseworker's actions, the demo sign-in and short messages.

use askama::Template;

use super::{DocLink, Line, PageContext, SummaryItem};

/// The staff landing page: who is signed in, where, with which roles.
#[derive(Template)]
#[template(path = "staff/home.html")]
pub struct StaffPage {
    pub ctx: PageContext,
    pub name: String,
    pub office: String,
    pub roles: String,
    /// The roles open the office's cases (caseworker, manager).
    pub reads_cases: bool,
    /// The child-welfare role: a link to the concern reports.
    pub child_welfare: bool,
    /// Contact-centre staff: the lookup page.
    pub contact_centre: bool,
    /// The office lead: the statistics.
    pub lead: bool,
}

/// One case in the office's inbox.
pub struct InboxRow {
    pub href: String,
    pub reference: String,
    /// The applicant's name; for a protected person without the role for it, never shown.
    pub name: String,
    pub received: String,
    /// How long the applicant has waited, in words ("3 dager").
    pub waited: String,
    pub emergency: bool,
    pub status: String,
    /// Who has the case, or "nobody yet" in words.
    pub assignee: String,
    /// What the office waits for, e.g. "Waiting for 2 documents, deadline 07.12.2026".
    pub waiting_for: Option<String>,
    /// A requested document is past its deadline.
    pub overdue: bool,
    /// Waiting long without a decision (forvaltningsloven § 11a).
    pub near_limit: bool,
    /// "Strictly confidential address (kode 6)" and alike, for a protected person.
    pub protected: Option<String>,
    /// How it came in, when not the person's own digital application ("Paper").
    pub channel: Option<String>,
}

/// A callback the contact centre promised, open on the office's inbox.
pub struct CallbackRow {
    pub case_href: String,
    pub reference: String,
    pub name: String,
    /// As people read it (`+47 912 34 567`), and as a `tel:` link.
    pub phone: String,
    pub phone_href: String,
    /// The person's window, in words.
    pub window: String,
    pub note: String,
    /// Who promised it and when.
    pub by: String,
    /// "Tried twice" and alike.
    pub attempts: Option<String>,
    /// The window has passed.
    pub late: bool,
    /// Where "contact made" / "no answer" posts.
    pub action: String,
}

/// A link that chooses a filter of the inbox.
pub struct FilterLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// `/ansatt/saker`: the office's inbox.
#[derive(Template)]
#[template(path = "staff/inbox.html")]
pub struct InboxPage {
    pub ctx: PageContext,
    pub office: String,
    pub filters: Vec<FilterLink>,
    /// The current filter (`?vis=`), kept by the search form.
    pub filter: &'static str,
    pub search: String,
    pub rows: Vec<InboxRow>,
    /// What the list shows, in words (filter and page).
    pub showing: String,
    pub previous_href: Option<String>,
    pub next_href: Option<String>,
    /// Open callbacks of the office (issue 17).
    pub callbacks: Vec<CallbackRow>,
    /// What was just done to a callback, in words.
    pub done: Option<String>,
}

/// A choice in an action form.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// What was typed into one of the case file's action forms, kept when it is refused.
#[derive(Default)]
pub struct ActionForm {
    /// The action posted (`notat`, `etterspor`, …).
    pub action: String,
    pub values: std::collections::HashMap<String, String>,
    /// The form field a refusal is about, and the message.
    pub error: Option<(String, String)>,
}

impl ActionForm {
    /// What was typed into `field` of `action`'s form, or "" on another form.
    pub fn v(&self, action: &str, field: &str) -> String {
        if self.action == action {
            self.values.get(field).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }

    /// The message for `field` of `action`'s form, if that is where the refusal is.
    pub fn error_at(&self, action: &str, field: &str) -> Option<String> {
        match &self.error {
            Some((f, m)) if self.action == action && (f == field || (field.is_empty() && f.is_empty())) => Some(m.clone()),
            _ => None,
        }
    }

    /// For the error summary at the top of the case file: the id of the control a refusal is about
    /// (as staff/case.html names them) and the message. `None` when nothing was refused, or the
    /// refusal is about the form as a whole (that message is shown at the top already).
    pub fn error_summary(&self) -> Option<(String, String)> {
        let (field, message) = self.error.as_ref()?;
        let id = match (self.action.as_str(), field.as_str()) {
            (_, "") => return None,
            // A group of checkboxes: its first one.
            ("etterspor", "dokumenter") => "f-dok-0".to_owned(),
            ("forelopig", "begrunnelse") => "f-forelopig-begrunnelse".to_owned(),
            (_, f) => format!("f-{f}"),
        };
        Some((id, message.clone()))
    }
}

/// `/ansatt/saker/{id}`: the case file, with what the caseworker can do.
#[derive(Template)]
#[template(path = "staff/case.html")]
pub struct CasePage {
    pub ctx: PageContext,
    pub reference: String,
    pub received: String,
    /// "Written in English" (the language the person applied in), or empty when not kept.
    pub applied_in: String,
    /// How it came in, who registered it and how the identity was checked (issue 17); empty for
    /// the person's own digital application.
    pub channel: Vec<String>,
    /// The contact centre's callbacks on this case, in words.
    pub callbacks: Vec<String>,
    pub waited: String,
    pub emergency: bool,
    pub status: String,
    pub protected: Option<String>,
    /// Who has the case, in words.
    pub assignee: String,
    pub assigned_to_me: bool,
    /// Who applied, as the register knows them (never a protected address).
    pub applicant: Vec<SummaryItem>,
    /// The answers, one (heading, rows) per step.
    pub answers: Vec<(String, Vec<SummaryItem>)>,
    pub documents: Vec<DocLink>,
    /// What the applicant said about each expected document when sending: attached, the office
    /// already has it, or coming later (from the application's vedlegg.json).
    pub told: Vec<super::Line>,
    pub merged_href: String,
    pub letters: Vec<DocLink>,
    /// Requested documents: answered or still to come, with the deadline.
    pub requests: Vec<DocLink>,
    pub timeline: Vec<Line>,
    /// Internal notes and assignments, newest first. Never shown to the citizen.
    pub journal: Vec<Line>,
    pub pdf_href: String,
    /// The calculation, decisions and payments (`/ansatt/saker/{id}/vedtak`).
    pub decide_href: String,
    /// Where the calculation and the decisions stand, in words, one line each.
    pub decide_summary: Vec<String>,
    /// Where the action forms post (`/ansatt/saker/{id}/handling`).
    pub action_href: String,
    /// The case version the page was drawn from; every form carries it.
    pub version: i64,
    /// The municipality's case system owns the case: actions that write events are not offered.
    pub case_system_owns: bool,
    /// Still open (actions that write events are offered).
    pub open: bool,
    /// Received and not started (offer "take into processing").
    pub can_take: bool,
    pub me: String,
    pub colleagues: Vec<Choice>,
    pub document_types: Vec<Choice>,
    pub languages: Vec<Choice>,
    /// `2026-12-07`: the default deadline and the earliest date allowed.
    pub default_deadline: String,
    pub today: String,
    pub form: ActionForm,
    /// A confirmation of what was just done.
    pub done: Option<String>,
    /// Someone else changed the case while this page was open.
    pub conflict: bool,
}

pub struct StaffDemoPerson {
    pub key: &'static str,
    pub name: &'static str,
    pub office: String,
    pub roles: String,
}

/// The demo sign-in for staff (only with `--demo`).
#[derive(Template)]
#[template(path = "staff/demo.html")]
pub struct StaffDemoPage {
    pub ctx: PageContext,
    pub people: Vec<StaffDemoPerson>,
    /// The staff page to go to after signing in (a parsed `ReturnPath`).
    pub next: String,
}

/// A short message to staff (signed out, no access, not configured).
#[derive(Template)]
#[template(path = "staff/message.html")]
pub struct StaffMessagePage {
    pub ctx: PageContext,
    pub title_key: &'static str,
    pub text_key: &'static str,
    pub sign_in_href: Option<&'static str>,
}

/// One form control of the decision page, drawn by `staff/field.html`.
#[derive(Debug, Clone, Default)]
pub struct Field {
    /// The form's name for it.
    pub name: String,
    /// The element id (`f-…`); the error summary links to it.
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    /// As typed, or as stored.
    pub value: String,
    pub error: Option<String>,
    /// `text`, `date`, `amount` (text with a numeric keyboard) or `textarea`.
    pub kind: &'static str,
    /// For a select: the choices (then `kind` is `select`).
    pub options: Vec<Choice>,
}

/// Rows of a form that repeat (an expense, a payment): a legend and its fields.
#[derive(Debug, Clone, Default)]
pub struct FieldGroup {
    pub legend: String,
    pub fields: Vec<Field>,
}

/// A stored calculation as the caseworker reads it.
pub struct CalculationView {
    /// (section, line in the caseworker's words, amount); income lines with a minus.
    pub lines: Vec<(String, String, String)>,
    pub need: String,
    pub income: String,
    pub proposed: String,
    /// The caseworker's own amount and why.
    pub overridden: Option<(String, String)>,
    pub warnings: Vec<String>,
    /// Who saved it and when; which rates.
    pub by: String,
    pub rates: String,
}

/// A decision as the page lists it.
pub struct DecisionView {
    pub id: String,
    pub heading: String,
    pub stage: String,
    pub author: String,
    /// Facts: (label, value).
    pub facts: Vec<(String, String)>,
    pub payments: Vec<String>,
    pub conditions: Vec<String>,
    pub requirements: Vec<String>,
    /// The beslutter's comment, when it was returned.
    pub returned: Option<String>,
    /// The one looking may approve or return it.
    pub can_approve: bool,
    /// The beslutter's comment field (for returning it).
    pub comment: Field,
    /// The one looking wrote it and may change it.
    pub can_edit: bool,
    pub letter_href: Option<String>,
}

/// The decision form: a new decision, or one being changed.
pub struct DecisionFormView {
    pub decision_id: String,
    pub heading: String,
    /// The beslutter's comment on a returned decision.
    pub returned: Option<String>,
    pub sak: Field,
    pub sak_tittel: Field,
    pub utfall: Field,
    pub begrunnelse: Field,
    pub hjemler: Vec<Choice>,
    pub hjemler_error: Option<String>,
    pub vilkar: Vec<FieldGroup>,
    pub vilkar_error: Option<String>,
    pub krav: Vec<FieldGroup>,
    pub krav_error: Option<String>,
    pub utbetalinger: Vec<FieldGroup>,
    pub utbetalinger_error: Option<String>,
    /// "Send for approval", or "Make the decision" where the office needs no beslutter.
    pub submit_label: String,
    /// The language the letter is written in.
    pub sprak: Field,
}

/// A payment as the page lists it.
pub struct PaymentView {
    pub id: String,
    pub text: String,
    pub state: String,
    pub planned: bool,
}

/// `/ansatt/saker/{id}/vedtak`: the calculation, the decisions with four-eyes, and the payments.
#[derive(Template)]
#[template(path = "staff/decide.html")]
pub struct DecidePage {
    pub ctx: PageContext,
    pub reference: String,
    pub case_href: String,
    pub action_href: String,
    pub version: i64,
    pub status: String,
    pub done: Option<String>,
    pub conflict: bool,
    /// A refusal about the form as a whole.
    pub general_error: Option<String>,
    /// (control id, message) for the error summary.
    pub errors: Vec<(String, String)>,
    /// Why no decision can be made now (not under processing, closed, a case system's), if so.
    pub not_decidable: Option<String>,
    pub calculation: Option<CalculationView>,
    pub calc_fields: Vec<Field>,
    pub calc_expenses: Vec<FieldGroup>,
    pub calc_expenses_error: Option<String>,
    pub calc_income: Vec<FieldGroup>,
    pub calc_income_error: Option<String>,
    pub calc_override: Vec<Field>,
    pub decisions: Vec<DecisionView>,
    pub edit: Option<DecisionFormView>,
    pub payments: Vec<PaymentView>,
    /// Planning one more payment: which decision, and the payment's fields.
    pub plan: Option<(Field, FieldGroup, bool)>,
    pub today: String,
}

/// One conversation in the office's list of messages waiting for an answer.
pub struct WaitingRow {
    pub href: String,
    pub reference: String,
    pub name: String,
    /// "Since 30.11.2026 14:05 (1 working day)".
    pub since: String,
    /// "Answer by 02.12.2026", or "Overdue since 02.12.2026".
    pub answer_by: String,
    pub overdue: bool,
    pub emergency: bool,
    /// "Given to Ali Rahimi" when routed to a colleague; empty while it is the office's.
    pub routed: String,
    /// Routed to the staff member looking.
    pub routed_to_me: bool,
}

/// `/ansatt/meldinger`: the office's conversations that wait for an answer.
#[derive(Template)]
#[template(path = "staff/messages.html")]
pub struct MessagesPage {
    pub ctx: PageContext,
    pub office: String,
    pub rows: Vec<WaitingRow>,
}

/// `/ansatt/saker/{id}/meldinger`: one case's conversation, with the answer form.
#[derive(Template)]
#[template(path = "staff/conversation.html")]
pub struct ConversationPage {
    pub ctx: PageContext,
    pub reference: String,
    pub name: String,
    pub case_href: String,
    pub action: String,
    pub messages: Vec<super::MessageLine>,
    /// "Waiting since … – answer by …" while the office owes an answer.
    pub waiting: String,
    pub overdue: bool,
    /// The answer as typed (after a refusal), its one-time key and why it was refused.
    pub body: String,
    pub token: String,
    pub error: Option<String>,
    /// Why the files chosen were refused (next to the file input).
    pub file_error: Option<String>,
    /// Most files one message takes.
    pub max_files: usize,
    /// The answer was just sent.
    pub sent: bool,
    /// The office's reply templates to pick from (value: id), and where the picking form goes.
    pub templates: Vec<Choice>,
    /// "Given to Ali Rahimi", or that it is the whole office's.
    pub routed: String,
    /// Colleagues to route it to (the one it has now checked), and where the form posts.
    pub colleagues: Vec<Choice>,
    pub route_action: String,
    /// A notice after routing or picking a template, and a refused routing's reason.
    pub notice: Option<String>,
    pub route_error: Option<String>,
}

/// `/ansatt/svarmaler`: the office's reply templates, with a form to add one or change one.
#[derive(Template)]
#[template(path = "staff/templates.html")]
pub struct TemplatesPage {
    pub ctx: PageContext,
    pub office: String,
    /// (id, title, text, "Changed 01.12.2026 by Sara Lund", edit link).
    pub templates: Vec<TemplateLine>,
    /// The form: the template being changed (empty for a new one), as typed.
    pub id: String,
    pub title: String,
    pub body: String,
    pub errors: Vec<(&'static str, String)>,
    pub saved: bool,
}

impl TemplatesPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }
}

/// One reply template as the templates page lists it.
pub struct TemplateLine {
    pub title: String,
    pub body: String,
    pub changed: String,
    pub edit_href: String,
}

/// One meeting as the office's meeting page lists it.
pub struct MeetingLine {
    pub id: String,
    pub version: i64,
    /// "Wednesday 02.12.2026 09:30–10:15".
    pub when: String,
    /// "In person, Sørkedalsveien 6 (room Fjorden)".
    pub how: String,
    pub caseworker: String,
    pub cancelled: bool,
    /// The person asked to move it: when, and their words.
    pub move_asked: Option<String>,
}

/// `/ansatt/saker/{id}/moter`: the case's meetings and the booking form.
#[derive(Template)]
#[template(path = "staff/meetings.html")]
pub struct MeetingsPage {
    pub ctx: PageContext,
    pub reference: String,
    pub name: String,
    pub case_href: String,
    pub action: String,
    pub meetings: Vec<MeetingLine>,
    pub kinds: Vec<Choice>,
    /// The booking form as typed (after a refusal) or empty.
    pub form: velferd_domain::meetings::MeetingForm,
    /// (field, message) for each refusal of the booking form.
    pub errors: Vec<(String, String)>,
    /// `2026-12-01`: the earliest date allowed.
    pub today: String,
    pub done: Option<String>,
    pub conflict: bool,
}

impl MeetingsPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}

/// A letter on the office's print-and-post list.
pub struct PrintRow {
    pub reference: String,
    pub case_href: String,
    pub title: String,
    /// "Sent 24.11.2026, not opened".
    pub sent: String,
    pub name: String,
    /// The address lines joined, or empty for a protected address.
    pub address: String,
    /// Hand over in person; no address page.
    pub protected: bool,
    pub pdf_href: String,
    pub action: String,
}

/// `/ansatt/utskrift`: letters not opened online in time, to print and post.
#[derive(Template)]
#[template(path = "staff/printing.html")]
pub struct PrintingPage {
    pub ctx: PageContext,
    pub office: String,
    pub days: u32,
    pub rows: Vec<PrintRow>,
    pub done: bool,
}

/// One appeal on the office's appeal page of a case.
pub struct AppealView {
    pub id: String,
    pub version: i64,
    /// "Klage mottatt 30.11.2026".
    pub title: String,
    pub timing: String,
    pub text: String,
    pub late_reason: Option<String>,
    pub events: Vec<Line>,
    /// Still open: the office's steps are offered.
    pub open: bool,
    /// Received and not yet taken into processing.
    pub received: bool,
}

/// `/ansatt/saker/{id}/klager`: the case's appeals and what the office does with them.
#[derive(Template)]
#[template(path = "staff/appeals.html")]
pub struct AppealsPage {
    pub ctx: PageContext,
    pub reference: String,
    pub case_href: String,
    pub decide_href: String,
    pub action: String,
    pub appeals: Vec<AppealView>,
    pub done: Option<String>,
    pub conflict: bool,
    /// A refusal: (appeal id, field, message); the assessment typed is kept.
    pub error: Option<(String, String, String)>,
    pub assessment: String,
}

/// One open appeal in the office's list.
pub struct OpenAppealRow {
    pub href: String,
    pub reference: String,
    pub received: String,
    pub timing: String,
    pub status: String,
}

/// `/ansatt/klager`: the office's open appeals.
#[derive(Template)]
#[template(path = "staff/appeals_list.html")]
pub struct OpenAppealsPage {
    pub ctx: PageContext,
    pub office: String,
    pub rows: Vec<OpenAppealRow>,
}
