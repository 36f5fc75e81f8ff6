//! Finding the sheet of paper in a photo and straightening it, as the scanner apps people know do
//! (Microsoft Lens, Adobe Scan, the iOS document scanner): a page photographed on a desk, a little
//! tilted or from an angle, becomes the page alone, upright and rectangular, filling the PDF page.
//!
//! The sheet is looked for in a small grey copy: paper is the large bright region (Otsu's
//! threshold, `imageproc::contrast::otsu_level`), its outer border (`imageproc::contours`) is cut
//! into four sides at the extreme points along the diagonals, a straight line is fitted to the
//! middle of each side (so a rounded or shaded corner does not pull it), and the corners are where
//! neighbouring lines meet. The photo is then warped so those corners become a rectangle
//! (`imageproc::geometric_transformations::Projection`, a perspective transform).
//!
//! Where the sheet is not found with confidence nothing is changed, so a page that came out well
//! before is never made worse: the region must be a clear quadrilateral (its border's area within
//! a few percent of the four-sided shape's), a fifth or more of the photo, clearly brighter than
//! what is around it, with corners not far from right angles, and not running off the photo's
//! edge. A page that already fills the photo is left as it is.

use image::{GrayImage, Luma, RgbImage};
use imageproc::contours::{find_contours, BorderType};
use imageproc::geometric_transformations::{warp_into, Interpolation, Projection};
use imageproc::point::Point;
use imageproc::region_labelling::{connected_components, Connectivity};

use super::raster::fit_long_side;

/// Long side of the grey copy the sheet is looked for in, in pixels: enough to place a corner
/// within 0.3 % of the photo, and quick (a 12 MP photo becomes 0.17 MP).
const SEARCH_LONG_SIDE: u32 = 600;
/// A sheet must cover at least this share of the photo (a receipt on a large table is not
/// straightened: it would be blown up past its resolution).
const LEAST_AREA: f32 = 0.2;
/// A sheet whose corners are all within this share of the photo's sides already fills it.
const FILLS_PHOTO: f32 = 0.03;
/// The border's area may differ from the quadrilateral's by at most this share.
const QUAD_FIT: f32 = 0.04;
/// Corner angles allowed, in degrees from a right angle (a phone held 45° off still passes).
const MOST_SKEW_DEGREES: f32 = 30.0;
/// Paper must be at least this much brighter (0–255, mean of the grey copy) than its surroundings.
const LEAST_CONTRAST: f32 = 25.0;
/// Opposite sides longer than the other by more than this ratio: the phone was held at an angle.
pub(crate) const SLANTED: f32 = 1.2;
/// How much of a border point count may lie on the photo's edge before the sheet counts as
/// running off it.
const MOST_ON_EDGE: f32 = 0.02;

/// A sheet found in a photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sheet {
    /// Corners in the photo's pixels (x right, y down): top-left, top-right, bottom-right,
    /// bottom-left.
    pub corners: [(f32, f32); 4],
}

impl Sheet {
    /// The longer of each pair of opposite sides over the shorter, the larger of the two ratios:
    /// 1.0 for a sheet photographed from straight above, larger the more the phone leant.
    pub fn slant(&self) -> f32 {
        let [a, b, c, d] = self.corners;
        let (top, right, bottom, left) = (dist(a, b), dist(b, c), dist(c, d), dist(d, a));
        let ratio = |p: f32, q: f32| p.max(q) / p.min(q).max(1.0);
        ratio(top, bottom).max(ratio(left, right))
    }
}

/// What the search found in a photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Found {
    /// A sheet lying inside the photo, found with confidence.
    Sheet(Sheet),
    /// The paper runs off one or more of the photo's edges, with something else (a desk) visible
    /// along another: the page is probably cut off.
    CutOff,
    /// The page fills the photo, or no sheet was found with confidence: the photo is used as it is.
    Nothing,
}

