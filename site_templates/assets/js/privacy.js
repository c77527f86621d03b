// "Alles wissen": remove every key this site stores, after a confirmation.
import { runPage } from "./kit.js";

runPage("main", () => {
  const button = document.querySelector("[data-clear-all]");
  const status = document.querySelector("[data-clear-status]");
  button.addEventListener("click", () => {
    if (!window.confirm(button.dataset.confirm)) return;
    try {
      const prefixes = button.dataset.prefixes.split(" ");
      for (const key of Object.keys(window.localStorage)) {
        if (prefixes.some((prefix) => key.startsWith(prefix))) window.localStorage.removeItem(key);
      }
    } catch {
      // Storage that cannot be read holds nothing of ours either.
    }
    status.textContent = button.dataset.done;
  });
});
