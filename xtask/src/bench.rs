//! `cargo xtask bench [--pages N] [--scaling]`: statusdoc on one generated docs tree,
//! side by side with what bounds it and with the tools people already run.
//!
//! On the tree of `cargo xtask gen-corpus --pages N` (in `target/bench/`), each figure
//! is the median of `--runs` runs (3), wall time and peak RSS of the child process
//! (`/usr/bin/time -f "%e %M"`):
//!
//! - the floor: `xtask bench --floor DIR` reads every file and parses it with its
//!   format's parser only (pulldown-cmark for Markdown, scraper for HTML; other files
//!   are only read), on one thread and on all cores;
//! - `statusdoc lint DIR --format json` (release build), `RAYON_NUM_THREADS=1` and all
//!   cores;
//! - markdownlint-cli2 (installed with npm into `target/bench-tools/`, every rule on)
//!   and statusdoc on a copy of the tree holding only its `.md` files;
//! - docutils' `publish_doctree` over every `.rst` file in one Python process (the
//!   venv in `target/venv`) and statusdoc on a copy holding only the `.rst` files.
//!
//! `--scaling` also lints trees of a quarter and half as many pages and reports the
//! growth exponents of time and peak RSS (log ratio over bytes); it fails when the
//! exponent over the whole 1× → 4× range exceeds 1.15 (the 2× steps are only shown).
//! The results, the load of the machine and the exact command behind each figure go to
//! `BENCHMARKS.md`. Timings are never asserted by tests.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context};
use rayon::prelude::*;

use crate::gen_corpus::{self, Options};
use crate::root;

