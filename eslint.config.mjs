// ESLint for the browser code and the Node scripts: the recommended rules (unused variables and imports, undefined
// names, unreachable code, ...), plus one of our own: no function longer than 100 lines, so a page script stays a
// set of small named steps. Run by `./run lint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["dist/", "node_modules/", ".venv/", ".cache/", "tests/golden/", "tests/fixtures/"] },
  js.configs.recommended,
  {
    rules: {
      "max-lines-per-function": ["error", { max: 100, skipBlankLines: false, skipComments: false }],
      "no-unused-vars": ["error", { args: "after-used", ignoreRestSiblings: true, caughtErrors: "none" }],
    },
  },
  {
    files: ["site_templates/assets/js/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["sitegen/dev_overlay.js"],  // served by `build.py serve` over every page, never built into dist/
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["site_templates/assets/js/engine-worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // A classic script: the build writes VERSION, IMMUTABLE, REVALIDATE and LATER above it (sitegen/service_worker.py).
    files: ["site_templates/service-worker.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker, VERSION: "readonly",
                                                         IMMUTABLE: "readonly", REVALIDATE: "readonly", LATER: "readonly" } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
