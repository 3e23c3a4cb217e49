//! The provider chain: for one target language, the configured providers in
//! order (the language's `chain`, or `providers.order`), skipping those that
//! do not translate into it. Texts are batched by each provider's limits,
//! batches run concurrently (bounded), each batch is retried on temporary
//! failures, and whatever one provider cannot translate falls through to
//! the next, as do the units with markup a provider takes only as plain
//! text (DeepL's text-only languages).
//!
//! Money: before a provider is sent anything, the characters are reserved
//! in the store's ledger ([`Store::usage_reserve`]), which refuses what
//! would take the provider past its daily or monthly budget, however many
//! instances and requests reserve at once. A reservation that cannot be
//! written means the provider is not called: nothing is spent that is not
//! recorded. After the provider answered, the reservation is settled with
//! what was actually translated; a settlement the store cannot take is
//! kept and written when the store takes writes again (until then the
//! whole reservation counts, which errs on the side of the budget).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;

use crate::clock::{Clock, SystemClock};
use crate::config::{BudgetsConfig, ProvidersConfig};
use crate::glossary::Glossary;
use crate::i18n::{Lang, Languages};
use crate::model::{Budget, Reservation};
use crate::store::Store;
use crate::translate::provider::{
    Circuit, ProviderError, RetryPolicy, TranslationProvider, split_batches, with_retries,
};

/// A provider with the state the chain keeps about it.
pub struct Slot {
    pub provider: Arc<dyn TranslationProvider>,
    circuit: Circuit,
    /// Requests sent (each attempt counts), for metrics and tests.
    pub requests: AtomicU64,
    /// Characters of source text sent in successful requests.
    pub characters: AtomicU64,
    pub failures: AtomicU64,
    /// Times the provider was skipped because its budget was spent.
    pub budget_refusals: AtomicU64,
    /// Times the provider was skipped because the ledger could not be
    /// written (so nothing could be spent).
    pub ledger_failures: AtomicU64,
    /// Time per batch, retries included.
    pub latency: crate::metrics::Histogram,
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slot")
            .field("provider", &self.provider.name())
            .field("requests", &self.requests.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// A text translated by the chain, with who translated it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Machine {
    pub text: String,
    pub provider: &'static str,
    pub model: String,
    /// The provider was sent the text as written and applied the glossary
    /// itself (see [`TranslationProvider::applies_glossary`]); otherwise it
    /// was sent the substituted form, when the text had one.
    pub glossary_by_provider: bool,
}

/// One text for the chain in both forms a provider may need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainText {
    /// Placeholder form, glossary terms as written.
    pub plain: String,
    /// The glossary terms replaced by protected placeholders; `None` when
    /// the text holds no term.
    pub substituted: Option<String>,
}

impl ChainText {
    fn for_provider(&self, provider_applies_glossary: bool) -> &str {
        match (&self.substituted, provider_applies_glossary) {
            (Some(substituted), false) => substituted,
            _ => &self.plain,
        }
    }
}

/// A batch's position in the pending list and what the provider made of it.
type BatchOutcome = (std::ops::Range<usize>, Result<Vec<String>, ProviderError>);

#[derive(Debug)]
pub struct Chain {
    slots: Vec<Arc<Slot>>,
    /// Per target language, indices into `slots` in the order to try them.
    order: Vec<(Lang, Vec<usize>)>,
    retry: RetryPolicy,
    circuit_open: Duration,
    max_concurrent_batches: usize,
    /// How long one call to [`Chain::translate`] may take in all.
    deadline: Duration,
    /// Where characters are reserved before they are sent, per provider and
    /// day, and budgets checked; `None` counts in memory only.
    ledger: Option<Arc<dyn Store>>,
    budgets: BudgetsConfig,
    /// Which day a reservation is charged to.
    clock: Arc<dyn Clock>,
    /// Settlements the ledger could not take yet, written again later.
    unsettled: std::sync::Mutex<Unsettled>,
}

/// What the ledger says to a call about to be made.
enum Permit {
    /// Send, and settle the reservation after (none without a ledger).
    Granted(Option<Reservation>),
    /// Do not send to this provider.
    Refused,
}

/// Settlements waiting for the ledger, and when to try them next.
#[derive(Debug, Default)]
struct Unsettled {
    waiting: Vec<(Reservation, i64, i64)>,
    next_try: Option<Instant>,
}

