//! `photos::combine` end to end: pictures and PDFs made here, the result checked
//! with qpdf and poppler (pdfinfo, pdftoppm, pdftotext, pdfimages) the way a
//! caseworker would see it. Tests that need a missing tool are skipped with a
//! message (install `qpdf` and `poppler-utils`).

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, ImageEncoder, Luma, Rgb, RgbImage, Rgba, RgbaImage};
use proptest::prelude::*;
use velferd_documents::photos::{combine, combine_with, preview, ConvertError, Encoding, Input, Limits, Preview, Problem};
use velferd_documents::{render, Document, Row, Section};

// ---------------------------------------------------------------- test inputs

/// An upright "text page": white paper, rows of dark text-like bars, and a big
/// black marker block in the top-left corner to tell where "up" is.
fn text_page(width: u32, height: u32) -> GrayImage {
    GrayImage::from_fn(width, height, |x, y| {
        let marker = x < width * 3 / 10 && y < height * 3 / 10;
        let line = y % 24 < 8 && x > width / 10 && x < width * 9 / 10 && y > height * 4 / 10;
        let word_gap = (x / 37) % 5 == 4;
        if marker || (line && !word_gap) {
            Luma([20])
        } else {
            Luma([245])
        }
    })
}

fn jpeg_of_gray(image: &GrayImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).expect("encode jpeg");
    out
}

fn jpeg_of_rgb(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).expect("encode jpeg");
    out
}

fn png_of_rgba(image: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(image.as_raw(), image.width(), image.height(), image::ExtendedColorType::Rgba8).expect("encode png");
    out
}

/// Inserts a minimal EXIF APP1 segment (big-endian TIFF, one IFD entry:
/// Orientation) right after the JPEG's SOI marker, as a phone camera writes it.
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2A\x00\x00\x00\x08"); // header, IFD at offset 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // tag: Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // type: SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // value padding
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(payload.len() + 2).expect("short segment").to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// What the camera stores so that a viewer applying EXIF `orientation` shows `upright`.
fn stored_for(upright: &GrayImage, orientation: u16) -> GrayImage {
    use image::imageops::{rotate180, rotate270, rotate90};
    match orientation {
        1 => upright.clone(),
        3 => rotate180(upright),
        6 => rotate270(upright), // the viewer turns it 90° clockwise
        8 => rotate90(upright),  // the viewer turns it 90° anticlockwise
        other => panic!("orientation {other} not used here"),
    }
}

fn pdf_document(title: &str, paragraphs: usize) -> Vec<u8> {
    let doc = Document {
        title: title.into(),
        language: "nb".into(),
        intro: vec!["Kontoutskrift for januar".into()],
        sections: vec![Section {
            heading: "Transaksjoner".into(),
            rows: (1..=paragraphs).map(|n| Row::Field { label: format!("Post {n}"), value: format!("Husleie {n}, kr 9 500") }).collect(),
        }],
        footer: "Banken".into(),
        page_label: "Side {page} av {pages}".into(),
    };
    render(&doc).expect("render test PDF")
}

/// A small hand-written PDF with the given extra catalog entries and extra
/// objects (numbered from 4), with a correct xref table.
fn handmade_pdf(catalog_extra: &str, page_extra: &str, extra_objects: &[&str]) -> Vec<u8> {
    let content = "BT /F1 24 Tf 72 700 Td (Hello) Tj ET";
    let mut objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents {} 0 R \
             /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> {page_extra} >>",
            4 + extra_objects.len()
        ),
    ];
    objects.extend(extra_objects.iter().map(|o| o.to_string()));
    objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    pdf
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).expect("short chunk").to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A valid PNG header claiming `width` × `height` pixels, with a token IDAT.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00]));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

// ---------------------------------------------------------------- tools

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        // Under ./scripts/test a missing tool fails the run instead of passing quietly.
        if std::env::var("VELFERD_REQUIRE_PDF_TOOLS").is_ok_and(|v| v == "1") {
            panic!("`{tool}` is required (VELFERD_REQUIRE_PDF_TOOLS=1) but is not installed (apt-get install qpdf poppler-utils)");
        }
        eprintln!("SKIPPED: `{tool}` is not installed (apt-get install qpdf poppler-utils)");
    }
    found
}

fn have_all() -> bool {
    ["qpdf", "pdfinfo", "pdftoppm", "pdftotext", "pdfimages"].iter().all(|t| have(t))
}

/// A file in the temp directory, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("velferd-photos-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("write temp file");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_none() {
            let _ = std::fs::remove_file(&self.0);
        } else {
            eprintln!("kept {}", self.0.display());
        }
    }
}

fn tool(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool).args(args).arg(file).output().unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_qpdf_ok(pdf: &Path) {
    let out = Command::new("qpdf").arg("--check").arg(pdf).output().expect("qpdf");
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "qpdf --check: {report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains("No syntax or stream encoding errors"), "{report}");
}

