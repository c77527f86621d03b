// The team page: a facilitated session. The respondents' export files, share links or own scans are put side by
// side; scoring_py (in the engine) checks every file and computes all figures. The session (the scans and what the
// group agreed) is kept in this browser as it changes (session.js, <prefix>teamsessie), so a reload loses nothing.
// Respondents are shown as "Respondent 1 ... n" until the facilitator chooses to show names; the presentation
// (presenter.js) never shows them. "Bewaar als teamscan" turns the agreed answers into an ordinary scan.
import { DAY, EngineError, clone, fill, formatDate, formatValue, localDay, runPage, sessionRespondent, setList,
         showProblems }
  from "./kit.js";
import { BOM, download, megabytes, today, tooLarge } from "./exchange.js";
import { showStorageProblems } from "./storage-notice.js";
import { createAgreement, number, setupConsensusList } from "./consensus.js";
import { setupPresenter } from "./presenter.js";

function main(page) {
  const { root, library } = page;
  const store = page.session;
  showStorageProblems(root.querySelector("[data-storage-notice]"), library.problems, page.rules.model);
  const el = (selector) => root.querySelector(selector);
  const view = {
    page, store, engine: page.engine, el,
    get session() {
      return store.session; // the session now: clearing it, or another tab, puts a new one in its place
    },
    status: el("[data-team-status]"), sessionStatus: el("[data-session-status]"), errorBox: el("[data-team-error]"),
    form: el("[data-team-scan-form]"),
    team: null, // the figures of the session's scans (scoring_py's aggregate)
    problems: [], // what went wrong while adding scans, shown by the next refresh
    ticket: 0, // a slower answer to an earlier change must not overwrite a later one
    agreement: null, presenter: null,
  };
  setupAgreement(view);
  el("[data-team-files]").addEventListener("change", (event) => addFiles(view, event.target));
  el("[data-add-links]").addEventListener("click", () => addLinks(view));
  el("[data-add-own]").addEventListener("click", () => refresh(view, addScans(view, ownScans(library))));
  el("[data-show-names]").addEventListener("change", (event) => showNames(view, event.target.checked));
  el("[data-clear-session]").addEventListener("click", () => clearSession(view));
  followOtherTabs(view);
  view.form.addEventListener("input", () => renderReport(view)); // the report's heading names the team and the day
  view.form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveTeamScan(view);
  });
  el("[data-team-print]").addEventListener("click", () => window.print());
  el("[data-team-csv]").addEventListener("click", () => exportCsv(view));
  if (view.session.respondents.length) {
    view.sessionStatus.textContent = fill(page.texts.textRestored, { total: view.session.respondents.length });
  }
  refresh(view);
}

const reason = (error) => (error instanceof EngineError ? error.message : String(error?.message || error));

// Stores the session; says so when the browser did not keep it.
function persist(view) {
  const ok = view.store.save();
  if (!ok) view.sessionStatus.textContent = view.page.texts.textSaveFailed;
  return ok;
}

// The team answers: one agreement, changed from the list on the page and from the presentation.
function setupAgreement(view) {
  const { page, el } = view;
  const items = [...page.root.querySelectorAll("[data-consensus-item]")].map((row) => ({
    id: row.dataset.consensusItem, kind: row.dataset.kind, name: row.querySelector("h3").textContent }));
  let list = null;
  view.agreement = createAgreement({
    items, rules: page.rules, getSession: () => view.session, save: () => persist(view), texts: page.texts,
    problem: (message) => (view.presenter?.isOpen() ? view.presenter.problem(message) : list.problem(message)),
  });
  list = setupConsensusList(el("[data-consensus]"), view.agreement, page.texts);
  view.presenter = setupPresenter(el("[data-presenter]"), view.agreement, {
    opener: el("[data-presenter-open]"),
    getOrder: () => view.session.order,
    setOrder: (order) => {
      view.session.order = order;
      persist(view);
    },
    getSpreadOrder: () => view.team.by_spread,
  });
}

// Shows the problems of the last additions, then computes the figures again and shows them. `added`: how many
// scans were just added (the session is then saved and the count said).
async function refresh(view, added) {
  const { page: { texts }, errorBox } = view;
  errorBox.hidden = true;
  if (view.problems.length) showProblems(errorBox, texts.textProblems, view.problems);
  view.problems = [];
  if (added !== undefined) {
    persist(view);
    view.status.textContent = fill(texts.textAdded, { count: added, total: view.session.respondents.length });
  }
  const mine = ++view.ticket;
  let figures;
  try {
    figures = view.session.respondents.length
      ? await view.engine.call("aggregate", { scans: view.session.respondents,
                                              min_unit_size: Number(texts.minUnitSize) }) : null;
  } catch (error) {
    showProblems(errorBox, texts.textProblems, [reason(error)]);
    return;
  }
  if (mine !== view.ticket) return;
  view.team = figures;
  renderPeople(view);
  view.el("[data-team-result]").hidden = !view.team;
  if (!view.team) return;
  renderTeam(view.page.root, texts, view.team);
  view.agreement.setFigures(view.team);
  view.presenter.update();
  fillTeamScanForm(view);
  renderReport(view);
}

