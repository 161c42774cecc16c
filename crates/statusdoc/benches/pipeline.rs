//! The whole pipeline on the bundled corpus: read every page (all four readers) and
//! lint it, on one thread and on every core, to show that pages are independent units
//! of work. The corpus is replicated to 50 copies of each page (1,000 pages) so the
//! run is long enough to measure.
//!
//! `cargo bench -p statusdoc --bench pipeline`

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{lint, Config, Page};
use statusdoc_reference::Registry;

const COPIES: usize = 50;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sources");
    let pages = statusdoc_corpus::discover_pages(&root);
    let mut out = Vec::new();
    for copy in 0..COPIES {
        for page in &pages {
            if page.components().any(|c| c.as_os_str() == "reference") {
                continue;
            }
            let name = format!("copy{copy}/{}", page.strip_prefix(&root).unwrap().display());
            out.push((name, std::fs::read(page).unwrap()));
        }
    }
    out
}

fn read_and_lint(pages: &[(String, Vec<u8>)]) -> usize {
    let registry = Registry::bundled();
    let options = ReadOptions::new(registry);
    let documents: Vec<_> = pages
        .par_iter()
        .map(|(name, bytes)| read_page(name, bytes, &options).unwrap())
        .collect();
    let pages: Vec<Page> = documents.iter().map(Page::new).collect();
    lint(&pages, registry, &Config::default()).len()
}

fn pipeline(c: &mut Criterion) {
    let pages = corpus();
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group(format!("read and lint {} pages", pages.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_function(format!("{threads} thread(s)"), |b| {
            b.iter(|| pool.install(|| black_box(read_and_lint(&pages))))
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
