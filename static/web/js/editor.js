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

const $ = (selector) => document.querySelector(selector);
const draft = JSON.parse($("#draft-data").textContent);
const root = $("#plan-form");
const summary = $("#error-summary");
const actionStatus = $("#action-status");
let errorsShown = false;
let recheck = null;

const sync = new DraftSync({
  id: draft.id, revision: draft.revision, status: $("#save-status"),
  getData: () => serialize(form.state, { all: true }), onConflict: () => { $("#conflict").hidden = false; },
});
const local = sync.unsaved(draft.data);
const form = new FormView(root, DOCUMENT, load(local ? local.data : draft.data), {
  onChange, toast: $("#form-toast"), toc: $("#toc-list"),
});
form.render();
if (local) {
  $("#restored").hidden = false;
  sync.revision = local.revision ?? draft.revision; // saved elsewhere since? then a conflict
  sync.changed();
}

function onChange({ path, structural }) {
  sync.changed();
  if (path === "type") $("#doc-kind").textContent = t(`type.${form.state.type}`);
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
$("#overwrite").addEventListener("click", async () => {
  if (await sync.overwrite()) $("#conflict").hidden = true;
});
$("#reload-server").addEventListener("click", () => {
  if (!window.confirm(t("conflict.discard"))) return;
  sync.dropLocal();
  sync.conflict = true; // nothing more to flush: the officer chose the server's version
  window.location.reload();
});
root.addEventListener("submit", (e) => e.preventDefault());
summary.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && e.target === summary) focusField(summary.querySelector("a") ?? summary);
});
window.addEventListener("resize", () => fitPaper($("#preview-panel")));
window.plandoc = { form, sync, serialize, load }; // for the browser tests and the curious
