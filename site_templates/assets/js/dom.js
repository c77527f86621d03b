// Small helpers for building the page: texts come from data-* attributes in the templates; user text only ever
// goes in via textContent. Pages import these through kit.js.

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function setList(list, items, build = (item) => item) {
  list.replaceChildren(...items.map((item, index) => {
    const li = document.createElement("li");
    const content = build(item, index);
    if (typeof content === "string") li.textContent = content;
    else li.append(content);
    return li;
  }));
}

export function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

// A small button; `hint` is read out after the visible text, so ten "Verwijder" buttons are told apart
// ("Verwijder Team Zuid") while the visible text stays short.
export function button(text, onClick, { hint = "", style = "button-secondary" } = {}) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `button button-small ${style}`;
  b.append(text);
  if (hint) {
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ` ${hint}`;
    b.append(hidden);
  }
  b.addEventListener("click", onClick);
  return b;
}

export function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

// Numbers and dates follow the page's language (<html lang>, set by the build from the model or the site).
const LOCALES = { nl: "nl-NL", en: "en" };
export const LOCALE = LOCALES[globalThis.document?.documentElement?.lang] ?? LOCALES.nl;

// A value the model's rule gave (a stage, or a mean): with as many decimals as the engine's `decimals` says, in the
// page's language: 2, or 1,8 in Dutch and 1.8 in English. The engine rounds a mean down already; this only writes it.
const numbers = new Map();
export function formatValue(value, decimals = 0) {
  if (value === null || value === undefined) return "";
  if (!numbers.has(decimals)) {
    numbers.set(decimals, new Intl.NumberFormat(LOCALE, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  }
  return numbers.get(decimals).format(value);
}

// A day without the time: 1 maart 2025.
export const DAY = { day: "numeric", month: "long", year: "numeric" };

// A date and time in the page's language; "-" for a date that cannot be read. One formatter per set of options: making one
// is the slow part (a team of 200 shows 200 dates).
const formatters = new Map();
export function formatDate(iso, options = { day: "numeric", month: "long", year: "numeric", hour: "2-digit",
                                             minute: "2-digit" }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "-";
  const key = JSON.stringify(options);
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(LOCALE, options));
  return formatters.get(key).format(date);
}

// A box with a title and one line per problem (an import that failed, files that could not be read).
export function showProblems(box, title, problems) {
  box.querySelector("[data-problems-title]").textContent = title;
  setList(box.querySelector("[data-problems-list]"), problems);
  box.hidden = false;
}

// Today in the visitor's own time zone, as a day: 2025-03-01 (toISOString would give the UTC day).
export function localDay(date = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// One action of the plan as a table row: what, who and by when (an overdue one marked), then the page's own last
// cell (the status as text on the plan, a status choice on Metingen). `action` comes from the engine's "actions".
export function actionRow(texts, action, last) {
  const row = document.createElement("tr");
  row.classList.toggle("is-overdue", action.overdue);
  row.classList.toggle("is-done", action.done);
  const label = document.createElement("th");
  label.scope = "row";
  label.textContent = action.label;
  const due = action.due ? formatDate(`${action.due}T12:00`, DAY)
    : texts.textNoDue;
  const cells = [action.text, action.owner || texts.textNoOwner, due, last].map((content) => {
    const cell = document.createElement("td");
    cell.append(content);
    return cell;
  });
  if (action.overdue) {
    const mark = document.createElement("strong");
    mark.className = "overdue";
    mark.textContent = ` ${texts.textOverdue}`;
    cells[2].append(mark);
  }
  row.append(label, ...cells);
  return row;
}
