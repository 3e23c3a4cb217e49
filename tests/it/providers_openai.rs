//! The OpenAI-compatible adapter against a local server that checks the
//! wire format: `POST {base_url}/chat/completions` with a strict JSON schema,
//! and every way the server or the model can answer.

use std::time::Duration;

use honyaku::config::{OpenAiConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use honyaku::translate::providers::openai::OpenAiCompatible;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::provider_support_b::{
    SECRET_KEY, TARGETS, assert_no_secret, client, client_with_timeout, json_body, numbered_units,
    only_request, quick_retries, requests, sample_units,
};

const MODEL: &str = "gpt-4o-mini";
const COMPLETION: &str = "/v1/chat/completions";

fn config(server: &MockServer, key: &str, max_completion_tokens: u32) -> OpenAiConfig {
    OpenAiConfig {
        base_url: format!("{}/v1", server.uri()),
        api_key: Secret::new(key),
        model: MODEL.to_owned(),
        max_completion_tokens,
    }
}

fn provider(server: &MockServer, key: &str) -> OpenAiCompatible {
    OpenAiCompatible::new(&config(server, key, 4096), client())
}

/// A chat completion whose message content is `content`.
fn completion(content: &str, finish_reason: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1_750_000_000,
        "model": MODEL,
        "choices": [{
            "index": 0,
            "message": { "role": "assistant", "content": content, "refusal": null },
            "logprobs": null,
            "finish_reason": finish_reason
        }],
        "usage": { "prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150 }
    }))
}

fn translations(items: &[&str]) -> ResponseTemplate {
    completion(&json!({ "translations": items }).to_string(), "stop")
}

fn api_error(status: u16, message: &str, kind: &str, code: Option<&str>) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error": { "message": message, "type": kind, "param": null, "code": code }
    }))
}

/// Answers with `[n] unit` for each unit of the user message, the way a
/// well-behaved model would.
fn echo(request: &Request) -> ResponseTemplate {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    let units: Vec<String> =
        serde_json::from_str(body["messages"][1]["content"].as_str().unwrap()).unwrap();
    let out: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, u)| format!("[{i}] {u}"))
        .collect();
    completion(&json!({ "translations": out }).to_string(), "stop")
}

async fn translate_err(server: &MockServer, key: &str) -> ProviderError {
    provider(server, key)
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap_err()
}

fn expected_schema(n: usize) -> Value {
    json!({
        "type": "json_schema",
        "json_schema": {
            "name": "translations",
            "strict": true,
            "schema": {
                "type": "object",
                "properties": {
                    "translations": {
                        "type": "array",
                        "items": { "type": "string" },
                        "minItems": n,
                        "maxItems": n
                    }
                },
                "required": ["translations"],
                "additionalProperties": false
            }
        }
    })
}

#[tokio::test]
async fn request_carries_model_schema_prompt_and_units_for_each_language() {
    let names = [
        (Lang::En, "English (en)"),
        (Lang::ZhHans, "Simplified Chinese (zh-Hans)"),
        (Lang::ZhHant, "Traditional Chinese (zh-Hant, Taiwan usage)"),
        (Lang::Ko, "Korean (ko)"),
    ];
    for (lang, name) in names {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(COMPLETION))
            .and(header(
                "authorization",
                format!("Bearer {SECRET_KEY}").as_str(),
            ))
            .and(header("content-type", "application/json"))
            .respond_with(translations(&[
                "<b1>Worker cooperatives</b1>: online seminars.",
                "Free<x2/> (registration required)",
                "Contact: <p3/>",
            ]))
            .expect(1)
            .mount(&server)
            .await;
        let units = sample_units();

        let out = provider(&server, SECRET_KEY)
            .translate_batch(&units, Lang::Ja, lang)
            .await
            .unwrap();
        assert_eq!(
            out,
            [
                "<b1>Worker cooperatives</b1>: online seminars.",
                "Free<x2/> (registration required)",
                "Contact: <p3/>",
            ]
        );

        let body = json_body(&only_request(&server).await);
        let mut keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "max_completion_tokens",
                "messages",
                "model",
                "response_format",
                "temperature"
            ]
        );
        assert_eq!(body["model"], MODEL);
        assert_eq!(body["temperature"], 0);
        assert_eq!(body["max_completion_tokens"], 4096);
        assert_eq!(body["response_format"], expected_schema(3));
        let messages = body["messages"].as_array().unwrap();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0]["role"], "system");
        let prompt = messages[0]["content"].as_str().unwrap();
        assert!(
            prompt.contains(&format!("from Japanese (ja) into {name}")),
            "{prompt}"
        );
        for rule in [
            "<b1>…</b1>",
            "<x2/>",
            "<p3/>",
            "&lt;",
            "&gt;",
            "&amp;",
            "exactly 3",
        ] {
            assert!(prompt.contains(rule), "prompt lacks {rule}: {prompt}");
        }
        assert!(prompt.contains(r#"{"translations": [...]}"#), "{prompt}");
        assert_eq!(messages[1]["role"], "user");
        let sent: Vec<String> =
            serde_json::from_str(messages[1]["content"].as_str().unwrap()).unwrap();
        assert_eq!(sent, units);
    }
}

