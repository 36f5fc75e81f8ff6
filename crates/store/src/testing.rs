//! Databases for tests: every store test runs on SQLite and on PostgreSQL.
//!
//! SQLite is a fresh file in a temporary folder. PostgreSQL is a fresh database created on the server
//! named by `VELFERD_TEST_POSTGRES_URL` (the test script starts one). Without that variable the
//! PostgreSQL half is skipped with a warning, unless `VELFERD_REQUIRE_POSTGRES=1`, which the test
//! script and CI set so that a missing PostgreSQL fails the run instead of passing quietly.

#[cfg(feature = "s3")]
pub mod s3;

use std::path::PathBuf;

use sqlx::Connection;

/// A database URL for one test, with whatever keeps it alive.
pub struct TestDatabase {
    pub url: String,
    pub label: &'static str,
    _dir: Option<TempDir>,
}

/// A folder deleted on drop (kept small on purpose instead of pulling a crate into the library).
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn temp_dir() -> TempDir {
    let dir = std::env::temp_dir().join(format!("velferd-test-{}", crate::new_id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    TempDir(dir)
}

pub fn sqlite() -> TestDatabase {
    let dir = temp_dir();
    let url = format!("sqlite://{}?mode=rwc", dir.0.join("velferd.db").display());
    TestDatabase { url, label: "sqlite", _dir: Some(dir) }
}

/// A fresh PostgreSQL database, or `None` (with a warning) when no server is configured.
pub async fn postgres() -> Option<TestDatabase> {
    let Ok(admin_url) = std::env::var("VELFERD_TEST_POSTGRES_URL") else {
        if std::env::var("VELFERD_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
            panic!("VELFERD_REQUIRE_POSTGRES=1 but VELFERD_TEST_POSTGRES_URL is not set");
        }
        eprintln!("warning: VELFERD_TEST_POSTGRES_URL not set; skipping the PostgreSQL half of this test (run ./scripts/test)");
        return None;
    };
    let name = format!("velferd_test_{}", crate::new_id());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.expect("connect to VELFERD_TEST_POSTGRES_URL");
    sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str()).await.expect("create test database");
    let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
    Some(TestDatabase { url: format!("{base}/{name}"), label: "postgres", _dir: None })
}

/// Both databases (PostgreSQL when available), for tests that must hold on each.
pub async fn all() -> Vec<TestDatabase> {
    let mut out = vec![sqlite()];
    out.extend(postgres().await);
    out
}
