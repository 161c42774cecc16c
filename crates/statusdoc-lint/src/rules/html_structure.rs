//! # html-structure (SD004)
//!
//! ## What it does
//! Reports HTML whose structure hides or garbles status entries: a definition-list term
//! naming a code with no definition (`<dd>`) after it, and a code whose text the
//! reader cannot find in the source (when the parser moved it, as it does with stray
//! text inside a `<table>`), so its position is approximate.
//!
//! ## Why is this bad?
//! Browsers repair such markup in different ways, so what readers see differs from
//! what the author meant.
//!
//! ## Example
//! ```html
//! <dl>
//!   <dt>404 Not Found</dt>
//! </dl>
//! ```
//! Use instead: give every `<dt>` its `<dd>`.
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
