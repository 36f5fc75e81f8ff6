//! Evening out the light on a photographed page: a sheet photographed in a dim room, under one
//! lamp or with the phone's shadow comes out grey on grey, brighter in one corner than another,
//! and text recognition (and a tired caseworker) reads little of it. The paper's brightness is
//! estimated across the page, each pixel divided by it (so the paper becomes white wherever it
//! is), and the levels are then stretched so the text is dark.
//!
//! It only runs where it is safe and needed, and otherwise leaves the picture as it is: the
//! picture must be grey (a text page, see `raster::looks_grey_with`), the paper must be dim or
//! unevenly lit (an evenly lit white page is already fine), there must be paper to find (not a
//! night shot), and the result must look like a text page (a little dark ink on a lot of white
//! paper). A photo of a thing rather than a page, or a page that is mostly picture, is left alone.
//! A sheet cut out of a photo that has colour of its own (a stamp, a logo) gets the same treatment
//! per channel, with colour kept only where the page has it (`even_out_colour`).

use image::{GrayImage, RgbImage};

/// Cells across the long side of the picture in which the paper's brightness is measured. A
/// cell must be larger than a letter and smaller than the light's changes across the page.
const CELLS_LONG_SIDE: u32 = 24;
/// Paper at least this bright (0–255, median over the page) and this even (brightest tenth of
/// cells over the darkest tenth) is left alone.
const GOOD_PAPER: u8 = 200;
const EVEN_LIGHT: f32 = 1.15;
/// Paper darker than this is too dark to find (the picture is mostly noise there).
const DARKEST_PAPER: u8 = 40;
/// Levels after evening out: at most this share of the pixels may be dark (below half) and at
/// least this share must be, or the result does not look like a text page.
const MOST_INK: f32 = 0.35;
const LEAST_INK: f32 = 0.002;

/// `page` with its light evened out (white paper, dark text), or `None` where it is not needed
/// or not safe (see the module docs). `page` is a greyscale picture of any size; the result has
/// the same size.
pub(crate) fn even_out(page: &GrayImage) -> Option<GrayImage> {
    let (width, height) = page.dimensions();
    let cell = (width.max(height) / CELLS_LONG_SIDE).max(8);
    let (gw, gh) = (width.div_ceil(cell), height.div_ceil(cell));
    if gw < 3 || gh < 3 {
        return None;
    }
    let paper = paper_grid(page, cell, gw, gh);
    let mut sorted = paper.clone();
    sorted.sort_by(f32::total_cmp);
    let at = |q: f32| sorted[((sorted.len() - 1) as f32 * q) as usize];
    let (median, low, high) = (at(0.5), at(0.1).max(1.0), at(0.9));
    if median >= f32::from(GOOD_PAPER) && high / low < EVEN_LIGHT {
        return None;
    }
    if median < f32::from(DARKEST_PAPER) {
        return None;
    }
    // Divide by the paper's brightness, interpolated between cell centres.
    let mut flat = GrayImage::new(width, height);
    let mut histogram = [0u64; 256];
    for (x, y, out) in flat.enumerate_pixels_mut() {
        let background = bilinear(&paper, gw, gh, (x as f32 + 0.5) / cell as f32 - 0.5, (y as f32 + 0.5) / cell as f32 - 0.5).max(f32::from(DARKEST_PAPER));
        let value = (f32::from(page.get_pixel(x, y).0[0]) * 255.0 / background).min(255.0) as u8;
        histogram[usize::from(value)] += 1;
        out.0[0] = value;
    }
    // Levels: the paper's own grain (a little under its brightness) becomes white; the darkest
    // ink (1st percentile, but never paler than mid-grey) becomes black.
    let total = u64::from(width) * u64::from(height);
    let mut seen = 0u64;
    let black = histogram.iter().position(|&n| {
        seen += n;
        seen * 100 >= total
    });
    let black = f32::from(black.unwrap_or(0).min(128) as u8);
    let white = 225.0f32;
    if white - black < 40.0 {
        return None;
    }
    let lut: Vec<u8> = (0..=255u16).map(|v| ((f32::from(v) - black) / (white - black) * 255.0).clamp(0.0, 255.0) as u8).collect();
    let mut dark = 0u64;
    for pixel in flat.pixels_mut() {
        pixel.0[0] = lut[usize::from(pixel.0[0])];
        dark += u64::from(pixel.0[0] < 128);
    }
    let ink = dark as f32 / total as f32;
    (LEAST_INK..=MOST_INK).contains(&ink).then_some(flat)
}

