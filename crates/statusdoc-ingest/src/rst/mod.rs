//! reStructuredText reader.
//!
//! rst_parser 0.4 parses document structure but keeps no source positions and has no
//! tables (a `.. table::` comes back as a comment). So the page is read by a line scan
//! ([`scan`]) that finds titles, labels, field lists and tables with byte offsets, and
//! table readers written after docutils' own ([`grid`], [`simple`], [`list_table`],
//! [`csv_table`]). rst_parser still reads the page's structure (with table blocks
//! blanked out, since it cannot read them and they are most of the bytes) and gives the
//! document title; where it fails, the scan's title is used and an SD003 note says so.

mod body;
mod csv_table;
mod directive;
mod grid;
mod inline;
pub(crate) mod lines;
mod list_table;
pub(crate) mod scan;
mod simple;
pub(crate) mod table;

use statusdoc_model::{Cell, Diagnostic, Document, Entry, Severity, SourceFile, Span};
use statusdoc_reference::Registry;

use self::lines::{split_lines, Line};
use self::table::{Table, TableCell, TableKind};
use crate::common::{column_role, fold_whitespace, leading_code, title_len, ColumnRole};

pub(crate) fn read(document: &mut Document, registry: &Registry) {
    let source = document.source.clone();
    let text = source.text();
    let lines = split_lines(text);
    let scanned = scan::scan(&lines, source.path());

    match structure_title(text, &lines, &scanned.table_lines) {
        Ok(title) => document.title = title.or_else(|| scanned.title.clone()),
        Err((offset, reason)) => {
            document.title = scanned.title.clone();
            document.notes.push(
                Diagnostic::new(
                    "SD003",
                    "rst-fallback",
                    Severity::Warning,
                    &source,
                    Span::empty(offset),
                    format!("rst_parser could not read this page ({reason}); its structure was read with a line scan instead"),
                )
                .with_help("tables are still read; check the markup near this line if sections or the title look wrong"),
            );
        }
    }
    for (key, value) in &scanned.metadata {
        document
            .metadata
            .entry(key.clone())
            .or_insert_with(|| value.clone());
    }
    for error in &scanned.errors {
        document.notes.push(
            Diagnostic::new(
                "SD002",
                "malformed-table",
                Severity::Error,
                &source,
                error.span,
                error.message.clone(),
            )
            .with_help(error.help),
        );
    }
    let mut entries = Vec::new();
    for (index, (section, table)) in scanned.tables.iter().enumerate() {
        let found = table_entries(text, table, section, registry);
        // Each table is a block of its own; bullet lists share block 0.
        entries.extend(found.into_iter().map(|e| Entry {
            block: index + 1,
            ..e
        }));
    }
    for bullet in &scanned.bullets {
        let mut title = None;
        let mut description = bullet
            .description
            .as_ref()
            .filter(|(t, _)| !t.is_empty())
            .map(|(t, s)| Cell::new(t.clone(), *s));
        if let Some((head, at)) = &bullet.head {
            let parts = crate::runin::split_code_and_title(registry, head);
            title = parts
                .title
                .map(|r| Cell::new(&head[r.clone()], Span::new(at + r.start, at + r.end)));
            if let Some(r) = parts.detail {
                let lead = Cell::new(&head[r.clone()], Span::new(at + r.start, at + r.end));
                description = Some(match description {
                    Some(rest) => Cell::new(
                        format!("{} {}", lead.text, rest.text),
                        lead.span.cover(rest.span),
                    ),
                    None => lead,
                });
            }
        }
        entries.push(Entry {
            listing: Default::default(), title_certain: true,
            code: bullet.code,
            code_span: bullet.code_span,
            title,
            description,
            section: bullet.section.clone(),
            block: 0,
        });
    }
    entries.sort_by_key(|e| e.code_span.start);
    if !scanned.substitutions.is_empty() {
        for entry in &mut entries {
            for cell in entry.title.iter_mut().chain(entry.description.iter_mut()) {
                cell.text = substitute(&cell.text, &scanned.substitutions);
            }
        }
    }
    document.entries = entries;
}

/// Tables of a page with their section paths, and the reader's notes: what the
/// docutils reference test compares.
#[allow(dead_code)]
pub fn tables(source: &SourceFile) -> (Vec<(Vec<String>, Table)>, Vec<table::TableError>) {
    let lines = split_lines(source.text());
    let scanned = scan::scan(&lines, source.path());
    (scanned.tables, scanned.errors)
}

