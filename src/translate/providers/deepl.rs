//! DeepL API v2, `POST /v2/translate` with a JSON body.
//!
//! Units go out with `tag_handling: "xml"` because they are XML-escaped text
//! with our placeholder elements, which is what DeepL's XML mode keeps intact
//! (its HTML mode would treat `<b1>` as unknown HTML).
//!
//! Glossaries: DeepL applies a glossary itself, which reads better than our
//! placeholder substitution (it inflects and places the term in the
//! sentence). For each target we create one glossary with the v3 API
//! (`POST /v3/glossaries`, one `ja`→`en`/`zh`/`ko` dictionary, TSV entries),
//! named after the target and the hash of its entries, and keep its id; when
//! the entries change, a new one is created and the old one deleted. The id
//! goes into `/v2/translate` as `glossary_id`, which requires `source_lang`
//! (always sent). Glossary dictionaries use base codes, so a `zh` dictionary
//! serves ZH-HANS or ZH-HANT: each glossary holds the one target's entries.

use futures::future::BoxFuture;
use reqwest::header::{AUTHORIZATION, USER_AGENT};
use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use crate::config::{DeeplConfig, Secret};
use crate::glossary::Glossary;
use crate::i18n::Lang;
use crate::translate::provider::{
    HttpReply, Limits, ProviderError, TranslationProvider, classify_status, placeholder_form, send,
    status_detail,
};
use crate::translate::providers::{self, endpoint, in_batches, parse_json, redact};

const NAME: &str = "deepl";

const PRO_HOST: &str = "https://api.deepl.com";
const FREE_HOST: &str = "https://api-free.deepl.com";

/// DeepL refuses request bodies over 128 KiB (documented in prose only, not
/// in the OpenAPI spec).
pub const MAX_BODY_BYTES: usize = 128 * 1024;

/// Most `text` items DeepL takes in one request (also prose only).
pub const MAX_TEXTS: usize = 50;

/// Bytes kept free for everything in the body besides the texts: the field
/// names and our option values come to well under this (a unit test holds
/// the longest envelope to it).
const ENVELOPE_RESERVE: usize = 512;

/// DeepL's quota-exceeded status (Free monthly limit or Pro cost control).
const QUOTA_EXCEEDED: u16 = 456;

#[derive(Debug)]
pub struct Deepl {
    client: reqwest::Client,
    key: Secret,
    base_url: String,
    model_type: Option<String>,
    /// Per target: the content hash of the glossary created at DeepL and its
    /// id. Behind an async mutex so concurrent batches create it once.
    glossaries: tokio::sync::Mutex<HashMap<Lang, (u64, String)>>,
}

impl Deepl {
    /// Free-plan keys end in `:fx` and only work on the Free host; the
    /// official clients pick the host the same way.
    pub fn new(config: &DeeplConfig, client: reqwest::Client) -> Self {
        let base_url = if !config.base_url.trim().is_empty() {
            config.base_url.trim().to_owned()
        } else if config.auth_key.expose().ends_with(":fx") {
            FREE_HOST.to_owned()
        } else {
            PRO_HOST.to_owned()
        };
        let model_type = Some(config.model_type.trim())
            .filter(|m| !m.is_empty())
            .map(str::to_owned);
        Self {
            client,
            key: config.auth_key.clone(),
            base_url,
            model_type,
            glossaries: tokio::sync::Mutex::new(HashMap::new()),
        }
    }

    /// Where requests go: the configured base, or the host the key selects.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    async fn request(
        &self,
        texts: &[String],
        source: &'static str,
        target: &'static str,
        glossary_id: Option<&str>,
    ) -> Result<Vec<String>, ProviderError> {
        let url = endpoint(NAME, &self.base_url, "/v2/translate")?;
        let body = TranslateRequest {
            text: texts,
            source_lang: source,
            target_lang: target,
            tag_handling: "xml",
            model_type: self.model_type.as_deref(),
            show_billed_characters: true,
            glossary_id,
        };
        let request = self.authorized(self.client.post(url)).json(&body);
        let reply = send(NAME, request).await?;
        if !reply.status.is_success() {
            return Err(classify(&reply));
        }
        let parsed: TranslateResponse = parse_json(NAME, &reply.body)?;
        let billed: u64 = parsed
            .translations
            .iter()
            .filter_map(|t| t.billed_characters)
            .sum();
        tracing::debug!(provider = NAME, texts = texts.len(), billed, "translated");
        let translations = parsed.translations.into_iter().map(|t| t.text).collect();
        placeholder_form(NAME, texts.len(), translations)
    }
}

