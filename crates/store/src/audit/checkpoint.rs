//! Signed checkpoints of the audit chain's head, so that the log's end can be checked from outside
//! the database.
//!
//! The hash chain shows that no entry was changed, inserted or removed *between* others, but not
//! that entries were cut from the end, and someone who can write the database can recompute every
//! hash. A checkpoint is the head (`seq` and `hash` of the newest entry) signed with an Ed25519 key
//! that is kept outside the database: the server signs one at start, every few minutes when the log
//! grew, and at shutdown, into a folder outside the database (and `velferd audit checkpoint`
//! prints one for an external witness). `verify` then holds the chain to every checkpoint it is
//! given: an entry that differs from a checkpoint means the log was rewritten, a log that ends
//! before a checkpoint was cut short. Without the key nobody can make a checkpoint that fits a
//! rewritten log.
//!
//! A checkpoint is one line of text:
//!
//! ```text
//! velferd-audit-checkpoint seq=24 hash=<64 hex> at_ms=<ms since 1970> key=<public key, 64 hex> signature=<128 hex>
//! ```
//!
//! The signature covers `velferd-audit-checkpoint-v1\0`, then `seq` and `at_ms` as 8 bytes
//! big-endian each, then the length of `hash` (8 bytes big-endian) and `hash`.

use std::fmt;
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use velferd_domain::Millis;

use super::encoding::hex;
use super::{chain, AuditHead, ChainCheck};
use crate::{Result, Store, StoreError};

const MAGIC: &str = "velferd-audit-checkpoint";
/// How many checkpoint files a folder keeps; the newest one covers everything before it, older
/// ones only help if the newest are deleted.
const KEEP: usize = 100;

fn error(message: impl Into<String>) -> StoreError {
    StoreError::Checkpoint(message.into())
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    let digit = |b: u8| (b as char).to_digit(16);
    text.as_bytes().chunks(2).map(|pair| Some((digit(pair[0])? * 16 + digit(*pair.get(1)?)?) as u8)).collect()
}

/// The secret key that signs checkpoints (Ed25519). Kept in a file outside the database, readable
/// only by the server's user; its `Debug` shows only the public half.
pub struct AuditKey {
    signing: SigningKey,
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuditKey(public {})", self.public_key())
    }
}

impl AuditKey {
    /// A new random key.
    pub fn generate() -> AuditKey {
        use rand::Rng;
        // rand's thread generator is a CSPRNG seeded from the operating system.
        let seed: [u8; 32] = rand::rng().random();
        AuditKey { signing: SigningKey::from_bytes(&seed) }
    }

    /// Makes a new key and writes it to `path` (64 hex digits and a newline, mode 0600 on Unix),
    /// creating the folder. Refuses a path that exists, so a key in use is never overwritten.
    pub fn create(path: &Path) -> Result<AuditKey> {
        use std::io::Write;
        let key = AuditKey::generate();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| error(format!("{}: {e}", parent.display())))?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path).map_err(|e| error(format!("{}: {e}", path.display())))?;
        file.write_all(format!("{}\n", hex(&key.signing.to_bytes())).as_bytes()).and_then(|()| file.sync_all()).map_err(|e| error(format!("{}: {e}", path.display())))?;
        Ok(key)
    }

    /// Reads a key written by [`AuditKey::create`]. The error names the file, never its content.
    pub fn load(path: &Path) -> Result<AuditKey> {
        let text = std::fs::read_to_string(path).map_err(|e| error(format!("{}: {e}", path.display())))?;
        let bytes: [u8; 32] = from_hex(text.trim()).and_then(|b| b.try_into().ok()).ok_or_else(|| error(format!("{}: not an audit key (64 hex digits)", path.display())))?;
        Ok(AuditKey { signing: SigningKey::from_bytes(&bytes) })
    }

    /// The public half, which checks what this key signs.
    pub fn public_key(&self) -> AuditPublicKey {
        AuditPublicKey(self.signing.verifying_key())
    }

    /// Signs `head` as it was at `at_ms`.
    pub fn sign(&self, head: &AuditHead, at_ms: Millis) -> Checkpoint {
        let signature = self.signing.sign(&message(head, at_ms));
        Checkpoint { head: head.clone(), at_ms, key: self.public_key(), signature }
    }
}

/// The public half of an [`AuditKey`], which checks checkpoints; printed as 64 hex digits. A
/// witness keeps it beside the checkpoints it holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AuditPublicKey(VerifyingKey);

