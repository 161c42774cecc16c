//! The bundled corpus: `sources/manifest.toml`, page discovery, and reading pages in
//! parallel.
//!
//! Every page is an independent unit of work: read once from disk, decoded, and handed
//! to its reader on a rayon worker. The registry is shared immutably.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;
use statusdoc_ingest::{read_source, IngestError};
use statusdoc_model::{Document, Format};
use statusdoc_reference::Registry;
use toml::Spanned;

pub const MANIFEST: &str = "manifest.toml";
/// Folder of reference data under the sources root; not pages.
pub const REFERENCE_DIR: &str = "reference";
/// Extensions of files that are pages.
pub const PAGE_EXTENSIONS: [&str; 10] = [
    "md", "mdx", "markdown", "rst", "rest", "html", "htm", "txt", "adoc", "asciidoc",
];
/// Extensions of files that are pages only when they are OpenAPI documents (other YAML
/// and JSON found by walking a folder is configuration or data, and skipped silently).
pub const OPENAPI_EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestPage {
    pub id: String,
    /// Relative to the sources root, with `/` separators.
    pub path: String,
    pub vendor: String,
    pub product: String,
    pub format: Format,
    pub origin: Option<String>,
    /// Pages with the same value are renderings of one document.
    pub document: Option<String>,
    /// More Rust names for the page's table in the generated `status-catalog` crate
    /// (names people already use for the page).
    pub rust_aliases: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub pages: Vec<ManifestPage>,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Manifest {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: the page is not listed in {manifest}; add a [[page]] entry with its id, vendor, product and format")]
    Unlisted { path: String, manifest: String },
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<CorpusError>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    page: Vec<RawPage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPage {
    id: Spanned<String>,
    path: Spanned<String>,
    vendor: String,
    product: String,
    format: Spanned<String>,
    origin: Option<String>,
    document: Option<String>,
    #[serde(default)]
    rust_aliases: Vec<String>,
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Manifest {
    /// Parses manifest text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Manifest, CorpusError> {
        let error_at = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            CorpusError::Manifest {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        let raw: RawManifest = toml::from_str(text).map_err(|e| {
            error_at(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_owned(),
            )
        })?;
        let mut pages: Vec<ManifestPage> = Vec::with_capacity(raw.page.len());
        for page in raw.page {
            let format = Format::from_id(page.format.get_ref()).ok_or_else(|| {
                error_at(
                    page.format.span().start,
                    format!(
                        "unknown format `{}`: use markdown, rst, html, text, asciidoc or openapi",
                        page.format.get_ref()
                    ),
                )
            })?;
            if let Some(by_extension) = statusdoc_ingest::format_from_extension(page.path.get_ref())
            {
                if by_extension != format {
                    return Err(error_at(
                        page.format.span().start,
                        format!(
                            "`{}` is a {} file by its extension, but the entry says {}",
                            page.path.get_ref(),
                            by_extension.display_name(),
                            format.display_name()
                        ),
                    ));
                }
            }
            if pages.iter().any(|p| &p.id == page.id.get_ref()) {
                return Err(error_at(
                    page.id.span().start,
                    format!("duplicate page id `{}`", page.id.get_ref()),
                ));
            }
            let rel = page.path.get_ref();
            if rel.starts_with('/') || rel.split('/').any(|c| c == "..") {
                return Err(error_at(
                    page.path.span().start,
                    format!("`{rel}` must be a path inside the sources folder"),
                ));
            }
            pages.push(ManifestPage {
                id: page.id.into_inner(),
                path: page.path.into_inner(),
                vendor: page.vendor,
                product: page.product,
                format,
                origin: page.origin,
                document: page.document,
                rust_aliases: page.rust_aliases,
            });
        }
        Ok(Manifest { pages })
    }

    pub fn page_for(&self, relative_path: &str) -> Option<&ManifestPage> {
        self.pages.iter().find(|p| p.path == relative_path)
    }
}

/// The corpus: the manifest and its pages, read, in manifest order.
#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub manifest: Manifest,
    pub documents: Vec<Document>,
}

impl Corpus {
    /// Loads `root/manifest.toml`, checks it against the files on disk, and reads every
    /// page in parallel. Every problem is reported, not only the first.
    pub fn load(root: &Path, registry: &Registry) -> Result<Corpus, CorpusError> {
        let prefix = match root.file_name() {
            Some(name) => format!("{}/", name.to_string_lossy()),
            None => String::new(),
        };
        Corpus::load_named(root, &prefix, registry)
    }

    /// [`Corpus::load`], naming each page `prefix` + its path in the manifest (the
    /// command line names them relative to the project root).
    pub fn load_named(
        root: &Path,
        prefix: &str,
        registry: &Registry,
    ) -> Result<Corpus, CorpusError> {
        let manifest_path = root.join(MANIFEST);
        let display = |p: &Path| p.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&manifest_path).map_err(|source| CorpusError::Io {
            path: display(&manifest_path),
            source,
        })?;
        let manifest = Manifest::parse(&display(&manifest_path), &text)?;

        let mut errors = Vec::new();
        for page in &manifest.pages {
            if !root.join(&page.path).is_file() {
                let offset = text.find(&format!("\"{}\"", page.path)).unwrap_or(0);
                let (line, column) = line_col(&text, offset);
                errors.push(CorpusError::Manifest {
                    path: display(&manifest_path),
                    line,
                    column,
                    message: format!(
                        "page `{}` names `{}`, which does not exist",
                        page.id, page.path
                    ),
                });
            }
        }
        for file in discover_pages(root) {
            let relative = relative_path(root, &file);
            if relative.starts_with(&format!("{REFERENCE_DIR}/")) {
                continue;
            }
            if manifest.page_for(&relative).is_none() {
                errors.push(CorpusError::Unlisted {
                    path: display(&file),
                    manifest: display(&manifest_path),
                });
            }
        }
        if !errors.is_empty() {
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                CorpusError::Many(errors)
            });
        }

        let results: Vec<Result<Document, CorpusError>> = manifest
            .pages
            .par_iter()
            .map(|page| {
                let path = root.join(&page.path);
                let bytes = std::fs::read(&path).map_err(|source| CorpusError::Io {
                    path: display(&path),
                    source,
                })?;
                // Reports name pages relative to the sources root's parent ("sources/…")
                // so that they are the same on every machine.
                let shown = format!("{prefix}{}", page.path);
                let source = statusdoc_ingest::decode(&shown, &bytes)?;
                Ok(read_source(source, page.format, registry))
            })
            .collect();
        let mut documents = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for result in results {
            match result {
                Ok(document) => documents.push(document),
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                CorpusError::Many(errors)
            });
        }
        Ok(Corpus {
            root: root.to_owned(),
            manifest,
            documents,
        })
    }

    /// Each page's manifest entry with its document, in manifest order.
    pub fn iter(&self) -> impl Iterator<Item = (&ManifestPage, &Document)> {
        self.manifest.pages.iter().zip(&self.documents)
    }
}

