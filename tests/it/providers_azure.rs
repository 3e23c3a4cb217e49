//! The Azure AI Translator v3 adapter against a local stand-in that checks
//! the exact wire format of `POST /translate?api-version=3.0`.

use std::time::Duration;

use honyaku::config::{AzureConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use honyaku::translate::providers::azure::Azure;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::provider_support::*;

const KEY: &str = "5e1d7c0ffee-test-azure-key";

fn azure(server: &MockServer, region: &str, client: reqwest::Client) -> Azure {
    Azure::new(
        &AzureConfig {
            key: Secret::new(KEY),
            region: region.into(),
            base_url: server.uri(),
        },
        client,
    )
}

/// Answers like Azure: one element per input, each with one translation
/// per `to`.
fn echo(request: &Request) -> ResponseTemplate {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    let to = request
        .url
        .query_pairs()
        .find(|(k, _)| k == "to")
        .unwrap()
        .1
        .into_owned();
    let items: Vec<_> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let text = item["Text"].as_str().unwrap();
            json!({"translations": [{"text": format!("[{to}] {text}"), "to": to}]})
        })
        .collect();
    ResponseTemplate::new(200).set_body_json(items)
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(echo)
        .mount(server)
        .await;
}

async fn mount_reply(server: &MockServer, reply: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(reply)
        .mount(server)
        .await;
}

async fn translate_one(server: &MockServer) -> Result<Vec<String>, ProviderError> {
    azure(server, "japaneast", client())
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await
}

fn azure_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"error": {"code": code, "message": message}}))
}

#[tokio::test]
async fn azure_sends_the_documented_request_for_each_target() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = azure(&server, "japaneast", client());
    let texts = units(2);
    let expected_codes = ["en", "zh-Hans", "zh-Hant", "ko"];
    for (target, code) in TARGETS.into_iter().zip(expected_codes) {
        let out = provider
            .translate_batch(&texts, Lang::Ja, target)
            .await
            .unwrap();
        assert_eq!(out[0], format!("[{code}] {}", texts[0]));
    }
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    for (request, code) in requests.iter().zip(expected_codes) {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.url.path(), "/translate");
        assert_eq!(
            request.url.query(),
            Some(format!("api-version=3.0&from=ja&to={code}&textType=html").as_str())
        );
        assert_eq!(header(request, "ocp-apim-subscription-key"), Some(KEY));
        assert_eq!(
            header(request, "ocp-apim-subscription-region"),
            Some("japaneast")
        );
        assert_eq!(
            header(request, "content-type"),
            Some("application/json; charset=UTF-8")
        );
        assert_eq!(
            body_json(request),
            json!([{"Text": texts[0]}, {"Text": texts[1]}])
        );
        assert!(!occurs_in_body(request, KEY));
    }
}

#[tokio::test]
async fn azure_sends_no_region_header_for_a_global_resource() {
    let server = mock_service().await;
    mount_echo(&server).await;
    azure(&server, "", client())
        .translate_batch(&units(1), Lang::Ja, Lang::Ko)
        .await
        .unwrap();
    let request = &received(&server).await[0];
    assert_eq!(header(request, "ocp-apim-subscription-key"), Some(KEY));
    assert_eq!(header(request, "ocp-apim-subscription-region"), None);
}

#[tokio::test]
async fn azure_supports_the_four_targets_and_not_japanese() {
    let server = mock_service().await;
    let provider = azure(&server, "", client());
    for target in TARGETS {
        assert!(provider.supports(target), "{target}");
    }
    assert!(!provider.supports(Lang::Ja));
    assert_eq!(provider.model(), "azure");
    let result = provider
        .translate_batch(&units(1), Lang::Ja, Lang::Ja)
        .await;
    assert!(matches!(result, Err(ProviderError::Unsupported { .. })));
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn azure_splits_at_1000_elements() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = azure(&server, "", client());
    let texts: Vec<String> = (0..1001).map(|i| format!("第{i}回")).collect();
    assert_eq!(
        split_batches(&texts, provider.limits()),
        vec![0..1000, 1000..1001]
    );
    let out = provider
        .translate_batch(&texts, Lang::Ja, Lang::ZhHans)
        .await
        .unwrap();
    assert_eq!(out[1000], "[zh-Hans] 第1000回");
    let sizes: Vec<usize> = received(&server)
        .await
        .iter()
        .map(|r| body_json(r).as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![1000, 1]);
}

#[tokio::test]
async fn azure_splits_at_50000_characters_for_its_one_target() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = azure(&server, "", client());
    // Characters, not bytes: five 10,000-character texts are exactly the
    // limit with one `to` target, a sixth starts a new request.
    let texts: Vec<String> = (0..6).map(|_| "労".repeat(10_000)).collect();
    provider
        .translate_batch(&texts, Lang::Ja, Lang::En)
        .await
        .unwrap();
    let requests = received(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| body_json(r).as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![5, 1]);
    for request in &requests {
        let to: Vec<_> = request
            .url
            .query_pairs()
            .filter(|(k, _)| k == "to")
            .collect();
        assert_eq!(to.len(), 1, "one target per request");
        let chars: usize = body_json(request)
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["Text"].as_str().unwrap().chars().count())
            .sum();
        assert!(chars * to.len() <= 50_000, "{chars}");
    }
}

