// The team page's session in this browser: the respondents' scans and what the group agreed. The third of the three
// storage modules (after storage.js, the safe adapter, and library.js, the scans). What a session may hold is the
// record rule's check_session (record.js checkSession); it lives under rules.storage.session.
//
// As for a scan: unreadable or ill-fitting stored data is copied aside first and named in the storage's `problems`;
// a session written by a newer version is left alone (save() then returns false).
import { newSession, readStoredSession } from "./record.js";

export function openSession(storage, rules) {
  const key = storage.layout.session;
  let newer = false;
  let known = null; // the text this page last read or wrote

  const load = () => {
    const raw = storage.read(key);
    known = raw;
    if (raw === null) return newSession(rules);
    const stored = readStoredSession(raw, rules);
    if (stored.status === "newer") {
      newer = true;
      storage.problems.push({ kind: "newer", what: "session" });
      return newSession(rules);
    }
    if (stored.status === "unreadable") {
      storage.report({ what: "session" }, raw);
      return newSession(rules);
    }
    if (stored.dropped.length && storage.report({ what: "session-fields", fields: stored.dropped }, raw)) {
      const cleaned = JSON.stringify(stored.session);
      if (storage.write(key, cleaned)) known = cleaned;
    }
    return stored.session;
  };

  const handle = {
    session: load(),
    // Written at once, read back; false when the browser did not keep it (the page says so, the session stays).
    save() {
      if (newer) return false;
      handle.session.updated = new Date().toISOString();
      const text = JSON.stringify(handle.session);
      const ok = storage.write(key, text);
      if (ok) known = text;
      return ok;
    },
    // After another tab saved the session: true when this page now holds that version.
    reload() {
      if (storage.read(key) === known) return false;
      handle.session = load();
      return true;
    },
    // A new, empty session; the old one is returned so the page can offer to undo.
    clear() {
      const old = handle.session;
      handle.session = newSession(rules);
      return { old, saved: handle.save() };
    },
    // Tell the page when another tab changed the session and this page now holds that version.
    watch(onChange) {
      storage.onChange((changed) => {
        if ((changed === key || changed === null) && handle.reload()) onChange();
      });
    },
  };
  return handle;
}
