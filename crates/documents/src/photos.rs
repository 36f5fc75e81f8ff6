//! Photos and PDFs of documents, combined into one small, readable A4 PDF.
//!
//! Citizens photograph bank statements and rent contracts with their phones,
//! or download PDFs from their bank. [`combine`] takes those files in order and
//! returns one PDF with
//!
//! - one page per picture (JPEG or PNG), turned upright by its EXIF
//!   orientation, re-encoded as JPEG with the long side at most 2000 px
//!   (about 170 dpi on A4: small print stays readable), in greyscale when the
//!   picture has no real colour (a text page; then dim or uneven light is
//!   evened out where that is safe, `photos/light.rs`), and without the
//!   original's metadata (GPS position, camera, time);
//! - the pages of each PDF (or of the part a citizen split off, [`Input::pages`]),
//!   copied as they are (vector text stays text), turned as the citizen turned
//!   them, and scaled to fit A4, with what a reader shows of form fields, comments and
//!   visible signatures drawn onto them (flattened), and a note page after
//!   them naming files that were attached inside the PDF; scripts, actions,
//!   links, the form itself and attached files are not copied, and every
//!   output is checked again for them (see `photos/pdf_input.rs` for why pages
//!   are copied rather than re-rendered: text stays searchable);
//! - every page A4, portrait or landscape as the picture or page is, the
//!   content centred and scaled to fit (pictures with a 5 mm margin, so a
//!   printer does not clip them).
//!
//! The type of each file comes from its content, never from its name. A file
//! that cannot be converted faithfully is rejected with a [`ConvertError`]
//! naming the input and the [`Problem`], for the web layer to translate
//! ([`Problem::code`]). Nothing panics on hostile input: each input and the
//! final serialisation run under `catch_unwind` as a last line of defence.
//!
//! HEIC (the iPhone's "High Efficiency" format) is recognised and rejected
//! with a hint: there is not yet a pure-Rust HEVC decoder that is both
//! permissively licensed and mature enough for untrusted uploads, and libheif
//! (C, through `libheif-rs`) was measured and not taken (README, Benchmarks, HEIC).

use std::panic::{catch_unwind, AssertUnwindSafe};

use krilla::configure::{ConfigurationBuilder, PdfVersion};
use krilla::geom::{Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::pdf::PdfDocument;
use krilla::SerializeSettings;

mod flatten;
mod light;
mod pdf_input;
pub mod preview;
mod raster;
mod sheet;
mod sniff;

pub use preview::{preview, turned_jpeg, Measures, Preview, Warning};

use sniff::Kind;

/// One file to convert: a display name (only used in messages) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// Quarter turns clockwise: the citizen's "rotate" button. A picture is turned after its EXIF
    /// orientation; a PDF's pages after their own `/Rotate`, each page alike.
    pub quarter_turns: u8,
    /// For a PDF, only these pages: the first (0-based) and how many — one part of a PDF the
    /// citizen split. `None`: every page. Ignored for pictures. A range past the PDF's end is
    /// refused as [`Problem::BrokenPdf`] (the file is not the one the range was made for).
    pub pages: Option<(usize, usize)>,
}

impl<'a> Input<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Input { name, bytes, quarter_turns: 0, pages: None }
    }

    /// The same input turned `quarter_turns` × 90° clockwise.
    pub fn turned(self, quarter_turns: u8) -> Self {
        Input { quarter_turns: quarter_turns % 4, ..self }
    }

    /// The same input limited to `count` pages from page `first` (0-based), for a PDF.
    pub fn pages(self, first: usize, count: usize) -> Self {
        Input { pages: Some((first, count)), ..self }
    }
}

/// Hard limits against decompression bombs and runaway output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest picture accepted, in pixels (width × height), checked from the
    /// header before anything is decoded. Default 50 megapixels (a 48 MP
    /// phone camera's full-resolution photo still fits).
    pub max_pixels: u64,
    /// Largest input file in bytes. Default 50 MiB.
    pub max_input_bytes: usize,
    /// Most pages in the result. Default 200.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_pixels: 50_000_000, max_input_bytes: 50 << 20, max_pages: 200 }
    }
}

