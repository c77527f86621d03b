// Earlier measurements (the guide's step 4): keep the current scan as a dated, named snapshot, list the snapshots,
// open one read-only, start a new measurement from the last one, and compare any two. Measuring again starts with
// the plan's actions: what is not done comes first, overdue ones are marked, and their status can be changed here.
import { actionProblems, actionRow, answersOf, button, fill, formatDate, formatValue, hasAnswers, localDay, option,
         runPage, sameAnswers, snapshot, startFrom } from "./kit.js";
import { describe, drawBars } from "./charts.js";

const CURRENT = "huidig"; // the value of "your current answers" in the compare lists

function main(page) {
  const { root, engine } = page; // started at once, so the kept measurements' results come soon
  const scan = page.library.current({ create: false });
  const record = scan?.record;
  const el = (selector) => root.querySelector(selector);
  const view = {
    page, engine, scan, record, el, nameInput: el("[data-keep-name]"),
    first: el("[data-compare-first]"), second: el("[data-compare-second]"),
  };
  view.nameInput.value = defaultName(view);
  el("[data-keep-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    keepSnapshot(view);
  });
  el("[data-new-measurement]").addEventListener("click", () => newMeasurement(view));
  el("[data-compare-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    compareChosen(view);
  });
  refresh(view);
  if (record?.actions?.length) reviewActions(page, scan);
}

function shots(view) {
  return view.record ? view.record.snapshots : [];
}

function score(view, item) {
  return view.engine.call("score", { answers: answersOf(item, view.page.rules) });
}

function defaultName(view) {
  return fill(view.page.texts.textShotName, { number: shots(view).length + 1 });
}

// A value of the compare lists back to its measurement: a snapshot, or the current answers.
function pick(view, value) {
  return value === CURRENT ? view.record : shots(view).find((shot) => shot.id === value);
}

function title(view, item) {
  const { texts } = view.page;
  return item === view.record ? texts.textCurrent : fill(texts.textOption, { name: item.name, date: formatDate(item.taken) });
}

// The list of kept measurements and the two compare lists, as they are now.
function refresh(view) {
  const { el, page: { texts } } = view;
  const list = shots(view);
  el("[data-list-empty]").hidden = list.length > 0;
  el("[data-list-wrap]").hidden = list.length === 0;
  el("[data-new-wrap]").hidden = list.length === 0;
  el("[data-snapshot-rows]").replaceChildren(...list.map((shot) => snapshotRow(texts, shot, {
    view: (item) => openShot(view, item), remove: (item) => removeShot(view, item) })));
  fillCompareChoices(view, list);
  // The overall result of each measurement, once the engine is there.
  for (const shot of list) {
    score(view, shot).then((result) => {
      const cell = view.page.root.querySelector(`[data-shot-phase="${shot.id}"]`);
      if (cell) cell.textContent = overallText(texts, result);
    }, () => {}); // a measurement that cannot be scored keeps "wordt berekend"; opening it says why
  }
}

// The kept measurements and the current answers (when there are any) in both compare lists; what was chosen stays
// chosen while it is still there.
function fillCompareChoices(view, list) {
  const { el, first, second, record } = view;
  const choices = [...list, ...(record && hasAnswers(record, view.page.rules) ? [record] : [])];
  el("[data-compare-section]").hidden = choices.length < 2;
  const keep = [first.value, second.value];
  for (const select of [first, second]) {
    select.replaceChildren(...choices.map((item) => option(item === record ? CURRENT : item.id, title(view, item))));
  }
  const values = choices.map((item) => (item === record ? CURRENT : item.id));
  if (values.includes(keep[0]) && values.includes(keep[1]) && keep[0] !== keep[1]) [first.value, second.value] = keep;
  // By default the last two kept measurements; with only one, that one against the current answers.
  else if (list.length >= 2) [first.value, second.value] = [list.at(-2).id, list.at(-1).id];
  else if (values.length >= 2) [first.value, second.value] = values.slice(-2);
}

// One kept measurement, read-only.
function openShot(view, shot) {
  const { root, texts } = view.page;
  score(view, shot).then((result) => renderView(root, texts, shot, result), view.page.failed(texts.textAnswersError));
}

// A kept measurement removed after the visitor confirms.
function removeShot(view, shot) {
  const { el, page: { texts } } = view;
  if (!window.confirm(fill(texts.textConfirmRemove, { name: shot.name }))) return;
  view.record.snapshots = shots(view).filter((item) => item.id !== shot.id);
  el("[data-list-status]").textContent = view.scan.save() ? fill(texts.textRemoved, { name: shot.name }) : texts.textSaveFailed;
  el("[data-view-section]").hidden = true;
  refresh(view);
  view.nameInput.value = defaultName(view);
}

