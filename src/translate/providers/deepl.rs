//! DeepL API v2, `POST /v2/translate` with a JSON body.
//!
//! Units go out with `tag_handling: "xml"` because they are XML-escaped text
//! with our placeholder elements, which is what DeepL's XML mode keeps intact
//! (its HTML mode would treat `<b1>` as unknown HTML).
//!
//! Not every target has tag handling: DeepL's language table marks it per
//! language, and its docs say to use `tag_handling` only where "the
//! `tag_handling` feature key is present on both the source and target
//! language". Vietnamese, Thai, Tagalog, Nepali and Burmese (and every
//! other language DeepL lists as text-only) lack it, and what DeepL does
//! with tags there is not documented. So for such a target the adapter
//! takes only units without markup ([`TranslationProvider::accepts_markup`]
//! is false and the chain sends the others to the next provider), and sends
//! them as plain text: entities decoded, no `tag_handling`, the answer
//! escaped again.
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
use crate::translate::providers::{self, Targets, endpoint, in_batches, parse_json, redact};

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

/// What DeepL offers for a target language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Features {
    /// `tag_handling` (XML and HTML) works.
    tags: bool,
    /// Glossaries work.
    glossary: bool,
}

/// Tag handling and glossaries.
const FULL: Features = Features {
    tags: true,
    glossary: true,
};
/// Glossaries but no tag handling.
const GLOSSARY: Features = Features {
    tags: false,
    glossary: true,
};
/// Text only.
const TEXT: Features = Features {
    tags: false,
    glossary: false,
};

/// DeepL's target languages and their features, from the "Languages
/// supported" table of DeepL's API documentation (the `languageData` of
/// `snippets/language-table.jsx` in DeepLcom/api-docs at 27999b3,
/// 2026-06-30). `EN`, `PT` and `ZH` are left out as targets: DeepL
/// deprecates the unspecified variants, and the official clients refuse
/// `EN` and `PT`; the variants below name them.
const TARGETS: &[(&str, Features)] = &[
    ("AR", FULL),
    ("BG", FULL),
    ("CS", FULL),
    ("DA", FULL),
    ("DE", FULL),
    ("EL", FULL),
    ("ES", FULL),
    ("ET", FULL),
    ("FI", FULL),
    ("FR", FULL),
    ("HU", FULL),
    ("ID", FULL),
    ("IT", FULL),
    ("JA", FULL),
    ("KO", FULL),
    ("LT", FULL),
    ("LV", FULL),
    ("NB", FULL),
    ("NL", FULL),
    ("PL", FULL),
    ("RO", FULL),
    ("RU", FULL),
    ("SK", FULL),
    ("SL", FULL),
    ("SV", FULL),
    ("TR", FULL),
    ("UK", FULL),
    ("DE-CH", GLOSSARY),
    ("EN-GB", FULL),
    ("EN-US", FULL),
    ("FR-CA", GLOSSARY),
    ("PT-BR", FULL),
    ("PT-PT", FULL),
    ("ZH-HANS", FULL),
    ("ZH-HANT", FULL),
    ("ES-419", FULL),
    ("ACE", TEXT),
    ("AF", TEXT),
    ("AN", TEXT),
    ("AS", TEXT),
    ("AY", TEXT),
    ("AZ", TEXT),
    ("BA", TEXT),
    ("BE", TEXT),
    ("BHO", TEXT),
    ("BN", TEXT),
    ("BR", TEXT),
    ("BS", TEXT),
    ("CA", TEXT),
    ("CEB", TEXT),
    ("CKB", TEXT),
    ("CY", TEXT),
    ("EO", TEXT),
    ("EU", TEXT),
    ("FA", TEXT),
    ("GA", TEXT),
    ("GL", TEXT),
    ("GN", TEXT),
    ("GOM", TEXT),
    ("GU", TEXT),
    ("HA", TEXT),
    ("HE", GLOSSARY),
    ("HI", TEXT),
    ("HR", TEXT),
    ("HT", TEXT),
    ("HY", TEXT),
    ("IG", TEXT),
    ("IS", TEXT),
    ("JV", TEXT),
    ("KA", TEXT),
    ("KK", TEXT),
    ("KMR", TEXT),
    ("KY", TEXT),
    ("LA", TEXT),
    ("LB", TEXT),
    ("LMO", TEXT),
    ("LN", TEXT),
    ("MAI", TEXT),
    ("MG", TEXT),
    ("MI", TEXT),
    ("MK", TEXT),
    ("ML", TEXT),
    ("MN", TEXT),
    ("MR", TEXT),
    ("MS", TEXT),
    ("MT", TEXT),
    ("MY", TEXT),
    ("NE", TEXT),
    ("OC", TEXT),
    ("OM", TEXT),
    ("PA", TEXT),
    ("PAG", TEXT),
    ("PAM", TEXT),
    ("PRS", TEXT),
    ("PS", TEXT),
    ("QU", TEXT),
    ("SA", TEXT),
    ("SCN", TEXT),
    ("SQ", TEXT),
    ("SR", TEXT),
    ("ST", TEXT),
    ("SU", TEXT),
    ("SW", TEXT),
    ("TA", TEXT),
    ("TE", TEXT),
    ("TG", TEXT),
    ("TH", TEXT),
    ("TK", TEXT),
    ("TL", TEXT),
    ("TN", TEXT),
    ("TS", TEXT),
    ("TT", TEXT),
    ("UR", TEXT),
    ("UZ", TEXT),
    ("VI", GLOSSARY),
    ("WO", TEXT),
    ("XH", TEXT),
    ("YI", TEXT),
    ("YUE", TEXT),
    ("ZU", TEXT),
];

