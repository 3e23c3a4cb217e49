//! Row shapes, column lists and the conversions between rows and
//! [`crate::model`] types, and the checks every write makes before it
//! reaches a database: the same on both backends, so they refuse the same
//! things and read the same values.

use std::collections::HashMap;

use super::{Result, StoreError};
use crate::clock::now_ms;
use crate::i18n::Lang;
use crate::model::{
    Budget, GlossaryEntry, Origin, Override, OverrideRevision, OverrideState, PageUnit,
    REPORT_MESSAGE_MAX_CHARS, Report, ReportStatus, Role, Session, TmEntry, TranslatorAccount,
    UsageRow, is_valid_translator_name,
};

/// Row shapes read by both backends, converted once here.
pub(crate) type TmRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    i64,
    i64,
    i64,
);

/// The column list matching [`TmRow`].
pub(crate) const TM_COLUMNS: &str = "unit_key, source_lang, target_lang, provider, model, \
     glossary_version, segmenter_version, source_text, text, origin, characters_billed, \
     created_at, used_at";

pub(crate) type OverrideRow = (
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
    i64,
    Option<String>,
);

/// The column list matching [`OverrideRow`].
pub(crate) const OVERRIDE_COLUMNS: &str =
    "unit_key, target_lang, text, version, state, author, source_text, updated_at, previous_source";

pub(crate) type ReportRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<i64>,
);

/// The column list matching [`ReportRow`].
pub(crate) const REPORT_COLUMNS: &str =
    "id, page, unit_key, target_lang, message, created_at, status, resolved_by, resolved_at";

pub(crate) fn report_from_row(backend: &'static str, row: ReportRow) -> Result<Report> {
    let (id, page, unit_key, target_lang, message, created_at, status, resolved_by, resolved_at) =
        row;
    Ok(Report {
        target_lang: lang(backend, &target_lang)?,
        status: ReportStatus::parse(&status).ok_or_else(|| StoreError::Corrupt {
            backend,
            message: format!("unknown report status {status:?}"),
        })?,
        id,
        page,
        unit_key,
        message,
        created_at,
        resolved_by,
        resolved_at,
    })
}

/// Checks of a new report, the same on both backends.
pub(crate) fn check_report(page: &str, unit_key: &str, target: Lang, message: &str) -> Result<()> {
    if page.is_empty() || unit_key.is_empty() {
        return Err(StoreError::Invalid(
            "page and unit_key must be given".into(),
        ));
    }
    if target.is_source() {
        return Err(StoreError::Invalid(format!(
            "{} is the source language, not a translation",
            target.code()
        )));
    }
    if message.trim().is_empty() {
        return Err(StoreError::Invalid("the report message is empty".into()));
    }
    let chars = message.chars().count();
    if chars > REPORT_MESSAGE_MAX_CHARS {
        return Err(StoreError::Invalid(format!(
            "the report message has {chars} characters; at most {REPORT_MESSAGE_MAX_CHARS} are kept"
        )));
    }
    for (what, value) in [("page", page), ("unit_key", unit_key), ("message", message)] {
        check_text(what, value)?;
    }
    Ok(())
}

pub(crate) type TranslatorRow = (String, String, String, i64, Option<i64>);

/// The column list matching [`TranslatorRow`] (without the token hash).
pub(crate) const TRANSLATOR_COLUMNS: &str = "name, role, languages, created_at, revoked_at";

pub(crate) fn translator_from_row(
    backend: &'static str,
    row: TranslatorRow,
) -> Result<TranslatorAccount> {
    let (name, role, languages, created_at, revoked_at) = row;
    Ok(TranslatorAccount {
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt {
            backend,
            message: format!("unknown role {role:?}"),
        })?,
        languages: languages
            .split_whitespace()
            .map(|code| lang(backend, code))
            .collect::<Result<_>>()?,
        name,
        created_at,
        revoked_at,
    })
}

pub(crate) type SessionRow = (String, i64, String, String, String, i64, Option<i64>);

