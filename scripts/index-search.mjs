#!/usr/bin/env node
// Second step of `npm run build` (scripts/build.mjs): builds the Pagefind search index of a built
// site from the documents the page build wrote (src/lib/search/documents.ts), one bundle at a
// time (src/lib/search/write-index.ts). It never loads the corpus. A bundle whose documents have
// not changed since the last build is copied from the cache (.cache/search, or SEARCH_CACHE).
//
//   node scripts/index-search.mjs <built site dir> <documents dir>
import { resolve } from 'node:path';
import { writeSearchIndexes } from '../src/lib/search/write-index.ts';

const [site, docs] = process.argv.slice(2);
if (!site || !docs) {
  console.error('usage: node scripts/index-search.mjs <built site dir> <documents dir>');
  process.exit(2);
}
const started = performance.now();
try {
  const done = await writeSearchIndexes(docs, site, resolve(process.env.SEARCH_CACHE ?? '.cache/search'));
  const pages = done.reduce((n, b) => n + b.pages, 0);
  const parts = done.map((b) => `${b.name} ${b.pages} in ${(b.ms / 1000).toFixed(1)} s${b.fromCache ? ', unchanged: from cache' : ''}`).join(', ');
  console.log(`[search-index] indexed ${pages} pages (${parts}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error);
  process.exit(1);
}
