//! Hostile files kept as a corpus (tests/corpus/): decompression bombs, files whose content is not
//! their name, broken and malicious PDFs, deep nesting and cycles. Each goes through the same two
//! entry points the web uses (`preview` on upload, `combine` on sending) and must be refused with
//! its reason, quickly, without a panic or a hang; a file that converts must come out without
//! anything active (scripts, actions, forms, annotations, attached files). Add a file here for
//! every crash ever found.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use velferd_documents::photos::{combine, preview, ConvertError, Input, Limits};

/// Each corpus file and the refusal it must get (`None`: it may convert).
const EXPECTED: &[(&str, Option<&str>)] = &[
    ("empty.jpg", Some("empty")),
    ("random-bytes.jpg", Some("not-an-image")),
    ("bomb-60000x60000.png", Some("too-many-pixels")),
    ("bomb-65520x65520.jpg", Some("too-many-pixels")),
    ("png-short-data.png", Some("broken-image")),
    ("truncated.jpg", Some("broken-image")),
    ("heic-header.heic", Some("heic")),
    ("gif-says-jpg.jpg", Some("unsupported-type")),
    // Needs a password to open.
    ("encrypted.pdf", Some("encrypted-pdf")),
    // Opens without a password (owner password only): copied unprotected.
    ("pdf-owner-password-only.pdf", None),
    // Script, attachment and form are left behind (the form's value drawn onto the page); the
    // output is checked below for anything active.
    ("pdf-javascript.pdf", None),
    ("pdf-embedded-file.pdf", None),
    ("pdf-form-filled.pdf", None),
    ("pdf-truncated.pdf", Some("broken-pdf")),
    ("pdf-no-pages.pdf", Some("broken-pdf")),
    ("pdf-page-tree-cycle.pdf", Some("broken-pdf")),
    ("pdf-deep-nesting.pdf", Some("broken-pdf")),
    ("pdf-count-lies.pdf", None),
    ("pdf-broken-xref.pdf", None),
    ("pdf-huge-mediabox.pdf", Some("broken-pdf")),
];

fn corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Runs `f` on its own thread with a big stack (as tokio's blocking threads have 2 MB, we give
/// the same) and a time limit.
fn bounded<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new().stack_size(2 << 20).spawn(move || tx.send(f())).expect("thread");
    rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| panic!("{name}: no answer within 30 s (hang or crash)"))
}

#[test]
fn every_corpus_file_is_refused_with_its_reason_quickly() {
    let mut listed: Vec<String> = EXPECTED.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.sort();
    let mut present: Vec<String> = std::fs::read_dir(corpus()).expect("corpus").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    present.sort();
    assert_eq!(listed, present, "every corpus file has an expected outcome here");

    let mut report = Vec::new();
    let mut wrong = Vec::new();
    for (name, expected) in EXPECTED {
        let bytes = std::fs::read(corpus().join(name)).expect("read");
        let started = Instant::now();
        let (on_upload, on_sending) = {
            let (b, n) = (bytes.clone(), name.to_string());
            bounded(name, move || {
                let previewed = preview(&Input::new(&n, &b), &Limits::default(), 320).map(|_| ()).map_err(|p| p.code().to_owned());
                let combined = combine(&[Input::new(&n, &b)], &Limits::default()).map_err(|e| match e {
                    ConvertError::Input { problem, .. } => problem.code().to_owned(),
                    other => format!("other: {other}"),
                });
                (previewed, combined)
            })
        };
        let took = started.elapsed();
        report.push(format!("{name}: upload {on_upload:?}, sending {:?} in {took:?}", on_sending.as_ref().map(|_| ())));
        assert!(took < Duration::from_secs(10), "{name} took {took:?}");
        if let Ok(output) = &on_sending {
            if let Some(active) = active_keys(name, output) {
                wrong.push(format!("{name}: the output contains {active}"));
            }
        }
        let fine = match expected {
            Some(code) => on_upload.as_ref().err().map(String::as_str) == Some(*code) && on_sending.as_ref().err().map(String::as_str) == Some(*code),
            None => on_upload.is_ok() == on_sending.is_ok(),
        };
        if !fine {
            wrong.push(format!("{name}: expected {expected:?}"));
        }
    }
    // The check itself finds what it looks for.
    let script = std::fs::read(corpus().join("pdf-javascript.pdf")).unwrap();
    assert!(std::process::Command::new("qpdf").arg("--version").output().is_err() || active_keys("input", &script).is_some());
    eprintln!("{}", report.join("\n"));
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The first key that makes a PDF act or carry hidden files, found in `pdf` with every stream
/// uncompressed by qpdf (`--qdf`), or `None`. Without qpdf installed, `None`.
fn active_keys(name: &str, pdf: &[u8]) -> Option<String> {
    let path = std::env::temp_dir().join(format!("velferd-corpus-{}-{name}", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&path).arg("-").output();
    let _ = std::fs::remove_file(&path);
    let Ok(out) = out else {
        eprintln!("SKIPPED the active-content check: qpdf is not installed");
        return None;
    };
    assert!(out.status.code().is_some_and(|c| c == 0 || c == 3), "{name}: qpdf cannot read the output");
    let text = String::from_utf8_lossy(&out.stdout);
    ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/AcroForm", "/Annots", "/EmbeddedFile", "/EF", "/URI"]
        .into_iter()
        .find(|key| text.match_indices(key).any(|(at, _)| !text[at + key.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())))
        .map(str::to_owned)
}
