//! # description-contradicts-code (SD202)
//!
//! ## What it does
//! Flags a description that says something its status code cannot mean:
//! - 403 described only as an unsupported operation ("The request operation isn't
//!   supported."): that is 405 or 501; 403 means the server refuses an understood
//!   request, typically for lack of permission;
//! - 204 said to return a body or content;
//! - a 2xx described as an error or failure (or with a 4xx/5xx reason phrase);
//! - a 4xx described as a success, or as a server-side condition (overload,
//!   maintenance), which is 503;
//! - a 5xx that blames the client's request (malformed, invalid input, a 4xx reason
//!   phrase), which is 4xx.
//!
//! Only clear statements are flagged: sentences are read as words, negated words and
//! conditional sentences ("if…", "otherwise…", "unless…") do not count, a description
//! that also says what the code does mean ("...isn't supported for your role") is left
//! alone, and so is an entry for one condition of a code ("200 - with an unsupported
//! Content-Type: this is an error").
//!
//! Measured on 760 labelled description sentences (`tests/fixtures/sentences/`):
//! precision 100%, recall 93% (`cargo test -p statusdoc-tests --test semantics`).
//!
//! Known limits: English is read word by word; a few Chinese, Japanese and Czech
//! failure words are recognised; statements inside a conditional sentence are never
//! flagged, even when the condition is beside the point.
//!
//! ## Why is this bad?
//! Integrators handle statuses by class and code. A 403 documented as "not supported"
//! sends them to check the endpoint instead of the credentials; a 5xx blaming the
//! client makes them change requests instead of retrying.
//!
//! ## Example
//! ```markdown
//! | `403 Forbidden` | The request operation isn't supported. |
//! ```
//! Use instead:
//! ```markdown
//! | `403 Forbidden` | You don't have permission to perform this operation. |
//! ```
//!
//! ## Fix safety
//! No fix: the description must be rewritten by someone who knows the service.
//!
//! ## References
//! - RFC 9110, Section 15.5.4 (403), 15.3.5 (204), 15.3 (2xx), 15.6 (5xx)

use statusdoc_model::{Diagnostic, Rule, Severity};

use super::retry_advice_contradicts_rfc::locate_sentence;
use statusdoc_reference::Registry;

use crate::semantics::{
    has_any, has_stem, is_conditional, is_negated_at, sentences, tokens, Token,
};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::DescriptionContradictsCode,
    id: Rule::DescriptionContradictsCode.id(),
    name: Rule::DescriptionContradictsCode.name(),
    category: Category::Semantics,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/description_contradicts_code.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

/// What a 403 description would say if it described 403.
const PERMISSION_WORDS: [&str; 21] = [
    "access",
    "allowed",
    "denied",
    "deny",
    "role",
    "roles",
    "scope",
    "scopes",
    "tier",
    "plan",
    "plans",
    "subscription",
    "key",
    "keys",
    "account",
    "accounts",
    "read-only",
    "policy",
    "policies",
    "rights",
    "owner",
];
const PERMISSION_STEMS: [&str; 10] = [
    "permi",
    "authori",
    "forbid",
    "privilege",
    "refus",
    "credential",
    "entitle",
    "upgrade",
    "licen",
    "restrict",
];

/// Words that blame the request (a client error), when said of a 5xx.
const CLIENT_FAULTS: [&str; 6] = [
    "malformed",
    "invalid",
    "validation",
    "validates",
    "syntax",
    "missing",
];
/// Words that place the fault beyond the server, where "invalid" is no client fault.
const BEYOND_SERVER: [&str; 20] = [
    "upstream",
    "gateway",
    "proxy",
    "backend",
    "response",
    "responses",
    "configuration",
    "config",
    "dependency",
    "third-party",
    "service",
    "server",
    "environment",
    "env",
    "variable",
    "variables",
    "setting",
    "settings",
    "secret",
    "secrets",
];
/// Words of failure, said of a 2xx.
const FAILURES: [&str; 6] = [
    "failed",
    "fails",
    "failure",
    "unsuccessful",
    "fail",
    "failing",
];
/// Failure in other languages.
const FOREIGN_FAILURES: [&str; 6] = ["错误", "失败", "无法找到", "chyb", "エラー", "falló"];

/// The words of every sentence that is not conditional ("Otherwise, … fails", "If …").
fn plain_sentences(description: &str) -> Vec<(String, Vec<Token>)> {
    sentences(description)
        .into_iter()
        .map(|s| {
            let t = tokens(&s);
            (s, t)
        })
        .filter(|(_, t)| !is_conditional(t) && !has_any(t, &["even", "unlike", "rather"]))
        .collect()
}

