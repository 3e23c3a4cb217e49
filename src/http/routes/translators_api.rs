//! The translators' JSON API under `/api/v1/`: hosted pages and their units
//! per language, overrides with optimistic concurrency (`If-Match` carries
//! the unit's version, 0 before any override), revert, approve after a
//! source change, and history. Every endpoint needs a translator token
//! (`Authorization: Bearer hny_…`) or an editor session; changes need the
//! language to be the translator's.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::content::Announcement;
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::http::principal::Principal;

use crate::review::{self, HistoryEntry, SourceUnit, UnitState, UnitView};

pub use crate::http::target_lang as target;

/// The version in `If-Match` (`"3"`, `W/"3"` or `3`); 428 without one.
pub fn if_match(headers: &HeaderMap) -> Result<i64, HttpError> {
    let raw = headers
        .get(header::IF_MATCH)
        .ok_or(HttpError::PreconditionRequired)?
        .to_str()
        .map_err(|_| HttpError::InvalidRequest {
            detail: "If-Match is not ASCII".into(),
        })?;
    let trimmed = raw.trim();
    let unquoted = trimmed
        .strip_prefix("W/")
        .unwrap_or(trimmed)
        .trim_matches('"');
    unquoted
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 0)
        .ok_or_else(|| HttpError::InvalidRequest {
            detail: format!(
                "If-Match must be the unit's version as given in its ETag, such as \"3\" (0 before any override), not {:?}",
                trimmed.chars().take(40).collect::<String>()
            ),
        })
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

fn with_etag(version: i64, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    CachePolicy::NoStore.apply(response.headers_mut());
    response
}

