//! The `config` and `fix` fuzz corpora (`fuzz/corpus/`) replayed in the normal tests, with
//! deterministic mutations (xorshift).
//!
//! - `config`: `Config::parse` never panics; an error points at a line of the file and
//!   a column; a configuration that parses answers for every rule and lints a page.
//! - `fix` (`--fix` in memory, see `fixing/mod.rs`): on the corpus pages, the fixes
//!   settle, a second lint+fix changes nothing and no entry is lost. On mutated pages,
//!   no panic, every fix inside the page and the fixes settle within a few passes (the
//!   stricter checks fail there on open reader and interpreter bugs, each with an
//!   ignored test in `fuzz_regressions.rs`).

mod fixing;

use std::path::Path;

use statusdoc_lint::Config;
use statusdoc_model::{Format, SourceFile};
use statusdoc_reference::Registry;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

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
}

/// Line edits and inserted pieces, on character boundaries.
fn mutate(rng: &mut Rng, page: &str, pieces: &[&str]) -> String {
    let mut lines: Vec<String> = page.split_inclusive('\n').map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push("\n".into());
        }
        let at = rng.below(lines.len());
        match rng.below(6) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let line = lines[at].clone();
                let to = rng.below(lines.len() + 1);
                lines.insert(to, line);
            }
            2 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            3 => lines[at].insert_str(0, ["  ", "\t", " "][rng.below(3)]),
            _ => {
                let piece = pieces[rng.below(pieces.len())];
                let line = &mut lines[at];
                let mut offset = rng.below(line.len() + 1);
                while !line.is_char_boundary(offset) {
                    offset -= 1;
                }
                line.insert_str(offset, piece);
            }
        }
    }
    lines.concat()
}

fn check_config(name: &str, text: &str) {
    match Config::parse("smoke/statusdoc.toml", text) {
        Err(error) => {
            let lines = text.split('\n').count().max(1);
            assert!(
                (1..=lines).contains(&error.line) && error.column >= 1,
                "{name}: {error} points outside {lines} lines"
            );
            assert!(!error.message.is_empty(), "{name}");
            assert!(
                error.to_string().starts_with("smoke/statusdoc.toml:"),
                "{name}: {error}"
            );
        }
        Ok(config) => {
            for rule in statusdoc_lint::all_rules() {
                for path in ["smoke/page.md", "smoke/legacy/old.rst", "other/x.html"] {
                    let _ = config.is_enabled(rule, path);
                }
            }
            let document = statusdoc_ingest::read_source(
                SourceFile::new("smoke/page.md", "# 404 Not found\n"),
                Format::Markdown,
                Registry::bundled(),
            );
            let _ = statusdoc_lint::lint_document(&document, Registry::bundled(), &config);
        }
    }
}

const TOML_PIECES: &[&str] = &[
    "[rules]\n",
    "[coverage]\n",
    "[[overrides]]\n",
    "SD101 = \"off\"\n",
    "wrong-reason-phrase = \"error\"\n",
    "SD999 = \"warning\"\n",
    "required = [200, 404]\n",
    "required = [99999]\n",
    "paths = [\"legacy/**\", \"{a,b}/*.md\"]\n",
    "paths = [\"[\"]\n",
    "rules = { SD305 = \"off\" }\n",
    "\"",
    "=",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "é",
    "\u{feff}",
    "\r\n",
    "'''",
    "\\u00e9",
    "1979-05-27T07:32:00Z",
    "inf",
];

#[test]
fn config_corpus_and_mutations() {
    let files = corpus("config");
    let seeds: Vec<String> = files
        .iter()
        .filter_map(|(_, b)| String::from_utf8(b.clone()).ok())
        .collect();
    for (name, bytes) in &files {
        if let Ok(text) = std::str::from_utf8(bytes) {
            check_config(name, text);
        }
    }
    let mut rng = Rng(0x51_7cc1_b727_220a);
    for m in 0..3000 {
        let seed = &seeds[rng.below(seeds.len())];
        let text = mutate(&mut rng, seed, TOML_PIECES);
        check_config(&format!("mutation {m}: {text:?}"), &text);
    }
}

#[test]
fn fix_corpus_is_idempotent_and_keeps_entries() {
    for (name, bytes) in corpus("fix") {
        let Some((format, page)) = fixing::split_format(&bytes) else {
            continue;
        };
        let Ok(page) = std::str::from_utf8(page) else {
            continue;
        };
        if let Err(why) = fixing::fix_strict(page, format) {
            panic!("{name}: {why}");
        }
    }
}

const PAGE_PIECES: &[&str] = &[
    "| ",
    " |",
    "<td>",
    "</td>",
    "</tr>",
    "* ",
    "- ",
    "404 Not found",
    "413 Request Entity Too Large",
    "200 Ok",
    "description: Not found\n",
    "|===\n",
    "+------+",
    "  ",
    "é",
    "\r\n",
    ": ",
    " - ",
];

#[test]
fn fix_mutations_settle_inside_the_page() {
    let files = corpus("fix");
    let seeds: Vec<(Format, String)> = files
        .iter()
        .filter(|(_, b)| b.len() <= 6 * 1024)
        .filter_map(|(_, b)| {
            let (format, page) = fixing::split_format(b)?;
            Some((format, String::from_utf8(page.to_vec()).ok()?))
        })
        .collect();
    let mut rng = Rng(0x94d0_49bb_1331_11eb);
    let mut changed = 0;
    for m in 0..1500 {
        let (format, seed) = &seeds[rng.below(seeds.len())];
        let page = mutate(&mut rng, seed, PAGE_PIECES);
        let fixed = match std::panic::catch_unwind(|| fixing::fix_page(&page, *format)) {
            Ok(fixed) => fixed,
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                // The open AsciiDoc reader bug (an inline mark before a multi-byte
                // character), statusdoc-ingest's
                // fuzz_regressions::asciidoc_inline_mark_before_a_multibyte_character.
                if *format == Format::AsciiDoc && message.contains("is not a char boundary") {
                    continue;
                }
                panic!("mutation {m} ({format:?}) panics: {message}\n{page}");
            }
        };
        match fixed {
            Ok(fixed) => changed += usize::from(fixed.text != page),
            Err(why) => panic!("mutation {m} ({format:?}): {why}\n{page}"),
        }
    }
    // The pieces include wrong phrases: the sweep must exercise fixes.
    assert!(changed >= 100, "only {changed} mutations had a fix");
}