fn relative_path(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Folders a walk never enters unless told otherwise (`exclude` in `statusdoc.toml`
/// replaces them): build output and installed packages, not documentation.
pub const DEFAULT_EXCLUDE: [&str; 2] = ["target", "node_modules"];

/// Every page file under `dir`, sorted: files with a page extension and OpenAPI
/// documents (YAML or JSON files whose content is one), skipping what [`walk_pages`]
/// skips.
pub fn discover_pages(dir: &Path) -> Vec<PathBuf> {
    discover_pages_reporting(dir).0
}

/// [`discover_pages`], and what the walk could not read or did not follow: folders
/// without read permission and symbolic links, each as a message that names it.
pub fn discover_pages_reporting(dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let walk = walk_pages(dir, std::sync::Arc::new(default_skip));
    let mut problems: Vec<String> = walk
        .symlinks
        .iter()
        .map(|link| {
            format!(
                "{}: a symbolic link, not followed; name its target to lint it",
                link.display()
            )
        })
        .chain(walk.unreadable.iter().map(|(path, error)| {
            format!(
                "{}: could not be read ({error}); its pages were not linted",
                path.display()
            )
        }))
        .collect();
    problems.sort();
    (walk.files, problems)
}

/// Whether a walk skips a file or folder by default: the [`DEFAULT_EXCLUDE`] folders.
pub fn default_skip(path: &Path, is_dir: bool) -> bool {
    is_dir
        && path
            .file_name()
            .is_some_and(|n| DEFAULT_EXCLUDE.iter().any(|x| n == *x))
}

/// What walking a folder found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Page files, sorted.
    pub files: Vec<PathBuf>,
    /// Symbolic links met and not followed (a link may lead out of the tree or round
    /// in a cycle; name its target to lint it).
    pub symlinks: Vec<PathBuf>,
    /// Folders (or files) that could not be read, with the error.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// A function of a path found by walking (and whether it is a folder) that says
/// whether to skip it; a skipped folder is not entered.
pub type Skip = std::sync::Arc<dyn Fn(&Path, bool) -> bool + Send + Sync>;

/// Walks `dir` for pages as git sees the tree: files and folders ignored by
/// `.gitignore` (also outside a git repository), `.ignore` and `.git/info/exclude` are
/// skipped, and so are hidden files and folders (names starting with `.`) and whatever
/// `skip` says. Pages are files with a page extension and OpenAPI documents (YAML or
/// JSON whose content is one). `dir` itself is always walked.
pub fn walk_pages(dir: &Path, skip: Skip) -> Walk {
    // The parallel walker: on a tree of many small folders, the walk (reading folders,
    // looking for ignore files, sniffing YAML for OpenAPI) is most of a cached re-run.
    // It runs on as many threads as rayon does, so `RAYON_NUM_THREADS=1` is one thread;
    // what each thread finds is merged and sorted, so the result does not depend on it.
    let found = std::sync::Mutex::new(Walk::default());
    ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        // What git ignores, whether or not the tree is a git work tree; never the
        // user's global excludes (the same tree gives the same pages on every machine).
        .require_git(false)
        .git_global(false)
        .follow_links(false)
        .threads(rayon::current_num_threads())
        .filter_entry(move |entry| {
            entry.depth() == 0 || !skip(entry.path(), entry.file_type().is_some_and(|t| t.is_dir()))
        })
        .build_parallel()
        .run(|| {
            let found = &found;
            let mut local = Walk::default();
            // Flushed into `found` when the thread's visitor is dropped.
            struct Flush<'a> {
                local: Walk,
                found: &'a std::sync::Mutex<Walk>,
            }
            impl Drop for Flush<'_> {
                fn drop(&mut self) {
                    let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
                    found.files.append(&mut self.local.files);
                    found.symlinks.append(&mut self.local.symlinks);
                    found.unreadable.append(&mut self.local.unreadable);
                }
            }
            local.files.reserve(64);
            let mut flush = Flush { local, found };
            Box::new(move |entry| {
                visit(dir, entry, &mut flush.local);
                ignore::WalkState::Continue
            })
        });
    let mut walk = found.into_inner().unwrap_or_else(|e| e.into_inner());
    walk.files.sort();
    walk.symlinks.sort();
    walk.unreadable.sort();
    walk
}

