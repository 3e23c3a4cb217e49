//! The URL proxy: `GET /proxy/{lang}/{url}` and the J-SERVER alias
//! `GET /{prefix}/ns/tl.cgi/{url}?SLANG=ja&TLANG=en` that the ministry's
//! pages link to today.
//!
//! An allowlisted page is fetched (see [`crate::fetch`]), its charset
//! decoded whatever the `<meta>` claims, translated on the same pipeline as
//! the API, and rewritten with lol_html, which streams and leaves every byte
//! it is not asked to change alone: UTF-8 meta, `lang`, hreflang alternates,
//! same-site links kept inside the proxy, other resources made absolute, the
//! disclaimer and the language switcher injected after `<body>`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use maud::html;
use url::Url;

use crate::app::App;
use crate::fetch::{FetchError, Fetched, Validators};
use crate::http::HttpError;
use crate::i18n::Lang;

/// Query parameters of the J-SERVER form that belong to J-SERVER, not to
/// the page: they are dropped from the target URL.
const JSERVER_PARAMS: [&str; 7] = [
    "SLANG", "TLANG", "XMODE", "XCHARSET", "XJSID", "XPARAM", "XPORG",
];

/// Proxied pages live on our origin but come from elsewhere: their scripts
/// must not run with our origin's rights, so none run at all; images, styles
/// and fonts load from anywhere (they were made absolute to the origin).
const PROXY_CSP: &str = "default-src 'none'; img-src * data:; style-src * 'unsafe-inline'; font-src * data:; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Idle proxied pages are forgotten after this long; the origin's
/// validators are only worth keeping while readers come back.
const IDLE: std::time::Duration = std::time::Duration::from_secs(3600);

/// One proxied page as rendered for one language, with what the origin
/// said about the version it was rendered from.
#[derive(Debug)]
pub struct Proxied {
    pub validators: Validators,
    pub html: Bytes,
    /// The store generation the page was translated under: after an
    /// override or glossary change the origin's 304 must not bring the old
    /// translation back, so the page is fetched and translated again.
    pub generation: i64,
}

/// The cache of proxied pages, weighed by size, within `max_bytes`.
pub fn cache(max_bytes: u64) -> moka::future::Cache<(Lang, String), Arc<Proxied>> {
    moka::future::Cache::builder()
        .weigher(|key: &(Lang, String), page: &Arc<Proxied>| {
            u32::try_from(page.html.len() + key.1.len() + 256).unwrap_or(u32::MAX)
        })
        .max_capacity(max_bytes)
        .time_to_idle(IDLE)
        .build()
}

/// `GET /proxy/{lang}/{*url}`. The URL is taken from the raw request path
/// (not the decoded wildcard) so percent-escapes in the target survive, and
/// the request's query string is the target's.
pub async fn proxy(State(app): State<Arc<App>>, uri: Uri) -> Result<Response, HttpError> {
    let path = uri.path().strip_prefix("/proxy/").unwrap_or_default();
    let (code, raw) = path.split_once('/').unwrap_or((path, ""));
    let lang = Lang::from_code(code)
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
        if Lang::from_tag(&source) != Some(Lang::SOURCE) {
            return Err(HttpError::UnsupportedLanguage {
                code: source.chars().take(32).collect(),
            });
        }
    }
    let tlang = param("TLANG").unwrap_or_else(|| "en".into());
    let lang = jserver_lang(&tlang).ok_or_else(|| HttpError::UnsupportedLanguage {
        code: tlang.chars().take(32).collect(),
    })?;
    let target = target_url(raw, uri.query(), |k| JSERVER_PARAMS.contains(&k));
    let mut response = serve(&app, lang, &target).await?;
    if let Ok(value) = HeaderValue::from_str(&format!(
        "<{}>; rel=\"canonical\"",
        proxy_href(&app.base_url, lang, &target)
    )) {
        response.headers_mut().insert(header::LINK, value);
    }
    Ok(response)
}