// The current answers kept as a named, dated measurement.
function keepSnapshot(view) {
  const { el, record, nameInput, page: { texts, rules } } = view;
  const status = el("[data-keep-status]");
  if (!record || !hasAnswers(record, rules)) {
    status.textContent = texts.textNothing;
    return;
  }
  const name = nameInput.value.trim();
  if (!name) {
    status.textContent = texts.textNameNeeded;
    nameInput.focus();
    return;
  }
  const shot = snapshot(record, name, rules);
  status.textContent = view.scan.save() ? fill(texts.textSaved, { name, date: formatDate(shot.taken) }) : texts.textSaveFailed;
  nameInput.value = defaultName(view);
  refresh(view);
}

// A new measurement starts from the last kept one (after the visitor confirms, if that loses different answers),
// on the scan's first step.
function newMeasurement(view) {
  const { record, page: { texts, rules } } = view;
  const last = shots(view).at(-1);
  if (!last) return;
  if (hasAnswers(record, rules) && !sameAnswers(record, last, rules)
      && !window.confirm(fill(texts.textConfirmNew, { name: last.name }))) return;
  startFrom(record, last, rules);
  if (view.scan.save()) window.location.href = `${texts.scanPage}#${texts.firstStep}`;
  else view.el("[data-list-status]").textContent = texts.textSaveFailed;
}

// The two chosen measurements compared by the engine.
function compareChosen(view) {
  const { el, first, second, record, page } = view;
  const { texts, rules } = page;
  const status = el("[data-compare-status]");
  if (first.value === second.value) {
    status.textContent = texts.textSameChoice;
    return;
  }
  status.textContent = "";
  const before = pick(view, first.value);
  const after = pick(view, second.value);
  view.engine.call("compare", { before: answersOf(before, rules), after: answersOf(after, rules) }).then((result) => {
    const inline = (item) => (item === record ? texts.textCurrentInline : title(view, item));
    renderComparison(page.root, texts, result, inline(before), inline(after));
  }, page.failed(texts.textAnswersError));
}

// The plan's actions for the review, in scoring_py's order (not done first, overdue marked); the status changes here.
function reviewActions(page, scan) {
  const { root, texts, engine } = page;
  const record = scan.record;
  const section = root.querySelector("[data-review-section]");
  const status = root.querySelector("[data-review-status]");
  const error = root.querySelector("[data-review-error]");
  const template = document.querySelector("[data-status-template]");
  const show = () => engine.call("actions", { record: { actions: record.actions }, today: localDay() }).then((actions) => {
    section.hidden = false;
    error.hidden = true;
    const open = actions.filter((action) => !action.done);
    root.querySelector("[data-review-summary]").textContent = open.length === 0 ? texts.textActionsAllDone
      : fill(texts.textActionsOpen, { open: open.length, overdue: open.filter((action) => action.overdue).length });
    root.querySelector("[data-review-rows]").replaceChildren(...actions.map((action) => {
      const select = template.content.firstElementChild.cloneNode(true);
      select.value = action.status;
      select.setAttribute("aria-label", fill(texts.textStatusLabel, { item: action.label }));
      select.addEventListener("change", () => {
        const stored = record.actions.find((item) => item.id === action.id);
        const candidate = { ...stored, status: select.value };
        if (actionProblems(candidate, page.rules).length) { // a status off the list is never stored
          select.value = stored.status;
          return;
        }
        stored.status = select.value;
        status.textContent = scan.save() ? fill(texts.textStatusSaved, { item: action.label,
          status: select.selectedOptions[0].textContent }) : texts.textSaveFailed;
        show();
      });
      return actionRow(texts, action, select);
    }));
  }, (problem) => {
    section.hidden = false;
    error.textContent = `${texts.textActionsError} ${problem.message}`;
    error.hidden = false;
  });
  show();
}

function snapshotRow(texts, shot, actions) {
  const row = document.createElement("tr");
  const name = document.createElement("th");
  name.scope = "row";
  name.textContent = shot.name;
  const date = document.createElement("td");
  date.textContent = formatDate(shot.taken);
  const phase = document.createElement("td");
  phase.dataset.shotPhase = shot.id;
  phase.textContent = texts.textComputing;
  const buttons = document.createElement("td");
  buttons.className = "row-actions";
  // Each button's accessible name also says which measurement it is for ("Bekijk Meting 1").
  buttons.append(button(texts.textView, () => actions.view(shot), { hint: shot.name }),
                 button(texts.textRemove, () => actions.remove(shot), { hint: shot.name, style: "button-quiet" }));
  row.append(name, date, phase, buttons);
  return row;
}

function renderView(root, texts, shot, result) {
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  field("view-title").textContent = fill(texts.textViewTitle, { name: shot.name });
  field("view-date").textContent = fill(texts.textViewDate, { date: formatDate(shot.taken) });
  field("view-overall").textContent = fill(texts.textViewOverall, { value: overallText(texts, result) });
  for (const e of result.elements) {
    root.querySelector(`[data-view-cell="${e.id}-phase"]`).textContent = e.excluded ? texts.textExcluded
      : e.phase === null ? texts.textOpen
        : fill(texts.textPhase, { value: formatValue(e.value, result.decimals.part), name: e.phase_name });
    root.querySelector(`[data-view-cell="${e.id}-aspects"]`).textContent = e.excluded ? "" : e.aspects
      .map((a) => `${a.name}: ${a.phase ?? (a.not_applicable ? texts.textNotApplicable : a.unknown ? texts.textUnknown
        : texts.textOpen)}`).join("; ");
  }
  for (const a of result.result_areas) {
    root.querySelector(`[data-view-cell="${a.id}-level"]`).textContent = a.level_name
      ?? (a.unknown ? texts.textUnknown : texts.textOpen);
  }
  const section = root.querySelector("[data-view-section]");
  section.hidden = false;
  section.querySelector("h2").focus();
}

