//! The HTML reader must not panic, overflow the stack or hang on hostile input.

use std::time::Instant;

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

fn read(text: String) -> Document {
    read_source(
        SourceFile::new("page.html", text),
        Format::Html,
        Registry::bundled(),
    )
}

const TABLE: &str = "<table><tr><th>Status code</th><th>Description</th></tr>\
<tr><td>404</td><td>Not Found</td></tr></table>";

#[test]
fn deep_nesting_of_divs_does_not_overflow_or_hang() {
    let depth = 100_000;
    let mut page = "<div>".repeat(depth);
    page.push_str(TABLE);
    page.push_str(&"</div>".repeat(depth));
    let started = Instant::now();
    let document = read(page);
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(document.entries.len(), 1);
    assert_eq!(document.entries[0].code, 404);
}

#[test]
fn deep_nesting_of_unclosed_inline_and_list_elements() {
    for open in [
        "<span>",
        "<ul><li>",
        "<table><tr><td>",
        "<b><i>",
        "<dl><dd>",
    ] {
        let page = format!("{}{TABLE}", open.repeat(20_000));
        let started = Instant::now();
        let document = read(page);
        assert!(
            started.elapsed().as_secs() < 30,
            "{open}: took {:?}",
            started.elapsed()
        );
        assert!(document.entries.iter().all(|e| e.code == 404), "{open}");
    }
}

#[test]
fn unclosed_and_broken_tags() {
    for page in [
        "<table><tr><td>404<td>Not Found",
        "<table><tr><th>Code<th>Title<tr><td>404<td>Not Found</table",
        "<ul><li><code>404</code> Not Found – gone<li><code>500",
        "<dl><dt>404 Not Found<dd>Gone<dt>",
        "<h3>404 Not Found</h3><p>Gone<h3>500 Internal Server Error",
        "<!-- unclosed comment <table><tr><td>404</td></tr></table>",
        "<table><tr><td colspan=\"100000\" rowspan=\"100000\">404</td><td>x</td></tr></table>",
        "<a href=\"unclosed <table>",
        "&#xFFFFFFFF; &#0; &nbsp &amp &notanentity; <p>&#",
        "<script>if (a < b) { document.write('<table><tr><td>404</td></tr></table>') }",
        "<title>unclosed",
        "<",
        "</",
        "<!",
        "<p>\u{1}\u{2}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}</p><table><tr><td>\u{1}404</td><td>Not\u{7}Found</td></tr></table>",
    ] {
        let document = read(page.to_owned());
        for entry in &document.entries {
            assert!(entry.code_span.end <= page.len(), "{page}");
        }
    }
}

#[test]
fn control_characters_do_not_break_positions() {
    let page = "<p>\u{1}\u{7}\u{1b}</p>\r\n<table><tr><th>Status</th><th>Title</th></tr>\r\n<tr><td>404</td><td>Not\u{b}Found</td></tr></table>";
    let document = read(page.to_owned());
    assert_eq!(document.entries.len(), 1);
    let entry = &document.entries[0];
    assert_eq!(&page[entry.code_span.start..entry.code_span.end], "404");
}

#[test]
fn fifty_megabyte_page() {
    let mut page = String::with_capacity(51 << 20);
    page.push_str("<!DOCTYPE html><html><head><title>Big</title></head><body><main>");
    page.push_str("<table><thead><tr><th>Status code</th><th>Title</th><th>Description</th></tr></thead><tbody>");
    page.push_str("<tr><td>404</td><td>Not Found</td><td>Gone.</td></tr>");
    let filler = "<p>Lorem ipsum dolor sit amet, consectetur &amp; adipiscing elit, sed do eiusmod tempor.</p>\n";
    page.push_str("</tbody></table>");
    while page.len() < 50 << 20 {
        page.push_str(filler);
    }
    page.push_str("</main></body></html>");
    // How long it takes is the benchmarks' business (`cargo xtask bench --scaling`);
    // here: it is read whole, and its one entry found.
    let document = read(page);
    assert_eq!(document.entries.len(), 1);
    assert_eq!(document.entries[0].title_text(), "Not Found");
}
