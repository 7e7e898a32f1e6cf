// Two versions of one draft side by side (the one saved on the server and the one in this
// browser), so the officer chooses which to keep: newer work is never overwritten silently.

import { t } from "./i18n.js";

const SHOWN = 60; // rows of differences listed; the rest are counted

/** `{path: text}` of every leaf of a plan JSON. */
function leaves(value, path = "", out = {}) {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => leaves(v, path ? `${path}.${k}` : k, out));
  else if (value !== null && value !== undefined && value !== "") out[path] = String(value);
  return out;
}

/** The paths whose text differs between two plans, in the order the plans hold them. */
export function differences(a, b) {
  const left = leaves(a);
  const right = leaves(b);
  const paths = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return paths.filter((p) => left[p] !== right[p]).map((p) => ({ path: p, left: left[p] ?? "", right: right[p] ?? "" }));
}

function nameOf(root, path) {
  const field = root.querySelector(`[data-path="${path}"]`);
  const label = field && document.querySelector(`label[for="${field.id}"]`);
  return label ? `${label.textContent.replace(/\s*\*$/, "")} (${path})` : path;
}

function cell(tag, text, props = {}) {
  const node = Object.assign(document.createElement(tag), props);
  node.textContent = text; // the officer's text is data: never HTML
  return node;
}

function when(moment) {
  if (!moment) return "";
  return new Date(moment).toLocaleString(document.documentElement.lang, { dateStyle: "short", timeStyle: "short" });
}

/** Show the dialog; resolves with "saved" or "mine". `newer` names the version kept by default. */
export function chooseVersion(dialog, root, { saved, mine, newer }) {
  const rows = differences(saved.data, mine.data);
  const table = dialog.querySelector("table");
  const body = table.tBodies[0];
  body.replaceChildren(...rows.slice(0, SHOWN).map(({ path, left, right }) => {
    const row = document.createElement("tr");
    row.append(cell("th", nameOf(root, path), { scope: "row" }), cell("td", left || "—"), cell("td", right || "—"));
    return row;
  }));
  dialog.querySelector("#versions-more").textContent = rows.length > SHOWN ? t("versions.more", { n: rows.length - SHOWN }) : "";
  dialog.querySelector("#versions-saved-head").textContent = t("versions.saved", { time: when(saved.at) });
  dialog.querySelector("#versions-mine-head").textContent = t("versions.mine", { time: when(mine.at) });
  dialog.querySelector("#versions-lead").textContent = t(newer === "saved" ? "versions.savedNewer" : "versions.mineNewer");
  const keepSaved = dialog.querySelector("#versions-keep-saved");
  const keepMine = dialog.querySelector("#versions-keep-mine");
  keepSaved.classList.toggle("primary", newer === "saved");
  keepMine.classList.toggle("primary", newer === "mine");
  return new Promise((resolve) => {
    const done = (choice) => {
      dialog.close();
      keepSaved.onclick = keepMine.onclick = dialog.oncancel = null;
      resolve(choice);
    };
    keepSaved.onclick = () => done("saved");
    keepMine.onclick = () => done("mine");
    dialog.oncancel = (event) => event.preventDefault(); // Esc does not choose: one of the two must
    dialog.showModal();
    (newer === "saved" ? keepSaved : keepMine).focus();
  });
}
