// Dotted paths into the plan JSON: "organization.assignments.3.agency".

/** The segments of a path; numeric segments become numbers. */
export function segments(path) {
  return path === "" ? [] : path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at `path`, or undefined. */
export function getAt(root, path) {
  let node = root;
  for (const key of segments(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

/** Set the value at `path`, creating objects and arrays on the way. */
export function setAt(root, path, value) {
  const keys = segments(path);
  let node = root;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] === null || typeof node[key] !== "object") {
      node[key] = typeof keys[i + 1] === "number" ? [] : {};
    }
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

/** The array at `path`, created empty when absent. */
export function listAt(root, path) {
  const list = getAt(root, path);
  if (Array.isArray(list)) return list;
  setAt(root, path, []);
  return getAt(root, path);
}

/** `a.b` + `c` -> `a.b.c`. */
export function join(...parts) {
  return parts.filter((p) => p !== "" && p !== undefined).join(".");
}

/** The path with the item prefix `from` replaced by `to` (items moved in a list). */
export function rebase(path, from, to) {
  if (path === from) return to;
  return path.startsWith(`${from}.`) ? to + path.slice(from.length) : path;
}

/** A DOM id for a path: `f-organization-assignments-3-agency`. */
export function domId(path) {
  return `f-${path.replace(/[^A-Za-z0-9_]/g, "-")}`;
}
