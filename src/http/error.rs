//! The one HTTP error type. Handlers return [`HttpError`]; its response is a
//! bare status carrying the error in an extension, and [`render_errors`]
//! turns that into a localized HTML page or a JSON body, so every error,
//! including axum's own 404/405 and a caught panic, looks the same.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentArgs;
use std::sync::Arc;

use crate::app::App;
use crate::http::cache::CachePolicy;
use crate::i18n::Lang;
use crate::render::{self, PageContext, Place};

#[derive(Debug, Clone, thiserror::Error)]
pub enum HttpError {
    #[error("not found")]
    NotFound,
    #[error("unsupported language {code:?}")]
    UnsupportedLanguage { code: String },
    #[error("bad request")]
    BadRequest,
    /// An API request that cannot be served as sent; the detail says why.
    #[error("invalid request: {detail}")]
    InvalidRequest { detail: String },
    /// An API request for a language we do not translate into.
    #[error("unsupported target language {code:?}")]
    UnsupportedTarget { code: String },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// No API key, or one we do not know.
    #[error("unauthorized")]
    Unauthorized,
    /// A browser origin the client's key was not given.
    #[error("origin not allowed")]
    OriginNotAllowed,
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// The client's daily character budget is spent.
    #[error("budget exhausted")]
    BudgetExhausted { retry_after_secs: u64 },
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("request timed out")]
    Timeout,
    /// The proxy may not fetch this URL: not on an allowlisted origin, or
    /// a forbidden address. Answered before any request leaves.
    #[error("proxy target not allowed")]
    ProxyNotAllowed,
    /// The origin could not be reached, answered with an error, or sent
    /// something we cannot serve.
    #[error("upstream failed")]
    UpstreamFailed,
    #[error("upstream timed out")]
    UpstreamTimeout,
    /// A translator endpoint without a valid token or session.
    #[error("not logged in")]
    NotLoggedIn,
    /// Logged in, but not allowed this (another language, not an admin).
    #[error("forbidden: {detail}")]
    Forbidden { detail: String },
    /// A change made with the session cookie without the session's CSRF token.
    #[error("CSRF token missing or wrong")]
    CsrfFailed,
    /// `If-Match` named a version that is no longer current.
    #[error("version conflict: now at {current}")]
    VersionConflict { current: i64 },
    /// A change without `If-Match`.
    #[error("If-Match required")]
    PreconditionRequired,
    /// A translator's text failed the QA checks; the detail names what.
    #[error("QA failed: {detail}")]
    QaFailed { detail: String },
    /// An override failed the QA checks; said in the reader's language.
    #[error("QA failed: {0}")]
    OverrideQa(crate::review::QaProblem),
    /// The thing to create exists, or the change contradicts the state.
    #[error("conflict: {detail}")]
    Conflict { detail: String },
    /// The database stayed locked; nothing was written.
    #[error("store busy")]
    Busy,
    /// The detail is logged once, here at the edge, and never sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl HttpError {
    /// Stable machine-readable code, part of the API contract.
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::NotFound => "not_found",
            HttpError::UnsupportedLanguage { .. } => "unsupported_language",
            HttpError::BadRequest => "bad_request",
            HttpError::InvalidRequest { .. } => "invalid_request",
            HttpError::UnsupportedTarget { .. } => "unsupported_language",
            HttpError::UnsupportedMediaType => "unsupported_media_type",
            HttpError::Unauthorized => "unauthorized",
            HttpError::OriginNotAllowed => "origin_not_allowed",
            HttpError::RateLimited { .. } => "rate_limited",
            HttpError::BudgetExhausted { .. } => "budget_exhausted",
            HttpError::MethodNotAllowed => "method_not_allowed",
            HttpError::PayloadTooLarge => "payload_too_large",
            HttpError::Timeout => "timeout",
            HttpError::ProxyNotAllowed => "proxy_not_allowed",
            HttpError::UpstreamFailed => "upstream_failed",
            HttpError::UpstreamTimeout => "upstream_timeout",
            HttpError::NotLoggedIn => "unauthorized",
            HttpError::Forbidden { .. } => "forbidden",
            HttpError::CsrfFailed => "csrf_failed",
            HttpError::VersionConflict { .. } => "version_conflict",
            HttpError::PreconditionRequired => "precondition_required",
            HttpError::QaFailed { .. } | HttpError::OverrideQa(_) => "qa_failed",
            HttpError::Conflict { .. } => "conflict",
            HttpError::Busy => "busy",
            HttpError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            HttpError::NotFound | HttpError::UnsupportedLanguage { .. } => StatusCode::NOT_FOUND,
            HttpError::BadRequest
            | HttpError::InvalidRequest { .. }
            | HttpError::UnsupportedTarget { .. } => StatusCode::BAD_REQUEST,
            HttpError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpError::Unauthorized => StatusCode::UNAUTHORIZED,
            HttpError::OriginNotAllowed => StatusCode::FORBIDDEN,
            HttpError::RateLimited { .. } | HttpError::BudgetExhausted { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            HttpError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            HttpError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            HttpError::ProxyNotAllowed => StatusCode::FORBIDDEN,
            HttpError::UpstreamFailed => StatusCode::BAD_GATEWAY,
            HttpError::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
            HttpError::NotLoggedIn => StatusCode::UNAUTHORIZED,
            HttpError::Forbidden { .. } | HttpError::CsrfFailed => StatusCode::FORBIDDEN,
            HttpError::VersionConflict { .. } => StatusCode::PRECONDITION_FAILED,
            HttpError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            HttpError::QaFailed { .. } | HttpError::OverrideQa(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            HttpError::Conflict { .. } => StatusCode::CONFLICT,
            HttpError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            HttpError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error a bare status from a layer or from axum itself stands for.
    fn from_status(status: StatusCode) -> Option<Self> {
        Some(match status {
            StatusCode::NOT_FOUND => HttpError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => HttpError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => HttpError::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => HttpError::Timeout,
            StatusCode::INTERNAL_SERVER_ERROR => HttpError::Internal("handler panicked".into()),
            s if s.is_client_error() => HttpError::BadRequest,
            _ => return None,
        })
    }

    fn title_and_message(&self, app: &App, lang: Lang) -> (String, String) {
        let t = |id: &str| app.locales.t(lang, id);
        match self {
            HttpError::NotFound => (t("error-not-found-title"), t("error-not-found-body")),
            HttpError::UnsupportedLanguage { code } | HttpError::UnsupportedTarget { code } => {
                let mut args = FluentArgs::new();
                args.set("code", code.clone());
                args.set("supported", supported_list(app));
                (
                    t("error-not-found-title"),
                    app.locales
                        .t_args(lang, "error-unsupported-language", &args),
                )
            }
            HttpError::BadRequest => (t("error-bad-request-title"), t("error-bad-request-body")),
            HttpError::PayloadTooLarge => {
                let mut args = FluentArgs::new();
                let limit = u64::try_from(app.config.server.max_body_bytes).unwrap_or(u64::MAX);
                args.set("limit", size(limit));
                (
                    t("error-bad-request-title"),
                    app.locales.t_args(lang, "error-payload-too-large", &args),
                )
            }
            HttpError::InvalidRequest { detail } => {
                let mut args = FluentArgs::new();
                args.set("detail", detail.clone());
                (
                    t("error-bad-request-title"),
                    app.locales.t_args(lang, "error-invalid-request", &args),
                )
            }
            HttpError::UnsupportedMediaType => (
                t("error-bad-request-title"),
                t("error-unsupported-media-type"),
            ),
            HttpError::Unauthorized => (t("error-bad-request-title"), t("error-unauthorized")),
            HttpError::OriginNotAllowed => {
                (t("error-bad-request-title"), t("error-origin-not-allowed"))
            }
            HttpError::RateLimited { .. } => {
                (t("error-bad-request-title"), t("error-rate-limited"))
            }
            HttpError::BudgetExhausted { .. } => {
                (t("error-bad-request-title"), t("error-budget-exhausted"))
            }
            HttpError::MethodNotAllowed => (
                t("error-method-not-allowed-title"),
                t("error-method-not-allowed-body"),
            ),
            HttpError::ProxyNotAllowed => {
                (t("error-bad-request-title"), t("error-proxy-not-allowed"))
            }
            HttpError::UpstreamFailed => (t("error-internal-title"), t("error-upstream-failed")),
            HttpError::UpstreamTimeout => (t("error-internal-title"), t("error-upstream-timeout")),
            HttpError::NotLoggedIn => (t("error-bad-request-title"), t("error-not-logged-in")),
            HttpError::Forbidden { detail }
            | HttpError::QaFailed { detail }
            | HttpError::Conflict { detail } => {
                let id = match self {
                    HttpError::Forbidden { .. } => "error-forbidden",
                    HttpError::QaFailed { .. } => "error-qa-failed",
                    _ => "error-conflict",
                };
                let mut args = FluentArgs::new();
                args.set("detail", detail.clone());
                (
                    t("error-bad-request-title"),
                    app.locales.t_args(lang, id, &args),
                )
            }
            HttpError::OverrideQa(problem) => {
                let mut args = FluentArgs::new();
                args.set("detail", problem.localized(&app.locales, lang));
                (
                    t("error-bad-request-title"),
                    app.locales.t_args(lang, "error-qa-failed", &args),
                )
            }
            HttpError::CsrfFailed => (t("error-bad-request-title"), t("error-csrf-failed")),
            HttpError::VersionConflict { current } => {
                let mut args = FluentArgs::new();
                args.set("version", *current);
                (
                    t("error-bad-request-title"),
                    app.locales.t_args(lang, "error-version-conflict", &args),
                )
            }
            HttpError::PreconditionRequired => (
                t("error-bad-request-title"),
                t("error-precondition-required"),
            ),
            HttpError::Busy => (t("error-internal-title"), t("error-busy")),
            HttpError::Timeout | HttpError::Internal(_) => {
                (t("error-internal-title"), t("error-internal-body"))
            }
        }
    }
}

/// A size in bytes as people read it: whole MiB or KiB when it is one,
/// else bytes (the unit symbols read the same in every language we serve).
fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= KIB && b % KIB == 0 => format!("{} KiB", b / KIB),
        b => format!("{b} B"),
    }
}

