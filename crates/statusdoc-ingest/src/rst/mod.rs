//! reStructuredText reader: translates a page into the neutral page model.
//!
//! Section titles, paragraphs, literal blocks, bullet and enumerated lists, definition
//! and field lists, block quotes, directives' content and tables become [`Block`]s
//! ([`blocks`]); inline markup becomes plain [`Text`](statusdoc_model::page::Text)
//! whose characters keep their source bytes ([`inline`]). Grid, simple, list and CSV
//! tables are laid out the way docutils lays them out ([`grid`], [`simple`],
//! [`list_table`], [`csv_table`]); `tests/rst_docutils.rs` compares them with docutils
//! cell for cell. Nothing here decides what a status code is.
//!
//! The reader keeps for the document what is not body: the title (the first section
//! title), the leading field list and first label (metadata), and notes for malformed
//! tables (SD002) and for content nested too deeply to be read as structure (SD003).

mod blocks;
mod csv_table;
mod directive;
mod grid;
mod inline;
pub(crate) mod lines;
mod list_table;
mod simple;
pub(crate) mod table;

use statusdoc_model::page::{Block, Page};
use statusdoc_model::{Diagnostic, Document, Rule, Severity, SourceFile, Span};

use self::blocks::{Reader, MAX_DEPTH};
use self::lines::split_lines;
use self::table::{Table, TableError};

pub(crate) fn read(document: &mut Document) -> Page {
    let source = document.source.clone();
    let lines = split_lines(source.text());
    let mut reader = Reader::new(source.path(), source.text(), &lines, false);
    let blocks = reader.parse(lines, 0, true).blocks;
    document.title = blocks.iter().find_map(|block| match block {
        Block::Heading { text, .. } => Some(text.as_str().to_owned()),
        _ => None,
    });
    for (key, value) in reader.metadata {
        document.metadata.entry(key).or_insert(value);
    }
    if let Some(at) = reader.too_deep {
        document.notes.push(
            Diagnostic::of(
                Rule::ReaderLimit,
                Severity::Info,
                &source,
                Span::empty(at),
                format!("content nested more than {MAX_DEPTH} levels deep (lists, quotes, directives or tables) is read as flat text from here on"),
            )
            .with_help("its words are still read, but not its lists and tables; check the indentation near this line"),
        );
    }
    for error in reader.errors {
        document.notes.push(
            Diagnostic::of(
                Rule::MalformedTable,
                Severity::Error,
                &source,
                error.span,
                error.message,
            )
            .with_help(error.help),
        );
    }
    Page { blocks }
}

/// Every table of a page in page order, and the reader's notes on malformed tables:
/// what the docutils reference test compares.
pub fn tables(source: &SourceFile) -> (Vec<Table>, Vec<TableError>) {
    let lines = split_lines(source.text());
    let mut reader = Reader::new(source.path(), source.text(), &lines, true);
    reader.parse(lines, 0, true);
    let tables = reader.tables.take().unwrap_or_default();
    (tables.into_iter().flatten().collect(), reader.errors)
}
