//! Status code tables: header in `<thead>` or a first row of `<th>`, the code column
//! found by header text or else by content, `colspan`/`rowspan` laid out on a grid.

use ego_tree::NodeRef;
use scraper::Node;
use statusdoc_model::{Cell, Entry};
use statusdoc_reference::phrase_key;

use super::heads::{parse_head, plausible_after_code, skip_separator};
use super::text::{element_name, flow_of, Ctx, Flow};
use crate::common::{column_role, leading_code, ColumnRole};

/// Wider or longer spans are clamped: real tables never need more, and a hostile
/// `colspan="100000"` must not allocate a huge grid.
const MAX_COLUMNS: usize = 64;
const PROBE: usize = 256;

struct TableCell<'a> {
    node: NodeRef<'a, Node>,
    row: usize,
    header: bool,
}

struct Grid<'a> {
    cells: Vec<TableCell<'a>>,
    /// `rows[r][c]`: index into `cells`.
    rows: Vec<Vec<Option<usize>>>,
    head_rows: usize,
    caption: Option<String>,
}

fn span_attr(node: NodeRef<Node>, name: &str) -> Option<usize> {
    node.value().as_element()?.attr(name)?.trim().parse().ok()
}

fn layout<'a>(ctx: &Ctx, table: NodeRef<'a, Node>) -> Grid<'a> {
    let mut trs: Vec<(NodeRef<'a, Node>, bool)> = Vec::new();
    let mut caption = None;
    for child in table.children() {
        match element_name(child) {
            Some("caption") => {
                let text = flow_of(ctx, child, Some(1024)).text;
                if !text.is_empty() {
                    caption = Some(text.replace('\n', " "));
                }
            }
            Some(section @ ("thead" | "tbody" | "tfoot")) => {
                for row in child.children() {
                    if element_name(row) == Some("tr") {
                        trs.push((row, section == "thead"));
                    }
                }
            }
            Some("tr") => trs.push((child, false)),
            _ => {}
        }
    }
    let mut grid = Grid {
        cells: Vec::new(),
        rows: vec![Vec::new(); trs.len()],
        head_rows: trs.iter().take_while(|(_, head)| *head).count(),
        caption,
    };
    let row_count = trs.len();
    for (r, (tr, _)) in trs.iter().enumerate() {
        let mut column = 0;
        for cell in tr.children() {
            let header = match element_name(cell) {
                Some("th") => true,
                Some("td") => false,
                _ => continue,
            };
            while grid.rows[r].get(column).is_some_and(Option::is_some) {
                column += 1;
            }
            if column >= MAX_COLUMNS {
                break;
            }
            let colspan = span_attr(cell, "colspan")
                .unwrap_or(1)
                .clamp(1, MAX_COLUMNS - column);
            let rowspan = match span_attr(cell, "rowspan") {
                Some(0) => row_count - r,
                Some(n) => n.clamp(1, row_count - r),
                None => 1,
            };
            let index = grid.cells.len();
            grid.cells.push(TableCell {
                node: cell,
                row: r,
                header,
            });
            for row in grid.rows.iter_mut().skip(r).take(rowspan) {
                if row.len() < column + colspan {
                    row.resize(column + colspan, None);
                }
                for slot in row.iter_mut().skip(column).take(colspan) {
                    if slot.is_none() {
                        *slot = Some(index);
                    }
                }
            }
            column += colspan;
        }
    }
    if grid.head_rows == 0 {
        if let Some(first) = grid.rows.first() {
            let all_th = !first.is_empty()
                && first
                    .iter()
                    .flatten()
                    .all(|&i| grid.cells.get(i).is_some_and(|c| c.header));
            if all_th {
                grid.head_rows = 1;
            }
        }
    }
    grid
}

/// Words that make a column's header say it holds HTTP status codes.
fn says_http(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("status") || lower.contains("http") || lower.contains("response")
}

/// A cell short enough to be a title: a few words, not a sentence.
fn title_like(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.split_whitespace().count() <= 6
        && !text.contains('\n')
        && !text.ends_with('.')
        && !text.contains(". ")
}