const MARKDOWNLINT_VERSION: &str = "0.24.1";
/// Growth exponent (log time or RSS ratio over log size ratio) above which `--scaling`
/// fails: linting must stay close to linear in the size of the tree.
const MAX_EXPONENT: f64 = 1.15;
const TIME: &str = "/usr/bin/time";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Pages in the generated tree (about 5 kB each).
    #[arg(long, default_value_t = 20_000)]
    pub pages: usize,
    /// Seed of the generated tree.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also lint trees of 1/4 and 1/2 as many pages and report growth exponents; fail
    /// when the 1× → 4× time or RSS exponent exceeds 1.15.
    #[arg(long)]
    pub scaling: bool,
    /// Runs per figure (the median is reported).
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Only lint the generated input shapes (table rows, nesting depth, line length,
    /// findings, files at 1×, 4× and 16×) and print their growth exponents; fail above
    /// 1.15. `--scaling` includes them in `BENCHMARKS.md`.
    #[arg(long)]
    pub shapes: bool,
    /// Only read and parse every file under DIR with its format's parser (the floor).
    #[arg(long, value_name = "DIR")]
    pub floor: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    if let Some(dir) = &args.floor {
        return floor(dir);
    }
    if args.runs == 0 || args.pages < 4 {
        bail!("--runs must be at least 1 and --pages at least 4");
    }
    let root = root();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bench_dir = target.join("bench");
    let tools = target.join("bench-tools");

    step("cargo build --release -p statusdoc -p xtask");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "-p", "statusdoc", "-p", "xtask"])
        .current_dir(&root)
        .status()
        .context("starting cargo build")?;
    if !status.success() {
        bail!("cargo build --release failed ({status})");
    }
    let statusdoc = target.join("release/statusdoc");
    let xtask = target.join("release/xtask");
    if args.shapes {
        step("input shapes at 1×, 4×, 16×");
        let figures = crate::shapes::measure(&statusdoc, &bench_dir.join("shapes"), args.runs)?;
        let (section, exceeded) = crate::shapes::render(&figures);
        println!("{section}");
        // The section is its own experiment (no ratio to another tool): it replaces
        // the one in BENCHMARKS.md, the rest of which stays as `--scaling` wrote it.
        let path = root.join("BENCHMARKS.md");
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(at) = text.find("## Input shapes") {
            text.truncate(at);
        } else if !text.is_empty() && !text.ends_with("\n\n") {
            text.push('\n');
        }
        text.push_str(&section);
        std::fs::write(&path, text).context("writing BENCHMARKS.md")?;
        eprintln!("\nbench: wrote the input shapes into BENCHMARKS.md");
        if !exceeded.is_empty() {
            bail!(
                "growth exponent above {}: {}",
                crate::shapes::MAX_EXPONENT,
                exceeded.join(", ")
            );
        }
        return Ok(());
    }
    let output_flag = Command::new(&statusdoc)
        .args(["lint", "--help"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("--output"))
        .unwrap_or(false);

    let tree = ensure_tree(&bench_dir, args.pages, args.seed)?;
    let md_tree = subset(
        &tree,
        &bench_dir.join(format!("pages-{}-md-only", args.pages)),
        "md",
    )?;
    let rst_tree = subset(
        &tree,
        &bench_dir.join(format!("pages-{}-rst-only", args.pages)),
        "rst",
    )?;
    let stats = TreeStats::of(&tree)?;
    let md_stats = TreeStats::of(&md_tree)?;
    let rst_stats = TreeStats::of(&rst_tree)?;

    let logs = bench_dir.join("logs");
    std::fs::create_dir_all(&logs)?;
    let bench = Bench {
        root: root.clone(),
        logs,
        runs: args.runs,
        has_time: Path::new(TIME).exists(),
    };
    let lint = |dir: &Path, threads: Option<usize>| {
        let mut job = Job::new(&statusdoc).args([
            "lint".into(),
            rel(&root, dir),
            "--format".into(),
            "json".into(),
        ]);
        if output_flag {
            job = job.args(["-o".into(), "/dev/null".into()]);
        }
        // Cold: no cache is read or written (the warm runs below use one).
        job.args(["--no-cache".into()])
            .threads(threads)
            .accept(&[0, 1])
    };

    let mut figures = Vec::new();
    let mut notes = Vec::new();
    for (label, threads) in [("floor, 1 thread", Some(1)), ("floor, all cores", None)] {
        let job = Job::new(&xtask)
            .args(["bench".into(), "--floor".into(), rel(&root, &tree)])
            .threads(threads)
            .keep_stdout();
        figures.push(bench.measure(label, &stats, &job)?);
    }
    for (label, threads) in [
        ("statusdoc lint, 1 thread", Some(1)),
        ("statusdoc lint, all cores", None),
    ] {
        figures.push(bench.measure(label, &stats, &lint(&tree, threads))?);
    }

    // Warm: a copy of the tree linted once to fill a cache, then re-linted after one
    // page changed (a byte appended before every run).
    let warm_tree = bench_dir.join(format!("pages-{}-warm", args.pages));
    if !warm_tree.exists() {
        copy_tree(&tree, &warm_tree)?;
    }
    let cache_dir = bench_dir.join(format!("cache-{}", args.pages));
    let changed = first_page(&warm_tree, "md")?;
    let warm = |threads: Option<usize>| {
        let command = format!(
            "printf ' ' >> {} && exec {} lint {} --format json -o /dev/null --cache-dir {}",
            rel(&root, &changed),
            statusdoc.display(),
            rel(&root, &warm_tree),
            rel(&root, &cache_dir)
        );
        Job::new(Path::new("/bin/sh"))
            .args(["-c".into(), command])
            .threads(threads)
            .accept(&[0, 1])
    };
    let prime = std::process::Command::new(&statusdoc)
        .args(["lint", "--format", "json", "-o", "/dev/null", "--cache-dir"])
        .arg(&cache_dir)
        .arg(&warm_tree)
        .current_dir(&root)
        .status()?;
    if prime.code().is_some_and(|c| c <= 1) {
        for (label, threads) in [
            (
                "statusdoc lint, warm cache, one page changed, 1 thread",
                Some(1),
            ),
            (
                "statusdoc lint, warm cache, one page changed, all cores",
                None,
            ),
        ] {
            figures.push(bench.measure(label, &stats, &warm(threads))?);
        }
    } else {
        notes.push("the warm cache could not be primed".to_owned());
    }

    let mut md_figures = Vec::new();
    for (label, threads) in [
        ("statusdoc lint, 1 thread", Some(1)),
        ("statusdoc lint, all cores", None),
    ] {
        md_figures.push(bench.measure(label, &md_stats, &lint(&md_tree, threads))?);
    }
    match ensure_markdownlint(&tools) {
        Ok((bin, config)) => {
            let job = Job::new(&bin)
                .args([
                    "**/*.md".into(),
                    "--config".into(),
                    config.display().to_string(),
                ])
                .cwd(&md_tree)
                .accept_any();
            md_figures.push(bench.measure("markdownlint-cli2 (all rules)", &md_stats, &job)?);
        }
        Err(error) => notes.push(format!(
            "markdownlint-cli2 could not be installed: {error:#}"
        )),
    }

    let mut rst_figures = Vec::new();
    for (label, threads) in [
        ("statusdoc lint, 1 thread", Some(1)),
        ("statusdoc lint, all cores", None),
    ] {
        rst_figures.push(bench.measure(label, &rst_stats, &lint(&rst_tree, threads))?);
    }
    match ensure_docutils(&target).and_then(|python| Ok((python, docutils_script(&tools)?))) {
        Ok((python, script)) => {
            let job = Job::new(&python)
                .args([rel(&root, &script), rel(&root, &rst_tree)])
                .keep_stdout();
            rst_figures.push(bench.measure("docutils publish_doctree", &rst_stats, &job)?);
        }
        Err(error) => notes.push(format!("docutils is not available: {error:#}")),
    }

    let mut scaling = Vec::new();
    if args.scaling {
        let sizes = [args.pages / 4, args.pages / 2, args.pages];
        let mut trees = Vec::new();
        for pages in sizes {
            let dir = ensure_tree(&bench_dir, pages, args.seed)?;
            trees.push(TreeStats::of(&dir)?);
        }
        let jobs: Vec<(String, &TreeStats, Job)> = sizes
            .iter()
            .zip(&trees)
            .map(|(pages, stats)| {
                (
                    format!("statusdoc lint, all cores, {pages} pages"),
                    stats,
                    lint(&stats.dir, None),
                )
            })
            .collect();
        let figures = bench.measure_all(&jobs)?;
        scaling = sizes.into_iter().zip(figures).collect();
    }

    let report = Report {
        args,
        stats: &stats,
        md_stats: &md_stats,
        rst_stats: &rst_stats,
        figures: &figures,
        md_figures: &md_figures,
        rst_figures: &rst_figures,
        scaling: &scaling,
        notes: &notes,
        output_flag,
        tools: &tools,
        target: &target,
    };
    let (mut text, mut exceeded) = report.render()?;
    if args.scaling {
        step("input shapes at 1×, 4×, 16×");
        let figures = crate::shapes::measure(&statusdoc, &bench_dir.join("shapes"), args.runs)?;
        let (section, shapes_exceeded) = crate::shapes::render(&figures);
        text.push('\n');
        text.push_str(&section);
        exceeded.extend(shapes_exceeded);
    }
    std::fs::write(root.join("BENCHMARKS.md"), &text).context("writing BENCHMARKS.md")?;
    eprintln!("\nbench: wrote BENCHMARKS.md");
    if !exceeded.is_empty() {
        bail!(
            "growth exponent above {MAX_EXPONENT}: {}",
            exceeded.join(", ")
        );
    }
    Ok(())
}

