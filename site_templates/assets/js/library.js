// The scans of one model in this browser: the list, the records, and two tabs working on the same scan. The second
// of the three storage modules (after storage.js, the safe adapter; session.js keeps the team page's session).
//
// The keys (rules.storage, declared in scoring_py/record_shape.py): `index` holds the list {schema, current, scans:
// [{id, name, created, updated}]}, `scan` + id one scan record (record.js). Nothing is lost:
// - records also live in memory, so a failing storage keeps the answers for as long as the page is open;
// - stored records are migrated by their `schema` (record.js migrate()); data of a NEWER schema is left untouched;
// - text that cannot be read, or parts that do not fit the rules, are copied aside first (storage.report) and named
//   in `problems`; only a confirmed copy lets the cleaned data replace the original;
// - a list that cannot be read is rebuilt from the scan records, and a record missing from the list is listed;
// - two tabs: a save first checks that the stored record is still the one this page read or wrote. If another tab
//   changed it, the other version stays and this page's version is saved as a new scan ("forked"). The list is
//   read again before every change, so a scan made in another tab stays listed. `watch` tells a page when another
//   tab changed its scan or the list.

import { fill } from "./dom.js";
import { canonical, contentOf, copyAnswers, isNewer, isObject, newId, newRecord, readAsIs, readStored,
         storedObject } from "./record.js";

// names: the page's texts for a new scan ({default}) and for a copy saved after a conflict ({copy}, with {name}).
// onSaved(record): after every save the browser kept (the kit then asks for persistent storage, see keep.js).
export function openLibrary(storage, rules, names = {}, onSaved = () => {}) {
  return new ScanLibrary(storage, rules, { default: names.default || "", copy: names.copy || "{name}" }, onSaved);
}

class ScanLibrary {
  #storage;
  #rules;
  #names;
  #memory = new Map(); // id -> record: the answers live here too, so a failing storage never loses them
  #known = new Map(); // id -> the text this page last read from or wrote to storage
  #dirty = new Set(); // ids whose last save did not reach storage
  #forks = []; // {from, name}: scans this page saved as a copy because another tab changed the original
  #indexBlocked = false; // the stored list could not be read nor copied: it is not overwritten
  #index;
  #onSaved;

  constructor(storage, rules, names, onSaved) {
    this.#storage = storage;
    this.#rules = rules;
    this.#names = names;
    this.#onSaved = onSaved;
    this.#index = this.#readIndex({ quiet: false }) || this.#emptyIndex();
    if (storage.readOnly) return;
    this.#adoptStrays();
    if (this.problems.some((problem) => problem.what === "index")) this.#writeIndex();
  }

  // What could not be read from this browser's storage (storage.js), for the page's notice.
  get problems() {
    return this.#storage.problems;
  }

  // Scans this page saved as a copy since the last call (see #store()).
  takeForks() {
    return this.#forks.splice(0);
  }

  copies() {
    return this.#storage.copies();
  }

  removeCopy(key) {
    return this.#storage.removeCopy(key);
  }

