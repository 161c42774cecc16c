//! Markdown reader (pulldown-cmark).
//!
//! Status codes appear in four shapes, all read here:
//! - pipe tables, with the code plain or in backticks, and the title in the code cell
//!   (`` `415 Unsupported Media Type` ``) or in a column of its own;
//! - lists whose items start with a code (`* 200 OK` then the description paragraphs);
//! - one heading per code (`### 415 Unsupported Media Type`) with paragraphs below it;
//! - definition lists (`415 Unsupported Media Type` / `: description`).
//!
//! Inline markup, entities and escapes become plain text. Every piece of text remembers
//! the source range it came from, so titles and codes keep exact byte spans.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use statusdoc_model::{Cell, Document, Entry, Span};
use statusdoc_reference::Registry;

use crate::common::{column_role, is_page_chrome, join_paragraphs, leading_code, ColumnRole};
use crate::runin::{split_code_and_title, CodeAndTitle};

pub(crate) fn read(document: &mut Document, registry: &Registry) {
    let text = document.source.text().to_owned();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader {
        text: &text,
        registry,
        entries: Vec::new(),
        headings: Vec::new(),
        title: None,
        metadata: Vec::new(),
        in_code_column: false,
        block: 0,
    };
    let (parsed, inserted) = separate_tables(&text);
    let to_source =
        |range: Range<usize>| unshift(&inserted, range.start)..unshift(&inserted, range.end);
    reader.run(
        Parser::new_ext(&parsed, options)
            .into_offset_iter()
            .map(|(event, range)| (event, to_source(range))),
    );
    document.entries = reader.entries;
    for (key, value) in reader.metadata {
        document.metadata.insert(key, value);
    }
    document.title = document.metadata.get("title").cloned().or(reader.title);
}

/// Inline text being collected, with the source range of each piece.
#[derive(Default, Debug, Clone)]
struct Inline {
    /// Paragraphs finished so far.
    paragraphs: Vec<Run>,
    current: Run,
}

/// One paragraph of plain text and where each piece of it came from.
#[derive(Default, Debug, Clone)]
struct Run {
    text: String,
    /// (offset in `text`, source range) per piece, in order.
    pieces: Vec<(usize, Range<usize>)>,
}

impl Run {
    fn push(&mut self, piece: &str, source: &str, range: Range<usize>) {
        let piece_text = if self.text.is_empty() || self.text.ends_with(' ') {
            piece.trim_start()
        } else {
            piece
        };
        // A code span's range includes its backticks: point at the text inside.
        let range = match source.get(range.clone()) {
            Some(raw) if raw != piece_text => match raw.find(piece_text) {
                Some(at) if !piece_text.is_empty() => {
                    range.start + at..range.start + at + piece_text.len()
                }
                _ => range,
            },
            _ => range,
        };
        self.pieces.push((self.text.len(), range));
        self.text.push_str(piece_text);
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Maps a byte range of `text` to the source. Within a piece copied verbatim the
    /// mapping is exact; inside an entity or escape it widens to the whole piece.
    fn source_span(&self, source: &str, range: Range<usize>) -> Span {
        let map = |offset: usize, is_end: bool| -> usize {
            let index = self.pieces.partition_point(|(start, _)| {
                if is_end {
                    *start < offset
                } else {
                    *start <= offset
                }
            });
            let Some((start, src)) = index.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
                return self.pieces.first().map_or(0, |(_, r)| r.start);
            };
            let within = offset - start;
            let verbatim = source.get(src.clone()).map(str::len) == Some(src.len())
                && src.len() >= within
                && self.text.get(*start..*start + within)
                    == source.get(src.start..src.start + within);
            if verbatim {
                src.start + within
            } else if is_end {
                src.end
            } else {
                src.start
            }
        };
        let start = map(range.start, false);
        let end = map(range.end, true).max(start);
        Span::new(start, end)
    }

