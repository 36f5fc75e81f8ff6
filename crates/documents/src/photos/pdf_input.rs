//! Checking a PDF input before its pages are copied.
//!
//! Pages are copied as form XObjects (krilla's `pdf` feature, hayro-write):
//! only each page's content and resources come along — never the catalog's
//! scripts, actions, attachments or the pages' annotations. The checks here
//! turn away what the office must not receive silently changed:
//!
//! - a cut-off or damaged file (no `%%EOF`, `startxref` pointing nowhere,
//!   content streams that do not decode), since a lenient reader would
//!   "repair" it into a document with missing pages;
//! - an encrypted file (even one that opens without a password);
//! - JavaScript, launch actions and embedded files, which would be dropped;
//! - filled-in form fields and drawn annotations (comments, ink signatures,
//!   stamps), whose visible content lives outside the page content and would
//!   be lost.

use std::sync::Arc;

use hayro_syntax::object::{Array, Dict, MaybeRef, Name, Object, Rect};
use hayro_syntax::page::Page;
use hayro_syntax::{LoadPdfError, Pdf};

use super::sniff::{find, rfind};
use super::Problem;

/// How deep inline dictionaries and arrays are searched (real files nest a few levels).
const MAX_DEPTH: usize = 32;
/// How far up a form field's /Parent chain a value is looked for.
const MAX_FIELD_DEPTH: usize = 16;

/// A PDF that passed the checks.
pub(crate) struct CheckedPdf {
    pub pdf: Arc<Pdf>,
    /// Each page's size as shown (crop box, /Rotate applied), in points.
    pub page_sizes: Vec<(f32, f32)>,
    pub is_pdf_2: bool,
}

pub(crate) fn check(bytes: &[u8]) -> Result<CheckedPdf, Problem> {
    check_structure(bytes)?;
    if nesting_too_deep(bytes) {
        return Err(broken("its objects are nested too deeply"));
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(_)) => return Err(Problem::EncryptedPdf),
        Err(LoadPdfError::Invalid) => return Err(broken("it could not be read")),
    };
    if let Some(problem) = scan_objects(&pdf) {
        return Err(problem);
    }
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(broken("it has no pages"));
    }
    let mut page_sizes = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        if !content_decodes(page) {
            return Err(broken(&format!("the content of page {} is damaged", index + 1)));
        }
        if has_visible_annotations(page) {
            return Err(Problem::PdfWithFormsOrAnnotations { page: index + 1 });
        }
        let (w, h) = page.render_dimensions();
        if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0 && w <= 14_400.0 && h <= 14_400.0) {
            return Err(broken(&format!("page {} has an impossible size", index + 1)));
        }
        page_sizes.push((w, h));
    }
    let is_pdf_2 = pdf.version() == hayro_syntax::PdfVersion::Pdf20;
    Ok(CheckedPdf { pdf: Arc::new(pdf), page_sizes, is_pdf_2 })
}

fn broken(detail: &str) -> Problem {
    Problem::BrokenPdf { detail: detail.to_owned() }
}

/// The end of the file must be intact: `startxref`, an offset that points at
/// an xref table or xref stream, and `%%EOF`. Also finds the trailer and
/// looks for `/Encrypt` in it (hayro-syntax opens files encrypted with an
/// empty user password without saying so).
fn check_structure(bytes: &[u8]) -> Result<(), Problem> {
    let header = find(&bytes[..bytes.len().min(1024)], b"%PDF-").unwrap_or(0);
    let tail_start = bytes.len().saturating_sub(1024);
    let tail = &bytes[tail_start..];
    if rfind(tail, b"%%EOF").is_none() {
        return Err(broken("the file is cut off (it has no end marker); please send it again"));
    }
    let Some(sx) = rfind(tail, b"startxref") else {
        return Err(broken("its cross-reference table is missing"));
    };
    let after = &tail[sx + b"startxref".len()..];
    let digits: Vec<u8> = after.iter().copied().skip_while(u8::is_ascii_whitespace).take_while(u8::is_ascii_digit).collect();
    let offset = std::str::from_utf8(&digits).ok().and_then(|s| s.parse::<usize>().ok());
    let Some(offset) = offset else {
        return Err(broken("its cross-reference table is missing"));
    };
    // Offsets count from the file start, or (written by some tools) from the header.
    let xref_at = [offset, offset.saturating_add(header)].into_iter().find(|&at| at < bytes.len() && (bytes[at..].starts_with(b"xref") || starts_with_obj(&bytes[at..])));
    let Some(xref_at) = xref_at else {
        return Err(broken("its cross-reference table is damaged"));
    };
    // The trailer dictionary (classic table) or the xref stream's dictionary.
    let region_end = (tail_start + sx).max(xref_at);
    let region = &bytes[xref_at..region_end];
    let trailer = if region.starts_with(b"xref") { find(region, b"trailer").map(|t| &region[t..]) } else { Some(&region[..find(region, b"stream").unwrap_or(region.len())]) };
    if trailer.is_some_and(|t| has_name_token(t, b"/Encrypt")) {
        return Err(Problem::EncryptedPdf);
    }
    Ok(())
}

