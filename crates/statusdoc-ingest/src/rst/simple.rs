//! Simple tables (`=====  =====`), read the way docutils' `SimpleTableParser` reads
//! them: the top border fixes the columns, a line whose first column has text starts a
//! row, `-----` underlines give column spans, and the last column may run past its
//! border.

use statusdoc_model::page::Text;
use statusdoc_model::Span;

use super::lines::Line;
use super::table::{CellReader, Table, TableCell, TableError, TableKind};

const HELP: &str =
    "keep a simple table's text inside the columns set by its top `=====  =====` border";

/// `=====  =====` (at least two columns), as docutils requires of a simple table border.
pub(crate) fn is_border(text: &str) -> bool {
    let t = text.trim_end();
    let b = t.as_bytes();
    !b.is_empty() && b[0] == b'=' && b.iter().all(|&c| c == b'=' || c == b' ') && t.contains(" =")
}

/// Where a simple table that starts at `lines[start]` (indented `indent`) ends: the index
/// of its bottom border. `Err` when the borders do not match or there is no bottom.
pub(crate) fn isolate(lines: &[Line], start: usize, indent: usize) -> Result<usize, TableError> {
    let top = lines[start].skip(indent).trim_end();
    let toplen = top.width();
    let mut found = 0;
    let mut found_at = None;
    let mut i = start + 1;
    while i < lines.len() {
        let line = lines[i];
        if !line.is_blank() && line.indent() < indent {
            break;
        }
        let text = line.skip(indent).trim_end();
        if is_border(text.text) {
            if text.width() != toplen {
                return Err(TableError::new(
                    Span::new(text.start, text.end()),
                    format!(
                        "malformed simple table: this border is {} columns wide but the top border is {}",
                        text.width(),
                        toplen
                    ),
                    HELP,
                ));
            }
            found += 1;
            found_at = Some(i);
            let next_blank = lines.get(i + 1).is_none_or(|l| l.is_blank());
            if found == 2 || next_blank {
                return Ok(i);
            }
        }
        i += 1;
    }
    let at = found_at.map_or(top.end(), |f| lines[f].end());
    Err(TableError::new(
        Span::empty(at),
        if found_at.is_some() {
            "malformed simple table: no bottom border, or no blank line after it"
        } else {
            "malformed simple table: no bottom border found"
        },
        HELP,
    ))
}

/// `-----  -----` (or a border): a column span underline ending a row.
fn is_span_line(text: &str) -> bool {
    let b = text.trim_end().as_bytes();
    !b.is_empty() && b[0] == b'-' && b.iter().all(|&c| c == b'-' || c == b' ')
}

/// Column ranges (start, end) of an underline.
fn columns_of(text: &str, dash: u8) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut cols = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == dash {
            let s = i;
            while i < b.len() && b[i] == dash {
                i += 1;
            }
            cols.push((s, i));
        } else {
            i += 1;
        }
    }
    cols
}

/// Reads the simple table `lines` (top border to bottom border, cut at its left edge).
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    cell: &mut CellReader<'_>,
) -> Result<Table, TableError> {
    let n = lines.len();
    if n < 2 {
        let at = lines.first().map_or(0, |l| l.start);
        return Err(TableError::new(
            Span::empty(at),
            "malformed simple table: too short",
            HELP,
        ));
    }
    // Borders are ASCII, so byte columns are character columns on them.
    let columns = columns_of(lines[0].text.trim_end(), b'=');
    let Some(&(first_start, first_end)) = columns.first() else {
        return Err(TableError::new(
            Span::empty(lines[0].start),
            "malformed simple table: no columns",
            HELP,
        ));
    };
    let border_end = columns.last().map_or(0, |c| c.1);
    let mut head_sep = None;
    for (i, line) in lines.iter().enumerate().take(n - 1).skip(1) {
        if is_border(line.text) {
            if head_sep.is_some() {
                return Err(TableError::new(
                    Span::new(line.start, line.trim_end().end()),
                    "malformed simple table: more than one header separator",
                    "a simple table has one `=====` line between header and body at most",
                ));
            }
            head_sep = Some(i);
        }
    }
    let is_rule = |i: usize| i == n - 1 || Some(i) == head_sep || is_span_line(lines[i].text);
    let mut rows: Vec<(usize, Vec<TableCell>)> = Vec::new();
    let mut start = 1;
    let mut text_found = false;
    let mut offset = 1;
    while offset < n {
        let line = lines[offset];
        if is_rule(offset) {
            let span_cols = if offset == n - 1 || Some(offset) == head_sep {
                None
            } else {
                Some(columns_of(line.text.trim_end(), b'-'))
            };
            if start < offset || span_cols.is_some() {
                let row = parse_row(
                    lines,
                    (start, offset),
                    span_cols,
                    &columns,
                    border_end,
                    rows.len(),
                    cell,
                )?;
                if let Some(row) = row {
                    rows.push((start, row));
                }
            }
            start = offset + 1;
            text_found = false;
        } else if !line.columns(first_start, first_end).text.trim().is_empty() {
            if text_found && offset != start {
                let row = parse_row(
                    lines,
                    (start, offset),
                    None,
                    &columns,
                    border_end,
                    rows.len(),
                    cell,
                )?;
                if let Some(row) = row {
                    rows.push((start, row));
                }
            }
            start = offset;
            text_found = true;
        } else if !text_found {
            start = offset + 1;
        }
        offset += 1;
    }
    let header_rows = match head_sep {
        Some(h) => rows.iter().position(|(s, _)| *s > h).unwrap_or(rows.len()),
        None => 0,
    };
    Ok(Table {
        kind: TableKind::Simple,
        caption: None,
        header_rows,
        columns: columns.len(),
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    })
}

