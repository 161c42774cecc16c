//! Which reader a page needs: by extension where it is telling, else by content.

use statusdoc_model::Format;

/// The format an extension stands for; `None` for `.txt` and unknown extensions,
/// whose content decides. `.yaml`, `.yml` and `.json` stand for OpenAPI: the only YAML
/// or JSON statusdoc reads (a folder walk keeps only those that are OpenAPI documents,
/// see [`is_openapi`]; a named file that is not one gets a finding).
pub fn format_from_extension(path: &str) -> Option<Format> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "md" | "markdown" | "mdown" | "mkd" | "mdx" => Some(Format::Markdown),
        "rst" | "rest" => Some(Format::ReStructuredText),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "adoc" | "asciidoc" | "asc" => Some(Format::AsciiDoc),
        "yaml" | "yml" | "json" => Some(Format::OpenApi),
        _ => None,
    }
}

/// Whether text is an OpenAPI or Swagger document: a top-level `openapi:` or
/// `swagger:` key (YAML, at column 0, after comments and a `---`), or an `"openapi"` or
/// `"swagger"` member of a JSON object, among the first lines.
pub fn is_openapi(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    let head = text.trim_start();
    if head.starts_with('{') {
        // JSON: a member of the outermost object (the first members are enough).
        let window = &head[..head.len().min(4096)];
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut string_start = 0;
        for (i, c) in window.char_indices() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                    let key = &window[string_start..i];
                    let after = window[i + 1..].trim_start();
                    if depth == 1 && after.starts_with(':') && matches!(key, "openapi" | "swagger")
                    {
                        return true;
                    }
                }
                continue;
            }
            match c {
                '"' => {
                    in_string = true;
                    string_start = i + 1;
                }
                '{' | '[' => depth += 1,
                '}' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        return false;
    }
    text.lines().take(400).any(|line| {
        let key = line
            .strip_prefix("openapi")
            .or_else(|| line.strip_prefix("swagger"))
            .or_else(|| line.strip_prefix("\"openapi\""))
            .or_else(|| line.strip_prefix("\"swagger\""))
            .or_else(|| line.strip_prefix("'openapi'"))
            .or_else(|| line.strip_prefix("'swagger'"));
        key.is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Formats people hand statusdoc that it has no reader for: named so the finding can
/// say which.
pub(crate) fn unsupported_format(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "pdf" => "PDF",
        "docx" | "doc" | "odt" => "word-processor documents",
        "dita" | "ditamap" | "xml" => "DITA/XML",
        "tex" => "LaTeX",
        "org" => "Org mode",
        "textile" => "Textile",
        "wiki" | "mediawiki" => "MediaWiki markup",
        _ => return None,
    })
}

pub(crate) fn detect(path: &str, text: &str) -> Format {
    format_from_extension(path).unwrap_or_else(|| sniff_format(text))
}

/// Signs of AsciiDoc that no other format has: a `= Title` first line, `|===` table
/// delimiters, block macros and preprocessor directives, AsciiDoc block attribute lines.
fn asciidoc_score(lines: &[&str]) -> usize {
    let mut score = 0;
    if lines
        .iter()
        .find(|l| !l.trim().is_empty() && !l.starts_with("//") && !l.starts_with("[["))
        .is_some_and(|l| l.starts_with("= ") && l.len() > 2)
    {
        score += 3;
    }
    for line in lines {
        let line = line.trim_end();
        if line.starts_with("|===") || line.starts_with(",===") || line.starts_with(":===") {
            score += 3;
        }
        let macro_line = [
            "include::",
            "image::",
            "ifdef::",
            "ifndef::",
            "endif::",
            "toc::[",
        ];
        if macro_line.iter().any(|m| line.starts_with(m)) && line.ends_with(']') {
            score += 2;
        }
        let attribute_line = [
            "[source,",
            "[cols=",
            "[options=",
            "[horizontal]",
            "[NOTE]",
            "[TIP]",
            "[WARNING]",
        ];
        if attribute_line.iter().any(|a| line.starts_with(a)) {
            score += 2;
        }
    }
    score
}

