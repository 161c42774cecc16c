//! Turning command-line paths into read pages.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use statusdoc_corpus::{walk_pages, Corpus, Skip, MANIFEST};
use statusdoc_ingest::{read_page, unreadable_page, ReadOptions};
use statusdoc_lint::{Config, Page};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

use statusdoc_report::Problem;

use crate::root::ProjectRoot;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// What the manifest says about a page.
pub struct Facts {
    pub id: String,
    pub vendor: String,
    pub product: String,
    pub document: Option<String>,
}

pub struct Input {
    pub document: Document,
    /// Where the page is on disk (the document's path is how reports name it); for
    /// standard input, `--stdin-filename` or `-`.
    pub file: PathBuf,
    pub facts: Option<Facts>,
}

#[derive(Default)]
pub struct Inputs {
    pub inputs: Vec<Input>,
    /// Files that could not be read (named on the command line, or a corpus problem):
    /// the run exits 2.
    pub errors: Vec<Problem>,
    /// How many symbolic links walking met and did not follow.
    pub symlinks: usize,
    /// Files found by walking that are not readable pages (reported as findings).
    pub unreadable_pages: usize,
}

impl Inputs {
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.inputs.iter().map(|i| &i.document)
    }

    pub fn pages(&self) -> Vec<Page<'_>> {
        self.inputs
            .iter()
            .map(|i| Page {
                document: &i.document,
                id: i.facts.as_ref().map(|f| f.id.as_str()),
                vendor: i.facts.as_ref().map(|f| f.vendor.as_str()),
                same_document: i.facts.as_ref().and_then(|f| f.document.as_deref()),
                config: None,
            })
            .collect()
    }

    /// The pages, each with its own configuration from `configs`.
    pub fn pages_with<'a>(&'a self, configs: &'a Configs) -> Vec<Page<'a>> {
        let mut pages = self.pages();
        for (page, of) in pages.iter_mut().zip(&configs.of_input) {
            page.config = of.map(|k| &configs.files[k]);
        }
        pages
    }

    pub fn print_errors(&self) {
        for error in &self.errors {
            eprintln!("error: {error}");
        }
    }
}

/// How command-line paths become pages.
#[derive(Clone)]
pub struct Reading<'a> {
    pub root: &'a ProjectRoot,
    /// `--input-format`.
    pub format: Option<Format>,
    /// `--stdin-filename`: the name standard input's page goes by (its format, its
    /// configuration, its path in reports).
    pub stdin_filename: Option<&'a Path>,
    /// What walking a folder skips besides what git ignores and hidden files.
    pub skip: Skip,
    pub registry: &'a Registry,
    /// `--quiet`: no warnings about what walking did not follow.
    pub quiet: bool,
}

impl<'a> Reading<'a> {
    /// Defaults: the project root found from the working folder, no overrides.
    pub fn new(root: &'a ProjectRoot, format: Option<Format>, registry: &'a Registry) -> Self {
        Reading {
            root,
            format,
            stdin_filename: None,
            skip: std::sync::Arc::new(statusdoc_corpus::default_skip),
            registry,
            quiet: false,
        }
    }

    /// The path shown for standard input.
    fn stdin_shown(&self) -> String {
        match self.stdin_filename {
            Some(name) => self.root.show(name),
            None => STDIN.to_owned(),
        }
    }
}

/// Whether a command-line path is `-` (standard input).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// What the command-line paths name, before any page is read.
#[derive(Default)]
pub struct PageFiles {
    /// Each file, and whether it was found by walking a folder.
    pub files: Vec<(PathBuf, bool)>,
    /// Paths that are neither a file nor a folder (exit 2).
    pub errors: Vec<Problem>,
    pub symlinks: usize,
}

