// The editor page: the form of one draft, autosaved, checked by the server's schemas,
// previewed and downloaded.

import { call, download, errorsOf, messageOf, readJsonFile } from "./api.js";
import { load, serialize } from "./contract.js";
import { clearErrors, showErrors, focusField } from "./errors.js";
import { FormView } from "./form.js";
import { t } from "./i18n.js";
import { fitPaper, showPages, showPreview, downloadDocument } from "./preview.js";
import { DOCUMENT } from "./spec.js";
import { DraftSync } from "./sync.js";
import { chooseVersion } from "./versions.js";
import { DOCUMENT_TYPES } from "./kinds.js";
import { Formatting } from "./format.js";

const $ = (selector) => document.querySelector(selector);
const draft = JSON.parse($("#draft-data").textContent);
const root = $("#plan-form");
const summary = $("#error-summary");
const actionStatus = $("#action-status");
let errorsShown = false;
let recheck = null;

const sync = new DraftSync({
  id: draft.id, revision: draft.revision, status: $("#save-status"),
  getData: () => serialize(form.state, { all: true }),
  getName: () => $("#draft-name").value.trim() || undefined,
  onConflict: () => savedElsewhere(),
  onCreated: (made) => {
    Object.assign(draft, { id: made.id, revision: made.revision });
    window.history.replaceState(null, "", `/drafts/${made.id}`);
  },
});
const local = draft.id ? sync.unsaved(draft.data) : null;
const basedOnSaved = local !== null && local.revision === draft.revision;
const form = new FormView(root, DOCUMENT, load(basedOnSaved ? local.data : draft.data), {
  onChange, toast: $("#form-toast"), toc: $("#toc-list"),
});
form.render();
if (basedOnSaved) {
  $("#restored").hidden = false; // typed here after the saved version: this copy is the newer
  sync.changed();
} else if (local) {
  olderBase(local);
}

/** This browser's copy was typed over an older revision: both are shown, the officer picks. */
async function olderBase(copy) {
  const savedAt = Date.parse(draft.updated_at);
  const newer = Number(copy.at) > savedAt ? "mine" : "saved";
  if (newer === "mine") form.setState(load(copy.data));
  const choice = await chooseVersion($("#versions"), root, {
    saved: { data: draft.data, at: draft.updated_at }, mine: { data: copy.data, at: copy.at }, newer,
  });
  if (choice === "mine") {
    if (newer !== "mine") form.setState(load(copy.data));
    sync.revision = draft.revision; // the officer chose it, seeing both
    sync.changed();
  } else {
    if (newer === "mine") form.setState(load(draft.data));
    sync.dropLocal();
  }
  actionStatus.textContent = t(choice === "mine" ? "versions.keptMine" : "versions.keptSaved");
}

/** A save was refused (409): someone saved in between. Both are shown; the saved one is kept
 *  unless the officer chooses theirs. */
async function savedElsewhere() {
  const result = await call("GET", `/api/v1/drafts/${sync.id}`);
  if (!result.ok) {
    $("#save-status").textContent = messageOf(result);
    return;
  }
  const mine = serialize(form.state, { all: true });
  const choice = await chooseVersion($("#versions"), root, {
    saved: { data: result.data.data, at: result.data.updated_at }, mine: { data: mine, at: Date.now() }, newer: "saved",
  });
  if (choice === "mine") {
    sync.adopt(result.data.revision, { keepMine: true });
    await sync.save();
  } else {
    form.setState(load(result.data.data));
    clearErrors(root, summary);
    sync.adopt(result.data.revision, { keepMine: false });
  }
  actionStatus.textContent = t(choice === "mine" ? "versions.keptMine" : "versions.keptSaved");
}

