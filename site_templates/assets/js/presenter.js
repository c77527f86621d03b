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
  const slides = new Map([...dialog.querySelectorAll("[data-slide]")].map((slide) => [slide.dataset.slide, slide]));
  const view = {
    dialog, agreement, opener, getOrder, setOrder, getSpreadOrder, texts: dialog.dataset, slides,
    modelOrder: [...slides.keys()],
    position: dialog.querySelector("[data-presenter-position]"), live: dialog.querySelector("[data-presenter-live]"),
    orderSelect: dialog.querySelector("[data-presenter-order]"),
    current: null, // the id of the slide on screen
    fullScreen: false, // did we ask for the full screen (so leaving it ends the presentation)?
  };
  agreement.onChange((id) => {
    if (!agreement.figures(id)) return;
    fillSlide(view, id);
    if (id === view.current) sync(view, id);
  });
  followOpenAndClose(view);
  followKeys(view);
  followControls(view);
  return {
    // After new figures (scans added or taken away; agreement.setFigures filled every slide): the one on screen
    // stays, at its place in the new order.
    update() {
      if (dialog.open && view.current) show(view, view.current, { announce: false });
    },
    isOpen: () => dialog.open,
    // A change that was refused (record rule), said where the facilitator looks: on the slide.
    problem(message) {
      const box = slides.get(view.current).querySelector("[data-slide-error]");
      box.textContent = message;
      box.hidden = false;
    },
  };
}

function order(view) {
  return view.getOrder() === "model" ? view.modelOrder : view.getSpreadOrder();
}

// One slide on screen, its title focused; `announce` says its place and name to a screen reader.
function show(view, id, { announce = true } = {}) {
  const { slides, texts } = view;
  const ids = order(view);
  if (view.current && view.current !== id) slides.get(view.current).hidden = true;
  view.current = id;
  const slide = slides.get(id);
  slide.hidden = false;
  const at = fill(texts.textPosition, { n: ids.indexOf(id) + 1, total: ids.length });
  view.position.textContent = at;
  sync(view, id);
  slide.querySelector(".slide-title").focus({ preventScroll: true });
  if (announce) view.live.textContent = fill(texts.textLive, { position: at, name: view.agreement.name(id) });
}

// The next (1) or previous (-1) slide; nothing past the first or the last.
function step(view, by) {
  const ids = order(view);
  const next = ids[Math.min(Math.max(ids.indexOf(view.current) + by, 0), ids.length - 1)];
  if (next !== view.current) show(view, next);
}

function go(view, where) {
  show(view, where === "first" ? order(view)[0] : order(view).at(-1));
}

// The figures of one slide: counts per step, the range, the median, and which answer counts now.
function fillSlide(view, id) {
  const { texts } = view;
  const slide = view.slides.get(id);
  const item = view.agreement.figures(id);
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
  marks(view, id);
}

// The labels next to the steps: median, and the answer that counts now (proposal or agreed).
function marks(view, id) {
  const { texts, agreement } = view;
  const slide = view.slides.get(id);
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
}

// The slide's own answer and note follow the agreement (also when the list on the page changed it).
function sync(view, id) {
  const { agreement } = view;
  const slide = view.slides.get(id);
  const value = agreement.value(id);
  slide.querySelector("[data-slide-value]").value = value === null ? "" : String(value);
  slide.querySelector("[data-slide-agree]").hidden = agreement.agreed(id) || agreement.proposal(id) === null;
  const note = slide.querySelector("[data-slide-note]");
  if (document.activeElement !== note) note.value = agreement.note(id);
}

function open(view) {
  view.orderSelect.value = view.getOrder();
  // The page behind the dialog is not drawn while presenting: with 200 respondents it is long, and every step
  // would lay it out again for nothing (the dialog covers it).
  document.documentElement.classList.add("is-presenting");
  view.dialog.showModal();
  view.fullScreen = false;
  // Full screen needs the click that opened the presentation; without it the dialog still fills the window.
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    document.documentElement.requestFullscreen?.().then(() => { view.fullScreen = true; }, () => {});
  }
  show(view, order(view)[0]);
}

function close(view) {
  if (view.dialog.open) view.dialog.close();
}

// Closing gives the page back (and leaves the full screen), with the focus on the button that opened it.
function followOpenAndClose(view) {
  view.dialog.addEventListener("close", () => {
    document.documentElement.classList.remove("is-presenting");
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    view.fullScreen = false;
    view.opener.focus();
  });
  // Esc in full screen leaves the full screen (the browser does that); the presentation ends with it.
  document.addEventListener("fullscreenchange", () => {
    if (!document.fullscreenElement && view.fullScreen) close(view);
  });
}

// The keys move between slides, except while a field has them.
function followKeys(view) {
  view.dialog.addEventListener("keydown", (event) => {
    if (event.target.closest("select, textarea, input") || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = NEXT.includes(event.key) ? () => step(view, 1) : PREVIOUS.includes(event.key) ? () => step(view, -1)
      : event.key === "Home" ? () => go(view, "first") : event.key === "End" ? () => go(view, "last") : null;
    if (!action) return;
    event.preventDefault();
    action();
  });
}

// The buttons, the order, and the slide's own answer, agreement and note.
function followControls(view) {
  const { dialog, agreement, slides, orderSelect } = view;
  view.opener.addEventListener("click", () => open(view));
  dialog.querySelector("[data-presenter-close]").addEventListener("click", () => close(view));
  dialog.querySelector("[data-presenter-next]").addEventListener("click", () => step(view, 1));
  dialog.querySelector("[data-presenter-prev]").addEventListener("click", () => step(view, -1));
  orderSelect.addEventListener("change", () => {
    view.setOrder(orderSelect.value);
    show(view, view.current, { announce: false });
  });
  dialog.addEventListener("change", (event) => {
    if (event.target.matches("[data-slide-value]")) agreement.choose(view.current, event.target.value);
  });
  dialog.addEventListener("input", (event) => {
    if (!event.target.matches("[data-slide-note]")) return;
    if (agreement.writeNote(view.current, event.target.value)) {
      slides.get(view.current).querySelector("[data-slide-error]").hidden = true;
    }
  });
  dialog.addEventListener("click", (event) => {
    if (event.target.closest("[data-slide-agree]")) {
      agreement.agree(view.current);
      slides.get(view.current).querySelector("[data-slide-value]").focus();
    }
  });
}
