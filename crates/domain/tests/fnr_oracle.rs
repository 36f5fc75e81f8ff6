//! Velferd's fødselsnummer rule against an independent implementation: NAV's `@navikt/fnrvalidator`,
//! which accepts numbers issued under Skatteetaten's rule from 2032. `fixtures/fnr-fnrvalidator.tsv`
//! holds its verdicts on some 5 900 numbers (old and 2032 rule, D-numbers, synthetic numbers, dates at
//! the edges, one digit typed wrong, any eleven digits). Regenerate it with
//!
//!     cd tests/oracles && npm ci && node fnr.mjs

#![allow(clippy::unwrap_used)]

use velferd_domain::ids::Fodselsnummer;

struct Verdict<'a> {
    number: &'a str,
    /// What Velferd must answer: `Ok` or the message key of the reason.
    expected: Result<(), &'static str>,
}

fn verdicts() -> Vec<Verdict<'static>> {
    include_str!("fixtures/fnr-fnrvalidator.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let expected = match (fields[1], fields[2]) {
                ("valid", _) => Ok(()),
                // Velferd names one reason; a wrong check digit comes first.
                ("invalid", reasons) if reasons.contains("checksums don't match") => Err("error-fnr-checksum"),
                ("invalid", "invalid date") => Err("error-fnr-date"),
                other => panic!("unknown verdict {other:?} in: {line}"),
            };
            Verdict { number: fields[0], expected }
        })
        .collect()
}

#[test]
fn velferd_agrees_with_navs_validator_on_every_number() {
    let verdicts = verdicts();
    let disagreements: Vec<String> = verdicts
        .iter()
        .filter_map(|v| {
            let ours = Fodselsnummer::parse(v.number).map(|_| ());
            (ours != v.expected).then(|| format!("{}: validator {:?}, Velferd {ours:?}", v.number, v.expected))
        })
        .collect();
    assert!(disagreements.is_empty(), "{} of {} numbers: {:#?}", disagreements.len(), verdicts.len(), &disagreements[..disagreements.len().min(20)]);
}

#[test]
fn the_fixture_covers_both_rules_and_both_reasons() {
    let verdicts = verdicts();
    let valid: Vec<Fodselsnummer> = verdicts.iter().filter_map(|v| Fodselsnummer::parse(v.number).ok()).collect();
    let under_2032_rule = valid.iter().filter(|f| f.issued_under_2032_rule()).count();
    assert!(valid.len() > 2000, "{} valid", valid.len());
    assert!(under_2032_rule > 1000 && valid.len() - under_2032_rule > 500, "{under_2032_rule} of {} under the 2032 rule", valid.len());
    let date_only = verdicts.iter().filter(|v| v.expected == Err("error-fnr-date")).count();
    assert!(date_only > 200, "{date_only} with right check digits and a wrong date");
}

#[test]
fn every_number_the_validator_accepts_is_one_of_velferds_completions() {
    for v in verdicts().iter().filter(|v| v.expected.is_ok()) {
        let completions = Fodselsnummer::all_with_check_digits(&v.number[..9]);
        assert!(completions.iter().any(|f| f.as_str() == v.number), "{}: {completions:?}", v.number);
    }
}
