// The scoring engine: scoring_py in Pyodide, inside a module Web Worker, so the page never waits for Python.
// The state is shown on <html data-engine="loading|ready|error"> and in the [data-engine-status] box.
// The worker knows where the runtime is (the build wrote it into engine-files.js); the page tells it its model,
// from <html data-engine-model>.
// There is one engine per page: startEngine() may be called early (engine-start.js, while the page is still
// being parsed) and again by the page's own script; both get the same engine.

let engine = null;

export function startEngine() {
  engine ??= createEngine();
  return engine;
}

function createEngine() {
  const html = document.documentElement;
  const status = { step: 0, ready: false, error: null };
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
    if (status.error) {
      box.classList.add("is-error");
      text.textContent = `${box.dataset.textError} ${status.error}`;
    } else if (status.ready) {
      box.classList.add("is-ready");
      text.textContent = box.dataset.textReady;
    }
    bar.hidden = Boolean(status.error || status.ready);
    bar.value = status.step;
    bar.textContent = `${status.step} van ${bar.max}`;
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show, { once: true });

  const fail = (message) => {
    if (failure) return;
    failure = new Error(message);
    status.error = message;
    html.dataset.engine = "error";
    show();
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
    markSettled();
  };

  let worker;
  try {
    worker = new Worker(new URL("./engine-worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ type: "start", model: new URL(html.dataset.engineModel, document.baseURI).href });
  } catch (error) {
    fail(String(error?.message || error));
    const refuse = () => Promise.reject(failure);
    return { ready, settled, score: refuse, plan: refuse, compare: refuse, call: refuse };
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
    } else if (data.type === "scored") {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if (request) request.resolve(data.outcome);
    }
  });
  worker.addEventListener("error", (event) => fail(event.message || "de rekenmodule gaf een onbekende fout"));

  // Each resolves with {ok: true, result|value} or {ok: false, problems}; rejects only if the engine itself failed.
  const send = (message) => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  // A scoring request is the answers themselves, or {kind, ...} as scoring_py/bridge.py run() describes.
  const request = (body) => send({ type: "score", request: body });
  return {
    ready,
    settled,
    score: (answers) => request(answers),
    // result: {gaps, plan}; the ambition is {elements: {id: phase}, results: {id: level}}.
    plan: (answers, ambition) => request({ kind: "plan", answers, ambition }),
    compare: (before, after) => request({ kind: "compare", before, after }),
    // One operation of bridge.make_caller (export, import, share, team): resolves with {ok, value|problems}.
    call: (operation, args) => send({ type: "call", operation, args }),
  };
}
