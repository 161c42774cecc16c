//! The parsed tree to page blocks, in one iterative walk (ego-tree's `traverse`) with an
//! explicit stack of open structures, so that no depth of nesting reaches the call
//! stack and every node is visited once.
//!
//! - `h1`–`h6` are headings, `pre` literal blocks, `ul`/`ol` lists (an item's inline
//!   content a paragraph, nested lists nested lists), `dl` definition lists (terms that
//!   follow each other share the definitions after them; several `dd` all go into the
//!   details), `table` tables. `p` and stray inline text are paragraphs; `div`,
//!   `section`, `blockquote` and the like are read through.
//! - Inside a table cell, a term, a caption or a heading, block elements only break
//!   paragraphs and a list is a paragraph of `"- item"` lines (as the page model
//!   renders lists in descriptions); a table or heading there becomes a block of its
//!   own after the structure that holds it (a layout table's status table is a table).
//! - `strong`/`b` mark strong text and `code`/`kbd`/`samp`/`tt` code.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::Node;
use statusdoc_model::page::{Block, Definition, List, Mark, Table, TableCell, Text};
use statusdoc_model::Span;

use super::chrome::is_ignored;
use super::grids::GridRole;
use super::macros::expand;
use super::positions::TextMap;

/// Terms sharing one group of definitions get copies of them up to this many terms;
/// beyond, only the last does, so that a hostile page stays linear.
const MAX_SHARED_TERMS: usize = 32;
/// The largest `rowspan` HTML allows; `rowspan="0"` spans to the end of the table.
const MAX_ROWSPAN: usize = 65534;

/// Elements that end a paragraph (or, inside one text, break it).
#[rustfmt::skip]
const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre",
    "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "xmp",
];
const CODE_ELEMENTS: &[&str] = &["code", "kbd", "samp", "tt"];

/// Whether an element ends a paragraph.
pub(crate) fn is_block_element(name: &str) -> bool {
    BLOCK_ELEMENTS.contains(&name)
}
const LITERAL_ELEMENTS: &[&str] = &["pre", "listing", "xmp"];
const LIST_ELEMENTS: &[&str] = &["ul", "ol", "menu", "li"];

/// What the walk found besides the blocks.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Terms with no definition and definitions with no term: (span, message).
    pub(crate) unpaired: Vec<(Span, String)>,
    /// Non-blank text nodes not found in the source, and where the first one stands.
    pub(crate) unlocated: usize,
    pub(crate) first_unlocated: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
enum TextKind {
    Heading(u8),
    /// A cell's rowspan and colspan.
    Cell(usize, usize),
    Term,
    Caption,
    Literal,
}

/// An open element that collects what is inside it.
struct Frame {
    /// `None` for the content root.
    node: Option<NodeId>,
    /// Tables and headings met inside a table or a text, placed after it.
    after: Vec<Block>,
    kind: Kind,
}

enum Kind {
    /// The root, a list item or a definition's details: its blocks, and the paragraph
    /// being collected with its serial (see [`Builder::serial`]).
    Blocks(Vec<Block>, Option<(Text, usize)>),
    List(List),
    /// The definitions, the index of the first term of the group being read, and
    /// whether the group has a definition yet.
    Definitions(Vec<Definition>, usize, bool),
    /// The table, whether each row is a header row (in `<thead>`, or all `<th>`), and
    /// whether the rows being read are in `<thead>`.
    Table(Table, Vec<(bool, bool)>, bool),
    /// A heading, cell, term, caption or literal block: its text and serial, and the
    /// lists and list items open inside it.
    Text {
        kind: TextKind,
        text: Text,
        serial: usize,
        lists: usize,
        items: usize,
    },
}

pub(crate) struct Builder<'m> {
    map: &'m TextMap,
    positions: &'m HashMap<NodeId, usize>,
    /// Rows and cells of tables laid out with CSS ([`super::grids`]).
    grids: &'m HashMap<NodeId, GridRole>,
    frames: Vec<Frame>,
    /// Open strong and code elements: (element, mark, start in the text, text serial).
    marks: Vec<(NodeId, Mark, usize, usize)>,
    /// Each text being collected gets a new serial, so that a mark applies only to the
    /// text it started in.
    serial: usize,
    /// Open `code`/`pre`-like elements: macros there are shown as written.
    code_depth: usize,
    /// Open `article`/`main`/`section` elements: a `<header>` inside one is content.
    content_depth: usize,
    /// The source offset after the last text read, for text with no position.
    anchor: usize,
    /// Each open disclosure's `<summary>`, and the `<details>` it labels.
    summaries: HashMap<NodeId, NodeId>,
    pub(crate) findings: Findings,
}

