//! Explicit markup blocks: `.. name:: argument`, its `:option: value` lines and its
//! indented content, found from the line text alone.

use super::lines::Line;

#[derive(Debug, Clone)]
pub(crate) struct Directive<'a> {
    /// The argument (caption), continuation lines folded in, spans of its first line.
    pub argument: String,
    pub argument_line: Line<'a>,
    pub options: Vec<(&'a str, Line<'a>)>,
    /// Index range of the content lines in the page's lines.
    pub content: std::ops::Range<usize>,
    /// Index of the first line after the directive.
    pub end: usize,
}

/// `.. name:: rest` at the start of `text` (indentation removed): name and rest.
pub(crate) fn directive_head(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(".. ")?;
    let rest = rest.trim_start();
    let colons = rest.find("::")?;
    let name = &rest[..colons];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || "-_:.+".contains(c))
        || name.contains(' ')
    {
        return None;
    }
    Some((name, &rest[colons + 2..]))
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

/// The directive whose first line is `lines[i]`, indented `indent`.
pub(crate) fn parse<'a>(lines: &[Line<'a>], i: usize, indent: usize) -> Option<Directive<'a>> {
    let line = lines[i];
    let text = line.text.get(indent..)?;
    let (name, rest) = directive_head(text)?;
    let end = indented_end(lines, i + 1, indent);
    let arg_start = line.end() - rest.len();
    let argument_line = Line::new(arg_start, rest)
        .trim_end()
        .skip(rest.len() - rest.trim_start().len());
    let mut argument = argument_line.text.to_owned();
    let mut k = i + 1;
    // Argument continuation lines, then options, up to the first blank line.
    while k < end && !lines[k].is_blank() && !lines[k].text.trim_start().starts_with(':') {
        argument.push(' ');
        argument.push_str(lines[k].text.trim());
        k += 1;
    }
    let mut options = Vec::new();
    while k < end && !lines[k].is_blank() {
        let l = lines[k];
        let t = l.text.trim_start();
        let option_indent = l.indent();
        if let Some(body) = t.strip_prefix(':') {
            if let Some(close) = body.find(':') {
                let name = &body[..close];
                let value_text = &body[close + 1..];
                let start = l.end() - value_text.len();
                let value = Line::new(start, value_text)
                    .trim_end()
                    .skip(value_text.len() - value_text.trim_start().len());
                options.push((name, value));
                k += 1;
                // Continuation lines of a long option value are folded into nothing
                // here: the options statusdoc reads are one-liners.
                while k < end && !lines[k].is_blank() && lines[k].indent() > option_indent {
                    k += 1;
                }
                continue;
            }
        }
        break;
    }
    while k < end && lines[k].is_blank() {
        k += 1;
    }
    let _ = name;
    Some(Directive {
        argument,
        argument_line,
        options,
        content: k..end,
        end,
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
