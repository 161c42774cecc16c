//! Inline markup: the lines of one paragraph (or title, term, cell line) in, plain
//! [`Text`] out, every character mapped to its source bytes.
//!
//! The recognition rules follow docutils' (a start-string follows whitespace or an
//! opening punctuation mark and precedes a non-space; an end-string follows a non-space
//! and precedes whitespace or closing punctuation), so `2*3*4` and `snake_case` stay
//! as written. Markup does not nest, as in docutils. `**strong**` is marked
//! [`Mark::Strong`]; ``literal``, `interpreted` and `:role:`text`` are marked
//! [`Mark::Code`]. Substitutions defined on the page are replaced (mapped text over
//! the reference); undefined ones stay as written, as docutils shows them.
//!
//! Each kind of end-string is looked up with a forward-only cursor, so a paragraph full
//! of unmatched start-strings is still read in linear time.

use std::collections::HashMap;

use statusdoc_model::page::{Mark, Text};
use statusdoc_model::Span;

use super::lines::Line;

/// Substitution definitions of the page (`.. |name| replace:: text`), by
/// [`substitution_key`].
pub(crate) type Substitutions = HashMap<String, String>;

/// Substitution names match case-insensitively, with white space folded.
pub(crate) fn substitution_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The text of `lines` (joined by line breaks) with inline markup rendered.
pub(crate) fn inline(lines: &[Line], substitutions: &Substitutions) -> Text {
    let joined = Joined::new(lines);
    let mut out = Text::new();
    let s = joined.text.as_str();
    if !s
        .bytes()
        .any(|b| matches!(b, b'*' | b'`' | b'\\' | b'_' | b':' | b'|'))
    {
        joined.verbatim(&mut out, 0, s.len());
    } else {
        Inline {
            joined: &joined,
            substitutions,
            finders: Default::default(),
        }
        .run(&mut out);
    }
    out.trim_end();
    out
}

/// The lines joined by `\n`, with where each line comes from.
struct Joined {
    text: String,
    /// Per line: its offset in `text` and in the page.
    lines: Vec<(usize, usize)>,
}

impl Joined {
    fn new(lines: &[Line]) -> Self {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            starts.push((text.len(), line.start));
            text.push_str(line.text.trim_end());
        }
        Joined {
            text,
            lines: starts,
        }
    }

    fn line_of(&self, at: usize) -> usize {
        self.lines.partition_point(|l| l.0 <= at).saturating_sub(1)
    }

    fn line_end(&self, k: usize) -> usize {
        self.lines
            .get(k + 1)
            .map_or(self.text.len(), |next| next.0 - 1)
    }

    /// The page offset of a position (a line break maps to the end of its line).
    fn source(&self, at: usize) -> usize {
        let k = self.line_of(at);
        let (joined, page) = self.lines.get(k).copied().unwrap_or((0, 0));
        page + at.min(self.line_end(k)) - joined
    }

    /// Pushes `text[from..to]` as verbatim pieces, one per line, with a space between
    /// lines mapped to the bytes between them.
    fn verbatim(&self, out: &mut Text, from: usize, to: usize) {
        if from >= to || self.lines.is_empty() {
            return;
        }
        let mut k = self.line_of(from);
        let mut at = from;
        loop {
            let (joined, page) = self.lines[k];
            let end = self.line_end(k);
            let stop = to.min(end);
            if at < stop {
                out.push_source(&self.text[at..stop], page + at - joined);
            }
            if to <= end || k + 1 >= self.lines.len() {
                return;
            }
            k += 1;
            out.line_break(Span::new(page + end - joined, self.lines[k].1));
            at = self.lines[k].0;
        }
    }

    fn mapped(&self, out: &mut Text, piece: &str, from: usize, to: usize) {
        out.push_mapped(piece, Span::new(self.source(from), self.source(to)));
    }
}

/// Finds end-strings of one kind. Queries come with non-decreasing start positions,
/// so the scan only moves forward: the answer to the last query is reused while it
/// lies at or after the new start.
#[derive(Default)]
struct Finder {
    from: usize,
    found: Option<Option<usize>>,
}

impl Finder {
    fn find(&mut self, from: usize, len: usize, valid: impl Fn(usize) -> bool) -> Option<usize> {
        if let Some(found) = self.found {
            if from >= self.from {
                match found {
                    None => return None,
                    Some(k) if k >= from => return Some(k),
                    Some(_) => {}
                }
            }
        }
        let hit = (from..len).find(|&k| valid(k));
        if self.found.is_none() || from >= self.from {
            self.from = from;
            self.found = Some(hit);
        }
        hit
    }
}

