//! HTML of the translators' web editor under `/translators/`: its own
//! layout (no reader chrome: no language switcher or breadcrumb of the
//! ministry's site, but the same stylesheet, skip link and landmarks), the
//! login form, the page picker, the units of a page side by side with their
//! forms, and a unit's history. Every page works without JavaScript;
//! `editor.js` only warns before unsaved text would be lost.

use fluent_bundle::FluentArgs;
use maud::{DOCTYPE, Markup, html};

use super::stylesheet_path;
use crate::content::Announcement;
use crate::i18n::{Lang, Languages, Locales};
use crate::review::{HistoryEntry, Part, UnitState, UnitView};

/// The editor's one script, served under `/assets/`.
pub const EDITOR_SCRIPT: &str = include_str!("../assets/editor.js");

/// Where the editor's script is served, with its hash so it can be cached
/// for good.
pub fn editor_script_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(EDITOR_SCRIPT.as_bytes());
        format!(
            "/assets/editor.js?v={}",
            hex::encode(digest.get(..6).unwrap_or_default())
        )
    })
}

/// Who is looking at an editor page, and in which language.
pub struct EditorContext<'a> {
    pub locales: &'a Locales,
    /// The language of the editor itself (Japanese or English).
    pub lang: Lang,
    /// `None` on the login page.
    pub account: Option<SignedIn<'a>>,
    /// This page's path under `/translators/`: where the language switch
    /// brings the translator back to.
    pub here: String,
    /// The languages the editor speaks, offered by its language switch.
    pub languages: Vec<Lang>,
    /// The languages the site serves (names and prefixes).
    pub site: &'a Languages,
}

/// The logged-in translator, for the header's logout form.
pub struct SignedIn<'a> {
    pub name: &'a str,
    /// The session's CSRF token, put in every form.
    pub csrf: &'a str,
}

impl EditorContext<'_> {
    fn t(&self, id: &str) -> String {
        self.locales.t(self.lang, id)
    }

    fn t_args(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.locales.t_args(self.lang, id, args)
    }

    fn t_with(&self, id: &str, name: &'static str, value: impl Into<String>) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value.into());
        self.t_args(id, &args)
    }

    /// A target language named in the editor's language ("English", "英語"),
    /// or, for a language the locale does not name, by its English name and
    /// endonym.
    fn language_name(&self, lang: Lang) -> String {
        let id = format!("switcher-title-{}", lang.code());
        if self
            .locales
            .has_message(self.locales.chrome(self.lang), &id)
        {
            return self.t(&id);
        }
        match self.site.get(lang) {
            Some(l) if l.name != l.endonym => format!("{} ({})", l.name, l.endonym),
            Some(l) => l.endonym.clone(),
            None => lang.code().to_owned(),
        }
    }

    fn csrf(&self) -> &str {
        self.account.as_ref().map_or("", |a| a.csrf)
    }
}

fn layout(ctx: &EditorContext<'_>, title: &str, crumbs: Markup, main: Markup) -> String {
    let name = ctx.t("editor-name");
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex, nofollow";
                title { (title) " | " (name) }
                link rel="icon" href="/favicon.ico" sizes="32x32";
                link rel="stylesheet" href=(stylesheet_path());
                script src=(editor_script_path()) defer {}
            }
            body.editor {
                a.skip-link href="#main" { (ctx.t("skip-to-content")) }
                header.site-header.editor-header {
                    div.brand {
                        a href="/translators/" { (name) }
                    }
                    (language_switch(ctx))
                    @if let Some(account) = &ctx.account {
                        div.account {
                            span { (ctx.t_with("editor-logged-in-as", "name", account.name)) }
                            form.logout method="post" action="/translators/logout" {
                                input type="hidden" name="csrf" value=(account.csrf);
                                button.secondary type="submit" { (ctx.t("editor-logout")) }
                            }
                        }
                    }
                }
                (crumbs)
                main #main tabindex="-1" { (main) }
                footer.site-footer {
                    p { (ctx.t("editor-footer")) }
                }
            }
        }
    }
    .into_string()
}

