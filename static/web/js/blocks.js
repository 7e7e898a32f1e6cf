// Content in document order (contract v1.1 `content`): a list of blocks of any kind, in any
// order, inside a part, section, assignment, appendix or numbered entry. A part written with
// the v1 lists (text, items, numbered…) keeps them; adding a kind v1 cannot place (a `+`
// item, a table) or asking for free order turns them into blocks in the order they print.

import { t } from "./i18n.js";
import { getAt, join, setAt } from "./paths.js";

export const BLOCK_KINDS = ["paragraph", "dash", "plus", "numbered", "lettered", "section", "assignment", "table"];
const NESTED = ["numbered", "lettered"]; // `{text, content}` entries

/** The kind of a block: its one key. */
export function blockKind(block) {
  return BLOCK_KINDS.find((kind) => block && typeof block === "object" && kind in block) ?? "paragraph";
}

/** Where a block's text is typed: Enter and paste make new blocks of its kind from there. */
export function blockLead(kind) {
  if (NESTED.includes(kind)) return `${kind}.text`;
  if (kind === "section") return "section.heading";
  if (kind === "assignment") return "assignment.agency";
  if (kind === "table") return null;
  return kind;
}

/** A new block of `kind`, holding `text` where its text goes. */
export function newBlock(kind, text = "") {
  if (kind === "table") return { table: { columns: [{ title: "" }, { title: "" }], rows: [["", ""]] } };
  const block = { [kind]: NESTED.includes(kind) || kind === "section" || kind === "assignment" ? {} : "" };
  const lead = blockLead(kind);
  if (text !== "" || !lead.includes(".")) setAt(block, lead, text);
  return block;
}

/** v1 lists of a part as blocks, in the order v1 prints them. */
export function toBlocks(part) {
  const blocks = [];
  const nested = (entry) => {
    if (typeof entry === "string") return entry;
    const { items = [], lettered = [], ...rest } = entry;
    const inner = [...items.map((d) => ({ dash: d })), ...lettered.map((l) => ({ lettered: nested(l) }))];
    return inner.length ? { ...rest, content: inner } : rest;
  };
  for (const text of part.text ?? []) blocks.push({ paragraph: text });
  for (const item of part.items ?? []) blocks.push({ dash: item });
  for (const entry of part.numbered ?? []) blocks.push({ numbered: nested(entry) });
  for (const entry of part.lettered ?? []) blocks.push({ lettered: nested(entry) });
  for (const section of part.sections ?? []) blocks.push({ section });
  for (const assignment of part.assignments ?? []) blocks.push({ assignment });
  for (const key of ["text", "items", "numbered", "lettered", "sections", "assignments"]) delete part[key];
  part.content = blocks;
  return part;
}

/** Whether content at `base` is written as blocks (it has them, or its container does). */
export function usesBlocks(state, base) {
  return Array.isArray(getAt(state, join(base, "content"))) || /(^|\.)content\.\d+\./.test(`${base}.`);
}

function button(text, data, className = "add") {
  const node = Object.assign(document.createElement("button"), { type: "button", className, textContent: text });
  Object.assign(node.dataset, data);
  return node;
}

/** The "+" buttons of a block list; nested lists fold them behind one button. */
export function blockBar(listPath, { folded = false } = {}) {
  const bar = document.createElement("div");
  bar.className = "add-bar";
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", t("add.bar"));
  const adds = BLOCK_KINDS.map((kind) => button(`+ ${t(`block.${kind}`)}`, { action: "add", add: listPath, block: kind, shape: `block:${kind}` }));
  if (!folded) {
    bar.append(...adds);
    return bar;
  }
  const open = button(`+ ${t("block.more")}`, { action: "unfold" }, "add unfold");
  open.setAttribute("aria-expanded", "false");
  const hidden = document.createElement("div");
  hidden.className = "add-bar";
  hidden.hidden = true;
  hidden.append(...adds);
  open.addEventListener("click", () => {
    hidden.hidden = !hidden.hidden;
    open.setAttribute("aria-expanded", String(!hidden.hidden));
    if (!hidden.hidden) adds[0].focus();
  });
  bar.append(open, hidden);
  return bar;
}

/** The extra buttons of a v1 part: kinds only blocks can hold, and free order itself. */
export function convertButtons(base) {
  const list = join(base, "content");
  return [
    button(`+ ${t("block.plus")}`, { action: "add", add: list, block: "plus", shape: "block:plus", convert: base }),
    button(`+ ${t("block.table")}`, { action: "add", add: list, block: "table", shape: "block:table", convert: base }),
    button(`⇅ ${t("block.freeOrder")}`, { action: "convert", convert: base }, "add convert"),
  ];
}
