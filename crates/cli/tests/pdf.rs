//! `velferd pdf -o OUT.pdf IN...` as scripts call it (contracts.md, "Attachments").

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, ImageEncoder, Luma, Rgba, RgbaImage};

fn velferd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_velferd"))
}

/// A fresh folder under the temp directory, removed on drop.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let path = std::env::temp_dir().join(format!("velferd-cli-pdf-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        Dir(path)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write input");
        path
    }

    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0).expect("read dir").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn photo() -> Vec<u8> {
    let page = GrayImage::from_fn(300, 400, |x, y| if y % 20 < 6 && x > 30 && x < 270 { Luma([20]) } else { Luma([240]) });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 85).encode_image(&page).expect("jpeg");
    out
}

fn png() -> Vec<u8> {
    let image = RgbaImage::from_pixel(200, 100, Rgba([30, 90, 200, 255]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(image.as_raw(), 200, 100, image::ExtendedColorType::Rgba8).expect("png");
    out
}

fn pdf() -> Vec<u8> {
    velferd_documents::render(&velferd_documents::Document {
        title: "Kontoutskrift".into(),
        language: "nb".into(),
        intro: vec!["Januar".into()],
        sections: vec![],
        footer: "Banken".into(),
        page_label: "Side {page} av {pages}".into(),
    })
    .expect("render")
}

fn pdf_cmd(out: &Path, inputs: &[&Path]) -> Output {
    velferd().arg("pdf").arg("-o").arg(out).args(inputs).output().expect("run velferd")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn pages(pdf: &Path) -> Option<usize> {
    velferd_testkit::pdf_tools::pages(&std::fs::read(pdf).ok()?)
}

#[test]
fn combines_pictures_and_pdfs_in_order() {
    let dir = Dir::new("ok");
    let jpg = dir.file("side1.jpg", &photo());
    // A PNG named .jpg: the content decides.
    let png = dir.file("skjermbilde.jpg", &png());
    let doc = dir.file("kontoutskrift.pdf", &pdf());
    let out = dir.0.join("samlet.pdf");
    let result = pdf_cmd(&out, &[&jpg, &doc, &png]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let bytes = std::fs::read(&out).expect("OUT written");
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(n) = pages(&out) {
        assert_eq!(n, 3);
    } else {
        eprintln!("SKIPPED page count: pdfinfo is not installed");
    }
    if let Some(sound) = velferd_testkit::pdf_tools::qpdf_ok(&bytes) {
        assert!(sound, "qpdf --check finds the PDF broken");
    }
    // Only the inputs and OUT: no temporary file left behind.
    assert_eq!(dir.entries(), ["kontoutskrift.pdf", "samlet.pdf", "side1.jpg", "skjermbilde.jpg"]);
}

#[test]
fn rejected_input_exits_1_names_the_file_and_leaves_out_untouched() {
    let dir = Dir::new("rejected");
    let good = dir.file("side1.jpg", &photo());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("kvittering.jpg", b"Dette er bare tekst, ikke et bilde.\n".to_vec(), "not a JPEG, PNG or PDF"),
        ("tom.png", Vec::new(), "empty"),
        ("avbrutt.jpg", photo()[..photo().len() / 2].to_vec(), "damaged or incomplete"),
        ("avbrutt.pdf", pdf()[..pdf().len() / 2].to_vec(), "PDF is damaged"),
        (
            "IMG_0042.HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            "HEIC photos cannot be read yet; please send it as JPEG (on iPhone: Settings → Camera → Formats → Most Compatible",
        ),
    ];
    for (name, bytes, expected) in cases {
        let bad = dir.file(name, &bytes);
        // OUT does not exist yet: it must not be created.
        let out = dir.0.join("ny.pdf");
        let result = pdf_cmd(&out, &[&good, &bad]);
        assert_eq!(result.status.code(), Some(1), "{name}: {}", stderr(&result));
        let message = stderr(&result);
        assert!(message.contains(name) && message.contains(expected), "{name}: {message}");
        assert!(!out.exists(), "{name}: OUT was written");
        // OUT exists already: it must stay as it was.
        let existing = dir.file("gammel.pdf", b"the old file");
        let result = pdf_cmd(&existing, &[&good, &bad]);
        assert_eq!(result.status.code(), Some(1));
        assert_eq!(std::fs::read(&existing).expect("still there"), b"the old file", "{name}");
        std::fs::remove_file(&bad).expect("remove input");
        std::fs::remove_file(&existing).expect("remove old");
    }
    assert_eq!(dir.entries(), ["side1.jpg"], "no temporary files left");
}

#[test]
fn pdf_that_needs_a_password_is_rejected_and_one_with_only_an_owner_password_is_not() {
    let dir = Dir::new("encrypted");
    let plain = dir.file("plain.pdf", &pdf());
    let encrypted = dir.0.join("laast.pdf");
    let Ok(status) = Command::new("qpdf").args(["--encrypt", "hemmelig", "eier", "256", "--"]).arg(&plain).arg(&encrypted).status() else {
        assert!(!velferd_testkit::pdf_tools::required(), "qpdf is required (VELFERD_REQUIRE_PDF_TOOLS=1) but is not installed");
        eprintln!("SKIPPED: qpdf is not installed");
        return;
    };
    assert!(status.success());
    let out = dir.0.join("ut.pdf");
    let result = pdf_cmd(&out, &[&encrypted]);
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("laast.pdf") && stderr(&result).contains("needs a password to open"), "{}", stderr(&result));
    assert!(!out.exists());
    let owner_only = dir.0.join("eier.pdf");
    assert!(Command::new("qpdf").args(["--encrypt", "", "eier", "256", "--"]).arg(&plain).arg(&owner_only).status().unwrap().success());
    let result = pdf_cmd(&out, &[&owner_only]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
}

/// The files of tests/documents/ in the documents crate (../shared/cases/documents): signed, filled
/// in, with an attached file, with a cross-reference offset a byte off, and a page photographed in
/// dim light.
fn people_have(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../documents/tests/documents").join(name)
}

#[test]
fn pdfs_people_have_are_accepted_with_what_a_reader_shows() {
    let dir = Dir::new("people");
    let cases: [(&str, usize, &[&str]); 5] = [
        ("pdf-pades-visible-signature.pdf", 1, &["Leietaker: Kari Testperson", "Digitally signed by Kari Testperson"]),
        ("pdf-form-filled-rental.pdf", 1, &["Test Utleier AS", "Kari Testperson", "9500", "28500"]),
        ("pdf-esign-with-evidence-attachment.pdf", 3, &["Signert elektronisk av: Kari Testperson", "evidence-log.html (Evidence log)"]),
        ("pdf-startxref-off-by-1.pdf", 1, &["Leieforholdet lopper fra 01.01.2026"]),
        // A photo has no text layer; its words are read by tesseract in the documents crate's test.
        ("dim-uneven-light-lease.jpg", 1, &[]),
    ];
    for (name, page_count, words) in cases {
        let out = dir.0.join(format!("ut-{name}"));
        let result = pdf_cmd(&out, &[&people_have(name)]);
        assert_eq!(result.status.code(), Some(0), "{name}: {}", stderr(&result));
        let bytes = std::fs::read(&out).expect("OUT written");
        if let Some(n) = pages(&out) {
            assert_eq!(n, page_count, "{name}");
        }
        if let Some(sound) = velferd_testkit::pdf_tools::qpdf_ok(&bytes) {
            assert!(sound, "{name}: qpdf --check finds the PDF broken");
        }
        if let Some(text) = velferd_testkit::pdf_tools::text(&bytes) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for word in words {
                assert!(text.contains(word), "{name}: {word:?} in {text}");
            }
            // The note page names the file, not the folders it was read from.
            let folder = people_have(name).parent().unwrap().display().to_string();
            assert!(!text.contains(&folder) && !text.contains("/documents/"), "{name}: a local path in the PDF: {text}");
        }
        // Nothing that acts or hides: no form, annotations, scripts or attached files. The
        // output is written uncompressed enough to see its dictionaries' keys.
        for key in [&b"/AcroForm"[..], b"/Annots", b"/JavaScript", b"/EmbeddedFile", b"/OpenAction"] {
            assert!(!bytes.windows(key.len()).any(|w| w == key), "{name}: {}", String::from_utf8_lossy(key));
        }
    }
}

#[test]
fn missing_input_file_exits_1() {
    let dir = Dir::new("missing");
    let out = dir.0.join("ut.pdf");
    let result = pdf_cmd(&out, &[&dir.0.join("finnes-ikke.jpg")]);
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("finnes-ikke.jpg"), "{}", stderr(&result));
    assert!(!out.exists());
}

#[test]
fn usage_errors_exit_2_and_help_works() {
    let dir = Dir::new("usage");
    let jpg = dir.file("a.jpg", &photo());
    // No inputs.
    let result = velferd().args(["pdf", "-o"]).arg(dir.0.join("x.pdf")).output().expect("run");
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    // No -o.
    let result = velferd().arg("pdf").arg(&jpg).output().expect("run");
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    // Unknown flag.
    let result = velferd().args(["pdf", "--quality", "9", "-o", "x.pdf"]).arg(&jpg).output().expect("run");
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    let help = velferd().args(["pdf", "--help"]).output().expect("run");
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("-o") && text.contains("IN"), "{text}");
    assert!(!dir.0.join("x.pdf").exists());
}
