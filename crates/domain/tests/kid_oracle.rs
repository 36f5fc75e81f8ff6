//! Velferd's KID rule against independent implementations: `fixtures/kid-oracle.tsv` holds, for some
//! 3 800 payloads (lengths 1–24, leading zeros, repeated digits), the MOD10 and MOD11 check characters
//! that the PyPI package `kid-util` gives (MOD10 cross-checked with `python-stdnum`'s Luhn when the
//! file was written). Regenerate it with
//!
//!     cd tests/oracles && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/python kid_oracle.py

#![allow(clippy::unwrap_used)]

use velferd_domain::ids::{Kid, KidModulus};

fn rows() -> Vec<(&'static str, char, char)> {
    include_str!("fixtures/kid-oracle.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let one = |s: &str| s.chars().next().unwrap();
            (f[0], one(f[1]), one(f[2]))
        })
        .collect()
}

#[test]
fn check_characters_agree_with_kid_util_on_every_payload() {
    let rows = rows();
    let disagreements: Vec<String> = rows
        .iter()
        .filter_map(|(payload, mod10, mod11)| {
            let ours = (Kid::check_char(payload, KidModulus::Mod10), Kid::check_char(payload, KidModulus::Mod11));
            (ours != (Some(*mod10), Some(*mod11))).then(|| format!("{payload}: oracle ({mod10}, {mod11}), Velferd {ours:?}"))
        })
        .collect();
    assert!(disagreements.is_empty(), "{} of {}: {:#?}", disagreements.len(), rows.len(), &disagreements[..disagreements.len().min(20)]);
}

#[test]
fn a_kid_is_accepted_exactly_when_its_check_character_is_right_under_either_rule() {
    for (payload, mod10, mod11) in rows() {
        for check in "0123456789-".chars() {
            let kid = format!("{payload}{check}");
            let right = check == mod10 || check == mod11;
            let parsed = Kid::parse(&kid);
            if right {
                let moduli = parsed.unwrap_or_else(|e| panic!("{kid}: {e}")).moduli();
                assert_eq!(moduli.contains(&KidModulus::Mod10), check == mod10, "{kid}");
                assert_eq!(moduli.contains(&KidModulus::Mod11), check == mod11, "{kid}");
            } else {
                assert_eq!(parsed, Err("error-kid-checksum"), "{kid}");
            }
        }
    }
}

#[test]
fn the_fixture_covers_the_dash_and_every_length() {
    let rows = rows();
    assert!(rows.len() > 3000);
    assert!(rows.iter().filter(|r| r.2 == '-').count() > 100, "MOD11 remainder 10");
    for len in 1..=24 {
        assert!(rows.iter().any(|r| r.0.len() == len), "payload length {len}");
    }
}
