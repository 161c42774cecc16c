//! Reader for plain text pulled out of rendered pages (copy-paste, `innerText`, text
//! exports): translates the lines into the page model.
//!
//! No markup survives, so the reader keeps what a rendering leaves of the structure:
//! - every line is a block of its own (a rendered paragraph, heading or table row
//!   ends up on one line); a line ends at `\n`, `\r\n` or a lone `\r`;
//! - bullet lines (`•`, `*`, `-`, `·`, `◦`) in a row are a list;
//! - a rendered definition list leaves `- term` lines each followed by a line holding
//!   only `-`, then the definition's lines; a term can be glued to the end of the
//!   previous definition's last line (`… resource. - 400 Bad Request`). These become a
//!   definition list.
//!
//! BBCode-style tags (`[b]…[/b]`) of forum and wiki exports are left out of the text.
//!
//! Page chrome ("Updated 2024-04-02", "Was this article helpful?") and statusdoc's own
//! suppression comments are not page content and are left out. Deciding what is a
//! status code is the interpreter's job.

use statusdoc_interpret::words::{is_page_chrome, leading_code};
use statusdoc_model::page::{Block, Definition, List, Mark, Page, Text};
use statusdoc_model::{Document, Span};

use crate::common::line_ranges;

pub(crate) fn read(document: &mut Document) -> Page {
    let source = document.source.text();
    let lines: Vec<Span> = line_ranges(source)
        .map(|(start, end)| Span::new(start, end))
        .collect();
    let text_of = |span: Span| &source[span.start..span.end];
    let is_marker = |i: usize| lines.get(i).is_some_and(|&l| text_of(l).trim() == "-");
    let next_content =
        |i: usize| (i + 1..lines.len()).find(|&j| !text_of(lines[j]).trim().is_empty());

    document.title = lines
        .iter()
        .map(|&l| text_of(l).trim())
        .find(|l| !l.is_empty() && !is_page_chrome(l) && leading_code(l).is_none())
        .map(str::to_owned);

    let mut blocks: Vec<Block> = Vec::new();
    let mut list: Option<List> = None;
    // Where the last bullet's marker stands: lines indented past it continue its item.
    let mut bullet_indent = 0;
    let mut previous_blank = true;
    // A page break since the last line of text: the blank lines around it are layout.
    let mut page_break = false;
    let mut definitions: Option<Vec<Definition>> = None;
    for (i, &line) in lines.iter().enumerate() {
        let raw = text_of(line);
        let trimmed = raw.trim();
        let blank_before = std::mem::replace(&mut previous_blank, trimmed.is_empty());
        if trimmed.is_empty() {
            continue;
        }
        // A page break of a paginated text (an RFC or Internet-Draft: footer, form
        // feed, running header) is no boundary of what runs across it.
        if is_page_break(trimmed) {
            page_break = true;
            continue;
        }
        let blank_before = blank_before && !std::mem::take(&mut page_break);
        if is_page_chrome(trimmed) || trimmed.starts_with("statusdoc-disable") {
            flush(&mut blocks, &mut list, &mut definitions);
            continue;
        }
        let term_follows = next_content(i).is_some_and(is_marker);
        if trimmed == "-" && definitions.is_some() {
            continue;
        }
        if term_follows {
            // "- 200 OK" then "-": a term. A term glued to the end of a definition
            // line ends that line first.
            let (before, term) = match glued_term(raw) {
                Some(at) if definitions.is_some() => (
                    Some(Span::new(line.start, line.start + at)),
                    Span::new(line.start + at, line.end),
                ),
                _ => (None, line),
            };
            if let (Some(before), Some(defs)) = (before, definitions.as_mut()) {
                let before_text = text_of(before).trim_end();
                let before_text = before_text.strip_suffix(" -").unwrap_or(before_text);
                let previous_blank = i == 0 || text_of(lines[i - 1]).trim().is_empty();
                if let Some(last) = defs.last_mut() {
                    add_detail(last, source_text(before_text, before.start), previous_blank);
                }
            } else if definitions.is_none() {
                flush(&mut blocks, &mut list, &mut None);
            }
            let term_text = strip_bullet(text_of(term));
            let offset = term.end - term_text.len();
            let mut term_block = Text::new();
            term_block.push_source(term_text.trim_end(), offset);
            definitions.get_or_insert_with(Vec::new).push(Definition {
                term: term_block,
                details: Vec::new(),
            });
            continue;
        }
        if let Some(defs) = definitions.as_mut() {
            if let Some(last) = defs.last_mut() {
                let lead = raw.len() - raw.trim_start().len();
                let previous_blank = i == 0 || text_of(lines[i - 1]).trim().is_empty();
                add_detail(
                    last,
                    source_text(trimmed, line.start + lead),
                    previous_blank,
                );
                continue;
            }
        }
        if let Some(item) = bullet_item(raw) {
            let at = line.start + (raw.len() - item.len());
            bullet_indent = raw.len() - raw.trim_start().len();
            list.get_or_insert_with(List::default)
                .items
                .push(vec![Block::Paragraph(source_text(item.trim_end(), at))]);
            continue;
        }
        // A hanging line, indented past the bullet, goes on with the item.
        let lead = raw.len() - raw.trim_start().len();
        if let Some(Block::Paragraph(last)) = list
            .as_mut()
            .and_then(|l| l.items.last_mut())
            .and_then(|item| item.last_mut())
        {
            if lead > bullet_indent + 1 && !blank_before {
                last.space(Span::empty(line.start + lead));
                last.append(&source_text(trimmed, line.start + lead));
                continue;
            }
        }
        flush(&mut blocks, &mut list, &mut definitions);
        let lead = raw.len() - raw.trim_start().len();
        blocks.push(Block::Paragraph(source_text(trimmed, line.start + lead)));
    }
    flush(&mut blocks, &mut list, &mut definitions);
    Page { blocks }
}

