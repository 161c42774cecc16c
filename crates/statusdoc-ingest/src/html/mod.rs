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
mod grids;
mod macros;
mod positions;

use scraper::{ElementRef, Html, Node, Selector};
use statusdoc_model::page::{Block, Page};
use statusdoc_model::{Diagnostic, Document, Rule, Severity, Span};

use blocks::{Builder, Findings};
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
    let (mut blocks, findings) = read_blocks(text, Some(document));
    // Site generators show a front matter `title:` as the page's heading when the page
    // has none of its own (an MDN page about one code is titled "429 Too Many
    // Requests" there and nowhere else).
    if first_h1(&blocks).is_none() {
        if let Some((title, span)) =
            front_matter.and_then(|end| crate::common::front_matter_title(source, end))
        {
            if source.get(span.start..span.end) == Some(title.as_str()) {
                let mut heading = statusdoc_model::page::Text::new();
                heading.push_source(&title, span.start);
                blocks.insert(
                    0,
                    Block::Heading {
                        level: 1,
                        text: heading,
                    },
                );
            }
        }
    }
    document.title = first_h1(&blocks).or_else(|| document.metadata.get("title").cloned());
    for (span, message) in findings.unpaired {
        document.notes.push(
            Diagnostic::of(
                Rule::HtmlStructure,
                Severity::Warning,
                &document.source,
                span,
                message,
            )
            .with_help("give every <dt> its <dd>; browsers and screen readers pair them"),
        );
    }
    if let Some(at) = findings.first_unlocated {
        document.approximate_positions = true;
        let note = Diagnostic::of(
            Rule::ReaderLimit,
            Severity::Info,
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
    read_blocks(fragment, None).0
}

/// Parses a page (with its document, whose metadata is read) or a fragment, and reads
/// the blocks of its content.
fn read_blocks(text: &str, document: Option<&mut Document>) -> (Vec<Block>, Findings) {
    // Pathologically deep pages are flattened first; offsets are unchanged.
    let flattened = limit_nesting(text, MAX_DEPTH);
    let parsed = flattened.as_deref().unwrap_or(text);
    let mut html = match document {
        Some(_) => Html::parse_document(parsed),
        None => Html::parse_fragment(parsed),
    };
    insert_html_attributes(&mut html);
    let map = TextMap::build(parsed);
    let positions = align(&map, &html);
    let mut root = *html.root_element();
    if let Some(document) = document {
        read_metadata(&html, document);
        let mut content = ["main", "[role=main]", "article", "body"].iter();
        root = content.find_map(|s| find(&html, s)).unwrap_or(root);
    }
    let grids = grids::find(root);
    let mut builder = Builder::new(&map, &positions, &grids);
    builder.walk(root);
    builder.finish()
}

/// Server-side rendered API references (Redoc) leave a description's element empty and
/// put its HTML, entity-encoded, in an `html` attribute for the client to insert: the
/// page reads as the browser shows it, so that HTML becomes the element's content (the
/// text map reads the attribute's text at the same place, [`positions`]).
fn insert_html_attributes(html: &mut Html) {
    let targets: Vec<(ego_tree::NodeId, String)> = html
        .tree
        .nodes()
        .filter(|node| !node.has_children())
        .filter_map(|node| match node.value() {
            Node::Element(e) => e.attr("html").map(|v| (node.id(), v.to_owned())),
            _ => None,
        })
        .collect();
    for (id, inner) in targets {
        let fragment = Html::parse_fragment(&inner);
        // The fragment's content: children of its `<html>` root element.
        let root = fragment.root_element();
        for child in root.children() {
            graft(&mut html.tree, id, child);
        }
    }
}

/// Copies `node` and its descendants under `parent`.
fn graft(tree: &mut ego_tree::Tree<Node>, parent: ego_tree::NodeId, node: ego_tree::NodeRef<Node>) {
    let mut stack = vec![(parent, node)];
    while let Some((parent, node)) = stack.pop() {
        let Some(mut parent_mut) = tree.get_mut(parent) else {
            continue;
        };
        let copy = parent_mut.append(node.value().clone()).id();
        // Children pushed in reverse so they are appended in order.
        let children: Vec<_> = node.children().collect();
        for child in children.into_iter().rev() {
            stack.push((copy, child));
        }
    }
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

#[cfg(test)]
mod tests {
    use statusdoc_model::page::{Block, Mark, Text};

    use super::read_fragment;

    /// The source text behind the whole of `text`.
    fn source_of<'s>(source: &'s str, text: &Text) -> &'s str {
        let span = text.source_span(0..text.len());
        &source[span.start..span.end]
    }

    #[test]
    fn tables_keep_header_rows_spans_and_exact_positions() {
        let html =
            "<table><caption>Codes</caption><thead><tr><th>Code</th><th>Title</th></tr></thead>\
                    <tr><td rowspan=\"2\"><code>404</code></td><td>Not&nbsp;Found</td></tr>\
                    <tr><td colspan=\"0\">Gone<br>away</td></tr></table>";
        let blocks = read_fragment(html);
        let [Block::Table(table)] = blocks.as_slice() else {
            panic!("{blocks:?}");
        };
        assert_eq!(table.caption.as_ref().map(Text::as_str), Some("Codes"));
        assert_eq!(table.header_rows, 1);
        let code = &table.rows[1][0];
        assert_eq!(
            (code.text.as_str(), code.rowspan, code.colspan),
            ("404", 2, 1)
        );
        assert!(code.text.is_marked(0..3, Mark::Code));
        assert_eq!(source_of(html, &code.text), "404");
        let title = &table.rows[1][1].text;
        assert_eq!(title.as_str(), "Not Found");
        assert_eq!(source_of(html, title), "Not&nbsp;Found");
        assert_eq!(table.rows[2][0].text.as_str(), "Gone away");
        assert_eq!(table.rows[2][0].colspan, 1);
    }

    #[test]
    fn a_table_inside_a_cell_is_a_table_after_the_outer_one() {
        let html = "<table><tr><th>x</th></tr><tr><td>Menu<table><tr><td>200 OK</td></tr></table></td></tr></table>";
        let blocks = read_fragment(html);
        let [Block::Table(outer), Block::Table(inner)] = blocks.as_slice() else {
            panic!("{blocks:?}");
        };
        assert_eq!(outer.rows[1][0].text.as_str(), "Menu");
        assert_eq!(inner.rows[0][0].text.as_str(), "200 OK");
    }

    #[test]
    fn lists_items_and_definitions() {
        let html = "<p>Intro <b>bold</b></p><ul><li><strong>404</strong> Not Found<ul><li>Inner</li></ul></li>\
                    <li><p>One</p><p>Two</p></li></ul>\
                    <dl><dt>401</dt><dt>403</dt><dd>No access.</dd><dd>Log in.</dd><dt>500</dt></dl>";
        let blocks = read_fragment(html);
        let [Block::Paragraph(intro), Block::List(list), Block::DefinitionList(definitions)] =
            blocks.as_slice()
        else {
            panic!("{blocks:?}");
        };
        assert!(intro.is_marked(6..10, Mark::Strong));
        let [first, second] = list.items.as_slice() else {
            panic!("{list:?}");
        };
        let [Block::Paragraph(head), Block::List(inner)] = first.as_slice() else {
            panic!("{first:?}");
        };
        assert_eq!(head.as_str(), "404 Not Found");
        assert!(head.is_marked(0..3, Mark::Strong) && !head.is_marked(0..5, Mark::Strong));
        assert_eq!(inner.items.len(), 1);
        assert_eq!(second.len(), 2);
        let terms: Vec<(&str, usize)> = definitions
            .iter()
            .map(|d| (d.term.as_str(), d.details.len()))
            .collect();
        assert_eq!(terms, [("401", 2), ("403", 2), ("500", 0)]);
    }

    #[test]
    fn headings_literals_and_sphinx_literals() {
        let html = "<div><h2>Errors<a class=\"headerlink\" href=\"#e\">¶</a></h2>\
                    <pre>{ \"a\": 1 }</pre>\
                    <p><code class=\"docutils literal\"><span class=\"pre\">412</span> <span class=\"pre\">Precondition</span> \
                    <span class=\"pre\">Failed</span></code>: changed</p></div>";
        let blocks = read_fragment(html);
        let [Block::Heading {
            level: 2,
            text: heading,
        }, Block::Literal(_), Block::Paragraph(p)] = blocks.as_slice()
        else {
            panic!("{blocks:?}");
        };
        assert_eq!(heading.as_str(), "Errors");
        assert_eq!(p.as_str(), "412 Precondition Failed: changed");
        assert!(p.is_marked(0..23, Mark::Code));
        let span = p.source_span(4..23);
        assert_eq!(
            &html[span.start..span.end],
            "Precondition</span> <span class=\"pre\">Failed"
        );
    }

    #[test]
    fn macros_show_their_text_at_its_source() {
        let html = "<dl><dt>{{HTTPStatus(404, \"404 Not Found\")}} {{deprecated_inline}}</dt><dd>Gone.</dd></dl>";
        let blocks = read_fragment(html);
        let [Block::DefinitionList(definitions)] = blocks.as_slice() else {
            panic!("{blocks:?}");
        };
        let term = &definitions[0].term;
        assert_eq!(term.as_str(), "404 Not Found");
        let span = term.source_span(0..3);
        assert_eq!((&html[span.start..span.end], span.start), ("404", 27));
    }

    #[test]
    fn deep_nesting_is_read_without_recursion() {
        let depth = 100_000;
        let html = format!(
            "{}<p>200 OK</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let blocks = read_fragment(&html);
        assert!(matches!(blocks.as_slice(), [Block::Paragraph(p)] if p.as_str() == "200 OK"));
    }
}
