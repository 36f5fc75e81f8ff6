//! Every message key the calculation and decision rules return is translated in bokmål, nynorsk and
//! English (`crates/web/locales/*/main.ftl`), so the web layer that shows them later never shows a raw
//! key. The domain only names keys; this test reads the files the web layer loads.

#![allow(clippy::unwrap_used)]

use std::path::Path;

const PREFIXES: [&str; 5] = ["\"calc-", "\"vedtak-", "\"klage-", "\"error-kid-", "\"office-refused-"];

fn keys_in(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for prefix in PREFIXES {
        for (i, _) in source.match_indices(prefix) {
            let rest = &source[i + 1..];
            let key: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-').collect();
            // A key ends at its closing quote; a prefix followed by anything else is a pattern, not a key.
            if rest[key.len()..].starts_with('"') && !key.ends_with('-') {
                keys.push(key);
            }
        }
    }
    keys
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn every_key_of_the_calculation_and_decision_rules_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src/calculation", "src/vedtak"] {
        sources(&root.join(dir), &mut files);
    }
    files.push(("src/ids.rs".into(), std::fs::read_to_string(root.join("src/ids.rs")).unwrap()));
    let used: Vec<(String, String)> = files.iter().flat_map(|(name, text)| keys_in(text).into_iter().map(move |k| (name.clone(), k))).collect();
    assert!(used.len() > 40, "found only {} keys; is the pattern still right?", used.len());
    for lang in ["nb", "nn", "en"] {
        let ftl = std::fs::read_to_string(root.join(format!("../web/locales/{lang}/main.ftl"))).unwrap();
        let missing: Vec<&(String, String)> = used.iter().filter(|(_, k)| !ftl.lines().any(|l| l.starts_with(&format!("{k} =")))).collect();
        assert!(missing.is_empty(), "{lang}/main.ftl lacks {missing:?}");
    }
}
