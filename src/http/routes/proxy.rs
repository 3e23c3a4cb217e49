//! The URL proxy's two doors: `GET /proxy/{lang}/{url}` and the J-SERVER
//! alias `GET /{prefix}/ns/tl.cgi/{url}?SLANG=ja&TLANG=en` that the
//! ministry's pages link to today. Both come down to a URL and a language
//! for [`crate::proxy`]; this file reads them from the request and writes
//! the answer's headers.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use url::Url;

use crate::app::App;
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::i18n::{Lang, Languages};
use crate::proxy::{Answer, Translating};

/// Query parameters of the J-SERVER form that belong to J-SERVER, not to
/// the page: they are dropped from the target URL.
const JSERVER_PARAMS: [&str; 7] = [
    "SLANG", "TLANG", "XMODE", "XCHARSET", "XJSID", "XPARAM", "XPORG",
];

/// A complete proxied page: shared caches may keep it for a minute (the
/// origin may change it at any time; we revalidate cheaply with its
/// validators).
const PROXY_CACHE: CachePolicy = CachePolicy::Public { max_age: 60 };

/// Proxied pages live on our origin but come from elsewhere: their scripts
/// must not run with our origin's rights, so none run at all; images, styles
/// and fonts load from anywhere (they were made absolute to the origin).
const PROXY_CSP: &str = "default-src 'none'; img-src * data:; style-src * 'unsafe-inline'; font-src * data:; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// `GET /proxy/{lang}/{*url}`. The URL is taken from the raw request path
/// (not the decoded wildcard) so percent-escapes in the target survive, and
/// the request's query string is the target's.
pub async fn proxy(State(app): State<Arc<App>>, uri: Uri) -> Result<Response, HttpError> {
    let path = uri.path().strip_prefix("/proxy/").unwrap_or_default();
    let (code, raw) = path.split_once('/').unwrap_or((path, ""));
    let lang = app
        .languages
        .by_prefix(code)
        .filter(|l| !l.is_source())
        .ok_or_else(|| HttpError::UnsupportedLanguage {
            code: code.chars().take(32).collect(),
        })?;
    let target = target_url(raw, uri.query(), |_| false);
    serve(&app, lang, &target).await
}

/// `GET /{prefix}/ns/tl.cgi/{*url}?SLANG=ja&TLANG=en`: answered in place,
/// exactly like `/proxy/{lang}/{url}`, rather than redirected, because these
/// links are printed on the ministry's pages and a redirect would cost every
/// reader a round trip for nothing; the response's `Link: rel=canonical`
/// names the `/proxy/` form.
pub async fn jserver(State(app): State<Arc<App>>, uri: Uri) -> Result<Response, HttpError> {
    let prefix = format!("/{}/ns/tl.cgi/", app.config.fetch.jserver_prefix);
    let raw = uri.path().strip_prefix(prefix.as_str()).unwrap_or_default();
    let query = uri.query().unwrap_or_default();
    let param = |name: &str| {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    if let Some(source) = param("SLANG") {
        if app.languages.resolve(&source) != Some(Lang::SOURCE) {
            return Err(HttpError::UnsupportedLanguage {
                code: source.chars().take(32).collect(),
            });
        }
    }
    let tlang = param("TLANG").unwrap_or_else(|| "en".into());
    let lang =
        jserver_lang(&app.languages, &tlang).ok_or_else(|| HttpError::UnsupportedLanguage {
            code: tlang.chars().take(32).collect(),
        })?;
    let target = target_url(raw, uri.query(), |k| JSERVER_PARAMS.contains(&k));
    let mut response = serve(&app, lang, &target).await?;
    if let Ok(value) = HeaderValue::from_str(&format!(
        "<{}>; rel=\"canonical\"",
        app.proxy.href(lang, &target)
    )) {
        response.headers_mut().insert(header::LINK, value);
    }
    Ok(response)
}

/// J-SERVER's TLANG codes, for the target languages this server serves:
/// BCP 47 tags and their aliases as [`crate::i18n::Languages::resolve`]
/// reads them (zh → Simplified, zh-TW → Traditional, pt → Brazilian
/// Portuguese, tl → Filipino), plus J-SERVER's own names for Traditional
/// Chinese, `zt` and `tw` (seen on J-SERVER links in the wild as
/// `TLANG=tw`).
fn jserver_lang(languages: &Languages, code: &str) -> Option<Lang> {
    let code = code.trim();
    if code.eq_ignore_ascii_case("zt") || code.eq_ignore_ascii_case("tw") {
        return Some(Lang::ZhHant).filter(|l| languages.is_target(*l));
    }
    languages.resolve_target(code)
}

/// The absolute target URL from the path after the route prefix and the
/// request's query (minus the parameters `drop` names). Some clients and
/// intermediaries squeeze `https://` into `https:/`; it is restored.
fn target_url(raw: &str, query: Option<&str>, drop: impl Fn(&str) -> bool) -> String {
    let mut url = raw.to_owned();
    for scheme in ["https:/", "http:/"] {
        if let Some(rest) = raw.strip_prefix(scheme) {
            if !rest.starts_with('/') {
                url = format!("{scheme}/{rest}");
            }
        }
    }
    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                !pair.is_empty() && !drop(name)
            })
            .collect();
        if !kept.is_empty() {
            url.push('?');
            url.push_str(&kept.join("&"));
        }
    }
    url
}

