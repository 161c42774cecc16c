//! `--fix` in memory, as `crates/statusdoc/src/fix.rs` does it: safe fixes only, applied
//! by `statusdoc_model::apply_fixes` (a fix whole or not at all), then read, lint and fix
//! again. Shared by the fuzz smoke, regression and property tests.
#![allow(dead_code)]

use statusdoc_ingest::{decode, read_source};
use statusdoc_lint::Config;
use statusdoc_model::{Document, Fix, Format, Span};
use statusdoc_reference::Registry;

pub const FORMATS: [Format; 6] = [
    Format::Markdown,
    Format::ReStructuredText,
    Format::Html,
    Format::Text,
    Format::AsciiDoc,
    Format::OpenApi,
];

pub fn file_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "page.md",
        Format::ReStructuredText => "page.rst",
        Format::Html => "page.html",
        Format::Text => "page.txt",
        Format::AsciiDoc => "page.adoc",
        Format::OpenApi => "page.yaml",
    }
}

/// The format of an `interpret` or `fix` corpus entry (its first byte, as in
/// `fuzz/src/lib.rs`) and the page after it.
pub fn split_format(data: &[u8]) -> Option<(Format, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let format = match first {
        b'm' => Format::Markdown,
        b'r' => Format::ReStructuredText,
        b'h' => Format::Html,
        b't' => Format::Text,
        b'a' => Format::AsciiDoc,
        b'o' => Format::OpenApi,
        other => FORMATS[usize::from(other) % 6],
    };
    Some((format, rest))
}

/// The page read as the CLI reads it (`None` when it is not a page: empty, binary).
pub fn read(text: &str, format: Format) -> Option<Document> {
    let source = decode(file_name(format), text.as_bytes()).ok()?;
    Some(read_source(source, format, Registry::bundled()))
}

/// What one `--fix` pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub applied: usize,
    /// Fixes held back because an edit overlapped one already made.
    pub held_back: usize,
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

/// Applies the fixes as `--fix` does (`statusdoc_model::apply_fixes`: whole or not at
/// all, from the end of the text backwards) and counts those held back by an overlap.
pub fn apply_fixes(text: &mut String, fixes: &[&Fix]) -> Pass {
    let applied = statusdoc_model::apply_fixes(text, fixes);
    Pass {
        applied,
        held_back: fixes.len() - applied,
    }
}

fn check_span(text: &str, span: Span) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!("{span:?} outside a page of {} bytes", text.len()));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{span:?} cuts a character"));
    }
    Ok(())
}

/// One pass: read, lint with the default configuration, apply the safe fixes. Every
/// fix must lie inside the page and not overlap itself.
pub fn fix_pass(text: &mut String, format: Format) -> Result<Pass, String> {
    let Some(document) = read(text, format) else {
        return Ok(Pass::default());
    };
    let diagnostics =
        statusdoc_lint::lint_document(&document, Registry::bundled(), &Config::default());
    let mut fixes = Vec::new();
    for d in &diagnostics {
        let Some(fix) = d.fix.as_ref().filter(|f| f.safe && !f.edits.is_empty()) else {
            continue;
        };
        for e in &fix.edits {
            check_span(document.source.text(), e.span)
                .map_err(|why| format!("{} fix: {why}", d.rule))?;
        }
        if overlaps_itself(fix) {
            return Err(format!("{} fix overlaps itself: {fix:?}", d.rule));
        }
        fixes.push(fix);
    }
    Ok(apply_fixes(text, &fixes))
}

/// The most passes a page may need before nothing is left to fix.
pub const MAX_PASSES: usize = 6;

/// What `--fix` made of a page.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    pub passes: usize,
    /// A pass that held nothing back was followed by one that changed the text again.
    pub second_pass_changed: bool,
}

/// Fixes until a pass changes nothing; an error when the fixes never settle or a fix
/// edits outside the page.
pub fn fix_page(page: &str, format: Format) -> Result<Fixed, String> {
    let mut text = page.to_owned();
    let mut second_pass_changed = false;
    let mut clean_pass = false;
    for passes in 0..MAX_PASSES {
        let before = text.clone();
        let pass = fix_pass(&mut text, format)?;
        if text == before {
            return Ok(Fixed {
                text,
                passes,
                second_pass_changed,
            });
        }
        second_pass_changed |= clean_pass;
        clean_pass = pass.held_back == 0;
    }
    Err(format!("--fix did not settle in {MAX_PASSES} passes"))
}

/// Fixes `page` and checks `--fix` is idempotent (a pass that held nothing back leaves
/// nothing for the next) and loses no entry.
pub fn fix_strict(page: &str, format: Format) -> Result<String, String> {
    let fixed = fix_page(page, format)?;
    if fixed.second_pass_changed {
        return Err(format!(
            "a second lint+fix changed the fixed page:\n{}",
            fixed.text
        ));
    }
    let before = read(page, format).map_or(0, |d| d.entries.len());
    let after = read(&fixed.text, format).map_or(0, |d| d.entries.len());
    if after < before {
        return Err(format!(
            "fixing lost entries: {before} before, {after} after:\n{}",
            fixed.text
        ));
    }
    Ok(fixed.text)
}