    /// The trimmed text with its source span.
    fn cell(&self, source: &str) -> Option<Cell> {
        self.sub_cell(source, 0..self.text.len())
    }

    fn sub_cell(&self, source: &str, range: Range<usize>) -> Option<Cell> {
        let slice = self.text.get(range.clone())?;
        let trimmed = slice.trim();
        if trimmed.is_empty() {
            return None;
        }
        let start = range.start + (slice.len() - slice.trim_start().len());
        let end = start + trimmed.len();
        Some(Cell::new(trimmed, self.source_span(source, start..end)))
    }
}

impl Inline {
    fn end_paragraph(&mut self) {
        if !self.current.is_empty() {
            let run = std::mem::take(&mut self.current);
            self.paragraphs.push(run);
        } else {
            self.current = Run::default();
        }
    }

    fn finish(mut self) -> Vec<Run> {
        self.end_paragraph();
        self.paragraphs
    }
}

/// The description built from paragraphs: text joined by blank lines, span covering all.
fn description_cell(source: &str, runs: &[Run]) -> Option<Cell> {
    let cells: Vec<Cell> = runs.iter().filter_map(|r| r.cell(source)).collect();
    let first = cells.first()?;
    let span = cells.iter().fold(first.span, |span, c| span.cover(c.span));
    Some(Cell::new(
        join_paragraphs(cells.iter().map(|c| c.text.clone())),
        span,
    ))
}

struct Reader<'a> {
    text: &'a str,
    registry: &'a Registry,
    entries: Vec<Entry>,
    /// Open headings: (level, text).
    headings: Vec<(u8, String)>,
    title: Option<String>,
    metadata: Vec<(String, String)>,
    /// Set while reading a table column already known to hold status codes.
    in_code_column: bool,
    /// The table or list being read (0 for headings and definition lists).
    block: usize,
}

/// A block of the document as the reader sees it.
enum Block {
    Heading {
        level: u8,
        run: Run,
    },
    Paragraphs(Vec<Run>),
    Table {
        rows: Vec<Vec<Run>>,
        header_rows: usize,
    },
    /// An item of the `n`-th top-level list.
    ListItem(Vec<Run>, usize),
    Definition {
        term: Run,
        details: Vec<Run>,
    },
    /// A raw HTML block (a `<table>` or `<dl>` written in HTML inside Markdown).
    Html(Range<usize>),
}

