//! Shared pieces for the provider adapter tests: a wiremock server standing
//! in for the service, clients with short timeouts, sample units, retry
//! policies, and checks that an error is the class the caller acts on and
//! carries no key.

use std::time::Duration;

use honyaku::config::{Config, Overrides};
use honyaku::i18n::{Lang, Languages};
use honyaku::translate::provider::{ProviderError, RetryPolicy};
use honyaku::translate::providers::ProviderTargets;
use wiremock::{MockServer, Request};

/// The four target languages, as the adapters see them.
pub const TARGETS: [Lang; 4] = [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko];

/// The tags of the eight languages shipped beside the first four, and the
/// tag of a language only configuration defines.
pub const SHIPPED: [&str; 8] = ["vi", "fil", "pt-BR", "ne", "id", "my", "th", "es"];

/// A server's languages with every shipped target, Easy Japanese and German
/// (defined here, as an operator would).
pub fn all_languages() -> Languages {
    let mut targets = vec!["en", "zh-Hans", "zh-Hant", "ko"];
    targets.extend(SHIPPED);
    targets.extend(["ja-x-easy", "de"]);
    let list = targets
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(",");
    let env = vec![
        (
            "HONYAKU__LANGUAGES__TARGETS".to_owned(),
            format!("[{list}]"),
        ),
        (
            "HONYAKU__LANGUAGES__KNOWN__DE__ENDONYM".to_owned(),
            "Deutsch".to_owned(),
        ),
        (
            "HONYAKU__LANGUAGES__KNOWN__DE__NAME".to_owned(),
            "German".to_owned(),
        ),
    ];
    let config = Config::load_with_env(None, env, &Overrides::default()).unwrap();
    Languages::from_config(&config).unwrap()
}

/// Every adapter's codes for [`all_languages`].
pub fn all_targets() -> ProviderTargets {
    ProviderTargets::resolve(&all_languages()).unwrap()
}

/// The language of a tag.
pub fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap()
}

/// A key for the adapters whose key is optional; long and distinctive, so a
/// partial leak is still found by its first half.
pub const SECRET_KEY: &str = "sk-test-5f0c2b9e7a41d3c8-do-not-print";

pub async fn mock_service() -> MockServer {
    MockServer::start().await
}

/// A client like the one the app builds, with a timeout short enough for a
/// test to see it fire.
pub fn client_with_timeout(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder().timeout(timeout).build().unwrap()
}

pub fn client() -> reqwest::Client {
    client_with_timeout(Duration::from_secs(10))
}

/// `n` units in placeholder form, as the segmenter produces them.
pub fn units(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("労働者協同組合<b1>セミナー</b1>第{i}回<x2/>"))
        .collect()
}

/// Three units with each kind of placeholder.
pub fn sample_units() -> Vec<String> {
    vec![
        "<b1>労働者協同組合</b1>に係るオンラインセミナーを開催します。".to_owned(),
        "参加費は無料です<x2/>（事前申込制）".to_owned(),
        "お問い合わせ: <p3/>".to_owned(),
    ]
}

/// `n` short numbered units.
pub fn numbered_units(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("第{i}回セミナー")).collect()
}

/// A retry policy whose own backoff is far longer than any test waits, so a
/// quick success proves the provider's Retry-After was used instead.
pub fn slow_backoff_policy() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_secs(30),
        max_delay: Duration::from_secs(30),
    }
}

/// Retries without real waiting: Retry-After is capped at `max_delay`.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    }
}

pub async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

pub async fn only_request(server: &MockServer) -> Request {
    let mut all = received(server).await;
    assert_eq!(all.len(), 1, "expected exactly one request");
    all.remove(0)
}

pub fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

pub fn body_json(request: &Request) -> serde_json::Value {
    serde_json::from_slice(&request.body).unwrap()
}

/// Whether `needle` occurs in a request's body: used to show a key travels
/// only in its own header or parameter.
pub fn occurs_in_body(request: &Request, needle: &str) -> bool {
    String::from_utf8_lossy(&request.body).contains(needle)
}

/// Neither the error's message nor its debug form carries the key, whole
/// or its first half.
pub fn assert_key_hidden(error: &ProviderError, key: &str) {
    let half = key.get(..key.len() / 2).unwrap();
    for printed in [error.to_string(), format!("{error:?}")] {
        assert!(!printed.contains(half), "key leaked: {printed}");
    }
}
