// What could not be read from this browser's storage, in plain Dutch, with what was there as a download.
// Texts come from the data-* attributes of _storage_notice.html; stored text only ever goes in as a file or textContent.
import { fill, setList } from "./dom.js";
import { download, today } from "./exchange.js";

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
