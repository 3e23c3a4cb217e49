//! The HTTP surface: one route list (the API's part of it, in
//! [`openapi`], also makes the OpenAPI document), the layers every request
//! passes through, and the `serve` function shared by `main` and the tests.

pub mod api_access;
pub mod cache;
pub mod client_addr;
pub mod cookie;
pub mod error;
pub mod openapi;
pub mod principal;
pub mod routes;
pub mod same_origin;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::app::App;
use crate::i18n::Lang;

pub use error::HttpError;

/// Pages load nothing from elsewhere; announcement content is ours, but a
/// strict policy keeps a mistake in it from becoming a script injection.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// A target language of this server named by an API request (`en`,
/// `zh-Hans`; its URL prefix and aliases such as `zh-TW` too): 400
/// `unsupported_language` for Japanese or an unknown code, which is echoed
/// at most 32 characters long.
pub fn target_lang(app: &App, code: &str) -> Result<Lang, HttpError> {
    app.languages
        .by_prefix(code)
        .or_else(|| app.languages.resolve_target(code))
        .filter(|l| !l.is_source())
        .ok_or_else(|| HttpError::UnsupportedTarget {
            code: code.chars().take(32).collect(),
        })
}

/// Every route honyaku answers.
pub fn router(app: Arc<App>) -> Router {
    let timeout = Duration::from_secs(app.config.server.request_timeout_secs);
    let max_body = app.config.server.max_body_bytes;
    let (api, doc) = openapi::api_routes().split_for_parts();
    let api = api.layer(axum::Extension(openapi::OpenApiJson::for_languages(
        &doc,
        &app.languages,
    )));
    Router::new()
        .route("/", get(routes::pages::root))
        .route("/healthz", get(routes::health::healthz))
        .route("/readyz", get(routes::health::readyz))
        .route("/assets/site.css", get(routes::assets::stylesheet))
        .route("/assets/original.js", get(routes::assets::script))
        .route("/assets/editor.js", get(routes::assets::editor_script))
        .route("/favicon.ico", get(routes::assets::favicon))
        .route("/set-language/{code}", get(routes::pages::set_language))
        // The translators' editor; like the proxy, a static first segment
        // that `/{lang}/…` never sees.
        .route("/translators", get(routes::editor::root_without_slash))
        .route("/translators/", get(routes::editor::home))
        .route(
            "/translators/login",
            get(routes::editor::login_form).post(routes::editor::login),
        )
        .route(
            "/translators/logout",
            axum::routing::post(routes::editor::logout),
        )
        .route("/translators/edit", get(routes::editor::edit))
        .route(
            "/translators/units/{lang}/{id}",
            axum::routing::post(routes::editor::change_unit),
        )
        .route(
            "/translators/history/{lang}/{id}",
            get(routes::editor::history),
        )
        .route(
            "/translators/reports/{id}/resolve",
            axum::routing::post(routes::editor::resolve_report),
        )
        // Static first segments win over `/{lang}/…` in axum 0.8, so
        // neither proxy form can be taken for a page path.
        .route("/proxy/{lang}/{*url}", get(routes::proxy::proxy))
        // Readers' reports: a fixed first segment too, so no announcement
        // slug can collide with the form.
        .route(
            "/feedback/{lang}",
            get(routes::feedback::form).post(routes::feedback::submit),
        )
        .route(
            &format!("/{}/ns/tl.cgi/{{*url}}", app.config.fetch.jserver_prefix),
            get(routes::proxy::jserver),
        )
        .route("/{lang}", get(routes::pages::language_root))
        .route("/{lang}/", get(routes::pages::home))
        .route("/{lang}/{*path}", get(routes::pages::page))
        .route("/metrics", get(routes::health::metrics))
        // Every /api/ route, from the list that also makes the OpenAPI
        // document.
        .merge(api)
        .fallback(routes::pages::not_found)
        // Innermost first: panics, timeouts and oversized bodies become bare
        // statuses that render_errors, outside them, turns into localized
        // pages or JSON like every other error.
        .layer(CatchPanicLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        // server.max_body_bytes is the one body limit: axum's own default
        // (2 MiB, for Bytes, Form and Json) would answer 413 below it.
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            error::render_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(app.clone(), record_metrics))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                // Spans are named by route, not by raw path, so logs and
                // traces group requests the way the route list does.
                let route = request
                    .extensions()
                    .get::<MatchedPath>()
                    .map(MatchedPath::as_str)
                    .unwrap_or("fallback");
                tracing::info_span!("request", method = %request.method(), route, status = tracing::field::Empty)
            }),
        )
        .with_state(app)
}

/// Counts every response by route and status, with its latency.
async fn record_metrics(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    request: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let started = std::time::Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let response = next.run(request).await;
    app.metrics.observe_request(
        route.as_deref().unwrap_or("fallback"),
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// The reader's language for anything not under an explicit prefix: the
/// language cookie, then Accept-Language, then Japanese.
pub fn negotiated_lang(app: &App, headers: &axum::http::HeaderMap) -> Lang {
    if let Some(lang) =
        cookie::first(headers, &app.config.i18n.cookie_name).and_then(|v| app.languages.by_code(&v))
    {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(|h| app.languages.negotiate(h))
        .unwrap_or(Lang::SOURCE)
}

/// The language a response to this request should speak: the URL prefix when
/// it is one of ours (for `/proxy/{lang}/…` and `/feedback/{lang}`, the
/// target language, so errors read like the page the reader asked for; for
/// the translators' editor, the editor's language), otherwise the negotiated
/// one.
pub fn request_lang(app: &App, request: &Request) -> Lang {
    let mut segments = request.uri().path().trim_start_matches('/').split('/');
    let mut first = segments.next().unwrap_or_default();
    if first == "translators" {
        return routes::editor::editor_lang(app, request.headers());
    }
    if first == "proxy" || first == "feedback" {
        first = segments.next().unwrap_or_default();
    }
    app.languages
        .by_prefix(first)
        .unwrap_or_else(|| negotiated_lang(app, request.headers()))
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets requests in
/// flight finish for up to `server.shutdown_grace_secs`.
pub async fn serve(
    app: Arc<App>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let grace = Duration::from_secs(app.config.server.shutdown_grace_secs);
    let (stopping_tx, stopping_rx) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, finishing requests in flight");
        let _ = stopping_tx.send(());
    });
    let server = server.into_future();
    tokio::pin!(server);
    tokio::select! {
        result = &mut server => result,
        () = async {
            if stopping_rx.await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!(grace_secs = grace.as_secs(), "requests still in flight after the grace period; stopping");
            Ok(())
        }
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM. The handlers are installed when
/// this is called, not when the future is first polled, so a signal that
/// arrives right after start-up already stops the server gracefully. Call it
/// inside the runtime.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            match (interrupt, terminate) {
                (Ok(mut interrupt), Ok(mut terminate)) => {
                    tokio::select! {
                        _ = interrupt.recv() => {},
                        _ = terminate.recv() => {},
                    }
                }
                (interrupt, terminate) => {
                    if let Err(e) = interrupt.and(terminate) {
                        tracing::error!(error = %e, "cannot listen for SIGINT/SIGTERM; stop the server with SIGKILL");
                    }
                    std::future::pending::<()>().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}
