//! Fuzz entry points shared by the cargo-fuzz targets and the corpus replayer.
//!
//! Every target panics on a broken invariant, so libFuzzer (or the replayer) reports
//! the input: spans outside the page or off a character boundary, an interpreter that
//! answers differently on the same page model, a configuration error that points
//! nowhere, a fix that edits outside the page or that a second `--fix` would change.

use statusdoc_lint::Config;
use statusdoc_model::page::{Block, Page, Text};
use statusdoc_model::{Diagnostic, Document, Fix, Format, SourceFile, Span};
use statusdoc_reference::Registry;

/// The fuzz targets, by name (the names of `fuzz_targets/*.rs` and `corpus/*/`).
pub const TARGETS: &[&str] = &[
    "rst_grid",
    "markdown",
    "rst",
    "html",
    "text",
    "asciidoc",
    "openapi",
    "interpret",
    "config",
    "fix",
];

/// Runs the target `name` on `data`; `false` when there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "rst_grid" => rst_grid(data),
        "markdown" => markdown(data),
        "rst" => rst(data),
        "html" => html(data),
        "text" => text(data),
        "asciidoc" => asciidoc(data),
        "openapi" => openapi(data),
        "interpret" => interpret(data),
        "config" => config(data),
        "fix" => fix(data),
        _ => return false,
    }
    true
}

/// Reads `data` as a reStructuredText page (grid tables are the point: the corpus is
/// grid tables) and checks every span the reader returns lies inside the page.
pub fn rst_grid(data: &[u8]) {
    reader(data, Format::ReStructuredText);
}

/// The Markdown reader.
pub fn markdown(data: &[u8]) {
    reader(data, Format::Markdown);
}

/// The reStructuredText reader.
pub fn rst(data: &[u8]) {
    reader(data, Format::ReStructuredText);
}

/// The HTML reader.
pub fn html(data: &[u8]) {
    reader(data, Format::Html);
}

/// The text-dump reader.
pub fn text(data: &[u8]) {
    reader(data, Format::Text);
}

/// The AsciiDoc reader.
pub fn asciidoc(data: &[u8]) {
    reader(data, Format::AsciiDoc);
}

/// The OpenAPI reader (YAML and JSON).
pub fn openapi(data: &[u8]) {
    reader(data, Format::OpenApi);
}

/// The file name a page of `format` gets (some readers look at the extension).
pub fn file_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "fuzz.md",
        Format::ReStructuredText => "fuzz.rst",
        Format::Html => "fuzz.html",
        Format::Text => "fuzz.txt",
        Format::AsciiDoc => "fuzz.adoc",
        Format::OpenApi => "fuzz.yaml",
    }
}

/// The format a corpus entry of the `interpret` and `fix` targets is read as, from its
/// first byte (`m`arkdown, `r`st, `h`tml, `t`ext, `a`sciidoc, `o`penapi; any other
/// byte picks one by its value), and the page after that byte.
pub fn split_format(data: &[u8]) -> Option<(Format, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let format = match first {
        b'm' => Format::Markdown,
        b'r' => Format::ReStructuredText,
        b'h' => Format::Html,
        b't' => Format::Text,
        b'a' => Format::AsciiDoc,
        b'o' => Format::OpenApi,
        other => [
            Format::Markdown,
            Format::ReStructuredText,
            Format::Html,
            Format::Text,
            Format::AsciiDoc,
            Format::OpenApi,
        ][usize::from(other) % 6],
    };
    Some((format, rest))
}

/// Decodes `data` as the CLI does and reads it with the reader of `format`; `None`
/// when the bytes are not a page (empty, binary, not UTF-8), which must then be a
/// located error.
pub fn read(data: &[u8], format: Format) -> Option<Document> {
    let name = file_name(format);
    let source = match statusdoc_ingest::decode(name, data) {
        Ok(source) => source,
        Err(error) => {
            let message = error.to_string();
            assert!(message.starts_with(name), "{message}");
            return None;
        }
    };
    let document = statusdoc_ingest::read_source(source, format, Registry::bundled());
    check_document(&document);
    Some(document)
}

/// One reader on `data`, with the document's invariants checked.
pub fn reader(data: &[u8], format: Format) {
    read(data, format);
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside a page of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
}

fn check_diagnostic(text: &str, diagnostic: &Diagnostic) {
    check_span(text, diagnostic.span, diagnostic.rule);
    assert!(
        diagnostic.line >= 1 && diagnostic.column >= 1,
        "{diagnostic:?}"
    );
    assert!(!diagnostic.message.is_empty(), "{diagnostic:?}");
}

/// Spans inside the page and on character boundaries; codes of three digits.
pub fn check_document(document: &Document) {
    let text = document.source.text();
    for entry in &document.entries {
        assert!((100..=999).contains(&entry.code), "code {}", entry.code);
        check_span(text, entry.code_span, "code");
        for cell in entry.title.iter().chain(entry.description.iter()) {
            check_span(text, cell.span, "cell");
        }
    }
    for note in &document.notes {
        check_diagnostic(text, note);
    }
    for suppression in &document.suppressions {
        check_span(text, suppression.span, "suppression");
    }
}

fn check_text(source: &str, text: &Text) {
    if let Some(cell) = text.whole() {
        check_span(source, cell.span, "page text");
    }
}

fn check_blocks(source: &str, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                check_text(source, text)
            }
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    check_text(source, caption);
                }
                for cell in table.rows.iter().flatten() {
                    assert!(cell.rowspan >= 1 && cell.colspan >= 1);
                    check_text(source, &cell.text);
                }
            }
            Block::List(list) => {
                for item in &list.items {
                    check_blocks(source, item);
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    check_text(source, &d.term);
                    check_blocks(source, &d.details);
                }
            }
            Block::Container(blocks) => check_blocks(source, blocks),
        }
    }
}

