// The table editor: column titles and settings (relative width, alignment, column group),
// rows of cells, group rows, merged cells, font size; rows and columns added, moved and
// removed; a block copied from Excel or Word pasted as rows and cells. Every change is one
// undoable step (Ctrl+Z / Hoàn tác).

import { t } from "./i18n.js";
import { getAt, setAt } from "./paths.js";
import { fromGrid, merge, overlay, pad, parseHtmlTable, parseTabbed, toGrid, unmerge, widthOf } from "./grid.js";
import { fieldElement } from "./widgets.js";

const ALIGN = [["", "align.left"], ["center", "align.center"], ["right", "align.right"]];
const SIZES = [["", "table.size.default"], ["11", "11"], ["13", "13"], ["14", "14"]];
const ACTIONS = [
  ["row-add", "table.rowAdd"], ["group-add", "table.groupAdd"], ["col-add", "table.colAdd"],
  ["row-up", "table.rowUp"], ["row-down", "table.rowDown"], ["row-remove", "table.rowRemove"],
  ["col-left", "table.colLeft"], ["col-right", "table.colRight"], ["col-remove", "table.colRemove"],
  ["merge-right", "table.mergeRight"], ["merge-down", "table.mergeDown"], ["unmerge", "table.unmerge"],
];

function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function model(view, path) {
  const table = getAt(view.state, path) ?? {};
  const columns = Array.isArray(table.columns) ? table.columns.map((c) => ({ ...c })) : [];
  const grid = toGrid(table.rows, columns.length);
  while (columns.length < widthOf(grid)) columns.push({ title: "" });
  pad(grid, columns.length);
  return { columns, grid };
}

/** A field of the table bound to its path, labelled for screen readers (no visible label). */
function bound(view, spec, path, name, placeholder = "") {
  const wrap = fieldElement({ ...spec, label: null }, path, getAt(view.state, path), view.state, { labelText: name });
  const input = wrap.querySelector("[data-path]");
  wrap.querySelector("label").classList.add("visually-hidden");
  if (placeholder) input.placeholder = placeholder; // what the box is for, seen without its label
  return { wrap, input };
}

function cellPath(path, grid, r, c) {
  const line = grid[r];
  const index = line.slice(0, c).filter((slot) => !slot.covered).length;
  const slot = line[c];
  return slot.colspan > 1 || slot.rowspan > 1 ? `${path}.rows.${r}.${index}.text` : `${path}.rows.${r}.${index}`;
}

