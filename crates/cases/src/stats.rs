//! The office lead's statistics (role `leder`): one office and one period, computed by
//! `velferd_domain::stats::dashboard` from what `Store::stats_facts` reads. No personal data is in
//! the result; small counts are hidden by the domain. Reading it is audited (with no person).

use velferd_domain::staff::{Role, StaffUser};
use velferd_domain::stats::{dashboard, Dashboard};
use velferd_domain::Millis;
use velferd_store::Outcome;

use crate::{CaseError, Cases, Result};

impl Cases {
    /// The dashboard of the lead's own office for applications sent in `from`..`to` (ms).
    pub async fn statistics(&self, staff: &StaffUser, from: Millis, to: Millis, now: Millis) -> Result<Dashboard> {
        if !staff.roles.contains(&Role::Leder) {
            self.audit_staff(staff, "read-statistics", None, None, Outcome::Deny, now).await?;
            return Err(CaseError::Forbidden);
        }
        self.audit_staff(staff, "read-statistics", None, None, Outcome::Permit, now).await?;
        let (apps, other) = self.store.stats_facts(&staff.office, from, to).await?;
        Ok(dashboard(&apps, &other, from, to))
    }
}
