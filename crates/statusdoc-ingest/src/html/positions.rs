//! Source positions for the text scraper extracts.
//!
//! html5ever keeps no byte offsets, so positions are recovered from the source itself:
//! a light scan of the page produces its *decoded text stream* (all text outside tags,
//! comments and doctypes, with entities decoded and line endings normalized exactly as
//! the HTML tokenizer does), together with a map from each decoded byte back to the
//! source bytes it came from. Every text node of the parsed tree is a substring of that
//! stream, and text nodes occur in the stream in document order, so each node is found
//! by a forward search from the end of the previous one. This is exact for entities,
//! `&nbsp;`, CRLF and text split by ignored tags, and needs no second HTML parser.

use std::collections::HashMap;
use std::ops::Range;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use scraper::{Html, Node};
use statusdoc_model::Span;

/// One piece of the decoded stream: `dec_len` decoded bytes at `dec` came from
/// `src_len` source bytes at `src`. In a literal run both lengths are equal and the
/// mapping is byte for byte; an entity or a CRLF maps as a whole.
#[derive(Debug, Clone, Copy)]
struct Segment {
    dec: usize,
    src: usize,
    dec_len: usize,
    src_len: usize,
    literal: bool,
}

/// The decoded text stream of a page and its map back to source bytes.
#[derive(Debug, Default)]
pub(crate) struct TextMap {
    decoded: String,
    segments: Vec<Segment>,
}

/// Elements whose content the tokenizer reads as raw text up to their end tag;
/// `true` where entities are still decoded (RCDATA).
fn raw_text_kind(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

impl TextMap {
    pub(crate) fn build(source: &str) -> TextMap {
        let mut map = TextMap {
            decoded: String::with_capacity(source.len() / 2),
            segments: Vec::new(),
        };
        let bytes = source.as_bytes();
        let mut i = 0;
        let mut run = 0; // start of the pending literal run
                         // Inside a raw-text element: its name and whether entities are decoded.
        let mut raw: Option<(String, bool)> = None;
        while i < bytes.len() {
            match bytes[i] {
                b'<' => {
                    if let Some((name, _)) = &raw {
                        if let Some(end) = raw_end_tag(bytes, i, name) {
                            map.literal(source, run, i);
                            raw = None;
                            i = end;
                            run = i;
                        } else {
                            i += 1;
                        }
                        continue;
                    }
                    match markup_end(bytes, i) {
                        Some((end, start_tag)) => {
                            map.literal(source, run, i);
                            if let Some(name) = start_tag {
                                if name == "plaintext" {
                                    // Everything after it is text.
                                    i = end;
                                    run = i;
                                    raw = Some(("\u{0}".into(), false));
                                    continue;
                                }
                                if let Some(decode) = raw_text_kind(&name) {
                                    raw = Some((name, decode));
                                }
                                // An empty element whose content is in its `html`
                                // attribute: that content's text is the element's.
                                if let Some(value) = html_attribute_content(source, i, end) {
                                    map.inner_html_text(source, value);
                                }
                            }
                            i = end;
                            run = i;
                        }
                        None => i += 1,
                    }
                }
                b'&' if raw.as_ref().is_none_or(|(_, decode)| *decode) => {
                    match decode_entity(source, i) {
                        Some((len, chars)) => {
                            map.literal(source, run, i);
                            map.push(chars.as_str(), i, len);
                            i += len;
                            run = i;
                        }
                        None => i += 1,
                    }
                }
                b'\r' => {
                    map.literal(source, run, i);
                    let len = if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    map.push("\n", i, len);
                    i += len;
                    run = i;
                }
                _ => i += 1,
            }
        }
        map.literal(source, run, bytes.len());
        map
    }

    fn literal(&mut self, source: &str, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let Some(text) = source.get(start..end) else {
            return;
        };
        self.segments.push(Segment {
            dec: self.decoded.len(),
            src: start,
            dec_len: end - start,
            src_len: end - start,
            literal: true,
        });
        self.decoded.push_str(text);
    }

    /// The text of HTML held, entity-encoded, in an attribute value (`&lt;p&gt;Done&lt;/p&gt;`):
    /// the runs between encoded tags, entities decoded once.
    fn inner_html_text(&mut self, source: &str, value: Range<usize>) {
        let bytes = source.as_bytes();
        let mut i = value.start;
        let mut run = i;
        while i < value.end {
            if source[i..value.end].starts_with("&lt;") {
                self.literal(source, run, i);
                i = source[i..value.end]
                    .find("&gt;")
                    .map_or(value.end, |k| i + k + 4);
                run = i;
                continue;
            }
            if bytes[i] == b'&' {
                if let Some((len, chars)) =
                    decode_entity(source, i).filter(|(len, _)| i + len <= value.end)
                {
                    self.literal(source, run, i);
                    self.push(chars.as_str(), i, len);
                    i += len;
                    run = i;
                    continue;
                }
            }
            // On to the next character (the value may hold any text).
            i += source[i..].chars().next().map_or(1, char::len_utf8);
        }
        self.literal(source, run, value.end);
    }

    fn push(&mut self, text: &str, src: usize, src_len: usize) {
        self.segments.push(Segment {
            dec: self.decoded.len(),
            src,
            dec_len: text.len(),
            src_len,
            literal: false,
        });
        self.decoded.push_str(text);
    }

    /// The pieces of the source behind decoded bytes `range`: for each segment it
    /// crosses, the decoded sub-range, its source span and whether the two are equal
    /// byte for byte (a literal run) or the span stands for the text as a whole (an
    /// entity, a line ending).
    pub(crate) fn pieces(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, Span, bool)> + '_ {
        let first = self
            .segments
            .partition_point(|s| s.dec + s.dec_len <= range.start);
        self.segments[first..]
            .iter()
            .take_while(move |s| s.dec < range.end)
            .map(move |s| {
                let start = range.start.max(s.dec);
                let end = range.end.min(s.dec + s.dec_len);
                let source = if s.literal {
                    Span::new(s.src + (start - s.dec), s.src + (end - s.dec))
                } else {
                    Span::new(s.src, s.src + s.src_len)
                };
                (start..end, source, s.literal)
            })
    }
}

