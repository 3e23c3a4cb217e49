//! The Google Cloud Translation v2 (Basic) adapter: its wire format for the
//! provider contract, and the exact `POST /language/translate/v2` request
//! (key in the query, body, codes, the 100,000-byte limit) and its 403 rate
//! limit against a local stand-in.

use std::time::Duration;

use honyaku::config::{GoogleConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, TranslationProvider, with_retries};
use honyaku::translate::providers::google::Google;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::contract::{Answer, Wire};
use super::support::*;

const KEY: &str = "AIzaSy-test-google-key-0042";
const PATH: &str = "/language/translate/v2";

fn google(server: &MockServer, client: reqwest::Client) -> Google {
    Google::new(
        &GoogleConfig {
            api_key: Secret::new(KEY),
            base_url: server.uri(),
        },
        all_targets().google,
        client,
    )
}

/// Answers like Google, each text tagged with the target code it was sent
/// for, so the code can be checked end to end.
fn echo(request: &Request) -> ResponseTemplate {
    let target = body_json(request)["target"].as_str().unwrap().to_owned();
    let tagged: Vec<String> = GoogleWire::sent(request)
        .iter()
        .map(|t| format!("[{target}] {t}"))
        .collect();
    GoogleWire::translated(request, &tagged)
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(echo)
        .mount(server)
        .await;
}

/// A Google error envelope with one legacy `errors[]` entry.
fn google_error(code: u16, message: &str, reason: &str) -> ResponseTemplate {
    ResponseTemplate::new(code).set_body_json(json!({"error": {
        "code": code,
        "message": message,
        "errors": [{"domain": "usageLimits", "reason": reason, "message": message}],
    }}))
}

fn answer(label: &'static str, code: u16, message: &'static str, reason: &str) -> Answer {
    Answer::new(label, code, google_error(code, message, reason)).quoting(message)
}

pub struct GoogleWire;

impl Wire for GoogleWire {
    const NAME: &'static str = "google";
    const MODEL: &'static str = "google";
    const KEY: &'static str = KEY;
    const PATH: &'static str = PATH;
    const MAX_ITEMS: usize = 128;
    const SPLITS_ITSELF: bool = true;
    type Provider = Google;

    fn provider(server: &MockServer, client: reqwest::Client) -> Google {
        google(server, client)
    }

    fn sent(request: &Request) -> Vec<String> {
        serde_json::from_value(body_json(request)["q"].take()).unwrap()
    }

    fn translated(_: &Request, translations: &[String]) -> ResponseTemplate {
        let items: Vec<_> = translations
            .iter()
            .map(|t| json!({ "translatedText": t }))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({"data": {"translations": items}}))
    }

    fn rate_limited(retry_after: &str) -> ResponseTemplate {
        ResponseTemplate::new(429)
            .insert_header("retry-after", retry_after)
            .set_body_json(json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"}}))
    }

    fn retryable() -> Vec<Answer> {
        vec![
            answer(
                "user rate limit",
                403,
                "User Rate Limit Exceeded",
                "userRateLimitExceeded",
            ),
            answer(
                "rate limit",
                403,
                "Rate Limit Exceeded",
                "rateLimitExceeded",
            ),
            Answer::new("bare 429", 429, ResponseTemplate::new(429)),
            Answer::new("server error", 500, ResponseTemplate::new(500)),
            Answer::new("unavailable", 503, ResponseTemplate::new(503)),
        ]
    }

    fn quota() -> Vec<Answer> {
        vec![
            answer(
                "daily limit",
                403,
                "Daily Limit Exceeded",
                "dailyLimitExceeded",
            ),
            answer("quota exceeded", 403, "Quota Exceeded", "quotaExceeded"),
            Answer::new(
                "only the message says so",
                403,
                ResponseTemplate::new(403).set_body_json(
                    json!({"error": {"code": 403, "message": "Daily Limit Exceeded"}}),
                ),
            )
            .quoting("Daily Limit Exceeded"),
        ]
    }

    fn rejected() -> Vec<Answer> {
        vec![
            answer(
                "bad key",
                400,
                "API key not valid. Please pass a valid API key.",
                "badRequest",
            ),
            answer("invalid value", 400, "Invalid Value", "invalid"),
            answer("login required", 401, "Login Required", "required"),
            answer(
                "API disabled",
                403,
                "Cloud Translation API has not been used in project 1 before or it is disabled.",
                "accessNotConfigured",
            ),
            Answer::new("bare 403", 403, ResponseTemplate::new(403)),
            Answer::new("not found", 404, ResponseTemplate::new(404)),
        ]
    }

    fn malformed() -> Vec<Answer> {
        [
            ("an HTML page", "<html>captcha</html>"),
            (
                "no data wrapper",
                r#"{"translations": [{"translatedText": "unwrapped"}]}"#,
            ),
            (
                "the wrong field",
                r#"{"data": {"translations": [{"text": "wrong field"}]}}"#,
            ),
        ]
        .into_iter()
        .map(|(label, body)| Answer::ok_with_body(label, body))
        .collect()
    }

    fn markup() -> Vec<(&'static str, &'static str)> {
        // HTML out: numeric entities decoded, escaped text kept escaped.
        vec![(
            "It&#39;s <b1>free</b1> &amp; online<x2 /> &lt;b&gt; <script>alert(1)</script>",
            "It's <b1>free</b1> &amp; online<x2/> &lt;b&gt; &lt;script&gt;alert(1)&lt;/script&gt;",
        )]
    }

    /// Quotes the request URL, key and all, in the error message.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate {
        ResponseTemplate::new(status).set_body_json(json!({"error": {
            "code": status,
            "message": format!("Daily Limit Exceeded for {}", request.url),
        }}))
    }
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

/// The shipped languages on the wire as Google's table names them: one
/// Portuguese (`pt`), Filipino as `fil`; Easy Japanese is not Google's.
#[tokio::test]
async fn google_sends_each_shipped_language_by_its_code() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = google(&server, client());
    let texts = units(1);
    for (tag, code) in [
        ("vi", "vi"),
        ("fil", "fil"),
        ("pt-BR", "pt"),
        ("ne", "ne"),
        ("id", "id"),
        ("my", "my"),
        ("th", "th"),
        ("es", "es"),
        ("de", "de"),
    ] {
        let out = provider
            .translate_batch(&texts, Lang::Ja, lang(tag))
            .await
            .unwrap();
        assert_eq!(out, [format!("[{code}] {}", texts[0])], "{tag}");
        let request = received(&server).await.pop().unwrap();
        assert_eq!(body_json(&request)["target"], code, "{tag}");
        assert_eq!(body_json(&request)["source"], "ja", "{tag}");
    }
    let before = received(&server).await.len();
    assert!(!provider.supports(Lang::JaEasy));
    assert!(matches!(
        provider
            .translate_batch(&texts, Lang::Ja, Lang::JaEasy)
            .await,
        Err(ProviderError::Unsupported { .. })
    ));
    assert_eq!(received(&server).await.len(), before);
}
