//! Which files a folder walk reads as pages.

use statusdoc_corpus::discover_pages;

#[test]
fn asciidoc_pages_and_only_openapi_yaml_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("errors.adoc", "= Errors\n"),
        ("guide.asciidoc", "= Guide\n"),
        ("openapi.yaml", "openapi: 3.0.0\npaths: {}\n"),
        ("swagger.yml", "# API\nswagger: '2.0'\npaths: {}\n"),
        ("api.json", "{\"openapi\": \"3.1.0\", \"paths\": {}}"),
        ("ci.yml", "name: ci\non: push\njobs:\n  openapi: {}\n"),
        (
            "package.json",
            "{\"name\": \"x\", \"config\": {\"openapi\": \"3.0.0\"}}",
        ),
        ("notes.md", "# Notes\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let found: Vec<String> = discover_pages(dir.path())
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        found,
        [
            "api.json",
            "errors.adoc",
            "guide.asciidoc",
            "notes.md",
            "openapi.yaml",
            "swagger.yml"
        ]
    );
}

#[test]
fn walking_skips_what_git_ignores_hidden_files_and_says_what_it_did_not_follow() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["drafts", ".hidden", "node_modules", "kept"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "drafts/\n*.tmp.md\n").unwrap();
    for page in [
        "a.md",
        "b.tmp.md",
        "drafts/c.md",
        ".hidden/d.md",
        ".e.md",
        "node_modules/f.md",
        "kept/g.md",
    ] {
        std::fs::write(dir.path().join(page), "# Page\n").unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("a.md"), dir.path().join("link.md")).unwrap();
    let walk = statusdoc_corpus::walk_pages(
        dir.path(),
        std::sync::Arc::new(statusdoc_corpus::default_skip),
    );
    let names: Vec<String> = walk
        .files
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.md", "kept/g.md"]);
    #[cfg(unix)]
    assert_eq!(walk.symlinks, [dir.path().join("link.md")]);
    // Named as the walk's root, a hidden folder is walked.
    let walk = statusdoc_corpus::walk_pages(
        &dir.path().join(".hidden"),
        std::sync::Arc::new(statusdoc_corpus::default_skip),
    );
    assert_eq!(walk.files.len(), 1);
}
