// One scan record, as pure functions: no page, no storage, so Node's own test runner can test them (tests/js/).
// The twin of scoring_py/record.py, which checks a record the same way in Python.
//
// What a record and the team page's session may hold is declared ONCE, in scoring_py/record_shape.py: the build
// writes that declaration and the model's ids and limits (`record_rules`) into every page that keeps scans, and
// every function here takes it as `rules`: the fields of each unit (rules.fields.scan, .respondent, .measurement,
// .action, .team, .session, ...), the answer groups (rules.groups), the schemas and the storage's keys. No field
// list is spelled here. checkRecord() reads the rules as scoring_py/record.py check_record does; a test
// (tests/js/test_record_agreement.py) runs both on generated records for every model and demands the same
// verdict, unit for unit ("aspects.e1a", "snapshots.2", ...): a unit that fails here is what the storage drops
// (after copying the original aside), and it is exactly what the import would have refused.

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
const unknownFields = (item, fields) => Object.keys(item).filter((key) => !fields.includes(key));

function textOk(rules, value, { date = false, day = false, limit = rules.short } = {}) {
  return isText(value) && length(value) <= limit && (!date || matches(rules.date, value)) && (!day || isDay(rules, value));
}

// The short texts of a unit that do not fit (rules.texts: a short text, a date and time, or a day).
function textFields(rules, unit, item) {
  return Object.entries(rules.texts[unit]).filter(([key, kind]) => has(item, key)
    && !textOk(rules, item[key], { date: kind === "date", day: kind === "day" })).map(([key]) => key);
}

// A day that exists: 2025-06-30 yes, 2025-02-30 no (counted as scoring_py/record.py is_day counts).
export function isDay(rules, value) {
  if (!isText(value) || !matches(rules.day, value)) return false;
  const [year, month, day] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10)].map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

// The units of one scale section that do not fit; `section` must be an object (else the whole group is the unit).
function scaleUnits(rules, rule, section, unit, { unknown }) {
  if (!isObject(section)) return [unit];
  return Object.entries(section).filter(([id, value]) => !rule.ids.includes(id)
    || !((unknown && value === rules.unknown) || (Number.isInteger(value) && rule.values.includes(value))))
    .map(([id]) => `${unit}.${id}`);
}

// Free texts per id (notes, reasons): known ids, text, not too long.
function textUnits(section, unit, ids, max) {
  if (!isObject(section)) return [unit];
  return Object.entries(section).filter(([id, text]) => !ids.includes(id) || !isText(text) || length(text) > max)
    .map(([id]) => `${unit}.${id}`);
}

function excludedUnits(rules, excluded) {
  const { ids, max } = rules.excluded;
  const units = textUnits(excluded, "excluded", ids, max);
  // Leaving every part out leaves nothing to assess (record.py says the same).
  if (isObject(excluded) && ids.length && ids.every((id) => has(excluded, id))) units.push("excluded");
  return units;
}

function ambitionUnits(rules, ambition) {
  if (!isObject(ambition)) return ["ambition"];
  const units = unknownFields(ambition, rules.fields.ambition).map((key) => `ambition.${key}`);
  for (const key of rules.fields.ambition) {
    if (has(ambition, key)) units.push(...scaleUnits(rules, rules.ambition[key], ambition[key], `ambition.${key}`, { unknown: false }));
  }
  return units;
}

// aspects, results, notes, excluded and ambition: what a record, its measurements and an answers file share.
function answerUnits(rules, record) {
  const units = [];
  for (const group of ["aspects", "results"]) {
    if (has(record, group)) units.push(...scaleUnits(rules, rules[group], record[group], group, { unknown: true }));
  }
  if (has(record, "notes")) units.push(...textUnits(record.notes, "notes", rules.notes.ids, rules.notes.max));
  if (has(record, "excluded")) units.push(...excludedUnits(rules, record.excluded));
  if (has(record, "not_applicable")) {
    units.push(...textUnits(record.not_applicable, "not_applicable", rules.not_applicable.ids, rules.not_applicable.max));
  }
  if (has(record, "ambition")) units.push(...ambitionUnits(rules, record.ambition));
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
  return idOk && unknownFields(shot, rules.fields.measurement).length === 0
    && rules.required.measurement.every((key) => has(shot, key))
    && textFields(rules, "measurement", shot).length === 0
    && (!has(shot, "model") || shot.model === rules.model)
    && answerUnits(rules, shot).length === 0;
}

