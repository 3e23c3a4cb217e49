//! The LibreTranslate adapter against a local server that checks the wire
//! format: `POST {base}/translate` with the units as an HTML batch, and every
//! way the server can answer.

use std::time::Duration;

use honyaku::config::{LibreTranslateConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{
    ProviderError, TranslationProvider, split_batches, with_retries,
};
use honyaku::translate::providers::libretranslate::LibreTranslate;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::provider_support_b::{
    SECRET_KEY, TARGETS, assert_no_secret, client, client_with_timeout, json_body, only_request,
    quick_retries, requests, sample_units,
};

fn provider(server: &MockServer, key: &str) -> LibreTranslate {
    provider_with(server, key, client())
}

fn provider_with(server: &MockServer, key: &str, client: reqwest::Client) -> LibreTranslate {
    let config = LibreTranslateConfig {
        base_url: server.uri(),
        api_key: Secret::new(key),
    };
    LibreTranslate::new(&config, client)
}

fn translated(texts: &[&str]) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "translatedText": texts }))
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({ "error": message }))
}

/// Answers each text with `[target] text`, so batches can be checked end to end.
fn echo(request: &Request) -> ResponseTemplate {
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    let target = body["target"].as_str().unwrap().to_owned();
    let out: Vec<String> = body["q"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| format!("[{target}] {}", q.as_str().unwrap()))
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({ "translatedText": out }))
}

async fn translate_err(server: &MockServer, key: &str) -> ProviderError {
    provider(server, key)
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap_err()
}

#[tokio::test]
async fn sends_the_units_as_one_html_batch_with_the_target_code_of_each_language() {
    for (lang, code) in TARGETS {
        let server = MockServer::start().await;
        let units = sample_units();
        Mock::given(method("POST"))
            .and(path("/translate"))
            .and(header("content-type", "application/json"))
            .and(body_json(json!({
                "q": units,
                "source": "ja",
                "target": code,
                "format": "html",
                "api_key": SECRET_KEY,
            })))
            .respond_with(translated(&[
                "<b1>Worker cooperatives</b1> online seminars.",
                "Free of charge<x2/> (registration required)",
                "Contact: <p3/>",
            ]))
            .expect(1)
            .mount(&server)
            .await;

        let out = provider(&server, SECRET_KEY)
            .translate_batch(&units, Lang::Ja, lang)
            .await
            .unwrap();
        assert_eq!(
            out,
            [
                "<b1>Worker cooperatives</b1> online seminars.",
                "Free of charge<x2/> (registration required)",
                "Contact: <p3/>",
            ]
        );
        server.verify().await;
    }
}

#[tokio::test]
async fn api_key_is_left_out_when_none_is_configured() {
    let server = MockServer::start().await;
    let units = sample_units();
    Mock::given(method("POST"))
        .and(path("/translate"))
        .and(body_json(json!({
            "q": units,
            "source": "ja",
            "target": "ko",
            "format": "html",
        })))
        .respond_with(translated(&["a", "b", "c"]))
        .expect(1)
        .mount(&server)
        .await;

    provider(&server, "")
        .translate_batch(&units, Lang::Ja, Lang::Ko)
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert!(json_body(&request).get("api_key").is_none());
    assert!(request.headers.get("authorization").is_none());
}

#[tokio::test]
async fn base_url_with_a_path_and_trailing_slash_is_joined() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/libre/translate"))
        .respond_with(echo)
        .expect(1)
        .mount(&server)
        .await;
    let config = LibreTranslateConfig {
        base_url: format!("{}/libre/", server.uri()),
        api_key: Secret::default(),
    };
    let out = LibreTranslate::new(&config, client())
        .translate_batch(&["はい".to_owned()], Lang::Ja, Lang::En)
        .await
        .unwrap();
    assert_eq!(out, ["[en] はい"]);
}

#[tokio::test]
async fn batches_split_at_64_items_and_20000_characters() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(echo)
        .mount(&server)
        .await;
    let lt = provider(&server, "");
    let limits = lt.limits();
    assert_eq!((limits.max_items, limits.max_chars), (64, 20_000));

    // By count: 130 short units go as 64 + 64 + 2.
    let many: Vec<String> = (0..130).map(|i| format!("第{i}条")).collect();
    let mut out = Vec::new();
    for range in split_batches(&many, limits) {
        out.extend(
            lt.translate_batch(&many[range], Lang::Ja, Lang::ZhHans)
                .await
                .unwrap(),
        );
    }
    assert_eq!(out.len(), 130);
    assert_eq!(out[129], "[zh-Hans] 第129条");
    // By characters: three units of 8,000 characters go as 2 + 1.
    let long: Vec<String> = (0..3).map(|_| "あ".repeat(8_000)).collect();
    for range in split_batches(&long, limits) {
        lt.translate_batch(&long[range], Lang::Ja, Lang::ZhHans)
            .await
            .unwrap();
    }

    let sizes: Vec<usize> = requests(&server)
        .await
        .iter()
        .map(|r| json_body(r)["q"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [64, 64, 2, 2, 1]);
}

