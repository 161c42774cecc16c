//! Body elements: lines in, [`Block`]s out, the way docutils' body states read them.
//!
//! Nesting (list items, definitions, fields, block quotes, directive content) is kept on
//! an explicit stack of frames, one per element being read; each frame reads only its
//! own lines, cut to their indentation. Below [`MAX_DEPTH`] levels the content of an
//! element is kept as flat text, and the reader reports it: the work per line is
//! bounded, so staircases of nested lists are read in linear time. Tables in cells are
//! read by a nested call that counts towards the same depth.

use statusdoc_model::page::{
    Block, Definition, List, Table as PageTable, TableCell as PageCell, Text,
};
use statusdoc_model::Span;

use super::directive::{self, dedent, directive_head, field_marker, first_known, indented_end};
use super::inline::{inline, substitution_key, Substitutions};
use super::lines::Line;
use super::table::{Table, TableError, TableKind};
use super::{csv_table, grid, list_table, simple};

/// Elements nest at most this deep; deeper content is flat text and a reader note.
pub(crate) const MAX_DEPTH: usize = 64;

/// Directives whose first-line text is content, not an argument.
const CONTENT_ONLY: &str = "attention caution danger error hint important note tip warning \
    seealso todo tabs glossary compound epigraph highlights pull-quote parsed-literal";

/// Directives whose content is code or markup of another language.
const LITERAL: &str = "code code-block sourcecode parsed-literal math raw graphviz digraph \
    graph uml plantuml mermaid http:example doctest testcode testoutput prompt productionlist";

/// Directives that show nothing of their own text on the page.
const HIDDEN: &str = "image include literalinclude toctree highlight index meta contents \
    sectnum section-numbering header footer target-notes default-role role title";

/// Directives whose argument is shown as a title of their content.
const TITLED: &str = "admonition topic sidebar tab group-tab code-tab tab-item dropdown card \
    versionadded versionchanged deprecated versionremoved";

fn listed(names: &str, name: &str) -> bool {
    names.split_whitespace().any(|n| n == name)
}

/// How a list item's marker reads in a table cell: `-` for any bullet, `N.` for an
/// enumerator (docutils' numbering).
#[derive(Debug, Clone)]
pub(crate) struct Marker {
    text: String,
    span: Span,
    verbatim: bool,
}

/// A parse: the blocks, and the markers of every list in page order.
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    lists: Vec<Vec<Marker>>,
}

pub(crate) struct Reader<'p> {
    /// The page's path (a csv-table `:file:` is read next to it).
    page: &'p str,
    /// The page's text (raw HTML is read from it).
    text: &'p str,
    substitutions: Substitutions,
    /// Section title adornments in order of first use: their index is the level.
    styles: Vec<(u8, bool)>,
    pub errors: Vec<TableError>,
    /// Where content first went past [`MAX_DEPTH`].
    pub too_deep: Option<usize>,
    pub metadata: Vec<(String, String)>,
    label_seen: bool,
    /// Every table in page order (outer tables before the tables in their cells), when
    /// asked for (the docutils reference test).
    pub tables: Option<Vec<Option<Table>>>,
}

/// How a finished frame's blocks join its parent.
enum Attach {
    Root,
    /// An item of the list that is the parent's last block.
    Item,
    /// A definition (or field) of the definition list that is the parent's last block.
    Definition(Text),
    Container,
    /// `.. table::` content: spliced into the parent, its table captioned.
    Caption(Text),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Period,
    Paren,
    Parens,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sequence {
    Arabic,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
    Auto,
}

/// The list (or definition or field list) that the frame's last block is, while a
/// next item may continue it.
#[derive(Debug, Clone, Copy)]
enum Open {
    Bullet(char, usize),
    Enumerated {
        format: Format,
        sequence: Sequence,
        ordinal: u32,
        start: u32,
        list: usize,
    },
    Definitions,
    Fields,
}

struct Frame<'l> {
    lines: Vec<Line<'l>>,
    i: usize,
    blocks: Vec<Block>,
    attach: Attach,
    titles: bool,
    /// The document itself: a field list before any body element is its metadata.
    document: bool,
    body_seen: bool,
    /// The last paragraph ended in `::`.
    literal_next: bool,
    open: Option<Open>,
}

