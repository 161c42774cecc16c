use statusdoc_model::{Diagnostic, Document, Span};
use statusdoc_reference::Registry;

use crate::{Config, RuleMeta};

/// What a per-page rule sees: the page, the registry and the configuration.
pub struct Context<'a> {
    pub document: &'a Document,
    pub registry: &'a Registry,
    pub config: &'a Config,
}

impl<'a> Context<'a> {
    pub fn new(document: &'a Document, registry: &'a Registry, config: &'a Config) -> Self {
        Context {
            document,
            registry,
            config,
        }
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
