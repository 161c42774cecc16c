//! AsciiDoc reader: translates a page into the neutral page model, by hand, line by line.
//!
//! Why not a parser crate: `asciidoc-parser` (0.31) needs Rust 1.88 (the workspace
//! builds on 1.85), and its spans index a *preprocessed* copy of the page that maps back
//! to the file only by line; its inline content comes out rendered (HTML, with
//! attribute values and typographic replacements substituted), not as text whose every
//! character knows its source bytes. `asciidork-parser` builds a bump-allocated AST with
//! attribute references and typographic replacements resolved into the text, and pulls
//! in a regex engine, a date library and an arena for what is, for statusdoc, a small
//! part of the language. Both would need their output re-aligned with the source to get
//! the exact spans `--fix` relies on. AsciiDoc's block structure is line based (like
//! reStructuredText, which statusdoc also scans by hand), so this reader scans lines and
//! keeps exact spans throughout.
//!
//! What it reads:
//!
//! - section titles (`== Title`, also `#`-style) → headings; the document title
//!   (`= Title`) and its header (author line, attribute entries);
//! - paragraphs, admonition paragraphs (`NOTE: …`, in a container), literal paragraphs
//!   (indented) and listing/literal/passthrough blocks (`----`, `....`, `++++`, fenced)
//!   → literal blocks; example, sidebar, quote and open blocks → containers;
//! - tables: `|===` (and `!===` nested in `a|` cells), with `cols=` (counts, multipliers,
//!   column styles), `options="header"`/`%header`/`%noheader`, the implicit header row
//!   (a first line followed by a blank line), cell specs (`2+|`, `.3+|`, `3*|`, `a|`,
//!   `m|`, `s|`), `a|` cells read as AsciiDoc; CSV (`,===`, `format=csv`) and DSV
//!   (`:===`, `format=dsv`) tables; a `.Title` is the caption;
//! - description lists (`term:: text`, `:::`, `::::`, `;;`, `[horizontal]`), `*`/`-`
//!   bulleted and `.`/`1.` numbered lists, nested by marker, with `+` list continuation;
//! - attribute entries (`:name: value`, `:name!:`): a reference `{name}` to an attribute
//!   defined on the page (or a built-in such as `{nbsp}`) is mapped text over the
//!   reference; an undefined one stays as written, except that a reference named by a
//!   status code (`{404}`, which style guides define in a shared attributes file to link
//!   the code) reads as that code;
//! - inline markup, removed with exact spans: strong (marked), emphasis, monospace
//!   (marked as code), highlight, super/subscript, passthroughs (`+…+`, `pass:[…]`),
//!   links (`link:url[text]`, `https://…[text]`, `mailto:`), cross references
//!   (`<<id,text>>`, `xref:id[text]`), anchors (`[[id]]`), footnotes and images
//!   (dropped), backslash escapes, character references, hard line breaks;
//! - comments (`//`, `////` blocks) are skipped; `ifdef::`/`ifndef::`/`endif::` lines are
//!   dropped and what they enclose read (the page as written, not as one build renders
//!   it).
//!
//! `include::` is not followed (its target is another file, often generated): the page
//! gets one info-level SD003 (`reader-limit`) note, at the first include, saying what
//! the includes bring in was not checked. A delimited block that is never closed reads
//! on to the end of the page (or of its enclosing block), as in Asciidoctor, and gets an
//! info-level SD003 note at its opening delimiter, where Asciidoctor warns
//! `unterminated table block`.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as Asciidoctor reads them.

use std::collections::HashMap;

use statusdoc_model::page::{Block, Definition, List, Mark, Page, Table, TableCell, Text};
use statusdoc_model::{Diagnostic, Document, Rule, Severity, Span};

use crate::common::{is_line_end, line_ranges, push_source_lines};

/// How deep blocks nest (containers, `a|` cells, list items) and references expand.
const MAX_DEPTH: usize = 32;
/// The longest value an attribute reference expands to.
const MAX_ATTRIBUTE_LEN: usize = 64 * 1024;

pub(crate) fn read(document: &mut Document) -> Page {
    let source = document.source.clone();
    let text = source.text();
    let lines = split_lines(text);
    let mut reader = Reader {
        text,
        attributes: HashMap::new(),
        includes: Vec::new(),
        unterminated: Vec::new(),
        title: None,
        metadata: Vec::new(),
        depth: 0,
        seen_block: false,
    };
    let blocks = reader.blocks(&lines, &[]);
    document.title = reader.title.take();
    for (key, value) in reader.metadata.drain(..) {
        document.metadata.entry(key).or_insert(value);
    }
    // One note for all the page's includes, at the first.
    let includes = std::mem::take(&mut reader.includes);
    if let Some((span, target)) = includes.first() {
        let others = match includes.len() - 1 {
            0 => String::new(),
            1 => " (and 1 other include)".to_owned(),
            n => format!(" (and {n} other includes)"),
        };
        document.notes.push(
            Diagnostic::of(
                Rule::ReaderLimit,
                Severity::Info,
                &source,
                *span,
                format!("`include::{target}[]`{others} is not followed: what it includes was not checked"),
            )
            .with_help("lint the included files too, or the page as your build renders it"),
        );
    }
    // A note for each delimited block that is never closed (as Asciidoctor warns).
    let mut unterminated = std::mem::take(&mut reader.unterminated);
    unterminated.sort_by_key(|(span, _)| span.start);
    unterminated.dedup_by_key(|(span, _)| span.start);
    for (span, kind) in unterminated {
        let delimiter = source.slice(span).to_owned();
        crate::common::reader_limit_note(
            document,
            span,
            format!("unterminated {kind} block: `{delimiter}` is never closed, so everything after it to the end of the page or of its enclosing block was read as its content"),
            format!("close the block with a second `{delimiter}` line where it ends"),
        );
    }
    Page { blocks }
}

/// A line of the page without its line break, or the rest of a line (a cell's content
/// after its `a|`).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn split_lines(text: &str) -> Vec<Line> {
    line_ranges(text)
        .map(|(start, end)| Line { start, end })
        .collect()
}

/// Block attributes and a title waiting for the block they belong to.
#[derive(Default)]
struct Pending {
    attributes: Vec<Line>,
    title: Option<Text>,
}

impl Pending {
    fn clear(&mut self) {
        self.attributes.clear();
        self.title = None;
    }
}

/// What a list's items start with.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Marker {
    Bullet(String),
    Number(String),
    /// `::`, `:::`, `::::` or `;;`.
    Term(String),
}

struct ListItem {
    marker: Marker,
    /// The item's text (after the bullet), or a term.
    first: Line,
    /// A description list item's text on the term's line.
    rest: Option<Line>,
}

