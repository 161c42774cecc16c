//! Property tests (proptest): random catalogs of (code, reason phrase, description)
//! rendered into every table and list shape the readers know read back to the same
//! entries; `--fix` on random pages with wrong phrases is idempotent, keeps the table
//! shape and changes only the edited cells.

mod fixing;

use proptest::prelude::*;
use statusdoc_model::Format;
use statusdoc_reference::Registry;

#[derive(Debug, Clone)]
struct Row {
    code: u16,
    /// The phrase as the page writes it.
    title: String,
    /// The registry's phrase.
    canonical: String,
    description: String,
}

const WORDS: &[&str] = &[
    "the",
    "request",
    "resource",
    "was",
    "rejected",
    "client",
    "must",
    "send",
    "again",
    "token",
    "expired",
    "payload",
    "is",
    "large",
    "server",
    "failed",
    "account",
    "quota",
    "upload",
    "query",
    "webhook",
    "session",
    "batch",
    "job",
    "during",
    "processing",
    "because",
    "field",
    "missing",
    "invalid",
    "signature",
    "header",
    "value",
    "limit",
];

/// Codes with a reason phrase to use (registered and in use).
fn codes() -> Vec<(u16, String)> {
    Registry::bundled()
        .statuses()
        .iter()
        .filter(|s| s.has_phrase())
        .map(|s| (s.code, s.reason.clone()))
        .collect()
}

fn description() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..10).prop_map(|words| {
        let mut text = words.join(" ");
        text[..1].make_ascii_uppercase();
        text.push('.');
        text
    })
}

/// 2 to 8 distinct codes in ascending order, each with its phrase and a description.
fn catalog() -> impl Strategy<Value = Vec<Row>> {
    prop::sample::subsequence(codes(), 2..=8).prop_flat_map(|codes| {
        let n = codes.len();
        prop::collection::vec(description(), n).prop_map(move |descriptions| {
            codes
                .iter()
                .zip(descriptions)
                .map(|((code, phrase), description)| Row {
                    code: *code,
                    title: phrase.clone(),
                    canonical: phrase.clone(),
                    description,
                })
                .collect()
        })
    })
}

fn width(rows: &[Row], header: &str, f: impl Fn(&Row) -> usize) -> usize {
    rows.iter().map(f).max().unwrap_or(0).max(header.len())
}

fn markdown_table(rows: &[Row]) -> String {
    let mut page =
        String::from("# Status codes\n\n| Code | Title | Description |\n|---|---|---|\n");
    for r in rows {
        page.push_str(&format!(
            "| {} | {} | {} |\n",
            r.code, r.title, r.description
        ));
    }
    page
}

fn rst_grid(rows: &[Row]) -> String {
    let t = width(rows, "Title", |r| r.title.len());
    let d = width(rows, "Description", |r| r.description.len());
    let line = |c: char| {
        format!(
            "+{}+{}+{}+\n",
            c.to_string().repeat(6),
            c.to_string().repeat(t + 2),
            c.to_string().repeat(d + 2)
        )
    };
    let mut page = String::from("Status codes\n============\n\n");
    page.push_str(&line('-'));
    page.push_str(&format!(
        "| Code | {:<t$} | {:<d$} |\n",
        "Title", "Description"
    ));
    page.push_str(&line('='));
    for r in rows {
        page.push_str(&format!(
            "| {}  | {:<t$} | {:<d$} |\n",
            r.code, r.title, r.description
        ));
        page.push_str(&line('-'));
    }
    page
}

/// The title column is as wide as the registry phrase too: a fix that does not fit
/// writes into the margin between columns and breaks the table
/// (`fuzz_regressions::fix_never_writes_into_an_rst_simple_table_margin`).
fn rst_simple(rows: &[Row]) -> String {
    let t = width(rows, "Title", |r| r.title.len().max(r.canonical.len()));
    let d = width(rows, "Description", |r| r.description.len());
    let border = format!("====  {}  {}\n", "=".repeat(t), "=".repeat(d));
    let mut page = String::from("Status codes\n============\n\n");
    page.push_str(&border);
    page.push_str(&format!("Code  {:<t$}  Description\n", "Title"));
    page.push_str(&border);
    for r in rows {
        page.push_str(&format!(
            "{}   {:<t$}  {}\n",
            r.code, r.title, r.description
        ));
    }
    page.push_str(&border);
    page
}

