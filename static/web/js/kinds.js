// The document types the service makes (plan, letter, decision…), as the server lists them
// (its registry, embedded in the page), and which top-level fields belong to which type.

const source = document.getElementById("document-types");

/** `[{type, name, cascades}]` in the server's order. */
export const DOCUMENT_TYPES = source ? JSON.parse(source.textContent) : [];

const PLAN_BODY = ["preamble", "purpose", "targets", "tasks", "funding", "organization", "reporting", "sections"];

/** The top-level fields only some types have; the others are common (issuer, date, signer…). */
export const OWN_FIELDS = {
  ke_hoach: ["addressees", ...PLAN_BODY, "closing"], // Kính gửi: optional on a plan (Cà Mau 2025)
  cong_van: ["addressees", "body", "closing"],
  quyet_dinh: ["authority", "legal_basis", "proposal", "articles", "attachment"],
};

/** Fields of other types that `type` does not have (kept in the draft, not sent to the API). */
export function foreignFields(type) {
  const own = new Set(OWN_FIELDS[type] ?? []);
  return Object.values(OWN_FIELDS).flat().filter((key) => !own.has(key));
}
