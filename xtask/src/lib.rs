//! Repository automation shared by the `cargo xtask` binary and the end-to-end tests
//! (which check the same report the xtask writes).

pub mod bench;
pub mod ci;
pub mod gen_corpus;
pub mod generate;
pub mod score;
pub mod shapes;

/// Under CI, generated files are only checked, never written.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// The workspace root (xtask's manifest is one level below it).
pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_owned()
}
