use crate::{LineCol, SourceFile, Span};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        Some(match text {
            "info" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One replacement of source text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A fix that edits the page in place. `safe` fixes change only what the rule is about
/// (a reason phrase); unsafe ones may change meaning and are applied only on request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

/// Applies every fix none of whose edits overlaps an edit already made, from the end
/// of the text backwards; returns how many fixes were applied. A fix applies whole or
/// not at all (`statusdoc lint --fix`, the language server and the fuzz targets all
/// apply fixes through this).
pub fn apply_fixes(text: &mut String, fixes: &[&Fix]) -> usize {
    let mut order: Vec<&Fix> = fixes.to_vec();
    order.sort_by_key(|f| std::cmp::Reverse(f.edits.iter().map(|e| e.span.start).min()));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut edits = Vec::new();
    let mut applied = 0;
    for fix in order {
        let fits = fix.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && taken
                    .iter()
                    .all(|&(s, end)| e.span.end <= s || e.span.start >= end)
        }) && !overlaps_itself(fix);
        if !fits {
            continue;
        }
        for e in &fix.edits {
            taken.push((e.span.start, e.span.end));
            edits.push(e);
        }
        applied += 1;
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        text.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    applied
}

fn overlaps_itself(fix: &Fix) -> bool {
    let mut spans: Vec<_> = fix
        .edits
        .iter()
        .map(|e| (e.span.start, e.span.end))
        .collect();
    spans.sort_unstable();
    spans.windows(2).any(|w| w[1].0 < w[0].1)
}

/// A secondary location shown with a diagnostic ("first used here").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Label {
    pub path: String,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One finding, with everything a renderer needs. Line and column are 1-based and
/// computed once, from the primary span, when the diagnostic is made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Stable rule id, such as `SD101`.
    pub rule: &'static str,
    /// Readable rule name, such as `wrong-reason-phrase`.
    pub name: &'static str,
    pub severity: Severity,
    pub path: String,
    pub span: Span,
    pub line: usize,
    pub column: usize,
    /// Where the primary span ends (1-based, exclusive column).
    pub end_line: usize,
    pub end_column: usize,
    /// The status code the finding is about; for a missing code, the missing one.
    pub status_code: Option<u16>,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    /// A diagnostic at `span` of `source`.
    pub fn new(
        rule: &'static str,
        name: &'static str,
        severity: Severity,
        source: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let LineCol { line, column } = source.line_col(span.start);
        let end = source.line_col(span.end);
        Diagnostic {
            rule,
            name,
            severity,
            path: source.path().to_owned(),
            span,
            line,
            column,
            end_line: end.line,
            end_column: end.column,
            status_code: None,
            message: message.into(),
            help: None,
            fix: None,
            labels: Vec::new(),
        }
    }

    /// A diagnostic of `rule` at `span` of `source`.
    pub fn of(
        rule: crate::Rule,
        severity: Severity,
        source: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(rule.id(), rule.name(), severity, source, span, message)
    }

    pub fn with_code(mut self, code: u16) -> Self {
        self.status_code = Some(code);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_label(
        mut self,
        source: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let LineCol { line, column } = source.line_col(span.start);
        self.labels.push(Label {
            path: source.path().to_owned(),
            span,
            line,
            column,
            message: message.into(),
        });
        self
    }

    /// Order of reports: path, position, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &'static str, Option<u16>) {
        (
            &self.path,
            self.line,
            self.column,
            self.rule,
            self.status_code,
        )
    }
}
