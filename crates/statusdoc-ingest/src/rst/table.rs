//! What every table reader produces: cells placed on a grid, their text already read
//! as body elements, with spans into the page.

use statusdoc_model::page::Text;
use statusdoc_model::Span;

/// One cell of a table. Empty cells have empty text and an empty span at the cell's
/// top-left content position.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// The cell's body: paragraphs separated by a paragraph break, list items as
    /// `- item` / `1. item` paragraphs (see `blocks::cell_text`).
    pub text: Text,
    /// From the first to the last non-blank character of the cell's content.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Grid,
    Simple,
    List,
    Csv,
}

/// A table as read: rows of cells (a spanned cell appears once, in its first row and
/// column), the number of header rows and the caption of its directive.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    pub caption: Option<Text>,
    pub header_rows: usize,
    pub columns: usize,
    pub rows: Vec<Vec<TableCell>>,
}

/// A problem that makes a table unreadable, at the exact place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub span: Span,
    pub message: String,
    pub help: &'static str,
}

impl TableError {
    pub fn new(span: Span, message: impl Into<String>, help: &'static str) -> Self {
        TableError {
            span,
            message: message.into(),
            help,
        }
    }
}

/// Reads one cell's content lines (cut to the cell's columns) into its text and span;
/// `None` for an empty cell.
pub(crate) type CellReader<'r> =
    dyn for<'l> FnMut(&[super::lines::Line<'l>]) -> Option<(Text, Span)> + 'r;