/// The URL prefixes of this server's languages.
fn supported_list(app: &App) -> String {
    app.languages
        .all()
        .iter()
        .map(|l| l.prefix.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        if let HttpError::RateLimited { retry_after_secs }
        | HttpError::BudgetExhausted { retry_after_secs } = &self
        {
            if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        match &self {
            HttpError::NotLoggedIn => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"honyaku translators\""),
                );
            }
            HttpError::Busy => {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            HttpError::VersionConflict { current } => {
                if let Ok(value) = HeaderValue::from_str(&format!("\"{current}\"")) {
                    response.headers_mut().insert(header::ETAG, value);
                }
            }
            _ => {}
        }
        response.extensions_mut().insert(self);
        response
    }
}

impl From<crate::review::ReviewError> for HttpError {
    fn from(error: crate::review::ReviewError) -> Self {
        use crate::review::ReviewError;
        match error {
            ReviewError::Store(e) => HttpError::from_store(e),
            ReviewError::UnitNotFound => HttpError::NotFound,
            ReviewError::Forbidden { .. } => HttpError::Forbidden {
                detail: error.to_string(),
            },
            ReviewError::Qa(problem) => HttpError::OverrideQa(problem),
            ReviewError::VersionConflict { current } => HttpError::VersionConflict { current },
            ReviewError::NothingToRevert | ReviewError::AlreadyApproved => HttpError::Conflict {
                detail: error.to_string(),
            },
            ReviewError::Segment(_) => HttpError::Internal(error.to_string()),
        }
    }
}

