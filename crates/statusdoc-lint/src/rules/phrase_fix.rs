//! The fix shared by the phrase rules: replace the title with the canonical phrase.

use statusdoc_model::{Edit, Entry, Fix};

use crate::Context;

/// A fix that replaces the entry's title in place, offered only when the title's span
/// holds exactly the title text (no markup inside), so nothing else changes.
pub(crate) fn replace_title(cx: &Context, entry: &Entry, canonical: &str) -> Option<Fix> {
    let title = entry.title.as_ref()?;
    (cx.document.source.slice(title.span) == title.text).then(|| Fix {
        message: format!("Replace with \"{canonical}\""),
        edits: vec![Edit {
            span: title.span,
            replacement: canonical.to_owned(),
        }],
        safe: true,
    })
}
