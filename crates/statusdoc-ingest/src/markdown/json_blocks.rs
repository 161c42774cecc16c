//! The `[block:…]` JSON blocks of Markdown exported from a hosted API docs platform
//! (its legacy editor's syntax, synced by the `rdme` CLI): `[block:parameters]` holds a
//! table as JSON (`"h-0"` header cells, `"0-1"` body cells, each cell Markdown),
//! `[block:api-header]` a section heading, `[block:callout]` a note with a title and a
//! body; `[block:code]`, `[block:image]` and the others render no prose. The platform
//! renders these as tables, headings and notes, so the reader does too.
//!
//! Hand-written because no crate reads these blocks: the JSON is decoded by
//! `serde_json`, and each cell's source span is found in the block's own text, so that
//! every extracted character keeps its place. A block whose JSON does not parse is left
//! as the text it is.

use std::ops::Range;

use statusdoc_model::page::{Block, Table, TableCell, Text};
use statusdoc_model::Span;

use super::Region;

/// The `[block:…]` regions of a page whose JSON parses, in page order.
pub(super) fn regions(text: &str) -> Vec<Region> {
    const OPEN: &str = "[block:";
    const CLOSE: &str = "[/block]";
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(OPEN).map(|k| from + k) {
        from = at + OPEN.len();
        // At the start of a line only.
        if at > 0 && !text[..at].ends_with('\n') {
            continue;
        }
        let Some(kind_end) = text[from..].find(']').map(|k| from + k) else {
            break;
        };
        let kind = &text[from..kind_end];
        if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        let Some(close) = text[kind_end..].find(CLOSE).map(|k| kind_end + k) else {
            break;
        };
        let json = kind_end + 1..close;
        let end = close + CLOSE.len();
        from = end;
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text[json.clone()]) else {
            continue;
        };
        let blocks = translate(text, kind, &value, json.start);
        found.push(Region {
            range: at..end,
            blocks,
        });
    }
    found
}

fn translate(text: &str, kind: &str, value: &serde_json::Value, json_start: usize) -> Vec<Block> {
    let json = &text[json_start..];
    match kind {
        "api-header" => value
            .get("title")
            .and_then(|t| t.as_str())
            .and_then(|title| cell_text(json, json_start, "title", title))
            .map(|text| vec![Block::Heading { level: 2, text }])
            .unwrap_or_default(),
        "callout" => {
            let mut blocks = Vec::new();
            for key in ["title", "body"] {
                if let Some(t) = value.get(key).and_then(|t| t.as_str()) {
                    if let Some(text) = cell_text(json, json_start, key, t) {
                        blocks.push(Block::Paragraph(text));
                    }
                }
            }
            blocks
        }
        "parameters" => parameters(json, json_start, value)
            .map(|t| vec![Block::Table(t)])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A `parameters` block's table: `"h-C"` header cells (when any), `"R-C"` body cells,
/// `cols` × `rows` (or as many as the keys say).
fn parameters(json: &str, json_start: usize, value: &serde_json::Value) -> Option<Table> {
    let data = value.get("data")?.as_object()?;
    let mut cols = value.get("cols").and_then(|c| c.as_u64()).unwrap_or(0) as usize;
    let mut rows = value.get("rows").and_then(|r| r.as_u64()).unwrap_or(0) as usize;
    for key in data.keys() {
        let Some((row, col)) = key.split_once('-') else {
            continue;
        };
        let Ok(col) = col.parse::<usize>() else {
            continue;
        };
        cols = cols.max(col + 1);
        if let Ok(row) = row.parse::<usize>() {
            rows = rows.max(row + 1);
        }
    }
    // A table wider or longer than any page holds is no table (and no allocation).
    if cols == 0 || cols > 64 || rows > 10_000 {
        return None;
    }
    let cell = |key: &str| -> TableCell {
        let text = data
            .get(key)
            .and_then(|v| v.as_str())
            .and_then(|v| cell_text(json, json_start, key, v))
            .unwrap_or_default();
        TableCell::new(text)
    };
    let mut table = Table::default();
    if (0..cols).any(|c| data.contains_key(&format!("h-{c}"))) {
        table
            .rows
            .push((0..cols).map(|c| cell(&format!("h-{c}"))).collect());
        table.header_rows = 1;
    }
    for r in 0..rows {
        table
            .rows
            .push((0..cols).map(|c| cell(&format!("{r}-{c}"))).collect());
    }
    Some(table)
}

/// The text of the string value of `key` in the block's JSON: Markdown, read as the
/// Markdown reader reads a page and placed at the value's bytes; a value written with
/// escapes (`\n`, `\"`) is its decoded text mapped to the whole value.
fn cell_text(json: &str, json_start: usize, key: &str, decoded: &str) -> Option<Text> {
    let inner = string_value(json, key)?;
    let raw = &json[inner.clone()];
    let start = json_start + inner.start;
    if raw.contains('\\') {
        let mut text = Text::new();
        text.push_mapped(decoded, Span::new(start, json_start + inner.end));
        return Some(text);
    }
    Some(super::fragment_text(raw, start))
}

/// Where the string value of `"key":` stands in `json`, inside its quotes.
fn string_value(json: &str, key: &str) -> Option<Range<usize>> {
    let quoted = format!("\"{key}\"");
    let mut from = 0;
    while let Some(at) = json[from..].find(&quoted).map(|k| from + k) {
        from = at + quoted.len();
        let rest = &json[from..];
        let colon = rest.len() - rest.trim_start().len();
        if !rest[colon..].starts_with(':') {
            continue;
        }
        let after = &rest[colon + 1..];
        let lead = after.len() - after.trim_start().len();
        let open = from + colon + 1 + lead;
        if !json[open..].starts_with('"') {
            return None;
        }
        let bytes = json.as_bytes();
        let mut k = open + 1;
        while k < bytes.len() {
            match bytes[k] {
                b'\\' => k += 2,
                b'"' => return Some(open + 1..k),
                _ => k += 1,
            }
        }
        return None;
    }
    None
}
