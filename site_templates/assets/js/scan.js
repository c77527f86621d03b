// The scan page: restore answers, save each one at once, move between steps, and show a running score.
import { answersOf, fill, formatValue, link, LOCALE, runPage, setList } from "./kit.js";
import { setupExchange } from "./exchange.js";
import { markExported, showStorageProblems } from "./storage-notice.js";

function main(page) {
  const { root, library } = page;
  const scan = library.current();
  const view = {
    page, scan, state: scan.record, steps: [...root.querySelectorAll("[data-step]")],
    warning: root.querySelector("[data-save-warning]"), saveLine: root.querySelector("[data-save-line]"),
    syncStatus: root.querySelector("[data-sync-status]"), exchange: null, rescore: null,
  };
  restore(root, view.state);
  view.exchange = setupExchange(root.querySelector("[data-exchange]"), page.engine, () => view.state, page.rules,
                                { onExported: (moment) => markExported(view.scan, moment) });
  view.rescore = runningScore(page, view.state);
  showStoredProblems(view);
  followOtherTabs(view);
  root.addEventListener("change", (event) => answer(view, event.target));
  root.addEventListener("input", (event) => write(view, event.target));
  const show = (id, moveFocus) => showStep(view, id, moveFocus);
  window.addEventListener("hashchange", () => show(location.hash.slice(1), true));
  show(location.hash.slice(1) || view.state.step, false);
  view.rescore();
}

// What this browser's storage could not read or keep, and the warning that offers the answers as a file.
function showStoredProblems(view) {
  const { page, warning } = view;
  const { library, texts } = page;
  showStorageProblems(page.root.querySelector("[data-storage-notice]"), library.problems, page.rules.model);
  const unsaved = library.problems.some((problem) => problem.kind === "unavailable"
    || (problem.kind === "newer" && problem.what === "index"));
  if (unsaved) showWarning(warning, texts.textSaveFailed);
  // The warning offers the export in the same moment: the answers in memory leave as a file.
  warning.querySelector("[data-save-export]").addEventListener("click", () => {
    view.exchange.exportJson((message) => { view.saveLine.textContent = message; });
  });
}

// Another tab saved this scan: show that version (this page saves every change at once, so it has nothing of its
// own to lose); if this page holds changes it could not save, they are kept as a new scan.
function followOtherTabs(view) {
  const { page, scan, state, syncStatus } = view;
  page.library.watch({
    scan,
    onScan: (outcome) => {
      if (outcome === "forked") {
        tellForks(view);
        return;
      }
      restore(page.root, state);
      updateStatus(view);
      view.rescore();
      syncStatus.textContent = page.texts.textReloaded;
    },
  });
}

function tellForks(view) {
  for (const fork of view.page.library.takeForks()) {
    view.syncStatus.textContent = fill(view.page.texts.textForked, fork);
    view.exchange.showName();
  }
}

function save(view) {
  const { texts } = view.page;
  const saved = view.scan.save();
  tellForks(view);
  if (saved) {
    const time = new Date().toLocaleTimeString(LOCALE, { hour: "2-digit", minute: "2-digit" });
    view.saveLine.textContent = fill(texts.textSaved, { time });
    view.warning.hidden = true;
  } else {
    showWarning(view.warning, texts.textSaveFailed);
  }
}

// The running score beside the form; a slower answer to an earlier change never overwrites a later one.
function runningScore(page, state) {
  const { texts } = page;
  const line = page.root.querySelector("[data-score-line]");
  let latest = 0;
  return () => {
    const ticket = ++latest;
    page.engine.call("score", { answers: answersOf(state, page.rules) }).then((result) => {
      if (ticket !== latest) return;
      const { overall } = result;
      const value = formatValue(overall.value, result.decimals.overall);
      line.textContent = overall.phase === null ? texts.textScoreNone
        : `${fill(texts.textScore, { value, phase: overall.phase, name: overall.phase_name })}${overall.provisional ? ` ${texts.textScoreProvisional}` : ""}`;
    }, () => {});
  };
}

