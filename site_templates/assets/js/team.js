// The team page for a facilitator: several respondents' export files, share links or own scans side by side.
// scoring_py (in the engine) checks every file and computes all figures; this module only shows them.
// Nothing is stored and nothing leaves the browser: the overview lives as long as the page is open.
import { EngineError, fill, runPage, setList, showProblems } from "./kit.js";
import { BOM, download, megabytes, today, tooLarge } from "./exchange.js";

function main(page) {
  const { root, texts, engine, library } = page;
  const status = root.querySelector("[data-team-status]");
  const errorBox = root.querySelector("[data-team-error]");
  const people = []; // {scan, name}: scan as parse_export or decode_share gives it
  let problems = [];
  const scans = () => people.map((person) => person.scan);
  const reason = (error) => (error instanceof EngineError ? error.message : String(error?.message || error));

  const refresh = async (added) => {
    errorBox.hidden = true;
    if (problems.length) showProblems(errorBox, texts.textProblems, problems);
    problems = [];
    if (added !== undefined) status.textContent = fill(texts.textAdded, { count: added, total: people.length });
    let team = null;
    try {
      team = people.length ? await engine.call("aggregate", { scans: scans() }) : null;
    } catch (error) {
      showProblems(errorBox, texts.textProblems, [reason(error)]);
      return;
    }
    renderPeople(root, texts, people, team, (index) => {
      const [gone] = people.splice(index, 1);
      status.textContent = fill(texts.textRemoved, { name: gone.name });
      refresh();
      root.querySelector("#toevoegen-kop").focus();
    });
    root.querySelector("[data-team-result]").hidden = !team;
    if (team) renderTeam(root, texts, team);
  };

  root.querySelector("[data-team-files]").addEventListener("change", async (event) => {
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
    let added = 0;
    try {
      // One outcome per file, in order: {ok, value} or {ok: false, problems}, so one bad file stops nothing.
      const outcomes = read.length ? await engine.call("parse_exports", { texts: read.map(({ text }) => text) }) : [];
      outcomes.forEach((checked, index) => {
        if (checked.ok) {
          people.push({ scan: checked.value });
          added += 1;
        } else {
          problems.push(fileError(read[index].file, checked.problems.join("; ")));
        }
      });
    } catch (error) {
      for (const { file } of read) problems.push(fileError(file, reason(error)));
    }
    refresh(added);
  });

  root.querySelector("[data-add-links]").addEventListener("click", async () => {
    const area = root.querySelector("[data-team-links]");
    const lines = area.value.split(/\s+/).filter(Boolean);
    let added = 0;
    for (const [index, line] of lines.entries()) {
      try {
        const answers = await engine.call("decode_share", { fragment: line });
        people.push({ scan: { aspects: answers.aspects, results: answers.results, excluded: answers.excluded ?? {},
                              respondent: {} } });
        added += 1;
      } catch (error) {
        problems.push(`${fill(texts.textLinkError, { n: index + 1 })} ${reason(error)}`);
      }
    }
    area.value = "";
    refresh(added);
  });

  root.querySelector("[data-add-own]").addEventListener("click", () => {
    let added = 0;
    for (const entry of library.list()) {
      const record = library.get(entry.id)?.record;
      if (!record) continue;
      people.push({ scan: { name: record.name, respondent: record.respondent || {}, aspects: record.aspects,
                            results: record.results, excluded: record.excluded ?? {} } });
      added += 1;
    }
    refresh(added);
  });

  root.querySelector("[data-team-csv]").addEventListener("click", () => {
    engine.call("aggregate_csv", { scans: scans() }).then((text) => {
      const file = fill(texts.fileName, { date: today() });
      download(file, BOM + text, "text/csv;charset=utf-8");
      status.textContent = fill(texts.textCsvDone, { file });
    }, (error) => showProblems(errorBox, texts.textProblems, [reason(error)]));
  });
}

function renderPeople(root, texts, people, team, onRemove) {
  root.querySelector("[data-team-empty]").hidden = people.length > 0;
  setList(root.querySelector("[data-team-people]"), people, (person) => {
    const index = people.indexOf(person);
    const info = team?.respondents[index];
    person.name = info?.label || fill(texts.textRespondent, { n: index + 1 });
    const item = document.createElement("div");
    item.className = "scan-item";
    const about = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = person.name;
    const unit = document.createElement("span");
    unit.className = "muted";
    unit.textContent = info?.unit || texts.textNoUnit;
    about.append(name, " · ", unit);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button-small button-quiet";
    remove.textContent = texts.textRemoveButton;
    remove.setAttribute("aria-label", fill(texts.textRemove, { name: person.name }));
    remove.addEventListener("click", () => onRemove(index));
    item.append(about, remove);
    return item;
  });
}

function number(value) {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
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
  renderUnits(root, texts, team.units);
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

function renderUnits(root, texts, units) {
  const head = root.querySelector("[data-units-head]");
  head.replaceChildren(head.firstElementChild, ...units.map((unit) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = fill(texts.textUnitHead, { unit: unit.unit || texts.textNoUnit, count: unit.count });
    return th;
  }));
  for (const row of root.querySelectorAll("[data-unit-row]")) {
    const id = row.dataset.unitRow;
    row.replaceChildren(row.firstElementChild, ...units.map((unit) => {
      const td = document.createElement("td");
      const phase = id === "overall" ? unit.overall : unit.elements[id];
      td.textContent = phase === null ? texts.textNone : String(phase);
      return td;
    }));
  }
}

runPage("[data-team-page]", main);
