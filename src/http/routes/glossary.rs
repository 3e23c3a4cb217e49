//! `/api/v1/glossary/{lang}…`: translators keep the glossary of their
//! languages (admins of all): list, put and delete one term, and exchange
//! the whole glossary as CSV with their tools. Every change reaches machine
//! translation at once (the store generation moves) and re-translates only
//! the units that contain a changed term.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::glossary;
use crate::http::HttpError;
use crate::http::cache::CachePolicy;
use crate::http::principal::Principal;
use crate::model::GlossaryEntry;

/// The glossary of one language.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct GlossaryList {
    pub lang: String,
    pub entries: Vec<GlossaryEntry>,
}

/// `PUT` body: the required translation of the term in the path.
#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutTerm {
    pub translation: String,
    #[serde(default)]
    pub note: String,
}

/// What an import did.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub lang: String,
    /// Entries written (added or replaced).
    pub imported: usize,
    /// Whether the glossary was replaced as a whole.
    pub replaced: bool,
}

#[derive(Debug, serde::Deserialize)]
pub struct ImportQuery {
    #[serde(default)]
    pub replace: bool,
}

fn write_error(error: glossary::GlossaryWriteError) -> HttpError {
    match error {
        glossary::GlossaryWriteError::Invalid { error, .. } => HttpError::InvalidRequest {
            detail: error.to_string(),
        },
        glossary::GlossaryWriteError::Store(error) => HttpError::from_store(error),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/glossary/{lang}",
    tag = "glossary",
    params(("lang" = String, Path, description = "Target language: en, zh-Hans, zh-Hant, ko")),
    responses(
        (status = 200, description = "Every entry, by term", body = GlossaryList),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "Not a translator of this language", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn list(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path(lang): Path<String>,
) -> Result<Json<GlossaryList>, HttpError> {
    let lang = crate::http::target_lang(&app, &lang)?;
    principal.require_lang(lang)?;
    let entries = app
        .store
        .glossary_all(Some(lang))
        .await
        .map_err(HttpError::from_store)?;
    Ok(Json(GlossaryList {
        lang: lang.code().to_owned(),
        entries,
    }))
}

#[utoipa::path(
    put,
    path = "/api/v1/glossary/{lang}/{term}",
    tag = "glossary",
    params(
        ("lang" = String, Path, description = "Target language"),
        ("term" = String, Path, description = "The Japanese term, percent-encoded")
    ),
    request_body(content = PutTerm, content_type = "application/json"),
    responses(
        (status = 200, description = "Stored (added or replaced)", body = GlossaryEntry),
        (status = 400, description = "Not valid JSON, or an invalid term or translation", body = crate::http::error::ErrorBody),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "Not a translator of this language", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn put(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path((lang, term)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<GlossaryEntry>, HttpError> {
    let lang = crate::http::target_lang(&app, &lang)?;
    principal.require_lang(lang)?;
    let body: PutTerm = serde_json::from_slice(&body).map_err(|e| HttpError::InvalidRequest {
        detail: format!("the body must be {{\"translation\": …, \"note\": …}}: {e}"),
    })?;
    let entry = GlossaryEntry {
        target_lang: lang,
        term,
        translation: body.translation,
        note: body.note,
        author: principal.name().to_owned(),
        updated_at: 0,
    };
    let stored = glossary::put(app.store.as_ref(), &entry)
        .await
        .map_err(write_error)?;
    tracing::info!(translator = principal.name(), lang = lang.code(), term = %stored.term, "glossary entry put");
    app.store_changed().await;
    Ok(Json(stored))
}

#[utoipa::path(
    delete,
    path = "/api/v1/glossary/{lang}/{term}",
    tag = "glossary",
    params(
        ("lang" = String, Path, description = "Target language"),
        ("term" = String, Path, description = "The Japanese term, percent-encoded")
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "Not a translator of this language", body = crate::http::error::ErrorBody),
        (status = 404, description = "No such term", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn delete(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path((lang, term)): Path<(String, String)>,
) -> Result<StatusCode, HttpError> {
    let lang = crate::http::target_lang(&app, &lang)?;
    principal.require_lang(lang)?;
    app.store
        .glossary_delete(lang, &term)
        .await
        .map_err(HttpError::from_store)?;
    tracing::info!(translator = principal.name(), lang = lang.code(), term = %term, "glossary entry deleted");
    app.store_changed().await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/api/v1/glossary/{lang}/export.csv",
    tag = "glossary",
    params(("lang" = String, Path, description = "Target language")),
    responses(
        (status = 200, description = "RFC 4180 CSV, UTF-8 without a byte-order mark, CRLF line ends, header row `term,translation,note`", body = String, content_type = "text/csv"),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "Not a translator of this language", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn export_csv(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path(lang): Path<String>,
) -> Result<Response, HttpError> {
    let lang = crate::http::target_lang(&app, &lang)?;
    principal.require_lang(lang)?;
    let entries = app
        .store
        .glossary_all(Some(lang))
        .await
        .map_err(HttpError::from_store)?;
    let disposition = format!("attachment; filename=\"glossary-{}.csv\"", lang.code());
    Ok((
        CachePolicy::NoStore,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        glossary::to_csv(&entries),
    )
        .into_response())
}

#[utoipa::path(
    post,
    path = "/api/v1/glossary/{lang}/import",
    tag = "glossary",
    params(
        ("lang" = String, Path, description = "Target language"),
        ("replace" = Option<bool>, Query, description = "true: the file replaces the whole glossary; default: merged (terms added or replaced)")
    ),
    request_body(description = "CSV as exported: `term,translation[,note]`, header row optional, UTF-8 (a byte-order mark is accepted)", content = String, content_type = "text/csv"),
    responses(
        (status = 200, description = "Imported", body = ImportReport),
        (status = 400, description = "Not UTF-8", body = crate::http::error::ErrorBody),
        (status = 401, description = "No valid translator token or session", body = crate::http::error::ErrorBody),
        (status = 403, description = "Not a translator of this language", body = crate::http::error::ErrorBody),
        (status = 415, description = "Not text/csv", body = crate::http::error::ErrorBody),
        (status = 422, description = "Invalid rows, each named by its row number (the header is row 1); nothing was written", body = crate::http::error::ErrorBody)
    ),
    security(("translator_token" = []))
)]
pub async fn import_csv(
    State(app): State<Arc<App>>,
    principal: Principal,
    Path(lang): Path<String>,
    Query(query): Query<ImportQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<ImportReport>, HttpError> {
    let lang = crate::http::target_lang(&app, &lang)?;
    principal.require_lang(lang)?;
    let is_csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("text/csv"));
    if !is_csv {
        return Err(HttpError::UnsupportedMediaType);
    }
    let text = std::str::from_utf8(&body).map_err(|_| HttpError::InvalidRequest {
        detail: "the CSV must be UTF-8".into(),
    })?;
    let entries = glossary::import_csv(text, lang, principal.name()).map_err(|errors| {
        HttpError::QaFailed {
            detail: errors
                .iter()
                .map(|e| format!("row {}: {}", e.row, e.message))
                .collect::<Vec<_>>()
                .join("; "),
        }
    })?;
    let imported = glossary::import(app.store.as_ref(), lang, &entries, query.replace)
        .await
        .map_err(write_error)?;
    tracing::info!(
        translator = principal.name(),
        lang = lang.code(),
        imported,
        replace = query.replace,
        "glossary imported"
    );
    app.store_changed().await;
    Ok(Json(ImportReport {
        lang: lang.code().to_owned(),
        imported,
        replaced: query.replace,
    }))
}