function onChange({ path, structural }) {
  sync.changed();
  if (path === "type") $("#doc-kind").textContent = DOCUMENT_TYPES.find((k) => k.type === form.state.type)?.name ?? "";
  if (structural && errorsShown) clearErrors(root, summary);
  if (errorsShown) {
    clearTimeout(recheck);
    recheck = setTimeout(() => validate({ quiet: true }), 1200);
  }
}

function showServerErrors(errors, { quiet = false } = {}) {
  errorsShown = true;
  showErrors(root, errors, summary);
  if (!quiet) summary.focus();
}

async function validate({ quiet = false } = {}) {
  const result = await call("POST", "/api/v1/documents/validate", serialize(form.state));
  if (result.ok) {
    clearErrors(root, summary);
    errorsShown = false;
    if (!quiet) actionStatus.textContent = t("check.ok");
    return true;
  }
  if (result.status === 422) showServerErrors(errorsOf(result.data), { quiet });
  else actionStatus.textContent = messageOf(result);
  return false;
}

async function preview(kind) {
  const panel = $("#preview-panel");
  const shown = kind === "pdf"
    ? await showPages(panel, serialize(form.state), showServerErrors)
    : await showPreview(panel, serialize(form.state), showServerErrors);
  if (shown) {
    clearErrors(root, summary);
    errorsShown = false;
  }
}

async function importFile(input) {
  const [file] = input.files;
  input.value = "";
  if (!file) return;
  try {
    const data = await readJsonFile(file);
    if (!window.confirm(t("import.replace"))) return;
    form.setState(load(data));
    clearErrors(root, summary);
    sync.changed();
    actionStatus.textContent = t("import.done", { name: file.name });
  } catch (error) {
    actionStatus.textContent = error.message;
  }
}

async function rename(event) {
  event.preventDefault();
  const name = $("#draft-name").value;
  if (!(await sync.created())) return; // a new document: its draft is made first
  const result = await call("PATCH", `/api/v1/drafts/${draft.id}`, { name });
  actionStatus.textContent = result.ok ? t("rename.done") : messageOf(result);
  if (result.ok) {
    document.title = `${result.data.name} – ${t("app.name")}`;
    $("#doc-heading").textContent = result.data.name;
  }
}

$("#check").addEventListener("click", () => validate());
$("#show-preview").addEventListener("click", () => {
  $("#preview-title").scrollIntoView({ block: "start" });
  preview("html");
});
$("#refresh-preview").addEventListener("click", () => preview("html"));
$("#show-pages")?.addEventListener("click", () => preview("pdf"));
$("#download-docx").addEventListener("click", () => downloadDocument(serialize(form.state), "docx", showServerErrors, actionStatus));
$("#download-pdf")?.addEventListener("click", () => downloadDocument(serialize(form.state), "pdf", showServerErrors, actionStatus));
$("#export-json").addEventListener("click", () => {
  const text = `${JSON.stringify(serialize(form.state), null, 2)}\n`;
  download(new Blob([text], { type: "application/json" }), `${$("#draft-name").value || "plan"}.json`);
});
$("#import-json").addEventListener("change", (e) => importFile(e.target));
$("#rename-form").addEventListener("submit", rename);
$("#save-now").addEventListener("click", () => sync.save());
$("#versions-download").addEventListener("click", () => {
  const text = `${JSON.stringify(serialize(form.state, { all: true }), null, 2)}\n`;
  download(new Blob([text], { type: "application/json" }), `${$("#draft-name").value || "plan"}.json`);
});
root.addEventListener("submit", (e) => e.preventDefault());
summary.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && e.target === summary) focusField(summary.querySelector("a") ?? summary);
});
window.addEventListener("resize", () => fitPaper($("#preview-panel")));
const flash = sessionStorage.getItem("plandoc.flash");
if (flash) {
  sessionStorage.removeItem("plandoc.flash");
  actionStatus.textContent = flash;
}
new Formatting(root, $("#format-bar"), $("#footnote-dialog"));
window.plandoc = { form, sync, serialize, load }; // for the browser tests and the curious
