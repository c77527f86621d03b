// The scans in localStorage, per model. Layout (schema 2), with prefix "servicescan:<model>:":
//   <prefix>scans              {schema, current, scans: [{id, name, created, updated}]}
//   <prefix>scan:<id>          one scan record (see newRecord)
//   <prefix>teamsessie         the team page's session: the respondents' scans and what the group agreed
//                              ({schema, respondents, consensus, show_names, order, name, date, saved, updated})
//   <prefix>onleesbaar:<time>  a copy of stored text that could not be read: kept, never deleted silently
// A record (record.js) holds: schema, id, name, model, model_version, created, updated, respondent, aspects,
// results, notes, excluded, ambition, step, snapshots, actions, team, and the last computed result. What it and the
// session may hold is the one rule of scoring_py/record.py, whose data (`rules`) the page hands to openLibrary().
// Schema 2 only added fields (excluded, actions, team); a record of schema 1 is read as it is.
//
// Nothing is lost:
// - every save is read back to confirm it really happened; records also live in memory, so a failing storage
//   keeps the answers for as long as the page is open;
// - stored data is migrated by its `schema` (record.js migrate()); data of a NEWER schema is left untouched;
// - text that cannot be read, or parts that do not fit the rules, are copied under an `onleesbaar:` key first and
//   reported in `problems`; only a confirmed copy lets the cleaned data replace the original;
// - a list that cannot be read is rebuilt from the scan records, and a record missing from the list is listed;
// - two tabs: a save first checks that the stored record is still the one this page read or wrote. If another
//   tab changed it, the other version stays and this page's version is saved as a new scan ("forked").
//   The list of scans is re-read before every change, so a scan made in another tab stays listed.

import { fill } from "./dom.js";
import { SCHEMA, canonical, clone, copyAnswers, isNewer, isObject, newId, newRecord, newSession, readAsIs, readStored,
         readStoredSession } from "./record.js";

// The first version kept one scan per model under "<prefix>scan"; it is moved into a scan record once.
const FIRST_LAYOUT_KEY = "scan";
const SESSION_KEY = "teamsessie";

