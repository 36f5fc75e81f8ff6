//! Checking a PDF input before its pages are copied, and what comes along.
//!
//! Pages are copied as form XObjects (krilla's `pdf` feature, hayro-write): only each page's
//! content and resources come along — never the catalog's scripts, actions, attachments, the form
//! (AcroForm) or the pages' annotations. That is what makes a citizen's PDF safe for the office
//! whatever it carries, so files people actually have are accepted rather than refused. Copying
//! rather than re-rendering each page to a picture is deliberate: text stays text (searchable,
//! selectable, sharp when printed, small), and hayro, which could render pages, does not draw
//! annotations either; the price is that appearances must be drawn on explicitly
//! (`flatten.rs`).
//!
//!
//! - JavaScript, launch and other actions are dropped (they are never copied);
//! - form fields, comments, stamps and visible signatures are *flattened*: their appearance is
//!   drawn onto the page (`flatten.rs`), so filled-in values and the signature box stay visible
//!   and their text searchable; the interactive layer and the signature's cryptography are gone
//!   (the output is a copy, not the signed original);
//! - attached files are not copied; their names are listed on a note page after the PDF's pages;
//! - a file protected only by an owner password (it opens without one) is read and copied
//!   unprotected.
//!
//! Still refused: a file that needs a password to open; a cut-off or damaged file that cannot be
//! repaired faithfully (no `%%EOF`, `startxref` pointing nowhere near a cross-reference
//! section, content streams that do not decode), since a lenient reader would "repair" it into a
//! document with missing pages. A `startxref` a few bytes off (a common writer bug that readers
//! and qpdf repair) is corrected. Every output is checked again for active content
//! ([`active_content`]).

use std::sync::Arc;

use hayro_syntax::object::{Array, Dict, MaybeRef, Name, Object};
use hayro_syntax::page::Page;
use hayro_syntax::{LoadPdfError, Pdf};

use super::flatten::{self, Overlay};
use super::sniff::{find, rfind};
use super::Problem;

/// How deep inline dictionaries and arrays are searched (real files nest a few levels).
const MAX_DEPTH: usize = 32;
/// How far a `startxref` may miss its cross-reference section and still be corrected, in bytes.
const XREF_SLACK: usize = 64;
/// Most attached files named on the note page.
const MAX_ATTACHMENTS_LISTED: usize = 50;

/// A PDF that passed the checks.
pub(crate) struct CheckedPdf {
    /// The file to copy pages from: the original, repaired, with flattening helper pages appended.
    pub pdf: Arc<Pdf>,
    /// Each original page's size as shown (crop box, /Rotate applied), in points.
    pub page_sizes: Vec<(f32, f32)>,
    /// Per original page, the annotation appearances to draw over it.
    pub overlays: Vec<Vec<Overlay>>,
    /// Names (and descriptions) of files attached inside the PDF, which are not copied.
    pub attachments: Vec<String>,
    pub is_pdf_2: bool,
}

pub(crate) fn check(bytes: &[u8]) -> Result<CheckedPdf, Problem> {
    let structure = check_structure(bytes)?;
    let bytes = structure.repaired.as_deref().unwrap_or(bytes);
    if nesting_too_deep(bytes) {
        return Err(broken("its objects are nested too deeply"));
    }
    let pdf = open(bytes.to_vec())?;
    let attachments = attachments(&pdf);
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(broken("it has no pages"));
    }
    let mut page_sizes = Vec::with_capacity(pages.len());
    let mut found = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        if !content_decodes(page) {
            return Err(broken(&format!("the content of page {} is damaged", index + 1)));
        }
        let (w, h) = page.render_dimensions();
        if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0 && w <= 14_400.0 && h <= 14_400.0) {
            return Err(broken(&format!("page {} has an impossible size", index + 1)));
        }
        page_sizes.push((w, h));
        found.extend(flatten::appearances(index, page));
    }
    let is_pdf_2 = pdf.version() == hayro_syntax::PdfVersion::Pdf20;
    if found.is_empty() {
        let overlays = vec![Vec::new(); page_sizes.len()];
        return Ok(CheckedPdf { pdf: Arc::new(pdf), page_sizes, overlays, attachments, is_pdf_2 });
    }
    let trailer_extra = structure.encryption.as_deref().unwrap_or(b"");
    let (flattened, overlays) = flatten::with_helper_pages(bytes, &pdf, structure.startxref, trailer_extra, found).ok_or_else(|| broken("its page tree could not be read"))?;
    let helpers: usize = overlays.iter().map(Vec::len).sum();
    drop(pdf);
    let pdf = open(flattened)?;
    if pdf.pages().len() != page_sizes.len() + helpers {
        return Err(broken("its page tree could not be read"));
    }
    Ok(CheckedPdf { pdf: Arc::new(pdf), page_sizes, overlays, attachments, is_pdf_2 })
}

