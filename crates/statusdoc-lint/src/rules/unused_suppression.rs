//! # unused-suppression (SD010)
//!
//! ## What it does
//! Reports a `statusdoc-disable-next-line` or `statusdoc-disable-file` comment that
//! suppresses no finding, or that names a rule that does not exist.
//!
//! Suppression comments:
//! - Markdown and HTML: `<!-- statusdoc-disable-next-line SD101 -->`,
//!   `<!-- statusdoc-disable-file SD305 -->`
//! - reStructuredText: `.. statusdoc-disable-next-line: SD101`
//! - text: a line `statusdoc-disable-next-line SD101`
//!
//! Rules are named by id or name, separated by commas or spaces; with none, every
//! rule is suppressed. "Next line" is the next line that is not blank.
//!
//! ## Why is this bad?
//! A stale suppression hides the next real finding on that line.
//!
//! ## Example
//! ```markdown
//! <!-- statusdoc-disable-next-line SD101 -->
//! | `415 Unsupported Media Type` | ... |
//! ```
//! Use instead: remove the comment once the row is fixed.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::UnusedSuppression,
    id: Rule::UnusedSuppression.id(),
    name: Rule::UnusedSuppression.name(),
    category: Category::Suppression,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Suppression,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/unused_suppression.md")),
    check_document: None,
    check_corpus: None,
};
