//! Corpus + findings → [`Catalog`].

use statusdoc_corpus::Corpus;
use statusdoc_model::{Diagnostic, Document, Entry};
use statusdoc_reference::{phrase_key, PhraseMatch, Registry};

use crate::limits::extract_limits;
use crate::model::*;
use crate::naming::{disambiguate, screaming_snake};
use statusdoc_model::Rule;

use crate::GENERATED_NOTE;

pub const SCHEMA_VERSION: u32 = 1;

/// Rules whose findings mean the page's retry advice is wrong.
const RETRY_RULES: &[Rule] = &[Rule::RetryAdviceContradictsRfc];
/// A missing header finding is about retrying when the header is Retry-After.
const HEADER_RULE: Rule = Rule::ExpectedHeaderMissing;

pub fn build(corpus: &Corpus, diagnostics: &[Diagnostic], registry: &Registry) -> Catalog {
    let names = page_rust_names(corpus);
    let pages: Vec<CatalogPage> = corpus
        .iter()
        .zip(names)
        .map(|((page, document), rust_name)| CatalogPage {
            id: page.id.clone(),
            rust_name,
            rust_aliases: page.rust_aliases.clone(),
            vendor: page.vendor.clone(),
            product: page.product.clone(),
            format: page.format.id().to_owned(),
            path: document.path().to_owned(),
            origin: page.origin.clone(),
            document: page.document.clone(),
            title: document.title.clone(),
            entries: Vec::new(),
            deviations: Vec::new(),
        })
        .collect();
    let mut pages = pages;
    for ((page, document), out) in corpus.iter().zip(&mut pages) {
        let (entries, rest) = attach(document, diagnostics, registry);
        out.entries = document
            .entries
            .iter()
            .zip(entries)
            .map(|(entry, deviations)| {
                catalog_entry(&page.id, document, entry, deviations, registry)
            })
            .collect();
        out.deviations = rest;
    }

    let mut codes: Vec<u16> = registry.statuses().iter().map(|s| s.code).collect();
    for page in &pages {
        codes.extend(page.entries.iter().map(|e| e.code));
    }
    codes.sort_unstable();
    codes.dedup();
    let statuses = codes
        .into_iter()
        .filter_map(|code| {
            let documented_by = pages
                .iter()
                .filter(|p| p.entries.iter().any(|e| e.code == code))
                .map(|p| p.id.clone())
                .collect();
            catalog_status(code, registry, documented_by)
        })
        .collect();

    Catalog {
        generated: GENERATED_NOTE.to_owned(),
        schema_version: SCHEMA_VERSION,
        iana_registry_updated: registry.iana_updated.clone(),
        statuses,
        pages,
    }
}

/// The Rust name of each page's table, derived from its manifest id.
fn page_rust_names(corpus: &Corpus) -> Vec<String> {
    let names = corpus
        .manifest
        .pages
        .iter()
        .map(|p| {
            let mut name = screaming_snake(&p.id, "PAGE");
            // `vendors::ALL` lists the pages.
            if name == "ALL" {
                name.push_str("_PAGE");
            }
            (p.id.clone(), name)
        })
        .collect();
    disambiguate(names)
}

fn retry(status: &statusdoc_reference::Status, derived_from: Option<u16>) -> RetrySemantics {
    RetrySemantics {
        kind: status.retry,
        retryable: status.retry.is_retryable(),
        retryable_if_idempotent: status.retry.is_retryable_if_idempotent(),
        honour_retry_after: status.honours_retry_after(),
        derived_from,
    }
}

