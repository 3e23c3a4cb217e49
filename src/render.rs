//! HTML for every page honyaku serves: one layout (header with the 言語切替
//! switcher, breadcrumb, main, footer) and the bodies that go in it. Markup is
//! built with maud, which escapes every interpolated string; the only raw HTML
//! is the announcement content, which ships with the binary or the operator's
//! content directory.

use fluent_bundle::FluentArgs;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::config::TextDirection;
use crate::content::{Announcement, Content, YearMonth};
use crate::i18n::{Lang, Languages, Locales};
use crate::pages::{ArticleView, Presentation};

pub mod editor;
mod fragment;

use fragment::{PassageLabels, finish_fragment};

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
    /// The languages this server serves (switcher, hreflang, prefixes).
    pub languages: &'a Languages,
    pub lang: Lang,
    /// Absolute base URL without a trailing slash, for canonical and hreflang.
    pub base_url: &'a str,
    /// The path after the language prefix, without a leading slash ("" for
    /// the home page), or None for pages that exist in no language (errors).
    pub path: Option<&'a str>,
    /// Where the language switcher keeps the reader when this is not a
    /// hosted page (`path`): a report form, or the page a 404 was for.
    /// `None` with no `path`: the home page.
    pub place: Option<Place>,
}

/// Where a reader is, whatever the language: what the switcher keeps when
/// the reader changes language. It travels as the `next` of
/// `/set-language/{lang}?next=…` (see [`Place::next`]) and is parsed back
/// there, so the switcher can only ever lead to one of our own pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A hosted page: its path after the language prefix ("" for home).
    Page(String),
    /// The report form of one passage.
    Report { slug: String, unit: String },
    /// A page of the translators' editor, whose language is the cookie's:
    /// its path and query, starting `/translators/`.
    Editor(String),
}

impl Place {
    /// The language-free form carried in `next`: `/PATH`, or
    /// `/feedback?page=SLUG&unit=REF`.
    pub fn next(&self) -> String {
        match self {
            Place::Page(path) => format!("/{path}"),
            Place::Report { slug, unit } => format!("/feedback?page={slug}&unit={unit}"),
            Place::Editor(path) => path.clone(),
        }
    }

    /// Reads a `next` back; `None` for anything that is not one of ours.
    pub fn parse(next: &str) -> Option<Place> {
        if editor::is_editor_path(next) {
            return Some(Place::Editor(next.to_owned()));
        }
        let next = next.strip_prefix('/').unwrap_or(next);
        if let Some(query) = next.strip_prefix("feedback?") {
            let (mut slug, mut unit) = (None, None);
            for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
                match name.as_ref() {
                    "page" => slug = Some(value.into_owned()),
                    "unit" => unit = Some(value.into_owned()),
                    _ => return None,
                }
            }
            let (slug, unit) = (slug?, unit?);
            return (crate::content::is_valid_slug(&slug) && crate::pages::is_unit_ref(&unit))
                .then_some(Place::Report { slug, unit });
        }
        (next.is_empty() || crate::content::is_valid_slug(next))
            .then(|| Place::Page(next.to_owned()))
    }

    /// This place in the language whose URL prefix is `prefix`.
    pub fn url(&self, prefix: &str) -> String {
        match self {
            Place::Page(path) => format!("/{prefix}/{path}"),
            Place::Report { slug, unit } => {
                format!("/feedback/{prefix}?page={slug}&unit={unit}")
            }
            Place::Editor(path) => path.clone(),
        }
    }
}

