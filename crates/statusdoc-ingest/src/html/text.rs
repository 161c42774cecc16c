//! Text as a reader sees it, with the source span of every word.
//!
//! A [`Flow`] is the folded text of some elements: whitespace folded, entities decoded
//! (the parser did that), `<br>` a space, block boundaries paragraph breaks and list
//! items `- item` lines. Each word keeps the decoded-stream offset of its text node, so
//! any sub-range of the text (a code, a title) maps back to exact source bytes.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::Node;
use statusdoc_model::{Cell, Span};
use statusdoc_reference::Registry;

use super::positions::TextMap;

/// Everything the HTML readers share for one page.
pub(crate) struct Ctx<'a> {
    pub(crate) map: TextMap,
    pub(crate) positions: HashMap<NodeId, usize>,
    pub(crate) registry: &'a Registry,
    /// Structure problems met while reading (span, code, message), reported as SD004.
    pub(crate) problems: std::cell::RefCell<Vec<(statusdoc_model::Span, u16, String)>>,
}

/// One word of a flow: `len` bytes at `out` in the flow's text came from the decoded
/// stream at `dec` (`usize::MAX` when the text node was not located).
#[derive(Debug, Clone, Copy)]
struct Mark {
    out: usize,
    len: usize,
    dec: usize,
}

/// Folded text plus the position of each word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Flow {
    pub(crate) text: String,
    marks: Vec<Mark>,
}

impl Flow {
    /// A cell for `text[start..end]`, trimmed; `None` when that is blank.
    pub(crate) fn cell(&self, ctx: &Ctx, start: usize, end: usize) -> Option<Cell> {
        let slice = self.text.get(start..end)?;
        let trimmed_start = start + (slice.len() - slice.trim_start().len());
        let trimmed_end = end - (slice.len() - slice.trim_end().len());
        if trimmed_end <= trimmed_start {
            return None;
        }
        let text = self.text.get(trimmed_start..trimmed_end)?.to_owned();
        let span = self.span(ctx, trimmed_start, trimmed_end);
        Some(Cell::new(text, span))
    }

    /// The source span of `text[start..end]`: from the first located byte to the end of
    /// the last; an empty span at the nearest located text when none is.
    pub(crate) fn span(&self, ctx: &Ctx, start: usize, end: usize) -> Span {
        let mut first = None;
        let mut last = None;
        let begin = self.marks.partition_point(|m| m.out + m.len <= start);
        for mark in self.marks.get(begin..).unwrap_or(&[]) {
            if mark.out >= end {
                break;
            }
            if mark.dec == usize::MAX {
                continue;
            }
            let from = start.max(mark.out);
            let to = end.min(mark.out + mark.len);
            if from >= to {
                continue;
            }
            if first.is_none() {
                first = ctx.map.source_start(mark.dec + (from - mark.out));
            }
            last = ctx.map.source_end(mark.dec + (to - mark.out)).or(last);
        }
        match (first, last) {
            (Some(first), Some(last)) if last >= first => Span::new(first, last),
            (Some(first), _) => Span::empty(first),
            _ => Span::empty(self.anchor(ctx)),
        }
    }

    /// A source offset near this flow: its first located word, else 0.
    pub(crate) fn anchor(&self, ctx: &Ctx) -> usize {
        self.marks
            .iter()
            .find(|m| m.dec != usize::MAX)
            .and_then(|m| ctx.map.source_start(m.dec))
            .unwrap_or(0)
    }
}

/// Elements that are never content: scripts, forms, page chrome.
pub(crate) fn is_ignored(element: &Element) -> bool {
    let name = element.name();
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "form"
            | "iframe"
            | "object"
            | "svg"
            | "canvas"
            | "dialog"
    ) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = element.attr("role") {
        if matches!(
            role.trim().to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "search"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
        ) {
            return true;
        }
    }
    let tokens = element
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .chain(element.attr("id"));
    for token in tokens {
        let token = token.to_ascii_lowercase();
        const PARTS: [&str; 16] = [
            "cookie",
            "consent",
            "gdpr",
            "feedback",
            "helpful",
            "breadcrumb",
            "sidebar",
            "navbar",
            "skip-link",
            "skiplink",
            "headerlink",
            "hash-link",
            "anchorjs",
            "anchor-link",
            "social-share",
            "survey",
        ];
        if PARTS.iter().any(|part| token.contains(part))
            || matches!(
                token.as_str(),
                "toc" | "nav" | "menu" | "rating" | "share" | "sr-only" | "visually-hidden"
            )
        {
            return true;
        }
    }
    false
}

/// Elements that start a new paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "caption"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

#[derive(Debug, Default)]
struct Block {
    item: bool,
    text: String,
    marks: Vec<Mark>,
}

/// Builds a [`Flow`] from tree events; used both for whole subtrees and, by the main
/// walk, for descriptions that run from a heading to the next.
pub(crate) struct FlowBuilder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    blocks: Vec<Block>,
    current: Block,
    item_depth: usize,
    space: bool,
    /// Stop after this many non-blank bytes (probing whether text starts with a code).
    limit: usize,
    chars: usize,
}

