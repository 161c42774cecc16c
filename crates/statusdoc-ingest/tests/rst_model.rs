//! What the reStructuredText reader makes of a page: the neutral page model (blocks,
//! text, spans and marks), and its cost on pathological input.

use std::time::{Duration, Instant};

use statusdoc_ingest::{read_page_model, ReadOptions};
use statusdoc_model::page::{Block, Mark, Page, Text};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

fn read(page: &str) -> (Document, Page) {
    let mut options = ReadOptions::new(Registry::bundled());
    options.format = Some(Format::ReStructuredText);
    read_page_model("p.rst", page.as_bytes(), &options).unwrap()
}

fn outline(page: &str) -> String {
    read(page).1.outline()
}

/// Every text of the page model, depth first.
fn texts(blocks: &[Block]) -> Vec<&Text> {
    let mut out = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                out.push(text)
            }
            Block::Table(table) => {
                out.extend(&table.caption);
                out.extend(table.rows.iter().flatten().map(|c| &c.text));
            }
            Block::List(list) => stack.extend(list.items.iter().rev().flatten().rev()),
            Block::DefinitionList(definitions) => {
                for d in definitions.iter().rev() {
                    stack.extend(d.details.iter().rev());
                }
                out.extend(definitions.iter().map(|d| &d.term));
            }
            Block::Container(inner) => stack.extend(inner.iter().rev()),
        }
    }
    out
}

#[test]
fn sections_paragraphs_lists_and_literals() {
    let page = "=====\nTitle\n=====\n\nIntro with **bold** and ``code``::\n\n   literal  text\n\nPart\n----\n\n- one\n\n  - nested\n\n#. first\n#. second\n\nterm\n   definition\n\n.. a comment\n\n.. note:: Careful\n   here.\n\nSub\n===\n\n   A quote.\n";
    let (document, page_model) = read(page);
    assert_eq!(document.title.as_deref(), Some("Title"));
    assert_eq!(
        page_model.outline(),
        "h1 Title\np Intro with bold and code:\nliteral literal text\nh2 Part\nlist\n  item\n    p one\n    list\n      item\n        p nested\nlist\n  item\n    p first\n  item\n    p second\ndl\n  term term\n    p definition\ncontainer\n  p Careful here.\nh3 Sub\ncontainer\n  p A quote.\n"
    );
    let Block::Paragraph(intro) = &page_model.blocks[1] else {
        panic!()
    };
    assert!(intro.is_marked(11..15, Mark::Strong));
    assert!(intro.is_marked(20..24, Mark::Code));
}

#[test]
fn field_lists_and_directives() {
    let page = ":original_name: x.html\n\nUsers\n=====\n\n.. http:get:: /users/(int:id)\n\n   :statuscode 200: The user.\n   :statuscode 404: No such\n      user.\n\n.. code-block:: json\n\n   {\"a\": 1}\n\n.. admonition:: Limits\n\n   Slow down.\n";
    let (document, page_model) = read(page);
    assert_eq!(document.metadata["original_name"], "x.html");
    assert_eq!(
        page_model.outline(),
        "h1 Users\ncontainer\n  p GET /users/(int:id)\n  dl\n    term statuscode 200\n      p The user.\n    term statuscode 404\n      p No such user.\nliteral {\"a\": 1}\ncontainer\n  p Limits\n  p Slow down.\n"
    );
}

#[test]
fn tables_with_captions_spans_and_headers() {
    let page = ".. table:: **Table 1** Codes\n\n   +------+------------+\n   | Code | Meaning    |\n   +======+============+\n   | 200  | OK         |\n   +------+            |\n   | 201  |            |\n   +------+------------+\n\n.. list-table:: Errors\n   :header-rows: 1\n\n   * - Code\n     - Text\n   * - 404\n     - Not Found\n";
    let (_, page_model) = read(page);
    assert_eq!(
        page_model.outline(),
        "table header_rows=1 Table 1 Codes\n  | Code | Meaning |\n  | 200 | [2x1]OK |\n  | 201 |\ntable header_rows=1 Errors\n  | Code | Text |\n  | 404 | Not Found |\n"
    );
    let Block::Table(grid) = &page_model.blocks[0] else {
        panic!()
    };
    assert!(grid.rows.iter().flatten().all(|c| c.fixed_width));
    let Block::Table(list) = &page_model.blocks[1] else {
        panic!()
    };
    assert!(list.rows.iter().flatten().all(|c| !c.fixed_width));
}

#[test]
fn substitutions_are_mapped_text() {
    let page = "Codes\n=====\n\n* |s404|: the page is gone\n* |undefined|: kept\n\n.. |s404| replace:: 404 *Not Found*\n";
    let (document, page_model) = read(page);
    let Block::List(list) = &page_model.blocks[1] else {
        panic!("{}", page_model.outline())
    };
    let Block::Paragraph(first) = &list.items[0][0] else {
        panic!()
    };
    assert_eq!(first.as_str(), "404 Not Found: the page is gone");
    let reference = page.find("|s404|").unwrap();
    let span = first.source_span(0..13);
    assert_eq!((span.start, span.end), (reference, reference + 6));
    let span = first.source_span(15..18);
    assert_eq!(&page[span.start..span.end], "the");
    assert!(outline(page).contains("p |undefined|: kept"));
    assert_eq!(document.entries.first().map(|e| e.code), Some(404));
}

