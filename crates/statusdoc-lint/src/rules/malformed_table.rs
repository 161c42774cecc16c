//! # malformed-table (SD002)
//!
//! ## What it does
//! Reports a table whose layout is broken: a grid-table row with a ragged `|`, a border
//! that does not line up with the columns above it, a cell cut by a span, a list-table
//! row with the wrong number of cells. The finding points at the exact line and column.
//!
//! ## Why is this bad?
//! Renderers drop or garble such tables (docutils reports an error and shows the source
//! text), so readers of the published page do not see the rows.
//!
//! ## Example
//! ```rst
//! +-----+------+
//! | 200 | OK    |
//! +-----+------+
//! ```
//! Use instead: align every `|` and `+` with the border above.
//!
//! Reported by the reader while it ingests the page; the rest of the page is still
//! read where possible.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

/// A table the reader could not lay out.
pub static META: RuleMeta = RuleMeta {
    rule: Rule::MalformedTable,
    id: Rule::MalformedTable.id(),
    name: Rule::MalformedTable.name(),
    category: Category::Reader,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/malformed_table.md")),
    check_document: None,
    check_corpus: None,
};