/// A frame to read next: lines, where its blocks go, whether section titles are
/// allowed, and a first block (a directive's title).
struct Child<'l> {
    lines: Vec<Line<'l>>,
    attach: Attach,
    titles: bool,
    lead: Option<Block>,
}

impl<'l> Child<'l> {
    fn new(lines: Vec<Line<'l>>, attach: Attach, titles: bool) -> Self {
        Child {
            lines,
            attach,
            titles,
            lead: None,
        }
    }
}

impl<'l> Frame<'l> {
    fn new(lines: Vec<Line<'l>>, attach: Attach, titles: bool) -> Self {
        Frame {
            lines,
            i: 0,
            blocks: Vec::new(),
            attach,
            titles,
            document: false,
            body_seen: false,
            literal_next: false,
            open: None,
        }
    }

    fn push(&mut self, block: Block) {
        if !matches!(block, Block::Heading { .. }) {
            self.body_seen = true;
        }
        self.blocks.push(block);
    }

    fn new_list(&mut self, lists: &mut Vec<Vec<Marker>>) -> usize {
        self.push(Block::List(List::default()));
        lists.push(Vec::new());
        lists.len() - 1
    }

    fn attach(&mut self, attach: Attach, mut blocks: Vec<Block>) {
        match attach {
            Attach::Root => self.blocks.extend(blocks),
            Attach::Item => {
                if let Some(Block::List(list)) = self.blocks.last_mut() {
                    list.items.push(blocks);
                }
            }
            Attach::Definition(term) => {
                if let Some(Block::DefinitionList(definitions)) = self.blocks.last_mut() {
                    definitions.push(Definition {
                        term,
                        details: blocks,
                    });
                }
            }
            Attach::Container => {
                if !blocks.is_empty() {
                    self.push(Block::Container(blocks));
                }
            }
            Attach::Caption(caption) => {
                let table = blocks.iter_mut().find_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                });
                if let Some(table) = table {
                    if table.caption.is_none() && !caption.is_empty() {
                        table.caption = Some(caption);
                    }
                }
                for block in blocks {
                    self.push(block);
                }
            }
        }
    }
}

impl<'p> Reader<'p> {
    pub(crate) fn new(page: &'p str, text: &'p str, lines: &[Line], collect: bool) -> Self {
        Reader {
            page,
            text,
            substitutions: substitutions(lines),
            styles: Vec::new(),
            errors: Vec::new(),
            too_deep: None,
            metadata: Vec::new(),
            label_seen: false,
            tables: collect.then(Vec::new),
        }
    }

    /// Reads `lines` at nesting depth `depth`; `document`: the page itself (section
    /// titles and metadata allowed), else a cell.
    pub(crate) fn parse(&mut self, lines: Vec<Line<'_>>, depth: usize, document: bool) -> Parsed {
        let mut lists = Vec::new();
        let mut root = Frame::new(lines, Attach::Root, document);
        root.document = document;
        let mut stack = vec![root];
        loop {
            let level = stack.len() - 1;
            let Some(frame) = stack.last_mut() else {
                unreachable!("the root frame is popped last");
            };
            while frame.lines.get(frame.i).is_some_and(Line::is_blank) {
                frame.i += 1;
            }
            if frame.i >= frame.lines.len() {
                let done = stack.pop().expect("a frame");
                match stack.last_mut() {
                    Some(parent) => parent.attach(done.attach, done.blocks),
                    None => {
                        return Parsed {
                            blocks: done.blocks,
                            lists,
                        }
                    }
                }
                continue;
            }
            let Some(child) = self.step(frame, &mut lists, depth + level) else {
                continue;
            };
            if depth + level + 1 >= MAX_DEPTH {
                if let Some(line) = child.lines.iter().find(|l| !l.is_blank()) {
                    self.too_deep.get_or_insert(line.start + line.indent());
                }
                let mut blocks: Vec<Block> = child.lead.into_iter().collect();
                let flat = flat_text(&child.lines);
                if !flat.is_empty() {
                    blocks.push(Block::Paragraph(flat));
                }
                frame.attach(child.attach, blocks);
            } else {
                let mut next = Frame::new(child.lines, child.attach, child.titles);
                next.blocks.extend(child.lead);
                stack.push(next);
            }
        }
    }

