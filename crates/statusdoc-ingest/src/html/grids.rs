//! Tables laid out with CSS instead of `<table>`: a run of sibling `<div>` rows, each
//! holding the same number of inline cells and no text of its own.
//!
//! ```html
//! <div class="error-row"><span>auth.invalid_key</span><span>401</span><span>…</span></div>
//! <div class="error-row"><span>wallet.not_found</span><span>404</span><span>…</span></div>
//! ```
//!
//! A browser shows these as the columns of a grid (`display: grid` or flex boxes);
//! read as text, the cells of a row run together ("auth.invalid_key401…"). The reader
//! gives such a run the page model's table: each row a table row, each cell a cell.
//! Only what any grid has is required (no class name or style is looked at beyond
//! telling rows of one kind from another): at least two rows (`<div>`, or `<a>` cards)
//! of the same tag and
//! class, each with the same number (two or more) of element children, no text
//! directly in a row, and no block element inside a cell.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::blocks::is_block_element;

/// The part a node plays in a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GridRole {
    /// A row; the first row of a grid names the last, whose end closes the table.
    Row {
        table_until: Option<NodeId>,
    },
    Cell,
}

/// Most cells a grid row may have: wider rows are layout, not tables.
const MAX_CELLS: usize = 12;

/// The grid roles of the nodes under `root`.
pub(crate) fn find(root: NodeRef<Node>) -> HashMap<NodeId, GridRole> {
    let mut roles = HashMap::new();
    for node in root.descendants() {
        if !matches!(node.value(), Node::Element(_)) {
            continue;
        }
        let mut run: Vec<(NodeRef<Node>, usize)> = Vec::new();
        for child in node.children() {
            match row_shape(child) {
                Some(cells)
                    if run
                        .last()
                        .is_none_or(|(last, n)| *n == cells && same_kind(*last, child)) =>
                {
                    run.push((child, cells));
                }
                Some(cells) => {
                    mark(&run, &mut roles);
                    run = vec![(child, cells)];
                }
                // White space between rows keeps the run; anything else ends it.
                None if is_blank_text(child) => {}
                None => {
                    mark(&run, &mut roles);
                    run.clear();
                }
            }
        }
        mark(&run, &mut roles);
    }
    roles
}

fn mark(run: &[(NodeRef<Node>, usize)], roles: &mut HashMap<NodeId, GridRole>) {
    if run.len() < 2 {
        return;
    }
    let last = run[run.len() - 1].0.id();
    for (i, (row, _)) in run.iter().enumerate() {
        roles.insert(
            row.id(),
            GridRole::Row {
                table_until: (i == 0).then_some(last),
            },
        );
        for cell in row
            .children()
            .filter(|c| matches!(c.value(), Node::Element(_)))
        {
            roles.insert(cell.id(), GridRole::Cell);
        }
    }
}

/// The number of cells of a `<div>` that is shaped as a grid row.
fn row_shape(node: NodeRef<Node>) -> Option<usize> {
    let Node::Element(element) = node.value() else {
        return None;
    };
    // A card is often a link holding the cells (`<a class="card"><div>404</div>…</a>`).
    if !matches!(element.name(), "div" | "a") {
        return None;
    }
    let mut cells = 0;
    for child in node.children() {
        match child.value() {
            Node::Element(cell) => {
                if !matches!(
                    cell.name(),
                    "span" | "div" | "a" | "code" | "strong" | "b" | "p"
                ) {
                    return None;
                }
                let inline = child.descendants().skip(1).all(|d| match d.value() {
                    Node::Element(e) => !is_block_element(e.name()),
                    _ => true,
                });
                if !inline {
                    return None;
                }
                cells += 1;
            }
            Node::Text(text) if !text.trim().is_empty() => return None,
            _ => {}
        }
    }
    (2..=MAX_CELLS).contains(&cells).then_some(cells)
}

fn same_kind(a: NodeRef<Node>, b: NodeRef<Node>) -> bool {
    match (a.value(), b.value()) {
        (Node::Element(x), Node::Element(y)) => {
            x.name() == y.name() && x.attr("class") == y.attr("class")
        }
        _ => false,
    }
}

fn is_blank_text(node: NodeRef<Node>) -> bool {
    match node.value() {
        Node::Text(text) => text.trim().is_empty(),
        Node::Comment(_) => true,
        _ => false,
    }
}