/// The hosted page with this slug, 404 otherwise.
fn page(app: &App, slug: &str) -> Result<Arc<Announcement>, HttpError> {
    app.content.find(slug).cloned().ok_or(HttpError::NotFound)
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PageSummary {
    /// The page's slug: `/{lang}/{page}` on this site.
    pub page: String,
    pub title: String,
    pub units: usize,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PagesResponse {
    pub translator: String,
    /// The languages this translator may change.
    pub languages: Vec<String>,
    pub pages: Vec<PageSummary>,
}

/// The hosted pages, and what the caller may change.
#[utoipa::path(get, path = "/api/v1/pages", tag = "translators",
    responses((status = 200, body = PagesResponse), (status = 401, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn pages(
    State(app): State<Arc<App>>,
    principal: Principal,
) -> Result<Json<PagesResponse>, HttpError> {
    let mut pages = Vec::new();
    for page in app.content.announcements() {
        let units = review::page_units(page).map_err(|e| HttpError::Internal(e.to_string()))?;
        pages.push(PageSummary {
            page: page.slug.clone(),
            title: page.title.source().to_owned(),
            units: units.len(),
        });
    }
    Ok(Json(PagesResponse {
        translator: principal.account.name.clone(),
        languages: app
            .languages
            .target_langs()
            .into_iter()
            .filter(|l| principal.account.may_edit(*l))
            .map(|l| l.code().to_owned())
            .collect(),
        pages,
    }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct UnitsQuery {
    /// A hosted page's slug…
    #[serde(default)]
    page: Option<String>,
    /// …or the URL of a page the proxy translates (fetched now).
    #[serde(default)]
    url: Option<String>,
    /// Only units in this state: `machine`, `approved` or `needs-review`.
    #[serde(default)]
    state: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UnitsResponse {
    pub page: String,
    pub lang: String,
    pub units: Vec<UnitView>,
}

/// The units of a page in one language: source, what readers get without an
/// override, the override, state and version.
#[utoipa::path(get, path = "/api/v1/units/{lang}", tag = "translators",
    params(("lang" = String, Path, description = "Target language"), UnitsQuery),
    responses((status = 200, body = UnitsResponse), (status = 401, body = crate::http::error::ErrorBody), (status = 404, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn units(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Path(lang): Path<String>,
    Query(query): Query<UnitsQuery>,
) -> Result<Json<UnitsResponse>, HttpError> {
    let lang = target(&app, &lang)?;
    let state = match query.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            UnitState::parse(s).ok_or_else(|| HttpError::InvalidRequest {
                detail: format!("state must be machine, approved or needs-review, not {s:?}"),
            })?,
        ),
    };
    let (label, units) = match (query.page.as_deref(), query.url.as_deref()) {
        (Some(slug), None) => {
            let page = page(&app, slug)?;
            let units = review::unit_views(&app.pipeline, &app.store, &page, lang, state).await?;
            (page.slug.clone(), units)
        }
        (None, Some(raw)) => {
            let (url, units) = proxied_units(&app, raw).await?;
            let units =
                review::views_of(&app.pipeline, &app.store, &url, units, lang, state).await?;
            (url, units)
        }
        _ => {
            return Err(HttpError::InvalidRequest {
                detail: "give either page=SLUG (a hosted page) or url=URL (a proxied page)".into(),
            });
        }
    };
    Ok(Json(UnitsResponse {
        page: label,
        lang: lang.code().to_owned(),
        units,
    }))
}

/// Fetches a page the proxy may translate, as the proxy would, and cuts it
/// into units.
async fn proxied_units(app: &App, raw: &str) -> Result<(String, Vec<SourceUnit>), HttpError> {
    let (url, html) = app.proxy.fetch_html(raw).await.map_err(|e| match e {
        // Whatever the origin answered, it is not a page to list.
        crate::proxy::ProxyError::NotHtml
        | crate::proxy::ProxyError::OriginStatus(_)
        | crate::proxy::ProxyError::NotFound(_) => HttpError::UpstreamFailed,
        other => HttpError::from(other),
    })?;
    let units = review::html_units(&html).map_err(|e| HttpError::InvalidRequest {
        detail: format!("the page cannot be cut into units: {e}"),
    })?;
    Ok((url.as_str().to_owned(), units))
}

/// One unit, with its version in `ETag`.
#[utoipa::path(get, path = "/api/v1/units/{lang}/{id}", tag = "translators",
    params(("lang" = String, Path), ("id" = String, Path, description = "The unit's id")),
    responses((status = 200, body = UnitView), (status = 404, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn unit(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    let review = app.review();
    let (page, unit) = review.find_unit(&id).await?;
    let view = review.unit_view(page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

/// The body of a save.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveRequest {
    /// The translation, editable form: plain text in which the unit's
    /// placeholders (`<b1>…</b1>`, `<x2/>`) stand for its markup. Any other
    /// markup is kept as text.
    pub text: String,
}

/// Saves an override, served to readers at once. `If-Match`: the version
/// the translator started from.
#[utoipa::path(put, path = "/api/v1/units/{lang}/{id}", tag = "translators",
    params(("lang" = String, Path), ("id" = String, Path), ("If-Match" = String, Header, description = "The unit's version from its ETag; 0 when it has no override")),
    request_body = SaveRequest,
    responses((status = 200, body = UnitView), (status = 403, body = crate::http::error::ErrorBody), (status = 412, body = crate::http::error::ErrorBody), (status = 422, body = crate::http::error::ErrorBody), (status = 428, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn save(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path((lang, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    principal.require_lang(lang)?;
    let review = app.review();
    let (page, unit) = review.find_unit(&id).await?;
    let version = if_match(&headers)?;
    let request: SaveRequest =
        serde_json::from_slice(&body).map_err(|e| HttpError::InvalidRequest {
            detail: format!("the body must be JSON {{\"text\": \"…\"}}: {e}"),
        })?;
    review
        .save_override(&principal.account, &unit, lang, &request.text, version)
        .await?;
    let view = review.unit_view(page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

/// Reverts to the machine (or bundled) translation.
#[utoipa::path(delete, path = "/api/v1/units/{lang}/{id}", tag = "translators",
    params(("lang" = String, Path), ("id" = String, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = UnitView), (status = 403, body = crate::http::error::ErrorBody), (status = 412, body = crate::http::error::ErrorBody), (status = 428, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn revert(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path((lang, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    principal.require_lang(lang)?;
    let review = app.review();
    let (page, unit) = review.find_unit(&id).await?;
    let version = if_match(&headers)?;
    review
        .revert_override(&principal.account, &unit, lang, version)
        .await?;
    let view = review.unit_view(page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

/// Approves an override flagged `needs-review` as it stands (after the
/// QA checks against the new source).
#[utoipa::path(post, path = "/api/v1/units/{lang}/{id}/approve", tag = "translators",
    params(("lang" = String, Path), ("id" = String, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = UnitView), (status = 412, body = crate::http::error::ErrorBody), (status = 422, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn approve(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path((lang, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let lang = target(&app, &lang)?;
    principal.require_lang(lang)?;
    let review = app.review();
    let (page, unit) = review.find_unit(&id).await?;
    let version = if_match(&headers)?;
    review
        .approve_override(&principal.account, &unit, lang, version)
        .await?;
    let view = review.unit_view(page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HistoryResponse {
    pub id: String,
    pub lang: String,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
}

/// Every change of a unit's override: who, when, before and after.
#[utoipa::path(get, path = "/api/v1/units/{lang}/{id}/history", tag = "translators",
    params(("lang" = String, Path), ("id" = String, Path)),
    responses((status = 200, body = HistoryResponse), (status = 404, body = crate::http::error::ErrorBody)),
    security(("translator_token" = [])))]
pub async fn history(
    State(app): State<Arc<App>>,
    _principal: Principal,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Json<HistoryResponse>, HttpError> {
    let lang = target(&app, &lang)?;
    let review = app.review();
    review.find_unit(&id).await?;
    let history = review.history(&id, lang).await?;
    Ok(Json(HistoryResponse {
        id,
        lang: lang.code().to_owned(),
        history,
    }))
}