impl PageContext<'_> {
    fn t(&self, id: &str) -> String {
        self.locales.t(self.lang, id)
    }

    fn t_args(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.locales.t_args(self.lang, id, args)
    }

    fn t_with_str(&self, id: &str, name: &'static str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value.to_owned());
        self.t_args(id, &args)
    }

    fn url_for(&self, lang: Lang, path: &str) -> String {
        format!("{}/{}/{}", self.base_url, self.prefix(lang), path)
    }

    fn prefix(&self, lang: Lang) -> &str {
        self.languages.prefix(lang)
    }

    /// The language the page's chrome is in: its own, or English for a
    /// language configured without a locale.
    fn chrome(&self) -> Lang {
        self.locales.chrome(self.lang)
    }

    /// `lang="en"` for chrome elements when the chrome is not in the page's
    /// language, so screen readers and translation tools read them right.
    fn chrome_lang(&self) -> Option<&'static str> {
        let chrome = self.chrome();
        (chrome != self.lang).then(|| chrome.code())
    }

    /// The switcher's title for `lang` (its name in the reader's language),
    /// when the chrome's locale names it.
    fn language_title(&self, lang: Lang) -> Option<String> {
        let id = format!("switcher-title-{}", lang.code());
        self.locales
            .has_message(self.chrome(), &id)
            .then(|| self.t(&id))
    }
}

/// The path of the language switch to the language whose URL prefix is
/// `prefix`: it sets the cookie and sends the reader to the same place in
/// that language.
pub fn switch_href(prefix: &str, place: &Place) -> String {
    let next: String = url::form_urlencoded::byte_serialize(place.next().as_bytes()).collect();
    // Paths need no escaping of their slashes; keep them readable.
    format!("/set-language/{prefix}?next={}", next.replace("%2F", "/"))
}

/// A Unix-ms time as the arguments of the locales' `date-full`: the day in
/// Japan (UTC+9, no daylight saving), where the announcements are made.
fn date_args(unix_ms: i64) -> Option<FluentArgs<'static>> {
    let japan = time::UtcOffset::from_hms(9, 0, 0).ok()?;
    let at = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(unix_ms) * 1_000_000)
        .ok()?
        .to_offset(japan);
    let mut args = FluentArgs::new();
    args.set("year", at.year());
    args.set("month", u8::from(at.month()));
    args.set("day", at.day());
    Some(args)
}

fn year_month_args(ym: YearMonth) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    // Numbers, not strings: the English message selects the month's name.
    args.set("year", ym.year);
    args.set("month", ym.month);
    args
}

/// What a page's `main` holds: content in the page's language (which
/// marks its own chrome parts), or chrome alone (forms, errors).
enum Main {
    Page(Markup),
    Chrome(Markup),
}

/// What a page's script has to do: nothing (no script), the passage
/// controls of a translated page, and with `pending` also taking in the
/// translations still being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    None,
    Passages { pending: bool },
}

