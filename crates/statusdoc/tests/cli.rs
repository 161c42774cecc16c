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
        .map(|r| r["partialFingerprints"]["statusdoc/v1"].as_str().unwrap())
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
        xml.contains("<testsuites name=\"statusdoc\" tests=\"2\" failures=\"1\">"),
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