/// Whether some un-negated word of the sentence is one of `words`.
fn says(tokens: &[Token], words: &[&str]) -> bool {
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| words.contains(&t.word.as_str()) && !is_negated_at(tokens, i))
}

/// The verdict on one description for `code`: the offending sentence, the message and
/// the help, or `None`.
#[doc(hidden)]
pub fn contradiction(
    registry: &Registry,
    code: u16,
    description: &str,
) -> Option<(String, String, &'static str)> {
    if !may_contradict(registry, code, description) {
        return None;
    }
    // "with an unsupported Content-Type: this is an error": one condition of the code.
    let first = description
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if [
        "with", "when", "if", "for", "on", "after", "without", "unless",
    ]
    .contains(&first.as_str())
    {
        return None;
    }
    let whole = description.trim().trim_end_matches('.');
    // The description is another class's reason phrase ("Bad Request" on a 200).
    let phrase_codes = registry.codes_with_phrase(whole);
    let phrase_of_class = |class: u16| phrase_codes.iter().any(|c| c / 100 == class);
    let all_tokens = tokens(description);
    let plain = plain_sentences(description);
    match code {
        403 => {
            // "not supported for pre-defined networks" is a restriction in a context.
            let (unsupported, _) = plain.iter().find(|(_, t)| {
                t.iter().enumerate().any(|(i, w)| {
                    let said = w.word == "unsupported"
                        || w.word == "supported" && i > 0 && t[i - 1].word == "not";
                    let qualified = t.get(i + 1).is_some_and(|n| {
                        matches!(
                            n.word.as_str(),
                            "for" | "in" | "on" | "by" | "with" | "under"
                        )
                    });
                    said && !qualified
                })
            })?;
            if has_any(&all_tokens, &PERMISSION_WORDS) || has_stem(&all_tokens, &PERMISSION_STEMS) {
                return None;
            }
            Some((
                unsupported.clone(),
                "403 is described as an unsupported operation, but 403 means the server refuses an understood request".into(),
                "describe why access is refused (permissions, policy); an unsupported method is 405, unsupported functionality 501",
            ))
        }
        204 => {
            let (body, _) = plain.iter().find(|(_, t)| {
                let content = t.iter().enumerate().any(|(i, w)| {
                    ["body", "content", "entity", "resource", "user", "payload"]
                        .contains(&w.word.as_str())
                        && !is_negated_at(t, i)
                });
                let returns = has_stem(t, &["return", "contain", "includ", "sent", "send"]);
                content && returns && !has_any(t, &["no", "not", "empty", "without", "nothing"])
            })?;
            Some((
                body.clone(),
                "204 is said to return content, but a 204 response has no body".into(),
                "say that the response has no body, or document 200 instead (RFC 9110, Section 15.3.5)",
            ))
        }
        200..=299 => {
            // 207 reports per-item results, failures included.
            if code == 207 {
                return None;
            }
            if phrase_of_class(4) || phrase_of_class(5) {
                return Some((
                    whole.to_owned(),
                    format!("{code} is a success code but is described as an error"),
                    "describe the success; an error needs a 4xx or 5xx code",
                ));
            }
            let (error, _) = plain.iter().find(|(s, t)| {
                says(t, &FAILURES)
                    || t.windows(2).any(|w| {
                        matches!(
                            w[0].word.as_str(),
                            "an" | "unexpected" | "general" | "internal"
                        ) && w[1].word == "error"
                    })
                    || has_phrase_words(t, &["error", "occurred"])
                    || has_phrase_words(t, &["not", "understand"])
                    || FOREIGN_FAILURES.iter().any(|f| s.contains(f))
            })?;
            Some((
                error.clone(),
                format!("{code} is a success code but is described as an error"),
                "describe the success; an error needs a 4xx or 5xx code",
            ))
        }
        400..=499 => {
            // A failure described as a success.
            let success = (phrase_of_class(2)
                || ["success", "successful", "succeeded"].contains(&whole.to_lowercase().as_str()))
                && whole.split_whitespace().count() <= 3
                || plain.iter().any(|(_, t)| {
                    t.iter().enumerate().any(|(i, w)| {
                        matches!(w.word.as_str(), "successfully" | "succeeded")
                            && !is_negated_at(t, i)
                    })
                });
            if success {
                return Some((
                    whole.to_owned(),
                    format!("{code} is a client error but is described as a success"),
                    "describe what is wrong with the request; a success is a 2xx code",
                ));
            }
            // A server-side condition (overload, maintenance) on a client error. Codes
            // about load or timing (408, 425, 429) may well say so.
            if matches!(code, 408 | 423 | 425 | 429) {
                return None;
            }
            let (outage, _) = plain.iter().find(|(_, t)| {
                says(t, &["overloaded", "maintenance", "offline"])
                    || has_any(t, &["server", "service", "backend", "system"])
                        && says(t, &["busy", "unavailable"])
            })?;
            Some((
                outage.clone(),
                format!("{code} is a client error but the description reports a server-side condition"),
                "a temporary server condition is a 5xx code (503); describe what is wrong with the request",
            ))
        }
        500..=599 => {
            if phrase_of_class(4) {
                return Some((
                    whole.to_owned(),
                    format!(
                        "{code} is a server error but the description blames the client's request"
                    ),
                    "a problem with the request is a 4xx code; describe the server-side condition",
                ));
            }
            let (blame, _) = plain.iter().find(|(s, t)| {
                // "Invalid request to Stripe": the server's own call to a third party.
                let outbound =
                    has_phrase_words(t, &["request", "to"]) || has_phrase_words(t, &["call", "to"]);
                let faults = says(t, &CLIENT_FAULTS) && !has_any(t, &BEYOND_SERVER) && !outbound;
                faults
                    || has_phrase_words(t, &["bad", "request"])
                    || has_phrase_words(t, &["client", "error"])
                    || has_phrase_words(t, &["your", "request"])
                        && has_any(t, &["problem", "wrong", "error"])
                    || has_phrase_words(t, &["understand", "the", "request"])
                    || has_phrase_words(t, &["not", "found"]) && !has_any(t, &BEYOND_SERVER)
                    || s.contains("不能理解")
            })?;
            Some((
                blame.clone(),
                format!("{code} is a server error but the description blames the client's request"),
                "a problem with the request is a 4xx code; describe the server-side condition",
            ))
        }
        _ => None,
    }
}