impl<'m> Builder<'m> {
    pub(crate) fn new(
        map: &'m TextMap,
        positions: &'m HashMap<NodeId, usize>,
        grids: &'m HashMap<NodeId, GridRole>,
    ) -> Self {
        Builder {
            map,
            positions,
            grids,
            frames: vec![frame(None, Kind::Blocks(Vec::new(), None))],
            marks: Vec::new(),
            serial: 0,
            code_depth: 0,
            content_depth: 0,
            anchor: 0,
            summaries: HashMap::new(),
            findings: Findings::default(),
        }
    }

    /// Reads what is inside `root`, skipping page chrome.
    pub(crate) fn walk(&mut self, root: NodeRef<Node>) {
        let mut skip: Option<NodeId> = None;
        for edge in root.traverse() {
            let (node, open) = match edge {
                Edge::Open(node) => (node, true),
                Edge::Close(node) => (node, false),
            };
            if skip.is_some() {
                if !open && skip == Some(node.id()) {
                    skip = None;
                }
                continue;
            }
            let element = match node.value() {
                Node::Text(text) if open => {
                    self.text(node.id(), text);
                    continue;
                }
                Node::Element(element) => element,
                _ => continue,
            };
            let is_root = node.id() == root.id();
            if open
                && !is_root
                && (is_ignored(element) && !is_disclosure(node)
                    || element.name() == "header" && self.content_depth == 0)
            {
                skip = Some(node.id());
                continue;
            }
            if matches!(element.name(), "article" | "main" | "section")
                || element.attr("role") == Some("main")
            {
                self.content_depth = if open {
                    self.content_depth + 1
                } else {
                    self.content_depth.saturating_sub(1)
                };
            }
            match (is_root, open) {
                (true, _) => {}
                (false, true) if element.name() == "details" => self.open_details(node),
                (false, true) => self.open(node.id(), element),
                (false, false) => self.close(node.id(), element.name()),
            }
        }
    }

    /// The blocks read, closing whatever is still open.
    pub(crate) fn finish(mut self) -> (Vec<Block>, Findings) {
        while self.frames.len() > 1 {
            self.pop();
        }
        let blocks = match self.frames.pop().map(|f| f.kind) {
            Some(Kind::Blocks(mut blocks, paragraph)) => {
                push_paragraph(&mut blocks, paragraph);
                blocks
            }
            _ => Vec::new(),
        };
        (blocks, self.findings)
    }

    fn top(&mut self) -> Option<&mut Kind> {
        self.frames.last_mut().map(|f| &mut f.kind)
    }