fn rst_list_table(rows: &[Row]) -> String {
    let mut page = String::from(".. list-table:: Status codes\n   :header-rows: 1\n\n   * - Code\n     - Title\n     - Description\n");
    for r in rows {
        page.push_str(&format!(
            "   * - {}\n     - {}\n     - {}\n",
            r.code, r.title, r.description
        ));
    }
    page
}

fn rst_csv_table(rows: &[Row]) -> String {
    let mut page =
        String::from(".. csv-table:: Status codes\n   :header: Code, Title, Description\n\n");
    for r in rows {
        page.push_str(&format!(
            "   {}, {}, \"{}\"\n",
            r.code, r.title, r.description
        ));
    }
    page
}

fn rst_definitions(rows: &[Row]) -> String {
    let mut page = String::from("Status codes\n============\n\n");
    for r in rows {
        page.push_str(&format!("{} {}\n   {}\n\n", r.code, r.title, r.description));
    }
    page
}

fn html_table(rows: &[Row]) -> String {
    let mut page = String::from("<h1>Status codes</h1>\n<table>\n<tr><th>Code</th><th>Title</th><th>Description</th></tr>\n");
    for r in rows {
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            r.code, r.title, r.description
        ));
    }
    page.push_str("</table>\n");
    page
}

fn html_definitions(rows: &[Row]) -> String {
    let mut page = String::from("<h1>Status codes</h1>\n<dl>\n");
    for r in rows {
        page.push_str(&format!(
            "<dt>{} {}</dt>\n<dd>{}</dd>\n",
            r.code, r.title, r.description
        ));
    }
    page.push_str("</dl>\n");
    page
}

fn asciidoc_table(rows: &[Row]) -> String {
    let mut page = String::from("== Status codes\n\n[cols=\"1,2,4\",options=\"header\"]\n|===\n| Code | Title | Description\n");
    for r in rows {
        page.push_str(&format!("| {} | {} | {}\n", r.code, r.title, r.description));
    }
    page.push_str("|===\n");
    page
}

fn asciidoc_definitions(rows: &[Row]) -> String {
    let mut page = String::from("== Status codes\n\n");
    for r in rows {
        page.push_str(&format!("{} {}:: {}\n", r.code, r.title, r.description));
    }
    page
}

fn openapi_yaml(rows: &[Row]) -> String {
    let mut page = String::from(
        "openapi: 3.0.0\ninfo: {title: Pets, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n",
    );
    for r in rows {
        page.push_str(&format!(
            "        '{}':\n          description: {}. {}\n",
            r.code, r.title, r.description
        ));
    }
    page
}

type Render = fn(&[Row]) -> String;

const SHAPES: &[(&str, Format, Render)] = &[
    ("Markdown pipe table", Format::Markdown, markdown_table),
    ("RST grid table", Format::ReStructuredText, rst_grid),
    ("RST simple table", Format::ReStructuredText, rst_simple),
    ("RST list-table", Format::ReStructuredText, rst_list_table),
    ("RST csv-table", Format::ReStructuredText, rst_csv_table),
    (
        "RST definition list",
        Format::ReStructuredText,
        rst_definitions,
    ),
    ("HTML table", Format::Html, html_table),
    ("HTML definition list", Format::Html, html_definitions),
    ("AsciiDoc table", Format::AsciiDoc, asciidoc_table),
    (
        "AsciiDoc definition list",
        Format::AsciiDoc,
        asciidoc_definitions,
    ),
    ("OpenAPI YAML", Format::OpenApi, openapi_yaml),
];

