//! The interpreter: the neutral page model in, status-code entries out.
//!
//! Readers translate formats into [`Page`]s and decide nothing; everything about what a
//! status code, a title and a description are is decided here, the same way for every
//! format. The interpreter depends on no reader.
//!
//! **An entry needs evidence.** A number is read as a status code only inside a group
//! (a table's code column, a list, a definition list, sibling headings, a run of
//! paragraphs) that shows it is about HTTP status codes: at least half of the group's
//! codes carry a reason phrase the registry knows (or a near spelling of one), or a
//! header, caption, heading or lead-in sentence says "status codes" and most of the
//! codes are registered. A group under a heading about other codes (gRPC, SMTP,
//! WebSocket close codes, opcodes) needs phrases on nearly every row. A code followed by
//! running prose ("404 errors happen when…") is never an entry outside a code column.
//!
//! **Titles.** A title comes from a column that holds short phrases (whatever its header
//! says, never a column of identifiers such as `badRequest`), or is split off the text
//! after the code ([`split`]). Entries say whether the title's extent is certain; the
//! phrase rules never rewrite an uncertain one.
//!
//! **Listings.** Entries are marked as the page's own catalog of codes, an operation's
//! responses (headings that name an HTTP method or a path, or one of several sections
//! with the same "Responses" heading), or rows of a table keyed by something else (a
//! vendor's error codes with an HTTP status column), so that rules check each for what
//! makes sense.

pub mod split;
mod table;
pub mod words;

use std::collections::HashMap;

use statusdoc_model::page::{Block, Definition, List, Mark, Page, Table, TableCell, Text};
use statusdoc_model::{Cell, Entry, Listing, Span};
use statusdoc_reference::{PhraseMatch, Registry};

use split::split_code_and_title;
use words::{leading_code, says_other_codes, says_status_codes};

/// Turns a page into the entries it documents, in page order.
pub fn interpret(page: &Page, registry: &Registry) -> Vec<Entry> {
    let mut blocks = Vec::new();
    flatten(&page.blocks, &mut blocks);
    let mut heading_counts: HashMap<String, usize> = HashMap::new();
    for block in &blocks {
        if let Block::Heading { text, .. } = block {
            *heading_counts
                .entry(text.as_str().trim().to_lowercase())
                .or_default() += 1;
        }
    }
    // A page that shows an operation's request line ("DELETE /pools/default/buckets")
    // documents that operation: its lists of codes are the operation's responses.
    let operation_page = blocks.iter().any(|block| match block {
        Block::Literal(text) | Block::Paragraph(text) => text
            .as_str()
            .lines()
            .any(|line| is_request_line(line.trim())),
        _ => false,
    });
    let status_field_paragraphs = blocks
        .iter()
        .filter(|block| match block {
            Block::Paragraph(text) => status_field_line(text).is_some(),
            _ => false,
        })
        .count();
    let mut interpreter = Interpreter {
        list_blocks: Vec::new(),
        heading_blocks: Vec::new(),
        previous_labelled: false,
        previous_table: None,
        heading_code: None,
        section_says_other: false,
        section_names_http: false,
        status_field_paragraphs,
        operation_page,
        registry,
        entries: Vec::new(),
        headings: Vec::new(),
        block: 0,
        heading_counts,
        depth: 0,
        lead_in_says: Default::default(),
    };
    interpreter.run(&blocks);
    let mut entries = std::mem::take(&mut interpreter.entries);
    drop_tables_of_contents(
        &mut entries,
        &interpreter.list_blocks,
        &interpreter.heading_blocks,
    );
    names_are_not_titles(&mut entries);
    entries
}

/// A list of links to the page's own sections ("Contents: [HTTP/1.0 204 No Content],
/// [HTTP/1.0 400 Bad Request]") repeats the headings it points at: when every entry of
/// a list is repeated, code and title, by an entry read from a heading after it, the
/// list is navigation and its entries are dropped.
fn drop_tables_of_contents(entries: &mut Vec<Entry>, lists: &[usize], headings: &[usize]) {
    if lists.is_empty() || headings.is_empty() {
        return;
    }
    let key = |e: &Entry| (e.code, e.title_text().to_lowercase());
    // Where each heading's code and title is last written.
    let mut from_headings: HashMap<(u16, String), usize> = HashMap::new();
    for e in entries.iter().filter(|e| headings.contains(&e.block)) {
        let at = from_headings.entry(key(e)).or_default();
        *at = (*at).max(e.code_span.start);
    }
    let navigation: Vec<usize> = lists
        .iter()
        .copied()
        .filter(|block| {
            let mut items = entries.iter().filter(|e| e.block == *block).peekable();
            // Navigation names its targets and says nothing more: a list whose items
            // describe their codes ("404 Not Found: the item does not exist") is an
            // operation's own list, even when a later section explains every code.
            items.peek().is_some()
                && items.all(|e| {
                    e.title.is_some()
                        && e.description
                            .as_ref()
                            .is_none_or(|d| d.text.trim().is_empty())
                        && from_headings
                            .get(&key(e))
                            .is_some_and(|&heading| heading > e.code_span.start)
                })
        })
        .collect();
    entries.retain(|e| !navigation.contains(&e.block));
}

/// A listing whose titles are mostly identifiers ("404 not_found", "409
/// already_exists") names its codes with error names: none of its titles is a reason
/// phrase, not even the ones that look like one ("403 unauthorized").
fn names_are_not_titles(entries: &mut [Entry]) {
    let mut start = 0;
    while start < entries.len() {
        let block = entries[start].block;
        let end = start
            + entries[start..]
                .iter()
                .take_while(|e| e.block == block)
                .count();
        let titled = entries[start..end]
            .iter()
            .filter(|e| e.title.is_some())
            .count();
        let names = entries[start..end]
            .iter()
            .filter(|e| {
                e.title
                    .as_ref()
                    .is_some_and(|t| words::is_identifier(&t.text))
            })
            .count();
        if names > 0 && names * 2 >= titled {
            for entry in &mut entries[start..end] {
                entry.title = None;
                entry.title_certain = false;
            }
        }
        start = end;
    }
}

/// Containers are only grouping: their blocks are read where they stand.
fn flatten<'p>(blocks: &'p [Block], out: &mut Vec<&'p Block>) {
    for block in blocks {
        match block {
            Block::Container(inner) => flatten(inner, out),
            other => out.push(other),
        }
    }
}

/// A would-be entry before its group is judged.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub code: u16,
    pub code_span: Span,
    pub title: Option<Cell>,
    pub title_certain: bool,
    pub description: Text,
    /// The title is a phrase the registry knows (for this code or another).
    pub phrase: bool,
    /// The text itself names the number a status code ("HTTP 404", `statuscode 404`).
    pub explicit: bool,
}

/// Field names that hold an HTTP status in a list or table of one thing's fields.
const STATUS_FIELDS: [&str; 8] = [
    "status",
    "code",
    "http code",
    "http status",
    "status code",
    "http status code",
    "response code",
    "http response code",
];

/// How deep lists used for layout are read into; deeper nesting is no real page's.
const MAX_DEPTH: usize = 32;

pub(crate) struct Interpreter<'r> {
    pub registry: &'r Registry,
    operation_page: bool,
    depth: usize,
    entries: Vec<Entry>,
    /// The headings above: level, text, and whether the text says status codes
    /// (asked once per heading, not per listing under it).
    headings: Vec<(u8, String, bool)>,
    block: usize,
    heading_counts: HashMap<String, usize>,
    /// Paragraphs with a status field line ("**HTTP Status:** 401 Unauthorized"): an
    /// error catalog written one section per error when there are several.
    status_field_paragraphs: usize,
    /// Blocks of entries read from lists, and from headings: a list whose every entry
    /// a heading repeats is the page's table of contents.
    list_blocks: Vec<usize>,
    heading_blocks: Vec<usize>,
    previous_labelled: bool,
    /// The header of the table just read and the level of the heading it stands
    /// under: a headerless table after it, with only deeper or sibling headings
    /// between, goes on with that header.
    previous_table: Option<(Vec<String>, u8)>,
    /// The code of the heading entry whose section this is: a paragraph under "## 401
    /// Unauthorized" that starts "HTTP 401 Unauthorized means…" describes it again.
    heading_code: Option<u16>,
    /// A paragraph of the current section (since the last heading) says its codes are
    /// another protocol's ("based generally on RFC 821", "SMTP reply codes"), and
    /// none names HTTP.
    section_says_other: bool,
    section_names_http: bool,
    /// Whether a lead-in paragraph says status codes, by its text: the same lead-in
    /// is asked about once per candidate under it.
    lead_in_says: std::cell::RefCell<HashMap<Box<str>, bool>>,
}

/// Where a code starts in text that begins with one, and its code: after leading
/// white space and an optional "HTTP", "HTTP/1.1", "Status", "Status Code" or "Error"
/// ("HTTP 502: Bad Gateway", "Status 404 - Not Found").
pub(crate) fn code_lead(text: &str) -> Option<(usize, u16)> {
    code_lead_explicit(text).map(|(at, code, _)| (at, code))
}

/// [`code_lead`], and whether the text names the number a status code ("HTTP 404",
/// "Status 404", a `statuscode 404` field, a `|status-404|` substitution): evidence of
/// its own.
pub(crate) fn code_lead_explicit(text: &str) -> Option<(usize, u16, bool)> {
    let mut start = text.len() - text.trim_start().len();
    // "☑️ **201** Success", "❌ 400": a symbol (emoji, check mark, bullet) that marks
    // the item, then the code.
    let symbols = text[start..]
        .char_indices()
        .take_while(|&(_, c)| !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    if symbols > 0 && text[start + symbols..].starts_with(char::is_whitespace) {
        let rest = &text[start + symbols..];
        start += symbols + (rest.len() - rest.trim_start().len());
    }
    // A section number before the code ("2.3.1 406 Not Acceptable", "3.2. 404 Not
    // Found"): digits with dots between them, then white space.
    // A part may be a placeholder ("12.1.x 412 Precondition Failed").
    let numbered = text[start..]
        .char_indices()
        .take_while(|&(at, c)| {
            c.is_ascii_digit()
                || c == '.'
                || c == 'x' && at > 0 && text.as_bytes()[start + at - 1] == b'.'
        })
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    if numbered > 0 {
        let number = &text[start..start + numbered];
        let after = &text[start + numbered..];
        let gap = after.len() - after.trim_start().len();
        if number.contains('.')
            && number.starts_with(|c: char| c.is_ascii_digit())
            && number.split('.').filter(|p| !p.is_empty()).count() >= 2
            && number.split('.').all(|p| p.len() <= 2)
            && gap > 0
            && leading_code(&after[gap..]).is_some()
        {
            start += numbered + gap;
        }
    }
    let rest = &text[start..];
    // "|status-200|": a substitution named after the code (defined in a shared file).
    if let Some(name) = rest.strip_prefix('|').and_then(|r| r.split('|').next()) {
        let digits = name
            .len()
            .checked_sub(3)
            .filter(|&at| name.is_char_boundary(at))
            .map(|at| (at, &name[at..]));
        if let Some((at, digits)) = digits {
            let before = name[..at].chars().next_back();
            if before.is_some_and(|c| c == '-' || c == '_')
                && name[..at].chars().any(char::is_alphabetic)
                && !name.contains(' ')
            {
                if let Some(code) = leading_code(digits) {
                    return Some((start + 1 + at, code, true));
                }
            }
        }
    }
    // Asked of every cell, item and paragraph: the code comes within the longest prefix
    // below ("HTTP Status Code ") or a bracket of the start, so text without a digit
    // there has none (one short scan instead of thirty prefix comparisons).
    if !rest.as_bytes()[..rest.len().min(22)]
        .iter()
        .any(u8::is_ascii_digit)
    {
        return None;
    }
    let skip = [
        "HTTP/1.1 ",
        "HTTP/1.0 ",
        "HTTP/2 ",
        "HTTP ",
        "Http ",
        "HTTP Status ",
        "HTTP Status Code ",
        "Status Code ",
        "Status code ",
        "Status ",
        "Response ",
        "Response code ",
        // "Returns 201 CREATED (application/json)": a response's heading.
        "Returns ",
        // "GET 400 - Bad Request": the method whose response it is.
        "GET ",
        "POST ",
        "PUT ",
        "PATCH ",
        "DELETE ",
        "Error ",
        "Code ",
        // "**Code:** 200 <br /> **Content:** …": the README template for an endpoint's
        // success and error responses.
        "Code: ",
        // Sphinx httpdomain field lists: `:statuscode 404: …`, `:status 404: …`.
        "statuscode ",
        "status ",
        "response ",
        "code ",
    ]
    .iter()
    // The first byte rules out most prefixes before any comparison.
    .filter(|p| rest.as_bytes().first() == p.as_bytes().first())
    .filter(|p| rest.starts_with(**p) && leading_code(&rest[p.len()..]).is_some())
    .map(|p| p.len())
    .max()
    .unwrap_or(0);
    // "[404] Not found", "(404) Not found": a code set off in brackets.
    let skip = if skip == 0
        && rest.starts_with(['[', '('])
        && rest.get(4..5).is_some_and(|c| c == "]" || c == ")")
        && leading_code(&rest[1..]).is_some()
    {
        1
    } else {
        skip
    };
    let code = leading_code(&rest[skip..])?;
    let prefix = rest[..skip].to_lowercase();
    let explicit =
        prefix.contains("http") || prefix.contains("status") || prefix.contains("response");
    Some((start + skip, code, explicit))
}

/// The first separator between a phrase and its code in `head` (" - ", " – ", " — ",
/// ": ", " (", a tab): its byte offset and length. One pass over the bytes: it is asked
/// of every paragraph and list item.
fn first_separator(head: &str) -> Option<(usize, usize)> {
    let bytes = head.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        let rest = &bytes[at..];
        let len = match byte {
            b'\t' => 1,
            b':' if rest.get(1) == Some(&b' ') => 2,
            b' ' => match rest.get(1) {
                Some(b'(') => 2,
                Some(b'-') if rest.get(2) == Some(&b' ') => 3,
                // En and em dashes: E2 80 93 / E2 80 94.
                Some(0xE2)
                    if rest.get(2) == Some(&0x80)
                        && matches!(rest.get(3), Some(0x93 | 0x94))
                        && rest.get(4) == Some(&b' ') =>
                {
                    5
                }
                _ => continue,
            },
            _ => continue,
        };
        return Some((at, len));
    }
    None
}

