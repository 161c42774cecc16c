//! # no-status-codes (SD005)
//!
//! ## What it does
//! Reports a page from which no status code entry could be read. Only pages named on
//! the command line (or in a corpus manifest) are checked: pages found by walking a
//! folder are mostly guides and references with no status codes, and are expected to
//! have none.
//!
//! ## Why is this bad?
//! Either the page is not a status code page (then it should not be in the corpus), or
//! its entries are in a shape statusdoc does not recognise, and nothing on it was
//! checked.
//!
//! ## Example
//! A page whose codes are only mentioned in prose ("If you get a 404, ...").
//! Use instead: a table, a list or a heading per code.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Diagnostic, Rule, Severity, Span};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::NoStatusCodes,
    id: Rule::NoStatusCodes.id(),
    name: Rule::NoStatusCodes.name(),
    category: Category::Reader,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/no_status_codes.md")),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // A page that a reader already reported on (no reader, unreadable table) needs no
    // second finding.
    if !cx.document.entries.is_empty() || !cx.document.notes.is_empty() {
        return;
    }
    // Most pages of a docs tree are not status pages: only a page named on the
    // command line is expected to have entries.
    if cx.document.discovered {
        return;
    }
    out.push(
        cx.diagnostic(
            &META,
            Span::empty(0),
            format!(
                "no status code entries found in this {} page",
                cx.document.format
            ),
        )
        .with_help(
            "document codes in a table, a list or one heading per code; or check --input-format",
        ),
    );
}
