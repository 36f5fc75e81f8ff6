//! `/bekymring`: the public concern form (bekymringsmelding), the most exposed page Velferd has.
//!
//! - No sign-in for private persons, who may stay anonymous; professionals (`?som=fagperson`) sign
//!   in with the citizen sign-in and give role and organisation.
//! - "Is the child in danger now?" — the emergency numbers come first on the page, before any field.
//! - Spam without a CAPTCHA: a honeypot field (`nettside`, hidden from eyes and screen readers) and a
//!   minimum fill time, read from the form's token kept in the session
//!   (`RateLimits::concern_min_fill_ms`, 3 s). Either
//!   refusal re-draws the form with everything typed kept and a message; nothing is stored.
//! - Limits: sending is rate-limited per network address (hashed before it is counted; never
//!   stored with the report) with a generous limit, and per person — higher — for a signed-in
//!   professional, so a school reporting many children is not stopped (`limits::RateLimits`).
//! - Durable: the report is committed before the receipt is shown; the token makes a doubled send
//!   show the same receipt.

use std::collections::HashMap;

use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_domain::barnevern::{ReportForm, SignedInReporter, Urgency};

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::limits::{Bucket, ClientIp};
use crate::pages::barnevern::{Choice, FormPage, ReceiptPage};
use crate::pages::render;
use crate::routes::context;
use crate::session::Citizen;
use crate::{now_ms, AppState};

/// The most files a report may carry (each within `UploadLimits::max_file_bytes`, all within
/// `max_total_bytes`).
pub const MAX_ATTACHMENTS: usize = 10;

const FORM: &str = "bekymring_skjema";
const SENT: &str = "bekymring_sendt";

/// The token of the form on the page: the sending's key and when the form was drawn.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct FormToken {
    key: String,
    issued_ms: i64,
}

#[derive(serde::Deserialize, Default)]
pub struct Mode {
    som: Option<String>,
}

fn professional_mode(som: Option<&str>) -> bool {
    som == Some("fagperson")
}

fn sess_err(e: tower_sessions::session::Error) -> AppError {
    AppError::Internal(format!("session: {e}"))
}

/// What the form's fields are called, in the order of the domain's form.
fn form_from(values: &HashMap<String, String>) -> ReportForm {
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    ReportForm {
        kommune: v("kommune"),
        child_name: v("barn-navn"),
        child_fnr: v("barn-fnr"),
        child_birth_date: v("barn-fodt"),
        child_whereabouts: v("barn-sted"),
        concern: v("bekymring"),
        urgency: v("hastegrad"),
        danger_now: v("fare-na"),
        anonymous: v("anonym"),
        reporter_name: v("melder-navn"),
        reporter_phone: v("melder-telefon"),
        reporter_email: v("melder-epost"),
        reporter_role: v("melder-rolle"),
        reporter_organisation: v("melder-organisasjon"),
    }
}

async fn professional_name(app: &AppState, citizen: &Citizen) -> Result<String, AppError> {
    Ok(app.store.person(&citizen.fnr).await?.map_or_else(|| citizen.fnr.masked(), |p| p.fullt_navn()))
}

#[allow(clippy::too_many_arguments)]
async fn draw(
    app: &AppState,
    lang: Lang,
    session: &Session,
    professional: Option<String>,
    mode: bool,
    token: String,
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let path = if mode { "/bekymring?som=fagperson" } else { "/bekymring" };
    let mut ctx = context(app, lang, path, session).await?;
    ctx.lang_form = None;
    let chosen = values.get("kommune").cloned().unwrap_or_default();
    let kommuner = app.kommuner.by_name().into_iter().map(|k| (k.nummer.as_str().to_owned(), k.navn.clone(), k.nummer.as_str() == chosen)).collect();
    let urgency_value = values.get("hastegrad").cloned().unwrap_or_default();
    let urgency = Urgency::ALL.into_iter().map(|u| Choice { value: u.code(), label: lang.t(&format!("bv-urgency-{}", u.code())), checked: urgency_value == u.code() }).collect();
    let danger_value = values.get("fare-na").cloned().unwrap_or_default();
    let danger = [("ja", "yes"), ("nei", "no")].into_iter().map(|(v, k)| Choice { value: v, label: lang.t(&format!("bv-danger-{k}")), checked: danger_value == v }).collect();
    let sign_in_href = (mode && professional.is_none()).then(|| format!("/logg-inn?neste={}", urlencoding("/bekymring?som=fagperson")));
    let anonymous = values.get("anonym").is_some_and(|v| v == "ja");
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = FormPage { ctx, token, mode: if mode { "fagperson" } else { "" }, sign_in_href, professional, kommuner, urgency, danger, anonymous, values, errors };
    Ok((status, render(&page)).into_response())
}

