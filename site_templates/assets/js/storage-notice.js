// What could not be read from this browser's storage, in plain Dutch, with what was there as a download; and whether
// the browser keeps the scans for months (showKeepNotice), with the export file as the sure way back.
// Texts come from the data-* attributes of _storage_notice.html; stored text only ever goes in as a file or textContent.
import { DAY, fill, formatDate, setList } from "./dom.js";
import { download, exportScan, today } from "./exchange.js";
import { keepState } from "./keep.js";

// problems: openLibrary(...).problems. Returns true when something was shown.
export function showStorageProblems(box, problems, modelId) {
  const texts = box.dataset;
  const shown = problems.filter((problem) => problem.kind !== "unavailable");
  box.hidden = shown.length === 0;
  setList(box.querySelector("[data-storage-notice-list]"), shown, (problem, n) => {
    const item = document.createElement("span");
    const name = problem.name || texts.textUnnamed;
    item.textContent = message(texts, problem, name);
    if (problem.kind === "unreadable") {
      item.append(" ", problem.copyKey ? texts.textCopy : texts.textNoCopy, " ");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.textContent = texts.textDownload;
      button.addEventListener("click", () => download(
        fill(texts.fileName, { model: modelId, date: today(), n: n + 1 }), problem.raw, "text/plain;charset=utf-8"));
      item.append(button);
    }
    return item;
  });
  return shown.length > 0;
}

function message(texts, problem, name) {
  if (problem.kind === "newer") {
    if (problem.what === "index") return texts.textNewerIndex;
    return problem.what === "session" ? texts.textNewerSession : fill(texts.textNewer, { name });
  }
  if (problem.what === "index") return texts.textIndex;
  if (problem.what === "scan") return fill(texts.textScan, { name });
  if (problem.what === "session") return texts.textSession;
  // A dropped part is named by its path: "aspects.e1a", "ambition.elements.e2", "snapshots.3", "actions.0",
  // "consensus.notes.e1a" (record.js).
  const fields = problem.fields.map((path) => {
    const [group, ...rest] = path.split(".");
    const id = rest.at(-1);
    const template = id === undefined ? texts.textFieldOther : texts[`textField${group[0].toUpperCase()}${group.slice(1)}`];
    return fill(template || texts.textFieldOther, { id: id ?? group, n: Number(id) + 1 });
  });
  return fill(problem.what === "session-fields" ? texts.textSessionFields : texts.textFields,
              { name, fields: fields.join(", ") });
}

// The moment a scan was exported, kept in its record (the browser's `exported`); exporting does not change the scan.
export function markExported(scan, moment) {
  scan.record.exported = moment;
  return scan.save({ keepDate: true });
}

// One quiet note, on the page and not in a dialog, shown only where the browser may delete the scans: why, when the
// open scan was last exported, and a button that exports it. `getScan()` gives the open scan's handle (or null:
// then nothing is shown and nothing is asked); with `showKept`, a browser that keeps the scans is said to do so.
// Returns {update}, for after the open scan or its export changed.
export function showKeepNotice({ getScan, engine, showKept = false, onExported = () => {} }) {
  const box = document.querySelector("[data-keep-notice]");
  const kept = document.querySelector("[data-keep-granted]");
  const texts = box.dataset;
  const status = box.querySelector("[data-keep-status]");
  let state = null;
  const update = () => {
    const scan = getScan();
    box.hidden = !scan || !state || state.kept;
    kept.hidden = !scan || !state || !state.kept || !showKept;
    if (!scan || !state) return;
    box.querySelector("[data-keep-why]").textContent = state.mayDelete === "week" ? texts.textWeek : texts.textAny;
    const { name, exported } = scan.record;
    box.querySelector("[data-keep-last]").textContent = exported
      ? fill(texts.textLast, { name, date: formatDate(exported, DAY) }) : fill(texts.textNever, { name });
  };
  box.querySelector("[data-keep-export]").addEventListener("click", () => {
    const scan = getScan();
    if (!scan) return;
    exportScan(engine, scan.record, texts.fileName).then(({ file, exported }) => {
      markExported(scan, exported);
      status.textContent = fill(texts.textDone, { file });
      update();
      onExported(exported);
    }, (error) => { status.textContent = `${texts.textFailed} ${error.message}`; });
  });
  if (getScan()) {
    keepState().then((found) => {
      state = found;
      update();
    });
  }
  return { update };
}
