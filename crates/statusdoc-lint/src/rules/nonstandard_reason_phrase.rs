//! # nonstandard-reason-phrase (SD102)
//!
//! ## What it does
//! Flags an entry whose title is not a reason phrase HTTP has ever used for its code,
//! nor another code's phrase, such as 504 titled "ServerTimeout" or 500 titled
//! "Server Error". A title written in another script ("错误的请求", "見つかりません")
//! is a translation, not a home-made phrase, and is left alone.
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

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase::{title_finding, titled};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::NonstandardReasonPhrase,
    id: Rule::NonstandardReasonPhrase.id(),
    name: Rule::NonstandardReasonPhrase.name(),
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/nonstandard_reason_phrase.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for t in titled(cx).filter(|t| t.status.has_phrase()) {
        if t.matched != PhraseMatch::Unknown
            || !t.title.text.chars().any(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let (code, status) = (t.entry.code, t.status);
        // A vendor title may carry meaning: the fix is offered but not applied by --fix.
        out.push(title_finding(
            cx,
            &META,
            &t,
            format!(
                "{code} is titled \"{}\", which is not its reason phrase",
                t.title.text
            ),
            format!("{code} is \"{}\" ({})", status.reason, status.reference),
            false,
        ));
    }
}
