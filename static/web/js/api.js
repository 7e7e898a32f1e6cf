// Calls to the service: JSON in and out, errors in the page's language, never thrown.

import { lang, t } from "./i18n.js";

function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content || "";
}

/** `{ok, status, data, response}`; network failures come back as status 0 with a message. */
export async function call(method, url, body, { binary = false, keepalive = false, ifMatch } = {}) {
  const headers = { "Accept-Language": lang, Accept: binary ? "*/*" : "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch; // the version a write replaces ("*": any)
  if (method !== "GET" && csrfToken()) headers["X-CSRF-Token"] = csrfToken();
  let response;
  try {
    response = await fetch(url, {
      method, headers, keepalive, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, data: { errors: { _schema: [t("error.network")] } } };
  }
  if (response.ok && binary) return { ok: true, status: response.status, data: await response.blob(), response };
  let data = null;
  try {
    data = response.status === 204 ? null : await response.json();
  } catch {
    data = { errors: { _schema: [t("error.server")] } };
  }
  return { ok: response.ok, status: response.status, data, response };
}

/** The message of an error answer, for a status line. */
export function messageOf(result) {
  const data = result.data ?? {};
  const first = Object.values(errorsOf(data))[0]?.[0];
  return data.message || data.detail || first || data.title || t("error.server");
}

/** `{path: [message]}` from an error answer, `{errors}` or RFC 9457 problem+json alike. */
export function errorsOf(data) {
  const errors = data?.errors && typeof data.errors === "object" ? data.errors : {};
  const out = {};
  for (const [path, messages] of Object.entries(errors)) {
    const list = Array.isArray(messages) ? messages : [messages];
    out[path] = list.map((m) => (typeof m === "string" ? m : m?.message ?? m?.detail ?? JSON.stringify(m)));
  }
  if (!Object.keys(out).length && (data?.detail || data?.title)) out._schema = [data.detail || data.title];
  return out;
}

/** The file name from `Content-Disposition` (RFC 5987 `filename*` first). */
export function fileName(response, fallback) {
  const header = response?.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** Hand a Blob to the browser as a download. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Read a chosen file as JSON; rejects with a translated message. */
export async function readJsonFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error(t("import.invalid"));
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(t("import.invalid"));
  return parsed;
}