// Respondents as "Respondent 3 · Klantcontact", or by name once the facilitator chooses so.
function respondentLabel(view, index) {
  return (view.session.show_names && view.team?.respondents[index]?.label)
    || fill(view.page.texts.textRespondent, { n: index + 1 });
}

// Who is in the session, each with a button to take them out.
function renderPeople(view) {
  const { el, page: { texts } } = view;
  const people = view.session.respondents;
  el("[data-team-empty]").hidden = people.length > 0;
  el("[data-names-wrap]").hidden = people.length === 0;
  el("[data-clear-wrap]").hidden = people.length === 0;
  el("[data-show-names]").checked = view.session.show_names;
  setList(el("[data-team-people]"), people, (person, index) => personItem(texts, respondentLabel(view, index),
    view.team?.respondents[index]?.unit || texts.textNoUnit, () => removePerson(view, index)));
}

// One respondent taken out of the session; the focus goes back to the heading of the ways to add scans.
function removePerson(view, index) {
  const name = respondentLabel(view, index);
  view.session.respondents.splice(index, 1);
  persist(view);
  view.status.textContent = fill(view.page.texts.textRemoved, { name });
  refresh(view);
  view.el("#toevoegen-kop").focus();
}

// The lines the printed report has and the screen does not: who took part, how many, which day.
function renderReport(view) {
  const { el, form, team, page: { texts } } = view;
  const people = view.session.respondents;
  const teamName = form.elements.team.value.trim() || view.session.name;
  view.page.printName = teamName; // the running line on every printed sheet (kit.js)
  el("[data-report-meta]").textContent = fill(teamName ? texts.textReportMetaTeam : texts.textReportMeta, {
    team: teamName, count: people.length,
    date: formatDate(`${form.elements.date.value || view.session.date || localDay()}T12:00`, DAY) });
  el("[data-report-people]").textContent = view.session.show_names
    ? fill(texts.textReportPeople, { people: people.map((_, index) => respondentLabel(view, index)).join(", ") })
    : fill(texts.textReportPeopleUnits, { units: reportUnits(texts, team).join(", ") });
}

// The units as the report names them: only those the units table shows (a small unit is never named with its
// count), then how many are in the units left out.
function reportUnits(texts, team) {
  const named = team.units.map((unit) => fill(texts.textReportUnit, { unit: unit.label, count: unit.count }));
  const shown = team.units.reduce((sum, unit) => sum + unit.count, 0);
  if (shown < team.count) named.push(fill(texts.textReportUnit, { unit: texts.textSmallUnits, count: team.count - shown }));
  return named;
}

// Adds scans to the session; returns how many.
function addScans(view, scans) {
  for (const scan of scans) view.session.respondents.push(sessionRespondent(scan, view.page.rules));
  return scans.length;
}

// The facilitator's own scans in this browser.
function ownScans(library) {
  return library.list().map((entry) => library.get(entry.id)?.record).filter(Boolean);
}

// The chosen export files: too large ones are refused before reading, the rest are read at once and checked in one
// call to the engine (200 files cost one round trip, not 200); one bad file stops nothing.
async function addFiles(view, input) {
  const { texts } = view.page;
  const fileError = (file, message) => `${fill(texts.textFileError, { file: file.name })} ${message}`;
  const wanted = [];
  for (const file of input.files) {
    if (tooLarge(file, Number(texts.maxBytes))) { // checked before reading: a huge file never fills memory
      view.problems.push(fileError(file, fill(texts.textTooLarge,
        { size: megabytes(file.size), max: megabytes(Number(texts.maxBytes)) })));
    } else {
      wanted.push(file);
    }
  }
  const read = [];
  (await Promise.allSettled(wanted.map((file) => file.text()))).forEach((result, index) => {
    if (result.status === "fulfilled") read.push({ file: wanted[index], text: result.value });
    else view.problems.push(fileError(wanted[index], result.reason?.message || result.reason));
  });
  input.value = "";
  const good = [];
  try {
    // One outcome per file, in order: {ok, value} or {ok: false, problems}.
    const outcomes = read.length ? await view.engine.call("parse_exports", { texts: read.map(({ text }) => text) }) : [];
    outcomes.forEach((checked, index) => {
      if (checked.ok) good.push(checked.value);
      else view.problems.push(fileError(read[index].file, checked.problems.join("; ")));
    });
  } catch (error) {
    for (const { file } of read) view.problems.push(fileError(file, reason(error)));
  }
  refresh(view, addScans(view, good));
}