impl AuditPublicKey {
    /// Parses 64 hex digits.
    pub fn parse(text: &str) -> Result<AuditPublicKey> {
        from_hex(text.trim())
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .and_then(|b| VerifyingKey::from_bytes(&b).ok())
            .map(AuditPublicKey)
            .ok_or_else(|| error("not an audit public key (64 hex digits)"))
    }
}

impl fmt::Display for AuditPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(self.0.as_bytes()))
    }
}

impl fmt::Debug for AuditPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AuditPublicKey({self})")
    }
}

fn message(head: &AuditHead, at_ms: Millis) -> Vec<u8> {
    let mut m = b"velferd-audit-checkpoint-v1\0".to_vec();
    m.extend(head.seq.to_be_bytes());
    m.extend(at_ms.to_be_bytes());
    m.extend((head.hash.len() as u64).to_be_bytes());
    m.extend(head.hash.as_bytes());
    m
}

/// A chain head signed by an [`AuditKey`]. There is no way to make one except signing it or
/// [`Checkpoint::parse`], which checks the signature against a key the caller trusts.
#[derive(Clone, PartialEq, Eq)]
pub struct Checkpoint {
    head: AuditHead,
    at_ms: Millis,
    key: AuditPublicKey,
    signature: Signature,
}

impl fmt::Debug for Checkpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Checkpoint({self})")
    }
}

impl fmt::Display for Checkpoint {
    /// The one-line form (see the module documentation).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{MAGIC} seq={} hash={} at_ms={} key={} signature={}", self.head.seq, self.head.hash, self.at_ms, self.key, hex(&self.signature.to_bytes()))
    }
}

impl Checkpoint {
    /// Reads the one-line form and checks its signature with `trusted`. Errors: not a checkpoint
    /// line, signed with another key, or a signature that does not match (the line was changed).
    pub fn parse(text: &str, trusted: &AuditPublicKey) -> Result<Checkpoint> {
        let bad = || error("not an audit checkpoint line");
        let mut words = text.split_whitespace();
        if words.next() != Some(MAGIC) {
            return Err(bad());
        }
        let mut fields = std::collections::BTreeMap::new();
        for word in words {
            let (name, value) = word.split_once('=').ok_or_else(bad)?;
            if fields.insert(name, value).is_some() {
                return Err(bad());
            }
        }
        let field = |name: &str| fields.get(name).copied().ok_or_else(bad);
        if fields.len() != 5 {
            return Err(bad());
        }
        let head = AuditHead { seq: field("seq")?.parse().map_err(|_| bad())?, hash: field("hash")?.to_owned() };
        let at_ms: Millis = field("at_ms")?.parse().map_err(|_| bad())?;
        let key = AuditPublicKey::parse(field("key")?)?;
        let signature = from_hex(field("signature")?).and_then(|b| <[u8; 64]>::try_from(b).ok()).map(|b| Signature::from_bytes(&b)).ok_or_else(bad)?;
        if key != *trusted {
            return Err(error(format!("the checkpoint of entry {} is signed with another key ({key})", head.seq)));
        }
        trusted.0.verify_strict(&message(&head, at_ms), &signature).map_err(|_| error(format!("the checkpoint of entry {} does not match its signature", head.seq)))?;
        Ok(Checkpoint { head, at_ms, key, signature })
    }

    /// The entry it vouches for: the chain's newest entry when it was signed.
    pub fn head(&self) -> &AuditHead {
        &self.head
    }

    /// When it was signed (ms since 1970, UTC).
    pub fn at_ms(&self) -> Millis {
        self.at_ms
    }

    /// "the checkpoint of entry 24 signed 2026-11-30 16:52:26 UTC", for messages.
    pub fn describe(&self) -> String {
        format!("the checkpoint of entry {} signed {}", self.head.seq, self.signed_at())
    }

    /// When it was signed, as "2026-11-30 16:52:26 UTC".
    pub fn signed_at(&self) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.at_ms) * 1_000_000)
            .ok()
            .and_then(|t| t.format(&format).ok())
            .unwrap_or_else(|| format!("at {} ms", self.at_ms))
    }
}

/// A folder of checkpoint files, outside the database: `<seq, 20 digits>.checkpoint`, one line
/// each. Several servers may write into the same folder; a file is written under a temporary name
/// and renamed, so a reader never sees half of one.
#[derive(Debug, Clone)]
pub struct CheckpointFolder {
    dir: PathBuf,
}

