//! Liveness and readiness for load balancers and orchestrators.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::app::App;

/// The process is up and answering.
pub async fn healthz() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok\n")
}

/// The service can serve pages: content and locales are loaded and every
/// page is rendered (the state does not exist otherwise).
pub async fn readyz(State(app): State<Arc<App>>) -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(serde_json::json!({
            "status": "ready",
            "content_version": app.content.version,
            "announcements": app.content.announcements().len(),
            "version": env!("CARGO_PKG_VERSION"),
        })),
    )
}
