//! Files, content-addressed by SHA-256, behind a trait: a local folder by default, or an
//! S3-compatible object store (`s3://BUCKET/PREFIX`) when several servers share the files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::{Result, StoreError};

/// Where file bytes live. `put` is idempotent (same bytes, same name) and atomic: a reader never
/// sees half a file, and an interrupted write leaves nothing under the final name. `get` returns
/// only bytes whose SHA-256 is their name: a file damaged or changed outside Velferd is an error,
/// never served as someone's document.
#[async_trait::async_trait]
pub trait Files: Send + Sync {
    /// Stores `bytes`; returns their SHA-256 (hex), which is also their name.
    async fn put(&self, bytes: &[u8]) -> Result<String>;
    /// The file named `sha256`, or `None` when there is none (or the name is not a SHA-256).
    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>>;
    /// Removes a file (retention). Removing one that is not there is not an error.
    async fn delete(&self, sha256: &str) -> Result<()>;

    /// Every stored file with when it was last written, for the sweep of files no row names
    /// ([`sweep`]). Names that are not ours (64 lower-case hex digits) and temp files are left
    /// out. On S3 this needs the right to list the bucket.
    async fn list(&self) -> Result<Vec<StoredFile>>;

    /// Removes the file `sha256` only if it was last written before `before_ms` (ms since the
    /// epoch); true if it was removed. [`Files::put`] of bytes already stored counts as writing
    /// them, so a file stored again for a new row is not removed under that row.
    async fn delete_if_written_before(&self, sha256: &str, before_ms: i64) -> Result<bool>;

    /// Removes what interrupted writes left behind (`kill -9` during [`Files::put`]) that was last
    /// written before `before_ms`, and returns how many; with `dry_run` only counts them. None on
    /// stores whose writes appear whole or not at all (S3).
    async fn remove_leftovers(&self, _before_ms: i64, _dry_run: bool) -> Result<u64> {
        Ok(0)
    }

    /// Checks once, at start-up, that files can be written and read back, so that a wrong folder,
    /// bucket or credential fails at once with a clear message rather than at a citizen's first
    /// upload. Writes the empty file, which is harmless: it is a valid content-addressed file.
    async fn check(&self) -> Result<()> {
        let sha = self.put(b"").await?;
        match self.get(&sha).await? {
            Some(bytes) if bytes.is_empty() => Ok(()),
            _ => Err(StoreError::Files("a file just written could not be read back".into())),
        }
    }
}

/// A stored file: its name (SHA-256) and when it was last written (ms since the epoch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub written_ms: i64,
}

/// How long a file no row names is left alone after it was written (ms): an hour. Files are
/// stored before the row that names them is committed (an upload, a sending, a letter — each
/// within one request of at most half a minute), so a younger file may be about to be named.
pub const SWEEP_GRACE_MS: i64 = 3600 * 1000;

/// What [`sweep`] removed (or, in a dry run, would remove).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Temp files of interrupted writes.
    pub leftovers: u64,
    /// Files no row names: a photo uploaded or a document converted before a `kill -9` that came
    /// before its row was committed, or a file whose row was deleted before its file could be.
    pub orphans: u64,
}

/// Removes from `files` what interrupted writes left behind and the files no row names, both
/// only when last written more than `grace_ms` before `now_ms` (see [`SWEEP_GRACE_MS`]). A file
/// a row names is never removed: the names in use are read after the files are listed, and each
/// file about to go is checked against the rows once more and removed only if it was not written
/// again meanwhile. With `dry_run` nothing is removed and the counts say what would be.
/// `velferd serve` runs it at start and `velferd admin retention` with the rest of retention.
/// `now_ms` and `grace_ms` are milliseconds. Errors: the first database or file-store error ends
/// the sweep (what was removed until then stays removed; nothing named is ever touched).
pub async fn sweep(store: &crate::Store, files: &dyn Files, now_ms: i64, grace_ms: i64, dry_run: bool) -> Result<Swept> {
    let before = now_ms.saturating_sub(grace_ms);
    let leftovers = files.remove_leftovers(before, dry_run).await?;
    let listed = files.list().await?;
    let in_use = store.file_names_in_use().await?;
    let mut orphans = 0;
    for file in listed.into_iter().filter(|f| f.written_ms < before && !in_use.contains(&f.sha256)) {
        if store.file_is_named(&file.sha256).await? {
            continue;
        }
        if dry_run || files.delete_if_written_before(&file.sha256, before).await? {
            orphans += 1;
        }
    }
    Ok(Swept { leftovers, orphans })
}

