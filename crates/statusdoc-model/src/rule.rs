//! Every rule statusdoc reports, in one place (as ruff's `codes.rs`): readers, rules,
//! configuration, suppressions and output name rules only through [`Rule`], so an
//! unknown id is a compile error in code and a located error in configuration.

macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = ($id:literal, $name:literal),)*) => {
        /// A rule, by its stable id and readable name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, ordered by id.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id, such as `SD101`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)*
                }
            }

            /// The readable name, such as `wrong-reason-phrase`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }
        }
    };
}

rules! {
    /// A page in a format statusdoc has no reader for.
    NoReader = ("SD001", "no-reader"),
    /// A table the reader could not lay out.
    MalformedTable = ("SD002", "malformed-table"),
    /// A limit of the reader (nesting depth, an unresolved include): a note about
    /// statusdoc, not about the page.
    ReaderLimit = ("SD003", "reader-limit"),
    /// HTML structure that loses meaning (a term without its definition).
    HtmlStructure = ("SD004", "html-structure"),
    NoStatusCodes = ("SD005", "no-status-codes"),
    /// A file found by walking a folder that is not a readable page (empty, binary,
    /// not UTF-8).
    UnreadablePage = ("SD006", "unreadable-page"),
    UnusedSuppression = ("SD010", "unused-suppression"),
    WrongReasonPhrase = ("SD101", "wrong-reason-phrase"),
    NonstandardReasonPhrase = ("SD102", "nonstandard-reason-phrase"),
    ObsoleteReasonPhrase = ("SD103", "obsolete-reason-phrase"),
    ReasonPhraseSpelling = ("SD104", "reason-phrase-spelling"),
    NonstandardCode = ("SD105", "nonstandard-code"),
    UnassignedCode = ("SD106", "unassigned-code"),
    RetryAdviceContradictsRfc = ("SD201", "retry-advice-contradicts-rfc"),
    DescriptionContradictsCode = ("SD202", "description-contradicts-code"),
    ExpectedHeaderMissing = ("SD203", "expected-header-missing"),
    DuplicateTitle = ("SD301", "duplicate-title"),
    DuplicateCode = ("SD302", "duplicate-code"),
    CoverageGap = ("SD303", "coverage-gap"),
    DeprecatedCode = ("SD304", "deprecated-code"),
    RowsOutOfOrder = ("SD305", "rows-out-of-order"),
    RenderingsDisagree = ("SD401", "renderings-disagree"),
    VendorDrift = ("SD402", "vendor-drift"),
}

impl Rule {
    /// A rule by id (any case) or name.
    pub fn find(key: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.id().eq_ignore_ascii_case(key) || r.name() == key)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sorted_and_unique() {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        assert_eq!(Rule::find("sd101"), Some(Rule::WrongReasonPhrase));
        assert_eq!(Rule::find("vendor-drift"), Some(Rule::VendorDrift));
        assert_eq!(Rule::find("SD999"), None);
    }
}
