//! `velferd serve` and `velferd admin` with `--files s3://BUCKET/PREFIX`, configured by the AWS_*
//! environment variables as an operator would, against a real S3-compatible server (moto).

#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};
use std::time::Duration;

use velferd_store::testing::{s3, temp_dir};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The binary with the given AWS_* settings and none from the caller's environment.
fn velferd(settings: &[(&str, String)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_velferd"));
    for (name, _) in std::env::vars().filter(|(k, _)| k.starts_with("AWS_") || k == "VELFERD_FILES") {
        command.env_remove(name);
    }
    command.envs(settings.iter().map(|(k, v)| (k, v)));
    command
}

#[tokio::test]
async fn serve_keeps_documents_in_the_bucket_and_admin_backs_them_up_from_there() {
    let Some(s3) = s3::server() else { return };
    let dir = temp_dir();
    let db = format!("sqlite://{}/v.db?mode=rwc", dir.0.display());
    let files = format!("s3://{}/kommune-0301", s3::BUCKET);
    let port = free_port();
    let mut server = velferd(&s3.settings())
        .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}"), "--database", &db, "--files", &files])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..200 {
        if client.get(format!("http://127.0.0.1:{port}/health")).send().await.is_ok_and(|r| r.status().is_success()) {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(up, "velferd serve did not start with {files}");

    // The start-up check's empty file and the demo decision letter are objects named by SHA-256.
    let keys = s3.keys("kommune-0301").await;
    assert!(keys.len() >= 2 && keys.iter().all(|k| k.len() == "kommune-0301/".len() + 64), "{keys:?}");

    let backup = dir.0.join("backup").display().to_string();
    let out = velferd(&s3.settings()).args(["admin", "backup", "--to", &backup, "--database", &db, "--files", &files]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The demo decision letters: the case system's, the one made through the office's actions, and
    // the one generic letter of the closed cases seeded for the statistics.
    assert!(out.status.success() && stdout.contains("3 files"), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn serve_refuses_to_start_when_the_bucket_cannot_be_reached() {
    // Nothing listens on the port: no S3 server is needed for this one.
    let dir = temp_dir();
    let closed = free_port();
    let settings = [
        ("AWS_ENDPOINT_URL", format!("http://127.0.0.1:{closed}")),
        ("AWS_REGION", "eu-north-1".to_owned()),
        ("AWS_ACCESS_KEY_ID", "velferd".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "hemmelig-nokkel".to_owned()),
    ];
    let out = velferd(&settings)
        .args(["serve", "--addr", "127.0.0.1:0", "--database"])
        .arg(format!("sqlite://{}/v.db?mode=rwc", dir.0.display()))
        .args(["--files", "s3://velferd-files/oslo"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--files") && stderr.contains("velferd-files") && stderr.contains(&format!("127.0.0.1:{closed}")) && stderr.contains("AWS_ENDPOINT_URL"), "{stderr}");
    assert!(!stderr.contains("hemmelig-nokkel"), "never the secret: {stderr}");
}
