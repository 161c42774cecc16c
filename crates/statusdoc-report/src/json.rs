//! JSON for tools. The field names are a stable interface: add fields, never rename.
//!
//! The shapes are Rust types so that their JSON Schemas (`generated/schemas/`, written
//! by `cargo xtask codegen`) are made from the very types that are serialized.
//! Positions: lines and columns are 1-based, columns count Unicode code points (as
//! editors do); spans and edits are byte offsets into the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;
use statusdoc_model::{Diagnostic, Document, Severity};

/// The output of `statusdoc lint --format json`.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "statusdoc lint --format json")]
pub struct LintJson {
    /// Every finding, sorted by path, line, column and rule.
    pub diagnostics: Vec<DiagnosticJson>,
}

/// One finding.
#[derive(Serialize, JsonSchema)]
pub struct DiagnosticJson {
    /// The rule's stable id, such as `SD101`.
    pub rule: String,
    /// The rule's readable name, such as `wrong-reason-phrase`.
    pub name: String,
    pub severity: SeverityJson,
    /// The page, relative to the project root (absolute when outside it), with `/`
    /// separators.
    pub path: String,
    /// 1-based line where the finding starts.
    pub line: usize,
    /// 1-based column where the finding starts, in Unicode code points.
    pub column: usize,
    /// 1-based line where the finding ends.
    pub end_line: usize,
    /// 1-based column just past the end of the finding, in Unicode code points.
    pub end_column: usize,
    /// The flagged text, as byte offsets into the file.
    pub span: SpanJson,
    /// The status code the finding is about; for a missing code, the missing one.
    pub status_code: Option<u16>,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<FixJson>,
    /// Other places the finding refers to ("first used here").
    pub labels: Vec<LabelJson>,
}

/// How grave a finding is.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityJson {
    Info,
    Warning,
    Error,
}

/// A range of the file in bytes: `start` inclusive, `end` exclusive, both byte
/// offsets from the start of the file (not code points).
#[derive(Serialize, JsonSchema)]
pub struct SpanJson {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

/// A fix: its edits apply together or not at all.
#[derive(Serialize, JsonSchema)]
pub struct FixJson {
    pub message: String,
    /// Safe fixes change only what the rule is about; `--fix` applies them.
    pub safe: bool,
    pub edits: Vec<EditJson>,
}

/// Replace the bytes `start..end` of the file with `replacement`.
#[derive(Serialize, JsonSchema)]
pub struct EditJson {
    /// Byte offset of the first byte replaced.
    pub start: usize,
    /// Byte offset just past the last byte replaced.
    pub end: usize,
    pub replacement: String,
}

/// Another place a finding refers to.
#[derive(Serialize, JsonSchema)]
pub struct LabelJson {
    /// The page, named as `path` is.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode code points.
    pub column: usize,
    pub message: String,
}

/// The output of `statusdoc extract --format json`.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "statusdoc extract --format json")]
pub struct ExtractJson {
    /// Every page read, in the order read.
    pub documents: Vec<DocumentJson>,
}

/// What statusdoc read from one page.
#[derive(Serialize, JsonSchema)]
pub struct DocumentJson {
    /// The page, relative to the project root (absolute when outside it), with `/`
    /// separators.
    pub path: String,
    /// The format it was read as: markdown, rst, html, text, asciidoc or openapi.
    pub format: String,
    /// The page's title (first heading, front matter `title`, `<title>`).
    pub title: Option<String>,
    /// Front matter, field lists, `<meta>`: key/value pairs.
    pub metadata: BTreeMap<String, String>,
    pub entries: Vec<EntryJson>,
}

/// One documented status code.
#[derive(Serialize, JsonSchema)]
pub struct EntryJson {
    pub code: u16,
    /// The title as written, markup removed.
    pub title: Option<String>,
    /// The description as written, markup removed, whitespace folded.
    pub description: Option<String>,
    /// 1-based line of the code.
    pub line: usize,
    /// 1-based column of the code, in Unicode code points.
    pub column: usize,
    /// 1-based line of the title.
    pub title_line: Option<usize>,
    /// 1-based column of the title, in Unicode code points.
    pub title_column: Option<usize>,
    /// 1-based line of the description.
    pub description_line: Option<usize>,
    /// 1-based column of the description, in Unicode code points.
    pub description_column: Option<usize>,
    /// The headings the entry is under, outermost first.
    pub section: Vec<String>,
}

/// The JSON Schema of `statusdoc lint --format json`.
pub fn lint_json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(LintJson)).expect("a schema serializes")
}

