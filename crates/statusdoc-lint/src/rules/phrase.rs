//! What the phrase rules share: the titled entries of registered codes, classified
//! against the registry, and the finding with its fix to the registered phrase.

use statusdoc_model::{Cell, Diagnostic, Edit, Entry, Fix, Span};
use statusdoc_reference::{PhraseMatch, Status};

use crate::{Context, RuleMeta};

/// An entry with a title, of a registered code, and what its title is.
pub(crate) struct Titled<'a> {
    pub entry: &'a Entry,
    pub title: &'a Cell,
    pub status: &'a Status,
    pub matched: PhraseMatch<'a>,
}

/// Every titled entry of a registered code on the page.
pub(crate) fn titled<'a>(cx: &'a Context) -> impl Iterator<Item = Titled<'a>> + 'a {
    cx.document.entries.iter().filter_map(|entry| {
        let title = entry.title.as_ref()?;
        let status = cx.registry.get(entry.code)?;
        Some(Titled {
            entry,
            title,
            status,
            matched: cx.registry.match_phrase(entry.code, &title.text),
        })
    })
}

/// A finding on the title, with the fix that writes the registered phrase (`safe`
/// says whether `--fix` applies it without `--unsafe-fixes`).
pub(crate) fn title_finding(
    cx: &Context,
    rule: &RuleMeta,
    titled: &Titled,
    message: String,
    help: String,
    safe: bool,
) -> Diagnostic {
    let mut diagnostic = cx
        .diagnostic(rule, titled.title.span, message)
        .with_code(titled.entry.code)
        .with_help(help);
    // 306 and 418 have no phrase to write ("(Unused)" is the registry's note).
    let fix = titled
        .status
        .has_phrase()
        .then(|| replace_title(cx, titled.entry, &titled.status.reason))
        .flatten();
    if let Some(mut fix) = fix {
        fix.safe = safe;
        diagnostic = diagnostic.with_fix(fix);
    }
    diagnostic
}

/// A fix that replaces the entry's title in place, offered only when the interpreter is
/// sure of the title's extent and its span holds exactly the title text (no markup
/// inside), so nothing else changes.
///
/// In a fixed-width layout (a grid table) the replacement takes the spaces after the
/// title, padded to the same length, so the column borders stay where they are; when
/// the phrase does not fit in the cell, no fix is offered.
fn replace_title(cx: &Context, entry: &Entry, canonical: &str) -> Option<Fix> {
    let title = entry.title.as_ref()?;
    // A title whose end the interpreter guessed ("Request Entity" before a wrapped
    // line) is reported but never rewritten.
    if !entry.title_certain
        || cx.document.source.slice(title.span) != title.text
        || cx.title_span_is_shared(entry)
    {
        return None;
    }
    // A title glued to the word or number before it ("203Non-…") would fuse with it.
    let before = cx.document.source.text()[..title.span.start]
        .chars()
        .next_back();
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // "Resume Incomplete (Google)": only the phrase is rewritten, the qualifier stays.
    let phrase_len = statusdoc_reference::strip_qualifier(&title.text).len();
    let new_title = format!("{canonical}{}", &title.text[phrase_len..]);
    let (span, replacement) = if title.fixed_width {
        let after = &cx.document.source.text()[title.span.end..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        // Up to a visible column border (a grid table's `|`), keeping one space before
        // it. Where the border is invisible (a simple table's columns end where the
        // `===` rule does, and the margin after is no column's), the phrase may only
        // take the title's own room.
        let border = after[spaces..].starts_with('|');
        let room = title.text.chars().count() + if border { spaces.saturating_sub(1) } else { 0 };
        let width = new_title.chars().count();
        if width > room {
            return None;
        }
        let byte_room = title.span.len() + if border { spaces.saturating_sub(1) } else { 0 };
        (
            Span::new(title.span.start, title.span.start + byte_room),
            format!("{new_title}{}", " ".repeat(room - width)),
        )
    } else {
        (title.span, new_title)
    };
    Some(Fix {
        message: format!("Replace with \"{canonical}\""),
        edits: vec![Edit { span, replacement }],
        safe: true,
    })
}
