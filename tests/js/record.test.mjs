// The pure record functions of the browser (site_templates/assets/js/record.js), under Node's own test runner:
//   node --test tests/js/
// The rules are scoring_py/record.py's record_rules() for the fixture model (tests/scoring/test_record.py checks the file).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { actionProblems, answersOf, browserFieldsChecked, canonical, checkRecord, checkSession, contentOf, hasAnswers,
         isDay, keepResult, migrate, newAction, newRecord, newSession, readAsIs, readStored, readStoredSession,
         sameAnswers, sessionRespondent, snapshot, startFrom, storedResult } from "../../site_templates/assets/js/record.js";

const rules = JSON.parse(readFileSync(new URL("../fixtures/engine/record-rules.json", import.meta.url), "utf8"));
const SCHEMA = rules.schema.record;
const base = () => newRecord(rules, "s1", "Mijn scan");
const SHOT = { id: "s0nul", name: "Nulmeting", taken: "2025-02-02T09:00:00.000Z", model: "semm",
               model_version: "2022.1", aspects: { e1a: 2 }, results: {}, notes: {},
               ambition: { elements: {}, results: {} } };
const GOOD = { ...base(), name: "Team Zuid", respondent: { unit: "Zuid" }, aspects: { e1a: 3, e1b: "unknown" },
               results: { ra: 0 }, notes: { e1: "Besproken" }, ambition: { elements: { e1: 4 }, results: { ra: 2 } },
               step: "e2", snapshots: [SHOT] };

test("a good record keeps everything", () => {
  const { record, dropped } = migrate(GOOD, base(), rules);
  assert.deepEqual(dropped, []);
  assert.deepEqual(record, GOOD);
});

test("every part that does not fit is dropped and named, the rest is kept", () => {
  const value = { ...GOOD, name: 5, stap: 2, respondent: { naam: "A", role: "x".repeat(201), unit: "Zuid" },
                  aspects: { e1a: 7, e9z: 1, e1b: 3 }, results: { ra: "unknown", rb: true },
                  notes: { e1: 5, e99: "x", e2: "Goed" }, ambition: { elements: { e1: "unknown", e2: 5 }, results: [] },
                  snapshots: [SHOT, { ...SHOT }, { ...SHOT, id: "s1", name: 7 }, 5] };
  const { record, dropped } = migrate(value, base(), rules);

  assert.deepEqual(new Set(dropped), new Set(["name", "stap", "respondent.naam", "respondent.role", "aspects.e1a",
    "aspects.e9z", "results.rb", "notes.e1", "notes.e99", "ambition.elements.e1", "ambition.results", "snapshots.1",
    "snapshots.2", "snapshots.3"]));
  assert.equal(record.name, "Mijn scan"); // the default from `base`
  assert.deepEqual(record.respondent, { unit: "Zuid" });
  assert.deepEqual(record.aspects, { e1b: 3 });
  assert.deepEqual(record.results, { ra: "unknown" });
  assert.deepEqual(record.notes, { e2: "Goed" });
  assert.deepEqual(record.ambition, { elements: { e2: 5 }, results: {} });
  assert.deepEqual(record.snapshots, [SHOT]);
  assert.equal("stap" in record, false);
});

test("a group of the wrong type falls back to its default", () => {
  const { record, dropped } = migrate({ ...GOOD, aspects: [], ambition: "hoog", snapshots: {} }, base(), rules);
  assert.deepEqual(dropped.sort(), ["ambition", "aspects", "snapshots"]);
  assert.deepEqual([record.aspects, record.ambition, record.snapshots], [{}, { elements: {}, results: {} }, []]);
});

test("parts left out keep a reason of text; an unknown part or a reason of another kind is dropped", () => {
  const { record, dropped } = migrate({ ...GOOD, excluded: { e2: "Geen invloed", e3: 5, e9: "" } }, base(), rules);
  assert.deepEqual(dropped.sort(), ["excluded.e3", "excluded.e9"]);
  assert.deepEqual(record.excluded, { e2: "Geen invloed" });
  assert.deepEqual(checkRecord({ excluded: { e1: "x".repeat(501) } }, rules), ["excluded.e1"]);
  assert.deepEqual(checkRecord({ excluded: { e1: "", e2: "", e3: "" } }, rules), ["excluded"]); // nothing left
  const strict = { ...rules, excluded: { ids: [], max: 500 } }; // a model that does not allow it
  assert.deepEqual(checkRecord({ excluded: { e1: "" } }, strict), ["excluded.e1"]);
});

