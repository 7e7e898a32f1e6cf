// Autosave: every change goes to localStorage at once (the safety net) and to the server a
// moment later (PUT with the revision it was based on; 409 means someone saved in between).
// Nothing typed is dropped: the local copy is removed only once the server has it. A new
// document has no draft until its first change: that change creates it (POST), so opening
// the form and leaving it leaves no empty draft behind.

import { call, messageOf } from "./api.js";
import { t } from "./i18n.js";

const DELAY = 800;
const RETRY = 5000;

/** JSON with every object's keys sorted: two plans compare equal whatever their key order. */
export function canonical(value) {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v);
}

export class DraftSync {
  constructor({ id, revision, getData, getName = () => undefined, status, onConflict = () => {}, onCreated = () => {} }) {
    Object.assign(this, { id, revision, getData, getName, status, onConflict, onCreated });
    this.key = id ? `plandoc.draft.${id}` : null;
    this.version = 0; // changes made
    this.savedVersion = 0; // changes the server has
    this.timer = null;
    this.saving = null;
    this.conflict = false;
    window.addEventListener("beforeunload", () => this.flush());
  }

  /** This browser's copy (`{data, revision, at}`) when it differs from what the server sent. */
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
    if (!this.id) return this.create();
    const version = this.version;
    this.show("status.saving");
    const body = { data: this.getData(), revision: this.revision };
    const result = await call("PUT", `/api/v1/drafts/${this.id}`, body);
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

  /** The first change of a new document: the draft is made with it. */
  async create() {
    const version = this.version;
    this.show("status.saving");
    const result = await call("POST", "/api/v1/drafts", { name: this.getName(), data: this.getData() });
    if (!result.ok) {
      this.status.textContent = `${messageOf(result)} ${t("status.kept")}`;
      this.timer = setTimeout(() => this.save(), RETRY);
      return false;
    }
    Object.assign(this, { id: result.data.id, revision: result.data.revision, key: `plandoc.draft.${result.data.id}` });
    this.savedVersion = Math.max(this.savedVersion, version);
    if (this.dirty) this.timer = setTimeout(() => this.save(), DELAY);
    this.onCreated(result.data);
    this.show("status.saved", { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" }) });
    return true;
  }

  /** Resolves once the draft exists on the server (made now if it was not yet). */
  async created() {
    if (!this.id) await this.save({ force: false });
    return Boolean(this.id);
  }

  /** After a conflict: continue from `revision`, with this page's data to send or none. */
  adopt(revision, { keepMine }) {
    Object.assign(this, { revision, conflict: false });
    if (keepMine) {
      this.version += 1;
      this.writeLocal();
    } else {
      this.savedVersion = this.version;
      this.dropLocal();
      this.show("status.saved", { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" }) });
    }
  }

  flush() {
    if (!this.dirty || this.conflict) return;
    this.writeLocal();
    if (!this.id) call("POST", "/api/v1/drafts", { name: this.getName(), data: this.getData() }, { keepalive: true });
    else call("PUT", `/api/v1/drafts/${this.id}`, { data: this.getData(), revision: this.revision }, { keepalive: true });
  }

  show(key, args) {
    if (!this.conflict) this.status.textContent = t(key, args);
  }

  readLocal() {
    if (!this.key) return null;
    try {
      return JSON.parse(localStorage.getItem(this.key) || "null");
    } catch {
      return null;
    }
  }

  writeLocal() {
    if (!this.key) return; // nothing saved yet: the draft is being made
    try {
      localStorage.setItem(this.key, JSON.stringify({ data: this.getData(), revision: this.revision, at: Date.now() }));
    } catch {
      // storage full or disabled: the server copy is still being saved
    }
  }

  dropLocal() {
    if (!this.key) return;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing to drop
    }
  }
}
