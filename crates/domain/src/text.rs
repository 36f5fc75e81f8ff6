//! Free text typed by people: bounded, printable, and never silently mangled.

use crate::ids::MessageKey;

/// Longest free-text answer (the reason for applying). Generous for a phone, small enough that a
/// pasted 100 kB blob is refused with a message rather than stored.
pub const MAX_LONG_TEXT: usize = 4000;
/// Longest short answer (names, employer, address lines).
pub const MAX_SHORT_TEXT: usize = 200;

/// Checks a free-text answer: trims it, refuses text longer than `max` characters, text with the
/// replacement character (what broken UTF-8 decodes to, so the user retypes rather than we store
/// garbage), and control characters other than line breaks and tabs.
pub fn clean(raw: &str, max: usize) -> Result<String, MessageKey> {
    let text = raw.trim();
    if text.chars().count() > max {
        return Err("error-text-too-long");
    }
    if text.contains('\u{fffd}') {
        return Err("error-text-unreadable");
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err("error-text-unreadable");
    }
    Ok(text.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_too_long_and_broken_text() {
        assert_eq!(clean("  hei  ", 10), Ok("hei".to_owned()));
        assert_eq!(clean(&"a".repeat(11), 10), Err("error-text-too-long"));
        assert_eq!(clean("ab\u{fffd}c", 10), Err("error-text-unreadable"));
        assert_eq!(clean("a\u{0}b", 10), Err("error-text-unreadable"));
        assert_eq!(clean("æøå\r\nny linje", 20), Ok("æøå\nny linje".to_owned()));
    }
}
