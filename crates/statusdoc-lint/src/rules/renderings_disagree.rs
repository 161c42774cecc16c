//! # renderings-disagree (SD401)
//!
//! ## What it does
//! Compares pages that are renderings of one document — the same `document` in
//! `sources/manifest.toml`, the same canonical URL, or the same `page_id` in front
//! matter — entry by entry: a code present in one and not the other, a different title,
//! or a different description. Whitespace, typographic quotes and dashes, and markup
//! are normalised first, so "resource’s" and "resource's" agree.
//!
//! Findings are reported on each later page in the group, against the first one.
//!
//! ## Why is this bad?
//! The HTML page, the Markdown source and the PDF export of one document are read by
//! different people; when they disagree, at least one of them is wrong, and nobody
//! can tell which.
//!
//! ## Example
//! `http-status-codes.txt` says `412 Precondition Failed: The resource’s current
//! version does not match` while `http-status-codes.md` lacks the 412 entry.
//! Use instead: regenerate both renderings from one source.
//!
//! ## Fix safety
//! No fix.

use std::collections::BTreeMap;

use statusdoc_model::{Diagnostic, Document, Entry, Rule, Severity, Span};
use statusdoc_reference::Registry;

use crate::text::normalize_for_comparison;
use crate::{Category, Config, Context, Page, RuleKind, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    rule: Rule::RenderingsDisagree,
    id: Rule::RenderingsDisagree.id(),
    name: Rule::RenderingsDisagree.name(),
    category: Category::CrossPage,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Corpus,
    doc: include_str!(concat!(
        env!("OUT_DIR"),
        "/rule_docs/renderings_disagree.md"
    )),
    check_document: None,
    check_corpus: Some(check),
};

/// The key under which renderings of one document are grouped.
fn document_key(page: &Page) -> Option<String> {
    if let Some(key) = page.same_document {
        return Some(format!("document:{key}"));
    }
    let metadata = &page.document.metadata;
    ["page_id", "canonical_url", "canonical"]
        .iter()
        .find_map(|k| metadata.get(*k))
        .map(|v| format!("document:{}", v.trim_end_matches('/')))
}

fn check(pages: &[Page], registry: &Registry, config: &Config, out: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
    for page in pages {
        if let Some(key) = document_key(page) {
            groups.entry(key).or_default().push(page);
        }
    }
    for group in groups.values().filter(|g| g.len() > 1) {
        let baseline = group[0].document;
        for page in &group[1..] {
            if config.is_enabled(&META, page.document.path()) {
                compare(baseline, page.document, registry, config, out);
            }
        }
    }
}

fn compare(
    baseline: &Document,
    page: &Document,
    registry: &Registry,
    config: &Config,
    out: &mut Vec<Diagnostic>,
) {
    let cx = Context::new(page, registry, config);
    let there = baseline.path();
    for (index, entry) in page.entries.iter().enumerate() {
        // A code the page repeats is SD302's finding; compare its first entry only.
        if page.entries[..index].iter().any(|e| e.code == entry.code) {
            continue;
        }
        let Some(other) = find(baseline, entry.code) else {
            out.push(
                cx.diagnostic(
                    &META,
                    entry.code_span,
                    format!("{} is documented here but not in {there}", entry.code),
                )
                .with_code(entry.code)
                .with_help("add the entry to the other rendering, or remove it here"),
            );
            continue;
        };
        // A rendering without titles (reStructuredText substitutions such as
        // `|status-200|` defined elsewhere) has nothing to disagree with.
        let same_title = entry.title.is_none()
            || other.title.is_none()
            || normalize_for_comparison(entry.title_text())
                == normalize_for_comparison(other.title_text());
        if !same_title {
            let span = entry.title.as_ref().map_or(entry.code_span, |t| t.span);
            out.push(
                cx.diagnostic(
                    &META,
                    span,
                    format!(
                        "{} is titled \"{}\" here but \"{}\" in {there}",
                        entry.code,
                        entry.title_text(),
                        other.title_text()
                    ),
                )
                .with_code(entry.code)
                .with_label(
                    &baseline.source,
                    other.title.as_ref().map_or(other.code_span, |t| t.span),
                    "the other rendering",
                )
                .with_help("make the two renderings agree"),
            );
        }
        let (mine, theirs) = (
            normalize_for_comparison(entry.description_text()),
            normalize_for_comparison(other.description_text()),
        );
        if mine != theirs {
            let span = entry
                .description
                .as_ref()
                .map_or(entry.code_span, |d| d.span);
            out.push(
                cx.diagnostic(
                    &META,
                    span,
                    format!(
                        "{}'s description differs from {there}: {}",
                        entry.code,
                        first_difference(&mine, &theirs)
                    ),
                )
                .with_code(entry.code)
                .with_label(
                    &baseline.source,
                    other
                        .description
                        .as_ref()
                        .map_or(other.code_span, |d| d.span),
                    "the other rendering",
                )
                .with_help("make the two renderings agree"),
            );
        }
    }
    for other in &baseline.entries {
        if find(page, other.code).is_some() {
            continue;
        }
        let next = page
            .entries
            .iter()
            .filter(|e| e.code > other.code)
            .min_by_key(|e| e.code);
        let span = next.map_or(Span::empty(page.source.text().len()), |e| e.code_span);
        out.push(
            cx.diagnostic(
                &META,
                span,
                format!("{} is documented in {there} but not here", other.code),
            )
            .with_code(other.code)
            .with_label(&baseline.source, other.code_span, "documented here")
            .with_help("add the entry here, or remove it from the other rendering"),
        );
    }
}

fn find(document: &Document, code: u16) -> Option<&Entry> {
    document.entries.iter().find(|e| e.code == code)
}

/// "here \"…x…\", there \"…y…\"": the first differing words with a little context.
fn first_difference(mine: &str, theirs: &str) -> String {
    let a: Vec<&str> = mine.split(' ').collect();
    let b: Vec<&str> = theirs.split(' ').collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let excerpt = |words: &[&str]| {
        let from = common.saturating_sub(2);
        let to = (common + 4).min(words.len());
        let mut text = words.get(from..to).map(|w| w.join(" ")).unwrap_or_default();
        if from > 0 {
            text.insert(0, '…');
        }
        if to < words.len() {
            text.push('…');
        }
        if text.is_empty() {
            "(nothing)".to_owned()
        } else {
            format!("\"{text}\"")
        }
    };
    format!("here {}, there {}", excerpt(&a), excerpt(&b))
}
