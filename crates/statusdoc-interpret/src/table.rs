//! Tables: column roles from the cells' content, header words only as a hint.
//!
//! - Row and column spans are laid out first, so a code cell spanning two rows gives
//!   both rows its code and a cell spanning columns is not counted twice.
//! - The code column is the column whose cells mostly start with a status code,
//!   wherever it stands; a header that says "Status"/"HTTP"/"Code" breaks ties.
//! - The title column is a column of short phrases: one the header calls a title, or
//!   one whose cells are mostly phrases the registry knows (a "Description" column that
//!   holds only "Not Found" is a title column). A column of identifiers (`badRequest`,
//!   `APIG.0101`) is never a title column.
//! - The description column is the one the header calls so, else the one with the
//!   longest text.
//! - Rows with an empty code cell continue the entry above.
//! - A table whose first column holds another key (a vendor's error codes) is
//!   [`Listing::Keyed`]: its codes repeat by design.

use std::collections::HashMap;

use statusdoc_model::page::{Table, TableCell, Text};
use statusdoc_model::Listing;
use statusdoc_reference::PhraseMatch;

use crate::split::split_title;
use crate::words::{
    self, column_role, is_identifier, is_identifier_list, says_other_codes, says_status_codes,
    ColumnRole,
};
use crate::{code_lead, unquote, Candidate, Interpreter};

/// Cells wider or longer than any real table are clamped, so that a hostile
/// `colspan="100000"` cannot blow the grid up.
const MAX_COLUMNS: usize = 64;
const MAX_SPAN: usize = 1000;

#[derive(Clone, Copy)]
struct Slot {
    row: usize,
    cell: usize,
    origin: bool,
}

fn layout(table: &Table) -> Vec<Vec<Option<Slot>>> {
    let mut grid: Vec<Vec<Option<Slot>>> = vec![Vec::new(); table.rows.len()];
    for (r, row) in table.rows.iter().enumerate() {
        let mut col = 0;
        for (k, cell) in row.iter().enumerate() {
            while grid[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            if col >= MAX_COLUMNS {
                break;
            }
            let rowspan = cell.rowspan.clamp(1, MAX_SPAN).min(table.rows.len() - r);
            let colspan = cell.colspan.clamp(1, MAX_COLUMNS).min(MAX_COLUMNS - col);
            for (dr, grid_row) in grid[r..r + rowspan].iter_mut().enumerate() {
                if grid_row.len() < col + colspan {
                    grid_row.resize(col + colspan, None);
                }
                for dc in 0..colspan {
                    grid_row[col + dc] = Some(Slot {
                        row: r,
                        cell: k,
                        origin: dr == 0 && dc == 0,
                    });
                }
            }
            col += colspan;
        }
    }
    grid
}

struct Grid<'t> {
    table: &'t Table,
    slots: Vec<Vec<Option<Slot>>>,
}

impl<'t> Grid<'t> {
    fn cell(&self, row: usize, col: usize) -> Option<(&'t TableCell, bool)> {
        let slot = (*self.slots.get(row)?.get(col)?)?;
        Some((&self.table.rows[slot.row][slot.cell], slot.origin))
    }

    /// A cell's text where it starts (spanned copies and placeholders such as "—" or
    /// "n/a" count as empty).
    fn own_text(&self, row: usize, col: usize) -> Option<&'t Text> {
        match self.cell(row, col) {
            Some((cell, true)) if !is_placeholder(cell.text.as_str()) => Some(&cell.text),
            _ => None,
        }
    }
}

