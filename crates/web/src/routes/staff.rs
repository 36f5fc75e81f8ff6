//! Pages for office staff: who is signed in, the office's applications (`/ansatt/saker`) and one
//! case (`/ansatt/saker/{id}`) with its documents and PDF. What a staff member may read is the
//! domain's [`CaseAccess`] (own office; protected persons only with the role for it), and the store
//! filters by it in SQL. Every read, and every refused attempt, is written to the audit log before
//! the answer goes out.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_domain::application::{parse_application, summary};
use velferd_domain::staff::{Adressebeskyttelse, CaseAccess};
use velferd_store::{AuditEntry, OfficeCase, Outcome};

use super::context;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::limits::ClientIp;
use crate::pages::{render, DocLink, Line, StaffCasePage, StaffCasesPage, StaffCaseRow, StaffDemoPage, StaffDemoPerson, StaffMessagePage, StaffPage, SummaryItem};
use crate::session::Staff;
use crate::{fmt, now_ms, session, AppState};

pub async fn home(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let office = app.kommuner.kontor(&staff.office).map_or_else(|| staff.office.clone(), |o| format!("{} ({})", o.navn, o.enhetsnummer));
    let roles = staff.roles.iter().map(|r| lang.t(&format!("staff-role-{r}"))).collect::<Vec<_>>().join(", ");
    let reads_cases = CaseAccess::for_staff(&staff.roles, &staff.office).is_some();
    Ok(render(&StaffPage { ctx: context(&app, lang, "/ansatt", &session).await?, name: staff.name, office, roles, reads_cases }))
}

/// Writes what a staff member did (or tried) to the audit log. Fails the request if it cannot.
async fn audit(app: &AppState, staff: &Staff, action: &str, application_id: Option<&str>, person: Option<String>, outcome: Outcome) -> Result<(), AppError> {
    let entry = AuditEntry {
        actor: format!("staff:{}", staff.subject),
        actor_name: staff.name.clone(),
        role: staff.roles.iter().map(|r| r.claim_value()).collect::<Vec<_>>().join(","),
        office: Some(staff.office.clone()),
        action: action.to_owned(),
        person,
        application_id: application_id.map(str::to_owned),
        outcome,
    };
    app.store.audit(&entry, now_ms()).await?;
    Ok(())
}

/// The staff member's case access, or 403 (logged) for a role that reads no cases.
async fn access(app: &AppState, staff: &Staff, action: &str, application_id: Option<&str>) -> Result<CaseAccess, AppError> {
    match CaseAccess::for_staff(&staff.roles, &staff.office) {
        Some(access) => Ok(access),
        None => {
            let person = match application_id {
                Some(id) => app.store.owner_of(id).await?,
                None => None,
            };
            audit(app, staff, action, application_id, person, Outcome::Deny).await?;
            Err(AppError::Forbidden)
        }
    }
}

/// One case of the staff member's office, not yet logged as read (the caller logs what it then
/// reads); another office's case or a protected person's without the role is "not found", logged
/// as refused.
async fn find_case(app: &AppState, staff: &Staff, action: &str, id: &str) -> Result<OfficeCase, AppError> {
    let access = access(app, staff, action, Some(id)).await?;
    match app.store.office_application(&access, id).await? {
        Some(case) => Ok(case),
        None => {
            let person = app.store.owner_of(id).await?;
            audit(app, staff, action, Some(id), person, Outcome::Deny).await?;
            Err(AppError::NotFound)
        }
    }
}

/// [`find_case`], logged as read.
async fn open_case(app: &AppState, staff: &Staff, action: &str, id: &str) -> Result<OfficeCase, AppError> {
    let case = find_case(app, staff, action, id).await?;
    audit(app, staff, action, Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit).await?;
    Ok(case)
}

fn protection_key(p: Adressebeskyttelse) -> &'static str {
    match p {
        Adressebeskyttelse::StrengtFortrolig => "staff-protected-6",
        Adressebeskyttelse::Fortrolig => "staff-protected-7",
    }
}

/// `/ansatt/saker`: the office's applications, emergencies first, then newest.
pub async fn cases(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    let access = access(&app, &staff, "list-applications", None).await?;
    let cases = app.store.office_applications(&access).await?;
    audit(&app, &staff, "list-applications", None, None, Outcome::Permit).await?;
    let mut rows = Vec::with_capacity(cases.len());
    for case in &cases {
        let sent = &case.application;
        let view = super::cases::view_of(&app, sent, &case.owner).await?;
        rows.push(StaffCaseRow {
            href: format!("/ansatt/saker/{}", sent.id),
            reference: sent.reference.clone(),
            received: fmt::date_time(sent.sent_ms),
            emergency: sent.emergency,
            status: lang.t(view.headline.key()),
            protected: case.protection.map(|p| lang.t(protection_key(p))),
        });
    }
    let office = super::cases::office_name(&app, &staff.office);
    Ok(render(&StaffCasesPage { ctx: context(&app, lang, "/ansatt/saker", &session).await?, office, rows }))
}

