//! `.. list-table::`: a two-level bullet list, one outer item per row and one inner item
//! per cell, with `:header-rows:` rows of header.

use statusdoc_model::page::Text;
use statusdoc_model::Span;

use super::blocks::bullet;
use super::directive::Directive;
use super::lines::Line;
use super::table::{CellReader, Table, TableCell, TableError, TableKind};

const HELP: &str =
    "a list-table is a bullet list of rows, each row a bullet list with the same number of cells";

pub(crate) fn parse<'a>(
    directive: &Directive<'a>,
    read_cell: &mut CellReader<'_>,
) -> Result<Table, TableError> {
    let content = &directive.content;
    let Some(first) = content.iter().find(|l| !l.is_blank()) else {
        return Err(TableError::new(
            Span::new(directive.argument_line.start, directive.argument_line.end()),
            "malformed list-table: no content",
            HELP,
        ));
    };
    let base = first.indent();
    let (rows, next) = list_items(content, 0, base);
    if let Some(extra) = content.get(next).filter(|l| !l.is_blank()) {
        return Err(TableError::new(
            Span::new(extra.start + extra.indent(), extra.trim_end().end()),
            "malformed list-table: expected a bullet list item (`* -`) here",
            HELP,
        ));
    }
    if rows.is_empty() {
        return Err(TableError::new(
            Span::new(first.start + first.indent(), first.trim_end().end()),
            "malformed list-table: the content is not a bullet list",
            HELP,
        ));
    }
    let mut table_rows = Vec::with_capacity(rows.len());
    let mut columns = None;
    for (r, (line_index, row_body)) in rows.iter().enumerate() {
        let row_line = content[*line_index];
        let inner_base = row_body
            .iter()
            .find(|l| !l.is_blank())
            .map_or(0, Line::indent);
        let (cells, after) = list_items(row_body, 0, inner_base);
        let stray = row_body.get(after).filter(|l| !l.is_blank());
        if cells.is_empty() || stray.is_some() {
            let at = stray.copied().unwrap_or(row_line);
            return Err(TableError::new(
                Span::new(at.start + at.indent(), at.trim_end().end()),
                "malformed list-table: each row must be a bullet list of cells (`- cell`)",
                HELP,
            ));
        }
        match columns {
            None => columns = Some(cells.len()),
            Some(n) if n != cells.len() => {
                return Err(TableError::new(
                    Span::new(
                        row_line.start + row_line.indent(),
                        row_line.trim_end().end(),
                    ),
                    format!(
                        "malformed list-table: this row has {} cells but the first row has {}",
                        cells.len(),
                        n
                    ),
                    HELP,
                ));
            }
            Some(_) => {}
        }
        let mut row = Vec::with_capacity(cells.len());
        for (c, (cell_index, cell_body)) in cells.iter().enumerate() {
            let (text, span) = read_cell(cell_body).unwrap_or_else(|| {
                let l = row_body[*cell_index];
                (Text::new(), Span::empty(l.end()))
            });
            row.push(TableCell {
                row: r,
                col: c,
                rowspan: 1,
                colspan: 1,
                text,
                span,
            });
        }
        table_rows.push(row);
    }
    let header_rows = directive
        .option("header-rows")
        .and_then(|v| v.text.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(table_rows.len());
    Ok(Table {
        kind: TableKind::List,
        caption: None,
        header_rows,
        columns: columns.unwrap_or(0),
        rows: table_rows,
    })
}

/// The items of a bullet list whose markers sit at column `base`, starting at
/// `lines[i]`: each item's body with its lines cut at the item's text column, and the
/// index after the list. Stops at a line that is not an item with the same bullet.
fn list_items<'a>(
    lines: &[Line<'a>],
    mut i: usize,
    base: usize,
) -> (Vec<(usize, Vec<Line<'a>>)>, usize) {
    let mut items = Vec::new();
    let mut kind: Option<char> = None;
    while i < lines.len() {
        let l = lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if l.indent() != base {
            break;
        }
        let Some((c, len)) = l.text.get(base..).and_then(bullet) else {
            break;
        };
        if kind.is_some_and(|k| k != c) {
            break;
        }
        kind = Some(c);
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
        while k < lines.len() && (lines[k].is_blank() || lines[k].indent() >= text_col) {
            body.push(lines[k].skip(text_col));
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
