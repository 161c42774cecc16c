//! `statusdoc`: lint API vendors' documentation of HTTP status codes.

mod cache;
mod fix;
mod inputs;
mod output;
mod report_command;
mod root;
mod stream;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command, ExtractFormat, LintArgs, LintFormat, RulesFormat};
use statusdoc::cli;
use statusdoc_lint::{all_rules, find_rule, has_failures, lint, Page};
use statusdoc_reference::Registry;
use statusdoc_report::{Problem, RunSummary, Sources};

use crate::inputs::Reading;
use crate::output::Output;
use crate::root::ProjectRoot;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status for a usage, configuration or I/O problem.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // `statusdoc … | head` closes the pipe early: not an error.
        Err(error)
            if error.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let registry = Registry::bundled();
    match cli.command {
        Command::Extract(args) => extract_command(args, registry),
        Command::Lint(args) => lint_command(args, registry),
        Command::Report(args) => report_command::run(args, registry),
        Command::Rules { format, json } => {
            let mut out = Output::open(None)?;
            if json || format == RulesFormat::Json {
                let rules: Vec<_> = all_rules()
                    .iter()
                    .filter_map(|r| statusdoc_report::rule_json(r.id))
                    .collect();
                serde_json::to_writer_pretty(&mut out, &rules)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{:<6} {:<30} {:<12} {:<8} {:<4} summary",
                    "id", "name", "category", "severity", "fix"
                )?;
                for rule in all_rules() {
                    let severity = if rule.default_enabled {
                        rule.default_severity.as_str()
                    } else {
                        "opt-in"
                    };
                    writeln!(
                        out,
                        "{:<6} {:<30} {:<12} {:<8} {:<4} {}",
                        rule.id,
                        rule.name,
                        rule.category.as_str(),
                        severity,
                        if rule.fixable { "yes" } else { "" },
                        rule.summary()
                    )?;
                }
            }
            out.finish()?;
            Ok(0)
        }
        Command::Explain { rule } => {
            let Some(meta) = find_rule(&rule) else {
                anyhow::bail!("unknown rule `{rule}`; `statusdoc rules` lists them");
            };
            let mut out = Output::open(None)?;
            writeln!(out, "{}\n", meta.doc())?;
            writeln!(out, "{}", statusdoc_report::rule_defaults(meta))?;
            out.finish()?;
            Ok(0)
        }
        Command::Server(args) => {
            let mut options = statusdoc_lsp::Options {
                debounce: std::time::Duration::from_millis(args.debounce_ms),
                ..statusdoc_lsp::Options::default()
            };
            if let Some(url) = &args.docs_url {
                options
                    .set_docs_url(url)
                    .map_err(|e| anyhow::anyhow!("--docs-url: {e}"))?;
            }
            // Exit status 1 when the client exits without asking for a shutdown first.
            Ok(u8::from(!statusdoc_lsp::serve_stdio(options)?))
        }
        Command::Completions { shell } => {
            let mut out = Output::open(None)?;
            clap_complete::generate(shell, &mut statusdoc::command(), "statusdoc", &mut out);
            out.finish()?;
            Ok(0)
        }
    }
}

fn extract_command(args: cli::ExtractArgs, registry: &Registry) -> anyhow::Result<u8> {
    let root = ProjectRoot::discover(args.input.project_root.as_deref())?;
    let mut reading = Reading::new(&root, args.input_format.map(Into::into), registry);
    reading.stdin_filename = args.input.stdin_filename.as_deref();
    let inputs = inputs::load_with(&args.paths, &reading);
    inputs.print_errors();
    let documents: Vec<_> = inputs.documents().collect();
    let mut out = Output::open(args.input.output_file.as_deref())?;
    match args.format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &statusdoc_report::documents_json(&documents))?;
            writeln!(out)?;
        }
        ExtractFormat::Outline => {
            for input in &inputs.inputs {
                let mut options = statusdoc_ingest::ReadOptions::new(registry);
                options.format = Some(input.document.format);
                // The page model of the text that was read (standard input is read
                // once; a byte-order mark was read as the three spaces it became).
                let text = input.document.source.text();
                let Ok((_, page)) = statusdoc_ingest::read_page_model(
                    input.document.path(),
                    text.as_bytes(),
                    &options,
                ) else {
                    // A file walking found unreadable has no model.
                    continue;
                };
                writeln!(out, "{} ({})", input.document.path(), input.document.format)?;
                write!(out, "{}", page.outline())?;
            }
        }
        ExtractFormat::Human => {
            for document in &documents {
                writeln!(
                    out,
                    "{} ({}, {} entries)",
                    document.path(),
                    document.format,
                    document.entries.len()
                )?;
                for entry in &document.entries {
                    let at = document.source.line_col(entry.code_span.start);
                    writeln!(
                        out,
                        "  {}:{}  {}  {}",
                        at.line,
                        at.column,
                        entry.code,
                        entry
                            .title
                            .as_ref()
                            .map_or("(no title)", |t| t.text.as_str())
                    )?;
                    if let Some(description) = &entry.description {
                        for line in description.text.lines() {
                            writeln!(out, "        {line}")?;
                        }
                    }
                }
            }
        }
    }
    out.finish()?;
    Ok(if inputs.errors.is_empty() {
        0
    } else {
        EXIT_TROUBLE
    })
}

