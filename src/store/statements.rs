//! The statements the [`super::Store`] methods are made of, written once
//! for both backends: reading and writing one override and its history,
//! carrying overrides, the batch upserts, a page's layout, the ledger's
//! conditional reservation.

use super::Result;
use super::rows::{self, OVERRIDE_COLUMNS, OverrideRow, REPORT_COLUMNS, ReportRow};
use super::sql::{Exec, Param, ROWS_PER_STATEMENT, insert_values};
use crate::i18n::Lang;
use crate::model::{
    Budget, CarriedOverride, Carry, GlossaryEntry, Override, OverrideRevision, PageUnit, Report,
    Reservation, TmEntry,
};

use Param::{Int, OptInt, OptText, Text};

/// Bumps the generation, which on PostgreSQL takes the row lock that
/// serializes override and glossary changes, and returns the new value.
pub(crate) async fn bump_generation(tx: &mut impl Exec) -> Result<i64> {
    let (generation,): (i64,) = tx
        .fetch_one(
            "UPDATE generation SET value = value + 1 WHERE id = 1 RETURNING value",
            &[],
        )
        .await?;
    Ok(generation)
}

pub(crate) async fn current_override(
    tx: &mut impl Exec,
    unit_key: &str,
    target: Lang,
) -> Result<Option<Override>> {
    let sql = format!(
        "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = $1 AND target_lang = $2"
    );
    let row: Option<OverrideRow> = tx
        .fetch_optional(&sql, &[Text(unit_key), Text(target.code())])
        .await?;
    row.map(|r| rows::override_from_row(tx.backend(), r))
        .transpose()
}

pub(crate) async fn append_history(
    tx: &mut impl Exec,
    unit_key: &str,
    target: Lang,
    revision: &OverrideRevision,
) -> Result<()> {
    tx.execute(
        "INSERT INTO override_history (unit_key, target_lang, version, text, state, author, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            Text(unit_key),
            Text(target.code()),
            Int(revision.version),
            OptText(revision.text.as_deref()),
            Text(revision.state.as_str()),
            Text(&revision.author),
            Int(revision.created_at),
        ],
    )
    .await?;
    Ok(())
}

pub(crate) async fn write_override(tx: &mut impl Exec, o: &Override) -> Result<()> {
    tx.execute(
        "INSERT INTO overrides (unit_key, target_lang, text, version, state, author, \
         source_text, updated_at, previous_source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (unit_key, target_lang) DO UPDATE SET text = EXCLUDED.text, \
         version = EXCLUDED.version, state = EXCLUDED.state, author = EXCLUDED.author, \
         source_text = EXCLUDED.source_text, updated_at = EXCLUDED.updated_at, \
         previous_source = EXCLUDED.previous_source",
        &[
            Text(&o.unit_key),
            Text(o.target_lang.code()),
            Text(&o.text),
            Int(o.version),
            Text(o.state.as_str()),
            Text(&o.author),
            Text(&o.source_text),
            Int(o.updated_at),
            OptText(o.previous_source.as_deref()),
        ],
    )
    .await?;
    Ok(())
}

/// The version the next change of (unit_key, target) gets: one past the
/// highest in its history, so versions are never reused after a revert.
pub(crate) async fn next_version(tx: &mut impl Exec, unit_key: &str, target: Lang) -> Result<i64> {
    let (max,): (i64,) = tx
        .fetch_one(
            "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM override_history \
             WHERE unit_key = $1 AND target_lang = $2",
            &[Text(unit_key), Text(target.code())],
        )
        .await?;
    Ok(max + 1)
}

/// Upserts translation-memory entries, a batch per statement.
pub(crate) async fn write_tm(tx: &mut impl Exec, entries: &[&TmEntry]) -> Result<()> {
    for chunk in entries.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_values(
            "INSERT INTO tm (unit_key, source_lang, target_lang, provider, model, \
             glossary_version, segmenter_version, source_text, text, origin, \
             characters_billed, created_at, used_at)",
            13,
            chunk.len(),
            "ON CONFLICT (unit_key, source_lang, target_lang, provider, model, \
             glossary_version, segmenter_version) DO UPDATE SET \
             source_text = EXCLUDED.source_text, text = EXCLUDED.text, \
             origin = EXCLUDED.origin, characters_billed = EXCLUDED.characters_billed, \
             created_at = EXCLUDED.created_at, used_at = EXCLUDED.used_at",
        );
        let params: Vec<Param<'_>> = chunk
            .iter()
            .flat_map(|e| {
                [
                    Text(&e.unit_key),
                    Text(e.source_lang.code()),
                    Text(e.target_lang.code()),
                    Text(&e.provider),
                    Text(&e.model),
                    Int(e.glossary_version),
                    Int(e.segmenter_version),
                    Text(&e.source_text),
                    Text(&e.text),
                    Text(e.origin.as_str()),
                    Int(e.characters_billed),
                    Int(e.created_at),
                    Int(e.used_at),
                ]
            })
            .collect();
        tx.execute(&sql, &params).await?;
    }
    Ok(())
}

