// The check page: sends the file to POST /api/v1/check and draws the report.

import { lang } from "./i18n.js";

const form = document.getElementById("check-form");
const status = document.getElementById("check-status");
const report = document.getElementById("check-report");

function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content || "";
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content; // user text is data: never innerHTML
  if (className) element.className = className;
  return element;
}

function drawParagraphs(paragraphs, findings) {
  const list = document.getElementById("check-paragraphs");
  list.replaceChildren();
  const flagged = new Map();
  for (const finding of findings) {
    const index = finding.where.paragraph;
    if (index === null || index === undefined) continue;
    flagged.set(index, (flagged.get(index) || 0) + (finding.severity === "error" ? 10 : 1));
  }
  paragraphs.forEach((paragraph, index) => {
    const number = index + 1; // findings number paragraphs from 1, as Word users count
    const item = text("li", paragraph || "\u00a0");
    item.id = `paragraph-${number}`;
    if (flagged.has(number)) item.className = flagged.get(number) >= 10 ? "flag-error" : "flag-warning";
    list.append(item);
  });
}

function drawFindings(data) {
  const labels = report.dataset;
  const list = document.getElementById("check-findings");
  list.replaceChildren();
  for (const finding of data.findings) {
    const item = document.createElement("li");
    item.className = `finding ${finding.severity}`;
    const title = text("p", `${finding.message} `, "finding-title");
    title.append(text("code", finding.rule));
    const where = finding.where;
    if (where.paragraph !== null && where.paragraph !== undefined) {
      const link = text("a", `§${where.paragraph}${where.page ? ` · ${labels.page} ${where.page}` : ""}: “${where.text}”`);
      link.href = `#paragraph-${where.paragraph}`;
      title.append(" ", link);
    }
    item.append(title,
      text("p", `${labels.found}: ${finding.found}`),
      text("p", `${labels.expected}: ${finding.expected}`),
      text("p", `${labels.hint}: ${finding.hint}`, "hint"));
    list.append(item);
  }
  document.getElementById("check-summary").textContent = data.findings.length
    ? labels.summary.replace("{errors}", data.errors).replace("{warnings}", data.warnings)
    : labels.none;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = new FormData(form);
  if (!body.get("kind")) body.delete("kind");
  status.textContent = "…";
  const response = await fetch(`${form.dataset.api}?text=true`, {
    method: "POST", body, credentials: "same-origin",
    headers: { "Accept-Language": lang, "X-CSRF-Token": csrfToken() },
  }).catch(() => null);
  const data = response ? await response.json().catch(() => null) : null;
  if (!response || !response.ok || !data) {
    status.textContent = data?.message || Object.values(data?.errors || {})[0]?.[0] || "Error";
    report.hidden = true;
    return;
  }
  status.textContent = "";
  drawFindings(data);
  drawParagraphs(data.paragraphs || [], data.findings);
  report.hidden = false;
  document.getElementById("check-summary").focus?.();
});
