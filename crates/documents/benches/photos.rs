//! Benchmark: phone photos of a text page into one A4 PDF, `photos::combine` against img2pdf
//! (PyPI) and ImageMagick `convert` (Debian) on the same inputs, side by side in one run.
//!
//! Run: `./scripts/bench-photos` (installs imagemagick, tesseract-ocr, poppler-utils and img2pdf when
//! missing, then `cargo bench -p velferd-documents --bench photos`). Prints one markdown table:
//! time (median of 3), output size and an OCR word match for each tool, then whether the goals are
//! met: output no larger than img2pdf's re-encoded equivalent, time at most ImageMagick's, text
//! still readable.
//!
//! The inputs are made here, deterministically: eight 12-megapixel photos (3000×4000, or 4000×3000
//! stored with EXIF orientation 6 or 8, one stored upside down with orientation 3) of an A4 page
//! of real words drawn with DejaVu Sans, slightly tilted on a desk, under warm uneven light (some
//! underexposed), slightly blurred and noisy, saved as JPEG quality 92 like a phone does.
//!
//! Readability: tesseract reads one input photo (turned upright) and the same page of each
//! output (rendered with `pdftoppm -r 150`); the share of the input's words of four letters or
//! more that are found again is reported. Every page of every output is also read and compared
//! with the words drawn on it: a page turned sideways or upside down reads as nothing, so a page
//! where OCR finds at least half of its words is upright.
//!
//! `cargo test --all-targets` runs this binary too, without `--bench`: then it only pushes one
//! small generated photo through `combine` (no external tools) and exits.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, RgbImage};
use velferd_documents::photos::{combine, Input, Limits};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Timed runs per tool; the median is reported.
const RUNS: usize = 3;
/// The input whose text is read back with OCR (1-based): turned by EXIF and underexposed.
const OCR_PAGE: usize = 3;

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        full_run();
    } else {
        smoke_run();
    }
}

// ------------------------------------------------------------------------------------ inputs

/// One generated phone photo.
#[derive(Clone, Copy)]
struct Shot {
    /// EXIF orientation written into the file (1 = none written).
    orientation: u16,
    /// Linear exposure of the paper's brightest spot: about 0.9 is well lit, 0.15 underexposed.
    exposure: f32,
    /// How much light falls off across the page (0 = even), from a hand or the phone's shadow.
    shadow: f32,
    /// Tilt of the page in the picture, degrees.
    tilt: f32,
    /// Blur passes (each a [1 2 1] filter both ways).
    blur: u32,
    seed: u64,
}

const SHOTS: [Shot; 8] = [
    Shot { orientation: 1, exposure: 0.90, shadow: 0.25, tilt: 1.2, blur: 1, seed: 1 },
    Shot { orientation: 6, exposure: 0.85, shadow: 0.35, tilt: -2.0, blur: 2, seed: 2 },
    Shot { orientation: 6, exposure: 0.16, shadow: 0.30, tilt: 0.8, blur: 2, seed: 3 },
    Shot { orientation: 1, exposure: 0.13, shadow: 0.45, tilt: -1.0, blur: 1, seed: 4 },
    Shot { orientation: 8, exposure: 0.80, shadow: 0.20, tilt: 2.5, blur: 1, seed: 5 },
    Shot { orientation: 3, exposure: 0.88, shadow: 0.30, tilt: -0.6, blur: 2, seed: 6 },
    Shot { orientation: 1, exposure: 0.75, shadow: 0.55, tilt: 1.8, blur: 3, seed: 7 },
    Shot { orientation: 6, exposure: 0.20, shadow: 0.40, tilt: -1.5, blur: 3, seed: 8 },
];

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly standard normal (sum of four uniforms).
    fn normal(&mut self) -> f32 {
        let v = self.next();
        let s: u32 = (0..4).map(|i| ((v >> (16 * i)) & 0xFFFF) as u32).sum();
        (s as f32 / 65536.0 - 2.0) * 1.732
    }
}

