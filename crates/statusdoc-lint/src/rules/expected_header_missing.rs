//! # expected-header-missing (SD203)
//!
//! ## What it does
//! Notes an entry whose description never mentions the header field RFC 9110 pairs
//! with its code: `Location` for 201 and redirects, `Retry-After` for 429 and 503,
//! `Allow` for 405, `WWW-Authenticate` for 401, `Proxy-Authenticate` for 407,
//! `Content-Range` for 416, `Upgrade` for 426.
//!
//! This rule is opt-in (vendors often leave headers to another page): turn it on with
//! `expected-header-missing = "info"` (or `"warning"`) under `[rules]`.
//!
//! ## Why is this bad?
//! The header is how a client acts on the status: where the new resource is, when to
//! retry, which methods are allowed, how to authenticate.
//!
//! ## Example
//! ```markdown
//! | `429 Too Many Requests` | You are being rate limited. |
//! ```
//! Use instead:
//! ```markdown
//! | `429 Too Many Requests` | You are being rate limited. Retry after the number of seconds in the `Retry-After` header. |
//! ```
//!
//! ## Fix safety
//! No fix.
//!
//! ## References
//! - RFC 9110, Sections 10.2.2 (Location), 10.2.3 (Retry-After), 10.2.1 (Allow),
//!   11.6.1 (WWW-Authenticate)
//! - RFC 6585, Section 4 (429)

use statusdoc_model::{Diagnostic, Rule, Severity};

use crate::{Category, Context, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::ExpectedHeaderMissing,
    id: Rule::ExpectedHeaderMissing.id(),
    name: Rule::ExpectedHeaderMissing.name(),
    category: Category::Semantics,
    default_severity: Severity::Info,
    default_enabled: false,
    fixable: false,
    kind: RuleKind::Document,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/expected_header_missing.md"
    )),
    check_document: Some(check),
    check_corpus: None,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for entry in &cx.document.entries {
        let Some(status) = cx.registry.get(entry.code) else {
            continue;
        };
        let description = entry.description_text().to_lowercase();
        for header in &status.headers {
            let lower = header.to_lowercase();
            // "Retry-After", "Retry After", "RetryAfter" all count as mentions.
            let compact = lower.replace('-', "");
            if description.contains(&lower)
                || description.contains(&lower.replace('-', " "))
                || description.contains(&compact)
            {
                continue;
            }
            out.push(
                cx.diagnostic(
                    &META,
                    entry
                        .description
                        .as_ref()
                        .map_or(entry.code_span, |d| d.span),
                    format!("{} does not mention the {header} header", entry.code),
                )
                .with_code(entry.code)
                .with_help(format!(
                    "say what {header} carries in a {} response ({})",
                    entry.code, status.reference
                )),
            );
        }
    }
}
