// The main menu on a narrow screen: folded behind one button that names the current page (a disclosure). The
// button opens and closes the list; Escape closes it and puts the focus back on the button. Without this script,
// or on a wide screen, the whole menu shows as it is (site.css decides by the width).
export function setupMenu(nav) {
  const button = nav?.querySelector("[data-menu-button]");
  if (!button) return;
  const list = nav.querySelector(`#${button.getAttribute("aria-controls")}`);
  const show = (open) => {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  };
  nav.classList.add("has-menu-button");
  button.hidden = false;
  button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
    show(false);
    button.focus();
  });
  // Tabbing past the last link closes the menu, so it never covers the page behind the focus.
  list.addEventListener("focusout", (event) => {
    if (!nav.contains(event.relatedTarget)) show(false);
  });
}
