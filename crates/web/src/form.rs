//! Posted forms, read without ever rejecting: broken UTF-8 becomes U+FFFD (which the domain then
//! refuses with a message next to the field), unknown fields are ignored by the domain, and an
//! oversized body gets a page that says so. A user never sees a bare 400 or 422.

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequest, Request};

use crate::error::AppError;

/// Largest form body read. Far above any honest form (free text is limited to a few thousand
/// characters); the cap only stops a client from making us buffer without bound.
pub const MAX_FORM_BYTES: usize = 1024 * 1024;

/// The fields of a posted `application/x-www-form-urlencoded` form, in order.
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = AppError;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let body: Body = req.into_body();
        let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| AppError::TooLarge)?;
        Ok(FormData(form_urlencoded::parse(&bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()))
    }
}
