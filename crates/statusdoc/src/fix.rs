//! `--fix`: apply the fixes of findings to the pages, in place and atomically.

use std::collections::BTreeMap;
use std::io::Write;

use statusdoc_model::{Diagnostic, Edit};

use crate::inputs::Inputs;

pub struct Fixed {
    pub edits: usize,
    pub files: usize,
}

/// Applies safe fixes (and unsafe ones when asked). Overlapping edits are skipped, so a
/// second run picks them up. Each file is written to a temporary file beside it and
/// renamed over it, so a failure never leaves a half-written page.
pub fn apply(
    inputs: &Inputs,
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
) -> anyhow::Result<Fixed> {
    let mut by_path: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    let mut applied = 0;
    for d in diagnostics {
        if let Some(fix) = d.fix.as_ref().filter(|f| f.safe || unsafe_fixes) {
            by_path
                .entry(d.path.as_str())
                .or_default()
                .extend(fix.edits.iter());
        }
    }
    let mut files = 0;
    for (path, mut edits) in by_path {
        let Some(input) = inputs.inputs.iter().find(|i| i.document.path() == path) else {
            continue;
        };
        // Edit the file as it is on disk (a byte-order mark the readers did not see
        // included), through symlinks, keeping its permissions.
        let target = std::fs::canonicalize(&input.file)?;
        let mut text = std::fs::read_to_string(&target)?;
        if text.len() != input.document.source.text().len() {
            anyhow::bail!(
                "{}: the file changed while it was being linted; run again",
                input.file.display()
            );
        }
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut last_start = usize::MAX;
        let mut changed = false;
        for edit in edits {
            if edit.span.end > last_start
                || !text.is_char_boundary(edit.span.start)
                || !text.is_char_boundary(edit.span.end)
            {
                continue; // overlaps an edit already made
            }
            text.replace_range(edit.span.start..edit.span.end, &edit.replacement);
            last_start = edit.span.start;
            applied += 1;
            changed = true;
        }
        if changed {
            let dir = target.parent().unwrap_or(std::path::Path::new("."));
            let permissions = std::fs::metadata(&target)?.permissions();
            let mut temp = tempfile::NamedTempFile::new_in(dir)?;
            temp.write_all(text.as_bytes())?;
            temp.as_file().set_permissions(permissions)?;
            temp.persist(&target)
                .map_err(|e| anyhow::anyhow!("{}: {}", input.file.display(), e.error))?;
            files += 1;
        }
    }
    Ok(Fixed {
        edits: applied,
        files,
    })
}
