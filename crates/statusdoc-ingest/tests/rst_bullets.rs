//! Bullet lists of codes in reStructuredText: `* 404 Not Found: ...`, with the code and
//! title plain, in an inline literal or in strong emphasis.

mod common;
use common::*;

use statusdoc_model::Document;

fn read(text: &str) -> Document {
    read_as("p.rst", text)
}

/// Codes and titles are the exact source bytes their spans cover.
fn assert_spans_exact(doc: &Document) {
    for entry in &doc.entries {
        assert_eq!(doc.source.slice(entry.code_span), entry.code.to_string());
        assert_eq!(
            doc.source.slice(entry.title.as_ref().unwrap().span),
            entry.title_text()
        );
    }
}

#[test]
fn plain_literal_and_strong_bullets() {
    let page = "Status Codes\n============\n\n\
                * 400 Bad Request: the request body is not valid JSON,\n  or a field is missing.\n\
                * ``404 Not Found`` \u{2013} no such resource.\n\
                * **429 Too Many Requests**\n\n  Slow down.\n\
                * 2 items were returned.\n";
    let doc = read(page);
    let got = entries(&doc);
    assert_eq!(
        got,
        [
            (
                400,
                "Bad Request",
                "the request body is not valid JSON, or a field is missing."
            ),
            (404, "Not Found", "no such resource."),
            (429, "Too Many Requests", "Slow down."),
        ]
    );
    assert_spans_exact(&doc);
    assert_eq!(doc.entries[0].section, ["Status Codes"]);
}

#[test]
fn a_row_left_open_at_the_end_of_a_grid_table_is_reported() {
    let page = "Codes\n=====\n\n+-----+----------------+\n| 200 | OK             |\n+-----+----------------+\n| 415 | Not Acceptable |\n\nAfter.\n";
    let doc = read(page);
    assert_eq!(
        doc.entries.len(),
        1,
        "as docutils: the open row is not in the table"
    );
    let note = doc
        .notes
        .iter()
        .find(|n| n.rule == "SD002")
        .expect("the dropped row is reported");
    assert_eq!((note.line, note.column), (7, 1));
}

#[test]
fn one_section_per_code() {
    let page = "Status Codes\n============\n\n415 Unsupported Media Type\n--------------------------\n\nSend JSON.\n\nReally.\n\n429 Too Many Requests\n---------------------\n\nSlow down.\n\nRate limits\n-----------\n\nWe allow 300 requests.\n";
    let doc = read(page);
    let got = entries(&doc);
    assert_eq!(
        got,
        [
            (415, "Unsupported Media Type", "Send JSON.\n\nReally."),
            (429, "Too Many Requests", "Slow down."),
        ]
    );
    assert_eq!(doc.entries[0].section, ["Status Codes"]);
    assert_spans_exact(&doc);
}

#[test]
fn definition_lists_of_codes() {
    let page = "Status Codes\n============\n\n415 Unsupported Media Type\n   The payload format is not supported.\n\n   Send JSON.\n\n429 Too Many Requests\n   Slow down.\n\n200 requests per minute are allowed.\n";
    let doc = read(page);
    let got = entries(&doc);
    assert_eq!(
        got,
        [
            (
                415,
                "Unsupported Media Type",
                "The payload format is not supported.\n\nSend JSON."
            ),
            (429, "Too Many Requests", "Slow down."),
        ]
    );
    assert_spans_exact(&doc);
}