function snapshotUnits(rules, snapshots) {
  if (!Array.isArray(snapshots)) return ["snapshots"];
  const seen = new Set();
  return snapshots.flatMap((shot, n) => (snapshotOk(rules, shot, seen) ? [] : [`snapshots.${n}`]));
}

// The fields of one action that do not fit (["due", "owner"]); the page names them, the storage drops the action.
// `seen`: the ids of the actions before it (an id is taken once).
export function actionProblems(action, rules, seen = new Set()) {
  if (!isObject(action)) return ["action"];
  const rule = rules.actions;
  const fields = unknownFields(action, rules.fields.action);
  fields.push(...rules.required.action.filter((key) => !has(action, key)));
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
  return textUnits(notes, unit, rules.team.notes, rules.notes.max);
}

function teamUnits(rules, team) {
  if (!isObject(team)) return ["team"];
  const units = unknownFields(team, rules.fields.team).map((key) => `team.${key}`);
  if (has(team, "respondents") && !(Number.isInteger(team.respondents) && team.respondents >= 1
      && team.respondents <= rules.team.respondents)) units.push("team.respondents");
  if (has(team, "date") && !textOk(rules, team.date, { day: true })) units.push("team.date");
  if (has(team, "notes")) units.push(...itemNoteUnits(rules, team.notes, "team.notes"));
  return units;
}

function respondentUnits(rules, respondent) {
  if (!isObject(respondent)) return ["respondent"];
  return Object.entries(respondent).filter(([key, value]) => !rules.fields.respondent.includes(key)
    || !textOk(rules, value)).map(([key]) => `respondent.${key}`);
}

// The fields only the browser keeps (rules.fields.browser), checked for their type: the record rule never sees them.
const BROWSER_CHECKS = {
  schema: () => true,
  id: (value) => isText(value) && /^[\w-]+$/.test(value),
  model: isText,
  model_version: isText,
  step: (value) => value === null || isText(value),
  result: (value, rules) => isObject(value) && unknownFields(value, rules.fields.result).length === 0
    && isText(value.key) && isText(value.answers) && isObject(value.score)
    && (has(value, "gaps") ? isObject(value.gaps) && isText(value.ambition) : !has(value, "ambition")),
  exported: (value, rules) => isText(value) && matches(rules.date, value),
};

// Every field the browser keeps has a check above (tests/js/ asserts it for the real rules).
export function browserFieldsChecked(rules) {
  return rules.fields.browser.every((key) => has(BROWSER_CHECKS, key));
}

function browserUnits(rules, record) {
  return rules.fields.browser.filter((key) => has(record, key) && !BROWSER_CHECKS[key](record[key], rules));
}

// Every unit of a record's content that does not fit the rules, in no particular order (see scoring_py/record.py).
export function checkRecord(record, rules) {
  const units = textFields(rules, "scan", record);
  if (has(record, "respondent")) units.push(...respondentUnits(rules, record.respondent));
  units.push(...answerUnits(rules, record));
  if (has(record, "snapshots")) units.push(...snapshotUnits(rules, record.snapshots));
  if (has(record, "actions")) units.push(...actionUnits(rules, record.actions));
  if (has(record, "team")) units.push(...teamUnits(rules, record.team));
  units.push(...browserUnits(rules, record));
  units.push(...unknownFields(record, [...rules.fields.scan, ...rules.fields.browser]));
  return units;
}

// A stored record (any released schema) as this version keeps it: every unit that does not fit the rules is left
// out and named in `dropped`; missing fields get their defaults from `base`.
export function migrate(value, base, rules) {
  const dropped = checkRecord(value, rules);
  const bad = new Set(dropped);
  const record = clone(base);
  for (const [key, item] of Object.entries(value)) {
    if (bad.has(key) || key === "schema" || !isKnown(rules, key)) continue;
    record[key] = keepFitting(key, item, bad);
  }
  record.ambition = { ...emptyGroups(rules.fields.ambition), ...record.ambition };
  record.schema = rules.schema.record;
  return { record, dropped };
}

