//! The one implementation of [`Store`], for every [`Backend`]: each method
//! is written once, in SQL both databases run (see [`super::sql`]), so the
//! backends cannot drift apart and the conformance suite tests one piece of
//! code twice rather than two pieces once.
//!
//! Every write goes through `write.rs`: it begins a transaction, runs the
//! method's statements, commits when they succeeded and rolls back when
//! anything failed, so no error leaves a transaction open on a pooled
//! connection.

use std::collections::HashMap;

use async_trait::async_trait;

use super::rows::{
    self, GLOSSARY_COLUMNS, GlossaryRow, OVERRIDE_COLUMNS, OverrideRow, REPORT_COLUMNS, ReportRow,
    RevisionRow, SessionRow, TM_COLUMNS, TRANSLATOR_COLUMNS, TmRow, TranslatorRow, UsageTuple,
};
use super::sql::{Backend, Exec, Param};
use super::statements::{
    append_history, bump_generation, carry_overrides, current_override, next_version, read_layout,
    report_by_id, reserve_characters, settle_characters, write_glossary, write_layout,
    write_override, write_tm,
};
use super::write::{probe, write};
use super::{NewKey, REPORTS_LISTED_MAX, Result, Store, StoreError, WRITE_CHECK_EVERY};
use crate::clock::now_ms;
use crate::i18n::Lang;
use crate::model::{
    Budget, CarriedOverride, Carry, GlossaryEntry, Override, OverrideRevision, OverrideState,
    PageUnit, Rekeyed, Report, ReportStatus, Reservation, Role, Session, TmEntry,
    TranslatorAccount, UsageRow,
};

use Param::{Int, OptText, Text};

