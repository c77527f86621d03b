// The result page: score the stored answers in the engine and fill the prepared page, charts and tables.
import { answersOf, fill, hasAnswers, link, runPage, setList } from "./kit.js";
import { setupExchange } from "./exchange.js";
import { describe, drawBars, placeMarker } from "./charts.js";
import { setupAmbition } from "./ambition.js";

const SHARE_PREFIX = "#deel=";

function main(page) {
  const { root, texts, library } = page;
  document.querySelector("[data-print]").addEventListener("click", () => window.print());
  if (window.location.hash.startsWith(SHARE_PREFIX)) {
    showShared(page, window.location.hash);
    return;
  }
  const scan = library.current({ create: false });
  const state = scan?.record;
  if (!state || !hasAnswers(state)) {
    root.querySelector("[data-result-empty]").hidden = false;
    return;
  }
  const { engine } = page;
  setupExchange(root.querySelector("[data-exchange]"), engine, () => state);
  engine.call("score", { answers: answersOf(state) }).then((result) => {
    render(root, texts, result, state);
    const ambition = root.querySelector("[data-ambition]");
    if (ambition) setupAmbition(ambition, engine, scan);
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, page.failed(texts.textAnswersError));
}

// A result someone shared by link: decoded and checked by scoring_py, shown read-only, kept only on request.
function showShared(page, fragment) {
  const { root, texts, library, engine } = page;
  root.querySelector("[data-exchange]").hidden = true;
  let answers;
  engine.call("decode_share", { fragment })
    .then((decoded) => {
      answers = decoded;
      return engine.call("score", { answers });
    })
    .then((result) => {
      render(root, texts, result, { notes: {} });
      root.querySelector("[data-shared]").hidden = false;
    }, page.failed(texts.textShareError));
  const keep = root.querySelector("[data-keep]");
  keep.addEventListener("click", () => {
    const status = root.querySelector("[data-keep-status]");
    const { saved } = library.importScan({ aspects: answers.aspects, results: answers.results, notes: {},
      excluded: answers.excluded ?? {}, respondent: {}, ambition: { elements: {}, results: {} }, snapshots: [] },
    texts.textSharedName);
    keep.disabled = true;
    status.replaceChildren(saved ? fill(texts.textKept, { name: texts.textSharedName }) : texts.textKeepFailed);
    if (saved) status.append(" ", link("scans.html", texts.textKeptLink));
  });
}

function render(root, texts, result, state) {
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const list = (name) => root.querySelector(`[data-list="${name}"]`);
  const { overall } = result;
  const names = Object.fromEntries(result.elements.map((e) => [e.id, `${e.number}. ${e.name}`]));

  root.querySelector("[data-provisional]").hidden = !overall.provisional;
  root.querySelector("[data-final]").hidden = overall.provisional;
  field("overall").textContent = overall.phase === null ? texts.textNoPhase
    : fill(texts.textOverall, { phase: overall.phase, name: overall.phase_name });
  field("overall-summary").textContent = overall.summary || "";
  field("weakest").textContent = overall.weakest.map((id) => names[id]).join(", ") || "-";
  // Parts left out of this assessment: how many were assessed, and which were not, with the reasons given.
  const { scope } = result;
  root.querySelector("[data-scope]").hidden = scope.excluded.length === 0;
  field("scope").textContent = fill(texts.textScope, scope);
  setList(list("excluded"), scope.excluded, (item) => (item.reason
    ? fill(texts.textExcludedReason, { name: names[item.id], reason: item.reason }) : names[item.id]));

  const missing = [
    ...result.elements.filter((e) => !e.excluded).flatMap((e) => e.aspects.filter((a) => a.phase === null)
      .map((a) => fill(texts.textMissingAspect, { element: names[e.id], aspect: a.name }))),
    ...result.result_areas.filter((a) => a.level === null)
      .map((a) => fill(texts.textMissingArea, { letter: a.letter, name: a.name })),
  ];
  root.querySelector("[data-missing]").hidden = missing.length === 0;
  setList(list("missing"), missing);

  setList(list("characteristics"), overall.characteristics);
  const next = result.next_phase;
  root.querySelector("[data-next-phase]").hidden = !next;
  root.querySelector("[data-top-phase]").hidden = Boolean(next) || overall.phase === null;
  if (next) {
    const title = field("next-title");
    title.textContent = fill(title.dataset.template, { phase: next.id, name: next.name });
    field("next-summary").textContent = next.summary;
    root.querySelector("[data-transition]").hidden = next.transition.length === 0;
    setList(list("transition"), next.transition);
    setList(list("next-characteristics"), next.characteristics);
  }

  markStage(root, overall);

  const elementValue = (e) => (e.excluded ? texts.textExcluded : e.phase === null ? texts.textOpen
    : fill(texts.textElementValue, { phase: e.phase }));
  const weakestPosition = result.elements.find((e) => e.phase === overall.phase)?.position ?? null;
  drawChart(root, "elements", texts, result.elements.map((e) => ({ id: e.id, name: names[e.id],
    position: e.position, label: elementValue(e) })), weakestPosition);
  for (const e of result.elements) {
    root.querySelector(`[data-cell="${e.id}-phase"]`).textContent = e.excluded ? texts.textExcluded
      : e.phase === null ? texts.textOpen : `${e.phase} · ${e.phase_name}`;
    root.querySelector(`[data-cell="${e.id}-aspects"]`).textContent = e.excluded ? "" : e.aspects
      .map((a) => `${a.name}: ${a.phase ?? (a.unknown ? texts.textUnknown : texts.textOpen)}`).join("; ");
  }
  const levelValue = (a) => (a.level === null ? (a.unknown ? texts.textUnknown : texts.textOpen) : a.level_name);
  drawChart(root, "areas", texts, result.result_areas.map((a) => ({ id: a.id, name: `${a.letter}. ${a.name}`,
    position: a.position, label: levelValue(a) })), null);
  for (const a of result.result_areas) root.querySelector(`[data-cell="${a.id}-level"]`).textContent = levelValue(a);

  setList(list("strengths"), result.strengths.length ? result.strengths.map((id) => names[id]) : [texts.textNoStrengths]);
  setList(list("development"), result.development_points.map((id) => names[id]));
  setList(list("next-steps"), result.next_steps, (step) => {
    const wrap = document.createElement("div");
    const head = document.createElement("strong");
    head.textContent = fill(texts.textNextStep, { aspect: step.aspect_name, element: step.element_name,
      phase: step.phase, next: step.next_phase, next_name: step.next_phase_name });
    const body = document.createElement("p");
    body.textContent = step.description;
    wrap.append(head, body);
    return wrap;
  });

  const notes = result.elements.filter((e) => state.notes[e.id]);
  root.querySelector("[data-notes-section]").hidden = notes.length === 0;
  list("notes").replaceChildren(...notes.flatMap((e) => {
    const dt = document.createElement("dt");
    dt.textContent = names[e.id];
    const dd = document.createElement("dd");
    dd.textContent = state.notes[e.id];
    return [dt, dd];
  }));

  root.querySelector("[data-result]").hidden = false;
}

function drawChart(root, kind, texts, rows, weakest) {
  const svg = root.querySelector(`[data-chart="${kind}"]`);
  if (!svg) return;
  drawBars(svg, rows);
  if (weakest !== null) placeMarker(svg, svg.querySelector("[data-weakest-line]"), weakest);
  describe(svg, rows.map((row) => fill(texts.textChartElements, { name: row.name, value: row.label })).join(" "));
}

function markStage(root, overall) {
  const chart = root.querySelector("[data-axes-chart]");
  if (!chart || overall.phase === null) return;
  chart.querySelector(`[data-axes-point="${overall.phase}"]`)?.classList.add("is-current");
  chart.querySelector(`[data-axes-label="${overall.phase}"]`)?.classList.add("is-current");
  const desc = chart.querySelector("[data-axes-desc]");
  desc.textContent = `${fill(desc.dataset.template, { phase: overall.phase, name: overall.phase_name })} ${desc.textContent}`;
}

runPage("[data-result-page]", main);
