//! The Azure AI Translator v3 adapter: its wire format for the provider
//! contract, and the exact `POST /translate?api-version=3.0` request
//! (query, key and region headers, body, codes, the 50,000-character
//! limit) against a local stand-in.

use honyaku::config::{AzureConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, TranslationProvider};
use honyaku::translate::providers::azure::Azure;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::contract::{Answer, Wire};
use super::support::*;

const KEY: &str = "5e1d7c0ffee-test-azure-key";

fn azure(server: &MockServer, region: &str, client: reqwest::Client) -> Azure {
    Azure::new(
        &AzureConfig {
            key: Secret::new(KEY),
            region: region.into(),
            base_url: server.uri(),
        },
        all_targets().azure,
        client,
    )
}

/// The `to` target of a request.
fn to(request: &Request) -> String {
    request
        .url
        .query_pairs()
        .find(|(k, _)| k == "to")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Answers like Azure, each text tagged with the target code it was sent
/// for, so the code can be checked end to end.
fn echo(request: &Request) -> ResponseTemplate {
    let to = to(request);
    let tagged: Vec<String> = AzureWire::sent(request)
        .iter()
        .map(|t| format!("[{to}] {t}"))
        .collect();
    AzureWire::translated(request, &tagged)
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(echo)
        .mount(server)
        .await;
}

fn azure_error(status: u16, code: u32, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"error": {"code": code, "message": message}}))
}

fn answer(label: &'static str, status: u16, code: u32, message: &'static str) -> Answer {
    Answer::new(label, status, azure_error(status, code, message)).quoting(message)
}

pub struct AzureWire;

impl Wire for AzureWire {
    const NAME: &'static str = "azure";
    const MODEL: &'static str = "azure";
    const KEY: &'static str = KEY;
    const PATH: &'static str = "/translate";
    const MAX_ITEMS: usize = 1000;
    const SPLITS_ITSELF: bool = true;
    type Provider = Azure;

    fn provider(server: &MockServer, client: reqwest::Client) -> Azure {
        azure(server, "japaneast", client)
    }

    fn sent(request: &Request) -> Vec<String> {
        body_json(request)
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["Text"].as_str().unwrap().to_owned())
            .collect()
    }

    /// One element per translation, each with its one `to` target.
    fn translated(request: &Request, translations: &[String]) -> ResponseTemplate {
        let to = to(request);
        let items: Vec<_> = translations
            .iter()
            .map(|t| json!({"translations": [{"text": t, "to": to}]}))
            .collect();
        ResponseTemplate::new(200).set_body_json(items)
    }

    fn rate_limited(retry_after: &str) -> ResponseTemplate {
        azure_error(
            429,
            429_001,
            "The server rejected the request because the client has exceeded request limits.",
        )
        .insert_header("retry-after", retry_after)
    }

    fn retryable() -> Vec<Answer> {
        vec![
            answer("rate limit", 429, 429_000, "rate"),
            answer("rate limit", 429, 429_002, "rate"),
            answer("internal", 500, 500_000, "internal"),
            answer("unavailable", 503, 503_000, "unavailable"),
            answer(
                "custom system not ready",
                408,
                408_001,
                "custom system is being prepared",
            ),
            Answer::new("bare 502", 502, ResponseTemplate::new(502)),
        ]
    }

    fn quota() -> Vec<Answer> {
        vec![
            answer(
                "free quota spent",
                403,
                403_001,
                "The operation is not allowed because the subscription has exceeded its free quota.",
            ),
            Answer::new(
                "code quoted by a gateway",
                403,
                ResponseTemplate::new(403)
                    .set_body_json(json!({"error": {"code": "403001", "message": "quota"}})),
            )
            .quoting("quota"),
        ]
    }

    fn rejected() -> Vec<Answer> {
        vec![
            answer(
                "bad target",
                400,
                400_036,
                "The target language is not valid.",
            ),
            answer(
                "too large",
                400,
                400_077,
                "The maximum request size has been exceeded.",
            ),
            answer(
                "bad credentials",
                401,
                401_000,
                "The request is not authorized because credentials are missing or invalid.",
            ),
            answer("not allowed", 403, 403_000, "The operation is not allowed."),
            answer(
                "bad content type",
                415,
                415_000,
                "The Content-Type header is missing or invalid.",
            ),
            Answer::new("bare 403", 403, ResponseTemplate::new(403)),
        ]
    }

    fn malformed() -> Vec<Answer> {
        [
            ("an HTML page", "<html>login</html>".to_owned()),
            (
                "not an array",
                json!({"translations": [{"text": "not an array", "to": "en"}]}).to_string(),
            ),
            (
                "an element without translations",
                json!([{"translations": []}, {"translations": []}, {"translations": []}])
                    .to_string(),
            ),
            (
                "translations to another target",
                json!([
                    {"translations": [{"text": "wrong target", "to": "ko"}]},
                    {"translations": [{"text": "wrong target", "to": "ko"}]},
                    {"translations": [{"text": "wrong target", "to": "ko"}]},
                ])
                .to_string(),
            ),
        ]
        .into_iter()
        .map(|(label, body)| Answer::ok_with_body(label, body))
        .collect()
    }

    fn markup() -> Vec<(&'static str, &'static str)> {
        // HTML out: named and numeric entities decoded.
        vec![(
            "Seminar <b1>online</b1>&nbsp;&#x2014; <x2/><script>alert(1)</script>",
            "Seminar <b1>online</b1>\u{a0}\u{2014} <x2/>&lt;script&gt;alert(1)&lt;/script&gt;",
        )]
    }

    /// Quotes the key header back in the error message.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate {
        let key = header(request, "ocp-apim-subscription-key").unwrap();
        ResponseTemplate::new(status).set_body_json(json!({"error": {
            "code": u32::from(status) * 1000,
            "message": format!("key {key} refused"),
        }}))
    }
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

/// The shipped languages on the wire as Azure's table names them: `pt` is
/// Brazilian Portuguese, Filipino is `fil`; Easy Japanese is not Azure's.
#[tokio::test]
async fn azure_sends_each_shipped_language_by_its_code() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = azure(&server, "", client());
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
        assert_eq!(to(&request), code, "{tag}");
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