    /// Reads the body element at the frame's current (non-blank) line; returns the
    /// frame of its content when it has nested content.
    fn step<'l>(
        &mut self,
        f: &mut Frame<'l>,
        lists: &mut Vec<Vec<Marker>>,
        depth: usize,
    ) -> Option<Child<'l>> {
        let i = f.i;
        let line = f.lines[i];
        let literal = std::mem::take(&mut f.literal_next);
        let open = f.open.take();
        if line.indent() > 0 {
            // A block quote, or the literal block a `::` announced.
            let end = indented_end(&f.lines, i, 0);
            f.i = end;
            if literal {
                f.push(Block::Literal(flat_text(&f.lines[i..end])));
                return None;
            }
            return Some(Child::new(
                dedent(&f.lines[i..end]),
                Attach::Container,
                false,
            ));
        }
        let t = line.text.trim_end();
        if literal && t.starts_with(|c: char| c.is_ascii_punctuation()) {
            // A quoted literal block: unindented lines that start with the same mark.
            let mark = t.as_bytes()[0];
            let end = f.lines[i..]
                .iter()
                .position(|l| l.text.as_bytes().first() != Some(&mark))
                .map_or(f.lines.len(), |k| i + k);
            f.i = end;
            f.push(Block::Literal(flat_text(&f.lines[i..end])));
            return None;
        }
        if let Some((c, len)) = bullet(t) {
            let list = match open {
                Some(Open::Bullet(b, list)) if b == c => list,
                _ => f.new_list(lists),
            };
            lists[list].push(Marker {
                text: "-".into(),
                span: Span::new(line.start, line.start + c.len_utf8()),
                verbatim: c == '-',
            });
            f.open = Some(Open::Bullet(c, list));
            return Some(item(f, len, Attach::Item));
        }
        let expected = match open {
            Some(Open::Enumerated { sequence, .. }) => Some(sequence),
            _ => None,
        };
        if let Some(e) = enumerator(t, expected).filter(|e| enumerated_item(&f.lines, i, e)) {
            let continued = match open {
                Some(Open::Enumerated {
                    format,
                    sequence,
                    ordinal,
                    start,
                    list,
                }) if format == e.format
                    && (e.sequence == Sequence::Auto
                        || sequence != Sequence::Auto
                            && e.sequence == sequence
                            && e.ordinal == ordinal + 1) =>
                {
                    Some((list, start, sequence))
                }
                _ => None,
            };
            let (list, start, sequence) = continued.unwrap_or_else(|| {
                let start = if e.sequence == Sequence::Auto {
                    1
                } else {
                    e.ordinal
                };
                (f.new_list(lists), start, e.sequence)
            });
            let number = start.saturating_add(lists[list].len() as u32);
            let text = format!("{number}.");
            lists[list].push(Marker {
                verbatim: t[..e.marker_len] == text,
                text,
                span: Span::new(line.start, line.start + e.marker_len),
            });
            f.open = Some(Open::Enumerated {
                format: e.format,
                sequence,
                ordinal: number.max(e.ordinal),
                start,
                list,
            });
            return Some(item(f, e.len, Attach::Item));
        }
        if let Some((name, len)) = field_marker(t) {
            let name_line = Line::new(line.start + name.start, &t[name]);
            if f.document && !f.body_seen {
                // The page's metadata (docinfo), not a body element.
                let end = indented_end(&f.lines, i + 1, 0).max(i + 1);
                f.i = end;
                let mut value = line.skip(len).text.trim().to_owned();
                for l in &f.lines[i + 1..end] {
                    if !l.is_blank() {
                        value.push(' ');
                        value.push_str(l.text.trim());
                    }
                }
                self.metadata
                    .push((name_line.text.to_owned(), value.trim().to_owned()));
                f.open = Some(Open::Fields);
                return None;
            }
            let term = inline(&[name_line], &self.substitutions);
            if !matches!(open, Some(Open::Fields)) {
                f.push(Block::DefinitionList(Vec::new()));
            }
            f.open = Some(Open::Fields);
            return Some(item(f, len, Attach::Definition(term)));
        }
        if t == ">>>" || t.starts_with(">>> ") {
            let end = paragraph_end(&f.lines, i, true);
            f.i = end;
            f.push(Block::Literal(flat_text(&f.lines[i..end])));
            return None;
        }
        if t == "|" || t.starts_with("| ") {
            // A line block: its lines as one paragraph.
            let end = paragraph_end(&f.lines, i, true);
            f.i = end;
            let lines: Vec<Line> = f.lines[i..end]
                .iter()
                .map(|l| match l.text.strip_prefix('|') {
                    Some(_) => l.skip(1),
                    None => *l,
                })
                .collect();
            let text = inline(&lines, &self.substitutions);
            if !text.is_empty() {
                f.push(Block::Paragraph(text));
            }
            return None;
        }
        if grid::is_border(t) {
            self.grid_table(f, depth);
            return None;
        }
        if simple::is_border(t) {
            self.simple_table(f, depth);
            return None;
        }
        if t == ".." || t.starts_with(".. ") {
            return self.explicit(f, depth);
        }
        if t == "__" || t.starts_with("__ ") {
            // An anonymous hyperlink target.
            f.i = indented_end(&f.lines, i + 1, 0).max(i + 1);
            return None;
        }
        if let Some(c) = adornment(t) {
            if let (Some(title), Some(under)) = (f.lines.get(i + 1), f.lines.get(i + 2)) {
                if !title.is_blank()
                    && adornment(title.text.trim()).is_none()
                    && under.indent() == 0
                    && adornment(under.text.trim_end()) == Some(c)
                {
                    self.heading(f, title.skip(title.indent()), (c, true));
                    f.i = i + 3;
                    return None;
                }
            }
            if t.len() >= 4 {
                // A transition.
                f.i = i + 1;
                return None;
            }
        }
        self.text(f, open)
    }

    /// A line of text: a definition list item's term, a section title or a paragraph.
    fn text<'l>(&mut self, f: &mut Frame<'l>, open: Option<Open>) -> Option<Child<'l>> {
        let i = f.i;
        let line = f.lines[i];
        if let Some(next) = f.lines.get(i + 1).filter(|l| !l.is_blank()).copied() {
            if next.indent() > 0 {
                let end = indented_end(&f.lines, i + 1, 0);
                let t = line.text.trim_end();
                // Classifiers (`term : classifier`) are not part of the term.
                let term = Line::new(line.start, &t[..t.find(" : ").unwrap_or(t.len())]);
                let term = inline(&[term], &self.substitutions);
                if !matches!(open, Some(Open::Definitions)) {
                    f.push(Block::DefinitionList(Vec::new()));
                }
                f.open = Some(Open::Definitions);
                f.i = end;
                return Some(Child::new(
                    dedent(&f.lines[i + 1..end]),
                    Attach::Definition(term),
                    false,
                ));
            }
            if let Some(c) = adornment(next.text.trim_end()) {
                let under = next.text.trim_end().len();
                if under >= 4 || under >= line.trim_end().width() {
                    self.heading(f, line, (c, false));
                    f.i = i + 2;
                    return None;
                }
            }
        }
        let end = paragraph_end(&f.lines, i, false);
        f.i = end;
        let mut lines: Vec<Line> = f.lines[i..end].iter().map(|l| l.trim_end()).collect();
        if let Some(last) = lines.last_mut() {
            if let Some(head) = last.text.strip_suffix("::") {
                // `text::` reads `text:`, `text ::` and `::` read without the colons,
                // and an indented block follows as literal text.
                f.literal_next = true;
                let keep = if head.is_empty() || head.ends_with(char::is_whitespace) {
                    head.trim_end().len()
                } else {
                    head.len() + 1
                };
                *last = Line::new(last.start, &last.text[..keep]);
            }
        }
        let text = inline(&lines, &self.substitutions);
        if !text.is_empty() {
            f.push(Block::Paragraph(text));
        }
        None
    }

    fn heading(&mut self, f: &mut Frame, title: Line, style: (u8, bool)) {
        let text = inline(&[title], &self.substitutions);
        if !f.titles {
            // docutils refuses a title inside a body element; its text is kept.
            f.push(Block::Paragraph(text));
            return;
        }
        let level = match self.styles.iter().position(|s| *s == style) {
            Some(level) => level,
            None => {
                self.styles.push(style);
                self.styles.len() - 1
            }
        };
        let level = u8::try_from(level + 1).unwrap_or(u8::MAX);
        f.push(Block::Heading { level, text });
    }

    /// Explicit markup (`..`): a comment, target, substitution definition, footnote or
    /// directive.
    fn explicit<'l>(&mut self, f: &mut Frame<'l>, depth: usize) -> Option<Child<'l>> {
        let i = f.i;
        let end = indented_end(&f.lines, i + 1, 0).max(i + 1);
        f.i = end;
        let t = f.lines[i].text.trim_end();
        if let Some(target) = t.strip_prefix(".. _") {
            if let Some(label) = target.strip_suffix(':') {
                if !self.label_seen && !label.is_empty() && !label.starts_with('_') {
                    self.label_seen = true;
                    self.metadata.push(("label".to_owned(), label.to_owned()));
                }
            }
            return None;
        }
        if t.starts_with(".. |") {
            return None; // read by `substitutions`
        }
        if let Some(rest) = t.strip_prefix(".. [") {
            // A footnote or citation: its text is shown where it stands.
            let close = rest.find(']')?;
            let after = &rest[close + 1..];
            if !(after.is_empty() || after.starts_with(' ')) {
                return None;
            }
            let cut = t.len() - after.trim_start().len();
            return Some(Child::new(
                first_known(&f.lines[i..end], cut),
                Attach::Container,
                false,
            ));
        }
        let (name, _) = directive_head(t)?;
        let name = name.to_ascii_lowercase();
        let d = directive::parse(&f.lines[i..end], !listed(CONTENT_ONLY, &name))?;
        let argument = inline(&d.argument, &self.substitutions);
        match name.as_str() {
            "table" => Some(Child::new(d.content, Attach::Caption(argument), false)),
            "list-table" | "csv-table" => {
                let slot = self.reserve_table();
                let page = self.page;
                let result = if name == "list-table" {
                    list_table::parse(&d, &mut |lines| self.cell(lines, depth + 1))
                } else {
                    csv_table::parse(&d, page, &mut |lines| self.cell(lines, depth + 1))
                };
                self.finish_table(f, slot, result, Some(argument));
                None
            }
            "rubric" => {
                if !argument.is_empty() {
                    f.push(Block::Paragraph(argument));
                }
                None
            }
            "raw" if argument.as_str().eq_ignore_ascii_case("html") => {
                // Raw HTML shows on the page: its tables and lists are read by the HTML
                // reader, placed where they stand (content cut from a table cell, with
                // borders between its lines, stays literal).
                let (Some(first), Some(last)) = (d.content.first(), d.content.last()) else {
                    return None;
                };
                let gaps = d
                    .content
                    .windows(2)
                    .map(|w| self.text.get(w[0].end()..w[1].start));
                let fragment = self.text.get(first.start..last.end());
                match fragment {
                    Some(fragment)
                        if gaps
                            .into_iter()
                            .all(|g| g.is_some_and(|g| g.trim().is_empty())) =>
                    {
                        let mut blocks = crate::html::read_fragment(fragment);
                        for block in &mut blocks {
                            block.offset(first.start);
                        }
                        if !blocks.is_empty() {
                            f.push(Block::Container(blocks));
                        }
                    }
                    _ => f.push(Block::Literal(flat_text(&d.content))),
                }
                None
            }
            name if listed(LITERAL, name) => {
                let text = flat_text(&d.content);
                if !text.is_empty() {
                    f.push(Block::Literal(text));
                }
                None
            }
            name if listed(HIDDEN, name) => None,
            name => {
                let mut lead = (listed(TITLED, name) && !argument.is_empty())
                    .then_some(Block::Paragraph(argument.clone()));
                // sphinxcontrib-httpdomain's `.. http:get:: /pets/{id}` shows the
                // operation's request line, "GET /pets/{id}", above its fields.
                let method = name.strip_prefix("http:").filter(|m| {
                    matches!(
                        *m,
                        "get" | "post" | "put" | "patch" | "delete" | "head" | "options"
                    )
                });
                if let (Some(method), false) = (method, argument.is_empty()) {
                    let line = &f.lines[i];
                    if let Some(at) = line.text.find("http:") {
                        let name_span = Span::new(
                            line.start + at,
                            line.start + at + "http:".len() + method.len(),
                        );
                        let mut request = Text::new();
                        request.push_mapped(&method.to_ascii_uppercase(), name_span);
                        request.space(Span::empty(name_span.end));
                        request.append(&argument);
                        lead = Some(Block::Paragraph(request));
                    }
                }
                Some(Child {
                    lines: d.content,
                    attach: Attach::Container,
                    titles: true,
                    lead,
                })
            }
        }
    }

    fn grid_table(&mut self, f: &mut Frame, depth: usize) {
        let i = f.i;
        let (next, end, error) = grid::isolate(&f.lines, i);
        f.i = next.max(i + 1);
        if let Some(error) = error {
            self.errors.push(error);
        }
        if let Some(end) = end {
            let slot = self.reserve_table();
            let result = grid::parse(&f.lines[i..end], &mut |lines| self.cell(lines, depth + 1));
            self.finish_table(f, slot, result, None);
        }
    }

    fn simple_table(&mut self, f: &mut Frame, depth: usize) {
        let i = f.i;
        match simple::isolate(&f.lines, i, 0) {
            Ok(end) => {
                f.i = end + 1;
                let slot = self.reserve_table();
                let result =
                    simple::parse(&f.lines[i..=end], &mut |lines| self.cell(lines, depth + 1));
                self.finish_table(f, slot, result, None);
            }
            Err(error) => {
                self.errors.push(error);
                f.i = indented_end(&f.lines, i + 1, 0).max(i + 1);
            }
        }
    }

    /// A place for the next table in page order, before the tables in its cells.
    fn reserve_table(&mut self) -> Option<usize> {
        let tables = self.tables.as_mut()?;
        tables.push(None);
        Some(tables.len() - 1)
    }

    fn finish_table(
        &mut self,
        f: &mut Frame,
        slot: Option<usize>,
        result: Result<Table, TableError>,
        caption: Option<Text>,
    ) {
        let mut table = match result {
            Ok(table) => table,
            Err(error) => {
                self.errors.push(error);
                return;
            }
        };
        table.caption = caption.filter(|c| !c.is_empty());
        if let (Some(slot), Some(tables)) = (slot, self.tables.as_mut()) {
            tables[slot] = Some(table.clone());
        }
        let fixed_width = matches!(table.kind, TableKind::Grid | TableKind::Simple);
        let page = PageTable {
            caption: table.caption,
            header_rows: table.header_rows,
            rows: table
                .rows
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|cell| PageCell {
                            text: cell.text,
                            rowspan: cell.rowspan,
                            colspan: cell.colspan,
                            fixed_width,
                        })
                        .collect()
                })
                .collect(),
        };
        f.push(Block::Table(page));
    }

    /// A table cell's content lines: its text (see [`cell_text`]) and the span from
    /// its first to its last non-blank character.
    pub(crate) fn cell(&mut self, lines: &[Line<'_>], depth: usize) -> Option<(Text, Span)> {
        let first = lines.iter().position(|l| !l.is_blank())?;
        let last = lines.iter().rposition(|l| !l.is_blank())?;
        let content = &lines[first..=last];
        let start = content[0].start + content[0].indent();
        let end = content[content.len() - 1].trim_end().end().max(start);
        let text = if depth >= MAX_DEPTH {
            self.too_deep.get_or_insert(start);
            flat_text(content)
        } else {
            cell_text(&self.parse(dedent(content), depth, false))
        };
        Some((text, Span::new(start, end)))
    }
}