fn features(code: &str) -> Option<Features> {
    TARGETS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, f)| *f)
}

/// `code` as DeepL's table spells it, if it is a target there.
pub fn table_code(code: &str) -> Option<&'static str> {
    TARGETS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(c, _)| *c)
}

/// DeepL's code for `lang` derived from its tag: the table's entry for the
/// tag or a shorter form of it, with English taken as `EN-US` and
/// Portuguese as `PT-BR`, the variants the unspecified codes stood for.
pub fn default_code(lang: Lang) -> Option<String> {
    let code = providers::derive(lang, |tag| match tag {
        "en" => Some("EN-US"),
        "pt" => Some("PT-BR"),
        other => table_code(other),
    })?;
    Some(code.to_owned())
}

#[derive(Debug)]
pub struct Deepl {
    client: reqwest::Client,
    key: Secret,
    base_url: String,
    model_type: Option<String>,
    targets: Targets,
    /// Per target: the content hash of the glossary created at DeepL and its
    /// id. Behind an async mutex so concurrent batches create it once.
    glossaries: tokio::sync::Mutex<HashMap<Lang, (u64, String)>>,
}

impl Deepl {
    /// Free-plan keys end in `:fx` and only work on the Free host; the
    /// official clients pick the host the same way.
    pub fn new(config: &DeeplConfig, targets: Targets, client: reqwest::Client) -> Self {
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
            targets,
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
        source: &str,
        target: &str,
        glossary_id: Option<&str>,
    ) -> Result<Vec<String>, ProviderError> {
        let url = endpoint(NAME, &self.base_url, "/v2/translate")?;
        let tags = features(target).is_some_and(|f| f.tags);
        let plain: Vec<String>;
        let text: &[String] = if tags {
            texts
        } else {
            plain = texts
                .iter()
                .map(|t| crate::placeholder::unescape_text(t))
                .collect();
            &plain
        };
        let body = TranslateRequest {
            text,
            source_lang: source,
            target_lang: target,
            tag_handling: tags.then_some("xml"),
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
        let translations: Vec<String> = parsed.translations.into_iter().map(|t| t.text).collect();
        if tags {
            placeholder_form(NAME, texts.len(), translations)
        } else {
            // Plain text in, plain text out: every character is text.
            let escaped = translations
                .iter()
                .map(|t| crate::placeholder::escape_text(t))
                .collect();
            crate::translate::provider::expect_count(NAME, texts.len(), escaped)
        }
    }
}

impl Deepl {
    /// The id of a DeepL glossary holding exactly `glossary`'s entries:
    /// the one created before, or a new one (the previous one of this
    /// target deleted, best effort: an account holds at most 1000).
    async fn glossary_id(&self, glossary: &Glossary) -> Result<String, ProviderError> {
        let to = glossary.target;
        let Some(target) = self.glossary_code(to) else {
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
                source_lang: GLOSSARY_SOURCE.to_owned(),
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

/// The source of every glossary dictionary.
const GLOSSARY_SOURCE: &str = "ja";

impl Deepl {
    /// DeepL glossary dictionaries use lower-case base codes (spec
    /// `GlossarySourceLanguage` / `GlossaryTargetLanguage`), so a `zh`
    /// dictionary serves ZH-HANS or ZH-HANT; only the targets DeepL's table
    /// marks for glossaries have them.
    fn glossary_code(&self, lang: Lang) -> Option<String> {
        let code = self.targets.code(lang)?;
        if !features(code)?.glossary {
            return None;
        }
        let base = code.split('-').next().unwrap_or(code);
        Some(base.to_ascii_lowercase())
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

impl Deepl {
    /// The pair's target code, or why there is none. A target without tag
    /// handling takes no markup: the chain never offers it any
    /// ([`TranslationProvider::accepts_markup`]), and a caller that did
    /// would get its tags translated as words.
    fn target_for(&self, texts: &[String], from: Lang, to: Lang) -> Result<&str, ProviderError> {
        let unsupported = ProviderError::Unsupported {
            provider: NAME,
            lang: to,
        };
        let code = match self.targets.code(to) {
            Some(code) if from != to && from.is_source() => code,
            _ => return Err(unsupported),
        };
        if !self.accepts_markup(to) && texts.iter().any(|t| t.contains('<')) {
            return Err(unsupported);
        }
        Ok(code)
    }
}

/// Source codes have no variants, and ours is always Japanese. The source
/// is always sent: without it DeepL guesses and ignores `model_type`.
const SOURCE_CODE: &str = "JA";

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
        self.targets.code(target).is_some()
    }

    fn accepts_markup(&self, target: Lang) -> bool {
        self.targets
            .code(target)
            .and_then(features)
            .is_some_and(|f| f.tags)
    }

    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            let target = self.target_for(texts, from, to)?;
            let source = SOURCE_CODE;
            in_batches(texts, self.limits(), &self.key, |chunk| {
                self.request(chunk, source, target, None)
            })
            .await
        })
    }

