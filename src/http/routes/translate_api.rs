//! `POST /api/v1/translate`: the site's HTML-in/HTML-out translation API, on
//! the same pipeline, memory and caches as the hosted pages.
//!
//! JSON mode (`Content-Type: application/json`): `{"target", "source"?,
//! "texts": [...] | "html": "...", "format"?: "text" | "html"}`; the answer
//! carries each translation with per-unit provenance and QA status, the
//! disclaimer in the target language and the characters billed. Raw mode
//! (`Content-Type: text/html`, `?target=`): HTML in, HTML out.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::config::ApiClient;
use crate::document::{self, Document, DocumentError};
use crate::http::cache::CachePolicy;
use crate::http::{HttpError, api_access, target_lang};
use crate::i18n::Lang;

/// What to translate: `texts` or `html`, into `target`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslateRequest {
    /// A target language of this server (see the `TargetLanguage` schema);
    /// its URL prefix and aliases such as zh-TW are accepted too.
    target: String,
    /// Source language; only ja.
    #[serde(default)]
    source: Option<String>,
    /// Plain strings (or HTML fragments with `format: "html"`).
    #[serde(default)]
    texts: Option<Vec<String>>,
    /// One HTML fragment or document.
    #[serde(default)]
    html: Option<String>,
    /// For `texts`: `text` (default, plain strings) or `html` (fragments).
    #[serde(default)]
    format: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UnitReport {
    index: usize,
    /// `machine`, `translator`, `bundled`, or `source` (left in Japanese).
    origin: &'static str,
    /// `passed`, `rejected` (the QA gate refused the machine translation) or
    /// `not_translated` (no provider could translate it).
    qa: &'static str,
    /// For `rejected`: the reason's code (`number`, `echo`, `script`, `lost`,
    /// `length`, `batch`, `token`, `markup`, `empty`).
    #[serde(skip_serializing_if = "Option::is_none")]
    qa_reason: Option<&'static str>,
    /// For `rejected`: the reason in words, e.g. "number 7 became 8".
    #[serde(skip_serializing_if = "Option::is_none")]
    qa_detail: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Translation {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<String>,
    units: Vec<UnitReport>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Disclaimer {
    heading: String,
    paragraphs: Vec<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TranslateResponse {
    source: &'static str,
    target: &'static str,
    translations: Vec<Translation>,
    disclaimer: Disclaimer,
    characters_billed: u64,
}

#[derive(Debug, Deserialize)]
pub struct RawQuery {
    target: Option<String>,
    source: Option<String>,
}

/// CORS preflight: answered for origins some client was given (any origin
/// while the API is open). It carries no key, so it grants nothing by itself.
#[utoipa::path(
    options,
    path = "/api/v1/translate",
    tag = "translation",
    responses(
        (status = 204, description = "The origin may call the API: Access-Control-Allow-* headers"),
        (status = 403, description = "No client may be called from this origin", body = crate::http::error::ErrorBody)
    )
)]
pub async fn preflight(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let origin = api_access::preflight_origin(&app.api_clients, &headers)
        .ok_or(HttpError::OriginNotAllowed)?;
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("authorization, content-type, x-api-key"),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    Ok(response)
}

/// Translates texts or HTML from Japanese, on the same pipeline, memory and
/// caches as the hosted pages.
#[utoipa::path(
    post,
    path = "/api/v1/translate",
    tag = "translation",
    request_body(
        description = "JSON (`application/json`), or raw HTML (`text/html`) with `?target=`",
        content(
            (TranslateRequest = "application/json"),
            (String = "text/html")
        )
    ),
    params(
        ("target" = Option<String>, Query, description = "Target language, raw HTML mode only"),
        ("source" = Option<String>, Query, description = "Source language (ja), raw HTML mode only")
    ),
    responses(
        (status = 200, description = "Translated (JSON mode)", body = TranslateResponse),
        (status = 400, description = "Invalid request or unsupported language", body = crate::http::error::ErrorBody),
        (status = 401, description = "Missing or unknown API key", body = crate::http::error::ErrorBody),
        (status = 403, description = "Origin not allowed for this key", body = crate::http::error::ErrorBody),
        (status = 413, description = "Body over the configured limit", body = crate::http::error::ErrorBody),
        (status = 415, description = "Neither JSON nor HTML", body = crate::http::error::ErrorBody),
        (status = 429, description = "Rate limit or daily budget spent; see Retry-After", body = crate::http::error::ErrorBody)
    ),
    security((), ("api_key" = []))
)]
pub async fn translate(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    query: Result<Query<RawQuery>, axum::extract::rejection::QueryRejection>,
    body: Bytes,
) -> Result<Response, HttpError> {
    // Who, from where, how often: settled before anything is parsed or paid.
    let client = api_access::authenticate(&app.api_clients, &headers)?;
    let allow_origin = api_access::allow_origin(client, &headers)?;
    if let Some(client) = client {
        api_access::take_request(&app.api_clients, client)?;
    }
    let mut response = translate_for(&app, client, &headers, query, body).await?;
    if let Some(origin) = allow_origin {
        let h = response.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    Ok(response)
}

/// Refuses a request whose source text would take the client past its
/// daily character budget, counted in the store's usage ledger under
/// `client:<name>` so every instance sees the same figure. The characters
/// are reserved in one conditional write, so concurrent requests of one
/// client (on any instance) never exceed the budget together.
async fn charge(app: &App, client: Option<&ApiClient>, characters: u64) -> Result<(), HttpError> {
    let Some(client) = client else {
        return Ok(());
    };
    let now = crate::clock::now_ms();
    let day = crate::clock::utc_day(now);
    let ledger = format!("client:{}", client.name);
    let budget = crate::model::Budget {
        daily: (client.daily_characters > 0)
            .then(|| i64::try_from(client.daily_characters).unwrap_or(i64::MAX)),
        monthly: None,
    };
    let characters = i64::try_from(characters).unwrap_or(i64::MAX);
    let reservation = app
        .store
        .usage_reserve(&ledger, &day, characters, budget)
        .await
        .map_err(|e| HttpError::Internal(e.to_string()))?
        .ok_or(HttpError::BudgetExhausted {
            retry_after_secs: crate::http::api_access::seconds_until_utc_midnight(now),
        })?;
    app.store
        .usage_settle(&reservation, characters, 1)
        .await
        .map_err(|e| HttpError::Internal(e.to_string()))
}

async fn translate_for(
    app: &App,
    client: Option<&ApiClient>,
    headers: &HeaderMap,
    query: Result<Query<RawQuery>, axum::extract::rejection::QueryRejection>,
    body: Bytes,
) -> Result<Response, HttpError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/json") {
        let request: TranslateRequest =
            serde_json::from_slice(&body).map_err(|e| HttpError::InvalidRequest {
                detail: e.to_string(),
            })?;
        json_mode(app, client, request).await
    } else if content_type.starts_with("text/html") {
        let Query(query) = query.map_err(|e| HttpError::InvalidRequest {
            detail: e.body_text(),
        })?;
        let target = query.target.ok_or_else(|| HttpError::InvalidRequest {
            detail: "raw mode needs ?target=".into(),
        })?;
        let target = target_lang(app, &target)?;
        check_source(app, query.source.as_deref())?;
        let html = std::str::from_utf8(&body).map_err(|_| HttpError::InvalidRequest {
            detail: "the body is not UTF-8".into(),
        })?;
        let documents = [Document::html(html).map_err(internal)?];
        charge(app, client, source_characters(&documents)).await?;
        let (mut outputs, billed) = run(app, &documents, target).await?;
        let output = outputs.pop().and_then(|t| t.html).unwrap_or_default();
        let mut response = output.into_response();
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(target.code()),
        );
        CachePolicy::NoStore.apply(h);
        if let Ok(value) = HeaderValue::from_str(&billed.to_string()) {
            h.insert("x-characters-billed", value);
        }
        Ok(response)
    } else {
        Err(HttpError::UnsupportedMediaType)
    }
}

