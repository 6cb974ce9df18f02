/**
 * Astro integration: when the pages are built, writes the search index's documents
 * (src/lib/search/documents.ts) into SEARCH_DOCS, which scripts/build.mjs sets; `astro build`
 * on its own writes none (the search index is built by the build script's index step). It runs
 * while the social cards are still rendering in their own process, and the index step can
 * start as soon as the documents are there.
 */
import type { AstroIntegration } from 'astro';
import { getCorpus } from '../lib/corpus/index.ts';
import { bundlePages, writeSearchDocuments } from '../lib/search/documents.ts';

export default function searchDocuments(): AstroIntegration {
  return {
    name: 'briefings:search-documents',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const dir = process.env.SEARCH_DOCS;
        if (!dir) return;
        const started = performance.now();
        const { bundles } = writeSearchDocuments(getCorpus(), dir, bundlePages());
        logger.info(`wrote ${bundles.reduce((n, b) => n + b.pages, 0)} documents in ${bundles.length} bundle(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
