//! Segment + reassemble throughput on a 200 KB page (goal: ≥ 50 MB/s on one
//! core). Run: `cargo bench --bench segment`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use honyaku::segment::{self, Fill};

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

criterion_group!(benches, bench);
criterion_main!(benches);