/// J-SERVER's TLANG codes: BCP 47 tags as [`Lang::from_tag`] reads them
/// (zh → Simplified, zh-TW → Traditional), plus J-SERVER's own `zt`.
fn jserver_lang(code: &str) -> Option<Lang> {
    if code.eq_ignore_ascii_case("zt") {
        return Some(Lang::ZhHant);
    }
    Lang::from_tag(code).filter(|l| !l.is_source())
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

fn proxy_href(base: &str, lang: Lang, target: &str) -> String {
    format!("{base}/proxy/{}/{target}", lang.code())
}

/// Checks, fetches (conditionally when we have a rendering), translates,
/// rewrites and answers.
async fn serve(app: &App, lang: Lang, raw: &str) -> Result<Response, HttpError> {
    // Refused before anything leaves: a bad URL is the reader's mistake, not
    // the origin's, and an address we may not reach must never see a packet.
    let url = app.fetcher.parse_and_check(raw).map_err(|e| match e {
        FetchError::InvalidUrl { .. } | FetchError::NotAllowed { .. } => HttpError::ProxyNotAllowed,
        other => upstream(other),
    })?;
    let key = (lang, url.as_str().to_owned());
    let generation = app.generation().await;
    let cached = app
        .proxied
        .get(&key)
        .await
        .filter(|c| c.generation == generation);
    let fetched = app
        .fetcher
        .fetch(&url, cached.as_ref().map(|c| &c.validators))
        .await
        .map_err(upstream)?;
    let page = match (fetched, cached) {
        (Fetched::NotModified, Some(cached)) => {
            return Ok(html_response(lang, cached.html.clone(), true));
        }
        (Fetched::NotModified, None) => return Err(HttpError::UpstreamFailed),
        (Fetched::Page(page), _) => page,
    };
    if page.status == StatusCode::NOT_FOUND || page.status == StatusCode::GONE {
        return Err(HttpError::NotFound);
    }
    if !page.status.is_success() {
        tracing::warn!(
            status = page.status.as_u16(),
            origin = %url.origin().ascii_serialization(),
            "proxy: the origin answered with an error"
        );
        return Err(HttpError::UpstreamFailed);
    }
    if !page.is_html {
        // Non-HTML (PDF, images…) is not translated: the reader is sent to
        // the original, which is cheaper than streaming it through us and
        // keeps us from serving arbitrary bytes from our own origin.
        return Ok(redirect_to(&page.final_url));
    }
    let (source, _) = page.decode();
    let (translated, complete) = crate::document::translate_html(&app.pipeline, &source, lang)
        .await
        .map_err(|e| HttpError::Internal(e.to_string()))?;
    let html = rewrite(app, lang, &page.final_url, &translated)?;
    let html = Bytes::from(html);
    let validators = page.validators();
    if complete && !validators.is_empty() {
        app.proxied
            .insert(
                key,
                Arc::new(Proxied {
                    validators,
                    html: html.clone(),
                    generation,
                }),
            )
            .await;
    } else {
        // A stale or partial rendering must not answer a later 304.
        app.proxied.invalidate(&key).await;
    }
    Ok(html_response(lang, html, complete))
}

pub(crate) fn upstream(error: FetchError) -> HttpError {
    match error {
        FetchError::NotAllowed { .. } | FetchError::ForbiddenAddress { .. } => {
            HttpError::ProxyNotAllowed
        }
        FetchError::Timeout => HttpError::UpstreamTimeout,
        other => {
            tracing::warn!(code = other.code(), error = %other, "proxy: fetch failed");
            HttpError::UpstreamFailed
        }
    }
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
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if complete {
            "public, max-age=60"
        } else {
            "no-store"
        }),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PROXY_CSP),
    );
    response
}

/// Where a link of the page should point: into the proxy (same language)
/// when it resolves to an allowlisted origin, else absolute. Pure fragments
/// stay as they are (they point into this document), as do `javascript:`,
/// `mailto:` and other non-HTTP links, which have nothing to resolve.
fn link_target(app: &App, lang: Lang, base: &Url, value: &str, stay: bool) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.starts_with('#') {
        return None;
    }
    let resolved = base.join(trimmed).ok()?;
    if !matches!(resolved.scheme(), "http" | "https") {
        return None;
    }
    if stay && app.fetcher.check(&resolved).is_ok() {
        Some(format!("/proxy/{}/{}", lang.code(), resolved.as_str()))
    } else {
        Some(resolved.as_str().to_owned())
    }
}

/// The one charset declaration a proxied page carries: we always send UTF-8.
const META_UTF8: &str = "<meta charset=\"utf-8\">";

