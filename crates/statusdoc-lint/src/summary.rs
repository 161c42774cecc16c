//! How vendors differ per code: for every code some page titles differently from
//! RFC 9110, which titles are in use and on which pages.

use std::collections::BTreeMap;

use statusdoc_reference::{PhraseMatch, Registry};

use crate::Page;

/// One title in use for a code, with the pages that use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleVariant {
    pub title: String,
    /// Manifest ids (or paths) of the pages.
    pub pages: Vec<String>,
    /// Whether this is the registered phrase.
    pub canonical: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeVariants {
    pub code: u16,
    /// The RFC 9110 phrase; `None` for unregistered codes.
    pub reason: Option<String>,
    /// The registered phrase first, then the most used.
    pub variants: Vec<TitleVariant>,
}

/// Codes whose documented titles are not all the registered phrase, by code.
pub fn vendor_summary(pages: &[Page], registry: &Registry) -> Vec<CodeVariants> {
    let mut by_code: BTreeMap<u16, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for page in pages {
        let name = page.id.unwrap_or(page.document.path()).to_owned();
        for entry in &page.document.entries {
            let Some(title) = &entry.title else { continue };
            let pages = by_code
                .entry(entry.code)
                .or_default()
                // The phrase, not its qualifier: "Locked (WebDAV)" is "Locked".
                .entry(
                    statusdoc_reference::strip_qualifier(&title.text)
                        .trim()
                        .to_owned(),
                )
                .or_default();
            if !pages.contains(&name) {
                pages.push(name.clone());
            }
        }
    }
    by_code
        .into_iter()
        .filter_map(|(code, titles)| {
            // 306 and 418 have no phrase to compare titles with.
            if registry.get(code).is_some_and(|s| !s.has_phrase()) {
                return None;
            }
            let status = registry.get(code);
            let mut variants: Vec<TitleVariant> = titles
                .into_iter()
                .map(|(title, pages)| TitleVariant {
                    canonical: status.is_some()
                        && registry.match_phrase(code, &title) == PhraseMatch::Exact,
                    title,
                    pages,
                })
                .collect();
            let all_canonical = variants.iter().all(|v| v.canonical);
            if all_canonical && status.is_some() {
                return None;
            }
            variants.sort_by(|a, b| {
                (b.canonical, b.pages.len())
                    .cmp(&(a.canonical, a.pages.len()))
                    .then(a.title.cmp(&b.title))
            });
            Some(CodeVariants {
                code,
                reason: status.map(|s| s.reason.clone()),
                variants,
            })
        })
        .collect()
}