fn entries(page: &str, format: Format) -> Vec<(u16, String, String)> {
    fixing::read(page, format)
        .map(|d| {
            d.entries
                .iter()
                .map(|e| {
                    (
                        e.code,
                        e.title_text().to_owned(),
                        e.description_text().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn expected(rows: &[Row]) -> Vec<(u16, String, String)> {
    rows.iter()
        .map(|r| (r.code, r.title.clone(), r.description.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn catalogs_read_back_in_every_shape(rows in catalog()) {
        for (shape, format, render) in SHAPES {
            let page = render(&rows);
            prop_assert_eq!(entries(&page, *format), expected(&rows), "{}:\n{}", shape, page);
        }
    }
}

/// A phrase written wrongly in a way the safe fixes correct: in other letter case, or
/// an obsolete phrase of the code.
fn misspelled(code: u16, phrase: &str, how: u8) -> Option<String> {
    let status = Registry::bundled().get(code)?;
    match how % 3 {
        0 if phrase.chars().any(|c| c.is_ascii_uppercase()) => Some(phrase.to_lowercase()),
        1 if phrase.contains(' ') => Some(phrase.to_uppercase()),
        _ => status.obsolete.first().map(|o| o.phrase.clone()),
    }
}

/// A catalog where some phrases are wrong (at least one).
fn wrong_catalog() -> impl Strategy<Value = Vec<Row>> {
    (catalog(), prop::collection::vec(any::<u8>(), 8)).prop_map(|(mut rows, hows)| {
        for (row, how) in rows.iter_mut().zip(hows) {
            if how % 2 == 0 {
                if let Some(title) = misspelled(row.code, &row.canonical, how / 2) {
                    row.title = title;
                }
            }
        }
        rows
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn fix_is_idempotent_keeps_the_shape_and_edits_only_titles(rows in wrong_catalog()) {
        for (shape, format, render) in SHAPES {
            let page = render(&rows);
            let fixed = fixing::fix_strict(&page, *format)
                .map_err(|why| TestCaseError::fail(format!("{shape}: {why}\n{page}")))?;
            // The same rows, each with its registry phrase now, descriptions untouched.
            // In a grid table's cell a longer phrase that would move the column border
            // is not written; in a simple table (no visible border) a phrase longer than
            // the title it replaces is not written either.
            let grid = shape.starts_with("RST grid");
            let simple = shape.starts_with("RST simple");
            let column = rows.iter().map(|r| r.title.len()).max().unwrap_or(0).max("Title".len());
            let canonical: Vec<Row> = rows
                .iter()
                .map(|r| {
                    let too_long = grid && r.canonical.len() > column
                        || simple && r.canonical.len() > r.title.len();
                    let fits = !too_long;
                    let title = if fits { &r.canonical } else { &r.title };
                    Row { title: title.clone(), ..r.clone() }
                })
                .collect();
            prop_assert_eq!(entries(&fixed, *format), expected(&canonical), "{}:\n{}\n--- fixed:\n{}", shape, page, fixed);
            // Only the lines of wrong titles changed, and no line was added or removed.
            let before: Vec<&str> = page.split('\n').collect();
            let after: Vec<&str> = fixed.split('\n').collect();
            prop_assert_eq!(before.len(), after.len(), "{}", shape);
            for (b, a) in before.iter().zip(&after) {
                if b != a {
                    // The first changed byte lies in a wrong title of the line, and the
                    // fixed line is the original with that title replaced by the
                    // registry phrase (padding of fixed-width cells aside).
                    let changed = b.bytes().zip(a.bytes()).take_while(|(x, y)| x == y).count();
                    let edit = rows
                        .iter()
                        .filter(|r| r.title != r.canonical)
                        .flat_map(|r| b.match_indices(r.title.as_str()).map(move |(i, _)| (i, r)))
                        .find(|&(i, r)| i <= changed && changed <= i + r.title.len());
                    let Some((at, row)) = edit else {
                        return Err(TestCaseError::fail(format!(
                            "{shape}: a line without a wrong title changed:\n{b}\n{a}"
                        )));
                    };
                    prop_assert!(a[at..].starts_with(row.canonical.as_str()), "{}:\n{}\n{}", shape, b, a);
                    let restored = format!("{}{}{}", &a[..at], row.title, &a[at + row.canonical.len()..]);
                    prop_assert_eq!(
                        restored.split_whitespace().collect::<Vec<_>>(),
                        b.split_whitespace().collect::<Vec<_>>(),
                        "{}", shape
                    );
                }
            }
        }
    }
}
