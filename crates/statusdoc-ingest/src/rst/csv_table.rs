//! `.. csv-table::`: inline CSV content (or a `:file:` next to the page), `:header:`,
//! `:header-rows:`, `:delim:` and `:quote:`. The CSV dialect is docutils' (Python's
//! `csv` with `skipinitialspace` and doubled quotes); each cell is then read as body
//! text.

use std::path::{Component, Path, PathBuf};

use statusdoc_model::page::Text;
use statusdoc_model::Span;

use super::directive::Directive;
use super::lines::Line;
use super::table::{CellReader, Table, TableCell, TableError, TableKind};

const HELP: &str =
    "csv-table content is comma-separated values; quote cells that contain the delimiter";

/// One parsed CSV field: unquoted text and the span of its source; `lines` are its
/// pieces of the page, one per line (none for a file's field), and `quotes` where a
/// doubled quote stands in them.
struct Field<'a> {
    text: String,
    span: Span,
    lines: Vec<Line<'a>>,
    quotes: Vec<usize>,
}

/// Parses CSV `lines` (any indentation; each line's text as is). Quoted fields may span
/// lines. Spans are exact for fields taken from the page; `fixed_span` overrides them
/// (for content read from a file).
fn parse_csv<'a>(
    lines: &[Line<'a>],
    delim: char,
    quote: char,
    fixed_span: Option<Span>,
) -> Result<Vec<Vec<Field<'a>>>, TableError> {
    let mut rows: Vec<Vec<Field>> = Vec::new();
    let mut row: Vec<Field> = Vec::new();
    let base = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0);
    let mut li = 0;
    while li < lines.len() {
        let line = lines[li];
        if line.is_blank() && row.is_empty() {
            li += 1;
            continue;
        }
        let mut pos = line.indent();
        loop {
            // One field starting at `pos` of line `li`.
            let rest = &lines[li].text[pos..];
            let skipped = rest.len() - rest.trim_start_matches(' ').len();
            pos += skipped;
            let cur = lines[li];
            let mut value = String::new();
            let start = cur.start + pos;
            let mut end = start;
            let mut pieces = Vec::new();
            let mut quotes = Vec::new();
            if cur.text[pos..].starts_with(quote) {
                pos += quote.len_utf8();
                let mut piece_start = pos;
                let mut closed = false;
                loop {
                    let cur = lines[li];
                    let Some(c) = cur.text[pos..].chars().next() else {
                        // Line break inside quotes: the field goes on.
                        if li + 1 >= lines.len() {
                            break;
                        }
                        pieces.push(cur.skip(piece_start));
                        value.push('\n');
                        li += 1;
                        pos = base.min(lines[li].indent());
                        piece_start = pos;
                        continue;
                    };
                    if c == quote {
                        if cur.text[pos + c.len_utf8()..].starts_with(quote) {
                            value.push(quote);
                            quotes.push(cur.start + pos);
                            pos += 2 * c.len_utf8();
                            end = cur.start + pos - c.len_utf8();
                            continue;
                        }
                        pieces.push(Line::new(
                            cur.start + piece_start,
                            &cur.text[piece_start..pos],
                        ));
                        pos += c.len_utf8();
                        closed = true;
                        break;
                    }
                    value.push(c);
                    pos += c.len_utf8();
                    end = cur.start + pos;
                }
                if !closed {
                    return Err(TableError::new(
                        Span::new(start, start + quote.len_utf8()),
                        "malformed csv-table: a quoted cell is never closed",
                        HELP,
                    ));
                }
                let cur = lines[li];
                let after = cur.text[pos..].trim_start_matches(' ');
                if !(after.is_empty() || after.starts_with(delim)) {
                    let at = cur.end() - after.len();
                    return Err(TableError::new(
                        Span::new(at, at + after.chars().next().map_or(0, char::len_utf8)),
                        format!("malformed csv-table: `{delim}` expected after a quoted cell"),
                        HELP,
                    ));
                }
                pos = cur.text.len() - after.len();
            } else {
                let cur_text = &cur.text[pos..];
                let len = cur_text.find(delim).unwrap_or(cur_text.len());
                value.push_str(&cur_text[..len]);
                pieces.push(Line::new(cur.start + pos, &cur_text[..len]));
                pos += len;
                end = cur.start + pos;
            }
            let span = fixed_span.unwrap_or_else(|| {
                // Trim to the field's visible text.
                let lead = value.len() - value.trim_start().len();
                let s = (start + lead).min(end);
                let tail = value.len() - value.trim_end().len();
                Span::new(s, end.saturating_sub(tail).max(s))
            });
            row.push(Field {
                text: value,
                span,
                lines: if fixed_span.is_some() {
                    Vec::new()
                } else {
                    pieces
                },
                quotes,
            });
            let cur = lines[li];
            if cur.text[pos..].starts_with(delim) {
                pos += delim.len_utf8();
                continue;
            }
            break;
        }
        rows.push(std::mem::take(&mut row));
        li += 1;
    }
    Ok(rows)
}