/// The JSON Schema of `statusdoc extract --format json`.
pub fn extract_json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(ExtractJson)).expect("a schema serializes")
}

/// `{"diagnostics":[{"rule","severity","path","line","column","status_code","message","help",...}]}`
pub fn diagnostics_json(diagnostics: &[Diagnostic]) -> Value {
    to_value(&LintJson {
        diagnostics: diagnostics.iter().map(diagnostic).collect(),
    })
}

/// One finding of [`diagnostics_json`] (for output written finding by finding).
pub fn diagnostic_json(d: &Diagnostic) -> Value {
    to_value(&diagnostic(d))
}

/// As a JSON value: objects keep their keys sorted, as the checked-in report has them.
fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("plain data serializes")
}

fn diagnostic(d: &Diagnostic) -> DiagnosticJson {
    DiagnosticJson {
        rule: d.rule.to_owned(),
        name: d.name.to_owned(),
        severity: match d.severity {
            Severity::Info => SeverityJson::Info,
            Severity::Warning => SeverityJson::Warning,
            Severity::Error => SeverityJson::Error,
        },
        path: d.path.clone(),
        line: d.line,
        column: d.column,
        end_line: d.end_line,
        end_column: d.end_column,
        span: SpanJson {
            start: d.span.start,
            end: d.span.end,
        },
        status_code: d.status_code,
        message: d.message.clone(),
        help: d.help.clone(),
        fix: d.fix.as_ref().map(|f| FixJson {
            message: f.message.clone(),
            safe: f.safe,
            edits: f
                .edits
                .iter()
                .map(|e| EditJson {
                    start: e.span.start,
                    end: e.span.end,
                    replacement: e.replacement.clone(),
                })
                .collect(),
        }),
        labels: d
            .labels
            .iter()
            .map(|l| LabelJson {
                path: l.path.clone(),
                line: l.line,
                column: l.column,
                message: l.message.clone(),
            })
            .collect(),
    }
}

/// `{"documents":[{"path","format","title","metadata","entries":[{"code","title","description","line","column"}]}]}`
pub fn documents_json(documents: &[&Document]) -> Value {
    to_value(&ExtractJson {
        documents: documents.iter().map(|d| document(d)).collect(),
    })
}

fn document(doc: &Document) -> DocumentJson {
    let entries = doc
        .entries
        .iter()
        .map(|e| {
            let at = doc.source.line_col(e.code_span.start);
            let title_at = e.title.as_ref().map(|t| doc.source.line_col(t.span.start));
            let description_at = e
                .description
                .as_ref()
                .map(|t| doc.source.line_col(t.span.start));
            EntryJson {
                code: e.code,
                title: e.title.as_ref().map(|t| t.text.clone()),
                description: e.description.as_ref().map(|t| t.text.clone()),
                line: at.line,
                column: at.column,
                title_line: title_at.map(|p| p.line),
                title_column: title_at.map(|p| p.column),
                description_line: description_at.map(|p| p.line),
                description_column: description_at.map(|p| p.column),
                section: e.section.clone(),
            }
        })
        .collect();
    DocumentJson {
        path: doc.path().to_owned(),
        format: doc.format.id().to_owned(),
        title: doc.title.clone(),
        metadata: doc.metadata.clone(),
        entries,
    }
}