/// A cheap test on the raw text: whether the description holds any word the checks
/// for its code look for, so that most descriptions are never read word by word.
fn may_contradict(registry: &Registry, code: u16, description: &str) -> bool {
    let lower = description.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let another_class_phrase = || {
        let whole = description.trim().trim_end_matches('.');
        whole.split_whitespace().count() <= 6 && !registry.codes_with_phrase(whole).is_empty()
    };
    match code {
        403 => any(&["support"]),
        204 => any(&["body", "content", "entity", "resource", "user", "payload"]),
        200..=299 => {
            any(&["fail", "error", "unsuccess", "understand"])
                || FOREIGN_FAILURES.iter().any(|f| lower.contains(f))
                || another_class_phrase()
        }
        400..=499 => {
            any(&[
                "success",
                "succeed",
                "overload",
                "maintenance",
                "offline",
                "busy",
                "unavailable",
            ]) || another_class_phrase()
        }
        500..=599 => {
            any(&[
                "malformed",
                "invalid",
                "validat",
                "syntax",
                "missing",
                "bad",
                "client",
                "your",
                "understand",
                "not found",
                "不能理解",
            ]) || another_class_phrase()
        }
        _ => false,
    }
}

fn has_phrase_words(tokens: &[Token], words: &[&str]) -> bool {
    tokens
        .windows(words.len())
        .any(|w| w.iter().zip(words).all(|(t, p)| t.word == *p))
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(description) = &entry.description else {
            continue;
        };
        if cx.registry.get(entry.code).is_none() {
            continue;
        }
        let Some((sentence, message, help)) =
            contradiction(cx.registry, entry.code, &description.text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clear_contradictions() {
        let r = Registry::bundled();
        assert!(contradiction(r, 403, "The request operation isn't supported.").is_some());
        assert!(contradiction(r, 403, "The operation isn't supported for your role.").is_none());
        assert!(contradiction(
            r,
            403,
            "Access was forbidden during an operation on a resource."
        )
        .is_none());
        assert!(contradiction(
            r,
            204,
            "Operation succeeded and there's no content to send in the response body."
        )
        .is_none());
        assert!(
            contradiction(r, 204, "The response body contains the updated resource.").is_some()
        );
        assert!(contradiction(r, 200, "The request failed.").is_some());
        assert!(contradiction(r, 200, "The request was successfully completed.").is_none());
        assert!(contradiction(r, 500, "The request was malformed.").is_some());
        assert!(contradiction(
            r,
            502,
            "The server received an invalid response from the upstream server."
        )
        .is_none());
        // The reproductions from the rule review.
        assert!(contradiction(
            r,
            403,
            "The operation isn't supported. See the explanation below."
        )
        .is_some());
        assert!(contradiction(r, 200, "The error list is returned.").is_none());
        assert!(contradiction(r, 503, "The request was malformed.").is_some());
    }
}
