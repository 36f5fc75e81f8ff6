//! Payment files for the office's bank: an ISO 20022 credit-transfer initiation and a CSV list.
//!
//! `velferd admin payments export` (`../shared/design/contracts.md`, "Office work") fills a
//! [`PaymentBatch`] from the store and writes it with [`pain001`] or [`payments_csv`]. Both are pure:
//! they check every field first and either return the whole file or say what is wrong; nothing is
//! cut short, rounded or dropped silently.
//!
//! **pain.001.001.03** is the version Norwegian banks take for customer credit transfers (the
//! ISO 20022 message definition `CustomerCreditTransferInitiationV03`, schema
//! `schemas/pain.001.001.03.xsd`, against which the tests validate every file they write):
//!
//! - `GrpHdr`: `MsgId` (the batch's id), `CreDtTm`, `NbOfTxs`, `CtrlSum` (the sum of all amounts)
//!   and `InitgPty` (the office, with its organisation number as `Id/OrgId/Othr/Id`, scheme `CUST`).
//! - One `PmtInf` per due date (`ReqdExctnDt`), in date order, `PmtMtd` `TRF`, with its own
//!   `NbOfTxs` and `CtrlSum`, the office as `Dbtr`, its account as `DbtrAcct` and its bank as
//!   `DbtrAgt` (the BIC, or `Othr/Id` `NOTPROVIDED` when the office has not given one, as the
//!   Common Global Implementation allows).
//! - One `CdtTrfTxInf` per payment, in the order given: `EndToEndId` = the payment reference (it
//!   comes back on the bank's status and account statement), `InstdAmt Ccy="NOK"` with two
//!   decimals from øre, `Cdtr/Nm`, `CdtrAcct`, and `RmtInf`: a KID as `Strd/CdtrRefInf` with type
//!   `SCOR` (structured creditor reference, how Norwegian banks carry a KID in pain.001), else the
//!   message as `Ustrd`, else none.
//!
//! Accounts are written as the Norwegian 11-digit BBAN in `Othr/Id` with `SchmeNm/Cd` `BBAN`, not
//! as an IBAN: both validate against the XSD, the BBAN is what the office and the citizen know and
//! what Norwegian banks take for domestic NOK transfers, and an IBAN (`NO` + two check digits + the
//! BBAN) would add a conversion that only restates the same number. A bank that insists on IBAN
//! for the debtor's own account is a one-line change here.
//!
//! **CSV** ([`payments_csv`]): one row a payment with a header, comma-separated, RFC 4180 quoting,
//! UTF-8: the contract's columns.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use time::{Date, OffsetDateTime};

/// The schema the files [`pain001`] writes are valid against, for tools that check them.
pub const PAIN001_NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

/// One approved payment to pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The payment's own reference, unique across the office's payments: `EndToEndId`, 1–35
    /// characters (ISO 20022 `Max35Text`).
    pub reference: String,
    /// The case (application) reference the payment belongs to, e.g. `VF-7K3M-9QX2`; CSV only.
    pub case_reference: String,
    /// Who receives the money (the citizen, a landlord, an energy company): `Cdtr/Nm`, 1–140
    /// characters (`Max140Text`).
    pub recipient_name: String,
    /// The recipient's Norwegian account number (BBAN): exactly 11 ASCII digits, no spaces or dots.
    /// The MOD11 check is the domain's `Kontonummer`; this layer checks the shape only.
    pub account: String,
    /// KID (customer identification number) the recipient asked for: 2–25 digits, the last may be
    /// `-` (MOD11 check digit 10). When given, it is the remittance and `message` is not sent: a
    /// KID payment carries no free text in Norwegian banks.
    pub kid: Option<String>,
    /// A message to the recipient when there is no KID: `Ustrd`, 1–140 characters.
    pub message: Option<String>,
    /// The amount in øre (1 NOK = 100 øre), at least 1 øre and below 10¹⁸ øre (the XSD's 18 digits).
    pub amount_ore: i64,
    /// The day the bank should pay (`ReqdExctnDt`), in the office's calendar.
    pub due_date: Date,
}

