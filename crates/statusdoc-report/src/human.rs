//! Output for people: rustc-style snippets, a one-line-per-finding form, statistics.

use std::collections::BTreeMap;

use annotate_snippets::{renderer::DecorStyle, AnnotationKind, Group, Level, Renderer, Snippet};
use statusdoc_model::{Diagnostic, Severity};

use crate::Sources;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    }
}

/// Each finding with the source lines it points at, the offending text underlined, and
/// its `help:`, as rustc prints errors.
pub fn human(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in diagnostics {
        let title = format!("{} [{}]", d.message, d.name);
        let mut group = Group::with_title(level(d.severity).primary_title(title).id(d.rule));
        if let Some(source) = sources.get(&d.path) {
            let mut snippet = Snippet::source(source.text())
                .path(d.path.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(clamp(d.span, source.text()))
                        .label(label_for(d)),
                );
            for label in d.labels.iter().filter(|l| l.path == d.path) {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(clamp(label.span, source.text()))
                        .label(label.message.as_str()),
                );
            }
            group = group.element(snippet);
        } else {
            group = group.element(
                annotate_snippets::Origin::path(d.path.as_str())
                    .line(d.line)
                    .char_column(d.column.saturating_sub(1)),
            );
        }
        for label in d.labels.iter().filter(|l| l.path != d.path) {
            if let Some(other) = sources.get(&label.path) {
                group = group.element(
                    Snippet::source(other.text())
                        .path(label.path.as_str())
                        .fold(true)
                        .annotation(
                            AnnotationKind::Context
                                .span(clamp(label.span, other.text()))
                                .label(label.message.as_str()),
                        ),
                );
            }
        }
        let mut report: Vec<Group> = vec![group];
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        if let Some(fix) = &d.fix {
            let safety = if fix.safe {
                "fix available"
            } else {
                "unsafe fix available"
            };
            report.push(Group::with_title(
                Level::NOTE.secondary_title(format!("{safety}: {}", fix.message)),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

fn label_for(d: &Diagnostic) -> String {
    match d.status_code {
        Some(code) => format!("{code}"),
        None => String::new(),
    }
}

/// A span that is safe to hand to the renderer: inside the text, on char boundaries.
fn clamp(span: statusdoc_model::Span, text: &str) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// `path:line:column: severity[RULE] message`, one line per finding.
pub fn concise(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            d.path, d.line, d.column, d.severity, d.rule, d.message
        ));
    }
    out
}

/// Counts per rule, most frequent first, as `ruff --statistics` does.
pub fn statistics(diagnostics: &[Diagnostic]) -> String {
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in diagnostics {
        *by_rule.entry((d.rule, d.name)).or_default() += 1;
    }
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.iter()
        .map(|((id, name), n)| format!("{n:>5}  {id}  {name}\n"))
        .collect()
}
