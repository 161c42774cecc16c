//! # duplicate-code (SD302)
//!
//! ## What it does
//! Flags a code documented twice in the same table or list of a page. Two entries that
//! say different things are an error (which one holds?); two identical entries are a
//! warning (redundant). Codes repeated in different tables, such as one table per
//! endpoint, are not flagged, and neither are rows of a table keyed by something else
//! (a vendor's error codes with an HTTP status column), where codes repeat by design,
//! or entries for one condition of a code ("200 - with an unsupported Content-Type")
//! or for one of the vendor's own sub-codes ("400 Bad Request, response code 14: …").
//! Entries written after a method ("GET 400 - Bad Request", "POST 400 - …") are each
//! that method's response.
//! In an operation's own list of responses, a code may answer several conditions
//! (API Blueprint's `+ Response 404` twice, each with its text): only a repeat with
//! the same text is flagged there.
//!
//! ## Why is this bad?
//! Readers stop at the first entry; tools keep the last. When the two differ, the page
//! contradicts itself.
//!
//! ## Example
//! ```markdown
//! | 404 | Not Found | The resource does not exist. |
//! | 404 | Not Found | The user is not a member of the group. |
//! ```
//! Use instead: one 404 entry that covers both cases.
//!
//! ## Fix safety
//! No fix.
//!
//! ## References
//! - RFC 9110, Section 15

use std::collections::HashMap;

use statusdoc_model::{Diagnostic, Rule, Severity};

use statusdoc_model::Listing;

use crate::text::normalize_for_comparison;
use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::DuplicateCode,
    id: Rule::DuplicateCode.id(),
    name: Rule::DuplicateCode.name(),
    category: Category::Structure,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/duplicate_code.md")),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(u16, &[String], usize), usize> = HashMap::new();
    let entries = &cx.document.entries;
    for (index, entry) in entries.iter().enumerate() {
        // A table keyed by a vendor's error codes repeats a status code by design.
        if entry.listing == Listing::Keyed
            || is_qualified(entry)
            || after_method(cx.document.source.text(), entry.code_span.start)
        {
            continue;
        }
        let key = (entry.code, entry.section.as_slice(), entry.block);
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, index);
            continue;
        };
        let other = &entries[first];
        let same = normalize_for_comparison(other.title_text())
            == normalize_for_comparison(entry.title_text())
            && normalize_for_comparison(other.description_text())
                == normalize_for_comparison(entry.description_text());
        // An operation may answer one code under several conditions (API Blueprint's
        // "+ Response 404" twice): only a copy with the same text is a defect there.
        if entry.listing == Listing::Operation && !same {
            continue;
        }
        let mut diagnostic = cx
            .diagnostic(
                &META,
                entry.code_span,
                if same {
                    format!("{} is documented again with the same text", entry.code)
                } else {
                    format!(
                        "{} is documented twice, and the two entries differ",
                        entry.code
                    )
                },
            )
            .with_code(entry.code)
            .with_label(
                &cx.document.source,
                other.code_span,
                "first documented here",
            )
            .with_help(if same {
                "remove the repeated entry"
            } else {
                "merge the two entries into one"
            });
        if same {
            diagnostic.severity = Severity::Warning;
        }
        out.push(diagnostic);
    }
}

/// "GET 400 - Bad Request", "DELETE 400 - Bad Request": each entry is one method's
/// response, so the same code for another method is no duplicate.
fn after_method(source: &str, code_start: usize) -> bool {
    let before = source.get(..code_start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS"
    )
}

/// "200 - with an unsupported Content-Type: …": an entry for one condition of a code,
/// so the same code under another condition is no duplicate.
fn is_qualified(entry: &statusdoc_model::Entry) -> bool {
    has_subcode(entry.description_text())
        || entry.title.is_none()
            && entry
                .description_text()
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "with"
                            | "when"
                            | "if"
                            | "for"
                            | "on"
                            | "after"
                            | "without"
                            | "while"
                            | "unless"
                    )
                })
}

/// "400 Bad Request, response code 14: …": an entry for one of the vendor's own codes
/// under the status, which the same status with another sub-code does not repeat.
fn has_subcode(description: &str) -> bool {
    let mut words = description
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '(' | ')' | '#'))
        .filter(|w| !w.is_empty());
    let first = words.next().map(str::to_lowercase);
    let first = match first.as_deref() {
        Some("error" | "response" | "reason" | "sub" | "internal") => {
            words.next().map(str::to_lowercase)
        }
        other => other.map(str::to_owned),
    };
    matches!(first.as_deref(), Some("code" | "subcode" | "sub-code"))
        && words.next().is_some_and(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                && w.chars().any(|c| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::after_method;

    #[test]
    fn a_subcode_qualifies_the_status() {
        use super::has_subcode;
        assert!(has_subcode(
            "response code 14: the user has exceeded their quota."
        ));
        assert!(has_subcode("(error code 1021) the token expired"));
        assert!(has_subcode("code E42: bad input"));
        assert!(!has_subcode("the response code is wrong"));
        assert!(!has_subcode("code that failed"));
    }

    #[test]
    fn a_code_after_a_method_is_that_methods_response() {
        let text = "<dt>GET 400 - Bad Request</dt><dt>POST 400 - Bad Request</dt> | 400 |";
        assert!(after_method(text, text.find("400").unwrap()));
        assert!(after_method(text, text.find("POST 400").unwrap() + 5));
        assert!(!after_method(text, text.rfind("400").unwrap()));
    }
}