/// How long the chain waits before trying again to write settlements the
/// ledger refused.
const SETTLE_RETRY: Duration = Duration::from_secs(1);

/// At most this many settlements wait in memory; past it the oldest are
/// dropped (their reservations then stay counted in full).
const UNSETTLED_MAX: usize = 10_000;

impl Chain {
    /// `providers` are the enabled adapters; `languages` give each target's
    /// order and `config` the retry and circuit settings.
    pub fn new(
        providers: Vec<Arc<dyn TranslationProvider>>,
        config: &ProvidersConfig,
        languages: &Languages,
    ) -> Self {
        let slots: Vec<Arc<Slot>> = providers
            .into_iter()
            .map(|provider| {
                Arc::new(Slot {
                    provider,
                    circuit: Circuit::default(),
                    requests: AtomicU64::new(0),
                    characters: AtomicU64::new(0),
                    failures: AtomicU64::new(0),
                    budget_refusals: AtomicU64::new(0),
                    ledger_failures: AtomicU64::new(0),
                    latency: crate::metrics::Histogram::default(),
                })
            })
            .collect();
        let mut order = Vec::new();
        for language in languages.targets() {
            let mut indices = Vec::new();
            for name in language.chain.as_ref().unwrap_or(&config.order) {
                if let Some(i) = slots.iter().position(|s| s.provider.name() == name) {
                    if !indices.contains(&i) {
                        indices.push(i);
                    }
                }
            }
            order.push((language.lang, indices));
        }
        Self {
            slots,
            order,
            retry: RetryPolicy {
                max_retries: config.max_retries,
                base_delay: Duration::from_millis(config.retry_base_delay_ms),
                max_delay: Duration::from_millis(config.retry_max_delay_ms),
            },
            circuit_open: Duration::from_secs(config.circuit_open_secs),
            max_concurrent_batches: config.max_concurrent_batches.max(1),
            deadline: Duration::from_secs(config.page_deadline_secs.max(1)),
            ledger: None,
            budgets: BudgetsConfig::default(),
            clock: Arc::new(SystemClock),
            unsettled: std::sync::Mutex::new(Unsettled::default()),
        }
    }

    /// Reserves characters in `store` before every provider call, within
    /// `budgets`.
    pub fn with_ledger(mut self, store: Arc<dyn Store>, budgets: BudgetsConfig) -> Self {
        self.ledger = Some(store);
        self.budgets = budgets;
        self
    }

    /// Takes "today" from `clock` (tests of the turn of a day or month).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Reserves `characters` of the slot's provider in the ledger. Refused
    /// when the budget is spent, and when the ledger cannot be written,
    /// which stops spending too: a budget is a promise about money.
    async fn reserve(&self, slot: &Slot, characters: u64) -> Permit {
        let Some(ledger) = &self.ledger else {
            return Permit::Granted(None);
        };
        let provider = slot.provider.name();
        let limit = |budgets: &std::collections::BTreeMap<String, u64>| {
            budgets
                .get(provider)
                .copied()
                .filter(|b| *b > 0)
                .map(|b| i64::try_from(b).unwrap_or(i64::MAX))
        };
        let budget = Budget {
            daily: limit(&self.budgets.daily),
            monthly: limit(&self.budgets.monthly),
        };
        let day = self.clock.today();
        let amount = i64::try_from(characters).unwrap_or(i64::MAX);
        match ledger.usage_reserve(provider, &day, amount, budget).await {
            Ok(Some(reservation)) => Permit::Granted(Some(reservation)),
            Ok(None) => {
                slot.budget_refusals.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(
                    provider,
                    characters,
                    daily = ?budget.daily,
                    monthly = ?budget.monthly,
                    "budget spent; not sending to this provider"
                );
                Permit::Refused
            }
            Err(error) => {
                slot.ledger_failures.fetch_add(1, Ordering::Relaxed);
                tracing::error!(provider, %error, characters, "cannot reserve characters in the usage ledger; not sending to this provider");
                Permit::Refused
            }
        }
    }

