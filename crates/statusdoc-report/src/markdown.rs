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

/// The per-code comparison of titles across pages, as a Markdown section.
pub fn vendor_summary_markdown(summary: &[statusdoc_lint::CodeVariants]) -> String {
    let mut out = String::from("## How pages differ per code\n\n");
    if summary.is_empty() {
        out.push_str("Every page titles every code with its RFC 9110 phrase.\n");
        return out;
    }
    out.push_str(
        "Codes that some page titles differently from RFC 9110 (or that are not registered).\n\n",
    );
    out.push_str("| code | RFC 9110 | titles in use (pages) |\n|---:|---|---|\n");
    for code in summary {
        let variants: Vec<String> = code
            .variants
            .iter()
            .map(|v| {
                let title = v.title.replace('|', "\\|");
                if v.canonical {
                    let n = v.pages.len();
                    format!("{title} ({n} page{})", if n == 1 { "" } else { "s" })
                } else {
                    format!("**{title}** ({})", v.pages.join(", "))
                }
            })
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            code.code,
            code.reason.as_deref().unwrap_or("(unregistered)"),
            variants.join("; ")
        ));
    }
    out
}
