//! # vendor-drift (SD402)
//!
//! ## What it does
//! Notes a code that two pages of the same vendor title differently, when at least one
//! of the titles is not the registered phrase — for example one page of a vendor
//! calling 415 "Not Acceptable" and another "Unsupported Media Type". Reported on the
//! page with the non-standard title, against the other page.
//!
//! This rule is opt-in: turn it on with `vendor-drift = "info"` (or `"warning"`) under
//! `[rules]`.
//!
//! ## Why is this bad?
//! A vendor's products share clients and SDKs; pages that drift apart show that one of
//! them was fixed and the others were not.
//!
//! ## Example
//! `oracle-cloud-rest/status-codes.txt` titles 415 "Not Acceptable" while
//! `oracle-cpq/rest-status-codes.md` titles it "Unsupported Media Type".
//! Use instead: fix the drifted page.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Diagnostic, Rule, Severity};
use statusdoc_reference::{phrase_key, PhraseMatch, Registry};

use crate::{Category, Config, Context, Page, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::VendorDrift,
    id: Rule::VendorDrift.id(),
    name: Rule::VendorDrift.name(),
    category: Category::CrossPage,
    default_severity: Severity::Info,
    default_enabled: false,
    fixable: false,
    kind: RuleKind::Corpus,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/vendor_drift.md")),
    check_document: None,
    check_corpus: Some(check),
};

fn check(pages: &[Page], registry: &Registry, config: &Config, out: &mut Vec<Diagnostic>) {
    for (i, page) in pages.iter().enumerate() {
        let Some(vendor) = page.vendor else { continue };
        if !config.is_enabled(&META, page.document.path()) {
            continue;
        }
        let cx = Context::new(page.document, registry, config);
        for entry in &page.document.entries {
            let Some(title) = &entry.title else { continue };
            if registry.match_phrase(entry.code, &title.text) == PhraseMatch::Exact {
                continue;
            }
            // The first other page of the vendor with a different title for the code.
            let other = pages
                .iter()
                .enumerate()
                .filter(|(j, p)| {
                    *j != i
                        && p.vendor == Some(vendor)
                        && p.same_document
                            .is_none_or(|d| page.same_document != Some(d))
                })
                .find_map(|(_, p)| {
                    p.document
                        .entries
                        .iter()
                        .find(|e| {
                            e.code == entry.code
                                && e.title
                                    .as_ref()
                                    .is_some_and(|t| phrase_key(&t.text) != phrase_key(&title.text))
                        })
                        .map(|e| (p, e))
                });
            let Some((other_page, other_entry)) = other else {
                continue;
            };
            let other_title = other_entry.title_text();
            out.push(
                cx.diagnostic(
                    &META,
                    title.span,
                    format!(
                        "{vendor} titles {} \"{}\" here but \"{other_title}\" in {}",
                        entry.code,
                        title.text,
                        other_page.document.path()
                    ),
                )
                .with_code(entry.code)
                .with_label(
                    &other_page.document.source,
                    other_entry
                        .title
                        .as_ref()
                        .map_or(other_entry.code_span, |t| t.span),
                    "the other page",
                )
                .with_help("align the vendor's pages on the registered phrase"),
            );
        }
    }
}
