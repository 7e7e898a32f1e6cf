// Dates as Vietnamese officers write them (30/11/2024, 11/2024, 2024) and as the contract
// keeps them (ISO: 2024-11-30, 2024-11, 2024). ISO typed in the form is understood too.

const VIETNAMESE = /^(?:(\d{1,2})[/.-])?(?:(\d{1,2})[/.-])?(\d{4})$/;
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year, month, day) {
  if (year < 1000 || year > 9999) return null;
  if (month === null) return String(year);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, "0");
  if (day === null) return `${year}-${mm}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${mm}-${String(day).padStart(2, "0")}`;
}

const number = (text) => (text === undefined ? null : Number(text));

/** The ISO form of a typed date, or null when it is not a date (`31/02/2024`, `2024-13`). */
export function parseDate(text) {
  const typed = String(text ?? "").trim();
  const isoMatch = ISO.exec(typed);
  if (isoMatch) return iso(Number(isoMatch[1]), number(isoMatch[2]), number(isoMatch[3]));
  const vn = VIETNAMESE.exec(typed);
  if (!vn) return null;
  const [, first, second, year] = vn;
  // `11/2024` is month/year; `30/11/2024` is day/month/year
  if (second === undefined) return first === undefined ? null : iso(Number(year), Number(first), null);
  return iso(Number(year), Number(second), Number(first));
}

/** `2024-11-30` → `30/11/2024`, `2024-11` → `11/2024`, `2024` → `2024`; other text as it is. */
export function formatDate(value) {
  const text = String(value ?? "");
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match || parseDate(text) === null) return text;
  const [, year, month, day] = match;
  return [day, month, year].filter(Boolean).join("/");
}