test("texts are counted in characters, as Python counts them", () => {
  assert.deepEqual(checkRecord({ name: "😀".repeat(200) }, rules), []);
  assert.deepEqual(checkRecord({ name: "😀".repeat(201) }, rules), ["name"]);
});

test("dates must look like dates; a newline after one is not allowed", () => {
  assert.deepEqual(checkRecord({ created: "2025-02-01", updated: "2025-02-01T09:00:00+01:00" }, rules), []);
  for (const bad of ["gisteren", "2025-13-01", "2025-02-01\n", "٢٠٢٥-02-01"]) {
    assert.deepEqual(checkRecord({ created: bad }, rules), ["created"], bad);
  }
});

test("a measurement with a taken id, a missing field or a stranger's model is dropped whole", () => {
  const shots = [SHOT, { ...SHOT, extra: 1, id: "s1" }, { ...SHOT, id: "s1" }, { ...SHOT, id: "s2", model: "ander" },
                 { id: "s3", name: "Zonder datum" }];
  assert.deepEqual(checkRecord({ snapshots: shots }, rules), ["snapshots.1", "snapshots.2", "snapshots.3",
                                                               "snapshots.4"]);
});

test("what to do with stored text: unreadable, newer, or migrated", () => {
  assert.deepEqual(readStored("{niet", base(), rules), { status: "unreadable" });
  assert.deepEqual(readStored("[1]", base(), rules), { status: "unreadable" });
  assert.equal(readStored(JSON.stringify({ schema: SCHEMA + 1 }), base(), rules).status, "newer");
  const stored = readStored(JSON.stringify({ ...GOOD, aspects: { e1a: 9 } }), base(), rules);
  assert.equal(stored.status, "ok");
  assert.deepEqual(stored.dropped, ["aspects.e1a"]); // the page copies the original aside before saving this
});

test("a measurement keeps the answers; a new one starts from it and keeps the ambition", () => {
  const record = structuredClone(GOOD);
  const shot = snapshot(record, "Voorjaar", rules);
  assert.deepEqual(checkRecord(record, rules), []);
  record.aspects = { e1a: 1 };
  record.ambition = { elements: { e1: 6 }, results: {} };
  assert.equal(sameAnswers(record, shot, rules), false);
  startFrom(record, shot, rules);
  assert.equal(sameAnswers(record, shot, rules), true);
  assert.deepEqual(record.ambition, { elements: { e1: 6 }, results: {} });
  assert.equal(record.step, null);
});

const ACTION = { id: "a1", item: "e2a", text: "Schrijf de klantvisie op", owner: "Anna", due: "2025-06-30",
                 status: "open", note: "Eerst met het MT" };

test("actions and team data are kept; a bad action is dropped whole, a bad part of the team data alone", () => {
  const value = { ...GOOD, actions: [ACTION, { ...ACTION }, { ...ACTION, id: "a2", due: "2025-02-30" },
                                     { ...ACTION, id: "a3", status: "bezig" }, { ...ACTION, id: "a4", item: "ra" }],
                  team: { respondents: 5, date: "2025-13-01", notes: { e1a: "Eens", e9z: "x", ra: 7 }, wie: "A" } };
  const { record, dropped } = migrate(value, base(), rules);

  assert.deepEqual(new Set(dropped), new Set(["actions.1", "actions.2", "actions.3", "team.date", "team.notes.e9z",
                                              "team.notes.ra", "team.wie"]));
  assert.deepEqual(record.actions, [ACTION, { ...ACTION, id: "a4", item: "ra" }]);
  assert.deepEqual(record.team, { respondents: 5, notes: { e1a: "Eens" } });
});