struct Reader<'a> {
    text: &'a str,
    attributes: HashMap<String, String>,
    includes: Vec<(Span, String)>,
    /// Opening delimiters of blocks never closed, with the kind of block.
    unterminated: Vec<(Span, &'static str)>,
    title: Option<String>,
    metadata: Vec<(String, String)>,
    depth: usize,
    /// A block other than a comment or attribute entry has been read (the document
    /// title must come first).
    seen_block: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delimited {
    Listing,
    Literal,
    Pass,
    Comment,
    Compound,
    Table(u8),
}

fn delimiter(line: &str) -> Option<Delimited> {
    let line = line.trim_end();
    if line == "--" {
        return Some(Delimited::Compound);
    }
    if line.starts_with("```") {
        return Some(Delimited::Listing);
    }
    let bytes = line.as_bytes();
    if bytes.len() >= 4
        && matches!(bytes[0], b'|' | b'!' | b',' | b':')
        && bytes[1..].iter().all(|&b| b == b'=')
    {
        return Some(Delimited::Table(bytes[0]));
    }
    if bytes.len() < 4 || !bytes.iter().all(|&b| b == bytes[0]) {
        return None;
    }
    Some(match bytes[0] {
        b'-' => Delimited::Listing,
        b'.' => Delimited::Literal,
        b'+' => Delimited::Pass,
        b'/' => Delimited::Comment,
        b'=' | b'*' | b'_' => Delimited::Compound,
        _ => return None,
    })
}

fn is_attribute_line(line: &str) -> bool {
    let line = line.trim_end();
    line.len() >= 2
        && line.starts_with('[')
        && line.ends_with(']')
        && line[1..]
            .chars()
            .next()
            .is_some_and(|c| c == ']' || c.is_alphanumeric() || "_.#%{,\"'[".contains(c))
}

fn is_block_title(line: &str) -> bool {
    line.starts_with('.')
        && line[1..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '.')
}

fn is_comment(line: &str) -> bool {
    line.starts_with("//") && !line.starts_with("////")
}

fn is_directive(line: &str) -> bool {
    let line = line.trim_end();
    ["ifdef::", "ifndef::", "ifeval::", "endif::"]
        .iter()
        .any(|d| line.starts_with(d))
        && line.ends_with(']')
}

/// `== Title` (or `## Title`): the level (1 for `=`) and where the title text starts.
fn section_title(line: &str) -> Option<(u8, usize)> {
    let mark = line
        .as_bytes()
        .first()
        .copied()
        .filter(|&b| b == b'=' || b == b'#')?;
    let count = line.bytes().take_while(|&b| b == mark).count();
    if count > 6 || !line[count..].starts_with([' ', '\t']) || line[count..].trim().is_empty() {
        return None;
    }
    let start = count + (line[count..].len() - line[count..].trim_start().len());
    Some((count as u8, start))
}

fn list_item(line: &str) -> Option<(Marker, usize)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let bytes = rest.as_bytes();
    let first = *bytes.first()?;
    let (marker, len) = if first == b'*' || first == b'.' {
        let count = bytes.iter().take_while(|&&b| b == first).count();
        let marker = rest[..count].to_owned();
        (
            if first == b'*' {
                Marker::Bullet(marker)
            } else {
                Marker::Number(marker)
            },
            count,
        )
    } else if first == b'-' {
        (Marker::Bullet("-".into()), 1)
    } else if first.is_ascii_digit() {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if bytes.get(digits) != Some(&b'.') {
            return None;
        }
        // Explicit numbers are the first level's marker, letters the second's.
        (Marker::Number(".".into()), digits + 1)
    } else if first.is_ascii_lowercase() && bytes.get(1) == Some(&b'.') {
        (Marker::Number("..".into()), 2)
    } else {
        return None;
    };
    let after = &rest[len..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    Some((
        marker,
        indent + len + (after.len() - after.trim_start().len()),
    ))
}

/// `term:: text`: the marker, the term's end and where the text starts (if any).
fn term_item(line: &str) -> Option<(Marker, usize, Option<usize>)> {
    if is_comment(line) {
        return None;
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let c = bytes[i];
        if (c == b':' || c == b';') && bytes[i + 1] == c {
            let run = bytes[i..].iter().take_while(|&&b| b == c).count();
            let valid = if c == b':' {
                (2..=4).contains(&run)
            } else {
                run == 2
            };
            let after = i + run;
            let term = line[..i].trim();
            if valid
                && !term.is_empty()
                && (after == bytes.len() || bytes[after] == b' ' || bytes[after] == b'\t')
            {
                let rest = line[after..].trim_start();
                let text_start = (!rest.is_empty()).then(|| line.len() - rest.len());
                return Some((Marker::Term(line[i..after].to_owned()), i, text_start));
            }
            i += run;
            continue;
        }
        i += 1;
    }
    None
}

fn any_item(line: &str) -> Option<ListItem> {
    if let Some((marker, content)) = list_item(line) {
        return Some(ListItem {
            marker,
            first: Line {
                start: content,
                end: line.trim_end().len(),
            },
            rest: None,
        });
    }
    let (marker, term_end, text) = term_item(line)?;
    let indent = line.len() - line.trim_start().len();
    Some(ListItem {
        marker,
        first: Line {
            start: indent,
            end: line[..term_end].trim_end().len(),
        },
        rest: text.map(|start| Line {
            start,
            end: line.trim_end().len(),
        }),
    })
}

impl<'a> Reader<'a> {
    fn line(&self, line: Line) -> &'a str {
        &self.text[line.start..line.end]
    }

    /// The blocks of a run of lines. `markers` are the markers of the lists the lines
    /// are inside of (an item with one of them ends the run).
    fn blocks(&mut self, lines: &[Line], markers: &[Marker]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut pending = Pending::default();
        let mut i = 0;
        while i < lines.len() {
            let (block, next) = self.block(lines, i, &mut pending, markers);
            if let Some(block) = block {
                blocks.push(block);
            }
            i = next.max(i + 1);
        }
        blocks
    }

    /// Reads the block at `lines[i]` (or a line that is no block: an attribute entry, a
    /// comment); returns it and the index after it.
    fn block(
        &mut self,
        lines: &[Line],
        i: usize,
        pending: &mut Pending,
        markers: &[Marker],
    ) -> (Option<Block>, usize) {
        let line = lines[i];
        let raw = self.line(line);
        let trimmed = raw.trim_end();
        if trimmed.trim().is_empty() {
            return (None, i + 1);
        }
        if delimiter(trimmed) == Some(Delimited::Comment) {
            let close = self.closing(lines, i);
            return (None, close + 1);
        }
        if is_comment(trimmed) || is_directive(trimmed) || trimmed == "'''" || trimmed == "<<<" {
            return (None, i + 1);
        }
        if let Some(next) = self.attribute_entry(lines, i) {
            return (None, next);
        }
        if let Some(target) = trimmed.strip_prefix("include::") {
            let target = target.rsplit_once('[').map_or(target, |(t, _)| t);
            self.includes
                .push((Span::new(line.start, line.end), target.to_owned()));
            return (None, i + 1);
        }
        if ["image::", "video::", "audio::", "toc::"]
            .iter()
            .any(|m| trimmed.starts_with(m))
            && trimmed.ends_with(']')
        {
            pending.clear();
            return (None, i + 1);
        }
        if trimmed.starts_with("[[") && trimmed.ends_with("]]") {
            return (None, i + 1); // a block anchor
        }
        if is_attribute_line(trimmed) {
            pending.attributes.push(Line {
                start: line.start + 1,
                end: line.start + trimmed.len() - 1,
            });
            return (None, i + 1);
        }
        if is_block_title(trimmed) {
            let mut title = Text::new();
            self.inline(&mut title, line.start + 1, line.start + trimmed.len());
            pending.title = Some(title);
            return (None, i + 1);
        }
        if let Some((level, at)) = section_title(trimmed) {
            pending.clear();
            let mut end = trimmed.len();
            // A closing run of marks (`== Title ==`).
            let closing_marks = trimmed[at..].trim_end_matches(trimmed.as_bytes()[0] as char);
            if closing_marks.ends_with(' ') {
                end = at + closing_marks.trim_end().len();
            }
            let mut text = Text::new();
            self.inline(&mut text, line.start + at, line.start + end);
            let first = !self.seen_block;
            self.seen_block = true;
            if level == 1 && first && self.title.is_none() && self.depth == 0 {
                self.title = Some(text.as_str().trim().to_owned());
                let next = self.header(lines, i + 1);
                return (Some(Block::Heading { level, text }), next);
            }
            return (Some(Block::Heading { level, text }), i + 1);
        }
        self.seen_block = true;
        if let Some(kind) = delimiter(trimmed) {
            let close = self.closing(lines, i);
            let inner = &lines[i + 1..close.min(lines.len())];
            let block = self.delimited(kind, inner, pending);
            pending.clear();
            return (block, close + 1);
        }
        if let Some(item) = any_item(raw) {
            if markers.contains(&item.marker) {
                return (None, i); // the caller's list goes on
            }
            let lead = pending.title.take().map(Block::Paragraph);
            pending.clear();
            let (list, next) = self.list(lines, i, markers);
            return match lead {
                Some(lead) => (Some(Block::Container(vec![lead, list])), next),
                None => (Some(list), next),
            };
        }
        let style = pending
            .attributes
            .first()
            .map(|a| first_positional(self.line(*a)))
            .unwrap_or_default();
        // A paragraph: up to a blank line, a delimiter, a block attribute line (and in a
        // list, an item or a list continuation).
        let mut end = i + 1;
        while end < lines.len() {
            let l = self.line(lines[end]).trim_end();
            if l.trim().is_empty()
                || delimiter(l).is_some()
                || is_attribute_line(l)
                || !markers.is_empty() && (l == "+" || any_item(l).is_some())
            {
                break;
            }
            end += 1;
        }
        let para = &lines[i..end];
        let title = pending.title.take();
        pending.clear();
        let literal = raw.starts_with([' ', '\t']) && markers.is_empty()
            || matches!(style.as_str(), "source" | "listing" | "literal");
        if literal {
            return (Some(Block::Literal(self.raw_text(para))), end);
        }
        let admonition = ["NOTE: ", "TIP: ", "IMPORTANT: ", "WARNING: ", "CAUTION: "]
            .iter()
            .find(|a| raw.starts_with(**a));
        let mut text = Text::new();
        let from = line.start + admonition.map_or(0, |a| a.len());
        self.paragraph(&mut text, para, from);
        let mut blocks: Vec<Block> = title.map(Block::Paragraph).into_iter().collect();
        blocks.push(Block::Paragraph(text));
        let is_admonition = admonition.is_some()
            || matches!(
                style.as_str(),
                "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION"
            );
        let block = if blocks.len() == 1 && !is_admonition {
            blocks.pop()
        } else {
            Some(Block::Container(blocks))
        };
        (block, end)
    }

    /// `:name: value` (with ` \` continuation lines), `:name!:`, `:!name:`.
    fn attribute_entry(&mut self, lines: &[Line], i: usize) -> Option<usize> {
        let raw = self.line(lines[i]);
        let rest = raw.strip_prefix(':')?;
        let close = rest.find(':')?;
        let name = &rest[..close];
        let value_part = &rest[close + 1..];
        let unset = name.starts_with('!') || name.ends_with('!');
        let name = name.trim_matches('!');
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            && (value_part.is_empty() || value_part.starts_with([' ', '\t']));
        if !valid {
            return None;
        }
        let mut value = value_part.trim().to_owned();
        let mut next = i + 1;
        while value.ends_with(" \\") && next < lines.len() {
            value.truncate(value.len() - 2);
            value.push(' ');
            value.push_str(self.line(lines[next]).trim());
            next += 1;
        }
        let name = name.to_lowercase();
        if unset {
            self.attributes.remove(&name);
        } else {
            self.metadata.push((name.clone(), value.clone()));
            // As Asciidoctor does, references in a value are resolved when it is
            // defined, so a use never expands again: nine attributes each naming the
            // previous ten times cost nine expansions, not 10^9. A value that would
            // grow past a page's size is kept as written.
            let mut expanded = Text::new();
            self.inline_str(&mut expanded, &value, 0, 0, 0);
            let resolved = if expanded.len() <= MAX_ATTRIBUTE_LEN {
                expanded.as_str().to_owned()
            } else {
                value
            };
            self.attributes.insert(name, resolved);
        }
        Some(next)
    }

    /// The document header after `= Title`: author and revision lines (skipped) and
    /// attribute entries, up to a blank line.
    fn header(&mut self, lines: &[Line], mut i: usize) -> usize {
        let mut plain_lines = 0;
        while i < lines.len() {
            let raw = self.line(lines[i]).trim_end();
            if raw.is_empty() {
                break;
            }
            if let Some(next) = self.attribute_entry(lines, i) {
                i = next;
                continue;
            }
            if is_comment(raw) {
                i += 1;
                continue;
            }
            if plain_lines == 2 || raw.starts_with(['[', '.', '=', '|', '*', '-']) {
                break;
            }
            plain_lines += 1;
            i += 1;
        }
        i
    }

    fn delimited(
        &mut self,
        kind: Delimited,
        inner: &[Line],
        pending: &mut Pending,
    ) -> Option<Block> {
        match kind {
            Delimited::Listing | Delimited::Literal | Delimited::Pass => {
                Some(Block::Literal(self.raw_text(inner)))
            }
            Delimited::Comment => None,
            Delimited::Compound => {
                let title = pending.title.take();
                pending.clear();
                let mut blocks: Vec<Block> = title.map(Block::Paragraph).into_iter().collect();
                if self.depth < MAX_DEPTH {
                    self.depth += 1;
                    blocks.extend(self.blocks(inner, &[]));
                    self.depth -= 1;
                }
                Some(Block::Container(blocks))
            }
            Delimited::Table(separator) => {
                let attributes: Vec<Line> = pending.attributes.clone();
                let title = pending.title.take();
                Some(Block::Table(self.table(
                    inner,
                    separator,
                    &attributes,
                    title,
                )))
            }
        }
    }

    /// Lines as they are (a literal block): each line's text, white space folded.
    fn raw_text(&self, lines: &[Line]) -> Text {
        let mut text = Text::new();
        for line in lines {
            text.space(Span::empty(line.start));
            text.push_source(self.line(*line), line.start);
        }
        text.trim_end();
        text
    }

    /// A paragraph's lines as one inline run (line comments inside it are skipped).
    fn paragraph(&self, text: &mut Text, lines: &[Line], from: usize) {
        let mut run: Option<(usize, usize)> = None;
        for (k, line) in lines.iter().enumerate() {
            let raw = self.line(*line);
            let start = if k == 0 { from } else { line.start };
            if is_comment(raw.trim_start()) && k > 0 {
                if let Some((s, e)) = run.take() {
                    text.space(Span::empty(s));
                    self.inline(text, s, e);
                }
                continue;
            }
            run = Some(match run {
                Some((s, _)) => (s, line.end),
                None => (start, line.end),
            });
        }
        if let Some((s, e)) = run {
            text.space(Span::empty(s));
            self.inline(text, s, e);
        }
        text.trim_end();
    }

    /// A list (bulleted, numbered or description) starting at `lines[i]`.
    fn list(&mut self, lines: &[Line], mut i: usize, outer: &[Marker]) -> (Block, usize) {
        let Some(first) = any_item(self.line(lines[i])) else {
            return (Block::List(List::default()), i + 1);
        };
        let marker = first.marker.clone();
        let mut markers = outer.to_vec();
        markers.push(marker.clone());
        let mut items: Vec<Vec<Block>> = Vec::new();
        let mut definitions: Vec<Definition> = Vec::new();
        let is_terms = matches!(marker, Marker::Term(_));
        while i < lines.len() {
            let raw = self.line(lines[i]);
            if raw.trim().is_empty() {
                // Blank lines between items of one list do not end it.
                let next = (i..lines.len()).find(|&k| !self.line(lines[k]).trim().is_empty());
                match next {
                    Some(k)
                        if any_item(self.line(lines[k])).is_some_and(|it| it.marker == marker) =>
                    {
                        i = k;
                        continue;
                    }
                    _ => break,
                }
            }
            let Some(item) = any_item(raw) else {
                break;
            };
            if item.marker != marker {
                break;
            }
            let base = lines[i].start;
            // The item's text: its line and the lines that continue it.
            let mut end = i + 1;
            let text_lines_from = if is_terms {
                item.rest.map(|_| i)
            } else {
                Some(i)
            };
            if text_lines_from.is_some() {
                while end < lines.len() {
                    let l = self.line(lines[end]).trim_end();
                    if l.trim().is_empty()
                        || l == "+"
                        || delimiter(l).is_some()
                        || is_attribute_line(l)
                        || any_item(l).is_some()
                    {
                        break;
                    }
                    end += 1;
                }
            }
            let mut details: Vec<Block> = Vec::new();
            let mut term = Text::new();
            if is_terms {
                self.inline(&mut term, base + item.first.start, base + item.first.end);
                if let Some(rest) = item.rest {
                    let mut text = Text::new();
                    self.paragraph(&mut text, &lines[i..end], base + rest.start);
                    details.push(Block::Paragraph(text));
                } else {
                    // The text may start on the next lines (after blank lines).
                    let mut k = i + 1;
                    while k < lines.len() && self.line(lines[k]).trim().is_empty() {
                        k += 1;
                    }
                    let starts_text = k < lines.len() && {
                        let l = self.line(lines[k]).trim_end();
                        l != "+"
                            && delimiter(l).is_none()
                            && !is_attribute_line(l)
                            && any_item(l).is_none()
                            && !is_comment(l)
                            && section_title(l).is_none()
                    };
                    if starts_text {
                        end = k + 1;
                        while end < lines.len() {
                            let l = self.line(lines[end]).trim_end();
                            if l.trim().is_empty()
                                || l == "+"
                                || delimiter(l).is_some()
                                || is_attribute_line(l)
                                || any_item(l).is_some()
                            {
                                break;
                            }
                            end += 1;
                        }
                        let mut text = Text::new();
                        self.paragraph(&mut text, &lines[k..end], lines[k].start);
                        details.push(Block::Paragraph(text));
                    }
                }
            } else {
                let mut text = Text::new();
                self.paragraph(&mut text, &lines[i..end], base + item.first.start);
                details.push(Block::Paragraph(text));
            }
            i = end;
            // What is attached to the item: `+` and a block, or a nested list.
            loop {
                if i >= lines.len() || self.depth >= MAX_DEPTH {
                    break;
                }
                let l = self.line(lines[i]).trim_end();
                if l == "+" {
                    let mut k = i + 1;
                    let mut pending = Pending::default();
                    let mut attached = None;
                    while k < lines.len() && attached.is_none() {
                        let t = self.line(lines[k]).trim_end();
                        if t.trim().is_empty() {
                            break;
                        }
                        self.depth += 1;
                        let (block, next) = self.block(lines, k, &mut pending, &markers);
                        self.depth -= 1;
                        if next <= k {
                            break;
                        }
                        k = next;
                        attached = block;
                    }
                    details.extend(attached);
                    i = k;
                    continue;
                }
                // A nested list: an item with a marker this list and its parents do not
                // use, right below or after blank lines.
                let mut k = i;
                while k < lines.len() && self.line(lines[k]).trim().is_empty() {
                    k += 1;
                }
                let nested = k < lines.len()
                    && any_item(self.line(lines[k]))
                        .is_some_and(|it| !markers.contains(&it.marker));
                if nested {
                    self.depth += 1;
                    let (list, next) = self.list(lines, k, &markers);
                    self.depth -= 1;
                    details.push(list);
                    i = next;
                    continue;
                }
                break;
            }
            if is_terms {
                definitions.push(Definition { term, details });
            } else {
                items.push(details);
            }
        }
        let block = if is_terms {
            Block::DefinitionList(definitions)
        } else {
            Block::List(List { items })
        };
        (block, i)
    }
}

