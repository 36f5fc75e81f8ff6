//! `/ansatt/kontaktsenter`: the contact centre (`velferd_cases::contact`). A lookup is a POST (a
//! fødselsnummer never goes into a URL or a log line) with a reason from a short list; the answer
//! shows each case in plain words with a call-note form and a callback form under it. The
//! office's open callbacks are on its inbox (`/ansatt/saker`), closed at
//! `POST /ansatt/tilbakeringinger/{id}`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::contact::{CallbackForm, ContactCase};
use velferd_domain::application::FieldError;
use velferd_domain::assisted::{Channel, CONTACT_REASONS};
use velferd_domain::innsyn::UtbetalingStatus;
use velferd_formats::soker::SoknadsStatusVerdi;

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::assisted::{field, text, ContactCaseView, ContactFormPage, ContactPage};
use crate::pages::render;
use crate::routes::context;
use crate::session::{self, Staff};
use crate::steps::{Choice, Control, Field};
use crate::{fmt, now_ms, AppState};

const BASE: &str = "/ansatt/kontaktsenter";

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

fn lookup_fields(lang: Lang, fnr: &str, reason: &str) -> Vec<Field> {
    let reasons = CONTACT_REASONS.iter().map(|r| Choice { value: (*r).to_owned(), label: lang.t(&format!("contact-reason-{r}")), checked: reason == *r }).collect();
    vec![text("fnr", lang.t("assisted-fnr"), fnr, "numeric", "medium"), field("grunn", lang.t("contact-reason"), reason, Control::Radio(reasons))]
}

fn callback_fields(lang: Lang, f: &CallbackForm) -> Vec<Field> {
    let mut date = text("dato", lang.t("callback-date"), &f.date, "numeric", "medium");
    date.hint = Some(lang.t("date-hint"));
    let mut from = text("fra", lang.t("callback-from"), &f.from, "numeric", "small");
    from.hint = Some(lang.t("callback-time-hint"));
    let to = text("til", lang.t("callback-to"), &f.to, "numeric", "small");
    vec![text("telefon", lang.t("callback-phone"), &f.phone, "tel", "medium"), date, from, to, field("hva", lang.t("callback-what"), &f.note, Control::Textarea)]
}

fn note_field(lang: Lang, value: &str) -> Field {
    field("notat", lang.t("contact-note"), value, Control::Textarea)
}

fn errors_at(lang: Lang, fields: &mut [Field], errors: &[FieldError]) -> Vec<(String, String)> {
    for f in fields.iter_mut() {
        f.error = errors.iter().find(|e| e.field == f.name).map(|e| lang.t_args(e.key, &e.args));
    }
    fields.iter().filter_map(|f| f.error.as_ref().map(|e| (f.anchor(), format!("{}: {e}", f.label)))).collect()
}

/// `GET /ansatt/kontaktsenter`.
pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(done): Query<Done>) -> Result<Response, AppError> {
    if !staff.roles.contains(&velferd_domain::staff::Role::Kontaktsenter) {
        return Err(AppError::Forbidden);
    }
    let done = done.gjort.as_deref().and_then(|d| match d {
        "notat" => Some(lang.t("contact-note-done")),
        "tilbakeringing" => Some(lang.t("callback-done")),
        _ => None,
    });
    let page = ContactPage {
        ctx: context(&app, lang, BASE, &session).await?,
        fields: lookup_fields(lang, "", ""),
        errors: vec![],
        done,
        found: None,
        protected: false,
        without_eid: None,
        cases: vec![],
        note_field: note_field(lang, ""),
        callback_fields: callback_fields(lang, &CallbackForm::default()),
    };
    Ok(render(&page))
}

/// The office's words for a channel.
pub fn channel_text(lang: Lang, c: Channel) -> String {
    lang.t(&format!("channel-{}", c.slug()))
}

