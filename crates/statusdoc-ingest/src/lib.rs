//! Readers: a page's bytes in, a [`Document`] out.
//!
//! This is the only crate that knows about formats. Each reader fills the document's
//! entries with [`statusdoc_model::Cell`]s whose spans point into the page text, so
//! diagnostics and fixes address the exact source bytes. Readers are pure functions of
//! the page and the immutable [`Registry`]: pages can be read in parallel.

mod asciidoc;
mod common;
mod html;
mod markdown;
mod openapi;
mod rst;
mod sniff;
mod suppress;
mod text;

use statusdoc_model::page::Page;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

/// The reStructuredText table layer, for the docutils reference test
/// (`tests/rst_docutils.rs`), which compares with docutils cell for cell. Not a stable API.
#[doc(hidden)]
pub mod rst_tables {
    pub use crate::rst::table::{Table, TableCell, TableError, TableKind};
    pub use crate::rst::tables;
}
pub use sniff::{format_from_extension, is_openapi, sniff_format};

/// How to read a page.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions<'r> {
    /// Overrides detection by extension and content (`--input-format`).
    pub format: Option<Format>,
    /// Known phrases, used to tell a title from its description in run-in text.
    pub registry: &'r Registry,
}

impl<'r> ReadOptions<'r> {
    pub fn new(registry: &'r Registry) -> Self {
        ReadOptions {
            format: None,
            registry,
        }
    }
}

/// Why a page could not be read at all. Problems inside a readable page are
/// [`Document::notes`] instead, so the rest of the page still ingests.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum IngestError {
    #[error("{path}: the file is empty; a status code page needs at least one entry")]
    Empty { path: String },
    #[error("{path}:1:1: the file is UTF-16 text; re-save the page as UTF-8")]
    Utf16 { path: String },
    #[error("{path}:{line}:{column}: the file looks binary (a NUL byte at byte {offset}); pass a Markdown, reStructuredText, HTML or text page")]
    Binary {
        path: String,
        line: usize,
        column: usize,
        offset: usize,
    },
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte {offset}; re-save the page as UTF-8")]
    InvalidUtf8 {
        path: String,
        line: usize,
        column: usize,
        offset: usize,
    },
}

impl IngestError {
    pub fn path(&self) -> &str {
        match self {
            IngestError::Empty { path }
            | IngestError::Utf16 { path }
            | IngestError::Binary { path, .. }
            | IngestError::InvalidUtf8 { path, .. } => path,
        }
    }
}

impl IngestError {
    /// Where the problem is: (line, column), 1-based, in code points.
    pub fn position(&self) -> (usize, usize) {
        match self {
            IngestError::Binary { line, column, .. }
            | IngestError::InvalidUtf8 { line, column, .. } => (*line, *column),
            IngestError::Empty { .. } | IngestError::Utf16 { .. } => (1, 1),
        }
    }

    /// The byte the problem is at.
    pub fn offset(&self) -> usize {
        match self {
            IngestError::Binary { offset, .. } | IngestError::InvalidUtf8 { offset, .. } => *offset,
            IngestError::Empty { .. } | IngestError::Utf16 { .. } => 0,
        }
    }
}

/// The page of a file found by walking a folder that could not be read: no text, one
/// `unreadable-page` finding where the problem is, so that a docs tree reports it with
/// the other findings (a file named on the command line is an error instead).
pub fn unreadable_page(error: &IngestError) -> Document {
    let source = SourceFile::new(error.path(), "");
    let mut document = Document::new(source, Format::Text);
    let message = match error {
        IngestError::Empty { .. } => "the file is empty: there is no page to check".to_owned(),
        IngestError::Utf16 { .. } => "the file is UTF-16 text: it was not checked".to_owned(),
        IngestError::Binary { offset, .. } => {
            format!("the file looks binary (a NUL byte at byte {offset}): it was not checked")
        }
        IngestError::InvalidUtf8 { offset, .. } => {
            format!("invalid UTF-8 at byte {offset}: the file was not checked")
        }
    };
    let help = match error {
        IngestError::Empty { .. } => {
            "remove the file, or exclude it (`extend-exclude` in statusdoc.toml, or --exclude)"
        }
        IngestError::Binary { .. } => {
            "a page is text: exclude the file (`extend-exclude` in statusdoc.toml, or --exclude)"
        }
        IngestError::Utf16 { .. } | IngestError::InvalidUtf8 { .. } => "re-save the page as UTF-8",
    };
    let offset = error.offset();
    let (line, column) = error.position();
    // An empty file is a placeholder more often than a lost page: it does not fail a run.
    let severity = match error {
        IngestError::Empty { .. } => statusdoc_model::Severity::Warning,
        _ => statusdoc_model::Severity::Error,
    };
    let mut note = statusdoc_model::Diagnostic::of(
        statusdoc_model::Rule::UnreadablePage,
        severity,
        &document.source,
        statusdoc_model::Span::empty(0),
        message,
    )
    .with_help(help);
    // The text is not kept (it is not text): the position comes from the bytes.
    note.span = statusdoc_model::Span::empty(offset);
    (note.line, note.column, note.end_line, note.end_column) = (line, column, line, column);
    document.notes.push(note);
    document
}