fn layout(
    ctx: &PageContext<'_>,
    title: &str,
    description: Option<&str>,
    crumbs: Markup,
    main: Main,
    script: Script,
) -> Markup {
    let scripted = script != Script::None;
    let pending = script == Script::Passages { pending: true };
    let site_name = ctx.t("site-name");
    let language = ctx.languages.get(ctx.lang);
    let html_lang = ctx.languages.html_lang(ctx.lang);
    let rtl = language.is_some_and(|l| l.dir == TextDirection::Rtl);
    // A language kept out of search engines is kept out of hreflang too;
    // Easy Japanese is `ja` to search engines, so it is never in hreflang.
    let indexed = language.is_none_or(|l| l.in_hreflang());
    let noindex = language.is_some_and(|l| !l.index);
    let chrome_lang = ctx.chrome_lang();
    let (main, main_lang) = match main {
        Main::Page(main) => (main, None),
        Main::Chrome(main) => (main, chrome_lang),
    };
    html! {
        (DOCTYPE)
        html lang=(html_lang) dir=[rtl.then_some("rtl")] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " | " (site_name) }
                @if let Some(description) = description {
                    meta name="description" content=(description);
                }
                @if noindex {
                    meta name="robots" content="noindex";
                }
                @if let Some(path) = ctx.path {
                    link rel="canonical" href=(ctx.url_for(ctx.lang, path));
                    @if indexed {
                        @for other in ctx.languages.all().iter().filter(|l| l.in_hreflang()) {
                            link rel="alternate" hreflang=(other.lang.code()) href=(ctx.url_for(other.lang, path));
                        }
                        link rel="alternate" hreflang="x-default" href=(ctx.url_for(Lang::SOURCE, path));
                    }
                }
                link rel="icon" href="/favicon.ico" sizes="32x32";
                link rel="stylesheet" href=(stylesheet_path());
                @if scripted {
                    script src=(script_path()) defer {}
                }
            }
            // What original.js says in the passage panels.
            body data-label-original=[scripted.then(|| ctx.t("passage-original-label"))]
                data-label-report=[scripted.then(|| ctx.t("report-link"))]
                data-origin-machine=[scripted.then(|| ctx.t("origin-machine"))]
                data-origin-bundled=[scripted.then(|| ctx.t("origin-bundled"))]
                data-origin-translator=[scripted.then(|| ctx.t("origin-translator"))]
                data-pending=[pending.then_some("true")] {
                a.skip-link href="#main" lang=[chrome_lang] { (ctx.t("skip-to-content")) }
                header.site-header {
                    div.brand lang=[chrome_lang] {
                        a href=(format!("/{}/", ctx.prefix(ctx.lang))) { (site_name) }
                        span.section { (ctx.t("site-section")) }
                    }
                    (switcher(ctx))
                }
                (crumbs)
                main #main tabindex="-1" lang=[main_lang] { (main) }
                footer.site-footer lang=[chrome_lang] {
                    p { (ctx.t("footer-service")) }
                    p { (ctx.t("footer-original-note")) }
                }
            }
        }
    }
}

fn switcher(ctx: &PageContext<'_>) -> Markup {
    let place = match (&ctx.place, ctx.path) {
        (Some(place), _) => place.clone(),
        (None, path) => Place::Page(path.unwrap_or("").to_owned()),
    };
    html! {
        nav.switcher aria-labelledby="switcher-label" {
            h2 #switcher-label lang=[ctx.chrome_lang()] { (ctx.t("switcher-label")) }
            ul {
                @for language in ctx.languages.all() {
                    @let lang = language.lang;
                    li {
                        a href=(switch_href(&language.prefix, &place)) hreflang=(language.html_lang) lang=(language.html_lang)
                            title=[ctx.language_title(lang)]
                            aria-current=[(lang == ctx.lang).then_some("true")] { (language.endonym) }
                    }
                }
            }
        }
    }
}

fn breadcrumb(ctx: &PageContext<'_>, trail: &[String], current: &str) -> Markup {
    html! {
        nav.breadcrumb aria-label=(ctx.t("breadcrumb-label")) lang=[ctx.chrome_lang()] {
            ol {
                li { a href=(format!("/{}/", ctx.prefix(ctx.lang))) { (ctx.t("breadcrumb-home")) } }
                @for item in trail {
                    li { (item) }
                }
                li aria-current="page" { (current) }
            }
        }
    }
}

