//! Whole documentation trees from public projects (`tests/wild/trees/`), linted as a
//! docs team would lint them: `statusdoc lint TREE`. The full report and every line
//! that `--fix --unsafe-fixes` would change are reviewed insta snapshots: each finding
//! was read against its page and is a real defect, and each fix only rewrites a
//! status-code title. A tree without real errors never fails the run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn trees() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/wild/trees")
}

fn statusdoc(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .output()
        .expect("statusdoc runs")
}

fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `path:line: - old` / `+ new` for every line `--fix --unsafe-fixes` changes in a
/// copy of the tree.
fn fixed_lines(tree: &Path, name: &str) -> String {
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join(name);
    for file in files(tree) {
        let to = copy.join(file.strip_prefix(tree).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&file, &to).unwrap();
    }
    let output = statusdoc(
        work.path(),
        &[
            "lint",
            name,
            "--fix",
            "--unsafe-fixes",
            "--exit-zero",
            "--no-cache",
            "--quiet",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let mut changes = String::new();
    for file in files(tree) {
        let relative = file.strip_prefix(tree).unwrap();
        let before = std::fs::read(&file).unwrap();
        let after = std::fs::read(copy.join(relative)).unwrap();
        if before == after {
            continue;
        }
        let before = String::from_utf8_lossy(&before);
        let after = String::from_utf8_lossy(&after);
        let (old, new): (Vec<&str>, Vec<&str>) =
            (before.lines().collect(), after.lines().collect());
        assert_eq!(
            old.len(),
            new.len(),
            "{}: a fix added or removed lines",
            relative.display()
        );
        for (n, (a, b)) in old.iter().zip(&new).enumerate() {
            if a != b {
                let (a, b) = changed_part(a, b);
                changes.push_str(&format!(
                    "{}:{}:\n  - {a}\n  + {b}\n",
                    relative.display(),
                    n + 1,
                ));
            }
        }
    }
    if changes.is_empty() {
        changes.push_str("(no fixes)\n");
    }
    changes
}

/// The part of a changed line that differs, with up to 30 characters around it: a
/// generated page may hold a whole table on one line.
fn changed_part<'a>(old: &'a str, new: &'a str) -> (&'a str, &'a str) {
    const AROUND: usize = 30;
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let floor = |s: &str, mut at: usize| {
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let ceil = |s: &str, mut at: usize| {
        while !s.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    let start = floor(old, prefix.saturating_sub(AROUND));
    let cut = |s: &'a str| {
        let end = ceil(s, (s.len() - suffix + AROUND).min(s.len()));
        s[start..end].trim()
    };
    (cut(old), cut(new))
}

fn check_tree(name: &str) {
    let tree = trees().join(name);
    assert!(tree.is_dir(), "{} is missing", tree.display());
    let output = statusdoc(&trees(), &["lint", name, "--no-cache"]);
    assert!(
        output.status.success(),
        "a tree without real errors fails the run:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let report = format!(
        "{}{}\n--- lines `--fix --unsafe-fixes` changes ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        fixed_lines(&tree, name)
    );
    insta::assert_snapshot!(name, report);
}

#[test]
fn every_tree_has_its_test() {
    let mut names: Vec<String> = std::fs::read_dir(trees())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.ends_with(".md"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["meilisearch-mdx", "okhttp-html", "trafficserver-rst"]
    );
}

#[test]
fn markdown_tree() {
    check_tree("meilisearch-mdx");
}

#[test]
fn html_tree() {
    check_tree("okhttp-html");
}

#[test]
fn rst_tree() {
    check_tree("trafficserver-rst");
}
