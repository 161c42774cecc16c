//! The lint cache: what linting a page gave, kept between runs, so that a re-run reads
//! and lints only the pages that changed (like ruff's `.ruff_cache`).
//!
//! One file per output setting (statusdoc's build, output format, colour, input
//! format) under the cache folder (`--cache-dir`, `STATUSDOC_CACHE_DIR`, default
//! `.statusdoc_cache/` in the project root, which gets a `.gitignore` of `*`), holding
//! for every page its size, modification time and a 128-bit content hash, the
//! fingerprint of the configuration it was linted with, whether it was found by walking,
//! and what it left behind: its rendered output, its findings (as the summary and the
//! exit status need them) and whether it has entries.
//!
//! A page whose size and modification time are unchanged is not read again; one whose
//! time changed but whose content hash is the same (a `git checkout`, a `touch`) is read
//! but not linted. Only pages linted in a streamed run (no corpus manifest, findings
//! written page by page) are cached: rules that compare pages never are. The file is
//! read once at the start and written once at the end, atomically, when anything
//! changed; a cache that cannot be read is ignored, one that cannot be written is
//! reported and the run goes on. `--no-cache` (or `STATUSDOC_NO_CACHE=1`) turns it off.
//!
//! The file is postcard (a compact serde format: decoding a tree's cache is a tenth of
//! the time JSON took, and a cached re-run is mostly walking and decoding). Hand-written
//! because it is a map in one file: the content hash is SipHash-1-3
//! (`siphasher`, stable across builds and platforms), not a cryptographic hash, since the
//! cache only has to tell a page from its own earlier versions.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use statusdoc_model::{Diagnostic, Rule, Severity, Span};

/// The cache file's format; a change makes every older file unreadable, so it is
/// ignored and rewritten.
const FORMAT: u32 = 2;

/// What one page left behind, as the cache keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedPage {
    size: u64,
    modified_ns: u128,
    content: u128,
    config: u64,
    discovered: bool,
    pub rendered: String,
    findings: Vec<CachedFinding>,
    pub has_entries: bool,
}

/// A finding with what the summary, the statistics and the exit status read of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedFinding {
    rule: String,
    severity: Severity,
    path: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    status_code: Option<u16>,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    settings: String,
    pages: HashMap<String, CachedPage>,
}

/// A page's file as it is on disk now.
#[derive(Debug, Clone, Copy)]
pub struct Stamp {
    size: u64,
    modified_ns: u128,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Stamp {
            size: meta.len(),
            modified_ns,
        })
    }
}

/// What the cache knows of a page.
pub enum Lookup<'c> {
    /// Unchanged: its cached result, and the entry to store again when only its stamp
    /// changed.
    Hit(&'c CachedPage, Option<CachedPage>),
    /// Changed or never seen: its bytes when they were read to compare hashes.
    Miss(Option<Vec<u8>>),
}

pub struct Cache {
    file: PathBuf,
    /// The start of this build's cache file names ([`build_prefix`]).
    prefix: String,
    settings: String,
    pages: HashMap<String, CachedPage>,
    changed: bool,
}

impl Cache {
    /// The cache for a run with these output settings, read from `dir` (empty when
    /// there is none or it cannot be read).
    pub fn open(dir: &Path, settings: &str) -> Cache {
        let build = build_id();
        let settings = format!("{build}; {settings}");
        let prefix = build_prefix(&build);
        let file = dir.join(format!("{prefix}{:016x}.bin", hash64(settings.as_bytes())));
        let pages = std::fs::read(&file)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<CacheFile>(&bytes).ok())
            .filter(|cached| cached.format == FORMAT && cached.settings == settings)
            .map(|cached| cached.pages)
            .unwrap_or_default();
        Cache {
            file,
            prefix,
            settings,
            pages,
            changed: false,
        }
    }

    /// Looks a page up by its shown path; `config` is the fingerprint of the
    /// configuration it is linted with ([`fingerprint`]).
    pub fn lookup(&self, shown: &str, path: &Path, config: u64, discovered: bool) -> Lookup<'_> {
        let Some(cached) = self
            .pages
            .get(shown)
            .filter(|c| c.config == config && c.discovered == discovered)
        else {
            return Lookup::Miss(None);
        };
        let Some(stamp) = Stamp::of(path) else {
            return Lookup::Miss(None);
        };
        // A time within the last two seconds may not have ticked since the cached
        // version was written (coarse file system clocks): such a page is hashed.
        let now_ns = std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let settled = now_ns.saturating_sub(stamp.modified_ns) > 2_000_000_000;
        if settled && stamp.size == cached.size && stamp.modified_ns == cached.modified_ns {
            return Lookup::Hit(cached, None);
        }
        let Ok(bytes) = std::fs::read(path) else {
            return Lookup::Miss(None);
        };
        if bytes.len() as u64 == cached.size && content_hash(&bytes) == cached.content {
            let restamped = CachedPage {
                size: stamp.size,
                modified_ns: stamp.modified_ns,
                ..cached.clone()
            };
            return Lookup::Hit(cached, Some(restamped));
        }
        Lookup::Miss(Some(bytes))
    }

    pub fn insert(&mut self, shown: String, page: CachedPage) {
        self.pages.insert(shown, page);
        self.changed = true;
    }

    /// Writes the cache when anything changed: atomically, with a `.gitignore` of `*`
    /// beside it so that the folder is never committed.
    pub fn save(self) -> anyhow::Result<()> {
        if !self.changed {
            return Ok(());
        }
        let dir = self
            .file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        std::fs::create_dir_all(&dir)?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Made by statusdoc: its lint cache.\n*\n")?;
        }
        let contents = CacheFile {
            format: FORMAT,
            settings: self.settings,
            pages: self.pages,
        };
        remove_other_builds(&dir, &self.prefix);
        let mut temp = tempfile::NamedTempFile::new_in(&dir)?;
        let mut writer = postcard::to_io(&contents, std::io::BufWriter::new(temp.as_file_mut()))?;
        std::io::Write::flush(&mut writer)?;
        drop(writer);
        temp.persist(&self.file)?;
        Ok(())
    }
}

