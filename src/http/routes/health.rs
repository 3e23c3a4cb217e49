//! Liveness and readiness for load balancers and orchestrators.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::app::App;
use crate::http::cache::CachePolicy;

/// The process is up and answering.
pub async fn healthz() -> impl IntoResponse {
    (CachePolicy::NoStore, "ok\n")
}

/// The service can serve pages: content and locales are loaded and every
/// page is rendered (the state does not exist otherwise), and the store
/// takes writes, without which translations paid for would be lost.
pub async fn readyz(State(app): State<Arc<App>>) -> impl IntoResponse {
    let store = app.store.writable().await;
    let status = if store.is_ok() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::SERVICE_UNAVAILABLE
    };
    if let Err(error) = &store {
        tracing::warn!(%error, "not ready: the store does not take writes");
    }
    (
        status,
        CachePolicy::NoStore,
        Json(serde_json::json!({
            "status": if store.is_ok() { "ready" } else { "store unavailable" },
            "store": app.store.backend(),
            "content_version": app.content.version,
            "announcements": app.content.announcements().len(),
            "version": env!("CARGO_PKG_VERSION"),
        })),
    )
}

/// Prometheus text exposition.
pub async fn metrics(State(app): State<Arc<App>>) -> impl IntoResponse {
    use std::sync::atomic::Ordering::Relaxed;

    use crate::metrics::write_metric;

    let mut out = String::new();
    app.metrics.render_http(&mut out);
    let stats = &app.pipeline.stats;
    write_metric(
        &mut out,
        "honyaku_units_total",
        "counter",
        "Translation units looked up, by where the translation came from.",
        &[
            (
                "source=\"bundled\"".into(),
                stats.bundled_hits.load(Relaxed),
            ),
            ("source=\"memory\"".into(), stats.memory_hits.load(Relaxed)),
            (
                "source=\"machine\"".into(),
                stats.machine_translated.load(Relaxed),
            ),
            ("source=\"none\"".into(), stats.untranslated.load(Relaxed)),
        ],
    );
    write_metric(
        &mut out,
        "honyaku_qa_rejections_total",
        "counter",
        "Machine translations refused by the QA gate, by reason and target language.",
        &stats.qa_refusals.samples(),
    );
    write_metric(
        &mut out,
        "honyaku_store_errors_total",
        "counter",
        "Store reads or writes that failed (pages were still served).",
        &[(String::new(), stats.store_errors.load(Relaxed))],
    );
    let (hits, misses) = app.page_cache_lookups();
    write_metric(
        &mut out,
        "honyaku_page_cache_requests_total",
        "counter",
        "Translated-page cache lookups, by result.",
        &[
            ("result=\"hit\"".into(), hits),
            ("result=\"miss\"".into(), misses),
        ],
    );
    let slots = app.pipeline.chain().slots();
    let by_provider = |f: &dyn Fn(&crate::translate::chain::Slot) -> u64| -> Vec<(String, u64)> {
        slots
            .iter()
            .map(|s| (format!("provider=\"{}\"", s.provider.name()), f(s)))
            .collect()
    };
    write_metric(
        &mut out,
        "honyaku_provider_requests_total",
        "counter",
        "Requests sent to machine-translation providers, retries included.",
        &by_provider(&|s| s.requests.load(Relaxed)),
    );
    write_metric(
        &mut out,
        "honyaku_provider_characters_total",
        "counter",
        "Characters of source text translated by each provider.",
        &by_provider(&|s| s.characters.load(Relaxed)),
    );
    write_metric(
        &mut out,
        "honyaku_provider_ledger_failures_total",
        "counter",
        "Times a provider was not called because its characters could not be reserved in the ledger.",
        &by_provider(&|s| s.ledger_failures.load(Relaxed)),
    );
    write_metric(
        &mut out,
        "honyaku_provider_budget_refusals_total",
        "counter",
        "Times a provider was skipped because its budget was spent.",
        &by_provider(&|s| s.budget_refusals.load(Relaxed)),
    );
    for slot in slots {
        slot.latency.render(
            &mut out,
            "honyaku_provider_batch_duration_seconds",
            &format!("provider=\"{}\"", slot.provider.name()),
        );
    }
    write_metric(
        &mut out,
        "honyaku_provider_failures_total",
        "counter",
        "Batches a provider could not translate after retries.",
        &by_provider(&|s| s.failures.load(Relaxed)),
    );
    let (entries, bytes) = app.page_cache_usage().await;
    write_metric(
        &mut out,
        "honyaku_page_cache_entries",
        "gauge",
        "Translated pages held in memory.",
        &[(String::new(), entries)],
    );
    write_metric(
        &mut out,
        "honyaku_page_cache_bytes",
        "gauge",
        "Bytes of translated pages held in memory.",
        &[(String::new(), bytes)],
    );
    write_metric(
        &mut out,
        "honyaku_ui_string_fallbacks_total",
        "counter",
        "UI strings that fell back to Japanese or to their id.",
        &[(String::new(), app.locales.fallbacks())],
    );
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        CachePolicy::NoStore,
        out,
    )
}
