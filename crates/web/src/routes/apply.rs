//! The application: choosing the municipality, the steps, the summary and sending.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::apply::Sent;
use velferd_domain::application::{antall_barn, draft_expires_at, parse_application, required_documents, summary, validate_step, Answers, FieldError, Step};
use velferd_domain::kommune::Kommune;
use velferd_store::Draft;

use super::{context, office_info};
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::{render, DraftInfo, KommuneClosedPage, KommuneOption, StartPage, StepPage, SummaryBlock, SummaryItem, SummaryPage};
use crate::return_path::ReturnPath;
use crate::session::{self, Citizen, SignInFirst};
use crate::steps::{fields, StepNav};
use crate::{fmt, now_ms, AppState};

/// "Apply": resume the draft in progress, or choose where you live to start one.
pub async fn start(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen) -> Result<Response, AppError> {
    save_kept_answers(&app, &session, &citizen).await?;
    let now = now_ms();
    let person = app.store.person(&citizen.fnr).await?;
    let draft = app.store.latest_draft(&citizen.fnr, now).await?;
    let registered = person.as_ref().and_then(|p| p.adresse.as_ref()).map(|a| a.kommunenummer.clone());
    let page = StartPage {
        ctx: context(&app, lang, "/soknad", &session).await?,
        draft: draft.map(|d| draft_info(&app, &d)),
        kommuner: kommune_options(&app, registered.as_deref()),
        error: None,
        name: person.map(|p| p.fullt_navn()).unwrap_or_default(),
    };
    Ok(render(&page))
}

/// A draft as "continue where you left off": where, when it was saved, when it is deleted.
pub(crate) fn draft_info(app: &AppState, d: &Draft) -> DraftInfo {
    DraftInfo {
        id: d.id.clone(),
        kommune: app.kommuner.get(&d.kommunenummer).map(|k| k.navn.clone()).unwrap_or_default(),
        first_step: first_unfinished(&d.answers).slug().to_owned(),
        saved: fmt::date_time(d.updated_ms),
        deleted: fmt::date(d.expires_at()),
    }
}

fn kommune_options(app: &AppState, selected: Option<&str>) -> Vec<KommuneOption> {
    app.kommuner
        .by_name()
        .into_iter()
        .map(|k| KommuneOption { nummer: k.nummer.as_str().to_owned(), navn: k.navn.clone(), selected: Some(k.nummer.as_str()) == selected })
        .collect()
}

/// The first step that still has errors: where "continue" takes the citizen.
fn first_unfinished(answers: &Answers) -> Step {
    Step::ALL.into_iter().find(|s| *s != Step::Oppsummering && !validate_step(*s, answers).is_empty()).unwrap_or(Step::Oppsummering)
}

/// Starts an application in the chosen municipality — or, if it takes no digital applications now,
/// says so with the office's phone and address before anything is filled in.
pub async fn choose_kommune(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let chosen = form.get("kommune").unwrap_or_default();
    let Some(kommune) = app.kommuner.find(chosen) else {
        let page = StartPage {
            ctx: context(&app, lang, "/soknad", &session).await?,
            draft: None,
            kommuner: kommune_options(&app, None),
            error: Some(lang.t("error-kommune-unknown")),
            name: String::new(),
        };
        let mut response = render(&page);
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    if !kommune.takes_digital_applications() {
        let page = KommuneClosedPage {
            ctx: context(&app, lang, "/soknad", &session).await?,
            office: office_info(kommune),
            paused: kommune.mottak == velferd_domain::kommune::Mottak::Pauset,
        };
        return Ok(render(&page));
    }
    let draft = app.store.create_draft(&citizen.fnr, &kommune.nummer, &Answers::default(), now_ms()).await?;
    Ok(Redirect::to(&format!("/soknad/{}/{}", draft.id, Step::ALL[0].slug())).into_response())
}

/// The citizen's own draft, or 404 for an unknown, expired or someone else's id.
async fn own_draft(app: &AppState, id: &str, citizen: &Citizen) -> Result<Draft, AppError> {
    app.store.draft(id, &citizen.fnr, now_ms()).await?.ok_or(AppError::NotFound)
}

fn kommune_of<'a>(app: &'a AppState, draft: &Draft) -> Result<&'a Kommune, AppError> {
    app.kommuner.get(&draft.kommunenummer).ok_or_else(|| AppError::Internal("draft names a municipality not in the catalogue".into()))
}

/// `?feil=ja`: show the step's errors again (after the language switch on a page that showed them).
#[derive(serde::Deserialize)]
pub struct StepQuery {
    feil: Option<String>,
}