    fn applies_glossary(&self, to: Lang) -> bool {
        !to.is_source() && self.glossary_code(to).is_some()
    }

    fn translate_batch_with_glossary<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
        glossary: &'a Glossary,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            let target = self.target_for(texts, from, to)?;
            if glossary.is_empty() || glossary.target != to {
                return self.translate_batch(texts, from, to).await;
            }
            let source = SOURCE_CODE;
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
    source_lang: &'a str,
    target_lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag_handling: Option<&'static str>,
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
    source_lang: String,
    target_lang: String,
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

    fn lang(tag: &str) -> Lang {
        Lang::parse(tag).unwrap()
    }

    #[test]
    fn codes_come_from_the_documented_table() {
        for (tag, code) in [
            ("en", Some("EN-US")),
            ("en-GB", Some("EN-GB")),
            ("zh-Hans", Some("ZH-HANS")),
            ("zh-Hant", Some("ZH-HANT")),
            ("ko", Some("KO")),
            ("vi", Some("VI")),
            ("pt-BR", Some("PT-BR")),
            ("pt-PT", Some("PT-PT")),
            ("pt", Some("PT-BR")),
            ("ne", Some("NE")),
            ("id", Some("ID")),
            ("my", Some("MY")),
            ("th", Some("TH")),
            ("es", Some("ES")),
            ("es-419", Some("ES-419")),
            ("es-MX", Some("ES")),
            ("de", Some("DE")),
            // DeepL calls Filipino Tagalog: configured, not derived.
            ("fil", None),
            ("sr-Latn", None),
            ("qaa", None),
        ] {
            assert_eq!(default_code(lang(tag)).as_deref(), code, "{tag}");
        }
        assert_eq!(table_code("tl"), Some("TL"));
        assert_eq!(table_code("FIL"), None);
        assert_eq!(table_code("EN"), None);
        for code in ["VI", "TH", "TL", "NE", "MY"] {
            assert!(!features(code).unwrap().tags, "{code}");
        }
        assert!(features("VI").unwrap().glossary);
        assert!(features("ID").unwrap().tags);
    }

