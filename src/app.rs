//! The one application state every request handler shares.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::content::{Announcement, Content, ContentError};
use crate::i18n::{Lang, Languages, LanguagesError, LocaleError, Locales};
use crate::pages::{ArticleView, Presentation};
use crate::render::{self, PageContext};
use crate::translate::{Chain, Pipeline};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Languages(#[from] LanguagesError),
    #[error(transparent)]
    Locales(#[from] LocaleError),
    #[error(transparent)]
    Content(#[from] ContentError),
    #[error("cannot compress a rendered page: {0}")]
    Compress(std::io::Error),
    #[error("cannot segment a page: {0}")]
    Segment(#[from] crate::segment::SegmentError),
    #[error("cannot build the HTTP client for providers: {0}")]
    HttpClient(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchError),
}

/// A response body rendered once at start-up, in plain and gzip form, each
/// with its own strong ETag (they are different byte sequences).
#[derive(Debug)]
pub struct RenderedPage {
    pub lang: Lang,
    /// False when some units are still Japanese because translation failed:
    /// such a page must not be kept by browsers or shared caches either.
    pub complete: bool,
    pub identity: Bytes,
    pub identity_etag: String,
    pub gzip: Bytes,
    pub gzip_etag: String,
}

impl RenderedPage {
    pub fn new(lang: Lang, mut html: String) -> Result<Self, AppError> {
        // Bytes keeps a String's spare capacity; cached pages would cost up
        // to twice what the cache weighs them at.
        html.shrink_to_fit();
        let identity = Bytes::from(html);
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&identity).map_err(AppError::Compress)?;
        let mut gzip = encoder.finish().map_err(AppError::Compress)?;
        gzip.shrink_to_fit();
        let gzip = Bytes::from(gzip);
        let tag = |bytes: &[u8]| {
            let digest = Sha256::digest(bytes);
            format!("\"{}\"", hex::encode(digest.get(..12).unwrap_or_default()))
        };
        Ok(Self {
            lang,
            complete: true,
            identity_etag: tag(&identity),
            gzip_etag: tag(&gzip),
            identity,
            gzip,
        })
    }
}

/// The pages that depend on nothing but the content, rendered once: the
/// home page in every language and each announcement's Japanese original.
fn static_pages(
    locales: &Locales,
    languages: &Languages,
    content: &Content,
    base_url: &str,
) -> Result<HashMap<(Lang, String), Arc<RenderedPage>>, AppError> {
    let mut pages = HashMap::new();
    for lang in languages.langs() {
        let ctx = PageContext {
            locales,
            languages,
            lang,
            base_url,
            path: Some(""),
            place: None,
        };
        let html = render::index_page(&ctx, content);
        pages.insert(
            (lang, String::new()),
            Arc::new(RenderedPage::new(lang, html)?),
        );
    }
    for page in content.announcements() {
        let ctx = PageContext {
            locales,
            languages,
            lang: Lang::SOURCE,
            base_url,
            path: Some(&page.slug),
            place: None,
        };
        let view = ArticleView {
            title: page.title.source().to_owned(),
            summary: page.summary.source().to_owned(),
            bureau: page.bureau.source().to_owned(),
            body_html: page.body.source().to_owned(),
            contact_html: page.contact.source().to_owned(),
            presentation: Presentation::Original,
            provenance: crate::pages::Provenance::default(),
        };
        let html = render::announcement_page(&ctx, page, &view);
        pages.insert(
            (Lang::SOURCE, page.slug.clone()),
            Arc::new(RenderedPage::new(Lang::SOURCE, html)?),
        );
    }
    Ok(pages)
}

/// The HTTP client every provider adapter shares: its timeouts bound each
/// attempt (the chain's deadline bounds them all).
fn provider_client(config: &Config) -> Result<reqwest::Client, AppError> {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(
            config.providers.timeout_secs,
        ))
        .connect_timeout(std::time::Duration::from_secs(
            config.providers.connect_timeout_secs,
        ))
        .user_agent(concat!("honyaku/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| AppError::HttpClient(e.to_string()))
}

/// Why a translated page was not cached: it is incomplete (and still worth
/// serving) or it could not be built at all.
#[derive(Debug)]
enum Incomplete {
    Page(Arc<RenderedPage>),
    Failed(Arc<AppError>),
}

pub struct App {
    pub config: Config,
    /// The languages this server serves, from `[languages]`.
    pub languages: Arc<Languages>,
    pub locales: Locales,
    pub content: Content,
    /// Absolute base URL for canonical and hreflang links.
    pub base_url: String,
    /// Shared with the translations it goes on with after a reader was
    /// answered (see [`Pipeline::translate_within`]).
    pub pipeline: Arc<Pipeline>,
    pub metrics: crate::metrics::Metrics,
    /// The translation API's site clients: keys, origins, request limits.
    pub api_clients: crate::auth::ApiClients,
    /// The pages that depend on nothing but the content: home pages in every
    /// language and the Japanese originals, keyed by (language, path after
    /// the language prefix); the home page has the empty path.
    pages: HashMap<(Lang, String), Arc<RenderedPage>>,
    /// Translated announcement pages, complete ones only, by (language,
    /// slug, store generation): a new override anywhere changes the
    /// generation, so the next request renders afresh.
    translated: moka::future::Cache<PageKey, Arc<RenderedPage>>,
    pub store: Arc<dyn crate::store::Store>,
    /// The URL proxy: its outbound client and the pages it rendered.
    pub proxy: crate::proxy::Proxy,
    /// The Japanese of every unit of every hosted page, by unit key: the
    /// units translators can override.
    pub unit_sources: HashMap<String, String>,
    /// Failed logins and unknown tokens per client address.
    pub login_failures: crate::auth::FailureLimiter,
    /// Readers' reports accepted per client address and in all (in memory
    /// only; see [`crate::feedback`]).
    pub report_limiter: crate::feedback::ReportLimiter,
    generation: Arc<crate::store::GenerationWatch>,
    page_cache_hits: std::sync::atomic::AtomicU64,
    page_cache_misses: std::sync::atomic::AtomicU64,
}

/// What a cached translated page depends on: its language, the page and its
/// content version, and the store generation (overrides).
type PageKey = (Lang, String, String, i64);

/// How stale the generation may be (see [`crate::store::GenerationWatch`]).
pub use crate::store::GENERATION_POLL;

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("base_url", &self.base_url)
            .field("content_version", &self.content.version)
            .field("pages", &self.pages.len())
            .finish_non_exhaustive()
    }
}

/// Builds and checks the languages of `config` with every provider's code
/// for each: what `App::new` does first, and all `check-config` needs to
/// find a mistake in `[languages]`.
pub fn check_languages(
    config: &Config,
) -> Result<(Languages, crate::translate::providers::ProviderTargets), AppError> {
    let languages = Languages::from_config(config)?;
    let targets = crate::translate::providers::ProviderTargets::resolve(&languages)?;
    Ok((languages, targets))
}

/// What the start-up log says about one target language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageStatus {
    pub lang: Lang,
    pub prefix: String,
    /// The providers that will translate into it, in order.
    pub providers: Vec<&'static str>,
    /// Whether it has a locale of its own (else its chrome is English).
    pub has_locale: bool,
}

