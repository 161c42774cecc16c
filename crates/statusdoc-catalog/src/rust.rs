//! The Rust data of the status-catalog crate, as source text.
//!
//! The text is written in exactly the layout rustfmt gives it (a test runs
//! `rustfmt --check` on it): every struct literal one field per line, a one-element
//! slice of structs hugging its element (`&[Limit {` … `}]`), short string slices on one
//! line. Generation stays a pure function of its input: no rustfmt at generation time.

use std::fmt::Write;

use crate::model::*;
use crate::naming::{disambiguate, screaming_snake};

/// rustfmt's defaults: `max_width` and `array_width` (60% of it).
const MAX_WIDTH: usize = 100;
const ARRAY_WIDTH: usize = 60;
const INDENT: &str = "    ";

/// A value to print.
enum V {
    /// Printed as is.
    Lit(String),
    /// `Name { field: value, ... }`.
    Struct(&'static str, Vec<(&'static str, V)>),
    /// `&[…]` of structs.
    Slice(Vec<V>),
    /// `&["…", …]`.
    Strs(Vec<String>),
}

fn lit(text: impl Into<String>) -> V {
    V::Lit(text.into())
}

/// A Rust string literal: Debug escapes quotes, backslashes and control characters.
fn string(text: &str) -> V {
    V::Lit(quote(text))
}

fn quote(text: &str) -> String {
    format!("{text:?}")
}

/// Display width as rustfmt counts it, near enough: characters, not bytes.
fn width(text: &str) -> usize {
    text.chars().count()
}

fn indent(level: usize) -> String {
    INDENT.repeat(level)
}

