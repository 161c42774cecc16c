//! `.. list-table::`: a two-level bullet list, one outer item per row and one inner item
//! per cell, with `:header-rows:` rows of header.

use statusdoc_model::Span;

use super::body;
use super::directive::Directive;
use super::lines::Line;
use super::table::{Table, TableCell, TableError, TableKind};

const HELP: &str =
    "a list-table is a bullet list of rows, each row a bullet list with the same number of cells";

pub(crate) fn parse(
    lines: &[Line],
    directive: &Directive,
    caption: Option<String>,
) -> Result<Table, TableError> {
    let content = &lines[directive.content.clone()];
    let Some(first) = content.iter().find(|l| !l.is_blank()) else {
        return Err(TableError::new(
            Span::new(directive.argument_line.start, directive.argument_line.end()),
            "malformed list-table: no content",
            HELP,
        ));
    };
    let base = first.indent();
    let (rows, next) = body::list_items(content, 0, base);
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
        let (cells, after) = body::list_items(row_body, 0, inner_base);
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
            let (text, span) = body::cell(cell_body).unwrap_or_else(|| {
                let l = row_body[*cell_index];
                (String::new(), Span::empty(l.end()))
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
        caption,
        header_rows,
        columns: columns.unwrap_or(0),
        rows: table_rows,
        start: lines
            .get(directive.content.start.saturating_sub(1))
            .map_or(0, |l| l.start),
    })
}