fn case_view(app: &AppState, lang: Lang, c: &ContactCase) -> ContactCaseView {
    let innsyn = &c.insight.view.innsyn;
    let status = match innsyn.status {
        Some(SoknadsStatusVerdi::Mottatt) | None => "contact-status-received",
        Some(SoknadsStatusVerdi::UnderBehandling) => "contact-status-processing",
        Some(SoknadsStatusVerdi::Ferdigbehandlet) => "contact-status-decided",
        Some(SoknadsStatusVerdi::BehandlesIkke) => "contact-status-not-processed",
    };
    let waiting_for = c
        .insight
        .open_requests()
        .map(|(_, r)| {
            let what = crate::routes::document_label(lang, &r.oppgave.dokumenttype, r.oppgave.tilleggsinformasjon.as_deref().unwrap_or_default());
            let by = velferd_domain::dates::oslo_date(&r.oppgave.innsendelsesfrist).map(|d| velferd_domain::dates::norwegian_date(&d)).unwrap_or_default();
            lang.t_args("contact-waiting-line", &[("document", what), ("date", by)])
        })
        .collect();
    let decided = innsyn
        .saker
        .iter()
        .flat_map(|s| s.vedtak.iter().map(move |v| (s, v)))
        .map(|(s, v)| {
            let outcome = v.utfall.map(|u| lang.t(&format!("contact-outcome-{}", format!("{u:?}").to_lowercase()))).unwrap_or_default();
            lang.t_args("contact-decided-line", &[("title", s.tittel.clone()), ("outcome", outcome), ("date", velferd_domain::dates::norwegian_date(&v.dato))])
        })
        .collect();
    let payments = innsyn
        .utbetalinger
        .iter()
        .map(|u| {
            let (key, date) = match u.status {
                UtbetalingStatus::Utbetalt => ("contact-paid", u.utbetalingsdato.clone()),
                UtbetalingStatus::Stoppet => ("contact-stopped", u.forfallsdato.clone()),
                UtbetalingStatus::PlanlagtUtbetaling => ("contact-planned", u.forfallsdato.clone()),
            };
            let amount = velferd_domain::ids::Belop::from_ore((u.belop * 100.0).round() as i64).to_string();
            lang.t_args(key, &[("amount", amount), ("date", date.as_deref().map(velferd_domain::dates::norwegian_date).unwrap_or_default())])
        })
        .collect();
    let kommune = app.kommuner.get(&c.application.kommunenummer);
    let callbacks = c
        .callbacks
        .iter()
        .map(|cb| {
            let key = if cb.done_ms.is_some() { "contact-callback-done-line" } else { "contact-callback-open-line" };
            lang.t_args(key, &[("from", fmt::date_time(cb.window_start_ms)), ("to", clock(cb.window_end_ms))])
        })
        .collect();
    ContactCaseView {
        id: c.application.id.clone(),
        reference: c.application.reference.clone(),
        received: fmt::date(c.application.sent_ms),
        channel: channel_text(lang, c.channel),
        status: lang.t(status),
        waiting_for,
        decided,
        payments,
        office: kommune.map(|k| k.kontor.navn.clone()).unwrap_or_default(),
        office_phone: kommune.map(|k| k.kontor.telefon.clone()).unwrap_or_default(),
        next_meeting: c
            .next_meeting
            .as_ref()
            .map(|m| lang.t_args("contact-meeting-line", &[("when", fmt::date_time(m.start_ms)), ("kind", lang.t(&format!("meeting-kind-{}", m.kind)))])),
        callbacks,
        note_action: format!("{BASE}/{}/notat", c.application.id),
        callback_action: format!("{BASE}/{}/ring-tilbake", c.application.id),
    }
}

/// A stored number (`+4799887766`) as people read it (`+47 998 87 766`).
fn shown_phone(stored: &str) -> String {
    velferd_domain::ids::Telefonnummer::parse(stored).map_or_else(|_| stored.to_owned(), |t| t.formatted())
}

