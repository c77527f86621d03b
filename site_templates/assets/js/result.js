// The result page: the summary, the two charts with their tables, what the stage means, the next steps and the
// notes, filled from the engine's `score` (and `gaps` for the ambition, see ambition.js). Printed, the same page is
// the report, with a heading naming the scan (filled here).
//
// A return visit is instant: the result the engine computed last time is kept in the scan record (record.js
// keepResult), with the build's result key (data-result-key: the model's version and a hash of the scoring code
// and the model) and the answers it was computed from. When both still match, the page shows it at once and the
// engine confirms it once it is ready; otherwise the page waits for the engine.
import { answersOf, canonical, DAY, fill, formatDate, formatValue, hasAnswers, keepResult, link, runPage, setList,
         storedResult }
  from "./kit.js";
import { setupExchange } from "./exchange.js";
import { markExported, showKeepNotice } from "./storage-notice.js";
import { describe, drawRows } from "./charts.js";
import { setupAmbition } from "./ambition.js";

const SHARE_PREFIX = "#deel=";

function main(page) {
  const { root, texts, library } = page;
  document.querySelector("[data-print]").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => { page.field("report-printed").textContent = today(); });
  if (window.location.hash.startsWith(SHARE_PREFIX)) {
    showShared(page, window.location.hash);
    return;
  }
  const scan = library.current({ create: false });
  const state = scan?.record;
  if (!state || !hasAnswers(state, page.rules)) {
    root.querySelector("[data-result-empty]").hidden = false;
    return;
  }
  fillReport(page, state.name, state.respondent, state.updated);
  const view = { score: null, gaps: null };
  const show = () => render(page, view, state.notes, true);
  const kept = storedResult(state, texts.resultKey, page.rules);
  if (kept) {
    Object.assign(view, kept);
    show();
    shown(root, "stored");
  }

  const { engine } = page;
  // Where this browser may delete the scan, one note says so and offers the export file; every export is noted.
  const keep = showKeepNotice({ getScan: () => scan, engine });
  setupExchange(root.querySelector("[data-exchange]"), engine, () => state, page.rules, { onExported: (moment) => {
    markExported(scan, moment);
    keep.update();
  } });
  // Keeps what the engine computed with the scan, for the next visit; only a change is written.
  const remember = () => {
    const before = canonical(state.result ?? null);
    keepResult(state, texts.resultKey, view.score, view.gaps, page.rules);
    if (canonical(state.result) !== before) scan.save({ keepDate: true });
  };
  const ambition = setupAmbition(root.querySelector("[data-ambition]"), root, engine, scan, (gaps) => {
    view.gaps = gaps;
    show();
    remember();
  }, page.rules);
  if (kept) ambition.reveal();
  engine.call("score", { answers: answersOf(state, page.rules) }).then((score) => {
    const changed = canonical(score) !== canonical(view.score);
    view.score = score;
    if (changed) show();
    if (!kept) ambition.reveal();
    shown(root, "engine");
    remember();
    ambition.update();
  }, page.failed(texts.textAnswersError));
}

// A result someone shared by link: decoded and checked by scoring_py, shown read-only, kept only on request.
function showShared(page, fragment) {
  const { root, texts, library, engine } = page;
  root.querySelector("[data-exchange]").hidden = true;
  for (const form of root.querySelectorAll("[data-ambition-form], [data-ambition-fact], [data-ambition-link]")) {
    form.hidden = true;
  }
  fillReport(page, texts.textSharedName, {}, null);
  page.printName = texts.textSharedName; // printed, the pages name the shared result, not the open scan
  let answers;
  engine.call("decode_share", { fragment })
    .then((decoded) => {
      answers = decoded;
      return engine.call("score", { answers });
    })
    .then((score) => {
      render(page, { score, gaps: null }, {}, false);
      shown(root, "engine");
      root.querySelector("[data-shared]").hidden = false;
    }, page.failed(texts.textShareError));
  const keep = root.querySelector("[data-keep]");
  keep.addEventListener("click", () => {
    const status = root.querySelector("[data-keep-status]");
    const { saved } = library.importScan(answers, texts.textSharedName);
    keep.disabled = true;
    status.replaceChildren(saved ? fill(texts.textKept, { name: texts.textSharedName }) : texts.textKeepFailed);
    if (saved) status.append(" ", link(texts.scansPage, texts.textKeptLink));
  });
}

