//! The project root: what every path in every output is relative to.
//!
//! The folder of the nearest `statusdoc.toml` from the working folder upward, else the
//! root of the git work tree the working folder is in, else the working folder;
//! `--project-root` overrides. A page is named relative to it however its path was
//! typed (`docs/a.md`, `$PWD/docs/a.md`, `cd docs && statusdoc lint .`), so that
//! reports, SARIF locations and fingerprints are the same on every run and every
//! machine. A page outside the root is named by its absolute path.

use std::path::{Component, Path, PathBuf};

use anyhow::Context;

#[derive(Debug, Clone)]
pub struct ProjectRoot {
    /// Absolute, without `.` or `..` components.
    dir: PathBuf,
    /// `dir` with symbolic links resolved, for paths typed through another link.
    canonical: Option<PathBuf>,
    /// The working folder when the root was found: relative paths are taken from it
    /// (read once: `std::path::absolute` asks the system for it on every call, and
    /// every page of a tree is named).
    working: Option<PathBuf>,
}

impl ProjectRoot {
    /// `--project-root DIR`, else the root found from the working folder.
    pub fn discover(explicit: Option<&Path>) -> anyhow::Result<ProjectRoot> {
        match explicit {
            Some(dir) => {
                if !dir.is_dir() {
                    anyhow::bail!("--project-root {}: not a folder", dir.display());
                }
                Ok(ProjectRoot::at(dir))
            }
            None => {
                let cwd = std::env::current_dir().context("reading the working folder")?;
                Ok(ProjectRoot::at(&find_root(&cwd)))
            }
        }
    }

    /// The root found from the working folder (the working folder itself when even
    /// that cannot be read).
    pub fn from_working_folder() -> ProjectRoot {
        ProjectRoot::discover(None).unwrap_or_else(|_| ProjectRoot::at(Path::new(".")))
    }

    pub fn at(dir: &Path) -> ProjectRoot {
        let dir = normalize(&std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned()));
        ProjectRoot {
            canonical: std::fs::canonicalize(&dir).ok(),
            dir,
            working: std::env::current_dir().ok(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How outputs name `path`: relative to the root with `/` separators when it is
    /// inside (`.` for the root itself), else absolute; escaped as [`escape`] does.
    pub fn show(&self, path: &Path) -> String {
        escape(&self.relative(path))
    }

    /// `path` made absolute (from the working folder), without `.` or `..` components.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        match &self.working {
            Some(working) if path.is_relative() => normalize(&working.join(path)),
            _ => normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned())),
        }
    }

    /// `path` relative to the root when it is inside it, else absolute.
    pub fn relative(&self, path: &Path) -> PathBuf {
        let absolute = self.absolute(path);
        if let Ok(inside) = absolute.strip_prefix(&self.dir) {
            return dot_if_empty(inside);
        }
        // Typed through a symbolic link to the root (`$PWD` may differ from the
        // physical working folder): compare the resolved paths.
        if let (Some(root), Some(resolved)) = (&self.canonical, resolve(&absolute)) {
            if let Ok(inside) = resolved.strip_prefix(root) {
                return dot_if_empty(inside);
            }
        }
        absolute
    }
}

fn dot_if_empty(path: &Path) -> PathBuf {
    if path.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        path.to_owned()
    }
}

/// `path` with its folder resolved (the file itself may be a symbolic link, which the
/// report names as such).
fn resolve(path: &Path) -> Option<PathBuf> {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => Some(std::fs::canonicalize(parent).ok()?.join(name)),
        _ => std::fs::canonicalize(path).ok(),
    }
}

/// The folder of the nearest `statusdoc.toml` from `start` upward, else the nearest
/// folder with `.git` (a folder, or a file in a linked work tree), else `start`.
pub fn find_root(start: &Path) -> PathBuf {
    let ancestors = || start.ancestors();
    ancestors()
        .find(|dir| dir.join("statusdoc.toml").is_file())
        .or_else(|| ancestors().find(|dir| dir.join(".git").exists()))
        .unwrap_or(start)
        .to_owned()
}

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

/// A path as reports show it: `/` separators, no leading `./`, bytes that are not
/// UTF-8 and control characters (a newline in a name) escaped, so one finding stays one
/// line and names the file as it is on disk.
pub fn escape(path: &Path) -> String {
    #[cfg(unix)]
    let raw: String = {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                if c.is_control() {
                    out.extend(c.escape_default());
                } else {
                    out.push(c);
                }
            }
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    };
    #[cfg(not(unix))]
    let raw = path.to_string_lossy().replace('\\', "/");
    match raw.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_named_relative_to_the_root_however_typed() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let root = ProjectRoot::at(dir.path());
        assert_eq!(root.show(&docs.join("a.md")), "docs/a.md");
        assert_eq!(root.show(&docs.join("../docs/./a.md")), "docs/a.md");
        assert_eq!(root.show(dir.path()), ".");
        assert_eq!(root.show(Path::new("/elsewhere/b.md")), "/elsewhere/b.md");
    }

    #[test]
    fn the_root_is_the_nearest_config_else_git() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find_root(&deep), deep);
        std::fs::create_dir(dir.path().join("a/.git")).unwrap();
        assert_eq!(find_root(&deep), dir.path().join("a"));
        std::fs::write(dir.path().join("a/b/statusdoc.toml"), "").unwrap();
        assert_eq!(find_root(&deep), dir.path().join("a/b"));
    }
}