/// Asks the proxy for `raw` in `lang` and answers.
async fn serve(app: &App, lang: Lang, raw: &str) -> Result<Response, HttpError> {
    let with = Translating {
        pipeline: &app.pipeline,
        budget: app.config.pages.first_byte_budget(),
        locales: &app.locales,
        generation: app.generation().await,
    };
    Ok(match app.proxy.answer(&with, lang, raw).await? {
        Answer::Page { html, complete } => html_response(lang, html, complete),
        Answer::Original(url) => redirect_to(&url),
    })
}

fn redirect_to(url: &Url) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(url.as_str()) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn html_response(lang: Lang, html: Bytes, complete: bool) -> Response {
    let mut response = html.into_response();
    let h: &mut HeaderMap = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    if complete {
        PROXY_CACHE.apply(h);
    } else {
        CachePolicy::NoStore.apply(h);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PROXY_CSP),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_url_keeps_the_query_and_restores_squeezed_schemes() {
        assert_eq!(
            target_url("https://www.mhlw.go.jp/a.html", Some("x=1&y=2"), |_| false),
            "https://www.mhlw.go.jp/a.html?x=1&y=2"
        );
        assert_eq!(
            target_url("https:/www.mhlw.go.jp/a.html", None, |_| false),
            "https://www.mhlw.go.jp/a.html"
        );
        assert_eq!(
            target_url(
                "https://www.mhlw.go.jp/a.html",
                Some("SLANG=ja&id=3&TLANG=en&XMODE=0"),
                |k| JSERVER_PARAMS.contains(&k)
            ),
            "https://www.mhlw.go.jp/a.html?id=3"
        );
        assert_eq!(
            target_url("https://www.mhlw.go.jp/", Some("SLANG=ja&TLANG=en"), |k| {
                JSERVER_PARAMS.contains(&k)
            }),
            "https://www.mhlw.go.jp/"
        );
    }

    #[test]
    fn jserver_language_codes() {
        let languages = Languages::defaults();
        let jserver_lang = |code| jserver_lang(&languages, code);
        assert_eq!(jserver_lang("en"), Some(Lang::En));
        assert_eq!(jserver_lang("zh"), Some(Lang::ZhHans));
        assert_eq!(jserver_lang("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(jserver_lang("zt"), Some(Lang::ZhHant));
        assert_eq!(jserver_lang("tw"), Some(Lang::ZhHant));
        assert_eq!(jserver_lang("ko"), Some(Lang::Ko));
        assert_eq!(jserver_lang("ja"), None);
        assert_eq!(jserver_lang("fr"), None);
        // Not served here: the new languages are configuration.
        assert_eq!(jserver_lang("vi"), None);
    }
}
