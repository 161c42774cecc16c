//! Grid tables, read the way docutils' `GridTableParser` reads them: cells are the
//! rectangles found by walking borders from `+` corners, so row and column spans fall
//! out of the layout. Everything works on the original lines (no copy of the table),
//! so each cell keeps the byte span of its text.

use std::collections::BTreeSet;

use statusdoc_model::page::Text;
use statusdoc_model::Span;

use super::lines::Line;
use super::table::{CellReader, Table, TableCell, TableError, TableKind};

const HELP: &str = "every row of a grid table must have its `|` and `+` borders in the same columns as the top border";

/// `+-...-+` with only `-` and `+` inside: a grid table's top or bottom border.
pub(crate) fn is_border(text: &str) -> bool {
    let t = text.trim_end().as_bytes();
    t.len() >= 3
        && t[0] == b'+'
        && t[1] == b'-'
        && t[t.len() - 1] == b'+'
        && t[t.len() - 2] == b'-'
        && t.iter().all(|&b| b == b'-' || b == b'+')
}

/// `+=...=+`: the header separator.
fn is_head_separator(text: &str) -> bool {
    let t = text.trim_end().as_bytes();
    t.len() >= 3
        && t[0] == b'+'
        && t[1] == b'='
        && t[t.len() - 1] == b'+'
        && t[t.len() - 2] == b'='
        && t.iter().all(|&b| b == b'=' || b == b'+')
}

/// The table's lines, each starting at the table's left edge and without trailing
/// whitespace, plus per-line character-to-byte maps for lines that are not ASCII.
struct Grid<'a> {
    lines: Vec<Line<'a>>,
    maps: Vec<Option<Vec<u32>>>,
    head_sep: Option<usize>,
}

impl<'a> Grid<'a> {
    /// The border character at row `r`, column `c` (0 for none or non-ASCII); `=` on the
    /// header separator reads as `-`, as docutils rewrites it.
    #[inline]
    fn at(&self, r: usize, c: usize) -> u8 {
        let Some(line) = self.lines.get(r) else {
            return 0;
        };
        let b = match &self.maps[r] {
            None => line.text.as_bytes().get(c).copied().unwrap_or(0),
            Some(map) => match map.get(c) {
                Some(&i) => {
                    let b = line.text.as_bytes()[i as usize];
                    if b.is_ascii() {
                        b
                    } else {
                        0
                    }
                }
                None => 0,
            },
        };
        if b == b'=' && self.head_sep == Some(r) {
            b'-'
        } else {
            b
        }
    }

    fn byte(&self, r: usize, c: usize) -> usize {
        let line = self.lines[r];
        match &self.maps[r] {
            None => c.min(line.text.len()),
            Some(map) => map.get(c).map_or(line.text.len(), |&i| i as usize),
        }
    }

    fn pos(&self, r: usize, c: usize) -> usize {
        self.lines[r].start + self.byte(r, c)
    }

    /// Columns `from..to` of row `r`, as a line with its page offset.
    fn slice(&self, r: usize, from: usize, to: usize) -> Line<'a> {
        let line = self.lines[r];
        let a = self.byte(r, from);
        let b = self.byte(r, to).max(a);
        Line::new(line.start + a, &line.text[a..b])
    }
}

