// Loaded with `async` in the <head> of pages that always score: starts the engine while the page is still being
// parsed, so Pyodide's downloads begin as early as they can. The page's own script later gets the same engine.
import { startEngine } from "./engine.js";

startEngine();