/// Finds every non-blank text node of `html` in the decoded stream, in document order.
/// Returns the decoded offset of each node found. A node that cannot be found after
/// the previous one is looked up from the start instead, within a budget so that a
/// hostile page stays linear.
///
/// Text the tree builder moved out of a table (foster parenting: `<tr>text</tr>`) comes
/// before the table in the tree but after some of the table's text in the source. A
/// text node right before a table whose first occurrence lies past the start of the
/// table's own text is such text: it is placed once the table has been read, in the
/// table's text between its cells (or after them), so that it never takes a cell's
/// position and the cells are found where they are.
pub(crate) fn align(map: &TextMap, html: &Html) -> HashMap<NodeId, usize> {
    let mut aligner = Aligner {
        map,
        found: HashMap::new(),
        cursor: 0,
        budget: map.decoded.len().saturating_mul(4).max(1 << 20),
        ranges: Vec::new(),
    };
    // Text moved out of a table, waiting for the table to be read: the node, its text,
    // the table, and where the table's text starts (cursor and index in `ranges`).
    let mut moved: Vec<(NodeId, &str, NodeId, usize, usize)> = Vec::new();
    for edge in html.tree.root().traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                while moved.last().is_some_and(|m| m.2 == node.id()) {
                    if let Some((id, text, _, from, first)) = moved.pop() {
                        aligner.place_moved(id, text, from, first);
                    }
                }
                continue;
            }
        };
        let Node::Text(text) = node.value() else {
            continue;
        };
        let text: &str = text;
        if text.trim().is_empty() {
            continue;
        }
        let at = aligner.find_from(aligner.cursor, text);
        if let (Some(at), Some(table)) = (at, node.next_sibling().filter(|n| is_table(n.value()))) {
            if aligner.table_text_before(table, at) {
                moved.push((
                    node.id(),
                    text,
                    table.id(),
                    aligner.cursor,
                    aligner.ranges.len(),
                ));
                continue;
            }
        }
        aligner.place(node.id(), text, at);
    }
    aligner.found
}

fn is_table(node: &Node) -> bool {
    matches!(node, Node::Element(e) if e.name() == "table")
}

