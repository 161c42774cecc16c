//! `--fix`: apply the fixes of findings to the pages, in place and atomically.
//!
//! - A fix applies whole or not at all: when any of its edits overlaps an edit already
//!   made, the whole fix waits for the next pass (the caller re-lints and fixes again,
//!   at most [`MAX_PASSES`] times).
//! - A page is written only when the file on disk still holds exactly the text that
//!   was linted, checked when the fix starts and again right before the new text
//!   replaces it; otherwise the page is reported as changed on disk and left alone.
//! - The new text goes to a temporary file beside the page, which is renamed over it
//!   (a failure never leaves a half-written page), with the page's permissions and
//!   owner. Read-only pages and pages with several hard links are not written (a
//!   rename would leave the other links with the old text): they are reported.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use statusdoc_model::{Diagnostic, Fix};

use crate::inputs::Inputs;

/// How many times `--fix` re-lints and fixes again, so that fixes held back by an
/// overlap are made too.
pub const MAX_PASSES: usize = 3;

#[derive(Default)]
pub struct Fixed {
    /// Fixes applied.
    pub fixes: usize,
    pub files: usize,
    /// Pages that had fixes but were not written, with the reason.
    pub refused: Vec<String>,
}

/// Applies safe fixes (and unsafe ones when asked) to every page that has any.
pub fn apply(
    inputs: &Inputs,
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
) -> anyhow::Result<Fixed> {
    let mut by_path: BTreeMap<&str, Vec<&Fix>> = BTreeMap::new();
    for d in diagnostics {
        if let Some(fix) = d.fix.as_ref().filter(|f| f.safe || unsafe_fixes) {
            if !fix.edits.is_empty() {
                by_path.entry(d.path.as_str()).or_default().push(fix);
            }
        }
    }
    let mut fixed = Fixed::default();
    for (path, fixes) in by_path {
        let Some(input) = inputs.inputs.iter().find(|i| i.document.path() == path) else {
            continue;
        };
        let shown = input.document.path().to_owned();
        // Edit the file as it is on disk (a byte-order mark the readers did not see
        // included), through symlinks.
        let target = std::fs::canonicalize(&input.file)?;
        let metadata = std::fs::metadata(&target)?;
        if metadata.permissions().readonly() {
            fixed
                .refused
                .push(format!("{shown}: the file is read-only; not fixed"));
            continue;
        }
        if has_other_links(&metadata) {
            fixed.refused.push(format!(
                "{shown}: the file has other hard links, which a rewrite would leave with the old text; not fixed"
            ));
            continue;
        }
        let original = std::fs::read(&target)?;
        if !same_text(&original, input.document.source.text()) {
            fixed.refused.push(format!(
                "{shown}: the file changed on disk since it was read; not fixed (run again)"
            ));
            continue;
        }
        let Ok(mut text) = String::from_utf8(original.clone()) else {
            continue;
        };
        let applied = statusdoc_model::apply_fixes(&mut text, &fixes);
        if applied == 0 {
            continue;
        }
        match write_if_unchanged(&target, &original, &text, &metadata) {
            Ok(true) => {
                fixed.fixes += applied;
                fixed.files += 1;
            }
            Ok(false) => fixed.refused.push(format!(
                "{shown}: the file changed on disk while it was being fixed; not fixed (run again)"
            )),
            Err(error) => anyhow::bail!("{shown}: {error}"),
        }
    }
    Ok(fixed)
}

/// Whether the bytes on disk are the text that was linted (which shows a byte-order
/// mark as three spaces).
fn same_text(on_disk: &[u8], linted: &str) -> bool {
    match on_disk.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => linted.len() == on_disk.len() && linted.as_bytes()[3..] == *rest,
        None => on_disk == linted.as_bytes(),
    }
}

#[cfg(unix)]
fn has_other_links(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink() > 1
}

#[cfg(not(unix))]
fn has_other_links(_: &std::fs::Metadata) -> bool {
    false
}

/// Writes `text` over `target` through a temporary file, unless the file no longer
/// holds `original` right before the rename. Returns whether it wrote.
fn write_if_unchanged(
    target: &Path,
    original: &[u8],
    text: &str,
    metadata: &std::fs::Metadata,
) -> std::io::Result<bool> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.as_file().set_permissions(metadata.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Keep the page's owner where we may (root fixing another user's page).
        let _ =
            std::os::unix::fs::fchown(temp.as_file(), Some(metadata.uid()), Some(metadata.gid()));
    }
    if std::fs::read(target)? != original {
        return Ok(false);
    }
    temp.persist(target).map_err(|e| e.error)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use statusdoc_model::{Edit, Span};

    fn fix(edits: &[(usize, usize, &str)]) -> Fix {
        Fix {
            message: "test".into(),
            edits: edits
                .iter()
                .map(|&(s, e, r)| Edit {
                    span: Span::new(s, e),
                    replacement: r.into(),
                })
                .collect(),
            safe: true,
        }
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let mut text = "aaaa bbbb cccc".to_owned();
        // The second fix's first edit overlaps the first fix: none of it is applied.
        let first = fix(&[(5, 9, "BBBB")]);
        let second = fix(&[(0, 4, "AAAA"), (7, 11, "xx")]);
        let applied = statusdoc_model::apply_fixes(&mut text, &[&first, &second]);
        assert_eq!(applied, 1);
        assert_eq!(text, "aaaa BBBB cccc");
    }

    #[test]
    fn the_linted_text_is_compared_byte_for_byte() {
        assert!(same_text(b"abc", "abc"));
        assert!(!same_text(b"abd", "abc"));
        assert!(same_text("\u{feff}abc".as_bytes(), "   abc"));
    }
}
