//! Every upstream fixture gets the verdict its name implies: names starting with `feil-` or
//! `ikkegyldig` are rejected, all others accepted. Files in part folders (e.g.
//! `soknad/personalia/telefonnummer/`) are checked against the part schema of that name, as upstream does.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use velferd_formats::{validate, validate_part, Kind};

fn fixtures() -> Vec<(Kind, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("digisos/fixtures");
    let mut out = Vec::new();
    for (kind, folder) in [(Kind::Soknad, "soknad"), (Kind::Vedlegg, "vedlegg"), (Kind::DigisosSoker, "digisos/soker")] {
        let mut stack = vec![root.join(folder)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "json") {
                    out.push((kind, p));
                }
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

#[test]
fn every_fixture_gets_the_verdict_its_name_implies() {
    let all = fixtures();
    assert!(all.len() > 60, "fixtures missing: found {}", all.len());
    let mut wrong = Vec::new();
    for (kind, path) in all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let must_fail = name.starts_with("feil-") || name.starts_with("ikkegyldig");
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors = match kind.part_from_path(&path.to_string_lossy()) {
            Some(part) => validate_part(kind, &part, &doc).unwrap(),
            None => validate(kind, &doc).unwrap(),
        };
        if errors.is_empty() == must_fail {
            wrong.push(format!("{}: {:?}", path.display(), errors));
        }
    }
    assert!(wrong.is_empty(), "wrong verdicts:\n{}", wrong.join("\n"));
}
