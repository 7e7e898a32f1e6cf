// The form's building blocks: one labelled field, an entry's move/remove buttons, a live
// "will print" line. Every input carries data-path (its place in the plan JSON), a label
// and, through aria-describedby, its hint (and later its error).

import { formatDate, parseDate } from "./dates.js";
import { label, t } from "./i18n.js";
import { domId } from "./paths.js";
import { richBox } from "./rich.js";

function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function control(spec, id, value, state) {
  if (spec.kind === "flag" || spec.kind === "none") {
    return element("input", { type: "checkbox", id, checked: value === (spec.kind === "flag") });
  }
  if (spec.kind === "choice") {
    const options = spec.options.map(([v, key]) => element("option", { value: v, textContent: t(key) }));
    const current = value ?? "";
    if (!spec.options.some(([v]) => v === current)) {
      options.push(element("option", { value: current, textContent: String(current) })); // keep what was loaded
    }
    const select = element("select", { id }, options);
    select.value = current;
    return select;
  }
  const shown = value === undefined || value === null ? "" : String(value);
  if (spec.kind === "rich") return richBox(id, value);
  if (spec.kind === "date") {
    return element("input", { type: "text", id, value: formatDate(shown), autocomplete: "off", inputMode: "numeric" });
  }
  if (spec.kind === "line" || spec.kind === "quantity") {
    const input = element("input", { type: "text", id, value: shown, autocomplete: "off" });
    if (spec.kind === "quantity") input.inputMode = "decimal";
    return input;
  }
  const area = element("textarea", { id, rows: spec.kind === "area" ? 2 : 1, value: shown });
  area.spellcheck = true;
  return area;
}

/** A labelled input, textarea, select or checkbox bound to `path`. */
export function fieldElement(spec, path, value, state, { list = null, labelText = null } = {}) {
  const none = spec.kind === "none"; // a switch that makes the field `false` ("none at all")
  const id = none ? `${domId(path)}-none` : domId(path);
  const input = control(spec, id, value, state);
  if (none) input.dataset.none = path;
  else Object.assign(input.dataset, { path, kind: spec.kind });
  if (list) input.dataset.list = list;
  if (spec.rerender) input.dataset.rerender = "1";
  if (spec.number) input.dataset.number = "1"; // a choice of numbers: the JSON holds a number
  if (spec.required) input.setAttribute("aria-required", "true");
  const text = labelText ?? label(spec.label, state);
  const caption = element("label", { htmlFor: id, textContent: text });
  if (spec.kind === "rich") { // a contenteditable box: named by its label, focused from it
    caption.id = `${id}-label`;
    input.setAttribute("aria-labelledby", caption.id);
    caption.addEventListener("click", () => input.focus());
  }
  if (spec.required) {
    const mark = element("span", { className: "required", textContent: " *" });
    mark.setAttribute("aria-hidden", "true");
    caption.append(mark);
  }
  const wrap = element("div", { className: `field field-${spec.kind === "none" ? "flag" : spec.kind}` });
  const hintText = spec.hint ? label(spec.hint, state) : "";
  const hint = hintText ? element("p", { className: "hint", id: `${id}-hint`, textContent: hintText }) : null;
  if (hint) input.setAttribute("aria-describedby", hint.id);
  if (spec.kind === "flag" || spec.kind === "none") wrap.append(input, caption);
  else if (spec.kind === "date") wrap.append(caption, datePicker(input));
  else wrap.append(caption, input);
  if (hint) wrap.append(hint);
  return wrap;
}

/** The date's text box with a calendar button; the calendar writes dd/mm/yyyy into the box. */
function datePicker(input) {
  const calendar = element("input", { type: "date", tabIndex: -1, className: "date-native" });
  calendar.setAttribute("aria-hidden", "true");
  const button = element("button", { type: "button", className: "date-pick", textContent: "📅", title: t("date.pick") });
  button.setAttribute("aria-label", t("date.pick"));
  button.addEventListener("click", () => {
    const value = parseDate(input.value);
    calendar.value = value && value.length === 10 ? value : "";
    try {
      calendar.showPicker();
    } catch {
      calendar.focus(); // a browser without showPicker: its own date box takes the keys
    }
  });
  calendar.addEventListener("change", () => {
    if (!calendar.value) return;
    input.value = formatDate(calendar.value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.focus();
  });
  return element("div", { className: "date-box" }, [input, button, calendar]);
}

/** Move up, move down and remove buttons of one entry. */
export function itemTools(path, name, index, count) {
  const buttons = [
    ["up", "↑", t("move.up", { item: name }), index === 0],
    ["down", "↓", t("move.down", { item: name }), index === count - 1],
    ["remove", "✕", t("remove", { item: name }), false],
  ].map(([action, symbol, text, disabled]) => {
    const button = element("button", { type: "button", className: `tool tool-${action}`, textContent: symbol, title: text });
    Object.assign(button.dataset, { action, target: path });
    button.setAttribute("aria-label", text);
    if (disabled) button.setAttribute("aria-disabled", "true");
    return button;
  });
  return element("div", { className: "item-tools" }, buttons);
}

/** A "will print" box; `refreshOutputs` fills its lines as the officer types. */
export function outputElement(spec, caption) {
  const node = element("div", { className: "printed", id: spec.id }, [
    element("span", { className: "printed-label", textContent: caption || t("printed") }),
    element("span", { className: "printed-lines" }),
  ]);
  if (spec.live) node.setAttribute("aria-live", "polite");
  return node;
}
