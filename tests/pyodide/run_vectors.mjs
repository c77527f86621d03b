// Score every test vector with scoring_py inside Pyodide (the browser's Python) and print one JSON document.
//
//   node tests/pyodide/run_vectors.mjs MODEL.json VECTORS.json [PYODIDE_DIR] [SCORING_PY_DIR] [CALLS.json]
//
// CALLS.json (optional) lists browser operations ({"name", "operation", "args"}) run through
// scoring_py.bridge.make_caller, as the Web Worker does; their answers are printed under "calls".
// PYODIDE_DIR defaults to node_modules/pyodide and SCORING_PY_DIR to scoring_py, both in the project root.
// Output: {"python_version": sys.version, "scoring_version": ..., "cases": [{"name", "result"} or {"name", "problems"}]}
// tests/test_pyodide_parity.py compares "cases" with what CPython computes for the same vectors.

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


def run_calls(model_json, calls_json):
    from scoring_py.bridge import make_caller

    caller = make_caller(model_json)
    return [{"name": call["name"], "answer": json.loads(caller(call["operation"], json.dumps(call["args"])))}
            for call in json.loads(calls_json)]


def run_vectors(model_json, vectors_json, calls_json="[]"):
    model = json.loads(model_json)
    cases = []
    for vector in json.loads(vectors_json):
        try:
            cases.append({"name": vector["name"], "result": score(model, vector["answers"])})
        except AnswersError as error:
            cases.append({"name": vector["name"], "problems": error.problems})
    return json.dumps(
        {
            "python_version": sys.version,
            "scoring_version": scoring_py.__version__,
            "scoring_file": scoring_py.__file__,
            "cases": cases,
            "calls": run_calls(model_json, calls_json),
        },
        ensure_ascii=False,
    )
`;

async function main(argv) {
  if (argv.length < 2) {
    process.stderr.write("gebruik: node run_vectors.mjs MODEL.json VECTORS.json [PYODIDE_DIR] [SCORING_PY_DIR]\n");
    return 2;
  }
  const [modelPath, vectorsPath] = argv;
  const pyodideDir = resolve(argv[2] ?? join(ROOT, "node_modules", "pyodide"));
  const packageDir = resolve(argv[3] ?? join(ROOT, "scoring_py"));

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
    const calls = argv[4] ? readFileSync(resolve(argv[4]), "utf8") : "[]";
    const output = runVectors(readFileSync(modelPath, "utf8"), readFileSync(vectorsPath, "utf8"), calls);
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
