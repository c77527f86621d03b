// The ambition on the result page (the guide's step 2): a target stage per part and a target level per result
// area, chosen in the compact forms beside the charts, saved in the scan record at once, and scored by the
// engine's `gaps`; result.js draws the outcome into the charts, the tables and the summary.
import { answersOf, fill } from "./kit.js";

// `texts` holds the ambition's texts (data-*), `root` the page with the forms, `scan` the store handle of the open
// scan ({record, save()}); `show(gaps)` is called with every new outcome. Returns {update}: score the ambition
// again, and {reveal}: open and show the form when the address asks for it (once the result is on the page).
export function setupAmbition(texts, root, engine, scan, show, rules) {
  const own = texts.dataset;
  const record = scan.record;
  const status = root.querySelector("[data-ambition-status]");
  const selects = [...root.querySelectorAll("[data-ambition-item]")];
  const allValue = root.querySelector("[data-ambition-all-value]");
  for (const select of selects) {
    const value = record.ambition[select.dataset.ambitionGroup][select.dataset.ambitionItem];
    select.value = value === undefined ? "" : String(value);
    // No ambition for a part left out of this assessment; a stored one stays for when it is taken back in.
    select.disabled = select.dataset.ambitionGroup === "elements" && select.dataset.ambitionItem in (record.excluded ?? {});
  }

  let latest = 0;
  const update = () => {
    const ticket = ++latest;
    engine.call("gaps", { answers: answersOf(record, rules), ambition: record.ambition }).then((gaps) => {
      if (ticket === latest) show(gaps);
    }, () => {}); // the result already shows why the answers cannot be scored
  };
  const take = (select) => {
    const group = record.ambition[select.dataset.ambitionGroup];
    if (select.value === "") delete group[select.dataset.ambitionItem];
    else group[select.dataset.ambitionItem] = Number(select.value);
  };
  const save = (message) => {
    status.textContent = scan.save() ? message : own.textSaveFailed;
    update();
  };

  root.addEventListener("change", (event) => {
    if (!event.target.dataset.ambitionItem) return;
    take(event.target);
    save(own.textSaved);
  });
  root.querySelector("[data-ambition-all]").addEventListener("click", () => {
    if (!allValue.value) {
      status.textContent = own.textChooseFirst;
      allValue.focus();
      return;
    }
    for (const select of selects.filter((s) => s.dataset.ambitionGroup === "elements" && !s.disabled)) {
      select.value = allValue.value;
      take(select);
    }
    save(fill(own.textAllSaved, { phase: allValue.value }));
  });

  // "#ambitie" (the summary's link, the plan page's "Kies je ambitie") opens the form of the parts.
  const form = root.querySelector("#ambitie");
  const openForm = () => {
    if (window.location.hash !== "#ambitie") return;
    form.open = true;
    form.scrollIntoView();
  };
  root.querySelector("[data-ambition-link]").addEventListener("click", () => { form.open = true; });
  window.addEventListener("hashchange", openForm);
  return { update, reveal: openForm };
}