/// A paragraph whose every line is a row of cells between pipes ("| 423 | Locked |"):
/// a Markdown table that lost its delimiter row, or the rows a blank line cut off
/// from their table, or a table whose delimiter row has more cells than its header
/// (renderers other than CommonMark's accept it), which render or read as a table.
/// `None` for anything else.
pub(crate) fn pipe_rows(text: &Text) -> Option<Table> {
    let s = text.as_str();
    let mut rows: Vec<Vec<TableCell>> = Vec::new();
    let mut width = None;
    for line in text.lines() {
        let written = &s[line.clone()];
        let start = line.start + (written.len() - written.trim_start().len());
        let end = line.start + written.trim_end().len();
        let row = s.get(start..end)?;
        if row.len() < 2 || !row.starts_with('|') {
            return None;
        }
        let inner = start + 1..if row.ends_with('|') { end - 1 } else { end };
        let mut cells = Vec::new();
        let mut at = inner.start;
        for part in s.get(inner.clone())?.split('|') {
            let lead = part.len() - part.trim_start().len();
            let cell_start = at + lead;
            cells.push(cell_start..(at + part.trim_end().len()).max(cell_start));
            at += part.len() + 1;
        }
        if cells.len() < 2 {
            return None;
        }
        let delimiter = cells.iter().all(|c| {
            let cell = &s[c.clone()];
            cell.contains('-') && cell.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
        });
        if delimiter {
            continue;
        }
        // Rows may be ragged, as Markdown renderers allow: a short row leaves its last
        // cells empty, and empty cells past the header's are dropped ("| 422 | … | |").
        let width = *width.get_or_insert(cells.len());
        if cells.len() > width {
            if cells[width..].iter().any(|c| !c.is_empty()) {
                return None;
            }
            cells.truncate(width);
        }
        rows.push(
            cells
                .into_iter()
                .map(|c| TableCell::new(text.slice(c)))
                .collect(),
        );
    }
    (!rows.is_empty()).then_some(Table {
        caption: None,
        header_rows: 0,
        rows,
    })
}

/// A class of codes ("2xx", "5XX errors") or the rest of them ("other", "default").
fn is_class_or_rest(text: &str) -> bool {
    let text = text.trim().to_ascii_lowercase();
    let bytes = text.as_bytes();
    let class = bytes.len() >= 3
        && (b'1'..=b'5').contains(&bytes[0])
        && bytes[1] == b'x'
        && bytes[2] == b'x'
        && !bytes.get(3).is_some_and(u8::is_ascii_alphanumeric);
    class
        || matches!(
            text.as_str(),
            "other" | "others" | "default" | "any other" | "all others" | "anything else" | "*"
        )
}

fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    !text.chars().any(char::is_alphanumeric)
        || ["n/a", "na", "none", "null", "-"].contains(&text.to_lowercase().as_str())
}

