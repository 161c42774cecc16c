//! The line scan: one pass over the page that finds section titles, the leading field
//! list, labels, table directives and tables, and bullet items naming a status code.
//!
//! rst_parser gives no source positions and no tables, so positions (and the section
//! path of each table) always come from this scan; rst_parser only confirms the
//! document's structure and title (see `mod.rs`).

use std::ops::Range;

use statusdoc_model::Span;

use super::directive::{self, directive_head, indented_end};
use super::inline::strip_inline;
use super::lines::Line;
use super::table::{Table, TableError};
use super::{body, csv_table, grid, list_table, simple};
use crate::common::{fold_whitespace, leading_code};

/// A bullet item such as `* |status-200|: The object was modified`.
#[derive(Debug, Clone)]
pub(crate) struct BulletEntry {
    pub code: u16,
    pub code_span: Span,
    /// For `* 404 Not Found: ...`: the text from the code to the end of the markup or
    /// line, and its byte offset; the reader splits title from description.
    pub head: Option<(String, usize)>,
    pub description: Option<(String, Span)>,
    pub section: Vec<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub title: Option<String>,
    pub metadata: Vec<(String, String)>,
    /// Each table with its section path (headings, then the caption if any).
    pub tables: Vec<(Vec<String>, Table)>,
    pub bullets: Vec<BulletEntry>,
    pub errors: Vec<TableError>,
    /// `.. |name| replace:: text` definitions.
    pub substitutions: Vec<(String, String)>,
    /// Line ranges of tables, blanked out before rst_parser sees the page.
    pub table_lines: Vec<Range<usize>>,
}

/// A section adornment line: one punctuation character repeated (at least twice).
fn adornment(text: &str) -> Option<u8> {
    let b = text.trim_end().as_bytes();
    let c = *b.first()?;
    (b.len() >= 2 && c.is_ascii_punctuation() && b.iter().all(|&x| x == c)).then_some(c)
}

/// The line after the page's first section title, where rst_parser's view of the page
/// can stop (see `structure_title`).
pub(crate) fn first_heading_end(lines: &[Line]) -> Option<usize> {
    (0..lines.len()).find_map(|i| heading(lines, i).map(|(_, _, next)| next))
}

/// A section title at line `i`: its text, adornment style and the line after it.
fn heading(lines: &[Line], i: usize) -> Option<(String, (u8, bool), usize)> {
    let line = lines[i];
    if line.indent() != 0 {
        return None;
    }
    let t = line.text.trim_end();
    if let Some(c) = adornment(t) {
        let title = lines.get(i + 1)?;
        let under = lines.get(i + 2)?;
        if !title.is_blank() && adornment(under.text) == Some(c) && adornment(title.text).is_none()
        {
            return Some((title.text.trim().to_owned(), (c, true), i + 3));
        }
        return None;
    }
    if i > 0 && !lines[i - 1].is_blank() {
        return None;
    }
    let under = lines.get(i + 1)?;
    let c = adornment(under.text)?;
    if under.indent() != 0
        || (under.text.trim_end().len() < 4 && under.text.trim_end().len() < line.width())
    {
        return None;
    }
    // A one-column simple table (`=====` / text / `=====`) is read as a title by
    // docutils too, so nothing special is needed for it.
    Some((t.trim().to_owned(), (c, false), i + 2))
}

/// `:name: value` field at the start of a line; the closing colon must be followed by
/// whitespace or the end of the line.
fn field(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(':')?;
    let close = rest.find(':')?;
    let name = &rest[..close];
    let after = &rest[close + 1..];
    if name.is_empty()
        || name.starts_with(' ')
        || !(after.is_empty() || after.starts_with(char::is_whitespace))
    {
        return None;
    }
    Some((name, after.trim()))
}

/// The code in a substitution name such as `status-200` or `http_404`: only names that
/// say they are about a status and end in the code.
fn substitution_code(name: &str) -> Option<(u16, usize)> {
    let lower = name.to_ascii_lowercase();
    let cut = lower.rfind(['-', '_', ' '])?;
    let (prefix, digits) = (&lower[..cut], &lower[cut + 1..]);
    if digits.len() != 3 {
        return None;
    }
    let about_status = prefix.contains("status")
        || prefix.contains("http")
        || prefix == "code"
        || prefix == "response";
    if !about_status {
        return None;
    }
    leading_code(digits).map(|c| (c, cut + 1))
}

