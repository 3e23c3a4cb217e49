//! The QA gate: what a machine translation must pass before it is served or remembered.
//!
//! honyaku's promise is that a translated notice may read awkwardly but never states a wrong
//! date, fee, phone number or ID. So the gate checks meaning where it can be checked without
//! understanding the text, and refuses:
//!
//! - output that is empty, or whose placeholders (`token`: protected tokens; `markup`:
//!   inline markup) did not come back exactly once and in place;
//! - a number whose value changed or went missing (`number`; see [`numbers`]);
//! - Japanese sent back as it came (`echo`) or text not in the target's script (`script`;
//!   see [`script`]);
//! - a bracketed phrase dropped, or a length out of all proportion (`lost`, `length`; see
//!   [`lost`]);
//! - and, for a whole batch, the same answer given to many different sources (`batch`);
//! - for Easy Japanese, sentences no shorter than the source's (`sentences`; see [`easy`]).
//!
//! Each reason has a stable code (for the API, the translators' view and `/metrics`) and a
//! message a person reads. The bundled translations of the announcement pass every check;
//! `tests/it/qa.rs` holds that test and the property that a hostile provider never gets
//! its output through.

pub mod easy;
mod forms;
pub mod lost;
pub mod numbers;
pub mod script;

use std::collections::HashMap;
use std::fmt;

use crate::i18n::Lang;
use crate::placeholder::{self, Piece, PlaceholderError};
use crate::protect::{self, Protected};

/// Why a machine translation of a unit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QaError {
    Empty,
    /// A protected token's placeholder was lost, doubled or invented.
    Token(protect::RestoreError),
    /// An inline-markup placeholder was lost, doubled or moved.
    Markup(PlaceholderError),
    /// A number of the source is not in the translation; `found` is what stands in its place.
    Number {
        expected: String,
        found: Option<String>,
    },
    /// The provider sent the Japanese back.
    Echo,
    Script(script::ScriptProblem),
    Lost(lost::Lost),
    /// This many different sources of the batch got this same output.
    Batch {
        sources: usize,
        output: String,
    },
    /// An Easy Japanese rewrite whose sentences are not clearly shorter than the source's
    /// (characters per sentence on average, readings not counted; see [`easy`]).
    Sentences {
        source: usize,
        output: usize,
    },
}

impl QaError {
    /// Every code, in the order `/metrics` lists them.
    pub const CODES: [&'static str; 10] = [
        "empty",
        "token",
        "markup",
        "number",
        "echo",
        "script",
        "lost",
        "length",
        "batch",
        "sentences",
    ];

    /// A stable lower-case code for the reason.
    pub fn code(&self) -> &'static str {
        match self {
            QaError::Empty => "empty",
            QaError::Token(_) => "token",
            QaError::Markup(_) => "markup",
            QaError::Number { .. } => "number",
            QaError::Echo => "echo",
            QaError::Script(_) => "script",
            QaError::Lost(lost::Lost::Phrase(_)) => "lost",
            QaError::Lost(lost::Lost::Length { .. }) => "length",
            QaError::Batch { .. } => "batch",
            QaError::Sentences { .. } => "sentences",
        }
    }

    /// The reason in `lang`, for translators (the editor); [`fmt::Display`] gives it in
    /// English for logs and the APIs.
    pub fn localized(&self, locales: &crate::i18n::Locales, lang: Lang) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        let id = match self {
            QaError::Empty => "qa-refused-empty",
            QaError::Token(e) => {
                args.set("placeholder", token_name(e));
                "qa-refused-token"
            }
            QaError::Markup(_) => {
                args.set("detail", self.to_string());
                "qa-refused-markup"
            }
            QaError::Number {
                expected,
                found: Some(found),
            } => {
                args.set("expected", expected.clone());
                args.set("found", found.clone());
                "qa-refused-number-changed"
            }
            QaError::Number { expected, .. } => {
                args.set("expected", expected.clone());
                "qa-refused-number-missing"
            }
            QaError::Echo => "qa-refused-echo",
            QaError::Script(script::ScriptProblem::Kana(sample)) => {
                args.set("sample", sample.clone());
                "qa-refused-script-kana"
            }
            QaError::Script(script::ScriptProblem::Missing(_)) => "qa-refused-script-missing",
            QaError::Script(script::ScriptProblem::WrongChinese { found, .. }) => {
                args.set("found", found.clone());
                "qa-refused-script-chinese"
            }
            QaError::Lost(lost::Lost::Phrase(phrase)) => {
                args.set("phrase", phrase.clone());
                "qa-refused-lost"
            }
            QaError::Lost(lost::Lost::Length { tenths, min, max }) => {
                let tenths_str = |t: &u32| format!("{}.{}", t / 10, t % 10);
                args.set("ratio", tenths_str(tenths));
                args.set("min", tenths_str(min));
                args.set("max", tenths_str(max));
                "qa-refused-length"
            }
            QaError::Batch { sources, output } => {
                args.set("sources", *sources);
                args.set("output", output.clone());
                "qa-refused-batch"
            }
            QaError::Sentences { source, output } => {
                args.set("expected", *source);
                args.set("found", *output);
                "qa-refused-sentences"
            }
        };
        locales.t_args(lang, id, &args)
    }
}