const WORDS: &[&str] = &[
    "leietaker",
    "utleier",
    "boligen",
    "husleie",
    "betales",
    "forskudd",
    "hver",
    "maned",
    "kontonummer",
    "depositum",
    "tilsvarende",
    "tre",
    "maneders",
    "leie",
    "avtalen",
    "gjelder",
    "fra",
    "og",
    "med",
    "oppsigelse",
    "skal",
    "skje",
    "skriftlig",
    "frist",
    "strom",
    "inkludert",
    "vann",
    "avgifter",
    "fellesutgifter",
    "parkering",
    "bod",
    "leiligheten",
    "rom",
    "kjokken",
    "bad",
    "nokler",
    "overlevert",
    "innflytting",
    "utflytting",
    "vedlikehold",
    "skader",
    "meldes",
    "straks",
    "husdyr",
    "tillatt",
    "royking",
    "ikke",
    "fremleie",
    "samtykke",
    "betaling",
    "forfall",
    "renter",
    "purring",
    "kontrakt",
    "signert",
    "dato",
    "underskrift",
    "kommune",
    "adresse",
    "postnummer",
    "telefon",
    "vitne",
    "beskrivelse",
    "standard",
    "maling",
    "gulv",
    "vinduer",
    "dusj",
    "vaskemaskin",
    "komfyr",
    "kjoleskap",
    "internett",
    "avtale",
    "forbehold",
    "endringer",
    "regulering",
    "konsumprisindeks",
    "varsel",
    "er",
    "i",
    "til",
    "for",
    "som",
    "det",
    "av",
    "partene",
    "begge",
    "eksemplar",
    "hvert",
    "tidsbestemt",
    "minst",
    "arsak",
    "hjemmel",
    "husleieloven",
    "kapittel",
    "punkt",
    "vilkar",
];

const TITLES: &[&str] = &["Husleiekontrakt", "Kontoutskrift", "Avtale om leie", "Strømregning", "Lønnsslipp", "Vedtak", "Faktura", "Bekreftelse"];

/// What is written on page `index` (0-based): a bold title, then paragraphs of words, laid out
/// by [`draw_sheet`]. The same seed gives the same text.
struct PageText {
    title: String,
    paragraphs: Vec<Vec<String>>,
    footer: String,
}

fn page_text(seed: u64, index: usize) -> PageText {
    let mut rng = Rng(seed.wrapping_mul(7919));
    let mut paragraphs = vec![vec![format!("Avtalenummer 2026-{:04}", rng.below(10_000))]];
    for _ in 0..12 {
        let words = 12 + rng.below(40);
        paragraphs.push(
            (0..words).map(|_| if rng.below(14) == 0 { format!("kr {} {:03}", 1 + rng.below(19), rng.below(1000)) } else { WORDS[rng.below(WORDS.len())].to_string() }).collect(),
        );
    }
    PageText { title: TITLES[index % TITLES.len()].to_string(), paragraphs, footer: format!("Side {} av {}", index + 1, SHOTS.len()) }
}

/// Ink coverage (0–255) of a sheet of paper `width` px wide, A4 proportions.
struct Sheet {
    width: usize,
    height: usize,
    ink: Vec<u8>,
}

/// Draws the page's text on A4 paper `width` px wide: 11 pt DejaVu Sans on 25 mm margins,
/// wrapped to the line width, as many paragraphs as fit. Returns the sheet and the words drawn.
fn draw_sheet(width: usize, seed: u64, index: usize) -> (Sheet, Vec<String>) {
    let height = (width as f32 * 297.0 / 210.0) as usize;
    let mut sheet = Sheet { width, height, ink: vec![0; width * height] };
    let regular = FontRef::try_from_slice(REGULAR).expect("DejaVu Sans");
    let bold = FontRef::try_from_slice(BOLD).expect("DejaVu Sans Bold");
    let mm = width as f32 / 210.0;
    let body_px = 3.9 * mm; // 11 pt: a 3.9 mm em
    let (margin, line_height) = (25.0 * mm, body_px * 1.45);
    let text = page_text(seed, index);
    let mut drawn = Vec::new();

    let mut baseline = margin + body_px * 1.8;
    draw_line(&mut sheet, &bold, body_px * 1.8, margin, baseline, &text.title);
    drawn.push(text.title.clone());
    baseline += line_height * 1.8;
    let last_baseline = height as f32 - margin - 2.0 * line_height;
    let measure = |s: &str| {
        let scaled = regular.as_scaled(PxScale::from(body_px));
        s.chars().map(|c| scaled.h_advance(scaled.glyph_id(c))).sum::<f32>()
    };
    'page: for paragraph in &text.paragraphs {
        let mut line = String::new();
        for word in paragraph {
            let candidate = if line.is_empty() { word.clone() } else { format!("{line} {word}") };
            if !line.is_empty() && measure(&candidate) > width as f32 - 2.0 * margin {
                if baseline > last_baseline {
                    break 'page;
                }
                draw_line(&mut sheet, &regular, body_px, margin, baseline, &line);
                drawn.push(std::mem::take(&mut line));
                baseline += line_height;
                line = word.clone();
            } else {
                line = candidate;
            }
        }
        if baseline > last_baseline {
            break;
        }
        draw_line(&mut sheet, &regular, body_px, margin, baseline, &line);
        drawn.push(line);
        baseline += line_height * 1.6;
    }
    draw_line(&mut sheet, &regular, body_px, margin, height as f32 - margin, &text.footer);
    drawn.push(text.footer);
    (sheet, drawn)
}

