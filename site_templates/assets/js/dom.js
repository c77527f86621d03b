// Small helpers: texts come from data-* attributes in the templates; user text only ever goes in via textContent.

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
