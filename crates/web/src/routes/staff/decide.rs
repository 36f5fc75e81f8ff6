//! `/ansatt/saker/{id}/vedtak`: workspace II on one case — the calculation (line by line, the
//! proposal, an override with its reason), the decision form (outcome, reasons, hjemler, payments,
//! vilkår, dokumentasjonkrav), the beslutter's approve / return with a comment, and the payments
//! with "paid" and "stop". `POST` carries `handling` and the case version; each handling parses
//! the form, calls one use case in `velferd_cases::office::{decide, payments}`, and redirects, or
//! draws the page again with every message next to its field and everything typed kept (422), or
//! the fresh case with the typed form kept when someone else changed it meanwhile (409).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use velferd_cases::office::decide::{
    outcome_key, CalculationForm, DecisionForm, EntryForm, PaymentForm, TermForm, Workspace, STAGE_APPROVED, STAGE_AWAITING, STAGE_DRAFT, STAGE_RETURNED,
};
use velferd_cases::office::payments::{PAID, PLANNED};
use velferd_cases::{CaseError, Words};
use velferd_domain::ids::Belop;
use velferd_domain::office::{CaseFacts, Refusal};
use velferd_domain::staff::Role;
use velferd_formats::soker::SoknadsStatusVerdi;

use super::status_text;
use crate::error::AppError;
use crate::form::FormData;
use crate::i18n::Lang;
use crate::pages::render;
use crate::pages::staff::{CalculationView, Choice, DecidePage, DecisionFormView, DecisionView, Field, FieldGroup, PaymentView};
use crate::routes::context;
use crate::session::{self, Staff};
use crate::{fmt, now_ms, AppState};

/// Most rows of one kind a form offers (the domain takes at most 40 expenses or incomes).
const MAX_ROWS: usize = 40;

#[derive(serde::Deserialize, Default)]
pub struct DecideQuery {
    gjort: Option<String>,
    /// The decision to change in the form.
    utkast: Option<String>,
}