pub(crate) fn scan(lines: &[Line], page: &str) -> Scan {
    let mut out = Scan::default();
    let mut styles: Vec<(u8, bool)> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut caption: Option<(usize, String)> = None;
    let mut body_seen = false;
    let mut literal_after: Option<usize> = None;
    let mut label_seen = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        let k = line.indent();
        let t = line.text[k..].trim_end();
        if caption.as_ref().is_some_and(|(ci, _)| k <= *ci) {
            caption = None;
        }
        if let Some(pi) = literal_after.take() {
            if k > pi {
                // A literal block after `::`: nothing in it is markup.
                i = indented_end(lines, i, pi).max(i + 1);
                continue;
            }
        }
        if let Some((title, style, next)) = heading(lines, i) {
            let title = fold_whitespace(&strip_inline(&title));
            let level = match styles.iter().position(|s| *s == style) {
                Some(level) => level,
                None => {
                    styles.push(style);
                    styles.len() - 1
                }
            };
            stack.truncate(level);
            if leading_code(&title).is_some() {
                code_heading(lines, i, style.1, next, &stack, &mut out);
            }
            stack.push(title.clone());
            if out.title.is_none() {
                out.title = Some(title);
            }
            i = next;
            continue;
        }
        if t == ".." || t.starts_with(".. ") {
            i = explicit(
                lines,
                i,
                k,
                t,
                page,
                &stack,
                &mut caption,
                &mut out,
                &mut label_seen,
            );
            continue;
        }
        if grid::is_border(t) {
            let cap = take_caption(&mut caption, k);
            i = grid_table(lines, i, k, cap, &stack, &mut out);
            body_seen = true;
            continue;
        }
        if simple::is_border(t) {
            let cap = take_caption(&mut caption, k);
            match simple::isolate(lines, i, k) {
                Ok(end) => {
                    let block: Vec<Line> = lines[i..=end].iter().map(|l| l.skip(k)).collect();
                    push_table(
                        simple::parse(&block, cap.clone()),
                        cap,
                        &stack,
                        &mut out,
                        i..end + 1,
                    );
                    i = end + 1;
                }
                Err(e) => {
                    out.errors.push(e);
                    i = indented_end(lines, i + 1, k.saturating_sub(1)).max(i + 1);
                }
            }
            body_seen = true;
            continue;
        }
        if !body_seen && k == 0 {
            if let Some((name, value)) = field(t) {
                out.metadata.push((name.to_owned(), value.to_owned()));
                i += 1;
                continue;
            }
        }
        body_seen = true;
        if let Some((_, len)) = body::marker(t) {
            bullet_entry(lines, i, k, len, &stack, &mut out);
        } else if let Some(end) = definition_end(lines, i, k, t) {
            definition_entry(lines, i, k, end, &stack, &mut out);
            i = end;
            continue;
        }
        if t.ends_with("::") && lines.get(i + 1).is_none_or(|l| l.is_blank()) {
            literal_after = Some(k);
        }
        i += 1;
    }
    out
}

fn take_caption(caption: &mut Option<(usize, String)>, indent: usize) -> Option<String> {
    match caption {
        Some((ci, _)) if indent > *ci => caption.take().map(|(_, c)| c),
        _ => None,
    }
}

fn push_table(
    result: Result<Table, TableError>,
    caption: Option<String>,
    stack: &[String],
    out: &mut Scan,
    range: Range<usize>,
) {
    match result {
        Ok(table) => {
            let mut section = stack.to_vec();
            if let Some(c) = caption.filter(|c| !c.is_empty()) {
                section.push(c);
            }
            out.tables.push((section, table));
            out.table_lines.push(range);
        }
        Err(e) => out.errors.push(e),
    }
}

/// A grid table whose top border is `lines[i]`, indented `k`; returns the next line.
fn grid_table(
    lines: &[Line],
    i: usize,
    k: usize,
    caption: Option<String>,
    stack: &[String],
    out: &mut Scan,
) -> usize {
    let edge = |l: &Line| l.indent() == k && matches!(l.text.as_bytes().get(k), Some(b'+' | b'|'));
    let mut e = i + 1;
    while e < lines.len() && !lines[e].is_blank() && edge(&lines[e]) {
        e += 1;
    }
    let stopped_at = lines.get(e).filter(|l| !l.is_blank()).copied();
    let mut end = e;
    if !grid::is_border(&lines[e - 1].text[k.min(lines[e - 1].text.len())..]) {
        // docutils keeps the table up to its last full border line.
        let found = (i + 2..e.saturating_sub(1))
            .rev()
            .find(|&j| grid::is_border(&lines[j].text[k..]));
        match (found, stopped_at) {
            (_, Some(bad)) => {
                let at = bad.start + bad.indent();
                out.errors.push(TableError::new(
                    Span::new(at, at + bad.text[bad.indent()..].chars().next().map_or(0, char::len_utf8)),
                    format!(
                        "malformed grid table: left border not aligned: expected `|` or `+` at column {}",
                        k + 1
                    ),
                    "every row of a grid table must start in the same column as its top border",
                ));
                return e.max(i + 1);
            }
            (Some(j), None) => {
                // docutils also says "Blank line required after table": the rows after
                // the last border are not read, and the author must know.
                let dropped = lines[j + 1];
                let at = dropped.start + dropped.indent();
                out.errors.push(TableError::new(
                    Span::new(at, dropped.trim_end().end()),
                    "malformed grid table: this row has no bottom border, so it is not part of the table",
                    "close the row with a border line such as the table's top border",
                ));
                end = j + 1;
            }
            (None, None) => {
                let last = lines[e - 1];
                out.errors.push(TableError::new(
                    Span::empty(last.trim_end().end()),
                    "malformed grid table: no bottom border (`+---+`) after the last row",
                    "close the table with a border line like its top border",
                ));
                return e;
            }
        }
    }
    let block: Vec<Line> = lines[i..end].iter().map(|l| l.skip(k)).collect();
    push_table(
        grid::parse(&block, caption.clone()),
        caption,
        stack,
        out,
        i..end,
    );
    end
}