fn urlencoding(path: &str) -> String {
    form_urlencoded::byte_serialize(path.as_bytes()).collect()
}

/// A fresh form token in the session (each drawn form is one sending).
async fn new_token(session: &Session) -> Result<FormToken, AppError> {
    let token = FormToken { key: velferd_store::new_id(), issued_ms: now_ms() };
    session.insert(FORM, &token).await.map_err(sess_err)?;
    Ok(token)
}

pub async fn form(State(app): State<AppState>, lang: Lang, session: Session, citizen: Option<Citizen>, Query(q): Query<Mode>) -> Result<Response, AppError> {
    let mode = professional_mode(q.som.as_deref());
    let professional = match (&citizen, mode) {
        (Some(c), true) => Some(professional_name(&app, c).await?),
        _ => None,
    };
    let token = new_token(&session).await?;
    draw(&app, lang, &session, professional, mode, token.key, HashMap::new(), Vec::new()).await
}

/// The sent form: its fields, and the attachments (name, bytes) when it came as
/// `multipart/form-data` (the page sends it so; a plain form has none). `true` when the sending
/// broke off midway.
async fn read_form(app: &AppState, request: Request) -> Result<(FormData, Vec<(String, Vec<u8>)>, bool), AppError> {
    let multipart = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        return Ok((FormData::from_request(request, app).await?, Vec::new(), false));
    }
    let Ok(mut parts) = Multipart::from_request(request, app).await else {
        return Ok((FormData::default(), Vec::new(), true));
    };
    let (mut fields, mut files) = (Vec::new(), Vec::new());
    loop {
        let field = match parts.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok((FormData(fields), files, false)),
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => return Err(AppError::TooLarge),
            Err(_) => return Ok((FormData(fields), files, true)),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "vedlegg" {
            let file_name = velferd_domain::text::display_name(field.file_name().unwrap_or_default(), 100);
            match field.bytes().await {
                Ok(bytes) if bytes.is_empty() && file_name.is_empty() => {} // no file chosen
                Ok(bytes) => files.push((file_name, bytes.to_vec())),
                Err(_) => return Ok((FormData(fields), files, true)),
            }
        } else {
            match field.bytes().await {
                // Broken UTF-8 becomes U+FFFD, which the rules refuse at the field.
                Ok(bytes) => fields.push((name, String::from_utf8_lossy(&bytes).into_owned())),
                Err(_) => return Ok((FormData(fields), files, true)),
            }
        }
    }
}

pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, ClientIp(ip): ClientIp, citizen: Option<Citizen>, request: Request) -> Result<Response, AppError> {
    let (form, attachments, interrupted) = read_form(&app, request).await?;
    crate::session::verify_csrf(&session, &form).await?;
    let mode = professional_mode(form.get("som"));
    let values: HashMap<String, String> = form.0.iter().filter(|(k, _)| !k.starts_with('_') && k != "nettside").cloned().collect();
    let professional = match (&citizen, mode) {
        (Some(c), true) => Some((c.clone(), professional_name(&app, c).await?)),
        _ => None,
    };
    let name = professional.as_ref().map(|(_, n)| n.clone());
    if interrupted {
        let fresh = new_token(&session).await?;
        return draw(&app, lang, &session, name, mode, fresh.key, values, vec![(String::new(), lang.t("upload-error-interrupted"))]).await;
    }
    let stored: Option<FormToken> = session.get(FORM).await.map_err(sess_err)?;
    let posted = form.get("skjema").unwrap_or_default();
    let token = match stored {
        Some(t) if t.key == posted => t,
        // A form from an older page (another tab, a session that ended): draw it again to send.
        _ => {
            let fresh = new_token(&session).await?;
            return draw(&app, lang, &session, name, mode, fresh.key, values, vec![(String::new(), lang.t("bv-refused-stale-form"))]).await;
        }
    };
    if form.get("nettside").is_some_and(|v| !v.trim().is_empty()) {
        tracing::info!("concern form: honeypot filled; nothing stored");
        return draw(&app, lang, &session, name, mode, token.key, values, vec![(String::new(), lang.t("bv-refused-robot"))]).await;
    }
    if now_ms() - token.issued_ms < app.config.limits.concern_min_fill_ms {
        return draw(&app, lang, &session, name, mode, token.key, values, vec![(String::new(), lang.t("bv-refused-too-fast"))]).await;
    }
    if mode && professional.is_none() {
        return draw(&app, lang, &session, None, mode, token.key, values, vec![(String::new(), lang.t("bv-refused-sign-in"))]).await;
    }
    let count = match &professional {
        Some((c, _)) => crate::limits::peek(&app, Bucket::ConcernProfessional, c.fnr.as_str()).await?,
        None => crate::limits::peek(&app, Bucket::Concern, &ip).await?,
    };
    let signed_in = professional.as_ref().map(|(c, n)| SignedInReporter { fnr: c.fnr.clone(), name: n.clone() });
    let today = velferd_domain::barnevern::deadlines::local_date(velferd_domain::barnevern::Jurisdiction::Norway, now_ms());
    let report = match form_from(&values).check(|k| app.cases.child_welfare_kommune(k), signed_in.as_ref(), today) {
        Ok(r) => r,
        Err(faults) => {
            let errors = faults.iter().map(|f| (f.field.to_owned(), lang.t(f.key))).collect();
            return draw(&app, lang, &session, name, mode, token.key, values, errors).await;
        }
    };
    let limits = app.config.uploads;
    if attachments.len() > MAX_ATTACHMENTS || attachments.iter().map(|(_, b)| b.len()).sum::<usize>() > limits.max_total_bytes {
        let [_, _, total_mb] = limits.message_args();
        let message = lang.t_args("bv-attachments-too-many", &[("files", MAX_ATTACHMENTS.to_string()), total_mb]);
        return draw(&app, lang, &session, name, mode, token.key, values, vec![("vedlegg".into(), message)]).await;
    }
    let mut files = Vec::new();
    for (file_name, bytes) in attachments {
        let problem = if bytes.len() > limits.max_file_bytes {
            Some("too-large")
        } else {
            match app.cases.concern_attachment(&file_name, bytes, &limits.conversion()).await? {
                Ok(file) => {
                    files.push(file);
                    None
                }
                Err(code) => Some(code),
            }
        };
        if let Some(code) = problem {
            let message = format!("{} {}", crate::routes::upload_message(&app, lang, code, &file_name), lang.t("bv-attachments-again"));
            return draw(&app, lang, &session, name, mode, token.key, values, vec![("vedlegg".into(), message)]).await;
        }
    }
    app.cases.submit_concern_report(&token.key, &report, &files, Some(&count), now_ms()).await?;
    session.insert(SENT, &token.key).await.map_err(sess_err)?;
    session.remove::<FormToken>(FORM).await.map_err(sess_err)?;
    Ok(Redirect::to("/bekymring/kvittering").into_response())
}

async fn sent(app: &AppState, session: &Session) -> Result<velferd_store::ConcernReportRow, AppError> {
    let key: Option<String> = session.get(SENT).await.map_err(sess_err)?;
    let key = key.ok_or(AppError::NotFound)?;
    Ok(app.cases.concern_receipt(&key).await?)
}

pub async fn receipt(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    let row = sent(&app, &session).await?;
    let kommune = app.kommuner.get(&row.report.kommune).map_or_else(|| row.report.kommune.as_str().to_owned(), |k| k.navn.clone());
    let page = ReceiptPage {
        ctx: context(&app, lang, "/bekymring/kvittering", &session).await?,
        reference: row.reference.clone(),
        received: velferd_cases::barnevern::date_time(row.received_ms),
        service: lang.t_args("bv-service-name", &[("kommune", kommune)]),
        danger_now: row.report.danger_now,
        professional: row.report.reporter.is_professional(),
    };
    Ok(render(&page))
}

pub async fn receipt_pdf(State(app): State<AppState>, lang: Lang, session: Session) -> Result<Response, AppError> {
    let row = sent(&app, &session).await?;
    let cases = app.cases.clone();
    let reference = row.reference.clone();
    let bytes = tokio::task::spawn_blocking(move || cases.concern_receipt_pdf(&lang, &row)).await.map_err(|e| AppError::Internal(e.to_string()))??;
    Ok(crate::routes::staff::pdf_response(bytes, &format!("kvittering-{reference}.pdf")))
}
