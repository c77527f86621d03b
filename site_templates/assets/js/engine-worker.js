// Module worker: loads Pyodide and scoring_py from this site (no other origin), then answers requests:
// {type: "score", id, request} where request is answers or {kind: "plan" | "compare", ...} (scoring_py/bridge.py).
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const assets = new URL("../", import.meta.url);
// The page tells which model to score against; Pyodide starts loading before that message arrives.
let modelUrl;
const modelUrlKnown = new Promise((resolve) => { modelUrl = resolve; });

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} kon niet worden geladen (HTTP ${response.status})`);
  return response;
}

async function start() {
  postMessage({ type: "progress", step: 0 });
  const archive = fetchOk(new URL("scoring_py.zip", assets)).then((r) => r.arrayBuffer());
  const model = modelUrlKnown.then((url) => fetchOk(url)).then((r) => r.text());
  const pyodide = await loadPyodide({
    indexURL: new URL("../../pyodide/", import.meta.url).href,
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  postMessage({ type: "progress", step: 1 });
  pyodide.unpackArchive(await archive, "zip", { extractDir: "/home/pyodide" });
  postMessage({ type: "progress", step: 2 });
  const bridge = pyodide.pyimport("scoring_py.bridge");
  try {
    const modelJson = await model;
    const engine = { scorer: bridge.make_scorer(modelJson), caller: bridge.make_caller(modelJson) };
    postMessage({ type: "progress", step: 3 });
    return engine;
  } finally {
    bridge.destroy();
  }
}

// Pyodide can fail in a promise it does not return (a failed download), which would leave start() waiting
// for ever; such a rejection means the engine cannot start.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  postMessage({ type: "failed", message: readable(event.reason) });
});

const started = start();
started.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: readable(error) }),
);

function readable(error) {
  // A PythonError carries the whole traceback; its last line says what went wrong.
  const message = String(error?.message || error).trim();
  return message.split("\n").filter(Boolean).pop() || "onbekende fout";
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "model") modelUrl(data.url);
  if (data.type !== "score" && data.type !== "call") return;
  let outcome;
  try {
    const { scorer, caller } = await started;
    outcome = JSON.parse(data.type === "score" ? scorer(JSON.stringify(data.request))
      : caller(data.operation, JSON.stringify(data.args)));
  } catch (error) {
    outcome = { ok: false, problems: [readable(error)] };
  }
  postMessage({ type: "scored", id: data.id, outcome });
});
