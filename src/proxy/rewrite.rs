//! The rewriting pass over a translated proxied page, with lol_html, which
//! streams and leaves every byte it is not asked to change alone: UTF-8
//! meta, `lang`, hreflang alternates, same-site links kept inside the proxy,
//! other resources made absolute, links to documents honyaku does not
//! translate (PDF, Office files, images) sent to the original and marked
//! as Japanese, the disclaimer and the language switcher injected after
//! `<body>`.

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use maud::html;
use url::Url;

use crate::document::is_untranslated_document;
use crate::fetch::Fetcher;
use crate::i18n::{Lang, Languages, Locales};

/// What the rewriting needs besides the page: the allowlist (a link stays
/// in the proxy only where the proxy may follow it), the strings of the
/// banner and where readers reach us.
pub struct Rewriter<'a> {
    pub fetcher: &'a Fetcher,
    pub locales: &'a Locales,
    pub languages: &'a Languages,
    pub base_url: &'a str,
    pub lang: Lang,
}

impl Rewriter<'_> {
    fn prefix(&self, lang: Lang) -> &str {
        self.languages.prefix(lang)
    }

    /// `lang="en"` for the banner when the chrome is not in the page's
    /// language (a language configured without a locale).
    fn chrome_lang(&self) -> &'static str {
        self.locales.chrome(self.lang).code()
    }
}

/// `{base}/proxy/{prefix}/{target}`: where readers find `target` in the
/// language whose URL prefix is `prefix`.
pub fn proxy_href(base: &str, prefix: &str, target: &str) -> String {
    format!("{base}/proxy/{prefix}/{target}")
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
        Some(format!("/proxy/{}/{}", r.prefix(r.lang), resolved.as_str()))
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
    let head_links = alternates(r, page);
    let japanese_only = html! {
        " "
        span.honyaku-japanese-only lang=(r.chrome_lang()) { (r.locales.t(lang, "link-japanese-only")) }
    }
    .into_string();
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
                    el.set_attribute("lang", r.languages.html_lang(lang))?;
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
                // A document honyaku does not translate goes to the
                // original (the proxy would only redirect there) and says
                // it is in Japanese.
                element!("a[href]", |el| {
                    let href = el.get_attribute("href").unwrap_or_default();
                    let media_type = el.get_attribute("type");
                    if !is_untranslated_document(&href, media_type.as_deref()) {
                        return stay("href")(el);
                    }
                    if let Some(new) = link_target(r, page, &href, false) {
                        el.set_attribute("href", &new)?;
                    }
                    el.set_attribute("hreflang", "ja")?;
                    el.append(&japanese_only, ContentType::Html);
                    Ok(())
                }),
                element!("area[href]", stay("href")),
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

/// `<link rel="alternate" hreflang>` for the original and every indexed
/// translation, none at all on a page in a language kept out of them.
fn alternates(r: &Rewriter<'_>, page: &Url) -> String {
    if r.languages.get(r.lang).is_some_and(|l| !l.in_hreflang()) {
        return String::new();
    }
    html! {
        @for language in r.languages.all().iter().filter(|l| l.in_hreflang()) {
            @if language.lang.is_source() {
                link rel="alternate" hreflang=(language.lang.code()) href=(page.as_str());
            } @else {
                link rel="alternate" hreflang=(language.lang.code())
                    href=(proxy_href(r.base_url, &language.prefix, page.as_str()));
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
    let chrome = r.locales.chrome(lang);
    let title = |other: Lang| {
        let id = format!("switcher-title-{}", other.code());
        r.locales.has_message(chrome, &id).then(|| t(&id))
    };
    html! {
        aside.honyaku-disclaimer role="note" lang=(r.chrome_lang()) {
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
        nav.honyaku-switcher aria-label=(t("switcher-label")) lang=(r.chrome_lang()) {
            ul {
                @for language in r.languages.all() {
                    @let other = language.lang;
                    li {
                        @if other.is_source() {
                            a href=(page.as_str()) hreflang=(language.html_lang) lang=(language.html_lang)
                                title=[title(other)] { (language.endonym) }
                        } @else {
                            a href=(format!("/proxy/{}/{}", language.prefix, page.as_str())) hreflang=(language.html_lang) lang=(language.html_lang)
                                title=[title(other)]
                                aria-current=[(other == lang).then_some("true")] { (language.endonym) }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}