fn parse_row<'a>(
    lines: &[Line<'a>],
    (start, end): (usize, usize),
    span_cols: Option<Vec<(usize, usize)>>,
    columns: &[(usize, usize)],
    border_end: usize,
    row_index: usize,
    read_cell: &mut CellReader<'_>,
) -> Result<Option<Vec<TableCell>>, TableError> {
    let row_lines = &lines[start..end];
    if row_lines.is_empty() && span_cols.is_none() {
        return Ok(None);
    }
    let mut cols = match span_cols {
        Some(mut c) => {
            let line = lines[end];
            if c.last().map(|l| l.1) != Some(border_end) {
                let at = line.start + c.last().map_or(0, |l| l.1);
                return Err(TableError::new(
                    Span::empty(at),
                    "malformed simple table: a column span underline must reach the last column",
                    HELP,
                ));
            }
            if let (Some(last), Some(main)) = (c.last_mut(), columns.last()) {
                last.1 = main.1;
            }
            c
        }
        None => columns.to_vec(),
    };
    // Text in the margin between columns (the last column may overflow).
    for (i, &(_, col_end)) in cols.iter().enumerate() {
        let next_start = cols.get(i + 1).map(|c| c.0);
        let Some(next_start) = next_start else { break };
        for line in row_lines {
            let margin = line.columns(col_end, next_start);
            if let Some((p, c)) = margin.text.char_indices().find(|(_, c)| !c.is_whitespace()) {
                // The whole character, however many bytes it takes.
                return Err(TableError::new(
                    Span::new(margin.start + p, margin.start + p + c.len_utf8()),
                    "malformed simple table: text in the margin between two columns",
                    HELP,
                ));
            }
        }
    }
    // Column spans: each underline segment must start and end on column boundaries.
    let mut cells = Vec::with_capacity(cols.len());
    let mut k = 0;
    let last = cols.len().saturating_sub(1);
    for (i, (s, e)) in cols.iter_mut().enumerate() {
        let first_col = k;
        if columns.get(k).map(|c| c.0) != Some(*s) {
            let at = lines[end.min(lines.len() - 1)].start + *s;
            return Err(TableError::new(
                Span::empty(at),
                "malformed simple table: a column span underline does not line up with the columns",
                HELP,
            ));
        }
        while columns.get(k).map(|c| c.1) != Some(*e) {
            k += 1;
            if k >= columns.len() {
                let at = lines[end.min(lines.len() - 1)].start + *e;
                return Err(TableError::new(
                    Span::empty(at),
                    "malformed simple table: a column span underline does not line up with the columns",
                    HELP,
                ));
            }
        }
        let to = if i == last { usize::MAX } else { *e };
        let content: Vec<Line> = row_lines.iter().map(|l| l.columns(*s, to)).collect();
        let (text, span) = read_cell(&content).unwrap_or_else(|| {
            let at = row_lines.first().map_or(0, |l| l.columns(*s, *s).start);
            (Text::new(), Span::empty(at))
        });
        cells.push(TableCell {
            row: row_index,
            col: first_col,
            rowspan: 1,
            colspan: k - first_col + 1,
            text,
            span,
        });
        k += 1;
    }
    Ok(Some(cells))
}
