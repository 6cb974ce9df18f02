/**
 * How many pages this build renders, known before the first one renders, for the build script's
 * memory plan (src/lib/search/index-memory.ts, indexBeforePages): an edit renders a few dozen
 * pages of 34,000 at 5,000 sources, and the search index step can run beside so few.
 *
 * Astro's incremental build skips a page (copies its last output) when its cacheKey is the one
 * its last build recorded and the build's inputs are the same: its config (Astro's config hash),
 * its lock file and each route's code (a hash of the route's modules, their paths included), and
 * `--force` is not given. This build's inputs are taken as the same when the code fingerprint
 * (every file under src/, astro.config.mjs, package-lock.json), Astro's config hash and the
 * project folder are those the cache's last build recorded (build-inputs.ts). Then a keyed page
 * (keyed-paths.ts) renders unless it was linked from the cache (linked-pages.ts) with the key it
 * has now; otherwise every keyed page counts as rendered. Routes
 * without keyed paths (the 404 page, the entry page, robots.txt: three pages) render on every
 * build and are not counted (index-memory.ts, PAGE_BUILD_AFTER_PAGES_BYTES, has them).
 *
 * The count is written (PAGES_TO_RENDER, into SEARCH_DOCS) as the first page renders: Astro lists
 * every route's paths before it generates any page, so every keyed path is counted by then.
 */
import { join } from 'node:path';
import { writeFileReplacing } from '../link-files.ts';
import { sharedState } from '../shared-state.ts';

/**
 * The file the page build writes into the search documents' folder (SEARCH_DOCS) as its first
 * page renders: JSON `{ "pages": n }` (src/lib/search/index-memory.ts, pagesToRenderFile). Kept
 * here, not beside the memory figures: this module is part of every page's code, and a change of
 * those figures must not make every page render again.
 */
export const PAGES_TO_RENDER = 'pages-to-render';

interface State {
  /** Whether this build renders from the cache of a build with the same inputs. */
  fromCache: boolean;
  /** Keyed pages counted as rendering. */
  pages: number;
  announced: boolean;
}

// One state for every copy of this module (shared-state.ts).
const state = sharedState<State>('__briefingsRenderCount', () => ({ fromCache: false, pages: 0, announced: false }));

/** Starts counting for this build (incremental-pages.ts, as the build starts). */
export function startRenderCount(fromCache: boolean): void {
  state.fromCache = fromCache;
  state.pages = 0;
  state.announced = false;
}

/** Whether this build renders from the cache of a build with the same inputs (see startRenderCount). */
export const rendersFromCache = (): boolean => state.fromCache;

/**
 * How many of `paths` render: those whose key is not the key they were linked with
 * (`linkedKey`: undefined for a page not linked from the cache), or all when the build's inputs
 * are not the cache's (`fromCache` false).
 */
export function pagesToRender(paths: readonly { pathname: string; cacheKey: string }[], fromCache: boolean, linkedKey: (pathname: string) => string | undefined): number {
  if (!fromCache) return paths.length;
  let pages = 0;
  for (const { pathname, cacheKey } of paths) if (linkedKey(pathname) !== cacheKey) pages++;
  return pages;
}

/** Counts a route's keyed paths (keyed-paths.ts), once they are linked. */
export function countPaths(paths: readonly { pathname: string; cacheKey: string }[], linkedKey: (pathname: string) => string | undefined): void {
  state.pages += pagesToRender(paths, state.fromCache, linkedKey);
}

/**
 * As a page starts to render (page-deps.ts recordPage): the first time, where the build script
 * waits for it (SEARCH_DOCS set, the build rendering from its cache), says how many pages render.
 */
export function announceRendering(): void {
  if (state.announced) return;
  state.announced = true;
  const dir = process.env.SEARCH_DOCS;
  // Whole or not at all (renamed into place): the build script reads it as soon as it is there.
  if (dir && state.fromCache) writeFileReplacing(join(dir, PAGES_TO_RENDER), JSON.stringify({ pages: state.pages }));
}
