//! Inputs the fuzz targets (`fuzz/`) found, reduced by hand, each with the answer the
//! readers and the interpreter must give. Tests marked `#[ignore]` are open bugs in
//! reader or interpreter code; the reason names the code at fault.

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

fn read(name: &str, text: &str, format: Format) -> Document {
    read_source(SourceFile::new(name, text), format, Registry::bundled())
}

fn on_char_boundaries(text: &str, document: &Document) -> Result<(), String> {
    let spans = document
        .entries
        .iter()
        .flat_map(|e| {
            [Some(e.code_span), e.title.as_ref().map(|c| c.span)]
                .into_iter()
                .chain([e.description.as_ref().map(|c| c.span)])
                .flatten()
        })
        .chain(document.notes.iter().map(|n| n.span));
    for span in spans {
        if span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            return Err(format!("{span:?} in {text:?}"));
        }
    }
    Ok(())
}

/// Found by the `fix` target (a mutation of `tests/fixtures/rst/simple_colspan.rst`).
#[test]
fn rst_simple_table_margin_note_spans_whole_characters() {
    let page = "=====  =====\nCode   Title\n=====  =====\n404   éNot Found\n=====  =====\n";
    let document = read("t.rst", page, Format::ReStructuredText);
    let note = document
        .notes
        .iter()
        .find(|n| n.rule == "SD002")
        .expect("a malformed-table note");
    assert_eq!((note.line, note.column), (4, 7));
    on_char_boundaries(page, &document).unwrap();
}

/// The same note for an ASCII character in the margin: one byte, at the character.
#[test]
fn rst_simple_table_margin_note_for_ascii() {
    let page = "=====  =====\nCode   Title\n=====  =====\n404   xNot Found\n=====  =====\n";
    let document = read("t.rst", page, Format::ReStructuredText);
    let note = document.notes.iter().find(|n| n.rule == "SD002").unwrap();
    assert_eq!((note.line, note.column), (4, 7));
    assert_eq!(&page[note.span.start..note.span.end], "x");
}

/// Found by the `fix` target (mutations of two vendors' HTML tables): text the HTML
/// parser moves out of a table (foster parenting) made a later cell take the span of
/// that text, so a finding and its fix pointed at the stray copy, not at the cell.
#[test]
fn html_cell_spans_survive_foster_parented_text() {
    let page = "<table><tr><th>Code</th><th>Title</th></tr>\n\
                <tr><td>413</td><td>Request Entity Too Large</td></tr>\n\
                <tr>Request Entity Too Large</tr>\n\
                <tr><td>404</td><td>Not Found</td></tr>\n</table>\n";
    let document = read("t.html", page, Format::Html);
    let entry = document.entries.iter().find(|e| e.code == 413).unwrap();
    let title = entry.title.as_ref().unwrap();
    let cell = page.find("<td>Request").unwrap() + "<td>".len();
    assert_eq!(title.span.start, cell, "the title points at the stray copy");
}

/// The cell before the stray text keeps its span.
#[test]
fn html_cell_spans_before_foster_parented_text() {
    let page = "<table><tr><th>Code</th><th>Title</th></tr>\n\
                <tr><td>404</td><td>Not Found</td></tr>\n\
                <tr>stray text</tr>\n</table>\n";
    let document = read("t.html", page, Format::Html);
    let entry = document.entries.iter().find(|e| e.code == 404).unwrap();
    let title = entry.title.as_ref().unwrap();
    assert_eq!(title.span.start, page.find("Not Found").unwrap());
}

/// Found by the `fix` target (mutations of `tests/fixtures/rst/csv_delim.rst` and a
/// Markdown list): a code followed by a punctuation mark and the phrase gives a title
/// that starts with the mark, and it is taken as certain, so the safe SD104 fix
/// rewrites the separator away (`301; Moved` becomes `301Moved`) and the entry is lost.
#[test]
fn a_title_never_starts_with_the_separator_punctuation() {
    for (page, format) in [
        (
            "| Code | Description |\n|---|---|\n| 301; Moved Permanently | moved |\n| 404 Not Found | gone |\n| 409 Conflict | changed |\n",
            Format::Markdown,
        ),
        (
            "# HTTP status codes\n\n* 200}OK\n* 404 Not Found\n* 409 Conflict\n",
            Format::Markdown,
        ),
        (
            ".. csv-table:: Codes\n   :header: Code, Description\n\n   301; Moved Permanently, with a comma\n   404 Not Found, gone\n",
            Format::ReStructuredText,
        ),
    ] {
        let document = read("t", page, format);
        for entry in &document.entries {
            let title = entry.title_text();
            if entry.title_certain {
                assert!(
                    title.starts_with(|c: char| c.is_alphanumeric()),
                    "{}: certain title {title:?}",
                    entry.code
                );
            }
        }
    }
}

