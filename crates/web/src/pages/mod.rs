//! Page templates (askama) and what every page shares. Text comes from Fluent through
//! [`PageContext::t`]; templates hold structure only.

use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Lang;
use crate::steps::{Control, FieldGroup, StepNav};

pub mod assisted;
pub mod barnevern;
pub mod staff;

/// What the layout needs on every page.
pub struct PageContext {
    pub lang: Lang,
    /// Path of this page, for the language switch links.
    pub path: String,
    /// The anti-forgery token for forms; pages without forms may have none.
    pub csrf: Option<String>,
    pub signed_in: bool,
    pub demo: bool,
    /// The id of the page's form whose typed values the language switch saves before switching
    /// (then the switch is a set of submit buttons of that form, not links).
    pub lang_form: Option<&'static str>,
}

pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl PageContext {
    pub fn new(lang: Lang, path: &str, csrf: Option<String>) -> Self {
        Self { lang, path: path.to_owned(), csrf, signed_in: false, demo: false, lang_form: None }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.lang.t_args(key, &[(name, value.to_string())])
    }

    pub fn t2(&self, key: &str, n1: &'static str, v1: impl ToString, n2: &'static str, v2: impl ToString) -> String {
        self.lang.t_args(key, &[(n1, v1.to_string()), (n2, v2.to_string())])
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn csrf(&self) -> &str {
        self.csrf.as_deref().unwrap_or_default()
    }

    pub fn languages(&self) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .map(|l| {
                let separator = if self.path.contains('?') { '&' } else { '?' };
                LangLink { code: l.code(), name: l.own_name(), href: format!("{}{separator}lang={}", self.path, l.code()), current: l == self.lang }
            })
            .collect()
    }
}

/// Renders a template as an HTML response; a template error becomes the internal-error page.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response(),
        Err(e) => crate::error::AppError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub ctx: PageContext,
    pub message_key: &'static str,
    /// On a staff page: help and a way back for staff, not for an applicant.
    pub staff: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: PageContext,
}

pub struct DemoPerson {
    pub fnr: String,
    pub name: String,
    pub born: String,
    pub kommune: String,
}

#[derive(Template)]
#[template(path = "signin.html")]
pub struct SignInPage {
    pub ctx: PageContext,
    pub people: Vec<DemoPerson>,
    pub next: String,
    /// Where the "sign in with ID-porten" button goes, when OpenID Connect is configured.
    pub provider_start: Option<String>,
    /// The provider sign-in requires a high level of assurance (fewer ways to sign in).
    pub high: bool,
}

/// A sign-in that did not happen: what happened, what to do, and a way to try again.
#[derive(Template)]
#[template(path = "signin_failed.html")]
pub struct SignInFailedPage {
    pub ctx: PageContext,
    pub title_key: &'static str,
    pub text_key: &'static str,
    pub help_key: Option<&'static str>,
    pub retry_href: String,
    pub home_href: &'static str,
}

pub struct KommuneOption {
    pub nummer: String,
    pub navn: String,
    pub selected: bool,
}

/// An unfinished application the citizen can resume.
pub struct DraftInfo {
    pub id: String,
    pub kommune: String,
    pub first_step: String,
    pub saved: String,
    pub deleted: String,
}

#[derive(Template)]
#[template(path = "start.html")]
pub struct StartPage {
    pub ctx: PageContext,
    pub draft: Option<DraftInfo>,
    pub kommuner: Vec<KommuneOption>,
    pub error: Option<String>,
    pub name: String,
}

/// An office's contact details, shown wherever a citizen must phone or visit.
pub struct OfficeInfo {
    pub kommune: String,
    pub navn: String,
    pub telefon: String,
    pub telefon_href: String,
    pub adresse: String,
}

#[derive(Template)]
#[template(path = "kommune_closed.html")]
pub struct KommuneClosedPage {
    pub ctx: PageContext,
    pub office: OfficeInfo,
    pub paused: bool,
}

#[derive(Template)]
#[template(path = "step.html")]
pub struct StepPage {
    pub ctx: PageContext,
    pub nav: StepNav,
    pub groups: Vec<FieldGroup>,
    pub errors: Vec<(String, String)>,
    pub emergency: Option<OfficeInfo>,
    pub intro: Option<String>,
    pub expires: String,
    /// What the population register says about the citizen (shown on "About you"), as label/value.
    pub register: Vec<(String, String)>,
    /// Said above the form, e.g. that answers posted after a timeout were saved after sign-in.
    pub notice: Option<String>,
}