test("what is wrong with an action, field by field, for the page to name", () => {
  assert.deepEqual(actionProblems(ACTION, rules), []);
  assert.deepEqual(actionProblems({ ...ACTION, owner: "x".repeat(201), due: "2023-02-29", extra: 1, text: undefined },
                                  rules).sort(), ["due", "extra", "owner", "text"]);
  assert.deepEqual(actionProblems({ id: "a1", item: "e1a", text: "x".repeat(2001), status: "open" }, rules), ["text"]);
  const seen = new Set(["a1"]);
  assert.deepEqual(actionProblems(ACTION, rules, seen), ["id"]);
});

test("a new action starts open, from the step's text, with its own id", () => {
  const action = newAction("e2a", "De volgende fase");
  assert.deepEqual(actionProblems(action, rules), []);
  assert.equal(action.status, "open");
  assert.match(action.id, /^a[a-z0-9]+$/);
});

test("days exist in the calendar", () => {
  for (const day of ["2024-02-29", "2000-02-29", "2025-04-30"]) assert.equal(isDay(rules, day), true, day);
  for (const day of ["2023-02-29", "1900-02-29", "2025-04-31", "2025-6-30", 20250630]) {
    assert.equal(isDay(rules, day), false, String(day));
  }
});

test("a record of schema 1 is read as it is; it becomes the current schema when saved", () => {
  assert.equal(SCHEMA, 4);
  assert.equal(readAsIs({ schema: 1 }, rules), true);
  assert.equal(readAsIs({}, rules), false); // the first layout is rewritten
  const stored = readStored(JSON.stringify({ ...GOOD, schema: 1, actions: undefined }), base(), rules);
  assert.deepEqual([stored.status, stored.dropped, stored.record.actions, stored.record.schema], ["ok", [], [], 4]);
  assert.equal(readAsIs({ schema: 2 }, rules), true); // schema 3 only added not_applicable
  assert.equal(readAsIs({ schema: 3 }, rules), true); // schema 4 only added the browser's exported
});

const SESSION = { schema: 2, name: "Klantcontact", date: "2025-03-01", show_names: false, order: "spread",
                  respondents: [{ name: "Scan Anna", respondent: { name: "Anna" }, aspects: { e1a: 2 }, results: {} }],
                  consensus: { aspects: { e1a: 3 }, results: { ra: 2 }, notes: { e1a: "Eens" } } };

test("a stored session keeps what fits and names what it dropped", () => {
  assert.deepEqual(checkSession(SESSION, rules), []);
  assert.deepEqual(readStoredSession(JSON.stringify(SESSION), rules), { status: "ok", session: SESSION, dropped: [] });
  const bad = { ...SESSION, order: "willekeurig", stap: 1,
                respondents: [...SESSION.respondents, { notes: {} }, { aspects: { e1a: 9 } }],
                consensus: { aspects: { e1a: "unknown", e1b: 4 }, notes: { e9: "x" } } };
  const { session, dropped } = readStoredSession(JSON.stringify(bad), rules);
  assert.deepEqual(new Set(dropped), new Set(["order", "stap", "respondents.1", "respondents.2",
                                              "consensus.aspects.e1a", "consensus.notes.e9"]));
  assert.equal(session.order, "spread"); // the default
  assert.deepEqual(session.respondents, SESSION.respondents);
  assert.deepEqual(session.consensus, { aspects: { e1b: 4 }, results: {}, notes: {} });
});

test("a session that cannot be read, or of a newer version", () => {
  assert.deepEqual(readStoredSession("{niet", rules), { status: "unreadable" });
  assert.deepEqual(readStoredSession(JSON.stringify({ schema: 9 }), rules), { status: "newer" });
  assert.deepEqual(checkSession(newSession(rules), rules), []);
});