/// The distinct words of four letters or more in `text`, lower-cased: what OCR results are compared on.
fn long_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)).map(str::to_lowercase).collect()
}

fn draw_line(sheet: &mut Sheet, font: &FontRef<'_>, px: f32, x0: f32, baseline: f32, text: &str) {
    let scale = PxScale::from(px);
    let scaled = font.as_scaled(scale);
    let mut x = x0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(prev) = previous {
            x += scaled.kern(prev, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scale, point(x, baseline));
        x += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else { continue };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px >= 0 && py >= 0 && (px as usize) < sheet.width && (py as usize) < sheet.height {
                let cell = &mut sheet.ink[py as usize * sheet.width + px as usize];
                *cell = (*cell).max((coverage.clamp(0.0, 1.0) * 255.0) as u8);
            }
        });
    }
}

/// The upright picture the camera saw, `width` × 4/3·`width` pixels, and the words on the page.
fn photograph(shot: &Shot, index: usize, width: usize) -> (RgbImage, BTreeSet<String>) {
    let height = width * 4 / 3;
    let mut rng = Rng(shot.seed);
    let (sheet, lines) = draw_sheet(width * 86 / 100, shot.seed, index);
    let (sw, sh) = (sheet.width as f32, sheet.height as f32);
    let cx = width as f32 / 2.0 + (rng.unit() - 0.5) * width as f32 * 0.02;
    let cy = height as f32 / 2.0 + (rng.unit() - 0.5) * height as f32 * 0.02;
    let (sin, cos) = shot.tilt.to_radians().sin_cos();
    let scale = width as f32 / 3000.0;

    // Reflectance: paper, ink, and a desk around the sheet (its own colour kept apart).
    let mut reflectance = vec![0f32; width * height];
    let mut paper_share = vec![0u8; width * height];
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = (x as f32 - cx, y as f32 - cy);
            let u = cos * dx + sin * dy + sw / 2.0;
            let v = -sin * dx + cos * dy + sh / 2.0;
            let edge = u.min(v).min(sw - 1.0 - u).min(sh - 1.0 - v).clamp(0.0, 1.0);
            let desk = 0.22 + 0.04 * ((x as f32 / (260.0 * scale)) + (y as f32 / (700.0 * scale)).sin() * 2.0).sin() + 0.03 * (y as f32 / (900.0 * scale)).cos();
            let mut value = desk;
            if edge > 0.0 {
                let ink = bilinear(&sheet, u, v) / 255.0;
                let paper = 0.88 - 0.80 * ink;
                value = desk * (1.0 - edge) + paper * edge;
            }
            reflectance[y * width + x] = value;
            paper_share[y * width + x] = (edge * 255.0) as u8;
        }
    }
    for _ in 0..shot.blur {
        blur_121(&mut reflectance, width, height);
    }

    // Light: warm (indoor bulb), falling off across the page and towards the corners.
    let warm = [1.0f32, 0.88, 0.70];
    let desk_tint = [1.0f32, 0.78, 0.58];
    let direction = rng.unit() * std::f32::consts::TAU;
    let (dir_s, dir_c) = direction.sin_cos();
    let noise_sigma = if shot.exposure < 0.3 { 6.0 } else { 3.0 };
    let mut image = RgbImage::new(width as u32, height as u32);
    for (i, pixel) in image.pixels_mut().enumerate() {
        let (x, y) = ((i % width) as f32 / width as f32 - 0.5, (i / width) as f32 / height as f32 - 0.5);
        let along = (x * dir_c + y * dir_s + 0.7) / 1.4; // 0..1 across the frame
        let light = shot.exposure * (1.0 - shot.shadow * along.clamp(0.0, 1.0)) * (1.0 - 0.35 * (x * x + y * y));
        let on_paper = f32::from(paper_share[i]) / 255.0;
        for c in 0..3 {
            let tint = warm[c] * (on_paper + (1.0 - on_paper) * desk_tint[c]);
            let linear = (reflectance[i] * light * tint).clamp(0.0, 1.0);
            let encoded = 255.0 * linear.powf(1.0 / 2.2) + noise_sigma * rng.normal();
            pixel[c] = encoded.round().clamp(0.0, 255.0) as u8;
        }
    }
    (image, long_words(&lines.join("\n")))
}

