//! The inconsistency report of the bundled corpus, reviewed as an insta snapshot.
//!
//! `cargo xtask lint-docs` runs this test: when a page changes, the difference is shown
//! here and accepted with `cargo insta review` (or `cargo xtask lint-docs --bless`).

#[test]
fn lint_report() {
    let linted = xtask::generate::lint_corpus().expect("sources/ reads");
    let report = xtask::generate::markdown_report(&linted);
    insta::assert_snapshot!("lint_report", report);
}
