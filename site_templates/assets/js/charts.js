// Drawing into the chart frames the build made (site_templates/_charts.html): bar lengths, value labels, markers and
// the description that screen readers read. Labels are text, so they go in via textContent. The result page's bars
// are HTML (drawRows); the comparison chart is SVG (drawBars). Lengths are set through the CSSOM
// (element.style), which the pages' Content-Security-Policy allows; a style attribute in the markup it would not.

// The HTML bars of one chart (the bars macro). rows: [{id, position (1-based place on the scale, or null), label,
// weakest, target (a place, or null), goal (the text beside the ambition, or null)}]; `overall` is the place of the
// organisation's stage, drawn as a line through every row (null: no line).
export function drawRows(figure, rows, { overall = null } = {}) {
  const columns = Number(figure.dataset.columns);
  const share = (position) => `${(100 * position) / columns}%`;
  for (const row of rows) {
    const line = figure.querySelector(`[data-row="${row.id}"]`);
    if (!line) continue;
    line.classList.toggle("is-weakest", Boolean(row.weakest));
    line.classList.toggle("is-open", row.position === null);
    const tag = line.querySelector("[data-weakest-tag]");
    if (tag) tag.hidden = !row.weakest;
    line.querySelector("[data-bar]").style.width = row.position === null ? "0" : share(row.position);
    line.querySelector("[data-bar-label]").textContent = row.label;
    const mark = line.querySelector("[data-overall-mark]");
    if (mark) place(mark, overall === null ? null : share(overall));
    place(line.querySelector("[data-target]"), row.target === null || row.target === undefined ? null : share(row.target));
    const goal = line.querySelector("[data-target-label]");
    goal.textContent = row.goal || "";
    goal.hidden = !row.goal;
  }
}

function place(marker, left) {
  marker.hidden = left === null;
  if (left !== null) marker.style.left = left;
}

// rows: [{id, position (1-based place on the scale, or null), label}]; attribute names as in the frame.
export function drawBars(svg, rows, { bar = "data-bar", label = "data-bar-label" } = {}) {
  const unit = Number(svg.dataset.unit);
  const origin = Number(svg.dataset.origin);
  for (const row of rows) {
    const width = Math.max(row.position === null ? 0 : row.position * unit - 6, 0);
    svg.querySelector(`[${bar}="${row.id}"]`).setAttribute("width", String(width));
    const text = label && svg.querySelector(`[${label}="${row.id}"]`);
    if (!text) continue;
    text.textContent = row.label;
    // On the last columns the label would run off the chart, so it goes inside the bar.
    const inside = row.position !== null && row.position >= Number(svg.dataset.columns) - 1;
    text.classList.toggle("is-inside", inside);
    text.setAttribute("x", String(inside ? origin + width - 8 : origin + width + 8));
  }
}

// The text screen readers get for a chart (an SVG frame or an HTML figure).
export function describe(chart, text) {
  chart.querySelector("[data-chart-desc]").textContent = text;
}