fn step(name: &str) {
    eprintln!("\n==> {name}");
}

/// A path as written in the reproduce commands: relative to the workspace root.
fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Copies a tree of regular files (the generated corpus).
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let target = to.join(entry.path().strip_prefix(from)?);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The first page with this extension in a tree, in path order.
fn first_page(tree: &Path, extension: &str) -> anyhow::Result<PathBuf> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(tree)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    pages.sort();
    pages
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no .{extension} page in {}", tree.display()))
}

fn ensure_tree(bench_dir: &Path, pages: usize, seed: u64) -> anyhow::Result<PathBuf> {
    let options = Options {
        pages,
        out: bench_dir.join(format!("pages-{pages}")),
        seed,
    };
    if gen_corpus::is_current(&options) {
        eprintln!("\n==> reusing {} (seed {seed})", options.out.display());
    } else {
        step(&format!(
            "cargo xtask gen-corpus --pages {pages} --seed {seed} --out {}",
            options.out.display()
        ));
        gen_corpus::run(&options)?;
    }
    Ok(options.out)
}

/// A copy of `tree` holding only the files with extension `ext`, at the same paths.
fn subset(tree: &Path, out: &Path, ext: &str) -> anyhow::Result<PathBuf> {
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("removing {}", out.display()))?;
    }
    for file in files(tree)? {
        if file.extension().is_some_and(|e| e == ext) {
            let to = out.join(file.strip_prefix(tree)?);
            std::fs::create_dir_all(to.parent().expect("a file has a parent"))?;
            std::fs::copy(&file, &to).with_context(|| format!("copying {}", file.display()))?;
        }
    }
    Ok(out.to_owned())
}

