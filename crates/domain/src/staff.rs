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
    /// Veileder: an adviser who works cases like a saksbehandler (the title NAV offices use for
    /// the same work).
    Veileder,
    /// Beslutter: approves decisions where the office requires a second person (four-eyes).
    Beslutter,
    /// Leder: leads the office; works cases and approves decisions.
    Leder,
    /// Kontaktsenter: answers the phone for many offices; reads status, writes call notes.
    Kontaktsenter,
    /// Fortrolig: may open the cases of people with a protected address (kode 6 and 7), together
    /// with a role that opens cases at all.
    Fortrolig,
    /// Barnevern: works at the municipality's child-welfare service (barneverntjenesten), a unit
    /// apart from NAV: reads and handles the concern reports of that municipality
    /// ([`crate::barnevern`]) and nothing of NAV's cases. NAV roles never open a report.
    Barnevern,
}

impl Role {
    pub const ALL: [Role; 7] = [Role::Saksbehandler, Role::Veileder, Role::Beslutter, Role::Leder, Role::Kontaktsenter, Role::Fortrolig, Role::Barnevern];

    /// The value in the identity provider's `roles`/`groups` claim.
    pub fn claim_value(self) -> &'static str {
        match self {
            Role::Saksbehandler => "saksbehandler",
            Role::Veileder => "veileder",
            Role::Beslutter => "beslutter",
            Role::Leder => "leder",
            Role::Kontaktsenter => "kontaktsenter",
            Role::Fortrolig => "fortrolig",
            Role::Barnevern => "barnevern",
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

/// A signed-in staff member, as their identity provider described them: who acts on a case, for
/// access rules and the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaffUser {
    /// The provider's subject (stable per person at that provider).
    pub subject: String,
    pub name: String,
    /// Known roles only, at least one.
    pub roles: Vec<Role>,
    /// The office (enhetsnummer) the person works at.
    pub office: String,
}

impl StaffUser {
    /// The roles as stored in the audit log and the staff list (claim values, comma-separated).
    pub fn role_list(&self) -> String {
        self.roles.iter().map(|r| r.claim_value()).collect::<Vec<_>>().join(",")
    }
}

/// A protected address in the population register (adressebeskyttelse). The address of such a
/// person is never shown or printed, and only staff with [`Role::Fortrolig`] may open their cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adressebeskyttelse {
    /// Strengt fortrolig adresse, "kode 6".
    StrengtFortrolig,
    /// Fortrolig adresse, "kode 7".
    Fortrolig,
}

impl Adressebeskyttelse {
    /// The register's code, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Adressebeskyttelse::StrengtFortrolig => "STRENGT_FORTROLIG",
            Adressebeskyttelse::Fortrolig => "FORTROLIG",
        }
    }

    pub fn from_code(code: &str) -> Option<Adressebeskyttelse> {
        [Adressebeskyttelse::StrengtFortrolig, Adressebeskyttelse::Fortrolig].into_iter().find(|a| a.code() == code)
    }
}

/// What a staff member may read of the office's cases: which office, and whether the cases of
/// people with a protected address are among them. Store queries take this and filter by it in SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAccess {
    /// The office (enhetsnummer) whose cases may be read.
    pub office: String,
    /// Cases of people with a protected address (kode 6/7) too.
    pub protected_persons: bool,
}

impl CaseAccess {
    /// The case access of someone with these roles at this office: caseworkers, advisers,
    /// approvers and office managers read their own office's cases; the protected-person role adds kode 6/7 cases but
    /// opens nothing on its own; contact-centre staff get no case access here. `None`: no access.
    pub fn for_staff(roles: &[Role], office: &str) -> Option<CaseAccess> {
        let reads_cases = roles.iter().any(|r| matches!(r, Role::Saksbehandler | Role::Veileder | Role::Beslutter | Role::Leder));
        reads_cases.then(|| CaseAccess { office: office.to_owned(), protected_persons: roles.contains(&Role::Fortrolig) })
    }

    /// Whether this access opens a case of `office` whose applicant has `protection`.
    pub fn may_open(&self, office: &str, protection: Option<Adressebeskyttelse>) -> bool {
        self.office == office && (protection.is_none() || self.protected_persons)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_caseworkers_and_managers_read_cases_and_only_the_protected_role_reads_kode_6_and_7() {
        assert_eq!(CaseAccess::for_staff(&[Role::Kontaktsenter], "0312"), None);
        assert_eq!(CaseAccess::for_staff(&[Role::Fortrolig], "0312"), None, "the protected-person role alone opens nothing");
        assert_eq!(CaseAccess::for_staff(&[], "0312"), None);
        let plain = CaseAccess::for_staff(&[Role::Saksbehandler], "0312").expect("caseworker");
        assert!(plain.may_open("0312", None));
        assert!(!plain.may_open("0315", None), "another office");
        assert!(!plain.may_open("0312", Some(Adressebeskyttelse::StrengtFortrolig)));
        assert!(!plain.may_open("0312", Some(Adressebeskyttelse::Fortrolig)));
        let cleared = CaseAccess::for_staff(&[Role::Leder, Role::Fortrolig], "0312").expect("manager");
        assert!(cleared.may_open("0312", Some(Adressebeskyttelse::StrengtFortrolig)));
        assert!(cleared.may_open("0312", Some(Adressebeskyttelse::Fortrolig)));
        assert!(!cleared.may_open("1201", Some(Adressebeskyttelse::Fortrolig)), "still only the own office");
        for a in [Adressebeskyttelse::StrengtFortrolig, Adressebeskyttelse::Fortrolig] {
            assert_eq!(Adressebeskyttelse::from_code(a.code()), Some(a));
        }
        assert_eq!(Adressebeskyttelse::from_code("UGRADERT"), None);
    }

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