/// A list item (or field) whose marker is `marker_len` bytes with the spaces after it;
/// its lines are the first line and the indented lines below.
fn item<'l>(f: &mut Frame<'l>, marker_len: usize, attach: Attach) -> Child<'l> {
    let i = f.i;
    let end = indented_end(&f.lines, i + 1, 0).max(i + 1);
    f.i = end;
    Child::new(first_known(&f.lines[i..end], marker_len), attach, false)
}

/// The line after a text block starting at `i`: up to a blank line, or (unless
/// `indented_too`) an indented line.
fn paragraph_end(lines: &[Line], i: usize, indented_too: bool) -> usize {
    let mut end = i + 1;
    while end < lines.len() && !lines[end].is_blank() && (indented_too || lines[end].indent() == 0)
    {
        end += 1;
    }
    end
}

/// A cell's text as docutils' reference rendering shows it: paragraphs (and literal
/// blocks, folded) separated by paragraph breaks; a list one paragraph of lines, each
/// item `- ` or `N. ` before its folded text; block quotes read through; definition
/// lists and tables folded to one paragraph.
fn cell_text(parsed: &Parsed) -> Text {
    let mut out = Text::new();
    let mut lists = 0;
    let mut stack: Vec<&Block> = parsed.blocks.iter().rev().collect();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                out.paragraph_break();
                out.append(text);
            }
            Block::Container(inner) => stack.extend(inner.iter().rev()),
            Block::List(list) => {
                let markers = parsed.lists.get(lists);
                lists += 1;
                out.paragraph_break();
                for (k, item) in list.items.iter().enumerate() {
                    let marker = markers.and_then(|m| m.get(k));
                    if k > 0 {
                        out.trim_end();
                        out.push_synthetic("\n", marker.map_or(0, |m| m.span.start));
                    }
                    if let Some(marker) = marker {
                        if marker.verbatim {
                            out.push_source(&marker.text, marker.span.start);
                        } else {
                            out.push_mapped(&marker.text, marker.span);
                        }
                        out.space(Span::empty(marker.span.end));
                    }
                    fold(&mut out, item, &mut lists);
                }
            }
            Block::DefinitionList(_) | Block::Table(_) => {
                out.paragraph_break();
                fold(&mut out, std::slice::from_ref(block), &mut lists);
            }
        }
    }
    out.trim_end();
    out
}

