//! Decoding a JPEG or PNG under limits, turning it upright and re-encoding it
//! as a small, readable JPEG.

use std::io::Cursor;

use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::codecs::png::PngDecoder;
use image::imageops::FilterType;
use image::{DynamicImage, GrayImage, ImageDecoder, ImageError, RgbImage};

use super::{Encoding, Limits, Problem};

/// A re-encoded picture, ready to be embedded as DCT data.
pub(crate) struct Encoded {
    pub jpeg: Vec<u8>,
    /// Upright size in pixels.
    pub width: u32,
    pub height: u32,
}

#[derive(Clone, Copy)]
pub(crate) enum Format {
    Jpeg,
    Png,
}

pub(crate) fn convert(bytes: &[u8], format: Format, limits: &Limits, encoding: &Encoding, quarter_turns: u8) -> Result<Encoded, Problem> {
    let image = decode_upright(bytes, format, limits, quarter_turns)?;
    Ok(reencode(image, encoding))
}

/// Decodes under the limits, applies the EXIF orientation, then turns the picture
/// `quarter_turns` × 90° clockwise (the citizen's own correction).
pub(crate) fn decode_upright(bytes: &[u8], format: Format, limits: &Limits, quarter_turns: u8) -> Result<DynamicImage, Problem> {
    let image = decode(bytes, format, limits)?;
    Ok(match quarter_turns % 4 {
        1 => image.rotate90(),
        2 => image.rotate180(),
        3 => image.rotate270(),
        _ => image,
    })
}

fn decoder_limits(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    // Up to 8 bytes per pixel (16-bit RGBA PNG) plus working memory.
    l.max_alloc = Some(limits.max_pixels.saturating_mul(8).saturating_add(64 << 20));
    l
}

fn decode(bytes: &[u8], format: Format, limits: &Limits) -> Result<DynamicImage, Problem> {
    match format {
        Format::Jpeg => {
            let decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(broken)?;
            finish_decode(decoder, limits)
        }
        Format::Png => {
            let decoder = PngDecoder::new(Cursor::new(bytes)).map_err(broken)?;
            finish_decode(decoder, limits)
        }
    }
}

fn finish_decode(mut decoder: impl ImageDecoder, limits: &Limits) -> Result<DynamicImage, Problem> {
    let (width, height) = decoder.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.max_pixels {
        return Err(Problem::TooManyPixels { width, height, limit: limits.max_pixels });
    }
    if pixels == 0 {
        return Err(Problem::BrokenImage { detail: "the picture has no pixels".into() });
    }
    decoder.set_limits(decoder_limits(limits)).map_err(broken)?;
    // A broken EXIF block only costs us the orientation, not the picture.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(broken)?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn broken(error: ImageError) -> Problem {
    match error {
        ImageError::Limits(_) => Problem::BrokenImage { detail: "decoding the picture would need more memory than allowed".into() },
        other => Problem::BrokenImage { detail: other.to_string() },
    }
}

/// Size, colour and quality as set in `encoding`: flatten transparency onto
/// white, cut out and straighten the sheet of paper where one is found (`sheet.rs`), go grey when the picture has (almost) no colour (and then even out
/// dim or uneven light, `light.rs`), scale the long side down to
/// `max_long_side`, and encode as baseline JPEG.
fn reencode(image: DynamicImage, encoding: &Encoding) -> Encoded {
    let (rgb, is_sheet) = page_of(flatten_on_white(image), encoding.max_long_side);
    // A cut-out sheet has no desk left to look coloured, so a small stamp or logo is enough to
    // keep its colour; a whole photo needs more, or the desk around a grey page would count.
    let grayscale = looks_grey_with(&rgb, if is_sheet { SHEET_COLOUR_PER_MILLE } else { PHOTO_COLOUR_PER_MILLE });
    let (width, height) = fit_long_side(rgb.width(), rgb.height(), encoding.max_long_side);
    let resize = (width, height) != rgb.dimensions();
    let quality = encoding.jpeg_quality.clamp(1, 100);
    let mut jpeg = Vec::new();
    // Writing into a Vec cannot fail for a valid 8-bit Luma or RGB image.
    let result = if grayscale {
        let mut grey: GrayImage = DynamicImage::ImageRgb8(rgb).into_luma8();
        if resize {
            grey = image::imageops::resize(&grey, width, height, FilterType::Triangle);
        }
        // A page photographed in dim or uneven light: white paper, dark text (light.rs decides
        // whether it is needed and safe).
        if let Some(even) = super::light::even_out(&grey) {
            grey = even;
        }
        JpegEncoder::new_with_quality(&mut jpeg, quality).encode_image(&grey)
    } else {
        let mut colour = rgb;
        if resize {
            colour = image::imageops::resize(&colour, width, height, FilterType::Triangle);
        }
        // A sheet with a stamp or a logo: white paper and dark text too, colour kept only where
        // the page has colour (light.rs). Only for a sheet found with confidence: a colour photo
        // of anything else is left as it is.
        if is_sheet {
            if let Some(even) = super::light::even_out_colour(&colour) {
                colour = even;
            }
        }
        JpegEncoder::new_with_quality(&mut jpeg, quality).encode_image(&colour)
    };
    debug_assert!(result.is_ok(), "JPEG encoding failed: {result:?}");
    Encoded { jpeg, width, height }
}

