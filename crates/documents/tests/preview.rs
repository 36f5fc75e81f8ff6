//! Readability warnings, calibrated on generated phone photos of a printed page: a sharp, well-lit
//! page gets no warning; a shaken (blurred) one, a dark one and an empty one each get theirs. Also:
//! previews are upright (EXIF and the citizen's turns) and refuse what `combine` refuses.

#![allow(clippy::unwrap_used)]

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use image::{DynamicImage, GrayImage, Luma, RgbImage};
use velferd_documents::photos::{combine, preview, Input, Limits, Preview, Problem, Warning};

const FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// A 1500 × 2000 photo of an A4 page with 11 pt text, lit with `light` (1.0 = well lit) and a
/// gentle shadow, with sensor noise.
fn page(light: f32, text: bool) -> GrayImage {
    let (w, h) = (1500u32, 2000u32);
    let mut ink = vec![0f32; (w * h) as usize];
    if text {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let px = 1500.0 / 210.0 * 3.9 * 0.86;
        let scale = PxScale::from(px);
        let scaled = font.as_scaled(scale);
        let words = "Husleie for mars betales til utleier innen den første i måneden kontoutskrift saldo";
        let mut baseline = 200.0;
        while baseline < 1850.0 {
            let mut x = 130.0;
            for c in words.chars() {
                let id = scaled.glyph_id(c);
                let glyph = id.with_scale_and_position(scale, point(x, baseline));
                x += scaled.h_advance(id);
                if x > 1370.0 {
                    break;
                }
                if let Some(outline) = font.outline_glyph(glyph) {
                    let b = outline.px_bounds();
                    outline.draw(|gx, gy, cov| {
                        let (px, py) = (b.min.x as i64 + i64::from(gx), b.min.y as i64 + i64::from(gy));
                        if px >= 0 && py >= 0 && (px as u32) < w && (py as u32) < h {
                            let cell = &mut ink[(py as u32 * w + px as u32) as usize];
                            *cell = cell.max(cov.clamp(0.0, 1.0));
                        }
                    });
                }
            }
            baseline += px * 1.45;
        }
    }
    let mut seed = 7u32;
    GrayImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let noise = ((seed >> 24) as f32 / 255.0 - 0.5) * 10.0;
        let shadow = 1.0 - 0.25 * (x as f32 / w as f32);
        let reflect = 0.9 - 0.8 * ink[(y * w + x) as usize];
        Luma([((255.0 * reflect * shadow * light) + noise).clamp(0.0, 255.0) as u8])
    })
}

