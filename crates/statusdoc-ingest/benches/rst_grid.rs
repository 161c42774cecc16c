//! Grid-table throughput against docutils.
//!
//! Generates a 100 MB grid-table corpus in `target/rst-bench/` (100 pages of ~1 MB,
//! seed 004's table with varied rows), reads it single-threaded with our reader
//! (median of 5 passes), and times docutils' `publish_doctree` on a slice of the same
//! pages (default 2 pages, `STATUSDOC_BENCH_DOCUTILS_PAGES`), scaled linearly to
//! 100 MB. Run with `cargo bench -p statusdoc-ingest --bench rst_grid`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use statusdoc_ingest::read_source;
use statusdoc_model::{Format, SourceFile};
use statusdoc_reference::Registry;

const PAGES: usize = 100;
const PAGE_BYTES: usize = 1 << 20;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One page: seed 004's header and table layout, rows varied deterministically.
fn page(seed_table: &[&str], header: &str, n: usize) -> String {
    let mut out = String::with_capacity(PAGE_BYTES + 64 * 1024);
    out.push_str(header);
    let rows: Vec<Vec<&str>> = {
        // Row blocks between separators (each is a `|` run ending in a border).
        let mut blocks = Vec::new();
        let mut current = Vec::new();
        for line in seed_table {
            current.push(*line);
            if line.trim_start().starts_with("+-") && current.len() > 1 {
                blocks.push(std::mem::take(&mut current));
                current.clear();
            }
        }
        blocks
    };
    let (head, body) = rows.split_first().expect("seed table");
    let top = seed_table[0];
    out.push_str(top);
    out.push('\n');
    for line in head {
        out.push_str(line);
        out.push('\n');
    }
    let mut k = n;
    while out.len() < PAGE_BYTES {
        k = k
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let block = &body[(k >> 33) % body.len()];
        for line in block {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn generate() -> Vec<PathBuf> {
    let seed =
        std::fs::read_to_string(root().join("sources/otc-iam/status-codes.rst")).expect("seed 004");
    let lines: Vec<&str> = seed.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with("+-"))
        .expect("table");
    let header = lines[..start].join("\n") + "\n";
    let table = &lines[start..];
    let dir = root().join("target/rst-bench");
    std::fs::create_dir_all(&dir).expect("bench dir");
    (0..PAGES)
        .map(|n| {
            let path = dir.join(format!("grid-{n:03}.rst"));
            if !path.exists() {
                std::fs::write(&path, page(table, &header, n)).expect("write page");
            }
            path
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let files = generate();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.to_string_lossy().into_owned(),
                std::fs::read_to_string(p).expect("read"),
            )
        })
        .collect();
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let registry = Registry::bundled();
    let mut runs = Vec::new();
    let mut entries = 0;
    for _ in 0..5 {
        let start = Instant::now();
        entries = 0;
        for (path, text) in &texts {
            let d = read_source(
                SourceFile::new(path.clone(), text.clone()),
                Format::ReStructuredText,
                registry,
            );
            entries += d.entries.len();
        }
        runs.push(start.elapsed());
    }
    let ours = median(runs);
    println!(
        "statusdoc rst reader: {:.1} MB in {:.3} s (median of 5), {:.1} MB/s, {entries} entries",
        total as f64 / 1e6,
        ours.as_secs_f64(),
        total as f64 / 1e6 / ours.as_secs_f64()
    );

    let python = std::env::var_os("STATUSDOC_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/venv/bin/python"));
    let sample: usize = std::env::var("STATUSDOC_BENCH_DOCUTILS_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2)
        .clamp(1, PAGES);
    let script = "import sys, time, docutils.core\n\
        t = time.perf_counter()\n\
        for p in sys.argv[1:]:\n\
        \x20   docutils.core.publish_doctree(open(p, encoding='utf-8').read(), settings_overrides={'report_level': 5, 'halt_level': 5})\n\
        print(time.perf_counter() - t)\n";
    let output = Command::new(&python)
        .arg("-c")
        .arg(script)
        .args(&files[..sample])
        .output();
    match output {
        Ok(o) if o.status.success() => {
            let secs: f64 = String::from_utf8_lossy(&o.stdout)
                .trim()
                .parse()
                .unwrap_or(f64::NAN);
            let sample_bytes: usize = texts[..sample].iter().map(|(_, t)| t.len()).sum();
            let scaled = secs * total as f64 / sample_bytes as f64;
            println!(
                "docutils publish_doctree: {:.1} MB in {:.3} s (one run), scaled to {:.1} MB: {:.1} s",
                sample_bytes as f64 / 1e6,
                secs,
                total as f64 / 1e6,
                scaled
            );
            println!(
                "ratio: statusdoc is {:.0}x faster than docutils (target: >= 50x)",
                scaled / ours.as_secs_f64()
            );
        }
        _ => println!(
            "docutils not available at {}: ratio not measured",
            python.display()
        ),
    }
}
