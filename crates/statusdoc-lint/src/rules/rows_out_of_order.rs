//! # rows-out-of-order (SD305)
//!
//! ## What it does
//! Flags an entry whose code is lower than the entry before it in the same table or
//! list, in a page of five or more entries. Only the page's own catalog of codes is
//! checked: an operation's responses and rows keyed by something else (a vendor's
//! error codes) follow their own order.
//!
//! ## Why is this bad?
//! Readers scan status tables by number; a 401 below 404 is easy to miss, and out of
//! order rows are often a sign of a merge that lost or doubled a row.
//!
//! ## Example
//! ```markdown
//! | 404 | Infoton not found |
//! | 401 | Unauthorized user |
//! ```
//! Use instead: list 401 before 404.
//!
//! ## Fix safety
//! No fix: moving rows can break the markup around them.

use statusdoc_model::{Diagnostic, Rule, Severity};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::RowsOutOfOrder,
    id: Rule::RowsOutOfOrder.id(),
    name: Rule::RowsOutOfOrder.name(),
    category: Category::Structure,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/rows_out_of_order.md")),
    check_document: Some(check),
    check_corpus: None,
};

use statusdoc_model::Listing;

const MIN_ENTRIES: usize = 5;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let entries = &cx.document.entries;
    if entries.len() < MIN_ENTRIES {
        return;
    }
    for pair in entries.windows(2) {
        let (previous, entry) = (&pair[0], &pair[1]);
        if entry.section != previous.section
            || entry.block != previous.block
            || entry.listing != Listing::Catalog
            || entry.code >= previous.code
        {
            continue;
        }
        out.push(
            cx.diagnostic(
                &META,
                entry.code_span,
                format!("{} comes after {}", entry.code, previous.code),
            )
            .with_code(entry.code)
            .with_label(
                &cx.document.source,
                previous.code_span,
                "the higher code is here",
            )
            .with_help(format!("move {} before {}", entry.code, previous.code)),
        );
    }
}
