//! The stylesheet, the two small scripts and the favicon: served by honyaku
//! itself, so pages need nothing external.

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

/// The site icon, drawn for honyaku (a 32×32 PNG in an ICO). Browsers ask
/// for `/favicon.ico` on every site; without it each page logs a 404.
pub const FAVICON: &[u8] = include_bytes!("../../assets/favicon.ico");

pub async fn favicon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            // Its URL has no version; a day is long enough to spare requests
            // and short enough for a change to show.
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON,
    )
}
