//! Workspace II's tables: a case's calculations, its decisions (vedtak: the office's formal answer)
//! through four-eyes approval, and the payments (utbetalinger) of made decisions. Rows are written
//! only inside [`Store::office_change`] (as [`DecisionWrite`]s), so a decision's stage, its events,
//! its letter and the audit entry are one transaction under the case's version check. The rules
//! are the domain's (`velferd_domain::vedtak`); this module stores what the use cases decided.

use sqlx::Row;
use time::Date;

use crate::{Result, Store};

/// One saved calculation (utregning): what was entered and what came out, as JSON the use case
/// writes and reads, with the proposal and any override.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalculationRow {
    pub id: String,
    pub application_id: String,
    pub input_json: String,
    pub result_json: String,
    pub proposed_ore: i64,
    /// The caseworker's own amount and the required reason, when they overrode the proposal.
    pub override_ore: Option<i64>,
    pub override_reason: Option<String>,
    pub by_subject: String,
    pub by_name: String,
    pub created_ms: i64,
}

/// One decision (vedtak) and where it is in the four-eyes flow. `stage` is `utkast` (draft),
/// `til-godkjenning` (awaiting a beslutter: the second person who approves), `returnert` (sent back
/// with a comment) or `vedtatt` (made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    pub id: String,
    pub application_id: String,
    pub enhetsnummer: String,
    /// 1, 2, … within the application; prefixes the references of its payments and conditions.
    pub seq: i64,
    pub saksreferanse: String,
    pub calculation_id: Option<String>,
    /// The decision as the form wrote it (the use case's JSON).
    pub content_json: String,
    pub stage: String,
    pub author: String,
    pub author_name: String,
    pub submitted_ms: Option<i64>,
    pub returned_by: Option<String>,
    pub returned_name: Option<String>,
    pub return_comment: Option<String>,
    pub returned_ms: Option<i64>,
    pub approved_by: Option<String>,
    pub approved_name: Option<String>,
    pub approved_ms: Option<i64>,
    /// Whether a second person approved it (the office's four-eyes setting at the time).
    pub four_eyes: Option<bool>,
    /// The decision letter's id among the case's letters. Written as `Some("")` together with a
    /// letter in the same [`crate::OfficeChange`]: the store puts the new letter's id there.
    pub letter_id: Option<String>,
    /// Grows with every change of this decision.
    pub version: i64,
    pub created_ms: i64,
    pub updated_ms: i64,
}

/// One payment (utbetaling) of a made decision. Amounts in øre; dates `YYYY-MM-DD` (Norway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    pub id: String,
    pub application_id: String,
    pub decision_id: String,
    pub enhetsnummer: String,
    /// Unique within the application (`utbetalingsreferanse`), e.g. `V1-U2`.
    pub referanse: String,
    pub saksreferanse: String,
    pub description: String,
    pub amount_ore: i64,
    pub due: String,
    pub period_from: Option<String>,
    pub period_to: Option<String>,
    /// `soker` (the citizen's own account) or `annen` (someone paid on the citizen's behalf).
    pub recipient_kind: String,
    /// The citizen's name, or the third party's as on its invoice.
    pub recipient_name: String,
    /// Eleven digits.
    pub account: String,
    /// The invoice's customer reference (KID), when it has one.
    pub kid: Option<String>,
    /// The text sent to the recipient instead of a KID.
    pub message: Option<String>,
    /// `planlagt`, `utbetalt` or `stoppet`.
    pub state: String,
    pub paid_on: Option<String>,
    pub created_ms: i64,
    pub updated_ms: i64,
}

/// A planned payment of an office that falls due, with the case it belongs to: what an export to
/// the bank or the accounting system needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentDue {
    pub payment: PaymentRow,
    /// The application's reference (`VF-…`), for the payment's text and the office's records.
    pub case_reference: String,
}

impl PaymentDue {
    /// A reference unique across the office's payments, for the bank's `EndToEndId` (at most 35
    /// characters) and the account statement: the case reference and the payment's own, e.g.
    /// `VF-7K3M-9QX2-V1-U2` (18 characters).
    pub fn payment_reference(&self) -> String {
        format!("{}-{}", self.case_reference, self.payment.referanse)
    }

    /// The due date (the day in Norway the bank should pay).
    pub fn due_date(&self) -> Option<Date> {
        velferd_domain::office::parse_date(&self.payment.due)
    }
}

/// A row a caseworker action writes, inside [`Store::office_change`]. Each is written whole: a
/// decision or payment row replaces the one with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionWrite {
    Calculation(CalculationRow),
    Decision(DecisionRow),
    Payment(PaymentRow),
}

