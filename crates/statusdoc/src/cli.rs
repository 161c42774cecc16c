use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use statusdoc_model::Format;

/// Lint API vendors' documentation of HTTP status codes.
///
/// statusdoc reads status code pages (Markdown, reStructuredText, HTML, text dumps),
/// checks every entry against the IANA registry and RFC 9110, and reports wrong,
/// obsolete or misspelled reason phrases, retry advice that contradicts the RFC,
/// duplicates, gaps, and renderings of one page that disagree.
#[derive(Parser)]
#[command(name = "statusdoc", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the status code entries read from pages.
    Extract(ExtractArgs),
    /// Check pages and report inconsistencies.
    Lint(LintArgs),
    /// Write the vendor matrix: one self-contained HTML page showing how every page
    /// documents every status code (DIR/index.html).
    Report(ReportArgs),
    /// List every rule with its id, category and default severity.
    Rules {
        /// Print the rules and their documentation as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's documentation (`statusdoc explain SD101`).
    Explain {
        /// Rule id (SD101) or name (wrong-reason-phrase).
        rule: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputFormat {
    Markdown,
    Rst,
    Html,
    Text,
    Asciidoc,
    Openapi,
}

impl From<InputFormat> for Format {
    fn from(value: InputFormat) -> Self {
        match value {
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Rst => Format::ReStructuredText,
            InputFormat::Html => Format::Html,
            InputFormat::Text => Format::Text,
            InputFormat::Asciidoc => Format::AsciiDoc,
            InputFormat::Openapi => Format::OpenApi,
        }
    }
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Pages or folders (folders are searched for .md, .rst, .html, .txt and .adoc
    /// pages and for OpenAPI documents in .yaml, .yml and .json files; a folder with a
    /// manifest.toml is read as a corpus).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ExtractFormat,
    /// Read every page as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Human,
    Json,
    /// The page model the reader made of each page (headings, tables, lists…), to see
    /// why a page yields the entries it does.
    Outline,
}

#[derive(Args)]
pub struct LintArgs {
    /// Pages or folders (folders are searched for .md, .rst, .html, .txt and .adoc
    /// pages and for OpenAPI documents in .yaml, .yml and .json files; a folder with a
    /// manifest.toml is read as a corpus).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: LintFormat,
    /// Read every page as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Configuration file; by default statusdoc.toml is searched from the current
    /// folder upward.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Set a rule's severity: RULE=error|warning|info|off (repeatable).
    #[arg(long, value_name = "RULE=SEVERITY")]
    pub rule: Vec<String>,
    /// `--deny warnings` fails the run on warnings too.
    #[arg(long, value_name = "warnings", value_parser = ["warnings"])]
    pub deny: Vec<String>,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Print how the pages title each code that some page titles differently from
    /// RFC 9110 (a comparison of vendors).
    #[arg(long)]
    pub summary: bool,
    /// Apply safe fixes to the pages in place.
    #[arg(long)]
    pub fix: bool,
    /// Apply unsafe fixes as well (implies --fix).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Colour the human output (NO_COLOR turns `auto` off).
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Args)]
pub struct ReportArgs {
    /// Pages or folders (folders are searched for pages as `lint` does; a folder with a
    /// manifest.toml is read as a corpus). Only pages with status codes become rows.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Folder to write index.html into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Read every page as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Configuration file; by default each page's nearest statusdoc.toml.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Set a rule's severity: RULE=error|warning|info|off (repeatable).
    #[arg(long, value_name = "RULE=SEVERITY")]
    pub rule: Vec<String>,
    /// The page's title.
    #[arg(long, default_value = "statusdoc vendor matrix")]
    pub title: String,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Source snippets with the offending text marked, and a help line.
    Human,
    /// One line per finding: path:line:column: severity[RULE] message.
    Concise,
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML, one test case per page.
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
