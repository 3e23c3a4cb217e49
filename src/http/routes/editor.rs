//! The translators' web editor under `/translators/`: log in with a token,
//! pick a page and a language, edit units side by side with the Japanese,
//! revert, approve after a source change, and read a unit's history.
//!
//! Server-rendered forms, so it works without JavaScript. A login creates a
//! session: a random id in an `HttpOnly; SameSite=Strict` cookie scoped to
//! `Path=/translators` (the JSON API keeps using tokens; the session is not
//! sent there at all), only the id's SHA-256 in the store, and a random CSRF
//! token per session that every form carries and every POST must return.
//! Changes go through the same checked functions as the JSON API.

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::App;
use crate::auth::{self, AuthError};
use crate::content::Announcement;
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::http::client_addr::client_ip;
use crate::http::cookie;
use crate::http::principal::{self, Credential, Principal};
use crate::http::routes::translators_api::target;
use crate::http::same_origin::from_elsewhere;
use crate::i18n::Lang;
use crate::render::editor::{
    self as pages, Done, EditView, EditorContext, Refused, SignedIn, edit_href, unit_anchor,
};
use crate::review::{self, UnitState};

/// Where the editor lives; also the session cookie's path.
pub const EDITOR_ROOT: &str = "/translators";

const LOGIN_PATH: &str = "/translators/login";
const HOME_PATH: &str = "/translators/";

/// The languages the editor's own pages are written in: every served
/// language whose locale has the editor's strings (Japanese and English
/// always do, Korean and Chinese too), so a translator into Korean or
/// Chinese can work in their own language; the others' readers get English.
pub fn editor_languages(app: &App) -> Vec<Lang> {
    app.languages
        .langs()
        .into_iter()
        .filter(|&l| app.locales.has_editor(l))
        .collect()
}

/// The editor's language when the reader asks for none of its languages:
/// English (the language translators into any target are likeliest to
/// read), or Japanese on a site that does not serve English.
fn editor_default(languages: &[Lang]) -> Lang {
    if languages.contains(&Lang::En) {
        Lang::En
    } else {
        Lang::Ja
    }
}

/// The editor's language for this request: the site's language cookie, then
/// Accept-Language, then [`editor_default`].
pub fn editor_lang(app: &App, headers: &HeaderMap) -> Lang {
    let languages = editor_languages(app);
    if let Some(lang) = cookie::first(headers, &app.config.i18n.cookie_name)
        .and_then(|v| app.languages.by_code(&v))
        .filter(|l| languages.contains(l))
    {
        return lang;
    }
    let default = editor_default(&languages);
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(default, |h| {
            app.languages.negotiate_among(h, &languages, default)
        })
}

/// An editor page: never cached anywhere (it shows a session's CSRF token
/// and work in progress).
fn html(status: StatusCode, lang: Lang, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    CachePolicy::NoStore.apply(headers);
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

/// 303 to `location` (built here from validated parts).
fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (
            StatusCode::SEE_OTHER,
            CachePolicy::NoStore,
            [(header::LOCATION, value)],
        )
            .into_response(),
        Err(_) => HttpError::Internal(format!("bad redirect {location:?}")).into_response(),
    }
}

