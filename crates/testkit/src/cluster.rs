//! A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), so a test
//! can stop and start the database under a running server without disturbing the other tests,
//! which share the server of `VELFERD_TEST_POSTGRES_URL`. Needs PostgreSQL's programs
//! (`/usr/lib/postgresql/*/bin`, as `scripts/test` installs them); without them the test is
//! skipped with a warning, unless `VELFERD_REQUIRE_POSTGRES=1`. As root, the cluster runs as the
//! `postgres` user (PostgreSQL refuses to run as root).

use std::path::PathBuf;
use std::process::{Command, Output};

use velferd_store::testing::TempDir;

pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    pub port: u16,
    as_postgres: bool,
    dir: TempDir,
}

/// The newest PostgreSQL's programs folder.
fn programs() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql").ok()?.flatten().map(|d| d.path().join("bin")).filter(|b| b.join("initdb").is_file()).collect();
    found.sort_by_key(|p| p.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0));
    found.pop()
}

impl Cluster {
    /// A new cluster, started; `None` (with a warning) without PostgreSQL's programs unless
    /// `VELFERD_REQUIRE_POSTGRES=1`.
    pub fn start() -> Option<Cluster> {
        let Some(bin) = programs() else {
            if std::env::var("VELFERD_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                panic!("VELFERD_REQUIRE_POSTGRES=1 but PostgreSQL's programs (initdb, pg_ctl) are not in /usr/lib/postgresql/*/bin");
            }
            eprintln!("warning: PostgreSQL's programs are not installed; skipping this test (run ./scripts/test)");
            return None;
        };
        let dir = velferd_store::testing::temp_dir();
        let as_postgres = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if as_postgres {
            run(Command::new("chown").args(["postgres"]).arg(&dir.0));
        }
        let cluster = Cluster { data: dir.0.join("data"), port: crate::process::free_port(), bin, as_postgres, dir };
        let initdb = cluster.command("initdb").arg("-D").arg(&cluster.data).args(["-U", "postgres", "--auth=trust", "-E", "UTF8"]).output();
        check("initdb", initdb);
        cluster.up();
        Some(cluster)
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    /// `postgres://…/postgres` on this cluster.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the cluster and waits until it accepts connections.
    pub fn up(&self) {
        let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.0.display());
        let log = self.dir.0.join("log");
        check("pg_ctl start", self.command("pg_ctl").arg("-D").arg(&self.data).arg("-l").arg(&log).args(["-w", "-o", &options, "start"]).output());
    }

    /// Stops the cluster: `fast` ends every connection (what a restart by an operator does),
    /// `immediate` is a crash of the database server.
    pub fn down(&self, mode: &str) {
        check("pg_ctl stop", self.command("pg_ctl").arg("-D").arg(&self.data).args(["-m", mode, "-w", "stop"]).output());
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").arg("-D").arg(&self.data).args(["-m", "immediate", "stop"]).output();
    }
}

fn run(command: &mut Command) {
    check("command", command.output());
}

fn check(what: &str, out: std::io::Result<Output>) {
    match out {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!("{what}: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("{what}: {e}"),
    }
}
