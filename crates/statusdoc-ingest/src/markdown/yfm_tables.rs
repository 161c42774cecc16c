//! Multi-line tables of YFM, the Markdown dialect of the Diplodoc documentation platform
//! (and of the sites built with it):
//!
//! ```text
//! #|
//! || **Status** | **Description** ||
//! || `404` | The resource
//! does not exist ||
//! |#
//! ```
//!
//! `#|` and `|#` on lines of their own open and close the table, `||` opens and closes a
//! row, `|` separates cells, and a cell is Markdown that may run over several lines and
//! paragraphs. CommonMark reads all of it as paragraphs of pipes, so the reader reads the
//! table apart.
//!
//! Hand-written because no crate reads this syntax (its only implementation is the
//! platform's markdown-it plugin); each cell is read by the Markdown reader itself and
//! placed at its bytes, so every extracted character keeps its place. Pipes inside code
//! spans, escaped pipes and tables nested in a cell do not split cells; a nested table
//! stays in its cell as text. A `#|` that is never closed is no table.

use std::ops::Range;

use statusdoc_model::page::{Block, Table, TableCell};

use super::Region;

/// The `#|` … `|#` tables of a page, in page order.
pub(super) fn regions(text: &str) -> Vec<Region> {
    let mut found = Vec::new();
    if !text.contains("#|") {
        return found;
    }
    let lines = lines(text);
    let mut k = 0;
    while k < lines.len() {
        if !is_marker(text, &lines[k], "#|") {
            k += 1;
            continue;
        }
        let open = lines[k].clone();
        let mut depth = 1;
        let mut close = None;
        for (j, line) in lines.iter().enumerate().skip(k + 1) {
            if is_marker(text, line, "#|") {
                depth += 1;
            } else if is_marker(text, line, "|#") {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
        }
        let Some(close) = close else {
            // Never closed: no table here, and none opened later can close either.
            break;
        };
        let body = open.end..lines[close].start;
        let rows = rows(text, body);
        if !rows.is_empty() {
            let mut table = Table::default();
            for row in rows {
                table.rows.push(
                    row.into_iter()
                        .map(|cell| {
                            TableCell::new(super::fragment_text(&text[cell.clone()], cell.start))
                        })
                        .collect(),
                );
            }
            found.push(Region {
                range: open.start..lines[close].end,
                blocks: vec![Block::Table(table)],
            });
        }
        k = close + 1;
    }
    found
}

/// Each line's range, without its line break.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        out.push(start..start + content.len());
        start += line.len();
    }
    out
}

fn is_marker(text: &str, line: &Range<usize>, marker: &str) -> bool {
    text[line.clone()].trim() == marker
}

/// The rows of a table body, each a list of cell ranges (trimmed).
fn rows(text: &str, body: Range<usize>) -> Vec<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut cells: Vec<Range<usize>> = Vec::new();
    let mut cell_start = None;
    let mut depth = 0usize;
    let mut fenced = false;
    let mut at_line_start = true;
    let mut i = body.start;
    while i < body.end {
        if at_line_start {
            at_line_start = false;
            let line_end = text[i..body.end].find('\n').map_or(body.end, |k| i + k);
            let line = text[i..line_end].trim();
            let nested = if line == "#|" {
                depth += 1;
                true
            } else if line == "|#" && depth > 0 {
                depth -= 1;
                true
            } else {
                false
            };
            let fence = line.starts_with("```") || line.starts_with("~~~");
            fenced ^= fence;
            if nested || depth > 0 || fenced || fence {
                i = line_end;
                continue;
            }
        }
        match bytes[i] {
            b'\n' => {
                at_line_start = true;
                i += 1;
            }
            b'\\' => i += 2,
            b'`' => i = after_code_span(text, i, body.end),
            b'|' if bytes.get(i + 1) == Some(&b'|') && i + 1 < body.end => {
                match cell_start.take() {
                    None => cell_start = Some(i + 2),
                    Some(start) => {
                        cells.push(trimmed(text, start..i));
                        rows.push(std::mem::take(&mut cells));
                    }
                }
                i += 2;
            }
            b'|' => {
                if let Some(start) = cell_start {
                    cells.push(trimmed(text, start..i));
                    cell_start = Some(i + 1);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    rows
}

/// Where a code span opened by the backticks at `at` ends (after its closing run), or
/// just past the opening run when it is never closed (the backticks are literal).
fn after_code_span(text: &str, at: usize, end: usize) -> usize {
    let run = text[at..end].bytes().take_while(|&b| b == b'`').count();
    let mut k = at + run;
    while k < end {
        let Some(next) = text[k..end].find('`').map(|j| k + j) else {
            break;
        };
        let closing = text[next..end].bytes().take_while(|&b| b == b'`').count();
        if closing == run {
            return next + closing;
        }
        k = next + closing;
    }
    at + run
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let raw = &text[range.clone()];
    let start = range.start + (raw.len() - raw.trim_start().len());
    let end = range.end - (raw.len() - raw.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        let found = regions(text);
        assert_eq!(found.len(), 1, "one table");
        let Block::Table(table) = &found[0].blocks[0] else {
            panic!("a table");
        };
        table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| c.text.as_str().to_owned()).collect())
            .collect()
    }

    #[test]
    fn rows_cells_and_multiline_cells() {
        let page = "#|\n|| **Status** | **Meaning** ||\n|| `404` | Not Found.\n\nThe item is gone ||\n|| `a|b` | x \\| y ||\n|#\n";
        assert_eq!(
            cells(page),
            vec![
                vec!["Status", "Meaning"],
                vec!["404", "Not Found.\n\nThe item is gone"],
                vec!["a|b", "x | y"],
            ]
        );
        let range = regions(page)[0].range.clone();
        assert_eq!(&page[range], page.trim_end());
    }

    #[test]
    fn cells_keep_their_bytes() {
        let page = "text\n\n#|\n|| 429 | Too Many Requests ||\n|#\n";
        let Block::Table(table) = &regions(page)[0].blocks[0] else {
            panic!("a table");
        };
        let cell = &table.rows[0][1].text;
        let span = cell.source_span(0..cell.len());
        assert_eq!(&page[span.start..span.end], "Too Many Requests");
    }

    #[test]
    fn nested_tables_stay_in_their_cell_and_unclosed_is_no_table() {
        let page = "#|\n|| a |\n#|\n|| x | y ||\n|#\n||\n|#\n";
        let rows = cells(page);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][0], "a");
        assert!(regions("#|\n|| 404 | Not Found ||\n").is_empty());
    }
}
