//! The glossary: per target language, Japanese terms and the translation
//! each must have. Ministries name their own bodies and programmes one way
//! (厚生労働省 is "Ministry of Health, Labour and Welfare", never "Ministry of
//! Welfare and Labor"), and a reader who searches for the official name must
//! find it; MT left to itself picks a different rendering from page to page.
//!
//! This module holds the glossary's rules, apart from HTTP: what an entry
//! may hold ([`validate`], applied by [`put`] and [`import`] before the
//! store is asked to keep anything), finding the terms of a unit ([`Glossary::find`]), the
//! per-unit glossary version that goes into translation-memory keys
//! ([`Glossary::unit_version`]), substituting terms by protected
//! placeholders ([`substitute`]) and the CSV exchange format ([`to_csv`],
//! [`parse_csv`]).

use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::i18n::Lang;
use crate::model::GlossaryEntry;
use crate::protect::{self, Protected, Token, TokenKind, TokenValue};
use crate::store::{Store, StoreError};

/// Longest term accepted, in characters. A glossary term names a thing; a
/// longer "term" is a sentence, which belongs in an override.
pub const MAX_TERM_CHARS: usize = 200;

/// Longest required translation, in characters: DeepL refuses glossary texts
/// over 1024 UTF-8 bytes, and 250 characters of at most 4 bytes stay under.
pub const MAX_TRANSLATION_CHARS: usize = 250;

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Why an entry is refused; the same on every backend and every surface.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GlossaryError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} has spaces at its start or end")]
    Untrimmed { field: &'static str },
    #[error("{field} contains a control character")]
    ControlCharacter { field: &'static str },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("Japanese is the source language; a glossary is for a target language")]
    SourceLanguage,
}

/// Checks an entry before it is stored.
pub fn validate(entry: &GlossaryEntry) -> Result<(), GlossaryError> {
    if entry.target_lang.is_source() {
        return Err(GlossaryError::SourceLanguage);
    }
    for (field, value, max) in [
        ("term", &entry.term, MAX_TERM_CHARS),
        ("translation", &entry.translation, MAX_TRANSLATION_CHARS),
    ] {
        if value.is_empty() {
            return Err(GlossaryError::Empty { field });
        }
        if value.trim() != value {
            return Err(GlossaryError::Untrimmed { field });
        }
        if value.chars().any(char::is_control) {
            return Err(GlossaryError::ControlCharacter { field });
        }
        if value.chars().count() > max {
            return Err(GlossaryError::TooLong { field, max });
        }
    }
    // A note may span lines; nothing else invisible.
    if entry
        .note
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(GlossaryError::ControlCharacter { field: "note" });
    }
    if entry.note.chars().count() > MAX_NOTE_CHARS {
        return Err(GlossaryError::TooLong {
            field: "note",
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(())
}

/// Why a glossary change was not made.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryWriteError {
    /// The entry of `term` breaks a rule of [`validate`]; nothing was
    /// written.
    #[error("glossary entry {term:?}: {error}")]
    Invalid { term: String, error: GlossaryError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn checked(entry: &GlossaryEntry) -> Result<(), GlossaryWriteError> {
    validate(entry).map_err(|error| GlossaryWriteError::Invalid {
        term: entry.term.clone(),
        error,
    })
}

/// Checks `entry` and stores it, added or replacing the entry of its term;
/// returns it as stored (stamped with the time of the change).
pub async fn put(
    store: &dyn Store,
    entry: &GlossaryEntry,
) -> Result<GlossaryEntry, GlossaryWriteError> {
    checked(entry)?;
    Ok(store.glossary_put(entry).await?)
}

/// Checks every entry and stores them in one transaction, all or none (see
/// [`Store::glossary_import`]); returns how many were stored.
pub async fn import(
    store: &dyn Store,
    target: Lang,
    entries: &[GlossaryEntry],
    replace_all: bool,
) -> Result<usize, GlossaryWriteError> {
    for entry in entries {
        checked(entry)?;
    }
    Ok(store.glossary_import(target, entries, replace_all).await?)
}

/// A term and its required translation, as applied to machine translation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    pub term: String,
    pub translation: String,
}

/// The glossary of one target language, ready to be matched against units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glossary {
    pub target: Lang,
    /// Sorted by term (byte order), so the content hash is stable.
    terms: Vec<Term>,
    /// Each term as it appears in unit text (XML-escaped), with its index in
    /// `terms`, longest first.
    patterns: Vec<(String, usize)>,
    content_hash: u64,
}

/// A term found in a unit: the byte range in the unit text and the index
/// of the term in [`Glossary::terms`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub term: usize,
}

impl Glossary {
    pub fn new(target: Lang, entries: impl IntoIterator<Item = Term>) -> Self {
        let mut terms: Vec<Term> = entries.into_iter().filter(|t| !t.term.is_empty()).collect();
        terms.sort();
        terms.dedup_by(|a, b| a.term == b.term);
        let mut patterns: Vec<(String, usize)> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (escape(&t.term), i))
            .collect();
        patterns.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then_with(|| a.0.cmp(&b.0))
        });
        let content_hash = hash_terms(terms.iter());
        Self {
            target,
            terms,
            patterns,
            content_hash,
        }
    }

    /// A glossary from stored entries of `target` (others are ignored).
    pub fn from_entries(target: Lang, entries: &[GlossaryEntry]) -> Self {
        Self::new(
            target,
            entries
                .iter()
                .filter(|e| e.target_lang == target)
                .map(|e| Term {
                    term: e.term.clone(),
                    translation: e.translation.clone(),
                }),
        )
    }

    pub fn empty(target: Lang) -> Self {
        Self::new(target, [])
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// A hash of every (term, translation): names this glossary's content,
    /// for a provider that keeps a copy of it (DeepL).
    pub fn content_hash(&self) -> u64 {
        self.content_hash
    }

    /// The terms occurring in the text parts of `unit` (placeholder form),
    /// never inside a placeholder tag: inline markup and protected tokens
    /// (`<p3/>`) are opaque. Longer terms win over shorter ones they overlap
    /// (労働者協同組合 over 協同組合, whichever comes first in the text);
    /// among terms of one length, the earlier occurrence. The result is
    /// non-overlapping and in text order.
    pub fn find(&self, unit: &str) -> Vec<TermMatch> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let runs = text_runs(unit);
        let mut taken: Vec<TermMatch> = Vec::new();
        // Patterns are longest first, so a greedy pass gives longest-first.
        for (pattern, term) in &self.patterns {
            for &(run_start, run_end) in &runs {
                let Some(run) = unit.get(run_start..run_end) else {
                    continue;
                };
                for (offset, _) in run.match_indices(pattern.as_str()) {
                    let start = run_start + offset;
                    let end = start + pattern.len();
                    if taken.iter().all(|m| end <= m.start || start >= m.end) {
                        taken.push(TermMatch {
                            start,
                            end,
                            term: *term,
                        });
                    }
                }
            }
        }
        taken.sort_by_key(|m| m.start);
        taken
    }

    /// The glossary version of a unit in which `matches` were found: 0 when
    /// none, otherwise a stable positive 63-bit hash of the (term,
    /// translation) pairs that occur. It is part of the translation-memory
    /// key, so changing a term re-translates exactly the units that contain
    /// it and no others.
    pub fn unit_version(&self, matches: &[TermMatch]) -> i64 {
        if matches.is_empty() {
            return 0;
        }
        let mut used: Vec<&Term> = matches
            .iter()
            .filter_map(|m| self.terms.get(m.term))
            .collect();
        used.sort();
        used.dedup();
        let hash = hash_terms(used.into_iter()) & (i64::MAX as u64);
        i64::try_from(hash).unwrap_or(1).max(1)
    }

    /// The required translation of a match.
    pub fn translation(&self, m: &TermMatch) -> Option<&str> {
        self.terms.get(m.term).map(|t| t.translation.as_str())
    }
}

