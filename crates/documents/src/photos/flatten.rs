//! Flattening: what a reader shows of a PDF's form fields, comments and visible signatures
//! (their appearance streams, `/AP /N`) drawn onto the page, so the office sees them once the
//! interactive layer is gone.
//!
//! Pages are copied as form XObjects by krilla (hayro-write), which copies a page's content and
//! resources and nothing else: annotations, form fields, actions, scripts and attachments stay
//! behind. An appearance stream is not page content, so it would be lost too. Rather than write
//! PDF objects ourselves, each appearance is made into a page of its own by a small
//! *incremental update* appended to the original bytes (new objects only, which refer to the
//! original appearance streams and their resources by reference): a page whose media box is the
//! appearance's `/BBox` and whose content stream *is* the appearance stream. The caller then
//! draws that helper page with krilla's `draw_pdf_page` over the page it belongs to, through the
//! transform the PDF specification gives for annotations (ISO 32000-1 §12.5.5: `/Matrix`, then
//! the bounding box of the transformed `/BBox` fitted to `/Rect`). Vector text in an appearance
//! (a filled-in value, the signer's name) stays text.

use hayro_syntax::object::{Array, Dict, MaybeRef, Name, Object, ObjectIdentifier, Rect, Stream};
use hayro_syntax::page::Page;
use hayro_syntax::Pdf;

/// An affine transform as PDF writes it, `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
pub(crate) type Affine = [f64; 6];

const IDENTITY: Affine = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// An annotation's normal appearance, found on a page of the original file.
pub(crate) struct Appearance {
    /// 0-based index of the page it is on.
    page: usize,
    stream: ObjectIdentifier,
    /// `/BBox` of the appearance stream, normalised (x0 < x1, y0 < y1), in form space.
    bbox: Rect,
    /// Form space to annotation space.
    matrix: Affine,
    /// The annotation's `/Rect` on the page, normalised, in the page's user space.
    rect: Rect,
    /// The appearance's `/Resources` as PDF syntax (`12 0 R` or an inline `<< … >>`).
    resources: Option<Vec<u8>>,
}

/// An appearance to draw over a page: which helper page, its size in points (its `/BBox`), and
/// the transform from the helper page as krilla draws it (origin top left, y down) to the page it
/// belongs to as krilla draws that (the same, at the page's render size).
#[derive(Debug, Clone)]
pub(crate) struct Overlay {
    pub helper_page: usize,
    pub size: (f32, f32),
    pub transform: Affine,
}

/// Annotation flags (ISO 32000-1, table 165).
const HIDDEN: i32 = 2;
const NO_VIEW: i32 = 32;

/// The visible appearances on `page` (index `index`): every annotation that is not hidden, has
/// an area and a normal appearance stream for its current state (`/AS` for checkboxes), except
/// links and popups (a link's action is dropped; its visible text is page content anyway).
pub(crate) fn appearances(index: usize, page: &Page<'_>) -> Vec<Appearance> {
    let Some(annots) = page.raw().get::<Array<'_>>(b"Annots") else {
        return Vec::new();
    };
    annots.iter::<Dict<'_>>().filter_map(|annot| appearance(index, &annot)).collect()
}

fn appearance(page: usize, annot: &Dict<'_>) -> Option<Appearance> {
    let subtype = annot.get::<Name<'_>>(b"Subtype");
    if matches!(subtype.as_deref(), Some(b"Link" | b"Popup")) {
        return None;
    }
    if annot.get::<i32>(b"F").unwrap_or(0) & (HIDDEN | NO_VIEW) != 0 {
        return None;
    }
    let rect = normalised(annot.get::<Rect>(b"Rect")?)?;
    let stream = stream_of(&annot.get::<Dict<'_>>(b"AP")?, annot)?;
    let dict = stream.dict();
    let bbox = normalised(dict.get::<Rect>(b"BBox")?)?;
    let matrix = dict.get::<Array<'_>>(b"Matrix").and_then(|m| {
        let v: Vec<f64> = m.iter::<f64>().collect();
        <[f64; 6]>::try_from(v).ok()
    });
    let resources = match dict.get_raw::<Object<'_>>(b"Resources") {
        Some(MaybeRef::Ref(r)) => Some(format!("{} {} R", r.obj_number, r.gen_number).into_bytes()),
        Some(MaybeRef::NotRef(Object::Dict(d))) => Some(inline_dict(d.data())),
        _ => None,
    };
    Some(Appearance { page, stream: stream.obj_id(), bbox, matrix: matrix.unwrap_or(IDENTITY), rect, resources })
}

