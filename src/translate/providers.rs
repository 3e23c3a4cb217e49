//! The adapters behind [`TranslationProvider`](super::provider::TranslationProvider),
//! one per service, and the few things they share.
//!
//! Each adapter is written from the service's own spec (`../shared/specs/`)
//! and makes one attempt per call: retries, the circuit and fallback to the
//! next provider belong to the caller, which can see every provider at once.
//!
//! Which languages a service translates into is data: DeepL, Google and
//! Azure each carry their documented table of target codes, and every
//! configured language gets the code its `codes` names or, failing that,
//! the one derived from its tag through the table ([`ProviderTargets`]).
//! A code that the table does not list is a configuration error at
//! start-up. LibreTranslate's languages depend on the models its operator
//! installed, so that adapter reads them from the server's `/languages`.

pub mod azure;
pub mod deepl;
pub mod google;
pub mod libretranslate;
pub mod openai;

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use crate::config::{ProvidersConfig, Secret};
use crate::i18n::{Lang, Languages, LanguagesError, canonical_tag};
use crate::translate::provider::{Limits, ProviderError, TranslationProvider, split_batches};

/// The enabled providers (the chain orders them), each knowing the codes
/// of the configured languages it serves. A provider is enabled by its key
/// or, for self-hosted ones, its base URL.
pub fn build(
    config: &ProvidersConfig,
    targets: &ProviderTargets,
    client: &reqwest::Client,
) -> Vec<Arc<dyn TranslationProvider>> {
    let mut providers: Vec<Arc<dyn TranslationProvider>> = Vec::new();
    if config.is_enabled("deepl") {
        providers.push(Arc::new(deepl::Deepl::new(
            &config.deepl,
            targets.deepl.clone(),
            client.clone(),
        )));
    }
    if config.is_enabled("google") {
        providers.push(Arc::new(google::Google::new(
            &config.google,
            targets.google.clone(),
            client.clone(),
        )));
    }
    if config.is_enabled("azure") {
        providers.push(Arc::new(azure::Azure::new(
            &config.azure,
            targets.azure.clone(),
            client.clone(),
        )));
    }
    if config.is_enabled("libretranslate") {
        providers.push(Arc::new(libretranslate::LibreTranslate::new(
            &config.libretranslate,
            targets.libretranslate.clone(),
            client.clone(),
        )));
    }
    if config.is_enabled("openai") {
        providers.push(Arc::new(openai::OpenAiCompatible::new(
            &config.openai,
            targets.openai.clone(),
            client.clone(),
        )));
    }
    providers
}

/// What one provider calls each configured language it serves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets(HashMap<Lang, String>);

impl Targets {
    pub fn code(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }

    pub fn insert(&mut self, lang: Lang, code: impl Into<String>) {
        self.0.insert(lang, code.into());
    }
}

/// Every adapter's [`Targets`] for one server's languages.
#[derive(Debug, Clone, Default)]
pub struct ProviderTargets {
    pub deepl: Targets,
    pub google: Targets,
    pub azure: Targets,
    /// The codes to ask a LibreTranslate server for; whether it has them is
    /// read from its `/languages` at start-up.
    pub libretranslate: Targets,
    /// How the prompt names each language.
    pub openai: Targets,
}

impl ProviderTargets {
    /// Resolves each provider's code for every target of `languages`: the
    /// configured one, checked against the provider's table, or the one
    /// derived from the tag. A configured code the table lacks is an error
    /// naming the key; a language whose code cannot be derived is simply
    /// not served by that provider (the start-up log says so).
    pub fn resolve(languages: &Languages) -> Result<Self, LanguagesError> {
        let mut out = ProviderTargets::default();
        for language in languages.targets() {
            let lang = language.lang;
            let key = |provider: &str| format!("languages.known.{lang}.codes.{provider}");
            let wrong = |provider: &str, code: &str, service: &str| LanguagesError {
                key: key(provider),
                problem: format!(
                    "{code:?} is not in {service}'s documented list of target languages; \
                     use one of its codes or leave it out to derive it from the tag"
                ),
            };
            if lang == Lang::JaEasy {
                // Only a language model writes Easy Japanese; every other
                // service would be asked to translate Japanese into itself.
                out.openai.insert(lang, openai::EASY_JAPANESE);
                continue;
            }
            match language.codes.get("deepl") {
                Some(code) => {
                    let code =
                        deepl::table_code(code).ok_or_else(|| wrong("deepl", code, "DeepL"))?;
                    out.deepl.insert(lang, code);
                }
                None => {
                    if let Some(code) = deepl::default_code(lang) {
                        out.deepl.insert(lang, code);
                    }
                }
            }
            match language.codes.get("google") {
                Some(code) => {
                    let code =
                        google::table_code(code).ok_or_else(|| wrong("google", code, "Google"))?;
                    out.google.insert(lang, code);
                }
                None => {
                    if let Some(code) = google::default_code(lang) {
                        out.google.insert(lang, code);
                    }
                }
            }
            match language.codes.get("azure") {
                Some(code) => {
                    let code =
                        azure::table_code(code).ok_or_else(|| wrong("azure", code, "Azure"))?;
                    out.azure.insert(lang, code);
                }
                None => {
                    if let Some(code) = azure::default_code(lang) {
                        out.azure.insert(lang, code);
                    }
                }
            }
            let libre = language
                .codes
                .get("libretranslate")
                .map_or_else(|| lang.code().to_owned(), str::to_owned);
            out.libretranslate.insert(lang, libre);
            let prompt = language
                .codes
                .get("openai")
                .map_or_else(|| format!("{} ({lang})", language.name), str::to_owned);
            out.openai.insert(lang, prompt);
        }
        Ok(out)
    }
}

/// The tags a provider's table is searched for, most specific first: the
/// tag itself (without a private-use part), the tag without its region,
/// and the bare language, unless cutting would lose a script the bare
/// language is not usually written in (`zh-Hant` is not `zh`, `sr-Latn`
/// not `sr`).
pub(crate) fn candidates(lang: Lang) -> Vec<String> {
    let code = lang.code();
    let base = code.split("-x-").next().unwrap_or(code);
    let Ok(id) = base.parse::<unic_langid::LanguageIdentifier>() else {
        return vec![base.to_owned()];
    };
    let language = id.language.as_str().to_owned();
    let script = id.script.as_ref().map(|s| s.as_str().to_owned());
    let mut out = vec![base.to_owned()];
    let mut push = |tag: String| {
        if !out.contains(&tag) {
            out.push(tag);
        }
    };
    if let Some(script) = &script {
        push(format!("{language}-{script}"));
        let usual = canonical_tag(&language)
            .ok()
            .and_then(|t| Lang::find(&t).or_else(|| Lang::parse(&t).ok()))
            .and_then(Lang::script);
        if usual != lang.script() {
            return out;
        }
    }
    push(language);
    out
}

/// The first of `lang`'s [`candidates`] that `table` lists (compared
/// case-insensitively), spelt as the table spells it.
pub(crate) fn derive<'t>(lang: Lang, table: impl Fn(&str) -> Option<&'t str>) -> Option<&'t str> {
    candidates(lang).iter().find_map(|c| table(c))
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
