//! Exchange files for CAT tools: a page's units in one language as XLIFF
//! 2.0 (out and back in) and the whole translation memory as TMX 1.4b.
//!
//! An import goes through exactly the checks of the JSON API, unit by unit:
//! the translator's languages, the version the file was exported at (a unit
//! changed since is a conflict, not overwritten), and the QA checks. Units
//! whose target is what readers already get are left alone, so editing one
//! unit in the file changes exactly that unit. The answer reports every
//! unit's outcome.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::exchange::{self, ExchangeUnit};
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::http::principal::Principal;
use crate::http::routes::translators_api::target;
use crate::review;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PageQuery {
    /// The page's slug.
    page: String,
}

fn download(content_type: &'static str, filename: &str, body: String) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    CachePolicy::NoStore.apply(headers);
    // The name is built from a slug and a language code: ASCII, no quotes.
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A page's units in one language as XLIFF 2.0, with each unit's version
/// and state in its metadata, for a CAT tool.
#[utoipa::path(get, path = "/api/v1/xliff/{lang}", tag = "translators",
    params(("lang" = String, Path), PageQuery),
    responses((status = 200, content_type = "application/xliff+xml", body = String), (status = 404, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn export(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Path(lang): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    let page = app
        .content
        .find(&query.page)
        .cloned()
        .ok_or(HttpError::NotFound)?;
    let sources = review::page_units(&page).map_err(|e| HttpError::Internal(e.to_string()))?;
    let markup = exchange::page_markup(&page).map_err(|e| HttpError::Internal(e.to_string()))?;
    let views = review::unit_views(&app.pipeline, &app.store, &page, lang, None).await?;
    let mut seen = std::collections::HashSet::new();
    let units: Vec<ExchangeUnit> = sources
        .into_iter()
        .zip(views)
        // A sentence that appears twice on the page is one unit to translate.
        .filter(|(source, _)| seen.insert(source.key.clone()))
        .map(|(source, view)| {
            let mut notes = Vec::new();
            match &view.machine {
                Some(m) => notes.push(match &m.model {
                    Some(model) => format!("{}: {model}", m.origin),
                    None => m.origin.to_owned(),
                }),
                None => notes.push("not translated yet".to_owned()),
            }
            if let Some(o) = &view.override_ {
                notes.push(format!("override by {}", o.author));
                if let Some(previous) = &o.previous_source {
                    notes.push(format!("the Japanese changed; it was: {previous}"));
                }
            }
            if !view.required.is_empty() {
                notes.push(format!("keep exactly: {}", view.required.join(" | ")));
            }
            let target = view.current_text();
            ExchangeUnit {
                markup: markup.get(&source.key).cloned().unwrap_or_default(),
                id: source.key,
                source: source.text,
                target,
                state: view.state,
                version: view.version,
                notes,
            }
        })
        .collect();
    let xml = exchange::xliff_export(&page.slug, lang, &units);
    let filename = format!("{}.{}.xlf", page.slug.replace('/', "_"), lang.code());
    Ok(download(
        "application/xliff+xml; charset=utf-8",
        &filename,
        xml,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ImportQuery {
    /// The page's slug, for a file whose tool dropped the `<file>`'s
    /// `original` (it must match when the file has one).
    #[serde(default)]
    page: Option<String>,
}

/// What happened to one unit of an imported file.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct XliffUnitResult {
    pub id: String,
    /// `updated`, `approved`, `unchanged`, `skipped` (no target),
    /// `conflict` (changed since the export), `qa_failed`, `not_found`
    /// (not a unit of this page) or `invalid` (unreadable in the file).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The unit's version after the import.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct XliffImportReport {
    pub page: String,
    pub lang: String,
    /// Count per status.
    pub summary: HashMap<&'static str, usize>,
    pub units: Vec<XliffUnitResult>,
}

/// Imports an XLIFF 2.0 file exported by [`export`] and edited in a CAT
/// tool. Changed targets become overrides (same checks as `PUT`), unchanged
/// ones are left alone; the report says what happened to every unit.
#[utoipa::path(put, path = "/api/v1/xliff/{lang}", tag = "translators",
    params(("lang" = String, Path), ImportQuery),
    request_body(content = String, content_type = "application/xliff+xml"),
    responses((status = 200, body = XliffImportReport), (status = 400, body = crate::http::error::ErrorBody), (status = 403, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn import(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path(lang): Path<String>,
    Query(query): Query<ImportQuery>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Result<Json<XliffImportReport>, HttpError> {
    // The report's messages are for the translator: in their language.
    let reader = crate::http::negotiated_lang(&app, &headers);
    let lang = target(&app, &lang)?;
    principal.require_lang(lang)?;
    let xml = std::str::from_utf8(&body).map_err(|_| HttpError::InvalidRequest {
        detail: "the XLIFF file must be UTF-8".into(),
    })?;
    let file = exchange::xliff_import(xml).map_err(|e| HttpError::InvalidRequest {
        detail: e.to_string(),
    })?;
    if file.target_lang != lang {
        return Err(HttpError::InvalidRequest {
            detail: format!(
                "the file is for {} (trgLang), not {}",
                file.target_lang.code(),
                lang.code()
            ),
        });
    }
    let slug = file
        .page_for(query.page.as_deref())
        .map_err(|e| HttpError::InvalidRequest {
            detail: e.to_string(),
        })?;
    let page = app
        .content
        .find(&slug)
        .cloned()
        .ok_or_else(|| HttpError::InvalidRequest {
            detail: format!("the file's page {slug:?} is not a page of this site"),
        })?;
    let units: HashMap<String, review::SourceUnit> = review::page_units(&page)
        .map_err(|e| HttpError::Internal(e.to_string()))?
        .into_iter()
        .map(|u| (u.key.clone(), u))
        .collect();
    let views: HashMap<String, review::UnitView> =
        review::unit_views(&app.pipeline, &app.store, &page, lang, None)
            .await?
            .into_iter()
            .map(|v| (v.id.clone(), v))
            .collect();
    let review = app.review();
    let mut results = Vec::with_capacity(file.units.len());
    for imported in file.units {
        let result =
            |status: &'static str, message: Option<String>, version: Option<i64>| XliffUnitResult {
                id: imported.id.clone(),
                status,
                message,
                version,
            };
        if let Some(problem) = imported.problem.clone() {
            results.push(result("invalid", Some(problem), None));
            continue;
        }
        let (Some(unit), Some(view)) = (units.get(&imported.id), views.get(&imported.id)) else {
            results.push(result(
                "not_found",
                Some(format!("unit {} is not on page {}", imported.id, page.slug)),
                None,
            ));
            continue;
        };
        let current = view.current_text();
        let verdict = exchange::judge(
            &imported,
            &exchange::Current {
                source: &unit.text,
                text: current.as_deref(),
                version: view.version,
                state: view.state,
            },
            lang,
        );
        results.push(match verdict {
            exchange::Verdict::Skipped => result("skipped", None, Some(view.version)),
            exchange::Verdict::Unchanged => result("unchanged", None, Some(view.version)),
            exchange::Verdict::Approve { version } => {
                match review
                    .approve_override(&principal.account, unit, lang, version)
                    .await
                {
                    Ok(()) => result("approved", None, Some(version + 1)),
                    Err(e) => outcome_of(&app, reader, &imported.id, e.into()),
                }
            }
            exchange::Verdict::Save {
                text,
                version,
                note,
            } => match review
                .save_text(&principal.account, unit, lang, &text, version)
                .await
            {
                Ok(saved) => result("updated", note, Some(saved.version)),
                Err(e) => outcome_of(&app, reader, &imported.id, e.into()),
            },
        });
    }
    let mut summary: HashMap<&'static str, usize> = HashMap::new();
    for r in &results {
        *summary.entry(r.status).or_default() += 1;
    }
    Ok(Json(XliffImportReport {
        page: page.slug.clone(),
        lang: lang.code().to_owned(),
        summary,
        units: results,
    }))
}

/// One unit's failed change as a report line; failures that are not about
/// the unit (the store is down) still stop nothing else.
fn outcome_of(app: &App, reader: crate::i18n::Lang, id: &str, error: HttpError) -> XliffUnitResult {
    let (status, message) = match &error {
        HttpError::VersionConflict { current } => (
            "conflict",
            format!(
                "changed since the export: now at version {current}; export again and redo this unit"
            ),
        ),
        HttpError::QaFailed { detail } => ("qa_failed", detail.clone()),
        HttpError::OverrideQa(problem) => ("qa_failed", problem.localized(&app.locales, reader)),
        HttpError::Forbidden { detail } => ("forbidden", detail.clone()),
        HttpError::Conflict { detail } => ("conflict", detail.clone()),
        other => {
            tracing::warn!(unit = id, error = %other, "XLIFF import: unit not saved");
            ("error", "not saved; try again".to_owned())
        }
    };
    XliffUnitResult {
        id: id.to_owned(),
        status,
        message: Some(message),
        version: None,
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct TmxQuery {
    /// Only this target language (as `/api/v1/tmx/{lang}`).
    #[serde(default)]
    lang: Option<String>,
}

/// The whole translation memory, and translators' overrides, as TMX 1.4b:
/// one language pair per `<tu>`, the current version of each source. CAT
/// tools want one file per target language: `/api/v1/tmx/{lang}`.
#[utoipa::path(get, path = "/api/v1/tmx", tag = "translators",
    params(TmxQuery),
    responses((status = 200, content_type = "application/x-tmx+xml", body = String), (status = 400, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn tmx(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Query(query): Query<TmxQuery>,
) -> Result<Response, HttpError> {
    let lang = query.lang.as_deref().map(|l| target(&app, l)).transpose()?;
    tmx_file(&app, lang).await
}

/// The translation memory of one target language, with translators'
/// overrides, as TMX 1.4b: what a CAT tool project for that language loads.
#[utoipa::path(get, path = "/api/v1/tmx/{lang}", tag = "translators",
    params(("lang" = String, Path)),
    responses((status = 200, content_type = "application/x-tmx+xml", body = String), (status = 400, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn tmx_lang(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Path(lang): Path<String>,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    tmx_file(&app, Some(lang)).await
}

async fn tmx_file(app: &App, lang: Option<crate::i18n::Lang>) -> Result<Response, HttpError> {
    let xml = exchange::memory_tmx(&app.pipeline, &app.store, &app.unit_sources, lang)
        .await
        .map_err(HttpError::from_store)?;
    let filename = match lang {
        Some(lang) => format!("honyaku-memory.{}.tmx", lang.code()),
        None => "honyaku-memory.tmx".to_owned(),
    };
    Ok(download(
        "application/x-tmx+xml; charset=utf-8",
        &filename,
        xml,
    ))
}
