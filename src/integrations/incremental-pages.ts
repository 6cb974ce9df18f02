/**
 * Astro integration: incremental page builds (src/lib/corpus/page-deps.ts). With Astro's
 * `experimental.incrementalBuild` on, a build loads what each page read from the corpus in the
 * last build (kept in Astro's cacheDir) before the pages are generated, and saves this build's
 * after. The dev server records nothing.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { savePageDeps, startPageDeps } from '../lib/corpus/page-deps.ts';

export default function incrementalPages(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'briefings:incremental-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.experimental.incrementalBuild ? config.cacheDir : undefined;
      },
      'astro:build:start': () => {
        if (cacheDir) startPageDeps(fileURLToPath(new URL('briefings-page-reads.json', cacheDir)));
      },
      'astro:build:done': () => {
        if (cacheDir) savePageDeps(getCorpus(), fileURLToPath(new URL('incremental-build.json', cacheDir)));
      },
    },
  };
}
