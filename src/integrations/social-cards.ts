/**
 * Astro integration: renders the social cards (src/lib/cards/) after the pages are built,
 * reusing cached cards whose content has not changed (cache: .cache/cards, or CARDS_CACHE).
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCorpus } from '../lib/corpus/index.ts';
import { buildCards } from '../lib/cards/build.ts';
import { cardSpecs } from '../lib/cards/specs.ts';

export default function socialCards(): AstroIntegration {
  return {
    name: 'briefings:cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const run = await buildCards(cardSpecs(getCorpus()), fileURLToPath(dir), resolve(process.env.CARDS_CACHE ?? '.cache/cards'));
        logger.info(`rendered ${run.rendered} cards in ${run.ms} ms (${run.cached} of ${run.total} from cache)`);
      },
    },
  };
}