/// The rewriting pass over the translated document.
fn rewrite(app: &App, lang: Lang, page: &Url, html: &str) -> Result<String, HttpError> {
    let banner = banner(app, lang, page);
    let head_links = alternates(app, page);
    let head_seen = std::cell::Cell::new(false);
    let stay = |attr: &'static str| {
        move |el: &mut lol_html::html_content::Element<'_, '_>| {
            if let Some(value) = el.get_attribute(attr) {
                if let Some(new) = link_target(app, lang, page, &value, true) {
                    el.set_attribute(attr, &new)?;
                }
            }
            Ok(())
        }
    };
    let absolute = |attr: &'static str| {
        move |el: &mut lol_html::html_content::Element<'_, '_>| {
            if let Some(value) = el.get_attribute(attr) {
                if let Some(new) = link_target(app, lang, page, &value, false) {
                    el.set_attribute(attr, &new)?;
                }
            }
            Ok(())
        }
    };
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("html", |el| {
                    el.set_attribute("lang", lang.code())?;
                    Ok(())
                }),
                element!("head", |el| {
                    head_seen.set(true);
                    el.prepend(META_UTF8, ContentType::Html);
                    el.append(&head_links, ContentType::Html);
                    Ok(())
                }),
                element!("meta[charset]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("meta[http-equiv]", |el| {
                    if el
                        .get_attribute("http-equiv")
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"))
                    {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("base", |el| {
                    // Every URL is absolute now; a <base> would redirect the
                    // proxy's own links.
                    el.remove();
                    Ok(())
                }),
                element!("body", |el| {
                    if !head_seen.get() {
                        // No <head> tag: what it would have held goes before
                        // <body>, where the parser puts it in the implied head.
                        el.before(META_UTF8, ContentType::Html);
                        el.before(&head_links, ContentType::Html);
                    }
                    el.prepend(&banner, ContentType::Html);
                    Ok(())
                }),
                element!("a[href], area[href]", stay("href")),
                element!("form[action]", stay("action")),
                element!("link[href]", absolute("href")),
                element!("[src]", absolute("src")),
                element!("[background]", absolute("background")),
                element!("[poster]", absolute("poster")),
                element!("object[data]", absolute("data")),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| HttpError::Internal(format!("proxy rewrite: {e}")))
}

/// `<link rel="alternate" hreflang>` for the original and every translation.
fn alternates(app: &App, page: &Url) -> String {
    html! {
        @for lang in Lang::ALL {
            @if lang.is_source() {
                link rel="alternate" hreflang=(lang.code()) href=(page.as_str());
            } @else {
                link rel="alternate" hreflang=(lang.code()) href=(proxy_href(&app.base_url, lang, page.as_str()));
            }
        }
    }
    .into_string()
}

/// The disclaimer (with a link to the original) and the language switcher,
/// in the target language, marked so the page's own styles and scripts can
/// tell them apart.
fn banner(app: &App, lang: Lang, page: &Url) -> String {
    let t = |id: &str| app.locales.t(lang, id);
    html! {
        aside.honyaku-disclaimer role="note" lang=(lang.code()) {
            h2 { (t("disclaimer-heading")) }
            p { (t("disclaimer-intro")) }
            ul {
                li { (t("disclaimer-text-only")) }
                li { (t("disclaimer-accuracy")) }
                li { (t("disclaimer-speed")) }
            }
            p {
                strong { (t("disclaimer-authoritative")) }
                " "
                a href=(page.as_str()) hreflang="ja" { (t("disclaimer-original-link")) }
            }
        }
        nav.honyaku-switcher aria-label=(t("switcher-label")) lang=(lang.code()) {
            ul {
                @for other in Lang::ALL {
                    li {
                        @if other.is_source() {
                            a href=(page.as_str()) hreflang=(other.code()) lang=(other.code())
                                title=(t(&format!("switcher-title-{}", other.code()))) { (other.endonym()) }
                        } @else if other == lang {
                            a href=(format!("/proxy/{}/{}", other.code(), page.as_str())) hreflang=(other.code()) lang=(other.code())
                                title=(t(&format!("switcher-title-{}", other.code())))
                                aria-current="true" { (other.endonym()) }
                        } @else {
                            a href=(format!("/proxy/{}/{}", other.code(), page.as_str())) hreflang=(other.code()) lang=(other.code())
                                title=(t(&format!("switcher-title-{}", other.code()))) { (other.endonym()) }
                        }
                    }
                }
            }
        }
    }
    .into_string()
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
        assert_eq!(jserver_lang("en"), Some(Lang::En));
        assert_eq!(jserver_lang("zh"), Some(Lang::ZhHans));
        assert_eq!(jserver_lang("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(jserver_lang("zt"), Some(Lang::ZhHant));
        assert_eq!(jserver_lang("ko"), Some(Lang::Ko));
        assert_eq!(jserver_lang("ja"), None);
        assert_eq!(jserver_lang("fr"), None);
    }
}
