//! # retry-advice-contradicts-rfc (SD201)
//!
//! ## What it does
//! Flags retry advice that contradicts RFC 9110:
//! - a 408, 421, 425, 429 or 503 description telling clients not to repeat the request
//!   ("The client should not repeat the request without modifications"), although these
//!   conditions are temporary and the request may be repeated (after Retry-After, for
//!   429 and 503);
//! - a description of a code that fails again on an unchanged request (400, 403, 404,
//!   405, 413, 415, 422...) telling clients to retry it unchanged.
//!
//! Advice with a condition ("do not retry until the Retry-After time has passed") is
//! not flagged.
//!
//! ## Why is this bad?
//! SDKs and integrators build retry policies from these pages. A 503 page that says
//! "do not repeat" turns a short outage into failed jobs; a 400 page that says "retry"
//! turns a bug into a retry storm.
//!
//! ## Example
//! ```rst
//! | 503 | Service Unavailable | The client should not repeat the request without modifications. |
//! ```
//! Use instead:
//! ```rst
//! | 503 | Service Unavailable | The service is temporarily unavailable. Retry after the time given in Retry-After. |
//! ```
//!
//! ## Fix safety
//! No fix: the right advice depends on the service.
//!
//! ## References
//! - RFC 9110, Section 15.5.9 (408), 15.6.4 (503), 10.2.3 (Retry-After)
//! - RFC 6585, Section 4 (429)
//! - RFC 9110, Section 15.5.4 (403: "SHOULD NOT automatically repeat the request with
//!   the same credentials"); RFC 2616, Section 10.4.1 (400: "SHOULD NOT repeat the
//!   request without modifications", the sentence such pages copy onto 503)

use statusdoc_model::{Diagnostic, Severity};
use statusdoc_reference::Retry;

use crate::text::{has_word, is_negated, sentences};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "SD201",
    name: "retry-advice-contradicts-rfc",
    category: Category::Semantics,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    source: include_str!("retry_advice_contradicts_rfc.rs"),
    check_document: Some(check),
    check_corpus: None,
};

const REPEAT_WORDS: [&str; 6] = [
    "repeat",
    "retry",
    "retried",
    "resend",
    "resubmit",
    "try again",
];
/// Words that make "do not retry" conditional, and so correct for temporary errors.
const CONDITIONS: [&str; 14] = [
    "until",
    "before",
    "after",
    "immediately",
    "unless",
    "wait",
    "more than",
    "more often",
    "idempotent",
    "times",
    "per second",
    "per minute",
    "without backoff",
    "too quickly",
];

fn mentions_repeat(sentence: &str) -> bool {
    REPEAT_WORDS.iter().any(|w| sentence.contains(w))
}

/// "should not repeat the request", "do not retry": an unconditional no. ("may repeat
/// the request without modifications" is a yes: "without" is no negation here.)
fn forbids_repeat(sentence: &str) -> bool {
    let negated = ["not", "never", "no", "cannot"]
        .iter()
        .any(|w| has_word(sentence, w))
        || sentence.contains("n't");
    mentions_repeat(sentence) && negated && !CONDITIONS.iter().any(|c| sentence.contains(c))
}

/// Words that make a retry invitation conditional on changing something (or on
/// Retry-After, which RFC 9110 allows for a temporary 413).
const CHANGE_WORDS: [&str; 30] = [
    "modif",
    "correct",
    "fix",
    "change",
    "check",
    "reduc",
    "smaller",
    "retry-after",
    "retry after",
    "temporar",
    "after",
    "once",
    "new token",
    "refresh",
    "valid",
    "update",
    "adjust",
    "resolv",
    "different",
    "with ",
    "until",
    "then",
    "split",
    "set ",
    "grant",
    "if ",
    "when",
    "latest",
    "add ",
    "remove",
];

/// "may repeat the request", "retry later", without a negation or a change.
fn invites_unchanged_repeat(sentence: &str) -> bool {
    mentions_repeat(sentence)
        && !is_negated(sentence)
        && !CHANGE_WORDS.iter().any(|w| sentence.contains(w))
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let (Some(status), Some(description)) = (cx.registry.get(entry.code), &entry.description)
        else {
            continue;
        };
        let sentences = sentences(&description.text);
        let (offending, message, help) = match status.retry {
            Retry::MayRetry | Retry::AfterDelay => {
                let Some(sentence) = sentences.iter().find(|s| forbids_repeat(s)) else {
                    continue;
                };
                let after = if status.honours_retry_after() {
                    ", after the delay given in Retry-After"
                } else {
                    ""
                };
                (
                    sentence,
                    format!(
                        "{} tells clients not to repeat the request, but {} is temporary and the request may be repeated",
                        entry.code, entry.code
                    ),
                    format!("say that the client may retry{after} ({})", status.reference),
                )
            }
            Retry::NotWithoutModification => {
                let Some(sentence) = sentences.iter().find(|s| invites_unchanged_repeat(s)) else {
                    continue;
                };
                (
                    sentence,
                    format!(
                        "{} tells clients to repeat the request, but an unchanged request fails again",
                        entry.code
                    ),
                    format!(
                        "say what the client must change before it repeats the request ({})",
                        status.reference
                    ),
                )
            }
            Retry::NotApplicable | Retry::ServerDependent => continue,
        };
        let span = locate_sentence(cx, description, offending).unwrap_or(description.span);
        out.push(
            cx.diagnostic(&META, span, message)
                .with_code(entry.code)
                .with_help(help),
        );
    }
}

/// The span of a sentence of the description in the source, when it can be found
/// verbatim; otherwise the whole description.
pub(crate) fn locate_sentence(
    cx: &Context,
    description: &statusdoc_model::Cell,
    sentence: &str,
) -> Option<statusdoc_model::Span> {
    let source = cx.document.source.slice(description.span);
    let lower = source.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; only trust an ASCII match.
    if lower.len() != source.len() {
        return None;
    }
    let first_words: String = sentence
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let at = lower.find(&first_words)?;
    let end = lower[at..]
        .find(['.', '!', '?'])
        .map_or(lower.len(), |e| at + e + 1);
    Some(statusdoc_model::Span::new(
        description.span.start + at,
        description.span.start + end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditional_advice_is_not_a_prohibition() {
        assert!(forbids_repeat(
            "the client should not repeat the request without modifications"
        ));
        assert!(forbids_repeat("do not retry this request"));
        assert!(!forbids_repeat("client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed"));
        assert!(!forbids_repeat("you may repeat the request after a delay"));
        assert!(!forbids_repeat(
            "the client may repeat the request without modifications at any later time"
        ));
    }

    #[test]
    fn retry_invitations() {
        assert!(invites_unchanged_repeat(
            "the client may repeat the request later"
        ));
        assert!(!invites_unchanged_repeat(
            "the client should not repeat the request without modifications"
        ));
        assert!(!invites_unchanged_repeat("fix the payload and retry"));
        assert!(!invites_unchanged_repeat(
            "recheck the parameters to the service and resubmit"
        ));
        assert!(!invites_unchanged_repeat(
            "the server might close the connection or return an retry-after header field"
        ));
    }
}