#[async_trait]
impl<B: Backend> Store for B {
    fn backend(&self) -> &'static str {
        B::NAME
    }

    async fn ping(&self) -> Result<()> {
        self.reader().execute("SELECT 1", &[]).await?;
        Ok(())
    }

    async fn writable(&self) -> Result<()> {
        match self.health().fresh(B::NAME, WRITE_CHECK_EVERY) {
            Some(outcome) => outcome,
            None => probe(self).await,
        }
    }

    async fn tm_get(
        &self,
        unit_keys: &[String],
        target: Lang,
        glossary_version: i64,
        segmenter_version: i64,
    ) -> Result<HashMap<String, TmEntry>> {
        if unit_keys.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT {TM_COLUMNS} FROM tm WHERE target_lang = $1 AND glossary_version = $2 \
             AND segmenter_version = $3 AND {}",
            B::in_keys("unit_key", "$4")
        );
        let found: Vec<TmRow> = self
            .reader()
            .fetch_all(
                &sql,
                &[
                    Text(target.code()),
                    Int(glossary_version),
                    Int(segmenter_version),
                    Param::Keys(unit_keys),
                ],
            )
            .await?;
        let entries = found
            .into_iter()
            .map(|r| rows::tm_from_row(B::NAME, r))
            .collect::<Result<Vec<_>>>()?;
        Ok(rows::newest_per_key(entries))
    }

    async fn tm_put(&self, entries: &[TmEntry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        for entry in entries {
            rows::check_entry(entry)?;
        }
        let entries = rows::dedup_entries(entries);
        write(self, async |tx| write_tm(tx, &entries).await).await
    }

    async fn tm_touch(&self, unit_keys: &[String], target: Lang, at: i64) -> Result<()> {
        if unit_keys.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "UPDATE tm SET used_at = $1 WHERE target_lang = $2 AND used_at < $1 AND {}",
            B::in_keys("unit_key", "$3")
        );
        write(self, async |tx| {
            tx.execute(
                &sql,
                &[Int(at), Text(target.code()), Param::Keys(unit_keys)],
            )
            .await?;
            Ok(())
        })
        .await
    }

    async fn tm_count(&self) -> Result<u64> {
        let (count,): (i64,) = self
            .reader()
            .fetch_one("SELECT CAST(COUNT(*) AS BIGINT) FROM tm", &[])
            .await?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    async fn tm_source(&self, unit_key: &str) -> Result<Option<String>> {
        let row: Option<(String,)> = self
            .reader()
            .fetch_optional(
                "SELECT source_text FROM tm WHERE unit_key = $1 LIMIT 1",
                &[Text(unit_key)],
            )
            .await?;
        Ok(row.map(|(source,)| source))
    }

    async fn tm_all(&self, target: Option<Lang>) -> Result<Vec<TmEntry>> {
        let b = B::BYTE_ORDER;
        let sql = format!(
            "SELECT {TM_COLUMNS} FROM tm WHERE (CAST($1 AS TEXT) IS NULL OR target_lang = $1) \
             ORDER BY unit_key {b}, target_lang {b}, source_lang {b}, provider {b}, model {b}, \
             glossary_version, segmenter_version"
        );
        let found: Vec<TmRow> = self
            .reader()
            .fetch_all(&sql, &[OptText(target.map(Lang::code))])
            .await?;
        found
            .into_iter()
            .map(|r| rows::tm_from_row(B::NAME, r))
            .collect()
    }

    async fn override_get(
        &self,
        unit_keys: &[String],
        target: Lang,
    ) -> Result<HashMap<String, Override>> {
        if unit_keys.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE target_lang = $1 AND {}",
            B::in_keys("unit_key", "$2")
        );
        let found: Vec<OverrideRow> = self
            .reader()
            .fetch_all(&sql, &[Text(target.code()), Param::Keys(unit_keys)])
            .await?;
        found
            .into_iter()
            .map(|r| rows::override_from_row(B::NAME, r).map(|o| (o.unit_key.clone(), o)))
            .collect()
    }

    async fn override_all(&self, target: Option<Lang>) -> Result<Vec<Override>> {
        let b = B::BYTE_ORDER;
        let sql = format!(
            "SELECT {OVERRIDE_COLUMNS} FROM overrides \
             WHERE (CAST($1 AS TEXT) IS NULL OR target_lang = $1) \
             ORDER BY unit_key {b}, target_lang {b}"
        );
        let found: Vec<OverrideRow> = self
            .reader()
            .fetch_all(&sql, &[OptText(target.map(Lang::code))])
            .await?;
        found
            .into_iter()
            .map(|r| rows::override_from_row(B::NAME, r))
            .collect()
    }

    async fn override_put(
        &self,
        unit_key: &str,
        target: Lang,
        text: &str,
        source_text: &str,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override> {
        rows::check_override(unit_key, text, source_text, author)?;
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            let current = current_override(tx, unit_key, target).await?;
            let current_version = current.as_ref().map(|o| o.version);
            if current_version != if_version {
                return Err(StoreError::VersionConflict {
                    current: current_version,
                });
            }
            let version = match current_version {
                Some(v) => v + 1,
                None => next_version(tx, unit_key, target).await?,
            };
            let new = Override {
                unit_key: unit_key.to_owned(),
                target_lang: target,
                text: text.to_owned(),
                version,
                state: OverrideState::Approved,
                author: author.to_owned(),
                source_text: source_text.to_owned(),
                previous_source: None,
                updated_at: now_ms(),
            };
            write_override(tx, &new).await?;
            append_history(tx, unit_key, target, &rows::revision_of(&new)).await?;
            self.announce(tx, generation).await?;
            Ok(new)
        })
        .await
    }

    async fn override_revert(
        &self,
        unit_key: &str,
        target: Lang,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<()> {
        rows::check_author(author)?;
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            let current = current_override(tx, unit_key, target).await?;
            let current = rows::check_existing(current, if_version)?;
            tx.execute(
                "DELETE FROM overrides WHERE unit_key = $1 AND target_lang = $2",
                &[Text(unit_key), Text(target.code())],
            )
            .await?;
            let revision = OverrideRevision {
                version: current.version + 1,
                text: None,
                author: author.to_owned(),
                created_at: now_ms(),
                state: current.state,
            };
            append_history(tx, unit_key, target, &revision).await?;
            self.announce(tx, generation).await
        })
        .await
    }

    async fn override_set_state(
        &self,
        unit_key: &str,
        target: Lang,
        state: OverrideState,
        author: &str,
        if_version: Option<i64>,
    ) -> Result<Override> {
        rows::check_author(author)?;
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            let current = current_override(tx, unit_key, target).await?;
            let current = rows::check_existing(current, if_version)?;
            let new = Override {
                version: current.version + 1,
                state,
                author: author.to_owned(),
                updated_at: now_ms(),
                // Approving is the review: what changed no longer needs showing.
                previous_source: match state {
                    OverrideState::Approved => None,
                    OverrideState::NeedsReview => current.previous_source.clone(),
                },
                ..current
            };
            write_override(tx, &new).await?;
            append_history(tx, unit_key, target, &rows::revision_of(&new)).await?;
            self.announce(tx, generation).await?;
            Ok(new)
        })
        .await
    }

    async fn override_history(
        &self,
        unit_key: &str,
        target: Lang,
    ) -> Result<Vec<OverrideRevision>> {
        let found: Vec<RevisionRow> = self
            .reader()
            .fetch_all(
                "SELECT version, text, author, created_at, state FROM override_history \
                 WHERE unit_key = $1 AND target_lang = $2 ORDER BY version",
                &[Text(unit_key), Text(target.code())],
            )
            .await?;
        found
            .into_iter()
            .map(|r| rows::revision_from_row(B::NAME, r))
            .collect()
    }

    async fn usage_add(
        &self,
        provider: &str,
        day: &str,
        characters: i64,
        requests: i64,
    ) -> Result<()> {
        rows::check_usage(provider, day, characters, requests)?;
        write(self, async |tx| {
            tx.execute(
                "INSERT INTO usage (provider, day, characters, requests) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (provider, day) DO UPDATE SET \
                 characters = usage.characters + EXCLUDED.characters, \
                 requests = usage.requests + EXCLUDED.requests",
                &[Text(provider), Text(day), Int(characters), Int(requests)],
            )
            .await?;
            Ok(())
        })
        .await
    }

    async fn usage_reserve(
        &self,
        provider: &str,
        day: &str,
        characters: i64,
        budget: Budget,
    ) -> Result<Option<Reservation>> {
        rows::check_usage(provider, day, characters, 0)?;
        rows::check_budget(budget)?;
        write(self, async |tx| {
            self.lock_ledger(tx, provider).await?;
            let reserved = reserve_characters(tx, provider, day, characters, budget).await?;
            Ok(reserved.then(|| Reservation {
                provider: provider.to_owned(),
                day: day.to_owned(),
                characters,
            }))
        })
        .await
    }

    async fn usage_settle(
        &self,
        reservation: &Reservation,
        used: i64,
        requests: i64,
    ) -> Result<()> {
        if !(0..=reservation.characters).contains(&used) || requests < 0 {
            return Err(StoreError::Invalid(format!(
                "a reservation of {} characters cannot settle {used} used in {requests} requests",
                reservation.characters
            )));
        }
        write(self, async |tx| {
            if settle_characters(tx, reservation, used, requests).await? {
                Ok(())
            } else {
                Err(StoreError::NotFound)
            }
        })
        .await
    }

    async fn usage(
        &self,
        provider: Option<&str>,
        from_day: &str,
        to_day: &str,
    ) -> Result<Vec<UsageRow>> {
        let sql = format!(
            "SELECT provider, day, characters, requests FROM usage \
             WHERE (CAST($1 AS TEXT) IS NULL OR provider = $1) AND day >= $2 AND day <= $3 \
             ORDER BY day, provider {}",
            B::BYTE_ORDER
        );
        let found: Vec<UsageTuple> = self
            .reader()
            .fetch_all(&sql, &[OptText(provider), Text(from_day), Text(to_day)])
            .await?;
        Ok(found.into_iter().map(rows::usage_from_row).collect())
    }

    async fn translator_add(
        &self,
        name: &str,
        token_sha256: &str,
        role: Role,
        languages: &[Lang],
    ) -> Result<TranslatorAccount> {
        rows::check_translator(name, token_sha256)?;
        let account = TranslatorAccount {
            name: name.to_owned(),
            role,
            languages: languages.to_vec(),
            created_at: now_ms(),
            revoked_at: None,
        };
        let languages = rows::languages_column(languages);
        // One statement: inserts, or revives a revoked account; an active
        // one of the same name is left alone and reported.
        write(self, async |tx| {
            let done = tx
                .execute(
                    "INSERT INTO translators (name, token_sha256, role, languages, created_at, \
                     revoked_at) VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT (name) DO UPDATE \
                     SET token_sha256 = EXCLUDED.token_sha256, role = EXCLUDED.role, \
                     languages = EXCLUDED.languages, created_at = EXCLUDED.created_at, \
                     revoked_at = NULL WHERE translators.revoked_at IS NOT NULL",
                    &[
                        Text(name),
                        Text(token_sha256),
                        Text(role.as_str()),
                        Text(&languages),
                        Int(account.created_at),
                    ],
                )
                .await?;
            if done == 0 {
                return Err(StoreError::AlreadyExists(format!("translator {name:?}")));
            }
            Ok(account)
        })
        .await
    }

    async fn translator_revoke(&self, name: &str) -> Result<()> {
        write(self, async |tx| {
            let done = tx
                .execute(
                    "UPDATE translators SET revoked_at = $1 WHERE name = $2 \
                     AND revoked_at IS NULL",
                    &[Int(now_ms()), Text(name)],
                )
                .await?;
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            tx.execute("DELETE FROM sessions WHERE translator = $1", &[Text(name)])
                .await?;
            Ok(())
        })
        .await
    }

    async fn translators(&self) -> Result<Vec<TranslatorAccount>> {
        let sql = format!(
            "SELECT {TRANSLATOR_COLUMNS} FROM translators ORDER BY name {}",
            B::BYTE_ORDER
        );
        let found: Vec<TranslatorRow> = self.reader().fetch_all(&sql, &[]).await?;
        found
            .into_iter()
            .map(|r| rows::translator_from_row(B::NAME, r))
            .collect()
    }

    async fn translator_by_token(&self, token_sha256: &str) -> Result<Option<TranslatorAccount>> {
        let sql = format!(
            "SELECT {TRANSLATOR_COLUMNS} FROM translators \
             WHERE token_sha256 = $1 AND revoked_at IS NULL"
        );
        let row: Option<TranslatorRow> = self
            .reader()
            .fetch_optional(&sql, &[Text(token_sha256)])
            .await?;
        row.map(|r| rows::translator_from_row(B::NAME, r))
            .transpose()
    }

    async fn session_create(
        &self,
        id_sha256: &str,
        translator: &str,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<()> {
        write(self, async |tx| {
            let now = now_ms();
            // Expired sessions go when new ones come, so the table stays small.
            tx.execute("DELETE FROM sessions WHERE expires_at <= $1", &[Int(now)])
                .await?;
            tx.execute(
                "INSERT INTO sessions (id_sha256, translator, csrf_token, created_at, \
                 expires_at) VALUES ($1, $2, $3, $4, $5)",
                &[
                    Text(id_sha256),
                    Text(translator),
                    Text(csrf_token),
                    Int(now),
                    Int(expires_at),
                ],
            )
            .await?;
            Ok(())
        })
        .await
    }

    async fn session_get(&self, id_sha256: &str, now: i64) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT s.csrf_token, s.expires_at, {} FROM sessions s \
             JOIN translators t ON t.name = s.translator \
             WHERE s.id_sha256 = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL",
            rows::prefixed_translator_columns("t")
        );
        let row: Option<SessionRow> = self
            .reader()
            .fetch_optional(&sql, &[Text(id_sha256), Int(now)])
            .await?;
        row.map(|r| rows::session_from_row(B::NAME, r)).transpose()
    }

    async fn session_delete(&self, id_sha256: &str) -> Result<()> {
        write(self, async |tx| {
            tx.execute(
                "DELETE FROM sessions WHERE id_sha256 = $1 OR expires_at <= $2",
                &[Text(id_sha256), Int(now_ms())],
            )
            .await?;
            Ok(())
        })
        .await
    }

    async fn page_units(&self, page: &str) -> Result<Vec<PageUnit>> {
        read_layout(&mut self.reader(), page).await
    }

    async fn page_units_replace(
        &self,
        page: &str,
        expected: &[PageUnit],
        units: &[PageUnit],
        carry: &[Carry],
        author: &str,
    ) -> Result<Vec<CarriedOverride>> {
        rows::check_author(author)?;
        write(self, async |tx| {
            // The generation row is the lock every override change takes
            // first: instances starting together replace one after the other.
            tx.execute("UPDATE generation SET value = value WHERE id = 1", &[])
                .await?;
            if read_layout(tx, page).await? != expected {
                return Err(StoreError::Changed);
            }
            let carried = carry_overrides(tx, carry, author).await?;
            if expected != units {
                write_layout(tx, page, units).await?;
            }
            if !carried.is_empty() {
                let generation = bump_generation(tx).await?;
                self.announce(tx, generation).await?;
            }
            Ok(carried)
        })
        .await
    }

    async fn glossary_all(&self, target: Option<Lang>) -> Result<Vec<GlossaryEntry>> {
        let b = B::BYTE_ORDER;
        let sql = format!(
            "SELECT {GLOSSARY_COLUMNS} FROM glossary \
             WHERE (CAST($1 AS TEXT) IS NULL OR target_lang = $1) \
             ORDER BY target_lang {b}, term {b}"
        );
        let found: Vec<GlossaryRow> = self
            .reader()
            .fetch_all(&sql, &[OptText(target.map(Lang::code))])
            .await?;
        found
            .into_iter()
            .map(|r| rows::glossary_from_row(B::NAME, r))
            .collect()
    }

    async fn glossary_put(&self, entry: &GlossaryEntry) -> Result<GlossaryEntry> {
        let checked = rows::checked_glossary(entry.target_lang, std::slice::from_ref(entry))?;
        // Like an override change: the generation moves in the same
        // transaction and is announced on commit.
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            write_glossary(tx, &checked).await?;
            self.announce(tx, generation).await?;
            checked.into_iter().next().ok_or(StoreError::NotFound)
        })
        .await
    }

    async fn glossary_delete(&self, target: Lang, term: &str) -> Result<()> {
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            let done = tx
                .execute(
                    "DELETE FROM glossary WHERE target_lang = $1 AND term = $2",
                    &[Text(target.code()), Text(term)],
                )
                .await?;
            if done == 0 {
                return Err(StoreError::NotFound);
            }
            self.announce(tx, generation).await
        })
        .await
    }

    async fn glossary_import(
        &self,
        target: Lang,
        entries: &[GlossaryEntry],
        replace_all: bool,
    ) -> Result<usize> {
        let checked = rows::checked_glossary(target, entries)?;
        write(self, async |tx| {
            let generation = bump_generation(tx).await?;
            if replace_all {
                tx.execute(
                    "DELETE FROM glossary WHERE target_lang = $1",
                    &[Text(target.code())],
                )
                .await?;
            }
            write_glossary(tx, &checked).await?;
            self.announce(tx, generation).await?;
            Ok(checked.len())
        })
        .await
    }

    async fn report_add(
        &self,
        page: &str,
        unit_key: &str,
        target: Lang,
        message: &str,
    ) -> Result<Report> {
        rows::check_report(page, unit_key, target, message)?;
        let created_at = now_ms();
        let (id,): (i64,) = write(self, async |tx| {
            tx.fetch_one(
                "INSERT INTO reports (page, unit_key, target_lang, message, created_at, status) \
                 VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id",
                &[
                    Text(page),
                    Text(unit_key),
                    Text(target.code()),
                    Text(message),
                    Int(created_at),
                ],
            )
            .await
        })
        .await?;
        Ok(Report {
            id,
            page: page.to_owned(),
            unit_key: unit_key.to_owned(),
            target_lang: target,
            message: message.to_owned(),
            created_at,
            status: ReportStatus::Open,
            resolved_by: None,
            resolved_at: None,
        })
    }

    async fn reports(
        &self,
        target: Option<Lang>,
        status: Option<ReportStatus>,
        page: Option<&str>,
    ) -> Result<Vec<Report>> {
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM reports \
             WHERE (CAST($1 AS TEXT) IS NULL OR target_lang = $1) \
             AND (CAST($2 AS TEXT) IS NULL OR status = $2) \
             AND (CAST($3 AS TEXT) IS NULL OR page = $3) \
             ORDER BY created_at DESC, id DESC LIMIT $4"
        );
        let found: Vec<ReportRow> = self
            .reader()
            .fetch_all(
                &sql,
                &[
                    OptText(target.map(Lang::code)),
                    OptText(status.map(ReportStatus::as_str)),
                    OptText(page),
                    Int(REPORTS_LISTED_MAX),
                ],
            )
            .await?;
        found
            .into_iter()
            .map(|r| rows::report_from_row(B::NAME, r))
            .collect()
    }

    async fn report_get(&self, id: i64) -> Result<Option<Report>> {
        report_by_id(&mut self.reader(), id).await
    }

    async fn report_resolve(&self, id: i64, by: &str) -> Result<Report> {
        rows::check_author(by)?;
        // One statement changes an open report; of two concurrent resolvers
        // the second finds it resolved and changes nothing.
        let sql = format!(
            "UPDATE reports SET status = 'resolved', resolved_by = $1, resolved_at = $2 \
             WHERE id = $3 AND status = 'open' RETURNING {REPORT_COLUMNS}"
        );
        write(self, async |tx| {
            let row: Option<ReportRow> = tx
                .fetch_optional(&sql, &[Text(by), Int(now_ms()), Int(id)])
                .await?;
            match row {
                Some(row) => rows::report_from_row(B::NAME, row),
                None => report_by_id(tx, id).await?.ok_or(StoreError::NotFound),
            }
        })
        .await
    }

    async fn generation(&self) -> Result<i64> {
        let (value,): (i64,) = self
            .reader()
            .fetch_one("SELECT value FROM generation WHERE id = 1", &[])
            .await?;
        Ok(value)
    }

    async fn keyed_under(&self) -> Result<i64> {
        let (version,): (i64,) = self
            .reader()
            .fetch_one(
                "SELECT segmenter_version FROM keyed_under WHERE id = 1",
                &[],
            )
            .await?;
        Ok(version)
    }

    async fn rekey(&self, from: i64, to: i64, new_key: &NewKey) -> Result<Rekeyed> {
        write(self, async |tx| {
            // The generation row is the lock every override change takes
            // first, so nothing is written under an old key meanwhile.
            tx.execute("UPDATE generation SET value = value WHERE id = 1", &[])
                .await?;
            let (keyed,): (i64,) = tx
                .fetch_one(
                    "SELECT segmenter_version FROM keyed_under WHERE id = 1",
                    &[],
                )
                .await?;
            if keyed != from {
                return Ok(Rekeyed::default());
            }
            let units: Vec<(String, String)> = tx
                .fetch_all(
                    "SELECT unit_key, source_text FROM tm WHERE segmenter_version = $1 \
                     UNION SELECT unit_key, source_text FROM overrides \
                     UNION SELECT unit_key, source_text FROM page_units",
                    &[Int(from)],
                )
                .await?;
            let mut done = Rekeyed::default();
            let mut seen = std::collections::HashSet::new();
            for (old, source) in &units {
                let Some(new) = new_key(old, source) else {
                    continue;
                };
                if new == *old || !seen.insert(old.clone()) {
                    continue;
                }
                rekey_unit(tx, old, &new, from, to).await?;
                let (kept,): (i64,) = tx
                    .fetch_one(
                        "SELECT COUNT(*) FROM overrides WHERE unit_key = $1",
                        &[Text(old)],
                    )
                    .await?;
                done.units += 1;
                done.overrides_kept += u64::try_from(kept).unwrap_or(0);
            }
            tx.execute(
                "UPDATE keyed_under SET segmenter_version = $1 WHERE id = 1",
                &[Int(to)],
            )
            .await?;
            if done.units > 0 {
                let generation = bump_generation(tx).await?;
                self.announce(tx, generation).await?;
            }
            Ok(done)
        })
        .await
    }
}