/// A page's result in the cache's form.
pub fn cached_page(
    bytes: &[u8],
    stamp: Option<Stamp>,
    config: u64,
    discovered: bool,
    rendered: &str,
    findings: &[Diagnostic],
    has_entries: bool,
) -> Option<CachedPage> {
    let stamp = stamp?;
    // A page that changed while it was read is not cached as this content.
    if stamp.size != bytes.len() as u64 {
        return None;
    }
    Some(CachedPage {
        size: stamp.size,
        modified_ns: stamp.modified_ns,
        content: content_hash(bytes),
        config,
        discovered,
        rendered: rendered.to_owned(),
        findings: findings
            .iter()
            .map(|d| CachedFinding {
                rule: d.rule.to_owned(),
                severity: d.severity,
                path: d.path.clone(),
                start: d.span.start,
                end: d.span.end,
                line: d.line,
                column: d.column,
                end_line: d.end_line,
                end_column: d.end_column,
                status_code: d.status_code,
            })
            .collect(),
        has_entries,
    })
}

impl CachedPage {
    /// The findings as the summary and the exit status read them (no message, help,
    /// fix or labels: the rendered output has those).
    pub fn findings(&self) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .filter_map(|f| {
                let rule = Rule::find(&f.rule)?;
                let d = Diagnostic {
                    rule: rule.id(),
                    name: rule.name(),
                    severity: f.severity,
                    path: f.path.clone(),
                    span: Span::new(f.start, f.end),
                    line: f.line,
                    column: f.column,
                    end_line: f.end_line,
                    end_column: f.end_column,
                    status_code: f.status_code,
                    message: String::new(),
                    help: None,
                    fix: None,
                    labels: Vec::new(),
                };
                Some(d)
            })
            .collect()
    }
}

/// The fingerprint of a page's configuration.
pub fn fingerprint(config: &statusdoc_lint::Config) -> u64 {
    hash64(format!("{config:?}").as_bytes())
}

/// Which build of statusdoc made a cache: its version, and the size and time of its
/// executable, so that a rebuilt binary never reads what another build wrote.
fn build_id() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|path| Stamp::of(&path))
        .map_or_else(String::new, |s| format!("{}-{}", s.size, s.modified_ns));
    format!("statusdoc {} {exe}", env!("CARGO_PKG_VERSION"))
}

/// The start of the names of the cache files one build writes (one per output setting).
fn build_prefix(build: &str) -> String {
    format!("lint-{:016x}-", hash64(build.as_bytes()))
}

/// Removes the cache files other builds of statusdoc left in `dir` (they are never read
/// again: every rebuild would otherwise leave its whole cache behind).
fn remove_other_builds(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with("lint-") && !name.starts_with(prefix) {
            // Another process may be removing it too; a file that stays is harmless.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn content_hash(bytes: &[u8]) -> u128 {
    let mut hasher = siphasher::sip128::SipHasher13::new();
    hasher.write(bytes);
    siphasher::sip128::Hasher128::finish128(&hasher).as_u128()
}

fn hash64(bytes: &[u8]) -> u64 {
    let mut hasher = siphasher::sip::SipHasher13::new();
    hasher.write(bytes);
    hasher.finish()
}

/// The cache folder for this run: `None` when caching is off.
pub fn folder(
    explicit: Option<&Path>,
    no_cache: bool,
    root: &crate::root::ProjectRoot,
) -> Option<PathBuf> {
    if no_cache {
        return None;
    }
    Some(match explicit {
        Some(dir) => dir.to_path_buf(),
        None => root.dir().join(".statusdoc_cache"),
    })
}
