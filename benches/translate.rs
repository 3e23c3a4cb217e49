//! Cold translation of the announcement against a local instant provider
//! (a DeepL-shaped server on 127.0.0.1 that answers at once): provider
//! requests per language (goal: the minimum the limits allow) and time spent
//! outside the provider (goal: ≤ 20 ms). Run: `cargo bench --bench translate`.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Json;
use axum::routing::post;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use futures::future::BoxFuture;
use honyaku::config::{Config, Overrides};
use honyaku::content::Content;
use honyaku::i18n::Lang;
use honyaku::pages;
use honyaku::translate::provider::{Limits, ProviderError, TranslationProvider, split_batches};
use honyaku::translate::providers::deepl::Deepl;
use honyaku::translate::{Bundled, Chain, Pipeline};

/// Wraps the real DeepL adapter and adds up the wall time spent in it.
struct Timed {
    inner: Deepl,
    spent: Mutex<Duration>,
    calls: AtomicUsize,
}

impl TranslationProvider for Timed {
    fn name(&self) -> &'static str {
        self.inner.name()
    }
    fn limits(&self) -> Limits {
        self.inner.limits()
    }
    fn supports(&self, target: Lang) -> bool {
        self.inner.supports(target)
    }
    fn translate_batch<'a>(
        &'a self,
        texts: &'a [String],
        from: Lang,
        to: Lang,
    ) -> BoxFuture<'a, Result<Vec<String>, ProviderError>> {
        Box::pin(async move {
            let started = Instant::now();
            let result = self.inner.translate_batch(texts, from, to).await;
            *self.spent.lock().unwrap_or_else(|e| e.into_inner()) += started.elapsed();
            self.calls.fetch_add(1, Ordering::Relaxed);
            result
        })
    }
}

/// Answers at once with a pseudo-translation (each kana or kanji becomes a
/// Latin letter), which passes the QA gate as an honest translation does;
/// the Japanese sent back would be refused as an echo.
async fn instant_deepl(Json(body): Json<serde_json::Value>) -> Json<serde_json::Value> {
    let texts = body["text"].as_array().cloned().unwrap_or_default();
    let pseudo = |text: &str| -> String {
        text.chars()
            .map(|c| match u32::from(c) {
                code @ (0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF) => {
                    char::from(b'a' + u8::try_from(code % 26).unwrap_or(0))
                }
                _ => c,
            })
            .collect()
    };
    let translations: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| serde_json::json!({ "text": pseudo(t.as_str().unwrap_or_default()), "detected_source_language": "JA" }))
        .collect();
    Json(serde_json::json!({ "translations": translations }))
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    let base = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("addr: {e}"));
        let app = axum::Router::new().route("/v2/translate", post(instant_deepl));
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}")
    });
    let config = Config::load_with_env(
        None,
        vec![
            (
                "HONYAKU__PROVIDERS__DEEPL__AUTH_KEY".into(),
                "bench:fx".into(),
            ),
            ("HONYAKU__PROVIDERS__DEEPL__BASE_URL".into(), base),
        ],
        &Overrides::default(),
    )
    .unwrap_or_else(|e| panic!("config: {e}"));
    let client = reqwest::Client::new();
    let languages =
        honyaku::i18n::Languages::from_config(&config).unwrap_or_else(|e| panic!("languages: {e}"));
    let targets = honyaku::translate::providers::ProviderTargets::resolve(&languages)
        .unwrap_or_else(|e| panic!("languages: {e}"));
    let content = Content::embedded().unwrap_or_else(|e| panic!("content: {e}"));
    let page = content.announcements()[0].clone();

    let fresh = || {
        let timed = Arc::new(Timed {
            inner: Deepl::new(
                &config.providers.deepl,
                targets.deepl.clone(),
                client.clone(),
            ),
            spent: Mutex::new(Duration::ZERO),
            calls: AtomicUsize::new(0),
        });
        let chain = Chain::new(
            vec![timed.clone() as Arc<dyn TranslationProvider>],
            &config.providers,
            &languages,
        );
        (
            Arc::new(Pipeline::in_memory(chain, Bundled::new(), 1 << 24)),
            timed,
        )
    };

    // Warm the connection pool and the code paths once.
    runtime.block_on(async {
        let (translator, _) = fresh();
        let _ = pages::translated_view(&translator, &page, Lang::En, None).await;
    });

    println!(
        "\ncold translation of the announcement, DeepL adapter against an instant local server"
    );
    println!(
        "{:<8} {:>6} {:>9} {:>9} {:>10} {:>11} {:>12}",
        "target", "units", "requests", "minimum", "total ms", "provider ms", "outside ms"
    );
    for lang in [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ko] {
        let runs = 20;
        let mut total = Duration::ZERO;
        let mut provider = Duration::ZERO;
        let mut requests = 0;
        let mut units = 0;
        for _ in 0..runs {
            let (translator, timed) = fresh();
            let started = Instant::now();
            let (_, coverage) = runtime
                .block_on(pages::translated_view(&translator, &page, lang, None))
                .unwrap_or_else(|e| panic!("translate: {e}"));
            total += started.elapsed();
            provider += *timed.spent.lock().unwrap_or_else(|e| e.into_inner());
            requests = timed.calls.load(Ordering::Relaxed);
            units = coverage.units;
        }
        // The fewest requests DeepL's limits allow for these units, as sent
        // (protected form).
        let mut texts: Vec<String> = [
            page.title.source(),
            page.summary.source(),
            page.bureau.source(),
        ]
        .iter()
        .map(|t| honyaku::placeholder::escape_text(t))
        .collect();
        for html in [page.body.source(), page.contact.source()] {
            texts.extend(
                honyaku::segment::segment(html)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|u| u.text),
            );
        }
        assert_eq!(texts.len(), units);
        let texts: Vec<String> = texts
            .iter()
            .map(|t| honyaku::protect::protect(t).text)
            .collect();
        let minimum = split_batches(
            &texts,
            Deepl::new(
                &config.providers.deepl,
                targets.deepl.clone(),
                client.clone(),
            )
            .limits(),
        )
        .len();
        let total_ms = total.as_secs_f64() * 1000.0 / f64::from(runs);
        let provider_ms = provider.as_secs_f64() * 1000.0 / f64::from(runs);
        println!(
            "{:<8} {:>6} {:>9} {:>9} {:>10.2} {:>11.2} {:>12.2}",
            lang.code(),
            units,
            requests,
            minimum,
            total_ms,
            provider_ms,
            total_ms - provider_ms
        );
    }

    c.bench_function("cold_translated_view_en", |b| {
        b.iter_batched(
            fresh,
            |(translator, _)| {
                runtime.block_on(pages::translated_view(&translator, &page, Lang::En, None))
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
