// The scan page: restore answers, save each one at once, move between steps, and show a running score.
import { answersOf, fill, link, runPage, setList } from "./kit.js";
import { setupExchange } from "./exchange.js";
import { showStorageProblems } from "./storage-notice.js";

function main(page) {
  const { root, texts, engine, library } = page;
  const store = library.current();
  const state = store.record;
  const steps = [...root.querySelectorAll("[data-step]")];
  const warning = root.querySelector("[data-save-warning]");
  const saveLine = root.querySelector("[data-save-line]");
  const scoreLine = root.querySelector("[data-score-line]");
  const syncStatus = root.querySelector("[data-sync-status]");

  restore(root, state);
  const exchange = setupExchange(root.querySelector("[data-exchange]"), engine, () => state);
  showStorageProblems(root.querySelector("[data-storage-notice]"), library.problems, texts.modelId);
  const unsaved = library.problems.some((problem) => problem.kind === "unavailable"
    || (problem.kind === "newer" && problem.what === "index"));
  if (unsaved) showWarning(warning, texts.textSaveFailed);
  // The warning offers the export in the same moment: the answers in memory leave as a file.
  warning.querySelector("[data-save-export]").addEventListener("click", () => {
    exchange.exportJson((message) => { saveLine.textContent = message; });
  });

  const tellForks = () => {
    for (const fork of library.takeForks()) {
      syncStatus.textContent = fill(texts.textForked, fork);
      exchange.showName();
    }
  };
  const save = () => {
    const saved = store.save();
    tellForks();
    if (saved) {
      const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
      saveLine.textContent = fill(texts.textSaved, { time });
      warning.hidden = true;
    } else {
      showWarning(warning, texts.textSaveFailed);
    }
  };

  // Another tab saved this scan: show that version (this page saves every change at once, so it has nothing
  // of its own to lose); if this page holds changes it could not save, they are kept as a new scan.
  window.addEventListener("storage", (event) => {
    if (event.key !== `${texts.storagePrefix}scan:${state.id}`) return;
    const outcome = store.sync();
    if (outcome === "reloaded") {
      restore(root, state);
      updateStatus(root, steps, state, texts);
      rescore();
      syncStatus.textContent = texts.textReloaded;
    } else if (outcome === "forked") {
      tellForks();
    }
  });

  let latest = 0;
  const rescore = () => {
    const ticket = ++latest;
    engine.call("score", { answers: answersOf(state) }).then((result) => {
      if (ticket !== latest) return;
      const overall = result.overall;
      scoreLine.textContent = overall.phase === null ? texts.textScoreNone
        : `${fill(texts.textScore, { phase: overall.phase, name: overall.phase_name })}${overall.provisional ? ` ${texts.textScoreProvisional}` : ""}`;
    }, () => {});
  };

  root.addEventListener("change", (event) => {
    const input = event.target;
    if (input.dataset.exclude) {
      leaveOut(input);
      return;
    }
    if (input.type !== "radio") return;
    const group = input.closest("[data-group]").dataset.group;
    state[group][input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
    save();
    updateStatus(root, steps, state, texts);
    rescore();
  });
  // A part left out of the assessment (when the model allows it): its questions fold away, its answers stay.
  const leaveOut = (box) => {
    const id = box.dataset.exclude;
    const total = root.querySelectorAll("[data-exclude]").length;
    if (box.checked && Object.keys(state.excluded).length + 1 >= total) {
      box.checked = false;
      syncStatus.textContent = texts.textNotAllExcluded;
      return;
    }
    if (box.checked) state.excluded[id] = root.querySelector(`[data-exclude-reason="${id}"]`).value;
    else delete state.excluded[id];
    save();
    showExclusion(root, state, texts);
    updateStatus(root, steps, state, texts);
    rescore();
  };

  root.addEventListener("input", (event) => {
    const reason = event.target.dataset.excludeReason;
    if (reason && reason in state.excluded) {
      state.excluded[reason] = event.target.value;
      save();
      return;
    }
    const note = event.target.dataset.note;
    if (!note) return;
    if (event.target.value.trim()) state.notes[note] = event.target.value;
    else delete state.notes[note];
    save();
  });

  const show = (id, moveFocus) => {
    const target = steps.find((step) => step.id === id) || steps[0];
    for (const step of steps) step.hidden = step !== target;
    for (const a of root.querySelectorAll("[data-step-link]")) {
      if (a.dataset.stepLink === target.id) a.setAttribute("aria-current", "step");
      else a.removeAttribute("aria-current");
    }
    if (state.step !== target.id) {
      state.step = target.id;
      if (!store.save()) showWarning(warning, texts.textSaveFailed);
      tellForks();
    }
    updateStatus(root, steps, state, texts);
    if (moveFocus) {
      target.querySelector("h2").focus();
      target.scrollIntoView({ block: "start" });
    }
  };
  window.addEventListener("hashchange", () => show(location.hash.slice(1), true));
  show(location.hash.slice(1) || state.step, false);
  rescore();
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
}

// Fold the questions of the parts left out, show their reason field, and say once what leaving out means.
function showExclusion(root, state, texts) {
  for (const box of root.querySelectorAll("[data-exclude]")) {
    const id = box.dataset.exclude;
    root.querySelector(`[data-exclusion-reason="${id}"]`).hidden = !box.checked;
    root.querySelector(`[data-exclusion-fold="${id}"]`).hidden = box.checked;
  }
  const notice = root.querySelector("[data-exclusion-notice]");
  if (!notice) return;
  const count = Object.keys(state.excluded).length;
  notice.textContent = count ? fill(texts.textExcluded, { count, total: root.querySelectorAll("[data-exclude]").length })
    : "";
  notice.hidden = count === 0;
}

function updateStatus(root, steps, state, texts) {
  const openItems = [];
  for (const step of steps) {
    const groups = [...step.querySelectorAll("[data-group]")];
    if (!groups.length) continue;
    if (step.id in state.excluded) {
      root.querySelector(`[data-step-status="${step.id}"]`).textContent = `(${texts.textStepExcluded})`;
      continue;
    }
    const open = groups.filter((g) => !isAnswered(state[g.dataset.group][g.dataset.question]));
    const status = root.querySelector(`[data-step-status="${step.id}"]`);
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

function isAnswered(value) {
  return value !== undefined && value !== null && value !== "unknown";
}

function showWarning(box, message) {
  box.querySelector("[data-save-warning-text]").textContent = message;
  box.hidden = false;
}

runPage("[data-scan]", main);
