//! The LibreTranslate adapter: its wire format for the provider contract,
//! and the exact `POST {base}/translate` request (the units as one HTML
//! batch, codes, the optional key, a base URL with a path), its character
//! limit and its single-string answer against a local stand-in.

use honyaku::config::{LibreTranslateConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, TranslationProvider, split_batches};
use honyaku::translate::providers::libretranslate::LibreTranslate;
use serde_json::json;
use wiremock::matchers::{body_json as body_is, header as header_is, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::contract::{Answer, Wire};
use super::support::*;

/// Our targets and LibreTranslate's code for each.
const CODES: [(Lang, &str); 4] = [
    (Lang::En, "en"),
    (Lang::ZhHans, "zh-Hans"),
    (Lang::ZhHant, "zh-Hant"),
    (Lang::Ko, "ko"),
];

fn provider(server: &MockServer, key: &str) -> LibreTranslate {
    let config = LibreTranslateConfig {
        base_url: server.uri(),
        api_key: Secret::new(key),
    };
    LibreTranslate::new(&config, all_targets().libretranslate, client())
}

fn translated(texts: &[&str]) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "translatedText": texts }))
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({ "error": message }))
}

fn answer(label: &'static str, status: u16, message: &'static str) -> Answer {
    Answer::new(label, status, error(status, message)).quoting(message)
}

/// Answers each text with `[target] text`, so the code can be checked end
/// to end.
fn echo(request: &Request) -> ResponseTemplate {
    let target = body_json(request)["target"].as_str().unwrap().to_owned();
    let tagged: Vec<String> = LibreTranslateWire::sent(request)
        .iter()
        .map(|q| format!("[{target}] {q}"))
        .collect();
    LibreTranslateWire::translated(request, &tagged)
}

pub struct LibreTranslateWire;

impl Wire for LibreTranslateWire {
    const NAME: &'static str = "libretranslate";
    const MODEL: &'static str = "libretranslate";
    const KEY: &'static str = SECRET_KEY;
    const PATH: &'static str = "/translate";
    const MAX_ITEMS: usize = 64;
    const SPLITS_ITSELF: bool = false;
    type Provider = LibreTranslate;

    fn provider(server: &MockServer, client: reqwest::Client) -> LibreTranslate {
        let config = LibreTranslateConfig {
            base_url: server.uri(),
            api_key: Secret::new(SECRET_KEY),
        };
        LibreTranslate::new(&config, all_targets().libretranslate, client)
    }

    fn sent(request: &Request) -> Vec<String> {
        serde_json::from_value(body_json(request)["q"].take()).unwrap()
    }

    fn translated(_: &Request, translations: &[String]) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_json(json!({ "translatedText": translations }))
    }

    fn rate_limited(retry_after: &str) -> ResponseTemplate {
        error(429, "Slowdown: 30 per 1 minute").insert_header("retry-after", retry_after)
    }

    fn retryable() -> Vec<Answer> {
        vec![
            answer("slow down", 429, "Slowdown: 30 per 1 minute"),
            answer("model crashed", 500, "Cannot translate text: model crashed"),
            answer("bad gateway", 502, "Cannot translate text: model crashed"),
            answer("unavailable", 503, "Cannot translate text: model crashed"),
        ]
    }

    /// LibreTranslate has no quota signal: a spent allowance is a 429 or a
    /// 403, which the other cases cover.
    fn quota() -> Vec<Answer> {
        Vec::new()
    }

    fn rejected() -> Vec<Answer> {
        vec![
            answer("unsupported language", 400, "ja is not supported"),
            answer(
                "over the server's limit",
                400,
                "Invalid request: request (30000) exceeds text limit (5000)",
            ),
            // A server (or proxy in front of it) that echoes what it was sent.
            Answer::new(
                "bad key, quoted",
                403,
                error(403, &format!("Invalid API key: {SECRET_KEY}")),
            )
            .quoting("Invalid API key: [redacted]"),
            answer("banned", 403, "Too many request limits violations"),
        ]
    }

    fn malformed() -> Vec<Answer> {
        vec![
            Answer::new(
                "an HTML page",
                200,
                ResponseTemplate::new(200).set_body_string("<html>502 Bad Gateway</html>"),
            ),
            Answer::new(
                "an error body",
                200,
                ResponseTemplate::new(200).set_body_json(json!({ "error": "oops" })),
            ),
            Answer::new(
                "numbers",
                200,
                ResponseTemplate::new(200).set_body_json(json!({ "translatedText": [1, 2, 3] })),
            ),
            Answer::new(
                "one string for three texts",
                200,
                ResponseTemplate::new(200).set_body_json(json!({ "translatedText": "a b c" })),
            ),
        ]
    }

    fn markup() -> Vec<(&'static str, &'static str)> {
        // The output is entity-decoded, and BeautifulSoup writes our empty
        // placeholders as `<x2></x2>`.
        vec![
            (
                "<b1>Bold</b1> and <b>not ours</b>",
                "<b1>Bold</b1> and &lt;b&gt;not ours&lt;/b&gt;",
            ),
            (
                "<script>alert(1)</script><x2></x2>",
                "&lt;script&gt;alert(1)&lt;/script&gt;<x2/>",
            ),
            (
                "Fish & chips <p3></p3> &amp; more",
                "Fish &amp; chips <p3/> &amp; more",
            ),
        ]
    }

    /// The key travels in the body; the error quotes it back.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate {
        let key = body_json(request)["api_key"].as_str().unwrap().to_owned();
        error(status, &format!("Invalid API key: {key}"))
    }
}

