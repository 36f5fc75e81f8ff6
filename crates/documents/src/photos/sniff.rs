//! What a file is, from its first bytes (never from its name), and a structural
//! check that a JPEG is complete.

/// The kinds of file [`super::combine`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Jpeg,
    Png,
    Pdf,
    /// Recognised, but not converted; the name is for the error message.
    Unsupported(&'static str),
    /// Anything else.
    Unknown,
}

/// How far into the file `%PDF-` may start (PDF readers accept some junk before it).
const PDF_HEADER_WINDOW: usize = 1024;

pub(crate) fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Kind::Jpeg;
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Kind::Png;
    }
    if find(&bytes[..bytes.len().min(PDF_HEADER_WINDOW)], b"%PDF-").is_some() {
        return Kind::Pdf;
    }
    // ISO base media file format: size, "ftyp", major brand.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"heif" => Kind::Unsupported("HEIC"),
            b"avif" | b"avis" => Kind::Unsupported("AVIF"),
            _ => Kind::Unsupported("video"),
        };
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Kind::Unsupported("GIF");
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Kind::Unsupported("WebP");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Kind::Unsupported("TIFF");
    }
    if bytes.starts_with(b"BM") && bytes.len() >= 18 && matches!(u32::from_le_bytes([bytes[14], bytes[15], bytes[16], bytes[17]]), 12 | 40 | 52 | 56 | 108 | 124) {
        return Kind::Unsupported("BMP");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Kind::Unsupported("ZIP or Office document");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Unsupported("Office document");
    }
    Kind::Unknown
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub(crate) fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Why a JPEG's marker structure is not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JpegDefect {
    /// The data ends before the end-of-image marker: an interrupted upload or copy.
    Truncated,
    /// Bytes where a marker must be.
    Garbled,
}

/// Walks the JPEG segments from SOI to EOI. JPEG decoders happily return a
/// half-grey picture for a cut-off file; the office must not get one, so a
/// file that ends before its EOI marker is rejected. Data after EOI (e.g. the
/// video of a "motion photo") is ignored, as are embedded thumbnails (they sit
/// inside APP1 segments, which are skipped by length).
pub(crate) fn check_jpeg_structure(data: &[u8]) -> Result<(), JpegDefect> {
    let mut pos = 2; // after SOI
    loop {
        // A marker: 0xFF (possibly repeated as fill), then the code.
        if pos >= data.len() {
            return Err(JpegDefect::Truncated);
        }
        if data[pos] != 0xFF {
            return Err(JpegDefect::Garbled);
        }
        while pos < data.len() && data[pos] == 0xFF {
            pos += 1;
        }
        let Some(&code) = data.get(pos) else {
            return Err(JpegDefect::Truncated);
        };
        pos += 1;
        match code {
            0xD9 => return Ok(()),
            0x01 | 0xD0..=0xD7 => continue,
            0x00 | 0xD8 => return Err(JpegDefect::Garbled),
            _ => {}
        }
        let (Some(&hi), Some(&lo)) = (data.get(pos), data.get(pos + 1)) else {
            return Err(JpegDefect::Truncated);
        };
        let length = usize::from(u16::from_be_bytes([hi, lo]));
        if length < 2 {
            return Err(JpegDefect::Garbled);
        }
        pos += length;
        if pos > data.len() {
            return Err(JpegDefect::Truncated);
        }
        if code == 0xDA {
            // Entropy-coded data runs until a marker that is neither a stuffed
            // 0xFF00 nor a restart marker.
            loop {
                let Some(offset) = data[pos..].iter().position(|&b| b == 0xFF) else {
                    return Err(JpegDefect::Truncated);
                };
                pos += offset;
                match data.get(pos + 1) {
                    None => return Err(JpegDefect::Truncated),
                    Some(0x00 | 0xD0..=0xD7) => pos += 2,
                    Some(0xFF) => pos += 1,
                    Some(_) => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_content() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Kind::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Kind::Png);
        assert_eq!(sniff(b"%PDF-1.7\n"), Kind::Pdf);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Kind::Unsupported("HEIC"));
        assert_eq!(sniff(b"\0\0\0\x18ftypmif1\0\0\0\0"), Kind::Unsupported("HEIC"));
        assert_eq!(sniff(b"GIF89a...."), Kind::Unsupported("GIF"));
        assert_eq!(sniff(b"Hello, this is text"), Kind::Unknown);
        assert_eq!(sniff(b""), Kind::Unknown);
        assert_eq!(sniff(b"BM"), Kind::Unknown);
    }

    #[test]
    fn jpeg_structure() {
        // SOI, APP0 (length 4), SOS (length 3 + 1 byte), data with stuffing and RST, EOI.
        let good = b"\xFF\xD8\xFF\xE0\x00\x04ab\xFF\xDA\x00\x03x\x12\xFF\x00\x34\xFF\xD0\x56\xFF\xD9trailing";
        assert_eq!(check_jpeg_structure(good), Ok(()));
        for cut in 2..good.len() - 10 {
            assert!(check_jpeg_structure(&good[..cut]).is_err(), "cut at {cut}");
        }
        assert_eq!(check_jpeg_structure(b"\xFF\xD8\xFF\xE0\x00\x04ab"), Err(JpegDefect::Truncated));
        assert_eq!(check_jpeg_structure(b"\xFF\xD8xx"), Err(JpegDefect::Garbled));
    }
}