/// What was typed and refused, to draw the page again as it was.
#[derive(Default)]
struct Typed {
    action: String,
    calc: Option<CalculationForm>,
    /// (decision id, form)
    decision: Option<(String, DecisionForm)>,
    /// (decision id, payment)
    plan: Option<(String, PaymentForm)>,
    /// (decision id, comment)
    comment: Option<(String, String)>,
    /// (field, message)
    errors: Vec<(&'static str, String)>,
}

impl Typed {
    fn error(&self, actions: &[&str], fields: &[&str]) -> Option<String> {
        if !actions.contains(&self.action.as_str()) {
            return None;
        }
        self.errors.iter().find(|(f, _)| fields.contains(f)).map(|(_, m)| m.clone())
    }
}

pub async fn show(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, Query(q): Query<DecideQuery>) -> Result<Response, AppError> {
    let ws = app.cases.workspace(&staff, &id, now_ms()).await?;
    let done = q.gjort.and_then(|action| lang.try_t(&format!("decide-done-{action}")));
    page(&app, lang, &session, &staff, &ws, Typed::default(), done, q.utkast, false).await
}

fn field(form: &FormData, name: &str) -> String {
    form.get(name).unwrap_or_default().to_owned()
}

/// Rows `prefix-NAME-0`, `prefix-NAME-1`, … up to the first index with none of `names`.
fn rows(form: &FormData, prefix: &str, names: &[&str]) -> Vec<HashMap<String, String>> {
    (0..MAX_ROWS)
        .map_while(|i| {
            let row: HashMap<String, String> = names.iter().filter_map(|n| form.get(&format!("{prefix}-{n}-{i}")).map(|v| ((*n).to_owned(), v.to_owned()))).collect();
            (!row.is_empty()).then_some(row)
        })
        .collect()
}

fn get(row: &HashMap<String, String>, name: &str) -> String {
    row.get(name).cloned().unwrap_or_default()
}

fn calculation_form(form: &FormData) -> CalculationForm {
    let entries =
        |prefix| rows(form, prefix, &["art", "tekst", "belop"]).iter().map(|r| EntryForm { art: get(r, "art"), tekst: get(r, "tekst"), belop: get(r, "belop") }).collect();
    CalculationForm {
        voksne: field(form, "voksne"),
        barn: field(form, "barn"),
        utgifter: entries("utgift"),
        inntekter: entries("inntekt"),
        belop: field(form, "belop"),
        begrunnelse: field(form, "begrunnelse"),
    }
}

const PAYMENT_FIELDS: [&str; 9] = ["beskrivelse", "belop", "forfall", "fom", "tom", "mottaker", "navn", "kontonummer", "kid"];

fn payment_form(row: &HashMap<String, String>) -> PaymentForm {
    PaymentForm {
        beskrivelse: get(row, "beskrivelse"),
        belop: get(row, "belop"),
        forfall: get(row, "forfall"),
        fom: get(row, "fom"),
        tom: get(row, "tom"),
        mottaker: get(row, "mottaker"),
        navn: get(row, "navn"),
        kontonummer: get(row, "kontonummer"),
        kid: get(row, "kid"),
    }
}

fn decision_form(form: &FormData) -> DecisionForm {
    let terms = |prefix| {
        rows(form, prefix, &["tittel", "beskrivelse", "frist"])
            .iter()
            .map(|r| TermForm { tittel: get(r, "tittel"), beskrivelse: get(r, "beskrivelse"), frist: get(r, "frist") })
            .collect()
    };
    DecisionForm {
        sak: field(form, "sak"),
        sak_tittel: field(form, "sak-tittel"),
        utfall: field(form, "utfall"),
        begrunnelse: field(form, "begrunnelse"),
        hjemler: form.0.iter().filter(|(k, _)| k == "hjemmel").map(|(_, v)| v.clone()).collect(),
        vilkar: terms("k"),
        krav: terms("d"),
        utbetalinger: rows(form, "u", &PAYMENT_FIELDS).iter().map(payment_form).collect(),
        sprak: field(form, "sprak"),
    }
}

pub async fn act(State(app): State<AppState>, lang: Lang, session: Session, staff: Staff, Path(id): Path<String>, form: FormData) -> Result<Response, AppError> {
    session::verify_csrf(&session, &form).await?;
    let now = now_ms();
    let version = form.get("versjon").and_then(|v| v.trim().parse::<i64>().ok());
    let action = field(&form, "handling");
    let decision = field(&form, "vedtak");
    let words_for = move |code: &str| -> Box<dyn Words> { Box::new(Lang::from_code(code).unwrap_or(lang)) };
    let cases = &app.cases;
    let mut typed = Typed { action: action.clone(), ..Typed::default() };
    let result = match action.as_str() {
        "utregning" => {
            let calc = calculation_form(&form);
            let r = cases.save_calculation(&staff, &id, version, &calc, now).await;
            typed.calc = Some(calc);
            r
        }
        "utkast" | "send" => {
            let d = decision_form(&form);
            let chosen = Some(decision.as_str()).filter(|d| !d.is_empty());
            let r = if action == "send" {
                cases.submit_decision(&staff, &id, version, chosen, &d, &words_for, now).await
            } else {
                cases.draft_decision(&staff, &id, version, chosen, &d, now).await
            };
            typed.decision = Some((decision.clone(), d));
            r
        }
        "godkjenn" => cases.approve_decision(&staff, &id, version, &decision, &words_for, now).await,
        "returner" => {
            let comment = field(&form, "kommentar");
            let r = cases.return_decision(&staff, &id, version, &decision, &comment, now).await;
            typed.comment = Some((decision.clone(), comment));
            r
        }
        "planlegg" => {
            let pay = payment_form(&PAYMENT_FIELDS.iter().map(|n| ((*n).to_owned(), field(&form, &format!("p-{n}")))).collect());
            let which = field(&form, "p-vedtak");
            let r = cases.plan_payment(&staff, &id, version, &which, &pay, now).await;
            typed.plan = Some((which, pay));
            r
        }
        "utbetalt" => cases.mark_paid(&staff, &id, version, &field(&form, "utbetaling"), &field(&form, "dato"), now).await,
        "stopp" => cases.stop_payment(&staff, &id, version, &field(&form, "utbetaling"), now).await,
        _ => Err(CaseError::Invalid(vec![Refusal { key: "office-refused-unknown-action", field: "" }])),
    };
    match result {
        // A submitted decision waits for a beslutter, unless the office decides without four-eyes:
        // then it is made at once and its letter filed, and the page must not say "sent for approval".
        Ok(acted) => {
            let done = if action == "send" && acted.letter.is_some() { "fattet" } else { action.as_str() };
            Ok(Redirect::to(&format!("/ansatt/saker/{id}/vedtak?gjort={done}")).into_response())
        }
        Err(CaseError::Invalid(refusals)) => {
            typed.errors = refusals.iter().map(|r| (r.field, refusal_text(lang, r.key))).collect();
            let ws = app.cases.workspace(&staff, &id, now).await?;
            page(&app, lang, &session, &staff, &ws, typed, None, None, false).await
        }
        Err(CaseError::Refused(r)) => {
            typed.errors = vec![(r.field, refusal_text(lang, r.key))];
            let ws = app.cases.workspace(&staff, &id, now).await?;
            page(&app, lang, &session, &staff, &ws, typed, None, None, false).await
        }
        Err(CaseError::Conflict) => {
            let ws = app.cases.workspace(&staff, &id, now).await?;
            page(&app, lang, &session, &staff, &ws, typed, None, None, true).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A refusal's message; amounts' messages name the largest amount a field takes.
fn refusal_text(lang: Lang, key: &str) -> String {
    lang.t_args(key, &[("max", Belop::from_kroner(velferd_domain::ids::MAX_BELOP).to_string())])
}

fn choice(value: &str, label: String, chosen: &str) -> Choice {
    Choice { value: value.to_owned(), label, checked: value == chosen }
}

fn text_field(id: &str, name: &str, label: String, value: String, kind: &'static str) -> Field {
    Field { name: name.to_owned(), id: id.to_owned(), label, value, kind, ..Field::default() }
}

fn select(id: &str, name: &str, label: String, options: Vec<Choice>) -> Field {
    Field { name: name.to_owned(), id: id.to_owned(), label, kind: "select", options, ..Field::default() }
}

/// `2026-12-07` as a date field wants it.
fn iso_date(ms: i64) -> String {
    let t = fmt::oslo(ms);
    format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

fn amount(ore: i64) -> String {
    Belop::from_ore(ore).to_string()
}

/// A text stored with a calculation, translated.
fn stored_text(lang: Lang, t: &velferd_cases::office::decide::StoredText) -> String {
    let args: Vec<(&'static str, String)> =
        t.args.iter().map(|(k, v)| (["age", "from", "to", "persons", "label", "source", "valid_from"].into_iter().find(|n| n == k).unwrap_or("value"), v.clone())).collect();
    lang.try_t_args(&t.key, &args).unwrap_or_else(|| t.key.clone())
}

/// The rows of a calculation form: those typed or stored, then blanks up to at least three.
fn entry_groups(lang: Lang, prefix: &str, legend_key: &str, kinds: &[(&str, &str)], entries: &[EntryForm]) -> Vec<FieldGroup> {
    let blanks = (entries.len() + 1).clamp(3, MAX_ROWS) - entries.len().min(MAX_ROWS);
    entries
        .iter()
        .cloned()
        .chain(std::iter::repeat_n(EntryForm::default(), blanks))
        .take(MAX_ROWS)
        .enumerate()
        .map(|(i, e)| {
            let id = |n: &str| format!("f-{prefix}-{n}-{i}");
            let name = |n: &str| format!("{prefix}-{n}-{i}");
            let options = kinds.iter().map(|(v, key)| choice(v, lang.t(key), &e.art)).collect();
            FieldGroup {
                legend: lang.t_args(legend_key, &[("number", (i + 1).to_string())]),
                fields: vec![
                    select(&id("art"), &name("art"), lang.t("decide-calc-kind"), options),
                    text_field(&id("tekst"), &name("tekst"), lang.t("decide-calc-text"), e.tekst, "text"),
                    text_field(&id("belop"), &name("belop"), lang.t("decide-calc-row-amount"), e.belop, "amount"),
                ],
            }
        })
        .collect()
}

/// A payment's fields, named `{prefix}-NAME{suffix}`.
fn payment_fields(lang: Lang, prefix: &str, suffix: &str, p: &PaymentForm) -> Vec<Field> {
    let id = |n: &str| format!("f-{prefix}-{n}{suffix}");
    let name = |n: &str| format!("{prefix}-{n}{suffix}");
    let recipients = vec![choice("soker", lang.t("decide-recipient-citizen"), &p.mottaker), choice("annen", lang.t("decide-recipient-other"), &p.mottaker)];
    vec![
        text_field(&id("beskrivelse"), &name("beskrivelse"), lang.t("decide-payment-what"), p.beskrivelse.clone(), "text"),
        text_field(&id("belop"), &name("belop"), lang.t("decide-payment-amount"), p.belop.clone(), "amount"),
        text_field(&id("forfall"), &name("forfall"), lang.t("decide-payment-due"), p.forfall.clone(), "date"),
        text_field(&id("fom"), &name("fom"), lang.t("decide-payment-from"), p.fom.clone(), "date"),
        text_field(&id("tom"), &name("tom"), lang.t("decide-payment-to"), p.tom.clone(), "date"),
        select(&id("mottaker"), &name("mottaker"), lang.t("decide-payment-recipient"), recipients),
        Field { hint: Some(lang.t("decide-payment-name-hint")), ..text_field(&id("navn"), &name("navn"), lang.t("decide-payment-name"), p.navn.clone(), "text") },
        text_field(&id("kontonummer"), &name("kontonummer"), lang.t("decide-payment-account"), p.kontonummer.clone(), "amount"),
        Field { hint: Some(lang.t("decide-payment-kid-hint")), ..text_field(&id("kid"), &name("kid"), lang.t("decide-payment-kid"), p.kid.clone(), "amount") },
    ]
}

/// Puts `message` on the field named `name` (the form's name without prefix and row).
fn mark(fields: &mut [Field], name: &str, message: Option<String>) {
    if let (Some(m), Some(f)) = (message, fields.iter_mut().find(|f| f.name == name)) {
        f.error = Some(m);
    }
}

const PAYMENT_REFUSAL_FIELDS: [&str; 8] = ["belop", "forfall", "periode", "kontonummer", "kid", "mottaker", "beskrivelse", "utbetaling"];

/// The decision page for `ws`, with `typed` as refused, a confirmation or conflict notice, and
/// the decision `edit` asked for.
#[allow(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    lang: Lang,
    session: &Session,
    staff: &Staff,
    ws: &Workspace,
    typed: Typed,
    done: Option<String>,
    edit: Option<String>,
    conflict: bool,
) -> Result<Response, AppError> {
    let now = now_ms();
    let file = &ws.file;
    let id = &file.case.application.id;
    let facts = CaseFacts { status: file.state.status, open: file.state.open, case_system_owns: file.case_system_owns };
    let not_decidable = velferd_domain::vedtak::may_decide(facts).err().map(|r| lang.t(r.key));
    let mut errors: Vec<(String, String)> = Vec::new();
    let general_error = typed.error(&[typed.action.as_str()], &[""]);

    // The calculation, as stored.
    let calculation = ws.calculation.as_ref().map(|c| {
        let section = |s: &str| lang.t(&format!("decide-calc-section-{s}"));
        CalculationView {
            lines: c
                .result
                .lines
                .iter()
                .map(|l| (section(&l.section), stored_text(lang, &l.caseworker), if l.section == "inntekt" { format!("− {}", amount(l.ore)) } else { amount(l.ore) }))
                .collect(),
            need: amount(c.result.need_ore),
            income: amount(c.result.income_ore),
            proposed: amount(c.result.proposed_ore),
            overridden: c.row.override_ore.map(|o| (amount(o), c.row.override_reason.clone().unwrap_or_default())),
            warnings: c.result.warnings.iter().map(|w| stored_text(lang, w)).collect(),
            by: lang.t_args("decide-calc-by", &[("name", c.row.by_name.clone()), ("date", fmt::date_time(c.row.created_ms))]),
            rates: lang.t_args("decide-calc-rates", &[("source", c.result.rates_source.clone()), ("date", fmt::norwegian_date(&c.result.rates_valid_from))]),
        }
    });
    let calc_typed = typed.calc.clone().or_else(|| ws.calculation.as_ref().map(|c| c.form.clone())).unwrap_or_default();
    let calc_err = |fields: &[&str]| typed.error(&["utregning"], fields);
    let voksne = [("enslig", "decide-adults-single"), ("par", "decide-adults-couple"), ("bofellesskap", "decide-adults-shared")];
    let mut calc_fields = vec![
        select("f-voksne", "voksne", lang.t("decide-calc-adults"), voksne.iter().map(|(v, k)| choice(v, lang.t(k), &calc_typed.voksne)).collect()),
        Field { hint: Some(lang.t("decide-calc-children-hint")), ..text_field("f-barn", "barn", lang.t("decide-calc-children"), calc_typed.barn.clone(), "text") },
    ];
    mark(&mut calc_fields, "voksne", calc_err(&["voksne"]));
    mark(&mut calc_fields, "barn", calc_err(&["barn"]));
    let expense_kinds = [("bolig", "decide-expense-housing"), ("strom", "decide-expense-electricity"), ("annet", "decide-expense-other")];
    let income_kinds = [
        ("arbeid", "decide-income-work"),
        ("trygd", "decide-income-benefit"),
        ("bostotte", "decide-income-housing-allowance"),
        ("bidrag", "decide-income-child-support"),
        ("barnetrygd", "decide-income-child-benefit"),
        ("annet", "decide-income-other"),
    ];
    let calc_expenses = entry_groups(lang, "utgift", "decide-calc-expense-row", &expense_kinds, &calc_typed.utgifter);
    let calc_income = entry_groups(lang, "inntekt", "decide-calc-income-row", &income_kinds, &calc_typed.inntekter);
    let mut calc_override = vec![
        Field { hint: Some(lang.t("decide-calc-override-hint")), ..text_field("f-belop", "belop", lang.t("decide-calc-override-amount"), calc_typed.belop.clone(), "amount") },
        text_field("f-begrunnelse", "begrunnelse", lang.t("decide-calc-override-reason"), calc_typed.begrunnelse.clone(), "textarea"),
    ];
    mark(&mut calc_override, "belop", calc_err(&["belop"]));
    mark(&mut calc_override, "begrunnelse", calc_err(&["begrunnelse"]));
    let calc_expenses_error = calc_err(&["utgift"]);
    let calc_income_error = calc_err(&["inntekt"]);

    // The decisions.
    let is_beslutter = staff.roles.iter().any(|r| matches!(r, Role::Beslutter | Role::Leder));
    let letter_href =
        |letter: &Option<String>| letter.as_ref().and_then(|l| file.letters.iter().find(|x| &x.id == l)).map(|l| format!("/ansatt/saker/{id}/dokumenter/{}.pdf", l.sha256));
    let hjemmel_text = |h: &str| app.cases.hjemler().get(h).map_or_else(|| h.to_owned(), |h| format!("{} ({})", h.citation(), h.tittel));
    let payment_line = |p: &PaymentForm| {
        let to = if p.mottaker == "annen" { p.navn.clone() } else { lang.t("decide-recipient-citizen") };
        lang.t_args("decide-payment-line", &[("amount", p.belop.clone()), ("what", p.beskrivelse.clone()), ("date", fmt::norwegian_date(&p.forfall)), ("to", to)])
    };
    let decisions: Vec<DecisionView> = ws
        .decisions
        .iter()
        .map(|d| {
            let r = &d.row;
            let outcome = velferd_cases::office::decide::outcome(&d.form.utfall).map(|o| lang.t(outcome_key(o))).unwrap_or_default();
            let mut facts = vec![
                (lang.t("decide-sak"), d.form.sak_tittel.clone()),
                (lang.t("decide-outcome"), outcome),
                (lang.t("decide-reasons"), d.form.begrunnelse.clone()),
                (lang.t("decide-hjemler"), d.form.hjemler.iter().map(|h| hjemmel_text(h)).collect::<Vec<_>>().join("; ")),
            ];
            if let (Some(name), Some(at)) = (&r.approved_name, r.approved_ms) {
                facts.push((lang.t("decide-approved-by"), format!("{name}, {}", fmt::date_time(at))));
            }
            let mut comment = text_field(&format!("f-kommentar-{}", r.id), "kommentar", lang.t("decide-comment"), String::new(), "textarea");
            if let Some((which, text)) = &typed.comment {
                if which == &r.id {
                    comment.value = text.clone();
                    comment.error = typed.error(&["returner"], &["kommentar"]);
                }
            }
            let stage_key = match r.stage.as_str() {
                STAGE_AWAITING => "vedtak-stage-awaiting",
                STAGE_RETURNED => "vedtak-stage-returned",
                STAGE_APPROVED => "vedtak-stage-approved",
                _ => "vedtak-stage-draft",
            };
            DecisionView {
                id: r.id.clone(),
                heading: lang.t_args("decide-decision-heading", &[("number", r.seq.to_string())]),
                stage: lang.t(stage_key),
                author: r.author_name.clone(),
                facts,
                payments: d.form.utbetalinger.iter().map(payment_line).collect(),
                conditions: d.form.vilkar.iter().map(|t| t.tittel.clone()).collect(),
                requirements: d.form.krav.iter().map(|t| if t.frist.is_empty() { t.tittel.clone() } else { format!("{} ({})", t.tittel, fmt::norwegian_date(&t.frist)) }).collect(),
                returned: (r.stage == STAGE_RETURNED)
                    .then(|| lang.t_args("decide-returned", &[("name", r.returned_name.clone().unwrap_or_default()), ("comment", r.return_comment.clone().unwrap_or_default())])),
                can_approve: r.stage == STAGE_AWAITING && r.author != staff.subject && is_beslutter,
                comment,
                can_edit: r.author == staff.subject && matches!(r.stage.as_str(), STAGE_DRAFT | STAGE_RETURNED),
                letter_href: letter_href(&r.letter_id),
            }
        })
        .collect();

    // The decision form: as typed, the one asked for, the author's own in progress, or a new one.
    let mine_editable = |d: &&velferd_cases::office::decide::SavedDecision| d.row.author == staff.subject && matches!(d.row.stage.as_str(), STAGE_DRAFT | STAGE_RETURNED);
    let in_flow = ws.decisions.iter().any(|d| d.row.stage != STAGE_APPROVED);
    let applied_in = file.case.application.answers.language().and_then(Lang::from_code).unwrap_or(lang).code().to_owned();
    let editing: Option<(String, DecisionForm, Option<String>)> = if let Some((which, form)) = &typed.decision {
        let returned = ws.decisions.iter().find(|d| &d.row.id == which).and_then(|d| d.row.return_comment.clone());
        Some((which.clone(), form.clone(), returned))
    } else if let Some(d) = ws.decisions.iter().filter(mine_editable).find(|d| edit.as_deref().is_none_or(|e| e == d.row.id)) {
        Some((d.row.id.clone(), d.form.clone(), (d.row.stage == STAGE_RETURNED).then(|| d.row.return_comment.clone().unwrap_or_default())))
    } else if !in_flow && not_decidable.is_none() {
        let open_sak = ws.saker.iter().find(|(r, _)| !ws.decisions.iter().any(|d| d.row.stage == STAGE_APPROVED && &d.row.saksreferanse == r));
        let living = PaymentForm {
            beskrivelse: lang.t("decide-default-payment"),
            belop: ws.calculation.as_ref().map(|c| amount(c.amount_ore())).unwrap_or_default(),
            forfall: iso_date(now),
            mottaker: "soker".into(),
            kontonummer: ws.citizen_account.clone(),
            ..PaymentForm::default()
        };
        let form = DecisionForm {
            sak: open_sak.map(|(r, _)| r.clone()).unwrap_or_default(),
            utfall: "innvilget".into(),
            hjemler: vec!["sotjl-18".into()],
            utbetalinger: vec![living],
            sprak: applied_in.clone(),
            ..DecisionForm::default()
        };
        Some((String::new(), form, None))
    } else {
        None
    };
    let edit = editing.map(|(decision_id, f, returned)| {
        let derr = |fields: &[&str]| typed.error(&["utkast", "send"], fields);
        let mut saker: Vec<Choice> = ws.saker.iter().map(|(r, t)| choice(r, t.clone(), &f.sak)).collect();
        if !f.sak.is_empty() && !saker.iter().any(|c| c.value == f.sak) {
            saker.push(choice(&f.sak, f.sak_tittel.clone(), &f.sak));
        }
        saker.push(choice("", lang.t("decide-sak-new"), &f.sak));
        let outcomes =
            [("innvilget", "vedtak-outcome-granted"), ("delvis", "vedtak-outcome-partly-granted"), ("avslag", "vedtak-outcome-refused"), ("avvist", "vedtak-outcome-dismissed")];
        let mut head = vec![
            select("f-sak", "sak", lang.t("decide-sak"), saker),
            Field { hint: Some(lang.t("decide-sak-title-hint")), ..text_field("f-sak-tittel", "sak-tittel", lang.t("decide-sak-title"), f.sak_tittel.clone(), "text") },
            select("f-utfall", "utfall", lang.t("decide-outcome"), outcomes.iter().map(|(v, k)| choice(v, lang.t(k), &f.utfall)).collect()),
            Field { name: "begrunnelse".into(), ..text_field("f-vedtak-begrunnelse", "begrunnelse", lang.t("decide-reasons"), f.begrunnelse.clone(), "textarea") },
        ];
        mark(&mut head, "sak", derr(&["sak"]));
        mark(&mut head, "sak-tittel", derr(&["tittel"]));
        mark(&mut head, "utfall", derr(&["utfall"]));
        mark(&mut head, "begrunnelse", derr(&["begrunnelse"]));
        let [sak, sak_tittel, utfall, begrunnelse]: [Field; 4] = head.try_into().unwrap_or_else(|_| unreachable!("four fields"));
        let hjemler = app
            .cases
            .hjemler()
            .all()
            .iter()
            .map(|h| Choice { value: h.id.clone(), label: format!("{} ({})", h.citation(), h.tittel), checked: f.hjemler.contains(&h.id) })
            .collect();
        let terms = |prefix: &str, legend: &str, list: &[TermForm], with_date: bool| -> Vec<FieldGroup> {
            let blanks = if list.is_empty() { 2 } else { 1 };
            list.iter()
                .cloned()
                .chain(std::iter::repeat_n(TermForm::default(), blanks))
                .enumerate()
                .map(|(i, t)| {
                    let mut fields = vec![
                        text_field(&format!("f-{prefix}-tittel-{i}"), &format!("{prefix}-tittel-{i}"), lang.t("decide-term-title"), t.tittel, "text"),
                        text_field(&format!("f-{prefix}-beskrivelse-{i}"), &format!("{prefix}-beskrivelse-{i}"), lang.t("decide-term-description"), t.beskrivelse, "textarea"),
                    ];
                    if with_date {
                        fields.push(text_field(&format!("f-{prefix}-frist-{i}"), &format!("{prefix}-frist-{i}"), lang.t("decide-term-deadline"), t.frist, "date"));
                    }
                    FieldGroup { legend: lang.t_args(legend, &[("number", (i + 1).to_string())]), fields }
                })
                .collect()
        };
        let payments_blank = if f.utbetalinger.is_empty() { 2 } else { 1 };
        let utbetalinger = f
            .utbetalinger
            .iter()
            .cloned()
            .chain(std::iter::repeat_n(PaymentForm { mottaker: "annen".into(), ..PaymentForm::default() }, payments_blank))
            .enumerate()
            .map(|(i, p)| FieldGroup { legend: lang.t_args("decide-payment-row", &[("number", (i + 1).to_string())]), fields: payment_fields(lang, "u", &format!("-{i}"), &p) })
            .collect();
        let four_eyes = ws.four_eyes;
        DecisionFormView {
            heading: if decision_id.is_empty() { lang.t("decide-new") } else { lang.t("decide-change") },
            decision_id,
            returned: returned.map(|c| lang.t_args("decide-returned-to-you", &[("comment", c)])),
            sak,
            sak_tittel,
            utfall,
            begrunnelse,
            hjemler,
            hjemler_error: derr(&["hjemmel"]),
            vilkar: terms("k", "decide-condition-row", &f.vilkar, false),
            vilkar_error: derr(&["vilkar"]),
            krav: terms("d", "decide-requirement-row", &f.krav, true),
            krav_error: derr(&["dokumentasjonkrav", "frist"]),
            utbetalinger,
            utbetalinger_error: derr(&PAYMENT_REFUSAL_FIELDS),
            submit_label: lang.t(if four_eyes { "decide-submit" } else { "decide-make" }),
            sprak: select(
                "f-sprak",
                "sprak",
                lang.t("staff-case-letter-language"),
                Lang::ALL.into_iter().map(|l| choice(l.code(), l.own_name().to_owned(), if f.sprak.is_empty() { &applied_in } else { &f.sprak })).collect(),
            ),
        }
    });

    // Payments.
    let payments = ws
        .payments
        .iter()
        .map(|p| {
            let to = if p.recipient_kind == "annen" { p.recipient_name.clone() } else { lang.t("decide-recipient-citizen") };
            let text = lang.t_args("decide-payment-line", &[("amount", amount(p.amount_ore)), ("what", p.description.clone()), ("date", fmt::norwegian_date(&p.due)), ("to", to)]);
            let state = match p.state.as_str() {
                PLANNED => lang.t("decide-payment-planned"),
                PAID => lang.t_args("decide-payment-paid", &[("date", fmt::norwegian_date(p.paid_on.as_deref().unwrap_or_default()))]),
                _ => lang.t("decide-payment-stopped"),
            };
            PaymentView { id: p.id.clone(), text, state, planned: p.state == PLANNED && !file.case_system_owns }
        })
        .collect();
    let granting: Vec<&velferd_cases::office::decide::SavedDecision> =
        ws.decisions.iter().filter(|d| d.row.stage == STAGE_APPROVED && velferd_cases::office::decide::outcome(&d.form.utfall).is_some_and(|o| o.grants())).collect();
    let plan = (!granting.is_empty() && !file.case_system_owns).then(|| {
        let (which, p) = typed.plan.clone().unwrap_or_else(|| {
            (String::new(), PaymentForm { mottaker: "soker".into(), kontonummer: ws.citizen_account.clone(), forfall: iso_date(now), ..PaymentForm::default() })
        });
        let choices = granting.iter().map(|d| choice(&d.row.id, lang.t_args("decide-decision-heading", &[("number", d.row.seq.to_string())]), &which)).collect();
        let mut which_field = select("f-p-vedtak", "p-vedtak", lang.t("decide-plan-which"), choices);
        let mut fields = payment_fields(lang, "p", "", &p);
        let perr = |f: &[&str]| typed.error(&["planlegg"], f);
        for name in ["beskrivelse", "belop", "forfall", "kontonummer", "kid"] {
            mark(&mut fields, &format!("p-{name}"), perr(&[name]));
        }
        mark(&mut fields, "p-fom", perr(&["periode"]));
        mark(&mut fields, "p-navn", perr(&["mottaker"]));
        which_field.error = perr(&["utbetaling"]);
        let open = typed.action == "planlegg";
        (which_field, FieldGroup { legend: String::new(), fields }, open)
    });

    // The error summary: each message once, linking to where it is shown.
    let mut summary = |id: &str, message: &Option<String>| {
        if let Some(m) = message {
            errors.push((id.to_owned(), m.clone()));
        }
    };
    for f in calc_fields.iter().chain(calc_override.iter()) {
        summary(&f.id, &f.error);
    }
    summary("f-utgifter", &calc_expenses_error);
    summary("f-inntekter", &calc_income_error);
    if let Some(e) = &edit {
        for f in [&e.sak, &e.sak_tittel, &e.utfall, &e.begrunnelse] {
            summary(&f.id, &f.error);
        }
        summary("f-hjemmel", &e.hjemler_error);
        summary("f-utbetalinger", &e.utbetalinger_error);
        summary("f-vilkar", &e.vilkar_error);
        summary("f-krav", &e.krav_error);
    }
    for d in &decisions {
        summary(&d.comment.id, &d.comment.error);
    }
    if let Some((which, g, _)) = &plan {
        summary(&which.id, &which.error);
        for f in &g.fields {
            summary(&f.id, &f.error);
        }
    }
    // A refusal whose field the page does not show goes to the top, so nothing is lost.
    let shown = !errors.is_empty() || general_error.is_some();
    let general_error = general_error.or_else(|| (!shown).then(|| typed.errors.first().map(|(_, m)| m.clone())).flatten());

    let status = status_text(lang, file.state.status);
    let not_decidable = not_decidable.filter(|_| file.state.status != SoknadsStatusVerdi::Ferdigbehandlet || ws.decisions.is_empty());
    let page = DecidePage {
        ctx: context(app, lang, &format!("/ansatt/saker/{id}/vedtak"), session).await?,
        reference: file.case.application.reference.clone(),
        case_href: format!("/ansatt/saker/{id}"),
        action_href: format!("/ansatt/saker/{id}/vedtak"),
        version: file.state.version,
        status,
        done,
        conflict,
        general_error,
        errors,
        not_decidable,
        calculation,
        calc_fields,
        calc_expenses,
        calc_expenses_error,
        calc_income,
        calc_income_error,
        calc_override,
        decisions,
        edit,
        payments,
        plan,
        today: iso_date(now),
    };
    let refused = !typed.errors.is_empty() || conflict;
    let mut response = render(&page);
    if refused {
        *response.status_mut() = if conflict { axum::http::StatusCode::CONFLICT } else { axum::http::StatusCode::UNPROCESSABLE_ENTITY };
    }
    Ok(response)
}
