//! The vendor matrix: one self-contained HTML page that shows how every page documents
//! every status code.
//!
//! The page is rendered by askama templates (`templates/report.html`, with its
//! stylesheet and script beside it): the summary, the bar chart of findings per rule
//! (inline SVG), the filters and the matrix itself (one row per page with entries, one
//! column per code, each cell the page's title coloured by its worst finding) are HTML.
//! What the detail views show (descriptions, findings with their source lines) is
//! embedded once as compact JSON with interned strings, and the script fills the
//! `<template>` elements of the page with it, so the file stays small for thousands of
//! pages. Nothing is loaded from elsewhere; the output is a pure function of its input.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use askama::Template;
use serde_json::{json, Value};
use statusdoc_model::{Diagnostic, Document, Entry, Severity};
use statusdoc_reference::Registry;

/// One page for the matrix.
pub struct HtmlPage<'a> {
    pub document: &'a Document,
    /// A stable identifier (the manifest's id); by default one made from the path.
    pub id: Option<&'a str>,
    /// Who publishes the page; by default the name of the page's folder.
    pub vendor: Option<&'a str>,
    /// What the page documents; by default the page's title or file name.
    pub product: Option<&'a str>,
    /// A link to the page's source file, relative to the report (or a URL).
    pub href: String,
}

/// What the report says about itself.
pub struct HtmlOptions<'a> {
    pub title: &'a str,
    /// A comment put at the top of the file (the generated-file note).
    pub note: Option<&'a str>,
}

/// Titles longer than this are shortened in the matrix (the detail shows them whole).
const CELL_TITLE_CHARS: usize = 34;
/// Descriptions longer than this are cut in the detail views, which link to the source.
const DESCRIPTION_CHARS: usize = 2_000;
/// Source lines in the findings are cut to a window around the finding.
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_CHARS: usize = 140;
/// Embedded data larger than this is compressed (zlib, then base64), which the page
/// inflates with the browser's `DecompressionStream`; smaller data stays readable JSON,
/// so that a checked-in report diffs line by line.
const COMPRESS_ABOVE: usize = 1 << 20;
/// Findings on pages that are no rows (no status codes) listed at most.
const ORPHAN_FINDINGS: usize = 200;

/// Renders the report. Only pages with entries become rows; findings on the others are
/// counted in the summary and listed below it.
pub fn html_report(
    pages: &[HtmlPage],
    diagnostics: &[Diagnostic],
    registry: &Registry,
    options: &HtmlOptions,
) -> String {
    Report::build(pages, diagnostics, registry, options)
        .render()
        .expect("the report template renders")
}

/// A relative path (with `/` separators) as a link: each byte percent-encoded where a
/// URL needs it, so that spaces, `#`, `?` and bytes that are not UTF-8 in file names
/// still link to the file.
pub fn path_href(path: impl AsRef<[u8]>) -> String {
    let path = path.as_ref();
    let mut out = String::with_capacity(path.len());
    for &byte in path {
        if byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Cell states, from best to worst; the CSS classes of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    Absent,
    Ok,
    Info,
    Warning,
    Error,
    Missing,
}

impl State {
    fn class(self) -> &'static str {
        match self {
            State::Absent => "",
            State::Ok => "o",
            State::Info => "i",
            State::Warning => "w",
            State::Error => "e",
            State::Missing => "m",
        }
    }

    fn of(severity: Severity) -> State {
        match severity {
            Severity::Info => State::Info,
            Severity::Warning => State::Warning,
            Severity::Error => State::Error,
        }
    }
}

fn severity_rank(severity: Severity) -> u8 {
    match severity {
        Severity::Info => 1,
        Severity::Warning => 2,
        Severity::Error => 3,
    }
}

struct Column {
    code: u16,
    reason: String,
    class: u16,
}

struct ClassGroup {
    digit: u16,
    short: &'static str,
    label: &'static str,
    /// 1-based `nth-child` positions of the group's first and last column in a row.
    first: usize,
    last: usize,
}

struct Cell {
    class: &'static str,
    text: String,
    /// The page gives the code without a title.
    untitled: bool,
    /// How many entries the page has for the code (shown when more than one).
    count: usize,
}

struct Row {
    id: String,
    vendor: String,
    vendor_index: usize,
    product: String,
    format: &'static str,
    worst: u8,
    classes: String,
    page_findings: usize,
    cells: Vec<Cell>,
}

struct Figure {
    label: &'static str,
    value: usize,
    note: String,
}

