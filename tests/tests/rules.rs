//! One fixture and one snapshot per rule: `tests/fixtures/rules/<ID>.<ext>` (or a
//! folder `<ID>/` for rules that compare pages). Each fixture has rows the rule must
//! flag and rows it must leave alone; the snapshot shows exactly what it reports.
//! Each rule has a test of its own.

use std::path::{Path, PathBuf};

use statusdoc_ingest::{read_page, unreadable_page, ReadOptions};
use statusdoc_lint::{find_rule, lint, Category, Config, Page, RuleMeta};
use statusdoc_model::{Diagnostic, Document, Rule};
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
    match read_page(&shown, &bytes, &ReadOptions::new(Registry::bundled())) {
        Ok(document) => document,
        // A file that is not a readable page, as a walk of a docs tree reports it.
        Err(error) => unreadable_page(&error),
    }
}

/// Lints a rule's fixture with the rule on (opt-in rules too): the documents and the
/// rule's findings.
fn lint_fixture(rule: &RuleMeta) -> (Vec<Document>, Vec<Diagnostic>) {
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
    (documents, found)
}

/// What every rule must have: its documentation sections, a fixture where it fires, an
/// entry in the fixture where it does not (for rules about entries), a `fixable` flag
/// that matches what it offers, and a reviewed snapshot of exactly what it reports.
fn check_rule(rule: Rule) {
    let meta = find_rule(rule.id()).expect("every rule in the table has its metadata");
    assert_eq!(meta.rule, rule);
    let doc = meta.doc();
    assert!(
        doc.starts_with(&format!("# {} ({})", rule.name(), rule.id())),
        "{doc}"
    );
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix safety",
    ] {
        assert!(doc.contains(section), "{} lacks {section}", rule.id());
    }
    let (documents, found) = lint_fixture(meta);
    assert!(
        !found.is_empty(),
        "{} finds nothing in its fixture",
        rule.id()
    );
    let offers_fix = found.iter().any(|d| d.fix.is_some());
    assert_eq!(
        offers_fix,
        meta.fixable,
        "{}: `fixable` is {} but its findings {} a fix",
        rule.id(),
        meta.fixable,
        if offers_fix { "offer" } else { "never offer" }
    );
    if matches!(
        meta.category,
        Category::Phrase | Category::Semantics | Category::Structure
    ) {
        let left_alone = documents
            .iter()
            .flat_map(|d| d.entries.iter().map(move |e| (d, e)))
            .any(|(d, e)| {
                let row = e.span();
                !found.iter().any(|f| {
                    f.path == d.path() && f.span.start >= row.start && f.span.start <= row.end
                })
            });
        assert!(
            left_alone,
            "{}: its fixture needs a row the rule must leave alone",
            rule.id()
        );
    }
    let sources = Sources::new(documents.iter().map(|d| &d.source));
    let rendered = statusdoc_report::human(&found, &sources, false);
    insta::assert_snapshot!(format!("{}-{}", rule.id(), rule.name()), rendered);
}

/// One test per rule, so that one failure does not hide the others.
macro_rules! rule_tests {
    ($($test:ident => $rule:ident,)*) => {
        $(
            #[test]
            fn $test() {
                check_rule(Rule::$rule);
            }
        )*

        #[test]
        fn every_rule_has_its_test() {
            let tested = [$(Rule::$rule,)*];
            assert_eq!(tested.as_slice(), Rule::ALL, "add the new rule to rule_tests!");
        }
    };
}

rule_tests! {
    sd001_no_reader => NoReader,
    sd002_malformed_table => MalformedTable,
    sd003_reader_limit => ReaderLimit,
    sd004_html_structure => HtmlStructure,
    sd005_no_status_codes => NoStatusCodes,
    sd006_unreadable_page => UnreadablePage,
    sd010_unused_suppression => UnusedSuppression,
    sd101_wrong_reason_phrase => WrongReasonPhrase,
    sd102_nonstandard_reason_phrase => NonstandardReasonPhrase,
    sd103_obsolete_reason_phrase => ObsoleteReasonPhrase,
    sd104_reason_phrase_spelling => ReasonPhraseSpelling,
    sd105_nonstandard_code => NonstandardCode,
    sd106_unassigned_code => UnassignedCode,
    sd201_retry_advice_contradicts_rfc => RetryAdviceContradictsRfc,
    sd202_description_contradicts_code => DescriptionContradictsCode,
    sd203_expected_header_missing => ExpectedHeaderMissing,
    sd301_duplicate_title => DuplicateTitle,
    sd302_duplicate_code => DuplicateCode,
    sd303_coverage_gap => CoverageGap,
    sd304_deprecated_code => DeprecatedCode,
    sd305_rows_out_of_order => RowsOutOfOrder,
    sd401_renderings_disagree => RenderingsDisagree,
    sd402_vendor_drift => VendorDrift,
}
