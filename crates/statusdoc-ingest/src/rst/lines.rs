//! Source lines with their byte offsets, so that every slice a table reader takes can be
//! turned back into a span of the page.

use crate::common::line_ranges;

/// One line of the page (or a column slice of one): its text without the line
/// terminator and the byte offset of that text in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
    /// Bytes of leading white space, measured once: nested elements cut their lines
    /// again at every level, and must not measure deep indentation again each time.
    indent: usize,
}

impl<'a> Line<'a> {
    pub fn new(start: usize, text: &'a str) -> Self {
        let indent = text.len() - text.trim_start().len();
        Line {
            start,
            text,
            indent,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.indent == self.text.len()
    }

    /// Leading spaces, in columns (one per character: tabs are rare in vendor pages and
    /// docutils' 8-column tab expansion is not reproduced).
    pub fn indent(&self) -> usize {
        self.indent
    }

    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn trim_end(self) -> Line<'a> {
        let text = self.text.trim_end();
        Line {
            start: self.start,
            text,
            indent: self.indent.min(text.len()),
        }
    }

    /// The line without its first `n` bytes (clamped to a character boundary at or after
    /// `n`, and to the end).
    pub fn skip(self, n: usize) -> Line<'a> {
        let mut n = n.min(self.text.len());
        while !self.text.is_char_boundary(n) {
            n += 1;
        }
        if n <= self.indent {
            return Line {
                start: self.start + n,
                text: &self.text[n..],
                indent: self.indent - n,
            };
        }
        Line::new(self.start + n, &self.text[n..])
    }

    /// Columns `from..to` (in characters) of the line; lines shorter than `from` give
    /// an empty slice at their end.
    pub fn columns(self, from: usize, to: usize) -> Line<'a> {
        if self.text.is_ascii() {
            let a = from.min(self.text.len());
            let b = to.min(self.text.len()).max(a);
            return Line::new(self.start + a, &self.text[a..b]);
        }
        let a = char_to_byte(self.text, from);
        let b = char_to_byte(self.text, to).max(a);
        Line::new(self.start + a, &self.text[a..b])
    }

    /// Length in columns (characters).
    pub fn width(&self) -> usize {
        if self.text.is_ascii() {
            self.text.len()
        } else {
            self.text.chars().count()
        }
    }
}

/// Byte offset of character `col` in `text`, clamped to its length.
pub(crate) fn char_to_byte(text: &str, col: usize) -> usize {
    if text.is_ascii() {
        return col.min(text.len());
    }
    text.char_indices().nth(col).map_or(text.len(), |(i, _)| i)
}

/// Splits the page into lines, dropping `\n`, `\r\n` and lone `\r` terminators (docutils
/// splits lines on all three) and a leading BOM.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    for (from, to) in line_ranges(&text[start..]) {
        lines.push(Line::new(start + from, &text[start + from..start + to]));
    }
    lines
}
