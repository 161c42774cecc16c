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
//!   paragraphs; a table or heading there becomes a block of its own after the
//!   structure that holds it (a layout table's status table is a table, not cell text).
//! - `strong`/`b` mark strong text and `code`/`kbd`/`samp`/`tt` code.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::Node;
use statusdoc_model::page::{Block, Definition, List, Mark, Table, TableCell, Text};
use statusdoc_model::Span;

use super::chrome::is_ignored;
use super::macros::expand;
use super::positions::TextMap;

/// Terms sharing one group of definitions get copies of them up to this many terms;
/// beyond, only the last does, so that a hostile page stays linear.
const MAX_SHARED_TERMS: usize = 32;
/// The largest `rowspan` HTML allows; `rowspan="0"` spans to the end of the table.
const MAX_ROWSPAN: usize = 65534;

/// What the walk found besides the blocks.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Terms with no definition and definitions with no term: (span, message).
    pub(crate) unpaired: Vec<(Span, String)>,
    /// Non-blank text nodes not found in the source, and where the first one stands.
    pub(crate) unlocated: usize,
    pub(crate) first_unlocated: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Heading(u8),
    Cell {
        header: bool,
        rowspan: usize,
        colspan: usize,
    },
    Term,
    Caption,
    Literal,
}

#[derive(Debug)]
struct Row {
    in_head: bool,
    all_th: bool,
    cells: Vec<TableCell>,
}

enum Frame {
    /// The content root, a list item or a definition's details: blocks, and the
    /// paragraph being collected (with its serial, see [`Builder::serial`]).
    Blocks {
        node: Option<NodeId>,
        blocks: Vec<Block>,
        paragraph: Option<(Text, usize)>,
    },
    List {
        node: NodeId,
        list: List,
    },
    Definitions {
        node: NodeId,
        definitions: Vec<Definition>,
        /// Index of the first term of the group being read.
        group: usize,
        /// The group already has a definition.
        defined: bool,
    },
    Table {
        node: NodeId,
        caption: Option<Text>,
        rows: Vec<Row>,
        in_head: bool,
        after: Vec<Block>,
    },
    /// One text: a heading, cell, term, caption or literal block.
    Text {
        node: NodeId,
        kind: TextKind,
        text: Text,
        serial: usize,
        /// Tables and headings met inside, placed after it.
        after: Vec<Block>,
        /// Open lists and list items inside: items are `"- item"` lines, as the page
        /// model renders a list in a description.
        lists: usize,
        items: usize,
    },
}

impl Frame {
    fn node(&self) -> Option<NodeId> {
        match self {
            Frame::Blocks { node, .. } => *node,
            Frame::List { node, .. }
            | Frame::Definitions { node, .. }
            | Frame::Table { node, .. }
            | Frame::Text { node, .. } => Some(*node),
        }
    }
}

pub(crate) struct Builder<'m> {
    map: &'m TextMap,
    positions: &'m HashMap<NodeId, usize>,
    frames: Vec<Frame>,
    /// Open strong and code elements: (element, mark, start in the text, text serial).
    marks: Vec<(NodeId, Mark, usize, usize)>,
    /// Each text being collected gets a new serial, so a mark is only applied to the
    /// text it started in.
    serial: usize,
    /// Open `code`/`pre`-like elements: macros there are shown as written.
    code_depth: usize,
    /// Open `article`/`main`/`section` elements: a `<header>` inside one is content.
    content_depth: usize,
    /// The source offset after the last text read, for text with no position.
    anchor: usize,
    pub(crate) findings: Findings,
}

impl<'m> Builder<'m> {
    pub(crate) fn new(map: &'m TextMap, positions: &'m HashMap<NodeId, usize>) -> Self {
        Builder {
            map,
            positions,
            frames: vec![Frame::Blocks {
                node: None,
                blocks: Vec::new(),
                paragraph: None,
            }],
            marks: Vec::new(),
            serial: 0,
            code_depth: 0,
            content_depth: 0,
            anchor: 0,
            findings: Findings::default(),
        }
    }

