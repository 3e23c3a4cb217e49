//! `/feedback/{lang}`: readers report a problem with one translated passage,
//! without an account. `GET ?page=SLUG&unit=KEY` shows the passage (Japanese
//! and current translation) and a form; `POST` stores the report and thanks
//! the reader, with a link back to the passage.
//!
//! The path starts with a fixed segment rather than living under `/{lang}/`,
//! so it can never shadow (or be shadowed by) an announcement's slug; errors
//! still speak `{lang}` (see `http::request_lang`). Nothing about the reader
//! is stored; the address is used only, in memory, for the rate limit.

use std::sync::Arc;

use axum::Form;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{Extensions, HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentArgs;
use serde::Deserialize;

use crate::app::App;
use crate::content::Announcement;
use crate::feedback::{MessageError, clean_message};
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::i18n::Lang;
use crate::pages::plain_text;
use crate::render::{self, PageContext, Place, ReportFormView};
use crate::segment::Unit;

#[derive(Debug, Deserialize)]
pub struct FormQuery {
    page: Option<String>,
    unit: Option<String>,
}

/// The form's fields. `website` is the honeypot, hidden from people.
#[derive(Debug, Deserialize)]
pub struct ReportForm {
    page: String,
    unit: String,
    message: String,
    #[serde(default)]
    website: String,
}

/// `GET /feedback/{lang}?page=SLUG&unit=KEY`: the report form.
pub async fn form(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<FormQuery>, QueryRejection>,
) -> Result<Response, HttpError> {
    let Path(code) = path.map_err(|_| HttpError::BadRequest)?;
    let lang = target_lang(&app, &code)?;
    let Query(query) = query.map_err(|_| HttpError::BadRequest)?;
    let (Some(slug), Some(key)) = (query.page, query.unit) else {
        return Err(HttpError::NotFound);
    };
    let (page, unit) = passage(&app, &slug, &key)?;
    let html = form_page(&app, lang, &page, &unit, "", None).await;
    Ok(html_response(StatusCode::OK, lang, html))
}

/// `POST /feedback/{lang}`: stores the report and thanks the reader. An
/// invalid message brings the form back (400) with what was typed and why
/// it was refused.
pub async fn submit(
    State(app): State<Arc<App>>,
    path: Result<Path<String>, PathRejection>,
    extensions: Extensions,
    headers: HeaderMap,
    form: Result<Form<ReportForm>, FormRejection>,
) -> Result<Response, HttpError> {
    let Path(code) = path.map_err(|_| HttpError::BadRequest)?;
    let lang = target_lang(&app, &code)?;
    // Browsers say where a form was sent from: another site's page posting
    // here (to spend its visitors' allowance) is refused.
    if crate::http::same_origin::from_elsewhere(&app, &headers) {
        return Err(HttpError::Forbidden {
            detail: "reports are sent from this site's own form".into(),
        });
    }
    let Form(form) = form.map_err(|_| HttpError::BadRequest)?;
    let (page, unit) = passage(&app, &form.page, &form.unit)?;
    let key = unit.key();
    // After a report, another language leads back to the announcement.
    let ctx = context(&app, lang, Some(Place::Page(page.slug.clone())));
    if !form.website.is_empty() {
        // A bot filled the hidden field: it is thanked and nothing is kept.
        tracing::debug!("dropped a report that filled the honeypot field");
        let html = render::report_thanks_page(&ctx, &page.slug, &key, form.message.trim());
        return Ok(html_response(StatusCode::OK, lang, html));
    }
    let message = match clean_message(&form.message) {
        Ok(message) => message,
        Err(error) => {
            let text = message_error_text(&app, lang, &error);
            let html = form_page(&app, lang, &page, &unit, &form.message, Some(&text)).await;
            return Ok(html_response(StatusCode::BAD_REQUEST, lang, html));
        }
    };
    let ip = crate::http::client_addr::client_ip_of(
        &extensions,
        &headers,
        &app.config.server.trusted_proxies,
    );
    if let Err(retry_after_secs) = app.report_limiter.try_take(ip) {
        return Ok(rate_limited(&app, lang, retry_after_secs));
    }
    let report = app
        .store
        .report_add(&page.slug, &key, lang, &message)
        .await
        .map_err(HttpError::from_store)?;
    tracing::info!(
        report = report.id,
        lang = lang.code(),
        page = %page.slug,
        "stored a reader's report"
    );
    let html = render::report_thanks_page(&ctx, &page.slug, &key, &report.message);
    Ok(html_response(StatusCode::OK, lang, html))
}

/// A language readers can report on: a translation target. An unknown code
/// is answered like any unknown language prefix; Japanese, the original,
/// has nothing to report here.
fn target_lang(app: &App, code: &str) -> Result<Lang, HttpError> {
    match app.languages.by_prefix(code) {
        Some(lang) if !lang.is_source() => Ok(lang),
        Some(_) => Err(HttpError::NotFound),
        None => Err(HttpError::UnsupportedLanguage {
            code: code.chars().take(32).collect(),
        }),
    }
}

/// The announcement and its text unit a report is about; 404 unless the
/// unit is one of that page's translatable passages.
fn passage(app: &App, slug: &str, key: &str) -> Result<(Arc<Announcement>, Unit), HttpError> {
    let page = app.content.find(slug).ok_or(HttpError::NotFound)?;
    let unit = crate::pages::text_unit(page, key)
        .map_err(|e| HttpError::Internal(e.to_string()))?
        .ok_or(HttpError::NotFound)?;
    Ok((page.clone(), unit))
}

/// A page of the report form; the switcher keeps the reader at `place`.
fn context(app: &App, lang: Lang, place: Option<Place>) -> PageContext<'_> {
    PageContext {
        locales: &app.locales,
        languages: &app.languages,
        lang,
        base_url: &app.base_url,
        path: None,
        place,
    }
}

