// The development plan (the guide's step 3): the elements below their ambition in order of priority, with the next
// step per aspect, the transition to the next overall phase, and the strengths to build on. Every step can become an
// action with an owner, a date, a status and a note; actions are kept in the scan record as they are typed, each
// change checked by the record rule first (record.js actionProblems, the same rule as scoring_py/record.py), so
// nothing that does not fit is stored. Printable as an action list.
import { actionProblems, actionRow, answersOf, button, fill, formatValue, hasAnswers, localDay, newAction, runPage,
         setList } from "./kit.js";

function main(page) {
  const { root, texts } = page;
  const scan = page.library.current({ create: false });
  const record = scan?.record;
  document.querySelector("[data-print]").addEventListener("click", () => window.print());
  if (!record || !hasAnswers(record, page.rules)) {
    root.querySelector("[data-plan-empty]").hidden = false;
    return;
  }
  if (!Array.isArray(record.actions)) record.actions = [];
  const view = {
    page, scan, record, template: document.querySelector("[data-action-template]"),
    areas: new Map(), // item id -> {id, title, text, list, status, add}: where a step's actions are shown
  };
  page.engine.call("plan", { answers: answersOf(record, page.rules), ambition: record.ambition }).then((plan) => {
    render(root, texts, plan, (id, text) => stepArea(view, id, text));
    showOtherActions(view);
    showList(view);
  }, page.failed(texts.textAnswersError));
}

// "2a. Klantvisie": the name of an aspect or result area, as the build wrote it into the page.
function itemLabel(root, id) {
  return root.querySelector(`[data-item-label="${id}"]`)?.textContent ?? id;
}

// Actions whose step is not in the plan now (reached, or no longer answered) stay, and can be changed.
function showOtherActions(view) {
  const { root } = view.page;
  const other = [...new Set(view.record.actions.map((action) => action.item))].filter((id) => !view.areas.has(id));
  root.querySelector("[data-other-actions-section]").hidden = other.length === 0;
  root.querySelector("[data-other-actions]").replaceChildren(...other.map((id) => stepArea(view, id, "")));
}

// The action list, in review order, from scoring_py (not done first, the overdue ones marked).
function showList(view) {
  const { root, texts, engine } = view.page;
  const { record } = view;
  root.querySelector("[data-actions-section]").hidden = record.actions.length === 0;
  if (!record.actions.length) return;
  engine.call("actions", { record: { actions: record.actions }, today: localDay() }).then((actions) => {
    root.querySelector("[data-actions-error]").hidden = true;
    root.querySelector("[data-action-rows]").replaceChildren(...actions.map((action) => actionRow(texts, action, action.status_name)));
  }, (error) => {
    const box = root.querySelector("[data-actions-error]");
    box.textContent = `${texts.textActionsError} ${error.message}`;
    box.hidden = false;
  });
}

function save(view, status) {
  const { texts } = view.page;
  status.textContent = view.scan.save() ? texts.textActionSaved : texts.textSaveFailed;
  showList(view);
}

// One action's fields; a change is stored only when the whole action still fits the record rule.
function editor(view, action, step) {
  const { texts } = view.page;
  const fieldset = view.template.content.firstElementChild.cloneNode(true);
  fieldset.querySelector("[data-action-legend]").textContent = fill(texts.textActionLegend, { step: step.title });
  for (const label of fieldset.querySelectorAll("[data-for]")) label.htmlFor = `actie-${action.id}-${label.dataset.for}`;
  for (const field of fieldset.querySelectorAll("[data-id]")) {
    field.id = `actie-${action.id}-${field.dataset.id}`;
    field.value = action[field.dataset.actionField] ?? "";
  }
  const boxes = { status: fieldset.querySelector("[data-action-status]"), error: fieldset.querySelector("[data-action-error]") };
  const change = (event) => changeAction(view, action, event.target, boxes);
  fieldset.addEventListener("input", change);
  fieldset.addEventListener("change", (event) => { if (event.target.matches("select, input[type=date]")) change(event); });
  fieldset.querySelector("[data-action-remove]").addEventListener("click", () => removeAction(view, action));
  return fieldset;
}

// A typed or chosen value of one action's field; said and not stored when the action would no longer fit.
function changeAction(view, action, target, { status, error }) {
  const { texts, rules } = view.page;
  const field = target.dataset.actionField;
  if (!field) return;
  const candidate = { ...action, [field]: target.value };
  // An empty owner, date or note is left out; the description and the status are always there.
  if (["owner", "due", "note"].includes(field) && !target.value.trim()) delete candidate[field];
  const problems = actionProblems(candidate, rules);
  if (problems.length) {
    error.textContent = `${texts.textNotSaved} ${problems.map((name) => problemText(texts, rules, name)).join("; ")}.`;
    error.hidden = false;
    status.textContent = "";
    return;
  }
  error.hidden = true;
  for (const key of Object.keys(action)) delete action[key];
  Object.assign(action, candidate);
  save(view, status);
}

// An action removed after the visitor confirms; the focus goes to its step's button for a new action.
function removeAction(view, action) {
  const { texts } = view.page;
  if (!window.confirm(texts.textConfirmRemove)) return;
  view.record.actions = view.record.actions.filter((item) => item !== action);
  const saved = view.scan.save();
  const area = view.areas.get(action.item);
  showActions(view, area);
  const message = saved ? texts.textActionRemoved : texts.textSaveFailed;
  area.status.textContent = message;
  area.add.focus();
  showList(view);
}