fn jpeg(image: &GrayImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageLuma8(image.clone()).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn warnings_of(image: &GrayImage) -> (Vec<Warning>, velferd_documents::photos::Measures) {
    match preview(&Input::new("p.jpg", &jpeg(image)), &Limits::default(), 320).unwrap() {
        Preview::Picture { warnings, measures, width, height, .. } => {
            assert!(width.max(height) <= 320);
            (warnings, measures)
        }
        Preview::Pdf { .. } => panic!("a picture"),
    }
}

#[test]
fn a_sharp_well_lit_page_gets_no_warning_and_bad_photos_get_theirs() {
    let sharp = page(1.0, true);
    let (w, m) = warnings_of(&sharp);
    eprintln!("sharp {m:?}");
    assert_eq!(w, vec![], "{m:?}");

    // Somewhat underexposed but readable: no warning either.
    let (w, m) = warnings_of(&page(0.55, true));
    eprintln!("dim {m:?}");
    assert_eq!(w, vec![], "{m:?}");

    // Shaken: a blur of about 4 px at this size makes 11 pt text hard to read.
    let blurred = image::imageops::blur(&sharp, 4.0);
    let (w, m) = warnings_of(&blurred);
    eprintln!("blurred {m:?}");
    assert_eq!(w, vec![Warning::Blurry], "{m:?}");
    // A slight blur (1 px) is still fine.
    let (w, m) = warnings_of(&image::imageops::blur(&sharp, 1.0));
    eprintln!("slight {m:?}");
    assert_eq!(w, vec![], "{m:?}");

    let (w, m) = warnings_of(&page(0.2, true));
    eprintln!("dark {m:?}");
    assert!(w.contains(&Warning::Dark), "{m:?}");

    let (w, m) = warnings_of(&page(1.0, false));
    eprintln!("empty {m:?}");
    assert_eq!(w, vec![Warning::MostlyEmpty], "{m:?}");
}

#[test]
fn previews_are_upright_as_sent_and_bad_files_are_refused_like_combine_refuses_them() {
    let wide = RgbImage::from_pixel(400, 200, image::Rgb([240, 240, 240]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(wide).write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    let bytes = bytes.into_inner();
    let size = |turns| match preview(&Input::new("w.png", &bytes).turned(turns), &Limits::default(), 100).unwrap() {
        Preview::Picture { width, height, .. } => (width, height),
        Preview::Pdf { .. } => panic!(),
    };
    assert_eq!(size(0), (100, 50));
    assert_eq!(size(1), (50, 100), "a quarter turn makes it portrait");
    assert_eq!(size(2), (100, 50));

    // The turn is applied when the PDF is made too: the page is portrait.
    let pdf = combine(&[Input::new("w.png", &bytes).turned(1)], &Limits::default()).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("595.2") && text.contains("841.8"), "A4 portrait MediaBox");

    for (name, bad, want) in
        [("empty.jpg", Vec::new(), "empty"), ("x.jpg", b"not a picture at all".to_vec(), "not-an-image"), ("cut.jpg", jpeg(&page(1.0, false))[..500].to_vec(), "broken-image")]
    {
        let err: Problem = preview(&Input::new(name, &bad), &Limits::default(), 100).unwrap_err();
        assert_eq!(err.code(), want, "{name}");
    }
    // A PDF's preview is a sheet of its pages, drawn (here one portrait page on a light sheet).
    match preview(&Input::new("p.pdf", &pdf), &Limits::default(), 300).unwrap() {
        Preview::Pdf { pages: 1, sheet: Some(jpeg), .. } => {
            let sheet = image::load_from_memory(&jpeg).unwrap();
            assert!(sheet.width() <= 300 && sheet.height() > sheet.width(), "{}x{}", sheet.width(), sheet.height());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(velferd_documents::photos::pdf_page_count(&pdf), Ok(1));
}

/// `page` photographed lying on a dark desk, its corners (top-left, top-right, bottom-right,
/// bottom-left) at `corners` in a `frame`-sized photo, as a colour JPEG.
fn on_desk(page: &GrayImage, corners: [(f32, f32); 4], frame: (u32, u32)) -> Vec<u8> {
    use imageproc::geometric_transformations::{warp_into, Interpolation, Projection};
    let (w, h) = (page.width() as f32, page.height() as f32);
    let projection = Projection::from_control_points([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)], corners).unwrap();
    let desk = image::Rgb([70, 50, 35]);
    let mut photo = RgbImage::from_pixel(frame.0, frame.1, desk);
    warp_into(&DynamicImage::ImageLuma8(page.clone()).into_rgb8(), &projection, Interpolation::Bilinear, desk, &mut photo);
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(photo).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn preview_of(jpeg: &[u8]) -> (Vec<Warning>, u32, u32) {
    match preview(&Input::new("p.jpg", jpeg), &Limits::default(), 320).unwrap() {
        Preview::Picture { warnings, width, height, .. } => (warnings, width, height),
        Preview::Pdf { .. } => panic!("a picture"),
    }
}

#[test]
fn a_page_on_a_desk_previews_as_the_sheet_alone_and_a_cut_off_or_slanted_one_says_what_to_do() {
    let sheet = page(1.0, true);
    // Lying a little tilted in a square photo: the preview is the 3 : 4 sheet, not the square photo.
    let (warnings, width, height) = preview_of(&on_desk(&sheet, [(420.0, 180.0), (1560.0, 230.0), (1500.0, 1750.0), (360.0, 1700.0)], (2000, 2000)));
    assert_eq!(warnings, vec![], "a good photo of a sheet on a desk");
    let ratio = height as f32 / width as f32;
    assert!((ratio - 4.0 / 3.0).abs() < 0.06, "the sheet alone, straightened: {width}×{height}");
    // The bottom of the sheet is outside the photo.
    let (warnings, ..) = preview_of(&on_desk(&sheet, [(400.0, 500.0), (1600.0, 500.0), (1600.0, 2100.0), (400.0, 2100.0)], (2000, 2000)));
    assert_eq!(warnings, vec![Warning::CutOff]);
    // Photographed from the side of the table: the far edge is much shorter than the near one.
    let (warnings, width, height) = preview_of(&on_desk(&sheet, [(650.0, 250.0), (1350.0, 250.0), (1800.0, 1850.0), (200.0, 1850.0)], (2000, 2000)));
    assert_eq!(warnings, vec![Warning::Slanted]);
    assert!(height > width, "straightened to a portrait page: {width}×{height}");
}