/// [`TRANSLATOR_COLUMNS`] of a table aliased `alias`.
pub(crate) fn prefixed_translator_columns(alias: &str) -> String {
    TRANSLATOR_COLUMNS
        .split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn session_from_row(backend: &'static str, row: SessionRow) -> Result<Session> {
    let (csrf_token, expires_at, name, role, languages, created_at, revoked_at) = row;
    Ok(Session {
        translator: translator_from_row(backend, (name, role, languages, created_at, revoked_at))?,
        csrf_token,
        expires_at,
    })
}

/// The override that `previous` (of an edited sentence) becomes on the
/// edited sentence `to`: the same text, flagged for review.
pub(crate) fn carried_override(
    previous: Override,
    to: &PageUnit,
    version: i64,
    author: &str,
) -> Override {
    // An override already waiting for review was written against its own
    // previous source, not the one it was last carried to.
    let written_against = previous.previous_source.unwrap_or(previous.source_text);
    Override {
        unit_key: to.unit_key.clone(),
        target_lang: previous.target_lang,
        text: previous.text,
        version,
        state: OverrideState::NeedsReview,
        author: author.to_owned(),
        source_text: to.source_text.clone(),
        previous_source: Some(written_against),
        updated_at: now_ms(),
    }
}

/// Languages as stored in `translators.languages`.
pub(crate) fn languages_column(languages: &[Lang]) -> String {
    languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn check_translator(name: &str, token_sha256: &str) -> Result<()> {
    if !is_valid_translator_name(name) {
        return Err(StoreError::Invalid(format!(
            "translator name {name:?}: use 1 to 64 letters, digits, '.', '_' or '-'"
        )));
    }
    if token_sha256.len() != 64 || !token_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(StoreError::Invalid(
            "token_sha256 must be 64 hex digits".into(),
        ));
    }
    Ok(())
}

pub(crate) type RevisionRow = (i64, Option<String>, String, i64, String);

pub(crate) type UsageTuple = (String, String, i64, i64);

/// A stored language: any canonical tag (the store only writes those), so
/// rows of a language no longer configured still read.
fn lang(backend: &'static str, code: &str) -> Result<Lang> {
    let canonical = crate::i18n::canonical_tag(code).ok().filter(|c| c == code);
    canonical
        .and_then(|c| Lang::parse(&c).ok())
        .ok_or_else(|| StoreError::Corrupt {
            backend,
            message: format!("unknown language code {code:?}"),
        })
}

fn state(backend: &'static str, value: &str) -> Result<OverrideState> {
    OverrideState::parse(value).ok_or_else(|| StoreError::Corrupt {
        backend,
        message: format!("unknown override state {value:?}"),
    })
}

pub(crate) fn tm_from_row(backend: &'static str, row: TmRow) -> Result<TmEntry> {
    let (
        unit_key,
        source_lang,
        target_lang,
        provider,
        model,
        glossary_version,
        segmenter_version,
        source_text,
        text,
        origin,
        characters_billed,
        created_at,
        used_at,
    ) = row;
    Ok(TmEntry {
        source_lang: lang(backend, &source_lang)?,
        target_lang: lang(backend, &target_lang)?,
        origin: Origin::parse(&origin).ok_or_else(|| StoreError::Corrupt {
            backend,
            message: format!("unknown origin {origin:?}"),
        })?,
        unit_key,
        provider,
        model,
        glossary_version,
        segmenter_version,
        source_text,
        text,
        characters_billed,
        created_at,
        used_at,
    })
}

pub(crate) fn override_from_row(backend: &'static str, row: OverrideRow) -> Result<Override> {
    let (
        unit_key,
        target_lang,
        text,
        version,
        state_code,
        author,
        source_text,
        updated_at,
        previous_source,
    ) = row;
    Ok(Override {
        previous_source,
        target_lang: lang(backend, &target_lang)?,
        state: state(backend, &state_code)?,
        unit_key,
        text,
        version,
        author,
        source_text,
        updated_at,
    })
}

pub(crate) fn revision_from_row(
    backend: &'static str,
    row: RevisionRow,
) -> Result<OverrideRevision> {
    let (version, text, author, created_at, state_code) = row;
    Ok(OverrideRevision {
        version,
        text,
        author,
        created_at,
        state: state(backend, &state_code)?,
    })
}

pub(crate) fn usage_from_row(row: UsageTuple) -> UsageRow {
    let (provider, day, characters, requests) = row;
    UsageRow {
        provider,
        day,
        characters,
        requests,
    }
}

/// Checks made before writing so both backends refuse the same things:
/// PostgreSQL cannot store NUL in text at all, SQLite would.
pub(crate) fn check_text(what: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(StoreError::Invalid(format!(
            "{what} contains a NUL character"
        )));
    }
    Ok(())
}

pub(crate) fn check_entry(entry: &TmEntry) -> Result<()> {
    if entry.unit_key.is_empty() {
        return Err(StoreError::Invalid("unit_key is empty".into()));
    }
    for (what, value) in [
        ("unit_key", &entry.unit_key),
        ("provider", &entry.provider),
        ("model", &entry.model),
        ("source_text", &entry.source_text),
        ("text", &entry.text),
    ] {
        check_text(what, value)?;
    }
    Ok(())
}

pub(crate) fn check_override(
    unit_key: &str,
    text: &str,
    source_text: &str,
    author: &str,
) -> Result<()> {
    if unit_key.is_empty() {
        return Err(StoreError::Invalid("unit_key is empty".into()));
    }
    if text.trim().is_empty() {
        return Err(StoreError::Invalid(
            "override text is empty; revert the override instead".into(),
        ));
    }
    check_author(author)?;
    for (what, value) in [
        ("unit_key", unit_key),
        ("text", text),
        ("source_text", source_text),
    ] {
        check_text(what, value)?;
    }
    Ok(())
}

