// The page kit: where every page script starts. It gives a page its root element and texts, this browser's scans
// (library.js) and the team session (session.js) on one safe storage (storage.js), the record rule's data, the
// engine (engine.js), offline support (offline.js), one place for error messages, the main menu (menu.js), and the
// small helpers for building nodes (dom.js) and handling records (record.js). A page's own module holds only what
// that page does:
//
//   runPage("[data-scan]", (page) => { ... page.library ... page.engine.call("score", ...) ... });
//
// The rules every page follows, kept here once:
// - the engine starts the first time a page asks for `page.engine`; a page that never does, loads no Python and
//   hides the engine's status box;
// - offline support is registered once the page has what it needs: after the engine, if the page started one;
// - an error the page did not expect is shown in the page's error box in plain Dutch (and still reported to the
//   browser), so a visitor never looks at a page that silently stopped;
// - once a page saved a scan, the browser is asked to keep this site's storage (keep.js);
// - printed, every sheet names whose scan it is and the day: the running line of base.html gets the team session's
//   name on the team page, else the open scan's name (a page showing another scan sets `page.printName`).
import { EngineError, startEngine } from "./engine.js";
import { openLibrary } from "./library.js";
import { openSession } from "./session.js";
import { openStorage } from "./storage.js";
import { registerServiceWorker } from "./offline.js";
import { setupMenu } from "./menu.js";
import { setupLanguageLinks } from "./language-links.js";
import { askToKeep } from "./keep.js";
import { hasAnswers } from "./record.js";
import { DAY, fill, formatDate } from "./dom.js";

export { EngineError };
export { actionRow, button, DAY, fill, formatDate, formatValue, link, LOCALE, localDay, option, setList, showProblems }
  from "./dom.js";
export { actionProblems, answersOf, canonical, checkSession, clone, hasAnswers, keepResult, newAction, sameAnswers,
         sessionRespondent, snapshot, startFrom, storedResult } from "./record.js";

export function runPage(selector, main) {
  const root = document.querySelector(selector);
  const texts = root.dataset;
  const errorBox = document.querySelector("[data-page-error]");
  let engine = null;
  let storage = null;
  let library = null;
  let session = null;
  let rules = null;
  const openedStorage = () => {
    storage ??= openStorage(page.rules);
    return storage;
  };

  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };
  const unexpected = (error) => showError(`${errorBox.dataset.textUnexpected} ${error?.message || error}`);

  const page = {
    root,
    texts,
    // This browser's scans of the page's model, opened on first use; a page that makes scans gives the names
    // of a new scan and of a copy in data-text-default-name and data-text-copy-name.
    get library() {
      // Once a scan with answers is saved there is something to keep: then the browser is asked for persistent
      // storage.
      library ??= openLibrary(openedStorage(), page.rules, { default: texts.textDefaultName, copy: texts.textCopyName },
                              (record) => { if (hasAnswers(record, page.rules)) askToKeep(); });
      return library;
    },
    // The team page's session, opened on first use.
    get session() {
      session ??= openSession(openedStorage(), page.rules);
      return session;
    },
    // The record rule's data: the fields of a record, its answer groups, the storage's keys, the model's ids and
    // limits (scoring_py/record_shape.py), for the record helpers and a page that checks a change before it saves.
    get rules() {
      rules ??= recordRules();
      return rules;
    },
    // The engine, started on first use.
    get engine() {
      engine ??= startEngine();
      return engine;
    },
    showError,
    // For a call's rejection: the engine's problems after the page's own lead text. When the engine itself could
    // not start, its status box already says so and nothing more is shown.
    failed(lead) {
      return (error) => {
        if (error instanceof EngineError) {
          if (!error.failed) showError(`${lead} ${error.message}`);
        } else {
          unexpected(error);
        }
      };
    },
    // The name the printed pages carry; by default the session's (team page) or the open scan's.
    printName: null,
    field: (name) => root.querySelector(`[data-field="${name}"]`),
    list: (name) => root.querySelector(`[data-list="${name}"]`),
  };

  window.addEventListener("error", (event) => unexpected(event.error || event.message));
  window.addEventListener("unhandledrejection", (event) => unexpected(event.reason));
  setupMenu(document.querySelector("[data-menu]"));
  setupLanguageLinks();
  // Only what the page opened itself is asked: a page without scans opens no storage for its running line.
  const printName = () => page.printName
    ?? (session ? session.session.name : library?.current({ create: false })?.record.name) ?? "";
  const running = () => fillRunningLine(document.querySelector("[data-print-running]"), printName());
  window.addEventListener("beforeprint", running);
  try {
    main(page);
  } finally {
    if (!engine) document.querySelector("[data-engine-status]")?.setAttribute("hidden", "");
    registerServiceWorker(engine?.settled);
    running();
  }
}

// The line at the top of every printed sheet: "<name> · <page title>" (or the page's title and the site's name when
// there is no name) and today's date.
function fillRunningLine(line, name) {
  if (!line) return;
  const texts = line.dataset;
  line.querySelector("[data-print-running-what]").textContent = name ? fill(texts.textNamed, { name }) : texts.textPlain;
  line.querySelector("[data-print-running-date]").textContent = formatDate(new Date().toISOString(), DAY);
}

// The record rule's data (scoring_py/record.py), written into the page by the build.
function recordRules() {
  return JSON.parse(document.getElementById("record-rules").textContent);
}
