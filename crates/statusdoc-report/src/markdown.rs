//! The Markdown inconsistency report checked in under `generated/`.

use std::collections::BTreeMap;

use statusdoc_model::Diagnostic;

use crate::summary_line;

/// A page a report covers: path, vendor and how many entries were read.
pub struct ReportPage<'a> {
    pub path: &'a str,
    pub vendor: &'a str,
    pub entries: usize,
}

/// The report for people: a summary table per page, then every finding grouped by page.
pub fn markdown_report(diagnostics: &[Diagnostic], pages: &[ReportPage], header: &str) -> String {
    let mut out = String::new();
    out.push_str(header);
    out.push_str("# statusdoc inconsistency report\n\n");
    out.push_str(&format!(
        "{} pages, {}.\n\n",
        pages.len(),
        summary_line(diagnostics)
    ));
    out.push_str("| page | vendor | entries | errors | warnings |\n|---|---|---:|---:|---:|\n");
    let mut by_path: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    for page in pages {
        let found = by_path.get(page.path).map_or(&[][..], |v| v.as_slice());
        let count = |s| found.iter().filter(|d| d.severity == s).count();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            page.path,
            page.vendor,
            page.entries,
            count(statusdoc_model::Severity::Error),
            count(statusdoc_model::Severity::Warning)
        ));
    }
    for (path, found) in &by_path {
        out.push_str(&format!("\n## `{path}`\n\n"));
        for d in found {
            let code = d.status_code.map_or(String::new(), |c| format!(" **{c}**"));
            out.push_str(&format!(
                "- {}:{} {} `{}` {}{code}: {}",
                d.line, d.column, d.severity, d.rule, d.name, d.message
            ));
            if let Some(help) = &d.help {
                out.push_str(&format!(" — help: {help}"));
            }
            out.push('\n');
        }
    }
    out
}
