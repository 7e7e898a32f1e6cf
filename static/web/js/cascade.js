// Start a plan from the level above: pick its draft or upload its JSON, type the lower
// level's header, and get a new draft with the implementing line first in the preamble.

import { call, errorsOf, messageOf, readJsonFile } from "./api.js";
import { showErrors } from "./errors.js";
import { FormView } from "./form.js";
import { t } from "./i18n.js";
import { serialize } from "./contract.js";
import { HEADER } from "./spec.js";

const $ = (selector) => document.querySelector(selector);
const root = $("#header-form");
const summary = $("#error-summary");
const form = new FormView(root, HEADER, { type: "ke_hoach" }, { toast: $("#form-toast") });
form.render();
let uploaded = null;

function header() {
  const { type, number, ...rest } = serialize(form.state);
  return rest;
}

$("#parent-file").addEventListener("change", async (e) => {
  const [file] = e.target.files;
  uploaded = null;
  if (!file) return;
  try {
    uploaded = await readJsonFile(file);
    $("#parent-source-file").checked = true;
    $("#parent-status").textContent = t("cascade.loaded", { name: file.name });
  } catch (error) {
    $("#parent-status").textContent = error.message;
  }
});

$("#cascade-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const fromFile = $("#parent-source-file").checked;
  const body = { header: header() };
  if (fromFile) body.parent = uploaded ?? undefined;
  else body.parent_id = $("#parent-id").value || undefined;
  if (fromFile && !uploaded) {
    showErrors(root, { _schema: [t("cascade.noFile")] }, summary);
    return summary.focus();
  }
  const result = await call("POST", "/api/v1/drafts/cascade", body);
  if (result.ok) return window.location.assign(`/drafts/${result.data.id}`);
  if (result.status === 422) {
    showErrors(root, errorsOf(result.data), summary);
    summary.focus();
  } else {
    $("#page-status").textContent = messageOf(result);
  }
});
