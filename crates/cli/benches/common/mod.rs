//! What the HTTP benchmarks share: the real server as a process of its own (so its memory and CPU
//! are its own), read from `/proc`, and small statistics. Linux only.

#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_velferd");

/// Full runs under `cargo bench`; `cargo test --all-targets` runs a bench binary without
/// `--bench`, and then a small smoke run keeps the test suite quick.
pub fn full() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// `velferd serve --demo` on a free port.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    pub fn start(url: &str, files: &str) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let child = Command::new(BIN)
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}"), "--database", url, "--files", files])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start velferd serve");
        Server { child, base: format!("http://127.0.0.1:{port}") }
    }

    pub async fn ready(&self, client: &reqwest::Client) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) {
            if client.get(format!("{}/health", self.base)).send().await.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server did not answer /health within two minutes");
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stops the server as Ctrl-C would, and waits for it.
    pub fn stop(mut self) {
        let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    /// A server left running by a failed step is killed.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// (current, peak) resident memory of a process in MiB, from `/proc/PID/status`.
pub fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

/// Resets the peak resident memory (`VmHWM`) to the current one.
pub fn reset_peak(pid: u32) {
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

/// CPU time the process has used so far (user + system), from `/proc/PID/stat`.
pub fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name (in parentheses, may hold spaces) come the state (field 3), then
    // numbers; utime is field 14 and stime field 15 of the line, in clock ticks (100 per second).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    let ticks = tick(11) + tick(12);
    Duration::from_millis(ticks * 10)
}

/// The `p` quantile (0–1) of `samples`, in milliseconds.
pub fn percentile(samples: &[Duration], p: f64) -> f64 {
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    ms[((ms.len() as f64 - 1.0) * p).round() as usize]
}

/// Runs `velferd admin seed` to add `add` applications; returns the line it printed and the seconds it took.
pub fn seed(url: &str, files: &str, add: u64) -> (String, f64) {
    let start = Instant::now();
    let out = Command::new(BIN).args(["admin", "seed", "--applications", &add.to_string(), "--database", url, "--files", files]).output().expect("velferd admin seed");
    assert!(out.status.success(), "seed: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).trim().to_owned(), start.elapsed().as_secs_f64())
}

/// A folder removed when dropped, also when the bench fails half-way (the databases are large).
pub struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh PostgreSQL database on the server of `VELFERD_BENCH_POSTGRES_URL` for one run, dropped
/// by [`drop_postgres`]. `None` without that variable.
pub async fn fresh_postgres(tag: &str) -> Option<(String, String)> {
    use sqlx::{Connection, Executor};
    let admin_url = std::env::var("VELFERD_BENCH_POSTGRES_URL").ok()?;
    let name = format!("velferd_bench_{tag}_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to VELFERD_BENCH_POSTGRES_URL");
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create bench database");
    let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
    Some((format!("{base}/{name}"), name))
}

pub async fn drop_postgres(name: &str) {
    use sqlx::{Connection, Executor};
    let Ok(admin_url) = std::env::var("VELFERD_BENCH_POSTGRES_URL") else { return };
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to VELFERD_BENCH_POSTGRES_URL");
    admin.execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str()).await.expect("drop bench database");
}
