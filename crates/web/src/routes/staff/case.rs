//! `/ansatt/saker/{id}`: one case's file — the answers as sent, every document (each a PDF, and one
//! merged PDF), letters, requests and whether they were answered, the timeline, the office's
//! internal notes — with the caseworker's actions. Also the application PDF and single documents.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use tower_sessions::Session;
use velferd_cases::office::CaseFile;
use velferd_domain::application::{as_sent, for_others};
use velferd_domain::case_view::Text;
use velferd_domain::office::{DAY, DEFAULT_DEADLINE_DAYS, REQUESTABLE};

use super::{pdf_response, protection_key, status_text};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::staff::{ActionForm, CasePage, Choice};
use crate::pages::{render, DocLink, Line, SummaryItem};
use crate::routes::{context, document_label};
use crate::session::Staff;
use crate::{fmt, now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct Done {
    gjort: Option<String>,
}

pub async fn case(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, Query(done): Query<Done>) -> Result<Response, AppError> {
    let file = app.cases.case_file(&staff, &id, now_ms()).await?;
    let done = done.gjort.and_then(|action| lang.try_t(&format!("staff-done-{action}")));
    page(&app, lang, &session, &staff, &file, ActionForm::default(), done, false).await
}

/// `2026-12-07`, as a date field wants it.
fn iso_date(ms: i64) -> String {
    let t = fmt::oslo(ms);
    format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// The case file page, with `form` as typed (after a refusal) and a confirmation or conflict notice.
#[allow(clippy::too_many_arguments)]
pub(super) async fn page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    staff: &Staff,
    file: &CaseFile,
    form: ActionForm,
    done: Option<String>,
    conflict: bool,
) -> Result<Response, AppError> {
    let now = now_ms();
    let sent = &file.case.application;
    let id = &sent.id;
    let mut applicant = vec![
        SummaryItem { label: lang.t("register-name"), value: file.person.as_ref().map(|p| p.fullt_navn()).unwrap_or_default() },
        SummaryItem { label: lang.t("register-fnr"), value: file.case.owner.as_str().to_owned() },
    ];
    // A protected address is never shown; everyone else's register address is.
    let hide_address = file.case.protection.is_some();
    if !hide_address {
        if let Some(a) = file.person.as_ref().and_then(|p| p.adresse.as_ref()) {
            applicant.push(SummaryItem { label: lang.t("register-address"), value: a.one_line() });
        }
    }
    // The answers as sent (stored with the application), never re-validated under today's rules.
    let answers = for_others(as_sent(sent.summary.as_deref(), &sent.answers), hide_address)
        .into_iter()
        .map(|s| {
            let items = s.rows.iter().map(|r| SummaryItem { label: crate::pdf::label(lang, r), value: crate::pdf::value(lang, &r.value) }).collect();
            (lang.t(&format!("step-{}-title", s.step.slug())), items)
        })
        .collect();
    let documents = file
        .insight
        .submissions
        .iter()
        .flat_map(|s| {
            let when = fmt::date_time(s.created_ms);
            let key = if s.with_application { "staff-case-document-with-application" } else { "staff-case-document-later" };
            s.documents.iter().map(move |d| (when.clone(), key, d))
        })
        .map(|(when, key, d)| DocLink {
            label: document_label(lang, &d.kind, &d.tilleggsinfo),
            href: format!("/ansatt/saker/{id}/dokumenter/{}.pdf", d.sha256),
            detail: lang.t_args(key, &[("date", when)]),
        })
        // Files sent with messages are part of the record too.
        .chain(file.message_attachments.iter().map(|(m, a)| DocLink {
            label: lang.t_args("message-attachment", &[("files", a.file_names.join(", "))]),
            href: format!("/ansatt/saker/{id}/meldinger/vedlegg/{}.pdf", a.sha256),
            detail: lang.t_args(
                "archive-attachment-with-message",
                &[("who", crate::routes::archive::author(app, lang, m, &file.person.as_ref().map(|p| p.fullt_navn()).unwrap_or_default())), ("date", fmt::date_time(m.created_ms))],
            ),
        }))
        .collect();
    let letters = file
        .letters
        .iter()
        .map(|l| {
            let sent_text = lang.t_args("case-letter-sent", &[("date", fmt::date(l.created_ms))]);
            let read = match l.first_opened_ms {
                Some(at) => lang.t_args("staff-case-letter-opened", &[("date", fmt::date_time(at))]),
                None => lang.t("staff-case-letter-unopened"),
            };
            DocLink { label: l.title.clone(), href: format!("/ansatt/saker/{id}/dokumenter/{}.pdf", l.sha256), detail: format!("{sent_text}. {read}") }
        })
        .collect();
    let requests = file
        .insight
        .requests
        .iter()
        .map(|r| {
            let label = document_label(lang, &r.oppgave.dokumenttype, r.oppgave.tilleggsinformasjon.as_deref().unwrap_or(&r.oppgave.dokumenttype));
            let deadline = fmt::norwegian_date(&r.oppgave.innsendelsesfrist);
            let detail = match r.answered_at {
                Some(at) => lang.t_args("staff-case-request-answered", &[("date", fmt::date_time(at))]),
                None if r.deadline.is_some_and(|d| d < now) => lang.t_args("staff-case-request-overdue", &[("date", deadline)]),
                None => lang.t_args("staff-case-request-open", &[("date", deadline)]),
            };
            DocLink { label, href: String::new(), detail }
        })
        .collect();
    let timeline =
        file.insight.view.timeline.iter().map(|e| Line { text: super::super::cases::translate(lang, &for_office(&e.text), app), detail: fmt::date_time(e.at) }).collect();
    let journal = file.journal.iter().rev().map(|j| Line { text: journal_text(lang, j), detail: fmt::date_time(j.at_ms) }).collect();
    let assignee = file.state.assignee.as_ref();
    let chosen: Vec<String> =
        if form.action == "etterspor" { form.values.get("dokumenter").map(|v| v.split('\n').map(str::to_owned).collect()).unwrap_or_default() } else { vec![] };
    let document_types = REQUESTABLE
        .iter()
        .map(|(kind, extra)| {
            let value = format!("{kind}.{extra}");
            Choice { label: document_label(lang, kind, extra), checked: chosen.contains(&value), value }
        })
        .collect();
    let colleagues = file
        .colleagues
        .iter()
        .filter(|c| c.subject != staff.subject)
        .map(|c| Choice { value: c.subject.clone(), label: c.name.clone(), checked: form.v("tildel", "saksbehandler") == c.subject })
        .collect();
    // Letters go out in the language the person applied in, unless the caseworker picks another.
    let applied_in = file.case.application.answers.language().and_then(Lang::from_code);
    let letter_lang = form.values.get("sprak").cloned().unwrap_or_else(|| applied_in.unwrap_or(lang).code().to_owned());
    let languages = Lang::ALL.into_iter().map(|l| Choice { value: l.code().to_owned(), label: l.own_name().to_owned(), checked: l.code() == letter_lang }).collect();
    let channel = file.channel.as_ref().map(|c| channel_lines(lang, c)).unwrap_or_default();
    let callbacks = file
        .callbacks
        .iter()
        .map(|c| {
            let window = lang.t_args("callback-window", &[("from", fmt::date_time(c.window_start_ms)), ("to", fmt::date_time(c.window_end_ms))]);
            match (&c.done_ms, &c.done_by_name) {
                (Some(at), name) => lang.t_args("staff-case-callback-done", &[("window", window), ("name", name.clone().unwrap_or_default()), ("date", fmt::date_time(*at))]),
                (None, _) => lang.t_args("staff-case-callback-open", &[("window", window), ("phone", c.phone.clone())]),
            }
        })
        .collect();
    let page = CasePage {
        channel,
        callbacks,
        ctx: context(app, lang, &format!("/ansatt/saker/{id}"), session).await?,
        reference: sent.reference.clone(),
        received: fmt::date_time(sent.sent_ms),
        applied_in: applied_in.map(|l| lang.t_args("staff-case-applied-in", &[("language", lang.t(&format!("language-name-{}", l.code())))])).unwrap_or_default(),
        waited: lang.t_n("staff-case-waited", "days", (now - sent.sent_ms).max(0) / DAY),
        emergency: sent.emergency && file.state.open,
        status: status_text(lang, file.state.status),
        protected: file.case.protection.map(|p| lang.t(protection_key(p))),
        assignee: assignee.map_or_else(|| lang.t("staff-inbox-unassigned"), |(_, name)| name.clone()),
        assigned_to_me: assignee.is_some_and(|(s, _)| s == &staff.subject),
        applicant,
        answers,
        documents,
        told: crate::pdf::document_lines(lang, sent).into_iter().map(|d| crate::pages::Line { text: d.label, detail: d.state }).collect(),
        merged_href: format!("/ansatt/saker/{id}/vedlegg.pdf"),
        letters,
        requests,
        timeline,
        journal,
        pdf_href: format!("/ansatt/saker/{id}/soknad.pdf"),
        decide_href: format!("/ansatt/saker/{id}/vedtak"),
        decide_summary: decide_summary(lang, file),
        action_href: format!("/ansatt/saker/{id}/handling"),
        version: file.state.version,
        case_system_owns: file.case_system_owns,
        open: file.state.open,
        can_take: file.state.status == velferd_formats::soker::SoknadsStatusVerdi::Mottatt,
        me: staff.subject.clone(),
        colleagues,
        document_types,
        languages,
        default_deadline: iso_date(now + DEFAULT_DEADLINE_DAYS * DAY),
        today: iso_date(now),
        form,
        done,
        conflict,
    };
    let refused = page.form.error.is_some() || conflict;
    let mut response = render(&page);
    if refused {
        *response.status_mut() = if conflict { axum::http::StatusCode::CONFLICT } else { axum::http::StatusCode::UNPROCESSABLE_ENTITY };
    }
    Ok(response)
}

/// A timeline entry as the office reads it: the citizen's timeline says "you" where the office
/// reads "the applicant".
pub(crate) fn for_office(text: &Text) -> Text {
    match text.key {
        "event-documents-sent" => Text { key: "staff-event-documents-sent", args: text.args.clone() },
        "event-message-written" => Text { key: "staff-event-message-written", args: text.args.clone() },
        "event-message-answered" => Text { key: "staff-event-message-answered", args: text.args.clone() },
        _ => text.clone(),
    }
}

/// An internal note or step of the office's journal (`office_journal`) in words, for the case file
/// and the office's archive copy.
pub(crate) fn journal_text(lang: Lang, j: &velferd_store::JournalEntry) -> String {
    match j.kind.as_str() {
        "notat" => lang.t_args("staff-journal-note", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "tildelt" if j.text == j.actor_name => lang.t_args("staff-journal-took", &[("name", j.actor_name.clone())]),
        "tildelt" => lang.t_args("staff-journal-assigned", &[("name", j.actor_name.clone()), ("to", j.text.clone())]),
        "fristilt" => lang.t_args("staff-journal-unassigned", &[("name", j.actor_name.clone())]),
        "etterspurt" => {
            // Named in the reader's language (entries from before hold the letter's words).
            let documents = match velferd_cases::office::actions::requested_in_journal(&j.text) {
                Some(asked) => asked
                    .iter()
                    .map(|(kind, extra)| match extra {
                        Some(extra) => crate::routes::document_label(lang, kind, extra),
                        None => kind.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                None => j.text.clone(),
            };
            lang.t_args("staff-journal-requested", &[("name", j.actor_name.clone()), ("documents", documents)])
        }
        "behandles-ikke" => lang.t_args("staff-journal-not-processed", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "under-behandling" => lang.t_args("staff-journal-processing", &[("name", j.actor_name.clone())]),
        "forelopig-svar" => lang.t_args("staff-journal-preliminary", &[("name", j.actor_name.clone()), ("date", j.text.clone())]),
        "sak" => lang.t_args("staff-journal-sak", &[("name", j.actor_name.clone()), ("title", j.text.clone())]),
        "utregning" => lang.t_args("staff-journal-calculation", &[("name", j.actor_name.clone()), ("amount", j.text.clone())]),
        "vedtak-utkast" => lang.t_args("staff-journal-decision-draft", &[("name", j.actor_name.clone())]),
        "vedtak-til-godkjenning" => lang.t_args("staff-journal-decision-submitted", &[("name", j.actor_name.clone())]),
        "vedtak-returnert" => lang.t_args("staff-journal-decision-returned", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "vedtak-fattet" => {
            let outcome = velferd_cases::office::decide::outcome(&j.text).map(|o| lang.t(velferd_cases::office::decide::outcome_key(o))).unwrap_or_else(|| j.text.clone());
            lang.t_args("staff-journal-decision-made", &[("name", j.actor_name.clone()), ("outcome", outcome)])
        }
        "utbetaling-planlagt" => lang.t_args("staff-journal-payment-planned", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "utbetaling-utbetalt" => lang.t_args("staff-journal-payment-paid", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "utbetaling-stoppet" => lang.t_args("staff-journal-payment-stopped", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "samtale" => lang.t_args("staff-journal-call-note", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "tilbakeringing" => lang.t_args("staff-journal-callback", &[("name", j.actor_name.clone()), ("text", j.text.clone())]),
        "tilbakeringt" if j.text == "kontakt" => lang.t_args("staff-journal-called-contact", &[("name", j.actor_name.clone())]),
        "tilbakeringt" => lang.t_args("staff-journal-called-no-answer", &[("name", j.actor_name.clone())]),
        other => format!("{}: {other} {}", j.actor_name, j.text),
    }
}

/// The calculation's amount and each decision's stage, for the case file.
fn decide_summary(lang: Lang, file: &CaseFile) -> Vec<String> {
    use velferd_cases::office::decide::{STAGE_APPROVED, STAGE_AWAITING, STAGE_RETURNED};
    let mut lines: Vec<String> =
        file.calculated_ore.map(|ore| lang.t_args("staff-case-decide-calculated", &[("amount", velferd_domain::ids::Belop::from_ore(ore).to_string())])).into_iter().collect();
    lines.extend(file.decisions.iter().map(|d| {
        let stage = lang.t(match d.stage.as_str() {
            STAGE_AWAITING => "vedtak-stage-awaiting",
            STAGE_RETURNED => "vedtak-stage-returned",
            STAGE_APPROVED => "vedtak-stage-approved",
            _ => "vedtak-stage-draft",
        });
        format!("{}: {stage}", lang.t_args("decide-decision-heading", &[("number", d.seq.to_string())]))
    }));
    lines
}

/// `/ansatt/saker/{id}/soknad.pdf`: the application as PDF, without any address for a protected person.
pub async fn application_pdf(State(app): State<AppState>, lang: Lang, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let case = app.cases.open_case(&staff, "read-application-pdf", &id, now_ms()).await?;
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

/// `/ansatt/saker/{id}/vedlegg.pdf`: every document on the case, with and after the application,
/// and the files sent with messages, merged into one PDF with a contents page.
pub async fn merged_pdf(State(app): State<AppState>, lang: Lang, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let case = app.cases.open_case(&staff, "read-file", &id, now_ms()).await?;
    let submissions = app.store.submissions(&id, &case.owner).await?;
    let mut items: Vec<(String, String)> =
        submissions.iter().flat_map(|s| s.documents.iter()).map(|d| (document_label(lang, &d.kind, &d.tilleggsinfo), d.sha256.clone())).collect();
    // Files sent with messages are part of the record too, after the documents.
    items.extend(
        app.store.messages(&id).await?.into_iter().filter_map(|m| m.attachment).map(|a| (lang.t_args("message-attachment", &[("files", a.file_names.join(", "))]), a.sha256)),
    );
    if items.is_empty() {
        return Err(AppError::NotFound);
    }
    let title = lang.t_args("staff-merged-title", &[("reference", case.application.reference.clone())]);
    let intro = vec![lang.t_n("staff-merged-count", "count", items.len() as i64)];
    let pdf = app.cases.merged_pdf(title, intro, &items).await?;
    Ok(pdf_response(pdf, &format!("dokumenter-{}.pdf", case.application.reference)))
}

/// `/ansatt/saker/{id}/dokumenter/{sha256}.pdf`: a document sent with or after the application, or
/// a letter on it.
pub async fn document(State(app): State<AppState>, staff: Staff, Path((id, file)): Path<(String, String)>) -> Result<Response, AppError> {
    let sha = file.strip_suffix(".pdf").unwrap_or(&file).to_owned();
    let (case, bytes, is_letter) = app.cases.staff_document(&staff, &id, &sha, now_ms()).await?;
    Ok(pdf_response(bytes, &format!("{}-{}.pdf", if is_letter { "brev" } else { "dokument" }, case.application.reference)))
}

/// `/ansatt/saker/{id}/arkiv.pdf`: the office's archive copy of the whole case — the application as
/// sent, the timeline, the conversation, letters, documents and the internal notes — logged as
/// `read-archive`.
pub async fn archive_pdf(State(app): State<AppState>, lang: Lang, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let record = app.cases.office_record(&staff, &id, now_ms()).await?;
    let bytes = crate::routes::archive::pdf(&app, lang, &record).await?;
    Ok(pdf_response(bytes, &format!("arkiv-{}.pdf", record.application.reference)))
}

/// How an application came in, in words (nothing for the person's own digital one).
fn channel_lines(lang: Lang, c: &velferd_store::ApplicationChannel) -> Vec<String> {
    if c.channel == velferd_domain::assisted::Channel::Digital {
        return vec![];
    }
    let mut out = vec![lang.t_args("staff-case-channel", &[("channel", super::contact::channel_text(lang, c.channel))])];
    match &c.registered_by {
        // A helper with the person's power of attorney recorded, signed in, that they helped.
        Some((by, name)) if by.starts_with("fullmektig:") => out.push(lang.t_args("staff-case-assisted-by-helper", &[("name", name.clone())])),
        Some((_, name)) => out.push(lang.t_args("staff-case-registered-by", &[("name", name.clone())])),
        None => {}
    }
    if let Some(how) = &c.identity_check {
        out.push(lang.t_args("staff-case-identity", &[("how", lang.t(&format!("identity-{how}"))), ("name", c.identity_checked_by.clone().unwrap_or_default())]));
    }
    if let Some(reason) = &c.kommune_reason {
        out.push(lang.t_args("staff-case-kommune-reason", &[("reason", reason.clone())]));
    }
    out
}
