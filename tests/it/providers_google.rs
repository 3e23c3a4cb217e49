//! The Google Cloud Translation v2 (Basic) adapter against a local stand-in
//! that checks the exact wire format of `POST /language/translate/v2`.

use std::time::Duration;

use honyaku::config::{GoogleConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use honyaku::translate::providers::google::Google;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::provider_support::*;

const KEY: &str = "AIzaSy-test-google-key-0042";
const PATH: &str = "/language/translate/v2";

fn google(server: &MockServer, client: reqwest::Client) -> Google {
    Google::new(
        &GoogleConfig {
            api_key: Secret::new(KEY),
            base_url: server.uri(),
        },
        client,
    )
}

/// Answers like Google: `data.translations`, one per `q`, in order.
fn echo(request: &Request) -> ResponseTemplate {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    let target = body["target"].as_str().unwrap().to_owned();
    let translations: Vec<_> = body["q"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| json!({"translatedText": format!("[{target}] {}", t.as_str().unwrap())}))
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({"data": {"translations": translations}}))
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(echo)
        .mount(server)
        .await;
}

async fn mount_reply(server: &MockServer, reply: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(reply)
        .mount(server)
        .await;
}

async fn translate_one(server: &MockServer) -> Result<Vec<String>, ProviderError> {
    google(server, client())
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await
}

/// A Google error envelope with one legacy `errors[]` entry.
fn google_error(code: u16, message: &str, reason: &str) -> ResponseTemplate {
    ResponseTemplate::new(code).set_body_json(json!({"error": {
        "code": code,
        "message": message,
        "errors": [{"domain": "usageLimits", "reason": reason, "message": message}],
    }}))
}

#[tokio::test]
async fn google_sends_the_documented_request_for_each_target() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = google(&server, client());
    let texts = units(2);
    let expected_codes = ["en", "zh-CN", "zh-TW", "ko"];
    for (target, code) in TARGETS.into_iter().zip(expected_codes) {
        let out = provider
            .translate_batch(&texts, Lang::Ja, target)
            .await
            .unwrap();
        assert_eq!(out[1], format!("[{code}] {}", texts[1]));
    }
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    for (request, code) in requests.iter().zip(expected_codes) {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), PATH);
        assert_eq!(request.url.query(), Some(format!("key={KEY}").as_str()));
        assert_eq!(header(request, "content-type"), Some("application/json"));
        assert_eq!(header(request, "authorization"), None);
        assert_eq!(
            body_json(request),
            json!({"q": texts, "source": "ja", "target": code, "format": "html"})
        );
        assert!(!occurs_in_body(request, KEY));
    }
}

#[tokio::test]
async fn google_supports_the_four_targets_and_not_japanese() {
    let server = mock_service().await;
    let provider = google(&server, client());
    for target in TARGETS {
        assert!(provider.supports(target), "{target}");
    }
    assert!(!provider.supports(Lang::Ja));
    assert_eq!(provider.model(), "google");
    let result = provider
        .translate_batch(&units(1), Lang::Ja, Lang::Ja)
        .await;
    assert!(matches!(result, Err(ProviderError::Unsupported { .. })));
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn google_splits_129_units_into_requests_of_128_and_1() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = google(&server, client());
    let texts = units(129);
    assert_eq!(
        split_batches(&texts, provider.limits()),
        vec![0..128, 128..129]
    );
    let out = provider
        .translate_batch(&texts, Lang::Ja, Lang::ZhHant)
        .await
        .unwrap();
    assert_eq!(out.len(), 129);
    assert_eq!(out[128], format!("[zh-TW] {}", texts[128]));
    let sizes: Vec<usize> = received(&server)
        .await
        .iter()
        .map(|r| body_json(r)["q"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![128, 1]);
}

#[tokio::test]
async fn google_splits_long_texts_so_no_body_exceeds_100k_bytes() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = google(&server, client());
    // 10,000 kana of 3 bytes each: three fit in 100,000 bytes, four do not.
    let texts: Vec<String> = (0..7).map(|_| "あ".repeat(10_000)).collect();
    provider
        .translate_batch(&texts, Lang::Ja, Lang::En)
        .await
        .unwrap();
    let requests = received(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| body_json(r)["q"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![3, 3, 1]);
    for request in &requests {
        assert!(request.body.len() <= 100_000, "{}", request.body.len());
    }
}

#[tokio::test]
async fn google_429_is_retryable_with_retry_after_and_the_next_call_succeeds() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "7")
                .set_body_json(json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"}})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    match translate_one(&server).await {
        Err(ProviderError::Retryable { retry_after, .. }) => {
            assert_eq!(retry_after, Some(Duration::from_secs(7)));
        }
        other => panic!("expected retryable, got {other:?}"),
    }
    assert_eq!(kind(&translate_one(&server).await), "ok");
}

