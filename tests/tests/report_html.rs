//! The vendor matrix as a file: valid HTML (no parse error from html5ever, the parser
//! browsers implement, with exact errors on), self-contained, deterministic, and small
//! enough for a whole docs tree (a thousand pages with entries stay under 5 MB).

use std::collections::BTreeSet;

use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink, Selector};
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{lint, Config, Page};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;
use statusdoc_report::{html_report, HtmlOptions, HtmlPage};

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

/// A deterministic stand-in for a large docs tree: `pages` status-code pages in
/// Markdown (10 to 35 codes each, titles mostly right, descriptions of one to three
/// sentences unique to the page) and `guides` pages without status codes.
fn docs_tree(pages: usize, guides: usize) -> Vec<Document> {
    const SENTENCES: [&str; 16] = [
        "The request was processed and the response body holds the result.",
        "Check the request body against the schema before you retry.",
        "The access token is missing, expired or was issued for another audience.",
        "The caller lacks the permission the operation needs on this resource.",
        "No resource exists at the requested path; check the identifier.",
        "The resource changed since it was read; fetch it again and reapply the change.",
        "The request exceeded the account's rate limit; wait for the time in Retry-After.",
        "An unexpected condition stopped the server; the error has been logged.",
        "The service is down for maintenance or overloaded; try again later.",
        "The upstream service did not answer in time.",
        "The payload is larger than the limit for this endpoint.",
        "The media type of the request body is not one this endpoint accepts.",
        "The resource was created; its location is in the Location header.",
        "The operation was accepted and will complete asynchronously.",
        "The response has no body.",
        "Use the new location in the Location header for this and later requests.",
    ];
    let registry = Registry::bundled();
    let codes: Vec<(u16, &str)> = registry
        .statuses()
        .iter()
        .filter(|s| s.has_phrase())
        .map(|s| (s.code, s.reason.as_str()))
        .collect();
    let mut seed: u64 = 0x5eed_0001;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % n as u64) as usize
    };
    let options = ReadOptions {
        format: Some(Format::Markdown),
        registry,
    };
    let mut documents = Vec::new();
    for page in 0..pages {
        let product = format!("Product {page} API");
        let mut text = format!(
            "# {product}: HTTP status codes\n\nThe {product} answers with these HTTP status codes.\n\n\
             | Code | Title | Description |\n|---|---|---|\n"
        );
        let wanted = 10 + next(26);
        let mut chosen = BTreeSet::new();
        while chosen.len() < wanted {
            chosen.insert(next(codes.len()));
        }
        for &i in &chosen {
            let (code, reason) = codes[i];
            let title = match next(20) {
                0 => codes[next(codes.len())].1.to_owned(),
                1 => reason.to_uppercase(),
                _ => reason.to_owned(),
            };
            let mut description = String::new();
            for _ in 0..=next(3) {
                description.push_str(SENTENCES[next(SENTENCES.len())]);
                description.push(' ');
            }
            description.push_str(&format!("See the {product} guide, section {}.", next(90)));
            text.push_str(&format!("| {code} | {title} | {description} |\n"));
        }
        let path = format!("docs/area-{}/product-{page}/status-codes.md", page % 40);
        documents.push(read_page(&path, text.as_bytes(), &options).unwrap());
    }
    for guide in 0..guides {
        let text = format!(
            "# Guide {guide}\n\nInstall the SDK, then call the API with your key.\n\n\
             | Step | What to do |\n|---|---|\n| 1 | Create a project |\n| 2 | Add 200 users |\n"
        );
        let path = format!("docs/guides/guide-{guide}.md");
        let mut document = read_page(&path, text.as_bytes(), &options).unwrap();
        document.discovered = true;
        documents.push(document);
    }
    documents
}

#[test]
fn a_thousand_pages_with_entries_stay_under_5_mb() {
    let documents = docs_tree(1_000, 300);
    let with_entries = documents.iter().filter(|d| !d.entries.is_empty()).count();
    assert_eq!(with_entries, 1_000, "every status page is read");
    let registry = Registry::bundled();
    let pages: Vec<Page> = documents.iter().map(Page::new).collect();
    let diagnostics = lint(&pages, registry, &Config::default());
    let html_pages: Vec<HtmlPage> = documents
        .iter()
        .map(|document| HtmlPage {
            document,
            id: None,
            vendor: None,
            product: None,
            href: format!("../{}", statusdoc_report::path_href(document.path())),
        })
        .collect();
    let html = html_report(
        &html_pages,
        &diagnostics,
        registry,
        &HtmlOptions {
            title: "docs tree",
            note: None,
        },
    );
    std::fs::write("/tmp/big.html", &html).unwrap();
    let entries: usize = documents.iter().map(|d| d.entries.len()).sum();
    eprintln!(
        "1,000 pages with entries ({entries} entries, {} findings) and 300 without: {} bytes",
        diagnostics.len(),
        html.len()
    );
    assert!(
        html.len() < 5_000_000,
        "the report is {} bytes for 1,000 pages",
        html.len()
    );
    let document = check_page(&html);
    assert_eq!(select(&document, "#matrix tbody tr").len(), 1_000);
    // Pages without an id or vendor: ids from their paths, vendors from their folders.
    assert_eq!(
        select(&document, "#p-docs-area-7-product-7-status-codes.md").len(),
        1
    );
    // Grouped by the folder below docs/ (area-0 to area-39), and `all`.
    assert_eq!(select(&document, "#f-vendor option").len(), 1 + 40);
}
