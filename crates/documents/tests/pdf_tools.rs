//! End-to-end checks of `render` with real PDF tools (qpdf, poppler-utils).
//!
//! These tests assert what a citizen or a screen reader would actually get:
//! a structurally valid file, extractable text in the right language, correct
//! page labels, everything inside the margins. If a tool is missing the test
//! is skipped with a message (install `qpdf` and `poppler-utils`).
//!
//! Set `VELFERD_DOCUMENTS_KEEP=1` to keep the generated PDFs in the temp
//! directory for manual inspection; their paths are printed.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use velferd_documents::{render, render_dated, Document, Row, Section};

/// A4 in points and the 20 mm margin, as promised by the crate.
const PAGE_WIDTH: f64 = 595.28;
const PAGE_HEIGHT: f64 = 841.89;
const MARGIN: f64 = 56.69;

const LONG_ANSWER: &str = "Jeg ble sagt opp fra jobben på lageret i mars fordi bedriften flyttet \
    produksjonen til Sverige. Siden da har jeg søkt mange stillinger, men ikke fått noe ennå. \
    Dagpengene er ikke kommet i gang fordi søknaden min fortsatt er under behandling, og jeg har \
    brukt opp sparepengene på husleie og strøm. Jeg trenger hjelp til å betale husleien for \
    denne måneden og mat til meg og datteren min til dagpengene kommer. Sluttord";

fn field(label: &str, value: &str) -> Row {
    Row::Field { label: label.to_owned(), value: value.to_owned() }
}

/// A realistic citizen's copy of an application for social assistance.
fn receipt() -> Document {
    Document {
        title: "Søknad om økonomisk sosialhjelp".into(),
        language: "nb".into(),
        intro: vec!["Referanse: VF-7K3M-9QX2".into(), "Sendt: 23. november 2025 kl. 09.14".into(), "Sendt til: Nav Grünerløkka, Oslo kommune".into()],
        sections: vec![
            Section {
                heading: "Personalia".into(),
                rows: vec![
                    field("Navn", "Åse Kjærstad Ødegård"),
                    field("Fødselsnummer", "010190 12345"),
                    field("Adresse", "Thorvald Meyers gate 12B\n0555 Oslo"),
                    field("Telefon", "+47 912 34 567"),
                ],
            },
            Section {
                heading: "Hva søker du om?".into(),
                rows: vec![field("Kort om behovet", LONG_ANSWER), field("Beløp", "kr\u{a0}14\u{a0}500"), Row::Text("Søkeren har bekreftet at opplysningene er riktige.".into())],
            },
            Section {
                heading: "Familie".into(),
                rows: vec![field("Sivilstatus", "Enslig"), field("Barn som bor hos deg", "Ingrid, 7 år\nPetter, 12 år"), field("Слова на русском", "Привет, мир — Καλημέρα κόσμε")],
            },
        ],
        footer: "Velferd · Referanse VF-7K3M-9QX2".into(),
        page_label: "Side {page} av {pages}".into(),
    }
}

/// A receipt with enough sections to need several pages.
fn long_receipt() -> Document {
    let mut doc = receipt();
    for n in 1..=12 {
        doc.sections.push(Section {
            heading: format!("Utgifter, del {n}"),
            rows: (1..=6).map(|r| field(&format!("Utgift {n}.{r}"), &format!("Beløp {r}00 kroner per måned. ").repeat(r))).collect(),
        });
    }
    doc
}

/// Whether `tool` can be run; prints why the calling test is skipped if not.
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
    ["qpdf", "pdftotext", "pdfinfo"].iter().all(|tool| have(tool))
}

/// A rendered PDF on disk, removed on drop unless `VELFERD_DOCUMENTS_KEEP` is set.
struct PdfFile {
    path: PathBuf,
    bytes: usize,
}

impl PdfFile {
    fn write(name: &str, doc: &Document) -> PdfFile {
        PdfFile::keep(name, render(doc).expect("render succeeds"))
    }

    fn keep(name: &str, pdf: Vec<u8>) -> PdfFile {
        assert!(pdf.starts_with(b"%PDF-"), "{name}: not a PDF");
        let path = std::env::temp_dir().join(format!("velferd-documents-{}-{name}.pdf", std::process::id()));
        std::fs::write(&path, &pdf).expect("write temp PDF");
        if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_some() {
            eprintln!("kept {}", path.display());
        }
        PdfFile { path, bytes: pdf.len() }
    }
}

