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
//! not flagged, nor is "do not retry" in a description that says when to come back
//! (Retry-After, backoff, a delay). Sentences are read as words, with the scope of
//! negations ("should not repeat") and of words of change ("without modifications" is
//! no change). A 401 or 407 "retry" means with credentials: only "the same request"
//! is flagged there. 502 and 504 have no retry semantics in RFC 9110 and are not
//! checked.
//!
//! Measured on 760 labelled description sentences (`tests/fixtures/sentences/`):
//! precision 100%, recall 97% (`cargo test -p statusdoc-tests --test semantics`).
//!
//! Known limits: only English advice is read word by word (a few common Chinese,
//! Japanese, Spanish, Portuguese and German prohibitions are recognised as phrases);
//! advice spread over two sentences ("Do not retry. Wait for the Retry-After time.")
//! is taken as conditional.
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

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::Retry;

use crate::semantics::{
    has_any, has_stem, is_conditional, is_negated_at, sentences, tokens, Token,
};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::RetryAdviceContradictsRfc,
    id: Rule::RetryAdviceContradictsRfc.id(),
    name: Rule::RetryAdviceContradictsRfc.name(),
    category: Category::Semantics,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/retry_advice_contradicts_rfc.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

/// Whether a word is a verb of repeating a request.
fn is_retry_word(word: &str) -> bool {
    matches!(
        word,
        "retry"
            | "re-try"
            | "retries"
            | "retried"
            | "retrying"
            | "repeat"
            | "repeats"
            | "repeated"
            | "repeating"
            | "resend"
            | "re-send"
            | "resending"
            | "resubmit"
            | "re-submit"
            | "resubmitted"
            | "resubmitting"
            | "reattempt"
            | "re-attempt"
            | "reissue"
            | "re-issue"
            | "reinitiate"
            | "re-initiate"
            | "re-initiating"
            | "reinitiating"
    )
}

/// Where the sentence speaks of repeating the request: retry verbs and "try again".
fn retry_positions(tokens: &[Token]) -> Vec<usize> {
    let mut at: Vec<usize> = (0..tokens.len())
        .filter(|&i| is_retry_word(&tokens[i].word))
        .collect();
    at.extend(
        tokens
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[0].word == "try" && w[1].word == "again")
            .map(|(i, _)| i),
    );
    at
}

/// Prohibitions written in other languages ("不要重试", "no reintente").
const FOREIGN_PROHIBITIONS: [&str; 12] = [
    "不要重试",
    "请勿重试",
    "勿重试",
    "不要重复",
    "不应重复",
    "再試行しないで",
    "リトライしないで",
    "no reintente",
    "no vuelva a intentar",
    "não tente novamente",
    "não repita",
    "nicht wiederholen",
];

/// "should not repeat the request", "do not retry", "modify the request instead of
/// re-initiating it": an unconditional no. ("may repeat the request without
/// modifications" is a yes: "without" is no negation here; "do not retry until the
/// Retry-After time has passed" is conditional.)
#[doc(hidden)]
pub fn forbids_repeat(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    if FOREIGN_PROHIBITIONS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let tokens = tokens(sentence);
    let retries = retry_positions(&tokens);
    let instead = retries
        .iter()
        .any(|&i| i >= 2 && tokens[i - 2].word == "instead" && tokens[i - 1].word == "of");
    if instead {
        return true;
    }
    retries.iter().any(|&i| is_negated_at(&tokens, i))
        && !is_conditional(&tokens)
        && !mentions_waiting(&tokens)
}

/// "Retry-After", "backoff", "later", "pause", "delay": a "do not retry" beside these is
/// about retrying at once, which RFC 9110 does not ask for either.
fn mentions_waiting(tokens: &[Token]) -> bool {
    has_stem(
        tokens,
        &[
            "retry-after",
            "retryafter",
            "backoff",
            "back-off",
            "later",
            "paus",
            "delay",
            "wait",
        ],
    ) || tokens
        .windows(2)
        .any(|w| w[0].word == "retry" && w[1].word == "after")
}

/// Words that say the repeated request is a different one.
const CHANGES: [&str; 11] = [
    "valid",
    "correct",
    "corrected",
    "correctly",
    "new",
    "different",
    "proper",
    "appropriate",
    "suitable",
    "retry-after",
    "required",
];
const CHANGE_STEMS: [&str; 24] = [
    "modif",
    "fix",
    "chang",
    "adjust",
    "updat",
    "reduc",
    "smaller",
    "refresh",
    "remov",
    "resolv",
    "check",
    "recheck",
    "verif",
    "ensur",
    "split",
    "provid",
    "suppl",
    "obtain",
    "renew",
    "authent",
    "re-authent",
    "grant",
    "fewer",
    "shorter",
];
/// Conditions that make a retry invitation depend on something happening first.
const INVITATION_CONDITIONS: [&str; 10] = [
    "until",
    "unless",
    "after",
    "once",
    "if",
    "when",
    "whenever",
    "otherwise",
    "instead",
    "before",
];

