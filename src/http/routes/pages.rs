//! The hosted pages: `/` negotiates, `/{lang}/…` serves, `/set-language/…`
//! remembers the reader's choice.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::{App, RenderedPage};
use crate::http::cache::CachePolicy;
use crate::http::{HttpError, negotiated_lang};
use crate::i18n::Lang;
use crate::render::Place;

/// `/`: send the reader to their language's home page.
pub async fn root(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let lang = negotiated_lang(&app, &headers);
    let mut response = redirect(
        StatusCode::FOUND,
        &format!("/{}/", app.languages.prefix(lang)),
    );
    let h = response.headers_mut();
    // The answer depends on these request headers, so shared caches must
    // not hand one reader's redirect to another.
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    CachePolicy::PrivateNoCache.apply(h);
    response
}

/// `/{lang}` without the slash.
pub async fn language_root(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, HttpError> {
    let Path(code) = path.map_err(|_| HttpError::BadRequest)?;
    let lang = resolve_lang(&app, &code)?;
    Ok(redirect(
        StatusCode::PERMANENT_REDIRECT,
        &format!("/{}/", app.languages.prefix(lang)),
    ))
}

/// `/{lang}/`: the language's home page.
pub async fn home(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let Path(code) = path.map_err(|_| HttpError::BadRequest)?;
    serve_page(&app, &code, "", &headers).await
}

/// `/{lang}/{path}`: one announcement.
pub async fn page(
    State(app): State<Arc<App>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let Path((code, path)) = path.map_err(|_| HttpError::BadRequest)?;
    serve_page(&app, &code, &path, &headers).await
}

async fn serve_page(
    app: &App,
    code: &str,
    path: &str,
    headers: &HeaderMap,
) -> Result<Response, HttpError> {
    let lang = resolve_lang(app, code)?;
    let prefix = app.languages.prefix(lang);
    if prefix != code {
        // An alias such as zh-TW or EN: one canonical URL per page.
        return Ok(redirect(
            StatusCode::PERMANENT_REDIRECT,
            &format!("/{prefix}/{path}"),
        ));
    }
    if let Some(page) = app.page(lang, path) {
        return Ok(respond(app, page, headers));
    }
    if let Some(announcement) = app.content.find(path) {
        let page = app
            .translated_page(lang, announcement)
            .await
            .map_err(|e| HttpError::Internal(e.to_string()))?;
        return Ok(respond(app, &page, headers));
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed != path && (app.page(lang, trimmed).is_some() || app.content.find(trimmed).is_some())
    {
        return Ok(redirect(
            StatusCode::PERMANENT_REDIRECT,
            &format!("/{prefix}/{trimmed}"),
        ));
    }
    Err(HttpError::NotFound)
}

/// A URL prefix to a language we serve: its exact prefix, and tags and
/// aliases that are redirected to the prefix.
fn resolve_lang(app: &App, code: &str) -> Result<Lang, HttpError> {
    app.languages
        .by_prefix(code)
        .or_else(|| app.languages.resolve(code))
        .ok_or_else(|| HttpError::UnsupportedLanguage {
            // Echoed in the error message (escaped there); keep it short.
            code: code.chars().take(32).collect(),
        })
}

fn respond(app: &App, page: &RenderedPage, headers: &HeaderMap) -> Response {
    let gzip = accepts_gzip(headers);
    let (body, etag) = if gzip {
        (page.gzip.clone(), page.gzip_etag.as_str())
    } else {
        (page.identity.clone(), page.identity_etag.as_str())
    };
    let cache = if page.complete {
        CachePolicy::Public {
            max_age: u64::from(app.config.http_cache.page_max_age_secs),
        }
    } else {
        // A fallback after a failed translation: ask again next time.
        CachePolicy::NoStore
    };
    let mut response = if if_none_match(headers, etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = body.into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        if gzip {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    };
    let h = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, value);
    }
    cache.apply(h);
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(app.languages.html_lang(page.lang)),
    );
    response
}

/// Whether the client takes gzip (RFC 9110 §12.5.3; `gzip;q=0` refuses it).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

/// If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == etag)
}

fn redirect(status: StatusCode, location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (status, [(header::LOCATION, value)]).into_response(),
        // Locations are built from validated codes and slugs; anything else
        // is not a page of ours.
        Err(_) => HttpError::NotFound.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub struct SetLanguageQuery {
    next: Option<String>,
}

/// `/set-language/{code}?next=/path`: the switcher's links. Remembers the
/// choice in a cookie, then shows the same place in that language. `next` is
/// a [`Place`]: a path under the language prefix, checked like a slug, or a
/// report form; anything else leads home, so this can never redirect off
/// the site.
pub async fn set_language(
    State(app): State<Arc<App>>,
    code: Result<Path<String>, PathRejection>,
    query: Result<Query<SetLanguageQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, HttpError> {
    let Path(code) = code.map_err(|_| HttpError::BadRequest)?;
    let lang = resolve_lang(&app, &code)?;
    let place = query
        .ok()
        .and_then(|Query(q)| q.next)
        .and_then(|next| Place::parse(&next))
        .unwrap_or(Place::Page(String::new()));
    let mut response = redirect(
        StatusCode::SEE_OTHER,
        &place.url(app.languages.prefix(lang)),
    );
    let i18n = &app.config.i18n;
    let secure = if app.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly{secure}",
        i18n.cookie_name,
        lang.code(),
        u64::from(i18n.cookie_max_age_days) * 86_400,
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    CachePolicy::NoStore.apply(response.headers_mut());
    Ok(response)
}

/// Anything no route matched.
pub async fn not_found() -> HttpError {
    HttpError::NotFound
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn gzip_negotiation() {
        assert!(accepts_gzip(&headers(
            header::ACCEPT_ENCODING,
            "gzip, deflate, br"
        )));
        assert!(accepts_gzip(&headers(
            header::ACCEPT_ENCODING,
            "br;q=1.0, gzip;q=0.8"
        )));
        assert!(accepts_gzip(&headers(header::ACCEPT_ENCODING, "*")));
        assert!(!accepts_gzip(&headers(header::ACCEPT_ENCODING, "gzip;q=0")));
        assert!(!accepts_gzip(&headers(
            header::ACCEPT_ENCODING,
            "gzip;q=0.000"
        )));
        assert!(!accepts_gzip(&headers(header::ACCEPT_ENCODING, "identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn etag_matching() {
        let tag = "\"abc\"";
        assert!(if_none_match(
            &headers(header::IF_NONE_MATCH, "\"abc\""),
            tag
        ));
        assert!(if_none_match(
            &headers(header::IF_NONE_MATCH, "W/\"abc\""),
            tag
        ));
        assert!(if_none_match(
            &headers(header::IF_NONE_MATCH, "\"x\", \"abc\""),
            tag
        ));
        assert!(if_none_match(&headers(header::IF_NONE_MATCH, "*"), tag));
        assert!(!if_none_match(
            &headers(header::IF_NONE_MATCH, "\"abd\""),
            tag
        ));
        assert!(!if_none_match(&HeaderMap::new(), tag));
    }
}
