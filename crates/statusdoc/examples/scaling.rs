//! Growth exponents of reading and linting along each dimension an input can grow in:
//! table rows, nesting depth, line length, files and findings, each measured at 1×, 4×
//! and 16× a base size, plus the inputs once reported as slow.
//!
//! `cargo run --release -p statusdoc --example scaling [-- --quick]`
//!
//! The exponent is the slope of log(time) over log(input bytes) through the three sizes
//! (least squares): 1.0 is linear in the input, 2.0 quadratic. Bytes, not the nominal
//! size: a staircase of depth k is k² bytes of indentation, so its time is judged
//! against what the reader is given. Each time is the fastest of a few runs. It
//! asserts nothing (`cargo xtask bench --scaling` owns the benchmark gate); a line
//! marked `!` grows faster than n^1.3.
use std::hint::black_box;
use std::time::{Duration, Instant};

use statusdoc_lint::{Config, Page};
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

fn read(text: &str, format: Format) -> Document {
    statusdoc_ingest::read_source(
        SourceFile::new(name(format), text),
        format,
        Registry::bundled(),
    )
}

fn name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "page.md",
        Format::ReStructuredText => "page.rst",
        Format::Html => "page.html",
        Format::Text => "page.txt",
        Format::AsciiDoc => "page.adoc",
        Format::OpenApi => "page.yaml",
    }
}

/// The fastest of `runs` runs of `f` (at least one; fewer when one run is slow).
fn time(mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    let started = Instant::now();
    for _ in 0..5 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        if started.elapsed() > Duration::from_secs(2) {
            break;
        }
    }
    best
}

/// Least-squares slope of log(time) over log(size).
fn exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| p.0.ln()).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1.max(1e-7).ln()).collect();
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let var: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    cov / var
}

/// An input's size in bytes, and the work of reading or linting it.
type SizedWork = (usize, Box<dyn FnMut()>);

struct Case {
    dimension: &'static str,
    what: &'static str,
    base: usize,
    /// The input's size in bytes at size `n`, and the work for it (run once per call).
    run: Box<dyn Fn(usize) -> SizedWork>,
}

fn reader_case(
    dimension: &'static str,
    what: &'static str,
    base: usize,
    format: Format,
    make: fn(usize) -> String,
) -> Case {
    Case {
        dimension,
        what,
        base,
        run: Box::new(move |n| {
            let text = make(n);
            let bytes = text.len();
            let work: Box<dyn FnMut()> = Box::new(move || {
                black_box(read(&text, format));
            });
            (bytes, work)
        }),
    }
}