// rules: the record rule's data (scoring_py/record.py record_rules); names: the page's texts for a new scan
// ({default}) and for a copy saved after a conflict ({copy}, with {name}).
export function openLibrary(prefix, modelId, modelVersion, rules, names = {}) {
  const defaultName = names.default || "";
  const copyName = names.copy || "{name}";
  const storage = openStorage();
  const indexKey = `${prefix}scans`;
  const recordKey = (id) => `${prefix}scan:${id}`;
  const problems = []; // {kind: "unavailable" | "unreadable" | "newer", what, name, fields, copyKey, raw}
  const memory = new Map(); // id -> record: the answers live here too, so a failing storage never loses them
  const known = new Map(); // id -> the text this page last read from or wrote to storage
  const dirty = new Set(); // ids whose last save did not reach storage
  const forks = []; // {from, name}: scans this page saved as a copy because another tab changed the original
  let readOnly = false; // set when the list was written by a newer version: then nothing is written at all
  let indexBlocked = false; // the stored list could not be read nor copied: it is not overwritten
  if (!storage) problems.push({ kind: "unavailable" });

  const read = (key) => (storage ? readRaw(storage, key) : null);
  const write = (key, text) => Boolean(storage) && !readOnly && trySet(storage, key, text) && read(key) === text;
  const keys = () => (storage ? storageKeys(storage).filter((key) => key.startsWith(prefix)) : []);

  // A copy of `raw` under a quarantine key; the key when the copy is confirmed, else null.
  const keepCopy = (raw) => {
    const existing = keys().find((key) => key.startsWith(`${prefix}onleesbaar:`) && read(key) === raw);
    if (existing) return existing;
    const base = `${prefix}onleesbaar:${new Date().toISOString()}`;
    let key = base;
    for (let n = 2; read(key) !== null; n += 1) key = `${base}-${n}`;
    return write(key, raw) ? key : null;
  };
  const report = (problem, raw) => {
    const copyKey = keepCopy(raw);
    problems.push({ kind: "unreadable", ...problem, copyKey, raw });
    return copyKey;
  };

  // Read one stored record: migrated and checked, or null (reported) when it cannot be opened.
  const readRecord = (id, listedName) => {
    const key = recordKey(id);
    const raw = read(key);
    if (raw === null) return null;
    const stored = readStored(raw, newRecord(id, listedName, modelId, modelVersion), rules);
    const name = typeof stored.value?.name === "string" ? stored.value.name : listedName;
    if (stored.status === "unreadable") {
      // Moved to quarantine once the copy is confirmed, so it is not reported again on every page.
      if (report({ what: "scan", name }, raw) && removeKey(storage, key)) {
        index.scans = index.scans.filter((scan) => scan.id !== id);
        if (index.current === id) index.current = index.scans[0]?.id ?? null;
        writeIndex();
      }
      return null;
    }
    if (stored.status === "newer") {
      problems.push({ kind: "newer", what: "scan", name });
      return null;
    }
    const { record, dropped } = stored;
    record.id = id;
    let text = raw;
    if (dropped.length || !readAsIs(stored.value)) {
      const cleaned = JSON.stringify(record);
      // The cleaned record replaces the stored one only after the original is safely copied.
      if (!dropped.length || report({ what: "fields", name: record.name, fields: dropped }, raw)) {
        if (write(key, cleaned)) text = cleaned;
      }
    }
    known.set(id, text);
    memory.set(id, record);
    return record;
  };

  const load = (id) => {
    if (memory.has(id)) return memory.get(id);
    return readRecord(id, index.scans.find((scan) => scan.id === id)?.name);
  };

  // The stored list, checked; null when absent, unreadable or newer.
  const readIndex = ({ quiet }) => {
    const raw = read(indexKey);
    if (raw === null) return null;
    const value = parseJson(raw);
    if (isObject(value) && isNewer(value)) {
      readOnly = true;
      if (!quiet) problems.push({ kind: "newer", what: "index" });
      return null;
    }
    const checked = isObject(value) ? migrateIndex(value) : null;
    if (!checked || checked.dropped.length) {
      // Without a confirmed copy the stored list must stay as it is: this page then does not write it.
      if (!quiet && !report({ what: "index" }, raw)) indexBlocked = true;
      return checked && checked.index.scans.length ? checked.index : null;
    }
    return checked.index;
  };

  let index = readIndex({ quiet: false }) || { schema: SCHEMA, current: null, scans: [] };
  if (!readOnly) adoptStrays();
  if (!readOnly && problems.some((problem) => problem.what === "index")) writeIndex();

  // Scans that are stored but not listed (a lost or unreadable list, or the first layout) are listed again.
  function adoptStrays() {
    const first = read(`${prefix}${FIRST_LAYOUT_KEY}`);
    if (first !== null) {
      const value = parseJson(first);
      const id = newId();
      if (isObject(value) && !isNewer(value) && write(recordKey(id), JSON.stringify({ name: defaultName, ...value }))) {
        removeKey(storage, `${prefix}${FIRST_LAYOUT_KEY}`);
        index.scans.push({ id, name: "", created: "", updated: "" });
        index.current ??= id;
      }
    }
    const listed = new Set(index.scans.map((scan) => scan.id));
    for (const key of keys()) {
      const id = key.slice(`${prefix}scan:`.length);
      if (key.startsWith(`${prefix}scan:`) && !listed.has(id)) index.scans.push({ id, name: "", created: "", updated: "" });
    }
    const entries = [];
    for (const entry of index.scans) {
      if (entry.name && entry.updated) {
        entries.push(entry);
        continue;
      }
      const record = load(entry.id); // an entry added above: its record names it
      if (record) entries.push({ id: record.id, name: record.name, created: record.created, updated: record.updated });
    }
    const changed = entries.length !== index.scans.length || entries.some((entry, i) => entry !== index.scans[i]);
    index.scans = entries;
    if (!entries.some((entry) => entry.id === index.current)) index.current = entries[0]?.id ?? null;
    if (changed) writeIndex();
  }

  // The list as stored now (another tab may have changed it), keeping this page's scans that are not stored.
  function refreshIndex() {
    if (!storage || readOnly) return;
    const fresh = readIndex({ quiet: true });
    if (!fresh) return;
    for (const entry of index.scans) {
      if (memory.has(entry.id) && !fresh.scans.some((scan) => scan.id === entry.id)) fresh.scans.push(entry);
    }
    index = fresh;
  }

  function writeIndex() {
    return !indexBlocked && write(indexKey, JSON.stringify(index));
  }

  const changeIndex = (change) => {
    refreshIndex();
    change(index);
    return writeIndex();
  };

  const listEntry = (record) => ({ id: record.id, name: record.name, created: record.created, updated: record.updated });

  // Saves the record under its key; when another tab changed that key since this page read it, the record
  // becomes a new scan instead, and the other tab's version stays as it is.
  const store = (record) => {
    const key = recordKey(record.id);
    const stored = read(key);
    if (stored !== null && stored !== known.get(record.id)) fork(record);
    const text = JSON.stringify(record);
    const ok = write(recordKey(record.id), text);
    if (ok) {
      known.set(record.id, text);
      dirty.delete(record.id);
    } else {
      dirty.add(record.id);
    }
    return ok;
  };
  const fork = (record) => {
    const from = record.name;
    memory.delete(record.id);
    record.id = newId();
    record.name = fill(copyName, { name: from });
    record.created = new Date().toISOString();
    memory.set(record.id, record);
    forks.push({ from, name: record.name });
  };

  let sessionHandle = null;
  function openSession() {
    const key = `${prefix}${SESSION_KEY}`;
    let newer = false;
    let known = null; // the text this page last read or wrote
    const load = () => {
      const raw = read(key);
      known = raw;
      if (raw === null) return newSession();
      const stored = readStoredSession(raw, rules);
      if (stored.status === "newer") {
        newer = true;
        problems.push({ kind: "newer", what: "session" });
        return newSession();
      }
      if (stored.status === "unreadable") {
        report({ what: "session" }, raw);
        return newSession();
      }
      if (stored.dropped.length && report({ what: "session-fields", fields: stored.dropped }, raw)) {
        const cleaned = JSON.stringify(stored.session);
        if (write(key, cleaned)) known = cleaned;
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
        const ok = write(key, text);
        if (ok) known = text;
        return ok;
      },
      // After another tab saved the session: true when this page now holds that version.
      reload() {
        if (read(key) === known) return false;
        handle.session = load();
        return true;
      },
      // A new, empty session; the old one is returned so the page can offer to undo.
      clear() {
        const old = handle.session;
        handle.session = newSession();
        return { old, saved: handle.save() };
      },
    };
    return handle;
  }

  const handle = (record) => ({
    record,
    // Writes the record and its entry in the list; false if the browser did not keep it.
    // keepDate: an imported or restored scan keeps the date it was last changed.
    save({ keepDate = false } = {}) {
      if (!keepDate) record.updated = new Date().toISOString();
      const saved = store(record);
      const listed = changeIndex((list) => {
        const entry = list.scans.find((scan) => scan.id === record.id);
        if (entry) Object.assign(entry, { name: record.name, updated: record.updated });
        else list.scans.push(listEntry(record));
        list.current = record.id;
      });
      return saved && listed;
    },
    // After another tab wrote this scan: "reloaded" (this page now shows that version), "forked" (this page
    // had changes it could not save, now kept as a new scan) or "same" (also when the other tab only kept the
    // result it computed: nothing a visitor sees has changed).
    sync() {
      const stored = read(recordKey(record.id));
      if (stored === null || stored === known.get(record.id)) return "same";
      if (dirty.has(record.id)) {
        fork(record);
        this.save({ keepDate: true });
        return "forked";
      }
      const latest = readStored(stored, newRecord(record.id, record.name, modelId, modelVersion), rules);
      if (latest.status !== "ok") return "same";
      const id = record.id;
      const newer = latest.record;
      if (canonical(withoutResult(newer, id)) === canonical(withoutResult(record, id))) {
        if (newer.result) record.result = newer.result;
        known.set(id, stored);
        return "same";
      }
      for (const field of Object.keys(record)) delete record[field];
      Object.assign(record, newer, { id });
      known.set(id, stored);
      return "reloaded";
    },
  });

  return {
    problems,
    // Scans this page saved as a copy since the last call (see store()).
    takeForks: () => forks.splice(0),
    // Re-read the list, after another tab changed it.
    refresh: refreshIndex,
    // The copies of unreadable data kept in this browser: [{key, time, text}].
    copies: () => keys().filter((key) => key.startsWith(`${prefix}onleesbaar:`))
      .map((key) => ({ key, time: key.slice(`${prefix}onleesbaar:`.length), text: read(key) })),
    removeCopy: (key) => key.startsWith(`${prefix}onleesbaar:`) && removeKey(storage, key),
    // Open every listed scan once, so that problems names each one that cannot be read.
    checkAll() {
      for (const { id } of [...index.scans]) load(id);
    },
    list: () => index.scans.map((scan) => ({ ...scan, current: scan.id === index.current })),
    // The open scan; with create=false null when there is none yet (the result page must not make one).
    current({ create = true } = {}) {
      const record = index.current ? load(index.current) : null;
      if (record) return handle(record);
      if (!create) return null;
      return this.create(defaultName);
    },
    create(name, from = null) {
      const record = newRecord(newId(), name, modelId, modelVersion);
      if (from) Object.assign(record, copyAnswers(from));
      memory.set(record.id, record);
      index.current = record.id;
      return handle(record);
    },
    // Any scan in the list, without opening it; null when it cannot be read.
    get(id) {
      const record = index.scans.some((scan) => scan.id === id) ? load(id) : null;
      return record ? handle(record) : null;
    },
    // Make another scan the open one; true when that was stored.
    select(id) {
      if (!index.scans.some((scan) => scan.id === id)) return false;
      return changeIndex((list) => { list.current = id; });
    },
    rename(id, name) {
      const scan = this.get(id);
      if (!scan) return false;
      const current = index.current;
      scan.record.name = name;
      const saved = scan.save();
      return changeIndex((list) => { list.current = current; }) && saved; // renaming does not open the scan
    },
    // Delete a scan; returns what undo() needs to put it back, or null when nothing was deleted.
    remove(id) {
      const scan = this.get(id);
      if (!scan) return null;
      refreshIndex();
      const position = index.scans.findIndex((entry) => entry.id === id);
      if (position < 0) return null;
      const [entry] = index.scans.splice(position, 1);
      const wasCurrent = index.current === id;
      if (wasCurrent) index.current = index.scans[0]?.id ?? null;
      memory.delete(id);
      known.delete(id);
      removeKey(storage, recordKey(id)); // a key that cannot be removed stays, and is listed again later
      writeIndex();
      return { entry, record: scan.record, position, wasCurrent };
    },
    undo(removed) {
      refreshIndex();
      index.scans.splice(Math.min(removed.position, index.scans.length), 0, removed.entry);
      memory.set(removed.record.id, removed.record);
      if (removed.wasCurrent) index.current = removed.record.id;
      const current = index.current;
      const saved = handle(removed.record).save({ keepDate: true });
      return changeIndex((list) => { list.current = current; }) && saved;
    },
    // The team page's session, opened once: {session, save(), clear(), reload()}. Unreadable or ill-fitting stored
    // data is copied aside first and named in `problems`, as for a scan; a session written by a newer version is
    // left alone (save() then returns false).
    session() {
      sessionHandle ??= openSession();
      return sessionHandle;
    },
    // A new scan from an export file as scoring_py's parse_export returns it; the file's own dates are kept.
    importScan(data, fallbackName) {
      const record = newRecord(newId(), data.name || fallbackName, modelId, modelVersion);
      Object.assign(record, clone({ respondent: data.respondent, aspects: data.aspects, results: data.results,
                                    notes: data.notes, excluded: data.excluded ?? {}, ambition: data.ambition,
                                    snapshots: data.snapshots, actions: data.actions || [] }));
      if (data.team) record.team = clone(data.team);
      if (data.created) record.created = data.created;
      if (data.updated) record.updated = data.updated;
      memory.set(record.id, record);
      const saved = handle(record).save({ keepDate: true }); // save() opens the imported scan
      return { saved, id: record.id };
    },
  };
}