struct RuleCount {
    id: &'static str,
    name: &'static str,
    count: usize,
    class: &'static str,
}

/// One bar of the chart: its length is a fraction of the room right of the labels (a
/// CSS length, so that the labels keep their size at any width), with a percentage of the
/// whole width for renderers without CSS geometry.
struct Bar {
    id: &'static str,
    name: &'static str,
    count: usize,
    class: &'static str,
    y: usize,
    fraction: String,
    percent: usize,
}

struct Chart {
    height: usize,
    /// Where counts end and bars start, in pixels (the stylesheet's `--bars-from`).
    count_x: usize,
    bars_x: usize,
    bars: Vec<Bar>,
}

struct FormatCount {
    id: &'static str,
    name: &'static str,
    pages: usize,
    rows: usize,
}

struct RuleDoc {
    id: &'static str,
    html: String,
}

struct Orphan {
    line: String,
    class: &'static str,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Report<'a> {
    title: &'a str,
    note: Option<&'a str>,
    css: &'static str,
    js: &'static str,
    figures: Vec<Figure>,
    totals: (usize, usize, usize),
    chart: Chart,
    formats: Vec<FormatCount>,
    vendors: Vec<(String, usize)>,
    columns: Vec<Column>,
    groups: Vec<ClassGroup>,
    rows: Vec<Row>,
    docs: Vec<RuleDoc>,
    orphans: Vec<Orphan>,
    orphans_left: usize,
    without_entries: usize,
    data: String,
    /// `json`, or `zlib-base64` for large data.
    encoding: &'static str,
}

/// Strings stored once in the embedded data and referred to by index.
#[derive(Default)]
struct Strings {
    list: Vec<String>,
    index: HashMap<String, usize>,
}

impl Strings {
    fn add(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_owned());
        self.index.insert(text.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }

    fn opt(&mut self, text: Option<&str>) -> Value {
        match text {
            Some(t) if !t.is_empty() => self.add(t).into(),
            _ => Value::from(-1),
        }
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// An id for `id` attributes and links: letters, digits, `.`, `_` and `-`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "page".to_owned()
    } else {
        out
    }
}

/// A class's name, and its short form (`4xx`).
fn class_label(digit: u16) -> &'static str {
    match digit {
        1 => "informational",
        2 => "successful",
        3 => "redirection",
        4 => "client error",
        5 => "server error",
        _ => "unregistered range",
    }
}

fn class_short(digit: u16) -> &'static str {
    match digit {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        5 => "5xx",
        _ => "other",
    }
}

/// The folders of a path, without its file name.
fn folders(path: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    parts.pop();
    parts
}

