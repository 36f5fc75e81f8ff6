//! The questions of each step as data for the one step template: label, hint, control, the value
//! as typed and the error, if any. What the questions mean lives in `velferd_domain::application`.

use velferd_domain::application::{
    antall_barn, barn_field, Answers, Barnebidrag, Botype, FieldError, Kategori, Sivilstatus, Step, FORMUE_FIELDS, INNTEKT_FIELDS, MAX_BARN, UTGIFT_FIELDS,
};

use crate::i18n::Lang;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub enum Control {
    /// One answer of several (a fieldset of radio buttons).
    Radio(Vec<Choice>),
    /// Any number of answers (a fieldset of checkboxes).
    Checkboxes(Vec<Choice>),
    /// A single line. `inputmode` brings up the right phone keyboard; `autocomplete` lets the
    /// browser fill it in; `size` is a width class.
    Text {
        inputmode: &'static str,
        autocomplete: &'static str,
        size: &'static str,
    },
    Textarea,
    /// A sum of money in kroner.
    Amount,
    /// One checkbox that means "yes" when ticked.
    Tick {
        checked: bool,
    },
}

pub struct Field {
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub control: Control,
}

impl Field {
    /// The id of the element an error link should reach: the input, or the first option of a group.
    pub fn anchor(&self) -> String {
        match &self.control {
            Control::Radio(_) | Control::Checkboxes(_) => format!("f-{}-0", self.name),
            _ => format!("f-{}", self.name),
        }
    }

    /// Ids of the hint and error that describe the control, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("h-{}", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("e-{}", self.name));
        }
        ids.join(" ")
    }
}

/// A block of related questions, shown only when `when` (a CSS class keyed to an earlier answer)
/// applies; without CSS every block shows, and the domain ignores answers that do not apply.
pub struct FieldGroup {
    /// Fragment id, so "add a child" can land on the new child's questions.
    pub id: Option<String>,
    pub legend: Option<String>,
    pub when: Option<&'static str>,
    pub fields: Vec<Field>,
    /// Buttons inside the group (add or remove a child), as (value, label).
    pub actions: Vec<(String, String)>,
}

/// Where this step sits in the application, for the heading, progress and buttons.
pub struct StepNav {
    /// Where the steps live: `/soknad` (the person's own form) or `/ansatt/registrer` (a
    /// caseworker registering a paper, phone or desk application in the same steps).
    pub base: &'static str,
    pub draft_id: String,
    pub slug: &'static str,
    pub number: usize,
    pub total: usize,
    pub title: String,
    pub progress: String,
    pub back_href: Option<String>,
}

impl StepNav {
    pub fn new(lang: Lang, draft_id: &str, step: Step) -> Self {
        Self::under("/soknad", lang, draft_id, step)
    }

    /// The same steps under another `base` (the staff registration pages).
    pub fn under(base: &'static str, lang: Lang, draft_id: &str, step: Step) -> Self {
        let total = Step::ALL.len();
        Self {
            base,
            draft_id: draft_id.to_owned(),
            slug: step.slug(),
            number: step.number(),
            total,
            title: lang.t(&format!("step-{}-title", step.slug())),
            progress: lang.t_args("step-progress", &[("current", step.number().to_string()), ("total", total.to_string())]),
            back_href: step.previous().map(|p| format!("{base}/{draft_id}/{}", p.slug())),
        }
    }

    pub fn action(&self) -> String {
        format!("{}/{}/{}", self.base, self.draft_id, self.slug)
    }
}

struct Builder<'a> {
    lang: Lang,
    answers: &'a Answers,
    errors: &'a [FieldError],
}