/** The editor of the table at `path`. */
export function tableEditor(view, path) {
  const { columns, grid } = model(view, path);
  const editor = el("div", { className: "table-editor" });
  Object.assign(editor.dataset, { table: path, row: "0", col: "0" });
  const tools = el("div", { className: "table-tools" }, ACTIONS.map(([action, key]) => {
    const button = el("button", { type: "button", textContent: t(key) });
    button.dataset.tableAction = action;
    return button;
  }));
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", t("table.tools"));
  const size = bound(view, { kind: "choice", options: SIZES, number: true }, `${path}.font_size`, t("table.size"));
  size.wrap.classList.add("table-size");
  size.wrap.querySelector("label").classList.remove("visually-hidden");
  const head = el("thead");
  const titles = el("tr", {}, columns.map((_, c) => {
    const cell = el("th", { scope: "col" });
    const name = t("table.title", { n: c + 1 });
    const title = bound(view, { kind: "cell" }, `${path}.columns.${c}.title`, name, name);
    Object.assign(title.input.dataset, { row: "-1", col: String(c) });
    cell.append(title.wrap);
    return cell;
  }));
  const settings = el("tr", { className: "column-settings" }, columns.map((_, c) => el("td", {}, [
    bound(view, { kind: "quantity" }, `${path}.columns.${c}.width`, t("table.width", { n: c + 1 }), t("table.widthShort")).wrap,
    bound(view, { kind: "choice", options: ALIGN }, `${path}.columns.${c}.align`, t("table.align", { n: c + 1 })).wrap,
    bound(view, { kind: "line" }, `${path}.columns.${c}.group`, t("table.group", { n: c + 1 }), t("table.groupShort")).wrap,
  ])));
  head.append(titles, settings);
  const body = el("tbody", {}, grid.map((line, r) => {
    if (!Array.isArray(line)) {
      const group = bound(view, { kind: "cell" }, `${path}.rows.${r}.group`, t("table.groupRow", { r: r + 1 }));
      Object.assign(group.input.dataset, { row: String(r), col: "0" });
      return el("tr", { className: "group-row" }, [el("td", { colSpan: columns.length }, [group.wrap])]);
    }
    return el("tr", {}, line.flatMap((slot, c) => {
      if (slot.covered) return [];
      const cell = bound(view, { kind: "cell" }, cellPath(path, grid, r, c), t("table.cell", { r: r + 1, c: c + 1 }));
      Object.assign(cell.input.dataset, { row: String(r), col: String(c) });
      return [el("td", { colSpan: slot.colspan, rowSpan: slot.rowspan }, [cell.wrap])];
    }));
  }));
  const grid_ = el("table", { className: "table-grid" }, [head, body]);
  editor.append(tools, size.wrap, el("p", { className: "hint", textContent: t("table.hint") }), el("div", { className: "table-scroll" }, [grid_]));
  editor.addEventListener("focusin", (event) => {
    const { row, col } = event.target.dataset;
    if (row !== undefined) Object.assign(editor.dataset, { row, col });
  });
  editor.addEventListener("click", (event) => {
    const button = event.target.closest("[data-table-action]");
    if (button) act(view, editor, button.dataset.tableAction);
  });
  editor.addEventListener("keydown", (event) => enter(view, editor, event));
  return editor;
}

/** Enter goes down a row, as in a spreadsheet (a new row after the last); Shift+Enter starts
 *  a new paragraph inside the cell. Nothing typed is ever joined to the next cell's text. */
function enter(view, editor, event) {
  const cell = event.target;
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.ctrlKey || event.altKey || cell.dataset.row === undefined) return;
  event.preventDefault();
  const row = Number(cell.dataset.row) + 1;
  const col = Number(cell.dataset.col);
  const cells = [...editor.querySelectorAll(`[data-row="${row}"]`)];
  const below = cells.filter((c) => Number(c.dataset.col) <= col).pop() ?? cells[0];
  if (below) return below.focus();
  editor.dataset.row = String(row - 1);
  editor.dataset.col = String(col);
  act(view, editor, "row-add", col);
}

/** Write the grid back (one undoable step), redraw, and put the cursor at (row, col). */
function commit(view, editor, columns, grid, row, col) {
  const path = editor.dataset.table;
  view.entries.reshape(path, () => {
    const table = { ...(getAt(view.state, path) ?? {}), columns, rows: fromGrid(grid) };
    setAt(view.state, path, table);
  });
  view.onChange({ path, structural: true });
  view.redraw(editor, () => {
    const cells = [...view.root.querySelectorAll(`[data-path^="${path}."][data-row]`)];
    const target = cells.find((c) => c.dataset.row === String(row) && c.dataset.col === String(col))
      ?? cells.find((c) => c.dataset.row === String(row)) ?? cells[0];
    target?.focus();
  });
}

/** Undo the merges that a line between rows (or columns) would cut. */
function cutAcross(grid, { row = null, col = null }) {
  grid.forEach((line, r) => {
    if (!Array.isArray(line)) return;
    line.forEach((slot, c) => {
      if (slot.covered) return;
      const rows = row !== null && r < row && r + slot.rowspan > row;
      const cols = col !== null && c < col && c + slot.colspan > col;
      if (rows || cols) unmerge(grid, r, c);
    });
  });
}

