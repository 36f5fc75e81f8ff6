//! `velferd serve` with OpenID Connect sign-in configured from flags and environment, against the
//! real test provider (tests/oidc): the settings reach the server, a citizen signs in, and the
//! client secret appears nowhere in what the server prints.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use velferd_testkit::oidc::{IdentityProvider, OidcOptions, CITIZEN_CLIENT, LOA_SUBSTANTIAL, STAFF_CLIENT};
use velferd_testkit::Browser;

fn velferd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_velferd"));
    for var in ["VELFERD_OIDC_CLIENT_SECRET", "VELFERD_STAFF_OIDC_CLIENT_SECRET", "VELFERD_OIDC_ISSUER", "VELFERD_PUBLIC_URL"] {
        c.env_remove(var);
    }
    c
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

#[test]
fn incomplete_sign_in_settings_stop_the_server_with_a_clear_message() {
    let dir = velferd_store::testing::temp_dir();
    let db = dir.0.join("v.db");
    let run = |extra: &[&str]| {
        let out = velferd().args(["serve", "--addr", "127.0.0.1:0", "--database"]).arg(&db).arg("--files").arg(dir.0.join("files")).args(extra).output().expect("run velferd");
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let err = run(&["--oidc-issuer", "https://idporten.example", "--oidc-client-id", "velferd"]);
    assert!(err.contains("VELFERD_OIDC_CLIENT_SECRET") && err.contains("--oidc-client-secret-file"), "{err}");
    let secret = dir.0.join("secret");
    std::fs::write(&secret, "s3cret\n").expect("write");
    let err = run(&["--oidc-issuer", "https://idporten.example", "--oidc-client-id", "velferd", "--oidc-client-secret-file", secret.to_str().expect("path")]);
    assert!(err.contains("--public-url"), "{err}");
    let err = run(&[
        "--oidc-issuer",
        "https://idporten.example",
        "--oidc-client-id",
        "velferd",
        "--oidc-client-secret-file",
        secret.to_str().expect("path"),
        "--public-url",
        "https://v.example",
        "--oidc-min-level",
        "low",
    ]);
    assert!(err.contains("--oidc-min-level") && err.contains("substantial or high"), "{err}");
    assert!(!err.contains("s3cret"), "the secret is never printed");
    let err = run(&["--staff-oidc-client-id", "velferd-ansatt"]);
    assert!(err.contains("--staff-oidc-issuer"), "{err}");
}

#[tokio::test]
async fn a_citizen_signs_in_through_the_configured_binary() {
    if !velferd_testkit::oidc::available() {
        return;
    }
    let dir = velferd_store::testing::temp_dir();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let idp = IdentityProvider::start(&base, &OidcOptions::default()).await;
    let secret_file = dir.0.join("staff-secret");
    std::fs::write(&secret_file, format!("{}\n", STAFF_CLIENT.1)).expect("write");
    let log = dir.0.join("server.log"); // tracing writes to stdout
    let mut server = velferd()
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--public-url", &base, "--database"])
        .arg(dir.0.join("v.db"))
        .arg("--files")
        .arg(dir.0.join("files"))
        .args(["--oidc-issuer", &idp.issuer, "--oidc-client-id", CITIZEN_CLIENT.0])
        .env("VELFERD_OIDC_CLIENT_SECRET", CITIZEN_CLIENT.1)
        .args(["--staff-oidc-issuer", &idp.issuer, "--staff-oidc-client-id", STAFF_CLIENT.0, "--staff-oidc-client-secret-file"])
        .arg(&secret_file)
        .env("RUST_LOG", "debug")
        .stdout(std::fs::File::create(&log).expect("log"))
        .stderr(Stdio::null())
        .spawn()
        .expect("start velferd");
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..200 {
        if client.get(format!("{base}/health")).send().await.is_ok_and(|r| r.status().is_success()) {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "velferd did not start: {}", std::fs::read_to_string(&log).unwrap_or_default());

    let mut b = Browser::new(&base, "nb");
    let page = b.get("/logg-inn").await;
    assert!(page.body.contains("Logg inn med ID-porten") && !page.body.contains("/logg-inn/demo"), "{}", page.body);
    let start = b.get("/logg-inn/start?neste=%2Fmine-soknader").await;
    let authorize = start.location.expect("to the provider");
    let back = idp.log_in(&mut b, &authorize, "kari", LOA_SUBSTANTIAL).await;
    let done = b.get(back.strip_prefix(&base).expect("back to velferd")).await;
    assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/mine-soknader")), "{}", done.body);
    assert_eq!(b.get("/mine-soknader").await.status, StatusCode::OK);
    let staff = b.get("/ansatt/logg-inn").await;
    assert!(staff.location.is_some_and(|l| l.contains("client_id=velferd-ansatt")), "staff sign-in configured too");

    let _ = server.kill();
    let _ = server.wait();
    let printed = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(printed.contains("OpenID Connect sign-in configured") && printed.contains("citizen signed in with OpenID Connect"), "{printed}");
    for secret in [CITIZEN_CLIENT.1, STAFF_CLIENT.1] {
        assert!(!printed.contains(secret), "a client secret in the log: {printed}");
    }
    assert!(!printed.contains("12819012022"), "no personal number in the log");
}
