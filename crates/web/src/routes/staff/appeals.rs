//! The office's side of appeals (`velferd_cases::appeals`): `/ansatt/klager` lists the office's open
//! appeals; `/ansatt/saker/{id}/klager` shows a case's appeals with the person's words and timing,
//! and takes the office's step — into processing, upheld (then a new decision on the decision
//! page), or kept and sent on to the county governor with a cover letter.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::appeals::AppealAction;
use velferd_cases::CaseError;
use velferd_store::{AppealRow, OfficeCase};

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::render;
use crate::pages::staff::{AppealView, AppealsPage, OpenAppealRow, OpenAppealsPage};
use crate::routes::appeals::{appeal_lines, timing_text};
use crate::routes::cases::office_name;
use crate::routes::context;
use crate::session::{self, Staff};
use crate::{fmt, now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

/// `GET /ansatt/klager`.
pub async fn list(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let open = app.cases.open_appeals(&staff, now_ms()).await?;
    let rows = open
        .iter()
        .map(|(a, reference)| OpenAppealRow {
            href: format!("/ansatt/saker/{}/klager", a.application_id),
            reference: reference.clone(),
            received: fmt::date(a.created_ms),
            timing: timing_text(lang, a),
            status: lang.t(&format!("klage-status-{}", a.status)),
        })
        .collect();
    Ok(render(&OpenAppealsPage { ctx: context(&app, lang, "/ansatt/klager", &session).await?, office: office_name(&app, lang, &staff.office), rows }))
}

#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    case: &OfficeCase,
    appeals: &[AppealRow],
    done: Option<String>,
    conflict: bool,
    error: Option<(String, String, String)>,
    assessment: String,
) -> Result<Response, AppError> {
    let id = &case.application.id;
    let views = appeals
        .iter()
        .map(|a| AppealView {
            id: a.id.clone(),
            version: a.version,
            title: lang.t_args("klage-item-title", &[("date", fmt::date(a.created_ms))]),
            timing: timing_text(lang, a),
            text: a.text.clone(),
            late_reason: a.late_reason.clone(),
            events: appeal_lines(lang, a),
            open: matches!(a.status.as_str(), "MOTTATT" | "UNDER_BEHANDLING"),
            received: a.status == "MOTTATT",
        })
        .collect();
    let refused = error.is_some();
    let view = AppealsPage {
        ctx: context(app, lang, &format!("/ansatt/saker/{id}/klager"), session).await?,
        reference: case.application.reference.clone(),
        case_href: format!("/ansatt/saker/{id}"),
        decide_href: format!("/ansatt/saker/{id}/vedtak"),
        action: format!("/ansatt/saker/{id}/klager"),
        appeals: views,
        done,
        conflict,
        error,
        assessment,
    };
    let mut response = render(&view);
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    } else if conflict {
        *response.status_mut() = StatusCode::CONFLICT;
    }
    Ok(response)
}

/// `GET /ansatt/saker/{id}/klager`.
pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, Query(done): Query<Done>) -> Result<Response, AppError> {
    let (case, appeals) = app.cases.office_appeals(&staff, &id, now_ms()).await?;
    let done = done.gjort.and_then(|a| lang.try_t(&format!("staff-appeal-done-{a}")));
    page(&app, lang, &session, &case, &appeals, done, false, None, String::new()).await
}

/// `POST /ansatt/saker/{id}/klager`: `handling` = `behandle`, `medhold` or `oversend` (with
/// `vurdering`), for `klage` at `versjon`.
pub async fn act(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let now = now_ms();
    let appeal = form.get("klage").unwrap_or_default().to_owned();
    let version = form.get("versjon").and_then(|v| v.parse().ok()).unwrap_or(-1);
    let assessment = form.get("vurdering").unwrap_or_default().to_owned();
    let (action, done) = match form.get("handling") {
        Some("behandle") => (AppealAction::Process, "behandle"),
        Some("medhold") => (AppealAction::Uphold, "medhold"),
        _ => (AppealAction::Forward { assessment: assessment.clone() }, "oversend"),
    };
    match app.cases.appeal_step(&staff, &id, &appeal, version, &action, &lang, now).await {
        Ok(()) => Ok(Redirect::to(&format!("/ansatt/saker/{id}/klager?gjort={done}")).into_response()),
        Err(CaseError::Invalid(refused)) => {
            let (case, appeals) = app.cases.office_appeals(&staff, &id, now).await?;
            let error = refused.first().map(|r| (appeal.clone(), r.field.to_owned(), lang.t_args(r.key, &[("max", velferd_domain::text::MAX_LONG_TEXT.to_string())])));
            page(&app, lang, &session, &case, &appeals, None, false, error, velferd_domain::text::shown_again(&assessment)).await
        }
        Err(CaseError::Conflict) => {
            let (case, appeals) = app.cases.office_appeals(&staff, &id, now).await?;
            page(&app, lang, &session, &case, &appeals, None, true, None, velferd_domain::text::shown_again(&assessment)).await
        }
        Err(e) => Err(e.into()),
    }
}
