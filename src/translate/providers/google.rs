//! Google Cloud Translation v2 (Basic), `POST /language/translate/v2` with a
//! JSON body and the API key in the query string.
//!
//! `format` is always sent as `html`: it is the default, but being explicit
//! keeps a future default change from turning our placeholder tags into
//! text. Google translates between the tags and returns HTML, entities
//! included, which `normalize_markup` brings back to placeholder form.
//!
//! The key travels in the URL, so nothing here ever formats the URL: errors
//! from the transport are reduced to their kind by `provider::send`, and
//! error bodies are scrubbed of the key before they become a detail.

use futures::future::BoxFuture;
use reqwest::StatusCode;
use reqwest::header::USER_AGENT;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::{GoogleConfig, Secret};
use crate::i18n::Lang;
use crate::translate::provider::{
    HttpReply, Limits, ProviderError, TranslationProvider, classify_status, placeholder_form,
    retry_later, send, status_detail,
};
use crate::translate::providers::{self, Targets, check_pair, endpoint, in_batches, parse_json};

const NAME: &str = "google";

/// Google's language codes for the NMT model, from the Cloud Translation
/// "Language support" page (cloud.google.com/translate/docs/languages):
/// the languages it has listed since the 2022 additions. Chinese is named
/// by region (`zh-CN` or `zh` Simplified, `zh-TW` Traditional), Hebrew and
/// Javanese have two codes each, and Filipino is `fil` or `tl`. Portuguese
/// is one code, `pt`, "Portugal, Brazil". Languages Google added later are
/// not listed: a language Google has and this table lacks is simply not
/// sent to Google.
const TARGETS: &[&str] = &[
    "af", "ak", "am", "ar", "as", "ay", "az", "be", "bg", "bho", "bm", "bn", "bs", "ca", "ceb",
    "ckb", "co", "cs", "cy", "da", "de", "doi", "dv", "ee", "el", "en", "eo", "es", "et", "eu",
    "fa", "fi", "fil", "fr", "fy", "ga", "gd", "gl", "gn", "gom", "gu", "ha", "haw", "he", "hi",
    "hmn", "hr", "ht", "hu", "hy", "id", "ig", "ilo", "is", "it", "iw", "ja", "jv", "jw", "ka",
    "kk", "km", "kn", "ko", "kri", "ku", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lus", "lv",
    "mai", "mg", "mi", "mk", "ml", "mn", "mni-Mtei", "mr", "ms", "mt", "my", "ne", "nl", "no",
    "nso", "ny", "om", "or", "pa", "pl", "ps", "pt", "qu", "ro", "ru", "rw", "sa", "sd", "si",
    "sk", "sl", "sm", "sn", "so", "sq", "sr", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tr", "ts", "tt", "ug", "uk", "ur", "uz", "vi", "xh", "yi", "yo", "zh", "zh-CN",
    "zh-TW", "zu",
];

/// `code` as Google's table spells it, if it is listed there.
pub fn table_code(code: &str) -> Option<&'static str> {
    TARGETS
        .iter()
        .find(|c| c.eq_ignore_ascii_case(code.trim()))
        .copied()
}

/// Google's code for `lang` derived from its tag: Chinese by script as
/// Google's regions (`zh-Hans` is `zh-CN`, `zh-Hant` is `zh-TW`), anything
/// else the table's entry for the tag or a shorter form of it (`pt-BR` is
/// `pt`).
pub fn default_code(lang: Lang) -> Option<String> {
    let code = providers::derive(lang, |tag| match tag {
        "zh-Hans" => Some("zh-CN"),
        "zh-Hant" => Some("zh-TW"),
        other => table_code(other),
    })?;
    Some(code.to_owned())
}

/// Most `q` strings in one request.
pub const MAX_TEXTS: usize = 128;

/// Basic's hard maximum per request; beyond it Google answers 400 whatever
/// the quota. Held for the whole JSON body, which is stricter than holding it
/// for the text alone.
pub const MAX_REQUEST_BYTES: usize = 100_000;

/// Bytes kept free for the body's envelope besides the texts.
const ENVELOPE_RESERVE: usize = 256;

#[derive(Debug)]
pub struct Google {
    client: reqwest::Client,
    key: Secret,
    base_url: String,
    targets: Targets,
}

