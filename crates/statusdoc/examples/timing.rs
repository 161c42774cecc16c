//! Times reading and linting each page of a folder:
//! `cargo run --release -p statusdoc --example timing -- sources`.
use std::time::Instant;

fn main() {
    let root = std::env::args().nth(1).expect("a folder");
    let registry = statusdoc_reference::Registry::bundled();
    let options = statusdoc_ingest::ReadOptions::new(registry);
    for page in statusdoc_corpus::discover_pages(std::path::Path::new(&root)) {
        let bytes = std::fs::read(&page).unwrap();
        let name = page.display().to_string();
        let start = Instant::now();
        let mut doc = None;
        for _ in 0..10 {
            doc = statusdoc_ingest::read_page(&name, &bytes, &options).ok();
        }
        let read = start.elapsed() / 10;
        let Some(doc) = doc else { continue };
        let start = Instant::now();
        for _ in 0..10 {
            std::hint::black_box(statusdoc_lint::lint_document(
                &doc,
                registry,
                &statusdoc_lint::Config::default(),
            ));
        }
        let lint = start.elapsed() / 10;
        println!(
            "{:>9.2?} read {:>9.2?} lint {:>7} bytes {name}",
            read,
            lint,
            bytes.len()
        );
    }
}