/// The leading folders that all `paths` share.
fn shared_folders<'p>(paths: impl Iterator<Item = &'p str>) -> Vec<String> {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let dirs = folders(path);
        common = Some(match common {
            None => dirs,
            Some(shared) => shared
                .iter()
                .zip(&dirs)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    common
        .unwrap_or_default()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Names a page by its folder: the first folder below the `shared` ones
/// (`docs/api/errors.md` and `docs/guides/a.md` are `api` and `guides`), or the last
/// shared folder for pages directly in it.
fn folder_group(shared: &[String], path: &str) -> String {
    let dirs = folders(path);
    match dirs.get(shared.len()) {
        Some(folder) => (*folder).to_owned(),
        None => dirs.last().map_or(".", |d| d).to_owned(),
    }
}

/// The findings of one page, split by where they belong.
struct PageFindings<'d> {
    all: Vec<&'d Diagnostic>,
}

/// Which entry of the page a finding is about: the entry of its code whose text holds
/// the finding, else the one on its line, else the only entry of its code.
fn entry_of(document: &Document, d: &Diagnostic) -> Option<usize> {
    let code = d.status_code?;
    let of_code: Vec<(usize, &Entry)> = document
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.code == code)
        .collect();
    let holds = |e: &Entry| {
        let span = e.span();
        span.start <= d.span.start && d.span.start < span.end.max(span.start + 1)
    };
    if let Some((i, _)) = of_code.iter().find(|(_, e)| holds(e)) {
        return Some(*i);
    }
    if let Some((i, _)) = of_code
        .iter()
        .find(|(_, e)| document.source.line_col(e.code_span.start).line == d.line)
    {
        return Some(*i);
    }
    match of_code.as_slice() {
        [(i, _)] => Some(*i),
        _ => None,
    }
}

/// The source line a finding points at, cut to a window around it: the text, and the
/// marked part's start and length in characters.
fn snippet(
    strings: &mut Strings,
    document: &Document,
    line: usize,
    column: usize,
    end: (usize, usize),
) -> Value {
    let text = document.source.text();
    let lines = document.source.lines();
    if line == 0 || line > lines.line_count() {
        return Value::from(0);
    }
    let span = lines.line_span(text, line);
    let chars: Vec<char> = text[span.start..span.end].chars().collect();
    let start = column.saturating_sub(1).min(chars.len());
    let stop = if end.0 == line {
        end.1.saturating_sub(1).clamp(start, chars.len())
    } else {
        chars.len()
    };
    let from = start.saturating_sub(SNIPPET_BEFORE);
    let to = (from + SNIPPET_CHARS).max(start + 1).min(chars.len());
    let mut shown: String = chars[from..to].iter().collect();
    let mut mark_start = start - from;
    if from > 0 {
        shown.insert(0, '…');
        mark_start += 1;
    }
    if to < chars.len() {
        shown.push('…');
    }
    let mark_len = stop.min(to).saturating_sub(start).max(1);
    json!([strings.add(&shown), mark_start, mark_len])
}

fn rule_index(rules: &mut Vec<&'static str>, id: &'static str) -> usize {
    match rules.iter().position(|r| *r == id) {
        Some(i) => i,
        None => {
            rules.push(id);
            rules.len() - 1
        }
    }
}

/// Rule documentation as HTML: the title line is dropped (the view names the rule) and
/// headings are demoted below the view's own.
fn rule_doc_html(id: &str) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let Some(meta) = statusdoc_lint::find_rule(id) else {
        return String::new();
    };
    let doc = meta.doc();
    let body = doc
        .split_once('\n')
        .filter(|_| doc.starts_with("# "))
        .map_or(doc.as_str(), |(_, rest)| rest);
    let demote = |level: HeadingLevel| match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    let events = Parser::new(body).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// JSON for a `<script>` element: nothing in it can end the element or open a comment.
fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).expect("serializable");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// The embedded data: JSON, compressed when large.
fn embed(data: &Value) -> (String, &'static str) {
    let text = script_json(data);
    if text.len() <= COMPRESS_ABOVE {
        return (text, "json");
    }
    use base64::Engine;
    let plain = serde_json::to_string(data).expect("serializable");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(plain.as_bytes(), 9);
    (
        base64::engine::general_purpose::STANDARD.encode(packed),
        "zlib-base64",
    )
}