/// Page sizes as pdfinfo prints them, e.g. "595.276 x 841.89 pts (A4)".
fn page_sizes(pdf: &Path) -> Vec<String> {
    let report = tool("pdfinfo", &["-f", "1", "-l", "9999"], pdf);
    report.lines().filter(|l| l.starts_with("Page") && l.contains(" size:")).map(|l| l.split_once("size:").map(|(_, s)| s.trim().to_owned()).unwrap_or_default()).collect()
}

const PORTRAIT: &str = "595.276 x 841.89 pts (A4)";
const LANDSCAPE: &str = "841.89 x 595.276 pts (A4)";

/// Page `page` (1-based) rendered in grey at `dpi`.
fn render_page(pdf: &Path, page: usize, dpi: u32) -> GrayImage {
    let prefix = pdf.with_extension(format!("p{page}"));
    let p = page.to_string();
    let out = Command::new("pdftoppm").args(["-r", &dpi.to_string(), "-gray", "-png", "-singlefile", "-f", &p, "-l", &p]).arg(pdf).arg(&prefix).output().expect("pdftoppm");
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    let png = prefix.with_extension(format!("p{page}.png"));
    let png = if png.exists() { png } else { PathBuf::from(format!("{}.png", prefix.display())) };
    let image = image::open(&png).expect("read rendered page").into_luma8();
    if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_none() {
        let _ = std::fs::remove_file(&png);
    }
    image
}

/// Mean darkness (0 white … 255 black) of the four quadrants: [top-left, top-right, bottom-left, bottom-right].
fn quadrant_darkness(image: &GrayImage) -> [f64; 4] {
    let (w, h) = image.dimensions();
    let mut sums = [0u64; 4];
    let mut counts = [0u64; 4];
    for (x, y, p) in image.enumerate_pixels() {
        let q = usize::from(x >= w / 2) + 2 * usize::from(y >= h / 2);
        sums[q] += u64::from(255 - p[0]);
        counts[q] += 1;
    }
    [0, 1, 2, 3].map(|q| sums[q] as f64 / counts[q].max(1) as f64)
}

fn assert_marker_top_left(pdf: &Path, page: usize, what: &str) {
    let image = render_page(pdf, page, 30);
    let q = quadrant_darkness(&image);
    let others = q[1].max(q[2]).max(q[3]);
    assert!(q[0] > others * 1.5 && q[0] > 40.0, "{what}: marker not top-left, quadrant darkness {q:?}");
}

