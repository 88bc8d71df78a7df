/*
 * Offline reading. hooks/offline.py writes the list below at build time: every file the
 * build wrote, with a hash of its content. A new build changes this file, the browser
 * installs the new worker, and only the files whose hash changed are fetched again.
 * Pages come from the network when it answers (so they are never stale) and from the
 * cache when it does not; everything else comes from the cache first.
 */
const PRECACHE = /* precache */ [];
const CACHE = "massage-guides";

function versioned(url, hash) {
  return new URL(`${url}?v=${hash}`, self.registration.scope).href;
}

const HASHES = new Map(
  PRECACHE.map(([url, hash]) => [new URL(url, self.registration.scope).href, hash])
);

async function precache() {
  const cache = await caches.open(CACHE);
  for (const [url, hash] of PRECACHE) {
    const key = versioned(url, hash);
    if (await cache.match(key)) continue;
    const response = await fetch(url, { cache: "no-cache" });
    if (response.ok) await cache.put(key, response);
  }
}

async function prune() {
  const keep = new Set(PRECACHE.map(([url, hash]) => versioned(url, hash)));
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(prune().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  // A page is cached under its folder's URL: /guide/step-1/ for /guide/step-1/index.html.
  url.pathname = url.pathname.replace(/\/index\.html$/, "/");
  const hash = HASHES.get(url.href);
  if (hash === undefined) return;
  const cached = () => caches.match(versioned(url.href, hash));
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(cached));
  } else {
    event.respondWith(cached().then((response) => response || fetch(request)));
  }
});
