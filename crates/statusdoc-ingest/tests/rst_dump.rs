//! Prints what the reader makes of every rst page (run with --nocapture --ignored).
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::Format;
use statusdoc_reference::Registry;

#[test]
#[ignore]
fn dump() {
    let files = std::env::var("RST_DUMP").unwrap();
    for f in files.split(',') {
        let bytes = std::fs::read(f).unwrap();
        let mut o = ReadOptions::new(Registry::bundled());
        o.format = Some(Format::ReStructuredText);
        let d = read_page(f, &bytes, &o).unwrap();
        println!("== {f} title={:?} meta={:?}", d.title, d.metadata);
        for n in &d.notes {
            println!("  NOTE {}:{} {} {}", n.line, n.column, n.rule, n.message);
        }
        for e in &d.entries {
            let lc = d.source.line_col(e.code_span.start);
            println!(
                "  {} @{}:{} {:?} | {:?} | {:?}",
                e.code,
                lc.line,
                lc.column,
                e.title.as_ref().map(|t| (&t.text, d.source.slice(t.span))),
                e.description.as_ref().map(|t| &t.text),
                e.section
            );
        }
    }
}
