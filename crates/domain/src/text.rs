//! Free text typed by people: bounded, printable, and never silently mangled.
//!
//! Two kinds of invisible characters get special care, because what is stored ends up in pages,
//! PDFs and the `soknad.json` an office's case system reads:
//!
//! - **Direction controls** (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates)
//!   change the order in which the characters around them are *shown*, so a reader can see
//!   something other than what is stored ("Trojan Source"). Removing them would change how the
//!   text looked to the person who typed it, so text with them is refused with a message
//!   (`error-text-direction`): people do not type them, they come from pasting.
//! - **Zero-width characters** (U+200B–U+200D, U+2060, U+FEFF) show nothing and mean nothing in a
//!   letter to the office, but can split or join words invisibly (a name that does not match
//!   itself). A person cannot see them to delete them, so they are removed rather than refused.

use crate::ids::MessageKey;

/// Longest free-text answer (the reason for applying). Generous for a phone, small enough that a
/// pasted 100 kB blob is refused with a message rather than stored.
pub const MAX_LONG_TEXT: usize = 4000;
/// Longest short answer (names, employer, address lines).
pub const MAX_SHORT_TEXT: usize = 200;

/// A character that changes the direction text is shown in: U+202A–U+202E (embeddings and
/// overrides) and U+2066–U+2069 (isolates). The marks U+200E/U+200F only nudge neutral
/// characters and are left alone.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A zero-width character: U+200B–U+200D (space, non-joiner, joiner), U+2060 (word joiner),
/// U+FEFF (byte order mark, zero-width no-break space).
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Checks a free-text answer and returns it as it is to be stored: zero-width characters
/// removed, trimmed, `\r\n` as `\n`. Refused, with the message key to show at the field:
/// longer than `max` characters (`error-text-too-long`); with direction controls
/// (`error-text-direction`); with the replacement character, which is what broken UTF-8 decodes
/// to, so the person retypes rather than we store garbage, or with control characters other than
/// line breaks and tabs (`error-text-unreadable`).
pub fn clean(raw: &str, max: usize) -> Result<String, MessageKey> {
    let without_zero_width: String = raw.chars().filter(|c| !is_zero_width(*c)).collect();
    let text = without_zero_width.trim();
    if text.chars().count() > max {
        return Err("error-text-too-long");
    }
    if text.chars().any(is_direction_control) {
        return Err("error-text-direction");
    }
    if text.contains('\u{fffd}') {
        return Err("error-text-unreadable");
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err("error-text-unreadable");
    }
    Ok(text.replace("\r\n", "\n"))
}

/// Like [`clean`], for text that is one line (a name, a title): line breaks and tabs are refused
/// too (`error-text-unreadable`).
pub fn clean_line(raw: &str, max: usize) -> Result<String, MessageKey> {
    let text = clean(raw, max)?;
    if text.contains(['\n', '\r', '\t']) {
        return Err("error-text-unreadable");
    }
    Ok(text)
}

/// The first character in `text` that must not be shown as it is — a control character other
/// than a line break or tab, a direction control or a zero-width character — if any. For text
/// from other systems, which is refused whole rather than cleaned.
pub fn hidden_character(text: &str) -> Option<char> {
    text.chars().find(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || is_direction_control(*c) || is_zero_width(*c))
}

/// A name that was not typed but comes along with something (an uploaded file's name), made safe
/// to show: control, direction and zero-width characters removed, trimmed, at most `max`
/// characters. Never refused: the file is what matters, not its name.
pub fn display_name(raw: &str, max: usize) -> String {
    let shown: String = raw.chars().filter(|c| !c.is_control() && !is_direction_control(*c) && !is_zero_width(*c)).collect();
    shown.trim().chars().take(max).collect()
}

