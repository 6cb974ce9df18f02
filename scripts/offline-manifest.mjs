#!/usr/bin/env node
// Third step of `npm run build` (scripts/build.mjs runs it after the search index): writes the
// offline manifest of a built site into its offline/ folder — the files each language's
// "available offline" action stores, their size, and the build id that versions the service
// worker's caches (src/lib/offline/manifest.ts).
//
// What it read of each file (hash, and a page's references) is kept in the build cache
// (OFFLINE_CACHE, default .cache/offline) by file identity, so files that are the same on disk
// as in the last build (unchanged pages are hard links to the page cache's copies) are not
// read again.
//
// With --wait, it scans the pages first (most of its work), then waits for its standard input to
// end: scripts/build.mjs starts it so while the search index is still being written, and writes
// `go` once the index is in the site; without `go` (the index failed) it exits, writing nothing.
//
//   node scripts/offline-manifest.mjs <built site dir> [--wait]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGS } from '../src/i18n/locales.ts';
import { readJsonCache, writeJsonCache } from '../src/lib/json-cache.ts';
import { offlineCacheFile } from '../src/lib/offline/cache-file.ts';
import { offlineFiles, offlineManifest, scanPages } from '../src/lib/offline/manifest.ts';

const [site, flag] = process.argv.slice(2);
if (!site || (flag !== undefined && flag !== '--wait')) {
  console.error('usage: node scripts/offline-manifest.mjs <built site dir> [--wait]');
  process.exit(2);
}
let started = performance.now();
const cacheFile = offlineCacheFile();
const previous = new Map(Object.entries(readJsonCache(cacheFile, 1)?.files ?? {}));
const cache = { previous, next: new Map() };
const scanned = scanPages(site, LANGS, cache);
let waited = '';
if (flag === '--wait') {
  const scanMs = performance.now() - started;
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  if (input.trim() !== 'go') process.exit(0);
  waited = `; the pages scanned beside the search index: ${(scanMs / 1000).toFixed(1)} s`;
  // The time reported is this step's own: the scan, then what is left after the index.
  started = performance.now() - scanMs;
}
const manifest = offlineManifest(site, process.env.BASE_PATH ?? '/', LANGS, ['sw.js'], cache, scanned);
for (const [path, text] of Object.entries(offlineFiles(manifest))) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}
writeJsonCache(cacheFile, 1, { files: Object.fromEntries(cache.next) });
const reused = [...cache.next.keys()].filter((id) => previous.has(id)).length;
const sizes = Object.values(manifest.langs).map((l) => `${l.lang} ${(l.bytes / 1e6).toFixed(1)} MB`).join(', ');
console.log(`[offline] build ${manifest.build}: ${sizes} in ${((performance.now() - started) / 1000).toFixed(1)} s (${reused} of ${cache.next.size} files unchanged, not read${waited})`);
