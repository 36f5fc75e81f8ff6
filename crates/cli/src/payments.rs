//! `velferd admin payments export`: an office's approved payments due in a period as an ISO 20022
//! `pain.001.001.03` credit-transfer file for the bank, or as CSV (contracts.md, "Office work").
//! The payments come from decisions made through Velferd's own caseworker actions
//! (`Store::payments_due`); the file is written whole or not at all.

use std::path::Path;

use time::{Date, OffsetDateTime};
use velferd_domain::kommune::Katalog;
use velferd_formats::payments::{pain001, payments_csv, Debtor, Payment, PaymentBatch};
use velferd_store::Store;

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// ISO 20022 pain.001.001.03, for the bank.
    Pain001,
    /// One row a payment, for people and spreadsheets.
    Csv,
}

/// `2026-12-07`.
pub fn parse_date(raw: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw.trim(), format).map_err(|_| format!("'{raw}' is not a date like 2026-12-07"))
}

/// What to export: the office (enhetsnummer), the format, the due dates (from: default today in
/// Norway; to: default no end) and the file to write.
pub struct Export<'a> {
    pub office: &'a str,
    pub format: Format,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub out: &'a Path,
}

/// Writes the export and says what it wrote. With nothing to pay, writes no file (the XSD allows no
/// file without transactions) and says so; that is not an error.
pub async fn export(store: &Store, katalog: &Katalog, request: &Export<'_>, now: OffsetDateTime) -> Result<String, String> {
    let Export { office, format, from, to, out } = *request;
    let kontor = katalog.kontor(office).ok_or_else(|| format!("--office {office}: no such office in the municipality catalogue"))?;
    let today = velferd_domain::dates::in_oslo(now).date();
    let from = from.unwrap_or(today);
    if let Some(to) = to {
        if to < from {
            return Err(format!("--to {to} is before --from {from}"));
        }
    }
    let due = store.payments_due(office, from, to).await.map_err(|e| format!("database: {e}"))?;
    if due.is_empty() {
        let until = to.map(|t| format!(" to {t}")).unwrap_or_else(|| " on".into());
        return Ok(format!("No approved payments of {} ({office}) are due from {from}{until}; no file was written.", kontor.navn));
    }
    let payments: Vec<Payment> = due
        .iter()
        .map(|d| {
            Ok(Payment {
                reference: d.payment_reference(),
                case_reference: d.case_reference.clone(),
                recipient_name: d.payment.recipient_name.clone(),
                account: d.payment.account.clone(),
                kid: d.payment.kid.clone(),
                message: d.payment.message.clone(),
                amount_ore: d.payment.amount_ore,
                due_date: d.due_date().ok_or_else(|| format!("payment {} has no readable due date", d.payment_reference()))?,
            })
        })
        .collect::<Result<_, String>>()?;
    let total: i64 = payments.iter().map(|p| p.amount_ore).sum();
    let text = match format {
        Format::Csv => payments_csv(&payments).map_err(|e| e.to_string())?,
        Format::Pain001 => {
            let account = kontor.utbetalingskonto.clone().ok_or_else(|| {
                format!("{} ({office}) has no utbetalingskonto in the municipality catalogue (data/kommuner.json): the bank file needs the account it pays from. --format csv works without it.", kontor.navn)
            })?;
            let stamp = now.to_offset(time::UtcOffset::UTC);
            let message_id = format!("VF{office}{}{:02}{:02}{:02}{:02}{:02}", stamp.year(), u8::from(stamp.month()), stamp.day(), stamp.hour(), stamp.minute(), stamp.second());
            let batch = PaymentBatch {
                message_id,
                created: now.replace_nanosecond(0).unwrap_or(now),
                debtor: Debtor { name: kontor.navn.clone(), organisation_number: kontor.organisasjonsnummer.clone(), account, bic: None },
                payments: payments.clone(),
            };
            pain001(&batch).map_err(|e| e.to_string())?
        }
    };
    // Whole or not at all: written beside the target and renamed over it.
    let tmp = out.with_extension("part");
    std::fs::write(&tmp, text.as_bytes()).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(format!(
        "Wrote {} payment(s), {} kr in all, due {} to {}, to {}.",
        payments.len(),
        velferd_domain::ids::Belop::try_from_ore(total).map_or_else(|| total.to_string(), |b| b.to_string()),
        payments.first().map(|p| p.due_date.to_string()).unwrap_or_default(),
        payments.last().map(|p| p.due_date.to_string()).unwrap_or_default(),
        out.display()
    ))
}