/// Moves one unit from key `old` (segmenter `from`) to `new` (segmenter
/// `to`) in every table that names it. A memory entry or override that the
/// new key already has (written by a newer instance) is kept, and the old
/// one stays where it was.
async fn rekey_unit(tx: &mut impl Exec, old: &str, new: &str, from: i64, to: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO tm (unit_key, source_lang, target_lang, provider, model, glossary_version, \
         segmenter_version, source_text, text, origin, characters_billed, created_at, used_at) \
         SELECT $1, source_lang, target_lang, provider, model, glossary_version, $4, \
         source_text, text, origin, characters_billed, created_at, used_at \
         FROM tm WHERE unit_key = $2 AND segmenter_version = $3 \
         ON CONFLICT DO NOTHING",
        &[Text(new), Text(old), Int(from), Int(to)],
    )
    .await?;
    tx.execute(
        "DELETE FROM tm WHERE unit_key = $1 AND segmenter_version = $2",
        &[Text(old), Int(from)],
    )
    .await?;
    // History first: whether the new key has an override yet decides
    // whether this unit's history and override move.
    for sql in [
        "UPDATE override_history SET unit_key = $1 WHERE unit_key = $2 \
         AND NOT EXISTS (SELECT 1 FROM overrides AS o WHERE o.unit_key = $1 \
          AND o.target_lang = override_history.target_lang) \
         AND NOT EXISTS (SELECT 1 FROM override_history AS h WHERE h.unit_key = $1 \
          AND h.target_lang = override_history.target_lang)",
        "UPDATE overrides SET unit_key = $1 WHERE unit_key = $2 \
         AND NOT EXISTS (SELECT 1 FROM overrides AS o WHERE o.unit_key = $1 \
          AND o.target_lang = overrides.target_lang)",
        "UPDATE reports SET unit_key = $1 WHERE unit_key = $2",
        "UPDATE page_units SET unit_key = $1 WHERE unit_key = $2",
    ] {
        tx.execute(sql, &[Text(new), Text(old)]).await?;
    }
    Ok(())
}
