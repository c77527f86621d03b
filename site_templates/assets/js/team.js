// The team page: a facilitated session. The respondents' export files, share links or own scans are put side by
// side; scoring_py (in the engine) checks every file and computes all figures. The session (the scans and what the
// group agreed) is kept in this browser as it changes (store.js, <prefix>teamsessie), so a reload loses nothing.
// Respondents are shown as "Respondent 1 ... n" until the facilitator chooses to show names; the presentation
// (presenter.js) never shows them. "Bewaar als teamscan" turns the agreed answers into an ordinary scan.
import { DAY, EngineError, clone, fill, formatDate, localDay, runPage, sessionRespondent, setList, showProblems }
  from "./kit.js";
import { BOM, download, megabytes, today, tooLarge } from "./exchange.js";
import { showStorageProblems } from "./storage-notice.js";
import { createAgreement, number, setupConsensusList } from "./consensus.js";
import { setupPresenter } from "./presenter.js";

function main(page) {
  const { root, texts, library } = page;
  const store = page.session;
  showStorageProblems(root.querySelector("[data-storage-notice]"), library.problems, page.rules.model);
  const { engine } = page;
  const el = (selector) => root.querySelector(selector);
  const status = el("[data-team-status]");
  const sessionStatus = el("[data-session-status]");
  const errorBox = el("[data-team-error]");
  const session = () => store.session;
  const form = el("[data-team-scan-form]");
  let team = null; // the figures of the session's scans (scoring_py's aggregate)
  let problems = [];
  let ticket = 0;
  const reason = (error) => (error instanceof EngineError ? error.message : String(error?.message || error));
  const persist = () => {
    const ok = store.save();
    if (!ok) sessionStatus.textContent = texts.textSaveFailed;
    return ok;
  };

  const items = [...root.querySelectorAll("[data-consensus-item]")].map((row) => ({
    id: row.dataset.consensusItem, kind: row.dataset.kind, name: row.querySelector("h3").textContent }));
  let list = null;
  let presenter = null;
  const agreement = createAgreement({
    items, rules: page.rules, getSession: session, save: persist, texts,
    problem: (message) => (presenter?.isOpen() ? presenter.problem(message) : list.problem(message)),
  });
  list = setupConsensusList(el("[data-consensus]"), agreement, texts);
  presenter = setupPresenter(el("[data-presenter]"), agreement, {
    opener: el("[data-presenter-open]"),
    getOrder: () => session().order,
    setOrder: (order) => {
      session().order = order;
      persist();
    },
    getSpreadOrder: () => team.by_spread,
  });

  const refresh = async (added) => {
    errorBox.hidden = true;
    if (problems.length) showProblems(errorBox, texts.textProblems, problems);
    problems = [];
    if (added !== undefined) {
      persist();
      status.textContent = fill(texts.textAdded, { count: added, total: session().respondents.length });
    }
    const mine = ++ticket; // a slower answer to an earlier change must not overwrite a later one
    let figures;
    try {
      figures = session().respondents.length ? await engine.call("aggregate", { scans: session().respondents }) : null;
    } catch (error) {
      showProblems(errorBox, texts.textProblems, [reason(error)]);
      return;
    }
    if (mine !== ticket) return;
    team = figures;
    renderPeople();
    el("[data-team-result]").hidden = !team;
    if (!team) return;
    renderTeam(root, texts, team);
    agreement.setFigures(team);
    presenter.update();
    fillTeamScanForm();
    renderReport();
  };

  // Respondents as "Respondent 3 · Klantcontact", or by name once the facilitator chooses so.
  const label = (index) => (session().show_names && team?.respondents[index]?.label)
    || fill(texts.textRespondent, { n: index + 1 });
  const renderPeople = () => {
    const people = session().respondents;
    el("[data-team-empty]").hidden = people.length > 0;
    el("[data-names-wrap]").hidden = people.length === 0;
    el("[data-clear-wrap]").hidden = people.length === 0;
    el("[data-show-names]").checked = session().show_names;
    setList(el("[data-team-people]"), people, (person, index) => personItem(texts, label(index),
      team?.respondents[index]?.unit || texts.textNoUnit, () => {
        const name = label(index);
        session().respondents.splice(index, 1);
        persist();
        status.textContent = fill(texts.textRemoved, { name });
        refresh();
        el("#toevoegen-kop").focus();
      }));
  };

  // The lines the printed report has and the screen does not: who took part, how many, which day.
  const renderReport = () => {
    const people = session().respondents;
    const teamName = form.elements.team.value.trim() || session().name;
    el("[data-report-meta]").textContent = fill(teamName ? texts.textReportMetaTeam : texts.textReportMeta, {
      team: teamName, count: people.length,
      date: formatDate(`${form.elements.date.value || session().date || localDay()}T12:00`, DAY) });
    el("[data-report-people]").textContent = session().show_names
      ? fill(texts.textReportPeople, { people: people.map((_, index) => label(index)).join(", ") })
      : fill(texts.textReportPeopleUnits, { units: team.units.map((unit) => fill(texts.textReportUnit,
        { unit: unit.unit || texts.textNoUnit, count: unit.count })).join(", ") });
  };

  const add = (scans) => {
    for (const scan of scans) session().respondents.push(sessionRespondent(scan, page.rules));
    return scans.length;
  };

  el("[data-team-files]").addEventListener("change", async (event) => {
    const input = event.target;
    const fileError = (file, message) => `${fill(texts.textFileError, { file: file.name })} ${message}`;
    const wanted = [];
    for (const file of input.files) {
      if (tooLarge(file, Number(texts.maxBytes))) { // checked before reading: a huge file never fills memory
        problems.push(fileError(file, fill(texts.textTooLarge,
          { size: megabytes(file.size), max: megabytes(Number(texts.maxBytes)) })));
      } else {
        wanted.push(file);
      }
    }
    // All files are read at once and checked in one call to the engine: 200 files cost one round trip, not 200.
    const read = [];
    (await Promise.allSettled(wanted.map((file) => file.text()))).forEach((result, index) => {
      if (result.status === "fulfilled") read.push({ file: wanted[index], text: result.value });
      else problems.push(fileError(wanted[index], result.reason?.message || result.reason));
    });
    input.value = "";
    const good = [];
    try {
      // One outcome per file, in order: {ok, value} or {ok: false, problems}, so one bad file stops nothing.
      const outcomes = read.length ? await engine.call("parse_exports", { texts: read.map(({ text }) => text) }) : [];
      outcomes.forEach((checked, index) => {
        if (checked.ok) good.push(checked.value);
        else problems.push(fileError(read[index].file, checked.problems.join("; ")));
      });
    } catch (error) {
      for (const { file } of read) problems.push(fileError(file, reason(error)));
    }
    refresh(add(good));
  });

  el("[data-add-links]").addEventListener("click", async () => {
    const area = el("[data-team-links]");
    const lines = area.value.split(/\s+/).filter(Boolean);
    const good = [];
    for (const [index, line] of lines.entries()) {
      try {
        good.push(await engine.call("decode_share", { fragment: line }));
      } catch (error) {
        problems.push(`${fill(texts.textLinkError, { n: index + 1 })} ${reason(error)}`);
      }
    }
    area.value = "";
    refresh(add(good));
  });

  el("[data-add-own]").addEventListener("click", () => {
    refresh(add(library.list().map((entry) => library.get(entry.id)?.record).filter(Boolean)));
  });

  el("[data-show-names]").addEventListener("change", (event) => {
    session().show_names = event.target.checked;
    persist();
    renderPeople();
    renderReport();
  });

  el("[data-clear-session]").addEventListener("click", () => {
    if (!window.confirm(texts.textConfirmClear)) return;
    store.clear();
    form.reset();
    el("[data-team-scan-status]").textContent = "";
    el("[data-team-scan-next]").hidden = true;
    status.textContent = texts.textCleared;
    refresh();
    el("#toevoegen-kop").focus();
  });

  // Another tab changed the session: show that version (the last one saved wins).
  store.watch(() => {
    sessionStatus.textContent = texts.textOtherTab;
    refresh();
  });

  const fillTeamScanForm = () => {
    const units = team.units.filter((unit) => unit.unit);
    if (!form.elements.team.value) form.elements.team.value = session().name || (units.length === 1 ? units[0].unit : "");
    if (!form.elements.date.value) form.elements.date.value = session().date || localDay();
  };
  form.addEventListener("input", () => renderReport()); // the report's heading names the team and the day
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const scanStatus = el("[data-team-scan-status]");
    const scanError = el("[data-team-scan-error]");
    scanError.hidden = true;
    scanStatus.textContent = "";
    const teamName = form.elements.team.value.trim();
    const date = form.elements.date.value;
    engine.call("team_scan", { session: session(), team: teamName, date }).then((made) => {
      Object.assign(session(), { name: teamName, date });
      const name = fill(texts.textScanName, { team: teamName });
      let scan = session().saved ? library.get(session().saved) : null;
      const updated = Boolean(scan);
      scan ??= library.create(name);
      Object.assign(scan.record, clone(made.content), { name });
      const saved = scan.save(); // also makes it the open scan: result, ambition and plan show it
      if (saved) session().saved = scan.record.id;
      persist();
      scanStatus.textContent = saved ? fill(updated ? texts.textScanUpdated : texts.textScanSaved,
        { name, agreed: made.agreed, proposed: made.proposed, open: made.open }) : texts.textScanSaveFailed;
      el("[data-team-scan-next]").hidden = !saved;
      renderReport();
    }, (error) => {
      showProblems(scanError, texts.textScanProblems, error.problems?.length ? error.problems : [reason(error)]);
    });
  });

  el("[data-team-print]").addEventListener("click", () => window.print());
  el("[data-team-csv]").addEventListener("click", () => {
    engine.call("aggregate_csv", { scans: session().respondents }).then((text) => {
      const file = fill(texts.fileName, { date: today() });
      download(file, BOM + text, "text/csv;charset=utf-8");
      status.textContent = fill(texts.textCsvDone, { file });
    }, (error) => showProblems(errorBox, texts.textProblems, [reason(error)]));
  });

  if (session().respondents.length) {
    sessionStatus.textContent = fill(texts.textRestored, { total: session().respondents.length });
  }
  refresh();
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
  root.querySelector("[data-team-overall]").textContent = (overall.phase === null ? texts.textNoPhase
    : fill(texts.textOverall, { phase: overall.phase, name: overall.phase_name }))
    + (overall.provisional ? ` ${texts.textProvisional}` : "");
  for (const element of team.team.elements) {
    root.querySelector(`[data-team-element="${element.id}"]`).textContent = element.phase === null ? texts.textNone
      : `${element.phase} · ${element.phase_name}`;
  }
  const rowName = (id) => root.querySelector(`[data-team-row="${id}"] th`).textContent;
  for (const item of [...team.aspects, ...team.result_areas]) {
    const cell = (field) => root.querySelector(`[data-team-cell="${item.id}-${field}"]`);
    // A part counts over the respondents who assessed it; how many left it out is said beside the count.
    cell("count").textContent = item.left_out ? fill(texts.textLeftOut, { count: item.count, left: item.left_out })
      : String(item.count);
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

// The units side by side, after everyone together (the team's own result), one column each.
function renderUnits(root, texts, team) {
  const whole = { unit: null, count: team.count, overall: team.team.overall.phase,
                  elements: Object.fromEntries(team.team.elements.map((element) => [element.id, element.phase])) };
  const columns = [whole, ...team.units];
  const head = root.querySelector("[data-units-head]");
  head.replaceChildren(head.firstElementChild, ...columns.map((unit) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = unit === whole ? fill(texts.textWhole, { count: unit.count })
      : fill(texts.textUnitHead, { unit: unit.unit || texts.textNoUnit, count: unit.count });
    return th;
  }));
  for (const row of root.querySelectorAll("[data-unit-row]")) {
    const id = row.dataset.unitRow;
    row.replaceChildren(row.firstElementChild, ...columns.map((unit) => {
      const td = document.createElement("td");
      const phase = id === "overall" ? unit.overall : unit.elements[id];
      td.textContent = phase === null ? texts.textNone : String(phase);
      return td;
    }));
  }
}

runPage("[data-team-page]", main);