/// The office that pays: the debtor and the party initiating the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debtor {
    /// The office's or municipality's name: `InitgPty/Nm` and `Dbtr/Nm`, 1–140 characters.
    pub name: String,
    /// The organisation number (9 digits) the bank knows the customer by, if the agreement needs it:
    /// `Id/OrgId/Othr/Id` with scheme code `CUST` on `InitgPty` and `Dbtr`.
    pub organisation_number: Option<String>,
    /// The account the money is paid from: 11 ASCII digits (BBAN).
    pub account: String,
    /// The BIC of the office's bank (8 or 11 characters, e.g. `DNBANOKK`), if known.
    pub bic: Option<String>,
}

/// What one export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentBatch {
    /// The file's id (`MsgId`), unique per file for the bank's duplicate check: 1–26 characters, so
    /// that `<message_id>-YYYYMMDD` fits the 35 characters of `PmtInfId`.
    pub message_id: String,
    /// When the file was made (`CreDtTm`), written to the second with its UTC offset.
    pub created: OffsetDateTime,
    pub debtor: Debtor,
    /// At least one payment; order is kept within a due date.
    pub payments: Vec<Payment>,
}

/// Why a payment file could not be written. Nothing is written in part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentFileError {
    /// No payments: the XSD requires at least one `PmtInf` with at least one `CdtTrfTxInf`, and an
    /// empty list is not worth a file (contracts.md: "then no file is written").
    #[error("there are no payments to write")]
    Empty,
    /// A field breaks its rule. `at` is the payment's reference, or `batch` for the batch's own
    /// fields; `field` is the field's name in [`Payment`], [`Debtor`] or [`PaymentBatch`].
    #[error("{at}: {field} {reason}")]
    Invalid { at: String, field: &'static str, reason: &'static str },
    /// The amounts together need more than the 18 digits `CtrlSum` may have.
    #[error("the payments sum to more than a payment file can hold")]
    TooLarge,
}

/// Below 10¹⁸: the XSD's `totalDigits` 18 for amounts and `CtrlSum`.
const MAX_ORE: i128 = 999_999_999_999_999_999;

fn invalid(at: &str, field: &'static str, reason: &'static str) -> PaymentFileError {
    PaymentFileError::Invalid { at: at.to_owned(), field, reason }
}

/// Free text as the XSD's `MaxNText` allows it: not blank, at most `max` characters, and no control
/// characters or the non-characters U+FFFE/U+FFFF (XML 1.0 cannot carry most of them and a bank
/// file should not).
fn check_text(at: &str, field: &'static str, value: &str, max: usize) -> Result<(), PaymentFileError> {
    if value.trim().is_empty() {
        return Err(invalid(at, field, "is empty"));
    }
    if value.chars().count() > max {
        return Err(invalid(
            at,
            field,
            match max {
                26 => "is longer than 26 characters",
                35 => "is longer than 35 characters",
                _ => "is longer than 140 characters",
            },
        ));
    }
    if value.chars().any(|c| c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}') {
        return Err(invalid(at, field, "contains control characters"));
    }
    Ok(())
}

fn check_digits(at: &str, field: &'static str, value: &str, len: usize, reason: &'static str) -> Result<(), PaymentFileError> {
    if value.len() == len && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(invalid(at, field, reason))
    }
}

/// KID shape (Nets/Mastercard Payment Services): 2–25 digits, the last may be `-`.
fn check_kid(at: &str, kid: &str) -> Result<(), PaymentFileError> {
    let body = kid.strip_suffix('-').unwrap_or(kid);
    let digits = body.bytes().all(|b| b.is_ascii_digit());
    if digits && (2..=25).contains(&kid.len()) && !body.is_empty() {
        Ok(())
    } else {
        Err(invalid(at, "kid", "is not 2–25 digits (the last may be '-')"))
    }
}

