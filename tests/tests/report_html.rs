//! The vendor matrix as a file: valid HTML (no parse error from html5ever, the parser
//! browsers implement, with exact errors on), self-contained, deterministic, and small
//! enough for a whole docs tree (a thousand pages with entries stay under 5 MB).

use std::collections::BTreeSet;

use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink, Selector};

mod common;

/// Parses `html` as a browser would and returns the document with every parse error.
fn parse(html: &str) -> Html {
    let options = html5ever::ParseOpts {
        tokenizer: html5ever::tokenizer::TokenizerOpts {
            exact_errors: true,
            ..Default::default()
        },
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            exact_errors: true,
            ..Default::default()
        },
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), options).one(html)
}

fn select<'a>(document: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    document
        .select(&Selector::parse(selector).unwrap())
        .collect()
}

/// Valid, with unique ids, every id reference resolved, and nothing loaded from
/// anywhere: no `src`, no stylesheet link, no remote link, no `url()` or `@import`.
fn check_page(html: &str) -> Html {
    let document = parse(html);
    assert_eq!(document.errors, Vec::<std::borrow::Cow<str>>::new());
    let mut ids = BTreeSet::new();
    for element in select(&document, "[id]") {
        let id = element.value().attr("id").unwrap();
        assert!(ids.insert(id.to_owned()), "duplicate id {id}");
        assert!(
            !id.is_empty() && !id.contains(char::is_whitespace),
            "bad id {id:?}"
        );
    }
    for attribute in ["aria-labelledby", "aria-describedby", "for"] {
        for element in select(&document, &format!("[{attribute}]")) {
            for id in element.value().attr(attribute).unwrap().split_whitespace() {
                assert!(ids.contains(id), "{attribute}={id} names no element");
            }
        }
    }
    assert!(select(&document, "[src], link, iframe, object, embed, img").is_empty());
    for element in select(&document, "[href]") {
        let href = element.value().attr("href").unwrap();
        assert!(
            !href.contains("//") && !href.starts_with("data:"),
            "a link leaves the file: {href}"
        );
    }
    for code in select(&document, "style, script") {
        let text: String = code.text().collect();
        for remote in [
            "url(",
            "@import",
            "fetch(",
            "XMLHttpRequest",
            "import(",
            "http:",
            "https:",
        ] {
            assert!(
                !text.contains(remote),
                "{remote} in a {}",
                code.value().name()
            );
        }
    }
    document
}

#[test]
fn the_bundled_report_is_valid_self_contained_and_deterministic() {
    let linted = xtask::generate::lint_corpus().expect("sources/ reads");
    let html = xtask::generate::html_report(&linted);
    let document = check_page(&html);
    assert_eq!(
        html,
        xtask::generate::html_report(&linted),
        "the same corpus gives the same bytes"
    );
    assert!(html.contains(xtask::generate::GENERATED_NOTE));

    let rows = linted
        .corpus
        .documents
        .iter()
        .filter(|d| !d.entries.is_empty())
        .count();
    assert_eq!(select(&document, "#matrix tbody tr").len(), rows);
    // The figures and the chart: one bar per rule with a finding, in the summary.
    let rules: BTreeSet<&str> = linted.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(select(&document, ".chart svg rect").len(), rules.len());
    let figures: Vec<String> = select(&document, ".figure .num")
        .iter()
        .map(|n| n.text().collect())
        .collect();
    assert_eq!(figures[0], linted.corpus.documents.len().to_string());
    // Each rule with a finding has its documentation in the page.
    for rule in &rules {
        assert_eq!(select(&document, &format!("template#doc-{rule}")).len(), 1);
    }
    // The data the views are filled from parses, and its page ids are the rows'.
    let data: serde_json::Value = serde_json::from_str(
        &select(&document, "script#data")[0]
            .text()
            .collect::<String>(),
    )
    .unwrap();
    let ids: Vec<&str> = data["p"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    let row_ids: Vec<String> = select(&document, "#matrix tbody tr")
        .iter()
        .map(|r| r.value().attr("id").unwrap()[2..].to_owned())
        .collect();
    assert_eq!(ids, row_ids);
}

#[test]
fn a_thousand_pages_with_entries_stay_under_5_mb() {
    let documents = common::docs_tree(1_000, 300);
    let with_entries = documents.iter().filter(|d| !d.entries.is_empty()).count();
    assert_eq!(with_entries, 1_000, "every status page is read");
    let (html, findings) = common::tree_report(&documents);
    let entries: usize = documents.iter().map(|d| d.entries.len()).sum();
    eprintln!(
        "1,000 pages with entries ({entries} entries, {findings} findings) and 300 without: {} bytes",
        html.len()
    );
    assert!(
        html.len() < 5_000_000,
        "the report is {} bytes for 1,000 pages",
        html.len()
    );
    let document = check_page(&html);
    assert_eq!(select(&document, "#matrix tbody tr").len(), 1_000);
    assert_eq!(
        select(&document, "script#data")[0]
            .value()
            .attr("data-encoding"),
        Some("zlib-base64")
    );
    // Pages without an id or vendor: ids from their paths, vendors from their folders
    // below docs/ (area-0 to area-39), and `all`.
    assert_eq!(
        select(
            &document,
            r#"[id="p-docs-area-7-product-7-status-codes.md"]"#
        )
        .len(),
        1
    );
    assert_eq!(select(&document, "#f-vendor option").len(), 1 + 40);
}