/// The `--rule` settings as (rule, severity) pairs.
fn rule_settings(args: &LintArgs) -> anyhow::Result<Vec<(String, String)>> {
    let mut rules = Vec::new();
    for setting in &args.rule {
        let (key, value) = setting.split_once('=').ok_or_else(|| {
            anyhow::anyhow!("--rule takes RULE=SEVERITY, such as SD101=off; got `{setting}`")
        })?;
        rules.push((key.to_owned(), value.to_owned()));
    }
    Ok(rules)
}

/// What walking skips: the run's configuration (`exclude`, `extend-exclude`,
/// `include`) and `--exclude`.
fn walk_skip(
    args: &LintArgs,
    root: &ProjectRoot,
    rules: &[(String, String)],
) -> anyhow::Result<statusdoc_corpus::Skip> {
    let config = inputs::find_config(args.config.as_deref(), root)?;
    // Check the --rule settings before anything is read.
    let mut checked = config.clone();
    for (key, value) in rules {
        checked.set(key, value).map_err(anyhow::Error::msg)?;
    }
    let mut builder = globset::GlobSetBuilder::new();
    for pattern in &args.exclude {
        builder.add(
            globset::GlobBuilder::new(pattern.trim_end_matches('/'))
                .literal_separator(true)
                .build()
                .map_err(|e| anyhow::anyhow!("--exclude {pattern}: {e}"))?,
        );
    }
    let excluded = builder.build()?;
    let root = root.clone();
    Ok(std::sync::Arc::new(
        move |path: &std::path::Path, is_dir: bool| {
            config.skips(path, is_dir)
                || !excluded.is_empty()
                    && (excluded.is_match(root.relative(path))
                        || path.file_name().is_some_and(|n| excluded.is_match(n)))
        },
    ))
}

fn lint_command(args: LintArgs, registry: &Registry) -> anyhow::Result<u8> {
    let rules = rule_settings(&args)?;
    let root = ProjectRoot::discover(args.input.project_root.as_deref())?;
    let mut reading = Reading::new(&root, args.input_format.map(Into::into), registry);
    reading.stdin_filename = args.input.stdin_filename.as_deref();
    reading.skip = walk_skip(&args, &root, &rules)?;
    reading.quiet = args.quiet;
    let fixing = args.fix || args.unsafe_fixes;
    if fixing && args.paths.iter().any(|p| inputs::is_stdin(p)) {
        anyhow::bail!("--fix rewrites pages in place: it cannot fix standard input (-)");
    }
    // Pages that are not compared with each other (no manifest corpus) and outputs that
    // are written finding by finding are linted one chunk of pages at a time: memory
    // stays bounded by the pages in flight, not the tree.
    let streamable = !fixing
        && !args.summary
        && matches!(
            args.format,
            LintFormat::Human | LintFormat::Concise | LintFormat::Json | LintFormat::Github
        );
    if streamable {
        if let Some(files) = inputs::page_files(&args.paths, &reading) {
            return stream::lint(&args, &rules, files, &reading);
        }
    }
    let inputs = inputs::load_with(&args.paths, &reading);
    inputs.print_errors();
    let configs = inputs::Configs::resolve_in(&inputs, args.config.as_deref(), &rules, &root)?;
    let config = &configs.default;
    let pages: Vec<Page> = inputs.pages_with(&configs);
    let mut diagnostics = lint(&pages, registry, config);

    if fixing {
        // Fix, re-read and re-lint until nothing more is fixed: a fix held back by an
        // overlap with another is made on the next pass.
        let mut current = inputs;
        let mut total = fix::Fixed::default();
        for _ in 0..fix::MAX_PASSES {
            let fixed = fix::apply(&current, &diagnostics, args.unsafe_fixes)?;
            total.refused.extend(fixed.refused);
            if fixed.fixes == 0 {
                break;
            }
            total.fixes += fixed.fixes;
            total.files += fixed.files;
            // Report what is left, as read back from the fixed files.
            current = inputs::load_with(&args.paths, &reading);
            let configs =
                inputs::Configs::resolve_in(&current, args.config.as_deref(), &rules, &root)?;
            diagnostics = lint(&current.pages_with(&configs), registry, &configs.default);
        }
        if total.fixes > 0 && !args.quiet {
            eprintln!(
                "fixed {} finding(s) in {} file(s)",
                total.fixes, total.files
            );
        }
        for refused in &total.refused {
            eprintln!("error: {refused}");
        }
        let status = report(&args, &root, &current, &diagnostics)?;
        // A page that could not be fixed safely is an I/O problem the user must see.
        return Ok(if total.refused.is_empty() {
            status
        } else {
            EXIT_TROUBLE.max(status)
        });
    }
    report(&args, &root, &inputs, &diagnostics)
}

