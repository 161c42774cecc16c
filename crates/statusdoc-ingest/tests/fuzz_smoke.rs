//! The fuzz targets' corpora (`fuzz/corpus/<target>/`) replayed in the normal tests,
//! with a few thousand structured mutations per format (a deterministic xorshift, so a
//! failure names a reproducible input), under a time budget per input.
//!
//! Each input must read without a panic, with every span inside the page and on
//! character boundaries; the `interpret` corpus must also give a page model whose
//! spans are inside the page and the same entries when interpreted again.
//!
//! The budget is 100 ms per 10 KB (at least 100 ms) in a release build. Tests run
//! unoptimized (dependencies at opt-level 1), which reads about 10 to 20 times slower,
//! so a debug build allows 20 times as much; an input over budget is timed twice more
//! and fails only when its fastest run is still over (a loaded machine is no failure).
//! A failure writes the input to `target/fuzz-smoke-failure.<ext>`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use statusdoc_ingest::{decode, read_page_model, read_source, ReadOptions};
use statusdoc_model::page::{Block, Text};
use statusdoc_model::{Document, Format, Span};
use statusdoc_reference::Registry;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `fuzz/corpus/<target>/`, sorted by name.
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = fuzz_dir().join("corpus").join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

fn file_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "smoke.md",
        Format::ReStructuredText => "smoke.rst",
        Format::Html => "smoke.html",
        Format::Text => "smoke.txt",
        Format::AsciiDoc => "smoke.adoc",
        Format::OpenApi => "smoke.yaml",
    }
}

/// The time an input of `len` bytes may take.
fn budget(len: usize) -> Duration {
    let release = Duration::from_millis(100) * (len.div_ceil(10 * 1024)).max(1) as u32;
    if cfg!(debug_assertions) {
        release * 20
    } else {
        release
    }
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: {span:?} outside a page of {} bytes",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: {span:?} cuts a character"));
    }
    Ok(())
}

fn check_document(document: &Document) -> Result<(), String> {
    let text = document.source.text();
    for e in &document.entries {
        if !(100..=999).contains(&e.code) {
            return Err(format!("code {}", e.code));
        }
        check_span(text, e.code_span, "code")?;
        for cell in e.title.iter().chain(e.description.iter()) {
            check_span(text, cell.span, "cell")?;
        }
    }
    for n in &document.notes {
        check_span(text, n.span, n.rule)?;
        if n.line == 0 || n.column == 0 {
            return Err(format!("{} at line {} column {}", n.rule, n.line, n.column));
        }
    }
    for s in &document.suppressions {
        check_span(text, s.span, "suppression")?;
    }
    Ok(())
}

fn check_text(source: &str, text: &Text) -> Result<(), String> {
    match text.whole() {
        Some(cell) => check_span(source, cell.span, "page text"),
        None => Ok(()),
    }
}

fn check_blocks(source: &str, blocks: &[Block]) -> Result<(), String> {
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Literal(text) => {
                check_text(source, text)?
            }
            Block::Table(table) => {
                for text in table.caption.iter() {
                    check_text(source, text)?;
                }
                for cell in table.rows.iter().flatten() {
                    check_text(source, &cell.text)?;
                }
            }
            Block::List(list) => {
                for item in &list.items {
                    check_blocks(source, item)?;
                }
            }
            Block::DefinitionList(definitions) => {
                for d in definitions {
                    check_text(source, &d.term)?;
                    check_blocks(source, &d.details)?;
                }
            }
            Block::Container(blocks) => check_blocks(source, blocks)?,
        }
    }
    Ok(())
}

/// Reads one input with the reader of `format`; an error names what broke.
fn read_checked(format: Format, bytes: &[u8]) -> Result<(), String> {
    let name = file_name(format);
    let source = match decode(name, bytes) {
        Ok(source) => source,
        Err(error) => {
            let message = error.to_string();
            return if message.starts_with(name) {
                Ok(())
            } else {
                Err(format!("an error that names no file: {message}"))
            };
        }
    };
    check_document(&read_source(source, format, Registry::bundled()))
}

