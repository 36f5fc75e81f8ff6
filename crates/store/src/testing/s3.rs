//! A real S3-compatible server for tests: moto (PyPI, `pip install 'moto[server]'`) in server
//! mode, one per test, on a free port, with an empty bucket. The test script installs moto and
//! sets `VELFERD_REQUIRE_S3=1`; without moto the S3 half of a test is skipped with a warning,
//! unless that variable is set, so CI fails rather than passes quietly.
//!
//! moto runs under a small shell guard that stops it when our end of its input closes: on drop,
//! and also when the test process dies without dropping anything.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use super::TempDir;
use crate::S3Files;

pub const BUCKET: &str = "velferd-test";

/// A running moto server with the bucket [`BUCKET`]; stopped on drop.
pub struct S3Server {
    pub endpoint: String,
    guard: Child,
    _log_dir: TempDir,
}

/// The moto server program: `VELFERD_MOTO_SERVER`, else `moto_server` on the PATH.
fn moto_program() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VELFERD_MOTO_SERVER") {
        return Some(PathBuf::from(p));
    }
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join("moto_server")).find(|p| p.is_file())
}

/// A fresh moto server, or `None` (with a warning) when moto is not installed and
/// `VELFERD_REQUIRE_S3` is not `1`.
pub fn server() -> Option<S3Server> {
    let Some(program) = moto_program() else {
        if std::env::var("VELFERD_REQUIRE_S3").is_ok_and(|v| v == "1") {
            panic!("VELFERD_REQUIRE_S3=1 but moto is not installed (pip install 'moto[server]', or set VELFERD_MOTO_SERVER)");
        }
        eprintln!("warning: moto is not installed; skipping the S3 half of this test (run ./scripts/test, or pip install 'moto[server]')");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let log_dir = super::temp_dir();
    let log_path = log_dir.0.join("moto.log");
    let log = std::fs::File::create(&log_path).expect("moto log");
    let guard = Command::new("sh")
        .arg("-c")
        .arg(r#""$@" & pid=$!; cat >/dev/null; kill "$pid" 2>/dev/null; wait "$pid""#)
        .arg("moto-guard")
        .arg(&program)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdin(Stdio::piped())
        .stdout(log.try_clone().expect("moto log"))
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let mut server = S3Server { endpoint: format!("http://127.0.0.1:{port}"), guard, _log_dir: log_dir };
    // Waits until moto answers, creating the bucket with the first request that gets through.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match create_bucket(port) {
            Ok(200) => return Some(server),
            Ok(status) => panic!("moto answered {status} to creating the bucket: {}", std::fs::read_to_string(&log_path).unwrap_or_default()),
            Err(_) if Instant::now() < deadline && server.guard.try_wait().ok().flatten().is_none() => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("moto ({}) did not start on port {port}: {e}\n{}", program.display(), std::fs::read_to_string(&log_path).unwrap_or_default()),
        }
    }
}

/// `PUT /BUCKET` over plain HTTP (moto accepts it unsigned); the response's status.
fn create_bucket(port: u16) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(stream, "PUT /{BUCKET} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    response.split(' ').nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| std::io::Error::other(format!("not HTTP: {response:.80}")))
}

impl S3Server {
    /// The settings a Velferd server gets from its environment, for this server.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
            ("AWS_REGION", "eu-north-1".into()),
            ("AWS_ACCESS_KEY_ID", "velferd-test".into()),
            ("AWS_SECRET_ACCESS_KEY", "velferd-test-secret".into()),
        ]
    }

    /// The file store in the bucket under `prefix` (`""` for none).
    pub fn files(&self, prefix: &str) -> S3Files {
        S3Files::new(&format!("s3://{BUCKET}/{prefix}"), self.settings()).expect("S3Files for moto")
    }

    /// A plain S3 client for the bucket, to look at or change objects behind Velferd's back.
    fn client(&self) -> AmazonS3 {
        let mut builder = AmazonS3Builder::new().with_bucket_name(BUCKET).with_allow_http(true);
        for (k, v) in self.settings() {
            builder = builder.with_config(k.to_ascii_lowercase().parse().expect("S3 setting"), v);
        }
        builder.build().expect("S3 client")
    }

    /// Writes `bytes` as the object `key`, directly through the S3 API.
    pub async fn put_object(&self, key: &str, bytes: &[u8]) {
        self.client().put(&Path::from(key), PutPayload::from(bytes.to_vec())).await.expect("put object");
    }

    /// The object `key`, read directly through the S3 API.
    pub async fn object(&self, key: &str) -> Option<Vec<u8>> {
        match self.client().get(&Path::from(key)).await {
            Ok(r) => Some(r.bytes().await.expect("object body").to_vec()),
            Err(object_store::Error::NotFound { .. }) => None,
            Err(e) => panic!("get {key}: {e}"),
        }
    }

    /// The keys of the objects right under `prefix` (`""` for the top of the bucket), sorted.
    pub async fn keys(&self, prefix: &str) -> Vec<String> {
        let prefix = (!prefix.is_empty()).then(|| Path::from(prefix));
        let listed = self.client().list_with_delimiter(prefix.as_ref()).await.expect("list bucket");
        let mut keys: Vec<String> = listed.objects.into_iter().map(|o| o.location.to_string()).collect();
        keys.sort();
        keys
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        // Closing moto's guard input stops moto; the guard then exits.
        drop(self.guard.stdin.take());
        let _ = self.guard.wait();
    }
}
