// Validation errors from the server, shown where they belong: each message right after
// its field (found by the dotted path), tied to it by aria-describedby and aria-invalid,
// and listed in a summary that screen readers announce.

import { t } from "./i18n.js";

const FIELDS = "input, textarea, select, .rich";

/** The element an error path points at: the field itself, else the nearest container. */
export function findTarget(root, path) {
  let current = path;
  while (current) {
    const field = root.querySelector(`[data-path="${current}"]`);
    if (field) return field;
    const box = root.querySelector(`[data-container="${current}"]`);
    if (box) return box.querySelector(`[data-path="${current}.text"], [data-path^="${current}."]`) || box;
    current = current.includes(".") ? current.slice(0, current.lastIndexOf(".")) : "";
  }
  return null;
}

/** Remove every shown error. */
export function clearErrors(root, summary) {
  root.querySelectorAll(".field-error").forEach((node) => node.remove());
  root.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  root.querySelectorAll("[data-error-for]").forEach((node) => {
    const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== node.dataset.errorFor);
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
    delete node.dataset.errorFor;
  });
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

function nameOf(target) {
  if (target.matches(FIELDS)) return document.querySelector(`label[for="${target.id}"]`)?.textContent.replace(/\s*\*$/, "") || "";
  return target.querySelector("legend")?.textContent || "";
}

function attach(target, id, messages) {
  const note = document.createElement("p");
  note.className = "field-error";
  note.id = id;
  note.textContent = messages.join(" ");
  if (target.matches(FIELDS)) {
    target.setAttribute("aria-invalid", "true");
    target.after(note);
  } else {
    const legend = target.querySelector(":scope > legend");
    if (legend) legend.after(note);
    else target.prepend(note);
  }
  const describedBy = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  target.setAttribute("aria-describedby", [...describedBy, id].join(" "));
  target.dataset.errorFor = id;
}

/** Show `errors` ({path: [messages]}) next to their fields and in the summary. */
export function showErrors(root, errors, summary) {
  clearErrors(root, summary);
  const entries = [];
  Object.entries(errors).forEach(([path, messages], n) => {
    const target = path === "_schema" ? null : findTarget(root, path);
    let id = null;
    if (target) {
      id = `error-${n}`;
      attach(target, id, messages);
    }
    entries.push({ target, messages, path });
  });
  entries.sort(inFormOrder);
  if (summary) fillSummary(summary, entries);
  return entries;
}

/** Errors without a field first, then as the fields come in the form (not as the server sent them). */
function inFormOrder(a, b) {
  if (!a.target || !b.target) return (a.target ? 1 : 0) - (b.target ? 1 : 0);
  if (a.target === b.target) return 0;
  return a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function fillSummary(summary, entries) {
  const title = document.createElement("h2");
  title.textContent = t("errors.title", { count: entries.length });
  const list = document.createElement("ul");
  for (const { target, messages } of entries) {
    const item = document.createElement("li");
    const text = `${target ? `${nameOf(target)}: ` : ""}${messages.join(" ")}`;
    if (target) {
      const link = document.createElement("a");
      link.href = `#${target.id || ""}`;
      link.textContent = text;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        focusField(target);
      });
      item.append(link);
    } else {
      item.textContent = text;
    }
    list.append(item);
  }
  summary.replaceChildren(title, list);
  summary.hidden = false;
}

/** Scroll to a field and focus it (a container: its first field or add button). */
export function focusField(target) {
  const focusable = target.matches(FIELDS) ? target : target.querySelector(`${FIELDS}, button`);
  (focusable || target).scrollIntoView({ block: "center" });
  focusable?.focus({ preventScroll: true });
}
