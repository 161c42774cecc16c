//! What every table reader produces: cells placed on a grid, with spans into the page.

use statusdoc_model::Span;

/// One cell of a table. Empty cells have empty text and an empty span at the cell's
/// top-left content position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub caption: Option<String>,
    pub header_rows: usize,
    pub columns: usize,
    pub rows: Vec<Vec<TableCell>>,
    /// Byte offset of the table's first line (its top border or directive).
    pub start: usize,
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