/// Whether `path` is a page of the editor itself: a path under
/// `/translators/`, never another site (`//`, backslashes) or a way out of
/// the editor (`..`), nothing that would not fit in a header.
pub fn is_editor_path(path: &str) -> bool {
    path.starts_with("/translators/")
        && !path.contains("//")
        && !path.split(['/', '?', '#']).any(|segment| segment == "..")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path.len() <= 2048
}

/// The editor's own language switch: the site's switcher, which sets the
/// same cookie and brings the translator back to this page.
fn language_switch(ctx: &EditorContext<'_>) -> Markup {
    let place = super::Place::Editor(ctx.here.clone());
    html! {
        nav.switcher aria-labelledby="editor-language-label" {
            h2 #editor-language-label { (ctx.t("editor-language-label")) }
            ul {
                @for &lang in &ctx.languages {
                    li {
                        a href=(super::switch_href(ctx.site.prefix(lang), &place)) hreflang=(lang.code()) lang=(lang.code())
                            aria-current=[(lang == ctx.lang).then_some("true")] { (ctx.site.endonym(lang)) }
                    }
                }
            }
        }
    }
}

/// A breadcrumb from the editor's home page to `current`, through `trail`
/// (text and link).
fn breadcrumb(ctx: &EditorContext<'_>, trail: &[(String, String)], current: &str) -> Markup {
    html! {
        nav.breadcrumb aria-label=(ctx.t("breadcrumb-label")) {
            ol {
                li { a href="/translators/" { (ctx.t("editor-home-link")) } }
                @for (text, href) in trail {
                    li { a href=(href) { (text) } }
                }
                li aria-current="page" { (current) }
            }
        }
    }
}

/// The login form; `error` is shown above it (a bad token, too many tries).
/// The login form. `kept`: what the translator typed before their session
/// ended, shown to copy so no work is lost.
pub fn login_page(
    ctx: &EditorContext<'_>,
    error: Option<&str>,
    next: Option<&str>,
    kept: Option<&str>,
) -> String {
    let title = ctx.t("editor-login-title");
    let described_by = if error.is_some() {
        "token-help login-error"
    } else {
        "token-help"
    };
    let main = html! {
        h1 { (title) }
        p { (ctx.t("editor-login-intro")) }
        @if let Some(error) = error {
            p #login-error.editor-error role="alert" { (error) }
        }
        form.editor-form method="post" action="/translators/login" {
            div.field {
                label for="token" { (ctx.t("editor-token-label")) }
                input #token type="password" name="token" autocomplete="off" spellcheck="false"
                    required autofocus aria-describedby=(described_by);
                p #token-help.hint { (ctx.t("editor-token-help")) }
            }
            @if let Some(next) = next {
                input type="hidden" name="next" value=(next);
            }
            button type="submit" { (ctx.t("editor-login-submit")) }
        }
        @if let Some(kept) = kept {
            div.field {
                label for="kept-text" { (ctx.t("editor-kept-text")) }
                textarea #kept-text readonly rows="4" { (kept) }
            }
        }
    };
    layout(ctx, &title, html! {}, main)
}

/// The editor's home page: who you are and the form that opens a page in
/// one of your languages.
pub fn home_page(
    ctx: &EditorContext<'_>,
    pages: &[std::sync::Arc<Announcement>],
    languages: &[Lang],
) -> String {
    let title = ctx.t("editor-home-title");
    let mut who = FluentArgs::new();
    who.set(
        "name",
        ctx.account.as_ref().map_or("", |a| a.name).to_owned(),
    );
    who.set(
        "languages",
        languages
            .iter()
            .map(|l| ctx.language_name(*l))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let main = html! {
        h1 { (title) }
        p { (ctx.t_args("editor-home-who", &who)) }
        section aria-labelledby="pick-heading" {
            h2 #pick-heading { (ctx.t("editor-pick-heading")) }
            form.editor-form.picker method="get" action="/translators/edit" {
                div.field {
                    label for="pick-page" { (ctx.t("editor-pick-page")) }
                    select #pick-page name="page" {
                        @for page in pages {
                            option value=(page.slug) lang="ja" { (page.title.source()) }
                        }
                    }
                }
                div.field {
                    label for="pick-lang" { (ctx.t("editor-pick-lang")) }
                    select #pick-lang name="lang" {
                        @for lang in languages {
                            option value=(lang.code()) { (ctx.language_name(*lang)) }
                        }
                    }
                }
                (state_select(ctx, "pick-state", None))
                button type="submit" { (ctx.t("editor-pick-open")) }
            }
        }
    };
    layout(ctx, &title, html! {}, main)
}