const CALCULATION_COLUMNS: &str = "id, application_id, input_json, result_json, proposed_ore, override_ore, override_reason, by_subject, by_name, created_ms";
const DECISION_COLUMNS: &str = "id, application_id, enhetsnummer, seq, saksreferanse, calculation_id, content_json, stage, author, author_name, submitted_ms, returned_by, \
     returned_name, return_comment, returned_ms, approved_by, approved_name, approved_ms, four_eyes, letter_id, version, created_ms, updated_ms";
const PAYMENT_COLUMNS: &str = "id, application_id, decision_id, enhetsnummer, referanse, saksreferanse, description, amount_ore, due, period_from, period_to, \
     recipient_kind, recipient_name, account, kid, message, state, paid_on, created_ms, updated_ms";

fn placeholders(columns: &str) -> String {
    (1..=columns.split(',').count()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// `INSERT … ON CONFLICT (id) DO UPDATE SET` every other column: both databases take it.
fn upsert(table: &str, columns: &str) -> String {
    let set = columns.split(',').map(str::trim).filter(|c| *c != "id").map(|c| format!("{c} = excluded.{c}")).collect::<Vec<_>>().join(", ");
    format!("INSERT INTO {table} ({columns}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {set}", placeholders(columns))
}

fn calculation(r: &sqlx::any::AnyRow) -> Result<CalculationRow> {
    Ok(CalculationRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        input_json: r.try_get("input_json")?,
        result_json: r.try_get("result_json")?,
        proposed_ore: r.try_get("proposed_ore")?,
        override_ore: r.try_get("override_ore")?,
        override_reason: r.try_get("override_reason")?,
        by_subject: r.try_get("by_subject")?,
        by_name: r.try_get("by_name")?,
        created_ms: r.try_get("created_ms")?,
    })
}

fn decision(r: &sqlx::any::AnyRow) -> Result<DecisionRow> {
    Ok(DecisionRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        enhetsnummer: r.try_get("enhetsnummer")?,
        seq: r.try_get("seq")?,
        saksreferanse: r.try_get("saksreferanse")?,
        calculation_id: r.try_get("calculation_id")?,
        content_json: r.try_get("content_json")?,
        stage: r.try_get("stage")?,
        author: r.try_get("author")?,
        author_name: r.try_get("author_name")?,
        submitted_ms: r.try_get("submitted_ms")?,
        returned_by: r.try_get("returned_by")?,
        returned_name: r.try_get("returned_name")?,
        return_comment: r.try_get("return_comment")?,
        returned_ms: r.try_get("returned_ms")?,
        approved_by: r.try_get("approved_by")?,
        approved_name: r.try_get("approved_name")?,
        approved_ms: r.try_get("approved_ms")?,
        four_eyes: r.try_get::<Option<i64>, _>("four_eyes")?.map(|v| v != 0),
        letter_id: r.try_get("letter_id")?,
        version: r.try_get("version")?,
        created_ms: r.try_get("created_ms")?,
        updated_ms: r.try_get("updated_ms")?,
    })
}

fn payment(r: &sqlx::any::AnyRow) -> Result<PaymentRow> {
    Ok(PaymentRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        decision_id: r.try_get("decision_id")?,
        enhetsnummer: r.try_get("enhetsnummer")?,
        referanse: r.try_get("referanse")?,
        saksreferanse: r.try_get("saksreferanse")?,
        description: r.try_get("description")?,
        amount_ore: r.try_get("amount_ore")?,
        due: r.try_get("due")?,
        period_from: r.try_get("period_from")?,
        period_to: r.try_get("period_to")?,
        recipient_kind: r.try_get("recipient_kind")?,
        recipient_name: r.try_get("recipient_name")?,
        account: r.try_get("account")?,
        kid: r.try_get("kid")?,
        message: r.try_get("message")?,
        state: r.try_get("state")?,
        paid_on: r.try_get("paid_on")?,
        created_ms: r.try_get("created_ms")?,
        updated_ms: r.try_get("updated_ms")?,
    })
}