    /// Settles `reservation` with what was sent and answered, or keeps the
    /// settlement for later when the ledger cannot take it now.
    async fn settle(&self, reservation: Reservation, used: i64, requests: i64) {
        let Some(ledger) = &self.ledger else {
            return;
        };
        if let Err(error) = ledger.usage_settle(&reservation, used, requests).await {
            tracing::error!(provider = %reservation.provider, %error, used, reserved = reservation.characters, "cannot settle a reservation in the usage ledger; keeping it to write later");
            let mut unsettled = self.unsettled.lock().unwrap_or_else(|e| e.into_inner());
            if unsettled.waiting.len() >= UNSETTLED_MAX {
                unsettled.waiting.remove(0);
            }
            unsettled.waiting.push((reservation, used, requests));
            unsettled.next_try = Some(Instant::now() + SETTLE_RETRY);
        }
    }

    /// Writes the settlements the ledger refused before, when it is time
    /// to try again.
    async fn settle_waiting(&self) {
        let Some(ledger) = &self.ledger else {
            return;
        };
        let waiting = {
            let mut unsettled = self.unsettled.lock().unwrap_or_else(|e| e.into_inner());
            if unsettled.waiting.is_empty()
                || unsettled.next_try.is_some_and(|at| Instant::now() < at)
            {
                return;
            }
            unsettled.next_try = Some(Instant::now() + SETTLE_RETRY);
            std::mem::take(&mut unsettled.waiting)
        };
        let mut still = Vec::new();
        for (reservation, used, requests) in waiting {
            if !still.is_empty() {
                still.push((reservation, used, requests));
                continue;
            }
            match ledger.usage_settle(&reservation, used, requests).await {
                Ok(()) => {}
                Err(crate::store::StoreError::Invalid(_) | crate::store::StoreError::NotFound) => {
                    tracing::error!(provider = %reservation.provider, day = %reservation.day, "a kept settlement no longer fits the ledger; dropped");
                }
                Err(_) => still.push((reservation, used, requests)),
            }
        }
        if !still.is_empty() {
            let mut unsettled = self.unsettled.lock().unwrap_or_else(|e| e.into_inner());
            still.append(&mut unsettled.waiting);
            unsettled.waiting = still;
        }
    }

    /// Settlements not yet written to the ledger.
    pub fn unsettled(&self) -> usize {
        self.unsettled
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .waiting
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn slots(&self) -> &[Arc<Slot>] {
        &self.slots
    }

    /// Names of the providers tried for `lang`, in order: those of its
    /// chain that are configured and translate into it.
    pub fn providers_for(&self, lang: Lang) -> Vec<&'static str> {
        self.order_for(lang)
            .iter()
            .map(|&i| &self.slots[i].provider)
            .filter(|p| p.supports(lang))
            .map(|p| p.name())
            .collect()
    }

