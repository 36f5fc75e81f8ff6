//! The staff home page, the signed-out page, and the demo sign-in for staff (only with `--demo`).

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_domain::staff::{CaseAccess, StaffUser};

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::limits::ClientIp;
use crate::pages::render;
use crate::pages::staff::{StaffDemoPage, StaffDemoPerson, StaffMessagePage, StaffPage};
use crate::return_path::ReturnPath;
use crate::routes::context;
use crate::session::{self, Staff};
use crate::AppState;

pub async fn home(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let office = app.kommuner.kontor(&staff.office).map_or_else(|| staff.office.clone(), |o| format!("{} ({})", o.navn, o.enhetsnummer));
    let roles = staff.roles.iter().map(|r| lang.t(&format!("staff-role-{r}"))).collect::<Vec<_>>().join(", ");
    let reads_cases = CaseAccess::for_staff(&staff.roles, &staff.office).is_some();
    let child_welfare = velferd_domain::barnevern::Access::for_staff(&staff.roles, &staff.office, &app.kommuner).is_some();
    let contact_centre = staff.roles.contains(&velferd_domain::staff::Role::Kontaktsenter);
    let lead = staff.roles.contains(&velferd_domain::staff::Role::Leder);
    Ok(render(&StaffPage { ctx: context(&app, lang, "/ansatt", &session).await?, name: staff.name.clone(), office, roles, reads_cases, child_welfare, contact_centre, lead }))
}

pub async fn signed_out(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    let sign_in_href = app.config.staff_sign_in.is_some().then_some("/ansatt/logg-inn");
    let ctx = context(&app, lang, "/ansatt/logget-ut", &session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-signed-out-title", text_key: "staff-signed-out-text", sign_in_href }))
}

pub async fn not_configured(app: &AppState, lang: Lang, session: &Session, next: &ReturnPath) -> Result<Response, AppError> {
    if app.config.demo {
        let to = if *next == ReturnPath::staff_start() { "/ansatt/demo".to_owned() } else { format!("/ansatt/demo?neste={}", next.encoded()) };
        return Ok(Redirect::to(&to).into_response());
    }
    let ctx = context(app, lang, "/ansatt/logg-inn", session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-title", text_key: "staff-signin-not-configured", sign_in_href: None }))
}

#[derive(serde::Deserialize)]
pub struct Next {
    neste: Option<String>,
}

/// `/ansatt/demo` (only with `--demo`): sign in as one of the demo staff.
pub async fn demo_page(State(app): State<AppState>, lang: Lang, session: Session, Query(q): Query<Next>) -> Result<Response, AppError> {
    if !app.config.demo {
        return Err(AppError::NotFound);
    }
    let people = crate::demo::DEMO_STAFF
        .iter()
        .map(|s| StaffDemoPerson {
            key: s.key,
            name: s.name,
            office: app.kommuner.kontor(s.office).map_or_else(|| s.office.to_owned(), |o| o.navn.clone()),
            roles: s.roles.iter().map(|r| lang.t(&format!("staff-role-{r}"))).collect::<Vec<_>>().join(", "),
        })
        .collect();
    let next = ReturnPath::or_staff_start(q.neste.as_deref()).as_str().to_owned();
    Ok(render(&StaffDemoPage { ctx: context(&app, lang, "/ansatt/demo", &session).await?, people, next }))
}

pub async fn demo_sign_in(State(app): State<AppState>, ClientIp(ip): ClientIp, session: Session, form: FormData) -> Result<Response, AppError> {
    if !app.config.demo {
        return Err(AppError::NotFound);
    }
    crate::limits::check(&app, crate::limits::Bucket::SignIn, &ip).await?;
    session::verify_csrf(&session, &form).await?;
    let demo = crate::demo::DEMO_STAFF.iter().find(|s| Some(s.key) == form.get("ansatt")).ok_or(AppError::NotFound)?;
    let staff = Staff(StaffUser { subject: format!("demo-{}", demo.key), name: demo.name.to_owned(), roles: demo.roles.to_vec(), office: demo.office.to_owned() });
    session::sign_in_staff(&app, &session, &staff).await?;
    tracing::info!(staff = demo.key, "demo staff sign-in");
    Ok(Redirect::to(ReturnPath::or_staff_start(form.get("neste")).as_str()).into_response())
}

#[cfg(test)]
mod tests {
    use velferd_domain::staff::Role;

    use crate::i18n::Lang;

    #[test]
    fn every_role_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for role in Role::ALL {
                assert!(lang.try_t(&format!("staff-role-{role}")).is_some(), "{role} in {}", lang.code());
            }
        }
    }
}
