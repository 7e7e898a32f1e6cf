// The preview (HTML from the server's build_context, or the PDF's page images) and the
// downloads, both from the same contract JSON the form produces.

import { call, download, errorsOf, fileName, messageOf } from "./api.js";
import { t } from "./i18n.js";

const PAPER_PX = 794; // A4 at 96 dpi: the preview is laid out at full size, then zoomed to fit

const TWIPS_PER_MM = 1440 / 25.4;

/** Fit the paper to its column; place the short rules as the DOCX does (indents in twips). */
export function fitPaper(panel) {
  const paper = panel.querySelector(".paper");
  if (!paper) return;
  for (const rule of paper.querySelectorAll(".rule[data-left]")) {
    rule.style.marginLeft = `${Number(rule.dataset.left) / TWIPS_PER_MM}mm`;
    rule.style.marginRight = `${Number(rule.dataset.right) / TWIPS_PER_MM}mm`;
  }
  const zoom = Math.min(1, (panel.clientWidth - 8) / PAPER_PX);
  paper.style.zoom = String(zoom > 0 ? zoom : 1);
}

/** Ask the server for the printed document as HTML; errors go to `onErrors`. */
export async function showPreview(panel, doc, onErrors) {
  panel.setAttribute("aria-busy", "true");
  const result = await call("POST", "/preview", doc, { binary: true });
  panel.removeAttribute("aria-busy");
  if (result.ok) {
    // Escaped by the server's templates. A table's column widths come as data (a style
    // attribute would break the page's CSP) and are applied through the CSSOM.
    panel.innerHTML = await result.data.text();
    for (const col of panel.querySelectorAll("col[data-width]")) col.style.width = col.dataset.width;
    fitPaper(panel);
    return true;
  }
  if (result.status === 422) onErrors(errorsOf(result.data));
  panel.replaceChildren(Object.assign(document.createElement("p"), {
    className: "preview-note", textContent: result.status === 422 ? t("preview.fix") : messageOf(result),
  }));
  return false;
}

/** The PDF's pages as images (when the server has a converter). */
export async function showPages(panel, doc, onErrors) {
  panel.setAttribute("aria-busy", "true");
  const result = await call("POST", "/preview/pages", doc);
  panel.removeAttribute("aria-busy");
  if (!result.ok) {
    if (result.status === 422) onErrors(errorsOf(result.data));
    panel.replaceChildren(Object.assign(document.createElement("p"), { className: "preview-note", textContent: messageOf(result) }));
    return false;
  }
  const images = result.data.pages.map((src, i) =>
    Object.assign(document.createElement("img"), { src, alt: t("preview.page", { n: i + 1 }), className: "page-image" }));
  panel.replaceChildren(...images);
  return true;
}

/** Render and download the DOCX or PDF through `POST /api/v1/documents`. */
export async function downloadDocument(doc, format, onErrors, status) {
  status.textContent = t("download.working");
  const result = await call("POST", `/api/v1/documents?format=${format}`, doc, { binary: true });
  if (!result.ok) {
    if (result.status === 422) onErrors(errorsOf(result.data));
    status.textContent = messageOf(result);
    return false;
  }
  download(result.data, fileName(result.response, `document.${format}`));
  status.textContent = t("download.done");
  return true;
}
