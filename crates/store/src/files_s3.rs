//! Files in S3-compatible object storage (AWS S3, MinIO, Ceph, Garage …), so that several
//! `velferd serve` processes share one store: `--files s3://BUCKET/PREFIX`.
//!
//! One object per file, named `PREFIX/SHA256`. A PUT is atomic in S3 (readers see the old object
//! or the whole new one, never part of it), and every request is signed with the SHA-256 of its
//! body (SigV4), so the server refuses an upload damaged on the way.

use std::time::Duration;

use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path;
use object_store::{BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};

use crate::files::{is_file_name, sha256_hex, verified, Files, StoredFile};
use crate::{Result, StoreError};

/// What to say when the bucket cannot be used at start-up.
const CHECK_HINT: &str = "check that the bucket exists and that AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are right";

/// Files as objects in one bucket, under an optional prefix.
pub struct S3Files {
    store: AmazonS3,
    bucket: String,
    prefix: Path,
    /// Where the bucket is, for messages (no credentials).
    endpoint: String,
}

impl std::fmt::Debug for S3Files {
    // By hand: the client holds the credentials, which must never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Files").field("bucket", &self.bucket).field("prefix", &self.prefix.as_ref()).field("endpoint", &self.endpoint).finish()
    }
}

impl S3Files {
    /// The store at `url` (`s3://BUCKET` or `s3://BUCKET/PREFIX`), set up from the `AWS_*`
    /// environment variables as the AWS tools name them: `AWS_ENDPOINT_URL` (for a server other
    /// than AWS; `http://` is allowed for a local one), `AWS_REGION` or `AWS_DEFAULT_REGION`,
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`. Without keys the
    /// credentials come from the platform (web identity token, container or instance role).
    pub fn from_env(url: &str) -> Result<S3Files> {
        // vars_os: std::env::vars panics on a variable that is not UTF-8, and any may be set.
        let settings = std::env::vars_os().filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))).filter(|(k, _)| k.starts_with("AWS_"));
        S3Files::new(url, settings)
    }

    /// Like [`S3Files::from_env`], with the settings given as (name, value) pairs, names as the
    /// environment variables or object_store's keys (`aws_endpoint_url`, `aws_region` …, any case).
    /// Names that are not S3 settings are ignored, as other `AWS_*` variables are.
    pub fn new<K: AsRef<str>, V: Into<String>>(url: &str, settings: impl IntoIterator<Item = (K, V)>) -> Result<S3Files> {
        let (bucket, prefix) = parse_url(url)?;
        let mut builder = AmazonS3Builder::new()
            .with_client_options(ClientOptions::new().with_connect_timeout(Duration::from_secs(5)).with_timeout(Duration::from_secs(120)))
            // A few quick retries: a citizen waiting on an upload is better served by an error
            // than by object_store's default of ten retries over three minutes.
            .with_retry(RetryConfig { backoff: BackoffConfig::default(), max_retries: 3, retry_timeout: Duration::from_secs(30) });
        for (name, value) in settings {
            if let Ok(key) = name.as_ref().to_ascii_lowercase().parse::<AmazonS3ConfigKey>() {
                builder = builder.with_config(key, value);
            }
        }
        let endpoint = builder.get_config_value(&AmazonS3ConfigKey::S3Endpoint).or_else(|| builder.get_config_value(&AmazonS3ConfigKey::Endpoint));
        if endpoint.as_deref().is_some_and(|e| e.starts_with("http://")) {
            builder = builder.with_allow_http(true);
        }
        let endpoint = match endpoint {
            // Error messages name the endpoint; it must have nothing secret in it.
            Some(e) if has_userinfo(&e) => return Err(StoreError::Files("AWS_ENDPOINT_URL: credentials go in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, not in the URL".into())),
            Some(e) => e,
            None => format!(
                "AWS S3 ({})",
                builder.get_config_value(&AmazonS3ConfigKey::Region).or_else(|| builder.get_config_value(&AmazonS3ConfigKey::DefaultRegion)).unwrap_or_else(|| "us-east-1".into())
            ),
        };
        // The URL names the bucket, whatever AWS_BUCKET says.
        let store = builder.with_bucket_name(&bucket).build().map_err(|e| StoreError::Files(format!("S3 bucket {bucket}: {}", with_causes(&e))))?;
        Ok(S3Files { store, bucket, prefix, endpoint })
    }

    fn key(&self, sha256: &str) -> Path {
        self.prefix.clone().join(sha256)
    }

    fn error(&self, what: &str, e: &object_store::Error) -> StoreError {
        StoreError::Files(format!("S3 bucket {} at {}: {what}: {}", self.bucket, self.endpoint, with_causes(e)))
    }
}

#[async_trait::async_trait]
impl Files for S3Files {
    /// Writes the object even when it exists: the content is the same by its name, one request is
    /// cheaper than asking first, and a damaged copy is replaced.
    async fn put(&self, bytes: &[u8]) -> Result<String> {
        let sha = sha256_hex(bytes);
        match self.store.put(&self.key(&sha), PutPayload::from(bytes.to_vec())).await {
            Ok(_) => Ok(sha),
            // S3 answers a PUT with 404 only when the bucket is not there.
            Err(object_store::Error::NotFound { .. }) => Err(StoreError::Files(format!("S3 bucket {} at {}: no such bucket", self.bucket, self.endpoint))),
            Err(e) => Err(self.error(&format!("cannot store {sha}"), &e)),
        }
    }

    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        if !is_file_name(sha256) {
            return Ok(None);
        }
        let key = self.key(sha256);
        let read = match self.store.get(&key).await {
            Ok(found) => found.bytes().await,
            Err(e) => Err(e),
        };
        match read {
            Ok(bytes) => verified(sha256, Vec::from(bytes), format!("object {key} in S3 bucket {}", self.bucket)).await.map(Some),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.error(&format!("cannot read {sha256}"), &e)),
        }
    }

    async fn delete(&self, sha256: &str) -> Result<()> {
        if !is_file_name(sha256) {
            return Ok(());
        }
        match self.store.delete(&self.key(sha256)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.error(&format!("cannot delete {sha256}"), &e)),
        }
    }

    /// Lists the objects under the prefix (needs the right to list the bucket, which serving does
    /// not: only the sweep asks for it).
    async fn list(&self) -> Result<Vec<StoredFile>> {
        let listed = self
            .store
            .list_with_delimiter(Some(&self.prefix))
            .await
            .map_err(|e| self.error("cannot list the files (the sweep of unnamed files needs the right to list the bucket)", &e))?;
        Ok(listed
            .objects
            .into_iter()
            .filter_map(|o| {
                let name = o.location.filename()?.to_owned();
                is_file_name(&name).then(|| StoredFile { sha256: name, written_ms: o.last_modified.timestamp_millis() })
            })
            .collect())
    }

    /// Asks for the object's time first: S3 has no conditional delete, so a PUT of the same bytes
    /// between the two requests could still be lost; the sweep's grace period makes that a PUT
    /// within milliseconds of a file unnamed for an hour.
    async fn delete_if_written_before(&self, sha256: &str, before_ms: i64) -> Result<bool> {
        if !is_file_name(sha256) {
            return Ok(false);
        }
        match self.store.head(&self.key(sha256)).await {
            Ok(meta) if meta.last_modified.timestamp_millis() < before_ms => {
                self.delete(sha256).await?;
                Ok(true)
            }
            Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(self.error(&format!("cannot look up {sha256}"), &e)),
        }
    }

    /// Writes and reads back the empty file, which needs exactly the rights the server uses (no
    /// right to list the bucket), and says what to check when that fails.
    async fn check(&self) -> Result<()> {
        let probe = async {
            let sha = self.put(b"").await?;
            match self.get(&sha).await? {
                Some(bytes) if bytes.is_empty() => Ok(()),
                _ => Err(StoreError::Files(format!("S3 bucket {} at {}: an object just written could not be read back", self.bucket, self.endpoint))),
            }
        };
        probe.await.map_err(|e| match e {
            StoreError::Files(message) => StoreError::Files(format!("{message} ({CHECK_HINT})")),
            other => other,
        })
    }
}

/// `s3://BUCKET[/PREFIX]` → the bucket and the prefix.
fn parse_url(url: &str) -> Result<(String, Path)> {
    let rest = url.strip_prefix("s3://").ok_or_else(|| StoreError::Files("an S3 file store is named s3://BUCKET or s3://BUCKET/PREFIX".into()))?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    // The value is not echoed: someone may have put credentials in it, which belong in AWS_*.
    let bucket_ok = (3..=63).contains(&bucket.len())
        && bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && !bucket.starts_with(['.', '-'])
        && !bucket.ends_with(['.', '-']);
    if !bucket_ok {
        return Err(StoreError::Files(
            "s3://BUCKET/PREFIX: not a valid bucket name (3 to 63 lower-case letters, digits, dots and hyphens); credentials go in AWS_* environment variables, not in the URL"
                .into(),
        ));
    }
    let prefix = Path::parse(prefix).map_err(|_| StoreError::Files(format!("s3://{bucket}/PREFIX: the prefix must be names separated by single slashes, without . or ..")))?;
    Ok((bucket.to_owned(), prefix))
}

/// Whether a URL has `user:password@` before its host.
fn has_userinfo(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest[..rest.find('/').unwrap_or(rest.len())].contains('@')
}

/// An error with its causes ("connection refused" is often only in the innermost one).
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = c.source();
    }
    // One line for the log, whatever the server put in its error body.
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_a_bucket_and_an_optional_prefix() {
        let (bucket, prefix) = parse_url("s3://velferd-files").unwrap();
        assert_eq!((bucket.as_str(), prefix.as_ref()), ("velferd-files", ""));
        let (bucket, prefix) = parse_url("s3://velferd.files/oslo/dokumenter/").unwrap();
        assert_eq!((bucket.as_str(), prefix.as_ref()), ("velferd.files", "oslo/dokumenter"));
        for bad in ["s3://", "s3://AB", "s3://key:secret@bucket/x", "s3://-bucket", "s3://bucket/a//b", "s3://bucket/../x", "/data/files"] {
            let message = parse_url(bad).unwrap_err().to_string();
            assert!(!message.contains("secret"), "{bad}: {message}");
        }
    }

    #[test]
    fn messages_never_show_credentials() {
        let refused = S3Files::new("s3://bucket/p", [("AWS_ENDPOINT_URL", "http://k:hemmelig@127.0.0.1:9/x@y")]).unwrap_err().to_string();
        assert!(refused.contains("AWS_ENDPOINT_URL") && !refused.contains("hemmelig"), "{refused}");
        assert!(!has_userinfo("https://s3.example.no/a@b") && has_userinfo("k:s@s3.example.no"));
        let files = S3Files::new("s3://bucket/p", [("AWS_ENDPOINT_URL", "http://127.0.0.1:9"), ("AWS_SECRET_ACCESS_KEY", "hemmelig"), ("AWS_ACCESS_KEY_ID", "id")]).unwrap();
        assert!(!format!("{files:?}").contains("hemmelig"), "{files:?}");
    }
}
