#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use time::macros::date;

use super::*;

/// The state's rate files as shipped.
const STATE_FILES: [(&str, &str); 3] = [
    ("no/stat/2022-07-01.json", include_str!("../../../../data/satser/no/stat/2022-07-01.json")),
    ("no/stat/2023-07-01.json", include_str!("../../../../data/satser/no/stat/2023-07-01.json")),
    ("no/stat/2024-01-01.json", include_str!("../../../../data/satser/no/stat/2024-01-01.json")),
];

fn book() -> RateBook {
    RateBook::from_files(STATE_FILES).unwrap()
}

fn kr(text: &str) -> Belop {
    Belop::parse(text).unwrap()
}

fn input(date: Date, adults: Adults, children: Vec<u8>) -> Input {
    Input { land: Land::Norge, kommune: None, date, household: Household { adults, children }, expenses: vec![], income: vec![] }
}

fn expense(kind: ExpenseKind, label: &str, amount: &str) -> Entry<ExpenseKind> {
    Entry { kind, label: label.into(), amount: kr(amount) }
}

fn income(kind: IncomeKind, label: &str, amount: &str) -> Entry<IncomeKind> {
    Entry { kind, label: label.into(), amount: kr(amount) }
}

/// A municipality's own rates, made up for the test (not real figures).
const OSLO_OWN: &str = r#"{
  "serie": "kommunal", "land": "NO", "kommunenummer": "0301", "gyldig_fra": "2024-03-01",
  "kilde": {"tittel": "Test: made-up municipal rates", "kontrollert": false},
  "voksne": {"enslig": "8 000", "par": "13 500", "bofellesskap": "6 800"},
  "barn": [{"fra_alder": 0, "til_alder": 17, "belop": "4 000"}]
}"#;

/// A set shaped like Sweden's riksnorm, made up for the test (not real figures).
const SE_SHAPED: &str = r#"{
  "serie": "riksnorm", "land": "SE", "gyldig_fra": "2026-01-01",
  "kilde": {"tittel": "Test: riksnorm-shaped, made-up figures", "kontrollert": false},
  "voksne": {"enslig": "3 000", "par": "5 500", "bofellesskap": "3 000"},
  "barn": [{"fra_alder": 0, "til_alder": 0, "belop": "2 000"}, {"fra_alder": 1, "til_alder": 20, "belop": "2 500"}],
  "felles_husholdning": [{"personer": 1, "belop": "1 100"}, {"personer": 2, "belop": "1 250"}, {"personer": 3, "belop": "1 500,50"}]
}"#;

#[test]
fn a_single_adult_with_rent_and_electricity_gets_need_minus_income() {
    let mut i = input(date!(2024 - 02 - 15), Adults::Single, vec![]);
    i.expenses = vec![expense(ExpenseKind::Housing, "Husleie", "9 000"), expense(ExpenseKind::Electricity, "Strøm januar", "1 200,50")];
    i.income = vec![income(IncomeKind::Work, "Lønn", "6 000")];
    let c = calculate(&book(), &i).unwrap();
    let shown: Vec<(&str, i64)> = c.lines.iter().map(|l| (l.caseworker.key, l.amount.ore())).collect();
    assert_eq!(shown, vec![("calc-line-adult-single", 785_000), ("calc-line-housing", 900_000), ("calc-line-electricity", 120_050), ("calc-line-income-work", 600_000)]);
    assert_eq!((c.need.ore(), c.income.ore(), c.proposed.ore()), (1_805_050, 600_000, 1_205_050), "øre kept, nothing rounded");
    assert_eq!(c.rates.valid_from, date!(2024 - 01 - 01));
    assert!(c.rates.checked && c.warnings.is_empty());
    // The citizen reads the same amounts in plain words, with the caseworker's label.
    assert_eq!(c.lines[1].citizen, Text { key: "calc-citizen-housing", args: vec![("label", "Husleie".into())] });
}

#[test]
fn children_get_the_rate_of_their_age_band() {
    let c = calculate(&book(), &input(date!(2024 - 06 - 01), Adults::Couple, vec![0, 5, 6, 10, 11, 17])).unwrap();
    let amounts: Vec<i64> = c.lines.iter().map(|l| l.amount.kroner()).collect();
    assert_eq!(amounts, vec![13_100, 3_850, 3_850, 3_950, 3_950, 5_150, 5_150]);
    assert_eq!(c.lines[3].caseworker.args, vec![("age", "6".into()), ("from", "6".into()), ("to", "10".into())]);
    assert_eq!(c.need.kroner(), 13_100 + 2 * 3_850 + 2 * 3_950 + 2 * 5_150);
    // An 18-year-old is no child in the rates: the caseworker is told to count them as an adult.
    let refused = calculate(&book(), &input(date!(2024 - 06 - 01), Adults::Single, vec![18])).unwrap_err();
    assert_eq!((refused.key, refused.field), ("calc-refused-child-age", "barn"));
}

