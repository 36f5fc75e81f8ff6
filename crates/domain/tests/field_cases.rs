//! Inputs from the field (`tests/cases/`, synthetic copies of what real case systems send) on which
//! Velferd once gave a wrong result, each with the right one: the innsyn fold and the citizen's case
//! page follow NAV's innsyn rules and show Norway's dates (contracts.md, "Case insight").

#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::{json, Value};
use velferd_domain::case_view::{case_view, Headline, Text};
use velferd_domain::dates::{norwegian_date, oslo_time};
use velferd_domain::innsyn::fold;
use velferd_domain::kommune::{Katalog, OfficeLabel};
use velferd_formats::soker::DigisosSoker;
use velferd_formats::{validate, Kind};

/// A case file, checked against the official schema first: these are documents a case system may send.
fn case(name: &str) -> DigisosSoker {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/innsyn").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(validate(Kind::DigisosSoker, &value).expect("schema compiles"), vec![], "{name} is schema-valid");
    DigisosSoker::from_json(&text).expect("parses")
}

fn catalogue() -> Katalog {
    Katalog::from_json(include_str!("../../../data/kommuner.json")).expect("the shipped catalogue")
}

/// When the application was sent (any time before the events; only `expected_by` depends on it).
const SENT: i64 = 1_780_000_000_000;

#[test]
fn nav_komplett_shape_a_granted_sak_is_finished_and_a_finished_application_asks_for_nothing() {
    let doc = case("soker-nav-komplett-shape.json");
    let view = serde_json::to_value(fold(&doc)).expect("serialises");
    assert_eq!(
        view,
        json!({
            "status": "FERDIGBEHANDLET",
            "navKontor": "0301",
            "forelopigSvar": true,
            "saker": [
                { "referanse": "SAK1", "tittel": "Nødhjelp", "status": "FERDIGBEHANDLET",
                  "vedtak": [ { "utfall": "INNVILGET", "dato": "2026-10-12" } ] },
                { "referanse": "SAK2", "tittel": "Kvalifiseringsstønad", "status": "IKKE_INNSYN", "vedtak": [] },
            ],
            "utbetalinger": [],
            "oppgaver": [],
            "vilkar": [],
            "dokumentasjonkrav": [],
        })
    );
    let page = case_view(&doc, SENT, 14);
    assert_eq!(page.headline, Headline::Decided, "not 'being processed'");
    assert_eq!(page.expected_by, None, "no answer is still to come");
    assert!(page.innsyn.oppgaver.is_empty(), "no 'what you must do'");
}

#[test]
fn oslo_midnight_every_date_is_norways_date() {
    let doc = case("soker-oslo-midnight.json");
    let innsyn = fold(&doc);
    // The decision at 2026-06-30T22:30Z was made at 00:30 on 1 July in Norway.
    let vedtak = &innsyn.saker[0].vedtak[0];
    assert_eq!(vedtak.dato, "2026-07-01");
    assert_eq!(norwegian_date(&vedtak.dato), "01.07.2026");
    // Its timeline entry shows the same day, at 00.30.
    let page = case_view(&doc, SENT, 21);
    let decided = page.timeline.iter().find(|e| e.text.key == "event-decision-granted").expect("a decision entry");
    let at = oslo_time(decided.at);
    assert_eq!((at.year(), u8::from(at.month()), at.day(), at.hour(), at.minute()), (2026, 7, 1, 0, 30));
    // Deadlines at 22:00Z are midnight in Norway: the day after their UTC date, not a day early.
    assert_eq!(innsyn.oppgaver[0].innsendelsesfrist, "2026-07-05T22:00:00.000Z");
    assert_eq!(norwegian_date(&innsyn.oppgaver[0].innsendelsesfrist), "06.07.2026");
    assert_eq!(innsyn.dokumentasjonkrav[0].frist.as_deref().map(norwegian_date).as_deref(), Some("01.08.2026"));
    // The one sak is decided, so the case is.
    assert_eq!(page.headline, Headline::Decided);
}

#[test]
fn repeated_tildelt_a_repeat_is_not_a_forwarding_and_an_unknown_office_is_named_as_such() {
    let doc = case("soker-repeated-tildelt.json");
    let page = case_view(&doc, SENT, 21);
    let forwardings: Vec<&Text> = page.timeline.iter().map(|e| &e.text).filter(|t| t.key == "event-office").collect();
    // Newest first: 4612, then 1201 once (not three times).
    let offices: Vec<&str> = forwardings.iter().map(|t| t.args[0].1.as_str()).collect();
    assert_eq!(offices, ["4612", "1201"]);
    assert_eq!(page.innsyn.nav_kontor.as_deref(), Some("4612"));

    // The web layer names each office through the catalogue.
    let katalog = catalogue();
    assert_eq!(katalog.office_label("1201"), OfficeLabel::Named("NAV Bergenhus"));
    match katalog.office_label("4612") {
        OfficeLabel::Unknown { enhetsnummer, text } => {
            assert_eq!(enhetsnummer, "4612");
            assert_eq!(text, Text { key: "event-office-unknown", args: vec![("office", "4612".to_owned())] });
        }
        named => panic!("4612 is not in the catalogue, got {named:?}"),
    }
    // (crates/web/src/i18n.rs checks that this reads "another NAV office (4612)".)
}

#[test]
fn a_forwarding_back_to_an_earlier_office_is_a_forwarding() {
    let doc: DigisosSoker = serde_json::from_value(json!({
        "version": "1.0.0", "avsender": {"systemnavn": "t", "systemversjon": "1"},
        "hendelser": [
            {"type": "tildeltNavKontor", "hendelsestidspunkt": "2026-11-26T08:00:00.000Z", "navKontor": "1201"},
            {"type": "tildeltNavKontor", "hendelsestidspunkt": "2026-11-27T08:00:00.000Z", "navKontor": "0312"},
            {"type": "tildeltNavKontor", "hendelsestidspunkt": "2026-11-28T08:00:00.000Z", "navKontor": "0312"},
            {"type": "tildeltNavKontor", "hendelsestidspunkt": "2026-11-29T08:00:00.000Z", "navKontor": "1201"},
        ]
    }))
    .expect("parses");
    let offices: Vec<String> = case_view(&doc, SENT, 21).timeline.into_iter().filter(|e| e.text.key == "event-office").map(|e| e.text.args[0].1.clone()).collect();
    assert_eq!(offices, ["1201", "0312", "1201"]);
}
