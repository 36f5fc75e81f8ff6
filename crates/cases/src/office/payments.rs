//! Payments (utbetalinger) of made decisions: planning one more on a decision that grants
//! something, marking one paid, stopping one. Each is an `utbetaling` event the citizen sees at
//! once (the whole payment as it now stands, [`velferd_domain::vedtak::events::utbetaling`]),
//! written with the payment row and the audit entry in one transaction under the case's version.

use time::Date;
use velferd_domain::ids::{Belop, Kid, Kontonummer};
use velferd_domain::office::{parse_date, Refusal};
use velferd_domain::staff::StaffUser;
use velferd_domain::vedtak::{events, Payment, PaymentStatus, Recipient};
use velferd_domain::Millis;
use velferd_formats::soker::Hendelse;
use velferd_formats::soknad::tidspunkt;
use velferd_store::{DecisionRow, DecisionWrite, OfficeChange, PaymentRow};

use super::actions::Acted;
use super::decide::{PaymentForm, STAGE_APPROVED};
use crate::{CaseError, Cases, Result};

/// Payment states as stored.
pub const PLANNED: &str = "planlagt";
pub const PAID: &str = "utbetalt";
pub const STOPPED: &str = "stoppet";

fn invalid(r: Refusal) -> CaseError {
    CaseError::Invalid(vec![r])
}

/// A payment of `decision` as a row, for the citizen `citizen_name` when the money goes to them.
pub(crate) fn payment_row(decision: &DecisionRow, p: &Payment, citizen_name: &str, now: Millis) -> PaymentRow {
    let (kind, name, kid) = match &p.recipient {
        Recipient::Citizen { .. } => ("soker", citizen_name.to_owned(), None),
        Recipient::ThirdParty { name, kid, .. } => ("annen", name.clone(), kid.as_ref().map(|k| k.as_str().to_owned())),
    };
    let (state, paid_on) = match p.status {
        PaymentStatus::Planned => (PLANNED, None),
        PaymentStatus::Paid { on } => (PAID, Some(on.to_string())),
        PaymentStatus::Stopped => (STOPPED, None),
    };
    PaymentRow {
        id: velferd_store::new_id(),
        application_id: decision.application_id.clone(),
        decision_id: decision.id.clone(),
        enhetsnummer: decision.enhetsnummer.clone(),
        referanse: p.referanse.clone(),
        saksreferanse: decision.saksreferanse.clone(),
        description: p.description.clone(),
        amount_ore: p.amount.ore(),
        due: p.due.to_string(),
        period_from: p.period.map(|(f, _)| f.to_string()),
        period_to: p.period.map(|(_, t)| t.to_string()),
        recipient_kind: kind.into(),
        recipient_name: name,
        account: p.recipient.account().as_str().to_owned(),
        // Without a KID the payment's description goes with the money, so the payee knows what it is.
        // (ISO 20022 `Ustrd` holds at most 140 characters; a description may have 200.)
        message: if kid.is_none() { Some(p.description.chars().take(140).collect()) } else { None },
        kid,
        state: state.into(),
        paid_on,
        created_ms: now,
        updated_ms: now,
    }
}

/// The payment a row holds, as the domain checks it.
pub(crate) fn payment_of(row: &PaymentRow) -> Result<Payment> {
    let corrupt = || CaseError::Internal(format!("stored payment {} cannot be read", row.referanse));
    let date = |s: &str| parse_date(s).ok_or_else(corrupt);
    let account = Kontonummer::parse(&row.account).map_err(|_| corrupt())?;
    let recipient = match row.recipient_kind.as_str() {
        "annen" => Recipient::ThirdParty { name: row.recipient_name.clone(), account, kid: row.kid.as_deref().map(Kid::parse).transpose().map_err(|_| corrupt())? },
        _ => Recipient::Citizen { account },
    };
    let status = match row.state.as_str() {
        PAID => PaymentStatus::Paid { on: date(row.paid_on.as_deref().unwrap_or_default())? },
        STOPPED => PaymentStatus::Stopped,
        _ => PaymentStatus::Planned,
    };
    let period = match (&row.period_from, &row.period_to) {
        (Some(f), Some(t)) => Some((date(f)?, date(t)?)),
        _ => None,
    };
    Ok(Payment {
        referanse: row.referanse.clone(),
        description: row.description.clone(),
        amount: Belop::try_from_ore(row.amount_ore).ok_or_else(corrupt)?,
        due: date(&row.due)?,
        period,
        recipient,
        status,
    })
}

