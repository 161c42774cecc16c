//! Which open documents are pages, and how each format writes a suppression comment.

use statusdoc_ingest::{format_from_extension, is_openapi, sniff_format};
use statusdoc_model::Format;

/// The format statusdoc reads an open document as, or `None` when it is not a page in
/// one of the formats the server lints (Markdown, reStructuredText, HTML, AsciiDoc,
/// OpenAPI): YAML and JSON that are not OpenAPI documents, text that sniffs as none of
/// them, and documents in other languages.
///
/// The file's extension decides first (as for `statusdoc lint`), then the editor's
/// language id, then the content (a `.txt` page saved from a Markdown source).
pub fn detect(path: &str, language_id: &str, text: &str) -> Option<Format> {
    let openapi = || is_openapi(text).then_some(Format::OpenApi);
    match format_from_extension(path) {
        Some(Format::OpenApi) => return openapi(),
        Some(format) => return Some(format),
        None => {}
    }
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" | "mdx" => return Some(Format::Markdown),
        "restructuredtext" | "rst" => return Some(Format::ReStructuredText),
        "html" => return Some(Format::Html),
        "asciidoc" | "adoc" => return Some(Format::AsciiDoc),
        "yaml" | "json" | "jsonc" | "openapi" | "openapi-yaml" | "openapi-json" => {
            return openapi()
        }
        _ => {}
    }
    match sniff_format(text) {
        Format::Text => None,
        format => Some(format),
    }
}

/// The comment that suppresses `rule` on the next line, in `format` (see
/// `statusdoc_ingest`'s `suppress.rs`); `None` where the format has no comments (an
/// OpenAPI document in JSON).
pub fn suppression_comment(format: Format, text: &str, rule: &str) -> Option<String> {
    Some(match format {
        Format::Markdown | Format::Html => {
            format!("<!-- statusdoc-disable-next-line {rule} -->")
        }
        Format::ReStructuredText => format!(".. statusdoc-disable-next-line: {rule}"),
        Format::AsciiDoc => format!("// statusdoc-disable-next-line {rule}"),
        Format::OpenApi if is_json(text) => return None,
        Format::OpenApi => format!("# statusdoc-disable-next-line {rule}"),
        Format::Text => format!("statusdoc-disable-next-line {rule}"),
    })
}

/// Whether an OpenAPI document is JSON (which has no comments) rather than YAML.
fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_language_then_content() {
        assert_eq!(detect("a.md", "plaintext", ""), Some(Format::Markdown));
        assert_eq!(
            detect("a.rst", "markdown", ""),
            Some(Format::ReStructuredText)
        );
        assert_eq!(detect("a.txt", "markdown", "x"), Some(Format::Markdown));
        assert_eq!(detect("untitled-1", "asciidoc", ""), Some(Format::AsciiDoc));
        let openapi = "openapi: 3.0.0\npaths: {}\n";
        assert_eq!(detect("api.yaml", "yaml", openapi), Some(Format::OpenApi));
        assert_eq!(detect("ci.yaml", "yaml", "jobs: {}\n"), None);
        assert_eq!(
            detect("untitled", "json", "{\"openapi\": \"3.1.0\"}"),
            Some(Format::OpenApi)
        );
        assert_eq!(detect("main.rs", "rust", "fn main() {}\n"), None);
        assert_eq!(
            detect(
                "page.txt",
                "plaintext",
                "# Codes\n\n| Code | Meaning |\n|---|---|\n| 200 | OK |\n"
            ),
            Some(Format::Markdown)
        );
    }

    #[test]
    fn comments_per_format() {
        assert_eq!(
            suppression_comment(Format::Markdown, "", "SD101").unwrap(),
            "<!-- statusdoc-disable-next-line SD101 -->"
        );
        assert_eq!(
            suppression_comment(Format::ReStructuredText, "", "SD101").unwrap(),
            ".. statusdoc-disable-next-line: SD101"
        );
        assert!(suppression_comment(Format::OpenApi, "{\"openapi\": 1}", "SD101").is_none());
        assert_eq!(
            suppression_comment(Format::OpenApi, "openapi: 3.0.0", "SD101").unwrap(),
            "# statusdoc-disable-next-line SD101"
        );
    }
}
