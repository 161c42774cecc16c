//! Inline suppression comments.
//!
//! - Markdown and HTML: `<!-- statusdoc-disable-next-line SD101 -->`,
//!   `<!-- statusdoc-disable-file SD101, SD104 -->`
//! - reStructuredText: `.. statusdoc-disable-next-line: SD101`,
//!   `.. statusdoc-disable-file: SD101`
//! - text dumps: a line `statusdoc-disable-next-line SD101`
//! - AsciiDoc: `// statusdoc-disable-next-line SD101`, `// statusdoc-disable-file SD101`
//! - OpenAPI YAML: `# statusdoc-disable-next-line SD101`; and `x-statusdoc-disable:
//!   [SD101]` on a response or an operation (or at the top level, for the file), which the
//!   OpenAPI reader turns into suppressions of that node's lines
//!
//! With no rule listed, every rule is off for that line or file. "Next line" is the next
//! line that is not blank and not itself a suppression comment. In reStructuredText,
//! where a table cannot hold a comment, a comment right above a table (its border or
//! its `.. table::`, `.. list-table::`, `.. csv-table::` directive) covers the table.
//! In AsciiDoc, a comment right above a table (its `[cols=…]` line, `.Title` or `|===`)
//! covers the table, and a comment inside a table covers the row below it (up to the
//! next blank line), since a row's cells often stand on lines of their own. In YAML, a
//! comment covers the next line and the lines indented below it (a response key and
//! its description).

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
    let adoc_tables = if format == Format::AsciiDoc {
        asciidoc_tables(source)
    } else {
        Vec::new()
    };
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
        let scope = match format {
            Format::ReStructuredText => rst_table_end(source, line_number)
                .map_or(SuppressionScope::Line(line_number), |last| {
                    SuppressionScope::Lines(line_number, last)
                }),
            Format::AsciiDoc => asciidoc_scope(source, &adoc_tables, line_number),
            Format::OpenApi => match yaml_block_end(source, line_number) {
                last if last > line_number => SuppressionScope::Lines(line_number, last),
                _ => SuppressionScope::Line(line_number),
            },
            _ => SuppressionScope::Line(line_number),
        };
        for index in pending.drain(..) {
            found[index].1.scope = scope.clone();
        }
    }
    // A next-line comment at the end of the file suppresses nothing; keep it with
    // line 0 so that it is reported as unused.
    found.into_iter().map(|(_, s)| s).collect()
}

/// The last line of the reStructuredText table that starts at `first`, if one does: a
/// grid or simple table runs to its last border line, a table directive to the end of
/// its indented body.
fn rst_table_end(source: &SourceFile, first: usize) -> Option<usize> {
    let text = source.text();
    let lines = source.lines();
    let line = |n: usize| {
        let span = lines.line_span(text, n);
        &text[span.start..span.end]
    };
    let head = line(first);
    let trimmed = head.trim_start();
    let indent = head.len() - trimmed.len();
    let is_directive = [".. table::", ".. list-table::", ".. csv-table::"]
        .iter()
        .any(|d| trimmed.starts_with(d));
    let is_border =
        trimmed.starts_with("+-") || trimmed.starts_with("+=") || trimmed.starts_with("==");
    if !is_directive && !is_border {
        return None;
    }
    let mut last = first;
    for n in first + 1..=lines.line_count() {
        let l = line(n);
        let t = l.trim_start();
        if is_directive {
            if !t.is_empty() && l.len() - t.len() <= indent {
                break;
            }
        } else if t.is_empty() && !trimmed.starts_with("==") {
            break;
        } else if trimmed.starts_with("==") && t.is_empty() {
            // A simple table ends at a blank line after its closing border.
            if line(last).trim_start().starts_with("==") && last > first {
                break;
            }
        }
        if !t.is_empty() {
            last = n;
        }
    }
    Some(last)
}

/// The last line of the YAML node that starts on line `first`: the lines after it that
/// are blank, comments or indented more deeply.
fn yaml_block_end(source: &SourceFile, first: usize) -> usize {
    let text = source.text();
    let lines = source.lines();
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let span = lines.line_span(text, first);
    let base = indent(&text[span.start..span.end]);
    let mut last = first;
    for n in first + 1..=lines.line_count() {
        let span = lines.line_span(text, n);
        let l = &text[span.start..span.end];
        let trimmed = l.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if indent(l) <= base {
            break;
        }
        last = n;
    }
    last
}