struct Aligner<'m> {
    map: &'m TextMap,
    found: HashMap<NodeId, usize>,
    /// Where the next node is searched from.
    cursor: usize,
    /// Bytes still to be searched before look-ups from the start stop.
    budget: usize,
    /// The decoded ranges of the nodes found forward, in order.
    ranges: Vec<(usize, usize)>,
}

impl Aligner<'_> {
    /// The first occurrence of `text` at or after `from` (the bytes passed over are
    /// counted against the budget).
    fn find_from(&mut self, from: usize, text: &str) -> Option<usize> {
        let rest = self.map.decoded.get(from..)?;
        // Most nodes sit at or just after the cursor (past white space and markup):
        // looking there first spares building a substring searcher for every node,
        // which cost a page of many small nodes a third of its time.
        let near = &rest.as_bytes()[..rest.len().min(256)];
        let first = *text.as_bytes().first()?;
        let close = memchr::memchr_iter(first, near)
            .find(|&i| rest.as_bytes()[i..].starts_with(text.as_bytes()));
        let at = match close {
            Some(at) => at,
            None => rest.find(text)?,
        };
        self.budget = self.budget.saturating_sub(at);
        Some(from + at)
    }

    /// Places a node found forward at `at`, else looks it up from the start.
    fn place(&mut self, id: NodeId, text: &str, at: Option<usize>) {
        if let Some(at) = at {
            self.found.insert(id, at);
            self.cursor = at + text.len();
            self.ranges.push((at, self.cursor));
            return;
        }
        if self.budget < self.map.decoded.len() {
            return;
        }
        self.budget -= self.map.decoded.len();
        if let Some(at) = self.map.decoded.find(text) {
            // Text that another node was found at is that node's: two nodes with one
            // position would give one fix two entries (a copy of a row, mutated).
            let end = at + text.len();
            let i = self.ranges.partition_point(|r| r.1 <= at);
            let taken = self.ranges.get(i).is_some_and(|r| r.0 < end);
            if !taken {
                self.found.insert(id, at);
            }
        }
    }

    /// Whether the text of the node right before `table`, found forward at `at`, was
    /// moved there out of the table: the table's first text comes before it. (Where
    /// both start at the same place, the node is taken as the page's own text, written
    /// before the table.)
    fn table_text_before(&mut self, table: NodeRef<Node>, at: usize) -> bool {
        let first = table.descendants().find_map(|n| match n.value() {
            Node::Text(t) if !t.trim().is_empty() => Some(&**t),
            _ => None,
        });
        let before = self.map.decoded.get(self.cursor..at).unwrap_or("");
        first.is_some_and(|first| before.contains(first))
    }

    /// Places text moved out of a table whose own text was found from `from` (ranges
    /// from index `first`): in a gap between the table's text, else after it.
    fn place_moved(&mut self, id: NodeId, text: &str, from: usize, first: usize) {
        let mut gap_start = from;
        for k in first..self.ranges.len() {
            let (start, end) = self.ranges[k];
            let gap = self.map.decoded.get(gap_start..start).unwrap_or("");
            if let Some(at) = gap.find(text) {
                self.found.insert(id, gap_start + at);
                return;
            }
            gap_start = gap_start.max(end);
        }
        // After the table's text: nothing between is the page's, so the nodes after the
        // table are searched from there on. A look-up that fails counts against the
        // budget, which bounds them.
        if self.budget < self.map.decoded.len() {
            return;
        }
        match self.find_from(self.cursor, text) {
            Some(at) => {
                self.found.insert(id, at);
                self.cursor = at + text.len();
                self.ranges.push((at, self.cursor));
            }
            None => {
                let rest = self.map.decoded.len().saturating_sub(self.cursor);
                self.budget = self.budget.saturating_sub(rest);
            }
        }
    }
}

/// Elements whose end tag may be left out, and void elements: they do not deepen the
/// tree the way an unclosed `<div>` or `<span>` does, so they are not counted.
#[rustfmt::skip]
const SHALLOW_ELEMENTS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
    "rt", "rp", "colgroup", "caption", "html", "head", "body", "area", "base", "br", "col",
    "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "frame", "basefont", "bgsound",
];