/// Looks for the sheet of paper in `photo` (upright, any size). See the module docs for the
/// rules; `Found::Nothing` whenever one fails.
pub(crate) fn find(photo: &RgbImage) -> Found {
    let (width, height) = photo.dimensions();
    let (sw, sh) = fit_long_side(width, height, SEARCH_LONG_SIDE);
    if sw < 32 || sh < 32 {
        return Found::Nothing;
    }
    let small = image::imageops::thumbnail(photo, sw, sh);
    let grey: GrayImage = image::imageops::blur(&image::DynamicImage::ImageRgb8(small).into_luma8(), 1.5);
    // Otsu's level splits paper from desk where the light is even; under a lamp to one side the
    // far part of the sheet is darker than that level but still well above the desk, so lower
    // levels are tried too, and the one whose region is most exactly four-sided wins.
    let otsu = imageproc::contrast::otsu_level(&grey);
    let mut quads: Vec<(f32, [(f32, f32); 4])> = Vec::new();
    let mut at_otsu = Found::Nothing;
    for share in LEVELS {
        let level = (f32::from(otsu) * share) as u8;
        match attempt(&grey, level) {
            Attempt::Quad { corners, misfit } => quads.push((misfit, corners)),
            Attempt::CutOff if share == 1.0 => at_otsu = Found::CutOff,
            _ => {}
        }
    }
    quads.sort_by(|a, b| a.0.total_cmp(&b.0));
    let Some(&(_, corners)) = quads.iter().find(|(_, corners)| contrast(&grey, corners) >= LEAST_CONTRAST) else { return at_otsu };
    let margin = FILLS_PHOTO * sw.max(sh) as f32;
    let near_edge = |(x, y): (f32, f32)| x < margin || y < margin || x > sw as f32 - margin || y > sh as f32 - margin;
    if corners.iter().all(|&c| near_edge(c)) {
        return Found::Nothing;
    }
    let (fx, fy) = (width as f32 / sw as f32, height as f32 / sh as f32);
    Found::Sheet(Sheet { corners: corners.map(|(x, y)| (x * fx, y * fy)) })
}

/// Levels tried, as shares of Otsu's level (see [`find`]).
const LEVELS: [f32; 6] = [1.0, 0.85, 0.7, 0.55, 0.45, 0.35];

enum Attempt {
    /// A sheet: its corners in the grey copy, and how far its border's area is from theirs (a share).
    Quad {
        corners: [(f32, f32); 4],
        misfit: f32,
    },
    CutOff,
    Nothing,
}

/// The sheet as the region brighter than `level` in `grey` (see the module docs for the rules).
fn attempt(grey: &GrayImage, level: u8) -> Attempt {
    let (sw, sh) = grey.dimensions();
    let bright = GrayImage::from_fn(sw, sh, |x, y| Luma([u8::from(grey.get_pixel(x, y).0[0] > level) * 255]));
    let Some(region) = largest_region(&bright) else { return Attempt::Nothing };
    let Some(border) = outer_border(&region) else { return Attempt::Nothing };
    let on_edge = border.iter().filter(|p| p.x == 0 || p.y == 0 || p.x == sw - 1 || p.y == sh - 1).count();
    let area_share = polygon_area(&border) / (sw * sh) as f32;
    if area_share < LEAST_AREA {
        return Attempt::Nothing;
    }
    if on_edge as f32 > MOST_ON_EDGE * border.len() as f32 {
        // Paper running off every edge is a close-up of a page (no desk to be seen): nothing to
        // cut out, and nothing to warn about.
        let sides = [border.iter().any(|p| p.x == 0), border.iter().any(|p| p.y == 0), border.iter().any(|p| p.x == sw - 1), border.iter().any(|p| p.y == sh - 1)];
        if sides.iter().all(|&s| s) {
            return Attempt::Nothing;
        }
        // A sheet cut off by the photo's edge is still a convex shape with a few straight sides.
        let hull = imageproc::geometry::convex_hull(border.clone());
        let outline = imageproc::geometry::approximate_polygon_dp(&border, 0.015 * sw.max(sh) as f64, true);
        let convex = polygon_area(&border) >= (1.0 - QUAD_FIT) * polygon_area(&hull);
        return if convex && outline.len() <= 8 { Attempt::CutOff } else { Attempt::Nothing };
    }
    let Some(corners) = fit_quadrilateral(&border, (sw, sh)) else { return Attempt::Nothing };
    let misfit = (polygon_area_f(&corners) / polygon_area(&border).max(1.0) - 1.0).abs();
    if misfit > QUAD_FIT || !right_enough(&corners) {
        return Attempt::Nothing;
    }
    Attempt::Quad { corners, misfit }
}