#[tokio::test]
async fn sends_the_units_as_one_html_batch_with_the_target_code_of_each_language() {
    for (lang, code) in CODES {
        let server = MockServer::start().await;
        let units = sample_units();
        Mock::given(method("POST"))
            .and(path("/translate"))
            .and(header_is("content-type", "application/json"))
            .and(body_is(json!({
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
        .and(body_is(json!({
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
    assert!(body_json(&request).get("api_key").is_none());
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
    let out = LibreTranslate::new(&config, all_targets().libretranslate, client())
        .translate_batch(&["はい".to_owned()], Lang::Ja, Lang::En)
        .await
        .unwrap();
    assert_eq!(out, ["[en] はい"]);
}

/// 20,000 characters a request (about ten pages of Japanese prose).
#[tokio::test]
async fn batches_split_at_20000_characters() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(echo)
        .mount(&server)
        .await;
    let lt = provider(&server, "");
    let limits = lt.limits();
    assert_eq!(limits.max_chars, 20_000);
    // Three units of 8,000 characters go as 2 + 1.
    let long: Vec<String> = (0..3).map(|_| "あ".repeat(8_000)).collect();
    for range in split_batches(&long, limits) {
        lt.translate_batch(&long[range], Lang::Ja, Lang::ZhHans)
            .await
            .unwrap();
    }
    let sizes: Vec<usize> = received(&server)
        .await
        .iter()
        .map(|r| LibreTranslateWire::sent(r).len())
        .collect();
    assert_eq!(sizes, [2, 1]);
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

/// A server's `/languages`, the way LibreTranslate answers it: Japanese
/// with the targets its Argos models (and pivots through English) reach.
fn languages(targets: &[&str]) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!([
        {"code": "en", "name": "English", "targets": ["en", "ja"]},
        {"code": "ja", "name": "Japanese", "targets": targets},
    ]))
}

/// What the server lists is what the adapter serves: LibreTranslate's own
/// codes go out (`tl` for Filipino, `pt-BR`), and a language without a
/// model (Vietnamese, Nepali, Burmese have none) is not asked for at all.
#[tokio::test]
async fn the_servers_languages_decide_and_each_goes_out_by_its_code() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/languages"))
        .respond_with(languages(&[
            "en", "es", "id", "ja", "ko", "pt-BR", "th", "tl", "zh-Hans", "zh-Hant",
        ]))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(echo)
        .mount(&server)
        .await;
    let provider = provider(&server, "");
    // Before the list is read, every configured language is tried.
    assert!(provider.supports(lang("vi")));
    provider.discover().await.unwrap();
    let texts = vec!["はい".to_owned()];
    for (tag, code) in [
        ("fil", "tl"),
        ("pt-BR", "pt-BR"),
        ("id", "id"),
        ("th", "th"),
        ("es", "es"),
        ("zh-Hant", "zh-Hant"),
    ] {
        assert!(provider.supports(lang(tag)), "{tag}");
        let out = provider
            .translate_batch(&texts, Lang::Ja, lang(tag))
            .await
            .unwrap();
        assert_eq!(out, [format!("[{code}] はい")], "{tag}");
    }
    let sent = received(&server).await.len();
    for tag in ["vi", "ne", "my", "de", "ja-x-easy"] {
        assert!(!provider.supports(lang(tag)), "{tag}");
        assert!(matches!(
            provider.translate_batch(&texts, Lang::Ja, lang(tag)).await,
            Err(ProviderError::Unsupported { .. })
        ));
    }
    assert_eq!(
        received(&server).await.len(),
        sent,
        "nothing sent for those"
    );
}

/// A server that cannot say what it serves is tried for every configured
/// language, as before the list existed; the error says why.
#[tokio::test]
async fn a_server_without_its_list_is_tried_for_every_configured_language() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/languages"))
        .respond_with(ResponseTemplate::new(500).set_body_string("boom"))
        .mount(&server)
        .await;
    let provider = provider(&server, "");
    assert!(matches!(
        provider.discover().await,
        Err(ProviderError::Retryable { .. })
    ));
    for tag in ["vi", "ne", "en", "de"] {
        assert!(provider.supports(lang(tag)), "{tag}");
    }
}