fn state_select(ctx: &EditorContext<'_>, id: &str, current: Option<UnitState>) -> Markup {
    let states = [
        UnitState::Machine,
        UnitState::Approved,
        UnitState::NeedsReview,
    ];
    html! {
        div.field {
            label for=(id) { (ctx.t("editor-pick-state")) }
            select id=(id) name="state" {
                option value="" selected[current.is_none()] { (ctx.t("editor-state-all")) }
                @for state in states {
                    option value=(state.as_str()) selected[current == Some(state)] {
                        (ctx.t(&format!("editor-state-{}", state.as_str())))
                    }
                }
            }
        }
    }
}

/// What was just done to a unit, shown next to it after the redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Saved,
    Reverted,
    Approved,
}

impl Done {
    fn message_id(self) -> &'static str {
        match self {
            Done::Saved => "editor-saved",
            Done::Reverted => "editor-reverted",
            Done::Approved => "editor-approved",
        }
    }
}

/// A change that was refused: the message goes next to the unit, and the
/// translator's text goes back into its box.
pub struct Refused<'a> {
    pub unit: &'a str,
    pub message: String,
    pub typed: &'a str,
    /// The version the form should carry from now on: the current one after
    /// a conflict (the translator has now seen the other change).
    pub version: i64,
}

/// Everything the edit page shows.
pub struct EditView<'a> {
    pub page: &'a Announcement,
    pub target: Lang,
    pub state: Option<UnitState>,
    pub units: &'a [UnitView],
    /// Readers' open reports on this page in this language, newest first.
    pub reports: &'a [crate::model::Report],
    /// `(unit id, what was done)` after a successful change.
    pub done: Option<(&'a str, Done)>,
    pub refused: Option<Refused<'a>>,
}

/// The URL of the edit page for `page` in `target`, filtered by `state`.
pub fn edit_href(page: &str, target: Lang, state: Option<UnitState>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("page", page);
    query.append_pair("lang", target.code());
    if let Some(state) = state {
        query.append_pair("state", state.as_str());
    }
    format!("/translators/edit?{}", query.finish())
}

pub fn history_href(target: Lang, unit: &str) -> String {
    format!("/translators/history/{}/{unit}", target.code())
}

/// The element id of a unit's section, also the fragment redirects go to.
pub fn unit_anchor(unit: &str) -> String {
    format!("unit-{unit}")
}

/// The units of one page in one language, each with its form.
pub fn edit_page(ctx: &EditorContext<'_>, view: &EditView<'_>) -> String {
    let language = ctx.language_name(view.target);
    let title = ctx.t_with("editor-edit-title", "language", language.clone());
    let page_title = view.page.title.source();
    let mut count = FluentArgs::new();
    count.set("count", view.units.len());
    let shown = |id: &str| view.units.iter().any(|u| u.id == id);
    let main = html! {
        h1 { (title) }
        p.lead lang="ja" { (page_title) }
        p { (ctx.t("editor-edit-intro")) }
        form.editor-form.filter method="get" action="/translators/edit" {
            input type="hidden" name="page" value=(view.page.slug);
            input type="hidden" name="lang" value=(view.target.code());
            (state_select(ctx, "filter-state", view.state))
            button.secondary type="submit" { (ctx.t("editor-filter-show")) }
        }
        // A change to a unit the filter now hides is still reported.
        @if let Some((unit, done)) = view.done.filter(|(unit, _)| !shown(unit)) {
            p.editor-status role="status" data-unit=(unit) {
                (ctx.t_with(done.message_id(), "origin", underlying(view.units.iter().find(|u| u.id == unit))))
            }
        }
        (reader_reports_section(ctx, view))
        p.count { (ctx.t_args("editor-unit-count", &count)) }
        @if view.units.is_empty() {
            p { (ctx.t("editor-no-units")) }
        }
        ol.units {
            @for unit in view.units {
                (unit_section(ctx, view, unit))
            }
        }
    };
    let crumbs = breadcrumb(ctx, &[], &format!("{page_title} ({language})"));
    layout(ctx, &title, crumbs, main)
}

