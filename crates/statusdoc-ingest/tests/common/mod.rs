//! What the reader tests share: reading a page by name, its entries as tuples, and the
//! check that codes and titles point at exactly their source text.

#![allow(dead_code)]

use statusdoc_ingest::{read_page, read_page_model, ReadOptions};
use statusdoc_model::page::Page;
use statusdoc_model::Document;
use statusdoc_reference::Registry;

/// Reads `text` as the page `path` (its extension picks the reader).
pub fn read_as(path: &str, text: &str) -> Document {
    read_page(
        path,
        text.as_bytes(),
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap()
}

/// The document and the page model its reader made.
pub fn model_as(path: &str, text: &str) -> (Document, Page) {
    read_page_model(
        path,
        text.as_bytes(),
        &ReadOptions::new(Registry::bundled()),
    )
    .unwrap()
}

/// (code, title, description) of every entry.
pub fn entries(doc: &Document) -> Vec<(u16, &str, &str)> {
    doc.entries
        .iter()
        .map(|e| (e.code, e.title_text(), e.description_text()))
        .collect()
}

/// Codes and titles are exactly the source bytes their spans cover; a description's
/// span starts at its first word.
pub fn assert_spans_exact(doc: &Document) {
    for entry in &doc.entries {
        assert_eq!(
            doc.source.slice(entry.code_span),
            entry.code.to_string(),
            "code span of {}",
            entry.code
        );
        if let Some(title) = &entry.title {
            assert_eq!(
                doc.source.slice(title.span),
                title.text,
                "title span of {}",
                entry.code
            );
        }
        if let Some(description) = &entry.description {
            let first_word = description.text.split_whitespace().next().unwrap_or("");
            assert!(
                doc.source.slice(description.span).starts_with(first_word),
                "description span of {}: {:?}",
                entry.code,
                doc.source.slice(description.span)
            );
        }
    }
}
