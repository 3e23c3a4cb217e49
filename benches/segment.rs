//! Segment + reassemble throughput on a 200 KB page (goal: ≥ 50 MB/s on one
//! core), and on the page shapes that once took seconds (deep nesting, tens
//! of thousands of blocks or placeholders), which must stay linear. Run:
//! `cargo bench --bench segment` (`-- --quick` for a first look).

use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use honyaku::segment::{self, Fill, Limits, Segmented};

/// A ~200 KB government-style page made of the project's fixtures: the body
/// of the press-release fixture repeated inside one document.
fn page_200k() -> String {
    let fixture = include_str!("../tests/fixtures/html/press_release.html");
    let body = fixture
        .split_once("<body")
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(_, rest)| rest.split("</body>").next().unwrap_or(rest))
        .unwrap_or(fixture);
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>テスト</title></head><body>\n",
    );
    while page.len() < 200 * 1024 {
        page.push_str(body);
    }
    page.push_str("</body></html>\n");
    page
}

fn bench(c: &mut Criterion) {
    let page = page_200k();
    let units = segment::segment(&page).unwrap_or_default();
    eprintln!("page: {} bytes, {} units", page.len(), units.len());
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("segment_200k", |b| b.iter(|| segment::segment(&page)));
    // What a translated page costs: one tokenizing pass gives the units and
    // the reassembly (identity fill, so every unit goes through the checks).
    group.bench_function("segment_and_reassemble_identity_200k", |b| {
        b.iter(|| {
            let segmented = segment::Segmented::new(&page).ok()?;
            let units = segmented.units().len();
            let reassembled = segmented
                .reassemble(|unit| Fill::text(unit.text.clone()))
                .ok()?;
            Some((units, reassembled.html.len()))
        })
    });
    group.finish();
}

/// Shapes that cost time quadratic in their size before the scope questions
/// and placeholder checks were made constant-time, each about 1 MiB or the
/// size it was reported at.
fn shapes() -> Vec<(&'static str, String)> {
    let deep = |open: &str, close: &str, n: usize| open.repeat(n) + "日本語" + &close.repeat(n);
    vec![
        // 80,000 nested <div>: 880 KB.
        ("deep_div_80k", deep("<div>", "</div>", 80_000)),
        // Nested <div> up to 1 MiB.
        ("deep_div_1mib", deep("<div>", "</div>", 95_000)),
        ("nested_a_80k", deep("<a href=x>", "</a>", 80_000)),
        ("p_60k", "<p>段落".repeat(60_000)),
        (
            "flat_p_50k_b",
            "<p>".to_owned() + &"<b>字</b>".repeat(50_000) + "</p>",
        ),
        (
            "li_after_div_50k",
            "<ul>".to_owned() + &"<div><li>項目</li>".repeat(50_000),
        ),
    ]
}

fn bench_shapes(c: &mut Criterion) {
    // The limits would refuse most of these early; lifted, the whole page is
    // worked through, which is what is measured.
    let unbounded = Limits {
        max_depth: usize::MAX,
        max_units: usize::MAX,
        max_tokenizer_memory: usize::MAX,
    };
    let run = |html: &str| {
        let segmented = Segmented::with_limits(html, &unbounded).ok()?;
        let units = segmented.units().len();
        let reassembled = segmented
            .reassemble(|unit| Fill::text(unit.text.clone()))
            .ok()?;
        Some((units, reassembled.html.len(), reassembled.rejected.len()))
    };
    let mut group = c.benchmark_group("shapes");
    group.sample_size(10);
    for (name, html) in shapes() {
        // One run first, timed on its own: the figure the issue was about.
        let started = Instant::now();
        let result = run(&html);
        eprintln!(
            "{name}: {} bytes, once in {:?}, (units, output bytes, rejected) {result:?}; default limits: {:?}",
            html.len(),
            started.elapsed(),
            segment::segment(&html)
                .map(|units| units.len())
                .map_err(|e| e.to_string()),
        );
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_function(name, |b| b.iter(|| run(&html)));
    }
    group.finish();
}

criterion_group!(benches, bench, bench_shapes);
criterion_main!(benches);