pub async fn show_step(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    citizen: Citizen,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<StepQuery>,
) -> Result<Response, AppError> {
    let step = Step::from_slug(&slug).ok_or(AppError::NotFound)?;
    let saved = save_kept_answers(&app, &session, &citizen).await?;
    let draft = match own_draft(&app, &id, &citizen).await {
        Ok(d) => d,
        // A sent application's old step link leads to its receipt rather than a dead end.
        Err(AppError::NotFound) => {
            return match app.store.submitted_from_draft(&id, &citizen.fnr).await? {
                Some(sent) => Ok(Redirect::to(&format!("/kvittering/{}", sent.id)).into_response()),
                None => Err(AppError::NotFound),
            }
        }
        Err(e) => return Err(e),
    };
    if step == Step::Oppsummering {
        return summary_page(&app, lang, &session, &citizen, &draft, vec![], false).await;
    }
    // A page that showed errors keeps them across the language switch, now in the new language.
    let errors = if q.feil.as_deref() == Some("ja") { validate_step(step, &draft.answers) } else { vec![] };
    let said = if !errors.is_empty() {
        Said::Errors(&errors)
    } else if saved.iter().any(|(d, s)| *d == draft.id && *s == step) {
        Said::Notice(lang.t("step-saved-after-sign-in"))
    } else {
        Said::Nothing
    };
    step_page(&app, lang, &session, &citizen, &draft, step, said).await
}

/// Saves answers that were posted after the sign-in had ended (kept by `session::keep_answers`)
/// into the signed-in citizen's own drafts, as posting the step would have; kept answers for a
/// draft that is not theirs (someone else signed in on this browser) or is gone are dropped.
/// Returns the drafts and steps saved.
async fn save_kept_answers(app: &AppState, session: &Session, citizen: &Citizen) -> Result<Vec<(String, Step)>, AppError> {
    let mut saved = Vec::new();
    for kept in session::take_kept_answers(session).await {
        let Some(step) = Step::from_slug(&kept.step).filter(|s| *s != Step::Oppsummering) else { continue };
        let Some(mut draft) = app.store.draft(&kept.draft, &citizen.fnr, now_ms()).await? else { continue };
        draft.answers.merge_step(step, &kept.fields);
        if step == Step::Familie {
            let action = kept.fields.iter().find(|(k, _)| k == "handling").map_or("neste", |(_, v)| v.as_str());
            change_children(&mut draft.answers, action);
        }
        if app.store.save_answers(&draft.id, &citizen.fnr, &draft.answers, now_ms()).await? {
            tracing::info!("answers posted after a session ended were saved after sign-in");
            saved.push((draft.id, step));
        }
    }
    Ok(saved)
}

/// What a step page says besides its fields: the errors of what was posted, or a notice.
enum Said<'a> {
    Nothing,
    Errors(&'a [FieldError]),
    Notice(String),
}

