//! The rewriting pass over a translated proxied page, with lol_html, which
//! streams and leaves every byte it is not asked to change alone: UTF-8
//! meta, `lang`, hreflang alternates, same-site links kept inside the proxy,
//! other resources made absolute, the disclaimer and the language switcher
//! injected after `<body>`.

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use maud::html;
use url::Url;

use crate::fetch::Fetcher;
use crate::i18n::{Lang, Locales};

/// What the rewriting needs besides the page: the allowlist (a link stays
/// in the proxy only where the proxy may follow it), the strings of the
/// banner and where readers reach us.
pub struct Rewriter<'a> {
    pub fetcher: &'a Fetcher,
    pub locales: &'a Locales,
    pub base_url: &'a str,
    pub lang: Lang,
}

/// `{base}/proxy/{lang}/{target}`: where readers find `target` in `lang`.
pub fn proxy_href(base: &str, lang: Lang, target: &str) -> String {
    format!("{base}/proxy/{}/{target}", lang.code())
}

/// Where a link of the page should point: into the proxy (same language)
/// when it resolves to an allowlisted origin, else absolute. Pure fragments
/// stay as they are (they point into this document), as do `javascript:`,
/// `mailto:` and other non-HTTP links, which have nothing to resolve.
fn link_target(r: &Rewriter<'_>, base: &Url, value: &str, stay: bool) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.starts_with('#') {
        return None;
    }
    let resolved = base.join(trimmed).ok()?;
    if !matches!(resolved.scheme(), "http" | "https") {
        return None;
    }
    if stay && r.fetcher.check(&resolved).is_ok() {
        Some(format!("/proxy/{}/{}", r.lang.code(), resolved.as_str()))
    } else {
        Some(resolved.as_str().to_owned())
    }
}

/// The one charset declaration a proxied page carries: we always send UTF-8.
const META_UTF8: &str = "<meta charset=\"utf-8\">";

/// The rewriting pass over the translated document `html` of `page`.
pub fn rewrite(
    r: &Rewriter<'_>,
    page: &Url,
    html: &str,
) -> Result<String, lol_html::errors::RewritingError> {
    let lang = r.lang;
    let banner = banner(r, page);
    let head_links = alternates(r.base_url, page);
    let head_seen = std::cell::Cell::new(false);
    let stay = |attr: &'static str| {
        move |el: &mut lol_html::html_content::Element<'_, '_>| {
            if let Some(value) = el.get_attribute(attr) {
                if let Some(new) = link_target(r, page, &value, true) {
                    el.set_attribute(attr, &new)?;
                }
            }
            Ok(())
        }
    };
    let absolute = |attr: &'static str| {
        move |el: &mut lol_html::html_content::Element<'_, '_>| {
            if let Some(value) = el.get_attribute(attr) {
                if let Some(new) = link_target(r, page, &value, false) {
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
}

/// `<link rel="alternate" hreflang>` for the original and every translation.
fn alternates(base_url: &str, page: &Url) -> String {
    html! {
        @for lang in Lang::ALL {
            @if lang.is_source() {
                link rel="alternate" hreflang=(lang.code()) href=(page.as_str());
            } @else {
                link rel="alternate" hreflang=(lang.code()) href=(proxy_href(base_url, lang, page.as_str()));
            }
        }
    }
    .into_string()
}

/// The disclaimer (with a link to the original) and the language switcher,
/// in the target language, marked so the page's own styles and scripts can
/// tell them apart.
fn banner(r: &Rewriter<'_>, page: &Url) -> String {
    let lang = r.lang;
    let t = |id: &str| r.locales.t(lang, id);
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