impl Reader<'_> {
    /// The index of the line that closes the delimited block opened at `lines[open]`
    /// (or the end of the lines when it is never closed, which is noted).
    fn closing(&mut self, lines: &[Line], open: usize) -> usize {
        let delimiter_text = self.line(lines[open]).trim_end();
        let fenced = delimiter_text.starts_with("```");
        let close = (open + 1..lines.len()).find(|&k| {
            let l = self.line(lines[k]).trim_end();
            if fenced {
                l == "```"
            } else {
                l == delimiter_text
            }
        });
        match close {
            Some(close) => close,
            None => {
                let start = lines[open].start;
                let span = Span::new(start, start + delimiter_text.len());
                self.unterminated.push((span, block_kind(delimiter_text)));
                lines.len()
            }
        }
    }
}

/// What Asciidoctor calls the block a delimiter line opens.
fn block_kind(delimiter_text: &str) -> &'static str {
    if delimiter_text.starts_with("```") {
        return "listing";
    }
    if delimiter_text == "--" {
        return "open";
    }
    match delimiter(delimiter_text) {
        Some(Delimited::Table(_)) => "table",
        Some(Delimited::Listing) => "listing",
        Some(Delimited::Literal) => "literal",
        Some(Delimited::Pass) => "pass",
        Some(Delimited::Comment) => "comment",
        _ => match delimiter_text.as_bytes().first() {
            Some(b'*') => "sidebar",
            Some(b'_') => "quote",
            _ => "example",
        },
    }
}