/// The sheet cut out of `photo` and warped to an upright rectangle, the long side at most
/// `max_long_side` pixels. The rectangle's proportions are the sheet's as measured (the longer of
/// each pair of opposite sides), taken as A4's (1 : √2) when within 3 % of them (a sheet seen at a slant measures a little off).
pub(crate) fn straighten(photo: &RgbImage, sheet: &Sheet, max_long_side: u32) -> RgbImage {
    let [a, b, c, d] = sheet.corners;
    let (mut w, mut h) = (dist(a, b).max(dist(d, c)), dist(a, d).max(dist(b, c)));
    let a4 = std::f32::consts::SQRT_2;
    if ((h / w) / a4 - 1.0).abs() < 0.03 {
        h = w * a4;
    } else if ((w / h) / a4 - 1.0).abs() < 0.03 {
        w = h * a4;
    }
    let scale = (max_long_side.max(1) as f32 / w.max(h)).min(1.0);
    let (out_w, out_h) = (((w * scale).round() as u32).max(1), ((h * scale).round() as u32).max(1));
    // Sampling a much larger photo point by point would alias thin strokes: scale it down first
    // by averaging (`thumbnail`, an area filter: no aliasing when shrinking, and cheaper than a
    // triangle filter on a 12 MP photo), so the warp only ever shrinks a little.
    let (source, corners) = if scale < 0.8 {
        let (pw, ph) = ((photo.width() as f32 * scale).round().max(1.0) as u32, (photo.height() as f32 * scale).round().max(1.0) as u32);
        let resized = image::imageops::thumbnail(photo, pw, ph);
        let (sx, sy) = (pw as f32 / photo.width() as f32, ph as f32 / photo.height() as f32);
        (std::borrow::Cow::Owned(resized), sheet.corners.map(|(x, y)| (x * sx, y * sy)))
    } else {
        (std::borrow::Cow::Borrowed(photo), sheet.corners)
    };
    // A hair inside the found edges, so no line of desk is left along the page.
    let inset = 0.008 * out_w.max(out_h) as f32;
    let (fw, fh) = (out_w as f32, out_h as f32);
    let target = [(-inset, -inset), (fw + inset, -inset), (fw + inset, fh + inset), (-inset, fh + inset)];
    let mut out = RgbImage::from_pixel(out_w, out_h, image::Rgb([255, 255, 255]));
    match Projection::from_control_points(corners, target) {
        Some(projection) => warp_into(&source, &projection, Interpolation::Bilinear, image::Rgb([255, 255, 255]), &mut out),
        // Four corners of a convex quadrilateral always give a projection; should the solver
        // still fail, the photo is kept as it came (scaled), never lost.
        None => return image::imageops::resize(photo, out_w, out_h, image::imageops::FilterType::Triangle),
    }
    out
}

/// The largest 4-connected region of white pixels in `mask`, as a mask of its own.
fn largest_region(mask: &GrayImage) -> Option<GrayImage> {
    let labels = connected_components(mask, Connectivity::Four, Luma([0u8]));
    let mut sizes: Vec<u32> = Vec::new();
    for label in labels.pixels() {
        let l = label.0[0] as usize;
        if l > 0 {
            if sizes.len() <= l {
                sizes.resize(l + 1, 0);
            }
            sizes[l] += 1;
        }
    }
    let (best, _) = sizes.iter().enumerate().max_by_key(|(_, &n)| n)?;
    let best = best as u32;
    Some(GrayImage::from_fn(mask.width(), mask.height(), |x, y| Luma([u8::from(labels.get_pixel(x, y).0[0] == best) * 255])))
}

/// The longest outer border of the white region in `region`.
fn outer_border(region: &GrayImage) -> Option<Vec<Point<u32>>> {
    find_contours::<u32>(region).into_iter().filter(|c| c.border_type == BorderType::Outer).map(|c| c.points).max_by_key(Vec::len).filter(|p| p.len() >= 40)
}

