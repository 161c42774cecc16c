//! Pages as a browser saves them: headless Chromium loads each page and serializes its
//! DOM (`--dump-dom`, what "Save page as… HTML only" writes). The reader must give the
//! same entries from the browser's serialization as from the published source.
//!
//! Needs Debian's `chromium` (`cargo xtask ci` installs it). Without it the test is
//! skipped locally and fails under `CI`.

use std::path::{Path, PathBuf};
use std::process::Command;

use statusdoc_ingest::{read_page, ReadOptions};
use statusdoc_model::Format;
use statusdoc_reference::Registry;

fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(
        std::env::var_os("STATUSDOC_CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into()),
    );
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "Chromium is required under CI: run `cargo xtask ci`, which installs Debian's chromium"
    );
    eprintln!(
        "skipped: no Chromium at {} (cargo xtask ci installs it)",
        path.display()
    );
    None
}

fn dump_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.canonicalize().unwrap().display()))
        .output()
        .expect("chromium starts");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("chromium writes UTF-8")
}

type Entries = Vec<(u16, String, String)>;

fn entries(path: &str, text: &[u8]) -> Entries {
    let options = ReadOptions {
        format: Some(Format::Html),
        registry: Registry::bundled(),
    };
    read_page(path, text, &options)
        .unwrap()
        .entries
        .iter()
        .map(|e| {
            (
                e.code,
                e.title_text().to_owned(),
                e.description_text().to_owned(),
            )
        })
        .collect()
}

#[test]
fn browser_serialized_pages_give_the_same_entries() {
    let Some(chromium) = chromium() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = [
        root.join("tests/fixtures/html/browser-saved.html"),
        root.join("../../sources/otc-ecs/http-status-codes.html"),
        root.join("../../sources/kinto/status-patch-object.html"),
        root.join("../../sources/mdn/http-status-index-2021.html"),
    ];
    for page in pages {
        let published = std::fs::read(&page).unwrap();
        let expected = entries("published.html", &published);
        assert!(!expected.is_empty(), "{} has entries", page.display());
        let saved = dump_dom(&chromium, &page);
        let got = entries("saved.html", saved.as_bytes());
        assert_eq!(
            got,
            expected,
            "{}: the browser's serialization reads differently",
            page.display()
        );
    }
}