/// The parts an [`App`] is built from that stand for something outside the
/// process: each one given here is used as it is, each one left `None` is
/// built from the configuration. Tests give the ones they play (a store that
/// fails, a provider that hangs, a clock at the turn of a day) instead of
/// describing them in environment variables; `main` gives none.
#[derive(Default)]
pub struct Parts {
    /// The translation memory, overrides and everything else kept.
    pub store: Option<Arc<dyn crate::store::Store>>,
    /// The machine-translation providers, in the order they are tried.
    pub providers: Option<Vec<Arc<dyn crate::translate::provider::TranslationProvider>>>,
    /// The URL proxy's outbound client.
    pub fetcher: Option<crate::fetch::Fetcher>,
    /// What "now" is for budgets and the ledger's day.
    pub clock: Option<Arc<dyn crate::clock::Clock>>,
    /// The announcements (else `content.dir`, else the compiled-in copy).
    pub content: Option<Content>,
}

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parts")
            .field("store", &self.store.as_ref().map(|s| s.backend()))
            .field("providers", &self.providers.as_ref().map(Vec::len))
            .field("fetcher", &self.fetcher.is_some())
            .field("clock", &self.clock)
            .field("content", &self.content.as_ref().map(|c| c.version.clone()))
            .finish()
    }
}

