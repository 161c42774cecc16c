//! `statusdoc server`: a Language Server Protocol server for status code pages.
//!
//! - Diagnostics for every open Markdown, reStructuredText, HTML, AsciiDoc and OpenAPI
//!   page, from the text the editor holds, on open and on change (after a debounce
//!   delay), with the rules, configuration (each page's nearest `statusdoc.toml`),
//!   suppression comments and severities of `statusdoc lint`. Each diagnostic's code is
//!   its rule id and links to the rule's documentation page.
//! - Code actions: each fix (safe ones as preferred quick fixes), a suppression comment
//!   for a finding's line, and every safe fix of the page at once
//!   (`source.fixAll.statusdoc`).
//! - Hover on a status code entry: the RFC 9110 phrase and section, the retry
//!   semantics, and how the other open pages title the code.
//! - The cross-page rules run over the workspace when a page is saved.
//!
//! The server is a library so that it can be tested and benchmarked: [`serve`] runs it
//! on any byte streams (the `statusdoc server` command on standard input and output),
//! [`run`] on an `lsp_server::Connection`, and [`Workspace`] is its state without the
//! protocol.

mod actions;
mod crosspage;
mod format;
mod hover;
mod project;
mod server;
mod text;
mod transport;
mod workspace;

use std::time::Duration;

pub use actions::FIX_ALL;
pub use format::{detect as detect_format, suppression_comment};
pub use server::run;
pub use text::{Encoding, LineIndex};
pub use transport::{serve, serve_stdio};
pub use workspace::{Analysis, OpenDocument, Workspace};

/// Where the rule documentation pages are published by default:
/// `generated/docs/rules/SD101.md` in the repository.
pub const DEFAULT_DOCS_URL: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/blob/main/generated/docs/rules/"
);

/// How long a page must stay unchanged before it is linted again, by default.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// The server's settings: from the command line, then the client's
/// `initializationOptions` (`{"docsUrl": "…", "debounceMs": 150}`).
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder URL of the rule pages (ends with `/`): a diagnostic of rule SD101
    /// links to `{docs_base_url}SD101.md`.
    pub docs_base_url: String,
    pub debounce: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            docs_base_url: DEFAULT_DOCS_URL.to_owned(),
            debounce: DEFAULT_DEBOUNCE,
        }
    }
}

impl Options {
    /// Sets the rule documentation URL; an error when it is not an absolute URL.
    pub fn set_docs_url(&mut self, url: &str) -> Result<(), String> {
        let mut base = url.to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        match lsp_types::Url::parse(&base) {
            Ok(parsed) if !parsed.cannot_be_a_base() => {
                self.docs_base_url = base;
                Ok(())
            }
            _ => Err(format!(
                "`{url}` is not an absolute URL (such as {DEFAULT_DOCS_URL})"
            )),
        }
    }

    /// Applies the client's `initializationOptions`; each setting that is not
    /// understood is said through `warn` and left as it was.
    pub fn apply_settings(&mut self, settings: &serde_json::Value, warn: &mut dyn FnMut(String)) {
        let Some(settings) = settings.as_object() else {
            if !settings.is_null() {
                warn("initializationOptions: expected an object; ignored".to_owned());
            }
            return;
        };
        for (key, value) in settings {
            match (key.as_str(), value) {
                ("docsUrl", serde_json::Value::String(url)) => {
                    if let Err(error) = self.set_docs_url(url) {
                        warn(format!("initializationOptions.docsUrl: {error}; ignored"));
                    }
                }
                ("debounceMs", value) if value.as_u64().is_some() => {
                    self.debounce = Duration::from_millis(value.as_u64().unwrap_or_default());
                }
                _ => warn(format!(
                    "initializationOptions.{key}: unknown setting or wrong type; ignored (known: docsUrl, debounceMs)"
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings() {
        let mut options = Options::default();
        assert!(options.docs_base_url.ends_with("/generated/docs/rules/"));
        let mut warnings = Vec::new();
        options.apply_settings(
            &serde_json::json!({"docsUrl": "https://docs.example.test/rules", "debounceMs": 20, "colour": 1}),
            &mut |w| warnings.push(w),
        );
        assert_eq!(options.docs_base_url, "https://docs.example.test/rules/");
        assert_eq!(options.debounce, Duration::from_millis(20));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(options.set_docs_url("not a url").is_err());
    }
}
