//! Fuzz entry points shared by the cargo-fuzz target and the corpus replayer.

use statusdoc_model::{Format, SourceFile};
use statusdoc_reference::Registry;

/// Reads `data` as a reStructuredText page (grid tables are the point: the corpus is
/// grid tables) and checks every span the reader returns lies inside the page.
pub fn rst_grid(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let len = text.len();
    let document = statusdoc_ingest::read_source(
        SourceFile::new("fuzz.rst", text),
        Format::ReStructuredText,
        Registry::bundled(),
    );
    for entry in &document.entries {
        assert!(entry.code_span.start <= entry.code_span.end && entry.code_span.end <= len);
        for cell in entry.title.iter().chain(entry.description.iter()) {
            assert!(cell.span.start <= cell.span.end && cell.span.end <= len);
        }
    }
    for note in &document.notes {
        assert!(note.span.end <= len);
    }
}
