//! Bulleted lists (`<li><code>404</code> Not Found – ...</li>`) and definition lists
//! (`<dt>415 Unsupported Media Type</dt><dd>...</dd>`).

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use statusdoc_model::{Cell, Entry};

use super::heads::{parse_head, plausible_after_code, skip_separator, split_run_in, Head};
use super::text::{element_name, flow_of, is_ignored, Ctx, Flow, FlowBuilder};

/// How many bytes of an item are read to see whether it starts with a status code.
const PROBE: usize = 256;

/// Entries of a `<ul>`/`<ol>` whose items start with status codes.
pub(crate) fn read_list(ctx: &Ctx, list: NodeRef<Node>, section: &[String]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for item in list.children() {
        if element_name(item) != Some("li") {
            continue;
        }
        let Some((flow, head)) = code_head(ctx, item) else {
            continue;
        };
        let end = flow.text.len();
        let (title, description) = match head.title {
            Some(title) => {
                let rest = skip_separator(&flow.text, head.rest);
                (Some(title), flow.cell(ctx, rest, end))
            }
            None => split_run_in(ctx, &flow, head.rest, end),
        };
        entries.push(Entry {
            listing: Default::default(), title_certain: true,
            code: head.code,
            code_span: head.code_span,
            title,
            description,
            section: section.to_vec(),
            block: 0,
        });
    }
    entries
}

/// The text of a list item or term that starts with a status code, and its head (code
/// and title). A cheap probe of the first words decides before the whole text is read.
fn code_head(ctx: &Ctx, node: NodeRef<Node>) -> Option<(Flow, Head)> {
    let probe = flow_of(ctx, node, Some(PROBE));
    let probe_head = parse_head(ctx, node, &probe)?;
    if !probe_head.marked && !plausible_after_code(probe.text.get(probe_head.rest..).unwrap_or(""))
    {
        return None;
    }
    let flow = flow_of(ctx, node, None);
    let head = parse_head(ctx, node, &flow)?;
    Some((flow, head))
}

/// The `<dt>`/`<dd>` children of a `<dl>`, looking through `<div>` wrappers.
fn terms_and_definitions(dl: NodeRef<Node>) -> Vec<NodeRef<Node>> {
    let mut out = Vec::new();
    for child in dl.children() {
        match element_name(child) {
            Some("dt" | "dd") => out.push(child),
            Some("div") => out.extend(
                child
                    .children()
                    .filter(|c| matches!(element_name(*c), Some("dt" | "dd"))),
            ),
            _ => {}
        }
    }
    out
}

/// Entries of a `<dl>` whose terms start with status codes. Consecutive terms share the
/// definitions that follow them; several `<dd>` make several paragraphs.
pub(crate) fn read_dl(ctx: &Ctx, dl: NodeRef<Node>, section: &[String]) -> Vec<Entry> {
    let items = terms_and_definitions(dl);
    let mut entries = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let terms_start = i;
        while i < items.len() && element_name(items[i]) == Some("dt") {
            i += 1;
        }
        let terms = &items[terms_start..i];
        let definitions_start = i;
        while i < items.len() && element_name(items[i]) == Some("dd") {
            i += 1;
        }
        let definitions = &items[definitions_start..i];
        if terms.is_empty() {
            continue;
        }
        let mut description: Option<Option<Cell>> = None;
        for &term in terms {
            let Some((flow, head)) = code_head(ctx, term) else {
                continue;
            };
            let title = head.title.or_else(|| {
                // The rest of the term, less trailing macros such as {{deprecated_inline}}.
                let rest = skip_separator(&flow.text, head.rest);
                let end = flow
                    .text
                    .get(rest..)
                    .and_then(|t| t.find("{{"))
                    .map_or(flow.text.len(), |at| rest + at);
                flow.cell(ctx, rest, end)
            });
            if definitions.is_empty() {
                ctx.problems.borrow_mut().push((
                    head.code_span,
                    head.code,
                    format!(
                        "the term for {} has no definition (<dd>) after it",
                        head.code
                    ),
                ));
            }
            let description = description
                .get_or_insert_with(|| {
                    let flow = flow_of_many(ctx, definitions);
                    flow.cell(ctx, 0, flow.text.len())
                })
                .clone();
            entries.push(Entry {
                listing: Default::default(), title_certain: true,
                code: head.code,
                code_span: head.code_span,
                title,
                description,
                section: section.to_vec(),
                block: 0,
            });
        }
    }
    entries
}

/// One flow of several sibling elements, as paragraphs.
pub(crate) fn flow_of_many(ctx: &Ctx, nodes: &[NodeRef<Node>]) -> Flow {
    let mut builder = FlowBuilder::new(ctx);
    for &node in nodes {
        feed(&mut builder, node);
    }
    builder.finish()
}

/// Feeds a subtree's events into `builder`, skipping ignored elements.
pub(crate) fn feed(builder: &mut FlowBuilder, node: NodeRef<Node>) {
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(element) => {
                        if is_ignored(element) {
                            skip = Some(n.id());
                        } else {
                            builder.element(element, true);
                        }
                    }
                    Node::Text(text) => builder.text(n.id(), text),
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                } else if skip.is_none() {
                    if let Node::Element(element) = n.value() {
                        builder.element(element, false);
                    }
                }
            }
        }
    }
}
