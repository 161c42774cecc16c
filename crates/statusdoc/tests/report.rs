//! `statusdoc report PATH... --out DIR`: the vendor matrix as the binary writes it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn statusdoc(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(workspace())
        .output()
        .expect("statusdoc runs")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const SEED_000: &str = "tests/fixtures/seeds/000_688e3b62f65bee31.txt";

/// The `href` of the source link of the row with `id` (from the embedded data).
fn source_link(html: &str, id: &str) -> String {
    let start = html.find(r#"<script type="application/json" id="data" data-encoding="json">"#);
    let start = start.expect("plain JSON for a small report");
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let page = data["p"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == id)
        .unwrap_or_else(|| panic!("no page {id}"));
    page[5].as_str().unwrap().to_owned()
}

#[test]
fn report_writes_the_matrix_with_links_to_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out/report");
    let output = statusdoc(&[
        "report".as_ref(),
        SEED_000.as_ref(),
        "sources/cmwell".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("2 of 2 pages with status codes"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Not Acceptable"));
    // Without a manifest: ids from paths, vendors from folders.
    let id = "tests-fixtures-seeds-000_688e3b62f65bee31.txt";
    assert!(html.contains(&format!(r#"<tr id="p-{id}""#)), "row id");
    // The pages share no folder: each is named by its first one.
    assert!(html.contains("<b>tests</b>"), "vendor from the folder");
    assert!(html.contains("<b>sources</b>"), "vendor from the folder");
    // The link leads from the report's folder to the page.
    let href = source_link(&html, id);
    assert!(href.starts_with("../"), "{href}");
    assert_eq!(
        out.join(&href).canonicalize().unwrap(),
        workspace().join(SEED_000).canonicalize().unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("index.html"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o644, 0o644, "readable by others: {mode:o}");
    }
}

#[test]
fn report_reads_a_corpus_with_its_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let output = statusdoc(&[
        "report".as_ref(),
        "sources".as_ref(),
        "--out".as_ref(),
        dir.path().as_os_str(),
        "--rule".as_ref(),
        "SD101=off".as_ref(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(html.contains(r#"<tr id="p-oracle-iam-identity-domains""#));
    assert!(
        html.contains("OCI IAM identity domains REST API: Response Codes"),
        "the manifest's product"
    );
    // SD101 is off: no finding of it, so no documentation of it either.
    assert!(!html.contains(r#"id="doc-SD101""#));
}

#[test]
fn report_problems_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = statusdoc(&[
        "report".as_ref(),
        "no/such/page.md".as_ref(),
        SEED_000.as_ref(),
        "--out".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/page.md"));
    // The pages that could be read are still in the report.
    assert!(dir.path().join("index.html").is_file());
    let missing_out = statusdoc(&["report".as_ref(), SEED_000.as_ref()]);
    assert_eq!(missing_out.status.code(), Some(2), "--out is required");
}
