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
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { buildCodeFingerprint } from '../lib/code-fingerprint.ts';
import { bundlePages, writeSearchDocuments } from '../lib/search/documents.ts';
import { releaseFreedMemory } from '../lib/release-memory.ts';
import { PAGES_RENDERING } from '../lib/search/index-memory.ts';

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
        if (dir) {
          const started = performance.now();
          const cache = { dir: cacheDir, code: buildCodeFingerprint(root), searchCache: resolve(process.env.SEARCH_CACHE ?? '.cache/search') };
          const { bundles, reused } = writeSearchDocuments(getCorpus(), dir, bundlePages(), { cache });
          const pages = bundles.reduce((n, b) => n + b.pages, 0);
          logger.info(`wrote ${pages} documents in ${bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms (${reused ?? 0} of ${pages} unchanged, from cache)`);
        }
        // The last hook of the build's start (astro.config.mjs lists this integration last):
        // the corpus is loaded and checked, the documents written, the pages not yet rendered.
        releaseFreedMemory();
        // Tells scripts/build.mjs that the page build's memory is now what rendering needs (the
        // corpus load's peak is behind it): the index step may be planned beside it from here.
        if (dir) writeFileSync(join(dir, PAGES_RENDERING), '');
      },
    },
  };
}