impl From<crate::proxy::ProxyError> for HttpError {
    fn from(error: crate::proxy::ProxyError) -> Self {
        use crate::proxy::ProxyError;
        match error {
            ProxyError::NotAllowed(_) => HttpError::ProxyNotAllowed,
            ProxyError::Timeout => HttpError::UpstreamTimeout,
            ProxyError::NotFound(_) => HttpError::NotFound,
            ProxyError::Fetch(_)
            | ProxyError::OriginStatus(_)
            | ProxyError::NotHtml
            | ProxyError::UnexpectedNotModified => HttpError::UpstreamFailed,
            ProxyError::Document(_) | ProxyError::Rewrite(_) => {
                HttpError::Internal(error.to_string())
            }
        }
    }
}

impl HttpError {
    /// The answer for a store failure: conflicts and busy locks are the
    /// client's to retry; anything else is logged once and is a 500.
    pub fn from_store(error: crate::store::StoreError) -> Self {
        use crate::store::StoreError;
        match error {
            StoreError::VersionConflict { current } => HttpError::VersionConflict {
                current: current.unwrap_or(0),
            },
            StoreError::Busy { .. } | StoreError::Unavailable { .. } => HttpError::Busy,
            StoreError::NotFound => HttpError::NotFound,
            StoreError::AlreadyExists(what) => HttpError::Conflict {
                detail: format!("{what} already exists"),
            },
            StoreError::Invalid(detail) => HttpError::InvalidRequest { detail },
            other => HttpError::Internal(other.to_string()),
        }
    }
}

