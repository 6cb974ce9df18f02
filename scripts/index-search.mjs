#!/usr/bin/env node
// Second step of `npm run build` (scripts/build.mjs runs it after `astro build` has exited):
// writes the Pagefind search index into a built site. It runs as its own process so that the
// indexer's memory never adds to the page build's (see src/lib/search/write-index.ts).
// A language whose documents have not changed since the last build is copied from the cache
// (.cache/search, or SEARCH_CACHE).
//
//   node scripts/index-search.mjs <built site dir>
import { resolve } from 'node:path';
import { getCorpus } from '../src/lib/corpus/index.ts';
import { ContentError } from '../src/lib/problems.ts';
import { writeSearchIndexes } from '../src/lib/search/write-index.ts';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/index-search.mjs <built site dir>');
  process.exit(2);
}
const started = performance.now();
try {
  const done = await writeSearchIndexes(getCorpus(), site, resolve(process.env.SEARCH_CACHE ?? '.cache/search'));
  const pages = done.reduce((n, l) => n + l.pages, 0);
  const parts = done.map((l) => `${l.lang} ${l.pages} in ${(l.ms / 1000).toFixed(1)} s${l.fromCache ? ', unchanged: from cache' : ''}`).join(', ');
  console.log(`[search-index] indexed ${pages} pages (${parts}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exit(1);
}
