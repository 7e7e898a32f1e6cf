// A table (contract v1.1 §3) as a dense grid, where merged cells are easy to reason about:
// every position holds a cell's origin `{text, colspan, rowspan}` or `{covered: true}`;
// a group row is `{group: text}`. Pasted tables (Excel's and Word's HTML, tab-separated
// text) become grids too, and a grid becomes the contract's rows again.

const origin = (text = "", colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });
const COVERED = Object.freeze({ covered: true });

function cellParts(cell) {
  if (cell && typeof cell === "object" && !Array.isArray(cell) && "text" in cell) {
    return origin(cell.text ?? "", Math.max(1, Number(cell.colspan) || 1), Math.max(1, Number(cell.rowspan) || 1));
  }
  return origin(cell ?? "");
}

/** Contract rows (only the cells that start somewhere) as a dense grid of `width` columns. */
export function toGrid(rows, width) {
  const grid = [];
  const pending = []; // pending[r][c]: covered by a rowspan from above
  (rows ?? []).forEach((row, r) => {
    if (!Array.isArray(row)) {
      grid.push({ group: row?.group ?? "" });
      return;
    }
    const line = [];
    let c = 0;
    for (const raw of row) {
      while (pending[r]?.[c]) line[c++] = COVERED;
      const cell = cellParts(raw);
      line[c] = cell;
      for (let dr = 0; dr < cell.rowspan; dr += 1) {
        for (let dc = 0; dc < cell.colspan; dc += 1) {
          if (dr === 0 && dc === 0) continue;
          if (dr === 0) line[c + dc] = COVERED;
          else ((pending[r + dr] ??= [])[c + dc] = true);
        }
      }
      c += cell.colspan;
    }
    while (c < width || pending[r]?.[c]) {
      line[c] = pending[r]?.[c] ? COVERED : origin();
      c += 1;
    }
    for (let i = 0; i < line.length; i += 1) line[i] ??= origin();
    grid.push(line);
  });
  return grid;
}

/** The contract's rows: each origin in reading order, plain text when it spans nothing. */
export function fromGrid(grid) {
  return grid.map((line) => {
    if (!Array.isArray(line)) return { group: line.group };
    return line.filter((slot) => !slot.covered).map(({ text, colspan, rowspan }) => {
      if (colspan === 1 && rowspan === 1) return text;
      const cell = { text };
      if (colspan > 1) cell.colspan = colspan;
      if (rowspan > 1) cell.rowspan = rowspan;
      return cell;
    });
  });
}

/** The grid's width: the widest line. */
export function widthOf(grid) {
  return Math.max(0, ...grid.map((line) => (Array.isArray(line) ? line.length : 0)));
}

/** Every line made `width` wide (new positions blank). */
export function pad(grid, width) {
  for (const line of grid) if (Array.isArray(line)) while (line.length < width) line.push(origin());
}

/** Undo every merge that touches rows `r0..r1` and columns `c0..c1`, keeping all text. */
export function splitAround(grid, r0, r1, c0, c1) {
  grid.forEach((line, r) => {
    if (!Array.isArray(line)) return;
    line.forEach((slot, c) => {
      if (slot.covered || (slot.colspan === 1 && slot.rowspan === 1)) return;
      const overlaps = r <= r1 && r + slot.rowspan - 1 >= r0 && c <= c1 && c + slot.colspan - 1 >= c0;
      if (overlaps) unmerge(grid, r, c);
    });
  });
}

/** An origin back to single cells. */
export function unmerge(grid, r, c) {
  const slot = grid[r][c];
  for (let dr = 0; dr < slot.rowspan; dr += 1) {
    for (let dc = 0; dc < slot.colspan; dc += 1) {
      if ((dr || dc) && Array.isArray(grid[r + dr])) grid[r + dr][c + dc] = origin();
    }
  }
  grid[r][c] = origin(slot.text);
}

