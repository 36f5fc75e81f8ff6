//! The person's side of appeals (`velferd_cases::appeals`): the appeal section of the case page (the
//! deadline while a decision can be appealed, and each appeal with what has happened to it), and the
//! form at `/mine-soknader/{id}/klage`. A late appeal is received all the same and the reason for the
//! delay asked for.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::appeals::AppealForm;
use velferd_cases::CaseError;
use velferd_formats::klage::KlageHendelse;
use velferd_store::{AppealRow, StoredApplication};

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{render, AppealChoice, AppealPage, AppealsView, CitizenAppeal, Line};
use crate::session::{self, Citizen};
use crate::{fmt, now_ms, AppState};

/// `2026-12-21` as Norwegians write it.
fn date(iso: &str) -> String {
    fmt::norwegian_date(iso)
}

/// What has happened to an appeal, in the reader's words: one line per event.
pub(crate) fn appeal_lines(lang: Lang, a: &AppealRow) -> Vec<Line> {
    let events: Vec<KlageHendelse> = serde_json::from_value(a.events.clone()).unwrap_or_default();
    events
        .iter()
        .map(|h| {
            let text = match h {
                KlageHendelse::KlageStatusHendelse(s) => {
                    lang.t(&format!("klage-status-{}", serde_json::to_value(s.status).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()))
                }
                KlageHendelse::UtfallHendelse(u) => {
                    lang.t(&format!("klage-utfall-{}", serde_json::to_value(u.utfall).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()))
                }
                other => other.type_name().to_owned(),
            };
            Line { text, detail: date(h.hendelse_dato()) }
        })
        .collect()
}

/// In time, or late and by how many days.
pub(crate) fn timing_text(lang: Lang, a: &AppealRow) -> String {
    if a.days_late > 0 {
        lang.t_args("klage-late", &[("deadline", date(&a.deadline)), ("days", a.days_late.to_string())])
    } else {
        lang.t_args("klage-in-time", &[("deadline", date(&a.deadline))])
    }
}

/// The appeal section of the owner's case page.
pub(crate) async fn appeals_view(app: &AppState, lang: Lang, sent: &StoredApplication, citizen: &Citizen, received: bool, late_ask: bool) -> Result<AppealsView, AppError> {
    let appealable = app.cases.appealable(sent, &citizen.fnr).await?;
    let appeals = app
        .cases
        .appeals(sent)
        .await?
        .iter()
        .map(|a| CitizenAppeal { title: lang.t_args("klage-item-title", &[("date", fmt::date(a.created_ms))]), timing: timing_text(lang, a), events: appeal_lines(lang, a) })
        .collect();
    let invite = match appealable.iter().map(|a| a.deadline).max() {
        Some(deadline) if deadline >= velferd_domain::dates::oslo_time(now_ms()).date() => lang.t_args("klage-invite", &[("deadline", date(&deadline.to_string()))]),
        Some(_) => lang.t("klage-invite-late"),
        None => String::new(),
    };
    Ok(AppealsView { invite, href: format!("/mine-soknader/{}/klage", sent.id), appeals, received, late_ask })
}

async fn form_page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    sent: &StoredApplication,
    citizen: &Citizen,
    posted: &AppealForm,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let appealable = app.cases.appealable(sent, &citizen.fnr).await?;
    if appealable.is_empty() {
        return Err(AppError::NotFound);
    }
    let one = appealable.len() == 1;
    // A decision is named by its date, as its letter is; its number only when two share a date
    // (the sak's reference, "S2", means nothing to the person).
    let dates: Vec<String> = appealable.iter().map(|a| a.decision.approved_ms.map(fmt::date).unwrap_or_default()).collect();
    let decisions = appealable
        .iter()
        .zip(&dates)
        .map(|(a, date)| AppealChoice {
            id: a.decision.id.clone(),
            label: if dates.iter().filter(|d| *d == date).count() > 1 {
                lang.t_args("klage-decision-label-nth", &[("date", date.clone()), ("number", a.decision.seq.to_string())])
            } else {
                lang.t_args("klage-decision-label", &[("date", date.clone())])
            },
            checked: one || posted.decision_id == a.decision.id,
        })
        .collect();
    let deadline = appealable.iter().map(|a| a.deadline).max().unwrap_or(time::Date::MIN);
    let late = deadline < velferd_domain::dates::oslo_time(now_ms()).date();
    let deadline_text = if late {
        lang.t_args("klage-deadline-passed", &[("deadline", date(&deadline.to_string()))])
    } else {
        lang.t_args("klage-deadline", &[("deadline", date(&deadline.to_string()))])
    };
    let refused = !errors.is_empty();
    let page = AppealPage {
        ctx: context(app, lang, &format!("/mine-soknader/{}/klage", sent.id), session).await?,
        back: format!("/mine-soknader/{}", sent.id),
        action: format!("/mine-soknader/{}/klage", sent.id),
        reference: sent.reference.clone(),
        decisions,
        deadline_text,
        late,
        text: posted.text.clone(),
        late_reason: posted.late_reason.clone(),
        token: if posted.token.is_empty() { velferd_store::new_id() } else { posted.token.clone() },
        errors,
    };
    let mut response = render(&page);
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /mine-soknader/{id}/klage`.
pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    form_page(&app, lang, &session, &sent, &citizen, &AppealForm::default(), vec![]).await
}

/// `POST /mine-soknader/{id}/klage`.
pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let posted = AppealForm {
        decision_id: form.get("vedtak").unwrap_or_default().to_owned(),
        text: form.get("begrunnelse").unwrap_or_default().to_owned(),
        late_reason: form.get("forsinkelse").unwrap_or_default().to_owned(),
        token: form.get("skjema").unwrap_or_default().to_owned(),
    };
    match app.cases.appeal(&sent, &citizen.fnr, &posted, &lang, now_ms()).await {
        Ok((_, late_ask)) => Ok(Redirect::to(&format!("/mine-soknader/{id}?klage=mottatt{}#klager", if late_ask { "&forsinkelse=ja" } else { "" })).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let errors = refused.iter().map(|r| (r.field.to_owned(), lang.t_args(r.key, &[("max", velferd_domain::text::MAX_LONG_TEXT.to_string())]))).collect();
            let shown = AppealForm { text: velferd_domain::text::shown_again(&posted.text), late_reason: velferd_domain::text::shown_again(&posted.late_reason), ..posted };
            form_page(&app, lang, &session, &sent, &citizen, &shown, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