#[tokio::test]
async fn no_authorization_header_without_a_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(echo)
        .mount(&server)
        .await;
    provider(&server, "")
        .translate_batch(&sample_units(), Lang::Ja, Lang::Ko)
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert!(request.headers.get("authorization").is_none());
}

#[tokio::test]
async fn model_names_the_model_and_batches_split_at_40_items_and_the_token_budget() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(echo)
        .mount(&server)
        .await;

    let ai = provider(&server, "");
    assert_eq!(ai.name(), "openai");
    assert_eq!(ai.model(), "openai:gpt-4o-mini");
    let limits = ai.limits();
    assert_eq!((limits.max_items, limits.max_chars), (40, 2048));
    let units = numbered_units(90);
    let mut out = Vec::new();
    for range in split_batches(&units, limits) {
        out.extend(
            ai.translate_batch(&units[range], Lang::Ja, Lang::ZhHant)
                .await
                .unwrap(),
        );
    }
    assert_eq!(out.len(), 90);
    assert_eq!(out[89], "[9] 第89回セミナー");

    // A small completion budget makes small batches: 100 tokens ▸ 50 chars.
    let small = OpenAiCompatible::new(&config(&server, "", 100), client());
    assert_eq!(small.limits().max_chars, 50);
    let long: Vec<String> = (0..3).map(|_| "あ".repeat(20)).collect();
    for range in split_batches(&long, small.limits()) {
        small
            .translate_batch(&long[range], Lang::Ja, Lang::En)
            .await
            .unwrap();
    }

    let sizes: Vec<(usize, Value)> = requests(&server)
        .await
        .iter()
        .map(|r| {
            let body = json_body(r);
            let units: Vec<String> =
                serde_json::from_str(body["messages"][1]["content"].as_str().unwrap()).unwrap();
            (
                units.len(),
                body["response_format"]["json_schema"]["schema"]["properties"]["translations"]
                    ["maxItems"]
                    .clone(),
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            (40, json!(40)),
            (40, json!(40)),
            (10, json!(10)),
            (2, json!(2)),
            (1, json!(1))
        ]
    );
}

#[tokio::test]
async fn model_output_is_text_and_placeholders_survive() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(translations(&[
            "<b1>Cooperatives</b1><script>alert(1)</script>",
            "Tom &amp; Jerry <x2 /> <img src=x onerror=alert(1)>",
            "&lt;kept&gt; <p3/>",
        ]))
        .mount(&server)
        .await;
    let out = provider(&server, "")
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap();
    assert_eq!(
        out,
        [
            "<b1>Cooperatives</b1>&lt;script&gt;alert(1)&lt;/script&gt;",
            "Tom &amp; Jerry <x2/> &lt;img src=x onerror=alert(1)&gt;",
            "&lt;kept&gt; <p3/>",
        ]
    );
}

#[tokio::test]
async fn a_bare_array_or_a_fenced_object_is_accepted() {
    for content in [
        r#"["a","b","c"]"#,
        "```json\n{\"translations\":[\"a\",\"b\",\"c\"]}\n```",
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(completion(content, "stop"))
            .mount(&server)
            .await;
        let out = provider(&server, "")
            .translate_batch(&sample_units(), Lang::Ja, Lang::En)
            .await
            .unwrap();
        assert_eq!(out, ["a", "b", "c"]);
    }
}

