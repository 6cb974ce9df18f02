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
//   node scripts/offline-manifest.mjs <built site dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LANGS } from '../src/i18n/locales.ts';
import { readJsonCache, writeJsonCache } from '../src/lib/json-cache.ts';
import { offlineFiles, offlineManifest } from '../src/lib/offline/manifest.ts';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/offline-manifest.mjs <built site dir>');
  process.exit(2);
}
const started = performance.now();
const cacheFile = join(resolve(process.env.OFFLINE_CACHE ?? '.cache/offline'), 'files.json');
const previous = new Map(Object.entries(readJsonCache(cacheFile, 1)?.files ?? {}));
const cache = { previous, next: new Map() };
const manifest = offlineManifest(site, process.env.BASE_PATH ?? '/', LANGS, ['sw.js'], cache);
for (const [path, text] of Object.entries(offlineFiles(manifest))) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}
writeJsonCache(cacheFile, 1, { files: Object.fromEntries(cache.next) });
const reused = [...cache.next.keys()].filter((id) => previous.has(id)).length;
const sizes = Object.values(manifest.langs).map((l) => `${l.lang} ${(l.bytes / 1e6).toFixed(1)} MB`).join(', ');
console.log(`[offline] build ${manifest.build}: ${sizes} in ${((performance.now() - started) / 1000).toFixed(1)} s (${reused} of ${cache.next.size} files unchanged, not read)`);