function withoutResult(record, id) {
  const { result, ...rest } = record;
  return { ...rest, id };
}

function migrateIndex(value) {
  const dropped = [];
  if (!Array.isArray(value.scans)) return null;
  const scans = [];
  for (const entry of value.scans) {
    if (isObject(entry) && typeof entry.id === "string" && /^[\w-]+$/.test(entry.id)
        && !scans.some((scan) => scan.id === entry.id)) {
      scans.push({ id: entry.id, name: isText(entry.name) ? entry.name : "", created: isText(entry.created) ? entry.created : "",
                   updated: isText(entry.updated) ? entry.updated : "" });
    } else {
      dropped.push("scans");
    }
  }
  const current = typeof value.current === "string" && scans.some((scan) => scan.id === value.current) ? value.current : null;
  return { index: { schema: SCHEMA, current, scans }, dropped };
}

const isText = (value) => typeof value === "string";

function openStorage() {
  try {
    const storage = window.localStorage;
    storage.getItem("servicescan:test");
    return storage;
  } catch {
    return null; // blocked by settings, or partitioned away in a third-party iframe
  }
}

function parseJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function storageKeys(storage) {
  try {
    return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key !== null);
  } catch {
    return [];
  }
}

function removeKey(storage, key) {
  try {
    storage?.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

function readRaw(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function trySet(storage, key, text) {
  if (!storage) return false;
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false; // quota exceeded, or storage switched off while the page was open
  }
}