/// The `Set-Cookie` value for the session cookie; `None` clears it.
fn session_cookie(app: &App, id: Option<&str>) -> String {
    let secure = if app.base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let (value, max_age) = match id {
        Some(id) => (
            id,
            app.config.translators.session_hours.saturating_mul(3600),
        ),
        None => ("", 0),
    };
    format!(
        "{}={value}; Path={EDITOR_ROOT}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}",
        principal::SESSION_COOKIE
    )
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The translator behind this request, if any. Errors other than "not
/// logged in" (a rate-limited address, a store failure) are answered as such.
async fn signed_in(parts: &Parts, app: &Arc<App>) -> Result<Option<Principal>, HttpError> {
    match principal::authenticate(parts, app).await {
        Ok(principal) => Ok(Some(principal)),
        Err(HttpError::NotLoggedIn) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The CSRF token the editor's forms must carry: the session's. A request
/// made with a Bearer token has none, and needs none: a browser never sends
/// a token on its own, so a cross-site form cannot use one.
fn csrf_token(principal: &Principal) -> &str {
    match &principal.credential {
        Credential::Session { csrf_token, .. } => csrf_token,
        Credential::Token => "",
    }
}

fn check_csrf(principal: &Principal, sent: &str) -> Result<(), HttpError> {
    match &principal.credential {
        Credential::Session { csrf_token, .. } if !auth::same_secret(sent, csrf_token) => {
            Err(HttpError::CsrfFailed)
        }
        _ => Ok(()),
    }
}

/// An editor page's context; `here` is the editor path the page's language
/// switch returns to.
fn context<'a>(
    app: &'a App,
    lang: Lang,
    principal: Option<&'a Principal>,
    here: String,
) -> EditorContext<'a> {
    EditorContext {
        locales: &app.locales,
        lang,
        here,
        languages: editor_languages(app),
        site: &app.languages,
        account: principal.map(|p| SignedIn {
            name: p.name(),
            csrf: csrf_token(p),
        }),
    }
}

/// `/translators` without the slash.
pub async fn root_without_slash() -> Response {
    see_other(HOME_PATH)
}

/// `GET /translators/login`.
pub async fn login_form(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Response {
    let lang = editor_lang(&app, &headers);
    let next = query.next.as_deref().and_then(safe_next);
    html(
        StatusCode::OK,
        lang,
        pages::login_page(
            &context(&app, lang, None, LOGIN_PATH.to_owned()),
            None,
            next,
            None,
        ),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
    /// Where the translator was going when asked to log in.
    #[serde(default)]
    next: Option<String>,
}

/// `next` when it is a page of the editor itself (never another site, never
/// the login form), so a link cannot use the login to send anyone elsewhere.
pub fn safe_next(next: &str) -> Option<&str> {
    (pages::is_editor_path(next) && !next.starts_with(LOGIN_PATH)).then_some(next)
}

/// The login form, asked to come back to where the request was going.
fn login_redirect(parts: &Parts) -> Response {
    let here = parts
        .uri
        .path_and_query()
        .map_or(HOME_PATH, |pq| pq.as_str());
    match safe_next(here).filter(|next| *next != HOME_PATH) {
        Some(next) => {
            let query = url::form_urlencoded::Serializer::new(String::new())
                .append_pair("next", next)
                .finish();
            see_other(&format!("{LOGIN_PATH}?{query}"))
        }
        None => see_other(LOGIN_PATH),
    }
}

/// `POST /translators/login`: a valid token starts a session; a bad one
/// counts against the address, which is refused for a while past the limit.
pub async fn login(
    State(app): State<Arc<App>>,
    parts: Parts,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, HttpError> {
    let lang = editor_lang(&app, &parts.headers);
    let ctx = context(&app, lang, None, LOGIN_PATH.to_owned());
    if from_elsewhere(&app, &parts.headers) {
        return Err(HttpError::CsrfFailed);
    }
    let (token, next) = form.map(|Form(f)| (f.token, f.next)).unwrap_or_default();
    let next = next.as_deref().and_then(safe_next);
    let ip = client_ip(&parts, &app.config.server.trusted_proxies);
    let lifetime =
        std::time::Duration::from_secs(app.config.translators.session_hours.saturating_mul(3600));
    match auth::log_in(
        app.store.as_ref(),
        &app.login_failures,
        ip,
        &token,
        lifetime,
    )
    .await
    {
        Ok(session) => Ok(with_cookie(
            see_other(next.unwrap_or(HOME_PATH)),
            &session_cookie(&app, Some(&session.id)),
        )),
        Err(AuthError::TooManyFailures { retry_after_secs }) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("minutes", retry_after_secs.div_ceil(60));
            let message = app.locales.t_args(lang, "editor-login-rate-limited", &args);
            let mut response = html(
                StatusCode::TOO_MANY_REQUESTS,
                lang,
                pages::login_page(&ctx, Some(&message), next, None),
            );
            if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Ok(response)
        }
        Err(AuthError::UnknownToken) => {
            let message = app.locales.t(lang, "editor-login-failed");
            Ok(html(
                StatusCode::UNAUTHORIZED,
                lang,
                pages::login_page(&ctx, Some(&message), next, None),
            ))
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /translators/logout`: ends the session in the store (the cookie
/// alone would outlive a copied id) and clears the cookie.
pub async fn logout(
    State(app): State<Arc<App>>,
    parts: Parts,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, HttpError> {
    if from_elsewhere(&app, &parts.headers) {
        return Err(HttpError::CsrfFailed);
    }
    if let Some(principal) = signed_in(&parts, &app).await? {
        let sent = form.map(|Form(f)| f.csrf).unwrap_or_default();
        check_csrf(&principal, &sent)?;
        if let Credential::Session { id_sha256, .. } = &principal.credential {
            auth::log_out(app.store.as_ref(), id_sha256).await?;
            tracing::info!(translator = principal.name(), "editor session ended");
        }
    }
    Ok(with_cookie(
        see_other(LOGIN_PATH),
        &session_cookie(&app, None),
    ))
}

/// The target languages of this site that this translator may edit, in
/// the site's order.
fn editable_languages(app: &App, principal: &Principal) -> Vec<Lang> {
    app.languages
        .target_langs()
        .into_iter()
        .filter(|l| principal.account.may_edit(*l))
        .collect()
}

/// `GET /translators/`: who you are and where to start.
pub async fn home(State(app): State<Arc<App>>, parts: Parts) -> Result<Response, HttpError> {
    let Some(principal) = signed_in(&parts, &app).await? else {
        return Ok(login_redirect(&parts));
    };
    let lang = editor_lang(&app, &parts.headers);
    let body = pages::home_page(
        &context(&app, lang, Some(&principal), HOME_PATH.to_owned()),
        app.content.announcements(),
        &editable_languages(&app, &principal),
    );
    Ok(html(StatusCode::OK, lang, body))
}

/// The `state` filter of a query or form; empty means every unit.
fn state_filter(value: Option<&str>) -> Result<Option<UnitState>, HttpError> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => UnitState::parse(s).map(Some).ok_or(HttpError::BadRequest),
    }
}

fn hosted_page(app: &App, slug: &str) -> Result<Arc<Announcement>, HttpError> {
    app.content.find(slug).cloned().ok_or(HttpError::NotFound)
}

fn forbidden(app: &App, lang: Lang, principal: &Principal, target: Lang) -> Response {
    html(
        StatusCode::FORBIDDEN,
        lang,
        pages::forbidden_page(
            &context(app, lang, Some(principal), HOME_PATH.to_owned()),
            target,
        ),
    )
}

#[derive(Debug, Deserialize)]
pub struct EditQuery {
    page: String,
    lang: String,
    #[serde(default)]
    state: Option<String>,
    /// Set by the redirect after a change: the unit it was made to.
    #[serde(default)]
    saved: Option<String>,
    #[serde(default)]
    reverted: Option<String>,
    #[serde(default)]
    approved: Option<String>,
}

impl EditQuery {
    fn done(&self) -> Option<(&str, Done)> {
        [
            (&self.saved, Done::Saved),
            (&self.reverted, Done::Reverted),
            (&self.approved, Done::Approved),
        ]
        .into_iter()
        .find_map(|(unit, done)| unit.as_deref().map(|u| (u, done)))
    }
}

/// `GET /translators/edit?page=…&lang=…&state=…`: the page's units in one
/// of the translator's languages.
pub async fn edit(
    State(app): State<Arc<App>>,
    parts: Parts,
    query: Result<Query<EditQuery>, QueryRejection>,
) -> Result<Response, HttpError> {
    let Some(principal) = signed_in(&parts, &app).await? else {
        return Ok(login_redirect(&parts));
    };
    let lang = editor_lang(&app, &parts.headers);
    let Query(query) = query.map_err(|_| HttpError::BadRequest)?;
    let target = target(&app, &query.lang)?;
    let state = state_filter(query.state.as_deref())?;
    let page = hosted_page(&app, &query.page)?;
    if !principal.account.may_edit(target) {
        return Ok(forbidden(&app, lang, &principal, target));
    }
    let edit = EditRequest {
        page: &page,
        target,
        state,
    };
    // Only a unit of ours is reported on, so a made-up link cannot claim
    // that something was saved.
    let done = query
        .done()
        .filter(|(unit, _)| app.unit_sources.contains_key(*unit));
    render_edit(&app, lang, &principal, &edit, done, None, StatusCode::OK).await
}

/// Which units the edit page shows.
struct EditRequest<'a> {
    page: &'a Announcement,
    target: Lang,
    state: Option<UnitState>,
}

async fn render_edit(
    app: &App,
    lang: Lang,
    principal: &Principal,
    edit: &EditRequest<'_>,
    done: Option<(&str, Done)>,
    refused: Option<Refused<'_>>,
    status: StatusCode,
) -> Result<Response, HttpError> {
    let units: Vec<_> = review::unit_views(&app.pipeline, &app.store, edit.page, edit.target, None)
        .await?
        .into_iter()
        // A refused unit stays on the page even if the filter would now hide
        // it, so the translator's text is never dropped.
        .filter(|u| {
            edit.state.is_none_or(|s| u.state == s)
                || refused.as_ref().is_some_and(|r| r.unit == u.id)
        })
        .collect();
    let reports = app
        .store
        .reports(
            Some(edit.target),
            Some(crate::model::ReportStatus::Open),
            Some(&edit.page.slug),
        )
        .await
        .map_err(HttpError::from_store)?;
    let view = EditView {
        page: edit.page,
        target: edit.target,
        state: edit.state,
        units: &units,
        reports: &reports,
        done,
        refused,
    };
    let here = pages::edit_href(&edit.page.slug, edit.target, edit.state);
    let body = pages::edit_page(&context(app, lang, Some(principal), here), &view);
    Ok(html(status, lang, body))
}

/// What a unit's form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitAction {
    Save,
    Revert,
    Approve,
}

impl UnitAction {
    fn parse(value: &str) -> Option<Self> {
        match value {
            "save" => Some(UnitAction::Save),
            "revert" => Some(UnitAction::Revert),
            "approve" => Some(UnitAction::Approve),
            _ => None,
        }
    }

    /// The query parameter the redirect reports it with.
    fn query_key(self) -> &'static str {
        match self {
            UnitAction::Save => "saved",
            UnitAction::Revert => "reverted",
            UnitAction::Approve => "approved",
        }
    }
}

/// A unit's form. Every field is text with a default, so that a missing or
/// mangled field is judged after the CSRF check, never before it.
#[derive(Debug, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    text: String,
    /// The version the translator started from (0: no override yet).
    #[serde(default)]
    version: String,
    /// The unit the form was rendered for; must match the path.
    #[serde(default)]
    unit: Option<String>,
    /// The page the form was on (a sentence can be on several).
    #[serde(default)]
    page: Option<String>,
    /// The filter to return to.
    #[serde(default)]
    state: Option<String>,
}

/// The form that closes a reader's report.
#[derive(Debug, Deserialize)]
pub struct ResolveForm {
    #[serde(default)]
    csrf: String,
    /// The filter to return to.
    #[serde(default)]
    state: Option<String>,
}

/// `POST /translators/reports/{id}/resolve`: closes a reader's report, then
/// back to its page and passage.
pub async fn resolve_report(
    State(app): State<Arc<App>>,
    parts: Parts,
    Path(id): Path<i64>,
    form: Result<Form<ResolveForm>, FormRejection>,
) -> Result<Response, HttpError> {
    if from_elsewhere(&app, &parts.headers) {
        return Err(HttpError::CsrfFailed);
    }
    let Some(principal) = signed_in(&parts, &app).await? else {
        return Ok(see_other(LOGIN_PATH));
    };
    let Form(form) = form.map_err(|_| HttpError::BadRequest)?;
    check_csrf(&principal, &form.csrf)?;
    let report = app
        .store
        .report_get(id)
        .await
        .map_err(HttpError::from_store)?
        .ok_or(HttpError::NotFound)?;
    principal.require_lang(report.target_lang)?;
    app.store
        .report_resolve(id, principal.name())
        .await
        .map_err(HttpError::from_store)?;
    let state = state_filter(form.state.as_deref()).unwrap_or(None);
    let location = format!(
        "{}#{}",
        edit_href(&report.page, report.target_lang, state),
        unit_anchor(&report.unit_key)
    );
    Ok(see_other(&location))
}

/// `POST /translators/units/{lang}/{id}`: save, revert or approve one unit,
/// then back to the page at that unit. A refused change (QA, someone else's
/// newer version) shows the page again with the reason next to the unit and
/// the translator's text still in its box.
pub async fn change_unit(
    State(app): State<Arc<App>>,
    parts: Parts,
    Path((lang_code, id)): Path<(String, String)>,
    form: Result<Form<UnitForm>, FormRejection>,
) -> Result<Response, HttpError> {
    let Some(principal) = signed_in(&parts, &app).await? else {
        // The session ended while the translator was typing: the login form,
        // with what they typed kept on it to copy, then back to the unit.
        let lang = editor_lang(&app, &parts.headers);
        let typed = form.map(|Form(f)| f.text).unwrap_or_default();
        let next = match (target(&app, &lang_code), app.review().find_unit(&id).await) {
            (Ok(target), Ok((Some(page), _))) => Some(format!(
                "{}#{}",
                edit_href(&page.slug, target, None),
                unit_anchor(&id)
            )),
            _ => None,
        };
        let message = app.locales.t(lang, "editor-session-expired");
        return Ok(html(
            StatusCode::UNAUTHORIZED,
            lang,
            pages::login_page(
                &context(&app, lang, None, LOGIN_PATH.to_owned()),
                Some(&message),
                next.as_deref().and_then(safe_next),
                // Only for the editor's own forms: another site must not be
                // able to put its words on our login page.
                Some(typed.as_str())
                    .filter(|t| !t.trim().is_empty() && !from_elsewhere(&app, &parts.headers)),
            ),
        ));
    };
    if from_elsewhere(&app, &parts.headers) {
        return Err(HttpError::CsrfFailed);
    }
    let Form(form) = form.map_err(|_| HttpError::BadRequest)?;
    check_csrf(&principal, &form.csrf)?;
    let lang = editor_lang(&app, &parts.headers);
    let target = target(&app, &lang_code)?;
    if form.unit.as_deref().is_some_and(|unit| unit != id) {
        return Err(HttpError::BadRequest);
    }
    let action = UnitAction::parse(&form.action).ok_or(HttpError::BadRequest)?;
    let version: i64 = form
        .version
        .trim()
        .parse()
        .ok()
        .filter(|v| *v >= 0)
        .ok_or(HttpError::BadRequest)?;
    if !principal.account.may_edit(target) {
        return Ok(forbidden(&app, lang, &principal, target));
    }
    let review = app.review();
    let (Some(first_page), unit) = review.find_unit(&id).await? else {
        // The editor works on hosted pages; other units go through the API.
        return Err(HttpError::NotFound);
    };
    // Back to the page the form was on, when the unit is on it.
    let page = form
        .page
        .as_deref()
        .and_then(|slug| app.content.find(slug))
        .filter(|p| review::page_units(p).is_ok_and(|units| units.iter().any(|u| u.key == id)))
        .cloned()
        .unwrap_or(first_page);
    let state = state_filter(form.state.as_deref()).unwrap_or(None);
    // "Approve" with the text changed in the box approves the new text: the
    // translator's edit is never dropped for the old one.
    let action = match action {
        UnitAction::Approve if review.approve_saves(&unit, target, &form.text).await? => {
            UnitAction::Save
        }
        other => other,
    };
    let account = &principal.account;
    let outcome = match action {
        UnitAction::Save => review
            .save_override(account, &unit, target, &form.text, version)
            .await
            .map(|_| ()),
        UnitAction::Revert => {
            review
                .revert_override(account, &unit, target, version)
                .await
        }
        UnitAction::Approve => {
            review
                .approve_override(account, &unit, target, version)
                .await
        }
    };
    let error = match outcome {
        Ok(()) => {
            let location = format!(
                "{}&{}={id}#{}",
                edit_href(&page.slug, target, state),
                action.query_key(),
                unit_anchor(&id)
            );
            return Ok(see_other(&location));
        }
        Err(error) => HttpError::from(error),
    };
    let (message, current) = match &error {
        HttpError::QaFailed { detail } => {
            (with_detail(&app, lang, "editor-error-qa", detail), version)
        }
        HttpError::OverrideQa(problem) => (
            with_detail(
                &app,
                lang,
                "editor-error-qa",
                &problem.localized(&app.locales, lang),
            ),
            version,
        ),
        HttpError::Conflict { detail } => (
            with_detail(&app, lang, "editor-error-conflict", detail),
            version,
        ),
        HttpError::VersionConflict { current } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("version", *current);
            (
                app.locales.t_args(lang, "editor-error-stale", &args),
                *current,
            )
        }
        HttpError::Busy => (app.locales.t(lang, "editor-error-busy"), version),
        _ => return Err(error),
    };
    let refused = Refused {
        unit: &id,
        message,
        typed: &form.text,
        version: current,
    };
    let edit = EditRequest {
        page: &page,
        target,
        state,
    };
    render_edit(
        &app,
        lang,
        &principal,
        &edit,
        None,
        Some(refused),
        error.status(),
    )
    .await
}

fn with_detail(app: &App, lang: Lang, id: &str, detail: &str) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("detail", detail.trim_end_matches('.').to_owned());
    app.locales.t_args(lang, id, &args)
}

/// `GET /translators/history/{lang}/{id}`: every change of the unit's
/// override, who made it, when, and the text before and after.
pub async fn history(
    State(app): State<Arc<App>>,
    parts: Parts,
    Path((lang_code, id)): Path<(String, String)>,
) -> Result<Response, HttpError> {
    let Some(principal) = signed_in(&parts, &app).await? else {
        return Ok(login_redirect(&parts));
    };
    let lang = editor_lang(&app, &parts.headers);
    let target = target(&app, &lang_code)?;
    let review = app.review();
    let (Some(page), unit) = review.find_unit(&id).await? else {
        // The editor works on hosted pages; other units go through the API.
        return Err(HttpError::NotFound);
    };
    let entries = review.history(&id, target).await?;
    let body = pages::history_page(
        &context(
            &app,
            lang,
            Some(&principal),
            pages::history_href(target, &id),
        ),
        &page,
        target,
        &review::to_editable(&unit.text),
        &id,
        if app.pipeline.has_bundled(target, &id) {
            "bundled"
        } else {
            "machine"
        },
        &entries,
    );
    Ok(html(StatusCode::OK, lang, body))
}
