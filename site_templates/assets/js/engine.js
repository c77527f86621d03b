// The scoring engine: scoring_py in Pyodide, inside a module Web Worker, so the page never waits for Python.
// The state is shown on <html data-engine="loading|ready|error"> and in the [data-engine-status] box.

// `modelId` names the folder of the page's model; its model.json is what the engine scores against.
export function startEngine(modelId) {
  const html = document.documentElement;
  const box = document.querySelector("[data-engine-status]");
  const text = box?.querySelector("[data-engine-text]");
  const bar = box?.querySelector("[data-engine-progress]");
  const pending = new Map();
  let nextId = 1;
  let failure = null;
  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; });

  const fail = (message) => {
    if (failure) return;
    failure = new Error(message);
    html.dataset.engine = "error";
    if (box) {
      box.classList.add("is-error");
      text.textContent = `${box.dataset.textError} ${message}`;
      bar.hidden = true;
    }
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };

  let worker;
  try {
    worker = new Worker(new URL("./engine-worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    fail(String(error?.message || error));
    const refuse = () => Promise.reject(failure);
    return { ready, score: refuse, plan: refuse, compare: refuse, call: refuse };
  }
  worker.addEventListener("message", ({ data }) => {
    if (data.type === "progress" && bar) {
      bar.value = data.step;
      bar.textContent = `${data.step} van ${bar.max}`;
    } else if (data.type === "ready") {
      html.dataset.engine = "ready";
      if (box) {
        box.classList.add("is-ready");
        text.textContent = box.dataset.textReady;
        bar.hidden = true;
      }
      markReady();
    } else if (data.type === "failed") {
      fail(data.message);
    } else if (data.type === "scored") {
      const request = pending.get(data.id);
      pending.delete(data.id);
      if (request) request.resolve(data.outcome);
    }
  });
  worker.addEventListener("error", (event) => fail(event.message || "de rekenmodule gaf een onbekende fout"));
  worker.postMessage({ type: "model", url: new URL(`../../${modelId}/model.json`, import.meta.url).href });

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
    score: (answers) => request(answers),
    // result: {gaps, plan}; the ambition is {elements: {id: phase}, results: {id: level}}.
    plan: (answers, ambition) => request({ kind: "plan", answers, ambition }),
    compare: (before, after) => request({ kind: "compare", before, after }),
    // One operation of bridge.make_caller (export, import, share, team): resolves with {ok, value|problems}.
    call: (operation, args) => send({ type: "call", operation, args }),
  };
}
