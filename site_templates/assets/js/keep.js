// Whether this browser keeps the scans for months. Every browser may delete a site's storage that is not persistent
// (when the disk fills up, for instance), and Safari deletes the storage of a site a visitor has not used for seven
// days of browsing. So once there is something to keep, the scan asks for persistent storage
// (navigator.storage.persist(): Chromium decides by itself, Firefox asks the visitor once and remembers, Safari 17+
// decides by itself), at most once per page, and the result page and "Mijn scans" say what came of it
// (storage-notice.js showKeepNotice).

let asked = null;

// Persistent storage for this site: asked once per page (a repeat gives the same answer without asking again).
// Resolves with true when the browser keeps the data, false when it does not or cannot say.
export function askToKeep(manager = globalThis.navigator?.storage) {
  asked ??= request(manager);
  return asked;
}

async function request(manager) {
  try {
    if (typeof manager?.persisted !== "function") return false;
    if (await manager.persisted()) return true;
    return typeof manager.persist === "function" ? Boolean(await manager.persist()) : false;
  } catch {
    return false; // blocked by settings or a sandboxed frame: the data is not known to be kept
  }
}

// Apple's WebKit, where Safari (and every browser on an iPhone or iPad, which all use it) deletes the data of a site
// not used for seven days. Told apart by what Apple's engine alone puts in its user agent: "AppleWebKit/" without
// Chrome's "Chrome/" or "Chromium/". A web app added to the home screen is exempt.
export function deletesAfterAWeek(nav = globalThis.navigator) {
  const agent = String(nav?.userAgent || "");
  if (!/AppleWebKit\//.test(agent) || /(Chrome|Chromium)\//.test(agent)) return false;
  return nav.standalone !== true;
}

// What the visitor should know: {kept} when persistent storage was granted and no weekly deletion applies, else
// {mayDelete: "week" | "any"}.
export async function keepState(nav = globalThis.navigator) {
  const persisted = await askToKeep(nav?.storage);
  if (deletesAfterAWeek(nav)) return { kept: false, mayDelete: "week" };
  return persisted ? { kept: true } : { kept: false, mayDelete: "any" };
}