#[test]
fn every_word_maps_to_its_source_bytes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/rst"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for dir in std::fs::read_dir(root.join("../../sources")).unwrap() {
        pages.extend(
            std::fs::read_dir(dir.unwrap().path())
                .into_iter()
                .flatten()
                .map(|e| e.unwrap().path()),
        );
    }
    // csv_file.rst reads its cells from another file: they map to its `:file:` option.
    pages.retain(|p| p.extension().is_some_and(|e| e == "rst") && !p.ends_with("csv_file.rst"));
    assert!(pages.len() >= 30);
    for path in pages {
        let source = std::fs::read_to_string(&path).unwrap();
        let (_, page_model) = read(&source);
        for text in texts(&page_model.blocks) {
            let s = text.as_str();
            let mut at = 0;
            for word in s.split_whitespace() {
                let start = at + s[at..].find(word).unwrap();
                at = start + word.len();
                // List markers in cells read as docutils numbers them (`#.` reads
                // `1.`, any bullet `-`), mapped to the marker.
                let number = word.ends_with('.') && word[..word.len() - 1].parse::<u32>().is_ok();
                let span = text.source_span(start..at);
                let printed = &source[span.start..span.end];
                if number && printed.ends_with('.') || word == "-" && printed.len() == 1 {
                    continue;
                }
                // Each character maps to its own bytes (a word may run across markup),
                // an escaped one to its escape, a CSV quote to its doubled quote.
                for (k, c) in word.char_indices() {
                    let span = text.source_span(start + k..start + k + c.len_utf8());
                    let printed = &source[span.start..span.end];
                    assert!(
                        printed == c.to_string()
                            || printed == format!("\\{c}")
                            || printed == format!("{c}{c}"),
                        "{}: {c:?} of {word:?} maps to {printed:?}",
                        path.display()
                    );
                }
            }
        }
    }
}

fn timed(page: &str) -> (Document, Duration) {
    let started = Instant::now();
    let (document, _) = read(page);
    (document, started.elapsed())
}

#[test]
fn bullet_staircases_are_linear_and_capped() {
    let staircase = |k: usize| -> String {
        (0..k)
            .map(|i| format!("{}- 404 Not Found\n", "  ".repeat(i)))
            .collect()
    };
    let (small, small_time) = timed(&staircase(1000));
    let (large, large_time) = timed(&staircase(4000));
    // 16 times the bytes: linear time is 16 times as long, quadratic 256 times.
    assert!(
        large_time < small_time * 64 + Duration::from_millis(200),
        "{small_time:?} for 1000 steps, {large_time:?} for 4000"
    );
    for document in [&small, &large] {
        let note = document
            .notes
            .iter()
            .find(|n| n.rule == "SD003")
            .expect("the cap is reported");
        assert!(note.message.contains("64 levels"), "{}", note.message);
    }
}

#[test]
fn unmatched_markup_is_linear() {
    let (_, time) = timed(&"[".repeat(100_000));
    assert!(time < Duration::from_secs(1), "{time:?}");
    let (_, time) = timed(&"*a `b |c ``d **e :r:`f _g ".repeat(20_000));
    assert!(time < Duration::from_secs(2), "{time:?}");
}

/// A grid table whose one cell holds a grid table, and so on.
fn nested_tables(depth: usize) -> String {
    let mut lines = vec!["404 Not Found".to_owned()];
    for _ in 0..depth {
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
        let border = format!("+{}+", "-".repeat(width));
        let mut table = vec![border.clone()];
        table.extend(lines.iter().map(|l| format!("| {l:<w$} |", w = width - 2)));
        table.push(border);
        lines = table;
    }
    lines.join("\n") + "\n"
}

#[test]
fn tables_nested_in_cells_are_capped() {
    let (document, time) = timed(&nested_tables(80));
    assert!(time < Duration::from_secs(5), "{time:?}");
    assert!(document.notes.iter().any(|n| n.rule == "SD003"));
    let (document, _) = timed(&nested_tables(3));
    assert!(document.notes.is_empty(), "{:?}", document.notes);
}

#[test]
fn raw_html_is_read_by_the_html_reader() {
    let page = "Codes\n=====\n\n.. raw:: html\n\n   <table>\n     <tr><td>404</td><td>Not Found</td></tr>\n   </table>\n\n.. raw:: latex\n\n   \\section{x}\n";
    let (_, page_model) = read(page);
    assert_eq!(
        page_model.outline(),
        "h1 Codes\ncontainer\n  table header_rows=0 \n    | 404 | Not Found |\nliteral \\section{x}\n"
    );
    let Block::Container(inner) = &page_model.blocks[1] else {
        panic!()
    };
    let Block::Table(table) = &inner[0] else {
        panic!()
    };
    let text = &table.rows[0][1].text;
    let span = text.source_span(0..text.len());
    assert_eq!(&page[span.start..span.end], "Not Found");
}

/// sphinxcontrib-httpdomain shows an operation's request line above its fields; its
/// responses are that operation's own (a code may answer two conditions).
#[test]
fn httpdomain_directives_show_their_request_line() {
    let page = ".. http:get:: /browse/content/\n\n    View a content.\n\n    :statuscode 200: no error\n    :statuscode 404: the path is missing\n    :statuscode 404: the content cannot be found\n";
    let (document, model) = read(page);
    let request = texts(&model.blocks)
        .into_iter()
        .find(|t| t.as_str().starts_with("GET "))
        .expect("the request line");
    assert_eq!(request.as_str(), "GET /browse/content/");
    let span = request.source_span(0..3);
    assert_eq!(&page[span.start..span.end], "http:get");
    assert_eq!(document.entries.len(), 3);
    assert!(document
        .entries
        .iter()
        .all(|e| e.listing == statusdoc_model::Listing::Operation));
}
