//! OpenAPI reader (OpenAPI 3.x and Swagger 2.0, YAML or JSON): translates a description's
//! responses into the neutral page model.
//!
//! The document is parsed with saphyr, a YAML 1.2 parser that keeps the position of
//! every node; JSON is YAML 1.2 flow syntax, so the same parser reads it. Positions are
//! character indexes, turned into byte offsets here.
//!
//! The page model it produces reads like a rendered API reference:
//!
//! - `info.title` is a level-1 heading (and the document's title);
//! - each operation (`paths.<path>.<method>`) is a level-2 heading `GET /pets/{id}`, the
//!   method mapped over its key and the path verbatim, followed by a level-3 heading
//!   `Responses` and a definition list with one term per response: the code key (the
//!   digits, quoted or not, marked as code), defined by the response's `description`;
//! - a `$ref` to `#/components/responses/X` (3.x) or `#/responses/X` (2.0) reads the
//!   referenced response's description, whose spans point at that description; a `$ref`
//!   chain that loops or points at nothing in the file gets an info-level SD003 note at
//!   the response's `$ref` (a `$ref` to another file is not followed);
//! - `components.responses` (3.x) and the top-level `responses` (2.0) are a level-2
//!   heading of that name and a definition list of response names and descriptions,
//!   after the operations wherever the document puts them (names are not codes: the
//!   interpreter makes an entry only of a name that is a phrase, `NotFound`,
//!   `forbiddenError`, a name that ends in a code, `Generic400`, or a description that
//!   starts with a code);
//! - `default`, range keys (`4XX`) and extension keys (`x-…`) are no entries.
//!
//! Descriptions keep exact spans: plain and quoted scalars map character for character
//! (an escape such as `\n` or `\u00e9` is mapped text over the escape), block scalars
//! (`|`, `>`) line by line. If what was rebuilt differs from the parsed value in
//! anything but white space, the scalar is one mapped piece over its source instead.
//! Text read through a YAML alias (`'410': *nf`) is one mapped piece over the alias: the
//! parser copies the anchor's nodes with the anchor's spans, and a finding or fix on the
//! alias's response must not point at (or edit) the anchor's text.
//!
//! `x-statusdoc-disable: [SD101]` (or a string of rule ids, or `true` for every rule) on
//! a response or an operation suppresses findings on that node's lines; at the top
//! level, in the whole file. A suppression on a `$ref` response covers that response's
//! own lines; put it on the referenced response to cover its description.
//!
//! A file that does not parse, or is not an OpenAPI document, gets an SD001 note: nothing
//! on it was checked.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use statusdoc_model::page::{Block, Definition, Mark, Page, Text};
use statusdoc_model::{Diagnostic, Document, Rule, Severity, Span, Suppression, SuppressionScope};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// `$ref` chains longer than this are cycles.
const MAX_REF_DEPTH: usize = 8;
const DISABLE_KEY: &str = "x-statusdoc-disable";