/// The AsciiDoc tables of a page as (opening, closing) 1-based delimiter lines.
fn asciidoc_tables(source: &SourceFile) -> Vec<(usize, usize)> {
    let text = source.text();
    let lines = source.lines();
    let mut tables = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut literal: Option<&str> = None;
    for n in 1..=lines.line_count() {
        let span = lines.line_span(text, n);
        let line = text[span.start..span.end].trim_end();
        if let Some(delimiter) = literal {
            if line == delimiter {
                literal = None;
            }
            continue;
        }
        match open {
            Some((first, delimiter)) if line == delimiter => {
                tables.push((first, n));
                open = None;
            }
            Some(_) => {}
            None if is_table_delimiter(line) => open = Some((n, line)),
            None if line.len() >= 4
                && (line.bytes().all(|b| b == b'-') || line.bytes().all(|b| b == b'.')) =>
            {
                literal = Some(line);
            }
            None => {}
        }
    }
    tables
}

fn is_table_delimiter(line: &str) -> bool {
    line.len() >= 4
        && matches!(line.as_bytes()[0], b'|' | b',' | b':' | b'!')
        && line.bytes().skip(1).all(|b| b == b'=')
}

/// What a next-line comment covers in AsciiDoc when its next line is `first`.
fn asciidoc_scope(
    source: &SourceFile,
    tables: &[(usize, usize)],
    first: usize,
) -> SuppressionScope {
    let text = source.text();
    let lines = source.lines();
    let line = |n: usize| {
        let span = lines.line_span(text, n);
        text[span.start..span.end].trim()
    };
    // Above a table: its attribute lines and title, then the delimiter.
    let mut n = first;
    while n <= lines.line_count() {
        let l = line(n);
        if let Some(&(_, close)) = tables.iter().find(|(open, _)| *open == n) {
            return SuppressionScope::Lines(first, close);
        }
        let is_attribute = l.starts_with('[') && l.ends_with(']');
        let is_title = l.starts_with('.') && l.len() > 1 && !l[1..].starts_with(['.', ' ']);
        if !is_attribute && !is_title {
            break;
        }
        n += 1;
    }
    // Inside a table: the row below, up to a blank line or the table's end.
    if let Some(&(_, close)) = tables
        .iter()
        .find(|(open, close)| *open < first && first < *close)
    {
        let mut last = first;
        while last + 1 < close && !line(last + 1).is_empty() {
            last += 1;
        }
        return if last == first {
            SuppressionScope::Line(first)
        } else {
            SuppressionScope::Lines(first, last)
        };
    }
    SuppressionScope::Line(first)
}

fn parse_comment(line: &str, format: Format) -> Option<(&'static str, Vec<String>)> {
    let body = match format {
        Format::Markdown | Format::Html => line.strip_prefix("<!--")?.strip_suffix("-->")?.trim(),
        Format::ReStructuredText => line.strip_prefix("..")?.trim(),
        Format::Text => line,
        Format::AsciiDoc => {
            let body = line.strip_prefix("//")?;
            if body.starts_with('/') {
                return None; // a `////` comment block delimiter
            }
            body.trim()
        }
        Format::OpenApi => line.strip_prefix('#')?.trim(),
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
    fn rst_comment_above_a_table_covers_it() {
        let source = SourceFile::new(
            "p.rst",
            "Codes\n=====\n\n.. statusdoc-disable-next-line: SD101\n\n.. table:: Codes\n\n   +-----+\n   | 415 |\n   +-----+\n\nAfter.\n",
        );
        let found = scan(&source, Format::ReStructuredText);
        assert_eq!(found[0].scope, SuppressionScope::Lines(6, 10));
        let source = SourceFile::new(
            "p.rst",
            ".. statusdoc-disable-next-line: SD101\n+-----+\n| 415 |\n+-----+\n\nAfter.\n",
        );
        assert_eq!(
            scan(&source, Format::ReStructuredText)[0].scope,
            SuppressionScope::Lines(2, 4)
        );
    }

    #[test]
    fn asciidoc_comments_cover_tables_and_rows() {
        let source = SourceFile::new(
            "p.adoc",
            "// statusdoc-disable-file SD105\n// statusdoc-disable-next-line SD101\n[cols=\"1,3\"]\n|===\n| Code | Text\n\n// statusdoc-disable-next-line SD102\n| 415\n| Not Acceptable\n\n| 200\n| OK\n|===\n// statusdoc-disable-next-line\nAfter.\n",
        );
        let found = scan(&source, Format::AsciiDoc);
        assert_eq!(found.len(), 4);
        assert_eq!(found[0].scope, SuppressionScope::File);
        assert_eq!(found[1].scope, SuppressionScope::Lines(3, 13));
        assert_eq!(found[2].scope, SuppressionScope::Lines(8, 9));
        assert_eq!(found[2].rules, ["SD102"]);
        assert_eq!(found[3].scope, SuppressionScope::Line(15));
        assert!(found[3].rules.is_empty());
    }

    #[test]
    fn yaml_comments() {
        let source = SourceFile::new(
            "p.yaml",
            "responses:\n  # statusdoc-disable-next-line SD101\n  '415':\n    description: Not Acceptable\n",
        );
        let found = scan(&source, Format::OpenApi);
        assert_eq!(found[0].scope, SuppressionScope::Lines(3, 4));
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