fn open(bytes: Vec<u8>) -> Result<Pdf, Problem> {
    match Pdf::new(bytes) {
        Ok(pdf) => Ok(pdf),
        Err(LoadPdfError::Decryption(_)) => Err(Problem::EncryptedPdf),
        Err(LoadPdfError::Invalid) => Err(broken("it could not be read")),
    }
}

fn broken(detail: &str) -> Problem {
    Problem::BrokenPdf { detail: detail.to_owned() }
}

/// What [`check_structure`] learnt about the end of the file.
struct Structure {
    /// The file with `startxref` corrected, if it was off by a few bytes.
    repaired: Option<Vec<u8>>,
    /// Offset of the last cross-reference section.
    startxref: usize,
    /// `/Encrypt … /ID […]` of the last trailer, as PDF syntax, if the file is encrypted.
    encryption: Option<Vec<u8>>,
}

/// The end of the file must be intact: `startxref`, an offset that points at (or a few bytes
/// from) an xref table or xref stream, and `%%EOF`.
fn check_structure(bytes: &[u8]) -> Result<Structure, Problem> {
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
    let is_xref = |at: usize| at < bytes.len() && (bytes[at..].starts_with(b"xref") || starts_with_obj(&bytes[at..]));
    // Offsets count from the file start, or (written by some tools) from the header.
    let exact = [offset, offset.saturating_add(header)].into_iter().find(|&at| is_xref(at));
    // A few bytes off: the nearest cross-reference section, which the file is then rewritten to name.
    let near = || (1..=XREF_SLACK).flat_map(|d| [offset.checked_sub(d), offset.checked_add(d)]).flatten().find(|&at| is_xref(at) && bytes[at..].starts_with(b"xref"));
    let (xref_at, repaired) = match exact {
        Some(at) => (at, None),
        None => {
            let Some(at) = near() else {
                return Err(broken("its cross-reference table is damaged"));
            };
            let mut fixed = bytes[..tail_start + sx].to_vec();
            fixed.extend_from_slice(format!("startxref\n{at}\n%%EOF\n").as_bytes());
            (at, Some(fixed))
        }
    };
    // The trailer dictionary (classic table) or the xref stream's dictionary.
    let region_end = (tail_start + sx).max(xref_at);
    let region = &bytes[xref_at..region_end];
    let trailer = if region.starts_with(b"xref") { find(region, b"trailer").map(|t| &region[t..]) } else { Some(&region[..find(region, b"stream").unwrap_or(region.len())]) };
    let encryption = trailer.filter(|t| has_name_token(t, b"/Encrypt")).map(encryption_entries);
    Ok(Structure { repaired, startxref: xref_at, encryption })
}

/// `/Encrypt N G R` and `/ID [<…> <…>]` from a trailer, as PDF syntax for a later trailer.
fn encryption_entries(trailer: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, close) in [(b"/Encrypt".as_slice(), b"R".as_slice()), (b"/ID", b"]")] {
        if let Some(at) = find(trailer, name) {
            let rest = &trailer[at..];
            if let Some(end) = find(rest, close) {
                out.extend_from_slice(&rest[..end + close.len()]);
                out.push(b' ');
            }
        }
    }
    out
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

