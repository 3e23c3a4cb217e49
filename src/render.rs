//! HTML for every page honyaku serves: one layout (header with the 言語切替
//! switcher, breadcrumb, main, footer) and the bodies that go in it. Markup is
//! built with maud, which escapes every interpolated string; the only raw HTML
//! is the announcement content, which ships with the binary or the operator's
//! content directory.

use fluent_bundle::FluentArgs;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::content::{Announcement, Content, YearMonth};
use crate::i18n::{Lang, Locales};

pub mod editor;

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

/// The one script: lets a reader see the Japanese original of any
/// translated passage without reloading.
pub const SCRIPT: &str = include_str!("assets/original.js");

pub fn script_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        format!(
            "/assets/original.js?v={}",
            hex::encode(digest.get(..6).unwrap_or_default())
        )
    })
}

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
    scripted: bool,
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
                @if scripted {
                    script src=(script_path()) defer {}
                }
            }
            body data-show-original=(ctx.t("show-original")) data-hide-original=(ctx.t("hide-original")) {
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

/// How an announcement page relates to the Japanese original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    /// The Japanese original itself.
    Original,
    /// A translation; `partial` when some units are still Japanese.
    Translated { partial: bool },
    /// Nothing could be translated yet: the original under the reader's chrome.
    Untranslated,
}

/// The parts of an announcement as they will be shown. Texts are plain
/// (escaped here); the two HTML fragments come from our content, translated
/// through the segmenter, which escapes every translated text.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub title: String,
    pub summary: String,
    pub bureau: String,
    pub body_html: String,
    pub contact_html: String,
    pub presentation: Presentation,
}

/// The page of one announcement in `ctx.lang`, with the disclaimer on a
/// translation and a notice where the Japanese still shows through, so a
/// translated URL never shows an empty page.
pub fn announcement_page(ctx: &PageContext<'_>, page: &Announcement, view: &ArticleView) -> String {
    let lang = ctx.lang;
    let date_args = year_month_args(page.published);
    let mut bureau_args = FluentArgs::new();
    bureau_args.set("bureau", view.bureau.clone());
    let original_href = format!("/{}/{}", Lang::SOURCE.code(), page.slug);
    // With nothing translated the content stays Japanese inside a page whose
    // chrome is in the reader's language; mark it so screen readers switch.
    let untranslated = view.presentation == Presentation::Untranslated;
    let content_lang = untranslated.then_some(Lang::SOURCE.code());
    let trail = vec![
        ctx.t("breadcrumb-press"),
        ctx.t("breadcrumb-press-releases"),
        ctx.t_args("date-year-month", &date_args),
    ];
    let (translated, partial) = match view.presentation {
        Presentation::Translated { partial } => (true, partial),
        _ => (false, false),
    };
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
                @if partial {
                    p.partial { (ctx.t("notice-partial-translation")) }
                }
            }
        } @else if untranslated {
            aside.notice role="note" aria-labelledby="notice-heading" {
                h2 #notice-heading { (ctx.t("notice-translation-pending-heading")) }
                p { (ctx.t("notice-translation-pending")) }
            }
        }
        article.announcement lang=[content_lang] {
            h1 { (view.title) }
            p.meta {
                span { (ctx.t_args("page-published", &date_args)) }
                " "
                span { (ctx.t_args("page-bureau", &bureau_args)) }
            }
            (PreEscaped(&view.body_html))
        }
        aside.contact lang=[content_lang] aria-labelledby="contact-heading" {
            h2 #contact-heading lang=(lang.code()) { (ctx.t("contact-heading")) }
            (PreEscaped(&view.contact_html))
        }
    };
    let crumbs = breadcrumb(ctx, &trail, &view.title);
    layout(
        ctx,
        &view.title,
        Some(&view.summary),
        crumbs,
        main,
        translated,
    )
    .into_string()
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
                @let translated = page.title.get(lang).is_some();
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
    layout(ctx, &title, Some(&description), crumbs, main, false).into_string()
}

/// An error page in the reader's language.
pub fn error_page(ctx: &PageContext<'_>, title: &str, message: &str) -> String {
    let main = html! {
        h1 { (title) }
        p { (message) }
        p { a href=(format!("/{}/", ctx.lang.code())) { (ctx.t("error-back-home")) } }
    };
    let crumbs = html! {};
    layout(ctx, title, None, crumbs, main, false).into_string()
}
