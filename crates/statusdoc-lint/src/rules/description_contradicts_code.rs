//! # description-contradicts-code (SD202)
//!
//! ## What it does
//! Flags a description that says something its status code cannot mean:
//! - 403 described only as an unsupported operation ("The request operation isn't
//!   supported."): that is 405 or 501; 403 means the server refuses an understood
//!   request, typically for lack of permission;
//! - 204 said to return a body or content;
//! - a 2xx described as an error or failure;
//! - a 5xx that blames the client's request (malformed, invalid input), which is 4xx.
//!
//! Only clear statements are flagged; a description that also says what the code does
//! mean ("...isn't supported for your role") is left alone.
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

use statusdoc_model::{Diagnostic, Severity};

use super::retry_advice_contradicts_rfc::locate_sentence;
use crate::text::{has_word, is_negated, sentences};
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    id: "SD202",
    name: "description-contradicts-code",
    category: Category::Semantics,
    default_severity: Severity::Warning,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    source: include_str!("description_contradicts_code.rs"),
    check_document: Some(check),
    check_corpus: None,
};

/// What a 403 description would say if it described 403.
const PERMISSION_WORDS: [&str; 20] = [
    "permission",
    "authoriz",
    "forbidden",
    "access",
    "allowed",
    "denied",
    "privilege",
    "refus",
    "role",
    "credential",
    "scope",
    "entitle",
    "tier",
    "plan",
    "subscription",
    "key",
    "account",
    "upgrade",
    "licen",
    "read-only",
];

fn contradiction(code: u16, description: &str) -> Option<(String, String, &'static str)> {
    let all = description.to_lowercase();
    let sentences = sentences(description);
    match code {
        403 => {
            let unsupported = sentences.iter().find(|s| {
                s.contains("not supported")
                    || s.contains("isn't supported")
                    || s.contains("unsupported")
            })?;
            if PERMISSION_WORDS.iter().any(|w| all.contains(w)) {
                return None;
            }
            Some((
                unsupported.clone(),
                "403 is described as an unsupported operation, but 403 means the server refuses an understood request".into(),
                "describe why access is refused (permissions, policy); an unsupported method is 405, unsupported functionality 501",
            ))
        }
        204 => {
            let body = sentences.iter().find(|s| {
                (has_word(s, "body") || has_word(s, "content") || s.contains("returns the"))
                    && (s.contains("return") || s.contains("contain") || s.contains("include"))
                    && !is_negated(s)
                    && !s.contains("empty")
            })?;
            Some((
                body.clone(),
                "204 is said to return content, but a 204 response has no body".into(),
                "say that the response has no body, or document 200 instead (RFC 9110, Section 15.3.5)",
            ))
        }
        200..=299 => {
            // 207 reports per-item results, failures included; "instead of an error" is
            // no error.
            if code == 207 {
                return None;
            }
            let error = sentences.iter().find(|s| {
                (has_word(s, "error")
                    || has_word(s, "failed")
                    || has_word(s, "failure")
                    || has_word(s, "fails"))
                    && !is_negated(s)
                    && !s.contains("error-free")
                    && !s.contains("instead of")
            })?;
            Some((
                error.clone(),
                format!("{code} is a success code but is described as an error"),
                "describe the success; an error needs a 4xx or 5xx code",
            ))
        }
        500..=599 => {
            if ["upstream", "gateway", "proxy", "backend", "server"]
                .iter()
                .any(|w| all.contains(w))
            {
                return None;
            }
            let blame = sentences.iter().find(|s| {
                !is_negated(s)
                    && !s.contains("unlike")
                    && (s.contains("malformed")
                        || s.contains("request was invalid")
                        || s.contains("bad syntax")
                        || s.contains("invalid request")
                        || s.contains("request is invalid")
                        || s.contains("client error")
                        || s.contains("invalid input"))
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

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(description) = &entry.description else {
            continue;
        };
        if cx.registry.get(entry.code).is_none() {
            continue;
        }
        let Some((sentence, message, help)) = contradiction(entry.code, &description.text) else {
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
        assert!(contradiction(403, "The request operation isn't supported.").is_some());
        assert!(contradiction(403, "The operation isn't supported for your role.").is_none());
        assert!(contradiction(
            403,
            "Access was forbidden during an operation on a resource."
        )
        .is_none());
        assert!(contradiction(
            204,
            "Operation succeeded and there's no content to send in the response body."
        )
        .is_none());
        assert!(contradiction(204, "The response body contains the updated resource.").is_some());
        assert!(contradiction(200, "The request failed.").is_some());
        assert!(contradiction(200, "The request was successfully completed.").is_none());
        assert!(contradiction(500, "The request was malformed.").is_some());
        assert!(contradiction(
            502,
            "The server received an invalid response from the upstream server."
        )
        .is_none());
    }
}
