use statusdoc_model::{Diagnostic, Document, Span};
use statusdoc_reference::Registry;

use crate::{Config, RuleMeta};

/// What a per-page rule sees: the page, the registry and the configuration.
pub struct Context<'a> {
    pub document: &'a Document,
    pub registry: &'a Registry,
    pub config: &'a Config,
    /// Title spans that more than one entry of one listing has, found once when first
    /// asked.
    shared_titles: std::sync::OnceLock<std::collections::HashSet<(statusdoc_model::Span, usize)>>,
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

    /// Whether another entry of the same listing has a title with the same span (a
    /// reader that could not tell two copies of a text apart gave both one place): a
    /// fix there would serve two rows at once. Entries of different listings may share
    /// a text on purpose (an OpenAPI response and the one it `$ref`s).
    pub fn title_span_is_shared(&self, entry: &statusdoc_model::Entry) -> bool {
        let Some(title) = &entry.title else {
            return false;
        };
        self.shared_titles
            .get_or_init(|| {
                let mut seen = std::collections::HashSet::new();
                let mut shared = std::collections::HashSet::new();
                for e in &self.document.entries {
                    if let Some(t) = &e.title {
                        if !seen.insert((t.span, e.block)) {
                            shared.insert((t.span, e.block));
                        }
                    }
                }
                shared
            })
            .contains(&(title.span, entry.block))
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
