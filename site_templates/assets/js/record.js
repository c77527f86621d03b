// One scan record, as pure functions: no page, no storage, so Node's own test runner can test them (tests/js/).
//
// A record holds: schema, id, name, model, model_version, created, updated, respondent {name, role, unit},
// aspects, results, notes, excluded, ambition {elements, results}, step, snapshots, actions [{id, item, text, owner,
// due, status, note}], for a scan a team agreed on team {respondents, date, notes}, and perhaps result (the last
// result the engine computed, kept for the next visit; see storedResult below).
// The team page's session (the respondents' scans and what the group agreed) follows the same rule: checkSession().
// What the content may hold is ONE rule, scoring_py/record.py: the build writes its data (`record_rules`) into every
// page that keeps scans, and checkRecord() below reads the same data the same way. A test
// (tests/test_record_agreement.py) runs both on the same generated records and demands the same verdict, unit for
// unit ("aspects.e1a", "snapshots.2", ...): a unit that fails here is what the storage drops (after copying the
// original aside), and it is exactly what the import would have refused.

// Schema 2 added actions, team and excluded: a version that knows only schema 1 would drop them, so it leaves them
// alone.
export const SCHEMA = 2;
export const SESSION_SCHEMA = 1;
const UNKNOWN = "unknown";
const CONTENT = ["name", "created", "updated", "respondent", "aspects", "results", "notes", "excluded", "ambition",
                 "snapshots", "actions", "team"];
const AMBITION = ["elements", "results"];
const SNAPSHOT = ["id", "name", "taken", "model", "model_version", "aspects", "results", "notes", "excluded",
                  "ambition"];
const SNAPSHOT_REQUIRED = ["id", "name", "taken"];
const ACTION = ["id", "item", "text", "owner", "due", "status", "note"];
const ACTION_REQUIRED = ["id", "item", "text", "status"];
const TEAM = ["respondents", "date", "notes"];
const SESSION = ["name", "date", "respondents", "consensus", "show_names", "order", "saved", "updated"];
const SESSION_RESPONDENT = ["name", "respondent", "aspects", "results", "excluded"];
const CONSENSUS = ["aspects", "results", "notes"];
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

function textOk(rules, value, { date = false, day = false, limit = rules.short } = {}) {
  return isText(value) && length(value) <= limit && (!date || matches(rules.date, value)) && (!day || isDay(rules, value));
}