// A choice in the form: an answer, a part (or a whole group) left out of the assessment, or an aspect that does not
// apply.
function answer(view, input) {
  if (input.dataset.exclude) {
    leaveOut(view, input);
    return;
  }
  if (input.dataset.excludeGroup) {
    leaveGroupOut(view, input);
    return;
  }
  if (input.dataset.notApplicable) {
    markNotApplicable(view, input);
    return;
  }
  if (input.type !== "radio") return;
  const group = input.closest("[data-group]").dataset.group;
  view.state[group][input.name] = input.value === view.page.rules.unknown ? view.page.rules.unknown : Number(input.value);
  afterChange(view);
}

function afterChange(view) {
  save(view);
  updateStatus(view);
  view.rescore();
}

// A part left out of the assessment (when the model allows it): its questions fold away, its answers stay.
function leaveOut(view, box) {
  const { root, texts } = view.page;
  const { state } = view;
  const id = box.dataset.exclude;
  const total = root.querySelectorAll("[data-exclude]").length;
  if (box.checked && Object.keys(state.excluded).length + 1 >= total) {
    box.checked = false;
    view.syncStatus.textContent = texts.textNotAllExcluded;
    return;
  }
  if (box.checked) state.excluded[id] = root.querySelector(`[data-exclude-reason="${id}"]`).value;
  else delete state.excluded[id];
  showExclusion(root, state, texts);
  afterChange(view);
}

// A whole group left out, or taken back in: every part of it at once (one part must stay in the assessment).
function leaveGroupOut(view, box) {
  const { root, texts } = view.page;
  const { state } = view;
  const parts = box.dataset.excludeGroup.split(" ");
  const total = root.querySelectorAll("[data-exclude]").length;
  const others = Object.keys(state.excluded).filter((id) => !parts.includes(id)).length;
  if (box.checked && others + parts.length >= total) {
    box.checked = false;
    view.syncStatus.textContent = texts.textNotAllExcluded;
    return;
  }
  for (const id of parts) {
    if (box.checked) state.excluded[id] ??= "";
    else delete state.excluded[id];
  }
  restore(root, state);
  afterChange(view);
}

// One aspect that does not apply here: its choices fold away and its answer stays, so unticking restores it.
function markNotApplicable(view, box) {
  const { root } = view.page;
  const { state } = view;
  const id = box.dataset.notApplicable;
  if (box.checked) state.not_applicable[id] = root.querySelector(`[data-not-applicable-reason="${id}"]`).value;
  else delete state.not_applicable[id];
  showNotApplicable(root, state);
  afterChange(view);
}

// Typed text: a reason for leaving a part out or for an aspect that does not apply, or a note; saved as it is typed.
function write(view, field) {
  const { state } = view;
  const reason = field.dataset.excludeReason;
  if (reason && reason in state.excluded) {
    state.excluded[reason] = field.value;
    save(view);
    return;
  }
  const notApplicable = field.dataset.notApplicableReason;
  if (notApplicable && notApplicable in state.not_applicable) {
    state.not_applicable[notApplicable] = field.value;
    save(view);
    return;
  }
  const note = field.dataset.note;
  if (!note) return;
  if (field.value.trim()) state.notes[note] = field.value;
  else delete state.notes[note];
  save(view);
}

// One step of the form at a time; the step is kept in the record, so a return visit opens it again.
function showStep(view, id, moveFocus) {
  const { root, texts } = view.page;
  const { steps, state } = view;
  const target = steps.find((step) => step.id === id) || steps[0];
  for (const step of steps) step.hidden = step !== target;
  for (const a of root.querySelectorAll("[data-step-link]")) {
    if (a.dataset.stepLink === target.id) a.setAttribute("aria-current", "step");
    else a.removeAttribute("aria-current");
  }
  if (state.step !== target.id) {
    state.step = target.id;
    if (!view.scan.save()) showWarning(view.warning, texts.textSaveFailed);
    tellForks(view);
  }
  updateStatus(view);
  if (moveFocus) {
    target.querySelector("h2").focus();
    target.scrollIntoView({ block: "start" });
  }
}