/// The XSD's `BICIdentifier`: `[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?`.
fn check_bic(bic: &str) -> Result<(), PaymentFileError> {
    let b = bic.as_bytes();
    let upper_or_digit = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    let ok = (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && (b[6].is_ascii_uppercase() || (b'2'..=b'9').contains(&b[6]))
        && upper_or_digit(&b[7])
        && b[7] != b'O'
        && b[8..].iter().all(upper_or_digit);
    if ok {
        Ok(())
    } else {
        Err(invalid("batch", "bic", "is not a BIC (8 or 11 capital letters and digits)"))
    }
}

fn check_date(at: &str, field: &'static str, date: Date) -> Result<(), PaymentFileError> {
    if (1..=9999).contains(&date.year()) {
        Ok(())
    } else {
        Err(invalid(at, field, "is outside the years 1–9999"))
    }
}

/// Checks one payment's fields; [`pain001`] and [`payments_csv`] share it, so both files accept
/// the same payments.
fn check_payment(p: &Payment) -> Result<(), PaymentFileError> {
    check_text(if p.reference.trim().is_empty() { "payment" } else { &p.reference }, "reference", &p.reference, 35)?;
    let at = p.reference.as_str();
    check_text(at, "case_reference", &p.case_reference, 35)?;
    check_text(at, "recipient_name", &p.recipient_name, 140)?;
    check_digits(at, "account", &p.account, 11, "is not 11 digits")?;
    if let Some(kid) = &p.kid {
        check_kid(at, kid)?;
    }
    if let Some(message) = &p.message {
        check_text(at, "message", message, 140)?;
    }
    if p.amount_ore < 1 {
        return Err(invalid(at, "amount_ore", "is not a positive amount"));
    }
    if i128::from(p.amount_ore) > MAX_ORE {
        return Err(invalid(at, "amount_ore", "has more than 18 digits"));
    }
    check_date(at, "due_date", p.due_date)
}

/// Checks every payment and returns their sum in øre.
fn check_payments(payments: &[Payment]) -> Result<i128, PaymentFileError> {
    if payments.is_empty() {
        return Err(PaymentFileError::Empty);
    }
    let mut sum: i128 = 0;
    for p in payments {
        check_payment(p)?;
        sum += i128::from(p.amount_ore);
    }
    if sum > MAX_ORE {
        return Err(PaymentFileError::TooLarge);
    }
    Ok(sum)
}

/// `ore` (not negative) as NOK with two decimals and a decimal point: `123456` → `1234.56`.
fn nok(ore: i128) -> String {
    format!("{}.{:02}", ore / 100, ore % 100)
}

/// `YYYY-MM-DD` (`ISODate`).
fn iso_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// `YYYY-MM-DDThh:mm:ss±hh:mm` (`ISODateTime`, an `xs:dateTime` with the offset kept).
fn iso_date_time(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let (hours, minutes, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!("{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}", iso_date(at.date()), at.hour(), at.minute(), at.second(), hours.unsigned_abs(), minutes.unsigned_abs())
}

/// Escapes the five XML special characters for element text and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the batch as an ISO 20022 `pain.001.001.03` customer credit transfer initiation (see the
/// module documentation for the layout), UTF-8 with an XML declaration, valid against
/// `schemas/pain.001.001.03.xsd`.
///
/// Errors: [`PaymentFileError::Empty`] for no payments (the XSD forbids a file without
/// transactions), [`PaymentFileError::Invalid`] for the first field that breaks its rule (lengths
/// from the XSD's `Max35Text`/`Max140Text`, accounts of 11 digits, KID shape, a positive amount),
/// [`PaymentFileError::TooLarge`] when `CtrlSum` would need more than 18 digits.
pub fn pain001(batch: &PaymentBatch) -> Result<String, PaymentFileError> {
    let sum = check_payments(&batch.payments)?;
    check_text("batch", "message_id", &batch.message_id, 26)?;
    check_date("batch", "created", batch.created.date())?;
    let debtor = &batch.debtor;
    check_text("batch", "name", &debtor.name, 140)?;
    check_digits("batch", "account", &debtor.account, 11, "is not 11 digits")?;
    if let Some(number) = &debtor.organisation_number {
        check_digits("batch", "organisation_number", number, 9, "is not 9 digits")?;
    }
    if let Some(bic) = &debtor.bic {
        check_bic(bic)?;
    }

    let mut by_date: BTreeMap<Date, Vec<&Payment>> = BTreeMap::new();
    for p in &batch.payments {
        by_date.entry(p.due_date).or_default().push(p);
    }

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(x, "<Document xmlns=\"{PAIN001_NAMESPACE}\">");
    x.push_str("  <CstmrCdtTrfInitn>\n");
    x.push_str("    <GrpHdr>\n");
    let _ = writeln!(x, "      <MsgId>{}</MsgId>", xml(&batch.message_id));
    let _ = writeln!(x, "      <CreDtTm>{}</CreDtTm>", iso_date_time(batch.created));
    let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", batch.payments.len());
    let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", nok(sum));
    party(&mut x, "InitgPty", debtor, 6);
    x.push_str("    </GrpHdr>\n");
    for (date, payments) in &by_date {
        let date_sum: i128 = payments.iter().map(|p| i128::from(p.amount_ore)).sum();
        x.push_str("    <PmtInf>\n");
        let _ = writeln!(x, "      <PmtInfId>{}-{}</PmtInfId>", xml(&batch.message_id), iso_date(*date).replace('-', ""));
        x.push_str("      <PmtMtd>TRF</PmtMtd>\n");
        let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", payments.len());
        let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", nok(date_sum));
        let _ = writeln!(x, "      <ReqdExctnDt>{}</ReqdExctnDt>", iso_date(*date));
        party(&mut x, "Dbtr", debtor, 6);
        account(&mut x, "DbtrAcct", &debtor.account, 6);
        x.push_str("      <DbtrAgt>\n        <FinInstnId>\n");
        match &debtor.bic {
            Some(bic) => {
                let _ = writeln!(x, "          <BIC>{bic}</BIC>");
            }
            None => x.push_str("          <Othr>\n            <Id>NOTPROVIDED</Id>\n          </Othr>\n"),
        }
        x.push_str("        </FinInstnId>\n      </DbtrAgt>\n");
        for p in payments {
            transaction(&mut x, p);
        }
        x.push_str("    </PmtInf>\n");
    }
    x.push_str("  </CstmrCdtTrfInitn>\n");
    x.push_str("</Document>\n");
    Ok(x)
}

/// `PartyIdentification32` for the office: name, and the organisation number if given.
fn party(x: &mut String, tag: &str, debtor: &Debtor, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(x, "{pad}<{tag}>");
    let _ = writeln!(x, "{pad}  <Nm>{}</Nm>", xml(&debtor.name));
    if let Some(number) = &debtor.organisation_number {
        let _ = writeln!(x, "{pad}  <Id>\n{pad}    <OrgId>\n{pad}      <Othr>\n{pad}        <Id>{number}</Id>");
        let _ = writeln!(x, "{pad}        <SchmeNm>\n{pad}          <Cd>CUST</Cd>\n{pad}        </SchmeNm>");
        let _ = writeln!(x, "{pad}      </Othr>\n{pad}    </OrgId>\n{pad}  </Id>");
    }
    let _ = writeln!(x, "{pad}</{tag}>");
}

/// `CashAccount16` with a Norwegian BBAN.
fn account(x: &mut String, tag: &str, bban: &str, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(x, "{pad}<{tag}>\n{pad}  <Id>\n{pad}    <Othr>\n{pad}      <Id>{bban}</Id>");
    let _ = writeln!(x, "{pad}      <SchmeNm>\n{pad}        <Cd>BBAN</Cd>\n{pad}      </SchmeNm>");
    let _ = writeln!(x, "{pad}    </Othr>\n{pad}  </Id>\n{pad}</{tag}>");
}

/// One `CdtTrfTxInf`, elements in the XSD's order.
fn transaction(x: &mut String, p: &Payment) {
    x.push_str("      <CdtTrfTxInf>\n");
    let _ = writeln!(x, "        <PmtId>\n          <EndToEndId>{}</EndToEndId>\n        </PmtId>", xml(&p.reference));
    let _ = writeln!(x, "        <Amt>\n          <InstdAmt Ccy=\"NOK\">{}</InstdAmt>\n        </Amt>", nok(i128::from(p.amount_ore)));
    let _ = writeln!(x, "        <Cdtr>\n          <Nm>{}</Nm>\n        </Cdtr>", xml(&p.recipient_name));
    account(x, "CdtrAcct", &p.account, 8);
    match (&p.kid, &p.message) {
        (Some(kid), _) => {
            x.push_str("        <RmtInf>\n          <Strd>\n            <CdtrRefInf>\n              <Tp>\n                <CdOrPrtry>\n");
            x.push_str("                  <Cd>SCOR</Cd>\n                </CdOrPrtry>\n              </Tp>\n");
            let _ = writeln!(x, "              <Ref>{kid}</Ref>\n            </CdtrRefInf>\n          </Strd>\n        </RmtInf>");
        }
        (None, Some(message)) => {
            let _ = writeln!(x, "        <RmtInf>\n          <Ustrd>{}</Ustrd>\n        </RmtInf>", xml(message));
        }
        (None, None) => {}
    }
    x.push_str("      </CdtTrfTxInf>\n");
}

/// The CSV header, the contract's columns in order.
pub const CSV_HEADER: [&str; 7] = ["reference", "case_reference", "recipient_name", "account", "kid_or_message", "amount_nok", "due_date"];

/// A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) gets a leading `'`, so opening the list in Excel or LibreOffice never runs
/// what a recipient's name or a message says (OWASP, "CSV Injection"). Other text is unchanged.
pub fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Writes the payments as CSV: the header [`CSV_HEADER`], then one row a payment in the order
/// given — reference, case reference, recipient name, account (11 digits), the KID or else the
/// message (empty if neither), the amount in NOK with two decimals and a decimal point
/// (`1234.50`), the due date (`YYYY-MM-DD`). UTF-8 without a byte-order mark, comma-separated,
/// lines ending in CRLF and fields quoted where they hold a comma, quote or line break (RFC 4180).
/// Text cells pass through [`csv_cell`].
///
/// Errors: the same checks as [`pain001`] on each payment ([`PaymentFileError::Empty`],
/// [`PaymentFileError::Invalid`], [`PaymentFileError::TooLarge`]), so a list is only made for
/// payments a bank file could carry.
pub fn payments_csv(payments: &[Payment]) -> Result<String, PaymentFileError> {
    check_payments(payments)?;
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let write_error = |_| invalid("batch", "payments", "could not be written as CSV");
    writer.write_record(CSV_HEADER).map_err(write_error)?;
    for p in payments {
        let remittance = p.kid.clone().or_else(|| p.message.as_deref().map(csv_cell)).unwrap_or_default();
        let row =
            [csv_cell(&p.reference), csv_cell(&p.case_reference), csv_cell(&p.recipient_name), p.account.clone(), remittance, nok(i128::from(p.amount_ore)), iso_date(p.due_date)];
        writer.write_record(&row).map_err(write_error)?;
    }
    let bytes = writer.into_inner().map_err(|_| invalid("batch", "payments", "could not be written as CSV"))?;
    String::from_utf8(bytes).map_err(|_| invalid("batch", "payments", "could not be written as CSV"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_from_ore_with_two_decimals() {
        assert_eq!(nok(1), "0.01");
        assert_eq!(nok(100), "1.00");
        assert_eq!(nok(745_050), "7450.50");
        assert_eq!(nok(MAX_ORE), "9999999999999999.99");
    }

    #[test]
    fn dates_and_times_are_iso() {
        let at = time::macros::datetime!(2026-03-01 09:05:07.123 +01:00);
        assert_eq!(iso_date_time(at), "2026-03-01T09:05:07+01:00");
        assert_eq!(iso_date_time(time::macros::datetime!(2026-03-01 09:05:07 -03:30)), "2026-03-01T09:05:07-03:30");
        assert_eq!(iso_date(time::macros::date!(0999 - 01 - 02)), "0999-01-02");
    }

    #[test]
    fn bic_follows_the_xsd_pattern() {
        for good in ["DNBANOKK", "NDEANOKKXXX", "SPRONO22"] {
            assert!(check_bic(good).is_ok(), "{good}");
        }
        for bad in ["dnbanokk", "DNBANOK", "DNBAN0KK", "DNBANOKKXX", "DNBANOKO", "DNBANO1K"] {
            assert!(check_bic(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kid_shape() {
        for good in ["12", "1234567890-", "1234567890123456789012345"] {
            assert!(check_kid("p", good).is_ok(), "{good}");
        }
        for bad in ["1", "-", "12a4", "12345678901234567890123456", "1-2", ""] {
            assert!(check_kid("p", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-1+1"), "'-1+1");
        assert_eq!(csv_cell("Kari Nordmann"), "Kari Nordmann");
    }
}
