//! `cargo xtask ci`: the one command CI and developers run. It sets up what the tests
//! need first, so that a fresh machine needs nothing by hand.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context};

use crate::generate;
use crate::root;

fn run_step(name: &str, command: &mut Command) -> anyhow::Result<()> {
    eprintln!("\n==> {name}");
    let start = std::time::Instant::now();
    // No step reads the terminal (or whatever CI's standard input is).
    let status = command
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .status()
        .with_context(|| format!("starting {name}"))?;
    if !status.success() {
        bail!("{name} failed ({status}) after {}", elapsed(start));
    }
    eprintln!("    ({name}: {})", elapsed(start));
    Ok(())
}

/// A step's wall time, as `4m07s` (CI must stay under 15 minutes: the log says where
/// the time went).
fn elapsed(start: std::time::Instant) -> String {
    let seconds = start.elapsed().as_secs();
    format!("{}m{:02}s", seconds / 60, seconds % 60)
}

/// Runs an in-process step with the same heading and timing as [`run_step`].
fn run_in_process(name: &str, step: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    eprintln!("\n==> {name}");
    let start = std::time::Instant::now();
    step()?;
    eprintln!("    ({name}: {})", elapsed(start));
    Ok(())
}

/// Cargo for a step, in the environment CI gave `cargo xtask`, not the one `cargo run`
/// gives the xtask binary (its library path points into `target/`), and without a
/// cached compiler probe: a probe cached while another step's build scripts ran has
/// been seen to poison every later build with a compiler error.
pub(crate) fn cargo() -> Command {
    let _ = std::fs::remove_file(root().join("target/.rustc_info.json"));
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Nothing a step starts reads the standard input CI gave us.
    command.stdin(std::process::Stdio::null());
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key == "LD_LIBRARY_PATH"
            || key == "RUST_RECURSION_COUNT"
            || key.starts_with("CARGO_PKG_")
            || key.starts_with("CARGO_MANIFEST_")
        {
            command.env_remove(&key);
        }
    }
    command
}

/// A Python with docutils, for the reStructuredText reference tests: a venv under
/// `target/`, made on first use.
fn ensure_docutils() -> anyhow::Result<PathBuf> {
    let venv = root().join("target/venv");
    let python = venv.join("bin/python");
    let has_docutils = |python: &PathBuf| {
        Command::new(python)
            .args(["-c", "import docutils"])
            .status()
            .is_ok_and(|s| s.success())
    };
    // pre-commit too, for the test of the hooks in .pre-commit-hooks.yaml.
    let has_pre_commit = venv.join("bin/pre-commit").exists();
    if python.exists() && has_docutils(&python) && has_pre_commit {
        return Ok(python);
    }
    if !python.exists() {
        run_step(
            "create target/venv",
            Command::new("python3").args(["-m", "venv"]).arg(&venv),
        )?;
    }
    run_step(
        "pip install docutils pre-commit",
        Command::new(venv.join("bin/pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "docutils",
            "pre-commit",
        ]),
    )?;
    Ok(python)
}

/// Debian's Chromium, for the browser tests of the HTML reader and the vendor matrix,
/// and its chromedriver (`chromium-driver`), through which the matrix test drives it.
fn ensure_chromium() -> anyhow::Result<()> {
    if PathBuf::from("/usr/bin/chromium").exists()
        && PathBuf::from("/usr/bin/chromedriver").exists()
    {
        return Ok(());
    }
    if !is_root() {
        bail!("Chromium is missing: install Debian's `chromium` and `chromium-driver` packages (sudo apt-get install chromium chromium-driver)");
    }
    apt_get_update()?;
    run_step(
        "apt-get install chromium chromium-driver",
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `apt-get update`, once per run however many packages are installed.
fn apt_get_update() -> anyhow::Result<()> {
    static UPDATED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if UPDATED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return Ok(());
    }
    run_step(
        "apt-get update",
        Command::new("apt-get").args(["update", "-qq"]),
    )
}

/// Whether this process runs as root (and so may install Debian packages).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Debian's `xmllint` (package libxml2-utils), for the JUnit schema test.
fn ensure_xmllint() -> anyhow::Result<()> {
    if Command::new("xmllint").arg("--version").output().is_ok() {
        return Ok(());
    }
    if !is_root() {
        bail!("xmllint is missing: install Debian's `libxml2-utils` package (sudo apt-get install libxml2-utils)");
    }
    apt_get_update()?;
    run_step(
        "apt-get install libxml2-utils",
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "libxml2-utils",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The SARIF multitool (`@microsoft/sarif-multitool` from npm) in `target/tools`, for
/// the SARIF validation test (which would install it itself; installed here so that a
/// failure says why).
fn ensure_sarif_multitool() -> anyhow::Result<()> {
    let tools = root().join("target/tools");
    if tools.join("node_modules/.bin/sarif-multitool").exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&tools)?;
    run_step(
        "npm install @microsoft/sarif-multitool",
        Command::new("npm").args([
            "install",
            "--prefix",
            "target/tools",
            "--no-audit",
            "--no-fund",
            "--silent",
            "@microsoft/sarif-multitool@5",
        ]),
    )
}

pub fn run() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    // What the tests need is installed while fmt, clippy and the tests' compilation
    // run: the installs wait on the network and the package manager, the compiler on
    // the processors. The tests start once both are done.
    let installs = std::thread::spawn(|| -> anyhow::Result<PathBuf> {
        let python = ensure_docutils()?;
        ensure_chromium()?;
        ensure_xmllint()?;
        ensure_sarif_multitool()?;
        Ok(python)
    });
    run_step(
        "cargo fmt --check",
        cargo().args(["fmt", "--all", "--", "--check"]),
    )?;
    run_step(
        "cargo clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // Compiling the tests needs none of the tools: it overlaps the installs too (a
    // first `apt-get install chromium` can take minutes).
    run_step(
        "cargo test --no-run",
        cargo().args(["test", "--workspace", "--no-run", "--quiet"]),
    )?;
    let python = installs
        .join()
        .map_err(|_| anyhow::anyhow!("installing the test tools panicked"))??;
    run_step(
        "cargo test",
        cargo()
            .args(["test", "--workspace"])
            .env("STATUSDOC_PYTHON", &python)
            .env("CI", "true"),
    )?;
    // Every crate stays publishable: versions on path dependencies, metadata, and no
    // file outside a crate that it needs (its data is copied into it by codegen).
    run_step(
        "cargo package",
        cargo().args([
            "package",
            "--workspace",
            "--exclude",
            "xtask",
            "--exclude",
            "statusdoc-tests",
            "--exclude",
            "workspace-hack",
            "--no-verify",
            "--allow-dirty",
            "--quiet",
        ]),
    )?;
    run_in_process("cargo xtask codegen --check", || generate::codegen(true))?;
    // In CI mode: generated/ is only checked and the snapshot never updated.
    std::env::set_var("CI", "true");
    run_in_process("cargo xtask lint-docs (check)", || {
        generate::lint_docs(false)
    })?;
    run_in_process(
        "cargo xtask score (against tests/wild/score-baseline.json)",
        || crate::score::run(false, false),
    )?;
    eprintln!("\nci: all checks passed in {}", elapsed(started));
    Ok(())
}
