//! # rows-out-of-order (SD305)
//!
//! ## What it does
//! Flags an entry whose code is lower than the entry before it in the same table or
//! list, in a page of five or more entries. Only the page's own catalog of codes is
//! checked: an operation's responses and rows keyed by something else (a vendor's
//! error codes) follow their own order. So does a table or list whose codes are far
//! from ascending (sorted by constant name, by title, by how often each code occurs):
//! only a block whose codes are mostly in order, with a few rows out of place, is
//! flagged.
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

/// A block is meant to be in code order when at most this share of its entries falls
/// outside its longest ascending run of codes.
const MAX_OUT_OF_PLACE: f64 = 0.25;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let entries = &cx.document.entries;
    if entries.len() < MIN_ENTRIES {
        return;
    }
    let in_code_order: Vec<bool> = entries
        .chunk_by(|a, b| a.section == b.section && a.block == b.block)
        .flat_map(|block| {
            let codes: Vec<u16> = block.iter().map(|e| e.code).collect();
            let out_of_place = codes.len() - longest_ascending(&codes);
            let ordered = out_of_place as f64 <= MAX_OUT_OF_PLACE * codes.len() as f64;
            std::iter::repeat_n(ordered, block.len())
        })
        .collect();
    for (i, pair) in entries.windows(2).enumerate() {
        let (previous, entry) = (&pair[0], &pair[1]);
        if entry.section != previous.section
            || entry.block != previous.block
            || entry.listing != Listing::Catalog
            || entry.code >= previous.code
            || !in_code_order[i + 1]
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

/// The length of the longest non-decreasing subsequence of `codes` (patience sorting,
/// n·log n).
fn longest_ascending(codes: &[u16]) -> usize {
    let mut tails: Vec<u16> = Vec::new();
    for &code in codes {
        let at = tails.partition_point(|&tail| tail <= code);
        if at == tails.len() {
            tails.push(code);
        } else {
            tails[at] = code;
        }
    }
    tails.len()
}

#[cfg(test)]
mod tests {
    use super::longest_ascending;

    #[test]
    fn longest_ascending_run() {
        assert_eq!(longest_ascending(&[]), 0);
        assert_eq!(longest_ascending(&[200, 204, 404, 401, 503]), 4);
        assert_eq!(longest_ascending(&[200, 200, 404]), 3);
        assert_eq!(longest_ascending(&[502, 405, 400, 408, 100, 201]), 2);
    }
}