/// Appends the text of `blocks` on one line (paragraphs joined by spaces), counting
/// the lists met so that list markers stay in step.
fn fold(out: &mut Text, blocks: &[Block], lists: &mut usize) {
    enum Item<'b> {
        Block(&'b Block),
        Text(&'b Text),
    }
    let mut stack: Vec<Item> = blocks.iter().rev().map(Item::Block).collect();
    while let Some(item) = stack.pop() {
        let block = match item {
            Item::Text(text) => {
                for paragraph in text.paragraphs() {
                    let part = text.slice(paragraph);
                    if !part.is_empty() {
                        out.space(Span::empty(part.source_span(0..0).start));
                        out.append(&part);
                    }
                }
                continue;
            }
            Item::Block(block) => block,
        };
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                stack.push(Item::Text(text));
            }
            Block::Container(inner) => stack.extend(inner.iter().rev().map(Item::Block)),
            Block::List(list) => {
                *lists += 1;
                for item in list.items.iter().rev() {
                    stack.extend(item.iter().rev().map(Item::Block));
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions.iter().rev() {
                    stack.extend(d.details.iter().rev().map(Item::Block));
                    stack.push(Item::Text(&d.term));
                }
            }
            Block::Table(table) => {
                stack.extend(
                    table
                        .rows
                        .iter()
                        .flatten()
                        .rev()
                        .map(|c| Item::Text(&c.text)),
                );
            }
        }
    }
}

