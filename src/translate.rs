//! Machine translation: the provider seam and, around it, the [`Pipeline`]
//! that turns units of a Japanese page into units of a translated one.
//!
//! For each unit the pipeline looks for a bundled translation, then for one
//! it made before, and only then asks the provider chain. Before a unit goes
//! to a provider, tokens that MT must not touch are replaced by placeholders
//! (`protect`); after, they are rendered for the target language and the QA
//! gate ([`qa`]) checks that every placeholder came back exactly once and
//! that the text still says what the Japanese says: the same numbers, in the
//! target's script, nothing dropped, not the same answer to every sentence
//! of a batch. A unit that fails is not served and not remembered; it stays
//! Japanese, and is held for a while (`qa.refused_hold_secs`) so that a
//! provider mangling it is not paid again on every view.
//!
//! The glossary of the target ([`crate::glossary`]) is enforced on the way:
//! its terms are substituted by protected placeholders, or applied by a
//! provider with a glossary feature and checked in its output (see
//! [`Pipeline::glossary`] and `translate_claimed`). Each unit's glossary
//! version, 0 without terms, is part of its memory and TM keys.

pub mod backlog;
pub mod chain;
pub mod provider;
pub mod providers;
pub mod qa;
pub mod rekey;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::glossary::{self, Glossary};
use crate::i18n::Lang;
use crate::model::{Origin, OverrideState, TmEntry};
use crate::protect;
use crate::segment;
use crate::store::Store;

pub use chain::Chain;
pub use qa::{QaError, qa_gate};

/// One unit's translation, in placeholder form with protected tokens
/// already rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub text: String,
    pub origin: Origin,
    /// Provider and model for machine translations.
    pub model: Option<String>,
    /// When it was made (Unix ms): the machine translation or the
    /// override; `None` for bundled translations.
    pub at: Option<i64>,
}

/// The outcome of translating a list of units.
#[derive(Debug, Clone, Default)]
pub struct Translated {
    /// One entry per unit: `None` where it stays Japanese.
    pub units: Vec<Option<Arc<Translation>>>,
    /// Characters sent to providers that came back translated (what they bill).
    pub billed: u64,
    /// Indices of units whose machine translation the QA gate refused.
    pub rejected: Vec<usize>,
    /// Why, for each index of `rejected`.
    pub refusals: std::collections::BTreeMap<usize, QaError>,
    /// Indices of units still being translated in the background when the
    /// answer was due (see [`Pipeline::translate_within`]).
    pub pending: Vec<usize>,
}

/// Counters for `/metrics` and tests.
#[derive(Debug, Default)]
pub struct Stats {
    pub override_hits: AtomicU64,
    /// Found in the translation memory (the store), not in this process.
    pub tm_hits: AtomicU64,
    pub memory_hits: AtomicU64,
    pub bundled_hits: AtomicU64,
    pub machine_translated: AtomicU64,
    /// Units a provider returned that failed the QA gate.
    pub qa_rejections: AtomicU64,
    /// The same, by reason and target language.
    pub qa_refusals: qa::Refusals,
    /// Units no provider could translate.
    pub untranslated: AtomicU64,
    /// Store reads or writes that failed (the page is still served).
    pub store_errors: AtomicU64,
}

/// `None` while the unit is being translated; then what came of it.
type InFlightReceiver = tokio::sync::watch::Receiver<Option<Option<Arc<Translation>>>>;

/// What a machine translation of a unit is remembered by in this process:
/// target, unit key and the unit's glossary version
/// ([`Glossary::unit_version`]), so a changed term is not served from
/// memory either.
type UnitId = (Lang, String, i64);

/// A unit still to be translated: its source, key, glossary version and
/// where it occurs in the caller's list.
type Wanted = (String, String, i64, Vec<usize>);

/// Removes this call's in-flight claims however the call ends (finished,
/// failed or dropped), so waiters are released and later calls try again.
struct Claims<'a> {
    in_flight: &'a std::sync::Mutex<HashMap<UnitId, InFlightReceiver>>,
    keys: Vec<UnitId>,
}

impl Drop for Claims<'_> {
    fn drop(&mut self) {
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        for key in &self.keys {
            in_flight.remove(key);
        }
    }
}