pub struct SummaryItem {
    pub label: String,
    pub value: String,
}

pub struct SummaryBlock {
    pub heading: String,
    pub edit_href: String,
    pub edit_label: String,
    pub items: Vec<SummaryItem>,
}

#[derive(Template)]
#[template(path = "summary.html")]
pub struct SummaryPage {
    pub ctx: PageContext,
    pub nav: StepNav,
    pub blocks: Vec<SummaryBlock>,
    /// (what the document is, what the citizen did about it).
    pub documents: Vec<(String, String)>,
    pub documents_href: String,
    /// Problems that stop sending, each with a link to the step that has it.
    pub problems: Vec<(String, String)>,
    pub confirm_error: Option<String>,
    pub confirmed: bool,
    pub office: OfficeInfo,
    pub emergency: bool,
}

#[derive(Template)]
#[template(path = "receipt.html")]
pub struct ReceiptPage {
    pub ctx: PageContext,
    pub reference: String,
    pub sent: String,
    pub office: OfficeInfo,
    pub emergency: bool,
    pub days: u32,
    /// Documents still to send: the only ones under "documents you must send".
    pub to_send: Vec<crate::pdf::DocumentLine>,
    /// Documents attached, or that the office already has, each with which.
    pub done: Vec<crate::pdf::DocumentLine>,
    pub pdf_href: String,
}

pub struct CaseListItem {
    pub href: String,
    pub title: String,
    pub status: String,
    pub office: String,
    pub tasks: usize,
    pub tasks_text: String,
}

#[derive(Template)]
#[template(path = "cases.html")]
pub struct CasesPage {
    pub ctx: PageContext,
    /// Applications begun and not sent yet, each to continue, with when it is deleted.
    pub drafts: Vec<DraftInfo>,
    pub items: Vec<CaseListItem>,
    /// Applications the person helps someone else with.
    pub helping: Vec<CaseListItem>,
}

/// One line of a list: the thing, and a detail such as its date.
pub struct Line {
    pub text: String,
    pub detail: String,
}

/// A calculation on the citizen's page: heading, (line, amount) and what was decided per month.
pub type CitizenCalculation = (String, Vec<(String, String)>, String);

#[derive(Template)]
#[template(path = "case.html")]
pub struct CasePage {
    pub ctx: PageContext,
    pub reference: String,
    pub sent: String,
    /// 0 received, 1 being processed, 2 decided.
    pub stage: usize,
    pub status: String,
    pub explanation: String,
    pub preliminary: bool,
    /// Requested documents, each linking to the upload for that request.
    pub tasks: Vec<DocLink>,
    /// Requested documents the citizen has sent, with when.
    pub answered: Vec<DocLink>,
    /// Decisions, linking to the letter when there is one to open here.
    pub decisions: Vec<DocLink>,
    /// Letters from the office, with whether and when the citizen opened them.
    pub letters: Vec<DocLink>,
    pub payments: Vec<Line>,
    pub conditions: Vec<Line>,
    pub timeline: Vec<Line>,
    /// Who has read or changed this application (from the audit log).
    pub looked: Vec<Line>,
    /// Documents sent after the application, newest sending last.
    pub documents: Vec<DocLink>,
    /// What the citizen told the office about each expected document when sending (attached, the
    /// office already has it, comes later).
    pub told: Vec<Line>,
    /// The readability warnings the citizen was shown for pages they sent.
    pub told_warnings: Vec<String>,
    pub upload_href: String,
    pub office: OfficeInfo,
    /// An emergency application not yet decided: call the office now, with its number.
    pub emergency: bool,
    pub emergency_text: String,
    pub pdf_href: String,
    /// The person's own archive copy of the whole case (`/mine-soknader/{id}/arkiv.pdf`).
    pub archive_href: String,
    /// The citizen's own view; false for a helper with a power of attorney.
    pub owner_view: bool,
    /// For a helper: whose application this is.
    pub acting_for: String,
    /// Powers of attorney the citizen has given on this application.
    pub helpers: Vec<HelperLine>,
    pub grant_action: String,
    pub helper_form: HelperForm,
    pub helper_errors: bool,
    /// (months, label) for the period of a power of attorney.
    pub periods: Vec<(String, String)>,
    /// The calculations behind the office's decisions, in plain words (the owner's page only):
    /// heading, (line, amount) and what was decided per month.
    pub calculations: Vec<CitizenCalculation>,
    /// The conversation with the office.
    pub dialogue: DialogueView,
    /// Meetings with the office (the owner's page only), soonest first.
    pub meetings: Vec<CitizenMeeting>,
    /// Appeals against decisions (the owner's page only).
    pub appeals: AppealsView,
    /// A helper's page: (what it asks, where to post) when the helper may record that they filled
    /// in the application together with the person; empty otherwise.
    pub assist: Option<(String, String)>,
    /// A helper's page: that the application records their help (empty when it does not).
    pub assisted_note: String,
}

