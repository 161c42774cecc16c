//! The `statusdoc` command-line interface, as a library so that the man page
//! (`generated/statusdoc.1`, written by `cargo xtask codegen`) is made from the very
//! definition the binary parses.

pub mod cli;

/// The command as clap sees it: every subcommand, argument and help text.
pub fn command() -> clap::Command {
    <cli::Cli as clap::CommandFactory>::command()
}