/// Lines as one run of text (a literal block, or content below [`MAX_DEPTH`]).
fn flat_text(lines: &[Line]) -> Text {
    let mut out = Text::new();
    let mut previous: Option<Line> = None;
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let line = line.trim_end();
        if let Some(p) = previous {
            out.space(Span::new(p.end(), line.start + line.indent()));
        }
        out.push_source(line.text, line.start);
        previous = Some(line);
    }
    out.trim_end();
    out
}

/// `.. |name| replace:: text` definitions, anywhere on the page (docutils reads them
/// before it resolves references, so a definition may follow its uses).
fn substitutions(lines: &[Line]) -> Substitutions {
    let mut out = Substitutions::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let indent = line.indent();
        let end = |i: usize| indented_end(lines, i + 1, indent).max(i + 1);
        let Some(rest) = line.text[indent..].strip_prefix(".. |") else {
            i += 1;
            continue;
        };
        let Some(close) = rest.find('|') else {
            i += 1;
            continue;
        };
        let name = &rest[..close];
        let Some(value) = rest[close + 1..].trim_start().strip_prefix("replace::") else {
            i = end(i);
            continue;
        };
        let last = end(i);
        let mut value_lines = vec![Line::new(line.end() - value.len(), value)];
        value_lines.extend(lines[i + 1..last].iter().map(|l| l.skip(l.indent())));
        let text = inline(&value_lines, &Substitutions::new());
        out.insert(substitution_key(name), text.as_str().to_owned());
        i = last;
    }
    out
}

