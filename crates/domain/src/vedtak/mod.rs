//! Decisions (vedtak: the office's formal, appealable answer to an application, forvaltningsloven
//! § 2): the outcome, the reasons, the legal basis (hjemmel), conditions (vilkår, stored as `vilkar`),
//! documentation requirements (dokumentasjonkrav), the payments (utbetalinger), and the four-eyes
//! approval an office may require before a decision is made known.
//!
//! Four-eyes (fireøyneprinsippet): the author submits the decision; where the office requires it
//! (`fire_oyne` in `data/kommuner.json`, on by default) it waits for a beslutter — a staff member
//! with the role `beslutter` or `leder` who is not the author — who approves it or returns it with a
//! comment. Only an approved decision becomes events ([`events::decision_events`]) and payments.
//!
//! Every rule returns a [`Refusal`] (Fluent key and form field), as [`crate::office`] does.

pub mod events;
pub mod hjemler;
pub mod klage;
pub mod payment;

use std::collections::BTreeSet;

use time::Date;
use velferd_formats::soker::{SoknadsStatusVerdi, Utfall};

use crate::office::{check_text, CaseFacts, Refusal, MAX_NOTE, MAX_REASON, MAX_TITLE};
use crate::staff::Role;
use crate::Millis;
pub use hjemler::{Hjemler, Hjemmel};
pub use payment::{Payment, PaymentStatus, Recipient};

/// The outcome (utfall) of a decision, as the digisos-soker format names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Innvilget: granted as applied for.
    Granted,
    /// Delvis innvilget: granted in part.
    PartlyGranted,
    /// Avslått: refused on its merits.
    Refused,
    /// Avvist: not considered on its merits (e.g. no application the office can decide).
    Dismissed,
}

impl Outcome {
    /// Whether the decision grants anything, so that it may carry payments and conditions.
    pub fn grants(self) -> bool {
        matches!(self, Outcome::Granted | Outcome::PartlyGranted)
    }

    pub fn utfall(self) -> Utfall {
        match self {
            Outcome::Granted => Utfall::Innvilget,
            Outcome::PartlyGranted => Utfall::DelvisInnvilget,
            Outcome::Refused => Utfall::Avslatt,
            Outcome::Dismissed => Utfall::Avvist,
        }
    }
}

/// A condition (vilkår) the citizen must meet, sosialtjenesteloven § 20 (and § 20 a for activity
/// conditions for those under 30).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// Unique within the application (`vilkarreferanse`), given by the store.
    pub referanse: String,
    pub tittel: String,
    pub beskrivelse: Option<String>,
    /// The payments it applies to (their `referanse`); empty: the whole decision.
    pub payments: Vec<String>,
}

/// A document the citizen must send as a condition of the decision (dokumentasjonkrav), e.g. the
/// receipt for the electricity bill paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRequirement {
    /// Unique within the application (`dokumentasjonkravreferanse`), given by the store.
    pub referanse: String,
    pub tittel: String,
    pub beskrivelse: Option<String>,
    /// The last day to send it (a date in Norway), if there is one.
    pub frist: Option<Date>,
    pub payments: Vec<String>,
}

/// What the decision says; edited while a draft or returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// The sak (`saksreferanse`) the decision belongs to, and its title (what was applied for).
    pub saksreferanse: String,
    pub sak_tittel: String,
    pub outcome: Outcome,
    /// Why (begrunnelse, forvaltningsloven §§ 24–25): the facts and the rules applied.
    pub reasons: String,
    /// Ids from [`Hjemler`], at least one.
    pub hjemler: Vec<String>,
    pub conditions: Vec<Condition>,
    pub requirements: Vec<DocumentRequirement>,
    pub payments: Vec<Payment>,
}

/// Where a decision is in the four-eyes flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Being written; the author may change it.
    Draft,
    /// Submitted; waits for a beslutter. Nobody changes it meanwhile; the author may withdraw it.
    AwaitingApproval { at: Millis },
    /// A beslutter sent it back with a comment; the author changes it and submits again.
    Returned { by: String, comment: String, at: Millis },
    /// Made: by the beslutter, or by the author where the office does not require four-eyes
    /// (`four_eyes` false). Final; changes from here on are a new decision.
    Approved { by: String, at: Millis, four_eyes: bool },
}

/// A decision and its place in the four-eyes flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vedtak {
    /// The staff member who wrote it (the identity provider's subject).
    pub author: String,
    pub content: Content,
    pub stage: Stage,
}

const fn refuse(key: &'static str, field: &'static str) -> Refusal {
    Refusal { key, field }
}

