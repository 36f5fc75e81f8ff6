//! Pages for office staff. Only the seam exists yet: who is signed in, at which office, with which
//! roles. Caseworker pages build on the [`Staff`] extractor.

use axum::extract::State;
use axum::response::Response;
use tower_sessions::Session;

use super::context;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{render, StaffMessagePage, StaffPage};
use crate::session::Staff;
use crate::AppState;

pub async fn home(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let office = app.kommuner.kontor(&staff.office).map_or_else(|| staff.office.clone(), |o| format!("{} ({})", o.navn, o.enhetsnummer));
    let roles = staff.roles.iter().map(|r| lang.t(&format!("staff-role-{r}"))).collect::<Vec<_>>().join(", ");
    Ok(render(&StaffPage { ctx: context(&app, lang, "/ansatt", &session).await?, name: staff.name, office, roles }))
}

pub async fn signed_out(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    let sign_in_href = app.config.staff_sign_in.is_some().then_some("/ansatt/logg-inn");
    let ctx = context(&app, lang, "/ansatt/logget-ut", &session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-signed-out-title", text_key: "staff-signed-out-text", sign_in_href }))
}

pub async fn not_configured(app: &AppState, lang: Lang, session: &Session) -> Result<Response, AppError> {
    let ctx = context(app, lang, "/ansatt/logg-inn", session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-title", text_key: "staff-signin-not-configured", sign_in_href: None }))
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
