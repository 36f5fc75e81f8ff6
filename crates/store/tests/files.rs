//! The two file stores, a local folder and S3-compatible object storage (a real moto server, see
//! `velferd_store::testing::s3`), held to one contract by one test function.

#![allow(clippy::unwrap_used)]

use std::future::Future;
use std::pin::Pin;

use velferd_store::files::{self, sha256_hex, Files};
use velferd_store::testing::{s3, temp_dir};
use velferd_store::{LocalFiles, StoreError};

/// Overwrites the stored file named by its first argument with the bytes of the second, behind the
/// store's back (a disk error, or someone with access to the bucket).
type Tamper<'a> = &'a (dyn Fn(String, Vec<u8>) -> Pin<Box<dyn Future<Output = ()> + 'a>> + 'a);

/// What every file store must do, whatever keeps the bytes.
async fn keeps_the_files_contract(files: &dyn Files, tamper: Tamper<'_>, label: &str) {
    files.check().await.unwrap_or_else(|e| panic!("{label}: start-up check: {e}"));

    // Named by content, stored once: putting the same bytes again (even at the same time) is fine.
    let sha = files.put(b"husleiekontrakt").await.unwrap();
    assert_eq!(sha, sha256_hex(b"husleiekontrakt"), "{label}");
    assert_eq!(files.get(&sha).await.unwrap().as_deref(), Some(&b"husleiekontrakt"[..]), "{label}");
    assert_eq!(files.put(b"husleiekontrakt").await.unwrap(), sha, "{label}: idempotent");
    let (a, b) = tokio::join!(files.put(b"kontoutskrift"), files.put(b"kontoutskrift"));
    assert_eq!(a.unwrap(), b.unwrap(), "{label}: two uploads of the same file at once");
    assert_eq!(files.get(&sha256_hex(b"kontoutskrift")).await.unwrap().as_deref(), Some(&b"kontoutskrift"[..]), "{label}");

    // A document of some size comes back byte for byte.
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let big_sha = files.put(&big).await.unwrap();
    assert!(files.get(&big_sha).await.unwrap() == Some(big), "{label}: 3 MB round trip");

    // Missing files and names that are not ours find nothing; removing them is no error.
    assert_eq!(files.get(&sha256_hex(b"never stored")).await.unwrap(), None, "{label}: missing");
    for bad in ["../../etc/passwd", "", &sha.to_uppercase(), &format!("{}/../{}", &sha[..30], &sha[..31]), &format!("{sha}x"), &sha[1..]] {
        assert_eq!(files.get(bad).await.unwrap(), None, "{label}: {bad:?} is not a file name");
        files.delete(bad).await.unwrap_or_else(|e| panic!("{label}: delete {bad:?}: {e}"));
    }

    // A file changed behind the store's back is refused, never served as the citizen's document.
    let real = files.put(b"vedtak: innvilget").await.unwrap();
    tamper(real.clone(), b"vedtak: avslatt".to_vec()).await;
    match files.get(&real).await {
        Err(StoreError::Corrupt(message)) => assert!(message.contains("does not match"), "{label}: {message}"),
        other => panic!("{label}: a tampered file must be refused, got {other:?}"),
    }

    // The sweep's view: every file with when it was written, and removal only of what was
    // written before a given moment.
    let now_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let listed = files.list().await.unwrap_or_else(|e| panic!("{label}: list: {e}"));
    let found = listed.iter().find(|f| f.sha256 == big_sha).unwrap_or_else(|| panic!("{label}: the big file is listed"));
    assert!((now_ms - 120_000..=now_ms + 120_000).contains(&found.written_ms), "{label}: written just now: {}", found.written_ms);
    assert!(listed.iter().all(|f| files::is_file_name(&f.sha256)), "{label}: only our names");
    let doomed = files.put(b"unnamed").await.unwrap();
    assert!(!files.delete_if_written_before(&doomed, now_ms - 3_600_000).await.unwrap(), "{label}: written after the moment: stays");
    assert!(files.get(&doomed).await.unwrap().is_some(), "{label}");
    assert!(files.delete_if_written_before(&doomed, now_ms + 3_600_000).await.unwrap(), "{label}: written before: removed");
    assert_eq!(files.get(&doomed).await.unwrap(), None, "{label}");
    assert!(!files.delete_if_written_before(&doomed, now_ms + 3_600_000).await.unwrap(), "{label}: already gone");

    // Deleting removes the file; deleting it again is no error.
    files.delete(&sha).await.unwrap();
    assert_eq!(files.get(&sha).await.unwrap(), None, "{label}: deleted");
    files.delete(&sha).await.unwrap();
    assert_eq!(files.get(&big_sha).await.unwrap().map(|b| b.len()), Some(3_000_000), "{label}: other files stay");
}

