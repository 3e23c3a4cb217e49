//! An OpenAI-compatible chat-completions API (OpenAI itself, or a local
//! vLLM, Ollama or llama.cpp server), `POST {base_url}/chat/completions`.
//!
//! A language model has no tag handling of its own, so the contract lives in
//! the prompt and in Structured Outputs: the units go out as a JSON array in
//! the user message, the system prompt says what to keep, and a strict JSON
//! schema with `minItems` = `maxItems` = N asks for exactly one string back
//! per unit. None of that is trusted: the count is checked, every string is
//! run through [`normalize_markup`], and the QA gate checks placeholders.
//!
//! The same adapter writes やさしい日本語 (Easy Japanese), the one target no
//! translation service offers: a rewrite of the Japanese, not a
//! translation, with its own prompt ([`EASY_JAPANESE_PROMPT`]) that follows
//! the national guidelines (在留支援のためのやさしい日本語ガイドライン,
//! 出入国在留管理庁・文化庁, 2020): short sentences, one piece of information
//! each, plain words, no honorifics, Western years with the era in
//! brackets, readings in brackets after kanji. Readings go in brackets
//! (住民税（じゅうみんぜい）), one of the two styles the guidelines show,
//! rather than `<ruby>`: a unit may carry only the markup of its source,
//! which the QA gate checks, and brackets keep the readings in plain text
//! that every reader, screen reader and copy-paste keeps.

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::config::{OpenAiConfig, Secret};
use crate::i18n::Lang;
use crate::translate::provider::{
    HttpReply, Limits, ProviderError, TranslationProvider, classify_status_with, placeholder_form,
    send, snippet,
};
use crate::translate::providers::{Targets, check_pair, scrub};

const NAME: &str = "openai";

/// Most units in one request. Past a few dozen strings a model starts to
/// merge, split or drop items, which costs the whole batch; 40 keeps a
/// typical page to one or two requests.
pub const MAX_ITEMS: usize = 40;

/// A model (maybe compatible) behind a chat-completions endpoint.
/// The prompt name that marks Easy Japanese in [`Targets`]: that target
/// gets [`EASY_JAPANESE_PROMPT`] instead of the translation prompt.
pub const EASY_JAPANESE: &str = "やさしい日本語";

#[derive(Debug, Clone)]
pub struct OpenAiCompatible {
    client: reqwest::Client,
    endpoint: String,
    api_key: Secret,
    model: String,
    max_completion_tokens: u32,
    /// How the prompt names each configured target.
    targets: Targets,
}

impl OpenAiCompatible {
    /// `client` carries the timeouts and connection pool shared by all
    /// providers; `config.base_url` includes the API's version prefix
    /// (`https://api.openai.com/v1`), as compatible servers mount it in
    /// different places.
    pub fn new(config: &OpenAiConfig, targets: Targets, client: reqwest::Client) -> Self {
        Self {
            client,
            endpoint: format!("{}/chat/completions", config.base_url.trim_end_matches('/')),
            api_key: config.api_key.clone(),
            model: config.model.clone(),
            max_completion_tokens: config.max_completion_tokens,
            targets,
        }
    }

    async fn translate(
        &self,
        texts: &[String],
        from: Lang,
        to: Lang,
    ) -> Result<Vec<String>, ProviderError> {
        check_pair(NAME, self.supports(to) && from.is_source(), from, to)?;
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let target = self.targets.code(to).unwrap_or_default();
        let units = serde_json::to_string(texts).map_err(|e| ProviderError::Rejected {
            provider: NAME,
            detail: format!("cannot encode the units as JSON ({e})"),
        })?;
        let body = ChatRequest {
            model: &self.model,
            temperature: 0,
            max_completion_tokens: self.max_completion_tokens,
            messages: [
                Message {
                    role: "system",
                    content: system_prompt(target, texts.len()),
                },
                Message {
                    role: "user",
                    content: units,
                },
            ],
            response_format: response_format(texts.len()),
        };
        let mut request = self.client.post(&self.endpoint).json(&body);
        if !self.api_key.is_empty() {
            request = request.bearer_auth(self.api_key.expose());
        }
        let reply = send(NAME, request).await?;
        if !reply.status.is_success() {
            return Err(self.status_error(&reply));
        }
        let translations = self.read_completion(&reply.body)?;
        placeholder_form(NAME, texts.len(), translations)
    }

