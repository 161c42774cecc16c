//! The start of a list item, term, heading or table cell: a status code, maybe its
//! title, and where the rest of the text begins.

use ego_tree::NodeRef;
use scraper::Node;
use statusdoc_model::{Cell, Span};

use super::text::{flow_of, leading_element, Ctx, Flow};
use crate::common::{leading_code, title_len};

/// A status code found at the start of some text.
#[derive(Debug, Clone)]
pub(crate) struct Head {
    pub(crate) code: u16,
    pub(crate) code_span: Span,
    /// The title printed with the code in one piece of markup (`<code>200 OK</code>`,
    /// `{{HTTPStatus(404, "404 Not Found")}}`).
    pub(crate) title: Option<Cell>,
    /// Offset in the flow where the text after that piece starts.
    pub(crate) rest: usize,
    /// Whether the code was set apart by markup (`<code>`, `<strong>`, a macro).
    pub(crate) marked: bool,
}

/// Inline elements that set a code apart.
fn is_marking(name: &str) -> bool {
    matches!(
        name,
        "code"
            | "strong"
            | "b"
            | "em"
            | "i"
            | "tt"
            | "kbd"
            | "samp"
            | "span"
            | "a"
            | "var"
            | "mark"
    )
}

/// Parses the head of `node`, whose flow is `flow`.
pub(crate) fn parse_head(ctx: &Ctx, node: NodeRef<Node>, flow: &Flow) -> Option<Head> {
    let text = &flow.text;
    let start = text.len() - text.trim_start().len();
    if let Some(head) = parse_macro(ctx, flow, start) {
        return Some(head);
    }
    let code = leading_code(text.get(start..)?)?;
    let code_span = flow.span(ctx, start, start + 3);
    let mut head = Head {
        code,
        code_span,
        title: None,
        rest: start + 3,
        marked: false,
    };
    if let Some(lead) = leading_element(node) {
        if lead
            .value()
            .as_element()
            .is_some_and(|e| is_marking(e.name()))
        {
            let lead_flow = flow_of(ctx, lead, Some(4096));
            let lead_text = lead_flow.text.trim();
            if !lead_text.is_empty()
                && lead_text.len() >= 3
                && text.get(start..).is_some_and(|t| t.starts_with(lead_text))
            {
                head.marked = true;
                let end = start + lead_text.len();
                head.title = flow.cell(ctx, start + 3, end);
                head.rest = end;
            }
        }
    }
    Some(head)
}

/// MDN's KumaScript `{{HTTPStatus(404, "404 Not Found")}}`: the page shows the quoted
/// text, so code and title come from it (the code from the first argument when the
/// text has none).
fn parse_macro(ctx: &Ctx, flow: &Flow, start: usize) -> Option<Head> {
    let text = &flow.text;
    let after_braces = start + 2;
    if !text.get(start..)?.starts_with("{{") {
        return None;
    }
    let mut i = after_braces + skip_ws(text.get(after_braces..)?);
    let name = "httpstatus(";
    if !text.get(i..i + name.len())?.eq_ignore_ascii_case(name) {
        return None;
    }
    i += name.len();
    i += skip_ws(text.get(i..)?);
    let quote = text
        .get(i..)?
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'');
    if quote.is_some() {
        i += 1;
    }
    let digits = text
        .get(i..)?
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits != 3 {
        return None;
    }
    let arg_code: u16 = text.get(i..i + 3)?.parse().ok()?;
    let arg_span = flow.span(ctx, i, i + 3);
    i += 3;
    if quote.is_some() {
        i += 1;
    }
    let close = i + text.get(i..)?.find("}}")? + 2;
    let mut head = Head {
        code: arg_code,
        code_span: arg_span,
        title: None,
        rest: close,
        marked: true,
    };
    i += skip_ws(text.get(i..)?);
    if let Some(stripped) = text.get(i..close).and_then(|t| t.strip_prefix(',')) {
        let j = i + 1 + skip_ws(stripped);
        let q = text
            .get(j..)?
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')?;
        let value_start = j + 1;
        let value_end = value_start + text.get(value_start..close)?.find(q)?;
        let value = text.get(value_start..value_end)?;
        let inner = value_start + skip_ws(value);
        let title_start = match text.get(inner..value_end).and_then(leading_code) {
            Some(code) => {
                head.code = code;
                head.code_span = flow.span(ctx, inner, inner + 3);
                inner + 3
            }
            None => inner,
        };
        head.title = flow.cell(ctx, title_start, value_end);
    }
    (100..=599).contains(&head.code).then_some(head)
}

fn skip_ws(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Separators between a code or title and what follows: `404: ...`, `Not Found – ...`.
const SEPARATORS: [&str; 6] = [":", "–", "—", "-", "=", "|"];

/// The offset after leading whitespace and one separator at `from`.
pub(crate) fn skip_separator(text: &str, from: usize) -> usize {
    let Some(rest) = text.get(from..) else {
        return from;
    };
    let trimmed = rest.trim_start();
    let mut at = from + (rest.len() - trimmed.len());
    for separator in SEPARATORS {
        if let Some(after) = trimmed.strip_prefix(separator) {
            if after.is_empty() || after.starts_with(char::is_whitespace) || separator == ":" {
                at += separator.len();
                at += skip_ws(after);
                break;
            }
        }
    }
    at
}

/// Whether the text after a code reads like a title or a separated description, not
/// prose ("404 Not Found", "404: ...", not "500 users may ...").
pub(crate) fn plausible_after_code(text: &str) -> bool {
    let rest = text.trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{')
                || SEPARATORS.iter().any(|s| {
                    rest.strip_prefix(s).is_some_and(|after| {
                        after.is_empty() || after.starts_with(char::is_whitespace) || *s == ":"
                    })
                })
        }
    }
}

/// Splits run-in text `flow.text[from..end]` ("Not Found – The page ..." or "Not Found
/// The page ...") into a title and a description: at a separator among the first words,
/// else after the title [`title_len`] recognises.
pub(crate) fn split_run_in(
    ctx: &Ctx,
    flow: &Flow,
    from: usize,
    end: usize,
) -> (Option<Cell>, Option<Cell>) {
    let from = skip_separator(&flow.text, from);
    let Some(text) = flow.text.get(from..end) else {
        return (None, None);
    };
    let mut best: Option<(usize, usize)> = None;
    for separator in [" – ", " — ", " - ", ": ", ":\n", " | "] {
        if let Some(at) = text.find(separator) {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, separator.len()));
            }
        }
    }
    if let Some((at, len)) = best {
        let before = &text[..at];
        if before.split_whitespace().count() <= 8 && !before.contains(['.', '\n']) {
            let title = flow.cell(ctx, from, from + at);
            let description = flow.cell(ctx, from + at + len, end);
            return (title, description);
        }
    }
    let line_end = text.find('\n').unwrap_or(text.len());
    let length = title_len(ctx.registry, &text[..line_end]);
    if length == 0 {
        return (None, flow.cell(ctx, from, end));
    }
    let title = flow.cell(ctx, from, from + length);
    let rest = skip_separator(&flow.text, from + length);
    (title, flow.cell(ctx, rest, end))
}
