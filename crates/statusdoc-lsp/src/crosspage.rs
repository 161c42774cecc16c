//! The cross-page rules (`SD4xx`) over the workspace, run on a worker thread when a
//! document is saved.
//!
//! A pass takes the open pages as the editor holds them, and the other pages of each
//! workspace folder from the disk, found as `statusdoc lint FOLDER` finds them (and
//! named in manifests as a corpus names them). Pages on disk are kept between passes
//! and read again only when their modification time or size changed. The findings are
//! configured and suppressed as `statusdoc lint` does, per page.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crossbeam_channel::{Receiver, Sender};
use lsp_types::{Location, Url};
use rayon::prelude::*;
use statusdoc_corpus::{walk_pages, Manifest, MANIFEST};
use statusdoc_ingest::{read_page, unreadable_page, ReadOptions};
use statusdoc_lint::{all_rules, Config, Page, RuleKind};
use statusdoc_model::{Diagnostic, Document, Span, SuppressionScope};
use statusdoc_reference::Registry;

use crate::project::{self, ConfigStore};
use crate::text::{Encoding, LineIndex};
use crate::workspace::UNUSED_SUPPRESSION;

/// More pages on disk than this in one workspace folder, and the pass compares only
/// the open pages (a folder that large is not a docs tree).
pub const MAX_PAGES: usize = 20_000;

/// What a pass is asked to compare.
pub(crate) struct Job {
    pub generation: u64,
    pub projects: Vec<ProjectJob>,
    /// A configuration file changed since the last pass.
    pub configuration_changed: bool,
    pub encoding: Encoding,
}

/// One project root: its open pages, and whether to read its other pages from disk (a
/// workspace folder) or not (the folder of a file opened on its own).
pub(crate) struct ProjectJob {
    pub root: PathBuf,
    pub walk: bool,
    pub open: Vec<OpenPage>,
}

pub(crate) struct OpenPage {
    pub key: String,
    pub uri: Url,
    pub file: PathBuf,
    pub text: Arc<str>,
    pub document: Arc<Document>,
}

/// The cross-page findings of one page, in the text they were found in.
pub(crate) struct PageCross {
    /// The page's path as the findings name it.
    pub shown: String,
    /// The text the pass read.
    pub base: Arc<str>,
    /// Each finding, with the location of each of its labels that is in another page.
    pub findings: Vec<(Diagnostic, Vec<Option<Location>>)>,
    /// Suppression comments of the page that suppressed a cross-page finding.
    pub used: Vec<Span>,
}

pub(crate) struct Outcome {
    pub generation: u64,
    /// By page key; pages without cross-page findings are left out.
    pub pages: HashMap<String, PageCross>,
    pub logs: Vec<String>,
}

/// Starts the worker: jobs in, outcomes out. It ends when the job sender is dropped.
pub(crate) fn spawn() -> (Sender<Job>, Receiver<Outcome>) {
    let (job_tx, job_rx) = crossbeam_channel::unbounded::<Job>();
    let (out_tx, out_rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("statusdoc-cross-page".to_owned())
        .spawn(move || {
            let mut worker = Worker::default();
            while let Ok(mut job) = job_rx.recv() {
                // Only the newest job matters; a configuration change is not forgotten.
                let mut configuration_changed = job.configuration_changed;
                while let Ok(newer) = job_rx.try_recv() {
                    configuration_changed |= newer.configuration_changed;
                    job = newer;
                }
                job.configuration_changed = configuration_changed;
                let outcome = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    worker.run(&job)
                })) {
                    Ok(outcome) => outcome,
                    Err(_) => {
                        worker = Worker::default();
                        Outcome {
                            generation: job.generation,
                            pages: HashMap::new(),
                            logs: vec![
                                "the cross-page pass failed (a bug: please report it)".to_owned()
                            ],
                        }
                    }
                };
                if out_tx.send(outcome).is_err() {
                    break;
                }
            }
        })
        .expect("spawning the cross-page thread");
    (job_tx, out_rx)
}

/// A page read from disk.
struct Cached {
    stamp: (SystemTime, u64),
    text: Arc<str>,
    document: Arc<Document>,
}

