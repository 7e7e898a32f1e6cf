// Adding, splitting, pasting, moving and removing list entries, each with its inverse kept
// so Hoàn tác (Ctrl+Z) takes back exactly that change and nothing typed elsewhere.

import { t } from "./i18n.js";
import { getAt, listAt, setAt } from "./paths.js";
import { joinRich, plainOf, sliceRich } from "./rich.js";

// A shape says how a list's entries are made: `make(text)` a new entry holding `text`, and
// `lead`, the path inside an entry where its text is typed (none for a string entry).

function blank(shape, text = "") {
  return shape.make(text);
}

/** The entry's text: a string, or spans (rich text). */
function leadOf(value, shape) {
  const text = shape.string ? value : getAt(value, shape.lead);
  return typeof text === "string" || Array.isArray(text) ? text : "";
}

function withLead(value, shape, text) {
  if (shape.string) return text;
  const entry = value && typeof value === "object" ? structuredClone(value) : shape.make("");
  setAt(entry, shape.lead, text);
  return entry;
}

export class Entries {
  /** `view` redraws a list (`changed`), focuses (`focusLead`) and announces (`announce`). */
  constructor(view) {
    this.view = view;
    this.history = [];
    this.undoNext = false; // Ctrl+Z takes back a change of entries, not the typing after it
  }

  locate(itemPath) {
    const cut = itemPath.lastIndexOf(".");
    const listPath = itemPath.slice(0, cut);
    return { list: listAt(this.view.state, listPath), listPath, index: Number(itemPath.slice(cut + 1)) };
  }

  record(step) {
    this.history.push(step);
    if (this.history.length > 100) this.history.shift();
    this.undoNext = true;
  }

  /** A blank entry at `at` (the end by default), focused. */
  add(listPath, shape, at) {
    const list = listAt(this.view.state, listPath);
    const index = at ?? list.length;
    list.splice(index, 0, blank(shape));
    this.record({ listPath, index, inserted: 1, lead: null });
    this.view.changed(listPath);
    this.view.focusLead(`${listPath}.${index}`, 0);
  }

  /** Enter: the entry is cut at the caret, the rest starts the next entry (cursor in it). */
  split(itemPath, shape, caret, isLead) {
    const { list, listPath, index } = this.locate(itemPath);
    const text = leadOf(list[index], shape);
    const length = plainOf(text).length;
    const cut = isLead ? Math.min(caret, length) : length;
    this.record({ listPath, index: index + 1, inserted: 1, lead: { at: index, text, shape } });
    list[index] = withLead(list[index], shape, sliceRich(text, 0, cut));
    list.splice(index + 1, 0, blank(shape, sliceRich(text, cut)));
    this.view.changed(listPath);
    this.view.focusLead(`${listPath}.${index + 1}`, 0);
  }

  /** Lines pasted into an entry: the first joins the entry at the caret, the others follow.
   *  `before` and `after` are the entry's text around the caret (strings or spans). */
  paste(itemPath, shape, lines, before, after) {
    const { list, listPath, index } = this.locate(itemPath);
    const text = leadOf(list[index], shape);
    const [head, tail] = [plainOf(before).trim(), plainOf(after).trim()];
    let first = index + 1;
    let added = lines;
    let kept = null;
    if (head === "" && tail === "") {
      kept = lines[0];
      added = lines.slice(1);
    } else if (head === "") {
      first = index; // pasted in front of the entry's text: new entries before it
    } else if (tail !== "") {
      kept = joinRich(before, lines[0]);
      added = [...lines.slice(1, -1), joinRich(lines[lines.length - 1], after)];
    }
    this.record({ listPath, index: first, inserted: added.length, lead: kept === null ? null : { at: index, text, shape } });
    if (kept !== null) list[index] = withLead(list[index], shape, kept);
    list.splice(first, 0, ...added.map((line) => blank(shape, line)));
    this.view.changed(listPath);
    const last = added.length ? first + added.length - 1 : index;
    const lastLength = plainOf(leadOf(list[last], shape)).length;
    const moved = tail !== "" && head !== "" ? plainOf(after).length : 0;
    this.view.focusLead(`${listPath}.${last}`, lastLength - moved);
    return added.length + (kept === null ? 0 : 1);
  }

  move(itemPath, delta, follow) {
    const { list, listPath, index } = this.locate(itemPath);
    const to = index + delta;
    if (to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to], list[index]];
    this.record({ listPath, swap: [index, to] });
    this.view.changed(listPath, follow(`${listPath}.${to}`));
    this.view.announce(t("moved", { position: to + 1, count: list.length }));
  }

  remove(itemPath) {
    const { list, listPath, index } = this.locate(itemPath);
    const [value] = list.splice(index, 1);
    this.record({ listPath, index, removed: value });
    this.view.changed(listPath);
    if (list.length) this.view.focusLead(`${listPath}.${Math.min(index, list.length - 1)}`);
    else this.view.focusAdd(listPath);
    this.view.announce(t("removed"), true);
  }

  /** Replace the value at `path` (a part turned into blocks), undoably; `change` does it. */
  reshape(path, change) {
    this.record({ restore: path, value: structuredClone(getAt(this.view.state, path)) });
    change();
  }

  /** Take back the last change of entries. */
  undo() {
    const step = this.history.pop();
    if (!step) return false;
    if (step.restore !== undefined) {
      setAt(this.view.state, step.restore, step.value);
      this.undoNext = this.history.length > 0;
      this.view.render();
      this.view.onChange({ path: step.restore, structural: true });
      this.view.announce(t("restored"));
      return true;
    }
    const list = listAt(this.view.state, step.listPath);
    let focus = step.index;
    if (step.swap) {
      const [a, b] = step.swap;
      [list[a], list[b]] = [list[b], list[a]];
      focus = a;
    } else if ("removed" in step) {
      list.splice(step.index, 0, step.removed);
    } else {
      list.splice(step.index, step.inserted);
      if (step.lead) {
        const { at, text, shape } = step.lead;
        list[at] = withLead(list[at], shape, text);
        focus = step.lead.at;
      } else {
        focus = Math.max(0, step.index - 1);
      }
    }
    this.undoNext = this.history.length > 0;
    this.view.changed(step.listPath);
    if (list.length) this.view.focusLead(`${step.listPath}.${Math.min(focus, list.length - 1)}`);
    else this.view.focusAdd(step.listPath);
    this.view.announce(t("restored"));
    return true;
  }
}