// A day that exists: 2025-06-30 yes, 2025-02-30 no (counted as scoring_py/record.py is_day counts).
export function isDay(rules, value) {
  if (!isText(value) || !matches(rules.day, value)) return false;
  const [year, month, day] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10)].map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
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
  if (has(record, "excluded")) {
    if (!isObject(record.excluded)) units.push("excluded");
    else {
      // Leaving every part out leaves nothing to assess (record.py says the same).
      if (rules.excluded.ids.length && rules.excluded.ids.every((id) => has(record.excluded, id))) units.push("excluded");
      for (const [id, reason] of Object.entries(record.excluded)) {
        if (!rules.excluded.ids.includes(id) || !isText(reason) || length(reason) > rules.excluded.max) {
          units.push(`excluded.${id}`);
        }
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

// The fields of one action that do not fit (["due", "owner"]); the page names them, the storage drops the action.
// `seen`: the ids of the actions before it (an id is taken once).
export function actionProblems(action, rules, seen = new Set()) {
  if (!isObject(action)) return ["action"];
  const rule = rules.actions;
  const fields = Object.keys(action).filter((key) => !ACTION.includes(key));
  fields.push(...ACTION_REQUIRED.filter((key) => !has(action, key)));
  if (has(action, "id")) {
    if (!isText(action.id) || !matches(rules.id, action.id) || seen.has(action.id)) fields.push("id");
    else seen.add(action.id);
  }
  if (has(action, "item") && !rule.items.includes(action.item)) fields.push("item");
  for (const key of ["text", "note"]) if (has(action, key) && !textOk(rules, action[key], { limit: rule.text })) fields.push(key);
  if (has(action, "owner") && !textOk(rules, action.owner)) fields.push("owner");
  if (has(action, "due") && !isDay(rules, action.due)) fields.push("due");
  if (has(action, "status") && !rule.statuses.includes(action.status)) fields.push("status");
  return fields;
}

function actionUnits(rules, actions) {
  if (!Array.isArray(actions)) return ["actions"];
  const seen = new Set();
  return actions.flatMap((action, n) => (n >= rules.actions.max || actionProblems(action, rules, seen).length
    ? [`actions.${n}`] : []));
}

// The group's notes per aspect or result area (team.notes, consensus.notes).
function itemNoteUnits(rules, notes, unit) {
  if (!isObject(notes)) return [unit];
  return Object.entries(notes).filter(([id, note]) => !rules.team.notes.includes(id)
    || !textOk(rules, note, { limit: rules.notes.max })).map(([id]) => `${unit}.${id}`);
}

function teamUnits(rules, team) {
  if (!isObject(team)) return ["team"];
  const units = Object.keys(team).filter((key) => !TEAM.includes(key)).map((key) => `team.${key}`);
  if (has(team, "respondents") && !(Number.isInteger(team.respondents) && team.respondents >= 1
      && team.respondents <= rules.team.respondents)) units.push("team.respondents");
  if (has(team, "date") && !textOk(rules, team.date, { day: true })) units.push("team.date");
  if (has(team, "notes")) units.push(...itemNoteUnits(rules, team.notes, "team.notes"));
  return units;
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
  if (has(record, "actions")) units.push(...actionUnits(rules, record.actions));
  if (has(record, "team")) units.push(...teamUnits(rules, record.team));
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
  if (key === "snapshots" || key === "actions" || key === "respondents") {
    return clone(item.filter((_, n) => !bad.has(`${key}.${n}`)));
  }
  if (key === "team" || key === "consensus") {
    return Object.fromEntries(Object.entries(item).filter(([part]) => !bad.has(`${key}.${part}`))
      .map(([part, value]) => [part, isObject(value) ? keepFitting(`${key}.${part}`, value, bad) : clone(value)]));
  }
  if (key === "ambition") {
    return Object.fromEntries(AMBITION.filter((part) => has(item, part) && !bad.has(`ambition.${part}`))
      .map((part) => [part, keepFitting(`ambition.${part}`, item[part], bad)]));
  }
  if (isObject(item)) {
    return Object.fromEntries(Object.entries(item).filter(([id]) => !bad.has(`${key}.${id}`)).map(([id, v]) => [id, clone(v)]));
  }
  return clone(item);
}

// Text read from storage as an object; null when it is not JSON or not an object.
function storedObject(raw) {
  try {
    const value = JSON.parse(raw);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

// What to do with text read from storage: "unreadable" (not a record: copy it aside), "newer" (written by a newer
// version: leave it alone), or "ok" with the migrated record and the units that were dropped (copy aside first
// when there are any). `base` is the record a missing field falls back to.
export function readStored(raw, base, rules) {
  const value = storedObject(raw);
  if (!value) return { status: "unreadable" };
  if (isNewer(value)) return { status: "newer", value };
  return { status: "ok", value, ...migrate(value, base, rules) };
}

// A stored record that is kept as it was written until its next save: this schema, or schema 1 (schema 2 only added
// fields). Older layouts are rewritten when they are read.
export function readAsIs(value) {
  return value.schema === SCHEMA || value.schema === 1;
}

export function isNewer(value) {
  return typeof value.schema === "number" && value.schema > SCHEMA;
}

export function newRecord(id, name, modelId, modelVersion) {
  const now = new Date().toISOString();
  return {
    schema: SCHEMA, id, name, model: modelId, model_version: modelVersion, created: now, updated: now,
    respondent: {}, aspects: {}, results: {}, notes: {}, excluded: {}, ambition: { elements: {}, results: {} },
    step: null, snapshots: [], actions: [],
  };
}

export function newId() {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// What scoring_py receives: the answers only, as plain data (with the parts left out of this assessment).
export function answersOf(record) {
  return { model: record.model, model_version: record.model_version, aspects: record.aspects,
           results: record.results, notes: record.notes, excluded: record.excluded ?? {} };
}

export function hasAnswers(record) {
  return [record.aspects, record.results, record.notes].some((group) => Object.keys(group).length > 0);
}

// Earlier measurements live inside the scan record: {id, name, taken, model, model_version, aspects, results,
// notes, ambition}. A snapshot has the answers' shape, so answersOf(snapshot) works on it too.
export function snapshot(record, name) {
  if (!Array.isArray(record.snapshots)) record.snapshots = [];
  const shot = { id: newId(), name, taken: new Date().toISOString(), model: record.model,
                 model_version: record.model_version,
                 ...copyOf(record, ["aspects", "results", "notes", "excluded", "ambition"]) };
  record.snapshots.push(shot);
  return shot;
}

// A new measurement starts from a kept one: its answers replace the working answers; the ambition stays.
export function startFrom(record, shot) {
  Object.assign(record, copyOf(shot, ["aspects", "results", "notes", "excluded"]), { step: null });
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
  return ["aspects", "results", "notes", "excluded"].every((group) => sameGroup(a[group] || {}, b[group] || {}));
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
  return clone({ aspects: record.aspects, results: record.results, notes: record.notes, excluded: record.excluded ?? {},
                 ambition: record.ambition, respondent: record.respondent });
}

// A new action for a step of the plan (`item`: an aspect or result area id), starting from that step's text.
export function newAction(item, text) {
  return { id: newId().replace(/^s/, "a"), item, text, status: "open" };
}

// The team session on the team page: the respondents' scans (name, respondent, answers), what the group agreed
// (consensus: an answer and a note per aspect and result area), and the facilitator's choices.
export function newSession() {
  return { schema: SESSION_SCHEMA, respondents: [], consensus: { aspects: {}, results: {}, notes: {} },
           show_names: false, order: "spread" };
}

// Every unit of a session that does not fit the rules (see check_session in scoring_py/record.py).
export function checkSession(session, rules) {
  const units = Object.keys(session).filter((key) => !SESSION.includes(key) && key !== "schema");
  for (const key of ["name", "date", "updated"]) {
    if (has(session, key) && !textOk(rules, session[key], { date: key === "updated", day: key === "date" })) units.push(key);
  }
  if (has(session, "saved") && !(isText(session.saved) && matches(rules.id, session.saved))) units.push("saved");
  if (has(session, "show_names") && typeof session.show_names !== "boolean") units.push("show_names");
  if (has(session, "order") && !rules.session.orders.includes(session.order)) units.push("order");
  if (has(session, "respondents")) {
    if (!Array.isArray(session.respondents)) units.push("respondents");
    else {
      session.respondents.forEach((scan, n) => {
        const bad = n >= rules.session.respondents || !isObject(scan)
          || Object.keys(scan).some((key) => !SESSION_RESPONDENT.includes(key)) || checkRecord(scan, rules).length > 0;
        if (bad) units.push(`respondents.${n}`);
      });
    }
  }
  if (has(session, "consensus")) {
    const consensus = session.consensus;
    if (!isObject(consensus)) units.push("consensus");
    else {
      units.push(...Object.keys(consensus).filter((key) => !CONSENSUS.includes(key)).map((key) => `consensus.${key}`));
      for (const key of ["aspects", "results"]) {
        if (has(consensus, key)) units.push(...scaleUnits(rules[key], consensus[key], `consensus.${key}`, { unknown: false }));
      }
      if (has(consensus, "notes")) units.push(...itemNoteUnits(rules, consensus.notes, "consensus.notes"));
    }
  }
  return units;
}

// A stored session as this version keeps it: "unreadable", "newer", or "ok" with the session and what was dropped.
export function readStoredSession(raw, rules) {
  const value = storedObject(raw);
  if (!value) return { status: "unreadable" };
  if (typeof value.schema === "number" && value.schema > SESSION_SCHEMA) return { status: "newer" };
  const dropped = checkSession(value, rules);
  const bad = new Set(dropped);
  const session = newSession();
  for (const [key, item] of Object.entries(value)) {
    if (bad.has(key) || !SESSION.includes(key)) continue;
    session[key] = keepFitting(key, item, bad);
  }
  session.consensus = { aspects: {}, results: {}, notes: {}, ...session.consensus };
  session.schema = SESSION_SCHEMA;
  return { status: "ok", session, dropped };
}

export function clone(value) {
  return JSON.parse(JSON.stringify(value));
}
