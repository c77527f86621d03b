// The result page: score the stored answers in the engine and fill the prepared page, charts and tables.
import { startEngine } from "./engine.js";
import { answersOf, openStore } from "./store.js";
import { fill, setList } from "./dom.js";
import { registerServiceWorker } from "./offline.js";

function main() {
  const root = document.querySelector("[data-result-page]");
  const texts = root.dataset;
  const { state } = openStore(texts.storageKey, texts.modelId, "");
  const hasAnswers = [state.aspects, state.results, state.notes].some((group) => Object.keys(group).length > 0);
  document.querySelector("[data-print]").addEventListener("click", () => window.print());
  if (!hasAnswers) {
    root.querySelector("[data-result-empty]").hidden = false;
    document.querySelector("[data-engine-status]").hidden = true;
    registerServiceWorker();
    return;
  }
  const engine = startEngine();
  registerServiceWorker(engine.settled);
  engine.ready
    .then(() => engine.score(answersOf(state)))
    .then((outcome) => {
      if (outcome.ok) render(root, texts, outcome.result, state);
      else showError(root, `${texts.textAnswersError} ${outcome.problems.join("; ")}`);
    }, () => {});
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

  const missing = [
    ...result.elements.flatMap((e) => e.aspects.filter((a) => a.phase === null)
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

  const elementValue = (e) => (e.phase === null ? texts.textOpen : fill(texts.textElementValue, { phase: e.phase }));
  const weakestPosition = result.elements.find((e) => e.phase === overall.phase)?.position ?? null;
  drawChart(root, "elements", texts, result.elements.map((e) => ({ id: e.id, name: names[e.id],
    position: e.position, label: elementValue(e) })), weakestPosition);
  for (const e of result.elements) {
    root.querySelector(`[data-cell="${e.id}-phase"]`).textContent = e.phase === null ? texts.textOpen
      : `${e.phase} · ${e.phase_name}`;
    root.querySelector(`[data-cell="${e.id}-aspects"]`).textContent = e.aspects
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
  const unit = Number(svg.dataset.unit);
  const origin = Number(svg.dataset.origin);
  for (const row of rows) {
    const width = row.position === null ? 0 : row.position * unit - 6;
    svg.querySelector(`[data-bar="${row.id}"]`).setAttribute("width", String(Math.max(width, 0)));
    const label = svg.querySelector(`[data-bar-label="${row.id}"]`);
    label.textContent = row.label;
    label.setAttribute("x", String(origin + Math.max(width, 0) + 8));
    // On the last columns the label would run off the chart, so it goes inside the bar.
    const inside = row.position !== null && row.position >= Number(svg.dataset.columns) - 1;
    label.classList.toggle("is-inside", inside);
    if (inside) label.setAttribute("x", String(origin + width - 8));
  }
  const line = svg.querySelector("[data-weakest-line]");
  if (weakest !== null) {
    const x = String(origin + weakest * unit - 3);
    line.setAttribute("x1", x);
    line.setAttribute("x2", x);
    line.setAttribute("visibility", "visible");
  }
  svg.querySelector("[data-chart-desc]").textContent = rows
    .map((row) => fill(texts.textChartElements, { name: row.name, value: row.label })).join(" ");
}

function showError(root, message) {
  const box = root.querySelector("[data-result-error]");
  box.textContent = message;
  box.hidden = false;
}

main();