/// The files attached inside the PDF (file specifications with an embedded file, `/EF`): their
/// names and descriptions, for the note page. At most [`MAX_ATTACHMENTS_LISTED`].
fn attachments(pdf: &Pdf) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for object in pdf.objects() {
        let dict = match &object {
            Object::Dict(d) => d.clone(),
            Object::Stream(s) => s.dict().clone(),
            _ => continue,
        };
        collect_filespecs(&dict, 0, &mut found);
    }
    found.dedup();
    found.truncate(MAX_ATTACHMENTS_LISTED);
    found
}

fn collect_filespecs(dict: &Dict<'_>, depth: usize, found: &mut Vec<String>) {
    if depth > MAX_DEPTH || found.len() > MAX_ATTACHMENTS_LISTED {
        return;
    }
    if dict.contains_key(b"EF") {
        let name = [b"UF".as_slice(), b"F"]
            .iter()
            .find_map(|key| dict.get::<hayro_syntax::object::String<'_>>(key))
            .map(|s| text_string(s.as_bytes()))
            .unwrap_or_else(|| "(uten navn)".to_owned());
        let entry = match dict.get::<hayro_syntax::object::String<'_>>(b"Desc").map(|s| text_string(s.as_bytes())) {
            Some(desc) if !desc.trim().is_empty() => format!("{name} ({})", desc.trim()),
            _ => name,
        };
        if !found.contains(&entry) {
            found.push(entry);
        }
    }
    for value in direct_values(dict) {
        if let MaybeRef::NotRef(Object::Dict(d)) = value {
            collect_filespecs(&d, depth + 1, found);
        } else if let MaybeRef::NotRef(Object::Array(a)) = value {
            for item in direct_items(&a) {
                if let Object::Dict(d) = item {
                    collect_filespecs(&d, depth + 1, found);
                }
            }
        }
    }
}

/// The values of `dict`, references unresolved. Unlike hayro-syntax 0.7's `Dict::entries`, which
/// unwraps each re-read, a value that does not read is left out rather than a panic.
fn direct_values<'a>(dict: &Dict<'a>) -> Vec<MaybeRef<Object<'a>>> {
    dict.keys().filter_map(|key| dict.get_raw::<Object<'a>>(key.as_ref())).collect()
}