/// How long a unit refused by the QA gate stays Japanese before a provider
/// is asked again, unless configured (`qa.refused_hold_secs`).
pub const REFUSED_RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// How many translations may go on in the background at once, by default
/// (see [`Pipeline::translate_within`]).
pub const BACKGROUND_TRANSLATIONS: usize = 8;

/// Bundled translations: (target, unit key) → translated unit text.
pub type Bundled = HashMap<(Lang, String), String>;

pub struct Pipeline {
    chain: Chain,
    bundled: Bundled,
    /// The translation memory and overrides; `None` only for
    /// [`Pipeline::in_memory`].
    store: Option<Arc<dyn Store>>,
    /// Machine translations made by this process.
    memory: moka::sync::Cache<UnitId, Arc<Translation>>,
    /// Units whose machine translation the QA gate refused lately, with the
    /// reason: not sent again until the entry expires, so a provider that
    /// keeps mangling one sentence is not paid on every page view.
    refused: moka::sync::Cache<UnitId, QaError>,
    /// Units a provider is being asked for right now, so a concurrent
    /// request for the same unit (another page, the API) waits for that
    /// answer instead of paying for it again.
    in_flight: std::sync::Mutex<HashMap<UnitId, InFlightReceiver>>,
    /// Each target's glossary as read at a store generation; re-read when
    /// the generation moves (every glossary change bumps it).
    glossaries: std::sync::Mutex<HashMap<Lang, (i64, Arc<Glossary>)>>,
    /// The store's generation as this process watches it (shared with the
    /// `App`, whose page cache is keyed by it too).
    generation: Option<Arc<crate::store::GenerationWatch>>,
    /// Translations going on after their reader was answered (see
    /// [`Pipeline::translate_within`]), at most this many at once.
    background: Arc<tokio::sync::Semaphore>,
    /// Machine translations the store refused, written again when it takes
    /// writes (and served from here meanwhile).
    pub backlog: backlog::Backlog,
    pub stats: Stats,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("chain", &self.chain)
            .field("bundled", &self.bundled.len())
            .finish_non_exhaustive()
    }
}

/// A unit made ready for providers: its protected form, the glossary terms
/// found in it and, when there are any, the form with them substituted.
struct Prepared {
    protected: protect::Protected,
    matches: Vec<glossary::TermMatch>,
    substituted: Option<protect::Protected>,
}

impl Prepared {
    fn new(source: &str, version: i64, glossary: &Glossary) -> Self {
        let protected = protect::protect(source);
        // Version 0: no term in the unit, nothing to look for.
        let matches = if version == 0 {
            Vec::new()
        } else {
            glossary.find(&protected.text)
        };
        let substituted =
            (!matches.is_empty()).then(|| glossary::substitute(&protected, glossary, &matches));
        Self {
            protected,
            matches,
            substituted,
        }
    }

    fn chain_text(&self) -> chain::ChainText {
        chain::ChainText {
            plain: self.protected.text.clone(),
            substituted: self.substituted.as_ref().map(|p| p.text.clone()),
        }
    }
}

impl Pipeline {
    /// The pipeline of a service: reads overrides and the translation
    /// memory from `store` and writes every new machine translation to it
    /// before the translation is used. `memory_bytes` bounds the in-process
    /// memory of machine translations.
    pub fn with_store(
        chain: Chain,
        bundled: Bundled,
        store: Arc<dyn Store>,
        memory_bytes: u64,
    ) -> Self {
        Self::build(chain, bundled, Some(store), memory_bytes)
    }

    /// A pipeline with no store at all: nothing survives the process and
    /// there are no overrides. For measuring the algorithm alone (the
    /// benchmarks, the QA property tests), where a database would only add
    /// noise; the service always has a store.
    pub fn in_memory(chain: Chain, bundled: Bundled, memory_bytes: u64) -> Self {
        Self::build(chain, bundled, None, memory_bytes)
    }

