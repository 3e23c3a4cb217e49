//! The DeepL adapter against a local stand-in that checks the exact wire
//! format of `POST /v2/translate`.

use std::time::Duration;

use honyaku::config::{DeeplConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use honyaku::translate::providers::deepl::Deepl;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::provider_support::*;

const KEY: &str = "0f3c-test-deepl-key:fx";

fn deepl(server: &MockServer, model_type: &str, client: reqwest::Client) -> Deepl {
    Deepl::new(
        &DeeplConfig {
            auth_key: Secret::new(KEY),
            base_url: server.uri(),
            model_type: model_type.into(),
        },
        client,
    )
}

/// Answers like DeepL: one translation per `text`, in order, tagged so the
/// test can tell which came back where.
fn echo(request: &Request) -> ResponseTemplate {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    let target = body["target_lang"].as_str().unwrap().to_owned();
    let translations: Vec<_> = body["text"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| json!({"detected_source_language": "JA", "text": format!("[{target}] {}", t.as_str().unwrap()), "billed_characters": 3}))
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({ "translations": translations }))
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(echo)
        .mount(server)
        .await;
}

async fn mount_reply(server: &MockServer, reply: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(reply)
        .mount(server)
        .await;
}

async fn translate_one(server: &MockServer) -> Result<Vec<String>, ProviderError> {
    deepl(server, "", client())
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await
}

#[tokio::test]
async fn deepl_sends_the_documented_request_for_each_target() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "", client());
    let texts = units(2);
    let expected_codes = ["EN-US", "ZH-HANS", "ZH-HANT", "KO"];
    for (target, code) in TARGETS.into_iter().zip(expected_codes) {
        let out = provider
            .translate_batch(&texts, Lang::Ja, target)
            .await
            .unwrap();
        assert_eq!(
            out,
            texts
                .iter()
                .map(|t| format!("[{code}] {t}"))
                .collect::<Vec<_>>()
        );
    }
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    for (request, code) in requests.iter().zip(expected_codes) {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/v2/translate");
        assert_eq!(request.url.query(), None, "nothing goes in the query");
        assert_eq!(
            header(request, "authorization"),
            Some(format!("DeepL-Auth-Key {KEY}").as_str())
        );
        assert_eq!(header(request, "content-type"), Some("application/json"));
        let agent = header(request, "user-agent").unwrap();
        assert!(agent.starts_with("honyaku/"), "{agent}");
        assert_eq!(
            body_json(request),
            json!({
                "text": texts,
                "source_lang": "JA",
                "target_lang": code,
                "tag_handling": "xml",
                "show_billed_characters": true,
            })
        );
        assert!(
            !occurs_in_body(request, KEY),
            "the key is never a body field"
        );
    }
}

#[tokio::test]
async fn deepl_sends_model_type_when_configured_and_names_it() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "quality_optimized", client());
    assert_eq!(provider.model(), "deepl:quality_optimized");
    assert_eq!(deepl(&server, "", client()).model(), "deepl");
    provider
        .translate_batch(&units(1), Lang::Ja, Lang::Ko)
        .await
        .unwrap();
    let body = body_json(&received(&server).await[0]);
    assert_eq!(body["model_type"], "quality_optimized");
    assert_eq!(body["target_lang"], "KO");
}

#[tokio::test]
async fn deepl_supports_the_four_targets_and_not_japanese() {
    let server = mock_service().await;
    let provider = deepl(&server, "", client());
    for target in TARGETS {
        assert!(provider.supports(target), "{target}");
    }
    assert!(!provider.supports(Lang::Ja));
    let result = provider
        .translate_batch(&units(1), Lang::Ja, Lang::Ja)
        .await;
    assert!(matches!(result, Err(ProviderError::Unsupported { .. })));
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn deepl_splits_51_units_into_requests_of_50_and_1() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "", client());
    let texts = units(51);
    assert_eq!(
        split_batches(&texts, provider.limits()),
        vec![0..50, 50..51]
    );
    let out = provider
        .translate_batch(&texts, Lang::Ja, Lang::ZhHans)
        .await
        .unwrap();
    assert_eq!(out.len(), 51);
    assert_eq!(out[50], format!("[ZH-HANS] {}", texts[50]));
    let sizes: Vec<usize> = received(&server)
        .await
        .iter()
        .map(|r| body_json(r)["text"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![50, 1]);
}

#[tokio::test]
async fn deepl_splits_long_texts_so_no_body_exceeds_128_kib() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "prefer_quality_optimized", client());
    // 10,000 kana of 3 bytes each: four fit in 128 KiB, five do not.
    let texts: Vec<String> = (0..10).map(|_| "あ".repeat(10_000)).collect();
    let out = provider
        .translate_batch(&texts, Lang::Ja, Lang::En)
        .await
        .unwrap();
    assert_eq!(out.len(), 10);
    let requests = received(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| body_json(r)["text"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![4, 4, 2]);
    for request in &requests {
        assert!(
            request.body.len() <= 128 * 1024,
            "{} bytes",
            request.body.len()
        );
    }
}