/// A code's canonical entry; `None` only for codes outside 100–599, which have no class
/// and so no semantics to give.
fn catalog_status(
    code: u16,
    registry: &Registry,
    documented_by: Vec<String>,
) -> Option<CatalogStatus> {
    let class = Class::of(code)?;
    if let Some(status) = registry.get(code) {
        return Some(CatalogStatus {
            code,
            reason: status.reason.clone(),
            class,
            state: status.state,
            reference: Some(status.reference.clone()),
            retry: retry(status, None),
            headers: status.headers.clone(),
            obsolete_phrases: status
                .obsolete
                .iter()
                .map(|o| ObsoletePhrase {
                    phrase: o.phrase.clone(),
                    source: o.source.clone(),
                })
                .collect(),
            nonstandard_origin: None,
            documented_by,
        });
    }
    // RFC 9110, Section 15: an unrecognized code is understood as the x00 of its class.
    let base = code / 100 * 100;
    let base_status = registry.get(base)?;
    let nonstandard = registry.nonstandard(code);
    Some(CatalogStatus {
        code,
        reason: nonstandard.map(|n| n.phrase.clone()).unwrap_or_default(),
        class,
        state: State::Unassigned,
        reference: None,
        retry: retry(base_status, Some(base)),
        headers: Vec::new(),
        obsolete_phrases: Vec::new(),
        nonstandard_origin: nonstandard.map(|n| n.origin.clone()),
        documented_by,
    })
}

fn deviation(d: &Diagnostic, registry: &Registry) -> Deviation {
    let affects_retry = RETRY_RULES.iter().any(|r| r.id() == d.rule)
        || d.rule == HEADER_RULE.id()
            && d.message.contains("Retry-After")
            && d.status_code
                .and_then(|c| registry.get(c))
                .is_some_and(|s| s.honours_retry_after());
    Deviation {
        rule: d.rule.to_owned(),
        name: d.name.to_owned(),
        severity: d.severity.as_str().to_owned(),
        message: d.message.clone(),
        line: d.line,
        column: d.column,
        affects_retry,
    }
}

/// Splits the page's findings between its entries: a finding belongs to the entry with
/// its status code whose span contains the finding's span; failing that (a finding on
/// a heading), to the first entry with that code. The rest stay with the page.
fn attach(
    document: &Document,
    diagnostics: &[Diagnostic],
    registry: &Registry,
) -> (Vec<Vec<Deviation>>, Vec<Deviation>) {
    let mut per_entry: Vec<Vec<Deviation>> = vec![Vec::new(); document.entries.len()];
    let mut rest = Vec::new();
    for d in diagnostics.iter().filter(|d| d.path == document.path()) {
        let target = d.status_code.and_then(|code| {
            let with_code = || {
                document
                    .entries
                    .iter()
                    .enumerate()
                    .filter(move |(_, e)| e.code == code)
            };
            with_code()
                .find(|(_, e)| {
                    let span = e.span();
                    span.start <= d.span.start && d.span.end <= span.end
                })
                .or_else(|| with_code().next())
                .map(|(i, _)| i)
        });
        match target {
            Some(i) => per_entry[i].push(deviation(d, registry)),
            None => rest.push(deviation(d, registry)),
        }
    }
    (per_entry, rest)
}

fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalised title and how the documented one relates to the registry.
fn normalize_title(code: u16, title: Option<&str>, registry: &Registry) -> (String, TitleMatch) {
    let canonical = registry
        .get(code)
        .filter(|s| s.has_phrase())
        .map(|s| s.reason.clone())
        .or_else(|| registry.nonstandard(code).map(|n| n.phrase.clone()));
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return (canonical.unwrap_or_default(), TitleMatch::Missing);
    };
    let folded = fold_whitespace(title);
    let canonical_or_folded = || canonical.clone().unwrap_or_else(|| folded.clone());
    match registry.match_phrase(code, title) {
        PhraseMatch::Exact => (canonical_or_folded(), TitleMatch::Exact),
        PhraseMatch::Spelling => (canonical_or_folded(), TitleMatch::Spelling),
        PhraseMatch::Obsolete { .. } => (canonical_or_folded(), TitleMatch::Obsolete),
        PhraseMatch::OtherCode(_) => (folded, TitleMatch::OtherCode),
        PhraseMatch::Unknown => match registry.nonstandard(code) {
            Some(n) if phrase_key(&n.phrase) == phrase_key(title) => {
                (n.phrase.clone(), TitleMatch::Nonstandard)
            }
            _ => (folded, TitleMatch::Unknown),
        },
    }
}