#[tokio::test]
async fn local_files_keep_the_contract() {
    let dir = temp_dir();
    let root = dir.0.join("files");
    let files = LocalFiles::new(&root);
    let tamper = |sha: String, bytes: Vec<u8>| -> Pin<Box<dyn Future<Output = ()> + '_>> {
        let path = root.join(&sha[..2]).join(&sha);
        Box::pin(async move { std::fs::write(path, bytes).unwrap() })
    };
    keeps_the_files_contract(&files, &tamper, "local").await;
}

#[tokio::test]
async fn s3_files_keep_the_contract() {
    let Some(server) = s3::server() else { return };
    for prefix in ["", "oslo/dokumenter"] {
        let files = server.files(prefix);
        let server = &server;
        let tamper = move |sha: String, bytes: Vec<u8>| -> Pin<Box<dyn Future<Output = ()> + '_>> {
            let key = if prefix.is_empty() { sha } else { format!("{prefix}/{sha}") };
            Box::pin(async move { server.put_object(&key, &bytes).await })
        };
        keeps_the_files_contract(&files, &tamper, &format!("s3 prefix {prefix:?}")).await;
    }
}

#[tokio::test]
async fn s3_objects_are_named_by_their_sha256_under_the_prefix() {
    let Some(server) = s3::server() else { return };
    let oslo = server.files("oslo");
    let bergen = server.files("bergen/");
    let sha = oslo.put(b"lonnsslipp").await.unwrap();
    assert_eq!(server.keys("oslo").await, vec![format!("oslo/{sha}")]);
    assert_eq!(server.object(&format!("oslo/{sha}")).await.as_deref(), Some(&b"lonnsslipp"[..]));
    assert_eq!(bergen.get(&sha).await.unwrap(), None, "another prefix is another store");
    assert!(server.keys("").await.is_empty(), "nothing outside the prefix");

    // Putting again repairs a damaged object (the same name means the same bytes).
    server.put_object(&format!("oslo/{sha}"), b"damaged").await;
    assert!(oslo.get(&sha).await.is_err());
    oslo.put(b"lonnsslipp").await.unwrap();
    assert_eq!(oslo.get(&sha).await.unwrap().as_deref(), Some(&b"lonnsslipp"[..]));
}

#[tokio::test]
async fn s3_start_up_check_says_what_is_wrong_without_secrets() {
    let Some(server) = s3::server() else { return };
    let missing = velferd_store::S3Files::new("s3://no-such-bucket/files", server.settings()).unwrap();
    let message = missing.check().await.unwrap_err().to_string();
    assert!(message.contains("no-such-bucket") && message.contains("no such bucket") && message.contains(&server.endpoint) && message.contains("AWS_ENDPOINT_URL"), "{message}");
    assert!(!message.contains("velferd-test-secret"), "{message}");

    // Nothing listens on the port any more.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let settings = server.settings().into_iter().map(|(k, v)| if k == "AWS_ENDPOINT_URL" { (k, format!("http://127.0.0.1:{closed}")) } else { (k, v) });
    let unreachable = velferd_store::S3Files::new("s3://velferd-test", settings).unwrap();
    let started = std::time::Instant::now();
    let message = unreachable.check().await.unwrap_err().to_string();
    assert!(message.contains(&format!("127.0.0.1:{closed}")) && message.contains("AWS_ENDPOINT_URL"), "{message}");
    assert!(!message.contains("velferd-test-secret"), "{message}");
    assert!(started.elapsed().as_secs() < 30, "fails within seconds, not minutes: {:?}", started.elapsed());
}

#[test]
fn the_files_option_names_a_folder_or_a_bucket() {
    assert!(files::open("velferd-data/files").is_ok());
    assert!(files::open("s3://velferd-files/oslo").is_ok(), "nothing is contacted before check()");
    let message = files::open("gs://bucket").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("gs://") && message.contains("s3://BUCKET/PREFIX"), "{message}");
    let message = files::open("s3://AKIA:hemmelig@bucket").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("bucket name") && !message.contains("hemmelig"), "{message}");
}
