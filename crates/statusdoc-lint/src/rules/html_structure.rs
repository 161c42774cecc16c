//! # html-structure (SD004)
//!
//! ## What it does
//! Reports HTML whose structure hides or garbles entries: a definition-list term with
//! no definition (`<dd>`) after it, or a definition with no term before it. (Text the
//! HTML parser moved away from its place in the source is a note about statusdoc,
//! SD003, not this rule.)
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

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

/// HTML the reader had to guess around.
pub static META: RuleMeta = RuleMeta {
    rule: Rule::HtmlStructure,
    id: Rule::HtmlStructure.id(),
    name: Rule::HtmlStructure.name(),
    category: Category::Reader,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/html_structure.md")),
    check_document: None,
    check_corpus: None,
};
