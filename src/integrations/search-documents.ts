/**
 * Astro integration: as the build starts, once the corpus is loaded, writes the search index's
 * documents (src/lib/search/documents.ts) into SEARCH_DOCS, which scripts/build.mjs sets;
 * `astro build` on its own writes none (the search index is built by the build script's index
 * step). The documents come from the corpus alone, not from the rendered pages, so they are
 * written before the pages: the index step can then run beside page rendering (when the memory
 * budget allows, scripts/build.mjs) instead of after it. It runs after the social cards' and
 * images' start (astro.config.mjs), so their processes work while this one writes. Unchanged
 * pages' documents come from the build cache (`<cacheDir>/search-documents`,
 * src/lib/search/documents-cache.ts).
 */
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { buildCodeFingerprint } from '../lib/code-fingerprint.ts';
import { bundlePages, writeSearchDocuments } from '../lib/search/documents.ts';
import { releaseFreedMemory } from '../lib/release-memory.ts';
import { PAGES_RENDERING, buildMemoryBudget, releaseBeforePages } from '../lib/search/index-memory.ts';
import { indexJobBytes } from '../lib/search/bundles-to-index.ts';
import { rendersFromCache } from '../lib/corpus/render-count.ts';
import { writeSignal } from '../lib/signal-files.ts';

export default function searchDocuments(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  return {
    name: 'briefings:search-documents',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('search-documents/', config.cacheDir));
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        const dir = process.env.SEARCH_DOCS;
        // Without an index step (no SEARCH_DOCS), as before: the memory is given back.
        let release = true;
        if (dir) {
          const started = performance.now();
          const cache = { dir: cacheDir, code: buildCodeFingerprint(root), searchCache: resolve(process.env.SEARCH_CACHE ?? '.cache/search') };
          const { bundles, reused } = writeSearchDocuments(getCorpus(), dir, bundlePages(), { cache });
          const pages = bundles.reduce((n, b) => n + b.pages, 0);
          logger.info(`wrote ${pages} documents in ${bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms (${reused ?? 0} of ${pages} unchanged, from cache)`);
          // The memory is given back only where the index step may then run beside the pages,
          // or start before them (the collection costs the pages time; index-memory.ts,
          // releaseBeforePages).
          const jobBytes = indexJobBytes(bundles, cache.searchCache);
          release = releaseBeforePages({ budget: buildMemoryBudget(), cores: availableParallelism(), documents: pages, jobBytes, fromCache: rendersFromCache() });
        }
        // The last hook of the build's start (astro.config.mjs lists this integration last):
        // the corpus is loaded and checked, the documents written, the pages not yet rendered.
        if (release) releaseFreedMemory();
        // Tells scripts/build.mjs that the pages render now (and, where the index step may run
        // beside them, that the corpus load's memory has been given back): it plans the index step
        // from here, once, knowing whether the build renders from its cache (then it may give the
        // page build a limit of pages beside the index step: render-count.ts; index-memory.ts,
        // indexPlan).
        if (dir) writeSignal(join(dir, PAGES_RENDERING), { fromCache: rendersFromCache() });
      },
    },
  };
}
