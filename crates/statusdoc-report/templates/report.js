// The vendor matrix's behaviour: filters, keyboard navigation of the grid, and the
// detail views (a cell, a code, a page, a rule), filled from the embedded data into the
// page's <template> elements. No network, no dependencies.
(async () => {
  "use strict";

  // The data: JSON, or for large reports zlib-compressed JSON in base64.
  async function load() {
    const node = document.getElementById("data");
    if (node.dataset.encoding === "json") return JSON.parse(node.textContent);
    const binary = atob(node.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return JSON.parse(await new Response(stream).text());
  }
  const data = await load();
  const S = data.s;
  const str = (i) => (i >= 0 ? S[i] : "");
  const SEVERITY = ["", "note", "warning", "error"];
  const STATE_CLASS = ["o", "i", "w", "e"];
  const STATE_WORD = { o: "as RFC 9110", i: "note", w: "warning", e: "error", m: "missing", "": "not documented" };

  const columns = data.c.map(([code, reason, reference, state, group]) => ({ code, reason, reference, state, group }));
  const columnOf = new Map(columns.map((c, i) => [c.code, i]));
  const rules = data.r.map(([id, name]) => ({ id, name }));
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const pages = data.p.map(([id, vendor, product, format, path, href, entries, findings], index) => {
    const page = {
      index, id, vendor: str(vendor), product: str(product), format, path, href,
      entries: entries.map(([col, title, description, line, column, section], i) => ({
        i, col, title: title >= 0 ? S[title] : null, description: description >= 0 ? S[description] : null,
        line, column, section: str(section), findings: [],
      })),
      findings: findings.map(([severity, rule, col, entry, line, column, message, help, fix, snippet, labels]) => ({
        severity, rule: rules[rule], col, entry, line, column, message: S[message], help: str(help),
        fix: fix ? { message: S[fix[0]], safe: fix[1] === 1 } : null, snippet,
        labels: labels.map(([l, c, m, p, s]) => ({ line: l, column: c, message: S[m], path: str(p), snippet: s })),
      })),
    };
    page.findings.forEach((f) => { if (f.entry >= 0) page.entries[f.entry].findings.push(f); });
    page.hay = [page.vendor, page.product, page.path, page.id].join(" ").toLowerCase();
    return page;
  });
  const pageById = new Map(pages.map((p) => [p.id, p]));

  const table = document.getElementById("matrix");
  const tbody = table.tBodies[0];
  const view = document.getElementById("view");
  const viewTitle = document.getElementById("view-title");
  const viewBody = document.getElementById("view-body");
  const viewCrumbs = document.getElementById("view-crumbs");

  // ---- small DOM helpers -------------------------------------------------------------
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else node.setAttribute(key, value);
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== "") node.append(child);
    }
    return node;
  };
  const clone = (id) => document.getElementById(id).content.firstElementChild.cloneNode(true);
  const slot = (node, name) => node.querySelector(`[data-slot="${name}"]`);
  const fill = (node, name, text) => {
    const target = slot(node, name);
    if (text === null || text === undefined || text === "") target.remove();
    else target.textContent = text;
    return target;
  };
  const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => el("p", { text: p.trim() }));
  const fileName = (path) => path.slice(path.lastIndexOf("/") + 1);
  const sourceLink = (page, line, column) => el("a", {
    href: `${page.href}#L${line}`, text: `${page.path}:${line}:${column}`,
  });
  const cellOf = (page, col) => tbody.rows[page.index].cells[col + 1];
  const stateOf = (page, col) => cellOf(page, col).className;
  const worstClass = (findings) => STATE_CLASS[findings.reduce((w, f) => Math.max(w, f.severity), 0)];
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const link = (hash, text, extra) => el("a", { href: `#${hash}`, text, ...(extra || {}) });

  // ---- findings ----------------------------------------------------------------------
  function findingItem(f) {
    const node = clone("t-finding");
    const severity = slot(node, "severity");
    severity.textContent = SEVERITY[f.severity];
    severity.classList.add(STATE_CLASS[f.severity]);
    const rule = slot(node, "rule");
    rule.textContent = f.rule.id;
    rule.href = `#rule/${f.rule.id}`;
    fill(node, "name", f.rule.name);
    fill(node, "message", f.message);
    fill(node, "help", f.help);
    fill(node, "fix", f.fix ? `${f.fix.safe ? "Fix available" : "Unsafe fix available"}: ${f.fix.message}` : "");
    const doc = document.getElementById(`doc-${f.rule.id}`);
    if (doc) slot(node, "doc").append(doc.content.cloneNode(true));
    else node.querySelector(".f-doc").remove();
    return node;
  }

  // The source line with the marked text and a caret line under it, as the terminal shows.
  function snippetLines(pre, gutter, snippet, line, caretText, kind) {
    const pad = (text) => text.padStart(gutter, " ");
    const [text, start, length] = snippet;
    const chars = Array.from(text);
    const before = chars.slice(0, start).join("");
    const marked = chars.slice(start, start + length).join("");
    const after = chars.slice(start + length).join("");
    pre.append(
      el("span", { class: "gut", text: `${pad(String(line))} | ` }), before,
      el("span", { class: kind === "ctx" ? "ctx" : "mark", text: marked }), after, "\n",
      el("span", { class: "gut", text: `${pad("")} | ` }), before.replace(/[^\t]/g, " "),
      el("span", { class: kind === "ctx" ? "ctx" : "carets", text: `${(kind === "ctx" ? "-" : "^").repeat(Math.max(1, Array.from(marked).length))} ${caretText}`.trimEnd() }),
      "\n",
    );
  }

  function terminalItem(page, f) {
    const node = clone("t-term");
    node.classList.add(STATE_CLASS[f.severity]);
    fill(node, "level", SEVERITY[f.severity]);
    fill(node, "rule", `[${f.rule.id}]`);
    fill(node, "message", `: ${f.message}`);
    fill(node, "name", `[${f.rule.name}]`);
    const lines = [f.line, ...f.labels.filter((l) => !l.path).map((l) => l.line)];
    const gutter = String(Math.max(...lines)).length;
    fill(node, "arrow", `${" ".repeat(gutter)}--> `);
    const location = slot(node, "location");
    location.textContent = `${page.path}:${f.line}:${f.column}`;
    location.href = `${page.href}#L${f.line}`;
    const pre = slot(node, "snippet");
    if (f.snippet) {
      pre.append(el("span", { class: "gut", text: `${" ".repeat(gutter)} |\n` }));
      snippetLines(pre, gutter, f.snippet, f.line, f.col >= 0 ? String(columns[f.col].code) : "", "mark");
      for (const label of f.labels) {
        if (!label.path && label.snippet) snippetLines(pre, gutter, label.snippet, label.line, label.message, "ctx");
      }
    }
    for (const label of f.labels) {
      if (label.path) {
        pre.append(el("span", { class: "gut", text: `${" ".repeat(gutter)} = ` }),
          `note: ${label.path}:${label.line}:${label.column}: ${label.message}\n`);
      }
    }
    if (!pre.childNodes.length) pre.remove();
    fill(node, "help", f.help);
    fill(node, "fix", f.fix ? `${f.fix.safe ? "fix available" : "unsafe fix available"}: ${f.fix.message}` : "");
    return node;
  }

  // ---- the views ---------------------------------------------------------------------
  function canonical(column) {
    const node = clone("t-canon");
    if (column.reason) {
      fill(node, "reason", column.reason);
    } else {
      slot(node, "reason").replaceWith(el("span", { text: "no registered reason phrase" }));
    }
    fill(node, "reference", column.reference ? `(${column.reference})` : "");
    fill(node, "state", column.state === "current" ? "" : column.state);
    return node;
  }

  function pageCrumbs(page) {
    return [link(`page/${page.id}`, `${page.vendor}: all findings on this page`)];
  }

  function showCell(page, col) {
    const column = columns[col];
    const entries = page.entries.filter((e) => e.col === col);
    const loose = page.findings.filter((f) => f.col === col && f.entry < 0);
    open(
      [link(`code/${column.code}`, `How every page documents ${column.code}`), ...pageCrumbs(page)],
      [String(column.code), " ", el("span", { class: "sub", text: `on ${page.vendor} · ${page.product}` })],
    );
    viewBody.append(el("p", { class: "facts", text: `${page.format} · ${page.path}` }), canonical(column));
    for (const entry of entries) {
      const node = clone("t-entry");
      node.classList.add(worstClass(entry.findings));
      if (entry.title === null) slot(node, "title").replaceWith(el("dd", { class: "muted", text: "(no title: the code stands alone)" }));
      else fill(node, "title", entry.title);
      const description = slot(node, "description");
      if (entry.description === null) description.replaceWith(el("dd", { class: "muted", text: "(no description)" }));
      else description.append(...paragraphs(entry.description));
      fill(node, "section", entry.section ? `Under “${entry.section}” ·` : "");
      slot(node, "source").replaceWith(sourceLink(page, entry.line, entry.column));
      const list = slot(node, "findings");
      if (entry.findings.length) list.append(...entry.findings.map(findingItem));
      else list.replaceWith(el("p", { class: "where", text: "No findings: the entry agrees with RFC 9110." }));
      viewBody.append(node);
    }
    if (!entries.length) {
      viewBody.append(el("p", { class: "entry m", text: `The page does not document ${column.code}.` }));
    }
    if (loose.length) {
      viewBody.append(el("h3", { class: "view-section", text: entries.length ? `About ${column.code} on this page` : "Findings" }),
        el("ul", { class: "findings" }, ...loose.map(findingItem)));
    }
  }

  function showCode(col) {
    const column = columns[col];
    open([], [String(column.code), " ", el("span", { class: "sub", text: column.reason || "(unregistered)" })]);
    viewBody.append(el("p", { class: "facts", text: [column.reference, column.group, column.state].filter(Boolean).join(" · ") }));
    const variants = new Map();
    const table = el("table", { class: "code-table" },
      el("thead", null, el("tr", null, ...["page", "title as printed", "description as printed", "source"].map((h) => el("th", { scope: "col", text: h })))));
    const body = el("tbody");
    let missing = 0;
    for (const page of pages) {
      const state = stateOf(page, col);
      if (!state) continue;
      const entries = page.entries.filter((e) => e.col === col);
      if (!entries.length) {
        missing += 1;
        const row = clone("t-code-row");
        const name = slot(row, "page");
        name.textContent = page.vendor;
        name.href = `#cell/${page.id}/${column.code}`;
        fill(row, "product", page.product);
        const title = fill(row, "title", "missing");
        title.classList.add("m");
        const reason = page.findings.find((f) => f.col === col);
        fill(row, "description", reason ? reason.message : "");
        slot(row, "source").replaceWith(reason ? sourceLink(page, reason.line, reason.column) : "");
        body.append(row);
        continue;
      }
      for (const entry of entries) {
        const row = clone("t-code-row");
        const name = slot(row, "page");
        name.textContent = page.vendor;
        name.href = `#cell/${page.id}/${column.code}`;
        fill(row, "product", page.product);
        const klass = worstClass(entry.findings);
        const title = fill(row, "title", entry.title === null ? "(no title)" : entry.title);
        title.classList.add(klass);
        const description = slot(row, "description");
        if (entry.description) description.append(...paragraphs(entry.description));
        slot(row, "source").replaceWith(sourceLink(page, entry.line, entry.column));
        body.append(row);
        const key = entry.title === null ? "(no title)" : entry.title;
        const variant = variants.get(key) || { pages: new Set(), klass: "o" };
        variant.pages.add(page.id);
        if (STATE_CLASS.indexOf(klass) > STATE_CLASS.indexOf(variant.klass)) variant.klass = klass;
        variants.set(key, variant);
      }
    }
    const chips = [...variants.entries()].sort((a, b) => b[1].pages.size - a[1].pages.size || a[0].localeCompare(b[0]));
    const list = el("ul", { class: "variants", "aria-label": "Titles in use" },
      ...chips.map(([title, v]) => el("li", { class: v.klass, text: `${title} · ${plural(v.pages.size, "page", "pages")}` })));
    if (missing) list.append(el("li", { class: "m", text: `missing · ${plural(missing, "page", "pages")}` }));
    table.append(body);
    viewBody.append(el("h3", { class: "view-section", text: "Titles in use" }), list,
      el("h3", { class: "view-section", text: "Every page" }), table);
  }

  function showPage(page) {
    const count = page.findings.length;
    open([], [page.vendor, " ", el("span", { class: "sub", text: page.product })]);
    const path = el("a", { href: page.href, text: page.path });
    viewBody.append(el("p", { class: "facts" }, `${page.format} · `, path,
      ` · ${plural(page.entries.length, "entry", "entries")} · ${plural(count, "finding", "findings")}`));
    viewBody.append(el("h3", { class: "view-section", text: "Findings in source order" }));
    if (count) viewBody.append(...page.findings.map((f) => terminalItem(page, f)));
    else viewBody.append(el("p", { text: "No findings." }));
    viewBody.append(el("h3", { class: "view-section", text: "Entries" }));
    const list = el("ul", { class: "entries-list" });
    for (const entry of page.entries) {
      const column = columns[entry.col];
      list.append(el("li", null,
        link(`cell/${page.id}/${column.code}`, `${column.code} ${entry.title === null ? "(no title)" : entry.title}`),
        entry.findings.length ? el("span", { class: `sev ${worstClass(entry.findings)}`, text: String(entry.findings.length), title: "findings" }) : null));
    }
    viewBody.append(list);
  }

  function showRule(rule) {
    open([], [rule.id, " ", el("span", { class: "sub", text: rule.name })]);
    const onPages = pages.filter((p) => p.findings.some((f) => f.rule === rule));
    const total = onPages.reduce((n, p) => n + p.findings.filter((f) => f.rule === rule).length, 0);
    viewBody.append(el("p", { class: "facts", text: `${plural(total, "finding", "findings")} on ${plural(onPages.length, "page", "pages")} in the matrix` }));
    const doc = document.getElementById(`doc-${rule.id}`);
    if (doc) viewBody.append(el("div", { class: "doc" }, doc.content.cloneNode(true)));
    viewBody.append(el("h3", { class: "view-section", text: "Pages with this finding" }));
    const list = el("ul");
    for (const page of onPages) {
      const found = page.findings.filter((f) => f.rule === rule);
      const codes = [...new Set(found.filter((f) => f.col >= 0).map((f) => columns[f.col].code))];
      const item = el("li", null, link(`page/${page.id}`, `${page.vendor}: ${page.product}`), ` (${found.length})`);
      if (codes.length) {
        item.append(" — ");
        codes.forEach((code, i) => item.append(i ? ", " : "", link(`cell/${page.id}/${code}`, String(code))));
      }
      list.append(item);
    }
    if (list.childNodes.length) viewBody.append(list);
    else viewBody.append(el("p", { class: "muted", text: "Only on pages without status codes (listed below the matrix)." }));
  }

  let returnFocus = null;
  function open(crumbs, title) {
    viewCrumbs.replaceChildren(...crumbs);
    viewTitle.replaceChildren(...title);
    viewBody.replaceChildren();
    if (!view.open) {
      returnFocus = document.activeElement;
      view.showModal();
    }
    view.scrollTop = 0;
    viewTitle.focus();
  }

  function clearHash() {
    if (!location.hash) return;
    try {
      history.replaceState(null, "", location.href.split("#")[0]);
    } catch (_) {
      location.hash = "";
    }
  }

  function route() {
    let hash = "";
    try {
      hash = decodeURIComponent(location.hash.slice(1));
    } catch (_) {
      hash = "";
    }
    const [kind, a, b] = hash.split("/");
    const page = pageById.get(a);
    if (kind === "cell" && page && columnOf.has(Number(b))) showCell(page, columnOf.get(Number(b)));
    else if (kind === "code" && columnOf.has(Number(a))) showCode(columnOf.get(Number(a)));
    else if (kind === "page" && page) showPage(page);
    else if (kind === "rule" && ruleById.has(a)) showRule(ruleById.get(a));
    else if (view.open) view.close();
  }

  view.addEventListener("close", () => {
    clearHash();
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  });
  document.getElementById("view-close").addEventListener("click", () => view.close());
  view.addEventListener("click", (event) => {
    if (event.target !== view) return;
    const r = view.getBoundingClientRect();
    const inside = event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
    if (!inside) view.close();
  });
  window.addEventListener("hashchange", route);

  // ---- the grid: activation and keyboard navigation -----------------------------------
  let current = null;
  function describe(cell) {
    const row = cell.parentElement;
    if (row.parentElement !== tbody || cell.cellIndex === 0) return;
    const page = pages[row.sectionRowIndex];
    const column = columns[cell.cellIndex - 1];
    const title = cell.className && cell.className !== "m" ? `titled “${cell.firstChild.textContent}”, ` : "";
    cell.setAttribute("aria-label", `${column.code} on ${page.vendor}: ${title}${STATE_WORD[cell.className]}`);
  }
  function setCurrent(cell, focus) {
    if (current && current !== cell) current.tabIndex = -1;
    current = cell;
    cell.tabIndex = 0;
    describe(cell);
    if (focus) cell.focus();
  }
  function activate(cell) {
    const row = cell.parentElement;
    // Focus the cell first: closing a view gives the focus back to it.
    setCurrent(cell, true);
    if (row.parentElement === table.tHead) {
      if (cell.cellIndex > 0) location.hash = `code/${columns[cell.cellIndex - 1].code}`;
      return;
    }
    const page = pages[row.sectionRowIndex];
    if (cell.cellIndex === 0) location.hash = `page/${page.id}`;
    else if (cell.className) location.hash = `cell/${page.id}/${columns[cell.cellIndex - 1].code}`;
  }
  table.addEventListener("click", (event) => {
    const cell = event.target.closest("td, th");
    if (cell && table.contains(cell)) activate(cell);
  });

  let hiddenClasses = new Set();
  const visibleRows = () => [table.tHead.rows[0], ...Array.from(tbody.rows).filter((r) => !r.hidden)];
  const digit = (code) => String(code >= 100 && code < 600 ? Math.floor(code / 100) : 0);
  const visibleColumns = () => [0, ...columns.map((c, i) => i + 1).filter((i) => !hiddenClasses.has(digit(columns[i - 1].code)))];
  table.addEventListener("keydown", (event) => {
    const cell = event.target.closest("td, th");
    if (!cell || !table.contains(cell)) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      activate(cell);
      return;
    }
    const rows = visibleRows();
    const cols = visibleColumns();
    let r = rows.indexOf(cell.parentElement);
    let c = cols.indexOf(cell.cellIndex);
    if (r < 0 || c < 0) return;
    switch (event.key) {
      case "ArrowRight": c += 1; break;
      case "ArrowLeft": c -= 1; break;
      case "ArrowDown": r += 1; break;
      case "ArrowUp": r -= 1; break;
      case "PageDown": r += 10; break;
      case "PageUp": r -= 10; break;
      case "Home": c = 0; if (event.ctrlKey) r = 0; break;
      case "End": c = cols.length - 1; if (event.ctrlKey) r = rows.length - 1; break;
      default: return;
    }
    event.preventDefault();
    r = Math.max(0, Math.min(rows.length - 1, r));
    c = Math.max(0, Math.min(cols.length - 1, c));
    setCurrent(rows[r].cells[cols[c]], true);
  });
  table.addEventListener("focusin", (event) => {
    const cell = event.target.closest("td, th");
    if (cell && cell !== current) setCurrent(cell, false);
  });

  // ---- filters -----------------------------------------------------------------------
  const text = document.getElementById("f-text");
  const vendor = document.getElementById("f-vendor");
  const format = document.getElementById("f-format");
  const severity = document.getElementById("f-severity");
  const classBoxes = Array.from(document.querySelectorAll(".classes input"));
  const shown = document.getElementById("shown");
  const columnStyle = document.createElement("style");
  document.head.append(columnStyle);
  function applyFilters() {
    hiddenClasses = new Set(classBoxes.filter((b) => !b.checked).map((b) => b.value));
    const query = text.value.trim().toLowerCase();
    let count = 0;
    for (const row of tbody.rows) {
      const page = pages[row.sectionRowIndex];
      const visible = (!vendor.value || row.dataset.v === vendor.value)
        && (!format.value || row.dataset.f === format.value)
        && Number(row.dataset.s) >= Number(severity.value)
        && Array.from(row.dataset.k).some((k) => !hiddenClasses.has(k))
        && (!query || page.hay.includes(query));
      row.hidden = !visible;
      if (visible) count += 1;
    }
    const hidden = classBoxes.filter((b) => !b.checked);
    columnStyle.textContent = hidden.length
      ? `${hidden.map((b) => `#matrix tr > :nth-child(n+${b.dataset.first}):nth-child(-n+${b.dataset.last})`).join(",\n")} { display: none; }`
      : "";
    const codes = visibleColumns().length - 1;
    table.style.setProperty("--cols", String(codes));
    shown.textContent = `${count} of ${plural(pages.length, "page", "pages")} × ${codes} of ${plural(columns.length, "code", "codes")}`;
    if (current && (current.parentElement.hidden || current.offsetParent === null)) setCurrent(firstCell(), false);
  }
  function firstCell() {
    const row = Array.from(tbody.rows).find((r) => !r.hidden);
    if (!row) return table.tHead.rows[0].cells[0];
    return Array.from(row.cells).find((c, i) => i > 0 && c.className && c.offsetParent !== null) || row.cells[0];
  }
  for (const control of [text, vendor, format, severity, ...classBoxes]) {
    control.addEventListener(control === text ? "input" : "change", applyFilters);
  }
  document.getElementById("filters").addEventListener("submit", (event) => event.preventDefault());

  // ---- colour scheme -----------------------------------------------------------------
  const themeButton = document.getElementById("theme");
  const THEMES = ["auto", "light", "dark"];
  let theme = "auto";
  try {
    theme = localStorage.getItem("statusdoc-theme") || "auto";
  } catch (_) {
    theme = "auto";
  }
  function applyTheme() {
    if (theme === "auto") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    themeButton.textContent = `Theme: ${theme}`;
  }
  themeButton.addEventListener("click", () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    try {
      localStorage.setItem("statusdoc-theme", theme);
    } catch (_) {
      // Storage may be unavailable for files opened from disk; the choice lasts the visit.
    }
    applyTheme();
  });

  applyTheme();
  applyFilters();
  if (tbody.rows.length) setCurrent(firstCell(), false);
  route();
  // When the page became interactive (milliseconds after navigation), for tests.
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})().catch((error) => {
  console.error("statusdoc report:", error);
});