/// Inline markup with a fixed end-string: start and end string, whether backslash
/// escapes count inside, and the mark. Longer start-strings first.
const SIMPLE: [(&str, bool, Option<Mark>); 3] = [
    ("**", true, Some(Mark::Strong)),
    ("``", false, Some(Mark::Code)),
    ("*", true, None),
];

/// Finders for the [`SIMPLE`] kinds, then interpreted text, then substitutions.
const INTERPRETED: usize = 3;
const SUBSTITUTION: usize = 4;

struct Inline<'j, 's> {
    joined: &'j Joined,
    substitutions: &'s Substitutions,
    finders: [Finder; 5],
}

/// What starts at a position.
enum Found {
    /// Markup: the range whose text is shown (escapes processed unless `literal`), how
    /// it is marked, and where the markup ends.
    Markup {
        shown: (usize, usize),
        literal: bool,
        mark: Option<Mark>,
        end: usize,
    },
    /// `:rfc:` and `:pep:` show `RFC 7231`: the prefix stands for the role name.
    Numbered {
        prefix: &'static str,
        role: (usize, usize),
        shown: (usize, usize),
        end: usize,
    },
    /// A substitution defined on the page: its text replaces the reference.
    Substitution {
        text: String,
        start: usize,
        end: usize,
    },
    /// An undefined substitution reference: kept as written.
    Skip(usize),
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s.get(..at).and_then(|r| r.chars().next_back())
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn can_start(prev: Option<char>, next: Option<char>) -> bool {
    let before = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "-:/'\"<([{“‘«–—".contains(p),
    };
    before && !is_space(next)
}

fn can_end(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => n.is_whitespace() || "-.,:;!?\\/'\")]}>”’»–—".contains(n),
    }
}

/// A start-string between quotes or brackets (`"*"`, `(*)`) is not markup.
fn quoted(prev: Option<char>, next: Option<char>) -> bool {
    let closer = match prev {
        Some('\'') => '\'',
        Some('"') => '"',
        Some('(') => ')',
        Some('[') => ']',
        Some('{') => '}',
        Some('<') => '>',
        _ => return false,
    };
    next == Some(closer)
}

/// Whether the byte at `at` is escaped by an odd run of backslashes before it.
fn escaped(b: &[u8], at: usize) -> bool {
    b[..at].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1
}