/// Whether a heading names HTTP itself ("HTTP status codes", "HTTP mapping").
fn names_http(text: &str) -> bool {
    // Asked of every paragraph: most do not name it, which one scan tells.
    static HTTP: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["http"])
            .expect("a fixed pattern builds")
    });
    if !HTTP.is_match(text) {
        return false;
    }
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("http") || w.eq_ignore_ascii_case("https"))
}

impl<'r> Interpreter<'r> {
    fn run(&mut self, blocks: &[&Block]) {
        let heading_entries = self.code_headings(blocks);
        let mut i = 0;
        // The paragraphs since the last heading or listing (at most three): a lead-in
        // such as "The API returns these HTTP status codes:".
        let mut lead_in: Vec<&Text> = Vec::new();
        while i < blocks.len() {
            // Whether the block before was a labelled list of codes ("Normal response
            // codes: 200"), which an "Error codes: …" list goes on.
            let previous_labelled = std::mem::take(&mut self.previous_labelled);
            let previous_table = self.previous_table.take();
            match blocks[i] {
                Block::Heading { level, text } => {
                    // A heading above the table's own section ends what it heads.
                    self.previous_table = previous_table.filter(|(_, under)| level >= under);
                    while self.headings.last().is_some_and(|(l, _, _)| l >= level) {
                        self.headings.pop();
                    }
                    self.heading_code = heading_entries.get(&i).map(|(_, c)| c.code);
                    if let Some((block, candidate)) = heading_entries.get(&i) {
                        let mut candidate = candidate.clone();
                        // The heading's own text: up to the next heading (a
                        // sub-heading such as "Example" starts a topic of its own).
                        let mut description = candidate.description.clone();
                        for next in &blocks[i + 1..] {
                            match next {
                                Block::Heading { .. } => break,
                                Block::Paragraph(t) | Block::Literal(t) => {
                                    description.paragraph_break();
                                    description.append(t);
                                }
                                Block::List(_) | Block::DefinitionList(_) => {
                                    description.paragraph_break();
                                    description.append(&next.flat_text());
                                }
                                _ => {}
                            }
                        }
                        candidate.description = description;
                        let listing = self.listing();
                        self.push(candidate, *block, Vec::new(), listing);
                    }
                    self.section_says_other = false;
                    self.section_names_http = false;
                    let heading = text.as_str().trim().to_owned();
                    let says = says_status_codes(&heading);
                    self.headings.push((*level, heading, says));
                    lead_in.clear();
                    i += 1;
                }
                Block::Paragraph(text) => {
                    self.section_says_other =
                        self.section_says_other || says_other_codes(text.as_str());
                    self.section_names_http = self.section_names_http || names_http(text.as_str());
                    let restated = self.heading_code.is_some_and(|code| {
                        code_lead(text.as_str()).is_some_and(|(_, c)| c == code)
                    });
                    if restated {
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    if let Some(table) = table::pipe_rows(text) {
                        self.table(&table, &lead_in, previous_table);
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    if (self.status_field_paragraphs >= 2 || is_status_record(self.registry, text))
                        && self.status_field_paragraph(blocks, i)
                    {
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    if self.status_attribute(text) {
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    let label = match i.checked_sub(1).map(|k| blocks[k]) {
                        Some(Block::Paragraph(before)) => Some(before),
                        _ => None,
                    };
                    if self.labelled_codes(text, label, previous_labelled) {
                        self.previous_labelled = true;
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    // Lines written one per code in one paragraph ("400: Bad Request -
                    // …" on each line, no list markup): read line by line.
                    // Most lines start with a code: in wrapped prose, a line that
                    // happens to start with one ("``410 (Gone)`` error response. This
                    // is…") is one of many.
                    let lines = text.lines();
                    let code_lines = lines
                        .iter()
                        .filter(|r| {
                            code_lead(&text.as_str()[(*r).clone()]).is_some_and(|(at, _)| at < 12)
                        })
                        .count();
                    if lines.len() >= 2 && code_lines >= 2 && code_lines * 3 >= lines.len() * 2 {
                        let split: Vec<Block> = lines
                            .into_iter()
                            .map(|r| Block::Paragraph(text.slice(r)))
                            .collect();
                        let refs: Vec<&Block> = split.iter().collect();
                        let mut k = 0;
                        while k < refs.len() {
                            let consumed = self.paragraph_run(&refs, k, &lead_in);
                            k += consumed.max(1);
                        }
                        lead_in.clear();
                        i += 1;
                        continue;
                    }
                    let consumed = self.paragraph_run(blocks, i, &lead_in);
                    if consumed == 0 {
                        if lead_in.len() == 3 {
                            lead_in.remove(0);
                        }
                        lead_in.push(text);
                        i += 1;
                    } else {
                        lead_in.clear();
                        i += consumed;
                    }
                }
                Block::Table(table) => {
                    self.table(table, &lead_in, previous_table);
                    lead_in.clear();
                    i += 1;
                }
                Block::List(list) => {
                    self.list(list, &lead_in);
                    lead_in.clear();
                    i += 1;
                }
                Block::DefinitionList(definitions) => {
                    // Lists one after another are one list (disclosures, one per
                    // response, each read as a list of one term).
                    let run = blocks[i + 1..]
                        .iter()
                        .take_while(|b| matches!(b, Block::DefinitionList(_)))
                        .count();
                    if run == 0 {
                        self.definitions(definitions, &lead_in);
                    } else {
                        let joined: Vec<Definition> = blocks[i..=i + run]
                            .iter()
                            .filter_map(|b| match b {
                                Block::DefinitionList(d) => Some(d.iter().cloned()),
                                _ => None,
                            })
                            .flatten()
                            .collect();
                        self.definitions(&joined, &lead_in);
                    }
                    lead_in.clear();
                    i += 1 + run;
                }
                Block::Literal(_) | Block::Container(_) => {
                    i += 1;
                }
            }
        }
    }

    fn table(&mut self, table: &Table, lead_in: &[&Text], previous: Option<(Vec<String>, u8)>) {
        if self.field_table(table) {
            return;
        }
        let inherited = previous.as_ref().map(|(header, _)| header.as_slice());
        if let Some(header) = table::read(self, table, lead_in, inherited) {
            let level = self.headings.last().map_or(0, |(level, _, _)| *level);
            self.previous_table = Some((header, level));
        }
    }

    /// A table of one endpoint's fields, a label and a value per row ("URL | …",
    /// "Success code | 200", "Fail code | 404 on missing note"): each row whose label
    /// names a success, failure or error code gives entries from its value, with no
    /// title unless the value gives the phrase (the label is a role, not a code's
    /// name). False for any other table.
    fn field_table(&mut self, table: &Table) -> bool {
        let rows: Vec<(&Text, &Text)> = table
            .rows
            .iter()
            .filter_map(|row| match row.as_slice() {
                [label, value] => Some((&label.text, &value.text)),
                _ => None,
            })
            .collect();
        if rows.len() < 3 || rows.len() != table.rows.len() {
            return false;
        }
        let code_label = |label: &str| {
            let label = label.trim().trim_end_matches(':').to_lowercase();
            let words: Vec<&str> = label.split_whitespace().collect();
            matches!(
                words.as_slice(),
                [
                    "success" | "successful" | "fail" | "failure" | "error" | "failed",
                    "code" | "codes" | "status" | "response"
                ] | [
                    "success" | "fail" | "failure" | "error",
                    "status",
                    "code" | "codes"
                ]
            )
        };
        let labelled: Vec<&Text> = rows
            .iter()
            .filter(|(label, _)| code_label(label.as_str()))
            .map(|(_, value)| *value)
            .collect();
        // Labels down the first column: short, and not codes themselves.
        let labels = rows.iter().all(|(label, _)| {
            label.as_str().split_whitespace().count() <= 4 && code_lead(label.as_str()).is_none()
        });
        if labelled.is_empty() || !labels {
            return false;
        }
        let mut candidates = Vec::new();
        for value in labelled {
            for mut candidate in self.candidates(value, true) {
                if !candidate.phrase {
                    candidate.title = None;
                    candidate.title_certain = false;
                }
                candidates.push(candidate);
            }
        }
        if candidates.is_empty()
            || !candidates
                .iter()
                .all(|c| self.registry.get(c.code).is_some())
        {
            return false;
        }
        let block = self.next_block();
        for candidate in candidates {
            self.push(candidate, block, Vec::new(), Listing::Operation);
        }
        true
    }

    pub(crate) fn next_block(&mut self) -> usize {
        self.block += 1;
        self.block
    }

    pub(crate) fn section(&self) -> Vec<String> {
        self.headings.iter().map(|(_, t, _)| t.clone()).collect()
    }

    /// Whether the headings above, or a lead-in sentence, say the listing is about
    /// status codes.
    pub(crate) fn context_says_status(&self, lead_in: &[&Text]) -> bool {
        // A label ("**Possible responses:**", "Responses") says it as a heading would;
        // a sentence must name status or response codes.
        let is_label = |t: &Text| {
            let s = t.as_str().trim();
            s.split_whitespace().count() <= 4
                && !s.ends_with('.')
                && (is_pseudo_heading(t) || s.ends_with(':'))
        };
        self.headings.iter().any(|(_, _, says)| *says)
            || lead_in.iter().any(|t| {
                if let Some(&says) = self.lead_in_says.borrow().get(t.as_str()) {
                    return says;
                }
                let says = if is_label(t) {
                    says_status_codes(t.as_str())
                } else {
                    words::says_status_codes_in_prose(t.as_str())
                };
                self.lead_in_says
                    .borrow_mut()
                    .insert(t.as_str().into(), says);
                says
            })
    }

    /// Whether a lead-in label names a response ("Success Response:", "Error
    /// Response:"): the list below it gives the endpoint's statuses ("**Code:** 200").
    fn lead_in_labels_response(lead_in: &[&Text]) -> bool {
        lead_in.iter().any(|t| {
            let s = t.as_str().trim();
            s.split_whitespace().count() <= 3
                && (s.ends_with(':') || is_pseudo_heading(t))
                && s.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| matches!(w, "response" | "respuesta" | "resposta" | "réponse"))
        })
    }

    /// Whether the nearest heading, or a lead-in sentence, names other kinds of codes.
    pub(crate) fn context_says_other(&self, lead_in: &[&Text]) -> bool {
        // The nearest heading that names a protocol decides: "SMTP response codes" ›
        // "Temporary failure codes (4xx)" is SMTP's, "gRPC" › "HTTP mapping" is HTTP's.
        let heading_says_other = self
            .headings
            .iter()
            .rev()
            .find_map(|(_, t, _)| {
                if says_other_codes(t) {
                    Some(true)
                } else {
                    names_http(t).then_some(false)
                }
            })
            .unwrap_or(false);
        heading_says_other
            || lead_in.iter().any(|t| says_other_codes(t.as_str()))
            || self.section_says_other && !self.section_names_http
    }

    /// An operation's responses, or the page's catalog of codes.
    pub(crate) fn listing(&self) -> Listing {
        let responses_heading = |t: &str| {
            let lower = t.to_lowercase();
            lower.contains("response") || lower.contains("error") || lower.starts_with("return")
        };
        let operation = self.operation_page
            || self
                .headings
                .iter()
                .any(|(_, t, _)| is_operation_heading(t))
            || self.headings.last().is_some_and(|(_, t, _)| {
                let lower = t.to_lowercase();
                responses_heading(t)
                    && (self.heading_counts.get(&lower).copied().unwrap_or(0) >= 2
                        // "Responses" two levels below a topic ("API usage" › "Get an
                        // identity" › "Error responses") is that topic's.
                        || self.headings.len() >= 3
                            && !self.headings[self.headings.len() - 2].2)
            });
        if operation {
            Listing::Operation
        } else {
            Listing::Catalog
        }
    }

    /// Whether the nearest heading, or a lead-in sentence, says the listing is of errors
    /// ("Errors", "Error responses", "Fehlercodes").
    pub(crate) fn context_says_errors(&self, lead_in: &[&Text]) -> bool {
        self.headings
            .last()
            .is_some_and(|(_, t, _)| words::says_errors(t))
            || lead_in.iter().any(|t| words::says_errors(t.as_str()))
    }

    /// A group said to be errors whose codes are all registered 4xx and 5xx codes, at
    /// least three of them distinct ("Errors: 400 | The format of the request…"): HTTP
    /// error statuses, though no phrase or header says so. Vendors' own numeric error
    /// codes are rarely all registered client and server errors.
    pub(crate) fn accept_errors(&self, group: &[Candidate], said_errors: bool) -> bool {
        if !said_errors || group.is_empty() {
            return false;
        }
        // On a page of operations ("DELETE /network/<name>"), each operation's "Possible
        // errors:" list may name only one or two.
        if group.len() < 3 {
            return self.operation_page
                && group
                    .iter()
                    .all(|c| c.code >= 400 && self.registry.get(c.code).is_some());
        }
        let mut codes: Vec<u16> = group.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        // A vendor's own numbering runs on ("401, 402, 403, 404, 405" for card errors);
        // HTTP error statuses skip, or reach into both classes.
        let consecutive = codes.windows(2).all(|w| w[1] == w[0] + 1);
        let both_classes =
            codes.first().is_some_and(|&c| c < 500) && codes.last().is_some_and(|&c| c >= 500);
        codes.len() >= 3
            && (both_classes || !consecutive)
            && group
                .iter()
                .all(|c| c.code >= 400 && self.registry.get(c.code).is_some())
    }

    /// Judges a group of candidates: at least half carry a known phrase, or the context
    /// says status codes and most codes are registered.
    pub(crate) fn accept(&self, group: &[Candidate], context: bool, other: bool) -> bool {
        if group.is_empty() {
            return false;
        }
        let n = group.len();
        let phrases = group.iter().filter(|c| c.phrase || c.explicit).count();
        if other {
            // Said to be another protocol's codes: only HTTP's own phrase for each code
            // (or the text naming HTTP) outweighs that ("502 Not implemented" is 501's).
            let own = group
                .iter()
                .filter(|c| {
                    c.explicit
                        || c.title
                            .as_ref()
                            .is_some_and(|t| self.registry.match_phrase(c.code, &t.text).is_own())
                })
                .count();
            return own * 5 >= n * 4;
        }
        if phrases > 0 && phrases * 2 >= n {
            return true;
        }
        // 1xx codes are rarely documented without their phrase, and 100–103 are the
        // first numbers of many other code systems: they count only with a phrase.
        let registered = group
            .iter()
            .filter(|c| {
                (self.registry.get(c.code).is_some() || self.registry.nonstandard(c.code).is_some())
                    && (c.code >= 200 || c.phrase)
            })
            .count();
        if context && registered * 5 >= n * 3 {
            return true;
        }
        // No word around says status codes, but the rows do: three or more registered
        // codes, most of them described in words that say what the code means ("404 |
        // Requested endpoint not found", "429 | The rate limit has been reached").
        let echoed = group
            .iter()
            .filter(|c| {
                let title = c.title.as_ref().map_or("", |t| t.text.as_str());
                words::echoes_meaning(c.code, title)
                    || words::echoes_meaning(c.code, c.description.as_str())
            })
            .count();
        if n >= 3 && registered == n && echoed * 4 >= n * 3 {
            return true;
        }
        // Or the codes alone: five or more, all registered, in order, from three classes
        // or more, most of them not round numbers ("200, 201, 204, 304, 400, 401, 403,
        // 404, 412, 500" beside words in any language). Counts, sizes and a vendor's own
        // numbering are round, consecutive or unregistered.
        let codes: Vec<u16> = group.iter().map(|c| c.code).collect();
        let mut classes: Vec<u16> = codes.iter().map(|c| c / 100).collect();
        classes.dedup();
        let ascending = codes.windows(2).all(|w| w[0] < w[1]);
        let unround = codes.iter().filter(|&&c| c % 10 != 0).count();
        n >= 5 && registered == n && ascending && classes.len() >= 3 && unround * 2 > n
    }

    pub(crate) fn push(
        &mut self,
        candidate: Candidate,
        block: usize,
        extra_section: Vec<String>,
        listing: Listing,
    ) {
        let mut section = self.section();
        section.extend(extra_section);
        let title = candidate
            .title
            .map(|title| self.without_repeated_code(candidate.code, title));
        self.entries.push(Entry {
            code: candidate.code,
            code_span: candidate.code_span,
            title,
            description: candidate.description.whole(),
            section,
            block,
            listing,
            title_certain: candidate.title_certain,
        });
    }

    /// A title that repeats its entry's code before the phrase ("200 - 200 OK - …",
    /// "404 | 404 Not Found"): the phrase is the title.
    fn without_repeated_code(&self, code: u16, title: Cell) -> Cell {
        let Some(rest) = title.text.strip_prefix(&*code.to_string()) else {
            return title;
        };
        let phrase = rest.trim_start_matches([' ', '-', ':']);
        if phrase.len() == rest.len()
            || title.span.len() != title.text.len()
            || !self.registry.match_phrase(code, phrase).is_own()
        {
            return title;
        }
        let start = title.span.end - phrase.len();
        Cell {
            text: phrase.to_owned(),
            span: Span::new(start, title.span.end),
            ..title
        }
    }

    /// A candidate from text that starts with a code: the code, the title after it and
    /// the rest of the text as the start of the description. Outside a code column the
    /// code must be followed by a title, a separator or nothing: "404 errors are…" and
    /// "300 requests per minute" are prose.
    pub(crate) fn candidate(&self, text: &Text, in_code_column: bool) -> Option<Candidate> {
        let s = text.as_str();
        let (at, code, explicit) = code_lead_explicit(s)?;
        // "Returns `201 Created` if imported successfully.": a sentence about what an
        // operation returns, not an item that documents the code.
        if !in_code_column
            && s[..at].trim_start().starts_with("Returns ")
            && s.trim_end().ends_with('.')
        {
            return None;
        }
        let after = &s[at + 3..];
        let next = after.trim_start().chars().next();
        // The code is set apart from what follows: "404 - …", "404: …", "**404** …".
        let gap_end = at + 3 + (after.len() - after.trim_start().len());
        let separated = after.starts_with([':', ','])
            || next.is_some_and(|c| "-–—:|".contains(c))
            // The code ends its line ("**Code:** 200 <br />").
            || text
                .lines()
                .iter()
                .any(|line| line.start > at + 3 && line.start <= gap_end)
            // "400 if the body is malformed": the condition the code is returned on.
            || ["if ", "when ", "whenever "]
                .iter()
                .any(|w| after.trim_start().starts_with(w))
            || text.is_marked(at..at + 3, Mark::Strong)
                && !text.is_marked(at..s.len().min(at + 5), Mark::Strong)
            || text.is_marked(at..at + 3, Mark::Code)
                && !text.is_marked(at..s.len().min(at + 5), Mark::Code);
        // A field label on the next line ("200 <br /> Content: …") is no title.
        let next_line_label = |title: &std::ops::Range<usize>| {
            let (start, end) = (at + title.start, at + title.end);
            text.lines()
                .iter()
                .any(|line| line.start > at + 3 && line.start <= start)
                && s[end..].trim_start().starts_with(':')
        };
        let mut parts = split_code_and_title(self.registry, &s[at..]);
        // "301 - **Moved + `Location:`** if the token…": a bold label right after the
        // code and its separator is the title, whatever its case or what follows.
        // Not one on the next line ("**Code:** 200 <br /> **Content:** …"): a line
        // break ends the code's line.
        if let Some(bold) = bold_label(text, at + 3)
            .filter(|bold| !next_line_label(&(bold.start - at..bold.end - at)))
        {
            let detail_start = s[bold.end..].len()
                - s[bold.end..]
                    .trim_start_matches([' ', '-', '–', '—', ':'])
                    .len();
            let detail = bold.end + detail_start..s.trim_end().len();
            parts = split::CodeAndTitle {
                title: Some(bold.start - at..bold.end - at),
                detail: (!detail.is_empty()).then(|| detail.start - at..detail.end - at),
                certain: true,
            };
        }
        if let Some(title) = parts.title.clone() {
            if next_line_label(&title) {
                let end = parts.detail.as_ref().map_or(title.end, |d| d.end);
                parts = split::CodeAndTitle {
                    title: None,
                    detail: Some(title.start..end),
                    certain: false,
                };
            }
        }
        // "`200 OK` for a successful operation": code and phrase set off together in
        // one code span, then the condition the code is returned on.
        let mut separated = separated;
        if let Some(phrase) = marked_phrase(text, at) {
            let tail = &s[phrase.end..];
            let gap = tail.len()
                - tail
                    .trim_start_matches([' ', '-', '–', '—', ':', ','])
                    .len();
            let detail = phrase.end + gap..s.trim_end().len();
            // "`401 Unauthorized` status code on unknown resource": what the code is
            // called may stand before the condition.
            let after_name = [
                "status code ",
                "response code ",
                "status ",
                "response ",
                "error ",
            ]
            .iter()
            .find_map(|name| s[detail.start..].strip_prefix(name))
            .unwrap_or(&s[detail.start..]);
            let condition = CONDITION_WORDS.iter().any(|w| after_name.starts_with(w));
            if self.is_phrase(code, &s[phrase.clone()])
                && (condition || gap > 0 && tail[..gap].trim() != "")
            {
                parts = split::CodeAndTitle {
                    title: Some(phrase.start - at..phrase.end - at),
                    detail: (!detail.is_empty()).then(|| detail.start - at..detail.end - at),
                    certain: true,
                };
                separated = true;
            }
        }
        // "**210 Verification required**: Transaction on hold…": code and label in one
        // bold run, set off by a colon or a dash: the label is the title, in any case.
        if parts.title.is_none() {
            if let Some(label) = bold_code_label(text, at) {
                let tail = &s[label.end..];
                let gap = tail.len()
                    - tail
                        .trim_start_matches(['*', '_', ' ', ':', '-', '–', '—'])
                        .len();
                let detail = label.end + gap..s.trim_end().len();
                parts = split::CodeAndTitle {
                    title: Some(label.start - at..label.end - at),
                    detail: (!detail.is_empty()).then(|| detail.start - at..detail.end - at),
                    certain: true,
                };
                separated = true;
            }
        }
        // A title that runs straight into a lowercase sentence.
        if let (Some(title), Some(detail)) = (parts.title.clone(), parts.detail.clone()) {
            let gap = &s[at + title.end..at + detail.start];
            let detail_text = &s[at + detail.start..at + detail.end];
            // A bold "**404 Not Found** the pet…" is a pseudo-heading; a literal
            // "`401 Unauthorized` errors mean…" is a mention in a sentence.
            if gap.trim().is_empty()
                && (detail_text.chars().next().is_some_and(char::is_lowercase)
                    || words::starts_with_requirement_word(detail_text))
                && !text.is_marked(at + title.start..at + title.end, Mark::Strong)
            {
                if !parts.certain {
                    // "400 - Size too large to load": a guessed title is the sentence's
                    // first word; the whole is the description.
                    parts.title = None;
                    parts.detail = Some(title.start..detail.end);
                    parts.certain = true;
                } else if !separated && !in_code_column {
                    // "102 Processing status code indicates that…": the phrase is the
                    // subject of a sentence about the code, which is prose.
                    return None;
                }
            }
        }
        if !in_code_column && parts.title.is_none() && parts.detail.is_some() && !separated {
            return None;
        }
        // "Status `200` and the following payload:": a sentence that goes on past the
        // code, however the code is marked.
        if !in_code_column
            && parts.title.is_none()
            && ["and ", "but "]
                .iter()
                .any(|w| after.trim_start().starts_with(w))
        {
            return None;
        }
        let code_span = text.source_span(at..at + 3);
        let title = parts
            .title
            .and_then(|r| text.cell(r.start + at..r.end + at))
            .map(unquote);
        let phrase = title
            .as_ref()
            .is_some_and(|t| self.is_phrase(code, &t.text));
        // "208 Already Reported (WebDAV)": a qualifier of the title, not description.
        let description = parts
            .detail
            .filter(|r| {
                let d = s[r.start + at..r.end + at].trim();
                !(title.is_some()
                    && d.starts_with('(')
                    && d.ends_with(')')
                    && !d[1..].contains('(')
                    && statusdoc_reference::is_qualifier(&d[1..d.len() - 1]))
            })
            .map(|r| text.slice(r.start + at..r.end + at))
            .unwrap_or_default();
        Some(Candidate {
            code,
            code_span,
            title_certain: title.is_some() && parts.certain,
            title,
            description,
            phrase,
            explicit,
        })
    }

    /// The candidates of text that starts with one code or several ("401 & 403 - …",
    /// "200, 201"): several codes share the text after them.
    pub(crate) fn candidates(&self, text: &Text, in_code_column: bool) -> Vec<Candidate> {
        match self.multi_code(text, None) {
            Some(many) => many,
            None => self
                .candidate(text, in_code_column)
                .or_else(|| self.phrase_first(text))
                .into_iter()
                .collect(),
        }
    }

    /// "Not Found - 404", "OK (200): the pet", "Bad Request – 400 e mensagem": the
    /// code's own registered phrase first, then the code set off after it. The phrase
    /// is the evidence (it names this very code), so nothing looser qualifies.
    fn phrase_first(&self, text: &Text) -> Option<Candidate> {
        let s = text.as_str().trim_end();
        // The phrase is a few words: its separator comes early or not at all.
        let mut head = s.len().min(120);
        while !s.is_char_boundary(head) {
            head -= 1;
        }
        let (sep, sep_len) = first_separator(&s[..head])
            // "Unavailable For Legal Reasons 451": the code alone at the end.
            .or_else(|| {
                let at = s.rfind(' ')?;
                (s.len() - at == 4).then_some((at, 1))
            })?;
        let phrase = s[..sep].trim();
        let words = phrase.split_whitespace().count();
        if phrase.is_empty() || words > 6 || phrase.contains(char::is_numeric) {
            return None;
        }
        let code_at = sep + sep_len;
        let code = leading_code(&s[code_at..])?;
        let after = &s[code_at + 3..];
        let closed = if s[sep..code_at].ends_with('(') {
            after.strip_prefix(')')?
        } else {
            after
        };
        // The code ends its word: "404s", "4045" are not it.
        if closed.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        if !self.registry.match_phrase(code, phrase).is_own() {
            return None;
        }
        let rest = closed.trim_start_matches([' ', '\t', ':', '-', '–', '—', ',', ';', '.']);
        let description_at = s.len() - rest.len();
        let phrase_at = s.len() - s.trim_start().len();
        Some(Candidate {
            code,
            code_span: text.source_span(code_at..code_at + 3),
            title: text.cell(phrase_at..phrase_at + phrase.len()).map(unquote),
            title_certain: true,
            description: if rest.is_empty() {
                Text::default()
            } else {
                text.slice(description_at..s.len())
            },
            phrase: true,
            explicit: false,
        })
    }

    /// A cell or line for several codes ("200, 201", "401 / 403", "404 or 410"): one
    /// candidate per code. Titles are split on " / " when there is one per code
    /// ("Unauthorized / Forbidden"); otherwise the text after the codes is the shared
    /// description, since a group title ("Server Error") is no code's phrase. `title`
    /// is a title column's cell, when the table has one.
    pub(crate) fn multi_code(&self, cell: &Text, title: Option<&Text>) -> Option<Vec<Candidate>> {
        if title.is_none() {
            if let Some(many) = self.codes_with_phrases(cell) {
                return Some(many);
            }
        }
        let text = cell.as_str().trim_end();
        let (mut at, _) = code_lead(text)?;
        let mut codes: Vec<(u16, usize)> = Vec::new();
        loop {
            let code = leading_code(&text[at..])?;
            codes.push((code, at));
            let rest = &text[at + 3..];
            let gap = rest.len() - rest.trim_start_matches([' ', ',', '/', '|', '&']).len();
            let after = &rest[gap..];
            let word = ["or ", "and ", "und ", "et ", "y ", "ou "]
                .iter()
                .find(|w| after.starts_with(**w))
                .map_or(0, |w| w.len());
            // Codes are listed with a separator ("200, 201", "401 / 403", "404 or
            // 410"), or each in a literal of its own ("`200` `201`"); "200 200
            // response" is a code and its description.
            let next_at = at + 3 + gap;
            let literals = cell.is_marked(at..at + 3, Mark::Code)
                && cell.is_marked(next_at..(next_at + 3).min(text.len()), Mark::Code)
                && !cell.is_marked(at..(next_at + 3).min(text.len()), Mark::Code);
            let separated = word > 0 || rest[..gap].contains([',', '/', '|', '&']) || literals;
            let gap = gap + word;
            if !separated || leading_code(&text[at + 3 + gap..]).is_none() {
                break;
            }
            at += 3 + gap;
        }
        if codes.len() < 2 {
            return None;
        }
        let end = codes.last().map_or(0, |(_, at)| at + 3);
        let rest = &text[end..];
        let lead = rest.len() - rest.trim_start_matches([' ', '-', '–', '—', ':']).len();
        let rest_text = cell.slice(end + lead..text.len());
        // "500, 502, 503, 504 - Server Errors": a label set off after the codes names
        // them all.
        let label = title.is_none()
            && rest[..lead].contains(['-', '–', '—', ':'])
            && (1..=4).contains(&rest_text.as_str().split_whitespace().count())
            && !words::looks_like_prose(rest_text.as_str())
            && !rest_text.as_str().contains(" / ");
        let titles: Vec<Cell> = match title {
            Some(t) => split_titles(t),
            None if rest_text.as_str().contains(" / ") => split_titles(&rest_text),
            None if label => rest_text.whole().into_iter().collect(),
            None => Vec::new(),
        };
        // One title beside several codes ("`500`, `502`, `503` | Server Errors") is the
        // name the page gives each; a group name is no code's phrase, so it is never
        // rewritten.
        let shared = (title.is_some() || label)
            && titles.len() == 1
            && codes.len() > 1
            && !self.is_phrase(codes[0].0, &titles[0].text);
        let titles = if shared {
            Some(vec![titles[0].clone(); codes.len()])
        } else {
            (titles.len() == codes.len()).then_some(titles)
        };
        let description = if titles.is_some() || title.is_some() || label {
            Text::new()
        } else {
            rest_text
        };
        Some(
            codes
                .iter()
                .enumerate()
                .map(|(i, &(code, at))| {
                    let title = titles.as_ref().map(|t| t[i].clone());
                    Candidate {
                        code,
                        code_span: cell.source_span(at..at + 3),
                        phrase: title
                            .as_ref()
                            .is_some_and(|t| self.is_phrase(code, &t.text)),
                        title_certain: title.is_some() && !shared,
                        title,
                        description: description.clone(),
                        explicit: false,
                    }
                })
                .collect(),
        )
    }

    /// Several codes each with its own phrase, listed before a shared description
    /// ("`502 Bad Gateway`, `503 Service Unavailable`, or `504 Gateway Timeout`: These
    /// all…"): one candidate per code, titled by its phrase.
    fn codes_with_phrases(&self, cell: &Text) -> Option<Vec<Candidate>> {
        let text = cell.as_str().trim_end();
        let (mut at, _) = code_lead(text)?;
        if at > 0 {
            return None;
        }
        let mut found: Vec<(u16, usize, std::ops::Range<usize>)> = Vec::new();
        loop {
            let code = leading_code(&text[at..])?;
            let rest = &text[at + 3..];
            let phrase_at = at + 3 + (rest.len() - rest.trim_start_matches(' ').len());
            // The longest run of up to six words after the code that is its own phrase.
            let mut phrase_end = None;
            let mut words = 0;
            for (i, c) in text[phrase_at..].char_indices() {
                let end = phrase_at + i;
                if matches!(c, ' ' | ',' | ':' | ';' | '.' | '—' | '–' | '(') && end > phrase_at
                {
                    words += 1;
                    if self
                        .registry
                        .match_phrase(code, &text[phrase_at..end])
                        .is_own()
                    {
                        phrase_end = Some(end);
                    }
                    if words >= 6 || c != ' ' {
                        break;
                    }
                }
            }
            if phrase_end.is_none()
                && self
                    .registry
                    .match_phrase(code, &text[phrase_at..])
                    .is_own()
            {
                phrase_end = Some(text.len());
            }
            let phrase_end = phrase_end?;
            found.push((code, at, phrase_at..phrase_end));
            let rest = &text[phrase_end..];
            let gap = rest.len() - rest.trim_start_matches([' ', ',', '/', '&']).len();
            let after = &rest[gap..];
            let word = ["or ", "and "]
                .iter()
                .find(|w| after.starts_with(**w))
                .map_or(0, |w| w.len());
            // Separated by a comma, slash or ampersand, or by "or"/"and".
            if word == 0 && !rest[..gap].contains([',', '/', '&']) {
                break;
            }
            let next = phrase_end + gap + word;
            if leading_code(&text[next..]).is_none() {
                break;
            }
            at = next;
        }
        if found.len() < 2 {
            return None;
        }
        let end = found.last().map_or(0, |(_, _, phrase)| phrase.end);
        let rest = &text[end..];
        let lead = rest.len() - rest.trim_start_matches([' ', '-', '–', '—', ':']).len();
        if end < text.len() && !rest[..lead].contains(['-', '–', '—', ':']) {
            return None;
        }
        let description = cell.slice(end + lead..text.len());
        found
            .into_iter()
            .map(|(code, at, phrase)| {
                Some(Candidate {
                    code,
                    code_span: cell.source_span(at..at + 3),
                    title: Some(cell.cell(phrase)?),
                    title_certain: true,
                    phrase: true,
                    description: description.clone(),
                    explicit: false,
                })
            })
            .collect()
    }

    /// Whether a title is a phrase the registry knows: of this code or another,
    /// current, obsolete, or a known non-standard code's ("Client Closed Request").
    pub(crate) fn is_phrase(&self, code: u16, title: &str) -> bool {
        !matches!(
            self.registry.match_phrase(code, title),
            PhraseMatch::Unknown
        ) || self.registry.nonstandard(code).is_some_and(|n| {
            statusdoc_reference::phrase_key(&n.phrase)
                == statusdoc_reference::phrase_key(statusdoc_reference::strip_qualifier(title))
        })
    }

    /// A heading that starts with a code. A heading is a title by its markup, so the
    /// short text after the code is its title even in sentence case ("498 Token
    /// expired/invalid (Esri)"), where a paragraph would read it as prose.
    /// A definition term that is a code and a short label in any case ("400 invalid url
    /// format"): the label is the title.
    fn term_candidate(&self, text: &Text) -> Option<Candidate> {
        self.label_candidate(text, |label| {
            !label.is_empty()
                && label.split_whitespace().count() <= 6
                && !label.ends_with(['.', '!', '?', ':', ','])
        })
    }

    /// A code, a separator and a label that `is_label` accepts: the label is the title
    /// (a term's or a heading's, titles by their markup whatever their case).
    /// "Bad Request (400)": a heading that names its status and gives the code after
    /// it in parentheses. The label is the title (short, capitalised, no sentence).
    fn code_after_label(&self, text: &Text) -> Option<Candidate> {
        let s = text.as_str().trim_end();
        let inner = s.strip_suffix(')')?;
        let open = inner.rfind('(')?;
        let within = inner[open + 1..].trim();
        let digits = within.get(..3)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let code: u16 = digits.parse().ok()?;
        if !(100..=599).contains(&code) {
            return None;
        }
        // "Invalid Format (400 Bad Request)": the phrase in the parentheses is the
        // title, the label names the error.
        let phrase = within[3..].trim();
        if !phrase.is_empty() && !within[3..].starts_with(' ') {
            return None;
        }
        let label = inner[..open].trim_end();
        let lead = label.len() - label.trim_start().len();
        let label = label.trim_start();
        let words = label.split_whitespace().count();
        if words == 0
            || words > 5
            || !label.chars().next().is_some_and(char::is_uppercase)
            || label.contains(['.', ':', '?', '!', '(', ')'])
            || code_lead(label).is_some()
        {
            return None;
        }
        let at = open + 1 + (inner[open + 1..].len() - inner[open + 1..].trim_start().len());
        if !phrase.is_empty() {
            if !self.is_phrase(code, phrase) {
                return None;
            }
            let phrase_at = at + 3 + (within[3..].len() - within[3..].trim_start().len());
            return self.labelled(text, code, at, phrase_at..phrase_at + phrase.len(), false);
        }
        self.labelled(text, code, at, lead..lead + label.len(), false)
    }

    /// The candidate of a code at `at` titled by the label at `title`, nothing more.
    fn labelled(
        &self,
        text: &Text,
        code: u16,
        at: usize,
        title: std::ops::Range<usize>,
        explicit: bool,
    ) -> Option<Candidate> {
        let title = text.cell(title).map(unquote)?;
        Some(Candidate {
            code,
            code_span: text.source_span(at..at + 3),
            phrase: self.is_phrase(code, &title.text),
            title_certain: true,
            title: Some(title),
            description: Text::new(),
            explicit,
        })
    }

    fn label_candidate(&self, text: &Text, is_label: impl Fn(&str) -> bool) -> Option<Candidate> {
        let s = text.as_str();
        let (at, code, explicit) = code_lead_explicit(s)?;
        let rest = &s[at + 3..];
        // The bracket closing "[404]" or "(404)" sets the label off too.
        let closer = usize::from(
            at > 0 && matches!(s.as_bytes()[at - 1], b'[' | b'(') && rest.starts_with([']', ')']),
        );
        let lead = closer + rest[closer..].len()
            - rest[closer..]
                .trim_start_matches([' ', '\t', ':', '-', '–', '—'])
                .len();
        let label = rest[lead..].trim_end();
        if lead == 0 || !is_label(label) {
            return None;
        }
        let start = at + 3 + lead;
        self.labelled(text, code, at, start..start + label.len(), explicit)
    }

    fn heading_candidate(&self, text: &Text) -> Option<Candidate> {
        if let Some(candidate) = self.code_after_label(text) {
            return Some(candidate);
        }
        // "OK<TAB>200", "Unavailable For Legal Reasons 451": the code's own phrase, then
        // the code.
        if code_lead(text.as_str()).is_none() {
            if let Some(candidate) = self.phrase_first(text) {
                return Some(candidate);
            }
        }
        if let Some(candidate) = self.candidate(text, false) {
            if candidate.title.is_some() || candidate.description.is_empty() {
                return Some(candidate);
            }
        }
        let s = text.as_str();
        let (at, code, explicit) = code_lead_explicit(s)?;
        // "`404 Not Found` for an existing resource": a literal or bold run that holds the
        // code and a phrase is the status; what follows qualifies the topic.
        let marked = text.marks().find(|(r, m)| {
            matches!(m, Mark::Code | Mark::Strong) && r.start <= at && r.end > at + 4
        });
        if let Some((range, _)) = marked {
            let within = s.get(at + 3..range.end).unwrap_or("");
            let lead = within.len()
                - within
                    .trim_start_matches([' ', '\t', ':', '-', '–', '—'])
                    .len();
            let inner = within[lead..].trim_end();
            let start = at + 3 + lead;
            if !inner.is_empty() && self.is_phrase(code, inner) {
                let title = text.cell(start..start + inner.len()).map(unquote)?;
                let rest = s[range.end..].trim_start();
                let rest_start = s.len() - rest.len();
                return Some(Candidate {
                    code,
                    code_span: text.source_span(at..at + 3),
                    phrase: true,
                    title_certain: true,
                    title: Some(title),
                    description: text.slice(rest_start..s.len()),
                    explicit,
                });
            }
        }
        // A heading's label may end with one period ("Created o Creado."); two
        // sentences are no label.
        self.label_candidate(text, |title| {
            title.split_whitespace().count() <= 6
                && !title.ends_with(['!', '?', ':'])
                && !title.trim_end_matches('.').contains(". ")
                && title.chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// Headings that start with a code, judged per group of siblings (same level, same
    /// parent heading): heading index → (block, candidate).
    fn code_headings(&mut self, blocks: &[&Block]) -> HashMap<usize, (usize, Candidate)> {
        let mut groups: HashMap<(usize, u8), Vec<(usize, Candidate)>> = HashMap::new();
        let mut contexts: HashMap<(usize, u8), (bool, bool)> = HashMap::new();
        let mut stack: Vec<(u8, usize, bool, bool)> = Vec::new(); // level, index, says status, says other
        for (i, block) in blocks.iter().enumerate() {
            let Block::Heading { level, text } = block else {
                continue;
            };
            while stack.last().is_some_and(|(l, ..)| l >= level) {
                stack.pop();
            }
            let parent = stack.last().map_or(usize::MAX, |(_, i, ..)| *i);
            let key = (parent, *level);
            if let Some(candidate) = self.heading_candidate(text) {
                groups.entry(key).or_default().push((i, candidate));
                contexts
                    .entry(key)
                    .or_insert((stack.iter().any(|s| s.2), stack.last().is_some_and(|s| s.3)));
            }
            // Another protocol named above stays in force until a heading names HTTP.
            let other = says_other_codes(text.as_str())
                || !names_http(text.as_str()) && stack.last().is_some_and(|s| s.3);
            stack.push((*level, i, says_status_codes(text.as_str()), other));
        }
        let mut accepted = HashMap::new();
        let mut keys: Vec<_> = groups.keys().copied().collect();
        keys.sort();
        for key in keys {
            let group = &groups[&key];
            let candidates: Vec<Candidate> = group.iter().map(|(_, c)| c.clone()).collect();
            let (context, other) = contexts[&key];
            if self.accept(&candidates, context || group.len() >= 3, other) {
                let block = self.next_block();
                self.heading_blocks.push(block);
                for (i, candidate) in group {
                    accepted.insert(*i, (block, candidate.clone()));
                }
            }
        }
        accepted
    }

    /// A paragraph with a status field line ("**HTTP Status:** 401 Unauthorized") in a
    /// section about one error: an entry keyed by that error, described by the
    /// section's "Description:" field (or its first other paragraph).
    fn status_field_paragraph(&mut self, blocks: &[&Block], at: usize) -> bool {
        let Block::Paragraph(text) = blocks[at] else {
            return false;
        };
        // "**Response:**", "Status: 200 OK", then the body: an example exchange's status
        // line, as `HTTP/1.1 200 OK` in a sample is.
        let example_label = at.checked_sub(1).is_some_and(|k| match blocks[k] {
            Block::Paragraph(label) => {
                let l = label.as_str().trim().trim_end_matches(':').to_lowercase();
                l.split_whitespace().count() <= 3
                    && (l.contains("response") || l.contains("example"))
                    && !words::says_errors(&l)
            }
            _ => false,
        });
        let body_follows = matches!(blocks.get(at + 1), Some(Block::Literal(_)));
        if example_label && body_follows {
            return false;
        }
        // Every status field line of the paragraph ("| Status: 200 OK" once per
        // content type in a line block).
        let mut candidates = Vec::new();
        for (value, explicit_label) in status_field_lines(text) {
            let Some(candidate) = self.candidate(&value, true) else {
                return false;
            };
            // Only a code and its phrase: "400, 404, 500 handling" is a note, not a field.
            let plain = candidate.description.is_empty()
                && candidate
                    .title
                    .as_ref()
                    .is_none_or(|t| candidate.phrase || t.text.split_whitespace().count() <= 4);
            let known = self.registry.get(candidate.code).is_some()
                || self.registry.nonstandard(candidate.code).is_some();
            // "## BadRequestError" then "**status**: 400", section after section: the
            // status of each error the page documents.
            let error_section = self.status_field_paragraphs >= 3
                && self.headings.last().is_some_and(|(_, t, _)| {
                    let t = t.trim().to_lowercase();
                    words::says_errors(&t) || t.ends_with("error") || t.ends_with("exception")
                });
            if !plain || !known || !(explicit_label || candidate.phrase || error_section) {
                return false;
            }
            candidates.push(candidate);
        }
        if candidates.is_empty() {
            return false;
        }
        let section_start = blocks[..at]
            .iter()
            .rposition(|b| matches!(b, Block::Heading { .. }))
            .map_or(0, |h| h + 1);
        let section_end = blocks[at..]
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
            .map_or(blocks.len(), |n| at + n);
        let section = &blocks[section_start..section_end];
        let described = section.iter().find_map(|b| match b {
            Block::Paragraph(t) => field_value(t, &["description", "detail", "details", "message"]),
            _ => None,
        });
        let first_prose = |blocks: &[&Block]| {
            blocks.iter().find_map(|b| match b {
                Block::Paragraph(t) if field_value(t, &[]).is_none() => Some(t.clone()),
                _ => None,
            })
        };
        // Else the text of a "Description" section right after the record's own.
        let next_section = || {
            let Some(Block::Heading { text, .. }) = blocks.get(section_end) else {
                return None;
            };
            let heading = text.as_str().trim().to_lowercase();
            if ![
                "description",
                "details",
                "beschreibung",
                "descripción",
                "описание",
            ]
            .contains(&heading.as_str())
            {
                return None;
            }
            let end = blocks[section_end + 1..]
                .iter()
                .position(|b| matches!(b, Block::Heading { .. }))
                .map_or(blocks.len(), |n| section_end + 1 + n);
            first_prose(&blocks[section_end + 1..end])
        };
        let description = described
            .or_else(|| first_prose(section))
            .or_else(next_section)
            .unwrap_or_default();
        let block = self.next_block();
        for mut candidate in candidates {
            candidate.description = description.clone();
            self.push(candidate, block, Vec::new(), Listing::Keyed);
        }
        true
    }

    /// A template tag that documents a response by attributes (GitBook's `{% swagger-
    /// response status="404" description="…" %}`, a shortcode's `{{< response
    /// code="404" >}}`): the status attribute names the code, the description attribute
    /// (when not empty) describes it. An entry of the operation the page documents.
    fn status_attribute(&mut self, text: &Text) -> bool {
        let s = text.as_str();
        let trimmed = s.trim_start();
        if !(trimmed.starts_with("{%") || trimmed.starts_with("{{")) || s.len() > 4000 {
            return false;
        }
        // Every tag of the paragraph ("{% endswagger-response %}" and the next tag's
        // opening often share one).
        let mut found: Vec<(u16, std::ops::Range<usize>, Option<std::ops::Range<usize>>)> =
            Vec::new();
        // Tags whose title holds the status, with where they stand among `found`.
        let mut titled: Vec<(usize, Candidate)> = Vec::new();
        let mut from = 0;
        while let Some(open) = s[from..].find(['{']).map(|at| from + at) {
            let Some(close) = s[open..]
                .find("%}")
                .or_else(|| s[open..].find("}}"))
                .map(|at| open + at)
            else {
                break;
            };
            from = close + 2;
            let tag = &s[open..close];
            if !(tag.starts_with("{%") || tag.starts_with("{{")) {
                continue;
            }
            let attribute = |names: &[&str]| -> Option<std::ops::Range<usize>> {
                names.iter().find_map(|name| {
                    let mut at_from = 0;
                    while let Some(found) = tag[at_from..].find(name) {
                        let at = at_from + found;
                        at_from = at + name.len();
                        if !tag[..at].ends_with(char::is_whitespace)
                            || !tag[at + name.len()..].starts_with('=')
                        {
                            continue;
                        }
                        // `name="value"`, or unquoted, `name=value` (GitBook's older
                        // `httpCode=404`).
                        let after = at + name.len() + 1;
                        if tag[after..].starts_with('"') {
                            let value_start = after + 1;
                            let value_end = value_start + tag[value_start..].find('"')?;
                            return Some(open + value_start..open + value_end);
                        }
                        let value_end = after
                            + tag[after..]
                                .find(|c: char| c.is_whitespace())
                                .unwrap_or(tag.len() - after);
                        return (value_end > after).then_some(open + after..open + value_end);
                    }
                    None
                })
            };
            let Some(status) =
                attribute(&["status", "code", "status-code", "statusCode", "httpCode"])
            else {
                // GitBook's response tabs: `{% tab title="404: Not Found No such user" %}`,
                // a code and its own phrase in the title.
                if let Some(title) = attribute(&["title"]) {
                    let value = text.slice(title);
                    if let Some(candidate) = self.candidate(&value, true).filter(|c| c.phrase) {
                        titled.push((found.len(), candidate));
                    }
                }
                continue;
            };
            let value = &s[status.clone()];
            let Some(code) = leading_code(value).filter(|_| value.len() == 3) else {
                continue;
            };
            if self.registry.get(code).is_none() && self.registry.nonstandard(code).is_none() {
                continue;
            }
            let description = attribute(&["description"])
                .filter(|r| !s[r.clone()].trim().is_empty())
                .or_else(|| text_after_tags(s, close + 2));
            found.push((code, status, description));
        }
        if found.is_empty() && titled.is_empty() {
            return false;
        }
        let block = self.next_block();
        let mut titled = titled.into_iter().peekable();
        for (k, (code, status, description)) in found.into_iter().enumerate() {
            while let Some((_, candidate)) = titled.next_if(|(at, _)| *at <= k) {
                self.push(candidate, block, Vec::new(), Listing::Operation);
            }
            self.entries.push(Entry {
                code,
                code_span: text.source_span(status),
                description: description.and_then(|r| text.slice(r).whole()),
                section: self.section(),
                block,
                listing: Listing::Operation,
                ..Entry::default()
            });
        }
        for (_, candidate) in titled {
            self.push(candidate, block, Vec::new(), Listing::Operation);
        }
        true
    }

    /// "Normal response codes: 200, 202" / "Error response codes: badRequest(400),
    /// itemNotFound(404)": a label that says status codes, a colon, and a list of codes
    /// (each alone or as `name(code)`). Every code is an entry of the operation above,
    /// with no title (the names are identifiers) and no description.
    fn labelled_codes(&mut self, text: &Text, label: Option<&Text>, after_labelled: bool) -> bool {
        let s = text.as_str();
        // "Error codes: 400,401,403", or the list alone under a label of its own
        // ("**Error response codes**" then "computeFault (400, 500), …").
        let (label, list_start) = match (s.find(':'), label) {
            (Some(colon), _) => (&s[..colon], colon + 1),
            (None, Some(label)) if is_pseudo_heading(label) || label.as_str().len() < 40 => {
                (label.as_str().trim_end_matches(':'), 0)
            }
            _ => return false,
        };
        // "Error codes: 400,401,403" on a page about an operation (its request line, or
        // an operation heading above) lists that operation's error statuses.
        let operation_errors = words::says_errors(label)
            && label.to_lowercase().contains("code")
            && (after_labelled || self.listing() == Listing::Operation);
        if label.split_whitespace().count() > 5
            || !(words::says_status_codes_in_prose(label) || operation_errors)
        {
            return false;
        }
        let Some(codes) = code_list(text, list_start) else {
            return false;
        };
        if codes.is_empty() {
            return false;
        }
        let block = self.next_block();
        for (code, code_span) in codes {
            self.entries.push(Entry {
                code,
                code_span,
                section: self.section(),
                block,
                listing: Listing::Operation,
                ..Entry::default()
            });
        }
        true
    }

    /// A run of paragraphs that start with codes ("**404 Not Found**" pseudo-headings,
    /// "404 Not Found: …" lines of a text dump), each with the paragraphs after it up to
    /// the next one as its description. Returns how many blocks it consumed (0 when the
    /// paragraph at `start` is not the start of an accepted run).
    fn paragraph_run(&mut self, blocks: &[&Block], start: usize, lead_in: &[&Text]) -> usize {
        let mut candidates: Vec<Candidate> = Vec::new();
        // Whether text that follows still belongs to the last candidate.
        let mut open = true;
        let mut end = start;
        while end < blocks.len() {
            match blocks[end] {
                // "HTTP/1.1 200 OK" over header lines: a response in a transcript, an
                // example rather than documentation of the status.
                Block::Paragraph(text) if is_transcript_status(text, blocks.get(end + 1)) => {
                    if candidates.is_empty() {
                        return 0;
                    }
                    break;
                }
                Block::Paragraph(text) => {
                    let found = self.candidates(text, false);
                    if !found.is_empty() {
                        candidates.extend(found);
                        open = true;
                    } else if candidates.is_empty() {
                        return 0;
                    } else if is_pseudo_heading(text) {
                        // "**PUT**" between runs of codes: a heading written in bold
                        // starts a group of its own.
                        break;
                    } else if is_class_label(text.as_str()) {
                        // "5xx - Server errors": a group label ends the entry above.
                        open = false;
                    } else if open {
                        if let Some(last) = candidates.last_mut() {
                            last.description.paragraph_break();
                            last.description.append(text);
                        }
                    }
                }
                Block::List(_) | Block::Literal(_) if !candidates.is_empty() => {
                    if let Some(last) = candidates.last_mut() {
                        last.description.paragraph_break();
                        last.description.append(&blocks[end].flat_text());
                    }
                }
                _ => break,
            }
            end += 1;
        }
        let context = self.context_says_status(lead_in);
        let other = self.context_says_other(lead_in);
        if !self.accept(&candidates, context, other)
            && (other || !self.accept_errors(&candidates, self.context_says_errors(lead_in)))
        {
            return 0;
        }
        let block = self.next_block();
        let listing = self.listing();
        for candidate in candidates {
            self.push(candidate, block, Vec::new(), listing);
        }
        end - start
    }

    /// A list whose items start with codes; items that do not are skipped, and a list
    /// of groups ("2xx Success" with the codes nested below) is read through.
    fn list(&mut self, list: &List, lead_in: &[&Text]) {
        if self.status_field_items(list)
            || self.trailing_status_items(list)
            || self.status_line_items(list)
        {
            return;
        }
        if let Some(table) = list_as_table(list) {
            self.table(&table, lead_in, None);
            return;
        }
        let mut candidates = Vec::new();
        let mut others: Vec<&[Block]> = Vec::new();
        // Whether every item with a code opens with a status line ("`HTTP/1.1 201
        // Created`: the protocol version and the status"): an example response's line
        // explained beside its headers.
        let mut status_lines_only = true;
        // In a list introduced as status codes, "200 if it succeeded" is an entry.
        let lenient = self.context_says_status(lead_in);
        for item in &list.items {
            match self.item_candidate(item, lenient) {
                Some(found) => {
                    candidates.extend(found);
                    let text = item.first().map(Block::flat_text).unwrap_or_default();
                    status_lines_only &= text.as_str().trim_start().starts_with("HTTP/");
                }
                None => others.push(item),
            }
        }
        let context = self.context_says_status(lead_in) || Self::lead_in_labels_response(lead_in);
        let other = self.context_says_other(lead_in);
        // "**`HTTP 404` Limitation:** …" among other labelled notes: a code that only
        // one item in a list of other things names, with no phrase of its own, is a
        // mention.
        titles_like_the_others(&mut candidates);
        let coded = list.items.len() - others.len();
        let lone_mention = list.items.len() >= 3
            && (coded * 3 < list.items.len() && !candidates.iter().any(|c| c.phrase)
                || status_lines_only && coded * 2 < list.items.len());
        if !lone_mention
            && (self.accept(&candidates, context, other)
                || !other && self.accept_errors(&candidates, self.context_says_errors(lead_in)))
        {
            let block = self.next_block();
            self.list_blocks.push(block);
            let listing = self.listing();
            for candidate in candidates {
                self.push(candidate, block, Vec::new(), listing);
            }
        }
        // Items that are not entries are read like the page: a list of groups
        // ("2xx Success" with the codes nested below), or a list used for layout
        // (generated API docs put whole sections in list items).
        if self.depth < MAX_DEPTH {
            self.depth += 1;
            let headings = self.headings.len();
            for item in others {
                let mut blocks = Vec::new();
                flatten(item, &mut blocks);
                self.run(&blocks);
                self.headings.truncate(headings);
            }
            self.depth -= 1;
        }
    }

    /// A list of errors, each item a description and a line of its own that gives the
    /// HTTP status ("Bad request. JSON is malformed." then "HTTP - 400"): the items
    /// with such a line (two or more, half the list) are entries keyed by their errors.
    fn status_line_items(&mut self, list: &List) -> bool {
        let mut found = Vec::new();
        for item in &list.items {
            let line = item.iter().enumerate().find_map(|(k, block)| match block {
                Block::Paragraph(t) => http_status_line(t).map(|value| (k, value)),
                _ => None,
            });
            let Some((k, value)) = line else {
                continue;
            };
            let Some(mut candidate) = self.candidate(&value, true) else {
                continue;
            };
            if candidate.description.is_empty() {
                if let Some(Block::Paragraph(before)) = item[..k].first() {
                    candidate.description = before.clone();
                }
            }
            found.push(candidate);
        }
        if found.len() < 2 || found.len() * 2 < list.items.len() {
            return false;
        }
        let block = self.next_block();
        self.list_blocks.push(block);
        for candidate in found {
            self.push(candidate, block, Vec::new(), Listing::Keyed);
        }
        true
    }

    /// A list of situations, each ending with the status it gets ("Invalid JSON body:
    /// `400 Bad Request`", "Validation failed – 422 Unprocessable Entity"): every item
    /// (two or more) ends with a code and its own registered phrase after a separator.
    /// Each is an entry whose description is the situation.
    fn trailing_status_items(&mut self, list: &List) -> bool {
        if list.items.len() < 2 {
            return false;
        }
        let mut found = Vec::new();
        for item in &list.items {
            let [Block::Paragraph(text)] = item.as_slice() else {
                return false;
            };
            let Some(candidate) = self.trailing_status(text) else {
                return false;
            };
            found.push(candidate);
        }
        // Constants alone ("`500 SERVER_ERROR`") are evidence only beside known phrases.
        if found.iter().filter(|c| c.phrase).count() * 2 < found.len() {
            return false;
        }
        let block = self.next_block();
        self.list_blocks.push(block);
        // Keyed by the situations: one status may answer several.
        let listing = Listing::Keyed;
        for candidate in found {
            self.push(candidate, block, Vec::new(), listing);
        }
        true
    }

    /// "Situation: 404 Not Found": the code and phrase at the end of a line, and the
    /// situation before them.
    fn trailing_status(&self, text: &Text) -> Option<Candidate> {
        let s = text.as_str().trim_end();
        let body = s.trim_end_matches(['.', '`', '*', '"']);
        // The separator closest to the end that leaves a code and a phrase after it, or
        // a literal that ends the sentence ("… will result in `400 Bad Request`.").
        let closing_literal = || {
            let (range, _) = text.marks().filter(|(_, m)| *m == Mark::Code).last()?;
            (range.end >= body.len()
                && range.start > 0
                && leading_code(&s[range.clone()]).is_some())
            .then(|| (range.start - 1, ' '))
        };
        let (sep, kind) = body
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, ':' | '–' | '—' | '→'))
            .or_else(|| body.rfind(" - ").map(|at| (at + 1, '-')))
            .filter(|&(at, _)| {
                leading_code(
                    body[at..].trim_start_matches([':', '–', '—', '→', '-', ' ', '`', '*', '"']),
                )
                .is_some()
            })
            .or_else(closing_literal)?;
        // Ended by a literal, the situation is one sentence: "Authenticate the client.
        // If it fails, return `401 Unauthorized`." is a step of a procedure.
        if kind == ' ' && s[..sep].contains(". ") {
            return None;
        }
        let sep_len = body[sep..].chars().next().map_or(1, char::len_utf8);
        let tail = &body[sep + sep_len..];
        let lead = tail.len() - tail.trim_start_matches([' ', '`', '*', '"']).len();
        let status_start = sep + sep_len + lead;
        let status = &body[status_start..];
        let status = status.strip_prefix("HTTP ").unwrap_or(status);
        let code_at = body.len() - status.len();
        let code = leading_code(status)?;
        let phrase = status[3..].trim();
        let known = self.registry.match_phrase(code, phrase).is_own();
        // A registered status named by its constant ("`500 SERVER_ERROR`") is a status
        // too, with no title (an identifier is none).
        let constant = !known
            && self.registry.get(code).is_some()
            && words::is_identifier(phrase)
            && phrase.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        if phrase.is_empty() || !known && !constant {
            return None;
        }
        let situation = s[..sep].trim_end();
        if situation.is_empty() || situation.split_whitespace().count() > 20 {
            return None;
        }
        let phrase_at = code_at + 3 + (status[3..].len() - status[3..].trim_start().len());
        let title = if words::is_identifier(phrase) {
            None
        } else {
            text.cell(phrase_at..phrase_at + phrase.len())
        };
        Some(Candidate {
            code,
            code_span: text.source_span(code_at..code_at + 3),
            title_certain: title.is_some(),
            title,
            description: text.slice(0..situation.len()),
            phrase: known,
            explicit: false,
        })
    }

    /// A list of one thing's fields ("Type: …", "Title: …", "Status: 401", "Detail: …"
    /// under an error's heading): its status field is an entry keyed by that thing, with
    /// the description field as its description.
    fn status_field_items(&mut self, list: &List) -> bool {
        let field = |item: &[Block]| -> Option<(String, Text)> {
            let Some(Block::Paragraph(t)) = item.first() else {
                return None;
            };
            let s = t.as_str();
            let colon = s.find([':', '：'])?;
            let label = s[..colon].trim().to_lowercase();
            let after = colon + s[colon..].chars().next().map_or(1, char::len_utf8);
            (label.split_whitespace().count() <= 3 && !label.is_empty())
                .then(|| (label, t.slice(after..s.len())))
        };
        let fields: Vec<(String, Text)> = list.items.iter().filter_map(|i| field(i)).collect();
        // Most items are fields; a label of its own ("Error response body", above a
        // sample) may stand among them.
        if fields.len() < 2 || fields.len() * 3 < list.items.len() * 2 {
            return false;
        }
        // One status field: a list of every item's status ("Code: 400 …", "Code: 500
        // …") is a list of entries, not one thing's fields.
        let statuses = fields
            .iter()
            .filter(|(label, _)| is_status_label(label))
            .count();
        if statuses > 1 {
            return false;
        }
        let status = fields.iter().find(|(label, _)| is_status_label(label));
        let Some(mut candidate) = status.and_then(|(_, value)| self.candidate(value, true)) else {
            return false;
        };
        if candidate.description.is_empty() {
            if let Some((_, value)) = fields.iter().find(|(label, _)| {
                matches!(
                    label.as_str(),
                    "description" | "detail" | "details" | "message" | "cause" | "reason"
                ) || ["原因", "説明", "描述"].iter().any(|w| label.contains(w))
            }) {
                candidate.description = value.clone();
            }
        }
        if candidate.title.is_none() {
            if let Some(title) = fields
                .iter()
                .find(|(label, _)| matches!(label.as_str(), "title" | "reason" | "reason phrase"))
                .and_then(|(_, value)| value.whole())
                .filter(|t| !words::is_identifier(&t.text))
            {
                candidate.phrase = self.is_phrase(candidate.code, &title.text);
                candidate.title_certain = true;
                candidate.title = Some(unquote(title));
            }
        }
        let block = self.next_block();
        self.push(candidate, block, Vec::new(), Listing::Keyed);
        true
    }

    fn item_candidate(&self, item: &[Block], lenient: bool) -> Option<Vec<Candidate>> {
        let (first, rest) = item.split_first()?;
        let text = match first {
            Block::Paragraph(t) | Block::Heading { text: t, .. } => t,
            _ => return None,
        };
        let mut candidates = self.candidates(text, lenient);
        if candidates.is_empty() {
            return None;
        }
        // A nested list whose items are codes holds entries of its own ("201 Created"
        // with "202 Accepted" nested below it), in page order after this one; other
        // nested blocks are this entry's description.
        let mut nested = Vec::new();
        for block in rest {
            let inner = match block {
                Block::List(list) if self.depth < MAX_DEPTH => list
                    .items
                    .iter()
                    .filter_map(|item| self.item_candidate(item, lenient))
                    .flatten()
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            if inner.is_empty() {
                for candidate in &mut candidates {
                    candidate.description.paragraph_break();
                    candidate.description.append(&block.flat_text());
                }
            } else {
                nested.extend(inner);
            }
        }
        candidates.extend(nested);
        Some(candidates)
    }

    /// A list of named responses under a heading about responses (an API description's
    /// reusable responses: "NotFound: The pet does not exist", "400BadRequest"): each
    /// name that says one registered status is an entry for that status, keyed by its
    /// name, its title the phrase leading the text after the name. Most of the names
    /// must say a status.
    fn named_responses(&mut self, definitions: &[Definition], lead_in: &[&Text]) -> bool {
        let about_responses = self.headings.last().is_some_and(|(_, t, _)| {
            let lower = t.to_lowercase();
            lower.contains("response") && !lower.contains(' ')
        });
        if !about_responses || self.context_says_other(lead_in) {
            return false;
        }
        let mut found = Vec::new();
        for d in definitions {
            let s = d.term.as_str();
            let name_end = s.find(char::is_whitespace).unwrap_or(s.len());
            if code_lead(s).is_some() || name_end == 0 {
                return false;
            }
            let Some(code) = code_named(self.registry, &s[..name_end]) else {
                continue;
            };
            let rest_start = name_end + (s.len() - name_end - s[name_end..].trim_start().len());
            let rest = d.term.slice(rest_start..s.len());
            let parts = split::split_title(self.registry, rest.as_str());
            let mut candidate = Candidate {
                code,
                code_span: d.term.source_span(0..name_end),
                title: None,
                title_certain: false,
                description: rest.clone(),
                phrase: false,
                explicit: true,
            };
            if let Some(title) = parts.title.clone() {
                let lead = &rest.as_str()[title.clone()];
                if self.is_phrase(code, lead) {
                    candidate.title = rest.cell(title).map(unquote);
                    candidate.title_certain = parts.certain;
                    candidate.phrase = true;
                    candidate.description = parts.detail.map(|r| rest.slice(r)).unwrap_or_default();
                }
            }
            for block in &d.details {
                candidate.description.paragraph_break();
                candidate.description.append(&block.flat_text());
            }
            found.push(candidate);
        }
        if found.is_empty() || found.len() * 2 < definitions.len() {
            return false;
        }
        let block = self.next_block();
        for candidate in found {
            self.push(candidate, block, Vec::new(), Listing::Keyed);
        }
        true
    }

    fn definitions(&mut self, definitions: &[Definition], lead_in: &[&Text]) {
        // A field list describing one thing, with a field for its status ("Code: 409
        // Conflict" under an error's name): an entry keyed by what the list describes.
        let status_fields: Vec<Candidate> = definitions
            .iter()
            .filter(|d| {
                let term = d.term.as_str().trim().trim_end_matches(':').to_lowercase();
                STATUS_FIELDS.contains(&term.as_str())
            })
            .filter_map(|d| match d.details.first() {
                Some(Block::Paragraph(t)) => self.candidate(t, true),
                _ => None,
            })
            .collect();
        if !status_fields.is_empty() && status_fields.iter().all(|c| c.phrase || c.title.is_none())
        {
            let block = self.next_block();
            for mut candidate in status_fields {
                if candidate.description.is_empty() {
                    if let Some(d) = definitions
                        .iter()
                        .find(|d| d.term.as_str().to_lowercase().starts_with("description"))
                    {
                        for b in &d.details {
                            candidate.description.paragraph_break();
                            candidate.description.append(&b.flat_text());
                        }
                    }
                }
                self.push(candidate, block, Vec::new(), Listing::Keyed);
            }
            return;
        }
        if self.named_responses(definitions, lead_in) {
            return;
        }
        let candidates: Vec<Candidate> = definitions
            .iter()
            .flat_map(|d| {
                let mut found = self.candidates(&d.term, false);
                // A term is a label by its markup, as a heading is: "400 invalid url
                // format" over its definition is a code and its (lowercase) title.
                if found.is_empty() && !d.details.is_empty() {
                    found.extend(
                        self.heading_candidate(&d.term)
                            .or_else(|| self.term_candidate(&d.term)),
                    );
                }
                // Sphinx httpdomain's `:statuscode 404: not found`: the renderer prints
                // the phrase from the code, and the field's text is the description,
                // whatever it says.
                let httpdomain_field = {
                    let term = d.term.as_str().trim_start();
                    ["statuscode ", "status ", "code "].iter().any(|field| {
                        term.strip_prefix(field)
                            .is_some_and(|rest| leading_code(rest.trim_start()).is_some())
                    })
                };
                let lone = !httpdomain_field
                    && found.len() == 1
                    && found[0].title.is_none()
                    && found[0].description.is_empty();
                // A container (a disclosure's content) is read through.
                let mut details = Vec::new();
                flatten(&d.details, &mut details);
                for candidate in &mut found {
                    for (k, block) in details.iter().enumerate() {
                        // A term that is only a code, defined by "Not Found - the pet…":
                        // a known reason phrase leading the definition is its title
                        // ("Success. If data…" is a sentence, not a title).
                        if let (true, 0, Block::Paragraph(text)) = (lone, k, block) {
                            let parts = split::split_title(self.registry, text.as_str());
                            if let Some(title) = parts.title.clone() {
                                let lead = &text.as_str()[title.clone()];
                                if self.is_phrase(candidate.code, lead) && !lead.ends_with('.') {
                                    candidate.title = text.cell(title).map(unquote);
                                    candidate.title_certain = parts.certain;
                                    candidate.phrase = true;
                                    if let Some(detail) = parts.detail {
                                        candidate.description.append(&text.slice(detail));
                                    }
                                    continue;
                                }
                            }
                        }
                        candidate.description.paragraph_break();
                        candidate.description.append(&block.flat_text());
                    }
                }
                found
            })
            .collect();
        let context = self.context_says_status(lead_in) || Self::lead_in_labels_response(lead_in);
        let other = self.context_says_other(lead_in);
        if self.accept(&candidates, context, other) {
            let block = self.next_block();
            let listing = self.listing();
            for candidate in candidates {
                self.push(candidate, block, Vec::new(), listing);
            }
        }
        // A term without a code over lists or tables heads them, as a heading would:
        // a field "Status Codes" over a list of statuses, an operation ("GET /pets")
        // over its fields (Sphinx httpdomain built to HTML, <dl> sections).
        if self.depth >= MAX_DEPTH {
            return;
        }
        for definition in definitions {
            let structured = definition.details.iter().any(|b| {
                matches!(
                    b,
                    Block::List(_)
                        | Block::Table(_)
                        | Block::DefinitionList(_)
                        | Block::Container(_)
                )
            });
            if !structured || !self.candidates(&definition.term, false).is_empty() {
                continue;
            }
            let mut inner = Vec::new();
            flatten(&definition.details, &mut inner);
            let saved = self.headings.clone();
            let level = self
                .headings
                .last()
                .map_or(1, |(l, _, _)| l.saturating_add(1));
            let term = definition.term.as_str().trim().to_owned();
            let says = says_status_codes(&term);
            self.headings.push((level, term, says));
            self.depth += 1;
            self.run(&inner);
            self.depth -= 1;
            self.headings = saved;
        }
    }
}

/// The text a response tag's body holds when no attribute describes it: the first run
/// of words after `from` that is no tag, up to the next tag that names a status
/// (`{% api-method-response-example-description %}Cake retrieved.{% end… %}`).
fn text_after_tags(s: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let mut at = from;
    loop {
        let rest = s.get(at..)?;
        let next_tag = rest.find("{%").or_else(|| rest.find("{{"));
        let segment_end = at + next_tag.unwrap_or(rest.len());
        let segment = &s[at..segment_end];
        if !segment.trim().is_empty() {
            let start = at + (segment.len() - segment.trim_start().len());
            let end = at + segment.trim_end().len();
            return Some(start..end);
        }
        let tag_start = segment_end;
        let tag = &s[tag_start..];
        let close = tag.find("%}").or_else(|| tag.find("}}"))?;
        if ["status", "code", "httpCode"]
            .iter()
            .any(|name| tag[..close].contains(&format!(" {name}=")))
        {
            return None;
        }
        at = tag_start + close + 2;
    }
}

/// A line of `text` written as a field, "Label: value" (the label maybe in bold, or in
/// literal asterisks where Markdown was pasted into HTML), whose label is one of
/// `labels` (any label when empty): the value.
fn field_value(text: &Text, labels: &[&str]) -> Option<Text> {
    labelled_field(text, labels).map(|(_, value)| value)
}

/// [`field_value`] with the field's label, lowercase.
fn labelled_field(text: &Text, labels: &[&str]) -> Option<(String, Text)> {
    labelled_fields(text, labels).next()
}

/// Every line of `text` that is a field with one of `labels`: (label, value).
fn labelled_fields<'t>(
    text: &'t Text,
    labels: &'t [&str],
) -> impl Iterator<Item = (String, Text)> + 't {
    let s = text.as_str();
    text.lines().into_iter().filter_map(move |line| {
        let content = &s[line.clone()];
        let colon = content.find([':', '：'])?;
        let label = content[..colon]
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .to_lowercase();
        if label.is_empty()
            || label.split_whitespace().count() > 4
            || !labels.is_empty() && !labels.contains(&label.as_str())
        {
            return None;
        }
        let after = &content[colon..];
        let skip = after.chars().next().map_or(0, char::len_utf8);
        let rest = &after[skip..];
        let lead = rest.len() - rest.trim_start_matches(['*', '_', ' ', '\t']).len();
        let start = line.start + colon + skip + lead;
        let end = line.start + content.trim_end().len();
        (start < end).then(|| (label, text.slice(start..end)))
    })
}

/// The value of a status field line ("HTTP Status: 401 Unauthorized") and whether its
/// label names an HTTP status by itself ("HTTP Status", "Status Code"), rather than
/// only "Status" or "Code".
fn status_field_line(text: &Text) -> Option<(Text, bool)> {
    status_field_lines(text).into_iter().next()
}

/// Every status field line of `text`: (value, whether the label names an HTTP status).
/// A paragraph that is a record of fields, one per line ("**Type**: …", "**Status**:
/// `422 Unprocessable Entity`", "**Code**: …"), with a status field of a code and its
/// own reason phrase: a page or section about one error, even the only one of its page.
fn is_status_record(registry: &Registry, text: &Text) -> bool {
    let lines = text.lines().len();
    if !(2..=12).contains(&lines) || labelled_fields(text, &[]).count() != lines {
        return false;
    }
    status_field_lines(text).iter().any(|(value, _)| {
        let value = value.as_str().trim();
        leading_code(value).is_some_and(|code| {
            let phrase = value[3..].trim_start_matches([' ', '-', ':', '–']);
            !phrase.is_empty() && registry.match_phrase(code, phrase).is_own()
        })
    })
}

/// A status line (`HTTP/1.1 200 OK`) followed by a header field line
/// (`Content-Type: text/html`): a message of an example exchange.
fn is_transcript_status(text: &Text, next: Option<&&Block>) -> bool {
    let s = text.as_str().trim();
    if is_example_status(s, next) {
        return true;
    }
    if !s.starts_with("HTTP/") {
        return false;
    }
    let (Some(Block::Paragraph(next)) | Some(Block::Literal(next))) = next else {
        return false;
    };
    let next = next.as_str();
    // The response's body right after its status line ("HTTP/1.1 200 OK" over
    // "<!DOCTYPE html>").
    if next.trim_start().starts_with(['{', '[', '<']) {
        return true;
    }
    let Some((name, _)) = next.split_once(": ") else {
        return false;
    };
    !name.is_empty()
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// In a list whose items mostly give a code and its phrase ("403, Forbidden", "404,
/// Not Found"), an item whose only text after the code is a short label in their
/// place ("429, Too many request") gives its title, misspelt or not. Its extent is
/// the whole rest of the item; whether it is a title is inferred, so it is not certain.
fn titles_like_the_others(candidates: &mut [Candidate]) {
    let phrased = candidates
        .iter()
        .filter(|c| c.phrase && c.title.is_some())
        .count();
    if candidates.len() < 3 || phrased * 4 < candidates.len() * 3 {
        return;
    }
    for candidate in candidates.iter_mut().filter(|c| c.title.is_none()) {
        let label = candidate.description.as_str().trim();
        let is_label = !label.is_empty()
            && label.split_whitespace().count() <= 5
            && label.chars().next().is_some_and(char::is_uppercase)
            && !label.contains(['.', ':', ';', ',', '(', '!', '?'])
            && !label.contains(" - ");
        if is_label {
            if let Some(title) = candidate.description.whole() {
                candidate.title = Some(title);
                candidate.title_certain = false;
                candidate.description = Text::new();
            }
        }
    }
}

/// "Status 200" alone on its line, over the body of an example response (a JSON or XML
/// body on the next lines or in the literal block after it): the status of an example,
/// not documentation of the code.
fn is_example_status(s: &str, next: Option<&&Block>) -> bool {
    let label = s.trim_start_matches(['*', '_']);
    let Some(number) = ["Status: ", "Status ", "status: ", "status "]
        .iter()
        .find_map(|p| label.strip_prefix(p))
    else {
        return false;
    };
    let number = number.trim_start_matches('`');
    if leading_code(number).is_none() {
        return false;
    }
    let rest = number[3..].trim_start_matches(['`', '*', '_']);
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let body = |t: &str| t.trim_start().starts_with(['{', '[', '<']);
    if rest.trim().is_empty() {
        matches!(next, Some(Block::Literal(code)) if body(code.as_str()))
    } else {
        body(rest)
    }
}

/// A list laid out as a table: every item (three or more) a line of text with a nested
/// list of as many single-line items ("- Not Found" over "  - 404" and "  - The
/// resource does not exist."), as documentation components render such lists (one row
/// per item, one cell per line). The first row is a header when it holds no code.
fn list_as_table(list: &List) -> Option<Table> {
    if list.items.len() < 3 {
        return None;
    }
    let mut width = None;
    let mut table = Table::default();
    for item in &list.items {
        let [Block::Paragraph(first), Block::List(cells)] = item.as_slice() else {
            return None;
        };
        if *width.get_or_insert(cells.items.len()) != cells.items.len() || cells.items.is_empty() {
            return None;
        }
        let mut row = vec![TableCell::new(first.clone())];
        for cell in &cells.items {
            let [Block::Paragraph(text)] = cell.as_slice() else {
                return None;
            };
            row.push(TableCell::new(text.clone()));
        }
        table.rows.push(row);
    }
    Some(table)
}

/// A comma-separated list of codes from `from` on: "200, 300", "badRequest(400)",
/// "computeFault (400, 500, ...), serviceUnavailable (503)" (an identifier with its
/// codes in parentheses; "..." says there are more). Every item must be one.
fn code_list(text: &Text, from: usize) -> Option<Vec<(u16, Span)>> {
    let s = text.as_str();
    let list = s.get(from..)?;
    let mut codes = Vec::new();
    let mut depth = 0usize;
    let mut item_start = from;
    let mut items = Vec::new();
    for (k, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(item_start..from + k);
                item_start = from + k + 1;
            }
            _ => {}
        }
    }
    items.push(item_start..s.len());
    let mut code_at = |at: usize, digits: &str| -> Option<()> {
        let code = leading_code(digits).filter(|_| digits.len() == 3)?;
        codes.push((code, text.source_span(at..at + 3)));
        Some(())
    };
    for item in items {
        let raw = &s[item.clone()];
        let trimmed = raw.trim();
        let start = item.start + (raw.len() - raw.trim_start().len());
        match trimmed.find('(') {
            None => code_at(start, trimmed)?,
            Some(open) => {
                let name = trimmed[..open].trim_end();
                // An error's name: one word ("unauthorized", "computeFault").
                let one_word = !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || "_-.".contains(c));
                if !trimmed.ends_with(')') || !one_word {
                    return None;
                }
                let inner = &trimmed[open + 1..trimmed.len() - 1];
                let mut offset = start + open + 1;
                let mut any = false;
                for part in inner.split(',') {
                    let lead = part.len() - part.trim_start().len();
                    let digits = part.trim();
                    if digits != "..." && digits != "…" {
                        code_at(offset + lead, digits)?;
                        any = true;
                    }
                    offset += part.len() + 1;
                }
                if !any {
                    return None;
                }
            }
        }
    }
    (!codes.is_empty()).then_some(codes)
}

/// A field label that names an HTTP status: "Status", "HTTP status code", or in other
/// languages with HTTP or the word for status ("レスポンスHTTP状態", "Código de estado").
fn is_status_label(label: &str) -> bool {
    STATUS_FIELDS.contains(&label)
        || label.contains("http")
            && [
                "status",
                "code",
                "状態",
                "ステータス",
                "状态",
                "상태",
                "statut",
                "estado",
                "статус",
            ]
            .iter()
            .any(|w| label.contains(w))
}

/// A paragraph that is only an HTTP status field ("HTTP - 400", "HTTP status: 404",
/// "Status code — 429 Too Many Requests"): the value, from its code on. The label must
/// say HTTP or status code by itself.
fn http_status_line(text: &Text) -> Option<Text> {
    let s = text.as_str().trim_end();
    if s.len() > 80 || s.contains('\n') {
        return None;
    }
    let sep = s.find([':', '-', '–', '—', '='])?;
    let label = s[..sep]
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_lowercase();
    let explicit = label == "http"
        || label.contains("http") && STATUS_FIELDS.contains(&label.as_str())
        || matches!(label.as_str(), "status code" | "response code");
    if !explicit {
        return None;
    }
    let after = &s[sep..];
    let value_at = sep + after.len()
        - after
            .trim_start_matches([':', '-', '–', '—', '=', ' ', '\t', '*', '_', '`'])
            .len();
    leading_code(&s[value_at..])?;
    Some(text.slice(value_at..s.len()))
}

fn status_field_lines(text: &Text) -> Vec<(Text, bool)> {
    if text.as_str().len() > 2000 {
        return Vec::new();
    }
    labelled_fields(text, &STATUS_FIELDS)
        .filter(|(_, value)| leading_code(value.as_str()).is_some())
        .map(|(label, value)| {
            let explicit = label.contains("http") || label.contains(' ');
            (value, explicit)
        })
        .collect()
}

/// The status a response's name stands for: a reason phrase written as an identifier
/// ("NotFound", "TooManyRequests", "UnprocessableEntity", "NotFoundResponse"), or a code
/// glued to one ("400BadRequest") or after a word ("Generic400", "Error_404"). The name
/// must say exactly one registered status.
fn code_named(registry: &Registry, name: &str) -> Option<u16> {
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    let bytes = name.as_bytes();
    if bytes.len() > 4 && bytes[bytes.len() - 3..].iter().all(u8::is_ascii_digit) {
        let before = bytes[bytes.len() - 4];
        let code: u16 = name[name.len() - 3..].parse().ok()?;
        return ((before.is_ascii_alphabetic() || before == b'_' || before == b'-')
            && bytes[..bytes.len() - 3].iter().any(u8::is_ascii_alphabetic)
            && registry.get(code).is_some())
        .then_some(code);
    }
    if name.len() > 3 && name.as_bytes()[..3].iter().all(u8::is_ascii_digit) {
        let code: u16 = name[..3].parse().ok()?;
        let rest = &name[3..];
        return (registry.get(code).is_some()
            && rest.starts_with(|c: char| c.is_ascii_uppercase() || c == '_' || c == '-'))
        .then_some(code);
    }
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let key = statusdoc_reference::phrase_key(name);
    // "NotFoundResponse", "forbiddenError": the phrase with a word that says what the
    // thing is ("InternalServerError" is the phrase whole).
    let keys: Vec<&str> = std::iter::once(key.as_str())
        .chain(
            ["response", "error", "exception"]
                .iter()
                .filter_map(|suffix| key.strip_suffix(suffix)),
        )
        .filter(|k| !k.is_empty())
        .collect();
    let mut found = registry.statuses().iter().filter(|status| {
        status.has_phrase()
            && keys.contains(&statusdoc_reference::phrase_key(&status.reason).as_str())
            || status
                .obsolete
                .iter()
                .any(|old| keys.contains(&statusdoc_reference::phrase_key(&old.phrase).as_str()))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first.code)
}

/// A bold run that starts the text after a code (after a separator) and ends before
/// the text does: the range of the label ("400 - **Bad Parameters** - …").
fn bold_label(text: &Text, after_code: usize) -> Option<std::ops::Range<usize>> {
    let s = text.as_str();
    let rest = s.get(after_code..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '-', '–', '—', ':']).len();
    let start = after_code + lead;
    if !rest[..lead].contains(['-', '–', '—', ':']) {
        return None;
    }
    let (range, _) = text
        .marks()
        .find(|(r, m)| *m == Mark::Strong && r.start == start)?;
    let label = s.get(range.clone())?.trim_end();
    let end = range.start + label.len();
    (end < s.trim_end().len()
        && !label.is_empty()
        && label.split_whitespace().count() <= 8
        && code_lead(label).is_none())
    .then_some(range.start..end)
}

/// Words that start the condition a code is returned on ("when the token expired",
/// "for a successful operation").
const CONDITION_WORDS: [&str; 7] = [
    "if ",
    "when ",
    "whenever ",
    "for ",
    "on ",
    "after ",
    "once ",
];

/// The text after a code inside the same code span ("`404 Not Found` when…" gives "Not
/// Found"), when the span holds more than the code.
fn marked_phrase(text: &Text, at: usize) -> Option<std::ops::Range<usize>> {
    let s = text.as_str();
    let (range, _) = text
        .marks()
        .find(|(r, m)| *m == Mark::Code && r.start <= at && at + 3 <= r.end)?;
    let inside = s.get(at + 3..range.end)?;
    // "`200 - Ok`": the separator inside the literal is not part of the phrase.
    let lead = inside.len()
        - inside
            .trim_start_matches([' ', '\t', ':', '-', '–', '—'])
            .len();
    let phrase = at + 3 + lead..at + 3 + inside.trim_end().len();
    (!phrase.is_empty() && lead > 0).then_some(phrase)
}

/// The label in a bold run that starts with the code at `at` and is set off after the
/// run by a colon or a dash ("**210 Verification required**: …"): short, capitalised.
fn bold_code_label(text: &Text, at: usize) -> Option<std::ops::Range<usize>> {
    let s = text.as_str();
    let (range, _) = text
        .marks()
        .find(|(r, m)| *m == Mark::Strong && r.start <= at && at + 3 < r.end)?;
    let inside = s.get(at + 3..range.end)?;
    let lead = inside.len() - inside.trim_start_matches([' ', '\t']).len();
    let label = inside[lead..].trim_end();
    let after = s[range.end..].trim_start();
    let set_off = after.starts_with([':', '：', '-', '–', '—']);
    let short = (1..=5).contains(&label.split_whitespace().count())
        && label.chars().next().is_some_and(char::is_uppercase)
        && !label.ends_with(['.', ':', ',', ';']);
    (lead > 0 && set_off && short).then(|| at + 3 + lead..at + 3 + lead + label.len())
}

/// A short paragraph that is all bold ("**PUT**", "**Errors**"): a heading in all but
/// markup.
fn is_pseudo_heading(text: &Text) -> bool {
    let s = text.as_str().trim_end();
    !s.is_empty() && s.split_whitespace().count() <= 6 && text.is_marked(0..s.len(), Mark::Strong)
}

/// "4xx - Client errors", "5XX": a label for a class of codes, not an entry.
fn is_class_label(text: &str) -> bool {
    let b = text.trim_start().as_bytes();
    b.len() >= 3
        && (b'1'..=b'5').contains(&b[0])
        && b[1..3].eq_ignore_ascii_case(b"xx")
        && b.get(3).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// "DELETE /pools/default/buckets/[name]", "GET /v1/items HTTP/1.1": a request line.
fn is_request_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let method = words.next().unwrap_or("");
    let path = words.next().unwrap_or("");
    ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].contains(&method)
        && path.starts_with('/')
        && words.next().is_none_or(|w| w.starts_with("HTTP/"))
}

/// A heading that names an operation: "GET /pets/{id}", "Delete a pet (DELETE /pets)".
fn is_operation_heading(text: &str) -> bool {
    let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    let mut words = text.split_whitespace();
    let first_is_method = words
        .next()
        .is_some_and(|w| methods.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
    // API Blueprint's "Retrieve an image [GET]" / "List images [GET /image{?label}]".
    let bracketed_method = text.split_whitespace().any(|w| {
        w.starts_with('[') && methods.contains(&w.trim_matches(|c: char| !c.is_alphabetic()))
    });
    if bracketed_method {
        return true;
    }
    let has_path = text
        .split_whitespace()
        .any(|w| w.starts_with('/') && w.len() > 1);
    first_is_method && (has_path || text.split_whitespace().count() <= 4)
        || has_path
            && text
                .split_whitespace()
                .any(|w| methods.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// A title without the quotes around it (`"Not Found"`, `“Not Found”`) or markup
/// characters left over from unclosed emphasis (`**Bad Gateway`).
pub(crate) fn unquote(cell: Cell) -> Cell {
    // "Forbidden -- " in a column whose other cells read "Not Found -- text": the
    // separator with nothing after it is not part of the title.
    let cell = match [" --", " -", " –", " —", ":", "："]
        .iter()
        .find_map(|d| cell.text.strip_suffix(d))
        .map(str::trim_end)
    {
        Some(inner) if !inner.is_empty() && cell.span.len() == cell.text.len() => Cell {
            span: Span::new(cell.span.start, cell.span.start + inner.len()),
            text: inner.to_owned(),
            ..cell
        },
        _ => cell,
    };
    let stray = |c: char| matches!(c, '*' | '_' | '`');
    let cell = if cell.text.starts_with(stray) || cell.text.ends_with(stray) {
        let inner = cell.text.trim_matches(stray).trim();
        if inner.is_empty() || cell.span.len() != cell.text.len() {
            cell
        } else {
            let start = cell.span.start + cell.text.find(inner).unwrap_or(0);
            Cell {
                text: inner.to_owned(),
                span: Span::new(start, start + inner.len()),
                ..cell
            }
        }
    } else {
        cell
    };
    // "200 (OK)": a phrase in parentheses after its code, as in quotes.
    let pairs = [
        ('"', '"'),
        ('“', '”'),
        ('\'', '\''),
        ('‘', '’'),
        ('«', '»'),
        ('(', ')'),
        ('（', '）'),
    ];
    for (open, close) in pairs {
        if let Some(inner) = cell
            .text
            .strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
            .filter(|t| open != '(' && open != '（' || !t.contains([open, close]))
        {
            let inner = inner.trim();
            if inner.is_empty() {
                return cell;
            }
            let span = if cell.span.len() == cell.text.len() {
                let start = cell.span.start + cell.text.find(inner).unwrap_or(0);
                Span::new(start, start + inner.len())
            } else {
                cell.span
            };
            return Cell {
                text: inner.to_owned(),
                span,
                ..cell
            };
        }
    }
    // A lone quote at one end (`204 No Content"`, a typo) belongs to nothing.
    if cell.text.matches('"').count() == 1 && cell.span.len() == cell.text.len() {
        if let Some(inner) = cell.text.strip_suffix('"').map(str::trim_end) {
            if !inner.is_empty() {
                return Cell {
                    span: Span::new(cell.span.start, cell.span.start + inner.len()),
                    text: inner.to_owned(),
                    ..cell
                };
            }
        }
        if let Some(inner) = cell.text.strip_prefix('"').map(str::trim_start) {
            if !inner.is_empty() {
                let start = cell.span.end - inner.len();
                return Cell {
                    span: Span::new(start, cell.span.end),
                    text: inner.to_owned(),
                    ..cell
                };
            }
        }
    }
    cell
}

/// "Unauthorized / Forbidden" as two cells with their own spans.
fn split_titles(text: &Text) -> Vec<Cell> {
    let s = text.as_str();
    if s.trim().is_empty() {
        return Vec::new();
    }
    let mut cells = Vec::new();
    let mut offset = 0;
    for part in s.split(" / ") {
        if let Some(cell) = text.cell(offset..offset + part.len()) {
            cells.push(cell);
        }
        offset += part.len() + 3;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_leads() {
        assert_eq!(code_lead("  404 Not Found"), Some((2, 404)));
        assert_eq!(code_lead("HTTP 502: Bad Gateway"), Some((5, 502)));
        assert_eq!(code_lead("Status Code 429"), Some((12, 429)));
        assert_eq!(code_lead("100% of requests"), None);
        assert_eq!(code_lead("Errors"), None);
    }

    #[test]
    fn operation_headings() {
        assert!(is_operation_heading("GET /pets/{id}"));
        assert!(is_operation_heading("Delete a pet (DELETE /pets/{id})"));
        assert!(!is_operation_heading("Status codes"));
        assert!(!is_operation_heading("Get started with the API"));
    }
}
