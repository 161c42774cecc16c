//! rust-analyzer style tidy check: everything in `generated/` is what `cargo xtask
//! codegen` would write from `sources/` now.

#[test]
fn generated_files_are_up_to_date() {
    let linted = xtask::generate::lint_corpus().expect("sources/ reads");
    let root = xtask::root();
    let mut stale = Vec::new();
    for (path, contents) in xtask::generate::all_files(&linted) {
        let on_disk = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        if on_disk != contents {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "generated/ is stale ({}): run `cargo xtask codegen` and commit the result",
        stale.join(", ")
    );
}

/// Readers, the interpreter and rules are general: no vendor's name (of a bundled page
/// or a wild one) appears in non-test code. A layout handled for one page is a rule a
/// second page, written by someone else, also needs. Names that are also the tools
/// statusdoc integrates with, or the protocols whose codes it must tell apart, are
/// allowed where they name that tool or protocol.
#[test]
fn no_vendor_names_in_non_test_code() {
    let root = xtask::root();
    // Names that are not a page's vendor where the code uses them: CI systems whose
    // output formats statusdoc writes, a protocol whose codes are not HTTP's, and the
    // provenance of non-standard codes in the reference data, and a vendor whose name
    // is a word of a status phrase ("509 Bandwidth Limit Exceeded") or a Rust type
    // (`Box`).
    const ALLOWED: [&str; 6] = ["GitHub", "GitLab", "gRPC", "Cloudflare", "Bandwidth", "Box"];
    let mut vendors: Vec<String> = Vec::new();
    let mut manifests = vec![root.join("sources/manifest.toml")];
    for set in ["tests/wild/pages", "tests/wild/holdout"] {
        for entry in std::fs::read_dir(root.join(set))
            .into_iter()
            .flatten()
            .flatten()
        {
            manifests.push(entry.path().join("key.toml"));
        }
    }
    for entry in std::fs::read_dir(root.join("tests/wild/trees"))
        .into_iter()
        .flatten()
        .flatten()
    {
        manifests.push(entry.path().join("ORIGIN.toml"));
    }
    for file in manifests {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for line in text.lines() {
            if let Some(value) = line.strip_prefix("vendor = \"") {
                let name = value.split('"').next().unwrap_or("").to_owned();
                if !name.is_empty() && !ALLOWED.contains(&name.as_str()) && !vendors.contains(&name)
                {
                    vendors.push(name);
                }
            }
        }
    }
    assert!(
        vendors.len() > 20,
        "vendor names were not collected: {vendors:?}"
    );
    let mut hits = Vec::new();
    let mut stack: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("crates"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("src"))
        // The generated catalog crate documents the corpus's vendor tables by design.
        .filter(|p| !p.starts_with(root.join("crates/status-catalog")))
        .collect();
    stack.push(root.join("xtask/src"));
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests at the bottom of a file may name the pages they were checked on.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            for vendor in &vendors {
                let found = line.match_indices(vendor.as_str()).any(|(at, _)| {
                    let before = line[..at].chars().next_back();
                    let after = line[at + vendor.len()..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric())
                });
                if found {
                    hits.push(format!(
                        "{}:{}: {vendor}",
                        path.strip_prefix(&root).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "vendor names in non-test code (make the rule general):\n{}",
        hits.join("\n")
    );
}

/// Rule ids live in one table (`statusdoc_model::Rule`): no other non-test code writes
/// one as a string literal, so an unknown id cannot slip past the compiler.
#[test]
fn rule_ids_only_in_the_rule_table() {
    let root = xtask::root();
    let table = root.join("crates/statusdoc-model/src/rule.rs");
    let mut hits = Vec::new();
    let mut stack = vec![root.join("crates"), root.join("xtask/src")];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // Tests, benches and fixtures may name rules; the generated crate is data.
            if ![
                "tests",
                "benches",
                "examples",
                "target",
                "status-catalog",
                "consumer",
            ]
            .contains(&name)
            {
                stack.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .flatten()
                        .map(|e| e.path()),
                );
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path == table {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let bytes = line.as_bytes();
            for at in line.match_indices("\"SD").map(|(i, _)| i) {
                let id = &bytes[at + 3..];
                if id.len() >= 4 && id[..3].iter().all(u8::is_ascii_digit) && id[3] == b'"' {
                    hits.push(format!(
                        "{}:{}",
                        path.strip_prefix(&root).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "rule ids as string literals (use statusdoc_model::Rule):\n{}",
        hits.join("\n")
    );
}

/// `cargo xtask ci` builds xtask first and the workspace's tests next. When the tests'
/// dev-dependencies switch on a feature of a crate that xtask also uses, that crate and
/// everything above it is compiled twice (it doubled CI's compile time).
/// `crates/workspace-hack` switches those features on for xtask too; this check fails,
/// naming what to add there, when a dependency change brings a difference back.
#[test]
fn xtask_build_shares_the_test_build() {
    fn features_by_package(args: &[&str]) -> std::collections::BTreeMap<String, Vec<String>> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = std::process::Command::new(cargo)
            .current_dir(xtask::root())
            .args([
                "tree", "--locked", "--prefix", "none", "--format", "{p}|{f}",
            ])
            .args(args)
            .output()
            .expect("cargo tree runs");
        assert!(
            output.status.success(),
            "cargo tree {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut features = std::collections::BTreeMap::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Some((package, list)) = line.split_once('|') else {
                continue;
            };
            // "name v1.2.3 (path)": name and version identify the package.
            let package = package
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            let list = list.trim_end_matches(" (*)");
            let entry: &mut Vec<String> = features.entry(package).or_default();
            entry.extend(list.split(',').filter(|f| !f.is_empty()).map(str::to_owned));
            entry.sort();
            entry.dedup();
        }
        features
    }
    let xtask = features_by_package(&["--package", "xtask", "--edges", "normal,build"]);
    let tests = features_by_package(&["--workspace", "--edges", "normal,build,dev"]);
    let mut differences = Vec::new();
    for (package, features) in &xtask {
        let Some(test_features) = tests.get(package) else {
            continue;
        };
        let missing: Vec<&String> = test_features
            .iter()
            .filter(|f| !features.contains(f))
            .collect();
        if !missing.is_empty() && !package.starts_with("xtask ") {
            differences.push(format!("{package}: {missing:?}"));
        }
    }
    assert!(
        differences.is_empty(),
        "the test build compiles these crates with features the xtask build lacks, so CI \
         compiles them (and all above them) twice; add them to \
         crates/workspace-hack/Cargo.toml ([build-dependencies] for crates that \
         proc-macros or build scripts use):\n  {}",
        differences.join("\n  ")
    );
}
