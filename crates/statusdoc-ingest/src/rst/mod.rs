//! reStructuredText reader.

use statusdoc_model::{Diagnostic, Document, Severity, Span};
use statusdoc_reference::Registry;

pub(crate) fn read(document: &mut Document, _registry: &Registry) {
    let note = Diagnostic::new(
        "SD001",
        "no-reader",
        Severity::Error,
        &document.source,
        Span::empty(0),
        "no reader for reStructuredText yet: this page was not checked",
    )
    .with_help("convert the page to Markdown, or pass --input-format if it is not reStructuredText");
    document.notes.push(note);
}
