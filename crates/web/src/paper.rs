//! The printable paper application form (issue 17): built from the same field definitions as the
//! steps of the digital form (`steps::fields`, with no answers), in the reader's language, with
//! the checklist of documents an office may ask for, and rendered by the letters' PDF renderer
//! (tagged PDF/A-2a + PDF/UA-1). So paper and digital ask the same questions and cannot drift
//! apart: a question added to a step is on the paper form at the next start.

use velferd_documents::{Document, Row, Section};
use velferd_domain::application::{Answers, Step};

use crate::i18n::Lang;
use crate::steps::{fields, Control, Field};

/// A line to write on.
const LINE: &str = "______________________________________________";

fn row(lang: Lang, f: &Field) -> Row {
    let mark = |boxes: &str, choices: &[crate::steps::Choice]| choices.iter().map(|c| format!("{boxes} {}", c.label)).collect::<Vec<_>>().join("\n");
    let value = match &f.control {
        Control::Radio(choices) => mark("( )", choices),
        Control::Checkboxes(choices) => mark("[ ]", choices),
        Control::Tick { .. } => format!("[ ] {}", lang.t("paper-form-tick")),
        Control::Textarea => [LINE, LINE, LINE].join("\n"),
        Control::Amount => format!("{LINE} kr"),
        Control::Text { .. } => LINE.to_owned(),
    };
    let label = match &f.hint {
        Some(hint) => format!("{} ({hint})", f.label),
        None => f.label.clone(),
    };
    Row::Field { label, value }
}

/// The paper form in `lang`.
pub fn document(lang: Lang) -> Document {
    let empty = Answers::default();
    let mut sections = vec![Section {
        heading: lang.t("paper-form-about-you"),
        rows: [lang.t("register-name"), lang.t("register-fnr"), lang.t("register-address")].into_iter().map(|label| Row::Field { label, value: LINE.to_owned() }).collect(),
    }];
    for step in Step::ALL.into_iter().filter(|s| *s != Step::Oppsummering) {
        let mut rows = Vec::new();
        if let Some(intro) = lang.try_t(&format!("step-{}-intro", step.slug())) {
            rows.push(Row::Text(intro));
        }
        for group in fields(lang, step, &empty, &[]) {
            if let Some(legend) = &group.legend {
                rows.push(Row::Text(legend.clone()));
            }
            if group.when.is_some() {
                rows.push(Row::Text(lang.t("paper-form-only-if")));
            }
            rows.extend(group.fields.iter().map(|f| row(lang, f)));
        }
        sections.push(Section { heading: lang.t(&format!("step-{}-title", step.slug())), rows });
    }
    let mut checklist = vec![Row::Text(lang.t("paper-form-documents-intro"))];
    checklist.extend(velferd_domain::office::REQUESTABLE.iter().map(|(kind, extra)| Row::Text(format!("[ ] {}", crate::routes::document_label(lang, kind, extra)))));
    sections.push(Section { heading: lang.t("paper-form-documents"), rows: checklist });
    sections.push(Section {
        heading: lang.t("paper-form-sign"),
        rows: vec![
            Row::Text(lang.t("bekreft-label")),
            Row::Field { label: lang.t("paper-form-place-date"), value: LINE.to_owned() },
            Row::Field { label: lang.t("paper-form-signature"), value: LINE.to_owned() },
            Row::Text(lang.t("paper-form-send")),
        ],
    });
    Document {
        title: lang.t("paper-form-title"),
        language: lang.code().to_owned(),
        intro: vec![lang.t("paper-form-intro-pdf")],
        sections,
        footer: lang.t("paper-form-title"),
        page_label: lang.t_args("pdf-page-label", &[("page", "{page}".to_owned()), ("pages", "{pages}".to_owned())]),
    }
}
