// Start a plan from the level above: pick its draft or upload its JSON, type the lower
// level's header, and get a new draft with the implementing line first in the preamble.
// The parent prefills what usually carries over (abbreviation, year, signing mode) and its
// report deadlines, moved earlier by a chosen number of days; nothing typed is replaced.

import { call, errorsOf, messageOf, readJsonFile } from "./api.js";
import { formatDate, parseDate } from "./dates.js";
import { showErrors } from "./errors.js";
import { FormView } from "./form.js";
import { t } from "./i18n.js";
import { serialize } from "./contract.js";
import { getAt, setAt } from "./paths.js";
import { HEADER } from "./spec.js";

const $ = (selector) => document.querySelector(selector);
const root = $("#header-form");
const summary = $("#error-summary");
const form = new FormView(root, HEADER, { type: "ke_hoach" }, { toast: $("#form-toast") });
form.render();
let uploaded = null;
let parent = null; // the chosen parent plan's JSON
const prefilled = {}; // path -> the value the parent put there (replaced only while untouched)

function header() {
  const { type, number, ...rest } = serialize(form.state);
  return rest;
}

/** What the parent carries over to the lower level's header. */
function carried(plan) {
  const year = parseDate(plan.date)?.slice(0, 4) ?? "";
  const mode = plan.signer?.mode ?? "";
  return {
    "issuer.abbreviation": plan.issuer?.abbreviation ?? "",
    date: year,
    "signer.mode": mode,
    "signer.head": ["KT", "TL", "TUQ"].includes(mode) ? plan.signer?.head ?? "" : "",
  };
}

function prefill(plan) {
  parent = plan;
  const filled = [];
  for (const [path, value] of Object.entries(carried(plan))) {
    const current = getAt(form.state, path) ?? "";
    if (current !== "" && current !== prefilled[path]) continue; // typed by the officer: kept
    setAt(form.state, path, value);
    prefilled[path] = value;
    if (value) filled.push(value);
  }
  form.render();
  $("#prefill-status").textContent = filled.length ? t("cascade.prefilled", { values: filled.map(formatDate).join(", ") }) : "";
  showDeadlines();
}

function daysEarlier() {
  const days = Number($("#days-earlier").value.trim() || "0");
  return Number.isInteger(days) && days >= 0 && days <= 366 ? days : null;
}

/** The parent's deadlines, each complete date moved `days` earlier. */
function shifted(days) {
  return (parent?.reporting?.deadlines ?? []).map((deadline) => {
    const due = parseDate(deadline?.due);
    if (!due || due.length !== 10 || !days) return deadline;
    const moved = new Date(`${due}T00:00:00Z`);
    moved.setUTCDate(moved.getUTCDate() - days);
    return { ...deadline, due: moved.toISOString().slice(0, 10) };
  });
}

function showDeadlines() {
  const list = $("#shifted-deadlines");
  const days = daysEarlier();
  if (days === null) {
    list.replaceChildren(Object.assign(document.createElement("li"), { className: "field-note", textContent: t("cascade.days") }));
    return;
  }
  const before = parent?.reporting?.deadlines ?? [];
  list.replaceChildren(...shifted(days).map((deadline, i) => {
    const item = document.createElement("li");
    const from = formatDate(before[i]?.due ?? "");
    const to = formatDate(deadline.due ?? "");
    item.textContent = `${deadline.report ?? ""}: ${from === to ? to : `${from} → ${to}`}`;
    return item;
  }));
  if (!before.length && parent) list.replaceChildren(Object.assign(document.createElement("li"), { textContent: t("cascade.noDeadlines") }));
}

async function loadDraft(id) {
  if (!id) return;
  const result = await call("GET", `/api/v1/drafts/${id}`);
  if (result.ok) prefill(result.data.data);
  else $("#prefill-status").textContent = messageOf(result);
}

/** The new draft's deadlines moved earlier (the server copied the parent's as they were). */
async function moveDeadlines(made) {
  const days = daysEarlier();
  if (!days || !parent?.reporting?.deadlines?.length) return true;
  const saved = await call("GET", `/api/v1/drafts/${made.id}`);
  if (!saved.ok) return false;
  const data = saved.data.data;
  data.reporting = { ...data.reporting, deadlines: shifted(days) };
  return (await call("PUT", `/api/v1/drafts/${made.id}`, { data, revision: saved.data.revision })).ok;
}

$("#parent-id").addEventListener("change", (e) => {
  $("#parent-source-draft").checked = true;
  loadDraft(e.target.value);
});
$("#parent-source-draft").addEventListener("change", () => loadDraft($("#parent-id").value));
$("#days-earlier").addEventListener("input", showDeadlines);

$("#parent-file").addEventListener("change", async (e) => {
  const [file] = e.target.files;
  uploaded = null;
  if (!file) return;
  try {
    uploaded = await readJsonFile(file);
    $("#parent-source-file").checked = true;
    $("#parent-status").textContent = t("cascade.loaded", { name: file.name });
    prefill(uploaded);
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
  if (daysEarlier() === null) return $("#days-earlier").focus();
  const result = await call("POST", "/api/v1/drafts/cascade", body);
  if (result.ok) {
    if (!(await moveDeadlines(result.data))) sessionStorage.setItem("plandoc.flash", t("cascade.deadlinesKept"));
    return window.location.assign(`/drafts/${result.data.id}`);
  }
  if (result.status === 422) {
    showErrors(root, errorsOf(result.data), summary);
    summary.focus();
  } else {
    $("#page-status").textContent = messageOf(result);
  }
});

if ($("#parent-source-draft").checked) loadDraft($("#parent-id").value);
