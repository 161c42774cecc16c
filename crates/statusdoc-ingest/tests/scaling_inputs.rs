//! The inputs once reported as slow (each reads in under 0.2 s in release; see
//! `cargo run --release -p statusdoc --example scaling`). These tests assert only that
//! they finish and give the right entries, never a time: tests run in debug builds on
//! shared machines.

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

const FORMATS: [(Format, &str); 6] = [
    (Format::Markdown, "page.md"),
    (Format::ReStructuredText, "page.rst"),
    (Format::Html, "page.html"),
    (Format::Text, "page.txt"),
    (Format::AsciiDoc, "page.adoc"),
    (Format::OpenApi, "page.yaml"),
];

fn read(text: &str, format: Format) -> Document {
    let name = FORMATS.iter().find(|(f, _)| *f == format).unwrap().1;
    read_source(SourceFile::new(name, text), format, Registry::bundled())
}

/// `''.join('  '*i+'- 404 Not Found\n' for i in range(k))`
fn staircase(k: usize) -> String {
    (0..k)
        .map(|i| format!("{}- 404 Not Found\n", "  ".repeat(i)))
        .collect()
}

fn all_not_found(document: &Document) -> bool {
    !document.entries.is_empty()
        && document
            .entries
            .iter()
            .all(|e| e.code == 404 && e.title_text() == "Not Found")
}

#[test]
fn open_brackets_as_rst_and_every_format() {
    // `printf '[[[[[[[[[[[[['`
    let page = "[".repeat(13);
    for (format, _) in FORMATS {
        let document = read(&page, format);
        assert!(document.entries.is_empty(), "{format:?}");
    }
}

#[test]
fn nineteen_bracketed_x_in_every_format() {
    // `'[x]'*19`, alone and as a table cell, a list item and a heading.
    let run = "[x]".repeat(19);
    for page in [
        run.clone(),
        format!("| Code | Title |\n|---|---|\n| 404 | Not Found {run} |\n"),
        format!("* 404 Not Found {run}\n* 410 Gone\n"),
        format!("404 Not Found\n=============\n\n{run}\n"),
    ] {
        for (format, _) in FORMATS {
            let document = read(&page, format);
            for entry in &document.entries {
                assert!(matches!(entry.code, 404 | 410), "{format:?}: {entry:?}");
            }
        }
    }
    assert!(read(&run, Format::Markdown).entries.is_empty());
    assert!(read(&run, Format::ReStructuredText).entries.is_empty());
}

#[test]
fn rst_bullet_staircases() {
    for k in [400, 800, 1600, 3200] {
        let page = staircase(k);
        let document = read(&page, Format::ReStructuredText);
        assert!(
            all_not_found(&document),
            "k={k}: {:?}",
            document.entries.first()
        );
        // The first item is the outermost one, at the top of the page.
        assert_eq!(document.entries[0].code_span.start, 2, "k={k}");
    }
}

#[test]
fn rst_bullet_staircase_with_blank_lines() {
    let page: String = (0..1600)
        .map(|i| format!("{}- 404 Not Found\n\n", "  ".repeat(i)))
        .collect();
    let document = read(&page, Format::ReStructuredText);
    assert!(all_not_found(&document), "{:?}", document.entries.first());
}

#[test]
fn a_one_megabyte_line_inside_a_staircase() {
    let mut page = staircase(400);
    page.push_str(&format!(
        "{}- 404 Not Found {}\n",
        "  ".repeat(400),
        "x".repeat(1 << 20)
    ));
    page.push_str(&staircase(400));
    let document = read(&page, Format::ReStructuredText);
    assert!(all_not_found(&document), "{:?}", document.entries.first());
    for entry in &document.entries {
        assert!(entry.span().end <= page.len());
    }
}

#[test]
fn nested_html_tables_with_an_entry_at_each_level() {
    let k = 16_000;
    let mut page = String::new();
    for _ in 0..k {
        page.push_str("<table><tr><th>Code</th><th>Title</th></tr><tr><td>404</td><td>Not Found</td></tr><tr><td colspan=2>");
    }
    for _ in 0..k {
        page.push_str("</td></tr></table>");
    }
    let document = read(&page, Format::Html);
    assert!(all_not_found(&document));
    assert_eq!(document.entries.len(), k);
    // In page order, each title where the page has it.
    for entry in &document.entries {
        let title = entry.title.as_ref().unwrap();
        assert_eq!(&page[title.span.start..title.span.end], "Not Found");
    }
    assert!(document
        .entries
        .windows(2)
        .all(|w| w[0].code_span.start < w[1].code_span.start));
}