/// Whether a decision may be made on a case with these facts: only on an open case under processing
/// (soknadsStatus UNDER_BEHANDLING), and not where the municipality's case system owns the case.
/// Refusals: `office-refused-case-system`, `office-refused-closed`, `vedtak-refused-not-processing`.
pub fn may_decide(facts: CaseFacts) -> Result<(), Refusal> {
    if facts.case_system_owns {
        return Err(refuse("office-refused-case-system", ""));
    }
    if !facts.open {
        return Err(refuse("office-refused-closed", ""));
    }
    if facts.status != SoknadsStatusVerdi::UnderBehandling {
        return Err(refuse("vedtak-refused-not-processing", ""));
    }
    Ok(())
}

/// Whether `by`, with `roles`, may approve or return a decision written by `author`: a beslutter or
/// leder, and never the author. Refusals: `vedtak-refused-not-beslutter`, `vedtak-refused-own`.
pub fn may_approve(author: &str, by: &str, roles: &[Role]) -> Result<(), Refusal> {
    if !roles.iter().any(|r| matches!(r, Role::Beslutter | Role::Leder)) {
        return Err(refuse("vedtak-refused-not-beslutter", ""));
    }
    if by == author {
        return Err(refuse("vedtak-refused-own", ""));
    }
    Ok(())
}

impl Content {
    /// Checks the decision as written against the rules, with `today` the office's date. Refusals (key,
    /// field):
    /// - free-text refusals of [`check_text`] on `tittel`, `begrunnelse`, `vilkar`,
    ///   `dokumentasjonkrav`;
    /// - `vedtak-refused-no-hjemmel` / `hjemmel` (none given), `vedtak-refused-unknown-hjemmel` /
    ///   `hjemmel` (not in the list);
    /// - `vedtak-refused-payment-without-grant` / `utbetaling` (payments on a refusal or dismissal),
    ///   `vedtak-refused-conditions-without-grant` / `vilkar` (conditions or requirements likewise);
    /// - `vedtak-refused-vilkar-hjemmel` / `hjemmel` (conditions without citing § 20 or § 20 a);
    /// - `vedtak-refused-duplicate-reference` (two payments, conditions or requirements with the same
    ///   reference), `vedtak-refused-unknown-payment` (a condition or requirement naming a payment the
    ///   decision does not have);
    /// - `office-refused-date-past` / `frist` (a requirement's deadline before today);
    /// - each payment's refusals ([`Payment::check`]).
    pub fn check(&self, hjemler: &Hjemler, today: Date) -> Result<(), Refusal> {
        if self.saksreferanse.trim().is_empty() {
            return Err(refuse("office-refused-empty", "sak"));
        }
        check_text(&self.sak_tittel, MAX_TITLE, "tittel")?;
        check_text(&self.reasons, MAX_NOTE, "begrunnelse")?;
        if self.hjemler.is_empty() {
            return Err(refuse("vedtak-refused-no-hjemmel", "hjemmel"));
        }
        let cited: Vec<&Hjemmel> = self.hjemler.iter().map(|id| hjemler.get(id).ok_or(refuse("vedtak-refused-unknown-hjemmel", "hjemmel"))).collect::<Result<_, _>>()?;
        if !self.outcome.grants() && !self.payments.is_empty() {
            return Err(refuse("vedtak-refused-payment-without-grant", "utbetaling"));
        }
        let grants_something = !self.conditions.is_empty() || !self.requirements.is_empty();
        if !self.outcome.grants() && grants_something {
            return Err(refuse("vedtak-refused-conditions-without-grant", "vilkar"));
        }
        if !self.conditions.is_empty() && !cited.iter().any(|h| h.vilkar) {
            return Err(refuse("vedtak-refused-vilkar-hjemmel", "hjemmel"));
        }
        let mut references = BTreeSet::new();
        let all_refs = self.payments.iter().map(|p| &p.referanse).chain(self.conditions.iter().map(|c| &c.referanse)).chain(self.requirements.iter().map(|r| &r.referanse));
        for r in all_refs {
            if r.trim().is_empty() || !references.insert(r.as_str()) {
                return Err(refuse("vedtak-refused-duplicate-reference", ""));
            }
        }
        let payment_refs: BTreeSet<&str> = self.payments.iter().map(|p| p.referanse.as_str()).collect();
        for c in &self.conditions {
            check_text(&c.tittel, MAX_TITLE, "vilkar")?;
            if let Some(b) = &c.beskrivelse {
                check_text(b, MAX_REASON, "vilkar")?;
            }
        }
        for r in &self.requirements {
            check_text(&r.tittel, MAX_TITLE, "dokumentasjonkrav")?;
            if let Some(b) = &r.beskrivelse {
                check_text(b, MAX_REASON, "dokumentasjonkrav")?;
            }
            if r.frist.is_some_and(|f| f < today) {
                return Err(refuse("office-refused-date-past", "frist"));
            }
        }
        let named = self.conditions.iter().flat_map(|c| &c.payments).chain(self.requirements.iter().flat_map(|r| &r.payments));
        if named.into_iter().any(|p| !payment_refs.contains(p.as_str())) {
            return Err(refuse("vedtak-refused-unknown-payment", ""));
        }
        for p in &self.payments {
            p.check(today)?;
        }
        Ok(())
    }
}

