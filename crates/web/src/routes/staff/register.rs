//! `/ansatt/registrer`: a caseworker registers an application that came on paper, by phone or at
//! the desk (`velferd_cases::assisted`): the person and municipality first (another office's
//! municipality needs a reason), then the person's own steps with the same fields and checks (the
//! step template of `/soknad`), then a last page with the summary, the channel, how the identity
//! was checked and, for paper, the scanned original; a person with an open application already is
//! flagged there before anything is saved.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::assisted::{Registered, Registering, SendForm, StartForm};
use velferd_domain::application::{parse_application, summary, FieldError, Step};
use velferd_domain::assisted::{Channel, RegistrationForm, WithoutEidForm, CONTACT_KINDS, IDENTITY_CHECKS};

use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::assisted::{field, text, RegisterPersonPage, RegisterSendPage, RegisterStartPage};
use crate::pages::{render, StepPage};
use crate::routes::context;
use crate::session::{self, Staff};
use crate::steps::{fields, Choice, Control, Field, StepNav};
use crate::{fmt, now_ms, AppState};

const BASE: &str = "/ansatt/registrer";

fn error_text(lang: Lang, e: &FieldError) -> String {
    lang.t_args(e.key, &e.args)
}

/// Puts each error next to its field; returns the error summary's (anchor, text) list.
fn with_errors(lang: Lang, fields: &mut [Field], errors: &[FieldError]) -> Vec<(String, String)> {
    for f in fields.iter_mut() {
        f.error = errors.iter().find(|e| e.field == f.name).map(|e| error_text(lang, e));
    }
    fields.iter().filter_map(|f| f.error.as_ref().map(|e| (f.anchor(), format!("{}: {e}", f.label)))).collect()
}