fn starts_with_obj(data: &[u8]) -> bool {
    let head = &data[..data.len().min(40)];
    let mut parts = head.split(|b| b.is_ascii_whitespace()).filter(|p| !p.is_empty());
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(n), Some(g), Some(o))
            if n.iter().all(u8::is_ascii_digit) && g.iter().all(u8::is_ascii_digit) && o.starts_with(b"obj")
    )
}

/// `name` (e.g. `/Encrypt`) as a whole name token, not a prefix of a longer name.
fn has_name_token(data: &[u8], name: &[u8]) -> bool {
    let mut start = 0;
    while let Some(i) = find(&data[start..], name) {
        let end = start + i + name.len();
        match data.get(end) {
            None => return true,
            Some(b) if b.is_ascii_whitespace() || b"/<>[]()%{}".contains(b) => return true,
            _ => start = end,
        }
    }
    false
}

/// Looks through every object for active content or attachments.
fn scan_objects(pdf: &Pdf) -> Option<Problem> {
    for object in pdf.objects() {
        let found = match &object {
            Object::Dict(d) => scan_dict(d, 0),
            Object::Stream(s) => scan_dict(s.dict(), 0),
            Object::Array(a) => scan_array(a, 0),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn scan_dict(dict: &Dict<'_>, depth: usize) -> Option<Problem> {
    if depth > MAX_DEPTH {
        return None;
    }
    if dict.contains_key(b"JS") || dict.contains_key(b"JavaScript") {
        return Some(Problem::PdfWithJavaScript);
    }
    if dict.contains_key(b"EmbeddedFiles") || dict.contains_key(b"EF") {
        return Some(Problem::PdfWithEmbeddedFiles);
    }
    match dict.get::<Name<'_>>(b"S").as_deref() {
        Some(b"JavaScript") => return Some(Problem::PdfWithJavaScript),
        Some(b"Launch") => return Some(Problem::PdfWithJavaScript),
        _ => {}
    }
    if dict.get::<Name<'_>>(b"Type").as_deref() == Some(b"EmbeddedFile".as_slice()) {
        return Some(Problem::PdfWithEmbeddedFiles);
    }
    for (_, value) in dict.entries() {
        if let MaybeRef::NotRef(value) = value {
            let found = match &value {
                Object::Dict(d) => scan_dict(d, depth + 1),
                Object::Array(a) => scan_array(a, depth + 1),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

fn scan_array(array: &Array<'_>, depth: usize) -> Option<Problem> {
    if depth > MAX_DEPTH {
        return None;
    }
    for value in array.raw_iter() {
        if let MaybeRef::NotRef(value) = value {
            let found = match &value {
                Object::Dict(d) => scan_dict(d, depth + 1),
                Object::Array(a) => scan_array(a, depth + 1),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Whether every content stream of the page decodes.
fn content_decodes(page: &Page<'_>) -> bool {
    let raw = page.raw();
    if !raw.contains_key(b"Contents") {
        return true;
    }
    if let Some(stream) = raw.get::<hayro_syntax::object::Stream<'_>>(b"Contents") {
        return stream.decoded().is_ok();
    }
    if let Some(array) = raw.get::<Array<'_>>(b"Contents") {
        let total = array.raw_iter().count();
        let decoded = array.iter::<hayro_syntax::object::Stream<'_>>().filter(|s| s.decoded().is_ok()).count();
        return total == decoded;
    }
    // A /Contents that is neither a stream nor an array (e.g. null) shows nothing.
    raw.get::<Object<'_>>(b"Contents").is_none_or(|o| matches!(o, Object::Null(_)))
}

/// Whether the page has annotations whose visible content would be lost:
/// a form field with a value, or a drawn annotation (ink, stamp, free text,
/// markup …) with an appearance. Links, popups and empty form fields do not count,
/// nor do hidden or zero-size annotations (the usual invisible digital signature).
fn has_visible_annotations(page: &Page<'_>) -> bool {
    let Some(annots) = page.raw().get::<Array<'_>>(b"Annots") else {
        return false;
    };
    annots.iter::<Dict<'_>>().any(|annot| annotation_is_visible_content(&annot))
}

fn annotation_is_visible_content(annot: &Dict<'_>) -> bool {
    let subtype = annot.get::<Name<'_>>(b"Subtype");
    let subtype = subtype.as_deref().unwrap_or(b"");
    if matches!(subtype, b"Link" | b"Popup") {
        return false;
    }
    // Flags: 2 = Hidden, 32 = NoView.
    let flags = annot.get::<i32>(b"F").unwrap_or(0);
    if flags & (2 | 32) != 0 {
        return false;
    }
    let has_area = annot.get::<Rect>(b"Rect").is_some_and(|r| (r.x1 - r.x0).abs() >= 1.0 && (r.y1 - r.y0).abs() >= 1.0);
    if !has_area || !annot.contains_key(b"AP") {
        return false;
    }
    if subtype == b"Widget" {
        return field_has_value(annot);
    }
    true
}

/// A form field's value (/V) on the widget or up its /Parent chain, other than
/// empty text or an unchecked box.
fn field_has_value(widget: &Dict<'_>) -> bool {
    let mut current = widget.clone();
    for _ in 0..MAX_FIELD_DEPTH {
        if let Some(value) = current.get::<Object<'_>>(b"V") {
            return match value {
                Object::Null(_) => false,
                Object::String(s) => !s.as_bytes().iter().all(|b| b.is_ascii_whitespace() || *b == 0),
                Object::Name(n) => n.as_ref() != b"Off",
                Object::Array(a) => a.raw_iter().next().is_some(),
                _ => true,
            };
        }
        match current.get::<Dict<'_>>(b"Parent") {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_tokens() {
        assert!(has_name_token(b"<< /Encrypt 5 0 R >>", b"/Encrypt"));
        assert!(has_name_token(b"<</Encrypt<</V 4>>>>", b"/Encrypt"));
        assert!(!has_name_token(b"<< /EncryptMetadata false >>", b"/Encrypt"));
    }

    #[test]
    fn object_headers() {
        assert!(starts_with_obj(b"12 0 obj\n<<"));
        assert!(starts_with_obj(b"12 0 obj<<"));
        assert!(!starts_with_obj(b"trailer"));
    }
}

/// Deepest nesting of arrays and dictionaries accepted. The parser reads them recursively, so a
/// file nested tens of thousands deep would overflow the stack and abort the whole server; real
/// files nest a handful of levels.
const MAX_NESTING: usize = 100;
/// How much compressed object-stream data is inflated to look for deep nesting, in all.
const INFLATE_BUDGET: u64 = 64 << 20;

/// Whether any object, in the file itself or packed in a compressed (Flate) stream, nests arrays
/// and dictionaries deeper than [`MAX_NESTING`].
fn nesting_too_deep(bytes: &[u8]) -> bool {
    if max_nesting(bytes) > MAX_NESTING {
        return true;
    }
    let mut budget = INFLATE_BUDGET;
    for data in streams(bytes) {
        if budget == 0 {
            break;
        }
        let mut decoded = Vec::new();
        let reader = flate2::read::ZlibDecoder::new(data);
        let read = std::io::Read::read_to_end(&mut std::io::Read::take(reader, budget), &mut decoded).unwrap_or(0);
        budget = budget.saturating_sub(read as u64);
        if max_nesting(&decoded) > MAX_NESTING {
            return true;
        }
    }
    false
}

fn is_regular(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0)
}

/// The data of every `stream … endstream` in the file.
fn streams(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let found = find(&bytes[at..], b"stream")? + at;
        at = found + b"stream".len();
        if found > 0 && is_regular(bytes[found - 1]) {
            continue; // "endstream"
        }
        let mut start = at;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        at = end;
        return Some(&bytes[start..end]);
    })
}

/// The deepest nesting of `[` and `<<` in PDF syntax, skipping strings, comments and stream data.
fn max_nesting(bytes: &[u8]) -> usize {
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut level = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' => depth = depth.saturating_sub(1),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                max = max.max(depth);
                i += 1;
            }
            b'<' => {
                while i < bytes.len() && bytes[i] != b'>' {
                    i += 1;
                }
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if bytes[i..].starts_with(b"stream") && (i == 0 || !is_regular(bytes[i - 1])) => {
                i = find(&bytes[i..], b"endstream").map_or(bytes.len(), |e| i + e + b"endstream".len());
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    max
}

#[cfg(test)]
mod nesting_tests {
    use super::*;

    #[test]
    fn nesting_is_measured_outside_strings_and_streams() {
        assert_eq!(max_nesting(b"<< /A [1 [2] (x[[[) ] /B << >> >>"), 3);
        assert_eq!(max_nesting(b"% [[[[ comment\n[ ]"), 1);
        assert_eq!(max_nesting(b"<< /Length 3 >>\nstream\n[[[\nendstream"), 1);
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        assert_eq!(max_nesting(deep.as_bytes()), 500);
    }

    #[test]
    fn deep_nesting_inside_a_compressed_stream_is_found() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all("[".repeat(10_000).as_bytes()).unwrap();
        let data = z.finish().unwrap();
        let mut pdf = b"1 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&data);
        pdf.extend_from_slice(b"\nendstream\nendobj");
        assert!(nesting_too_deep(&pdf));
        assert!(!nesting_too_deep(b"1 0 obj << /A [1 2] >> endobj"));
    }
}