/// Decodes a page and checks it is text. A UTF-8 byte-order mark is kept in the text
/// (so spans stay byte offsets of the file) but ignored by readers.
pub fn decode(path: &str, bytes: &[u8]) -> Result<SourceFile, IngestError> {
    // A byte-order mark alone is no content either.
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { path: path.into() });
    }
    let position = |offset: usize| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        (line, column)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(IngestError::Utf16 { path: path.into() });
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        let (line, column) = position(offset);
        return Err(IngestError::Binary {
            path: path.into(),
            line,
            column,
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(error) => {
            let offset = error.valid_up_to();
            let (line, column) = position(offset);
            Err(IngestError::InvalidUtf8 {
                path: path.into(),
                line,
                column,
                offset,
            })
        }
    }
}

/// Reads one page: decodes it, picks the format (override, extension, then content) and
/// runs that format's reader.
pub fn read_page(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Document, IngestError> {
    if options.format.is_none() {
        if let Some(name) = sniff::unsupported_format(path) {
            return Ok(no_reader(path, bytes, name));
        }
    }
    let source = decode(path, bytes)?;
    let format = options
        .format
        .unwrap_or_else(|| sniff::detect(path, source.text()));
    Ok(read_source(source, format, options.registry))
}

/// Runs the reader for `format` on an already decoded page.
pub fn read_source(source: SourceFile, format: Format, registry: &Registry) -> Document {
    read_source_and_model(source, format, registry).0
}

/// Reads a page and also returns the page model its reader produced (for
/// `statusdoc extract --format outline`, which shows why a page yields what it does).
pub fn read_page_model(
    path: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Document, Page), IngestError> {
    let source = decode(path, bytes)?;
    let format = options
        .format
        .unwrap_or_else(|| sniff::detect(path, source.text()));
    let (document, page) = read_source_and_model(source, format, options.registry);
    Ok((document, page.unwrap_or_default()))
}

fn read_source_and_model(
    source: SourceFile,
    format: Format,
    registry: &Registry,
) -> (Document, Option<Page>) {
    // A byte-order mark would hide the first heading, row or term from the readers. It
    // becomes three spaces (the same three bytes), so every span stays a byte offset of
    // the file; `--fix` edits the file itself, where the mark is kept.
    let source = match source.text().strip_prefix('\u{feff}') {
        Some(rest) => SourceFile::new(source.path(), format!("   {rest}")),
        None => source,
    };
    let mut document = Document::new(source, format);
    // Readers only translate their format into the page model (or, while a reader is
    // being moved onto it, still fill the entries themselves and return `None`).
    let page: Option<Page> = match format {
        Format::Markdown => Some(markdown::read(&mut document)),
        Format::Text => Some(text::read(&mut document)),
        Format::ReStructuredText => Some(rst::read(&mut document)),
        Format::Html => Some(html::read(&mut document)),
        Format::AsciiDoc => Some(asciidoc::read(&mut document)),
        Format::OpenApi => Some(openapi::read(&mut document)),
    };
    if let Some(page) = &page {
        document.entries = statusdoc_interpret::interpret(page, registry);
    }
    // Comments first, then what a reader found itself (OpenAPI `x-statusdoc-disable`).
    let mut suppressions = suppress::scan(&document.source, format);
    suppressions.append(&mut document.suppressions);
    document.suppressions = suppressions;
    (document, page)
}

/// A page in a format without a reader: never skipped in silence, but reported (SD001)
/// so the user knows nothing on it was checked.
fn no_reader(path: &str, bytes: &[u8], format_name: &str) -> Document {
    // The text is kept only where it is text, so that the finding can quote it.
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let source = SourceFile::new(path, text);
    let mut document = Document::new(source, Format::Text);
    let note = statusdoc_model::Diagnostic::of(
        statusdoc_model::Rule::NoReader,
        statusdoc_model::Severity::Error,
        &document.source,
        statusdoc_model::Span::empty(0),
        format!("no reader for {format_name} yet: this page was not checked"),
    )
    .with_help("convert the page to Markdown, reStructuredText or HTML, or pass --input-format if it is one of those");
    document.notes.push(note);
    document
}