  // Open every listed scan once, so that `problems` names each one that cannot be read.
  checkAll() {
    for (const { id } of [...this.#index.scans]) this.#load(id);
  }

  list() {
    return this.#index.scans.map((scan) => ({ ...scan, current: scan.id === this.#index.current }));
  }

  // The open scan; with create=false null when there is none yet (the result page must not make one).
  current({ create = true } = {}) {
    const record = this.#index.current ? this.#load(this.#index.current) : null;
    if (record) return this.#handle(record);
    return create ? this.create(this.#names.default) : null;
  }

  create(name, from = null) {
    const record = newRecord(this.#rules, newId(), name);
    if (from) Object.assign(record, copyAnswers(from, this.#rules));
    this.#memory.set(record.id, record);
    this.#index.current = record.id;
    return this.#handle(record);
  }

  // Any scan in the list, without opening it; null when it cannot be read.
  get(id) {
    const record = this.#isListed(id) ? this.#load(id) : null;
    return record ? this.#handle(record) : null;
  }

  // Make another scan the open one; true when that was stored.
  select(id) {
    return this.#isListed(id) && this.#changeIndex((list) => { list.current = id; });
  }

  rename(id, name) {
    const scan = this.get(id);
    if (!scan) return false;
    const current = this.#index.current;
    scan.record.name = name;
    const saved = scan.save();
    return this.#changeIndex((list) => { list.current = current; }) && saved; // renaming does not open the scan
  }

  // Delete a scan; returns what undo() needs to put it back, or null when nothing was deleted.
  remove(id) {
    const scan = this.get(id);
    if (!scan) return null;
    this.refresh();
    const index = this.#index;
    const position = index.scans.findIndex((entry) => entry.id === id);
    if (position < 0) return null;
    const [entry] = index.scans.splice(position, 1);
    const wasCurrent = index.current === id;
    if (wasCurrent) index.current = index.scans[0]?.id ?? null;
    this.#memory.delete(id);
    this.#known.delete(id);
    this.#storage.remove(this.#recordKey(id)); // a key that cannot be removed stays, and is listed again later
    this.#writeIndex();
    return { entry, record: scan.record, position, wasCurrent };
  }

  undo(removed) {
    this.refresh();
    this.#index.scans.splice(Math.min(removed.position, this.#index.scans.length), 0, removed.entry);
    this.#memory.set(removed.record.id, removed.record);
    if (removed.wasCurrent) this.#index.current = removed.record.id;
    const current = this.#index.current;
    const saved = this.#handle(removed.record).save({ keepDate: true });
    return this.#changeIndex((list) => { list.current = current; }) && saved;
  }

  // A new scan from an export file as scoring_py's parse_export returns it (or answers from a share link); the
  // file's own dates are kept.
  importScan(data, fallbackName) {
    const record = newRecord(this.#rules, newId(), fallbackName);
    Object.assign(record, contentOf(data, this.#rules));
    record.name = data.name || fallbackName;
    this.#memory.set(record.id, record);
    const saved = this.#handle(record).save({ keepDate: true }); // save() opens the imported scan
    return { saved, id: record.id };
  }

  // Re-read the list as stored now (another tab may have changed it), keeping this page's scans that are not stored.
  refresh() {
    if (!this.#storage.available || this.#storage.readOnly) return;
    const fresh = this.#readIndex({ quiet: true });
    if (!fresh) return;
    for (const entry of this.#index.scans) {
      if (this.#memory.has(entry.id) && !fresh.scans.some((scan) => scan.id === entry.id)) fresh.scans.push(entry);
    }
    this.#index = fresh;
  }

  // Tell the page when another tab changed what it shows. `scan` (a handle from current() or get()) with
  // `onScan(outcome)`: that scan changed, and this page now shows the other version ("reloaded") or kept its own
  // unsaved changes as a new scan ("forked"). `onList()`: the list of scans changed (a new, renamed or deleted scan).
  watch({ scan = null, onScan = () => {}, onList = () => {} }) {
    const { index: indexKey } = this.#storage.layout;
    this.#storage.onChange((key) => {
      if (scan && key === this.#recordKey(scan.record.id)) {
        const outcome = scan.sync();
        if (outcome !== "same") onScan(outcome);
      }
      if (key === null || key === indexKey || key.startsWith(this.#storage.layout.scan)) {
        this.refresh();
        onList();
      }
    });
  }

  #recordKey(id) {
    return `${this.#storage.layout.scan}${id}`;
  }

  #isListed(id) {
    return this.#index.scans.some((scan) => scan.id === id);
  }

  #emptyIndex() {
    return { schema: this.#rules.schema.record, current: null, scans: [] };
  }

  #base(id, name) {
    return newRecord(this.#rules, id, name);
  }

  #load(id) {
    if (this.#memory.has(id)) return this.#memory.get(id);
    return this.#readRecord(id, this.#index.scans.find((scan) => scan.id === id)?.name);
  }

  // Read one stored record: migrated and checked, or null (reported) when it cannot be opened.
  #readRecord(id, listedName) {
    const key = this.#recordKey(id);
    const raw = this.#storage.read(key);
    if (raw === null) return null;
    const stored = readStored(raw, this.#base(id, listedName), this.#rules);
    const name = typeof stored.value?.name === "string" ? stored.value.name : listedName;
    if (stored.status === "unreadable") {
      this.#quarantine(id, key, raw, name);
      return null;
    }
    if (stored.status === "newer") {
      this.problems.push({ kind: "newer", what: "scan", name });
      return null;
    }
    const { record } = stored;
    record.id = id;
    this.#known.set(id, this.#cleaned(key, raw, stored));
    this.#memory.set(id, record);
    return record;
  }

  // An unreadable record moves to quarantine once the copy is confirmed, so it is not reported again on every page.
  #quarantine(id, key, raw, name) {
    if (!this.#storage.report({ what: "scan", name }, raw) || !this.#storage.remove(key)) return;
    const index = this.#index;
    index.scans = index.scans.filter((scan) => scan.id !== id);
    if (index.current === id) index.current = index.scans[0]?.id ?? null;
    this.#writeIndex();
  }

  // The text stored for a record once it is read: the cleaned record replaces the stored one only after the
  // original is safely copied (and a record of an older layout is rewritten).
  #cleaned(key, raw, { record, dropped, value }) {
    if (!dropped.length && readAsIs(value, this.#rules)) return raw;
    const cleaned = JSON.stringify(record);
    const copied = !dropped.length || this.#storage.report({ what: "fields", name: record.name, fields: dropped }, raw);
    return copied && this.#storage.write(key, cleaned) ? cleaned : raw;
  }

  // The stored list, checked; null when absent, unreadable or newer.
  #readIndex({ quiet }) {
    const raw = this.#storage.read(this.#storage.layout.index);
    if (raw === null) return null;
    const value = storedObject(raw);
    if (value && isNewer(value, this.#rules.schema.record)) {
      this.#storage.readOnly = true;
      if (!quiet) this.problems.push({ kind: "newer", what: "index" });
      return null;
    }
    const checked = value ? this.#migrateIndex(value) : null;
    if (!checked || checked.dropped) {
      // Without a confirmed copy the stored list must stay as it is: this page then does not write it.
      if (!quiet && !this.#storage.report({ what: "index" }, raw)) this.#indexBlocked = true;
      return checked && checked.index.scans.length ? checked.index : null;
    }
    return checked.index;
  }

  // The list's entries that fit ({id, name, created, updated}, each id once); `dropped` when any did not.
  #migrateIndex(value) {
    if (!Array.isArray(value.scans)) return null;
    const scans = [];
    let dropped = false;
    for (const entry of value.scans) {
      if (isObject(entry) && typeof entry.id === "string" && /^[\w-]+$/.test(entry.id)
          && !scans.some((scan) => scan.id === entry.id)) {
        scans.push(Object.fromEntries(this.#rules.fields.index_entry.map((field) => [field,
          typeof entry[field] === "string" ? entry[field] : ""])));
      } else {
        dropped = true;
      }
    }
    const current = scans.some((scan) => scan.id === value.current) ? value.current : null;
    return { index: { ...this.#emptyIndex(), current, scans }, dropped };
  }

  // Scans that are stored but not listed (a lost or unreadable list, or the first layout) are listed again.
  #adoptStrays() {
    this.#adoptFirstLayout();
    const { scan: scanKey } = this.#storage.layout;
    const listed = new Set(this.#index.scans.map((scan) => scan.id));
    for (const key of this.#storage.keys()) {
      const id = key.slice(scanKey.length);
      if (key.startsWith(scanKey) && !listed.has(id)) this.#index.scans.push(this.#entry({ id }));
    }
    const entries = this.#index.scans.flatMap((entry) => {
      if (entry.name && entry.updated) return [entry];
      const record = this.#load(entry.id); // an entry added above: its record names it
      return record ? [this.#entry(record)] : [];
    });
    const changed = entries.length !== this.#index.scans.length || entries.some((entry, i) => entry !== this.#index.scans[i]);
    this.#index.scans = entries;
    if (!entries.some((entry) => entry.id === this.#index.current)) this.#index.current = entries[0]?.id ?? null;
    if (changed) this.#writeIndex();
  }

  // The first version kept one scan per model under its own key; it is moved into a scan record once.
  #adoptFirstLayout() {
    const key = this.#storage.layout.first_layout;
    const first = this.#storage.read(key);
    if (first === null) return;
    const value = storedObject(first);
    const id = newId();
    if (value && !isNewer(value, this.#rules.schema.record)
        && this.#storage.write(this.#recordKey(id), JSON.stringify({ name: this.#names.default, ...value }))) {
      this.#storage.remove(key);
      this.#index.scans.push(this.#entry({ id }));
      this.#index.current ??= id;
    }
  }

  // A list entry for a record (or an empty one for an id): the fields rules.fields.index_entry names.
  #entry(record) {
    return Object.fromEntries(this.#rules.fields.index_entry.map((field) => [field, record[field] ?? ""]));
  }

  #writeIndex() {
    return !this.#indexBlocked && this.#storage.write(this.#storage.layout.index, JSON.stringify(this.#index));
  }

  #changeIndex(change) {
    this.refresh();
    change(this.#index);
    return this.#writeIndex();
  }

  // Saves the record under its key; when another tab changed that key since this page read it, the record
  // becomes a new scan instead, and the other tab's version stays as it is.
  #store(record) {
    const stored = this.#storage.read(this.#recordKey(record.id));
    if (stored !== null && stored !== this.#known.get(record.id)) this.#fork(record);
    const text = JSON.stringify(record);
    const ok = this.#storage.write(this.#recordKey(record.id), text);
    if (ok) {
      this.#known.set(record.id, text);
      this.#dirty.delete(record.id);
    } else {
      this.#dirty.add(record.id);
    }
    return ok;
  }

  #fork(record) {
    const from = record.name;
    this.#memory.delete(record.id);
    record.id = newId();
    record.name = fill(this.#names.copy, { name: from });
    record.created = new Date().toISOString();
    this.#memory.set(record.id, record);
    this.#forks.push({ from, name: record.name });
  }

  // Writes the record and its entry in the list; false if the browser did not keep it.
  // keepDate: an imported or restored scan keeps the date it was last changed.
  #save(record, { keepDate = false } = {}) {
    if (!keepDate) record.updated = new Date().toISOString();
    const saved = this.#store(record);
    const listed = this.#changeIndex((list) => {
      const entry = list.scans.find((scan) => scan.id === record.id);
      if (entry) Object.assign(entry, { name: record.name, updated: record.updated });
      else list.scans.push(this.#entry(record));
      list.current = record.id;
    });
    if (saved) this.#onSaved(record);
    return saved && listed;
  }

  // After another tab wrote this scan: "reloaded" (this page now shows that version), "forked" (this page had
  // changes it could not save, now kept as a new scan) or "same" (also when the other tab only kept the result it
  // computed or noted an export: nothing a visitor sees has changed).
  #sync(record) {
    const stored = this.#storage.read(this.#recordKey(record.id));
    if (stored === null || stored === this.#known.get(record.id)) return "same";
    if (this.#dirty.has(record.id)) {
      this.#fork(record);
      this.#save(record, { keepDate: true });
      return "forked";
    }
    const latest = readStored(stored, this.#base(record.id, record.name), this.#rules);
    if (latest.status !== "ok") return "same";
    const { id } = record;
    const newer = latest.record;
    this.#known.set(id, stored);
    if (canonical(withoutResult(newer, id)) === canonical(withoutResult(record, id))) {
      if (newer.result) record.result = newer.result;
      if (newer.exported) record.exported = newer.exported;
      return "same";
    }
    for (const field of Object.keys(record)) delete record[field];
    Object.assign(record, newer, { id });
    return "reloaded";
  }

  // What a page holds of one scan: the record, save() and sync().
  #handle(record) {
    return {
      record,
      save: (options) => this.#save(record, options),
      sync: () => this.#sync(record),
    };
  }
}

// A record without what the browser keeps beside the answers: the kept result and the date of the last export.
function withoutResult(record, id) {
  const { result, exported, ...rest } = record;
  return { ...rest, id };
}

