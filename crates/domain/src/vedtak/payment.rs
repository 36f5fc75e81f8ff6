//! Payments (utbetalinger) a decision grants: how much, when, to whom, and whether it was paid or
//! stopped. A payment goes to the citizen's own account or to a third party (landlord, energy
//! company) with its account number and, where its invoice has one, its KID.

use time::Date;

use crate::ids::{Belop, Kid, Kontonummer};
use crate::office::{check_text, Refusal, MAX_TITLE};

/// The largest single payment a decision may plan, in kroner. Economic assistance for a month is
/// far below this; a deposit plus rent arrears may come near 100 000 kr. Anything above is a typo
/// (an extra zero) more often than a need, and is refused so that a second look is taken.
pub const MAX_PAYMENT_KRONER: i64 = 500_000;

/// How far ahead a payment may be planned (days).
pub const MAX_DUE_DAYS: i64 = 366;

/// Who receives the money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// The citizen, to their own account.
    Citizen { account: Kontonummer },
    /// Someone else on the citizen's behalf (annen mottaker): a landlord, an energy company.
    ThirdParty {
        /// As the payee is named on its invoice.
        name: String,
        account: Kontonummer,
        /// The customer reference printed on the invoice, when it has one.
        kid: Option<Kid>,
    },
}

impl Recipient {
    /// The citizen's own account, as typed. Refusal: the account's parse error key on field
    /// `kontonummer` (`error-konto-digits`, `error-konto-length`, `error-konto-checksum`).
    pub fn citizen(account: &str) -> Result<Self, Refusal> {
        Ok(Recipient::Citizen { account: Kontonummer::parse(account).map_err(|key| Refusal { key, field: "kontonummer" })? })
    }

    /// A third party, as typed: name, account, and KID (empty when the invoice has none). Refusals:
    /// free-text refusals on field `mottaker`, the account's parse error on `kontonummer`, the KID's
    /// (`error-kid-*`) on `kid`.
    pub fn third_party(name: &str, account: &str, kid: &str) -> Result<Self, Refusal> {
        let name = check_text(name, MAX_TITLE, "mottaker")?;
        let account = Kontonummer::parse(account).map_err(|key| Refusal { key, field: "kontonummer" })?;
        let kid = if kid.trim().is_empty() { None } else { Some(Kid::parse(kid).map_err(|key| Refusal { key, field: "kid" })?) };
        Ok(Recipient::ThirdParty { name, account, kid })
    }

    pub fn account(&self) -> &Kontonummer {
        match self {
            Recipient::Citizen { account } | Recipient::ThirdParty { account, .. } => account,
        }
    }
}

/// Where a payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    /// Approved and waiting for its due date (planlagt utbetaling).
    Planned,
    /// Paid; the date the money was sent.
    Paid { on: Date },
    /// Stopped before it was paid (e.g. the citizen's situation changed).
    Stopped,
}

/// One payment of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// Unique within the application (`utbetalingsreferanse`), given by the store.
    pub referanse: String,
    /// What it is for, e.g. `Livsopphold mars`, `Husleie mars` (`beskrivelse`).
    pub description: String,
    pub amount: Belop,
    /// When it is to be paid (`forfallsdato`).
    pub due: Date,
    /// The period it covers (`fom`, `tom`), when it covers one.
    pub period: Option<(Date, Date)>,
    pub recipient: Recipient,
    pub status: PaymentStatus,
}

impl Payment {
    /// Checks a planned payment against today (the office's date). Refusals (key, field):
    /// `vedtak-refused-payment-zero` / `belop`, `vedtak-refused-payment-too-large` / `belop` (above
    /// [`MAX_PAYMENT_KRONER`]), `vedtak-refused-payment-due-past` / `forfall` (before today),
    /// `vedtak-refused-payment-due-far` / `forfall` (more than [`MAX_DUE_DAYS`] ahead),
    /// `vedtak-refused-payment-period` / `periode` (ends before it starts), and free-text refusals on
    /// `beskrivelse`.
    pub fn check(&self, today: Date) -> Result<(), Refusal> {
        check_text(&self.description, MAX_TITLE, "beskrivelse")?;
        if self.amount.ore() == 0 {
            return Err(Refusal { key: "vedtak-refused-payment-zero", field: "belop" });
        }
        if self.amount.ore() > MAX_PAYMENT_KRONER * 100 {
            return Err(Refusal { key: "vedtak-refused-payment-too-large", field: "belop" });
        }
        if self.due < today {
            return Err(Refusal { key: "vedtak-refused-payment-due-past", field: "forfall" });
        }
        if (self.due - today).whole_days() > MAX_DUE_DAYS {
            return Err(Refusal { key: "vedtak-refused-payment-due-far", field: "forfall" });
        }
        if let Some((from, to)) = self.period {
            if to < from {
                return Err(Refusal { key: "vedtak-refused-payment-period", field: "periode" });
            }
        }
        Ok(())
    }

    /// Marks the payment paid on `on`. Refusal `vedtak-refused-payment-not-planned` when it was
    /// already paid or stopped: a payment changes state once.
    pub fn mark_paid(&mut self, on: Date) -> Result<(), Refusal> {
        self.leave_planned(PaymentStatus::Paid { on })
    }

    /// Stops the payment. Refusal `vedtak-refused-payment-not-planned` when it was already paid or
    /// stopped.
    pub fn stop(&mut self) -> Result<(), Refusal> {
        self.leave_planned(PaymentStatus::Stopped)
    }

    fn leave_planned(&mut self, to: PaymentStatus) -> Result<(), Refusal> {
        if self.status != PaymentStatus::Planned {
            return Err(Refusal { key: "vedtak-refused-payment-not-planned", field: "" });
        }
        self.status = to;
        Ok(())
    }
}
