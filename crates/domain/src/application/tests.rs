use super::*;
use crate::ids::Fodselsnummer;
use crate::kommune::Katalog;
use velferd_formats::{validate, Kind};

/// A complete set of answers, as a citizen renting with a job, a partner and two children would give.
pub(crate) fn full_answers() -> Answers {
    let mut a = Answers::default();
    for (k, v) in [
        ("nodhjelp", "nei"),
        ("kategorier", "livsopphold,husleie"),
        ("hvorfor", "Jeg har mistet jobben og får ikke betalt husleia."),
        ("telefon", "912 34 567"),
        ("bor_folkeregistrert", "ja"),
        ("nordisk_borger", "ja"),
        ("botype", "leier"),
        ("antall_personer", "4"),
        ("i_jobb", "ja"),
        ("arbeidsgiver", "Kafé Ørkenrotta"),
        ("stillingsprosent", "40"),
        ("student", "nei"),
        ("sivilstatus", "gift"),
        ("partner_fornavn", "Kari"),
        ("partner_etternavn", "Nordmann"),
        ("partner_fnr", ""),
        ("partner_bor_sammen", "ja"),
        ("har_barn", "ja"),
        ("antall_barn", "2"),
        ("barn1_fornavn", "Lise"),
        ("barn1_etternavn", "Nordmann"),
        ("barn1_fodselsdato", "2015-06-01"),
        ("barn1_bor_sammen", "ja"),
        ("barn1_delt_bosted", "nei"),
        ("barn2_fornavn", "Per"),
        ("barn2_etternavn", "Nordmann"),
        ("barn2_fodselsdato", "3.4.2012"),
        ("barn2_bor_sammen", "nei"),
        ("barn2_samvaer", "30"),
        ("barnebidrag", "betaler"),
        ("lonn", "8 000"),
        ("brukskonto", "1200"),
        ("husleie", "9500"),
        ("strom", "800"),
        ("kontonummer", "1234.56.78903"),
        ("bekreft", "ja"),
    ] {
        a.set(k, v);
    }
    a
}

fn soker() -> Soker {
    Soker {
        fnr: Fodselsnummer::with_check_digits("010190123").or_else(|| Fodselsnummer::with_check_digits("010190124")).unwrap(),
        fornavn: "Ola".into(),
        mellomnavn: String::new(),
        etternavn: "Nordmann".into(),
        adresse: Some(SokerAdresse { gatenavn: "Storgata".into(), husnummer: "1".into(), postnummer: "0155".into(), poststed: "Oslo".into(), kommunenummer: "0301".into() }),
    }
}

fn katalog() -> Katalog {
    Katalog::from_json(include_str!("../../../../data/kommuner.json")).unwrap()
}

#[test]
fn steps_go_forward_and_back_in_order() {
    assert_eq!(Step::Nodhjelp.next(), Some(Step::Behov));
    assert_eq!(Step::Behov.previous(), Some(Step::Nodhjelp));
    assert_eq!(Step::Nodhjelp.previous(), None);
    assert_eq!(Step::Oppsummering.next(), None);
    assert_eq!(Step::Oppsummering.number(), Step::ALL.len());
    for s in Step::ALL {
        assert_eq!(Step::from_slug(s.slug()), Some(s));
    }
}