fn catalog_entry(
    page_id: &str,
    document: &Document,
    entry: &Entry,
    mut deviations: Vec<Deviation>,
    registry: &Registry,
) -> CatalogEntry {
    let title = entry.title.as_ref().map(|t| t.text.clone());
    let (normalized_title, title_match) = normalize_title(entry.code, title.as_deref(), registry);
    let description = entry.description.as_ref().map(|d| d.text.clone());
    let limits = description
        .as_deref()
        .map(extract_limits)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, value)| Limit { name, value })
        .collect();
    let position = document.source.line_col(entry.code_span.start);
    let span = entry.span();
    // Findings come sorted by position; keep a total order whatever the input order.
    deviations.sort_by(|a, b| {
        (a.line, a.column, &a.rule, &a.message).cmp(&(b.line, b.column, &b.rule, &b.message))
    });
    CatalogEntry {
        code: entry.code,
        title,
        normalized_title,
        title_match,
        description,
        section: entry.section.clone(),
        limits,
        provenance: Provenance {
            source: page_id.to_owned(),
            path: document.path().to_owned(),
            line: position.line,
            column: position.column,
            start: span.start,
            end: span.end,
        },
        deviations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(code: u16, title: Option<&str>) -> (String, TitleMatch) {
        normalize_title(code, title, Registry::bundled())
    }

    #[test]
    fn titles_are_normalized_to_the_canonical_phrase_when_they_mean_it() {
        let canonical = |code, title, m| {
            assert_eq!(
                normalized(code, Some(title)),
                (Registry::bundled().get(code).unwrap().reason.clone(), m),
                "{code} {title}"
            )
        };
        canonical(400, "Bad Request", TitleMatch::Exact);
        canonical(400, "BadRequest", TitleMatch::Spelling);
        canonical(404, "NOT FOUND", TitleMatch::Spelling);
        canonical(413, "Request Entity Too Large", TitleMatch::Obsolete);
        canonical(422, "UnprocessableEntity", TitleMatch::Obsolete);
    }

    #[test]
    fn other_titles_are_kept_with_whitespace_folded() {
        assert_eq!(
            normalized(415, Some("Not  Acceptable")),
            ("Not Acceptable".to_owned(), TitleMatch::OtherCode)
        );
        assert_eq!(
            normalized(504, Some(" Server\nTimeout ")),
            ("Server Timeout".to_owned(), TitleMatch::Unknown)
        );
        assert_eq!(
            normalized(499, Some("client closed request")),
            ("Client Closed Request".to_owned(), TitleMatch::Nonstandard)
        );
        assert_eq!(
            normalized(404, None),
            ("Not Found".to_owned(), TitleMatch::Missing)
        );
        assert_eq!(
            normalized(299, Some("")),
            (String::new(), TitleMatch::Missing)
        );
    }

    #[test]
    fn unregistered_codes_take_their_class_semantics() {
        let registry = Registry::bundled();
        let status = catalog_status(499, registry, Vec::new()).unwrap();
        assert_eq!(status.state, State::Unassigned);
        assert_eq!(status.reason, "Client Closed Request");
        assert_eq!(status.nonstandard_origin.as_deref(), Some("nginx"));
        assert_eq!(status.retry.derived_from, Some(400));
        assert_eq!(status.retry.kind, Retry::NotWithoutModification);
        let status = catalog_status(299, registry, Vec::new()).unwrap();
        assert_eq!(status.reason, "");
        assert!(catalog_status(600, registry, Vec::new()).is_none());
        assert!(catalog_status(42, registry, Vec::new()).is_none());
    }
}