// The report's heading: whose scan this is and when it was filled in and printed.
function fillReport(page, name, respondent, updated) {
  page.field("report-title").textContent = name;
  for (const key of page.rules.fields.respondent) {
    const value = (respondent || {})[key];
    page.root.querySelector(`[data-report="${key}"]`).hidden = !value;
    page.field(`report-${key}`).textContent = value || "";
  }
  page.root.querySelector('[data-report="updated"]').hidden = !updated;
  page.field("report-updated").textContent = updated ? formatDate(updated) : "";
  page.field("report-printed").textContent = today();
}

function today() {
  return formatDate(new Date().toISOString(), DAY);
}

// For the benchmark and the tests: where the result on screen came from, and when it first appeared.
function shown(root, source) {
  if (!root.dataset.resultSource) performance.mark("result-shown");
  root.dataset.resultSource = source;
}

function render(page, { score, gaps }, notes, own) {
  if (!score) return;
  const { root, texts } = page;
  const { overall } = score;
  const names = Object.fromEntries(score.elements.map((e) => [e.id, e.label]));
  const partText = (e) => fill(texts.textPart, { name: names[e.id], value: valueText(score, "part", e) });

  root.querySelector("[data-provisional]").hidden = !overall.provisional;
  root.querySelector("[data-final]").hidden = overall.provisional;
  page.field("overall").textContent = overall.phase === null ? texts.textNoPhase
    : fill(texts.textOverall, { value: valueText(score, "overall", overall), name: overall.phase_name });
  page.field("overall-summary").textContent = overall.summary || "";
  const byId = Object.fromEntries(score.elements.map((e) => [e.id, e]));
  page.field("weakest").textContent = manyParts(texts, overall.weakest.map((id) => byId[id]), partText, score)
    || texts.textNone;
  page.field("strongest").textContent = overall.phase === null ? texts.textNone
    : manyParts(texts, score.strengths.map((id) => byId[id]), partText, score) || texts.textNoStrengths;
  showOpen(page, score, names);
  showScope(page, score, names);

  drawParts(page, score, gaps, names);
  drawAreas(page, score, gaps);
  fillTables(page, score, gaps);

  root.querySelector("[data-meaning]").hidden = overall.phase === null;
  page.field("meaning-title").textContent = fill(page.field("meaning-title").dataset.template, { phase: overall.phase });
  setList(page.list("characteristics"), overall.characteristics);
  root.querySelector("[data-completed]").hidden = overall.completed.length === 0;
  page.field("completed-title").textContent = fill(page.field("completed-title").dataset.template,
                                                   { phase: overall.phase });
  setList(page.list("completed"), overall.completed);
  const next = score.next_phase;
  root.querySelector("[data-next-phase]").hidden = !next;
  root.querySelector("[data-top-phase]").hidden = Boolean(next) || overall.phase === null;
  if (next) {
    const title = page.field("next-title");
    title.textContent = fill(title.dataset.template, { phase: next.id, name: next.name });
    page.field("next-summary").textContent = next.summary;
    setList(page.list("next-characteristics"), next.characteristics);
  }
  markStage(root, texts, overall);
  showSteps(page, score.next_steps);
  showNotes(page, score, names, notes);
  showTerms(page, score.terms);
  if (own) page.field("ambition-overall").textContent = ambitionText(root, gaps);
  root.querySelector("[data-result]").hidden = false;
}

// A value the model's rule gave (a part's, a group's or the whole's), with the decimals the engine says.
function valueText(score, kind, unit) {
  return formatValue(unit.value, score.decimals[kind]);
}

// Up to three parts by name; more are counted (they all have the same value), so the summary stays short.
function manyParts(texts, parts, partText, score) {
  if (parts.length <= 3) return parts.map(partText).join(", ");
  const values = { count: parts.length, value: valueText(score, "part", parts[0]) };
  return fill(parts.length === score.elements.length ? texts.textAllParts : texts.textManyParts, values);
}

