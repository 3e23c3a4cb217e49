//! The OpenAI-compatible adapter: its wire format for the provider
//! contract, and the exact `POST {base_url}/chat/completions` request
//! (model, strict JSON schema, prompt, units, bearer key), its token budget,
//! the content forms it accepts and its rate-limit headers against a local
//! stand-in.

use std::time::Duration;

use honyaku::config::{OpenAiConfig, Secret};
use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, TranslationProvider, split_batches};
use honyaku::translate::providers::openai::OpenAiCompatible;
use serde_json::{Value, json};
use wiremock::matchers::{header as header_is, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::contract::{Answer, Wire};
use super::support::*;

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
    OpenAiCompatible::new(&config(server, key, 4096), all_targets().openai, client())
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

fn answer(
    label: &'static str,
    status: u16,
    message: &'static str,
    kind: &str,
    code: Option<&str>,
) -> Answer {
    Answer::new(label, status, api_error(status, message, kind, code)).quoting(message)
}

pub struct OpenAiWire;

impl Wire for OpenAiWire {
    const NAME: &'static str = "openai";
    const MODEL: &'static str = "openai:gpt-4o-mini";
    const KEY: &'static str = SECRET_KEY;
    const PATH: &'static str = COMPLETION;
    const MAX_ITEMS: usize = 40;
    const SPLITS_ITSELF: bool = false;
    type Provider = OpenAiCompatible;

    fn provider(server: &MockServer, client: reqwest::Client) -> OpenAiCompatible {
        OpenAiCompatible::new(
            &config(server, SECRET_KEY, 4096),
            all_targets().openai,
            client,
        )
    }

    /// The units are a JSON array in the user message.
    fn sent(request: &Request) -> Vec<String> {
        let body = body_json(request);
        serde_json::from_str(body["messages"][1]["content"].as_str().unwrap()).unwrap()
    }

    fn translated(_: &Request, translations: &[String]) -> ResponseTemplate {
        completion(&json!({ "translations": translations }).to_string(), "stop")
    }

    fn rate_limited(retry_after: &str) -> ResponseTemplate {
        api_error(
            429,
            "Rate limit reached for requests",
            "requests",
            Some("rate_limit_exceeded"),
        )
        .insert_header("retry-after", retry_after)
    }

    fn retryable() -> Vec<Answer> {
        let mut answers = vec![answer(
            "rate limit",
            429,
            "Rate limit reached for requests",
            "requests",
            Some("rate_limit_exceeded"),
        )];
        for status in [500, 502, 503] {
            answers.push(answer(
                "overloaded",
                status,
                "The server is overloaded",
                "server_error",
                None,
            ));
        }
        answers
    }

    /// A 429 like the rate limit, told apart only by `insufficient_quota`.
    fn quota() -> Vec<Answer> {
        let message =
            "You exceeded your current quota, please check your plan and billing details.";
        vec![
            answer(
                "insufficient_quota code",
                429,
                message,
                "insufficient_quota",
                Some("insufficient_quota"),
            ),
            answer(
                "insufficient_quota type",
                429,
                message,
                "insufficient_quota",
                None,
            ),
        ]
    }

    fn rejected() -> Vec<Answer> {
        vec![
            answer(
                "bad schema",
                400,
                "Invalid schema for response_format 'translations'",
                "invalid_request_error",
                None,
            ),
            Answer::new(
                "bad key, quoted",
                401,
                api_error(
                    401,
                    &format!("Incorrect API key provided: {SECRET_KEY}."),
                    "invalid_request_error",
                    Some("invalid_api_key"),
                ),
            )
            .quoting("invalid_api_key"),
            // OpenAI's own wording quotes the key masked in the middle.
            Answer::new(
                "bad key, masked",
                401,
                api_error(
                    401,
                    "Incorrect API key provided: sk-test-5f0c************rint.",
                    "invalid_request_error",
                    Some("invalid_api_key"),
                ),
            )
            .quoting("message withheld"),
            answer(
                "unsupported country",
                403,
                "Country, region, or territory not supported",
                "request_forbidden",
                Some("unsupported_country_region_territory"),
            ),
            Answer::new(
                "no such model, key quoted",
                404,
                api_error(
                    404,
                    &format!("The model `{MODEL}` does not exist (key {SECRET_KEY})"),
                    "invalid_request_error",
                    Some("model_not_found"),
                ),
            )
            .quoting("does not exist (key [redacted])"),
        ]
    }

    fn malformed() -> Vec<Answer> {
        let three = json!({ "translations": ["a", "b", "c"] }).to_string();
        let ok = |label, reply| Answer::new(label, 200, reply);
        vec![
            ok(
                "not JSON at all",
                ResponseTemplate::new(200).set_body_string("upstream error"),
            ),
            ok(
                "no choices",
                ResponseTemplate::new(200).set_body_json(json!({ "choices": [] })),
            ),
            ok(
                "content is prose",
                completion("Sure! Here are the translations: a, b, c", "stop"),
            ),
            ok(
                "non-string item",
                completion(r#"{"translations":["a",2,"c"]}"#, "stop"),
            ),
            ok("truncated", completion(r#"{"translations":["a","b"#, "length")),
            ok("length even when whole", completion(&three, "length")),
            ok("content filter", completion(&three, "content_filter")),
            ok(
                "refusal",
                ResponseTemplate::new(200).set_body_json(json!({
                    "choices": [{
                        "index": 0,
                        "message": { "role": "assistant", "content": null, "refusal": "I can't help with that." },
                        "finish_reason": "stop"
                    }]
                })),
            ),
            ok(
                "null content",
                ResponseTemplate::new(200).set_body_json(json!({
                    "choices": [{ "index": 0, "message": { "role": "assistant", "content": null }, "finish_reason": "stop" }]
                })),
            ),
        ]
    }

    fn markup() -> Vec<(&'static str, &'static str)> {
        // A model writes whatever HTML it likes; only our tags stay tags.
        vec![
            (
                "<b1>Cooperatives</b1><script>alert(1)</script>",
                "<b1>Cooperatives</b1>&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "Tom &amp; Jerry <x2 /> <img src=x onerror=alert(1)>",
                "Tom &amp; Jerry <x2/> &lt;img src=x onerror=alert(1)&gt;",
            ),
        ]
    }

    /// Quotes the bearer token back in the error message.
    fn quoting_the_key(status: u16, request: &Request) -> ResponseTemplate {
        let auth = header(request, "authorization").unwrap();
        api_error(
            status,
            &format!("Incorrect API key provided: {auth}"),
            "invalid_request_error",
            None,
        )
    }

    /// OpenAI's 401 message quotes part of the key, so none of it is kept.
    fn withholds_message(status: u16) -> bool {
        status == 401
    }
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
            .and(header_is(
                "authorization",
                format!("Bearer {SECRET_KEY}").as_str(),
            ))
            .and(header_is("content-type", "application/json"))
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

        let body = body_json(&only_request(&server).await);
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
async fn each_batch_asks_for_its_size_and_a_small_budget_makes_small_batches() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(echo)
        .mount(&server)
        .await;

    let ai = provider(&server, "");
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
    let small = OpenAiCompatible::new(&config(&server, "", 100), all_targets().openai, client());
    assert_eq!(small.limits().max_chars, 50);
    let long: Vec<String> = (0..3).map(|_| "あ".repeat(20)).collect();
    for range in split_batches(&long, small.limits()) {
        small
            .translate_batch(&long[range], Lang::Ja, Lang::En)
            .await
            .unwrap();
    }

    let sizes: Vec<(usize, Value)> = received(&server)
        .await
        .iter()
        .map(|r| {
            let body = body_json(r);
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
async fn retry_after_ms_wins_and_the_detail_names_the_error_code() {
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
        .mount(&server)
        .await;
    let err = provider(&server, SECRET_KEY)
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    match &err {
        ProviderError::Retryable {
            retry_after,
            detail,
            ..
        } => {
            assert_eq!(*retry_after, Some(Duration::from_millis(1500)));
            assert!(detail.contains("requests/rate_limit_exceeded"), "{detail}");
        }
        other => panic!("expected Retryable, got {other:?}"),
    }
}

/// OpenAI's 401 wording quotes the key masked in the middle
/// (`sk-test-5f0c****…rint`): not even its start is kept.
#[tokio::test]
async fn a_401_keeps_nothing_of_the_message_which_may_quote_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(api_error(
            401,
            "Incorrect API key provided: sk-test-5f0c************rint.",
            "invalid_request_error",
            Some("invalid_api_key"),
        ))
        .mount(&server)
        .await;
    let err = provider(&server, SECRET_KEY)
        .translate_batch(&sample_units(), Lang::Ja, Lang::En)
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Rejected { .. }), "{err:?}");
    let printed = format!("{err} {err:?}");
    assert!(!printed.contains("sk-test-5f0c"), "{printed}");
    assert!(!printed.contains("rint"), "{printed}");
    assert!(printed.contains("invalid_api_key"), "{printed}");
}

/// The prompt of every shipped language names it in English, by its tag,
/// and where it helps by its endonym and script (Unicode Burmese, never
/// Zawgyi); a language only configuration defines is named by its `name`.
#[tokio::test]
async fn each_shipped_language_is_named_in_the_prompt() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(echo)
        .mount(&server)
        .await;
    let provider = provider(&server, SECRET_KEY);
    let texts = vec!["参加費は無料です".to_owned()];
    for (tag, name) in [
        ("vi", "Vietnamese (vi, Tiếng Việt)"),
        (
            "fil",
            "Filipino (fil, the Tagalog-based national language of the Philippines)",
        ),
        ("pt-BR", "Brazilian Portuguese (pt-BR, português do Brasil)"),
        ("ne", "Nepali (ne, नेपाली, in Devanagari script)"),
        ("id", "Indonesian (id, Bahasa Indonesia)"),
        (
            "my",
            "Burmese (my, မြန်မာ, in Unicode Myanmar script, not Zawgyi)",
        ),
        ("th", "Thai (th, ภาษาไทย)"),
        ("es", "Spanish (es)"),
        ("de", "German (de)"),
    ] {
        provider
            .translate_batch(&texts, Lang::Ja, lang(tag))
            .await
            .unwrap();
        let request = received(&server).await.pop().unwrap();
        let prompt = body_json(&request)["messages"][0]["content"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            prompt.contains(&format!("from Japanese (ja) into {name}.")),
            "{tag}: {prompt}"
        );
    }
    // A language the server was not configured with (French here) has no
    // name for the prompt: the adapter serves it not, and sends nothing.
    let before = received(&server).await.len();
    let fr = lang("fr");
    assert!(!provider.supports(fr));
    assert!(matches!(
        provider.translate_batch(&texts, Lang::Ja, fr).await,
        Err(ProviderError::Unsupported { .. })
    ));
    assert_eq!(received(&server).await.len(), before);
}

/// やさしい日本語 gets its own prompt: a rewrite after the national
/// guidelines, not a translation, with the same rules for the strings.
#[tokio::test]
async fn easy_japanese_is_asked_for_with_the_guidelines() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(COMPLETION))
        .respond_with(echo)
        .mount(&server)
        .await;
    let provider = provider(&server, SECRET_KEY);
    assert!(provider.supports(Lang::JaEasy));
    let texts = sample_units();
    provider
        .translate_batch(&texts, Lang::Ja, Lang::JaEasy)
        .await
        .unwrap();
    let body = body_json(&only_request(&server).await);
    let prompt = body["messages"][0]["content"].as_str().unwrap();
    for rule in [
        "やさしい日本語",
        "在留支援のためのやさしい日本語ガイドライン",
        "one piece of information",
        "です or ます",
        "No honorifics",
        "2025年（令和7年）",
        "から and まで",
        "参加費（さんかひ）",
        "<p3/>",
        "exactly 3",
    ] {
        assert!(prompt.contains(rule), "prompt lacks {rule}: {prompt}");
    }
    assert!(!prompt.contains("Translate each string"), "{prompt}");
    assert_eq!(body["response_format"], expected_schema(3));
}
