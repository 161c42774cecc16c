//! `statusdoc lint` on a docs tree, a chunk of pages at a time.
//!
//! Each page is read, interpreted, linted and rendered on a rayon worker, then dropped:
//! only its rendered output and a small record of each finding (for the summary, the
//! statistics and the exit status) outlive it. Chunks are written in file order, so
//! the output is the same whatever the number of threads, and peak memory is bounded
//! by the pages in flight rather than the size of the tree. Used when no page is
//! compared with another (no manifest corpus) and the output format is written finding
//! by finding (human, concise, JSON, GitHub).

use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use statusdoc_lint::Page;
use statusdoc_model::Diagnostic;
use statusdoc_report::{Problem, RunSummary, Sources};

use crate::cache::{CachedPage, Lookup};

use crate::cli::{LintArgs, LintFormat};
use crate::inputs::{read_one, Configs, PageFiles, Reading};
use crate::output::Output;

/// Pages read and linted together before their output is written.
const CHUNK: usize = 256;

/// A page's output, and its new or restamped cache record.
type Linted = (PageOutput, Option<(String, CachedPage)>);

/// What one page leaves behind.
struct PageOutput {
    rendered: String,
    findings: Vec<Diagnostic>,
    has_entries: bool,
}

pub fn lint(
    args: &LintArgs,
    rules: &[(String, String)],
    files: PageFiles,
    reading: &Reading,
) -> anyhow::Result<u8> {
    for error in &files.errors {
        eprintln!("error: {error}");
    }
    let PageFiles {
        files,
        errors,
        symlinks,
    } = files;
    let paths: Vec<&Path> = files.iter().map(|(f, _)| f.as_path()).collect();
    let mut out = Output::open(args.input.output_file.as_deref())?;
    let color = crate::output::use_color(args.color, &out);
    // The cache is read and decoded while the configurations are found (both mostly
    // wait on the file system).
    let (configs, mut cache) = std::thread::scope(|scope| {
        let cache = scope.spawn(|| {
            crate::cache::folder(args.cache_dir.as_deref(), args.no_cache, reading.root).map(
                |dir| {
                    let settings = format!(
                        "format {:?}, color {color}, input format {:?}",
                        args.format, reading.format
                    );
                    crate::cache::Cache::open(&dir, &settings)
                },
            )
        });
        let configs = Configs::resolve_files(&paths, args.config.as_deref(), rules, reading.root);
        let cache = cache
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        configs.map(|configs| (configs, cache))
    })?;
    let mut findings: Vec<Diagnostic> = Vec::new();
    let (mut pages, mut with_entries, mut unreadable) = (0usize, 0usize, errors.len());
    let mut json_items = 0usize;
    if args.format == LintFormat::Json {
        write!(out, "{{\n  \"diagnostics\": [")?;
    }
    let mut progress = Progress::new(files.len(), args.quiet);
    let config_of = configs.fingerprinted();
    for (chunk_index, chunk) in files.chunks(CHUNK).enumerate() {
        let outputs: Vec<Result<Linted, Problem>> = chunk
            .par_iter()
            .enumerate()
            .map(|(k, (file, discovered))| {
                let (config, fingerprint) = config_of(chunk_index * CHUNK + k);
                let Some(cache) = cache.as_ref() else {
                    return lint_page(args, file, *discovered, None, config, reading, color)
                        .map(|page| (page, None));
                };
                let shown = reading.root.show(file);
                match cache.lookup(&shown, file, fingerprint, *discovered) {
                    Lookup::Hit(cached, restamped) => Ok((
                        PageOutput {
                            rendered: cached.rendered.clone(),
                            findings: cached.findings(),
                            has_entries: cached.has_entries,
                        },
                        restamped.map(|page| (shown, page)),
                    )),
                    Lookup::Miss(bytes) => {
                        let stamp = crate::cache::Stamp::of(file);
                        let bytes = match bytes {
                            Some(bytes) => bytes,
                            None => std::fs::read(file).map_err(|e| Problem {
                                message: format!("{shown}: {e}"),
                                path: Some(shown.clone()),
                            })?,
                        };
                        let page = lint_page(
                            args,
                            file,
                            *discovered,
                            Some(&bytes),
                            config,
                            reading,
                            color,
                        )?;
                        let cached = crate::cache::cached_page(
                            &bytes,
                            stamp,
                            fingerprint,
                            *discovered,
                            &page.rendered,
                            &page.findings,
                            page.has_entries,
                        );
                        Ok((page, cached.map(|c| (shown, c))))
                    }
                }
            })
            .collect();
        for output in outputs {
            match output {
                Ok((page, cached)) => {
                    if let (Some(cache), Some((shown, entry))) = (cache.as_mut(), cached) {
                        cache.insert(shown, entry);
                    }
                    pages += 1;
                    with_entries += usize::from(page.has_entries);
                    if args.format == LintFormat::Json {
                        for item in page.rendered.split_terminator('\u{0}') {
                            out.write_all(if json_items == 0 { b"\n" } else { b",\n" })?;
                            out.write_all(item.as_bytes())?;
                            json_items += 1;
                        }
                    } else {
                        out.write_all(page.rendered.as_bytes())?;
                    }
                    findings.extend(page.findings);
                }
                Err(error) => {
                    progress.bar.suspend(|| eprintln!("error: {error}"));
                    unreadable += 1;
                }
            }
        }
        progress.advance(chunk.len());
    }
    progress.bar.finish_and_clear();
    if let Some(cache) = cache {
        if let Err(error) = cache.save() {
            eprintln!(
                "warning: the lint cache was not saved: {error:#} (use --no-cache to turn it off)"
            );
        }
    }
    match args.format {
        LintFormat::Json if json_items == 0 => writeln!(out, "]\n}}")?,
        LintFormat::Json => writeln!(out, "\n  ]\n}}")?,
        LintFormat::Human if !args.quiet => {
            let run = RunSummary {
                pages,
                with_entries,
                symlinks,
                unreadable,
            };
            write!(out, "{}", statusdoc_report::summary_block(&findings, &run))?
        }
        _ => {}
    }
    crate::write_statistics(args, &mut out, &findings)?;
    out.finish()?;
    Ok(crate::exit_status(args, unreadable, &findings))
}

