//! HTML for every page honyaku serves: one layout (header with the 言語切替
//! switcher, breadcrumb, main, footer) and the bodies that go in it. Markup is
//! built with maud, which escapes every interpolated string; the only raw HTML
//! is the announcement content, which ships with the binary or the operator's
//! content directory.

use fluent_bundle::FluentArgs;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::content::{Announcement, Content, YearMonth};
use crate::i18n::{Lang, Locales};

/// Version of the stylesheet, so its URL can be cached forever.
pub fn stylesheet_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(STYLESHEET.as_bytes());
        format!(
            "/assets/site.css?v={}",
            hex::encode(digest.get(..6).unwrap_or_default())
        )
    })
}

pub const STYLESHEET: &str = include_str!("assets/site.css");

/// Everything a page needs to know about where it is.
pub struct PageContext<'a> {
    pub locales: &'a Locales,
    pub lang: Lang,
    /// Absolute base URL without a trailing slash, for canonical and hreflang.
    pub base_url: &'a str,
    /// The path after the language prefix, without a leading slash ("" for
    /// the home page), or None for pages that exist in no language (errors).
    pub path: Option<&'a str>,
}

impl PageContext<'_> {
    fn t(&self, id: &str) -> String {
        self.locales.t(self.lang, id)
    }

    fn t_args(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.locales.t_args(self.lang, id, args)
    }

    fn url_for(&self, lang: Lang, path: &str) -> String {
        format!("{}/{}/{}", self.base_url, lang.code(), path)
    }
}

/// The path of the language switch for `lang`: it sets the cookie and sends
/// the reader to the same page in that language.
/// Paths are slugs (see `content::is_valid_slug`), which need no escaping in
/// a query string.
pub fn switch_href(lang: Lang, path: &str) -> String {
    format!("/set-language/{}?next=/{path}", lang.code())
}

fn year_month_args(ym: YearMonth) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    // Numbers, not strings: the English message selects the month's name.
    args.set("year", ym.year);
    args.set("month", ym.month);
    args
}

fn layout(
    ctx: &PageContext<'_>,
    title: &str,
    description: Option<&str>,
    crumbs: Markup,
    main: Markup,
) -> Markup {
    let site_name = ctx.t("site-name");
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " | " (site_name) }
                @if let Some(description) = description {
                    meta name="description" content=(description);
                }
                @if let Some(path) = ctx.path {
                    link rel="canonical" href=(ctx.url_for(ctx.lang, path));
                    @for lang in Lang::ALL {
                        link rel="alternate" hreflang=(lang.code()) href=(ctx.url_for(lang, path));
                    }
                    link rel="alternate" hreflang="x-default" href=(ctx.url_for(Lang::SOURCE, path));
                }
                link rel="stylesheet" href=(stylesheet_path());
            }
            body {
                a.skip-link href="#main" { (ctx.t("skip-to-content")) }
                header.site-header {
                    div.brand {
                        a href=(format!("/{}/", ctx.lang.code())) { (site_name) }
                        span.section { (ctx.t("site-section")) }
                    }
                    (switcher(ctx))
                }
                (crumbs)
                main #main tabindex="-1" { (main) }
                footer.site-footer {
                    p { (ctx.t("footer-service")) }
                    p { (ctx.t("footer-original-note")) }
                }
            }
        }
    }
}

fn switcher(ctx: &PageContext<'_>) -> Markup {
    let path = ctx.path.unwrap_or("");
    html! {
        nav.switcher aria-labelledby="switcher-label" {
            h2 #switcher-label { (ctx.t("switcher-label")) }
            ul {
                @for lang in Lang::ALL {
                    li {
                        @if lang == ctx.lang {
                            a href=(switch_href(lang, path)) hreflang=(lang.code()) lang=(lang.code())
                                title=(ctx.t(&format!("switcher-title-{}", lang.code())))
                                aria-current="true" { (lang.endonym()) }
                        } @else {
                            a href=(switch_href(lang, path)) hreflang=(lang.code()) lang=(lang.code())
                                title=(ctx.t(&format!("switcher-title-{}", lang.code()))) { (lang.endonym()) }
                        }
                    }
                }
            }
        }
    }
}

fn breadcrumb(ctx: &PageContext<'_>, trail: &[String], current: &str) -> Markup {
    html! {
        nav.breadcrumb aria-label=(ctx.t("breadcrumb-label")) {
            ol {
                li { a href=(format!("/{}/", ctx.lang.code())) { (ctx.t("breadcrumb-home")) } }
                @for item in trail {
                    li { (item) }
                }
                li aria-current="page" { (current) }
            }
        }
    }
}

