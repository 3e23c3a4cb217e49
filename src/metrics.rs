//! Prometheus text exposition for `/metrics`: request counts and latency by
//! route, and the translator's counters (cache and memory hits, provider
//! requests, characters sent, QA rejections).
//!
//! Hand-written rather than a metrics crate: a dozen series, lock-free on the
//! request path once a route has been seen.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// A latency histogram with fixed buckets.
#[derive(Debug, Default)]
pub struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    /// Sum in microseconds, so it can be an integer.
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Writes the series (buckets, sum, count) under `name` with `labels`
    /// (already formatted, `k="v"`); no HELP/TYPE lines.
    pub fn render(&self, out: &mut String, name: &str, labels: &str) {
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels},le=\"{bound}\"}} {}",
                bucket.load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels},le=\"+Inf\"}} {count}");
        let _ = writeln!(
            out,
            "{name}_sum{{{labels}}} {}",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1_000_000.0
        );
        let _ = writeln!(out, "{name}_count{{{labels}}} {count}");
    }

    pub fn observe(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros.fetch_add(
            u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }
}

#[derive(Debug, Default)]
struct RouteMetrics {
    /// Responses by status class: 1xx … 5xx.
    by_class: [AtomicU64; 5],
    latency: Histogram,
}

#[derive(Debug, Default)]
pub struct Metrics {
    routes: RwLock<HashMap<String, Arc<RouteMetrics>>>,
}

impl Metrics {
    pub fn observe_request(&self, route: &str, status: u16, elapsed: Duration) {
        let existing = self
            .routes
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(route)
            .cloned();
        let metrics = match existing {
            Some(m) => m,
            None => self
                .routes
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .entry(route.to_owned())
                .or_default()
                .clone(),
        };
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        metrics.by_class[class].fetch_add(1, Ordering::Relaxed);
        metrics.latency.observe(elapsed);
    }

    /// The HTTP part of the exposition.
    pub fn render_http(&self, out: &mut String) {
        let routes = self.routes.read().unwrap_or_else(|e| e.into_inner());
        let mut names: Vec<&String> = routes.keys().collect();
        names.sort();
        let _ = writeln!(
            out,
            "# HELP honyaku_http_requests_total HTTP responses by route and status class."
        );
        let _ = writeln!(out, "# TYPE honyaku_http_requests_total counter");
        for name in &names {
            let m = &routes[*name];
            for (i, count) in m.by_class.iter().enumerate() {
                let n = count.load(Ordering::Relaxed);
                if n > 0 {
                    let _ = writeln!(
                        out,
                        "honyaku_http_requests_total{{route=\"{}\",status=\"{}xx\"}} {n}",
                        escape(name),
                        i + 1
                    );
                }
            }
        }
        let _ = writeln!(
            out,
            "# HELP honyaku_http_request_duration_seconds Time to produce a response, by route."
        );
        let _ = writeln!(
            out,
            "# TYPE honyaku_http_request_duration_seconds histogram"
        );
        for name in &names {
            let h = &routes[*name].latency;
            let route = escape(name);
            for (bound, bucket) in BUCKETS.iter().zip(&h.buckets) {
                let _ = writeln!(
                    out,
                    "honyaku_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {}",
                    bucket.load(Ordering::Relaxed)
                );
            }
            let count = h.count.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "honyaku_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "honyaku_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum_micros.load(Ordering::Relaxed) as f64 / 1_000_000.0
            );
            let _ = writeln!(
                out,
                "honyaku_http_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
    }
}

/// Label values escape backslash, quote and newline.
pub fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Writes one counter or gauge with its help and type lines.
pub fn write_metric(
    out: &mut String,
    name: &str,
    kind: &str,
    help: &str,
    samples: &[(String, u64)],
) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
    for (labels, value) in samples {
        if labels.is_empty() {
            let _ = writeln!(out, "{name} {value}");
        } else {
            let _ = writeln!(out, "{name}{{{labels}}} {value}");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let metrics = Metrics::default();
        metrics.observe_request("/{lang}/", 200, Duration::from_micros(300));
        metrics.observe_request("/{lang}/", 404, Duration::from_millis(30));
        let mut out = String::new();
        metrics.render_http(&mut out);
        assert!(
            out.contains("honyaku_http_requests_total{route=\"/{lang}/\",status=\"2xx\"} 1"),
            "{out}"
        );
        assert!(
            out.contains("honyaku_http_requests_total{route=\"/{lang}/\",status=\"4xx\"} 1"),
            "{out}"
        );
        assert!(out.contains("le=\"0.0005\"} 1"), "{out}");
        assert!(out.contains("le=\"0.05\"} 2"), "{out}");
        assert!(out.contains("le=\"+Inf\"} 2"), "{out}");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
