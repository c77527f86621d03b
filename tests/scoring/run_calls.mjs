// Run every engine call of a fixture file with scoring_py inside Pyodide (the browser's Python), under Node, the
// way the browser's Web Worker does: bridge.make_engine(model_json), then engine(operation, args_json) per call.
//
//   node tests/scoring/run_calls.mjs MODEL.json CALLS.json [PYODIDE_DIR] [SCORING_PY_DIR]
//
// CALLS.json: [{"name", "operation", "args_text"}]: the arguments as the JSON text the test made, sent as they are
// (re-serialising them here would turn 3.0 into 3, and text that is not JSON could not be tested at all). PYODIDE_DIR defaults to node_modules/pyodide and SCORING_PY_DIR to scoring_py.
// Output, one JSON document: {"python_version", "scoring_version", "scoring_file", "answers": [{"name", "answer"}]}.
// tests/scoring/test_pyodide_parity.py (beside it) runs the same calls in CPython and demands the same answers.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACKAGE_HOME = "/home/pyodide";

async function main(argv) {
  if (argv.length < 2) {
    process.stderr.write("gebruik: node run_calls.mjs MODEL.json CALLS.json [PYODIDE_DIR] [SCORING_PY_DIR]\n");
    return 2;
  }
  const [modelPath, callsPath] = argv;
  const pyodideDir = resolve(argv[2] ?? join(ROOT, "node_modules", "pyodide"));
  const packageDir = resolve(argv[3] ?? join(ROOT, "scoring_py"));
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  // Python's own prints go to stderr so stdout holds only the JSON document.
  const pyodide = await loadPyodide({
    indexURL: `${pyodideDir}/`,
    stdout: (line) => process.stderr.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  // The same package files as in CPython, unchanged.
  const target = `${PACKAGE_HOME}/scoring_py`;
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(packageDir).filter((file) => file.endsWith(".py")).sort()) {
    pyodide.FS.writeFile(`${target}/${name}`, readFileSync(join(packageDir, name), "utf8"));
  }
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_HOME)})`);

  const bridge = pyodide.pyimport("scoring_py.bridge");
  const engine = bridge.make_engine(readFileSync(modelPath, "utf8"));
  try {
    const answers = JSON.parse(readFileSync(callsPath, "utf8")).map((call) => ({
      name: call.name,
      answer: JSON.parse(engine(call.operation, call.args_text)),
    }));
    const about = pyodide.runPython("import sys, scoring_py\n[sys.version, scoring_py.__version__, scoring_py.__file__]");
    const [version, scoringVersion, scoringFile] = about.toJs();
    about.destroy();
    process.stdout.write(`${JSON.stringify({ python_version: version, scoring_version: scoringVersion,
                                             scoring_file: scoringFile, answers })}\n`);
  } finally {
    engine.destroy();
    bridge.destroy();
  }
  return 0;
}

// exitCode, not process.exit(): exit() would cut off a large document still on its way through the pipe.
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
