//! The person's choice of how to be told that something happened on their case (rules in
//! [`velferd_domain::notices`]). Before they choose, notices go by SMS to the phone number in their
//! newest application, as the store's outbox does.

use velferd_domain::ids::{Fodselsnummer, Telefonnummer};
use velferd_domain::notices::{check_choices, Choices, ChoicesForm};
use velferd_domain::Millis;

use crate::{CaseError, Cases, Result};

impl Cases {
    /// The person's choices, or what applies before they chose (SMS to the phone number in their
    /// newest application, if it has one), and whether they chose.
    pub async fn notice_choices(&self, owner: &Fodselsnummer) -> Result<(Choices, bool)> {
        if let Some(c) = self.store.contact_choices(owner).await? {
            return Ok((c, true));
        }
        let newest = self.store.applications_of(owner).await?.into_iter().next();
        let phone = newest.and_then(|a| Telefonnummer::parse(a.answers.get("telefon")).ok()).map(|p| p.as_str().to_owned());
        Ok((Choices { sms_on: phone.is_some(), phone, ..Choices::default() }, false))
    }

    /// Saves the person's choices. `Invalid` with each field's fault; nothing is saved then.
    pub async fn save_notice_choices(&self, owner: &Fodselsnummer, form: &ChoicesForm, now: Millis) -> Result<Choices> {
        let choices = check_choices(form).map_err(CaseError::Invalid)?;
        self.store.set_contact_choices(owner, &choices, now).await?;
        Ok(choices)
    }
}
