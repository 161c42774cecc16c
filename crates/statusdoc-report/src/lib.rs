//! Renderers: diagnostics and extracted documents into text for people and tools.
//!
//! Every renderer is a pure function of its input: the same findings give the same
//! bytes, which is what makes the checked-in report reviewable.

mod html_report;
mod human;
mod json;
mod machine;
mod markdown;

use std::collections::HashMap;

use statusdoc_model::{Diagnostic, SourceFile};

pub use html_report::{html_report, path_href, HtmlOptions, HtmlPage};
pub use human::{concise, human, human_file, human_grouped, statistics, summary_block, RunSummary};
pub use json::{
    diagnostic_json, diagnostics_json, documents_json, extract_json_schema, lint_json_schema,
};
pub use machine::{
    fingerprints, github, gitlab, junit, rule_help_uri, sarif, Problem, SarifRun, REPOSITORY,
};
pub use machine::{rule_defaults, rule_doc_page, rule_json};
pub use markdown::{markdown_report, vendor_summary_markdown, ReportPage};

/// Page texts by path, so renderers can quote the source.
#[derive(Default)]
pub struct Sources<'a> {
    by_path: HashMap<&'a str, &'a SourceFile>,
}

impl<'a> Sources<'a> {
    pub fn new(files: impl IntoIterator<Item = &'a SourceFile>) -> Self {
        Sources {
            by_path: files.into_iter().map(|f| (f.path(), f)).collect(),
        }
    }

    pub fn get(&self, path: &str) -> Option<&'a SourceFile> {
        self.by_path.get(path).copied()
    }
}

/// Counts by severity: (errors, warnings, infos).
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize, usize) {
    use statusdoc_model::Severity::*;
    diagnostics
        .iter()
        .fold((0, 0, 0), |(e, w, i), d| match d.severity {
            Error => (e + 1, w, i),
            Warning => (e, w + 1, i),
            Info => (e, w, i + 1),
        })
}

/// "2 errors, 1 warning" style summary.
pub fn summary_line(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings, infos) = counts(diagnostics);
    if errors + warnings + infos == 0 {
        return "no findings".to_owned();
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "note"));
    }
    parts.join(", ")
}
