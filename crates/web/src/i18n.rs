//! Languages and translated text. Every text a user reads comes from `locales/<lang>/main.ftl`;
//! adding a language is adding a folder there and a variant here.

use std::{borrow::Cow, collections::HashMap};

use axum::extract::{FromRequestParts, Request};
use axum::http::{header, request::Parts, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nb",
        // Bidi isolation marks would end up inside attributes and PDFs; our arguments are plain text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nb => "Bokmål",
            Lang::Nn => "Nynorsk",
            Lang::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Nb => fluent_templates::langid!("nb"),
            Lang::Nn => fluent_templates::langid!("nn"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }

    /// The first supported language of an `Accept-Language` header, in the order the browser gives.
    fn from_accept_language(header: &str) -> Option<Lang> {
        header.split(',').filter_map(|part| Lang::from_code(part.split(';').next().unwrap_or_default())).next()
    }

    pub fn t(self, key: &str) -> String {
        LOCALES.try_lookup(&self.id(), key).unwrap_or_else(|| missing(key, self))
    }

    /// The message if this key exists, for keys built from data (e.g. a document type).
    pub fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// A message with a count, which Fluent's plural rules read as a number (`1 dag`, `3 dager`).
    pub fn t_n(self, key: &str, name: &'static str, count: i64) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = [(Cow::Borrowed(name), FluentValue::from(count))].into_iter().collect();
        LOCALES.try_lookup_with_args(&self.id(), key, &args).unwrap_or_else(|| missing(key, self))
    }

    /// A message with arguments if this key exists, for keys built from data.
    pub fn try_t_args(self, key: &str, args: &[(&'static str, String)]) -> Option<String> {
        LOCALES.try_lookup_with_args(&self.id(), key, &fluent_args(args))
    }

    /// A message with arguments. An argument that is a whole number written plainly (`3`, not `03`
    /// or `3 000`) goes to Fluent as a number, so plural rules pick `1 dokument`, `3 dokumenter`.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        LOCALES.try_lookup_with_args(&self.id(), key, &fluent_args(args)).unwrap_or_else(|| missing(key, self))
    }
}

/// Arguments for Fluent: a whole number written plainly (`3`, not `03` or `3 000`) goes as a
/// number, so plural rules pick `1 dokument`, `3 dokumenter`.
fn fluent_args(args: &[(&'static str, String)]) -> HashMap<Cow<'static, str>, FluentValue<'static>> {
    let value = |v: &String| match v.parse::<i64>() {
        Ok(n) if n.to_string() == *v => FluentValue::from(n),
        _ => FluentValue::from(v.clone()),
    };
    args.iter().map(|(k, v)| (Cow::Borrowed(*k), value(v))).collect()
}

/// Keys looked up with [`Lang::t`] (or `t_args`, `t_n`) that have no message, as `lang:key`, since
/// the process started: logged as a warning each time, and kept here so a test can walk the whole
/// site and fail on any (a key built from data belongs in [`Lang::try_t`]).
static MISSING: std::sync::Mutex<std::collections::BTreeSet<String>> = std::sync::Mutex::new(std::collections::BTreeSet::new());

fn missing(key: &str, lang: Lang) -> String {
    tracing::warn!(key, lang = lang.code(), "missing translation");
    if let Ok(mut seen) = MISSING.lock() {
        seen.insert(format!("{}:{key}", lang.code()));
    }
    key.to_owned()
}

/// Every `lang:key` looked up without a message since the process started.
pub fn missing_translations() -> Vec<String> {
    MISSING.lock().map(|m| m.iter().cloned().collect()).unwrap_or_default()
}

const COOKIE: &str = "lang";

fn cookie_lang(parts_headers: &axum::http::HeaderMap) -> Option<Lang> {
    parts_headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).filter_map(|c| c.trim().strip_prefix("lang=")).find_map(Lang::from_code)
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    form_urlencoded::parse(query?.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::from_code(&v))
}

/// Letters written by the use cases use the same Fluent messages as the pages.
impl velferd_cases::Words for Lang {
    fn t(&self, key: &str, args: &[(&'static str, String)]) -> String {
        self.t_args(key, args)
    }

    fn try_t(&self, key: &str) -> Option<String> {
        Lang::try_t(*self, key)
    }

    fn code(&self) -> &'static str {
        Lang::code(*self)
    }
}

/// Picks the language of a request: `?lang=` (remembered in a cookie), then the cookie, then the
/// browser's `Accept-Language`, then bokmål.
pub async fn choose_language(mut req: Request, next: Next) -> Response {
    let from_query = query_lang(req.uri().query());
    let lang = from_query
        .or_else(|| cookie_lang(req.headers()))
        .or_else(|| req.headers().get(header::ACCEPT_LANGUAGE).and_then(|h| h.to_str().ok()).and_then(Lang::from_accept_language))
        .unwrap_or_default();
    req.extensions_mut().insert(lang);
    let mut response = next.run(req).await;
    if let Some(lang) = from_query {
        let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", lang.code());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<Lang>().copied().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(Lang::from_accept_language("sv-SE,nn;q=0.8,en;q=0.5"), Some(Lang::Nn));
        assert_eq!(Lang::from_accept_language("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_accept_language("de"), None);
    }

    /// Every language has every message the default language has, so no page shows a raw key.
    #[test]
    fn every_language_has_every_message() {
        let keys = |lang: &str| -> Vec<String> {
            let path = format!("{}/locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).expect("ftl file");
            let mut keys: Vec<String> = text
                .lines()
                .filter(|l| !l.starts_with(['#', ' ', '\t', '.', '*', '[']) && l.contains(" ="))
                .map(|l| l.split(" =").next().unwrap_or_default().trim().to_owned())
                .collect();
            keys.sort();
            keys
        };
        let nb = keys("nb");
        assert!(nb.len() > 100, "bokmål has {} messages", nb.len());
        for lang in ["nn", "en"] {
            let other = keys(lang);
            let missing: Vec<_> = nb.iter().filter(|k| !other.contains(k)).collect();
            let extra: Vec<_> = other.iter().filter(|k| !nb.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, extra {extra:?}");
        }
    }

    /// Every literal message key used in code or templates exists, so no page shows a raw key.
    #[test]
    fn every_key_used_exists() {
        let root = env!("CARGO_MANIFEST_DIR");
        let nb = std::fs::read_to_string(format!("{root}/locales/nb/main.ftl")).expect("nb");
        let re = regex_lite::Regex::new(r#"\bt(?:[12]|_n|_args)?\("([a-z][a-z0-9_-]+)""#).expect("regex");
        let mut missing = Vec::new();
        let mut used = 0;
        let mut dirs = vec![std::path::PathBuf::from(format!("{root}/src")), std::path::PathBuf::from(format!("{root}/templates"))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
                if entry.path().is_dir() {
                    dirs.push(entry.path());
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for c in re.captures_iter(&text) {
                    used += 1;
                    if !nb.lines().any(|l| l.starts_with(&format!("{} =", &c[1]))) {
                        missing.push(format!("{}: {}", entry.path().display(), &c[1]));
                    }
                }
            }
        }
        assert!(used > 80, "found only {used} keys in use; is the pattern still right?");
        assert!(missing.is_empty(), "keys used but not in nb/main.ftl: {missing:?}");
    }

    /// A case system may forward an application to any of Norway's offices; one outside the catalogue
    /// is named as such, never by a bare number.
    #[test]
    fn an_office_outside_the_catalogue_reads_as_another_nav_office() {
        use velferd_domain::kommune::{Katalog, OfficeLabel};
        let katalog = Katalog::from_json(include_str!("../../../data/kommuner.json")).expect("catalogue");
        let OfficeLabel::Unknown { text, .. } = katalog.office_label("4612") else { panic!("4612 is not in the catalogue") };
        assert_eq!(Lang::En.t_args(text.key, &text.args), "another NAV office (4612)");
        assert_eq!(Lang::Nb.t_args(text.key, &text.args), "et annet NAV-kontor (4612)");
        assert_eq!(Lang::Nn.t_args(text.key, &text.args), "eit anna NAV-kontor (4612)");
        assert_eq!(katalog.office_label("1201"), OfficeLabel::Named("NAV Bergenhus"));
    }

    /// Every readability warning the page analysis can give says what to do, in every language
    /// (the keys are built from the warning's code, so `every_key_used_exists` cannot see them).
    #[test]
    fn every_photo_warning_names_its_fix_in_every_language() {
        for warning in velferd_documents::photos::Warning::ALL {
            for lang in Lang::ALL {
                let text = lang.try_t(&format!("photo-fix-{}", warning.code()));
                assert!(text.as_deref().is_some_and(|t| t.len() > 20), "{warning:?} in {}: {text:?}", lang.code());
            }
        }
    }

    #[test]
    fn messages_are_translated_with_arguments() {
        assert_eq!(Lang::En.t("answer-ja"), "Yes");
        assert_eq!(Lang::Nn.t("answer-nei"), "Nei");
        assert!(Lang::Nb.t_args("step-progress", &[("current", "3".into()), ("total", "10".into())]).contains("3 av 10"));
    }

    #[test]
    fn counts_follow_the_plural_rules_and_numbers_keep_their_form() {
        assert_eq!(Lang::Nb.t_args("event-documents-sent", &[("count", "1".into())]), "Du sendte ett dokument.");
        assert_eq!(Lang::Nb.t_args("event-documents-sent", &[("count", "3".into())]), "Du sendte 3 dokumenter.");
        assert_eq!(Lang::En.t_args("event-documents-sent", &[("count", "1".into())]), "You sent one document.");
        // Every count has its plural rule: no "1 dager", "1 filer" or "(1 ganger)".
        assert!(Lang::Nb.t_args("receipt-next-processing", &[("days", "1".into())]).ends_with("opptil 1 dag."));
        assert!(Lang::En.t_args("receipt-next-processing", &[("days", "14".into())]).ends_with("up to 14 days."));
        assert!(Lang::Nn.t_args("upload-error-too-many", &[("files", "1".into()), ("total_mb", "40".into())]).contains("høgst 1 fil og"));
        assert!(Lang::En.t_args("attach-error-full", &[("file", "a.jpg".into()), ("files", "1".into()), ("total_mb", "40".into())]).contains("at most 1 file and"));
        assert_eq!(Lang::Nb.t_args("case-looked-times", &[("action", "hentet søknaden".into()), ("count", "3".into())]), "hentet søknaden (3 ganger)");
        assert_eq!(Lang::Nb.t_args("upload-kept-count", &[("count", "1".into())]), "Én fil er valgt og klar til å sendes.");
        assert_eq!(Lang::Nb.t_n("staff-waited-days", "days", 0), "i dag");
        assert_eq!(Lang::Nn.t_n("staff-waited-days", "days", 2), "2 dagar");
        // An office number with a leading zero is text, not the number 312.
        assert!(Lang::Nb.t_args("event-office", &[("office", "0312".into())]).contains("0312"));
    }
}