    /// The translations in a 200 answer, or why there are none.
    fn read_completion(&self, body: &[u8]) -> Result<Vec<String>, ProviderError> {
        let malformed = |detail: String| ProviderError::Malformed {
            provider: NAME,
            detail: scrub(&detail, &self.api_key),
        };
        let response: ChatResponse = serde_json::from_slice(body)
            .map_err(|e| malformed(format!("response is not a chat completion ({e})")))?;
        let Some(choice) = response.choices.into_iter().next() else {
            return Err(malformed("completion has no choices".into()));
        };
        match choice.finish_reason.as_deref() {
            // A completion cut at max_completion_tokens is missing its last
            // translations, or its closing bracket; even when it parses, it
            // cannot be trusted to be whole.
            Some("length") => {
                return Err(malformed(
                    "completion truncated at max_completion_tokens".into(),
                ));
            }
            Some("content_filter") => {
                return Err(malformed("completion withheld by a content filter".into()));
            }
            Some(reason @ ("tool_calls" | "function_call")) => {
                return Err(malformed(format!("completion ended with {reason}")));
            }
            // "stop", and whatever else a compatible server reports (some
            // send null or their own words): the content decides.
            _ => {}
        }
        let message = choice.message.unwrap_or_default();
        if let Some(refusal) = message.refusal.filter(|r| !r.trim().is_empty()) {
            return Err(malformed(format!(
                "model refused: {}",
                snippet(refusal.as_bytes())
            )));
        }
        let Some(content) = message.content else {
            return Err(malformed("completion has no content".into()));
        };
        parse_translations(&content).ok_or_else(|| {
            malformed(format!(
                "content is not a JSON list of translations: {}",
                snippet(content.as_bytes())
            ))
        })
    }

    /// OpenAI answers 429 both for "slow down" and for "out of credit";
    /// only the error's `code` (or `type`) `insufficient_quota` tells them
    /// apart, and only the first is worth retrying.
    fn status_error(&self, reply: &HttpReply) -> ProviderError {
        let error = serde_json::from_slice::<ErrorResponse>(&reply.body)
            .ok()
            .and_then(|r| r.error);
        let status = reply.status.as_u16();
        let detail = match &error {
            Some(error) => {
                let kind = [error.r#type.as_deref(), error.code.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("/");
                // OpenAI's 401 message quotes part of the key it was given.
                let message = if status == 401 {
                    "(message withheld: it may quote the key)".to_owned()
                } else {
                    scrub(error.message.as_deref().unwrap_or_default(), &self.api_key)
                };
                format!("HTTP {status} {kind}: {}", snippet(message.as_bytes()))
            }
            None => format!(
                "HTTP {status} {}",
                snippet(scrub(&String::from_utf8_lossy(&reply.body), &self.api_key).as_bytes())
            ),
        };
        let out_of_quota = error.as_ref().is_some_and(|e| {
            e.code.as_deref() == Some("insufficient_quota")
                || e.r#type.as_deref() == Some("insufficient_quota")
        });
        if reply.status == reqwest::StatusCode::TOO_MANY_REQUESTS && out_of_quota {
            return ProviderError::QuotaExhausted {
                provider: NAME,
                detail,
            };
        }
        classify_status_with(NAME, reply, detail)
    }
}

impl TranslationProvider for OpenAiCompatible {
    fn name(&self) -> &'static str {
        NAME
    }

    /// The model is part of what produced a translation: a different model
    /// behind the same endpoint is a different translator for the memory.
    fn model(&self) -> String {
        format!("{NAME}:{}", self.model)
    }

