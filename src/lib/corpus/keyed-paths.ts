/**
 * Gives every path of a route its incremental-build cacheKey (page-deps.ts): wrap a route's
 * getStaticPaths in `keyed`. A route without it is simply rendered on every build.
 */
import type { GetStaticPathsOptions } from 'astro';
import { getCorpus } from './index.ts';
import { pageCacheKey, pageKey } from './page-deps.ts';

type Paths = { params: Record<string, string | number | undefined>; props?: Record<string, unknown> }[];

export function keyed<T extends Paths>(getStaticPaths: (options: GetStaticPathsOptions) => T): (options: GetStaticPathsOptions) => (T[number] & { cacheKey: string })[] {
  return (options) => {
    const corpus = getCorpus();
    return getStaticPaths(options).map((item) => ({ ...item, cacheKey: pageCacheKey(corpus, pageKey(options.routePattern, item.params)) }));
  };
}
