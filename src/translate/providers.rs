//! The adapters behind [`TranslationProvider`](super::provider::TranslationProvider),
//! one per service, and the few things they share.
//!
//! Each adapter is written from the service's own spec (`../shared/specs/`)
//! and makes one attempt per call: retries, the circuit and fallback to the
//! next provider belong to the caller, which can see every provider at once.

pub mod azure;
pub mod deepl;
pub mod google;
pub mod libretranslate;
pub mod openai;

use std::future::Future;
use std::sync::Arc;

use crate::config::{ProvidersConfig, Secret};
use crate::i18n::Lang;
use crate::translate::provider::{Limits, ProviderError, TranslationProvider, split_batches};

/// The enabled providers (the chain orders them). A provider is enabled by
/// its key or, for self-hosted ones, its base URL.
pub fn build(
    config: &ProvidersConfig,
    client: &reqwest::Client,
) -> Vec<Arc<dyn TranslationProvider>> {
    let mut providers: Vec<Arc<dyn TranslationProvider>> = Vec::new();
    if config.is_enabled("deepl") {
        providers.push(Arc::new(deepl::Deepl::new(&config.deepl, client.clone())));
    }
    if config.is_enabled("google") {
        providers.push(Arc::new(google::Google::new(
            &config.google,
            client.clone(),
        )));
    }
    if config.is_enabled("azure") {
        providers.push(Arc::new(azure::Azure::new(&config.azure, client.clone())));
    }
    if config.is_enabled("libretranslate") {
        providers.push(Arc::new(libretranslate::LibreTranslate::new(
            &config.libretranslate,
            client.clone(),
        )));
    }
    if config.is_enabled("openai") {
        providers.push(Arc::new(openai::OpenAiCompatible::new(
            &config.openai,
            client.clone(),
        )));
    }
    providers
}

/// Sent with every provider request: DeepL's own test server refuses requests
/// without one, and it lets a provider's support tell our traffic apart.
pub(crate) const USER_AGENT: &str = concat!("honyaku/", env!("CARGO_PKG_VERSION"));

/// Refuses, before any request, a pair the adapter does not translate: a
/// target it does not support, or none at all (`from == to`).
pub(crate) fn check_pair(
    provider: &'static str,
    supported: bool,
    from: Lang,
    to: Lang,
) -> Result<(), ProviderError> {
    if supported && from != to {
        Ok(())
    } else {
        Err(ProviderError::Unsupported { provider, lang: to })
    }
}

/// Runs `one_request` over consecutive slices of `texts` that fit `limits`
/// and joins the results. Callers are expected to batch by `limits()`
/// already, so this normally sends one request; it exists so that a caller
/// that did not can never make an adapter send a request the service would
/// refuse. Any failure fails the whole call, never a partial result, with
/// `key` redacted from its detail. No texts, no request.
pub(crate) async fn in_batches<'a, F, Fut>(
    texts: &'a [String],
    limits: Limits,
    key: &Secret,
    mut one_request: F,
) -> Result<Vec<String>, ProviderError>
where
    F: FnMut(&'a [String]) -> Fut,
    Fut: Future<Output = Result<Vec<String>, ProviderError>>,
{
    let mut out = Vec::with_capacity(texts.len());
    for range in split_batches(texts, limits) {
        let chunk = texts.get(range).unwrap_or_default();
        out.extend(one_request(chunk).await.map_err(|e| redact(e, key))?);
    }
    Ok(out)
}

/// Removes `secret` from text that came from the network.
pub(crate) fn scrub(text: &str, secret: &Secret) -> String {
    let key = secret.expose();
    if key.is_empty() || !text.contains(key) {
        text.to_owned()
    } else {
        text.replace(key, "[redacted]")
    }
}

/// Removes `secret` from an error's detail. Error bodies are quoted in
/// details for the operator, and a service (or a proxy in front of it) that
/// echoes the request URL or headers would otherwise put the key in a log.
pub(crate) fn redact(error: ProviderError, secret: &Secret) -> ProviderError {
    let scrub = |detail: String| scrub(&detail, secret);
    match error {
        ProviderError::Retryable {
            provider,
            retry_after,
            detail,
        } => ProviderError::Retryable {
            provider,
            retry_after,
            detail: scrub(detail),
        },
        ProviderError::QuotaExhausted { provider, detail } => ProviderError::QuotaExhausted {
            provider,
            detail: scrub(detail),
        },
        ProviderError::Rejected { provider, detail } => ProviderError::Rejected {
            provider,
            detail: scrub(detail),
        },
        ProviderError::Malformed { provider, detail } => ProviderError::Malformed {
            provider,
            detail: scrub(detail),
        },
        other @ (ProviderError::CircuitOpen { .. } | ProviderError::Unsupported { .. }) => other,
    }
}

/// Parses a 2xx body, calling anything that does not fit `T` malformed. The
/// serde message names a position, never the body's content.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    provider: &'static str,
    body: &[u8],
) -> Result<T, ProviderError> {
    serde_json::from_slice(body).map_err(|e| ProviderError::Malformed {
        provider,
        detail: format!("response is not the expected JSON ({e})"),
    })
}

/// The endpoint URL from a configured base and a path, tolerating a trailing
/// slash on the base. A base that does not parse is a configuration mistake
/// that no retry can fix.
pub(crate) fn endpoint(
    provider: &'static str,
    base: &str,
    path: &str,
) -> Result<reqwest::Url, ProviderError> {
    let joined = format!("{}{path}", base.trim_end_matches('/'));
    reqwest::Url::parse(&joined).map_err(|e| ProviderError::Rejected {
        provider,
        detail: format!("base_url is not a valid URL ({e})"),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn redact_removes_the_key_everywhere_in_the_detail() {
        let secret = Secret::new("k-123");
        let error = redact(
            ProviderError::Rejected {
                provider: "t",
                detail: "bad key k-123 (k-123)".into(),
            },
            &secret,
        );
        assert_eq!(
            error.to_string(),
            "t: request rejected (bad key [redacted] ([redacted]))"
        );
    }

    #[test]
    fn check_pair_refuses_an_unsupported_target_and_no_translation() {
        assert_eq!(check_pair("t", true, Lang::Ja, Lang::En), Ok(()));
        for (supported, from, to) in [(false, Lang::Ja, Lang::En), (true, Lang::En, Lang::En)] {
            assert_eq!(
                check_pair("t", supported, from, to),
                Err(ProviderError::Unsupported {
                    provider: "t",
                    lang: to
                })
            );
        }
    }

    #[test]
    fn scrub_leaves_text_alone_without_a_key() {
        assert_eq!(scrub("no k-123 here", &Secret::new("")), "no k-123 here");
        assert_eq!(scrub("k-123!", &Secret::new("k-123")), "[redacted]!");
    }

    #[test]
    fn endpoint_tolerates_a_trailing_slash() {
        let url = endpoint("t", "http://127.0.0.1:9/", "/v2/translate").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:9/v2/translate");
        assert!(matches!(
            endpoint("t", "not a url", "/x"),
            Err(ProviderError::Rejected { .. })
        ));
    }
}
