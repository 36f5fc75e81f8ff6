//! Powers of attorney (fullmakt, [`velferd_domain::fullmakt`]): the owner of an application gives
//! a helper a power on it, or ends one. The rule is checked in the domain; the store writes the
//! power only on the owner's own application.

use velferd_domain::fullmakt::{check_power, PowerForm, MONTH_MS};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;
use velferd_store::NewPower;

use crate::{CaseError, Cases, Result};

impl Cases {
    /// `owner` gives a helper a power on their application `application_id`, as asked in `form`.
    /// Returns the power's id. Errors: `Invalid` with every field's fault when the form breaks a
    /// rule (nothing written); `NotFound` when the application is not the owner's.
    pub async fn grant_power(&self, owner: &Fodselsnummer, application_id: &str, form: &PowerForm, now: Millis) -> Result<String> {
        let grant = check_power(owner, form).map_err(CaseError::Invalid)?;
        let power = NewPower {
            helper: &grant.helper,
            helper_name: &grant.name,
            may_send_documents: grant.may_send_documents,
            may_write_messages: grant.may_write_messages,
            valid_until_ms: now + grant.months * MONTH_MS,
        };
        self.store.grant_power(application_id, owner, &power, now).await?.ok_or(CaseError::NotFound)
    }

    /// Whether the helper signed in as `helper` may now record that they filled in application
    /// `application_id` together with its owner ([`velferd_domain::assisted::may_record_helper_assist`];
    /// their power on it is checked by the store). `false` also when it is not theirs to follow.
    pub async fn may_record_helper_assist(&self, helper: &Fodselsnummer, application_id: &str, now: Millis) -> Result<bool> {
        let Some((sent, _, _)) = self.store.application_as_helper(application_id, helper, now).await? else { return Ok(false) };
        let channel = self.store.application_channel(application_id).await?.map(|c| c.channel);
        Ok(channel.is_some_and(|c| velferd_domain::assisted::may_record_helper_assist(c, sent.sent_ms, now)))
    }

    /// The helper signed in as `helper` records that they filled in application `application_id`
    /// together with its owner, who sent it: the application's channel becomes assisted, by the
    /// helper (the person who holds the power, named as in it), audited as the helper's action
    /// with the owner as the person. Errors: `NotFound` when the helper has no valid power on it;
    /// `Conflict` when it may no longer be recorded (not the owner's own digital application, or
    /// sent more than [`velferd_domain::assisted::HELPER_ASSIST_HOURS`] ago).
    pub async fn record_helper_assist(&self, helper: &Fodselsnummer, application_id: &str, now: Millis) -> Result<()> {
        let Some((sent, power, owner)) = self.store.application_as_helper(application_id, helper, now).await? else { return Err(CaseError::NotFound) };
        let channel = self.store.application_channel(application_id).await?.map(|c| c.channel);
        if !channel.is_some_and(|c| velferd_domain::assisted::may_record_helper_assist(c, sent.sent_ms, now)) {
            return Err(CaseError::Conflict);
        }
        let audit = velferd_store::AuditEntry {
            actor: format!("fullmektig:{}", power.id),
            actor_name: power.helper_name.clone(),
            role: "fullmektig".into(),
            office: None,
            action: "helper-assisted".into(),
            person: Some(owner.as_str().to_owned()),
            application_id: Some(application_id.to_owned()),
            outcome: velferd_store::Outcome::Permit,
        };
        let sent_after = now - velferd_domain::assisted::HELPER_ASSIST_HOURS * 3_600_000;
        if self.store.record_helper_assist(&power, helper, sent_after, &audit, now).await? {
            Ok(())
        } else {
            Err(CaseError::Conflict)
        }
    }

    /// `owner` ends power `power_id` on their application at once. `NotFound` when there is no
    /// such active power on an application of theirs.
    pub async fn revoke_power(&self, owner: &Fodselsnummer, application_id: &str, power_id: &str, now: Millis) -> Result<()> {
        if self.store.revoke_power(application_id, owner, power_id, now).await? {
            Ok(())
        } else {
            Err(CaseError::NotFound)
        }
    }
}
