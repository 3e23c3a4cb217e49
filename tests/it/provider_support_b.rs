//! Helpers for the LibreTranslate and OpenAI adapter tests: clients, sample
//! units, and checks that a key never shows in an error.

#![allow(dead_code)]

use std::time::Duration;

use honyaku::i18n::Lang;
use honyaku::translate::provider::{ProviderError, RetryPolicy};
use wiremock::{MockServer, Request};

/// The four targets with the code LibreTranslate (and Azure) use for each.
pub const TARGETS: [(Lang, &str); 4] = [
    (Lang::En, "en"),
    (Lang::ZhHans, "zh-Hans"),
    (Lang::ZhHant, "zh-Hant"),
    (Lang::Ko, "ko"),
];

/// A key that must never appear in an error; long and distinctive so a
/// partial leak would still be found by the first half.
pub const SECRET_KEY: &str = "sk-test-5f0c2b9e7a41d3c8-do-not-print";

pub use crate::provider_support::{body_json as json_body, client, client_with_timeout};

/// Retries without real waiting: Retry-After is capped at `max_delay`.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    }
}

/// Units in placeholder form, as the segmenter produces them.
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

pub use crate::provider_support::received as requests;

pub async fn only_request(server: &MockServer) -> Request {
    let mut all = requests(server).await;
    assert_eq!(all.len(), 1, "expected exactly one request");
    all.remove(0)
}

/// Neither the error's message nor its debug form carries the key.
pub fn assert_no_secret(error: &ProviderError) {
    let half = SECRET_KEY.get(..SECRET_KEY.len() / 2).unwrap();
    for printed in [error.to_string(), format!("{error:?}")] {
        assert!(!printed.contains(half), "key leaked: {printed}");
    }
}
