//! # rst-fallback (SD003)
//!
//! ## What it does
//! Reports a reStructuredText page that the structure parser (rst_parser) could not
//! parse. statusdoc falls back to a line-based scan so the tables are still read, but
//! section titles and metadata may be incomplete.
//!
//! ## Why is this bad?
//! The page probably has markup that Sphinx or docutils will also warn about.
//!
//! ## Example
//! A page that mixes tabs and spaces in a directive body.
//! Use instead: run `docutils` or `sphinx-build -W` on the page and fix what it reports.
//!
//! Reported by the reader while it ingests the page; the rest of the page is still
//! read where possible.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::Severity;

use crate::{Category, RuleKind, RuleMeta};

/// The document structure parser failed; tables were read line by line.
pub static META: RuleMeta = RuleMeta {
    id: "SD003",
    name: "rst-fallback",
    category: Category::Reader,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    source: include_str!("rst_fallback.rs"),
    check_document: None,
    check_corpus: None,
};