fn counts_for_depth(name: &str) -> bool {
    !SHALLOW_ELEMENTS.contains(&name)
}

/// Tables, lists and headings nest this deep at most before they are flattened too.
const MAX_STRUCTURE_DEPTH: usize = 64;

/// Elements the readers look for: counted apart, so that a status table under 10^5
/// wrappers survives the flattening.
fn keeps_structure(name: &str) -> bool {
    matches!(
        name,
        "table" | "ul" | "ol" | "dl" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "main" | "article"
    )
}

/// html5ever scans its stack of open elements for many start tags, so a page nested
/// 10^5 deep takes quadratic time. Beyond `max_depth` open elements, tags are replaced
/// by spaces of the same length: the text and every byte offset stay as they are (so
/// positions still map to the source), only the pathological nesting goes. `None` when
/// the page is not that deep.
pub(crate) fn limit_nesting(source: &str, max_depth: usize) -> Option<String> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut structure_depth = 0usize;
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + at;
        let Some((end, start_tag)) = markup_end(bytes, start) else {
            i = start + 1;
            continue;
        };
        i = end;
        if let Some(name) = start_tag {
            if raw_text_kind(&name).is_some() || name == "plaintext" {
                // Skip raw text up to its end tag.
                let mut j = end;
                while let Some(at) = memchr::memchr(b'<', &bytes[j..]) {
                    if let Some(close) = raw_end_tag(bytes, j + at, &name) {
                        j = close;
                        break;
                    }
                    j += at + 1;
                }
                i = j.max(end);
                continue;
            }
            let self_closing = end >= 2 && bytes[end - 2] == b'/';
            if counts_for_depth(&name) && !self_closing {
                if keeps_structure(&name) {
                    structure_depth += 1;
                    if structure_depth > MAX_STRUCTURE_DEPTH {
                        blank.push((start, end));
                    }
                } else {
                    depth += 1;
                    if depth > max_depth {
                        blank.push((start, end));
                    }
                }
            }
        } else if bytes.get(start + 1) == Some(&b'/') {
            let name_end = bytes[start + 2..end]
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
                .map_or(end, |p| start + 2 + p);
            let name = String::from_utf8_lossy(&bytes[start + 2..name_end]).to_ascii_lowercase();
            if keeps_structure(&name) {
                if structure_depth > MAX_STRUCTURE_DEPTH {
                    blank.push((start, end));
                }
                structure_depth = structure_depth.saturating_sub(1);
            } else if !name.is_empty() && counts_for_depth(&name) && depth > 0 {
                if depth > max_depth {
                    blank.push((start, end));
                }
                depth -= 1;
            }
        }
    }
    if blank.is_empty() {
        return None;
    }
    let mut out = bytes.to_vec();
    for (start, end) in blank {
        out[start..end].fill(b' ');
    }
    // Only ASCII markup was replaced by ASCII spaces.
    String::from_utf8(out).ok()
}

/// Whether a raw-text element's end tag `</name` starts at `i`; returns the end of it.
fn raw_end_tag(bytes: &[u8], i: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let after = i + 2 + name.len();
    if bytes.get(i + 1) != Some(&b'/') || !bytes.get(i + 2..after)?.eq_ignore_ascii_case(name) {
        return None;
    }
    match bytes.get(after) {
        None => Some(bytes.len()),
        Some(b'>') => Some(after + 1),
        Some(c) if c.is_ascii_whitespace() || *c == b'/' => Some(tag_end(bytes, after)),
        _ => None,
    }
}

/// If markup (a tag, comment, doctype, processing instruction) starts at `bytes[i] ==
/// b'<'`, its end and, for a start tag, its lowercase name. `None`: the `<` is text.
/// The value of the `html="…"` attribute of the start tag at `start..end`, when the
/// element is empty in the source (its end tag follows at once): the way server-side
/// rendered API references (Redoc) ship a description's HTML for the client to insert.
pub(crate) fn html_attribute_content(
    source: &str,
    start: usize,
    end: usize,
) -> Option<Range<usize>> {
    let tag = source.get(start..end)?;
    let at = tag.find(" html=")? + " html=".len();
    let quote = *tag.as_bytes().get(at)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let close = tag[at + 1..].find(quote as char)? + at + 1;
    let after = source.get(end..)?.trim_start();
    after
        .starts_with("</")
        .then_some(start + at + 1..start + close)
}