/// The JSON body of every API error.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `unsupported_language`, `unauthorized`, …
    pub code: String,
    /// In the reader's language (Accept-Language).
    pub message: String,
}

/// How the client wants its errors: API paths and JSON clients get JSON.
fn wants_json(request: &Request) -> bool {
    request.uri().path().starts_with("/api/")
        || request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| {
                accept.contains("application/json") && !accept.contains("text/html")
            })
}

/// Renders error responses in the reader's language.
pub async fn render_errors(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let lang = super::request_lang(&app, &request);
    let json = wants_json(&request);
    let is_head = request.method() == axum::http::Method::HEAD;
    // A page that was not found under a language prefix is not found in
    // the others either, but the switcher keeps the reader on it.
    let place = request
        .uri()
        .path()
        .strip_prefix('/')
        .and_then(|p| p.split_once('/'))
        .filter(|(prefix, _)| app.languages.by_prefix(prefix).is_some())
        .and_then(|(_, rest)| Place::parse(rest));
    let response = next.run(request).await;

    let error = match response.extensions().get::<HttpError>() {
        Some(error) => error.clone(),
        None if response.status().is_client_error() || response.status().is_server_error() => {
            // Only bare statuses from layers or axum itself are rendered;
            // a response that already carries a body type is left alone.
            if response.headers().contains_key(header::CONTENT_TYPE)
                && response.status() != StatusCode::INTERNAL_SERVER_ERROR
                && response.status() != StatusCode::PAYLOAD_TOO_LARGE
            {
                return response;
            }
            match HttpError::from_status(response.status()) {
                Some(error) => error,
                None => return response,
            }
        }
        None => return response,
    };
    if let HttpError::Internal(detail) = &error {
        tracing::error!(code = error.code(), %detail, "request failed");
    }
    let status = response.status();
    let (parts, _) = response.into_parts();
    let (title, message) = error.title_and_message(&app, lang);
    let mut response = if json {
        let body = ErrorBody {
            error: ErrorDetail {
                code: error.code().to_owned(),
                message,
            },
        };
        (status, axum::Json(body)).into_response()
    } else {
        let ctx = PageContext {
            locales: &app.locales,
            languages: &app.languages,
            lang,
            base_url: &app.base_url,
            path: None,
            place: place.filter(|_| error.code() == "not_found"),
        };
        let html = render::error_page(&ctx, &title, &message);
        (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            if is_head { String::new() } else { html },
        )
            .into_response()
    };
    // Keep what the handler set (Allow on 405, Retry-After…), but not a
    // length or type that belonged to the old body.
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    let headers = response.headers_mut();
    CachePolicy::NoStore.apply(headers);
    if let Ok(value) = HeaderValue::from_str(lang.code()) {
        headers.insert(header::CONTENT_LANGUAGE, value);
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response.extensions_mut().insert(error);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_largest_whole_unit() {
        assert_eq!(size(1_048_576), "1 MiB");
        assert_eq!(size(4 * 1_048_576), "4 MiB");
        assert_eq!(size(1536 * 1024), "1536 KiB");
        assert_eq!(size(65_536), "64 KiB");
        assert_eq!(size(1000), "1000 B");
    }
}