pub(crate) type GlossaryRow = (String, String, String, String, String, i64);

/// The column list matching [`GlossaryRow`].
pub(crate) const GLOSSARY_COLUMNS: &str =
    "target_lang, term, translation, note, author, updated_at";

pub(crate) fn glossary_from_row(backend: &'static str, row: GlossaryRow) -> Result<GlossaryEntry> {
    let (target_lang, term, translation, note, author, updated_at) = row;
    Ok(GlossaryEntry {
        target_lang: lang(backend, &target_lang)?,
        term,
        translation,
        note,
        author,
        updated_at,
    })
}

/// The checks of a glossary write, the same on both backends: what a row
/// must hold to be stored at all (whether it is a good entry is the
/// glossary's question, see [`crate::glossary::validate`]). Returns the
/// entries to write, stamped now, one per term (the later wins), sorted by
/// term so concurrent imports lock rows in one order.
pub(crate) fn checked_glossary(
    target: Lang,
    entries: &[GlossaryEntry],
) -> Result<Vec<GlossaryEntry>> {
    let now = now_ms();
    let mut by_term: std::collections::BTreeMap<&str, GlossaryEntry> =
        std::collections::BTreeMap::new();
    for entry in entries {
        if entry.target_lang != target {
            return Err(StoreError::Invalid(format!(
                "entry {:?} is for {}, not {}",
                entry.term,
                entry.target_lang.code(),
                target.code()
            )));
        }
        if target.is_source() {
            return Err(StoreError::Invalid(format!(
                "{} is the source language; a glossary is for a target language",
                target.code()
            )));
        }
        for (what, value) in [("term", &entry.term), ("translation", &entry.translation)] {
            if value.is_empty() {
                return Err(StoreError::Invalid(format!("glossary {what} is empty")));
            }
            check_text(what, value)?;
        }
        check_text("note", &entry.note)?;
        check_author(&entry.author)?;
        by_term.insert(
            entry.term.as_str(),
            GlossaryEntry {
                updated_at: now,
                ..entry.clone()
            },
        );
    }
    Ok(by_term.into_values().collect())
}

pub(crate) fn check_author(author: &str) -> Result<()> {
    if author.trim().is_empty() {
        return Err(StoreError::Invalid("author is empty".into()));
    }
    check_text("author", author)
}

pub(crate) fn check_usage(provider: &str, day: &str, characters: i64, requests: i64) -> Result<()> {
    if provider.is_empty() {
        return Err(StoreError::Invalid("provider is empty".into()));
    }
    check_text("provider", provider)?;
    check_day(day)?;
    if characters < 0 || requests < 0 {
        return Err(StoreError::Invalid(
            "usage counts only grow: characters and requests must not be negative".into(),
        ));
    }
    Ok(())
}

pub(crate) fn check_budget(budget: Budget) -> Result<()> {
    if budget.daily.is_some_and(|b| b < 0) || budget.monthly.is_some_and(|b| b < 0) {
        return Err(StoreError::Invalid("a budget must not be negative".into()));
    }
    Ok(())
}

/// The optimistic check of a change to an existing override (revert, state):
/// `Some(v)` must be the current version, `None` takes whatever is there.
pub(crate) fn check_existing(
    current: Option<Override>,
    if_version: Option<i64>,
) -> Result<Override> {
    match (current, if_version) {
        (None, None) => Err(StoreError::NotFound),
        (None, Some(_)) => Err(StoreError::VersionConflict { current: None }),
        (Some(o), Some(v)) if o.version != v => Err(StoreError::VersionConflict {
            current: Some(o.version),
        }),
        (Some(o), _) => Ok(o),
    }
}

/// The history row that records `o` as it now is.
pub(crate) fn revision_of(o: &Override) -> OverrideRevision {
    OverrideRevision {
        version: o.version,
        text: Some(o.text.clone()),
        author: o.author.clone(),
        created_at: o.updated_at,
        state: o.state,
    }
}

pub(crate) fn check_day(day: &str) -> Result<()> {
    let b = day.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "day {day:?} is not YYYY-MM-DD"
        )))
    }
}

/// Keeps the last of several entries with one identity, so a batch upsert
/// never touches a row twice (PostgreSQL refuses that) and both backends
/// agree on which one wins. The result is sorted by identity, so concurrent
/// batches lock rows in the same order and cannot deadlock each other.
pub(crate) fn dedup_entries(entries: &[TmEntry]) -> Vec<&TmEntry> {
    type Identity<'a> = (&'a str, Lang, Lang, &'a str, &'a str, i64, i64);
    let mut last: std::collections::BTreeMap<Identity<'_>, &TmEntry> =
        std::collections::BTreeMap::new();
    for e in entries {
        last.insert(
            (
                e.unit_key.as_str(),
                e.source_lang,
                e.target_lang,
                e.provider.as_str(),
                e.model.as_str(),
                e.glossary_version,
                e.segmenter_version,
            ),
            e,
        );
    }
    last.into_values().collect()
}