pub(crate) fn read(document: &mut Document) -> Page {
    let source = document.source.clone();
    let text = source.text();
    // A byte-order mark became three spaces (see `read_source_and_model`); spaces before
    // the first key would make it an indented mapping, so the parser sees line breaks
    // there instead (same length, so every index stays the same).
    let lead = text.len() - text.trim_start_matches(' ').len();
    let mut parsed: String = if lead > 0 {
        format!("{}{}", "\n".repeat(lead), &text[lead..])
    } else {
        text.to_owned()
    };
    // A flow collection the parser refuses (`example: {` over lines whose closing brace
    // is indented like its key, which other YAML parsers accept) is blanked out and the
    // rest read: such values are examples and schemas, not responses' descriptions.
    let mut skipped: Vec<(Span, String)> = Vec::new();
    // A quoted scalar whose continuation lines are indented less than its key (YAML 1.2
    // refuses it; PyYAML, libyaml and js-yaml, which render most API references, read
    // it) has those line breaks turned into spaces: a line break in a quoted scalar
    // folds to a space anyway, so only white space in the value changes and every
    // index stays the same. The text is rebuilt from the untouched source.
    let mut repaired_quotes = 0usize;
    let docs = loop {
        let offsets = Offsets::new(&parsed);
        match MarkedYaml::load_from_str(&parsed) {
            Ok(docs) => break docs,
            Err(error) => {
                let at = offsets.byte(error.marker().index());
                if repaired_quotes < MAX_REINDENTED_SCALARS
                    && error.info().contains("indentation in quoted scalar")
                    && join_underindented_lines(&mut parsed, at)
                {
                    repaired_quotes += 1;
                    continue;
                }
                let blank = (skipped.len() < MAX_SKIPPED_FLOWS
                    && error.info().contains("indentation"))
                .then(|| enclosing_flow(&parsed, at))
                .flatten();
                match blank {
                    Some(range) => {
                        skipped.push((
                            Span::new(range.start, range.start + 1),
                            error.info().to_owned(),
                        ));
                        let blanked: String = parsed[range.clone()]
                            .chars()
                            .flat_map(|c| {
                                let fill = if c == '\n' { '\n' } else { ' ' };
                                std::iter::repeat_n(fill, c.len_utf8())
                            })
                            .collect();
                        parsed.replace_range(range, &blanked);
                    }
                    None => {
                        not_checked(
                            document,
                            at,
                            format!("this file is not valid YAML or JSON ({})", error.info()),
                        );
                        return Page::default();
                    }
                }
            }
        }
    };
    let offsets = Offsets::new(&parsed);
    for (span, info) in skipped {
        crate::common::reader_limit_note(
            document,
            span,
            format!("this flow collection was not read: the YAML parser refuses it ({info})"),
            "indent the closing bracket more than the key it belongs to",
        );
    }
    let Some(root) = docs.first().filter(|d| d.data.is_mapping()) else {
        not_checked(
            document,
            0,
            "this file is not an OpenAPI document (it is not a mapping)".into(),
        );
        return Page::default();
    };
    let reader = Reader {
        text,
        offsets,
        root,
    };
    if reader.get(root, "openapi").is_none() && reader.get(root, "swagger").is_none() {
        not_checked(
            document,
            0,
            "this file is not an OpenAPI document (no top-level `openapi` or `swagger` key)".into(),
        );
        return Page::default();
    }
    let mut out = Output::default();
    reader.read(&mut out);
    if let Some(title) = out.title.take() {
        document.title = Some(title);
    }
    document.metadata.extend(out.metadata.drain(..));
    document.suppressions.append(&mut out.suppressions);
    for (span, broken) in out.notes.drain(..) {
        crate::common::reader_limit_note(document, span, broken.message(), broken.help());
    }
    Page { blocks: out.blocks }
}