fn markup_end(bytes: &[u8], i: usize) -> Option<(usize, Option<String>)> {
    let next = *bytes.get(i + 1)?;
    match next {
        b'!' => {
            if bytes[i..].starts_with(b"<!--") {
                let body = i + 4;
                if bytes[body..].starts_with(b">") {
                    return Some((body + 1, None));
                }
                if bytes[body..].starts_with(b"->") {
                    return Some((body + 2, None));
                }
                let end = memchr::memmem::find(&bytes[body..], b"-->")
                    .map(|at| body + at + 3)
                    .unwrap_or(bytes.len());
                let bang = memchr::memmem::find(&bytes[body..end.min(bytes.len())], b"--!>")
                    .map(|at| body + at + 4);
                Some((bang.map_or(end, |b| b.min(end)), None))
            } else {
                Some((bogus_end(bytes, i + 2), None))
            }
        }
        b'?' => Some((bogus_end(bytes, i + 2), None)),
        b'/' => match bytes.get(i + 2) {
            Some(c) if c.is_ascii_alphabetic() => Some((tag_end(bytes, i + 2), None)),
            Some(b'>') => Some((i + 3, None)),
            Some(_) => Some((bogus_end(bytes, i + 2), None)),
            None => None,
        },
        c if c.is_ascii_alphabetic() => {
            let name_end = bytes[i + 1..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
                .map_or(bytes.len(), |at| i + 1 + at);
            let name = String::from_utf8_lossy(&bytes[i + 1..name_end]).to_ascii_lowercase();
            Some((tag_end(bytes, name_end), Some(name)))
        }
        _ => None,
    }
}

fn bogus_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &bytes[from.min(bytes.len())..]).map_or(bytes.len(), |at| from + at + 1)
}

/// The end of a tag whose attributes start at `from`: the first `>` outside a quoted
/// attribute value. A tag cut off by the end of the page swallows the rest, as in the
/// HTML tokenizer.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                match memchr::memchr(quote, &bytes[i + 1..]) {
                    Some(at) => i += at + 1,
                    None => return bytes.len(),
                }
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    bytes.len()
}

/// Decodes a character reference at `source[i] == '&'` as the HTML tokenizer does in
/// text: the longest named entity (with or without `;` for the legacy ones), or a
/// numeric reference. Returns its length in the source and the characters it stands for.
pub(crate) fn decode_entity(source: &str, i: usize) -> Option<(usize, String)> {
    let bytes = source.as_bytes();
    let start = i + 1;
    match bytes.get(start) {
        Some(b'#') => decode_numeric(bytes, start + 1).map(|(end, c)| (end - i, c.to_string())),
        Some(c) if c.is_ascii_alphanumeric() => {
            let mut best: Option<(usize, (u32, u32))> = None;
            let mut end = start;
            while end < bytes.len() && end - start < 40 {
                let c = bytes[end];
                if !(c.is_ascii_alphanumeric() || c == b';') {
                    break;
                }
                end += 1;
                let key = source.get(start..end)?;
                match NAMED_ENTITIES.get(key) {
                    Some(&value) => {
                        if value.0 != 0 {
                            best = Some((end, value));
                        }
                    }
                    None => break,
                }
                if c == b';' {
                    break;
                }
            }
            let (end, (first, second)) = best?;
            let mut text = String::new();
            text.push(char::from_u32(first)?);
            if second != 0 {
                text.push(char::from_u32(second)?);
            }
            Some((end - i, text))
        }
        _ => None,
    }
}