/// `/ansatt/saker/{id}`: one case — who applied, the answers, the documents, what happened when.
pub async fn case(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let case = open_case(&app, &staff, "read-application", &id).await?;
    let sent = &case.application;
    let person = app.store.person(&case.owner).await?;
    let mut applicant = vec![
        SummaryItem { label: lang.t("register-name"), value: person.as_ref().map(|p| p.fullt_navn()).unwrap_or_default() },
        SummaryItem { label: lang.t("register-fnr"), value: case.owner.as_str().to_owned() },
    ];
    // A protected address is never shown; everyone else's register address is.
    if case.protection.is_none() {
        if let Some(a) = person.as_ref().and_then(|p| p.adresse.as_ref()) {
            applicant.push(SummaryItem { label: lang.t("register-address"), value: a.one_line() });
        }
    }
    let hide_address = case.protection.is_some();
    let answers = match parse_application(&sent.answers) {
        Ok(typed) => summary(&typed, &sent.answers)
            .into_iter()
            .map(|s| {
                let items = s
                    .rows
                    .iter()
                    .filter(|r| !(hide_address && crate::pdf::is_address(r)))
                    .map(|r| SummaryItem { label: crate::pdf::label(lang, r), value: crate::pdf::value(lang, &r.value) })
                    .collect();
                (lang.t(&format!("step-{}-title", s.step.slug())), items)
            })
            .collect(),
        Err(_) => vec![],
    };
    let documents = app
        .store
        .submissions(&id, &case.owner)
        .await?
        .into_iter()
        .flat_map(|s| {
            let when = fmt::date_time(s.created_ms);
            s.documents.into_iter().map(move |d| (when.clone(), d))
        })
        .map(|(when, d)| DocLink {
            label: super::document_label(lang, &d.kind, &d.tilleggsinfo),
            href: format!("/ansatt/saker/{id}/dokumenter/{}.pdf", d.sha256),
            detail: lang.t_args("case-document-sent", &[("date", when)]),
        })
        .collect();
    let view = super::cases::view_of(&app, sent, &case.owner).await?;
    let timeline = view.timeline.iter().map(|e| Line { text: super::cases::translate(lang, &e.text, &app), detail: fmt::date_time(e.at) }).collect();
    let page = StaffCasePage {
        ctx: context(&app, lang, &format!("/ansatt/saker/{id}"), &session).await?,
        reference: sent.reference.clone(),
        received: fmt::date_time(sent.sent_ms),
        emergency: sent.emergency,
        status: lang.t(view.headline.key()),
        protected: case.protection.map(|p| lang.t(protection_key(p))),
        applicant,
        answers,
        documents,
        timeline,
        pdf_href: format!("/ansatt/saker/{id}/soknad.pdf"),
    };
    Ok(render(&page))
}

fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// `/ansatt/saker/{id}/soknad.pdf`: the application as PDF, without any address for a protected person.
pub async fn application_pdf(State(app): State<AppState>, lang: Lang, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let case = open_case(&app, &staff, "read-application-pdf", &id).await?;
    let office = app.kommuner.get(&case.application.kommunenummer).map(|k| k.kontor.navn.clone()).unwrap_or_default();
    let name = app.store.person(&case.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
    let filename = format!("soknad-{}.pdf", case.application.reference);
    let hide_address = case.protection.is_some();
    let sent = case.application;
    let bytes = tokio::task::spawn_blocking(move || crate::pdf::application_pdf(lang, &sent, &office, &name, hide_address))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)?;
    Ok(pdf_response(bytes, &filename))
}

/// `/ansatt/saker/{id}/dokumenter/{sha256}.pdf`: a document sent with or after the application.
pub async fn document(State(app): State<AppState>, staff: Staff, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let sha = file.strip_suffix(".pdf").unwrap_or(&file).to_owned();
    let case = find_case(&app, &staff, "read-file", &id).await?;
    let person = Some(case.owner.as_str().to_owned());
    if !app.store.owns_document(&id, &case.owner, &sha).await? {
        audit(&app, &staff, "read-file", Some(&id), person, Outcome::Deny).await?;
        return Err(AppError::NotFound);
    }
    audit(&app, &staff, "read-file", Some(&id), person, Outcome::Permit).await?;
    let bytes = app.files.get(&sha).await?.ok_or_else(|| AppError::Internal("a recorded document is missing from the file store".into()))?;
    Ok(pdf_response(bytes, &format!("dokument-{}.pdf", case.application.reference)))
}

pub async fn signed_out(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    let sign_in_href = app.config.staff_sign_in.is_some().then_some("/ansatt/logg-inn");
    let ctx = context(&app, lang, "/ansatt/logget-ut", &session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-signed-out-title", text_key: "staff-signed-out-text", sign_in_href }))
}

pub async fn not_configured(app: &AppState, lang: Lang, session: &Session) -> Result<Response, AppError> {
    if app.config.demo {
        return Ok(Redirect::to("/ansatt/demo").into_response());
    }
    let ctx = context(app, lang, "/ansatt/logg-inn", session).await?;
    Ok(render(&StaffMessagePage { ctx, title_key: "staff-title", text_key: "staff-signin-not-configured", sign_in_href: None }))
}

/// `/ansatt/demo` (only with `--demo`): sign in as one of the demo staff.
pub async fn demo_page(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
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
    Ok(render(&StaffDemoPage { ctx: context(&app, lang, "/ansatt/demo", &session).await?, people }))
}

pub async fn demo_sign_in(State(app): State<AppState>, ClientIp(ip): ClientIp, session: Session, form: FormData) -> Result<Response, AppError> {
    if !app.config.demo {
        return Err(AppError::NotFound);
    }
    crate::limits::check(&app, crate::limits::Bucket::SignIn, &ip).await?;
    session::verify_csrf(&session, &form).await?;
    let demo = crate::demo::DEMO_STAFF.iter().find(|s| Some(s.key) == form.get("ansatt")).ok_or(AppError::NotFound)?;
    let staff = Staff { subject: format!("demo-{}", demo.key), name: demo.name.to_owned(), roles: demo.roles.to_vec(), office: demo.office.to_owned() };
    session::sign_in_staff(&session, &staff).await?;
    tracing::info!(staff = demo.key, "demo staff sign-in");
    Ok(Redirect::to("/ansatt").into_response())
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