fn combined(name: &str, inputs: &[Input<'_>]) -> (TempFile, usize) {
    let pdf = combine(inputs, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(pdf.starts_with(b"%PDF-"));
    (TempFile::new(&format!("{name}.pdf"), &pdf), pdf.len())
}

fn rejected(inputs: &[Input<'_>]) -> (usize, Problem) {
    match combine(inputs, &Limits::default()) {
        Err(ConvertError::Input { index, problem, .. }) => (index, problem),
        Err(other) => panic!("expected an input to be rejected, got {other}"),
        Ok(_) => panic!("expected a rejection, got a PDF"),
    }
}

// ---------------------------------------------------------------- good inputs

#[test]
fn exif_orientations_all_come_out_upright() {
    if !have_all() {
        return;
    }
    let upright = text_page(600, 800);
    let photos: Vec<(u16, Vec<u8>)> = [1u16, 3, 6, 8].iter().map(|&o| (o, with_exif_orientation(&jpeg_of_gray(&stored_for(&upright, o), 90), o))).collect();
    // Sanity: the stored pictures of 6 and 8 are landscape, so only EXIF can make them portrait.
    assert_eq!(image::load_from_memory(&photos[2].1).expect("decodes").width(), 800);
    let names: Vec<String> = photos.iter().map(|(o, _)| format!("orientation-{o}.jpg")).collect();
    let inputs: Vec<Input<'_>> = photos.iter().zip(&names).map(|((_, b), n)| Input::new(n, b)).collect();
    let (pdf, _) = combined("orientations", &inputs);
    assert_qpdf_ok(&pdf.0);
    assert_eq!(page_sizes(&pdf.0), vec![PORTRAIT; 4]);
    for (page, name) in names.iter().enumerate() {
        assert_marker_top_left(&pdf.0, page + 1, name);
    }
}

#[test]
fn landscape_picture_gets_a_landscape_page_and_portrait_a_portrait_one() {
    if !have_all() {
        return;
    }
    let wide = jpeg_of_gray(&text_page(1200, 700), 85);
    let tall = jpeg_of_gray(&text_page(700, 1200), 85);
    let (pdf, _) = combined("orientation-pages", &[Input::new("wide.jpg", &wide), Input::new("tall.jpg", &tall)]);
    assert_qpdf_ok(&pdf.0);
    assert_eq!(page_sizes(&pdf.0), vec![LANDSCAPE, PORTRAIT]);
    assert_marker_top_left(&pdf.0, 1, "wide");
    assert_marker_top_left(&pdf.0, 2, "tall");
}

#[test]
fn phone_photo_is_downscaled_to_2000_px_grey_and_small() {
    if !have_all() {
        return;
    }
    // A 12 MP phone photo of a text page, stored sideways with orientation 6, as iPhones do.
    let upright = text_page(3024, 4032);
    let photo = with_exif_orientation(&jpeg_of_gray(&stored_for(&upright, 6), 92), 6);
    let colour = RgbImage::from_fn(1600, 1200, |x, y| Rgb([(x / 7 % 256) as u8, (y / 5 % 256) as u8, ((x + y) / 9 % 256) as u8]));
    let colour = jpeg_of_rgb(&colour, 90);
    let (pdf, size) = combined("phone", &[Input::new("IMG_0001.JPG", &photo), Input::new("colour.jpg", &colour)]);
    assert_qpdf_ok(&pdf.0);
    let list = tool("pdfimages", &["-list"], &pdf.0);
    let rows: Vec<Vec<&str>> = list.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 2, "{list}");
    // page num type width height color comp bpc enc
    assert_eq!((rows[0][3], rows[0][4], rows[0][5], rows[0][8]), ("1500", "2000", "gray", "jpeg"), "{list}");
    assert_eq!((rows[1][3], rows[1][4], rows[1][5], rows[1][8]), ("1600", "1200", "rgb", "jpeg"), "{list}");
    assert!(size < 1_000_000, "output is {size} bytes (input {} bytes)", photo.len());
    assert_marker_top_left(&pdf.0, 1, "phone photo");
}

#[test]
fn png_with_transparency_is_flattened_onto_white() {
    if !have_all() {
        return;
    }
    // Fully transparent black background with opaque dark bars: naive flattening gives a black page.
    let png = png_of_rgba(&RgbaImage::from_fn(500, 700, |x, y| if y % 30 < 10 && x > 50 && x < 450 { Rgba([10, 10, 10, 255]) } else { Rgba([0, 0, 0, 0]) }));
    let (pdf, _) = combined("alpha", &[Input::new("screenshot.png", &png)]);
    assert_qpdf_ok(&pdf.0);
    let dark = quadrant_darkness(&render_page(&pdf.0, 1, 30));
    assert!(dark.iter().all(|&d| d < 110.0 && d > 20.0), "page should be white with bars: {dark:?}");
}

#[test]
fn pdf_pages_are_kept_as_text_in_order_between_pictures() {
    if !have_all() {
        return;
    }
    let first = pdf_document("Kontoutskrift januar", 3);
    let long = pdf_document("Husleiekontrakt", 60);
    let photo = jpeg_of_gray(&text_page(600, 800), 85);
    let inputs = [Input::new("januar.pdf", &first), Input::new("photo.jpg", &photo), Input::new("kontrakt.pdf", &long)];
    let (pdf, _) = combined("mixed", &inputs);
    assert_qpdf_ok(&pdf.0);
    let sizes = page_sizes(&pdf.0);
    assert!(sizes.len() >= 4, "{sizes:?}");
    assert!(sizes.iter().all(|s| s == PORTRAIT), "{sizes:?}");
    let text = |n: usize| {
        let out = Command::new("pdftotext").args(["-f", &n.to_string(), "-l", &n.to_string()]).arg(&pdf.0).arg("-").output().expect("pdftotext");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(text(1).contains("Kontoutskrift januar"), "{}", text(1));
    assert!(text(2).trim().is_empty(), "page 2 is the photo: {}", text(2));
    assert!(text(3).contains("Husleiekontrakt"), "{}", text(3));
    assert!(text(sizes.len()).contains("Post 60"), "{}", text(sizes.len()));
}

/// A citizen splits a PDF into parts and turns a page: each part is sent with only its pages, a
/// turned page turned the way the button says (clockwise), and a part that no longer fits the
/// file is refused rather than guessed at.
#[test]
fn a_pdf_part_has_only_its_pages_and_a_turned_page_is_turned_clockwise() {
    if !have_all() {
        return;
    }
    let long = pdf_document("Husleiekontrakt", 120);
    let pages = velferd_documents::photos::pdf_page_count(&long).unwrap();
    assert!(pages >= 3, "{pages}");
    let last = pages - 1;
    // The parts in order give the whole document back, page for page.
    let (whole, _) = combined("parts", &[Input::new("a.pdf", &long).pages(0, 1), Input::new("b.pdf", &long).pages(1, pages - 1)]);
    assert_eq!(page_sizes(&whole.0).len(), pages);
    let first_part = text_of("first-part", &combine(&[Input::new("a.pdf", &long).pages(0, 1)], &Limits::default()).unwrap());
    assert!(first_part.contains("Husleiekontrakt") && !first_part.contains("Post 120"), "{first_part}");
    match preview(&Input::new("b.pdf", &long).pages(1, pages - 1), &Limits::default(), 300).unwrap() {
        Preview::Pdf { pages: shown, .. } => assert_eq!(shown, pages - 1),
        Preview::Picture { .. } => panic!("a PDF"),
    }
    // The last page is text at the top and blank below; turned clockwise, the text is on the right.
    for (turns, text_side) in [(1u8, 1usize), (3, 0)] {
        let (pdf, _) = combined(&format!("turned-{turns}"), &[Input::new("c.pdf", &long).pages(last, 1).turned(turns)]);
        assert_eq!(page_sizes(&pdf.0), vec![LANDSCAPE], "turned {turns}");
        let q = quadrant_darkness(&render_page(&pdf.0, 1, 30));
        let (left, right) = (q[0] + q[2], q[1] + q[3]);
        let (text, blank) = if text_side == 1 { (right, left) } else { (left, right) };
        assert!(text > blank * 1.5, "turned {turns}: the text is not where it should be: {q:?}");
        assert!(text_of(&format!("turned-{turns}"), &std::fs::read(&pdf.0).unwrap()).contains("Post 120"));
    }
    assert!(matches!(rejected(&[Input::new("d.pdf", &long).pages(pages, 1)]), (0, Problem::BrokenPdf { .. })));
    assert!(matches!(rejected(&[Input::new("d.pdf", &long).pages(0, 0)]), (0, Problem::BrokenPdf { .. })));
}

#[test]
fn letter_sized_pdf_page_is_fitted_on_a4() {
    if !have_all() {
        return;
    }
    let a4 = handmade_pdf("", "", &[]);
    let at = a4.windows(13).position(|w| w == b"595.28 841.89").expect("media box");
    let mut letter = a4.clone();
    // Same length, so the xref offsets stay right.
    letter[at..at + 13].copy_from_slice(b"612.00 792.00");
    // Same length replacement keeps the xref offsets right.
    let (pdf, _) = combined("letter", &[Input::new("letter.pdf", &letter)]);
    assert_qpdf_ok(&pdf.0);
    assert_eq!(page_sizes(&pdf.0), vec![PORTRAIT]);
    let text = Command::new("pdftotext").arg(&pdf.0).arg("-").output().expect("pdftotext");
    assert!(String::from_utf8_lossy(&text.stdout).contains("Hello"));
}

#[test]
fn rotated_pdf_page_is_shown_as_its_viewer_would() {
    if !have_all() {
        return;
    }
    // /Rotate 90 turns the portrait page into a landscape one in every viewer.
    let rotated = handmade_pdf("", "/Rotate 90", &[]);
    let (pdf, _) = combined("rotated", &[Input::new("rotated.pdf", &rotated)]);
    assert_qpdf_ok(&pdf.0);
    assert_eq!(page_sizes(&pdf.0), vec![LANDSCAPE]);
    let text = Command::new("pdftotext").arg(&pdf.0).arg("-").output().expect("pdftotext");
    assert!(String::from_utf8_lossy(&text.stdout).contains("Hello"));
}

#[test]
fn type_comes_from_content_not_name() {
    let png = png_of_rgba(&RgbaImage::from_pixel(40, 60, Rgba([200, 200, 200, 255])));
    let pdf = combine(&[Input::new("looks-like.jpg", &png), Input::new("no-extension", &png)], &Limits::default()).expect("a PNG named .jpg is still a PNG");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn encoding_can_be_tuned() {
    let photo = jpeg_of_gray(&text_page(1500, 2000), 92);
    let tuned = |jpeg_quality| combine_with(&[Input::new("a.jpg", &photo)], &Limits::default(), &Encoding { jpeg_quality, ..Encoding::default() }).expect("converts").len();
    assert!(tuned(40) < tuned(75) && tuned(75) < tuned(95), "{} {} {}", tuned(40), tuned(75), tuned(95));
}

// ---------------------------------------------------------------- bad inputs

#[test]
fn text_file_named_jpg_is_not_an_image() {
    let photo = jpeg_of_gray(&text_page(60, 80), 80);
    let (index, problem) = rejected(&[Input::new("ok.jpg", &photo), Input::new("kvittering.jpg", b"Dette er bare tekst.\n")]);
    assert_eq!((index, problem), (1, Problem::NotAnImage));
    let err = combine(&[Input::new("kvittering.jpg", b"hello")], &Limits::default()).expect_err("rejected");
    assert!(err.to_string().starts_with("kvittering.jpg: "), "{err}");
    assert_eq!(err.input().map(|(_, p)| p.code()), Some("not-an-image"));
}

#[test]
fn empty_file_is_rejected() {
    assert_eq!(rejected(&[Input::new("tom.jpg", b"")]), (0, Problem::Empty));
}

#[test]
fn no_inputs_is_an_error() {
    assert_eq!(combine(&[], &Limits::default()), Err(ConvertError::NoInputs));
}

#[test]
fn truncated_jpeg_is_rejected_at_every_cut() {
    let photo = jpeg_of_gray(&text_page(300, 400), 85);
    for fraction in [0.1, 0.5, 0.9, 0.999] {
        let cut = (photo.len() as f64 * fraction) as usize;
        let (_, problem) = rejected(&[Input::new("cut.jpg", &photo[..cut])]);
        assert_eq!(problem.code(), "broken-image", "cut at {cut}: {problem}");
    }
    // The complete file is fine, also with a trailer after EOI (like a motion photo's video).
    let mut with_trailer = photo.clone();
    with_trailer.extend_from_slice(b"....ftypmp42 pretend video");
    assert!(combine(&[Input::new("motion.jpg", &with_trailer)], &Limits::default()).is_ok());
}

#[test]
fn truncated_png_is_rejected() {
    let png = png_of_rgba(&RgbaImage::from_fn(300, 300, |x, y| Rgba([(x % 256) as u8, (y % 256) as u8, 9, 255])));
    let (_, problem) = rejected(&[Input::new("cut.png", &png[..png.len() / 2])]);
    assert_eq!(problem.code(), "broken-image", "{problem}");
}

#[test]
fn picture_over_the_pixel_limit_is_rejected_before_decoding() {
    let bomb = png_claiming(100_000, 100_000);
    let (_, problem) = rejected(&[Input::new("bomb.png", &bomb)]);
    assert_eq!(problem, Problem::TooManyPixels { width: 100_000, height: 100_000, limit: 50_000_000 });
    // The limit is configurable.
    let photo = jpeg_of_gray(&text_page(300, 400), 85);
    let limits = Limits { max_pixels: 100_000, ..Limits::default() };
    let err = combine(&[Input::new("a.jpg", &photo)], &limits).expect_err("over 100 000 pixels");
    assert_eq!(err.input().map(|(_, p)| p.code()), Some("too-many-pixels"));
}

#[test]
fn heic_and_other_formats_are_named() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic....";
    let (_, problem) = rejected(&[Input::new("IMG_1234.HEIC", heic)]);
    assert_eq!(problem, Problem::Heic);
    assert!(problem.to_string().contains("Most Compatible"), "{problem}");
    let (_, problem) = rejected(&[Input::new("a.gif", b"GIF89a\x01\x00\x01\x00")]);
    assert_eq!(problem, Problem::UnsupportedType { kind: "GIF" });
}

#[test]
fn broken_pdfs_are_rejected() {
    let good = pdf_document("Kontoutskrift", 3);
    for cut in [good.len() / 2, good.len() - 40, 200] {
        let (_, problem) = rejected(&[Input::new("cut.pdf", &good[..cut])]);
        assert_eq!(problem.code(), "broken-pdf", "cut at {cut}: {problem}");
    }
    let (_, problem) = rejected(&[Input::new("header-only.pdf", b"%PDF-1.7\n%%EOF\n")]);
    assert_eq!(problem.code(), "broken-pdf", "{problem}");
}

/// The first key of an active or hidden part (script, action, form, annotation, attached file)
/// in `pdf`, read with every stream uncompressed by qpdf.
fn active_part(label: &str, pdf: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(&qpdf(&["--qdf", "--object-streams=disable"], pdf, &format!("active-{label}"))).into_owned();
    ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/AcroForm", "/Annots", "/EmbeddedFile", "/EF", "/URI"]
        .into_iter()
        .find(|key| text.match_indices(key).any(|(at, _)| !text[at + key.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())))
}

/// The text poppler finds in `pdf`.
fn text_of(label: &str, pdf: &[u8]) -> String {
    let file = TempFile::new(&format!("text-{label}.pdf"), pdf);
    let out = Command::new("pdftotext").arg(&file.0).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdf_with_javascript_launch_or_attachments_is_accepted_without_them() {
    let js = handmade_pdf("/OpenAction 4 0 R", "", &["<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]);
    let inline_js = handmade_pdf("/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (1) >>] >> >>", "", &[]);
    let launch = handmade_pdf("/OpenAction << /S /Launch /F (calc.exe) >>", "", &[]);
    let attached = handmade_pdf(
        "/Names << /EmbeddedFiles << /Names [(a.txt) 4 0 R] >> >>",
        "",
        &["<< /Type /Filespec /F (a.txt) /Desc (Kvittering) /EF << /F 5 0 R >> >>", "<< /Type /EmbeddedFile /Length 2 >>\nstream\nhi\nendstream"],
    );
    for (name, bytes) in [("js.pdf", &js), ("names.pdf", &inline_js), ("launch.pdf", &launch), ("attached.pdf", &attached)] {
        let pdf = combine(&[Input::new(name, bytes)], &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        if have("qpdf") {
            assert_eq!(active_part(name, &pdf), None, "{name}");
        }
    }
    // The attached file is named on a note page after the PDF's own page.
    let pdf = combine(&[Input::new("attached.pdf", &attached)], &Limits::default()).unwrap();
    if have_all() {
        let file = TempFile::new("attached-out.pdf", &pdf);
        assert_eq!(page_sizes(&file.0).len(), 2);
        let note = text_of("attached-note", &pdf);
        assert!(note.contains("a.txt (Kvittering)") && note.contains("attached.pdf"), "{note}");
    }
}

#[test]
fn javascript_hidden_in_an_object_stream_is_left_behind() {
    if !have("qpdf") {
        return;
    }
    let js = handmade_pdf("/OpenAction 4 0 R", "", &["<< /S /JavaScript /JS (app.alert\\(1\\)) >>"]);
    let packed = qpdf(&["--object-streams=generate", "--compress-streams=y"], &js, "js-objstm");
    assert!(!packed.windows(11).any(|w| w == b"/JavaScript"), "the name should only be inside a compressed object stream");
    let pdf = combine(&[Input::new("packed.pdf", &packed)], &Limits::default()).unwrap();
    assert_eq!(active_part("packed", &pdf), None);
}

#[test]
fn filled_form_fields_and_ink_signatures_are_drawn_onto_the_page() {
    let widget = |value: &str, shown: &str| {
        handmade_pdf(
            "/AcroForm << /Fields [4 0 R] >>",
            "/Annots [4 0 R]",
            &[
                &format!(
                    "<< /Type /Annot /Subtype /Widget /FT /Tx /T (navn) {value} /Rect [100 100 300 120] \
                 /P 3 0 R /AP << /N 5 0 R >> >>"
                ),
                &format!(
                    "<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 \
                     /BaseFont /Helvetica >> >> >> /Length {} >>\nstream\nBT /Helv 12 Tf 2 6 Td ({shown}) Tj ET\nendstream",
                    format!("BT /Helv 12 Tf 2 6 Td ({shown}) Tj ET").len()
                ),
            ],
        )
    };
    let filled = combine(&[Input::new("filled.pdf", &widget("/V (Kari Nordmann)", "Kari Nordmann"))], &Limits::default()).unwrap();
    let empty = combine(&[Input::new("empty-form.pdf", &widget("/V ()", ""))], &Limits::default());
    assert!(empty.is_ok());
    // A hidden field (flag 2) is not drawn.
    let hidden = handmade_pdf(
        "",
        "/Annots [4 0 R]",
        &[
            "<< /Type /Annot /Subtype /Widget /F 2 /Rect [100 100 300 120] /AP << /N 5 0 R >> >>",
            "<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Length 36 >>\nstream\nBT /Helv 12 Tf 2 6 Td (Skjult) Tj ET\nendstream",
        ],
    );
    let hidden = combine(&[Input::new("hidden.pdf", &hidden)], &Limits::default()).unwrap();
    let ink = handmade_pdf(
        "",
        "/Annots [4 0 R 6 0 R]",
        &[
            "<< /Type /Annot /Subtype /Ink /Rect [100 100 300 160] /InkList [[100 100 300 160]] /AP << /N 5 0 R >> >>",
            "<< /Type /XObject /Subtype /Form /BBox [0 0 200 60] /Length 22 >>\nstream\n0 0 200 60 re 0 0 0 rg f\nendstream",
            "<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /URI /URI (https://example.org) >> >>",
        ],
    );
    let ink = combine(&[Input::new("signed.pdf", &ink)], &Limits::default()).unwrap();
    if !have_all() {
        return;
    }
    assert!(text_of("filled", &filled).contains("Kari Nordmann"));
    assert!(!text_of("hidden", &hidden).contains("Skjult"));
    for (label, pdf) in [("filled", &filled), ("ink", &ink)] {
        assert_eq!(active_part(label, pdf), None);
    }
    // The ink stroke is a black box from (100, 100) to (300, 160) in points, bottom left origin:
    // at 72 dpi on the 842-point-high page, rows 682–742 and columns 100–300.
    let file = TempFile::new("ink-out.pdf", &ink);
    let page = render_page(&file.0, 1, 72);
    assert!(page.get_pixel(200, 712).0[0] < 60, "the ink is drawn where its /Rect says");
    assert!(page.get_pixel(200, 640).0[0] > 200, "and nowhere else");
}

#[test]
fn encrypted_pdfs_are_rejected_only_when_they_need_a_password_to_open() {
    if !have("qpdf") {
        return;
    }
    let plain = pdf_document("Lønnsslipp", 3);
    let locked = qpdf(&["--encrypt", "hemmelig", "eier", "256", "--"], &plain, "with-password");
    let (_, problem) = rejected(&[Input::new("enc.pdf", &locked)]);
    assert_eq!(problem, Problem::EncryptedPdf);
    assert!(problem.to_string().contains("Save as PDF"), "the message says how to get an unlocked copy: {problem}");
    let owner_only = qpdf(&["--encrypt", "", "eier", "256", "--"], &plain, "owner-only");
    let pdf = combine(&[Input::new("owner-only.pdf", &owner_only)], &Limits::default()).unwrap();
    assert!(!pdf.windows(8).any(|w| w == b"/Encrypt"), "the copy is not protected");
    if have_all() {
        assert!(text_of("owner-only", &pdf).contains("Lønnsslipp"));
    }
}

/// Runs qpdf with `args` on `input`, returning the output bytes.
fn qpdf(args: &[&str], input: &[u8], label: &str) -> Vec<u8> {
    let source = TempFile::new(&format!("qpdf-in-{label}.pdf"), input);
    let out = TempFile(std::env::temp_dir().join(format!("velferd-photos-{}-qpdf-out-{label}.pdf", std::process::id())));
    let status = Command::new("qpdf").args(args).arg(&source.0).arg(&out.0).status().expect("qpdf");
    assert!(status.success(), "qpdf {args:?}");
    std::fs::read(&out.0).expect("read qpdf output")
}

#[test]
fn linearized_and_xref_stream_pdfs_are_accepted_also_with_an_owner_password() {
    if !have("qpdf") {
        return;
    }
    let plain = pdf_document("Lønnsslipp", 3);
    for (label, args) in [("linearized", vec!["--linearize"]), ("xref-stream", vec!["--object-streams=generate"]), ("incremental", vec!["--qdf"])] {
        let bytes = qpdf(&args, &plain, label);
        assert!(combine(&[Input::new(label, &bytes)], &Limits::default()).is_ok(), "{label}");
    }
    for (label, args) in [
        ("enc-linearized", vec!["--linearize", "--encrypt", "", "eier", "256", "--"]),
        ("enc-xref-stream", vec!["--object-streams=generate", "--encrypt", "", "eier", "128", "--use-aes=y", "--"]),
    ] {
        let bytes = qpdf(&args, &plain, label);
        assert!(combine(&[Input::new(label, &bytes)], &Limits::default()).is_ok(), "{label}: opens without a password");
    }
}

#[test]
fn too_many_pages_in_total() {
    let photo = jpeg_of_gray(&text_page(60, 80), 80);
    let inputs: Vec<Input<'_>> = (0..4).map(|_| Input::new("p.jpg", &photo)).collect();
    let limits = Limits { max_pages: 3, ..Limits::default() };
    assert_eq!(combine(&inputs, &limits), Err(ConvertError::TooManyPages { pages: 4, limit: 3 }));
}

#[test]
fn too_large_input_is_rejected() {
    let photo = jpeg_of_gray(&text_page(60, 80), 80);
    let limits = Limits { max_input_bytes: 100, ..Limits::default() };
    let err = combine(&[Input::new("p.jpg", &photo)], &limits).expect_err("too large");
    assert_eq!(err.input().map(|(i, p)| (i, p.code())), Some((0, "too-large")));
}

// ---------------------------------------------------------------- robustness

/// Counts panics on this thread, even ones `combine` catches, so "never panics" means never.
fn panics_during(f: impl FnOnce()) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PANICS: AtomicUsize = AtomicUsize::new(0);
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
    let before = PANICS.load(Ordering::SeqCst);
    f();
    PANICS.load(Ordering::SeqCst) - before
}

fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![
        jpeg_of_gray(&text_page(40, 30), 70),
        with_exif_orientation(&jpeg_of_gray(&text_page(30, 40), 70), 6),
        png_of_rgba(&RgbaImage::from_pixel(20, 10, Rgba([1, 2, 3, 128]))),
        handmade_pdf("", "", &[]),
        png_claiming(100, 100),
        pdf_document("Seed", 2),
    ];
    // Corpus files kept in the repository, if any.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz-corpus");
    if let Ok(dir) = std::fs::read_dir(corpus) {
        seeds.extend(dir.flatten().filter_map(|e| std::fs::read(e.path()).ok()));
    }
    seeds
}

proptest! {
    // 256 cases each unless PROPTEST_CASES says otherwise (e.g. PROPTEST_CASES=20000 for a longer run).
    #[test]
    fn combine_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let n = panics_during(|| { let _ = combine(&[Input::new("x", &bytes)], &Limits::default()); });
        prop_assert_eq!(n, 0);
    }

    #[test]
    fn combine_never_panics_on_mutated_real_files(
        seed in 0usize..64,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16),
        cut in any::<usize>(),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[seed % seeds.len()].clone();
        for (at, value) in edits {
            let len = bytes.len();
            if len > 0 {
                bytes[at % len] = value;
            }
        }
        let keep = bytes.len() - cut % (bytes.len() / 4 + 1);
        bytes.truncate(keep);
        let n = panics_during(|| { let _ = combine(&[Input::new("x", &bytes)], &Limits::default()); });
        prop_assert_eq!(n, 0);
    }
}

/// The mutation test's first find in CI: one byte of the hand-made PDF turned into `+` and the end
/// cut off made hayro-syntax 0.7 panic while the attachment walk read an array (`raw_iter` unwraps).
#[test]
fn a_damaged_array_is_read_without_panicking() {
    let mut bytes = handmade_pdf("", "", &[]);
    let len = bytes.len();
    bytes[48_545_706_850_731_053 % len] = b'+';
    let keep = len - 803_270_747_849_153_093 % (len / 4 + 1);
    bytes.truncate(keep);
    let n = panics_during(|| {
        let _ = combine(&[Input::new("x", &bytes)], &Limits::default());
    });
    assert_eq!(n, 0);
}

#[test]
fn seeds_decode() {
    // The mutation test is only meaningful if its seeds are valid to begin with.
    for (i, seed) in seeds().iter().enumerate().filter(|(i, _)| *i != 4).take(5) {
        assert!(combine(&[Input::new("seed", seed)], &Limits::default()).is_ok(), "seed {i}");
    }
}

// ---------------------------------------------------------------- measurements

/// A realistic phone photo of a printed page: a page of real text rendered at
/// 300 dpi, tilted 2°, lying on a darker table, under uneven warm light, with
/// sensor noise and a little blur, stored sideways as a 12 MP JPEG (quality 92)
/// with EXIF orientation 6 — what an iPhone in "Most Compatible" mode sends.
fn synthetic_phone_photo() -> Vec<u8> {
    let source = TempFile::new("sample-source.pdf", &pdf_document("Husleiekontrakt for bolig", 40));
    let page = render_page(&source.0, 1, 300); // 2480 × 3508
    let (w, h) = (3024u32, 4032u32);
    let (pw, ph) = (page.width() as f32, page.height() as f32);
    let scale = 0.95 * (w as f32 / pw).min(h as f32 / ph);
    let angle = 2.0f32.to_radians();
    let (sin, cos) = angle.sin_cos();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut noise = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 13) as f32 - 6.0
    };
    let photo = RgbImage::from_fn(w, h, |x, y| {
        // Camera pixel → page point (rotate about the centre, then scale).
        let (dx, dy) = (x as f32 - w as f32 / 2.0, y as f32 - h as f32 / 2.0);
        let (rx, ry) = (cos * dx + sin * dy, -sin * dx + cos * dy);
        let (sx, sy) = (rx / scale + pw / 2.0, ry / scale + ph / 2.0);
        let paper = sx >= 0.0 && sy >= 0.0 && sx < pw - 1.0 && sy < ph - 1.0;
        let value = if paper {
            let (x0, y0) = (sx as u32, sy as u32);
            let (fx, fy) = (sx.fract(), sy.fract());
            let p = |x, y| f32::from(page.get_pixel(x, y)[0]);
            (p(x0, y0) * (1.0 - fx) + p(x0 + 1, y0) * fx) * (1.0 - fy) + (p(x0, y0 + 1) * (1.0 - fx) + p(x0 + 1, y0 + 1) * fx) * fy
        } else {
            90.0 // table
        };
        // Light falls off towards the bottom right; warm cast.
        let light = 1.0 - 0.25 * (x as f32 / w as f32 + y as f32 / h as f32) / 2.0;
        let v = value * light;
        let n = noise();
        Rgb([(v * 1.0 + n).clamp(0.0, 255.0) as u8, (v * 0.95 + n).clamp(0.0, 255.0) as u8, (v * 0.82 + n).clamp(0.0, 255.0) as u8])
    });
    let photo = image::imageops::blur(&photo, 0.8);
    let stored = image::imageops::rotate270(&photo);
    with_exif_orientation(&jpeg_of_rgb(&stored, 92), 6)
}

/// Prints output sizes for a range of qualities and sizes, for choosing the
/// defaults. Run with
/// `VELFERD_DOCUMENTS_KEEP=1 cargo test -p velferd-documents --test photos -- --ignored --nocapture`
/// and look at the kept PDFs (e.g. `pdftoppm -r 100`).
#[test]
#[ignore = "measurement, not a check"]
fn measure_sample_phone_photo() {
    let photo = synthetic_phone_photo();
    let _kept = TempFile::new("sample-photo.jpg", &photo);
    println!("input: 4032×3024 JPEG q92, {} bytes", photo.len());
    for long_side in [1600u32, 2000, 2400] {
        for quality in [50u8, 60, 70, 75, 80, 85, 90] {
            let start = std::time::Instant::now();
            let pdf = combine_with(&[Input::new("IMG_0001.JPG", &photo)], &Limits::default(), &Encoding { max_long_side: long_side, jpeg_quality: quality }).expect("converts");
            println!("long side {long_side}, quality {quality}: {} bytes ({:?})", pdf.len(), start.elapsed());
            if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_some() {
                std::mem::forget(TempFile::new(&format!("sample-{long_side}-q{quality}.pdf"), &pdf));
            }
        }
    }
}
