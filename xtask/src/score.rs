//! `cargo xtask score`: how statusdoc reads real pages it was not built against.
//!
//! Every folder under `tests/wild/pages/` and `tests/wild/holdout/` holds one page and
//! the `key.toml` a person wrote by reading it (see `tests/wild/README.md`). The page is
//! read and linted as `statusdoc lint` would; its entries are aligned with the key's in
//! page order (longest common subsequence on the code) and counted:
//!
//! - **exact**: code and title as the key has them (no title where the key has none);
//! - **title wrong**: the code is right, the title is not;
//! - **missed** / **spurious**: codes the key has and statusdoc did not find, and the
//!   other way round;
//! - **errors on correct rows**: error-severity findings on an entry whose key title is
//!   the registered reason phrase (or absent), which should have none;
//! - **negative pages with entries**.
//!
//! The figures are compared with `tests/wild/score-baseline.json`; a figure worse than
//! the baseline fails the command (`--bless` records the current figures).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{lint_document, Config};
use statusdoc_model::{Format, Severity};
use statusdoc_reference::Registry;

use crate::root;

#[derive(Debug, serde::Deserialize)]
struct Key {
    vendor: String,
    format: String,
    kind: String,
    #[serde(default, rename = "entry")]
    entries: Vec<KeyEntry>,
}

#[derive(Debug, serde::Deserialize)]
struct KeyEntry {
    code: u16,
    title: Option<String>,
}

/// Counts for one group of pages.
#[derive(Debug, Default, Clone, Copy, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Figures {
    pub pages: usize,
    pub key_entries: usize,
    pub exact: usize,
    pub title_wrong: usize,
    pub missed: usize,
    pub spurious: usize,
    pub errors_on_correct_rows: usize,
    pub negative_pages_with_entries: usize,
    pub unreadable: usize,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.pages += other.pages;
        self.key_entries += other.key_entries;
        self.exact += other.exact;
        self.title_wrong += other.title_wrong;
        self.missed += other.missed;
        self.spurious += other.spurious;
        self.errors_on_correct_rows += other.errors_on_correct_rows;
        self.negative_pages_with_entries += other.negative_pages_with_entries;
        self.unreadable += other.unreadable;
    }

    fn exact_share(&self) -> f64 {
        if self.key_entries == 0 {
            100.0
        } else {
            100.0 * self.exact as f64 / self.key_entries as f64
        }
    }
}

/// One scored page, for the detailed listing.
struct Scored {
    id: String,
    figures: Figures,
    problems: Vec<String>,
}

fn format_of(name: &str) -> Option<Format> {
    Format::from_id(name)
}

fn page_file(dir: &Path) -> anyhow::Result<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "key.toml"))
        .collect();
    files.sort();
    match files.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!(
            "{}: expected one page beside key.toml, found {}",
            dir.display(),
            files.len()
        ),
    }
}

fn titles_equal(a: Option<&str>, b: Option<&str>) -> bool {
    let fold = |t: Option<&str>| {
        t.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
    };
    fold(a) == fold(b)
}

