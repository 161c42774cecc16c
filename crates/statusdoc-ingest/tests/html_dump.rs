//! `cargo test -p statusdoc-ingest --test html_dump -- --ignored --nocapture PATH`: prints
//! what the HTML reader gets from a page, to compare with the page by hand.

use statusdoc_ingest::read_source;
use statusdoc_model::{Format, SourceFile};
use statusdoc_reference::Registry;

#[test]
#[ignore = "a debugging aid: prints entries"]
fn dump() {
    let path = std::env::var("HTML_DUMP")
        .unwrap_or_else(|_| "../../sources/kinto/status-patch-object.html".into());
    let text = std::fs::read_to_string(&path).unwrap();
    let source = SourceFile::new(path.clone(), text);
    let document = read_source(source.clone(), Format::Html, Registry::bundled());
    println!(
        "title: {:?}\nmetadata: {:?}",
        document.title, document.metadata
    );
    for e in &document.entries {
        let lc = source.line_col(e.code_span.start);
        println!(
            "{} @{}:{} {:?} | title {:?} {:?} | section {:?}\n   desc {:?} {:?}",
            e.code,
            lc.line,
            lc.column,
            source.slice(e.code_span),
            e.title.as_ref().map(|t| &t.text),
            e.title.as_ref().map(|t| source.slice(t.span)),
            e.section,
            e.description.as_ref().map(|t| &t.text),
            e.description.as_ref().map(|t| source.slice(t.span).len()),
        );
    }
    for n in &document.notes {
        println!("note: {n:?}");
    }
}