impl Deepl {
    /// The id of a DeepL glossary holding exactly `glossary`'s entries:
    /// the one created before, or a new one (the previous one of this
    /// target deleted, best effort: an account holds at most 1000).
    async fn glossary_id(&self, glossary: &Glossary) -> Result<String, ProviderError> {
        let to = glossary.target;
        let Some(target) = glossary_code(to) else {
            return Err(ProviderError::Unsupported {
                provider: NAME,
                lang: to,
            });
        };
        let mut known = self.glossaries.lock().await;
        let previous = match known.get(&to) {
            Some((hash, id)) if *hash == glossary.content_hash() => return Ok(id.clone()),
            Some((_, id)) => Some(id.clone()),
            None => None,
        };
        let name = glossary_name(to, glossary.content_hash());
        // After a restart, or on another instance, the glossary may exist
        // already: reuse it, and remove what earlier contents left behind,
        // so the account's glossaries do not pile up.
        if previous.is_none() {
            if let Some(existing) = self.adopt_glossary(to, &name).await {
                known.insert(to, (glossary.content_hash(), existing.clone()));
                return Ok(existing);
            }
        }
        let entries: String = glossary
            .terms()
            .iter()
            .map(|t| format!("{}\t{}\n", t.term, t.translation))
            .collect();
        let body = CreateGlossary {
            name,
            dictionaries: [Dictionary {
                source_lang: glossary_code(Lang::SOURCE).unwrap_or("ja"),
                target_lang: target,
                entries,
                entries_format: "tsv",
            }],
        };
        let url = endpoint(NAME, &self.base_url, "/v3/glossaries")?;
        let reply = send(NAME, self.authorized(self.client.post(url)).json(&body)).await?;
        if !reply.status.is_success() {
            return Err(classify(&reply));
        }
        let created: CreatedGlossary = parse_json(NAME, &reply.body)?;
        tracing::info!(provider = NAME, target = %to, entries = glossary.terms().len(), glossary_id = %created.glossary_id, "created a DeepL glossary");
        known.insert(to, (glossary.content_hash(), created.glossary_id.clone()));
        drop(known);
        if let Some(old) = previous {
            self.delete_glossary(&old).await;
        }
        Ok(created.glossary_id)
    }

    /// Drops `id` as the glossary of `to`, if it still is.
    async fn forget_glossary(&self, to: Lang, id: &str) {
        let mut known = self.glossaries.lock().await;
        if known.get(&to).is_some_and(|(_, known_id)| known_id == id) {
            known.remove(&to);
        }
    }

    /// Lists the account's glossaries: returns the id of the one named
    /// `name` and deletes the other glossaries honyaku made for `to` (older
    /// contents). Best effort: any failure means "none found".
    async fn adopt_glossary(&self, to: Lang, name: &str) -> Option<String> {
        let url = endpoint(NAME, &self.base_url, "/v3/glossaries").ok()?;
        let reply = match send(NAME, self.authorized(self.client.get(url))).await {
            Ok(reply) if reply.status.is_success() => reply,
            Ok(reply) => {
                tracing::warn!(
                    provider = NAME,
                    status = reply.status.as_u16(),
                    "cannot list DeepL glossaries"
                );
                return None;
            }
            Err(error) => {
                let error = redact(error, &self.key);
                tracing::warn!(provider = NAME, %error, "cannot list DeepL glossaries");
                return None;
            }
        };
        let listed: GlossaryList = parse_json(NAME, &reply.body).ok()?;
        let ours = glossary_name_prefix(to);
        let mut found = None;
        for g in listed.glossaries {
            if g.name == name {
                // Of several copies (instances that started together), any
                // one will do; none is deleted, another instance may use it.
                found.get_or_insert(g.glossary_id);
            } else if g.name.starts_with(&ours) {
                // Older contents: every instance reads the same glossary from
                // the store, so none needs these any more.
                self.delete_glossary(&g.glossary_id).await;
            }
        }
        if let Some(id) = &found {
            tracing::info!(provider = NAME, target = %to, glossary_id = %id, "reusing a DeepL glossary");
        }
        found
    }

