// The batch page: check every row on the server, start the batch, follow it, download.
// Plain module, no build; talks to /api/v1/batches only.

const form = document.getElementById("batch-form");
const strings = JSON.parse(document.getElementById("batch-strings").textContent);
const lang = document.documentElement.lang || "vi";
const $ = (id) => document.getElementById(id);
let checkedKey = null; // the Idempotency-Key of the request that was last checked valid

function t(key, values = {}) {
  return (strings[key] || key).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

function headers() {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  const result = { "Accept-Language": lang, Accept: "application/json" };
  if (token) result["X-CSRF-Token"] = token;
  return result;
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function planText() {
  if (document.querySelector('input[name="plan-source"]:checked')?.value === "draft") {
    const response = await fetch(`/api/v1/drafts/${encodeURIComponent($("plan-draft").value)}`, { headers: headers() });
    if (!response.ok) return null;
    return JSON.stringify((await response.json()).data);
  }
  const file = $("plan-file").files[0];
  if (!file) return null;
  const text = await file.text();
  try {
    JSON.parse(text);
  } catch {
    throw new Error(t("bad_plan"));
  }
  return text;
}

async function body() {
  const plan = await planText();
  const table = $("table-file").files[0];
  if (!plan || !table) throw new Error(t("need_files"));
  const data = new FormData();
  data.append("plan", new Blob([plan], { type: "application/json" }), "plan.json");
  data.append("table", table, table.name);
  data.append("formats", $("opt-pdf").checked ? "docx,pdf" : "docx");
  data.append("fields", fieldNames().join(","));
  const options = { cascade: $("opt-cascade").checked, deadline_days_before: Number($("opt-days").value) || 0 };
  data.append("options", JSON.stringify(options));
  return data;
}

function fieldNames() {
  return $("opt-fields").value.split(",").map((name) => name.trim()).filter(Boolean);
}

function spreadsheet() {
  return /\.(xlsx|csv)$/i.test($("table-file").files[0]?.name || "");
}

function describe(path, messages) {
  // A spreadsheet's row errors already say "Dòng 9, cột "Chủ tịch": …" (the server knows
  // its lines and headers); the others are shown after their key.
  const text = messages.join(" ");
  if (path === "table" || (path.startsWith("rows.") && spreadsheet())) return text;
  return `${path}: ${text}`;
}

function showErrors(errors) {
  const box = $("batch-errors");
  box.replaceChildren();
  if (!errors) {
    box.hidden = true;
    return;
  }
  const title = document.createElement("p");
  title.textContent = t("invalid");
  const list = document.createElement("ul");
  for (const [path, messages] of Object.entries(errors)) {
    const item = document.createElement("li");
    item.textContent = describe(path, messages);
    list.append(item);
  }
  box.append(title, list);
  box.hidden = false;
  box.focus();
}

function showRows(rows) {
  const table = $("batch-rows");
  const head = document.createElement("tr");
  for (const name of [t("row"), t("commune")]) {
    const cell = document.createElement("th");
    cell.textContent = name;
    head.append(cell);
  }
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(
    ...rows.map((row) => {
      const line = document.createElement("tr");
      for (const value of [row.line ?? row.row + 1, row.label]) {
        const cell = document.createElement("td");
        cell.textContent = String(value);
        line.append(cell);
      }
      return line;
    }),
  );
  table.hidden = rows.length === 0;
}

async function send(url, key) {
  const extra = key ? { "Idempotency-Key": key } : {};
  const response = await fetch(url, { method: "POST", headers: { ...headers(), ...extra }, body: await body() });
  return { response, data: await response.json() };
}

async function check() {
  $("start-button").disabled = true;
  $("batch-status").textContent = "";
  try {
    const { response, data } = await send(form.dataset.validateUrl);
    if (!response.ok) {
      showRows([]);
      showErrors(data.errors);
      return;
    }
    showErrors(null);
    showRows(data.rows);
    $("batch-status").textContent = t("valid", { n: data.total });
    checkedKey = newKey();
    $("start-button").disabled = false;
  } catch (error) {
    $("batch-status").textContent = error.message;
  }
}

async function start(event) {
  event.preventDefault();
  $("start-button").disabled = true;
  try {
    const { response, data } = await send(form.dataset.createUrl, checkedKey);
    if (!response.ok) {
      showErrors(data.errors);
      return;
    }
    $("batch-progress").hidden = false;
    follow(data.urls.self);
  } catch (error) {
    $("batch-status").textContent = error.message;
  }
}

async function follow(url) {
  let data;
  try {
    const response = await fetch(url, { headers: headers() });
    data = await response.json();
  } catch {
    $("progress-text").textContent = t("network");
    setTimeout(() => follow(url), 3000);
    return;
  }
  $("progress-bar").value = data.progress;
  const eta = data.eta_seconds ? ` — ${t("eta", { s: Math.ceil(data.eta_seconds) })}` : "";
  $("progress-text").textContent = `${t("counts", data)}${eta}`;
  $("progress-failures").replaceChildren(
    ...data.failures.map((failure) => {
      const item = document.createElement("li");
      item.textContent = `${failure.label}: ${failure.message}`;
      return item;
    }),
  );
  if (data.finished_at) {
    const outcome = { done: "finished", partial: "partial", failed: "failed_all" }[data.status] || "finished";
    $("progress-text").textContent = `${t(outcome, data)} ${t("counts", data)}`;
    $("download-zip").href = data.urls.archive;
    $("download-zip").hidden = false;
    if (data.urls.merged_pdf && data.done > 0) {
      $("download-pdf").href = data.urls.merged_pdf;
      $("download-pdf").hidden = false;
    }
    return;
  }
  setTimeout(() => follow(url), 1000);
}

async function downloadTemplate() {
  $("batch-status").textContent = "";
  try {
    const plan = await planText();
    if (!plan) throw new Error(t("need_plan"));
    const communes = $("template-communes").value.split("\n").map((line) => line.trim()).filter(Boolean);
    const body = JSON.stringify({ plan: JSON.parse(plan), fields: fieldNames(), communes });
    const response = await fetch(form.dataset.templateUrl, {
      method: "POST",
      headers: { ...headers(), "Content-Type": "application/json" },
      body,
    });
    if (!response.ok) {
      showErrors((await response.json()).errors);
      return;
    }
    showErrors(null);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = "Mẫu danh sách xã.xlsx";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    $("batch-status").textContent = t("template_ready");
  } catch (error) {
    $("batch-status").textContent = error.message;
  }
}

$("check-button").addEventListener("click", check);
$("template-button").addEventListener("click", downloadTemplate);
form.addEventListener("submit", start);
for (const id of ["plan-file", "plan-draft", "table-file", "opt-pdf", "opt-cascade", "opt-days", "opt-fields"]) {
  $(id).addEventListener("change", () => {
    $("start-button").disabled = true; // the checked list no longer matches
  });
}