async fn step_page(app: &AppState, lang: Lang, session: &Session, citizen: &Citizen, draft: &Draft, step: Step, said: Said<'_>) -> Result<Response, AppError> {
    let (errors, notice) = match said {
        Said::Nothing => (&[][..], None),
        Said::Errors(errors) => (errors, None),
        Said::Notice(notice) => (&[][..], Some(notice)),
    };
    let kommune = kommune_of(app, draft)?;
    let nav = StepNav::new(lang, &draft.id, step);
    let groups = fields(lang, step, &draft.answers, errors);
    let error_list = groups.iter().flat_map(|g| g.fields.iter()).filter_map(|f| f.error.as_ref().map(|e| (f.anchor(), format!("{}: {e}", f.label)))).collect();
    let register = match step {
        Step::Personalia => match app.store.person(&citizen.fnr).await? {
            Some(p) => {
                let mut rows = vec![(lang.t("register-name"), p.fullt_navn()), (lang.t("register-fnr"), p.fnr.as_str().to_owned())];
                if let Some(a) = &p.adresse {
                    rows.push((lang.t("register-address"), a.one_line()));
                }
                rows
            }
            None => vec![],
        },
        _ => vec![],
    };
    let intro_key = format!("step-{}-intro", step.slug());
    let intro = lang.try_t(&intro_key);
    let mut ctx = context(app, lang, &nav.action(), session).await?;
    ctx.lang_form = Some("steg");
    let page = StepPage {
        ctx,
        nav,
        groups,
        errors: error_list,
        emergency: (step != Step::Nodhjelp && draft.answers.reports_emergency()).then(|| office_info(kommune)),
        intro,
        expires: lang.t_args("draft-expiry", &[("date", fmt::date(draft_expires_at(draft.updated_ms)))]),
        register,
        notice,
    };
    let mut response = render(&page);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// Saves what was posted (always, even with errors, so nothing typed is lost), then moves on,
/// goes back, or shows the same step with the errors next to their fields. Posted after the
/// sign-in ended, the answers are kept in the browser's session and saved once the person has
/// signed in again (`session::keep_answers`), and sign-in leads back to this step.
pub async fn save_step(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    citizen: Option<Citizen>,
    headers: HeaderMap,
    Path((id, slug)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, AppError> {
    let step = Step::from_slug(&slug).filter(|s| *s != Step::Oppsummering);
    let Some(citizen) = citizen else {
        let back = step.and_then(|s| ReturnPath::parse(&format!("/soknad/{id}/{}", s.slug())));
        let (Some(step), Some(back)) = (step, back) else {
            return Ok(SignInFirst(ReturnPath::citizen_start()).into_response());
        };
        if !session::keep_answers(&session, &headers, &form, &id, step.slug()).await? {
            tracing::info!("a step was posted without a sign-in and without a session; nothing kept");
        }
        return Ok(SignInFirst(back).into_response());
    };
    session::verify_csrf(&session, &form).await?;
    let step = step.ok_or(AppError::NotFound)?;
    let mut draft = own_draft(&app, &id, &citizen).await?;
    draft.answers.merge_step(step, &form.0);
    let action = form.get("handling").unwrap_or("neste");
    if step == Step::Familie {
        change_children(&mut draft.answers, action);
    }
    let now = now_ms();
    if !app.store.save_answers(&draft.id, &citizen.fnr, &draft.answers, now).await? {
        return Err(AppError::NotFound);
    }
    draft.updated_ms = now;
    let here = format!("/soknad/{}/{}", draft.id, step.slug());
    // The language switch posts the step: what was typed is saved (above), then the same step in
    // the chosen language, without checking anything yet.
    if let Some(chosen) = form.get("sprak").and_then(crate::i18n::Lang::from_code) {
        let again = if form.get("viste_feil") == Some("ja") { "&feil=ja" } else { "" };
        return Ok(Redirect::to(&format!("{here}?lang={}{again}", chosen.code())).into_response());
    }
    match action {
        "tilbake" => {
            let target = step.previous().map_or_else(|| "/soknad".to_owned(), |p| format!("/soknad/{}/{}", draft.id, p.slug()));
            Ok(Redirect::to(&target).into_response())
        }
        "legg-til-barn" => Ok(Redirect::to(&format!("{here}#barn-{}", antall_barn(&draft.answers))).into_response()),
        "fjern-barn" => Ok(Redirect::to(&here).into_response()),
        _ => {
            let errors = validate_step(step, &draft.answers);
            if errors.is_empty() {
                let next = step.next().unwrap_or(Step::Oppsummering);
                Ok(Redirect::to(&format!("/soknad/{}/{}", draft.id, next.slug())).into_response())
            } else {
                step_page(&app, lang, &session, &citizen, &draft, step, Said::Errors(&errors)).await
            }
        }
    }
}

/// Adds a child slot, or removes the last one with its answers (shared with the staff
/// registration pages).
fn change_children(answers: &mut Answers, action: &str) {
    velferd_cases::assisted::change_children(answers, action);
}

async fn summary_page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    citizen: &Citizen,
    draft: &Draft,
    problems: Vec<(Step, FieldError)>,
    confirm_missing: bool,
) -> Result<Response, AppError> {
    let kommune = kommune_of(app, draft)?;
    let nav = StepNav::new(lang, &draft.id, Step::Oppsummering);
    let (blocks, documents, problems) = match parse_application(&draft.answers) {
        Ok(application) => {
            let blocks = summary(&application, &draft.answers)
                .into_iter()
                .map(|s| SummaryBlock {
                    heading: lang.t(&format!("step-{}-title", s.step.slug())),
                    edit_href: format!("/soknad/{}/{}", draft.id, s.step.slug()),
                    edit_label: lang.t_args("summary-edit", &[("step", lang.t(&format!("step-{}-title", s.step.slug())))]),
                    items: s.rows.into_iter().map(|r| SummaryItem { label: crate::pdf::label(lang, &r), value: crate::pdf::value(lang, &r.value) }).collect(),
                })
                .collect();
            let documents = required_documents(&application).into_iter().map(|d| (lang.t(d.why), d.slot())).collect::<Vec<_>>();
            (blocks, documents, problems)
        }
        Err(errors) => (vec![], vec![], errors),
    };
    let problems: Vec<(String, String)> = problems
        .into_iter()
        .map(|(s, e)| (format!("/soknad/{}/{}", draft.id, s.slug()), format!("{}: {}", lang.t(&format!("step-{}-title", s.slug())), lang.t_args(e.key, &e.args))))
        .collect();
    // Each expected document with what the citizen did about it so far.
    let files = app.store.draft_files(&draft.id, &citizen.fnr).await?;
    let choices = app.store.document_choices(&draft.id, &citizen.fnr).await?;
    let documents = documents
        .into_iter()
        .map(|(why, slot)| {
            let pages = files.iter().filter(|f| f.slot == slot).map(|f| f.pages).sum::<i64>();
            let state = if pages > 0 {
                format!("{} ({})", lang.t("summary-document-uploaded"), lang.t_args("attach-pdf-pages", &[("count", pages.to_string())]))
            } else if choices.iter().any(|(s, c)| *s == slot && c == "tidligere") {
                lang.t("summary-document-before")
            } else {
                lang.t("summary-document-later")
            };
            (why, state)
        })
        .collect();
    let mut ctx = context(app, lang, &nav.action(), session).await?;
    // The language switch posts the sending form (when it is shown), so the tick is kept.
    if problems.is_empty() {
        ctx.lang_form = Some("send");
    }
    let page = SummaryPage {
        documents_href: format!("/soknad/{}/dokumenter", draft.id),
        ctx,
        nav,
        blocks,
        documents,
        confirm_error: confirm_missing.then(|| lang.t("error-confirm")),
        confirmed: draft.answers.is_yes("bekreft"),
        office: office_info(kommune),
        emergency: draft.answers.reports_emergency(),
        problems,
    };
    let mut response = render(&page);
    if confirm_missing || !page.problems.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The receipt of the application sent from the citizen's draft `draft_id`, if it was sent.
async fn receipt_of(app: &AppState, draft_id: &str, citizen: &Citizen) -> Result<Option<Response>, AppError> {
    Ok(app.store.submitted_from_draft(draft_id, &citizen.fnr).await?.map(|sent| Redirect::to(&format!("/kvittering/{}", sent.id)).into_response()))
}

/// Sends the application (the use case `send_application`). Safe to repeat: a second press or a
/// retried request shows the same receipt — also past the sending rate limit, which counts only
/// sendings not yet done (a retry after a lost answer must always find its receipt).
pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    // The language switch on the summary posts this form: keep the tick, show the summary again in
    // the chosen language, send nothing.
    if let Some(chosen) = form.get("sprak").and_then(crate::i18n::Lang::from_code) {
        if let Some(receipt) = receipt_of(&app, &id, &citizen).await? {
            return Ok(receipt);
        }
        let mut draft = own_draft(&app, &id, &citizen).await?;
        draft.answers.set("bekreft", if form.get("bekreft") == Some("ja") { "ja" } else { "" });
        if !app.store.save_answers(&draft.id, &citizen.fnr, &draft.answers, now_ms()).await? {
            return Err(AppError::NotFound);
        }
        return Ok(Redirect::to(&format!("/soknad/{}/{}?lang={}", draft.id, Step::Oppsummering.slug(), chosen.code())).into_response());
    }
    // The sending limit is checked here and counted in the send's own transaction.
    let count = match crate::limits::peek(&app, crate::limits::Bucket::Submit, citizen.fnr.as_str()).await {
        Ok(count) => count,
        Err(limited) => {
            // Past the limit, a sent application still answers with its receipt (a retry after a
            // lost answer); a second press while the first is still sending gets a moment (a
            // sending takes well under this) and then the first one's receipt.
            for attempt in 0..13 {
                if attempt > 0 {
                    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                }
                if let Some(receipt) = receipt_of(&app, &id, &citizen).await? {
                    return Ok(receipt);
                }
            }
            return Err(limited.into());
        }
    };
    // Not checked for a receipt first: a draft already sent is found by the use case, which then
    // answers with that application (one statement fewer on every send).
    match app.cases.send_application(&citizen.fnr, &id, &form.0, &app.config.uploads.conversion(), Some(&count), lang.code(), now_ms()).await? {
        None => Err(AppError::NotFound),
        Some(Sent::Received(sent)) => Ok(Redirect::to(&format!("/kvittering/{}", sent.id)).into_response()),
        Some(Sent::Incomplete { draft, errors, confirm_missing }) => summary_page(&app, lang, &session, &citizen, &draft, errors, confirm_missing).await,
        Some(Sent::DocumentFailed { draft, slot }) => {
            let error = vec![(slot, lang.t("attach-error-convert"))];
            super::attach::page_with(&app, lang, &session, &draft, &citizen, &error).await
        }
        Some(Sent::NotInRegister) => Err(AppError::NotInRegister),
    }
}

/// Deletes the citizen's draft ("start over").
pub async fn discard(State(app): State<AppState>, session: Session, citizen: Citizen, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    app.cases.discard_draft(&citizen.fnr, &id).await?;
    Ok(Redirect::to("/soknad").into_response())
}