/// Upserts glossary entries, a batch per statement.
pub(crate) async fn write_glossary(tx: &mut impl Exec, entries: &[GlossaryEntry]) -> Result<()> {
    for chunk in entries.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_values(
            "INSERT INTO glossary (target_lang, term, translation, note, author, updated_at)",
            6,
            chunk.len(),
            "ON CONFLICT (target_lang, term) DO UPDATE SET \
             translation = EXCLUDED.translation, note = EXCLUDED.note, \
             author = EXCLUDED.author, updated_at = EXCLUDED.updated_at",
        );
        let params: Vec<Param<'_>> = chunk
            .iter()
            .flat_map(|e| {
                [
                    Text(e.target_lang.code()),
                    Text(&e.term),
                    Text(&e.translation),
                    Text(&e.note),
                    Text(&e.author),
                    Int(e.updated_at),
                ]
            })
            .collect();
        tx.execute(&sql, &params).await?;
    }
    Ok(())
}

/// Replaces the stored layout of `page` by `units`.
pub(crate) async fn write_layout(tx: &mut impl Exec, page: &str, units: &[PageUnit]) -> Result<()> {
    tx.execute("DELETE FROM page_units WHERE page = $1", &[Text(page)])
        .await?;
    let positions: Vec<i64> = (0..units.len())
        .map(|p| i64::try_from(p).unwrap_or(i64::MAX))
        .collect();
    let rows: Vec<(&i64, &PageUnit)> = positions.iter().zip(units).collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = insert_values(
            "INSERT INTO page_units (page, position, unit_key, source_text)",
            4,
            chunk.len(),
            "",
        );
        let params: Vec<Param<'_>> = chunk
            .iter()
            .flat_map(|(position, unit)| {
                [
                    Text(page),
                    Int(**position),
                    Text(&unit.unit_key),
                    Text(&unit.source_text),
                ]
            })
            .collect();
        tx.execute(&sql, &params).await?;
    }
    Ok(())
}

pub(crate) async fn read_layout(tx: &mut impl Exec, page: &str) -> Result<Vec<PageUnit>> {
    let rows: Vec<(String, String)> = tx
        .fetch_all(
            "SELECT unit_key, source_text FROM page_units WHERE page = $1 ORDER BY position",
            &[Text(page)],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|(unit_key, source_text)| PageUnit {
            unit_key,
            source_text,
        })
        .collect())
}

pub(crate) async fn report_by_id(tx: &mut impl Exec, id: i64) -> Result<Option<Report>> {
    let sql = format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = $1");
    let row: Option<ReportRow> = tx.fetch_optional(&sql, &[Int(id)]).await?;
    row.map(|r| rows::report_from_row(tx.backend(), r))
        .transpose()
}

/// Carries the overrides of each [`Carry`] (see
/// [`super::Store::page_units_replace`]); returns what was carried.
pub(crate) async fn carry_overrides(
    tx: &mut impl Exec,
    carry: &[Carry],
    author: &str,
) -> Result<Vec<CarriedOverride>> {
    let mut carried = Vec::new();
    let sql = format!("SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE unit_key = $1");
    for Carry { from_key, to } in carry {
        let found: Vec<OverrideRow> = tx.fetch_all(&sql, &[Text(from_key)]).await?;
        for row in found {
            let previous = rows::override_from_row(tx.backend(), row)?;
            let target = previous.target_lang;
            if current_override(tx, &to.unit_key, target).await?.is_some() {
                continue;
            }
            let version = next_version(tx, &to.unit_key, target).await?;
            let flagged = rows::carried_override(previous, to, version, author);
            write_override(tx, &flagged).await?;
            append_history(tx, &to.unit_key, target, &rows::revision_of(&flagged)).await?;
            carried.push(CarriedOverride {
                from_key: from_key.clone(),
                to_key: to.unit_key.clone(),
                target,
                version: flagged.version,
            });
        }
    }
    Ok(carried)
}

/// Adds `characters` to the day's row of `provider`, in one statement, only
/// if the day and its month stay within `budget`; whether it did. The
/// caller holds the ledger lock ([`super::sql::Backend::lock_ledger`]).
pub(crate) async fn reserve_characters(
    tx: &mut impl Exec,
    provider: &str,
    day: &str,
    characters: i64,
    budget: Budget,
) -> Result<bool> {
    let month = day.get(..7).unwrap_or(day);
    let (first, last) = (format!("{month}-01"), format!("{month}-31"));
    let reserved = tx
        .execute(
            "INSERT INTO usage (provider, day, characters, requests) \
             SELECT $1, $2, $3, 0 \
             WHERE (CAST($4 AS BIGINT) IS NULL OR $3 + COALESCE((SELECT characters \
               FROM usage WHERE provider = $1 AND day = $2), 0) <= $4) \
             AND (CAST($5 AS BIGINT) IS NULL OR $3 + COALESCE((SELECT SUM(characters) \
               FROM usage WHERE provider = $1 AND day >= $6 AND day <= $7), 0) <= $5) \
             ON CONFLICT (provider, day) DO UPDATE SET \
             characters = usage.characters + EXCLUDED.characters",
            &[
                Text(provider),
                Text(day),
                Int(characters),
                OptInt(budget.daily),
                OptInt(budget.monthly),
                Text(&first),
                Text(&last),
            ],
        )
        .await?;
    Ok(reserved > 0)
}

/// Gives back what `reservation` did not use and counts `requests`;
/// whether the day's row was there.
pub(crate) async fn settle_characters(
    tx: &mut impl Exec,
    reservation: &Reservation,
    used: i64,
    requests: i64,
) -> Result<bool> {
    let done = tx
        .execute(
            "UPDATE usage SET characters = characters - $3, requests = requests + $4 \
             WHERE provider = $1 AND day = $2",
            &[
                Text(&reservation.provider),
                Text(&reservation.day),
                Int(reservation.characters - used),
                Int(requests),
            ],
        )
        .await?;
    Ok(done > 0)
}
