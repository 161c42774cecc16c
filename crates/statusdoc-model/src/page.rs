//! The neutral page model: what every reader produces and the interpreter reads.
//!
//! Like pandoc's AST, it knows nothing of formats. A reader translates its format into
//! [`Page`] blocks (sections' headings, tables, lists, definition lists, paragraphs,
//! literal blocks) and decides nothing about status codes; the interpreter
//! (`statusdoc-interpret`) decides what is a code, a title and a description from the
//! blocks alone.
//!
//! Every piece of text is a [`Text`]: plain text (markup removed, entities decoded,
//! whitespace folded) that remembers the source span of each of its characters, so a
//! diagnostic or fix can point at the exact bytes even when the text was flattened
//! from markup.

use std::ops::Range;

use crate::{Cell, Span};

/// Plain text flattened from markup, with the source span of every character.
///
/// Text is built piece by piece. A *verbatim* piece is a copy of the source bytes at its
/// span, so any sub-range of it maps to exact source bytes. A *mapped* piece stands for
/// source text it does not equal (an entity, a macro, a substitution, a folded run of
/// whitespace): a sub-range inside it maps to the whole of its source span.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    pieces: Vec<Piece>,
    /// Ranges of `text` that the source marks as strong (bold) or as literal code.
    marks: Vec<(Range<usize>, Mark)>,
    /// Offsets in `text` where a source line starts (a folded line break before it).
    line_starts: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Offset of the piece in `Text::text`.
    at: usize,
    source: Span,
    verbatim: bool,
}

/// Inline styles the interpreter may use as evidence (a code in backticks, a bold
/// pseudo-heading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Strong,
    Code,
}

impl Text {
    pub fn new() -> Self {
        Text::default()
    }

