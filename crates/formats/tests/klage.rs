//! The appeal (klage) types against the examples of NAV's `klage-filformat.md` (vendored in
//! `digisos/`): every JSON example in that file is read into its type and written back unchanged.
//! There is no fixture folder for appeals upstream, so these examples are the official ones.

#![allow(clippy::unwrap_used)]

use serde_json::Value;
use velferd_formats::klage::{JsonKlage, KlageHendelse, KlageJson, KlageStatus, KlageUtfall, StatsforvalterUtfall, TrekkKlageJson};
use velferd_formats::{validate, Kind};

const SPEC: &str = include_str!("../digisos/klage-filformat.md");

/// Every ```json block of the spec with the heading above it.
fn examples() -> Vec<(String, Value)> {
    let mut heading = String::new();
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in SPEC.lines() {
        match &mut block {
            Some(text) if line.trim_start().starts_with("```") => {
                out.push((heading.clone(), serde_json::from_str(text).unwrap_or_else(|e| panic!("{heading}: {e}"))));
                block = None;
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
            None if line.trim_start() == "```json" => block = Some(String::new()),
            None if line.starts_with('#') => heading = line.trim_start_matches('#').trim().to_owned(),
            None => {}
        }
    }
    out
}

#[test]
fn every_example_of_the_spec_reads_into_its_type_and_writes_back_unchanged() {
    let all = examples();
    let (mut envelopes, mut withdrawals, mut appeals, mut lists) = (0, 0, 0, 0);
    for (heading, json) in &all {
        let written = match heading.as_str() {
            "klage.json" => {
                envelopes += 1;
                serde_json::to_value(serde_json::from_value::<KlageJson>(json.clone()).unwrap()).unwrap()
            }
            "trekk-klage.json" => {
                withdrawals += 1;
                serde_json::to_value(serde_json::from_value::<TrekkKlageJson>(json.clone()).unwrap()).unwrap()
            }
            // The md's vedlegg lists name files `navn`/`dokumentlagerId` and write `hendelseType: null`,
            // which the vedlegg schema does not allow; see the next test.
            "vedlegg-spesifikasjon.json" => {
                lists += 1;
                continue;
            }
            _ => {
                appeals += 1;
                serde_json::to_value(serde_json::from_value::<JsonKlage>(json.clone()).unwrap_or_else(|e| panic!("{heading}: {e}"))).unwrap()
            }
        };
        assert_eq!(&written, json, "{heading}");
    }
    assert_eq!((envelopes, withdrawals, lists, appeals), (1, 1, 2, 8), "examples found: {:?}", all.iter().map(|(h, _)| h).collect::<Vec<_>>());
}

#[test]
fn example_events_get_their_types() {
    let all = examples();
    let find = |heading: &str| -> JsonKlage { serde_json::from_value(all.iter().find(|(h, _)| h == heading).unwrap().1.clone()).unwrap() };

    let received = find("Klage mottatt");
    assert!(matches!(&received.hendelser[..], [KlageHendelse::KlageStatusHendelse(h)] if h.status == KlageStatus::Mottatt));

    let upheld = find("Utfall registrert (medhold)");
    let types: Vec<&str> = upheld.hendelser.iter().map(KlageHendelse::type_name).collect();
    assert_eq!(types, ["UtfallHendelse", "JsonVedtakFattet", "KlageStatusHendelse"]);
    assert!(matches!(&upheld.hendelser[0], KlageHendelse::UtfallHendelse(h) if h.utfall == KlageUtfall::Medhold));
    let KlageHendelse::Annen(new_decision) = &upheld.hendelser[1] else { panic!("{:?}", upheld.hendelser[1]) };
    assert_eq!(new_decision.felter["vedtaksfil"]["filreferanse"]["type"], "DOKUMENTLAGER");
    assert_eq!(upheld.hendelser[2].hendelse_dato(), "2021-08-13T13:37:00");

    let governor = find("Når statsforvalter er ferdig med klagen:");
    assert!(matches!(&governor.hendelser[0], KlageHendelse::StatsforvalterUtfallHendelse(h) if h.utfall == StatsforvalterUtfall::Stadfester));

    let documents = find("Klagedokumentasjon etterspurt");
    let KlageHendelse::Annen(asked) = &documents.hendelser[0] else { panic!() };
    assert_eq!(asked.hendelse_type, "KlageDokumentasjonHendelse");
    assert_eq!(asked.felter["frist"], "2021-08-20T13:37:00");
}

#[test]
fn the_specs_documents_are_not_the_schemas() {
    // Recorded so that nobody takes one for the other: the md's klage.json lacks every field the
    // klage schema requires, and its vedlegg lists break the vedlegg schema (`hendelseType: null`).
    let all = examples();
    let envelope = &all.iter().find(|(h, _)| h == "klage.json").unwrap().1;
    let errors = validate(Kind::Klage, envelope).unwrap();
    assert!(errors.iter().any(|e| e.message.contains("personIdentifikator")), "{errors:?}");
    let list = &all.iter().find(|(h, _)| h == "vedlegg-spesifikasjon.json").unwrap().1;
    let errors = validate(Kind::Vedlegg, list).unwrap();
    assert!(errors.iter().any(|e| e.pointer.ends_with("/hendelseType")), "{errors:?}");
}
