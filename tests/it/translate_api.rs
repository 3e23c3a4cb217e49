//! `POST /api/v1/translate`: JSON and raw HTML modes on the same pipeline,
//! and every error with its status, stable code and no provider call.

use serde_json::{Value, json};

use wiremock::MockServer;

use crate::support::{
    LibreTranslate, TestServer, error_code, header, pseudo, translation_requests,
};

async fn server_with(
    reply: fn(&str, &str) -> String,
    extra: &[(&str, &str)],
) -> (TestServer, MockServer, LibreTranslate) {
    let libre = LibreTranslate::new(reply);
    let provider = libre.start().await;
    let uri = provider.uri();
    let mut env = vec![("HONYAKU__PROVIDERS__LIBRETRANSLATE__BASE_URL", uri.as_str())];
    env.extend_from_slice(extra);
    let server = TestServer::start_with_env(&env).await;
    (server, provider, libre)
}

fn mt(text: &str, target: &str) -> String {
    format!("[MT] {}", pseudo(text, target))
}

async fn post_json(server: &TestServer, body: Value) -> reqwest::Response {
    server
        .client
        .post(server.url("/api/v1/translate"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn texts_are_translated_with_provenance_disclaimer_and_cost() {
    let (server, _provider, libre) = server_with(mt, &[]).await;
    let request = json!({"target": "en", "texts": ["参加費は無料です。", "令和7年7月23日(水)に開催します。"]});
    let response = post_json(&server, request.clone()).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["target"], "en");
    assert_eq!(body["source"], "ja");
    assert_eq!(
        body["translations"][0]["text"],
        format!("[MT] {}", pseudo("参加費は無料です。", "en"))
    );
    assert!(
        body["translations"][1]["text"]
            .as_str()
            .unwrap()
            .contains("Wednesday, July 23, 2025")
    );
    assert_eq!(body["translations"][0]["units"][0]["origin"], "machine");
    assert_eq!(body["translations"][0]["units"][0]["qa"], "passed");
    assert_eq!(body["disclaimer"]["heading"], "About machine translation");
    assert_eq!(
        body["disclaimer"]["paragraphs"].as_array().unwrap().len(),
        5
    );
    assert!(body["characters_billed"].as_u64().unwrap() > 10);
    assert_eq!(libre.calls(), 1);
    // The same texts again: from memory, free.
    let body: Value = post_json(&server, request).await.json().await.unwrap();
    assert_eq!(body["characters_billed"], 0);
    assert_eq!(libre.calls(), 1);
    server.stop().await;
}

#[tokio::test]
async fn html_comes_back_with_markup_intact_and_untranslatables_untouched() {
    let (server, _provider, _) = server_with(mt, &[]).await;
    let html = "<p class=\"lead\">詳細は<a href=\"/x?a=1&amp;b=2\">こちら</a>をご覧ください。</p><script>var s = '翻訳しない';</script><pre>コード</pre>";
    let body: Value = post_json(&server, json!({"target": "ko", "html": html}))
        .await
        .json()
        .await
        .unwrap();
    let out = body["translations"][0]["html"].as_str().unwrap();
    assert_eq!(
        out,
        format!(
            "<p class=\"lead\">[MT] {}<a href=\"/x?a=1&amp;b=2\">{}</a>{}</p><script>var s = '翻訳しない';</script><pre>コード</pre>",
            pseudo("詳細は", "ko"),
            pseudo("こちら", "ko"),
            pseudo("をご覧ください。", "ko")
        )
    );
    assert_eq!(
        body["translations"][0]["units"].as_array().unwrap().len(),
        1
    );
    assert_eq!(body["disclaimer"]["heading"], "자동 번역 안내");
    server.stop().await;
}

#[tokio::test]
async fn raw_mode_is_html_in_html_out() {
    let (server, _provider, _) = server_with(mt, &[]).await;
    let response = server
        .client
        .post(server.url("/api/v1/translate?target=zh-TW"))
        .header("content-type", "text/html; charset=utf-8")
        .body("<!DOCTYPE html><html lang=\"ja\"><head><title>お知らせ</title></head><body><h1>お知らせ</h1></body></html>")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-type"),
        "text/html; charset=utf-8"
    );
    assert_eq!(header(&response, "content-language"), "zh-Hant");
    let html = response.text().await.unwrap();
    let notice = pseudo("お知らせ", "zh-Hant");
    assert!(
        html.contains(&format!("<title>[MT] {notice}</title>")),
        "{html}"
    );
    assert!(html.contains(&format!("<h1>[MT] {notice}</h1>")), "{html}");
    server.stop().await;
}

fn hostile(_: &str, _: &str) -> String {
    "<script>alert(1)</script>".to_owned()
}

#[tokio::test]
async fn provider_markup_is_returned_as_text() {
    let (server, _provider, _) = server_with(hostile, &[]).await;
    let body: Value = post_json(&server, json!({"target": "en", "html": "<p>お知らせ</p>"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["translations"][0]["html"],
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    );
    server.stop().await;
}

fn drops_tags(_: &str, _: &str) -> String {
    "no tags left".to_owned()
}

#[tokio::test]
async fn qa_rejections_are_reported_per_unit() {
    let (server, _provider, _) = server_with(drops_tags, &[]).await;
    let body: Value = post_json(
        &server,
        json!({"target": "en", "html": "<p>詳細は<a href=\"/x\">こちら</a></p>"}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(body["translations"][0]["units"][0]["qa"], "rejected");
    assert_eq!(body["translations"][0]["units"][0]["qa_reason"], "markup");
    assert_eq!(
        body["translations"][0]["units"][0]["qa_detail"],
        "the markup <b1>…</b1> of the Japanese is missing"
    );
    assert_eq!(body["translations"][0]["units"][0]["origin"], "source");
    assert_eq!(
        body["translations"][0]["html"],
        "<p><span lang=\"ja\">詳細は<a href=\"/x\">こちら</a></span></p>"
    );
    server.stop().await;
}

#[tokio::test]
async fn errors_have_status_code_and_cost_nothing() {
    let (server, provider, libre) =
        server_with(mt, &[("HONYAKU__SERVER__MAX_BODY_BYTES", "2048")]).await;
    let cases: Vec<(reqwest::RequestBuilder, u16, &str)> = vec![
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "fr", "texts": ["あ"]})),
            400,
            "unsupported_language",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "ja", "texts": ["あ"]})),
            400,
            "unsupported_language",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "en", "source": "ko", "texts": ["あ"]})),
            400,
            "unsupported_language",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "en", "texts": ["あ".repeat(1000)]})),
            413,
            "payload_too_large",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .header("content-type", "application/json")
                .body("{not json"),
            400,
            "invalid_request",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "en", "texts": ["あ"], "html": "<p>い</p>"})),
            400,
            "invalid_request",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .json(&json!({"target": "en", "texts": ["あ"], "format": "pdf"})),
            400,
            "invalid_request",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .header("content-type", "text/plain")
                .body("あ"),
            415,
            "unsupported_media_type",
        ),
        (
            server
                .client
                .post(server.url("/api/v1/translate"))
                .header("content-type", "text/html")
                .body("<p>あ</p>"),
            400,
            "invalid_request",
        ),
        (
            server.client.get(server.url("/api/v1/translate")),
            405,
            "method_not_allowed",
        ),
    ];
    for (request, status, code) in cases {
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{code}");
        assert!(
            header(&response, "content-type").starts_with("application/json"),
            "{code}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], code);
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    // The unsupported-language message lists what is supported.
    let body: Value = post_json(&server, json!({"target": "fr", "texts": ["あ"]}))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("zh-Hant")
    );
    assert_eq!(libre.calls(), 0);
    assert!(translation_requests(&provider).await.is_empty());
    server.stop().await;
}

