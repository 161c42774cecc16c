//! `cargo xtask bench --shapes` (and part of `--scaling`): growth of statusdoc's time
//! along each axis of input shape that a reader or a rule could be worse than linear
//! in: table rows, nesting depth, line length, files and findings, in every format
//! where the axis means something.
//!
//! Each shape is a generated input at 1×, 4× and 16× its base size, linted by the
//! release binary (`statusdoc lint PATH --format json -o /dev/null --no-cache`); the
//! time of linting an empty page (process start, registry) is subtracted, and the
//! growth exponent is log(time ratio) / log(size ratio) from 1× to 16×: 1 is linear.
//! An exponent above [`MAX_EXPONENT`] fails the command. These are the shapes that
//! were once exponential, cubic or quadratic (the reliability issue's reproductions):
//! an RST head of brackets, a bullet staircase with an entry on each step, nested HTML
//! tables, a tree of pages that all have findings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context};

/// Growth exponent above which a shape fails (1 is linear; the margin absorbs the
/// noise of a shared machine).
pub const MAX_EXPONENT: f64 = 1.15;

/// Multiples of each shape's base size that are linted.
const FACTORS: [usize; 3] = [1, 4, 16];

/// One axis: its name, the file name it is written under, its base size and how the
/// input of size `n` is made.
struct Shape {
    axis: &'static str,
    what: &'static str,
    file: &'static str,
    base: usize,
    make: fn(usize) -> Vec<(String, String)>,
}

fn one(file: &str, text: String) -> Vec<(String, String)> {
    vec![(file.to_owned(), text)]
}