impl Drop for PdfFile {
    fn drop(&mut self) {
        if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_none() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn run(tool: &str, args: &[&str], pdf: &Path) -> Output {
    Command::new(tool).args(args).arg(pdf).output().unwrap_or_else(|e| panic!("running {tool}: {e}"))
}

fn stdout(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = run(tool, args, pdf);
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `pdftotext` output of the whole file (or the given page range) to stdout.
fn text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let range = pages.map(|(first, last)| (first.to_string(), last.to_string()));
    let mut args: Vec<&str> = Vec::new();
    if let Some((first, last)) = &range {
        args.extend(["-f", first, "-l", last]);
    }
    let out = Command::new("pdftotext").args(&args).arg(pdf).arg("-").output().expect("running pdftotext");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_qpdf_ok(pdf: &Path) {
    let out = run("qpdf", &["--check"], pdf);
    let report = String::from_utf8_lossy(&out.stdout);
    // Exit code 0 means no errors and no warnings (2 = errors, 3 = warnings).
    assert_eq!(out.status.code(), Some(0), "qpdf --check: {report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains("No syntax or stream encoding errors"), "{report}");
}

/// A `Key: value` line of `pdfinfo`.
fn info(pdf: &Path, key: &str) -> String {
    let report = stdout("pdfinfo", &[], pdf);
    report.lines().find_map(|line| line.strip_prefix(&format!("{key}:"))).map(|value| value.trim().to_owned()).unwrap_or_else(|| panic!("pdfinfo has no {key}: {report}"))
}

fn squash_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn receipt_is_valid_and_its_text_extracts() {
    if !have_all() {
        return;
    }
    let pdf = PdfFile::write("receipt", &receipt());
    assert_qpdf_ok(&pdf.path);
    assert_eq!(info(&pdf.path, "Title"), "Søknad om økonomisk sosialhjelp");
    assert_eq!(info(&pdf.path, "Page size"), "595.276 x 841.89 pts (A4)");

    let extracted = text(&pdf.path, None);
    assert!(extracted.contains("Søknad om økonomisk sosialhjelp"), "{extracted}");
    assert!(extracted.contains("Åse Kjærstad Ødegård"), "{extracted}");
    assert!(extracted.contains("Привет, мир — Καλημέρα κόσμε"), "{extracted}");
    assert!(extracted.contains("Side 1 av 1"), "{extracted}");
    assert!(extracted.contains("Velferd · Referanse VF-7K3M-9QX2"), "{extracted}");
    // The explicit line break in the address is kept.
    assert!(extracted.contains("Thorvald Meyers gate 12B\n0555 Oslo"), "{extracted}");
    // The long answer wrapped: its first and last words are on different lines…
    let line_of = |needle: &str| extracted.lines().position(|l| l.contains(needle));
    let first = line_of("Jeg ble sagt opp").expect("start of long answer");
    let last = line_of("Sluttord").expect("end of long answer");
    assert!(last >= first + 3, "long answer should span several lines ({first}..{last})");
    // …and no character was lost at the breaks.
    assert!(squash_whitespace(&extracted).contains(&squash_whitespace(LONG_ANSWER)));
    assert!(pdf.bytes < 150_000, "receipt is {} bytes", pdf.bytes);
}

#[test]
fn long_document_has_page_labels_and_right_page_count() {
    if !have_all() {
        return;
    }
    let pdf = PdfFile::write("long", &long_receipt());
    assert_qpdf_ok(&pdf.path);
    let pages: usize = info(&pdf.path, "Pages").parse().expect("page count");
    assert!(pages >= 3, "expected 3+ pages, got {pages}");
    assert_eq!(info(&pdf.path, "Title"), "Søknad om økonomisk sosialhjelp");
    for page in 1..=pages {
        let page_text = text(&pdf.path, Some((page, page)));
        let label = format!("Side {page} av {pages}");
        assert!(page_text.contains(&label), "page {page} lacks {label:?}: {page_text}");
        assert!(page_text.contains("Velferd · Referanse VF-7K3M-9QX2"), "page {page} footer");
    }
    // The title is on page 1 only.
    assert!(!text(&pdf.path, Some((2, pages))).contains("Søknad om økonomisk sosialhjelp"));
    assert!(pdf.bytes < 150_000, "{pages}-page receipt is {} bytes", pdf.bytes);
    eprintln!("{pages}-page receipt: {} bytes", pdf.bytes);
}

/// Every word's bounding box, from `pdftotext -bbox`: (xMin, yMin, xMax, yMax, word).
fn word_boxes(pdf: &Path) -> Vec<(f64, f64, f64, f64, String)> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("running pdftotext -bbox");
    assert!(out.status.success(), "pdftotext -bbox: {}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).map(|i| i + name.len() + 2);
        start.and_then(|s| line[s..].split('"').next()).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("no {name} in {line}"))
    };
    html.lines()
        .filter(|line| line.trim_start().starts_with("<word "))
        .map(|line| {
            let word = line.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("");
            (attr(line, "xMin"), attr(line, "yMin"), attr(line, "xMax"), attr(line, "yMax"), word.to_owned())
        })
        .collect()
}

#[test]
fn all_text_stays_inside_the_margins() {
    if !have_all() {
        return;
    }
    let mut doc = long_receipt();
    doc.sections[1].rows.push(field("Uten mellomrom", &"Ø".repeat(3_000)));
    let pdf = PdfFile::write("margins", &doc);
    let boxes = word_boxes(&pdf.path);
    assert!(boxes.len() > 500);
    let footer_band = PAGE_HEIGHT - MARGIN + 5.0;
    for (x_min, y_min, x_max, y_max, word) in boxes {
        // Allow half a point for rounding in poppler's boxes.
        assert!(x_min >= MARGIN - 0.5, "{word:?} left of margin at {x_min}");
        assert!(x_max <= PAGE_WIDTH - MARGIN + 0.5, "{word:?} right of margin at {x_max}");
        assert!(y_min >= MARGIN - 0.5, "{word:?} above top margin at {y_min}");
        let in_body = y_max <= PAGE_HEIGHT - MARGIN + 0.5;
        let in_footer = y_min >= footer_band && y_max <= PAGE_HEIGHT - 20.0;
        assert!(in_body || in_footer, "{word:?} in the bottom margin at {y_min}..{y_max}");
    }
}

#[test]
fn hundred_kilobyte_value_paginates() {
    if !have_all() {
        return;
    }
    let mut doc = receipt();
    let huge = "Dette er en veldig lang forklaring. ".repeat(2_800);
    assert!(huge.len() > 100_000);
    doc.sections[1].rows.insert(0, field("Utdypning", &huge));
    let one_word = "x".repeat(100_000);
    doc.sections[2].rows.push(field("Ett ord", &one_word));
    let pdf = PdfFile::write("huge", &doc);
    assert_qpdf_ok(&pdf.path);
    let pages: usize = info(&pdf.path, "Pages").parse().expect("page count");
    assert!(pages > 20, "only {pages} pages");
    let last = text(&pdf.path, Some((pages, pages)));
    assert!(last.contains(&format!("Side {pages} av {pages}")), "{last}");
}

#[test]
fn pdf_is_tagged_with_language_and_headings() {
    if !have_all() {
        return;
    }
    let pdf = PdfFile::write("tagged", &receipt());
    assert_eq!(info(&pdf.path, "Tagged"), "yes");
    // Uncompressed view of the file to look at the structure tree.
    let qdf = pdf.path.with_extension("qdf.pdf");
    let out = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&pdf.path).arg(&qdf).output().expect("running qpdf --qdf");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).expect("read qdf")).into_owned();
    let _ = std::fs::remove_file(&qdf);
    for needle in ["/StructTreeRoot", "/Lang (nb)", "/S /H1", "/S /H2", "/S /P", "/S /Sect", "/Artifact", "/Outlines"] {
        assert!(raw.contains(needle), "structure lacks {needle}");
    }
    assert!(raw.contains("/MarkInfo"), "no MarkInfo");
}

