//! Azure AI Translator v3, `POST /translate?api-version=3.0` with the
//! languages and text type in the query and a JSON array body.
//!
//! Units go out with `textType=html` so our placeholder tags are kept as tags
//! (and `translate="no"` would be honoured, which plain mode ignores).

use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, USER_AGENT};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::{AzureConfig, Secret};
use crate::i18n::Lang;
use crate::translate::provider::{
    HttpReply, Limits, ProviderError, TranslationProvider, classify_status, placeholder_form,
    retry_later, send, status_detail,
};
use crate::translate::providers::{self, Targets, check_pair, endpoint, in_batches, parse_json};

const NAME: &str = "azure";

/// Azure Translator's text-translation languages, from "Translator language
/// support" (MicrosoftDocs/azure-ai-docs,
/// `articles/ai-services/translator/language-support.md`, ms.date
/// 09/16/2025), spelt as the table spells them. `pt` is Portuguese (Brazil)
/// ("Language code `pt` defaults to `pt-br`"), `pt-pt` Portugal.
const TARGETS: &[&str] = &[
    "af", "am", "ar", "as", "az", "ba", "bg", "bho", "bn", "bo", "brx", "bs", "ca", "cs", "cy",
    "da", "de", "doi", "dsb", "dv", "el", "en", "es", "et", "eu", "fa", "fi", "fil", "fj", "fo",
    "fr", "fr-ca", "ga", "gl", "gom", "gu", "ha", "he", "hi", "hne", "hr", "hsb", "ht", "hu", "hy",
    "id", "ig", "ikt", "is", "it", "iu", "iu-Latn", "ja", "ka", "kk", "km", "kmr", "kn", "ko",
    "ks", "ku", "ky", "ln", "lo", "lt", "lug", "lv", "lzh", "mai", "mg", "mi", "mk", "ml",
    "mn-Cyrl", "mn-Mong", "mni", "mr", "ms", "mt", "mww", "my", "nb", "ne", "nl", "nso", "nya",
    "or", "otq", "pa", "pl", "prs", "ps", "pt", "pt-pt", "ro", "ru", "run", "rw", "sd", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr-Cyrl", "sr-Latn", "st", "sv", "sw", "ta", "te", "th", "ti",
    "tk", "tlh-Latn", "tlh-Piqd", "tn", "to", "tr", "tt", "ty", "ug", "uk", "ur", "uz", "vi", "xh",
    "yo", "yua", "yue", "zh-Hans", "zh-Hant", "zu",
];

/// `code` as Azure's table spells it, if it is listed there.
pub fn table_code(code: &str) -> Option<&'static str> {
    TARGETS
        .iter()
        .find(|c| c.eq_ignore_ascii_case(code.trim()))
        .copied()
}

/// Azure's code for `lang` derived from its tag: the table's entry for the
/// tag or a shorter form of it. Script subtags are Azure's own way for
/// Chinese, so `zh-Hans` and `zh-Hant` are found as they are, and `pt-BR`
/// becomes `pt`, which is Brazilian.
pub fn default_code(lang: Lang) -> Option<String> {
    Some(providers::derive(lang, table_code)?.to_owned())
}

/// Most array elements in one request.
pub const MAX_ELEMENTS: usize = 1000;

/// Azure caps a request at 50,000 characters counted once per `to` target:
/// 3,000 characters sent to three targets count as 9,000.
const MAX_CHARS_ALL_TARGETS: usize = 50_000;

/// Every request names exactly one `to` target (the trait translates into one
/// language per call), so the whole character budget is ours.
const TARGETS_PER_REQUEST: usize = 1;

/// Azure's code for a spent free-tier quota.
const FREE_QUOTA_EXHAUSTED: i64 = 403_001;

/// Azure's code for a custom system still being prepared: worth a retry in
/// about a minute.
const CUSTOM_SYSTEM_NOT_READY: i64 = 408_001;

#[derive(Debug)]
pub struct Azure {
    client: reqwest::Client,
    key: Secret,
    region: Option<String>,
    base_url: String,
    targets: Targets,
}

impl Azure {
    pub fn new(config: &AzureConfig, targets: Targets, client: reqwest::Client) -> Self {
        let region = Some(config.region.trim())
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        Self {
            client,
            key: config.key.clone(),
            region,
            base_url: config.base_url.trim().to_owned(),
            targets,
        }
    }

