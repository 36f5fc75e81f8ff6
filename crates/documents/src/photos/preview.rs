//! What a citizen sees of a file right after choosing it, before anything is sent: a small upright
//! picture of the page as it will be sent (the sheet cut out and straightened where one is found,
//! `sheet.rs`), and a warning when the photo is probably unreadable, each naming what to do (blurred,
//! too dark, a page with nothing on it, a page cut off by the photo's edge, a page photographed at
//! a slant). The file is checked and the sheet looked for exactly as [`super::combine`] does, so a
//! file that previews fine also converts, and the warnings are about the page that is sent.

use image::imageops::FilterType;
use image::{DynamicImage, GrayImage};

use super::raster::{self, fit_long_side};
use super::sheet;
use super::sniff::{self, Kind};
use super::{pdf_input, Input, Limits, Problem};

/// Why a page is probably hard to read, and so what the citizen should do. The web layer words
/// these for people (`photo-fix-<code>` in its Fluent files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// Edges are soft: the camera moved or did not focus. Fix: hold the phone still.
    Blurry,
    /// Even the paper is dark: too little light. Fix: take it again closer to a window.
    Dark,
    /// Almost nothing on the page: the wrong side, or the document is not in the picture.
    MostlyEmpty,
    /// The sheet runs off the photo's edge while the desk shows elsewhere: part of the page is
    /// missing. Fix: get the whole sheet in the picture.
    CutOff,
    /// The sheet was photographed at a slant (opposite sides differ by more than a fifth): it is
    /// straightened, but its far end has few pixels. Fix: hold the phone straight above the page.
    Slanted,
    /// A PDF that carries files inside it (an e-signature's evidence, say). Its pages are sent;
    /// the attached files are not opened or copied, only named on a note page after them. Fix: if
    /// the office needs one of those files, send it as a file of its own.
    AttachedFiles,
}

impl Warning {
    /// Every warning, for the web layer's check that each has its words.
    pub const ALL: [Warning; 6] = [Warning::Blurry, Warning::Dark, Warning::MostlyEmpty, Warning::CutOff, Warning::Slanted, Warning::AttachedFiles];

    /// A stable identifier, stored with sent documents (`document_warnings`) and used in message keys.
    pub fn code(self) -> &'static str {
        match self {
            Warning::Blurry => "blurry",
            Warning::Dark => "dark",
            Warning::MostlyEmpty => "empty",
            Warning::CutOff => "cut-off",
            Warning::Slanted => "slanted",
            Warning::AttachedFiles => "attached-files",
        }
    }
}

/// A picture's preview, or a PDF's page count (PDF pages are not drawn here).
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    Picture {
        /// A JPEG with the long side at most the requested size, upright as it will be sent.
        thumbnail: Vec<u8>,
        width: u32,
        height: u32,
        warnings: Vec<Warning>,
        /// The measurements behind the warnings (for tuning and tests).
        measures: Measures,
    },
    Pdf {
        pages: usize,
        /// The first pages side by side (up to [`SHEET_PAGES`]), as one JPEG; `None` when they
        /// could not be drawn (the PDF itself passed every check and will be sent as it is).
        sheet: Option<Vec<u8>>,
        /// What the person should know before sending (only [`Warning::AttachedFiles`] today).
        warnings: Vec<Warning>,
    },
}

/// How many pages of a PDF the preview sheet shows.
pub const SHEET_PAGES: usize = 12;

/// Readability measures of a page photo, taken on a grey copy with the long side at 1000 px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    /// Brightness of the paper: the 95th percentile of grey values (0–255).
    pub paper: f32,
    /// Share of pixels darker than the paper around them (even faintly): ink, lines, pictures.
    pub ink: f32,
    /// Sharpness: the mean of the strongest 1 % of Laplacian responses, relative to the contrast
    /// between paper and ink. Sharp print gives high values; a shaken photo low ones.
    pub sharpness: f32,
}

/// Paper darker than this (of 255) is too dark to read comfortably.
const DARK_PAPER: f32 = 70.0;
/// Less ink than this share of the page: (almost) nothing on it.
const EMPTY_INK: f32 = 0.003;
/// Below this the text is probably too blurred to read (see the calibration in tests/preview.rs).
const BLURRY: f32 = 0.4;

