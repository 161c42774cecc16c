//! statusdoc's rules.
//!
//! A rule sees only the normalized model ([`statusdoc_model::Document`]) and the
//! reference [`Registry`]: never a format. Each rule lives in its own file under
//! `rules/`, and the file's `//!` comment is the rule's user documentation, printed by
//! `statusdoc explain RULE`.
//!
//! Pages are linted independently (in parallel), then the rules that compare pages run
//! over the whole set.

mod config;
mod context;
mod registry;
pub mod rules;
mod semantics;
mod summary;
mod text;

use rayon::prelude::*;
use statusdoc_model::{Diagnostic, Document, Severity, SuppressionScope};
use statusdoc_reference::Registry;

pub use config::{Config, ConfigError, RuleSetting};
pub use context::Context;
pub use registry::{all_rules, find_rule, Category, RuleKind, RuleMeta};
pub use summary::{vendor_summary, CodeVariants, TitleVariant};
pub use text::normalize_for_comparison;

/// A page with what the manifest says about it.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub document: &'a Document,
    /// The manifest id, when the page comes from a manifest.
    pub id: Option<&'a str>,
    pub vendor: Option<&'a str>,
    /// Pages with the same value are renderings of one document.
    pub same_document: Option<&'a str>,
    /// The configuration for this page (the nearest `statusdoc.toml`), when it is not
    /// the one given to [`lint`].
    pub config: Option<&'a Config>,
}

impl<'a> Page<'a> {
    pub fn new(document: &'a Document) -> Self {
        Page {
            document,
            id: None,
            vendor: None,
            same_document: None,
            config: None,
        }
    }
}

/// Lints every page (in parallel), then compares pages, and returns the findings
/// sorted by path, line, column and rule, with reader notes included.
pub fn lint(pages: &[Page], registry: &Registry, config: &Config) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = pages
        .par_iter()
        .flat_map_iter(|page| lint_page_raw(page.document, registry, page.config.unwrap_or(config)))
        .collect();
    // Cross-page findings obey the configuration of the page they are reported on.
    let config_of: std::collections::HashMap<&str, &Config> = pages
        .iter()
        .filter_map(|p| Some((p.document.path(), p.config?)))
        .collect();
    for rule in all_rules().iter().filter(|r| r.kind == RuleKind::Corpus) {
        if let Some(run) = rule.check_corpus {
            let mut found = Vec::new();
            run(pages, registry, config, &mut found);
            diagnostics.extend(found.into_iter().filter_map(|d| {
                config_of
                    .get(d.path.as_str())
                    .copied()
                    .unwrap_or(config)
                    .apply(d)
            }));
        }
    }
    // Cross-page findings obey the suppressions of the page they are reported on.
    let mut diagnostics = apply_suppressions(pages, diagnostics, config);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    diagnostics
}

/// Lints one page on its own (no cross-page rules).
pub fn lint_document(document: &Document, registry: &Registry, config: &Config) -> Vec<Diagnostic> {
    lint(&[Page::new(document)], registry, config)
}

fn lint_page_raw(document: &Document, registry: &Registry, config: &Config) -> Vec<Diagnostic> {
    let context = Context::new(document, registry, config);
    let mut found: Vec<Diagnostic> = document.notes.clone();
    for rule in all_rules() {
        if rule.kind != RuleKind::Document || !config.is_enabled(rule, document.path()) {
            continue;
        }
        if let Some(check) = rule.check_document {
            check(&context, &mut found);
        }
    }
    // Where the reader is unsure of positions, an edit may land on other text.
    if document.approximate_positions {
        for fix in found.iter_mut().filter_map(|d| d.fix.as_mut()) {
            fix.safe = false;
        }
    }
    found.into_iter().filter_map(|d| config.apply(d)).collect()
}

/// Drops findings that an inline comment suppresses, and reports comments that
/// suppress nothing (SD010).
fn apply_suppressions(
    pages: &[Page],
    diagnostics: Vec<Diagnostic>,
    config: &Config,
) -> Vec<Diagnostic> {
    let mut used: Vec<Vec<bool>> = pages
        .iter()
        .map(|p| vec![false; p.document.suppressions.len()])
        .collect();
    let mut kept = Vec::with_capacity(diagnostics.len());
    // Pages by path, so that matching is linear in findings (not findings × pages).
    let mut by_path: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        if !page.document.suppressions.is_empty() {
            by_path.entry(page.document.path()).or_default().push(p);
        }
    }
    'diagnostics: for diagnostic in diagnostics {
        for &p in by_path
            .get(diagnostic.path.as_str())
            .map_or(&[][..], Vec::as_slice)
        {
            let page = &pages[p];
            for (s, suppression) in page.document.suppressions.iter().enumerate() {
                let scope_matches = match suppression.scope {
                    SuppressionScope::File => true,
                    SuppressionScope::Line(line) => line == diagnostic.line,
                    SuppressionScope::Lines(first, last) => {
                        (first..=last).contains(&diagnostic.line)
                    }
                };
                let rule_matches = suppression.rules.is_empty()
                    || suppression
                        .rules
                        .iter()
                        .any(|r| r == diagnostic.rule || r == diagnostic.name);
                if scope_matches
                    && rule_matches
                    && diagnostic.rule != rules::unused_suppression::META.id
                {
                    used[p][s] = true;
                    continue 'diagnostics;
                }
            }
        }
        kept.push(diagnostic);
    }
    let meta = &rules::unused_suppression::META;
    for (p, page) in pages.iter().enumerate() {
        let config = page.config.unwrap_or(config);
        if !config.is_enabled(meta, page.document.path()) {
            continue;
        }
        for (s, suppression) in page.document.suppressions.iter().enumerate() {
            if used[p][s] {
                continue;
            }
            let context = Context::new(page.document, Registry::bundled(), config);
            let unknown: Vec<&String> = suppression
                .rules
                .iter()
                .filter(|r| find_rule(r).is_none())
                .collect();
            let message = if unknown.is_empty() {
                "this suppression comment suppresses nothing".to_owned()
            } else {
                format!(
                    "this suppression comment names unknown rule{} {}",
                    if unknown.len() > 1 { "s" } else { "" },
                    unknown
                        .iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let diagnostic = context
                .diagnostic(meta, suppression.span, message)
                .with_help("remove the comment, or name the rule the finding on the next line reports (see `statusdoc rules`)");
            if let Some(d) = config.apply(diagnostic) {
                kept.push(d);
            }
        }
    }
    kept
}

/// Whether any finding fails the run: an error, or a warning under `--deny warnings`.
pub fn has_failures(diagnostics: &[Diagnostic], deny_warnings: bool) -> bool {
    diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || deny_warnings && d.severity == Severity::Warning)
}
