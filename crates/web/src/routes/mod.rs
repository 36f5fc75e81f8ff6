//! Handlers, one file per part of the site. Each parses input, calls the domain or the store, renders.

pub mod api;
pub mod appeals;
pub mod apply;
pub mod archive;
pub mod attach;
pub mod barnevern;
pub mod cases;
pub mod helpers;
pub mod home;
pub mod meetings;
pub mod messages;
pub mod notices;
pub mod oidc;
pub mod paper_form;
pub mod receipt;
pub mod signin;
pub mod staff;
pub mod upload;

use tower_sessions::Session;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{OfficeInfo, PageContext};
use crate::session;
use crate::AppState;

/// The shared page context, with a form token when the page has forms.
pub async fn context(app: &AppState, lang: Lang, path: &str, session: &Session) -> Result<PageContext, AppError> {
    let mut ctx = PageContext::new(lang, path, Some(session::csrf_token(session).await?));
    ctx.signed_in = session::signed_in(session).await;
    ctx.demo = app.config.demo;
    Ok(ctx)
}

pub fn office_info(k: &velferd_domain::kommune::Kommune) -> OfficeInfo {
    let digits: String = k.kontor.telefon.chars().filter(char::is_ascii_digit).collect();
    OfficeInfo {
        kommune: k.navn.clone(),
        navn: k.kontor.navn.clone(),
        telefon: k.kontor.telefon.clone(),
        telefon_href: format!("tel:+47{digits}"),
        adresse: k.kontor.besoksadresse.clone(),
    }
}

/// The name of a document type (vedlegg type and subtype) in the user's language; the office's own
/// words when the type is not one we know.
pub fn document_label(lang: crate::i18n::Lang, kind: &str, tilleggsinfo: &str) -> String {
    if kind == "annet" {
        return lang.t("upload-other");
    }
    lang.try_t(&format!("doc-{kind}-{tilleggsinfo}")).or_else(|| lang.try_t(&format!("doc-{kind}"))).unwrap_or_else(|| kind.to_owned())
}

/// A message about one uploaded file (`upload-error-<code>`), with the configured limits.
pub fn upload_message(app: &AppState, lang: Lang, code: &str, file: &str) -> String {
    let [mb, files, total] = app.config.uploads.message_args();
    lang.t_args(&format!("upload-error-{code}"), &[("file", file.to_owned()), mb, files, total])
}