/// Guesses a page's format from its content. Each format has signs no other has: an
/// HTML tag at the start, RST directives, field lists and grid-table borders, Markdown
/// front matter, ATX headings and pipe-table delimiter rows. Text dumps have none.
pub fn sniff_format(text: &str) -> Format {
    let text = text.trim_start_matches('\u{feff}');
    let head = text.trim_start();
    let lower_head: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_head.starts_with("<!doctype html")
        || lower_head.starts_with("<html")
        || lower_head.starts_with("<?xml")
        || (lower_head.starts_with('<') && count_tags(text) >= 3)
    {
        return Format::Html;
    }
    if is_openapi(text) {
        return Format::OpenApi;
    }

    let mut rst = 0usize;
    let mut markdown = 0usize;
    let mut html_tags = 0usize;
    let lines: Vec<&str> = text.lines().take(2000).collect();
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        markdown += 3; // YAML front matter
    }
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(".. ") && trimmed.contains("::") || trimmed.starts_with(".. _") {
            rst += 3;
        }
        if trimmed.starts_with('+') && trimmed.ends_with('+') && trimmed.contains("--") {
            rst += 2;
        }
        if i == 0 && trimmed.starts_with(':') && trimmed[1..].contains(": ") {
            rst += 2; // a leading field list such as `:original_name:`
        }
        if i > 0 && is_rst_underline(trimmed) && !lines[i - 1].trim().is_empty() {
            rst += 1;
        }
        if trimmed.starts_with("# ") || trimmed.starts_with("## ") || trimmed.starts_with("### ") {
            markdown += 2;
        }
        if is_pipe_delimiter_row(trimmed) {
            markdown += 3;
        }
        if trimmed.contains("](") || trimmed.contains("```") {
            markdown += 1;
        }
        if trimmed.starts_with("<table")
            || trimmed.starts_with("<div")
            || trimmed.starts_with("<p>")
        {
            html_tags += 1;
        }
    }
    let asciidoc = asciidoc_score(&lines);
    if html_tags >= 3 && html_tags > rst + markdown {
        Format::Html
    } else if asciidoc >= 3 && asciidoc > rst && asciidoc > markdown {
        Format::AsciiDoc
    } else if rst > markdown && rst >= 2 {
        Format::ReStructuredText
    } else if markdown >= 2 {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn count_tags(text: &str) -> usize {
    text.match_indices('<')
        .take(50)
        .filter(|(i, _)| {
            text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        })
        .count()
}

fn is_rst_underline(line: &str) -> bool {
    let line = line.trim_end();
    line.len() >= 3
        && line
            .chars()
            .next()
            .is_some_and(|first| "=-~^\"'`#*+".contains(first) && line.chars().all(|c| c == first))
}

/// `---|---`, `| --- | :---: |`: a pipe table's delimiter row.
fn is_pipe_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('|')
        && line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_decide_except_txt() {
        assert_eq!(format_from_extension("a/b.MD"), Some(Format::Markdown));
        assert_eq!(
            format_from_extension("b.rst"),
            Some(Format::ReStructuredText)
        );
        assert_eq!(format_from_extension("b.htm"), Some(Format::Html));
        assert_eq!(format_from_extension("b.txt"), None);
        assert_eq!(format_from_extension("b.adoc"), Some(Format::AsciiDoc));
        assert_eq!(format_from_extension("api.yml"), Some(Format::OpenApi));
        assert_eq!(format_from_extension("README"), None);
    }

    #[test]
    fn content_decides_for_txt() {
        assert_eq!(
            sniff_format("<!DOCTYPE html><html><body></body></html>"),
            Format::Html
        );
        assert_eq!(
            sniff_format(":original_name: x.html\n\n.. _x:\n\nTitle\n=====\n\n.. table:: T\n"),
            Format::ReStructuredText
        );
        assert_eq!(
            sniff_format("# Codes\nCode | Text\n---|---\n200 | OK\n"),
            Format::Markdown
        );
        assert_eq!(
            sniff_format("HTTP status codes\n- 200 OK\n-\nFine.\n"),
            Format::Text
        );
        assert_eq!(
            sniff_format("= Status codes\n:toc:\n\n|===\n| 200 | OK\n|===\n"),
            Format::AsciiDoc
        );
        assert_eq!(
            sniff_format("# x\nswagger: '2.0'\npaths: {}\n"),
            Format::OpenApi
        );
        assert_eq!(
            sniff_format("{\"info\": {}, \"openapi\": \"3.1.0\"}"),
            Format::OpenApi
        );
    }

    #[test]
    fn openapi_needs_a_top_level_key() {
        assert!(is_openapi("openapi: 3.0.0\ninfo: {}\n"));
        assert!(is_openapi("---\n# comment\nswagger: \"2.0\"\n"));
        assert!(!is_openapi("name: ci\non: push\njobs:\n  openapi: x\n"));
        assert!(is_openapi("{\n  \"openapi\": \"3.0.0\"\n}"));
        assert!(!is_openapi("{\"a\": {\"openapi\": \"3.0.0\"}}"));
    }
}
