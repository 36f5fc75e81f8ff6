//! Velferd's holiday calendar against an independent one: `fixtures/holidays-no.tsv` holds Norway's
//! public holidays 2020–2040 as the PyPI package `holidays` gives them. Regenerate it with
//!
//!     cd tests/oracles && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/python holiday_oracle.py

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use time::macros::format_description;
use time::{Date, Duration};
use velferd_domain::calendar::{holidays, is_public_holiday};

fn oracle() -> BTreeSet<Date> {
    let format = format_description!("[year]-[month]-[day]");
    include_str!("fixtures/holidays-no.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| Date::parse(l.split('\t').next().unwrap(), format).unwrap()).collect()
}

#[test]
fn every_year_2020_to_2040_has_the_same_holidays_as_the_holidays_package() {
    let oracle = oracle();
    assert!(oracle.len() > 200, "the fixture covers 21 years");
    let ours: BTreeSet<Date> = (2020..=2040).flat_map(holidays).map(|h| h.date).collect();
    let missing: Vec<_> = oracle.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&oracle).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
}

#[test]
fn every_day_2020_to_2040_is_a_holiday_exactly_when_the_package_says_so() {
    let oracle = oracle();
    let mut day = Date::from_calendar_date(2020, time::Month::January, 1).unwrap();
    let end = Date::from_calendar_date(2040, time::Month::December, 31).unwrap();
    while day <= end {
        assert_eq!(is_public_holiday(day), oracle.contains(&day), "{day}");
        day += Duration::days(1);
    }
}