/// A glossary shared between the translator's cache and its callers.
pub type SharedGlossary = Arc<Glossary>;

fn hash_terms<'a>(terms: impl Iterator<Item = &'a Term>) -> u64 {
    let mut hasher = Sha256::new();
    for t in terms {
        // Neither part can contain a control character, so these separate.
        hasher.update(t.term.as_bytes());
        hasher.update(b"\t");
        hasher.update(t.translation.as_bytes());
        hasher.update(b"\n");
    }
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    u64::from_be_bytes(first)
}

/// Byte ranges of the text between placeholder tags.
fn text_runs(unit: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut in_tag = false;
    for (i, c) in unit.char_indices() {
        match (c, in_tag) {
            ('<', false) => {
                if i > start {
                    runs.push((start, i));
                }
                in_tag = true;
            }
            ('>', true) => {
                in_tag = false;
                start = i + 1;
            }
            _ => {}
        }
    }
    if !in_tag && unit.len() > start {
        runs.push((start, unit.len()));
    }
    runs
}

/// Unit text is XML-escaped; a term is matched as it appears there.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Replaces each matched term of `protected` (whose text the matches were
/// found in) by a protected placeholder whose rendering in the target is
/// the required translation: MT cannot change it, and the QA gate checks
/// that it came back exactly once.
pub fn substitute(protected: &Protected, glossary: &Glossary, matches: &[TermMatch]) -> Protected {
    let mut text = String::with_capacity(protected.text.len());
    let mut tokens = protected.tokens.clone();
    let mut at = 0;
    for m in matches {
        let (Some(before), Some(source), Some(translation)) = (
            protected.text.get(at..m.start),
            protected.text.get(m.start..m.end),
            glossary.translation(m),
        ) else {
            continue;
        };
        text.push_str(before);
        tokens.push(Token {
            kind: TokenKind::Glossary,
            source: source.to_owned(),
            value: TokenValue::Glossary {
                translation: translation.to_owned(),
            },
        });
        text.push_str(&protect::placeholder(tokens.len()));
        at = m.end;
    }
    text.push_str(protected.text.get(at..).unwrap_or_default());
    Protected { text, tokens }
}