fn decode_numeric(bytes: &[u8], from: usize) -> Option<(usize, char)> {
    let (hex, digits_start) = match bytes.get(from) {
        Some(b'x' | b'X') => (true, from + 1),
        _ => (false, from),
    };
    let mut end = digits_start;
    let mut value: u32 = 0;
    while let Some(&c) = bytes.get(end) {
        let digit = if hex {
            (c as char).to_digit(16)
        } else {
            (c as char).to_digit(10)
        };
        let Some(digit) = digit else { break };
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(digit);
        end += 1;
    }
    if end == digits_start {
        return None;
    }
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    let c = match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((value - 0x80) as usize)
            .copied()
            .flatten()
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((end, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode_like_the_tokenizer() {
        assert_eq!(decode_entity("&amp;x", 0), Some((5, "&".into())));
        assert_eq!(decode_entity("&ampx", 0), Some((4, "&".into())));
        assert_eq!(decode_entity("&nbsp;", 0), Some((6, "\u{a0}".into())));
        assert_eq!(decode_entity("&#8217;", 0), Some((7, "’".into())));
        assert_eq!(decode_entity("&#x41", 0), Some((5, "A".into())));
        assert_eq!(decode_entity("&#150;", 0), Some((6, "–".into())));
        assert_eq!(decode_entity("&bogus;", 0), None);
        assert_eq!(decode_entity("& ", 0), None);
    }

    /// The source offset of every text node, in tree order.
    fn located(source: &str) -> Vec<(String, Option<usize>)> {
        let html = Html::parse_document(source);
        let map = TextMap::build(source);
        let found = align(&map, &html);
        html.tree
            .root()
            .descendants()
            .filter_map(|n| match n.value() {
                Node::Text(t) if !t.trim().is_empty() => Some((
                    t.to_string(),
                    found
                        .get(&n.id())
                        .map(|&at| map.pieces(at..at + 1).next().map_or(0, |p| p.1.start)),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_moved_out_of_a_table_takes_no_cell_position() {
        // Stray text in two rows is one node before the table (`BC`, found nowhere):
        // the cells keep their own positions.
        let source =
            "<table><tr><td>A</td><td>B</td></tr><tr>B</tr><tr><td>C</td></tr><tr>C</tr></table>";
        let cell = |s: &str| source.find(&format!("<td>{s}")).map(|i| i + 4);
        assert_eq!(
            located(source),
            [
                ("BC".to_owned(), None),
                ("A".to_owned(), cell("A")),
                ("B".to_owned(), cell("B")),
                ("C".to_owned(), cell("C")),
            ]
        );
        // Stray text in one row is found between the cells, and text after the table
        // after it.
        let source =
            "<table><tr><td>A</td><td>B</td></tr><tr>B</tr><tr><td>C</td></tr></table><p>B</p>";
        let found = located(source);
        let cell_b = source.find("<td>B").unwrap() + 4;
        let stray_b = source.find("<tr>B").unwrap() + 4;
        let paragraph_b = source.find("<p>B").unwrap() + 3;
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            [
                Some(stray_b),
                Some(source.find(">A<").unwrap() + 1),
                Some(cell_b),
                Some(source.find(">C<").unwrap() + 1),
                Some(paragraph_b)
            ]
        );
    }

    #[test]
    fn text_written_before_a_table_stays_before_it() {
        let source = "<div>Codes: 404<table><tr><td>404</td></tr></table></div>";
        let found = located(source);
        assert_eq!(
            found.iter().map(|f| f.1).collect::<Vec<_>>(),
            [Some(5), Some(source.find(">404<").unwrap() + 1)]
        );
    }

    #[test]
    fn stream_maps_back_to_source() {
        let source = "<p class=\"a>b\">A&amp;B</p><!-- x --><script>if (a<b) {}</script>\r\nC";
        let map = TextMap::build(source);
        assert_eq!(map.decoded, "A&Bif (a<b) {}\nC");
        let pieces: Vec<(Range<usize>, &str, bool)> = map
            .pieces(0..map.decoded.len())
            .map(|(r, s, literal)| (r, &source[s.start..s.end], literal))
            .collect();
        assert_eq!(pieces[0], (0..1, "A", true));
        assert_eq!(pieces[1], (1..2, "&amp;", false));
        assert_eq!(pieces[2], (2..3, "B", true));
        assert_eq!(pieces[4], (14..15, "\r\n", false));
        let inner: Vec<_> = map
            .pieces(6..8)
            .map(|(r, s, _)| (r, &source[s.start..s.end]))
            .collect();
        assert_eq!(inner, [(6..8, "(a")]);
    }
}
