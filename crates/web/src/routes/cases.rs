//! "My applications": each application the citizen sent, where it stands in plain words, what to do
//! next, decisions, payments and what happened when. Everything shown comes from the innsyn fold
//! over the application's events.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;
use velferd_domain::case_view::{Headline, Text};
use velferd_domain::innsyn::{SakStatus, UtbetalingStatus};
use velferd_domain::kommune::OfficeLabel;
use velferd_formats::soker::{Filreferanse, Utfall};
use velferd_store::{Power, StoredApplication};

use super::helpers::helper_lines;
use super::messages::{dialogue_view, MessagePosted};
use super::{context, office_info};
use crate::error::AppError;
use crate::fmt::norwegian_date as date_text;
use crate::i18n::Lang;
use crate::pages::{render, CaseListItem, CasePage, CasesPage, DocLink, HelperForm, Line};
use crate::session::Citizen;
use crate::{fmt, now_ms, AppState};

pub(crate) fn translate(lang: Lang, t: &Text, app: &AppState) -> String {
    let args: Vec<(&'static str, String)> = t
        .args
        .iter()
        .map(|(k, v)| {
            // Offices are named, not numbered.
            let v = if *k == "office" { office_name(app, lang, v) } else { v.clone() };
            (*k, v)
        })
        .collect();
    lang.t_args(t.key, &args)
}

/// An office by name; one the catalogue does not know reads "another NAV office (4612)" (never a
/// bare number), and is logged so the operator can add it to `data/kommuner.json`.
pub(crate) fn office_name(app: &AppState, lang: Lang, enhetsnummer: &str) -> String {
    match app.kommuner.office_label(enhetsnummer) {
        OfficeLabel::Named(name) => name.to_owned(),
        OfficeLabel::Unknown { enhetsnummer, text } => {
            tracing::warn!(office = enhetsnummer, "a case event names an office not in the catalogue");
            lang.t_args(text.key, &text.args)
        }
    }
}

/// The format's kroner (a number with øre as decimals) as the page writes an amount, øre kept.
fn kroner(belop: f64) -> String {
    velferd_domain::ids::Belop::from_ore((belop * 100.0).round() as i64).to_string()
}

pub async fn list(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen) -> Result<Response, AppError> {
    let mut items = Vec::new();
    for sent in app.store.applications_of(&citizen.fnr).await? {
        let insight = app.cases.insight(&sent, &citizen.fnr).await?;
        items.push(CaseListItem {
            href: format!("/mine-soknader/{}", sent.id),
            title: lang.t_args("cases-item-title", &[("date", fmt::date(sent.sent_ms))]),
            status: lang.t(insight.view.headline.key()),
            office: app.kommuner.get(&sent.kommunenummer).map(|k| k.kontor.navn.clone()).unwrap_or_default(),
            tasks: insight.task_count(),
            tasks_text: lang.t_args("cases-item-tasks", &[("count", insight.task_count().to_string())]),
        });
    }
    // Applications the signed-in person helps someone else with (a power of attorney).
    let mut helping = Vec::new();
    for (sent, power, owner) in app.store.helped_applications(&citizen.fnr, now_ms()).await? {
        let name = app.store.person(&owner).await?.map(|p| p.fullt_navn()).unwrap_or_else(|| power.helper_name.clone());
        let insight = app.cases.insight(&sent, &owner).await?;
        helping.push(CaseListItem {
            href: format!("/fullmakt/{}", sent.id),
            title: lang.t_args("helping-item-title", &[("name", name), ("date", fmt::date(sent.sent_ms))]),
            status: lang.t(insight.view.headline.key()),
            office: app.kommuner.get(&sent.kommunenummer).map(|k| k.kontor.navn.clone()).unwrap_or_default(),
            tasks: insight.task_count(),
            tasks_text: lang.t_args("cases-item-tasks", &[("count", insight.task_count().to_string())]),
        });
    }
    let drafts = app.store.drafts_of(&citizen.fnr, now_ms()).await?.iter().map(|d| super::apply::draft_info(&app, d)).collect();
    Ok(render(&CasesPage { ctx: context(&app, lang, "/mine-soknader", &session).await?, drafts, items, helping }))
}

/// `?melding=sendt[&akutt=ja]`: a message was just sent (with the emergency box ticked).
#[derive(serde::Deserialize, Default)]
pub struct Shown {
    melding: Option<String>,
    akutt: Option<String>,
    klage: Option<String>,
    forsinkelse: Option<String>,
}

pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, citizen: Citizen, Path(id): Path<String>, Query(shown): Query<Shown>) -> Result<Response, AppError> {
    let sent = app.store.application(&id, &citizen.fnr).await?.ok_or(AppError::NotFound)?;
    let just_sent = shown.melding.as_deref() == Some("sendt");
    let appeal_received = shown.klage.as_deref() == Some("mottatt");
    let message = MessagePosted {
        just_sent,
        emergency_sent: just_sent && shown.akutt.as_deref() == Some("ja"),
        appeal_received,
        appeal_late_ask: appeal_received && shown.forsinkelse.as_deref() == Some("ja"),
        ..MessagePosted::default()
    };
    case_page(&app, lang, &session, &sent, &citizen, &Mode::Owner(HelperForm::default(), message)).await
}