/// Deterministic pseudo-random strings built from awkward pieces: control
/// characters, combining marks, RTL text, CJK and emoji missing from DejaVu,
/// long words, stray line breaks and placeholder look-alikes.
fn awkward_string(seed: &mut u64) -> String {
    const PIECES: &[&str] = &[
        "",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "\u{200b}",
        "\u{ad}",
        "\u{a0}",
        "a\u{30a}",
        "\u{301}",
        "æøå ÆØÅ",
        "שלום",
        "مرحبا بالعالم",
        "漢字かな",
        "😀👍🏽",
        "\u{fffd}",
        "\u{e000}",
        "\u{10ffff}",
        "{page}",
        "{pages}",
        "{",
        "}",
        "Ω≈ç√∫",
        "ﬁ",
        "-----",
        "Привет",
        "x",
        "\u{202e}",
        "\u{200d}",
        "\u{fe0f}",
        "\u{1f469}\u{200d}\u{1f467}",
        "e\u{301}\u{301}\u{301}",
    ];
    let mut out = String::new();
    let pieces = next(seed) % 40;
    for _ in 0..pieces {
        let piece = PIECES[(next(seed) % PIECES.len() as u64) as usize];
        let repeat = if next(seed).is_multiple_of(10) { 50 } else { 1 };
        out.push_str(&piece.repeat(repeat));
    }
    out
}

