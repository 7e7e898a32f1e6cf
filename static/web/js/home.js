// The drafts page: import JSON, rename, duplicate, delete (new documents are plain links:
// their draft is made by the first change in the form).

import { call, messageOf, readJsonFile } from "./api.js";
import { t } from "./i18n.js";

const status = document.querySelector("#page-status");
const FLASH = "plandoc.flash";

function open(id) {
  window.location.assign(`/drafts/${id}`);
}

function reloadWith(message) {
  sessionStorage.setItem(FLASH, message);
  window.location.reload();
}

async function importFile(input) {
  const [file] = input.files;
  input.value = "";
  if (!file) return;
  try {
    const data = await readJsonFile(file);
    const name = file.name.replace(/\.json$/i, "") || undefined;
    const result = await call("POST", "/api/v1/drafts", { name, data });
    if (result.ok) open(result.data.id);
    else status.textContent = messageOf(result);
  } catch (error) {
    status.textContent = error.message;
  }
}

async function act(button) {
  const row = button.closest("[data-draft]");
  const { draft: id, name } = row.dataset;
  const action = button.dataset.action;
  if (action === "rename") {
    row.querySelector(".rename-form").hidden = false;
    row.querySelector(".rename-form input").focus();
  } else if (action === "duplicate") {
    const result = await call("POST", `/api/v1/drafts/${id}/duplicate`, { name: t("name.copy", { name }) });
    if (result.ok) reloadWith(t("duplicate.done", { name: result.data.name }));
    else status.textContent = messageOf(result);
  } else if (action === "delete") {
    if (!window.confirm(t("delete.confirm", { name }))) return;
    const result = await call("DELETE", `/api/v1/drafts/${id}`, undefined, { ifMatch: "*" });
    if (result.ok) reloadWith(t("delete.done", { name }));
    else status.textContent = messageOf(result);
  }
}

async function rename(form) {
  const row = form.closest("[data-draft]");
  const result = await call("PATCH", `/api/v1/drafts/${row.dataset.draft}`, { name: form.elements.name.value });
  if (result.ok) reloadWith(t("rename.done"));
  else status.textContent = messageOf(result);
}

document.querySelector("#import-json").addEventListener("change", (e) => importFile(e.target));
document.querySelector("#drafts")?.addEventListener("click", (e) => {
  const button = e.target.closest("button[data-action]");
  if (button) act(button);
});
document.querySelector("#drafts")?.addEventListener("submit", (e) => {
  e.preventDefault();
  rename(e.target);
});
const flash = sessionStorage.getItem(FLASH);
if (flash) {
  sessionStorage.removeItem(FLASH);
  status.textContent = flash;
}
