//! `/ansatt/saker`: the office's inbox. Open emergencies first, then the longest waiting; filters
//! for new, mine, unassigned, documents overdue and near the one-month limit; search by reference,
//! name or fødselsnummer. One page of rows read from the status projection.

use axum::extract::{Query, State};
use axum::response::Response;
use tower_sessions::Session;
use velferd_domain::office::{InboxFilter, DAY, NEAR_LIMIT_DAYS};

use super::{protection_key, status_text, waited};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::render;
use crate::pages::staff::{CallbackRow, FilterLink, InboxPage, InboxRow};
use crate::routes::context;
use crate::session::Staff;
use crate::{fmt, now_ms, AppState};

#[derive(serde::Deserialize, Default)]
pub struct InboxParams {
    vis: Option<String>,
    sok: Option<String>,
    side: Option<String>,
    /// A callback just marked (`kontakt` or `ikke-svar`).
    gjort: Option<String>,
}

fn filter_key(f: InboxFilter) -> &'static str {
    match f {
        InboxFilter::Open => "staff-filter-open",
        InboxFilter::New => "staff-filter-new",
        InboxFilter::Mine => "staff-filter-mine",
        InboxFilter::Unassigned => "staff-filter-unassigned",
        InboxFilter::DocumentsOverdue => "staff-filter-overdue",
        InboxFilter::NearLimit => "staff-filter-near-limit",
        InboxFilter::AwaitingApproval => "staff-filter-awaiting-approval",
        InboxFilter::ReturnedToMe => "staff-filter-returned",
        InboxFilter::All => "staff-filter-all",
    }
}

fn href(filter: InboxFilter, search: &str, page: u32) -> String {
    let mut out = format!("/ansatt/saker?vis={}", filter.param());
    if !search.is_empty() {
        out.push_str("&sok=");
        out.extend(form_urlencoded::byte_serialize(search.as_bytes()));
    }
    if page > 0 {
        out.push_str(&format!("&side={}", page + 1));
    }
    out
}

pub async fn inbox(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(q): Query<InboxParams>) -> Result<Response, AppError> {
    let filter = InboxFilter::from_param(q.vis.as_deref().unwrap_or_default());
    let search: String = q.sok.unwrap_or_default().trim().chars().take(100).collect();
    // Pages are numbered from 1 in the address; anything else is the first page.
    let page = q.side.and_then(|s| s.trim().parse::<u32>().ok()).filter(|p| (1..=10_000).contains(p)).map_or(0, |p| p - 1);
    let now = now_ms();
    let found = app.cases.inbox(&staff, filter, &search, page, now).await?;
    let rows = found
        .rows
        .iter()
        .map(|r| {
            let s = &r.state;
            let waiting_for = (s.open_requests > 0).then(|| {
                let count = lang.t_n("staff-inbox-documents", "count", s.open_requests);
                match s.next_deadline_ms {
                    Some(d) => lang.t_args("staff-inbox-documents-deadline", &[("documents", count), ("date", fmt::date(d))]),
                    None => count,
                }
            });
            InboxRow {
                href: format!("/ansatt/saker/{}", r.id),
                reference: r.reference.clone(),
                name: r.name.clone(),
                received: fmt::date_time(r.sent_ms),
                // How long someone has waited matters while the case is open.
                waited: if s.open { waited(lang, r.sent_ms, now) } else { String::new() },
                emergency: r.emergency && s.open,
                status: status_text(lang, s.status),
                assignee: s.assignee.as_ref().map_or_else(|| lang.t("staff-inbox-unassigned"), |(_, name)| name.clone()),
                waiting_for,
                overdue: s.open && s.next_deadline_ms.is_some_and(|d| d < now),
                near_limit: s.open && !s.decided && now - r.sent_ms >= NEAR_LIMIT_DAYS * DAY,
                protected: r.protection.map(|p| lang.t(protection_key(p))),
                channel: velferd_domain::assisted::Channel::from_slug(&r.channel)
                    .filter(|c| *c != velferd_domain::assisted::Channel::Digital)
                    .map(|c| super::contact::channel_text(lang, c)),
            }
        })
        .collect();
    let filters = InboxFilter::ALL.into_iter().map(|f| FilterLink { label: lang.t(filter_key(f)), href: href(f, &search, 0), current: f == filter }).collect();
    let showing = lang.t_args("staff-inbox-showing", &[("filter", lang.t(filter_key(filter))), ("page", (page + 1).to_string())]);
    let path = href(filter, &search, page);
    // The contact centre's callbacks stay on top of the inbox until someone marks contact made.
    let callbacks = app
        .cases
        .open_callbacks(&staff, now)
        .await?
        .into_iter()
        .map(|c| CallbackRow {
            case_href: format!("/ansatt/saker/{}", c.application_id),
            reference: c.reference,
            name: c.name,
            phone: velferd_domain::ids::Telefonnummer::parse(&c.phone).map_or_else(|_| c.phone.clone(), |t| t.formatted()),
            phone_href: format!("tel:{}", c.phone),
            window: lang.t_args("callback-window", &[("from", fmt::date_time(c.window_start_ms)), ("to", fmt::date_time(c.window_end_ms))]),
            note: c.note,
            by: lang.t_args("callback-by", &[("name", c.created_by_name), ("date", fmt::date_time(c.created_ms))]),
            attempts: (c.attempts > 0).then(|| lang.t_n("callback-attempts", "count", c.attempts)),
            late: c.window_end_ms < now,
            action: format!("/ansatt/tilbakeringinger/{}", c.id),
        })
        .collect();
    let done = match q.gjort.as_deref() {
        Some("kontakt") => Some(lang.t("callback-marked-contact")),
        Some("ikke-svar") => Some(lang.t("callback-marked-no-answer")),
        _ => None,
    };
    let page_view = InboxPage {
        callbacks,
        done,
        ctx: context(&app, lang, &path, &session).await?,
        office: super::super::cases::office_name(&app, lang, &staff.office),
        filters,
        filter: filter.param(),
        search: search.clone(),
        rows,
        showing,
        previous_href: (page > 0).then(|| href(filter, &search, page - 1)),
        next_href: found.more.then(|| href(filter, &search, page + 1)),
    };
    Ok(render(&page_view))
}
