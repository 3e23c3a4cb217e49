//! The translators' web editor under `/translators/`: log in with a token,
//! pick a page and a language, edit units side by side with the Japanese,
//! revert, approve after a source change, and read a unit's history.
//!
//! Server-rendered forms, so it works without JavaScript. A login creates a
//! session: a random id in an `HttpOnly; SameSite=Strict` cookie scoped to
//! `Path=/translators` (the JSON API keeps using tokens; the session is not
//! sent there at all), only the id's SHA-256 in the store, and a random CSRF
//! token per session that every form carries and every POST must return.
//! Changes go through the same checked functions as the JSON API.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::App;
use crate::auth::{self, Credential, Principal};
use crate::http::HttpError;
use crate::i18n::{Lang, negotiate_accept_language_among};
use crate::render::editor::{self as pages, EditorContext, SignedIn};

/// Where the editor lives; also the session cookie's path.
pub const EDITOR_ROOT: &str = "/translators";

const LOGIN_PATH: &str = "/translators/login";
const HOME_PATH: &str = "/translators/";

/// The languages the editor's own pages are written in; everyone else gets
/// English, the language translators into any target are likeliest to read.
const EDITOR_LANGUAGES: [Lang; 2] = [Lang::Ja, Lang::En];

/// The editor's language for this request: the site's language cookie when
/// it names Japanese or English, then Accept-Language between the two, then
/// English.
pub fn editor_lang(app: &App, headers: &HeaderMap) -> Lang {
    if let Some(lang) = crate::http::cookie_value(headers, &app.config.i18n.cookie_name)
        .and_then(|v| Lang::from_code(&v))
        .filter(|l| EDITOR_LANGUAGES.contains(l))
    {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, |h| {
            negotiate_accept_language_among(h, &EDITOR_LANGUAGES, Lang::En)
        })
}

/// An editor page: never cached anywhere (it shows a session's CSRF token
/// and work in progress).
fn html(status: StatusCode, lang: Lang, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

/// 303 to `location` (built here from validated parts).
fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, value),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => HttpError::Internal(format!("bad redirect {location:?}")).into_response(),
    }
}

