//! `statusdoc`: lint API vendors' documentation of HTTP status codes.

mod cli;
mod fix;
mod inputs;
mod report_command;
mod stream;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, ExtractFormat, LintArgs, LintFormat};
use statusdoc_lint::{all_rules, find_rule, has_failures, lint, Page};
use statusdoc_reference::Registry;
use statusdoc_report::Sources;

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
        Command::Extract(args) => {
            let inputs = inputs::load(&args.paths, args.input_format.map(Into::into), registry);
            inputs.print_errors();
            let documents: Vec<_> = inputs.documents().collect();
            let mut out = std::io::stdout().lock();
            match args.format {
                ExtractFormat::Json => {
                    serde_json::to_writer_pretty(
                        &mut out,
                        &statusdoc_report::documents_json(&documents),
                    )?;
                    writeln!(out)?;
                }
                ExtractFormat::Outline => {
                    for input in &inputs.inputs {
                        let bytes = std::fs::read(&input.file)?;
                        let mut options = statusdoc_ingest::ReadOptions::new(registry);
                        options.format = Some(input.document.format);
                        let (_, page) = statusdoc_ingest::read_page_model(
                            input.document.path(),
                            &bytes,
                            &options,
                        )?;
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
            Ok(if inputs.errors.is_empty() {
                0
            } else {
                EXIT_TROUBLE
            })
        }
        Command::Lint(args) => lint_command(args, registry),
        Command::Report(args) => report_command::run(args, registry),
        Command::Rules { json } => {
            let mut out = std::io::stdout().lock();
            if json {
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
            Ok(0)
        }
        Command::Explain { rule } => {
            let Some(meta) = find_rule(&rule) else {
                anyhow::bail!("unknown rule `{rule}`; `statusdoc rules` lists them");
            };
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}\n", meta.doc())?;
            writeln!(
                out,
                "Default: {}{}. Category: {}.",
                if meta.default_enabled {
                    meta.default_severity.as_str()
                } else {
                    "off (opt-in)"
                },
                if meta.fixable { ", fixable" } else { "" },
                meta.category.as_str()
            )?;
            Ok(0)
        }
    }
}

fn lint_command(args: LintArgs, registry: &Registry) -> anyhow::Result<u8> {
    let mut rules = Vec::new();
    for setting in &args.rule {
        let (key, value) = setting.split_once('=').ok_or_else(|| {
            anyhow::anyhow!("--rule takes RULE=SEVERITY, such as SD101=off; got `{setting}`")
        })?;
        rules.push((key.to_owned(), value.to_owned()));
    }
    // Pages that are not compared with each other (no manifest corpus) and outputs that
    // are written finding by finding are linted one chunk of pages at a time: memory
    // stays bounded by the pages in flight, not the tree.
    let streamable = !args.fix
        && !args.unsafe_fixes
        && !args.summary
        && matches!(
            args.format,
            LintFormat::Human | LintFormat::Concise | LintFormat::Json | LintFormat::Github
        );
    if streamable {
        if let Some((files, errors)) =
            inputs::page_files(&args.paths, args.input_format.map(Into::into))
        {
            return stream::lint(&args, &rules, files, errors, registry);
        }
    }
    let inputs = inputs::load(&args.paths, args.input_format.map(Into::into), registry);
    inputs.print_errors();
    let configs = inputs::Configs::resolve(&inputs, args.config.as_deref(), &rules)?;
    let config = &configs.default;
    let pages: Vec<Page> = inputs.pages_with(&configs);
    let mut diagnostics = lint(&pages, registry, config);

    if args.fix || args.unsafe_fixes {
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
            current = inputs::load(&args.paths, args.input_format.map(Into::into), registry);
            let configs = inputs::Configs::resolve(&current, args.config.as_deref(), &rules)?;
            diagnostics = lint(&current.pages_with(&configs), registry, &configs.default);
        }
        if total.fixes > 0 {
            eprintln!(
                "fixed {} finding(s) in {} file(s)",
                total.fixes, total.files
            );
        }
        for refused in &total.refused {
            eprintln!("error: {refused}");
        }
        let status = report(&args, &current, &diagnostics)?;
        // A page that could not be fixed safely is an I/O problem the user must see.
        return Ok(if total.refused.is_empty() {
            status
        } else {
            EXIT_TROUBLE.max(status)
        });
    }
    report(&args, &inputs, &diagnostics)
}

/// Whether the human output is coloured.
fn use_color(args: &LintArgs) -> bool {
    match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn report(
    args: &LintArgs,
    inputs: &inputs::Inputs,
    diagnostics: &[statusdoc_model::Diagnostic],
) -> anyhow::Result<u8> {
    let deny_warnings = args.deny.iter().any(|d| d == "warnings");
    let sources = Sources::new(inputs.documents().map(|d| &d.source));
    let mut out = std::io::stdout().lock();
    let color = use_color(args);
    match args.format {
        LintFormat::Human => {
            write!(
                out,
                "{}",
                statusdoc_report::human(diagnostics, &sources, color)
            )?;
            let pages = inputs.documents().count();
            let with_entries = inputs.documents().filter(|d| !d.entries.is_empty()).count();
            writeln!(
                out,
                "{} in {pages} page{} ({with_entries} with status codes){}",
                statusdoc_report::summary_line(diagnostics),
                if pages == 1 { "" } else { "s" },
                match inputs.errors.len() {
                    0 => String::new(),
                    n => format!(
                        "; {n} file{} could not be read (see above)",
                        if n == 1 { "" } else { "s" }
                    ),
                }
            )?;
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
                &statusdoc_report::sarif(diagnostics, &sources, env!("CARGO_PKG_VERSION")),
            )?;
            writeln!(out)?;
        }
        LintFormat::Github => write!(out, "{}", statusdoc_report::github(diagnostics))?,
        LintFormat::Gitlab => {
            serde_json::to_writer_pretty(&mut out, &statusdoc_report::gitlab(diagnostics))?;
            writeln!(out)?;
        }
        LintFormat::Junit => {
            let paths: Vec<&str> = inputs.documents().map(|d| d.path()).collect();
            write!(
                out,
                "{}",
                statusdoc_report::junit(diagnostics, &paths, deny_warnings)
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
    if args.statistics {
        // Statistics go to stderr in machine formats so stdout stays parseable.
        let table = statusdoc_report::statistics(diagnostics);
        if matches!(args.format, LintFormat::Human | LintFormat::Concise) {
            write!(out, "{table}")?;
        } else {
            eprint!("{table}");
        }
    }
    Ok(if !inputs.errors.is_empty() {
        EXIT_TROUBLE
    } else if has_failures(diagnostics, deny_warnings) {
        1
    } else {
        0
    })
}