#[tokio::test]
async fn a_rate_limit_429_is_retryable_with_retry_after_and_a_retry_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(
            api_error(
                429,
                "Rate limit reached for requests",
                "requests",
                Some("rate_limit_exceeded"),
            )
            .insert_header("retry-after", "2")
            .insert_header("retry-after-ms", "1500"),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(translations(&["a", "b", "c"]))
        .mount(&server)
        .await;
    let ai = provider(&server, SECRET_KEY);
    let units = sample_units();

    let first = ai
        .translate_batch(&units, Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    match &first {
        ProviderError::Retryable {
            retry_after,
            detail,
            ..
        } => {
            assert_eq!(*retry_after, Some(Duration::from_millis(1500)));
            assert!(detail.contains("rate_limit_exceeded"), "{detail}");
        }
        other => panic!("expected Retryable, got {other:?}"),
    }

    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(
            api_error(429, "Rate limit reached", "requests", None)
                .insert_header("retry-after", "30"),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(translations(&["a", "b", "c"]))
        .expect(1)
        .mount(&server)
        .await;
    let out = with_retries(quick_retries(), || {
        ai.translate_batch(&units, Lang::Ja, Lang::En)
    })
    .await
    .unwrap();
    assert_eq!(out, ["a", "b", "c"]);
}

#[tokio::test]
async fn insufficient_quota_is_quota_exhausted_and_not_retried() {
    for (kind, code) in [
        ("insufficient_quota", Some("insufficient_quota")),
        ("insufficient_quota", None),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(api_error(
                429,
                "You exceeded your current quota, please check your plan and billing details.",
                kind,
                code,
            ))
            .expect(1)
            .mount(&server)
            .await;
        let ai = provider(&server, SECRET_KEY);
        let units = sample_units();
        let err = with_retries(quick_retries(), || {
            ai.translate_batch(&units, Lang::Ja, Lang::En)
        })
        .await
        .unwrap_err();
        assert!(
            matches!(&err, ProviderError::QuotaExhausted { detail, .. } if detail.contains("exceeded your current quota")),
            "{err:?}"
        );
        server.verify().await;
    }
}

#[tokio::test]
async fn server_errors_are_retryable() {
    for status in [500, 502, 503] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(api_error(
                status,
                "The server is overloaded",
                "server_error",
                None,
            ))
            .mount(&server)
            .await;
        let err = translate_err(&server, SECRET_KEY).await;
        assert!(
            matches!(err, ProviderError::Retryable { .. }),
            "{status}: {err:?}"
        );
    }
}

#[tokio::test]
async fn client_errors_are_rejected_without_showing_the_key() {
    for (status, message, kind, code) in [
        (
            400,
            "Invalid schema for response_format 'translations'".to_owned(),
            "invalid_request_error",
            None,
        ),
        (
            401,
            format!("Incorrect API key provided: {SECRET_KEY}."),
            "invalid_request_error",
            Some("invalid_api_key"),
        ),
        // OpenAI's own wording quotes the key masked in the middle.
        (
            401,
            "Incorrect API key provided: sk-test-5f0c************rint.".to_owned(),
            "invalid_request_error",
            Some("invalid_api_key"),
        ),
        (
            403,
            "Country, region, or territory not supported".to_owned(),
            "request_forbidden",
            Some("unsupported_country_region_territory"),
        ),
        (
            404,
            format!("The model `{MODEL}` does not exist (key {SECRET_KEY})"),
            "invalid_request_error",
            Some("model_not_found"),
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(api_error(status, &message, kind, code))
            .mount(&server)
            .await;
        let err = translate_err(&server, SECRET_KEY).await;
        assert!(
            matches!(err, ProviderError::Rejected { .. }),
            "{status}: {err:?}"
        );
        assert!(err.to_string().contains(&status.to_string()), "{err}");
        assert_no_secret(&err);
        assert!(!err.to_string().contains("sk-test-5f0c"), "{err}");
    }
}

#[tokio::test]
async fn a_timeout_is_retryable() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(translations(&["a", "b", "c"]).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let ai = OpenAiCompatible::new(
        &config(&server, SECRET_KEY, 4096),
        client_with_timeout(Duration::from_millis(200)),
    );
    let err = ai
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ProviderError::Retryable { detail, .. } if detail == "timed out"),
        "{err:?}"
    );
    assert_no_secret(&err);
}

#[tokio::test]
async fn unusable_completions_are_malformed() {
    let three = json!({ "translations": ["a", "b", "c"] }).to_string();
    let cases = [
        ("not JSON at all", ResponseTemplate::new(200).set_body_string("upstream error")),
        (
            "no choices",
            ResponseTemplate::new(200).set_body_json(json!({ "choices": [] })),
        ),
        ("content is prose", completion("Sure! Here are the translations: a, b, c", "stop")),
        ("two instead of three", translations(&["a", "b"])),
        ("four instead of three", translations(&["a", "b", "c", "d"])),
        ("non-string item", completion(r#"{"translations":["a",2,"c"]}"#, "stop")),
        ("truncated", completion(r#"{"translations":["a","b"#, "length")),
        ("length even when whole", completion(&three, "length")),
        ("content filter", completion(&three, "content_filter")),
        (
            "refusal",
            ResponseTemplate::new(200).set_body_json(json!({
                "choices": [{
                    "index": 0,
                    "message": { "role": "assistant", "content": null, "refusal": "I can't help with that." },
                    "finish_reason": "stop"
                }]
            })),
        ),
        (
            "null content",
            ResponseTemplate::new(200).set_body_json(json!({
                "choices": [{ "index": 0, "message": { "role": "assistant", "content": null }, "finish_reason": "stop" }]
            })),
        ),
    ];
    for (case, template) in cases {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(template)
            .mount(&server)
            .await;
        let err = translate_err(&server, SECRET_KEY).await;
        assert!(
            matches!(err, ProviderError::Malformed { .. }),
            "{case}: {err:?}"
        );
        assert_no_secret(&err);
    }
}

#[tokio::test]
async fn targets_are_the_four_languages_and_the_key_stays_hidden() {
    let server = MockServer::start().await;
    let ai = provider(&server, SECRET_KEY);
    for (lang, _) in TARGETS {
        assert!(ai.supports(lang), "{lang}");
    }
    assert!(!ai.supports(Lang::Ja));
    let err = ai
        .translate_batch(&sample_units(), Lang::Ja, Lang::Ja)
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported { .. }), "{err:?}");
    assert!(
        ai.translate_batch(&[], Lang::Ja, Lang::En)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(requests(&server).await.is_empty());
    assert!(!format!("{ai:?}").contains(SECRET_KEY));
}
