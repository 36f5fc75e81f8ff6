//! A concern report in the structure of KS Fiks bekymringsmelding, so a municipality's
//! child-welfare case system that takes reports over Fiks IO can take ours in.
//!
//! Source: the public JSON schemas of the protocol (github.com/ks-no/fiks-io-bekymringsmelding-
//! protokoll, `schema/domain/v2/privat.bekymringsmelding.v2.json` and
//! `offentlig.bekymringsmelding.v2.json`, message types `no.ks.fiks.bekymringsmelding.privat.v2` and
//! `…offentlig.v2`). Written from the field names and types those schemas give; nothing of their
//! code is used. Where Velferd's form does not ask what the protocol requires, the field is left
//! out rather than invented, and [`Export::missing`] names it:
//! - `bydelsnummer`/`bydelsnavn` (city district): not asked;
//! - a professional's report: `foresatte` (guardians, and whether they were told), `melding.historie`,
//!   the workplace's `adresse`, and each child's `orientert` (whether the child was told);
//! - an anonymous report: the protocol has no anonymous reporter (Fiks' own portal signs private
//!   reporters in), so `privatMelder.personnavn` is missing.

use serde_json::{json, Map, Value};

use super::{Report, Reporter};

/// The exported message, its Fiks message type and what the protocol requires that the report
/// does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub message_type: &'static str,
    pub body: Value,
    pub missing: Vec<&'static str>,
}

/// An address as the protocol has it: the whereabouts as the first line.
fn address(line: &str) -> Value {
    json!({ "adresselinje1": line })
}

/// The child's age in whole years on `today` (ISO dates), as the private form's `antattAlder`.
fn age(birth: &str, today: time::Date) -> Option<String> {
    let b = crate::office::parse_date(birth)?;
    let mut years = today.year() - b.year();
    if (u8::from(today.month()), today.day()) < (u8::from(b.month()), b.day()) {
        years -= 1;
    }
    (years >= 0).then(|| years.to_string())
}

/// The report as a Fiks bekymringsmelding v2: `kommunenavn` from the catalogue, `sent` the time of
/// receipt as RFC 3339, `today` for the child's age.
pub fn export(report: &Report, kommunenavn: &str, sent: &str, today: time::Date) -> Export {
    let mut body = Map::new();
    let mut missing = vec!["bydelsnummer", "bydelsnavn"];
    body.insert("kommunenummer".into(), json!(report.kommune.as_str()));
    body.insert("kommunenavn".into(), json!(kommunenavn));
    body.insert("sendingstidspunkt".into(), json!(sent));
    body.insert("leveringskanal".into(), json!("velferd"));
    let child = &report.child;
    let message_type = match &report.reporter {
        Reporter::Offentlig { name, role, organisation, phone, email, .. } => {
            let mut melder = Map::new();
            melder.insert("personnavn".into(), json!(name));
            melder.insert("rolle".into(), json!(role));
            melder.insert("telefonnummer".into(), json!(phone));
            melder.insert("epost".into(), json!(email));
            melder.insert("virksomhet".into(), json!({ "navn": organisation }));
            missing.push("offentligMelder.virksomhet.adresse");
            body.insert("offentligMelder".into(), Value::Object(melder));
            body.insert(
                "offentligBarn".into(),
                json!([{ "fnr": child.fnr.as_ref().map_or("", |f| f.as_str()), "ufoedt": false, "personnavn": child.name, "adresse": address(&child.whereabouts) }]),
            );
            missing.extend(["offentligBarn.orientert", "foresatte", "melding.historie"]);
            body.insert("melding".into(), json!({ "melding": report.concern }));
            "no.ks.fiks.bekymringsmelding.offentlig.v2"
        }
        other => {
            let mut melder = Map::new();
            if let Reporter::Privat { name, phone, .. } = other {
                melder.insert("personnavn".into(), json!(name));
                if !phone.is_empty() {
                    melder.insert("telefonnummer".into(), json!(phone));
                }
            } else {
                missing.push("privatMelder.personnavn");
            }
            body.insert("privatMelder".into(), Value::Object(melder));
            let mut barn = Map::new();
            barn.insert("personnavn".into(), json!(child.name));
            barn.insert("adresse".into(), address(&child.whereabouts));
            if let Some(a) = child.birth_date.as_deref().and_then(|b| age(b, today)) {
                barn.insert("antattAlder".into(), json!(a));
            }
            body.insert("privatBarn".into(), json!([Value::Object(barn)]));
            body.insert("melding".into(), json!(report.concern));
            "no.ks.fiks.bekymringsmelding.privat.v2"
        }
    };
    Export { message_type, body: Value::Object(body), missing }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::barnevern::{Child, Jurisdiction, Urgency};
    use crate::ids::{Fodselsnummer, Kommunenummer};

    fn report(reporter: Reporter) -> Report {
        Report {
            kommune: Kommunenummer::parse("0301").expect("k"),
            jurisdiction: Jurisdiction::Norway,
            child: Child { name: "Emil".into(), fnr: None, birth_date: Some("2016-05-01".into()), whereabouts: "Fjell skole".into() },
            concern: "Sulten og redd.".into(),
            urgency: Urgency::Snart,
            danger_now: false,
            reporter,
        }
    }

    #[test]
    fn a_private_report_has_the_private_messages_fields_and_the_childs_age() {
        let e = export(&report(Reporter::Privat { name: "Per".into(), phone: "99 99 99 99".into(), email: String::new() }), "Oslo", "2026-12-01T08:00:00Z", date!(2026 - 12 - 01));
        assert_eq!(e.message_type, "no.ks.fiks.bekymringsmelding.privat.v2");
        assert_eq!(e.body["privatMelder"]["personnavn"], "Per");
        assert_eq!(e.body["privatBarn"][0]["antattAlder"], "10");
        assert_eq!(e.body["privatBarn"][0]["adresse"]["adresselinje1"], "Fjell skole");
        assert_eq!(e.body["melding"], "Sulten og redd.");
        assert_eq!(e.missing, ["bydelsnummer", "bydelsnavn"]);
        let anonymous = export(&report(Reporter::Anonym), "Oslo", "2026-12-01T08:00:00Z", date!(2026 - 12 - 01));
        assert!(anonymous.missing.contains(&"privatMelder.personnavn"), "the protocol has no anonymous reporter");
        assert_eq!(anonymous.body["privatMelder"], json!({}));
    }

    #[test]
    fn a_professionals_report_names_what_the_form_does_not_ask() {
        let fnr = Fodselsnummer::with_check_digits("128190120").or_else(|| Fodselsnummer::with_check_digits("128190121")).expect("fnr");
        let pro =
            Reporter::Offentlig { fnr, name: "Lise".into(), role: "Lærer".into(), organisation: "Fjell skole".into(), phone: "22 22 22 22".into(), email: "lise@skole.no".into() };
        let e = export(&report(pro), "Oslo", "2026-12-01T08:00:00Z", date!(2026 - 12 - 01));
        assert_eq!(e.message_type, "no.ks.fiks.bekymringsmelding.offentlig.v2");
        assert_eq!(e.body["offentligMelder"]["virksomhet"]["navn"], "Fjell skole");
        assert_eq!(e.body["offentligBarn"][0]["ufoedt"], false);
        assert_eq!(e.body["melding"]["melding"], "Sulten og redd.");
        assert!(e.missing.contains(&"foresatte") && e.missing.contains(&"melding.historie"));
        assert!(e.body.get("foresatte").is_none(), "nothing is invented");
    }
}
