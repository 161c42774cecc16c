//! Turning command-line paths into read pages.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use statusdoc_corpus::{discover_pages, Corpus, MANIFEST};
use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_lint::{Config, Page};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;

/// What the manifest says about a page.
pub struct Facts {
    pub id: String,
    pub vendor: String,
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
            })
            .collect()
    }

    pub fn print_errors(&self) {
        for error in &self.errors {
            eprintln!("error: {error}");
        }
    }
}

fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
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
                                document: page.document.clone(),
                            }),
                            document,
                        });
                    }
                }
                Err(error) => result.errors.push(error.to_string()),
            }
        } else if path.is_dir() {
            files.extend(discover_pages(path).into_iter().map(|f| (f, true)));
        } else if path.exists() {
            files.push((path.clone(), false));
        } else {
            result
                .errors
                .push(format!("{}: no such file or folder", display(path)));
        }
    }
    let read: Vec<Result<Input, String>> = files
        .par_iter()
        .map(|(file, discovered)| {
            let shown = display(file);
            let bytes = std::fs::read(file).map_err(|e| format!("{shown}: {e}"))?;
            let options = ReadOptions { format, registry };
            let mut document = read_page(&shown, &bytes, &options).map_err(|e| e.to_string())?;
            document.discovered = *discovered;
            Ok(Input {
                document,
                file: file.clone(),
                facts: None,
            })
        })
        .collect();
    for item in read {
        match item {
            Ok(input) => result.inputs.push(input),
            Err(error) => result.errors.push(error),
        }
    }
    result
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
