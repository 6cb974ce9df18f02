/**
 * Astro integration: writes the responsive variants of images used in content (src/lib/images/).
 * Encoding starts with the build (the corpus says which images pages use), beside page
 * rendering; the variants are copied into the site when the pages are done.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../i18n/locales.ts';
import { getCorpus } from '../lib/corpus/index.ts';
import { startImages } from '../lib/images/write.ts';

export default function contentImages(): AstroIntegration {
  let started: ReturnType<typeof startImages> | undefined;
  const start = () => {
    const corpus = getCorpus();
    return startImages(LANGS.flatMap((lang) => corpus.briefings[lang].flatMap((b) => b.images)), resolve(process.env.IMAGES_CACHE ?? '.cache/images'));
  };
  return {
    name: 'briefings:images',
    hooks: {
      'astro:build:start': () => {
        started = start();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const images = started ?? start();
        const run = await images.done;
        if (run.written + run.cached === 0) return;
        images.copy(fileURLToPath(dir));
        logger.info(`${run.written} image files encoded, ${run.cached} from cache`);
      },
    },
  };
}
