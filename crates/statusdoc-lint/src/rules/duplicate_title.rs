//! # duplicate-title (SD301)
//!
//! ## What it does
//! Flags a title that a page gives to two different codes, as when both 406 and 415
//! are called "Not Acceptable". The finding is reported on the entry whose title is not
//! its code's phrase (or on the later one), with the other entry labelled.
//!
//! A label that is no code's phrase, given to codes of one class ("Success" for 200,
//! 201 and 204, "Client error" for 4xx), names the class, not a code: each such title
//! is SD102's finding, not this rule's.
//!
//! ## Why is this bad?
//! Each status code has its own meaning; two codes with one title make the table
//! ambiguous, and catalogs keyed by title lose one of them. One of the two is certainly
//! wrong, so this is an error.
//!
//! ## Example
//! ```text
//! 406 Not Acceptable Although the server understands ...
//! 415 Not Acceptable Indicates that the server refuses ...
//! ```
//! Use instead:
//! ```text
//! 406 Not Acceptable Although the server understands ...
//! 415 Unsupported Media Type Indicates that the server refuses ...
//! ```
//!
//! ## Fix safety
//! No fix of its own: the phrase rules (SD101) fix the wrong title.
//!
//! ## References
//! - RFC 9110, Section 15

use std::collections::HashMap;

use statusdoc_model::{Diagnostic, Listing, Rule, Severity};
use statusdoc_reference::{phrase_key, PhraseMatch};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::DuplicateTitle,
    id: Rule::DuplicateTitle.id(),
    name: Rule::DuplicateTitle.name(),
    category: Category::Structure,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/duplicate_title.md")),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut first_by_title: HashMap<String, usize> = HashMap::new();
    // Each wrong title is reported once, however many right ones share it.
    let mut reported: Vec<statusdoc_model::Span> = Vec::new();
    let entries = &cx.document.entries;
    for (index, entry) in entries.iter().enumerate() {
        let Some(title) = &entry.title else {
            continue;
        };
        // 306 and 418 share the registry's "(Unused)": not a duplicate.
        if cx.registry.get(entry.code).is_some_and(|s| !s.has_phrase()) {
            continue;
        }
        let key = phrase_key(&title.text);
        if key.is_empty() {
            continue;
        }
        let Some(&first) = first_by_title.get(&key) else {
            first_by_title.insert(key, index);
            continue;
        };
        let other = &entries[first];
        if other.code == entry.code {
            continue; // the same code twice is SD302's business
        }
        // One title written once for several codes ("500, 502, 503 | Server Errors").
        if other.title.as_ref().map(|t| t.span) == entry.title.as_ref().map(|t| t.span) {
            continue;
        }
        // Two operations' responses are two lists: only one list's titles are compared.
        if (entry.listing != Listing::Catalog || other.listing != Listing::Catalog)
            && entry.block != other.block
        {
            continue;
        }
        // A class's label on codes of that class: SD102 reports each title.
        let no_phrase = |e: &statusdoc_model::Entry| {
            matches!(
                cx.registry.match_phrase(e.code, e.title_text()),
                PhraseMatch::Unknown
            )
        };
        if entry.code / 100 == other.code / 100 && no_phrase(entry) && no_phrase(other) {
            continue;
        }
        // Report on the entry whose title is wrong for its code, if only one is.
        let is_right = |e: &statusdoc_model::Entry| {
            matches!(
                cx.registry.match_phrase(e.code, e.title_text()),
                PhraseMatch::Exact | PhraseMatch::Spelling
            )
        };
        let (wrong, right) = if is_right(entry) && !is_right(other) {
            (other, entry)
        } else {
            (entry, other)
        };
        let wrong_title = wrong.title.as_ref().expect("titled");
        let right_title = right.title.as_ref().expect("titled");
        if reported.contains(&wrong_title.span) {
            continue;
        }
        reported.push(wrong_title.span);
        let help = match cx.registry.get(wrong.code) {
            Some(status) if status.has_phrase() => format!(
                "{} is \"{}\" ({})",
                wrong.code, status.reason, status.reference
            ),
            _ => format!("give {} a title of its own", wrong.code),
        };
        out.push(
            cx.diagnostic(
                &META,
                wrong_title.span,
                format!(
                    "\"{}\" titles both {} and {}",
                    wrong_title.text, right.code, wrong.code
                ),
            )
            .with_code(wrong.code)
            .with_label(
                &cx.document.source,
                right_title.span,
                format!("{} has the same title here", right.code),
            )
            .with_help(help),
        );
    }
}