/// The page of one announcement in `ctx.lang`: the Japanese original, its
/// bundled translation under the disclaimer, or (with no translation yet) the
/// original under a notice, so a translated URL never shows an empty page.
pub fn announcement_page(ctx: &PageContext<'_>, page: &Announcement) -> String {
    let lang = ctx.lang;
    let translated = !lang.is_source() && page.has_bundled(lang);
    let shown = if translated { lang } else { Lang::SOURCE };
    let part =
        |l: &crate::content::Localized| l.get(shown).unwrap_or_else(|| l.source()).to_owned();
    let title = part(&page.title);
    let summary = part(&page.summary);
    let bureau = part(&page.bureau);
    let body = part(&page.body);
    let contact = part(&page.contact);
    let date_args = year_month_args(page.published);
    let mut bureau_args = FluentArgs::new();
    bureau_args.set("bureau", bureau.clone());
    let original_href = format!("/{}/{}", Lang::SOURCE.code(), page.slug);
    // With no translation the content stays Japanese inside a page whose
    // chrome is in the reader's language; mark it so screen readers switch.
    let content_lang = (!translated && !lang.is_source()).then_some(Lang::SOURCE.code());
    let provenance = if lang.is_source() {
        "original"
    } else if translated {
        "bundled"
    } else {
        "untranslated"
    };

    let trail = vec![
        ctx.t("breadcrumb-press"),
        ctx.t("breadcrumb-press-releases"),
        ctx.t_args("date-year-month", &date_args),
    ];
    let main = html! {
        @if translated {
            aside.disclaimer role="note" aria-labelledby="disclaimer-heading" {
                h2 #disclaimer-heading { (ctx.t("disclaimer-heading")) }
                p { (ctx.t("disclaimer-intro")) }
                ol {
                    li { (ctx.t("disclaimer-text-only")) }
                    li { (ctx.t("disclaimer-accuracy")) }
                    li { (ctx.t("disclaimer-speed")) }
                }
                p.authoritative {
                    strong { (ctx.t("disclaimer-authoritative")) }
                    " "
                    a href=(original_href) hreflang="ja" { (ctx.t("disclaimer-original-link")) }
                }
            }
        } @else if !lang.is_source() {
            aside.notice role="note" aria-labelledby="notice-heading" {
                h2 #notice-heading { (ctx.t("notice-translation-pending-heading")) }
                p { (ctx.t("notice-translation-pending")) }
            }
        }
        article.announcement lang=[content_lang] data-provenance=(provenance) {
            h1 { (title) }
            p.meta {
                span { (ctx.t_args("page-published", &date_args)) }
                " "
                span { (ctx.t_args("page-bureau", &bureau_args)) }
            }
            (PreEscaped(body))
        }
        aside.contact lang=[content_lang] aria-labelledby="contact-heading" {
            h2 #contact-heading lang=(lang.code()) { (ctx.t("contact-heading")) }
            (PreEscaped(contact))
        }
    };
    let crumbs = breadcrumb(ctx, &trail, &title);
    layout(ctx, &title, Some(&summary), crumbs, main).into_string()
}

/// The home page of a language: the list of announcements.
pub fn index_page(ctx: &PageContext<'_>, content: &Content) -> String {
    let lang = ctx.lang;
    let title = ctx.t("index-title");
    let main = html! {
        h1 { (title) }
        p { (ctx.t("index-intro")) }
        ul.announcements {
            @for page in content.announcements() {
                @let translated = page.has_bundled(lang);
                @let shown = if translated { lang } else { Lang::SOURCE };
                li {
                    a href=(format!("/{}/{}", lang.code(), page.slug))
                        lang=[(!translated).then_some(Lang::SOURCE.code())] {
                        (page.title.get(shown).unwrap_or_else(|| page.title.source()))
                    }
                    " "
                    span.date { (ctx.t_args("date-year-month", &year_month_args(page.published))) }
                }
            }
        }
    };
    let crumbs = html! {
        nav.breadcrumb aria-label=(ctx.t("breadcrumb-label")) {
            ol { li aria-current="page" { (ctx.t("breadcrumb-home")) } }
        }
    };
    let description = ctx.t("index-intro");
    layout(ctx, &title, Some(&description), crumbs, main).into_string()
}

/// An error page in the reader's language.
pub fn error_page(ctx: &PageContext<'_>, title: &str, message: &str) -> String {
    let main = html! {
        h1 { (title) }
        p { (message) }
        p { a href=(format!("/{}/", ctx.lang.code())) { (ctx.t("error-back-home")) } }
    };
    let crumbs = html! {};
    layout(ctx, title, None, crumbs, main).into_string()
}