/// The page files named on the command line or found in its folders, for reading one
/// at a time; `None` when a folder is a corpus with a manifest (read whole, since its
/// pages are compared with each other) or a path is `-` (standard input).
pub fn page_files(paths: &[PathBuf], reading: &Reading) -> Option<PageFiles> {
    let mut found = PageFiles::default();
    for path in paths {
        if is_stdin(path)
            || path.is_dir() && path.join(MANIFEST).is_file() && reading.format.is_none()
        {
            return None;
        }
    }
    for path in paths {
        if path.is_dir() {
            let walk = walk(path, reading);
            found.symlinks += walk.symlinks.len();
            found
                .files
                .extend(walk.files.into_iter().map(|f| (f, true)));
        } else if path.is_file() {
            found.files.push((path.clone(), false));
        } else {
            found.errors.push(not_a_file(path, reading.root));
        }
    }
    Some(found)
}

/// Walks a folder for pages; symbolic links and unreadable folders are said on stderr
/// (not a failure of the run: said, so that nothing is skipped in silence).
fn walk(dir: &Path, reading: &Reading) -> statusdoc_corpus::Walk {
    let walk = walk_pages(dir, reading.skip.clone());
    if reading.quiet {
        return walk;
    }
    for link in &walk.symlinks {
        eprintln!(
            "warning: {}: a symbolic link, not followed; name its target to lint it",
            reading.root.show(link)
        );
    }
    for (folder, error) in &walk.unreadable {
        eprintln!(
            "warning: {}: could not be read ({error}); its pages were not linted",
            reading.root.show(folder)
        );
    }
    walk
}

fn not_a_file(path: &Path, root: &ProjectRoot) -> Problem {
    let shown = root.show(path);
    let message = if path.exists() {
        format!("{shown}: not a regular file (a FIFO, socket or device); name a page file")
    } else {
        format!("{shown}: no such file or folder")
    };
    Problem {
        path: Some(shown),
        message,
    }
}

/// Reads one page file as `load` does. A file found by walking that is not a readable
/// page (empty, binary, not UTF-8) becomes a page with one `unreadable-page` finding;
/// a file named on the command line is an error.
pub fn read_one(file: &Path, discovered: bool, reading: &Reading) -> Result<Input, Problem> {
    let shown = reading.root.show(file);
    let bytes = std::fs::read(file).map_err(|e| Problem {
        message: format!("{shown}: {e}"),
        path: Some(shown.clone()),
    })?;
    read_bytes(file, shown, &bytes, discovered, reading)
}

pub(crate) fn read_bytes(
    file: &Path,
    shown: String,
    bytes: &[u8],
    discovered: bool,
    reading: &Reading,
) -> Result<Input, Problem> {
    let options = ReadOptions {
        format: reading.format,
        registry: reading.registry,
    };
    let mut document = match read_page(&shown, bytes, &options) {
        Ok(document) => document,
        Err(error) if discovered => unreadable_page(&error),
        Err(error) => {
            return Err(Problem {
                path: Some(shown),
                message: error.to_string(),
            })
        }
    };
    document.discovered = discovered;
    Ok(Input {
        document,
        file: file.to_owned(),
        facts: None,
    })
}

/// Reads every page named on the command line: files as given, folders searched for
/// pages, folders with a manifest read as a corpus, `-` from standard input. Unreadable
/// pages are reported and the others still read.
pub fn load(paths: &[PathBuf], format: Option<Format>, registry: &Registry) -> Inputs {
    let root = ProjectRoot::from_working_folder();
    load_with(paths, &Reading::new(&root, format, registry))
}