/// A colour page (a stamp, a logo, a coloured form) with its light evened out as [`even_out`] does
/// for grey ones, keeping colour only where the page has colour: each channel is divided by the
/// paper's brightness in that channel (so a warm or cold cast goes with the unevenness, and the
/// paper becomes white), the levels are stretched as for grey pages, and every pixel whose colour
/// is faint (channels within [`FAINT_COLOUR`] of each other: paper, black text, JPEG noise) becomes
/// grey. `None` under the same conditions as [`even_out`], judged on the page's brightness. The
/// result has the size of `page`.
pub(crate) fn even_out_colour(page: &RgbImage) -> Option<RgbImage> {
    let (width, height) = page.dimensions();
    let luma = image::DynamicImage::ImageRgb8(page.clone()).into_luma8();
    // Only where the grey page would be evened out (the same checks, the same levels).
    even_out(&luma)?;
    let cell = (width.max(height) / CELLS_LONG_SIDE).max(8);
    let (gw, gh) = (width.div_ceil(cell), height.div_ceil(cell));
    let channel = |c: usize| GrayImage::from_fn(width, height, |x, y| image::Luma([page.get_pixel(x, y).0[c]]));
    let papers: Vec<Vec<f32>> = (0..3).map(|c| paper_grid(&channel(c), cell, gw, gh)).collect();
    let mut out = RgbImage::new(width, height);
    let mut histogram = [0u64; 256];
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        let (fx, fy) = ((x as f32 + 0.5) / cell as f32 - 0.5, (y as f32 + 0.5) / cell as f32 - 0.5);
        let src = page.get_pixel(x, y).0;
        for c in 0..3 {
            let background = bilinear(&papers[c], gw, gh, fx, fy).max(f32::from(DARKEST_PAPER));
            pixel.0[c] = (f32::from(src[c]) * 255.0 / background).min(255.0) as u8;
        }
        let [r, g, b] = pixel.0;
        histogram[usize::from(((u16::from(r) * 3 + u16::from(g) * 6 + u16::from(b)) / 10) as u8)] += 1;
    }
    let total = u64::from(width) * u64::from(height);
    let mut seen = 0u64;
    let black = histogram.iter().position(|&n| {
        seen += n;
        seen * 100 >= total
    });
    let black = f32::from(black.unwrap_or(0).min(128) as u8);
    let white = 225.0f32;
    let lut: Vec<u8> = (0..=255u16).map(|v| ((f32::from(v) - black) / (white - black) * 255.0).clamp(0.0, 255.0) as u8).collect();
    for pixel in out.pixels_mut() {
        let [r, g, b] = pixel.0.map(|v| lut[usize::from(v)]);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        pixel.0 = if max - min < FAINT_COLOUR {
            let grey = ((u16::from(r) * 3 + u16::from(g) * 6 + u16::from(b)) / 10) as u8;
            [grey; 3]
        } else {
            [r, g, b]
        };
    }
    Some(out)
}

/// Channels closer than this (0–255) after evening out: no colour of the page's own, only paper,
/// ink and noise.
const FAINT_COLOUR: u8 = 40;

/// The paper's brightness per cell: the 90th percentile of the cell (text is a minority of a
/// cell's pixels), then the brightest of each cell and its neighbours (a cell full of ink or a
/// dark mark takes its neighbours' paper), then smoothed with the neighbours.
fn paper_grid(page: &GrayImage, cell: u32, gw: u32, gh: u32) -> Vec<f32> {
    let (width, height) = page.dimensions();
    let mut grid = vec![0f32; (gw * gh) as usize];
    for gy in 0..gh {
        for gx in 0..gw {
            let mut histogram = [0u32; 256];
            let mut count = 0u32;
            for y in (gy * cell)..((gy + 1) * cell).min(height) {
                for x in (gx * cell)..((gx + 1) * cell).min(width) {
                    histogram[usize::from(page.get_pixel(x, y).0[0])] += 1;
                    count += 1;
                }
            }
            let mut seen = 0u32;
            let p90 = histogram.iter().position(|&n| {
                seen += n;
                seen * 10 >= count * 9
            });
            grid[(gy * gw + gx) as usize] = p90.unwrap_or(255) as f32;
        }
    }
    let neighbours = |grid: &[f32], gx: u32, gy: u32| {
        let xs = gx.saturating_sub(1)..=(gx + 1).min(gw - 1);
        xs.flat_map(move |x| (gy.saturating_sub(1)..=(gy + 1).min(gh - 1)).map(move |y| (x, y))).map(|(x, y)| grid[(y * gw + x) as usize]).collect::<Vec<_>>()
    };
    let brightest: Vec<f32> = (0..gh).flat_map(|gy| (0..gw).map(move |gx| (gx, gy))).map(|(gx, gy)| neighbours(&grid, gx, gy).into_iter().fold(0.0, f32::max)).collect();
    (0..gh)
        .flat_map(|gy| (0..gw).map(move |gx| (gx, gy)))
        .map(|(gx, gy)| {
            let around = neighbours(&brightest, gx, gy);
            around.iter().sum::<f32>() / around.len() as f32
        })
        .collect()
}

