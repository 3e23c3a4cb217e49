//! The OpenAPI document describes the API as it behaves: every field a real
//! response carries is declared, the request schema is exactly what the
//! handler accepts, and every error status it answers is documented.

use serde_json::{Value, json};

use crate::support::TestServer;

fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    &doc["components"]["schemas"][name]
}

/// Every key of `value` is a property of `schema`, and every required
/// property is present; recurses through `$ref`s and arrays.
pub(crate) fn conforms(doc: &Value, schema: &Value, value: &Value, path: &str) {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return conforms(doc, &doc["components"]["schemas"][name], value, path);
    }
    match value {
        Value::Object(map) => {
            let properties = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{path}: no properties in {schema}"));
            for (key, item) in map {
                let declared = properties
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key} is not in the OpenAPI document"));
                conforms(doc, declared, item, &format!("{path}.{key}"));
            }
            for required in schema["required"].as_array().into_iter().flatten() {
                assert!(
                    map.contains_key(required.as_str().unwrap()),
                    "{path}: required {required} missing"
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                conforms(doc, &schema["items"], item, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_document_matches_what_the_api_does() {
    let server = TestServer::start().await;
    let doc = server.json("/api/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let operation = &doc["paths"]["/api/v1/translate"]["post"];
    assert!(operation.is_object());

    // The request schema lists exactly what the handler accepts: one more
    // field is refused as invalid.
    let mut fields: Vec<&str> = schema(&doc, "TranslateRequest")["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["format", "html", "source", "target", "texts"]);
    let refused = server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&json!({"target": "en", "texts": ["あ"], "colour": "red"}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);

    // A real answer conforms to the documented response.
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&json!({"target": "en", "texts": ["参加費は無料です。"], "format": "text"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    let ok = &operation["responses"]["200"]["content"]["application/json"]["schema"];
    conforms(&doc, ok, &body, "response");
    let html: Value = server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&json!({"target": "ko", "html": "<p>お知らせ</p>"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    conforms(&doc, ok, &html, "html response");

    // Errors: the body conforms and every status the API answers is listed.
    for (request, status) in [
        (json!({"target": "fr", "texts": ["あ"]}), 400),
        (json!({"texts": ["あ"]}), 400),
    ] {
        let response = server
            .client
            .post(server.url("/api/v1/translate"))
            .json(&request)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status);
        let body: Value = response.json().await.unwrap();
        let documented =
            &operation["responses"][status.to_string()]["content"]["application/json"]["schema"];
        conforms(&doc, documented, &body, "error");
    }
    for status in ["200", "400", "401", "403", "413", "415", "429"] {
        assert!(
            operation["responses"][status].is_object(),
            "status {status} undocumented"
        );
    }
    server.stop().await;
}

/// Every `$ref` in `value` names a schema of the document's components.
fn refs_resolve(doc: &Value, value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                let name = reference
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("{path}: unexpected reference {reference}"));
                assert!(
                    schema(doc, name).is_object(),
                    "{path}: {reference} is not in the document"
                );
            }
            for (key, item) in map {
                refs_resolve(doc, item, &format!("{path}.{key}"));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                refs_resolve(doc, item, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// The router and the document come from one list: every documented
/// operation is answered by its handler (without credentials: 401, 403 or
/// 415, never the fallback's 404 or a 405), and every schema it refers to
/// is in the document.
#[tokio::test]
async fn every_documented_operation_is_routed_and_every_reference_resolves() {
    let server = TestServer::start().await;
    let doc: Value = server.get("/api/openapi.json").await.json().await.unwrap();
    refs_resolve(&doc, &doc, "doc");
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = 0;
    for (path, item) in paths {
        assert!(path.starts_with("/api/"), "{path}");
        let concrete = path
            .replace("{lang}", "en")
            .replace("{id}", "1")
            .replace("{term}", "x");
        for (method, _) in item.as_object().unwrap() {
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let response = server
                .client
                .request(method.clone(), server.url(&concrete))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            assert!(
                ![404, 405].contains(&status),
                "{method} {concrete}: {status}, not routed"
            );
            operations += 1;
        }
    }
    // The translation API (and its preflight), the translators' API, the
    // exchange files, the glossary, the reports queue and this document.
    assert_eq!(operations, 21, "{:?}", paths.keys().collect::<Vec<_>>());
    server.stop().await;
}