/// The same rows with a separator the interpreter knows.
#[test]
fn a_title_after_a_known_separator() {
    let page = "| Code | Description |\n|---|---|\n| 301 - Moved Permanently | moved |\n| 404 Not Found | gone |\n| 409: Conflict | changed |\n";
    let document = read("t.md", page, Format::Markdown);
    let titles: Vec<(u16, &str)> = document
        .entries
        .iter()
        .map(|e| (e.code, e.title_text()))
        .collect();
    assert_eq!(
        titles,
        [
            (301, "Moved Permanently"),
            (404, "Not Found"),
            (409, "Conflict")
        ]
    );
}

/// Found by the `fix` target (a hand-written Swagger 2.0 seed): a response that is a
/// YAML alias of another takes the anchor's span, so a fix for one code rewrites the
/// description another code shares, and `--fix` flips it back and forth.
#[test]
fn an_aliased_openapi_description_is_never_a_certain_title_of_two_codes() {
    let page = "swagger: \"2.0\"\ninfo: {title: t, version: \"1\"}\npaths:\n  /pets:\n    get:\n      responses:\n        '404': &nf\n          description: Not Found\n        '410': *nf\n";
    let document = read("t.yaml", page, Format::OpenApi);
    let certain: Vec<_> = document
        .entries
        .iter()
        .filter(|e| e.title_certain)
        .filter_map(|e| e.title.as_ref().map(|t| t.span))
        .collect();
    let mut unique = certain.clone();
    unique.sort_by_key(|s| (s.start, s.end));
    unique.dedup();
    assert_eq!(unique.len(), certain.len(), "{:?}", document.entries);
}

/// Found by the `asciidoc` and `interpret` targets (`crash-593db2cc…`: `` `«T` ``) and
/// by the smoke test (a Japanese Markdown page read as AsciiDoc): an inline mark
/// character (`*`, `_`, `` ` ``, `#`) followed by a multi-byte character made the
/// reader slice the line inside that character, and it panicked.
#[test]
fn asciidoc_inline_mark_before_a_multibyte_character() {
    for page in [
        " `«T`\n",
        "*で",
        "_é_",
        "#日本#",
        // `artifacts/asciidoc/crash-8ca0313f…`, found by the `asciidoc` target in fork mode.
        " *状态码ation requir.ed*",
        "|===\n| Code | Title\n| 404 | *Not Found* `«`\n|===\n",
    ] {
        let document = std::panic::catch_unwind(|| read("t.adoc", page, Format::AsciiDoc))
            .unwrap_or_else(|_| panic!("{page:?} panics"));
        on_char_boundaries(page, &document).unwrap();
    }
    let document = read(
        "t.adoc",
        "|===\n| Code | Title\n| 404 | Not Found `«`\n| 410 | Gone\n|===\n",
        Format::AsciiDoc,
    );
    assert_eq!(
        document.entries.iter().map(|e| e.code).collect::<Vec<_>>(),
        [404, 410]
    );
}

/// The same marks before ASCII characters.
#[test]
fn asciidoc_inline_marks_before_ascii() {
    for page in [" `xT`\n", "*x", "_e_", "#a#", "`", "*", "**"] {
        let document = read("t.adoc", page, Format::AsciiDoc);
        on_char_boundaries(page, &document).unwrap();
    }
}

/// `{:` with no `}` on its line is no kramdown attribute list: the reader once called
/// itself on the same text for ever (a stack overflow the `interpret` target found).
#[test]
fn an_unclosed_attribute_list_is_text() {
    let text = "# Errors\n\n| Code | Phrase |\n|---|---|\n| 404 | Not Found {: external |\n\nSee {: and more\n";
    let document = read("page.md", text, Format::Markdown);
    assert_eq!(document.entries.len(), 1);
    assert_eq!(document.entries[0].code, 404);
    on_char_boundaries(text, &document).unwrap();
}

/// Found by the `html` target within minutes of adding descriptions held in `html`
/// attributes: the attribute's text was walked byte by byte and cut inside a character.
#[test]
fn html_attribute_content_with_multibyte_text() {
    let page = "<button><strong>404</strong><div html=\"é&lt;p&gt;Introuvable — déjà&lt;/p&gt;ü\"></div></button>";
    let document = read("p.html", page, Format::Html);
    on_char_boundaries(page, &document).unwrap();
}
