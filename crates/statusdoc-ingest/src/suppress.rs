//! Inline suppression comments.
//!
//! - Markdown and HTML: `<!-- statusdoc-disable-next-line SD101 -->`,
//!   `<!-- statusdoc-disable-file SD101, SD104 -->`
//! - reStructuredText: `.. statusdoc-disable-next-line: SD101`,
//!   `.. statusdoc-disable-file: SD101`
//! - text dumps: a line `statusdoc-disable-next-line SD101`
//!
//! With no rule listed, every rule is off for that line or file. "Next line" is the next
//! line that is not blank and not itself a suppression comment.

use statusdoc_model::{Format, SourceFile, Span, Suppression, SuppressionScope};

const NEXT_LINE: &str = "statusdoc-disable-next-line";
const FILE: &str = "statusdoc-disable-file";

pub(crate) fn scan(source: &SourceFile, format: Format) -> Vec<Suppression> {
    let text = source.text();
    if !text.contains("statusdoc-disable") {
        return Vec::new();
    }
    let lines = source.lines();
    let mut found: Vec<(usize, Suppression)> = Vec::new();
    let mut pending: Vec<usize> = Vec::new(); // indexes into `found` waiting for their line
    for line_number in 1..=lines.line_count() {
        let span = lines.line_span(text, line_number);
        let line = &text[span.start..span.end];
        let trimmed = line.trim();
        if let Some((kind, rules)) = parse_comment(trimmed, format) {
            let start = span.start + (line.len() - line.trim_start().len());
            let comment_span = Span::new(start, span.end);
            let scope = if kind == FILE {
                SuppressionScope::File
            } else {
                SuppressionScope::Line(0)
            };
            if scope != SuppressionScope::File {
                pending.push(found.len());
            }
            found.push((
                line_number,
                Suppression {
                    rules,
                    scope,
                    span: comment_span,
                },
            ));
            continue;
        }
        if trimmed.is_empty() {
            continue;
        }
        for index in pending.drain(..) {
            found[index].1.scope = SuppressionScope::Line(line_number);
        }
    }
    // A next-line comment at the end of the file suppresses nothing; keep it with
    // line 0 so that it is reported as unused.
    found.into_iter().map(|(_, s)| s).collect()
}

fn parse_comment(line: &str, format: Format) -> Option<(&'static str, Vec<String>)> {
    let body = match format {
        Format::Markdown | Format::Html => line.strip_prefix("<!--")?.strip_suffix("-->")?.trim(),
        Format::ReStructuredText => line.strip_prefix("..")?.trim(),
        Format::Text => line,
    };
    let (kind, rest) = if let Some(rest) = body.strip_prefix(NEXT_LINE) {
        (NEXT_LINE, rest)
    } else if let Some(rest) = body.strip_prefix(FILE) {
        (FILE, rest)
    } else {
        return None;
    };
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rules = rest
        .split([',', ' ', '\t'])
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    Some((kind, rules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_next_line_and_file_comments() {
        let source = SourceFile::new(
            "p.md",
            "<!-- statusdoc-disable-file SD105 -->\n| a |\n<!-- statusdoc-disable-next-line SD101, SD102 -->\n\n| 415 | Not Acceptable |\n",
        );
        let found = scan(&source, Format::Markdown);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].scope, SuppressionScope::File);
        assert_eq!(found[0].rules, ["SD105"]);
        assert_eq!(found[1].scope, SuppressionScope::Line(5));
        assert_eq!(found[1].rules, ["SD101", "SD102"]);
    }

    #[test]
    fn rst_comment_form() {
        let source = SourceFile::new(
            "p.rst",
            ".. statusdoc-disable-next-line: SD101\n   | 415 |\n",
        );
        let found = scan(&source, Format::ReStructuredText);
        assert_eq!(found[0].scope, SuppressionScope::Line(2));
        assert_eq!(found[0].rules, ["SD101"]);
    }
}