    async fn delete_glossary(&self, id: &str) {
        let path = format!("/v3/glossaries/{id}");
        let Ok(url) = endpoint(NAME, &self.base_url, &path) else {
            return;
        };
        match send(NAME, self.authorized(self.client.delete(url))).await {
            Ok(reply) if reply.status.is_success() => {}
            Ok(reply) => {
                tracing::warn!(
                    provider = NAME,
                    glossary_id = id,
                    status = reply.status.as_u16(),
                    "cannot delete a replaced DeepL glossary"
                );
            }
            Err(error) => {
                let error = redact(error, &self.key);
                tracing::warn!(provider = NAME, glossary_id = id, %error, "cannot delete a replaced DeepL glossary");
            }
        }
    }

    fn authorized(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        request
            .header(
                AUTHORIZATION,
                format!("DeepL-Auth-Key {}", self.key.expose()),
            )
            .header(USER_AGENT, providers::USER_AGENT)
    }
}

/// The name of honyaku's glossary for `to` with these contents: the hash
/// makes a glossary made before (a restart, another instance) recognisable.
fn glossary_name(to: Lang, content_hash: u64) -> String {
    format!("{}{content_hash:016x}", glossary_name_prefix(to))
}

fn glossary_name_prefix(to: Lang) -> String {
    format!("honyaku {} ", to.code())
}

/// `GET /v3/glossaries` (spec: listMultilingualGlossaries).
#[derive(Debug, serde::Deserialize)]
struct GlossaryList {
    #[serde(default)]
    glossaries: Vec<ListedGlossary>,
}

#[derive(Debug, serde::Deserialize)]
struct ListedGlossary {
    glossary_id: String,
    #[serde(default)]
    name: String,
}

/// DeepL glossary dictionaries use lower-case base codes (spec
/// `GlossarySourceLanguage` / `GlossaryTargetLanguage`); all of ours are
/// there, Thai being the one DeepL language without glossaries.
fn glossary_code(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Ja => Some("ja"),
        Lang::En => Some("en"),
        Lang::ZhHans | Lang::ZhHant => Some("zh"),
        Lang::Ko => Some("ko"),
    }
}

/// DeepL's 456 means the quota is spent; everything else follows the shared
/// rule (429, 529 and 5xx temporary; 400, 403, 404, 413, 414 the request's
/// fault).
fn classify(reply: &HttpReply) -> ProviderError {
    if reply.status.as_u16() == QUOTA_EXCEEDED {
        return ProviderError::QuotaExhausted {
            provider: NAME,
            detail: status_detail(reply),
        };
    }
    classify_status(NAME, reply)
}

/// DeepL's target codes: `EN` and `ZH` alone are deprecated as targets, so
/// the variant is always named.
fn target_code(lang: Lang) -> Option<&'static str> {
    lang.deepl_target()
}

/// The pair's target code, or why there is none.
fn target_for(from: Lang, to: Lang) -> Result<&'static str, ProviderError> {
    match target_code(to) {
        Some(code) if from != to => Ok(code),
        _ => Err(ProviderError::Unsupported {
            provider: NAME,
            lang: to,
        }),
    }
}

/// Source codes have no variants. The source is always sent: without it
/// DeepL guesses and ignores `model_type`.
fn source_code(lang: Lang) -> &'static str {
    lang.deepl_source()
}

impl TranslationProvider for Deepl {
    fn name(&self) -> &'static str {
        NAME
    }

    fn model(&self) -> String {
        match &self.model_type {
            Some(model_type) => format!("{NAME}:{model_type}"),
            None => NAME.to_owned(),
        }
    }

    fn limits(&self) -> Limits {
        Limits {
            max_items: MAX_TEXTS,
            max_bytes: MAX_BODY_BYTES - ENVELOPE_RESERVE,
            max_chars: usize::MAX,
            // The comma between array items.
            per_item_overhead: 1,
        }
    }

    fn supports(&self, target: Lang) -> bool {
        target_code(target).is_some()
    }

    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            let target = target_for(from, to)?;
            let source = source_code(from);
            in_batches(texts, self.limits(), &self.key, |chunk| {
                self.request(chunk, source, target, None)
            })
            .await
        })
    }

    fn applies_glossary(&self, to: Lang) -> bool {
        !to.is_source() && glossary_code(to).is_some() && target_code(to).is_some()
    }

    fn translate_batch_with_glossary<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
        glossary: &'a Glossary,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            let target = target_for(from, to)?;
            if glossary.is_empty() || glossary.target != to {
                return self.translate_batch(texts, from, to).await;
            }
            let source = source_code(from);
            let mut retried = false;
            loop {
                let id = self
                    .glossary_id(glossary)
                    .await
                    .map_err(|e| redact(e, &self.key))?;
                let result = in_batches(texts, self.limits(), &self.key, |chunk| {
                    self.request(chunk, source, target, Some(&id))
                })
                .await;
                match result {
                    // The glossary may be gone (deleted by another instance
                    // or by hand): forget it and make or find it once more.
                    Err(ProviderError::Rejected { .. }) if !retried => {
                        retried = true;
                        self.forget_glossary(to, &id).await;
                    }
                    other => return other,
                }
            }
        })
    }
}

