//! The translators' queue of readers' reports (JSON, a translator's token or
//! editor session required):
//!
//! - `GET /api/v1/reports?lang=&status=&page=`: newest first. A translator
//!   sees the languages they may edit; asking for another one is 403.
//!   Admins see every language.
//! - `POST /api/v1/reports/{id}/resolve`: 403 unless the caller may edit the
//!   report's language.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};

use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::http::principal::Principal;
use crate::i18n::Lang;
use crate::model::{Report, ReportStatus, Role};
use crate::store::REPORTS_LISTED_MAX;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportsQuery {
    /// Target language (en, zh-Hans, zh-Hant, ko); default: every language
    /// the caller may edit.
    lang: Option<String>,
    /// `open` or `resolved`; default: both.
    status: Option<String>,
    /// An announcement's slug; default: every page.
    page: Option<String>,
}

/// One reader's report. Nothing about the reader is kept, so nothing about
/// them is here.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportItem {
    id: i64,
    /// The announcement's slug.
    page: String,
    /// The reported unit's key (as in overrides and the translation memory).
    unit: String,
    /// Target language.
    lang: &'static str,
    /// What the reader wrote: plain text, never markup.
    message: String,
    /// Unix milliseconds.
    created_at: i64,
    /// `open` or `resolved`.
    status: &'static str,
    resolved_by: Option<String>,
    /// Unix milliseconds.
    resolved_at: Option<i64>,
    /// The reported passage on its page.
    url: String,
}

impl ReportItem {
    /// `report` with the address of its passage on this site.
    fn new(report: Report, languages: &crate::i18n::Languages) -> Self {
        Self {
            url: crate::render::passage_href(
                languages.prefix(report.target_lang),
                &report.page,
                &report.unit_key,
            ),
            id: report.id,
            lang: report.target_lang.code(),
            status: report.status.as_str(),
            page: report.page,
            unit: report.unit_key,
            message: report.message,
            created_at: report.created_at,
            resolved_by: report.resolved_by,
            resolved_at: report.resolved_at,
        }
    }
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportList {
    /// Newest first, at most 500.
    reports: Vec<ReportItem>,
}

#[utoipa::path(
    get,
    path = "/api/v1/reports",
    tag = "reports",
    params(ReportsQuery),
    responses(
        (status = 200, description = "Reports, newest first (at most 500)", body = ReportList),
        (status = 400, description = "Unknown language or status", body = crate::http::error::ErrorBody),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "The caller may not edit that language", body = crate::http::error::ErrorBody),
        (status = 429, description = "Too many failed logins from this address; see Retry-After", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn list(
    State(app): State<Arc<App>>,
    principal: Principal,
    query: Result<Query<ReportsQuery>, QueryRejection>,
) -> Result<Response, HttpError> {
    let Query(query) = query.map_err(|e| HttpError::InvalidRequest {
        detail: e.body_text(),
    })?;
    let status = query
        .status
        .as_deref()
        .map(|s| {
            ReportStatus::parse(s).ok_or_else(|| HttpError::InvalidRequest {
                detail: format!("status must be open or resolved, not {s:?}"),
            })
        })
        .transpose()?;
    let page = query.page.as_deref().filter(|p| !p.is_empty());
    let langs: Vec<Option<Lang>> = match query.lang.as_deref() {
        Some(code) => {
            let lang = app
                .languages
                .by_prefix(code)
                .or_else(|| app.languages.resolve_target(code))
                .filter(|l| !l.is_source())
                .ok_or_else(|| HttpError::UnsupportedTarget {
                    code: code.chars().take(32).collect(),
                })?;
            principal.require_lang(lang)?;
            vec![Some(lang)]
        }
        None if principal.account.role == Role::Admin => vec![None],
        None => app
            .languages
            .target_langs()
            .into_iter()
            .filter(|l| principal.account.may_edit(*l))
            .map(Some)
            .collect(),
    };
    let mut reports = Vec::new();
    for lang in langs {
        reports.extend(
            app.store
                .reports(lang, status, page)
                .await
                .map_err(HttpError::from_store)?,
        );
    }
    // Several languages were asked for one by one: merge them into one
    // newest-first list with the store's cap.
    reports.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.id)));
    reports.truncate(usize::try_from(REPORTS_LISTED_MAX).unwrap_or(usize::MAX));
    let body = ReportList {
        reports: reports
            .into_iter()
            .map(|r| ReportItem::new(r, &app.languages))
            .collect(),
    };
    Ok(private_json(body))
}

#[utoipa::path(
    post,
    path = "/api/v1/reports/{id}/resolve",
    tag = "reports",
    params(("id" = i64, Path, description = "The report's id")),
    responses(
        (status = 200, description = "Resolved (resolving again changes nothing)", body = ReportItem),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "The caller may not edit the report's language, or a session without its CSRF token", body = crate::http::error::ErrorBody),
        (status = 404, description = "No such report", body = crate::http::error::ErrorBody),
        (status = 429, description = "Too many failed logins from this address; see Retry-After", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn resolve(
    State(app): State<Arc<App>>,
    principal: Principal,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Response, HttpError> {
    let Path(id) = id.map_err(|_| HttpError::NotFound)?;
    let report = app
        .store
        .report_get(id)
        .await
        .map_err(HttpError::from_store)?
        .ok_or(HttpError::NotFound)?;
    principal.require_lang(report.target_lang)?;
    let resolved = app
        .store
        .report_resolve(id, principal.name())
        .await
        .map_err(HttpError::from_store)?;
    tracing::info!(
        report = id,
        by = principal.name(),
        "a reader's report was resolved"
    );
    Ok(private_json(ReportItem::new(resolved, &app.languages)))
}

/// Answers for one translator: never kept by a shared cache.
fn private_json<T: Serialize>(body: T) -> Response {
    let mut response = Json(body).into_response();
    CachePolicy::PrivateNoStore.apply(response.headers_mut());
    response
}