/// The page's directory joined with `file`, refused when it is absolute or leaves the
/// page's directory (`..`), so a page can never make statusdoc read outside the tree
/// it was given.
fn resolve(page: &str, file: &str) -> Result<PathBuf, &'static str> {
    let relative = Path::new(file);
    let mut depth = 0i32;
    for component in relative.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return Err("the `:file:` path leaves the page's directory");
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("the `:file:` path is absolute; give it relative to the page");
            }
        }
    }
    let dir = Path::new(page).parent().unwrap_or(Path::new(""));
    let joined = dir.join(relative);
    // A symbolic link could still point outside: compare the real paths.
    if let (Ok(real_dir), Ok(real)) = (
        std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        }),
        std::fs::canonicalize(&joined),
    ) {
        if !real.starts_with(&real_dir) {
            return Err("the `:file:` path leads outside the page's directory");
        }
    }
    Ok(joined)
}

pub(crate) fn parse<'a>(
    directive: &Directive<'a>,
    page: &str,
    read_cell: &mut CellReader<'_>,
) -> Result<Table, TableError> {
    let delim = match directive.option("delim").map(|v| v.text.trim()) {
        None => ',',
        Some("tab") => '\t',
        Some("space") => ' ',
        Some(d) => d.chars().next().unwrap_or(','),
    };
    let quote = directive
        .option("quote")
        .and_then(|v| v.text.trim().chars().next())
        .unwrap_or('"');
    let mut header: Vec<Vec<Field>> = Vec::new();
    if let Some(h) = directive.option("header") {
        header = parse_csv(&[h], delim, quote, None)?;
    }
    let body_rows = if let Some(file) = directive.option("file") {
        let span = Span::new(file.start, file.end());
        let path = resolve(page, file.text.trim()).map_err(|m| {
            TableError::new(
                span,
                format!("csv-table: {m}"),
                "put the CSV file next to the page, or inline the rows",
            )
        })?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            TableError::new(
                span,
                format!("csv-table: cannot read `{}`: {e}", path.display()),
                "put the CSV file next to the page, or inline the rows",
            )
        })?;
        let file_lines: Vec<Line> = super::lines::split_lines(&text);
        let rows = parse_csv(&file_lines, delim, quote, Some(span))?;
        rows.into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|f| Field {
                        text: f.text,
                        span: f.span,
                        lines: Vec::new(),
                        quotes: Vec::new(),
                    })
                    .collect()
            })
            .collect()
    } else {
        parse_csv(&directive.content, delim, quote, None)?
    };
    let header_rows_option = directive
        .option("header-rows")
        .and_then(|v| v.text.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let header_count = header.len() + header_rows_option.min(body_rows.len());
    let all: Vec<Vec<Field>> = header.into_iter().chain(body_rows).collect();
    if all.is_empty() {
        let at = directive.argument_line.start;
        return Err(TableError::new(
            Span::empty(at),
            "malformed csv-table: no rows",
            HELP,
        ));
    }
    let columns = all.iter().map(Vec::len).max().unwrap_or(0);
    let mut rows = Vec::with_capacity(all.len());
    for (r, fields) in all.into_iter().enumerate() {
        let mut row = Vec::with_capacity(columns);
        for (c, field) in fields.into_iter().enumerate() {
            // A field is read as body text; one with doubled quotes is its text, each
            // doubled quote mapped to its two characters; a file's field is its text,
            // mapped to the `:file:` option.
            let text = if field.lines.is_empty() {
                let mut text = Text::new();
                text.push_mapped(&field.text, field.span);
                text
            } else if field.quotes.is_empty() {
                read_cell(&field.lines).map(|(t, _)| t).unwrap_or_default()
            } else {
                quoted_text(&field, quote)
            };
            row.push(TableCell {
                row: r,
                col: c,
                rowspan: 1,
                colspan: 1,
                text,
                span: field.span,
            });
        }
        rows.push(row);
    }
    Ok(Table {
        kind: TableKind::Csv,
        caption: None,
        header_rows: header_count,
        columns,
        rows,
    })
}

/// The text of a field with doubled quotes, piece by piece.
fn quoted_text(field: &Field, quote: char) -> Text {
    let mut text = Text::new();
    let width = quote.len_utf8();
    for (k, line) in field.lines.iter().enumerate() {
        if k > 0 {
            text.space(Span::empty(line.start));
        }
        let mut at = 0;
        for &q in field
            .quotes
            .iter()
            .filter(|&&q| q >= line.start && q < line.end())
        {
            let cut = q - line.start;
            text.push_source(&line.text[at..cut], line.start + at);
            text.push_mapped(&line.text[cut..cut + width], Span::new(q, q + 2 * width));
            at = cut + 2 * width;
        }
        text.push_source(&line.text[at..], line.start + at);
    }
    text.trim_end();
    text
}
