//! PDFs people actually have (tests/documents/, small synthetic copies of real cases): a rental
//! contract with a BankID-style visible signature, one filled in as a PDF form, an e-signed one
//! carrying its signing evidence as an attached file, and one whose `startxref` is a byte off.
//! Each goes through the two entry points the upload page uses (`preview` on upload, `combine`
//! on sending) and must be accepted; the result is checked the way a caseworker would see it —
//! the words on the page (pdftotext), the page as drawn next to the original (pdftoppm), and
//! nothing active left in the file (qpdf). Tests that need a missing tool are skipped with a
//! message (install `qpdf` and `poppler-utils`).

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

use velferd_documents::photos::{combine, preview, Input, Limits, Preview};

fn original(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/documents").join(name)).unwrap()
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        assert!(std::env::var("VELFERD_REQUIRE_PDF_TOOLS").as_deref() != Ok("1"), "`{tool}` is required (VELFERD_REQUIRE_PDF_TOOLS=1) but is not installed");
        eprintln!("SKIPPED: `{tool}` is not installed (apt-get install qpdf poppler-utils)");
    }
    found
}

/// A file in the temp directory, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("velferd-people-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What the upload page and sending make of `name`: the preview's page count and the PDF.
fn accepted(name: &str) -> (usize, Vec<u8>) {
    let bytes = original(name);
    let pages = match preview(&Input::new(name, &bytes), &Limits::default(), 320) {
        Ok(Preview::Pdf { pages, .. }) => pages,
        Ok(_) => panic!("{name}: previewed as a picture"),
        Err(problem) => panic!("{name}: refused on upload: {problem}"),
    };
    let pdf = combine(&[Input::new(name, &bytes)], &Limits::default()).unwrap_or_else(|e| panic!("{name}: refused on sending: {e}"));
    (pages, pdf)
}

fn text(label: &str, pdf: &[u8], page: Option<usize>) -> String {
    let file = TempFile::new(&format!("{label}.pdf"), pdf);
    let mut command = Command::new("pdftotext");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = command.arg(&file.0).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext {label}");
    // One space between words, whatever the layout.
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages(label: &str, pdf: &[u8]) -> usize {
    let file = TempFile::new(&format!("{label}-n.pdf"), pdf);
    let out = Command::new("qpdf").arg("--show-npages").arg(&file.0).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// qpdf finds the file sound, and no key of an active or hidden part (script, action, form,
/// annotation, attached file) is in it, every stream uncompressed.
fn assert_sound_and_inert(label: &str, pdf: &[u8]) {
    let file = TempFile::new(&format!("{label}-check.pdf"), pdf);
    let check = Command::new("qpdf").arg("--check").arg(&file.0).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{label}: qpdf --check: {}", String::from_utf8_lossy(&check.stdout));
    let qdf = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&file.0).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&qdf.stdout);
    for key in ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/AcroForm", "/Annots", "/EmbeddedFile", "/EF", "/URI", "/Sig", "/Encrypt"] {
        let found = text.match_indices(key).any(|(at, _)| !text[at + key.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()));
        assert!(!found, "{label}: the output contains {key}");
    }
}

/// Page `page` drawn by poppler at 50 dpi, in grey.
fn render(label: &str, pdf: &[u8], page: usize) -> image::GrayImage {
    let file = TempFile::new(&format!("{label}-r.pdf"), pdf);
    let prefix = file.0.with_extension("render");
    let p = page.to_string();
    let out = Command::new("pdftoppm").args(["-r", "50", "-gray", "-png", "-singlefile", "-f", &p, "-l", &p]).arg(&file.0).arg(&prefix).output().unwrap();
    assert!(out.status.success(), "pdftoppm {label}");
    let png = PathBuf::from(format!("{}.png", prefix.display()));
    let image = image::open(&png).unwrap().to_luma8();
    let _ = std::fs::remove_file(&png);
    image
}

/// Mean absolute difference per pixel (0–255) of page 1 of the original and of the output, as
/// poppler draws them (which shows annotations the way a PDF reader does).
fn difference_from_original(label: &str, original: &[u8], output: &[u8]) -> f64 {
    let (a, b) = (render(&format!("{label}-orig"), original, 1), render(&format!("{label}-out"), output, 1));
    assert_eq!(a.dimensions(), b.dimensions(), "{label}: the page size changed");
    let total: u64 = a.pixels().zip(b.pixels()).map(|(p, q)| u64::from(p.0[0].abs_diff(q.0[0]))).sum();
    total as f64 / f64::from(a.width() * a.height())
}

