//! Markdown reader (pulldown-cmark): translates a page into the neutral page model.
//!
//! Headings, paragraphs, pipe tables, lists, definition lists, block quotes and code
//! blocks become [`Block`]s; inline markup, entities and escapes become plain [`Text`]
//! whose characters keep their source bytes (strong and code spans are marked). Raw
//! HTML blocks (a `<table>` or `<dl>` written in HTML) are read by the HTML reader and
//! placed where they stand. Nothing here decides what a status code is.

mod html_tables;
mod json_blocks;
mod yfm_tables;

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use statusdoc_model::page::{Block, Definition, List, Mark, Page, Table, TableCell, Text};
use statusdoc_model::{Document, Span};

pub(crate) fn read(document: &mut Document) -> Page {
    let text = document.source.text().to_owned();
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_STRIKETHROUGH
        // `### 503 - Unavailable {#503}`: Hugo, MkDocs (attr_list), kramdown and Pandoc
        // take the braces as the heading's id and classes, not its text.
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Front matter opens the page. pulldown-cmark also reads a `---` rule followed by
    // text anywhere below as the start of a metadata block running to the next `---`,
    // which made a page's table (between two rules) vanish.
    if text.starts_with("---") {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    // `[block:…]` JSON blocks, `#|` tables and HTML tables with Markdown cells are read apart and put back where they
    // stand.
    let mut regions = json_blocks::regions(&text);
    regions.extend(yfm_tables::regions(&text));
    regions.extend(html_tables::regions(&text));
    regions.sort_by_key(|r| r.range.start);
    // A region inside another (a `#|` in a JSON block) is part of the outer one.
    let mut end = 0;
    regions.retain(|r| {
        let outside = r.range.start >= end;
        if outside {
            end = r.range.end;
        }
        outside
    });
    let masked = (!regions.is_empty()).then(|| mask(&text, &regions));
    let (parsed, inserted) = separate_tables(masked.as_deref().unwrap_or(&text));
    let to_source =
        |range: Range<usize>| unshift(&inserted, range.start)..unshift(&inserted, range.end);
    let mut builder = Builder {
        source: &text,
        frames: vec![Frame::Blocks(Vec::new())],
        inline: None,
        marks: Vec::new(),
        metadata: Vec::new(),
        in_metadata: false,
        title: None,
        html: None,
        pending_html: None,
    };
    for (event, range) in Parser::new_ext(&parsed, options).into_offset_iter() {
        builder.event(event, to_source(range));
    }
    let mut blocks = embedded_responses(&text, builder.finish());
    // Front matter values that are Markdown by name are rendered by the site's template;
    // they are not masked (the front matter is metadata to pulldown-cmark already).
    if let Some(end) = front_matter_end(&text) {
        regions.extend(front_matter_markdown(&text, end));
        regions.sort_by_key(|r| r.range.start);
    }
    if !regions.is_empty() {
        blocks = place_regions(blocks, regions);
    }
    // Site generators show a front matter `title:` as the page's heading when the page
    // has none of its own (Jekyll, Hugo, Docusaurus, MkDocs).
    let has_h1 = blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { level: 1, .. }));
    if !has_h1 {
        if let Some((title, span)) = front_matter_end(&text)
            .and_then(|end| crate::common::front_matter_title(&text, end.min(text.len())))
        {
            if text.get(span.start..span.end) == Some(title.as_str()) {
                let mut heading = Text::new();
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
    for (key, value) in std::mem::take(&mut builder.metadata) {
        document.metadata.insert(key, value);
    }
    document.title = document
        .metadata
        .get("title")
        .cloned()
        .or(builder.title.take());
    Page { blocks }
}

/// Where a page's YAML front matter ends (its closing `---`), when it has one.
fn front_matter_end(text: &str) -> Option<usize> {
    text.strip_prefix("---")
        .and_then(|rest| rest.find("\n---").map(|at| at + 3 + 4))
}

/// Front matter values that say by their name that they are Markdown
/// (`content_markdown: |-`, `intro_md: |`), as block scalars: API documentation themes
/// for static site generators keep a page's content there and render it with their
/// template, so the reader reads it as the page's Markdown. The value is read in place
/// (its indentation is at most three spaces, which Markdown ignores), so every span is
/// the page's own.
fn front_matter_markdown(text: &str, end: usize) -> Vec<Region> {
    let mut found = Vec::new();
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text[..end].split_inclusive('\n') {
        lines.push(at..at + line.len());
        at += line.len();
    }
    let mut k = 0;
    while k < lines.len() {
        let line = &text[lines[k].clone()];
        k += 1;
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key_lower = key.trim().to_ascii_lowercase();
        let markdown_key = key_lower.ends_with("markdown") || key_lower.ends_with("_md");
        let block_scalar = value
            .trim()
            .strip_prefix(['|', '>'])
            .is_some_and(|rest| rest.chars().all(|c| matches!(c, '-' | '+' | '0'..='9')));
        if !markdown_key || !block_scalar || key.starts_with([' ', '\t']) {
            continue;
        }
        // The value: the lines after the key that are indented or blank.
        let first = k;
        while k < lines.len() {
            let next = &text[lines[k].clone()];
            if next.trim().is_empty() || next.starts_with([' ', '\t']) {
                k += 1;
            } else {
                break;
            }
        }
        if first == k {
            continue;
        }
        let range = lines[first].start..lines[k - 1].end;
        let indent = text[range.clone()]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start_matches(' ').len())
            .min()
            .unwrap_or(0);
        if indent > 3 || text[range.clone()].contains('\t') {
            continue;
        }
        let mut blocks = fragment_blocks(&text[range.clone()]);
        for block in &mut blocks {
            block.offset(range.start);
        }
        found.push(Region { range, blocks });
    }
    found
}

/// A region of a page that a syntax CommonMark does not know marks out (a `[block:…]`
/// JSON block, a `#|` table): read apart, blanked for pulldown-cmark, and its blocks put
/// back where it stands.
struct Region {
    /// The whole region, markers included.
    range: Range<usize>,
    /// What it becomes (empty for regions that render no prose).
    blocks: Vec<Block>,
}

/// `text` with every region blanked out (newlines kept, so that offsets and lines stay
/// where they are and CommonMark sees blank lines there).
fn mask(text: &str, regions: &[Region]) -> String {
    let mut out = text.to_owned();
    // Each character becomes as many spaces as it has bytes.
    for region in regions {
        let blank: String = text[region.range.clone()]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        out.replace_range(region.range.clone(), &blank);
    }
    out
}

/// The blocks of the page's regions put among its other blocks in source order.
fn place_regions(blocks: Vec<Block>, regions: Vec<Region>) -> Vec<Block> {
    let start = |block: &Block| {
        let flat = block.flat_text();
        (!flat.is_empty()).then(|| flat.source_span(0..flat.len()).start)
    };
    let mut out = Vec::with_capacity(blocks.len() + regions.len());
    let mut regions = regions.into_iter().peekable();
    for block in blocks {
        if let Some(at) = start(&block) {
            while regions.peek().is_some_and(|r| r.range.start < at) {
                out.extend(regions.next().map(|r| r.blocks).unwrap_or_default());
            }
        }
        out.push(block);
    }
    for region in regions {
        out.extend(region.blocks);
    }
    out
}

/// A fragment of Markdown (a table cell of a region) as one text, its blocks separated
/// by paragraph breaks, placed at `start` in the page.
fn fragment_text(fragment: &str, start: usize) -> Text {
    let mut text = Text::new();
    for block in fragment_blocks(fragment) {
        let mut flat = block.flat_text();
        if flat.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.paragraph_break();
        }
        flat.offset(start);
        text.append(&flat);
    }
    text
}