/// The exit status: 2 when a file could not be read, 1 for failing findings (unless
/// `--exit-zero`), else 0.
pub(crate) fn exit_status(
    args: &LintArgs,
    problems: usize,
    diagnostics: &[statusdoc_model::Diagnostic],
) -> u8 {
    let deny_warnings = args.deny.iter().any(|d| d == "warnings");
    if problems > 0 {
        EXIT_TROUBLE
    } else if !args.exit_zero && has_failures(diagnostics, deny_warnings) {
        1
    } else {
        0
    }
}

/// Writes the statistics table: on the output for people's formats, on standard error
/// for machine formats (so that the output stays parseable). The human format's
/// summary block has it already, unless `--quiet` left the summary out.
pub(crate) fn write_statistics(
    args: &LintArgs,
    out: &mut Output,
    diagnostics: &[statusdoc_model::Diagnostic],
) -> anyhow::Result<()> {
    if !args.statistics {
        return Ok(());
    }
    let table = statusdoc_report::statistics(diagnostics);
    match args.format {
        LintFormat::Human if !args.quiet => {}
        LintFormat::Human | LintFormat::Concise => write!(out, "{table}")?,
        _ => eprint!("{table}"),
    }
    Ok(())
}

fn report(
    args: &LintArgs,
    root: &ProjectRoot,
    inputs: &inputs::Inputs,
    diagnostics: &[statusdoc_model::Diagnostic],
) -> anyhow::Result<u8> {
    let deny_warnings = args.deny.iter().any(|d| d == "warnings");
    let status = exit_status(args, inputs.errors.len(), diagnostics);
    let sources = Sources::new(inputs.documents().map(|d| &d.source));
    let mut out = Output::open(args.input.output_file.as_deref())?;
    let color = output::use_color(args.color, &out);
    let problems: &[Problem] = &inputs.errors;
    match args.format {
        LintFormat::Human => {
            write!(
                out,
                "{}",
                statusdoc_report::human_grouped(diagnostics, &sources, color)
            )?;
            if !args.quiet {
                let run = RunSummary {
                    pages: inputs.inputs.len(),
                    with_entries: inputs.documents().filter(|d| !d.entries.is_empty()).count(),
                    symlinks: inputs.symlinks,
                    unreadable: inputs.errors.len(),
                };
                write!(
                    out,
                    "{}",
                    statusdoc_report::summary_block(diagnostics, &run)
                )?;
            }
        }
        LintFormat::Concise => write!(out, "{}", statusdoc_report::concise(diagnostics))?,
        LintFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &statusdoc_report::diagnostics_json(diagnostics),
            )?;
            writeln!(out)?;
        }
        LintFormat::Sarif => {
            serde_json::to_writer_pretty(
                &mut out,
                &statusdoc_report::sarif(
                    diagnostics,
                    &sources,
                    &statusdoc_report::SarifRun {
                        tool_version: env!("CARGO_PKG_VERSION"),
                        root: Some(root.dir()),
                        exit_code: status,
                        problems,
                    },
                ),
            )?;
            writeln!(out)?;
        }
        LintFormat::Github => write!(out, "{}", statusdoc_report::github(diagnostics))?,
        LintFormat::Gitlab => {
            serde_json::to_writer_pretty(
                &mut out,
                &statusdoc_report::gitlab(diagnostics, &sources),
            )?;
            writeln!(out)?;
        }
        LintFormat::Junit => {
            let paths: Vec<&str> = inputs.documents().map(|d| d.path()).collect();
            write!(
                out,
                "{}",
                statusdoc_report::junit(diagnostics, &paths, problems, deny_warnings)
            )?;
        }
    }
    if args.summary {
        let summary = statusdoc_lint::vendor_summary(&inputs.pages(), Registry::bundled());
        let table = statusdoc_report::vendor_summary_markdown(&summary);
        if matches!(args.format, LintFormat::Human | LintFormat::Concise) {
            write!(out, "\n{table}")?;
        } else {
            eprint!("{table}");
        }
    }
    write_statistics(args, &mut out, diagnostics)?;
    out.finish()?;
    Ok(status)
}