#[test]
fn a_complete_application_becomes_schema_valid_soknad_and_vedlegg_json() {
    let mut answers = full_answers();
    answers.set("partner_fnr", soker().fnr.as_str());
    let app = parse_application(&answers).unwrap();
    let kommune = katalog().find("0301").unwrap().clone();
    let doc = soknad_json(&app, &soker(), &kommune, 1_781_000_000_000);
    assert_eq!(validate(Kind::Soknad, &doc).unwrap(), vec![], "{doc:#}");
    assert_eq!(doc["mottaker"]["kommunenummer"], "0301");
    assert_eq!(doc["mottaker"]["navEnhetsnavn"], "NAV Frogner");
    assert_eq!(doc["data"]["personalia"]["kontonummer"]["verdi"], "12345678903");
    assert_eq!(doc["data"]["familie"]["forsorgerplikt"]["ansvar"].as_array().unwrap().len(), 2);
    assert_eq!(doc["data"]["familie"]["forsorgerplikt"]["ansvar"][1]["samvarsgrad"]["verdi"], 30);
    assert_eq!(doc["data"]["okonomi"]["oversikt"]["utgift"][0]["belop"], 9500);

    let needs = required_documents(&app);
    let kinds: Vec<_> = needs.iter().map(|n| format!("{}|{}", n.kind, n.tilleggsinfo)).collect();
    for expected in ["husleiekontrakt|husleiekontrakt", "lonnslipp|arbeid", "barnebidrag|betaler", "samvarsavtale|barn", "faktura|strom"] {
        assert!(kinds.contains(&expected.to_owned()), "{expected} missing from {kinds:?}");
    }
    assert!(!kinds.contains(&"student|vedtak".to_owned()));
    let vedlegg = serde_json::to_value(vedlegg_json(&needs)).unwrap();
    assert_eq!(validate(Kind::Vedlegg, &vedlegg).unwrap(), vec![]);
    assert!(vedlegg["vedlegg"].as_array().unwrap().iter().all(|v| v["status"] == "VedleggKreves"));
}

#[test]
fn the_smallest_application_is_valid_too() {
    let mut a = Answers::default();
    for (k, v) in [
        ("nodhjelp", "begge"),
        ("kategorier", "mat"),
        ("hvorfor", "Har ikke penger til mat."),
        ("bor_folkeregistrert", "nei"),
        ("oppholdsadresse", "Hos en venn, Bergen"),
        ("nordisk_borger", "nei"),
        ("botype", "ingen"),
        ("antall_personer", "1"),
        ("i_jobb", "nei"),
        ("student", "nei"),
        ("sivilstatus", "ugift"),
        ("har_barn", "nei"),
        ("har_ikke_konto", "ja"),
        ("bekreft", "ja"),
    ] {
        a.set(k, v);
    }
    let app = parse_application(&a).unwrap();
    assert!(app.nodhjelp.is_emergency());
    let mut s = soker();
    s.adresse = None;
    let doc = soknad_json(&app, &s, katalog().find("4601").unwrap(), 0);
    assert_eq!(validate(Kind::Soknad, &doc).unwrap(), vec![], "{doc:#}");
    assert_eq!(doc["data"]["personalia"]["kontonummer"]["harIkkeKonto"], true);
    assert!(doc["data"]["begrunnelse"]["hvaSokesOm"].as_str().unwrap().starts_with("NØDHJELP"));
    assert_eq!(doc["velferd"]["nodhjelp"], true);
    let kinds: Vec<_> = required_documents(&app).into_iter().map(|n| n.kind).collect();
    assert_eq!(kinds, ["kontooversikt", "skattemelding"]);
    // "No, I do not live at my registered address" is an answer the office must see, with where
    // she stays (it was left out, and only a "yes" was shown).
    let personalia = summary(&app, &a).into_iter().find(|s| s.step == Step::Personalia).unwrap();
    let shown: Vec<(&str, &Value)> = personalia.rows.iter().map(|r| (r.label.as_str(), &r.value)).collect();
    assert!(shown.contains(&("bor_folkeregistrert-question", &Value::Key("answer-nei".into()))), "{shown:?}");
    assert!(shown.contains(&("oppholdsadresse-label", &Value::Text("Hos en venn, Bergen".into()))), "{shown:?}");
}