    /// Text copied verbatim from the source at `source_start`. Runs of whitespace are
    /// folded to one space (mapped to the whole run); leading whitespace after a space
    /// or at the start is dropped.
    pub fn push_source(&mut self, piece: &str, source_start: usize) {
        // A verbatim run goes on through single spaces between words, which the text
        // keeps as they are: one piece per run, not per word.
        let bytes = piece.as_bytes();
        let mut run: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: printable ASCII is neither white space nor invisible.
            if bytes[i].is_ascii_graphic() {
                run.get_or_insert(i);
                i += 1;
                continue;
            }
            let (c, width) = if bytes[i].is_ascii() {
                (char::from(bytes[i]), 1)
            } else {
                let c = piece[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            // Invisible characters (a zero-width space after a heading's anchor, a
            // soft hyphen) are not text: the run stops before them and goes on after.
            if matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}') {
                if let Some(w) = run.take() {
                    self.push_piece(
                        &piece[w..i],
                        Span::new(source_start + w, source_start + i),
                        true,
                    );
                }
                i += width;
                continue;
            }
            if !c.is_whitespace() {
                run.get_or_insert(i);
                i += width;
                continue;
            }
            let start = i;
            let mut end = i + width;
            while end < bytes.len() {
                let next = piece[end..].chars().next().unwrap_or('x');
                if !next.is_whitespace() {
                    break;
                }
                end += next.len_utf8();
            }
            if run.is_some() && end - start == 1 && bytes[start] == b' ' && end < bytes.len() {
                i = end;
                continue;
            }
            if let Some(w) = run.take() {
                self.push_piece(
                    &piece[w..start],
                    Span::new(source_start + w, source_start + start),
                    true,
                );
            }
            let span = Span::new(source_start + start, source_start + end);
            if end < bytes.len() && piece[start..end].contains('\n') {
                self.line_break(span);
            } else {
                self.space(span);
            }
            i = end;
        }
        if let Some(w) = run {
            self.push_piece(
                &piece[w..],
                Span::new(source_start + w, source_start + piece.len()),
                true,
            );
        }
    }

    /// Text that stands for the source at `source` without equalling it (a decoded
    /// entity, an expanded macro or substitution).
    pub fn push_mapped(&mut self, piece: &str, source: Span) {
        let folded: String = piece.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            if !piece.is_empty() {
                self.space(source);
            }
            return;
        }
        if piece.starts_with(char::is_whitespace) {
            self.space(Span::empty(source.start));
        }
        self.push_piece(&folded, source, false);
        if piece.ends_with(char::is_whitespace) {
            self.space(Span::empty(source.end));
        }
    }

    /// One space, unless the text is empty or already ends with white space.
    pub fn space(&mut self, source: Span) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.push_piece(" ", source, false);
        }
    }

    /// A line break folded to one space (a soft break inside a paragraph), remembered
    /// so that lines written one per item can be told apart ([`Text::lines`]).
    pub fn line_break(&mut self, source: Span) {
        self.space(source);
        if !self.text.is_empty() && self.line_starts.last() != Some(&self.text.len()) {
            self.line_starts.push(self.text.len());
        }
    }

    /// The source lines of the text, as ranges (one range when it had no line break).
    pub fn lines(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.line_starts.len() + 1);
        let mut start = 0;
        for &at in &self.line_starts {
            if at > start && at <= self.text.len() {
                out.push(start..at);
                start = at;
            }
        }
        out.push(start..self.text.len());
        out
    }

    /// A paragraph break (`"\n\n"`) between two paragraphs of one cell or item.
    pub fn paragraph_break(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            self.drop_pieces_past_end();
        }
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            let at = self.pieces.last().map_or(0, |p| p.source.end);
            self.push_piece("\n\n", Span::empty(at), false);
        }
    }

    /// Text that stands for no source bytes of its own (a list bullet `"- "`, a line
    /// break between list items), placed at `at`. Pushed as is, without folding.
    pub fn push_synthetic(&mut self, piece: &str, at: usize) {
        self.push_piece(piece, Span::empty(at), false);
    }

    /// Marks the text pushed since `from` (a value of [`Text::len`]).
    pub fn mark(&mut self, from: usize, mark: Mark) {
        let end = self.text.trim_end().len();
        if from < end {
            self.marks.push((from..end, mark));
        }
    }

    /// Marks a range of the text (clamped to the text).
    pub fn mark_range(&mut self, range: Range<usize>, mark: Mark) {
        let end = range.end.min(self.text.len());
        if range.start < end {
            self.marks.push((range.start..end, mark));
        }
    }

    fn push_piece(&mut self, piece: &str, source: Span, verbatim: bool) {
        if piece.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            at: self.text.len(),
            source,
            verbatim,
        });
        self.text.push_str(piece);
    }

    fn drop_pieces_past_end(&mut self) {
        let len = self.text.len();
        while self.pieces.last().is_some_and(|p| p.at >= len) {
            self.pieces.pop();
        }
        self.marks.retain(|(r, _)| r.start < len);
        self.line_starts.retain(|&at| at < len);
        for (r, _) in &mut self.marks {
            r.end = r.end.min(len);
        }
    }

    /// Appends another text (its pieces keep their source spans).
    pub fn append(&mut self, other: &Text) {
        if other.text.is_empty() {
            return;
        }
        let shift = self.text.len();
        self.pieces.extend(other.pieces.iter().map(|p| Piece {
            at: p.at + shift,
            ..*p
        }));
        self.marks.extend(
            other
                .marks
                .iter()
                .map(|(r, m)| (r.start + shift..r.end + shift, *m)),
        );
        self.line_starts
            .extend(other.line_starts.iter().map(|at| at + shift));
        self.text.push_str(&other.text);
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Marked ranges, in the order they were marked.
    pub fn marks(&self) -> impl Iterator<Item = (Range<usize>, Mark)> + '_ {
        self.marks.iter().cloned()
    }

    /// Whether `range` lies inside one marked range of kind `mark`.
    pub fn is_marked(&self, range: Range<usize>, mark: Mark) -> bool {
        self.marks
            .iter()
            .any(|(r, m)| *m == mark && r.start <= range.start && range.end <= r.end)
    }

    /// The source span of a byte range of the text. Inside verbatim pieces the mapping
    /// is exact; a boundary inside a mapped piece widens to the whole piece.
    pub fn source_span(&self, range: Range<usize>) -> Span {
        let start = self.map(range.start, false);
        let end = self.map(range.end, true).max(start);
        Span::new(start, end)
    }

    fn map(&self, offset: usize, is_end: bool) -> usize {
        let index = self.pieces.partition_point(|p| {
            if is_end {
                p.at < offset
            } else {
                p.at <= offset
            }
        });
        let Some(piece) = index.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return self.pieces.first().map_or(0, |p| p.source.start);
        };
        let within = offset - piece.at;
        if piece.verbatim && within <= piece.source.len() {
            piece.source.start + within
        } else if is_end {
            piece.source.end
        } else {
            piece.source.start
        }
    }

    /// The trimmed sub-range `range` as a [`Cell`], or `None` when it is blank.
    pub fn cell(&self, range: Range<usize>) -> Option<Cell> {
        let slice = self.text.get(range.clone())?;
        let trimmed = slice.trim();
        if trimmed.is_empty() {
            return None;
        }
        let start = range.start + (slice.len() - slice.trim_start().len());
        let end = start + trimmed.len();
        Some(Cell::new(trimmed, self.source_span(start..end)))
    }

    /// The whole text as a [`Cell`].
    pub fn whole(&self) -> Option<Cell> {
        self.cell(0..self.text.len())
    }

    /// A sub-range as a text of its own (pieces and marks cut to it).
    pub fn slice(&self, range: Range<usize>) -> Text {
        let mut out = Text::new();
        let Some(part) = self.text.get(range.clone()) else {
            return out;
        };
        out.text.push_str(part);
        for (i, piece) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |p| p.at);
            if end <= range.start || piece.at >= range.end {
                continue;
            }
            let from = piece.at.max(range.start);
            let skip = from - piece.at;
            let source = if piece.verbatim {
                Span::new(piece.source.start + skip, piece.source.end)
            } else {
                piece.source
            };
            out.pieces.push(Piece {
                at: from - range.start,
                source,
                verbatim: piece.verbatim,
            });
        }
        for (r, m) in &self.marks {
            let start = r.start.max(range.start);
            let end = r.end.min(range.end);
            if start < end {
                out.marks.push((start - range.start..end - range.start, *m));
            }
        }
        out.line_starts.extend(
            self.line_starts
                .iter()
                .filter(|&&at| at > range.start && at < range.end)
                .map(|at| at - range.start),
        );
        out
    }

    /// Removes trailing white space (and the pieces that held it).
    pub fn trim_end(&mut self) {
        let len = self.text.trim_end().len();
        self.text.truncate(len);
        self.drop_pieces_past_end();
    }

    /// Moves every source span by `by` bytes: text read from a fragment of the page
    /// (an HTML block inside Markdown) is placed where the fragment stands.
    pub fn offset(&mut self, by: usize) {
        for piece in &mut self.pieces {
            piece.source = piece.source.offset(by);
        }
    }

    /// The paragraphs of the text (split at `"\n\n"`), as ranges.
    pub fn paragraphs(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut at = 0;
        self.text.split("\n\n").map(move |p| {
            let range = at..at + p.len();
            at += p.len() + 2;
            range
        })
    }
}

