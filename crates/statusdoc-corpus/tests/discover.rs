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