/// Four corners fitted to a closed `border`, or `None` when a side cannot be fitted. Corners are
/// first the extreme points along the diagonals; each side is then a line through the middle
/// 70 % of the border points between its corners (points on the photo's edge left out), and the
/// corners become where neighbouring lines cross.
fn fit_quadrilateral(border: &[Point<u32>], (w, h): (u32, u32)) -> Option<[(f32, f32); 4]> {
    let key = |p: &Point<u32>, f: fn(f32, f32) -> f32| f(p.x as f32, p.y as f32);
    let arg = |f: fn(f32, f32) -> f32, max: bool| -> Option<usize> {
        let it = border.iter().enumerate();
        if max {
            it.max_by(|a, b| key(a.1, f).total_cmp(&key(b.1, f))).map(|(i, _)| i)
        } else {
            it.min_by(|a, b| key(a.1, f).total_cmp(&key(b.1, f))).map(|(i, _)| i)
        }
    };
    let corner_index = [arg(|x, y| x + y, false)?, arg(|x, y| x - y, true)?, arg(|x, y| x + y, true)?, arg(|x, y| x - y, false)?];
    let n = border.len();
    let mut lines = [Line::default(); 4];
    for side in 0..4 {
        let (from, to) = (corner_index[side], corner_index[(side + 1) % 4]);
        // The border runs one way round; take the arc from one corner to the next in either direction.
        let forward = (to + n - from) % n;
        let backward = (from + n - to) % n;
        let arc: Vec<(f32, f32)> = if forward <= backward {
            (0..=forward).map(|k| border[(from + k) % n]).map(|p| (p.x as f32, p.y as f32)).collect()
        } else {
            (0..=backward).map(|k| border[(from + n - k) % n]).map(|p| (p.x as f32, p.y as f32)).collect()
        };
        let len = arc.len();
        let middle: Vec<(f32, f32)> =
            arc.into_iter().skip(len * 15 / 100).take(len * 70 / 100).filter(|&(x, y)| x > 0.0 && y > 0.0 && x < (w - 1) as f32 && y < (h - 1) as f32).collect();
        lines[side] = Line::fit(&middle)?;
    }
    let mut corners = [(0.0, 0.0); 4];
    for (i, corner) in corners.iter_mut().enumerate() {
        *corner = lines[(i + 3) % 4].cross(&lines[i])?;
        let slack = 0.02 * w.max(h) as f32;
        if corner.0 < -slack || corner.1 < -slack || corner.0 > w as f32 + slack || corner.1 > h as f32 + slack {
            return None;
        }
    }
    Some(corners)
}

/// A line through `point` along the unit vector `direction`.
#[derive(Debug, Clone, Copy, Default)]
struct Line {
    point: (f32, f32),
    direction: (f32, f32),
}

impl Line {
    /// The total-least-squares line through `points` (the principal axis of their spread), or
    /// `None` for fewer than eight points.
    fn fit(points: &[(f32, f32)]) -> Option<Line> {
        if points.len() < 8 {
            return None;
        }
        let n = points.len() as f32;
        let (mx, my) = points.iter().fold((0.0, 0.0), |(sx, sy), &(x, y)| (sx + x / n, sy + y / n));
        let (mut sxx, mut sxy, mut syy) = (0.0f32, 0.0f32, 0.0f32);
        for &(x, y) in points {
            let (dx, dy) = (x - mx, y - my);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
        Some(Line { point: (mx, my), direction: (angle.cos(), angle.sin()) })
    }

    /// Where this line crosses `other`, or `None` when they are (nearly) parallel.
    fn cross(&self, other: &Line) -> Option<(f32, f32)> {
        let (d1, d2) = (self.direction, other.direction);
        let det = d1.0 * d2.1 - d1.1 * d2.0;
        if det.abs() < 0.2 {
            return None;
        }
        let (px, py) = (other.point.0 - self.point.0, other.point.1 - self.point.1);
        let t = (px * d2.1 - py * d2.0) / det;
        Some((self.point.0 + t * d1.0, self.point.1 + t * d1.1))
    }
}

/// Whether every corner of the quadrilateral is within [`MOST_SKEW_DEGREES`] of a right angle
/// (which also makes it convex).
fn right_enough(corners: &[(f32, f32); 4]) -> bool {
    (0..4).all(|i| {
        let (p, q, r) = (corners[(i + 3) % 4], corners[i], corners[(i + 1) % 4]);
        let (u, v) = ((p.0 - q.0, p.1 - q.1), (r.0 - q.0, r.1 - q.1));
        let cos = (u.0 * v.0 + u.1 * v.1) / (dist(p, q) * dist(r, q)).max(1e-3);
        let cross = u.0 * v.1 - u.1 * v.0;
        cos.abs() < MOST_SKEW_DEGREES.to_radians().sin() && cross < 0.0
    })
}

/// Mean grey inside the quadrilateral minus the mean outside it (0 when either is empty).
fn contrast(grey: &GrayImage, corners: &[(f32, f32); 4]) -> f32 {
    let (mut inside, mut outside) = ((0f64, 0u64), (0f64, 0u64));
    for (x, y, p) in grey.enumerate_pixels() {
        let at = (x as f32 + 0.5, y as f32 + 0.5);
        let acc = if contains(corners, at) { &mut inside } else { &mut outside };
        acc.0 += f64::from(p.0[0]);
        acc.1 += 1;
    }
    if inside.1 == 0 || outside.1 == 0 {
        return 0.0;
    }
    (inside.0 / inside.1 as f64 - outside.0 / outside.1 as f64) as f32
}

/// Whether `p` lies inside the convex quadrilateral `corners` (clockwise on screen).
fn contains(corners: &[(f32, f32); 4], p: (f32, f32)) -> bool {
    (0..4).all(|i| {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0) >= 0.0
    })
}