// The actions of one step, and the button that makes a new one from the step's own description.
function showActions(view, area) {
  const { texts } = view.page;
  const mine = view.record.actions.filter((action) => action.item === area.id);
  area.list.replaceChildren(...mine.map((action) => editor(view, action, area)));
  area.add.firstChild.textContent = mine.length ? texts.textAnotherAction : texts.textMakeAction;
}

// Below one step of the plan: its actions, a button for a new one, and a line saying what was saved.
function stepArea(view, id, text) {
  const { root, texts, rules } = view.page;
  const title = itemLabel(root, id);
  const wrap = document.createElement("div");
  wrap.className = "step-actions no-print";
  const list = document.createElement("div");
  const status = document.createElement("p");
  status.className = "status-message save-status";
  status.setAttribute("role", "status");
  const area = { id, title, text, list, status, add: null };
  area.add = button(texts.textMakeAction, () => {
    const action = newAction(id, text.slice(0, rules.actions.text));
    view.record.actions.push(action);
    showActions(view, area);
    save(view, status);
    list.lastElementChild.querySelector("textarea").focus();
  }, { hint: title });
  wrap.append(list, area.add, status);
  view.areas.set(id, area);
  showActions(view, area);
  return wrap;
}

function problemText(texts, rules, field) {
  const template = texts[`textProblem${field[0].toUpperCase()}${field.slice(1)}`] ?? texts.textProblemOther;
  return fill(template, { text: rules.actions.text, short: rules.short, field });
}

function render(root, texts, plan, stepArea) {
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const list = (name) => root.querySelector(`[data-list="${name}"]`);
  const { overall } = plan;
  const places = plan.decimals;
  field("position").textContent = overall.phase === null ? texts.textNoPhase
    : fill(texts.textPosition, { value: formatValue(overall.value, places.overall), name: overall.phase_name });
  field("target").textContent = overall.target === null ? ""
    : fill(texts.textTarget, { value: formatValue(overall.target, places.overall), name: overall.target_name });
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
  setList(list("priorities"), plan.priorities, (item) => priority(texts, item, stepArea, plan.decimals.part));

  root.querySelector("[data-areas-section]").hidden = plan.result_areas.length === 0;
  setList(list("areas"), plan.result_areas, (area) => {
    const head = fill(texts.textArea, { letter: area.letter, name: area.name, level: area.level_name,
                                        next: area.next_level_name });
    const wrap = action(head, area.next_step);
    wrap.append(stepArea(area.id, area.next_step));
    return wrap;
  });

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
    { element: s.label, value: formatValue(s.value, places.part), name: s.phase_name })) : [texts.textNoStrengths]);
  root.querySelector("[data-plan]").hidden = false;
}

// One part below its ambition, with its group when the model has groups; `places`: the decimals of a part's value.
function priority(texts, item, stepArea, places) {
  const wrap = document.createElement("div");
  wrap.className = "plan-item";
  if (item.group) {
    const kicker = document.createElement("p");
    kicker.className = "kicker";
    kicker.textContent = item.group;
    wrap.append(kicker);
  }
  const title = document.createElement("h3");
  title.textContent = fill(texts.textItemTitle, { number: item.number, name: item.name });
  const meta = document.createElement("p");
  meta.className = "plan-meta";
  const gap = formatValue(item.gap, places);
  meta.textContent = fill(texts.textItemMeta, { value: formatValue(item.value, places), name: item.phase_name,
    target: item.target, target_name: item.target_name,
    gap: fill(item.gap === 1 ? texts.textGapOne : texts.textGapMany, { count: gap }) });
  wrap.append(title, meta);
  if (item.weakest) {
    const badge = document.createElement("p");
    badge.className = "plan-weakest";
    badge.textContent = texts.textWeakest;
    wrap.append(badge);
  }
  const steps = document.createElement("ul");
  steps.className = "plan-steps";
  setList(steps, item.steps, (step) => {
    const head = fill(texts.textStep, { aspect: step.name, phase: step.phase, next: step.next_phase,
                                        next_name: step.next_phase_name });
    const box = action(head, step.next_step, step.added ? texts.textAddedNote : "");
    box.append(stepArea(step.id, step.next_step));
    return box;
  });
  wrap.append(steps);
  if (item.open_aspects.length) {
    const open = document.createElement("p");
    open.className = "muted";
    open.textContent = fill(texts.textOpenAspects, { aspects: item.open_aspects.join(", ") });
    wrap.append(open);
  }
  return wrap;
}

// One step: a heading line and the description of where to go next (marked when the publisher wrote it); on paper a
// box to tick.
function action(head, body, added = "") {
  const wrap = document.createElement("div");
  const tick = document.createElement("span");
  tick.className = "tick print-only";
  tick.setAttribute("aria-hidden", "true");
  const strong = document.createElement("strong");
  strong.textContent = head;
  const text = document.createElement("p");
  text.textContent = body;
  wrap.append(tick, strong, text);
  if (added) {
    const note = document.createElement("p");
    note.className = "added-note";
    note.textContent = added;
    wrap.append(note);
  }
  return wrap;
}

runPage("[data-plan-page]", main);