/// Reads a table's entries. `inherited` is the header of the table just before, when
/// nothing but headings stand between them: a table without a header of its own and
/// as many columns goes on with that one (a table cut in two by a blank line, a grid
/// per subsection under one header row). Returns the header of a table that gave
/// entries, for the next.
pub(crate) fn read(
    interpreter: &mut Interpreter,
    table: &Table,
    lead_in: &[&Text],
    inherited: Option<&[String]>,
) -> Option<Vec<String>> {
    let slots = layout(table);
    let width = slots.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return None;
    }
    let grid = Grid { table, slots };
    let rows = table.rows.len();
    let starts_with_code = |t: &Text| code_lead(t.as_str()).is_some_and(|(at, _)| at < 16);
    let mut header_rows = table.header_rows.min(rows);
    if header_rows == 0 && rows > 1 {
        // A first row with no code over rows with codes is a header the format could
        // not mark.
        let first_has_code = (0..width).any(|c| grid.own_text(0, c).is_some_and(starts_with_code));
        let later_have_codes = (1..rows)
            .any(|r| (0..width).any(|c| grid.own_text(r, c).is_some_and(starts_with_code)));
        if !first_has_code && later_have_codes {
            header_rows = 1;
        }
    }
    let inherited = inherited.filter(|h| header_rows == 0 && h.len() == width);
    let header: Vec<String> = (0..width)
        .map(|c| {
            if let Some(inherited) = inherited {
                return inherited[c].clone();
            }
            let mut words = String::new();
            for r in 0..header_rows {
                if let Some((cell, _)) = grid.cell(r, c) {
                    words.push(' ');
                    words.push_str(cell.text.as_str());
                }
            }
            words.trim().to_owned()
        })
        .collect();
    let body = header_rows..rows;

    // The code column.
    let code_counts: Vec<(usize, usize)> = (0..width)
        .map(|c| {
            let mut codes = 0;
            let mut filled = 0;
            for r in body.clone() {
                if let Some(text) = grid.own_text(r, c) {
                    // A class row ("2xx") or a catch-all ("other") in a column of codes
                    // is neither a code nor a value.
                    if is_class_or_rest(text.as_str()) {
                        continue;
                    }
                    filled += 1;
                    if starts_with_code(text) {
                        codes += 1;
                    }
                }
            }
            (codes, filled)
        })
        .collect();
    let candidates: Vec<usize> = (0..width)
        .filter(|&c| {
            // Most of the column's cells (all, in a column of one or two) start with a
            // code: a code in one cell of a column of values is a value.
            let (codes, filled) = code_counts[c];
            codes > 0 && (codes * 2 > filled || codes == filled)
        })
        .collect();
    // A grid of codes ("421 | 431 | 450 | 451" row after row) lists values; no table
    // of HTTP statuses has three columns of codes.
    if candidates.len() >= 3 {
        return None;
    }
    let &code_col = candidates.iter().max_by_key(|&&c| {
        (
            column_role(&header[c]) == ColumnRole::Code || says_status_codes(&header[c]),
            code_counts[c].0,
            std::cmp::Reverse(c),
        )
    })?;

    // Evidence about the table as a whole.
    let caption = table.caption.as_ref().map(|c| c.as_str().to_owned());
    let header_line = header.join(" | ");
    let status_header = {
        let h = header[code_col].to_lowercase();
        says_status_codes(&h)
            || h.split(|c: char| !c.is_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "status"
                        | "http"
                        | "response"
                        | "estado"
                        | "statut"
                        | "статус"
                        | "状态"
                        | "狀態"
                        | "状態"
                        | "ステータス"
                        | "상태"
                )
            })
    };
    let context = status_header
        || caption.as_deref().is_some_and(says_status_codes)
        || says_status_codes(&header_line)
        || interpreter.context_says_status(lead_in);
    // Another kind of code: said of the code column itself, or of the table when no
    // header names HTTP ("Error ID | HTTP | gRPC code" is an HTTP column beside a gRPC
    // one).
    let other = says_other_codes(&header[code_col])
        || !status_header
            && (caption.as_deref().is_some_and(says_other_codes)
                || interpreter.context_says_other(lead_in));

    // Per-column content.
    // Of a column's filled body cells: how many the test holds for, and how many.
    let share = |c: usize, test: &dyn Fn(&str) -> bool| {
        let mut hits = 0;
        let mut filled = 0;
        for r in body.clone() {
            if let Some(text) = grid.own_text(r, c) {
                filled += 1;
                if test(text.as_str()) {
                    hits += 1;
                }
            }
        }
        (hits, filled)
    };
    // Asked of each column many times below: decided once.
    let ident_cols: Vec<bool> = (0..width)
        .map(|c| {
            let (idents, filled) = share(c, &is_identifier_list);
            filled > 0 && idents * 2 > filled
        })
        .collect();
    let is_ident_col = |c: usize| ident_cols[c];
    let row_code = |r: usize| {
        grid.own_text(r, code_col)
            .and_then(|t| code_lead(t.as_str()))
            .map(|(_, code)| code)
    };
    let phrase_share = |c: usize| {
        let mut phrases = 0;
        let mut filled = 0;
        for r in body.clone() {
            let (Some(text), Some(code)) = (grid.own_text(r, c), row_code(r)) else {
                continue;
            };
            filled += 1;
            let t = text.as_str().trim().trim_matches(['"', '“', '”', '\'']);
            if interpreter.is_phrase(code, t) {
                phrases += 1;
            }
        }
        (phrases, filled)
    };
    let avg_words = |c: usize| {
        let mut words = 0;
        let mut filled = 0;
        for r in body.clone() {
            if let Some(text) = grid.own_text(r, c) {
                filled += 1;
                words += text.as_str().split_whitespace().count();
            }
        }
        if filled == 0 {
            0.0
        } else {
            words as f64 / filled as f64
        }
    };
    let others: Vec<usize> = (0..width).filter(|&c| c != code_col).collect();
    // Keyed by another column: one of error names or error codes before the code
    // column, or anywhere when the status codes repeat (several errors per status).
    let codes_repeat = {
        let mut codes: Vec<u16> = body.clone().filter_map(row_code).collect();
        let all = codes.len();
        codes.sort_unstable();
        codes.dedup();
        codes.len() < all
    };
    let keyed = others.iter().any(|&c| {
        let h = header[c].to_lowercase();
        let header_names_errors =
            (h.contains("error") || h.contains("fehler") || h.contains("错误"))
                && !says_status_codes(&h)
                && column_role(&h) != ColumnRole::Description
                && !h.contains("message");
        // A column of error codes or names keys the table wherever it stands.
        header_names_errors && is_ident_col(c)
            || (header_names_errors || is_ident_col(c)) && (c < code_col || codes_repeat)
    }) || code_col > 0 && codes_repeat && column_role(&header[0]) != ColumnRole::Code
        // "status code | errno | description": statuses repeat beside a column of
        // distinct one-word values (the vendor's error numbers), which keys the rows.
        || codes_repeat
            && others.iter().any(|&c| {
                let mut values: Vec<&str> = body
                    .clone()
                    .filter_map(|r| grid.own_text(r, c))
                    .map(|t| t.as_str().trim())
                    .collect();
                let filled = values.len();
                values.sort_unstable();
                values.dedup();
                filled >= 2
                    && values.len() == filled
                    && filled * 4 >= (body.len()) * 3
                    && values.iter().all(|v| !v.contains(char::is_whitespace))
                    && column_role(&header[c]) != ColumnRole::Description
            });
    // Code cells that carry their own titles ("404 Not Found") leave no other column
    // to be the title column: "gone" beside "404 Not Found" is a description.
    let titled_code_cells = {
        let mut titled = 0;
        let mut filled = 0;
        for r in body.clone() {
            if let Some(text) = grid.own_text(r, code_col) {
                filled += 1;
                // The candidate needs the cell's marks and spans, not only its text.
                if interpreter
                    .candidate(text, true)
                    .is_some_and(|c| c.title.is_some())
                {
                    titled += 1;
                }
            }
        }
        filled > 0 && titled * 2 > filled
    };
    // A column of messages ("Not Found.", "Parameter X is invalid.") ends its cells
    // with periods, as sentences do; titles do not.
    let sentences = |c: usize| {
        let (ended, filled) = share(c, &|t| t.trim_end().ends_with('.'));
        ended * 2 > filled
    };
    // A column that repeats the row's code with its phrase ("400 Bad Request" beside
    // "400 | INVALID_ARGUMENT"): the status line, whose phrase is the row's title.
    let status_line = |r: usize, c: usize| -> Option<std::ops::Range<usize>> {
        let text = grid.own_text(r, c)?.as_str();
        let code = row_code(r)?;
        let (at, found) = code_lead(text)?;
        if found != code {
            return None;
        }
        let rest = &text[at + 3..];
        let lead = rest.len() - rest.trim_start_matches([' ', '-', ':', '–']).len();
        let phrase = rest[lead..].trim_end();
        (!phrase.is_empty() && interpreter.is_phrase(code, phrase))
            .then(|| at + 3 + lead..at + 3 + lead + phrase.len())
    };
    let status_line_col = others.iter().copied().find(|&c| {
        let (_, filled) = share(c, &|_| true);
        let lines = body
            .clone()
            .filter(|&r| status_line(r, c).is_some())
            .count();
        filled >= 2 && lines * 2 >= filled && lines >= 2
    });
    // A column the header calls codes ("GRPC Code", "Error Code") holds names of
    // another kind, never titles, even when some read as phrases ("NotFound").
    let other_codes_col = |c: usize| says_other_codes(&header[c]);
    let title_col = others
        .iter()
        .copied()
        .filter(|&c| !is_ident_col(c) && !titled_code_cells && !other_codes_col(c))
        .find(|&c| {
            let (phrases, filled) = phrase_share(c);
            filled > 0
                && phrases * 2 >= filled
                && avg_words(c) <= 6.0
                && !(sentences(c) && phrases < filled)
        })
        .or_else(|| {
            // A "Message" column of sentences is a description, whatever its header:
            // so is one of short sentence-case messages with no phrase among them
            // ("successful operation", "Invalid input").
            let labels = |c: usize| {
                let (prose, filled) = share(c, &crate::words::looks_like_prose);
                prose * 2 <= filled
            };
            // "Status Code | Status | Description": a status column beside the codes
            // that holds no codes holds what the vendor calls each status.
            let status_names = |c: usize| {
                let h = header[c].to_lowercase();
                let words: Vec<&str> = h
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                words == ["status"] && share(c, &|t| code_lead(t).is_some()).0 == 0
            };
            others.iter().copied().find(|&c| {
                !keyed
                    && !is_ident_col(c)
                    && (column_role(&header[c]) == ColumnRole::Title && avg_words(c) <= 5.0
                        || status_names(c) && avg_words(c) <= 6.0)
                    && (phrase_share(c).0 > 0 || labels(c))
            })
        })
        .or_else(|| {
            // Two columns of text, whatever their headers say: short labels (one of
            // them a reason phrase) beside long explanations are the titles ("Code |
            // 描述 | 详细解释": "OK", "错误的请求" beside sentences).
            let avg_chars = |c: usize| {
                let (mut chars, mut filled) = (0usize, 0usize);
                for r in body.clone() {
                    if let Some(text) = grid.own_text(r, c) {
                        filled += 1;
                        chars += text.as_str().trim().chars().count();
                    }
                }
                if filled == 0 {
                    0.0
                } else {
                    chars as f64 / filled as f64
                }
            };
            let texts: Vec<usize> = others
                .iter()
                .copied()
                .filter(|&c| !is_ident_col(c) && share(c, &|t| code_lead(t).is_some()).0 == 0)
                .collect();
            let [a, b] = texts.as_slice() else {
                return None;
            };
            let (short, long) = if avg_chars(*a) <= avg_chars(*b) {
                (*a, *b)
            } else {
                (*b, *a)
            };
            (!keyed
                && status_line_col.is_none()
                && share(short, &is_identifier).0 == 0
                && avg_chars(short) <= 16.0
                && avg_chars(short) * 3.0 <= avg_chars(long)
                && phrase_share(short).0 > 0
                && !sentences(short))
            .then_some(short)
        })
        .filter(|&c| !other_codes_col(c));
    let description_col = others
        .iter()
        .copied()
        .filter(|&c| Some(c) != title_col && !is_ident_col(c))
        .find(|&c| column_role(&header[c]) == ColumnRole::Description)
        .or_else(|| {
            others
                .iter()
                .copied()
                .filter(|&c| {
                    Some(c) != title_col
                        && !is_ident_col(c)
                        && !(column_role(&header[c]) == ColumnRole::Code && c < code_col)
                })
                .max_by(|&a, &b| avg_words(a).total_cmp(&avg_words(b)).then(b.cmp(&a)))
        });

    // Without a title column, a description column whose cells mostly start with a
    // known phrase and a separator ("Bad Request -- La solicitud es inválida.") holds
    // the titles too.
    let phrase_led = |c: usize| {
        let mut titled = 0;
        let mut filled = 0;
        for r in body.clone() {
            let (Some(text), Some(code)) = (grid.own_text(r, c), row_code(r)) else {
                continue;
            };
            filled += 1;
            let parts = split_title(interpreter.registry, text.as_str());
            // "Too many requests are sent…" goes on as a sentence: no title.
            if parts.certain
                && parts
                    .title
                    .is_some_and(|t| interpreter.is_phrase(code, &text.as_str()[t]))
            {
                titled += 1;
            }
        }
        // Known phrases, set off from what follows, lead a quarter of the cells:
        // the column is "title - text".
        titled >= 2 && titled * 4 >= filled || titled == 1 && filled <= 2
    };
    let titled_descriptions = title_col.is_none() && description_col.is_some_and(phrase_led);

    // A title column the header calls a description ("Http status | Description" whose
    // cells are mostly reason phrases): a sentence-case cell in it that is no phrase
    // ("Returned the order entity") is a description.
    // So is one the header calls messages ("Code | Message": "OK" beside "invalid
    // parameters"): what the API says, a title only where it is a phrase or a label.
    let described_titles = title_col.is_some_and(|c| {
        let h = header[c].to_lowercase();
        column_role(&h) == ColumnRole::Description
            || h.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
                matches!(
                    w,
                    "message" | "messages" | "mensaje" | "mensagem" | "meldung" | "сообщение"
                )
            })
    });

    let title_col_phrase_led = described_titles && title_col.is_some_and(phrase_led);

    // Rows to candidates; rows with an empty or spanned code cell continue the last.
    let mut candidates: Vec<Candidate> = Vec::new();
    for r in body.clone() {
        let description = description_col.and_then(|c| grid.own_text(r, c));
        // A code cell spanning rows that each name an error of their own (an error
        // name and its description under one "400") gives each row an entry; a row
        // that only adds a description continues the entry above.
        let spanned_code = match grid.cell(r, code_col) {
            Some((cell, false)) if keyed => {
                let own = others
                    .iter()
                    .filter(|&&c| grid.own_text(r, c).is_some())
                    .count();
                (own >= 2).then_some(&cell.text)
            }
            _ => None,
        };
        let Some(code_text) = grid.own_text(r, code_col).or(spanned_code) else {
            if let (Some(last), Some(more)) = (candidates.last_mut(), description) {
                last.description.paragraph_break();
                last.description.append(more);
            }
            continue;
        };
        let fixed_width = grid.cell(r, code_col).is_some_and(|(c, _)| c.fixed_width);
        let title_cell = title_col.and_then(|c| {
            grid.cell(r, c)
                .filter(|(cell, origin)| *origin && !is_placeholder(cell.text.as_str()))
        });
        let row_candidates = interpreter
            .multi_code(code_text, title_cell.map(|(c, _)| &c.text))
            .unwrap_or_else(|| interpreter.candidate(code_text, true).into_iter().collect());
        let count = row_candidates.len();
        for mut candidate in row_candidates {
            // In a column of "404 - Not Found" cells, the short label after the code in
            // one more ("500 - Server error") is that row's title too, even in sentence
            // case.
            if titled_code_cells && count == 1 && candidate.title.is_none() {
                let label = candidate.description.as_str().trim();
                let short = !label.is_empty()
                    && label.split_whitespace().count() <= 4
                    && !label.ends_with(['.', ':', ',', ';'])
                    && label.chars().next().is_some_and(char::is_uppercase);
                if short {
                    candidate.title = candidate.description.whole();
                    candidate.title_certain = true;
                    candidate.description = Text::new();
                }
            }
            if let Some(cell) = candidate.title.as_mut() {
                cell.fixed_width = fixed_width;
            }
            if count == 1 {
                if let Some((cell, _)) = title_cell {
                    if let Some(title) = cell.text.whole().map(unquote) {
                        // "Unauthorized (token expired)": a phrase and its note.
                        candidate.phrase = interpreter.is_phrase(candidate.code, &title.text)
                            && statusdoc_reference::strip_explanation(&title.text).is_none();
                        if candidate.phrase {
                            candidate.title = Some(statusdoc_model::Cell {
                                fixed_width: cell.fixed_width,
                                ..title
                            });
                            candidate.title_certain = true;
                        } else {
                            // Not a phrase: "Forbidden (i.e. wrong or missing token)" is a
                            // phrase and its note; "Returned the order entity", in sentence
                            // case, is a description in the column of titles; a label in
                            // Title Case ("Invalid Record") is the vendor's title.
                            let parts = split_title(interpreter.registry, cell.text.as_str());
                            // "Not Found (no such pet)", "OK - user in group": a
                            // phrase, then its note after a parenthesis or a separator.
                            let noted = match (&parts.title, &parts.detail) {
                                (Some(t), Some(d)) => {
                                    let s = cell.text.as_str();
                                    s[d.clone()].starts_with('(')
                                        || s.get(t.end..d.start)
                                            .is_some_and(|gap| gap.contains(['-', '–', '—', ':']))
                                }
                                _ => false,
                            };
                            // In a column of "title - text" cells, a short label set
                            // off the same way is the vendor's title ("No token
                            // included -- …" below "Bad Request -- …").
                            let phrase_lead = parts.title.clone().filter(|r| {
                                let lead = &cell.text.as_str()[r.clone()];
                                noted
                                    && (interpreter.is_phrase(candidate.code, lead)
                                        || parts.certain
                                            && title_col_phrase_led
                                            && lead.split_whitespace().count() <= 5
                                            && is_set_off_label(lead))
                            });
                            if let Some(range) = phrase_lead {
                                candidate.phrase = true;
                                candidate.title = cell.text.cell(range).map(unquote);
                                candidate.title_certain = parts.certain;
                                if let Some(detail) = parts.detail {
                                    candidate.description.append(&cell.text.slice(detail));
                                }
                            } else if described_titles
                                && crate::words::looks_like_prose(cell.text.as_str())
                            {
                                candidate.description.append(&cell.text);
                            } else {
                                candidate.title = Some(statusdoc_model::Cell {
                                    fixed_width: cell.fixed_width,
                                    ..title
                                });
                                candidate.title_certain = true;
                            }
                        }
                    }
                }
            }
            if let (Some(c), None) = (status_line_col, candidate.title.as_ref()) {
                if let Some(range) = status_line(r, c).filter(|_| count == 1) {
                    if let Some(text) = grid.own_text(r, c) {
                        candidate.title = text.cell(range).map(unquote);
                        candidate.title_certain = true;
                        candidate.phrase = true;
                    }
                }
            }
            // A table keyed by error names: a name that is the row's own reason phrase
            // ("Bad request | 400") is its title; the others ("Wrong start_time") are not.
            if keyed && count == 1 && candidate.title.is_none() {
                let named = others
                    .iter()
                    .filter(|&&c| Some(c) != description_col && !is_ident_col(c))
                    .filter_map(|&c| grid.own_text(r, c))
                    .find(|t| {
                        // Written as a name: capitalised, not in capitals, not an
                        // identifier (`FORBIDDEN`, `forbidden`) nor a message ("Forbidden.").
                        let name = t.as_str().trim();
                        name.chars().next().is_some_and(char::is_uppercase)
                            && name.chars().any(char::is_lowercase)
                            && !name.ends_with('.')
                            && !is_identifier(name)
                            && interpreter
                                .registry
                                .match_phrase(candidate.code, name)
                                .is_own()
                    });
                if let Some(name) = named.and_then(|t| t.whole()) {
                    candidate.title = Some(unquote(name));
                    candidate.title_certain = true;
                    candidate.phrase = true;
                }
            }
            let mut description = description.cloned();
            // A description cell that is this code's phrase and a note on it ("OK (No
            // error)") holds the title and the description.
            if let (true, Some(text)) = (candidate.title.is_none(), &description) {
                if statusdoc_reference::strip_explanation(text.as_str()).is_some() {
                    let parts = split_title(interpreter.registry, text.as_str());
                    if let (Some(title), Some(detail)) = (parts.title, parts.detail) {
                        if text.as_str()[detail.clone()].starts_with('(')
                            && interpreter.is_phrase(candidate.code, &text.as_str()[title.clone()])
                        {
                            candidate.title = text.cell(title).map(unquote);
                            candidate.title_certain = true;
                            candidate.phrase = true;
                            description = Some(text.slice(detail));
                        }
                    }
                }
            }
            // A description cell that is exactly this code's phrase is its title.
            if let (true, Some(text)) = (candidate.title.is_none(), &description) {
                let whole = text.as_str().trim().trim_end_matches('.');
                if !matches!(
                    interpreter.registry.match_phrase(candidate.code, whole),
                    PhraseMatch::Unknown | PhraseMatch::OtherCode(_)
                ) {
                    candidate.title = text.whole().map(|cell| {
                        let cell = unquote(cell);
                        match cell.text.strip_suffix('.') {
                            Some(stripped) => statusdoc_model::Cell {
                                text: stripped.to_owned(),
                                span: statusdoc_model::Span::new(
                                    cell.span.start,
                                    cell.span.end - 1,
                                ),
                                ..cell
                            },
                            None => cell,
                        }
                    });
                    candidate.title_certain = true;
                    candidate.phrase = true;
                    description = None;
                }
            }
            if let (true, true, Some(text)) =
                (title_col.is_none(), candidate.title.is_none(), &description)
            {
                // In such a column, a cell's lead is its title when it is a known
                // phrase, or a short title set off by a separator ("Request Failed -
                // …") or standing alone ("Object Not Found"). In any description
                // column, the row's own phrase set off by a separator ("Bad request —
                // …") is its title.
                let parts = split_title(interpreter.registry, text.as_str());
                if let Some(title) = parts.title {
                    let lead = &text.as_str()[title.clone()];
                    let phrase = parts.certain && interpreter.is_phrase(candidate.code, lead);
                    // Set off by a dash or a colon: "Bad request. Check…" and "Not
                    // found, block deleted" are sentences that start with the words.
                    let set_off = parts.detail.as_ref().is_some_and(|detail| {
                        let between = text.as_str()[title.end..detail.start].trim();
                        matches!(between, "—" | "–" | "-" | "--" | ":" | "：")
                    });
                    let own_phrase = phrase
                        && set_off
                        && interpreter
                            .registry
                            .match_phrase(candidate.code, lead)
                            .is_own();
                    let short_title = parts.certain
                        && lead.split_whitespace().count() <= 5
                        && (!crate::words::looks_like_prose(lead)
                            || set_off && is_set_off_label(lead));
                    if titled_descriptions && (phrase || short_title) || own_phrase {
                        candidate.title = text.cell(title).map(unquote);
                        candidate.title_certain = parts.certain;
                        candidate.phrase = phrase;
                        description = parts.detail.map(|d| text.slice(d));
                    }
                }
            }
            if let Some(more) = &description {
                candidate.description.paragraph_break();
                candidate.description.append(more);
            }
            candidates.push(candidate);
        }
    }
    // A "Code" column whose rows carry titles, a third of them known phrases.
    let titled_code_table = column_role(&header[code_col]) == ColumnRole::Code && {
        let phrases = candidates.iter().filter(|c| c.phrase).count();
        let titled = candidates.iter().filter(|c| c.title.is_some()).count();
        phrases >= 1 && phrases * 3 >= candidates.len() && titled * 2 >= candidates.len()
    };
    // One bare code in a table ("Codes | 521") is a value unless the table itself says
    // HTTP status: a heading far above is not enough for one number.
    if candidates.len() == 1
        && !candidates.iter().any(|c| c.phrase || c.explicit)
        && !status_header
        && !table
            .caption
            .as_ref()
            .is_some_and(|c| says_status_codes(c.as_str()))
    {
        return None;
    }
    let said_errors = words::says_errors(&header[code_col])
        || caption.as_deref().is_some_and(words::says_errors)
        || interpreter.context_says_errors(lead_in);
    let accepted = !candidates.is_empty()
        && (titled_code_table && !other
            || interpreter.accept(&candidates, context, other)
            || !other && interpreter.accept_errors(&candidates, said_errors));
    if !accepted {
        return None;
    }
    // A code that repeats by design, one row per condition (three times or more): the
    // rows are keyed by their conditions. A code twice may be a slip, and stays
    // checked.
    let conditions = {
        let mut counts: HashMap<u16, usize> = HashMap::new();
        for candidate in &candidates {
            *counts.entry(candidate.code).or_default() += 1;
        }
        counts.values().any(|&n| n >= 3)
    };
    let block = interpreter.next_block();
    let listing = if keyed || conditions {
        Listing::Keyed
    } else {
        interpreter.listing()
    };
    let extra: Vec<String> = caption.into_iter().filter(|c| !c.is_empty()).collect();
    for candidate in candidates {
        interpreter.push(candidate, block, extra.clone(), listing);
    }
    Some(header)
}

/// A short label in sentence case that a separator sets off from its text ("No token
/// included -- …"): a title in a column whose other cells lead with phrases the same
/// way, though it reads like the start of a sentence on its own.
fn is_set_off_label(lead: &str) -> bool {
    let lead = lead.trim();
    lead.split_whitespace().count() <= 5
        && lead.chars().next().is_some_and(char::is_uppercase)
        && !lead.ends_with(['.', ',', ';', ':'])
}