/// What a manifest says about a page.
struct Facts {
    /// The manifest, and the page's place in it.
    manifest: PathBuf,
    index: usize,
    id: String,
    vendor: String,
    document: Option<String>,
}

#[derive(Default)]
pub(crate) struct Worker {
    cache: HashMap<PathBuf, Cached>,
    configs: ConfigStore,
    /// Manifests read in this pass.
    manifests: HashMap<PathBuf, Option<Arc<Manifest>>>,
}

/// One page of a pass.
struct Item {
    key: String,
    uri: Option<Url>,
    file: PathBuf,
    text: Arc<str>,
    document: Arc<Document>,
    config: Arc<Config>,
    facts: Option<Facts>,
}

impl Worker {
    pub(crate) fn run(&mut self, job: &Job) -> Outcome {
        let registry = Registry::bundled();
        let mut outcome = Outcome {
            generation: job.generation,
            pages: HashMap::new(),
            logs: Vec::new(),
        };
        if job.configuration_changed {
            self.configs.clear();
        }
        self.manifests.clear();
        let mut seen: HashSet<PathBuf> = HashSet::new();
        for project in &job.projects {
            let root = &project.root;
            let root_config = self.configs.for_dir(root, root).config;
            let mut files = Vec::new();
            if project.walk {
                let skip_config = root_config.clone();
                let walk = walk_pages(
                    root,
                    Arc::new(move |path: &Path, is_dir| skip_config.skips(path, is_dir)),
                );
                if walk.files.len() > MAX_PAGES {
                    outcome.logs.push(format!(
                        "{}: more than {MAX_PAGES} pages; cross-page rules compare the open pages only",
                        root.display()
                    ));
                } else {
                    files = walk.files;
                }
            }
            let open: HashSet<&Path> = project.open.iter().map(|o| o.file.as_path()).collect();
            files.retain(|f| !open.contains(f.as_path()));
            self.refresh(&files, root, registry);
            seen.extend(files.iter().cloned());

            let mut items: Vec<Item> = Vec::new();
            for page in &project.open {
                items.push(Item {
                    key: page.key.clone(),
                    uri: Some(page.uri.clone()),
                    file: page.file.clone(),
                    text: page.text.clone(),
                    document: page.document.clone(),
                    config: self.configs.for_file(&page.file, root).config,
                    facts: None,
                });
            }
            for file in &files {
                let Some(cached) = self.cache.get(file) else {
                    continue;
                };
                items.push(Item {
                    key: file.to_string_lossy().into_owned(),
                    uri: None,
                    file: file.clone(),
                    text: cached.text.clone(),
                    document: cached.document.clone(),
                    config: self.configs.for_file(file, root).config,
                    facts: None,
                });
            }
            // In the order `statusdoc lint` reads them (the first rendering of a document
            // is the one the others are compared with): pages a manifest names in its
            // order, as a corpus is read, the others in path order, as a walk finds them.
            items.sort_by(|a, b| a.file.cmp(&b.file));
            for item in &mut items {
                item.facts = self.facts(&item.file, root, &mut outcome.logs);
            }
            items.sort_by_key(|item| item.facts.as_ref().map(|f| (f.manifest.clone(), f.index)));
            compare(
                &items,
                registry,
                &root_config,
                job.encoding,
                &mut outcome.pages,
            );
        }
        self.cache.retain(|file, _| seen.contains(file));
        outcome
    }

    /// Reads again the files whose modification time or size changed (in parallel).
    fn refresh(&mut self, files: &[PathBuf], root: &Path, registry: &Registry) {
        let stale: Vec<(PathBuf, (SystemTime, u64))> = files
            .iter()
            .filter_map(|file| {
                let stamp = stamp(file)?;
                match self.cache.get(file) {
                    Some(cached) if cached.stamp == stamp => None,
                    _ => Some((file.clone(), stamp)),
                }
            })
            .collect();
        let read: Vec<(PathBuf, Option<Cached>)> = stale
            .into_par_iter()
            .map(|(file, stamp)| {
                let cached = std::fs::read(&file).ok().map(|bytes| {
                    let shown = project::show(root, &file);
                    let mut document = match read_page(&shown, &bytes, &ReadOptions::new(registry))
                    {
                        Ok(document) => document,
                        Err(error) => unreadable_page(&error),
                    };
                    document.discovered = true;
                    Cached {
                        stamp,
                        text: String::from_utf8_lossy(&bytes).into(),
                        document: Arc::new(document),
                    }
                });
                (file, cached)
            })
            .collect();
        for (file, cached) in read {
            match cached {
                Some(cached) => {
                    self.cache.insert(file, cached);
                }
                None => {
                    self.cache.remove(&file);
                }
            }
        }
    }

