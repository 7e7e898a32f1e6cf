// Autosave: every change goes to localStorage at once (the safety net) and to the server a
// moment later (PUT with the revision it was based on; 409 means someone saved in between).
// Nothing typed is dropped: the local copy is removed only once the server has it.

import { call, messageOf } from "./api.js";
import { t } from "./i18n.js";

const DELAY = 800;
const RETRY = 5000;

/** JSON with every object's keys sorted: two plans compare equal whatever their key order. */
function canonical(value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v);
}

export class DraftSync {
  constructor({ id, revision, getData, status, onConflict = () => {} }) {
    Object.assign(this, { id, revision, getData, status, onConflict });
    this.key = `plandoc.draft.${id}`;
    this.version = 0; // changes made
    this.savedVersion = 0; // changes the server has
    this.timer = null;
    this.saving = null;
    this.conflict = false;
    window.addEventListener("beforeunload", () => this.flush());
  }

  /** A local copy that differs from what the server sent (typed, then the page was closed). */
  unsaved(serverData) {
    const local = this.readLocal();
    if (!local || canonical(local.data) === canonical(serverData)) {
      this.dropLocal();
      return null;
    }
    return local;
  }

  /** Record a change: keep it locally now, send it to the server soon. */
  changed() {
    this.version += 1;
    this.writeLocal();
    this.show("status.unsaved");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), DELAY);
  }

  get dirty() {
    return this.version !== this.savedVersion;
  }

  /** Send the current data; resolves when the server has answered. */
  async save({ force = false } = {}) {
    clearTimeout(this.timer);
    if (this.saving) {
      await this.saving;
      if (!this.dirty && !force) return true;
    }
    if (this.conflict && !force) return false;
    this.saving = this.put(force);
    try {
      return await this.saving;
    } finally {
      this.saving = null;
    }
  }

  async put(force) {
    const version = this.version;
    this.show("status.saving");
    const body = { data: this.getData(), revision: this.revision };
    if (force) delete body.revision;
    const result = await call("PUT", `/api/v1/drafts/${this.id}`, body, force ? { ifMatch: "*" } : {});
    if (result.ok) {
      this.revision = result.data.revision;
      this.conflict = false;
      this.savedVersion = Math.max(this.savedVersion, version);
      if (!this.dirty) this.dropLocal();
      else this.timer = setTimeout(() => this.save(), DELAY);
      this.show("status.saved", { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" }) });
      return true;
    }
    if (result.status === 409) {
      this.conflict = true;
      this.status.textContent = messageOf(result);
      this.onConflict();
      return false;
    }
    this.status.textContent = `${messageOf(result)} ${t("status.kept")}`;
    this.timer = setTimeout(() => this.save(), RETRY);
    return false;
  }

  /** Keep this page's version over the one saved elsewhere. */
  overwrite() {
    return this.save({ force: true });
  }

  flush() {
    if (!this.dirty || this.conflict) return;
    this.writeLocal();
    call("PUT", `/api/v1/drafts/${this.id}`, { data: this.getData(), revision: this.revision }, { keepalive: true });
  }

  show(key, args) {
    if (!this.conflict) this.status.textContent = t(key, args);
  }

  readLocal() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || "null");
    } catch {
      return null;
    }
  }

  writeLocal() {
    try {
      localStorage.setItem(this.key, JSON.stringify({ data: this.getData(), revision: this.revision, at: Date.now() }));
    } catch {
      // storage full or disabled: the server copy is still being saved
    }
  }

  dropLocal() {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing to drop
    }
  }
}