#[allow(clippy::too_many_arguments)]
fn explicit(
    lines: &[Line],
    i: usize,
    k: usize,
    t: &str,
    page: &str,
    stack: &[String],
    caption: &mut Option<(usize, String)>,
    out: &mut Scan,
    label_seen: &mut bool,
) -> usize {
    if let Some(label) = t.strip_prefix(".. _").and_then(|r| r.strip_suffix(':')) {
        if !*label_seen && !label.is_empty() && !label.starts_with('_') {
            *label_seen = true;
            out.metadata.push(("label".to_owned(), label.to_owned()));
        }
        return i + 1;
    }
    if let Some(rest) = t.strip_prefix(".. |") {
        // `.. |name| replace:: text`
        if let Some(close) = rest.find('|') {
            let name = &rest[..close];
            if let Some(text) = rest[close + 1..].trim_start().strip_prefix("replace::") {
                let end = indented_end(lines, i + 1, k);
                let mut value = text.trim().to_owned();
                for l in &lines[i + 1..end] {
                    value.push(' ');
                    value.push_str(l.text.trim());
                }
                out.substitutions
                    .push((name.to_owned(), fold_whitespace(&strip_inline(&value))));
                return end.max(i + 1);
            }
        }
        return indented_end(lines, i + 1, k).max(i + 1);
    }
    if let Some((name, rest)) = directive_head(t) {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "table" => {
                *caption = Some((k, fold_whitespace(&strip_inline(rest.trim()))));
                // Options of the directive are not body text.
                let mut j = i + 1;
                while j < lines.len() && !lines[j].is_blank() && lines[j].indent() > k {
                    j += 1;
                }
                return j;
            }
            "list-table" | "csv-table" => {
                let Some(d) = directive::parse(lines, i, k) else {
                    return i + 1;
                };
                let cap = fold_whitespace(&strip_inline(&d.argument));
                let cap = (!cap.is_empty()).then_some(cap);
                let result = if name == "list-table" {
                    list_table::parse(lines, &d, cap.clone())
                } else {
                    csv_table::parse(lines, &d, cap.clone(), page)
                };
                push_table(result, cap, stack, out, i..d.end);
                return d.end.max(i + 1);
            }
            "code" | "code-block" | "sourcecode" | "literalinclude" | "raw" | "math"
            | "parsed-literal" | "highlight" | "graphviz" | "uml" | "mermaid" | "image"
            | "include" | "toctree" | "http:example" => {
                return indented_end(lines, i + 1, k).max(i + 1);
            }
            // Admonitions, `only`, `container`...: their bodies are read as usual.
            _ => return i + 1,
        }
    }
    // A comment: its indented body is not shown.
    indented_end(lines, i + 1, k).max(i + 1)
}

/// `* |status-200|: The object was modified` (Kinto): the page names the code only
/// through a substitution whose definition lives elsewhere. The code is taken from the
/// substitution name, so the entry has no title (the page prints none) and the text
/// after the separator is its description.
fn bullet_entry(
    lines: &[Line],
    i: usize,
    k: usize,
    marker_len: usize,
    stack: &[String],
    out: &mut Scan,
) {
    let line = lines[i];
    let item = line.skip(k + marker_len);
    let Some(rest) = item.text.strip_prefix('|') else {
        plain_bullet_entry(lines, i, k, marker_len, stack, out);
        return;
    };
    let Some(close) = rest.find('|') else { return };
    let name = &rest[..close];
    let Some((code, digits_at)) = substitution_code(name) else {
        return;
    };
    let code_start = item.start + 1 + digits_at;
    let code_span = Span::new(code_start, code_start + 3);
    let mut after = item.skip(1 + close + 1);
    let trimmed = after.text.trim_start_matches('_').trim_start();
    let trimmed = trimmed
        .strip_prefix(':')
        .or_else(|| trimmed.strip_prefix("–"))
        .or_else(|| trimmed.strip_prefix('-'))
        .unwrap_or(trimmed);
    after = after.skip(after.text.len() - trimmed.len());
    let text_col = k + marker_len;
    let mut body = vec![after];
    body.extend(item_continuation(lines, i, text_col));
    out.bullets.push(BulletEntry {
        code,
        code_span,
        head: None,
        description: body::cell(&body),
        section: stack.to_vec(),
    });
}