    /// The output, not the input, is what runs out: every translated unit
    /// must fit in `max_completion_tokens` together with the JSON around it,
    /// the placeholder tags and, on reasoning models, the reasoning tokens.
    /// Japanese runs about one token per character and so does Chinese or
    /// Korean output (English needs fewer), so a batch gets half the token
    /// budget in source characters, leaving the other half as headroom. A
    /// batch that still overflows ends with `finish_reason: length` and is
    /// reported as malformed, not served. Request bytes need no bound of
    /// their own: they follow from the characters, far below any context
    /// window.
    fn limits(&self) -> Limits {
        Limits {
            max_items: MAX_ITEMS,
            max_bytes: usize::MAX,
            max_chars: (self.max_completion_tokens as usize / 2).max(1),
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
        Box::pin(self.translate(texts, from, to))
    }
}

/// How the prompt names the source.
const SOURCE_NAME: &str = "Japanese (ja)";

/// The rules every prompt ends with: what the schema enforces (the count),
/// restated because compatible servers may ignore `response_format`, and
/// the placeholder forms spelt out, because a model that has not been told
/// will "fix" them into HTML or drop them.
fn string_rules(count: usize, verb: &str) -> String {
    let only = if verb == "translation" {
        "Translate only: add no explanations, notes, quotes or text that is not \
         in the source, and leave nothing out."
    } else {
        "Add no notes, comments or text of your own beyond the explanations rule b \
         asks for, and leave nothing out."
    };
    format!(
        "1. Keep every tag exactly as written: paired tags such as <b1>…</b1> and \
         empty tags such as <x2/> and <p3/>. Return the same number of tags with the \
         same ids, properly nested; a paired tag wraps the {verb} of the words \
         it wrapped. <pN/> stands for a name, number, date or address inserted later: \
         keep it where it belongs in the sentence.\n\
         2. Keep the escaping: &lt;, &gt; and &amp; stay as they are; never write a \
         bare <, > or & that was not a tag.\n\
         3. {only}\n\
         4. Return a JSON object {{\"translations\": [...]}} holding exactly {count} \
         strings, the {verb} of each input string, in the same order."
    )
}

/// The instructions for a translation into the language the prompt calls
/// `target`: named in English, which models follow best, with its BCP 47
/// tag, which leaves no doubt about the script (see `[languages.known]`:
/// "Taiwan usage" for Traditional Chinese, Unicode for Burmese).
fn system_prompt(target: &str, count: usize) -> String {
    if target == EASY_JAPANESE {
        return format!(
            "{EASY_JAPANESE_PROMPT}\nRules for the strings:\n{}",
            string_rules(count, "rewrite")
        );
    }
    let source = SOURCE_NAME;
    format!(
        "You translate Japanese government announcements for foreign residents.\n\
         The user message is a JSON array of {count} strings in {source}. \
         Translate each string of the JSON array from {source} into {target}.\n\
         Rules:\n{}",
        string_rules(count, "translation")
    )
}

/// What the model is told about やさしい日本語, rule by rule after the
/// guidelines' steps 1 and 2 (information and words); step 3, checking
/// with readers, is the translators' review.
pub const EASY_JAPANESE_PROMPT: &str = "You rewrite Japanese government announcements into \
やさしい日本語 (Easy Japanese) for foreign residents of Japan whose Japanese is basic, \
following the national guidelines 在留支援のためのやさしい日本語ガイドライン \
(Immigration Services Agency and Agency for Cultural Affairs, 2020).\n\
The user message is a JSON array of strings in Japanese (ja). Rewrite each string of the \
JSON array into やさしい日本語, keeping its meaning whole.\n\
Writing rules:\n\
a. Short sentences with a simple structure: one piece of information in each sentence; \
split a long sentence into several. End every sentence with です or ます.\n\
b. Plain, everyday words. Replace a difficult word with an easy one; keep a word the \
reader needs (a name, the name of a system or a place) and explain it briefly in brackets \
after it. No abbreviations, no double negatives, no vague or roundabout wording.\n\
c. No honorifics: no 尊敬語 or 謙譲語 (ご覧ください becomes 見てください, 開催いたします \
becomes します).\n\
d. Years in the Western calendar with the Japanese era in brackets: 2025年（令和7年）. \
Times with 午前 or 午後, not the 24-hour clock; a range with から and まで, never 〜.\n\
e. Readings: after each word written in kanji, the first time it appears in a string, its \
reading in hiragana in full-width brackets, as in 参加費（さんかひ）.\n\
f. Write Japanese only: never translate into another language.";

/// Structured Outputs: strict mode needs an object at the root, every
/// property required and no others allowed.
fn response_format(count: usize) -> Value {
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
                        "items": {"type": "string"},
                        "minItems": count,
                        "maxItems": count
                    }
                },
                "required": ["translations"],
                "additionalProperties": false
            }
        }
    })
}

