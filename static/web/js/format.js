// Bold, italic, underline and footnotes in the rich boxes: the toolbar's buttons (and
// Ctrl+B / Ctrl+I / Ctrl+U, the browser's own) act on the selection of the last box the
// officer was in; a footnote is written in a small dialog and lands at the cursor.

import { insertFootnote, plainOf } from "./rich.js";

export class Formatting {
  constructor(root, bar, dialog) {
    Object.assign(this, { root, bar, dialog, box: null, range: null, chip: null });
    document.addEventListener("selectionchange", () => this.remember());
    bar.addEventListener("mousedown", (e) => e.preventDefault()); // the selection stays put
    bar.addEventListener("click", (e) => {
      const button = e.target.closest("[data-format]");
      if (button) this.apply(button.dataset.format);
    });
    root.addEventListener("click", (e) => {
      const chip = e.target.closest("[data-footnote]");
      if (chip && root.contains(chip)) this.editFootnote(chip);
    });
    root.addEventListener("keydown", (e) => {
      if (e.ctrlKey && e.altKey && e.key.toLowerCase() === "f" && e.target.classList?.contains("rich")) {
        e.preventDefault();
        this.apply("footnote");
      }
    });
    dialog.querySelector("form").addEventListener("submit", (e) => this.saveFootnote(e));
    dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
    dialog.querySelector("[data-remove]").addEventListener("click", () => this.removeFootnote());
  }

  /** The box and selection the buttons will act on. */
  remember() {
    const selection = window.getSelection();
    const node = selection.rangeCount ? selection.anchorNode : null;
    const box = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest?.(".rich");
    if (box && this.root.contains(box)) Object.assign(this, { box, range: selection.getRangeAt(0).cloneRange() });
  }

  restore() {
    if (!this.box || !this.box.isConnected) return false;
    this.box.focus();
    if (this.range) {
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(this.range);
    }
    return true;
  }

  apply(format) {
    if (format === "footnote") return this.openFootnote(null);
    if (!this.restore()) return;
    document.execCommand(format); // bold, italic, underline: the same as the keys
  }

  openFootnote(chip) {
    this.chip = chip;
    if (!chip && (!this.box || !this.box.isConnected)) return;
    const text = this.dialog.querySelector("textarea");
    text.value = chip ? plainOf(JSON.parse(chip.dataset.footnote)) : "";
    this.dialog.querySelector("[data-remove]").hidden = !chip;
    this.dialog.showModal();
    text.focus();
  }

  editFootnote(chip) {
    this.box = chip.closest(".rich");
    this.openFootnote(chip);
  }

  saveFootnote(event) {
    event.preventDefault();
    const note = this.dialog.querySelector("textarea").value.trim();
    this.dialog.close();
    if (!note) return;
    if (this.chip) {
      this.chip.dataset.footnote = JSON.stringify(note);
      this.chip.querySelector(".footnote-text").textContent = note;
      this.chip.closest(".rich").dispatchEvent(new Event("input", { bubbles: true }));
    } else {
      this.restore();
      insertFootnote(this.box, this.range, note);
    }
    this.box?.focus();
  }

  removeFootnote() {
    const box = this.chip?.closest(".rich");
    this.chip?.remove();
    this.dialog.close();
    box?.dispatchEvent(new Event("input", { bubbles: true }));
    box?.focus();
  }
}
