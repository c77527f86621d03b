// Offline support: register the site's service worker (sw.js) once the page has what it needs.
// It is an extra: where service workers are missing, blocked or fail (plain http, private modes, policies),
// nothing changes for the visitor, so every failure is swallowed. A browser that cannot run the engine
// (engine-support.js) gets no offline copy: most of it is the engine's runtime, a download it could not use.
import { missingFeatures } from "./engine-support.js";

export function registerServiceWorker(after = Promise.resolve()) {
  if (missingFeatures().length) return;
  let container;
  try {
    container = navigator.serviceWorker; // reading it can throw where storage is blocked
  } catch {
    return;
  }
  const url = document.documentElement.dataset.serviceWorker;
  if (!container || !url) return;
  const loaded = document.readyState === "complete" ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  // After the engine: its downloads then fill the HTTP cache first, so installing copies them without a second
  // download, and the first visit's engine start never shares the network with the copying.
  Promise.all([loaded, after])
    .then(() => container.register(url))
    .catch(() => {});
}
