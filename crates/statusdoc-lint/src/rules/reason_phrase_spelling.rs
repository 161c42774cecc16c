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

use statusdoc_model::{Diagnostic, Severity};
use statusdoc_reference::PhraseMatch;

use super::phrase_fix::replace_title;
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "SD104",
    name: "reason-phrase-spelling",
    category: Category::Phrase,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: true,
    kind: RuleKind::Document,
    source: include_str!("reason_phrase_spelling.rs"),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let (Some(title), Some(status)) = (&entry.title, cx.registry.get(entry.code)) else {
            continue;
        };
        if !status.has_phrase()
            || cx.registry.match_phrase(entry.code, &title.text) != PhraseMatch::Spelling
        {
            continue;
        }
        let mut diagnostic = cx
            .diagnostic(
                &META,
                title.span,
                format!(
                    "\"{}\" is {}'s reason phrase spelled differently",
                    title.text, entry.code
                ),
            )
            .with_code(entry.code)
            .with_help(format!("write \"{}\"", status.reason));
        if let Some(fix) = replace_title(cx, entry, &status.reason) {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}