/// "may repeat the request", "try again later", "retry with the same payload":
/// repeating unchanged, without a negation, a change or a condition.
#[doc(hidden)]
pub fn invites_unchanged_repeat(sentence: &str) -> bool {
    let tokens = tokens(sentence);
    let retries = retry_positions(&tokens);
    !retries.is_empty()
        && retries.iter().all(|&i| !is_negated_at(&tokens, i))
        && !has_any(&tokens, &INVITATION_CONDITIONS)
        && !says_change(&tokens)
}

/// A word of change that is not itself denied ("without modifications" is none).
fn says_change(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let change = CHANGES.contains(&t.word.as_str())
            || CHANGE_STEMS.iter().any(|s| t.word.starts_with(s))
            || [
                "add",
                "adds",
                "adding",
                "include",
                "includes",
                "including",
                "sign",
                "log",
                "login",
            ]
            .contains(&t.word.as_str());
        let denied = tokens[..i]
            .iter()
            .rev()
            .take(2)
            .any(|p| matches!(p.word.as_str(), "without" | "no" | "any"));
        change && !denied
    })
}

/// Whether a sentence asks for the very same request again ("with the same payload",
/// "unchanged").
fn says_unchanged(sentence: &str) -> bool {
    has_any(
        &tokens(sentence),
        &["same", "unchanged", "identical", "as-is"],
    )
}

/// The verdict on one description for `code`: the offending sentence, the message and
/// the help, or `None`.
#[doc(hidden)]
pub fn verdict(
    registry: &statusdoc_reference::Registry,
    code: u16,
    description: &str,
) -> Option<(String, String, String)> {
    let status = registry.get(code)?;
    if matches!(status.retry, Retry::NotApplicable | Retry::ServerDependent) {
        return None;
    }
    // Most descriptions say nothing of repeating: skip reading them word by word.
    let lower = description.to_lowercase();
    let mentions = [
        "retr",
        "repeat",
        "resen",
        "re-sen",
        "resubmit",
        "re-submit",
        "try again",
        "attempt",
        "reissue",
        "re-issue",
        "initiat",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || FOREIGN_PROHIBITIONS.iter().any(|p| lower.contains(p));
    if !mentions {
        return None;
    }
    let sentences = sentences(description);
    match status.retry {
        Retry::MayRetry | Retry::AfterDelay => {
            // "No retry; the job pauses 60 s": the description says when to come back.
            if mentions_waiting(&tokens(description)) {
                return None;
            }
            let sentence = sentences.iter().find(|s| forbids_repeat(s))?;
            let after = if status.honours_retry_after() {
                ", after the delay given in Retry-After"
            } else {
                ""
            };
            Some((
                sentence.clone(),
                format!(
                    "{code} tells clients not to repeat the request, but {code} is temporary and the request may be repeated"
                ),
                format!("say that the client may retry{after} ({})", status.reference),
            ))
        }
        Retry::NotWithoutModification => {
            // A challenge for credentials (401, 407) is answered by repeating the
            // request with them: only an explicit "the same request" contradicts it.
            let challenge = matches!(code, 401 | 407);
            let sentence = sentences
                .iter()
                .find(|s| invites_unchanged_repeat(s) && (!challenge || says_unchanged(s)))?;
            Some((
                sentence.clone(),
                format!("{code} tells clients to repeat the request, but an unchanged request fails again"),
                format!(
                    "say what the client must change before it repeats the request ({})",
                    status.reference
                ),
            ))
        }
        Retry::NotApplicable | Retry::ServerDependent => None,
    }
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(description) = &entry.description else {
            continue;
        };
        let Some((sentence, message, help)) = verdict(cx.registry, entry.code, &description.text)
        else {
            continue;
        };
        let span = locate_sentence(cx, description, &sentence).unwrap_or(description.span);
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
    let sentence = sentence.to_lowercase();
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
        // The reproductions from the rule review.
        assert!(invites_unchanged_repeat(
            "Retry the request with the same payload."
        ));
        assert!(forbids_repeat("Do not retry."));
        assert!(!forbids_repeat(
            "Do not retry before the time in Retry-After has passed."
        ));
    }
}
