//! Directives (`.. name:: argument`): the argument, `:option: value` lines and
//! content, split the way docutils' `parse_directive_block` splits them.

use super::lines::Line;

#[derive(Debug, Clone)]
pub(crate) struct Directive<'a> {
    /// The argument's lines (for a caption: read as inline text).
    pub argument: Vec<Line<'a>>,
    /// The text after `::` on the first line (where errors without a better place
    /// point).
    pub argument_line: Line<'a>,
    pub options: Vec<(&'a str, Line<'a>)>,
    /// The content, cut to its common indentation.
    pub content: Vec<Line<'a>>,
}

/// `.. name:: rest` at the start of `text`: name and rest.
pub(crate) fn directive_head(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(".. ")?.trim_start();
    let colons = rest.find("::")?;
    let name = &rest[..colons];
    let after = &rest[colons + 2..];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || "-_:.+".contains(c))
        || !(after.is_empty() || after.starts_with(' '))
    {
        return None;
    }
    Some((name, after))
}

/// End of the block indented more than `indent` starting at `from` (blank lines inside
/// included, trailing blank lines excluded).
pub(crate) fn indented_end(lines: &[Line], from: usize, indent: usize) -> usize {
    let mut k = from;
    let mut last = from;
    while k < lines.len() {
        let l = lines[k];
        if l.is_blank() {
            k += 1;
            continue;
        }
        if l.indent() <= indent {
            break;
        }
        k += 1;
        last = k;
    }
    last
}

/// `lines` cut to their common indentation (blank lines ignored).
pub(crate) fn dedent<'a>(lines: &[Line<'a>]) -> Vec<Line<'a>> {
    let indent = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0);
    lines.iter().map(|l| l.skip(indent)).collect()
}

/// A body element whose first line is cut at `first` bytes and whose other lines are
/// cut to their common indentation (docutils' "first known indent").
pub(crate) fn first_known<'a>(lines: &[Line<'a>], first: usize) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    if let Some((head, rest)) = lines.split_first() {
        out.push(head.skip(first));
        out.extend(dedent(rest));
    }
    out
}

/// `:name:` followed by spaces or the end of the line (a field or an option): the
/// name's byte range and the marker's length with the spaces after it.
pub(crate) fn field_marker(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let b = text.as_bytes();
    if b.first() != Some(&b':') || matches!(b.get(1), None | Some(b':' | b' ')) {
        return None;
    }
    let mut k = 1;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 2,
            b':' => match b.get(k + 1) {
                None | Some(b' ') => {
                    if b[k - 1] == b' ' {
                        return None;
                    }
                    let spaces = b[k + 1..].iter().take_while(|&&c| c == b' ').count();
                    return Some((1..k, k + 1 + spaces));
                }
                Some(b'`') => return None,
                Some(_) => k += 1,
            },
            _ => k += 1,
        }
    }
    None
}

/// The directive whose explicit markup block is `block` (its first line is the
/// `.. name::` line, the others its indented lines). `takes_argument`: whether text
/// on the first line is an argument (a caption, a language) or already content (an
/// admonition's text).
pub(crate) fn parse<'a>(block: &[Line<'a>], takes_argument: bool) -> Option<Directive<'a>> {
    let head = *block.first()?;
    let (_, rest) = directive_head(head.text)?;
    let first = Line::new(head.end() - rest.len(), rest);
    let argument_line = first.skip(rest.len() - rest.trim_start().len()).trim_end();
    let mut lines = vec![argument_line];
    lines.extend(dedent(&block[1..]));
    if lines[0].is_blank() {
        lines.remove(0);
    }
    let blank = lines.iter().position(Line::is_blank).unwrap_or(lines.len());
    let mut argument: Vec<Line> = lines[..blank].to_vec();
    let mut content: Vec<Line> = lines[blank..].to_vec();
    let mut options = Vec::new();
    if let Some(at) = argument.iter().position(|l| field_marker(l.text).is_some()) {
        let mut k = at;
        while k < argument.len() {
            let line = argument[k];
            k += 1;
            let Some((name, len)) = field_marker(line.text) else {
                continue; // a continuation line of the option before
            };
            options.push((&line.text[name], line.skip(len).trim_end()));
        }
        argument.truncate(at);
    }
    if !takes_argument && !argument.is_empty() {
        argument.append(&mut content);
        content = std::mem::take(&mut argument);
    }
    Some(Directive {
        argument,
        argument_line,
        options,
        content,
    })
}

impl Directive<'_> {
    pub fn option(&self, name: &str) -> Option<Line<'_>> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}