#[test]
fn the_rate_set_is_the_latest_valid_on_the_date() {
    let shared = |d| calculate(&book(), &input(d, Adults::SharedHousing, vec![])).map(|c| (c.rates.valid_from, c.proposed.kroner()));
    assert_eq!(shared(date!(2023 - 12 - 31)), Ok((date!(2023 - 07 - 01), 6_350)));
    assert_eq!(shared(date!(2024 - 01 - 01)), Ok((date!(2024 - 01 - 01), 6_600)), "the new rates apply from their first day");
    assert_eq!(shared(date!(2023 - 06 - 30)), Ok((date!(2022 - 07 - 01), 5_600)));
    assert_eq!(shared(date!(2022 - 06 - 30)).map_err(|r| r.key), Err("calc-refused-no-rates"));
}

#[test]
fn the_date_is_the_date_in_norway() {
    // 2023-12-31T23:30Z is already 1 January 2024 in Oslo, when the 2024 rates apply.
    assert_eq!(oslo_date(1_704_065_400_000), date!(2024 - 01 - 01));
}

#[test]
fn income_above_the_need_proposes_nothing_rather_than_a_negative_amount() {
    let mut i = input(date!(2024 - 02 - 01), Adults::Single, vec![]);
    i.income = vec![income(IncomeKind::Benefit, "Arbeidsavklaringspenger", "20 000"), income(IncomeKind::HousingAllowance, "Bostøtte", "2 000")];
    let c = calculate(&book(), &i).unwrap();
    assert_eq!((c.need.kroner(), c.income.kroner(), c.proposed.ore()), (7_850, 22_000, 0));
}

#[test]
fn child_benefit_is_never_counted_as_income() {
    let mut i = input(date!(2024 - 02 - 01), Adults::Single, vec![3]);
    i.income = vec![income(IncomeKind::ChildBenefit, "Barnetrygd", "1 766")];
    assert_eq!(calculate(&book(), &i), Err(Refusal { key: "calc-refused-child-benefit", field: "inntekt" }));
}

#[test]
fn every_line_needs_a_label_and_an_amount() {
    let mut i = input(date!(2024 - 02 - 01), Adults::Single, vec![]);
    i.expenses = vec![expense(ExpenseKind::Other, "  ", "100")];
    assert_eq!(calculate(&book(), &i), Err(Refusal { key: "office-refused-empty", field: "utgift" }));
    i.expenses = vec![expense(ExpenseKind::Other, "Barnehage", "0")];
    assert_eq!(calculate(&book(), &i), Err(Refusal { key: "calc-refused-zero", field: "utgift" }));
    i.expenses = (0..=MAX_ENTRIES).map(|n| expense(ExpenseKind::Other, &format!("Utgift {n}"), "1")).collect();
    assert_eq!(calculate(&book(), &i).map_err(|r| r.key), Err("calc-refused-too-many"));
}

#[test]
fn a_total_too_large_for_one_amount_is_refused_not_clamped() {
    let mut i = input(date!(2024 - 02 - 01), Adults::Single, vec![]);
    i.expenses = vec![expense(ExpenseKind::Other, "Feilskrevet", "100 000 000"), expense(ExpenseKind::Other, "Feilskrevet igjen", "1")];
    assert_eq!(calculate(&book(), &i).map_err(|r| r.key), Err("calc-refused-too-large"));
}

#[test]
fn a_municipality_with_its_own_rates_uses_them_from_their_first_day() {
    let mut files = STATE_FILES.to_vec();
    files.push(("no/kommuner/0301/2024-03-01.json", OSLO_OWN));
    let book = RateBook::from_files(files).unwrap();
    let oslo = Kommunenummer::parse("0301").unwrap();
    let bergen = Kommunenummer::parse("4601").unwrap();
    let single = |k: &Kommunenummer, d| {
        let mut i = input(d, Adults::Single, vec![]);
        i.kommune = Some(k.clone());
        calculate(&book, &i).map(|c| (c.proposed.kroner(), c.rates.series, c.warnings.len()))
    };
    assert_eq!(single(&oslo, date!(2024 - 02 - 29)), Ok((7_850, "statlige-veiledende".into(), 0)));
    assert_eq!(single(&oslo, date!(2024 - 03 - 01)), Ok((8_000, "kommunal".into(), 1)), "unchecked figures are flagged");
    assert_eq!(single(&bergen, date!(2024 - 03 - 01)), Ok((7_850, "statlige-veiledende".into(), 0)));
}

#[test]
fn rates_more_than_a_year_old_are_flagged_to_the_caseworker() {
    let c = calculate(&book(), &input(date!(2026 - 03 - 01), Adults::Single, vec![])).unwrap();
    assert_eq!(c.rates.valid_from, date!(2024 - 01 - 01));
    assert_eq!(c.warnings, vec![Text { key: "calc-warning-rates-old", args: vec![("valid_from", "2024-01-01".into())] }]);
}

