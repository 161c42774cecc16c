//! The catalog compiler (issue 8): corpus + findings in, generated files out.

use statusdoc_corpus::Corpus;
use statusdoc_model::Diagnostic;
use statusdoc_reference::Registry;

/// One generated file: its path relative to the repository root, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// Every file the catalog compiler generates, deterministically.
pub fn generate(_corpus: &Corpus, _diagnostics: &[Diagnostic], _registry: &Registry) -> Vec<GeneratedFile> {
    Vec::new()
}
