//! What readers share: whitespace folding for metadata text, line splitting. (Deciding what a status
//! code is belongs to the interpreter, `statusdoc-interpret`.)

pub(crate) use statusdoc_interpret::words::leading_code;
use statusdoc_model::page::Text;
use statusdoc_model::{Diagnostic, Document, Rule, Severity, Span};

/// An info note (SD003, reader-limit) on the page: a part the reader read with less
/// structure than it has.
pub(crate) fn reader_limit_note(
    document: &mut Document,
    span: Span,
    message: impl Into<String>,
    help: impl Into<String>,
) {
    let note = Diagnostic::of(
        Rule::ReaderLimit,
        Severity::Info,
        &document.source,
        span,
        message,
    )
    .with_help(help);
    document.notes.push(note);
}

/// Folds runs of whitespace to one space and trims the ends.
pub(crate) fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The lines of `text` as byte ranges `(start, end)` of their content, line endings left
/// out. A line ends at `\n`, `\r\n` or a lone `\r` (a classic Mac line ending), as
/// docutils and Asciidoctor split lines. A last line without an ending is a line; the
/// empty text after a final line ending is not.
pub(crate) fn line_ranges(text: &str) -> LineRanges<'_> {
    LineRanges {
        bytes: text.as_bytes(),
        start: 0,
    }
}

pub(crate) struct LineRanges<'a> {
    bytes: &'a [u8],
    start: usize,
}

impl Iterator for LineRanges<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.start;
        if start >= self.bytes.len() {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', &self.bytes[start..]) {
            Some(at) => {
                let end = start + at;
                let crlf = self.bytes[end] == b'\r' && self.bytes.get(end + 1) == Some(&b'\n');
                self.start = end + if crlf { 2 } else { 1 };
                Some((start, end))
            }
            None => {
                self.start = self.bytes.len();
                Some((start, self.bytes.len()))
            }
        }
    }
}

/// Whether a line ends at `bytes[at]`: a `\n`, or a `\r` not followed by `\n` (a lone
/// `\r`, a classic Mac line ending).
pub(crate) fn is_line_end(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(at + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// [`Text::push_source`] for a piece whose lines may end in a lone `\r`: those are line
/// breaks too (`push_source` knows only `\n`).
pub(crate) fn push_source_lines(out: &mut Text, piece: &str, source_start: usize) {
    let bytes = piece.as_bytes();
    let mut from = 0;
    let mut search = 0;
    while let Some(found) = memchr::memchr(b'\r', &bytes[search..]) {
        let cr = search + found;
        search = cr + 1;
        if !is_line_end(bytes, cr) {
            continue;
        }
        // The run of white space around the line break is one break.
        let run_start = piece[..cr].trim_end().len().max(from);
        let run_end = piece.len() - piece[cr..].trim_start().len();
        out.push_source(&piece[from..run_start], source_start + from);
        out.line_break(Span::new(source_start + run_start, source_start + run_end));
        from = run_end;
        search = search.max(run_end);
    }
    out.push_source(&piece[from..], source_start + from);
}

/// The `title:` value of a page's front matter and its span, when the front matter
/// ends before `end`.
pub(crate) fn front_matter_title(source: &str, end: usize) -> Option<(String, Span)> {
    let mut at = 0;
    for line in source[..end].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let Some(rest) = line.strip_prefix("title:") else {
            continue;
        };
        let lead = rest.len() - rest.trim_start().len();
        let value = rest.trim();
        let unquoted = value.trim_matches(['"', '\'']);
        if unquoted.is_empty() {
            return None;
        }
        let offset = start
            + "title:".len()
            + lead
            + (value.len() - value.trim_start_matches(['"', '\'']).len());
        return Some((
            unquoted.to_owned(),
            Span::new(offset, offset + unquoted.len()),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd\r\re";
        let lines: Vec<&str> = line_ranges(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(lines, ["a", "b", "c", "d", "", "e"]);
        assert_eq!(line_ranges("a\r").count(), 1);
        assert_eq!(line_ranges("").count(), 0);
        assert_eq!(line_ranges("\r\n\r").count(), 2);
    }

    #[test]
    fn a_lone_cr_is_a_line_break_of_the_text() {
        let source = "x 404 Not Found \r 410 Gone\r\n";
        let mut text = Text::new();
        push_source_lines(&mut text, source, 0);
        text.trim_end();
        assert_eq!(text.as_str(), "x 404 Not Found 410 Gone");
        assert_eq!(text.lines().len(), 2);
        let span = text.source_span(16..24);
        assert_eq!(&source[span.start..span.end], "410 Gone");
    }
}
