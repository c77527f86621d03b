// One scan record, as pure functions: no page, no storage, so Node's own test runner can test them (tests/js/).
//
// A record holds: schema, id, name, model, model_version, created, updated, respondent {name, role, unit},
// aspects, results, notes, ambition {elements, results}, step, snapshots, and perhaps result (the last result the
// engine computed, kept for the next visit; see storedResult below).
// What the content may hold is ONE rule, scoring_py/record.py: the build writes its data (`record_rules`) into every
// page that keeps scans, and checkRecord() below reads the same data the same way. A test
// (tests/test_record_agreement.py) runs both on the same generated records and demands the same verdict, unit for
// unit ("aspects.e1a", "snapshots.2", ...): a unit that fails here is what the storage drops (after copying the
// original aside), and it is exactly what the import would have refused.

export const SCHEMA = 1;
const UNKNOWN = "unknown";
const CONTENT = ["name", "created", "updated", "respondent", "aspects", "results", "notes", "ambition", "snapshots"];
const AMBITION = ["elements", "results"];
const SNAPSHOT = ["id", "name", "taken", "model", "model_version", "aspects", "results", "notes", "ambition"];
const SNAPSHOT_REQUIRED = ["id", "name", "taken"];
const RESULT = ["key", "answers", "score", "ambition", "gaps"];
// Kept by the browser only, never in an export: checked for their type, not by the record rule.
const OWN = {
  id: (value) => typeof value === "string" && /^[\w-]+$/.test(value),
  model: isText, model_version: isText,
  step: (value) => value === null || isText(value),
  result: (value) => isObject(value) && Object.keys(value).every((key) => RESULT.includes(key))
    && isText(value.key) && isText(value.answers) && isObject(value.score)
    && (has(value, "gaps") ? isObject(value.gaps) && isText(value.ambition) : !has(value, "ambition")),
};

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isText(value) {
  return typeof value === "string";
}

// Characters as Python counts them (code points), not UTF-16 units: "😀".length is 2, but it is one character.
const length = (text) => [...text].length;

const has = (object, key) => Object.hasOwn(object, key);
const matches = (pattern, text) => new RegExp(pattern, "u").test(text);

function textOk(rules, value, { date = false } = {}) {
  return isText(value) && length(value) <= rules.short && (!date || matches(rules.date, value));
}

// The units of one scale section that do not fit; `section` must be an object (else the whole group is the unit).
function scaleUnits(rule, section, unit, { unknown }) {
  if (!isObject(section)) return [unit];
  return Object.entries(section).filter(([id, value]) => !rule.ids.includes(id)
    || !((unknown && value === UNKNOWN) || (Number.isInteger(value) && rule.values.includes(value))))
    .map(([id]) => `${unit}.${id}`);
}

function answerUnits(rules, record) {
  const units = [];
  for (const group of ["aspects", "results"]) {
    if (has(record, group)) units.push(...scaleUnits(rules[group], record[group], group, { unknown: true }));
  }
  if (has(record, "notes")) {
    if (!isObject(record.notes)) units.push("notes");
    else {
      for (const [id, note] of Object.entries(record.notes)) {
        if (!rules.notes.ids.includes(id) || !isText(note) || length(note) > rules.notes.max) units.push(`notes.${id}`);
      }
    }
  }
  if (has(record, "ambition")) {
    const ambition = record.ambition;
    if (!isObject(ambition)) units.push("ambition");
    else {
      for (const key of Object.keys(ambition)) if (!AMBITION.includes(key)) units.push(`ambition.${key}`);
      for (const key of AMBITION) {
        if (has(ambition, key)) {
          units.push(...scaleUnits(rules.ambition[key], ambition[key], `ambition.${key}`, { unknown: false }));
        }
      }
    }
  }
  return units;
}

function snapshotOk(rules, shot, seen) {
  if (!isObject(shot)) return false;
  // A valid id counts as taken even when the rest of its snapshot is not, as in record.py.
  let idOk = false;
  if (isText(shot.id) && matches(rules.id, shot.id) && !seen.has(shot.id)) {
    seen.add(shot.id);
    idOk = true;
  }
  return idOk && Object.keys(shot).every((key) => SNAPSHOT.includes(key))
    && SNAPSHOT_REQUIRED.every((key) => has(shot, key))
    && textOk(rules, shot.name) && textOk(rules, shot.taken, { date: true })
    && (!has(shot, "model_version") || textOk(rules, shot.model_version))
    && (!has(shot, "model") || shot.model === rules.model)
    && answerUnits(rules, shot).length === 0;
}

// Every unit of a record's content that does not fit the rules, in no particular order (see scoring_py/record.py).
export function checkRecord(record, rules) {
  const units = [];
  for (const key of ["name", "created", "updated"]) {
    if (has(record, key) && !textOk(rules, record[key], { date: key !== "name" })) units.push(key);
  }
  if (has(record, "respondent")) {
    if (!isObject(record.respondent)) units.push("respondent");
    else {
      for (const [key, value] of Object.entries(record.respondent)) {
        if (!rules.respondent.includes(key) || !textOk(rules, value)) units.push(`respondent.${key}`);
      }
    }
  }
  units.push(...answerUnits(rules, record));
  if (has(record, "snapshots")) {
    if (!Array.isArray(record.snapshots)) units.push("snapshots");
    else {
      const seen = new Set();
      record.snapshots.forEach((shot, n) => { if (!snapshotOk(rules, shot, seen)) units.push(`snapshots.${n}`); });
    }
  }
  for (const [key, ok] of Object.entries(OWN)) if (has(record, key) && !ok(record[key])) units.push(key);
  units.push(...Object.keys(record).filter((key) => !CONTENT.includes(key) && !has(OWN, key) && key !== "schema"));
  return units;
}