/// A page as a reader sees it, before any interpretation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub blocks: Vec<Block>,
}

impl Page {
    /// The blocks as an indented outline, one line per block or row, cells separated
    /// by ` | `: what a reader made of a page (`statusdoc extract --format outline`).
    pub fn outline(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            block.outline_into(&mut out, 0);
        }
        out
    }
}

fn short(text: &Text) -> String {
    let s = text.as_str().replace('\n', "⏎");
    match s.char_indices().nth(100) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

impl Block {
    fn outline_into(&self, out: &mut String, depth: usize) {
        use std::fmt::Write as _;
        let pad = "  ".repeat(depth);
        match self {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "{pad}h{level} {}", short(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{pad}p {}", short(text));
            }
            Block::Literal(text) => {
                let _ = writeln!(out, "{pad}literal {}", short(text));
            }
            Block::Table(table) => {
                let caption = table.caption.as_ref().map(short).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{pad}table header_rows={} {caption}",
                    table.header_rows
                );
                for row in &table.rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| {
                            let span = if c.rowspan > 1 || c.colspan > 1 {
                                format!("[{}x{}]", c.rowspan, c.colspan)
                            } else {
                                String::new()
                            };
                            format!("{span}{}", short(&c.text))
                        })
                        .collect();
                    let _ = writeln!(out, "{pad}  | {} |", cells.join(" | "));
                }
            }
            Block::List(list) => {
                let _ = writeln!(out, "{pad}list");
                for item in &list.items {
                    let _ = writeln!(out, "{pad}  item");
                    for block in item {
                        block.outline_into(out, depth + 2);
                    }
                }
            }
            Block::DefinitionList(definitions) => {
                let _ = writeln!(out, "{pad}dl");
                for d in definitions {
                    let _ = writeln!(out, "{pad}  term {}", short(&d.term));
                    for block in &d.details {
                        block.outline_into(out, depth + 2);
                    }
                }
            }
            Block::Container(blocks) => {
                let _ = writeln!(out, "{pad}container");
                for block in blocks {
                    block.outline_into(out, depth + 1);
                }
            }
        }
    }
}

/// One block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading; sections nest by level (1 is the outermost).
    Heading {
        level: u8,
        text: Text,
    },
    Paragraph(Text),
    /// A literal or code block: never read for entries, kept so that the interpreter
    /// knows the flow of the page.
    Literal(Text),
    Table(Table),
    List(List),
    DefinitionList(Vec<Definition>),
    /// A group of blocks read like the page's own (a block quote, an admonition, a
    /// `<div>`), so that its tables and lists are found where they are.
    Container(Vec<Block>),
}

/// A table: rows of cells, the first `header_rows` of them the header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub caption: Option<Text>,
    pub header_rows: usize,
    pub rows: Vec<Vec<TableCell>>,
}

/// One cell as written (before row and column spans are laid out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableCell {
    pub text: Text,
    pub rowspan: usize,
    pub colspan: usize,
    /// The cell sits in a layout whose columns are aligned by characters (a
    /// reStructuredText grid or simple table): an edit must keep the line's length.
    pub fixed_width: bool,
}