/// The first positional attribute of an attribute list (`source` in `[source,yaml]`),
/// without a shorthand id, role or option.
fn first_positional(list: &str) -> String {
    let first = split_attributes(list)
        .into_iter()
        .next()
        .unwrap_or_default();
    if first.contains('=') {
        return String::new();
    }
    first
        .split(['#', '.', '%'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned()
}

/// An attribute list split at commas outside quotes, values unquoted. As in
/// Asciidoctor, what follows a closing quote up to the next comma is dropped
/// (`cols="15,25,60"*` is `15,25,60`).
fn split_attributes(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut after_quote = false;
    for c in list.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                after_quote = true;
            }
            Some(_) => current.push(c),
            None if c == ',' => {
                after_quote = false;
                out.push(std::mem::take(&mut current).trim().to_owned());
            }
            None if after_quote => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// Named attributes and options of a block's attribute lists.
#[derive(Default)]
struct BlockAttributes {
    named: HashMap<String, String>,
    options: Vec<String>,
}

fn block_attributes(reader: &Reader, lines: &[Line]) -> BlockAttributes {
    let mut out = BlockAttributes::default();
    for line in lines {
        for (k, item) in split_attributes(reader.line(*line)).into_iter().enumerate() {
            if let Some((name, value)) = item.split_once('=') {
                let name = name.trim().to_lowercase();
                let value = value.trim().to_owned();
                if name == "options" || name == "opts" {
                    out.options
                        .extend(value.split(',').map(|o| o.trim().to_lowercase()));
                }
                out.named.insert(name, value);
            } else if k == 0 {
                // Shorthand: `%header%autowidth`, `#id.role`.
                for option in item.split('%').skip(1) {
                    let option = option.split(['#', '.']).next().unwrap_or("");
                    out.options.push(option.trim().to_lowercase());
                }
            }
        }
    }
    out
}

/// A column's style letter from a `cols` item (`1a`, `<2m`, `3*^.^s`).
fn column_specs(cols: &str) -> Vec<Option<u8>> {
    let cols = cols.trim();
    if let Ok(n) = cols.parse::<usize>() {
        return vec![None; n.min(64)];
    }
    let mut out = Vec::new();
    // As Asciidoctor: split at commas (else semicolons), empty records kept, each an
    // equal column (`cols=","` is two columns).
    let separator = if cols.contains(',') { ',' } else { ';' };
    for item in cols.split(separator) {
        let item = item.trim();
        let (times, spec) = match item.split_once('*') {
            Some((n, spec)) => (n.trim().parse::<usize>().unwrap_or(1), spec),
            None => (1, item),
        };
        let style = spec.bytes().last().filter(|b| b"adehlmsv".contains(b));
        for _ in 0..times.min(64) {
            out.push(style);
        }
    }
    out.truncate(64);
    out
}

/// A cell spec (`2+`, `.3+`, `2.3+`, `3*`, `a`, `^.>m`): duplication, column span, row
/// span and style; `None` when the text is not one.
fn cell_spec(spec: &str) -> Option<(usize, usize, usize, Option<u8>)> {
    let mut rest = spec;
    let mut duplicate = 1;
    let mut colspan = 1;
    let mut rowspan = 1;
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    // `N*` or `N+`/`N.M+`/`.M+`
    let n = digits(rest);
    if n > 0 && rest[n..].starts_with('*') {
        duplicate = rest[..n].parse().ok()?;
        rest = &rest[n + 1..];
    } else {
        let mut probe = rest;
        let mut col = None;
        let mut row = None;
        let n = digits(probe);
        if n > 0 {
            col = probe[..n].parse().ok();
            probe = &probe[n..];
        }
        if let Some(after) = probe.strip_prefix('.') {
            let m = digits(after);
            if m > 0 {
                row = after[..m].parse().ok();
                probe = &after[m..];
            }
        }
        if (col.is_some() || row.is_some()) && probe.starts_with('+') {
            colspan = col.unwrap_or(1);
            rowspan = row.unwrap_or(1);
            rest = &probe[1..];
        } else if col.is_some() || row.is_some() {
            return None;
        }
    }
    // Alignments: `<`, `^`, `>`, then `.<`, `.^`, `.>`.
    rest = rest.strip_prefix(['<', '^', '>']).unwrap_or(rest);
    if let Some(after) = rest.strip_prefix('.') {
        rest = after.strip_prefix(['<', '^', '>'])?;
    }
    let style = match rest.as_bytes() {
        [] => None,
        [s] if b"adehlmsv".contains(s) => Some(*s),
        _ => return None,
    };
    Some((
        duplicate.clamp(1, 64),
        colspan.clamp(1, 64),
        rowspan.clamp(1, 1000),
        style,
    ))
}

/// The text of an `a|` cell's blocks, a paragraph each (no bullets: they would be text
/// that stands nowhere in the page).
fn flatten_into(blocks: &[Block], out: &mut Text) {
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                out.paragraph_break();
                out.append(text);
            }
            Block::Table(table) => {
                for cell in table.rows.iter().flatten() {
                    out.paragraph_break();
                    out.append(&cell.text);
                }
            }
            Block::List(list) => {
                for item in &list.items {
                    flatten_into(item, out);
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    out.paragraph_break();
                    out.append(&d.term);
                    flatten_into(&d.details, out);
                }
            }
            Block::Container(blocks) => flatten_into(blocks, out),
        }
    }
}