/// Longest common subsequence of two code sequences: the matched index pairs.
fn align(key: &[u16], got: &[u16]) -> Vec<(usize, usize)> {
    let (n, m) = (key.len(), got.len());
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if key[i] == got[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if key[i] == got[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

fn score_page(dir: &Path, registry: &Registry) -> anyhow::Result<(Key, Scored)> {
    let id = dir
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let key_text = std::fs::read_to_string(dir.join("key.toml"))
        .with_context(|| format!("{}: no key.toml", dir.display()))?;
    let key: Key =
        toml::from_str(&key_text).with_context(|| format!("{}/key.toml", dir.display()))?;
    let file = page_file(dir)?;
    let bytes = std::fs::read(&file)?;
    let mut figures = Figures {
        pages: 1,
        key_entries: key.entries.len(),
        ..Figures::default()
    };
    let mut problems = Vec::new();
    let Some(format) = format_of(&key.format) else {
        figures.unreadable = 1;
        figures.missed = key.entries.len();
        problems.push(format!("no reader for format `{}`", key.format));
        return Ok((
            key,
            Scored {
                id,
                figures,
                problems,
            },
        ));
    };
    let mut options = ReadOptions::new(registry);
    options.format = Some(format);
    let path = file
        .strip_prefix(root())
        .unwrap_or(&file)
        .to_string_lossy()
        .into_owned();
    let document = match read_page(&path, &bytes, &options) {
        Ok(document) => document,
        Err(error) => {
            figures.unreadable = 1;
            figures.missed = key.entries.len();
            problems.push(error.to_string());
            return Ok((
                key,
                Scored {
                    id,
                    figures,
                    problems,
                },
            ));
        }
    };
    let diagnostics = lint_document(&document, registry, &Config::default());
    let key_codes: Vec<u16> = key.entries.iter().map(|e| e.code).collect();
    let got_codes: Vec<u16> = document.entries.iter().map(|e| e.code).collect();
    let pairs = align(&key_codes, &got_codes);
    figures.missed = key_codes.len() - pairs.len();
    figures.spurious = got_codes.len() - pairs.len();
    let mut matched_key = vec![false; key_codes.len()];
    let mut matched_got = vec![false; got_codes.len()];
    for &(k, g) in &pairs {
        matched_key[k] = true;
        matched_got[g] = true;
        let want = key.entries[k].title.as_deref();
        let entry = &document.entries[g];
        let have = entry.title.as_ref().map(|t| t.text.as_str());
        if titles_equal(want, have) {
            figures.exact += 1;
        } else {
            figures.title_wrong += 1;
            problems.push(format!(
                "{}: title {:?}, key says {:?}",
                entry.code, have, want
            ));
        }
        let correct_row = want.is_none_or(|t| {
            registry
                .get(entry.code)
                .is_some_and(|s| s.reason == t.trim())
        });
        if correct_row {
            let row = entry.span();
            for d in diagnostics.iter().filter(|d| {
                d.severity == Severity::Error
                    && d.status_code == Some(entry.code)
                    && d.span.start >= row.start
                    && d.span.start <= row.end.max(row.start)
            }) {
                figures.errors_on_correct_rows += 1;
                problems.push(format!(
                    "{}: {} on a correct row: {}",
                    entry.code, d.rule, d.message
                ));
            }
        }
    }
    for (k, matched) in matched_key.iter().enumerate() {
        if !matched {
            problems.push(format!(
                "missed {} {:?}",
                key.entries[k].code, key.entries[k].title
            ));
        }
    }
    for (g, matched) in matched_got.iter().enumerate() {
        if !matched {
            let e = &document.entries[g];
            let at = document.source.line_col(e.code_span.start);
            problems.push(format!(
                "spurious {} {:?} at line {}",
                e.code,
                e.title.as_ref().map(|t| t.text.as_str()),
                at.line
            ));
        }
    }
    if key.kind == "negative" && !document.entries.is_empty() {
        figures.negative_pages_with_entries = 1;
    }
    Ok((
        key,
        Scored {
            id,
            figures,
            problems,
        },
    ))
}

/// Scores every keyed page; returns the figures per set (`pages`, `holdout`) and
/// format, and the report text.
pub fn score(verbose: bool) -> anyhow::Result<(BTreeMap<String, Figures>, String)> {
    let registry = Registry::bundled();
    let wild = root().join("tests/wild");
    let mut figures: BTreeMap<String, Figures> = BTreeMap::new();
    let mut out = String::new();
    let mut vendors = std::collections::BTreeSet::new();
    for set in ["pages", "holdout"] {
        let Ok(read) = std::fs::read_dir(wild.join(set)) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            if !dir.join("key.toml").exists() {
                let message = format!(
                    "{}: a wild page needs its key.toml (see tests/wild/README.md)",
                    dir.display()
                );
                if crate::is_ci() {
                    bail!(message);
                }
                eprintln!("warning: {message}; skipped");
                continue;
            }
            let (key, scored) = score_page(&dir, registry)?;
            vendors.insert(key.vendor.clone());
            figures
                .entry(format!("{set}/{}", key.format))
                .or_default()
                .add(&scored.figures);
            figures
                .entry(format!("{set}/all"))
                .or_default()
                .add(&scored.figures);
            figures
                .entry("all".into())
                .or_default()
                .add(&scored.figures);
            // Held-out pages are scored, not shown: nobody tunes against them.
            if verbose && set == "pages" && !scored.problems.is_empty() {
                writeln!(out, "{}", scored.id)?;
                for problem in &scored.problems {
                    writeln!(out, "    {problem}")?;
                }
            }
        }
    }
    writeln!(
        out,
        "\n{:<20} {:>5} {:>6} {:>6} {:>7} {:>6} {:>6} {:>9} {:>8} {:>5}",
        "set/format",
        "pages",
        "key",
        "exact",
        "exact%",
        "title",
        "missed",
        "spurious",
        "err-ok",
        "neg"
    )?;
    for (name, f) in &figures {
        writeln!(
            out,
            "{:<20} {:>5} {:>6} {:>6} {:>6.1}% {:>6} {:>6} {:>9} {:>8} {:>5}",
            name,
            f.pages,
            f.key_entries,
            f.exact,
            f.exact_share(),
            f.title_wrong,
            f.missed,
            f.spurious,
            f.errors_on_correct_rows,
            f.negative_pages_with_entries
        )?;
    }
    writeln!(out, "{} vendors or projects", vendors.len())?;
    Ok((figures, out))
}

fn baseline_path() -> PathBuf {
    root().join("tests/wild/score-baseline.json")
}

/// `cargo xtask score [--verbose] [--bless]`.
pub fn run(verbose: bool, bless: bool) -> anyhow::Result<()> {
    let (figures, report) = score(verbose)?;
    print!("{report}");
    let path = baseline_path();
    if bless {
        let json = serde_json::to_string_pretty(&figures)? + "\n";
        crate::generate::write_atomically(&path, &json)?;
        println!("recorded {}", path.display());
        return Ok(());
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        bail!(
            "no baseline at {}: run `cargo xtask score --bless`",
            path.display()
        );
    };
    let baseline: BTreeMap<String, Figures> = serde_json::from_str(&text)?;
    let mut worse = Vec::new();
    for (name, now) in &figures {
        let Some(then) = baseline.get(name) else {
            continue;
        };
        if now.pages != then.pages {
            continue; // pages were added or removed: compare once re-blessed
        }
        if now.exact < then.exact {
            worse.push(format!("{name}: exact {} < {}", now.exact, then.exact));
        }
        if now.spurious > then.spurious {
            worse.push(format!(
                "{name}: spurious {} > {}",
                now.spurious, then.spurious
            ));
        }
        if now.errors_on_correct_rows > then.errors_on_correct_rows {
            worse.push(format!(
                "{name}: errors on correct rows {} > {}",
                now.errors_on_correct_rows, then.errors_on_correct_rows
            ));
        }
        if now.negative_pages_with_entries > then.negative_pages_with_entries {
            worse.push(format!(
                "{name}: negative pages with entries {} > {}",
                now.negative_pages_with_entries, then.negative_pages_with_entries
            ));
        }
    }
    if !worse.is_empty() {
        bail!(
            "the score is worse than tests/wild/score-baseline.json:\n  {}",
            worse.join("\n  ")
        );
    }
    Ok(())
}
