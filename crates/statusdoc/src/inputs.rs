//! Turning command-line paths into read pages.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use statusdoc_corpus::{discover_pages_reporting, Corpus, MANIFEST};
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{Config, Page};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

/// What the manifest says about a page.
pub struct Facts {
    pub id: String,
    pub vendor: String,
    pub product: String,
    pub document: Option<String>,
}

pub struct Input {
    pub document: Document,
    /// Where the page is on disk (the document's path is how reports name it).
    pub file: PathBuf,
    pub facts: Option<Facts>,
}

#[derive(Default)]
pub struct Inputs {
    pub inputs: Vec<Input>,
    pub errors: Vec<String>,
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

/// A path as reports show it: `/` separators, no leading `./`, bytes that are not
/// UTF-8 and control characters (a newline in a name) escaped, so one finding stays one
/// line and names the file as it is on disk.
pub(crate) fn display(path: &Path) -> String {
    #[cfg(unix)]
    let raw: String = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str()
            .as_bytes()
            .utf8_chunks()
            .flat_map(|chunk| {
                let valid = chunk.valid().chars().flat_map(|c| {
                    if c.is_control() {
                        c.escape_default().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                });
                let invalid = chunk
                    .invalid()
                    .iter()
                    .flat_map(|b| format!("\\x{b:02X}").chars().collect::<Vec<_>>());
                valid.chain(invalid).collect::<Vec<_>>()
            })
            .collect()
    };
    #[cfg(not(unix))]
    let raw = path.to_string_lossy().replace('\\', "/");
    raw.strip_prefix("./").map(str::to_owned).unwrap_or(raw)
}

/// The page files named on the command line or found in its folders, each with whether
/// it was found by walking, for reading one at a time; `None` when a folder is a corpus
/// with a manifest (read whole, since its pages are compared with each other).
pub fn page_files(
    paths: &[PathBuf],
    format: Option<Format>,
) -> Option<(Vec<(PathBuf, bool)>, Vec<String>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() && path.join(MANIFEST).is_file() && format.is_none() {
            return None;
        } else if path.is_dir() {
            let (found, problems) = discover_pages_reporting(path);
            files.extend(found.into_iter().map(|f| (f, true)));
            // Not a failure of the run: said, so that nothing is skipped in silence.
            for problem in problems {
                eprintln!("warning: {problem}");
            }
        } else if path.is_file() {
            files.push((path.clone(), false));
        } else if path.exists() {
            errors.push(format!(
                "{}: not a regular file (a FIFO, socket or device); name a page file",
                display(path)
            ));
        } else {
            errors.push(format!("{}: no such file or folder", display(path)));
        }
    }
    Some((files, errors))
}

/// Reads one page file as `load` does.
pub fn read_one(
    file: &Path,
    discovered: bool,
    format: Option<Format>,
    registry: &Registry,
) -> Result<Input, String> {
    let shown = display(file);
    let bytes = std::fs::read(file).map_err(|e| format!("{shown}: {e}"))?;
    let options = ReadOptions { format, registry };
    let mut document = read_page(&shown, &bytes, &options).map_err(|e| e.to_string())?;
    document.discovered = discovered;
    Ok(Input {
        document,
        file: file.to_owned(),
        facts: None,
    })
}

/// Reads every page named on the command line: files as given, folders searched for
/// pages, folders with a manifest read as a corpus. Unreadable pages are reported and
/// the others still read.
pub fn load(paths: &[PathBuf], format: Option<Format>, registry: &Registry) -> Inputs {
    let mut result = Inputs::default();
    // Each file, and whether it was found by walking a folder.
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    for path in paths {
        if path.is_dir() && path.join(MANIFEST).is_file() && format.is_none() {
            match Corpus::load(path, registry) {
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
                Err(error) => result.errors.push(error.to_string()),
            }
        } else if path.is_dir() {
            let (found, problems) = discover_pages_reporting(path);
            files.extend(found.into_iter().map(|f| (f, true)));
            for problem in problems {
                eprintln!("warning: {problem}");
            }
        } else if path.is_file() {
            files.push((path.clone(), false));
        } else if path.exists() {
            result.errors.push(format!(
                "{}: not a regular file (a FIFO, socket or device); name a page file",
                display(path)
            ));
        } else {
            result
                .errors
                .push(format!("{}: no such file or folder", display(path)));
        }
    }
    let read: Vec<Result<Input, String>> = files
        .par_iter()
        .map(|(file, discovered)| read_one(file, *discovered, format, registry))
        .collect();
    for item in read {
        match item {
            Ok(input) => result.inputs.push(input),
            Err(error) => result.errors.push(error),
        }
    }
    result
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
        let files: Vec<&Path> = inputs.inputs.iter().map(|i| i.file.as_path()).collect();
        Configs::resolve_files(&files, explicit, rules)
    }

    /// The configuration of the `index`-th file given to [`Configs::resolve_files`].
    pub fn of(&self, index: usize) -> Option<&Config> {
        self.of_input
            .get(index)
            .copied()
            .flatten()
            .map(|k| &self.files[k])
    }

    /// [`Configs::resolve`] for page files not read yet (in that order).
    pub fn resolve_files(
        files: &[&Path],
        explicit: Option<&Path>,
        rules: &[(String, String)],
    ) -> anyhow::Result<Configs> {
        let with_rules = |mut config: Config| -> anyhow::Result<Config> {
            for (key, value) in rules {
                config.set(key, value).map_err(anyhow::Error::msg)?;
            }
            Ok(config)
        };
        let default = with_rules(find_config(explicit)?)?;
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
        for (i, file) in files.iter().enumerate() {
            let Some(folder) = std::path::absolute(file)
                .ok()
                .and_then(|f| f.parent().map(Path::to_owned))
            else {
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
                let candidate = d.join("statusdoc.toml");
                if candidate.is_file() {
                    found = match file_index.get(&candidate) {
                        Some(&k) => Some(k),
                        None => {
                            let shown = display(&candidate);
                            let text = std::fs::read_to_string(&candidate)
                                .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
                            let config = with_rules(Config::parse(&shown, &text)?)?;
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
pub fn find_config(explicit: Option<&Path>) -> anyhow::Result<Config> {
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
        return Ok(Config::default());
    };
    let shown = display(&path);
    let text = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    Ok(Config::parse(&shown, &text)?)
}