/// Writes `writes` in the caller's transaction; a decision row with `letter_id == Some("")` gets
/// `letter` (the id of the letter filed in the same change).
pub(crate) async fn write(tx: &mut sqlx::AnyConnection, writes: &[DecisionWrite], letter: Option<&str>) -> Result<()> {
    for w in writes {
        match w {
            DecisionWrite::Calculation(c) => {
                sqlx::query(&format!("INSERT INTO calculations ({CALCULATION_COLUMNS}) VALUES ({})", placeholders(CALCULATION_COLUMNS)))
                    .bind(&c.id)
                    .bind(&c.application_id)
                    .bind(&c.input_json)
                    .bind(&c.result_json)
                    .bind(c.proposed_ore)
                    .bind(c.override_ore)
                    .bind(&c.override_reason)
                    .bind(&c.by_subject)
                    .bind(&c.by_name)
                    .bind(c.created_ms)
                    .execute(&mut *tx)
                    .await?;
            }
            DecisionWrite::Decision(d) => {
                let letter_id = match d.letter_id.as_deref() {
                    Some("") => letter.map(str::to_owned),
                    other => other.map(str::to_owned),
                };
                sqlx::query(&upsert("decisions", DECISION_COLUMNS))
                    .bind(&d.id)
                    .bind(&d.application_id)
                    .bind(&d.enhetsnummer)
                    .bind(d.seq)
                    .bind(&d.saksreferanse)
                    .bind(&d.calculation_id)
                    .bind(&d.content_json)
                    .bind(&d.stage)
                    .bind(&d.author)
                    .bind(&d.author_name)
                    .bind(d.submitted_ms)
                    .bind(&d.returned_by)
                    .bind(&d.returned_name)
                    .bind(&d.return_comment)
                    .bind(d.returned_ms)
                    .bind(&d.approved_by)
                    .bind(&d.approved_name)
                    .bind(d.approved_ms)
                    .bind(d.four_eyes.map(i64::from))
                    .bind(letter_id)
                    .bind(d.version)
                    .bind(d.created_ms)
                    .bind(d.updated_ms)
                    .execute(&mut *tx)
                    .await?;
            }
            DecisionWrite::Payment(p) => {
                sqlx::query(&upsert("payments", PAYMENT_COLUMNS))
                    .bind(&p.id)
                    .bind(&p.application_id)
                    .bind(&p.decision_id)
                    .bind(&p.enhetsnummer)
                    .bind(&p.referanse)
                    .bind(&p.saksreferanse)
                    .bind(&p.description)
                    .bind(p.amount_ore)
                    .bind(&p.due)
                    .bind(&p.period_from)
                    .bind(&p.period_to)
                    .bind(&p.recipient_kind)
                    .bind(&p.recipient_name)
                    .bind(&p.account)
                    .bind(&p.kid)
                    .bind(&p.message)
                    .bind(&p.state)
                    .bind(&p.paid_on)
                    .bind(p.created_ms)
                    .bind(p.updated_ms)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    Ok(())
}

impl Store {
    /// The newest calculation of an application, if any. The caller has checked access.
    pub async fn latest_calculation(&self, application_id: &str) -> Result<Option<CalculationRow>> {
        let sql = format!("SELECT {CALCULATION_COLUMNS} FROM calculations WHERE application_id = $1 ORDER BY created_ms DESC, id DESC LIMIT 1");
        let row = sqlx::query(&sql).bind(application_id).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| calculation(&r)).transpose()
    }

    /// One calculation of an application by id.
    pub async fn calculation(&self, application_id: &str, id: &str) -> Result<Option<CalculationRow>> {
        let sql = format!("SELECT {CALCULATION_COLUMNS} FROM calculations WHERE application_id = $1 AND id = $2");
        let row = sqlx::query(&sql).bind(application_id).bind(id).fetch_optional(&mut *self.read().await?).await?;
        row.map(|r| calculation(&r)).transpose()
    }

    /// An application's decisions, in the order they were started. The caller has checked access.
    pub async fn decisions(&self, application_id: &str) -> Result<Vec<DecisionRow>> {
        let sql = format!("SELECT {DECISION_COLUMNS} FROM decisions WHERE application_id = $1 ORDER BY seq");
        let rows = sqlx::query(&sql).bind(application_id).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(decision).collect()
    }

    /// An application's payments, by decision and then in the order they were planned.
    pub async fn payments(&self, application_id: &str) -> Result<Vec<PaymentRow>> {
        let sql = format!("SELECT {PAYMENT_COLUMNS} FROM payments WHERE application_id = $1 ORDER BY created_ms, referanse");
        let rows = sqlx::query(&sql).bind(application_id).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(payment).collect()
    }

    /// The planned payments of office `office` (enhetsnummer) due on `from` or later, and on `to`
    /// or earlier when given, by due date, with each case's reference: what a payment export
    /// sends. Paid and stopped payments are left out; only made decisions have payment rows.
    pub async fn payments_due(&self, office: &str, from: Date, to: Option<Date>) -> Result<Vec<PaymentDue>> {
        let columns = PAYMENT_COLUMNS.split(',').map(|c| format!("p.{}", c.trim())).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {columns}, a.reference AS case_reference FROM payments p JOIN applications a ON a.id = p.application_id
             WHERE p.enhetsnummer = $1 AND p.state = 'planlagt' AND p.due >= $2 AND ($3 = '' OR p.due <= $3)
             ORDER BY p.due, a.reference, p.referanse"
        );
        let rows = sqlx::query(&sql).bind(office).bind(from.to_string()).bind(to.map(|d| d.to_string()).unwrap_or_default()).fetch_all(&mut *self.read().await?).await?;
        rows.iter().map(|r| Ok(PaymentDue { payment: payment(r)?, case_reference: r.try_get("case_reference")? })).collect()
    }
}
