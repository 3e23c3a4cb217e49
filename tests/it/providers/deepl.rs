//! The DeepL adapter: its wire format for the provider contract, and the
//! exact `POST /v2/translate` request (headers, body, codes, model type,
//! the 128 KiB body limit) against a local stand-in.

use honyaku::config::{DeeplConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, TranslationProvider};
use honyaku::translate::providers::deepl::Deepl;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::contract::{Answer, Wire};
use super::support::*;

const KEY: &str = "0f3c-test-deepl-key:fx";

fn deepl(server: &MockServer, model_type: &str, client: reqwest::Client) -> Deepl {
    Deepl::new(
        &DeeplConfig {
            auth_key: Secret::new(KEY),
            base_url: server.uri(),
            model_type: model_type.into(),
        },
        all_targets().deepl,
        client,
    )
}

fn message(status: u16, text: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({ "message": text }))
}

/// Answers like DeepL, each text tagged with the target code it was sent
/// for, so the code can be checked end to end.
fn echo(request: &Request) -> ResponseTemplate {
    let target = body_json(request)["target_lang"]
        .as_str()
        .unwrap()
        .to_owned();
    let tagged: Vec<String> = DeeplWire::sent(request)
        .iter()
        .map(|t| format!("[{target}] {t}"))
        .collect();
    DeeplWire::translated(request, &tagged)
}

async fn mount_echo(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(echo)
        .mount(server)
        .await;
}

pub struct DeeplWire;

impl Wire for DeeplWire {
    const NAME: &'static str = "deepl";
    const MODEL: &'static str = "deepl";
    const KEY: &'static str = KEY;
    const PATH: &'static str = "/v2/translate";
    const MAX_ITEMS: usize = 50;
    const SPLITS_ITSELF: bool = true;
    type Provider = Deepl;

    fn provider(server: &MockServer, client: reqwest::Client) -> Deepl {
        deepl(server, "", client)
    }

    fn sent(request: &Request) -> Vec<String> {
        serde_json::from_value(body_json(request)["text"].take()).unwrap()
    }

    fn translated(_: &Request, translations: &[String]) -> ResponseTemplate {
        let items: Vec<_> = translations
            .iter()
            .map(|t| json!({"detected_source_language": "JA", "text": t, "billed_characters": 3}))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "translations": items }))
    }

    fn rate_limited(retry_after: &str) -> ResponseTemplate {
        message(429, "Too many requests").insert_header("retry-after", retry_after)
    }

    fn retryable() -> Vec<Answer> {
        let mut answers: Vec<Answer> = [500, 503, 504]
            .into_iter()
            .map(|status| Answer::new("server error", status, ResponseTemplate::new(status)))
            .collect();
        answers.push(
            Answer::new("too many requests", 529, message(529, "Too many requests"))
                .quoting("Too many requests"),
        );
        answers
    }

    fn quota() -> Vec<Answer> {
        let text = "Quota for this billing period has been exceeded.";
        vec![Answer::new("quota exceeded", 456, message(456, text)).quoting(text)]
    }

    fn rejected() -> Vec<Answer> {
        [
            (400, "Value for 'target_lang' not supported."),
            (403, "Wrong endpoint. Use https://api-free.deepl.com"),
            (404, "Not found"),
            (413, "Request Entity Too Large"),
            (414, "URI Too Long"),
        ]
        .into_iter()
        .map(|(status, text)| {
            Answer::new("client error", status, message(status, text)).quoting(text)
        })
        .collect()
    }

    fn malformed() -> Vec<Answer> {
        [
            ("an HTML page", "<html>gateway</html>"),
            ("translations not a list", r#"{"translations": "x"}"#),
            ("no translations", r#"{"message": "ok"}"#),
            ("an empty body", ""),
        ]
        .into_iter()
        .map(|(label, body)| Answer::ok_with_body(label, body))
        .collect()
    }

    fn markup() -> Vec<(&'static str, &'static str)> {
        // XML mode: entities stay entities, and a stray element is text.
        vec![(
            "Worker <b1>co-ops</b1> &amp; you<x2 /><script>alert(1)</script>",
            "Worker <b1>co-ops</b1> &amp; you<x2/>&lt;script&gt;alert(1)&lt;/script&gt;",
        )]
    }

    /// Echoes the Authorization header back.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate {
        let auth = header(request, "authorization").unwrap();
        ResponseTemplate::new(status).set_body_string(format!("{{\"message\":\"bad {auth}\"}}"))
    }
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

/// The shipped languages on the wire: DeepL's own codes (Filipino is its
/// Tagalog, `TL`), with tag handling where DeepL documents it, and as plain
/// text, entities decoded and escaped again, where it does not.
#[tokio::test]
async fn deepl_sends_each_shipped_language_by_its_code_and_text_only_ones_as_plain_text() {
    let server = mock_service().await;
    mount_echo(&server).await;
    let provider = deepl(&server, "", client());
    let markup = units(1);
    let plain = vec!["労働者協同組合 &amp; 地域づくり".to_owned()];
    for (tag, code, tags) in [
        ("pt-BR", "PT-BR", true),
        ("id", "ID", true),
        ("es", "ES", true),
        ("de", "DE", true),
        ("vi", "VI", false),
        ("fil", "TL", false),
        ("ne", "NE", false),
        ("my", "MY", false),
        ("th", "TH", false),
    ] {
        let target = lang(tag);
        assert!(provider.supports(target), "{tag}");
        assert_eq!(provider.accepts_markup(target), tags, "{tag}");
        let texts = if tags { &markup } else { &plain };
        let out = provider
            .translate_batch(texts, Lang::Ja, target)
            .await
            .unwrap();
        assert_eq!(out, [format!("[{code}] {}", texts[0])], "{tag}");
        let request = received(&server).await.pop().unwrap();
        let body = body_json(&request);
        assert_eq!(body["target_lang"], code, "{tag}");
        if tags {
            assert_eq!(body["tag_handling"], "xml", "{tag}");
            assert_eq!(body["text"][0], markup[0]);
        } else {
            assert_eq!(body.get("tag_handling"), None, "{tag}: no tag handling");
            assert_eq!(body["text"][0], "労働者協同組合 & 地域づくり", "{tag}");
        }
    }
    // Units with markup are never sent for a text-only target, and Easy
    // Japanese is no language DeepL translates into.
    let before = received(&server).await.len();
    for target in [lang("th"), Lang::JaEasy] {
        assert!(matches!(
            provider.translate_batch(&markup, Lang::Ja, target).await,
            Err(ProviderError::Unsupported { .. })
        ));
    }
    assert!(!provider.supports(Lang::JaEasy));
    assert_eq!(received(&server).await.len(), before);
}
