//! `/varsler`: how the person wants to be told that something happened on their case — SMS, e-mail,
//! and which kinds of notice (those the law requires are always sent). A notice never says what
//! happened, only that there is something to read.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::CaseError;
use velferd_domain::ids::Telefonnummer;
use velferd_domain::notices::{Choices, ChoicesForm, NoticeKind};

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{render, NoticeChoice, NoticesPage};
use crate::session::{self, Citizen};
use crate::{now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct Shown {
    lagret: Option<String>,
}

fn label(lang: Lang, kind: NoticeKind) -> String {
    lang.t(&format!("notices-kind-{}", kind.code()))
}

async fn page(app: &AppState, lang: Lang, session: &Session, form: &ChoicesForm, errors: Vec<(String, String)>, saved: bool, default_text: String) -> Result<Response, AppError> {
    let kinds = NoticeKind::ALL.into_iter().filter(|k| !k.required_by_law()).map(|k| NoticeChoice { code: k.code(), label: label(lang, k), on: form.on.contains(&k) }).collect();
    let always = NoticeKind::ALL.into_iter().filter(|k| k.required_by_law()).map(|k| label(lang, k)).collect();
    let refused = !errors.is_empty();
    let view = NoticesPage {
        ctx: context(app, lang, "/varsler", session).await?,
        email: form.email.clone(),
        phone: form.phone.clone(),
        email_on: form.email_on,
        sms_on: form.sms_on,
        kinds,
        always,
        errors,
        saved,
        default_text,
    };
    let mut response = render(&view);
    if refused {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The form as the stored (or default) choices fill it.
fn form_of(c: &Choices) -> ChoicesForm {
    let phone = c.phone.as_deref().and_then(|p| Telefonnummer::parse(p).ok()).map(|p| p.formatted()).unwrap_or_default();
    ChoicesForm {
        email: c.email.clone().unwrap_or_default(),
        phone,
        email_on: c.email_on,
        sms_on: c.sms_on,
        on: NoticeKind::ALL.into_iter().filter(|k| !c.off.contains(k)).collect(),
    }
}

pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Query(shown): Query<Shown>) -> Result<Response, AppError> {
    let (choices, chosen) = app.cases.notice_choices(&citizen.fnr).await?;
    let default_text = match (chosen, &choices.phone) {
        (true, _) => String::new(),
        (false, Some(_)) => lang.t("notices-default-sms"),
        (false, None) => lang.t("notices-default-none"),
    };
    page(&app, lang, &session, &form_of(&choices), vec![], shown.lagret.as_deref() == Some("ja"), default_text).await
}

pub async fn save(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let posted = ChoicesForm {
        email: form.get("epost").unwrap_or_default().to_owned(),
        phone: form.get("mobil").unwrap_or_default().to_owned(),
        email_on: form.get("epost_pa") == Some("ja"),
        sms_on: form.get("sms") == Some("ja"),
        on: form.0.iter().filter(|(k, _)| k == "varsel").filter_map(|(_, v)| NoticeKind::from_code(v)).collect(),
    };
    match app.cases.save_notice_choices(&citizen.fnr, &posted, now_ms()).await {
        Ok(_) => Ok(Redirect::to("/varsler?lagret=ja").into_response()),
        Err(CaseError::Invalid(refused)) => {
            let errors = refused.iter().map(|r| (r.field.to_owned(), lang.t(r.key))).collect();
            // What was typed comes back as typed (made safe to show), so nothing is lost.
            let shown = ChoicesForm {
                email: velferd_domain::text::display_name(&posted.email, 254),
                phone: velferd_domain::text::display_name(&posted.phone, 40),
                on: posted.on.iter().copied().chain(NoticeKind::ALL.into_iter().filter(|k| k.required_by_law())).collect(),
                ..posted
            };
            page(&app, lang, &session, &shown, errors, false, String::new()).await
        }
        Err(e) => Err(e.into()),
    }
}