/// Whether any row still names this file (a sent document, a letter, a draft's file or preview).
pub(crate) async fn referenced(tx: &mut sqlx::AnyConnection, sha256: &str) -> Result<bool> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM submission_documents WHERE sha256 = $1
         UNION ALL SELECT 1 AS one FROM letters WHERE sha256 = $1
         UNION ALL SELECT 1 AS one FROM message_attachments WHERE sha256 = $1
         UNION ALL SELECT 1 AS one FROM draft_files WHERE sha256 = $1 OR thumb_sha256 = $1
         UNION ALL SELECT 1 AS one FROM pending_files WHERE sha256 = $1 OR thumb_sha256 = $1
         UNION ALL SELECT 1 AS one FROM concern_report_files WHERE sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.is_some())
}

impl crate::Store {
    /// Every file name a row uses: sent documents, letters, drafts' files and previews (for the
    /// sweep of files no row names, `files::sweep`).
    pub async fn file_names_in_use(&self) -> Result<std::collections::HashSet<String>> {
        let rows = sqlx::query(
            "SELECT sha256 AS name FROM submission_documents
             UNION SELECT sha256 AS name FROM letters
             UNION SELECT sha256 AS name FROM message_attachments
             UNION SELECT sha256 AS name FROM draft_files
             UNION SELECT thumb_sha256 AS name FROM draft_files WHERE thumb_sha256 IS NOT NULL
             UNION SELECT sha256 AS name FROM concern_report_files",
        )
        .fetch_all(&mut *self.read().await?)
        .await?;
        rows.iter().map(|r| Ok(sqlx::Row::try_get::<String, _>(r, "name")?)).collect()
    }

    /// Whether any row names the file `sha256` now.
    pub async fn file_is_named(&self, sha256: &str) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let named = referenced(&mut tx, sha256).await?;
        tx.commit().await?;
        Ok(named)
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `name` is one of our own file names: 64 lower-case hex digits. Every store checks this
/// before building a path or key from a name, so a crafted name cannot leave the folder or prefix.
pub fn is_file_name(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `bytes` if their SHA-256 is `sha256`, otherwise an error naming `place`. Hashes on a blocking
/// thread: a large document takes some milliseconds, which must not stall other requests.
pub(crate) async fn verified(sha256: &str, bytes: Vec<u8>, place: String) -> Result<Vec<u8>> {
    let (actual, bytes) = tokio::task::spawn_blocking(move || (sha256_hex(&bytes), bytes)).await.map_err(|e| StoreError::Files(e.to_string()))?;
    if actual == sha256 {
        Ok(bytes)
    } else {
        Err(StoreError::Corrupt(format!("{place} does not match its SHA-256 name (damaged or changed outside Velferd); not served")))
    }
}

/// Opens the file store that `--files` names: `s3://BUCKET[/PREFIX]` for S3-compatible object
/// storage (endpoint, region and credentials from the standard `AWS_*` environment variables, see
/// [`crate::S3Files::from_env`]), or else a local folder. Nothing is contacted or created here;
/// call [`Files::check`] for that.
pub fn open(location: &str) -> Result<Arc<dyn Files>> {
    if location.starts_with("s3://") {
        #[cfg(feature = "s3")]
        return Ok(Arc::new(crate::S3Files::from_env(location)?));
        #[cfg(not(feature = "s3"))]
        return Err(StoreError::Files("this build has no S3 support (feature `s3` of velferd-store)".into()));
    }
    if let Some((scheme, _)) = location.split_once("://") {
        return Err(StoreError::Files(format!("unsupported file store {scheme}:// (use a folder or s3://BUCKET/PREFIX)")));
    }
    Ok(Arc::new(LocalFiles::new(location)))
}

/// Files in a local folder, spread over 256 subfolders by the first two hex digits.
pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, sha: &str) -> Option<PathBuf> {
        is_file_name(sha).then(|| self.root.join(&sha[..2]).join(sha))
    }
}

fn io(e: std::io::Error, what: &Path) -> StoreError {
    StoreError::Files(format!("{}: {e}", what.display()))
}

