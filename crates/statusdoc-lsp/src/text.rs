//! Positions: statusdoc speaks byte offsets, LSP speaks lines and columns counted in
//! the negotiated encoding's code units (UTF-16 unless the client offers another).
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the specification says.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};
use statusdoc_model::Span;

/// The unit LSP columns are counted in (`positionEncoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use from the client's `general.positionEncodings`, in its order
    /// of preference; UTF-16 when it offers none (the protocol's default).
    pub fn negotiate(offered: Option<&[lsp_types::PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or(Encoding::Utf16)
    }

    pub fn kind(self) -> lsp_types::PositionEncodingKind {
        match self {
            Encoding::Utf8 => lsp_types::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp_types::PositionEncodingKind::UTF16,
            Encoding::Utf32 => lsp_types::PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }

    fn len(self, text: &str) -> usize {
        match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.chars().map(char::len_utf16).sum(),
            Encoding::Utf32 => text.chars().count(),
        }
    }
}

/// Byte offsets of line starts.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        let mut i = 0;
        while let Some(found) = memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + found;
            i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(i);
        }
        LineIndex { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte where 0-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, text: &str, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The byte where 0-based `line` ends, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return text.len();
        };
        let bytes = text.as_bytes();
        let mut end = next;
        if end > 0 && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end.max(self.starts[line])
    }

    /// The 0-based line a byte offset is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The position of a byte offset (clamped to the text, and back to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        // An offset inside a `\r\n` break counts as the end of its line.
        let end = self.line_end(text, line).max(start);
        let column = encoding.len(&text[start..offset.min(end)]);
        Position::new(as_u32(line), as_u32(column))
    }

    /// The range of a byte span.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end.max(span.start), encoding),
        )
    }

    /// The byte offset of a position. A line past the end is the end of the text; a
    /// column past the end of its line is the end of the line (as the specification
    /// says); a column inside a character is that character's start.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[line];
        let end = self.line_end(text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = units + encoding.units(c);
            if next > wanted {
                return start + i;
            }
            units = next;
        }
        end
    }
}

fn memchr2(a: u8, b: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&c| c == a || c == b)
}

fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Applies `textDocument/didChange` content changes to `text`, in order. A change
/// without a range replaces the whole text.
pub fn apply_changes(
    text: &mut String,
    changes: Vec<TextDocumentContentChangeEvent>,
    encoding: Encoding,
) {
    for change in changes {
        match change.range {
            None => *text = change.text,
            Some(range) => {
                let lines = LineIndex::new(text);
                let start = lines.offset(text, range.start, encoding);
                let end = lines.offset(text, range.end, encoding).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

/// Where two versions of a text differ: the common prefix and suffix left aside, the
/// bytes `start..old_end` of the old text became `start..new_end` of the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delta {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Delta {
    pub fn between(old: &str, new: &str) -> Delta {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
            start -= 1;
        }
        let max_suffix = a.len().min(b.len()) - start;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(max_suffix)
            .take_while(|(x, y)| x == y)
            .count();
        while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
            suffix -= 1;
        }
        Delta {
            start,
            old_end: a.len() - suffix,
            new_end: b.len() - suffix,
        }
    }

    pub fn is_identity(self) -> bool {
        self.old_end == self.start && self.new_end == self.start
    }

    /// A span of the old text in the new one; `None` when the change touched it.
    pub fn map(self, span: Span) -> Option<Span> {
        if self.is_identity() || span.end <= self.start {
            Some(span)
        } else if span.start >= self.old_end {
            let shift = |at: usize| at - self.old_end + self.new_end;
            Some(Span::new(shift(span.start), shift(span.end)))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_code_units_of_the_encoding() {
        // "é" is 2 bytes, 1 UTF-16 unit; "𝄞" is 4 bytes, 2 UTF-16 units, 1 scalar.
        let text = "a\né𝄞x\r\nlast";
        let lines = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            lines.position(text, x, Encoding::Utf16),
            Position::new(1, 3)
        );
        assert_eq!(lines.position(text, x, Encoding::Utf8), Position::new(1, 6));
        assert_eq!(
            lines.position(text, x, Encoding::Utf32),
            Position::new(1, 2)
        );
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let position = lines.position(text, x, encoding);
            assert_eq!(lines.offset(text, position, encoding), x);
        }
        let last = text.find("last").unwrap();
        assert_eq!(
            lines.position(text, last, Encoding::Utf16),
            Position::new(2, 0)
        );
        // Past the end of a line: the end of the line, before its break.
        assert_eq!(
            lines.offset(text, Position::new(1, 99), Encoding::Utf16),
            x + 1
        );
        // Inside a surrogate pair: the character's start.
        assert_eq!(
            lines.offset(text, Position::new(1, 2), Encoding::Utf16),
            text.find('𝄞').unwrap()
        );
        assert_eq!(
            lines.offset(text, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
    }

    #[test]
    fn lone_carriage_returns_break_lines() {
        let text = "a\rb\r\nc\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_count(), 4);
        assert_eq!(
            lines.position(text, 2, Encoding::Utf16),
            Position::new(1, 0)
        );
        assert_eq!(
            lines.position(text, 5, Encoding::Utf16),
            Position::new(2, 0)
        );
        // Inside "\r\n": the end of the line.
        assert_eq!(
            lines.position(text, 4, Encoding::Utf16),
            Position::new(1, 1)
        );
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut text = "héllo\nworld\n".to_owned();
        apply_changes(
            &mut text,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(0, 1), Position::new(0, 2))),
                    range_length: None,
                    text: "e".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(1, 5), Position::new(1, 5))),
                    range_length: None,
                    text: "!".into(),
                },
            ],
            Encoding::Utf16,
        );
        assert_eq!(text, "hello\nworld!\n");
    }

    #[test]
    fn spans_follow_an_edit() {
        let old = "aaa XXX bbb YYY ccc";
        let new = "aaa XXX bbbbb YYY ccc";
        let delta = Delta::between(old, new);
        let xxx = Span::new(4, 7);
        let yyy = Span::new(12, 15);
        assert_eq!(delta.map(xxx), Some(xxx));
        assert_eq!(delta.map(yyy), Some(Span::new(14, 17)));
        assert_eq!(&new[14..17], "YYY");
        // A span the edit touched is dropped.
        assert_eq!(delta.map(Span::new(8, 12)), None);
        let same = Delta::between(old, old);
        assert!(same.is_identity());
        assert_eq!(same.map(yyy), Some(yyy));
    }
}