impl Builder<'_> {
    fn error(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == name).map(|e| self.lang.t_args(e.key, &e.args))
    }

    /// A field's hint, when it has one (most have none: the key is built from the label's).
    fn hint(&self, key: &str) -> Option<String> {
        self.lang.try_t(key)
    }

    fn field(&self, name: &str, label_key: &str, control: Control) -> Field {
        Field {
            name: name.to_owned(),
            label: self.lang.t(label_key),
            hint: self.hint(&format!("{label_key}-hint")),
            value: self.answers.get(name).to_owned(),
            error: self.error(name),
            control,
        }
    }

    fn text(&self, name: &str, inputmode: &'static str, autocomplete: &'static str, size: &'static str) -> Field {
        self.text_as(name, &format!("{name}-label"), inputmode, autocomplete, size)
    }

    /// A text field whose label is not named after the field (a child's fields share one label).
    fn text_as(&self, name: &str, label_key: &str, inputmode: &'static str, autocomplete: &'static str, size: &'static str) -> Field {
        self.field(name, label_key, Control::Text { inputmode, autocomplete, size })
    }

    fn amount(&self, name: &str) -> Field {
        self.field(name, &format!("{name}-label"), Control::Amount)
    }

    fn choices(&self, name: &str, values: &[&str], key_prefix: &str) -> Vec<Choice> {
        values.iter().map(|v| Choice { value: (*v).to_owned(), label: self.lang.t(&format!("{key_prefix}-{v}")), checked: self.answers.has(name, v) }).collect()
    }

    fn radio(&self, name: &str, values: &[&str], key_prefix: &str) -> Field {
        self.radio_as(name, &format!("{name}-question"), values, key_prefix)
    }

    /// A radio group whose question is not named after the field.
    fn radio_as(&self, name: &str, label_key: &str, values: &[&str], key_prefix: &str) -> Field {
        self.field(name, label_key, Control::Radio(self.choices(name, values, key_prefix)))
    }

    fn yes_no(&self, name: &str) -> Field {
        self.radio(name, &["ja", "nei"], "answer")
    }
}

fn group(fields: Vec<Field>) -> FieldGroup {
    FieldGroup { id: None, legend: None, when: None, fields, actions: vec![] }
}

fn when(class: &'static str, fields: Vec<Field>) -> FieldGroup {
    FieldGroup { id: None, legend: None, when: Some(class), fields, actions: vec![] }
}

/// The questions of `step` with the citizen's answers and errors filled in.
pub fn fields(lang: Lang, step: Step, answers: &Answers, errors: &[FieldError]) -> Vec<FieldGroup> {
    let b = Builder { lang, answers, errors };
    match step {
        Step::Nodhjelp => vec![group(vec![b.radio("nodhjelp", &["nei", "mat", "bolig", "begge"], "nodhjelp")])],
        Step::Behov => {
            let kategorier: Vec<&str> = Kategori::ALL.iter().map(|k| k.slug()).collect();
            vec![
                group(vec![b.field("kategorier", "kategorier-question", Control::Checkboxes(b.choices("kategorier", &kategorier, "kategori")))]),
                when("when-kategori-annet", vec![b.text("hva_annet", "text", "off", "wide")]),
                group(vec![b.field("hvorfor", "hvorfor-label", Control::Textarea)]),
            ]
        }
        Step::Personalia => vec![
            group(vec![b.text("telefon", "tel", "tel", "medium")]),
            group(vec![b.radio("bor_folkeregistrert", &["ja", "nei"], "answer")]),
            when("when-bor-annet", vec![b.text("oppholdsadresse", "text", "street-address", "wide")]),
            group(vec![b.yes_no("nordisk_borger")]),
        ],
        Step::Bolig => {
            let botyper: Vec<&str> = Botype::ALL.iter().map(|b| b.slug()).collect();
            vec![group(vec![b.radio("botype", &botyper, "botype"), b.text("antall_personer", "numeric", "off", "small")])]
        }
        Step::Arbeid => vec![
            group(vec![b.yes_no("i_jobb")]),
            when("when-i-jobb", vec![b.text("arbeidsgiver", "text", "organization", "wide"), b.text("stillingsprosent", "numeric", "off", "small")]),
            group(vec![b.yes_no("student")]),
            when("when-student", vec![b.radio("studentgrad", &["heltid", "deltid"], "studentgrad")]),
        ],
        Step::Familie => familie(&b),
        Step::Inntekt => vec![
            FieldGroup { id: None, legend: Some(lang.t("inntekt-legend")), when: None, fields: INNTEKT_FIELDS.iter().map(|(f, _, _)| b.amount(f)).collect(), actions: vec![] },
            FieldGroup { id: None, legend: Some(lang.t("formue-legend")), when: None, fields: FORMUE_FIELDS.iter().map(|(f, _, _)| b.amount(f)).collect(), actions: vec![] },
        ],
        Step::Utgifter => {
            vec![FieldGroup { id: None, legend: Some(lang.t("utgifter-legend")), when: None, fields: UTGIFT_FIELDS.iter().map(|(f, _, _)| b.amount(f)).collect(), actions: vec![] }]
        }
        Step::Konto => vec![group(vec![
            b.text("kontonummer", "numeric", "off", "medium"),
            b.field("har_ikke_konto", "har_ikke_konto-label", Control::Tick { checked: answers.is_yes("har_ikke_konto") }),
        ])],
        Step::Oppsummering => vec![],
    }
}

