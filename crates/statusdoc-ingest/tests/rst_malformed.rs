//! Malformed tables: a located SD002 note, and the rest of the page still ingests.
//! Also a no-panic sweep over many mutated pages (deterministic, no extra crates).

use statusdoc_ingest::read_source;
use statusdoc_model::{Document, Format, SourceFile};
use statusdoc_reference::Registry;

fn read(text: &str) -> Document {
    read_source(
        SourceFile::new("t.rst", text),
        Format::ReStructuredText,
        Registry::bundled(),
    )
}

fn sd002(d: &Document) -> Vec<(usize, usize, &str)> {
    d.notes
        .iter()
        .filter(|n| n.rule == "SD002")
        .map(|n| (n.line, n.column, n.message.as_str()))
        .collect()
}

const GOOD: &str = "\nLater\n=====\n\n+------+------+\n| Code | Text |\n+======+======+\n| 404  | Gone |\n+------+------+\n";

#[test]
fn ragged_right_border_is_located_and_the_page_goes_on() {
    let page = format!("Title\n=====\n\n+------+------+\n| Code | Text |\n+======+======+\n| 200  | OK  |\n+------+------+\n{GOOD}");
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    // Line 7 is `| 200  | OK  |`, one column short: the border should be at column 15.
    assert_eq!((notes[0].0, notes[0].1), (7, 15));
    assert_eq!(d.notes[0].name, "malformed-table");
    assert_eq!(d.entries.len(), 1);
    assert_eq!(d.entries[0].code, 404);
}

#[test]
fn misaligned_inner_border_is_located() {
    let page = format!("+------+------+\n| Code | Text |\n+======+======+\n| 200   | OK  |\n+------+------+\n{GOOD}");
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (4, 9));
    assert_eq!(d.entries.iter().map(|e| e.code).collect::<Vec<_>>(), [404]);
}

#[test]
fn cell_cut_by_a_span_is_located() {
    let page = format!(
        "+------+------+\n| Code | Text |\n+======+======+\n| 200  | OK   |\n+------+  ----+\n| 201  | Cre  |\n+------+------+\n{GOOD}"
    );
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (5, 11));
    assert_eq!(d.entries.iter().map(|e| e.code).collect::<Vec<_>>(), [404]);
}

#[test]
fn left_border_out_of_line_is_located() {
    let page = format!("+------+------+\n| Code | Text |\n+======+======+\n | 200 | OK  |\n+------+------+\n{GOOD}");
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (4, 2));
}

#[test]
fn simple_table_text_in_margin_is_located() {
    let page = format!("=====  =====\nCode   Text\n=====  =====\n200   xOK\n=====  =====\n{GOOD}");
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (4, 7));
    assert_eq!(d.entries.iter().map(|e| e.code).collect::<Vec<_>>(), [404]);
}

#[test]
fn ragged_list_table_is_located() {
    let page = format!(
        ".. list-table::\n   :header-rows: 1\n\n   * - Code\n     - Text\n   * - 200\n{GOOD}"
    );
    let d = read(&page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (6, 4));
}

#[test]
fn csv_file_outside_the_page_directory_is_refused() {
    let page = ".. csv-table::\n   :file: ../../etc/passwd\n";
    let d = read(page);
    let notes = sd002(&d);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!((notes[0].0, notes[0].1), (2, 11));
    assert!(notes[0].2.contains("leaves the page's directory"));
    let absolute = read(".. csv-table::\n   :file: /etc/passwd\n");
    assert!(sd002(&absolute)[0].2.contains("absolute"));
}

/// A tiny deterministic generator (xorshift), so the sweep needs no extra crates.
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

#[test]
fn no_panic_on_mutated_pages() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rst");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    seeds.sort();
    let pieces = [
        "+",
        "|",
        "-",
        "=",
        " ",
        "\n",
        "+--+",
        "| a |",
        "===  ===",
        ".. table::",
        ".. list-table::",
        "* -",
        "\"",
        ",",
        "é",
        "日本",
        "\t",
        "\r\n",
        "::",
        "`",
        "**",
        "|status-200|",
        "200 OK",
        ".. csv-table::\n   :file: x.csv\n",
    ];
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let registry = Registry::bundled();
    let mut pages = 0;
    for seed in &seeds {
        for _ in 0..60 {
            let mut chars: Vec<char> = seed.chars().collect();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(chars.len() + 1);
                match rng.below(4) {
                    0 if !chars.is_empty() => {
                        chars.remove(at.min(chars.len() - 1));
                    }
                    1 => {
                        let piece = pieces[rng.below(pieces.len())];
                        for (k, c) in piece.chars().enumerate() {
                            chars.insert(at + k, c);
                        }
                    }
                    2 if !chars.is_empty() => {
                        let i = at.min(chars.len() - 1);
                        chars[i] = ['+', '|', '-', '=', ' ', '\n', 'x'][rng.below(7)];
                    }
                    _ => {
                        // Truncate or duplicate a slice.
                        let end = (at + rng.below(200)).min(chars.len());
                        let slice: Vec<char> = chars[at.min(end)..end].to_vec();
                        if rng.below(2) == 0 {
                            chars.truncate(at);
                        } else {
                            chars.splice(at..at, slice);
                        }
                    }
                }
            }
            let text: String = chars.into_iter().collect();
            let d = read_source(
                SourceFile::new("m.rst", text.clone()),
                Format::ReStructuredText,
                registry,
            );
            for e in &d.entries {
                assert!(e.code_span.end <= text.len() && text.is_char_boundary(e.code_span.start));
                for cell in e.title.iter().chain(e.description.iter()) {
                    assert!(cell.span.start <= cell.span.end && cell.span.end <= text.len());
                }
            }
            pages += 1;
        }
    }
    assert!(pages >= 1500);
}
