//! Output for CI systems: SARIF 2.1.0 (code scanning), GitHub workflow commands,
//! GitLab Code Quality, JUnit XML.

use serde_json::{json, Value};
use statusdoc_lint::{all_rules, find_rule};
use statusdoc_model::{Diagnostic, Severity};

use crate::Sources;

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where statusdoc is published: its documentation and each rule's page.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The page of a rule's documentation (`generated/docs/rules/SD101.md`).
pub fn rule_help_uri(id: &str) -> String {
    format!("{REPOSITORY}/blob/main/generated/docs/rules/{id}.md")
}

/// The base id SARIF locations are relative to: the project root.
const SRCROOT: &str = "%SRCROOT%";

/// A problem of the run that is no finding: a file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as reports name it, when the problem is about one.
    pub path: Option<String>,
    /// The whole message (naming the file).
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a SARIF log says about the run besides its results.
pub struct SarifRun<'a> {
    pub tool_version: &'a str,
    /// The project root every relative path is relative to (`%SRCROOT%`).
    pub root: Option<&'a std::path::Path>,
    /// The exit status of the run.
    pub exit_code: u8,
    /// Files that could not be read (`toolExecutionNotifications`).
    pub problems: &'a [Problem],
}

/// SARIF 2.1.0 with every rule's metadata and documentation, so code scanning shows the
/// rule's help next to each alert. Paths relative to the project root are relative
/// references against `%SRCROOT%` (given in `originalUriBaseIds`); others are `file:`
/// URIs.
pub fn sarif(diagnostics: &[Diagnostic], sources: &Sources, run: &SarifRun) -> Value {
    // SARIF counts in Unicode code points (`columnKind`); spans are bytes.
    let chars = |path: &str, span: statusdoc_model::Span| -> Option<(usize, usize)> {
        let text = sources.get(path)?.text();
        let start = text.get(..span.start)?.chars().count();
        let length = text.get(span.start..span.end)?.chars().count();
        Some((start, length))
    };
    let location = |path: &str| artifact_location(path, run.root.is_some());
    let fingerprints = fingerprints(diagnostics, sources);
    let rules: Vec<Value> = all_rules()
        .iter()
        .map(|rule| {
            let what = rule
                .section("What it does")
                .unwrap_or_else(|| rule.summary());
            json!({
                "id": rule.id,
                "name": rule.name,
                "shortDescription": { "text": rule.short_description() },
                "fullDescription": { "text": what, "markdown": what },
                "help": { "text": rule.doc(), "markdown": rule.doc() },
                "helpUri": rule_help_uri(rule.id),
                "defaultConfiguration": {
                    "level": sarif_level(rule.default_severity),
                    "enabled": rule.default_enabled,
                },
                "properties": {
                    "category": rule.category.as_str(),
                    "fixable": rule.fixable,
                    "tags": [rule.category.as_str()],
                },
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
                        "artifactLocation": location(&d.path),
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column.max(if d.end_line == d.line { d.column } else { 1 }),
                        }
                    }
                }],
                "partialFingerprints": { FINGERPRINT: fingerprints[index] },
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
                                    "artifactLocation": location(&l.path),
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
                        "artifactLocation": location(&d.path),
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
    let notifications: Vec<Value> = run
        .problems
        .iter()
        .map(|problem| {
            let mut notification = json!({
                "level": "error",
                "message": { "text": problem.message },
                "descriptor": { "id": "unreadable-file" },
            });
            if let Some(path) = &problem.path {
                notification["locations"] =
                    json!([{ "physicalLocation": { "artifactLocation": location(path) } }]);
            }
            notification
        })
        .collect();
    let mut sarif_run = json!({
        "tool": {
            "driver": {
                "name": "statusdoc",
                "version": run.tool_version,
                "semanticVersion": run.tool_version,
                "informationUri": REPOSITORY,
                "rules": rules,
            }
        },
        "invocations": [{
            "executionSuccessful": run.exit_code != 2,
            "exitCode": run.exit_code,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(root) = run.root {
        sarif_run["originalUriBaseIds"] = json!({
            SRCROOT: {
                "uri": folder_uri(root),
                "description": { "text": "The project root: the folder of statusdoc.toml, else the root of the git work tree, else the working folder." },
            }
        });
    }
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [sarif_run]
    })
}

/// The key of statusdoc's fingerprints in `partialFingerprints`: `v2` hashes
/// root-relative paths and the flagged text, not line numbers.
const FINGERPRINT: &str = "statusdoc/v2";

/// A SARIF `artifactLocation`: relative to `%SRCROOT%` when the path is relative to the
/// project root, else a `file:` URI.
fn artifact_location(path: &str, has_root: bool) -> Value {
    if std::path::Path::new(path).is_absolute() {
        json!({ "uri": file_uri(path) })
    } else if has_root {
        json!({ "uri": percent_encode(path), "uriBaseId": SRCROOT })
    } else {
        json!({ "uri": percent_encode(path) })
    }
}

/// `file:///the/folder/` (with the trailing slash a base URI needs).
fn folder_uri(dir: &std::path::Path) -> String {
    let mut uri = file_uri(&dir.to_string_lossy().replace('\\', "/"));
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    if path.starts_with('/') {
        format!("file://{}", percent_encode(&path))
    } else {
        // A Windows path such as C:/docs.
        format!("file:///{}", percent_encode(&path))
    }
}

/// Percent-encodes everything but unreserved characters, `/` and a drive's `:`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, byte) in path.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
            || byte == b':' && i == 1;
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
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
pub fn gitlab(diagnostics: &[Diagnostic], sources: &Sources) -> Value {
    let fingerprints = fingerprints(diagnostics, sources);
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

/// Stable fingerprints: FNV-1a of rule, root-relative path, status code, message and
/// the flagged text, and the occurrence of that key in the file, so that a finding
/// keeps its identity when lines move, whatever way its path was typed, and two
/// identical findings stay two.
pub fn fingerprints(diagnostics: &[Diagnostic], sources: &Sources) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let flagged = sources
                .get(&d.path)
                .and_then(|s| s.text().get(d.span.start..d.span.end))
                .unwrap_or("");
            let key = format!(
                "{}\0{}\0{:?}\0{}\0{flagged}",
                d.rule, d.path, d.status_code, d.message
            );
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

/// JUnit XML (the schema Jenkins reads, `junit-10.xsd`): one test case per page,
/// failed by its errors (and warnings under `deny_warnings`), and one errored test
/// case per file that could not be read.
pub fn junit(
    diagnostics: &[Diagnostic],
    paths: &[&str],
    problems: &[Problem],
    deny_warnings: bool,
) -> String {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let fails = |d: &Diagnostic| {
        d.severity == Severity::Error || deny_warnings && d.severity == Severity::Warning
    };
    let line = |d: &Diagnostic| {
        format!(
            "{}:{}:{}: {}[{}] {}\n",
            d.path, d.line, d.column, d.severity, d.rule, d.message
        )
    };
    let mut by_path: std::collections::HashMap<&str, Vec<&Diagnostic>> =
        std::collections::HashMap::new();
    for d in diagnostics {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    let mut suite = TestSuite::new("statusdoc");
    for path in paths {
        let found = by_path.get(path).map_or(&[][..], Vec::as_slice);
        let failing: Vec<&&Diagnostic> = found.iter().filter(|d| fails(d)).collect();
        let status = if failing.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status
                .set_message(format!("{} finding(s)", failing.len()))
                .set_type("statusdoc")
                .set_description(failing.iter().map(|d| line(d)).collect::<String>());
            status
        };
        let mut case = TestCase::new(*path, status);
        case.set_classname("statusdoc");
        let other: String = found
            .iter()
            .filter(|d| !fails(d))
            .map(|d| line(d))
            .collect();
        if !other.is_empty() {
            case.set_system_out(other);
        }
        suite.add_test_case(case);
    }
    for problem in problems {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status
            .set_message("the file could not be read")
            .set_type("unreadable-file")
            .set_description(problem.message.clone());
        let mut case = TestCase::new(problem.path.as_deref().unwrap_or("(input)"), status);
        case.set_classname("statusdoc");
        suite.add_test_case(case);
    }
    let mut report = Report::new("statusdoc");
    report.add_test_suite(suite);
    match report.to_string() {
        // quick-junit always writes `disabled="0"` on the suite, an attribute the
        // junit-10 schema does not have (statusdoc never disables a test case). Quotes
        // are escaped in text and attribute values, so this only matches the attribute.
        Ok(xml) => xml.replacen(" disabled=\"0\"", "", 1),
        Err(e) => format!("<!-- JUnit XML could not be written: {e} -->\n"),
    }
}

/// The line `statusdoc explain` ends a rule's documentation with: its default
/// severity, whether it is fixable, its category.
pub fn rule_defaults(rule: &statusdoc_lint::RuleMeta) -> String {
    format!(
        "Default: {}{}. Category: {}.",
        if rule.default_enabled {
            rule.default_severity.as_str()
        } else {
            "off (opt-in)"
        },
        if rule.fixable { ", fixable" } else { "" },
        rule.category.as_str()
    )
}

/// A rule's documentation page (`generated/docs/rules/SD101.md`, each rule's
/// `helpUri` in SARIF): its documentation and its defaults.
pub fn rule_doc_page(rule: &statusdoc_lint::RuleMeta, note: &str) -> String {
    format!(
        "<!-- {note} -->\n\n{}\n\n{}\n",
        rule.doc(),
        rule_defaults(rule)
    )
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