async fn json_mode(
    app: &App,
    client: Option<&ApiClient>,
    request: TranslateRequest,
) -> Result<Response, HttpError> {
    let target = target_lang(app, &request.target)?;
    check_source(app, request.source.as_deref())?;
    let format = request.format.as_deref().unwrap_or("text");
    let documents: Vec<Document<'_>> = match (&request.texts, &request.html) {
        (Some(texts), None) => {
            if texts.len() > MAX_TEXTS {
                return Err(HttpError::InvalidRequest {
                    detail: format!("at most {MAX_TEXTS} texts per request"),
                });
            }
            match format {
                "text" => texts.iter().map(|t| Document::Text(t)).collect(),
                "html" => texts
                    .iter()
                    .map(|t| Document::html(t).map_err(internal))
                    .collect::<Result<_, _>>()?,
                other => {
                    return Err(HttpError::InvalidRequest {
                        detail: format!("format {other:?} is not \"text\" or \"html\""),
                    });
                }
            }
        }
        (None, Some(html)) => vec![Document::html(html).map_err(internal)?],
        _ => {
            return Err(HttpError::InvalidRequest {
                detail: "give either \"texts\" or \"html\"".into(),
            });
        }
    };
    charge(app, client, source_characters(&documents)).await?;
    let (translations, characters_billed) = run(app, &documents, target).await?;
    let t = |id: &str| app.locales.t(target, id);
    let response = TranslateResponse {
        source: Lang::SOURCE.code(),
        target: target.code(),
        translations,
        disclaimer: Disclaimer {
            heading: t("disclaimer-heading"),
            paragraphs: vec![
                t("disclaimer-intro"),
                t("disclaimer-text-only"),
                t("disclaimer-accuracy"),
                t("disclaimer-speed"),
                t("disclaimer-authoritative"),
            ],
        },
        characters_billed,
    };
    let mut response = Json(response).into_response();
    CachePolicy::NoStore.apply(response.headers_mut());
    Ok(response)
}