/// The page of one announcement in `ctx.lang`, with the disclaimer on a
/// translation and a notice where the Japanese still shows through, so a
/// translated URL never shows an empty page.
pub fn announcement_page(ctx: &PageContext<'_>, page: &Announcement, view: &ArticleView) -> String {
    let lang = ctx.lang;
    let date_args = year_month_args(page.published);
    let mut bureau_args = FluentArgs::new();
    bureau_args.set("bureau", view.bureau.clone());
    let original_href = format!("/{}/{}", ctx.prefix(Lang::SOURCE), page.slug);
    // With nothing translated the content stays Japanese inside a page whose
    // chrome is in the reader's language; mark it so screen readers switch.
    let untranslated = matches!(view.presentation, Presentation::Untranslated { .. });
    let content_lang = untranslated.then_some(Lang::SOURCE.code());
    let trail = vec![
        ctx.t("breadcrumb-press"),
        ctx.t("breadcrumb-press-releases"),
        ctx.t_args("date-year-month", &date_args),
    ];
    let (translated, partial) = match view.presentation {
        Presentation::Translated { partial, .. } => (true, partial),
        _ => (false, false),
    };
    let pending = view.presentation.pending();
    // Every translated passage of running text offers its original and a
    // way to report a problem with it; the contact block is names and
    // numbers, and gets none.
    let passages = translated.then(|| PassageLabels {
        prefix: ctx.prefix(lang).to_owned(),
        slug: page.slug.clone(),
        control: ctx.t("passage-tools-label"),
    });
    // On a page in another language, links to documents honyaku does not
    // translate say that they are in Japanese.
    let japanese_only = (lang != Lang::SOURCE).then(|| fragment::JapaneseOnly {
        label: ctx.t("link-japanese-only"),
        lang: ctx.chrome_lang(),
    });
    let body_html = finish_fragment(&view.body_html, passages.as_ref(), japanese_only.as_ref());
    let contact_html = finish_fragment(&view.contact_html, None, japanese_only.as_ref());
    let main = html! {
        @if translated {
            (disclaimer(ctx, &view.provenance, &original_href, partial, pending))
        } @else if untranslated {
            aside.notice role="note" aria-labelledby="notice-heading" lang=[ctx.chrome_lang()] {
                h2 #notice-heading { (ctx.t("notice-translation-pending-heading")) }
                @if pending {
                    p.pending role="status" { (ctx.t("notice-translation-on-its-way")) }
                } @else {
                    p { (ctx.t("notice-translation-pending")) }
                }
            }
        }
                article.announcement lang=[content_lang] {
            h1 { (view.title) }
            p.meta lang=[ctx.chrome_lang()] {
                span { (ctx.t_args("page-published", &date_args)) }
                " "
                span { (ctx.t_args("page-bureau", &bureau_args)) }
            }
            (PreEscaped(&body_html))
        }
        aside.contact lang=[content_lang] aria-labelledby="contact-heading" {
            h2 #contact-heading lang=(ctx.chrome().code()) { (ctx.t("contact-heading")) }
            (PreEscaped(&contact_html))
        }
    };
    let crumbs = breadcrumb(ctx, &trail, &view.title);
    layout(
        ctx,
        &view.title,
        Some(&view.summary),
        crumbs,
        Main::Page(main),
        if translated || pending {
            Script::Passages { pending }
        } else {
            Script::None
        },
    )
    .into_string()
}

/// How a provider is named to readers: its product name, or for an
/// OpenAI-compatible server the model it ran.
fn provider_display_name(model: &str) -> String {
    let (name, variant) = model.split_once(':').unwrap_or((model, ""));
    match name {
        "deepl" => "DeepL".to_owned(),
        "google" => "Google Cloud Translation".to_owned(),
        "azure" => "Azure AI Translator".to_owned(),
        "libretranslate" => "LibreTranslate".to_owned(),
        "openai" if !variant.is_empty() => variant.to_owned(),
        other => other.to_owned(),
    }
}

