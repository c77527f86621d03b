// Drawing into the chart frames the build made (site_templates/_chart.html, _compare_chart.html): bar lengths,
// value labels, markers and the description that screen readers read. Labels are text, so they go in via textContent.

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

// A vertical marker at the end of a place on the scale (the weakest line, an ambition); hidden without a place.
export function placeMarker(svg, marker, position) {
  if (!marker) return;
  const x = Number(svg.dataset.origin) + (position ?? 0) * Number(svg.dataset.unit) - 3;
  for (const name of ["x", "x1", "x2"]) if (marker.hasAttribute(name)) marker.setAttribute(name, String(name === "x" ? x - 2 : x));
  marker.setAttribute("visibility", position === null || position === undefined ? "hidden" : "visible");
}

export function describe(svg, text) {
  svg.querySelector("[data-chart-desc]").textContent = text;
}