#[derive(Serialize)]
struct TranslateRequest<'a> {
    text: &'a [String],
    source_lang: &'static str,
    target_lang: &'static str,
    tag_handling: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_type: Option<&'a str>,
    show_billed_characters: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    glossary_id: Option<&'a str>,
}

/// `CreateMultilingualGlossaryParameters` of the spec.
#[derive(Serialize)]
struct CreateGlossary {
    name: String,
    dictionaries: [Dictionary; 1],
}

/// `GlossaryDictionary` of the spec.
#[derive(Serialize)]
struct Dictionary {
    source_lang: &'static str,
    target_lang: &'static str,
    entries: String,
    entries_format: &'static str,
}

/// The part of `MultilingualGlossary` we need.
#[derive(Deserialize)]
struct CreatedGlossary {
    glossary_id: String,
}

#[derive(Deserialize)]
struct TranslateResponse {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
struct Translation {
    text: String,
    #[serde(default)]
    billed_characters: Option<u64>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::translate::provider::split_batches;

    fn config(key: &str, base_url: &str, model_type: &str) -> DeeplConfig {
        DeeplConfig {
            auth_key: Secret::new(key),
            base_url: base_url.into(),
            model_type: model_type.into(),
        }
    }

    #[test]
    fn free_keys_use_the_free_host() {
        let client = reqwest::Client::new();
        let free = Deepl::new(&config("abc:fx", "", ""), client.clone());
        assert_eq!(free.base_url(), "https://api-free.deepl.com");
        let pro = Deepl::new(&config("abc", "", ""), client.clone());
        assert_eq!(pro.base_url(), "https://api.deepl.com");
        let local = Deepl::new(&config("abc:fx", "http://127.0.0.1:1", ""), client);
        assert_eq!(local.base_url(), "http://127.0.0.1:1");
    }

    #[test]
    fn model_names_the_model_type() {
        let client = reqwest::Client::new();
        assert_eq!(
            Deepl::new(&config("k", "", ""), client.clone()).model(),
            "deepl"
        );
        assert_eq!(
            Deepl::new(&config("k", "", "quality_optimized"), client).model(),
            "deepl:quality_optimized"
        );
    }

    #[test]
    fn debug_hides_the_key() {
        let deepl = Deepl::new(&config("very-secret:fx", "", ""), reqwest::Client::new());
        assert!(!format!("{deepl:?}").contains("very-secret"));
    }

    #[test]
    fn the_envelope_fits_its_reserve() {
        let body = TranslateRequest {
            text: &[],
            source_lang: "JA",
            target_lang: "ZH-HANS",
            tag_handling: "xml",
            model_type: Some("prefer_quality_optimized"),
            show_billed_characters: true,
            glossary_id: Some("def3a26b-3e84-45b3-84ae-0c0aaf3525f7"),
        };
        let len = serde_json::to_vec(&body).unwrap().len();
        assert!(len <= ENVELOPE_RESERVE, "{len}");
    }

    #[test]
    fn batches_by_limits_stay_under_the_body_limit() {
        let deepl = Deepl::new(
            &config("k", "", "prefer_quality_optimized"),
            reqwest::Client::new(),
        );
        // Japanese with characters JSON must escape, sized so the limit bites.
        let texts: Vec<String> = (0..40)
            .map(|i| format!("「労働\"者\"」\n{}", "協同組合\\".repeat(500 + i * 37)))
            .collect();
        let batches = split_batches(&texts, deepl.limits());
        assert!(batches.len() > 1);
        for range in batches {
            let body = TranslateRequest {
                text: &texts[range],
                source_lang: "JA",
                target_lang: "ZH-HANS",
                tag_handling: "xml",
                model_type: Some("prefer_quality_optimized"),
                show_billed_characters: true,
                glossary_id: Some("def3a26b-3e84-45b3-84ae-0c0aaf3525f7"),
            };
            assert!(serde_json::to_vec(&body).unwrap().len() <= MAX_BODY_BYTES);
        }
    }
}