/// Entries of one table, or none when it is not a status code table.
pub(crate) fn read_table(ctx: &Ctx, table: NodeRef<Node>, section: &[String]) -> Vec<Entry> {
    let grid = layout(ctx, table);
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return Vec::new();
    }
    let probes: Vec<Flow> = grid
        .cells
        .iter()
        .map(|cell| flow_of(ctx, cell.node, Some(PROBE)))
        .collect();
    let body = grid.head_rows..grid.rows.len();
    let at = |r: usize, c: usize| {
        grid.rows
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .flatten()
    };

    // Header text and role of each column.
    let headers: Vec<String> = (0..width)
        .map(|c| {
            let mut text = String::new();
            let mut last = None;
            for r in 0..grid.head_rows {
                if let Some(i) = at(r, c) {
                    if last != Some(i) {
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        text.push_str(&probes[i].text);
                        last = Some(i);
                    }
                }
            }
            text
        })
        .collect();
    if crate::common::is_error_catalog(headers.iter().map(String::as_str)) {
        return Vec::new();
    }
    let mut roles: Vec<ColumnRole> = headers.iter().map(|h| column_role(h)).collect();

    // Rows of a column whose cell starts with a code followed by little else.
    let code_rows = |c: usize| {
        body.clone()
            .filter(|&r| {
                at(r, c).is_some_and(|i| {
                    let text = probes[i].text.trim_start();
                    leading_code(text).is_some()
                        && text.split_whitespace().count() <= 8
                        && plausible_after_code(text.get(3..).unwrap_or(""))
                })
            })
            .count()
    };
    let mut code_column = roles
        .iter()
        .position(|r| matches!(r, ColumnRole::Code | ColumnRole::CodeAndTitle))
        .filter(|&c| code_rows(c) > 0);
    let mut strong = code_column.is_some_and(|c| says_http(&headers[c]));
    if code_column.is_none() {
        let best = (0..width)
            .map(|c| (code_rows(c), c))
            .max_by_key(|&(n, c)| (n, std::cmp::Reverse(c)));
        if let Some((count, c)) = best {
            let filled = body.clone().filter(|&r| at(r, c).is_some()).count();
            if count >= 2 && count * 2 >= filled {
                code_column = Some(c);
                if grid.head_rows == 0 || roles[c] == ColumnRole::Other {
                    roles[c] = ColumnRole::Code;
                }
            }
        }
    }
    let Some(code_column) = code_column else {
        return Vec::new();
    };
    let context = format!(
        "{} {}",
        grid.caption.as_deref().unwrap_or(""),
        section.join(" ")
    );
    strong |= says_http(&context);

    let mut title_column = (0..width).find(|&c| c != code_column && roles[c] == ColumnRole::Title);
    let mut description_column = (0..width).find(|&c| {
        c != code_column && Some(c) != title_column && roles[c] == ColumnRole::Description
    });
    if description_column.is_none() {
        // Headerless tables, or headers such as "Example": the first other column.
        description_column = (0..width).find(|&c| {
            c != code_column
                && Some(c) != title_column
                && roles[c] == ColumnRole::Other
                && c > code_column
        });
    }
    // "Status Code | Description" whose descriptions are all reason phrases: titles.
    let code_cells_bare = body
        .clone()
        .all(|r| at(r, code_column).is_none_or(|i| probes[i].text.trim().len() <= 3));
    if title_column.is_none() && code_cells_bare {
        if let Some(d) = description_column {
            let cells: Vec<usize> = body
                .clone()
                .filter(|&r| {
                    at(r, code_column)
                        .is_some_and(|i| leading_code(probes[i].text.trim()).is_some())
                })
                .filter_map(|r| at(r, d))
                .collect();
            if !cells.is_empty() && cells.iter().all(|&i| title_like(&probes[i].text)) {
                title_column = Some(d);
                description_column = None;
            }
        }
    }

    let mut entries: Vec<Entry> = Vec::new();
    let mut last_code_cell: Option<usize> = None;
    let mut full: Vec<Option<Flow>> = (0..grid.cells.len()).map(|_| None).collect();
    let mut cell_flow = |i: usize| -> Flow {
        full[i]
            .get_or_insert_with(|| flow_of(ctx, grid.cells[i].node, None))
            .clone()
    };
    for r in body.clone() {
        let Some(code_cell) = at(r, code_column) else {
            continue;
        };
        let description_cell = description_column
            .and_then(|c| at(r, c))
            .filter(|&i| i != code_cell);
        if grid.cells[code_cell].row != r {
            // A code spanning several rows: each row adds to its description.
            if last_code_cell == Some(code_cell) {
                if let (Some(i), Some(entry)) = (description_cell, entries.last_mut()) {
                    if grid.cells[i].row == r {
                        let flow = cell_flow(i);
                        if let Some(more) = flow.cell(ctx, 0, flow.text.len()) {
                            entry.description = Some(append(entry.description.take(), more));
                        }
                    }
                }
            }
            continue;
        }
        let flow = cell_flow(code_cell);
        let Some(head) = parse_head(ctx, grid.cells[code_cell].node, &flow) else {
            continue;
        };
        if !head.marked && !plausible_after_code(flow.text.get(head.rest..).unwrap_or("")) {
            continue;
        }
        last_code_cell = Some(code_cell);
        let title_cell = title_column
            .and_then(|c| at(r, c))
            .filter(|&i| i != code_cell);
        let title = match title_cell {
            Some(i) => {
                let flow = cell_flow(i);
                flow.cell(ctx, 0, flow.text.len())
            }
            None => head.title.clone().or_else(|| {
                let rest = skip_separator(&flow.text, head.rest);
                flow.cell(ctx, rest, flow.text.len())
            }),
        };
        let description = description_cell
            .filter(|&i| Some(i) != title_cell)
            .and_then(|i| {
                let flow = cell_flow(i);
                flow.cell(ctx, 0, flow.text.len())
            });
        let mut entry_section = section.to_vec();
        if let Some(caption) = &grid.caption {
            entry_section.push(caption.clone());
        }
        entries.push(Entry {
            listing: Default::default(), title_certain: true,
            code: head.code,
            code_span: head.code_span,
            title,
            description,
            section: entry_section,
            block: 0,
        });
    }
    if !strong && !plausible_table(ctx, &entries) {
        return Vec::new();
    }
    entries
}

/// For tables whose headers do not say "status" or "HTTP": accept them only when the
/// rows look like HTTP statuses (known titles, or registered codes of several classes),
/// so error-code and opcode tables stay out.
fn plausible_table(ctx: &Ctx, entries: &[Entry]) -> bool {
    if entries.is_empty() {
        return false;
    }
    let known_titles = entries
        .iter()
        .filter(|e| {
            ctx.registry
                .is_known_phrase_key(&phrase_key(e.title_text()))
        })
        .count();
    if known_titles * 2 >= entries.len() {
        return true;
    }
    let registered = entries.iter().all(|e| ctx.registry.get(e.code).is_some());
    let mut classes: Vec<u16> = entries.iter().map(|e| e.code / 100).collect();
    classes.sort_unstable();
    classes.dedup();
    registered && classes.len() >= 2
}

fn append(existing: Option<Cell>, more: Cell) -> Cell {
    match existing {
        None => more,
        Some(mut cell) => {
            cell.text.push_str("\n\n");
            cell.text.push_str(&more.text);
            cell.span = cell.span.cover(more.span);
            cell
        }
    }
}
