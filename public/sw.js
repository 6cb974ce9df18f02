/*
 * Service worker of the briefing site: reading offline (README, "Reading offline").
 *
 * - Pages a reader opens, with their stylesheets, fonts, scripts and images, are kept in a cache
 *   and served when the network fails. Online, everything except content-hashed files
 *   (`_astro/`, `_images/`) comes from the network first, revalidated, so nothing from an old
 *   build is shown once a new one is online.
 * - "Available offline" (About page) stores one language's whole site, search index included,
 *   from the build's manifest (`offline/<lang>.json`, written by scripts/offline-manifest.mjs).
 * - Caches are named by the build id in `offline/version.js`. A new build changes that file, the
 *   browser installs this worker again, and the new worker fetches the new versions of the pages
 *   the reader had kept (and of the languages they had saved) before the old caches are deleted.
 *
 * Served as it is from public/, at the root of the site's base; every URL is derived from the
 * registration's scope, so the same file works at a domain root and under a sub-path.
 */
importScripts('offline/version.js');

const BUILD = self.OFFLINE_BUILD;
const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
const LANGS = ['ar', 'en'];
/** Cache names carry the scope, so two sites on one origin never share or delete each other's caches. */
const PREFIX = `briefings-offline:${SCOPE_PATH}:`;
const OPENED = `${PREFIX}${BUILD}:opened`;
const savedCache = (lang) => `${PREFIX}${BUILD}:saved-${lang}`;
const IMMUTABLE = ['_astro/', '_images/'].map((dir) => `${SCOPE_PATH}${dir}`);
const PARALLEL = 6;

const urlOf = (path) => new URL(path, SCOPE).href;
/** Static files: a query string never changes the response, so it is not part of the key. */
function keyOf(input) {
  const url = new URL(typeof input === 'string' ? input : input.url);
  url.search = '';
  url.hash = '';
  return url.href;
}
const isOurs = (url) => url.startsWith(SCOPE) && !url.startsWith(urlOf('sw.js')) && !url.startsWith(urlOf('offline/version.js'));

/** A response that can be stored and served to a navigation (a followed redirect cannot). */
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function fetchFresh(url) {
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return storable(response);
}

async function cached(request) {
  const key = keyOf(request);
  for (const name of [OPENED, ...LANGS.map(savedCache)]) {
    const hit = await caches.match(key, { cacheName: name });
    if (hit) return hit;
  }
  return undefined;
}

async function keep(request, response) {
  if (!response.ok || response.type !== 'basic') return;
  const cache = await caches.open(OPENED);
  await cache.put(keyOf(request), await storable(response.clone()));
}

async function networkFirst(event) {
  const { request } = event;
  try {
    // Revalidated with the server: a page or search file from an old build is never served online.
    const response = await fetch(new Request(request, { cache: 'no-cache' }));
    event.waitUntil(keep(request, response.clone()).catch(() => undefined));
    return response;
  } catch (error) {
    const hit = await cached(request);
    if (hit) return hit;
    throw error;
  }
}

async function cacheFirst(event) {
  const hit = await cached(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  event.waitUntil(keep(event.request, response.clone()).catch(() => undefined));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !isOurs(request.url)) return;
  const path = new URL(request.url).pathname;
  event.respondWith(IMMUTABLE.some((dir) => path.startsWith(dir)) ? cacheFirst(event) : networkFirst(event));
});