// Parts left out of this assessment: how many were assessed, and which were not, with the reasons given.
function showScope(page, score, names) {
  const { scope } = score;
  page.root.querySelector("[data-scope]").hidden = scope.excluded.length === 0;
  page.field("scope").textContent = fill(page.texts.textScope, scope);
  setList(page.list("excluded"), scope.excluded, (item) => {
    const reason = item.reason || (item.not_applicable ? page.texts.textNotApplicable : "");
    return reason ? fill(page.texts.textExcludedReason, { name: names[item.id], reason }) : names[item.id];
  });
}

// What is still open, counted in the model's words; the list itself is behind a disclosure. A part left out of the
// assessment is never open.
function showOpen(page, score, names) {
  const { texts } = page;
  const missing = [
    ...score.elements.filter((e) => !e.excluded).flatMap((e) => e.aspects.filter((a) => a.phase === null
      && !a.not_applicable)
      .map((a) => fill(texts.textMissingAspect, { element: names[e.id], aspect: a.name }))),
    ...score.result_areas.filter((a) => a.level === null)
      .map((a) => fill(texts.textMissingArea, { letter: a.letter, name: a.name })),
  ];
  const count = (number, one, many) => (number === 0 ? null : fill(number === 1 ? one : many, { count: number }));
  const parts = [count(score.missing.aspects.length, texts.textOpenQuestionOne, texts.textOpenQuestionMany),
                 count(score.missing.result_areas.length, texts.textOpenAreaOne, texts.textOpenAreaMany)];
  page.field("open").textContent = parts.filter(Boolean).join(texts.textAnd) || texts.textOpenNone;
  page.root.querySelector("[data-open-link]").hidden = missing.length === 0;
  page.root.querySelector("[data-missing]").hidden = missing.length === 0;
  setList(page.list("missing"), missing);
}

// The chart of the parts (and, with groups, each group's row above its parts).
function drawParts(page, score, gaps, names) {
  const { root, texts } = page;
  const figure = root.querySelector('[data-bar-chart="parts"]');
  const { overall } = score;
  const weakest = new Set(overall.weakest);
  const targets = Object.fromEntries((gaps?.elements || []).map((e) => [e.id, e]));
  // A value of 0 on a scale that starts at 0 is "nothing yet": no bar, and the stage's own name beside it.
  const value = (kind) => (e) => (e.excluded ? texts.textExcluded : e.phase === null ? texts.textOpen
    : `${fill(texts.textValue, { value: valueText(score, kind, e) })}${e.position === 0 ? ` · ${e.phase_name}` : ""}`);
  const goals = goalTexts(root, (target) => fill(root.querySelector("[data-ambition]").dataset.textShortPhase,
                                                 { phase: target.target }), score.decimals.part);
  const rows = [
    ...score.groups.map((g) => ({ id: g.id, position: g.position, label: value("group")(g), weakest: false,
                                  target: null, goal: null })),
    ...score.elements.map((e) => ({ id: e.id, position: e.position, label: value("part")(e), weakest: weakest.has(e.id),
                                    target: targets[e.id]?.target_position ?? null, goal: goals(targets[e.id]) })),
  ];
  drawRows(figure, rows, { overall: overall.position });
  const groupLines = score.groups.map((g) => fill(texts.textChartRow, { name: g.label, value: value("group")(g) }));
  const lines = [...groupLines, ...score.elements.map((e) => describeRow(root, texts, names[e.id], value("part")(e),
                                                                           targets[e.id], weakest.has(e.id),
                                                                           score.decimals.part))];
  if (overall.phase !== null) lines.push(fill(texts.textChartOverall, { value: valueText(score, "overall", overall) }));
  describe(figure, lines.join(" "));
  root.querySelector("[data-legend-target]").hidden = !rows.some((row) => row.target !== null);
}