#[tokio::test]
async fn google_rate_limit_then_200_succeeds_under_with_retries() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(
            google_error(403, "User Rate Limit Exceeded", "userRateLimitExceeded")
                .insert_header("retry-after", "0"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    let provider = google(&server, client());
    let texts = units(1);
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        with_retries(slow_backoff_policy(), || {
            provider.translate_batch(&texts, Lang::Ja, Lang::Ko)
        }),
    )
    .await
    .expect("Retry-After: 0 was honoured instead of the 30 s backoff");
    assert_eq!(result.unwrap(), vec![format!("[ko] {}", texts[0])]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn google_daily_limit_is_quota_exhausted() {
    for reply in [
        google_error(403, "Daily Limit Exceeded", "dailyLimitExceeded"),
        google_error(403, "Quota Exceeded", "quotaExceeded"),
        // Only the message says so.
        ResponseTemplate::new(403)
            .set_body_json(json!({"error": {"code": 403, "message": "Daily Limit Exceeded"}})),
    ] {
        let server = mock_service().await;
        mount_reply(&server, reply).await;
        assert_eq!(kind(&translate_one(&server).await), "quota");
    }
}

#[tokio::test]
async fn google_rate_limits_and_server_errors_are_retryable() {
    for reply in [
        google_error(403, "User Rate Limit Exceeded", "userRateLimitExceeded"),
        google_error(403, "Rate Limit Exceeded", "rateLimitExceeded"),
        ResponseTemplate::new(429),
        ResponseTemplate::new(500),
        ResponseTemplate::new(503),
    ] {
        let server = mock_service().await;
        mount_reply(&server, reply).await;
        assert_eq!(kind(&translate_one(&server).await), "retryable");
    }
}

#[tokio::test]
async fn google_bad_requests_and_keys_are_rejected() {
    for reply in [
        google_error(
            400,
            "API key not valid. Please pass a valid API key.",
            "badRequest",
        ),
        google_error(400, "Invalid Value", "invalid"),
        google_error(401, "Login Required", "required"),
        google_error(
            403,
            "Cloud Translation API has not been used in project 1 before or it is disabled.",
            "accessNotConfigured",
        ),
        ResponseTemplate::new(403),
        ResponseTemplate::new(404),
    ] {
        let server = mock_service().await;
        mount_reply(&server, reply).await;
        assert_eq!(kind(&translate_one(&server).await), "rejected");
    }
}

#[tokio::test]
async fn google_timeout_is_retryable() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(json!({"data": {"translations": [{"translatedText": "late"}]}}))
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let result = google(&server, client_with_timeout(Duration::from_millis(200)))
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await;
    match result {
        Err(error @ ProviderError::Retryable { .. }) => {
            assert!(error.to_string().contains("timed out"));
            assert_key_hidden(&error, KEY);
            assert!(!error.to_string().contains("127.0.0.1"), "no URL: {error}");
        }
        other => panic!("expected retryable, got {other:?}"),
    }
}

#[tokio::test]
async fn google_garbage_200_is_malformed() {
    for body in [
        "<html>captcha</html>",
        r#"{"translations": [{"translatedText": "unwrapped"}]}"#,
        r#"{"data": {"translations": [{"text": "wrong field"}]}}"#,
    ] {
        let server = mock_service().await;
        mount_reply(&server, ResponseTemplate::new(200).set_body_string(body)).await;
        assert_eq!(kind(&translate_one(&server).await), "malformed", "{body}");
    }
}

#[tokio::test]
async fn google_wrong_number_of_translations_is_malformed() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_body_json(json!({"data": {"translations": []}})),
    )
    .await;
    assert_eq!(kind(&translate_one(&server).await), "malformed");
}

#[tokio::test]
async fn google_html_output_is_normalized_and_stray_markup_escaped() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_body_json(json!({"data": {"translations": [
            {"translatedText": "It&#39;s <b1>free</b1> &amp; online<x2 /> &lt;b&gt; <script>alert(1)</script>"}
        ]}})),
    )
    .await;
    assert_eq!(
        translate_one(&server).await.unwrap(),
        vec![
            "It's <b1>free</b1> &amp; online<x2/> &lt;b&gt; &lt;script&gt;alert(1)&lt;/script&gt;"
        ]
    );
}

#[tokio::test]
async fn google_key_never_appears_in_errors() {
    let provider_debug = format!("{:?}", google(&mock_service().await, client()));
    assert!(!provider_debug.contains(KEY), "{provider_debug}");
    // A stand-in that quotes the request URL, key and all, in its error body.
    for status in [400, 401, 403, 429, 500] {
        let server = mock_service().await;
        Mock::given(method("POST"))
            .respond_with(move |request: &Request| {
                ResponseTemplate::new(status).set_body_json(json!({"error": {
                    "code": status,
                    "message": format!("Daily Limit Exceeded for {}", request.url),
                }}))
            })
            .mount(&server)
            .await;
        let error = translate_one(&server).await.unwrap_err();
        assert_key_hidden(&error, KEY);
        assert!(error.to_string().contains("[redacted]"), "{error}");
    }
}
