//! `/ansatt/barnevern/…`: the child-welfare service's list of reports (acute first, deadlines
//! counting down, overdue ones escalated at the top), one report with its steps and actions, and
//! its files. Only signed-in staff reach the handlers ([`super::AnyStaff`]); the use cases answer
//! `NotFound` to anyone without the child-welfare role for the report's municipality.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::barnevern::{date, date_time, Command, ReportView};
use velferd_cases::CaseError;
use velferd_domain::barnevern::deadlines::local_date;
use velferd_domain::barnevern::{self as bv, Action, Reporter, Standing, Step, Urgency};

use super::AnyStaff;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::barnevern::{Choice, DeadlineRow, ListPage, ListRow, ReportPage};
use crate::pages::{render, SummaryItem};
use crate::routes::context;
use crate::{now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    alle: Option<String>,
}

fn status_text(lang: Lang, code: &str) -> String {
    lang.t(&format!("bv-status-{code}"))
}

fn child_label(lang: Lang, r: &bv::Report) -> String {
    if !r.child.name.is_empty() {
        r.child.name.clone()
    } else if !r.child.whereabouts.is_empty() {
        r.child.whereabouts.clone()
    } else {
        lang.t("bv-child-unnamed")
    }
}

/// How a deadline stands, in words.
fn standing_text(lang: Lang, s: Standing, last_day: time::Date) -> (String, bool) {
    let day = date(last_day);
    match s {
        Standing::Met { late: false } => (lang.t_args("bv-deadline-met", &[("date", day)]), false),
        Standing::Met { late: true } => (lang.t_args("bv-deadline-met-late", &[("date", day)]), false),
        Standing::DaysLeft(0) => (lang.t_args("bv-deadline-today", &[("date", day)]), false),
        Standing::DaysLeft(n) => (lang.t_args("bv-deadline-left", &[("date", day), ("days", n.to_string())]), false),
        Standing::Overdue { days } => (lang.t_args("bv-deadline-overdue", &[("date", day), ("days", days.to_string())]), true),
    }
}

