//! `cargo xtask`: repository automation, in Rust so it runs wherever cargo does.
//!
//! - `lint-docs`: lint the bundled corpus, print the report, keep `generated/` in step
//!   and check the report against its reviewed insta snapshot.
//! - `codegen [--check]`: regenerate (or check) everything in `generated/`.
//! - `ci`: everything CI runs, including the setup the tests need.

use xtask::{ci, generate, is_ci};

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
    /// Run what CI runs: setup, fmt, clippy, tests, codegen --check, lint-docs.
    Ci,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::LintDocs { bless } => generate::lint_docs(bless),
        Command::Codegen { check } => generate::codegen(check || is_ci()),
        Command::Ci => ci::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
