/**
 * Gives every path of a route its incremental-build cacheKey (page-deps.ts): wrap a route's
 * getStaticPaths in `keyed`. A route without it is simply rendered on every build.
 */
import type { GetStaticPathsOptions } from 'astro';
import { LANGS } from '../../i18n/locales.ts';
import { getCorpus } from './index.ts';
import { cachedPagesLinked, linkedKey } from './linked-pages.ts';
import { astroPathname, pageCacheKey, pageKey } from './page-deps.ts';
import { countPaths } from './render-count.ts';

type Paths = { params: Record<string, string | number | undefined>; props?: Record<string, unknown> }[];

/**
 * Each keyed route's pages that will render are counted (render-count.ts).
 *
 * The keyed paths settle once the last build's pages are linked into the output folder
 * (linked-pages.ts startLinkingCachedPages, started with the build): Astro generates no page
 * before every route's paths are known, and a skipped page must be in place by then.
 */
export function keyed<T extends Paths>(getStaticPaths: (options: GetStaticPathsOptions) => T): (options: GetStaticPathsOptions) => Promise<(T[number] & { cacheKey: string })[]> {
  return async (options) => {
    const corpus = getCorpus();
    const keys = getStaticPaths(options).map((item) => [item, pageKey(options.routePattern, item.params)] as const);
    const paths = keys.map(([item, key]) => ({ ...item, cacheKey: pageCacheKey(corpus, key) }));
    await cachedPagesLinked();
    // The pages that will render, for the build script's memory plan (render-count.ts).
    countPaths(keys.map(([, key], i) => ({ pathname: astroPathname(key), cacheKey: paths[i]!.cacheKey })), linkedKey);
    return paths;
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