impl<'a> Reader<'a> {
    fn run(&mut self, events: impl Iterator<Item = (Event<'a>, Range<usize>)>) {
        let blocks = self.blocks(events);
        let mut index = 0;
        while index < blocks.len() {
            match &blocks[index] {
                Block::Heading { level, run } => {
                    let level = *level;
                    let heading_text = run.text.trim().to_owned();
                    if self.title.is_none() && level == 1 {
                        self.title = Some(heading_text.clone());
                    }
                    // A heading that starts with a code documents that code, with the
                    // paragraphs up to the next heading as its description.
                    self.block = 0;
                    if let Some(entry) = self.code_heading(run, &blocks[index + 1..], level) {
                        self.entries.push(entry);
                    }
                    while self.headings.last().is_some_and(|(l, _)| *l >= level) {
                        self.headings.pop();
                    }
                    self.headings.push((level, heading_text));
                }
                Block::Table { rows, header_rows } => {
                    self.block += 1;
                    self.table(rows, *header_rows);
                }
                Block::ListItem(runs, list) => {
                    self.block = 1_000_000 + list;
                    self.item(runs);
                }
                Block::Definition { term, details } => {
                    self.block = 0;
                    self.definition(term, details);
                }
                Block::Html(range) => self.html_block(range.clone()),
                Block::Paragraphs(_) => {}
            }
            index += 1;
        }
    }

    fn section(&self) -> Vec<String> {
        self.headings.iter().map(|(_, t)| t.clone()).collect()
    }

    /// Flattens the event stream into blocks with their inline runs.
    fn blocks(&mut self, events: impl Iterator<Item = (Event<'a>, Range<usize>)>) -> Vec<Block> {
        let source = self.text;
        let mut blocks = Vec::new();
        let mut inline = Inline::default();
        // What the collected inline text belongs to.
        let mut heading: Option<u8> = None;
        let mut table: Option<(Vec<Vec<Run>>, usize, bool)> = None; // rows, header rows, in head
        let mut list_depth = 0usize;
        let mut lists = 0usize;
        let mut item_stack: Vec<Inline> = Vec::new();
        let mut term: Option<Run> = None;
        let mut definition: Option<(Run, Vec<Run>)> = None;
        let mut in_metadata = false;
        for (event, range) in events {
            match event {
                Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                    in_metadata = true
                }
                Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
                Event::Text(t) if in_metadata => self.front_matter(&t),
                Event::Start(Tag::Heading { level, .. }) => {
                    inline.end_paragraph();
                    flush_paragraphs(&mut blocks, &mut inline);
                    heading = Some(heading_level(level));
                }
                Event::End(TagEnd::Heading(_)) => {
                    let run = std::mem::take(&mut inline.current);
                    blocks.push(Block::Heading {
                        level: heading.take().unwrap_or(1),
                        run,
                    });
                }
                Event::Start(Tag::Table(_)) => {
                    inline.end_paragraph();
                    flush_paragraphs(&mut blocks, &mut inline);
                    table = Some((Vec::new(), 0, false));
                }
                Event::Start(Tag::TableHead) => {
                    if let Some(t) = table.as_mut() {
                        t.0.push(Vec::new());
                        t.2 = true;
                    }
                }
                Event::End(TagEnd::TableHead) => {
                    if let Some(t) = table.as_mut() {
                        t.1 = t.0.len();
                        t.2 = false;
                    }
                }
                Event::Start(Tag::TableRow) => {
                    if let Some(t) = table.as_mut() {
                        t.0.push(Vec::new());
                    }
                }
                Event::Start(Tag::TableCell) => inline.current = Run::default(),
                Event::End(TagEnd::TableCell) => {
                    let run = std::mem::take(&mut inline.current);
                    if let Some(row) = table.as_mut().and_then(|t| t.0.last_mut()) {
                        row.push(run);
                    }
                }
                Event::End(TagEnd::Table) => {
                    if let Some((rows, header_rows, _)) = table.take() {
                        blocks.push(Block::Table { rows, header_rows });
                    }
                }
                Event::Start(Tag::List(_)) => {
                    inline.end_paragraph();
                    if list_depth == 0 {
                        flush_paragraphs(&mut blocks, &mut inline);
                        lists += 1;
                    }
                    list_depth += 1;
                }
                Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
                Event::Start(Tag::Item) => {
                    inline.end_paragraph();
                    item_stack.push(std::mem::take(&mut inline));
                }
                Event::End(TagEnd::Item) => {
                    let runs = std::mem::take(&mut inline).finish();
                    inline = item_stack.pop().unwrap_or_default();
                    if item_stack.is_empty() {
                        blocks.push(Block::ListItem(runs, lists));
                    } else {
                        // A nested item is part of its parent's description.
                        let mut bullet = Run::default();
                        for (i, run) in runs.iter().enumerate() {
                            if i > 0 {
                                bullet.space();
                            }
                            bullet.text.push_str(if i == 0 { "- " } else { "" });
                            let offset = bullet.text.len();
                            bullet
                                .pieces
                                .extend(run.pieces.iter().map(|(o, r)| (o + offset, r.clone())));
                            bullet.text.push_str(&run.text);
                        }
                        inline.paragraphs.push(bullet);
                    }
                }
                Event::Start(Tag::DefinitionListTitle) => inline.current = Run::default(),
                Event::End(TagEnd::DefinitionListTitle) => {
                    if let Some((t, d)) = definition.take() {
                        blocks.push(Block::Definition {
                            term: t,
                            details: d,
                        });
                    }
                    term = Some(std::mem::take(&mut inline.current));
                }
                Event::Start(Tag::DefinitionListDefinition) => inline.current = Run::default(),
                Event::End(TagEnd::DefinitionListDefinition) => {
                    let runs = std::mem::take(&mut inline).finish();
                    match (&mut definition, term.take()) {
                        (_, Some(t)) => definition = Some((t, runs)),
                        (Some((_, details)), None) => details.extend(runs),
                        (None, None) => {}
                    }
                }
                Event::End(TagEnd::DefinitionList) => {
                    if let Some((t, d)) = definition.take() {
                        blocks.push(Block::Definition {
                            term: t,
                            details: d,
                        });
                    }
                }
                Event::End(TagEnd::Paragraph) => inline.end_paragraph(),
                Event::Text(t) | Event::Code(t) => inline.current.push(&t, source, range),
                Event::Start(Tag::HtmlBlock) => {
                    inline.end_paragraph();
                    flush_paragraphs(&mut blocks, &mut inline);
                    blocks.push(Block::Html(range));
                }
                Event::InlineHtml(_) | Event::Html(_) => {}
                Event::SoftBreak | Event::HardBreak => inline.current.space(),
                Event::End(TagEnd::BlockQuote(_) | TagEnd::CodeBlock) => inline.end_paragraph(),
                _ => {}
            }
        }
        inline.end_paragraph();
        flush_paragraphs(&mut blocks, &mut inline);
        blocks
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

    /// An entry from a code and the text after it in the same run ("200 OK",
    /// "`400 Bad Request: validation failures`", "200 (OK)"). Text after the title
    /// becomes the first paragraph of the description.
    fn entry_from_run(&self, run: &Run, rest: &[Run]) -> Option<Entry> {
        let trimmed_start = code_start(&run.text)?;
        let text = &run.text[trimmed_start..];
        let code = leading_code(text)?;
        // Outside a status table's code column, a code must be followed by a title
        // ("404 Not Found", "200 (OK)") or nothing: "300 requests per minute" is prose.
        if !self.in_code_column
            && !text[3..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| c.is_uppercase() || "(`:-–—".contains(c))
        {
            return None;
        }
        let CodeAndTitle { title, detail } = split_code_and_title(self.registry, text);
        let code_span = run.source_span(self.text, trimmed_start..trimmed_start + 3);
        let title = title
            .and_then(|r| run.sub_cell(self.text, r.start + trimmed_start..r.end + trimmed_start));
        let mut runs: Vec<Run> = Vec::new();
        if let Some(detail) = detail {
            let mut lead = Run::default();
            let range = detail.start + trimmed_start..detail.end + trimmed_start;
            let span = run.source_span(self.text, range.clone());
            lead.pieces.push((0, span.start..span.end));
            lead.text.push_str(run.text[range].trim());
            runs.push(lead);
        }
        runs.extend(rest.iter().cloned());
        Some(Entry {
            code,
            code_span,
            title,
            description: description_cell(self.text, &runs),
            section: self.section(),
            block: self.block,
        })
    }

    /// A row for several codes ("200, 201", "401 / 403", "404 | 410"): one entry per
    /// code, sharing the description. Titles are split on " / " when there is one per
    /// code ("Unauthorized / Forbidden"); otherwise the entries have none, since a
    /// group title ("Server Error") is no code's reason phrase.
    fn multi_code_row(
        &self,
        cell: &Run,
        title: Option<&Cell>,
        description: &[Run],
    ) -> Option<Vec<Entry>> {
        let text = cell.text.trim_end();
        let lead = cell.text.len() - cell.text.trim_start().len();
        let mut codes: Vec<(u16, usize)> = Vec::new();
        let mut at = lead;
        loop {
            let code = leading_code(&text[at..])?;
            codes.push((code, at));
            let rest = &text[at + 3..];
            let gap = rest.len() - rest.trim_start_matches([' ', ',', '/', '|', '&']).len();
            let after = &rest[gap..];
            let gap = gap
                + ["or ", "and "]
                    .iter()
                    .find(|w| after.starts_with(**w))
                    .map_or(0, |w| w.len());
            if gap == 0 || leading_code(&text[at + 3 + gap..]).is_none() {
                break;
            }
            at += 3 + gap;
        }
        if codes.len() < 2 {
            return None;
        }
        let end = codes.last().map_or(0, |(_, at)| at + 3);
        let rest = text[end..].trim();
        let titles: Vec<Cell> = match (title, rest.is_empty()) {
            (Some(title), _) => split_titles(self.text, title),
            (None, false) => cell
                .sub_cell(self.text, end..text.len())
                .map(|c| split_titles(self.text, &c))
                .unwrap_or_default(),
            (None, true) => Vec::new(),
        };
        let titles = (titles.len() == codes.len()).then_some(titles);
        let description = description_cell(self.text, description);
        Some(
            codes
                .iter()
                .enumerate()
                .map(|(i, &(code, at))| Entry {
                    code,
                    code_span: cell.source_span(self.text, at..at + 3),
                    title: titles.as_ref().map(|t| t[i].clone()),
                    description: description.clone(),
                    section: self.section(),
                    block: self.block,
                })
                .collect(),
        )
    }

    /// Status tables and lists written as HTML inside the Markdown page are read by the
    /// HTML reader, on the block's own text, with spans moved back into the page.
    fn html_block(&mut self, range: Range<usize>) {
        let Some(fragment) = self.text.get(range.clone()) else {
            return;
        };
        let lower = fragment.to_ascii_lowercase();
        if !["<table", "<dl", "<ul", "<ol"]
            .iter()
            .any(|t| lower.contains(t))
        {
            return;
        }
        let mut html = Document::new(
            statusdoc_model::SourceFile::new("fragment.html", fragment),
            statusdoc_model::Format::Html,
        );
        crate::html::read(&mut html, self.registry);
        self.block += 1;
        let shift = |span: Span| span.offset(range.start);
        for entry in html.entries {
            self.entries.push(Entry {
                code_span: shift(entry.code_span),
                title: entry.title.map(|c| Cell {
                    span: shift(c.span),
                    ..c
                }),
                description: entry.description.map(|c| Cell {
                    span: shift(c.span),
                    ..c
                }),
                section: self.section(),
                block: self.block,
                ..entry
            });
        }
    }

    fn code_heading(&self, run: &Run, following: &[Block], level: u8) -> Option<Entry> {
        code_start(&run.text)?;
        let mut runs = Vec::new();
        for block in following {
            match block {
                Block::Heading { level: l, .. } if *l <= level => break,
                Block::Heading { .. } => break,
                Block::Paragraphs(p) | Block::ListItem(p, _) => runs.extend(p.iter().cloned()),
                _ => {}
            }
        }
        self.entry_from_run(run, &runs)
    }

    fn item(&mut self, runs: &[Run]) {
        let Some((first, rest)) = runs.split_first() else {
            return;
        };
        if let Some(entry) = self.entry_from_run(first, rest) {
            self.entries.push(entry);
        }
    }

    fn definition(&mut self, term: &Run, details: &[Run]) {
        if let Some(entry) = self.entry_from_run(term, details) {
            self.entries.push(entry);
        }
    }

    fn table(&mut self, rows: &[Vec<Run>], header_rows: usize) {
        let Some(width) = rows.iter().map(Vec::len).max() else {
            return;
        };
        let header: Vec<ColumnRole> = match rows.first() {
            Some(head) if header_rows > 0 => head.iter().map(|c| column_role(&c.text)).collect(),
            _ => vec![ColumnRole::Other; width],
        };
        if header_rows > 0
            && crate::common::is_error_catalog(rows[0].iter().map(|c| c.text.as_str()))
        {
            return;
        }
        let body = &rows[header_rows.min(rows.len())..];
        // The code column: the one whose cells start with status codes, preferring a
        // column the header calls a code column. A table whose code column is not
        // mostly HTTP status codes (opcodes, error-code strings) is not read.
        let code_share = |col: usize| {
            // Rows with a single filled cell are lines the table swallowed (page chrome
            // such as "Was this article helpful?" right below the last row).
            let cells: Vec<&Run> = body
                .iter()
                .filter(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
                .filter_map(|r| r.get(col))
                .filter(|c| !c.is_empty() && !is_page_chrome(&c.text))
                .collect();
            let codes = cells
                .iter()
                .filter(|c| leading_code(c.text.trim()).is_some())
                .count();
            (codes, cells.len())
        };
        let candidates: Vec<usize> = (0..width)
            .filter(|&col| {
                let (codes, cells) = code_share(col);
                codes > 0 && codes * 2 >= cells
            })
            .collect();
        let Some(&code_col) = candidates
            .iter()
            .find(|&&c| header.get(c) == Some(&ColumnRole::Code))
            .or(candidates.first())
        else {
            return;
        };
        let title_col =
            (0..width).find(|&c| c != code_col && header.get(c) == Some(&ColumnRole::Title));
        let description_col = (0..width)
            .find(|&c| c != code_col && header.get(c) == Some(&ColumnRole::Description))
            .or_else(|| {
                (0..width).find(|&c| {
                    c != code_col
                        && Some(c) != title_col
                        && header.get(c) != Some(&ColumnRole::Code)
                })
            });
        for row in body {
            let Some(code_cell) = row.get(code_col) else {
                continue;
            };
            let description: Vec<Run> = description_col
                .and_then(|c| row.get(c))
                .into_iter()
                .cloned()
                .collect();
            let title_cell = title_col
                .and_then(|c| row.get(c))
                .and_then(|r| r.cell(self.text));
            if let Some(entries) = self.multi_code_row(code_cell, title_cell.as_ref(), &description)
            {
                self.entries.extend(entries);
                continue;
            }
            self.in_code_column = true;
            let entry = self.entry_from_run(code_cell, &description);
            self.in_code_column = false;
            let Some(mut entry) = entry else {
                continue;
            };
            if let Some(title) = title_col
                .and_then(|c| row.get(c))
                .and_then(|r| r.cell(self.text))
            {
                entry.title = Some(title);
            }
            self.entries.push(entry);
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
        let next_is_delimiter = lines.peek().is_some_and(|n| is_delimiter_row(n));
        if next_is_delimiter
            && line.contains('|')
            && previous.is_some_and(|p| !p.trim().is_empty() && !p.contains('|'))
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

/// Where the code starts in text that begins with one: after leading whitespace and an
/// optional "HTTP " or "Status " ("HTTP 502: Bad Gateway", "Status 404 - Not Found").
fn code_start(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let skip = ["HTTP ", "Status ", "HTTP/1.1 "]
        .iter()
        .find(|p| rest.starts_with(**p) && leading_code(&rest[p.len()..]).is_some())
        .map_or(0, |p| p.len());
    leading_code(&rest[skip..]).map(|_| start + skip)
}

/// "Unauthorized / Forbidden" as two cells with their own spans.
fn split_titles(source: &str, title: &Cell) -> Vec<Cell> {
    let raw = source.get(title.span.start..title.span.end).unwrap_or("");
    if raw != title.text || !raw.contains(" / ") {
        return vec![title.clone()];
    }
    let mut cells = Vec::new();
    let mut offset = title.span.start;
    for part in raw.split(" / ") {
        let lead = part.len() - part.trim_start().len();
        cells.push(Cell::new(
            part.trim(),
            Span::new(offset + lead, offset + lead + part.trim().len()),
        ));
        offset += part.len() + 3;
    }
    cells
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

fn flush_paragraphs(blocks: &mut Vec<Block>, inline: &mut Inline) {
    let runs = std::mem::take(inline).finish();
    if !runs.is_empty() {
        blocks.push(Block::Paragraphs(runs));
    }
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
