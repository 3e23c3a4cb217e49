//! The API's OpenAPI 3.1 description, generated from the handlers and types
//! themselves so it cannot drift from them; served at `/api/openapi.json`.

use axum::Json;
use axum::response::IntoResponse;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "honyaku",
        description = "Japanese government announcements, machine-translated with a disclaimer, a translation memory and human overrides."
    ),
    paths(
        crate::http::routes::translate_api::translate,
        crate::http::routes::translators_api::pages,
        crate::http::routes::translators_api::units,
        crate::http::routes::translators_api::unit,
        crate::http::routes::translators_api::save,
        crate::http::routes::translators_api::revert,
        crate::http::routes::translators_api::approve,
        crate::http::routes::translators_api::history,
        crate::http::routes::exchange_api::export,
        crate::http::routes::exchange_api::import,
        crate::http::routes::exchange_api::tmx,
        crate::http::routes::glossary::list,
        crate::http::routes::glossary::put,
        crate::http::routes::glossary::delete,
        crate::http::routes::glossary::export_csv,
        crate::http::routes::glossary::import_csv,
        crate::http::routes::reports_api::list,
        crate::http::routes::reports_api::resolve
    ),
    components(schemas(
        crate::http::routes::translate_api::TranslateRequest,
        crate::http::routes::translate_api::TranslateResponse,
        crate::http::routes::translate_api::Translation,
        crate::http::routes::translate_api::UnitReport,
        crate::http::routes::translate_api::Disclaimer,
        crate::http::routes::glossary::GlossaryList,
        crate::http::routes::glossary::PutTerm,
        crate::http::routes::glossary::ImportReport,
        crate::model::GlossaryEntry,
        crate::http::routes::reports_api::ReportItem,
        crate::http::routes::reports_api::ReportList,
        crate::http::error::ErrorBody,
        crate::http::error::ErrorDetail,
        crate::http::routes::translators_api::PagesResponse,
        crate::http::routes::translators_api::PageSummary,
        crate::http::routes::translators_api::UnitsResponse,
        crate::http::routes::translators_api::SaveRequest,
        crate::http::routes::translators_api::HistoryResponse,
        crate::review::UnitView,
        crate::review::MachineView,
        crate::review::OverrideView,
        crate::review::HistoryEntry,
        crate::review::UnitState,
        crate::review::Part,
        crate::http::routes::exchange_api::XliffImportReport,
        crate::http::routes::exchange_api::XliffUnitResult
    )),
    modifiers(&Security)
)]
pub struct ApiDoc;

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

pub async fn openapi_json() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}
