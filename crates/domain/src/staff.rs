//! Who works at an office, as the municipality's identity provider describes them: roles and the
//! office (NAV-kontor, by its enhetsnummer). What each role may do is decided where the work is
//! (caseworker pages, access rules); here the words are parsed once at the edge.

use std::fmt;

/// A role Velferd knows. The identity provider sends these as strings in the `roles` claim (or
/// `groups`); anything else is ignored, and someone with no known role may not use the staff pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Saksbehandler: handles the office's cases.
    Saksbehandler,
    /// Leder: leads the office; approves decisions where the office requires a second person.
    Leder,
    /// Kontaktsenter: answers the phone for many offices; reads status, writes call notes.
    Kontaktsenter,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Saksbehandler, Role::Leder, Role::Kontaktsenter];

    /// The value in the identity provider's `roles`/`groups` claim.
    pub fn claim_value(self) -> &'static str {
        match self {
            Role::Saksbehandler => "saksbehandler",
            Role::Leder => "leder",
            Role::Kontaktsenter => "kontaktsenter",
        }
    }

    /// A role from a claim value (exact, lower case); `None` for roles Velferd does not know.
    pub fn from_claim(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.claim_value() == value)
    }

    /// The known roles among the claim values, each once, in a fixed order.
    pub fn from_claims<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<Role> {
        let mut roles: Vec<Role> = values.into_iter().filter_map(Role::from_claim).collect();
        roles.sort();
        roles.dedup();
        roles
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.claim_value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_roles_are_kept_once_and_unknown_ones_dropped() {
        assert_eq!(Role::from_claims(["leder", "ukjent", "saksbehandler", "leder"]), vec![Role::Saksbehandler, Role::Leder]);
        assert_eq!(Role::from_claims(["Saksbehandler", "admin"]), vec![], "exact values only");
        assert_eq!(Role::from_claims([]), vec![]);
        for role in Role::ALL {
            assert_eq!(Role::from_claim(&role.to_string()), Some(role));
            assert_eq!(serde_json::to_string(&role).expect("json"), format!("\"{role}\""), "stored as the claim value");
        }
    }
}
