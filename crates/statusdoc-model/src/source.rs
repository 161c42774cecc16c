use std::sync::Arc;

/// A half-open byte range `start..end` into a page's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shifts a span relative to a sub-slice back into the coordinates of the whole text.
    pub const fn offset(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// 1-based line and column. Columns count Unicode scalar values, as editors and rustc do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts, built once per page so that line/column lookups are a
/// binary search instead of a scan.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Characters that start before each multiple of [`CHAR_MARK`] bytes, so that a
    /// column on a very long line (a minified page) costs at most one block's scan.
    char_marks: Vec<usize>,
}

/// Spacing of the character-count checkpoints, in bytes.
const CHAR_MARK: usize = 4096;

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: &u8) -> bool {
    byte & 0xC0 != 0x80
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let mut char_marks = Vec::with_capacity(text.len() / CHAR_MARK + 1);
        let mut chars = 0;
        char_marks.push(0);
        for block in text.as_bytes().chunks(CHAR_MARK) {
            chars += block.iter().filter(|b| starts_char(b)).count();
            char_marks.push(chars);
        }
        LineIndex {
            line_starts,
            char_marks,
        }
    }

    /// Characters that start before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = offset / CHAR_MARK;
        let from = mark * CHAR_MARK;
        self.char_marks.get(mark).copied().unwrap_or(0)
            + text.as_bytes()[from..offset]
                .iter()
                .filter(|b| starts_char(b))
                .count()
    }

    /// Line and column of a byte offset; offsets past the end clamp to the end, and an
    /// offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line];
        let column = if self.char_marks.is_empty() {
            // Built with `Default`: count on the line itself.
            text.as_bytes()[line_start..offset]
                .iter()
                .filter(|b| starts_char(b))
                .count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, line_start)
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line - 1];
        let mut end = self.line_starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

/// A page as read from disk: read once, shared by every stage through an `Arc`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    inner: Arc<SourceInner>,
}

#[derive(Debug)]
struct SourceInner {
    path: String,
    text: String,
    lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        SourceFile {
            inner: Arc::new(SourceInner {
                path: path.into(),
                text,
                lines,
            }),
        }
    }

    /// The path as the user gave it (or relative to the sources root), with `/` separators.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    pub fn text(&self) -> &str {
        &self.inner.text
    }

    pub fn slice(&self, span: Span) -> &str {
        self.inner.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.inner.lines.line_col(&self.inner.text, offset)
    }

    pub fn lines(&self) -> &LineIndex {
        &self.inner.lines
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_on_long_lines_count_characters_across_checkpoints() {
        // A 20 KB line of mixed one-, two- and three-byte characters, then a short one.
        let line: String = (0..7000).map(|i| ['a', 'é', '€'][i % 3]).collect();
        let text = format!("{line}\nxy");
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(997).chain([(text.len(), ' ')]) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(
                index.line_col(&text, offset).column,
                expected,
                "offset {offset}"
            );
        }
        // Inside a multi-byte character, as before: that character is counted.
        assert_eq!(index.line_col(&text, 2).column, 3);
    }

    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let text = "ab\nc’d\r\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        // 'd' follows a three-byte apostrophe: byte 7, column 3.
        assert_eq!(index.line_col(text, 7), LineCol { line: 2, column: 3 });
        assert_eq!(index.line_col(text, 10), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(text, 999), LineCol { line: 3, column: 5 });
        assert_eq!(index.line_span(text, 2), Span::new(3, 8));
    }
}