/// Reads (or takes the bytes of), interprets and lints one page; its output.
fn lint_page(
    args: &LintArgs,
    file: &Path,
    discovered: bool,
    bytes: Option<&[u8]>,
    config: &statusdoc_lint::Config,
    reading: &Reading,
    color: bool,
) -> Result<PageOutput, Problem> {
    let input = match bytes {
        Some(bytes) => {
            crate::inputs::read_bytes(file, reading.root.show(file), bytes, discovered, reading)?
        }
        None => read_one(file, discovered, reading)?,
    };
    let page = Page {
        config: Some(config),
        ..Page::new(&input.document)
    };
    let diagnostics = statusdoc_lint::lint(&[page], reading.registry, config);
    let rendered = render(args.format, &diagnostics, &input.document.source, color);
    Ok(PageOutput {
        rendered,
        findings: diagnostics.into_iter().map(slim).collect(),
        has_entries: !input.document.entries.is_empty(),
    })
}

/// A progress bar on stderr, shown once a run has taken a second, only when stderr is a
/// terminal and the run is not `--quiet`; cleared when the run ends, so that nothing of
/// it is left in the output or a log.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    wanted: bool,
}

impl Progress {
    fn new(pages: usize, quiet: bool) -> Self {
        use std::io::IsTerminal;
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(pages as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {bar:30} {pos}/{len} pages, {eta} left",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: std::time::Instant::now(),
            wanted: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn advance(&mut self, pages: usize) {
        self.bar.inc(pages as u64);
        if self.wanted && self.bar.is_hidden() && self.started.elapsed().as_secs() >= 1 {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

/// One page's findings in the output format. JSON items are separated by NUL, so the
/// writer can put commas between items of different pages.
fn render(
    format: LintFormat,
    diagnostics: &[Diagnostic],
    source: &statusdoc_model::SourceFile,
    color: bool,
) -> String {
    match format {
        LintFormat::Human => {
            statusdoc_report::human_file(source.path(), diagnostics, &Sources::new([source]), color)
        }
        LintFormat::Concise => statusdoc_report::concise(diagnostics),
        LintFormat::Github => statusdoc_report::github(diagnostics),
        LintFormat::Json => {
            let mut out = String::new();
            for d in diagnostics {
                let item = serde_json::to_string_pretty(&statusdoc_report::diagnostic_json(d))
                    .unwrap_or_default();
                for (i, line) in item.lines().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("    ");
                    out.push_str(line);
                }
                out.push('\u{0}');
            }
            out
        }
        LintFormat::Sarif | LintFormat::Gitlab | LintFormat::Junit => String::new(),
    }
}

/// What the summary, the statistics and the exit status need of a finding.
fn slim(mut d: Diagnostic) -> Diagnostic {
    d.message = String::new();
    d.help = None;
    d.fix = None;
    d.labels = Vec::new();
    d
}