impl fmt::Display for QaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QaError::Empty => f.write_str("the translation is empty"),
            QaError::Token(e) => match e {
                protect::RestoreError::Missing { .. } => write!(
                    f,
                    "a date, number or address of the Japanese (placeholder {}) is missing",
                    token_name(e)
                ),
                protect::RestoreError::Duplicated { .. } => write!(
                    f,
                    "a date, number or address of the Japanese (placeholder {}) appears twice",
                    token_name(e)
                ),
                protect::RestoreError::Unknown { .. } => write!(
                    f,
                    "the translation has a placeholder {} that the Japanese does not",
                    token_name(e)
                ),
            },
            QaError::Markup(e) => write_markup(f, e),
            QaError::Number {
                expected,
                found: Some(found),
            } => write!(f, "number {expected} became {found}"),
            QaError::Number {
                expected,
                found: None,
            } => write!(f, "number {expected} is missing"),
            QaError::Echo => f.write_str("the provider sent the Japanese back untranslated"),
            QaError::Script(p) => write!(f, "{p}"),
            QaError::Lost(l) => write!(f, "{l}"),
            QaError::Batch { sources, output } => write!(
                f,
                "{sources} different sentences of the batch all came back as \u{201c}{output}\u{201d}"
            ),
            QaError::Sentences { source, output } => write!(
                f,
                "the sentences are not shorter than the Japanese ones ({output} characters on average, the Japanese {source})"
            ),
        }
    }
}

impl std::error::Error for QaError {}

fn token_name(e: &protect::RestoreError) -> String {
    let n = match e {
        protect::RestoreError::Missing { placeholder }
        | protect::RestoreError::Duplicated { placeholder }
        | protect::RestoreError::Unknown { placeholder } => placeholder,
    };
    protect::placeholder(*n)
}

/// Markup problems in words: what a translator sees is a link or emphasis, not a tree.
fn write_markup(f: &mut fmt::Formatter<'_>, e: &PlaceholderError) -> fmt::Result {
    let tag = |p: &placeholder::Placeholder| match p.kind {
        placeholder::PlaceholderKind::Paired => format!("<{p}>…</{p}>"),
        _ => format!("<{p}/>"),
    };
    match e {
        PlaceholderError::Missing(p) => {
            write!(f, "the markup {} of the Japanese is missing", tag(p))
        }
        PlaceholderError::Extra(p) => {
            write!(
                f,
                "the translation has markup {} that the Japanese does not",
                tag(p)
            )
        }
        PlaceholderError::Duplicated(p) => write!(f, "the markup {} appears twice", tag(p)),
        PlaceholderError::Unclosed(p) => write!(f, "the markup <{p}> is opened but not closed"),
        PlaceholderError::UnexpectedClose(p) => {
            write!(f, "the markup </{p}> closes something never opened")
        }
        PlaceholderError::Misnested { expected, found } => write!(
            f,
            "the markup </{found}> is closed while <{expected}> inside it is still open"
        ),
        PlaceholderError::Moved {
            placeholder,
            expected,
            found,
        } => {
            let place = |p: &Option<placeholder::Placeholder>| match p {
                Some(p) => format!("inside {}", tag(p)),
                None => "outside any other markup".to_owned(),
            };
            write!(
                f,
                "the markup {} moved from {} to {}",
                tag(placeholder),
                place(expected),
                place(found)
            )
        }
        PlaceholderError::Malformed(text) => write!(f, "the translation has a broken tag {text}"),
        PlaceholderError::InvalidSource => f.write_str("the Japanese itself has broken markup"),
    }
}

/// The plain text of placeholder-form text: unescaped, without tags.
pub fn plain(text: &str) -> String {
    match placeholder::pieces(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => placeholder::unescape_text(t),
                _ => " ".to_owned(),
            })
            .collect(),
        Err(_) => placeholder::unescape_text(text),
    }
}

/// Japanese letters of the source, outside tags: how much there is to judge.
fn japanese_letters(source_plain: &str) -> usize {
    source_plain
        .chars()
        .filter(|&c| script::is_japanese_letter(c))
        .count()
}

/// A source with at least this many Japanese letters must come out in the target's script.
const JUDGED_LETTERS: usize = 2;

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The gate for one unit's machine translation: `protected` is what the provider was sent
/// (the source with its tokens, and glossary terms, cut out) and `machine` its answer.
/// Returns the text to serve, tokens rendered for `to`.
pub fn qa_gate(
    source: &str,
    protected: &Protected,
    machine: &str,
    to: Lang,
) -> Result<String, QaError> {
    if placeholder::unescape_text(machine).trim().is_empty() {
        return Err(QaError::Empty);
    }
    if is_echo(&protected.text, machine, to) {
        return Err(QaError::Echo);
    }
    let restored = protect::restore(machine, &protected.tokens, to).map_err(QaError::Token)?;
    placeholder::check_placeholders(source, &restored).map_err(QaError::Markup)?;
    check(source, protected, &restored, to)?;
    Ok(restored)
}

