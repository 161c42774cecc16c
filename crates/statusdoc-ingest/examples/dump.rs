//! Prints what the readers extract from a page: `cargo run --example dump -- PATH`.
fn main() {
    let registry = statusdoc_reference::Registry::bundled();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match statusdoc_ingest::read_page(
            &path,
            &bytes,
            &statusdoc_ingest::ReadOptions::new(registry),
        ) {
            Ok(doc) => {
                println!(
                    "# {path} ({}) title={:?} meta={:?}",
                    doc.format, doc.title, doc.metadata
                );
                for e in &doc.entries {
                    let lc = doc.source.line_col(e.code_span.start);
                    println!(
                        "{}:{} {} [{}] :: {:?}",
                        lc.line,
                        lc.column,
                        e.code,
                        e.title_text(),
                        e.description_text()
                    );
                }
                for n in &doc.notes {
                    println!("note {} {}:{} {}", n.rule, n.line, n.column, n.message);
                }
            }
            Err(e) => println!("error: {e}"),
        }
    }
}