/// A line's text at its source offset. BBCode-style tags (`[b]200 OK[/b]`, from forum
/// and wiki exports such as DText) are markup, not words: they are left out, and bold
/// runs are marked strong.
fn source_text(piece: &str, at: usize) -> Text {
    let mut text = Text::new();
    if !piece.contains("[/") {
        text.push_source(piece, at);
        return text;
    }
    const TAGS: [&str; 10] = [
        "[b]", "[/b]", "[i]", "[/i]", "[u]", "[/u]", "[code]", "[/code]", "[tt]", "[/tt]",
    ];
    let mut from = 0;
    let mut bold_from: Option<usize> = None;
    let mut k = 0;
    while k < piece.len() {
        let Some(tag) = TAGS.iter().find(|t| piece[k..].starts_with(**t)) else {
            k += piece[k..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if k > from {
            text.push_source(&piece[from..k], at + from);
        }
        match *tag {
            "[b]" => bold_from = Some(text.len()),
            "[/b]" => {
                if let Some(start) = bold_from.take() {
                    text.mark_range(start..text.len(), Mark::Strong);
                }
            }
            _ => {}
        }
        k += tag.len();
        from = k;
    }
    if from < piece.len() {
        text.push_source(&piece[from..], at + from);
    }
    text
}

/// Lines of one definition run on (inline code became lines of its own); a blank line
/// starts a new paragraph.
/// The lines a paginated text (RFCs and Internet-Drafts) puts at every page break: the
/// footer (`de Jong   [Page 7]`) and the running header (`Internet-Draft  remoteStorage
/// December 2025`, `RFC 9110   HTTP Semantics   June 2022`).
fn is_page_break(line: &str) -> bool {
    let footer = line
        .strip_suffix(']')
        .and_then(|l| l.rsplit_once("[Page "))
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let header = (line.starts_with("Internet-Draft ")
        || line.starts_with("RFC ") && line[4..].starts_with(|c: char| c.is_ascii_digit()))
        && line.contains("   ")
        && line
            .split_whitespace()
            .last()
            .is_some_and(|year| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()));
    footer || header
}

fn add_detail(definition: &mut Definition, more: Text, previous_blank: bool) {
    match definition.details.last_mut() {
        Some(Block::Paragraph(paragraph)) if !previous_blank => {
            let at = more.source_span(0..0).start;
            paragraph.space(Span::empty(at));
            paragraph.append(&more);
        }
        _ => definition.details.push(Block::Paragraph(more)),
    }
}

fn flush(
    blocks: &mut Vec<Block>,
    list: &mut Option<List>,
    definitions: &mut Option<Vec<Definition>>,
) {
    if let Some(list) = list.take() {
        blocks.push(Block::List(list));
    }
    if let Some(definitions) = definitions.take() {
        blocks.push(Block::DefinitionList(definitions));
    }
}

/// The offset of a term glued to the end of a line (`text. - 400 Bad Request`).
fn glued_term(line: &str) -> Option<usize> {
    let mut search = 0;
    while let Some(found) = line[search..].find(" - ") {
        let at = search + found + 3;
        if leading_code(&line[at..]).is_some() {
            return Some(at - 2);
        }
        search = at;
    }
    None
}

fn strip_bullet(line: &str) -> &str {
    let trimmed = line.trim_start();
    bullet_item(trimmed).unwrap_or(trimmed)
}

fn bullet_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["• ", "* ", "· ", "- ", "◦ "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
        .map(str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbcode_tags_are_not_text() {
        let line = "[b]404 Not Found[/b]: Not found";
        let text = source_text(line, 10);
        assert_eq!(text.as_str(), "404 Not Found: Not found");
        assert!(text.is_marked(0..13, Mark::Strong));
        let span = text.source_span(4..13);
        assert_eq!(&line[span.start - 10..span.end - 10], "Not Found");
    }

    #[test]
    fn hanging_lines_and_page_breaks_continue_an_item() {
        let page = "5. Response codes\n\n   The following status codes occur:\n\n      * 304 for a conditional GET whose precondition\n            fails,\n      * 409 for a PUT where a folder name\n\n\nde Jong                    [Page 7]\n\u{c}\nInternet-Draft       remoteStorage       December 2025\n\n\n            clashes with a document's name.\n      * 412 if the version differs\n   Clients SHOULD retry.\n";
        let mut document = Document::new(
            statusdoc_model::SourceFile::new("draft.txt", page),
            statusdoc_model::Format::Text,
        );
        let model = read(&mut document);
        let Some(Block::List(list)) = model.blocks.iter().find(|b| matches!(b, Block::List(_)))
        else {
            panic!("a list: {:?}", model.blocks);
        };
        let items: Vec<String> = list
            .items
            .iter()
            .map(|item| item[0].flat_text().as_str().to_owned())
            .collect();
        assert_eq!(
            items,
            [
                "304 for a conditional GET whose precondition fails,",
                "409 for a PUT where a folder name clashes with a document's name.",
                "412 if the version differs",
            ]
        );
        assert!(!format!("{:?}", model.blocks).contains("Page 7"));
    }

    #[test]
    fn glued_terms_are_found() {
        assert_eq!(
            glued_term("value of the resource. - 400 Bad Request"),
            Some(23)
        );
        assert_eq!(glued_term("a - b"), None);
    }
}