function isKnown(rules, key) {
  return rules.fields.scan.includes(key) || rules.fields.browser.includes(key);
}

// A copy of one field without the units named in `bad` (a unit is "key", "key.id", "key.3", "key.part.id", ...).
function keepFitting(path, item, bad) {
  if (Array.isArray(item)) {
    return item.flatMap((value, n) => (bad.has(`${path}.${n}`) ? [] : [keepFitting(`${path}.${n}`, value, bad)]));
  }
  if (isObject(item)) {
    return Object.fromEntries(Object.entries(item).filter(([key]) => !bad.has(`${path}.${key}`))
      .map(([key, value]) => [key, keepFitting(`${path}.${key}`, value, bad)]));
  }
  return item;
}

// Text read from storage as an object; null when it is not JSON or not an object.
export function storedObject(raw) {
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
  if (isNewer(value, rules.schema.record)) return { status: "newer", value };
  return { status: "ok", value, ...migrate(value, base, rules) };
}

// A stored record that is kept as it was written until its next save (rules.schema.as_is: this schema and the ones
// it only added fields to). Older layouts are rewritten when they are read.
export function readAsIs(value, rules) {
  return rules.schema.as_is.includes(value.schema);
}

// Written by a newer version than this one (whose schema is `schema`)?
export function isNewer(value, schema) {
  return typeof value.schema === "number" && value.schema > schema;
}

function emptyGroups(groups) {
  return Object.fromEntries(groups.map((group) => [group, {}]));
}

// A new, empty scan of the page's model.
export function newRecord(rules, id, name) {
  const now = new Date().toISOString();
  return {
    schema: rules.schema.record, id, name, model: rules.model, model_version: rules.version, created: now,
    updated: now, respondent: {}, ...emptyGroups(rules.groups), ambition: emptyGroups(rules.fields.ambition),
    step: null, snapshots: [], actions: [],
  };
}

