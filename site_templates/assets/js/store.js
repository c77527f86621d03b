// The scans in localStorage, per model. Layout (schema 1), with prefix "servicescan:<model>:":
//   <prefix>scans            {schema, current, scans: [{id, name, created, updated}]}
//   <prefix>scan:<id>        one scan record (see newRecord)
//   <prefix>onleesbaar:<t>   a copy of stored text that could not be read: kept, never deleted silently
// A record holds: schema, id, name, model, model_version, created, updated, respondent {name, role, unit},
// aspects, results, notes, ambition, step, snapshots. Every save is read back to confirm it really happened.
// Deleting a scan removes its key at once; undo (while the page is open) writes the same record back.

export const SCHEMA = 1;

export function openLibrary(prefix, modelId, modelVersion) {
  const storage = openStorage();
  const indexKey = `${prefix}scans`;
  const problems = [];
  if (!storage) problems.push("unavailable");

  const quarantine = (raw) => {
    trySet(storage, `${prefix}onleesbaar:${new Date().toISOString()}`, raw);
    problems.push("unreadable");
  };
  const readJson = (key, check) => {
    const raw = storage ? readRaw(storage, key) : null;
    if (raw === null) return null;
    const value = parseJson(raw);
    if (value && check(value)) return value;
    quarantine(raw);
    return null;
  };

  const index = readJson(indexKey, isIndex) || { schema: SCHEMA, current: null, scans: [] };
  const memory = new Map(); // records also live here, so a failing storage never loses the answers

  const load = (id) => {
    if (memory.has(id)) return memory.get(id);
    const stored = readJson(`${prefix}scan:${id}`, isRecord);
    if (!stored) return null;
    const record = { ...newRecord(id, stored.name, modelId, modelVersion), ...stored };
    memory.set(id, record);
    return record;
  };

  const writeIndex = () => {
    const text = JSON.stringify(index);
    return Boolean(storage) && trySet(storage, indexKey, text) && readRaw(storage, indexKey) === text;
  };

  const handle = (record) => ({
    record,
    // Writes the record and its entry in the list; false if the browser did not keep it.
    // keepDate: an imported or restored scan keeps the date it was last changed.
    save({ keepDate = false } = {}) {
      if (!keepDate) record.updated = new Date().toISOString();
      const entry = index.scans.find((scan) => scan.id === record.id);
      if (entry) Object.assign(entry, { name: record.name, updated: record.updated });
      else index.scans.push({ id: record.id, name: record.name, created: record.created, updated: record.updated });
      index.current = record.id;
      if (!storage) return false;
      const key = `${prefix}scan:${record.id}`;
      const text = JSON.stringify(record);
      return trySet(storage, key, text) && readRaw(storage, key) === text && writeIndex();
    },
  });

  return {
    problems,
    list: () => index.scans.map((scan) => ({ ...scan, current: scan.id === index.current })),
    // The open scan; with create=false null when there is none yet (the result page must not make one).
    current({ create = true } = {}) {
      const record = index.current ? load(index.current) : null;
      if (record) return handle(record);
      if (!create) return null;
      return this.create("Mijn scan");
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
      index.current = id;
      return writeIndex();
    },
    rename(id, name) {
      const scan = this.get(id);
      if (!scan) return false;
      const current = index.current;
      scan.record.name = name;
      const saved = scan.save();
      index.current = current; // renaming does not open the scan
      return saved && writeIndex();
    },
    // Delete a scan; returns what undo() needs to put it back, or null when nothing was deleted.
    remove(id) {
      const scan = this.get(id);
      const position = index.scans.findIndex((entry) => entry.id === id);
      if (!scan || position < 0) return null;
      const [entry] = index.scans.splice(position, 1);
      const wasCurrent = index.current === id;
      if (wasCurrent) index.current = index.scans[0]?.id ?? null;
      memory.delete(id);
      try {
        storage?.removeItem(`${prefix}scan:${id}`);
      } catch {
        // a key that cannot be removed is overwritten by undo, or stays unlisted
      }
      writeIndex();
      return { entry, record: scan.record, position, wasCurrent };
    },
    undo(removed) {
      index.scans.splice(Math.min(removed.position, index.scans.length), 0, removed.entry);
      memory.set(removed.record.id, removed.record);
      if (removed.wasCurrent) index.current = removed.record.id;
      const current = index.current;
      const saved = handle(removed.record).save({ keepDate: true });
      index.current = current;
      return saved && writeIndex();
    },
    // A new scan from an export file as scoring_py's parse_export returns it; the file's own dates are kept.
    importScan(data, fallbackName) {
      const record = newRecord(newId(), data.name || fallbackName, modelId, modelVersion);
      Object.assign(record, clone({ respondent: data.respondent, aspects: data.aspects, results: data.results,
                                    notes: data.notes, ambition: data.ambition, snapshots: data.snapshots }));
      if (data.created) record.created = data.created;
      if (data.updated) record.updated = data.updated;
      memory.set(record.id, record);
      const saved = handle(record).save({ keepDate: true }); // save() opens the imported scan
      return { saved, id: record.id };
    },
  };
}

export function newRecord(id, name, modelId, modelVersion) {
  const now = new Date().toISOString();
  return {
    schema: SCHEMA, id, name, model: modelId, model_version: modelVersion, created: now, updated: now,
    respondent: {}, aspects: {}, results: {}, notes: {}, ambition: { elements: {}, results: {} }, step: null,
    snapshots: [],
  };
}

// What scoring_py receives: the answers only, as plain data.
export function answersOf(record) {
  return { model: record.model, model_version: record.model_version, aspects: record.aspects,
           results: record.results, notes: record.notes };
}

export function hasAnswers(record) {
  return [record.aspects, record.results, record.notes].some((group) => Object.keys(group).length > 0);
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

// Earlier measurements live inside the scan record: {id, name, taken, model, model_version, aspects, results,
// notes, ambition}. A snapshot has the answers' shape, so answersOf(snapshot) works on it too.
export function snapshot(record, name) {
  if (!Array.isArray(record.snapshots)) record.snapshots = [];
  const shot = { id: newId(), name, taken: new Date().toISOString(), model: record.model,
                 model_version: record.model_version, ...copyOf(record, ["aspects", "results", "notes", "ambition"]) };
  record.snapshots.push(shot);
  return shot;
}

// A new measurement starts from a kept one: its answers replace the working answers; the ambition stays.
export function startFrom(record, shot) {
  Object.assign(record, copyOf(shot, ["aspects", "results", "notes"]), { step: null });
}

export function sameAnswers(a, b) {
  return ["aspects", "results", "notes"].every((group) => sameGroup(a[group] || {}, b[group] || {}));
}

function sameGroup(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function copyOf(source, keys) {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, source[key] ?? {}]))));
}

function copyAnswers(record) {
  return clone({ aspects: record.aspects, results: record.results, notes: record.notes,
                ambition: record.ambition, respondent: record.respondent });
}

function newId() {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function isIndex(value) {
  return isObject(value) && Array.isArray(value.scans) && value.scans.every((s) => isObject(s) && typeof s.id === "string");
}

function isRecord(value) {
  return isObject(value) && typeof value.id === "string" && isObject(value.aspects) && isObject(value.results)
    && isObject(value.notes);
}

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
