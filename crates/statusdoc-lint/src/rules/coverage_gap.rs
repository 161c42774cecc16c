//! # coverage-gap (SD303)
//!
//! ## What it does
//! Flags a page that documents several codes of a class but not the class's base code:
//! 200 missing from a page listing 201–206, 400 from a page listing other 4xx codes,
//! 500 from one listing other 5xx codes (two or more others are needed, in a listing
//! of at least four codes: two or three codes say what one feature returns, as in
//! "401, 403 - access is denied", and are no status table). Codes listed
//! under `[coverage] required` in `statusdoc.toml` must appear on every page.
//!
//! The finding points where the missing code belongs (the entry that would follow it)
//! and carries the missing code as its status code.
//!
//! ## Why is this bad?
//! A client that receives the missing code finds nothing; a status table with 201 but
//! no 200 is almost always a row lost in an edit.
//!
//! ## Example
//! ```rst
//! | 101 | Switching Protocols | ... |
//! | 201 | Created             | ... |
//! | 204 | No Content          | ... |
//! ```
//! Use instead: add the `200 OK` row between them.
//!
//! ## Fix safety
//! No fix: the description of the missing code is the vendor's to write.
//!
//! ## References
//! - RFC 9110, Section 15 (a client treats an unknown code as x00 of its class)

use statusdoc_model::{Diagnostic, Rule, Severity, Span};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::CoverageGap,
    id: Rule::CoverageGap.id(),
    name: Rule::CoverageGap.name(),
    category: Category::Structure,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/coverage_gap.md")),
    check_document: Some(check),
    check_corpus: None,
};

/// Base codes that a page documenting their class is expected to have.
use statusdoc_model::{Entry, Listing};

const CLASS_BASES: [u16; 3] = [200, 400, 500];
/// How many other codes of the class make the base's absence a gap.
const MIN_OTHERS: usize = 2;
/// How many distinct codes the page's catalog needs before it is a status table.
const MIN_CATALOG: usize = 4;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // Only the page's own catalog of codes can have gaps: an operation's responses and
    // an error catalog's status column are not lists of every code.
    let entries: Vec<&Entry> = cx
        .document
        .entries
        .iter()
        .filter(|e| e.listing == Listing::Catalog)
        .collect();
    if entries.is_empty() {
        return;
    }
    let mut catalog: Vec<u16> = entries.iter().map(|e| e.code).collect();
    catalog.sort_unstable();
    catalog.dedup();
    let short = catalog.len() < MIN_CATALOG;
    // Documented anywhere on the page counts, in whatever listing.
    let documented = |code: u16| cx.document.entries.iter().any(|e| e.code == code);
    let mut missing: Vec<(u16, String)> = Vec::new();
    for base in CLASS_BASES {
        let mut others: Vec<u16> = entries
            .iter()
            .map(|e| e.code)
            .filter(|&code| code / 100 == base / 100 && code != base)
            .collect();
        others.sort_unstable();
        others.dedup();
        let others = others.len();
        if !short && others >= MIN_OTHERS && !documented(base) {
            missing.push((
                base,
                format!("the page documents {others} other {}xx codes", base / 100),
            ));
        }
    }
    for &code in &cx.config.required_codes {
        if !documented(code) && !missing.iter().any(|(c, _)| *c == code) {
            missing.push((code, "the configuration requires it".to_owned()));
        }
    }
    for (code, why) in missing {
        // Point at the first entry with a higher code: where the row belongs.
        let next = entries
            .iter()
            .filter(|e| e.code > code)
            .min_by_key(|e| e.code);
        let span = next.map_or(Span::empty(entries[entries.len() - 1].span().end), |e| {
            e.code_span
        });
        let reason = cx
            .registry
            .get(code)
            .map_or(String::new(), |s| format!(" {}", s.reason));
        let place = next.map_or(String::new(), |e| format!(" before {}", e.code));
        out.push(
            cx.diagnostic(
                &META,
                span,
                format!("{code}{reason} is not documented, but {why}"),
            )
            .with_code(code)
            .with_help(format!("add a {code}{reason} entry{place}")),
        );
    }
}