impl<'a> Report<'a> {
    fn build(
        pages: &[HtmlPage],
        diagnostics: &[Diagnostic],
        registry: &Registry,
        options: &HtmlOptions<'a>,
    ) -> Report<'a> {
        let mut by_path: HashMap<&str, PageFindings> = HashMap::new();
        for d in diagnostics {
            by_path
                .entry(d.path.as_str())
                .or_insert_with(|| PageFindings { all: Vec::new() })
                .all
                .push(d);
        }
        for found in by_path.values_mut() {
            found.all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        let no_findings: Vec<&Diagnostic> = Vec::new();
        let findings_of = |document: &Document| -> &[&Diagnostic] {
            by_path
                .get(document.path())
                .map_or(no_findings.as_slice(), |f| f.all.as_slice())
        };

        // Rows: pages with entries, by vendor, product and path. A page without a vendor
        // is grouped by its folder below the folders all such pages share.
        let with_entries: Vec<&HtmlPage> = pages
            .iter()
            .filter(|p| !p.document.entries.is_empty())
            .collect();
        let shared = shared_folders(
            with_entries
                .iter()
                .filter(|p| p.vendor.is_none())
                .map(|p| p.document.path()),
        );
        let mut shown: Vec<(&HtmlPage, String, String)> = with_entries
            .into_iter()
            .map(|p| {
                let path = p.document.path();
                let vendor = p
                    .vendor
                    .map(str::to_owned)
                    .unwrap_or_else(|| folder_group(&shared, path));
                let product = p
                    .product
                    .map(str::to_owned)
                    .or_else(|| p.document.title.clone().filter(|t| !t.trim().is_empty()))
                    .unwrap_or_else(|| path.rsplit('/').next().unwrap_or(path).to_owned());
                (p, vendor, product)
            })
            .collect();
        shown.sort_by(|a, b| {
            (a.1.to_lowercase(), &a.2, a.0.document.path()).cmp(&(
                b.1.to_lowercase(),
                &b.2,
                b.0.document.path(),
            ))
        });

        // Columns: every code a row documents or has a finding about.
        let mut codes: BTreeSet<u16> = BTreeSet::new();
        for (page, _, _) in &shown {
            codes.extend(page.document.entries.iter().map(|e| e.code));
            codes.extend(
                findings_of(page.document)
                    .iter()
                    .filter_map(|d| d.status_code),
            );
        }
        let columns: Vec<Column> = codes
            .iter()
            .map(|&code| Column {
                code,
                reason: registry
                    .get(code)
                    .filter(|s| s.has_phrase())
                    .map(|s| s.reason.clone())
                    .or_else(|| registry.nonstandard(code).map(|n| n.phrase.clone()))
                    .unwrap_or_default(),
                class: if (100..600).contains(&code) {
                    code / 100
                } else {
                    0
                },
            })
            .collect();
        let column_of: HashMap<u16, usize> =
            codes.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        let mut groups: Vec<ClassGroup> = Vec::new();
        for (i, column) in columns.iter().enumerate() {
            // The row header is child 1, column i is child i + 2.
            match groups.last_mut() {
                Some(g) if g.digit == column.class => g.last = i + 2,
                _ => groups.push(ClassGroup {
                    digit: column.class,
                    short: class_short(column.class),
                    label: class_label(column.class),
                    first: i + 2,
                    last: i + 2,
                }),
            }
        }

        let mut vendors: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for (_, vendor, _) in &shown {
            vendors
                .entry(vendor.to_lowercase())
                .or_insert_with(|| (vendor.clone(), 0))
                .1 += 1;
        }
        let vendors: Vec<(String, usize)> = vendors.into_values().collect();

        let mut strings = Strings::default();
        let mut rule_ids: Vec<&'static str> = Vec::new();
        let mut used_ids: BTreeSet<String> = BTreeSet::new();
        let mut rows = Vec::with_capacity(shown.len());
        let mut data_pages = Vec::with_capacity(shown.len());
        for (page, vendor, product) in &shown {
            let document = page.document;
            let found = findings_of(document);
            let mut id = slug(page.id.unwrap_or_else(|| document.path()));
            if used_ids.contains(&id) {
                let mut n = 2;
                while used_ids.contains(&format!("{id}-{n}")) {
                    n += 1;
                }
                id = format!("{id}-{n}");
            }
            used_ids.insert(id.clone());

            let mut states = vec![State::Absent; columns.len()];
            let mut titles: Vec<Option<String>> = vec![None; columns.len()];
            let mut counts = vec![0usize; columns.len()];
            let mut entries = Vec::with_capacity(document.entries.len());
            for entry in &document.entries {
                let col = column_of[&entry.code];
                states[col] = states[col].max(State::Ok);
                counts[col] += 1;
                if titles[col].is_none() {
                    titles[col] = Some(shorten(entry.title_text(), CELL_TITLE_CHARS));
                }
                let at = document.source.line_col(entry.code_span.start);
                let description = entry.description.as_ref().map(|d| {
                    let cut = shorten(&d.text, DESCRIPTION_CHARS);
                    strings.add(&cut)
                });
                entries.push(json!([
                    col,
                    strings.opt(entry.title.as_ref().map(|t| t.text.as_str())),
                    description.map_or(Value::from(-1), Value::from),
                    at.line,
                    at.column,
                    strings.opt(entry.section.last().map(String::as_str)),
                ]));
            }
            let mut worst = 0u8;
            let mut page_findings = 0;
            let mut data_findings = Vec::with_capacity(found.len());
            for d in found {
                worst = worst.max(severity_rank(d.severity));
                let col = d.status_code.and_then(|c| column_of.get(&c).copied());
                let entry = entry_of(document, d);
                match col {
                    Some(col) => {
                        let state = if states[col] == State::Absent || states[col] == State::Missing
                        {
                            State::Missing
                        } else {
                            State::of(d.severity)
                        };
                        states[col] = states[col].max(state);
                    }
                    None => page_findings += 1,
                }
                let labels: Vec<Value> = d
                    .labels
                    .iter()
                    .map(|l| {
                        let here = l.path == document.path();
                        json!([
                            l.line,
                            l.column,
                            strings.add(&l.message),
                            if here {
                                Value::from(-1)
                            } else {
                                strings.add(&l.path).into()
                            },
                            if here {
                                snippet(&mut strings, document, l.line, l.column, (0, 0))
                            } else {
                                Value::from(0)
                            },
                        ])
                    })
                    .collect();
                data_findings.push(json!([
                    severity_rank(d.severity),
                    rule_index(&mut rule_ids, d.rule),
                    col.map_or(Value::from(-1), Value::from),
                    entry.map_or(Value::from(-1), Value::from),
                    d.line,
                    d.column,
                    strings.add(&d.message),
                    strings.opt(d.help.as_deref()),
                    d.fix.as_ref().map_or(Value::from(0), |f| json!([
                        strings.add(&f.message),
                        u8::from(f.safe)
                    ])),
                    snippet(
                        &mut strings,
                        document,
                        d.line,
                        d.column,
                        (d.end_line, d.end_column)
                    ),
                    labels,
                ]));
            }
            let mut classes: BTreeSet<u16> = BTreeSet::new();
            for entry in &document.entries {
                classes.insert(columns[column_of[&entry.code]].class);
            }
            let vendor_index = vendors
                .iter()
                .position(|(v, _)| v.to_lowercase() == vendor.to_lowercase())
                .unwrap_or(0);
            let cells = states
                .iter()
                .zip(titles)
                .zip(&counts)
                .map(|((&state, title), &count)| {
                    let text = match state {
                        State::Absent => String::new(),
                        State::Missing => "missing".to_owned(),
                        _ => title.unwrap_or_default(),
                    };
                    Cell {
                        class: state.class(),
                        untitled: state != State::Absent && text.is_empty(),
                        text,
                        count,
                    }
                })
                .collect();
            data_pages.push(json!([
                id,
                strings.add(vendor),
                strings.add(product),
                document.format.display_name(),
                document.path(),
                page.href,
                entries,
                data_findings,
            ]));
            rows.push(Row {
                id,
                vendor: vendor.clone(),
                vendor_index,
                product: product.clone(),
                format: document.format.id(),
                worst,
                classes: classes.iter().map(|c| c.to_string()).collect(),
                page_findings,
                cells,
            });
        }

        // Summary figures.
        let entries: usize = pages.iter().map(|p| p.document.entries.len()).sum();
        let totals = crate::counts(diagnostics);
        let mut per_rule: BTreeMap<&'static str, (&'static str, usize, Severity)> = BTreeMap::new();
        for d in diagnostics {
            let slot = per_rule.entry(d.rule).or_insert((d.name, 0, d.severity));
            slot.1 += 1;
            slot.2 = slot.2.max(d.severity);
        }
        let mut rules: Vec<RuleCount> = per_rule
            .iter()
            .map(|(&id, &(name, count, severity))| RuleCount {
                id,
                name,
                count,
                class: State::of(severity).class(),
            })
            .collect();
        rules.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(b.id)));
        let chart = {
            let row_height = 20;
            let max = rules.iter().map(|r| r.count).max().unwrap_or(1).max(1);
            Chart {
                height: rules.len() * row_height + 4,
                count_x: 260,
                bars_x: 268,
                bars: rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        // At least a sliver, so that a count of one still shows a bar.
                        let thousandths = (r.count * 1000).div_ceil(max).max(15);
                        Bar {
                            id: r.id,
                            name: r.name,
                            count: r.count,
                            class: r.class,
                            y: i * row_height + 2,
                            fraction: format!("{}.{:03}", thousandths / 1000, thousandths % 1000),
                            percent: (thousandths * 55).div_ceil(1000).max(1),
                        }
                    })
                    .collect(),
            }
        };
        let mut formats: BTreeMap<&'static str, FormatCount> = BTreeMap::new();
        for page in pages {
            let format = page.document.format;
            let slot = formats.entry(format.id()).or_insert(FormatCount {
                id: format.id(),
                name: format.display_name(),
                pages: 0,
                rows: 0,
            });
            slot.pages += 1;
            slot.rows += usize::from(!page.document.entries.is_empty());
        }
        let mut formats: Vec<FormatCount> = formats.into_values().collect();
        formats.sort_by(|a, b| b.pages.cmp(&a.pages).then(a.id.cmp(b.id)));
        let without_entries = pages.len() - shown.len();
        let findings = totals.0 + totals.1 + totals.2;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let figures = vec![
            Figure {
                label: "pages",
                value: pages.len(),
                note: format!("{} with status codes", shown.len()),
            },
            Figure {
                label: "entries",
                value: entries,
                note: plural(columns.len(), "code", "distinct codes"),
            },
            Figure {
                label: "vendors",
                value: vendors.len(),
                note: plural(formats.len(), "format", "formats"),
            },
            Figure {
                label: "findings",
                value: findings,
                note: plural(rules.len(), "rule", "rules"),
            },
        ];

        // Findings on pages that are no rows.
        let row_paths: BTreeSet<&str> = shown.iter().map(|(p, _, _)| p.document.path()).collect();
        let mut orphan_findings: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| !row_paths.contains(d.path.as_str()))
            .collect();
        orphan_findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let orphans_left = orphan_findings.len().saturating_sub(ORPHAN_FINDINGS);
        let orphans = orphan_findings
            .iter()
            .take(ORPHAN_FINDINGS)
            .map(|d| Orphan {
                line: format!(
                    "{}:{}:{}: {}[{}] {}",
                    d.path, d.line, d.column, d.severity, d.rule, d.message
                ),
                class: State::of(d.severity).class(),
            })
            .collect();

        // Rule documentation, once per rule that has a finding.
        let mut doc_ids: Vec<&'static str> = per_rule.keys().copied().collect();
        doc_ids.sort_unstable();
        let docs = doc_ids
            .iter()
            .map(|&id| RuleDoc {
                id,
                html: rule_doc_html(id),
            })
            .collect();
        let rule_data: Vec<Value> = rule_ids
            .iter()
            .map(|&id| {
                let name = statusdoc_lint::find_rule(id).map_or(id, |m| m.name);
                json!([id, name])
            })
            .collect();
        let data_columns: Vec<Value> = columns
            .iter()
            .map(|c| {
                let status = registry.get(c.code);
                json!([
                    c.code,
                    c.reason,
                    status.map_or("", |s| s.reference.as_str()),
                    status.map_or("unregistered", |s| s.state.as_str()),
                    format!("{} {}", class_short(c.class), class_label(c.class)),
                ])
            })
            .collect();
        let data = json!({
            "s": strings.list,
            "c": data_columns,
            "r": rule_data,
            "p": data_pages,
        });
        let (data, encoding) = embed(&data);

        Report {
            title: options.title,
            note: options.note,
            css: include_str!("../templates/report.css"),
            js: include_str!("../templates/report.js"),
            figures,
            totals,
            chart,
            formats,
            vendors,
            columns,
            groups,
            rows,
            docs,
            orphans,
            orphans_left,
            without_entries,
            data,
            encoding,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_encoded() {
        assert_eq!(path_href("../docs/a b/#1?.md"), "../docs/a%20b/%231%3F.md");
        assert_eq!(path_href("sources/é.md"), "sources/%C3%A9.md");
        assert_eq!(path_href(b"latin\xe9.md"), "latin%E9.md");
    }

    #[test]
    fn pages_without_a_vendor_are_grouped_by_folder() {
        let paths = [
            "docs/api/errors.md",
            "docs/api/v2/codes.md",
            "docs/guides/a.md",
        ];
        let shared = shared_folders(paths.iter().copied());
        assert_eq!(folder_group(&shared, "docs/api/errors.md"), "api");
        assert_eq!(folder_group(&shared, "docs/api/v2/codes.md"), "api");
        assert_eq!(folder_group(&shared, "docs/guides/a.md"), "guides");
        let one = shared_folders(["docs/api/errors.md"].into_iter());
        assert_eq!(folder_group(&one, "docs/api/errors.md"), "api");
        let flat = shared_folders(["a.md", "b.md"].into_iter());
        assert_eq!(folder_group(&flat, "a.md"), ".");
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("docs/api/Status Codes.md"), "docs-api-Status-Codes.md");
        assert_eq!(slug("///"), "page");
    }

    #[test]
    fn long_titles_are_shortened_on_a_word() {
        assert_eq!(shorten("Not Found", 34), "Not Found");
        let long = shorten(
            "The request could not be completed because of a conflict",
            20,
        );
        assert!(long.ends_with('…') && long.chars().count() <= 20, "{long}");
    }

    #[test]
    fn large_data_is_compressed_and_round_trips() {
        use base64::Engine;
        let small = json!({"s": ["Not Acceptable"]});
        assert_eq!(embed(&small), (script_json(&small), "json"));
        let large =
            json!({"s": (0..60_000).map(|i| format!("description {i}")).collect::<Vec<_>>()});
        let (text, encoding) = embed(&large);
        assert_eq!(encoding, "zlib-base64");
        assert!(text.len() < COMPRESS_ABOVE / 2);
        let packed = base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap();
        let plain = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).unwrap();
        assert_eq!(serde_json::from_slice::<Value>(&plain).unwrap(), large);
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let text = script_json(&json!(["</script><!-- & >"]));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back[0], "</script><!-- & >");
    }
}