/// Checks one file and makes its preview, applying `quarter_turns` clockwise after the EXIF
/// orientation as [`super::combine`] does.
pub fn preview(input: &Input<'_>, limits: &Limits, max_side: u32) -> Result<Preview, Problem> {
    let bytes = input.bytes;
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(Problem::TooLarge { bytes: bytes.len(), limit: limits.max_input_bytes });
    }
    let image = match sniff::sniff(bytes) {
        Kind::Jpeg => {
            sniff::check_jpeg_structure(bytes).map_err(|_| Problem::BrokenImage { detail: "the JPEG structure is damaged or cut off".into() })?;
            raster::decode_upright(bytes, raster::Format::Jpeg, limits, input.quarter_turns)?
        }
        Kind::Png => raster::decode_upright(bytes, raster::Format::Png, limits, input.quarter_turns)?,
        Kind::Pdf => {
            let pdf = pdf_input::check(bytes)?;
            let pages = super::selected_pages(&pdf, input)?;
            let count = pages.len();
            let sheet = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdf_sheet(&pdf, pages, input.quarter_turns, max_side))).ok().flatten();
            let warnings = if pdf.attachments.is_empty() { vec![] } else { vec![Warning::AttachedFiles] };
            return Ok(Preview::Pdf { pages: count, sheet, warnings });
        }
        Kind::Unsupported("HEIC") => return Err(Problem::Heic),
        Kind::Unsupported(kind) => return Err(Problem::UnsupportedType { kind }),
        Kind::Unknown => return Err(Problem::NotAnImage),
    };
    // The page as `combine` will send it: the sheet alone, straightened, where one is found. The
    // measures need no more than 1000 px (see `measure`), nor does a thumbnail.
    let photo = raster::flatten_on_white(image);
    let found = sheet::find(&photo);
    let page = match found {
        sheet::Found::Sheet(sheet) => DynamicImage::ImageRgb8(sheet::straighten(&photo, &sheet, 1000.max(max_side))),
        _ => DynamicImage::ImageRgb8(photo),
    };
    let measures = measure(&page);
    let mut warnings = warnings(&measures);
    match found {
        sheet::Found::CutOff => warnings.push(Warning::CutOff),
        sheet::Found::Sheet(sheet) if sheet.slant() > sheet::SLANTED => warnings.push(Warning::Slanted),
        _ => {}
    }
    let (width, height) = fit_long_side(page.width(), page.height(), max_side);
    let small = page.resize_exact(width, height, FilterType::Triangle).into_rgb8();
    let mut thumbnail = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut thumbnail, 70).encode_image(&small).map_err(|e| Problem::BrokenImage { detail: e.to_string() })?;
    Ok(Preview::Picture { thumbnail, width, height, warnings, measures })
}

/// A thumbnail (any JPEG) turned `quarter_turns` × 90° clockwise, re-encoded; `None` when it is not
/// a JPEG that decodes. Unlike [`preview`] it does nothing else to the picture (a thumbnail is
/// already the page as it will be sent).
pub fn turned_jpeg(jpeg: &[u8], quarter_turns: u8) -> Option<Vec<u8>> {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).ok()?.into_rgb8();
    let turned = match quarter_turns % 4 {
        1 => image::imageops::rotate90(&image),
        2 => image::imageops::rotate180(&image),
        3 => image::imageops::rotate270(&image),
        _ => image,
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 70).encode_image(&turned).ok()?;
    Some(out)
}