/// The dictionaries and arrays written inside `array` itself (not reached through a reference),
/// up to the first item that does not read.
///
/// hayro-syntax 0.7's `Array::raw_iter` unwraps each item's read and panics on some damaged files
/// (the mutation test in `tests/photos.rs` found one: a dictionary followed by a broken `stream`
/// inside an array). Its `flex_iter` returns `None` instead, but resolves references; an item
/// written inside the array has its bytes inside the array's bytes, so that tells them apart.
/// Objects reached through a reference are walked on their own by the callers, which visit every
/// object of the file.
fn direct_items<'a>(array: &Array<'a>) -> Vec<Object<'a>> {
    let inside = array.data().as_ptr_range();
    let is_inside = |data: &[u8]| inside.contains(&data.as_ptr());
    let mut items = array.flex_iter();
    let mut found = Vec::new();
    while let Some(item) = items.next::<Object<'a>>() {
        let direct = match &item {
            Object::Dict(d) => is_inside(d.data()),
            Object::Array(a) => is_inside(a.data()),
            _ => false,
        };
        if direct {
            found.push(item);
        }
    }
    found
}

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding (read
/// as Latin-1, which agrees for letters). Control characters are dropped; at most 200 characters.
fn text_string(bytes: &[u8]) -> String {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        String::from_utf16_lossy(&rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    text.chars().filter(|c| !c.is_control()).take(200).collect()
}

/// What makes a PDF act rather than show, or carry what it does not show: the first such key
/// found in any object of `bytes` (e.g. `"JavaScript"`, `"AcroForm"`, `"Annots"`,
/// `"EmbeddedFile"`), or `None` for a clean file. Also `Some` for a file that cannot be read.
/// Used on every output of [`super::combine`], as a last check that nothing active got through.
pub(crate) fn active_content(bytes: &[u8]) -> Option<&'static str> {
    let Ok(pdf) = Pdf::new(bytes.to_vec()) else {
        return Some("unreadable");
    };
    let found = pdf.objects().into_iter().find_map(|object| match &object {
        Object::Dict(d) => active_in_dict(d, 0),
        Object::Stream(s) => active_in_dict(s.dict(), 0),
        Object::Array(a) => active_in_array(a, 0),
        _ => None,
    });
    found
}

fn active_in_dict(dict: &Dict<'_>, depth: usize) -> Option<&'static str> {
    if depth > MAX_DEPTH {
        return Some("nesting");
    }
    for key in ["JS", "JavaScript", "AA", "OpenAction", "AcroForm", "Annots", "EmbeddedFiles", "EF", "URI", "Launch"] {
        if dict.contains_key(key.as_bytes()) {
            return Some(key);
        }
    }
    let named = |key: &[u8]| dict.get::<Name<'_>>(key).map(|n| n.as_ref().to_vec());
    if let Some(action) = named(b"S") {
        for kind in ["JavaScript", "Launch", "SubmitForm", "ImportData", "GoToE", "GoToR", "URI", "Rendition", "Sound", "Movie", "RichMediaExecute"] {
            if action == kind.as_bytes() {
                return Some(kind);
            }
        }
    }
    if named(b"Type").as_deref() == Some(b"EmbeddedFile".as_slice()) {
        return Some("EmbeddedFile");
    }
    direct_values(dict).into_iter().find_map(|value| match value {
        MaybeRef::NotRef(Object::Dict(d)) => active_in_dict(&d, depth + 1),
        MaybeRef::NotRef(Object::Array(a)) => active_in_array(&a, depth + 1),
        _ => None,
    })
}

fn active_in_array(array: &Array<'_>, depth: usize) -> Option<&'static str> {
    if depth > MAX_DEPTH {
        return Some("nesting");
    }
    direct_items(array).into_iter().find_map(|value| match value {
        Object::Dict(d) => active_in_dict(&d, depth + 1),
        Object::Array(a) => active_in_array(&a, depth + 1),
        _ => None,
    })
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
        let Some(total) = count_references(array.data()) else {
            return false;
        };
        let decoded = array.iter::<hayro_syntax::object::Stream<'_>>().filter(|s| s.decoded().is_ok()).count();
        return total == decoded;
    }
    // A /Contents that is neither a stream nor an array (e.g. null) shows nothing.
    raw.get::<Object<'_>>(b"Contents").is_none_or(|o| matches!(o, Object::Null(_)))
}

/// How many `n g R` references the bytes of an array hold, or `None` when they hold anything else.
/// A page's `/Contents` array may hold only references to streams (ISO 32000-1, 7.7.3.3); counting
/// them from the bytes avoids `Array::raw_iter`, which panics on some damaged arrays.
fn count_references(data: &[u8]) -> Option<usize> {
    let tokens: Vec<&[u8]> = data.split(|b| b.is_ascii_whitespace() || *b == 0).filter(|t| !t.is_empty()).collect();
    let numeric = |t: &[u8]| !t.is_empty() && t.iter().all(u8::is_ascii_digit);
    let all_references = tokens.len().is_multiple_of(3) && tokens.chunks(3).all(|t| numeric(t[0]) && numeric(t[1]) && t[2] == b"R");
    all_references.then_some(tokens.len() / 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_arrays_are_counted_from_their_bytes() {
        assert_eq!(count_references(b"4 0 R 5 0 R\n12 0 R"), Some(3));
        assert_eq!(count_references(b""), Some(0));
        assert_eq!(count_references(b"4 0 R /Junk"), None);
        assert_eq!(count_references(b"4 0 R << /Length 3 >>"), None);
    }

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