/// The interpreter through a reader, twice on the same page model.
fn interpret_checked(format: Format, bytes: &[u8]) -> Result<(), String> {
    let options = ReadOptions {
        format: Some(format),
        registry: Registry::bundled(),
    };
    let Ok((document, page)) = read_page_model(file_name(format), bytes, &options) else {
        return Ok(());
    };
    check_document(&document)?;
    check_blocks(document.source.text(), &page.blocks)?;
    let _ = page.outline();
    let again = statusdoc_interpret::interpret(&page, Registry::bundled());
    if again != document.entries {
        return Err("interpreting the same page model again gave other entries".into());
    }
    Ok(())
}

/// Open reader bugs whose panic a sweep tolerates, each with the ignored regression test
/// in `tests/fuzz_regressions.rs` that fails until it is fixed. Only the exact panic is
/// tolerated: any other panic, span or time failure on the same input still fails.
fn known_panic(format: Format, message: &str) -> Option<&'static str> {
    (format == Format::AsciiDoc && message.contains("is not a char boundary"))
        .then_some("asciidoc_inline_mark_before_a_multibyte_character")
}

/// Open reader bugs that make an input hang rather than panic: such inputs are not run
/// (a thread cannot be stopped), each with the ignored test that fails until it is
/// fixed. AsciiDoc attribute references expand without a budget, so definitions that
/// name an attribute twice double the text at each line
/// (`bad_input::asciidoc_attribute_billion_laughs_is_bounded`).
fn known_hang(format: Format, bytes: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(bytes);
    let doubling = text.lines().any(|line| {
        line.trim_start().starts_with(':')
            && line.matches('{').count() >= 2
            && line.trim_start()[1..].contains(": ")
    });
    (format == Format::AsciiDoc && doubling)
        .then_some("asciidoc_attribute_billion_laughs_is_bounded")
}

/// Runs `check` on one input under the time budget, on a thread, so that a hang fails
/// the test instead of stalling it; panics with the input saved. Returns whether the
/// input met a known bug instead.
fn run(
    label: &str,
    format: Format,
    bytes: &[u8],
    check: fn(Format, &[u8]) -> Result<(), String>,
) -> bool {
    let save = |why: &str| -> ! {
        let ext = file_name(format).rsplit('.').next().unwrap();
        let path = fuzz_dir()
            .join("../target")
            .join(format!("fuzz-smoke-failure.{ext}"));
        let _ = std::fs::write(&path, bytes);
        panic!("{label}: {why} (input saved as {})", path.display());
    };
    if let Some(test) = known_hang(format, bytes) {
        eprintln!("{label}: not run, known bug (see {test})");
        return true;
    }
    let allowed = budget(bytes.len());
    let (send, receive) = std::sync::mpsc::channel();
    let input = bytes.to_vec();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(|| {
            let started = Instant::now();
            let result = check(format, &input);
            (result, started.elapsed())
        });
        let _ = send.send(outcome);
    });
    let outcome = match receive.recv_timeout((allowed * 10).max(Duration::from_secs(20))) {
        Ok(outcome) => outcome,
        Err(_) => save("hangs (ten times over the budget)"),
    };
    let (result, mut took) = match outcome {
        Ok(done) => done,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            match known_panic(format, &message) {
                Some(test) => {
                    eprintln!("{label}: known bug, see fuzz_regressions::{test}");
                    return true;
                }
                None => save(&format!("panicked: {message}")),
            }
        }
    };
    if let Err(why) = result {
        save(&why);
    }
    if took > allowed {
        for _ in 0..2 {
            let started = Instant::now();
            let _ = check(format, bytes);
            took = took.min(started.elapsed());
        }
        if took > allowed {
            save(&format!(
                "{took:?} for {} bytes, over the budget of {allowed:?}",
                bytes.len()
            ));
        }
    }
    false
}