/// One cell of a table before rows are laid out.
struct RawCell {
    text: Text,
    colspan: usize,
    rowspan: usize,
    duplicate: usize,
    /// Index of the table line the cell starts on.
    line: usize,
}

impl<'a> Reader<'a> {
    fn table(
        &mut self,
        inner: &[Line],
        delimiter: u8,
        attribute_lines: &[Line],
        caption: Option<Text>,
    ) -> Table {
        let attributes = block_attributes(self, attribute_lines);
        let format = attributes.named.get("format").map(|f| f.to_lowercase());
        let format = match (format.as_deref(), delimiter) {
            (Some("csv"), _) | (None, b',') => b',',
            (Some("dsv"), _) | (None, b':') => b':',
            (Some("tsv"), _) => b'\t',
            _ => b'|',
        };
        let separator = attributes
            .named
            .get("separator")
            .and_then(|s| s.bytes().next())
            .filter(|b| b.is_ascii())
            .unwrap_or(match format {
                b'|' => delimiter,
                other => other,
            });
        // Comment lines are no content.
        let lines: Vec<Line> = inner
            .iter()
            .copied()
            .filter(|l| !is_comment(self.line(*l).trim_start()))
            .collect();
        let columns = attributes.named.get("cols").map(|c| column_specs(c));
        let cells = if format == b'|' {
            self.psv_cells(&lines, separator, columns.as_deref())
        } else {
            self.dsv_cells(&lines, separator, format == b',')
        };
        // The number of columns: `cols`, else the cells on the first line.
        let first_line = cells.first().map(|c| c.line);
        let width = columns
            .as_ref()
            .map(Vec::len)
            .filter(|&n| n > 0)
            .unwrap_or_else(|| {
                cells
                    .iter()
                    .filter(|c| Some(c.line) == first_line)
                    .map(|c| c.colspan * c.duplicate)
                    .sum::<usize>()
                    .max(1)
            });
        let rows = layout_rows(cells, width);
        let explicit_header = attributes.options.iter().any(|o| o == "header");
        let no_header = attributes.options.iter().any(|o| o == "noheader");
        // The implicit header: the first line holds the first row and a blank line
        // follows it.
        let implicit = first_line.is_some_and(|l| {
            rows.first()
                .is_some_and(|(row_lines, _)| row_lines.iter().all(|&x| x == l))
                && lines
                    .get(l + 1)
                    .is_some_and(|next| self.line(*next).trim().is_empty())
        });
        let header_rows =
            usize::from(!rows.is_empty() && !no_header && (explicit_header || implicit));
        Table {
            caption,
            header_rows,
            rows: rows.into_iter().map(|(_, cells)| cells).collect(),
        }
    }