#[tokio::test]
async fn deepl_fills_a_request_close_to_128_kib_but_not_over() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "prefer_quality_optimized", client());
    // Two texts of 64,980 bytes fit together; a third needs its own request.
    let texts: Vec<String> = (0..3).map(|_| "労".repeat(21_660)).collect();
    provider
        .translate_batch(&texts, Lang::Ja, Lang::ZhHant)
        .await
        .unwrap();
    let requests = received(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| body_json(r)["text"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![2, 1]);
    let first = requests[0].body.len();
    assert!(first <= 128 * 1024 && first > 127 * 1024, "{first} bytes");
}

#[tokio::test]
async fn deepl_429_is_retryable_with_retry_after_and_the_next_call_succeeds() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "2"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    match translate_one(&server).await {
        Err(ProviderError::Retryable { retry_after, .. }) => {
            assert_eq!(retry_after, Some(Duration::from_secs(2)));
        }
        other => panic!("expected retryable, got {other:?}"),
    }
    assert_eq!(kind(&translate_one(&server).await), "ok");
}

#[tokio::test]
async fn deepl_429_then_200_succeeds_under_with_retries_using_retry_after() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    let provider = deepl(&server, "", client());
    let texts = units(1);
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        with_retries(slow_backoff_policy(), || {
            provider.translate_batch(&texts, Lang::Ja, Lang::En)
        }),
    )
    .await
    .expect("Retry-After: 0 was honoured instead of the 30 s backoff");
    assert_eq!(result.unwrap(), vec![format!("[EN-US] {}", texts[0])]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn deepl_456_is_quota_exhausted() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(456)
            .set_body_json(json!({"message": "Quota for this billing period has been exceeded."})),
    )
    .await;
    let result = translate_one(&server).await;
    assert_eq!(kind(&result), "quota");
    assert!(result.unwrap_err().to_string().contains("456"));
}

#[tokio::test]
async fn deepl_5xx_and_529_are_retryable() {
    for status in [500, 503, 504, 529] {
        let server = mock_service().await;
        mount_reply(&server, ResponseTemplate::new(status)).await;
        assert_eq!(kind(&translate_one(&server).await), "retryable", "{status}");
    }
}

#[tokio::test]
async fn deepl_client_errors_are_rejected() {
    for status in [400, 403, 404, 413] {
        let server = mock_service().await;
        mount_reply(
            &server,
            ResponseTemplate::new(status).set_body_json(json!({"message": "nope"})),
        )
        .await;
        assert_eq!(kind(&translate_one(&server).await), "rejected", "{status}");
    }
}

#[tokio::test]
async fn deepl_timeout_is_retryable() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(json!({"translations": [{"text": "late"}]}))
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let provider = deepl(&server, "", client_with_timeout(Duration::from_millis(200)));
    let result = provider
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await;
    match result {
        Err(ProviderError::Retryable { detail, .. }) => assert_eq!(detail, "timed out"),
        other => panic!("expected retryable, got {other:?}"),
    }
}

#[tokio::test]
async fn deepl_garbage_200_is_malformed() {
    for body in [
        "<html>gateway</html>",
        r#"{"translations": "x"}"#,
        r#"{"message": "ok"}"#,
        "",
    ] {
        let server = mock_service().await;
        mount_reply(&server, ResponseTemplate::new(200).set_body_string(body)).await;
        assert_eq!(kind(&translate_one(&server).await), "malformed", "{body}");
    }
}

#[tokio::test]
async fn deepl_wrong_number_of_translations_is_malformed() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(json!({"translations": [{"text": "one"}, {"text": "two"}]})),
    )
    .await;
    let result = translate_one(&server).await;
    assert_eq!(kind(&result), "malformed");
    assert!(
        result
            .unwrap_err()
            .to_string()
            .contains("sent 1 texts, got 2")
    );
}

#[tokio::test]
async fn deepl_output_is_normalized_and_stray_markup_escaped() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_body_json(json!({"translations": [
            {"text": "Worker <b1>co-ops</b1> &amp; you<x2 /><script>alert(1)</script>"}
        ]})),
    )
    .await;
    let out = translate_one(&server).await.unwrap();
    assert_eq!(
        out,
        vec!["Worker <b1>co-ops</b1> &amp; you<x2/>&lt;script&gt;alert(1)&lt;/script&gt;"]
    );
}

#[tokio::test]
async fn deepl_key_never_appears_in_errors() {
    let provider_debug = format!("{:?}", deepl(&mock_service().await, "", client()));
    assert!(!provider_debug.contains(KEY), "{provider_debug}");
    // A stand-in that echoes the Authorization header back in its error
    // body, as a misconfigured proxy might.
    for status in [400, 403, 429, 456, 500] {
        let server = mock_service().await;
        Mock::given(method("POST"))
            .respond_with(move |request: &Request| {
                let auth = request
                    .headers
                    .get("authorization")
                    .unwrap()
                    .to_str()
                    .unwrap();
                ResponseTemplate::new(status)
                    .set_body_string(format!("{{\"message\":\"bad {auth}\"}}"))
            })
            .mount(&server)
            .await;
        let error = translate_one(&server).await.unwrap_err();
        assert_key_hidden(&error, KEY);
        assert!(error.to_string().contains("[redacted]"), "{error}");
    }
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_delay(Duration::from_secs(3)),
    )
    .await;
    let error = deepl(&server, "", client_with_timeout(Duration::from_millis(200)))
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    assert_key_hidden(&error, KEY);
}