/// `HH:MM` in Norway.
fn clock(ms: i64) -> String {
    let t = fmt::oslo(ms);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `POST /ansatt/kontaktsenter`: the lookup.
pub async fn lookup(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let (fnr, reason) = (form.get("fnr").unwrap_or_default(), form.get("grunn").unwrap_or_default());
    let mut fields = lookup_fields(lang, fnr, reason);
    let (errors, found, protected, cases, without_eid) = match app.cases.contact_lookup(&staff, fnr, reason, now_ms()).await? {
        Ok(view) => {
            let without_eid = view.without_eid.as_ref().map(|w| {
                let mut words = vec![lang.t("contact-without-eid")];
                if let Some(phone) = &w.phone {
                    words.push(lang.t_args("contact-without-eid-phone", &[("phone", shown_phone(phone))]));
                }
                if let Some((name, phone, kind)) = &w.contact {
                    words.push(lang.t_args(
                        "contact-without-eid-through",
                        &[("name", name.clone()), ("kind", lang.t(&format!("contact-kind-{kind}"))), ("phone", phone.as_deref().map(shown_phone).unwrap_or_default())],
                    ));
                }
                words.join(" ")
            });
            (vec![], Some(view.name.clone()), view.protected, view.cases.iter().map(|c| case_view(&app, lang, c)).collect(), without_eid)
        }
        Err(errors) => (errors_at(lang, &mut fields, &errors), None, false, vec![], None),
    };
    let invalid = !errors.is_empty();
    let page = ContactPage {
        ctx: context(&app, lang, BASE, &session).await?,
        fields,
        errors,
        done: None,
        found,
        protected,
        without_eid,
        cases,
        note_field: note_field(lang, ""),
        callback_fields: callback_fields(lang, &CallbackForm::default()),
    };
    let mut response = render(&page);
    if invalid {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

async fn form_again(app: &AppState, lang: Lang, session: &Session, id: &str, title: &str, mut fields: Vec<Field>, errors: &[FieldError]) -> Result<Response, AppError> {
    let errors = errors_at(lang, &mut fields, errors);
    let action = if title == "contact-note" { format!("{BASE}/{id}/notat") } else { format!("{BASE}/{id}/ring-tilbake") };
    let page = ContactFormPage { ctx: context(app, lang, &action, session).await?, title: lang.t(title), action, fields, errors };
    let mut response = render(&page);
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// `POST /ansatt/kontaktsenter/{id}/notat`: a call note for the office.
pub async fn note(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let text = form.get("notat").unwrap_or_default();
    match app.cases.contact_note(&staff, &id, text, now_ms()).await? {
        Ok(()) => Ok(Redirect::to(&format!("{BASE}?gjort=notat")).into_response()),
        Err(e) => form_again(&app, lang, &session, &id, "contact-note", vec![note_field(lang, text)], &[e]).await,
    }
}

/// `POST /ansatt/kontaktsenter/{id}/ring-tilbake`: a callback for the office.
pub async fn callback(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let typed = CallbackForm {
        phone: form.get("telefon").unwrap_or_default().to_owned(),
        date: form.get("dato").unwrap_or_default().to_owned(),
        from: form.get("fra").unwrap_or_default().to_owned(),
        to: form.get("til").unwrap_or_default().to_owned(),
        note: form.get("hva").unwrap_or_default().to_owned(),
    };
    match app.cases.contact_callback(&staff, &id, &typed, now_ms()).await? {
        Ok(()) => Ok(Redirect::to(&format!("{BASE}?gjort=tilbakeringing")).into_response()),
        Err(errors) => form_again(&app, lang, &session, &id, "callback-title", callback_fields(lang, &typed), &errors).await,
    }
}

/// `POST /ansatt/tilbakeringinger/{id}`: a caseworker called back (`utfall=kontakt`) or tried
/// (`utfall=ikke-svar`).
pub async fn called(State(app): State<AppState>, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let made = form.get("utfall") == Some("kontakt");
    app.cases.callback_called(&staff, &id, made, now_ms()).await?;
    Ok(Redirect::to(if made { "/ansatt/saker?gjort=kontakt" } else { "/ansatt/saker?gjort=ikke-svar" }).into_response())
}
