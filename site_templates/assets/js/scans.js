// "Mijn scans": the scans in this browser. Open, rename, delete (with undo), new scan, and read in an export file.
// An export file is untrusted: scoring_py checks it in the engine, and only a file without problems is stored.
import { button, fill, formatDate, runPage, setList, showProblems } from "./kit.js";
import { download, megabytes, tooLarge } from "./exchange.js";
import { showStorageProblems } from "./storage-notice.js";

function main(page) {
  const { root, texts, library } = page;
  library.checkAll();
  showStorageProblems(root.querySelector("[data-storage-notice]"), library.problems, page.rules.model);
  const { engine } = page; // started now, so it is ready by the time someone has chosen a file
  const status = root.querySelector("[data-status]");
  const undoButton = root.querySelector("[data-undo]");
  let removed = null;

  const say = (message, { undo = false } = {}) => {
    status.textContent = message;
    undoButton.hidden = !undo;
    if (!undo) removed = null;
  };
  const saved = (ok, message) => say(ok ? message : `${message} ${texts.textSaveFailed}`);

  const render = () => {
    const scans = library.list();
    root.querySelector("[data-empty]").hidden = scans.length > 0;
    setList(root.querySelector("[data-scan-list]"), scans, (scan) => scanItem(scan, texts, {
      open: () => {
        saved(library.select(scan.id), fill(texts.textOpened, { name: scan.name }));
        render();
      },
      remove: () => {
        removed = library.remove(scan.id);
        render();
        say(fill(texts.textDeleted, { name: scan.name }), { undo: Boolean(removed) });
        undoButton.focus();
      },
    }));
    showDetails(root, library);
    renderCopies(root, texts, library, say);
  };

  // Another tab changed the list (a new, renamed or deleted scan): show the list as it is now.
  library.watch({ onList: render });

  undoButton.addEventListener("click", () => {
    if (!removed) return;
    const name = removed.record.name;
    const ok = library.undo(removed);
    removed = null;
    render();
    saved(ok, fill(texts.textRestored, { name }));
    root.querySelector("#lijst-kop").focus();
  });

  root.querySelector("[data-new-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = event.target.elements.name;
    const name = input.value.trim() || texts.textDefaultName;
    const ok = library.create(name).save();
    input.value = "";
    render();
    saved(ok, fill(texts.textCreated, { name }));
  });

  root.querySelector("[data-details-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    const scan = library.current({ create: false });
    if (!scan) return;
    const form = event.target.elements;
    const record = scan.record;
    record.name = form.name.value.trim() || record.name;
    const respondent = { name: form["respondent-name"].value.trim(), role: form["respondent-role"].value.trim(),
                         unit: form["respondent-unit"].value.trim() };
    record.respondent = Object.fromEntries(Object.entries(respondent).filter(([, value]) => value));
    const ok = scan.save();
    render();
    saved(ok, fill(texts.textDetailsSaved, { name: record.name }));
  });

  const fileInput = root.querySelector("[data-import]");
  const errorBox = root.querySelector("[data-import-error]");
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    errorBox.hidden = true;
    say(texts.textEngineWait);
    const max = Number(texts.maxBytes);
    if (tooLarge(file, max)) { // checked before reading: a huge file never fills memory
      showProblems(errorBox, `${file.name}: ${texts.textImportError}`,
        [fill(texts.textTooLarge, { size: megabytes(file.size), max: megabytes(max) })]);
      fileInput.value = "";
      return;
    }
    try {
      const scan = await engine.call("parse_export", { text: await file.text() });
      const { saved: ok } = library.importScan(scan, texts.textImportedName);
      render();
      saved(ok, fill(texts.textImported, { name: scan.name || texts.textImportedName }));
    } catch (error) {
      // The engine's problems one per line; a file that could not be read, or an engine that did not start, in one.
      showProblems(errorBox, `${file.name}: ${texts.textImportError}`,
                   error.problems?.length ? error.problems : [String(error?.message || error)]);
      say("");
    } finally {
      fileInput.value = "";
    }
  });

  render();
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