function restore(root, state) {
  for (const input of root.querySelectorAll("input[type=radio]")) {
    const group = input.closest("[data-group]").dataset.group;
    input.checked = String(state[group][input.name]) === input.value;
  }
  for (const area of root.querySelectorAll("[data-note]")) area.value = state.notes[area.dataset.note] || "";
  for (const box of root.querySelectorAll("[data-exclude]")) {
    box.checked = box.dataset.exclude in state.excluded;
    root.querySelector(`[data-exclude-reason="${box.dataset.exclude}"]`).value = state.excluded[box.dataset.exclude] ?? "";
  }
  showExclusion(root, state, root.dataset);
  showNotApplicable(root, state);
}

// The aspects marked "niet van toepassing": ticked, their reason field shown, their choices folded away.
function showNotApplicable(root, state) {
  for (const box of root.querySelectorAll("[data-not-applicable]")) {
    const id = box.dataset.notApplicable;
    box.checked = id in state.not_applicable;
    root.querySelector(`[data-not-applicable-reason="${id}"]`).value = state.not_applicable[id] ?? "";
    root.querySelector(`[data-not-applicable-reason-wrap="${id}"]`).hidden = !box.checked;
    root.querySelector(`[data-choices-fold="${id}"]`).hidden = box.checked;
  }
}

// Fold the questions of the parts left out, show their reason field, and say once what leaving out means.
function showExclusion(root, state, texts) {
  for (const box of root.querySelectorAll("[data-exclude]")) {
    const id = box.dataset.exclude;
    root.querySelector(`[data-exclusion-reason="${id}"]`).hidden = !box.checked;
    root.querySelector(`[data-exclusion-fold="${id}"]`).hidden = box.checked;
  }
  for (const box of root.querySelectorAll("[data-exclude-group]")) {
    box.checked = box.dataset.excludeGroup.split(" ").every((id) => id in state.excluded);
  }
  const notice = root.querySelector("[data-exclusion-notice]");
  if (!notice) return;
  const count = Object.keys(state.excluded).length;
  notice.textContent = count ? fill(texts.textExcluded, { count, total: root.querySelectorAll("[data-exclude]").length })
    : "";
  notice.hidden = count === 0;
}

// Per step how much is open, and on the overview the list of what is still open.
function updateStatus(view) {
  const { root, texts, rules } = view.page;
  const { steps, state } = view;
  const openItems = [];
  for (const step of steps) {
    const groups = [...step.querySelectorAll("[data-group]")];
    if (!groups.length) continue;
    const status = root.querySelector(`[data-step-status="${step.id}"]`);
    if (step.id in state.excluded) {
      status.textContent = `(${texts.textStepExcluded})`;
      continue;
    }
    const open = groups.filter((g) => !(g.dataset.question in state.not_applicable && g.dataset.group === "aspects")
      && !isAnswered(state[g.dataset.group][g.dataset.question], rules.unknown));
    status.textContent = `(${open.length ? fill(texts.textStepOpen, { open: open.length }) : texts.textStepDone})`;
    if (open.length) {
      const name = step.querySelector("h2").textContent;
      const template = groups[0].dataset.group === "results" ? texts.textOpenAreas : texts.textOpenElement;
      openItems.push(link(`#${step.id}`, fill(template, { name, count: open.length, total: groups.length })));
    }
  }
  const list = root.querySelector("[data-open-list]");
  if (list) setList(list, openItems.length ? openItems : [texts.textAllDone]);
}

function isAnswered(value, unknown) {
  return value !== undefined && value !== null && value !== unknown;
}

function showWarning(box, message) {
  box.querySelector("[data-save-warning-text]").textContent = message;
  box.hidden = false;
}

runPage("[data-scan]", main);