fn bilinear(sheet: &Sheet, u: f32, v: f32) -> f32 {
    let (x0, y0) = (u.floor().max(0.0) as usize, v.floor().max(0.0) as usize);
    let (x1, y1) = ((x0 + 1).min(sheet.width - 1), (y0 + 1).min(sheet.height - 1));
    let (fx, fy) = (u - x0 as f32, v - y0 as f32);
    let at = |x: usize, y: usize| f32::from(sheet.ink[y * sheet.width + x]);
    let top = at(x0, y0) * (1.0 - fx) + at(x1, y0) * fx;
    let bottom = at(x0, y1) * (1.0 - fx) + at(x1, y1) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// One pass of a [1 2 1]/4 filter across and down (a slight Gaussian blur).
fn blur_121(data: &mut [f32], width: usize, height: usize) {
    let mut row = vec![0f32; width];
    for y in 0..height {
        let line = &mut data[y * width..(y + 1) * width];
        row.copy_from_slice(line);
        for x in 1..width - 1 {
            line[x] = (row[x - 1] + 2.0 * row[x] + row[x + 1]) / 4.0;
        }
    }
    let mut previous = data[..width].to_vec();
    for y in 1..height - 1 {
        for x in 0..width {
            let current = data[y * width + x];
            data[y * width + x] = (previous[x] + 2.0 * current + data[(y + 1) * width + x]) / 4.0;
            previous[x] = current;
        }
    }
}

/// The photo as the phone stores it: pixels as the sensor saw them, EXIF telling how to turn them.
fn phone_jpeg(upright: &RgbImage, orientation: u16) -> Vec<u8> {
    use image::imageops::{rotate180, rotate270, rotate90};
    let stored = match orientation {
        3 => rotate180(upright),
        6 => rotate270(upright), // a viewer turns it 90° clockwise
        8 => rotate90(upright),  // a viewer turns it 90° anticlockwise
        _ => upright.clone(),
    };
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 92).write_image(stored.as_raw(), stored.width(), stored.height(), image::ExtendedColorType::Rgb8).expect("encode JPEG");
    if orientation == 1 {
        jpeg
    } else {
        with_exif_orientation(&jpeg, orientation)
    }
}

/// Inserts a minimal EXIF APP1 segment (big-endian TIFF, one IFD entry: Orientation) right after
/// the JPEG's SOI marker, as a phone camera writes it (as in tests/photos.rs).
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2A\x00\x00\x00\x08");
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&0x0112u16.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(payload.len() + 2).expect("short segment").to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

// ------------------------------------------------------------------------------------ smoke run

fn smoke_run() {
    let start = Instant::now();
    let photo = phone_jpeg(&photograph(&SHOTS[1], 1, 150).0, 6);
    let pdf = combine(&[Input::new("smoke.jpg", &photo)], &Limits::default()).expect("combine");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    println!("photos bench: smoke run only ({} ms); the comparison runs under `cargo bench -p velferd-documents --bench photos`", start.elapsed().as_millis());
}

// ------------------------------------------------------------------------------------ full run

struct Row {
    tool: String,
    time: Duration,
    bytes: u64,
    pdf: PathBuf,
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn timed(mut run: impl FnMut() -> Result<(), String>) -> Result<Duration, String> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        run()?;
        samples.push(start.elapsed());
    }
    Ok(median(samples))
}