/// A small deterministic generator (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Pieces of each format's syntax that mutations insert.
fn pieces(format: Format) -> &'static [&'static str] {
    match format {
        Format::Markdown => &[
            "| ",
            " |",
            "|---|---|",
            "# ",
            "## ",
            "* ",
            "- ",
            "1. ",
            "> ",
            "```",
            "`",
            "**",
            "<table><tr><td>",
            "</td></tr></table>",
            "<!-- statusdoc-disable -->",
            "---\n",
            "[x]",
            "![",
            "](",
            "\\",
            "&amp;",
            ": ",
        ],
        Format::ReStructuredText => &[
            "+------+",
            "| ",
            " |",
            "+======+",
            "=====  =====",
            "-----",
            ".. list-table::\n",
            "   * - ",
            "     - ",
            ".. csv-table::\n",
            ":header: ",
            "- ",
            "#. ",
            "::\n\n",
            ".. note::\n",
            "``",
            "**",
            "|sub|",
            "  ",
            ":field: ",
            "[",
            "`_",
        ],
        Format::Html => &[
            "<table>",
            "</table>",
            "<tr>",
            "<td>",
            "</td>",
            "<th>",
            "<dl><dt>",
            "<dd>",
            "<ul><li>",
            "<div>",
            "</div>",
            "<h2>",
            "</h2>",
            "<p>",
            "<code>",
            "<!--",
            "-->",
            "&nbsp;",
            "&#",
            " colspan=\"3\"",
            " rowspan=\"2\"",
            "<script>",
            "<br>",
        ],
        Format::Text => &[
            "404 Not Found",
            " - ",
            ": ",
            "\t",
            "HTTP/1.1 ",
            "  ",
            "\n\n",
            "Status codes\n",
            "------",
            "=",
            "•",
            "|",
        ],
        Format::AsciiDoc => &[
            "|===\n",
            "| ",
            "a|",
            "2+|",
            ".2+|",
            "[cols=\"1,2\"]\n",
            "[%header]\n",
            "== ",
            "=== ",
            "* ",
            "** ",
            ". ",
            ":: ",
            ";; ",
            "----\n",
            "....\n",
            "====\n",
            "{attr}",
            ":attr: {attr}\n",
            "include::x[]\n",
            "ifdef::x[]\n",
            "`",
            "*",
        ],
        Format::OpenApi => &[
            "responses:\n",
            "  '404':\n",
            "    description: Not Found\n",
            "description: ",
            "$ref: '#/components/responses/X'\n",
            "&a ",
            "*a",
            "{",
            "}",
            "[",
            "]",
            "\"",
            "'",
            ": ",
            "- ",
            "  ",
            "\t",
            "---\n",
            "!!binary ",
            "? ",
            "|\n",
            ">\n",
            "#",
        ],
    }
}

const CHARS: &[&str] = &[
    "é", "日本", "👍", "\u{feff}", "\u{a0}", "\r", "\r\n", "\t", "\u{0}",
];

/// One structured mutation of `page`: line edits (delete, duplicate, swap, indent,
/// dedent, truncate), syntax pieces, multi-byte characters, line-ending changes and
/// runs of one piece (nesting).
fn mutate(rng: &mut Rng, format: Format, page: &str) -> String {
    let mut lines: Vec<String> = page.split_inclusive('\n').map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push(String::from("\n"));
        }
        let at = rng.below(lines.len());
        match rng.below(10) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let run = lines[at..(at + 1 + rng.below(6)).min(lines.len())].to_vec();
                let to = rng.below(lines.len() + 1);
                lines.splice(to..to, run);
            }
            2 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            3 => {
                let indent = rng.pick(&["  ", "   ", "\t", " "]);
                lines[at].insert_str(0, indent);
            }
            4 => {
                let trimmed = lines[at].trim_start().to_owned();
                lines[at] = trimmed;
            }
            5 | 6 => {
                let piece = rng.pick(pieces(format));
                let line = &mut lines[at];
                let mut offset = rng.below(line.len() + 1);
                while !line.is_char_boundary(offset) {
                    offset -= 1;
                }
                line.insert_str(offset, piece);
            }
            7 => {
                let piece = rng.pick(CHARS);
                let line = &mut lines[at];
                let mut offset = rng.below(line.len() + 1);
                while !line.is_char_boundary(offset) {
                    offset -= 1;
                }
                line.insert_str(offset, piece);
            }
            8 => {
                let piece = rng.pick(pieces(format));
                let count = 1 + rng.below(200);
                lines.insert(at, format!("{}\n", piece.repeat(count)));
            }
            _ => {
                let ending = rng.pick(&["\r\n", "\r", ""]);
                for line in &mut lines[at..] {
                    if let Some(body) = line.strip_suffix('\n') {
                        *line = format!("{body}{ending}");
                    }
                }
            }
        }
    }
    if rng.below(20) == 0 {
        let keep = rng.below(lines.len() + 1);
        lines.truncate(keep);
    }
    lines.concat()
}

