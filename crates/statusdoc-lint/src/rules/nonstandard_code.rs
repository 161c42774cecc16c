//! # nonstandard-code (SD105)
//!
//! ## What it does
//! Flags an entry for a code that is not in the IANA registry but that some servers
//! send (nginx's 499, Cloudflare's 520–527, 509 "Bandwidth Limit Exceeded"), when the
//! description does not say that the code is non-standard.
//!
//! ## Why is this bad?
//! Generic HTTP clients, proxies and libraries do not know the code; a reader who is not
//! told assumes standard semantics that do not exist.
//!
//! ## Example
//! ```markdown
//! | 509 | Bandwidth Limit Exceeded | Your app has been throttled. |
//! ```
//! Use instead:
//! ```markdown
//! | 509 | Bandwidth Limit Exceeded | Non-standard: your app has been throttled. |
//! ```
//!
//! ## Fix safety
//! No fix: what to say is the vendor's call.
//!
//! ## References
//! - RFC 9110, Section 15 (unrecognized codes are treated as x00 of their class)
//! - IANA HTTP Status Code Registry

use statusdoc_model::{Diagnostic, Rule, Severity};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::NonstandardCode,
    id: Rule::NonstandardCode.id(),
    name: Rule::NonstandardCode.name(),
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/nonstandard_code.md")),
    check_document: Some(check),
    check_corpus: None,
};

/// Words by which a page says a code is not standard.
pub(crate) fn says_nonstandard(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "non-standard",
        "nonstandard",
        "not standard",
        "not a standard",
        "unofficial",
        "proprietary",
        "custom status",
        "vendor-specific",
        "not part of the http",
        "not defined by",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(known) = cx.registry.nonstandard(entry.code) else {
            continue;
        };
        if says_nonstandard(entry.description_text()) || says_nonstandard(entry.title_text()) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &META,
                entry.code_span,
                format!(
                    "{} is not a registered HTTP status code (it is {}'s \"{}\"), and the page does not say so",
                    entry.code, known.origin, known.phrase
                ),
            )
            .with_code(entry.code)
            .with_help("say in the description that the code is non-standard and which component sends it"),
        );
    }
}
