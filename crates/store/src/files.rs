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

    /// Checks once, at start-up, that files can be written and read back, so that a wrong folder,
    /// bucket or credential fails at once with a clear message rather than at a citizen's first
    /// upload. Writes the empty file, which is harmless: it is a valid content-addressed file.
    async fn check(&self) -> Result<()> {
        let sha = self.put(b"").await?;
        match self.get(&sha).await? {
            Some(bytes) if bytes.is_empty() => Ok(()),
            _ => Err(StoreError::Files(
                "a file just written could not be read back".into(),
            )),
        }
    }
}

/// Whether any row still names this file (a sent document, a letter, a draft's file or preview).
pub(crate) async fn referenced(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sha256: &str,
) -> Result<bool> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM submission_documents WHERE sha256 = $1
         UNION ALL SELECT 1 AS one FROM letters WHERE sha256 = $1
         UNION ALL SELECT 1 AS one FROM draft_files WHERE sha256 = $1 OR thumb_sha256 = $1
         UNION ALL SELECT 1 AS one FROM pending_files WHERE sha256 = $1 OR thumb_sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some())
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `name` is one of our own file names: 64 lower-case hex digits. Every store checks this
/// before building a path or key from a name, so a crafted name cannot leave the folder or prefix.
pub fn is_file_name(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `bytes` if their SHA-256 is `sha256`, otherwise an error naming `place`. Hashes on a blocking
/// thread: a large document takes some milliseconds, which must not stall other requests.
pub(crate) async fn verified(sha256: &str, bytes: Vec<u8>, place: String) -> Result<Vec<u8>> {
    let (actual, bytes) = tokio::task::spawn_blocking(move || (sha256_hex(&bytes), bytes))
        .await
        .map_err(|e| StoreError::Files(e.to_string()))?;
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
        return Err(StoreError::Files(
            "this build has no S3 support (feature `s3` of velferd-store)".into(),
        ));
    }
    if let Some((scheme, _)) = location.split_once("://") {
        return Err(StoreError::Files(format!(
            "unsupported file store {scheme}:// (use a folder or s3://BUCKET/PREFIX)"
        )));
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
        let path = self
            .path(&sha)
            .ok_or_else(|| StoreError::Corrupt("bad hash".into()))?;
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(sha);
        }
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(|e| io(e, &dir))?;
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
            Ok(b) => verified(sha256, b, path.display().to_string())
                .await
                .map(Some),
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
        assert_eq!(
            files.get("../../etc/passwd").await.unwrap(),
            None,
            "only our own names"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.0.join(&a[..2]))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        files.delete(&a).await.unwrap();
        assert_eq!(files.get(&a).await.unwrap(), None);
        files.delete(&a).await.unwrap();
    }
}
