// Typing and pasting as officers do. In an entry of a list, Enter starts the next entry
// (text after the caret goes with it); Shift+Enter is a line break where the field may hold
// several lines (titles, names) and Enter elsewhere. A paste of several lines into an entry
// makes one entry per line, without the dashes and numbers the renderer adds itself. Text
// the form cannot hold is refused with a message, never changed behind the officer's back.

import { t } from "./i18n.js";
import { parseForeignHtml } from "./grid.js";
import { readRich, selectionIn, sliceRich } from "./rich.js";
import { pasteIntoTable } from "./tables.js";

const TEXT_FIELDS = 'textarea, input[type="text"], .rich';
// A label at a line's start that the renderer prints itself: - + • 1. 2.1. 1) a) (a) IV.
const LABEL = /^[ \t\u00a0]*(?:[-–—+•·▪◦●○*]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zđ]\)|[IVXLC]{1,6}[.)])[ \t\u00a0]+/iu;
const LINE_BREAKS = /\r\n|[\n\r\v\f\u2028\u2029]/;
// Besides line breaks and tabs, what the service refuses (schemas/fields.py: controls, surrogates).
const UNPRINTABLE = /[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]/u;

/** A line without the dash, number or letter the officer pasted in front of it. */
export function stripLabel(line) {
  const match = LABEL.exec(line);
  return match && match[0].length < line.length ? line.slice(match[0].length) : line;
}

/** The text of a paste: text/plain, else the paragraphs of its HTML (as Word puts it). */
export function pastedText(data) {
  const plain = data.getData("text/plain");
  if (plain) return plain;
  const html = data.getData("text/html");
  if (!html) return "";
  const doc = parseForeignHtml(html); // parsed inert, never shown
  const blocks = doc.body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, tr, div:not(:has(p, li, div, tr))");
  if (!blocks.length) return doc.body.textContent || "";
  return [...blocks].map((b) => (b.matches("tr") ? [...b.cells].map((c) => c.textContent.trim()).join("\t") : b.textContent)).join("\n");
}

/** The pasted text as entries: one per non-blank line, labels off; what was changed. */
export function pastedEntries(text) {
  const notes = new Set();
  const lines = [];
  for (const raw of text.split(LINE_BREAKS)) {
    if (raw.trim() === "") continue;
    const line = stripLabel(raw);
    if (line !== raw) notes.add("paste.labels");
    if (line.includes("\t")) notes.add("paste.tabs");
    lines.push(line.replace(/\t+/g, " "));
  }
  return { lines, notes: [...notes] };
}

function entryOf(view, el) {
  const item = el.closest("[data-item]");
  return item && view.root.contains(item) ? item : null;
}

/** Enter, Shift+Enter and Ctrl+Z in the form; true when the form handled the key. */
export function handleKey(view, event) {
  const el = event.target;
  const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "z";
  if (undoKey && view.entries.undoNext) {
    event.preventDefault();
    view.entries.undo();
    return true;
  }
  if (event.key !== "Enter" || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return false;
  if (!el.matches?.(TEXT_FIELDS) || !el.dataset.path) return false;
  if (el.closest(".table-editor")) return false; // in a cell Enter starts a paragraph of the cell
  const multiline = el.dataset.kind === "area";
  if (event.shiftKey && multiline) return false; // a line break in a field that may hold several
  const item = entryOf(view, el);
  if (item) {
    event.preventDefault();
    const caret = el.dataset.kind === "rich" ? selectionIn(el).end
      : el.selectionDirection === "backward" ? el.selectionStart : el.selectionEnd;
    view.entries.split(item.dataset.item, view.shapeOf(item), caret ?? el.value.length, el.dataset.lead === "1");
    return true;
  }
  if (multiline) return false; // the name and title fields: Enter is a line break, as documented
  if (el.tagName === "TEXTAREA" || el.dataset.kind === "rich") {
    event.preventDefault(); // one paragraph: nothing to start, so say so instead of ignoring it
    view.notice(el, t("enter.oneParagraph"));
    return true;
  }
  return false;
}

/** A paste into the form: split into entries, refused, or left to the browser. */
export function handlePaste(view, event) {
  const el = event.target;
  if (!el.matches?.(TEXT_FIELDS) || !el.dataset.path || !event.clipboardData) return;
  if (el.closest(".table-editor")) return pasteIntoTable(view, event);
  const text = pastedText(event.clipboardData);
  const bad = UNPRINTABLE.exec(text);
  if (bad) {
    event.preventDefault();
    view.notice(el, t("paste.unprintable", { code: `U+${bad[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}` }));
    return;
  }
  const item = entryOf(view, el);
  const several = text.split(LINE_BREAKS).filter((line) => line.trim() !== "").length > 1;
  if (item && el.dataset.lead === "1") {
    const { lines, notes } = pastedEntries(text);
    if (!lines.length || (!several && !notes.length)) return plainPaste(el, event, text); // one plain line
    const { before, after } = around(el);
    if (!several) {
      // inside a sentence a "1." is the officer's own text
      if (el.value.slice(0, caretOf(el)).trim() !== "") return plainPaste(el, event, text);
      event.preventDefault();
      document.execCommand("insertText", false, lines[0]); // the browser's own undo keeps it
      view.announce(notes.map((key) => t(key)).join(" "));
      return;
    }
    event.preventDefault();
    const count = view.entries.paste(item.dataset.item, view.shapeOf(item), lines, before, after);
    view.announce([t("paste.entries", { n: count }), ...notes.map((key) => t(key))].join(" "), true);
    return;
  }
  if (several && el.dataset.kind !== "area") {
    event.preventDefault(); // an input would drop the line breaks silently; a paragraph cannot hold them
    view.notice(el, t("paste.oneLine", { n: text.split(LINE_BREAKS).filter((l) => l.trim()).length }));
    return;
  }
  plainPaste(el, event, text);
}

/** Into a rich box only text goes: never another program's HTML. */
function plainPaste(el, event, text) {
  if (el.dataset.kind !== "rich") return;
  event.preventDefault();
  document.execCommand("insertText", false, text);
}

function caretOf(el) {
  return el.dataset.kind === "rich" ? selectionIn(el).start : el.selectionStart;
}

/** The field's text before and after the selection (spans in a rich box). */
function around(el) {
  if (el.dataset.kind !== "rich") return { before: el.value.slice(0, el.selectionStart), after: el.value.slice(el.selectionEnd) };
  const value = readRich(el);
  const { start, end } = selectionIn(el);
  return { before: sliceRich(value, 0, start), after: sliceRich(value, end) };
}
