// The scoring engine: scoring_py in Pyodide, inside a module Web Worker, so the page never waits for Python.
//
// The protocol between page and worker, in full:
//   page -> worker  {type: "start", model}                    once: the URL of the page's model (JSON)
//   page -> worker  {type: "call", id, operation, args}       the one request: an operation of scoring_py.bridge
//   worker -> page  {type: "reply", id, answer}               the one reply: {ok: true, value} | {ok: false, problems}
//   worker -> page  {type: "progress", step}                  while starting: 0..3
//   worker -> page  {type: "ready"} | {type: "failed", message}
// The operations and their arguments are listed once, in scoring_py/bridge.py (OPERATIONS).
//
// A page calls engine.call(operation, args): it resolves with the value, or rejects with an EngineError whose
// message is readable Dutch; `problems` holds the engine's messages when the data did not fit, and `failed` is
// true when the engine itself could not start. Calls made before the engine is ready wait for it.
// The state is shown on <html data-engine="loading|ready|error"> and in the [data-engine-status] box.
// There is one engine per page: startEngine() may be called early (engine-start.js, while the page is still
// being parsed) and again by the page's own script; both get the same engine.
// A browser that lacks what the engine needs (engine-support.js) starts no worker and fetches nothing of Pyodide: the
// engine fails at once, `unsupported` names what is missing, and the status box says so in its own words.

import { missingFeatures } from "./engine-support.js";

export class EngineError extends Error {
  constructor(message, { problems = [], failed = false } = {}) {
    super(message);
    this.name = "EngineError";
    this.problems = problems;
    this.failed = failed;
  }
}

let engine = null;

export function startEngine() {
  engine ??= createEngine();
  return engine;
}

function createEngine() {
  const html = document.documentElement;
  const status = { step: 0, ready: false, failed: false, error: "", unsupported: missingFeatures() };
  const pending = new Map();
  let nextId = 1;
  let failure = null;
  let markReady;
  let markSettled;
  const ready = new Promise((resolve) => { markReady = resolve; });
  const settled = new Promise((resolve) => { markSettled = resolve; }); // ready or failed

  // The status box may not be parsed yet when the first messages arrive: show the state again once it is.
  const show = () => {
    const box = document.querySelector("[data-engine-status]");
    if (!box) return;
    const text = box.querySelector("[data-engine-text]");
    const bar = box.querySelector("[data-engine-progress]");
    if (status.unsupported.length) {
      box.classList.add("is-error", "is-unsupported");
      text.textContent = unsupportedText(box.dataset, status.unsupported);
    } else if (status.failed) {
      box.classList.add("is-error");
      text.textContent = `${box.dataset.textError} ${status.error}`.trim();
    } else if (status.ready) {
      box.classList.add("is-ready");
      text.textContent = box.dataset.textReady;
    }
    bar.hidden = status.failed || status.ready;
    bar.value = status.step;
    bar.textContent = `${status.step} / ${bar.max}`;
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, { once: true });

  const fail = (message) => {
    if (failure) return;
    failure = new EngineError(message, { failed: true });
    status.failed = true;
    status.error = message;
    html.dataset.engine = "error";
    show();
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
    markSettled();
  };

  if (status.unsupported.length) {
    fail(status.unsupported.join(", "));
    return { ready, settled, unsupported: status.unsupported, call: () => Promise.reject(failure) };
  }
  let worker;
  try {
    worker = new Worker(new URL("./engine-worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ type: "start", model: new URL(html.dataset.engineModel, document.baseURI).href });
  } catch (error) {
    fail(String(error?.message || error));
    return { ready, settled, unsupported: [], call: () => Promise.reject(failure) };
  }
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      status.step = data.step;
      show();
    } else if (data.type === "ready") {
      status.ready = true;
      html.dataset.engine = "ready";
      show();
      markReady();
      markSettled();
    } else if (data.type === "failed") {
      fail(data.message);
    } else if (data.type === "reply") {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if (!request) return;
      if (data.answer.ok) request.resolve(data.answer.value);
      else request.reject(new EngineError(data.answer.problems.join("; "), { problems: data.answer.problems }));
    }
  });
  worker.addEventListener("error", (event) => fail(event.message || ""));

  return {
    ready,
    settled,
    unsupported: [],
    call(operation, args) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "call", id, operation, args });
      });
    },
  };
}

// "This browser cannot compute the result ... (missing: ...)": the box's text, then what is missing in its words
// (data-text-missing-module-worker and so on).
function unsupportedText(texts, missing) {
  const names = missing.map((feature) => texts[`textMissing${feature.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`]);
  return `${texts.textUnsupported} ${texts.textMissing} ${names.join(", ")}.`;
}
