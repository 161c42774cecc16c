//! `status_catalog::lookup` against `http::StatusCode::canonical_reason`: both map every
//! code of 100..600 to its reason phrase.
//!
//! `cargo bench -p status-catalog --bench lookup`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

fn reasons(c: &mut Criterion) {
    let mut group = c.benchmark_group("reason of every code 100..600");
    group.bench_function("status_catalog::lookup", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for code in 100..600u16 {
                if let Some(status) = status_catalog::lookup(black_box(code)) {
                    found += status.reason.len();
                }
            }
            black_box(found)
        })
    });
    group.bench_function("http::StatusCode::canonical_reason", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for code in 100..600u16 {
                if let Ok(status) = http::StatusCode::from_u16(black_box(code)) {
                    if let Some(reason) = status.canonical_reason() {
                        found += reason.len();
                    }
                }
            }
            black_box(found)
        })
    });
    // The same without the u16 conversion: codes already held as `StatusCode`.
    let prebuilt: Vec<http::StatusCode> = (100..600u16)
        .filter_map(|code| http::StatusCode::from_u16(code).ok())
        .collect();
    group.bench_function("http::StatusCode::canonical_reason (prebuilt)", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for status in black_box(&prebuilt) {
                if let Some(reason) = status.canonical_reason() {
                    found += reason.len();
                }
            }
            black_box(found)
        })
    });
    group.finish();
}

criterion_group!(benches, reasons);
criterion_main!(benches);