/// The translations in the model's content: the object the schema asks for,
/// or a bare array, which servers without Structured Outputs often return.
/// A Markdown code fence around either is tolerated for the same reason.
fn parse_translations(content: &str) -> Option<Vec<String>> {
    let trimmed = content.trim();
    let unfenced = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .and_then(|inner| inner.trim_end().strip_suffix("```"))
        .unwrap_or(trimmed);
    let value: Value = serde_json::from_str(unfenced.trim()).ok()?;
    let list = match value {
        Value::Array(list) => list,
        Value::Object(mut object) => match object.remove("translations")? {
            Value::Array(list) => list,
            _ => return None,
        },
        _ => return None,
    };
    list.into_iter()
        .map(|item| match item {
            Value::String(text) => Some(text),
            _ => None,
        })
        .collect()
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    /// Always 0: the same unit should get the same translation every time
    /// it is sent, since the memory keeps whichever one came first.
    temperature: u8,
    max_completion_tokens: u32,
    messages: [Message; 2],
    response_format: Value,
}

#[derive(Serialize)]
struct Message {
    role: &'static str,
    content: String,
}

#[derive(Deserialize)]
struct ChatResponse {
    #[serde(default)]
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    message: Option<ResponseMessage>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize, Default)]
struct ResponseMessage {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
}

#[derive(Deserialize)]
struct ErrorResponse {
    error: Option<ApiError>,
}

#[derive(Deserialize)]
struct ApiError {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    r#type: Option<String>,
    #[serde(default)]
    code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Option<Vec<String>> {
        Some(items.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn content_forms_that_are_accepted() {
        assert_eq!(
            parse_translations(r#"{"translations":["a","b"]}"#),
            strings(&["a", "b"])
        );
        assert_eq!(parse_translations(r#" ["a"] "#), strings(&["a"]));
        assert_eq!(
            parse_translations("```json\n{\"translations\":[\"a\"]}\n```"),
            strings(&["a"])
        );
        assert_eq!(parse_translations("```\n[\"a\"]\n```"), strings(&["a"]));
    }

    #[test]
    fn content_forms_that_are_not() {
        assert_eq!(parse_translations("Here you go: a, b"), None);
        assert_eq!(parse_translations(r#"{"result":["a"]}"#), None);
        assert_eq!(parse_translations(r#"{"translations":"a"}"#), None);
        assert_eq!(parse_translations(r#"["a", 1]"#), None);
        assert_eq!(parse_translations(r#""a""#), None);
    }

    #[test]
    fn the_prompt_names_the_target_and_keeps_the_rules() {
        let prompt = system_prompt("Thai (th, ภาษาไทย)", 3);
        assert!(prompt.contains("from Japanese (ja) into Thai (th, ภาษาไทย)"));
        assert!(prompt.contains("exactly 3"));
        let easy = system_prompt(EASY_JAPANESE, 2);
        assert!(easy.contains("やさしい日本語ガイドライン"));
        assert!(easy.contains("2025年（令和7年）"));
        assert!(easy.contains("exactly 2"));
        assert!(easy.contains("<p3/>"));
        assert!(!easy.contains("Translate each string"));
    }
}
