//! # reader-limit (SD003)
//!
//! ## What it does
//! A note about statusdoc, not about the page: a part of the page met a limit of the
//! reader, so it was read with less structure than it has. Content nested deeper than
//! any real page (64 levels of lists, quotes, directives or tables in
//! reStructuredText) is read as flat text; text the HTML parser moved away from its
//! place in the source gets approximate positions; an AsciiDoc `include::` is not
//! followed, and an AsciiDoc delimited block that is never closed (`|===`, `----`,
//! `====`) runs to the end of the page (Asciidoctor warns "unterminated … block"); an
//! OpenAPI `$ref` that loops, points at nothing or chains more than 8 deep leaves its
//! response without a description.
//!
//! These notes are `info`: they never fail a run and are not page defects.
//!
//! ## Why is this bad?
//! It is not: it says where statusdoc may have missed an entry, so that you can check
//! that part of the page yourself.
//!
//! ## Example
//! A reStructuredText page whose indentation keeps growing, such as a pasted log.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

/// A limit of the reader was met; that part of the page was read with less structure.
pub static META: RuleMeta = RuleMeta {
    rule: Rule::ReaderLimit,
    id: Rule::ReaderLimit.id(),
    name: Rule::ReaderLimit.name(),
    category: Category::Tool,
    default_severity: Severity::Info,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/reader_limit.md")),
    check_document: None,
    check_corpus: None,
};
