// "Mijn scans": the scans in this browser. Open, rename, delete (with undo), new scan, and read in an export file.
// An export file is untrusted: scoring_py checks it in the engine, and only a file without problems is stored.
import { button, DAY, fill, formatDate, hasAnswers, runPage, setList, showProblems } from "./kit.js";
import { download, megabytes, tooLarge } from "./exchange.js";
import { showKeepNotice, showStorageProblems } from "./storage-notice.js";

function main(page) {
  const { root, library } = page;
  library.checkAll();
  showStorageProblems(root.querySelector("[data-storage-notice]"), library.problems, page.rules.model);
  const view = {
    page, library,
    engine: page.engine, // started now, so it is ready by the time someone has chosen a file
    status: root.querySelector("[data-status]"), undoButton: root.querySelector("[data-undo]"),
    removed: null, // the scan just deleted, while its undo is on offer
    keep: null,
  };
  // Whether this browser keeps the scans, said once; where it may delete them, the open scan's export is offered.
  view.keep = showKeepNotice({ getScan: () => openWithAnswers(library, page.rules), engine: view.engine, showKept: true,
                               onExported: () => render(view) });
  // Another tab changed the list (a new, renamed or deleted scan): show the list as it is now.
  library.watch({ onList: () => render(view) });
  view.undoButton.addEventListener("click", () => undo(view));
  root.querySelector("[data-new-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    createScan(view, event.target.elements.name);
  });
  root.querySelector("[data-details-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    saveDetails(view, event.target.elements);
  });
  const fileInput = root.querySelector("[data-import]");
  fileInput.addEventListener("change", () => importFile(view, fileInput));
  render(view);
}

// The open scan when it holds answers: only then is there something to keep.
function openWithAnswers(library, rules) {
  const scan = library.current({ create: false });
  return scan && hasAnswers(scan.record, rules) ? scan : null;
}

// The status line; with `undo` the undo button beside it, else the deleted scan can no longer come back.
function say(view, message, { undo = false } = {}) {
  view.status.textContent = message;
  view.undoButton.hidden = !undo;
  if (!undo) view.removed = null;
}

function saved(view, ok, message) {
  say(view, ok ? message : `${message} ${view.page.texts.textSaveFailed}`);
}

// The list of scans, the open scan's details and the kept copies, as they are now.
function render(view) {
  const { page: { root, texts }, library } = view;
  const scans = library.list();
  root.querySelector("[data-empty]").hidden = scans.length > 0;
  const exported = (id) => library.get(id)?.record.exported;
  setList(root.querySelector("[data-scan-list]"), scans, (scan) => scanItem({ ...scan, exported: exported(scan.id) }, texts, {
    open: () => {
      saved(view, library.select(scan.id), fill(texts.textOpened, { name: scan.name }));
      render(view);
    },
    remove: () => {
      view.removed = library.remove(scan.id);
      render(view);
      say(view, fill(texts.textDeleted, { name: scan.name }), { undo: Boolean(view.removed) });
      view.undoButton.focus();
    },
  }));
  showDetails(root, library);
  view.keep?.update();
  renderCopies(root, texts, library, (message) => say(view, message));
}

// The deleted scan back; the focus goes to the list's heading.
function undo(view) {
  const { page: { root, texts }, library } = view;
  if (!view.removed) return;
  const name = view.removed.record.name;
  const ok = library.undo(view.removed);
  view.removed = null;
  render(view);
  saved(view, ok, fill(texts.textRestored, { name }));
  root.querySelector("#lijst-kop").focus();
}

function createScan(view, input) {
  const { texts } = view.page;
  const name = input.value.trim() || texts.textDefaultName;
  const ok = view.library.create(name).save();
  input.value = "";
  render(view);
  saved(view, ok, fill(texts.textCreated, { name }));
}

// The open scan's name and respondent details; an empty detail is left out.
function saveDetails(view, form) {
  const scan = view.library.current({ create: false });
  if (!scan) return;
  const record = scan.record;
  record.name = form.name.value.trim() || record.name;
  const respondent = { name: form["respondent-name"].value.trim(), role: form["respondent-role"].value.trim(),
                       unit: form["respondent-unit"].value.trim() };
  record.respondent = Object.fromEntries(Object.entries(respondent).filter(([, value]) => value));
  const ok = scan.save();
  render(view);
  saved(view, ok, fill(view.page.texts.textDetailsSaved, { name: record.name }));
}