/// How pictures are re-encoded. The defaults are what [`combine`] uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoding {
    /// Longest side of a re-encoded picture, in pixels. Default 2000
    /// (about 170 dpi across the long side of A4).
    pub max_long_side: u32,
    /// JPEG quality, 1–100. Default 75.
    pub jpeg_quality: u8,
}

impl Default for Encoding {
    fn default() -> Self {
        Encoding { max_long_side: 2000, jpeg_quality: 75 }
    }
}

/// What is wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Larger than [`Limits::max_input_bytes`].
    #[error("the file is {bytes} bytes, more than the limit of {limit}")]
    TooLarge { bytes: usize, limit: usize },
    /// The content is not a picture or PDF we know (e.g. text named `.jpg`).
    #[error("the file is not a JPEG, PNG or PDF file (its content is something else)")]
    NotAnImage,
    /// HEIC/HEIF, from an iPhone set to "High Efficiency". Refused rather than decoded: why, with
    /// the numbers, in the README (Benchmarks, HEIC).
    #[error(
        "HEIC photos cannot be read yet; please send it as JPEG (on iPhone: Settings → Camera → Formats → Most Compatible, \
         then take the photo again, or send a copy saved as JPEG)"
    )]
    Heic,
    /// A recognised format that is not converted (GIF, WebP, TIFF, BMP, AVIF, video, Office …).
    #[error("the file is a {kind} file; please send JPEG, PNG or PDF")]
    UnsupportedType { kind: &'static str },
    /// More pixels than [`Limits::max_pixels`].
    #[error("the picture is {width}×{height} pixels, more than the limit of {limit} pixels")]
    TooManyPixels { width: u32, height: u32, limit: u64 },
    /// Starts like a JPEG or PNG but cannot be decoded (damaged or cut off).
    #[error("the picture is damaged or incomplete: {detail}")]
    BrokenImage { detail: String },
    /// A PDF that needs a password to open. (One protected only by an owner password, which
    /// opens without one, is accepted and copied unprotected.)
    #[error(
        "the PDF needs a password to open; please open it, then print it to a new PDF (Print → Save as PDF) \
         or download it again without a password, and send that"
    )]
    EncryptedPdf,
    /// Starts like a PDF but is damaged or cut off beyond a faithful repair.
    #[error("the PDF is damaged: {detail}")]
    BrokenPdf { detail: String },
    /// Reading it crashed the converter (a bug; the file is probably damaged).
    #[error("the file could not be read")]
    Unreadable,
}

impl Problem {
    /// A stable identifier for a translated message, e.g. `"too-many-pixels"`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Empty => "empty",
            Problem::TooLarge { .. } => "too-large",
            Problem::NotAnImage => "not-an-image",
            Problem::Heic => "heic",
            Problem::UnsupportedType { .. } => "unsupported-type",
            Problem::TooManyPixels { .. } => "too-many-pixels",
            Problem::BrokenImage { .. } => "broken-image",
            Problem::EncryptedPdf => "encrypted-pdf",
            Problem::BrokenPdf { .. } => "broken-pdf",
            Problem::Unreadable => "unreadable",
        }
    }
}

/// Why [`combine`] produced no PDF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConvertError {
    /// No inputs were given.
    #[error("no files to combine")]
    NoInputs,
    /// Input number `index` (0-based, in the order given), called `name`, was rejected.
    #[error("{name}: {problem}")]
    Input { index: usize, name: String, problem: Problem },
    /// All inputs together would give more than [`Limits::max_pages`] pages.
    #[error("the result would have {pages} pages, more than the limit of {limit}")]
    TooManyPages { pages: usize, limit: usize },
    /// Writing the PDF failed (a bug, not the inputs' fault).
    #[error("writing the PDF failed: {0}")]
    Write(String),
}

impl ConvertError {
    /// The rejected input's index and problem, if an input was at fault.
    pub fn input(&self) -> Option<(usize, &Problem)> {
        match self {
            ConvertError::Input { index, problem, .. } => Some((*index, problem)),
            _ => None,
        }
    }
}