/// Texts per JSON request, at most; the body limit bounds their size.
const MAX_TEXTS: usize = 1000;

fn check_source(app: &App, source: Option<&str>) -> Result<(), HttpError> {
    match source {
        None => Ok(()),
        Some(code) if app.languages.resolve(code) == Some(Lang::SOURCE) => Ok(()),
        Some(code) => Err(HttpError::UnsupportedTarget {
            code: code.chars().take(32).collect(),
        }),
    }
}

/// Characters of text to translate in a request.
fn source_characters(documents: &[Document<'_>]) -> u64 {
    documents.iter().map(Document::source_characters).sum()
}

fn internal(error: DocumentError) -> HttpError {
    HttpError::Internal(error.to_string())
}

/// The documents translated, as the API reports them.
async fn run(
    app: &App,
    documents: &[Document<'_>],
    target: Lang,
) -> Result<(Vec<Translation>, u64), HttpError> {
    let (translated, billed) = document::translate(&app.pipeline, documents, target, None)
        .await
        .map_err(internal)?;
    let translations = translated
        .into_iter()
        .map(|t| Translation {
            text: t.text,
            html: t.html,
            units: t
                .units
                .into_iter()
                .map(|u| UnitReport {
                    index: u.index,
                    origin: u.origin,
                    qa: u.qa.as_str(),
                    qa_reason: u.refusal.as_ref().map(|e| e.code()),
                    qa_detail: u.refusal.as_ref().map(ToString::to_string),
                })
                .collect(),
        })
        .collect();
    Ok((translations, billed))
}