pub async fn list(State(app): State<AppState>, lang: Lang, session: Session, AnyStaff(staff): AnyStaff, Query(q): Query<ListQuery>) -> Result<Response, AppError> {
    let include_closed = q.alle.is_some();
    let now = now_ms();
    let reports = app.cases.concern_reports(&staff, include_closed, now).await?;
    let mut overdue = 0;
    let rows = reports
        .iter()
        .map(|r| {
            let j = r.report.jurisdiction;
            let deadline = r.next_deadline_ms.map(|ends| {
                let last_day = local_date(j, ends - 1);
                let today = local_date(j, now);
                let standing =
                    if now >= ends { Standing::Overdue { days: (today - last_day).whole_days().max(1) } } else { Standing::DaysLeft((last_day - today).whole_days().max(0)) };
                standing_text(lang, standing, last_day)
            });
            let is_overdue = deadline.as_ref().is_some_and(|(_, o)| *o);
            if is_overdue {
                overdue += 1;
            }
            ListRow {
                href: format!("/ansatt/barnevern/{}", r.id),
                reference: r.reference.clone(),
                child: child_label(lang, &r.report),
                received: date_time(r.received_ms),
                status: status_text(lang, &r.status),
                acute: r.acute,
                deadline: deadline.map(|(t, _)| t),
                overdue: is_overdue,
            }
        })
        .collect();
    let path = if include_closed { "/ansatt/barnevern?alle=ja" } else { "/ansatt/barnevern" };
    let service = app
        .kommuner
        .by_name()
        .into_iter()
        .filter(|k| k.kontor.enhetsnummer == staff.office)
        .map(|k| lang.t_args("bv-service-name", &[("kommune", k.navn.clone())]))
        .collect::<Vec<_>>()
        .join(", ");
    let page = ListPage { ctx: context(&app, lang, path, &session).await?, service, rows, overdue, include_closed };
    Ok(render(&page))
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

pub async fn report(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    AnyStaff(staff): AnyStaff,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, AppError> {
    let view = app.cases.concern_report(&staff, &id, now_ms()).await?;
    let done = done.gjort.and_then(|a| lang.try_t(&format!("bv-done-{a}")));
    page(&app, lang, &session, &view, Typed::default(), done, false).await
}

/// What a failed action form held.
#[derive(Default)]
struct Typed {
    action: String,
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
}

fn step_text(lang: Lang, step: &Step) -> String {
    match step {
        Step::Mottatt => lang.t("bv-step-mottatt"),
        Step::Hastegrad { urgency, reason } => lang.t_args("bv-step-hastegrad", &[("urgency", lang.t(&format!("bv-urgency-{}", urgency.code()))), ("reason", reason.clone())]),
        Step::Gjennomgang { note } => lang.t_args("bv-step-gjennomgang", &[("reason", note.clone())]),
        Step::Undersokelse { reason } => lang.t_args("bv-step-undersokelse", &[("reason", reason.clone())]),
        Step::Forlengelse { until, reason } => lang.t_args("bv-step-forlengelse", &[("date", velferd_domain::dates::norwegian_date(until)), ("reason", reason.clone())]),
        Step::Avsluttet { reason } => lang.t_args("bv-step-avsluttet", &[("reason", reason.clone())]),
        Step::Sammenslatt { reason, .. } => lang.t_args("bv-step-sammenslatt", &[("reason", reason.clone())]),
        Step::Tilbakemelding { .. } => lang.t("bv-step-tilbakemelding"),
    }
}

async fn page(app: &AppState, lang: Lang, session: &Session, view: &ReportView, typed: Typed, done: Option<String>, conflict: bool) -> Result<Response, AppError> {
    let row = &view.full.row;
    let r = &row.report;
    let j = r.jurisdiction;
    let now = now_ms();
    let mut child = Vec::new();
    for (key, value) in [
        ("bv-child-name", r.child.name.clone()),
        ("bv-child-fnr", r.child.fnr.as_ref().map(|f| f.as_str().to_owned()).unwrap_or_default()),
        ("bv-child-birth-date", r.child.birth_date.as_deref().map(velferd_domain::dates::norwegian_date).unwrap_or_default()),
        ("bv-child-whereabouts", r.child.whereabouts.clone()),
    ] {
        if !value.is_empty() {
            child.push(SummaryItem { label: lang.t(key), value });
        }
    }
    child.push(SummaryItem { label: lang.t("bv-urgency"), value: lang.t(&format!("bv-urgency-{}", r.urgency.code())) });
    let reporter = match &r.reporter {
        Reporter::Anonym => vec![SummaryItem { label: lang.t("bv-reporter"), value: lang.t("bv-reporter-anonymous") }],
        Reporter::Privat { name, phone, email } => vec![
            SummaryItem { label: lang.t("bv-reporter-name"), value: name.clone() },
            SummaryItem { label: lang.t("bv-reporter-phone"), value: phone.clone() },
            SummaryItem { label: lang.t("bv-reporter-email"), value: email.clone() },
        ],
        Reporter::Offentlig { name, role, organisation, phone, email, .. } => vec![
            SummaryItem { label: lang.t("bv-reporter-name"), value: name.clone() },
            SummaryItem { label: lang.t("bv-reporter-role"), value: format!("{role}, {organisation}") },
            SummaryItem { label: lang.t("bv-reporter-phone"), value: phone.clone() },
            SummaryItem { label: lang.t("bv-reporter-email"), value: email.clone() },
        ],
    };
    let reporter = reporter.into_iter().filter(|i| !i.value.is_empty()).collect();
    let deadlines = view
        .deadlines
        .iter()
        .map(|d| {
            let (text, overdue) = standing_text(lang, d.standing(j, now), d.last_day);
            let text = if d.extended { format!("{text} {}", lang.t("bv-deadline-extended")) } else { text };
            DeadlineRow { label: lang.t(&format!("bv-deadline-{}", d.kind.id())), text, overdue }
        })
        .collect();
    let steps = view
        .full
        .steps
        .iter()
        .map(|s| (date_time(s.at_ms), if s.actor_name.is_empty() { lang.t("bv-reporter") } else { s.actor_name.clone() }, step_text(lang, &s.step)))
        .collect();
    let files = view
        .full
        .files
        .iter()
        .map(|f| (lang.t_args(&format!("bv-file-{}", f.kind), &[("date", date_time(f.created_ms))]), format!("/ansatt/barnevern/{}/filer/{}", row.id, f.position)))
        .collect();
    let chosen = if typed.action == "hastegrad" {
        typed.values.get("hastegrad").cloned().unwrap_or_default()
    } else {
        view.state.urgency.map(|(u, _)| u.code().to_owned()).unwrap_or_default()
    };
    let urgency = Urgency::ALL.into_iter().map(|u| Choice { value: u.code(), label: lang.t(&format!("bv-urgency-{}", u.code())), checked: chosen == u.code() }).collect();
    let page = ReportPage {
        ctx: context(app, lang, &format!("/ansatt/barnevern/{}", row.id), session).await?,
        id: row.id.clone(),
        reference: row.reference.clone(),
        version: row.version,
        acute: view.state.acute(r),
        danger_now: r.danger_now,
        status: status_text(lang, view.state.status().code()),
        open: view.state.open(),
        child,
        concern: r.concern.clone(),
        reporter,
        deadlines,
        steps,
        files,
        may_review: bv::may(Action::Review, &view.state, &r.reporter).is_ok(),
        may_investigate: bv::may(Action::OpenInvestigation, &view.state, &r.reporter).is_ok(),
        may_extend: bv::may(Action::Extend, &view.state, &r.reporter).is_ok() && j == bv::Jurisdiction::Norway,
        may_feedback: bv::may(Action::SendFeedback, &view.state, &r.reporter).is_ok(),
        urgency,
        action: typed.action,
        errors: typed.errors,
        values: typed.values,
        done,
        conflict,
    };
    let status = if conflict {
        StatusCode::CONFLICT
    } else if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

fn command(form: &FormData) -> Option<Command> {
    let field = |name: &str| form.get(name).unwrap_or_default().to_owned();
    Some(match form.get("handling")? {
        "hastegrad" => Command::AssessUrgency { urgency: field("hastegrad"), reason: field("begrunnelse") },
        "gjennomgang" => Command::Review { note: field("begrunnelse") },
        "undersokelse" => Command::OpenInvestigation { reason: field("begrunnelse") },
        "forlengelse" => Command::Extend { until: field("forlenget-til"), reason: field("begrunnelse") },
        "avslutt" => Command::Close { reason: field("begrunnelse") },
        "sammenslaa" => Command::Merge { into: field("slaa-sammen-med"), reason: field("begrunnelse") },
        "tilbakemelding" => Command::SendFeedback,
        _ => return None,
    })
}

pub async fn act(State(app): State<AppState>, lang: Lang, session: Session, AnyStaff(staff): AnyStaff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    // Access before the form token: someone without child-welfare access learns nothing, not even
    // that the form was stale (a 404, logged as refused).
    app.cases.child_welfare_access(&staff, "barnevern-handling", Some(&id), now_ms()).await?;
    crate::session::verify_csrf(&session, &form).await?;
    let action = form.get("handling").unwrap_or_default().to_owned();
    let values: HashMap<String, String> = form.0.iter().filter(|(k, _)| !k.starts_with('_')).cloned().collect();
    let typed = |errors| Typed { action: action.clone(), values: values.clone(), errors };
    let version = form.get("versjon").and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(-1);
    let letter_lang = form.get("sprak").and_then(Lang::from_code).unwrap_or(lang);
    let Some(command) = command(&form) else {
        let view = app.cases.concern_report(&staff, &id, now_ms()).await?;
        return page(&app, lang, &session, &view, typed(vec![(String::new(), lang.t("bv-refused-unknown-action"))]), None, false).await;
    };
    match app.cases.concern_act(&staff, &id, version, command, &letter_lang, now_ms()).await {
        Ok(()) => Ok(Redirect::to(&format!("/ansatt/barnevern/{id}?gjort={action}")).into_response()),
        Err(CaseError::Refused(r)) => {
            let view = app.cases.concern_report(&staff, &id, now_ms()).await?;
            page(&app, lang, &session, &view, typed(vec![(r.field.to_owned(), lang.t(r.key))]), None, false).await
        }
        Err(CaseError::Invalid(faults)) => {
            let view = app.cases.concern_report(&staff, &id, now_ms()).await?;
            page(&app, lang, &session, &view, typed(faults.iter().map(|r| (r.field.to_owned(), lang.t(r.key))).collect()), None, false).await
        }
        Err(CaseError::Conflict) => {
            let view = app.cases.concern_report(&staff, &id, now_ms()).await?;
            page(&app, lang, &session, &view, typed(Vec::new()), None, true).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn file(State(app): State<AppState>, AnyStaff(staff): AnyStaff, Path((id, position)): Path<(String, String)>) -> Result<Response, AppError> {
    let position: i64 = position.trim_end_matches(".pdf").parse().map_err(|_| AppError::NotFound)?;
    let (file, bytes) = app.cases.concern_report_file(&staff, &id, position, now_ms()).await?;
    Ok(crate::routes::staff::pdf_response(bytes, &file.name))
}

/// `/ansatt/barnevern/{id}/eksport.json`: the report as a KS Fiks bekymringsmelding v2 message
/// (`{"meldingstype", "melding", "mangler"}`: the type, the body, and the protocol's required fields
/// the report does not hold), for the municipality's case system.
pub async fn export(State(app): State<AppState>, AnyStaff(staff): AnyStaff, Path(id): Path<String>) -> Result<Response, AppError> {
    let e = app.cases.concern_report_export(&staff, &id, now_ms()).await?;
    let body = serde_json::json!({ "meldingstype": e.message_type, "melding": e.body, "mangler": e.missing });
    Ok(([(axum::http::header::CACHE_CONTROL, "private, no-store")], axum::Json(body)).into_response())
}
