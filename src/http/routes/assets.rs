//! The stylesheet and the two small scripts: served by honyaku itself, so
//! pages need nothing external.

use axum::http::header;
use axum::response::IntoResponse;

use crate::http::cache::CachePolicy;
use crate::render::editor::EDITOR_SCRIPT;
use crate::render::{SCRIPT, STYLESHEET};

pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        // The URL carries the stylesheet's hash, so it never changes.
        CachePolicy::Immutable,
        STYLESHEET,
    )
}

pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        CachePolicy::Immutable,
        SCRIPT,
    )
}

/// The translators' editor's script (see `render::editor`).
pub async fn editor_script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        CachePolicy::Immutable,
        EDITOR_SCRIPT,
    )
}