fn stream_of<'a>(ap: &Dict<'a>, annot: &Dict<'a>) -> Option<Stream<'a>> {
    match ap.get::<Object<'a>>(b"N")? {
        Object::Stream(s) => Some(s),
        Object::Dict(states) => states.get::<Stream<'a>>(annot.get::<Name<'_>>(b"AS")?.as_ref()),
        _ => None,
    }
}

/// The raw bytes of an inline dictionary as PDF syntax, with its delimiters.
fn inline_dict(data: &[u8]) -> Vec<u8> {
    if data.starts_with(b"<<") {
        data.to_vec()
    } else {
        [b"<<".as_slice(), data, b">>"].concat()
    }
}

fn normalised(r: Rect) -> Option<Rect> {
    let out = Rect::new(r.x0.min(r.x1), r.y0.min(r.y1), r.x0.max(r.x1), r.y0.max(r.y1));
    let sane = [out.x0, out.y0, out.x1, out.y1].iter().all(|v| v.is_finite() && v.abs() < 1e6);
    (sane && out.x1 - out.x0 >= 1.0 && out.y1 - out.y0 >= 1.0).then_some(out)
}

/// `p ∘ q`: apply `q`, then `p`.
pub(crate) fn compose(p: Affine, q: Affine) -> Affine {
    [p[0] * q[0] + p[2] * q[1], p[1] * q[0] + p[3] * q[1], p[0] * q[2] + p[2] * q[3], p[1] * q[2] + p[3] * q[3], p[0] * q[4] + p[2] * q[5] + p[4], p[1] * q[4] + p[3] * q[5] + p[5]]
}

fn apply(m: Affine, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// The transform from the helper page as krilla draws it to the page `page` as krilla draws it:
/// helper top-left space → form space → annotation space (`/Matrix`, then the fit of the
/// transformed box to `/Rect`) → page user space → the page's top-left render space.
fn overlay_transform(page: &Page<'_>, a: &Appearance) -> Option<Affine> {
    let corners = [(a.bbox.x0, a.bbox.y0), (a.bbox.x1, a.bbox.y0), (a.bbox.x0, a.bbox.y1), (a.bbox.x1, a.bbox.y1)].map(|(x, y)| apply(a.matrix, x, y));
    let (min_x, max_x) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &(x, _)| (lo.min(x), hi.max(x)));
    let (min_y, max_y) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &(_, y)| (lo.min(y), hi.max(y)));
    if max_x - min_x < 1e-6 || max_y - min_y < 1e-6 {
        return None;
    }
    let sx = (a.rect.x1 - a.rect.x0) / (max_x - min_x);
    let sy = (a.rect.y1 - a.rect.y0) / (max_y - min_y);
    let fit = [sx, 0.0, 0.0, sy, a.rect.x0 - sx * min_x, a.rect.y0 - sy * min_y];
    let from_helper = [1.0, 0.0, 0.0, -1.0, a.bbox.x0, a.bbox.y1];
    let device = page.initial_transform(true).as_coeffs();
    let total = compose(device, compose(fit, compose(a.matrix, from_helper)));
    total.iter().all(|v| v.is_finite()).then_some(total)
}

