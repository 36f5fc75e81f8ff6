//! Synthetic people for `--demo`. Their numbers use the synthetic-number convention (month + 80), so
//! they can never belong to a real person.

use velferd_domain::application::{Soker, SokerAdresse};
use velferd_domain::ids::Fodselsnummer;
use velferd_store::Store;

/// (birth date ddmmyy with month+80, individual number prefix, first, last, street, no, postcode, place, kommune)
const PEOPLE: [(&str, &str, &str, &str, &str, &str, &str, &str, &str); 5] = [
    ("128190", "12", "Kari", "Nordmann", "Storgata", "12", "0184", "Oslo", "0301"),
    ("039185", "45", "Ola", "Hansen", "Nygårdsgaten", "3", "5015", "Bergen", "4601"),
    ("228201", "54", "Amina", "Hassan", "Olav Tryggvasons gate", "40", "7011", "Trondheim", "5001"),
    ("079175", "23", "Jon", "Berg", "Kirkegata", "7", "4006", "Stavanger", "1103"),
    ("308899", "31", "Siri", "Johansen", "Storgata", "88", "9008", "Tromsø", "5501"),
];

/// The demo people, each with a valid synthetic fødselsnummer.
pub fn demo_people() -> Vec<Soker> {
    PEOPLE
        .iter()
        .filter_map(|(date, individ, fornavn, etternavn, gate, nr, postnr, sted, kommune)| {
            // The first individual number for which both check digits exist.
            let fnr = (0..10).find_map(|d| Fodselsnummer::with_check_digits(&format!("{date}{individ}{d}")))?;
            Some(Soker {
                fnr,
                fornavn: (*fornavn).to_owned(),
                mellomnavn: String::new(),
                etternavn: (*etternavn).to_owned(),
                adresse: Some(SokerAdresse {
                    gatenavn: (*gate).to_owned(),
                    husnummer: (*nr).to_owned(),
                    postnummer: (*postnr).to_owned(),
                    poststed: (*sted).to_owned(),
                    kommunenummer: (*kommune).to_owned(),
                }),
            })
        })
        .collect()
}

/// Puts the demo people in the register (idempotent; run at every start with `--demo`).
pub async fn seed_demo_people(store: &Store) -> Result<usize, velferd_store::StoreError> {
    let people = demo_people();
    for p in &people {
        store.upsert_person(p).await?;
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_person_has_a_valid_synthetic_number() {
        let people = super::demo_people();
        assert_eq!(people.len(), super::PEOPLE.len());
        for p in people {
            assert!(p.fnr.birth_date().is_some(), "{}", p.fornavn);
            assert!(p.fnr.as_str()[2..4].parse::<u32>().unwrap() > 80, "synthetic month");
        }
    }
}
