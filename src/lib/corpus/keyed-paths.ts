/**
 * Gives every path of a route its incremental-build cacheKey (page-deps.ts): wrap a route's
 * getStaticPaths in `keyed`. A route without it is simply rendered on every build.
 */
import type { GetStaticPathsOptions } from 'astro';
import { LANGS } from '../../i18n/locales.ts';
import { getCorpus } from './index.ts';
import { pageCacheKey, pageKey } from './page-deps.ts';

type Paths = { params: Record<string, string | number | undefined>; props?: Record<string, unknown> }[];

export function keyed<T extends Paths>(getStaticPaths: (options: GetStaticPathsOptions) => T): (options: GetStaticPathsOptions) => (T[number] & { cacheKey: string })[] {
  return (options) => {
    const corpus = getCorpus();
    return getStaticPaths(options).map((item) => ({ ...item, cacheKey: pageCacheKey(corpus, pageKey(options.routePattern, item.params)) }));
  };
}

/** `{ lang, id }` for every source in both languages: source pages and their preview documents. */
export const sourcePaths = keyed(() => {
  const ids = [...getCorpus().sources.keys()];
  return LANGS.flatMap((lang) => ids.map((id) => ({ params: { lang, id } })));
});

/** `{ lang, id }` for every briefing of each language: briefing pages and their print stylesheets. */
export const briefingPaths = keyed(() => {
  const corpus = getCorpus();
  return LANGS.flatMap((lang) => corpus.briefings[lang].map((b) => ({ params: { lang, id: b.id } })));
});