impl Vedtak {
    /// A new draft by `author`.
    pub fn draft(author: &str, content: Content) -> Self {
        Self { author: author.to_owned(), content, stage: Stage::Draft }
    }

    /// Whether the content may be changed now: as a draft or after being returned.
    pub fn editable(&self) -> bool {
        matches!(self.stage, Stage::Draft | Stage::Returned { .. })
    }

    /// Replaces the content. Refusal `vedtak-refused-locked` once submitted or approved.
    pub fn edit(&mut self, content: Content) -> Result<(), Refusal> {
        if !self.editable() {
            return Err(refuse("vedtak-refused-locked", ""));
        }
        self.content = content;
        Ok(())
    }

    /// The author submits the decision. Where `four_eyes_required` (the office's setting) it waits for a
    /// beslutter; otherwise it is made at once, by the author. Refusals: `vedtak-refused-locked` (not a
    /// draft or returned), `vedtak-refused-not-author` (someone else's draft), [`may_decide`]'s, and
    /// [`Content::check`]'s.
    pub fn submit(&mut self, by: &str, facts: CaseFacts, four_eyes_required: bool, hjemler: &Hjemler, today: Date, now: Millis) -> Result<(), Refusal> {
        if !self.editable() {
            return Err(refuse("vedtak-refused-locked", ""));
        }
        if by != self.author {
            return Err(refuse("vedtak-refused-not-author", ""));
        }
        may_decide(facts)?;
        self.content.check(hjemler, today)?;
        self.stage = if four_eyes_required { Stage::AwaitingApproval { at: now } } else { Stage::Approved { by: by.to_owned(), at: now, four_eyes: false } };
        Ok(())
    }

    /// The author takes a submitted decision back to change it. Refusals: `vedtak-refused-not-awaiting`,
    /// `vedtak-refused-not-author`.
    pub fn withdraw(&mut self, by: &str) -> Result<(), Refusal> {
        if !matches!(self.stage, Stage::AwaitingApproval { .. }) {
            return Err(refuse("vedtak-refused-not-awaiting", ""));
        }
        if by != self.author {
            return Err(refuse("vedtak-refused-not-author", ""));
        }
        self.stage = Stage::Draft;
        Ok(())
    }

    /// A beslutter approves: the decision is made. The case must still be under processing (it may
    /// have been closed meanwhile). Refusals: `vedtak-refused-not-awaiting`, [`may_approve`]'s,
    /// [`may_decide`]'s.
    pub fn approve(&mut self, by: &str, roles: &[Role], facts: CaseFacts, now: Millis) -> Result<(), Refusal> {
        if !matches!(self.stage, Stage::AwaitingApproval { .. }) {
            return Err(refuse("vedtak-refused-not-awaiting", ""));
        }
        may_approve(&self.author, by, roles)?;
        may_decide(facts)?;
        self.stage = Stage::Approved { by: by.to_owned(), at: now, four_eyes: true };
        Ok(())
    }

    /// A beslutter returns the decision to its author with a comment. Refusals:
    /// `vedtak-refused-not-awaiting`, [`may_approve`]'s, and free-text refusals on field `kommentar`
    /// (a comment is required: `office-refused-empty`).
    pub fn send_back(&mut self, by: &str, roles: &[Role], comment: &str, now: Millis) -> Result<(), Refusal> {
        if !matches!(self.stage, Stage::AwaitingApproval { .. }) {
            return Err(refuse("vedtak-refused-not-awaiting", ""));
        }
        may_approve(&self.author, by, roles)?;
        let comment = check_text(comment, MAX_REASON, "kommentar")?;
        self.stage = Stage::Returned { by: by.to_owned(), comment, at: now };
        Ok(())
    }

    /// Whether the decision has been made.
    pub fn approved(&self) -> bool {
        matches!(self.stage, Stage::Approved { .. })
    }

    /// Marks one of its payments paid on `on`, or stops it (`paid` false). Refusals:
    /// `vedtak-refused-not-approved` (no payment moves before the decision is made),
    /// `vedtak-refused-unknown-payment`, and the payment's own ([`Payment::mark_paid`]).
    pub fn settle_payment(&mut self, referanse: &str, paid_on: Option<Date>) -> Result<&Payment, Refusal> {
        if !self.approved() {
            return Err(refuse("vedtak-refused-not-approved", ""));
        }
        let payment = self.content.payments.iter_mut().find(|p| p.referanse == referanse).ok_or(refuse("vedtak-refused-unknown-payment", ""))?;
        match paid_on {
            Some(on) => payment.mark_paid(on)?,
            None => payment.stop()?,
        }
        Ok(payment)
    }
}

#[cfg(test)]
mod tests;
