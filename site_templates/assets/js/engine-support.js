// What the engine needs of a browser, checked before anything of Pyodide is fetched, so a browser that cannot run
// it is told so at once instead of after a 10 MB download that fails:
// - a module Web Worker: the engine runs in one (engine-worker.js imports its files);
// - WebAssembly;
// - WebAssembly's exception handling: Pyodide 314's pyodide.asm.wasm declares tags and throws and catches with the
//   try/catch instructions (emcc -fwasm-exceptions); a browser without them cannot even compile it.
// Every check is a feature test, never the browser's name: a browser that adds a feature passes at once.

// A module of one function that declares a tag, throws it and catches it: `try ... throw 0 ... catch 0 ... end`,
// the instructions Pyodide's runtime uses (the legacy encoding, which every browser with exceptions understands).
const EXCEPTIONS_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: one function type [] -> []
  0x03, 0x02, 0x01, 0x00, // functions: one, of type 0
  0x0d, 0x03, 0x01, 0x00, 0x00, // tags: one exception tag of type 0
  0x0a, 0x0b, 0x01, 0x09, 0x00, 0x06, 0x40, 0x08, 0x00, 0x07, 0x00, 0x0b, 0x0b, // code: try; throw 0; catch 0; end; end
]);

export const FEATURES = ["module-worker", "webassembly", "wasm-exceptions"];

// The features of FEATURES this browser lacks, in that order; empty when the engine can run here.
export function missingFeatures(scope = globalThis) {
  const missing = [];
  if (!moduleWorkers(scope)) missing.push("module-worker");
  if (!webAssembly(scope)) missing.push("webassembly");
  else if (!wasmExceptions(scope)) missing.push("wasm-exceptions");
  return missing;
}

// A browser that knows module workers reads the `type` option; the address is invalid on purpose, so no worker
// starts and nothing is fetched.
function moduleWorkers(scope) {
  if (typeof scope.Worker !== "function") return false;
  let read = false;
  const options = { get type() { read = true; return "module"; } };
  try {
    new scope.Worker("http://[", options).terminate();
  } catch {
    // the invalid address, as intended
  }
  return read;
}

function webAssembly(scope) {
  return typeof scope.WebAssembly === "object" && scope.WebAssembly !== null
    && typeof scope.WebAssembly.validate === "function";
}

export function wasmExceptions(scope = globalThis) {
  try {
    return scope.WebAssembly.validate(EXCEPTIONS_MODULE);
  } catch {
    return false;
  }
}
