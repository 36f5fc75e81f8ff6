//! Identifiers and amounts parsed at the edge. Each parser returns a Fluent message key on failure,
//! so the web layer can show the reason next to the field in the user's language.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Message key for a rejected value (see `locales/*/main.ftl`).
pub type MessageKey = &'static str;

fn digits_only(raw: &str, allowed_separators: &[char]) -> Option<String> {
    let cleaned: String = raw.trim().chars().filter(|c| !allowed_separators.contains(c)).collect();
    cleaned.chars().all(|c| c.is_ascii_digit()).then_some(cleaned)
}

fn weighted_mod11(digits: &[u32], weights: &[u32]) -> u32 {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    (11 - sum % 11) % 11
}

/// Weights of the first check digit k1 over the date and individual number (digits 1–9).
const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
/// Weights of the second check digit k2 over digits 1–9 and k1.
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/// Remainders (mod 11) of the weighted sum of digits 1–9 plus k1 (weight 1) that make k1 valid: 0 alone
/// for numbers issued before 2032, and 0, 1, 2 or 3 under Skatteetaten's rule for numbers issued from
/// 1 January 2032 ("Nye fødselsnummer og d-nummer fra 2032").
const K1_REMAINDERS_2032: [u32; 4] = [0, 1, 2, 3];

fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// The remainder (mod 11) that k1 gives, `None` when k1 is not valid under either rule.
fn k1_remainder(first_nine: &[u32], k1: u32) -> Option<u32> {
    let remainder = (weighted_sum(first_nine, &K1_WEIGHTS) + k1) % 11;
    (k1 <= 9 && K1_REMAINDERS_2032.contains(&remainder)).then_some(remainder)
}

/// The second check digit for digits 1–9 and k1, `None` when MOD11 gives 10 (no such number).
fn k2_for(first_ten: &[u32]) -> Option<u32> {
    Some(weighted_mod11(first_ten, &K2_WEIGHTS)).filter(|k2| *k2 != 10)
}

/// Day and month with the D-number (+40 day) and synthetic (+40 or +80 month) offsets undone.
fn undo_offsets(day: u32, month: u32) -> (u32, u32) {
    let day = if day > 40 { day - 40 } else { day };
    let month = match month {
        81.. => month - 80,
        41.. => month - 40,
        _ => month,
    };
    (day, month)
}

