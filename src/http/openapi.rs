//! The API's one route list: every `/api/` route is registered here with
//! `utoipa-axum`, which builds the router and the OpenAPI 3.1 description
//! (`/api/openapi.json`) from the same handlers and their `#[utoipa::path]`
//! attributes, so the document cannot drift from what is served.

use std::sync::Arc;

use axum::Extension;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::App;
use crate::http::routes::{exchange_api, glossary, reports_api, translate_api, translators_api};
use crate::i18n::Languages;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "honyaku",
        description = "Japanese government announcements, machine-translated with a disclaimer, a translation memory and human overrides."
    ),
    components(schemas(crate::http::error::ErrorBody, crate::http::error::ErrorDetail)),
    modifiers(&Security)
)]
struct ApiDoc;

/// Every `/api/` route, one `routes!` per path (its methods together), and
/// the document describing them.
pub fn api_routes() -> OpenApiRouter<Arc<App>> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(openapi_json))
        .routes(routes!(translate_api::translate, translate_api::preflight))
        .routes(routes!(translators_api::pages))
        .routes(routes!(translators_api::units))
        .routes(routes!(
            translators_api::unit,
            translators_api::save,
            translators_api::revert
        ))
        .routes(routes!(translators_api::approve))
        .routes(routes!(translators_api::history))
        .routes(routes!(exchange_api::export, exchange_api::import))
        .routes(routes!(exchange_api::tmx))
        .routes(routes!(exchange_api::tmx_lang))
        // Glossary: the static `export.csv` and `import` segments win over
        // `{term}` (so those two words cannot be terms, which Japanese
        // terms never are).
        .routes(routes!(glossary::list))
        .routes(routes!(glossary::export_csv))
        .routes(routes!(glossary::import_csv))
        .routes(routes!(glossary::put, glossary::delete))
        .routes(routes!(reports_api::list))
        .routes(routes!(reports_api::resolve))
}

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "x-api-key",
                "A site client's key (or `Authorization: Bearer KEY`); not needed while no client is configured.",
            ))),
        );
        components.add_security_scheme(
            "translator_token",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A translator's token from `honyaku translators add` (hny_…); the web editor's session cookie with an X-CSRF-Token header also works.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as served, serialized once when the router is built.
#[derive(Debug, Clone)]
pub struct OpenApiJson(Bytes);

impl OpenApiJson {
    pub fn new(doc: &utoipa::openapi::OpenApi) -> Self {
        Self(Bytes::from(serde_json::to_vec(doc).unwrap_or_default()))
    }

    /// The document with this server's target languages as the enum of
    /// every target language it names: the languages are configuration,
    /// so they are filled in when the router is built for one App.
    pub fn for_languages(doc: &utoipa::openapi::OpenApi, languages: &Languages) -> Self {
        let Ok(mut value) = serde_json::to_value(doc) else {
            return Self::new(doc);
        };
        let codes: Vec<serde_json::Value> = languages
            .targets()
            .map(|l| serde_json::Value::from(l.lang.code()))
            .collect();
        language_enum(&mut value, &codes);
        Self(Bytes::from(serde_json::to_vec(&value).unwrap_or_default()))
    }
}

/// Puts `codes` as the `enum` of the `TargetLanguage` schema, of the
/// translation request's `target` and of every `{lang}` path parameter.
fn language_enum(doc: &mut serde_json::Value, codes: &[serde_json::Value]) {
    use serde_json::{Value, json};
    let values = Value::Array(codes.to_vec());
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.insert(
            "TargetLanguage".to_owned(),
            json!({
                "type": "string",
                "description": "A target language this server translates into (its BCP 47 tag; its URL prefix and aliases are accepted too).",
                "enum": values.clone(),
            }),
        );
    }
    if let Some(target) = doc
        .pointer_mut("/components/schemas/TranslateRequest/properties/target")
        .and_then(Value::as_object_mut)
    {
        target.insert("enum".to_owned(), values.clone());
    }
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for operation in paths.values_mut().filter_map(Value::as_object_mut) {
        for method in operation.values_mut() {
            let Some(parameters) = method.get_mut("parameters").and_then(Value::as_array_mut)
            else {
                continue;
            };
            for parameter in parameters {
                if parameter["in"] == "path" && parameter["name"] == "lang" {
                    if let Some(schema) = parameter.get_mut("schema").and_then(Value::as_object_mut)
                    {
                        schema.insert("enum".to_owned(), values.clone());
                    }
                }
            }
        }
    }
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 description of the API", content_type = "application/json")))]
pub async fn openapi_json(Extension(doc): Extension<OpenApiJson>) -> Response {
    let mut response = doc.0.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