fn substitute(text: &str, substitutions: &[(String, String)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in substitutions {
        let pattern = format!("|{name}|");
        if out.contains(&pattern) {
            out = out.replace(&pattern, value);
        }
    }
    out
}

/// Pages indented deeper than this are not given to rst_parser: its pest grammar
/// recurses on nesting, and a stack overflow cannot be caught.
const MAX_STRUCTURE_INDENT: usize = 120;

/// rst_parser costs about a quarter of a millisecond per line (its pest grammar
/// backtracks; measured: 2.6 ms for 10 lines of prose, 31 ms for the 460-line Fess page).
/// It is asked for the title only, so it reads the head of the page: up to the first
/// section title, or this many lines when there is none.
const MAX_HEAD_LINES: usize = 200;
/// And at most this many bytes: some text costs it 20 µs a byte (the fuzzer found a
/// 34 KB head that took half a second), so the head is bounded, not just its lines.
const MAX_HEAD_BYTES: usize = 2 << 10;

/// The document title according to rst_parser, run on the head of the page (field
/// list, labels, first section title) with table lines blanked. `Err` carries where
/// and why it failed.
fn structure_title(
    text: &str,
    lines: &[Line],
    table_lines: &[std::ops::Range<usize>],
) -> Result<Option<String>, (usize, String)> {
    let mut skeleton = String::with_capacity(text.len().min(MAX_HEAD_BYTES));
    let mut tables = table_lines.iter().peekable();
    let mut deepest = 0;
    let head = scan::first_heading_end(lines).unwrap_or(MAX_HEAD_LINES);
    for (i, line) in lines.iter().enumerate().take(head) {
        while tables.peek().is_some_and(|r| r.end <= i) {
            tables.next();
        }
        if !tables.peek().is_some_and(|r| r.contains(&i)) {
            if skeleton.len() + line.text.len() > MAX_HEAD_BYTES {
                break;
            }
            skeleton.push_str(line.text);
            deepest = deepest.max(line.indent());
        }
        skeleton.push('\n');
    }
    // A page that is only tables leaves rst_parser nothing to read.
    if skeleton.trim().is_empty() {
        return Ok(None);
    }
    // rst_parser rejects a page that ends in blank lines, which blanked tables leave.
    let kept = skeleton.trim_end().len();
    skeleton.truncate(kept);
    skeleton.push('\n');
    if deepest > MAX_STRUCTURE_INDENT {
        return Err((0, "the page is indented too deeply for it".to_owned()));
    }
    let parsed =
        std::panic::catch_unwind(|| rst_parser::parse_only(&skeleton).map_err(|e| e.to_string()));
    let document = match parsed {
        Ok(Ok(document)) => document,
        Ok(Err(message)) => {
            let offset = error_offset(&message, lines).unwrap_or(0);
            let first = message
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("parse error");
            return Err((offset, fold_whitespace(first)));
        }
        Err(_) => return Err((0, "it panicked".to_owned())),
    };
    Ok(first_title(&document))
}

/// pest errors read ` --> line:column`.
fn error_offset(message: &str, lines: &[Line]) -> Option<usize> {
    let at = message.find("--> ")?;
    let rest = &message[at + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    let line: usize = line.parse().ok()?;
    let column: usize = column.parse().ok()?;
    let l = lines.get(line.checked_sub(1)?)?;
    Some(l.start + lines::char_to_byte(l.text, column.saturating_sub(1)))
}

fn first_title(document: &document_tree::Document) -> Option<String> {
    use document_tree::element_categories::{StructuralSubElement, SubStructure};
    use document_tree::HasChildren;
    for child in document.children() {
        match child {
            StructuralSubElement::Title(title) => return Some(inline_text(title.children())),
            StructuralSubElement::SubStructure(sub) => {
                if let SubStructure::Section(section) = sub.as_ref() {
                    for c in section.children() {
                        if let StructuralSubElement::Title(title) = c {
                            return Some(inline_text(title.children()));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn inline_text(children: &[document_tree::element_categories::TextOrInlineElement]) -> String {
    use document_tree::element_categories::TextOrInlineElement as T;
    use document_tree::HasChildren;
    let mut out = String::new();
    for child in children {
        match child {
            T::String(s) => out.push_str(s),
            T::Emphasis(e) => out.push_str(&inline_text(e.children())),
            T::Strong(e) => out.push_str(&inline_text(e.children())),
            T::Literal(e) => {
                for s in e.children() {
                    out.push_str(s);
                }
            }
            T::Reference(e) => out.push_str(&inline_text(e.children())),
            T::TitleReference(e) => out.push_str(&inline_text(e.children())),
            _ => {}
        }
    }
    fold_whitespace(&out)
}

/// Strips quotes around a title printed as `400 "Bad Request"` and returns the inner
/// byte range of `text`.
fn unquote(text: &str) -> (usize, usize) {
    let t = text.trim();
    let lead = text.len() - text.trim_start().len();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\''), ('«', '»')] {
        if t.len() >= open.len_utf8() + close.len_utf8()
            && t.starts_with(open)
            && t.ends_with(close)
        {
            return (lead + open.len_utf8(), lead + t.len() - close.len_utf8());
        }
    }
    (lead, lead + t.len())
}

/// Cells whose text is a placeholder for "nothing": `-`, `—`, `N/A`.
fn is_placeholder(text: &str) -> bool {
    matches!(
        text.trim(),
        "" | "-" | "–" | "—" | "N/A" | "n/a" | "None" | "none"
    )
}

/// The span of `needle` in the source within `within`, or `within` itself.
fn locate(source: &str, within: Span, needle: &str) -> Span {
    let slice = source.get(within.start..within.end).unwrap_or("");
    match slice.find(needle) {
        Some(at) if !needle.is_empty() => {
            Span::new(within.start + at, within.start + at + needle.len())
        }
        _ => within,
    }
}

/// Looks like an error code identifier (`APIG.0101`, `DNS.0001`, `E1234`): a digit, no
/// whitespace, and not a status code.
fn is_error_identifier(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .any(|c| c.is_ascii_alphabetic() || c == '.' || c == '_')
        && leading_code(t).is_none()
}

fn table_entries(
    source: &str,
    table: &Table,
    section: &[String],
    registry: &Registry,
) -> Vec<Entry> {
    let ncols = table.columns;
    if ncols == 0 {
        return Vec::new();
    }
    // Header text per column (header rows joined), spanned header cells cover columns.
    let mut headers = vec![String::new(); ncols];
    for row in table.rows.iter().take(table.header_rows) {
        for cell in row {
            for h in headers.iter_mut().skip(cell.col).take(cell.colspan.max(1)) {
                if !h.is_empty() {
                    h.push(' ');
                }
                h.push_str(&cell.text);
            }
        }
    }
    let roles: Vec<ColumnRole> = headers.iter().map(|h| column_role(h)).collect();
    let body: Vec<Vec<Option<&TableCell>>> = table
        .rows
        .iter()
        .skip(table.header_rows)
        .map(|row| {
            let mut cols = vec![None; ncols];
            for cell in row {
                if let Some(slot) = cols.get_mut(cell.col) {
                    *slot = Some(cell);
                }
            }
            cols
        })
        .collect();
    let count = |c: usize, f: &dyn Fn(&str) -> bool| {
        body.iter()
            .filter(|r| r[c].is_some_and(|x| f(&x.text)))
            .count()
    };
    let codes: Vec<usize> = (0..ncols)
        .map(|c| count(c, &|t| leading_code(t.trim()).is_some()))
        .collect();
    let filled: Vec<usize> = (0..ncols)
        .map(|c| count(c, &|t| !t.trim().is_empty()))
        .collect();
    let candidate = |c: usize| codes[c] > 0 && codes[c] * 2 >= filled[c];
    let code_col = (0..ncols).filter(|&c| candidate(c)).max_by_key(|&c| {
        (
            matches!(roles[c], ColumnRole::Code | ColumnRole::CodeAndTitle),
            std::cmp::Reverse(c),
        )
    });
    let Some(code_col) = code_col else {
        return Vec::new();
    };
    // Error-code tables (`APIG.0101` rows with an HTTP status column) list error codes,
    // not status codes.
    for c in (0..ncols).filter(|&c| c != code_col) {
        let header = headers[c].to_ascii_lowercase();
        let error_header = header.contains("error") && header.contains("code");
        let identifiers = count(c, &is_error_identifier);
        if error_header
            || (roles[c] == ColumnRole::Code && identifiers * 2 > filled[c] && identifiers > 0)
        {
            return Vec::new();
        }
    }
    let others: Vec<usize> = (0..ncols).filter(|&c| c != code_col).collect();
    let short = |c: usize| {
        body.iter().all(|r| {
            r[c].is_none_or(|x| {
                x.text.split_whitespace().count() <= 6 && !x.text.trim_end().ends_with('.')
            })
        })
    };
    let has_header = table.header_rows > 0;
    let mut title_col = others
        .iter()
        .copied()
        .find(|&c| roles[c] == ColumnRole::Title);
    let mut description_col = others
        .iter()
        .copied()
        .find(|&c| roles[c] == ColumnRole::Description);
    if title_col.is_none() {
        // "Response" above titles (Rackspace): a code-ish header over words.
        title_col = others.iter().copied().find(|&c| {
            Some(c) != description_col
                && (!has_header || roles[c] == ColumnRole::Code)
                && codes[c] == 0
                && filled[c] > 0
                && short(c)
                && count(c, &|t| t.chars().any(|x| x.is_ascii_digit())) == 0
        });
        if has_header && title_col.is_some_and(|c| roles[c] != ColumnRole::Code) {
            title_col = None;
        }
    }
    if description_col.is_none() {
        description_col = others.iter().copied().rev().find(|&c| {
            Some(c) != title_col
                && (!has_header || roles[c] == ColumnRole::Other)
                && filled[c] > 0
                && !short(c)
        });
        if description_col.is_none() && !has_header {
            description_col = others
                .iter()
                .copied()
                .rev()
                .find(|&c| Some(c) != title_col && filled[c] > 0);
        }
    }
    let mut section = section.to_vec();
    section.retain(|s| !s.is_empty());
    let mut entries = Vec::new();
    for row in &body {
        let Some(code_cell) = row[code_col] else {
            continue;
        };
        let Some(code) = leading_code(code_cell.text.trim()) else {
            continue;
        };
        let digits = &code_cell.text.trim()[..3];
        let code_span = {
            let s = locate(source, code_cell.span, digits);
            if s.len() == 3 {
                s
            } else {
                code_cell.span
            }
        };
        let rest = code_cell.text.trim()[3..].trim_start();
        let rest = rest
            .strip_prefix(['-', ':', '–', '—'])
            .map(str::trim_start)
            .unwrap_or(rest);
        let rest_span = Span::new(code_span.end.min(code_cell.span.end), code_cell.span.end);
        let cell_of = |c: Option<usize>| -> Option<Cell> {
            let cell = row[c?]?;
            (!cell.text.trim().is_empty()).then(|| Cell::new(cell.text.clone(), cell.span))
        };
        let mut title = cell_of(title_col);
        let mut description = cell_of(description_col);
        if title.is_none() && title_col.is_none() && !rest.is_empty() {
            let title_text = if description.is_none() && description_col.is_none() {
                let len = title_len(registry, rest);
                let (t, d) = rest.split_at(len);
                let d = d.trim();
                if !d.is_empty() {
                    description = Some(Cell::new(d.to_owned(), locate(source, rest_span, d)));
                }
                t.trim()
            } else {
                rest
            };
            if !title_text.is_empty() {
                title = Some(Cell::new(
                    title_text.to_owned(),
                    locate(source, rest_span, title_text),
                ));
            }
        }
        if let Some(t) = &mut title {
            let (a, b) = unquote(&t.text);
            if (a, b) != (0, t.text.len()) {
                let inner = t.text[a..b].to_owned();
                t.span = locate(source, t.span, &inner);
                t.text = inner;
            }
            if is_placeholder(&t.text) {
                title = None;
            }
        }
        let _ = fold_whitespace;
        // Grid and simple tables align columns by character: fixes must keep widths.
        if matches!(table.kind, TableKind::Grid | TableKind::Simple) {
            for cell in [&mut title, &mut description].into_iter().flatten() {
                cell.fixed_width = true;
            }
        }
        entries.push(Entry {
            listing: Default::default(), title_certain: true,
            code,
            code_span,
            title,
            description,
            section: section.clone(),
            block: 0,
        });
    }
    entries
}