fn calendar_date(year: i32, month: u32, day: u32) -> Option<time::Date> {
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// Whether the first six digits are a day of the year once the offsets are undone. The century cannot
/// be read from numbers issued from 2032, so, as Skatteetaten's own check does, the year is taken as
/// 20YY (29 February exists whenever YY is divisible by 4).
fn is_date(d: &[u32]) -> bool {
    let (day, month) = undo_offsets(d[0] * 10 + d[1], d[2] * 10 + d[3]);
    calendar_date(2000 + (d[4] * 10 + d[5]) as i32, month, day).is_some()
}

/// Norwegian national identity number (fødselsnummer), also D-numbers (day +40) and synthetic test
/// numbers (month +40, as NAV's test data has them, or +80, as Skatteetaten's Tenor has them):
/// 11 digits, `DDMMYY` + a three-digit individual number + two MOD11 check digits k1 and k2.
///
/// The check digits follow Skatteetaten: k2 is the MOD11 check digit of digits 1–10; k1 is valid when
/// the weighted sum of digits 1–9 (weights 3 7 6 1 8 9 4 5 2) plus k1 leaves remainder 0 mod 11 (numbers
/// issued before 2032), or 1, 2 or 3 (numbers issued from 2032, so that more numbers exist per date).
/// Skatteetaten's published example of a 2032 number is `30108299939`. Checked against NAV's
/// `@navikt/fnrvalidator` in `tests/fnr_oracle.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fodselsnummer(String);

impl Fodselsnummer {
    /// Parses 11 digits (spaces allowed) and checks both check digits (either rule) and that the
    /// first six digits are a date.
    ///
    /// Errors (Fluent message keys): `error-fnr-digits` (a character other than a digit or space),
    /// `error-fnr-length` (not 11 digits), `error-fnr-checksum` (a check digit is wrong),
    /// `error-fnr-date` (the first six digits are not a day, after the D-number and synthetic offsets).
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let digits = digits_only(raw, &[' ']).ok_or("error-fnr-digits")?;
        if digits.len() != 11 {
            return Err("error-fnr-length");
        }
        let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        if k1_remainder(&d[..9], d[9]).is_none() || k2_for(&d[..10]) != Some(d[10]) {
            return Err("error-fnr-checksum");
        }
        if !is_date(&d) {
            return Err("error-fnr-date");
        }
        Ok(Self(digits))
    }

    /// Completes nine digits (date + individual number) with the check digits as assigned before
    /// 2032 (k1 with remainder 0), if such a number exists: `None` when MOD11 gives 10 for k1 or k2, or
    /// when the first six digits are not a date. Numbers made here stay the same across versions
    /// (demo and test people are made this way); see [`Self::all_with_check_digits`] for every
    /// completion under the 2032 rule.
    pub fn with_check_digits(first_nine: &str) -> Option<Self> {
        Self::all_with_check_digits(first_nine).into_iter().find(|f| !f.issued_under_2032_rule())
    }

    /// Every valid number these nine digits complete to: at most four, one for each k1 remainder
    /// (0, then 1, 2, 3; see the type's doc) for which both check digits exist, the pre-2032 number
    /// (remainder 0) first when it exists. Empty when the input is not nine digits or not a date.
    pub fn all_with_check_digits(first_nine: &str) -> Vec<Self> {
        let Some(d) = first_nine.chars().map(|c| c.to_digit(10)).collect::<Option<Vec<u32>>>() else {
            return vec![];
        };
        if d.len() != 9 || !is_date(&d) {
            return vec![];
        }
        let sum = weighted_sum(&d, &K1_WEIGHTS);
        K1_REMAINDERS_2032
            .iter()
            .filter_map(|remainder| {
                // k1 such that (sum + k1) % 11 == remainder; 10 is no digit.
                let k1 = (remainder + 11 - sum % 11) % 11;
                let mut ten = d.clone();
                ten.push(k1);
                let k2 = k2_for(&ten)?;
                (k1 <= 9).then(|| Self(format!("{first_nine}{k1}{k2}")))
            })
            .collect()
    }

    /// Whether this number can only have been issued under the rule in force from 2032 (its k1 gives
    /// remainder 1, 2 or 3). A number issued from 2032 may also have remainder 0, so `false` does not
    /// prove an older number.
    pub fn issued_under_2032_rule(&self) -> bool {
        let d: Vec<u32> = self.0.chars().filter_map(|c| c.to_digit(10)).collect();
        k1_remainder(&d[..9], d[9]).is_some_and(|r| r != 0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Birth date as `YYYY-MM-DD`, undoing the D-number (+40 day) and synthetic (+40/+80 month)
    /// offsets, with the century read from the individual number (Skatteetaten's table for numbers
    /// issued before 2032). `None` for a number [issued under the 2032 rule](Self::issued_under_2032_rule),
    /// whose individual number no longer tells the century (take the date from the population
    /// register), and for a date that does not exist in the century read (29 February 1900).
    pub fn birth_date(&self) -> Option<String> {
        if self.issued_under_2032_rule() {
            return None;
        }
        let n = |r: std::ops::Range<usize>| self.0[r].parse::<u32>().ok();
        let (day, month) = undo_offsets(n(0..2)?, n(2..4)?);
        let yy = n(4..6)?;
        let century = match n(6..9)? {
            0..=499 => 1900,
            500..=749 if yy >= 54 => 1800,
            500..=999 if yy <= 39 => 2000,
            _ => 1900,
        };
        let date = calendar_date(century + yy as i32, month, day)?;
        Some(format!("{:04}-{:02}-{:02}", date.year(), month, date.day()))
    }

    /// For logs and screens where the full number is not needed: birth date part only.
    pub fn masked(&self) -> String {
        format!("{}*****", &self.0[..6])
    }
}

impl TryFrom<String> for Fodselsnummer {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Fodselsnummer> for String {
    fn from(f: Fodselsnummer) -> Self {
        f.0
    }
}

impl fmt::Display for Fodselsnummer {
    /// Masked on purpose: a fødselsnummer must not end up in logs by accident. Use `as_str` where the
    /// whole number is needed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Norwegian bank account number: 11 digits, the last a MOD11 check digit. Accepts `1234 56 78903`
/// and `1234.56.78903`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kontonummer(String);

impl Kontonummer {
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let digits = digits_only(raw, &[' ', '.']).ok_or("error-konto-digits")?;
        if digits.len() != 11 {
            return Err("error-konto-length");
        }
        let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let k = weighted_mod11(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
        if k == 10 || d[10] != k {
            return Err("error-konto-checksum");
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `1234 56 78903`, the way it is printed on cards and statements.
    pub fn formatted(&self) -> String {
        format!("{} {} {}", &self.0[..4], &self.0[4..6], &self.0[6..])
    }
}

/// Norwegian municipality number (kommunenummer): exactly four digits, e.g. `0301` for Oslo.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kommunenummer(String);

impl Kommunenummer {
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let raw = raw.trim();
        if raw.len() == 4 && raw.chars().all(|c| c.is_ascii_digit()) {
            Ok(Self(raw.to_owned()))
        } else {
            Err("error-kommune-unknown")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Kommunenummer {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Kommunenummer> for String {
    fn from(k: Kommunenummer) -> Self {
        k.0
    }
}

impl fmt::Display for Kommunenummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Largest amount accepted in one field: far above any real monthly figure, small enough that sums
/// of every field never overflow and typos like an extra five zeros are caught.
pub const MAX_BELOP: i64 = 100_000_000;

/// An amount in Norwegian kroner and øre, never negative. Accepts the ways Norwegians write
/// amounts: `12 500`, `12500`, `12.500` and `12,500` (thousands in groups of three), `12500,-`,
/// `12 500 kr`, `kr 12 500`, and øre after a comma or point (`1 200,50`, `99.5`, `12.000,50`).
///
/// Øre are kept as typed: the summary, the PDF copy and the office's page show `1 200,50 kr`.
/// soknad.json carries whole kroner, because every amount in the Digisos schema is an integer
/// (`soknad.json`: `belop`, `brutto`, `netto` are `"type": "integer"`), rounded to the nearest
/// krone ([`Belop::kroner`]); the application as sent keeps the øre beside it.
///
/// Stored (in the application as sent) as a JSON number of kroner: a whole number when there are
/// no øre, as it always was, and with two decimals when there are (`1200.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Belop(i64);

impl Belop {
    /// Errors: `error-belop-format` (not an amount), `error-belop-negative`,
    /// `error-belop-too-large` (above [`MAX_BELOP`] kroner).
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let mut s: String = raw.trim().to_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect();
        for suffix in ["kr", ",-", ".-"] {
            if let Some(stripped) = s.strip_suffix(suffix) {
                s = stripped.to_owned();
            }
        }
        if let Some(stripped) = s.strip_prefix("kr") {
            s = stripped.to_owned();
        }
        if s.starts_with('-') || s.starts_with('\u{2212}') {
            return Err("error-belop-negative");
        }
        let (whole, ore) = split_amount(&s).ok_or("error-belop-format")?;
        if whole.len() > 12 {
            return Err("error-belop-too-large");
        }
        let kroner: i64 = whole.parse().map_err(|_| "error-belop-format")?;
        // "50" after the comma is 50 øre, "5" is 50 øre too (99,5 = 99,50).
        let ore: i64 = if ore.is_empty() { 0 } else { format!("{ore:0<2}").parse().map_err(|_| "error-belop-format")? };
        if kroner > MAX_BELOP || (kroner == MAX_BELOP && ore > 0) {
            return Err("error-belop-too-large");
        }
        Ok(Self(kroner * 100 + ore))
    }

    /// Whole kroner, rounded to the nearest (50 øre up), as soknad.json carries amounts.
    pub fn kroner(self) -> i64 {
        (self.0 + 50) / 100
    }

    /// The amount in øre, exactly as typed.
    pub fn ore(self) -> i64 {
        self.0
    }

    /// `k` whole kroner (clamped to 0 ..= [`MAX_BELOP`]).
    pub fn from_kroner(k: i64) -> Self {
        Self(k.clamp(0, MAX_BELOP) * 100)
    }

    /// `ore` øre (clamped to 0 ..= [`MAX_BELOP`] kroner).
    pub fn from_ore(ore: i64) -> Self {
        Self(ore.clamp(0, MAX_BELOP * 100))
    }

    /// `ore` øre exactly, or `None` when it is negative or above [`MAX_BELOP`] kroner. Sums use this,
    /// never [`Self::from_ore`], so a total is never clamped without anyone noticing.
    pub fn try_from_ore(ore: i64) -> Option<Self> {
        (0..=MAX_BELOP * 100).contains(&ore).then_some(Self(ore))
    }

    /// The amount as the Digisos formats write kroner (`belop` in `utbetaling` is a JSON number of
    /// kroner): `4200.5` for 4 200,50 kr. Exact for every amount up to [`MAX_BELOP`], since an f64
    /// holds such numbers of øre exactly and the division by 100 rounds to the nearest double,
    /// whose shortest decimal form is the amount as written.
    pub fn as_kroner_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl Serialize for Belop {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Belop {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let kroner = f64::deserialize(d)?;
        if !kroner.is_finite() || kroner < 0.0 {
            return Err(serde::de::Error::custom("an amount is a number of kroner, not negative"));
        }
        Ok(Self::from_ore((kroner * 100.0).round() as i64))
    }
}

/// Splits an amount without spaces into its kroner digits and its øre digits (possibly empty).
/// A `.` or `,` followed by groups of exactly three digits separates thousands (`12.000`,
/// `1.200.000`, `12,000`); one followed by one or two digits at the end is the decimal separator
/// (`99,50`, `99.5`). With both, the last one is the decimal separator (`12.000,50`).
fn split_amount(s: &str) -> Option<(String, String)> {
    let is_sep = |c: char| c == '.' || c == ',';
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || is_sep(c)) {
        return None;
    }
    // The øre: after the last separator, when one or two digits follow it.
    let (body, ore) = match s.rfind(is_sep) {
        Some(i) if (1..=2).contains(&(s.len() - i - 1)) => (&s[..i], &s[i + 1..]),
        _ => (s, ""),
    };
    let mut groups = body.split(is_sep);
    let first = groups.next()?;
    if first.is_empty() {
        return None;
    }
    let rest: Vec<&str> = groups.collect();
    if rest.iter().any(|g| g.len() != 3) || (!rest.is_empty() && first.len() > 3) {
        return None;
    }
    // Thousands separators must all be the same character.
    let seps: Vec<char> = body.chars().filter(|c| is_sep(*c)).collect();
    if seps.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    if !ore.is_empty() && seps.first().is_some_and(|c| s[body.len()..].starts_with(*c)) {
        return None;
    }
    Some((std::iter::once(first).chain(rest).collect(), ore.to_owned()))
}

impl fmt::Display for Belop {
    /// `12 500 kr`, or `1 200,50 kr` with øre, with a no-break space between thousands as
    /// Norwegian style prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use std::fmt::Write as _;
        let digits = (self.0 / 100).to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        if self.0 % 100 != 0 {
            write!(out, ",{:02}", self.0 % 100)?;
        }
        write!(f, "{out}\u{a0}kr")
    }
}

/// Which check-digit rule a KID uses. The payee's agreement with its bank decides; a payer cannot
/// know it, so [`Kid::parse`] accepts a number that is valid under either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KidModulus {
    /// Luhn: from the right, digits weighted 2, 1, 2, 1 …, digit sums of the products added; the check
    /// digit makes the total a multiple of 10.
    Mod10,
    /// From the right, digits weighted 2, 3, 4, 5, 6, 7, 2, 3 …; the check digit is 11 minus the sum
    /// modulo 11, 0 when that is 11, and `-` when it is 10.
    Mod11,
}

/// KID (kundeidentifikasjon), the customer reference a Norwegian payee prints on its giro so that
/// its bank can match the payment: 2 to 25 characters, digits with a check digit last (MOD10 or
/// MOD11, see [`KidModulus`]); under MOD11 the check character may be `-`.
///
/// Source of the rule: the OCR giro specification of the Norwegian banks' clearing (Nets, now
/// Mastercard Payment Services; summarised in Norwegian Wikipedia's "KID-nummer"). Checked against
/// the independent PyPI package `kid-util` (and `python-stdnum`'s Luhn for MOD10) in
/// `tests/kid_oracle.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kid(String);

/// The shortest and longest KID, check character included.
pub const KID_MIN: usize = 2;
pub const KID_MAX: usize = 25;

impl Kid {
    /// Parses a KID as printed (spaces allowed, e.g. `1234 5678 9012 3`).
    ///
    /// Errors (Fluent message keys): `error-kid-format` (anything but digits, and `-` as the last
    /// character), `error-kid-length` (not 2–25 characters), `error-kid-checksum` (the check character
    /// is wrong under both MOD10 and MOD11).
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let compact: String = raw.trim().chars().filter(|c| *c != ' ').collect();
        let (payload, check) = match compact.char_indices().last() {
            Some((i, c)) => (&compact[..i], c),
            None => return Err("error-kid-length"),
        };
        if !payload.chars().all(|c| c.is_ascii_digit()) || !(check.is_ascii_digit() || check == '-') {
            return Err("error-kid-format");
        }
        if !(KID_MIN..=KID_MAX).contains(&compact.len()) {
            return Err("error-kid-length");
        }
        if Self::check_char(payload, KidModulus::Mod10) == Some(check) || Self::check_char(payload, KidModulus::Mod11) == Some(check) {
            Ok(Self(compact))
        } else {
            Err("error-kid-checksum")
        }
    }

    /// The check character for `payload` (digits only) under `modulus`; `None` when the payload has
    /// anything but digits.
    pub fn check_char(payload: &str, modulus: KidModulus) -> Option<char> {
        let digits: Vec<u32> = payload.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
        let from_right = digits.iter().rev().enumerate();
        let check = match modulus {
            KidModulus::Mod10 => {
                let sum: u32 = from_right
                    .map(|(i, d)| {
                        if i % 2 == 0 {
                            let p = d * 2;
                            p / 10 + p % 10
                        } else {
                            *d
                        }
                    })
                    .sum();
                (10 - sum % 10) % 10
            }
            KidModulus::Mod11 => {
                let sum: u32 = from_right.map(|(i, d)| d * (2 + (i as u32 % 6))).sum();
                match 11 - sum % 11 {
                    11 => 0,
                    10 => return Some('-'),
                    k => k,
                }
            }
        };
        char::from_digit(check, 10)
    }

    /// The payload completed with its check character, e.g. for test data and demo invoices.
    pub fn with_check(payload: &str, modulus: KidModulus) -> Result<Self, MessageKey> {
        let check = Self::check_char(payload, modulus).ok_or("error-kid-format")?;
        Self::parse(&format!("{payload}{check}"))
    }

    /// The moduli under which this KID's check character is right (one or both).
    pub fn moduli(&self) -> Vec<KidModulus> {
        let (payload, check) = self.0.split_at(self.0.len() - 1);
        [KidModulus::Mod10, KidModulus::Mod11].into_iter().filter(|m| Self::check_char(payload, *m).map(String::from).as_deref() == Some(check)).collect()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Kid {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Kid> for String {
    fn from(k: Kid) -> Self {
        k.0
    }
}

/// A phone number in the format's `+<digits>` form. Eight digits alone are Norwegian (+47).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Telefonnummer(String);

impl Telefonnummer {
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let compact: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.')).collect();
        let (plus, rest) = match compact.strip_prefix('+') {
            Some(r) => (true, r.to_owned()),
            None => match compact.strip_prefix("00") {
                Some(r) => (true, r.to_owned()),
                None => (false, compact.clone()),
            },
        };
        if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
            return Err("error-telefon-format");
        }
        if plus {
            return if (8..=15).contains(&rest.len()) { Ok(Self(format!("+{rest}"))) } else { Err("error-telefon-format") };
        }
        if rest.len() == 8 {
            Ok(Self(format!("+47{rest}")))
        } else {
            Err("error-telefon-format")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For reading: a Norwegian number as `+47 912 34 567` (how Norwegians group a mobile number),
    /// others as stored (`+46701234567`).
    pub fn formatted(&self) -> String {
        match self.0.strip_prefix("+47") {
            Some(n) if n.len() == 8 => format!("+47 {} {} {}", &n[..3], &n[3..5], &n[5..]),
            _ => self.0.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fodselsnummer_checks_both_check_digits() {
        let valid = Fodselsnummer::with_check_digits("010190123").map(|f| f.0);
        let valid = valid.or_else(|| Fodselsnummer::with_check_digits("010190124").map(|f| f.0)).unwrap();
        assert!(Fodselsnummer::parse(&valid).is_ok());
        let mut wrong = valid.clone().into_bytes();
        wrong[10] = if wrong[10] == b'9' { b'0' } else { wrong[10] + 1 };
        assert_eq!(Fodselsnummer::parse(std::str::from_utf8(&wrong).unwrap()), Err("error-fnr-checksum"));
        assert_eq!(Fodselsnummer::parse("1234"), Err("error-fnr-length"));
        assert_eq!(Fodselsnummer::parse("0101901234x"), Err("error-fnr-digits"));
    }

    #[test]
    fn numbers_issued_under_the_2032_rule_are_accepted() {
        // Skatteetaten's published example: k1 = 3 gives remainder 1, not 0.
        let example = Fodselsnummer::parse("30108299939").expect("Skatteetaten's example");
        assert!(example.issued_under_2032_rule());
        assert_eq!(example.birth_date(), None, "the century can no longer be read from the number");
        // All completions of one prefix: the old number first, then the 2032 ones.
        let all = Fodselsnummer::all_with_check_digits("301082999");
        assert!(all.iter().any(|f| f.as_str() == "30108299939"), "{all:?}");
        assert!(all.len() >= 2 && all.iter().skip(1).all(Fodselsnummer::issued_under_2032_rule), "{all:?}");
        assert_eq!(Fodselsnummer::with_check_digits("301082999").as_ref(), all.first().filter(|f| !f.issued_under_2032_rule()));
        // D-numbers and synthetic numbers under the 2032 rule.
        for nine in ["701082999", "305082999", "309082999", "709082999"] {
            let numbers = Fodselsnummer::all_with_check_digits(nine);
            let new = numbers.iter().find(|f| f.issued_under_2032_rule()).unwrap_or_else(|| panic!("{nine}: {numbers:?}"));
            assert_eq!(Fodselsnummer::parse(new.as_str()).as_ref(), Ok(new));
        }
    }

    #[test]
    fn numbers_made_before_stay_the_same() {
        // The demo people and the test people are made with `with_check_digits`, taking the first
        // individual number for which one exists; these are the numbers the old rule made.
        let first = |eight: &str| (0..10).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).map(String::from);
        for (eight, made) in [("01019012", "01019012057"), ("12819012", "12819012022"), ("03918545", "03918545130"), ("15928834", "15928834023"), ("02029112", "02029112188")] {
            assert_eq!(first(eight).as_deref(), Some(made));
        }
        assert!(!Fodselsnummer::parse("12819012022").expect("valid").issued_under_2032_rule());
        // MOD11 gives 10 for k1 of 010190123 under the old rule, so 01019012345 never existed.
        assert_eq!(Fodselsnummer::parse("01019012345"), Err("error-fnr-checksum"));
    }

    #[test]
    fn the_first_six_digits_must_be_a_date() {
        // Every completion of these nine digits whose check digits are right is refused as no date.
        for nine in ["310290123", "290201123", "000190123", "013390123", "400190123", "329190123"] {
            let reasons: Vec<_> = (0..100).map(|k| Fodselsnummer::parse(&format!("{nine}{k:02}"))).collect();
            assert!(reasons.iter().all(|r| matches!(r, Err("error-fnr-checksum" | "error-fnr-date"))), "{nine}");
            assert!(reasons.contains(&Err("error-fnr-date")), "{nine}");
            assert!(Fodselsnummer::all_with_check_digits(nine).is_empty(), "{nine}");
        }
        // 29 February in a year divisible by four; D-number and synthetic offsets undone.
        for nine in ["290200123", "290204123", "690204123", "294204123", "298204123", "719212123"] {
            assert!(!Fodselsnummer::all_with_check_digits(nine).is_empty(), "{nine}");
        }
    }

    #[test]
    fn synthetic_and_d_numbers_give_the_real_birth_date() {
        let synthetic = Fodselsnummer::with_check_digits("158504523").or_else(|| Fodselsnummer::with_check_digits("158504524")).unwrap();
        assert_eq!(synthetic.birth_date().as_deref(), Some("2004-05-15"));
        let d_number = Fodselsnummer::with_check_digits("550190123").or_else(|| Fodselsnummer::with_check_digits("550190124")).unwrap();
        assert_eq!(d_number.birth_date().as_deref(), Some("1990-01-15"));
    }

    #[test]
    fn fodselsnummer_never_prints_in_full() {
        let f = Fodselsnummer::with_check_digits("010190123").or_else(|| Fodselsnummer::with_check_digits("010190124")).unwrap();
        assert_eq!(f.to_string(), "010190*****");
        assert!(format!("{f:?}").contains(f.as_str()), "Debug is for tests only");
    }

    #[test]
    fn kontonummer_mod11() {
        assert_eq!(Kontonummer::parse("1234.56.78903").map(|k| k.formatted()), Ok("1234 56 78903".to_owned()));
        assert_eq!(Kontonummer::parse("12345678904"), Err("error-konto-checksum"));
        assert_eq!(Kontonummer::parse("1234567890"), Err("error-konto-length"));
        assert_eq!(Kontonummer::parse("1234-56-78903"), Err("error-konto-digits"));
    }

    #[test]
    fn phone_numbers_read_in_groups() {
        assert_eq!(Telefonnummer::parse("+47 912 34 567").map(|t| (t.as_str().to_owned(), t.formatted())), Ok(("+4791234567".to_owned(), "+47 912 34 567".to_owned())));
        assert_eq!(Telefonnummer::parse("0046 70 123 45 67").map(|t| t.formatted()), Ok("+46701234567".to_owned()));
    }

    #[test]
    fn belop_is_stored_as_kroner_and_reads_what_was_stored_before_ore() {
        // Applications sent before øre were kept stored whole kroner as integers.
        assert_eq!(serde_json::from_str::<Belop>("1200").map(Belop::ore).ok(), Some(120_000));
        let with_ore = Belop::parse("1 200,50").unwrap();
        assert_eq!(serde_json::to_string(&with_ore).ok().as_deref(), Some("1200.5"));
        assert_eq!(serde_json::to_string(&Belop::from_kroner(1200)).ok().as_deref(), Some("1200"), "whole kroner stay integers");
        assert_eq!(serde_json::from_str::<Belop>("1200.5").ok(), Some(with_ore));
        assert_eq!(serde_json::from_str::<Belop>("0.07").map(Belop::ore).ok(), Some(7));
        assert!(serde_json::from_str::<Belop>("-3").is_err());
    }

    #[test]
    fn belop_accepts_everyday_spellings_and_refuses_negative() {
        assert_eq!(Belop::parse("12 500").map(Belop::kroner), Ok(12_500));
        assert_eq!(Belop::parse("12500,-").map(Belop::kroner), Ok(12_500));
        assert_eq!(Belop::parse("kr 99,00").map(Belop::kroner), Ok(99));
        // Øre are kept as typed, shown with the amount, and rounded only for soknad.json.
        assert_eq!(Belop::parse("kr 99,50").map(Belop::ore), Ok(9_950));
        assert_eq!(Belop::parse("1 200,50").map(|b| (b.ore(), b.kroner(), b.to_string())), Ok((120_050, 1_201, "1\u{a0}200,50\u{a0}kr".to_owned())));
        assert_eq!(Belop::parse("1200.5").map(Belop::ore), Ok(120_050));
        assert_eq!(Belop::parse("1200,49").map(Belop::kroner), Ok(1_200));
        assert_eq!(Belop::parse("12.000,05").map(|b| b.to_string()), Ok("12\u{a0}000,05\u{a0}kr".to_owned()));
        assert_eq!(Belop::parse("100 000 000,01"), Err("error-belop-too-large"));
        // Thousands written with a point or a comma, as Norwegians (and the English) do.
        assert_eq!(Belop::parse("12.000").map(Belop::kroner), Ok(12_000));
        assert_eq!(Belop::parse("12,000").map(Belop::kroner), Ok(12_000));
        assert_eq!(Belop::parse("1.200.000").map(Belop::kroner), Ok(1_200_000));
        assert_eq!(Belop::parse("12.000,00").map(Belop::kroner), Ok(12_000));
        assert_eq!(Belop::parse("12 000 kr").map(Belop::kroner), Ok(12_000));
        assert_eq!(Belop::parse("12.00").map(Belop::kroner), Ok(12));
        assert_eq!(Belop::parse("12.0000"), Err("error-belop-format"));
        assert_eq!(Belop::parse("1.2.3"), Err("error-belop-format"));
        assert_eq!(Belop::parse("1.200,000"), Err("error-belop-format"));
        assert_eq!(Belop::parse("12,000.000,5"), Err("error-belop-format"));
        assert_eq!(Belop::parse("4 200 kr").map(Belop::kroner), Ok(4_200));
        assert_eq!(Belop::parse("-1"), Err("error-belop-negative"));
        assert_eq!(Belop::parse("ti tusen"), Err("error-belop-format"));
        assert_eq!(Belop::parse("1e9"), Err("error-belop-format"));
        assert_eq!(Belop::parse("999999999999999999999"), Err("error-belop-too-large"));
        assert_eq!(Belop::from_kroner(12_500).to_string(), "12\u{a0}500\u{a0}kr");
    }

    #[test]
    fn kid_accepts_mod10_and_mod11_and_the_dash() {
        // Luhn: 7992739871 completes to 79927398713 (the textbook example).
        assert_eq!(Kid::check_char("7992739871", KidModulus::Mod10), Some('3'));
        assert_eq!(Kid::parse("7992 7398 713").map(|k| k.0), Ok("79927398713".to_owned()));
        // MOD11 with remainder 10: the check character is '-'.
        let dash = (0..1000).map(|n| format!("{n:04}")).find(|p| Kid::check_char(p, KidModulus::Mod11) == Some('-')).unwrap();
        let kid = Kid::parse(&format!("{dash}-")).unwrap();
        assert_eq!(kid.moduli(), vec![KidModulus::Mod11]);
        assert_eq!(Kid::parse("1234-5"), Err("error-kid-format"), "a dash only as the check character");
        assert_eq!(Kid::parse("7"), Err("error-kid-length"));
        assert_eq!(Kid::parse(&"1".repeat(26)), Err("error-kid-length"));
        assert_eq!(Kid::parse("79927398710"), Err("error-kid-checksum"));
        assert_eq!(Kid::with_check("123456", KidModulus::Mod11).map(|k| k.moduli().contains(&KidModulus::Mod11)), Ok(true));
    }

    #[test]
    fn telefon_normalises_norwegian_numbers() {
        assert_eq!(Telefonnummer::parse("912 34 567").map(|t| t.0), Ok("+4791234567".to_owned()));
        assert_eq!(Telefonnummer::parse("+46 70 123 45 67").map(|t| t.0), Ok("+46701234567".to_owned()));
        assert_eq!(Telefonnummer::parse("123"), Err("error-telefon-format"));
    }

    proptest! {
        #[test]
        fn parsers_never_panic(s in "\\PC{0,40}") {
            let _ = Fodselsnummer::parse(&s);
            let _ = Kontonummer::parse(&s);
            let _ = Belop::parse(&s);
            let _ = Telefonnummer::parse(&s);
            let _ = Kommunenummer::parse(&s);
            let _ = Kid::parse(&s);
        }

        /// A KID made with either rule parses, and one digit typed wrong is caught by the rule that
        /// made it (MOD10 and MOD11 both catch every single wrong digit).
        #[test]
        fn one_wrong_kid_digit_is_caught(payload in "[0-9]{1,24}", mod11 in any::<bool>(), at in 0usize..24, change in 1u32..10) {
            let modulus = if mod11 { KidModulus::Mod11 } else { KidModulus::Mod10 };
            let kid = Kid::with_check(&payload, modulus).expect("complete");
            prop_assert!(kid.moduli().contains(&modulus));
            let at = at % payload.len();
            let mut digits: Vec<u32> = payload.chars().filter_map(|c| c.to_digit(10)).collect();
            digits[at] = (digits[at] + change) % 10;
            let typo: String = digits.iter().map(u32::to_string).collect::<String>() + &kid.as_str()[payload.len()..];
            prop_assert!(Kid::parse(&typo).map(|k| !k.moduli().contains(&modulus)).unwrap_or(true), "{} accepted under {:?}", typo, modulus);
        }

        #[test]
        fn every_completed_fodselsnummer_parses(nine in "[0-9]{9}") {
            if let Some(f) = Fodselsnummer::with_check_digits(&nine) {
                prop_assert!(Fodselsnummer::parse(f.as_str()).is_ok());
                prop_assert!(!f.issued_under_2032_rule());
            }
            for f in Fodselsnummer::all_with_check_digits(&nine) {
                prop_assert_eq!(Fodselsnummer::parse(f.as_str()), Ok(f.clone()));
            }
        }

        /// Four valid k1 values per number do not weaken the check: k2 still catches any one wrong digit.
        #[test]
        fn one_wrong_digit_is_always_caught(nine in "[0-3][0-9][0-1][0-9]{6}", at in 0usize..11, change in 1u32..10) {
            for f in Fodselsnummer::all_with_check_digits(&nine) {
                let mut digits: Vec<u32> = f.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
                digits[at] = (digits[at] + change) % 10;
                let typo: String = digits.iter().map(u32::to_string).collect();
                prop_assert!(Fodselsnummer::parse(&typo).is_err(), "{} accepted for {}", typo, f.as_str());
            }
        }
    }
}
