//! Where a person goes after signing in: a path on this site, never another site.
//!
//! The path arrives from outside (`/logg-inn?neste=…`, a form field, the session kept through the
//! identity provider), so it is parsed into a [`ReturnPath`] the way a browser would read it and
//! anything that could leave the site, or that cannot go into a `Location` header, becomes the
//! start page. Browsers are lenient: they drop tabs and line breaks inside a URL (so `/<TAB>/host`
//! is `//host`), read `\` as `/`, and take `//host` as another host. Matching a few bad prefixes
//! misses such spellings; parsing does not.

use url::Url;

/// Longest return path kept (characters). Longer ones are not ours: our paths are short.
const MAX_LEN: usize = 2000;

/// The origin relative paths are parsed against. Only its being one fixed origin matters: a
/// path that parses to any other origin is refused.
const BASE: &str = "https://velferd.invalid/";

/// A same-origin path with its query (`/soknad/abc/bolig?x=1`), without a fragment, safe to put
/// into a `Location` header: printable ASCII only (the URL parser percent-encodes the rest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnPath(String);

impl ReturnPath {
    /// Where a citizen lands when no usable return path was given.
    pub fn citizen_start() -> ReturnPath {
        ReturnPath("/soknad".to_owned())
    }

    /// Where a citizen lands after signing in with nowhere else to go: "My applications".
    pub fn citizen_home() -> ReturnPath {
        ReturnPath("/mine-soknader".to_owned())
    }

    /// Where staff land when no usable return path was given.
    pub fn staff_start() -> ReturnPath {
        ReturnPath("/ansatt".to_owned())
    }

    /// Parses `raw` (already decoded once, as a query or form value is). Accepted only when it is
    /// a path on this site: it starts with exactly one `/` (not `//` or `/\`, which browsers read
    /// as another host), has no control characters, whitespace or `\` — neither as given nor
    /// after percent-decoding it (repeatedly, so `%2509` counts as a tab too) — is at most
    /// [`MAX_LEN`] characters, and, parsed relative to a fixed origin by the WHATWG URL rules
    /// browsers follow, keeps that origin. `None` otherwise.
    pub fn parse(raw: &str) -> Option<ReturnPath> {
        if raw.len() > MAX_LEN || !plain_path(raw) {
            return None;
        }
        let mut decoded = raw.to_owned();
        for _ in 0..3 {
            let next = percent_encoding::percent_decode_str(&decoded).decode_utf8_lossy().into_owned();
            if next == decoded {
                break;
            }
            if !plain_path(&next) {
                return None;
            }
            decoded = next;
        }
        let base = Url::parse(BASE).ok()?;
        let url = base.join(raw).ok()?;
        if url.origin() != base.origin() {
            return None;
        }
        let mut path = url.path().to_owned();
        if let Some(query) = url.query() {
            path.push('?');
            path.push_str(query);
        }
        // The serialised form is what goes out; check it once more rather than trust the parser.
        (plain_path(&path) && path.is_ascii()).then_some(ReturnPath(path))
    }

    /// `raw` parsed for a citizen, or the citizen's start page.
    pub fn or_citizen_start(raw: Option<&str>) -> ReturnPath {
        raw.and_then(ReturnPath::parse).unwrap_or_else(ReturnPath::citizen_start)
    }

    /// `raw` parsed for staff: it must also be a staff page (`/ansatt` or below), since a staff
    /// sign-in is for those; otherwise the staff start page.
    pub fn or_staff_start(raw: Option<&str>) -> ReturnPath {
        raw.and_then(ReturnPath::parse).filter(|p| p.0 == "/ansatt" || p.0.starts_with("/ansatt/") || p.0.starts_with("/ansatt?")).unwrap_or_else(ReturnPath::staff_start)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path as a query value (for `?neste=`).
    pub fn encoded(&self) -> String {
        form_urlencoded::byte_serialize(self.0.as_bytes()).collect()
    }
}

/// One leading `/` not followed by `/` or `\`, and no control characters, whitespace or `\`.
fn plain_path(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\')) && !s.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::ReturnPath;

    fn citizen(raw: &str) -> String {
        ReturnPath::or_citizen_start(Some(raw)).as_str().to_owned()
    }

    #[test]
    fn paths_on_this_site_are_kept() {
        assert_eq!(citizen("/soknad/abc/bolig"), "/soknad/abc/bolig");
        assert_eq!(citizen("/mine-soknader?side=2"), "/mine-soknader?side=2");
        assert_eq!(citizen("/soknad/a/../b"), "/soknad/b", "normalised as a browser would");
        assert_eq!(citizen("/kvittering/x#top"), "/kvittering/x", "no fragment");
        assert_eq!(citizen("/s%C3%B8knad"), "/s%C3%B8knad");
        assert_eq!(citizen("/søknad"), "/s%C3%B8knad", "percent-encoded for the header");
    }

    #[test]
    fn anything_that_could_leave_the_site_goes_to_the_start_page() {
        for raw in [
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example/path",
            "/%09/evil.example/path",
            "/%2509/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/%0d%0aSet-Cookie:%20x=1",
            " /soknad",
            "/ /evil.example",
            "https://evil.example",
            "http:/evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            "/\u{0}",
            "/\u{2028}/evil.example",
            "/%E2%80%A8x",
        ] {
            assert_eq!(citizen(raw), "/soknad", "{raw:?}");
        }
        assert_eq!(citizen(&format!("/{}", "a".repeat(3000))), "/soknad", "too long");
    }

    #[test]
    fn staff_return_only_to_staff_pages() {
        assert_eq!(ReturnPath::or_staff_start(Some("/ansatt/saker/abc")).as_str(), "/ansatt/saker/abc");
        assert_eq!(ReturnPath::or_staff_start(Some("/ansatt")).as_str(), "/ansatt");
        assert_eq!(ReturnPath::or_staff_start(Some("/ansattx")).as_str(), "/ansatt");
        assert_eq!(ReturnPath::or_staff_start(Some("/soknad")).as_str(), "/ansatt");
        assert_eq!(ReturnPath::or_staff_start(Some("//evil.example/ansatt")).as_str(), "/ansatt");
        assert_eq!(ReturnPath::or_staff_start(None).as_str(), "/ansatt");
    }
}