fn familie(b: &Builder<'_>) -> Vec<FieldGroup> {
    let lang = b.lang;
    let statuses: Vec<&str> = Sivilstatus::ALL.iter().map(|s| s.slug()).collect();
    let mut groups = vec![
        group(vec![b.radio("sivilstatus", &statuses, "sivilstatus")]),
        FieldGroup {
            id: None,
            legend: Some(lang.t("partner-legend")),
            when: Some("when-partner"),
            fields: vec![
                b.text("partner_fornavn", "text", "off", "medium"),
                b.text("partner_etternavn", "text", "off", "medium"),
                b.text("partner_fnr", "numeric", "off", "medium"),
                b.yes_no("partner_bor_sammen"),
            ],
            actions: vec![],
        },
        group(vec![b.yes_no("har_barn")]),
    ];
    let count = antall_barn(b.answers).max(1);
    for i in 1..=count {
        let f = |name: &str| barn_field(i, name);
        let fornavn = b.text_as(&f("fornavn"), "barn-fornavn-label", "text", "off", "medium");
        let etternavn = b.text_as(&f("etternavn"), "barn-etternavn-label", "text", "off", "medium");
        let mut fodselsdato = b.text_as(&f("fodselsdato"), "barn-fodselsdato-label", "numeric", "off", "medium");
        fodselsdato.hint = Some(lang.t("date-hint"));
        let bor_sammen = b.radio_as(&f("bor_sammen"), "barn-bor_sammen-question", &["ja", "nei"], "answer");
        let mut delt = b.radio_as(&f("delt_bosted"), "barn-delt_bosted-question", &["ja", "nei"], "answer");
        delt.hint = Some(lang.t("barn-delt_bosted-hint"));
        let mut samvaer = b.text_as(&f("samvaer"), "barn-samvaer-label", "numeric", "off", "small");
        samvaer.hint = Some(lang.t("barn-samvaer-hint"));
        let mut actions = vec![];
        if i == count {
            if count < MAX_BARN {
                actions.push(("legg-til-barn".to_owned(), lang.t("barn-add")));
            }
            if count > 1 {
                actions.push(("fjern-barn".to_owned(), lang.t("barn-remove")));
            }
        }
        groups.push(FieldGroup {
            id: Some(format!("barn-{i}")),
            legend: Some(lang.t_args("barn-legend", &[("number", i.to_string())])),
            when: Some("when-barn"),
            fields: vec![fornavn, etternavn, fodselsdato, bor_sammen, delt, samvaer],
            actions,
        });
    }
    let bidrag: Vec<&str> = Barnebidrag::ALL.iter().map(|b| b.slug()).collect();
    groups.push(when("when-barn", vec![b.radio("barnebidrag", &bidrag, "barnebidrag")]));
    groups
}
