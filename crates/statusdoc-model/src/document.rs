use std::collections::BTreeMap;

use crate::{Diagnostic, SourceFile, Span};

/// The source formats statusdoc reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    #[serde(rename = "rst")]
    ReStructuredText,
    Html,
    /// Plain text pulled out of a rendered page.
    Text,
    AsciiDoc,
    /// An OpenAPI (or Swagger 2.0) description, YAML or JSON: its operations' responses.
    #[serde(rename = "openapi")]
    OpenApi,
}

impl Format {
    /// The name used on the command line and in JSON (`markdown`, `rst`, `html`, `text`,
    /// `asciidoc`, `openapi`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::ReStructuredText => "rst",
            Format::Html => "html",
            Format::Text => "text",
            Format::AsciiDoc => "asciidoc",
            Format::OpenApi => "openapi",
        }
    }

    /// The name people use, for messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::ReStructuredText => "reStructuredText",
            Format::Html => "HTML",
            Format::Text => "plain text",
            Format::AsciiDoc => "AsciiDoc",
            Format::OpenApi => "OpenAPI",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Some(match id.to_ascii_lowercase().as_str() {
            "markdown" | "md" => Format::Markdown,
            "rst" | "restructuredtext" => Format::ReStructuredText,
            "html" | "htm" => Format::Html,
            "text" | "txt" => Format::Text,
            "asciidoc" | "adoc" => Format::AsciiDoc,
            "openapi" | "swagger" => Format::OpenApi,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display_name())
    }
}

/// One extracted piece of text: plain text as a reader sees it (markup removed, entities
/// decoded, whitespace folded, paragraphs joined by a blank line) and the byte span in
/// the page that it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Cell {
    pub text: String,
    pub span: Span,
    /// The cell sits in a layout where columns are aligned by characters (a
    /// reStructuredText grid or simple table): an edit must keep the line's length.
    pub fixed_width: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>, span: Span) -> Self {
        Cell {
            text: text.into(),
            span,
            fixed_width: false,
        }
    }
}

/// What kind of listing an entry belongs to, which decides the checks that make sense
/// for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Listing {
    /// The page's own list of the codes it documents (a status-code table or list, one
    /// section per code): checked for duplicates, order and coverage.
    #[default]
    Catalog,
    /// One operation's responses (an API reference's per-endpoint list): not a list of
    /// every code, so never a coverage gap, and the same code may repeat per operation.
    Operation,
    /// A row of a table keyed by something else (a vendor's error codes with an HTTP
    /// status column): codes repeat by design and are in the key's order.
    Keyed,
}

/// One documented status code.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Entry {
    pub code: u16,
    /// The span of the code's digits in the source.
    pub code_span: Span,
    /// The title (reason phrase) exactly as printed, if the page gives one.
    pub title: Option<Cell>,
    /// The whole description; paragraphs are separated by `"\n\n"`.
    pub description: Option<Cell>,
    /// Headings (or table captions) above the entry, outermost first.
    pub section: Vec<String>,
    /// Which table or list of the page the entry came from (numbered from 0 in page
    /// order), so that one table per endpoint under one heading is not a duplicate.
    pub block: usize,
    pub listing: Listing,
    /// The title was delimited with certainty (a column of its own, a known phrase, a
    /// separator), so a fix may rewrite it. An uncertain title is checked but never
    /// rewritten.
    pub title_certain: bool,
}

impl Entry {
    pub fn title_text(&self) -> &str {
        self.title.as_ref().map_or("", |t| t.text.as_str())
    }

    pub fn description_text(&self) -> &str {
        self.description.as_ref().map_or("", |d| d.text.as_str())
    }

    /// The span covering code, title and description: the whole row.
    pub fn span(&self) -> Span {
        let mut span = self.code_span;
        if let Some(title) = &self.title {
            span = span.cover(title.span);
        }
        if let Some(description) = &self.description {
            span = span.cover(description.span);
        }
        span
    }
}

/// Which findings an inline comment turns off.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum SuppressionScope {
    /// The whole file.
    File,
    /// Findings whose primary span starts on this 1-based line.
    Line(usize),
    /// Findings on these 1-based lines, inclusive: a reStructuredText table, which
    /// cannot hold a comment of its own.
    Lines(usize, usize),
}

/// An inline `statusdoc-disable…` comment found by a reader.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suppression {
    /// Rule ids or names; empty means every rule.
    pub rules: Vec<String>,
    pub scope: SuppressionScope,
    /// Where the comment is, to report it when it suppresses nothing.
    pub span: Span,
}

/// A page after ingest: the only thing rules see.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceFile,
    pub format: Format,
    /// The page's title (first heading, front matter `title`, `<title>`).
    pub title: Option<String>,
    /// Front matter, field lists, `<meta>`: key/value pairs in source order of keys.
    pub metadata: BTreeMap<String, String>,
    pub entries: Vec<Entry>,
    /// Problems the reader met (a malformed table, a fallback), reported with the lint
    /// findings.
    pub notes: Vec<Diagnostic>,
    pub suppressions: Vec<Suppression>,
    /// The page was found by walking a folder rather than named: not every such page is
    /// expected to document status codes.
    pub discovered: bool,
    /// The reader could not place some of the page's text in the source (an HTML parser
    /// moved it): positions may be off, so no fix on this page is safe.
    pub approximate_positions: bool,
}

impl Document {
    pub fn new(source: SourceFile, format: Format) -> Self {
        Document {
            source,
            format,
            title: None,
            metadata: BTreeMap::new(),
            entries: Vec::new(),
            notes: Vec::new(),
            suppressions: Vec::new(),
            discovered: false,
            approximate_positions: false,
        }
    }

    pub fn path(&self) -> &str {
        self.source.path()
    }
}