impl TableCell {
    pub fn new(text: Text) -> Self {
        TableCell {
            text,
            rowspan: 1,
            colspan: 1,
            fixed_width: false,
        }
    }
}

/// A bulleted or numbered list; each item is a sequence of blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    pub items: Vec<Vec<Block>>,
}

/// A definition-list item: a term and the blocks that define it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Definition {
    pub term: Text,
    pub details: Vec<Block>,
}

impl Block {
    /// Moves every source span in the block by `by` bytes (see [`Text::offset`]).
    pub fn offset(&mut self, by: usize) {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                text.offset(by)
            }
            Block::Table(table) => {
                if let Some(caption) = &mut table.caption {
                    caption.offset(by);
                }
                for cell in table.rows.iter_mut().flatten() {
                    cell.text.offset(by);
                }
            }
            Block::List(list) => {
                for block in list.items.iter_mut().flatten() {
                    block.offset(by);
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    d.term.offset(by);
                    for block in &mut d.details {
                        block.offset(by);
                    }
                }
            }
            Block::Container(blocks) => {
                for block in blocks {
                    block.offset(by);
                }
            }
        }
    }

    /// All the text of the block, paragraphs separated by `"\n\n"` (for descriptions).
    pub fn flat_text(&self) -> Text {
        let mut out = Text::new();
        self.flatten_into(&mut out);
        out
    }

    fn flatten_into(&self, out: &mut Text) {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                out.paragraph_break();
                out.append(text);
            }
            Block::Table(table) => {
                for row in &table.rows {
                    out.paragraph_break();
                    for cell in row {
                        out.space(Span::empty(0));
                        out.append(&cell.text);
                    }
                }
            }
            Block::List(list) => {
                // One paragraph of "- item" lines.
                for (i, item) in list.items.iter().enumerate() {
                    let at = out.pieces.last().map_or(0, |p| p.source.end);
                    if i == 0 {
                        out.paragraph_break();
                    } else {
                        out.trim_end();
                        out.push_synthetic("\n", at);
                    }
                    out.push_synthetic("- ", at);
                    let mut item_text = Text::new();
                    for block in item {
                        block.flatten_into(&mut item_text);
                    }
                    // The item's paragraphs run on in one line.
                    for (k, range) in item_text.paragraphs().enumerate() {
                        if k > 0 {
                            out.space(Span::empty(at));
                        }
                        out.append(&item_text.slice(range));
                    }
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    out.paragraph_break();
                    out.append(&d.term);
                    for block in &d.details {
                        block.flatten_into(out);
                    }
                }
            }
            Block::Container(blocks) => {
                for block in blocks {
                    block.flatten_into(out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_text_maps_exactly_and_folds_space() {
        let source = "| `415  Not\n Acceptable` |";
        let mut text = Text::new();
        text.push_source("415  Not\n Acceptable", 3);
        assert_eq!(text.as_str(), "415 Not Acceptable");
        let span = text.source_span(4..18);
        assert_eq!(&source[span.start..span.end], "Not\n Acceptable");
        assert_eq!(text.source_span(0..3), Span::new(3, 6));
    }

    #[test]
    fn invisible_characters_are_not_text() {
        let source = "OK\u{200b} Bad\u{00ad}Request";
        let mut text = Text::new();
        text.push_source(source, 0);
        assert_eq!(text.as_str(), "OK BadRequest");
        let span = text.source_span(3..13);
        assert_eq!(&source[span.start..span.end], "Bad\u{00ad}Request");
    }

    #[test]
    fn mapped_pieces_widen() {
        let mut text = Text::new();
        text.push_source("Don", 0);
        text.push_mapped("'", Span::new(3, 9)); // &apos;
        text.push_source("t", 9);
        assert_eq!(text.as_str(), "Don't");
        assert_eq!(text.source_span(3..4), Span::new(3, 9));
        assert_eq!(text.source_span(0..5), Span::new(0, 10));
    }

    #[test]
    fn slices_keep_spans() {
        let mut text = Text::new();
        text.push_source("404 Not Found", 10);
        let slice = text.slice(4..13);
        assert_eq!(slice.as_str(), "Not Found");
        assert_eq!(slice.source_span(0..9), Span::new(14, 23));
        let cell = text.cell(3..13).unwrap();
        assert_eq!(
            (cell.text.as_str(), cell.span),
            ("Not Found", Span::new(14, 23))
        );
    }

    #[test]
    fn paragraph_breaks_are_single() {
        let mut text = Text::new();
        text.push_source("One. ", 0);
        text.paragraph_break();
        text.paragraph_break();
        text.push_source("Two.", 10);
        assert_eq!(text.as_str(), "One.\n\nTwo.");
        assert_eq!(text.paragraphs().count(), 2);
    }
}
