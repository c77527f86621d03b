// Only on pages served by `python build.py serve` (sitegen/dev_server.py); never part of dist/.
// Asks the server every second how the last build went. After a failed build it shows each problem over the page
// (which is still the last good version); after the next good build it loads the page again. Its words come with
// the status, in the language `serve` speaks (sitegen/dev_server.py overlay_texts).
const STATUS = "/__serve/status";
const EVERY_MS = 1000;
let shownBuild = null;

function overlay(problems, texts) {
  const box = document.createElement("section");
  box.className = "dev-overlay";
  box.setAttribute("role", "alert");
  box.setAttribute("aria-labelledby", "dev-overlay-title");
  const title = Object.assign(document.createElement("h2"), { id: "dev-overlay-title", tabIndex: -1 });
  title.textContent = texts.title;
  const note = document.createElement("p");
  note.textContent = texts.note;
  const list = document.createElement("ul");
  for (const problem of problems) {
    const item = document.createElement("li");
    item.append(Object.assign(document.createElement("code"), { textContent: problem }));
    list.append(item);
  }
  const hide = Object.assign(document.createElement("button"), { type: "button", textContent: texts.hide });
  hide.addEventListener("click", () => box.remove());
  box.append(title, note, list, hide);
  return box;
}

function show(problems, texts) {
  document.querySelector(".dev-overlay")?.remove();
  if (problems.length) document.body.prepend(overlay(problems, texts));
}

async function check() {
  let status;
  try {
    status = await (await fetch(STATUS, { cache: "no-store" })).json();
  } catch {
    return; // the server has stopped: keep what is shown
  }
  if (shownBuild !== null && status.build !== shownBuild && !status.problems.length) {
    location.reload();
    return;
  }
  if (status.build !== shownBuild) show(status.problems, status.texts);
  shownBuild = status.build;
}

check();
setInterval(check, EVERY_MS);