    fn open(&mut self, id: NodeId, element: &Element) {
        match self.grids.get(&id).copied() {
            Some(GridRole::Row { table_until }) => {
                if let Some(last_row) = table_until {
                    self.open_frame(last_row, Kind::Table(Table::default(), Vec::new(), false));
                }
                if let Some(Kind::Table(table, heads, _)) = self.top() {
                    table.rows.push(Vec::new());
                    heads.push((false, false));
                    return;
                }
            }
            Some(GridRole::Cell) if matches!(self.top(), Some(Kind::Table(..))) => {
                self.open_text(id, TextKind::Cell(1, 1));
                return;
            }
            _ => {}
        }
        let name = element.name();
        let top_is_text = matches!(self.top(), Some(Kind::Text { .. }));
        let is_summary = self.summaries.contains_key(&id);
        if CODE_ELEMENTS.contains(&name) || LITERAL_ELEMENTS.contains(&name) {
            self.code_depth += 1;
        }
        match (name, self.top()) {
            (_, Some(Kind::Text { .. })) if LIST_ELEMENTS.contains(&name) => {
                self.text_list(name, true)
            }
            ("br" | "img" | "wbr", _) => self.space(),
            ("strong" | "b", _) => self.open_mark(id, Mark::Strong),
            _ if CODE_ELEMENTS.contains(&name) => self.open_mark(id, Mark::Code),
            _ if LITERAL_ELEMENTS.contains(&name) && !top_is_text => {
                self.open_text(id, TextKind::Literal)
            }
            _ if heading_level(name).is_some() => {
                self.open_text(id, TextKind::Heading(heading_level(name).unwrap_or(1)))
            }
            ("ul" | "ol" | "menu", _) => self.open_frame(id, Kind::List(List::default())),
            ("dl", _) if !top_is_text => {
                self.open_frame(id, Kind::Definitions(Vec::new(), 0, false))
            }
            ("li", Some(Kind::List(_))) | ("dd", Some(Kind::Definitions(..))) => {
                self.open_frame(id, Kind::Blocks(Vec::new(), None))
            }
            ("dt", Some(Kind::Definitions(..))) => self.open_text(id, TextKind::Term),
            ("summary", Some(Kind::Definitions(..))) if is_summary => {
                self.open_text(id, TextKind::Term)
            }
            ("table", _) => self.open_frame(id, Kind::Table(Table::default(), Vec::new(), false)),
            ("caption", Some(Kind::Table(..))) => self.open_text(id, TextKind::Caption),
            ("thead" | "tbody" | "tfoot", Some(Kind::Table(_, _, in_head))) => {
                *in_head = name == "thead"
            }
            ("tr" | "td" | "th", Some(Kind::Table(table, heads, in_head))) => {
                if name == "tr" || table.rows.is_empty() {
                    table.rows.push(Vec::new());
                    heads.push((*in_head, true));
                }
                if name != "tr" {
                    if let Some(head) = heads.last_mut() {
                        head.1 &= name == "th";
                    }
                    let span = |attr| element.attr(attr).and_then(|v| v.trim().parse().ok());
                    let rowspan = match span("rowspan") {
                        Some(0) => MAX_ROWSPAN,
                        n => n.unwrap_or(1).min(MAX_ROWSPAN),
                    };
                    let colspan = span("colspan").unwrap_or(1).clamp(1, 1000);
                    self.open_text(id, TextKind::Cell(rowspan, colspan));
                }
            }
            _ if BLOCK_ELEMENTS.contains(&name) => self.boundary(),
            _ => {}
        }
    }

