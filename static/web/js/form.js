// The form: built from the spec and the state (the plan JSON being typed). Typing changes
// the state in place; adding, removing or moving an entry changes the state and redraws,
// so every field's data-path always matches its place in the JSON.

import { blockBar, blockKind, blockLead, convertButtons, newBlock, toBlocks, usesBlocks } from "./blocks.js";
import { quantity } from "./contract.js";
import { placeCaret, plainOf, readRich } from "./rich.js";
import { tableEditor } from "./tables.js";
import { formatDate, parseDate } from "./dates.js";
import { Entries } from "./entries.js";
import { label, t } from "./i18n.js";
import { getAt, join, rebase, setAt } from "./paths.js";
import { LISTS, SHAPES, leadKey } from "./spec.js";
import { handleKey, handlePaste } from "./typing.js";
import { fieldElement, itemTools, outputElement } from "./widgets.js";

export class FormView {
  constructor(root, spec, state, { onChange = () => {}, toast = null, toc = null } = {}) {
    Object.assign(this, { root, spec, state, onChange, toastArea: toast, toc });
    this.outputs = [];
    this.builders = new WeakMap(); // list or content node -> how to build it again
    this.entries = new Entries(this);
    root.addEventListener("input", (e) => this.typed(e.target));
    root.addEventListener("paste", (e) => handlePaste(this, e));
    root.addEventListener("change", (e) => this.chosen(e.target));
    root.addEventListener("click", (e) => this.clicked(e));
    root.addEventListener("keydown", (e) => this.key(e));
    toast?.addEventListener("click", (e) => this.clicked(e));
  }

  /** Show another document (import, restore). */
  setState(state) {
    this.state = state;
    this.entries = new Entries(this);
    this.render();
  }

  /** Redraw everything, keeping the focus on the same field. */
  render(focusPath = this.focusedPath()) {
    this.outputs = [];
    const sections = this.spec.filter((s) => !s.only || s.only.includes(this.state.type));
    const nodes = sections.map((section) => this.section(section));
    this.root.replaceChildren(...nodes);
    this.renderToc(sections);
    this.refreshOutputs();
    if (focusPath) this.focus(focusPath);
  }

  section(spec) {
    const node = document.createElement("section");
    node.className = "card";
    node.id = `sec-${spec.id}`;
    node.tabIndex = -1; // the skip link's target: the next Tab reaches its first field
    const title = document.createElement("h2");
    title.id = `sec-${spec.id}-title`;
    title.textContent = t(spec.title);
    node.setAttribute("aria-labelledby", title.id);
    node.append(title, ...this.fields(spec.fields, ""));
    return node;
  }