impl App {
    /// Builds every part from `config` (see [`App::from_parts`]). `base_url`
    /// is where readers reach the service (see [`Config::public_base`]).
    pub async fn new(config: Config, base_url: String) -> Result<Self, AppError> {
        Self::from_parts(config, base_url, Parts::default()).await
    }

    /// Checks the languages, loads locales and content, renders every page
    /// that depends on nothing else, and puts the service together from
    /// `parts`, building from `config` what they leave out.
    pub async fn from_parts(
        config: Config,
        base_url: String,
        parts: Parts,
    ) -> Result<Self, AppError> {
        let (languages, targets) = check_languages(&config)?;
        let languages = Arc::new(languages);
        let locales = Locales::embedded()?;
        let content = match parts.content {
            Some(content) => content,
            None if config.content.dir.is_empty() => Content::embedded()?,
            None => Content::from_dir(Path::new(&config.content.dir))?,
        };
        let pages = static_pages(&locales, &languages, &content, &base_url)?;
        let bundled = crate::pages::bundled_translations(&content, &languages)?;
        let store = match parts.store {
            Some(store) => store,
            None => crate::store::open(&config.store).await?,
        };
        // Before anything reads the memory: a newer segmenter's keys for
        // what an older one stored. When the store cannot do it now, the
        // next start does (the keys say which version made them).
        match crate::translate::rekey::carry_memory(store.as_ref()).await {
            Ok(None) => {}
            Ok(Some(done)) if done.units == 0 => {}
            Ok(Some(done)) => tracing::info!(
                units = done.units,
                overrides_kept = done.overrides_kept,
                segmenter = crate::segment::SEGMENTER_VERSION,
                "the memory was re-keyed for the current segmenter"
            ),
            Err(error) => tracing::error!(
                %error,
                "cannot re-key the memory for the current segmenter; entries of the older one are not read until it is done"
            ),
        }
        let unit_sources = crate::review::unit_sources(&content).map_err(AppError::Segment)?;
        // Before the generation is read, so pages rendered from now on see
        // overrides flagged because their Japanese changed.
        match crate::review::sync_layouts(&store, &content).await {
            Ok(0) => {}
            Ok(flagged) => tracing::warn!(
                flagged,
                "overrides need review because the Japanese under them changed"
            ),
            Err(error) => {
                tracing::error!(%error, "cannot record the pages' units; overrides of edited sentences are not flagged")
            }
        }
        let generation = Arc::new(crate::store::GenerationWatch::start(store.clone()).await?);
        let (providers, order) = match parts.providers {
            // Given providers are tried in the order given, for every
            // language without a chain of its own.
            Some(providers) => {
                let mut order = config.providers.clone();
                order.order = providers.iter().map(|p| p.name().to_owned()).collect();
                (providers, order)
            }
            None => (
                crate::translate::providers::build(
                    &config.providers,
                    &targets,
                    &provider_client(&config)?,
                ),
                config.providers.clone(),
            ),
        };
        // What the self-hosted services serve is read from them, all at
        // once and bounded by the provider timeout, before the first page.
        let discoveries = providers.iter().map(|provider| async move {
            let limit = std::time::Duration::from_secs(config.providers.timeout_secs);
            match tokio::time::timeout(limit, provider.discover()).await {
                Ok(Ok(())) => {}
                Ok(Err(error)) => tracing::warn!(provider = provider.name(), %error, "cannot read which languages the provider serves; it is tried for every language it is configured for"),
                Err(_) => tracing::warn!(provider = provider.name(), "reading which languages the provider serves timed out; it is tried for every language it is configured for"),
            }
        });
        futures::future::join_all(discoveries).await;
        let mut chain = Chain::new(providers, &order, &languages)
            .with_ledger(store.clone(), config.budgets.clone());
        if let Some(clock) = parts.clock {
            chain = chain.with_clock(clock);
        }
        let pipeline = Arc::new(
            Pipeline::with_store(chain, bundled, store.clone(), config.cache.unit_bytes)
                .with_generation(generation.clone())
                .with_refused_hold(std::time::Duration::from_secs(config.qa.refused_hold_secs))
                .with_background_limit(
                    usize::try_from(config.pages.background_translations).unwrap_or(1),
                ),
        );
        let translated = moka::future::Cache::builder()
            .weigher(|_: &PageKey, page: &Arc<RenderedPage>| {
                u32::try_from(page.identity.len() + page.gzip.len() + 256).unwrap_or(u32::MAX)
            })
            .max_capacity(config.cache.page_bytes)
            .build();
        let fetcher = match parts.fetcher {
            Some(fetcher) => fetcher,
            None => crate::fetch::Fetcher::new(&config.fetch)?,
        };
        let proxy = crate::proxy::Proxy::new(
            fetcher,
            config.cache.page_bytes,
            base_url.clone(),
            languages.clone(),
        );
        let login_failures = crate::auth::FailureLimiter::new(
            config.translators.login_failures,
            std::time::Duration::from_secs(config.translators.login_failure_window_secs),
        );
        let report_limiter = crate::feedback::ReportLimiter::new(
            usize::try_from(config.feedback.reports_per_address).unwrap_or(usize::MAX),
            std::time::Duration::from_secs(config.feedback.address_window_secs),
            usize::try_from(config.feedback.reports_per_hour).unwrap_or(usize::MAX),
            std::time::Duration::from_secs(3600),
        );
        Ok(Self {
            proxy,
            api_clients: crate::auth::ApiClients::new(&config.api),
            config,
            languages,
            locales,
            content,
            base_url,
            pipeline,
            metrics: crate::metrics::Metrics::default(),
            pages,
            translated,
            store,
            generation,
            unit_sources,
            login_failures,
            report_limiter,
            page_cache_hits: std::sync::atomic::AtomicU64::new(0),
            page_cache_misses: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Per target language, the providers that will serve it and whether
    /// it has a locale: what the start-up log reports.
    pub fn language_statuses(&self) -> Vec<LanguageStatus> {
        self.languages
            .targets()
            .map(|language| LanguageStatus {
                lang: language.lang,
                prefix: language.prefix.clone(),
                providers: self.pipeline.chain().providers_for(language.lang),
                has_locale: self.locales.has_locale(language.lang),
            })
            .collect()
    }

    /// Logs, per target language, who translates into it, and warns about
    /// a language no configured provider serves or that has no locale.
    pub fn log_languages(&self) {
        let any_provider = !self.pipeline.chain().is_empty();
        for status in self.language_statuses() {
            let lang = status.lang;
            if !status.has_locale {
                tracing::warn!(target_lang = %lang, "no locale for this language: its pages' chrome (menus, notices, the disclaimer) is in English, marked lang=\"en\"");
            }
            if status.providers.is_empty() && any_provider {
                tracing::warn!(target_lang = %lang, prefix = %status.prefix, "no configured provider translates into this language: its pages show the Japanese where translators and bundled translations have nothing");
            } else {
                tracing::info!(target_lang = %lang, prefix = %status.prefix, providers = ?status.providers, "machine translation chain");
            }
        }
    }

    /// The review operations on this service's pages, store and generation.
    pub fn review(&self) -> crate::review::Review<'_> {
        crate::review::Review {
            content: &self.content,
            unit_sources: &self.unit_sources,
            pipeline: &self.pipeline,
            store: &self.store,
            generation: &self.generation,
        }
    }

    /// The store's generation, re-read when the last reading is older than
    /// [`GENERATION_POLL`]. A failed read keeps the last value.
    pub async fn generation(&self) -> i64 {
        self.generation.current().await
    }

    /// Reads the generation now, so a change this instance just made (an
    /// override, a glossary term) is served on the very next request.
    pub async fn store_changed(&self) {
        self.generation.refresh().await;
    }

    /// Translated-page lookups answered from the cache, and those that
    /// rendered (shared by concurrent readers, so a miss is one rendering).
    pub fn page_cache_lookups(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        let misses = self.page_cache_misses.load(Relaxed);
        let served = self.page_cache_hits.load(Relaxed);
        (served.saturating_sub(misses), misses)
    }

    /// Entries and bytes held by the translated-page cache.
    pub async fn page_cache_usage(&self) -> (u64, u64) {
        // moka counts lazily; settle pending inserts so the figures are current.
        self.translated.run_pending_tasks().await;
        (
            self.translated.entry_count(),
            self.translated.weighted_size(),
        )
    }

    /// A page that needs no translation: a home page or a Japanese original.
    pub fn page(&self, lang: Lang, path: &str) -> Option<&Arc<RenderedPage>> {
        self.pages.get(&(lang, path.to_owned()))
    }

    /// An announcement in a target language. Complete translations are
    /// cached, and concurrent requests for a page not yet cached share one
    /// translation; a page with units still in Japanese is served but not
    /// cached, so the next request tries the providers again.
    pub async fn translated_page(
        &self,
        lang: Lang,
        page: &Arc<Announcement>,
    ) -> Result<Arc<RenderedPage>, Arc<AppError>> {
        let key = (
            lang,
            page.slug.clone(),
            page.version.clone(),
            self.generation().await,
        );
        let result = self
            .translated
            .try_get_with(key, async {
                self.page_cache_misses
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let rendered = self.render_translated(lang, page).await?;
                if rendered.1 {
                    Ok(rendered.0)
                } else {
                    Err(Incomplete::Page(rendered.0))
                }
            })
            .await;
        match result {
            Ok(page) => {
                self.page_cache_hits
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(page)
            }
            Err(shared) => match shared.as_ref() {
                Incomplete::Page(page) => Ok(page.clone()),
                Incomplete::Failed(error) => Err(error.clone()),
            },
        }
    }

    /// Renders `page` in `lang`; the flag says whether every unit was translated.
    async fn render_translated(
        &self,
        lang: Lang,
        page: &Announcement,
    ) -> Result<(Arc<RenderedPage>, bool), Incomplete> {
        let budget = self.config.pages.first_byte_budget();
        let (view, coverage) =
            crate::pages::translated_view(&self.pipeline, page, lang, Some(budget))
                .await
                .map_err(|e| Incomplete::Failed(Arc::new(AppError::Segment(e))))?;
        let ctx = PageContext {
            locales: &self.locales,
            languages: &self.languages,
            lang,
            base_url: &self.base_url,
            path: Some(&page.slug),
            place: None,
        };
        let html = render::announcement_page(&ctx, page, &view);
        let mut rendered =
            RenderedPage::new(lang, html).map_err(|e| Incomplete::Failed(Arc::new(e)))?;
        rendered.complete = coverage.translated == coverage.units;
        let complete = rendered.complete;
        Ok((Arc::new(rendered), complete))
    }

    /// The URL path of the first announcement in `lang`, for start-up output.
    pub fn first_announcement_path(&self, lang: Lang) -> String {
        let prefix = self.languages.prefix(lang);
        match self.content.announcements().first() {
            Some(page) => format!("/{prefix}/{}", page.slug),
            None => format!("/{prefix}/"),
        }
    }
}