    /// Reads the content of `root` (not the element itself, except as content).
    pub(crate) fn walk(&mut self, root: NodeRef<Node>) {
        let mut skip: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.text(node.id(), text),
                        Node::Element(element) => {
                            let is_root = node.id() == root.id();
                            if !is_root
                                && (is_ignored(element)
                                    || element.name() == "header" && self.content_depth == 0)
                            {
                                skip = Some(node.id());
                            } else {
                                if is_content(element) {
                                    self.content_depth += 1;
                                }
                                if !is_root {
                                    self.open(node.id(), element);
                                }
                            }
                        }
                        _ => {}
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
                        if is_content(element) {
                            self.content_depth = self.content_depth.saturating_sub(1);
                        }
                        if node.id() != root.id() {
                            self.close(node.id(), element);
                        }
                    }
                }
            }
        }
    }

    /// The blocks read, closing whatever is still open.
    pub(crate) fn finish(mut self) -> (Vec<Block>, Findings) {
        while self.frames.len() > 1 {
            self.pop();
        }
        let blocks = match self.frames.pop() {
            Some(Frame::Blocks {
                mut blocks,
                paragraph,
                ..
            }) => {
                if let Some((text, _)) = paragraph {
                    push_paragraph(&mut blocks, text);
                }
                blocks
            }
            _ => Vec::new(),
        };
        (blocks, self.findings)
    }

    fn top_is_text(&self) -> bool {
        matches!(self.frames.last(), Some(Frame::Text { .. }))
    }

    fn open(&mut self, id: NodeId, element: &Element) {
        let name = element.name();
        let top_is_text = self.top_is_text();
        let top_is = |frames: &[Frame], f: fn(&Frame) -> bool| frames.last().is_some_and(f);
        match name {
            "ul" | "ol" | "menu" | "li" if top_is_text => self.text_list(name, true),
            "br" | "img" | "wbr" => self.space(),
            "strong" | "b" => self.open_mark(id, Mark::Strong),
            "code" | "kbd" | "samp" | "tt" => {
                self.code_depth += 1;
                self.open_mark(id, Mark::Code);
            }
            "pre" | "listing" | "xmp" => {
                self.code_depth += 1;
                if top_is_text {
                    self.boundary();
                } else {
                    self.push_text_frame(id, TextKind::Literal);
                }
            }
            _ if heading_level(name).is_some() => {
                let level = heading_level(name).unwrap_or(1);
                self.push_text_frame(id, TextKind::Heading(level));
            }
            "ul" | "ol" | "menu" if !top_is_text => {
                self.boundary();
                self.frames.push(Frame::List {
                    node: id,
                    list: List::default(),
                });
            }
            "li" if top_is(&self.frames, |f| matches!(f, Frame::List { .. })) => {
                self.frames.push(Frame::Blocks {
                    node: Some(id),
                    blocks: Vec::new(),
                    paragraph: None,
                });
            }
            "dl" if !top_is_text => {
                self.boundary();
                self.frames.push(Frame::Definitions {
                    node: id,
                    definitions: Vec::new(),
                    group: 0,
                    defined: false,
                });
            }
            "dt" | "dd" if top_is(&self.frames, |f| matches!(f, Frame::Definitions { .. })) => {
                if name == "dt" {
                    if let Some(Frame::Definitions {
                        definitions,
                        group,
                        defined,
                        ..
                    }) = self.frames.last_mut()
                    {
                        if *defined {
                            *group = definitions.len();
                            *defined = false;
                        }
                    }
                    self.push_text_frame(id, TextKind::Term);
                } else {
                    self.frames.push(Frame::Blocks {
                        node: Some(id),
                        blocks: Vec::new(),
                        paragraph: None,
                    });
                }
            }
            "table" => {
                self.boundary();
                self.frames.push(Frame::Table {
                    node: id,
                    caption: None,
                    rows: Vec::new(),
                    in_head: false,
                    after: Vec::new(),
                });
            }
            "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
                if top_is(&self.frames, |f| matches!(f, Frame::Table { .. })) =>
            {
                self.open_table_part(id, element);
            }
            _ if is_block(name) => self.boundary(),
            _ => {}
        }
    }

    fn open_table_part(&mut self, id: NodeId, element: &Element) {
        let name = element.name();
        if name == "caption" {
            self.push_text_frame(id, TextKind::Caption);
            return;
        }
        let Some(Frame::Table { rows, in_head, .. }) = self.frames.last_mut() else {
            return;
        };
        match name {
            "thead" => *in_head = true,
            "tbody" | "tfoot" => *in_head = false,
            "tr" => rows.push(Row {
                in_head: *in_head,
                all_th: true,
                cells: Vec::new(),
            }),
            _ => {
                if rows.is_empty() {
                    rows.push(Row {
                        in_head: *in_head,
                        all_th: true,
                        cells: Vec::new(),
                    });
                }
                let header = name == "th";
                if let Some(row) = rows.last_mut() {
                    row.all_th &= header;
                }
                let span = |attr: &str| {
                    element
                        .attr(attr)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                };
                let rowspan = match span("rowspan") {
                    Some(0) => MAX_ROWSPAN,
                    Some(n) => n.min(MAX_ROWSPAN),
                    None => 1,
                };
                let colspan = span("colspan").unwrap_or(1).clamp(1, 1000);
                self.push_text_frame(
                    id,
                    TextKind::Cell {
                        header,
                        rowspan,
                        colspan,
                    },
                );
            }
        }
    }

    fn close(&mut self, id: NodeId, element: &Element) {
        let name = element.name();
        if matches!(
            name,
            "code" | "kbd" | "samp" | "tt" | "pre" | "listing" | "xmp"
        ) {
            self.code_depth = self.code_depth.saturating_sub(1);
        }
        if matches!(name, "strong" | "b" | "code" | "kbd" | "samp" | "tt") {
            if let Some(index) = self.marks.iter().rposition(|(node, ..)| *node == id) {
                let (_, mark, from, serial) = self.marks.remove(index);
                if let Some((text, current)) = self.current_text() {
                    if current == serial {
                        text.mark(from, mark);
                    }
                }
            }
        }
        if self.frames.last().and_then(Frame::node) == Some(id) {
            self.pop();
        } else if self.top_is_text() && matches!(name, "ul" | "ol" | "menu" | "li") {
            self.text_list(name, false);
        } else if name == "thead" {
            if let Some(Frame::Table { in_head, .. }) = self.frames.last_mut() {
                *in_head = false;
            }
        } else if is_block(name) || matches!(name, "pre" | "listing" | "xmp" | "table") {
            self.boundary();
        }
    }

    fn open_mark(&mut self, id: NodeId, mark: Mark) {
        if let Some((text, serial)) = self.inline_text() {
            let from = text.len();
            self.marks.push((id, mark, from, serial));
        }
    }

    fn push_text_frame(&mut self, node: NodeId, kind: TextKind) {
        if !matches!(
            kind,
            TextKind::Cell { .. } | TextKind::Caption | TextKind::Term
        ) {
            self.boundary();
        }
        self.serial += 1;
        self.frames.push(Frame::Text {
            node,
            kind,
            text: Text::new(),
            serial: self.serial,
            after: Vec::new(),
            lists: 0,
            items: 0,
        });
    }

    /// A list inside one text (a cell, a term): a paragraph of `"- item"` lines.
    fn text_list(&mut self, name: &str, open: bool) {
        let at = self.anchor;
        let Some(Frame::Text {
            text, lists, items, ..
        }) = self.frames.last_mut()
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
            ("li", false) => *items = items.saturating_sub(1),
            ("li", true) => text.space(Span::empty(at)),
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

    /// A block element starts or ends: the paragraph being collected ends (or, inside
    /// one text, a paragraph break).
    fn boundary(&mut self) {
        let at = self.anchor;
        match self.frames.last_mut() {
            Some(Frame::Blocks {
                blocks, paragraph, ..
            }) => {
                if let Some((text, _)) = paragraph.take() {
                    push_paragraph(blocks, text);
                }
            }
            Some(Frame::Text { text, items, .. }) => {
                if *items > 0 {
                    text.space(Span::empty(at));
                } else {
                    text.paragraph_break();
                }
            }
            _ => {}
        }
    }

    /// The text inline content goes to, started when needed.
    fn inline_text(&mut self) -> Option<(&mut Text, usize)> {
        let serial = &mut self.serial;
        match self.frames.last_mut()? {
            Frame::Blocks { paragraph, .. } => {
                let (text, serial) = paragraph.get_or_insert_with(|| {
                    *serial += 1;
                    (Text::new(), *serial)
                });
                Some((text, *serial))
            }
            Frame::Text { text, serial, .. } => Some((text, *serial)),
            _ => None,
        }
    }

    /// The text being collected, if any (never starts one).
    fn current_text(&mut self) -> Option<(&mut Text, usize)> {
        match self.frames.last_mut()? {
            Frame::Blocks {
                paragraph: Some((text, serial)),
                ..
            } => Some((text, *serial)),
            Frame::Text { text, serial, .. } => Some((text, *serial)),
            _ => None,
        }
    }

    fn space(&mut self) {
        let anchor = self.anchor;
        if let Some((text, _)) = self.current_text() {
            text.space(Span::empty(anchor));
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
        let stray_in_list = matches!(self.frames.last(), Some(Frame::List { .. }));
        let map = self.map;
        let in_code = self.code_depth > 0;
        let mut anchor = self.anchor;
        let mut stray = Text::new();
        {
            let text = if stray_in_list {
                &mut stray
            } else {
                match self.inline_text() {
                    Some((text, _)) => text,
                    // Text between table rows or terms (the parser moves most of it
                    // out of tables).
                    None => return,
                }
            };
            match position {
                Some(dec) => {
                    let mut push = |from: usize, to: usize| {
                        if let Some(end) = push_decoded(text, map, dec + from, &content[from..to]) {
                            anchor = end;
                        }
                    };
                    if in_code {
                        push(0, content.len());
                    } else {
                        expand(content, &mut push);
                    }
                }
                None => text.push_mapped(content, Span::empty(anchor)),
            }
        }
        if position.is_none() {
            self.findings.unlocated += 1;
            self.findings.first_unlocated.get_or_insert(anchor);
        }
        self.anchor = anchor;
        if stray_in_list {
            if let Some(Frame::List { list, .. }) = self.frames.last_mut() {
                stray.trim_end();
                list.items.push(vec![Block::Paragraph(stray)]);
            }
        }
    }

    /// Closes the innermost structure and places what it read in the one around it.
    fn pop(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Blocks {
                mut blocks,
                paragraph,
                ..
            } => {
                if let Some((text, _)) = paragraph {
                    push_paragraph(&mut blocks, text);
                }
                match self.frames.last_mut() {
                    Some(Frame::List { list, .. }) => list.items.push(blocks),
                    Some(Frame::Definitions {
                        definitions,
                        group,
                        defined,
                        ..
                    }) => {
                        if *group >= definitions.len() {
                            let span = Span::empty(first_span(&blocks).unwrap_or(self.anchor));
                            self.findings.unpaired.push((
                                span,
                                "this definition (<dd>) has no term (<dt>) before it".into(),
                            ));
                            *group = definitions.len();
                            definitions.push(Definition {
                                term: Text::new(),
                                details: blocks,
                            });
                        } else {
                            let terms = definitions.len() - *group;
                            let from = if terms > MAX_SHARED_TERMS {
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
                    // Never: items and definitions open only inside their list.
                    _ => {
                        for block in blocks {
                            self.push(block);
                        }
                    }
                }
            }
            Frame::List { list, .. } => self.push(Block::List(list)),
            Frame::Definitions {
                definitions,
                group,
                defined,
                ..
            } => {
                if !defined {
                    for definition in definitions.get(group..).unwrap_or(&[]) {
                        let span = definition
                            .term
                            .whole()
                            .map_or(Span::empty(self.anchor), |c| c.span);
                        self.findings.unpaired.push((
                            span,
                            format!(
                                "the term \"{}\" has no definition (<dd>) after it",
                                short(definition.term.as_str())
                            ),
                        ));
                    }
                }
                self.push(Block::DefinitionList(definitions));
            }
            Frame::Table {
                caption,
                rows,
                after,
                ..
            } => {
                let head = rows.iter().take_while(|r| r.in_head).count();
                let header_rows = if head > 0 {
                    head
                } else {
                    let th = rows
                        .iter()
                        .take_while(|r| r.all_th && !r.cells.is_empty())
                        .count();
                    if th == rows.len() && th > 1 {
                        1
                    } else {
                        th
                    }
                };
                let table = Table {
                    caption,
                    header_rows,
                    rows: rows.into_iter().map(|r| r.cells).collect(),
                };
                self.push(Block::Table(table));
                for block in after {
                    self.push(block);
                }
            }
            Frame::Text {
                kind,
                mut text,
                after,
                ..
            } => {
                text.trim_end();
                match kind {
                    TextKind::Heading(level) => self.push(Block::Heading { level, text }),
                    TextKind::Literal => {
                        if !text.is_empty() {
                            self.push(Block::Literal(text));
                        }
                    }
                    TextKind::Term => {
                        if let Some(Frame::Definitions { definitions, .. }) = self.frames.last_mut()
                        {
                            definitions.push(Definition {
                                term: text,
                                details: after,
                            });
                            return;
                        }
                    }
                    TextKind::Caption => {
                        if let Some(Frame::Table { caption, .. }) = self.frames.last_mut() {
                            match caption {
                                Some(existing) => {
                                    existing.paragraph_break();
                                    existing.append(&text);
                                }
                                None => *caption = Some(text),
                            }
                        }
                    }
                    TextKind::Cell {
                        rowspan, colspan, ..
                    } => {
                        if let Some(Frame::Table { rows, .. }) = self.frames.last_mut() {
                            if let Some(row) = rows.last_mut() {
                                row.cells.push(TableCell {
                                    text,
                                    rowspan,
                                    colspan,
                                    fixed_width: false,
                                });
                            }
                        }
                    }
                }
                for block in after {
                    self.push(block);
                }
            }
        }
    }

    /// Places a finished block in the innermost open structure.
    fn push(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Blocks {
                blocks, paragraph, ..
            }) => {
                if let Some((text, _)) = paragraph.take() {
                    push_paragraph(blocks, text);
                }
                blocks.push(block);
            }
            Some(Frame::List { list, .. }) => list.items.push(vec![block]),
            Some(Frame::Definitions { definitions, .. }) => match definitions.last_mut() {
                Some(last) => last.details.push(block),
                None => definitions.push(Definition {
                    term: Text::new(),
                    details: vec![block],
                }),
            },
            Some(Frame::Table { after, .. } | Frame::Text { after, .. }) => after.push(block),
            None => {}
        }
    }
}

fn push_paragraph(blocks: &mut Vec<Block>, mut text: Text) {
    if !text.is_empty() {
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

fn first_span(blocks: &[Block]) -> Option<usize> {
    blocks
        .first()
        .and_then(|b| b.flat_text().whole())
        .map(|c| c.span.start)
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

pub(crate) fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

fn is_content(element: &Element) -> bool {
    matches!(element.name(), "article" | "main" | "section") || element.attr("role") == Some("main")
}

/// Elements that end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
    )
}