#[tokio::test]
async fn decoded_markup_comes_back_as_text_and_placeholders_survive() {
    // LibreTranslate unescapes its HTML output, and BeautifulSoup writes our
    // empty placeholders as `<x2></x2>`.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(translated(&[
            "<b1>Bold</b1> and <b>not ours</b>",
            "<script>alert(1)</script><x2></x2>",
            "Fish & chips <p3></p3> &amp; more",
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
            "<b1>Bold</b1> and &lt;b&gt;not ours&lt;/b&gt;",
            "&lt;script&gt;alert(1)&lt;/script&gt;<x2/>",
            "Fish &amp; chips <p3/> &amp; more",
        ]
    );
}

#[tokio::test]
async fn a_429_is_retryable_with_its_retry_after_and_a_retry_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(error(429, "Slowdown: 30 per 1 minute").insert_header("retry-after", "7"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(translated(&["a", "b", "c"]))
        .mount(&server)
        .await;
    let lt = provider(&server, SECRET_KEY);
    let units = sample_units();

    let first = lt
        .translate_batch(&units, Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    match &first {
        ProviderError::Retryable {
            retry_after,
            detail,
            ..
        } => {
            assert_eq!(*retry_after, Some(Duration::from_secs(7)));
            assert!(
                detail.contains("429") && detail.contains("Slowdown"),
                "{detail}"
            );
        }
        other => panic!("expected Retryable, got {other:?}"),
    }

    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(error(429, "Slowdown").insert_header("retry-after", "60"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(translated(&["a", "b", "c"]))
        .expect(1)
        .mount(&server)
        .await;
    let out = with_retries(quick_retries(), || {
        lt.translate_batch(&units, Lang::Ja, Lang::En)
    })
    .await
    .unwrap();
    assert_eq!(out, ["a", "b", "c"]);
}

#[tokio::test]
async fn server_errors_are_retryable() {
    for status in [500, 502, 503] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(error(status, "Cannot translate text: model crashed"))
            .mount(&server)
            .await;
        let err = translate_err(&server, "").await;
        assert!(
            matches!(err, ProviderError::Retryable { .. }),
            "{status}: {err:?}"
        );
    }
}

#[tokio::test]
async fn bad_requests_and_bad_keys_are_rejected_without_showing_the_key() {
    for (status, message) in [
        (400, "ja is not supported".to_owned()),
        (
            400,
            "Invalid request: request (30000) exceeds text limit (5000)".to_owned(),
        ),
        // A server (or proxy in front of it) that echoes what it was sent.
        (403, format!("Invalid API key: {SECRET_KEY}")),
        (403, "Too many request limits violations".to_owned()),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(error(status, &message))
            .mount(&server)
            .await;
        let err = translate_err(&server, SECRET_KEY).await;
        assert!(
            matches!(err, ProviderError::Rejected { .. }),
            "{status}: {err:?}"
        );
        assert!(err.to_string().contains(&status.to_string()), "{err}");
        assert_no_secret(&err);
    }
}

#[tokio::test]
async fn a_timeout_is_retryable() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(translated(&["a", "b", "c"]).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let lt = provider_with(
        &server,
        SECRET_KEY,
        client_with_timeout(Duration::from_millis(200)),
    );
    let err = lt
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
async fn unusable_answers_are_malformed() {
    let cases = [
        ResponseTemplate::new(200).set_body_string("<html>502 Bad Gateway</html>"),
        ResponseTemplate::new(200).set_body_json(json!({ "error": "oops" })),
        ResponseTemplate::new(200).set_body_json(json!({ "translatedText": [1, 2, 3] })),
        // A string where three translations were asked for.
        ResponseTemplate::new(200).set_body_json(json!({ "translatedText": "a b c" })),
        // Too few and too many.
        translated(&["a", "b"]),
        translated(&["a", "b", "c", "d"]),
    ];
    for (i, template) in cases.into_iter().enumerate() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(template)
            .mount(&server)
            .await;
        let err = translate_err(&server, SECRET_KEY).await;
        assert!(
            matches!(err, ProviderError::Malformed { .. }),
            "case {i}: {err:?}"
        );
        assert_no_secret(&err);
    }
}

#[tokio::test]
async fn a_single_string_answers_a_single_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "translatedText": "Yes" })))
        .mount(&server)
        .await;
    let out = provider(&server, "")
        .translate_batch(&["はい".to_owned()], Lang::Ja, Lang::En)
        .await
        .unwrap();
    assert_eq!(out, ["Yes"]);
}

#[tokio::test]
async fn targets_are_the_four_languages_and_nothing_is_sent_otherwise() {
    let server = MockServer::start().await;
    let lt = provider(&server, SECRET_KEY);
    assert_eq!(lt.name(), "libretranslate");
    assert_eq!(lt.model(), "libretranslate");
    for (lang, _) in TARGETS {
        assert!(lt.supports(lang), "{lang}");
    }
    assert!(!lt.supports(Lang::Ja));
    let err = lt
        .translate_batch(&sample_units(), Lang::Ja, Lang::Ja)
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported { .. }), "{err:?}");
    // An empty batch needs no request.
    assert!(
        lt.translate_batch(&[], Lang::Ja, Lang::En)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(requests(&server).await.is_empty());
    assert!(!format!("{lt:?}").contains(SECRET_KEY));
}