/// How many pages a PDF has, after the same checks [`combine`] makes.
pub fn pdf_page_count(bytes: &[u8]) -> Result<usize, Problem> {
    catch_unwind(AssertUnwindSafe(|| pdf_input::check(bytes).map(|pdf| pdf.page_sizes.len()))).unwrap_or(Err(Problem::Unreadable))
}

/// Combines `inputs`, in order, into one A4 PDF with the default [`Encoding`].
pub fn combine(inputs: &[Input<'_>], limits: &Limits) -> Result<Vec<u8>, ConvertError> {
    combine_with(inputs, limits, &Encoding::default())
}

/// [`combine`] with a chosen [`Encoding`] (for measurements and tuning).
pub fn combine_with(inputs: &[Input<'_>], limits: &Limits, encoding: &Encoding) -> Result<Vec<u8>, ConvertError> {
    if inputs.is_empty() {
        return Err(ConvertError::NoInputs);
    }
    let mut prepared = Vec::with_capacity(inputs.len());
    let mut pages = 0usize;
    for (index, input) in inputs.iter().enumerate() {
        let reject = |problem| ConvertError::Input { index, name: input.name.to_owned(), problem };
        let item = catch_unwind(AssertUnwindSafe(|| prepare(input, limits, encoding))).unwrap_or(Err(Problem::Unreadable)).map_err(reject)?;
        pages += item.page_count();
        if pages > limits.max_pages {
            return Err(ConvertError::TooManyPages { pages, limit: limits.max_pages });
        }
        prepared.push(item);
    }
    catch_unwind(AssertUnwindSafe(move || write(inputs, prepared))).unwrap_or_else(|_| Err(ConvertError::Write("the PDF writer crashed".into())))
}

enum Prepared {
    Picture(raster::Encoded),
    /// A checked PDF, the pages to copy (indexes into its own pages) and the citizen's quarter turns.
    Pdf(pdf_input::CheckedPdf, std::ops::Range<usize>, u8),
}

impl Prepared {
    fn page_count(&self) -> usize {
        match self {
            Prepared::Picture(_) => 1,
            Prepared::Pdf(pdf, pages, _) => pages.len() + usize::from(!pdf.attachments.is_empty()),
        }
    }
}

/// The pages of `pdf` that `input` asks for, or why they cannot be given.
pub(crate) fn selected_pages(pdf: &pdf_input::CheckedPdf, input: &Input<'_>) -> Result<std::ops::Range<usize>, Problem> {
    let all = pdf.page_sizes.len();
    match input.pages {
        None => Ok(0..all),
        Some((first, count)) if count > 0 && first.checked_add(count).is_some_and(|end| end <= all) => Ok(first..first + count),
        Some(_) => Err(Problem::BrokenPdf { detail: format!("it has {all} pages, not the pages asked for") }),
    }
}

fn prepare(input: &Input<'_>, limits: &Limits, encoding: &Encoding) -> Result<Prepared, Problem> {
    let bytes = input.bytes;
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(Problem::TooLarge { bytes: bytes.len(), limit: limits.max_input_bytes });
    }
    match sniff::sniff(bytes) {
        Kind::Jpeg => {
            sniff::check_jpeg_structure(bytes).map_err(|defect| Problem::BrokenImage {
                detail: match defect {
                    sniff::JpegDefect::Truncated => "the file is cut off; please send it again".into(),
                    sniff::JpegDefect::Garbled => "the JPEG structure is damaged".into(),
                },
            })?;
            raster::convert(bytes, raster::Format::Jpeg, limits, encoding, input.quarter_turns).map(Prepared::Picture)
        }
        Kind::Png => raster::convert(bytes, raster::Format::Png, limits, encoding, input.quarter_turns).map(Prepared::Picture),
        Kind::Pdf => {
            let pdf = pdf_input::check(bytes)?;
            let pages = selected_pages(&pdf, input)?;
            Ok(Prepared::Pdf(pdf, pages, input.quarter_turns % 4))
        }
        Kind::Unsupported("HEIC") => Err(Problem::Heic),
        Kind::Unsupported(kind) => Err(Problem::UnsupportedType { kind }),
        Kind::Unknown => Err(Problem::NotAnImage),
    }
}

/// A4 in points (210 × 297 mm).
const A4_SHORT: f32 = 595.2756;
const A4_LONG: f32 = 841.8898;
/// White border around a picture: most printers cannot print the outer ~4 mm.
const PICTURE_MARGIN: f32 = 5.0 * 72.0 / 25.4;

/// A4 in the orientation of content `width` × `height`: landscape content gets a
/// landscape page, so it is shown as large as it can be (a wide table on a
/// portrait page would be shrunk to 70 %); viewers show it as it is and
/// printers turn it.
fn page_size_for(width: f32, height: f32) -> (f32, f32) {
    if width > height {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    }
}

/// Scale and offset that fit `width` × `height` centred into the page minus `margin`.
fn fit(width: f32, height: f32, page: (f32, f32), margin: f32) -> (f32, f32, f32) {
    let scale = ((page.0 - 2.0 * margin) / width).min((page.1 - 2.0 * margin) / height);
    let x = (page.0 - width * scale) / 2.0;
    let y = (page.1 - height * scale) / 2.0;
    (scale, x, y)
}

fn write(inputs: &[Input<'_>], prepared: Vec<Prepared>) -> Result<Vec<u8>, ConvertError> {
    let needs_pdf_2 = prepared.iter().any(|p| matches!(p, Prepared::Pdf(pdf, ..) if pdf.is_pdf_2));
    let version = if needs_pdf_2 { PdfVersion::Pdf20 } else { PdfVersion::Pdf17 };
    let configuration = ConfigurationBuilder::new().with_version(version).finish().map_err(|e| ConvertError::Write(format!("{e:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: false, ..SerializeSettings::default() };
    let mut document = krilla::Document::new_with(settings);
    let mut embedded: Vec<(PdfDocument, usize)> = Vec::new();
    let invalid_size = || ConvertError::Write("invalid page size".into());

    for (index, item) in prepared.into_iter().enumerate() {
        match item {
            Prepared::Picture(picture) => {
                let (w, h) = (picture.width as f32, picture.height as f32);
                let page_size = page_size_for(w, h);
                let (scale, x, y) = fit(w, h, page_size, PICTURE_MARGIN);
                let image = Image::from_jpeg(picture.jpeg.into(), true).map_err(ConvertError::Write)?;
                let settings = PageSettings::from_wh(page_size.0, page_size.1).ok_or_else(invalid_size)?;
                let size = Size::from_wh(w * scale, h * scale).ok_or_else(invalid_size)?;
                let mut page = document.start_page_with(settings);
                let mut surface = page.surface();
                surface.push_transform(&Transform::from_translate(x, y));
                surface.draw_image(image, size);
                surface.pop();
                surface.finish();
                page.finish();
            }
            Prepared::Pdf(pdf, pages, turns) => {
                let doc = PdfDocument::new(pdf.pdf);
                embedded.push((doc.clone(), index));
                for page_index in pages {
                    let (w, h) = pdf.page_sizes[page_index];
                    // Turned a quarter or three, the page is seen with its sides swapped.
                    let (seen_w, seen_h) = if turns % 2 == 1 { (h, w) } else { (w, h) };
                    let page_size = page_size_for(seen_w, seen_h);
                    let already_a4 = (seen_w - page_size.0).abs() < 2.0 && (seen_h - page_size.1).abs() < 2.0;
                    let (scale, x, y) = if already_a4 { (page_size.0 / seen_w, 0.0, 0.0) } else { fit(seen_w, seen_h, page_size, 0.0) };
                    let settings = PageSettings::from_wh(page_size.0, page_size.1).ok_or_else(invalid_size)?;
                    let size = Size::from_wh(w, h).ok_or_else(invalid_size)?;
                    let mut page = document.start_page_with(settings);
                    let mut surface = page.surface();
                    surface.push_transform(&Transform::from_translate(x, y));
                    surface.push_transform(&Transform::from_scale(scale, scale));
                    surface.push_transform(&quarter_turns_within(turns, w, h));
                    surface.draw_pdf_page(&doc, size, page_index);
                    for overlay in pdf.overlays.get(page_index).into_iter().flatten() {
                        let Some(size) = Size::from_wh(overlay.size.0, overlay.size.1) else { continue };
                        let [a, b, c, d, e, f] = overlay.transform.map(|v| v as f32);
                        surface.push_transform(&Transform::from_row(a, b, c, d, e, f));
                        surface.draw_pdf_page(&doc, size, overlay.helper_page);
                        surface.pop();
                    }
                    surface.pop();
                    surface.pop();
                    surface.pop();
                    surface.finish();
                    page.finish();
                }
                if !pdf.attachments.is_empty() {
                    let name = inputs.get(index).map_or("", |i| i.name);
                    let note = attachments_note(name, &pdf.attachments).map_err(|e| ConvertError::Write(e.to_string()))?;
                    let note = hayro_syntax::Pdf::new(note).map_err(|_| ConvertError::Write("the note page could not be read back".into()))?;
                    let note = PdfDocument::new(std::sync::Arc::new(note));
                    let settings = PageSettings::from_wh(A4_SHORT, A4_LONG).ok_or_else(invalid_size)?;
                    let mut page = document.start_page_with(settings);
                    let mut surface = page.surface();
                    surface.draw_pdf_page(&note, Size::from_wh(A4_SHORT, A4_LONG).ok_or_else(invalid_size)?, 0);
                    surface.finish();
                    page.finish();
                }
            }
        }
    }

    let bytes = document.finish().map_err(|error| match error {
        krilla::error::KrillaError::Pdf(doc, problem, _) => match embedded.iter().find(|(d, _)| *d == doc) {
            Some(&(_, index)) => {
                ConvertError::Input { index, name: inputs.get(index).map(|i| i.name.to_owned()).unwrap_or_default(), problem: Problem::BrokenPdf { detail: problem.to_string() } }
            }
            None => ConvertError::Write(problem.to_string()),
        },
        other => ConvertError::Write(format!("{other:?}")),
    })?;
    // Pages are copied with their resources only, so nothing active should come along; a
    // resource dictionary that carries such keys anyway fails closed here.
    match pdf_input::active_content(&bytes) {
        None => Ok(bytes),
        Some(what) => Err(ConvertError::Write(format!("the result would contain active content ({what})"))),
    }
}

/// The transform that turns a `w` × `h` page `turns` quarters clockwise as seen on paper, keeping
/// it in the positive quadrant (so the turned page is `h` × `w` for odd turns). Krilla's surface
/// has y pointing down, so clockwise on paper is a positive angle.
fn quarter_turns_within(turns: u8, w: f32, h: f32) -> Transform {
    match turns % 4 {
        1 => Transform::from_row(0.0, 1.0, -1.0, 0.0, h, 0.0),
        2 => Transform::from_row(-1.0, 0.0, 0.0, -1.0, w, h),
        3 => Transform::from_row(0.0, -1.0, 1.0, 0.0, 0.0, w),
        _ => Transform::identity(),
    }
}

/// The note page for files attached inside the PDF `name`: one A4 page (the list is capped), in
/// bokmål, the office's language, laid out by [`crate::render_dated`]. Only its page is copied into
/// the combined PDF, never its metadata, so its creation date is the epoch: the same inputs still
/// give the same combined file.
fn attachments_note(name: &str, attachments: &[String]) -> Result<Vec<u8>, crate::PdfError> {
    crate::render_dated(
        &crate::Document {
            title: "Filer som lå ved inne i PDF-en".into(),
            language: "nb".into(),
            intro: vec![format!(
                "PDF-filen «{name}» hadde disse filene lagt ved inne i seg. De er ikke tatt med i dette dokumentet. \
             Trengs de, må de sendes som egne filer."
            )],
            sections: vec![crate::Section { heading: "Vedlagte filer".into(), rows: attachments.iter().take(20).map(|a| crate::Row::Text(a.clone())).collect() }],
            footer: "Velferd · lagt til ved mottak".into(),
            page_label: String::new(),
        },
        0,
    )
}
