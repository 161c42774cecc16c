//! The integrations users set up once: the pre-commit hooks (`.pre-commit-hooks.yaml`,
//! run by the pre-commit framework from PyPI) and the GitHub composite action
//! (`action.yml`, whose lint script runs here as the runner would run it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The folder of the binary under test, to put it on PATH.
fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_statusdoc"))
        .parent()
        .unwrap()
        .to_owned()
}

fn path_with_statusdoc() -> std::ffi::OsString {
    let mut paths = vec![bin_dir()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=statusdoc",
            "-c",
            "user.email=statusdoc@example.com",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// pre-commit from PyPI in the venv under `target/venv` (made on first use);
/// `None` (the test skips) only outside CI when it cannot be installed.
fn pre_commit() -> Option<PathBuf> {
    let venv = workspace().join("target/venv");
    let tool = venv.join("bin/pre-commit");
    if tool.exists() {
        return Some(tool);
    }
    if !venv.join("bin/pip").exists() {
        let _ = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status();
    }
    let status = Command::new(venv.join("bin/pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "pre-commit",
        ])
        .status();
    if tool.exists() {
        return Some(tool);
    }
    let reason = format!("pre-commit could not be installed in target/venv: {status:?}");
    assert!(!in_ci(), "{reason}");
    eprintln!("skipped: {reason}");
    None
}

/// A docs repository with one page with an error and one clean page.
fn docs_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(
        dir.path().join("docs/codes.md"),
        "| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("docs/clean.md"),
        "| Code | Title |\n|---|---|\n| 200 | OK |\n| 404 | Not Found |\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.yaml"), "a: 1\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    dir
}

/// The hooks of `.pre-commit-hooks.yaml` as pre-commit runs them from a hook
/// repository: the hook fails on a page with an error, passes on a clean one, and is
/// not given files that are not pages.
#[test]
fn the_pre_commit_hooks_lint_the_pages_of_a_commit() {
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let validated = Command::new(&pre_commit)
        .arg("validate-manifest")
        .arg(workspace().join(".pre-commit-hooks.yaml"))
        .output()
        .unwrap();
    assert!(validated.status.success(), "{}", text(&validated));

    // The hook repository as pre-commit clones it: the manifest and the hook script,
    // committed (a repository pre-commit installs from must be a git repository).
    let hooks = tempfile::tempdir().unwrap();
    std::fs::create_dir(hooks.path().join("integrations")).unwrap();
    for file in [".pre-commit-hooks.yaml", "integrations/pre-commit.sh"] {
        std::fs::copy(workspace().join(file), hooks.path().join(file)).unwrap();
    }
    git(hooks.path(), &["init", "-q"]);
    git(hooks.path(), &["add", "."]);
    git(hooks.path(), &["commit", "-q", "-m", "hooks"]);

    let docs = docs_repo();
    let cache = tempfile::tempdir().unwrap();
    let run = |hook: &str, files: &[&str]| {
        Command::new(&pre_commit)
            .args(["try-repo"])
            .arg(hooks.path())
            .arg(hook)
            .arg("--verbose")
            .arg("--files")
            .args(files)
            .current_dir(docs.path())
            .env("PRE_COMMIT_HOME", cache.path())
            // The script hook would build statusdoc from the hook repository once;
            // the test hands it the binary under test instead.
            .env("STATUSDOC", env!("CARGO_BIN_EXE_statusdoc"))
            .env("PATH", path_with_statusdoc())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    for hook in ["statusdoc", "statusdoc-system"] {
        let output = run(hook, &["docs/codes.md", "docs/clean.md", "notes.yaml"]);
        let out = text(&output);
        assert_eq!(output.status.code(), Some(1), "{hook}: {out}");
        assert!(out.contains("error[SD101]"), "{hook}: {out}");
        assert!(out.contains("docs/codes.md:4:9"), "{hook}: {out}");
        assert!(!out.contains("notes.yaml"), "{hook}: not a page: {out}");
        let output = run(hook, &["docs/clean.md", "notes.yaml"]);
        assert!(output.status.success(), "{hook}: {}", text(&output));
    }
}

/// The action's lint step, run as the runner runs it: the annotations on stdout, the
/// SARIF log written where the input says, the exit status as the `exit-code`
/// output, and the step itself succeeding (the action's last step fails the job).
#[test]
fn the_action_lint_step_writes_annotations_sarif_and_the_exit_code() {
    let docs = docs_repo();
    let outputs = docs.path().join("github-output");
    let run = |paths: &str| {
        std::fs::write(&outputs, "").unwrap();
        let output = Command::new("sh")
            .arg(workspace().join("integrations/action/lint.sh"))
            .current_dir(docs.path())
            .env("PATH", path_with_statusdoc())
            .env("GITHUB_OUTPUT", &outputs)
            .env("INPUT_PATHS", paths)
            .env("INPUT_ARGS", "--deny warnings")
            .env("INPUT_SARIF_FILE", "out/statusdoc.sarif")
            .output()
            .unwrap();
        (output, std::fs::read_to_string(&outputs).unwrap())
    };
    std::fs::create_dir(docs.path().join("out")).unwrap();
    let (output, recorded) = run("docs");
    assert!(output.status.success(), "{}", text(&output));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("::error file=docs/codes.md,line=4,col=9,"),
        "{out}"
    );
    assert!(recorded.contains("exit-code=1\n"), "{recorded}");
    assert!(
        recorded.contains("sarif-file=out/statusdoc.sarif\n"),
        "{recorded}"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(docs.path().join("out/statusdoc.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["invocations"][0]["exitCode"], 1);
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "docs/codes.md"
    );

    let (output, recorded) = run("docs/clean.md");
    assert!(output.status.success(), "{}", text(&output));
    assert!(recorded.contains("exit-code=0\n"), "{recorded}");
    let (output, recorded) = run("missing");
    assert!(output.status.success(), "{}", text(&output));
    assert!(recorded.contains("exit-code=2\n"), "{recorded}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("::error title=statusdoc::"),
        "{}",
        text(&output)
    );
}

/// The action's metadata names the scripts that exist, and its documentation in the
/// README matches the inputs it has.
#[test]
fn the_action_and_its_scripts_agree() {
    let action = std::fs::read_to_string(workspace().join("action.yml")).unwrap();
    for script in [
        "integrations/action/install.sh",
        "integrations/action/lint.sh",
    ] {
        assert!(action.contains(script), "{script}");
        assert!(workspace().join(script).is_file(), "{script}");
    }
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    for input in [
        "paths",
        "args",
        "sarif-file",
        "upload-sarif",
        "fail-on-findings",
    ] {
        assert!(action.contains(&format!("  {input}:\n")), "{input}");
        assert!(
            readme.contains(&format!("`{input}`")),
            "README documents {input}"
        );
    }
    assert!(readme.contains(".pre-commit-hooks.yaml") || readme.contains("id: statusdoc"));
}
