// Export and share for the open scan: the file formats and the link come from scoring_py (through the engine);
// this module only turns text into a download and shows what happened. Texts come from data-* attributes.
import { fill, LOCALE } from "./dom.js";
import { answersOf } from "./record.js";

// A download made in the browser from a Blob URL: nothing leaves the device.
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const BOM = "\ufeff"; // tells Excel the CSV is UTF-8

export function slug(text) {
  const cleaned = String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return cleaned || "scan";
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

// The JSON export of one scan as a download, named after `pattern` ({scan}, {date}); resolves with the file's name
// and the moment written into the file, rejects with the engine's error.
export async function exportScan(engine, record, pattern) {
  const exported = new Date().toISOString();
  const text = await engine.call("export_json", { record, exported });
  const file = `${fill(pattern, { scan: slug(record.name), date: today() })}.json`;
  download(file, text, "application/json");
  return { file, exported };
}

// Wire one [data-exchange] panel; `getRecord` returns the open scan record at the moment of clicking, `rules` are
// the record rule's data (record.js); `onExported(moment)` follows every JSON export that was made.
export function setupExchange(panel, engine, getRecord, rules, { onExported = () => {} } = {}) {
  const texts = panel.dataset;
  const status = panel.querySelector("[data-exchange-status]");
  const shareBox = panel.querySelector("[data-share-box]");
  const shareInput = panel.querySelector("[data-share-link]");
  const name = panel.querySelector("[data-scan-name]");
  if (name) name.textContent = getRecord().name;
  const fileName = (extension) => `${fill(texts.fileName, { scan: slug(getRecord().name), date: today() })}.${extension}`;
  const run = (operation, args, done) => engine.call(operation, args)
    .then(done, (error) => { status.textContent = `${texts.textFailed} ${error.message}`; });

  // The JSON export; also offered by the scan page's warning when saving fails. `report` shows the outcome.
  const exportJson = (report = (message) => { status.textContent = message; }) => exportScan(engine, getRecord(),
    texts.fileName).then(({ file, exported }) => {
    onExported(exported);
    report(fill(texts.textDoneJson, { file }));
  }, (error) => report(`${texts.textFailed} ${error.message}`));
  panel.querySelector("[data-export=json]").addEventListener("click", () => exportJson());
  panel.querySelector("[data-export=csv]").addEventListener("click", () => {
    run("to_csv", { record: getRecord() }, (text) => {
      const file = fileName("csv");
      download(file, BOM + text, "text/csv;charset=utf-8");
      status.textContent = fill(texts.textDoneCsv, { file });
    });
  });
  panel.querySelector("[data-share]").addEventListener("click", () => {
    run("encode_share", { answers: answersOf(getRecord(), rules) }, (code) => {
      shareInput.value = new URL(`${texts.sharePage}#deel=${code}`, window.location.href).href;
      shareBox.hidden = false;
      status.textContent = texts.textShareReady;
      shareInput.focus();
      shareInput.select();
    });
  });
  panel.querySelector("[data-copy]").addEventListener("click", async () => {
    shareInput.select();
    try {
      await navigator.clipboard.writeText(shareInput.value);
      status.textContent = texts.textCopied;
    } catch {
      status.textContent = texts.textShareReady; // the link is selected: Ctrl+C copies it
    }
  });
  return {
    exportJson,
    // After the open scan changed its name (a copy saved after a conflict with another tab).
    showName: () => { if (name) name.textContent = getRecord().name; },
  };
}

// An export file larger than this is refused before it is read (a real export is a few kilobytes).
export function tooLarge(file, maxBytes) {
  return file.size > maxBytes;
}

// "50" or "1,5": megabytes (1.000.000 bytes) the Dutch way.
export function megabytes(bytes) {
  return (bytes / 1_000_000).toLocaleString(LOCALE, { maximumFractionDigits: 1 });
}
