//! The sign-in page: ID-porten (OpenID Connect, see `routes::oidc`) when configured, the demo
//! sign-in only with `--demo`, both through `session::sign_in`; and signing out.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;
use velferd_domain::ids::Fodselsnummer;

use super::context;
use crate::error::AppError;
use crate::fmt::norwegian_date;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::limits::ClientIp;
use crate::pages::{render, DemoPerson, SignInPage};
use crate::return_path::ReturnPath;
use crate::{session, AppState};

#[derive(Deserialize)]
pub struct Next {
    neste: Option<String>,
}

pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, Query(q): Query<Next>) -> Result<Response, AppError> {
    let ctx = context(&app, lang, "/logg-inn", &session).await?;
    let people = if app.config.demo {
        let katalog = &app.kommuner;
        app.store
            .demo_people()
            .await?
            .into_iter()
            .map(|p| DemoPerson {
                name: p.fullt_navn(),
                born: p.fnr.birth_date().map(|d| norwegian_date(&d)).unwrap_or_default(),
                kommune: p.adresse.as_ref().and_then(|a| katalog.find(&a.kommunenummer)).map(|k| k.navn.clone()).unwrap_or_default(),
                fnr: p.fnr.as_str().to_owned(),
            })
            .collect()
    } else {
        vec![]
    };
    // Only a path on this site is followed after sign-in (see `ReturnPath`). Signing in without
    // anywhere to go ("Logg inn" on its own) leads to "My applications", where a person who has
    // applied finds their case and tasks, and anyone can start a new application.
    let next = match q.neste.as_deref() {
        None | Some("") => ReturnPath::citizen_home(),
        raw => ReturnPath::or_citizen_start(raw),
    };
    let provider_start = app.config.citizen_sign_in.as_ref().map(|_| format!("/logg-inn/start?neste={}", next.encoded()));
    let next = next.as_str().to_owned();
    let high = app.config.citizen_sign_in.as_ref().and_then(|p| p.min_assurance()) == Some(crate::oidc::Assurance::High);
    Ok(render(&SignInPage { ctx, people, next, provider_start, high }))
}

pub async fn demo(State(app): State<AppState>, ClientIp(ip): ClientIp, session: Session, form: FormData) -> Result<Response, AppError> {
    if !app.config.demo {
        return Err(AppError::NotFound);
    }
    crate::limits::check(&app, crate::limits::Bucket::SignIn, &ip).await?;
    session::verify_csrf(&session, &form).await?;
    let fnr = form.get("fnr").and_then(|f| Fodselsnummer::parse(f).ok()).ok_or(AppError::NotFound)?;
    // Only people in the demo register can be signed in as.
    if app.store.person(&fnr).await?.is_none() {
        return Err(AppError::NotFound);
    }
    session::sign_in(&session, &fnr).await?;
    tracing::info!(person = %fnr, "demo sign-in");
    Ok(Redirect::to(ReturnPath::or_citizen_start(form.get("neste")).as_str()).into_response())
}

/// Signs out here and, after an ID-porten sign-in, at ID-porten too.
pub async fn sign_out(State(app): State<AppState>, lang: Lang, session: Session, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    super::oidc::end_sign_in(app.config.citizen_sign_in.as_ref(), &session, super::oidc::LOGIN_CITIZEN, lang, "/").await
}