/// Files one entry of a walk where it belongs in `walk`.
fn visit(dir: &Path, entry: Result<ignore::DirEntry, ignore::Error>, walk: &mut Walk) {
    let entry = match entry {
        Ok(entry) => entry,
        Err(error) => {
            let path = error_path(&error).unwrap_or(dir).to_owned();
            walk.unreadable.push((path, error_message(&error)));
            return;
        }
    };
    if entry.path_is_symlink() && entry.depth() > 0 {
        walk.symlinks.push(entry.into_path());
        return;
    }
    if !entry.file_type().is_some_and(|t| t.is_file()) {
        return;
    }
    let path = entry.into_path();
    if is_page_file(&path) {
        walk.files.push(path);
    }
}

/// Whether a file found by walking is a page: a page extension, or an OpenAPI
/// document in YAML or JSON.
pub fn is_page_file(path: &Path) -> bool {
    let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    let extension = extension.to_ascii_lowercase();
    PAGE_EXTENSIONS.contains(&extension.as_str())
        || OPENAPI_EXTENSIONS.contains(&extension.as_str()) && is_openapi_file(path)
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// The error without the path the message names it by already.
fn error_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            error_message(err)
        }
        ignore::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

/// Whether a YAML or JSON file is an OpenAPI document (its first 64 KiB decide).
fn is_openapi_file(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    if read.is_err() {
        return false;
    }
    // A multi-byte character cut at the end of the window is not an error.
    let text = match std::str::from_utf8(&head) {
        Ok(text) => text,
        Err(error) => std::str::from_utf8(&head[..error.valid_up_to()]).unwrap_or(""),
    };
    statusdoc_ingest::is_openapi(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_errors_are_located() {
        let error = Manifest::parse("m.toml", "[[page]]\nid = \"a\"\npath = \"a.md\"\nvendor = \"V\"\nproduct = \"P\"\nformat = \"pdf\"\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "m.toml:6:10: unknown format `pdf`: use markdown, rst, html, text, asciidoc or openapi"
        );
        let error = Manifest::parse("m.toml", "[[page]]\nid = \"a\"\nwhat = 1\n").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("m.toml:3:1: unknown field `what`"),
            "{error}"
        );
    }
}
