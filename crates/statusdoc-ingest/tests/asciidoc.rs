//! The AsciiDoc reader: every construct it reads, with entries and exact spans.

mod common;
use common::*;

use statusdoc_ingest::{read_page, sniff_format, ReadOptions};
use statusdoc_model::page::{Block, Mark, Page, Text};
use statusdoc_model::{Document, Format, Severity, SuppressionScope};
use statusdoc_reference::Registry;

fn read(text: &str) -> Document {
    read_as("page.adoc", text)
}

fn model(text: &str) -> (Document, Page) {
    model_as("page.adoc", text)
}

/// Every text of the page, depth first.
fn texts(blocks: &[Block]) -> Vec<&Text> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                out.push(text)
            }
            Block::Table(table) => {
                out.extend(table.caption.iter());
                out.extend(table.rows.iter().flatten().map(|c| &c.text));
            }
            Block::List(list) => {
                for item in &list.items {
                    out.extend(texts(item));
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    out.push(&d.term);
                    out.extend(texts(&d.details));
                }
            }
            Block::Container(blocks) => out.extend(texts(blocks)),
        }
    }
    out
}

#[test]
fn title_header_and_sections() {
    let (doc, page) = model(
        "= Pet Store API: Errors\nJane Doe <jane@example.com>\nv1.0, 2024-01-01\n:toc: left\n:product: Pet Store\n\nThe {product} returns these HTTP status codes.\n\n== Client errors\n\n=== 404 Not Found\n\nThe pet does not exist.\n\n=== 429 Too Many Requests ===\n\nSlow down.\n",
    );
    assert_eq!(doc.format, Format::AsciiDoc);
    assert_eq!(doc.title.as_deref(), Some("Pet Store API: Errors"));
    assert_eq!(doc.metadata.get("toc").map(String::as_str), Some("left"));
    assert_eq!(
        entries(&doc),
        [
            (404, "Not Found", "The pet does not exist."),
            (429, "Too Many Requests", "Slow down.")
        ]
    );
    assert_eq!(
        doc.entries[0].section,
        ["Pet Store API: Errors", "Client errors"]
    );
    assert_spans_exact(&doc);
    // The author and revision lines are the header, not text.
    assert!(!page.outline().contains("Jane"), "{}", page.outline());
    // A defined attribute is mapped text over its reference.
    let lead = texts(&page.blocks)
        .into_iter()
        .find(|t| t.as_str().starts_with("The Pet Store"))
        .unwrap();
    let at = lead.as_str().find("Pet Store").unwrap();
    assert_eq!(doc.source.slice(lead.source_span(at..at + 9)), "{product}");
}

#[test]
fn tables_with_cols_and_header_option() {
    let doc = read(
        "== Status codes\n\n.HTTP status codes\n[cols=\"1,1,3\",options=\"header\"]\n|===\n|Code |Title |Description\n|200 |OK |The request succeeded.\n|404 |Not Found |The pet\ndoes not exist.\n|===\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "The request succeeded."),
            (404, "Not Found", "The pet does not exist.")
        ]
    );
    assert_eq!(
        doc.entries[0].section,
        ["Status codes", "HTTP status codes"]
    );
    assert_spans_exact(&doc);
}

#[test]
fn implicit_header_row_and_cells_on_their_own_lines() {
    let doc = read(
        "== Response codes\n\n[cols=\"1,3\"]\n|===\n| Code | Description\n\n| 401\n| Unauthorized\n\n| 415\n| Unsupported Media Type\n|===\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (401, "Unauthorized", ""),
            (415, "Unsupported Media Type", "")
        ]
    );
    assert_spans_exact(&doc);
    // Without the blank line, the first row is a row like the others.
    let (_, page) = model("|===\n| a | b\n| c | d\n|===\n");
    let Block::Table(table) = &page.blocks[0] else {
        panic!()
    };
    assert_eq!((table.header_rows, table.rows.len()), (0, 2));
}