/// The disclaimer of a translated page, saying what was done: by people
/// when translators translated or reviewed every passage; otherwise by
/// which providers, and how many passages people reviewed. Always: the
/// Japanese original is authoritative, with a link to it.
fn disclaimer(
    ctx: &PageContext<'_>,
    provenance: &crate::pages::Provenance,
    original_href: &str,
    partial: bool,
    pending: bool,
) -> Markup {
    let human = provenance.all_reviewed();
    let mut args = FluentArgs::new();
    let providers: Vec<String> = provenance
        .providers
        .iter()
        .map(|p| provider_display_name(p))
        .collect();
    args.set("providers", providers.join(" / "));
    args.set("reviewed", provenance.reviewed);
    args.set("passages", provenance.passages);
    let date = provenance
        .translated_at
        .and_then(date_args)
        .map(|d| ctx.t_args("date-full", &d));
    html! {
        aside.disclaimer role="note" aria-labelledby="disclaimer-heading" lang=[ctx.chrome_lang()] {
            @if human {
                h2 #disclaimer-heading { (ctx.t("disclaimer-heading-human")) }
                p { (ctx.t("disclaimer-intro-human")) }
                ol {
                    li { (ctx.t("disclaimer-text-only")) }
                }
            } @else {
                h2 #disclaimer-heading { (ctx.t("disclaimer-heading")) }
                p { (ctx.t_args("disclaimer-intro", &args)) }
                @if let Some(date) = date {
                    p.when { (ctx.t_with_str("disclaimer-when", "date", &date)) }
                }
                p.provenance { (ctx.t_args("disclaimer-reviewed", &args)) }
                ol {
                    li { (ctx.t("disclaimer-text-only")) }
                    li { (ctx.t("disclaimer-accuracy")) }
                    li { (ctx.t("disclaimer-speed")) }
                }
            }
            p.authoritative {
                strong { (ctx.t("disclaimer-authoritative")) }
                " "
                a href=(original_href) hreflang="ja" { (ctx.t("disclaimer-original-link")) }
            }
            @if pending {
                p.partial.pending role="status" { (ctx.t("notice-partial-pending")) }
            } @else if partial {
                p.partial { (ctx.t("notice-partial-translation")) }
            }
        }
    }
}

/// The report form of one unit, in the language whose URL prefix is
/// `prefix`, for the passage controls added by [`finish_fragment`].
pub fn report_href(prefix: &str, slug: &str, unit_key: &str) -> String {
    // Slugs and unit keys need no escaping in a query string.
    format!(
        "/feedback/{prefix}?page={slug}&unit={}",
        crate::pages::unit_ref(unit_key)
    )
}

/// The translated passage a report is about, on the page it came from.
pub fn passage_href(prefix: &str, slug: &str, unit_key: &str) -> String {
    format!("/{prefix}/{slug}#{}", crate::pages::unit_anchor(unit_key))
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
    let page_lang = ctx.chrome_lang().map(|_| ctx.languages.html_lang(lang));
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
                dd lang=[page_lang] { (translation) }
            }
        }
        form.report-form method="post" action=(format!("/feedback/{}", ctx.prefix(lang))) {
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
        p { a href=(passage_href(ctx.prefix(lang), view.slug, view.unit_key)) { (ctx.t("report-back")) } }
    };
    let crumbs = breadcrumb(ctx, &[], &title);
    layout(ctx, &title, None, crumbs, Main::Chrome(main), Script::None).into_string()
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
        p { a href=(passage_href(ctx.prefix(ctx.lang), slug, unit_key)) { (ctx.t("report-back")) } }
    };
    let crumbs = breadcrumb(ctx, &[], &title);
    layout(ctx, &title, None, crumbs, Main::Chrome(main), Script::None).into_string()
}

