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
        // A file with no text (one that is not a readable page) is named, not quoted.
        if let Some(source) = sources.get(&d.path).filter(|s| !s.text().is_empty()) {
            // Only the lines the annotations cover go to the renderer: handing it the
            // whole page for every finding would make a page with many findings
            // quadratic.
            let spans: Vec<std::ops::Range<usize>> = std::iter::once(d.span)
                .chain(d.labels.iter().filter(|l| l.path == d.path).map(|l| l.span))
                .map(|s| clamp(s, source.text()))
                .collect();
            let (window, first_line) = window(source, &spans);
            let shift = |r: &std::ops::Range<usize>| r.start - window.start..r.end - window.start;
            let mut snippet = Snippet::source(&source.text()[window.clone()])
                .path(d.path.as_str())
                .line_start(first_line)
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(shift(&spans[0]))
                        .label(label_for(d)),
                );
            for (label, span) in d
                .labels
                .iter()
                .filter(|l| l.path == d.path)
                .zip(&spans[1..])
            {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(shift(span))
                        .label(label.message.as_str()),
                );
            }
            group = group.element(snippet);
        } else {
            group = group.element(
                annotate_snippets::Origin::path(d.path.as_str())
                    .line(d.line)
                    .char_column(d.column),
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

/// The whole lines of `source` that cover `spans`, and the first one's 1-based number.
fn window(
    source: &statusdoc_model::SourceFile,
    spans: &[std::ops::Range<usize>],
) -> (std::ops::Range<usize>, usize) {
    let text = source.text();
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(0);
    // A span at the very end of a text that ends with a newline is shown at the end
    // of the last line, as when the whole text is rendered.
    let at_end = start == text.len() && text.ends_with('\n');
    let line_start = text[..start - usize::from(at_end)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = if at_end {
        text.len()
    } else {
        text[end..].find('\n').map_or(text.len(), |i| end + i)
    };
    (
        line_start..line_end.max(line_start),
        source.line_col(line_start).line,
    )
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

/// Counts per rule and severity, most frequent first, as `ruff --statistics` does.
pub fn statistics(diagnostics: &[Diagnostic]) -> String {
    let mut by_rule: BTreeMap<(&str, std::cmp::Reverse<Severity>, &str), usize> = BTreeMap::new();
    for d in diagnostics {
        *by_rule
            .entry((d.rule, std::cmp::Reverse(d.severity), d.name))
            .or_default() += 1;
    }
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.iter()
        .map(|((id, severity, name), n)| {
            format!("{n:>5}  {id}  {:<7}  {name}\n", severity.0.as_str())
        })
        .collect()
}

/// Findings grouped by file, as ESLint and ruff group them: each file's path as a
/// heading (bold and underlined when coloured), then its findings as [`human`] renders
/// them. Files come in the order of the findings (sorted by path).
pub fn human_grouped(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    diagnostics
        .chunk_by(|a, b| a.path == b.path)
        .map(|group| human_file(&group[0].path, group, sources, color))
        .collect()
}

/// One file's part of [`human_grouped`]: nothing when it has no findings.
pub fn human_file(
    path: &str,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    color: bool,
) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let style = if color {
        anstyle::Style::new().bold().underline()
    } else {
        anstyle::Style::new()
    };
    format!(
        "{style}{path}{style:#}\n{}",
        human(diagnostics, sources, color)
    )
}

/// What a run read, for the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunSummary {
    /// Pages read (walked or named).
    pub pages: usize,
    /// Pages with status code entries.
    pub with_entries: usize,
    /// Symbolic links walking met and did not follow.
    pub symlinks: usize,
    /// Files named on the command line that could not be read.
    pub unreadable: usize,
}

/// The summary block that ends the human output: the totals, the pages read and those
/// with status codes, what was not read, then the findings per rule and severity.
pub fn summary_block(diagnostics: &[Diagnostic], run: &RunSummary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = format!(
        "{} in {} ({} with status codes)",
        crate::summary_line(diagnostics),
        plural(run.pages, "page", "pages"),
        run.with_entries
    );
    if run.symlinks > 0 {
        out.push_str(&format!(
            "; {} not followed",
            plural(run.symlinks, "symbolic link", "symbolic links")
        ));
    }
    if run.unreadable > 0 {
        out.push_str(&format!(
            "; {} could not be read (see above)",
            plural(run.unreadable, "file", "files")
        ));
    }
    out.push('\n');
    out.push_str(&statistics(diagnostics));
    out
}