const PHRASES: &[(u16, &str)] = &[
    (200, "OK"),
    (201, "Created"),
    (204, "No Content"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (409, "Conflict"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
];

fn markdown_rows(n: usize) -> String {
    let mut page =
        String::from("# Status codes\n\n| Code | Title | Description |\n|---|---|---|\n");
    for i in 0..n {
        let (code, phrase) = PHRASES[i % PHRASES.len()];
        page.push_str(&format!("| {code} | {phrase} | Row {i} of the table. |\n"));
    }
    page
}

fn rst_grid_rows(n: usize) -> String {
    let mut page = String::from(
        "Status codes\n============\n\n+------+-----------------------+----------------+\n| Code | Title                 | Description    |\n+======+=======================+================+\n",
    );
    for i in 0..n {
        let (code, phrase) = PHRASES[i % PHRASES.len()];
        page.push_str(&format!(
            "| {code}  | {phrase:<21} | Row {:<10} |\n+------+-----------------------+----------------+\n",
            i % 1_000_000
        ));
    }
    page
}

fn html_rows(n: usize) -> String {
    let mut page = String::from(
        "<h1>Status codes</h1><table><tr><th>Code</th><th>Title</th><th>Description</th></tr>\n",
    );
    for i in 0..n {
        let (code, phrase) = PHRASES[i % PHRASES.len()];
        page.push_str(&format!(
            "<tr><td>{code}</td><td>{phrase}</td><td>Row {i}.</td></tr>\n"
        ));
    }
    page.push_str("</table>\n");
    page
}

fn openapi_operations(n: usize) -> String {
    let mut page = String::from("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n");
    for i in 0..n {
        page.push_str(&format!(
            "  /r{i}:\n    get:\n      responses:\n        '200': {{description: OK}}\n        '404': {{description: Not Found}}\n"
        ));
    }
    page
}

fn rst_staircase(k: usize) -> String {
    (0..k)
        .map(|i| format!("{}- 404 Not Found\n", "  ".repeat(i)))
        .collect()
}

fn markdown_quotes(k: usize) -> String {
    format!(
        "{} | Code | Title |\n{0} |---|---|\n{0} | 404 | Not Found |\n",
        ">".repeat(k)
    )
}

fn html_nested_tables(k: usize) -> String {
    let mut page = String::new();
    for _ in 0..k {
        page.push_str("<table><tr><th>Code</th><th>Title</th></tr><tr><td>404</td><td>Not Found</td></tr><tr><td colspan=2>");
    }
    for _ in 0..k {
        page.push_str("</td></tr></table>");
    }
    page
}

fn asciidoc_nested_lists(k: usize) -> String {
    (1..=k)
        .map(|i| format!("{} 404 Not Found\n", "*".repeat(i)))
        .collect()
}

fn long_line(format: Format) -> fn(usize) -> String {
    match format {
        Format::Markdown => |n| {
            format!(
                "| Code | Title |\n|---|---|\n| 404 | Not Found |\n\n{}\n",
                "word ".repeat(n / 5)
            )
        },
        Format::ReStructuredText => |n| {
            format!(
                "- 404 Not Found\n  - 410 Gone {}\n    - 500 Internal Server Error\n",
                "word ".repeat(n / 5)
            )
        },
        Format::Html => |n| {
            format!(
                "<table><tr><td>404</td><td>Not Found</td></tr><tr><td>410</td><td>Gone {}</td></tr></table>",
                "word ".repeat(n / 5)
            )
        },
        Format::Text => |n| format!("404 Not Found\n410 Gone {}\n", "word ".repeat(n / 5)),
        Format::AsciiDoc => |n| {
            format!(
                "|===\n| Code | Title\n| 404 | Not Found\n| 410 | Gone {}\n|===\n",
                "word ".repeat(n / 5)
            )
        },
        Format::OpenApi => |n| {
            format!(
                "openapi: 3.0.0\ninfo: {{title: t, version: '1'}}\npaths:\n  /a:\n    get:\n      responses:\n        '404': {{description: 'Not Found {}'}}\n",
                "word ".repeat(n / 5)
            )
        },
    }
}

fn files_case(base: usize) -> Case {
    Case {
        dimension: "files",
        what: "lint N pages (cross-page rules included)",
        base,
        run: Box::new(|n| {
            let documents: Vec<Document> = (0..n)
                .map(|i| {
                    let mut page = markdown_rows(12);
                    page.push_str(&format!("\nPage {i}.\n"));
                    statusdoc_ingest::read_source(
                        SourceFile::new(format!("docs/page{i}.md"), page),
                        Format::Markdown,
                        Registry::bundled(),
                    )
                })
                .collect();
            let bytes = documents.iter().map(|d| d.source.text().len()).sum();
            let work: Box<dyn FnMut()> = Box::new(move || {
                let pages: Vec<Page> = documents.iter().map(Page::new).collect();
                black_box(statusdoc_lint::lint(
                    &pages,
                    Registry::bundled(),
                    &Config::default(),
                ));
            });
            (bytes, work)
        }),
    }
}

fn findings_case(base: usize) -> Case {
    Case {
        dimension: "findings",
        what: "lint + apply fixes, one wrong phrase per row",
        base,
        run: Box::new(|n| {
            let mut page =
                String::from("# Status codes\n\n| Code | Title | Description |\n|---|---|---|\n");
            for i in 0..n {
                page.push_str(&format!("| 404 | Not found | Row {i}. |\n"));
            }
            let bytes = page.len();
            let work: Box<dyn FnMut()> = Box::new(move || {
                let document = read(&page, Format::Markdown);
                let diagnostics = statusdoc_lint::lint_document(
                    &document,
                    Registry::bundled(),
                    &Config::default(),
                );
                let mut text = page.clone();
                let mut edits: Vec<_> = diagnostics
                    .iter()
                    .filter_map(|d| d.fix.as_ref())
                    .filter(|f| f.safe)
                    .flat_map(|f| f.edits.iter())
                    .collect();
                edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
                edits.dedup_by_key(|e| e.span.start);
                for e in edits {
                    text.replace_range(e.span.start..e.span.end, &e.replacement);
                }
                black_box(text);
            });
            (bytes, work)
        }),
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let scale = if quick { 4 } else { 1 };
    let cases = vec![
        reader_case(
            "table rows",
            "Markdown pipe table",
            1000 / scale,
            Format::Markdown,
            markdown_rows,
        ),
        reader_case(
            "table rows",
            "RST grid table",
            500 / scale,
            Format::ReStructuredText,
            rst_grid_rows,
        ),
        reader_case(
            "table rows",
            "HTML table",
            1000 / scale,
            Format::Html,
            html_rows,
        ),
        reader_case(
            "table rows",
            "OpenAPI operations",
            250 / scale,
            Format::OpenApi,
            openapi_operations,
        ),
        reader_case(
            "nesting depth",
            "RST bullet staircase",
            200 / scale,
            Format::ReStructuredText,
            rst_staircase,
        ),
        reader_case(
            "nesting depth",
            "Markdown block quotes",
            200 / scale,
            Format::Markdown,
            markdown_quotes,
        ),
        reader_case(
            "nesting depth",
            "HTML nested tables",
            500 / scale,
            Format::Html,
            html_nested_tables,
        ),
        reader_case(
            "nesting depth",
            "AsciiDoc nested lists",
            200 / scale,
            Format::AsciiDoc,
            asciidoc_nested_lists,
        ),
        reader_case(
            "line length",
            "Markdown",
            65_536 / scale,
            Format::Markdown,
            long_line(Format::Markdown),
        ),
        reader_case(
            "line length",
            "RST in a staircase",
            65_536 / scale,
            Format::ReStructuredText,
            long_line(Format::ReStructuredText),
        ),
        reader_case(
            "line length",
            "HTML cell",
            65_536 / scale,
            Format::Html,
            long_line(Format::Html),
        ),
        reader_case(
            "line length",
            "text dump",
            65_536 / scale,
            Format::Text,
            long_line(Format::Text),
        ),
        reader_case(
            "line length",
            "AsciiDoc cell",
            65_536 / scale,
            Format::AsciiDoc,
            long_line(Format::AsciiDoc),
        ),
        reader_case(
            "line length",
            "OpenAPI scalar",
            65_536 / scale,
            Format::OpenApi,
            long_line(Format::OpenApi),
        ),
        files_case(100 / scale),
        findings_case(500 / scale),
    ];
    println!(
        "{:<14} {:<44} {:>8} {:>11} {:>11} {:>11} {:>9}",
        "dimension", "input", "1x size", "1x", "4x", "16x", "exponent"
    );
    for case in &cases {
        let mut points = Vec::new();
        let mut times = Vec::new();
        for factor in [1, 4, 16] {
            let n = case.base * factor;
            let (bytes, mut work) = (case.run)(n);
            let t = time(&mut *work);
            points.push((bytes as f64, t.as_secs_f64()));
            times.push(t);
        }
        let e = exponent(&points);
        println!(
            "{:<14} {:<44} {:>8} {:>11.2?} {:>11.2?} {:>11.2?} {:>8.2}{}",
            case.dimension,
            case.what,
            case.base,
            times[0],
            times[1],
            times[2],
            e,
            if e > 1.3 { " !" } else { "" }
        );
    }
    println!("\nreported inputs (each should finish under 0.2 s in release):");
    let reported: Vec<(&str, Format, String)> = vec![
        (
            "'[[[[[[[[[[[[[' as RST",
            Format::ReStructuredText,
            "[".repeat(13),
        ),
        ("'[x]'*19 as Markdown", Format::Markdown, "[x]".repeat(19)),
        (
            "'[x]'*19 as RST",
            Format::ReStructuredText,
            "[x]".repeat(19),
        ),
        (
            "RST staircase k=3200",
            Format::ReStructuredText,
            rst_staircase(3200),
        ),
        (
            "HTML nested tables k=16000",
            Format::Html,
            html_nested_tables(16_000),
        ),
        ("1 MB line in an RST staircase", Format::ReStructuredText, {
            let mut page = rst_staircase(400);
            page.push_str(&format!(
                "{}- 404 {}\n",
                "  ".repeat(400),
                "x".repeat(1 << 20)
            ));
            page.push_str(&rst_staircase(400));
            page
        }),
    ];
    for (what, format, text) in reported {
        let t = time(|| {
            black_box(read(&text, format));
        });
        println!(
            "  {what:<40} {:>11.2?}{}",
            t,
            if t > Duration::from_millis(200) {
                "  SLOW"
            } else {
                ""
            }
        );
    }
}