fn files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(path) = stack.pop() {
        for entry in
            std::fs::read_dir(&path).with_context(|| format!("reading {}", path.display()))?
        {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Files and bytes of a tree, in total and per extension.
struct TreeStats {
    dir: PathBuf,
    files: usize,
    bytes: u64,
    per_ext: Vec<(String, usize, u64)>,
}

impl TreeStats {
    fn of(dir: &Path) -> anyhow::Result<TreeStats> {
        let mut per_ext: std::collections::BTreeMap<String, (usize, u64)> = Default::default();
        let mut stats = TreeStats {
            dir: dir.to_owned(),
            files: 0,
            bytes: 0,
            per_ext: Vec::new(),
        };
        for file in files(dir)? {
            let len = std::fs::metadata(&file)?.len();
            let ext = file
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            let entry = per_ext.entry(ext).or_default();
            entry.0 += 1;
            entry.1 += len;
            stats.files += 1;
            stats.bytes += len;
        }
        stats.per_ext = per_ext.into_iter().map(|(e, (f, b))| (e, f, b)).collect();
        Ok(stats)
    }

    fn mb(&self) -> f64 {
        self.bytes as f64 / 1e6
    }
}

// ---------------------------------------------------------------------------------
// Running and measuring.

#[derive(Clone)]
struct Job {
    program: PathBuf,
    args: Vec<String>,
    cwd: Option<PathBuf>,
    threads: Option<usize>,
    /// Exit codes that count as a run; `None`: any.
    accept: Option<Vec<i32>>,
    /// Whether standard output is a summary worth keeping (else it goes to /dev/null).
    stdout_to_log: bool,
}

impl Job {
    fn new(program: &Path) -> Job {
        Job {
            program: program.to_owned(),
            args: Vec::new(),
            cwd: None,
            threads: None,
            accept: Some(vec![0]),
            stdout_to_log: false,
        }
    }

    fn args(mut self, args: impl IntoIterator<Item = String>) -> Job {
        self.args.extend(args);
        self
    }

    fn cwd(mut self, dir: &Path) -> Job {
        self.cwd = Some(dir.to_owned());
        self
    }

    fn threads(mut self, threads: Option<usize>) -> Job {
        self.threads = threads;
        self
    }

    fn accept(mut self, codes: &[i32]) -> Job {
        self.accept = Some(codes.to_vec());
        self
    }

    fn accept_any(mut self) -> Job {
        self.accept = None;
        self
    }

    fn keep_stdout(mut self) -> Job {
        self.stdout_to_log = true;
        self
    }

    /// The shell command that reproduces one run, from the workspace root.
    fn display(&self, root: &Path, log: &Path) -> String {
        let quote = |s: &str| {
            if s.chars().any(|c| " *\"'$".contains(c)) {
                format!("\"{s}\"")
            } else {
                s.to_owned()
            }
        };
        let program = match &self.cwd {
            Some(_) => self.program.display().to_string(),
            None => rel(root, &self.program),
        };
        let mut command = String::new();
        if let Some(dir) = &self.cwd {
            let _ = write!(command, "cd {} && ", rel(root, dir));
        }
        match self.threads {
            Some(n) => {
                let _ = write!(command, "RAYON_NUM_THREADS={n} ");
            }
            None => command.push_str("env -u RAYON_NUM_THREADS "),
        }
        let _ = write!(command, "{TIME} -f \"%e %M\" {program}");
        for arg in &self.args {
            let _ = write!(command, " {}", quote(arg));
        }
        let log = match &self.cwd {
            Some(_) => log.display().to_string(),
            None => rel(root, log),
        };
        if self.stdout_to_log {
            let _ = write!(command, " >{log} 2>&1");
        } else {
            let _ = write!(command, " >/dev/null 2>{log}");
        }
        command
    }
}

struct Run {
    wall: f64,
    rss_kib: Option<u64>,
}

struct Figure {
    label: String,
    command: String,
    files: usize,
    bytes: u64,
    runs: Vec<Run>,
    load_before: String,
    load_after: String,
    /// The last line the command printed, for commands that print a summary.
    summary: Option<String>,
}

impl Figure {
    fn median_wall(&self) -> f64 {
        median(self.runs.iter().map(|r| r.wall).collect())
    }

    fn median_rss_mib(&self) -> Option<f64> {
        let rss: Vec<f64> = self
            .runs
            .iter()
            .filter_map(|r| r.rss_kib)
            .map(|k| k as f64 / 1024.0)
            .collect();
        (!rss.is_empty()).then(|| median(rss))
    }

    fn range(&self) -> (f64, f64) {
        let walls = self.runs.iter().map(|r| r.wall);
        (
            walls.clone().fold(f64::INFINITY, f64::min),
            walls.fold(0.0, f64::max),
        )
    }

    fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.median_wall()
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

struct Bench {
    root: PathBuf,
    logs: PathBuf,
    runs: usize,
    has_time: bool,
}

impl Bench {
    fn measure(&self, label: &str, stats: &TreeStats, job: &Job) -> anyhow::Result<Figure> {
        let mut figures = self.measure_all(&[(label.to_owned(), stats, job.clone())])?;
        Ok(figures.remove(0))
    }

    /// Runs each command `runs` times, round-robin (1st of each, 2nd of each…), so that
    /// a burst of load from other processes falls on all of them alike.
    fn measure_all(&self, jobs: &[(String, &TreeStats, Job)]) -> anyhow::Result<Vec<Figure>> {
        let mut figures = Vec::new();
        let mut logs = Vec::new();
        for (label, stats, job) in jobs {
            let tree = stats
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let log = self
                .logs
                .join(format!("{}.log", log_name(&format!("{tree} {label}"))));
            let command = job.display(&self.root, &log);
            step(&format!(
                "{label} ({} files, {:.1} MB)",
                stats.files,
                stats.mb()
            ));
            eprintln!("    {command}");
            figures.push(Figure {
                summary: None,
                label: label.clone(),
                command,
                files: stats.files,
                bytes: stats.bytes,
                runs: Vec::new(),
                load_before: String::new(),
                load_after: String::new(),
            });
            logs.push(log);
        }
        let load_before = load();
        for n in 0..self.runs {
            for (((label, _, job), log), figure) in jobs.iter().zip(&logs).zip(&mut figures) {
                let run = self.run_once(label, job, log)?;
                eprintln!(
                    "    {label}: run {}: {:.2} s, {}",
                    n + 1,
                    run.wall,
                    run.rss_kib.map_or("RSS unknown".into(), |k| format!(
                        "{:.0} MiB",
                        k as f64 / 1024.0
                    ))
                );
                figure.runs.push(run);
            }
        }
        let load_after = load();
        for (((_, _, job), log), figure) in jobs.iter().zip(&logs).zip(&mut figures) {
            figure.load_before = load_before.clone();
            figure.load_after = load_after.clone();
            figure.summary = job
                .stdout_to_log
                .then(|| std::fs::read_to_string(log).ok())
                .flatten()
                .and_then(|t| {
                    t.lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .map(str::to_owned)
                });
        }
        Ok(figures)
    }

    fn run_once(&self, label: &str, job: &Job, log: &Path) -> anyhow::Result<Run> {
        let time_file = tempfile::NamedTempFile::new()?;
        let mut command = if self.has_time {
            let mut c = Command::new(TIME);
            c.args(["-f", "%e %M", "-o"])
                .arg(time_file.path())
                .arg(&job.program);
            c
        } else {
            Command::new(&job.program)
        };
        let stderr = std::fs::File::create(log)?;
        let stdout = if job.stdout_to_log {
            Stdio::from(stderr.try_clone()?)
        } else {
            Stdio::null()
        };
        command
            .args(&job.args)
            .current_dir(job.cwd.as_deref().unwrap_or(&self.root))
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr);
        match job.threads {
            Some(n) => command.env("RAYON_NUM_THREADS", n.to_string()),
            None => command.env_remove("RAYON_NUM_THREADS"),
        };
        let start = Instant::now();
        let status = command
            .status()
            .with_context(|| format!("starting {}", job.program.display()))?;
        let wall = start.elapsed().as_secs_f64();
        let code = status.code().unwrap_or(-1);
        if job
            .accept
            .as_ref()
            .is_some_and(|codes| !codes.contains(&code))
        {
            let tail = std::fs::read_to_string(log).unwrap_or_default();
            let tail: Vec<&str> = tail.lines().rev().take(15).collect();
            bail!(
                "{label}: exit status {code} ({}):\n{}",
                log.display(),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            );
        }
        let rss_kib = std::fs::read_to_string(time_file.path())
            .ok()
            .and_then(|t| {
                let last = t.lines().rev().find(|l| !l.trim().is_empty())?.to_owned();
                last.split_whitespace().nth(1)?.parse().ok()
            });
        Ok(Run { wall, rss_kib })
    }
}

fn log_name(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

// ---------------------------------------------------------------------------------
// The floor.

/// Reads every file under `dir` and parses Markdown with pulldown-cmark (the options
/// statusdoc's reader uses) and HTML with scraper; other files are only read. Runs on
/// rayon's pool, so `RAYON_NUM_THREADS` chooses the threads.
fn floor(dir: &Path) -> anyhow::Result<()> {
    use pulldown_cmark::{Options as MdOptions, Parser};
    let files = files(dir)?;
    let options = MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | MdOptions::ENABLE_DEFINITION_LIST
        | MdOptions::ENABLE_STRIKETHROUGH;
    let (bytes, units) = files
        .par_iter()
        .map(|path| -> anyhow::Result<(u64, u64)> {
            let data =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let text = String::from_utf8_lossy(&data);
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let units = match ext {
                "md" | "mdx" | "markdown" => Parser::new_ext(&text, options).count() as u64,
                "html" | "htm" => scraper::Html::parse_document(&text).tree.nodes().count() as u64,
                _ => 0,
            };
            Ok((data.len() as u64, units))
        })
        .try_reduce(|| (0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1)))?;
    println!(
        "floor: {} files, {bytes} bytes, {units} Markdown events and HTML nodes",
        files.len()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// Tools.

fn ensure_markdownlint(tools: &Path) -> anyhow::Result<(PathBuf, PathBuf)> {
    let bin = tools.join("node_modules/.bin/markdownlint-cli2");
    let package = tools.join("node_modules/markdownlint-cli2/package.json");
    let installed = std::fs::read_to_string(&package)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["version"].as_str().map(str::to_owned));
    if !(bin.exists() && installed.as_deref() == Some(MARKDOWNLINT_VERSION)) {
        std::fs::create_dir_all(tools)?;
        if !tools.join("package.json").exists() {
            std::fs::write(tools.join("package.json"), "{\"private\": true}\n")?;
        }
        step(&format!(
            "npm install markdownlint-cli2@{MARKDOWNLINT_VERSION} into {}",
            tools.display()
        ));
        let status = Command::new("npm")
            .args(["install", "--prefix"])
            .arg(tools)
            .args(["--no-audit", "--no-fund", "--save-exact"])
            .arg(format!("markdownlint-cli2@{MARKDOWNLINT_VERSION}"))
            .status()
            .context("starting npm")?;
        if !status.success() || !bin.exists() {
            bail!("npm install markdownlint-cli2@{MARKDOWNLINT_VERSION} failed ({status})");
        }
    }
    // Every rule at its defaults: nothing turned off.
    let config = tools.join(".markdownlint-cli2.jsonc");
    std::fs::write(
        &config,
        "// cargo xtask bench: every markdownlint rule on, at its defaults.\n{ \"config\": { \"default\": true } }\n",
    )?;
    Ok((bin, config))
}

/// The venv `cargo xtask ci` makes (`target/venv`), with docutils; made here if missing.
fn ensure_docutils(target: &Path) -> anyhow::Result<PathBuf> {
    let venv = target.join("venv");
    let python = venv.join("bin/python");
    let has_docutils = |python: &Path| {
        Command::new(python)
            .args(["-c", "import docutils"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if python.exists() && has_docutils(&python) {
        return Ok(python);
    }
    step("python3 -m venv target/venv && pip install docutils");
    let status = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()?;
    if !status.success() {
        bail!("python3 -m venv failed ({status})");
    }
    let status = Command::new(venv.join("bin/pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "docutils",
        ])
        .status()?;
    if !status.success() || !has_docutils(&python) {
        bail!("pip install docutils failed ({status})");
    }
    Ok(python)
}

const DOCUTILS_SCRIPT: &str = r#"# cargo xtask bench: docutils' parser over every .rst file under a folder, in one process.
import os
import sys

import docutils.core

root = sys.argv[1]
files = sorted(
    os.path.join(folder, name)
    for folder, _, names in os.walk(root)
    for name in names
    if name.endswith(".rst")
)
settings = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "_disable_config": True,
}
size = failed = 0
for path in files:
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    size += len(text.encode("utf-8"))
    try:
        docutils.core.publish_doctree(text, source_path=path, settings_overrides=settings)
    except Exception:
        failed += 1
print(f"docutils: {len(files)} files, {size} bytes, {failed} raised")
"#;

fn docutils_script(tools: &Path) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(tools)?;
    let path = tools.join("docutils_bench.py");
    std::fs::write(&path, DOCUTILS_SCRIPT)?;
    Ok(path)
}

fn tool_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            let text = String::from_utf8_lossy(&o.stdout).into_owned()
                + &String::from_utf8_lossy(&o.stderr);
            text.lines().next().unwrap_or("").trim().to_owned()
        })
        .unwrap_or_else(|| "?".into())
}

// ---------------------------------------------------------------------------------
// BENCHMARKS.md.

struct Report<'a> {
    args: &'a Args,
    stats: &'a TreeStats,
    md_stats: &'a TreeStats,
    rst_stats: &'a TreeStats,
    figures: &'a [Figure],
    md_figures: &'a [Figure],
    rst_figures: &'a [Figure],
    scaling: &'a [(usize, Figure)],
    notes: &'a [String],
    output_flag: bool,
    tools: &'a Path,
    target: &'a Path,
}

