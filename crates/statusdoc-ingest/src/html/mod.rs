//! HTML reader: status code tables, definition lists, lists and per-code headings of
//! published pages, read with scraper.
//!
//! - The page is parsed once with scraper (html5ever), which handles unclosed tags,
//!   entities and broken markup as browsers do. Every walk of the tree is iterative
//!   (ego-tree's `traverse`), so 10^5-deep nesting cannot overflow the stack.
//! - Positions come from [`positions`]: each text node is located in the page's
//!   decoded text stream, which maps back to exact source bytes.
//! - The main content is `<main>`, else `role="main"`, else `<article>`, else `<body>`;
//!   navigation, headers, footers, scripts, cookie banners and feedback widgets are
//!   skipped wherever they are ([`text::is_ignored`]).
//! - `document.title` is the first `<h1>` of the main content (what a reader of the
//!   page sees as its title, and what the Markdown and RST renderings of the same page
//!   call it), else `<title>`, else a front matter `title`. The `<title>` text itself is
//!   kept in `metadata["title"]`.

mod heads;
mod lists;
mod positions;
mod tables;
mod text;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node, Selector};
use statusdoc_model::{Diagnostic, Document, Entry, Severity};
use statusdoc_reference::Registry;

use heads::{parse_head, plausible_after_code, skip_separator};
use positions::{align, limit_nesting, TextMap};

/// Deeper nesting than any real page has; see [`limit_nesting`].
const MAX_DEPTH: usize = 512;
use text::{flow_of, is_ignored, Ctx, FlowBuilder};

pub(crate) fn read(document: &mut Document, registry: &Registry) {
    let source_file = document.source.clone();
    let source = source_file.text();
    read_front_matter(source, document);
    // Pathologically deep pages are flattened first; offsets are unchanged.
    let flattened = limit_nesting(source, MAX_DEPTH);
    let parsed = flattened.as_deref().unwrap_or(source);
    let html = Html::parse_document(parsed);
    let map = TextMap::build(parsed);
    let positions = align(&map, &html);
    let ctx = Ctx {
        map,
        positions,
        registry,
        problems: Default::default(),
    };
    read_metadata(&ctx, &html, document);

    let body = find(&html, "body").unwrap_or_else(|| *html.root_element());
    let main = ["main", "[role=main]", "article"]
        .iter()
        .find_map(|selector| find(&html, selector));
    let mut root = main.unwrap_or(body);
    let mut entries = walk(&ctx, root);
    if entries.is_empty() && root.id() != body.id() {
        // The status table is outside the element marked as main content.
        root = body;
        entries = walk(&ctx, root);
    }

    let h1 = root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"))
        .map(|h1| flow_of(&ctx, h1, Some(1024)).text.replace('\n', " "))
        .filter(|t| !t.is_empty());
    document.title = h1.or_else(|| document.metadata.get("title").cloned());

    for (span, code, message) in ctx.problems.take() {
        document.notes.push(
            Diagnostic::new(
                "SD004",
                "html-structure",
                Severity::Warning,
                &document.source,
                span,
                message,
            )
            .with_code(code)
            .with_help("give every <dt> its <dd>; browsers and screen readers pair them"),
        );
    }
    let unlocated = entries.iter().filter(|e| e.code_span.is_empty()).count();
    if let Some(first) = entries.iter().find(|e| e.code_span.is_empty()) {
        let note = Diagnostic::new(
            "SD004",
            "html-structure",
            Severity::Warning,
            &document.source,
            first.code_span,
            format!("could not locate {unlocated} status code(s) in the HTML source; their positions are approximate"),
        )
        .with_code(first.code)
        .with_help("this happens when the parser moves text (stray text inside a <table>); check the markup around this code");
        document.notes.push(note);
    }
    document.entries = entries;
}

fn find<'a>(html: &'a Html, selector: &str) -> Option<NodeRef<'a, Node>> {
    let selector = Selector::parse(selector).ok()?;
    html.select(&selector).next().map(|e| *e)
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// A code heading whose description is being collected.
struct Pending<'c, 'a> {
    level: u8,
    entry: Entry,
    builder: FlowBuilder<'c, 'a>,
}

