//! # html-structure (SD004)
//!
//! ## What it does
//! Reports HTML whose structure hides or garbles status entries: a status table
//! nested where no main content can be found, a table row with fewer cells than its
//! header, a definition list term without a definition.
//!
//! ## Why is this bad?
//! Browsers repair such markup in different ways, so what readers see differs from
//! what the author meant.
//!
//! ## Example
//! ```html
//! <tr><td>404</td></tr>   <!-- header has three columns -->
//! ```
//! Use instead: give every row the cells of its header.
//!
//! Reported by the reader while it ingests the page; the rest of the page is still
//! read where possible.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::Severity;

use crate::{Category, RuleKind, RuleMeta};

/// HTML the reader had to guess around.
pub static META: RuleMeta = RuleMeta {
    id: "SD004",
    name: "html-structure",
    category: Category::Reader,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    source: include_str!("html_structure.rs"),
    check_document: None,
    check_corpus: None,
};