/// The first of the `selected` pages of a checked PDF drawn small, each turned `quarter_turns`
/// clockwise, side by side in rows of three, on grey.
fn pdf_sheet(pdf: &pdf_input::CheckedPdf, selected: std::ops::Range<usize>, quarter_turns: u8, max_side: u32) -> Option<Vec<u8>> {
    let pages = pdf.pdf.pages();
    // Only the document's own pages: flattening's helper pages follow them (photos/flatten.rs).
    let first = selected.start;
    let count = selected.end.min(pdf.page_sizes.len()).min(pages.len()).saturating_sub(first).min(SHEET_PAGES);
    if count == 0 {
        return None;
    }
    let columns = count.min(3) as u32;
    let rows = count.div_ceil(3) as u32;
    let gap = 6u32;
    let cell_w = ((max_side.saturating_sub(gap * (columns + 1))) / columns).max(40);
    // Cells as the first page is seen: a landscape page (or a portrait one turned a quarter) gets
    // landscape cells, so a single turned page is shown as large as a single upright one.
    let landscape = pages.get(first).is_some_and(|p| {
        let (w, h) = p.render_dimensions();
        (w > h) != (quarter_turns % 2 == 1)
    });
    let cell_h = if landscape { cell_w * 210 / 297 } else { cell_w * 297 / 210 };
    let mut sheet = image::RgbImage::from_pixel(gap + columns * (cell_w + gap), gap + rows * (cell_h + gap), image::Rgb([225, 225, 225]));
    let cache = hayro::RenderCache::new();
    let settings = hayro::hayro_interpret::InterpreterSettings::default();
    let turned = quarter_turns % 2 == 1;
    for (i, page) in pages.iter().skip(first).take(count).enumerate() {
        let (w, h) = page.render_dimensions();
        if !(w > 0.0 && h > 0.0) {
            continue;
        }
        let (seen_w, seen_h) = if turned { (h, w) } else { (w, h) };
        let scale = (cell_w as f32 / seen_w).min(cell_h as f32 / seen_h);
        let render = hayro::RenderSettings { x_scale: scale, y_scale: scale, bg_color: hayro::vello_cpu::color::palette::css::WHITE, ..Default::default() };
        let pixmap = hayro::render(page, &cache, &settings, &render);
        let (pw, ph) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        let rgba = pixmap.data_as_u8_slice();
        let drawn = image::RgbImage::from_fn(pw, ph, |x, y| {
            let at = ((y * pw + x) * 4) as usize;
            rgba.get(at..at + 3).map_or(image::Rgb([255, 255, 255]), |px| image::Rgb([px[0], px[1], px[2]]))
        });
        let drawn = match quarter_turns % 4 {
            1 => image::imageops::rotate90(&drawn),
            2 => image::imageops::rotate180(&drawn),
            3 => image::imageops::rotate270(&drawn),
            _ => drawn,
        };
        let (pw, ph) = drawn.dimensions();
        let x0 = gap + (i as u32 % 3) * (cell_w + gap) + (cell_w.saturating_sub(pw)) / 2;
        let y0 = gap + (i as u32 / 3) * (cell_h + gap) + (cell_h.saturating_sub(ph)) / 2;
        for y in 0..ph.min(cell_h) {
            for x in 0..pw.min(cell_w) {
                sheet.put_pixel(x0 + x, y0 + y, *drawn.get_pixel(x, y));
            }
        }
    }
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 70).encode_image(&sheet).ok()?;
    Some(jpeg)
}

pub fn warnings(m: &Measures) -> Vec<Warning> {
    let mut out = Vec::new();
    if m.paper < DARK_PAPER {
        out.push(Warning::Dark);
    }
    if m.ink < EMPTY_INK {
        out.push(Warning::MostlyEmpty);
    } else if m.sharpness < BLURRY {
        out.push(Warning::Blurry);
    }
    out
}

/// Measures a page photo (see [`Measures`]).
pub fn measure(image: &DynamicImage) -> Measures {
    let (w, h) = fit_long_side(image.width(), image.height(), 1000);
    let grey: GrayImage = image.resize_exact(w, h, FilterType::Triangle).into_luma8();
    let mut histogram = [0u64; 256];
    for p in grey.pixels() {
        histogram[usize::from(p[0])] += 1;
    }
    let total = u64::from(w) * u64::from(h);
    let percentile = |share: f64| -> f32 {
        let target = (total as f64 * share) as u64;
        let mut seen = 0;
        for (value, count) in histogram.iter().enumerate() {
            seen += count;
            if seen > target {
                return value as f32;
            }
        }
        255.0
    };
    let paper = percentile(0.95);
    // Ink: clearly darker than the paper around it (a shadow across the page is not ink).
    let background = image::imageops::blur(&grey, 12.0);
    let ink_pixels = grey.pixels().zip(background.pixels()).filter(|(p, b)| f32::from(p[0]) < 0.92 * f32::from(b[0])).count();
    let ink = ink_pixels as f32 / total.max(1) as f32;
    let dark_ink = percentile(0.005);
    let contrast = (paper - dark_ink).max(16.0);

    // 4-neighbour Laplacian; the mean of its strongest 1 % is how crisp the sharpest edges are.
    let mut responses: Vec<u16> = Vec::with_capacity(total as usize);
    if w >= 3 && h >= 3 {
        for y in 1..h - 1 {
            for x in 1..w - 1 {
                let c = i32::from(grey.get_pixel(x, y)[0]);
                let sum = i32::from(grey.get_pixel(x - 1, y)[0])
                    + i32::from(grey.get_pixel(x + 1, y)[0])
                    + i32::from(grey.get_pixel(x, y - 1)[0])
                    + i32::from(grey.get_pixel(x, y + 1)[0]);
                responses.push((4 * c - sum).unsigned_abs().min(u32::from(u16::MAX)) as u16);
            }
        }
    }
    let top = (responses.len() / 100).max(1);
    let sharpness = if responses.is_empty() {
        0.0
    } else {
        let cut = responses.len() - top;
        responses.select_nth_unstable(cut);
        let strongest = &responses[cut..];
        strongest.iter().map(|&v| f32::from(v)).sum::<f32>() / strongest.len() as f32 / contrast
    };
    Measures { paper, ink, sharpness }
}