/// The grid's value at cell coordinates (`x`, `y`), between cell centres, clamped at the edges.
fn bilinear(grid: &[f32], gw: u32, gh: u32, x: f32, y: f32) -> f32 {
    let x = x.clamp(0.0, (gw - 1) as f32);
    let y = y.clamp(0.0, (gh - 1) as f32);
    let (x0, y0) = (x.floor() as u32, y.floor() as u32);
    let (x1, y1) = ((x0 + 1).min(gw - 1), (y0 + 1).min(gh - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let g = |x: u32, y: u32| grid[(y * gw + x) as usize];
    let top = g(x0, y0) * (1.0 - fx) + g(x1, y0) * fx;
    let bottom = g(x0, y1) * (1.0 - fx) + g(x1, y1) * fx;
    top * (1.0 - fy) + bottom * fy
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    /// Text bars on paper lit from the left: bright on the left, dim on the right.
    fn lit_from_left(width: u32, height: u32, paper: f32, ink: f32) -> GrayImage {
        GrayImage::from_fn(width, height, |x, y| {
            let light = 1.0 - 0.6 * x as f32 / width as f32;
            let is_text = y % 30 < 6 && (x / 20) % 4 != 3 && x > 20 && x < width - 20;
            Luma([((if is_text { ink } else { paper }) * light) as u8])
        })
    }

    #[test]
    fn dim_uneven_paper_becomes_white_with_dark_text() {
        let page = lit_from_left(600, 800, 150.0, 70.0);
        let out = even_out(&page).expect("evened out");
        // Paper on the dim right and the bright left alike is white now; text is dark.
        assert!(out.get_pixel(530, 20).0[0] > 240 && out.get_pixel(40, 20).0[0] > 240);
        assert!(out.get_pixel(530, 2).0[0] < 60 && out.get_pixel(40, 2).0[0] < 60);
    }

    #[test]
    fn a_warm_unevenly_lit_colour_page_gets_white_paper_and_keeps_its_red_stamp() {
        let grey = lit_from_left(600, 800, 170.0, 60.0);
        let page = RgbImage::from_fn(600, 800, |x, y| {
            let v = f32::from(grey.get_pixel(x, y).0[0]);
            let light = 1.0 - 0.6 * x as f32 / 600.0;
            let stamp = (x as f32 - 420.0).hypot(y as f32 - 650.0) < 60.0 && (y % 30) >= 6;
            if stamp {
                image::Rgb([(200.0 * light) as u8, (40.0 * light) as u8, (40.0 * light) as u8])
            } else {
                // Warm light: less blue than red.
                image::Rgb([v as u8, (v * 0.9) as u8, (v * 0.7) as u8])
            }
        });
        let out = even_out_colour(&page).expect("evened out");
        for (x, y) in [(40, 20), (530, 20), (300, 500)] {
            let [r, g, b] = out.get_pixel(x, y).0;
            assert!(r > 235 && g > 235 && b > 235 && r == g && g == b, "paper at ({x}, {y}) is white: {:?}", out.get_pixel(x, y));
        }
        let [r, g, b] = out.get_pixel(40, 2).0;
        assert!(r < 80 && r == g && g == b, "text is dark grey, not brown: {:?}", out.get_pixel(40, 2));
        let [r, g, b] = out.get_pixel(420, 670).0;
        assert!(r > 150 && g < 100 && b < 100, "the stamp stays red: {:?}", [r, g, b]);
    }

    #[test]
    fn a_well_lit_page_a_night_shot_and_a_dark_picture_are_left_alone() {
        let good = GrayImage::from_fn(600, 800, |_, y| Luma([if y % 30 < 6 { 20 } else { 240 }]));
        assert!(even_out(&good).is_none());
        let night = GrayImage::from_fn(600, 800, |x, _| Luma([(x % 20) as u8]));
        assert!(even_out(&night).is_none());
        // Mostly dark with light spots (a photo of a thing, not a page): too much "ink".
        let thing = GrayImage::from_fn(600, 800, |x, y| Luma([if (x / 100 + y / 100) % 2 == 0 { 60 } else { 150 }]));
        assert!(even_out(&thing).is_none());
    }
}
