//! # wrong-reason-phrase (SD101)
//!
//! ## What it does
//! Flags an entry whose title is the registered reason phrase of a *different* status
//! code, such as 415 titled "Not Acceptable" (the phrase of 406).
//!
//! ## Why is this bad?
//! Readers and SDK generators key on the phrase: a 415 called "Not Acceptable" sends a
//! client looking at its `Accept` header when the server is complaining about the
//! request's `Content-Type`. The page is certainly wrong, so this is an error.
//!
//! ## Example
//! ```markdown
//! | `415 Not Acceptable` | The client's ContentType header isn't correct. |
//! ```
//! Use instead:
//! ```markdown
//! | `415 Unsupported Media Type` | The client's ContentType header isn't correct. |
//! ```
//!
//! ## Fix safety
//! The fix replaces the title with the registered phrase and touches nothing else. It
//! is offered only where the title is plain text in the source.
//!
//! ## References
//! - RFC 9110, Section 15 (Status Codes)
//! - IANA HTTP Status Code Registry

use statusdoc_model::{Diagnostic, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase_fix::replace_title;
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "SD101",
    name: "wrong-reason-phrase",
    category: Category::Phrase,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    source: include_str!("wrong_reason_phrase.rs"),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let (Some(title), Some(status)) = (&entry.title, cx.registry.get(entry.code)) else {
            continue;
        };
        if !status.has_phrase() {
            continue;
        }
        let PhraseMatch::OtherCode(other) = cx.registry.match_phrase(entry.code, &title.text)
        else {
            continue;
        };
        let mut diagnostic = cx
            .diagnostic(
                &META,
                title.span,
                format!(
                    "{} is titled \"{}\", the reason phrase of {other}",
                    entry.code, title.text
                ),
            )
            .with_code(entry.code)
            .with_help(format!(
                "{} is \"{}\" ({})",
                entry.code, status.reason, status.reference
            ));
        if let Some(fix) = replace_title(cx, entry, &status.reason) {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}