export function newId() {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// The answers of a record or a measurement, as scoring_py receives them: the model and the answer groups.
export function answersOf(record, rules) {
  return { model: rules.model, model_version: record.model_version ?? rules.version,
           ...Object.fromEntries(rules.groups.map((group) => [group, record[group] ?? {}])) };
}

export function hasAnswers(record, rules) {
  return rules.groups.filter((group) => group !== "excluded")
    .some((group) => Object.keys(record[group] ?? {}).length > 0);
}

// Earlier measurements live inside the scan record (rules.fields.measurement); a measurement has the answers'
// shape, so answersOf(measurement) works on it too.
export function snapshot(record, name, rules) {
  if (!Array.isArray(record.snapshots)) record.snapshots = [];
  const shot = { id: newId(), name, taken: new Date().toISOString(), model: rules.model,
                 model_version: record.model_version, ...copyOf(record, [...rules.groups, "ambition"]) };
  record.snapshots.push(shot);
  return shot;
}

// A new measurement starts from a kept one: its answers replace the working answers; the ambition stays.
export function startFrom(record, shot, rules) {
  Object.assign(record, copyOf(shot, rules.groups), { step: null });
}

// The result the engine computed for a record, kept in the record so that the result page shows it at once on the
// next visit: {key, answers, score} and, once an ambition is scored, {ambition, gaps}. `key` names the build's
// model version and scoring code (the page's data-result-key); `answers` and `ambition` are the record's own, as
// canonical text, so a stored result is only used for exactly the answers and ambition it was computed from.
export function storedResult(record, key, rules) {
  const kept = record.result;
  if (!isObject(kept) || kept.key !== key || kept.answers !== answersKey(record, rules)) return null;
  return { score: kept.score, gaps: kept.ambition === ambitionKey(record) ? kept.gaps : null };
}

export function keepResult(record, key, score, gaps, rules) {
  record.result = { key, answers: answersKey(record, rules), score };
  if (gaps) Object.assign(record.result, { ambition: ambitionKey(record), gaps });
}

// What the score depends on: everything the engine gets to score (answersOf), except the notes, which do not change
// it. Whatever answersOf comes to carry is part of this key without a change here.
export function answersKey(record, rules) {
  const { notes, ...scored } = answersOf(record, rules);
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

export function sameAnswers(a, b, rules) {
  return rules.groups.every((group) => sameGroup(a[group] || {}, b[group] || {}));
}

function sameGroup(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function copyOf(source, keys) {
  return clone(Object.fromEntries(keys.map((key) => [key, source[key] ?? {}])));
}

// The answers of one record, for a new scan made from it: the answer groups, the ambition and the respondent.
export function copyAnswers(record, rules) {
  return copyOf(record, [...rules.groups, "ambition", "respondent"]);
}

// The content of a record, as rules.fields.scan lists it, from anything that carries it (an export the engine read,
// a shared link): only the fields it has, copied.
export function contentOf(source, rules) {
  return clone(Object.fromEntries(rules.fields.scan.filter((key) => source[key] !== undefined && source[key] !== null)
    .map((key) => [key, source[key]])));
}

// A new action for a step of the plan (`item`: an aspect or result area id), starting from that step's text.
export function newAction(item, text) {
  return { id: newId().replace(/^s/, "a"), item, text, status: "open" };
}

// The team session on the team page (rules.fields.session): the respondents' scans, what the group agreed
// (consensus: an answer and a note per aspect and result area), and the facilitator's choices.
export function newSession(rules) {
  return { schema: rules.schema.session, respondents: [], consensus: emptyGroups(rules.fields.consensus),
           show_names: false, order: rules.session.orders[0] };
}

// What a session keeps of a respondent's scan (rules.fields.session_respondent): enough to count and to label.
export function sessionRespondent(scan, rules) {
  return clone(Object.fromEntries(rules.fields.session_respondent.filter((key) => scan[key] !== undefined)
    .map((key) => [key, scan[key]])));
}

function sessionRespondentUnits(rules, respondents) {
  if (!Array.isArray(respondents)) return ["respondents"];
  return respondents.flatMap((scan, n) => {
    const bad = n >= rules.session.respondents || !isObject(scan)
      || unknownFields(scan, rules.fields.session_respondent).length > 0 || checkRecord(scan, rules).length > 0;
    return bad ? [`respondents.${n}`] : [];
  });
}

function consensusUnits(rules, consensus) {
  if (!isObject(consensus)) return ["consensus"];
  const units = unknownFields(consensus, rules.fields.consensus).map((key) => `consensus.${key}`);
  for (const key of ["aspects", "results"]) {
    if (has(consensus, key)) units.push(...scaleUnits(rules, rules[key], consensus[key], `consensus.${key}`, { unknown: false }));
  }
  if (has(consensus, "notes")) units.push(...itemNoteUnits(rules, consensus.notes, "consensus.notes"));
  return units;
}

// Every unit of a session that does not fit the rules (see check_session in scoring_py/record.py).
export function checkSession(session, rules) {
  const units = unknownFields(session, [...rules.fields.session, "schema"]);
  units.push(...textFields(rules, "session", session));
  if (has(session, "saved") && !(isText(session.saved) && matches(rules.id, session.saved))) units.push("saved");
  if (has(session, "show_names") && typeof session.show_names !== "boolean") units.push("show_names");
  if (has(session, "order") && !rules.session.orders.includes(session.order)) units.push("order");
  if (has(session, "respondents")) units.push(...sessionRespondentUnits(rules, session.respondents));
  if (has(session, "consensus")) units.push(...consensusUnits(rules, session.consensus));
  return units;
}

// A stored session as this version keeps it: "unreadable", "newer", or "ok" with the session and what was dropped.
export function readStoredSession(raw, rules) {
  const value = storedObject(raw);
  if (!value) return { status: "unreadable" };
  if (isNewer(value, rules.schema.session)) return { status: "newer" };
  const dropped = checkSession(value, rules);
  const bad = new Set(dropped);
  const session = newSession(rules);
  for (const [key, item] of Object.entries(value)) {
    if (bad.has(key) || !rules.fields.session.includes(key)) continue;
    session[key] = keepFitting(key, item, bad);
  }
  session.consensus = { ...emptyGroups(rules.fields.consensus), ...session.consensus };
  session.schema = rules.schema.session;
  return { status: "ok", session, dropped };
}

export function clone(value) {
  return JSON.parse(JSON.stringify(value));
}