/// Refused free text as it is shown again in its field, so the person can correct it instead of
/// typing it anew: control characters other than line breaks and tabs, direction controls and
/// zero-width characters removed, nothing else changed and nothing cut off.
pub fn shown_again(raw: &str) -> String {
    raw.chars().filter(|c| (!c.is_control() || matches!(c, '\n' | '\r' | '\t')) && !is_direction_control(*c) && !is_zero_width(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_text_is_shown_again_with_its_lines() {
        assert_eq!(shown_again("Hei\r\nder\u{7} \u{202E}x\u{200B}y"), "Hei\r\nder xy");
    }

    #[test]
    fn refuses_too_long_and_broken_text() {
        assert_eq!(clean("  hei  ", 10), Ok("hei".to_owned()));
        assert_eq!(clean(&"a".repeat(11), 10), Err("error-text-too-long"));
        assert_eq!(clean("ab\u{fffd}c", 10), Err("error-text-unreadable"));
        assert_eq!(clean("a\u{0}b", 10), Err("error-text-unreadable"));
        assert_eq!(clean("æøå\r\nny linje", 20), Ok("æøå\nny linje".to_owned()));
    }

    #[test]
    fn direction_controls_are_refused_and_zero_width_characters_removed() {
        for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
            assert_eq!(clean(&format!("Kari {c}nnamdroN"), 50), Err("error-text-direction"), "{:X}", c as u32);
            assert_eq!(hidden_character(&format!("a{c}")), Some(c));
        }
        for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            assert_eq!(clean(&format!("{c}Nord{c}mann{c}"), 50), Ok("Nordmann".to_owned()), "{:X}", c as u32);
            assert_eq!(hidden_character(&format!("a{c}")), Some(c));
        }
        assert_eq!(clean("\u{FEFF}  hei \u{200B}", 10), Ok("hei".to_owned()), "removed before trimming");
        assert_eq!(clean(&format!("{}a", "\u{200B}".repeat(20)), 5), Ok("a".to_owned()), "not counted");
        assert_eq!(clean("שלום\u{200F} Kari", 20), Ok("שלום\u{200F} Kari".to_owned()), "marks stay");
        assert_eq!(hidden_character("Vanlig tekst\nmed linjeskift"), None);
        assert_eq!(hidden_character("bjelle\u{7}"), Some('\u{7}'));
    }

    #[test]
    fn one_line_text_refuses_line_breaks_and_tabs() {
        assert_eq!(clean_line(" Ola Nordmann ", 50), Ok("Ola Nordmann".to_owned()));
        assert_eq!(clean_line("Ola\nNordmann", 50), Err("error-text-unreadable"));
        assert_eq!(clean_line("Ola\tNordmann", 50), Err("error-text-unreadable"));
        assert_eq!(clean_line("Ola\u{1b}[31m", 50), Err("error-text-unreadable"));
        assert_eq!(clean_line("Ola\u{202E}", 50), Err("error-text-direction"));
    }

    #[test]
    fn names_that_come_along_are_made_safe_to_show() {
        assert_eq!(display_name("kontrakt\u{202E}fdp.exe", 100), "kontraktfdp.exe");
        assert_eq!(display_name(" bilde\u{200B}\n1.jpg ", 100), "bilde1.jpg");
        assert_eq!(display_name("abcdef", 3), "abc");
    }
}

/// The words a name is found by, and the words of a search for one: lower-cased (Unicode, so
/// "ØYVIND" and "øyvind" are one word), split at spaces, hyphens, apostrophes, commas and full
/// stops ("Hansen-Berg" is found by "berg"), each word once, in order. A search matches a person
/// when every search word is the start of one of the person's words: "nord" finds "Nordmann",
/// "kari nord" finds Kari Nordmann. Control, direction and zero-width characters are dropped.
pub fn search_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let cleaned: String = text.chars().filter(|c| !is_direction_control(*c) && !is_zero_width(*c)).collect();
    for word in cleaned.split(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | ',' | '.')) {
        let word = word.to_lowercase();
        if !word.is_empty() && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod search_word_tests {
    use super::search_words;

    #[test]
    fn names_split_into_lower_case_words() {
        assert_eq!(search_words("  ØYVIND  Hansen-Berg "), vec!["øyvind", "hansen", "berg"]);
        assert_eq!(search_words("Åse O'Neil, d.y."), vec!["åse", "o", "neil", "d", "y"]);
        assert_eq!(search_words("Kari Kari\u{200B}"), vec!["kari"], "a word once; a zero-width space is not a letter");
        assert!(search_words(" - ,").is_empty());
    }
}