/// Who is looking: the citizen (with the helper and message forms as last posted), or a helper
/// with a power.
pub(crate) enum Mode {
    Owner(HelperForm, MessagePosted),
    /// A helper, with their message form as last posted (when the power covers the conversation).
    Helper(Power, MessagePosted),
}

/// The case page. A helper sees what their power covers: where the case stands, what the office
/// asks for, decisions, payments, conditions and the timeline — not the answers, documents,
/// letters or the audit list — and can send documents only if the power says so.
pub(crate) async fn case_page(app: &AppState, lang: Lang, session: &Session, sent: &StoredApplication, citizen: &Citizen, mode: &Mode) -> Result<Response, AppError> {
    let id = sent.id.clone();
    let owner_view = matches!(mode, Mode::Owner(..));
    let kommune = app.kommuner.get(&sent.kommunenummer).ok_or_else(|| AppError::Internal("unknown municipality".into()))?;
    let insight = app.cases.insight(sent, &citizen.fnr).await?;
    let view = &insight.view;
    let innsyn = &view.innsyn;

    // A helper's pages speak of the person they help, by name.
    let owner_name = match mode {
        Mode::Helper(..) => app.store.person(&citizen.fnr).await?.map(|p| p.fullt_navn()).unwrap_or_default(),
        Mode::Owner(..) => String::new(),
    };
    let helped = (!owner_view).then_some(owner_name.as_str());
    let explanation = match view.headline {
        Headline::Received | Headline::BeingProcessed => {
            crate::pages::helper_say(lang, &format!("{}-text", view.headline.key()), helped, &[("date", view.expected_by.map(fmt::date).unwrap_or_default())])
        }
        Headline::Decided | Headline::NotProcessed => crate::pages::helper_say(lang, &format!("{}-text", view.headline.key()), helped, &[]),
    };
    // Each requested document links to an upload page for just that request; the field numbers
    // are the request's place in the list, as the upload page builds it from the same fold.
    let upload_href = match mode {
        Mode::Owner(..) => format!("/mine-soknader/{id}/dokumenter"),
        Mode::Helper(power, _) if power.may_send_documents => format!("/fullmakt/{id}/dokumenter"),
        Mode::Helper(..) => String::new(),
    };
    // A request answered by a document sent after it leaves the list (the rule in contracts.md);
    // each link keeps the request's place in the full list, as the upload page numbers them.
    let tasks = insight
        .open_requests()
        .map(|(i, r)| DocLink {
            label: super::document_label(lang, &r.oppgave.dokumenttype, r.oppgave.tilleggsinformasjon.as_deref().unwrap_or(&r.oppgave.dokumenttype)),
            href: if upload_href.is_empty() { String::new() } else { format!("{upload_href}?krav={i}") },
            detail: lang.t_args("case-task-deadline", &[("date", date_text(&r.oppgave.innsendelsesfrist))]),
        })
        .chain(innsyn.dokumentasjonkrav.iter().map(|d| DocLink {
            label: d.tittel.clone(),
            href: upload_href.clone(),
            detail: d.frist.as_deref().map(|f| lang.t_args("case-task-deadline", &[("date", date_text(f))])).unwrap_or_default(),
        }))
        // What the application said would come later, until it is sent or the office asks itself.
        .chain(insight.promised.iter().map(|(kind, extra)| DocLink {
            label: super::document_label(lang, kind, extra),
            href: upload_href.clone(),
            detail: lang.t("case-task-promised"),
        }))
        .collect();
    let answered = insight
        .requests
        .iter()
        .filter_map(|r| {
            let at = r.answered_at?;
            let label = super::document_label(lang, &r.oppgave.dokumenttype, r.oppgave.tilleggsinformasjon.as_deref().unwrap_or(&r.oppgave.dokumenttype));
            Some(DocLink { label, href: String::new(), detail: lang.t_args("case-task-sent", &[("date", fmt::date(at))]) })
        })
        .collect();
    let letters = if owner_view { app.store.letters(&id, &citizen.fnr).await? } else { vec![] };
    let letter_href = |letter: &str| format!("/mine-soknader/{id}/brev/{letter}.pdf");
    // The calculation behind a decision, in the citizen's words; a helper's page leaves it out like the answers.
    let calculations = if owner_view {
        insight
            .calculations
            .iter()
            .map(|c| {
                let lines = c
                    .result
                    .lines
                    .iter()
                    .map(|l| {
                        let args: Vec<(&'static str, String)> =
                            l.citizen.args.iter().map(|(k, v)| (["age", "persons", "label"].into_iter().find(|n| n == k).unwrap_or("value"), v.clone())).collect();
                        let amount = velferd_domain::ids::Belop::from_ore(l.ore).to_string();
                        (lang.try_t_args(&l.citizen.key, &args).unwrap_or_default(), if l.section == "inntekt" { format!("− {amount}") } else { amount })
                    })
                    .collect();
                (lang.t_args("case-calculation-heading", &[("sak", c.sak.clone())]), lines, velferd_domain::ids::Belop::from_ore(c.amount_ore).to_string())
            })
            .collect()
    } else {
        vec![]
    };
    let decisions = innsyn
        .saker
        .iter()
        .flat_map(|s| {
            let pending = (s.vedtak.is_empty() && s.status == SakStatus::UnderBehandling).then(|| DocLink {
                label: s.tittel.clone(),
                href: String::new(),
                detail: lang.t("case-decision-pending"),
            });
            s.vedtak
                .iter()
                .map(|v| {
                    let key = match v.utfall {
                        Some(Utfall::Innvilget) => "case-decision-granted",
                        Some(Utfall::DelvisInnvilget) => "case-decision-partly",
                        Some(Utfall::Avslatt) => "case-decision-refused",
                        Some(Utfall::Avvist) => "case-decision-rejected",
                        None => "case-decision-made",
                    };
                    // The decision letter, when the office filed it here (a SvarUt letter comes by post).
                    let href = match &v.brev {
                        Some(Filreferanse::Dokumentlager { id: letter }) if letters.iter().any(|l| &l.id == letter) => letter_href(letter),
                        _ => String::new(),
                    };
                    DocLink { label: s.tittel.clone(), href, detail: lang.t_args(key, &[("date", date_text(&v.dato))]) }
                })
                .chain(pending)
                .collect::<Vec<_>>()
        })
        .collect();
    let letter_links = letters
        .iter()
        .map(|l| {
            let sent = lang.t_args("case-letter-sent", &[("date", fmt::date(l.created_ms))]);
            let read = match l.first_opened_ms {
                Some(at) => lang.t_args("case-letter-opened", &[("date", fmt::date_time(at))]),
                None => lang.t("case-letter-unopened"),
            };
            DocLink { label: l.title.clone(), href: letter_href(&l.id), detail: format!("{sent}. {read}") }
        })
        .collect();
    let payments = innsyn
        .utbetalinger
        .iter()
        .map(|u| {
            let (key, date) = match u.status {
                UtbetalingStatus::Utbetalt => ("case-payment-paid", u.utbetalingsdato.clone().or_else(|| u.forfallsdato.clone())),
                UtbetalingStatus::PlanlagtUtbetaling => ("case-payment-planned", u.forfallsdato.clone()),
                UtbetalingStatus::Stoppet => ("case-payment-stopped", u.forfallsdato.clone()),
            };
            Line { text: kroner(u.belop), detail: lang.t_args(key, &[("date", date.as_deref().map(date_text).unwrap_or_default())]) }
        })
        .collect();
    let conditions = innsyn.vilkar.iter().map(|v| Line { text: v.tittel.clone(), detail: String::new() }).collect();
    // One line per person and day ("NAV Frogner, Sara Lund – opened your application (3 times)").
    let looked = if !owner_view {
        vec![]
    } else {
        app.cases
            .looks(&id, &citizen.fnr)
            .await?
            .into_iter()
            .map(|look| {
                let actions = look
                    .actions
                    .iter()
                    .map(|(action, count)| {
                        let what = lang.try_t(&format!("audit-{action}")).unwrap_or_else(|| action.clone());
                        if *count > 1 {
                            lang.t_args("case-looked-times", &[("action", what), ("count", count.to_string())])
                        } else {
                            what
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                // Staff are named with their office ("NAV Frogner, Sara Lund"); a case system by its name.
                let who = match look.office.as_deref().and_then(|o| app.kommuner.kontor(o)) {
                    Some(office) if look.role != "fagsystem" => {
                        format!("{}, {}", office.navn, look.actor_name)
                    }
                    _ => look.actor_name,
                };
                Line { text: format!("{who} – {actions}"), detail: look.day }
            })
            .collect()
    };
    let documents = if !owner_view {
        vec![]
    } else {
        app.store
            .submissions(&id, &citizen.fnr)
            .await?
            .into_iter()
            .flat_map(|s| {
                let when = fmt::date_time(s.created_ms);
                s.documents.into_iter().map(move |d| (when.clone(), d))
            })
            .map(|(when, d)| {
                let label = super::document_label(lang, &d.kind, &d.tilleggsinfo);
                DocLink { label, href: format!("/mine-soknader/{id}/dokumenter/{}.pdf", d.sha256), detail: lang.t_args("case-document-sent", &[("date", when)]) }
            })
            .collect()
    };
    // What the citizen told the office about each document when sending, and the readability
    // warnings they were shown for pages they sent.
    let (told, told_warnings) = if owner_view {
        let told = crate::pdf::document_lines(lang, sent).into_iter().map(|d| Line { text: d.label, detail: d.state }).collect();
        let warnings = app
            .store
            .document_warnings(&id, &citizen.fnr)
            .await?
            .into_iter()
            .map(|w| {
                let (kind, tilleggsinfo) = w.slot.split_once('.').unwrap_or((w.slot.as_str(), w.slot.as_str()));
                let warning = w.warnings.iter().map(|c| lang.t(&format!("photo-fix-{c}"))).collect::<Vec<_>>().join(" ");
                lang.t_args(
                    "case-told-warning",
                    &[("document", super::document_label(lang, kind, tilleggsinfo)), ("number", (w.position + 1).to_string()), ("file", w.file_name), ("warning", warning)],
                )
            })
            .collect();
        (told, warnings)
    } else {
        (vec![], vec![])
    };
    let (helpers, helper_form) = match mode {
        Mode::Owner(form, _) => (helper_lines(app, lang, &id, citizen).await?, form.clone()),
        Mode::Helper(..) => (vec![], HelperForm::default()),
    };
    let path = match mode {
        Mode::Owner(..) => format!("/mine-soknader/{id}"),
        Mode::Helper(..) => format!("/fullmakt/{id}"),
    };
    // "You sent 2 documents" is the owner's; a helper reads who sent them in neutral words.
    let timeline = view
        .timeline
        .iter()
        .map(|e| {
            let for_helper = helped.and_then(|name| {
                let mut args = e.text.args.clone();
                args.push(("name", name.to_owned()));
                lang.try_t_args(&format!("helper-{}", e.text.key), &args)
            });
            Line { text: for_helper.unwrap_or_else(|| translate(lang, &e.text, app)), detail: fmt::date_time(e.at) }
        })
        .collect();
    let (posted, power) = match mode {
        Mode::Owner(_, posted) => (posted.clone(), None),
        Mode::Helper(power, posted) => (posted.clone(), Some(power)),
    };
    let dialogue = dialogue_view(app, lang, sent, citizen, kommune, &posted, power).await?;
    let meetings = if owner_view { super::meetings::citizen_meetings(app, lang, sent).await? } else { vec![] };
    let appeals = if owner_view { super::appeals::appeals_view(app, lang, sent, citizen, posted.appeal_received, posted.appeal_late_ask).await? } else { Default::default() };
    // A helper who filled it in together with the person may record so, signed in as themselves.
    let (assist, assisted_note) = match mode {
        Mode::Helper(power, _) => {
            let by_them = app.store.application_channel(&id).await?.and_then(|c| c.registered_by).is_some_and(|(by, _)| by == format!("fullmektig:{}", power.id));
            if by_them {
                (None, lang.t_args("helper-assist-recorded", &[("name", owner_name.clone())]))
            } else if app.cases.may_record_helper_assist(&power_helper(power)?, &id, crate::now_ms()).await? {
                (Some((lang.t_args("helper-assist-question", &[("name", owner_name.clone())]), format!("/fullmakt/{id}/fylt-ut-sammen"))), String::new())
            } else {
                (None, String::new())
            }
        }
        Mode::Owner(..) => (None, String::new()),
    };
    let page = CasePage {
        ctx: context(app, lang, &path, session).await?,
        dialogue,
        meetings,
        appeals,
        reference: sent.reference.clone(),
        sent: fmt::date(sent.sent_ms),
        stage: view.headline.stage(),
        status: lang.t(view.headline.key()),
        explanation,
        preliminary: innsyn.forelopig_svar,
        tasks,
        answered,
        decisions,
        calculations,
        payments,
        conditions,
        timeline,
        looked,
        documents,
        told,
        told_warnings,
        letters: letter_links,
        upload_href,
        emergency: sent.emergency && matches!(view.headline, Headline::Received | Headline::BeingProcessed),
        emergency_text: match mode {
            Mode::Owner(..) => lang.t_args("case-emergency-text", &[("office", kommune.kontor.navn.clone()), ("phone", kommune.kontor.telefon.clone())]),
            Mode::Helper(..) => {
                lang.t_args("helper-emergency-text", &[("name", owner_name.clone()), ("office", kommune.kontor.navn.clone()), ("phone", kommune.kontor.telefon.clone())])
            }
        },
        office: office_info(kommune),
        pdf_href: if owner_view { format!("/kvittering/{}/soknad.pdf", sent.id) } else { String::new() },
        archive_href: if owner_view { format!("/mine-soknader/{}/arkiv.pdf", sent.id) } else { String::new() },
        owner_view,
        acting_for: owner_name.clone(),
        helpers,
        grant_action: format!("/mine-soknader/{id}/fullmakt"),
        helper_errors: !helper_form.errors.is_empty(),
        periods: velferd_domain::fullmakt::PERIODS.iter().map(|m| (m.to_string(), lang.t(&format!("helper-months-{m}")))).collect(),
        helper_form,
        assist,
        assisted_note,
    };
    let mut response = render(&page);
    if page.helper_errors || page.dialogue.error.is_some() || page.dialogue.file_error.is_some() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The helper a power names (their fødselsnummer, which their sign-in matched to open the page).
fn power_helper(power: &velferd_store::Power) -> Result<velferd_domain::ids::Fodselsnummer, AppError> {
    velferd_domain::ids::Fodselsnummer::parse(&power.helper_fnr).map_err(|_| AppError::Internal("a power names an invalid fødselsnummer".into()))
}

/// A letter from the office, only to its owner. The first opening is recorded, so the office knows
/// the letter was read (the case page says when, too).
pub async fn letter(State(app): State<AppState>, citizen: Citizen, Path((id, letter)): Path<(String, String)>) -> Result<Response, AppError> {
    let letter_id = letter.strip_suffix(".pdf").unwrap_or(&letter);
    let found = app.store.open_letter(&id, &citizen.fnr, letter_id, now_ms()).await?.ok_or(AppError::NotFound)?;
    let bytes = app.files.get(&found.sha256).await?.ok_or_else(|| AppError::Internal("a recorded letter is missing from the file store".into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"brev-{letter_id}.pdf\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