    async fn request(
        &self,
        texts: &[String],
        source: &str,
        target: &str,
    ) -> Result<Vec<String>, ProviderError> {
        let mut url = endpoint(NAME, &self.base_url, "/translate")?;
        url.query_pairs_mut()
            .append_pair("api-version", "3.0")
            .append_pair("from", source)
            .append_pair("to", target)
            .append_pair("textType", "html");
        let items: Vec<InputText<'_>> = texts.iter().map(|text| InputText { text }).collect();
        let body = serde_json::to_vec(&items).map_err(|e| ProviderError::Rejected {
            provider: NAME,
            detail: format!("cannot encode the request ({e})"),
        })?;
        // Region-bound and multi-service resources need the region; a global
        // resource must not be sent one it does not have.
        let mut request = self
            .client
            .post(url)
            .header("Ocp-Apim-Subscription-Key", self.key.expose())
            .header(CONTENT_TYPE, "application/json; charset=UTF-8")
            .header(USER_AGENT, providers::USER_AGENT);
        if let Some(region) = &self.region {
            request = request.header("Ocp-Apim-Subscription-Region", region);
        }
        let reply = send(NAME, request.body(body)).await?;
        if !reply.status.is_success() {
            return Err(classify(&reply));
        }
        let parsed: Vec<TranslatedItem> = parse_json(NAME, &reply.body)?;
        let mut translations = Vec::with_capacity(parsed.len());
        for item in parsed {
            let text = item
                .translations
                .into_iter()
                .find(|t| t.to.eq_ignore_ascii_case(target))
                .map(|t| t.text)
                .ok_or_else(|| ProviderError::Malformed {
                    provider: NAME,
                    detail: format!("an element has no translation to {target}"),
                })?;
            translations.push(text);
        }
        placeholder_form(NAME, texts.len(), translations)
    }
}

/// Azure's error body carries a six-digit code, the HTTP status followed by
/// three digits: `{"error":{"code":403001,"message":"…"}}`. The code is what
/// separates a spent quota (403001) from a bad key or a bad request.
fn classify(reply: &HttpReply) -> ProviderError {
    let code = serde_json::from_slice::<Value>(&reply.body)
        .ok()
        .and_then(|v| {
            let code = &v["error"]["code"];
            // The spec types it as an integer; a gateway may quote it.
            code.as_i64()
                .or_else(|| code.as_str().and_then(|s| s.parse().ok()))
        });
    let detail = status_detail(reply);
    match code {
        Some(FREE_QUOTA_EXHAUSTED) => ProviderError::QuotaExhausted {
            provider: NAME,
            detail,
        },
        Some(CUSTOM_SYSTEM_NOT_READY) => retry_later(NAME, reply, detail),
        Some(code) if code / 1000 == 429 => retry_later(NAME, reply, detail),
        _ if reply.status == StatusCode::REQUEST_TIMEOUT => retry_later(NAME, reply, detail),
        _ => classify_status(NAME, reply),
    }
}

/// Azure's code for Japanese, the source.
const SOURCE_CODE: &str = "ja";

impl TranslationProvider for Azure {
    fn name(&self) -> &'static str {
        NAME
    }

    fn limits(&self) -> Limits {
        Limits {
            max_items: MAX_ELEMENTS,
            // No byte limit of its own: the character limit is the binding one.
            max_bytes: usize::MAX,
            max_chars: MAX_CHARS_ALL_TARGETS / TARGETS_PER_REQUEST,
            // `{"Text":` and `}` around each text, and the comma between.
            per_item_overhead: 10,
        }
    }

    fn supports(&self, target: Lang) -> bool {
        self.targets.code(target).is_some()
    }

    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            check_pair(NAME, self.supports(to) && from.is_source(), from, to)?;
            let target = self.targets.code(to).unwrap_or_default();
            let source = SOURCE_CODE;
            in_batches(texts, self.limits(), &self.key, |chunk| {
                self.request(chunk, source, target)
            })
            .await
        })
    }
}

/// The docs write the field `Text`, the spec `text`; the service reads
/// either, and `Text` is what every official sample sends.
#[derive(Serialize)]
struct InputText<'a> {
    #[serde(rename = "Text")]
    text: &'a str,
}

#[derive(Deserialize)]
struct TranslatedItem {
    translations: Vec<TranslationText>,
}

#[derive(Deserialize)]
struct TranslationText {
    text: String,
    to: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_key() {
        let azure = Azure::new(
            &AzureConfig {
                key: Secret::new("azure-very-secret"),
                region: "japaneast".into(),
                base_url: "https://api.cognitive.microsofttranslator.com".into(),
            },
            Targets::default(),
            reqwest::Client::new(),
        );
        assert!(!format!("{azure:?}").contains("very-secret"));
    }

    #[test]
    fn codes_come_from_the_documented_table() {
        for (tag, code) in [
            ("en", Some("en")),
            ("zh-Hans", Some("zh-Hans")),
            ("zh-Hant", Some("zh-Hant")),
            ("ko", Some("ko")),
            ("vi", Some("vi")),
            ("fil", Some("fil")),
            ("pt-BR", Some("pt")),
            ("pt-PT", Some("pt-pt")),
            ("ne", Some("ne")),
            ("id", Some("id")),
            ("my", Some("my")),
            ("th", Some("th")),
            ("es", Some("es")),
            ("de", Some("de")),
            ("sr-Latn", Some("sr-Latn")),
            ("zh-TW", None),
            ("qaa", None),
        ] {
            let lang = Lang::parse(tag).unwrap();
            assert_eq!(default_code(lang).as_deref(), code, "{tag}");
        }
    }

    #[test]
    fn per_item_overhead_matches_the_encoding() {
        let encoded = serde_json::to_vec(&[InputText { text: "" }, InputText { text: "" }])
            .unwrap()
            .len();
        // `[` and `]` plus two empty texts, each costing its quotes and overhead.
        assert_eq!(encoded, 2 + 2 * (2 + 10) - 1);
    }
}