function drawAreas(page, score, gaps) {
  const { root, texts } = page;
  const figure = root.querySelector('[data-bar-chart="areas"]');
  if (!figure) return;
  const targets = Object.fromEntries((gaps?.result_areas || []).map((a) => [a.id, a]));
  const goals = goalTexts(root, (target) => target.target_name);
  const rows = score.result_areas.map((a) => ({
    id: a.id, position: a.position, label: levelValue(texts, a), weakest: false,
    target: targets[a.id]?.target_position ?? null, goal: goals(targets[a.id]),
  }));
  drawRows(figure, rows);
  describe(figure, score.result_areas.map((a) => describeRow(root, texts, a.label, levelValue(texts, a), targets[a.id],
                                                             false)).join(" "));
}

const levelValue = (texts, a) => (a.level === null ? (a.unknown ? texts.textUnknown : texts.textOpen) : a.level_name);

// The short text beside a row's ambition marker: "ambitie fase 4: nog 2" ("nog 1,5" under a mean).
function goalTexts(root, targetName, places = 0) {
  const texts = root.querySelector("[data-ambition]").dataset;
  return (gap) => {
    if (!gap || gap.target === null) return null;
    const values = { target: targetName(gap), count: formatValue(Math.abs(gap.gap ?? 0), places) };
    if (gap.gap === null) return fill(texts.textGoal, values);
    if (gap.gap > 0) return fill(texts.textGoalGap, values);
    return fill(gap.gap === 0 ? texts.textGoalReached : texts.textGoalBeyond, values);
  };
}

function describeRow(root, texts, name, value, gap, weakest, places = 0) {
  const own = root.querySelector("[data-ambition]").dataset;
  if (gap && gap.target !== null) {
    return fill(own.textChartTarget, { name, value, target: targetText(own, gap), gap: gapText(own, gap, places) });
  }
  return fill(weakest ? texts.textChartWeakest : texts.textChartRow, { name, value });
}

function fillTables(page, score, gaps) {
  const { root, texts } = page;
  const own = root.querySelector("[data-ambition]").dataset;
  const cell = (selector) => root.querySelector(selector);
  for (const e of score.elements) {
    cell(`[data-cell="${e.id}-phase"]`).textContent = e.excluded ? texts.textExcluded
      : e.phase === null ? texts.textOpen : `${valueText(score, "part", e)} · ${e.phase_name}`;
    const aspects = cell(`[data-cell="${e.id}-aspects"]`);
    if (aspects) {
      aspects.textContent = e.excluded ? "" : e.aspects.map((a) => `${a.name}: ${a.phase
        ?? (a.not_applicable ? texts.textNotApplicable : a.unknown ? texts.textUnknown : texts.textOpen)}`).join("; ");
    }
  }
  for (const a of score.result_areas) cell(`[data-cell="${a.id}-level"]`).textContent = levelValue(texts, a);
  // Without gaps (a shared result, or before the engine has scored the ambition) no row has an ambition yet.
  const rows = gaps ? [...gaps.elements, ...gaps.result_areas]
    : [...score.elements, ...score.result_areas].map((item) => ({ ...item, target: null }));
  for (const gap of rows) {
    cell(`[data-gap-target="${gap.id}"]`).textContent = gap.excluded ? "" : gap.target === null ? own.textNone
      : targetText(own, gap);
    cell(`[data-gap="${gap.id}"]`).textContent = gap.excluded ? "" : gapText(own, gap, "level" in gap ? 0
      : score.decimals.part);
  }
}

function targetText(own, gap) {
  return "level" in gap ? fill(own.textLevel, { name: gap.target_name })
    : fill(own.textPhase, { phase: gap.target, name: gap.target_name });
}

// "nog 2 fasen te gaan", "ambitie gehaald", "1 niveau verder dan je ambitie"; `places`: the decimals of the value.
export function gapText(own, gap, places = 0) {
  const [unit, units] = "level" in gap ? [own.textLevelUnit, own.textLevelUnits] : [own.textPhaseUnit, own.textPhaseUnits];
  const position = "level" in gap || "number" in gap ? gap.position : gap.phase;
  if (position === null) return own.textUnanswered;
  if (gap.target === null || gap.target === undefined) return own.textNoTarget;
  const count = Math.abs(gap.gap);
  const values = { count: formatValue(count, places), unit, units };
  if (gap.gap === 0) return own.textReached;
  if (gap.gap > 0) return fill(count === 1 ? own.textGapOne : own.textGapMany, values);
  return fill(count === 1 ? own.textBeyondOne : own.textBeyondMany, values);
}

