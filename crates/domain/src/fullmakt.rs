//! Powers of attorney (fullmakt): the owner of an application lets a named helper — family, a
//! guardian, a social worker outside NAV — follow that one application for a while, and optionally
//! send documents to it. The rules for granting one live here; who may see what under a power is
//! decided in the store, in SQL.

use crate::ids::Fodselsnummer;
use crate::office::Refusal;
use crate::text::{clean_line, MAX_SHORT_TEXT};

/// The periods a power can be given for, in months.
pub const PERIODS: [i64; 4] = [1, 3, 6, 12];

/// Thirty days: a "month" of a power. A power given for 3 months ends 90 days later.
pub const MONTH_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// What the owner asked for, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PowerForm {
    /// The helper's fødselsnummer or D-nummer (11 digits; spaces allowed).
    pub fnr: String,
    /// The helper's name as the owner writes it; shown on the owner's page, in "who has looked at
    /// my case" and to the case system.
    pub name: String,
    /// One of [`PERIODS`], as text.
    pub months: String,
    /// Whether the helper may send documents too, not only follow.
    pub may_send_documents: bool,
    /// The power covers the conversation with the office (reading and writing messages).
    pub may_write_messages: bool,
}

/// A power that passed [`check_power`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PowerGrant {
    pub helper: Fodselsnummer,
    /// The name, cleaned (one line, no control or direction characters, at most 200 characters).
    pub name: String,
    pub months: i64,
    pub may_send_documents: bool,
    /// The power covers the conversation with the office (reading and writing messages).
    pub may_write_messages: bool,
}

/// Checks a power the owner asks for. Every field's fault is returned at once (message key and
/// field: `fnr`, `navn`, `maneder`), so the form can show them all next to their fields: the
/// helper's number must be a valid fødselsnummer or D-nummer and not the owner's own, the name is
/// required and one line of at most 200 characters, the period one of [`PERIODS`].
pub fn check_power(owner: &Fodselsnummer, form: &PowerForm) -> Result<PowerGrant, Vec<Refusal>> {
    let mut refused = Vec::new();
    let fnr = form.fnr.trim();
    let helper = match Fodselsnummer::parse(fnr) {
        Ok(f) if &f == owner => {
            refused.push(Refusal { key: "helper-error-self", field: "fnr" });
            None
        }
        Ok(f) => Some(f),
        Err(_) => {
            refused.push(Refusal { key: if fnr.is_empty() { "error-required" } else { "helper-error-fnr" }, field: "fnr" });
            None
        }
    };
    let name = match clean_line(&form.name, MAX_SHORT_TEXT) {
        Err(key) => {
            refused.push(Refusal { key, field: "navn" });
            None
        }
        Ok(n) if n.is_empty() => {
            refused.push(Refusal { key: "error-required", field: "navn" });
            None
        }
        Ok(n) => Some(n),
    };
    let months = form.months.trim().parse::<i64>().ok().filter(|m| PERIODS.contains(m));
    if months.is_none() {
        refused.push(Refusal { key: "error-choose", field: "maneder" });
    }
    match (helper, name, months) {
        (Some(helper), Some(name), Some(months)) => {
            Ok(PowerGrant { helper, name, months, may_send_documents: form.may_send_documents, may_write_messages: form.may_write_messages })
        }
        _ => Err(refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fnr(eight: &str) -> Fodselsnummer {
        (0..10).find_map(|i| Fodselsnummer::with_check_digits(&format!("{eight}{i}"))).unwrap()
    }

    fn owner() -> Fodselsnummer {
        fnr("12819012")
    }

    fn valid_other() -> String {
        fnr("03918545").as_str().to_owned()
    }

    #[test]
    fn a_complete_form_gives_a_power() {
        let form = PowerForm { fnr: valid_other(), name: "  Anne Hansen ".into(), months: "3".into(), may_send_documents: true, may_write_messages: false };
        let grant = check_power(&owner(), &form).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((grant.name.as_str(), grant.months, grant.may_send_documents), ("Anne Hansen", 3, true));
    }

    #[test]
    fn every_fault_is_named_at_its_field() {
        let empty = check_power(&owner(), &PowerForm::default()).unwrap_err();
        assert_eq!(empty.iter().map(|r| (r.field, r.key)).collect::<Vec<_>>(), vec![("fnr", "error-required"), ("navn", "error-required"), ("maneder", "error-choose")]);
        let own = PowerForm { fnr: owner().as_str().into(), name: "Meg\u{202E}selv".into(), months: "2".into(), may_send_documents: false, may_write_messages: false };
        let refused = check_power(&owner(), &own).unwrap_err();
        assert_eq!(refused[0], Refusal { key: "helper-error-self", field: "fnr" });
        assert_eq!(refused[1].field, "navn", "a direction override in a name is refused");
        assert_eq!(refused[2], Refusal { key: "error-choose", field: "maneder" }, "2 months is not offered");
        let typo = PowerForm { fnr: "12345678901".into(), name: "Anne".into(), months: "12".into(), may_send_documents: false, may_write_messages: false };
        assert_eq!(check_power(&owner(), &typo).unwrap_err(), vec![Refusal { key: "helper-error-fnr", field: "fnr" }]);
    }
}
