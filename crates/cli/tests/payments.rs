//! `velferd admin payments export` as contracts.md gives it, on SQLite and PostgreSQL: the demo's
//! decided case (made through the office's own actions) has a payment planned after today; the
//! export writes it as pain.001.001.03 that the official XSD accepts (xmllint) and as CSV with the
//! contract's columns; a period with nothing to pay writes no file and says so, exit 0; an office
//! the catalogue does not know is a clear error.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use velferd_store::{testing, LocalFiles, Store};

fn velferd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_velferd")).args(args).output().unwrap()
}

fn xsd() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/schemas/pain.001.001.03.xsd")
}

fn have_xmllint() -> bool {
    let found = Command::new("xmllint").arg("--version").output().is_ok();
    if !found {
        assert_ne!(std::env::var("VELFERD_REQUIRE_XML_TOOLS").as_deref(), Ok("1"), "xmllint is required (VELFERD_REQUIRE_XML_TOOLS=1) but is not installed");
        eprintln!("SKIPPED: the XSD check (xmllint is not installed)");
    }
    found
}

#[tokio::test]
async fn the_demo_s_planned_payment_is_exported_as_a_valid_bank_file_and_as_csv() {
    for db in testing::all().await {
        let label = db.label;
        let dir = testing::temp_dir();
        let store = Store::connect(&db.url).await.unwrap();
        velferd_web::seed_demo_people(&store).await.unwrap();
        let files: std::sync::Arc<dyn velferd_store::Files> = std::sync::Arc::new(LocalFiles::new(dir.0.join("files")));
        velferd_web::seed_demo_cases(&store, files.as_ref(), &velferd_web::default_kommuner(), velferd_web::now_ms() - 1000).await.unwrap();
        // As `serve --demo` does: one case decided through the office's own actions.
        let cases = velferd_cases::Cases::new(store.clone(), files, velferd_web::default_kommuner());
        assert!(velferd_web::seed_demo_decision(&cases, velferd_web::now_ms()).await.unwrap(), "{label}");
        store.close().await;

        let xml = dir.0.join("utbetalinger.xml");
        let out = velferd(&["admin", "payments", "export", "--database", &db.url, "--office", "0312", "--format", "pain001", "-o", xml.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{label}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(said.contains("Wrote 1 payment(s)"), "{label}: {said}");
        let text = std::fs::read_to_string(&xml).unwrap();
        assert!(text.contains("<NbOfTxs>1</NbOfTxs>") && text.contains("<Nm>NAV Frogner</Nm>") && text.contains("15032080119"), "{label}: {text}");
        if have_xmllint() {
            let check = Command::new("xmllint").arg("--noout").arg("--schema").arg(xsd()).arg(&xml).output().unwrap();
            assert!(check.status.success(), "{label}: the file is not valid pain.001.001.03: {}", String::from_utf8_lossy(&check.stderr));
        }

        let csv = dir.0.join("utbetalinger.csv");
        let out = velferd(&["admin", "payments", "export", "--database", &db.url, "--office", "0312", "--format", "csv", "-o", csv.to_str().unwrap()]);
        assert!(out.status.success(), "{label}: {}", String::from_utf8_lossy(&out.stderr));
        let rows: Vec<String> = std::fs::read_to_string(&csv).unwrap().lines().map(str::to_owned).collect();
        assert_eq!(rows.len(), 2, "{label}: a header and one payment: {rows:?}");
        assert!(rows[1].contains("VF-") && !rows[1].contains("15032080119"), "{label}: the recipient's account, not the office's: {}", rows[1]);
        assert!(regex_lite::Regex::new(r",\d+\.\d\d,\d{4}-\d\d-\d\d$").unwrap().is_match(&rows[1]), "{label}: amount with two decimals, then the due date: {}", rows[1]);

        // Nothing due in a past week: no file, a plain answer, exit 0.
        let none = dir.0.join("none.xml");
        let out = velferd(&[
            "admin",
            "payments",
            "export",
            "--database",
            &db.url,
            "--office",
            "0312",
            "--format",
            "pain001",
            "--from",
            "2020-01-01",
            "--to",
            "2020-01-07",
            "-o",
            none.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{label}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("no file was written"), "{label}");
        assert!(!none.exists(), "{label}");

        let out = velferd(&["admin", "payments", "export", "--database", &db.url, "--office", "9999", "--format", "csv", "-o", none.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("no such office"), "{label}");
        let out = velferd(&["admin", "payments", "export", "--database", &db.url, "--office", "0312", "--format", "csv", "--from", "1. desember", "-o", none.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a date like 2026-12-07"), "{label}");
    }
}
