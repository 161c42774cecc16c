use statusdoc_model::{Diagnostic, Document, Span};
use statusdoc_reference::Registry;

use crate::{Config, RuleMeta};

/// What a per-page rule sees: the page, the registry and the configuration.
pub struct Context<'a> {
    pub document: &'a Document,
    pub registry: &'a Registry,
    pub config: &'a Config,
    /// Title spans that more than one entry has, found once when first asked.
    shared_titles: std::sync::OnceLock<std::collections::HashSet<statusdoc_model::Span>>,
}

impl<'a> Context<'a> {
    pub fn new(document: &'a Document, registry: &'a Registry, config: &'a Config) -> Self {
        Context {
            document,
            registry,
            config,
            shared_titles: std::sync::OnceLock::new(),
        }
    }

    /// Whether another entry's title has the same span (a reader that could not tell
    /// two copies of a text apart gave both one place): a fix there would serve two
    /// entries at once.
    pub fn title_span_is_shared(&self, span: statusdoc_model::Span) -> bool {
        self.shared_titles
            .get_or_init(|| {
                let mut seen = std::collections::HashSet::new();
                let mut shared = std::collections::HashSet::new();
                for title in self
                    .document
                    .entries
                    .iter()
                    .filter_map(|e| e.title.as_ref())
                {
                    if !seen.insert(title.span) {
                        shared.insert(title.span);
                    }
                }
                shared
            })
            .contains(&span)
    }

    /// A finding of `rule` at `span` of this page, with the rule's default severity
    /// (the configuration adjusts it later).
    pub fn diagnostic(
        &self,
        rule: &RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(
            rule.id,
            rule.name,
            rule.default_severity,
            &self.document.source,
            span,
            message,
        )
    }
}
