//! Walking the chain: every entry must follow the one before it, hash to what is stored, and agree
//! with the chain head row and with every signed checkpoint given. Reads a page of entries at a
//! time, so memory stays bounded however long the log is.

use std::collections::BTreeMap;

use sqlx::Row;

use super::encoding::{entry_hash, GENESIS};
use super::{AuditEntry, AuditHead, ChainCheck, Checkpoint, Outcome};
use crate::Result;

const PAGE: i64 = 1000;

/// What a walk found, and the newest entry it reached (what a new checkpoint may sign).
pub(crate) struct Walk {
    pub check: ChainCheck,
    pub last: Option<AuditHead>,
}

/// Walks the chain inside `conn`'s transaction (a snapshot, so that the head row and the entries
/// are read at one moment). From the first entry when `from` is `None`; otherwise from an entry
/// already checked (a previous checkpoint), which must still be there with the same hash.
pub(crate) async fn walk(conn: &mut sqlx::AnyConnection, from: Option<&AuditHead>, checkpoints: &[Checkpoint]) -> Result<Walk> {
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_optional(&mut *conn)
        .await?
        .map(|r| Ok::<_, sqlx::Error>(AuditHead { seq: r.try_get("seq")?, hash: r.try_get("hash")? }))
        .transpose()?;
    let signed: BTreeMap<i64, &Checkpoint> = checkpoints.iter().map(|c| (c.head().seq, c)).collect();

    let (mut seq, mut prev) = match from {
        None => (0, GENESIS.to_owned()),
        Some(from) => {
            let row = sqlx::query("SELECT hash FROM audit_log WHERE seq = $1").bind(from.seq).fetch_optional(&mut *conn).await?;
            match row {
                Some(r) if r.try_get::<String, _>("hash")? == from.hash => (from.seq, from.hash.clone()),
                Some(_) => {
                    let reason = format!("entry {} differs from the last checkpoint: the log was rewritten", from.seq);
                    return Ok(Walk { check: ChainCheck::Broken { seq: from.seq, reason }, last: None });
                }
                None => {
                    let row = sqlx::query("SELECT MAX(seq) AS n FROM audit_log").fetch_one(&mut *conn).await?;
                    let entries = row.try_get::<Option<i64>, _>("n")?.unwrap_or(0);
                    let check = ChainCheck::Truncated { entries, expected: from.seq, evidence: "the last checkpoint".into() };
                    return Ok(Walk { check, last: None });
                }
            }
        }
    };

    loop {
        let rows = sqlx::query(
            "SELECT seq, at_ms, actor, actor_name, role, office, action, person, application_id, outcome, prev_hash, hash, hash_version
             FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await?;
        for r in &rows {
            let found: i64 = r.try_get("seq")?;
            let expected = seq + 1;
            if found != expected {
                let reason = format!("entry {expected} is missing (next is {found})");
                return Ok(Walk { check: ChainCheck::Broken { seq: expected, reason }, last: None });
            }
            let outcome: String = r.try_get("outcome")?;
            let entry = AuditEntry {
                actor: r.try_get("actor")?,
                actor_name: r.try_get("actor_name")?,
                role: r.try_get("role")?,
                office: r.try_get("office")?,
                action: r.try_get("action")?,
                person: r.try_get("person")?,
                application_id: r.try_get("application_id")?,
                outcome: if outcome == "PERMIT" { Outcome::Permit } else { Outcome::Deny },
            };
            let stored_prev: String = r.try_get("prev_hash")?;
            let stored: String = r.try_get("hash")?;
            let computed = entry_hash(r.try_get("hash_version")?, &prev, found, r.try_get("at_ms")?, &entry);
            if stored_prev != prev || outcome != entry.outcome.as_str() || computed.as_deref() != Some(stored.as_str()) {
                let reason = format!("entry {found} was changed, or an entry before it was");
                return Ok(Walk { check: ChainCheck::Broken { seq: found, reason }, last: None });
            }
            if let Some(c) = signed.get(&found).filter(|c| c.head().hash != stored) {
                let reason = format!("entry {found} differs from {}: the log was rewritten up to here", c.describe());
                return Ok(Walk { check: ChainCheck::Broken { seq: found, reason }, last: None });
            }
            if head.as_ref().is_some_and(|h| h.seq == found && h.hash != stored) {
                let reason = format!("entry {found} differs from the chain head row");
                return Ok(Walk { check: ChainCheck::Broken { seq: found, reason }, last: None });
            }
            seq = found;
            prev = stored;
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }

    // The entries link; now whether any were cut from the end. Entries beyond the head row are not
    // a fault (a Velferd from before migration 0012 appends without moving it).
    let beyond = signed.range(seq + 1..).next_back().map(|(s, c)| (*s, format!("a checkpoint signed {}", c.signed_at())));
    let head_beyond = head.filter(|h| h.seq > seq).map(|h| (h.seq, "the chain head row in the database".to_owned()));
    let cut = match (beyond, head_beyond) {
        (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    let check = match cut {
        Some((expected, evidence)) => ChainCheck::Truncated { entries: seq, expected, evidence },
        None => ChainCheck::Intact { entries: seq },
    };
    let last = (seq > 0).then_some(AuditHead { seq, hash: prev });
    Ok(Walk { check, last })
}
