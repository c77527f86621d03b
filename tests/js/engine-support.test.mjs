// The browser's check of what the engine needs (site_templates/assets/js/engine-support.js), under Node's own test
// runner: node --test tests/js/. Chromium's side is tests/browser/test_engine_support.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { missingFeatures, wasmExceptions } from "../../site_templates/assets/js/engine-support.js";

// A Worker that reads its options as a browser with module workers does, and refuses the address as every one does.
class ModuleWorker {
  constructor(url, options) {
    void options.type;
    throw new SyntaxError(`${url} is not a valid URL`);
  }
}

test("the probe module validates where WebAssembly has exceptions, and a false validate means none", () => {
  assert.equal(wasmExceptions(), true); // Node runs Pyodide at build time, so it has them
  const noValidate = { WebAssembly: { validate: () => false } };
  assert.equal(wasmExceptions(noValidate), false);
});

test("what is missing is named, each feature by its own test", () => {
  assert.deepEqual(missingFeatures({ Worker: ModuleWorker, WebAssembly }), []);
  assert.deepEqual(missingFeatures({ Worker: class { constructor() { throw new SyntaxError("x"); } }, WebAssembly }),
                   ["module-worker"]);
  assert.deepEqual(missingFeatures({ Worker: ModuleWorker }), ["webassembly"]);
  assert.deepEqual(missingFeatures({ Worker: ModuleWorker, WebAssembly: { validate: () => false } }),
                   ["wasm-exceptions"]);
  assert.deepEqual(missingFeatures({}), ["module-worker", "webassembly"]);
});

test("the pinned Pyodide needs WebAssembly exceptions: its runtime declares exception tags", async () => {
  const wasm = readFileSync(new URL("../../node_modules/pyodide/pyodide.asm.wasm", import.meta.url));
  const module = await WebAssembly.compile(wasm);
  const tags = WebAssembly.Module.exports(module).filter((entry) => entry.kind === "tag");
  assert.ok(tags.length > 0, "pyodide.asm.wasm has no exception tag: is the exceptions check still needed?");
});