// The summary's line on the ambition for the whole organisation.
function ambitionText(root, gaps) {
  const own = root.querySelector("[data-ambition]").dataset;
  const link = root.querySelector("[data-ambition-link]");
  const overall = gaps?.overall;
  link.textContent = gaps?.ambition_set ? own.textAmbitionChange : own.textAmbitionChoose;
  if (!gaps) return "";
  if (overall.target === null) return gaps.ambition_set ? own.textOverallOpen : own.textOverallNone;
  const places = gaps.decimals.overall;
  return fill(own.textOverall, { target: formatValue(overall.target, places), name: overall.target_name,
                                 gap: gapText(own, overall, places) });
}

// The first five next steps; the others behind a disclosure (the report prints the first five).
const STEPS_SHOWN = 5;

function showSteps(page, steps) {
  const { texts } = page;
  const list = page.list("next-steps");
  page.root.querySelector("[data-steps-section]").hidden = steps.length === 0;
  const build = (step) => {
    const wrap = document.createElement("div");
    const head = document.createElement("strong");
    head.textContent = fill(texts.textNextStep, { aspect: step.aspect_name, element: step.element_name,
      phase: step.phase, next: step.next_phase, next_name: step.next_phase_name });
    const body = document.createElement("p");
    body.textContent = step.description;
    wrap.append(head, body);
    if (step.added) {
      const note = document.createElement("p");
      note.className = "added-note";
      note.textContent = list.dataset.textAdded;
      wrap.append(note);
    }
    return wrap;
  };
  setList(list, steps.slice(0, STEPS_SHOWN), build);
  const more = page.root.querySelector("[data-more-steps]");
  const rest = steps.slice(STEPS_SHOWN);
  more.hidden = rest.length === 0;
  const summary = more.querySelector("summary");
  summary.textContent = fill(summary.dataset.template, { count: rest.length });
  setList(page.list("more-steps"), rest, build);
}

function showNotes(page, score, names, notes) {
  const withNote = score.elements.filter((e) => notes[e.id]);
  page.root.querySelector("[data-notes-section]").hidden = withNote.length === 0;
  page.list("notes").replaceChildren(...withNote.flatMap((e) => {
    const dt = document.createElement("dt");
    dt.textContent = names[e.id];
    const dd = document.createElement("dd");
    dd.textContent = notes[e.id];
    return [dt, dd];
  }));
}

// The glossary's terms the texts above use, each with its explanation (the engine finds them: scoring_py/glossary.py).
function showTerms(page, terms) {
  page.root.querySelector("[data-terms-section]").hidden = terms.length === 0;
  page.list("terms").replaceChildren(...terms.flatMap(({ term, explanation }) => {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    dd.textContent = explanation;
    return [dt, dd];
  }));
}

// The organisation's stage on the map of the two axes (TOPdesk), for eyes and for screen readers.
function markStage(root, texts, overall) {
  const chart = root.querySelector("[data-axes-chart]");
  if (!chart || overall.phase === null) return;
  for (const marked of chart.querySelectorAll(".is-current")) marked.classList.remove("is-current");
  chart.querySelector(`[data-axes-point="${overall.phase}"]`)?.classList.add("is-current");
  chart.querySelector(`[data-axes-number="${overall.phase}"]`)?.classList.add("is-current");
  const label = chart.querySelector(`[data-axes-label="${overall.phase}"]`);
  if (label) {
    label.classList.add("is-current");
    label.querySelector("[data-axes-here]")?.remove();
    const here = document.createElement("span");
    here.className = "axes-here";
    here.dataset.axesHere = "";
    here.textContent = texts.textAxesHere;
    label.append(" ", here);
  }
  const desc = chart.querySelector("[data-axes-desc]");
  desc.dataset.base ??= desc.textContent;
  desc.textContent = `${fill(desc.dataset.template, { phase: overall.phase, name: overall.phase_name })} ${desc.dataset.base}`;
}

runPage("[data-result-page]", main);
