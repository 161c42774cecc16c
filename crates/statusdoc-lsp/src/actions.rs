//! Code actions: a finding's fix (safe fixes as preferred quick fixes, unsafe ones as
//! plain code actions), a suppression comment for the finding's line, and every safe
//! fix of the document at once (`source.fixAll.statusdoc`).

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, WorkspaceEdit,
};
use statusdoc_ingest::ReadOptions;
use statusdoc_model::{Edit, Fix, Format, Span, SuppressionScope};
use statusdoc_reference::Registry;

use crate::format::suppression_comment;
use crate::workspace::{OpenDocument, Workspace, UNUSED_SUPPRESSION};

/// The kind of the action that applies every safe fix of a document.
pub const FIX_ALL: &str = "source.fixAll.statusdoc";

impl Workspace {
    /// `textDocument/codeAction`.
    pub fn code_actions(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        self.analyze(uri);
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(format) = doc.format else {
            return Vec::new();
        };
        let only = params.context.only.as_deref();
        let wanted = |kind: Option<&CodeActionKind>| match (only, kind) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(only), Some(kind)) => only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            }),
        };
        let findings = self.findings(uri);
        let mut actions = Vec::new();
        for finding in &findings {
            let d = &finding.diagnostic;
            let range = doc.lines.range(&doc.text, d.span, self.encoding);
            if !touches(range, params.range) {
                continue;
            }
            let diagnostic = self.lsp_diagnostic(doc, finding);
            if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
                let kind = fix.safe.then_some(CodeActionKind::QUICKFIX);
                if wanted(kind.as_ref()) {
                    let title = if fix.safe {
                        fix.message.clone()
                    } else {
                        format!("{} (unsafe: check the result)", fix.message)
                    };
                    actions.push(CodeAction {
                        title,
                        kind,
                        diagnostics: Some(vec![diagnostic.clone()]),
                        edit: Some(self.workspace_edit(doc, &fix.edits)),
                        command: None,
                        is_preferred: Some(fix.safe),
                        disabled: None,
                        data: None,
                    });
                }
            }
            if d.rule != UNUSED_SUPPRESSION && wanted(Some(&CodeActionKind::QUICKFIX)) {
                if let Some(edit) = suppression_edit(doc, format, d.rule, d.span, self.registry) {
                    actions.push(CodeAction {
                        title: format!("Suppress {} on this line", d.rule),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic]),
                        edit: Some(self.workspace_edit(doc, &[edit])),
                        command: None,
                        is_preferred: Some(false),
                        disabled: None,
                        data: None,
                    });
                }
            }
        }
        let fix_all = CodeActionKind::new(FIX_ALL);
        if wanted(Some(&fix_all)) {
            let safe: Vec<&Fix> = findings
                .iter()
                .filter_map(|f| f.diagnostic.fix.as_ref())
                .filter(|f| f.safe && !f.edits.is_empty())
                .collect();
            let edits = whole_fixes(&doc.text, &safe);
            if !edits.is_empty() {
                actions.push(CodeAction {
                    title: "Fix all safe statusdoc findings".to_owned(),
                    kind: Some(fix_all),
                    diagnostics: None,
                    edit: Some(self.workspace_edit(doc, &edits)),
                    command: None,
                    is_preferred: None,
                    disabled: None,
                    data: None,
                });
            }
        }
        actions
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    /// An edit of one document: versioned when the client takes document changes, so
    /// that it is refused on a text that changed since.
    fn workspace_edit(&self, doc: &OpenDocument, edits: &[Edit]) -> WorkspaceEdit {
        let edits: Vec<TextEdit> = edits
            .iter()
            .map(|e| TextEdit {
                range: doc.lines.range(&doc.text, e.span, self.encoding),
                new_text: e.replacement.clone(),
            })
            .collect();
        if self.versioned_edits {
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: doc.uri.clone(),
                        version: Some(doc.version),
                    },
                    edits: edits.into_iter().map(OneOf::Left).collect(),
                }])),
                ..WorkspaceEdit::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }
        }
    }
}

