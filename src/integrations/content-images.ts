/** Astro integration: writes the responsive variants of images used in content (src/lib/images/). */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../i18n/locales.ts';
import { getCorpus } from '../lib/corpus/index.ts';
import { writeImages } from '../lib/images/write.ts';

export default function contentImages(): AstroIntegration {
  return {
    name: 'briefings:images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const corpus = getCorpus();
        const jobs = LANGS.flatMap((lang) => corpus.briefings[lang].flatMap((b) => b.images));
        if (!jobs.length) return;
        const run = await writeImages(jobs, fileURLToPath(dir), resolve(process.env.IMAGES_CACHE ?? '.cache/images'));
        logger.info(`${run.written} image files encoded, ${run.cached} from cache`);
      },
    },
  };
}
