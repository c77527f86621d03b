// The presentation of a facilitated session, for a projector or a shared screen: one aspect or result area at a
// time, large, with how many chose each step, the median, the spread and the step descriptions; no names. The widest
// spread first, or the model's order. Keys: arrows (and Page Up/Down, which presenters' remotes send), Home/End,
// Esc. It asks the browser for the full screen; where that is not allowed, the dialog fills the window.
// The slides are made by the build (team.html); this module only fills in the figures and shows one of them.
import { fill } from "./kit.js";
import { number } from "./consensus.js";

const NEXT = ["ArrowRight", "ArrowDown", "PageDown"];
const PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];

// dialog: the [data-presenter] <dialog>; agreement: consensus.js; getOrder()/setOrder(order): "spread" | "model";
// getSpreadOrder(): the ids with the widest spread first (aggregate's by_spread).
export function setupPresenter(dialog, agreement, { opener, getOrder, setOrder, getSpreadOrder }) {
  const texts = dialog.dataset;
  const slides = new Map([...dialog.querySelectorAll("[data-slide]")].map((slide) => [slide.dataset.slide, slide]));
  const modelOrder = [...slides.keys()];
  const position = dialog.querySelector("[data-presenter-position]");
  const live = dialog.querySelector("[data-presenter-live]");
  const orderSelect = dialog.querySelector("[data-presenter-order]");
  let current = null; // the id of the slide on screen
  let fullScreen = false; // did we ask for the full screen (so leaving it ends the presentation)?

  const order = () => (getOrder() === "model" ? modelOrder : getSpreadOrder());

  const show = (id, { announce = true } = {}) => {
    const ids = order();
    if (current && current !== id) slides.get(current).hidden = true;
    current = id;
    const slide = slides.get(id);
    slide.hidden = false;
    const at = fill(texts.textPosition, { n: ids.indexOf(id) + 1, total: ids.length });
    position.textContent = at;
    sync(id);
    slide.querySelector(".slide-title").focus({ preventScroll: true });
    if (announce) live.textContent = fill(texts.textLive, { position: at, name: agreement.name(id) });
  };
  const step = (by) => {
    const ids = order();
    const next = ids[Math.min(Math.max(ids.indexOf(current) + by, 0), ids.length - 1)];
    if (next !== current) show(next);
  };
  const go = (where) => show(where === "first" ? order()[0] : order().at(-1));

  // The figures of one slide: counts per step, the range, the median, and which answer counts now.
  const fillSlide = (id) => {
    const slide = slides.get(id);
    const item = agreement.figures(id);
    const total = item ? item.count : 0;
    const most = Math.max(1, ...(item?.distribution ?? [0]));
    slide.querySelector("[data-slide-summary]").textContent = total ? fill(texts.textSummary, {
      count: total, low: item.lowest, high: item.highest, median: number(item.median) }) : texts.textSummaryEmpty;
    slide.querySelector("[data-slide-discuss]").textContent = !total ? ""
      : item.discuss ? fill(texts.textDiscuss, { spread: item.spread }) : texts.textNoDiscuss;
    slide.querySelector("[data-slide-unknown]").textContent = item?.unknown ? fill(texts.textUnknown, { count: item.unknown }) : "";
    const steps = [...slide.querySelectorAll("[data-step]")];
    steps.forEach((row, index) => {
      const count = item?.distribution[index] ?? 0;
      const value = Number(row.dataset.step);
      row.querySelector("[data-count]").textContent = String(count);
      row.querySelector("[data-count-text]").textContent = fill(texts.textCount, { count, total });
      row.querySelector("[data-fill]").style.width = `${(100 * count) / most}%`; // CSSOM: allowed by the CSP
      row.classList.toggle("is-chosen", count > 0);
      row.classList.toggle("in-range", total > 0 && value >= item.lowest && value <= item.highest);
    });
    marks(id);
  };
  // The labels next to the steps: median, and the answer that counts now (proposal or agreed).
  const marks = (id) => {
    const slide = slides.get(id);
    const item = agreement.figures(id);
    const value = agreement.value(id);
    for (const row of slide.querySelectorAll("[data-step]")) {
      const step = Number(row.dataset.step);
      const labels = [];
      if (item?.count && Math.floor(item.median) === step) labels.push(texts.textMedian);
      if (value === step) labels.push(agreement.agreed(id) ? texts.textAgreed : texts.textProposal);
      const box = row.querySelector("[data-marks]");
      box.replaceChildren(...labels.map((label) => {
        const mark = document.createElement("span");
        mark.className = `slide-mark${label === texts.textAgreed ? " is-agreed" : ""}`;
        mark.textContent = label;
        return mark;
      }));
      row.classList.toggle("is-answer", value === step);
    }
  };
  // The slide's own answer and note follow the agreement (also when the list on the page changed it).
  const sync = (id) => {
    const slide = slides.get(id);
    const value = agreement.value(id);
    slide.querySelector("[data-slide-value]").value = value === null ? "" : String(value);
    slide.querySelector("[data-slide-agree]").hidden = agreement.agreed(id) || agreement.proposal(id) === null;
    const note = slide.querySelector("[data-slide-note]");
    if (document.activeElement !== note) note.value = agreement.note(id);
  };
  agreement.onChange((id) => {
    if (!agreement.figures(id)) return;
    fillSlide(id);
    if (id === current) sync(id);
  });

  const open = () => {
    orderSelect.value = getOrder();
    // The page behind the dialog is not drawn while presenting: with 200 respondents it is long, and every step
    // would lay it out again for nothing (the dialog covers it).
    document.documentElement.classList.add("is-presenting");
    dialog.showModal();
    fullScreen = false;
    // Full screen needs the click that opened the presentation; without it the dialog still fills the window.
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      document.documentElement.requestFullscreen?.().then(() => { fullScreen = true; }, () => {});
    }
    show(order()[0]);
  };
  const close = () => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener("close", () => {
    document.documentElement.classList.remove("is-presenting");
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    fullScreen = false;
    opener.focus();
  });
  // Esc in full screen leaves the full screen (the browser does that); the presentation ends with it.
  document.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement && fullScreen) close();
  });

  dialog.addEventListener("keydown", (event) => {
    if (event.target.closest("select, textarea, input") || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = NEXT.includes(event.key) ? () => step(1) : PREVIOUS.includes(event.key) ? () => step(-1)
      : event.key === "Home" ? () => go("first") : event.key === "End" ? () => go("last") : null;
    if (!action) return;
    event.preventDefault();
    action();
  });
  opener.addEventListener("click", open);
  dialog.querySelector("[data-presenter-close]").addEventListener("click", close);
  dialog.querySelector("[data-presenter-next]").addEventListener("click", () => step(1));
  dialog.querySelector("[data-presenter-prev]").addEventListener("click", () => step(-1));
  orderSelect.addEventListener("change", () => {
    setOrder(orderSelect.value);
    show(current, { announce: false });
  });
  dialog.addEventListener("change", (event) => {
    if (event.target.matches("[data-slide-value]")) agreement.choose(current, event.target.value);
  });
  dialog.addEventListener("input", (event) => {
    if (!event.target.matches("[data-slide-note]")) return;
    if (agreement.writeNote(current, event.target.value)) slides.get(current).querySelector("[data-slide-error]").hidden = true;
  });
  dialog.addEventListener("click", (event) => {
    if (event.target.closest("[data-slide-agree]")) {
      agreement.agree(current);
      slides.get(current).querySelector("[data-slide-value]").focus();
    }
  });

  return {
    // After new figures (scans added or taken away; agreement.setFigures filled every slide): the one on screen
    // stays, at its place in the new order.
    update() {
      if (dialog.open && current) show(current, { announce: false });
    },
    isOpen: () => dialog.open,
    // A change that was refused (record rule), said where the facilitator looks: on the slide.
    problem(message) {
      const box = slides.get(current).querySelector("[data-slide-error]");
      box.textContent = message;
      box.hidden = false;
    },
  };
}
