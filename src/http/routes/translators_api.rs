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
use crate::auth::Principal;
use crate::content::Announcement;
use crate::http::HttpError;
use crate::i18n::Lang;
use crate::model::OverrideState;
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
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The hosted page with this slug, 404 otherwise.
fn page(app: &App, slug: &str) -> Result<Arc<Announcement>, HttpError> {
    app.content.find(slug).cloned().ok_or(HttpError::NotFound)
}

/// The first hosted page holding unit `id`, and the unit; a unit of no
/// hosted page that the translation memory knows (a proxied page, the
/// translation API) comes without a page.
pub async fn find_unit(
    app: &App,
    id: &str,
) -> Result<(Option<Arc<Announcement>>, SourceUnit), HttpError> {
    if app.unit_sources.contains_key(id) {
        for page in app.content.announcements() {
            let units = review::page_units(page).map_err(|e| HttpError::Internal(e.to_string()))?;
            if let Some(unit) = units.into_iter().find(|u| u.key == id) {
                return Ok((Some(page.clone()), unit));
            }
        }
    }
    let source = app
        .store
        .tm_source(id)
        .await
        .map_err(HttpError::from_store)?
        .ok_or(HttpError::NotFound)?;
    // The id is the hash of the source: a row under another key is not this unit.
    if crate::segment::unit_key(&source) != id {
        return Err(HttpError::NotFound);
    }
    Ok((
        None,
        SourceUnit {
            position: 0,
            part: review::Part::Memory,
            key: id.to_owned(),
            text: source,
        },
    ))
}