/// Walks the main content in document order: headings build the section path, and
/// tables, definition lists, lists and code headings give entries. A structure that
/// gives none is walked into, so layout tables and wrappers do not hide status tables.
fn walk(ctx: &Ctx, root: NodeRef<Node>) -> Vec<Entry> {
    let mut blocks = 0;
    let mut entries = Vec::new();
    let mut sections: Vec<(u8, String)> = Vec::new();
    let mut pending: Option<Pending> = None;
    let mut skip: Option<NodeId> = None;
    // Open <article>/<main>/<section> elements: a <header> inside one is content.
    let mut content_depth = 0usize;
    let section_path =
        |sections: &[(u8, String)]| sections.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                let element = match node.value() {
                    Node::Text(text) => {
                        if let Some(p) = pending.as_mut() {
                            p.builder.text(node.id(), text);
                        }
                        continue;
                    }
                    Node::Element(element) => element,
                    _ => continue,
                };
                let name = element.name();
                let level = heading_level(name);
                if let Some(p) = pending.as_mut() {
                    if level.is_some_and(|l| l <= p.level) {
                        entries.push(finish(ctx, pending.take()));
                    } else {
                        if is_ignored(element) {
                            skip = Some(node.id());
                        } else {
                            p.builder.element(element, true);
                        }
                        continue;
                    }
                }
                if node.id() != root.id()
                    && (is_ignored(element) || name == "header" && content_depth == 0)
                {
                    skip = Some(node.id());
                    continue;
                }
                if matches!(name, "article" | "main" | "section")
                    || element.attr("role") == Some("main")
                {
                    content_depth += 1;
                }
                if let Some(level) = level {
                    skip = Some(node.id());
                    let flow = flow_of(ctx, node, Some(4096));
                    if let Some(head) = parse_head(ctx, node, &flow) {
                        let rest = flow.text.get(head.rest..).unwrap_or("");
                        let title_start = skip_separator(&flow.text, head.rest);
                        let titled = head.title.is_some()
                            || flow.text.get(title_start..).is_some_and(|t| {
                                t.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
                            });
                        if titled && (head.marked || plausible_after_code(rest)) {
                            let title = head.title.clone().or_else(|| {
                                let start = skip_separator(&flow.text, head.rest);
                                flow.cell(ctx, start, flow.text.len())
                            });
                            pending = Some(Pending {
                                level,
                                entry: Entry {
                                    listing: Default::default(), title_certain: true,
                                    code: head.code,
                                    code_span: head.code_span,
                                    title,
                                    description: None,
                                    section: section_path(&sections),
                                    block: 0,
                                },
                                builder: FlowBuilder::new(ctx),
                            });
                            continue;
                        }
                    }
                    sections.retain(|(l, _)| *l < level);
                    let text = flow.text.replace('\n', " ");
                    if !text.is_empty() {
                        sections.push((level, text));
                    }
                    continue;
                }
                let found = match name {
                    "table" => tables::read_table(ctx, node, &section_path(&sections)),
                    "dl" => lists::read_dl(ctx, node, &section_path(&sections)),
                    "ul" | "ol" => lists::read_list(ctx, node, &section_path(&sections)),
                    _ => Vec::new(),
                };
                if !found.is_empty() {
                    // Each table or list is a block of its own; headings share block 0.
                    blocks += 1;
                    entries.extend(found.into_iter().map(|e| Entry { block: blocks, ..e }));
                    skip = Some(node.id());
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Node::Element(element) = node.value() {
                    if let Some(p) = pending.as_mut() {
                        p.builder.element(element, false);
                    }
                    if matches!(element.name(), "article" | "main" | "section")
                        || element.attr("role") == Some("main")
                    {
                        content_depth = content_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    if pending.is_some() {
        entries.push(finish(ctx, pending));
    }
    entries
}

fn finish(ctx: &Ctx, pending: Option<Pending>) -> Entry {
    let Some(Pending {
        mut entry, builder, ..
    }) = pending
    else {
        unreachable!("finish is called with a pending heading");
    };
    let flow = builder.finish();
    entry.description = flow.cell(ctx, 0, flow.text.len());
    entry
}

/// `<title>`, `<link rel="canonical">`, `<meta>` description and dates.
fn read_metadata(ctx: &Ctx, html: &Html, document: &mut Document) {
    if let Some(title) = find(html, "title") {
        let text = flow_of(ctx, title, Some(4096)).text;
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
/// `key: value` lines become metadata.
fn read_front_matter(source: &str, document: &mut Document) {
    let text = source.trim_start_matches('\u{feff}');
    let Some(body) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return;
    };
    for line in body.lines() {
        if line.trim_end() == "---" {
            return;
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
}

/// Transitional: the blocks of an HTML fragment (filled in by the page-model HTML reader).
pub(crate) fn read_fragment(_fragment: &str) -> Vec<statusdoc_model::page::Block> {
    Vec::new()
}