/// Seeds for mutations: the corpus pages of at most 6 KB (larger ones only slow the
/// sweep down; the corpus replay reads them whole).
fn seeds(files: &[(String, Vec<u8>)]) -> Vec<String> {
    files
        .iter()
        .filter(|(_, bytes)| bytes.len() <= 6 * 1024)
        .filter_map(|(_, bytes)| String::from_utf8(bytes.clone()).ok())
        .collect()
}

/// Replays `fuzz/corpus/<target>` with `format`'s reader, then `mutations` mutations.
fn sweep(targets: &[&str], format: Format, mutations: usize, seed: u64) {
    let mut files = Vec::new();
    for target in targets {
        files.extend(corpus(target));
    }
    let mut known = 0;
    for (name, bytes) in &files {
        known += usize::from(run(name, format, bytes, read_checked));
    }
    let seeds = seeds(&files);
    assert!(!seeds.is_empty());
    let mut rng = Rng(seed);
    for m in 0..mutations {
        let page = &seeds[rng.below(seeds.len())];
        let mutated = mutate(&mut rng, format, page);
        known += usize::from(run(
            &format!("{format:?} mutation {m}"),
            format,
            mutated.as_bytes(),
            read_checked,
        ));
    }
    // Known bugs may excuse a few inputs, never the sweep.
    assert!(
        known * 10 <= files.len() + mutations,
        "{known} of {} inputs met known bugs",
        files.len() + mutations
    );
}

/// Mutations per format: a few thousand (`STATUSDOC_FUZZ_SMOKE` overrides it).
fn mutations() -> usize {
    std::env::var("STATUSDOC_FUZZ_SMOKE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

#[test]
fn markdown_corpus_and_mutations() {
    sweep(
        &["markdown"],
        Format::Markdown,
        mutations(),
        0x9e37_79b9_7f4a_7c15,
    );
}

#[test]
fn rst_corpus_and_mutations() {
    sweep(
        &["rst", "rst_grid"],
        Format::ReStructuredText,
        mutations(),
        0xd1b5_4a32_d192_ed03,
    );
}

#[test]
fn html_corpus_and_mutations() {
    sweep(&["html"], Format::Html, mutations(), 0x2545_f491_4f6c_dd1d);
}

#[test]
fn text_corpus_and_mutations() {
    sweep(&["text"], Format::Text, mutations(), 0xa076_1d64_78bd_642f);
}

#[test]
fn asciidoc_corpus_and_mutations() {
    sweep(
        &["asciidoc"],
        Format::AsciiDoc,
        mutations(),
        0xe703_7ed1_a0b4_28db,
    );
}

#[test]
fn openapi_corpus_and_mutations() {
    sweep(
        &["openapi"],
        Format::OpenApi,
        mutations(),
        0x8ebc_6af0_9c88_c6e3,
    );
}

/// The `interpret` corpus (its first byte picks the format, as in `fuzz/src/lib.rs`).
#[test]
fn interpret_corpus() {
    for (name, bytes) in corpus("interpret") {
        let Some((&first, page)) = bytes.split_first() else {
            continue;
        };
        let format = match first {
            b'm' => Format::Markdown,
            b'r' => Format::ReStructuredText,
            b'h' => Format::Html,
            b't' => Format::Text,
            b'a' => Format::AsciiDoc,
            b'o' => Format::OpenApi,
            other => [
                Format::Markdown,
                Format::ReStructuredText,
                Format::Html,
                Format::Text,
                Format::AsciiDoc,
                Format::OpenApi,
            ][usize::from(other) % 6],
        };
        assert!(!run(&name, format, page, interpret_checked), "{name}");
    }
}

/// Every corpus page read with every reader (a page in the wrong format is input too).
#[test]
fn every_corpus_page_through_every_reader() {
    let formats = [
        Format::Markdown,
        Format::ReStructuredText,
        Format::Html,
        Format::Text,
        Format::AsciiDoc,
        Format::OpenApi,
    ];
    for target in ["markdown", "rst", "html", "text", "asciidoc", "openapi"] {
        for (name, bytes) in corpus(target) {
            for format in formats {
                let label = format!("{target}/{name} as {format:?}");
                let known = run(&label, format, &bytes, read_checked);
                // The one corpus page known to panic as AsciiDoc (Japanese after `*`).
                assert!(!known || format == Format::AsciiDoc, "{label}");
            }
        }
    }
}
