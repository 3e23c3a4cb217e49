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
    // Every translated passage offers a way to report a problem with it.
    let (body_html, contact_html) = if translated {
        let label = ctx.t("report-link");
        (
            with_report_links(&view.body_html, lang, &page.slug, &label),
            with_report_links(&view.contact_html, lang, &page.slug, &label),
        )
    } else {
        (view.body_html.clone(), view.contact_html.clone())
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
            (PreEscaped(&body_html))
        }
        aside.contact lang=[content_lang] aria-labelledby="contact-heading" {
            h2 #contact-heading lang=(lang.code()) { (ctx.t("contact-heading")) }
            (PreEscaped(&contact_html))
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

/// The report form of one unit, for the links added by [`with_report_links`].
pub fn report_href(lang: Lang, slug: &str, unit_key: &str) -> String {
    // Slugs and unit keys need no escaping in a query string.
    format!(
        "/feedback/{}?page={slug}&unit={}",
        lang.code(),
        crate::pages::unit_ref(unit_key)
    )
}

/// The translated passage a report is about, on the page it came from.
pub fn passage_href(lang: Lang, slug: &str, unit_key: &str) -> String {
    format!(
        "/{}/{slug}#{}",
        lang.code(),
        crate::pages::unit_anchor(unit_key)
    )
}

/// Elements a link must not be put inside (HTML forbids interactive content
/// in them).
const INTERACTIVE: &str = "a, button, label, select, textarea, summary";

/// Puts a short "report a translation problem" link right after every
/// translated text unit of a fragment: the units `pages::fill_fragment`
/// wrapped with an anchor id. Done here, once per rendering of a page that
/// is then cached, so the link is plain HTML and works without JavaScript.
/// A unit inside a link or another interactive element gets none (a link
/// there would be invalid), and should rewriting fail the fragment is kept
/// as it was: readers lose the links, not the page.
fn with_report_links(html: &str, lang: Lang, slug: &str, label: &str) -> String {
    use lol_html::html_content::{ContentType, Element};
    use lol_html::{RewriteStrSettings, element, end_tag, rewrite_str};
    use std::cell::Cell;
    use std::rc::Rc;

    let inside_interactive = Rc::new(Cell::new(0usize));
    let depth = inside_interactive.clone();
    let result = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!(INTERACTIVE, move |el: &mut Element| {
                    if el.can_have_content() {
                        depth.set(depth.get() + 1);
                        let depth = depth.clone();
                        el.on_end_tag(end_tag!(move |_end| {
                            depth.set(depth.get().saturating_sub(1));
                            Ok(())
                        }))?;
                    }
                    Ok(())
                }),
                element!("span[data-ja][id]", |el: &mut Element| {
                    if inside_interactive.get() > 0 {
                        return Ok(());
                    }
                    // `u-REF`, or `u-REF-2` for a sentence seen before.
                    let key = el.get_attribute("id").and_then(|id| {
                        id.strip_prefix(crate::pages::UNIT_ANCHOR_PREFIX)
                            .and_then(|rest| rest.split('-').next())
                            .filter(|reference| crate::pages::is_unit_ref(reference))
                            .map(str::to_owned)
                    });
                    if let Some(key) = key {
                        let link = html! {
                            " " a.report-link href=(report_href(lang, slug, &key)) { (label) }
                        };
                        el.after(&link.into_string(), ContentType::Html);
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    );
    match result {
        Ok(rewritten) => rewritten,
        Err(error) => {
            tracing::error!(%error, slug, "cannot add report links; serving the page without them");
            html.to_owned()
        }
    }
}

/// What the report form shows about the passage and what the reader typed.
#[derive(Debug, Clone)]
pub struct ReportFormView<'a> {
    pub slug: &'a str,
    pub unit_key: &'a str,
    /// The Japanese of the passage, plain text.
    pub original: &'a str,
    /// The translation readers are shown now, plain text (none when it
    /// cannot be had right now).
    pub translation: Option<&'a str>,
    /// What the reader typed, kept when the form comes back with an error.
    pub message: &'a str,
    /// Why the last submission was refused, in the reader's language.
    pub error: Option<&'a str>,
}

/// The form for reporting a problem with one translated passage. A plain
/// HTML form: it works without JavaScript, which the CSP would not run
/// inline anyway.
pub fn report_form_page(ctx: &PageContext<'_>, view: &ReportFormView<'_>) -> String {
    let lang = ctx.lang;
    let title = ctx.t("report-link");
    let max = crate::model::REPORT_MESSAGE_MAX_CHARS;
    let mut max_args = FluentArgs::new();
    max_args.set("max", max);
    let error_id = view.error.map(|_| "report-error");
    let main = html! {
        h1 { (title) }
        p { (ctx.t("report-intro")) }
        @if let Some(error) = view.error {
            p.form-error #report-error role="alert" { (error) }
        }
        dl.report-passage {
            dt { (ctx.t("report-original-label")) }
            dd lang=(Lang::SOURCE.code()) { (view.original) }
            @if let Some(translation) = view.translation {
                dt { (ctx.t("report-translation-label")) }
                dd { (translation) }
            }
        }
        form.report-form method="post" action=(format!("/feedback/{}", lang.code())) {
            input type="hidden" name="page" value=(view.slug);
            input type="hidden" name="unit" value=(view.unit_key);
            label for="report-message" { (ctx.t_args("report-message-label", &max_args)) }
            textarea #report-message name="message" rows="6" maxlength=(max) required
                aria-describedby=[error_id] aria-invalid=[error_id.map(|_| "true")] { (view.message) }
            // A field people never see: whatever fills it is a bot.
            div.hp {
                label for="report-website" { (ctx.t("report-honeypot-label")) }
                input #report-website type="text" name="website" tabindex="-1" autocomplete="off";
            }
            p.privacy { (ctx.t("report-privacy")) }
            button type="submit" { (ctx.t("report-submit")) }
        }
        p { a href=(passage_href(lang, view.slug, view.unit_key)) { (ctx.t("report-back")) } }
    };
    let crumbs = breadcrumb(ctx, &[], &title);
    layout(ctx, &title, None, crumbs, main, false).into_string()
}

/// The answer to a report: thanks, what the reader wrote (escaped like
/// everything else), and the way back to the passage.
pub fn report_thanks_page(
    ctx: &PageContext<'_>,
    slug: &str,
    unit_key: &str,
    message: &str,
) -> String {
    let title = ctx.t("report-thanks-title");
    let main = html! {
        h1 { (title) }
        p { (ctx.t("report-thanks-body")) }
        h2 { (ctx.t("report-thanks-your-message")) }
        blockquote.report-message { (message) }
        p { a href=(passage_href(ctx.lang, slug, unit_key)) { (ctx.t("report-back")) } }
    };
    let crumbs = breadcrumb(ctx, &[], &title);
    layout(ctx, &title, None, crumbs, main, false).into_string()
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn report_links_follow_passages_but_never_nest_in_interactive_elements() {
        let html = concat!(
            r#"<p><span id="u-0123456789abcdef" data-origin="machine" data-ja="一">One</span></p>"#,
            r#"<a href="/x"><div><span id="u-1111111111111111" data-ja="二">Two</span></div></a>"#,
            r#"<p><span id="u-0123456789abcdef-2" data-ja="一">One</span></p>"#,
            r#"<p><span data-ja="三">no id</span><span lang="ja" data-origin="source">四</span></p>"#,
            r#"<p><span id="u-&quot;&gt;" data-ja="五">bad id</span></p>"#,
        );
        let out = with_report_links(html, Lang::Ko, "houdou/x", "신고 <&>");
        let link = r#" <a class="report-link" href="/feedback/ko?page=houdou/x&amp;unit=0123456789abcdef">신고 &lt;&amp;&gt;</a>"#;
        assert_eq!(
            out,
            concat!(
                r#"<p><span id="u-0123456789abcdef" data-origin="machine" data-ja="一">One</span>LINK</p>"#,
                r#"<a href="/x"><div><span id="u-1111111111111111" data-ja="二">Two</span></div></a>"#,
                r#"<p><span id="u-0123456789abcdef-2" data-ja="一">One</span>LINK</p>"#,
                r#"<p><span data-ja="三">no id</span><span lang="ja" data-origin="source">四</span></p>"#,
                r#"<p><span id="u-&quot;&gt;" data-ja="五">bad id</span></p>"#,
            )
            .replace("LINK", link)
        );
    }
}
