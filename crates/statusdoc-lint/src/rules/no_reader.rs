//! # no-reader (SD001)
//!
//! ## What it does
//! Reports a page whose format statusdoc has no reader for, so that a page is never
//! skipped in silence.
//!
//! ## Why is this bad?
//! Nothing on the page was checked; a clean report would be a lie.
//!
//! ## Example
//! `statusdoc lint page.adoc` with no AsciiDoc reader.
//! Use instead: pass `--input-format` if the page is really Markdown, reStructuredText,
//! HTML or text, or convert it.
//!
//! Reported by the reader while it ingests the page; the rest of the page is still
//! read where possible.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

/// A page in a format statusdoc cannot read yet.
pub static META: RuleMeta = RuleMeta {
    rule: Rule::NoReader,
    id: Rule::NoReader.id(),
    name: Rule::NoReader.name(),
    category: Category::Reader,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/no_reader.md")),
    check_document: None,
    check_corpus: None,
};
