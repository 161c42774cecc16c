//! # unreadable-page (SD006)
//!
//! ## What it does
//! Reports a file found by walking a folder that has a page's extension but is not a
//! readable page: it is empty, binary (it holds a NUL byte), UTF-16, or not valid
//! UTF-8. The finding points at the first offending byte. An empty file is a warning
//! (docs trees keep empty placeholder pages; a run does not fail on one); the others
//! are errors.
//!
//! ## Why is this bad?
//! Nothing in the file was checked. A page saved in the wrong encoding or truncated to
//! nothing is also what readers of the docs get; a clean report would hide it. A file
//! named on the command line that cannot be read is an error of the run instead (exit
//! status 2), since the user asked for that file.
//!
//! ## Example
//! `docs/errors.md` saved as Latin-1 (`caf\xe9`), or an image renamed `diagram.md`.
//! Use instead: re-save the page as UTF-8, or exclude the file (`extend-exclude` in
//! `statusdoc.toml`, or `--exclude`).
//!
//! Reported while the tree is read; the rest of the tree is still linted.
//!
//! ## Fix safety
//! No fix.

use statusdoc_model::{Rule, Severity};

use crate::{Category, RuleKind, RuleMeta};

/// A file found by walking that is not a readable page.
pub static META: RuleMeta = RuleMeta {
    rule: Rule::UnreadablePage,
    id: Rule::UnreadablePage.id(),
    name: Rule::UnreadablePage.name(),
    category: Category::Reader,
    default_severity: Severity::Error,
    default_enabled: true,
    fixable: false,
    kind: RuleKind::Reader,
    doc: include_str!(concat!(env!("OUT_DIR"), "/rule_docs/unreadable_page.md")),
    check_document: None,
    check_corpus: None,
};
