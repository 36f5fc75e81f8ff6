//! The summary of an application: what the citizen checks before sending and what their PDF copy
//! shows. Labels and fixed values are Fluent keys; the web layer translates them.

use super::build::{Application, Nodhjelp, FORMUE_FIELDS, INNTEKT_FIELDS, UTGIFT_FIELDS};
use super::{Answers, Step};
use crate::dates::norwegian_date;
use crate::ids::Belop;

/// A value in the summary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    /// What the citizen typed, shown as is.
    Text(String),
    /// A fixed answer, as a Fluent key (e.g. `answer-ja`).
    Key(String),
    /// Several fixed answers.
    Keys(Vec<String>),
    Amount(Belop),
    /// A row with a number in its label, such as "Child 2".
    Numbered(usize, String),
    /// A fixed answer (a Fluent key) in a row with a number in its label ("Child 2 lives with you").
    NumberedKey(usize, String),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SummaryRow {
    /// Fluent key of the question.
    pub label: String,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SummarySection {
    pub step: Step,
    pub rows: Vec<SummaryRow>,
}

impl SummaryRow {
    /// The row gives an address (where the applicant stays). Never shown or printed for a person
    /// with a protected address (kode 6/7), on any page or PDF.
    pub fn is_address(&self) -> bool {
        self.label == "oppholdsadresse-label"
    }
}

/// The sections as someone other than the applicant may see them: without address rows when the
/// applicant has a protected address (`protected`), unchanged otherwise.
pub fn for_others(sections: Vec<SummarySection>, protected: bool) -> Vec<SummarySection> {
    if !protected {
        return sections;
    }
    sections.into_iter().map(|s| SummarySection { step: s.step, rows: s.rows.into_iter().filter(|r| !r.is_address()).collect() }).collect()
}

fn row(label: &str, value: Value) -> SummaryRow {
    SummaryRow { label: label.to_owned(), value }
}

fn yes_no(b: bool) -> Value {
    Value::Key(if b { "answer-ja" } else { "answer-nei" }.to_owned())
}

/// The summary of an application as it was sent: the rows stored with it at send time, or, for an
/// application sent before they were stored, the rows built from its answers now (empty if the
/// answers no longer parse under today's rules). A rule tightened later never changes what an old
/// application shows.
pub fn as_sent(stored: Option<&[SummarySection]>, answers: &Answers) -> Vec<SummarySection> {
    match stored {
        Some(rows) => rows.to_vec(),
        None => super::parse_application(answers).map(|app| summary(&app, answers)).unwrap_or_default(),
    }
}

/// The summary of a complete application, one section per step with answers.
pub fn summary(app: &Application, answers: &Answers) -> Vec<SummarySection> {
    let mut sections = Vec::new();
    let nod = match app.nodhjelp {
        Nodhjelp::Nei => "nodhjelp-nei",
        Nodhjelp::Mat => "nodhjelp-mat",
        Nodhjelp::Bolig => "nodhjelp-bolig",
        Nodhjelp::MatOgBolig => "nodhjelp-begge",
    };
    sections.push(SummarySection { step: Step::Nodhjelp, rows: vec![row("nodhjelp-question", Value::Key(nod.to_owned()))] });

    let mut behov = vec![row("kategorier-question", Value::Keys(app.kategorier.iter().map(|k| format!("kategori-{}", k.slug())).collect()))];
    if let Some(a) = &app.hva_annet {
        behov.push(row("hva_annet-label", Value::Text(a.clone())));
    }
    behov.push(row("hvorfor-label", Value::Text(app.hvorfor.clone())));
    sections.push(SummarySection { step: Step::Behov, rows: behov });

    let mut personalia = vec![];
    if let Some(t) = &app.telefon {
        personalia.push(row("summary-telefon", Value::Text(t.formatted())));
    }
    // The question is always answered; the address where they stay follows a "no".
    personalia.push(row("bor_folkeregistrert-question", yes_no(app.oppholdsadresse.is_none())));
    if let Some(a) = &app.oppholdsadresse {
        personalia.push(row("oppholdsadresse-label", Value::Text(a.clone())));
    }
    personalia.push(row("nordisk_borger-question", yes_no(app.nordisk_borger)));
    sections.push(SummarySection { step: Step::Personalia, rows: personalia });

    sections.push(SummarySection {
        step: Step::Bolig,
        rows: vec![row("botype-question", Value::Key(format!("botype-{}", app.botype.slug()))), row("antall_personer-label", Value::Text(app.antall_personer.to_string()))],
    });

    let mut arbeid = vec![row("i_jobb-question", yes_no(app.arbeid.is_some()))];
    if let Some(a) = &app.arbeid {
        arbeid.push(row("arbeidsgiver-label", Value::Text(a.arbeidsgiver.clone())));
        arbeid.push(row("stillingsprosent-label", Value::Text(format!("{} %", a.stillingsprosent))));
    }
    arbeid.push(row("student-question", yes_no(app.student.is_some())));
    if app.student.is_some() {
        arbeid.push(row("studentgrad-question", Value::Key(format!("studentgrad-{}", answers.get("studentgrad")))));
    }
    sections.push(SummarySection { step: Step::Arbeid, rows: arbeid });

    let mut familie = vec![row("sivilstatus-question", Value::Key(format!("sivilstatus-{}", app.sivilstatus.slug())))];
    if let Some(p) = &app.partner {
        familie.push(row("partner-name-label", Value::Text(format!("{} {}", p.fornavn, p.etternavn))));
        if let Some(fnr) = &p.fnr {
            familie.push(row("summary-partner-fnr", Value::Text(fnr.as_str().to_owned())));
        }
        familie.push(row("partner_bor_sammen-question", yes_no(p.bor_sammen)));
    }
    familie.push(row("har_barn-question", yes_no(!app.barn.is_empty())));
    // Each child, and where the child lives: every answer soknad.json carries about them.
    for (i, b) in app.barn.iter().enumerate() {
        let n = i + 1;
        let yes_no_n = |yes: bool| Value::NumberedKey(n, if yes { "answer-ja" } else { "answer-nei" }.to_owned());
        familie.push(row("barn-heading", Value::Numbered(n, format!("{} {}, {}", b.fornavn, b.etternavn, norwegian_date(&b.fodselsdato)))));
        familie.push(row("summary-barn-bor-sammen", yes_no_n(b.bor_sammen)));
        if b.bor_sammen {
            familie.push(row("summary-barn-delt-bosted", yes_no_n(b.delt_bosted)));
        }
        if let Some(s) = b.samvaersgrad {
            familie.push(row("summary-barn-samvaer", Value::Numbered(n, format!("{s} %"))));
        }
    }
    if let Some(bidrag) = app.barnebidrag {
        familie.push(row("barnebidrag-question", Value::Key(format!("barnebidrag-{}", bidrag.slug()))));
    }
    sections.push(SummarySection { step: Step::Familie, rows: familie });

    let money = |fields: &[(&str, &str, &str)], posts: &[super::Pengepost]| -> Vec<SummaryRow> {
        fields
            .iter()
            .filter_map(|(field, _, _)| {
                let p = posts.iter().find(|p| p.field == *field)?;
                Some(row(&format!("{field}-label"), Value::Amount(p.belop)))
            })
            .collect()
    };
    let mut inntekt = money(&INNTEKT_FIELDS, &app.inntekter);
    inntekt.extend(money(&FORMUE_FIELDS, &app.formue));
    if inntekt.is_empty() {
        inntekt.push(row("summary-amounts", Value::Key("answer-none".to_owned())));
    }
    sections.push(SummarySection { step: Step::Inntekt, rows: inntekt });
    let mut utgifter = money(&UTGIFT_FIELDS, &app.utgifter);
    if utgifter.is_empty() {
        utgifter.push(row("summary-amounts", Value::Key("answer-none".to_owned())));
    }
    sections.push(SummarySection { step: Step::Utgifter, rows: utgifter });

    let konto = match &app.kontonummer {
        Some(k) => row("kontonummer-label", Value::Text(k.formatted())),
        None => row("har_ikke_konto-label", yes_no(true)),
    };
    sections.push(SummarySection { step: Step::Konto, rows: vec![konto] });
    sections
}

#[cfg(test)]
mod as_sent_tests {
    use super::*;

    #[test]
    fn an_application_shows_the_rows_it_was_sent_with_even_when_its_answers_no_longer_parse() {
        let stored = vec![SummarySection { step: Step::Behov, rows: vec![row("hvorfor-label", Value::Text("Mistet jobben".into()))] }];
        // Answers that today's rules refuse (nothing filled in): the stored rows still show.
        assert_eq!(as_sent(Some(&stored), &Answers::default()), stored);
        // Without stored rows (sent before they were kept) and unparseable answers: nothing, not a failure.
        assert_eq!(as_sent(None, &Answers::default()), vec![]);
        // The rows survive storage as JSON unchanged.
        let json = serde_json::to_string(&stored).expect("json");
        assert_eq!(serde_json::from_str::<Vec<SummarySection>>(&json).expect("parse"), stored);
        assert!(json.contains("\"behov\""), "steps are stored by name: {json}");
    }

    #[test]
    fn others_never_see_where_a_protected_person_stays() {
        let sections = vec![SummarySection {
            step: Step::Personalia,
            rows: vec![row("oppholdsadresse-label", Value::Text("Skjultveien 7".into())), row("telefon-label", Value::Text("912 34 567".into()))],
        }];
        assert_eq!(for_others(sections.clone(), false), sections);
        let hidden = for_others(sections, true);
        assert_eq!(hidden[0].rows.len(), 1);
        assert!(hidden[0].rows.iter().all(|r| !r.is_address()));
    }
}
