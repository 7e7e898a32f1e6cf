// Swagger UI's own markup, made accessible as it renders (axe): an operation's button is
// named by what it shows (its aria-label left out a word), every select has a name.
const NAMES = { servers: "Servers", "content-type": "Media type", "response-control-media-type": "Media type" };

function mend(root) {
  for (const button of root.querySelectorAll("button.opblock-summary-control[aria-label]")) {
    button.removeAttribute("aria-label");
  }
  for (const select of root.querySelectorAll("select:not([aria-label])")) {
    if (select.labels && select.labels.length) continue;
    const holder = select.closest("[class]");
    const key = Object.keys(NAMES).find((name) => holder && holder.closest(`.${name}`));
    select.setAttribute("aria-label", key ? NAMES[key] : select.name || select.className || "Choice");
  }
}

const root = document.getElementById("swagger-ui");
new MutationObserver(() => mend(root)).observe(root, { childList: true, subtree: true });
mend(root);