/// The sheet of paper in `photo`, cut out and straightened with its long side at most
/// `max_long_side`, and `true`, where one is found with confidence (`sheet.rs`); else `photo` as
/// it is and `false`.
pub(crate) fn page_of(photo: RgbImage, max_long_side: u32) -> (RgbImage, bool) {
    match super::sheet::find(&photo) {
        super::sheet::Found::Sheet(sheet) => (super::sheet::straighten(&photo, &sheet, max_long_side), true),
        _ => (photo, false),
    }
}

/// Transparent pixels become white paper (a PNG with alpha is usually a
/// screenshot or a scan with a cut-out background).
pub(crate) fn flatten_on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (w, h) = rgba.dimensions();
    let mut out = RgbImage::new(w, h);
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src[3]);
        for c in 0..3 {
            let v = (u32::from(src[c]) * a + 255 * (255 - a) + 127) / 255;
            dst[c] = v.min(255) as u8;
        }
    }
    out
}

/// New size with the long side at most `max_long_side`, aspect ratio kept,
/// never enlarged, never zero.
pub(crate) fn fit_long_side(width: u32, height: u32, max_long_side: u32) -> (u32, u32) {
    let long = width.max(height);
    let max = max_long_side.max(1);
    if long <= max {
        return (width, height);
    }
    let scale = f64::from(max) / f64::from(long);
    let w = ((f64::from(width) * scale).round() as u32).clamp(1, max);
    let h = ((f64::from(height) * scale).round() as u32).clamp(1, max);
    (w, h)
}

/// Coloured pixels (per mille) below which a whole photo counts as grey ([`looks_grey_with`]).
const PHOTO_COLOUR_PER_MILLE: u64 = 10;
/// The same for a sheet cut out of a photo (`sheet.rs`): a stamp's ring covers about half a percent
/// of a page, and nothing but the page is left to be coloured.
const SHEET_COLOUR_PER_MILLE: u64 = 2;

/// Whether the picture is, for reading purposes, grey: a text page under a warm or cold light is
/// tinted as a whole, so the overall cast is removed first; then fewer than `per_mille` of the
/// pixels may show clear colour (a coloured table edge at the border, a stamp, a logo; see
/// [`PHOTO_COLOUR_PER_MILLE`] and [`SHEET_COLOUR_PER_MILLE`]). Judged on a small copy.
pub(crate) fn looks_grey_with(rgb: &RgbImage, per_mille: u64) -> bool {
    let small = if rgb.width().max(rgb.height()) > 256 {
        let (w, h) = fit_long_side(rgb.width(), rgb.height(), 256);
        image::imageops::thumbnail(rgb, w, h)
    } else {
        rgb.clone()
    };
    let count = u64::from(small.width()) * u64::from(small.height());
    if count == 0 {
        return true;
    }
    let mut sum = [0u64; 3];
    for p in small.pixels() {
        for c in 0..3 {
            sum[c] += u64::from(p[c]);
        }
    }
    let mean = sum.map(|s| s as f64 / count as f64);
    let grey = (mean[0] + mean[1] + mean[2]) / 3.0;
    let cast = mean.map(|m| m - grey);
    let coloured = small
        .pixels()
        .filter(|p| {
            let v: [f64; 3] = [0, 1, 2].map(|c| f64::from(p[c]) - cast[c]);
            let max = v[0].max(v[1]).max(v[2]);
            let min = v[0].min(v[1]).min(v[2]);
            max - min > COLOUR_THRESHOLD
        })
        .count() as u64;
    coloured * 1000 < count * per_mille
}

/// Spread between the strongest and weakest channel (0–255) above which a
/// pixel counts as clearly coloured. Paper, ink and shadows stay well below
/// it once the overall cast is removed; a red stamp or a blue logo is far above.
const COLOUR_THRESHOLD: f64 = 48.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_side_is_capped_and_ratio_kept() {
        assert_eq!(fit_long_side(4032, 3024, 2000), (2000, 1500));
        assert_eq!(fit_long_side(3024, 4032, 2000), (1500, 2000));
        assert_eq!(fit_long_side(800, 600, 2000), (800, 600));
        assert_eq!(fit_long_side(100_000, 1, 2000), (2000, 1));
    }

    #[test]
    fn tinted_text_page_is_grey_and_a_colour_photo_is_not() {
        // Yellowish paper with dark brownish text bars.
        let page = RgbImage::from_fn(400, 500, |x, y| if y % 40 < 10 && x > 40 && x < 360 { image::Rgb([60, 50, 30]) } else { image::Rgb([235, 220, 180]) });
        assert!(looks_grey_with(&page, PHOTO_COLOUR_PER_MILLE));
        let photo = RgbImage::from_fn(400, 300, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
        assert!(!looks_grey_with(&photo, PHOTO_COLOUR_PER_MILLE));
    }
}
