//! # nonstandard-reason-phrase (SD102)
//!
//! ## What it does
//! Flags an entry whose title is not a reason phrase HTTP has ever used for its code,
//! nor another code's phrase, such as 504 titled "ServerTimeout" or 500 titled
//! "Server Error".
//!
//! ## Why is this bad?
//! A home-made title hides which status the page means and drifts from what clients,
//! proxies and logs print. Vendors sometimes shorten a phrase on purpose, so this is a
//! warning.
//!
//! ## Example
//! ```rst
//! | 504 | ServerTimeout | The request cannot be fulfilled within a given amount of time. |
//! ```
//! Use instead:
//! ```rst
//! | 504 | Gateway Timeout | The request cannot be fulfilled within a given amount of time. |
//! ```
//!
//! ## Fix safety
//! The fix replaces the title with the registered phrase. It is offered only where the
//! title is plain text in the source; review it, since a vendor title may carry meaning.
//!
//! ## References
//! - RFC 9110, Section 15 (Status Codes)
//! - IANA HTTP Status Code Registry

use statusdoc_model::{Diagnostic, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase_fix::replace_title;
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "SD102",
    name: "nonstandard-reason-phrase",
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    source: include_str!("nonstandard_reason_phrase.rs"),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let (Some(title), Some(status)) = (&entry.title, cx.registry.get(entry.code)) else {
            continue;
        };
        if !status.has_phrase()
            || cx.registry.match_phrase(entry.code, &title.text) != PhraseMatch::Unknown
        {
            continue;
        }
        let mut diagnostic = cx
            .diagnostic(
                &META,
                title.span,
                format!(
                    "{} is titled \"{}\", which is not its reason phrase",
                    entry.code, title.text
                ),
            )
            .with_code(entry.code)
            .with_help(format!(
                "{} is \"{}\" ({})",
                entry.code, status.reason, status.reference
            ));
        if let Some(mut fix) = replace_title(cx, entry, &status.reason) {
            fix.safe = false;
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}