#[test]
fn a_riksnorm_shaped_set_adds_the_household_costs_by_size() {
    let book = RateBook::from_files([("se/riksnorm/2026-01-01.json", SE_SHAPED)]).unwrap();
    let mut i = input(date!(2026 - 02 - 01), Adults::Couple, vec![0]);
    i.land = Land::Sverige;
    let c = calculate(&book, &i).unwrap();
    let keys: Vec<&str> = c.lines.iter().map(|l| l.caseworker.key).collect();
    assert_eq!(keys, vec!["calc-line-adult-couple", "calc-line-child", "calc-line-household"]);
    assert_eq!(c.need.ore(), 550_000 + 200_000 + 150_050);
    i.household.children = vec![0, 4];
    assert_eq!(calculate(&book, &i).map_err(|r| r.key), Err("calc-refused-household-size"), "no row for four people");
    i.land = Land::Norge;
    assert_eq!(calculate(&book, &i).map_err(|r| r.key), Err("calc-refused-no-rates"), "Swedish rates never apply in Norway");
}

#[test]
fn an_override_needs_a_reason_and_an_amount() {
    let c = calculate(&book(), &input(date!(2024 - 02 - 01), Adults::Single, vec![])).unwrap();
    assert_eq!(Proposal::calculated(c.clone()).amount().kroner(), 7_850);
    assert_eq!(Proposal::with_override(c.clone(), "9 000", " "), Err(Refusal { key: "calc-refused-override-reason", field: "begrunnelse" }));
    assert_eq!(Proposal::with_override(c.clone(), "ni tusen", "Depositum"), Err(Refusal { key: "calc-refused-amount", field: "belop" }));
    let p = Proposal::with_override(c, "9 000,50", "Ekstra utgift til medisiner").unwrap();
    assert_eq!((p.amount().ore(), p.overridden.as_ref().map(|o| o.reason.as_str())), (900_050, Some("Ekstra utgift til medisiner")));
}

#[test]
fn rate_files_with_mistakes_stop_the_start() {
    let base = include_str!("../../../../data/satser/no/stat/2024-01-01.json");
    let broken = [
        base.replace("\"7 850\"", "\"7850.555\""),
        base.replace("\"fra_alder\": 6", "\"fra_alder\": 5"),
        base.replace("\"fra_alder\": 0", "\"fra_alder\": 1"),
        base.replace("\"gyldig_fra\": \"2024-01-01\"", "\"gyldig_fra\": \"1.1.24\""),
        base.replace("\"serie\"", "\"serien\""),
    ];
    for text in &broken {
        assert!(RateSet::from_json("test", text).is_err(), "{text}");
    }
    let twice = RateBook::from_files([("a", base), ("b", base)]).unwrap_err();
    assert!(twice.contains("2024-01-01"), "{twice}");
}

proptest! {
    /// Whatever the household and the lines, the lines add up to the totals and the proposal is the
    /// need less the income, never below zero.
    #[test]
    fn lines_add_up_and_the_proposal_is_need_minus_income(
        adults in prop_oneof![Just(Adults::Single), Just(Adults::Couple), Just(Adults::SharedHousing)],
        children in proptest::collection::vec(0u8..18, 0..6),
        expenses in proptest::collection::vec(1i64..5_000_000, 0..6),
        incomes in proptest::collection::vec(1i64..5_000_000, 0..6),
        day in 0i64..2000,
    ) {
        let date = date!(2022 - 07 - 01) + time::Duration::days(day);
        let mut i = input(date, adults, children.clone());
        i.expenses = expenses.iter().map(|o| Entry { kind: ExpenseKind::Other, label: "Utgift".into(), amount: Belop::from_ore(*o) }).collect();
        i.income = incomes.iter().map(|o| Entry { kind: IncomeKind::Other, label: "Inntekt".into(), amount: Belop::from_ore(*o) }).collect();
        let c = calculate(&book(), &i).unwrap();
        let of = |s: Section| c.lines.iter().filter(|l| l.section == s).map(|l| l.amount.ore()).sum::<i64>();
        prop_assert_eq!(c.need.ore(), of(Section::Rates) + of(Section::Expense));
        prop_assert_eq!(c.income.ore(), of(Section::Income));
        prop_assert_eq!(c.income.ore(), incomes.iter().sum::<i64>());
        prop_assert_eq!(c.proposed.ore(), (c.need.ore() - c.income.ore()).max(0));
        prop_assert_eq!(c.lines.len(), 1 + children.len() + expenses.len() + incomes.len());
    }

    /// The set chosen is the one with the latest valid-from date not after the day.
    #[test]
    fn the_set_chosen_is_the_latest_not_after_the_date(day in -400i64..1500) {
        let date = date!(2022 - 07 - 01) + time::Duration::days(day);
        let book = book();
        let expected = book.sets().iter().map(|s| s.valid_from).filter(|d| *d <= date).max();
        prop_assert_eq!(book.select(Land::Norge, None, date).map(|s| s.valid_from), expected);
    }
}
