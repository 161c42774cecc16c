//! The `statusdoc` binary as users run it: exit codes, output shapes, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn statusdoc(args: &[&str]) -> Output {
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

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const SEED_000: &str = "tests/fixtures/seeds/000_688e3b62f65bee31.txt";
const SEED_001: &str = "tests/fixtures/seeds/001_147d93b2d1d563bc.txt";

#[test]
fn extract_json_has_the_documented_shape() {
    let output = statusdoc(&["extract", "--format", "json", SEED_000]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let document = &json["documents"][0];
    assert_eq!(document["path"], SEED_000);
    assert_eq!(document["format"], "markdown");
    assert_eq!(document["title"], "Response Codes");
    assert!(document["metadata"].is_object());
    let entries = document["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 18);
    let e415 = entries.iter().find(|e| e["code"] == 415).unwrap();
    assert_eq!(e415["title"], "Not Acceptable");
    assert_eq!(
        (e415["line"].as_u64(), e415["column"].as_u64()),
        (Some(21), Some(2))
    );
    assert_eq!(
        (e415["title_line"].as_u64(), e415["title_column"].as_u64()),
        (Some(21), Some(6))
    );
    assert!(e415["description"]
        .as_str()
        .unwrap()
        .starts_with("The client's ContentType header"));
}

#[test]
fn lint_json_exit_codes_and_missing_code() {
    // Errors: exit 1.
    let output = statusdoc(&["lint", "--format", "json", SEED_000]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let wrong = diagnostics.iter().find(|d| d["rule"] == "SD101").unwrap();
    for key in [
        "rule",
        "severity",
        "path",
        "line",
        "column",
        "status_code",
        "message",
        "help",
    ] {
        assert!(wrong.get(key).is_some(), "missing {key}");
    }
    assert_eq!(wrong["severity"], "error");
    assert_eq!(wrong["status_code"], 415);
    assert_eq!(
        (wrong["line"].as_u64(), wrong["column"].as_u64()),
        (Some(21), Some(6))
    );

    // Clean page: exit 0.
    let output = statusdoc(&["lint", SEED_001]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("no findings in 1 page"));

    // The missing 200 of the OTC IAM page carries 200.
    let output = statusdoc(&[
        "lint",
        "--format",
        "json",
        "tests/fixtures/seeds/004_1b7a17603f135351.txt",
    ]);
    assert_eq!(output.status.code(), Some(0), "warnings only");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let gap = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "SD303")
        .unwrap();
    assert_eq!(gap["status_code"], 200);
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let page = "tests/fixtures/seeds/004_1b7a17603f135351.txt";
    assert_eq!(statusdoc(&["lint", page]).status.code(), Some(0));
    assert_eq!(
        statusdoc(&["lint", "--deny", "warnings", page])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn human_output_marks_the_span_and_gives_help() {
    let output = statusdoc(&["lint", SEED_000]);
    let text = stdout(&output);
    assert!(
        text.contains("error[SD101]: 415 is titled \"Not Acceptable\", the reason phrase of 406"),
        "{text}"
    );
    assert!(text.contains(&format!("--> {SEED_000}:21:6")), "{text}");
    assert!(text.contains("^^^^^^^^^^^^^^ 415"), "{text}");
    assert!(
        text.contains("help: 415 is \"Unsupported Media Type\" (RFC 9110, Section 15.5.16)"),
        "{text}"
    );
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"200 OK\n\x00\x01\x02").unwrap();
    let latin1 = dir.path().join("latin1.html");
    std::fs::write(&latin1, b"<p>200 OK</p>\n<p>caf\xe9</p>").unwrap();
    for (file, expected) in [
        (&empty, "the file is empty".to_owned()),
        (
            &binary,
            format!("{}:2:1: the file looks binary", binary.display()),
        ),
        (&latin1, format!("{}:2:7: invalid UTF-8", latin1.display())),
    ] {
        let output = statusdoc(&["lint", file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains(&expected), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let output = statusdoc(&["lint", "does/not/exist.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("does/not/exist.md: no such file or folder"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(statusdoc(&["lint"]).status.code(), Some(2));
    assert_eq!(
        statusdoc(&["lint", "--format", "yaml", SEED_000])
            .status
            .code(),
        Some(2)
    );
    let output = statusdoc(&["lint", "--rule", "SD999=off", SEED_000]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown rule `SD999`"));
}

#[test]
fn config_errors_name_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("statusdoc.toml");
    std::fs::write(
        &config,
        "[rules]\nSD101 = \"off\"\nnot-a-rule = \"error\"\n",
    )
    .unwrap();
    let output = statusdoc(&["lint", "--config", config.to_str().unwrap(), SEED_000]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "{}:3:1: unknown rule `not-a-rule`",
            config.display()
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_turns_rules_off_and_changes_severity() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("statusdoc.toml");
    std::fs::write(&config, "[rules]\nwrong-reason-phrase = \"warning\"\n").unwrap();
    let output = statusdoc(&[
        "lint",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "concise",
        SEED_000,
    ]);
    assert_eq!(output.status.code(), Some(0), "SD101 is only a warning now");
    assert!(stdout(&output).contains("warning[SD101]"));
    let output = statusdoc(&[
        "lint",
        "--rule",
        "SD101=off",
        "--format",
        "concise",
        SEED_000,
    ]);
    assert!(!stdout(&output).contains("SD101"));
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let output = statusdoc(&["lint", "--format", "sarif", "sources"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    // The published schema's `language` pattern has a stray `]`, a literal in ECMA
    // regexes that Rust's regex rejects: escape it, which keeps its meaning.
    let schema_text = include_str!("fixtures/sarif-schema-2.1.0.json")
        .replace(r#"-[a-zA-Z]{2}]?$"#, r#"-[a-zA-Z]{2}\\]?$"#);
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    assert!(run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "SD101"
            && r["help"]["text"]
                .as_str()
                .unwrap()
                .contains("## What it does")));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    // Every alert keeps its own identity in code scanning.
    let mut fingerprints: Vec<&str> = results
        .iter()
        .map(|r| r["partialFingerprints"]["statusdoc/v2"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    let total = fingerprints.len();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), total);
    // Offsets are in code points, as `columnKind` says: the 415 title of the seed.
    let output = statusdoc(&[
        "lint",
        "--format",
        "sarif",
        "tests/fixtures/seeds/001_147d93b2d1d563bc.txt",
        SEED_000,
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let wrong = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "SD101")
        .unwrap();
    let region = &wrong["locations"][0]["physicalLocation"]["region"];
    let text = std::fs::read_to_string(workspace().join(SEED_000)).unwrap();
    let at = text.find("Not Acceptable").unwrap();
    assert_eq!(
        region["charOffset"].as_u64().unwrap() as usize,
        text[..at].chars().count()
    );
    assert_eq!(region["charLength"], 14);
}

#[test]
fn github_and_gitlab_and_junit_formats() {
    let output = statusdoc(&["lint", "--format", "github", SEED_000]);
    let text = stdout(&output);
    assert!(
        text.contains(&format!("::error file={SEED_000},line=21,col=6,")),
        "{text}"
    );
    let output = statusdoc(&["lint", "--format", "gitlab", SEED_000]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json[0]["location"]["path"], SEED_000);
    let output = statusdoc(&["lint", "--format", "junit", SEED_000, SEED_001]);
    let xml = stdout(&output);
    assert!(
        xml.contains("<testsuites name=\"statusdoc\" tests=\"2\" failures=\"1\" errors=\"0\">"),
        "{xml}"
    );
}

#[test]
fn rules_and_explain() {
    let output = statusdoc(&["rules"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("SD101  wrong-reason-phrase"));
    let output = statusdoc(&["explain", "SD101"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("# wrong-reason-phrase (SD101)"), "{text}");
    assert!(text.contains("## Why is this bad?"));
    assert_eq!(
        stdout(&statusdoc(&["explain", "wrong-reason-phrase"])),
        text
    );
    assert_eq!(statusdoc(&["explain", "SD999"]).status.code(), Some(2));
}

#[test]
fn fix_rewrites_only_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    let original = std::fs::read_to_string(workspace().join(SEED_000)).unwrap();
    std::fs::write(&page, &original).unwrap();
    let output = statusdoc(&[
        "lint",
        "--fix",
        "--format",
        "concise",
        page.to_str().unwrap(),
    ]);
    assert!(
        stderr(&output).contains("fixed 2 finding(s) in 1 file(s)"),
        "{}",
        stderr(&output)
    );
    let fixed = std::fs::read_to_string(&page).unwrap();
    let expected = original
        .replace("`415 Not Acceptable`", "`415 Unsupported Media Type`")
        .replace("`413 Request Entity Too Large`", "`413 Content Too Large`");
    assert_eq!(fixed, expected);
    // What is left is the finding without a fix.
    assert_eq!(stdout(&output).lines().count(), 1, "{}", stdout(&output));
}

#[test]
fn suppression_comments_work_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(
        &page,
        "| HTTP Status Code | Description |\n|---|---|\n<!-- statusdoc-disable-next-line SD101 -->\n| `415 Not Acceptable` | Kept. |\n<!-- statusdoc-disable-next-line wrong-reason-phrase -->\n| `200 OK` | Fine. |\n",
    )
    .unwrap();
    let output = statusdoc(&["lint", "--format", "concise", page.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(!text.contains("SD101"), "{text}");
    assert!(
        text.contains(":5:1: warning[SD010] this suppression comment suppresses nothing"),
        "{text}"
    );
}

#[test]
fn fix_keeps_grid_tables_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("iam.rst");
    let original =
        std::fs::read_to_string(workspace().join("tests/fixtures/seeds/004_1b7a17603f135351.txt"))
            .unwrap();
    std::fs::write(&page, &original).unwrap();
    let output = statusdoc(&[
        "lint",
        "--fix",
        "--format",
        "concise",
        page.to_str().unwrap(),
    ]);
    assert!(
        stderr(&output).contains("fixed 12 finding(s)"),
        "{}",
        stderr(&output)
    );
    let fixed = std::fs::read_to_string(&page).unwrap();
    // Every line keeps its length, so every border stays in its column.
    let lengths = |text: &str| text.lines().map(str::len).collect::<Vec<_>>();
    assert_eq!(lengths(&fixed), lengths(&original));
    assert!(fixed.contains("| 400                   | Bad Request                     |"));
    assert!(fixed.contains("| 413                   | Content Too Large               |"));
    // The page still reads as before, with the phrases fixed.
    let output = statusdoc(&["extract", "--format", "json", page.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["documents"][0]["entries"].as_array().unwrap().len(),
        41
    );
    let output = statusdoc(&["lint", "--format", "concise", page.to_str().unwrap()]);
    assert!(!stdout(&output).contains("SD104"), "{}", stdout(&output));
}

#[test]
fn summary_compares_titles_across_pages() {
    let output = statusdoc(&[
        "lint",
        "--format",
        "concise",
        "--summary",
        SEED_000,
        SEED_001,
    ]);
    let text = stdout(&output);
    assert!(text.contains("## How pages differ per code"), "{text}");
    assert!(
        text.contains(&format!(
            "| 415 | Unsupported Media Type | Unsupported Media Type (1 page); **Not Acceptable** ({SEED_000}) |"
        )),
        "{text}"
    );
    assert!(
        !text.contains("| 200 |"),
        "codes every page titles canonically are left out: {text}"
    );
}

#[test]
fn override_globs_are_relative_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("statusdoc.toml");
    std::fs::write(
        &config,
        "[[overrides]]\npaths = [\"legacy/*.md\"]\nrules = { SD101 = \"off\" }\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    let page = dir.path().join("legacy/page.md");
    std::fs::copy(workspace().join(SEED_000), &page).unwrap();
    // From the workspace, with an absolute path: the override still applies.
    let output = statusdoc(&[
        "lint",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "concise",
        page.to_str().unwrap(),
    ]);
    assert!(!stdout(&output).contains("SD101"), "{}", stdout(&output));
    assert!(stdout(&output).contains("SD103"));
}

#[test]
fn fix_follows_symlinks_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    std::fs::copy(workspace().join(SEED_000), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    statusdoc(&["lint", "--fix", link.to_str().unwrap()]);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("`415 Unsupported Media Type`"));
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args(["explain", "SD101"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        status.code() == Some(0) || status.code().is_none(),
        "{status:?} {err}"
    );
}

#[test]
fn an_rst_comment_above_a_table_covers_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.rst");
    std::fs::write(
        &page,
        "Codes\n=====\n\n.. statusdoc-disable-next-line: SD104\n\n+-----+------------+\n| 400 | BadRequest |\n+-----+------------+\n| 404 | NotFound   |\n+-----+------------+\n\n+-----+------------------+\n| 405 | MethodNotAllowed |\n+-----+------------------+\n",
    )
    .unwrap();
    let output = statusdoc(&["lint", "--format", "concise", page.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(
        !text.contains("page.rst:7:") && !text.contains("page.rst:9:"),
        "{text}"
    );
    assert!(text.contains(":13:9: warning[SD104]"), "{text}");
    assert!(!text.contains("SD010"), "{text}");
}

/// Each page uses the `statusdoc.toml` nearest to it, not the one of the folder the
/// run starts in; `--config` forces one file for every page.
#[test]
fn each_page_uses_its_nearest_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let page = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    for folder in ["docs/legacy", "docs/current"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("codes.md"), page).unwrap();
    }
    std::fs::write(
        dir.path().join("docs/legacy/statusdoc.toml"),
        "[rules]\nwrong-reason-phrase = \"off\"\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
            .args(["lint", "docs", "--format", "concise"])
            .args(extra)
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let out = run(&[]);
    assert!(
        out.contains("docs/current/codes.md:4:9: error[SD101]"),
        "{out}"
    );
    assert!(!out.contains("docs/legacy/codes.md"), "{out}");
    // The command line wins over the nearest file.
    let out = run(&["--rule", "SD101=warning"]);
    assert!(
        out.contains("docs/legacy/codes.md:4:9: warning[SD101]"),
        "{out}"
    );
    // --config forces one configuration for every page.
    std::fs::write(dir.path().join("empty.toml"), "").unwrap();
    let out = run(&["--config", "empty.toml"]);
    assert!(
        out.contains("docs/legacy/codes.md:4:9: error[SD101]"),
        "{out}"
    );
}

/// `--fix` never writes a read-only page or one with other hard links (a rename would
/// leave the other links with the old text): it says so and exits 2.
#[cfg(unix)]
#[test]
fn fix_refuses_read_only_and_hard_linked_pages() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let page = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 413 | Request Entity Too Large |\n";
    let read_only = dir.path().join("read-only.md");
    std::fs::write(&read_only, page).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let linked = dir.path().join("linked.md");
    std::fs::write(&linked, page).unwrap();
    std::fs::hard_link(&linked, dir.path().join("other-link.md")).unwrap();
    for file in [&read_only, &linked] {
        let output = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
            .args(["lint", "--fix", "--rule", "SD103=error"])
            .arg(file)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains("not fixed"), "{}", stderr(&output));
        assert_eq!(std::fs::read_to_string(file).unwrap(), page);
    }
}

/// A fixed page keeps its mode, and `--fix` reports what it fixed.
#[cfg(unix)]
#[test]
fn fix_keeps_the_mode_and_applies_whole_fixes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("codes.md");
    std::fs::write(
        &file,
        "| Code | Title |\n|---|---|\n| 200 | OK |\n| 413 | Request Entity Too Large |\n",
    )
    .unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args(["lint", "--fix"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        stderr(&output).contains("fixed 1 finding(s) in 1 file(s)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "| Code | Title |\n|---|---|\n| 200 | OK |\n| 413 | Content Too Large |\n"
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

/// A FIFO named on the command line is refused at once (never opened, so never
/// blocking); a symbolic link met while walking is said, not skipped in silence; a
/// newline or a byte that is not UTF-8 in a file name is escaped, so one finding stays
/// one line and names the file as it is on disk.
#[cfg(unix)]
#[test]
fn odd_files_are_reported_not_hung_on_or_hidden() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let page = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    let fifo = dir.path().join("pipe.md");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_statusdoc"))
            .arg("lint")
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let output = run(&[fifo.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );

    let tree = dir.path().join("docs");
    std::fs::create_dir(&tree).unwrap();
    std::fs::write(tree.join("codes.md"), page).unwrap();
    std::os::unix::fs::symlink(tree.join("codes.md"), tree.join("link.md")).unwrap();
    std::fs::write(tree.join("new\nline.md"), page).unwrap();
    std::fs::write(
        tree.join(std::ffi::OsStr::from_bytes(b"latin\xe9.md")),
        page,
    )
    .unwrap();
    let output = run(&[
        tree.as_os_str(),
        std::ffi::OsStr::new("--format"),
        std::ffi::OsStr::new("concise"),
    ]);
    assert!(
        stderr(&output).contains("link.md: a symbolic link, not followed"),
        "{}",
        stderr(&output)
    );
    let out = stdout(&output);
    assert!(out.contains("new\\nline.md:4:9: error[SD101]"), "{out}");
    assert!(out.contains("latin\\xE9.md:4:9: error[SD101]"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains("error[SD101]")).count(),
        3,
        "{out}"
    );
}

/// Whether the tests run under CI (`cargo xtask ci` sets CI=true), where a missing
/// validator is a failure rather than a skipped check.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// A docs project in a temporary folder: `statusdoc.toml` at its root and one page
/// with findings under `docs/`.
fn docs_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("statusdoc.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(
        dir.path().join("docs/codes.md"),
        "# Status codes\n\n| Code | Title |\n|---|---|\n| 200 | OK |\n| 413 | Request Entity Too Large |\n| 415 | Not Acceptable |\n",
    )
    .unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statusdoc"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .output()
        .unwrap()
}

/// (path, fingerprint, line) of every SARIF result, and (path, fingerprint) of every
/// GitLab issue.
type Identities = (Vec<(String, String, u64)>, Vec<(String, String)>);

fn identities(dir: &Path, args: &[&str]) -> Identities {
    let mut with_format = args.to_vec();
    with_format.extend(["--format", "sarif"]);
    let output = run_in(dir, &with_format);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &sarif["runs"][0];
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    let sarif_ids = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
            (
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                r["partialFingerprints"]["statusdoc/v2"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut with_format = args.to_vec();
    with_format.extend(["--format", "gitlab"]);
    let gitlab: serde_json::Value =
        serde_json::from_slice(&run_in(dir, &with_format).stdout).unwrap();
    let gitlab_ids = gitlab
        .as_array()
        .unwrap()
        .iter()
        .map(|issue| {
            (
                issue["location"]["path"].as_str().unwrap().to_owned(),
                issue["fingerprint"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (sarif_ids, gitlab_ids)
}

/// Paths are relative to the project root (the folder of statusdoc.toml) however they
/// were typed, so the same finding has the same path and fingerprint each time; and a
/// fingerprint survives the lines above the finding moving.
#[test]
fn the_same_finding_has_the_same_path_and_fingerprint_however_typed() {
    let dir = docs_project();
    let absolute = dir.path().join("docs");
    let relative = identities(dir.path(), &["lint", "docs/"]);
    assert!(!relative.0.is_empty());
    assert!(relative
        .0
        .iter()
        .all(|(path, _, _)| path == "docs/codes.md"));
    assert!(relative.1.iter().all(|(path, _)| path == "docs/codes.md"));
    assert_eq!(
        identities(dir.path(), &["lint", absolute.to_str().unwrap()]),
        relative
    );
    assert_eq!(identities(&absolute, &["lint", "."]), relative);
    // The human and concise outputs name the page the same way.
    let output = run_in(&absolute, &["lint", ".", "--format", "concise"]);
    assert!(
        stdout(&output).starts_with("docs/codes.md:6:"),
        "{}",
        stdout(&output)
    );
    // --project-root names paths relative to another folder.
    let output = run_in(
        dir.path(),
        &[
            "lint",
            "docs",
            "--format",
            "concise",
            "--project-root",
            "docs",
        ],
    );
    assert!(
        stdout(&output).starts_with("codes.md:6:"),
        "{}",
        stdout(&output)
    );

    // Two lines more above the table: the lines change, the fingerprints do not.
    let page = dir.path().join("docs/codes.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("Intro.\n\n{text}")).unwrap();
    let shifted = identities(dir.path(), &["lint", "docs"]);
    let fingerprints = |ids: &Identities| {
        (
            ids.0.iter().map(|i| i.1.clone()).collect::<Vec<_>>(),
            ids.1.clone(),
        )
    };
    assert_eq!(fingerprints(&shifted), fingerprints(&relative));
    assert!(shifted
        .0
        .iter()
        .zip(&relative.0)
        .all(|(after, before)| after.2 == before.2 + 2));
}

/// The git work tree's root is the project root when there is no statusdoc.toml.
#[test]
fn without_a_config_the_git_root_is_the_project_root() {
    let dir = docs_project();
    std::fs::remove_file(dir.path().join("statusdoc.toml")).unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = run_in(
        &dir.path().join("docs"),
        &["lint", ".", "--format", "concise"],
    );
    assert!(
        stdout(&output).starts_with("docs/codes.md:6:"),
        "{}",
        stdout(&output)
    );
}

/// The rule descriptors carry what code scanning shows: the first sentence of "What
/// it does", the whole section, a help page per rule; the run says how it ended and
/// which files it could not read.
#[test]
fn sarif_describes_rules_and_the_run() {
    let dir = docs_project();
    let output = run_in(
        dir.path(),
        &["lint", "docs", "missing.md", "--format", "sarif"],
    );
    assert_eq!(output.status.code(), Some(2));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let sd101 = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "SD101")
        .unwrap();
    let short = sd101["shortDescription"]["text"].as_str().unwrap();
    let full = sd101["fullDescription"]["text"].as_str().unwrap();
    assert!(short.ends_with('.') && !short.contains('\n'), "{short}");
    let flat = full.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.starts_with(short) && !full.contains("## "), "{full}");
    assert!(sd101["helpUri"]
        .as_str()
        .unwrap()
        .ends_with("/generated/docs/rules/SD101.md"));
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["exitCode"], 2);
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.md"
    );
}

/// `target/tools` with Microsoft's SARIF multitool, installed from npm on first use;
/// `None` (the test skips) only outside CI when it cannot be installed.
fn sarif_multitool() -> Option<PathBuf> {
    let tools = workspace().join("target/tools");
    let installed = || tools.join("node_modules/.bin/sarif-multitool").exists();
    if !installed() {
        std::fs::create_dir_all(&tools).unwrap();
        let status = Command::new("npm")
            .args([
                "install",
                "--prefix",
                "target/tools",
                "--no-audit",
                "--no-fund",
                "--silent",
                "@microsoft/sarif-multitool@5",
            ])
            .current_dir(workspace())
            .status();
        if !installed() {
            let reason = format!("npm install @microsoft/sarif-multitool failed: {status:?}");
            assert!(!in_ci(), "{reason}");
            eprintln!("skipped: {reason}");
            return None;
        }
    }
    Some(tools)
}

/// The SARIF of a run validates with Microsoft's SARIF multitool, with the rules of
/// the SARIF specification and those of GitHub code scanning, for pages named
/// relative to the project root and by absolute paths outside it.
#[test]
fn sarif_validates_with_the_sarif_multitool() {
    let Some(tools) = sarif_multitool() else {
        return;
    };
    let dir = docs_project();
    let outside = tempfile::tempdir().unwrap();
    let elsewhere = outside.path().join("other page.md");
    std::fs::copy(dir.path().join("docs/codes.md"), &elsewhere).unwrap();
    let cases: [(&str, Vec<&str>); 3] = [
        ("relative", vec!["lint", "docs"]),
        ("absolute", vec!["lint", elsewhere.to_str().unwrap()]),
        ("unreadable", vec!["lint", "docs", "missing.md"]),
    ];
    for (name, mut args) in cases {
        args.extend(["--format", "sarif"]);
        let output = run_in(dir.path(), &args);
        let file = dir.path().join(format!("{name}.sarif"));
        std::fs::write(&file, &output.stdout).unwrap();
        let log = dir.path().join(format!("{name}.validation.sarif"));
        // The package's launcher runs the tool through a shell: the rule kinds are
        // quoted so that the shell does not split them at `;`.
        let validated = Command::new("npx")
            .args(["--no-install", "sarif-multitool", "validate"])
            .args(["--rule-kind", "'Sarif;Gh;Ghas'"])
            .arg("--output")
            .arg(&log)
            .arg(&file)
            .current_dir(&tools)
            .output()
            .unwrap();
        assert!(
            validated.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&validated.stdout),
            String::from_utf8_lossy(&validated.stderr)
        );
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&log).unwrap()).unwrap();
        let problems: Vec<String> = report["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["level"] != "note")
            .map(|r| format!("{}: {}", r["ruleId"], r["message"]))
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
}

/// The JUnit output validates against the junit-10 schema (Jenkins'), with a failed
/// test case per page with errors and an errored one per file that could not be read.
#[test]
fn junit_validates_against_the_junit_10_schema() {
    let dir = docs_project();
    std::fs::write(
        dir.path().join("docs/clean.md"),
        "| Code | Title |\n|---|---|\n| 200 | OK |\n| 404 | Not Found |\n",
    )
    .unwrap();
    let output = run_in(
        dir.path(),
        &["lint", "docs", "missing.md", "--format", "junit"],
    );
    assert_eq!(output.status.code(), Some(2));
    let xml = stdout(&output);
    assert!(
        xml.contains("tests=\"3\" failures=\"1\" errors=\"1\""),
        "{xml}"
    );
    assert!(xml.contains("<testcase name=\"missing.md\" classname=\"statusdoc\">\n            <error message=\"the file could not be read\" type=\"unreadable-file\">missing.md: no such file or folder</error>"), "{xml}");
    let file = dir.path().join("junit.xml");
    std::fs::write(&file, &xml).unwrap();
    let schema = workspace().join("crates/statusdoc/tests/fixtures/junit-10.xsd");
    match Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(validated) => assert!(
            validated.status.success(),
            "{}",
            String::from_utf8_lossy(&validated.stderr)
        ),
        Err(error) => {
            let reason = format!("xmllint (Debian's libxml2-utils) is missing: {error}");
            assert!(!in_ci(), "{reason}");
            eprintln!("skipped: {reason}");
        }
    }
}

/// Validates `instance` against a schema of `generated/schemas/`.
fn assert_valid(schema_file: &str, instance: &serde_json::Value) {
    let text =
        std::fs::read_to_string(workspace().join("generated/schemas").join(schema_file)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_file}: {errors:#?}");
}

/// `lint --format json` (streamed for a docs tree, whole for a corpus) and `extract
/// --format json` validate against their generated schemas, which say what unit each
/// position is in.
#[test]
fn json_outputs_validate_against_their_schemas() {
    for args in [
        &["lint", "--format", "json", "tests/fixtures/seeds"][..],
        &["lint", "--format", "json", "sources"][..],
        &["lint", "--format", "json", "--summary", SEED_000][..],
    ] {
        let output = statusdoc(args);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(
            !json["diagnostics"].as_array().unwrap().is_empty(),
            "{args:?}"
        );
        assert_valid("lint.schema.json", &json);
    }
    let output = statusdoc(&["extract", "--format", "json", "tests/fixtures/seeds"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["documents"].as_array().unwrap().len() > 3);
    assert_valid("extract.schema.json", &json);

    let schema =
        std::fs::read_to_string(workspace().join("generated/schemas/lint.schema.json")).unwrap();
    assert!(schema.contains("in Unicode code points"), "{schema}");
    assert!(schema.contains("Byte offset of the first byte"), "{schema}");
    let schema =
        std::fs::read_to_string(workspace().join("generated/schemas/extract.schema.json")).unwrap();
    assert!(schema.contains("in Unicode code points"), "{schema}");
}

fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8], env: &[(&str, &str)]) -> Output {
    use std::io::Write as _;
    let mut command = Command::new(env!("CARGO_BIN_EXE_statusdoc"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// `-` reads the page from standard input; `--stdin-filename` gives it a name, which
/// decides its format, its configuration and its path in the output.
#[test]
fn standard_input_is_a_page() {
    let dir = docs_project();
    std::fs::write(
        dir.path().join("docs/statusdoc.toml"),
        "[rules]\nobsolete-reason-phrase = \"off\"\n",
    )
    .unwrap();
    let page = std::fs::read(dir.path().join("docs/codes.md")).unwrap();
    let output = run_with_stdin(
        dir.path(),
        &["lint", "-", "--format", "concise"],
        &page,
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("-:7:9: error[SD101]"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("warning[SD103]"),
        "{}",
        stdout(&output)
    );
    let output = run_with_stdin(
        dir.path(),
        &[
            "lint",
            "-",
            "--stdin-filename",
            "docs/new.md",
            "--format",
            "concise",
        ],
        &page,
        &[],
    );
    let out = stdout(&output);
    assert!(out.contains("docs/new.md:7:9: error[SD101]"), "{out}");
    assert!(!out.contains("SD103"), "docs/statusdoc.toml applies: {out}");
    // The name's extension decides the format: this text is reStructuredText.
    let rst = b"Codes\n=====\n\n+-----+----------------+\n| 415 | Not Acceptable |\n+-----+----------------+\n| 200 | OK             |\n+-----+----------------+\n";
    let output = run_with_stdin(
        dir.path(),
        &["extract", "-", "--stdin-filename", "codes.rst"],
        rst,
        &[],
    );
    assert!(
        stdout(&output).starts_with("codes.rst (reStructuredText, 2 entries)"),
        "{}",
        stdout(&output)
    );
    let output = run_with_stdin(dir.path(), &["lint", "-", "--fix"], &page, &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

/// `-o FILE` writes the output to a file, atomically; `--quiet` prints only the
/// findings; `--exit-zero` exits 0 with failing findings (but 2 stays 2).
#[test]
fn output_file_quiet_and_exit_zero() {
    let dir = docs_project();
    let output = run_in(dir.path(), &["lint", "docs", "-o", "out/report.txt"]);
    assert!(
        !dir.path().join("out").exists(),
        "a missing folder is an error"
    );
    assert_eq!(output.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    for format in ["human", "json", "sarif"] {
        let file = format!("out/report.{format}");
        let output = run_in(
            dir.path(),
            &["lint", "docs", "--format", format, "-o", &file],
        );
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(output.stdout.is_empty());
        let written = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        let direct = run_in(dir.path(), &["lint", "docs", "--format", format]);
        assert_eq!(written, stdout(&direct), "{format}");
    }
    // Only the report is left in the folder: no temporary file.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        3
    );

    let output = run_in(dir.path(), &["lint", "docs", "--quiet"]);
    let out = stdout(&output);
    assert!(out.contains("error[SD101]"), "{out}");
    assert!(!out.contains(" in 1 page"), "{out}");
    let output = run_in(dir.path(), &["lint", "docs", "--exit-zero"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("error[SD101]"));
    let output = run_in(dir.path(), &["lint", "docs", "missing.md", "--exit-zero"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Colour follows --color, then NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR, CLICOLOR and
/// TERM=dumb; a pipe is not coloured by default.
#[test]
fn colour_follows_the_conventions() {
    let dir = docs_project();
    let page = std::fs::read(dir.path().join("docs/codes.md")).unwrap();
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["lint", "-"];
        all.extend(args);
        stdout(&run_with_stdin(dir.path(), &all, &page, env)).contains('\u{1b}')
    };
    assert!(!coloured(&[], &[]), "a pipe is not a terminal");
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("FORCE_COLOR", "1")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(!coloured(&[], &[("FORCE_COLOR", "0")]));
    assert!(!coloured(&["-o", "out.txt"], &[]));
    assert!(!std::fs::read_to_string(dir.path().join("out.txt"))
        .unwrap()
        .contains('\u{1b}'));
}

/// A reader that stops reading (`| head`) ends the run quietly, with the status its
/// findings give.
#[test]
fn a_closed_pipe_ends_quietly_with_the_status_of_the_findings() {
    let dir = docs_project();
    // Enough pages that the output outlasts the pipe's buffer.
    for i in 0..400 {
        std::fs::copy(
            dir.path().join("docs/codes.md"),
            dir.path().join(format!("docs/copy{i}.md")),
        )
        .unwrap();
    }
    for format in ["human", "json", "sarif"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_statusdoc"))
            .args(["lint", "docs", "--format", format])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{format}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{err}"
        );
    }
}

#[test]
fn completions_man_page_and_rules_formats() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = statusdoc(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        assert!(stdout(&output).contains("stdin-filename"), "{shell}");
    }
    let man = std::fs::read_to_string(workspace().join("generated/statusdoc.1")).unwrap();
    assert!(man.contains(".TH statusdoc 1"), "{man}");
    assert!(
        man.contains("STATUSDOC LINT") && man.contains("project\\-root"),
        "{man}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&statusdoc(&["rules", "--format", "json"]).stdout).unwrap();
    assert!(json.as_array().unwrap().iter().any(|r| r["id"] == "SD006"));
    assert_eq!(
        statusdoc(&["rules", "--json"]).stdout,
        statusdoc(&["rules", "--format", "json"]).stdout
    );
    assert!(stdout(&statusdoc(&["rules", "--format", "text"])).contains("SD006  unreadable-page"));
}

/// Walking reads the tree as git sees it: what `.gitignore` and `.ignore` ignore and
/// hidden files are skipped; an empty page and a binary `.md` found by walking are
/// findings (`unreadable-page`) in every format, and the exit status is the findings'
/// (1), not a failure to run (2); a symbolic link not followed is counted.
#[test]
fn walking_skips_ignored_files_and_reports_unreadable_pages() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let clean = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 404 | Not Found |\n";
    let wrong = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    for folder in ["docs/drafts", "docs/.hidden", "docs/vendor"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
    }
    std::fs::write(docs.join(".gitignore"), "drafts/\nscratch.md\n").unwrap();
    std::fs::write(docs.join(".ignore"), "vendor/\n").unwrap();
    std::fs::write(docs.join("codes.md"), clean).unwrap();
    for ignored in [
        "drafts/codes.md",
        "scratch.md",
        ".hidden/codes.md",
        "vendor/codes.md",
    ] {
        std::fs::write(docs.join(ignored), wrong).unwrap();
    }
    std::fs::write(docs.join("empty.md"), "").unwrap();
    std::fs::write(
        docs.join("image.md"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(docs.join("codes.md"), docs.join("link.md")).unwrap();

    let output = run_in(dir.path(), &["lint", "docs"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}{}", stderr(&output));
    assert!(!out.contains("SD101"), "ignored files are not read: {out}");
    assert!(out.contains("warning[SD006]: the file is empty"), "{out}");
    assert!(out.contains("--> docs/empty.md:1:1"), "{out}");
    assert!(
        out.contains("error[SD006]: the file looks binary (a NUL byte at byte 8)"),
        "{out}"
    );
    assert!(out.contains("--> docs/image.md:3:1"), "{out}");
    assert!(
        out.contains(
            "1 error, 1 warning in 3 pages (1 with status codes); 1 symbolic link not followed"
        ),
        "{out}"
    );
    assert!(
        out.contains("    1  SD006  error    unreadable-page"),
        "{out}"
    );
    assert!(
        out.contains("    1  SD006  warning  unreadable-page"),
        "{out}"
    );

    let expectations: [(&str, &[&str]); 6] = [
        (
            "concise",
            &[
                "docs/empty.md:1:1: warning[SD006]",
                "docs/image.md:3:1: error[SD006]",
            ],
        ),
        (
            "json",
            &["\"path\": \"docs/empty.md\"", "\"path\": \"docs/image.md\""],
        ),
        (
            "github",
            &[
                "::warning file=docs/empty.md,line=1,col=1,",
                "::error file=docs/image.md,line=3,col=1,",
            ],
        ),
        (
            "gitlab",
            &["\"path\": \"docs/empty.md\"", "\"path\": \"docs/image.md\""],
        ),
        (
            "sarif",
            &["\"uri\": \"docs/empty.md\"", "\"uri\": \"docs/image.md\""],
        ),
        (
            "junit",
            &[
                "<testcase name=\"docs/empty.md\"",
                "<testcase name=\"docs/image.md\"",
            ],
        ),
    ];
    for (format, expected) in expectations {
        let output = run_in(dir.path(), &["lint", "docs", "--format", format]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        let out = stdout(&output);
        assert!(out.matches("SD006").count() >= 2, "{format}: {out}");
        for text in expected {
            assert!(out.contains(text), "{format}: {text} in {out}");
        }
    }
    // Named on the command line, the same file is an error of the run.
    let output = run_in(dir.path(), &["lint", "docs/empty.md"]);
    assert_eq!(output.status.code(), Some(2));
}

/// `exclude`, `extend-exclude` and `include` in statusdoc.toml and `--exclude` on the
/// command line choose what walking reads; a bad glob is a located error.
#[test]
fn exclude_and_include_globs_choose_what_walking_reads() {
    let dir = tempfile::tempdir().unwrap();
    let wrong = "| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n";
    for page in [
        "docs/a.md",
        "docs/legacy/b.md",
        "docs/target/c.md",
        "docs/d.draft.md",
        "guides/e.md",
    ] {
        let path = dir.path().join(page);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, wrong).unwrap();
    }
    let read = |config: &str, extra: &[&str]| {
        std::fs::write(dir.path().join("statusdoc.toml"), config).unwrap();
        let mut args = vec!["lint", ".", "--format", "concise"];
        args.extend(extra);
        let output = run_in(dir.path(), &args);
        let mut pages: Vec<String> = stdout(&output)
            .lines()
            .filter_map(|l| l.split(':').next().map(str::to_owned))
            .collect();
        pages.dedup();
        (pages, stderr(&output))
    };
    assert_eq!(
        read("", &[]).0,
        [
            "docs/a.md",
            "docs/d.draft.md",
            "docs/legacy/b.md",
            "guides/e.md"
        ]
    );
    assert_eq!(
        read("extend-exclude = [\"*.draft.md\", \"docs/legacy\"]\n", &[]).0,
        ["docs/a.md", "guides/e.md"]
    );
    assert_eq!(
        read("exclude = [\"legacy\"]\n", &[]).0,
        [
            "docs/a.md",
            "docs/d.draft.md",
            "docs/target/c.md",
            "guides/e.md"
        ]
    );
    assert_eq!(
        read("include = [\"docs/**\"]\n", &[]).0,
        ["docs/a.md", "docs/d.draft.md", "docs/legacy/b.md"]
    );
    assert_eq!(
        read("", &["--exclude", "guides", "--exclude", "docs/*.md"]).0,
        ["docs/legacy/b.md"]
    );
    // A file named on the command line is read whatever the globs say.
    std::fs::write(dir.path().join("statusdoc.toml"), "exclude = [\"docs\"]\n").unwrap();
    let output = run_in(dir.path(), &["lint", "docs/a.md", "--format", "concise"]);
    assert!(
        stdout(&output).starts_with("docs/a.md:"),
        "{}",
        stdout(&output)
    );
    let (_, err) = read("[rules]\nSD101 = \"error\"\n", &[]);
    assert!(err.is_empty(), "{err}");
    std::fs::write(
        dir.path().join("statusdoc.toml"),
        "extend-exclude = [\"a[b\"]\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["lint", "."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("statusdoc.toml:1:19: bad glob"),
        "{}",
        stderr(&output)
    );
}

/// The streamed output of a docs tree is the output the whole-run path writes.
#[test]
fn streamed_output_is_the_whole_run_output() {
    let tree = "tests/fixtures/seeds";
    for format in ["human", "json"] {
        let streamed = statusdoc(&["lint", tree, "--format", format]);
        // --summary makes the run whole (pages are compared); it adds its table after
        // the output (human) or on stderr (JSON).
        let whole = statusdoc(&["lint", tree, "--format", format, "--summary"]);
        assert!(
            stdout(&whole).starts_with(&stdout(&streamed)),
            "{format}:\n{}\n---\n{}",
            stdout(&streamed),
            stdout(&whole)
        );
        if format == "json" {
            assert_eq!(stdout(&whole), stdout(&streamed));
        }
    }
}

/// `-o /dev/null` writes to the device: the atomic rename used for files would replace
/// the device itself with a regular file.
#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let output = statusdoc(&["lint", SEED_000, "--format", "json", "-o", "/dev/null"]);
    assert!(output.status.code().is_some(), "{}", stderr(&output));
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/null is no longer a device");
}

/// The lint cache: a warm run prints what a cold one does, a changed page is linted
/// again, a cache that cannot be read is ignored, and `--no-cache` writes nothing.
#[test]
fn lint_cache_reuses_unchanged_pages_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    let page = dir.path().join("docs/errors.md");
    let table = |title: &str| {
        format!("# Status codes\n\n| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | {title} |\n")
    };
    std::fs::write(&page, table("Not Acceptable")).unwrap();
    std::fs::write(
        dir.path().join("docs/other.md"),
        "# Guide\n\nNothing here.\n",
    )
    .unwrap();
    let cold = run_in(dir.path(), &["lint", "docs", "--format", "json"]);
    assert_eq!(cold.status.code(), Some(1), "{}", stderr(&cold));
    let cache = dir.path().join(".statusdoc_cache");
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    let warm = run_in(dir.path(), &["lint", "docs", "--format", "json"]);
    assert_eq!(stdout(&warm), stdout(&cold));
    assert_eq!(warm.status.code(), cold.status.code());

    // A changed page of the same size is read and linted again.
    std::fs::write(&page, table("Not Acceptabl.")).unwrap();
    let changed = run_in(dir.path(), &["lint", "docs", "--format", "json"]);
    let fresh = run_in(
        dir.path(),
        &["lint", "docs", "--format", "json", "--no-cache"],
    );
    assert_eq!(stdout(&changed), stdout(&fresh));
    assert_ne!(stdout(&changed), stdout(&cold));

    // A cache file that is not one is ignored (and replaced).
    let cache_files = || -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with("lint-")
            })
            .collect();
        files.sort();
        files
    };
    let written = cache_files();
    assert_eq!(written.len(), 1, "{written:?}");
    std::fs::write(&written[0], "{ not a cache").unwrap();
    // What another build of statusdoc left is removed when the cache is written.
    let stale = cache.join("lint-0123456789abcdef-0123456789abcdef.bin");
    std::fs::write(&stale, "old").unwrap();
    let after_garbage = run_in(dir.path(), &["lint", "docs", "--format", "json"]);
    assert_eq!(stdout(&after_garbage), stdout(&fresh));
    assert_eq!(cache_files(), written);
    let warm_again = run_in(dir.path(), &["lint", "docs", "--format", "json"]);
    assert_eq!(stdout(&warm_again), stdout(&fresh));

    // --no-cache neither reads nor writes.
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir(other.path().join("docs")).unwrap();
    std::fs::write(other.path().join("docs/errors.md"), table("Not Acceptable")).unwrap();
    run_in(other.path(), &["lint", "docs", "--no-cache"]);
    assert!(!other.path().join(".statusdoc_cache").exists());
}
