//! The manifest against the disk: every page listed, every entry's file present.

use statusdoc_corpus::Corpus;
use statusdoc_reference::Registry;

const ENTRY: &str = "[[page]]\nid = \"a\"\npath = \"vendor/a.md\"\nvendor = \"V\"\nproduct = \"P\"\nformat = \"markdown\"\n";

fn corpus_with(
    manifest: &str,
    files: &[(&str, &str)],
) -> (tempfile::TempDir, Result<Corpus, String>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("manifest.toml"), manifest).unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    let result = Corpus::load(dir.path(), Registry::bundled()).map_err(|e| e.to_string());
    (dir, result)
}

#[test]
fn a_listed_page_is_read() {
    let (_dir, corpus) = corpus_with(
        ENTRY,
        &[(
            "vendor/a.md",
            "| Code | Description |\n|---|---|\n| 200 | OK |\n",
        )],
    );
    let corpus = corpus.unwrap();
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].entries[0].code, 200);
}

#[test]
fn an_unlisted_page_is_an_error_that_names_it() {
    let (_dir, corpus) = corpus_with(
        ENTRY,
        &[("vendor/a.md", "# A\n"), ("other/b.rst", "B\n=\n")],
    );
    let error = corpus.unwrap_err();
    assert!(
        error.contains("other/b.rst: the page is not listed in"),
        "{error}"
    );
}

#[test]
fn an_entry_without_its_file_is_an_error_with_its_line() {
    let (_dir, corpus) = corpus_with(ENTRY, &[]);
    let error = corpus.unwrap_err();
    assert!(
        error.contains("manifest.toml:3:8: page `a` names `vendor/a.md`, which does not exist"),
        "{error}"
    );
}

#[test]
fn reference_data_and_unreadable_pages() {
    // Files under reference/ are data, not pages.
    let (_dir, corpus) = corpus_with(
        ENTRY,
        &[("vendor/a.md", "# A\n"), ("reference/registry.txt", "x")],
    );
    assert!(corpus.is_ok());
    // A listed page that is not UTF-8 is an error naming the page and position.
    let (_dir, corpus) = corpus_with(ENTRY, &[("vendor/a.md", "# A\n\u{0}")]);
    assert!(corpus
        .unwrap_err()
        .contains("vendor/a.md:2:1: the file looks binary"));
}