impl Google {
    pub fn new(config: &GoogleConfig, targets: Targets, client: reqwest::Client) -> Self {
        Self {
            client,
            key: config.api_key.clone(),
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
        let mut url = endpoint(NAME, &self.base_url, "/language/translate/v2")?;
        url.query_pairs_mut().append_pair("key", self.key.expose());
        let body = TranslateRequest {
            q: texts,
            source,
            target,
            format: "html",
        };
        let request = self
            .client
            .post(url)
            .header(USER_AGENT, providers::USER_AGENT)
            .json(&body);
        let reply = send(NAME, request).await?;
        if !reply.status.is_success() {
            return Err(classify(&reply));
        }
        let parsed: TranslateResponse = parse_json(NAME, &reply.body)?;
        let translations = parsed
            .data
            .translations
            .into_iter()
            .map(|t| t.translated_text)
            .collect();
        placeholder_form(NAME, texts.len(), translations)
    }
}

/// Google reports both a spent daily quota and a per-minute rate limit as
/// 403 (newer front ends use 429), told apart by the reason or message in
/// the error envelope `{"error":{"code","message","errors":[{"reason"}],
/// "details":[{"reason"}]}}`.
fn classify(reply: &HttpReply) -> ProviderError {
    let status = reply.status;
    if status == StatusCode::FORBIDDEN || status == StatusCode::TOO_MANY_REQUESTS {
        let signals = ErrorSignals::read(&reply.body);
        let detail = status_detail(reply);
        if signals.daily_limit() {
            return ProviderError::QuotaExhausted {
                provider: NAME,
                detail,
            };
        }
        if signals.rate_limit() {
            return retry_later(NAME, reply, detail);
        }
        if signals.has_reason("quotaexceeded") {
            return ProviderError::QuotaExhausted {
                provider: NAME,
                detail,
            };
        }
    }
    classify_status(NAME, reply)
}

/// The reasons and messages of an error envelope, lower-cased with
/// underscores dropped so `dailyLimitExceeded` and `DAILY_LIMIT_EXCEEDED`
/// compare equal.
struct ErrorSignals {
    reasons: Vec<String>,
    messages: Vec<String>,
}

impl ErrorSignals {
    fn read(body: &[u8]) -> Self {
        let mut signals = Self {
            reasons: Vec::new(),
            messages: Vec::new(),
        };
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return signals;
        };
        let error = &value["error"];
        signals.push_message(&error["message"]);
        for list in ["errors", "details"] {
            for item in error[list].as_array().into_iter().flatten() {
                if let Some(reason) = item["reason"].as_str() {
                    signals.reasons.push(reason.replace('_', "").to_lowercase());
                }
                signals.push_message(&item["message"]);
            }
        }
        signals
    }

    fn push_message(&mut self, message: &Value) {
        if let Some(text) = message.as_str() {
            self.messages.push(text.to_lowercase());
        }
    }

    fn has_reason(&self, reason: &str) -> bool {
        self.reasons.iter().any(|r| r == reason)
    }

    fn has_message(&self, needle: &str) -> bool {
        self.messages.iter().any(|m| m.contains(needle))
    }

    fn daily_limit(&self) -> bool {
        self.reasons
            .iter()
            .any(|r| r.starts_with("dailylimitexceeded"))
            || self.has_message("daily limit exceeded")
    }

    fn rate_limit(&self) -> bool {
        self.has_reason("userratelimitexceeded")
            || self.has_reason("ratelimitexceeded")
            || self.has_message("rate limit exceeded")
    }
}

/// Google's code for Japanese, the source.
const SOURCE_CODE: &str = "ja";

impl TranslationProvider for Google {
    fn name(&self) -> &'static str {
        NAME
    }

    fn limits(&self) -> Limits {
        Limits {
            max_items: MAX_TEXTS,
            max_bytes: MAX_REQUEST_BYTES - ENVELOPE_RESERVE,
            max_chars: usize::MAX,
            // The comma between array items.
            per_item_overhead: 1,
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

#[derive(Serialize)]
struct TranslateRequest<'a> {
    q: &'a [String],
    source: &'a str,
    target: &'a str,
    format: &'static str,
}

/// v2 wraps every result in `data` (the discovery document's `dataWrapper`).
#[derive(Deserialize)]
struct TranslateResponse {
    data: TranslationsList,
}

#[derive(Deserialize)]
struct TranslationsList {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
struct Translation {
    #[serde(rename = "translatedText")]
    translated_text: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_from_the_documented_table() {
        for (tag, code) in [
            ("en", Some("en")),
            ("zh-Hans", Some("zh-CN")),
            ("zh-Hant", Some("zh-TW")),
            ("ko", Some("ko")),
            ("vi", Some("vi")),
            ("fil", Some("fil")),
            ("pt-BR", Some("pt")),
            ("ne", Some("ne")),
            ("id", Some("id")),
            ("my", Some("my")),
            ("th", Some("th")),
            ("es", Some("es")),
            ("es-419", Some("es")),
            ("de", Some("de")),
            ("qaa", None),
        ] {
            let lang = Lang::parse(tag).unwrap();
            assert_eq!(default_code(lang).as_deref(), code, "{tag}");
        }
        assert_eq!(table_code("TL"), Some("tl"));
        assert_eq!(table_code("pt-BR"), None);
    }

    #[test]
    fn the_envelope_fits_its_reserve() {
        let body = TranslateRequest {
            q: &[],
            source: "ja",
            target: "zh-CN",
            format: "html",
        };
        assert!(serde_json::to_vec(&body).unwrap().len() <= ENVELOPE_RESERVE);
    }

    #[test]
    fn error_signals_read_both_envelope_styles() {
        let legacy = br#"{"error":{"code":403,"message":"Daily Limit Exceeded",
            "errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded"}]}}"#;
        assert!(ErrorSignals::read(legacy).daily_limit());
        let rpc = br#"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED",
            "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED"}]}}"#;
        let signals = ErrorSignals::read(rpc);
        assert!(signals.rate_limit() && !signals.daily_limit());
        assert!(!ErrorSignals::read(b"not json").rate_limit());
    }

    #[test]
    fn debug_hides_the_key() {
        let google = Google::new(
            &GoogleConfig {
                api_key: Secret::new("AIza-very-secret"),
                base_url: "https://translation.googleapis.com".into(),
            },
            Targets::default(),
            reqwest::Client::new(),
        );
        assert!(!format!("{google:?}").contains("very-secret"));
    }
}