impl CheckpointFolder {
    /// The folder `dir`; nothing is created or read until [`CheckpointFolder::write`] or
    /// [`CheckpointFolder::read`].
    pub fn new(dir: impl Into<PathBuf>) -> CheckpointFolder {
        CheckpointFolder { dir: dir.into() }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `checkpoint` (creating the folder), then removes the oldest files beyond the newest
    /// hundred and temporary files left by a crash. Returns the file's path.
    pub fn write(&self, checkpoint: &Checkpoint) -> Result<PathBuf> {
        use std::io::Write;
        let io = |e: std::io::Error, p: &Path| error(format!("{}: {e}", p.display()));
        std::fs::create_dir_all(&self.dir).map_err(|e| io(e, &self.dir))?;
        let path = self.dir.join(format!("{:020}.checkpoint", checkpoint.head.seq));
        let temp = self.dir.join(format!(".tmp-{}", crate::new_id()));
        let mut file = std::fs::File::create(&temp).map_err(|e| io(e, &temp))?;
        file.write_all(format!("{checkpoint}\n").as_bytes()).and_then(|()| file.sync_all()).map_err(|e| io(e, &temp))?;
        std::fs::rename(&temp, &path).map_err(|e| io(e, &path))?;
        if let Ok(dir) = std::fs::File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        self.prune();
        Ok(path)
    }

    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut names = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".checkpoint") {
                names.push(entry.path());
            } else if name.starts_with(".tmp-") {
                // Another server may be writing this one right now; only an old one is debris.
                let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age.as_secs() > 600);
                if old {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        names.sort();
        let excess = names.len().saturating_sub(KEEP);
        for path in &names[..excess] {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Every checkpoint in the folder, oldest first; none when the folder does not exist. Errors
    /// name the first file that is not a checkpoint signed with `trusted`: a forged or damaged
    /// file is reported, never skipped.
    pub fn read(&self, trusted: &AuditPublicKey) -> Result<Vec<Checkpoint>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(error(format!("{}: {e}", self.dir.display()))),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| error(format!("{}: {e}", self.dir.display())))?;
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "checkpoint") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| error(format!("{}: {e}", path.display())))?;
            out.push(Checkpoint::parse(&text, trusted).map_err(|e| error(format!("{}: {e}", path.display())))?);
        }
        out.sort_by_key(|c| c.head.seq);
        Ok(out)
    }
}

/// Signs the chain's head into a [`CheckpointFolder`] whenever it moved, after checking the entries
/// added since the last checkpoint, so that a checkpoint never vouches for a rewritten or cut log.
pub struct Checkpointer {
    store: Store,
    key: AuditKey,
    folder: CheckpointFolder,
    last: Option<Checkpoint>,
}

impl Checkpointer {
    /// Starts from the newest checkpoint in `folder`. Errors when the folder holds a file that is
    /// not a checkpoint signed with `key` (a forged file, or checkpoints of a key no longer used:
    /// move those aside).
    pub fn new(store: Store, key: AuditKey, folder: CheckpointFolder) -> Result<Checkpointer> {
        let last = folder.read(&key.public_key())?.pop();
        Ok(Checkpointer { store, key, folder, last })
    }

    /// The public half of the signing key (logged at start, for whoever checks the checkpoints).
    pub fn public_key(&self) -> AuditPublicKey {
        self.key.public_key()
    }

    /// The newest checkpoint: a new one, written to the folder, when the log grew since the last;
    /// the last one when it did not; `None` while the log is empty. The entries since the last
    /// checkpoint (all of them the first time) are checked first; an error says what is wrong
    /// when the log does not continue the last checkpoint, and nothing is signed then.
    pub async fn checkpoint(&mut self, now: Millis) -> Result<Option<Checkpoint>> {
        let from = self.last.as_ref().map(|c| c.head.clone());
        let walk = {
            let mut tx = self.store.begin_snapshot().await?;
            let walk = chain::walk(&mut tx, from.as_ref(), &[]).await?;
            tx.rollback().await?;
            walk
        };
        if !matches!(walk.check, ChainCheck::Intact { .. }) {
            return Err(error(format!("not signing the audit log's head: {}", walk.check)));
        }
        match walk.last {
            None => Ok(self.last.clone()),
            Some(head) if Some(&head) == from.as_ref() => Ok(self.last.clone()),
            Some(head) => {
                let checkpoint = self.key.sign(&head, now);
                self.folder.write(&checkpoint)?;
                self.last = Some(checkpoint.clone());
                Ok(Some(checkpoint))
            }
        }
    }
}