/// Runs `program args…`, failing with its error output.
fn run(program: &str, args: &[&str]) -> Result<String, String> {
    let output = Command::new(program).args(args).stdin(Stdio::null()).output().map_err(|e| format!("{program}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{program} {}: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn version(program: &str, arg: &str) -> Option<String> {
    let output = Command::new(program).arg(arg).stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    text.lines().next().map(|l| l.trim().to_string())
}

/// ImageMagick's own binary: Debian's `convert-im6.q16` (bypassing any `convert` wrapper earlier on
/// PATH), ImageMagick 7's `magick`, or plain `convert`.
fn imagemagick() -> Option<String> {
    ["convert-im6.q16", "magick", "convert"].into_iter().find(|p| version(p, "-version").is_some_and(|v| v.contains("ImageMagick"))).map(str::to_string)
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn full_run() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-photos");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("reencoded")).expect("bench directory");
    let p = |name: &str| dir.join(name).to_string_lossy().into_owned();

    // Inputs.
    let start = Instant::now();
    let mut inputs = Vec::new();
    let mut drawn_words = Vec::new();
    for (i, shot) in SHOTS.iter().enumerate() {
        let (upright, words) = photograph(shot, i, 3000);
        drawn_words.push(words);
        let path = dir.join(format!("photo-{}.jpg", i + 1));
        std::fs::write(&path, phone_jpeg(&upright, shot.orientation)).expect("write photo");
        if i + 1 == OCR_PAGE {
            upright.save(dir.join("ocr-input-upright.png")).expect("write upright PNG");
        }
        inputs.push(path.to_string_lossy().into_owned());
    }
    let input_bytes: u64 = inputs.iter().map(|i| file_size(Path::new(i))).sum();
    println!("Generated {} photos in {} ({:.1} MB, {:.1} s)", inputs.len(), dir.display(), input_bytes as f64 / 1e6, start.elapsed().as_secs_f64());

    let mut rows: Vec<Row> = Vec::new();
    let mut add = |tool: &str, file: &str, result: Result<Duration, String>| match result {
        Ok(time) => {
            let pdf = dir.join(file);
            rows.push(Row { tool: tool.into(), time, bytes: file_size(&pdf), pdf });
        }
        Err(e) => println!("SKIPPED {tool}: {e}"),
    };

    // Velferd: read the files, combine, write the PDF (in process, one thread).
    let out = p("velferd.pdf");
    add(
        "Velferd `photos::combine`",
        "velferd.pdf",
        timed(|| {
            let bytes: Vec<Vec<u8>> = inputs.iter().map(|i| std::fs::read(i).expect("read photo")).collect();
            let list: Vec<Input<'_>> = bytes.iter().map(|b| Input::new("photo.jpg", b)).collect();
            let pdf = combine(&list, &Limits::default()).map_err(|e| e.to_string())?;
            std::fs::write(&out, pdf).map_err(|e| e.to_string())
        }),
    );

    let inputs_ref: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let magick = imagemagick();
    let have_img2pdf = version("img2pdf", "--version").is_some();

    // img2pdf as it is: the original JPEGs embedded losslessly, EXIF rotation as /Rotate.
    if have_img2pdf {
        let out = p("img2pdf-as-is.pdf");
        let mut args = vec!["--pagesize", "A4", "-o", out.as_str()];
        args.extend(&inputs_ref);
        add("img2pdf, as is (no re-encoding)", "img2pdf-as-is.pdf", timed(|| run("img2pdf", &args).map(drop)));
    } else {
        println!("SKIPPED img2pdf: not installed (pip install img2pdf)");
    }

    match &magick {
        Some(im) if have_img2pdf => {
            // The same re-encoding as Velferd's (upright, long side ≤ 2000 px, JPEG quality 75,
            // metadata dropped) done with ImageMagick, then img2pdf; the time counts both.
            for (label, file, grey) in [
                ("img2pdf, re-encoded by ImageMagick first", "img2pdf-reencoded.pdf", false),
                ("img2pdf, re-encoded grey by ImageMagick first", "img2pdf-reencoded-grey.pdf", true),
            ] {
                let out = p(file);
                let result = timed(|| {
                    let mut reencoded = Vec::new();
                    for (i, input) in inputs.iter().enumerate() {
                        let jpeg = p(&format!("reencoded/{}.jpg", i + 1));
                        let mut args = vec![input.as_str(), "-auto-orient", "-resize", "2000x2000>", "-strip"];
                        if grey {
                            args.extend(["-colorspace", "Gray"]);
                        }
                        args.extend(["-quality", "75", jpeg.as_str()]);
                        run(im, &args)?;
                        reencoded.push(jpeg);
                    }
                    let mut args = vec!["--pagesize", "A4", "-o", out.as_str()];
                    args.extend(reencoded.iter().map(String::as_str));
                    run("img2pdf", &args).map(drop)
                });
                add(label, file, result);
            }
        }
        _ => println!("SKIPPED img2pdf re-encoded: needs both img2pdf and ImageMagick"),
    }

    // ImageMagick alone.
    if let Some(im) = &magick {
        let out = p("imagemagick.pdf");
        let mut args = inputs_ref.clone();
        args.extend(["-auto-orient", "-resize", "2000x2000>", "-quality", "75", "-page", "A4", out.as_str()]);
        let result = timed(|| run(im, &args).map(drop)).map_err(|e| {
            if e.contains("security policy") {
                format!("{e}\n  (ImageMagick 6 on Debian forbids PDF; ./scripts/bench-photos allows writing it)")
            } else {
                e
            }
        });
        add("ImageMagick `convert`", "imagemagick.pdf", result);
    } else {
        println!("SKIPPED ImageMagick: not installed (apt-get install imagemagick)");
    }

    // Readability and orientation: OCR of every page of every output.
    let ocr_ready = version("tesseract", "--version").is_some() && version("pdftoppm", "-v").is_some();
    if !ocr_ready {
        println!("SKIPPED OCR: needs tesseract and pdftoppm (apt-get install tesseract-ocr poppler-utils)");
    }
    // What OCR reads in the photo, less what it "reads" in the desk around the sheet (words that are
    // not on the page): those are not text an output could keep or lose.
    let input_read = if ocr_ready { ocr_words(&dir.join("ocr-input-upright.png")) } else { None };
    let input_words: Option<BTreeSet<String>> = input_read.as_ref().map(|read| read.intersection(&drawn_words[OCR_PAGE - 1]).cloned().collect());
    let share = |wanted: &BTreeSet<String>, found: &BTreeSet<String>| 100.0 * wanted.intersection(found).count() as f64 / wanted.len().max(1) as f64;
    // Per row: the OCR word match of page OCR_PAGE against the input photo, and for every page the
    // share of the words drawn on it that OCR finds (a page turned sideways or upside down gives ~0).
    let mut readings: Vec<(Option<f64>, Vec<f64>)> = Vec::new();
    for row in rows.iter().filter(|_| ocr_ready) {
        let mut word_match = None;
        let mut pages = Vec::new();
        for (page, drawn) in drawn_words.iter().enumerate().map(|(i, d)| (i + 1, d)) {
            let found = render_page(&row.pdf, page, &dir.join("ocr-page")).and_then(|png| ocr_words(&png)).unwrap_or_default();
            pages.push(share(drawn, &found));
            if page == OCR_PAGE {
                word_match = input_words.as_ref().map(|words| share(words, &found));
            }
        }
        readings.push((word_match, pages));
    }

    // The table.
    let Some(velferd) = rows.first().filter(|r| r.tool.starts_with("Velferd")) else {
        println!("Velferd's conversion failed; no comparison");
        std::process::exit(1);
    };
    let (v_ms, v_kb) = (velferd.time.as_secs_f64() * 1000.0, velferd.bytes as f64 / 1024.0);
    println!();
    println!(
        "{} phone photos, {:.1} MB of JPEG; median of {RUNS} runs; {} cores; ImageMagick: {}; img2pdf: {}; \
         OCR: {}, photo {OCR_PAGE} ({} words of 4+ letters read on the page, {:.0} % of those drawn on it; \
         {} other words read in the desk's grain left out) against page {OCR_PAGE} at 150 dpi",
        inputs.len(),
        input_bytes as f64 / 1e6,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        magick.as_deref().and_then(|m| version(m, "-version")).unwrap_or_else(|| "missing".into()),
        version("img2pdf", "--version").unwrap_or_else(|| "missing".into()),
        version("tesseract", "--version").unwrap_or_else(|| "missing".into()),
        input_words.as_ref().map_or(0, BTreeSet::len),
        input_words.as_ref().map_or(0.0, |w| share(&drawn_words[OCR_PAGE - 1], w)),
        input_read.as_ref().map_or(0, BTreeSet::len) - input_words.as_ref().map_or(0, BTreeSet::len),
    );
    println!();
    println!("| tool | time (ms) | time ratio vs Velferd | output size (KB) | size ratio vs Velferd | OCR word match % |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (i, row) in rows.iter().enumerate() {
        let ms = row.time.as_secs_f64() * 1000.0;
        let kb = row.bytes as f64 / 1024.0;
        let word_match = readings.get(i).and_then(|r| r.0).map_or("–".to_string(), |s| format!("{s:.1}"));
        println!("| {} | {ms:.0} | {:.2} | {kb:.0} | {:.2} | {word_match} |", row.tool, ms / v_ms, kb / v_kb);
    }
    println!();
    const UPRIGHT: f64 = 50.0;
    for (row, (_, pages)) in rows.iter().zip(&readings) {
        let turned: Vec<usize> = (1..=pages.len()).filter(|&p| pages[p - 1] < UPRIGHT).collect();
        let (low, high) = pages.iter().fold((100f64, 0f64), |(l, h), &s| (l.min(s), h.max(s)));
        if turned.is_empty() {
            println!("Upright: {}: all {} pages (OCR finds {low:.0}–{high:.0} % of the words drawn on each page)", row.tool, pages.len());
        } else {
            println!(
                "Upright: {}: pages {turned:?} NOT upright or unreadable (OCR finds under {UPRIGHT:.0} % of their words; \
                 per page: {})",
                row.tool,
                pages.iter().map(|s| format!("{s:.0}")).collect::<Vec<_>>().join(" ")
            );
        }
    }

    // The goals.
    let find = |prefix: &str| rows.iter().position(|r| r.tool.starts_with(prefix));
    let size_goal = find("img2pdf, re-encoded by").map(|i| velferd.bytes <= rows[i].bytes);
    let time_goal = find("ImageMagick").map(|i| velferd.time <= rows[i].time);
    let as_is = find("img2pdf, as is").and_then(|i| readings.get(i)).and_then(|r| r.0);
    let readable = readings.first().and_then(|r| r.0).map(|v| v >= 90.0 && as_is.is_none_or(|a| v >= a - 5.0));
    let upright = readings.first().map(|(_, pages)| pages.iter().all(|&s| s >= UPRIGHT));
    let verdict = |goal: Option<bool>| match goal {
        Some(true) => "met",
        Some(false) => "NOT met",
        None => "not measured",
    };
    println!(
        "Goals: size no larger than img2pdf re-encoded: {}; time at most ImageMagick's: {}; text readable \
         (OCR finds ≥ 90 % of the photo's words, within 5 points of img2pdf as is): {}; pages upright: {}",
        verdict(size_goal),
        verdict(time_goal),
        verdict(readable),
        verdict(upright)
    );
}

/// Renders page `page` of `pdf` at 150 dpi to `prefix`.png.
fn render_page(pdf: &Path, page: usize, prefix: &Path) -> Option<PathBuf> {
    let n = page.to_string();
    let pdf = pdf.to_string_lossy();
    let prefix_s = prefix.to_string_lossy();
    run("pdftoppm", &["-r", "150", "-f", &n, "-l", &n, "-png", "-singlefile", &pdf, &prefix_s]).map_err(|e| println!("pdftoppm failed: {e}")).ok()?;
    Some(prefix.with_extension("png"))
}

/// The distinct words of four letters or more that tesseract reads in `png`. Sauvola's adaptive
/// threshold (tesseract ≥ 5), because the default global one loses the text of an underexposed,
/// unevenly lit photo altogether; one thread, because OpenMP's busy-waiting on a loaded two-core
/// machine makes tesseract several times slower.
fn ocr_words(png: &Path) -> Option<BTreeSet<String>> {
    let output = Command::new("tesseract")
        .arg(png)
        .args(["-", "-l", "eng", "-c", "thresholding_method=2"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| println!("tesseract failed: {e}"))
        .ok()?;
    if !output.status.success() {
        println!("tesseract failed: {}", String::from_utf8_lossy(&output.stderr).trim());
        return None;
    }
    Some(long_words(&String::from_utf8_lossy(&output.stdout)))
}