/// [`load`] with every option.
pub fn load_with(paths: &[PathBuf], reading: &Reading) -> Inputs {
    let mut result = Inputs::default();
    // Each file, and whether it was found by walking a folder.
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    let mut stdin_read = false;
    for path in paths {
        if is_stdin(path) {
            if std::mem::replace(&mut stdin_read, true) {
                result.errors.push(Problem {
                    path: None,
                    message: "-: standard input can be named only once".to_owned(),
                });
                continue;
            }
            let mut bytes = Vec::new();
            let file = reading
                .stdin_filename
                .map_or_else(|| PathBuf::from(STDIN), Path::to_owned);
            match std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                Ok(_) => match read_bytes(&file, reading.stdin_shown(), &bytes, false, reading) {
                    Ok(input) => result.inputs.push(input),
                    Err(error) => result.errors.push(error),
                },
                Err(error) => result.errors.push(Problem {
                    path: Some(reading.stdin_shown()),
                    message: format!("{}: {error}", reading.stdin_shown()),
                }),
            }
        } else if path.is_dir() && path.join(MANIFEST).is_file() && reading.format.is_none() {
            let prefix = match reading.root.show(path) {
                dot if dot == "." => String::new(),
                shown => format!("{shown}/"),
            };
            match Corpus::load_named(path, &prefix, reading.registry) {
                Ok(corpus) => {
                    for (page, document) in corpus.manifest.pages.iter().zip(corpus.documents) {
                        result.inputs.push(Input {
                            file: path.join(&page.path),
                            facts: Some(Facts {
                                id: page.id.clone(),
                                vendor: page.vendor.clone(),
                                product: page.product.clone(),
                                document: page.document.clone(),
                            }),
                            document,
                        });
                    }
                }
                Err(error) => result.errors.push(Problem {
                    path: None,
                    message: error.to_string(),
                }),
            }
        } else if path.is_dir() {
            let walk = walk(path, reading);
            result.symlinks += walk.symlinks.len();
            files.extend(walk.files.into_iter().map(|f| (f, true)));
        } else if path.is_file() {
            files.push((path.clone(), false));
        } else {
            result.errors.push(not_a_file(path, reading.root));
        }
    }
    let read: Vec<Result<Input, Problem>> = files
        .par_iter()
        .map(|(file, discovered)| read_one(file, *discovered, reading))
        .collect();
    for item in read {
        match item {
            Ok(input) => {
                result.unreadable_pages += usize::from(is_unreadable(&input.document));
                result.inputs.push(input);
            }
            Err(error) => result.errors.push(error),
        }
    }
    result
}

/// Whether a page is one walking found unreadable.
pub fn is_unreadable(document: &Document) -> bool {
    document
        .notes
        .iter()
        .any(|n| n.rule == statusdoc_model::Rule::UnreadablePage.id())
}

/// The configuration of every page: `--config` for all of them, else each page's
/// nearest `statusdoc.toml` (its folder, then the folders above), as ruff finds its
/// configuration per file. `--rule` settings apply on top of every file.
pub struct Configs {
    /// For pages with no configuration file of their own (and for all under `--config`).
    pub default: Config,
    /// Every other configuration file in use.
    files: Vec<Config>,
    /// Per input (in `Inputs::inputs` order): which of `files` applies.
    of_input: Vec<Option<usize>>,
}

impl Configs {
    /// `explicit` is `--config`; `rules` the `--rule` settings. A configuration file
    /// that does not parse is an error that names its line and column.
    pub fn resolve(
        inputs: &Inputs,
        explicit: Option<&Path>,
        rules: &[(String, String)],
    ) -> anyhow::Result<Configs> {
        let root = ProjectRoot::from_working_folder();
        Configs::resolve_in(inputs, explicit, rules, &root)
    }

    /// [`Configs::resolve`] with paths shown relative to `root`.
    pub fn resolve_in(
        inputs: &Inputs,
        explicit: Option<&Path>,
        rules: &[(String, String)],
        root: &ProjectRoot,
    ) -> anyhow::Result<Configs> {
        let files: Vec<&Path> = inputs.inputs.iter().map(|i| i.file.as_path()).collect();
        Configs::resolve_files(&files, explicit, rules, root)
    }

