#!/usr/bin/env node
// Third step of `npm run build` (scripts/build.mjs runs it after the search index): writes the
// offline manifest of a built site into its offline/ folder — the files each language's
// "available offline" action stores, their size, and the build id that versions the service
// worker's caches (src/lib/offline/manifest.ts).
//
//   node scripts/offline-manifest.mjs <built site dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANGS } from '../src/i18n/locales.ts';
import { offlineFiles, offlineManifest } from '../src/lib/offline/manifest.ts';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/offline-manifest.mjs <built site dir>');
  process.exit(2);
}
const started = performance.now();
const manifest = offlineManifest(site, process.env.BASE_PATH ?? '/', LANGS, ['sw.js']);
for (const [path, text] of Object.entries(offlineFiles(manifest))) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
}
const sizes = Object.values(manifest.langs).map((l) => `${l.lang} ${(l.bytes / 1e6).toFixed(1)} MB`).join(', ');
console.log(`[offline] build ${manifest.build}: ${sizes} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