test("the last result is kept with the scan and used only for the same build, answers and ambition", () => {
  const record = structuredClone(GOOD);
  const score = { overall: { phase: 3 } };
  const gaps = { overall: { target: 4 } };
  keepResult(record, "2022.1/abc", score, gaps, rules);
  assert.deepEqual(checkRecord(record, rules), []);
  assert.deepEqual(migrate(record, base(), rules).record.result, record.result);
  assert.deepEqual(storedResult(record, "2022.1/abc", rules), { score, gaps });
  assert.equal(storedResult(record, "2022.2/abc", rules), null); // another model version or scoring code
  // The same answers in another order are the same answers; notes do not change a score.
  record.aspects = { e1b: "unknown", e1a: 3 };
  record.notes = { e1: "Nog een gedachte" };
  assert.deepEqual(storedResult(record, "2022.1/abc", rules), { score, gaps });
  record.ambition.elements.e1 = 5; // a new ambition: the score stands, the gaps must be computed again
  assert.deepEqual(storedResult(record, "2022.1/abc", rules), { score, gaps: null });
  record.aspects.e1a = 4; // a new answer: nothing stored is used
  assert.equal(storedResult(record, "2022.1/abc", rules), null);
});

test("a stored result of the wrong shape is dropped like any unit that does not fit", () => {
  const keep = (result) => checkRecord({ ...GOOD, result }, rules);
  assert.deepEqual(keep({ key: "k", answers: "{}", score: {} }), []);
  for (const bad of [null, "uitslag", [], { key: "k", answers: "{}" }, { key: 1, answers: "{}", score: {} },
                     { key: "k", answers: "{}", score: {}, gaps: {} }, { key: "k", answers: "{}", score: {}, extra: 1 }]) {
    assert.deepEqual(keep(bad), ["result"], JSON.stringify(bad));
  }
  const { record, dropped } = migrate({ ...GOOD, result: "uitslag" }, base(), rules);
  assert.deepEqual(dropped, ["result"]);
  assert.equal("result" in record, false);
});

test("the date of the last export is kept when it is a date, and dropped like any unit when it is not", () => {
  assert.deepEqual(checkRecord({ ...GOOD, exported: "2026-12-02T10:15:00.000Z" }, rules), []);
  for (const bad of [null, 20261202, "gisteren", "2026-13-01"]) {
    assert.deepEqual(checkRecord({ ...GOOD, exported: bad }, rules), ["exported"], String(bad));
  }
  assert.equal(migrate({ ...GOOD, exported: "gisteren" }, base(), rules).record.exported, undefined);
});

test("canonical text does not depend on the order of keys", () => {
  assert.equal(canonical({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } }), '{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}');
});

test("every field the browser keeps has a type check, and the answers of a record follow the declared groups", () => {
  assert.equal(browserFieldsChecked(rules), true);
  assert.equal(browserFieldsChecked({ ...rules, fields: { ...rules.fields, browser: [...rules.fields.browser, "new"] } }),
               false);
  const record = { ...base(), aspects: { e1a: 3 }, notes: { e1: "Besproken" }, team: { respondents: 2 } };
  assert.deepEqual(answersOf(record, rules), { model: "semm", model_version: "2022.1", aspects: { e1a: 3 }, results: {},
                                               notes: { e1: "Besproken" }, excluded: {}, not_applicable: {} });
  const grown = { ...rules, groups: [...rules.groups, "team"] }; // a group added to the declaration is carried at once
  assert.deepEqual(answersOf(record, grown).team, { respondents: 2 });
  assert.equal(hasAnswers(base(), rules), false);
  assert.equal(hasAnswers(record, rules), true);
});

test("a record's content and a session's respondent take exactly the declared fields", () => {
  const exported = { name: "Team Zuid", created: null, aspects: { e1a: 3 }, exported: "2025-03-01", model: "semm",
                     respondent: { unit: "Zuid" }, team: { respondents: 4 } };
  assert.deepEqual(contentOf(exported, rules), { name: "Team Zuid", respondent: { unit: "Zuid" }, aspects: { e1a: 3 },
                                                 team: { respondents: 4 } });
  assert.deepEqual(sessionRespondent({ ...GOOD, respondent: { name: "Anna" } }, rules),
                   { name: "Team Zuid", respondent: { name: "Anna" }, aspects: GOOD.aspects, results: GOOD.results,
                     excluded: {}, not_applicable: {} });
});
