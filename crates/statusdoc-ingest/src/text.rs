//! Reader for plain text pulled out of rendered pages (copy-paste, `innerText`, text
//! exports). No markup survives, so entries are found by their shape:
//!
//! - `200 OK Success! A successful GET ...`: code, title and description on one line
//!   with no separator (a flattened table row); the title is split off with the
//!   registry's phrases, not a fixed word count;
//! - `- 200 OK` / `-` / description lines: a flattened definition list, where lines of
//!   one definition are joined with spaces (inline code became lines of its own);
//! - an entry glued to the end of the previous line (`... resource. - 400 Bad Request`
//!   followed by a `-` line): split where the glued term starts.
//!
//! Blank lines separate paragraphs; `•`/`*`/`-` bullet lines become `- item` lines.
//! Page chrome ("Updated 2024-04-02", "Was this article helpful?") ends an entry and is
//! never part of one.

use statusdoc_model::{Cell, Document, Entry, Span};
use statusdoc_reference::Registry;

use crate::common::{fold_whitespace, is_page_chrome, join_paragraphs, leading_code};
use crate::runin::split_code_and_title;

/// A line of the page: its span without the line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

/// Where an entry's term starts: the line, and the byte offset of the code.
#[derive(Debug, Clone, Copy)]
struct Start {
    line: usize,
    code_at: usize,
}

pub(crate) fn read(document: &mut Document, registry: &Registry) {
    let text = document.source.text();
    let lines: Vec<Line> = (1..=document.source.lines().line_count())
        .map(|n| Line {
            span: document.source.lines().line_span(text, n),
        })
        .collect();
    let line_text = |i: usize| &text[lines[i].span.start..lines[i].span.end];
    let is_marker = |i: usize| line_text(i).trim() == "-";
    let next_content = |i: usize| (i + 1..lines.len()).find(|&j| !line_text(j).trim().is_empty());

    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let raw = line_text(i);
        let body = strip_bullet(raw);
        let offset = line.span.start + (raw.len() - body.len());
        let followed_by_marker = next_content(i).is_some_and(is_marker);
        if is_term(body, followed_by_marker) {
            starts.push(Start {
                line: i,
                code_at: offset,
            });
        } else if followed_by_marker {
            // "... resource. - 400 Bad Request": a term glued to a description line.
            if let Some(at) = glued_term(raw) {
                starts.push(Start {
                    line: i,
                    code_at: line.span.start + at,
                });
            }
        }
    }

    document.title = (0..lines.len())
        .map(line_text)
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_page_chrome(l) && leading_code(l).is_none())
        .map(str::to_owned);

    for (n, start) in starts.iter().enumerate() {
        let end_line = starts.get(n + 1).map_or(lines.len(), |next| next.line + 1);
        let term_end = lines[start.line].span.end;
        let term = &text[start.code_at..term_end];
        let Some(code) = leading_code(term) else {
            continue;
        };
        let parts = split_code_and_title(registry, term);
        let title = parts.title.map(|r| {
            Cell::new(
                &term[r.clone()],
                Span::new(start.code_at + r.start, start.code_at + r.end),
            )
        });
        let mut description = Paragraphs::default();
        if let Some(detail) = parts.detail {
            description.line(
                text,
                Span::new(start.code_at + detail.start, start.code_at + detail.end),
            );
        }
        for (i, line) in lines.iter().enumerate().take(end_line).skip(start.line + 1) {
            let mut span = line.span;
            if let Some(next) = starts.get(n + 1).filter(|next| next.line == i) {
                // The next term is glued to this line: keep what comes before it.
                span.end = next.code_at;
                let before = text[span.start..span.end].trim_end();
                let before = before.strip_suffix('-').unwrap_or(before);
                span.end = span.start + before.trim_end().len();
                if span.is_empty() {
                    break;
                }
            }
            let content = &text[span.start..span.end];
            if is_page_chrome(content.trim()) {
                break;
            }
            // A suppression comment is statusdoc's, not the page's.
            if content.trim() == "-" || content.trim_start().starts_with("statusdoc-disable") {
                continue;
            }
            if content.trim().is_empty() {
                description.blank();
            } else {
                description.line(text, span);
            }
        }
        document.entries.push(Entry {
            listing: Default::default(), title_certain: true,
            code,
            code_span: Span::new(start.code_at, start.code_at + 3),
            title,
            description: description.finish(),
            section: document.title.iter().cloned().collect(),
            block: 0,
        });
    }
}

/// A term line: a code, then a title (a capital letter or an opening parenthesis).
/// In a flattened definition list (a `-` line follows) a bare code is a term too.
fn is_term(body: &str, followed_by_marker: bool) -> bool {
    if leading_code(body).is_none() {
        return false;
    }
    let rest = &body[3..];
    let title = rest.trim_start();
    if title.is_empty() {
        return followed_by_marker;
    }
    rest.starts_with([' ', '\t'])
        && title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '(')
}

/// The offset of a term glued to the end of a line (`text. - 400 Bad Request`).
fn glued_term(line: &str) -> Option<usize> {
    let mut search = 0;
    while let Some(found) = line[search..].find(" - ") {
        let at = search + found + 3;
        if is_term(&line[at..], false) {
            return Some(at);
        }
        search = at;
    }
    None
}

fn strip_bullet(line: &str) -> &str {
    let trimmed = line.trim_start();
    for marker in ["- ", "• ", "* ", "· "] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    trimmed
}

fn bullet_item(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    ["• ", "* ", "· ", "- ", "◦ "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
        .map(str::trim)
}

/// Description text being assembled: lines joined by spaces, blank lines separating
/// paragraphs, bullet lines kept as `- item` lines of one list paragraph.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: Vec<String>,
    bullets: Vec<String>,
    span: Option<Span>,
}

impl Paragraphs {
    fn line(&mut self, text: &str, span: Span) {
        let content = &text[span.start..span.end];
        let start = span.start + (content.len() - content.trim_start().len());
        let end = span.start + content.trim_end().len();
        self.span = Some(
            self.span
                .map_or(Span::new(start, end), |s| s.cover(Span::new(start, end))),
        );
        if let Some(item) = bullet_item(content) {
            self.flush_current();
            self.bullets.push(format!("- {}", fold_whitespace(item)));
        } else {
            if !self.bullets.is_empty() {
                self.flush_bullets();
            }
            self.current.push(content.trim().to_owned());
        }
    }

    fn blank(&mut self) {
        // A blank line between bullets does not end the list.
        self.flush_current();
    }

    fn flush_current(&mut self) {
        if !self.current.is_empty() {
            self.done.push(fold_whitespace(&self.current.join(" ")));
            self.current.clear();
        }
    }

    fn flush_bullets(&mut self) {
        if !self.bullets.is_empty() {
            self.done.push(self.bullets.join("\n"));
            self.bullets.clear();
        }
    }

    fn finish(mut self) -> Option<Cell> {
        self.flush_current();
        self.flush_bullets();
        let span = self.span?;
        Some(Cell::new(join_paragraphs(self.done), span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_terms_are_found() {
        assert_eq!(
            glued_term("value of the resource. - 400 Bad Request"),
            Some(25)
        );
        assert_eq!(glued_term("a - b"), None);
    }

    #[test]
    fn terms_need_a_title_or_a_marker() {
        assert!(is_term("200 OK", false));
        assert!(is_term("200", true));
        assert!(!is_term("200", false));
        assert!(!is_term("200 status codes are fine", false));
    }
}