/// One message in a conversation, as either side reads it.
pub struct MessageLine {
    /// "Sara Lund, NAV Frogner" for the office; "You" / the person's name for the person.
    pub who: String,
    pub when: String,
    pub body: String,
    pub from_office: bool,
    /// The person marked it as an emergency.
    pub emergency: bool,
    /// The files sent with it, as one PDF.
    pub attachment: Option<DocLink>,
}

/// The conversation section of the citizen's case page (`dialogue.html`).
#[derive(Default)]
pub struct DialogueView {
    /// Where the form posts; empty when the viewer cannot write here (a helper).
    pub action: String,
    /// Oldest first.
    pub messages: Vec<MessageLine>,
    /// "You will normally get an answer by …" while the office owes one.
    pub promise: String,
    /// The message was just sent.
    pub sent: bool,
    /// After an emergency message: call the office now, with its number.
    pub call_now: String,
    /// The case still takes messages; otherwise why not and what to do instead.
    pub open: bool,
    pub closed_text: String,
    /// The form as posted (after a refusal), and its one-time key.
    pub body: String,
    pub emergency: bool,
    pub token: String,
    pub error: Option<String>,
    /// Why the files chosen were refused (next to the file input).
    pub file_error: Option<String>,
    /// Most files one message takes.
    pub max_files: usize,
}

impl CasePage {
    /// The text for `key`; on a helper's page its `helper-` variant, which speaks of the person
    /// helped by name ("Kari Nordmann's application", not "your application").
    pub fn say(&self, key: &str) -> String {
        helper_say(self.ctx.lang, key, (!self.owner_view).then_some(self.acting_for.as_str()), &[])
    }
}