    /// Cells of a prefix-separated table (`|===`): each cell starts at a separator (with
    /// its spec right before it) and runs to the next.
    fn psv_cells(
        &mut self,
        lines: &[Line],
        separator: u8,
        columns: Option<&[Option<u8>]>,
    ) -> Vec<RawCell> {
        // (separator offset, spec start, line index)
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            let raw = self.line(*line).as_bytes();
            let mut k = 0;
            while k < raw.len() {
                if raw[k] == b'\\' && raw.get(k + 1) == Some(&separator) {
                    k += 2;
                    continue;
                }
                if raw[k] == separator {
                    // The spec: the word right before the separator, after white space
                    // or at the start of the line.
                    let word_start = raw[..k]
                        .iter()
                        .rposition(|b| b.is_ascii_whitespace() || *b == separator)
                        .map_or(0, |p| p + 1);
                    let word = std::str::from_utf8(&raw[word_start..k]).unwrap_or("");
                    let spec_start = if !word.is_empty() && cell_spec(word).is_some() {
                        word_start
                    } else {
                        k
                    };
                    starts.push((line.start + k, line.start + spec_start, index));
                }
                k += 1;
            }
        }
        let mut cells = Vec::new();
        for (n, &(at, spec_start, index)) in starts.iter().enumerate() {
            let spec = &self.text[spec_start..at];
            let (duplicate, colspan, rowspan, style) = cell_spec(spec).unwrap_or((1, 1, 1, None));
            let content_end = starts
                .get(n + 1)
                .map_or_else(|| lines.last().map_or(at + 1, |l| l.end), |next| next.1);
            let content_start = at + 1;
            // The column this cell falls in, for a column style (approximate when rows
            // span: the style of the cell's position in a plain grid).
            let column_style =
                columns.and_then(|c| c.get(cells.len() % c.len().max(1)).copied().flatten());
            let text = self.cell_text(
                content_start,
                content_end.max(content_start),
                style.or(column_style),
                separator,
            );
            cells.push(RawCell {
                text,
                colspan,
                rowspan,
                duplicate,
                line: index,
            });
        }
        cells
    }

    fn cell_text(&mut self, start: usize, end: usize, style: Option<u8>, separator: u8) -> Text {
        let mut text = Text::new();
        match style {
            Some(b'a') if self.depth < MAX_DEPTH => {
                // An AsciiDoc cell: blocks of its own.
                let lines: Vec<Line> = line_ranges(&self.text[start..end])
                    .map(|(from, to)| Line {
                        start: start + from,
                        end: start + to,
                    })
                    .collect();
                self.depth += 1;
                let blocks = self.blocks(&lines, &[]);
                self.depth -= 1;
                flatten_into(&blocks, &mut text);
            }
            Some(b'l') => text.push_source(&self.text[start..end], start),
            _ => {
                // Paragraphs of the cell, separated by blank lines.
                let from = text.len();
                let mut paragraph_start: Option<usize> = None;
                let flush = |reader: &Reader, text: &mut Text, from: usize, to: usize| {
                    text.paragraph_break();
                    reader.inline_escaped(text, from, to, separator);
                };
                for (from, to) in line_ranges(&self.text[start..end]) {
                    let blank = self.text[start + from..start + to].trim().is_empty();
                    match (blank, paragraph_start) {
                        (true, Some(s)) => {
                            flush(self, &mut text, s, start + from);
                            paragraph_start = None;
                        }
                        (false, None) => paragraph_start = Some(start + from),
                        _ => {}
                    }
                }
                if let Some(s) = paragraph_start {
                    flush(self, &mut text, s, end);
                }
                match style {
                    Some(b'm') => text.mark(from, Mark::Code),
                    Some(b's') => text.mark(from, Mark::Strong),
                    _ => {}
                }
            }
        }
        text.trim_end();
        text
    }

    /// Cells of a CSV or DSV table: one record per line (CSV fields may be quoted, and
    /// a quoted field may run over lines).
    fn dsv_cells(&self, lines: &[Line], separator: u8, csv: bool) -> Vec<RawCell> {
        let mut cells = Vec::new();
        let Some(first) = lines.first() else {
            return cells;
        };
        let end = lines.last().map_or(first.start, |l| l.end);
        let body = &self.text[first.start..end];
        let bytes = body.as_bytes();
        let base = first.start;
        let line_of = |offset: usize| {
            lines
                .iter()
                .rposition(|l| l.start <= base + offset)
                .unwrap_or(0)
        };
        let mut k = 0;
        let mut field_start = 0;
        let mut record_has_text = false;
        while k <= bytes.len() {
            let at_end = k == bytes.len();
            let c = bytes.get(k).copied().unwrap_or(b'\n');
            if csv && !at_end && c == b'"' && body[field_start..k].trim().is_empty() {
                // A quoted field: up to the closing quote that is not doubled.
                let mut j = k + 1;
                while j < bytes.len() {
                    if bytes[j] == b'"' {
                        if bytes.get(j + 1) == Some(&b'"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j += 1;
                }
                k = j + 1;
                continue;
            }
            if !csv && c == b'\\' && bytes.get(k + 1) == Some(&separator) {
                k += 2;
                continue;
            }
            if c == separator || is_line_end(bytes, k) || at_end {
                let field = &body[field_start..k.min(bytes.len())];
                let blank_line = c != separator && !record_has_text && field.trim().is_empty();
                if !blank_line {
                    let mut text = Text::new();
                    let trimmed = field.trim();
                    let lead = field.len() - field.trim_start().len();
                    let at = base + field_start + lead;
                    if csv
                        && trimmed.len() >= 2
                        && trimmed.starts_with('"')
                        && trimmed.ends_with('"')
                    {
                        let inner = &trimmed[1..trimmed.len() - 1];
                        let mut from = 0;
                        while let Some(found) = inner[from..].find("\"\"") {
                            let q = from + found;
                            self.inline(&mut text, at + 1 + from, at + 1 + q);
                            text.push_source("\"", at + 1 + q + 1);
                            from = q + 2;
                        }
                        self.inline(&mut text, at + 1 + from, at + 1 + inner.len());
                    } else if !csv {
                        self.inline_escaped(&mut text, at, at + trimmed.len(), separator);
                    } else {
                        self.inline(&mut text, at, at + trimmed.len());
                    }
                    text.trim_end();
                    cells.push(RawCell {
                        text,
                        colspan: 1,
                        rowspan: 1,
                        duplicate: 1,
                        line: line_of(field_start),
                    });
                    record_has_text = true;
                }
                if c != separator {
                    record_has_text = false;
                }
                field_start = k + 1;
            }
            k += 1;
        }
        cells
    }
}

/// Cells into rows of `width` columns, row spans keeping their columns below; each row
/// with the table lines its cells start on.
fn layout_rows(cells: Vec<RawCell>, width: usize) -> Vec<(Vec<usize>, Vec<TableCell>)> {
    let width = width.max(1);
    let mut rows: Vec<(Vec<usize>, Vec<TableCell>)> = Vec::new();
    // Per column: how many more rows a span from above covers (this row included).
    let mut carried = vec![0usize; width];
    // Spans starting in the current row: rows they cover below it.
    let mut started = vec![0usize; width];
    let mut row: Vec<TableCell> = Vec::new();
    let mut row_lines: Vec<usize> = Vec::new();
    let mut col = 0;
    let free = |carried: &[usize], from: usize| (from..width).find(|&c| carried[c] == 0);
    let finish = |rows: &mut Vec<(Vec<usize>, Vec<TableCell>)>,
                  row: &mut Vec<TableCell>,
                  row_lines: &mut Vec<usize>,
                  carried: &mut Vec<usize>,
                  started: &mut Vec<usize>| {
        rows.push((std::mem::take(row_lines), std::mem::take(row)));
        for (carry, start) in carried.iter_mut().zip(started.iter_mut()) {
            *carry = if *start > 0 {
                *start
            } else {
                carry.saturating_sub(1)
            };
            *start = 0;
        }
    };
    for cell in cells {
        for _ in 0..cell.duplicate {
            // A row whose columns are all spanned from above is done.
            let mut guard = 0;
            while free(&carried, col).is_none() && guard < 1000 {
                finish(
                    &mut rows,
                    &mut row,
                    &mut row_lines,
                    &mut carried,
                    &mut started,
                );
                col = 0;
                guard += 1;
            }
            let at = free(&carried, col).unwrap_or(0);
            if cell.rowspan > 1 {
                let end = (at + cell.colspan).min(width);
                for start in &mut started[at..end] {
                    *start = cell.rowspan - 1;
                }
            }
            col = at + cell.colspan;
            let mut table_cell = TableCell::new(cell.text.clone());
            table_cell.colspan = cell.colspan;
            table_cell.rowspan = cell.rowspan;
            row.push(table_cell);
            row_lines.push(cell.line);
            if free(&carried, col).is_none() {
                finish(
                    &mut rows,
                    &mut row,
                    &mut row_lines,
                    &mut carried,
                    &mut started,
                );
                col = 0;
            }
        }
    }
    if !row.is_empty() {
        rows.push((row_lines, row));
    }
    rows
}

/// Characters a backslash escapes (the backslash is dropped, the character kept).
const ESCAPABLE: &[u8] = b"*_`#^~+{[<\\'\"";

/// Built-in attributes that stand for a character (or nothing).
fn builtin_attribute(name: &str) -> Option<&'static str> {
    Some(match name {
        "empty" | "zwsp" | "wj" => "",
        "sp" | "space" => " ",
        "nbsp" => "\u{a0}",
        "apos" => "'",
        "quot" => "\"",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "deg" => "\u{b0}",
        "plus" => "+",
        "brvbar" => "\u{a6}",
        "vbar" => "|",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "startsb" => "[",
        "endsb" => "]",
        "caret" => "^",
        "asterisk" => "*",
        "tilde" => "~",
        "backslash" => "\\",
        "backtick" => "`",
        "two-colons" => "::",
        "two-semicolons" => ";;",
        "cpp" => "C++",
        "pp" => "++",
        _ => return None,
    })
}