/// Where the grid table whose top border is `lines[top]` (at column 0) ends: the line
/// to read on from, the end of the table's lines when it can be read, and what is
/// wrong with it. docutils keeps a table up to its last full border line; rows after
/// it are reported, as is a left border out of line.
pub(crate) fn isolate(lines: &[Line], top: usize) -> (usize, Option<usize>, Option<TableError>) {
    let edge = |l: &Line| matches!(l.text.as_bytes().first(), Some(b'+' | b'|'));
    let mut e = top + 1;
    while e < lines.len() && !lines[e].is_blank() && edge(&lines[e]) {
        e += 1;
    }
    if is_border(lines[e - 1].text) {
        return (e, Some(e), None);
    }
    let stopped_at = lines.get(e).filter(|l| !l.is_blank()).copied();
    let found = (top + 2..e.saturating_sub(1))
        .rev()
        .find(|&j| is_border(lines[j].text));
    match (found, stopped_at) {
        (_, Some(bad)) => {
            let at = bad.start + bad.indent();
            let len = bad.text[bad.indent()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            let error = TableError::new(
                Span::new(at, at + len),
                "malformed grid table: left border not aligned: expected `|` or `+` at column 1",
                "every row of a grid table must start in the same column as its top border",
            );
            (e, None, Some(error))
        }
        (Some(j), None) => {
            // docutils also says "Blank line required after table": the rows after
            // the last border are not read (nor read as text: they are a broken part
            // of the table), and the author must know.
            let dropped = lines[j + 1];
            let at = dropped.start + dropped.indent();
            let error = TableError::new(
                Span::new(at, dropped.trim_end().end()),
                "malformed grid table: this row has no bottom border, so it is not part of the table",
                "close the row with a border line such as the table's top border",
            );
            (e, Some(j + 1), Some(error))
        }
        (None, None) => {
            let last = lines[e - 1];
            let error = TableError::new(
                Span::empty(last.trim_end().end()),
                "malformed grid table: no bottom border (`+---+`) after the last row",
                "close the table with a border line like its top border",
            );
            (e, None, Some(error))
        }
    }
}

/// Reads a grid table whose lines are `lines` (every line from the top border to the
/// bottom border, cut at the table's left edge); `cell` reads each cell's content.
pub(crate) fn parse<'a>(
    lines: &[Line<'a>],
    cell: &mut CellReader<'_>,
) -> Result<Table, TableError> {
    let Some(first) = lines.first() else {
        return Err(TableError::new(Span::empty(0), "empty grid table", HELP));
    };
    let mut maps = Vec::with_capacity(lines.len());
    let mut trimmed = Vec::with_capacity(lines.len());
    for line in lines {
        let line = line.trim_end();
        trimmed.push(line);
        maps.push(if line.text.is_ascii() {
            None
        } else {
            Some(line.text.char_indices().map(|(i, _)| i as u32).collect())
        });
    }
    let width = trimmed[0].width();
    // Left and right edges: the same width on every line, ending in `|` or `+`.
    for (r, line) in trimmed.iter().enumerate() {
        let first_char = line.text.as_bytes().first().copied().unwrap_or(0);
        if first_char != b'+' && first_char != b'|' {
            return Err(TableError::new(
                Span::new(
                    line.start,
                    line.start + line.text.chars().next().map_or(0, char::len_utf8),
                ),
                "malformed grid table: left border missing (expected `|` or `+`)",
                HELP,
            ));
        }
        let w = line.width();
        let last = line.text.as_bytes().last().copied().unwrap_or(0);
        if w != width || (last != b'+' && last != b'|') {
            let grid = Grid {
                lines: trimmed.clone(),
                maps: maps.clone(),
                head_sep: None,
            };
            // Point where the right border should be: the end of a short line, the last
            // column of a line of the right width, the first column past the border.
            let at = if w < width {
                w
            } else if w > width {
                width
            } else {
                width - 1
            };
            let start = grid.pos(r, at);
            let end = line.text[start - line.start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            let message = if w < width {
                format!(
                    "malformed grid table: right border missing or not aligned: this line ends at column {} but the top border ends at column {}",
                    w, width
                )
            } else if w > width {
                format!(
                    "malformed grid table: right border not aligned: text goes past the top border's last column {}",
                    width
                )
            } else {
                "malformed grid table: right border missing (expected `|` or `+`)".to_owned()
            };
            return Err(TableError::new(Span::new(start, end), message, HELP));
        }
    }
    let mut head_sep = None;
    for (r, line) in trimmed.iter().enumerate() {
        if is_head_separator(line.text) {
            if head_sep.is_some() {
                return Err(TableError::new(
                    Span::new(line.start, line.end()),
                    "malformed grid table: more than one header separator (`+===+`)",
                    "a grid table has at most one `+===+` line, between the header and the body",
                ));
            }
            head_sep = Some(r);
        }
    }
    let bottom = trimmed.len() - 1;
    if head_sep == Some(bottom) || head_sep == Some(0) {
        let line = trimmed[bottom.min(head_sep.unwrap_or(0))];
        return Err(TableError::new(
            Span::new(line.start, line.end()),
            "malformed grid table: the header separator (`+===+`) cannot be the first or last line",
            "add body rows below the header separator",
        ));
    }
    let grid = Grid {
        lines: trimmed,
        maps,
        head_sep,
    };
    let right = width.saturating_sub(1);
    if right == 0 || first.text.is_empty() {
        return Err(TableError::new(
            Span::new(first.start, first.end()),
            "malformed grid table: no columns",
            HELP,
        ));
    }
    parse_cells(&grid, bottom, right, cell)
}

struct RawCell {
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
}

fn parse_cells<'a>(
    grid: &Grid<'a>,
    bottom: usize,
    right: usize,
    read_cell: &mut CellReader<'_>,
) -> Result<Table, TableError> {
    let mut done: Vec<isize> = vec![-1; right + 1];
    let mut cells: Vec<RawCell> = Vec::new();
    let mut rowseps: BTreeSet<usize> = BTreeSet::from([0]);
    let mut colseps: BTreeSet<usize> = BTreeSet::from([0]);
    let mut corners: BTreeSet<(usize, usize)> = BTreeSet::from([(0, 0)]);
    while let Some((top, left)) = corners.pop_first() {
        if top == bottom || left == right || top as isize <= done[left] {
            continue;
        }
        let Some((cb, cr)) = scan_cell(grid, top, left, bottom, right, &mut rowseps, &mut colseps)
        else {
            continue;
        };
        for d in &mut done[left..cr] {
            if *d != top as isize - 1 {
                // A cell overlapping one already read: the borders are inconsistent.
                return Err(incomplete(grid, top, left));
            }
            *d = cb as isize - 1;
        }
        cells.push(RawCell {
            top,
            left,
            bottom: cb,
            right: cr,
        });
        corners.insert((top, cr));
        corners.insert((cb, left));
    }
    let last = bottom as isize - 1;
    if let Some(col) = (0..right).find(|&c| done[c] != last) {
        // Point at the corner where reading stopped: the first line not covered by a
        // cell, at the left edge of the first uncovered column.
        let row = (done[col] + 1) as usize;
        let mut left = col;
        while left > 0 && grid.at(row, left) != b'+' && grid.at(row, left) != b'|' {
            left -= 1;
        }
        return Err(incomplete(grid, row, left));
    }
    let rows: Vec<usize> = rowseps.into_iter().collect();
    let cols: Vec<usize> = colseps.into_iter().collect();
    let row_index = |r: usize| rows.binary_search(&r).ok();
    let col_index = |c: usize| cols.binary_search(&c).ok();
    let nrows = rows.len().saturating_sub(1);
    let ncols = cols.len().saturating_sub(1);
    let mut table_rows: Vec<Vec<TableCell>> = vec![Vec::new(); nrows];
    let mut used = 0usize;
    for cell in &cells {
        let (Some(r0), Some(r1), Some(c0), Some(c1)) = (
            row_index(cell.top),
            row_index(cell.bottom),
            col_index(cell.left),
            col_index(cell.right),
        ) else {
            return Err(incomplete(grid, cell.top, cell.left));
        };
        used += (r1 - r0) * (c1 - c0);
        let content: Vec<Line> = (cell.top + 1..cell.bottom)
            .map(|r| grid.slice(r, cell.left + 1, cell.right))
            .collect();
        if c1 - c0 > 1 || r1 - r0 > 1 {
            stray_border(grid, cell, &content, &cols[c0 + 1..c1], &rows[r0 + 1..r1])?;
        }
        let (text, span) = read_cell(&content).unwrap_or_else(|| {
            let at = grid.pos(cell.top + 1, cell.left + 1);
            (Text::new(), Span::empty(at))
        });
        if let Some(row) = table_rows.get_mut(r0) {
            row.push(TableCell {
                row: r0,
                col: c0,
                rowspan: r1 - r0,
                colspan: c1 - c0,
                text,
                span,
            });
        }
    }
    if used != nrows * ncols {
        return Err(incomplete(grid, 0, 0));
    }
    for row in &mut table_rows {
        row.sort_by_key(|c| c.col);
    }
    let header_rows = grid
        .head_sep
        .and_then(|h| rows.binary_search(&h).ok())
        .unwrap_or(0);
    Ok(Table {
        kind: TableKind::Grid,
        caption: None,
        header_rows,
        columns: ncols,
        rows: table_rows,
    })
}

/// A spanned cell holding a `|` next to a column boundary it spans, or a line of `-`
/// on a row boundary it spans: docutils reads these as text of the spanned cell, but
/// on a vendor page they are a border out of line, so they are reported instead of
/// being read as a merged cell.
fn stray_border(
    grid: &Grid,
    cell: &RawCell,
    content: &[Line],
    inner_cols: &[usize],
    inner_rows: &[usize],
) -> Result<(), TableError> {
    let located = |start: usize| {
        TableError::new(
            Span::new(start, start + 1),
            "malformed grid table: a border does not line up with the rest of its row or column",
            HELP,
        )
    };
    for (k, line) in content.iter().enumerate() {
        let r = cell.top + 1 + k;
        for &c in inner_cols {
            for cc in [c, c + 1, c.wrapping_sub(1)] {
                if cc > cell.left && cc < cell.right && grid.at(r, cc) == b'|' {
                    return Err(located(grid.pos(r, cc)));
                }
            }
        }
        if inner_rows.contains(&r) {
            let t = line.text.trim();
            if !t.is_empty()
                && t.bytes().all(|b| matches!(b, b'-' | b'+' | b'=' | b' '))
                && t.contains('-')
            {
                return Err(located(
                    line.start + (line.text.len() - line.text.trim_start().len()),
                ));
            }
        }
    }
    Ok(())
}

fn incomplete(grid: &Grid, row: usize, col: usize) -> TableError {
    let row = row.min(grid.lines.len() - 1);
    let start = grid.pos(row, col);
    // The whole character there (none past the end of its line).
    let width = grid.lines[row].text[grid.byte(row, col)..]
        .chars()
        .next()
        .map_or(0, char::len_utf8);
    TableError::new(
        Span::new(start, start + width),
        "malformed grid table: a cell's borders do not line up (a cell cut by a span, or a `+` or `|` out of place)",
        HELP,
    )
}

/// Walks right from the corner at `(top, left)`, then down, left and up, to find the
/// cell rectangle that starts there; records every `+` met as a row/column boundary.
fn scan_cell(
    grid: &Grid,
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
    rowseps: &mut BTreeSet<usize>,
    colseps: &mut BTreeSet<usize>,
) -> Option<(usize, usize)> {
    if grid.at(top, left) != b'+' {
        return None;
    }
    let mut found_cols: Vec<usize> = Vec::new();
    for i in left + 1..=right {
        match grid.at(top, i) {
            b'+' => {
                found_cols.push(i);
                if let Some((b, rs, cs)) = scan_down(grid, top, left, i, bottom) {
                    colseps.extend(found_cols);
                    colseps.extend(cs);
                    rowseps.extend(rs);
                    return Some((b, i));
                }
            }
            b'-' => {}
            _ => return None,
        }
    }
    None
}

type Seps = (usize, Vec<usize>, Vec<usize>);

fn scan_down(grid: &Grid, top: usize, left: usize, right: usize, bottom: usize) -> Option<Seps> {
    let mut rows = Vec::new();
    for i in top + 1..=bottom {
        match grid.at(i, right) {
            b'+' => {
                rows.push(i);
                if let Some((more_rows, cols)) = scan_left(grid, top, left, i, right) {
                    rows.extend(more_rows);
                    return Some((i, rows, cols));
                }
            }
            b'|' => {}
            _ => return None,
        }
    }
    None
}

fn scan_left(
    grid: &Grid,
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut cols = Vec::new();
    for i in (left + 1..right).rev() {
        match grid.at(bottom, i) {
            b'+' => cols.push(i),
            b'-' => {}
            _ => return None,
        }
    }
    if grid.at(bottom, left) != b'+' {
        return None;
    }
    let mut rows = Vec::new();
    for i in (top + 1..bottom).rev() {
        match grid.at(i, left) {
            b'+' => rows.push(i),
            b'|' => {}
            _ => return None,
        }
    }
    Some((rows, cols))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rst::lines::split_lines;

    fn table(text: &str) -> Result<Table, TableError> {
        let mut read = |lines: &[Line]| {
            let mut text = Text::new();
            for line in lines {
                text.push_source(line.text, line.start);
            }
            text.trim_end();
            (!text.is_empty()).then(|| (text, Span::empty(0)))
        };
        parse(&split_lines(text), &mut read)
    }

    #[test]
    fn spans_and_headers() {
        let t = table(
            "+-----+-----+\n| A   | B   |\n+=====+=====+\n| 1   | 2   |\n+-----+     +\n| 3   |     |\n+-----+-----+\n| wide      |\n+-----------+",
        )
        .unwrap();
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.columns, 2);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[1][1].rowspan, 2);
        assert_eq!(t.rows[1][1].text.as_str(), "2");
        assert_eq!(t.rows[3][0].colspan, 2);
        assert_eq!(t.rows[3][0].text.as_str(), "wide");
    }

    #[test]
    fn ragged_border_is_located() {
        let e = table("+---+---+\n| a | b |\n| c | d\n+---+---+").unwrap_err();
        assert_eq!(e.span, Span::empty(10 + 10 + 7));
    }
}