function act(view, editor, action, keepColumn = 0) {
  const { columns, grid } = model(view, editor.dataset.table);
  const width = columns.length;
  let r = Math.max(0, Number(editor.dataset.row));
  let c = Math.max(0, Number(editor.dataset.col));
  const blank = () => Array.from({ length: width }, () => ({ text: "", colspan: 1, rowspan: 1 }));
  if (action === "row-add" || action === "group-add") {
    const at = grid.length ? r + 1 : 0;
    cutAcross(grid, { row: at });
    grid.splice(at, 0, action === "group-add" ? { group: "" } : blank());
    [r, c] = [at, keepColumn]; // typing goes on in the new row (its first cell from a button)
  } else if (action === "col-add") {
    const at = width ? c + 1 : 0;
    cutAcross(grid, { col: at });
    columns.splice(at, 0, { title: "" });
    for (const line of grid) if (Array.isArray(line)) line.splice(at, 0, { text: "", colspan: 1, rowspan: 1 });
    c = at;
  } else if (action === "row-up" || action === "row-down") {
    const to = r + (action === "row-up" ? -1 : 1);
    if (to < 0 || to >= grid.length) return;
    for (const edge of [Math.min(r, to), Math.max(r, to), Math.max(r, to) + 1]) cutAcross(grid, { row: edge });
    [grid[r], grid[to]] = [grid[to], grid[r]];
    r = to;
  } else if (action === "col-left" || action === "col-right") {
    const to = c + (action === "col-left" ? -1 : 1);
    if (to < 0 || to >= width) return;
    for (const edge of [Math.min(c, to), Math.max(c, to), Math.max(c, to) + 1]) cutAcross(grid, { col: edge });
    [columns[c], columns[to]] = [columns[to], columns[c]];
    for (const line of grid) if (Array.isArray(line)) [line[c], line[to]] = [line[to], line[c]];
    c = to;
  } else if (action === "row-remove") {
    if (!grid.length) return;
    cutAcross(grid, { row: r });
    cutAcross(grid, { row: r + 1 });
    grid.splice(r, 1);
    r = Math.min(r, grid.length - 1);
  } else if (action === "col-remove") {
    if (width <= 1) return view.notice(editor.querySelector("[data-row]"), t("table.lastColumn"));
    cutAcross(grid, { col: c });
    cutAcross(grid, { col: c + 1 });
    columns.splice(c, 1);
    for (const line of grid) if (Array.isArray(line)) line.splice(c, 1);
    c = Math.min(c, columns.length - 1);
  } else if (action === "merge-right" || action === "merge-down") {
    if (!merge(grid, r, c, action === "merge-right" ? "right" : "down")) {
      return view.announce(t("table.cannotMerge"));
    }
  } else if (action === "unmerge") {
    if (!Array.isArray(grid[r]) || grid[r][c]?.covered) return;
    unmerge(grid, r, c);
  }
  commit(view, editor, columns, grid, r, c);
}

/** A paste into a cell: a table (HTML) or tab-separated lines become rows and cells from
 *  there; a paste into a column title fills the titles with its first row. */
export function pasteIntoTable(view, event) {
  const input = event.target;
  const editor = input.closest(".table-editor");
  const html = event.clipboardData.getData("text/html");
  const text = event.clipboardData.getData("text/plain");
  let pasted = html ? parseHtmlTable(html) : null;
  if (!pasted && !/[\t\n\r]/.test(text.replace(/\r?\n$/, ""))) return; // one cell's text
  event.preventDefault();
  pasted ??= parseTabbed(text);
  const { columns, grid } = model(view, editor.dataset.table);
  const r0 = Number(input.dataset.row);
  const c0 = Number(input.dataset.col);
  if (r0 < 0) { // into the titles: the first pasted row names the columns
    const [first, ...rest] = pasted;
    (Array.isArray(first) ? first : []).forEach((slot, i) => {
      while (columns.length <= c0 + i) columns.push({ title: "" });
      if (!slot.covered) columns[c0 + i] = { ...columns[c0 + i], title: slot.text };
    });
    pasted = rest;
  }
  const width = overlay(grid, pasted, Math.max(0, r0), c0, () => []);
  while (columns.length < width) columns.push({ title: "" });
  pad(grid, columns.length);
  commit(view, editor, columns, grid, Math.max(0, r0), c0);
  const rows = pasted.length;
  view.announce(t("table.pasted", { rows, cols: widthOf(pasted) }), true);
}