/// The `Set-Cookie` value for the session cookie; `None` clears it.
fn session_cookie(app: &App, id: Option<&str>) -> String {
    let secure = if app.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let (value, max_age) = match id {
        Some(id) => (id, auth::SESSION_LIFETIME.as_secs()),
        None => ("", 0),
    };
    format!(
        "{}={value}; Path={EDITOR_ROOT}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}",
        auth::SESSION_COOKIE
    )
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The translator behind this request, if any. Errors other than "not
/// logged in" (a rate-limited address, a store failure) are answered as such.
async fn signed_in(parts: &Parts, app: &Arc<App>) -> Result<Option<Principal>, HttpError> {
    match auth::authenticate(parts, app).await {
        Ok(principal) => Ok(Some(principal)),
        Err(HttpError::NotLoggedIn) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The CSRF token the editor's forms must carry: the session's. A request
/// made with a Bearer token has none, and needs none: a browser never sends
/// a token on its own, so a cross-site form cannot use one.
fn csrf_token(principal: &Principal) -> &str {
    match &principal.credential {
        Credential::Session { csrf_token, .. } => csrf_token,
        Credential::Token => "",
    }
}

fn check_csrf(principal: &Principal, sent: &str) -> Result<(), HttpError> {
    match &principal.credential {
        Credential::Session { csrf_token, .. } if !auth::same_secret(sent, csrf_token) => {
            Err(HttpError::CsrfFailed)
        }
        _ => Ok(()),
    }
}

fn context<'a>(app: &'a App, lang: Lang, principal: Option<&'a Principal>) -> EditorContext<'a> {
    EditorContext {
        locales: &app.locales,
        lang,
        account: principal.map(|p| SignedIn {
            name: p.name(),
            csrf: csrf_token(p),
        }),
    }
}

/// `/translators` without the slash.
pub async fn root_without_slash() -> Response {
    see_other(HOME_PATH)
}

/// `GET /translators/login`.
pub async fn login_form(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let lang = editor_lang(&app, &headers);
    html(
        StatusCode::OK,
        lang,
        pages::login_page(&context(&app, lang, None), None),
    )
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
}

/// Whether the browser says this request comes from another site. The
/// session cookie is `SameSite=Strict`, so forms elsewhere cannot use a
/// session; this keeps them from logging a translator into someone else's
/// account as well. Clients that send no `Sec-Fetch-Site` are let through.
fn cross_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| !matches!(site, "same-origin" | "none"))
}

/// `POST /translators/login`: a valid token starts a session; a bad one
/// counts against the address, which is refused for a while past the limit.
pub async fn login(
    State(app): State<Arc<App>>,
    parts: Parts,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, HttpError> {
    let lang = editor_lang(&app, &parts.headers);
    let ctx = context(&app, lang, None);
    if cross_site(&parts.headers) {
        return Err(HttpError::CsrfFailed);
    }
    let ip = auth::client_ip(&parts);
    if let Err(retry_after_secs) = app.login_failures.check(ip) {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("minutes", retry_after_secs.div_ceil(60));
        let message = app.locales.t_args(lang, "editor-login-rate-limited", &args);
        let mut response = html(
            StatusCode::TOO_MANY_REQUESTS,
            lang,
            pages::login_page(&ctx, Some(&message)),
        );
        if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Ok(response);
    }
    let token = form.map(|Form(f)| f.token).unwrap_or_default();
    let token = token.trim();
    let account = if token.is_empty() {
        None
    } else {
        app.store
            .translator_by_token(&auth::sha256_hex(token))
            .await
            .map_err(HttpError::from_store)?
    };
    let Some(account) = account else {
        app.login_failures.record_failure(ip);
        tracing::info!(%ip, "refused an editor login with an unknown or revoked token");
        let message = app.locales.t(lang, "editor-login-failed");
        return Ok(html(
            StatusCode::UNAUTHORIZED,
            lang,
            pages::login_page(&ctx, Some(&message)),
        ));
    };
    let random = |e: auth::AuthError| HttpError::Internal(e.to_string());
    let session_id = auth::random_hex().map_err(random)?;
    let csrf = auth::random_hex().map_err(random)?;
    let lifetime_ms = i64::try_from(auth::SESSION_LIFETIME.as_millis()).unwrap_or(i64::MAX);
    app.store
        .session_create(
            &auth::sha256_hex(&session_id),
            &account.name,
            &csrf,
            crate::store::now_ms().saturating_add(lifetime_ms),
        )
        .await
        .map_err(HttpError::from_store)?;
    tracing::info!(translator = %account.name, "editor session started");
    Ok(with_cookie(
        see_other(HOME_PATH),
        &session_cookie(&app, Some(&session_id)),
    ))
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /translators/logout`: ends the session in the store (the cookie
/// alone would outlive a copied id) and clears the cookie.
pub async fn logout(
    State(app): State<Arc<App>>,
    parts: Parts,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, HttpError> {
    if let Some(principal) = signed_in(&parts, &app).await? {
        let sent = form.map(|Form(f)| f.csrf).unwrap_or_default();
        check_csrf(&principal, &sent)?;
        if let Credential::Session { id_sha256, .. } = &principal.credential {
            app.store
                .session_delete(id_sha256)
                .await
                .map_err(HttpError::from_store)?;
            tracing::info!(translator = principal.name(), "editor session ended");
        }
    }
    Ok(with_cookie(
        see_other(LOGIN_PATH),
        &session_cookie(&app, None),
    ))
}

/// The target languages this translator may edit, in the site's order.
fn editable_languages(principal: &Principal) -> Vec<Lang> {
    Lang::ALL
        .into_iter()
        .filter(|l| principal.account.may_edit(*l))
        .collect()
}

/// `GET /translators/`: who you are and where to start.
pub async fn home(State(app): State<Arc<App>>, parts: Parts) -> Result<Response, HttpError> {
    let Some(principal) = signed_in(&parts, &app).await? else {
        return Ok(see_other(LOGIN_PATH));
    };
    let lang = editor_lang(&app, &parts.headers);
    let body = pages::home_page(
        &context(&app, lang, Some(&principal)),
        app.content.announcements(),
        &editable_languages(&principal),
    );
    Ok(html(StatusCode::OK, lang, body))
}