/// Count of dark pixels (below 128) in a box of the 50-dpi rendering, given in PDF points from
/// the bottom left of an A4 page.
fn dark_in(image: &image::GrayImage, x0: f64, y0: f64, x1: f64, y1: f64) -> usize {
    let to_px = |v: f64| (v * 50.0 / 72.0).round() as u32;
    let height = image.height();
    let (top, bottom) = (height.saturating_sub(to_px(y1)), height.saturating_sub(to_px(y0)));
    (to_px(x0)..to_px(x1)).flat_map(|x| (top..bottom).map(move |y| (x, y))).filter(|&(x, y)| image.get_pixel(x, y).0[0] < 128).count()
}

fn tools() -> bool {
    ["qpdf", "pdftotext", "pdftoppm"].iter().all(|t| have(t))
}

#[test]
fn a_contract_with_a_visible_signature_keeps_the_signature_on_the_page() {
    let name = "pdf-pades-visible-signature.pdf";
    let (preview_pages, pdf) = accepted(name);
    assert_eq!(preview_pages, 1);
    if !tools() {
        return;
    }
    assert_eq!(pages("pades", &pdf), 1);
    assert_sound_and_inert("pades", &pdf);
    let words = text("pades", &pdf, None);
    assert!(words.contains("Leietaker: Kari Testperson"), "the contract's own text: {words}");
    assert!(words.contains("Digitally signed by Kari Testperson"), "the signature box's text: {words}");
    // The signature box (its /Rect is 60 120 300 190) has its frame and stamp where it was.
    let page = render("pades", &pdf, 1);
    assert!(dark_in(&page, 60.0, 120.0, 300.0, 190.0) > 200, "the signature box is drawn");
    let difference = difference_from_original("pades", &original(name), &pdf);
    assert!(difference < 2.0, "the page looks as the original in a reader: {difference:.2}");
}

#[test]
fn a_form_filled_in_as_a_pdf_keeps_its_values_on_the_page() {
    let name = "pdf-form-filled-rental.pdf";
    let (preview_pages, pdf) = accepted(name);
    assert_eq!(preview_pages, 1);
    if !tools() {
        return;
    }
    assert_eq!(pages("form", &pdf), 1);
    assert_sound_and_inert("form", &pdf);
    let words = text("form", &pdf, None);
    // The values live only in the fields' appearances, not in the page's own text.
    for value in ["Test Utleier AS", "Kari Testperson", "9500", "28500"] {
        assert!(words.contains(value), "{value} is on the page: {words}");
    }
    let difference = difference_from_original("form", &original(name), &pdf);
    assert!(difference < 2.0, "the page looks as the original in a reader: {difference:.2}");
}

#[test]
fn an_e_signed_contract_lists_its_attached_evidence_on_a_note_page() {
    let name = "pdf-esign-with-evidence-attachment.pdf";
    let (preview_pages, pdf) = accepted(name);
    assert_eq!(preview_pages, 2, "the upload page counts the document's own pages");
    if !tools() {
        return;
    }
    assert_eq!(pages("esign", &pdf), 3, "its two pages and the note page");
    assert_sound_and_inert("esign", &pdf);
    assert!(text("esign", &pdf, Some(2)).contains("Signert elektronisk av: Kari Testperson"));
    let note = text("esign", &pdf, Some(3));
    assert!(note.contains("Filer som lå ved inne i PDF-en"), "{note}");
    assert!(note.contains(name) && note.contains("evidence-log.html (Evidence log)"), "{note}");
    let difference = difference_from_original("esign", &original(name), &pdf);
    assert!(difference < 2.0, "page 1 looks as the original: {difference:.2}");
}

#[test]
fn a_startxref_a_byte_off_is_repaired_and_the_page_comes_out() {
    let name = "pdf-startxref-off-by-1.pdf";
    let (preview_pages, pdf) = accepted(name);
    assert_eq!(preview_pages, 1);
    if !tools() {
        return;
    }
    assert_eq!(pages("xref", &pdf), 1);
    assert_sound_and_inert("xref", &pdf);
    let words = text("xref", &pdf, None);
    assert!(words.contains("Husleiekontrakt") && words.contains("Leieforholdet lopper fra 01.01.2026"), "{words}");
    let difference = difference_from_original("xref", &original(name), &pdf);
    assert!(difference < 2.0, "the page looks as the original: {difference:.2}");
}