/// A code and its phrase for row `i` (a few codes in turn, so that rows differ).
fn row_code(i: usize) -> (u16, &'static str) {
    const CODES: [(u16, &str); 6] = [
        (200, "OK"),
        (201, "Created"),
        (400, "Bad Request"),
        (404, "Not Found"),
        (409, "Conflict"),
        (503, "Service Unavailable"),
    ];
    CODES[i % CODES.len()]
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            axis: "table rows",
            what: "Markdown pipe table",
            file: "rows.md",
            base: 2_000,
            make: |n| {
                let mut s = String::from(
                    "# HTTP status codes\n\n| Code | Title | Description |\n|---|---|---|\n",
                );
                for i in 0..n {
                    let (code, phrase) = row_code(i);
                    let _ = writeln!(s, "| {code} | {phrase} | Row {i} of the table. |");
                }
                one("rows.md", s)
            },
        },
        Shape {
            axis: "table rows",
            what: "reStructuredText grid table",
            file: "rows.rst",
            base: 4_000,
            make: |n| {
                let rule = "+------+---------------------+------------------------+\n";
                let mut s = format!("HTTP status codes\n=================\n\n{rule}| Code | Title               | Description            |\n{}", rule.replace('-', "="));
                for i in 0..n {
                    let (code, phrase) = row_code(i);
                    let _ = write!(
                        s,
                        "| {code}  | {phrase:<19} | {:<22} |\n{rule}",
                        format!("Row {i}.")
                    );
                }
                one("rows.rst", s)
            },
        },
        Shape {
            axis: "table rows",
            what: "HTML table",
            file: "rows.html",
            base: 2_000,
            make: |n| {
                let mut s = String::from("<html><body><h1>HTTP status codes</h1><table><tr><th>Code</th><th>Title</th><th>Description</th></tr>\n");
                for i in 0..n {
                    let (code, phrase) = row_code(i);
                    let _ = writeln!(
                        s,
                        "<tr><td>{code}</td><td>{phrase}</td><td>Row {i} of the table.</td></tr>"
                    );
                }
                s.push_str("</table></body></html>\n");
                one("rows.html", s)
            },
        },
        Shape {
            axis: "table rows",
            what: "AsciiDoc table",
            file: "rows.adoc",
            base: 4_000,
            make: |n| {
                let mut s = String::from("= HTTP status codes\n\n[cols=\"1,2,3\",options=\"header\"]\n|===\n|Code |Title |Description\n");
                for i in 0..n {
                    let (code, phrase) = row_code(i);
                    let _ = writeln!(s, "|{code} |{phrase} |Row {i} of the table.");
                }
                s.push_str("|===\n");
                one("rows.adoc", s)
            },
        },
        Shape {
            axis: "table rows",
            what: "OpenAPI responses",
            file: "rows.yaml",
            base: 4_000,
            make: |n| {
                let mut s = String::from(
                    "openapi: 3.0.3\ninfo:\n  title: Shapes\n  version: '1'\npaths:\n",
                );
                for i in 0..n {
                    let (code, phrase) = row_code(i);
                    let _ = write!(
                        s,
                        "  /items/{i}:\n    get:\n      responses:\n        '{code}':\n          description: {phrase}\n"
                    );
                }
                one("rows.yaml", s)
            },
        },
        Shape {
            axis: "nesting depth",
            what: "reStructuredText bullet staircase, an entry on each step",
            file: "depth.rst",
            // Indentation makes the bytes grow with depth²: n is depth², and the page
            // holds 20 staircases so that the smallest takes measurable time.
            base: 200 * 200,
            make: |n| {
                let depth = n.isqrt();
                let mut s = String::new();
                for _ in 0..20 {
                    s.push_str("Codes\n=====\n\n");
                    for i in 0..depth {
                        let _ = writeln!(s, "{}- 404 Not Found\n", "  ".repeat(i));
                    }
                }
                one("depth.rst", s)
            },
        },
        Shape {
            axis: "nesting depth",
            what: "HTML tables nested in cells, an entry in each",
            file: "depth.html",
            // Twenty nests side by side, so that the smallest takes measurable time.
            base: 200,
            make: |n| {
                let mut s = String::from("<html><body>");
                for _ in 0..20 {
                    for _ in 0..n {
                        s.push_str("<table><tr><th>Code</th><th>Title</th></tr><tr><td>404</td><td>Not Found</td></tr><tr><td colspan=\"2\">");
                    }
                    for _ in 0..n {
                        s.push_str("</td></tr></table>");
                    }
                }
                s.push_str("</body></html>\n");
                one("depth.html", s)
            },
        },
        Shape {
            axis: "nesting depth",
            what: "Markdown block quotes, an entry in each",
            file: "depth.md",
            // As the staircase: n is depth², twenty nests in the page.
            base: 200 * 200,
            make: |n| {
                let depth = n.isqrt();
                let mut s = String::new();
                for _ in 0..20 {
                    s.push_str("# Codes\n\n");
                    for i in 1..=depth {
                        let _ = writeln!(s, "{} - 404 Not Found\n", ">".repeat(i));
                    }
                }
                one("depth.md", s)
            },
        },
        Shape {
            axis: "nesting depth",
            what: "reStructuredText head of brackets (no title first)",
            file: "brackets.rst",
            base: 500_000,
            make: |n| one("brackets.rst", "[x]".repeat(n)),
        },
        Shape {
            axis: "line length",
            what: "Markdown list item on one long line",
            file: "line.md",
            base: 256 << 10,
            make: |n| {
                let mut s = String::from("# HTTP status codes\n\n- 404 Not Found: ");
                while s.len() < n {
                    s.push_str("the pet was not found in the store ");
                }
                s.push('\n');
                one("line.md", s)
            },
        },
        Shape {
            axis: "line length",
            what: "HTML table cell on one long line",
            file: "line.html",
            base: 256 << 10,
            make: |n| {
                let mut s = String::from("<table><tr><th>Code</th><th>Description</th></tr><tr><td>404</td><td>Not Found: ");
                while s.len() < n {
                    s.push_str("the pet was <b>not</b> found &amp; ");
                }
                s.push_str("</td></tr></table>\n");
                one("line.html", s)
            },
        },
        Shape {
            axis: "findings",
            what: "Markdown table of wrong phrases (a finding per row)",
            file: "findings.md",
            base: 2_000,
            make: |n| {
                let mut s = String::from("# HTTP status codes\n\n| Code | Title |\n|---|---|\n");
                for i in 0..n {
                    let (code, phrase) =
                        [(415, "Not Acceptable"), (413, "Request Entity Too Large")][i % 2];
                    let _ = writeln!(s, "| {code} | {phrase} |");
                }
                one("findings.md", s)
            },
        },
        Shape {
            axis: "files",
            what: "a tree of pages, each with a finding",
            file: "tree",
            base: 500,
            make: |n| {
                (0..n)
                    .map(|i| {
                        (
                            format!("tree/part-{}/page-{i}.md", i % 16),
                            format!("# Errors of service {i}\n\n| Code | Title |\n|---|---|\n| 200 | OK |\n| 415 | Not Acceptable |\n| 404 | Not Found |\n"),
                        )
                    })
                    .collect()
            },
        },
    ]
}

/// A shape's figures: bytes and median time (the time of a page without entries subtracted) per factor.
pub struct ShapeFigures {
    pub axis: &'static str,
    pub what: &'static str,
    pub sizes: Vec<(usize, u64, f64)>,
}

impl ShapeFigures {
    /// Growth exponent of time from the smallest input that takes measurable time
    /// (10 ms: below it, process noise is the time) to the largest; `None` when fewer
    /// than two do.
    pub fn exponent(&self) -> Option<f64> {
        let first = self.sizes.iter().find(|s| s.2 >= 0.01)?;
        let last = self.sizes.last()?;
        let size = (last.1 as f64 / first.1 as f64).ln();
        (size > 0.0).then(|| (last.2 / first.2).ln() / size)
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn time_lint(statusdoc: &Path, path: &Path, runs: usize) -> anyhow::Result<f64> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let status = Command::new(statusdoc)
            .args(["lint", "--format", "json", "-o", "/dev/null", "--no-cache"])
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .with_context(|| format!("running {}", statusdoc.display()))?;
        // 0: clean, 1: findings; anything else is a crash or a usage error.
        if !matches!(status.code(), Some(0 | 1)) {
            bail!("statusdoc lint {} failed ({status})", path.display());
        }
        times.push(start.elapsed().as_secs_f64());
    }
    Ok(median(times))
}