fn dist(a: (f32, f32), b: (f32, f32)) -> f32 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

fn polygon_area(points: &[Point<u32>]) -> f32 {
    imageproc::geometry::contour_area(points) as f32
}

fn polygon_area_f(corners: &[(f32, f32); 4]) -> f32 {
    let mut twice = 0.0;
    for i in 0..4 {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        twice += a.0 * b.1 - b.0 * a.1;
    }
    (twice / 2.0).abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    /// A white sheet with text bars inside its margins, its corners at `corners`, on a dark brown desk.
    fn on_desk(width: u32, height: u32, corners: [(f32, f32); 4]) -> RgbImage {
        let centre = corners.iter().fold((0.0, 0.0), |(x, y), c| (x + c.0 / 4.0, y + c.1 / 4.0));
        let text_area = corners.map(|(x, y)| (centre.0 + 0.85 * (x - centre.0), centre.1 + 0.85 * (y - centre.1)));
        RgbImage::from_fn(width, height, |x, y| {
            let p = (x as f32 + 0.5, y as f32 + 0.5);
            if contains(&corners, p) {
                if y % 40 < 8 && x % 50 < 40 && contains(&text_area, p) {
                    Rgb([40, 35, 30])
                } else {
                    Rgb([225, 215, 190])
                }
            } else {
                Rgb([70, 50, 35])
            }
        })
    }

    #[test]
    fn a_slanted_sheet_on_a_desk_is_found_at_its_corners() {
        let corners = [(130.0, 80.0), (660.0, 110.0), (700.0, 950.0), (90.0, 900.0)];
        let Found::Sheet(sheet) = find(&on_desk(800, 1066, corners)) else { panic!("not found") };
        for (found, drawn) in sheet.corners.iter().zip(corners) {
            assert!(dist(*found, drawn) < 6.0, "{found:?} vs {drawn:?}");
        }
        assert!(sheet.slant() > 1.05 && sheet.slant() < SLANTED, "{}", sheet.slant());
        // Straightened, the page is paper to its edges: no desk left in the corners.
        let page = straighten(&on_desk(800, 1066, corners), &sheet, 2000);
        for (x, y) in [(1, 1), (page.width() - 2, 1), (1, page.height() - 2), (page.width() - 2, page.height() - 2)] {
            assert!(page.get_pixel(x, y).0[0] > 150, "desk at ({x}, {y}): {:?}", page.get_pixel(x, y));
        }
    }

    #[test]
    fn a_page_filling_the_photo_a_cut_off_page_and_no_page_are_not_straightened() {
        let full = [(0.0, 0.0), (800.0, 0.0), (800.0, 1066.0), (0.0, 1066.0)];
        assert_eq!(find(&on_desk(800, 1066, full)), Found::Nothing);
        let cut = [(150.0, 300.0), (650.0, 300.0), (650.0, 1200.0), (150.0, 1200.0)];
        assert_eq!(find(&on_desk(800, 1066, cut)), Found::CutOff);
        let desk = RgbImage::from_fn(800, 1066, |x, y| Rgb([(x / 3 % 200) as u8, (y / 5 % 200) as u8, 90]));
        assert_eq!(find(&desk), Found::Nothing);
        // A round plate is bright and large, but no sheet.
        let plate = RgbImage::from_fn(800, 1066, |x, y| if (x as f32 - 400.0).hypot(y as f32 - 533.0) < 330.0 { Rgb([230, 230, 230]) } else { Rgb([60, 40, 30]) });
        assert_eq!(find(&plate), Found::Nothing);
    }

    #[test]
    fn a_photo_at_an_angle_is_slanted() {
        let corners = [(250.0, 150.0), (550.0, 150.0), (720.0, 950.0), (80.0, 950.0)];
        let Found::Sheet(sheet) = find(&on_desk(800, 1066, corners)) else { panic!("not found") };
        assert!(sheet.slant() > SLANTED, "{}", sheet.slant());
    }
}