fn start_fields(app: &AppState, lang: Lang, form: &StartForm) -> Vec<Field> {
    let mut kommuner: Vec<Choice> =
        app.kommuner.by_name().into_iter().map(|k| Choice { value: k.nummer.as_str().to_owned(), label: k.navn.clone(), checked: k.nummer.as_str() == form.kommune }).collect();
    kommuner.truncate(400);
    let mut fnr = text("fnr", lang.t("assisted-fnr"), &form.fnr, "numeric", "medium");
    fnr.hint = Some(lang.t("assisted-fnr-hint"));
    let mut reason = field("grunn", lang.t("assisted-reason"), &form.reason, Control::Textarea);
    reason.hint = Some(lang.t("assisted-reason-hint"));
    vec![fnr, field("kommune", lang.t("assisted-kommune"), &form.kommune, Control::Radio(kommuner)), reason]
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

/// `GET /ansatt/registrer`.
pub async fn start_page(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(done): Query<Done>) -> Result<Response, AppError> {
    let done = (done.gjort.as_deref() == Some("person")).then(|| lang.t("without-eid-done"));
    show_start(&app, lang, &session, &staff, &StartForm::default(), &[], done).await
}

async fn show_start(app: &AppState, lang: Lang, session: &Session, staff: &Staff, form: &StartForm, errors: &[FieldError], done: Option<String>) -> Result<Response, AppError> {
    let drafts = app.cases.registrations(staff, now_ms()).await?;
    let mut names = Vec::new();
    for d in &drafts {
        let name = app.store.person(&d.owner).await?.map(|p| p.fullt_navn()).unwrap_or_default();
        names.push((format!("{BASE}/{}/{}", d.draft.id, Step::Nodhjelp.slug()), name, fmt::date_time(d.draft.updated_ms)));
    }
    let mut fields = start_fields(app, lang, form);
    let errors = with_errors(lang, &mut fields, errors);
    let invalid = !errors.is_empty();
    let page = RegisterStartPage {
        ctx: context(app, lang, BASE, session).await?,
        fields,
        errors,
        drafts: names,
        paper_forms: Lang::ALL.iter().map(|l| (format!("/papirskjema/{}.pdf", l.code()), l.own_name().to_owned())).collect(),
        done,
    };
    let mut response = render(&page);
    if invalid {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `POST /ansatt/registrer`: starts the registration, then the first step.
pub async fn start(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let typed = StartForm {
        fnr: form.get("fnr").unwrap_or_default().to_owned(),
        kommune: form.get("kommune").unwrap_or_default().to_owned(),
        reason: form.get("grunn").unwrap_or_default().to_owned(),
    };
    match app.cases.start_registration(&staff, &typed, now_ms()).await? {
        Ok(id) => Ok(Redirect::to(&format!("{BASE}/{id}/{}", Step::Nodhjelp.slug())).into_response()),
        Err(errors) => show_start(&app, lang, &session, &staff, &typed, &errors, None).await,
    }
}

/// The step page of a staff draft, the person's own template under `/ansatt/registrer`.
async fn step_page(app: &AppState, lang: Lang, session: &Session, r: &Registering, step: Step, errors: &[FieldError]) -> Result<Response, AppError> {
    let nav = StepNav::under(BASE, lang, &r.draft.draft.id, step);
    let groups = fields(lang, step, &r.draft.draft.answers, errors);
    let error_list = groups.iter().flat_map(|g| g.fields.iter()).filter_map(|f| f.error.as_ref().map(|e| (f.anchor(), format!("{}: {e}", f.label)))).collect();
    let mut register = vec![(lang.t("register-name"), r.person.fullt_navn()), (lang.t("register-fnr"), r.person.fnr.as_str().to_owned())];
    if step == Step::Personalia {
        if let Some(a) = &r.person.adresse {
            register.push((lang.t("register-address"), a.one_line()));
        }
    }
    let mut ctx = context(app, lang, &nav.action(), session).await?;
    ctx.lang_form = Some("steg");
    let page = StepPage {
        ctx,
        nav,
        groups,
        errors: error_list,
        emergency: None,
        intro: Some(lang.t_args("assisted-step-intro", &[("name", r.person.fullt_navn())])),
        expires: lang.t_args("draft-expiry", &[("date", fmt::date(velferd_domain::application::draft_expires_at(r.draft.draft.updated_ms)))]),
        register,
        notice: None,
    };
    let mut response = render(&page);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /ansatt/registrer/{id}/{step}`.
pub async fn show_step(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path((id, slug)): Path<(String, String)>) -> Result<Response, AppError> {
    let step = Step::from_slug(&slug).ok_or(AppError::NotFound)?;
    let r = app.cases.registering(&staff, &id, now_ms()).await?;
    if step == Step::Oppsummering {
        return send_page(&app, lang, &session, &staff, &r, Said { form: &SendForm::default(), errors: &[], scan_error: None }).await;
    }
    step_page(&app, lang, &session, &r, step, &[]).await
}

/// `POST /ansatt/registrer/{id}/{step}`: saves, then next, back or the errors — as the person's
/// own step does.
pub async fn save_step(
    State(app): State<AppState>,
    lang: Lang,
    session: Session,
    staff: Staff,
    Path((id, slug)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let step = Step::from_slug(&slug).filter(|s| *s != Step::Oppsummering).ok_or(AppError::NotFound)?;
    let (r, errors) = app.cases.save_registration_step(&staff, &id, step, &form.0, now_ms()).await?;
    let here = format!("{BASE}/{id}/{}", step.slug());
    if let Some(chosen) = form.get("sprak").and_then(Lang::from_code) {
        return Ok(Redirect::to(&format!("{here}?lang={}", chosen.code())).into_response());
    }
    match form.get("handling").unwrap_or("neste") {
        "tilbake" => Ok(Redirect::to(&step.previous().map_or_else(|| BASE.to_owned(), |p| format!("{BASE}/{id}/{}", p.slug()))).into_response()),
        "legg-til-barn" => Ok(Redirect::to(&format!("{here}#barn-{}", velferd_domain::application::antall_barn(&r.draft.draft.answers))).into_response()),
        "fjern-barn" => Ok(Redirect::to(&here).into_response()),
        _ if errors.is_empty() => Ok(Redirect::to(&format!("{BASE}/{id}/{}", step.next().unwrap_or(Step::Oppsummering).slug())).into_response()),
        _ => step_page(&app, lang, &session, &r, step, &errors).await,
    }
}

fn send_fields(lang: Lang, form: &SendForm, staff_name: &str, open: bool) -> Vec<Field> {
    let r = &form.registration;
    let channels =
        Channel::REGISTERED.iter().map(|c| Choice { value: c.slug().to_owned(), label: lang.t(&format!("channel-{}", c.slug())), checked: r.channel == c.slug() }).collect();
    let checks = IDENTITY_CHECKS.iter().map(|c| Choice { value: (*c).to_owned(), label: lang.t(&format!("identity-{c}")), checked: r.identity_check == *c }).collect();
    let languages = Lang::ALL
        .iter()
        .map(|l| Choice { value: l.code().to_owned(), label: l.own_name().to_owned(), checked: form.language == l.code() || (form.language.is_empty() && *l == Lang::Nb) })
        .collect();
    let mut identity = field("legitimasjon", lang.t("assisted-identity"), &r.identity_check, Control::Radio(checks));
    identity.hint = Some(lang.t("assisted-identity-hint"));
    let mut checked_by = text("kontrollert_av", lang.t("assisted-checked-by"), &r.identity_checked_by, "text", "medium");
    checked_by.hint = Some(lang.t_args("assisted-checked-by-hint", &[("name", staff_name.to_owned())]));
    let mut out = vec![
        field("kanal", lang.t("assisted-channel"), &r.channel, Control::Radio(channels)),
        identity,
        checked_by,
        field("sprak_brev", lang.t("assisted-language"), &form.language, Control::Radio(languages)),
        field("bekreftet", lang.t("assisted-confirmed"), "", Control::Tick { checked: r.person_confirmed }),
    ];
    if open {
        out.push(field("tross_apen", lang.t("assisted-duplicate-confirm"), "", Control::Tick { checked: r.duplicate_confirmed }));
    }
    out
}

/// What the last page says besides the draft: the form as typed, its errors, a refused scan.
struct Said<'a> {
    form: &'a SendForm,
    errors: &'a [FieldError],
    scan_error: Option<String>,
}

async fn send_page(app: &AppState, lang: Lang, session: &Session, staff: &Staff, r: &Registering, said: Said<'_>) -> Result<Response, AppError> {
    let Said { form, errors, scan_error } = said;
    let id = &r.draft.draft.id;
    let (summary_rows, problems) = match parse_application(&r.draft.draft.answers) {
        Ok(a) => (summary(&a, &r.draft.draft.answers), vec![]),
        Err(problems) => (vec![], problems),
    };
    let summary_rows = summary_rows
        .into_iter()
        .map(|s| {
            (
                lang.t(&format!("step-{}-title", s.step.slug())),
                format!("{BASE}/{id}/{}", s.step.slug()),
                s.rows.into_iter().map(|row| (crate::pdf::label(lang, &row), crate::pdf::value(lang, &row.value))).collect(),
            )
        })
        .collect();
    let problems: Vec<(String, String)> = problems
        .into_iter()
        .filter(|(s, _)| *s != Step::Oppsummering)
        .map(|(s, e)| (format!("{BASE}/{id}/{}", s.slug()), format!("{}: {}", lang.t(&format!("step-{}-title", s.slug())), error_text(lang, &e))))
        .collect();
    let mut fields = send_fields(lang, form, &staff.name, !r.open.is_empty());
    let mut error_list = with_errors(lang, &mut fields, errors);
    if let Some(e) = errors.iter().find(|e| e.field == "original") {
        error_list.push(("f-original".to_owned(), format!("{}: {}", lang.t("assisted-scan"), error_text(lang, e))));
    }
    let scan_error = scan_error.or_else(|| errors.iter().find(|e| e.field == "original").map(|e| error_text(lang, e)));
    if let Some(e) = &scan_error {
        if !error_list.iter().any(|(a, _)| a == "f-original") {
            error_list.push(("f-original".to_owned(), format!("{}: {e}", lang.t("assisted-scan"))));
        }
    }
    let kommune = app.kommuner.get(&r.draft.draft.kommunenummer);
    let invalid = !error_list.is_empty() || !problems.is_empty();
    let page = RegisterSendPage {
        ctx: context(app, lang, &format!("{BASE}/{id}/send"), session).await?,
        action: format!("{BASE}/{id}/send"),
        person: format!("{} ({})", r.person.fullt_navn(), r.person.fnr.as_str()),
        kommune: kommune.map(|k| format!("{} – {}", k.navn, k.kontor.navn)).unwrap_or_default(),
        kommune_reason: r.draft.kommune_reason.clone(),
        open: r.open.iter().map(|(_, reference, sent)| (reference.clone(), fmt::date(*sent))).collect(),
        problems,
        summary: summary_rows,
        fields,
        errors: error_list,
        scan: r.scan.iter().map(|f| (f.name.clone(), f.pages)).collect(),
        scan_error,
    };
    let mut response = render(&page);
    if invalid {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `POST /ansatt/registrer/{id}/send` (multipart: the fields and the scanned original): keeps a
/// chosen scan, then registers — or shows the page again with every fault and everything kept.
pub async fn send(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, mut multipart: Multipart) -> Result<Response, AppError> {
    let mut values: Vec<(String, String)> = Vec::new();
    let mut scans: Vec<(String, Vec<u8>)> = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(AppError::TooLarge),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "original" {
            let file_name = velferd_domain::text::display_name(field.file_name().unwrap_or_default(), 100);
            let bytes = field.bytes().await.map_err(|_| AppError::TooLarge)?;
            if !bytes.is_empty() {
                scans.push((file_name, bytes.to_vec()));
            }
        } else {
            values.push((name, field.text().await.unwrap_or_default()));
        }
    }
    let form = FormData(values);
    session::verify_csrf(&session, &form).await?;
    let now = now_ms();
    let limits = app.config.uploads;
    let mut scan_error = None;
    for (name, bytes) in scans {
        if bytes.len() > limits.max_file_bytes {
            scan_error = Some(crate::routes::upload_message(&app, lang, "too-large", &name));
            continue;
        }
        if let Err(code) = app.cases.keep_scan(&staff, &id, &name, bytes, &limits.conversion(), now).await? {
            scan_error = Some(crate::routes::upload_message(&app, lang, code, &name));
        }
    }
    let typed = SendForm {
        registration: RegistrationForm {
            channel: form.get("kanal").unwrap_or_default().to_owned(),
            identity_check: form.get("legitimasjon").unwrap_or_default().to_owned(),
            identity_checked_by: form.get("kontrollert_av").unwrap_or_default().to_owned(),
            has_scan: false,
            duplicate_confirmed: form.get("tross_apen") == Some("ja"),
            person_confirmed: form.get("bekreftet") == Some("ja"),
        },
        language: form.get("sprak_brev").unwrap_or_default().to_owned(),
    };
    if scan_error.is_some() || form.get("handling") == Some("legg-til") {
        let r = app.cases.registering(&staff, &id, now).await?;
        return send_page(&app, lang, &session, &staff, &r, Said { form: &typed, errors: &[], scan_error }).await;
    }
    match app.cases.register_application(&staff, &id, &typed, &limits.conversion(), now).await? {
        Registered::Sent(sent) => Ok(Redirect::to(&format!("/ansatt/saker/{}?gjort=registrert", sent.id)).into_response()),
        Registered::Incomplete { fields, .. } => {
            let r = app.cases.registering(&staff, &id, now).await?;
            send_page(&app, lang, &session, &staff, &r, Said { form: &typed, errors: &fields, scan_error: None }).await
        }
    }
}

fn person_fields(lang: Lang, fnr: &str, f: &WithoutEidForm) -> Vec<Field> {
    let checks = IDENTITY_CHECKS.iter().map(|c| Choice { value: (*c).to_owned(), label: lang.t(&format!("identity-{c}")), checked: f.identity_check == *c }).collect();
    let kinds = CONTACT_KINDS.iter().map(|k| Choice { value: (*k).to_owned(), label: lang.t(&format!("contact-kind-{k}")), checked: f.contact_kind == *k }).collect();
    let mut phone = text("telefon", lang.t("without-eid-phone"), &f.phone, "tel", "medium");
    phone.hint = Some(lang.t("without-eid-phone-hint"));
    let mut contact = text("kontakt_navn", lang.t("without-eid-contact-name"), &f.contact_name, "text", "wide");
    contact.hint = Some(lang.t("without-eid-contact-hint"));
    vec![
        text("fnr", lang.t("assisted-fnr"), fnr, "numeric", "medium"),
        field("legitimasjon", lang.t("assisted-identity"), &f.identity_check, Control::Radio(checks)),
        phone,
        contact,
        field("kontakt_type", lang.t("without-eid-contact-kind"), &f.contact_kind, Control::Radio(kinds)),
        text("kontakt_telefon", lang.t("without-eid-contact-phone"), &f.contact_phone, "tel", "medium"),
    ]
}

async fn person_page(app: &AppState, lang: Lang, session: &Session, fnr: &str, form: &WithoutEidForm, errors: &[FieldError]) -> Result<Response, AppError> {
    let mut fields = person_fields(lang, fnr, form);
    let errors = with_errors(lang, &mut fields, errors);
    let invalid = !errors.is_empty();
    let page = RegisterPersonPage { ctx: context(app, lang, &format!("{BASE}/person"), session).await?, fields, errors };
    let mut response = render(&page);
    if invalid {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /ansatt/registrer/person`: register a person without electronic ID.
pub async fn person_form(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff) -> Result<Response, AppError> {
    if velferd_domain::staff::CaseAccess::for_staff(&staff.roles, &staff.office).is_none() {
        return Err(AppError::Forbidden);
    }
    person_page(&app, lang, &session, "", &WithoutEidForm::default(), &[]).await
}

/// `POST /ansatt/registrer/person`.
pub async fn register_person(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let fnr = form.get("fnr").unwrap_or_default();
    let typed = WithoutEidForm {
        phone: form.get("telefon").unwrap_or_default().to_owned(),
        identity_check: form.get("legitimasjon").unwrap_or_default().to_owned(),
        contact_name: form.get("kontakt_navn").unwrap_or_default().to_owned(),
        contact_phone: form.get("kontakt_telefon").unwrap_or_default().to_owned(),
        contact_kind: form.get("kontakt_type").unwrap_or_default().to_owned(),
    };
    match app.cases.register_without_eid(&staff, fnr, &typed, now_ms()).await? {
        Ok(()) => Ok(Redirect::to(&format!("{BASE}?gjort=person")).into_response()),
        Err(errors) => person_page(&app, lang, &session, fnr, &typed, &errors).await,
    }
}