/// Whether `translated` (a provider's output, placeholder form, before the
/// protected tokens are restored) holds the required translation of every
/// term matched in its source, as many times as the term occurred. Used to
/// check a provider that applied the glossary itself.
pub fn enforced(translated: &str, glossary: &Glossary, matches: &[TermMatch]) -> bool {
    let text = crate::placeholder::unescape_text(translated);
    let mut needed: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for m in matches {
        if let Some(t) = glossary.translation(m) {
            *needed.entry(t).or_default() += 1;
        }
    }
    needed
        .into_iter()
        .all(|(translation, count)| text.matches(translation).count() >= count)
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): the exchange format for translators' tools and spreadsheets.

/// The header row of an export, and what an import expects first.
pub const CSV_HEADER: [&str; 3] = ["term", "translation", "note"];

/// The entries as CSV: a header row `term,translation,note`, CRLF line ends,
/// fields quoted when they hold a comma, quote, CR or LF. No byte-order
/// mark: it is optional in UTF-8 and trips up tools that do not expect it;
/// the import accepts one.
pub fn to_csv(entries: &[GlossaryEntry]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let rows = std::iter::once(CSV_HEADER.map(std::borrow::Cow::Borrowed)).chain(
        entries
            .iter()
            .map(|e| [defused(&e.term), defused(&e.translation), defused(&e.note)]),
    );
    for row in rows {
        // Writing into memory cannot fail.
        let _ = writer.write_record(row.iter().map(|f| f.as_bytes()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every field written was a &str, so the output is UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Spreadsheets run a cell that starts with one of these as a formula.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// A field as written to the CSV: a leading `'` keeps a spreadsheet from
/// running it as a formula ([`import_csv`] takes it off again).
fn defused(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(FORMULA_STARTS) || field.starts_with('\'') {
        std::borrow::Cow::Owned(format!("'{field}"))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

/// The reverse of [`defused`].
fn restored(field: &str) -> String {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest.to_owned(),
        _ => field.to_owned(),
    }
}

/// A CSV that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("row {row}: a quoted field is not closed")]
    UnclosedQuote { row: usize },
    #[error("row {row}: text after a closing quote")]
    TextAfterQuote { row: usize },
    #[error("row {row}: {detail}")]
    Unreadable { row: usize, detail: String },
}

/// Rows of fields. Accepts LF, CR or CRLF line ends, quoted fields with
/// commas, doubled quotes and line breaks inside, a UTF-8 byte-order mark,
/// and no final line end; blank lines are skipped. Row numbers in errors
/// count records from 1 (the header is row 1).
pub fn parse_csv(input: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    check_quotes(input)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::Unreadable {
            row: rows.len() + 1,
            detail: e.to_string(),
        })?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

/// The csv crate reads a quote left open as running to the end of the
/// file, and text after a closing quote as part of the field: both are
/// hand edits gone wrong that would silently change what is imported, so
/// they are refused, naming the record, before the file is read.
fn check_quotes(input: &str) -> Result<(), CsvError> {
    let mut row = 1;
    let mut quoted = false;
    let mut after_quote = false;
    let mut field_start = true;
    let mut row_has_content = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                    after_quote = true;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                field_start = false;
                row_has_content = true;
            }
            ',' => {
                after_quote = false;
                field_start = true;
                row_has_content = true;
            }
            '\r' | '\n' => {
                if row_has_content {
                    row += 1;
                }
                after_quote = false;
                field_start = true;
                row_has_content = false;
            }
            _ if after_quote => return Err(CsvError::TextAfterQuote { row }),
            _ => {
                field_start = false;
                row_has_content = true;
            }
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote { row });
    }
    Ok(())
}

/// One row of an import that cannot be taken, numbered as a spreadsheet
/// shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub row: usize,
    pub message: String,
}