/// A responses object written inside another page (a docs component's
/// `responses={{"200": {description: …}}}` prop in MDX, which the site renders as the
/// operation's responses): `text[object]` is the object, as YAML flow (JSON and
/// JavaScript object literals alike). The blocks an operation's responses give — a
/// "Responses" heading over `label` and a definition list of codes — or `None` when
/// it is not such an object.
pub(crate) fn embedded_responses(
    text: &str,
    object: std::ops::Range<usize>,
    label: Span,
) -> Option<Vec<Block>> {
    if !text.is_char_boundary(object.start) || !text.is_char_boundary(object.end) {
        return None;
    }
    // The page outside the object becomes white space of the same byte length, so the
    // parser's positions are the page's.
    let mut masked = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if object.contains(&i) {
            masked.push(c);
        } else if c == '\n' {
            masked.push('\n');
        } else {
            masked.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    let docs = MarkedYaml::load_from_str(&masked).ok()?;
    let root = docs.first().filter(|d| d.data.is_mapping())?;
    let reader = Reader {
        text,
        offsets: Offsets::new(&masked),
        root,
    };
    let mut out = Output::default();
    let definitions = reader.response_definitions(root, None, &mut out);
    let codes = reader.entries(root).len();
    if definitions.is_empty() || definitions.len() * 2 < codes {
        return None;
    }
    let mut heading = Text::new();
    heading.push_mapped("Responses", label);
    Some(vec![
        Block::Heading {
            level: 3,
            text: heading,
        },
        Block::DefinitionList(definitions),
    ])
}

/// Flow collections blanked out before a file is given up as not YAML.
const MAX_SKIPPED_FLOWS: usize = 16;
const MAX_REINDENTED_SCALARS: usize = 256;

/// Joins the lines of the quoted scalar that opens at byte `at` wherever a line is
/// indented no more than the line the scalar starts on: the line breaks before such a
/// line (and before the blank lines above it) become spaces. False when `at` opens no
/// quoted scalar, its closing quote is missing, or no line needed it.
fn join_underindented_lines(text: &mut String, at: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&quote) = bytes.get(at).filter(|b| matches!(b, b'"' | b'\'')) else {
        return false;
    };
    let mut end = None;
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            b if b == quote => {
                end = Some(i);
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let Some(end) = end else {
        return false;
    };
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let key_indent = bytes[line_start..at]
        .iter()
        .take_while(|&&b| b == b' ')
        .count();
    let mut breaks = Vec::new();
    let mut pending = Vec::new();
    for i in at + 1..end {
        if bytes[i] != b'\n' {
            continue;
        }
        pending.push(i);
        let indent = bytes[i + 1..end].iter().take_while(|&&b| b == b' ').count();
        match bytes.get(i + 1 + indent) {
            Some(b'\n') | Some(b'\r') => {}
            _ if indent > key_indent => pending.clear(),
            _ => breaks.append(&mut pending),
        }
    }
    if breaks.is_empty() {
        return false;
    }
    // Each replaced byte is an ASCII line break (`\r\n` both), so the text stays UTF-8
    // and every offset stays the same.
    let mut edited = std::mem::take(text).into_bytes();
    for i in breaks {
        edited[i] = b' ';
        if i > 0 && edited[i - 1] == b'\r' {
            edited[i - 1] = b' ';
        }
    }
    *text = String::from_utf8(edited).expect("ASCII bytes replaced by ASCII bytes");
    true
}

/// The flow collection (`{…}` or `[…]`, brackets included) that encloses byte `at`, or
/// that ends at it: found back from `at` by bracket depth, outside quoted strings on
/// the way forward.
fn enclosing_flow(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len().saturating_sub(1));
    // Back to an opening bracket not closed before `at` (strings are rare enough around
    // the broken closing bracket that depth alone finds it).
    let mut depth = 0usize;
    let mut open = None;
    for i in (0..=at).rev() {
        match bytes[i] {
            b'}' | b']' if i != at => depth += 1,
            b'{' | b'[' => {
                if depth == 0 {
                    open = Some(i);
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    let open = open?;
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' => quote = Some(b),
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open..i + 1);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

fn not_checked(document: &mut Document, at: usize, message: String) {
    let note = Diagnostic::of(
        Rule::NoReader,
        Severity::Error,
        &document.source,
        Span::empty(at),
        format!("{message}: nothing on this page was checked"),
    )
    .with_help("statusdoc reads YAML and JSON files only as OpenAPI 2.0 or 3.x descriptions; pass --input-format for another format");
    document.notes.push(note);
}

/// Character index to byte offset: the identity for ASCII text.
struct Offsets {
    /// Byte offset of each character, and of the end; empty when the text is ASCII.
    bytes: Vec<usize>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Self {
        let bytes = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        Offsets {
            bytes,
            len: text.len(),
        }
    }

    fn byte(&self, index: usize) -> usize {
        if self.bytes.is_empty() {
            index.min(self.len)
        } else {
            self.bytes.get(index).copied().unwrap_or(self.len)
        }
    }
}

#[derive(Default)]
struct Output {
    blocks: Vec<Block>,
    title: Option<String>,
    metadata: Vec<(String, String)>,
    suppressions: Vec<Suppression>,
    /// `$ref`s that could not be followed: where, and what is wrong.
    notes: Vec<(Span, Broken)>,
}

/// Where the text of a node stands in the page: `None` where it is written, or the span
/// of the YAML alias (`*name`) it was copied through. The loader copies an anchor's
/// nodes, spans and all, to each alias; only the alias's own node gets the alias's
/// span. Text read through an alias is mapped over the alias, never given the anchor's
/// spans, so that a finding on it points at the alias and no fix edits the anchor's
/// text for it.
type Under = Option<Span>;

/// Why a `$ref` chain could not be followed: the pointers followed, in order.
enum Broken {
    /// The last pointer was followed before.
    Loop(Vec<String>),
    /// The last pointer points at nothing in the file.
    Dangling(Vec<String>),
    /// Longer than [`MAX_REF_DEPTH`].
    TooLong(Vec<String>),
}

impl Broken {
    fn help(&self) -> &'static str {
        match self {
            Broken::Dangling(_) => "point the `$ref` at a response defined in this file",
            Broken::Loop(_) | Broken::TooLong(_) => {
                "end the chain of `$ref`s at a response that has its own `description`"
            }
        }
    }

    fn message(&self) -> String {
        let chain = |pointers: &[String]| {
            pointers
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        match self {
            Broken::Loop(pointers) => format!(
                "this `$ref` loops ({}): the response's description was not read",
                chain(pointers)
            ),
            Broken::Dangling(pointers) => {
                let (last, through) = match pointers.split_last() {
                    Some((last, through)) => (last.as_str(), through),
                    None => ("", &[][..]),
                };
                let through = if through.is_empty() {
                    String::new()
                } else {
                    format!(" (through {})", chain(through))
                };
                format!(
                    "this `$ref` points at nothing: `{last}`{through} is not in this file, so the response's description was not read"
                )
            }
            Broken::TooLong(pointers) => format!(
                "this `$ref` chain is longer than {MAX_REF_DEPTH} ({} …): the response's description was not read",
                chain(pointers)
            ),
        }
    }
}

struct Reader<'a, 'y> {
    text: &'a str,
    offsets: Offsets,
    root: &'y MarkedYaml<'y>,
}

type KeyValue<'y> = (&'y MarkedYaml<'y>, &'y MarkedYaml<'y>);
/// An entry found along a `$ref` chain, with where its text stands.
type Followed<'y> = (KeyValue<'y>, Under);

impl<'a, 'y> Reader<'a, 'y> {
    fn read(&self, out: &mut Output) {
        let root = self.root;
        // The operations first, then the responses they share, wherever the document
        // puts them (as the operations' own lists read them first).
        let shared = |key: &str| matches!(key, "components" | "responses");
        let entries = self.entries(root);
        let ordered = entries
            .iter()
            .filter(|(key, _)| !shared(&self.key(key)))
            .chain(entries.iter().filter(|(key, _)| shared(&self.key(key))));
        for &(key, value) in ordered {
            match self.key(key).as_str() {
                "info" => self.info(value, out),
                "openapi" | "swagger" => {
                    out.metadata
                        .push((self.key(key), self.scalar_value(value).unwrap_or_default()));
                }
                "paths" => self.paths(value, out),
                "components" => {
                    if let Some((responses_key, responses)) = self.get(value, "responses") {
                        self.named_responses(responses_key, responses, "components.responses", out);
                    }
                }
                // Swagger 2.0: responses shared by operations.
                "responses" => self.named_responses(key, value, "responses", out),
                DISABLE_KEY => {
                    if let Some(rules) = self.disabled_rules(value) {
                        out.suppressions.push(Suppression {
                            rules,
                            scope: SuppressionScope::File,
                            span: self.span(key),
                        });
                    }
                }
                _ => {}
            }
        }
    }

    fn info(&self, info: &'y MarkedYaml<'y>, out: &mut Output) {
        if let Some((_, title)) = self.get(info, "title") {
            let text = self.scalar_text(title);
            if !text.is_empty() {
                out.title = Some(text.as_str().trim().to_owned());
                out.blocks.push(Block::Heading { level: 1, text });
            }
        }
        if let Some(version) = self
            .get(info, "version")
            .and_then(|(_, v)| self.scalar_value(v))
        {
            out.metadata.push(("version".into(), version));
        }
    }

    fn paths(&self, paths: &'y MarkedYaml<'y>, out: &mut Output) {
        for (path_key, item) in self.entries(paths) {
            let under = self.under(paths, path_key, item, None);
            for (method_key, operation) in self.entries(item) {
                let under = self.under(item, method_key, operation, under);
                let method = self.key(method_key).to_ascii_lowercase();
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let method_span = under.unwrap_or(self.span(method_key));
                let mut heading = Text::new();
                heading.push_mapped(&method.to_ascii_uppercase(), method_span);
                heading.space(Span::empty(method_span.end));
                heading.append(&self.text_at(path_key, None));
                out.blocks.push(Block::Heading {
                    level: 2,
                    text: heading,
                });
                if let Some((disable_key, value)) = self.get(operation, DISABLE_KEY) {
                    self.suppress(method_key, operation, disable_key, value, out);
                }
                let Some((responses_key, responses)) = self.get(operation, "responses") else {
                    continue;
                };
                let under = self.under(operation, responses_key, responses, under);
                let mut title = Text::new();
                title.push_mapped("Responses", under.unwrap_or(self.span(responses_key)));
                out.blocks.push(Block::Heading {
                    level: 3,
                    text: title,
                });
                let definitions = self.response_definitions(responses, under, out);
                if !definitions.is_empty() {
                    out.blocks.push(Block::DefinitionList(definitions));
                }
            }
        }
    }

    /// A responses object (keyed by code) as a definition list: each code, defined by
    /// its description and the header fields it describes.
    fn response_definitions(
        &self,
        responses: &'y MarkedYaml<'y>,
        under: Under,
        out: &mut Output,
    ) -> Vec<Definition> {
        let mut definitions = Vec::new();
        for (code_key, response) in self.entries(responses) {
            let under = self.under(responses, code_key, response, under);
            let Some(code_span) = self.code_key(code_key) else {
                continue;
            };
            let mut term = Text::new();
            let digits = &self.text[code_span.start..code_span.end];
            match under {
                Some(alias) => term.push_mapped(digits, alias),
                None => term.push_source(digits, code_span.start),
            }
            term.mark(0, Mark::Code);
            let details = self
                .description(response, under, out)
                .into_iter()
                .chain(self.headers(response, under))
                .map(Block::Paragraph)
                .collect();
            definitions.push(Definition { term, details });
            if let Some((disable_key, value)) = self.get(response, DISABLE_KEY) {
                self.suppress(code_key, response, disable_key, value, out);
            }
        }
        definitions
    }

    /// `components.responses` or Swagger's top-level `responses`: names, not codes.
    fn named_responses(
        &self,
        key: &'y MarkedYaml<'y>,
        responses: &'y MarkedYaml<'y>,
        name: &str,
        out: &mut Output,
    ) {
        let mut heading = Text::new();
        heading.push_mapped(name, self.span(key));
        out.blocks.push(Block::Heading {
            level: 2,
            text: heading,
        });
        let mut definitions = Vec::new();
        for (name_key, response) in self.entries(responses) {
            if self.key(name_key).starts_with("x-") {
                continue;
            }
            let under = self.under(responses, name_key, response, None);
            let mut term = self.text_at(name_key, under);
            if let Some(description) = self.description(response, under, out) {
                term.space(Span::empty(under.unwrap_or(self.span(name_key)).end));
                term.append(&description);
            }
            definitions.push(Definition {
                term,
                details: Vec::new(),
            });
            if let Some((disable_key, value)) = self.get(response, DISABLE_KEY) {
                self.suppress(name_key, response, disable_key, value, out);
            }
        }
        if !definitions.is_empty() {
            out.blocks.push(Block::DefinitionList(definitions));
        }
    }

    /// A response's description, following `$ref`s to other responses. A `$ref` that
    /// loops or points at nothing is noted at the response's own `$ref`.
    fn description(
        &self,
        response: &'y MarkedYaml<'y>,
        under: Under,
        out: &mut Output,
    ) -> Option<Text> {
        match self.follow(response, under, "description") {
            Ok(found) => {
                let ((_, description), under) = found?;
                let text = self.text_at(description, under);
                (!text.is_empty()).then_some(text)
            }
            Err(broken) => {
                if let Some((ref_key, target)) = self.get(response, "$ref") {
                    let at = self.under(response, ref_key, target, under);
                    out.notes.push((at.unwrap_or(self.span(target)), broken));
                }
                None
            }
        }
    }

    /// The header fields a response describes, as a rendered reference lists them:
    /// "Headers: Location, Retry-After", each name over its key (following `$ref`s to
    /// other responses, as [`Self::description`] does).
    fn headers(&self, response: &'y MarkedYaml<'y>, under: Under) -> Option<Text> {
        let ((headers_key, headers), under) = self.follow(response, under, "headers").ok()??;
        let mut text = Text::new();
        text.push_mapped("Headers:", under.unwrap_or(self.span(headers_key)));
        let mut first = true;
        for (name_key, value) in self.entries(headers) {
            let under = self.under(headers, name_key, value, under);
            let name = self.text_at(name_key, under);
            if name.is_empty() || name.as_str().starts_with("x-statusdoc") {
                continue;
            }
            let at = under.unwrap_or(self.span(name_key)).start;
            if !first {
                text.push_mapped(",", Span::empty(at));
            }
            text.space(Span::empty(at));
            text.append(&name);
            first = false;
        }
        (!first).then_some(text)
    }

    /// The entry `key` of a response, or of the response its `$ref` chain leads to (an
    /// entry beside the `$ref` comes first), with where its text stands. `Ok(None)`
    /// where there is none, or the chain leaves the file (a `$ref` to another file is
    /// not followed).
    fn follow(
        &self,
        response: &'y MarkedYaml<'y>,
        under: Under,
        key: &str,
    ) -> Result<Option<Followed<'y>>, Broken> {
        let mut node = response;
        let mut under = under;
        let mut followed: Vec<String> = Vec::new();
        loop {
            if let Some((k, v)) = self.get(node, key) {
                return Ok(Some(((k, v), self.under(node, k, v, under))));
            }
            let Some(pointer) = self
                .get(node, "$ref")
                .and_then(|(_, t)| self.scalar_value(t))
            else {
                return Ok(None);
            };
            if !pointer.starts_with('#') {
                return Ok(None);
            }
            let again = followed.contains(&pointer);
            followed.push(pointer);
            if again {
                return Err(Broken::Loop(followed));
            }
            if followed.len() > MAX_REF_DEPTH {
                return Err(Broken::TooLong(followed));
            }
            match self.resolve(followed.last().map_or("", String::as_str)) {
                Some((target, target_under)) => {
                    node = target;
                    under = target_under;
                }
                None => return Err(Broken::Dangling(followed)),
            }
        }
    }

    /// A local JSON pointer (`#/components/responses/NotFound`), and where the text of
    /// the node it points at stands.
    fn resolve(&self, pointer: &str) -> Option<(&'y MarkedYaml<'y>, Under)> {
        let path = pointer.strip_prefix('#')?;
        let mut node = self.root;
        let mut under = None;
        if path.is_empty() {
            return Some((node, under));
        }
        for part in path.strip_prefix('/')?.split('/') {
            let part = percent_decoded(part).replace("~1", "/").replace("~0", "~");
            let (key, value) = self.get(node, &part)?;
            under = self.under(node, key, value, under);
            node = value;
        }
        Some((node, under))
    }

    /// Where the text under `parent`'s entry `key: value` stands (see [`Under`]): a node
    /// copied through an alias starts before the alias's own node, since an anchor
    /// always comes before its aliases.
    fn under(
        &self,
        parent: &MarkedYaml,
        key: &MarkedYaml,
        value: &MarkedYaml,
        under: Under,
    ) -> Under {
        under.or_else(|| {
            let parent_span = self.span(parent);
            let start = self.span(key).start.min(self.span(value).start);
            (start < parent_span.start).then_some(parent_span)
        })
    }

    /// A scalar's text: where it is written, or mapped over the alias it was copied
    /// through.
    fn text_at(&self, node: &MarkedYaml, under: Under) -> Text {
        match under {
            None => self.scalar_text(node),
            Some(alias) => {
                let mut text = Text::new();
                if let Some(value) = self.scalar_value(node) {
                    text.push_mapped(&value, alias);
                }
                text
            }
        }
    }

    /// The span of a response code key's digits, or `None` for `default`, `4XX`, `x-…`.
    fn code_key(&self, key: &MarkedYaml) -> Option<Span> {
        let span = self.span(key);
        // A JSON key written `"200" :` may end its span at the colon.
        let raw = self.text[span.start..span.end].trim_end();
        let inner = raw
            .strip_prefix(['\'', '"'])
            .and_then(|r| r.strip_suffix(['\'', '"']))
            .unwrap_or(raw);
        let start = span.start + (raw.len() - inner.len()) / 2;
        (inner.len() == 3 && inner.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Span::new(start, start + 3))
    }

    fn suppress(
        &self,
        key: &MarkedYaml,
        node: &MarkedYaml,
        disable_key: &MarkedYaml,
        value: &MarkedYaml,
        out: &mut Output,
    ) {
        let Some(rules) = self.disabled_rules(value) else {
            return;
        };
        let first = self.line_of(self.span(key).start);
        let last = self.line_of(
            self.last_end(node)
                .saturating_sub(1)
                .max(self.span(key).start),
        );
        out.suppressions.push(Suppression {
            rules,
            scope: SuppressionScope::Lines(first, last.max(first)),
            span: self.span(disable_key),
        });
    }

    /// The rules an `x-statusdoc-disable` value names (empty: every rule), or `None` for
    /// `false`.
    fn disabled_rules(&self, value: &MarkedYaml) -> Option<Vec<String>> {
        match &value.data {
            YamlData::Value(Scalar::Boolean(false)) => None,
            YamlData::Value(Scalar::Boolean(true) | Scalar::Null) => Some(Vec::new()),
            YamlData::Sequence(items) => Some(
                items
                    .iter()
                    .filter_map(|i| self.scalar_value(i))
                    .flat_map(|s| split_rules(&s))
                    .collect(),
            ),
            _ => Some(
                self.scalar_value(value)
                    .map(|s| split_rules(&s))
                    .unwrap_or_default(),
            ),
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.text[..byte.min(self.text.len())].matches('\n').count() + 1
    }

    /// The end of the last scalar under a node (a mapping's own end runs on to the next
    /// key, past comments that are not its own).
    fn last_end(&self, node: &MarkedYaml) -> usize {
        let own = self.span(node).end;
        match &node.data {
            YamlData::Mapping(map) if !map.is_empty() => map
                .iter()
                .map(|(k, v)| self.last_end(k).max(self.last_end(v)))
                .max()
                .unwrap_or(own),
            YamlData::Sequence(items) if !items.is_empty() => {
                items.iter().map(|i| self.last_end(i)).max().unwrap_or(own)
            }
            _ => self.trimmed_end(node),
        }
    }

    fn span(&self, node: &MarkedYaml) -> Span {
        Span::new(
            self.offsets.byte(node.span.start.index()),
            self.offsets.byte(node.span.end.index()),
        )
    }

    /// A scalar's end without the white space the parser counts into block scalars.
    fn trimmed_end(&self, node: &MarkedYaml) -> usize {
        let span = self.span(node);
        span.start + self.text[span.start..span.end].trim_end().len()
    }

    fn entries(&self, node: &'y MarkedYaml<'y>) -> Vec<KeyValue<'y>> {
        match &node.data {
            YamlData::Mapping(map) => map.iter().collect(),
            _ => Vec::new(),
        }
    }

    fn get(&self, node: &'y MarkedYaml<'y>, key: &str) -> Option<KeyValue<'y>> {
        match &node.data {
            YamlData::Mapping(map) => map.iter().find(|(k, _)| self.key(k) == key),
            _ => None,
        }
    }

    /// A mapping key as text (`200` and `'200'` alike).
    fn key(&self, key: &MarkedYaml) -> String {
        self.scalar_value(key).unwrap_or_default()
    }

    /// A scalar's value as text; numbers, booleans and nulls as written.
    fn scalar_value(&self, node: &MarkedYaml) -> Option<String> {
        match &node.data {
            YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
            YamlData::Value(_) => {
                let span = self.span(node);
                Some(self.text[span.start..span.end].trim().to_owned())
            }
            YamlData::Representation(s, ..) => Some(s.to_string()),
            _ => None,
        }
    }

    /// A scalar's text with the source span of each character.
    fn scalar_text(&self, node: &MarkedYaml) -> Text {
        let Some(value) = self.scalar_value(node) else {
            return Text::new();
        };
        let span = self.span(node);
        let raw = &self.text[span.start..span.end];
        let mut text = Text::new();
        // A quoted scalar ends at its closing quote (the parser may count the white
        // space after it in a flow mapping).
        if raw.starts_with('\'') {
            single_quoted(&mut text, raw.trim_end(), span.start);
        } else if raw.starts_with('"') {
            double_quoted(&mut text, raw.trim_end(), span.start);
        } else if self.is_block_scalar(span.start) {
            block_scalar(&mut text, raw, span.start);
        } else {
            text.push_source(raw.trim_end(), span.start);
        }
        text.trim_end();
        if fold(text.as_str()) != fold(&value) {
            // Not rebuilt faithfully (a tag, an alias, a construct not handled above): one
            // mapped piece.
            let mut mapped = Text::new();
            mapped.push_mapped(&value, Span::new(span.start, self.trimmed_end(node)));
            return mapped;
        }
        text
    }

    /// Whether the scalar starting at `start` is a block scalar: a `|` or `>` header
    /// stands before it (after the key's colon or a sequence dash).
    fn is_block_scalar(&self, start: usize) -> bool {
        let before = &self.text[..start];
        let mut lines = before.rsplit('\n');
        // The content starts on a line of its own, after the header line.
        if !lines.next().is_some_and(|indent| indent.trim().is_empty()) {
            return false;
        }
        lines.next().is_some_and(|header| {
            let header = header.split(" #").next().unwrap_or(header).trim_end();
            let last = header.rsplit([' ', ':']).next().unwrap_or("");
            last.starts_with(['|', '>'])
                && last[1..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
        })
    }
}

/// `%XX` escapes of a JSON pointer in a URI fragment decoded (left as written where they
/// do not decode to UTF-8).
fn percent_decoded(part: &str) -> std::borrow::Cow<'_, str> {
    if !part.contains('%') {
        return part.into();
    }
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(byte) if bytes[i] == b'%' => {
                out.push(byte);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_or(part.into(), Into::into)
}

fn split_rules(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t'])
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `'it''s'`: every character but the doubled quote's first half is the source's own.
fn single_quoted(text: &mut Text, raw: &str, at: usize) {
    let inner = &raw[1..raw.len().saturating_sub(1).max(1)];
    let base = at + 1;
    let mut from = 0;
    while let Some(found) = inner[from..].find("''") {
        let quote = from + found;
        text.push_source(&inner[from..quote], base + from);
        text.push_source("'", base + quote + 1);
        from = quote + 2;
    }
    text.push_source(&inner[from..], base + from);
}

/// `"a \"b\" \u00e9"`: escapes of a character standing for itself (`\"`, `\\`, `\/`)
/// map to that character; others are mapped text over the escape.
fn double_quoted(text: &mut Text, raw: &str, at: usize) {
    let inner = &raw[1..raw.len().saturating_sub(1).max(1)];
    let base = at + 1;
    let bytes = inner.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' || i + 1 >= bytes.len() {
            i += 1;
            continue;
        }
        text.push_source(&inner[from..i], base + from);
        let next = inner[i + 1..].chars().next().unwrap_or(' ');
        let (decoded, len): (Option<String>, usize) = match next {
            '"' | '\\' | '/' | ' ' | '\t' => {
                text.push_source(&inner[i + 1..i + 2], base + i + 1);
                (None, 2)
            }
            '\n' | '\r' => {
                // An escaped line break joins the lines with nothing between them.
                let rest = &inner[i + 1..];
                let skip = rest.len() - rest.trim_start().len();
                (None, 1 + skip)
            }
            'x' => (hex(inner, i + 2, 2), 4),
            'u' => (hex(inner, i + 2, 4), 6),
            'U' => (hex(inner, i + 2, 8), 10),
            other => (
                Some(
                    match other {
                        '0' => "\0",
                        'a' => "\u{7}",
                        'b' => "\u{8}",
                        't' => "\t",
                        'n' => "\n",
                        'v' => "\u{b}",
                        'f' => "\u{c}",
                        'r' => "\r",
                        'e' => "\u{1b}",
                        'N' => "\u{85}",
                        '_' => "\u{a0}",
                        'L' => "\u{2028}",
                        'P' => "\u{2029}",
                        _ => "",
                    }
                    .to_owned(),
                ),
                1 + other.len_utf8(),
            ),
        };
        let end = (i + len).min(inner.len());
        if let Some(decoded) = decoded {
            text.push_mapped(&decoded, Span::new(base + i, base + end));
        }
        i = end;
        from = end;
    }
    text.push_source(
        &inner[from.min(inner.len())..],
        base + from.min(inner.len()),
    );
}

fn hex(text: &str, at: usize, digits: usize) -> Option<String> {
    let code = u32::from_str_radix(text.get(at..at + digits)?, 16).ok()?;
    char::from_u32(code).map(String::from)
}

/// A block scalar's content lines; a blank line starts a new paragraph.
fn block_scalar(text: &mut Text, raw: &str, at: usize) {
    let mut offset = 0;
    let mut blank = false;
    for line in raw.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            blank = true;
        } else {
            if blank {
                text.paragraph_break();
            } else {
                text.space(Span::empty(at + offset));
            }
            blank = false;
            text.push_source(content, at + offset);
        }
        offset += line.len();
    }
}
