//! The rule table: metadata and entry points of every rule.

use statusdoc_model::{Diagnostic, Severity};
use statusdoc_reference::Registry;

use crate::{rules, Config, Context, Page};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// The page could not be read as intended.
    Reader,
    /// Reason phrases.
    Phrase,
    /// What descriptions say against RFC 9110.
    Semantics,
    /// How a page is organised: duplicates, gaps, order.
    Structure,
    /// Pages compared with each other.
    CrossPage,
    /// statusdoc's own comments.
    Suppression,
    /// Notes about statusdoc itself (a reader's limit), never page defects.
    Tool,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Reader => "reader",
            Category::Phrase => "phrase",
            Category::Semantics => "semantics",
            Category::Structure => "structure",
            Category::CrossPage => "cross-page",
            Category::Suppression => "suppression",
            Category::Tool => "tool",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Reported by readers while ingesting.
    Reader,
    /// Runs on one page.
    Document,
    /// Runs on all pages together.
    Corpus,
    /// Reported by the suppression machinery.
    Suppression,
}

pub type DocumentCheck = fn(&Context, &mut Vec<Diagnostic>);
pub type CorpusCheck = fn(&[Page], &Registry, &Config, &mut Vec<Diagnostic>);

/// A rule's identity, defaults and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// The rule in the one table of rules ([`statusdoc_model::Rule`]).
    pub rule: statusdoc_model::Rule,
    /// Stable id, such as `SD101` (the table's).
    pub id: &'static str,
    /// Readable name, such as `wrong-reason-phrase`.
    pub name: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// Opt-in rules are off unless the configuration turns them on.
    pub default_enabled: bool,
    /// Whether the rule offers a fix.
    pub fixable: bool,
    pub kind: RuleKind,
    /// The documentation: the `//!` comment of the rule's file, extracted at build time
    /// (`build.rs`).
    pub doc: &'static str,
    pub check_document: Option<DocumentCheck>,
    pub check_corpus: Option<CorpusCheck>,
}

impl RuleMeta {
    /// The rule's documentation: the `//!` comment at the top of its file.
    pub fn doc(&self) -> String {
        self.doc.to_owned()
    }

    /// A `## heading` section of the documentation, without its heading, trimmed.
    pub fn section(&self, heading: &str) -> Option<String> {
        let start = self.doc.find(&format!("## {heading}\n"))? + heading.len() + 4;
        let rest = &self.doc[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim().to_owned())
    }

    /// The first sentence of "What it does", on one line: what the rule reports.
    pub fn short_description(&self) -> String {
        let what = self
            .section("What it does")
            .unwrap_or_else(|| self.summary());
        // The first paragraph, before any list.
        let paragraph: Vec<&str> = what
            .lines()
            .take_while(|l| !l.trim().is_empty() && !l.trim_start().starts_with("- "))
            .collect();
        let flat = paragraph
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let sentence = match flat.find(". ") {
            Some(end) => &flat[..=end],
            None => &flat,
        };
        match sentence.strip_suffix(':') {
            Some(lead) => format!("{lead}."),
            None => sentence.to_owned(),
        }
    }

    /// The first line of the documentation.
    pub fn summary(&self) -> String {
        self.doc()
            .lines()
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .unwrap_or("")
            .to_owned()
    }
}

/// Every rule, ordered by id.
pub fn all_rules() -> &'static [&'static RuleMeta] {
    rules::ALL
}

/// A rule by id (`SD101`, any case) or name (`wrong-reason-phrase`).
pub fn find_rule(key: &str) -> Option<&'static RuleMeta> {
    all_rules()
        .iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(key) || r.name == key)
}
