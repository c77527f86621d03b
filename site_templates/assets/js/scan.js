// The scan page: restore answers, save each one at once, move between steps, and show a running score.
import { startEngine } from "./engine.js";
import { answersOf, openStore } from "./store.js";
import { fill, link, setList } from "./dom.js";
import { registerServiceWorker } from "./offline.js";

function main() {
  const root = document.querySelector("[data-scan]");
  const texts = root.dataset;
  const engine = startEngine();
  const store = openStore(texts.storageKey, texts.modelId, texts.modelVersion);
  const { state } = store;
  const steps = [...root.querySelectorAll("[data-step]")];
  const warning = root.querySelector("[data-save-warning]");
  const saveLine = root.querySelector("[data-save-line]");
  const scoreLine = root.querySelector("[data-score-line]");

  restore(root, state);
  if (store.problem) showWarning(warning, texts.textSaveFailed);

  const save = () => {
    if (store.save()) {
      const time = new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
      saveLine.textContent = fill(texts.textSaved, { time });
      warning.hidden = true;
    } else {
      showWarning(warning, texts.textSaveFailed);
    }
  };

  let latest = 0;
  const rescore = () => {
    const ticket = ++latest;
    engine.score(answersOf(state)).then((outcome) => {
      if (ticket !== latest || !outcome.ok) return;
      const overall = outcome.result.overall;
      scoreLine.textContent = overall.phase === null ? texts.textScoreNone
        : `${fill(texts.textScore, { phase: overall.phase, name: overall.phase_name })}${overall.provisional ? ` ${texts.textScoreProvisional}` : ""}`;
    }, () => {});
  };

  root.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "radio") return;
    const group = input.closest("[data-group]").dataset.group;
    state[group][input.name] = input.value === "unknown" ? "unknown" : Number(input.value);
    save();
    updateStatus(root, steps, state, texts);
    rescore();
  });
  root.addEventListener("input", (event) => {
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
      store.save();
    }
    updateStatus(root, steps, state, texts);
    if (moveFocus) {
      target.querySelector("h2").focus();
      target.scrollIntoView({ block: "start" });
    }
  };
  window.addEventListener("hashchange", () => show(location.hash.slice(1), true));
  show(location.hash.slice(1) || state.step, false);
  engine.ready.then(rescore);
  registerServiceWorker(engine.settled);
}

function restore(root, state) {
  for (const input of root.querySelectorAll("input[type=radio]")) {
    const group = input.closest("[data-group]").dataset.group;
    input.checked = String(state[group][input.name]) === input.value;
  }
  for (const area of root.querySelectorAll("[data-note]")) area.value = state.notes[area.dataset.note] || "";
}

function updateStatus(root, steps, state, texts) {
  const openItems = [];
  for (const step of steps) {
    const groups = [...step.querySelectorAll("[data-group]")];
    if (!groups.length) continue;
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
  box.textContent = message;
  box.hidden = false;
}

main();