#[test]
fn each_step_reports_its_own_errors_by_field() {
    let mut a = full_answers();
    a.set("kontonummer", "1234.56.78904");
    assert_eq!(validate_step(Step::Konto, &a), vec![FieldError::new("kontonummer", "error-konto-checksum")]);
    a.set("lonn", "-500");
    assert_eq!(validate_step(Step::Inntekt, &a), vec![FieldError::with_args("lonn", "error-belop-negative", vec![("max", "100\u{a0}000\u{a0}000\u{a0}kr".into())])]);
    a.set("hvorfor", "x".repeat(100_000));
    assert_eq!(validate_step(Step::Behov, &a), vec![FieldError::with_args("hvorfor", "error-text-too-long", vec![("max", "4000".into())])]);
    a.set("hvorfor", "broken \u{fffd} text");
    assert_eq!(validate_step(Step::Behov, &a), vec![FieldError::new("hvorfor", "error-text-unreadable")]);
    a.set("barn2_fodselsdato", "31.02.2012");
    assert_eq!(validate_step(Step::Familie, &a), vec![FieldError::new("barn2_fodselsdato", "error-date-format")]);
    a.set("partner_fnr", "01019012345");
    assert!(validate_step(Step::Familie, &a).contains(&FieldError::new("partner_fnr", "error-fnr-checksum")));
    a.set("partner_fnr", "");
    a.set("botype", "slott");
    assert_eq!(validate_step(Step::Bolig, &a), vec![FieldError::new("botype", "error-choice-unknown")]);
    // Other steps are untouched by these errors.
    assert_eq!(validate_step(Step::Arbeid, &a), vec![]);
    let errors = parse_application(&a).unwrap_err();
    let steps: Vec<Step> = errors.iter().map(|(s, _)| *s).collect();
    assert!(steps.contains(&Step::Konto) && steps.contains(&Step::Bolig) && !steps.contains(&Step::Arbeid));
}

#[test]
fn conditional_questions_are_only_required_when_they_apply() {
    let mut a = full_answers();
    a.set("i_jobb", "nei");
    a.set("arbeidsgiver", "");
    assert_eq!(validate_step(Step::Arbeid, &a), vec![]);
    a.set("i_jobb", "ja");
    assert_eq!(validate_step(Step::Arbeid, &a), vec![FieldError::new("arbeidsgiver", "error-required")]);
    a.set("har_ikke_konto", "ja");
    a.set("kontonummer", "");
    assert_eq!(validate_step(Step::Konto, &a), vec![]);
}

#[test]
fn posting_a_step_never_touches_other_steps_answers() {
    let mut a = full_answers();
    let posted = vec![
        ("botype".to_owned(), "eier".to_owned()),
        ("antall_personer".to_owned(), "2".to_owned()),
        ("kontonummer".to_owned(), "forged".to_owned()),
        ("not_a_field".to_owned(), "x".to_owned()),
    ];
    a.merge_step(Step::Bolig, &posted);
    assert_eq!(a.get("botype"), "eier");
    assert_eq!(a.get("kontonummer"), "1234.56.78903");
    assert_eq!(a.get("not_a_field"), "");
    // A checkbox group posted as repeated names is kept whole; unticking all clears it.
    a.merge_step(Step::Behov, &[("kategorier".into(), "mat".into()), ("kategorier".into(), "strom".into())]);
    assert_eq!(a.list("kategorier"), ["mat", "strom"]);
    a.merge_step(Step::Behov, &[]);
    assert!(a.list("kategorier").is_empty());
    assert_eq!(a.get("botype"), "eier");
}

#[test]
fn drafts_expire_fourteen_days_after_the_last_change() {
    assert_eq!(draft_expires_at(0), 14 * 86_400_000);
}

#[test]
fn the_summary_lists_what_was_answered() {
    let answers = full_answers();
    let app = parse_application(&answers).unwrap();
    let s = summary(&app, &answers);
    assert_eq!(s.len(), Step::ALL.len() - 1);
    let konto = s.iter().find(|s| s.step == Step::Konto).unwrap();
    assert_eq!(konto.rows[0].value, Value::Text("1234 56 78903".into()));
    let familie = s.iter().find(|s| s.step == Step::Familie).unwrap();
    assert!(familie.rows.iter().any(|r| r.value == Value::Numbered(2, "Per Nordmann, 03.04.2012".into())));
    assert!(familie.rows.iter().any(|r| r.label == "summary-barn-samvaer" && r.value == Value::Numbered(2, "30 %".into())));
}

