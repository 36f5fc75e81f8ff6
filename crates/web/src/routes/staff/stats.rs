//! `/ansatt/statistikk`: the office lead's dashboard (`velferd_cases::stats`) for a period
//! (`?fra=YYYY-MM-DD&til=YYYY-MM-DD`, both days included; default the last twelve weeks): bar
//! charts drawn on the server as SVG, each followed by a table of its numbers, key figures, and the
//! same numbers as CSV (`/ansatt/statistikk.csv`). Counts of 1–4 are "<5" everywhere.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;
use velferd_domain::stats::{Count, Dashboard, Durations, Share};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::assisted::{Bar, Chart, StatsPage};
use crate::pages::render;
use crate::routes::cases::office_name;
use crate::routes::context;
use crate::session::Staff;
use crate::{now_ms, AppState};

const DAY: i64 = 24 * 60 * 60 * 1000;
/// The longest period asked for at once.
const MAX_DAYS: i64 = 366;

#[derive(serde::Deserialize, Default)]
pub struct Period {
    fra: Option<String>,
    til: Option<String>,
}

/// The period as (from ms, to ms exclusive, from text, to text), and an error key when what was
/// asked for could not be used (then the default period).
fn period(q: &Period, now: i64) -> ((i64, i64, String, String), Option<&'static str>) {
    let today = crate::fmt::oslo(now).date();
    let default = (today - time::Duration::days(83), today);
    let parse =
        |s: &Option<String>| s.as_deref().filter(|s| !s.trim().is_empty()).map(|s| time::Date::parse(s.trim(), &time::macros::format_description!("[year]-[month]-[day]")).ok());
    let (dates, error) = match (parse(&q.fra), parse(&q.til)) {
        (None, None) => (default, None),
        (Some(Some(f)), Some(Some(t))) if f <= t && (t - f).whole_days() < MAX_DAYS => ((f, t), None),
        (Some(Some(f)), Some(Some(t))) if f <= t => (default, Some("stats-error-long")),
        _ => (default, Some("stats-error-period")),
    };
    let ms = |d: time::Date| {
        let naive = d.midnight().assume_utc();
        let offset = velferd_domain::dates::oslo_offset(naive);
        (naive - time::Duration::seconds(i64::from(offset.whole_seconds()))).unix_timestamp() * 1000
    };
    ((ms(dates.0), ms(dates.1) + DAY, dates.0.to_string(), dates.1.to_string()), error)
}

fn hours(lang: Lang, d: &Durations, which: Option<f64>) -> String {
    match which {
        Some(h) if h >= 48.0 => lang.t_args("stats-days", &[("days", format!("{:.1}", h / 24.0))]),
        Some(h) => lang.t_args("stats-hours", &[("hours", format!("{h:.1}"))]),
        None if d.count.0 == 0 => "–".to_owned(),
        None => "<5".to_owned(),
    }
}

fn share(s: &Share) -> String {
    match s.percent() {
        Some(p) => format!("{p} %"),
        None if s.whole.0 == 0 => "–".to_owned(),
        None => "<5".to_owned(),
    }
}

fn bars(rows: Vec<(String, Option<u64>, String)>, max: u64) -> Vec<Bar> {
    rows.into_iter()
        .enumerate()
        .map(|(i, (label, value, shown))| Bar {
            label,
            shown,
            length: value.map_or(0, |v| u32::try_from(v * 100 / max.max(1)).unwrap_or(100)),
            y: u32::try_from(i).unwrap_or(0) * 48,
        })
        .collect()
}

fn chart(id: &str, title: String, column: String, bars: Vec<Bar>) -> Chart {
    let height = u32::try_from(bars.len()).unwrap_or(0) * 48 + 4;
    Chart { id: id.to_owned(), title, column, bars, height }
}

