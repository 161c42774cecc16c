//! A large docs tree for the vendor matrix tests: deterministic, made up, and shaped like
//! a vendor's documentation (status-code tables with descriptions written for each
//! product, a few wrong titles, guide pages without status codes).

use std::collections::BTreeSet;

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{lint, Config, Page};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;
use statusdoc_report::{html_report, HtmlOptions, HtmlPage};

const SUBJECTS: [&str; 12] = [
    "The request",
    "The access token",
    "The caller",
    "The resource",
    "The payload",
    "The upstream service",
    "The account",
    "The query",
    "The upload",
    "The webhook",
    "The batch job",
    "The session",
];
const VERBS: [&str; 12] = [
    "was rejected because",
    "could not be processed since",
    "failed validation and",
    "is returned when",
    "means that",
    "was accepted, but",
    "timed out while",
    "is missing, so",
    "exceeded a limit and",
    "conflicts with a change, and",
    "was redirected because",
    "succeeded and",
];
const OBJECTS: [&str; 16] = [
    "the field {f} is not a valid {t}",
    "the {f} header names an unknown {t}",
    "another client modified the {t} first",
    "the {t} quota of {n} per minute is used up",
    "the {t} does not exist in this region",
    "the server logged the error as {f}-{n}",
    "the {t} is larger than {n} KB",
    "the {t} was moved to a new location",
    "the token has no {f} scope for the {t}",
    "the {t} is being migrated; retry after {n} seconds",
    "the response body lists every {t} that changed",
    "the {t} has no content to return",
    "the {f} parameter must be between 1 and {n}",
    "the {t} must be sent as JSON, not {f}",
    "the operation continues in the background as job {n}",
    "the {t} is locked by {f}",
];
const FIELDS: [&str; 12] = [
    "customer_id",
    "If-Match",
    "page_size",
    "Content-Type",
    "invoice",
    "region",
    "write",
    "XML",
    "admin",
    "cursor",
    "ledger",
    "mandate",
];
const THINGS: [&str; 12] = [
    "order",
    "subscription",
    "report",
    "webhook",
    "export",
    "user",
    "project",
    "payment",
    "file",
    "token",
    "invoice",
    "workspace",
];

/// `pages` status-code pages in Markdown (10 to 35 codes each; titles mostly right, one
/// in twenty the phrase of another code, one in twenty in capitals; descriptions of one
/// to three sentences) and `guides` pages without status codes.
pub fn docs_tree(pages: usize, guides: usize) -> Vec<Document> {
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
            let mut description = Vec::new();
            for _ in 0..=next(3) {
                let object = OBJECTS[next(OBJECTS.len())]
                    .replace("{f}", FIELDS[next(FIELDS.len())])
                    .replace("{t}", THINGS[next(THINGS.len())])
                    .replace("{n}", &(1 + next(5000)).to_string());
                description.push(format!(
                    "{} {} {object}.",
                    SUBJECTS[next(SUBJECTS.len())],
                    VERBS[next(VERBS.len())]
                ));
            }
            text.push_str(&format!(
                "| {code} | {title} | {} |\n",
                description.join(" ")
            ));
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

/// The vendor matrix of `documents` as `statusdoc report` makes it (no manifest: ids
/// from paths, vendors from folders), and the number of findings.
pub fn tree_report(documents: &[Document]) -> (String, usize) {
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
    (html, diagnostics.len())
}
