//! The body of one table cell (or list item) as plain text: paragraphs folded and joined
//! by a blank line, bullet items as `- item` lines, enumerated items as `1. item` lines.
//!
//! This is a small subset of reStructuredText body parsing, enough for what vendor pages
//! put in cells: paragraphs, bullet and enumerated lists, block quotes, literal blocks
//! after `::`. Anything else is read as paragraph text, so nothing a cell says is lost.

use statusdoc_model::Span;

use super::inline::strip_inline;
use super::lines::Line;
use crate::common::fold_whitespace;

/// Text and span of a cell whose content lines are `lines` (already cut to the cell's
/// columns). `None` for an empty cell.
pub(crate) fn cell(lines: &[Line]) -> Option<(String, Span)> {
    let first = lines.iter().position(|l| !l.is_blank())?;
    let last = lines.iter().rposition(|l| !l.is_blank())?;
    let content = &lines[first..=last];
    let start = {
        let l = content[0];
        l.start + l.indent()
    };
    let end = content[content.len() - 1].trim_end().end();
    let mut out = String::new();
    render_blocks(content, &mut out, false);
    Some((out, Span::new(start, end.max(start))))
}

/// Plain text of a body without list markers, folded to one line: what a list item reads
/// as inside its list.
pub(crate) fn flat_text(lines: &[Line]) -> String {
    let mut out = String::new();
    render_blocks(lines, &mut out, true);
    fold_whitespace(&out)
}

pub(crate) enum Marker {
    Bullet(char),
    Enumerated(u32),
}

/// A list marker at the start of `text` (after indentation) and the byte length of the
/// marker plus the spaces after it.
pub(crate) fn marker(text: &str) -> Option<(Marker, usize)> {
    let mut chars = text.char_indices();
    let (_, c) = chars.next()?;
    let after_marker = |len: usize| -> Option<usize> {
        let rest = text.get(len..)?;
        if rest.is_empty() {
            return Some(len);
        }
        if !rest.starts_with(' ') {
            return None;
        }
        Some(len + (rest.len() - rest.trim_start().len()))
    };
    if matches!(c, '-' | '*' | '+' | '•' | '‣' | '⁃') {
        return after_marker(c.len_utf8()).map(|n| (Marker::Bullet(c), n));
    }
    // `#.`, `1.`, `1)`, `(1)`
    let (open, body) = match text.strip_prefix('(') {
        Some(rest) => (1, rest),
        None => (0, text),
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (value, len) = if body.starts_with('#') {
        (0, 1)
    } else if digits > 0 && digits <= 4 {
        (body[..digits].parse().ok()?, digits)
    } else {
        return None;
    };
    let close = body.as_bytes().get(len).copied()?;
    let ok = if open == 1 {
        close == b')'
    } else {
        close == b'.' || close == b')'
    };
    if !ok {
        return None;
    }
    after_marker(open + len + 1).map(|n| (Marker::Enumerated(value), n))
}

fn same_kind(a: &Marker, b: &Marker) -> bool {
    match (a, b) {
        (Marker::Bullet(x), Marker::Bullet(y)) => x == y,
        (Marker::Enumerated(_), Marker::Enumerated(_)) => true,
        _ => false,
    }
}

/// Renders body blocks into `out`, separated by blank lines.
fn render_blocks(lines: &[Line], out: &mut String, flat: bool) {
    let base = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0);
    let mut i = 0;
    let mut literal_next = false;
    while i < lines.len() {
        let line = lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        let indent = line.indent();
        let text = &line.text[indent..];
        let block_end = |from: usize, min_indent: usize| -> usize {
            // Lines until a non-blank line indented less than `min_indent`.
            let mut k = from;
            while k < lines.len() && (lines[k].is_blank() || lines[k].indent() >= min_indent) {
                k += 1;
            }
            k
        };
        if indent > base {
            // Block quote or literal block: indented relative to its surroundings.
            let end = block_end(i, indent.min(base + 1));
            let mut inner = String::new();
            if literal_next {
                let raw: Vec<&str> = lines[i..end].iter().map(|l| l.text).collect();
                inner = fold_whitespace(&raw.join(" "));
            } else {
                render_blocks(&lines[i..end], &mut inner, flat);
            }
            push_block(out, &inner);
            literal_next = false;
            i = end;
            continue;
        }
        literal_next = false;
        if text.starts_with("..") && (text.len() == 2 || text[2..].starts_with(' ')) {
            // A comment or directive: skip it and its indented body.
            i = block_end(i + 1, base + 1);
            continue;
        }
        if let Some((kind, _)) = marker(text) {
            let is_list = is_list_start(lines, i, base);
            if is_list {
                let mut items: Vec<String> = Vec::new();
                let mut number = match kind {
                    Marker::Enumerated(0) => 1,
                    Marker::Enumerated(n) => n,
                    Marker::Bullet(_) => 0,
                };
                while i < lines.len() {
                    let l = lines[i];
                    if l.is_blank() {
                        i += 1;
                        continue;
                    }
                    if l.indent() != base {
                        break;
                    }
                    let Some((m, len)) = marker(&l.text[base..]) else {
                        break;
                    };
                    if !same_kind(&m, &kind) {
                        break;
                    }
                    let end = block_end(i + 1, base + 1);
                    let mut body: Vec<Line> = Vec::with_capacity(end - i);
                    body.push(l.skip(base + len));
                    body.extend_from_slice(&lines[i + 1..end]);
                    let item = flat_text(&body);
                    match kind {
                        _ if flat => items.push(item),
                        Marker::Bullet(_) => items.push(format!("- {item}")),
                        Marker::Enumerated(_) => {
                            items.push(format!("{number}. {item}"));
                            number += 1;
                        }
                    }
                    i = end;
                }
                push_block(out, &items.join("\n"));
                continue;
            }
        }
        // A paragraph: lines up to the next blank line.
        let mut end = i;
        while end < lines.len() && !lines[end].is_blank() {
            end += 1;
        }
        let mut raw = String::new();
        for l in &lines[i..end] {
            if !raw.is_empty() {
                raw.push('\n');
            }
            raw.push_str(l.text.trim());
        }
        let mut paragraph = fold_whitespace(&strip_inline(&raw));
        if let Some(head) = paragraph.strip_suffix("::") {
            literal_next = true;
            paragraph = if head.is_empty() || head.ends_with(' ') {
                head.trim_end().to_owned()
            } else {
                format!("{head}:")
            };
        }
        push_block(out, &paragraph);
        i = end;
    }
}