// The pasted share links, one per line, each decoded and checked by the engine.
async function addLinks(view) {
  const area = view.el("[data-team-links]");
  const lines = area.value.split(/\s+/).filter(Boolean);
  const good = [];
  for (const [index, line] of lines.entries()) {
    try {
      good.push(await view.engine.call("decode_share", { fragment: line }));
    } catch (error) {
      view.problems.push(`${fill(view.page.texts.textLinkError, { n: index + 1 })} ${reason(error)}`);
    }
  }
  area.value = "";
  refresh(view, addScans(view, good));
}

function showNames(view, shown) {
  view.session.show_names = shown;
  persist(view);
  renderPeople(view);
  renderReport(view);
}

// A new session, after the facilitator confirms; the focus goes back to the heading of the ways to add scans.
function clearSession(view) {
  const { el, page: { texts } } = view;
  if (!window.confirm(texts.textConfirmClear)) return;
  view.store.clear();
  view.form.reset();
  el("[data-team-scan-status]").textContent = "";
  el("[data-team-scan-next]").hidden = true;
  view.status.textContent = texts.textCleared;
  refresh(view);
  el("#toevoegen-kop").focus();
}

// Another tab changed the session: show that version (the last one saved wins).
function followOtherTabs(view) {
  view.store.watch(() => {
    view.sessionStatus.textContent = view.page.texts.textOtherTab;
    refresh(view);
  });
}

// The team scan's name and day, proposed from the session (or the unit everyone is in) and today, unless already
// filled in.
function fillTeamScanForm(view) {
  const { form, team } = view;
  const units = new Set(team.respondents.map((person) => person.unit));
  const [only] = units;
  if (!form.elements.team.value) form.elements.team.value = view.session.name || (units.size === 1 && only ? only : "");
  if (!form.elements.date.value) form.elements.date.value = view.session.date || localDay();
}

// "Bewaar als teamscan": the engine makes a scan of the agreed answers, which is kept as an ordinary scan.
function saveTeamScan(view) {
  const { el, form, page: { texts } } = view;
  const scanStatus = el("[data-team-scan-status]");
  const scanError = el("[data-team-scan-error]");
  scanError.hidden = true;
  scanStatus.textContent = "";
  const teamName = form.elements.team.value.trim();
  const date = form.elements.date.value;
  view.engine.call("team_scan", { session: view.session, team: teamName, date }).then((made) => {
    keepTeamScan(view, made, teamName, date);
  }, (error) => {
    showProblems(scanError, texts.textScanProblems, error.problems?.length ? error.problems : [reason(error)]);
  });
}

// The team scan stored in the library (the same scan again when the session made one before) and opened.
function keepTeamScan(view, made, teamName, date) {
  const { el, page: { texts, library } } = view;
  Object.assign(view.session, { name: teamName, date });
  const name = fill(texts.textScanName, { team: teamName });
  let scan = view.session.saved ? library.get(view.session.saved) : null;
  const updated = Boolean(scan);
  scan ??= library.create(name);
  Object.assign(scan.record, clone(made.content), { name });
  const saved = scan.save(); // also makes it the open scan: result, ambition and plan show it
  if (saved) view.session.saved = scan.record.id;
  persist(view);
  el("[data-team-scan-status]").textContent = saved ? fill(updated ? texts.textScanUpdated : texts.textScanSaved,
    { name, agreed: made.agreed, proposed: made.proposed, open: made.open }) : texts.textScanSaveFailed;
  el("[data-team-scan-next]").hidden = !saved;
  renderReport(view);
}

// The session's figures as a CSV file.
function exportCsv(view) {
  const { texts } = view.page;
  view.engine.call("aggregate_csv", { scans: view.session.respondents }).then((text) => {
    const file = fill(texts.fileName, { date: today() });
    download(file, BOM + text, "text/csv;charset=utf-8");
    view.status.textContent = fill(texts.textCsvDone, { file });
  }, (error) => showProblems(view.errorBox, texts.textProblems, [reason(error)]));
}

function personItem(texts, name, unitName, onRemove) {
  const item = document.createElement("div");
  item.className = "scan-item";
  const about = document.createElement("div");
  const strong = document.createElement("strong");
  strong.textContent = name;
  const unit = document.createElement("span");
  unit.className = "muted";
  unit.textContent = unitName;
  about.append(strong, " · ", unit);
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "button button-small button-quiet";
  remove.textContent = texts.textRemoveButton;
  remove.setAttribute("aria-label", fill(texts.textRemove, { name }));
  remove.addEventListener("click", onRemove);
  item.append(about, remove);
  return item;
}

