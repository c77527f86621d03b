// Build-time only: prepare the browser's Python inside Pyodide itself, under Node. Called by sitegen/runtime.py.
//
//   node sitegen/runtime_compile.mjs PYODIDE_DIR PACKAGE_DIR TRACE.json OUT_DIR
//
// 1. Loads the npm Pyodide with its full standard library and runs the package the way the browser's worker does
//    (PACKAGE.bridge.make_engine, then the engine's "score" on every answer document in TRACE.json, on text that
//    is not JSON, and a call that makes Python raise).
// 2. Writes OUT_DIR/python_stdlib.zip (only the standard-library modules that were imported, compiled to .pyc),
//    OUT_DIR/PACKAGE.zip (the package compiled to .pyc) and OUT_DIR/modules.txt (the modules kept).
// 3. Loads a second Pyodide from exactly those two archives, as the browser will, and checks that it gives the
//    same answers; any difference or missing module fails here, at build time, instead of in a visitor's browser.
// TRACE.json: {"model": {...}, "answers": [{...}, ...]}.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const HOME = "/home/pyodide";

function quiet() {
  // Python's own output goes to stderr, so a build shows it only when something fails.
  return { stdout: (line) => process.stderr.write(`${line}\n`), stderr: (line) => process.stderr.write(`${line}\n`) };
}

function lastLine(error) {
  return String(error?.message || error).trim().split("\n").filter(Boolean).pop();
}

// What the worker does with the engine; returns every outcome as text so two runs can be compared.
function exercise(engine, trace) {
  const outcomes = trace.answers.map((answers) => engine("score", JSON.stringify({ answers })));
  outcomes.push(engine("score", "dit is geen JSON"));
  try {
    outcomes.push(engine()); // no arguments: Python raises, and the error crosses into JavaScript
  } catch (error) {
    outcomes.push(`error: ${lastLine(error)}`);
  }
  return outcomes;
}

function makeEngine(pyodide, packageName, model) {
  const bridge = pyodide.pyimport(`${packageName}.bridge`);
  try {
    return bridge.make_engine(JSON.stringify(model));
  } finally {
    bridge.destroy();
  }
}

async function main(argv) {
  if (argv.length !== 4) {
    process.stderr.write("gebruik: node runtime_compile.mjs PYODIDE_DIR PACKAGE_DIR TRACE.json OUT_DIR\n");
    return 2;
  }
  const [pyodideDir, packageDir, tracePath, outDir] = argv.map((arg) => resolve(arg));
  const packageName = basename(packageDir);
  const trace = JSON.parse(readFileSync(tracePath, "utf8"));
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);

  // 1. The full library, the package as plain sources, and the browser's calls. PYTHONNODEBUGRANGES is CPython's
  //    `-X no_debug_ranges`: what this Python compiles keeps its line numbers but not the column ranges under them
  //    (the ^^^ of a traceback), which makes the .pyc files a third smaller on the wire.
  const full = await loadPyodide({ indexURL: `${pyodideDir}/`, env: { PYTHONNODEBUGRANGES: "1" }, ...quiet() });
  const sources = `${HOME}/src/${packageName}`;
  full.FS.mkdirTree(sources);
  for (const name of readdirSync(packageDir).filter((file) => file.endsWith(".py")).sort()) {
    full.FS.writeFile(`${sources}/${name}`, readFileSync(join(packageDir, name)));
  }
  full.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(`${HOME}/src`)})`);
  const engine = makeEngine(full, packageName, trace.model);
  const expected = exercise(engine, trace);
  engine.destroy();

  // 2. Trim and compile, with the helpers in runtime_compile.py.
  const tools = full.toPy({});
  full.runPython(readFileSync(join(HERE, "runtime_compile.py"), "utf8"), { globals: tools });
  const call = (name, ...args) => {
    const fn = tools.get(name);
    try {
      const result = fn(...args);
      return result?.toJs ? result.toJs() : result;
    } finally {
      fn.destroy();
    }
  };
  call("import_what_the_package_names", sources);
  const modulesProxy = tools.get("stdlib_modules")();
  const modules = modulesProxy.toJs({ dict_converter: Object.fromEntries });
  modulesProxy.destroy();
  const archivePath = `${HOME}/${packageName}.zip`;
  const stdlib = call("build_stdlib", full.toPy(modules));
  const packageZip = call("build_package", sources, archivePath);
  tools.destroy();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "python_stdlib.zip"), stdlib);
  writeFileSync(join(outDir, `${packageName}.zip`), packageZip);
  writeFileSync(join(outDir, "modules.txt"), `${Object.keys(modules).sort().join("\n")}\n`);

  // 3. The browser's setup: only the two archives, no lock file fetched, no packages.
  const lock = JSON.parse(readFileSync(join(pyodideDir, "pyodide-lock.json"), "utf8"));
  const trimmed = await loadPyodide({
    indexURL: `${pyodideDir}/`,
    stdLibURL: join(outDir, "python_stdlib.zip"),
    lockFileContents: { info: lock.info, packages: {} },
    ...quiet(),
  });
  trimmed.FS.writeFile(archivePath, packageZip);
  trimmed.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(archivePath)})`);
  const trimmedEngine = makeEngine(trimmed, packageName, trace.model);
  const got = exercise(trimmedEngine, trace);
  trimmedEngine.destroy();
  const compiled = trimmed.runPython(`import json, ${packageName}\n[json.__file__, ${packageName}.__file__]`).toJs();
  if (!compiled.every((file) => file.endsWith(".pyc"))) {
    throw new Error(`de gecompileerde bestanden worden niet gebruikt: ${compiled.join(", ")}`);
  }
  for (let i = 0; i < expected.length; i++) {
    if (got[i] !== expected[i]) {
      throw new Error(`de ingekorte standaardbibliotheek geeft een ander antwoord (geval ${i + 1}): ${got[i]}`);
    }
  }
  process.stdout.write(`${JSON.stringify({ modules: Object.keys(modules).length, cases: expected.length })}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // The whole story first, then one line that says what went wrong (runtime.py shows that line).
    process.stderr.write(`${error?.stack ?? error}\nFAILED: ${lastLine(error)}\n`);
    process.exitCode = 1;
  },
);