    /// The configuration of the `index`-th file given to [`Configs::resolve_files`],
    /// with its fingerprint for the lint cache (each configuration fingerprinted once).
    pub fn fingerprinted<'a>(&'a self) -> impl Fn(usize) -> (&'a Config, u64) + Sync + 'a {
        let default = crate::cache::fingerprint(&self.default);
        let files: Vec<u64> = self.files.iter().map(crate::cache::fingerprint).collect();
        move |index| match self.of_input.get(index).copied().flatten() {
            Some(k) => (&self.files[k], files[k]),
            None => (&self.default, default),
        }
    }

    /// [`Configs::resolve`] for page files not read yet (in that order).
    pub fn resolve_files(
        files: &[&Path],
        explicit: Option<&Path>,
        rules: &[(String, String)],
        root: &ProjectRoot,
    ) -> anyhow::Result<Configs> {
        let with_rules = |mut config: Config| -> anyhow::Result<Config> {
            for (key, value) in rules {
                config.set(key, value).map_err(anyhow::Error::msg)?;
            }
            Ok(config)
        };
        let default = with_rules(find_config(explicit, root)?)?;
        let mut configs = Configs {
            default,
            files: Vec::new(),
            of_input: vec![None; files.len()],
        };
        if explicit.is_some() {
            return Ok(configs);
        }
        let default_path = configs.default.path.clone();
        let mut by_folder: std::collections::HashMap<PathBuf, Option<usize>> =
            std::collections::HashMap::new();
        let mut file_index: std::collections::HashMap<PathBuf, usize> =
            std::collections::HashMap::new();
        // Which folders hold a statusdoc.toml, asked of the file system in parallel
        // (a tree of many small folders is thousands of lookups).
        let folders: Vec<Option<PathBuf>> = files
            .par_iter()
            .map(|file| root.absolute(file).parent().map(Path::to_owned))
            .collect();
        let mut ancestors: std::collections::HashSet<&Path> = std::collections::HashSet::new();
        for folder in folders.iter().flatten() {
            for dir in folder.ancestors() {
                if !ancestors.insert(dir) {
                    break;
                }
            }
        }
        let with_config: std::collections::HashSet<&Path> = ancestors
            .into_par_iter()
            .filter(|dir| dir.join("statusdoc.toml").is_file())
            .collect();
        for (i, folder) in folders.iter().enumerate() {
            let Some(folder) = folder else {
                continue;
            };
            // Walk up to the first folder already known or holding a statusdoc.toml.
            let mut walked = Vec::new();
            let mut dir = Some(folder.as_path());
            let mut found = None;
            while let Some(d) = dir {
                if let Some(known) = by_folder.get(d) {
                    found = *known;
                    break;
                }
                walked.push(d.to_owned());
                if with_config.contains(d) {
                    let candidate = d.join("statusdoc.toml");
                    found = match file_index.get(&candidate) {
                        Some(&k) => Some(k),
                        None => {
                            let shown = root.show(&candidate);
                            let text = std::fs::read_to_string(&candidate)
                                .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
                            let config =
                                with_rules(Config::parse(&shown, &text)?.anchored(root.dir()))?;
                            // The file the run found from the working folder is the default.
                            if default_path.as_deref() == Some(shown.as_str()) {
                                None
                            } else {
                                configs.files.push(config);
                                file_index.insert(candidate.clone(), configs.files.len() - 1);
                                Some(configs.files.len() - 1)
                            }
                        }
                    };
                    break;
                }
                dir = d.parent();
            }
            for w in walked {
                by_folder.insert(w, found);
            }
            configs.of_input[i] = found;
        }
        Ok(configs)
    }
}

/// `--config FILE`, else the nearest statusdoc.toml from the current folder upward,
/// else the defaults.
pub fn find_config(explicit: Option<&Path>, root: &ProjectRoot) -> anyhow::Result<Config> {
    let path = match explicit {
        Some(path) => Some(path.to_owned()),
        None => {
            let mut dir = std::env::current_dir().ok();
            let mut found = None;
            while let Some(d) = dir {
                let candidate = d.join("statusdoc.toml");
                if candidate.is_file() {
                    found = Some(candidate);
                    break;
                }
                dir = d.parent().map(Path::to_owned);
            }
            found
        }
    };
    let Some(path) = path else {
        return Ok(Config::default().anchored(root.dir()));
    };
    let shown = root.show(&path);
    let text = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    Ok(Config::parse(&shown, &text)?.anchored(root.dir()))
}
