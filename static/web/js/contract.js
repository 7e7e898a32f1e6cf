// The plan contract (shared/contract/PLAN-CONTRACT.md) as the form sees it: which fields,
// in which order, and the two conversions, load (JSON -> form state) and serialize
// (form state -> exactly the contract JSON the API takes).

import { foreignFields } from "./kinds.js";

const ORDER = [
  "type", "issuer", "drafting_unit", "number", "symbol", "place", "date", "title",
  "addressees", "authority", "legal_basis", "proposal", "articles", "preamble", "purpose",
  "targets", "tasks", "funding", "organization", "reporting", "sections", "body", "closing",
  "recipients_label", "recipients", "signer", "attachment", "appendices",
];
// Lists whose entries are a string or an object with `text`: the form always edits objects.
const ENTRY_LISTS = ["numbered", "lettered", "specific", "articles"];
const HEAD_MODES = ["KT", "TL", "TUQ"];

/** Form state from contract JSON: entries become objects so every entry has its fields. */
export function load(json) {
  const state = structuredClone(json && typeof json === "object" ? json : {});
  expand(state);
  return state;
}

function expand(node) {
  if (Array.isArray(node)) return node.forEach(expand);
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (ENTRY_LISTS.includes(key) && Array.isArray(value)) {
      node[key] = value.map((entry) => (typeof entry === "string" ? { text: entry } : entry));
    }
    expand(node[key]);
  }
}

/** The contract JSON of the form: blanks dropped, list positions kept (so error paths match).
 *  `all` keeps the parts of the other document type too (the draft keeps what was typed
 *  before the type was switched); the API gets them without. */
export function serialize(state, { all = false } = {}) {
  const other = all ? [] : foreignFields(state.type);
  const keys = [...ORDER, ...Object.keys(state).filter((k) => !ORDER.includes(k))];
  const doc = {};
  for (const key of keys) {
    if (!(key in state) || other.includes(key)) continue;
    const value = clean(state[key], key);
    if (value !== undefined) doc[key] = value;
  }
  doc.number = doc.number ?? null; // blank: the records office fills it in
  doc.issuer = doc.issuer ?? {};
  doc.signer = doc.signer ?? {};
  doc.recipients = doc.recipients ?? [];
  if (!HEAD_MODES.includes(doc.signer.mode)) delete doc.signer.head; // printed only after KT/TL/TUQ
  if (doc.type === "cong_van") {
    doc.addressees = doc.addressees ?? [];
    doc.body = doc.body ?? {};
  }
  return doc;
}

/** A value without blanks; undefined when nothing is left. */
function clean(value, key) {
  if (key === "closing" && value === false) return false; // v1.1: no closing paragraph at all
  if (value === null || value === undefined || value === false || value === "") return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => cleanItem(item, ENTRY_LISTS.includes(key)));
    return items.length ? items : undefined;
  }
  if (typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = clean(v, k);
      if (cleaned !== undefined) out[k] = cleaned;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** A list entry keeps its place even when blank, so `tasks.sections.3` stays the fourth. */
function cleanItem(item, isEntry) {
  if (item === null || item === undefined) return "";
  if (typeof item !== "object") return item;
  const out = clean(item) ?? {};
  if (!isEntry) return out;
  const keys = Object.keys(out);
  const plain = keys.length === 0 || (keys.length === 1 && keys[0] === "text");
  return plain ? (out.text ?? "") : out;
}

/** A target value as typed: `1,2` or `1.2` become 1.2; anything else is kept for the server. */
export function quantity(text) {
  const raw = String(text).trim();
  if (raw === "") return "";
  return /^-?\d+(?:[.,]\d+)?$/.test(raw) ? Number(raw.replace(",", ".")) : raw;
}
