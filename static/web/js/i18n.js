// The page's messages, translated on the server (service/http/web/strings.py) and embedded.

const source = document.getElementById("client-messages");
const catalogue = source ? JSON.parse(source.textContent) : {};

/** The page's language: `vi` or `en`. */
export const lang = document.documentElement.lang || "vi";

/** The message `key` in the page's language, with `{name}` placeholders filled in. */
export function t(key, args = {}) {
  let text = catalogue[key] ?? key;
  for (const [name, value] of Object.entries(args)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A label given as a key, a [key, args] pair or a function of the state. */
export function label(spec, state) {
  const value = typeof spec === "function" ? spec(state) : spec;
  if (Array.isArray(value)) return t(value[0], value[1]);
  return value ? t(value) : "";
}