/// Where each answer in soknad.json shows in the summary: a path (`*` for a list index) and the
/// summary row's label. A leaf of soknad.json that is neither here nor in [`NOT_ANSWERS`] fails the
/// test below, so an answer added to soknad.json cannot be left out of the summary, the PDF and the
/// staff page, which all render the same rows.
const SHOWN_AS: &[(&str, &str)] = &[
    ("/data/personalia/telefonnummer/verdi", "summary-telefon"),
    ("/data/personalia/nordiskBorger/verdi", "nordisk_borger-question"),
    ("/data/personalia/kontonummer/verdi", "kontonummer-label"),
    ("/data/personalia/kontonummer/harIkkeKonto", "kontonummer-label"),
    ("/data/personalia/oppholdsadresse/adresse/*", "oppholdsadresse-label"),
    ("/data/arbeid/situasjon/erIJobb", "i_jobb-question"),
    ("/data/arbeid/situasjon/jobbGrad", "stillingsprosent-label"),
    ("/data/arbeid/kommentarTilArbeidsforhold/verdi", "arbeidsgiver-label"),
    ("/data/utdanning/erStudent", "student-question"),
    ("/data/utdanning/studentgrad", "studentgrad-question"),
    ("/data/familie/sivilstatus/status", "sivilstatus-question"),
    ("/data/familie/sivilstatus/ektefelle/navn/fornavn", "partner-name-label"),
    ("/data/familie/sivilstatus/ektefelle/navn/etternavn", "partner-name-label"),
    ("/data/familie/sivilstatus/ektefelle/personIdentifikator", "summary-partner-fnr"),
    ("/data/familie/sivilstatus/ektefelle/fodselsdato", "summary-partner-fnr"),
    ("/data/familie/sivilstatus/borSammenMed", "partner_bor_sammen-question"),
    ("/data/familie/forsorgerplikt/harForsorgerplikt/verdi", "har_barn-question"),
    ("/data/familie/forsorgerplikt/ansvar/*/barn/navn/fornavn", "barn-heading"),
    ("/data/familie/forsorgerplikt/ansvar/*/barn/navn/etternavn", "barn-heading"),
    ("/data/familie/forsorgerplikt/ansvar/*/barn/fodselsdato", "barn-heading"),
    ("/data/familie/forsorgerplikt/ansvar/*/borSammenMed/verdi", "summary-barn-bor-sammen"),
    ("/data/familie/forsorgerplikt/ansvar/*/harDeltBosted/verdi", "summary-barn-delt-bosted"),
    ("/data/familie/forsorgerplikt/ansvar/*/samvarsgrad/verdi", "summary-barn-samvaer"),
    ("/data/familie/forsorgerplikt/barnebidrag/verdi", "barnebidrag-question"),
    ("/data/begrunnelse/hvaSokesOm", "kategorier-question"),
    ("/data/begrunnelse/hvorforSoke", "hvorfor-label"),
    ("/data/bosituasjon/botype", "botype-question"),
    ("/data/bosituasjon/antallPersoner", "antall_personer-label"),
    ("/data/okonomi/oversikt/inntekt/*/netto", "*-label"),
    ("/data/okonomi/oversikt/utgift/*/belop", "*-label"),
    ("/data/okonomi/oversikt/formue/*/belop", "*-label"),
];

/// Leaves of soknad.json that are not the applicant's answers: the register's data, the format's
/// bookkeeping, where it goes, and the labels of money posts (their amounts are answers).
const NOT_ANSWERS: &[&str] = &[
    "/version",
    "/innsendingstidspunkt",
    "/mottaker/",
    "/driftsinformasjon/",
    "/velferd/",
    "/data/soknadstype",
    "/data/personalia/personIdentifikator/",
    "/data/personalia/navn/",
    "/data/personalia/fodselsdato",
    "/data/personalia/folkeregistrertAdresse/",
    "/data/personalia/oppholdsadresse/type",
    "/data/familie/sivilstatus/ektefelle/navn/mellomnavn",
    "/data/familie/forsorgerplikt/ansvar/*/barn/navn/mellomnavn",
];

fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| leaves(v, format!("{path}/{k}"), out)),
        serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| leaves(v, format!("{path}/{i}"), out)),
        leaf => out.push((path, leaf.clone())),
    }
}

/// The path with list indices as `*`, and the first index (0-based) if any.
fn pattern(path: &str) -> (String, Option<usize>) {
    let mut index = None;
    let parts: Vec<String> = path
        .split('/')
        .map(|p| match p.parse::<usize>() {
            Ok(i) => {
                index.get_or_insert(i);
                "*".to_owned()
            }
            Err(_) => p.to_owned(),
        })
        .collect();
    (parts.join("/"), index)
}

#[test]
fn every_answer_soknad_json_carries_is_in_the_summary_rows() {
    // Everything filled in: a partner with a number, a child at home with shared residence, a
    // child elsewhere with time together, a job, studies, every income, asset and expense.
    let mut answers = full_answers();
    answers.set("partner_fnr", soker().fnr.as_str());
    answers.set("barn1_delt_bosted", "ja");
    answers.set("student", "ja");
    answers.set("studentgrad", "deltid");
    answers.set("bor_folkeregistrert", "nei");
    answers.set("oppholdsadresse", "Skjulestedet 3, 0150 Oslo");
    for (i, (field, _, _)) in INNTEKT_FIELDS.iter().chain(FORMUE_FIELDS.iter()).chain(UTGIFT_FIELDS.iter()).enumerate() {
        answers.set(*field, (1000 + i).to_string());
    }
    let app = parse_application(&answers).unwrap();
    let kommune = katalog().find("0301").unwrap().clone();
    let doc = soknad_json(&app, &soker(), &kommune, 1_781_000_000_000);
    let rows: Vec<SummaryRow> = summary(&app, &answers).into_iter().flat_map(|s| s.rows).collect();
    let mut all = vec![];
    leaves(&doc, String::new(), &mut all);
    let mut checked = 0;
    for (path, value) in all {
        let (shape, index) = pattern(&path);
        let last = shape.rsplit('/').next().unwrap_or_default();
        if last == "kilde" || last == "type" && shape.contains("/okonomi/") || last == "tittel" || last == "overstyrtAvBruker" {
            continue; // the format's bookkeeping beside an answer
        }
        if NOT_ANSWERS.iter().any(|n| shape == *n || (n.ends_with('/') && shape.starts_with(n))) {
            continue;
        }
        let Some((_, label)) = SHOWN_AS.iter().find(|(p, _)| *p == shape) else {
            panic!("soknad.json carries an answer at {path} ({value}) that the summary rows do not show: add it to summary() and SHOWN_AS");
        };
        // A money post: its row is the field's own label, found by its format type.
        let label = if *label == "*-label" {
            let kind = doc.pointer(path.rsplit_once('/').unwrap().0).and_then(|p| p["type"].as_str()).unwrap().to_owned();
            let list: &[(&str, &str, &str)] = match () {
                _ if shape.contains("/inntekt/") => &INNTEKT_FIELDS,
                _ if shape.contains("/formue/") => &FORMUE_FIELDS,
                _ => &UTGIFT_FIELDS,
            };
            let field = list.iter().find(|(_, k, _)| *k == kind).unwrap().0;
            format!("{field}-label")
        } else {
            (*label).to_owned()
        };
        let numbered = |r: &&SummaryRow| match (&r.value, index) {
            (Value::Numbered(n, _) | Value::NumberedKey(n, _), Some(i)) if shape.contains("/ansvar/") => *n == i + 1,
            _ => true,
        };
        let row = rows.iter().filter(|r| r.label == label).find(numbered).unwrap_or_else(|| panic!("{path}: no summary row {label} (index {index:?}): {rows:#?}"));
        // The row says the same as soknad.json; three values are derived from what was typed.
        match (shape.as_str(), &value, &row.value) {
            ("/data/arbeid/situasjon/jobbGrad", serde_json::Value::String(grad), Value::Text(t)) => {
                let percent: u32 = t.trim_end_matches(" %").parse().unwrap();
                assert_eq!(grad == "heltid", percent >= 100, "{path}: {grad} but {t}");
                checked += 1;
                continue;
            }
            ("/data/personalia/kontonummer/harIkkeKonto", serde_json::Value::Bool(false), Value::Text(_)) => {
                checked += 1;
                continue;
            }
            ("/data/familie/sivilstatus/ektefelle/fodselsdato", serde_json::Value::String(date), Value::Text(fnr)) => {
                let (y, m, d) = (&date[2..4], &date[5..7], &date[8..10]);
                assert!(fnr.starts_with(&format!("{d}{m}{y}")), "{path}: {date} is not the date in {fnr}");
                checked += 1;
                continue;
            }
            _ => {}
        }
        match (&value, &row.value) {
            (serde_json::Value::Bool(b), Value::Key(k) | Value::NumberedKey(_, k)) if k.starts_with("answer-") => {
                assert_eq!(k == "answer-ja", *b, "{path}: {value} but the summary says {k}")
            }
            (serde_json::Value::Number(n), Value::Amount(b)) => {
                assert_eq!(n.as_i64(), Some(b.kroner()), "{path}")
            }
            (serde_json::Value::Number(n), Value::Text(t) | Value::Numbered(_, t)) => {
                assert!(t.contains(&n.to_string()), "{path}: {n} not in {t}")
            }
            (serde_json::Value::String(s), Value::Text(t) | Value::Numbered(_, t)) => {
                let shown = t.replace(' ', "");
                let date = s.split('-').rev().collect::<Vec<_>>().join(".");
                assert!(
                    t.contains(s.as_str()) || shown.contains(&s.replace(' ', "")) || t.contains(&date) || s.contains(t.as_str()) || s.contains(shown.as_str()),
                    "{path}: {s:?} not shown in {t:?}"
                );
            }
            (serde_json::Value::String(s), Value::Key(k)) => assert!(k.ends_with(&format!("-{s}")), "{path}: {s:?} but the summary says {k}"),
            (serde_json::Value::String(_), Value::Keys(_)) => {} // what is applied for, as categories
            (v, shown) => panic!("{path}: {v} shown as {shown:?}"),
        }
        checked += 1;
    }
    assert!(checked > 30, "only {checked} answers checked");
}

#[test]
fn saving_the_family_step_keeps_every_child_shown() {
    let mut a = full_answers();
    assert_eq!(antall_barn(&a), 2);
    // The form posts both children's fields but not the slot count.
    let posted: Vec<(String, String)> = [("sivilstatus", "ugift"), ("har_barn", "ja"), ("barn1_fornavn", "Lise"), ("barn2_fornavn", "Per"), ("barn2_etternavn", "Nordmann")]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    a.merge_step(Step::Familie, &posted);
    assert_eq!(antall_barn(&a), 2, "the second child is still there");
    assert_eq!(a.get("barn2_fornavn"), "Per");
}

#[test]
fn a_partner_may_have_a_number_issued_under_the_2032_rule_but_not_one_without_a_date() {
    let mut a = full_answers();
    // Skatteetaten's published example of a fødselsnummer issued from 2032.
    a.set("partner_fnr", "30108299939");
    assert_eq!(validate_step(Step::Familie, &a), vec![]);
    // Right check digits, but there is no 30 February.
    a.set("partner_fnr", "30025812227");
    assert_eq!(validate_step(Step::Familie, &a), vec![FieldError::new("partner_fnr", "error-fnr-date")]);
}
