//! HTML tables in Markdown whose cells hold Markdown:
//!
//! ```text
//! <table>
//! <tr>
//! <td valign="top">
//!
//! *404*
//!
//! </td>
//! ```
//!
//! CommonMark ends an HTML block at a blank line, so `*404*` is a Markdown paragraph
//! between two HTML blocks, and the browser puts the rendered paragraph back into its
//! cell. Documentation exported from help portals and converters writes every cell this
//! way. The whole `<table>` … `</table>` is read by the HTML reader (so the table keeps
//! its rows and cells), and each cell whose content stands after a blank line, as a
//! Markdown block, is read again by the Markdown reader from its own bytes (emphasis,
//! code spans, escapes), so every character keeps its place.
//!
//! Hand-written because it joins two readers: html5ever sees the Markdown as text,
//! pulldown-cmark sees the HTML as separate blocks. Tables without a blank line inside
//! are left to the ordinary HTML block path.

use std::ops::Range;

use statusdoc_model::page::Block;

use super::Region;

/// The `<table>` … `</table>` regions of a page that have a blank line inside.
pub(super) fn regions(text: &str) -> Vec<Region> {
    let mut found = Vec::new();
    // Most pages hold no HTML table: one scan for `<` says so before the line walk.
    if !memchr::memchr_iter(b'<', text.as_bytes()).any(|at| starts_with_tag(&text[at..], "<table"))
    {
        return found;
    }
    let mut at = 0;
    let mut fence: Option<&str> = None;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |k| at + k + 1);
        let line = &text[at..line_end];
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if let Some(marker) = fence {
            if content.starts_with(marker) {
                fence = None;
            }
            at = line_end;
            continue;
        }
        if indent <= 3 && (content.starts_with("```") || content.starts_with("~~~")) {
            fence = Some(&content[..3]);
            at = line_end;
            continue;
        }
        if indent <= 3 && starts_with_tag(content, "<table") {
            // A table never closed: none opened later closes either.
            let Some(end) = table_end(text, at + indent) else {
                break;
            };
            let range = at + indent..end;
            if has_blank_line(&text[range.clone()]) {
                let blocks = read(text, range.clone());
                if !blocks.is_empty() {
                    found.push(Region { range, blocks });
                }
            }
            at = text[end..].find('\n').map_or(text.len(), |k| end + k + 1);
            continue;
        }
        at = line_end;
    }
    found
}

fn starts_with_tag(s: &str, tag: &str) -> bool {
    s.get(..tag.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(tag))
        && s[tag.len()..].starts_with([' ', '>', '\t', '\n', '\r'])
}

/// Where the table opened at `start` ends (after its `</table>`), nested tables counted.
fn table_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut k = start;
    while let Some(lt) = memchr_lt(bytes, k) {
        let rest = &text[lt..];
        if starts_with_tag(rest, "<table") {
            depth += 1;
        } else if rest
            .get(..7)
            .is_some_and(|t| t.eq_ignore_ascii_case("</table"))
        {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                let close = rest.find('>')?;
                return Some(lt + close + 1);
            }
        }
        k = lt + 1;
    }
    None
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'<')
        .map(|k| from + k)
}

fn has_blank_line(s: &str) -> bool {
    s.split('\n').skip(1).any(|line| line.trim().is_empty())
}

/// The region read as HTML, its Markdown cells read again as Markdown.
fn read(text: &str, range: Range<usize>) -> Vec<Block> {
    let mut blocks = crate::html::read_fragment(&text[range.clone()]);
    for block in &mut blocks {
        block.offset(range.start);
        reread_cells(text, block);
    }
    blocks
}

fn reread_cells(text: &str, block: &mut Block) {
    match block {
        Block::Table(table) => {
            for cell in table.rows.iter_mut().flatten() {
                if cell.text.is_empty() {
                    continue;
                }
                let span = cell.text.source_span(0..cell.text.len());
                let Some(source) = text.get(span.start..span.end) else {
                    continue;
                };
                // Markdown when a blank line stands between the cell's tag and its text.
                let before = &text[..span.start];
                let tag_end = before.rfind('>').map_or(0, |k| k + 1);
                if !has_blank_line(&before[tag_end..]) || source.contains('<') {
                    continue;
                }
                let reread = super::fragment_text(source, span.start);
                if !reread.is_empty() {
                    cell.text = reread;
                }
            }
        }
        Block::Container(blocks) => {
            for block in blocks {
                reread_cells(text, block);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_are_read_as_markdown_and_fences_are_skipped() {
        let page = "```\n<table>\n\nx\n</table>\n```\n\n<table>\n<tr>\n<td>\n\n*404*\n\n</td>\n<td>\n\nNot `Found`\n\n</td>\n</tr>\n</table>\n";
        let found = regions(page);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &page[found[0].range.clone()],
            &page[page.rfind("<table>").unwrap()..page.len() - 1]
        );
        let mut cells = Vec::new();
        fn collect(block: &Block, out: &mut Vec<String>) {
            match block {
                Block::Table(t) => {
                    out.extend(t.rows.iter().flatten().map(|c| c.text.as_str().to_owned()))
                }
                Block::Container(b) => b.iter().for_each(|b| collect(b, out)),
                _ => {}
            }
        }
        found[0].blocks.iter().for_each(|b| collect(b, &mut cells));
        assert_eq!(cells, ["404", "Not Found"]);
    }

    #[test]
    fn tables_without_blank_lines_are_left_alone() {
        assert!(regions("<table><tr><td>*a*</td></tr></table>\n").is_empty());
        assert!(regions("<table>\n<tr><td>a</td></tr>\n").is_empty());
    }
}