/// The dashboard's charts and figures in `lang`.
fn shown(lang: Lang, d: &Dashboard) -> (Vec<Chart>, Vec<(String, String)>) {
    let visible = |c: Count| (!c.is_hidden()).then_some(c.0);
    let max = d.by_channel.iter().map(|(_, c)| visible(*c).unwrap_or(0)).max().unwrap_or(0);
    let channels = bars(d.by_channel.iter().map(|(ch, c)| (super::contact::channel_text(lang, *ch), visible(*c), c.shown())).collect(), max);
    let weeks = bars(
        d.weeks.iter().map(|w| (lang.t_args("stats-week-of", &[("date", velferd_domain::dates::norwegian_date(&w.monday))]), w.share.percent(), share(&w.share))).collect(),
        100,
    );
    let charts = vec![
        chart("kanal", lang.t("stats-chart-channel"), lang.t("stats-column-applications"), channels),
        chart("digital", lang.t("stats-chart-digital"), lang.t("stats-column-digital-share"), weeks),
    ];
    let figures = vec![
        (lang.t("stats-total"), d.total.shown()),
        (lang.t("stats-digital-share"), share(&d.digital_share)),
        (lang.t("stats-processing-median"), hours(lang, &d.processing, d.processing.median_hours)),
        (lang.t("stats-processing-p90"), hours(lang, &d.processing, d.processing.p90_hours)),
        (lang.t("stats-decided"), d.processing.count.shown()),
        (lang.t("stats-emergencies"), d.emergencies.shown()),
        (lang.t("stats-emergency-contact"), hours(lang, &d.emergency_contact, d.emergency_contact.median_hours)),
        (lang.t("stats-document-requests"), share(&d.document_requests)),
        (lang.t("stats-answer-median"), hours(lang, &d.answer_times, d.answer_times.median_hours)),
        (lang.t("stats-answer-p90"), hours(lang, &d.answer_times, d.answer_times.p90_hours)),
        (lang.t("stats-letters"), d.letters_unopened.whole.shown()),
        (lang.t("stats-letters-unopened"), d.letters_unopened.part.shown()),
    ];
    (charts, figures)
}

/// `GET /ansatt/statistikk`.
pub async fn page(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Query(q): Query<Period>) -> Result<Response, AppError> {
    let now = now_ms();
    let ((from, to, from_text, to_text), error) = period(&q, now);
    let dashboard = app.cases.statistics(&staff, from, to, now).await?;
    let (charts, figures) = shown(lang, &dashboard);
    let page = StatsPage {
        ctx: context(&app, lang, "/ansatt/statistikk", &session).await?,
        office: office_name(&app, lang, &staff.office),
        csv_href: format!("/ansatt/statistikk.csv?fra={from_text}&til={to_text}"),
        period: lang.t_args("stats-period-dates", &[("from", velferd_domain::dates::norwegian_date(&from_text)), ("to", velferd_domain::dates::norwegian_date(&to_text))]),
        from: from_text,
        to: to_text,
        error: error.map(|k| lang.t_args(k, &[("days", MAX_DAYS.to_string())])),
        charts,
        figures,
    };
    Ok(render(&page))
}

/// `GET /ansatt/statistikk.csv`: the same numbers, one row each (`table,label,value`).
pub async fn csv(State(app): State<AppState>, lang: Lang, staff: Staff, Query(q): Query<Period>) -> Result<Response, AppError> {
    let now = now_ms();
    let ((from, to, from_text, to_text), _) = period(&q, now);
    let dashboard = app.cases.statistics(&staff, from, to, now).await?;
    let (charts, figures) = shown(lang, &dashboard);
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = format!("{},{},{}\r\n", field(&lang.t("stats-csv-table")), field(&lang.t("stats-csv-label")), field(&lang.t("stats-csv-value")));
    for c in &charts {
        for b in &c.bars {
            out.push_str(&format!("{},{},{}\r\n", field(&c.title), field(&b.label), field(&b.shown)));
        }
    }
    let key_figures = lang.t("stats-figures");
    for (label, value) in &figures {
        out.push_str(&format!("{},{},{}\r\n", field(&key_figures), field(label), field(value)));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"statistikk-{}-{from_text}-{to_text}.csv\"", staff.office)),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        out,
    )
        .into_response())
}