/// Lints every shape at each factor under `dir` with the release binary `statusdoc`.
pub fn measure(statusdoc: &Path, dir: &Path, runs: usize) -> anyhow::Result<Vec<ShapeFigures>> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir)?;
    // A page without entries (an empty file is refused as a usage error).
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "# Notes\n\nNothing here.\n")?;
    let start_up = time_lint(statusdoc, &empty, runs.max(5))?;
    let mut results = Vec::new();
    for shape in shapes() {
        let mut sizes = Vec::new();
        for factor in FACTORS {
            let n = shape.base * factor;
            let case = dir.join(format!("{}-{n}", shape.file.replace('.', "-")));
            std::fs::create_dir_all(&case)?;
            let mut bytes = 0u64;
            for (name, text) in (shape.make)(n) {
                let path = case.join(&name);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                bytes += text.len() as u64;
                std::fs::write(&path, text)?;
            }
            let target: PathBuf = case.join(shape.file);
            let seconds = time_lint(statusdoc, &target, runs)? - start_up;
            eprintln!(
                "    {} ({}): {n} → {:.1} KB in {:.3} s",
                shape.axis,
                shape.what,
                bytes as f64 / 1e3,
                seconds
            );
            sizes.push((n, bytes, seconds.max(0.0)));
        }
        results.push(ShapeFigures {
            axis: shape.axis,
            what: shape.what,
            sizes,
        });
    }
    Ok(results)
}

/// The Markdown section of `BENCHMARKS.md` for these figures, and the shapes whose
/// exponent is above [`MAX_EXPONENT`].
pub fn render(figures: &[ShapeFigures]) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut exceeded = Vec::new();
    let _ = writeln!(
        out,
        "## Input shapes\n\n`cargo xtask bench --shapes` (also part of `--scaling`): `statusdoc lint FILE` (release build) on generated inputs at 1×, 4× and 16× \
         their base size, the time of linting a page without entries subtracted. Exponent = log(time \
         ratio) / log(size ratio) from 1× (or the first size that takes 10 ms) to 16×; \
         `--scaling` and `--shapes` fail above {MAX_EXPONENT}.\n\n| axis | input | sizes (KB) | median times (s) | exponent |\n|---|---|---|---|--:|"
    );
    for f in figures {
        let sizes: Vec<String> = f
            .sizes
            .iter()
            .map(|s| format!("{:.0}", s.1 as f64 / 1e3))
            .collect();
        let times: Vec<String> = f.sizes.iter().map(|s| format!("{:.3}", s.2)).collect();
        let exponent = f.exponent();
        if let Some(e) = exponent.filter(|e| *e > MAX_EXPONENT) {
            exceeded.push(format!("{} ({}): {e:.2}", f.axis, f.what));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.axis,
            f.what,
            sizes.join(" / "),
            times.join(" / "),
            exponent.map_or("?".into(), |e| format!("{e:.2}"))
        );
    }
    (out, exceeded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(times: [f64; 3]) -> ShapeFigures {
        ShapeFigures {
            axis: "table rows",
            what: "test",
            sizes: vec![
                (1, 1_000, times[0]),
                (4, 4_000, times[1]),
                (16, 16_000, times[2]),
            ],
        }
    }

    #[test]
    fn linear_growth_passes_and_quadratic_fails() {
        let linear = figures([0.1, 0.4, 1.6]);
        assert!((linear.exponent().unwrap() - 1.0).abs() < 1e-9);
        let quadratic = figures([0.02, 0.32, 5.12]);
        assert!((quadratic.exponent().unwrap() - 2.0).abs() < 1e-9);
        let (_, exceeded) = render(&[linear, quadratic]);
        assert_eq!(exceeded.len(), 1, "{exceeded:?}");
    }

    #[test]
    fn times_under_ten_milliseconds_are_not_measured() {
        // The 1× run is noise: the exponent is taken from 4× to 16×.
        let fast_start = figures([0.001, 0.1, 0.4]);
        assert!((fast_start.exponent().unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(figures([0.001, 0.002, 0.004]).exponent(), None);
    }

    #[test]
    fn every_shape_makes_what_it_says() {
        for shape in shapes() {
            let small = (shape.make)(shape.base);
            let large = (shape.make)(shape.base * 4);
            let bytes = |files: &[(String, String)]| files.iter().map(|f| f.1.len()).sum::<usize>();
            assert!(
                bytes(&large) > bytes(&small) * 3,
                "{}: {}",
                shape.axis,
                shape.what
            );
            assert!(
                small
                    .iter()
                    .any(|(name, _)| name == shape.file
                        || name.starts_with(&format!("{}/", shape.file))),
                "{}: {}",
                shape.axis,
                shape.what
            );
        }
    }
}
