//! The real `velferd serve` binary as a child process, for tests that kill it, restart it or take
//! its database or file store away while it runs (`crates/cli/tests/`). The binary's path comes
//! from the test (`env!("CARGO_BIN_EXE_velferd")`), which only the cli crate's tests know.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `velferd serve`; killed (SIGKILL) on drop if still running.
pub struct Served {
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Served {
    /// `kill -9`: no shutdown, no last checkpoint, whatever was in flight is cut off.
    pub fn kill(&mut self) {
        let _ = self.child.kill(); // std's kill() is SIGKILL on Unix.
        let _ = self.child.wait();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A TCP port free right now on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// Starts `velferd serve --demo` on a free port with `database` and `files` (a folder or an
/// `s3://` URL) and `env` added to the environment, and waits until `/health` answers 200.
/// `Err` with what the server printed when it exits or does not answer within 20 seconds.
pub async fn serve(bin: &Path, database: &str, files: &str, env: &[(&str, String)]) -> Result<Served, String> {
    let port = free_port();
    let log = std::env::temp_dir().join(format!("velferd-serve-{port}-{}.log", std::process::id()));
    let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let child = Command::new(bin)
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}"), "--database", database, "--files", files])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(out)
        .spawn()
        .map_err(|e| format!("start {}: {e}", bin.display()))?;
    let mut served = Served { child, base: format!("http://127.0.0.1:{port}") };
    let client = reqwest::Client::new();
    let printed = || {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        text
    };
    for _ in 0..400 {
        if client.get(format!("{}/health", served.base)).send().await.is_ok_and(|r| r.status().is_success()) {
            let _ = std::fs::remove_file(&log);
            return Ok(served);
        }
        if let Ok(Some(status)) = served.child.try_wait() {
            return Err(format!("velferd serve exited ({status}): {}", printed()));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    served.kill();
    Err(format!("velferd serve did not answer /health within 20 s: {}", printed()))
}
