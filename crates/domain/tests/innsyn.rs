//! The innsyn fold, rule by rule (contracts.md, "Case insight"), on small event streams, then on the
//! official fixtures.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{json, Value};
use velferd_domain::innsyn::{fold, Innsyn, STANDARD_SAKSTITTEL};
use velferd_formats::soker::DigisosSoker;
use velferd_formats::{validate, Kind};

// ---- helpers ----------------------------------------------------------------------------------

fn document(hendelser: Value) -> Value {
    json!({
        "version": "1.0.0",
        "avsender": { "systemnavn": "Test", "systemversjon": "1" },
        "hendelser": hendelser,
    })
}

/// Folds a stream that is also checked against the official schema, so the streams below are ones a
/// real office system could send.
fn innsyn(hendelser: Value) -> Value {
    let doc = document(hendelser);
    assert_eq!(validate(Kind::DigisosSoker, &doc).expect("schema compiles"), vec![], "test stream must be schema-valid");
    view(doc)
}

/// Folds a stream without the schema check (for inputs the schema rejects but the reader tolerates).
fn view(doc: Value) -> Value {
    let doc: DigisosSoker = serde_json::from_value(doc).expect("parses");
    serde_json::to_value(fold(&doc)).expect("serialises")
}

/// Noon UTC on the given day of April 2026.
fn day(d: u32) -> String {
    format!("2026-04-{d:02}T12:00:00.000Z")
}

fn soknads_status(at: &str, status: &str) -> Value {
    json!({ "type": "soknadsStatus", "hendelsestidspunkt": at, "status": status })
}

fn nav_kontor(at: &str, kontor: &str) -> Value {
    json!({ "type": "tildeltNavKontor", "hendelsestidspunkt": at, "navKontor": kontor })
}

fn brev() -> Value {
    json!({ "referanse": { "type": "dokumentlager", "id": "12345678-9abc-def0-1234-56789abcdef0" } })
}

fn forelopig_svar(at: &str) -> Value {
    json!({ "type": "forelopigSvar", "hendelsestidspunkt": at, "forvaltningsbrev": brev() })
}

fn vedtak(at: &str, sak: &str, utfall: Option<&str>) -> Value {
    let mut h = json!({ "type": "vedtakFattet", "hendelsestidspunkt": at, "saksreferanse": sak, "vedtaksfil": brev() });
    if let Some(utfall) = utfall {
        h["utfall"] = json!(utfall);
    }
    h
}

/// An event of `type` at `at` with the given fields added.
fn hendelse(kind: &str, at: &str, fields: Value) -> Value {
    let mut h = json!({ "type": kind, "hendelsestidspunkt": at });
    for (k, v) in fields.as_object().expect("fields are an object") {
        h[k] = v.clone();
    }
    h
}

fn referanser(list: &Value) -> Vec<&str> {
    list.as_array().expect("a list").iter().map(|e| e["referanse"].as_str().expect("referanse")).collect()
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/digisos/fixtures/digisos/soker")
}

// ---- rule 1: time order -----------------------------------------------------------------------