function renderTeam(root, texts, team) {
  const overall = team.team.overall;
  const places = team.team.decimals;
  root.querySelector("[data-team-overall]").textContent = (overall.phase === null ? texts.textNoPhase
    : fill(texts.textOverall, { value: formatValue(overall.value, places.overall), name: overall.phase_name }))
    + (overall.provisional ? ` ${texts.textProvisional}` : "");
  for (const element of team.team.elements) {
    root.querySelector(`[data-team-element="${element.id}"]`).textContent = element.phase === null ? texts.textNone
      : `${formatValue(element.value, places.part)} · ${element.phase_name}`;
  }
  const rowName = (id) => root.querySelector(`[data-team-row="${id}"] th`).textContent;
  for (const item of [...team.aspects, ...team.result_areas]) {
    const cell = (field) => root.querySelector(`[data-team-cell="${item.id}-${field}"]`);
    // A part counts over the respondents who assessed it; how many left it out is said beside the count.
    cell("count").textContent = [String(item.count),
      item.left_out ? fill(texts.textLeftOut, { left: item.left_out }) : "",
      item.not_applicable ? fill(texts.textNotApplicable, { count: item.not_applicable }) : ""].filter(Boolean).join(" ");
    for (const field of ["lowest", "median", "highest", "team"]) cell(field).textContent = item.count ? number(item[field]) : texts.textNone;
    cell("discuss").textContent = item.discuss ? texts.textYes : "";
    root.querySelector(`[data-team-row="${item.id}"]`).classList.toggle("is-discussion", item.discuss);
  }
  const discussion = [...team.aspects, ...team.result_areas].filter((item) => item.discuss)
    .map((item) => fill(texts.textDiscussion, { name: rowName(item.id), low: item.lowest, high: item.highest }));
  setList(root.querySelector("[data-team-discussion]"), discussion.length ? discussion : [texts.textNoDiscussion]);
  drawSpread(root, texts, team.aspects, rowName);
  renderUnits(root, texts, team);
}

function drawSpread(root, texts, aspects, rowName) {
  const svg = root.querySelector("[data-spread-chart]");
  const scale = svg.dataset.scale.split(" ").map(Number);
  const unit = Number(svg.dataset.unit);
  const origin = Number(svg.dataset.origin);
  // x of the middle of a value's column; a median between two phases lies between their columns.
  const x = (value) => {
    const lower = Math.floor(value);
    return origin + unit * (scale.indexOf(lower) + 0.5 + (value - lower));
  };
  const lines = [];
  for (const item of aspects) {
    const range = svg.querySelector(`[data-range="${item.id}"]`);
    const median = svg.querySelector(`[data-median="${item.id}"]`);
    const visible = item.count > 0;
    range.setAttribute("visibility", visible ? "visible" : "hidden");
    median.setAttribute("visibility", visible ? "visible" : "hidden");
    range.classList.toggle("is-discussion", item.discuss);
    if (!visible) {
      lines.push(fill(texts.textChartEmpty, { name: rowName(item.id) }));
      continue;
    }
    range.setAttribute("x", String(x(item.lowest) - 10));
    range.setAttribute("width", String(x(item.highest) - x(item.lowest) + 20));
    median.setAttribute("cx", String(x(item.median)));
    lines.push(fill(texts.textChartRow, { name: rowName(item.id), low: item.lowest, high: item.highest,
                                          median: number(item.median) }));
  }
  svg.querySelector("[data-chart-desc]").textContent = lines.join(" ");
}

// The units side by side, after everyone together (the team's own result), one column each: only the units large
// enough to show (scoring_py/small_units.py), and the engine's sentence on why others are missing.
function renderUnits(root, texts, team) {
  const note = root.querySelector("[data-units-note]");
  note.textContent = team.units_note ?? "";
  note.hidden = !team.units_note;
  const places = team.team.decimals;
  const whole = { unit: null, count: team.count, value: team.team.overall.value,
                  values: Object.fromEntries(team.team.elements.map((element) => [element.id, element.value])) };
  const columns = [whole, ...team.units];
  const head = root.querySelector("[data-units-head]");
  head.replaceChildren(head.firstElementChild, ...columns.map((unit) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = unit === whole ? fill(texts.textWhole, { count: unit.count })
      : fill(texts.textUnitHead, { unit: unit.label, count: unit.count });
    return th;
  }));
  for (const row of root.querySelectorAll("[data-unit-row]")) {
    const id = row.dataset.unitRow;
    row.replaceChildren(row.firstElementChild, ...columns.map((unit) => {
      const td = document.createElement("td");
      const value = id === "overall" ? unit.value : unit.values[id];
      td.textContent = value === null ? texts.textNone : formatValue(value, id === "overall" ? places.overall : places.part);
      return td;
    }));
  }
}

runPage("[data-team-page]", main);
