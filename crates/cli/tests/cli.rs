//! The `velferd` command as outside scripts call it (contracts.md).

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn velferd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_velferd"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/digisos/fixtures")
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn validate_gives_every_fixture_the_verdict_its_name_implies() {
    let mut checked = 0;
    for (kind, folder) in [("soknad", "soknad"), ("vedlegg", "vedlegg"), ("digisos-soker", "digisos/soker")] {
        for file in files_under(&fixtures().join(folder)) {
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let must_fail = name.starts_with("feil-") || name.starts_with("ikkegyldig");
            let out = velferd().args(["validate", kind]).arg(&file).output().unwrap();
            let expected = if must_fail { 1 } else { 0 };
            assert_eq!(out.status.code(), Some(expected), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
            if must_fail {
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert!(stderr.lines().all(|l| l.starts_with('/') && l.contains(": ")), "`pointer: message` lines: {stderr}");
            }
            checked += 1;
        }
    }
    assert!(checked > 60);
}

#[test]
fn validate_reads_stdin_and_reports_errors_by_pointer() {
    let mut child = velferd().args(["validate", "digisos-soker", "-"]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"version":"1.0.0","avsender":{"systemnavn":"x","systemversjon":"1"},"hendelser":[{"type":"soknadsStatus","hendelsestidspunkt":"2026-01-01T00:00:00.000Z","status":"VENTER"}]}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/hendelser/0"), "{stderr}");

    let out = velferd().args(["validate", "soknad", "/no/such/file.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.json"));

    let dir = velferd_store::testing::temp_dir();
    let broken = dir.0.join("broken.json");
    std::fs::write(&broken, "{\"version\": ").unwrap();
    let out = velferd().args(["validate", "soknad"]).arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid JSON"));
}

#[test]
fn usage_errors_exit_2_and_every_subcommand_has_help() {
    assert_eq!(velferd().args(["validate", "letter", "x.json"]).output().unwrap().status.code(), Some(2));
    assert_eq!(velferd().args(["frobnicate"]).output().unwrap().status.code(), Some(2));
    for sub in [&["--help"][..], &["serve", "--help"], &["validate", "--help"], &["innsyn", "--help"]] {
        let out = velferd().args(sub).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{sub:?}");
        assert!(!out.stdout.is_empty());
    }
}

/// `velferd innsyn FILE` and its JSON, or exit 1 with a message.
fn innsyn(file: &Path) -> serde_json::Value {
    let out = velferd().arg("innsyn").arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Synthetic inputs from the field, kept with the domain's tests.
fn field_case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/tests/cases/innsyn").join(name)
}

#[test]
fn innsyn_prints_the_citizens_view_as_json() {
    let view = innsyn(&fixtures().join("digisos/soker/komplett.json"));
    assert_eq!(view["status"], "FERDIGBEHANDLET");
    assert_eq!(view["navKontor"], "0315");
    assert_eq!(view["forelopigSvar"], true);
    // SAK1 has a vedtak, so it is finished although an UNDER_BEHANDLING for it follows at the same
    // instant; the finished application asks for nothing.
    assert_eq!(view["saker"][0]["referanse"], "SAK1");
    assert_eq!(view["saker"][0]["status"], "FERDIGBEHANDLET");
    assert_eq!(view["oppgaver"], serde_json::json!([]));
    assert!(view["utbetalinger"].is_array() && view["vilkar"].is_array() && view["dokumentasjonkrav"].is_array());

    let out = velferd().arg("innsyn").arg(fixtures().join("digisos/soker/feil-mangler-hendelser.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.is_empty());
}

#[test]
fn innsyn_follows_navs_rules_on_cases_from_the_field() {
    let view = innsyn(&field_case("soker-nav-komplett-shape.json"));
    assert_eq!(view["status"], "FERDIGBEHANDLET");
    assert_eq!(view["saker"][0]["status"], "FERDIGBEHANDLET");
    assert_eq!(view["saker"][1]["status"], "IKKE_INNSYN");
    assert_eq!(view["oppgaver"], serde_json::json!([]));

    // A decision at 22:30Z on 30 June is dated 1 July, the date in Norway.
    let view = innsyn(&field_case("soker-oslo-midnight.json"));
    assert_eq!(view["saker"][0]["vedtak"][0]["dato"], "2026-07-01");
    assert_eq!(view["status"], "UNDER_BEHANDLING");

    let view = innsyn(&field_case("soker-repeated-tildelt.json"));
    assert_eq!(view["navKontor"], "4612");
}

#[test]
fn innsyn_reads_every_valid_fixture() {
    let top_level = std::fs::read_dir(fixtures().join("digisos/soker")).unwrap().flatten().map(|e| e.path());
    for file in top_level.filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("feil-") {
            let view = innsyn(&file);
            assert!(view.as_object().is_some_and(|o| o.len() == 8), "{name}: {view}");
        }
    }
}

#[test]
fn admin_makes_lists_and_revokes_api_keys() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db", dir.0.display());
    let out = velferd().args(["admin", "api-key", "create", "--kommune", "0301", "--name", "Oslo fagsystem", "--database", &db]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let id = stdout.lines().find_map(|l| l.strip_prefix("id:")).unwrap().trim().to_owned();
    let key = stdout.lines().find_map(|l| l.strip_prefix("key:")).unwrap().trim().to_owned();
    assert!(key.starts_with("vfk_") && key.len() > 40);

    let list = velferd().args(["admin", "api-key", "list", "--database", &db]).output().unwrap();
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(listed.contains(&id) && listed.contains("0301") && listed.contains("active"));
    assert!(!listed.contains(&key), "the key itself is never shown again");

    assert_eq!(velferd().args(["admin", "api-key", "revoke", &id, "--database", &db]).output().unwrap().status.code(), Some(0));
    let again = velferd().args(["admin", "api-key", "revoke", &id, "--database", &db]).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "revoking twice says there is no active key");
    let bad = velferd().args(["admin", "api-key", "create", "--kommune", "301", "--name", "x", "--database", &db]).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("4-digit"));
}

#[test]
fn demo_mode_is_refused_on_a_network_address() {
    let dir = velferd_store::testing::temp_dir();
    let out = velferd().args(["serve", "--demo", "--addr", "0.0.0.0:0", "--database"]).arg(dir.0.join("v.db")).arg("--files").arg(dir.0.join("files")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--demo-on-network"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn audit_verify_reports_an_intact_log() {
    let dir = velferd_store::testing::temp_dir();
    let db = format!("sqlite://{}/v.db", dir.0.display());
    let out = velferd().args(["audit", "verify", "--database", &db]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact: 0 entries"));
}