#[test]
fn events_apply_in_time_order_not_file_order() {
    let v = innsyn(json!([soknads_status(&day(3), "UNDER_BEHANDLING"), nav_kontor(&day(2), "0315"), soknads_status(&day(1), "MOTTATT"), nav_kontor(&day(1), "0314"),]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    assert_eq!(v["navKontor"], "0315");
}

#[test]
fn equal_times_keep_file_order() {
    let at = day(5);
    let v = innsyn(json!([soknads_status(&at, "UNDER_BEHANDLING"), soknads_status(&at, "FERDIGBEHANDLET")]));
    assert_eq!(v["status"], "FERDIGBEHANDLET");
    let v = innsyn(json!([soknads_status(&at, "FERDIGBEHANDLET"), soknads_status(&at, "UNDER_BEHANDLING")]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    let v = innsyn(json!([nav_kontor(&at, "0314"), nav_kontor(&at, "0315")]));
    assert_eq!(v["navKontor"], "0315");
    let v = innsyn(json!([nav_kontor(&at, "0315"), nav_kontor(&at, "0314")]));
    assert_eq!(v["navKontor"], "0314");
}

#[test]
fn at_one_instant_mottatt_comes_before_under_behandling_whatever_the_file_says() {
    let at = day(5);
    // A case system that writes both at once, in the "wrong" order: the application is being processed.
    let v = innsyn(json!([soknads_status(&at, "UNDER_BEHANDLING"), soknads_status(&at, "MOTTATT")]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    let v = innsyn(json!([soknads_status(&at, "MOTTATT"), soknads_status(&at, "UNDER_BEHANDLING")]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    // FERDIGBEHANDLET is not part of that tie-break: it keeps its place in the file.
    let v = innsyn(json!([soknads_status(&at, "UNDER_BEHANDLING"), soknads_status(&at, "FERDIGBEHANDLET"), soknads_status(&at, "MOTTATT"),]));
    assert_eq!(v["status"], "UNDER_BEHANDLING", "MOTTATT and UNDER_BEHANDLING swap places around it");
    // Only equal instants are reordered.
    let v = innsyn(json!([soknads_status(&day(4), "UNDER_BEHANDLING"), soknads_status(&day(5), "MOTTATT")]));
    assert_eq!(v["status"], "MOTTATT");
}

#[test]
fn times_compare_as_instants_whatever_the_number_of_fraction_digits() {
    // As strings "…00.1Z" > "…00.134Z" ('Z' sorts after '3'); as times 0.1 s is earlier.
    let v = innsyn(json!([soknads_status("2026-04-10T12:00:00.134Z", "UNDER_BEHANDLING"), soknads_status("2026-04-10T12:00:00.1Z", "MOTTATT"),]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
}

#[test]
fn any_fraction_separator_the_schema_allows_is_read_as_the_decimal_point() {
    // The schema's pattern has an unescaped `.`, so `00,5Z` is a valid tidspunkt: 0.5 s, after 0.1 s.
    let v = innsyn(json!([soknads_status("2026-04-10T12:00:00,5Z", "UNDER_BEHANDLING"), soknads_status("2026-04-10T12:00:00.1Z", "MOTTATT"),]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
}

#[test]
fn an_unparseable_time_sorts_first_and_cannot_override_a_real_one() {
    let v = view(document(json!([soknads_status(&day(1), "UNDER_BEHANDLING"), soknads_status("i går", "MOTTATT"),])));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
}

/// A stream with distinct times touching every rule.
fn varied_stream() -> Vec<Value> {
    vec![
        soknads_status(&day(1), "MOTTATT"),
        nav_kontor(&day(2), "0314"),
        soknads_status(&day(3), "UNDER_BEHANDLING"),
        hendelse("saksStatus", &day(4), json!({ "referanse": "S1", "tittel": "Livsopphold", "status": "UNDER_BEHANDLING" })),
        hendelse(
            "dokumentasjonEtterspurt",
            &day(5),
            json!({ "dokumenter": [
            { "dokumenttype": "Husleiekontrakt", "innsendelsesfrist": day(20) } ] }),
        ),
        forelopig_svar(&day(6)),
        nav_kontor(&day(7), "0315"),
        vedtak(&day(8), "S1", Some("INNVILGET")),
        hendelse(
            "utbetaling",
            &day(9),
            json!({ "utbetalingsreferanse": "P1", "saksreferanse": "S1",
            "status": "PLANLAGT_UTBETALING", "belop": 4200.0, "forfallsdato": "2026-04-15" }),
        ),
        hendelse(
            "utbetaling",
            &day(10),
            json!({ "utbetalingsreferanse": "P2", "saksreferanse": "S1",
            "status": "PLANLAGT_UTBETALING", "belop": 800.5 }),
        ),
        hendelse(
            "utbetaling",
            &day(15),
            json!({ "utbetalingsreferanse": "P1", "status": "UTBETALT",
            "utbetalingsdato": "2026-04-15" }),
        ),
        hendelse("vilkar", &day(11), json!({ "vilkarreferanse": "V1", "tittel": "Søke bostøtte", "status": "RELEVANT" })),
        hendelse(
            "dokumentasjonkrav",
            &day(12),
            json!({ "dokumentasjonkravreferanse": "D1", "tittel": "Strømregning",
            "frist": day(25), "status": "RELEVANT" }),
        ),
        hendelse(
            "dokumentasjonEtterspurt",
            &day(13),
            json!({ "dokumenter": [
            { "dokumenttype": "Kontoutskrift", "tilleggsinformasjon": "Siste tre måneder", "innsendelsesfrist": day(27) } ] }),
        ),
        soknads_status(&day(14), "FERDIGBEHANDLET"),
    ]
}

#[test]
fn the_varied_stream_folds_to_what_each_rule_says() {
    let v = innsyn(Value::Array(varied_stream()));
    assert_eq!(
        v,
        json!({
            "status": "FERDIGBEHANDLET",
            "navKontor": "0315",
            "forelopigSvar": true,
            "saker": [ { "referanse": "S1", "tittel": "Livsopphold", "status": "FERDIGBEHANDLET",
                         "vedtak": [ { "utfall": "INNVILGET", "dato": "2026-04-08" } ] } ],
            "utbetalinger": [
                { "referanse": "P1", "saksreferanse": "S1", "status": "UTBETALT", "belop": 4200.0,
                  "forfallsdato": "2026-04-15", "utbetalingsdato": "2026-04-15" },
                { "referanse": "P2", "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING", "belop": 800.5,
                  "forfallsdato": null, "utbetalingsdato": null } ],
            // The application is FERDIGBEHANDLET (its one sak has a vedtak), so nothing is asked any more.
            "oppgaver": [],
            "vilkar": [ { "referanse": "V1", "tittel": "Søke bostøtte" } ],
            "dokumentasjonkrav": [ { "referanse": "D1", "tittel": "Strømregning", "frist": "2026-04-25T12:00:00.000Z" } ],
        })
    );
}

proptest! {
    #[test]
    fn file_order_does_not_matter_when_times_differ(shuffled in Just(varied_stream()).prop_shuffle()) {
        prop_assert_eq!(view(document(Value::Array(shuffled))), view(document(Value::Array(varied_stream()))));
    }
}

// ---- rule 2: status, navKontor, forelopigSvar -------------------------------------------------

#[test]
fn an_empty_view_has_nulls_and_empty_lists_with_every_contract_field_present() {
    // Only an unknown event: nothing the view knows about happened.
    let v = view(document(json!([hendelse("nyHendelse", &day(1), json!({ "x": 1 }))])));
    assert_eq!(
        v,
        json!({ "status": null, "navKontor": null, "forelopigSvar": false, "saker": [], "utbetalinger": [],
                "oppgaver": [], "vilkar": [], "dokumentasjonkrav": [] })
    );
    assert_eq!(serde_json::to_value(Innsyn::default()).expect("serialises"), v);
}

#[test]
fn status_is_the_latest_soknads_status() {
    let v = innsyn(json!([soknads_status(&day(1), "MOTTATT"), soknads_status(&day(4), "BEHANDLES_IKKE"), soknads_status(&day(2), "UNDER_BEHANDLING"),]));
    assert_eq!(v["status"], "BEHANDLES_IKKE");
}

#[test]
fn nav_kontor_is_the_latest_tildelt_nav_kontor() {
    let v = innsyn(json!([nav_kontor(&day(2), "0301"), nav_kontor(&day(1), "0314"), soknads_status(&day(3), "MOTTATT")]));
    assert_eq!(v["navKontor"], "0301");
    assert_eq!(innsyn(json!([soknads_status(&day(1), "MOTTATT")]))["navKontor"], Value::Null);
}

#[test]
fn forelopig_svar_is_true_once_one_exists_whatever_follows() {
    assert_eq!(innsyn(json!([soknads_status(&day(1), "MOTTATT")]))["forelopigSvar"], false);
    let v = innsyn(json!([soknads_status(&day(3), "FERDIGBEHANDLET"), forelopig_svar(&day(2)), soknads_status(&day(1), "MOTTATT"),]));
    assert_eq!(v["forelopigSvar"], true);
}

// ---- rule 3: saker and vedtak -----------------------------------------------------------------

#[test]
fn saks_status_creates_then_updates_title_and_status() {
    let v = innsyn(json!([
        hendelse("saksStatus", &day(1), json!({ "referanse": "S1", "tittel": "Nødhjelp", "status": "UNDER_BEHANDLING" })),
        hendelse("saksStatus", &day(2), json!({ "referanse": "S2", "tittel": "Husleie", "status": "IKKE_INNSYN" })),
        hendelse("saksStatus", &day(3), json!({ "referanse": "S1", "tittel": "Nødhjelp til mat", "status": "BEHANDLES_IKKE" })),
    ]));
    assert_eq!(
        v["saker"],
        json!([
            { "referanse": "S1", "tittel": "Nødhjelp til mat", "status": "BEHANDLES_IKKE", "vedtak": [] },
            { "referanse": "S2", "tittel": "Husleie", "status": "IKKE_INNSYN", "vedtak": [] },
        ])
    );
}

#[test]
fn saks_status_without_title_or_status_changes_only_what_it_carries() {
    let v = innsyn(json!([
        hendelse("saksStatus", &day(1), json!({ "referanse": "S1", "tittel": "Nødhjelp", "status": "IKKE_INNSYN" })),
        hendelse("saksStatus", &day(2), json!({ "referanse": "S1", "status": "UNDER_BEHANDLING" })),
        hendelse("saksStatus", &day(3), json!({ "referanse": "S1", "tittel": "Strøm" })),
    ]));
    assert_eq!(v["saker"], json!([{ "referanse": "S1", "tittel": "Strøm", "status": "UNDER_BEHANDLING", "vedtak": [] }]));
}

#[test]
fn a_sak_nobody_titled_gets_the_standard_title_and_status() {
    let v = innsyn(json!([hendelse("saksStatus", &day(1), json!({ "referanse": "S1" }))]));
    assert_eq!(v["saker"], json!([{ "referanse": "S1", "tittel": STANDARD_SAKSTITTEL, "status": "UNDER_BEHANDLING", "vedtak": [] }]));
}

#[test]
fn a_feilregistrert_sak_is_hidden_until_a_later_status_brings_it_back_in_its_place() {
    let sak = |d, r: &str, status: &str| hendelse("saksStatus", &day(d), json!({ "referanse": r, "tittel": r, "status": status }));
    let hidden = innsyn(json!([sak(1, "S1", "UNDER_BEHANDLING"), sak(2, "S2", "UNDER_BEHANDLING"), sak(3, "S1", "FEILREGISTRERT"),]));
    assert_eq!(referanser(&hidden["saker"]), ["S2"]);
    let back = innsyn(json!([sak(1, "S1", "UNDER_BEHANDLING"), sak(2, "S2", "UNDER_BEHANDLING"), sak(3, "S1", "FEILREGISTRERT"), sak(4, "S1", "UNDER_BEHANDLING"),]));
    assert_eq!(referanser(&back["saker"]), ["S1", "S2"]);
    // Only the *latest* status counts: FEILREGISTRERT before the real status does not hide.
    let earlier = innsyn(json!([sak(2, "S1", "UNDER_BEHANDLING"), sak(1, "S1", "FEILREGISTRERT")]));
    assert_eq!(referanser(&earlier["saker"]), ["S1"]);
}

#[test]
fn vedtak_fattet_creates_the_sak_when_needed() {
    let v = innsyn(json!([vedtak("2026-04-10T21:59:59.999Z", "S9", Some("AVSLATT"))]));
    assert_eq!(
        v["saker"],
        json!([{ "referanse": "S9", "tittel": STANDARD_SAKSTITTEL, "status": "FERDIGBEHANDLET",
                 "vedtak": [ { "utfall": "AVSLATT", "dato": "2026-04-10" } ] }])
    );
}

// ---- rule 7: dates are Norway's dates ---------------------------------------------------------

#[test]
fn a_vedtak_is_dated_by_the_day_in_norway_not_the_utc_day() {
    let dato = |at: &str| innsyn(json!([vedtak(at, "S1", Some("INNVILGET"))]))["saker"][0]["vedtak"][0]["dato"].clone();
    // Summer (UTC+2): 22:30Z on 30 June is 00:30 on 1 July.
    assert_eq!(dato("2026-06-30T22:30:00.000Z"), "2026-07-01");
    assert_eq!(dato("2026-06-30T21:59:59.999Z"), "2026-06-30");
    // Winter (UTC+1): 23:00Z on New Year's Eve is already the new year.
    assert_eq!(dato("2026-12-31T23:00:00.000Z"), "2027-01-01");
    assert_eq!(dato("2026-12-31T22:59:59.000Z"), "2026-12-31");
    // The night summer time ends (25 October 2026): 22:00Z before it is midnight summer time, 23:30Z
    // after it is still the 25th in winter time.
    assert_eq!(dato("2026-10-24T22:00:00.000Z"), "2026-10-25");
    assert_eq!(dato("2026-10-25T22:59:59.000Z"), "2026-10-25");
    assert_eq!(dato("2026-10-25T23:00:00.000Z"), "2026-10-26");
}

#[test]
fn vedtak_fattet_appends_in_time_order_and_finishes_the_sak() {
    let v = innsyn(json!([
        vedtak(&day(9), "S1", None),
        hendelse("saksStatus", &day(1), json!({ "referanse": "S1", "tittel": "Livsopphold", "status": "UNDER_BEHANDLING" })),
        vedtak(&day(5), "S1", Some("DELVIS_INNVILGET")),
    ]));
    assert_eq!(
        v["saker"],
        json!([{ "referanse": "S1", "tittel": "Livsopphold", "status": "FERDIGBEHANDLET", "vedtak": [
            { "utfall": "DELVIS_INNVILGET", "dato": "2026-04-05" },
            { "utfall": null, "dato": "2026-04-09" },
        ] }])
    );
}

#[test]
fn a_feilregistrert_sak_stays_hidden_with_a_vedtak_before_or_after() {
    // The latest saksStatus says the sak was registered in error; a vedtak does not change that.
    let v = innsyn(json!([hendelse("saksStatus", &day(1), json!({ "referanse": "S1", "status": "FEILREGISTRERT" })), vedtak(&day(2), "S1", Some("AVVIST")),]));
    assert_eq!(v["saker"], json!([]));
    let v = innsyn(json!([vedtak(&day(1), "S1", Some("INNVILGET")), hendelse("saksStatus", &day(2), json!({ "referanse": "S1", "status": "FEILREGISTRERT" })),]));
    assert_eq!(v["saker"], json!([]));
    // A later real status brings it back, finished because it has a vedtak.
    let v = innsyn(json!([
        vedtak(&day(1), "S1", Some("INNVILGET")),
        hendelse("saksStatus", &day(2), json!({ "referanse": "S1", "status": "FEILREGISTRERT" })),
        hendelse("saksStatus", &day(3), json!({ "referanse": "S1", "status": "UNDER_BEHANDLING" })),
    ]));
    assert_eq!(v["saker"][0]["status"], "FERDIGBEHANDLET");
}

#[test]
fn a_sak_with_a_vedtak_is_ferdigbehandlet_whatever_saks_status_follows() {
    for status in ["UNDER_BEHANDLING", "IKKE_INNSYN", "BEHANDLES_IKKE"] {
        // A later saksStatus …
        let v = innsyn(json!([vedtak(&day(2), "S1", Some("INNVILGET")), hendelse("saksStatus", &day(3), json!({ "referanse": "S1", "tittel": "Nødhjelp", "status": status })),]));
        assert_eq!(
            v["saker"],
            json!([{ "referanse": "S1", "tittel": "Nødhjelp", "status": "FERDIGBEHANDLET",
                     "vedtak": [ { "utfall": "INNVILGET", "dato": "2026-04-02" } ] }]),
            "{status}"
        );
        // … and one at the same instant, after the vedtak in the file.
        let v = innsyn(json!([vedtak(&day(2), "S1", Some("INNVILGET")), hendelse("saksStatus", &day(2), json!({ "referanse": "S1", "status": status })),]));
        assert_eq!(v["saker"][0]["status"], "FERDIGBEHANDLET", "{status}");
    }
}

// ---- rule 2 with rule 3: the application's status follows its saker --------------------------

fn sak(d: u32, referanse: &str, status: &str) -> Value {
    hendelse("saksStatus", &day(d), json!({ "referanse": referanse, "tittel": referanse, "status": status }))
}

#[test]
fn a_finished_application_with_a_sak_still_being_processed_reads_as_being_processed() {
    let v = innsyn(json!([
        soknads_status(&day(1), "UNDER_BEHANDLING"),
        sak(2, "S1", "UNDER_BEHANDLING"),
        sak(2, "S2", "UNDER_BEHANDLING"),
        vedtak(&day(3), "S1", Some("INNVILGET")),
        soknads_status(&day(4), "FERDIGBEHANDLET"),
    ]));
    assert_eq!(v["status"], "UNDER_BEHANDLING", "S2 has no vedtak yet");
    // Once S2 has its vedtak too, the application is finished.
    let v = innsyn(json!([
        soknads_status(&day(1), "UNDER_BEHANDLING"),
        sak(2, "S1", "UNDER_BEHANDLING"),
        sak(2, "S2", "UNDER_BEHANDLING"),
        vedtak(&day(3), "S1", Some("INNVILGET")),
        soknads_status(&day(4), "FERDIGBEHANDLET"),
        vedtak(&day(5), "S2", Some("AVSLATT")),
    ]));
    assert_eq!(v["status"], "FERDIGBEHANDLET");
}

#[test]
fn only_a_shown_sak_under_behandling_keeps_a_finished_application_open() {
    for (status, expected) in
        [("IKKE_INNSYN", "FERDIGBEHANDLET"), ("BEHANDLES_IKKE", "FERDIGBEHANDLET"), ("FEILREGISTRERT", "FERDIGBEHANDLET"), ("UNDER_BEHANDLING", "UNDER_BEHANDLING")]
    {
        let v = innsyn(json!([sak(1, "S1", status), soknads_status(&day(2), "FERDIGBEHANDLET")]));
        assert_eq!(v["status"], expected, "sak {status}");
    }
    // A sak no event gave a status is UNDER_BEHANDLING, so it counts.
    let v = innsyn(json!([hendelse("saksStatus", &day(1), json!({ "referanse": "S1" })), soknads_status(&day(2), "FERDIGBEHANDLET"),]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    // The rule changes only FERDIGBEHANDLET.
    for application in ["MOTTATT", "BEHANDLES_IKKE"] {
        let v = innsyn(json!([sak(1, "S1", "UNDER_BEHANDLING"), soknads_status(&day(2), application)]));
        assert_eq!(v["status"], application);
    }
}

// ---- rule 4: utbetalinger ---------------------------------------------------------------------

fn utbetaling(d: u32, fields: Value) -> Value {
    hendelse("utbetaling", &day(d), fields)
}

#[test]
fn a_later_utbetaling_overrides_only_the_fields_it_carries() {
    let v = innsyn(json!([
        utbetaling(
            1,
            json!({ "utbetalingsreferanse": "P1", "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING",
                              "belop": 4200, "forfallsdato": "2026-04-15" })
        ),
        utbetaling(2, json!({ "utbetalingsreferanse": "P1", "status": "UTBETALT", "utbetalingsdato": "2026-04-14" })),
        utbetaling(3, json!({ "utbetalingsreferanse": "P1", "belop": 4300.5 })),
    ]));
    assert_eq!(
        v["utbetalinger"],
        json!([{ "referanse": "P1", "saksreferanse": "S1", "status": "UTBETALT", "belop": 4300.5,
                 "forfallsdato": "2026-04-15", "utbetalingsdato": "2026-04-14" }])
    );
}

#[test]
fn utbetaling_updates_apply_in_time_order() {
    let v = innsyn(json!([
        utbetaling(5, json!({ "utbetalingsreferanse": "P1", "status": "STOPPET" })),
        utbetaling(1, json!({ "utbetalingsreferanse": "P1", "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING", "belop": 100 })),
    ]));
    assert_eq!(v["utbetalinger"][0]["status"], "STOPPET");
    assert_eq!(v["utbetalinger"][0]["belop"], 100.0);
}

#[test]
fn an_annullert_utbetaling_is_hidden_unless_a_later_event_revives_it() {
    let base = || {
        vec![
            utbetaling(1, json!({ "utbetalingsreferanse": "P1", "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING", "belop": 1 })),
            utbetaling(2, json!({ "utbetalingsreferanse": "P2", "saksreferanse": "S1", "status": "PLANLAGT_UTBETALING", "belop": 2 })),
            utbetaling(3, json!({ "utbetalingsreferanse": "P1", "status": "ANNULLERT" })),
        ]
    };
    assert_eq!(referanser(&innsyn(Value::Array(base()))["utbetalinger"]), ["P2"]);
    let mut revived = base();
    revived.push(utbetaling(4, json!({ "utbetalingsreferanse": "P1", "status": "UTBETALT" })));
    let v = innsyn(Value::Array(revived));
    assert_eq!(referanser(&v["utbetalinger"]), ["P1", "P2"]);
    assert_eq!(v["utbetalinger"][0]["belop"], 1.0);
}

#[test]
fn utbetalinger_keep_first_seen_order_in_time() {
    let v = innsyn(json!([
        utbetaling(3, json!({ "utbetalingsreferanse": "P1", "saksreferanse": "S1", "belop": 1 })),
        utbetaling(1, json!({ "utbetalingsreferanse": "P2", "saksreferanse": "S1", "belop": 2 })),
        utbetaling(2, json!({ "utbetalingsreferanse": "P3", "saksreferanse": "S1", "belop": 3 })),
        // Updating P2 last does not move it.
        utbetaling(9, json!({ "utbetalingsreferanse": "P2", "status": "UTBETALT" })),
    ]));
    assert_eq!(referanser(&v["utbetalinger"]), ["P2", "P3", "P1"]);
}

#[test]
fn an_utbetaling_missing_fields_gets_the_formats_defaults() {
    let v = innsyn(json!([utbetaling(1, json!({ "utbetalingsreferanse": "P1" }))]));
    assert_eq!(
        v["utbetalinger"],
        json!([{ "referanse": "P1", "saksreferanse": "", "status": "PLANLAGT_UTBETALING", "belop": 0.0,
                 "forfallsdato": null, "utbetalingsdato": null }])
    );
}

// ---- rule 5: oppgaver -------------------------------------------------------------------------

fn etterspurt(d: u32, dokumenter: Value) -> Value {
    hendelse("dokumentasjonEtterspurt", &day(d), json!({ "dokumenter": dokumenter }))
}

#[test]
fn the_latest_dokumentasjon_etterspurt_replaces_all_oppgaver() {
    let v = innsyn(json!([
        etterspurt(4, json!([{ "dokumenttype": "Kontoutskrift", "innsendelsesfrist": day(20) }])),
        etterspurt(
            2,
            json!([
                { "dokumenttype": "Strømfaktura", "tilleggsinformasjon": "Januar", "innsendelsesfrist": day(10) },
                { "dokumenttype": "Husleiekontrakt", "innsendelsesfrist": day(10) },
            ])
        ),
    ]));
    assert_eq!(v["oppgaver"], json!([{ "dokumenttype": "Kontoutskrift", "tilleggsinformasjon": null, "innsendelsesfrist": "2026-04-20T12:00:00.000Z" }]));
}

#[test]
fn a_finished_application_asks_for_nothing() {
    let request = etterspurt(2, json!([{ "dokumenttype": "Kontoutskrift", "innsendelsesfrist": day(20) }]));
    let v = innsyn(json!([request.clone(), soknads_status(&day(3), "FERDIGBEHANDLET")]));
    assert_eq!(v["oppgaver"], json!([]));
    // Finished only on paper (a sak is still being processed): the request still stands.
    let v = innsyn(json!([sak(1, "S1", "UNDER_BEHANDLING"), request.clone(), soknads_status(&day(3), "FERDIGBEHANDLET")]));
    assert_eq!(v["status"], "UNDER_BEHANDLING");
    assert_eq!(v["oppgaver"].as_array().map(Vec::len), Some(1));
    // Reopened: the last request shows again.
    let v = innsyn(json!([request.clone(), soknads_status(&day(3), "FERDIGBEHANDLET"), soknads_status(&day(4), "UNDER_BEHANDLING")]));
    assert_eq!(v["oppgaver"].as_array().map(Vec::len), Some(1));
    // Rule 5 names FERDIGBEHANDLET only: an application not to be processed keeps what was asked.
    let v = innsyn(json!([request, soknads_status(&day(3), "BEHANDLES_IKKE")]));
    assert_eq!(v["oppgaver"].as_array().map(Vec::len), Some(1));
}

#[test]
fn an_empty_dokumentasjon_etterspurt_clears_the_oppgaver() {
    let v = innsyn(json!([etterspurt(1, json!([{ "dokumenttype": "Kontoutskrift", "innsendelsesfrist": day(20) }])), etterspurt(2, json!([])),]));
    assert_eq!(v["oppgaver"], json!([]));
}

// ---- rule 6: vilkar and dokumentasjonkrav -----------------------------------------------------

fn vilkar(d: u32, fields: Value) -> Value {
    hendelse("vilkar", &day(d), fields)
}

fn krav(d: u32, fields: Value) -> Value {
    hendelse("dokumentasjonkrav", &day(d), fields)
}

#[test]
fn vilkar_are_shown_only_while_their_latest_status_is_relevant() {
    let v = innsyn(json!([
        vilkar(1, json!({ "vilkarreferanse": "V1", "tittel": "Betale husleie", "status": "RELEVANT" })),
        vilkar(2, json!({ "vilkarreferanse": "V2", "tittel": "Søke bostøtte", "status": "RELEVANT" })),
        vilkar(3, json!({ "vilkarreferanse": "V1", "status": "ANNULLERT" })),
        vilkar(4, json!({ "vilkarreferanse": "V3", "tittel": "Møte til samtale", "status": "ANNULLERT" })),
        vilkar(5, json!({ "vilkarreferanse": "V3", "status": "RELEVANT" })),
    ]));
    assert_eq!(v["vilkar"], json!([{ "referanse": "V2", "tittel": "Søke bostøtte" }, { "referanse": "V3", "tittel": "Møte til samtale" }]));
}

#[test]
fn vilkar_upsert_by_reference_and_keep_the_latest_title() {
    let v = innsyn(json!([
        vilkar(2, json!({ "vilkarreferanse": "V1", "tittel": "Søke bostøtte innen 1. mai", "status": "RELEVANT" })),
        vilkar(1, json!({ "vilkarreferanse": "V1", "tittel": "Søke bostøtte", "status": "ANNULLERT" })),
    ]));
    assert_eq!(v["vilkar"], json!([{ "referanse": "V1", "tittel": "Søke bostøtte innen 1. mai" }]));
}

#[test]
fn deprecated_and_missing_statuses_count_as_relevant() {
    let v = innsyn(json!([
        vilkar(1, json!({ "vilkarreferanse": "V1", "tittel": "A", "status": "OPPFYLT" })),
        vilkar(2, json!({ "vilkarreferanse": "V2", "tittel": "B", "status": "IKKE_OPPFYLT" })),
        vilkar(3, json!({ "vilkarreferanse": "V3", "beskrivelse": "Uten tittel og status" })),
        krav(4, json!({ "dokumentasjonkravreferanse": "D1", "tittel": "C", "status": "OPPFYLT" })),
        krav(5, json!({ "dokumentasjonkravreferanse": "D2", "tittel": "D" })),
    ]));
    assert_eq!(
        v["vilkar"],
        json!([{ "referanse": "V1", "tittel": "A" }, { "referanse": "V2", "tittel": "B" },
               { "referanse": "V3", "tittel": "Uten tittel og status" }])
    );
    assert_eq!(referanser(&v["dokumentasjonkrav"]), ["D1", "D2"]);
}

#[test]
fn dokumentasjonkrav_are_shown_only_while_their_latest_status_is_relevant() {
    let v = innsyn(json!([
        krav(1, json!({ "dokumentasjonkravreferanse": "D1", "tittel": "Legeerklæring", "status": "RELEVANT" })),
        krav(2, json!({ "dokumentasjonkravreferanse": "D2", "tittel": "Husleie", "frist": day(28), "status": "RELEVANT" })),
        krav(3, json!({ "dokumentasjonkravreferanse": "D3", "tittel": "Strøm", "status": "RELEVANT" })),
        krav(4, json!({ "dokumentasjonkravreferanse": "D1", "status": "LEVERT_TIDLIGERE" })),
        krav(5, json!({ "dokumentasjonkravreferanse": "D3", "status": "ANNULLERT" })),
        // Updates without a frist keep the one given before.
        krav(6, json!({ "dokumentasjonkravreferanse": "D2", "tittel": "Husleie for april" })),
    ]));
    assert_eq!(v["dokumentasjonkrav"], json!([{ "referanse": "D2", "tittel": "Husleie for april", "frist": "2026-04-28T12:00:00.000Z" }]));
}

#[test]
fn a_dokumentasjonkrav_without_frist_shows_null() {
    let v = innsyn(json!([krav(1, json!({ "dokumentasjonkravreferanse": "D1", "tittel": "Legeerklæring", "status": "RELEVANT" }))]));
    assert_eq!(v["dokumentasjonkrav"], json!([{ "referanse": "D1", "tittel": "Legeerklæring", "frist": null }]));
}

// ---- events outside the view ------------------------------------------------------------------

#[test]
fn rammevedtak_and_unknown_events_do_not_change_the_view() {
    let known = vec![soknads_status(&day(1), "MOTTATT"), nav_kontor(&day(2), "0301")];
    let mut more = known.clone();
    more.push(hendelse("rammevedtak", &day(3), json!({ "rammevedtaksreferanse": "R1", "saksreferanse": "S1", "belop": 10 })));
    more.push(hendelse("nyHendelseFraFremtiden", &day(4), json!({ "status": "FEILREGISTRERT", "referanse": "S1" })));
    assert_eq!(view(document(Value::Array(more))), innsyn(Value::Array(known)));
}

// ---- the official fixtures ----------------------------------------------------------------------

fn valid_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixture folder")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with("feil-")))
        .collect();
    files.sort();
    files
}

fn read_fixture(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_valid_fixture_parses_and_folds() {
    let files = valid_fixtures();
    assert!(files.len() >= 3, "expected the fixtures, found {files:?}");
    for path in files {
        let doc = DigisosSoker::from_json(&read_fixture(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let v = serde_json::to_value(fold(&doc)).expect("serialises");
        let keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
        let mut expected = ["status", "navKontor", "forelopigSvar", "saker", "utbetalinger", "oppgaver", "vilkar", "dokumentasjonkrav"];
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected, "{}", path.display());
    }
}

#[test]
fn minimal_and_new_fields_fold_to_a_received_application() {
    for name in ["minimal.json", "kan-ha-nye-felter.json"] {
        let doc = DigisosSoker::from_json(&read_fixture(&fixtures_dir().join(name))).expect("parses");
        let v = serde_json::to_value(fold(&doc)).expect("serialises");
        assert_eq!(
            v,
            json!({ "status": "MOTTATT", "navKontor": null, "forelopigSvar": false, "saker": [], "utbetalinger": [],
                    "oppgaver": [], "vilkar": [], "dokumentasjonkrav": [] }),
            "{name}"
        );
    }
}

#[test]
fn komplett_folds_to_the_expected_view() {
    let doc = DigisosSoker::from_json(&read_fixture(&fixtures_dir().join("komplett.json"))).expect("parses");
    let v = serde_json::to_value(fold(&doc)).expect("serialises");
    assert_eq!(
        v,
        json!({
            // FERDIGBEHANDLET (10-12) is the latest soknadsStatus, and no shown sak is still being processed.
            "status": "FERDIGBEHANDLET",
            // 0314 (10-04) then 0315 (10-08).
            "navKontor": "0315",
            "forelopigSvar": true,
            "saker": [
                // SAK1 has a vedtak, so it is FERDIGBEHANDLET although a saksStatus UNDER_BEHANDLING with the
                // same timestamp comes after it in the file (rule 3). SAK1 is first seen through the vedtak,
                // so it comes first.
                { "referanse": "SAK1", "tittel": "Nødhjelp", "status": "FERDIGBEHANDLET",
                  "vedtak": [ { "utfall": "INNVILGET", "dato": "2018-10-12" } ] },
                // IKKE_INNSYN is shown; only FEILREGISTRERT hides.
                { "referanse": "SAK2", "tittel": "KVP", "status": "IKKE_INNSYN", "vedtak": [] },
            ],
            "utbetalinger": [
                { "referanse": "UTBETALINGNR1SAK2", "saksreferanse": "SAK2", "status": "PLANLAGT_UTBETALING",
                  "belop": 5000.0, "forfallsdato": "2018-10-11", "utbetalingsdato": null },
            ],
            // FERDIGBEHANDLET, and no shown sak is still being processed (SAK2 is IKKE_INNSYN): nothing is
            // asked any more (rule 5).
            "oppgaver": [],
            // vilkar1 was annulled on 10-13; vilkar2 is relevant.
            "vilkar": [ { "referanse": "vilkar2", "tittel": "Søke bostøtte" } ],
            // dokumentasjonkrav1 ends LEVERT_TIDLIGERE (same time as its RELEVANT event, later in the file);
            // dokumentasjonkrav2 was annulled on 10-13.
            "dokumentasjonkrav": [],
        })
    );
}
