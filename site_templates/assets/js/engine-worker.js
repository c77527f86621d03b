// Module worker: loads Pyodide and scoring_py from this site (no other origin), then answers each
// {type: "call", id, operation, args} with {type: "reply", id, answer}; the whole protocol is described at the top of
// engine.js, the operations in scoring_py/bridge.py. Python gets and gives JSON text, so no Python object crosses
// into JavaScript and there is no proxy to free per call.
// It starts loading the moment it runs: where the runtime is comes from the build (engine-files.js), not from the
// page, whose main thread is busy laying itself out at that moment and would pass a message on only later. The
// page sends {type: "start", model} with its model's URL, needed only once Python runs. With the lock file's info
// given and no packages, Pyodide fetches nothing but pyodide.asm.mjs, pyodide.asm.wasm and the standard library.
import { lock, runtime, stdlib } from "./engine-files.js";

const assets = new URL("../", import.meta.url);
const PACKAGE_ARCHIVE = "/home/pyodide/scoring_py.zip";

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const settings = new Promise((resolve) => {
  self.addEventListener("message", function onStart({ data }) {
    if (data.type !== "start") return;
    self.removeEventListener("message", onStart);
    resolve(data);
  });
});

// The package and the model wait on nothing but their downloads: ask for them while Pyodide starts.
const archive = fetchOk(new URL("scoring_py.zip", assets)).then((r) => r.arrayBuffer());
const model = settings.then((start) => fetchOk(start.model)).then((r) => r.text());
archive.catch(() => {}); // handled where it is awaited; not an unhandled rejection before that
model.catch(() => {});

async function start() {
  postMessage({ type: "progress", step: 0 });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({
    indexURL: runtime,
    stdLibURL: stdlib,
    lockFileContents: { info: lock, packages: {} },
    packages: [],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  postMessage({ type: "progress", step: 1 });
  // scoring_py is compiled bytecode in one zip: Python imports straight from it, nothing is unpacked.
  pyodide.FS.writeFile(PACKAGE_ARCHIVE, new Uint8Array(await archive));
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_ARCHIVE)})`);
  postMessage({ type: "progress", step: 2 });
  const bridge = pyodide.pyimport("scoring_py.bridge");
  try {
    const modelJson = await model;
    const engine = bridge.make_engine(modelJson);
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

// Pyodide 314 catches a failed download or compile of pyodide.asm.wasm inside its own loader, only logs it
// ("wasm instantiation failed!", then the reason) and never settles loadPyodide. Whether the rejection above
// fires first is a race, so the log line itself is taken as the failure it is.
const warn = console.warn.bind(console);
let wasmFailed = false;
console.warn = (...args) => {
  warn(...args);
  if (wasmFailed) postMessage({ type: "failed", message: readable(args[0]) });
  wasmFailed = args[0] === "wasm instantiation failed!";
};

const started = start();
started.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: readable(error) }),
);

function readable(error) {
  // A PythonError carries the whole traceback; its last line says what went wrong.
  const message = String(error?.message || error).trim();
  return message.split("\n").filter(Boolean).pop() || "";
}

self.addEventListener("message", async ({ data }) => {
  if (data.type !== "call") return;
  let answer;
  try {
    const engine = await started;
    answer = JSON.parse(engine(data.operation, JSON.stringify(data.args ?? null)));
  } catch (error) {
    // Only a failed start or a broken runtime gets here: bridge.py answers every call, bad calls included.
    answer = { ok: false, problems: [readable(error)] };
  }
  postMessage({ type: "reply", id: data.id, answer });
});
