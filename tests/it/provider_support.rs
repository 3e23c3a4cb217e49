//! Shared pieces for the provider adapter tests: a wiremock server standing
//! in for the service, clients with short timeouts, sample units and checks
//! that an error is the class the caller acts on and carries no key.

#![allow(dead_code)]

use std::time::Duration;

use honyaku::translate::provider::{ProviderError, RetryPolicy};
use wiremock::{MockServer, Request};

/// The four target languages, as the adapters see them.
pub const TARGETS: [honyaku::i18n::Lang; 4] = [
    honyaku::i18n::Lang::En,
    honyaku::i18n::Lang::ZhHans,
    honyaku::i18n::Lang::ZhHant,
    honyaku::i18n::Lang::Ko,
];

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

/// Units in placeholder form, as the segmenter produces them.
pub fn units(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("労働者協同組合<b1>セミナー</b1>第{i}回<x2/>"))
        .collect()
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

pub async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

pub fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

pub fn body_json(request: &Request) -> serde_json::Value {
    serde_json::from_slice(&request.body).unwrap()
}

/// The class of an outcome, for compact assertions.
pub fn kind(result: &Result<Vec<String>, ProviderError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.kind(),
    }
}

/// The key must not be in the error however it is printed.
pub fn assert_key_hidden(error: &ProviderError, key: &str) {
    let display = error.to_string();
    let debug = format!("{error:?}");
    assert!(!display.contains(key), "key in Display: {display}");
    assert!(!debug.contains(key), "key in Debug: {debug}");
}

/// Whether `needle` occurs anywhere in a request other than where it is
/// named to go: used to show a key travels only in its own header or
/// parameter.
pub fn occurs_in_body(request: &Request, needle: &str) -> bool {
    String::from_utf8_lossy(&request.body).contains(needle)
}