async fn form_page(
    app: &App,
    lang: Lang,
    page: &Announcement,
    unit: &Unit,
    message: &str,
    error: Option<&str>,
) -> String {
    // The passage as readers see it now: normally from memory, since the
    // page it was reported on has just been rendered.
    let translation = app
        .pipeline
        .translate_units(std::slice::from_ref(&unit.text), lang)
        .await
        .into_iter()
        .next()
        .flatten()
        .map(|t| plain_text(&t.text));
    let original = plain_text(&unit.text);
    let key = unit.key();
    let view = ReportFormView {
        slug: &page.slug,
        unit_key: &key,
        original: &original,
        translation: translation.as_deref(),
        message,
        error,
    };
    let place = Place::Report {
        slug: page.slug.clone(),
        unit: crate::pages::unit_ref(&key).to_owned(),
    };
    render::report_form_page(&context(app, lang, Some(place)), &view)
}

fn message_error_text(app: &App, lang: Lang, error: &MessageError) -> String {
    match error {
        MessageError::Empty => app.locales.t(lang, "report-error-empty"),
        MessageError::TooLong { chars, max } => {
            let mut args = FluentArgs::new();
            args.set("count", *chars);
            args.set("max", *max);
            app.locales.t_args(lang, "report-error-too-long", &args)
        }
        MessageError::ControlCharacter(_) => app.locales.t(lang, "report-error-control"),
    }
}

/// 429 with `Retry-After` and a page that says, in the reader's language and
/// in minutes, when to try again.
fn rate_limited(app: &App, lang: Lang, retry_after_secs: u64) -> Response {
    let mut args = FluentArgs::new();
    args.set("minutes", retry_after_secs.div_ceil(60).max(1));
    let message = app.locales.t_args(lang, "report-rate-limited", &args);
    let title = app.locales.t(lang, "error-bad-request-title");
    let html = render::error_page(&context(app, lang, None), &title, &message);
    let mut response = html_response(StatusCode::TOO_MANY_REQUESTS, lang, html);
    if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Form pages are per passage and per submission: never cached, never
/// indexed.
fn html_response(status: StatusCode, lang: Lang, html: String) -> Response {
    let mut response = (status, html).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    CachePolicy::NoStore.apply(h);
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    h.insert(
        HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    response
}
