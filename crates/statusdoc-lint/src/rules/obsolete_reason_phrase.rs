//! # obsolete-reason-phrase (SD103)
//!
//! ## What it does
//! Flags an entry titled with a reason phrase that an earlier specification used but
//! RFC 9110 replaced: "Request Entity Too Large" and "Payload Too Large" (413),
//! "Request-URI Too Long" (414), "Requested Range Not Satisfiable" (416),
//! "Unprocessable Entity" (422), "Request Time-out" (408), "Gateway Time-out" (504)...
//! Also when spelled differently, as in "UnprocessableEntity".
//!
//! ## Why is this bad?
//! The page disagrees with the current standard and with up-to-date clients and
//! servers; readers who search the RFC for the old name find nothing.
//!
//! ## Example
//! ```markdown
//! | `413 Request Entity Too Large` | maxPayload (1048576) was exceeded. |
//! ```
//! Use instead:
//! ```markdown
//! | `413 Content Too Large` | maxPayload (1048576) was exceeded. |
//! ```
//!
//! ## Fix safety
//! The fix replaces the title with the RFC 9110 phrase and touches nothing else.
//!
//! ## References
//! - RFC 9110, Section 15 and Appendix B.3 (changes from RFC 7231)
//! - RFC 2616, Section 6.1.1 (the old phrases)

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase::{title_finding, titled};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::ObsoleteReasonPhrase,
    id: Rule::ObsoleteReasonPhrase.id(),
    name: Rule::ObsoleteReasonPhrase.name(),
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/obsolete_reason_phrase.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for t in titled(cx) {
        let PhraseMatch::Obsolete {
            phrase,
            source,
            exact,
        } = t.matched
        else {
            continue;
        };
        let spelled = if exact {
            String::new()
        } else {
            format!(" (spelled \"{}\")", t.title.text)
        };
        let (code, status) = (t.entry.code, t.status);
        out.push(title_finding(
            cx,
            &META,
            &t,
            format!("\"{phrase}\"{spelled} is the obsolete name of {code} ({source})"),
            if status.has_phrase() {
                format!(
                    "RFC 9110 calls {code} \"{}\" ({})",
                    status.reason, status.reference
                )
            } else {
                format!("RFC 9110 reserves {code} as unused ({})", status.reference)
            },
            true,
        ));
    }
}