/// Whether `output` is `original` sent back, when that has letters the target does not
/// write: a Japanese sentence echoed. `(1)`, `URL` or a unit that is all tokens (`<p1/>`)
/// may come back as they are, and so may 小林 淳 in Chinese.
fn is_echo(original: &str, output: &str, to: Lang) -> bool {
    let foreign = plain(original).chars().any(|c| script::foreign_to(c, to));
    foreign && normalized(output) == normalized(original)
}

/// The checks of meaning on a finished translation (placeholder form, tokens rendered) of
/// `source`, whose protected form is `protected`: what the gate runs after restoring, and
/// what bundled translations are tested with.
pub fn check(
    source: &str,
    protected: &Protected,
    translation: &str,
    to: Lang,
) -> Result<(), QaError> {
    let source_plain = plain(source);
    let translation_plain = plain(translation);
    if is_echo(source, translation, to) {
        return Err(QaError::Echo);
    }
    // Judged by the Japanese left for the provider: a unit whose Japanese
    // is all tokens (a date, a phone extension) is rendered by us, and in a
    // language whose renderings are ISO forms it has no letter of its own.
    let judged = japanese_letters(&plain(&protected.text)) >= JUDGED_LETTERS;
    script::check(&translation_plain, to, judged).map_err(QaError::Script)?;
    numbers::check(protected, translation, to).map_err(|m| QaError::Number {
        expected: m.expected,
        found: m.found,
    })?;
    // Brackets a token brings with it (a date's （星期三）, an extension's (ext. 5520)) do
    // not stand for a phrase of the source: counted without them.
    let mut free = translation_plain.clone();
    for token in &protected.tokens {
        let rendered = protect::render(token, to);
        if let Some(at) = free.find(&rendered) {
            free.replace_range(at..at + rendered.len(), " ");
        }
    }
    lost::check_phrases(&plain(&protected.text), &free).map_err(QaError::Lost)?;
    lost::check_length(&source_plain, &translation_plain, to).map_err(QaError::Lost)?;
    if to == Lang::JaEasy {
        easy::check(&source_plain, &translation_plain)
            .map_err(|(source, output)| QaError::Sentences { source, output })?;
    }
    Ok(())
}

/// Sources of one batch giving the same answer that make it junk: at least this many
/// distinct sources, and at least a quarter of those judged in the batch.
const BATCH_SAME: usize = 3;

/// The batch check: `units` are (source, provider output) of one provider's answer to one
/// call. When at least [`BATCH_SAME`] different sources with Japanese to judge, and a
/// quarter of all such sources, got one same output, the provider answered junk and the
/// whole batch is refused.
pub fn batch(units: &[(&str, &str)]) -> Option<QaError> {
    let mut by_output: HashMap<String, Vec<&str>> = HashMap::new();
    let mut judged = 0;
    for (source, output) in units {
        if japanese_letters(&plain(source)) < JUDGED_LETTERS {
            continue;
        }
        judged += 1;
        let sources = by_output.entry(normalized(&plain(output))).or_default();
        if !sources.contains(source) {
            sources.push(source);
        }
    }
    let (output, sources) = by_output.into_iter().max_by_key(|(_, s)| s.len())?;
    let n = sources.len();
    (n >= BATCH_SAME && n * 4 >= judged).then(|| QaError::Batch {
        sources: n,
        output: output.chars().take(40).collect(),
    })
}

/// Refusals by reason and target language, for `/metrics`. Refusals are rare, so one lock
/// over a small map is all it takes.
#[derive(Debug, Default)]
pub struct Refusals {
    counts: std::sync::Mutex<std::collections::BTreeMap<(usize, Lang), u64>>,
}

impl Refusals {
    pub fn record(&self, error: &QaError, lang: Lang) {
        let reason = QaError::CODES
            .iter()
            .position(|&c| c == error.code())
            .unwrap_or(0);
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        *counts.entry((reason, lang)).or_default() += 1;
    }

    /// Prometheus samples, `reason="number",lang="en"` and the count, for every pair
    /// counted at least once.
    pub fn samples(&self) -> Vec<(String, u64)> {
        self.snapshot()
            .into_iter()
            .map(|(code, lang, n)| (format!("reason=\"{code}\",lang=\"{}\"", lang.code()), n))
            .collect()
    }

    /// (reason, language, count) for every pair counted at least once, by reason in the
    /// order of [`QaError::CODES`], then by language.
    pub fn snapshot(&self) -> Vec<(&'static str, Lang, u64)> {
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        counts
            .iter()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(&(reason, lang), &n)| {
                QaError::CODES.get(reason).map(|code| (*code, lang, n))
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