/// Readers' open reports on the page, between the filter and the units,
/// so translators see what readers flagged before they start: each with the
/// passage it is about (a link to its unit) and a button that closes it.
fn reader_reports_section(ctx: &EditorContext<'_>, view: &EditView<'_>) -> Markup {
    let mut count = FluentArgs::new();
    count.set("count", view.reports.len());
    let passage = |key: &str| {
        view.units
            .iter()
            .find(|u| u.id == key)
            .map(|u| u.source.clone())
    };
    html! {
        section.reader-reports aria-labelledby="reader-reports-title" {
            h2 #reader-reports-title { (ctx.t_args("editor-reports-title", &count)) }
            @if view.reports.is_empty() {
                p.hint { (ctx.t("editor-reports-none")) }
            } @else {
                ul.reports {
                    @for report in view.reports {
                        li.report {
                            p.hint {
                                (format_time(report.created_at)) " · "
                                a href={ "#" (unit_anchor(&report.unit_key)) } {
                                    (ctx.t("editor-reports-passage"))
                                }
                                @if let Some(source) = passage(&report.unit_key) {
                                    " " span lang="ja" { "「" (source) "」" }
                                }
                            }
                            p.report-message { (report.message) }
                            form method="post" action={ "/translators/reports/" (report.id) "/resolve" } {
                                input type="hidden" name="csrf" value=(ctx.csrf());
                                @if let Some(state) = view.state {
                                    input type="hidden" name="state" value=(state.as_str());
                                }
                                button.secondary type="submit" { (ctx.t("editor-reports-resolve")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn part_label(ctx: &EditorContext<'_>, part: Part) -> String {
    let id = match part {
        Part::Title => "editor-part-title",
        Part::Summary => "editor-part-summary",
        Part::Bureau => "editor-part-bureau",
        Part::Body => "editor-part-body",
        Part::Contact => "editor-part-contact",
        Part::Attribute => "editor-part-attribute",
        Part::Memory => "editor-part-memory",
    };
    ctx.t(id)
}

fn origin_label(ctx: &EditorContext<'_>, unit: &UnitView) -> String {
    match unit.served_origin {
        "machine" => match unit.machine.as_ref().and_then(|m| m.model.as_deref()) {
            Some(model) => ctx.t_with("editor-origin-machine-model", "model", model),
            None => ctx.t("editor-origin-machine"),
        },
        "bundled" => ctx.t("editor-origin-bundled"),
        "translator" => ctx.t("editor-origin-translator"),
        _ => ctx.t("editor-origin-source"),
    }
}

fn last_change(ctx: &EditorContext<'_>, author: &str, at: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("author", author.to_owned());
    args.set("when", format_time(at));
    ctx.t_args("editor-last-change", &args)
}

fn unit_section(ctx: &EditorContext<'_>, view: &EditView<'_>, unit: &UnitView) -> Markup {
    let target = view.target.code();
    let anchor = unit_anchor(&unit.id);
    let heading_id = format!("{anchor}-heading");
    let text_id = format!("{anchor}-text");
    let required_id = format!("{anchor}-required");
    let error_id = format!("{anchor}-error");
    let refused = view.refused.as_ref().filter(|r| r.unit == unit.id);
    let done = view
        .done
        .filter(|(id, _)| *id == unit.id)
        .map(|(_, done)| done);
    let mut heading = FluentArgs::new();
    heading.set("position", unit.position + 1);
    heading.set("part", part_label(ctx, unit.part));
    let prefill = match refused {
        Some(r) => r.typed.to_owned(),
        None => unit
            .override_
            .as_ref()
            .map(|o| o.text.clone())
            .or_else(|| unit.machine.as_ref().map(|m| m.text.clone()))
            .unwrap_or_default(),
    };
    let version = refused.map_or(unit.version, |r| r.version);
    let mut described_by = Vec::new();
    if refused.is_some() {
        described_by.push(error_id.clone());
    }
    if !unit.required.is_empty() {
        described_by.push(required_id.clone());
    }
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    // Roughly one row per 60 characters, so long paragraphs are not cramped.
    let rows = (prefill.chars().count() / 60 + 2).clamp(3, 12);
    let state = unit.state.as_str();
    html! {
        li.unit id=(anchor) aria-labelledby=(heading_id) {
            h2 id=(heading_id) {
                (ctx.t_args("editor-unit-heading", &heading))
                " "
                span class=(format!("badge state-{state}")) { (ctx.t(&format!("editor-badge-{state}"))) }
            }
            @if let Some(done) = done {
                p.editor-status role="status" { (ctx.t_with(done.message_id(), "origin", underlying(Some(unit)))) }
            }
            @if let Some(refused) = refused {
                p.editor-error id=(error_id) role="alert" { (refused.message) }
            }
            div.unit-columns {
                div.source {
                    h3 { (ctx.t("editor-source-heading")) }
                    p lang="ja" { (unit.source) }
                }
                div.served {
                    h3 { (ctx.t("editor-served-heading")) }
                    @match &unit.served {
                        Some(text) => p lang=(target) { (text) },
                        None => p lang="ja" { (unit.source) },
                    }
                    p.hint.origin { (origin_label(ctx, unit)) }
                    @if let Some(refused) = &unit.refused {
                        p.hint.refused {
                            (ctx.t_with(
                                "editor-machine-refused",
                                "reason",
                                refused.error.localized(ctx.locales, ctx.lang),
                            ))
                        }
                    }
                    @if let Some(o) = &unit.override_ {
                        p.hint { (last_change(ctx, &o.author, o.updated_at)) }
                    }
                }
            }
            @if unit.state == UnitState::NeedsReview {
                div.review {
                    p { strong { (ctx.t("editor-review-intro")) } }
                    dl {
                        dt { (ctx.t("editor-review-before")) }
                        dd lang="ja" {
                            (unit.override_.as_ref().and_then(|o| o.previous_source.as_deref()).unwrap_or(""))
                        }
                        dt { (ctx.t("editor-review-after")) }
                        dd lang="ja" { (unit.source) }
                    }
                }
            }
            form.unit-form method="post" action=(format!("/translators/units/{target}/{}", unit.id)) {
                input type="hidden" name="csrf" value=(ctx.csrf());
                input type="hidden" name="unit" value=(unit.id);
                input type="hidden" name="page" value=(view.page.slug);
                input type="hidden" name="version" value=(version);
                input type="hidden" name="state" value=(view.state.map_or("", UnitState::as_str));
                label for=(text_id) {
                    (ctx.t_with("editor-your-translation", "language", ctx.language_name(view.target)))
                }
                textarea id=(text_id) name="text" lang=(target) rows=(rows)
                    aria-describedby=[described_by] aria-invalid=[refused.map(|_| "true")]
                    autofocus[refused.is_some()] { (prefill) }
                @if !unit.required.is_empty() {
                    p.required id=(required_id) {
                        (ctx.t("editor-must-keep"))
                        @for token in &unit.required {
                            " " code { (token) }
                        }
                    }
                }
                div.actions {
                    button type="submit" name="action" value="save" { (ctx.t("editor-save")) }
                    @if unit.state == UnitState::NeedsReview {
                        button.secondary type="submit" name="action" value="approve" { (ctx.t("editor-approve")) }
                    }
                    @if unit.override_.is_some() {
                        button.secondary type="submit" name="action" value="revert" {
                            (ctx.t_with("editor-revert", "origin", underlying(Some(unit))))
                        }
                    }
                    a href=(history_href(view.target, &unit.id)) { (ctx.t("editor-history-link")) }
                }
            }
        }
    }
}

/// What readers get for a unit without an override: `bundled` (a reviewed
/// translation) or `machine`, which the editor's messages name.
fn underlying(unit: Option<&UnitView>) -> &'static str {
    unit.and_then(|u| u.machine.as_ref())
        .map_or("machine", |m| m.origin)
}

/// A page the translator may not edit in this language.
pub fn forbidden_page(ctx: &EditorContext<'_>, target: Lang) -> String {
    let title = ctx.t("editor-forbidden-title");
    let main = html! {
        h1 { (title) }
        p { (ctx.t_with("editor-forbidden-lang", "language", ctx.language_name(target))) }
        p { a href="/translators/" { (ctx.t("editor-home-link")) } }
    };
    layout(ctx, &title, html! {}, main)
}

/// Every change of one unit's override, oldest first.
pub fn history_page(
    ctx: &EditorContext<'_>,
    page: &Announcement,
    target: Lang,
    source: &str,
    unit: &str,
    underlying_origin: &'static str,
    entries: &[HistoryEntry],
) -> String {
    let title = ctx.t("editor-history-title");
    let language = ctx.language_name(target);
    let code = target.code();
    let back = format!(
        "{}#{}",
        edit_href(&page.slug, target, None),
        unit_anchor(unit)
    );
    let machine = ctx.t_with("editor-history-machine", "origin", underlying_origin);
    let main = html! {
        h1 { (title) }
        p lang="ja" { (source) }
        p { (ctx.t_with("editor-history-intro", "language", language.clone())) }
        @if entries.is_empty() {
            p { (ctx.t("editor-history-empty")) }
        } @else {
            @let labels = [
                ctx.t("editor-history-version"),
                ctx.t("editor-history-when"),
                ctx.t("editor-history-who"),
                ctx.t("editor-history-action"),
                ctx.t("editor-history-before"),
                ctx.t("editor-history-after"),
            ];
            // `stacked`: on a phone each change is a block whose cells carry
            // their column's header (see the stylesheet).
            table.history.stacked {
                caption { (ctx.t("editor-history-caption")) }
                thead {
                    tr {
                        @for label in &labels {
                            th scope="col" { (label) }
                        }
                    }
                }
                tbody {
                    @for entry in entries {
                        tr {
                            td data-label=(labels[0]) { (entry.version) }
                            td data-label=(labels[1]) { time datetime=(format_iso(entry.at)) { (format_time(entry.at)) } }
                            td data-label=(labels[2]) { (entry.author) }
                            td data-label=(labels[3]) { (ctx.t(&format!("editor-action-{}", entry.action))) }
                            @match &entry.before {
                                Some(text) => td data-label=(labels[4]) lang=(code) { (text) },
                                None => td data-label=(labels[4]) { (machine) },
                            }
                            @match &entry.after {
                                Some(text) => td data-label=(labels[5]) lang=(code) { (text) },
                                None => td data-label=(labels[5]) { (machine) },
                            }
                        }
                    }
                }
            }
        }
        p { a href=(back) { (ctx.t("editor-back-to-page")) } }
    };
    let crumbs = breadcrumb(
        ctx,
        &[(
            format!("{} ({language})", page.title.source()),
            edit_href(&page.slug, target, None),
        )],
        &title,
    );
    layout(ctx, &title, crumbs, main)
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM UTC`: translators work in
/// several time zones, so the editor says which one it means.
pub fn format_time(unix_ms: i64) -> String {
    let (hour, minute) = time_of_day(unix_ms);
    format!(
        "{} {hour:02}:{minute:02} UTC",
        crate::clock::utc_day(unix_ms)
    )
}

fn format_iso(unix_ms: i64) -> String {
    let (hour, minute) = time_of_day(unix_ms);
    format!("{}T{hour:02}:{minute:02}Z", crate::clock::utc_day(unix_ms))
}

fn time_of_day(unix_ms: i64) -> (i64, i64) {
    let minutes = unix_ms.rem_euclid(86_400_000) / 60_000;
    (minutes / 60, minutes % 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_with_minutes() {
        // 2025-05-01T09:05:30Z
        assert_eq!(format_time(1_746_090_330_000), "2025-05-01 09:05 UTC");
        assert_eq!(format_iso(1_746_090_330_000), "2025-05-01T09:05Z");
    }

    #[test]
    fn edit_links_encode_their_query() {
        assert_eq!(
            edit_href("a/b", Lang::ZhHant, Some(UnitState::NeedsReview)),
            "/translators/edit?page=a%2Fb&lang=zh-Hant&state=needs-review"
        );
    }
}