// An export file read in: too large is refused before reading; the engine checks the rest, and only a file without
// problems is stored.
async function importFile(view, fileInput) {
  const { texts, root } = view.page;
  const errorBox = root.querySelector("[data-import-error]");
  const file = fileInput.files[0];
  if (!file) return;
  errorBox.hidden = true;
  say(view, texts.textEngineWait);
  const max = Number(texts.maxBytes);
  if (tooLarge(file, max)) { // checked before reading: a huge file never fills memory
    showProblems(errorBox, `${file.name}: ${texts.textImportError}`,
      [fill(texts.textTooLarge, { size: megabytes(file.size), max: megabytes(max) })]);
    fileInput.value = "";
    return;
  }
  try {
    const scan = await view.engine.call("parse_export", { text: await file.text() });
    const { saved: ok } = view.library.importScan(scan, texts.textImportedName);
    render(view);
    saved(view, ok, fill(texts.textImported, { name: scan.name || texts.textImportedName }));
  } catch (error) {
    // The engine's problems one per line; a file that could not be read, or an engine that did not start, in one.
    showProblems(errorBox, `${file.name}: ${texts.textImportError}`,
                 error.problems?.length ? error.problems : [String(error?.message || error)]);
    say(view, "");
  } finally {
    fileInput.value = "";
  }
}

function scanItem(scan, texts, actions) {
  const item = document.createElement("div");
  item.className = "scan-item";
  const about = document.createElement("div");
  const name = document.createElement("strong");
  name.className = "scan-name";
  name.textContent = scan.name;
  const date = document.createElement("span");
  date.className = "muted scan-date";
  date.textContent = fill(texts.textUpdated, { date: formatDate(scan.updated, SHORT_DATE) });
  if (scan.exported) date.textContent += ` · ${fill(texts.textExported, { date: formatDate(scan.exported, DAY) })}`;
  about.append(name, " ", date);
  if (scan.current) {
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = texts.textOpenNow;
    about.append(" ", badge);
  }
  const buttons = document.createElement("div");
  buttons.className = "scan-actions";
  // Visible: the verb; for screen readers the scan's name too, so ten "Verwijder" buttons are told apart.
  if (!scan.current) buttons.append(button(texts.textOpen, actions.open, { hint: scan.name }));
  buttons.append(button(texts.textDelete, actions.remove, { hint: scan.name, style: "button-quiet" }));
  item.append(about, buttons);
  return item;
}

function showDetails(root, library) {
  const scan = library.current({ create: false });
  const section = root.querySelector("[data-details-section]");
  section.hidden = !scan;
  if (!scan) return;
  const form = root.querySelector("[data-details-form]").elements;
  const respondent = scan.record.respondent || {};
  form.name.value = scan.record.name;
  form["respondent-name"].value = respondent.name || "";
  form["respondent-role"].value = respondent.role || "";
  form["respondent-unit"].value = respondent.unit || "";
}

// The copies of unreadable data this browser keeps: download, or wis on request (never silently).
function renderCopies(root, texts, library, say) {
  const copies = library.copies();
  root.querySelector("[data-copies-section]").hidden = copies.length === 0;
  setList(root.querySelector("[data-copies-list]"), copies, (copy) => {
    const date = formatDate(copy.time.replace(/-\d+$/, ""), SHORT_DATE);
    const item = document.createElement("div");
    item.className = "scan-item";
    const label = document.createElement("span");
    label.textContent = fill(texts.textCopyItem, { date });
    const buttons = document.createElement("div");
    buttons.className = "scan-actions";
    const get = document.createElement("button");
    get.type = "button";
    get.className = "button button-small button-secondary";
    get.textContent = texts.textCopyDownload;
    get.setAttribute("aria-label", fill(texts.textCopyDownloadLabel, { date }));
    get.addEventListener("click", () => download(fill(texts.copyFileName, { date: copy.time.slice(0, 10) }), copy.text,
                                                 "text/plain;charset=utf-8"));
    const wipe = document.createElement("button");
    wipe.type = "button";
    wipe.className = "button button-small button-quiet";
    wipe.textContent = texts.textCopyRemove;
    wipe.setAttribute("aria-label", fill(texts.textCopyRemoveLabel, { date }));
    wipe.addEventListener("click", () => {
      library.removeCopy(copy.key);
      renderCopies(root, texts, library, say);
      say(fill(texts.textCopyRemoved, { date }));
      root.querySelector("#lijst-kop").focus();
    });
    buttons.append(get, wipe);
    item.append(label, buttons);
    return item;
  });
}

const SHORT_DATE = { dateStyle: "medium", timeStyle: "short" };

runPage("[data-scans-page]", main);
