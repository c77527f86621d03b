// Score every test vector with scoring_py inside Pyodide (the browser's Python) and print one JSON document.
//
//   node tests/pyodide/run_vectors.mjs MODEL.json VECTORS.json [PYODIDE_DIR] [SCORING_PY_DIR] [REQUESTS.json] [CALLS.json]
//
// CALLS.json (optional) lists browser operations ({"name", "operation", "args"}) run through
// scoring_py.bridge.make_caller, as the Web Worker does; their answers are printed under "calls".
// PYODIDE_DIR defaults to node_modules/pyodide and SCORING_PY_DIR to scoring_py, both in the project root.
// REQUESTS.json (optional) holds bridge requests ({"name", "request"}: plan, compare, ...) run through
// scoring_py.bridge.run, the way the browser's worker calls them.
// Output: {"python_version": sys.version, "scoring_version": ..., "cases": [{"name", "result"} or {"name", "problems"}],
//          "requests": [the same shape, one per request], "calls": [{"name", "answer"}, one per call]}
// tests/test_pyodide_parity.py compares "cases" and "requests" with what CPython computes for the same input.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const PACKAGE_HOME = "/home/pyodide";

// Runs inside Pyodide; the CPython side of the parity test does the same per vector.
const RUNNER = `
import json
import sys

import scoring_py
from scoring_py import AnswersError, score
from scoring_py.bridge import run


def run_calls(model_json, calls_json):
    from scoring_py.bridge import make_caller

    caller = make_caller(model_json)
    return [{"name": call["name"], "answer": json.loads(caller(call["operation"], json.dumps(call["args"])))}
            for call in json.loads(calls_json)]


def run_vectors(model_json, vectors_json, requests_json="[]", calls_json="[]"):
    model = json.loads(model_json)
    cases = []
    for vector in json.loads(vectors_json):
        try:
            cases.append({"name": vector["name"], "result": score(model, vector["answers"])})
        except AnswersError as error:
            cases.append({"name": vector["name"], "problems": error.problems})
    requests = []
    for item in json.loads(requests_json):
        try:
            requests.append({"name": item["name"], "result": run(model, item["request"])})
        except AnswersError as error:
            requests.append({"name": item["name"], "problems": error.problems})
    return json.dumps(
        {
            "python_version": sys.version,
            "scoring_version": scoring_py.__version__,
            "scoring_file": scoring_py.__file__,
            "cases": cases,
            "requests": requests,
            "calls": run_calls(model_json, calls_json),
        },
        ensure_ascii=False,
    )
`;

async function main(argv) {
  if (argv.length < 2) {
    process.stderr.write("gebruik: node run_vectors.mjs MODEL.json VECTORS.json [PYODIDE_DIR] [SCORING_PY_DIR] [REQUESTS.json] [CALLS.json]\n");
    return 2;
  }
  const [modelPath, vectorsPath] = argv;
  const pyodideDir = resolve(argv[2] ?? join(ROOT, "node_modules", "pyodide"));
  const packageDir = resolve(argv[3] ?? join(ROOT, "scoring_py"));
  const requests = argv[4] ? readFileSync(resolve(argv[4]), "utf8") : "[]";

  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  // Python's own prints go to stderr so stdout holds only the JSON document.
  const pyodide = await loadPyodide({
    indexURL: pyodideDir + "/",
    stdout: (line) => process.stderr.write(line + "\n"),
    stderr: (line) => process.stderr.write(line + "\n"),
  });

  // The same package files as in CPython, unchanged: copy every module into Pyodide's file system.
  const target = `${PACKAGE_HOME}/scoring_py`;
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(packageDir).filter((file) => file.endsWith(".py")).sort()) {
    pyodide.FS.writeFile(`${target}/${name}`, readFileSync(join(packageDir, name), "utf8"));
  }
  pyodide.runPython(`import sys\nif ${JSON.stringify(PACKAGE_HOME)} not in sys.path: sys.path.insert(0, ${JSON.stringify(PACKAGE_HOME)})`);

  const namespace = pyodide.toPy({});
  let runVectors;
  try {
    pyodide.runPython(RUNNER, { globals: namespace });
    runVectors = namespace.get("run_vectors");
    const calls = argv[5] ? readFileSync(resolve(argv[5]), "utf8") : "[]";
    const output = runVectors(readFileSync(modelPath, "utf8"), readFileSync(vectorsPath, "utf8"), requests, calls);
    process.stdout.write(output + "\n");
  } finally {
    runVectors?.destroy();
    namespace.destroy();
  }
  return 0;
}

// exitCode, not process.exit(): exit() would cut off a large document still on its way through the pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
