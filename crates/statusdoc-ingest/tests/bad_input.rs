//! Bad input, each case with the answer it must get: no panic, a clear error (with line
//! and column where there is a position) or a located note, and the entries the page
//! still has. Pages go through `read_page` as the CLI reads them (decoding, then the
//! format from the extension). Cases marked `#[ignore]` are open reader bugs.
//!
//! More cases: `rst_malformed.rs` (malformed reStructuredText tables),
//! `html_robustness.rs` (hostile HTML), `scaling_inputs.rs` (inputs once reported as
//! slow), `statusdoc-lint/tests/config_bad_input.rs` (configuration files) and
//! `statusdoc/tests/cli.rs` (the binary's exit codes).

use std::sync::mpsc;
use std::time::Duration;

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::Document;
use statusdoc_reference::Registry;

fn read(path: &str, bytes: impl AsRef<[u8]>) -> Result<Document, String> {
    read_page(path, bytes.as_ref(), &ReadOptions::new(Registry::bundled()))
        .map_err(|e| e.to_string())
}

fn page(path: &str, bytes: impl AsRef<[u8]>) -> Document {
    read(path, bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn error(path: &str, bytes: impl AsRef<[u8]>) -> String {
    match read(path, bytes) {
        Ok(d) => panic!("{path} was read: {:?}", d.entries),
        Err(e) => e,
    }
}

fn codes(d: &Document) -> Vec<u16> {
    d.entries.iter().map(|e| e.code).collect()
}

fn titles(d: &Document) -> Vec<(u16, &str)> {
    d.entries.iter().map(|e| (e.code, e.title_text())).collect()
}

/// The first note of `rule`: (line, column, message).
fn note<'d>(d: &'d Document, rule: &str) -> (usize, usize, &'d str) {
    let n = d
        .notes
        .iter()
        .find(|n| n.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} note in {:?}", d.notes));
    (n.line, n.column, n.message.as_str())
}

/// The code spans point at the code's digits in the file.
fn spans_hold_codes(text: &[u8], d: &Document) {
    for e in &d.entries {
        let digits = &text[e.code_span.start..e.code_span.end];
        assert!(
            String::from_utf8_lossy(digits).contains(&e.code.to_string()[1..]),
            "{} at {:?}: {:?}",
            e.code,
            e.code_span,
            String::from_utf8_lossy(digits)
        );
    }
}

/// Reads on a thread and gives up after `seconds` (a hang is a failure, not a stuck
/// test run).
fn finishes(path: &'static str, text: String, seconds: u64) -> Document {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(read(path, text.as_bytes()));
    });
    match receive.recv_timeout(Duration::from_secs(seconds)) {
        Ok(result) => result.unwrap_or_else(|e| panic!("{e}")),
        Err(_) => panic!("{path}: still reading after {seconds} s"),
    }
}

const MD_TABLE: &str = "| Code | Title |\n|---|---|\n| 404 | Not Found |\n| 410 | Gone |\n";
const HTML_TABLE: &str =
    "<table><tr><td>404</td><td>Not Found</td></tr><tr><td>410</td><td>Gone</td></tr></table>";

// ---- Empty pages and encodings ----

#[test]
fn empty_file() {
    let e = error("e.md", "");
    assert_eq!(
        e,
        "e.md: the file is empty; a status code page needs at least one entry"
    );
}

#[test]
fn whitespace_only_file() {
    let e = error("w.rst", " \n\t\r\n  \n");
    assert!(e.starts_with("w.rst: the file is empty"), "{e}");
}

#[test]
fn byte_order_mark_only_file() {
    for bytes in [&b"\xef\xbb\xbf"[..], b"\xef\xbb\xbf\n\n  \n"] {
        let e = error("b.md", bytes);
        assert!(e.starts_with("b.md: the file is empty"), "{e}");
    }
}