/// The interpreter through a reader: the page model's spans lie inside the page, the
/// outline renders, and interpreting the same model again gives the same entries.
pub fn interpret(data: &[u8]) {
    let Some((format, page)) = split_format(data) else {
        return;
    };
    let options = statusdoc_ingest::ReadOptions {
        format: Some(format),
        registry: Registry::bundled(),
    };
    let Ok((document, model)) =
        statusdoc_ingest::read_page_model(file_name(format), page, &options)
    else {
        return;
    };
    check_document(&document);
    check_page(document.source.text(), &model);
    let again = statusdoc_interpret::interpret(&model, Registry::bundled());
    assert_eq!(
        again, document.entries,
        "the interpreter is not deterministic"
    );
}

/// The page model's invariants (spans inside the page); the outline renders.
pub fn check_page(source: &str, page: &Page) {
    check_blocks(source, &page.blocks);
    let _ = page.outline();
}

/// `statusdoc.toml`: an error points at a line and column of the file; a configuration
/// that parses answers for every rule and applies to a finding.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse("fuzz/statusdoc.toml", text) {
        Err(error) => {
            let lines = text.split('\n').count();
            assert!(
                error.line >= 1 && error.line <= lines.max(1) && error.column >= 1,
                "{error} in {lines} lines"
            );
            assert!(!error.message.is_empty());
        }
        Ok(config) => {
            for rule in statusdoc_lint::all_rules() {
                for path in ["fuzz/page.md", "fuzz/legacy/old.rst", "/abs/x.html", ""] {
                    let _ = config.is_enabled(rule, path);
                }
            }
            let source = SourceFile::new("fuzz/page.md", "# 404 Not Found\n");
            let document =
                statusdoc_ingest::read_source(source, Format::Markdown, Registry::bundled());
            let _ = statusdoc_lint::lint_document(&document, Registry::bundled(), &config);
        }
    }
}

/// What one `--fix` pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    /// Fixes applied.
    pub applied: usize,
    /// Fixes held back because an edit overlapped one already made.
    pub held_back: usize,
}

/// Applies the fixes as `--fix` does (`statusdoc_model::apply_fixes`: whole or not at
/// all, from the end of the text backwards) and counts those held back by an overlap.
pub fn apply_fixes(text: &mut String, fixes: &[&Fix]) -> Pass {
    let applied = statusdoc_model::apply_fixes(text, fixes);
    Pass {
        applied,
        held_back: fixes.len() - applied,
    }
}

fn overlaps_itself(fix: &Fix) -> bool {
    let mut spans: Vec<_> = fix
        .edits
        .iter()
        .map(|e| (e.span.start, e.span.end))
        .collect();
    spans.sort_unstable();
    spans.windows(2).any(|w| w[1].0 < w[0].1)
}

/// Reads `text` as `format`, lints it with the default configuration and applies its
/// safe fixes in place (one `--fix` pass). Every fix must lie inside the page and hold
/// together (its own edits do not overlap).
pub fn fix_pass(text: &mut String, format: Format) -> Pass {
    let Some(document) = read(text.as_bytes(), format) else {
        return Pass::default();
    };
    let diagnostics =
        statusdoc_lint::lint_document(&document, Registry::bundled(), &Config::default());
    let source = document.source.text();
    let mut fixes = Vec::new();
    for d in &diagnostics {
        check_diagnostic(source, d);
        let Some(fix) = d.fix.as_ref().filter(|f| f.safe && !f.edits.is_empty()) else {
            continue;
        };
        for e in &fix.edits {
            check_span(source, e.span, d.rule);
        }
        assert!(
            !overlaps_itself(fix),
            "{} fix overlaps itself: {fix:?}",
            d.rule
        );
        fixes.push(fix);
    }
    apply_fixes(text, &fixes)
}

/// The most `--fix` passes a page may need before nothing is left to fix.
pub const MAX_FIX_PASSES: usize = 6;

/// Lints a page, applies its safe fixes in memory and re-reads it, as `--fix` does,
/// until a pass changes nothing. Must not panic; fixes are idempotent: when a pass held
/// nothing back, the next changes nothing, and the passes reach a text that a further
/// lint and fix leaves alone. Returns the fixed text.
pub fn fix_page(page: &str, format: Format) -> String {
    let mut text = page.to_owned();
    for _ in 0..MAX_FIX_PASSES {
        let before = text.clone();
        let pass = fix_pass(&mut text, format);
        if pass.applied == 0 {
            assert_eq!(text, before);
            return text;
        }
        if pass.held_back == 0 {
            let fixed = text.clone();
            let second = fix_pass(&mut text, format);
            assert_eq!(
                text, fixed,
                "a second lint+fix changed the fixed page ({second:?})"
            );
            return text;
        }
    }
    panic!("--fix did not settle in {MAX_FIX_PASSES} passes");
}

/// The fix applier on one page (format from the first byte, see [`split_format`]).
pub fn fix(data: &[u8]) {
    let Some((format, page)) = split_format(data) else {
        return;
    };
    let Ok(page) = std::str::from_utf8(page) else {
        return;
    };
    let fixed = fix_page(page, format);
    if fixed != page {
        // The fixed page still reads, and what was an entry still is one.
        let before = read(page.as_bytes(), format).map_or(0, |d| d.entries.len());
        let after = read(fixed.as_bytes(), format).map_or(0, |d| d.entries.len());
        assert!(
            after >= before,
            "fixing lost entries: {before} before, {after} after"
        );
    }
}
