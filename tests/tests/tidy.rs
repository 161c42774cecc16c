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
