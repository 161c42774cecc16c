//! HTML reader: translates a page into the neutral page model, read with scraper.
//!
//! - The page is parsed once with scraper (html5ever), which handles unclosed tags,
//!   entities and broken markup as browsers do. The walk is iterative ([`blocks`]), so
//!   10^5-deep nesting cannot overflow the stack; pathologically deep markup is
//!   flattened before parsing ([`positions::limit_nesting`]).
//! - Positions come from [`positions`]: each text node is located in the page's
//!   decoded text stream, which maps back to exact source bytes, so every character of
//!   the page model's text maps to the bytes it came from (entities to the whole
//!   entity).
//! - The content read is `<main>`, else `role="main"`, else `<article>`, else `<body>`;
//!   navigation, headers, footers, scripts, cookie banners and feedback widgets are
//!   skipped wherever they are ([`chrome::is_ignored`]).
//! - `document.title` is the first `<h1>` of the content (what a reader of the page
//!   sees as its title, and what the Markdown and RST renderings of the same page call
//!   it), else `<title>`, else a front matter `title`. The `<title>` text itself is kept
//!   in `metadata["title"]`.
//!
//! What is a status code, a title or a description is the interpreter's decision.

mod blocks;
mod chrome;
mod macros;
mod positions;

use scraper::{ElementRef, Html, Node, Selector};
use statusdoc_model::page::{Block, Page};
use statusdoc_model::{Diagnostic, Document, Severity, Span};

use blocks::Builder;
use positions::{align, limit_nesting, TextMap};

/// Deeper nesting than any real page has; see [`limit_nesting`].
const MAX_DEPTH: usize = 512;

pub(crate) fn read(document: &mut Document) -> Page {
    let source_file = document.source.clone();
    let source = source_file.text();
    // Front matter is metadata, not text of the page: blanked (offsets unchanged).
    let front_matter = read_front_matter(source, document);
    let unfronted = front_matter.map(|end| blank(source, 0..end));
    let text = unfronted.as_deref().unwrap_or(source);
    // Pathologically deep pages are flattened first; offsets are unchanged.
    let flattened = limit_nesting(text, MAX_DEPTH);
    let parsed = flattened.as_deref().unwrap_or(text);
    let html = Html::parse_document(parsed);
    let map = TextMap::build(parsed);
    let positions = align(&map, &html);
    read_metadata(&html, document);

    let root = ["main", "[role=main]", "article", "body"]
        .iter()
        .find_map(|selector| find(&html, selector))
        .unwrap_or_else(|| *html.root_element());
    let mut builder = Builder::new(&map, &positions);
    builder.walk(root);
    let (blocks, findings) = builder.finish();

    if let Some(h1) = first_h1(&blocks) {
        document.title = Some(h1);
    } else {
        document.title = document.metadata.get("title").cloned();
    }
    for (span, message) in findings.unpaired {
        document.notes.push(
            Diagnostic::new(
                "SD004",
                "html-structure",
                Severity::Warning,
                &document.source,
                span,
                message,
            )
            .with_help("give every <dt> its <dd>; browsers and screen readers pair them"),
        );
    }
    if let Some(at) = findings.first_unlocated {
        let note = Diagnostic::new(
            "SD004",
            "html-structure",
            Severity::Warning,
            &document.source,
            Span::empty(at),
            format!(
                "could not locate {} piece(s) of text in the HTML source; their positions are approximate",
                findings.unlocated
            ),
        )
        .with_help("this happens when the parser moves text (stray text inside a <table>); check the markup around here");
        document.notes.push(note);
    }
    Page { blocks }
}

/// The blocks of an HTML fragment (a raw HTML block of a Markdown page), with spans
/// relative to the fragment.
pub(crate) fn read_fragment(fragment: &str) -> Vec<Block> {
    let flattened = limit_nesting(fragment, MAX_DEPTH);
    let parsed = flattened.as_deref().unwrap_or(fragment);
    let html = Html::parse_fragment(parsed);
    let map = TextMap::build(parsed);
    let positions = align(&map, &html);
    let mut builder = Builder::new(&map, &positions);
    builder.walk(*html.root_element());
    builder.finish().0
}

fn find<'a>(html: &'a Html, selector: &str) -> Option<ego_tree::NodeRef<'a, Node>> {
    let selector = Selector::parse(selector).ok()?;
    html.select(&selector).next().map(|e| *e)
}

/// The text of the first level-1 heading, looking into lists and containers.
fn first_h1(blocks: &[Block]) -> Option<String> {
    let mut stack: Vec<&[Block]> = vec![blocks];
    while let Some(blocks) = stack.pop() {
        let Some((first, rest)) = blocks.split_first() else {
            continue;
        };
        stack.push(rest);
        match first {
            Block::Heading { level: 1, text } if !text.is_empty() => {
                return Some(text.as_str().replace("\n\n", " ").trim().to_owned());
            }
            Block::Container(inner) => stack.push(inner),
            Block::List(list) => stack.extend(list.items.iter().rev().map(Vec::as_slice)),
            Block::DefinitionList(definitions) => {
                stack.extend(definitions.iter().rev().map(|d| d.details.as_slice()))
            }
            _ => {}
        }
    }
    None
}

/// `text` with `range` replaced by spaces (line breaks kept), so offsets stay the same.
fn blank(text: &str, range: std::ops::Range<usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    // Whole characters were replaced by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// `<title>`, `<link rel="canonical">`, `<meta>` description and dates.
fn read_metadata(html: &Html, document: &mut Document) {
    if let Some(title) = find(html, "title").and_then(ElementRef::wrap) {
        let text = crate::common::fold_whitespace(&title.text().collect::<String>());
        if !text.is_empty() {
            document.metadata.insert("title".into(), text);
        }
    }
    if let Ok(selector) = Selector::parse("link[rel]") {
        for link in html.select(&selector) {
            let rel = link.value().attr("rel").unwrap_or("");
            if rel
                .split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
            {
                if let Some(href) = link.value().attr("href") {
                    document
                        .metadata
                        .insert("canonical".into(), href.trim().to_owned());
                    break;
                }
            }
        }
    }
    if let Ok(selector) = Selector::parse("meta[content]") {
        for meta in html.select(&selector) {
            let element = meta.value();
            let Some(key) = element
                .attr("name")
                .or_else(|| element.attr("property"))
                .or_else(|| element.attr("itemprop"))
                .or_else(|| element.attr("http-equiv"))
            else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let content = crate::common::fold_whitespace(element.attr("content").unwrap_or(""));
            if content.is_empty() {
                continue;
            }
            if key == "description" || key == "og:description" || key == "dc.description" {
                document
                    .metadata
                    .entry("description".into())
                    .or_insert(content);
            } else if [
                "date",
                "modified",
                "published",
                "updated",
                "created",
                "issued",
                "revised",
            ]
            .iter()
            .any(|w| key.contains(w))
            {
                document.metadata.insert(key, content);
            }
        }
    }
}

/// MDN sources and some static-site pages start with YAML front matter: its scalar
/// `key: value` lines become metadata. Returns where the front matter ends.
fn read_front_matter(source: &str, document: &mut Document) -> Option<usize> {
    let text = source.trim_start_matches('\u{feff}');
    let body = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut at = source.len() - body.len();
    for line in body.split_inclusive('\n') {
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            return Some(at);
        }
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']);
            if !key.trim().is_empty() && !value.is_empty() {
                document
                    .metadata
                    .insert(key.trim().to_owned(), value.to_owned());
            }
        }
    }
    None
}
