/*
 * Offline reading. hooks/offline.py writes the two values below at build time: every file the
 * build wrote (its URL, percent-encoded, and the SRI hash of its bytes), and a version naming
 * that list and this script. A new build changes this file and the browser installs it:
 *
 * - Install is all or nothing. Each file is fetched past the HTTP cache and checked against its
 *   hash (fetch's `integrity`), so a host that still serves an old file fails the install
 *   instead of caching the old file under the new hash; unchanged files are copied from the
 *   installed version. Any failure, or an empty list, leaves the installed version and its
 *   cache as they were (the browser tries again later).
 * - Caches are named for this copy of the site (its scope): two copies on one origin
 *   (/guides/ and /staging/) never touch each other's.
 * - A page comes from the network when it answers within NETWORK_WAIT, so it is never stale;
 *   otherwise (offline, or a hanging network) from the cache. An address that is no page of
 *   the site shows the site's own 404 page when the network does not answer within the same
 *   wait. A page's address without its final slash is redirected to it, as hosts do.
 * - A failed install (a host that rewrites its pages fails every integrity check) is told to
 *   the open pages (`offline-unavailable`), which say so once (javascripts/offline.js).
 * - Everything else the list names comes from the cache first.
 */
const PRECACHE = /* precache */ [];
const VERSION = /* version */ "";
const SCOPE = self.registration.scope;
const PREFIX = `massage-guides ${SCOPE} `;
const CACHE = PREFIX + VERSION;
// The cache name every copy shared before caches were named for their scope.
const UNSCOPED = "massage-guides";
const NETWORK_WAIT = 1500;
const NOT_FOUND = "404.html";

// The same key for `C%23-massage/`, `C#-massage/` as the list writes it, and `…/index.html`.
function pathOf(url) {
  const { pathname } = new URL(url, SCOPE);
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch (error) {
    /* A malformed escape: keep the path as it came. */
  }
  return path.replace(/\/index\.html$/, "/");
}

const INTEGRITY = new Map(PRECACHE.map(([url, integrity]) => [pathOf(url), integrity]));

// Where a file's verified copy is kept: one key per path and content.
function stored(path, integrity) {
  return `${SCOPE}?path=${encodeURIComponent(path)}&sri=${encodeURIComponent(integrity)}`;
}

async function ourCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX));
}

// A redirected response cannot answer a navigation: keep only its body and headers.
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function fill(cache, older, [url, integrity]) {
  const key = stored(pathOf(url), integrity);
  if (await cache.match(key)) return;
  for (const name of older) {
    const copy = await (await caches.open(name)).match(key);
    if (copy) {
      await cache.put(key, copy);
      return;
    }
  }
  const response = await fetch(new URL(url, SCOPE), { integrity, cache: "reload" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache.put(key, await plain(response));
}

async function install() {
  if (PRECACHE.length === 0 || !VERSION) {
    throw new Error("No precache list: the installed version stays.");
  }
  const older = (await ourCaches()).filter((name) => name !== CACHE);
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(PRECACHE.map((entry) => fill(cache, older, entry)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function activate() {
  for (const name of await caches.keys()) {
    if (name === UNSCOPED || (name.startsWith(PREFIX) && name !== CACHE)) {
      await caches.delete(name);
    }
  }
  await self.clients.claim();
}

async function fromCache(path) {
  const integrity = INTEGRITY.get(path);
  if (integrity === undefined) return undefined;
  const cache = await caches.open(CACHE);
  return cache.match(stored(path, integrity));
}

async function notFound() {
  const page = await fromCache(pathOf(NOT_FOUND));
  if (!page) return Response.error();
  return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
}

function wait(milliseconds) {
  return new Promise((resolve) => {
    setTimeout(resolve, milliseconds);
  });
}

// A host answers `/guide` with a redirect to `/guide/`: so does the worker, for a page it holds.
function withSlash(request, path) {
  if (path.endsWith("/") || INTEGRITY.has(path) || !INTEGRITY.has(`${path}/`)) return undefined;
  const url = new URL(request.url);
  url.pathname += "/";
  return Response.redirect(url.href, 301);
}

async function navigate(request, path) {
  const redirect = withSlash(request, path);
  if (redirect) return redirect;
  const network = fetch(request);
  const cached = path === pathOf(NOT_FOUND) ? undefined : await fromCache(path);
  // A page it holds: the network's if it answers in time. Any other address: the network's
  // answer if it comes in time, else the site's own 404 page (never a blank wait).
  const answer = await Promise.race([
    network.then(
      (response) => (response.ok || !cached ? response : undefined),
      () => undefined
    ),
    wait(NETWORK_WAIT),
  ]);
  return answer || cached || notFound();
}

// Tell the open pages, once per failure, that this copy cannot be kept for offline reading.
async function tellPages(error) {
  const reason = String((error && error.message) || error);
  const pages = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  for (const page of pages) page.postMessage({ type: "offline-unavailable", reason });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    install().then(
      () => self.skipWaiting(),
      async (error) => {
        await tellPages(error);
        throw error;
      }
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = pathOf(request.url);
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, path));
  } else if (INTEGRITY.has(path)) {
    event.respondWith(fromCache(path).then((response) => response || fetch(request)));
  }
});