/// Renders `value` at `level`, `prefix_width` being the width of the line before it.
fn render(value: &V, level: usize, prefix_width: usize) -> String {
    match value {
        V::Lit(text) => text.clone(),
        V::Struct(name, fields) => {
            let mut out = format!("{name} {{\n");
            for (field, value) in fields {
                let pad = indent(level + 1);
                let prefix = pad.len() + width(field) + 2;
                // A literal too long for its line goes on the next one, further
                // indented, where that makes it fit; otherwise rustfmt leaves it be.
                if let V::Lit(text) = value {
                    let next_pad = indent(level + 2);
                    if prefix + width(text) + 1 > MAX_WIDTH
                        && next_pad.len() + width(text) < MAX_WIDTH
                    {
                        let _ = writeln!(out, "{pad}{field}:\n{next_pad}{text},");
                        continue;
                    }
                }
                let _ = writeln!(out, "{pad}{field}: {},", render(value, level + 1, prefix));
            }
            out.push_str(&indent(level));
            out.push('}');
            out
        }
        V::Slice(items) => match items.as_slice() {
            [] => "&[]".to_owned(),
            [only] => format!("&[{}]", render(only, level, prefix_width + 2)),
            _ => {
                let mut out = "&[\n".to_owned();
                for item in items {
                    let pad = indent(level + 1);
                    let _ = writeln!(out, "{pad}{},", render(item, level + 1, pad.len()));
                }
                out.push_str(&indent(level));
                out.push(']');
                out
            }
        },
        V::Strs(items) => {
            let one_line = format!(
                "&[{}]",
                items
                    .iter()
                    .map(|s| quote(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            // `[…]` within array_width, and the line with its trailing comma within
            // max_width.
            if items.is_empty()
                || width(&one_line) - 1 <= ARRAY_WIDTH
                    && prefix_width + width(&one_line) < MAX_WIDTH
            {
                return one_line;
            }
            let mut out = "&[\n".to_owned();
            for item in items {
                let _ = writeln!(out, "{}{},", indent(level + 1), quote(item));
            }
            out.push_str(&indent(level));
            out.push(']');
            out
        }
    }
}

fn class(class: Class) -> V {
    lit(format!("Class::{class:?}"))
}

fn state(state: State) -> V {
    lit(format!("State::{state:?}"))
}

fn retry(retry: Retry) -> V {
    lit(format!("Retry::{retry:?}"))
}

fn title_match(m: TitleMatch) -> V {
    lit(format!("TitleMatch::{m:?}"))
}

/// Doc comment text on one line, safe to embed.
fn doc(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn status_value(status: &CatalogStatus) -> V {
    V::Struct(
        "Status",
        vec![
            ("code", lit(status.code.to_string())),
            ("reason", string(&status.reason)),
            ("class", class(status.class)),
            ("state", state(status.state)),
            (
                "reference",
                string(status.reference.as_deref().unwrap_or("")),
            ),
            ("retry", retry(status.retry.kind)),
            (
                "honour_retry_after",
                lit(status.retry.honour_retry_after.to_string()),
            ),
            ("headers", V::Strs(status.headers.clone())),
            (
                "obsolete",
                V::Slice(
                    status
                        .obsolete_phrases
                        .iter()
                        .map(|o| {
                            V::Struct(
                                "ObsoletePhrase",
                                vec![("phrase", string(&o.phrase)), ("source", string(&o.source))],
                            )
                        })
                        .collect(),
                ),
            ),
            (
                "origin",
                string(status.nonstandard_origin.as_deref().unwrap_or("")),
            ),
        ],
    )
}

fn deviations_value(deviations: &[Deviation]) -> V {
    V::Slice(
        deviations
            .iter()
            .map(|d| {
                V::Struct(
                    "Deviation",
                    vec![
                        ("rule", string(&d.rule)),
                        ("name", string(&d.name)),
                        ("message", string(&d.message)),
                        ("affects_retry", lit(d.affects_retry.to_string())),
                    ],
                )
            })
            .collect(),
    )
}

fn entry_value(entry: &CatalogEntry) -> V {
    V::Struct(
        "VendorEntry",
        vec![
            ("code", lit(entry.code.to_string())),
            ("title", string(entry.title.as_deref().unwrap_or(""))),
            ("normalized_title", string(&entry.normalized_title)),
            ("title_match", title_match(entry.title_match)),
            (
                "description",
                string(entry.description.as_deref().unwrap_or("")),
            ),
            (
                "limits",
                V::Slice(
                    entry
                        .limits
                        .iter()
                        .map(|l| {
                            V::Struct(
                                "Limit",
                                vec![
                                    ("name", string(&l.name)),
                                    ("value", lit(l.value.to_string())),
                                ],
                            )
                        })
                        .collect(),
                ),
            ),
            (
                "provenance",
                V::Struct(
                    "Provenance",
                    vec![
                        ("source", string(&entry.provenance.source)),
                        ("path", string(&entry.provenance.path)),
                        ("line", lit(entry.provenance.line.to_string())),
                        ("column", lit(entry.provenance.column.to_string())),
                    ],
                ),
            ),
            ("deviations", deviations_value(&entry.deviations)),
        ],
    )
}

fn page_value(page: &CatalogPage) -> V {
    V::Struct(
        "VendorPage",
        vec![
            ("id", string(&page.id)),
            ("vendor", string(&page.vendor)),
            ("product", string(&page.product)),
            ("path", string(&page.path)),
            ("origin", string(page.origin.as_deref().unwrap_or(""))),
            (
                "entries",
                V::Slice(page.entries.iter().map(entry_value).collect()),
            ),
            ("deviations", deviations_value(&page.deviations)),
        ],
    )
}

/// The names of the status constants: the reason phrase in SCREAMING_SNAKE_CASE, with
/// the code appended where two codes would share a name (306 and 418 are "(Unused)").
fn status_names(statuses: &[CatalogStatus]) -> Vec<String> {
    disambiguate(
        statuses
            .iter()
            .map(|s| {
                (
                    s.code,
                    screaming_snake(&s.reason, &format!("STATUS_{}", s.code)),
                )
            })
            .collect(),
    )
}

/// Whether a statement fits on one line.
fn fits(line: &str) -> bool {
    width(line) <= MAX_WIDTH
}

pub fn generate(catalog: &Catalog, note: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "// @{note}.");
    out.push_str("//\n// The data of the status-catalog crate (crates/status-catalog), which includes this file.\n\n");

    // Status constants.
    let names = status_names(&catalog.statuses);
    out.push_str("/// One constant per status of the catalog, named after its reason phrase.\n");
    out.push_str("pub mod codes {\n");
    out.push_str("    use crate::*;\n");
    for (status, name) in catalog.statuses.iter().zip(&names) {
        let mut summary = format!("{} {}", status.code, status.reason);
        if let Some(reference) = &status.reference {
            let _ = write!(summary, " ({reference})");
        } else if let Some(origin) = &status.nonstandard_origin {
            let _ = write!(summary, " (unregistered; {origin})");
        } else {
            summary.push_str(" (unregistered)");
        }
        let _ = writeln!(out, "\n    /// {}.", doc(summary.trim()));
        let _ = writeln!(
            out,
            "    pub const {name}: Status = {};",
            render(&status_value(status), 1, 0)
        );
    }
    out.push_str("}\n\n");

    // The table and its index.
    let _ = writeln!(out, "/// Every status of the catalog, ordered by code.");
    let _ = writeln!(
        out,
        "static STATUSES: [Status; {}] = [",
        catalog.statuses.len()
    );
    for name in &names {
        let _ = writeln!(out, "    codes::{name},");
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// The status of a code: a `match` the compiler turns into a table of pointers.\n",
    );
    out.push_str(
        "#[inline]\nfn status(code: u16) -> Option<&'static Status> {\n    match code {\n",
    );
    for (index, status) in catalog.statuses.iter().enumerate() {
        let _ = writeln!(out, "        {} => Some(&STATUSES[{index}]),", status.code);
    }
    out.push_str("        _ => None,\n    }\n}\n\n");

    // Vendor tables.
    out.push_str("/// One table per vendor page of the corpus, named after its manifest id.\n");
    out.push_str("pub mod vendors {\n");
    out.push_str("    use crate::*;\n");
    for page in &catalog.pages {
        let _ = writeln!(
            out,
            "\n    /// {}: {} (`{}`).",
            doc(&page.vendor),
            doc(&page.product),
            page.path
        );
        let _ = writeln!(
            out,
            "    pub static {}: VendorPage = {};",
            page.rust_name,
            render(&page_value(page), 1, 0)
        );
        for alias in &page.rust_aliases {
            {
                let line = format!("    pub use self::{} as {alias};", page.rust_name);
                let _ = writeln!(
                    out,
                    "\n    /// `{}` by another name people use for it.",
                    page.rust_name
                );
                if fits(&line) {
                    let _ = writeln!(out, "{line}");
                } else {
                    let _ = writeln!(
                        out,
                        "    pub use self::{}\n        as {alias};",
                        page.rust_name
                    );
                }
            }
        }
    }
    let _ = writeln!(out, "\n    /// Every page, in manifest order.");
    if catalog.pages.is_empty() {
        out.push_str("    pub static ALL: [&VendorPage; 0] = [];\n}\n");
        return out;
    }
    let _ = writeln!(
        out,
        "    pub static ALL: [&VendorPage; {}] = [",
        catalog.pages.len()
    );
    for page in &catalog.pages {
        let _ = writeln!(out, "        &{},", page.rust_name);
    }
    out.push_str("    ];\n}\n");
    out
}