/// The home page of a language: the list of announcements.
pub fn index_page(ctx: &PageContext<'_>, content: &Content) -> String {
    let lang = ctx.lang;
    let title = ctx.t("index-title");
    let chrome_lang = ctx.chrome_lang();
    let main = html! {
        h1 lang=[chrome_lang] { (title) }
        p lang=[chrome_lang] { (ctx.t("index-intro")) }
        ul.announcements {
            @for page in content.announcements() {
                @let translated = page.title.get(lang).is_some();
                @let shown = if translated { lang } else { Lang::SOURCE };
                li {
                    a href=(format!("/{}/{}", ctx.prefix(lang), page.slug))
                        lang=[(!translated).then_some(Lang::SOURCE.code())] {
                        (page.title.get(shown).unwrap_or_else(|| page.title.source()))
                    }
                    " "
                    span.date lang=[chrome_lang] { (ctx.t_args("date-year-month", &year_month_args(page.published))) }
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
    layout(
        ctx,
        &title,
        Some(&description),
        crumbs,
        Main::Page(main),
        Script::None,
    )
    .into_string()
}

/// An error page in the reader's language.
pub fn error_page(ctx: &PageContext<'_>, title: &str, message: &str) -> String {
    let main = html! {
        h1 { (title) }
        p { (message) }
        p { a href=(format!("/{}/", ctx.prefix(ctx.lang))) { (ctx.t("error-back-home")) } }
    };
    let crumbs = html! {};
    layout(ctx, title, None, crumbs, Main::Chrome(main), Script::None).into_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn disclaimer_text(lang: Lang, provenance: &crate::pages::Provenance) -> String {
        let locales = Locales::embedded().unwrap();
        let languages = Languages::defaults();
        let ctx = PageContext {
            locales: &locales,
            languages: &languages,
            lang,
            base_url: "http://x",
            path: Some("p"),
            place: None,
        };
        disclaimer(&ctx, provenance, "/ja/p", false, false).into_string()
    }

    #[test]
    fn the_disclaimer_says_what_was_done_in_every_language() {
        let machine = crate::pages::Provenance {
            passages: 46,
            reviewed: 0,
            machine: 46,
            providers: vec!["deepl:quality_optimized".to_owned()],
            translated_at: None,
        };
        let mixed = crate::pages::Provenance {
            reviewed: 12,
            machine: 34,
            providers: vec!["openai:gpt-x".to_owned(), "azure".to_owned()],
            ..machine.clone()
        };
        let human = crate::pages::Provenance {
            passages: 46,
            reviewed: 46,
            machine: 0,
            providers: vec![],
            translated_at: None,
        };
        for (lang, by_people, reviewed_12, none_reviewed) in [
            (
                Lang::En,
                "translated from the Japanese original by people",
                "Translators have reviewed 12 of the 46 passages of this page.",
                "No passage of this page has been reviewed by translators yet.",
            ),
            (
                Lang::Ja,
                "日本語の原文を人が翻訳したもの",
                "このページの全46段落のうち12段落を翻訳者が確認しています。",
                "このページの段落は、まだ翻訳者による確認を受けていません。",
            ),
            (
                Lang::Ko,
                "일본어 원문을 사람이 번역한 것",
                "이 페이지의 전체 46개 단락 중 12개를 번역자가 검수했습니다.",
                "이 페이지의 단락은 아직 번역자가 검수하지 않았습니다.",
            ),
            (
                Lang::ZhHans,
                "由人工根据日语原文翻译",
                "本页全部 46 个段落中，已有 12 个经译者审校。",
                "本页各段落尚未经译者审校。",
            ),
            (
                Lang::ZhHant,
                "由人工根據日語原文翻譯",
                "本頁全部 46 個段落中，已有 12 個經譯者審校。",
                "本頁各段落尚未經譯者審校。",
            ),
        ] {
            let people = disclaimer_text(lang, &human);
            assert!(people.contains(by_people), "{lang}: {people}");
            assert!(!people.contains("provenance"), "{lang}");
            assert_eq!(people.matches("<li>").count(), 1, "{lang}");
            let some = disclaimer_text(lang, &mixed);
            assert!(some.contains(reviewed_12), "{lang}: {some}");
            assert!(
                some.contains("gpt-x / Azure AI Translator"),
                "{lang}: {some}"
            );
            assert_eq!(some.matches("<li>").count(), 3, "{lang}");
            let none = disclaimer_text(lang, &machine);
            assert!(none.contains(none_reviewed), "{lang}: {none}");
            assert!(none.contains("DeepL"), "{lang}: {none}");
            // Always: the original is authoritative, and linked.
            for html in [&people, &some, &none] {
                assert!(html.contains(r#"href="/ja/p" hreflang="ja""#), "{lang}");
                assert!(html.contains("<strong>"), "{lang}");
            }
        }
    }
}
