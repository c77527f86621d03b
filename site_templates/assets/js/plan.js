// The development plan (the guide's step 3): the elements below their ambition in order of priority, with the next
// step per aspect, the transition to the next overall phase, and the strengths to build on. Printable as a list.
import { answersOf, fill, hasAnswers, runPage, setList } from "./kit.js";

function main(page) {
  const { root, texts } = page;
  const record = page.library.current({ create: false })?.record;
  document.querySelector("[data-print]").addEventListener("click", () => window.print());
  if (!record || !hasAnswers(record)) {
    root.querySelector("[data-plan-empty]").hidden = false;
    return;
  }
  page.engine.call("plan", { answers: answersOf(record), ambition: record.ambition })
    .then((plan) => render(root, texts, plan), page.failed(texts.textAnswersError));
}

function render(root, texts, plan) {
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const list = (name) => root.querySelector(`[data-list="${name}"]`);
  const { overall } = plan;
  field("position").textContent = overall.phase === null ? texts.textNoPhase
    : fill(texts.textPosition, { phase: overall.phase, name: overall.phase_name });
  field("target").textContent = overall.target === null ? ""
    : fill(texts.textTarget, { phase: overall.target, name: overall.target_name });
  field("target").hidden = overall.target === null;
  field("provisional").textContent = texts.textProvisional;
  field("provisional").hidden = !plan.provisional;
  root.querySelector("[data-no-ambition]").hidden = plan.ambition_set;
  root.querySelector("[data-all-reached]").hidden = !plan.ambition_set || plan.priorities.length > 0
    || plan.result_areas.length > 0;

  root.querySelector("[data-excluded-section]").hidden = plan.excluded.length === 0;
  setList(list("excluded"), plan.excluded, (item) => fill(item.reason ? texts.textExcludedReason
    : texts.textExcludedItem, item));
  root.querySelector("[data-priorities-section]").hidden = plan.priorities.length === 0;
  setList(list("priorities"), plan.priorities, (item) => priority(texts, item));

  root.querySelector("[data-areas-section]").hidden = plan.result_areas.length === 0;
  setList(list("areas"), plan.result_areas, (area) => action(
    fill(texts.textArea, { letter: area.letter, name: area.name, level: area.level_name, next: area.next_level_name }),
    area.next_step));

  const next = plan.next_phase;
  root.querySelector("[data-transition-section]").hidden = !next;
  if (next) {
    field("transition-title").textContent = fill(texts.textTransitionTitle, { phase: next.id, name: next.name });
    field("transition-summary").textContent = next.summary;
    root.querySelector("[data-transition-done]").hidden = next.transition.length === 0;
    setList(list("transition"), next.transition);
    setList(list("next-characteristics"), next.characteristics);
  }
  setList(list("strengths"), plan.strengths.length ? plan.strengths.map((s) => fill(texts.textStrength,
    { element: `${s.number}. ${s.name}`, phase: s.phase, name: s.phase_name })) : [texts.textNoStrengths]);
  root.querySelector("[data-plan]").hidden = false;
}

function priority(texts, item) {
  const wrap = document.createElement("div");
  wrap.className = "plan-item";
  const title = document.createElement("h3");
  title.textContent = fill(texts.textItemTitle, { number: item.number, name: item.name });
  const meta = document.createElement("p");
  meta.className = "plan-meta";
  meta.textContent = fill(texts.textItemMeta, { phase: item.phase, name: item.phase_name, target: item.target,
    target_name: item.target_name, gap: fill(item.gap === 1 ? texts.textGapOne : texts.textGapMany, { count: item.gap }) });
  wrap.append(title, meta);
  if (item.weakest) {
    const badge = document.createElement("p");
    badge.className = "plan-weakest";
    badge.textContent = texts.textWeakest;
    wrap.append(badge);
  }
  const steps = document.createElement("ul");
  steps.className = "plan-steps";
  setList(steps, item.steps, (step) => action(fill(texts.textStep, { aspect: step.name, phase: step.phase,
    next: step.next_phase, next_name: step.next_phase_name }), step.next_step));
  wrap.append(steps);
  if (item.open_aspects.length) {
    const open = document.createElement("p");
    open.className = "muted";
    open.textContent = fill(texts.textOpenAspects, { aspects: item.open_aspects.join(", ") });
    wrap.append(open);
  }
  return wrap;
}

// One action: a heading line and the description of where to go next; on paper a box to tick.
function action(head, body) {
  const wrap = document.createElement("div");
  const tick = document.createElement("span");
  tick.className = "tick print-only";
  tick.setAttribute("aria-hidden", "true");
  const strong = document.createElement("strong");
  strong.textContent = head;
  const text = document.createElement("p");
  text.textContent = body;
  wrap.append(tick, strong, text);
  return wrap;
}

runPage("[data-plan-page]", main);