#[tokio::test]
async fn azure_429_is_retryable_with_retry_after_and_the_next_call_succeeds() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(
            azure_error(
                429,
                429_001,
                "The server rejected the request because the client has exceeded request limits.",
            )
            .insert_header("retry-after", "4"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    match translate_one(&server).await {
        Err(ProviderError::Retryable { retry_after, .. }) => {
            assert_eq!(retry_after, Some(Duration::from_secs(4)));
        }
        other => panic!("expected retryable, got {other:?}"),
    }
    assert_eq!(kind(&translate_one(&server).await), "ok");
}

#[tokio::test]
async fn azure_429_then_200_succeeds_under_with_retries_using_retry_after() {
    let server = mock_service().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(azure_error(429, 429_000, "slow down").insert_header("retry-after", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount_echo(&server).await;
    let provider = azure(&server, "", client());
    let texts = units(1);
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        with_retries(slow_backoff_policy(), || {
            provider.translate_batch(&texts, Lang::Ja, Lang::ZhHant)
        }),
    )
    .await
    .expect("Retry-After: 0 was honoured instead of the 30 s backoff");
    assert_eq!(result.unwrap(), vec![format!("[zh-Hant] {}", texts[0])]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn azure_403001_is_quota_exhausted() {
    let server = mock_service().await;
    mount_reply(
        &server,
        azure_error(
            403,
            403_001,
            "The operation is not allowed because the subscription has exceeded its free quota.",
        ),
    )
    .await;
    let result = translate_one(&server).await;
    assert_eq!(kind(&result), "quota");

    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(403)
            .set_body_json(json!({"error": {"code": "403001", "message": "quota"}})),
    )
    .await;
    assert_eq!(kind(&translate_one(&server).await), "quota");
}

#[tokio::test]
async fn azure_rate_limits_and_server_errors_are_retryable() {
    for reply in [
        azure_error(429, 429_000, "rate"),
        azure_error(429, 429_002, "rate"),
        azure_error(500, 500_000, "internal"),
        azure_error(503, 503_000, "unavailable"),
        azure_error(408, 408_001, "custom system is being prepared"),
        ResponseTemplate::new(502),
    ] {
        let server = mock_service().await;
        mount_reply(&server, reply).await;
        assert_eq!(kind(&translate_one(&server).await), "retryable");
    }
}

#[tokio::test]
async fn azure_other_client_errors_are_rejected() {
    for reply in [
        azure_error(400, 400_036, "The target language is not valid."),
        azure_error(400, 400_077, "The maximum request size has been exceeded."),
        azure_error(
            401,
            401_000,
            "The request is not authorized because credentials are missing or invalid.",
        ),
        azure_error(403, 403_000, "The operation is not allowed."),
        azure_error(
            415,
            415_000,
            "The Content-Type header is missing or invalid.",
        ),
        ResponseTemplate::new(403),
    ] {
        let server = mock_service().await;
        mount_reply(&server, reply).await;
        assert_eq!(kind(&translate_one(&server).await), "rejected");
    }
}

#[tokio::test]
async fn azure_timeout_is_retryable() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200)
            .set_body_json(json!([{"translations": [{"text": "late", "to": "en"}]}]))
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let result = azure(&server, "", client_with_timeout(Duration::from_millis(200)))
        .translate_batch(&units(1), Lang::Ja, Lang::En)
        .await;
    match result {
        Err(error @ ProviderError::Retryable { .. }) => {
            assert!(error.to_string().contains("timed out"));
            assert_key_hidden(&error, KEY);
        }
        other => panic!("expected retryable, got {other:?}"),
    }
}

#[tokio::test]
async fn azure_garbage_200_is_malformed() {
    for body in [
        "<html>login</html>".to_owned(),
        json!({"translations": [{"text": "not an array", "to": "en"}]}).to_string(),
        json!([{"translations": []}]).to_string(),
        json!([{"translations": [{"text": "wrong target", "to": "ko"}]}]).to_string(),
    ] {
        let server = mock_service().await;
        mount_reply(
            &server,
            ResponseTemplate::new(200).set_body_string(body.clone()),
        )
        .await;
        assert_eq!(kind(&translate_one(&server).await), "malformed", "{body}");
    }
}

#[tokio::test]
async fn azure_wrong_number_of_translations_is_malformed() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_body_json(json!([
            {"translations": [{"text": "one", "to": "en"}]},
            {"translations": [{"text": "two", "to": "en"}]},
        ])),
    )
    .await;
    assert_eq!(kind(&translate_one(&server).await), "malformed");
}

#[tokio::test]
async fn azure_html_output_is_normalized_and_stray_markup_escaped() {
    let server = mock_service().await;
    mount_reply(
        &server,
        ResponseTemplate::new(200).set_body_json(json!([{"translations": [{
            "text": "Seminar <b1>online</b1>&nbsp;&#x2014; <x2/><script>alert(1)</script>",
            "to": "en",
        }]}])),
    )
    .await;
    assert_eq!(
        translate_one(&server).await.unwrap(),
        vec!["Seminar <b1>online</b1>\u{a0}\u{2014} <x2/>&lt;script&gt;alert(1)&lt;/script&gt;"]
    );
}

#[tokio::test]
async fn azure_key_never_appears_in_errors() {
    let provider_debug = format!("{:?}", azure(&mock_service().await, "japaneast", client()));
    assert!(!provider_debug.contains(KEY), "{provider_debug}");
    // A stand-in that quotes the key header back in its error body.
    for status in [400, 401, 403, 429, 500] {
        let server = mock_service().await;
        Mock::given(method("POST"))
            .respond_with(move |request: &Request| {
                let key = request
                    .headers
                    .get("ocp-apim-subscription-key")
                    .unwrap()
                    .to_str()
                    .unwrap();
                ResponseTemplate::new(status).set_body_json(json!({"error": {
                    "code": u32::from(status) * 1000,
                    "message": format!("key {key} refused"),
                }}))
            })
            .mount(&server)
            .await;
        let error = translate_one(&server).await.unwrap_err();
        assert_key_hidden(&error, KEY);
        assert!(error.to_string().contains("[redacted]"), "{error}");
    }
}