/// A configured client: keys, origins, a request rate and a daily budget.
async fn guarded_server(rpm: u32, daily: u64) -> (TestServer, MockServer, LibreTranslate) {
    use sha2::Digest;
    let hash = hex::encode(sha2::Sha256::digest(b"site-key-123"));
    let clients = format!(
        "[{{name=\"site\", key_sha256=\"{hash}\", origins=[\"https://www.example.go.jp\"], requests_per_minute={rpm}, daily_characters={daily}}}]"
    );
    let (server, provider, libre) =
        server_with(mt, &[("HONYAKU__API__CLIENTS", clients.as_str())]).await;
    (server, provider, libre)
}

fn keyed(server: &TestServer, body: Value) -> reqwest::RequestBuilder {
    server
        .client
        .post(server.url("/api/v1/translate"))
        .bearer_auth("site-key-123")
        .json(&body)
}

#[tokio::test]
async fn keys_origins_rate_and_budget_are_enforced_before_any_cost() {
    let (server, provider, libre) = guarded_server(3, 20).await;
    let body = json!({"target": "en", "texts": ["参加費は無料です。"]});

    // No key, a wrong key: 401.
    let response = post_json(&server, body.clone()).await;
    assert_eq!(response.status(), 401);
    assert_eq!(error_code(response).await, "unauthorized");
    let response = server
        .client
        .post(server.url("/api/v1/translate"))
        .header("x-api-key", "wrong")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);

    // The right key from a foreign origin: 403; from its own origin: 200
    // with CORS headers.
    let response = keyed(&server, body.clone())
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(error_code(response).await, "origin_not_allowed");
    assert_eq!(libre.calls(), 0);

    let response = keyed(&server, body.clone())
        .header("origin", "https://www.example.go.jp")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        "https://www.example.go.jp"
    );
    assert!(header(&response, "vary").contains("Origin"));
    assert_eq!(libre.calls(), 1);

    // The budget (20 characters a day) is spent by a second request of 9.
    let response = keyed(
        &server,
        json!({"target": "ko", "texts": ["参加費は無料です。", "お知らせです。"]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), 429);
    assert!(header(&response, "retry-after").parse::<u64>().unwrap() >= 1);
    assert_eq!(error_code(response).await, "budget_exhausted");
    assert_eq!(libre.calls(), 1, "nothing sent for a refused request");

    // Three requests a minute (the refused one counted): the third is
    // served from memory, the fourth is rate limited.
    let response = keyed(&server, body.clone()).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = keyed(&server, body.clone()).send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert!(header(&response, "retry-after").parse::<u64>().unwrap() >= 1);
    assert_eq!(error_code(response).await, "rate_limited");
    assert_eq!(translation_requests(&provider).await.len(), 1);
    server.stop().await;
}

#[tokio::test]
async fn preflight_answers_only_known_origins() {
    let (server, _provider, _) = guarded_server(0, 0).await;
    let allowed = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/api/v1/translate"))
        .header("origin", "https://www.example.go.jp")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 204);
    assert_eq!(
        header(&allowed, "access-control-allow-origin"),
        "https://www.example.go.jp"
    );
    assert!(header(&allowed, "access-control-allow-headers").contains("authorization"));
    let refused = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/api/v1/translate"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert!(header(&refused, "access-control-allow-origin").is_empty());
    server.stop().await;
}
