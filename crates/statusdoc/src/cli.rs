use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use statusdoc_model::Format;

/// Lint API vendors' documentation of HTTP status codes.
///
/// statusdoc reads status code pages (Markdown, reStructuredText, HTML, AsciiDoc, OpenAPI
/// descriptions, text dumps), checks every entry against the IANA registry and RFC
/// 9110, and reports wrong, obsolete or misspelled reason phrases, retry advice that
/// contradicts the RFC, duplicates, gaps, and renderings of one page that disagree.
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
        /// `text` (a table) or `json` (the rules and their documentation).
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
        /// The same as `--format json`.
        #[arg(long, hide = true, conflicts_with = "format")]
        json: bool,
    },
    /// Print a rule's documentation (`statusdoc explain SD101`).
    Explain {
        /// Rule id (SD101) or name (wrong-reason-phrase).
        rule: String,
    },
    /// Run the language server: diagnostics, fixes and hovers in an editor (LSP over
    /// standard input and output).
    Server(ServerArgs),
    /// Print a shell completion script (`statusdoc completions bash > statusdoc.bash`).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args)]
pub struct ServerArgs {
    /// The folder URL of the rule documentation pages: a finding of SD101 links to
    /// URL/SD101.md (the client's `docsUrl` initialization option overrides it).
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
    /// Milliseconds a page must stay unchanged before it is linted again.
    #[arg(long, value_name = "MS", default_value_t = 150)]
    pub debounce_ms: u64,
    /// Accepted for clients that pass it: the server always speaks over stdio.
    #[arg(long, hide = true)]
    pub stdio: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

/// Where the pages come from and how paths are named: shared by `extract` and `lint`.
#[derive(Args)]
pub struct InputArgs {
    /// The folder every path in the output is relative to. By default the folder of
    /// the nearest statusdoc.toml from the working folder upward, else the root of the
    /// git work tree, else the working folder.
    #[arg(long, value_name = "DIR")]
    pub project_root: Option<PathBuf>,
    /// The file name standard input's page (`-`) goes by: its format, its
    /// configuration and its path in the output.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Write the output to FILE (atomically: a reader never sees half of it) instead
    /// of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
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
    /// pages and for OpenAPI documents in .yaml, .yml and .json files, skipping what
    /// .gitignore and .ignore ignore and hidden files; a folder with a manifest.toml is
    /// read as a corpus); `-` reads a page from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: ExtractFormat,
    /// Read every page as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    #[command(flatten)]
    pub input: InputArgs,
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
    /// pages and for OpenAPI documents in .yaml, .yml and .json files, skipping what
    /// .gitignore and .ignore ignore and hidden files; a folder with a manifest.toml is
    /// read as a corpus); `-` reads a page from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: LintFormat,
    #[command(flatten)]
    pub input: InputArgs,
    /// Skip files and folders matching this glob when walking folders (repeatable;
    /// relative to the project root; a glob without `/` matches names anywhere). Adds
    /// to `exclude`/`extend-exclude` in statusdoc.toml.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
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
    /// Print the number of findings per rule and severity (on standard error in the
    /// machine formats, so that the output stays parseable).
    #[arg(long)]
    pub statistics: bool,
    /// Print only the findings: no summary, and no warnings about files not read.
    #[arg(short, long)]
    pub quiet: bool,
    /// Exit 0 even when there are failing findings (problems running still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
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
    /// Colour the human output. `auto` colours a terminal, following NO_COLOR,
    /// CLICOLOR, CLICOLOR_FORCE, FORCE_COLOR and TERM=dumb.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Where the lint cache is kept (default: `.statusdoc_cache` in the project root). A
    /// re-run reads and lints only the pages that changed.
    #[arg(long, value_name = "DIR", env = "STATUSDOC_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Neither read nor write the lint cache.
    #[arg(long, env = "STATUSDOC_NO_CACHE", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_cache: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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