/// The original bytes with one helper page per appearance appended as an incremental update,
/// and, per original page, the overlays to draw on it. `startxref` is the offset of the
/// original's last cross-reference section; `trailer_extra` is copied into the new trailer
/// (`/Encrypt` and `/ID` of an encrypted file). `None` if the file's catalog or page tree cannot
/// be found.
pub(crate) fn with_helper_pages(bytes: &[u8], pdf: &Pdf, startxref: usize, trailer_extra: &[u8], found: Vec<Appearance>) -> Option<(Vec<u8>, Vec<Vec<Overlay>>)> {
    let pages = pdf.pages();
    let original_pages = pages.len();
    let catalog = pdf.xref().get::<Dict<'_>>(pdf.xref().root_id())?;
    let old_root = catalog.get_ref(b"Pages")?;
    let mut overlays: Vec<Vec<Overlay>> = vec![Vec::new(); original_pages];
    let mut kept = Vec::new();
    for a in found {
        let Some(page) = pages.get(a.page) else { continue };
        let Some(transform) = overlay_transform(page, &a) else { continue };
        let size = ((a.bbox.x1 - a.bbox.x0) as f32, (a.bbox.y1 - a.bbox.y0) as f32);
        overlays[a.page].push(Overlay { helper_page: original_pages + kept.len(), size, transform });
        kept.push(a);
    }
    if kept.is_empty() {
        return Some((bytes.to_vec(), overlays));
    }
    // New objects: catalog, new page-tree root, helper node, then one page per appearance.
    let first = highest_object_number(bytes).max(1) + 1;
    let (catalog_n, root_n, helpers_n) = (first, first + 1, first + 2);
    let page_n = |i: usize| helpers_n + 1 + i as i64;
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(format!("<< /Type /Catalog /Pages {root_n} 0 R >>").into_bytes());
    objects.push(format!("<< /Type /Pages /Kids [{} {} R {helpers_n} 0 R] /Count {} >>", old_root.obj_number, old_root.gen_number, original_pages + kept.len()).into_bytes());
    let kids: Vec<String> = (0..kept.len()).map(|i| format!("{} 0 R", page_n(i))).collect();
    objects.push(format!("<< /Type /Pages /Parent {root_n} 0 R /Kids [{}] /Count {} >>", kids.join(" "), kept.len()).into_bytes());
    for a in &kept {
        let mut page = format!(
            "<< /Type /Page /Parent {helpers_n} 0 R /MediaBox [{} {} {} {}] /Contents {} {} R /Resources ",
            a.bbox.x0, a.bbox.y0, a.bbox.x1, a.bbox.y1, a.stream.obj_number, a.stream.gen_number
        )
        .into_bytes();
        page.extend_from_slice(a.resources.as_deref().unwrap_or(b"<< >>"));
        page.extend_from_slice(b" >>");
        objects.push(page);
    }
    let mut out = bytes.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", first + i as i64).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n{first} {}\n", objects.len()).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root {catalog_n} 0 R /Prev {startxref} ", first + objects.len() as i64).as_bytes());
    out.extend_from_slice(trailer_extra);
    out.extend_from_slice(format!(" >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    Some((out, overlays))
}

/// The highest `N G obj` object number in the file (objects in object streams are numbered
/// below the stream's `/Size`-bounded range, which the trailer's `/Size` also covers).
fn highest_object_number(bytes: &[u8]) -> i64 {
    let mut highest = 0i64;
    let mut at = 0;
    while let Some(i) = super::sniff::find(&bytes[at..], b" obj") {
        let end = at + i;
        at = end + 4;
        let before = &bytes[end.saturating_sub(24)..end];
        let mut parts = before.rsplit(|b| b.is_ascii_whitespace()).filter(|p| !p.is_empty());
        let (Some(generation), Some(number)) = (parts.next(), parts.next()) else { continue };
        if generation.iter().all(u8::is_ascii_digit) {
            if let Some(n) = std::str::from_utf8(number).ok().and_then(|s| s.parse::<i64>().ok()) {
                highest = highest.max(n);
            }
        }
    }
    highest.max(trailer_size(bytes) - 1)
}

/// The largest `/Size` in any trailer or cross-reference stream dictionary.
fn trailer_size(bytes: &[u8]) -> i64 {
    let mut size = 0i64;
    let mut at = 0;
    while let Some(i) = super::sniff::find(&bytes[at..], b"/Size") {
        at += i + 5;
        let digits: Vec<u8> = bytes[at..].iter().copied().skip_while(u8::is_ascii_whitespace).take_while(u8::is_ascii_digit).take(12).collect();
        if let Some(n) = std::str::from_utf8(&digits).ok().and_then(|s| s.parse::<i64>().ok()) {
            size = size.max(n);
        }
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composing_applies_the_right_side_first() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 0.0];
        assert_eq!(apply(compose(shift, scale), 1.0, 1.0), (12.0, 2.0));
        assert_eq!(apply(compose(scale, shift), 1.0, 1.0), (22.0, 2.0));
    }

    #[test]
    fn object_numbers_are_found() {
        assert_eq!(highest_object_number(b"1 0 obj\n<<>>\nendobj\n12 0 obj\n<<>>\nendobj\ntrailer << /Size 5 >>"), 12);
        assert_eq!(highest_object_number(b"1 0 obj\n<<>>\nendobj\ntrailer << /Size 40 >>"), 39);
    }
}
