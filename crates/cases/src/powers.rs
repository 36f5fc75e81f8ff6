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
