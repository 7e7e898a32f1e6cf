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
const NESTED_BLOCKS = ["numbered", "lettered"]; // as blocks of `content`: one entry, not a list
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
      node[key] = value.map((entry) => (isText(entry) ? { text: entry } : entry));
    } else if (NESTED_BLOCKS.includes(key) && isText(value)) {
      node[key] = { text: value }; // a numbered or lettered block: `{text, content}` in the form
    }
    expand(node[key]);
  }
}

/** Rich text: a plain string or a list of spans (v1.1). */
function isText(value) {
  return typeof value === "string" || (Array.isArray(value) && value.every((s) => typeof s === "string" || (s && typeof s === "object" && !Array.isArray(s) && ("text" in s || "footnote" in s))));
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
    if (NESTED_BLOCKS.includes(key)) return entryValue(out); // `{"numbered": "text"}` when plain
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** A list entry keeps its place even when blank, so `tasks.sections.3` stays the fourth. */
function cleanItem(item, isEntry) {
  if (item === null || item === undefined) return "";
  if (typeof item !== "object") return item;
  const out = clean(item) ?? {};
  return isEntry ? entryValue(out) : out;
}

/** An entry that only holds its text is written as the text itself. */
function entryValue(out) {
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
