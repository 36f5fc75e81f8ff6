//! Every file of `../shared/cases/documents` (kept in `crates/documents/tests/documents`) through
//! both of the citizen's ways in, on both databases: the application's own documents page while
//! writing, and sending documents later (ettersendelse) to a sent application. Each must be
//! accepted and come out in the office's PDF with what a reader sees — the signed contract with its
//! signature, the filled-in form with its values, the e-signed contract with its attached evidence
//! listed, the repaired file's text, and the photographed lease readable by tesseract.
//! (`velferd pdf` takes the same files in `cli/tests/pdf.rs`.)

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::{Body, CaseSystem};
use velferd_testkit::{fill_in, pdf_tools, Browser, TestApp};

fn case_file(name: &str) -> (String, Vec<u8>) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../documents/tests/documents").join(name);
    (name.to_owned(), std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The shared cases in the order they are sent, each with its pages in the output and words a
/// reader must find on them.
const CASES: [(&str, usize, &[&str]); 4] = [
    ("pdf-pades-visible-signature.pdf", 1, &["Leietaker: Kari Testperson", "Digitally signed by Kari Testperson"]),
    ("pdf-form-filled-rental.pdf", 1, &["Test Utleier AS", "9500", "28500"]),
    ("pdf-esign-with-evidence-attachment.pdf", 3, &["Signert elektronisk av: Kari Testperson", "evidence-log.html"]),
    ("pdf-startxref-off-by-1.pdf", 1, &["Leieforholdet lopper fra 01.01.2026"]),
];
const PHOTO: &str = "dim-uneven-light-lease.jpg";

fn all_files() -> Vec<(String, Vec<u8>)> {
    CASES.iter().map(|(name, _, _)| case_file(name)).chain(std::iter::once(case_file(PHOTO))).collect()
}

/// What the office receives must show every case's words, have every page, and act on nothing.
fn check_office_pdf(label: &str, pdf: &[u8]) {
    let expected_pages = CASES.iter().map(|(_, n, _)| n).sum::<usize>() + 1;
    if let Some(pages) = pdf_tools::pages(pdf) {
        assert_eq!(pages, expected_pages, "{label}: every page of every file, the photo as one page");
    }
    if let Some(sound) = pdf_tools::qpdf_ok(pdf) {
        assert!(sound, "{label}: qpdf --check finds the office's PDF broken");
    }
    if let Some(text) = pdf_tools::text(pdf) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (name, _, words) in CASES {
            for word in words {
                assert!(text.contains(word), "{label}: {name}: {word:?} is on the office's page: {text}");
            }
        }
    }
    for key in [&b"/AcroForm"[..], b"/Annots", b"/JavaScript", b"/EmbeddedFile", b"/OpenAction"] {
        assert!(!pdf.windows(key.len()).any(|w| w == key), "{label}: {} left in the office's PDF", String::from_utf8_lossy(key));
    }
    photo_page_is_readable(label, pdf, expected_pages);
}

/// tesseract on the photographed page at 200 dpi finds at least 90 % of the 61 distinct words it
/// finds on the photo itself (../shared/cases/README.md).
fn photo_page_is_readable(label: &str, pdf: &[u8], page: usize) {
    if !velferd_testkit::pdf_tools::required() && std::process::Command::new("tesseract").arg("--version").output().is_err() {
        eprintln!("{label}: tesseract missing; the photo's words are not checked");
        return;
    }
    let dir = velferd_store::testing::temp_dir();
    let pdf_path = dir.0.join("office.pdf");
    std::fs::write(&pdf_path, pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "200", "-gray", "-png", "-f", &page.to_string(), "-l", &page.to_string(), "-singlefile"])
        .arg(&pdf_path)
        .arg(dir.0.join("page"))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(status.success());
    let out = std::process::Command::new("tesseract").arg(dir.0.join("page.png")).arg("-").output().expect("tesseract");
    let truth = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../documents/tests/documents/dim-uneven-light-lease.txt")).unwrap();
    let words = |s: &str| -> HashSet<String> { s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).map(str::to_lowercase).collect() };
    let truth = words(&truth);
    let found = words(&String::from_utf8_lossy(&out.stdout)).intersection(&truth).count();
    assert!(found * 100 >= 61 * 90, "{label}: tesseract reads {found} of the lease's {} words on the office's page", truth.len());
}

async fn office(app: &TestApp) -> CaseSystem {
    let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo", 0).await.unwrap();
    CaseSystem::connect(&app.base, &key.secret).await
}

#[tokio::test]
async fn every_shared_document_case_is_accepted_while_applying() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        // One file a sending, as a person adds them one by one from the phone's files.
        for (name, bytes) in all_files() {
            kari.get(&format!("/soknad/{draft}/dokumenter")).await;
            let form = Form::new().text("_csrf", kari.csrf.clone()).part("filer", Part::bytes(bytes).file_name(name.clone()));
            let r = kari.client.post(format!("{}/soknad/{draft}/dokumenter/husleiekontrakt.husleiekontrakt", kari.base)).multipart(form).send().await.unwrap();
            let status = r.status();
            assert_eq!(status, StatusCode::SEE_OTHER, "{label}: {name} accepted: {}", r.text().await.unwrap());
        }
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert!(
            page.body.contains("Denne PDF-en har filer lagt inni seg."),
            "{label}: she is told before sending that the files inside the signed contract are not sent as such: {}",
            page.body
        );

        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
        let office = office(&app).await;
        let (_, one) = office.call("getApplication", Some(&id), &[], None).await;
        let contract = one["filer"].as_array().unwrap().iter().find(|f| f["vedlegg"]["type"] == "husleiekontrakt").unwrap_or_else(|| panic!("{label}: {one}"));
        let pdf = office.send("getFile", &[("id", &id), ("sha256", contract["sha256"].as_str().unwrap())], &[], Body::None).await.bytes;
        check_office_pdf(&format!("{label}, while applying"), &pdf);
    }
}

async fn sent_application(app: &TestApp) -> (Browser, String) {
    let mut b = app.browser("nb");
    b.sign_in("Kari").await;
    let draft = fill_in(&mut b, "0301").await;
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
    (b, id)
}

#[tokio::test]
async fn every_shared_document_case_is_accepted_when_sent_later() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (mut kari, id) = sent_application(&app).await;
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).unwrap().captures(&page.body).unwrap_or_else(|| panic!("{label}: {}", page.body))[1].to_owned();
        // All five in one sending, as one document.
        let mut form = Form::new().text("_csrf", kari.csrf.clone());
        for (name, bytes) in all_files() {
            form = form.part(field.clone(), Part::bytes(bytes).file_name(name));
        }
        let r = kari.client.post(format!("{}/mine-soknader/{id}/dokumenter", kari.base)).multipart(form).send().await.unwrap();
        let status = r.status();
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}: {}", r.text().await.unwrap());

        let office = office(&app).await;
        let (_, submissions) = office.call("listSubmissions", Some(&id), &[], None).await;
        let sent = submissions["ettersendelser"].as_array().unwrap();
        assert_eq!(sent.len(), 1, "{label}: one sending: {submissions}");
        let files = sent[0]["filer"].as_array().unwrap_or_else(|| panic!("{label}: {submissions}"));
        assert_eq!(files.len(), 1, "{label}: one document, one PDF: {submissions}");
        let pdf = office.send("getFile", &[("id", &id), ("sha256", files[0]["sha256"].as_str().unwrap())], &[], Body::None).await.bytes;
        check_office_pdf(&format!("{label}, sent later"), &pdf);
    }
}