    /// The manifest facts of a page: the nearest `manifest.toml` in the project that
    /// lists it.
    fn facts(&mut self, file: &Path, root: &Path, logs: &mut Vec<String>) -> Option<Facts> {
        for dir in file.ancestors().skip(1) {
            if !dir.starts_with(root) {
                break;
            }
            let path = dir.join(MANIFEST);
            let manifest = match self.manifests.get(&path) {
                Some(known) => known.clone(),
                None => {
                    let loaded = load_manifest(&path, root, logs);
                    self.manifests.insert(path.clone(), loaded.clone());
                    loaded
                }
            };
            if let Some(manifest) = manifest {
                let relative = project::show(dir, file);
                let index = manifest.pages.iter().position(|p| p.path == relative)?;
                let page = &manifest.pages[index];
                return Some(Facts {
                    manifest: path,
                    index,
                    id: page.id.clone(),
                    vendor: page.vendor.clone(),
                    document: page.document.clone(),
                });
            }
        }
        None
    }
}

fn stamp(file: &Path) -> Option<(SystemTime, u64)> {
    let metadata = std::fs::metadata(file).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

fn load_manifest(path: &Path, root: &Path, logs: &mut Vec<String>) -> Option<Arc<Manifest>> {
    let text = std::fs::read_to_string(path).ok()?;
    match Manifest::parse(&project::show(root, path), &text) {
        Ok(manifest) => Some(Arc::new(manifest)),
        Err(error) => {
            logs.push(error.to_string());
            None
        }
    }
}

/// Runs the cross-page rules over the items and files their findings by page.
fn compare(
    items: &[Item],
    registry: &Registry,
    default: &Config,
    encoding: Encoding,
    out: &mut HashMap<String, PageCross>,
) {
    let pages: Vec<Page> = items
        .iter()
        .map(|item| Page {
            document: &item.document,
            id: item.facts.as_ref().map(|f| f.id.as_str()),
            vendor: item.facts.as_ref().map(|f| f.vendor.as_str()),
            same_document: item.facts.as_ref().and_then(|f| f.document.as_deref()),
            config: Some(&item.config),
        })
        .collect();
    let (findings, used) = cross_page_findings(&pages, registry, default);
    let by_path: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.document.path(), i))
        .collect();
    let mut indexes: HashMap<usize, LineIndex> = HashMap::new();
    let mut by_page: HashMap<usize, PageCross> = HashMap::new();
    let page_of = |by_page: &mut HashMap<usize, PageCross>, i: usize| {
        let item = &items[i];
        by_page.entry(i).or_insert_with(|| PageCross {
            shown: item.document.path().to_owned(),
            base: item.text.clone(),
            findings: Vec::new(),
            used: Vec::new(),
        });
    };
    for diagnostic in findings {
        let Some(&i) = by_path.get(diagnostic.path.as_str()) else {
            continue;
        };
        let elsewhere = diagnostic
            .labels
            .iter()
            .map(|label| {
                if label.path == diagnostic.path {
                    return None;
                }
                let &j = by_path.get(label.path.as_str())?;
                let other = &items[j];
                let uri = match &other.uri {
                    Some(uri) => uri.clone(),
                    None => Url::from_file_path(&other.file).ok()?,
                };
                let lines = indexes
                    .entry(j)
                    .or_insert_with(|| LineIndex::new(&other.text));
                Some(Location {
                    uri,
                    range: lines.range(&other.text, label.span, encoding),
                })
            })
            .collect();
        page_of(&mut by_page, i);
        if let Some(page) = by_page.get_mut(&i) {
            page.findings.push((diagnostic, elsewhere));
        }
    }
    for (i, span) in used {
        page_of(&mut by_page, i);
        if let Some(page) = by_page.get_mut(&i) {
            page.used.push(span);
        }
    }
    for (i, page) in by_page {
        out.insert(items[i].key.clone(), page);
    }
}