/// xorshift64: tiny, dependency-free and reproducible.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn awkward_document(seed: &mut u64) -> Document {
    let sections = (0..next(seed) % 5)
        .map(|_| Section {
            heading: awkward_string(seed),
            rows: (0..next(seed) % 5)
                .map(|_| if next(seed).is_multiple_of(3) { Row::Text(awkward_string(seed)) } else { field(&awkward_string(seed), &awkward_string(seed)) })
                .collect(),
        })
        .collect();
    Document {
        title: awkward_string(seed),
        language: awkward_string(seed),
        intro: (0..next(seed) % 3).map(|_| awkward_string(seed)).collect(),
        sections,
        footer: awkward_string(seed),
        page_label: awkward_string(seed),
    }
}

#[test]
fn awkward_input_never_fails() {
    let qpdf = have("qpdf");
    let mut docs = vec![Document::default(), {
        let mut doc = Document { sections: vec![Section::default(); 3], ..Document::default() };
        doc.sections[1].rows = vec![field("", ""), Row::Text(String::new())];
        doc.page_label = "{page}/{pages} ".repeat(100);
        doc.footer = "lang bunntekst ".repeat(100);
        doc
    }];
    let mut seed = 0x5eed_1234_abcd_9876;
    docs.extend((0..150).map(|_| awkward_document(&mut seed)));
    for (index, doc) in docs.iter().enumerate() {
        let pdf = PdfFile::write(&format!("awkward-{index}"), doc);
        if qpdf && index % 10 == 0 {
            assert_qpdf_ok(&pdf.path);
        }
    }
}

#[test]
fn rendering_is_deterministic() {
    // Same input, same bytes: lets callers hash or deduplicate receipts.
    let doc = receipt();
    assert_eq!(render_dated(&doc, 1_764_500_000_000).expect("render"), render_dated(&doc, 1_764_500_000_000).expect("render"));
}

/// A decision letter as the office sends it: head, summary, reasons, how to appeal, signature.
fn letter() -> Document {
    Document {
        title: "Vedtak om økonomisk sosialhjelp".into(),
        language: "nb".into(),
        intro: vec!["Til: Kari Nordmann".into(), "Fra: Nav Grünerløkka".into(), "Dato: 29. februar 2000".into(), "Saksnummer: VF-7K3M-9QX2".into()],
        sections: vec![
            Section {
                heading: "Dette har vi bestemt".into(),
                rows: vec![Row::Text("Du får 7\u{a0}450 kroner i økonomisk sosialhjelp for mars. Pengene blir betalt til kontoen din 1. mars.".into())],
            },
            Section {
                heading: "Slik klager du".into(),
                rows: vec![Row::Text("Du kan klage innen tre uker etter at du fikk dette brevet. Du har rett til å se dokumentene i saken din.".into())],
            },
        ],
        footer: "Nav Grünerløkka · VF-7K3M-9QX2".into(),
        page_label: "Side {page} av {pages}".into(),
    }
}

/// The XMP metadata packet of `pdf` (qpdf writes it out uncompressed), or `None` if it has none.
fn xmp_packet(pdf: &Path) -> Option<String> {
    let qdf = pdf.with_extension("xmp.pdf");
    let out = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(pdf).arg(&qdf).output().expect("running qpdf --qdf");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).expect("read qdf")).into_owned();
    let _ = std::fs::remove_file(&qdf);
    let start = raw.find("<x:xmpmeta")?;
    let end = raw[start..].find("</x:xmpmeta>")? + start;
    Some(raw[start..end].to_owned())
}

/// The value of the simple XMP property `name` (element or attribute form), e.g. `pdfaid:part`.
fn xmp_property(xmp: &str, name: &str) -> Option<String> {
    let element = xmp.split(&format!("<{name}>")).nth(1).and_then(|rest| rest.split('<').next());
    let attribute = || xmp.split(&format!("{name}=\"")).nth(1).and_then(|rest| rest.split('"').next());
    element.or_else(attribute).map(str::to_owned)
}

