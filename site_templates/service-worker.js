// The service worker (sw.js). The build writes VERSION, IMMUTABLE, REVALIDATE and LATER above this line.
// - install: copy every file of this build into one cache, named after the scope and VERSION; files at versioned
//   paths may come from the browser's HTTP cache (they were just downloaded), pages and the rest are revalidated.
//   The files of a model's other languages (LATER, per folder such as "semm/en") wait until a visitor opens one of
//   their pages: then that language is kept whole (for the pages open when the worker starts, and on every
//   navigation after), so it works offline too, and a visitor of one language never downloads the other.
// - activate: delete the caches of older builds of this site (only this scope: a host may serve other sites).
// - fetch: pages network first, so an edit or a new build shows at once, and from the cache when the network is
//   gone; every other file of the build from the cache first. Anything else goes to the network untouched.
//   Where the browser has static routes (Chromium), the versioned folders are routed to the cache directly, so
//   the worker need not even start for the engine's files.

const SCOPE = self.registration.scope;
const PREFIX = `scan:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const OURS = new Set([...IMMUTABLE, ...REVALIDATE].map((path) => new URL(path, SCOPE).href));
const WAITING = new Set(Object.values(LATER).flat()); // kept with their language, not at install
const toRequest = (path) => new Request(new URL(path, SCOPE), IMMUTABLE.includes(path) ? {} : { cache: "no-cache" });

self.addEventListener("install", (event) => {
  if (event.addRoutes) {
    const base = new URL(SCOPE).pathname;
    const folders = new Set(IMMUTABLE.map((path) => path.split("/").slice(0, 2).join("/"))); // e.g. pyodide/314.0.7
    event.waitUntil(event.addRoutes([...folders].map((folder) => ({
      condition: { urlPattern: { pathname: `${base}${folder}/*` } },
      source: "cache",
    }))).catch(() => {})); // an older browser without these conditions simply uses the fetch handler below
  }
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...IMMUTABLE, ...REVALIDATE].filter((path) => !WAITING.has(path)).map(toRequest));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // No navigation preload: with it, Firefox (ESR 153) fails a page's navigation when the network is gone,
    // before the cached copy below can answer. Turned off, too, where an earlier build turned it on.
    if (self.registration.navigationPreload) await self.registration.navigationPreload.disable();
    await self.clients.claim();
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    await Promise.all(open.map((client) => keepLanguageOf(client.url)));
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const key = url.pathname.endsWith("/") ? `${url.href}index.html` : url.href;
  if (!OURS.has(key)) return;
  if (request.mode === "navigate") event.waitUntil(keepLanguageOf(key));
  event.respondWith(request.mode === "navigate" ? networkFirst(event, key) : cacheFirst(request, key));
});

// Keep the files of the edition a page belongs to (a page in semm/en/: those of "semm/en"), once.
async function keepLanguageOf(url) {
  const path = url.startsWith(SCOPE) ? url.slice(SCOPE.length) : "";
  const folder = Object.keys(LATER).find((name) => path.startsWith(`${name}/`));
  if (!folder) return;
  const cache = await caches.open(CACHE);
  const kept = await Promise.all(LATER[folder].map((file) => cache.match(new URL(file, SCOPE).href)));
  const missing = LATER[folder].filter((_, n) => !kept[n]);
  await cache.addAll(missing.map(toRequest)).catch(() => {}); // offline now: the next visit online keeps it
}

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

async function cacheFirst(request, key) {
  return (await fromCache(key)) || fetch(request);
}

async function networkFirst(event, key) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const cached = await fromCache(key);
    if (cached) return cached;
    throw error;
  }
}