#[test]
fn a_startxref_far_off_or_a_cut_off_file_is_still_refused() {
    let bytes = original("pdf-startxref-off-by-1.pdf");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let far = text.replace("startxref\n1343", "startxref\n1043");
    let refused = combine(&[Input::new("far.pdf", far.as_bytes())], &Limits::default()).unwrap_err();
    assert_eq!(refused.input().map(|(_, p)| p.code()), Some("broken-pdf"), "{refused}");
    let cut = &bytes[..bytes.len() - 30];
    let refused = combine(&[Input::new("cut.pdf", cut)], &Limits::default()).unwrap_err();
    assert_eq!(refused.input().map(|(_, p)| p.code()), Some("broken-pdf"), "{refused}");
}

/// `qpdf ARGS` applied to `bytes`.
fn qpdf(label: &str, args: &[&str], bytes: &[u8]) -> Vec<u8> {
    let input = TempFile::new(&format!("{label}-in.pdf"), bytes);
    let output = TempFile(std::env::temp_dir().join(format!("velferd-people-{}-{label}-out.pdf", std::process::id())));
    let status = Command::new("qpdf").args(args).arg(&input.0).arg(&output.0).status().unwrap();
    assert!(status.success(), "qpdf {args:?}");
    std::fs::read(&output.0).unwrap()
}

#[test]
fn a_form_with_an_owner_password_or_in_object_streams_is_flattened_too() {
    if !tools() {
        return;
    }
    let form = original("pdf-form-filled-rental.pdf");
    let signed = original("pdf-pades-visible-signature.pdf");
    let cases = [
        ("owner-password", qpdf("owner", &["--encrypt", "", "eier", "256", "--"], &form), "Kari Testperson"),
        ("object-streams", qpdf("objstm", &["--object-streams=generate"], &signed), "Digitally signed by Kari Testperson"),
    ];
    for (label, bytes, words) in cases {
        let pdf = combine(&[Input::new(label, &bytes)], &Limits::default()).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_sound_and_inert(label, &pdf);
        assert!(text(label, &pdf, None).contains(words), "{label}");
    }
}

/// The distinct words (whitespace-separated, lower case) of `truth` that tesseract reads in the
/// picture `image`.
fn words_read(image: &std::path::Path, truth: &std::collections::HashSet<String>) -> usize {
    let out = Command::new("tesseract").arg(image).arg("-").output().unwrap();
    assert!(out.status.success(), "tesseract: {}", String::from_utf8_lossy(&out.stderr));
    let read: std::collections::HashSet<String> = String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_lowercase).collect();
    truth.intersection(&read).count()
}

#[test]
fn a_page_photographed_in_dim_uneven_light_keeps_its_words() {
    if !tools() || !have("tesseract") {
        return;
    }
    let name = "dim-uneven-light-lease.jpg";
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/documents");
    let truth: std::collections::HashSet<String> = std::fs::read_to_string(dir.join("dim-uneven-light-lease.txt")).unwrap().split_whitespace().map(str::to_lowercase).collect();
    let on_photo = words_read(&dir.join(name), &truth);
    let pdf = combine(&[Input::new(name, &original(name))], &Limits::default()).unwrap();
    // The page as the office sees it, at 150 dpi.
    let file = TempFile::new("dim.pdf", &pdf);
    let prefix = file.0.with_extension("page");
    let out = Command::new("pdftoppm").args(["-r", "150", "-gray", "-png", "-singlefile"]).arg(&file.0).arg(&prefix).output().unwrap();
    assert!(out.status.success());
    let page = TempFile(PathBuf::from(format!("{}.png", prefix.display())));
    let on_page = words_read(&page.0, &truth);
    eprintln!("tesseract reads {on_photo} of {} distinct words on the photo, {on_page} on the page", truth.len());
    assert!(on_photo >= 50, "the photo is readable: {on_photo}");
    assert!(on_page * 10 >= on_photo * 9, "the page keeps at least 90 % of the words read on the photo: {on_page} of {on_photo}");
    // And the paper is white: the page's middle is mostly near-white.
    let image = image::open(&page.0).unwrap().to_luma8();
    let (w, h) = image.dimensions();
    let middle: Vec<u8> = (w / 4..w * 3 / 4).flat_map(|x| (h / 4..h * 3 / 4).map(move |y| (x, y))).map(|(x, y)| image.get_pixel(x, y).0[0]).collect();
    let white = middle.iter().filter(|&&v| v > 220).count();
    assert!(white * 10 >= middle.len() * 7, "the paper is white: {white} of {}", middle.len());
}
