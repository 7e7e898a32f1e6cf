// The lines the service will print for the header and the signature, shown live in the form.
// They mirror service/rendering/context.py (signer_lines) and service/vietnamese.py
// (long_date, document_number); a browser test checks them against the server's preview.

const BLANK = "     ";
export const HEAD_MODES = ["KT", "TL", "TUQ"];

function squash(text) {
  return String(text ?? "").split(/\s+/).filter(Boolean).join(" ");
}

/** `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH` (Q. prefixes the title). */
export function signerLines(signer) {
  const s = signer || {};
  const lines = [];
  if (squash(s.collective)) lines.push(`TM. ${s.collective}`);
  let title = squash(s.title);
  if (HEAD_MODES.includes(s.mode)) lines.push(`${s.mode}. ${squash(s.head)}`);
  else if (s.mode === "Q") title = `Q. ${title}`;
  lines.push(title);
  return lines.map((line) => squash(line).toUpperCase()).filter(Boolean);
}

/** `ngày 03 tháng 4 năm 2023`, blanks for a day or month left open; null if unparsable. */
export function longDate(text) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(text ?? "").trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const m = month ? Number(month) : null;
  const d = day ? Number(day) : null;
  if (m !== null && (m < 1 || m > 12)) return null;
  if (d !== null && (d < 1 || d > new Date(Number(year), m, 0).getDate())) return null;
  const dayPart = d === null ? `ngày${BLANK}` : `ngày ${String(d).padStart(2, "0")}`;
  const monthPart =
    m === null ? `tháng${BLANK}` : `tháng ${m <= 2 ? String(m).padStart(2, "0") : m}`;
  return `${dayPart} ${monthPart} năm ${year}`;
}

/** `Số: 05/KH-UBND`, or `Số:      /KH-UBND` before the records office numbers it. */
export function numberLine(doc) {
  const raw = String(doc.number ?? "").trim();
  const number = raw === "" ? BLANK : /^\d+$/.test(raw) ? String(Number(raw)).padStart(2, "0") : raw;
  const abbreviation = squash(doc.issuer?.abbreviation) || "…";
  let symbol = squash(doc.symbol);
  if (!symbol && doc.type === "cong_van") {
    symbol = squash(doc.drafting_unit) ? `${abbreviation}-${squash(doc.drafting_unit)}` : abbreviation;
  } else if (!symbol) {
    symbol = `${doc.type === "quyet_dinh" ? "QĐ" : "KH"}-${abbreviation}`;
  }
  return `Số: ${number}/${symbol}`;
}

/** `TP. Bắc Kạn, ngày      tháng 4 năm 2023`, or null while the date is incomplete. */
export function dateLine(doc) {
  const date = longDate(doc.date);
  return date === null ? null : `${squash(doc.place) || "…"}, ${date}`;
}