impl<'c, 'a> FlowBuilder<'c, 'a> {
    pub(crate) fn new(ctx: &'c Ctx<'a>) -> Self {
        FlowBuilder {
            ctx,
            blocks: Vec::new(),
            current: Block::default(),
            item_depth: 0,
            space: false,
            limit: usize::MAX,
            chars: 0,
        }
    }

    pub(crate) fn full(&self) -> bool {
        self.chars >= self.limit
    }

    fn end_block(&mut self) {
        let item = self.item_depth > 0;
        let block = std::mem::replace(
            &mut self.current,
            Block {
                item,
                ..Block::default()
            },
        );
        if !block.text.is_empty() {
            self.blocks.push(block);
        }
        self.space = false;
    }

    /// An element opens (`open`) or closes; its content is fed separately.
    pub(crate) fn element(&mut self, element: &Element, open: bool) {
        let name = element.name();
        if name == "li" {
            self.end_block();
            if open {
                self.item_depth += 1;
            } else {
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            self.current.item = self.item_depth > 0;
        } else if name == "br" || name == "td" || name == "th" || name == "img" {
            self.space = true;
        } else if is_block(name) {
            if self.item_depth > 0 && !matches!(name, "ul" | "ol" | "dl" | "table") {
                self.space = true;
            } else {
                self.end_block();
            }
        }
    }

    /// A text node's content.
    pub(crate) fn text(&mut self, id: NodeId, text: &str) {
        let dec = self.ctx.positions.get(&id).copied();
        if text.starts_with(is_space) {
            self.space = true;
        }
        let mut first = true;
        for word in text.split(is_space) {
            if word.is_empty() {
                continue;
            }
            if self.full() {
                return;
            }
            if !first {
                self.space = true;
            }
            first = false;
            let offset = word.as_ptr() as usize - text.as_ptr() as usize;
            if self.space && !self.current.text.is_empty() {
                self.current.text.push(' ');
            }
            self.space = false;
            let out = self.current.text.len();
            self.current.text.push_str(word);
            self.chars += word.len();
            self.current.marks.push(Mark {
                out,
                len: word.len(),
                dec: dec.map_or(usize::MAX, |d| d + offset),
            });
        }
        if text.ends_with(is_space) {
            self.space = true;
        }
    }

    pub(crate) fn finish(mut self) -> Flow {
        self.end_block();
        let mut flow = Flow::default();
        let mut previous_item = false;
        for block in self.blocks {
            if !flow.text.is_empty() {
                flow.text.push_str(if previous_item && block.item {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            if block.item {
                flow.text.push_str("- ");
            }
            let base = flow.text.len();
            flow.text.push_str(&block.text);
            flow.marks.extend(block.marks.into_iter().map(|m| Mark {
                out: m.out + base,
                ..m
            }));
            previous_item = block.item;
        }
        flow
    }
}

/// HTML whitespace plus the no-break space, which readers see as a space.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The flow of a whole subtree, skipping ignored elements. With `limit`, stops after
/// that many non-blank bytes or after visiting `limit * 16` nodes, so probing a deeply
/// nested structure costs little.
pub(crate) fn flow_of(ctx: &Ctx, node: NodeRef<Node>, limit: Option<usize>) -> Flow {
    let mut builder = FlowBuilder::new(ctx);
    if let Some(limit) = limit {
        builder.limit = limit;
    }
    let mut visits_left = limit.map_or(usize::MAX, |l| l.saturating_mul(16));
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        visits_left = visits_left.saturating_sub(1);
        if visits_left == 0 || builder.full() {
            break;
        }
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(element) => {
                        // The root itself is the container: an `<li>` read alone is
                        // not a list item.
                        if n.id() == node.id() {
                            continue;
                        }
                        if is_ignored(element) {
                            skip = Some(n.id());
                        } else {
                            builder.element(element, true);
                        }
                    }
                    Node::Text(text) => builder.text(n.id(), text),
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_none() && n.id() != node.id() {
                    if let Node::Element(element) = n.value() {
                        builder.element(element, false);
                    }
                }
            }
        }
    }
    builder.finish()
}

/// The element a node's text starts with (looking through `<p>`, `<span>` and `<div>`
/// wrappers), as in `<li><code>404</code> Not Found</li>`. Iterative, with a depth cap.
pub(crate) fn leading_element(node: NodeRef<Node>) -> Option<NodeRef<Node>> {
    let mut current = node;
    let mut found = None;
    for _ in 0..32 {
        let mut next = None;
        for child in current.children() {
            match child.value() {
                Node::Text(text) if text.trim().is_empty() => continue,
                Node::Comment(_) => continue,
                Node::Element(element) => {
                    next = Some((child, matches!(element.name(), "p" | "span" | "div")));
                    break;
                }
                _ => return found,
            }
        }
        match next {
            Some((child, wrapper)) => {
                found = Some(child);
                if !wrapper {
                    return found;
                }
                current = child;
            }
            None => return found,
        }
    }
    found
}

pub(crate) fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    node.value().as_element().map(|e| e.name())
}
