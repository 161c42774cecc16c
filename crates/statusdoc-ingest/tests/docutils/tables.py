"""Prints every table docutils finds in an RST file, as JSON, in statusdoc's cell model.

Usage: python tables.py FILE

Output: a list of tables; each has "header_rows", "columns" and "cells": [{"row",
"col", "rowspan", "colspan", "text", "line"}]. "text" follows statusdoc's Cell rules:
paragraphs folded to single spaces and joined by a blank line, bullet items as "- item"
lines, enumerated items as "N. item" lines, list items folded to one line. "line" is the
1-based source line docutils records for the cell's first body element (None if it
records none).

Sphinx roles (:ref:, :doc:, ...) are registered to show their title, as Sphinx does;
unknown directives and undefined substitutions are left to docutils (report level 5).
"""
import json
import sys

import docutils.core
import docutils.nodes as nodes
from docutils.parsers.rst import roles

SPHINX_ROLES = [
    "ref", "doc", "term", "numref", "class", "func", "meth", "attr", "mod", "envvar",
    "option", "program", "kbd", "file", "samp", "guilabel", "menuselection", "command",
    "dfn", "abbr", "any", "download", "exc", "data", "const", "obj",
]


def sphinx_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    text = nodes.unescape(text) if hasattr(nodes, "unescape") else text
    stripped = text.rstrip()
    if stripped.endswith(">") and "<" in stripped:
        open_at = stripped.rfind("<")
        title = stripped[:open_at].rstrip()
        if open_at == 0:
            title = stripped[1:-1]
        elif stripped[:open_at].endswith((" ", "\n")):
            text = title
    return [nodes.inline(rawtext, text)], []


for role in SPHINX_ROLES:
    roles.register_local_role(role, sphinx_role)


def fold(text):
    return " ".join(text.split())


def blocks(node):
    out = []
    for child in node.children:
        if isinstance(child, (nodes.system_message, nodes.comment, nodes.target,
                              nodes.substitution_definition)):
            continue
        if isinstance(child, nodes.bullet_list):
            out.append("\n".join("- " + fold(item.astext()) for item in child.children))
        elif isinstance(child, nodes.enumerated_list):
            start = int(child.get("start", 1))
            out.append("\n".join(
                "%d. %s" % (start + i, fold(item.astext())) for i, item in enumerate(child.children)))
        elif isinstance(child, nodes.block_quote):
            inner = blocks(child)
            if inner:
                out.append(inner)
        else:
            text = fold(child.astext())
            if text:
                out.append(text)
    return "\n\n".join(b for b in out if b)


def first_line(node):
    for n in node.findall():
        if n is not node and getattr(n, "line", None) is not None:
            return n.line
    return None


def table_json(table):
    tgroup = next(c for c in table.children if isinstance(c, nodes.tgroup))
    ncols = int(tgroup.get("cols", 0))
    rows = []
    header_rows = 0
    for part in tgroup.children:
        if isinstance(part, nodes.thead):
            header_rows += len(part.children)
            rows.extend(part.children)
        elif isinstance(part, nodes.tbody):
            rows.extend(part.children)
    occupied = set()
    cells = []
    for r, row in enumerate(rows):
        col = 0
        for entry in row.children:
            while (r, col) in occupied:
                col += 1
            morerows = int(entry.get("morerows", 0))
            morecols = int(entry.get("morecols", 0))
            for dr in range(morerows + 1):
                for dc in range(morecols + 1):
                    occupied.add((r + dr, col + dc))
            cells.append({
                "row": r,
                "col": col,
                "rowspan": morerows + 1,
                "colspan": morecols + 1,
                "text": blocks(entry),
                "line": first_line(entry),
            })
            col += morecols + 1
    return {"header_rows": header_rows, "columns": ncols, "cells": cells}


def main(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    doctree = docutils.core.publish_doctree(
        source,
        source_path=path,
        settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False},
    )
    tables = [table_json(t) for t in doctree.findall(nodes.table)]
    json.dump(tables, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
