//! # unassigned-code (SD106)
//!
//! ## What it does
//! Flags an entry for a code in 100–599 that the IANA registry leaves unassigned and
//! that no well-known server uses either, unless the description says it is a custom,
//! non-standard code.
//!
//! ## Why is this bad?
//! An unassigned code has no meaning in HTTP: clients treat it as the x00 code of its
//! class. Usually it is a typo (4O4, 430 for 403) or a private code presented as
//! standard.
//!
//! ## Example
//! ```markdown
//! | 430 | Forbidden | You don't have access. |
//! ```
//! Use instead:
//! ```markdown
//! | 403 | Forbidden | You don't have access. |
//! ```
//!
//! ## Fix safety
//! No fix: the intended code is unknown.
//!
//! ## References
//! - RFC 9110, Section 15
//! - IANA HTTP Status Code Registry

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::State;

use super::nonstandard_code::says_nonstandard;
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::UnassignedCode,
    id: Rule::UnassignedCode.id(),
    name: Rule::UnassignedCode.name(),
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/unassigned_code.md")),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        if cx.registry.state(entry.code) != State::Unassigned
            || cx.registry.nonstandard(entry.code).is_some()
        {
            continue;
        }
        if says_nonstandard(entry.description_text()) {
            continue;
        }
        let class = entry.code / 100 * 100;
        out.push(
            cx.diagnostic(
                &META,
                entry.code_span,
                format!("{} is unassigned in the IANA HTTP Status Code Registry", entry.code),
            )
            .with_code(entry.code)
            .with_help(format!(
                "check the code; clients treat an unknown code as {class}. If it is a private code, say so in its description"
            )),
        );
    }
}