/// A definition-list item whose term is a code: `415 Unsupported Media Type` on a line
/// of its own after a blank line, its definition indented below. Returns the line after
/// the definition.
fn definition_end(lines: &[Line], i: usize, k: usize, term: &str) -> Option<usize> {
    leading_code(term)?;
    let after_blank = i == 0 || lines[i - 1].is_blank() || lines[i - 1].indent() > k;
    let next = lines.get(i + 1)?;
    if !after_blank || next.is_blank() || next.indent() <= k {
        return None;
    }
    Some(indented_end(lines, i + 1, k).max(i + 2))
}

fn definition_entry(
    lines: &[Line],
    i: usize,
    k: usize,
    end: usize,
    stack: &[String],
    out: &mut Scan,
) {
    let term = lines[i].skip(k);
    let at = term.start;
    let text_col = lines[i + 1].indent();
    let body: Vec<Line> = lines[i + 1..end].iter().map(|l| l.skip(text_col)).collect();
    out.bullets.push(BulletEntry {
        code: leading_code(term.text).unwrap_or_default(),
        code_span: Span::new(at, at + 3),
        head: Some((term.text.trim_end().to_owned(), at)),
        description: body::cell(&body),
        section: stack.to_vec(),
    });
}

/// A section per code (`415 Unsupported Media Type` underlined): the title is the
/// entry's code and title, the section's text up to the next title its description.
fn code_heading(
    lines: &[Line],
    i: usize,
    overlined: bool,
    next: usize,
    parents: &[String],
    out: &mut Scan,
) {
    let line = lines[if overlined { i + 1 } else { i }];
    let at = line.start + line.indent();
    let raw = line.text.trim();
    if leading_code(raw).is_none() {
        return; // the code is inside markup: the position would be a guess
    }
    let end = (next..lines.len())
        .find(|&j| heading(lines, j).is_some())
        .unwrap_or(lines.len());
    out.bullets.push(BulletEntry {
        code: leading_code(raw).unwrap_or_default(),
        code_span: Span::new(at, at + 3),
        head: Some((raw.to_owned(), at)),
        description: body::cell(&lines[next..end]),
        section: parents.to_vec(),
    });
}

/// The lines that continue the list item starting on line `i`, cut at its text column.
fn item_continuation<'a>(lines: &[Line<'a>], i: usize, text_col: usize) -> Vec<Line<'a>> {
    lines[i + 1..]
        .iter()
        .take_while(|n| n.is_blank() || n.indent() >= text_col)
        .map(|n| n.skip(text_col))
        .collect()
}

/// `* 404 Not Found: The resource does not exist.`, `* ``404 Not Found`` – ...`,
/// `* **404 Not Found** ...`: a bullet that starts with the code itself.
fn plain_bullet_entry(
    lines: &[Line],
    i: usize,
    k: usize,
    marker_len: usize,
    stack: &[String],
    out: &mut Scan,
) {
    let item = lines[i].skip(k + marker_len);
    // Inline literal or strong markup around the code and title.
    let (open, close) = if item.text.starts_with("``") {
        ("``", "``")
    } else if item.text.starts_with("**") {
        ("**", "**")
    } else {
        ("", "")
    };
    let inner = &item.text[open.len()..];
    if leading_code(inner).is_none() {
        return;
    }
    let inner_end = if close.is_empty() {
        inner.len()
    } else {
        match inner.find(close) {
            Some(end) => end,
            None => return,
        }
    };
    let head_start = item.start + open.len();
    let code_span = Span::new(head_start, head_start + 3);
    let head = inner[..inner_end].trim_end().to_owned();
    // The description: what follows the markup on the first line, then the item's
    // continuation lines.
    let text_col = k + marker_len;
    let mut body = Vec::new();
    if !close.is_empty() {
        let after = item.skip(open.len() + inner_end + close.len());
        let trimmed = after.text.trim_start();
        let trimmed = trimmed
            .strip_prefix(':')
            .or_else(|| trimmed.strip_prefix('–'))
            .or_else(|| trimmed.strip_prefix('—'))
            .or_else(|| trimmed.strip_prefix('-'))
            .unwrap_or(trimmed);
        body.push(after.skip(after.text.len() - trimmed.len()));
    }
    body.extend(item_continuation(lines, i, text_col));
    out.bullets.push(BulletEntry {
        code: leading_code(inner).unwrap_or_default(),
        code_span,
        head: Some((head, head_start)),
        description: body::cell(&body),
        section: stack.to_vec(),
    });
}