#[test]
fn byte_order_mark_before_a_page() {
    let text = format!("\u{feff}{MD_TABLE}");
    let d = page("b.md", &text);
    assert_eq!(codes(&d), [404, 410]);
    // Spans are byte offsets of the file, mark included.
    spans_hold_codes(text.as_bytes(), &d);
    assert_eq!(
        d.entries[0].code_span.start,
        MD_TABLE.find("404").unwrap() + 3
    );
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(MD_TABLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(MD_TABLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [little, big] {
        let e = error("u.md", bytes);
        assert_eq!(
            e,
            "u.md:1:1: the file is UTF-16 text; re-save the page as UTF-8"
        );
    }
}

#[test]
fn utf16_without_a_byte_order_mark_is_binary() {
    let bytes: Vec<u8> = MD_TABLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let e = error("u.md", bytes);
    assert!(
        e.starts_with("u.md:1:2: the file looks binary (a NUL byte at byte 1)"),
        "{e}"
    );
}

#[test]
fn nul_byte_is_located() {
    let e = error("n.txt", b"404 Not Found\n410 Gone\nab\x00cd\n");
    assert!(
        e.starts_with("n.txt:3:3: the file looks binary (a NUL byte at byte 25)"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_is_located() {
    // A Latin-1 é on line 4.
    let e = error(
        "l.md",
        b"# Codes\n\n- 404 Not Found\n- caf\xc3\xa9 \xe9t\xe9\n",
    );
    assert_eq!(
        e,
        "l.md:4:8: invalid UTF-8 at byte 33; re-save the page as UTF-8"
    );
}

#[test]
fn invalid_utf8_column_counts_characters() {
    let e = error(
        "l.md",
        "- 404 Not Found\n- 日本 "
            .bytes()
            .chain([0xFF])
            .collect::<Vec<u8>>(),
    );
    assert!(e.starts_with("l.md:2:6: invalid UTF-8"), "{e}");
}

#[test]
fn encoded_surrogate_and_truncated_sequence() {
    let e = error("s.md", b"- 404 Not Found\n- 410 Gone\xed\xa0\x80\n");
    assert!(e.starts_with("s.md:2:11: invalid UTF-8 at byte 26"), "{e}");
    let e = error("t.md", b"- 404 Not Found\n- 410 Gone \xe2\x82");
    assert!(e.starts_with("t.md:2:12: invalid UTF-8 at byte 27"), "{e}");
}

#[test]
fn mixed_encodings_are_located_at_the_first_bad_byte() {
    // UTF-8 first, then a Windows-1252 line with curly quotes.
    let mut bytes = "| Code | Title |\n|---|---|\n| 404 | Not Found – gone |\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"| 410 | \x93Gone\x94 |\n");
    let e = error("m.md", bytes);
    assert!(e.starts_with("m.md:4:9: invalid UTF-8 at byte"), "{e}");
    let e = error("q.txt", b"\x93404\x94 Not Found\n");
    assert!(e.starts_with("q.txt:1:1: invalid UTF-8 at byte 0"), "{e}");
}

// ---- Line endings ----

#[test]
fn crlf_in_every_format() {
    let pages = [
        ("c.md", MD_TABLE.to_owned()),
        ("c.rst", "Codes\n=====\n\n+------+-----------+\n| Code | Title     |\n+======+===========+\n| 404  | Not Found |\n+------+-----------+\n| 410  | Gone      |\n+------+-----------+\n".to_owned()),
        ("c.html", HTML_TABLE.replace("</tr>", "</tr>\n")),
        ("c.txt", "404 Not Found\n410 Gone\n".to_owned()),
        ("c.adoc", "|===\n| Code | Title\n| 404 | Not Found\n| 410 | Gone\n|===\n".to_owned()),
        ("c.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '404': {description: Not Found}\n        '410': {description: Gone}\n".to_owned()),
    ];
    for (path, text) in pages {
        let crlf = text.replace('\n', "\r\n");
        let d = page(path, &crlf);
        assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")], "{path}");
        spans_hold_codes(crlf.as_bytes(), &d);
        assert_eq!(
            d.entries[1].code_span.start,
            crlf.find("410").unwrap(),
            "{path}"
        );
    }
}

#[test]
fn lone_cr_in_markdown_html_and_openapi() {
    for (path, text) in [
        ("r.md", MD_TABLE.replace('\n', "\r")),
        ("r.html", HTML_TABLE.replace("<tr>", "\r<tr>")),
        ("r.yaml", "openapi: 3.0.0\rinfo: {title: t, version: '1'}\rpaths:\r  /a:\r    get:\r      responses:\r        '404': {description: Not Found}\r        '410': {description: Gone}\r".to_owned()),
    ] {
        let d = page(path, &text);
        assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")], "{path}");
        spans_hold_codes(text.as_bytes(), &d);
    }
}

#[test]
fn lone_cr_in_rst_text_and_asciidoc() {
    for (path, text) in [
        ("r.rst", "Codes\r=====\r\r- 404 Not Found\r- 410 Gone\r"),
        ("r.txt", "404 Not Found\r410 Gone\r"),
        (
            "r.adoc",
            "|===\r| Code | Title\r| 404 | Not Found\r| 410 | Gone\r|===\r",
        ),
    ] {
        let d = page(path, text);
        assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")], "{path}");
    }
}

#[test]
fn mixed_line_endings() {
    let text = "| Code | Title |\r\n|---|---|\n| 404 | Not Found |\r| 410 | Gone |\r\n";
    let d = page("x.md", text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    spans_hold_codes(text.as_bytes(), &d);
}

// ---- Huge lines ----

#[test]
fn ten_megabyte_line_after_a_table() {
    let text = format!("{MD_TABLE}\n{}\n", "word ".repeat(2_000_000));
    let d = page("h.md", &text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn five_megabyte_cell() {
    let text = format!(
        "| Code | Title | Description |\n|---|---|---|\n| 404 | Not Found | {} |\n| 410 | Gone | gone |\n",
        "x".repeat(5_000_000)
    );
    let d = page("h.md", &text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    assert_eq!(d.entries[0].description_text().len(), 5_000_000);
}

#[test]
fn five_megabyte_line_in_a_text_dump() {
    // `410 Gone` followed by five megabytes is running prose, not an entry.
    let text = format!("404 Not Found\n410 Gone {}\n", "y".repeat(5_000_000));
    let d = page("h.txt", &text);
    assert_eq!(titles(&d), [(404, "Not Found")]);
}

#[test]
fn five_megabyte_paragraph_in_rst() {
    let text = format!(
        "Codes\n=====\n\n{}\n\n- 404 Not Found\n- 410 Gone\n",
        "z ".repeat(2_500_000)
    );
    let d = page("h.rst", &text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

// ---- Deep nesting ----

#[test]
fn markdown_lists_nested_three_thousand_deep() {
    let mut text: String = (0..3000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    text.push_str("\n\n");
    text.push_str(MD_TABLE);
    assert_eq!(codes(&page("n.md", &text)), [404, 410]);
}

#[test]
fn markdown_quotes_nested_ten_thousand_deep() {
    let text = format!("{} text\n\n{MD_TABLE}", ">".repeat(10_000));
    assert_eq!(codes(&page("n.md", &text)), [404, 410]);
}

#[test]
fn rst_quotes_nested_three_thousand_deep_are_flattened_with_a_note() {
    let mut text: String = (0..3000)
        .map(|i| format!("{}text\n\n", "  ".repeat(i)))
        .collect();
    text.push_str("Codes\n=====\n\n- 404 Not Found\n- 410 Gone\n");
    let d = page("n.rst", &text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    let (line, column, message) = note(&d, "SD003");
    assert_eq!((line, column), (129, 129));
    assert!(
        message.contains("nested more than 64 levels deep"),
        "{message}"
    );
}

#[test]
fn asciidoc_lists_nested_three_thousand_deep() {
    let mut text: String = (1..3000)
        .map(|i| format!("{} x\n", "*".repeat(i)))
        .collect();
    text.push_str("\n|===\n| Code | Title\n| 404 | Not Found\n| 410 | Gone\n|===\n");
    assert_eq!(codes(&page("n.adoc", &text)), [404, 410]);
}

#[test]
fn html_quotes_nested_a_hundred_thousand_deep() {
    let text = format!("{}{HTML_TABLE}", "<blockquote>".repeat(100_000));
    assert_eq!(codes(&page("n.html", &text)), [404, 410]);
}

#[test]
fn html_with_a_hundred_thousand_unclosed_tags() {
    let tags = "<p><b><i><span><div><ul><li>".repeat(100_000 / 7);
    let after = format!("{HTML_TABLE}{tags}");
    assert_eq!(
        titles(&page("u.html", &after)),
        [(404, "Not Found"), (410, "Gone")]
    );
    let before = format!(
        "{}{HTML_TABLE}",
        "<p><b><i><span><div><ul><li><table><tr><td>".repeat(100_000 / 9)
    );
    let d = page("u.html", &before);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    spans_hold_codes(before.as_bytes(), &d);
}

#[test]
fn json_nested_a_hundred_thousand_deep_is_a_located_note() {
    let text = format!(
        "{{\"openapi\": \"3.0.0\", \"x\": {}{}, \"paths\": {{}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let d = page("d.json", &text);
    assert!(d.entries.is_empty());
    let (line, _, message) = note(&d, "SD001");
    assert_eq!(line, 1);
    assert!(message.contains("recursion limit"), "{message}");
}

// ---- Unclosed tables, tabs ----

#[test]
fn markdown_table_without_closing_pipes() {
    let d = page(
        "t.md",
        "| Code | Title |\n|---|---|\n| 404 | Not Found\n| 410 | Gone\n",
    );
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn rst_grid_table_without_a_bottom_border() {
    let text = "+------+-----------+\n| Code | Title     |\n+======+===========+\n| 404  | Not Found |\n+------+-----------+\n| 410  | Gone      |\n\nAfter\n=====\n\n- 500 Internal Server Error\n- 503 Service Unavailable\n";
    let d = page("t.rst", text);
    assert_eq!(codes(&d), [404, 500, 503]);
    let (line, column, message) = note(&d, "SD002");
    assert_eq!((line, column), (6, 1));
    assert!(message.contains("no bottom border"), "{message}");
}

#[test]
fn asciidoc_table_never_closed() {
    let d = page(
        "t.adoc",
        "== Codes\n\n|===\n| Code | Title\n| 404 | Not Found\n| 410 | Gone\n",
    );
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn asciidoc_unterminated_blocks_are_noted() {
    for (text, line) in [
        ("== Codes\n\n|===\n| Code | Title\n| 404 | Not Found\n", 3),
        ("== Codes\n\n----\n| 200 | OK\n", 3),
        ("== Codes\n\n====\nan example\n", 3),
    ] {
        let d = page("t.adoc", text);
        assert!(
            d.notes.iter().any(|n| n.line == line),
            "{text:?}: {:?}",
            d.notes
        );
    }
}

#[test]
fn asciidoc_unterminated_listing_hides_what_follows() {
    // As in Asciidoctor, everything after an unterminated `----` is literal.
    let d = page(
        "t.adoc",
        "== Codes\n\n----\n| 200 | OK\n\n|===\n| Code | Title\n| 404 | Not Found\n|===\n",
    );
    assert!(d.entries.is_empty(), "{:?}", d.entries);
}

#[test]
fn asciidoc_unterminated_example_after_the_table() {
    let d = page("t.adoc", "|===\n| Code | Title\n| 404 | Not Found\n| 410 | Gone\n|===\n\n====\nan example block that never ends\n");
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn html_table_with_unclosed_cells_and_rows() {
    let d = page("t.html", "<table><tr><th>Code</th><th>Title</th></tr><tr><td>404</td><td>Not Found<tr><td>410<td>Gone");
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn tabs_in_an_rst_grid_table() {
    let text = "+------+-----------+\n| Code | Title     |\n+======+===========+\n| 404\t | Not Found |\n+------+-----------+\n| 410  | Gone      |\n+------+-----------+\n";
    let d = page("t.rst", text);
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
}

#[test]
fn tabs_in_yaml_indentation_are_a_located_note() {
    let d = page("t.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n\tget:\n      responses:\n        '404': {description: Not Found}\n");
    let (line, column, message) = note(&d, "SD001");
    assert_eq!((line, column), (5, 2));
    assert!(message.contains("tabs"), "{message}");
}

// ---- OpenAPI ----

fn billion_laughs(responses: &str) -> String {
    let mut text = String::from("openapi: 3.0.0\ninfo: {title: t, version: '1'}\nx-lol:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut previous = 'a';
    for name in "bcdefghi".chars() {
        let refs = vec![format!("*{previous}"); 9].join(",");
        text.push_str(&format!("  {name}: &{name} [{refs}]\n"));
        previous = name;
    }
    text.push_str("paths:\n  /a:\n    get:\n      responses:\n");
    text.push_str(responses);
    text
}

#[test]
fn yaml_billion_laughs_is_refused_with_a_located_note() {
    for responses in [
        "        '404': {description: Not Found}\n        '410': {description: Gone}\n",
        "        '404': {description: Not Found}\n        '410': {description: Gone, x-lol: *i}\n",
    ] {
        let d = finishes("laughs.yaml", billion_laughs(responses), 60);
        assert!(d.entries.is_empty());
        let (line, column, message) = note(&d, "SD001");
        assert_eq!((line, column), (9, 10));
        assert!(message.contains("billion-laughs"), "{message}");
    }
}

const CYCLES: &str = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '404': {$ref: '#/components/responses/A'}\n        '410': {description: Gone}\ncomponents:\n  responses:\n";

#[test]
fn cyclic_refs_terminate_and_keep_the_other_entries() {
    for components in [
        "    A: {$ref: '#/components/responses/B'}\n    B: {$ref: '#/components/responses/A'}\n",
        "    A: {$ref: '#/components/responses/A'}\n",
        "    B: {description: Not Found}\n",
    ] {
        let d = finishes("cycle.yaml", format!("{CYCLES}{components}"), 30);
        assert_eq!(codes(&d), [404, 410], "{components}");
        assert_eq!(d.entries[1].title_text(), "Gone");
    }
    let d = page("paths.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n  /c:\n    get:\n      responses:\n        '404': {description: Not Found}\n");
    assert_eq!(titles(&d), [(404, "Not Found")]);
}

#[test]
fn cyclic_and_dangling_refs_are_noted() {
    for components in [
        "    A: {$ref: '#/components/responses/B'}\n    B: {$ref: '#/components/responses/A'}\n",
        "    A: {$ref: '#/components/responses/A'}\n",
        "    B: {description: Not Found}\n",
    ] {
        let d = page("cycle.yaml", format!("{CYCLES}{components}"));
        assert!(
            d.notes.iter().any(|n| n.line == 7),
            "{components}: {:?}",
            d.notes
        );
    }
}

#[test]
fn duplicate_keys_are_a_located_note() {
    let d = page(
        "dup.json",
        r#"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"404": {"description": "Not Found"}, "404": {"description": "Gone"}, "410": {"description": "Gone"}}}}}}"#,
    );
    let (line, column, message) = note(&d, "SD001");
    assert_eq!((line, column), (1, 138));
    assert!(message.contains("duplicated key"), "{message}");
    let d = page("dup.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '404': {description: Not Found}\n        '404': {description: Gone}\n");
    assert_eq!(note(&d, "SD001").0, 8);
}

#[test]
fn truncated_json_is_a_located_note() {
    let d = page(
        "t.json",
        r#"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": {"404": {"description": "Not Found"}, "410": {"descr"#,
    );
    let (line, _, message) = note(&d, "SD001");
    assert_eq!(line, 1);
    assert!(message.contains("end of stream"), "{message}");
}

#[test]
fn yaml_that_is_not_openapi() {
    let d = page(
        "o.yaml",
        "foo: bar\nlist:\n  - 404 Not Found\n  - 410 Gone\n",
    );
    let (line, column, message) = note(&d, "SD001");
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("not an OpenAPI document"), "{message}");
}

// ---- Recursion in attributes and substitutions ----

#[test]
fn asciidoc_recursive_attribute_references() {
    // As in Asciidoctor: `{b}` is undefined when `a` is defined, so `a` is `{b}`.
    let d = page(
        "r.adoc",
        ":a: {b}\n:b: {a}\n\n|===\n| Code | Title\n| 404 | Not Found {a}\n| 410 | Gone\n|===\n",
    );
    assert_eq!(titles(&d), [(404, "Not Found {b}"), (410, "Gone")]);
}

fn attribute_laughs(depth: u8) -> String {
    let mut text = String::from(":a: lol\n");
    for i in 0..depth {
        let name = (b'b' + i) as char;
        let previous = (b'a' + i) as char;
        text.push_str(&format!(
            ":{name}: {}\n",
            format!("{{{previous}}}").repeat(10)
        ));
    }
    let last = (b'a' + depth) as char;
    text.push_str(&format!(
        "\n|===\n| Code | Title\n| 404 | Not Found {{{last}}}\n| 410 | Gone\n|===\n"
    ));
    text
}

#[test]
fn asciidoc_attribute_expansion_of_a_few_levels() {
    let d = page("l.adoc", attribute_laughs(3));
    assert_eq!(codes(&d), [404, 410]);
    assert_eq!(d.entries[0].title_text().len(), "Not Found ".len() + 3000);
}

#[test]
fn asciidoc_attribute_billion_laughs_is_bounded() {
    let d = finishes("l.adoc", attribute_laughs(9), 30);
    assert_eq!(codes(&d), [404, 410]);
    assert!(d.entries[0].title_text().len() < 1 << 20);
}

#[test]
fn rst_recursive_substitutions_terminate() {
    let d = page(
        "s.rst",
        ".. |a| replace:: |b|\n.. |b| replace:: |a|\n\n- 404 Not Found |a|\n- 410 Gone\n",
    );
    assert_eq!(codes(&d), [404, 410]);
    assert_eq!(d.entries[0].title_text(), "Not Found");
}

#[test]
fn rst_include_is_never_read() {
    let d = page(
        "i.rst",
        ".. include:: /etc/passwd\n\n- 404 Not Found\n- 410 Gone\n",
    );
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    assert!(d
        .entries
        .iter()
        .all(|e| !e.description_text().contains("root:")));
}

// ---- Odd characters and markup ----

#[test]
fn control_characters_in_cells() {
    let d = page(
        "c.md",
        "| Code | Title |\n|---|---|\n| 404 | Not\u{7}Found |\n| 410 | Gone\u{1b} |\n",
    );
    assert_eq!(codes(&d), [404, 410]);
}

#[test]
fn html_numeric_references_out_of_range() {
    let text = "<table><tr><td>&#x34;04</td><td>Not&#x20;Found</td></tr><tr><td>410</td><td>Gone&#xFFFFFFFF;&#0;&#xD800;</td></tr></table>";
    let d = page("e.html", text);
    assert_eq!(codes(&d), [404, 410]);
    assert_eq!(d.entries[0].title_text(), "Not Found");
    // The code written as a reference points at the reference and the digits.
    assert_eq!(
        &text[d.entries[0].code_span.start..d.entries[0].code_span.end],
        "&#x34;04"
    );
}

#[test]
fn a_hundred_thousand_emphasis_markers_and_fifty_thousand_references() {
    let d = page(
        "e.md",
        format!("{}\n\n- 404 Not Found\n- 410 Gone\n", "*".repeat(100_000)),
    );
    assert_eq!(titles(&d), [(404, "Not Found"), (410, "Gone")]);
    let mut text = format!(
        "{}\n\n- 404 Not Found\n- 410 Gone\n\n",
        "[a]".repeat(50_000)
    );
    for i in 0..20_000 {
        text.push_str(&format!("[a{i}]: http://x/{i}\n"));
    }
    assert_eq!(codes(&page("l.md", &text)), [404, 410]);
}

#[test]
fn a_format_without_a_reader_is_a_note() {
    let d = page("page.org", "* 404 Not Found\n");
    assert!(d.entries.is_empty());
    let (line, column, message) = note(&d, "SD001");
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("no reader for Org mode"), "{message}");
}