#[test]
fn cell_specs_spans_and_styles() {
    let (doc, page) = model(
        "== HTTP status codes\n\n[cols=\"1,2,3\"]\n|===\n|Code |Title |Notes\n\n|400 |Bad Request .2+|Fix the request.\n|422 |Unprocessable Content\n2+|Merged |x\nm|500 s|Internal Server Error a|\n* Retry later.\n* Or not.\n|===\n",
    );
    let Block::Table(table) = page
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Table(_)))
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(table.header_rows, 1);
    assert_eq!(table.rows.len(), 5, "{}", page.outline());
    assert_eq!(table.rows[1][2].rowspan, 2);
    assert_eq!(table.rows[2].len(), 2);
    assert_eq!(table.rows[3][0].colspan, 2);
    let code = &table.rows[4][0].text;
    assert!(code.is_marked(0..3, Mark::Code));
    assert!(table.rows[4][1].text.is_marked(0..5, Mark::Strong));
    // An `a|` cell is read as AsciiDoc: its list becomes text.
    assert!(
        table.rows[4][2].text.as_str().contains("Retry later."),
        "{}",
        page.outline()
    );
    assert_eq!(
        entries(&doc).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        [
            (400, "Bad Request"),
            (422, "Unprocessable Content"),
            (500, "Internal Server Error")
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn csv_and_dsv_tables() {
    let doc = read(
        "== Status codes\n\n[%header,format=csv]\n|===\nCode,Title,Description\n200,OK,\"Fine, really\"\n404,Not Found,\"The \"\"pet\"\" is gone\"\n|===\n\n== More status codes\n\n,===\nCode,Title\n\n409,Conflict\n,===\n\n:===\nCode:Title\n\n410:Gone\n:===\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "Fine, really"),
            (404, "Not Found", "The \"pet\" is gone"),
            (409, "Conflict", ""),
            (410, "Gone", ""),
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn description_lists() {
    let doc = read(
        "== Response codes\n\n`404` *Not Found*:: The pet does not exist.\n409 Conflict::\n  The pet was changed\n  meanwhile.\n\n[horizontal]\n410 Gone;; The pet was deleted.\n\n== Errors\n\n400 Bad Request - the body is not JSON::\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (404, "Not Found", "The pet does not exist."),
            (409, "Conflict", "The pet was changed meanwhile."),
            (410, "Gone", "The pet was deleted."),
            (400, "Bad Request", "the body is not JSON"),
        ]
    );
    assert_spans_exact(&doc);
    // `:::` nests a list in the item above.
    let (_, page) = model(
        "Parent:: text
Child::: nested
Sibling:: more
",
    );
    assert_eq!(
        page.outline(),
        "dl\n  term Parent\n    p text\n    dl\n      term Child\n        p nested\n  term Sibling\n    p more\n"
    );
}

#[test]
fn bulleted_and_numbered_lists() {
    let (doc, page) = model(
        "== HTTP status codes\n\n* 200 OK - it worked.\n* 201 Created - a pet was added\nto the store.\n** 202 Accepted - nested under 201.\n\n//-\n- 204 No Content - a dash list.\n- 205 Reset Content - another.\n\n//-\n. 400 Bad Request - numbered.\n\n. 401 Unauthorized - numbered too.\n+\n----\nGET /pets 404\n----\n1. 403 Forbidden - numbered by digits.\n",
    );
    assert_eq!(
        entries(&doc).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        [
            (200, "OK"),
            (201, "Created"),
            // A nested item for a code is an entry of its own.
            (202, "Accepted"),
            (204, "No Content"),
            (205, "Reset Content"),
            (400, "Bad Request"),
            (401, "Unauthorized"),
            (403, "Forbidden"),
        ],
        "{}",
        page.outline()
    );
    assert_eq!(
        doc.entries[1].description_text(),
        "a pet was added to the store."
    );
    assert_spans_exact(&doc);
    // The listing attached with `+` belongs to the item; its 404 is no entry.
    assert!(
        page.outline().contains("literal GET /pets 404"),
        "{}",
        page.outline()
    );
}

#[test]
fn literal_blocks_are_not_read_for_entries() {
    let (doc, page) = model(
        "== HTTP status codes\n\n----\n404 Not Found\n415 Unsupported Media Type\n----\n\n....\n500 Internal Server Error\n....\n\n  503 Service Unavailable\n\n[source,http]\n201 Created\n",
    );
    assert!(doc.entries.is_empty(), "{:?}", entries(&doc));
    assert_eq!(
        page.blocks
            .iter()
            .filter(|b| matches!(b, Block::Literal(_)))
            .count(),
        4,
        "{}",
        page.outline()
    );
}

#[test]
fn attribute_references() {
    let (doc, page) = model(
        ":nf: Not Found\n:gone: Gone \\\n  for good\n\n== Status codes\n\n|===\n|Code |Title\n\n|{404} |{nf}\n|410 |{gone}\n|418 |{undefined}\n|===\n\n:nf!:\nUnset: {nf}{nbsp}x\n",
    );
    let titles: Vec<_> = doc
        .entries
        .iter()
        .map(|e| (e.code, e.title_text()))
        .collect();
    assert_eq!(
        titles,
        [
            (404, "Not Found"),
            (410, "Gone for good"),
            (418, "{undefined}")
        ]
    );
    // Mapped text points at the reference; a status code's own attribute reads as
    // the code.
    assert_eq!(doc.source.slice(doc.entries[0].code_span), "{404}");
    assert_eq!(
        doc.source
            .slice(doc.entries[0].title.as_ref().unwrap().span),
        "{nf}"
    );
    assert_eq!(
        doc.source
            .slice(doc.entries[2].title.as_ref().unwrap().span),
        "{undefined}"
    );
    assert!(
        page.outline().contains("p Unset: {nf} x"),
        "{}",
        page.outline()
    );
}

#[test]
fn inline_markup_is_removed_with_exact_spans() {
    let (doc, page) = model(
        "== HTTP status codes\n\n[cols=\"1,2,3\"]\n|===\n|Code |Title |Description\n\n|`429` |*Too Many Requests* |See link:https://example.com/limits[rate limits^] and <<retry,when to retry>>.\n|+503+ |_Service Unavailable_ |Try `Retry-After`, https://example.com[the status page] or <<status>>.[[anchor]]\n|\\*500 |Internal Server Error |Our fault.footnote:[Really.] Call &amp; wait.\n|===\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (
                429,
                "Too Many Requests",
                "See rate limits and when to retry."
            ),
            (
                503,
                "Service Unavailable",
                "Try Retry-After, the status page or status."
            ),
        ],
        "{}",
        page.outline()
    );
    assert_spans_exact(&doc);
    let description = doc.entries[0].description.as_ref().unwrap();
    assert!(
        doc.source
            .slice(description.span)
            .ends_with("when to retry>>."),
        "{:?}",
        doc.source.slice(description.span)
    );
    // Strong and code are marked.
    let all = texts(&page.blocks);
    let code = all.iter().find(|t| t.as_str() == "429").unwrap();
    assert!(code.is_marked(0..3, Mark::Code));
    let strong = all
        .iter()
        .find(|t| t.as_str() == "Too Many Requests")
        .unwrap();
    assert!(strong.is_marked(0..17, Mark::Strong));
    // An escaped mark is text; a footnote is dropped; an entity is mapped.
    let escaped = all.iter().find(|t| t.as_str().starts_with("*500")).unwrap();
    assert_eq!(doc.source.slice(escaped.source_span(0..4)), "*500");
    assert!(
        all.iter().any(|t| t.as_str() == "Our fault. Call & wait."),
        "{}",
        page.outline()
    );
}

#[test]
fn blocks_nest_in_containers() {
    let (doc, page) = model(
        "== Errors\n\nNOTE: The API returns these HTTP status codes.\n\n====\n* 404 Not Found - gone.\n* 410 Gone - really gone.\n====\n\n////\n* 500 Internal Server Error - commented out.\n////\n\n// * 501 Not Implemented - a line comment.\nifdef::env-github[]\n--\n* 503 Service Unavailable - in an open block.\n--\nendif::[]\n",
    );
    assert_eq!(
        entries(&doc).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        [
            (404, "Not Found"),
            (410, "Gone"),
            (503, "Service Unavailable")
        ],
        "{}",
        page.outline()
    );
    assert_spans_exact(&doc);
}

#[test]
fn includes_get_one_info_note() {
    let doc = read(
        "= Errors\n\ninclude::partials/codes.adoc[]\n\nText.\n\ninclude::{snippets}/more.adoc[leveloffset=+1]\n",
    );
    assert_eq!(doc.notes.len(), 1);
    let note = &doc.notes[0];
    assert_eq!(
        (note.rule, note.severity, note.line),
        ("SD003", Severity::Info, 3)
    );
    assert!(
        note.message.contains("include::partials/codes.adoc[]"),
        "{}",
        note.message
    );
    assert!(note.message.contains("1 other include"), "{}", note.message);
}

#[test]
fn suppression_comments() {
    let doc = read(
        "// statusdoc-disable-file SD105\n= Errors\n\n// statusdoc-disable-next-line SD101\n|===\n| Code | Title\n\n| 415\n| Not Acceptable\n|===\n\n// statusdoc-disable-next-line SD102\n404 Not Found:: Gone.\n",
    );
    let scopes: Vec<_> = doc
        .suppressions
        .iter()
        .map(|s| (s.rules.clone(), s.scope.clone()))
        .collect();
    assert_eq!(
        scopes,
        [
            (vec!["SD105".to_owned()], SuppressionScope::File),
            (vec!["SD101".to_owned()], SuppressionScope::Lines(5, 10)),
            (vec!["SD102".to_owned()], SuppressionScope::Line(13)),
        ]
    );
    assert_eq!(doc.entries.len(), 2);
}

#[test]
fn detected_by_extension_and_content() {
    for path in ["a.adoc", "a.asciidoc", "a.asc"] {
        let doc = read_page(
            path,
            b"= T\n\nText.\n",
            &ReadOptions::new(Registry::bundled()),
        )
        .unwrap();
        assert_eq!(doc.format, Format::AsciiDoc, "{path}");
        assert!(doc.notes.is_empty(), "{path}: {:?}", doc.notes);
    }
    assert_eq!(
        sniff_format("= Errors\n\n|===\n| 404 | Not Found\n|===\n"),
        Format::AsciiDoc
    );
    let doc = read_page(
        "errors.txt",
        b"= Errors\n\n[cols=\"1,3\"]\n|===\n| 404 | Not Found\n| 410 | Gone\n|===\n",
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap();
    assert_eq!(doc.format, Format::AsciiDoc);
}

#[test]
fn unterminated_and_hostile_input_still_reads() {
    // Unclosed delimiters run to the end; deep nesting is cut off; nothing panics.
    for text in [
        "|===\n| 404 | Not Found\n",
        "----\nno end\n",
        &"====\n".repeat(200),
        &"* a\n+\n".repeat(300),
        "|===\n2+|\n.9+|x\n3*|y\n|===\n",
        "[cols=\"99999*\"]\n|===\n|a\n|===\n",
        ":a: {b}\n:b: {a}\n\n{a}\n",
        "`*_#^~+\\{[<&",
        "term::\n\n",
        "é|===\n|é|ü\n",
    ] {
        let _ = model(text);
    }
}

#[test]
fn long_paragraphs_of_stray_marks_read_in_linear_time() {
    let text = "*a _b `c #d https:x[ <<e [f ".repeat(40_000);
    let start = std::time::Instant::now();
    let _ = model(&text);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn junk_after_a_quoted_cols_value_is_dropped() {
    let doc = read(
        "== HTTP status code\n\n[cols=\"15,25,60\"*,options=\"header\"]\n|===\n|Code | Reason phrase |Description\n\n|200\n|OK\n|Success.\n|404\n|Not found\n|No such resource.\n|===\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "Success."),
            (404, "Not found", "No such resource.")
        ]
    );
    assert_spans_exact(&doc);
}

#[test]
fn empty_cols_records_are_columns() {
    let doc = read(
        "==== Response Status\n[cols=\",\",options=\"header\",]\n|=====\n|Status |Description\n|200 OK | Body contains the profile\n|404 Not Found |No such profile\n|=====\n",
    );
    assert_eq!(
        entries(&doc),
        [
            (200, "OK", "Body contains the profile"),
            (404, "Not Found", "No such profile")
        ]
    );
    assert_spans_exact(&doc);
}