/// Whether a marker at line `i` starts a list: a one-line item, or one followed by an
/// indented line, a blank line or another item (docutils reads anything else as a
/// paragraph).
fn is_list_start(lines: &[Line], i: usize, base: usize) -> bool {
    match lines.get(i + 1) {
        None => true,
        Some(next) if next.is_blank() || next.indent() > base => true,
        Some(next) => {
            let this = lines[i].text.get(base..).and_then(marker);
            let that = next.text.get(base..).and_then(marker);
            matches!((this, that), (Some((a, _)), Some((b, _))) if same_kind(&a, &b))
        }
    }
}

fn push_block(out: &mut String, block: &str) {
    if block.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(block);
}

/// The items of a list whose markers sit at column `base`, starting at `lines[i]`: each
/// item's body with its lines cut at the item's text column (as docutils' known-indent
/// list items), and the index after the list. Stops at a line that is not an item of
/// the same kind at `base`.
pub(crate) fn list_items<'a>(
    lines: &[Line<'a>],
    mut i: usize,
    base: usize,
) -> (Vec<(usize, Vec<Line<'a>>)>, usize) {
    let mut items = Vec::new();
    let mut kind: Option<Marker> = None;
    while i < lines.len() {
        let l = lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if l.indent() != base {
            break;
        }
        let Some((m, len)) = l.text.get(base..).and_then(marker) else {
            break;
        };
        if kind.as_ref().is_some_and(|k| !same_kind(k, &m)) {
            break;
        }
        kind = Some(m);
        let first = l.skip(base + len);
        let mut text_col = base + len;
        if first.is_blank() {
            // The body starts on the next line; its indentation sets the text column.
            if let Some(next) = lines[i + 1..].iter().find(|n| !n.is_blank()) {
                if next.indent() > base {
                    text_col = next.indent();
                }
            }
        }
        let mut body = vec![first];
        let mut k = i + 1;
        while k < lines.len() {
            let n = lines[k];
            if n.is_blank() {
                body.push(n.skip(text_col));
                k += 1;
                continue;
            }
            if n.indent() < text_col {
                break;
            }
            body.push(n.skip(text_col));
            k += 1;
        }
        // Trailing blank lines belong to no item.
        while k > i + 1 && lines[k - 1].is_blank() {
            k -= 1;
            body.pop();
        }
        items.push((i, body));
        i = k;
    }
    (items, i)
}