/** Runs `task` over `items`, a few at a time. */
async function pool(items, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

async function manifest(lang) {
  const response = await fetch(urlOf(`offline/${lang}.json`), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`offline/${lang}.json: HTTP ${response.status}`);
  return response.json();
}

function manifestFiles(m) {
  return [...new Set([...m.shell, ...m.pages, ...Object.values(m.images).flat(), ...m.search])];
}

/** Stores a language's whole site; the manifest goes in last and marks the copy complete. */
async function save(lang, progress = () => undefined) {
  const m = await manifest(lang);
  const files = manifestFiles(m);
  const cache = await caches.open(savedCache(lang));
  let done = 0;
  await pool(files, async (path) => {
    await cache.put(urlOf(path), await fetchFresh(urlOf(path)));
    progress(++done, files.length);
  });
  await cache.put(urlOf(`offline/${lang}.json`), new Response(JSON.stringify(m), { headers: { 'Content-Type': 'application/json' } }));
  return m.bytes;
}

async function isSaved(lang, build = BUILD) {
  return Boolean(await caches.match(urlOf(`offline/${lang}.json`), { cacheName: `${PREFIX}${build}:saved-${lang}` }));
}

/**
 * Stores pages (and what they loaded) that were opened before this worker controlled them. The
 * page has just loaded these files, so they are taken from the HTTP cache when it holds them (the
 * copies the reader saw), not downloaded a second time.
 */
async function keepUrls(urls) {
  const cache = await caches.open(OPENED);
  await pool([...new Set(urls.filter(isOurs).map(keyOf))], async (url) => {
    if (await cache.match(url)) return;
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'force-cache' });
      if (response.ok) await cache.put(url, await storable(response));
    } catch {
      // Offline already: nothing to keep.
    }
  });
}

/**
 * A new build: fetch the new version of every page the reader had kept, with the files the new
 * pages use, and again every language they had saved. Runs before the old caches are deleted;
 * if the network fails, installation fails and the old worker keeps serving its copies.
 */
async function carryOver() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && !name.startsWith(`${PREFIX}${BUILD}:`));
  const oldBuilds = [...new Set(names.map((name) => name.slice(PREFIX.length).split(':')[0]))];
  const opened = new Set();
  const saved = new Set();
  for (const build of oldBuilds) {
    for (const lang of LANGS) if (await isSaved(lang, build)) saved.add(lang);
    const old = await caches.open(`${PREFIX}${build}:opened`);
    for (const request of await old.keys()) {
      const response = await old.match(request);
      if (response && (response.headers.get('Content-Type') ?? '').includes('text/html')) opened.add(keyOf(request));
    }
  }
  for (const lang of saved) await save(lang);
  if (opened.size === 0) return;
  const cache = await caches.open(OPENED);
  for (const lang of LANGS) {
    const pages = [...opened].filter((url) => new URL(url).pathname.startsWith(`${SCOPE_PATH}${lang}/`) || url === SCOPE);
    if (pages.length === 0 || saved.has(lang)) continue;
    const m = await manifest(lang);
    const known = new Set(m.pages.map(urlOf));
    const files = [...m.shell.map(urlOf), ...pages.filter((url) => known.has(url)), ...pages.flatMap((url) => (m.images[url.slice(SCOPE.length)] ?? []).map(urlOf))];
    await pool([...new Set(files)], async (url) => {
      try {
        await cache.put(url, await fetchFresh(url));
      } catch {
        // A page removed by the new build is simply not kept.
      }
    });
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(carryOver().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && !name.startsWith(`${PREFIX}${BUILD}:`)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Messages from pages: keep what a page loaded, and save, remove or report a language's copy. */
self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  const port = event.ports[0];
  const reply = (message) => port?.postMessage(message);
  const task = (async () => {
    try {
      if (data.type === 'keep' && Array.isArray(data.urls)) await keepUrls(data.urls);
      else if (data.type === 'status' && LANGS.includes(data.lang)) reply({ type: 'status', build: BUILD, saved: await isSaved(data.lang) });
      else if (data.type === 'save' && LANGS.includes(data.lang)) {
        const bytes = await save(data.lang, (done, total) => reply({ type: 'progress', done, total }));
        reply({ type: 'saved', build: BUILD, bytes });
      } else if (data.type === 'remove' && LANGS.includes(data.lang)) {
        await caches.delete(savedCache(data.lang));
        reply({ type: 'removed' });
      }
    } catch (error) {
      reply({ type: 'error', message: String(error && error.message ? error.message : error) });
    }
  })();
  event.waitUntil(task);
});
