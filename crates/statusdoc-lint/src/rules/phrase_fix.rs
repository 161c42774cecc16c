//! The fix shared by the phrase rules: replace the title with the canonical phrase.

use statusdoc_model::{Edit, Entry, Fix, Span};

use crate::Context;

/// A fix that replaces the entry's title in place, offered only when the title's span
/// holds exactly the title text (no markup inside), so nothing else changes.
///
/// In a fixed-width layout (a grid table) the replacement takes the spaces after the
/// title, padded to the same length, so the column borders stay where they are; when
/// the phrase does not fit in the cell, no fix is offered.
pub(crate) fn replace_title(cx: &Context, entry: &Entry, canonical: &str) -> Option<Fix> {
    let title = entry.title.as_ref()?;
    if cx.document.source.slice(title.span) != title.text {
        return None;
    }
    let (span, replacement) = if title.fixed_width {
        let after = &cx.document.source.text()[title.span.end..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        // Keep one space between the text and the column border.
        let room = title.text.chars().count() + spaces.saturating_sub(1);
        let width = canonical.chars().count();
        if width > room {
            return None;
        }
        let byte_room = title.span.len() + spaces.saturating_sub(1);
        (
            Span::new(title.span.start, title.span.start + byte_room),
            format!("{canonical}{}", " ".repeat(room - width)),
        )
    } else {
        (title.span, canonical.to_owned())
    };
    Some(Fix {
        message: format!("Replace with \"{canonical}\""),
        edits: vec![Edit { span, replacement }],
        safe: true,
    })
}
