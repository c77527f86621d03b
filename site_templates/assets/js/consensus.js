// The team answers of a facilitated session: per aspect and result area what the group agreed, else the proposal
// (the team answer scoring_py's aggregate computes: the median, rounded down), and a note of the discussion.
// They live in the session (store.js, `consensus`); every change is checked by the record rule (record.js
// checkSession, the same rule as scoring_py/record.py) before it is saved, so nothing that does not fit is stored.
// Both the list on the team page and the presentation (presenter.js) change them through one `agreement`.
import { checkSession, fill } from "./kit.js";

// items: [{id, kind: "aspects" | "results", name}]; getSession() the session now; save() stores it (false if the
// browser did not keep it); problem(message) shows a message.
export function createAgreement({ items, rules, getSession, save, problem, texts }) {
  const kinds = new Map(items.map((item) => [item.id, item.kind]));
  const names = new Map(items.map((item) => [item.id, item.name]));
  const listeners = [];
  let figures = new Map(); // id -> the aggregate's figures for that item
  const consensus = () => getSession().consensus;
  const changed = (id) => { for (const listener of listeners) listener(id); };
  // Only this change, checked by the one rule: a value off the scale or a note that is too long is refused.
  const fits = (part, id, value) => checkSession({ consensus: { [part]: { [id]: value } } }, rules).length === 0;

  const agreement = {
    items,
    name: (id) => names.get(id),
    figures: (id) => figures.get(id),
    setFigures(team) {
      figures = new Map([...team.aspects, ...team.result_areas].map((item) => [item.id, item]));
      for (const item of items) changed(item.id);
    },
    proposal: (id) => figures.get(id)?.team ?? null,
    agreed: (id) => Object.hasOwn(consensus()[kinds.get(id)], id),
    // The answer that counts now: agreed, else the proposal; null when neither exists.
    value: (id) => (agreement.agreed(id) ? consensus()[kinds.get(id)][id] : agreement.proposal(id)),
    note: (id) => consensus().notes[id] ?? "",
    // "" takes the agreement back (the proposal counts again).
    choose(id, value) {
      const group = consensus()[kinds.get(id)];
      if (value === "") {
        delete group[id];
      } else {
        const number = Number(value);
        if (!fits(kinds.get(id), id, number)) {
          problem(fill(texts.textAnswerWrong, { name: names.get(id) }));
          changed(id);
          return;
        }
        group[id] = number;
      }
      save();
      changed(id);
    },
    agree(id) {
      const proposal = agreement.proposal(id);
      if (proposal !== null) agreement.choose(id, String(proposal));
    },
    // Returns false when the note does not fit; the last note that did stays stored.
    writeNote(id, text) {
      if (!fits("notes", id, text)) {
        problem(fill(texts.textNoteTooLong, { name: names.get(id), length: [...text].length, max: rules.notes.max }));
        return false;
      }
      if (text.trim()) consensus().notes[id] = text;
      else delete consensus().notes[id];
      save();
      changed(id);
      return true;
    },
    progress: () => ({ agreed: items.filter((item) => agreement.agreed(item.id)).length, total: items.length }),
    onChange: (listener) => listeners.push(listener),
  };
  return agreement;
}

// The list of team answers on the page, and the same answers as a table for the printed report.
export function setupConsensusList(section, agreement, texts) {
  const rows = new Map([...section.querySelectorAll("[data-consensus-item]")].map((row) => [row.dataset.consensusItem, row]));
  const reportRows = new Map([...section.querySelectorAll("[data-report-row]")].map((row) => [row.dataset.reportRow, row]));
  const progress = section.querySelector("[data-consensus-progress]");
  const bar = section.querySelector("[data-consensus-bar]");
  const error = section.querySelector("[data-consensus-error]");

  const show = (id) => {
    const row = rows.get(id);
    const item = agreement.figures(id);
    const value = agreement.value(id);
    row.querySelector("[data-consensus-figures]").textContent = figuresText(texts, item);
    row.querySelector("[data-consensus-value]").value = value === null ? "" : String(value);
    const agreed = agreement.agreed(id);
    const state = row.querySelector("[data-consensus-state]");
    state.textContent = agreed ? texts.textAgreed : (agreement.proposal(id) === null ? texts.textNoProposal : texts.textProposal);
    state.classList.toggle("is-agreed", agreed);
    row.classList.toggle("is-agreed", agreed);
    row.querySelector("[data-consensus-agree]").hidden = agreed || agreement.proposal(id) === null;
    const note = row.querySelector("[data-consensus-note]");
    if (document.activeElement !== note) note.value = agreement.note(id);
    const report = reportRows.get(id);
    const cell = (name) => report.querySelector(`[data-report-cell="${name}"]`);
    cell("range").textContent = item?.count ? `${item.lowest}–${item.highest}` : texts.textNone;
    cell("median").textContent = item?.count ? number(item.median) : texts.textNone;
    const select = row.querySelector("[data-consensus-value]");
    cell("answer").textContent = value === null ? texts.textNone
      : `${select.selectedOptions[0]?.dataset.short ?? value}${agreed ? "" : " *"}`;
    cell("note").textContent = agreement.note(id);
  };
  const showProgress = () => {
    const { agreed, total } = agreement.progress();
    progress.textContent = agreed === total ? texts.textProgressDone : fill(texts.textProgress, { agreed, total });
    bar.value = agreed;
    bar.textContent = `${agreed} / ${total}`;
  };
  agreement.onChange((id) => {
    show(id);
    showProgress();
  });

  section.addEventListener("change", (event) => {
    const row = event.target.closest("[data-consensus-item]");
    if (row && event.target.matches("[data-consensus-value]")) agreement.choose(row.dataset.consensusItem, event.target.value);
  });
  section.addEventListener("input", (event) => {
    const row = event.target.closest("[data-consensus-item]");
    if (!row || !event.target.matches("[data-consensus-note]")) return;
    if (agreement.writeNote(row.dataset.consensusItem, event.target.value)) error.hidden = true;
  });
  section.addEventListener("click", (event) => {
    const button = event.target.closest("[data-consensus-agree]");
    if (button) agreement.agree(button.closest("[data-consensus-item]").dataset.consensusItem);
  });
  return {
    problem(message) {
      error.textContent = message;
      error.hidden = false;
    },
  };
}

// "5 antwoord(en), van 2 tot 4, mediaan 3; 1 keer ‘weet ik niet’".
export function figuresText(texts, item) {
  if (!item || !item.count) return texts.textFiguresNone;
  const text = fill(texts.textFigures, { count: item.count, low: item.lowest, high: item.highest, median: number(item.median) });
  return item.unknown ? `${text}; ${fill(texts.textUnknown, { count: item.unknown })}` : text;
}

// 2.5 as 2,5.
export function number(value) {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}