    #[test]
    fn text_only_targets_take_no_markup_and_glossaries_where_listed() {
        let mut targets = Targets::default();
        for (tag, code) in [("vi", "VI"), ("th", "TH"), ("id", "ID"), ("ko", "KO")] {
            targets.insert(lang(tag), code);
        }
        let deepl = Deepl::new(&config("k", "", ""), targets, reqwest::Client::new());
        assert!(!deepl.accepts_markup(lang("vi")));
        assert!(!deepl.accepts_markup(lang("th")));
        assert!(deepl.accepts_markup(lang("id")));
        assert_eq!(deepl.glossary_code(lang("vi")).as_deref(), Some("vi"));
        assert_eq!(deepl.glossary_code(lang("th")), None);
        assert_eq!(deepl.glossary_code(Lang::Ko).as_deref(), Some("ko"));
        let markup = vec!["<b1>x</b1>".to_owned()];
        assert!(deepl.target_for(&markup, Lang::Ja, lang("th")).is_err());
        assert_eq!(deepl.target_for(&markup, Lang::Ja, lang("id")), Ok("ID"));
        assert!(!deepl.supports(Lang::En));
    }

    #[test]
    fn free_keys_use_the_free_host() {
        let client = reqwest::Client::new();
        let free = Deepl::new(
            &config("abc:fx", "", ""),
            Targets::default(),
            client.clone(),
        );
        assert_eq!(free.base_url(), "https://api-free.deepl.com");
        let pro = Deepl::new(&config("abc", "", ""), Targets::default(), client.clone());
        assert_eq!(pro.base_url(), "https://api.deepl.com");
        let local = Deepl::new(
            &config("abc:fx", "http://127.0.0.1:1", ""),
            Targets::default(),
            client,
        );
        assert_eq!(local.base_url(), "http://127.0.0.1:1");
    }

    #[test]
    fn model_names_the_model_type() {
        let client = reqwest::Client::new();
        assert_eq!(
            Deepl::new(&config("k", "", ""), Targets::default(), client.clone()).model(),
            "deepl"
        );
        assert_eq!(
            Deepl::new(
                &config("k", "", "quality_optimized"),
                Targets::default(),
                client
            )
            .model(),
            "deepl:quality_optimized"
        );
    }

    #[test]
    fn debug_hides_the_key() {
        let deepl = Deepl::new(
            &config("very-secret:fx", "", ""),
            Targets::default(),
            reqwest::Client::new(),
        );
        assert!(!format!("{deepl:?}").contains("very-secret"));
    }

    #[test]
    fn the_envelope_fits_its_reserve() {
        let body = TranslateRequest {
            text: &[],
            source_lang: "JA",
            target_lang: "ZH-HANS",
            tag_handling: Some("xml"),
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
            Targets::default(),
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
                tag_handling: Some("xml"),
                model_type: Some("prefer_quality_optimized"),
                show_billed_characters: true,
                glossary_id: Some("def3a26b-3e84-45b3-84ae-0c0aaf3525f7"),
            };
            assert!(serde_json::to_vec(&body).unwrap().len() <= MAX_BODY_BYTES);
        }
    }
}