  renderToc(sections) {
    if (!this.toc) return;
    const links = sections.map((s) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#sec-${s.id}`;
      link.textContent = t(s.title);
      item.append(link);
      return item;
    });
    this.toc.replaceChildren(...links);
  }

  fields(specs, base) {
    return specs.map((spec) => this.field(spec, base)).filter(Boolean);
  }

  field(spec, base) {
    if (spec.when && !spec.when(this.state, base)) return null;
    if (spec.kind === "row") {
      const row = document.createElement("div");
      row.className = "row";
      row.append(...this.fields(spec.fields, base));
      return row;
    }
    if (spec.kind === "group") return this.group(spec, join(base, spec.key));
    if (spec.kind === "strings" || spec.kind === "objects") return this.list(spec, join(base, spec.key), true);
    if (spec.kind === "content") return this.content(spec, base);
    if (spec.kind === "output") {
      const node = outputElement(spec, label(spec.label, this.state));
      this.outputs.push([spec, node]);
      return node;
    }
    const path = join(base, spec.key);
    return fieldElement(spec, path, getAt(this.state, path), this.state);
  }

  group(spec, path) {
    const node = document.createElement(spec.bare ? "div" : "fieldset");
    node.className = spec.bare ? "part" : "group";
    node.dataset.container = path;
    if (!spec.bare) {
      const legend = document.createElement("legend");
      legend.textContent = label(spec.label, this.state);
      node.append(legend);
    }
    node.append(...this.fields(spec.fields, path));
    return node;
  }

  list(spec, path, standalone = false) {
    const node = document.createElement("fieldset");
    node.className = `list list-${spec.kind}${standalone ? " list-standalone" : ""}`;
    node.dataset.container = path;
    if (standalone) this.builders.set(node, () => this.list(spec, path, true));
    const legend = document.createElement("legend");
    legend.textContent = label(spec.label, this.state);
    node.append(legend);
    if (spec.hint) {
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = label(spec.hint, this.state);
      node.append(hint);
    }
    const items = document.createElement("ol");
    items.className = "items";
    const values = getAt(this.state, path);
    (Array.isArray(values) ? values : []).forEach((value, i) => items.append(this.item(spec, path, i, values.length)));
    node.append(items, this.addButton(spec, path));
    return node;
  }

  item(spec, listPath, index, count) {
    const path = `${listPath}.${index}`;
    const name = t(spec.item, { n: index + 1 });
    const node = document.createElement("li");
    node.className = `item item-${spec.kind}`;
    node.dataset.item = path;
    if (spec.kind === "strings") {
      const field = fieldElement({ kind: spec.rich ? "rich" : "text" }, path, getAt(this.state, path), this.state,
        { list: listPath, labelText: name });
      field.querySelector("[data-path]").dataset.lead = "1";
      node.append(field, itemTools(path, name, index, count));
      return node;
    }
    node.dataset.shape = spec.shape;
    const box = document.createElement("fieldset");
    box.dataset.container = path;
    const legend = document.createElement("legend");
    legend.textContent = name;
    box.append(legend, itemTools(path, name, index, count), ...this.fields(SHAPES[spec.shape], path));
    const lead = box.querySelector(`[data-path="${path}.${leadKey(spec.shape)}"]`);
    if (lead) lead.dataset.lead = "1";
    node.append(box);
    return node;
  }

  addButton(spec, path) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "add";
    button.dataset.action = "add";
    button.dataset.add = path;
    button.dataset.kind = spec.kind;
    if (spec.shape) button.dataset.shape = spec.shape;
    button.textContent = `+ ${t(spec.add)}`;
    return button;
  }

  content(spec, base) {
    const node = document.createElement("div");
    node.className = "content";
    this.builders.set(node, () => this.content(spec, base));
    const free = spec.lists.includes("sections"); // a Part, Section, Assignment or Appendix
    if (free && usesBlocks(this.state, base)) {
      node.append(this.blocks(join(base, "content"), base !== "" && /\.content\.\d+\./.test(`${base}.`)));
      return node;
    }
    const missing = [];
    for (const key of spec.lists) {
      const list = { ...LISTS[key], ...(spec.labels[key] || {}) };
      const value = getAt(this.state, join(base, key));
      if (Array.isArray(value) && value.length) node.append(this.list(list, join(base, key)));
      else missing.push([list, join(base, key)]);
    }
    if (missing.length) {
      const bar = document.createElement("div");
      bar.className = "add-bar";
      bar.setAttribute("role", "group");
      bar.setAttribute("aria-label", t("add.bar"));
      bar.append(...missing.map(([list, path]) => this.addButton(list, path)));
      if (free) bar.append(...convertButtons(base));
      node.append(bar);
    }
    return node;
  }

  /** A list of blocks in document order, with the "+" of every kind. */
  blocks(listPath, nested) {
    const values = getAt(this.state, listPath);
    if (nested && !(Array.isArray(values) && values.length)) return blockBar(listPath, { folded: true }); // nothing inside yet: just its "+"
    const node = document.createElement("fieldset");
    node.className = "list list-blocks";
    node.dataset.container = listPath;
    const legend = document.createElement("legend");
    legend.textContent = t("list.blocks");
    const items = document.createElement("ol");
    items.className = "items";
    (Array.isArray(values) ? values : []).forEach((block, i) => items.append(this.block(listPath, i, values.length, block)));
    node.append(legend, items, blockBar(listPath, { folded: nested }));
    return node;
  }

  block(listPath, index, count, value) {
    const kind = blockKind(value);
    const path = `${listPath}.${index}`;
    const name = t("item.block", { n: index + 1, kind: t(`block.${kind}`) });
    const node = document.createElement("li");
    node.className = `item item-objects item-block block-${kind}`;
    Object.assign(node.dataset, { item: path, shape: `block:${kind}` });
    const box = document.createElement("fieldset");
    box.dataset.container = path;
    const legend = document.createElement("legend");
    legend.textContent = name;
    box.append(legend, itemTools(path, name, index, count), ...this.blockFields(kind, path));
    const lead = blockLead(kind) && box.querySelector(`[data-path="${path}.${blockLead(kind)}"]`);
    if (lead) lead.dataset.lead = "1";
    node.append(box);
    return node;
  }

  blockFields(kind, path) {
    const text = (at, labelKey) => fieldElement({ kind: "rich", required: true, label: labelKey }, at, getAt(this.state, at), this.state);
    if (kind === "paragraph" || kind === "dash" || kind === "plus") return [text(`${path}.${kind}`, "entry.text")];
    if (kind === "numbered" || kind === "lettered") {
      const inner = `${path}.${kind}`;
      return [text(`${inner}.text`, "entry.text"), this.blocks(`${inner}.content`, true)];
    }
    if (kind === "section") return this.fields(SHAPES.section, `${path}.section`);
    if (kind === "assignment") return this.fields(SHAPES.assignment, `${path}.assignment`);
    return this.tableFields(`${path}.table`);
  }

  tableFields(path) {
    return [tableEditor(this, path)];
  }

  /** Rebuild the part of the form around `node` (a table after a change), then `after()`. */
  redraw(node, after) {
    const host = node.closest(".content, .list-standalone");
    const build = host && this.builders.get(host);
    if (build) host.replaceWith(build());
    else this.render();
    after();
  }

  /** A v1 part into blocks, in the order it prints (undoable). */
  convert(base, host) {
    const part = getAt(this.state, base);
    this.entries.reshape(base, () => setAt(this.state, base, toBlocks(part && typeof part === "object" ? part : {})));
    const build = this.builders.get(host);
    if (build) host.replaceWith(build());
    else this.render();
    this.onChange({ path: base, structural: true });
    this.announce(t("block.converted"), true);
  }

  refreshOutputs() {
    for (const [spec, node] of this.outputs) {
      const lines = spec.compute(this.state).filter((line) => line !== "");
      const box = node.querySelector(".printed-lines");
      box.replaceChildren(...lines.map((line) => Object.assign(document.createElement("span"), { textContent: line })));
      node.hidden = lines.length === 0;
    }
  }

  // ---- events -------------------------------------------------------------------------

  typed(el) {
    if (!el.dataset.path || el.type === "checkbox" || el.tagName === "SELECT") return;
    this.entries.undoNext = false; // Ctrl+Z now belongs to the browser's own text undo
    this.clearNotice(el);
    setAt(this.state, el.dataset.path, this.valueOf(el));
    this.refreshOutputs();
    this.onChange({ path: el.dataset.path, structural: false });
  }

  /** The value of a field for the JSON: numbers as numbers, dates in ISO (as typed if not a date). */
  valueOf(el) {
    if (el.dataset.kind === "quantity") return quantity(el.value);
    if (el.dataset.kind === "date") return parseDate(el.value) ?? el.value;
    if (el.dataset.kind === "rich") return readRich(el);
    return el.value;
  }

  /** A date left: shown the Vietnamese way when it is one, else said why it is not. */
  dateLeft(el) {
    const date = parseDate(el.value);
    if (date !== null) el.value = formatDate(date);
    else if (el.value.trim() !== "") this.notice(el, t("date.invalid", { text: el.value.trim() }));
  }

  chosen(el) {
    if (el.dataset.kind === "date" && el.dataset.path) return this.dateLeft(el);
    if (el.dataset.none) { // "no closing paragraph": false, or back to an empty closing
      setAt(this.state, el.dataset.none, el.checked ? false : "");
      this.render(`path:${el.dataset.none}`);
      el = this.root.querySelector(`[data-none="${el.dataset.none}"]`) ?? el;
      el.focus();
      return this.onChange({ path: el.dataset.none, structural: true });
    }
    if (!el.dataset.path || (el.type !== "checkbox" && el.tagName !== "SELECT")) return;
    const chosenValue = el.dataset.number && el.value !== "" ? Number(el.value) : el.value;
    setAt(this.state, el.dataset.path, el.type === "checkbox" ? el.checked : chosenValue);
    if (el.dataset.rerender) this.render(el.dataset.path);
    else this.refreshOutputs();
    this.onChange({ path: el.dataset.path, structural: Boolean(el.dataset.rerender) });
  }

  clicked(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const { action, target } = button.dataset;
    if (action === "convert") return this.convert(button.dataset.convert, button.closest(".content"));
    if (action === "add" && button.dataset.convert) this.convert(button.dataset.convert, button.closest(".content"));
    if (action === "add") this.entries.add(button.dataset.add, this.shapeOf(button));
    else if (action === "up" || action === "down") this.move(target, action === "up" ? -1 : 1);
    else if (action === "remove") this.entries.remove(target);
    else if (action === "undo") this.entries.undo();
  }

  key(event) {
    const el = event.target;
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      const item = el.closest("[data-item]");
      if (!item) return;
      event.preventDefault();
      this.move(item.dataset.item, event.key === "ArrowUp" ? -1 : 1);
    } else {
      handleKey(this, event);
    }
  }

  // ---- structure ----------------------------------------------------------------------

  /** How entries of a list are made: a string, or an object led by which field. */
  shapeOf(node) {
    const shape = node.dataset.shape;
    if (!shape) return { string: true, lead: null, make: (text) => text };
    if (shape.startsWith("block:")) {
      const kind = shape.slice(6);
      return { string: false, lead: blockLead(kind), make: (text) => newBlock(kind, text) };
    }
    const lead = leadKey(shape);
    return { string: false, lead, make: (text) => (text === "" ? {} : { [lead]: text }) };
  }

  move(itemPath, delta) {
    const focused = this.focusedPath();
    const cut = focused ? focused.indexOf(":") : -1;
    this.entries.move(itemPath, delta, (moved) => // the focus moves with the entry
      cut < 0 ? null : `${focused.slice(0, cut + 1)}${rebase(focused.slice(cut + 1), itemPath, moved)}`);
  }

  /** Redraw only the list (or the part holding it) whose entries changed. */
  changed(listPath, focusPath = null) {
    const button = this.root.querySelector(`[data-add="${listPath}"]`);
    const host = button?.closest(".content, .list-standalone");
    const build = host && this.builders.get(host);
    if (build) {
      host.replaceWith(build());
      if (focusPath) this.focus(focusPath);
    } else {
      this.render(focusPath);
    }
    this.onChange({ path: listPath, structural: true });
  }

  // ---- focus and announcements ---------------------------------------------------------

  focusedPath() {
    const el = document.activeElement;
    if (!el || !this.root.contains(el)) return null;
    if (el.dataset.path) return `path:${el.dataset.path}`;
    if (el.dataset.target) return `${el.dataset.action}:${el.dataset.target}`;
    return el.dataset.add ? `add:${el.dataset.add}` : null;
  }

  focus(key) {
    const cut = key.indexOf(":");
    if (cut < 0) return this.focusField(key);
    const [kind, path] = [key.slice(0, cut), key.slice(cut + 1)];
    const selector = kind === "path" ? `[data-path="${path}"]`
      : kind === "add" ? `[data-add="${path}"]` : `[data-action="${kind}"][data-target="${path}"]`;
    this.root.querySelector(selector)?.focus();
  }

  focusField(path) {
    this.root.querySelector(`[data-path="${path}"]`)?.focus();
  }

  /** The entry's lead field (else its first field), the caret at `caret` (the end if null). */
  focusLead(itemPath, caret = null) {
    const item = this.root.querySelector(`[data-item="${itemPath}"]`);
    const field = item?.querySelector('[data-lead="1"], .table-editor [data-row="-1"]') ?? item?.querySelector("textarea, input, select");
    if (!field) return;
    field.focus();
    if (field.dataset.kind === "rich") placeCaret(field, caret ?? plainOf(readRich(field)).length);
    else if (typeof field.setSelectionRange === "function" && field.type !== "checkbox") {
      const at = caret === null ? field.value.length : Math.max(0, Math.min(caret, field.value.length));
      field.setSelectionRange(at, at);
    }
  }

  focusAdd(listPath) {
    this.root.querySelector(`[data-add="${listPath}"]`)?.focus();
  }

  /** A message by the field (what the form refused), until the officer types there again. */
  notice(el, message) {
    this.clearNotice(el);
    const note = document.createElement("p");
    note.className = "field-note";
    note.id = `${el.id}-note`;
    note.setAttribute("role", "alert");
    note.textContent = message;
    el.after(note);
    el.setAttribute("aria-describedby", [el.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "));
  }

  clearNotice(el) {
    const note = document.getElementById(`${el.id}-note`);
    if (!note) return;
    note.remove();
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== note.id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }

  announce(message, undo = false) {
    if (!this.toastArea) return;
    const text = document.createElement("span");
    text.textContent = message;
    const parts = [text];
    if (undo) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.action = "undo";
      button.textContent = t("undo");
      parts.push(button);
    }
    this.toastArea.replaceChildren(...parts);
  }
}
