//! `POST /ansatt/saker/{id}/handling`: one caseworker action (`handling` names it), carrying the
//! case version the page was drawn from (`versjon`). Parsed here, carried out by
//! [`velferd_cases::Cases::act`]. A refusal re-draws the case file with the message next to the
//! field and everything typed kept (422); a conflict — someone else changed the case meanwhile —
//! re-draws the fresh case file with the typed text kept and says so (409). Success redirects to
//! the case file with a confirmation.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::office::actions::Command;
use velferd_cases::CaseError;

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::staff::ActionForm;
use crate::session::{self, Staff};
use crate::{now_ms, AppState};

/// The command a form names, or `None` for an unknown `handling`.
fn command(form: &FormData) -> Option<Command> {
    let field = |name: &str| form.get(name).unwrap_or_default().to_owned();
    Some(match form.get("handling")? {
        "behandle" => Command::TakeIntoProcessing,
        "tildel" => Command::Assign { to: field("saksbehandler") },
        "slipp" => Command::Unassign,
        "notat" => Command::Note { text: field("notat") },
        "etterspor" => Command::RequestDocuments {
            documents: form.0.iter().filter(|(k, _)| k == "dokumenter").map(|(_, v)| v.clone()).collect(),
            other: field("annet"),
            note: field("melding"),
            deadline: field("frist"),
        },
        "forelopig" => Command::PreliminaryAnswer { expected: field("dato"), reason: field("begrunnelse") },
        "sak" => Command::OpenSak { title: field("tittel") },
        "behandles-ikke" => Command::WillNotProcess { reason: field("begrunnelse") },
        _ => return None,
    })
}

/// What was typed, to draw the form again as it was.
fn typed(form: &FormData) -> ActionForm {
    let mut values = std::collections::HashMap::new();
    for (k, v) in &form.0 {
        if k.starts_with('_') {
            continue;
        }
        values
            .entry(k.clone())
            .and_modify(|e: &mut String| {
                e.push('\n');
                e.push_str(v);
            })
            .or_insert_with(|| v.clone());
    }
    ActionForm { action: form.get("handling").unwrap_or_default().to_owned(), values, error: None }
}

pub async fn act(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let Some(command) = command(&form) else {
        let mut typed = typed(&form);
        typed.error = Some((String::new(), lang.t("office-refused-unknown-action")));
        let file = app.cases.case_file(&staff, &id, now_ms()).await?;
        return super::case::page(&app, lang, &session, &staff, &file, typed, None, false).await;
    };
    let version = form.get("versjon").and_then(|v| v.trim().parse::<i64>().ok());
    let letter_lang = form.get("sprak").and_then(Lang::from_code).unwrap_or(lang);
    let action = form.get("handling").unwrap_or_default().to_owned();
    match app.cases.act(&staff, &id, version, command, &letter_lang, now_ms()).await {
        Ok(_) => Ok(Redirect::to(&format!("/ansatt/saker/{id}?gjort={action}")).into_response()),
        Err(CaseError::Refused(r)) => {
            let mut typed = typed(&form);
            typed.error = Some((r.field.to_owned(), lang.t(r.key)));
            let file = app.cases.case_file(&staff, &id, now_ms()).await?;
            super::case::page(&app, lang, &session, &staff, &file, typed, None, false).await
        }
        Err(CaseError::Conflict) => {
            let file = app.cases.case_file(&staff, &id, now_ms()).await?;
            super::case::page(&app, lang, &session, &staff, &file, typed(&form), None, true).await
        }
        Err(e) => Err(e.into()),
    }
}
