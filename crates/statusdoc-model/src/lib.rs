//! The normalized model shared by every statusdoc stage.
//!
//! Data flows one way: `ingest` turns a page's bytes into a [`Document`], `lint` turns
//! documents into [`Diagnostic`]s, `report` and `catalog` render them. This crate has no
//! I/O and no format-specific code: a rule only ever sees a [`Document`].
//!
//! Every extracted cell is a [`Cell`]: its plain text (markup stripped, whitespace
//! folded) plus the byte [`Span`] of the source text it came from, so a diagnostic can
//! point at the exact text and a fix can rewrite exactly that text.

mod diagnostic;
mod document;
pub mod page;
mod rule;
mod source;

pub use diagnostic::{apply_fixes, Diagnostic, Edit, Fix, Label, Severity};
pub use document::{Cell, Document, Entry, Format, Listing, Suppression, SuppressionScope};
pub use rule::Rule;
pub use source::{LineCol, LineIndex, SourceFile, Span};