    /// A disclosure (`<details>` whose first element is its `<summary>`) is a term and
    /// what it defines: API references show each response so, the code in the summary
    /// and its headers, schema and example inside. Its content is a container, read
    /// like the page's own blocks.
    fn open_details(&mut self, node: NodeRef<Node>) {
        let summary = node
            .children()
            .find(|c| matches!(c.value(), Node::Element(_)))
            .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "summary"));
        let top_is_text = matches!(self.top(), Some(Kind::Text { .. }));
        match summary {
            Some(summary) if !top_is_text => {
                self.summaries.insert(summary.id(), node.id());
                self.open_frame(node.id(), Kind::Definitions(Vec::new(), 0, false));
            }
            _ => self.boundary(),
        }
    }

    fn close(&mut self, id: NodeId, name: &str) {
        if CODE_ELEMENTS.contains(&name) || LITERAL_ELEMENTS.contains(&name) {
            self.code_depth = self.code_depth.saturating_sub(1);
        }
        if matches!(name, "strong" | "b") || CODE_ELEMENTS.contains(&name) {
            if let Some(index) = self.marks.iter().rposition(|(node, ..)| *node == id) {
                let (_, mark, from, serial) = self.marks.remove(index);
                if let Some((text, current)) = self.current_text() {
                    if current == serial {
                        text.mark(from, mark);
                    }
                }
            }
        }
        let top_is_text = matches!(self.top(), Some(Kind::Text { .. }));
        if self.frames.last().and_then(|f| f.node) == Some(id) {
            // A disclosure is two frames on one element: its content and its list.
            while self.frames.last().and_then(|f| f.node) == Some(id) {
                self.pop();
            }
            if let Some(details) = self.summaries.remove(&id) {
                if self.frames.last().and_then(|f| f.node) == Some(details) {
                    self.open_frame(details, Kind::Blocks(Vec::new(), None));
                }
            }
        } else if top_is_text && LIST_ELEMENTS.contains(&name) {
            self.text_list(name, false);
        } else if let ("thead", Some(Kind::Table(_, _, in_head))) = (name, self.top()) {
            *in_head = false;
        } else if BLOCK_ELEMENTS.contains(&name) {
            self.boundary();
        }
    }

    fn open_frame(&mut self, id: NodeId, kind: Kind) {
        self.boundary();
        self.frames.push(frame(Some(id), kind));
    }

    fn open_text(&mut self, id: NodeId, kind: TextKind) {
        if matches!(kind, TextKind::Heading(_) | TextKind::Literal) {
            self.boundary();
        }
        self.serial += 1;
        let text = Kind::Text {
            kind,
            text: Text::new(),
            serial: self.serial,
            lists: 0,
            items: 0,
        };
        self.frames.push(frame(Some(id), text));
    }

    fn open_mark(&mut self, id: NodeId, mark: Mark) {
        if let Some((text, serial)) = self.inline_text() {
            let from = text.len();
            self.marks.push((id, mark, from, serial));
        }
    }

    /// A list inside one text (a cell, a term): a paragraph of `"- item"` lines.
    fn text_list(&mut self, name: &str, open: bool) {
        let at = self.anchor;
        let Some(Kind::Text {
            text, lists, items, ..
        }) = self.top()
        else {
            return;
        };
        match (name, open) {
            ("li", true) if *lists > 0 => {
                if !text.as_str().is_empty() && !text.as_str().ends_with("\n\n") {
                    text.trim_end();
                    text.push_synthetic("\n", at);
                }
                text.push_synthetic("- ", at);
                *items += 1;
            }
            ("li", true) => text.space(Span::empty(at)),
            ("li", false) => *items = items.saturating_sub(1),
            (_, true) => {
                if *lists == 0 {
                    text.paragraph_break();
                }
                *lists += 1;
            }
            (_, false) => {
                *lists = lists.saturating_sub(1);
                if *lists == 0 {
                    text.paragraph_break();
                }
            }
        }
    }

    /// A block element starts or ends: the paragraph being collected ends (inside one
    /// text, a paragraph break; inside a list item there, a space).
    fn boundary(&mut self) {
        let at = self.anchor;
        match self.top() {
            Some(Kind::Blocks(blocks, paragraph)) => push_paragraph(blocks, paragraph.take()),
            Some(Kind::Text { text, items, .. }) if *items > 0 => text.space(Span::empty(at)),
            Some(Kind::Text { text, .. }) => text.paragraph_break(),
            _ => {}
        }
    }

    /// The text inline content goes to, started when needed.
    fn inline_text(&mut self) -> Option<(&mut Text, usize)> {
        let next = self.serial + 1;
        let (text, serial) = match self.frames.last_mut().map(|f| &mut f.kind)? {
            Kind::Blocks(_, paragraph) => {
                let (text, serial) = paragraph.get_or_insert_with(|| (Text::new(), next));
                (text, *serial)
            }
            Kind::Text { text, serial, .. } => (text, *serial),
            _ => return None,
        };
        self.serial = self.serial.max(serial);
        Some((text, serial))
    }

    /// The text being collected, if any (never starts one).
    fn current_text(&mut self) -> Option<(&mut Text, usize)> {
        match self.top()? {
            Kind::Blocks(_, Some((text, serial))) | Kind::Text { text, serial, .. } => {
                Some((text, *serial))
            }
            _ => None,
        }
    }

    fn space(&mut self) {
        let at = self.anchor;
        if let Some((text, _)) = self.current_text() {
            text.space(Span::empty(at));
        }
    }

    fn text(&mut self, id: NodeId, content: &str) {
        if content.trim().is_empty() {
            if !content.is_empty() {
                self.space();
            }
            return;
        }
        let position = self.positions.get(&id).copied();
        let (map, in_code, mut anchor) = (self.map, self.code_depth > 0, self.anchor);
        // Text right inside a list (outside its items) is an item of its own.
        let in_list = matches!(self.top(), Some(Kind::List(_)));
        let mut stray = Text::new();
        let text = match self.inline_text() {
            _ if in_list => &mut stray,
            Some((text, _)) => text,
            // Text between table rows or terms (the parser moves most of it out).
            None => return,
        };
        match position {
            Some(dec) => {
                let mut push = |from: usize, to: usize| {
                    let piece = &content[from..to];
                    if let Some(end) = push_decoded(text, map, dec + from, piece) {
                        anchor = end;
                    }
                };
                if in_code {
                    push(0, content.len());
                } else {
                    expand(content, &mut push);
                }
            }
            None => {
                text.push_mapped(content, Span::empty(anchor));
                self.findings.unlocated += 1;
                self.findings.first_unlocated.get_or_insert(anchor);
            }
        }
        self.anchor = anchor;
        if let Some(Kind::List(list)) = self.top() {
            stray.trim_end();
            list.items.push(vec![Block::Paragraph(stray)]);
        }
    }

    /// Closes the innermost structure and places what it read in the one around it.
    fn pop(&mut self) {
        let Some(Frame { kind, after, node }) = self.frames.pop() else {
            return;
        };
        let anchor = self.anchor;
        // A disclosure's content and its list are frames on the same element.
        let disclosed = node.is_some() && self.frames.last().and_then(|f| f.node) == node;
        let block = match kind {
            Kind::Blocks(mut blocks, paragraph) => {
                push_paragraph(&mut blocks, paragraph);
                if disclosed && !blocks.is_empty() {
                    blocks = vec![Block::Container(blocks)];
                }
                match self.frames.last_mut().map(|f| &mut f.kind) {
                    Some(Kind::List(list)) => list.items.push(blocks),
                    Some(Kind::Definitions(definitions, group, defined)) => {
                        if *group == definitions.len() {
                            let at = blocks.first().and_then(|b| b.flat_text().whole());
                            let span = at.map_or(Span::empty(anchor), |c| c.span);
                            let message = "this definition (<dd>) has no term (<dt>) before it";
                            self.findings.unpaired.push((span, message.into()));
                            definitions.push(Definition {
                                term: Text::new(),
                                details: blocks,
                            });
                        } else {
                            let from = if definitions.len() - *group > MAX_SHARED_TERMS {
                                definitions.len() - 1
                            } else {
                                *group
                            };
                            for definition in &mut definitions[from..] {
                                definition.details.extend(blocks.iter().cloned());
                            }
                        }
                        *defined = true;
                    }
                    // Items and details open only inside their list.
                    _ => {}
                }
                None
            }
            Kind::List(list) => Some(Block::List(list)),
            Kind::Definitions(definitions, group, defined) => {
                for term in definitions[group..].iter().filter(|_| !defined) {
                    let span = term.term.whole().map_or(Span::empty(anchor), |c| c.span);
                    let message = format!(
                        "the term \"{}\" has no definition (<dd>) after it",
                        term.term.as_str().chars().take(60).collect::<String>()
                    );
                    self.findings.unpaired.push((span, message));
                }
                Some(Block::DefinitionList(definitions))
            }
            Kind::Table(mut table, heads, _) => {
                let thead = heads.iter().take_while(|h| h.0).count();
                let th = heads.iter().zip(&table.rows);
                let th = th.take_while(|(h, row)| h.1 && !row.is_empty()).count();
                table.header_rows = match (thead, th) {
                    (0, th) if th == heads.len() && th > 1 => 1,
                    (0, th) => th,
                    (thead, _) => thead,
                };
                Some(Block::Table(table))
            }
            Kind::Text { kind, mut text, .. } => {
                text.trim_end();
                match (kind, self.top()) {
                    (TextKind::Heading(level), _) => Some(Block::Heading {
                        level,
                        text: without_permalinks(text),
                    }),
                    (TextKind::Literal, _) => (!text.is_empty()).then_some(Block::Literal(text)),
                    (TextKind::Term, Some(Kind::Definitions(definitions, group, defined))) => {
                        if *defined {
                            *group = definitions.len();
                            *defined = false;
                        }
                        definitions.push(Definition {
                            term: text,
                            details: Vec::new(),
                        });
                        None
                    }
                    (TextKind::Caption, Some(Kind::Table(table, ..))) => {
                        match &mut table.caption {
                            Some(caption) => {
                                caption.paragraph_break();
                                caption.append(&text);
                            }
                            None => table.caption = Some(text),
                        }
                        None
                    }
                    (TextKind::Cell(rowspan, colspan), Some(Kind::Table(table, ..))) => {
                        if let Some(row) = table.rows.last_mut() {
                            row.push(TableCell {
                                rowspan,
                                colspan,
                                ..TableCell::new(text)
                            });
                        }
                        None
                    }
                    _ => None,
                }
            }
        };
        for block in block.into_iter().chain(after) {
            self.push(block);
        }
    }

    /// Places a finished block in the innermost open structure.
    fn push(&mut self, block: Block) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        match &mut frame.kind {
            Kind::Blocks(blocks, paragraph) => {
                push_paragraph(blocks, paragraph.take());
                blocks.push(block);
            }
            Kind::List(list) => list.items.push(vec![block]),
            Kind::Definitions(definitions, ..) => match definitions.last_mut() {
                Some(last) => last.details.push(block),
                None => definitions.push(Definition {
                    term: Text::new(),
                    details: vec![block],
                }),
            },
            Kind::Table(..) | Kind::Text { .. } => frame.after.push(block),
        }
    }
}