fn entity(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    Some(
        match name {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u{a0}",
            "copy" => "\u{a9}",
            "reg" => "\u{ae}",
            "trade" => "\u{2122}",
            "mdash" => "\u{2014}",
            "ndash" => "\u{2013}",
            "hellip" => "\u{2026}",
            "laquo" => "\u{ab}",
            "raquo" => "\u{bb}",
            "ldquo" => "\u{201c}",
            "rdquo" => "\u{201d}",
            "lsquo" => "\u{2018}",
            "rsquo" => "\u{2019}",
            "deg" => "\u{b0}",
            "times" => "\u{d7}",
            "middot" => "\u{b7}",
            "bull" => "\u{2022}",
            "dagger" => "\u{2020}",
            _ => return None,
        }
        .to_owned(),
    )
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The end of a constrained span `*text*` opened at `open` (the closing mark's index):
/// content that starts and ends with non-space, a closing mark not followed by a word
/// character.
fn constrained_close(bytes: &[u8], open: usize, mark: u8) -> Option<usize> {
    let first = *bytes.get(open + 1)?;
    if first.is_ascii_whitespace() || first == mark {
        return None;
    }
    let end = bytes.len().min(open + MAX_SPAN_BYTES);
    let mut k = open + 2;
    while k < end {
        let b = bytes[k];
        if b == mark
            && !bytes[k - 1].is_ascii_whitespace()
            && bytes.get(k + 1).is_none_or(|&n| !is_word(n) && n != mark)
        {
            return Some(k);
        }
        // A span does not cross a blank line.
        if is_line_end(bytes, k) {
            let blank = bytes[k + 1..]
                .iter()
                .position(|&n| n != b' ' && n != b'\t')
                .is_some_and(|n| matches!(bytes[k + 1 + n], b'\n' | b'\r'));
            if blank {
                return None;
            }
        }
        k += 1;
    }
    None
}

/// The end of an unconstrained span `**text**` opened at `open`: the index of the
/// closing pair.
fn unconstrained_close(s: &str, open: usize, pair: &str) -> Option<usize> {
    let from = open + pair.len();
    let found = window(s, from)?.find(pair)?;
    (found > 0).then_some(from + found)
}

/// Inline spans longer than this are not looked for (a stray mark in a long
/// paragraph would otherwise make reading it quadratic).
const MAX_SPAN_BYTES: usize = 4096;

/// `s[from..]`, at most [`MAX_SPAN_BYTES`] of it.
fn window(s: &str, from: usize) -> Option<&str> {
    let mut end = s.len().min(from.saturating_add(MAX_SPAN_BYTES));
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(from..end)
}

impl<'a> Reader<'a> {
    /// Inline text of the page range `start..end`, markup removed.
    fn inline(&self, out: &mut Text, start: usize, end: usize) {
        self.inline_str(out, &self.text[start..end], start, 0, 0);
    }

    /// The same, in a table cell whose separator a backslash escapes.
    fn inline_escaped(&self, out: &mut Text, start: usize, end: usize, separator: u8) {
        self.inline_str(out, &self.text[start..end], start, 0, separator);
    }

    /// Inline markup of `s`, which stands at `base` in the page (or, for an attribute's
    /// value, nowhere: the caller maps the result over the reference).
    fn inline_str(&self, out: &mut Text, s: &str, base: usize, depth: usize, separator: u8) {
        if depth > MAX_DEPTH {
            out.push_source(s, base);
            return;
        }
        let bytes = s.as_bytes();
        let mut plain = 0;
        let mut i = 0;
        let flush = |out: &mut Text, from: usize, to: usize| {
            if from < to {
                push_source_lines(out, &s[from..to], base + from);
            }
        };
        let recurse = |out: &mut Text, from: usize, to: usize| {
            self.inline_str(out, &s[from..to], base + from, depth + 1, separator);
        };
        while i < bytes.len() {
            let c = bytes[i];
            let prev = if i == 0 { None } else { Some(bytes[i - 1]) };
            let boundary = prev.is_none_or(|p| !is_word(p) && p != b';' && p != b':' && p != b'}');
            match c {
                b'\\'
                    if bytes.get(i + 1).is_some_and(|n| {
                        ESCAPABLE.contains(n) || (*n == separator && separator != 0)
                    }) =>
                {
                    flush(out, plain, i);
                    out.push_source(&s[i + 1..i + 2], base + i + 1);
                    i += 2;
                    plain = i;
                    continue;
                }
                b'{' => {
                    let name_len = bytes[i + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                        .count();
                    if name_len > 0 && bytes.get(i + 1 + name_len) == Some(&b'}') {
                        let name = s[i + 1..i + 1 + name_len].to_lowercase();
                        let end = i + name_len + 2;
                        let span = Span::new(base + i, base + end);
                        let value: Option<String> = match self.attributes.get(&name) {
                            // Resolved when it was defined (see `attribute_entry`).
                            Some(value) => Some(value.clone()),
                            None => builtin_attribute(&name).map(str::to_owned).or_else(|| {
                                // `{404}`: a status code's own attribute.
                                (name.len() == 3 && crate::common::leading_code(&name).is_some())
                                    .then(|| name.clone())
                            }),
                        };
                        if let Some(value) = value {
                            flush(out, plain, i);
                            if value.is_empty() {
                                out.space(Span::empty(span.start));
                            } else {
                                out.push_mapped(&value, span);
                            }
                            i = end;
                            plain = i;
                            continue;
                        }
                        // Undefined: kept as written.
                        i = end;
                        continue;
                    }
                }
                b'*' | b'_' | b'`' | b'#' => {
                    let doubled = bytes.get(i + 1) == Some(&c);
                    // The mark and the next byte only when both are the mark (ASCII): a
                    // multi-byte character after a single mark is never cut.
                    let pair = if doubled { &s[i..i + 2] } else { &s[i..i + 1] };
                    let span = if doubled {
                        unconstrained_close(s, i, pair).map(|close| (i + 2, close, close + 2))
                    } else if boundary {
                        constrained_close(bytes, i, c).map(|close| (i + 1, close, close + 1))
                    } else {
                        None
                    };
                    if let Some((from, to, end)) = span {
                        flush(out, plain, i);
                        let at = out.len();
                        recurse(out, from, to);
                        match c {
                            b'*' => out.mark(at, Mark::Strong),
                            b'`' => out.mark(at, Mark::Code),
                            _ => {}
                        }
                        i = end;
                        plain = i;
                        continue;
                    }
                }
                b'^' | b'~' => {
                    // Superscript and subscript: no spaces inside.
                    if let Some(len) = bytes[i + 1..]
                        .iter()
                        .take(MAX_SPAN_BYTES)
                        .position(|&b| b == c || b.is_ascii_whitespace())
                    {
                        if len > 0 && bytes[i + 1 + len] == c {
                            flush(out, plain, i);
                            recurse(out, i + 1, i + 1 + len);
                            i += len + 2;
                            plain = i;
                            continue;
                        }
                    }
                }
                b'+' => {
                    // Passthroughs: `+++…+++`, `++…++`, `+…+`; a hard line break ` +`.
                    let at_line_end = bytes.get(i + 1).is_none_or(|&b| b == b'\n' || b == b'\r');
                    if at_line_end && prev.is_some_and(|p| p == b' ' || p == b'\t') {
                        flush(out, plain, i);
                        i += 1;
                        plain = i;
                        continue;
                    }
                    let run = bytes[i..].iter().take_while(|&&b| b == b'+').count().min(3);
                    let marks = &s[i..i + run];
                    let close = if run == 1 {
                        if boundary {
                            constrained_close(bytes, i, b'+')
                        } else {
                            None
                        }
                    } else {
                        unconstrained_close(s, i, marks)
                    };
                    if let Some(close) = close {
                        flush(out, plain, i);
                        out.push_source(&s[i + run..close], base + i + run);
                        i = close + run;
                        plain = i;
                        continue;
                    }
                }
                b'[' => {
                    if s[i..].starts_with("[[") {
                        // An inline anchor `[[id]]`, `[[id,text]]`, `[[[bib]]]`.
                        if let Some(close) = window(s, i).and_then(|w| w.find("]]")) {
                            let inner = &s[i + 2..i + close];
                            if !inner.is_empty() && !inner.contains(char::is_whitespace)
                                || inner.contains(',')
                            {
                                flush(out, plain, i);
                                i += close + 2;
                                if bytes.get(i) == Some(&b']') {
                                    i += 1;
                                }
                                plain = i;
                                continue;
                            }
                        }
                    } else if let Some(close) = window(s, i).and_then(|w| w.find(']')) {
                        // A role before a span: `[.role]#text#`.
                        let next = bytes.get(i + close + 1).copied();
                        if close > 1
                            && matches!(next, Some(b'#' | b'*' | b'_' | b'`'))
                            && !s[i..i + close].contains(' ')
                        {
                            flush(out, plain, i);
                            i += close + 1;
                            plain = i;
                            continue;
                        }
                    }
                }
                b'<' if s[i..].starts_with("<<") => {
                    if let Some(close) = window(s, i + 2).and_then(|w| w.find(">>")) {
                        let inner_start = i + 2;
                        let inner = &s[inner_start..inner_start + close];
                        if !inner.is_empty() && !inner.contains(['\n', '\r']) {
                            flush(out, plain, i);
                            match inner.find(',') {
                                Some(comma) => {
                                    let text_start = inner_start + comma + 1;
                                    let lead = s[text_start..inner_start + close].len()
                                        - s[text_start..inner_start + close].trim_start().len();
                                    recurse(out, text_start + lead, inner_start + close);
                                }
                                None => out.push_source(inner, base + inner_start),
                            }
                            i = inner_start + close + 2;
                            plain = i;
                            continue;
                        }
                    }
                }
                b'&' => {
                    if let Some(close) = s[i..].find(';').filter(|&c| c > 1 && c < 10) {
                        if let Some(decoded) = entity(&s[i + 1..i + close]) {
                            flush(out, plain, i);
                            out.push_mapped(&decoded, Span::new(base + i, base + i + close + 1));
                            i += close + 1;
                            plain = i;
                            continue;
                        }
                    }
                }
                b'a'..=b'z' => {
                    // A macro starts a word; a footnote follows the text it notes.
                    let starts_word = prev.is_none_or(|p| !is_word(p) && p != b'/' && p != b'.');
                    let found = inline_macro(s, i)
                        .filter(|_| starts_word || s[i..].starts_with("footnote"));
                    if let Some((end, action)) = found {
                        flush(out, plain, i);
                        match action {
                            MacroText::Drop => {}
                            MacroText::Inline(from, to) => recurse(out, from, to),
                            MacroText::Verbatim(from, to) => {
                                out.push_source(&s[from..to], base + from)
                            }
                        }
                        i = end;
                        plain = i;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        flush(out, plain, bytes.len());
    }
}

/// What an inline macro stands for in the text.
enum MacroText {
    Drop,
    /// Text with markup of its own (a link's text).
    Inline(usize, usize),
    /// Text as written (a URL without text, a passthrough).
    Verbatim(usize, usize),
}

/// An inline macro at `at` (`link:url[text]`, `https://url[text]`, `xref:id[text]`,
/// `footnote:[…]`, `image:file[alt]`, `kbd:[…]`, `pass:[…]`): where it ends and what
/// it stands for. A URL without brackets is left as text.
fn inline_macro(s: &str, at: usize) -> Option<(usize, MacroText)> {
    let rest = &s[at..];
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'2')
        .count();
    let name = &rest[..name_len];
    if !rest[name_len..].starts_with(':') {
        return None;
    }
    let is_url = matches!(name, "http" | "https" | "ftp" | "irc" | "file")
        && rest[name_len..].starts_with("://");
    let known = is_url
        || matches!(
            name,
            "link"
                | "xref"
                | "mailto"
                | "footnote"
                | "footnoteref"
                | "image"
                | "icon"
                | "kbd"
                | "btn"
                | "menu"
                | "pass"
                | "anchor"
                | "indexterm"
                | "indexterm2"
                | "stem"
                | "latexmath"
                | "asciimath"
        );
    if !known {
        return None;
    }
    let target_start = at + name_len + 1;
    // The target runs to `[` (no white space in it).
    let target_len = s[target_start..]
        .bytes()
        .take(MAX_SPAN_BYTES)
        .take_while(|&b| b != b'[' && !b.is_ascii_whitespace())
        .count();
    let open = target_start + target_len;
    if s.as_bytes().get(open) != Some(&b'[') {
        return None; // a bare URL, or not a macro
    }
    // The closing bracket (not escaped, not crossing a blank line).
    let mut k = open + 1;
    let bytes = s.as_bytes();
    let close = loop {
        match bytes.get(k).filter(|_| k < open + MAX_SPAN_BYTES) {
            None => return None,
            Some(b'\\') => k += 2,
            Some(b']') => break k,
            Some(_) => k += 1,
        }
    };
    let end = close + 1;
    let (text_from, text_to) = (open + 1, close);
    let text = &s[text_from..text_to];
    // The text, without `^` (new window) or named attributes after a comma.
    let shown_to = match text.find(',') {
        Some(comma) if text[comma..].contains('=') => text_from + comma,
        _ => text_to,
    };
    let shown_to = if s[text_from..shown_to].ends_with('^') {
        shown_to - 1
    } else {
        shown_to
    };
    let shown_to = text_from + s[text_from..shown_to].trim_end().len();
    let has_text = shown_to > text_from;
    let action = match name {
        "footnote" | "footnoteref" | "image" | "icon" | "anchor" | "indexterm" => MacroText::Drop,
        "pass" | "stem" | "latexmath" | "asciimath" => MacroText::Verbatim(text_from, text_to),
        "kbd" | "btn" | "indexterm2" => MacroText::Inline(text_from, text_to),
        "menu" => MacroText::Verbatim(target_start, open),
        _ if has_text => MacroText::Inline(text_from, shown_to),
        // `https://…[]` shows the URL; `link:`, `mailto:` and `xref:` the target.
        _ if is_url => MacroText::Verbatim(at, open),
        _ => MacroText::Verbatim(target_start, open),
    };
    Some((end, action))
}