/// Whether two ranges overlap or touch (a cursor at either end of a finding is on it).
fn touches(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The edits of every fix that applies whole: the fixes `statusdoc_model::apply_fixes`
/// applies (none of whose edits overlaps an edit already taken, from the end of the
/// text backwards), as edits of the original text.
pub(crate) fn whole_fixes(text: &str, fixes: &[&Fix]) -> Vec<Edit> {
    let mut order: Vec<&Fix> = fixes.to_vec();
    order.sort_by_key(|f| std::cmp::Reverse(f.edits.iter().map(|e| e.span.start).min()));
    let mut taken: Vec<Span> = Vec::new();
    let mut edits = Vec::new();
    for fix in order {
        let mut spans: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
        spans.sort_unstable();
        let overlaps_itself = spans.windows(2).any(|w| w[1].start < w[0].end);
        let fits = !overlaps_itself
            && fix.edits.iter().all(|e| {
                e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end)
                    && taken
                        .iter()
                        .all(|t| e.span.end <= t.start || e.span.start >= t.end)
            });
        if fits {
            taken.extend(spans);
            edits.extend(fix.edits.iter().cloned());
        }
    }
    edits.sort_by_key(|e| e.span.start);
    edits
}

/// The insertion of a comment that suppresses `rule` for the finding at `span`, where
/// the format's suppression comments cover it: the line above the finding's line; in
/// reStructuredText, where a table cannot hold a comment, above the table (or its
/// directive); in YAML, above the key whose value holds the finding.
pub(crate) fn suppression_edit(
    doc: &OpenDocument,
    format: Format,
    rule: &str,
    span: Span,
    registry: &Registry,
) -> Option<Edit> {
    let text = doc.text.as_str();
    let comment = suppression_comment(format, text, rule)?;
    let lines = &doc.lines;
    let line_of = lines.line_of(span.start.min(text.len()));
    let line = |n: usize| &text[lines.line_start(text, n)..lines.line_end(text, n)];
    let target = match format {
        Format::ReStructuredText => rst_target(doc, line_of, &comment, registry),
        Format::OpenApi => yaml_target(&line, line_of),
        _ => line_of,
    };
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let target_line = line(target);
    let indent = &target_line[..target_line.len() - target_line.trim_start().len()];
    let mut insert = String::new();
    if format == Format::ReStructuredText {
        // A comment is explicit markup: a blank line before and after it.
        if target > 0 && !line(target - 1).trim().is_empty() {
            insert.push_str(eol);
        }
        insert.push_str(indent);
        insert.push_str(&comment);
        insert.push_str(eol);
        insert.push_str(eol);
    } else {
        insert.push_str(indent);
        insert.push_str(&comment);
        insert.push_str(eol);
    }
    Some(Edit {
        span: Span::empty(lines.line_start(text, target)),
        replacement: insert,
    })
}

/// The line to put a reStructuredText comment above: the outermost table (or table
/// directive) that starts above the finding's line and runs past it, else that line.
fn rst_target(doc: &OpenDocument, line0: usize, comment: &str, registry: &Registry) -> usize {
    let text = doc.text.as_str();
    let lines = &doc.lines;
    let line = |n: usize| &text[lines.line_start(text, n)..lines.line_end(text, n)];
    let mut best = line0;
    let mut checked = 0;
    for n in (line0.saturating_sub(3000)..=line0).rev() {
        let trimmed = line(n).trim_start();
        let is_directive = [".. table::", ".. list-table::", ".. csv-table::"]
            .iter()
            .any(|d| trimmed.starts_with(d));
        let is_border =
            (trimmed.starts_with("+-") || trimmed.starts_with("+=") || trimmed.starts_with("=="))
                && (n == 0 || line(n - 1).trim().is_empty());
        if !is_directive && !is_border {
            continue;
        }
        if covers(doc, n, line0, comment, registry) {
            best = n;
        }
        checked += 1;
        if checked == 3 {
            break;
        }
    }
    best
}

