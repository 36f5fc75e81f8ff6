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

/// Norwegian national identity number (fødselsnummer, also D-numbers and synthetic test numbers):
/// 11 digits, the last two MOD11 check digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fodselsnummer(String);

impl Fodselsnummer {
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let digits = digits_only(raw, &[' ']).ok_or("error-fnr-digits")?;
        if digits.len() != 11 {
            return Err("error-fnr-length");
        }
        let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let k1 = weighted_mod11(&d[..9], &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
        let k2 = weighted_mod11(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
        // A remainder giving 10 means no valid check digit exists for these nine digits.
        if k1 == 10 || k2 == 10 || d[9] != k1 || d[10] != k2 {
            return Err("error-fnr-checksum");
        }
        Ok(Self(digits))
    }

    /// Completes nine digits (date + individual number) with both check digits, if they exist.
    pub fn with_check_digits(first_nine: &str) -> Option<Self> {
        let d: Vec<u32> = first_nine.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
        if d.len() != 9 {
            return None;
        }
        let k1 = weighted_mod11(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
        let mut ten = d.clone();
        ten.push(k1);
        let k2 = weighted_mod11(&ten, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
        (k1 != 10 && k2 != 10).then(|| Self(format!("{first_nine}{k1}{k2}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Birth date as `YYYY-MM-DD`, undoing the D-number (+40 day) and synthetic (+40/+80 month) offsets.
    pub fn birth_date(&self) -> Option<String> {
        let n = |r: std::ops::Range<usize>| self.0[r].parse::<u32>().ok();
        let mut day = n(0..2)?;
        let mut month = n(2..4)?;
        let yy = n(4..6)?;
        let individ = n(6..9)?;
        if day > 40 {
            day -= 40;
        }
        if month > 80 {
            month -= 80;
        } else if month > 40 {
            month -= 40;
        }
        let century = match individ {
            0..=499 => 1900,
            500..=749 if yy >= 54 => 1800,
            500..=999 if yy <= 39 => 2000,
            900..=999 => 1900,
            _ => 1900,
        };
        ((1..=31).contains(&day) && (1..=12).contains(&month)).then(|| format!("{:04}-{month:02}-{day:02}", century + yy))
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

/// An amount in whole Norwegian kroner, never negative. Accepts `12 500`, `12500`, `12500,-` and
/// `12 500 kr`; decimals are rounded to whole kroner as the format stores integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Belop(i64);

impl Belop {
    pub fn parse(raw: &str) -> Result<Self, MessageKey> {
        let mut s: String = raw.trim().to_lowercase().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
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
        let (whole, frac) = match s.split_once([',', '.']) {
            Some((w, f)) => (w, f),
            None => (s.as_str(), ""),
        };
        if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
            return Err("error-belop-format");
        }
        if whole.len() > 12 {
            return Err("error-belop-too-large");
        }
        let mut kroner: i64 = whole.parse().map_err(|_| "error-belop-format")?;
        if frac.len() == 2 && frac.as_bytes()[0] >= b'5' || frac.len() == 1 && frac.as_bytes()[0] >= b'5' {
            kroner += 1;
        }
        if kroner > MAX_BELOP {
            return Err("error-belop-too-large");
        }
        Ok(Self(kroner))
    }

    pub fn kroner(self) -> i64 {
        self.0
    }

    pub fn from_kroner(k: i64) -> Self {
        Self(k.clamp(0, MAX_BELOP))
    }
}

impl fmt::Display for Belop {
    /// `12 500 kr` with a narrow no-break space between thousands, as Norwegian style prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        write!(f, "{out}\u{a0}kr")
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
        assert_eq!(format!("{f:?}").contains(f.as_str()), true, "Debug is for tests only");
    }

    #[test]
    fn kontonummer_mod11() {
        assert_eq!(Kontonummer::parse("1234.56.78903").map(|k| k.formatted()), Ok("1234 56 78903".to_owned()));
        assert_eq!(Kontonummer::parse("12345678904"), Err("error-konto-checksum"));
        assert_eq!(Kontonummer::parse("1234567890"), Err("error-konto-length"));
        assert_eq!(Kontonummer::parse("1234-56-78903"), Err("error-konto-digits"));
    }

    #[test]
    fn belop_accepts_everyday_spellings_and_refuses_negative() {
        assert_eq!(Belop::parse("12 500").map(Belop::kroner), Ok(12_500));
        assert_eq!(Belop::parse("12500,-").map(Belop::kroner), Ok(12_500));
        assert_eq!(Belop::parse("kr 99,50").map(Belop::kroner), Ok(100));
        assert_eq!(Belop::parse("4 200 kr").map(Belop::kroner), Ok(4_200));
        assert_eq!(Belop::parse("-1"), Err("error-belop-negative"));
        assert_eq!(Belop::parse("ti tusen"), Err("error-belop-format"));
        assert_eq!(Belop::parse("1e9"), Err("error-belop-format"));
        assert_eq!(Belop::parse("999999999999999999999"), Err("error-belop-too-large"));
        assert_eq!(Belop::from_kroner(12_500).to_string(), "12\u{a0}500\u{a0}kr");
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
        }

        #[test]
        fn every_completed_fodselsnummer_parses(nine in "[0-9]{9}") {
            if let Some(f) = Fodselsnummer::with_check_digits(&nine) {
                prop_assert!(Fodselsnummer::parse(f.as_str()).is_ok());
            }
        }
    }
}