/// `key` with `args`, or for someone helping `helped` (a power of attorney) the `helper-KEY`
/// variant with the person's `name` besides.
pub fn helper_say(lang: Lang, key: &str, helped: Option<&str>, args: &[(&'static str, String)]) -> String {
    match helped {
        None => lang.t_args(key, args),
        Some(name) => {
            let mut with_name = args.to_vec();
            with_name.push(("name", name.to_owned()));
            lang.t_args(&format!("helper-{key}"), &with_name)
        }
    }
}

/// A power of attorney as its giver sees it.
pub struct HelperLine {
    pub name: String,
    pub detail: String,
    /// Where to post to revoke it; empty when it is no longer in force.
    pub revoke_action: String,
}

/// The "let someone help you" form as last posted, with messages at its fields.
#[derive(Debug, Clone, Default)]
pub struct HelperForm {
    pub fnr: String,
    pub navn: String,
    pub maneder: String,
    pub dokumenter: bool,
    /// The power is to cover the conversation with the office.
    pub meldinger: bool,
    /// (field, message)
    pub errors: Vec<(String, String)>,
}

impl HelperForm {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }
}

pub struct UploadField {
    pub name: String,
    /// The document's place on the page (`dok-N`), for links from messages.
    pub anchor: String,
    pub label: String,
    pub error: Option<String>,
    /// Files chosen for this document and kept (with previews) until sending.
    pub files: Vec<AttachFile>,
}

/// Sending documents to an application already sent, by its owner or a helper.
#[derive(Template)]
#[template(path = "upload.html")]
pub struct UploadPage {
    pub ctx: PageContext,
    pub title: String,
    /// What this is for; for a helper it names the person helped.
    pub intro: String,
    pub action: String,
    pub back: String,
    pub back_label: String,
    pub fields: Vec<UploadField>,
    /// Set when the page answers one request only (`?krav=N`): the form keeps it, and a link leads
    /// to the page for all documents.
    pub only: Option<usize>,
    pub max_file_mb: usize,
    pub error: Option<String>,
    pub has_errors: bool,
    /// How many files are kept, ready to send, and that in words.
    pub kept: usize,
    pub kept_text: String,
}

/// What a helper sent, about the person they help.
#[derive(Template)]
#[template(path = "helper_sent.html")]
pub struct HelperSentPage {
    pub ctx: PageContext,
    pub name: String,
    pub text: String,
    pub documents: Vec<String>,
    pub back: String,
}

/// A document the citizen sent, to open.
pub struct DocLink {
    pub label: String,
    pub href: String,
    pub detail: String,
}

/// The documents page of a draft: one place per expected document.
#[derive(Template)]
#[template(path = "attach.html")]
pub struct AttachPage {
    pub ctx: PageContext,
    /// The citizen said they need help today: call the office now (with its number).
    pub emergency: bool,
    pub office: OfficeInfo,
    pub summary_href: String,
    pub max_file_mb: usize,
    pub slots: Vec<AttachSlot>,
    pub has_errors: bool,
    /// (anchor, message) for the error summary at the top.
    pub error_list: Vec<(String, String)>,
}

pub struct AttachSlot {
    pub anchor: String,
    pub label: String,
    /// Why the office needs it, in plain words.
    pub why: String,
    pub upload_action: String,
    pub choice_action: String,
    /// "", "tidligere" or "senere".
    pub choice: String,
    pub is_other: bool,
    pub errors: Vec<String>,
    pub files: Vec<AttachFile>,
}

pub struct AttachFile {
    pub number: usize,
    pub name: String,
    pub thumb_href: Option<String>,
    pub alt: String,
    /// For a PDF: how many pages it has.
    pub pages: String,
    pub warnings: Vec<String>,
    pub action: String,
    pub first: bool,
    pub last: bool,
    /// A picture, or a PDF: every page of it is turned.
    pub can_turn: bool,
    /// A PDF of two or more pages, which can be split into one file per page.
    pub can_split: bool,
}

/// One kind of notice on the notification page: its box, or (for the law's kinds) a line.
pub struct NoticeChoice {
    pub code: &'static str,
    pub label: String,
    pub on: bool,
}

/// `/varsler`: how the person wants to be told that something happened on their case.
#[derive(Template)]
#[template(path = "notices.html")]
pub struct NoticesPage {
    pub ctx: PageContext,
    pub email: String,
    pub phone: String,
    pub email_on: bool,
    pub sms_on: bool,
    /// Kinds the person may turn off.
    pub kinds: Vec<NoticeChoice>,
    /// Kinds always sent (the law requires them), in words.
    pub always: Vec<String>,
    /// (field, message) for each refusal.
    pub errors: Vec<(String, String)>,
    pub saved: bool,
    /// No choice stored yet: what applies now, in words.
    pub default_text: String,
}

impl NoticesPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}

/// A meeting on the citizen's case page.
pub struct CitizenMeeting {
    /// "onsdag 02.12.2026 09.30–10.15".
    pub when: String,
    /// "Oppmøte, Sørkedalsveien 6".
    pub how: String,
    /// The caseworker's name.
    pub with: String,
    pub ics_href: String,
    /// Where to post a request to move it; empty for a cancelled or past meeting.
    pub move_action: String,
    pub cancelled: bool,
    /// The person has asked to move it (and waits for the office).
    pub move_asked: bool,
}

/// One appeal on the citizen's case page, with what has happened to it.
pub struct CitizenAppeal {
    /// "Klage sendt 30.11.2026".
    pub title: String,
    /// In time, or late and by how much.
    pub timing: String,
    /// (date, what happened), oldest first.
    pub events: Vec<Line>,
}

/// The appeal section of the citizen's case page.
#[derive(Default)]
pub struct AppealsView {
    /// "You can appeal by 21.12.2026" and the link, while a decision can be appealed.
    pub invite: String,
    pub href: String,
    pub appeals: Vec<CitizenAppeal>,
    /// An appeal was just received; `late_ask` when it came late without a reason.
    pub received: bool,
    pub late_ask: bool,
}

/// A decision the person may appeal, on the appeal form.
pub struct AppealChoice {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

/// `/mine-soknader/{id}/klage`: the appeal form.
#[derive(Template)]
#[template(path = "appeal.html")]
pub struct AppealPage {
    pub ctx: PageContext,
    pub back: String,
    pub action: String,
    pub reference: String,
    pub decisions: Vec<AppealChoice>,
    /// The deadline in words, and whether it has passed (then the reason for the delay is asked).
    pub deadline_text: String,
    pub late: bool,
    pub text: String,
    pub late_reason: String,
    pub token: String,
    pub errors: Vec<(String, String)>,
}

impl AppealPage {
    pub fn error(&self, field: &str) -> Option<&String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }
}