/** Merge the cell at (r, c) with its neighbour right or below; false if a neighbour is merged. */
export function merge(grid, r, c, direction) {
  const slot = grid[r]?.[c];
  if (!slot || slot.covered) return false;
  const cells = [];
  if (direction === "right") {
    const next = c + slot.colspan;
    for (let dr = 0; dr < slot.rowspan; dr += 1) cells.push([r + dr, next]);
  } else {
    const next = r + slot.rowspan;
    for (let dc = 0; dc < slot.colspan; dc += 1) cells.push([next, c + dc]);
  }
  const absorbed = cells.map(([rr, cc]) => grid[rr]?.[cc]);
  if (absorbed.some((s) => !s || s.covered || s.colspan !== 1 || s.rowspan !== 1 || !Array.isArray(grid[cells[0][0]]))) return false;
  const texts = absorbed.map((s) => s.text).filter((text) => String(text).trim() !== "");
  if (texts.length) slot.text = [slot.text, ...texts].filter((text) => String(text).trim() !== "").join("\n"); // nothing dropped
  for (const [rr, cc] of cells) grid[rr][cc] = COVERED;
  if (direction === "right") slot.colspan += 1;
  else slot.rowspan += 1;
  return true;
}

/** Lay `pasted` (a grid) over `grid` from (r0, c0), growing it as needed. */
export function overlay(grid, pasted, r0, c0, blankLine) {
  const width = Math.max(widthOf(grid), c0 + widthOf(pasted));
  while (grid.length < r0 + pasted.length) grid.push(blankLine());
  pad(grid, width);
  splitAround(grid, r0, r0 + pasted.length - 1, c0, c0 + widthOf(pasted) - 1);
  pasted.forEach((line, pr) => {
    const r = r0 + pr;
    if (!Array.isArray(line)) {
      grid[r] = { group: line.group };
      return;
    }
    if (!Array.isArray(grid[r])) grid[r] = blankLine();
    pad([grid[r]], width);
    line.forEach((slot, pc) => {
      grid[r][c0 + pc] = slot.covered ? COVERED : origin(slot.text, slot.colspan, slot.rowspan);
    });
  });
  return width;
}

/** Tab-separated text as Excel puts it: quoted cells may hold tabs, line breaks and `""`. */
export function parseTabbed(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') (cell += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === "\t") (row.push(cell), (cell = ""));
    else if (ch === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""));
    else cell += ch;
  }
  row.push(cell);
  rows.push(row);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => origin(r[c] ?? "")));
}

const BREAK = "\ue000"; // a line break inside a cell, kept while HTML whitespace collapses

function cellText(node) {
  const copy = node.cloneNode(true);
  copy.querySelectorAll("br").forEach((br) => br.replaceWith(BREAK));
  const paragraphs = copy.querySelectorAll("p");
  const raw = paragraphs.length ? [...paragraphs].map((p) => p.textContent).join(BREAK) : copy.textContent;
  return raw.split(BREAK).map((line) => line.replace(/\s+/g, " ").trim()).join("\n").trim();
}

/** HTML from another program, parsed inert and without its styles (our CSP refuses them). */
export function parseForeignHtml(html) {
  const bare = html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
  return new DOMParser().parseFromString(bare, "text/html");
}

/** The first table of Excel's or Word's HTML as a grid (its merged cells kept), or null. */
export function parseHtmlTable(html) {
  const table = parseForeignHtml(html).querySelector("table");
  if (!table) return null;
  const rows = [...table.rows].map((tr) => [...tr.cells].map((td) => {
    const colspan = Math.max(1, Number(td.getAttribute("colspan")) || 1);
    const rowspan = Math.max(1, Number(td.getAttribute("rowspan")) || 1);
    const text = cellText(td);
    return colspan === 1 && rowspan === 1 ? text : { text, colspan, rowspan };
  }));
  const width = Math.max(0, ...rows.map((row) => row.reduce((n, cell) => n + (cell.colspan ?? 1), 0)));
  return toGrid(rows, width);
}