/// The newest of several entries per unit key (later `created_at`; ties
/// broken by provider then model so the answer does not depend on row order).
pub(crate) fn newest_per_key(entries: Vec<TmEntry>) -> HashMap<String, TmEntry> {
    let mut out: HashMap<String, TmEntry> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let replace = match out.get(&entry.unit_key) {
            None => true,
            Some(have) => {
                (entry.created_at, &entry.provider, &entry.model)
                    > (have.created_at, &have.provider, &have.model)
            }
        };
        if replace {
            out.insert(entry.unit_key.clone(), entry);
        }
    }
    out
}

/// Removes secrets (a PostgreSQL password, as written in the URL and
/// decoded) from a message that came from the database driver, which never
/// needs to repeat them but might.
pub(crate) fn scrub(mut message: String, secrets: &[String]) -> String {
    for secret in secrets {
        if !secret.is_empty() && message.contains(secret.as_str()) {
            message = message.replace(secret.as_str(), "[redacted]");
        }
    }
    message
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_must_be_known() {
        assert!(lang("sqlite", "zh-Hant").is_ok());
        assert!(lang("sqlite", "pt-BR").is_ok());
        for corrupt in ["zh-hant", "not a tag", ""] {
            assert!(matches!(
                lang("sqlite", corrupt),
                Err(StoreError::Corrupt { .. })
            ));
        }
        assert!(matches!(
            state("postgres", "Approved"),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn days_are_checked() {
        assert!(check_day("2025-07-01").is_ok());
        for bad in ["2025-7-1", "20250701", "2025/07/01", "２０２５-07-01", ""] {
            assert!(check_day(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn scrub_removes_the_secret() {
        let message = "password authentication failed: hunter2".to_owned();
        assert_eq!(
            scrub(message.clone(), &["hunter2".to_owned()]),
            "password authentication failed: [redacted]"
        );
        assert_eq!(scrub(message.clone(), &[]), message);
        assert_eq!(scrub(message.clone(), &[String::new()]), message);
    }

    fn entry(key: &str, provider: &str, created_at: i64, text: &str) -> TmEntry {
        TmEntry {
            unit_key: key.into(),
            source_lang: Lang::Ja,
            target_lang: Lang::En,
            provider: provider.into(),
            model: String::new(),
            glossary_version: 1,
            segmenter_version: 1,
            source_text: "原文".into(),
            text: text.into(),
            origin: Origin::Machine,
            characters_billed: 2,
            created_at,
            used_at: created_at,
        }
    }

    #[test]
    fn later_duplicates_win_in_identity_order() {
        let entries = [
            entry("a", "deepl", 1, "first"),
            entry("b", "deepl", 1, "b"),
            entry("a", "deepl", 2, "second"),
            entry("a", "google", 1, "other provider"),
        ];
        let kept: Vec<&str> = dedup_entries(&entries)
            .into_iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(kept, ["second", "other provider", "b"]);
    }

    #[test]
    fn newest_entry_per_key_wins_deterministically() {
        let newest = newest_per_key(vec![
            entry("a", "deepl", 5, "deepl"),
            entry("a", "google", 7, "google"),
            entry("b", "azure", 3, "azure"),
            entry("b", "deepl", 3, "deepl tie"),
        ]);
        assert_eq!(newest["a"].text, "google");
        assert_eq!(newest["b"].text, "deepl tie");
    }

    #[test]
    fn nul_is_refused() {
        let mut e = entry("a", "deepl", 1, "x\0y");
        assert!(matches!(check_entry(&e), Err(StoreError::Invalid(_))));
        e.text = "ok".into();
        assert!(check_entry(&e).is_ok());
        e.unit_key = String::new();
        assert!(check_entry(&e).is_err());
    }

    #[test]
    fn reports_are_checked_alike_on_both_backends() {
        let ok = |message: &str| check_report("p", "k", Lang::En, message).is_ok();
        assert!(ok("the date is wrong"));
        assert!(
            ok(&"字".repeat(REPORT_MESSAGE_MAX_CHARS)),
            "characters, not bytes"
        );
        assert!(!ok(&"字".repeat(REPORT_MESSAGE_MAX_CHARS + 1)));
        assert!(!ok(" \n\t"));
        assert!(!ok("a\0b"));
        assert!(check_report("p", "k", Lang::Ja, "x").is_err());
        assert!(check_report("", "k", Lang::En, "x").is_err());
        assert!(check_report("p", "", Lang::En, "x").is_err());
    }
}
