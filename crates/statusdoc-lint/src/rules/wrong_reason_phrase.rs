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

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase::{title_finding, titled};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::WrongReasonPhrase,
    id: Rule::WrongReasonPhrase.id(),
    name: Rule::WrongReasonPhrase.name(),
    category: Category::Phrase,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/wrong_reason_phrase.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for t in titled(cx).filter(|t| t.status.has_phrase()) {
        let PhraseMatch::OtherCode(other) = t.matched else {
            continue;
        };
        let (code, status) = (t.entry.code, t.status);
        out.push(title_finding(
            cx,
            &META,
            &t,
            format!(
                "{code} is titled \"{}\", the reason phrase of {other}",
                t.title.text
            ),
            format!("{code} is \"{}\" ({})", status.reason, status.reference),
            true,
        ));
    }
}
