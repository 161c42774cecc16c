//! `cargo xtask`: repository automation, in Rust so it runs wherever cargo does.
//!
//! - `lint-docs`: lint the bundled corpus, print the report, keep `generated/` in step
//!   and check the report against its reviewed insta snapshot.
//! - `codegen [--check]`: regenerate (or check) everything in `generated/`.
//! - `score [--verbose] [--bless]`: how the readers do on the keyed real pages of
//!   `tests/wild/`, against the recorded baseline.
//! - `ci`: everything CI runs, including the setup the tests need.
//! - `gen-corpus --pages N --out DIR [--seed S]`: a deterministic synthetic docs tree.
//! - `bench [--pages N] [--scaling]`: statusdoc on a generated tree against the parsing
//!   floor, markdownlint-cli2 and docutils; writes `BENCHMARKS.md`.

use xtask::{bench, ci, gen_corpus, generate, is_ci, score};

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint sources/, print the report, update generated/ and check the reviewed
    /// snapshot of the report. Under CI=true, generated/ is only checked.
    LintDocs {
        /// Accept the new report: update generated/ and the insta snapshot.
        #[arg(long)]
        bless: bool,
    },
    /// Regenerate generated/ from sources/.
    Codegen {
        /// Fail, naming the stale files, instead of writing.
        #[arg(long)]
        check: bool,
    },
    /// Run what CI runs: setup, fmt, clippy, tests, codegen --check, lint-docs, score.
    Ci,
    /// Score the readers on the keyed real pages of tests/wild/ and compare with the
    /// recorded baseline.
    Score {
        /// List each page's mismatches (held-out pages are only counted).
        #[arg(long)]
        verbose: bool,
        /// Record the current figures as the baseline.
        #[arg(long)]
        bless: bool,
    },
    /// Write a deterministic synthetic docs tree grown from sources/ and
    /// tests/wild/pages/ (same options, byte-identical tree), with MANIFEST.txt.
    GenCorpus {
        /// Number of pages (about 5 kB each).
        #[arg(long, default_value_t = 20_000)]
        pages: usize,
        /// The folder to write (replaced if it holds a generated tree).
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Benchmark `statusdoc lint` on a generated tree against the parsing floor,
    /// markdownlint-cli2 and docutils; writes BENCHMARKS.md.
    Bench(bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::LintDocs { bless } => generate::lint_docs(bless),
        Command::Codegen { check } => generate::codegen(check || is_ci()),
        Command::Ci => ci::run(),
        Command::Score { verbose, bless } => score::run(verbose, bless),
        Command::GenCorpus { pages, out, seed } => {
            gen_corpus::run(&gen_corpus::Options { pages, out, seed })
        }
        Command::Bench(args) => bench::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
