//! The provider chain: for one target language, the configured providers in
//! order. Texts are batched by each provider's limits, batches run
//! concurrently (bounded), each batch is retried on temporary failures, and
//! whatever one provider cannot translate falls through to the next.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;

use crate::config::{BudgetsConfig, ProvidersConfig};
use crate::glossary::Glossary;
use crate::i18n::Lang;
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
    /// Where characters sent are recorded per provider and day, and budgets
    /// checked; `None` counts in memory only.
    ledger: Option<Arc<dyn Store>>,
    budgets: BudgetsConfig,
}

impl Chain {
    /// `providers` are the enabled adapters; `config` gives the order and
    /// the retry and circuit settings.
    pub fn new(providers: Vec<Arc<dyn TranslationProvider>>, config: &ProvidersConfig) -> Self {
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
                    latency: crate::metrics::Histogram::default(),
                })
            })
            .collect();
        let mut order = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| !l.is_source()) {
            // Keys may arrive lower-cased from the environment (zh-hant).
            let names = config
                .chain
                .iter()
                .find(|(key, _)| Lang::from_tag(key) == Some(lang))
                .map(|(_, names)| names)
                .unwrap_or(&config.order);
            let mut indices = Vec::new();
            for name in names {
                if let Some(i) = slots.iter().position(|s| s.provider.name() == name) {
                    if !indices.contains(&i) && slots[i].provider.supports(lang) {
                        indices.push(i);
                    }
                }
            }
            order.push((lang, indices));
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
        }
    }

    /// Records usage in `store` and enforces `budgets` against it.
    pub fn with_ledger(mut self, store: Arc<dyn Store>, budgets: BudgetsConfig) -> Self {
        self.ledger = Some(store);
        self.budgets = budgets;
        self
    }

    /// Whether sending `characters` more to `provider` stays within its daily
    /// and monthly budgets. A ledger that cannot be read stops spending: a
    /// budget is a promise about money.
    async fn within_budget(&self, provider: &str, characters: u64) -> bool {
        let daily = self.budgets.daily.get(provider).copied().filter(|b| *b > 0);
        let monthly = self
            .budgets
            .monthly
            .get(provider)
            .copied()
            .filter(|b| *b > 0);
        if daily.is_none() && monthly.is_none() {
            return true;
        }
        let Some(ledger) = &self.ledger else {
            return true;
        };
        let today = crate::clock::utc_day(crate::clock::now_ms());
        let month_start = format!("{}-01", today.get(..7).unwrap_or(&today));
        let rows = match ledger.usage(Some(provider), &month_start, &today).await {
            Ok(rows) => rows,
            Err(error) => {
                tracing::error!(provider, %error, "cannot read the usage ledger; not spending");
                return false;
            }
        };
        let used_today: u64 = rows
            .iter()
            .filter(|r| r.day == today)
            .map(|r| u64::try_from(r.characters).unwrap_or(0))
            .sum();
        let used_month: u64 = rows
            .iter()
            .map(|r| u64::try_from(r.characters).unwrap_or(0))
            .sum();
        let fits = |used: u64, budget: Option<u64>| {
            budget.is_none_or(|b| used.saturating_add(characters) <= b)
        };
        let ok = fits(used_today, daily) && fits(used_month, monthly);
        if !ok {
            tracing::warn!(
                provider,
                used_today,
                used_month,
                ?daily,
                ?monthly,
                "budget spent; not sending to this provider"
            );
        }
        ok
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn slots(&self) -> &[Arc<Slot>] {
        &self.slots
    }

    /// Names of the providers tried for `lang`, in order.
    pub fn providers_for(&self, lang: Lang) -> Vec<&'static str> {
        self.order_for(lang)
            .iter()
            .map(|&i| self.slots[i].provider.name())
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
        let deadline = tokio::time::Instant::now() + self.deadline;
        let mut results: Vec<Option<Machine>> = vec![None; texts.len()];
        let mut pending: Vec<usize> = (0..texts.len()).collect();
        for &slot_index in self.order_for(to) {
            if pending.is_empty() {
                break;
            }
            let slot = &self.slots[slot_index];
            if slot.circuit.is_open() {
                tracing::debug!(provider = slot.provider.name(), "skipped: circuit open");
                continue;
            }
            let by_provider = !glossary.is_empty()
                && slot.provider.applies_glossary(to)
                && pending.iter().any(|&i| texts[i].substituted.is_some());
            let batch_texts: Vec<String> = pending
                .iter()
                .map(|&i| texts[i].for_provider(by_provider).to_owned())
                .collect();
            let characters: u64 = batch_texts.iter().map(|t| t.chars().count() as u64).sum();
            if !self.within_budget(slot.provider.name(), characters).await {
                slot.budget_refusals.fetch_add(1, Ordering::Relaxed);
                continue;
            }
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
            let mut still_pending = Vec::new();
            for (range, outcome) in outcomes {
                match outcome {
                    Ok(translations) => {
                        let model = slot.provider.model();
                        for (offset, text) in range.clone().zip(translations) {
                            results[pending[offset]] = Some(Machine {
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
                        still_pending.extend(range.map(|offset| pending[offset]));
                    }
                }
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
            if let Some(ledger) = &self.ledger {
                let day = crate::clock::utc_day(crate::clock::now_ms());
                let characters = i64::try_from(chars).unwrap_or(i64::MAX);
                if let Err(error) = ledger
                    .usage_add(slot.provider.name(), &day, characters, 1)
                    .await
                {
                    tracing::error!(provider = slot.provider.name(), %error, characters, "cannot record provider usage");
                }
            }
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