#[async_trait::async_trait]
impl Files for LocalFiles {
    async fn put(&self, bytes: &[u8]) -> Result<String> {
        let sha = sha256_hex(bytes);
        let path = self.path(&sha).ok_or_else(|| StoreError::Corrupt("bad hash".into()))?;
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            // Stored already: mark it written now, so the sweep of unnamed files leaves it to
            // the row about to name it (see `sweep`). If it vanished meanwhile, write it anew.
            let touched = path.clone();
            let now = std::time::SystemTime::now();
            let done = tokio::task::spawn_blocking(move || std::fs::OpenOptions::new().write(true).open(&touched).and_then(|f| f.set_modified(now)))
                .await
                .map_err(|e| StoreError::Files(e.to_string()))?;
            if done.is_ok() {
                return Ok(sha);
            }
        }
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        tokio::fs::create_dir_all(&dir).await.map_err(|e| io(e, &dir))?;
        let tmp = dir.join(format!(".{sha}.{}.tmp", crate::new_id()));
        let data = bytes.to_vec();
        let (tmp2, path2) = (tmp.clone(), path.clone());
        // Write, flush to disk, then rename: the name appears only with the whole content.
        tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp2)?;
            f.write_all(&data)?;
            f.sync_all()?;
            std::fs::rename(&tmp2, &path2)?;
            if let Some(parent) = path2.parent() {
                std::fs::File::open(parent)?.sync_all()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Files(e.to_string()))?
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e, &path)
        })?;
        Ok(sha)
    }

    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        let Some(path) = self.path(sha256) else {
            return Ok(None);
        };
        match tokio::fs::read(&path).await {
            Ok(b) => verified(sha256, b, path.display().to_string()).await.map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io(e, &path)),
        }
    }

    async fn delete(&self, sha256: &str) -> Result<()> {
        let Some(path) = self.path(sha256) else {
            return Ok(());
        };
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(e, &path)),
        }
    }

    async fn list(&self) -> Result<Vec<StoredFile>> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            for (_, entry) in local_entries(&root)? {
                let name = entry.file_name().to_string_lossy().into_owned();
                if is_file_name(&name) {
                    if let Some(written_ms) = written_ms(&entry) {
                        out.push(StoredFile { sha256: name, written_ms });
                    }
                }
            }
            Ok(out)
        })
        .await
        .map_err(|e| StoreError::Files(e.to_string()))?
    }

    async fn delete_if_written_before(&self, sha256: &str, before_ms: i64) -> Result<bool> {
        let Some(path) = self.path(sha256) else { return Ok(false) };
        tokio::task::spawn_blocking(move || match std::fs::metadata(&path) {
            Ok(meta) if meta.modified().ok().map(ms_since_epoch).is_some_and(|at| at < before_ms) => match std::fs::remove_file(&path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
                Err(e) => Err(io(e, &path)),
            },
            Ok(_) => Ok(false),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io(e, &path)),
        })
        .await
        .map_err(|e| StoreError::Files(e.to_string()))?
    }

    async fn remove_leftovers(&self, before_ms: i64, dry_run: bool) -> Result<u64> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || {
            let mut removed = 0;
            for (_, entry) in local_entries(&root)? {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !is_temp_name(&name) || written_ms(&entry).is_none_or(|at| at >= before_ms) {
                    continue;
                }
                if !dry_run {
                    match std::fs::remove_file(entry.path()) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                        Err(e) => return Err(io(e, &entry.path())),
                    }
                }
                removed += 1;
            }
            Ok(removed)
        })
        .await
        .map_err(|e| StoreError::Files(e.to_string()))?
    }
}

/// A temp file of [`LocalFiles::put`]: `.<sha256>.<id>.tmp`.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_suffix(".tmp"))
        .and_then(|n| n.split_once('.'))
        .is_some_and(|(sha, id)| is_file_name(sha) && !id.is_empty() && !id.contains(['/', '.']))
}

fn ms_since_epoch(t: std::time::SystemTime) -> i64 {
    t.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

fn written_ms(entry: &std::fs::DirEntry) -> Option<i64> {
    entry.metadata().ok()?.modified().ok().map(ms_since_epoch)
}

/// The entries of the store's two-hex-digit subfolders (where files and temp files are), with
/// their folder. A store not made yet has none.
fn local_entries(root: &Path) -> Result<Vec<(PathBuf, std::fs::DirEntry)>> {
    let mut out = Vec::new();
    let top = match std::fs::read_dir(root) {
        Ok(top) => top,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io(e, root)),
    };
    for dir in top {
        let dir = dir.map_err(|e| io(e, root))?;
        let name = dir.file_name().to_string_lossy().into_owned();
        if name.len() != 2 || !name.bytes().all(|b| b.is_ascii_hexdigit()) || !dir.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path = dir.path();
        for entry in std::fs::read_dir(&path).map_err(|e| io(e, &path))? {
            out.push((path.clone(), entry.map_err(|e| io(e, &path))?));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_are_named_by_content_and_stored_once() {
        let dir = crate::testing::temp_dir();
        let files = LocalFiles::new(&dir.0);
        let a = files.put(b"first").await.unwrap();
        assert_eq!(a, sha256_hex(b"first"));
        assert_eq!(files.put(b"first").await.unwrap(), a);
        assert_eq!(files.get(&a).await.unwrap().as_deref(), Some(&b"first"[..]));
        assert_eq!(files.get(&sha256_hex(b"other")).await.unwrap(), None);
        assert_eq!(files.get("../../etc/passwd").await.unwrap(), None, "only our own names");
        let leftovers: Vec<_> = std::fs::read_dir(dir.0.join(&a[..2])).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).collect();
        assert!(leftovers.is_empty());
        files.delete(&a).await.unwrap();
        assert_eq!(files.get(&a).await.unwrap(), None);
        files.delete(&a).await.unwrap();
    }
}
