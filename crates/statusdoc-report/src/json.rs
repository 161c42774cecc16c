//! JSON for tools. The field names are a stable interface: add fields, never rename.

use serde_json::{json, Value};
use statusdoc_model::{Diagnostic, Document};

/// `{"diagnostics":[{"rule","severity","path","line","column","status_code","message","help",...}]}`
pub fn diagnostics_json(diagnostics: &[Diagnostic]) -> Value {
    json!({ "diagnostics": diagnostics.iter().map(diagnostic).collect::<Vec<_>>() })
}

/// One finding of [`diagnostics_json`] (for output written finding by finding).
pub fn diagnostic_json(d: &Diagnostic) -> Value {
    diagnostic(d)
}

fn diagnostic(d: &Diagnostic) -> Value {
    json!({
        "rule": d.rule,
        "name": d.name,
        "severity": d.severity,
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "span": { "start": d.span.start, "end": d.span.end },
        "status_code": d.status_code,
        "message": d.message,
        "help": d.help,
        "fix": d.fix.as_ref().map(|f| json!({
            "message": f.message,
            "safe": f.safe,
            "edits": f.edits.iter().map(|e| json!({
                "start": e.span.start, "end": e.span.end, "replacement": e.replacement
            })).collect::<Vec<_>>(),
        })),
        "labels": d.labels.iter().map(|l| json!({
            "path": l.path, "line": l.line, "column": l.column, "message": l.message
        })).collect::<Vec<_>>(),
    })
}

/// `{"documents":[{"path","format","title","metadata","entries":[{"code","title","description","line","column"}]}]}`
pub fn documents_json(documents: &[&Document]) -> Value {
    json!({ "documents": documents.iter().map(|d| document(d)).collect::<Vec<_>>() })
}

fn document(doc: &Document) -> Value {
    let entries: Vec<Value> = doc
        .entries
        .iter()
        .map(|e| {
            let at = doc.source.line_col(e.code_span.start);
            let title_at = e.title.as_ref().map(|t| doc.source.line_col(t.span.start));
            let description_at = e
                .description
                .as_ref()
                .map(|t| doc.source.line_col(t.span.start));
            json!({
                "code": e.code,
                "title": e.title.as_ref().map(|t| &t.text),
                "description": e.description.as_ref().map(|t| &t.text),
                "line": at.line,
                "column": at.column,
                "title_line": title_at.map(|p| p.line),
                "title_column": title_at.map(|p| p.column),
                "description_line": description_at.map(|p| p.line),
                "description_column": description_at.map(|p| p.column),
                "section": e.section,
            })
        })
        .collect();
    json!({
        "path": doc.path(),
        "format": doc.format.id(),
        "title": doc.title,
        "metadata": doc.metadata,
        "entries": entries,
    })
}