fn table(out: &mut String, figures: &[Figure]) {
    out.push_str(
        "| what | files | median wall | min–max | MB/s | peak RSS (median) | load before → after |\n|---|--:|--:|--:|--:|--:|---|\n",
    );
    for f in figures {
        let (low, high) = f.range();
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} s | {low:.2}–{high:.2} s | {:.1} | {} | {} → {} |",
            f.label,
            f.files,
            f.median_wall(),
            f.mb_per_s(),
            f.median_rss_mib()
                .map_or("?".into(), |m| format!("{m:.0} MiB")),
            f.load_before,
            f.load_after
        );
    }
    out.push('\n');
    for f in figures {
        if let Some(summary) = &f.summary {
            let _ = writeln!(out, "{} printed: `{summary}`\n", f.label);
        }
    }
}

/// Whether the one-minute load average (first field) was at least the number of cores.
fn busy(load: &str, cores: usize) -> bool {
    load.split_whitespace()
        .next()
        .and_then(|l| l.parse::<f64>().ok())
        .is_some_and(|l| l >= cores as f64)
}

fn find<'f>(figures: &'f [Figure], prefix: &str) -> Option<&'f Figure> {
    figures.iter().find(|f| f.label.starts_with(prefix))
}

fn ratio_line(out: &mut String, what: &str, statusdoc: Option<&Figure>, other: Option<&Figure>) {
    if let (Some(s), Some(o)) = (statusdoc, other) {
        let per_byte = |f: &Figure| f.median_wall() * 1e9 / f.bytes as f64;
        let _ = writeln!(
            out,
            "- {what}: {:.0} ns/byte vs {:.0} ns/byte: statusdoc takes **{:.2}×** the time per byte \
             ({:.1}× faster){}",
            per_byte(s),
            per_byte(o),
            per_byte(s) / per_byte(o),
            per_byte(o) / per_byte(s),
            match (s.median_rss_mib(), o.median_rss_mib()) {
                (Some(a), Some(b)) => format!("; peak RSS {a:.0} MiB vs {b:.0} MiB"),
                _ => String::new(),
            }
        );
    }
}

