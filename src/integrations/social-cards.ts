/**
 * Astro integration: social cards (src/lib/cards/). Rendering starts as soon as the build starts
 * (the cards need only the corpus) in a process of its own, so it runs beside page rendering;
 * when the pages are done the cards are copied into the site. Cards whose content has not
 * changed come from the cache (.cache/cards, or CARDS_CACHE). With CARDS_DONE_FILE set (by
 * scripts/build.mjs), that file is written once the rendering is over.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { startCards, type StartedCards } from '../lib/cards/build.ts';
import { cardSpecs } from '../lib/cards/specs.ts';
import { setConfiguredBase } from '../lib/urls.ts';

export default function socialCards(): AstroIntegration {
  let started: StartedCards | undefined;
  return {
    name: 'briefings:cards',
    hooks: {
      // The corpus is loaded here, before the pages: its links need the site's base.
      'astro:config:done': ({ config }) => setConfiguredBase(config.base),
      'astro:build:start': () => {
        started = startCards(cardSpecs(getCorpus()), resolve(process.env.CARDS_CACHE ?? '.cache/cards'));
        // scripts/build.mjs plans the search index step around the cards' process (a third busy
        // process on two cores): this file tells it the process is over.
        const done = process.env.CARDS_DONE_FILE;
        if (done)
          void started.rendered.then(() => {
            // Its folder is the output's parent, which a first build into a new folder has not made yet.
            mkdirSync(dirname(done), { recursive: true });
            writeFileSync(done, '');
          });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const run = await (started ?? startCards(cardSpecs(getCorpus()), resolve(process.env.CARDS_CACHE ?? '.cache/cards'))).finish(fileURLToPath(dir));
        logger.info(`rendered ${run.rendered} cards in ${run.ms} ms, ${run.cpuMs} ms CPU (${run.cached} of ${run.total} from cache)`);
      },
    },
  };
}