impl Cases {
    /// Plans one more payment on a made decision that grants something. Refusals:
    /// `vedtak-refused-not-approved`, `vedtak-refused-payment-without-grant`, the form's faults and
    /// [`Payment::check`]'s (amount within bounds, due date, account MOD11, KID check digit).
    pub async fn plan_payment(&self, staff: &StaffUser, id: &str, version: Option<i64>, decision: &str, form: &PaymentForm, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "plan-payment", id, version, now).await?;
        if p.facts.case_system_owns {
            return Err(invalid(Refusal { key: "office-refused-case-system", field: "" }));
        }
        let (row, vedtak) = self.stored_vedtak(id, decision).await?;
        if row.stage != STAGE_APPROVED {
            return Err(invalid(Refusal { key: "vedtak-refused-not-approved", field: "" }));
        }
        if !vedtak.content.outcome.grants() {
            return Err(invalid(Refusal { key: "vedtak-refused-payment-without-grant", field: "utbetaling" }));
        }
        let taken = self.store.payments(id).await?.into_iter().filter(|r| r.decision_id == row.id).count();
        let payment = form.payment(format!("V{}-U{}", row.seq, taken + 1)).map_err(CaseError::Invalid)?;
        payment.check(p.today).map_err(invalid)?;
        let name = self.store.person(&p.case.owner).await?.map(|s| s.fullt_navn()).unwrap_or_default();
        let change = OfficeChange {
            events: vec![
                serde_json::to_value(Hendelse::Utbetaling(events::utbetaling(&payment, &row.saksreferanse, &tidspunkt(now)))).map_err(|e| CaseError::Internal(e.to_string()))?
            ],
            decisions: vec![DecisionWrite::Payment(payment_row(&row, &payment, &name, now))],
            journal: vec![("utbetaling-planlagt".into(), format!("{} {}", payment.amount, payment.description))],
            ..OfficeChange::default()
        };
        self.commit(staff, &p, "plan-payment", change, now).await
    }

    /// Marks a planned payment paid on `paid_on` (as typed; empty: today). Refusals:
    /// `office-refused-date` / `dato`, `vedtak-refused-paid-future` / `dato`,
    /// `vedtak-refused-payment-not-planned`.
    pub async fn mark_paid(&self, staff: &StaffUser, id: &str, version: Option<i64>, payment: &str, paid_on: &str, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "mark-payment-paid", id, version, now).await?;
        let on = if paid_on.trim().is_empty() { p.today } else { parse_date(paid_on).ok_or(invalid(Refusal { key: "office-refused-date", field: "dato" }))? };
        if on > p.today {
            return Err(invalid(Refusal { key: "vedtak-refused-paid-future", field: "dato" }));
        }
        self.settle(staff, &p, payment, Some(on), now).await
    }

    /// Stops a planned payment. Refusal: `vedtak-refused-payment-not-planned`.
    pub async fn stop_payment(&self, staff: &StaffUser, id: &str, version: Option<i64>, payment: &str, now: Millis) -> Result<Acted> {
        let p = self.prepare(staff, "stop-payment", id, version, now).await?;
        self.settle(staff, &p, payment, None, now).await
    }

    async fn settle(&self, staff: &StaffUser, p: &super::decide::Prepared, payment: &str, paid_on: Option<Date>, now: Millis) -> Result<Acted> {
        if p.facts.case_system_owns {
            return Err(invalid(Refusal { key: "office-refused-case-system", field: "" }));
        }
        let id = &p.case.application.id;
        let mut row = self.store.payments(id).await?.into_iter().find(|r| r.id == payment).ok_or(CaseError::NotFound)?;
        let mut pay = payment_of(&row)?;
        match paid_on {
            Some(on) => pay.mark_paid(on),
            None => pay.stop(),
        }
        .map_err(invalid)?;
        let (state, kind, action) = match paid_on {
            Some(_) => (PAID, "utbetaling-utbetalt", "mark-payment-paid"),
            None => (STOPPED, "utbetaling-stoppet", "stop-payment"),
        };
        row.state = state.into();
        row.paid_on = paid_on.map(|d| d.to_string());
        row.updated_ms = now;
        let change = OfficeChange {
            events: vec![serde_json::to_value(Hendelse::Utbetaling(events::utbetaling(&pay, &row.saksreferanse, &tidspunkt(now)))).map_err(|e| CaseError::Internal(e.to_string()))?],
            journal: vec![(kind.into(), format!("{} {}", pay.amount, pay.description))],
            decisions: vec![DecisionWrite::Payment(row)],
            ..OfficeChange::default()
        };
        self.commit(staff, p, action, change, now).await
    }
}