impl Report<'_> {
    fn render(&self) -> anyhow::Result<(String, Vec<String>)> {
        let root = root();
        let mut out = String::new();
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split(':').nth(1))
                    .map(|m| m.trim().to_owned())
            })
            .unwrap_or_else(|| "?".into());
        let memory = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                let kib: f64 = m.lines().next()?.split_whitespace().nth(1)?.parse().ok()?;
                Some(format!("{:.1} GiB", kib / 1024.0 / 1024.0))
            })
            .unwrap_or_else(|| "?".into());
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        let commit = tool_output(
            "git",
            &[
                "-C",
                &root.display().to_string(),
                "rev-parse",
                "--short",
                "HEAD",
            ],
        );
        let dirty = Command::new("git")
            .args(["-C", &root.display().to_string(), "status", "--porcelain"])
            .output()
            .is_ok_and(|o| !o.stdout.is_empty());
        let python = self.target.join("venv/bin/python");
        let docutils_version = tool_output(
            &python.display().to_string(),
            &["-c", "import docutils; print(docutils.__version__)"],
        );
        let scaling_flag = if self.args.scaling { " --scaling" } else { "" };

        let _ = writeln!(
            out,
            "# Benchmarks\n\n\
             Written by `cargo xtask bench --pages {}{scaling_flag}` (seed {}, {} runs per figure, the median \
             reported). Do not edit by hand: run the command again. Figures are for one machine at one \
             moment; the load average next to each figure says how busy the machine was (other \
             builds share it).\n",
            self.args.pages, self.args.seed, self.args.runs
        );
        let _ = writeln!(
            out,
            "- date: {}\n- machine: {cpu}, {cores} cores, {memory}; {}\n- statusdoc: commit {commit}{}, \
             release build; {}\n- markdownlint-cli2: {MARKDOWNLINT_VERSION} (node {}); docutils: {docutils_version} ({})\n",
            tool_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
            tool_output("uname", &["-sr"]),
            if dirty { " with uncommitted changes" } else { "" },
            tool_output("rustc", &["-V"]),
            tool_output("node", &["--version"]),
            rel(&root, &python),
        );

        let _ = writeln!(
            out,
            "## The tree\n\n`cargo xtask gen-corpus --pages {} --seed {} --out {}`: {} files, {:.1} MB \
             (see its `MANIFEST.txt` for the kinds of pages and the injected defects).\n",
            self.args.pages,
            self.args.seed,
            rel(&root, &self.stats.dir),
            self.stats.files,
            self.stats.mb()
        );
        out.push_str("| extension | files | MB |\n|---|--:|--:|\n");
        for (ext, files, bytes) in &self.stats.per_ext {
            let _ = writeln!(out, "| .{ext} | {files} | {:.1} |", *bytes as f64 / 1e6);
        }
        out.push('\n');

        let _ = writeln!(
            out,
            "## Whole tree\n\nThe floor reads every file and parses Markdown with pulldown-cmark and HTML \
             with scraper (the parsers statusdoc's readers use), and only reads the rest. statusdoc \
             reads, interprets and lints every page and writes the JSON report{}.\n",
            if self.output_flag { " to `/dev/null` (`-o /dev/null`)" } else { " to stdout, sent to `/dev/null`" }
        );
        table(&mut out, self.figures);
        let floor1 = find(self.figures, "floor, 1");
        let floor_all = find(self.figures, "floor, all");
        let lint1 = find(self.figures, "statusdoc lint, 1");
        let lint_all = find(self.figures, "statusdoc lint, all");
        if let (Some(f1), Some(fa), Some(l1), Some(la)) = (floor1, floor_all, lint1, lint_all) {
            let _ = writeln!(
                out,
                "statusdoc takes {:.1}× the floor's time on one thread and {:.1}× on all cores; on all \
                 cores statusdoc runs at {:.2}× the speed of one thread{}.\n",
                l1.median_wall() / f1.median_wall(),
                la.median_wall() / fa.median_wall(),
                l1.median_wall() / la.median_wall(),
                if busy(&la.load_before, cores) {
                    " (the load average was above the number of cores: other processes had \
                     the other cores)"
                } else {
                    ""
                }
            );
        }

        for threads in ["1 thread", "all cores"] {
            let cold = find(self.figures, &format!("statusdoc lint, {threads}"));
            let warm = find(
                self.figures,
                &format!("statusdoc lint, warm cache, one page changed, {threads}"),
            );
            if let (Some(cold), Some(warm)) = (cold, warm) {
                let _ = writeln!(
                    out,
                    "Warm ({threads}): with the cache from an earlier run and one page changed, \
                     statusdoc takes {:.0}% of the cold run's time ({:.2} s vs {:.2} s).\n",
                    100.0 * warm.median_wall() / cold.median_wall(),
                    warm.median_wall(),
                    cold.median_wall()
                );
            }
        }

        let _ = writeln!(
            out,
            "## Markdown: statusdoc vs markdownlint-cli2\n\nOn `{}`, a copy of the tree with only its `.md` \
             files ({} files, {:.1} MB). markdownlint-cli2 runs every rule at its defaults (config \
             `{{\"config\": {{\"default\": true}}}}`); its exit status is ignored.\n",
            rel(&root, &self.md_stats.dir),
            self.md_stats.files,
            self.md_stats.mb()
        );
        table(&mut out, self.md_figures);
        let md_tool = find(self.md_figures, "markdownlint");
        ratio_line(
            &mut out,
            "statusdoc (1 thread) vs markdownlint-cli2",
            find(self.md_figures, "statusdoc lint, 1"),
            md_tool,
        );
        ratio_line(
            &mut out,
            "statusdoc (all cores) vs markdownlint-cli2",
            find(self.md_figures, "statusdoc lint, all"),
            md_tool,
        );
        out.push('\n');

        let _ = writeln!(
            out,
            "## reStructuredText: statusdoc vs docutils\n\nOn `{}`, a copy of the tree with only its `.rst` \
             files ({} files, {:.1} MB). docutils builds the doctree of every file \
             (`publish_doctree`, messages off) in one Python process; it only parses, statusdoc also \
             interprets and lints.\n",
            rel(&root, &self.rst_stats.dir),
            self.rst_stats.files,
            self.rst_stats.mb()
        );
        table(&mut out, self.rst_figures);
        let rst_tool = find(self.rst_figures, "docutils");
        ratio_line(
            &mut out,
            "statusdoc (1 thread) vs docutils",
            find(self.rst_figures, "statusdoc lint, 1"),
            rst_tool,
        );
        ratio_line(
            &mut out,
            "statusdoc (all cores) vs docutils",
            find(self.rst_figures, "statusdoc lint, all"),
            rst_tool,
        );
        out.push('\n');

        let mut exceeded = Vec::new();
        if !self.scaling.is_empty() {
            let _ = writeln!(
                out,
                "## Scaling\n\n`statusdoc lint` (all cores) on trees of 1×, 2× and 4× the pages (same seed). \
                 Exponent = log(ratio of time or RSS) / log(ratio of bytes); 1 is linear. `--scaling` \
                 fails when the 1× → 4× time or RSS exponent exceeds {MAX_EXPONENT} (the 2× steps are \
                 shown, not checked: on a shared machine they are within noise).\n\n\
                 | pages | MB | median wall | peak RSS |\n|--:|--:|--:|--:|"
            );
            for (pages, f) in self.scaling {
                let _ = writeln!(
                    out,
                    "| {pages} | {:.1} | {:.2} s | {} |",
                    f.bytes as f64 / 1e6,
                    f.median_wall(),
                    f.median_rss_mib()
                        .map_or("?".into(), |m| format!("{m:.0} MiB"))
                );
            }
            out.push_str("\n| step | time exponent | RSS exponent |\n|---|--:|--:|\n");
            let pairs = [(0, 1), (1, 2), (0, 2)];
            for (a, b) in pairs {
                let (Some((pa, fa)), Some((pb, fb))) = (self.scaling.get(a), self.scaling.get(b))
                else {
                    continue;
                };
                let size = (fb.bytes as f64 / fa.bytes as f64).ln();
                let time = (fb.median_wall() / fa.median_wall()).ln() / size;
                let rss = match (fa.median_rss_mib(), fb.median_rss_mib()) {
                    (Some(x), Some(y)) => Some((y / x).ln() / size),
                    _ => None,
                };
                let step = format!("{pa} → {pb} pages");
                // The check is on the whole 1× → 4× range: a 2× step of a second or two
                // is within the noise of a shared machine.
                let checked = (a, b) == (0, 2);
                if checked && time > MAX_EXPONENT {
                    exceeded.push(format!("time {time:.2} ({step})"));
                }
                if let Some(r) = rss.filter(|r| checked && *r > MAX_EXPONENT) {
                    exceeded.push(format!("RSS {r:.2} ({step})"));
                }
                let _ = writeln!(
                    out,
                    "| {step}{} | {time:.2} | {} |",
                    if checked { " (checked)" } else { "" },
                    rss.map_or("?".into(), |r| format!("{r:.2}"))
                );
            }
            let _ = writeln!(
                out,
                "\n{}\n",
                if exceeded.is_empty() {
                    format!("No exponent exceeds {MAX_EXPONENT}.")
                } else {
                    format!("**Exceeds {MAX_EXPONENT}:** {}.", exceeded.join(", "))
                }
            );
        }

        if !self.notes.is_empty() {
            out.push_str("## Not measured\n\n");
            for note in self.notes {
                let _ = writeln!(out, "- {note}");
            }
            out.push('\n');
        }

        let _ = writeln!(
            out,
            "## Reproducing each figure\n\n`cargo xtask bench --pages {}{scaling_flag}` builds \
             (`cargo build --release -p statusdoc -p xtask`), generates the trees, installs \
             markdownlint-cli2 into `{}` (npm) and docutils into `target/venv` when missing, and \
             runs each command below {} times from the workspace root; `/usr/bin/time` prints wall \
             seconds and peak RSS in KiB.\n",
            self.args.pages,
            rel(&root, self.tools),
            self.args.runs
        );
        let all = self
            .figures
            .iter()
            .map(|f| ("whole tree", f))
            .chain(self.md_figures.iter().map(|f| ("Markdown only", f)))
            .chain(
                self.rst_figures
                    .iter()
                    .map(|f| ("reStructuredText only", f)),
            )
            .chain(self.scaling.iter().map(|(_, f)| ("scaling", f)));
        for (part, f) in all {
            let _ = writeln!(out, "- {part}, {}:\n  `{}`", f.label, f.command);
        }
        Ok((out, exceeded))
    }
}
