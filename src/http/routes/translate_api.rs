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
use crate::http::{HttpError, target_lang};
use crate::i18n::Lang;
use crate::pages::plain_text;
use crate::placeholder;
use crate::segment::{self, Fill, Segmented, UnitKind};
use crate::translate::Translated;

/// What to translate: `texts` or `html`, into `target`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslateRequest {
    /// Target language: en, zh-Hans, zh-Hant or ko (aliases such as zh-TW accepted).
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

/// One input to translate: plain text (one unit) or HTML (segmented).
enum Document<'a> {
    Text(&'a str),
    Html(Segmented<'a>),
}

/// CORS preflight: answered for origins some client was given (any origin
/// while the API is open). It carries no key, so it grants nothing by itself.
pub async fn preflight(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let origin = app
        .api_access
        .preflight_origin(&headers)
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
    let client = app.api_access.authenticate(&headers)?;
    let allow_origin = app.api_access.allow_origin(client, &headers)?;
    if let Some(client) = client {
        app.api_access.take_request(client)?;
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
/// `client:<name>` so every instance sees the same figure.
async fn charge(app: &App, client: Option<&ApiClient>, characters: u64) -> Result<(), HttpError> {
    let Some(client) = client else {
        return Ok(());
    };
    let now = crate::store::now_ms();
    let day = crate::store::utc_day(now);
    let ledger = format!("client:{}", client.name);
    if client.daily_characters > 0 {
        let used: u64 = app
            .store
            .usage(Some(&ledger), &day, &day)
            .await
            .map_err(|e| HttpError::Internal(e.to_string()))?
            .iter()
            .map(|r| u64::try_from(r.characters).unwrap_or(0))
            .sum();
        if used.saturating_add(characters) > client.daily_characters {
            return Err(HttpError::BudgetExhausted {
                retry_after_secs: crate::http::api_access::seconds_until_utc_midnight(now),
            });
        }
    }
    app.store
        .usage_add(
            &ledger,
            &day,
            i64::try_from(characters).unwrap_or(i64::MAX),
            1,
        )
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
        let target = target_lang(&target)?;
        check_source(query.source.as_deref())?;
        let html = std::str::from_utf8(&body).map_err(|_| HttpError::InvalidRequest {
            detail: "the body is not UTF-8".into(),
        })?;
        let document = Document::Html(Segmented::new(html).map_err(internal)?);
        charge(
            app,
            client,
            source_characters(std::slice::from_ref(&document)),
        )
        .await?;
        let (mut outputs, billed) = run(app, vec![document], target).await?;
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
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
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
    let target = target_lang(&request.target)?;
    check_source(request.source.as_deref())?;
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
                    .map(|t| Segmented::new(t).map(Document::Html).map_err(internal))
                    .collect::<Result<_, _>>()?,
                other => {
                    return Err(HttpError::InvalidRequest {
                        detail: format!("format {other:?} is not \"text\" or \"html\""),
                    });
                }
            }
        }
        (None, Some(html)) => vec![Document::Html(Segmented::new(html).map_err(internal)?)],
        _ => {
            return Err(HttpError::InvalidRequest {
                detail: "give either \"texts\" or \"html\"".into(),
            });
        }
    };
    charge(app, client, source_characters(&documents)).await?;
    let (translations, characters_billed) = run(app, documents, target).await?;
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
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Texts per JSON request, at most; the body limit bounds their size.
const MAX_TEXTS: usize = 1000;

fn check_source(source: Option<&str>) -> Result<(), HttpError> {
    match source {
        None => Ok(()),
        Some(code) if Lang::from_tag(code) == Some(Lang::SOURCE) => Ok(()),
        Some(code) => Err(HttpError::UnsupportedTarget {
            code: code.chars().take(32).collect(),
        }),
    }
}

/// Characters of text to translate in a request: what a client's budget
/// counts, whether or not the memory already holds the translations.
fn source_characters(documents: &[Document<'_>]) -> u64 {
    documents
        .iter()
        .map(|d| match d {
            Document::Text(text) => text.chars().count() as u64,
            Document::Html(segmented) => segmented
                .units()
                .iter()
                .map(|u| plain_text(&u.text).chars().count() as u64)
                .sum(),
        })
        .sum()
}

fn internal(error: segment::SegmentError) -> HttpError {
    HttpError::Internal(error.to_string())
}

/// Translates one whole HTML document (or fragment) into `target` on the
/// same pipeline as the API, for the URL proxy: the translated HTML, and
/// whether every unit was translated (an incomplete page must not be cached).
pub(crate) async fn translate_html(
    app: &App,
    html: &str,
    target: Lang,
) -> Result<(String, bool), HttpError> {
    let document = Document::Html(Segmented::new(html).map_err(internal)?);
    let (mut outputs, _) = run(app, vec![document], target).await?;
    let output = outputs.pop().unwrap_or(Translation {
        text: None,
        html: None,
        units: Vec::new(),
    });
    let complete = output.units.iter().all(|u| u.origin != "source");
    Ok((output.html.unwrap_or_default(), complete))
}

/// Translates every unit of every document in one call to the translator
/// (so they share batches), then rebuilds each document.
async fn run(
    app: &App,
    documents: Vec<Document<'_>>,
    target: Lang,
) -> Result<(Vec<Translation>, u64), HttpError> {
    let mut sources: Vec<String> = Vec::new();
    let mut offsets = Vec::with_capacity(documents.len());
    for document in &documents {
        offsets.push(sources.len());
        match document {
            Document::Text(text) => sources.push(placeholder::escape_text(text)),
            Document::Html(segmented) => {
                sources.extend(segmented.units().iter().map(|u| u.text.clone()));
            }
        }
    }
    let translated = app.pipeline.translate_detailed(&sources, target).await;
    let mut out = Vec::with_capacity(documents.len());
    for (document, offset) in documents.iter().zip(offsets) {
        match document {
            Document::Text(text) => {
                let report = report(&translated, offset, 0);
                let text = match translated.units.get(offset).and_then(Option::as_ref) {
                    Some(t) => plain_text(&t.text),
                    None => (*text).to_owned(),
                };
                out.push(Translation {
                    text: Some(text),
                    html: None,
                    units: vec![report],
                });
            }
            Document::Html(segmented) => {
                let units: Vec<UnitReport> = (0..segmented.units().len())
                    .map(|i| report(&translated, offset, i))
                    .collect();
                let reassembled = segmented
                    .reassemble(|unit| {
                        match translated
                            .units
                            .get(offset + unit.index)
                            .and_then(Option::as_ref)
                        {
                            Some(t) => Fill::text(t.text.clone()),
                            None if unit.kind == UnitKind::Text => {
                                Fill::keep().with_wrapper_attr("lang", Lang::SOURCE.code())
                            }
                            None => Fill::keep(),
                        }
                    })
                    .map_err(internal)?;
                out.push(Translation {
                    text: None,
                    html: Some(reassembled.html),
                    units,
                });
            }
        }
    }
    Ok((out, translated.billed))
}

fn report(translated: &Translated, offset: usize, index: usize) -> UnitReport {
    let position = offset + index;
    match translated.units.get(position).and_then(Option::as_ref) {
        Some(t) => UnitReport {
            index,
            origin: t.origin.as_str(),
            qa: "passed",
        },
        None => UnitReport {
            index,
            origin: "source",
            qa: if translated.rejected.binary_search(&position).is_ok() {
                "rejected"
            } else {
                "not_translated"
            },
        },
    }
}
