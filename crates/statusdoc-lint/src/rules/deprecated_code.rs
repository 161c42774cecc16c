//! # deprecated-code (SD304)
//!
//! ## What it does
//! Flags an entry for a code that HTTP no longer uses: 305 Use Proxy (deprecated),
//! 306 and 418 (reserved, unused), 510 Not Extended (obsoleted), unless the entry
//! itself says so ("deprecated", "no longer used", "reserved").
//!
//! ## Why is this bad?
//! Clients do not act on these codes (305 was deprecated for security reasons: a
//! server must not be able to redirect a client through a proxy). Documenting them
//! suggests the service sends them.
//!
//! ## Example
//! ```rst
//! | 305 | Use Proxy | The requested resource must be accessed through a proxy. |
//! ```
//! Use instead: remove the row, or say that the service never sends it.
//!
//! ## Fix safety
//! No fix.
//!
//! ## References
//! - RFC 9110, Section 15.4.6 (305), 15.4.7 (306), 15.5.19 (418)
//! - RFC 2774 and the IANA registry note for 510

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::State;

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::DeprecatedCode,
    id: Rule::DeprecatedCode.id(),
    name: Rule::DeprecatedCode.name(),
    category: Category::Structure,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/deprecated_code.md")),
    check_document: Some(check),
    check_corpus: None,
};

/// Words by which an entry says the code is not in use, which makes it correct.
const SAYS_RETIRED: [&str; 8] = [
    "deprecated",
    "no longer used",
    "not used",
    "unused",
    "obsolete",
    "reserved",
    "historic",
    "no longer in use",
];

/// Where the code was retired: RFC 9110 for 305, 306 and 418; the registry's status
/// change for 510 (RFC 2774, which defined it, is not what retired it).
fn retired_by(status: &statusdoc_reference::Status) -> String {
    match status.state {
        State::Obsoleted => {
            "IANA registry: status change of HTTP experiments to Historic".to_owned()
        }
        _ => status.reference.clone(),
    }
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(status) = cx.registry.get(entry.code) else {
            continue;
        };
        let text = format!("{} {}", entry.title_text(), entry.description_text()).to_lowercase();
        if SAYS_RETIRED.iter().any(|w| text.contains(w)) {
            continue;
        }
        let what = match status.state {
            State::Deprecated => "deprecated",
            State::Unused => "reserved and unused",
            State::Obsoleted => "obsoleted",
            _ => continue,
        };
        out.push(
            cx.diagnostic(
                &META,
                entry.code_span,
                format!("{} is {what} ({})", entry.code, retired_by(status)),
            )
            .with_code(entry.code)
            .with_help("remove the entry, or say that the service never sends this code"),
        );
    }
}