/// A bullet (`-`, `*`, `+`, `•`, `‣`, `⁃`) followed by spaces or the end of the line:
/// the bullet and the marker's length with the spaces.
pub(crate) fn bullet(text: &str) -> Option<(char, usize)> {
    let c = text.chars().next()?;
    if !matches!(c, '-' | '*' | '+' | '•' | '‣' | '⁃') {
        return None;
    }
    let rest = &text[c.len_utf8()..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((c, text.len() - rest.trim_start_matches(' ').len()))
}

/// A section adornment line: one ASCII punctuation character repeated.
fn adornment(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    let c = *b.first()?;
    (c.is_ascii_punctuation() && b.iter().all(|&x| x == c)).then_some(c)
}

#[derive(Debug)]
struct Enumerator {
    format: Format,
    sequence: Sequence,
    ordinal: u32,
    /// The enumerator itself (`(iv)`), then with the spaces after it.
    marker_len: usize,
    len: usize,
}

/// An enumerator (`1.`, `a)`, `(iv)`, `#.`) followed by spaces or the end of the line.
/// A lone `i`/`I` (and any letter in a list that is roman so far) is roman.
fn enumerator(text: &str, expected: Option<Sequence>) -> Option<Enumerator> {
    let (parens, body) = match text.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let n = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    let label = &body[..n];
    let format = match (parens, body.as_bytes().get(n)) {
        (true, Some(b')')) => Format::Parens,
        (false, Some(b')')) => Format::Paren,
        (false, Some(b'.')) => Format::Period,
        _ => return None,
    };
    let lower = label.bytes().all(|b| b.is_ascii_lowercase());
    let upper = label.bytes().all(|b| b.is_ascii_uppercase());
    let roman_expected = matches!(expected, Some(Sequence::LowerRoman | Sequence::UpperRoman));
    let alpha_expected = matches!(expected, Some(Sequence::LowerAlpha | Sequence::UpperAlpha));
    let (sequence, ordinal) = if label == "#" {
        (Sequence::Auto, 0)
    } else if !label.is_empty() && label.len() <= 9 && label.bytes().all(|b| b.is_ascii_digit()) {
        (Sequence::Arabic, label.parse().ok()?)
    } else if label.len() == 1
        && (lower || upper)
        && (alpha_expected || !roman_expected && label != "i" && label != "I")
    {
        let sequence = if lower {
            Sequence::LowerAlpha
        } else {
            Sequence::UpperAlpha
        };
        (
            sequence,
            u32::from(label.as_bytes()[0].to_ascii_lowercase() - b'a' + 1),
        )
    } else if !label.is_empty() && (lower || upper) {
        let sequence = if lower {
            Sequence::LowerRoman
        } else {
            Sequence::UpperRoman
        };
        (sequence, roman(label)?)
    } else {
        return None;
    };
    let marker_len = usize::from(parens) + n + 1;
    let rest = &text[marker_len..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(Enumerator {
        format,
        sequence,
        ordinal,
        marker_len,
        len: text.len() - rest.trim_start_matches(' ').len(),
    })
}

/// The value of a well-formed roman numeral (up to 3999).
fn roman(label: &str) -> Option<u32> {
    const VALUES: [u32; 13] = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
    const DIGITS: [&str; 13] = [
        "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i",
    ];
    let label = label.to_ascii_lowercase();
    let mut rest = label.as_str();
    let mut value = 0;
    for (worth, digits) in VALUES.into_iter().zip(DIGITS) {
        while let Some(r) = rest.strip_prefix(digits) {
            rest = r;
            value += worth;
        }
    }
    // Well-formed: writing the value back gives the label.
    let mut back = String::new();
    let mut left = value;
    for (worth, digits) in VALUES.into_iter().zip(DIGITS) {
        while left >= worth {
            back.push_str(digits);
            left -= worth;
        }
    }
    (rest.is_empty() && value > 0 && value < 4000 && back == label).then_some(value)
}

/// docutils reads an enumerator as a list item only when the next line is blank,
/// indented, or the next item of the same list.
fn enumerated_item(lines: &[Line], i: usize, e: &Enumerator) -> bool {
    let Some(next) = lines.get(i + 1) else {
        return true;
    };
    if next.is_blank() || next.indent() > 0 {
        return true;
    }
    enumerator(next.text.trim_end(), Some(e.sequence)).is_some_and(|n| {
        n.format == e.format
            && (n.sequence == Sequence::Auto
                || n.sequence == e.sequence && n.ordinal == e.ordinal + 1)
    })
}
