//! # reason-phrase-spelling (SD104)
//!
//! ## What it does
//! Flags an entry whose title is its code's reason phrase with other casing, spacing or
//! punctuation: "BadRequest", "NotFound", "HTTP Version not supported", "BAD REQUEST".
//!
//! ## Why is this bad?
//! CamelCase titles are enum names leaking into prose, and odd casing makes a page look
//! machine-made; tools that match phrases exactly (search, SDK generators, this catalog)
//! miss them.
//!
//! ## Example
//! ```rst
//! | 400 | BadRequest | The request could not be understood by the server. |
//! ```
//! Use instead:
//! ```rst
//! | 400 | Bad Request | The request could not be understood by the server. |
//! ```
//!
//! ## Fix safety
//! The fix rewrites the title as the registered phrase; only letters' case and the
//! spaces between words change.
//!
//! ## References
//! - RFC 9110, Section 15 (Status Codes)

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase::{title_finding, titled};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::ReasonPhraseSpelling,
    id: Rule::ReasonPhraseSpelling.id(),
    name: Rule::ReasonPhraseSpelling.name(),
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/reason_phrase_spelling.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for t in titled(cx).filter(|t| t.status.has_phrase()) {
        if t.matched != PhraseMatch::Spelling {
            continue;
        }
        out.push(title_finding(
            cx,
            &META,
            &t,
            format!(
                "\"{}\" is {}'s reason phrase spelled differently",
                t.title.text, t.entry.code
            ),
            format!("write \"{}\"", t.status.reason),
            true,
        ));
    }
}