    fn order_for(&self, lang: Lang) -> &[usize] {
        self.order
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, o)| o.as_slice())
            .unwrap_or(&[])
    }

    /// Translates `texts` (placeholder form, protected tokens already
    /// replaced) into `to`. One entry per text: `None` where no provider
    /// could translate it.
    pub async fn translate(&self, texts: &[String], to: Lang) -> Vec<Option<Machine>> {
        let items: Vec<ChainText> = texts
            .iter()
            .map(|t| ChainText {
                plain: t.clone(),
                substituted: None,
            })
            .collect();
        self.translate_with_glossary(&items, to, &Glossary::empty(to))
            .await
    }

    /// Translates `texts` into `to` with `glossary` enforced: a provider
    /// that applies glossaries itself is sent the plain form with the
    /// glossary, every other provider the substituted form.
    pub async fn translate_with_glossary(
        &self,
        texts: &[ChainText],
        to: Lang,
        glossary: &Glossary,
    ) -> Vec<Option<Machine>> {
        self.settle_waiting().await;
        let deadline = tokio::time::Instant::now() + self.deadline;
        let mut results: Vec<Option<Machine>> = vec![None; texts.len()];
        let mut pending: Vec<usize> = (0..texts.len()).collect();
        for &slot_index in self.order_for(to) {
            if pending.is_empty() {
                break;
            }
            let slot = &self.slots[slot_index];
            if !slot.provider.supports(to) {
                continue;
            }
            if slot.circuit.is_open() {
                tracing::debug!(provider = slot.provider.name(), "skipped: circuit open");
                continue;
            }
            let by_provider = !glossary.is_empty()
                && slot.provider.applies_glossary(to)
                && pending.iter().any(|&i| texts[i].substituted.is_some());
            // Units with markup wait for the next provider when this one
            // takes only plain text for `to`.
            let markup = slot.provider.accepts_markup(to);
            let (offered, waiting): (Vec<usize>, Vec<usize>) = pending
                .iter()
                .partition(|&&i| markup || !texts[i].for_provider(by_provider).contains('<'));
            if offered.is_empty() {
                continue;
            }
            let batch_texts: Vec<String> = offered
                .iter()
                .map(|&i| texts[i].for_provider(by_provider).to_owned())
                .collect();
            let characters: u64 = batch_texts.iter().map(|t| t.chars().count() as u64).sum();
            let Permit::Granted(reservation) = self.reserve(slot, characters).await else {
                continue;
            };
            let batches = split_batches(&batch_texts, slot.provider.limits());
            let outcomes: Vec<BatchOutcome> =
                futures::stream::iter(batches.into_iter().map(|range| {
                    let chunk = batch_texts.get(range.clone()).unwrap_or_default();
                    let glossary = by_provider.then_some(glossary);
                    async move {
                        (
                            range,
                            self.send_batch(slot, chunk, to, glossary, deadline).await,
                        )
                    }
                }))
                .buffer_unordered(self.max_concurrent_batches)
                .collect()
                .await;
            let mut still_pending = waiting;
            let (mut used, mut requests) = (0i64, 0i64);
            for (range, outcome) in outcomes {
                match outcome {
                    Ok(translations) => {
                        used += batch_texts
                            .get(range.clone())
                            .unwrap_or_default()
                            .iter()
                            .map(|t| i64::try_from(t.chars().count()).unwrap_or(i64::MAX))
                            .sum::<i64>();
                        requests += 1;
                        let model = slot.provider.model();
                        for (offset, text) in range.clone().zip(translations) {
                            results[offered[offset]] = Some(Machine {
                                text,
                                provider: slot.provider.name(),
                                model: model.clone(),
                                glossary_by_provider: by_provider,
                            });
                        }
                    }
                    Err(error) => {
                        slot.failures.fetch_add(1, Ordering::Relaxed);
                        if let ProviderError::QuotaExhausted { .. } = error {
                            slot.circuit.open_for(self.circuit_open);
                        }
                        tracing::warn!(provider = slot.provider.name(), kind = error.kind(), %error, target = %to, "batch not translated; trying the next provider");
                        still_pending.extend(range.map(|offset| offered[offset]));
                    }
                }
            }
            if let Some(reservation) = reservation {
                self.settle(reservation, used, requests).await;
            }
            still_pending.sort_unstable();
            pending = still_pending;
        }
        results
    }

    async fn send_batch(
        &self,
        slot: &Slot,
        texts: &[String],
        to: Lang,
        glossary: Option<&Glossary>,
        deadline: tokio::time::Instant,
    ) -> Result<Vec<String>, ProviderError> {
        let started = Instant::now();
        let attempts = with_retries(self.retry, || {
            slot.requests.fetch_add(1, Ordering::Relaxed);
            async {
                if slot.circuit.is_open() {
                    return Err(ProviderError::CircuitOpen {
                        provider: slot.provider.name(),
                    });
                }
                let translations = match glossary {
                    Some(glossary) => {
                        slot.provider
                            .translate_batch_with_glossary(texts, Lang::SOURCE, to, glossary)
                            .await?
                    }
                    None => {
                        slot.provider
                            .translate_batch(texts, Lang::SOURCE, to)
                            .await?
                    }
                };
                crate::translate::provider::expect_count(
                    slot.provider.name(),
                    texts.len(),
                    translations,
                )
            }
        });
        // The page's deadline bounds every attempt and every wait between
        // them: past it the reader gets the Japanese, not an error.
        let result = match tokio::time::timeout_at(deadline, attempts).await {
            Ok(result) => result,
            Err(_) => Err(ProviderError::Retryable {
                provider: slot.provider.name(),
                retry_after: None,
                detail: "the page's translation deadline passed".into(),
            }),
        };
        slot.latency.observe(started.elapsed());
        if result.is_ok() {
            let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
            slot.characters.fetch_add(chars as u64, Ordering::Relaxed);
        }
        tracing::debug!(
            provider = slot.provider.name(),
            items = texts.len(),
            ok = result.is_ok(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "provider batch"
        );
        result
    }
}
