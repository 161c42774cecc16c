//! One fixture and one snapshot per rule: `tests/fixtures/rules/<ID>.<ext>` (or a
//! folder `<ID>/` for rules that compare pages). Each fixture has rows the rule must
//! flag and rows it must leave alone; the snapshot shows exactly what it reports.

use std::path::{Path, PathBuf};

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{all_rules, lint, Config, Page, RuleMeta};
use statusdoc_model::Document;
use statusdoc_reference::Registry;
use statusdoc_report::Sources;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

fn fixture_files(rule: &RuleMeta) -> Vec<PathBuf> {
    let dir = fixtures().join(rule.id);
    if dir.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        return files;
    }
    std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_stem().is_some_and(|s| s == rule.id) && p.is_file())
        .collect()
}

fn read(path: &Path) -> Document {
    let shown = path
        .strip_prefix(fixtures())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let bytes = std::fs::read(path).unwrap();
    read_page(&shown, &bytes, &ReadOptions::new(Registry::bundled())).unwrap()
}

/// Lints a rule's fixture with the rule on (opt-in rules too) and renders its findings.
fn report(rule: &RuleMeta) -> String {
    let files = fixture_files(rule);
    assert!(
        !files.is_empty(),
        "{} ({}) has no fixture in tests/fixtures/rules/",
        rule.id,
        rule.name
    );
    let documents: Vec<Document> = files.iter().map(|f| read(f)).collect();
    let pages: Vec<Page> = documents
        .iter()
        .map(|document| Page {
            vendor: Some("Example"),
            ..Page::new(document)
        })
        .collect();
    let mut config = Config::default();
    config.set(rule.id, rule.default_severity.as_str()).unwrap();
    let found: Vec<_> = lint(&pages, Registry::bundled(), &config)
        .into_iter()
        .filter(|d| d.rule == rule.id)
        .collect();
    assert!(
        !found.is_empty(),
        "{} finds nothing in its fixture",
        rule.id
    );
    let sources = Sources::new(documents.iter().map(|d| &d.source));
    statusdoc_report::human(&found, &sources, false)
}

#[test]
fn every_rule_has_a_fixture_and_a_snapshot() {
    for rule in all_rules() {
        let rendered = report(rule);
        insta::assert_snapshot!(format!("{}-{}", rule.id, rule.name), rendered);
    }
}