fn frame(node: Option<NodeId>, kind: Kind) -> Frame {
    Frame {
        node,
        after: Vec::new(),
        kind,
    }
}

fn push_paragraph(blocks: &mut Vec<Block>, paragraph: Option<(Text, usize)>) {
    if let Some((mut text, _)) = paragraph.filter(|(t, _)| !t.is_empty()) {
        text.trim_end();
        blocks.push(Block::Paragraph(text));
    }
}

/// Pushes `piece`, which stands at `dec` in the decoded stream, with its source
/// positions: literal runs verbatim, entities and line endings mapped. Returns the
/// source offset after it.
fn push_decoded(text: &mut Text, map: &TextMap, dec: usize, piece: &str) -> Option<usize> {
    let mut end = None;
    for (range, source, literal) in map.pieces(dec..dec + piece.len()) {
        let part = piece.get(range.start - dec..range.end - dec)?;
        if literal {
            text.push_source(part, source.start);
        } else {
            text.push_mapped(part, source);
        }
        end = Some(source.end);
    }
    end
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// A heading without the permalink glyphs site generators put at its start or end
/// ("# 404: Not Found" from a `#` anchor, "Errors¶" from Sphinx's headerlink): they
/// are navigation, not the heading's words.
fn without_permalinks(text: Text) -> Text {
    const GLYPHS: [&str; 5] = ["#", "¶", "§", "🔗", "⚓"];
    let s = text.as_str();
    let mut start = 0;
    let mut end = s.len();
    loop {
        let rest = s[start..end].trim_start();
        let Some(glyph) = GLYPHS.iter().find(|g| {
            rest.strip_prefix(**g)
                .is_some_and(|after| after.starts_with(char::is_whitespace))
        }) else {
            break;
        };
        start = end - rest.len() + glyph.len();
    }
    loop {
        let rest = s[start..end].trim_end();
        // "C#" keeps its "#": a trailing "#" counts only set apart.
        let Some(glyph) = GLYPHS.iter().find(|g| {
            rest.strip_suffix(**g).is_some_and(|before| {
                **g != "#" || before.is_empty() || before.ends_with(char::is_whitespace)
            })
        }) else {
            break;
        };
        end = start + rest.len() - glyph.len();
    }
    let inner = &s[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let (start, end) = (start + lead, start + inner.trim_end().len());
    if (start, end) == (0, s.len()) || start >= end {
        return text;
    }
    text.slice(start..end)
}

/// A button that holds blocks of text (`<button><strong>201</strong><div><p>Created…`):
/// the header of an expandable section (API references show each response so), whose
/// text is content; a "Copy" or "Try it" button holds none.
fn is_disclosure(node: NodeRef<Node>) -> bool {
    matches!(node.value(), Node::Element(e) if e.name() == "button")
        && node
            .descendants()
            .any(|d| matches!(d.value(), Node::Element(e) if matches!(e.name(), "div" | "p")))
}