// A stored record (any released schema) as this version keeps it: every unit that does not fit the rules is left
// out and named in `dropped`; missing fields get their defaults from `base`.
// Schema 1 is the only released schema so far; records written before a field existed simply lack it.
export function migrate(value, base, rules) {
  const dropped = checkRecord(value, rules);
  const bad = new Set(dropped);
  const record = clone(base);
  for (const [key, item] of Object.entries(value)) {
    if (bad.has(key) || key === "schema" || (!CONTENT.includes(key) && !has(OWN, key))) continue;
    record[key] = keepFitting(key, item, bad);
  }
  record.ambition = { elements: {}, results: {}, ...record.ambition };
  record.schema = SCHEMA;
  return { record, dropped };
}

// A copy of one field without the units named in `bad`.
function keepFitting(key, item, bad) {
  if (key === "snapshots") return clone(item.filter((_, n) => !bad.has(`snapshots.${n}`)));
  if (key === "ambition") {
    return Object.fromEntries(AMBITION.filter((part) => has(item, part) && !bad.has(`ambition.${part}`))
      .map((part) => [part, keepFitting(`ambition.${part}`, item[part], bad)]));
  }
  if (isObject(item)) {
    return Object.fromEntries(Object.entries(item).filter(([id]) => !bad.has(`${key}.${id}`)).map(([id, v]) => [id, clone(v)]));
  }
  return clone(item);
}

// What to do with text read from storage: "unreadable" (not a record: copy it aside), "newer" (written by a newer
// version: leave it alone), or "ok" with the migrated record and the units that were dropped (copy aside first
// when there are any). `base` is the record a missing field falls back to.
export function readStored(raw, base, rules) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return { status: "unreadable" };
  }
  if (!isObject(value)) return { status: "unreadable" };
  if (isNewer(value)) return { status: "newer", value };
  return { status: "ok", value, ...migrate(value, base, rules) };
}

export function isNewer(value) {
  return typeof value.schema === "number" && value.schema > SCHEMA;
}

export function newRecord(id, name, modelId, modelVersion) {
  const now = new Date().toISOString();
  return {
    schema: SCHEMA, id, name, model: modelId, model_version: modelVersion, created: now, updated: now,
    respondent: {}, aspects: {}, results: {}, notes: {}, ambition: { elements: {}, results: {} }, step: null,
    snapshots: [],
  };
}

export function newId() {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// What scoring_py receives: the answers only, as plain data.
export function answersOf(record) {
  return { model: record.model, model_version: record.model_version, aspects: record.aspects,
           results: record.results, notes: record.notes };
}

export function hasAnswers(record) {
  return [record.aspects, record.results, record.notes].some((group) => Object.keys(group).length > 0);
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

// The result the engine computed for a record, kept in the record so that the result page shows it at once on the
// next visit: {key, answers, score} and, once an ambition is scored, {ambition, gaps}. `key` names the build's
// model version and scoring code (the page's data-result-key); `answers` and `ambition` are the record's own, as
// canonical text, so a stored result is only used for exactly the answers and ambition it was computed from.
export function storedResult(record, key) {
  const kept = record.result;
  if (!isObject(kept) || kept.key !== key || kept.answers !== answersKey(record)) return null;
  return { score: kept.score, gaps: kept.ambition === ambitionKey(record) ? kept.gaps : null };
}

export function keepResult(record, key, score, gaps = null) {
  record.result = { key, answers: answersKey(record), score };
  if (gaps) Object.assign(record.result, { ambition: ambitionKey(record), gaps });
}

// What the score depends on: everything the engine gets to score (answersOf), except the notes, which do not change
// it. Whatever answersOf comes to carry is part of this key without a change here.
export function answersKey(record) {
  const { notes, ...scored } = answersOf(record);
  return canonical(scored);
}

export function ambitionKey(record) {
  return canonical(record.ambition || {});
}

// JSON text with every object's keys in order: the same data always gives the same text.
export function canonical(value) {
  return JSON.stringify(value, (_, item) => (isObject(item) ? Object.fromEntries(Object.entries(item)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item));
}

export function sameAnswers(a, b) {
  return ["aspects", "results", "notes"].every((group) => sameGroup(a[group] || {}, b[group] || {}));
}

function sameGroup(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function copyOf(source, keys) {
  return clone(Object.fromEntries(keys.map((key) => [key, source[key] ?? {}])));
}

// The answers of one record, for a new scan made from it.
export function copyAnswers(record) {
  return clone({ aspects: record.aspects, results: record.results, notes: record.notes,
                 ambition: record.ambition, respondent: record.respondent });
}

export function clone(value) {
  return JSON.parse(JSON.stringify(value));
}
