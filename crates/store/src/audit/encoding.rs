//! How an audit entry becomes the bytes its hash covers.
//!
//! Version 1 (entries written before migration 0012) joined the fields with the unit separator
//! (0x1f). A name that contains that byte can move a field boundary: "Kari␟helper" + "citizen" and
//! "Kari" + "helper␟citizen" gave the same bytes, so one entry could be rewritten into another
//! without breaking the chain. Version 2 writes every field with its length in front (and a tag for
//! a missing value), so two different entries never give the same bytes. Version 1 entries are still
//! checked with the version 1 rule; every new entry is version 2.

use sha2::{Digest, Sha256};
use velferd_domain::Millis;

use super::AuditEntry;

/// The `prev_hash` of the first entry of a chain.
pub(crate) const GENESIS: &str = "velferd-audit-v1";

/// The encoding new entries are written with (`audit_log.hash_version`).
pub(crate) const CURRENT: i64 = 2;

/// The hash of a new entry (encoding [`CURRENT`]) at `seq` whose predecessor's hash is `prev`.
pub(crate) fn current_hash(prev: &str, seq: i64, at_ms: Millis, e: &AuditEntry) -> String {
    hex(&v2(prev, seq, at_ms, e))
}

/// The hash of an entry at `seq` whose predecessor's hash is `prev`, under encoding `version`, as
/// lower-case hex; `None` for a version this Velferd does not know.
pub(crate) fn entry_hash(version: i64, prev: &str, seq: i64, at_ms: Millis, e: &AuditEntry) -> Option<String> {
    let digest = match version {
        1 => v1(prev, seq, at_ms, e),
        2 => v2(prev, seq, at_ms, e),
        _ => return None,
    };
    Some(hex(&digest))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn v1(prev: &str, seq: i64, at_ms: Millis, e: &AuditEntry) -> Vec<u8> {
    let mut h = Sha256::new();
    for part in [
        prev.to_owned(),
        seq.to_string(),
        at_ms.to_string(),
        e.actor.clone(),
        e.actor_name.clone(),
        e.role.clone(),
        e.office.clone().map_or("\u{0}".into(), |o| format!("={o}")),
        e.action.clone(),
        e.person.clone().map_or("\u{0}".into(), |p| format!("={p}")),
        e.application_id.clone().map_or("\u{0}".into(), |a| format!("={a}")),
        e.outcome.as_str().to_owned(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().to_vec()
}

/// Version 2: a tag naming the encoding, then each field in a fixed order. Text is its length in
/// bytes (8 bytes, big-endian) and its UTF-8; a number is 8 bytes big-endian; an optional text is
/// 0 for none or 1 followed by the text.
fn v2(prev: &str, seq: i64, at_ms: Millis, e: &AuditEntry) -> Vec<u8> {
    let mut h = Sha256::new();
    let text = |h: &mut Sha256, s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    let optional = |h: &mut Sha256, s: &Option<String>| match s {
        None => h.update([0]),
        Some(s) => {
            h.update([1]);
            text(h, s);
        }
    };
    text(&mut h, "velferd-audit-v2");
    text(&mut h, prev);
    h.update(seq.to_be_bytes());
    h.update(at_ms.to_be_bytes());
    text(&mut h, &e.actor);
    text(&mut h, &e.actor_name);
    text(&mut h, &e.role);
    optional(&mut h, &e.office);
    text(&mut h, &e.action);
    optional(&mut h, &e.person);
    optional(&mut h, &e.application_id);
    text(&mut h, e.outcome.as_str());
    h.finalize().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Outcome;

    fn entry(actor_name: &str, role: &str) -> AuditEntry {
        AuditEntry {
            actor: "helper:1".into(),
            actor_name: actor_name.into(),
            role: role.into(),
            office: None,
            action: "read-application".into(),
            person: Some("01019012345".into()),
            application_id: None,
            outcome: Outcome::Permit,
        }
    }

    #[test]
    fn entries_that_collided_under_the_separator_hash_differently_in_version_2() {
        let a = entry("Kari\u{1f}fullmektig", "innbygger");
        let b = entry("Kari", "fullmektig\u{1f}innbygger");
        assert_eq!(entry_hash(1, GENESIS, 1, 5, &a), entry_hash(1, GENESIS, 1, 5, &b), "the fault version 2 fixes");
        assert_ne!(entry_hash(2, GENESIS, 1, 5, &a), entry_hash(2, GENESIS, 1, 5, &b));
    }

    #[test]
    fn a_missing_value_and_an_empty_one_hash_differently() {
        let mut a = entry("Kari", "innbygger");
        a.office = Some(String::new());
        let b = entry("Kari", "innbygger");
        assert_ne!(entry_hash(2, GENESIS, 1, 5, &a), entry_hash(2, GENESIS, 1, 5, &b));
    }

    #[test]
    fn every_field_and_the_version_are_covered() {
        let base = entry("Kari", "innbygger");
        let h = entry_hash(2, GENESIS, 1, 5, &base);
        assert_ne!(h, entry_hash(1, GENESIS, 1, 5, &base));
        assert_ne!(h, entry_hash(2, "other", 1, 5, &base));
        assert_ne!(h, entry_hash(2, GENESIS, 2, 5, &base));
        assert_ne!(h, entry_hash(2, GENESIS, 1, 6, &base));
        let mut changed = base.clone();
        changed.outcome = Outcome::Deny;
        assert_ne!(h, entry_hash(2, GENESIS, 1, 5, &changed));
        assert_eq!(entry_hash(3, GENESIS, 1, 5, &base), None);
    }
}