    fn build(
        chain: Chain,
        bundled: Bundled,
        store: Option<Arc<dyn Store>>,
        memory_bytes: u64,
    ) -> Self {
        let memory = moka::sync::Cache::builder()
            .weigher(|key: &UnitId, value: &Arc<Translation>| {
                u32::try_from(key.1.len() + value.text.len() + 64).unwrap_or(u32::MAX)
            })
            .max_capacity(memory_bytes)
            .build();
        let refused = refused_hold(REFUSED_RETRY_AFTER);
        Self {
            chain,
            bundled,
            memory,
            refused,
            in_flight: std::sync::Mutex::new(HashMap::new()),
            glossaries: std::sync::Mutex::new(HashMap::new()),
            generation: store
                .clone()
                .map(|s| Arc::new(crate::store::GenerationWatch::new(s))),
            store,
            background: Arc::new(tokio::sync::Semaphore::new(BACKGROUND_TRANSLATIONS)),
            backlog: backlog::Backlog::default(),
            stats: Stats::default(),
        }
    }

    /// Lets at most `permits` translations go on in the background at once
    /// (instead of [`BACKGROUND_TRANSLATIONS`]).
    #[must_use]
    pub fn with_background_limit(mut self, permits: usize) -> Self {
        self.background = Arc::new(tokio::sync::Semaphore::new(permits.max(1)));
        self
    }

    /// Holds units the QA gate refused for `hold` before asking a provider
    /// again (instead of [`REFUSED_RETRY_AFTER`]).
    #[must_use]
    pub fn with_refused_hold(mut self, hold: std::time::Duration) -> Self {
        self.refused = refused_hold(hold);
        self
    }

    /// Watches the generation through `watch` (the process's one watch)
    /// instead of one of its own.
    #[must_use]
    pub fn with_generation(mut self, watch: Arc<crate::store::GenerationWatch>) -> Self {
        self.generation = Some(watch);
        self
    }

    pub fn store(&self) -> Option<&Arc<dyn Store>> {
        self.store.as_ref()
    }