function renderComparison(root, texts, result, firstTitle, secondTitle) {
  const field = (name) => root.querySelector(`[data-field="${name}"]`);
  const cell = (id, part) => root.querySelector(`[data-compare-cell="${id}-${part}"]`);
  // A value the model's rule gave (an element's, the whole's: one decimal under a mean), or an aspect's stage.
  const places = result.decimals;
  const phase = (value, name, decimals = 0) => (value === null ? texts.textNoPhase
    : fill(texts.textPhase, { value: formatValue(value, decimals), name }));
  const level = (name) => name ?? texts.textOpen;
  const phaseChange = (item, decimals = 0) => changeText(texts, item, texts.textPhaseUnit, texts.textPhaseUnits,
                                                         decimals);
  const { overall } = result;

  field("compare-title").textContent = fill(texts.textCompareTitle, { first: firstTitle, second: secondTitle });
  field("overall-change").textContent = fill(texts.textOverallChange, {
    before: phase(overall.before_value, overall.before_name, places.overall),
    after: phase(overall.after_value, overall.after_name, places.overall), change: phaseChange(overall, places.overall) });
  const counts = result.element_counts;
  const aspects = result.aspect_counts;
  field("counts").textContent = fill(texts.textCounts, { up: counts.up, down: counts.down, same: counts.same,
    aspects_up: aspects.up, aspects_down: aspects.down, aspects_same: aspects.same });
  // Two measurements that did not assess the same parts: their overall results rest on different parts.
  field("scope-change").hidden = overall.same_scope;
  field("scope-change").textContent = overall.same_scope ? "" : texts.textScopeChange;

  const mark = (target, item, text) => {
    target.textContent = text;
    target.className = `change change-${item.direction}`;
  };
  for (const e of result.elements) {
    cell(e.id, "before").textContent = e.before_excluded ? texts.textExcluded
      : phase(e.before_value, e.before_name, places.part);
    cell(e.id, "after").textContent = e.after_excluded ? texts.textExcluded
      : phase(e.after_value, e.after_name, places.part);
    mark(cell(e.id, "change"), e, phaseChange(e, places.part));
    for (const a of e.aspects) {
      cell(a.id, "before").textContent = e.before_excluded ? texts.textExcluded : phase(a.before, a.before_name);
      cell(a.id, "after").textContent = e.after_excluded ? texts.textExcluded : phase(a.after, a.after_name);
      mark(cell(a.id, "change"), a, phaseChange(a));
    }
  }
  for (const a of result.result_areas) {
    cell(a.id, "before").textContent = level(a.before_name);
    cell(a.id, "after").textContent = level(a.after_name);
    mark(cell(a.id, "change"), a, changeText(texts, a, texts.textLevelUnit, texts.textLevelUnits));
  }

  const svg = root.querySelector('[data-chart="compare"]');
  drawBars(svg, result.elements.map((e) => ({ id: e.id, position: e.before_position, label: "" })),
           { bar: "data-before", label: null });
  drawBars(svg, result.elements.map((e) => ({ id: e.id, position: e.after_position,
                                              label: phaseChange(e, places.part) })),
           { bar: "data-after", label: "data-change-label" });
  describe(svg, result.elements.map((e) => fill(texts.textChart, { name: e.label,
    before: e.before_excluded ? texts.textExcluded : phase(e.before_value, e.before_name, places.part),
    after: e.after_excluded ? texts.textExcluded : phase(e.after_value, e.after_name, places.part),
    change: phaseChange(e, places.part) })).join(" "));

  root.querySelector("[data-compare-result]").hidden = false;
  root.querySelector("#vergelijking-kop").focus();
}

function changeText(texts, item, unit, units, decimals = 0) {
  if (item.direction === "open") return texts.textNotComparable;
  if (item.direction === "excluded") return texts.textExcludedChange;
  if (item.direction === "same") return texts.textSame;
  const count = Math.abs(item.change);
  const template = item.direction === "up" ? (count === 1 ? texts.textUpOne : texts.textUpMany)
    : (count === 1 ? texts.textDownOne : texts.textDownMany);
  return fill(template, { count: formatValue(count, decimals), unit, units });
}

// A scored measurement's overall value: "fase 2 · Pioniersfase (voorlopig)".
function overallText(texts, result) {
  const { overall } = result;
  const value = overall.phase === null ? texts.textNoPhase
    : fill(texts.textPhase, { value: formatValue(overall.value, result.decimals.overall), name: overall.phase_name });
  return overall.provisional ? fill(texts.textProvisional, { value }) : value;
}

runPage("[data-history-page]", main);
