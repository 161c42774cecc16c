//! Where a page belongs: its project root (what its path is shown relative to, as
//! `statusdoc lint` names pages) and its configuration (the nearest `statusdoc.toml`,
//! as `statusdoc lint` resolves it per page).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use statusdoc_lint::{Config, ConfigError};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "statusdoc.toml";

/// Removes `.` and resolves `..` without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How reports name `path`: relative to `root` with `/` separators when inside it,
/// else absolute.
pub fn show(root: &Path, path: &Path) -> String {
    let path = normalize(path);
    match path.strip_prefix(root) {
        Ok(inside) if !inside.as_os_str().is_empty() => inside.to_string_lossy().replace('\\', "/"),
        Ok(_) => ".".to_owned(),
        Err(_) => path.to_string_lossy().replace('\\', "/"),
    }
}

/// The project root of a file: the innermost workspace folder holding it (and `true`),
/// else as `statusdoc lint` finds one from the file's folder: the nearest folder with a
/// `statusdoc.toml`, else with `.git`, else the file's folder (and `false`).
pub fn root_for(file: &Path, folders: &[PathBuf]) -> (PathBuf, bool) {
    if let Some(folder) = folders
        .iter()
        .filter(|f| file.starts_with(f))
        .max_by_key(|f| f.components().count())
    {
        return (folder.clone(), true);
    }
    let start = file.parent().unwrap_or(Path::new("/"));
    let found = start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .or_else(|| start.ancestors().find(|dir| dir.join(".git").exists()))
        .unwrap_or(start);
    (found.to_owned(), false)
}

/// A configuration in force, and the problem with the file that should have given it.
#[derive(Clone)]
pub struct Resolved {
    pub config: Arc<Config>,
    /// A `statusdoc.toml` that could not be read or parsed (the page then uses the
    /// defaults): its path and the error.
    pub problem: Option<(PathBuf, ConfigError)>,
}

/// The nearest `statusdoc.toml` of each folder, read once until [`ConfigStore::clear`].
#[derive(Default)]
pub struct ConfigStore {
    /// Folder → the configuration file that applies there, if any.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// (configuration file, project root) → the parsed file.
    loaded: HashMap<(PathBuf, PathBuf), Result<Arc<Config>, ConfigError>>,
    /// Project root → the defaults anchored there.
    defaults: HashMap<PathBuf, Arc<Config>>,
}

impl ConfigStore {
    /// Forgets everything: a `statusdoc.toml` was created, changed or deleted.
    pub fn clear(&mut self) {
        *self = ConfigStore::default();
    }

    /// The configuration of a page file.
    pub fn for_file(&mut self, file: &Path, root: &Path) -> Resolved {
        let dir = file.parent().unwrap_or(root).to_owned();
        self.for_dir(&dir, root)
    }

    /// The configuration of pages in `dir`: the nearest `statusdoc.toml` from `dir`
    /// upward, else the defaults.
    pub fn for_dir(&mut self, dir: &Path, root: &Path) -> Resolved {
        match self.nearest_file(dir) {
            None => Resolved {
                config: self.defaults(root),
                problem: None,
            },
            Some(file) => {
                let key = (file.clone(), root.to_owned());
                let loaded = self
                    .loaded
                    .entry(key)
                    .or_insert_with(|| load(&file, root))
                    .clone();
                match loaded {
                    Ok(config) => Resolved {
                        config,
                        problem: None,
                    },
                    Err(error) => Resolved {
                        config: self.defaults(root),
                        problem: Some((file, error)),
                    },
                }
            }
        }
    }

    fn defaults(&mut self, root: &Path) -> Arc<Config> {
        self.defaults
            .entry(root.to_owned())
            .or_insert_with(|| Arc::new(Config::default().anchored(root)))
            .clone()
    }

    fn nearest_file(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut walked = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(known) = self.nearest.get(d) {
                found = known.clone();
                break;
            }
            walked.push(d.to_owned());
            let candidate = d.join(CONFIG_FILE);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        for d in walked {
            self.nearest.insert(d, found.clone());
        }
        found
    }
}

fn load(file: &Path, root: &Path) -> Result<Arc<Config>, ConfigError> {
    let shown = show(root, file);
    let text = std::fs::read_to_string(file).map_err(|e| ConfigError {
        path: shown.clone(),
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    Ok(Arc::new(Config::parse(&shown, &text)?.anchored(root)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_file_applies_and_errors_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("docs/legacy")).unwrap();
        std::fs::write(root.join(CONFIG_FILE), "[rules]\nSD101 = \"warning\"\n").unwrap();
        std::fs::write(root.join("docs/legacy").join(CONFIG_FILE), "[rules\n").unwrap();
        let mut store = ConfigStore::default();
        let top = store.for_file(&root.join("docs/a.md"), root);
        assert!(top.problem.is_none());
        assert_eq!(top.config.path.as_deref(), Some(CONFIG_FILE));
        let broken = store.for_file(&root.join("docs/legacy/b.md"), root);
        let (file, error) = broken.problem.unwrap();
        assert_eq!(file, root.join("docs/legacy").join(CONFIG_FILE));
        assert_eq!(error.path, "docs/legacy/statusdoc.toml");
        assert!(broken.config.path.is_none());
        assert_eq!(show(root, &root.join("docs/./a.md")), "docs/a.md");
        assert_eq!(
            root_for(&root.join("docs/a.md"), &[root.to_owned()]),
            (root.to_owned(), true)
        );
        assert_eq!(
            root_for(&root.join("docs/a.md"), &[]),
            (root.to_owned(), false)
        );
    }
}
