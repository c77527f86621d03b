// The ambition on the result page (the guide's step 2): a target phase per element and a target level per result
// area, saved in the scan record at once, and shown against where the organisation stands (chart and table).
import { answersOf, fill } from "./kit.js";
import { describe, drawBars, placeMarker } from "./charts.js";

// `scan` is the store handle of the open scan: {record, save()}.
export function setupAmbition(section, engine, scan) {
  const texts = section.dataset;
  const record = scan.record;
  record.ambition = normalise(record.ambition);
  const status = section.querySelector("[data-ambition-status]");
  const selects = [...section.querySelectorAll("[data-ambition-item]")];
  const allValue = section.querySelector("[data-ambition-all-value]");
  for (const select of selects) {
    const value = record.ambition[select.dataset.ambitionGroup][select.dataset.ambitionItem];
    select.value = value === undefined ? "" : String(value);
  }

  let latest = 0;
  const update = () => {
    const ticket = ++latest;
    engine.call("gaps", { answers: answersOf(record), ambition: record.ambition }).then((gaps) => {
      if (ticket !== latest) return;
      // No ambition for a part left out of this assessment; a stored one stays for when it is taken back in.
      for (const e of gaps.elements) section.querySelector(`[data-ambition-item="${e.id}"]`).disabled = e.excluded;
      render(section, texts, gaps);
    }, () => {}); // the result above already shows why the answers cannot be scored
  };
  const take = (select) => {
    const group = record.ambition[select.dataset.ambitionGroup];
    if (select.value === "") delete group[select.dataset.ambitionItem];
    else group[select.dataset.ambitionItem] = Number(select.value);
  };
  const save = (message) => {
    status.textContent = scan.save() ? message : texts.textSaveFailed;
    update();
  };

  section.addEventListener("change", (event) => {
    if (!event.target.dataset.ambitionItem) return;
    take(event.target);
    save(texts.textSaved);
  });
  section.querySelector("[data-ambition-all]").addEventListener("click", () => {
    if (!allValue.value) {
      status.textContent = texts.textChooseFirst;
      allValue.focus();
      return;
    }
    for (const select of selects.filter((s) => s.dataset.ambitionGroup === "elements" && !s.disabled)) {
      select.value = allValue.value;
      take(select);
    }
    save(fill(texts.textAllSaved, { phase: allValue.value }));
  });
  update();
}

function normalise(ambition) {
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const safe = isObject(ambition) ? ambition : {};
  return { elements: isObject(safe.elements) ? safe.elements : {}, results: isObject(safe.results) ? safe.results : {} };
}

function render(section, texts, gaps) {
  const phaseText = (id, name) => (id === null ? null : fill(texts.textPhase, { phase: id, name }));
  const levelText = (id, name) => (id === null ? null : fill(texts.textLevel, { name }));
  const rows = [
    ...gaps.elements.map((e) => ({ ...e, kind: "elements", now: phaseText(e.phase, e.phase_name),
                                   target_text: phaseText(e.target, e.target_name), label: `${e.number}. ${e.name}`,
                                   unit: texts.textPhaseUnit, units: texts.textPhaseUnits })),
    ...gaps.result_areas.map((a) => ({ ...a, kind: "areas", now: levelText(a.level, a.level_name),
                                       target_text: levelText(a.target, a.target_name), label: `${a.letter}. ${a.name}`,
                                       unit: texts.textLevelUnit, units: texts.textLevelUnits })),
  ];
  for (const row of rows) {
    if (row.excluded) {
      for (const cell of ["gap-now", "gap-target", "gap"]) {
        section.querySelector(`[data-${cell}="${row.id}"]`).textContent = cell === "gap-now" ? texts.textExcluded : "";
      }
      continue;
    }
    section.querySelector(`[data-gap-now="${row.id}"]`).textContent = row.now ?? texts.textUnanswered;
    section.querySelector(`[data-gap-target="${row.id}"]`).textContent = row.target_text ?? texts.textNone;
    section.querySelector(`[data-gap="${row.id}"]`).textContent = gapText(texts, row);
  }
  for (const kind of ["elements", "areas"]) {
    const svg = section.querySelector(`[data-chart="ambition-${kind}"]`);
    if (!svg) continue;
    const own = rows.filter((row) => row.kind === kind);
    // Bars carry a short value (the phase number, the level name), so the ambition marker stays readable.
    const short = (row) => (row.kind === "elements" ? fill(texts.textBar, { phase: row.phase }) : row.level_name);
    drawBars(svg, own.map((row) => ({ id: row.id, position: row.position,
                                      label: row.excluded ? texts.textExcluded
                                        : row.position === null ? texts.textOpen : short(row) })));
    for (const row of own) placeMarker(svg, svg.querySelector(`[data-target="${row.id}"]`), row.target_position);
    describe(svg, own.map((row) => fill(row.target_text ? texts.textChart : texts.textChartNoTarget,
      { name: row.label, value: row.excluded ? texts.textExcluded : row.now ?? texts.textOpen,
        target: row.target_text })).join(" "));
  }
  const overall = gaps.overall;
  section.querySelector('[data-field="ambition-overall"]').textContent = overall.target === null ? texts.textOverallOpen
    : fill(texts.textOverall, { phase: overall.target, name: overall.target_name,
                                gap: gapText(texts, { ...overall, position: overall.phase, target_position: overall.target,
                                                      unit: texts.textPhaseUnit, units: texts.textPhaseUnits }) });
}

function gapText(texts, row) {
  if (row.position === null) return texts.textUnanswered;
  if (row.target_position === null || row.target_position === undefined) return texts.textNoTarget;
  const count = Math.abs(row.gap);
  const values = { count, unit: row.unit, units: row.units };
  if (row.gap === 0) return texts.textReached;
  if (row.gap > 0) return fill(count === 1 ? texts.textGapOne : texts.textGapMany, values);
  return fill(count === 1 ? texts.textBeyondOne : texts.textBeyondMany, values);
}
