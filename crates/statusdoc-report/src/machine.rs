//! Output for CI systems: SARIF 2.1.0 (code scanning), GitHub workflow commands,
//! GitLab Code Quality, JUnit XML.

use serde_json::{json, Value};
use statusdoc_lint::{all_rules, find_rule};
use statusdoc_model::{Diagnostic, Severity};

use crate::Sources;

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// SARIF 2.1.0 with every rule's metadata and documentation, so code scanning shows the
/// rule's help next to each alert.
pub fn sarif(diagnostics: &[Diagnostic], sources: &Sources, tool_version: &str) -> Value {
    // SARIF counts in Unicode code points (`columnKind`); spans are bytes.
    let chars = |path: &str, span: statusdoc_model::Span| -> Option<(usize, usize)> {
        let text = sources.get(path)?.text();
        let start = text.get(..span.start)?.chars().count();
        let length = text.get(span.start..span.end)?.chars().count();
        Some((start, length))
    };
    let fingerprints = fingerprints(diagnostics);
    let rules: Vec<Value> = all_rules()
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.name,
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": rule.summary() },
                "help": { "text": rule.doc(), "markdown": rule.doc() },
                "defaultConfiguration": {
                    "level": sarif_level(rule.default_severity),
                    "enabled": rule.default_enabled,
                },
                "properties": { "category": rule.category.as_str(), "fixable": rule.fixable },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let rule_index = all_rules().iter().position(|r| r.id == d.rule);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "level": sarif_level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": d.path },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column.max(if d.end_line == d.line { d.column } else { 1 }),
                        }
                    }
                }],
                "partialFingerprints": { "statusdoc/v1": fingerprints[index] },
            });
            if let Some((offset, length)) = chars(&d.path, d.span) {
                let region = &mut result["locations"][0]["physicalLocation"]["region"];
                region["charOffset"] = json!(offset);
                region["charLength"] = json!(length);
            }
            if let Some(index) = rule_index {
                result["ruleIndex"] = json!(index);
            }
            if let Some(code) = d.status_code {
                result["properties"] = json!({ "statusCode": code });
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = Value::Array(
                    d.labels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            json!({
                                "id": i,
                                "message": { "text": l.message },
                                "physicalLocation": {
                                    "artifactLocation": { "uri": l.path },
                                    "region": { "startLine": l.line, "startColumn": l.column },
                                }
                            })
                        })
                        .collect(),
                );
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": { "text": fix.message },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": d.path },
                        "replacements": fix.edits.iter().filter_map(|e| {
                            let (offset, length) = chars(&d.path, e.span)?;
                            Some(json!({
                                "deletedRegion": { "charOffset": offset, "charLength": length },
                                "insertedContent": { "text": e.replacement },
                            }))
                        }).collect::<Vec<_>>(),
                    }],
                }]);
            }
            result
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "statusdoc",
                    "version": tool_version,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(&format!("{} ({})", d.rule, d.name)),
            escape_data(&message)
        ));
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A GitLab Code Quality report (a JSON array of issues).
pub fn gitlab(diagnostics: &[Diagnostic]) -> Value {
    let fingerprints = fingerprints(diagnostics);
    Value::Array(
        diagnostics
            .iter()
            .enumerate()
            .map(|(index, d)| {
                let severity = match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                };
                json!({
                    "description": format!("{} [{}]", d.message, d.rule),
                    "check_name": d.rule,
                    "fingerprint": fingerprints[index],
                    "severity": severity,
                    "location": { "path": d.path, "lines": { "begin": d.line, "end": d.end_line } },
                })
            })
            .collect(),
    )
}

/// Stable fingerprints: FNV-1a of rule, path, status code and message, and the
/// occurrence of that key in the file, so that a finding keeps its identity when
/// lines move and two identical findings stay two.
fn fingerprints(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let key = format!("{}\0{}\0{:?}\0{}", d.rule, d.path, d.status_code, d.message);
            let occurrence = seen.entry(key.clone()).or_default();
            *occurrence += 1;
            let mut hash: u64 = 0xcbf29ce484222325;
            for byte in format!("{key}\0{occurrence}").bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x100000001b3);
            }
            format!("{hash:016x}")
        })
        .collect()
}

/// JUnit XML: one test case per page, failed by its errors (and warnings under
/// `deny_warnings`).
pub fn junit(diagnostics: &[Diagnostic], paths: &[&str], deny_warnings: bool) -> String {
    let fails = |d: &Diagnostic| {
        d.severity == Severity::Error || deny_warnings && d.severity == Severity::Warning
    };
    let failures = paths
        .iter()
        .filter(|p| diagnostics.iter().any(|d| fails(d) && d.path == **p))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"statusdoc\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"statusdoc\" tests=\"{}\" failures=\"{failures}\">\n",
        paths.len(),
        paths.len()
    ));
    for path in paths {
        let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.path == *path).collect();
        out.push_str(&format!(
            "    <testcase classname=\"statusdoc\" name=\"{}\"",
            xml(path)
        ));
        let failing: Vec<&&Diagnostic> = found.iter().filter(|d| fails(d)).collect();
        if failing.is_empty() && found.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        if !failing.is_empty() {
            let body: String = failing
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{}: {}[{}] {}\n",
                        d.path, d.line, d.column, d.severity, d.rule, d.message
                    )
                })
                .collect();
            out.push_str(&format!(
                "      <failure message=\"{} finding(s)\" type=\"statusdoc\">{}</failure>\n",
                failing.len(),
                xml(&body)
            ));
        }
        let other: String = found
            .iter()
            .filter(|d| !fails(d))
            .map(|d| {
                format!(
                    "{}:{}:{}: {}[{}] {}\n",
                    d.path, d.line, d.column, d.severity, d.rule, d.message
                )
            })
            .collect();
        if !other.is_empty() {
            out.push_str(&format!("      <system-out>{}</system-out>\n", xml(&other)));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The rule's documentation, for `explain` in machine formats.
pub fn rule_json(key: &str) -> Option<Value> {
    let rule = find_rule(key)?;
    Some(json!({
        "id": rule.id,
        "name": rule.name,
        "category": rule.category.as_str(),
        "severity": rule.default_severity,
        "enabled": rule.default_enabled,
        "fixable": rule.fixable,
        "doc": rule.doc(),
    }))
}