    /// Whether the content ships a reviewed translation of this unit into
    /// `to` (what readers get without an override, instead of MT).
    pub fn has_bundled(&self, to: Lang, unit_key: &str) -> bool {
        self.bundled.contains_key(&(to, unit_key.to_owned()))
    }

    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The glossary of `to` as the store holds it: the entries are read
    /// again only when the watched generation moved, which every glossary
    /// change makes it do (at once on this instance, within
    /// [`crate::store::GENERATION_POLL`] on others). Without a store, or when
    /// the store cannot be read, the last glossary read (or none) is used and
    /// the failure counted.
    pub async fn glossary(&self, to: Lang) -> Arc<Glossary> {
        let cached = self
            .glossaries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&to)
            .cloned();
        let (Some(store), Some(watch)) = (&self.store, &self.generation) else {
            return cached.map_or_else(|| Arc::new(Glossary::empty(to)), |(_, g)| g);
        };
        let generation = watch.current().await;
        if let Some((seen, glossary)) = &cached {
            if *seen == generation {
                return glossary.clone();
            }
        }
        match store.glossary_all(Some(to)).await {
            Ok(entries) => {
                let glossary = Arc::new(Glossary::from_entries(to, &entries));
                self.glossaries
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(to, (generation, glossary.clone()));
                glossary
            }
            Err(error) => {
                self.stats.store_errors.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(%error, "cannot read the glossary; using it as last read");
                cached.map_or_else(|| Arc::new(Glossary::empty(to)), |(_, g)| g)
            }
        }
    }

    /// Translates unit texts (placeholder form) into `to`: one entry per
    /// text, `None` where the unit stays Japanese. The same text twice is
    /// translated once.
    pub async fn translate_units(
        &self,
        sources: &[String],
        to: Lang,
    ) -> Vec<Option<Arc<Translation>>> {
        self.translate_detailed(sources, to).await.units
    }

    /// Like [`Pipeline::translate_units`], also saying what the call cost
    /// and which units the QA gate refused.
    pub async fn translate_detailed(&self, sources: &[String], to: Lang) -> Translated {
        self.translate_with(sources, to, true).await
    }

    /// What readers would get without translators' overrides (bundled,
    /// remembered or machine): for the translators' side-by-side view.
    pub async fn translate_without_overrides(&self, sources: &[String], to: Lang) -> Translated {
        self.translate_with(sources, to, false).await
    }

    /// Translates `sources` into `to`, answering within `budget` whatever
    /// the providers do. What is translated by then (or was already known:
    /// overrides, bundled, memory, the translation memory) comes back; the
    /// rest is `None` and listed in [`Translated::pending`], and goes on
    /// being translated in a task of its own, bounded by the chain's page
    /// deadline and by the background limit, single-flight with every other
    /// request for the same units. What it produces is stored as usual, so
    /// the next reader gets it.
    pub async fn translate_within(
        self: &Arc<Self>,
        sources: &[String],
        to: Lang,
        budget: std::time::Duration,
    ) -> Translated {
        let pipeline = self.clone();
        let owned = sources.to_vec();
        let mut job = tokio::spawn(async move {
            // Waiting for a permit is part of the background work: the
            // reader is answered from what is known meanwhile.
            let _permit = pipeline.background.clone().acquire_owned().await;
            pipeline.translate_detailed(&owned, to).await
        });
        match tokio::time::timeout(budget, &mut job).await {
            Ok(Ok(translated)) => translated,
            Ok(Err(error)) => {
                tracing::error!(%error, "a translation task failed; serving what is known");
                self.translate_known(sources, to).await
            }
            Err(_) => {
                // The job goes on detached; this answer has what is known.
                let mut known = self.translate_known(sources, to).await;
                known.pending = known
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(i, unit)| unit.is_none() && !known.refusals.contains_key(i))
                    .map(|(i, _)| i)
                    .collect();
                known
            }
        }
    }

    /// What is known of `sources` without asking a provider or waiting for
    /// one: overrides, bundled translations, this process's memory and the
    /// translation memory.
    pub async fn translate_known(&self, sources: &[String], to: Lang) -> Translated {
        self.translate_with_mode(sources, to, true, false).await
    }

    async fn translate_with(&self, sources: &[String], to: Lang, overrides: bool) -> Translated {
        self.translate_with_mode(sources, to, overrides, true).await
    }

    async fn translate_with_mode(
        &self,
        sources: &[String],
        to: Lang,
        overrides: bool,
        providers: bool,
    ) -> Translated {
        let mut refusals = Vec::new();
        let (units, billed) = self
            .translate_inner(sources, to, overrides, providers, &mut refusals)
            .await;
        let refusals: std::collections::BTreeMap<usize, QaError> = refusals.into_iter().collect();
        Translated {
            units,
            billed,
            rejected: refusals.keys().copied().collect(),
            refusals,
            pending: Vec::new(),
        }
    }

    async fn translate_inner(
        &self,
        sources: &[String],
        to: Lang,
        use_overrides: bool,
        use_providers: bool,
        rejected: &mut Vec<(usize, QaError)>,
    ) -> (Vec<Option<Arc<Translation>>>, u64) {
        let mut results: Vec<Option<Arc<Translation>>> = vec![None; sources.len()];
        if to.is_source() {
            return (results, 0);
        }
        let keys: Vec<String> = sources.iter().map(|s| segment::unit_key(s)).collect();
        if let Some(store) = &self.store {
            self.backlog.flush(store.as_ref()).await;
        }
        let glossary = self.glossary(to).await;
        // A translator's approved override wins over everything. One that
        // needs review (its source changed) is not served: the machine
        // translation of the current source is, until a translator looks.
        if let (Some(store), true) = (&self.store, use_overrides) {
            match store.override_get(&keys, to).await {
                Ok(overrides) => {
                    for (i, key) in keys.iter().enumerate() {
                        if let Some(o) = overrides
                            .get(key)
                            .filter(|o| o.state == OverrideState::Approved)
                        {
                            self.stats.override_hits.fetch_add(1, Ordering::Relaxed);
                            results[i] = Some(Arc::new(Translation {
                                text: o.text.clone(),
                                origin: Origin::Translator,
                                model: None,
                                at: Some(o.updated_at),
                            }));
                        }
                    }
                }
                Err(error) => {
                    self.stats.store_errors.fetch_add(1, Ordering::Relaxed);
                    tracing::warn!(%error, "cannot read overrides; serving without them");
                }
            }
        }
        // Unique texts still needing a translation, with where they occur.
        let mut wanted: Vec<Wanted> = Vec::new();
        let mut index_of: HashMap<&str, usize> = HashMap::new();
        for (i, (source, key)) in sources.iter().zip(&keys).enumerate() {
            if results[i].is_some() {
                continue;
            }
            if let Some(text) = self.bundled.get(&(to, key.clone())) {
                self.stats.bundled_hits.fetch_add(1, Ordering::Relaxed);
                results[i] = Some(Arc::new(Translation {
                    text: text.clone(),
                    origin: Origin::Bundled,
                    model: None,
                    at: None,
                }));
                continue;
            }
            // The terms are found in the unit as the segmenter gave it (tags
            // excluded); a term inside a token that `protect` renders (a URL,
            // a date) counts towards the version but is not substituted.
            let version = glossary.unit_version(&glossary.find(source));
            let id = (to, key.clone(), version);
            if let Some(found) = self.memory.get(&id) {
                self.stats.memory_hits.fetch_add(1, Ordering::Relaxed);
                results[i] = Some(found);
                continue;
            }
            if let Some(kept) = self.backlog.get(to, key, version) {
                self.stats.memory_hits.fetch_add(1, Ordering::Relaxed);
                let found = Arc::new(Translation {
                    text: kept.text,
                    origin: kept.origin,
                    model: Some(kept.model),
                    at: Some(kept.created_at),
                });
                self.memory.insert(id, found.clone());
                results[i] = Some(found);
                continue;
            }
            if let Some(reason) = self.refused.get(&id) {
                rejected.push((i, reason));
                continue;
            }
            match index_of.get(source.as_str()) {
                Some(&w) => wanted[w].3.push(i),
                None => {
                    index_of.insert(source.as_str(), wanted.len());
                    wanted.push((source.clone(), key.clone(), version, vec![i]));
                }
            }
        }
        if wanted.is_empty() {
            return (results, 0);
        }
        // The translation memory: paid for once, by any instance, ever. One
        // lookup per glossary version present (most units have version 0).
        if let Some(store) = &self.store {
            let mut versions: Vec<i64> = wanted.iter().map(|w| w.2).collect();
            versions.sort_unstable();
            versions.dedup();
            let mut found: HashMap<(String, i64), TmEntry> = HashMap::new();
            for version in versions {
                let wanted_keys: Vec<String> = wanted
                    .iter()
                    .filter(|w| w.2 == version)
                    .map(|w| w.1.clone())
                    .collect();
                match store
                    .tm_get(
                        &wanted_keys,
                        to,
                        version,
                        i64::from(segment::SEGMENTER_VERSION),
                    )
                    .await
                {
                    Ok(entries) => {
                        found.extend(entries.into_iter().map(|(k, e)| ((k, version), e)));
                    }
                    Err(error) => {
                        self.stats.store_errors.fetch_add(1, Ordering::Relaxed);
                        tracing::warn!(%error, "cannot read the translation memory");
                    }
                }
            }
            if !found.is_empty() {
                // Keep `used_at` meaningful (what is still read) without
                // a write on every page view: only when a page is built.
                let mut used: Vec<String> = found.keys().map(|(k, _)| k.clone()).collect();
                used.sort_unstable();
                used.dedup();
                if let Err(error) = store.tm_touch(&used, to, crate::clock::now_ms()).await {
                    self.stats.store_errors.fetch_add(1, Ordering::Relaxed);
                    tracing::warn!(%error, "cannot record translation-memory use");
                }
            }
            wanted.retain(|(_, key, version, positions)| {
                let Some(entry) = found.get(&(key.clone(), *version)) else {
                    return true;
                };
                self.stats
                    .tm_hits
                    .fetch_add(positions.len() as u64, Ordering::Relaxed);
                let translation = Arc::new(Translation {
                    text: entry.text.clone(),
                    origin: entry.origin,
                    model: Some(entry.model.clone()),
                    at: Some(entry.created_at),
                });
                self.memory
                    .insert((to, key.clone(), *version), translation.clone());
                for &i in positions {
                    results[i] = Some(translation.clone());
                }
                false
            });
        }
        if wanted.is_empty() || !use_providers {
            return (results, 0);
        }
        if self.chain.is_empty() {
            self.stats
                .untranslated
                .fetch_add(wanted.len() as u64, Ordering::Relaxed);
            return (results, 0);
        }
        // Claim the units nobody is translating yet; wait for the others.
        let mut waits: Vec<(InFlightReceiver, Vec<usize>)> = Vec::new();
        let mut senders: HashMap<
            String,
            tokio::sync::watch::Sender<Option<Option<Arc<Translation>>>>,
        > = HashMap::new();
        let mut claims = Claims {
            in_flight: &self.in_flight,
            keys: Vec::new(),
        };
        {
            let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            wanted.retain(|(_, key, version, positions)| {
                let claim = (to, key.clone(), *version);
                if let Some(receiver) = in_flight.get(&claim) {
                    waits.push((receiver.clone(), positions.clone()));
                    return false;
                }
                let (sender, receiver) = tokio::sync::watch::channel(None);
                in_flight.insert(claim.clone(), receiver);
                claims.keys.push(claim);
                senders.insert(key.clone(), sender);
                true
            });
        }
        let (results, billed) = self
            .translate_claimed(wanted, results, to, &glossary, rejected, &senders)
            .await;
        drop(senders);
        drop(claims);
        let mut results = results;
        for (mut receiver, positions) in waits {
            let outcome = loop {
                if let Some(outcome) = receiver.borrow_and_update().clone() {
                    break outcome;
                }
                if receiver.changed().await.is_err() {
                    // The translating call ended without an answer.
                    break receiver.borrow().clone().flatten();
                }
            };
            for i in positions {
                results[i] = outcome.clone();
            }
        }
        (results, billed)
    }

    /// Sends the claimed units to the providers, gates, remembers and
    /// publishes the outcome of each to concurrent waiters.
    ///
    /// Glossary enforcement: a unit holding terms goes to a provider either
    /// with its terms substituted by protected placeholders (rendered as the
    /// required translations, checked by the QA gate like any token) or, to
    /// a provider that applies glossaries itself, as written with the
    /// glossary. The latter's output must contain every required
    /// translation; a unit where it does not is sent again in substituted
    /// form, so no machine translation is served without its terms.
    async fn translate_claimed(
        &self,
        wanted: Vec<Wanted>,
        mut results: Vec<Option<Arc<Translation>>>,
        to: Lang,
        glossary: &Glossary,
        rejected: &mut Vec<(usize, QaError)>,
        senders: &HashMap<String, tokio::sync::watch::Sender<Option<Option<Arc<Translation>>>>>,
    ) -> (Vec<Option<Arc<Translation>>>, u64) {
        if wanted.is_empty() {
            return (results, 0);
        }
        let prepared: Vec<Prepared> = wanted
            .iter()
            .map(|(source, _, version, _)| Prepared::new(source, *version, glossary))
            .collect();
        let items: Vec<chain::ChainText> = prepared.iter().map(Prepared::chain_text).collect();
        let mut machine = self
            .chain
            .translate_with_glossary(&items, to, glossary)
            .await;
        let mut sent: Vec<String> = machine
            .iter()
            .zip(&items)
            .map(|(m, item)| {
                let by_provider = m.as_ref().is_some_and(|m| m.glossary_by_provider);
                match (&item.substituted, by_provider) {
                    (Some(substituted), false) => substituted.clone(),
                    _ => item.plain.clone(),
                }
            })
            .collect();
        // A provider that applied the glossary itself but left a required
        // translation out: that unit again, substituted.
        let mut billed: u64 = 0;
        let missed: Vec<usize> = machine
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let m = m.as_ref()?;
                let p = &prepared[i];
                (m.glossary_by_provider
                    && p.substituted.is_some()
                    && !glossary::enforced(&m.text, glossary, &p.matches))
                .then_some(i)
            })
            .collect();
        if !missed.is_empty() {
            tracing::info!(
                units = missed.len(),
                target = %to,
                "the provider's glossary left required translations out; substituting"
            );
            let texts: Vec<String> = missed
                .iter()
                .filter_map(|&i| prepared[i].substituted.as_ref().map(|p| p.text.clone()))
                .collect();
            billed += missed
                .iter()
                .map(|&i| sent[i].chars().count() as u64)
                .sum::<u64>();
            let again = self.chain.translate(&texts, to).await;
            for ((&i, again), text) in missed.iter().zip(again).zip(texts) {
                machine[i] = again;
                sent[i] = text;
            }
        }
        // A provider that gave one answer to many different sentences answered
        // junk: its whole batch is refused. What counts is the text it was
        // sent: units that are all tokens (a date and its time) come back as
        // their placeholders, the same for every one of them, and a batch of
        // mostly such units (what a provider gets when another one took the
        // plain units) is no junk.
        let mut junk: HashMap<&'static str, QaError> = HashMap::new();
        {
            let mut by_provider: HashMap<&'static str, Vec<(&str, &str)>> = HashMap::new();
            for (machine, sent) in machine.iter().zip(&sent) {
                if let Some(m) = machine {
                    by_provider
                        .entry(m.provider)
                        .or_default()
                        .push((sent.as_str(), m.text.as_str()));
                }
            }
            for (provider, units) in by_provider {
                if let Some(error) = qa::batch(&units) {
                    junk.insert(provider, error);
                }
            }
        }
        let now = crate::clock::now_ms();
        let mut remembered: Vec<TmEntry> = Vec::new();
        let mut accepted: Vec<(String, i64, Arc<Translation>, Vec<usize>)> = Vec::new();
        for ((((source, key, version, positions), prepared), machine), sent) in
            wanted.into_iter().zip(prepared).zip(machine).zip(&sent)
        {
            let Some(machine) = machine else {
                self.stats.untranslated.fetch_add(1, Ordering::Relaxed);
                continue;
            };
            billed += sent.chars().count() as u64;
            let sent_form = match (&prepared.substituted, machine.glossary_by_provider) {
                (Some(substituted), false) => substituted,
                _ => &prepared.protected,
            };
            let gated = match junk.get(machine.provider) {
                Some(error) => Err(error.clone()),
                None => qa_gate(&source, sent_form, &machine.text, to),
            };
            match gated {
                Ok(text) => {
                    self.stats
                        .machine_translated
                        .fetch_add(1, Ordering::Relaxed);
                    remembered.push(TmEntry {
                        unit_key: key.clone(),
                        source_lang: Lang::SOURCE,
                        target_lang: to,
                        provider: machine.provider.to_owned(),
                        model: machine.model.clone(),
                        glossary_version: version,
                        segmenter_version: i64::from(segment::SEGMENTER_VERSION),
                        source_text: source.clone(),
                        text: text.clone(),
                        origin: Origin::Machine,
                        characters_billed: i64::try_from(sent.chars().count()).unwrap_or(i64::MAX),
                        created_at: now,
                        used_at: now,
                    });
                    let translation = Arc::new(Translation {
                        text,
                        origin: Origin::Machine,
                        model: Some(machine.model),
                        at: Some(now),
                    });
                    accepted.push((key, version, translation, positions));
                }
                Err(error) => {
                    rejected.extend(positions.iter().map(|&i| (i, error.clone())));
                    self.stats.qa_rejections.fetch_add(1, Ordering::Relaxed);
                    self.stats.qa_refusals.record(&error, to);
                    tracing::warn!(
                        provider = machine.provider,
                        target = %to,
                        unit = %key,
                        reason = error.code(),
                        "machine translation refused by the QA gate: {error}"
                    );
                    self.refused.insert((to, key.clone(), version), error);
                }
            }
        }
        // Paid for: into the translation memory before anyone sees it, so a
        // crash after the response cannot lose it.
        if let (Some(store), false) = (&self.store, remembered.is_empty()) {
            if let Err(error) = store.tm_put(&remembered).await {
                self.stats.store_errors.fetch_add(1, Ordering::Relaxed);
                tracing::error!(%error, units = remembered.len(), "cannot write to the translation memory; the translations are served and kept to be written when the store takes writes again");
                self.backlog.keep(remembered);
            }
        }
        for (key, version, translation, positions) in accepted {
            self.memory
                .insert((to, key.clone(), version), translation.clone());
            if let Some(sender) = senders.get(&key) {
                sender.send_replace(Some(Some(translation.clone())));
            }
            for i in positions {
                results[i] = Some(translation.clone());
            }
        }
        // Everything not published above stays Japanese for the waiters too.
        for sender in senders.values() {
            sender.send_if_modified(|value| {
                if value.is_none() {
                    *value = Some(None);
                    true
                } else {
                    false
                }
            });
        }
        (results, billed)
    }
}

fn refused_hold(hold: std::time::Duration) -> moka::sync::Cache<UnitId, QaError> {
    moka::sync::Cache::builder()
        .max_capacity(100_000)
        .time_to_live(hold)
        .build()
}
