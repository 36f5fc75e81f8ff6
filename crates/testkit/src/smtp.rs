//! A real SMTP server for tests: aiosmtpd (PyPI) on a free port, writing every mail it takes into a
//! Maildir. The test script installs it and sets `VELFERD_TEST_PYTHON` (a Python with aiosmtpd)
//! and `VELFERD_REQUIRE_SMTP=1`; without it the e-mail half of a test is skipped with a warning,
//! unless that variable is set, so CI fails rather than passes quietly. Stopped on drop (and when
//! the test process dies: it runs under a guard that ends it when our end of its input closes).

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running aiosmtpd.
pub struct SmtpServer {
    /// `smtp://127.0.0.1:PORT` (plain SMTP, as lettre's `from_url` reads it).
    pub url: String,
    maildir: PathBuf,
    guard: Child,
}

impl SmtpServer {
    /// A fresh server, or `None` (with a warning) when aiosmtpd is not available and
    /// `VELFERD_REQUIRE_SMTP` is not `1`.
    pub fn start() -> Option<SmtpServer> {
        let python = std::env::var_os("VELFERD_TEST_PYTHON").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("python3"));
        let available = Command::new(&python).args(["-c", "import aiosmtpd"]).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
        if !available {
            if std::env::var("VELFERD_REQUIRE_SMTP").is_ok_and(|v| v == "1") {
                panic!("VELFERD_REQUIRE_SMTP=1 but aiosmtpd is not installed (pip install aiosmtpd, or set VELFERD_TEST_PYTHON)");
            }
            eprintln!("warning: aiosmtpd is not installed; skipping the e-mail half of this test (run ./scripts/test, or pip install aiosmtpd)");
            return None;
        }
        let port = crate::process::free_port();
        let base = std::env::temp_dir().join(format!("velferd-smtp-{}-{port}", std::process::id()));
        let maildir = base.join("mail");
        std::fs::create_dir_all(&base).expect("smtp dir");
        let guard = Command::new("sh")
            .arg("-c")
            .arg(r#""$@" & pid=$!; cat >/dev/null; kill "$pid" 2>/dev/null; wait "$pid""#)
            .arg("aiosmtpd-guard")
            .arg(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start aiosmtpd: {e}"));
        let server = SmtpServer { url: format!("smtp://127.0.0.1:{port}"), maildir, guard };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(server)
    }

    /// Every mail taken so far, as raw RFC 5322 text.
    pub fn messages(&self) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(self.maildir.join("new")) else { return Vec::new() };
        let mut files: Vec<PathBuf> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        drop(self.guard.stdin.take());
        let _ = self.guard.wait();
        if let Some(base) = self.maildir.parent() {
            let _ = std::fs::remove_dir_all(base);
        }
    }
}