/// A fragment of Markdown (a `[block:parameters]` cell) as blocks, spans relative to it.
fn fragment_blocks(fragment: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut builder = Builder {
        source: fragment,
        frames: vec![Frame::Blocks(Vec::new())],
        inline: None,
        marks: Vec::new(),
        metadata: Vec::new(),
        in_metadata: false,
        title: None,
        html: None,
        pending_html: None,
    };
    for (event, range) in Parser::new_ext(fragment, options).into_offset_iter() {
        builder.event(event, range);
    }
    builder.finish()
}

/// MDX components whose `responses={{…}}` prop holds an operation's responses keyed
/// by code (docs sites built from OpenAPI render them as the operation's responses):
/// the component's paragraph is replaced by what those responses are
/// ([`crate::openapi::embedded_responses`]).
fn embedded_responses(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    const PROP: &str = "responses={";
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Block::Paragraph(paragraph) = &block else {
            out.push(block);
            continue;
        };
        let s = paragraph.as_str();
        let component = s.starts_with('<') && s[1..].starts_with(|c: char| c.is_ascii_uppercase());
        if !component || !s.contains(PROP) {
            out.push(block);
            continue;
        }
        let span = paragraph.source_span(0..s.len());
        let source = &text[span.start..span.end];
        let translated = source.find(PROP).and_then(|at| {
            let prop = span.start + at;
            let after = span.start + at + PROP.len();
            let lead = text[after..].len() - text[after..].trim_start().len();
            let open = after + lead;
            let close = matching_brace(text, open)?;
            crate::openapi::embedded_responses(
                text,
                open..close + 1,
                Span::new(prop, prop + PROP.len() - 2),
            )
        });
        match translated {
            Some(blocks) => out.extend(blocks),
            None => out.push(block),
        }
    }
    out
}