/// The findings of the cross-page rules over `pages`, each configured by its page's
/// configuration and dropped when a suppression comment of its page covers it (as
/// `statusdoc_lint::lint` does); and the suppressions that did, as (page, comment).
pub(crate) fn cross_page_findings(
    pages: &[Page],
    registry: &Registry,
    default: &Config,
) -> (Vec<Diagnostic>, Vec<(usize, Span)>) {
    let mut found = Vec::new();
    for rule in all_rules().iter().filter(|r| r.kind == RuleKind::Corpus) {
        if let Some(run) = rule.check_corpus {
            run(pages, registry, default, &mut found);
        }
    }
    let by_path: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.document.path(), i))
        .collect();
    let mut kept = Vec::new();
    let mut used = Vec::new();
    'findings: for diagnostic in found {
        let page = by_path.get(diagnostic.path.as_str()).copied();
        let config = page.and_then(|p| pages[p].config).unwrap_or(default);
        let Some(diagnostic) = config.apply(diagnostic) else {
            continue;
        };
        if let Some(p) = page {
            for suppression in &pages[p].document.suppressions {
                let scope_matches = match suppression.scope {
                    SuppressionScope::File => true,
                    SuppressionScope::Line(line) => line == diagnostic.line,
                    SuppressionScope::Lines(first, last) => {
                        (first..=last).contains(&diagnostic.line)
                    }
                };
                let rule_matches = suppression.rules.is_empty()
                    || suppression
                        .rules
                        .iter()
                        .any(|r| r == diagnostic.rule || r == diagnostic.name);
                if scope_matches && rule_matches && diagnostic.rule != UNUSED_SUPPRESSION {
                    used.push((p, suppression.span));
                    continue 'findings;
                }
            }
        }
        kept.push(diagnostic);
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept.dedup();
    used.sort();
    used.dedup();
    (kept, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use statusdoc_lint::lint;

    /// A page linted on its own plus the cross-page pass give what `statusdoc lint`
    /// gives for all the pages at once (suppressions and SD010 included).
    #[test]
    fn per_page_and_cross_page_findings_are_the_cli_findings() {
        let registry = Registry::bundled();
        let fixtures =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules/SD401");
        let html = std::fs::read_to_string(fixtures.join("status-codes.html")).unwrap();
        let markdown = std::fs::read_to_string(fixtures.join("status-codes.md"))
            .unwrap()
            .replace(
                "* 409 Conflict",
                "<!-- statusdoc-disable-next-line SD401 -->\n* 409 Conflict",
            )
            .replace(
                "* 200 OK",
                "<!-- statusdoc-disable-next-line renderings-disagree -->\n* 200 OK",
            );
        let read = |path: &str, text: &str| {
            let mut document =
                read_page(path, text.as_bytes(), &ReadOptions::new(registry)).unwrap();
            document.discovered = true;
            document
        };
        let documents = [
            read("docs/status-codes.html", &html),
            read("docs/status-codes.md", &markdown),
        ];
        let config = Config::default();
        let pages: Vec<Page> = documents.iter().map(Page::new).collect();
        let expected = lint(&pages, registry, &config);
        assert!(expected.iter().any(|d| d.rule == "SD401"), "{expected:#?}");
        assert!(
            expected.iter().any(|d| d.rule == UNUSED_SUPPRESSION),
            "{expected:#?}"
        );

        let (cross, used) = cross_page_findings(&pages, registry, &config);
        let mut actual: Vec<Diagnostic> = cross;
        for (p, page) in pages.iter().enumerate() {
            actual.extend(
                lint(&[*page], registry, &config)
                    .into_iter()
                    .filter(|d| !(d.rule == UNUSED_SUPPRESSION && used.contains(&(p, d.span)))),
            );
        }
        actual.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        assert_eq!(actual, expected);
    }
}
