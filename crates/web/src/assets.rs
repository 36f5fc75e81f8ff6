//! Static files (CSS and the icon), compiled into the binary so `velferd` runs from anywhere without a folder
//! beside it.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &[u8])] = &[
    ("velferd.css", "text/css; charset=utf-8", include_bytes!("../assets/velferd.css")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../assets/favicon.svg")),
    ("vendor/designsystemet/designsystemet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/designsystemet/designsystemet.css")),
    ("vendor/designsystemet/theme.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/designsystemet/theme.css")),
];

pub async fn asset(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(name, _, _)| *name == path) {
        Some((_, content_type, bytes)) => ([(header::CONTENT_TYPE, *content_type), (header::CACHE_CONTROL, "public, max-age=3600")], *bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
