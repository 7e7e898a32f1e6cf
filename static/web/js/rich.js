// Rich text (contract v1.1 §1): a paragraph typed with bold, italic and underline words and
// footnotes at the cursor, kept as spans — `[{"text": "...", "bold": true}, "plain",
// {"footnote": "..."}]`, or a plain string when nothing is marked. The field is a
// contenteditable box whose text is only ever written through text nodes (user text is data).

const MARKS = { B: "bold", STRONG: "bold", I: "italic", EM: "italic", U: "underline" };
const TAGS = { bold: "b", italic: "i", underline: "u" };

/** A rich value as a list of spans (a string becomes one span). */
export function spansOf(value) {
  if (Array.isArray(value)) return value.filter((s) => s !== "" && s !== null && s !== undefined);
  return value === null || value === undefined || value === "" ? [] : [String(value)];
}

function marksOf(span) {
  return typeof span === "string" ? {} : Object.fromEntries(["bold", "italic", "underline"].filter((m) => span[m]).map((m) => [m, true]));
}

function textOf(span) {
  return typeof span === "string" ? span : "footnote" in span ? "" : span.text ?? "";
}

function withText(span, text) {
  const marks = marksOf(span);
  return Object.keys(marks).length ? { text, ...marks } : text;
}

/** Spans merged where their marks agree; a plain string when nothing is marked. */
export function normalize(spans) {
  const out = [];
  for (const span of spansOf(spans)) {
    if (typeof span !== "string" && "footnote" in span) {
      out.push(span);
      continue;
    }
    if (textOf(span) === "") continue;
    const last = out[out.length - 1];
    if (last !== undefined && !(typeof last === "object" && "footnote" in last) && JSON.stringify(marksOf(last)) === JSON.stringify(marksOf(span))) {
      out[out.length - 1] = withText(span, textOf(last) + textOf(span));
    } else {
      out.push(withText(span, textOf(span)));
    }
  }
  if (out.length === 0) return "";
  return out.every((s) => typeof s === "string") ? out.join("") : out;
}

/** The plain text of a rich value (footnotes left out). */
export function plainOf(value) {
  return spansOf(value).map(textOf).join("");
}

/** The part of a rich value between two offsets of its plain text (footnotes go with the
 *  text before them). */
export function sliceRich(value, from, to = Infinity) {
  const out = [];
  let at = 0;
  for (const span of spansOf(value)) {
    const text = textOf(span);
    if (typeof span === "object" && "footnote" in span) {
      if (at > from && at <= to) out.push(span);
      continue;
    }
    const start = Math.max(from, at) - at;
    const end = Math.min(to, at + text.length) - at;
    if (end > start) out.push(withText(span, text.slice(start, end)));
    at += text.length;
  }
  return normalize(out);
}

/** Rich values one after the other. */
export function joinRich(...values) {
  return normalize(values.flatMap(spansOf));
}

// ---- the field ----------------------------------------------------------------------------

function footnoteChip(note) {
  const chip = document.createElement("span");
  chip.className = "footnote-chip";
  chip.contentEditable = "false";
  chip.dataset.footnote = JSON.stringify(note);
  const mark = document.createElement("sup");
  mark.textContent = "*";
  const text = document.createElement("span");
  text.className = "footnote-text";
  text.textContent = plainOf(note);
  chip.append(mark, text);
  return chip;
}

/** Draw `value` into the box. */
export function drawRich(box, value) {
  box.replaceChildren(...spansOf(value).map((span) => {
    if (typeof span === "object" && "footnote" in span) return footnoteChip(span.footnote);
    let node = document.createTextNode(textOf(span));
    for (const [mark, tag] of Object.entries(TAGS)) {
      if (typeof span === "object" && span[mark]) {
        const wrap = document.createElement(tag);
        wrap.append(node);
        node = wrap;
      }
    }
    return node;
  }));
}

/** The box's value, read back from what the officer typed and marked. */
export function readRich(box) {
  const spans = [];
  const walk = (node, marks) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) spans.push({ text: child.data.replace(/\n/g, " "), ...marks });
      else if (child.dataset?.footnote !== undefined) spans.push({ footnote: JSON.parse(child.dataset.footnote) });
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const mark = MARKS[child.tagName];
        walk(child, mark ? { ...marks, [mark]: true } : marks);
      }
    }
  };
  walk(box, {});
  return normalize(spans.map((s) => ("footnote" in s || Object.keys(s).length > 1 ? s : s.text)));
}

/** The plain-text offset of a DOM position inside the box (footnotes count for nothing). */
export function offsetIn(box, node, offset) {
  const range = document.createRange();
  range.setStart(box, 0);
  range.setEnd(node, offset);
  const part = range.cloneContents();
  part.querySelectorAll("[data-footnote]").forEach((chip) => chip.remove());
  return part.textContent.length;
}

/** The selection inside the box as plain-text offsets, or its end when it is elsewhere. */
export function selectionIn(box) {
  const selection = window.getSelection();
  if (!selection.rangeCount || !box.contains(selection.anchorNode)) {
    const end = plainOf(readRich(box)).length;
    return { start: end, end };
  }
  const range = selection.getRangeAt(0);
  return { start: offsetIn(box, range.startContainer, range.startOffset), end: offsetIn(box, range.endContainer, range.endOffset) };
}

/** Put the caret at a plain-text offset of the box. */
export function placeCaret(box, offset) {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest("[data-footnote]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let left = offset;
  let node = walker.nextNode();
  const range = document.createRange();
  range.setStart(box, box.childNodes.length);
  while (node) {
    if (left <= node.data.length) {
      range.setStart(node, left);
      break;
    }
    left -= node.data.length;
    node = walker.nextNode();
  }
  range.collapse(true);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A footnote at the caret (or after the selection) of the box. */
export function insertFootnote(box, range, note) {
  const chip = footnoteChip(note);
  const at = range && box.contains(range.endContainer) ? range.cloneRange() : null;
  if (at) {
    at.collapse(false);
    at.insertNode(chip);
  } else {
    box.append(chip);
  }
  const after = document.createRange();
  after.setStartAfter(chip);
  after.collapse(true);
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(after);
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

/** The box for a rich field: `value` reads and writes its plain text, as an input's would. */
export function richBox(id, value) {
  const box = document.createElement("div");
  Object.assign(box, { id, contentEditable: "true", className: "rich", spellcheck: true });
  box.setAttribute("role", "textbox");
  box.tabIndex = 0;
  drawRich(box, value);
  Object.defineProperty(box, "value", {
    get: () => plainOf(readRich(box)),
    set: (text) => drawRich(box, String(text)),
  });
  return box;
}
