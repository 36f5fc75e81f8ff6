//! Generated phone photos of a text page, as the photo benchmark (benches/photos.rs) and the
//! readability tests (tests/scanned_pages.rs) use them: an A4 page of real words drawn with DejaVu
//! Sans, slightly tilted on a desk, under warm uneven light (some underexposed), slightly blurred
//! and noisy, saved as JPEG quality 92 with the EXIF orientation a phone writes. Deterministic:
//! the same shot gives the same bytes.

#![allow(dead_code)]

use std::collections::BTreeSet;

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, RgbImage};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// One generated phone photo.
#[derive(Clone, Copy)]
pub struct Shot {
    /// EXIF orientation written into the file (1 = none written).
    pub orientation: u16,
    /// Linear exposure of the paper's brightest spot: about 0.9 is well lit, 0.15 underexposed.
    pub exposure: f32,
    /// How much light falls off across the page (0 = even), from a hand or the phone's shadow.
    pub shadow: f32,
    /// Tilt of the page in the picture, degrees.
    pub tilt: f32,
    /// Blur passes (each a [1 2 1] filter both ways).
    pub blur: u32,
    pub seed: u64,
}

pub const SHOTS: [Shot; 8] = [
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
pub struct Rng(u64);

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

pub const WORDS: &[&str] = &[
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

pub const TITLES: &[&str] = &["Husleiekontrakt", "Kontoutskrift", "Avtale om leie", "Strømregning", "Lønnsslipp", "Vedtak", "Faktura", "Bekreftelse"];

/// What is written on page `index` (0-based): a bold title, then paragraphs of words, laid out
/// by [`draw_sheet`]. The same seed gives the same text.
pub struct PageText {
    pub title: String,
    pub paragraphs: Vec<Vec<String>>,
    pub footer: String,
}

pub fn page_text(seed: u64, index: usize) -> PageText {
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
pub struct Sheet {
    pub width: usize,
    pub height: usize,
    pub ink: Vec<u8>,
}

/// Draws the page's text on A4 paper `width` px wide: 11 pt DejaVu Sans on 25 mm margins,
/// wrapped to the line width, as many paragraphs as fit. Returns the sheet and the words drawn.
pub fn draw_sheet(width: usize, seed: u64, index: usize) -> (Sheet, Vec<String>) {
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
pub fn long_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)).map(str::to_lowercase).collect()
}

pub fn draw_line(sheet: &mut Sheet, font: &FontRef<'_>, px: f32, x0: f32, baseline: f32, text: &str) {
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
pub fn photograph(shot: &Shot, index: usize, width: usize) -> (RgbImage, BTreeSet<String>) {
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

pub fn bilinear(sheet: &Sheet, u: f32, v: f32) -> f32 {
    let (x0, y0) = (u.floor().max(0.0) as usize, v.floor().max(0.0) as usize);
    let (x1, y1) = ((x0 + 1).min(sheet.width - 1), (y0 + 1).min(sheet.height - 1));
    let (fx, fy) = (u - x0 as f32, v - y0 as f32);
    let at = |x: usize, y: usize| f32::from(sheet.ink[y * sheet.width + x]);
    let top = at(x0, y0) * (1.0 - fx) + at(x1, y0) * fx;
    let bottom = at(x0, y1) * (1.0 - fx) + at(x1, y1) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// One pass of a [1 2 1]/4 filter across and down (a slight Gaussian blur).
pub fn blur_121(data: &mut [f32], width: usize, height: usize) {
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
pub fn phone_jpeg(upright: &RgbImage, orientation: u16) -> Vec<u8> {
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
pub fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
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