/// The unit as translators see it now.
pub async fn unit_view(
    app: &App,
    page: Option<&Announcement>,
    unit: &SourceUnit,
    lang: Lang,
) -> Result<UnitView, HttpError> {
    let views = match page {
        Some(page) => review::unit_views(&app.pipeline, &app.store, page, lang, None).await,
        None => {
            review::views_of(
                &app.pipeline,
                &app.store,
                "",
                vec![unit.clone()],
                lang,
                None,
            )
            .await
        }
    };
    views?
        .into_iter()
        .find(|v| v.id == unit.key)
        .ok_or(HttpError::NotFound)
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
        languages: Lang::ALL
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
    let lang = target(&lang)?;
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
    use crate::fetch::{FetchError, Fetched};
    use crate::http::routes::proxy::upstream;
    let url = app.fetcher.parse_and_check(raw).map_err(|e| match e {
        FetchError::InvalidUrl { .. } | FetchError::NotAllowed { .. } => HttpError::ProxyNotAllowed,
        other => upstream(other),
    })?;
    let Fetched::Page(page) = app.fetcher.fetch(&url, None).await.map_err(upstream)? else {
        return Err(HttpError::UpstreamFailed);
    };
    if !page.status.is_success() || !page.is_html {
        return Err(HttpError::UpstreamFailed);
    }
    let (html, _) = page.decode();
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
    let lang = target(&lang)?;
    let (page, unit) = find_unit(&app, &id).await?;
    let view = unit_view(&app, page.as_deref(), &unit, lang).await?;
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
    let lang = target(&lang)?;
    principal.require_lang(lang)?;
    let (page, unit) = find_unit(&app, &id).await?;
    let version = if_match(&headers)?;
    let request: SaveRequest =
        serde_json::from_slice(&body).map_err(|e| HttpError::InvalidRequest {
            detail: format!("the body must be JSON {{\"text\": \"…\"}}: {e}"),
        })?;
    save_override(&app, &principal, &unit, lang, &request.text, version).await?;
    let view = unit_view(&app, page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

/// Checks and saves a translator's text (editable form) for `unit`: shared
/// by the API, XLIFF import and the editor.
pub async fn save_override(
    app: &App,
    principal: &Principal,
    unit: &SourceUnit,
    lang: Lang,
    typed: &str,
    version: i64,
) -> Result<crate::model::Override, HttpError> {
    save_text(
        app,
        principal,
        unit,
        lang,
        &review::from_editable(typed.trim()),
        version,
    )
    .await
}

/// Like [`save_override`], with the text already in placeholder form (XLIFF).
pub async fn save_text(
    app: &App,
    principal: &Principal,
    unit: &SourceUnit,
    lang: Lang,
    text: &str,
    version: i64,
) -> Result<crate::model::Override, HttpError> {
    principal.require_lang(lang)?;
    let text = text.trim();
    review::check_override(&unit.text, text, lang).map_err(HttpError::OverrideQa)?;
    let saved = app
        .store
        .override_put(
            &unit.key,
            lang,
            text,
            &unit.text,
            principal.name(),
            (version > 0).then_some(version),
        )
        .await
        .map_err(HttpError::from_store)?;
    app.store_changed().await;
    tracing::info!(translator = principal.name(), target = %lang, unit = %unit.key, version = saved.version, "override saved");
    Ok(saved)
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
    let lang = target(&lang)?;
    principal.require_lang(lang)?;
    let (page, unit) = find_unit(&app, &id).await?;
    let version = if_match(&headers)?;
    revert_override(&app, &principal, &unit, lang, version).await?;
    let view = unit_view(&app, page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

pub async fn revert_override(
    app: &App,
    principal: &Principal,
    unit: &SourceUnit,
    lang: Lang,
    version: i64,
) -> Result<(), HttpError> {
    principal.require_lang(lang)?;
    if version == 0 {
        // Nothing to revert as far as the client knows: 412 if someone has
        // saved one since, so it can refresh; otherwise nothing to do.
        let current = app
            .store
            .override_get(std::slice::from_ref(&unit.key), lang)
            .await
            .map_err(HttpError::from_store)?
            .remove(&unit.key);
        return Err(match current {
            Some(o) => HttpError::VersionConflict { current: o.version },
            None => HttpError::Conflict {
                detail: "there is no override to revert".into(),
            },
        });
    }
    app.store
        .override_revert(&unit.key, lang, principal.name(), Some(version))
        .await
        .map_err(HttpError::from_store)?;
    app.store_changed().await;
    tracing::info!(translator = principal.name(), target = %lang, unit = %unit.key, "override reverted");
    Ok(())
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
    let lang = target(&lang)?;
    principal.require_lang(lang)?;
    let (page, unit) = find_unit(&app, &id).await?;
    let version = if_match(&headers)?;
    approve_override(&app, &principal, &unit, lang, version).await?;
    let view = unit_view(&app, page.as_deref(), &unit, lang).await?;
    Ok(with_etag(view.version, Json(view)))
}

pub async fn approve_override(
    app: &App,
    principal: &Principal,
    unit: &SourceUnit,
    lang: Lang,
    version: i64,
) -> Result<(), HttpError> {
    principal.require_lang(lang)?;
    let current = app
        .store
        .override_get(std::slice::from_ref(&unit.key), lang)
        .await
        .map_err(HttpError::from_store)?
        .remove(&unit.key);
    let current = match current {
        Some(o) if o.version == version => o,
        other => {
            return Err(HttpError::VersionConflict {
                current: other.map_or(0, |o| o.version),
            });
        }
    };
    if current.state == OverrideState::Approved {
        return Err(HttpError::Conflict {
            detail: "this override is already approved".into(),
        });
    }
    review::check_override(&unit.text, &current.text, lang).map_err(HttpError::OverrideQa)?;
    app.store
        .override_set_state(
            &unit.key,
            lang,
            OverrideState::Approved,
            principal.name(),
            Some(version),
        )
        .await
        .map_err(HttpError::from_store)?;
    app.store_changed().await;
    Ok(())
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
    let lang = target(&lang)?;
    find_unit(&app, &id).await?;
    let revisions = app
        .store
        .override_history(&id, lang)
        .await
        .map_err(HttpError::from_store)?;
    Ok(Json(HistoryResponse {
        id,
        lang: lang.code().to_owned(),
        history: review::history_entries(revisions),
    }))
}