#[test]
fn letters_declare_pdf_a_2a_and_pdf_ua_1_and_tools_read_them() {
    if !have_all() {
        return;
    }
    // 2000-02-29T23:59:59Z: a leap day at the last second, to hold the date conversion.
    let pdf = PdfFile::keep("pdfa", render_dated(&letter(), 951_868_799_000).expect("a letter satisfies PDF/A-2a and PDF/UA-1"));
    assert_qpdf_ok(&pdf.path);
    let extracted = text(&pdf.path, None);
    assert!(extracted.contains("Vedtak om økonomisk sosialhjelp"), "{extracted}");
    assert!(extracted.contains("Du får 7\u{a0}450 kroner") || extracted.contains("Du får 7 450 kroner"), "{extracted}");
    assert_eq!(info(&pdf.path, "PDF version"), "1.7");
    assert_eq!(info(&pdf.path, "Tagged"), "yes");
    assert_eq!(info(&pdf.path, "CreationDate"), "Tue Feb 29 23:59:59 2000 UTC");

    let xmp = xmp_packet(&pdf.path).expect("PDF/A needs an XMP metadata stream");
    assert_eq!(xmp_property(&xmp, "pdfaid:part").as_deref(), Some("2"), "{xmp}");
    assert_eq!(xmp_property(&xmp, "pdfaid:conformance").as_deref(), Some("A"), "{xmp}");
    assert_eq!(xmp_property(&xmp, "pdfuaid:part").as_deref(), Some("1"), "{xmp}");
    assert_eq!(xmp_property(&xmp, "xmp:CreateDate").as_deref(), Some("2000-02-29T23:59:59+00:00"), "{xmp}");
    assert!(xmp.contains("<rdf:li>nb</rdf:li>"), "language in dc:language: {xmp}");

    // The check tells files apart: a photo-to-PDF (not made to a profile) declares none.
    let jpeg = {
        let mut bytes = Vec::new();
        image::RgbImage::from_pixel(40, 30, image::Rgb([200, 180, 160])).write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Jpeg).unwrap();
        bytes
    };
    let plain = velferd_documents::photos::combine(&[velferd_documents::photos::Input::new("a.jpg", &jpeg)], &Default::default()).expect("combine");
    let plain = PdfFile::keep("plain", plain);
    assert_eq!(xmp_packet(&plain.path).and_then(|x| xmp_property(&x, "pdfaid:part")), None);

    // Poppler draws the page: ink on white.
    let prefix = pdf.path.with_extension("page");
    let out = Command::new("pdftoppm").args(["-png", "-r", "40", "-singlefile"]).arg(&pdf.path).arg(&prefix).output().expect("running pdftoppm");
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    let png = PathBuf::from(format!("{}.png", prefix.display()));
    if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_some() {
        eprintln!("kept {}", png.display());
    }
    let page = image::open(&png).expect("read page").into_luma8();
    if std::env::var_os("VELFERD_DOCUMENTS_KEEP").is_none() {
        let _ = std::fs::remove_file(&png);
    }
    let dark = page.pixels().filter(|p| p.0[0] < 128).count();
    assert!(dark > 200 && dark < page.pixels().len() / 10, "{dark} dark pixels");
}

#[test]
fn very_long_titles_and_headings_still_make_a_file() {
    // PDF/A-2 caps a string at 32 767 bytes; the title, heading titles and bookmarks repeat text the
    // caller gives, which may be that long.
    let long = "Svært lang overskrift ".repeat(3_000);
    let doc = Document { title: long.clone(), sections: vec![Section { heading: long.clone(), rows: vec![Row::Text("x".into())] }], ..receipt() };
    let pdf = render_dated(&doc, 0).expect("render");
    if !have_all() {
        return;
    }
    let pdf = PdfFile::keep("long-title", pdf);
    assert_qpdf_ok(&pdf.path);
    assert!(info(&pdf.path, "Title").starts_with("Svært lang overskrift"));
}

#[test]
fn awkward_input_still_makes_a_valid_profile_file() {
    // Empty title, an implausible language, text the font cannot draw and private-use characters:
    // each would break PDF/A-2a or PDF/UA-1 if passed through, so `render` must make them safe.
    let doc = Document {
        title: "\u{7}".into(), language: "not a tag!".into(), intro: vec!["漢字かな 😀👍🏽 \u{e000} \u{10ffff} \u{200d}\u{fe0f} ok".into()], ..Document::default()
    };
    let pdf = render_dated(&doc, -1).expect("render");
    if !have_all() {
        return;
    }
    let pdf = PdfFile::keep("awkward-profile", pdf);
    assert_qpdf_ok(&pdf.path);
    assert_eq!(info(&pdf.path, "Title"), "Velferd");
    let extracted = text(&pdf.path, None);
    assert!(extracted.contains("\u{fffd}") && extracted.contains("ok"), "{extracted}");
    let xmp = xmp_packet(&pdf.path).expect("xmp");
    assert!(xmp.contains("<rdf:li>und</rdf:li>"), "{xmp}");
}