/// Whether a reStructuredText comment put above line `start` covers line `target`
/// (0-based): the page's lines from `start` to `target`, read after the comment, have
/// a suppression whose lines include `target`.
fn covers(
    doc: &OpenDocument,
    start: usize,
    target: usize,
    comment: &str,
    registry: &Registry,
) -> bool {
    let text = doc.text.as_str();
    let from = doc.lines.line_start(text, start);
    let to = doc.lines.line_end(text, target);
    let snippet = format!("{comment}\n\n{}\n", &text[from..to]);
    let options = ReadOptions {
        format: Some(Format::ReStructuredText),
        registry,
    };
    let Ok(read) = statusdoc_ingest::read_page("snippet.rst", snippet.as_bytes(), &options) else {
        return false;
    };
    // 1-based line of `target` in the snippet: after the comment and the blank line.
    let line = target - start + 3;
    read.suppressions.iter().any(|s| match s.scope {
        SuppressionScope::Line(l) => l == line,
        SuppressionScope::Lines(first, last) => (first..=last).contains(&line),
        SuppressionScope::File => false,
    })
}

/// The line to put a YAML comment above: the finding's line when it holds a key (the
/// comment covers it and the lines indented below it), else the nearest line above it
/// with less indentation (the key of the block scalar the finding is in).
fn yaml_target<'t>(line: &impl Fn(usize) -> &'t str, line0: usize) -> usize {
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let here = line(line0);
    if is_yaml_key(here) {
        return line0;
    }
    let depth = indent(here);
    for n in (0..line0).rev() {
        let l = line(n);
        let trimmed = l.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if indent(l) < depth {
            return n;
        }
    }
    line0
}

/// Whether a YAML line starts with a mapping key (`'415':`, `description: …`, `- in:`).
fn is_yaml_key(line: &str) -> bool {
    let mut rest = line.trim_start();
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start();
    }
    let key_end = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|i| i + 2),
        Some(_) => rest.find(':'),
        None => None,
    };
    let Some(end) = key_end else {
        return false;
    };
    let (key, after) = rest.split_at(end);
    !key.is_empty()
        && (key.starts_with(['"', '\'']) || !key.contains(' '))
        && after
            .strip_prefix(':')
            .is_some_and(|a| a.is_empty() || a.starts_with([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(edits: &[(usize, usize, &str)], safe: bool) -> Fix {
        Fix {
            message: "test".into(),
            edits: edits
                .iter()
                .map(|&(s, e, r)| Edit {
                    span: Span::new(s, e),
                    replacement: r.into(),
                })
                .collect(),
            safe,
        }
    }

    #[test]
    fn fix_all_takes_the_fixes_apply_fixes_applies() {
        let text = "aaaa bbbb cccc dddd";
        let fixes = [
            fix(&[(5, 9, "BBBB")], true),
            fix(&[(0, 4, "AAAA"), (7, 11, "xx")], true),
            fix(&[(15, 19, "DDDD")], true),
            fix(&[(10, 12, "C"), (11, 14, "C")], true),
        ];
        let refs: Vec<&Fix> = fixes.iter().collect();
        let edits = whole_fixes(text, &refs);
        let mut by_edits = text.to_owned();
        for e in edits.iter().rev() {
            by_edits.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        let mut by_model = text.to_owned();
        statusdoc_model::apply_fixes(&mut by_model, &refs);
        assert_eq!(by_edits, by_model);
        assert_eq!(by_edits, "aaaa BBBB cccc DDDD");
    }

    #[test]
    fn yaml_keys() {
        assert!(is_yaml_key("  '415':"));
        assert!(is_yaml_key("      description: Not Acceptable"));
        assert!(is_yaml_key("  - in: query"));
        assert!(is_yaml_key("\"404\": {}"));
        assert!(!is_yaml_key("        The server: failed"));
        assert!(!is_yaml_key("        Not Acceptable"));
        let lines = [
            "responses:",
            "  '415':",
            "    description: |",
            "      Not Acceptable",
        ];
        let line = |n: usize| lines[n];
        assert_eq!(yaml_target(&line, 3), 2);
        assert_eq!(yaml_target(&line, 1), 1);
    }
}