/// The `}` that closes the `{` at `open`, skipping string literals.
fn matching_brace(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// What the blocks being read belong to.
enum Frame {
    /// The page, a list item, a block quote or a definition's details.
    Blocks(Vec<Block>),
    List(List),
    Table(Table, bool),
    Definitions(Vec<Definition>),
}

struct Builder<'a> {
    source: &'a str,
    frames: Vec<Frame>,
    /// Inline text being collected (a paragraph, heading, cell, term or code block).
    inline: Option<Text>,
    /// Open strong/code spans: where they started in the inline text.
    marks: Vec<(usize, Mark)>,
    metadata: Vec<(String, String)>,
    in_metadata: bool,
    title: Option<String>,
    /// An HTML block being collected: its source range.
    html: Option<Range<usize>>,
    /// HTML blocks read so far with only blank lines after them: the next HTML block
    /// joins them. CommonMark ends an HTML block at a blank line, but the renderer
    /// writes the blocks out one after the other, so a browser parses `<table>`, a
    /// blank line and `<tr>…</tr>` as one table.
    pending_html: Option<Range<usize>>,
}

impl<'a> Builder<'a> {
    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if let Some(pending) = self.pending_html.take() {
            let joins = matches!(event, Event::Start(Tag::HtmlBlock))
                && self
                    .source
                    .get(pending.end..range.start)
                    .is_some_and(|gap| gap.trim().is_empty());
            if joins {
                self.end_inline();
                self.html = Some(pending.start..range.end);
                return;
            }
            self.html_block(pending);
        }
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                self.in_metadata = true
            }
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            Event::Text(t) if self.in_metadata => self.front_matter(&t),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) => {
                self.end_inline();
                self.inline = Some(Text::new());
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(text) = self.inline.take() {
                    self.push(Block::Paragraph(text));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let text = self.inline.take().unwrap_or_default();
                let level = heading_level(level);
                if level == 1 && self.title.is_none() && !text.is_empty() {
                    self.title = Some(text.as_str().trim().to_owned());
                }
                self.push(Block::Heading { level, text });
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(text) = self.inline.take() {
                    self.push(Block::Literal(text));
                }
            }
            Event::Start(Tag::Table(_)) => {
                self.end_inline();
                self.frames.push(Frame::Table(Table::default(), false));
            }
            Event::Start(Tag::TableHead) => {
                if let Some(Frame::Table(table, in_head)) = self.frames.last_mut() {
                    table.rows.push(Vec::new());
                    *in_head = true;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(Frame::Table(table, in_head)) = self.frames.last_mut() {
                    table.header_rows = table.rows.len();
                    *in_head = false;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some(Frame::Table(table, _)) = self.frames.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => self.inline = Some(Text::new()),
            Event::End(TagEnd::TableCell) => {
                let text = self.inline.take().unwrap_or_default();
                if let Some(Frame::Table(table, _)) = self.frames.last_mut() {
                    if let Some(row) = table.rows.last_mut() {
                        row.push(TableCell::new(text));
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(Frame::Table(table, _)) = self.frames.pop() {
                    self.push(Block::Table(table));
                }
            }
            Event::Start(Tag::List(_)) => {
                self.end_inline();
                self.frames.push(Frame::List(List::default()));
            }
            Event::End(TagEnd::List(_)) => {
                self.end_inline();
                if let Some(Frame::List(list)) = self.frames.pop() {
                    self.push(Block::List(list));
                }
            }
            Event::Start(Tag::Item | Tag::BlockQuote(_) | Tag::DefinitionListDefinition) => {
                self.end_inline();
                self.frames.push(Frame::Blocks(Vec::new()));
            }
            Event::End(TagEnd::Item) => {
                self.end_inline();
                if let Some(Frame::Blocks(blocks)) = self.frames.pop() {
                    if let Some(Frame::List(list)) = self.frames.last_mut() {
                        list.items.push(blocks);
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.end_inline();
                if let Some(Frame::Blocks(blocks)) = self.frames.pop() {
                    self.push(Block::Container(blocks));
                }
            }
            Event::Start(Tag::DefinitionList) => {
                self.end_inline();
                self.frames.push(Frame::Definitions(Vec::new()));
            }
            Event::Start(Tag::DefinitionListTitle) => self.inline = Some(Text::new()),
            Event::End(TagEnd::DefinitionListTitle) => {
                let term = self.inline.take().unwrap_or_default();
                if let Some(Frame::Definitions(definitions)) = self.frames.last_mut() {
                    definitions.push(Definition {
                        term,
                        details: Vec::new(),
                    });
                }
            }
            Event::End(TagEnd::DefinitionListDefinition) => {
                self.end_inline();
                if let Some(Frame::Blocks(blocks)) = self.frames.pop() {
                    if let Some(Frame::Definitions(definitions)) = self.frames.last_mut() {
                        if let Some(last) = definitions.last_mut() {
                            last.details.extend(blocks);
                        }
                    }
                }
            }
            Event::End(TagEnd::DefinitionList) => {
                if let Some(Frame::Definitions(definitions)) = self.frames.pop() {
                    self.push(Block::DefinitionList(definitions));
                }
            }
            Event::Start(Tag::Strong) => {
                let at = self.inline_mut().len();
                self.marks.push((at, Mark::Strong));
            }
            Event::End(TagEnd::Strong) => self.end_mark(Mark::Strong),
            Event::Code(t) => {
                let at = self.inline_mut().len();
                self.text(&t, range);
                self.inline_mut().mark(at, Mark::Code);
            }
            Event::Text(t) => self.text(&t, range),
            Event::SoftBreak | Event::HardBreak => {
                let span = Span::new(range.start, range.end);
                self.inline_mut().line_break(span);
            }
            // `<br>` inside a paragraph or cell breaks the line as a hard break does.
            Event::InlineHtml(tag) if is_line_break_tag(&tag) => {
                let span = Span::new(range.start, range.end);
                self.inline_mut().line_break(span);
            }
            Event::Start(Tag::HtmlBlock) => {
                self.end_inline();
                self.html = Some(range);
            }
            Event::Html(_) => {
                if let Some(html) = self.html.as_mut() {
                    html.end = html.end.max(range.end);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                self.pending_html = self.html.take();
            }
            _ => {}
        }
    }

    fn inline_mut(&mut self) -> &mut Text {
        self.inline.get_or_insert_with(Text::new)
    }

    fn end_mark(&mut self, mark: Mark) {
        if let Some(index) = self.marks.iter().rposition(|(_, m)| *m == mark) {
            let (at, _) = self.marks.remove(index);
            self.inline_mut().mark(at, mark);
        }
    }

    /// Text of an inline event. Where the source holds the text verbatim (most text, a
    /// code span inside its backticks) it maps exactly; an entity or escape is mapped
    /// text over its source.
    fn text(&mut self, piece: &str, range: Range<usize>) {
        let source = self.source;
        let raw = source.get(range.clone()).unwrap_or("");
        // kramdown's inline attribute lists (`[Continue](…){: external}`, a line
        // `{: #status-codes}`; Jekyll's and IBM's Markdown) set attributes and render
        // as nothing.
        let lists = if raw == piece && piece.contains('{') && piece.contains("{:") {
            attribute_lists(piece)
        } else {
            Vec::new()
        };
        if !lists.is_empty() {
            let mut at = 0;
            for (start, end) in lists {
                if start > at {
                    self.text(&piece[at..start], range.start + at..range.start + start);
                }
                at = end;
            }
            if at < piece.len() {
                self.text(&piece[at..], range.start + at..range.end);
            }
            return;
        }
        let text = self.inline.get_or_insert_with(Text::new);
        if raw == piece {
            text.push_source(piece, range.start);
        } else if let Some(at) = raw.find(piece).filter(|_| !piece.is_empty()) {
            text.push_source(piece, range.start + at);
        } else {
            text.push_mapped(piece, Span::new(range.start, range.end));
        }
    }

    /// Tight list items and text outside a paragraph: the collected text becomes a
    /// paragraph of its own when a block starts or its container ends.
    fn end_inline(&mut self) {
        if let Some(text) = self.inline.take() {
            if !text.is_empty() {
                self.push(Block::Paragraph(text));
            }
        }
        self.marks.clear();
    }

    fn push(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Blocks(blocks)) => blocks.push(block),
            Some(Frame::List(list)) => list.items.push(vec![block]),
            Some(Frame::Definitions(definitions)) => {
                if let Some(last) = definitions.last_mut() {
                    last.details.push(block);
                }
            }
            Some(Frame::Table(..)) | None => {}
        }
    }

    /// A raw HTML block: its tables, lists and headings, read by the HTML reader and
    /// placed at the block's offset in the page.
    fn html_block(&mut self, range: Range<usize>) {
        let Some(fragment) = self.source.get(range.clone()) else {
            return;
        };
        let mut blocks = crate::html::read_fragment(fragment);
        for block in &mut blocks {
            block.offset(range.start);
        }
        if !blocks.is_empty() {
            self.push(Block::Container(blocks));
        }
    }

    fn finish(&mut self) -> Vec<Block> {
        if let Some(pending) = self.pending_html.take() {
            self.html_block(pending);
        }
        self.end_inline();
        // Unclosed frames (none from pulldown-cmark, but never lose text).
        while self.frames.len() > 1 {
            match self.frames.pop() {
                Some(Frame::Blocks(blocks)) => self.push(Block::Container(blocks)),
                Some(Frame::List(list)) => self.push(Block::List(list)),
                Some(Frame::Table(table, _)) => self.push(Block::Table(table)),
                Some(Frame::Definitions(d)) => self.push(Block::DefinitionList(d)),
                None => {}
            }
        }
        match self.frames.pop() {
            Some(Frame::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }

    fn front_matter(&mut self, yaml: &str) {
        for line in yaml.lines() {
            // Flat `key: value` pairs; nested values are kept as their raw text.
            if line.starts_with([' ', '\t', '-', '#']) {
                continue;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim();
                let value = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(value);
                if !value.is_empty() && value != "null" {
                    self.metadata
                        .push((key.trim().to_owned(), value.to_owned()));
                }
            }
        }
    }
}

/// Pages converted from HTML often put a pipe table right under a paragraph line, which
/// CommonMark reads as more paragraph. Parse a copy with a blank line inserted before
/// each such table; returns the copy and the (copy) offsets of the inserted newlines.
fn separate_tables(text: &str) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let mut inserts = Vec::new();
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        // Cheapest test first: most lines hold no `|` at all.
        if line.contains('|')
            && previous.is_some_and(|p| !p.trim().is_empty() && !p.contains('|'))
            && lines.peek().is_some_and(|n| is_delimiter_row(n))
        {
            inserts.push(offset);
        }
        previous = Some(line);
        offset += line.len();
    }
    let comment_rows = suppression_rows(text);
    if inserts.is_empty() && comment_rows.is_empty() {
        return (std::borrow::Cow::Borrowed(text), inserts);
    }
    let mut patched = text.to_owned();
    for range in comment_rows {
        // Same length, so offsets do not move: `|   |`, an empty table row.
        let blank = format!("|{}|", " ".repeat(range.len().saturating_sub(2)));
        patched.replace_range(range, &blank);
    }
    let text = patched.as_str();
    let mut copy = String::with_capacity(text.len() + inserts.len());
    let mut last = 0;
    let mut shifted = Vec::with_capacity(inserts.len());
    for (n, &at) in inserts.iter().enumerate() {
        copy.push_str(&text[last..at]);
        shifted.push(at + n);
        copy.push('\n');
        last = at;
    }
    copy.push_str(&text[last..]);
    (std::borrow::Cow::Owned(copy), shifted)
}

/// `<!-- statusdoc-disable-next-line … -->` lines between two table rows. CommonMark
/// ends a table at such a line; the parser is given an empty row in its place so that
/// a suppression can sit right above the row it is about.
fn suppression_rows(text: &str) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    if !text.contains("statusdoc-disable") {
        return rows;
    }
    let mut offset = 0;
    let mut previous_is_row = false;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let is_comment = trimmed.starts_with("<!--")
            && trimmed.ends_with("-->")
            && trimmed.contains("statusdoc-disable");
        let next_is_row = lines
            .peek()
            .is_some_and(|n| n.trim_start().starts_with('|'));
        if is_comment && previous_is_row && next_is_row && !content.is_empty() {
            rows.push(offset..offset + content.len());
        } else {
            previous_is_row = trimmed.contains('|') && !trimmed.is_empty();
        }
        offset += line.len();
    }
    rows
}

/// Maps an offset in the copy made by [`separate_tables`] back to the source.
fn unshift(inserted: &[usize], offset: usize) -> usize {
    offset - inserted.partition_point(|&at| at < offset)
}

fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Where kramdown inline attribute lists (`{: external}`, `{:.class}`, `{: #id}`) stand
/// in a piece of text: `{:` up to the next `}` on the same line.
fn attribute_lists(piece: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = piece[from..].find("{:").map(|at| from + at) {
        let Some(close) = piece[open..].find(['}', '\n']).map(|at| open + at) else {
            break;
        };
        if piece.as_bytes()[close] == b'}' {
            found.push((open, close + 1));
        }
        from = close + 1;
    }
    found
}

/// `<br>`, `<br/>`, `<br />` in any case.
fn is_line_break_tag(tag: &str) -> bool {
    let inner = tag
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    inner.eq_ignore_ascii_case("br")
}