impl Inline<'_, '_> {
    fn run(&mut self, out: &mut Text) {
        let s = self.joined.text.as_str();
        let b = s.as_bytes();
        let mut i = 0;
        let mut plain = 0;
        while i < b.len() {
            match b[i] {
                b'\\' => {
                    i += 1 + char_at(s, i + 1).map_or(0, char::len_utf8);
                    continue;
                }
                b'*' | b'`' | b':' | b'|' => match self.markup(i) {
                    Some(Found::Skip(end)) => {
                        i = end;
                        continue;
                    }
                    Some(found) => {
                        self.plain(out, plain, i);
                        i = self.emit(out, found);
                        plain = i;
                        continue;
                    }
                    None => {}
                },
                b'_' => {
                    // `name_` and `name__`: a reference; the underscores are markup.
                    let run = b[i..].iter().take_while(|&&c| c == b'_').count();
                    if run <= 2
                        && char_before(s, i).is_some_and(char::is_alphanumeric)
                        && can_end(char_at(s, i + run))
                    {
                        self.plain(out, plain, i);
                        plain = i + run;
                    }
                    i += run;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        self.plain(out, plain, b.len());
    }

    fn emit(&self, out: &mut Text, found: Found) -> usize {
        match found {
            Found::Markup {
                shown,
                literal,
                mark,
                end,
            } => {
                let from = out.len();
                if literal {
                    self.joined.verbatim(out, shown.0, shown.1);
                } else {
                    self.plain(out, shown.0, shown.1);
                }
                if let Some(mark) = mark {
                    out.mark(from, mark);
                }
                end
            }
            Found::Numbered {
                prefix,
                role,
                shown,
                end,
            } => {
                let from = out.len();
                self.joined.mapped(out, prefix, role.0, role.1);
                out.space(Span::empty(self.joined.source(shown.0)));
                self.plain(out, shown.0, shown.1);
                out.mark(from, Mark::Code);
                end
            }
            Found::Substitution { text, start, end } => {
                self.joined.mapped(out, &text, start, end);
                end
            }
            Found::Skip(end) => end,
        }
    }

    /// Text with backslash escapes: an escaped character is shown (mapped to the
    /// escape), an escaped space disappears.
    fn plain(&self, out: &mut Text, from: usize, to: usize) {
        let s = self.joined.text.as_str();
        let b = s.as_bytes();
        let mut run = from;
        let mut k = from;
        while k < to {
            if b[k] != b'\\' {
                k += 1;
                continue;
            }
            self.joined.verbatim(out, run, k);
            match char_at(s, k + 1).filter(|_| k + 1 < to) {
                Some(c) => {
                    if !c.is_whitespace() {
                        self.joined.mapped(
                            out,
                            c.encode_utf8(&mut [0; 4]),
                            k,
                            k + 1 + c.len_utf8(),
                        );
                    }
                    k += 1 + c.len_utf8();
                }
                None => k += 1,
            }
            run = k;
        }
        self.joined.verbatim(out, run, to);
    }

    /// Markup starting at byte `i` (a `*`, a backquote, a `:` or a `|`).
    fn markup(&mut self, i: usize) -> Option<Found> {
        let s = self.joined.text.as_str();
        let b = s.as_bytes();
        let n = b.len();
        let prev = char_before(s, i);
        let at = |k: usize| char_at(s, k);
        let nonspace_before = |k: usize| !is_space(char_before(s, k));
        for (kind, (delimiter, escapes, mark)) in SIMPLE.into_iter().enumerate() {
            if !s[i..].starts_with(delimiter) {
                continue;
            }
            let from = i + delimiter.len();
            if !can_start(prev, at(from)) || quoted(prev, at(from)) {
                return None;
            }
            let end = self.finders[kind].find(from + 1, n, |k| {
                b[k..].starts_with(delimiter.as_bytes())
                    && !(escapes && escaped(b, k))
                    && nonspace_before(k)
                    && can_end(at(k + delimiter.len()))
            })?;
            return Some(Found::Markup {
                shown: (from, end),
                literal: !escapes,
                mark,
                end: end + delimiter.len(),
            });
        }
        match b[i] {
            b'`' => {
                if !can_start(prev, at(i + 1)) || quoted(prev, at(i + 1)) {
                    return None;
                }
                let end = self.interpreted_end(i + 1)?;
                let mut next = end + 1;
                let mut reference = false;
                if b.get(next) == Some(&b'_') {
                    reference = true;
                    next += 1;
                    if b.get(next) == Some(&b'_') {
                        next += 1;
                    }
                } else if let Some(len) = role_len(s, next) {
                    next += len;
                }
                if !can_end(at(next)) {
                    return None;
                }
                Some(Found::Markup {
                    shown: target_text(s, i + 1, end, reference),
                    literal: false,
                    mark: (!reference).then_some(Mark::Code),
                    end: next,
                })
            }
            b':' => {
                // :role:`text`
                if !prev.is_none_or(|p| p.is_whitespace() || "-/'\"<([{".contains(p)) {
                    return None;
                }
                let len = role_len(s, i)?;
                if b.get(i + len) != Some(&b'`') || is_space(at(i + len + 1)) {
                    return None;
                }
                let from = i + len + 1;
                let end = self.interpreted_end(from)?;
                if !can_end(at(end + 1)) {
                    return None;
                }
                let prefix = match &s[i + 1..i + len - 1] {
                    "rfc" => "RFC",
                    "pep" => "PEP",
                    _ => {
                        return Some(Found::Markup {
                            shown: target_text(s, from, end, true),
                            literal: false,
                            mark: Some(Mark::Code),
                            end: end + 1,
                        })
                    }
                };
                let number = s[from..end].find('#').map_or(end, |k| from + k);
                Some(Found::Numbered {
                    prefix,
                    role: (i, i + len),
                    shown: (from, number),
                    end: end + 1,
                })
            }
            b'|' => {
                if !can_start(prev, at(i + 1)) || quoted(prev, at(i + 1)) {
                    return None;
                }
                let end = self.finders[SUBSTITUTION].find(i + 2, n, |k| {
                    b[k] == b'|' && !escaped(b, k) && nonspace_before(k)
                })?;
                let mut next = end + 1;
                for _ in 0..2 {
                    if b.get(next) == Some(&b'_') {
                        next += 1;
                    }
                }
                if !can_end(at(next)) {
                    return None;
                }
                Some(
                    match self.substitutions.get(&substitution_key(&s[i + 1..end])) {
                        Some(text) => Found::Substitution {
                            text: text.clone(),
                            start: i,
                            end: next,
                        },
                        None => Found::Skip(next),
                    },
                )
            }
            _ => None,
        }
    }

    /// The closing backquote of interpreted text or a phrase reference opened before
    /// `from` (the first unescaped one after a non-space).
    fn interpreted_end(&mut self, from: usize) -> Option<usize> {
        let s = self.joined.text.as_str();
        let b = s.as_bytes();
        self.finders[INTERPRETED].find(from + 1, b.len(), |k| {
            b[k] == b'`' && !escaped(b, k) && !is_space(char_before(s, k))
        })
    }
}

/// Length of `:name:` at `i` (a role name: letters, digits, `-_+.`, and Sphinx's
/// domain roles, `:http:statuscode:`, `:py:func:`, whose name has colons inside).
fn role_len(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?.strip_prefix(':')?;
    let mut segment_start = 0;
    for (k, c) in rest.char_indices() {
        if c == ':' {
            if k == segment_start {
                return None;
            }
            // Another segment of a domain role goes on after the colon.
            let next = rest[k + 1..].chars().next();
            if next.is_some_and(|n| n.is_alphanumeric()) {
                segment_start = k + 1;
                continue;
            }
            return Some(k + 2);
        }
        if !(c.is_alphanumeric() || "-_+.".contains(c)) {
            return None;
        }
    }
    None
}

/// What a reference or role shows: `title <target>` shows `title`, a bare `<target>`
/// shows the target, anything else itself.
fn target_text(s: &str, from: usize, end: usize, reference: bool) -> (usize, usize) {
    let inner = &s[from..end];
    let trimmed = inner.trim_end();
    if reference && trimmed.ends_with('>') {
        if let Some(open) = trimmed.rfind('<') {
            if open == 0 {
                return (from + 1, from + trimmed.len() - 1);
            }
            if trimmed[..open].ends_with(char::is_whitespace) {
                return (from, from + trimmed[..open].trim_end().len());
            }
        }
    }
    (from, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> Text {
        let mut subs = Substitutions::new();
        subs.insert("status-200".into(), "200 OK".into());
        inline(&[Line::new(0, text)], &subs)
    }

    #[test]
    fn markup_is_removed() {
        let cases = [
            ("a **Retry-After** header", "a Retry-After header"),
            ("``-``", "-"),
            ("see `the docs <https://x>`_ now", "see the docs now"),
            (":doc:`api-admin-user`", "api-admin-user"),
            (":ref:`Table 1 <x_y>` describes", "Table 1 describes"),
            ("2*3*4 and snake_case", "2*3*4 and snake_case"),
            ("|status-404|: ok", "|status-404|: ok"),
            ("a \\*b\\* c", "a *b* c"),
            ("*emph* word_ x", "emph word x"),
            ("|status-200|: ok", "200 OK: ok"),
            // Sphinx domain roles: the name has colons inside.
            ("- :http:statuscode:`404` -- gone", "- 404 -- gone"),
            (":py:func:`len` is a function", "len is a function"),
        ];
        for (source, shown) in cases {
            assert_eq!(render(source).as_str(), shown, "{source}");
        }
    }

    #[test]
    fn spans_and_marks() {
        let source = "* **404 Not\n  Found** and ``x``";
        let lines = [Line::new(2, &source[2..11]), Line::new(14, &source[14..])];
        let text = inline(&lines, &Substitutions::new());
        assert_eq!(text.as_str(), "404 Not Found and x");
        let span = text.source_span(4..13);
        assert_eq!(&source[span.start..span.end], "Not\n  Found");
        assert!(text.is_marked(0..13, Mark::Strong));
        assert!(text.is_marked(18..19, Mark::Code));
        let escaped = render("a\\*b");
        assert_eq!(escaped.source_span(1..2), Span::new(1, 3));
    }

    #[test]
    fn unmatched_starts_are_linear() {
        let page = "*a `b |c ``d **e ".repeat(40_000);
        let started = std::time::Instant::now();
        assert_eq!(render(&page).as_str().len(), page.trim_end().len());
        assert!(started.elapsed().as_secs() < 2);
    }
}