/// Reads an imported CSV into entries of `target` by `author`: every row
/// checked, all problems reported together, so a translator fixes the file
/// once. A first row equal to the header (any case) is skipped; the note
/// column is optional.
pub fn import_csv(
    input: &str,
    target: Lang,
    author: &str,
) -> Result<Vec<GlossaryEntry>, Vec<RowError>> {
    let rows = parse_csv(input).map_err(|e| {
        vec![RowError {
            row: match e {
                CsvError::UnclosedQuote { row }
                | CsvError::TextAfterQuote { row }
                | CsvError::Unreadable { row, .. } => row,
            },
            message: e.to_string(),
        }]
    })?;
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let now = crate::clock::now_ms();
    for (i, fields) in rows.iter().enumerate() {
        let row = i + 1;
        if i == 0
            && fields
                .iter()
                .map(|f| f.trim().to_ascii_lowercase())
                .take(2)
                .eq(CSV_HEADER.iter().take(2).map(|h| (*h).to_owned()))
        {
            continue;
        }
        if !(2..=3).contains(&fields.len()) {
            errors.push(RowError {
                row,
                message: format!(
                    "expected 2 or 3 fields (term,translation,note), found {}",
                    fields.len()
                ),
            });
            continue;
        }
        let field = |n: usize| fields.get(n).map(|f| restored(f)).unwrap_or_default();
        let entry = GlossaryEntry {
            target_lang: target,
            term: field(0),
            translation: field(1),
            note: field(2),
            author: author.to_owned(),
            updated_at: now,
        };
        if let Err(e) = validate(&entry) {
            errors.push(RowError {
                row,
                message: e.to_string(),
            });
            continue;
        }
        if let Some(first) = seen.insert(entry.term.clone(), row) {
            errors.push(RowError {
                row,
                message: format!("the term is already on row {first}"),
            });
            continue;
        }
        entries.push(entry);
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn glossary(pairs: &[(&str, &str)]) -> Glossary {
        Glossary::new(
            Lang::En,
            pairs.iter().map(|(t, tr)| Term {
                term: (*t).into(),
                translation: (*tr).into(),
            }),
        )
    }

    fn found<'a>(g: &'a Glossary, unit: &'a str) -> Vec<&'a str> {
        g.find(unit)
            .iter()
            .map(|m| unit.get(m.start..m.end).unwrap())
            .collect()
    }

    #[test]
    fn glossary_longest_term_wins_over_the_terms_inside_it() {
        let g = glossary(&[
            ("協同組合", "cooperative"),
            ("労働者", "workers"),
            ("労働者協同組合", "workers' cooperative"),
        ]);
        assert_eq!(
            found(&g, "労働者協同組合法と協同組合と労働者"),
            ["労働者協同組合", "協同組合", "労働者"]
        );
    }

    #[test]
    fn glossary_overlapping_terms_longer_first_then_earlier() {
        // 厚生労働 and 労働省 overlap on 労働: the longer one is taken.
        let g = glossary(&[
            ("厚生労働", "health and labour"),
            ("労働省", "labour ministry"),
        ]);
        assert_eq!(found(&g, "厚生労働省"), ["厚生労働"]);
        // Same length: the earlier occurrence.
        let g = glossary(&[("AB", "x"), ("BC", "y")]);
        assert_eq!(found(&g, "ABC"), ["AB"]);
    }

    #[test]
    fn glossary_terms_are_not_matched_inside_placeholders() {
        let g = glossary(&[("b1", "bee"), ("p1", "pee"), ("厚生労働省", "MHLW")]);
        let unit = "<b1>厚生労働省</b1>の<p1/>です";
        assert_eq!(found(&g, unit), ["厚生労働省"]);
        // A term split by a tag is not one occurrence.
        assert!(found(&g, "厚生<b1>労働省</b1>").is_empty());
    }

    #[test]
    fn glossary_terms_match_escaped_text() {
        let g = glossary(&[("R&D", "research and development")]);
        assert_eq!(found(&g, "R&amp;Dの"), ["R&amp;D"]);
    }

    #[test]
    fn glossary_unit_version_depends_only_on_terms_present() {
        let a = glossary(&[("厚生労働省", "MHLW"), ("協同組合", "cooperative")]);
        let b = glossary(&[("厚生労働省", "MHLW"), ("協同組合", "co-op")]);
        let unit = "厚生労働省のお知らせ";
        assert_eq!(a.unit_version(&a.find("お知らせ")), 0);
        let va = a.unit_version(&a.find(unit));
        assert!(va > 0);
        assert_eq!(va, b.unit_version(&b.find(unit)));
        let other = "協同組合のお知らせ";
        assert_ne!(
            a.unit_version(&a.find(other)),
            b.unit_version(&b.find(other))
        );
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn glossary_substitution_protects_and_restores_the_translation() {
        let g = glossary(&[("厚生労働省", "Ministry of Health, Labour and Welfare")]);
        let unit = "厚生労働省（03-5253-1111）";
        let protected = protect::protect(unit);
        let matches = g.find(&protected.text);
        let substituted = substitute(&protected, &g, &matches);
        assert_eq!(substituted.text, "<p2/>（<p1/>）");
        let restored =
            protect::restore("The <p2/> (<p1/>)", &substituted.tokens, Lang::En).unwrap();
        assert_eq!(
            restored,
            "The Ministry of Health, Labour and Welfare (03-5253-1111)"
        );
        assert!(protect::restore("The ministry", &substituted.tokens, Lang::En).is_err());
    }

    #[test]
    fn glossary_enforcement_counts_occurrences() {
        let g = glossary(&[("組合", "union")]);
        let m = g.find("組合と組合");
        assert!(enforced("union and union", &g, &m));
        assert!(!enforced("union and cooperative", &g, &m));
    }

    #[test]
    fn glossary_entries_are_validated() {
        let ok = GlossaryEntry {
            target_lang: Lang::En,
            term: "厚生労働省".into(),
            translation: "MHLW".into(),
            note: "line\nbreak".into(),
            author: "sato".into(),
            updated_at: 0,
        };
        assert!(validate(&ok).is_ok());
        for (term, translation) in [("", "x"), (" 省", "x"), ("省", "x\t"), ("a\u{7}", "x")] {
            let e = GlossaryEntry {
                term: term.into(),
                translation: translation.into(),
                ..ok.clone()
            };
            assert!(validate(&e).is_err(), "{term:?} {translation:?}");
        }
        let long = GlossaryEntry {
            term: "あ".repeat(201),
            ..ok.clone()
        };
        assert!(matches!(
            validate(&long),
            Err(GlossaryError::TooLong { .. })
        ));
        let ja = GlossaryEntry {
            target_lang: Lang::Ja,
            ..ok
        };
        assert_eq!(validate(&ja), Err(GlossaryError::SourceLanguage));
    }

    #[test]
    fn glossary_csv_round_trips_commas_quotes_and_line_breaks() {
        let entries = vec![GlossaryEntry {
            target_lang: Lang::En,
            term: "厚生労働省".into(),
            translation: "Ministry of Health, Labour and \"Welfare\"".into(),
            note: "two\r\nlines".into(),
            author: "sato".into(),
            updated_at: 0,
        }];
        let csv = to_csv(&entries);
        assert_eq!(
            csv,
            "term,translation,note\r\n厚生労働省,\"Ministry of Health, Labour and \"\"Welfare\"\"\",\"two\r\nlines\"\r\n"
        );
        let back = import_csv(&csv, Lang::En, "sato").unwrap();
        assert_eq!(back[0].translation, entries[0].translation);
        assert_eq!(back[0].note, entries[0].note);
    }

    #[test]
    fn glossary_csv_reader_handles_bom_lf_and_no_final_newline() {
        let rows = parse_csv("\u{feff}a,b\nc,\"d\ne\"").unwrap();
        assert_eq!(rows, vec![vec!["a", "b"], vec!["c", "d\ne"]]);
        assert!(parse_csv("a,\"b").is_err());
        assert!(parse_csv("a,\"b\"c").is_err());
        assert_eq!(parse_csv("a,\n\n").unwrap(), vec![vec!["a", ""]]);
    }

    #[test]
    fn csv_fields_that_look_like_formulas_are_defused_and_come_back() {
        let entries = vec![GlossaryEntry {
            target_lang: Lang::En,
            term: "=HYPERLINK(\"x\")".into(),
            translation: "-based".into(),
            note: "'quoted".into(),
            author: "sato".into(),
            updated_at: 0,
        }];
        let csv = to_csv(&entries);
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\")\",'-based,''quoted"),
            "{csv}"
        );
        let back = import_csv(&csv, Lang::En, "sato").unwrap();
        assert_eq!(back[0].term, "=HYPERLINK(\"x\")");
        assert_eq!(back[0].translation, "-based");
        assert_eq!(back[0].note, "'quoted");
    }

    #[test]
    fn csv_empty_fields_stay_empty_and_a_quote_error_names_its_record() {
        let entries = vec![GlossaryEntry {
            target_lang: Lang::En,
            term: "省".into(),
            translation: "ministry".into(),
            note: String::new(),
            author: "sato".into(),
            updated_at: 0,
        }];
        assert_eq!(
            to_csv(&entries),
            "term,translation,note\r\n省,ministry,\r\n"
        );
        // Blank lines are not records; CR alone ends one too.
        assert_eq!(
            parse_csv("a,b\r\n\r\nc,d\re,\"f\"\"\"\n").unwrap(),
            vec![vec!["a", "b"], vec!["c", "d"], vec!["e", "f\""]]
        );
        assert_eq!(
            parse_csv("a,b\n\nc,\"d\"x\n"),
            Err(CsvError::TextAfterQuote { row: 2 })
        );
        assert_eq!(
            parse_csv("a,b\nc,d\ne,\"f\ng\n"),
            Err(CsvError::UnclosedQuote { row: 3 })
        );
        // A quote inside an unquoted field is text.
        assert_eq!(parse_csv("a\"b,c").unwrap(), vec![vec!["a\"b", "c"]]);
    }

    #[test]
    fn glossary_import_reports_every_bad_row() {
        let errors = import_csv(
            "term,translation,note\n厚生労働省,MHLW\n,empty term\n厚生労働省,again\nonly\n",
            Lang::En,
            "sato",
        )
        .unwrap_err();
        let rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [3, 4, 5]);
    }
}
