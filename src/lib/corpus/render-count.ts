/**
 * How many pages this build renders, and how many it may render beside the search index step.
 *
 * Astro's incremental build skips a page (copies its last output) when its cacheKey is the one
 * its last build recorded and the build's inputs are the same: its config (Astro's config hash),
 * its lock file and each route's code (a hash of the route's modules, their paths included), and
 * `--force` is not given. This build's inputs are taken as the same when the code fingerprint
 * (every file under src/, astro.config.mjs, package-lock.json), the resolved config and the
 * project folder are those the cache's last build recorded (build-inputs.ts): `fromCache`. Then a
 * keyed page (keyed-paths.ts) renders unless it was linked from the cache (linked-pages.ts) with
 * the key it has now; otherwise every keyed page counts as rendered. Routes without keyed paths
 * (the 404 page, the entry page, robots.txt: three pages) render on every build and are not
 * counted. Astro lists every route's paths before it generates any page, so the count is known
 * at the first page; it is compared with the keyed pages rendered at the end (finishRenderCount).
 *
 * The build script's memory plan (src/lib/search/index-memory.ts, indexPlan) may start the search
 * index step beside a build that renders from its cache before that count is known, giving the
 * page build a limit (PAGES_BESIDE_INDEX): the pages it may render while the index step runs.
 * The page build holds to it (pageMayRender): past it, it renders no page until the index step
 * is over (INDEX_DONE). So the memory plan holds even where the count is wrong: a change Astro
 * renders every page for that build-inputs.ts does not see (an Astro release hashing more of its
 * inputs), and the end says so (more pages rendered than counted).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedState } from '../shared-state.ts';
import { isWholeNumber, readSignal, signalText, writeSignal } from '../signal-files.ts';

/**
 * The file the page build writes into the search documents' folder (SEARCH_DOCS) at its end,
 * where it renders from its cache: its count, JSON `{ "pages": counted, "rendered": keyed pages
 * rendered, "waitedMs": time waiting for the index step }` (renderCountFile), for the build
 * script's note. (It was `pages-to-render` when it held the count made before the first page;
 * a file of that name an older build left is never read: nothing reads that name, and the
 * build script empties the folder as it starts.)
 */
export const RENDER_COUNT = 'render-count';

/**
 * Written by the build script into SEARCH_DOCS before it starts the index step beside the pages
 * with a limit (index-memory.ts, indexPlan): JSON `{ "pages": n }`, the pages the page build may
 * render (every page it renders counted, from its first) before the index step is over.
 */
export const PAGES_BESIDE_INDEX = 'pages-beside-index';

/** Written (empty) by the build script into SEARCH_DOCS once the index step started beside the pages has exited. */
export const INDEX_DONE = 'index-done';

interface State {
  /** Whether this build renders from the cache of a build with the same inputs. */
  fromCache: boolean;
  /** Keyed pages counted as rendering. */
  pages: number;
  /** Pages rendered so far (every page), and those of them with keyed paths. */
  rendered: number;
  renderedKeyed: number;
  /** The build script's limit beside the index step (PAGES_BESIDE_INDEX), once read. */
  limit?: number | undefined;
  /** While the pages wait for the index step: settles when it is over. */
  waiting?: Promise<void> | undefined;
  waitedMs: number;
}

// One state for every copy of this module (shared-state.ts).
const state = sharedState<State>('__briefingsRenderCount', () => ({ fromCache: false, pages: 0, rendered: 0, renderedKeyed: 0, waitedMs: 0 }));

/** Starts counting for this build (incremental-pages.ts, as the build starts). */
export function startRenderCount(fromCache: boolean): void {
  state.fromCache = fromCache;
  state.pages = 0;
  state.rendered = 0;
  state.renderedKeyed = 0;
  state.limit = undefined;
  state.waiting = undefined;
  state.waitedMs = 0;
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

/** The limit of a PAGES_BESIDE_INDEX file's text (undefined: no file); undefined when it does not say. */
export function pagesBesideIndexFile(text: string | undefined): number | undefined {
  return readSignal(text, { pages: isWholeNumber })?.pages;
}

/**
 * Whether the page about to render, the `rendered`th of this build (counted from 1), must wait
 * for the index step: it is past the build script's `limit` and the index step is not over.
 */
export const mustWait = ({ rendered, limit, indexDone }: { rendered: number; limit: number | undefined; indexDone: boolean }): boolean =>
  limit !== undefined && rendered > limit && !indexDone;

/**
 * As a page starts to render (page-deps.ts recordPage; `keyed`: its route has keyed paths):
 * counts it, and where the build script gave the page build a limit beside the index step
 * (PAGES_BESIDE_INDEX, only where it renders from its cache), settles once the page may render:
 * at once within the limit, else when the index step is over (INDEX_DONE), or the build script
 * that would say so has gone. Undefined: it may render now.
 */
export function pageMayRender(keyed: boolean): Promise<void> | undefined {
  state.rendered += 1;
  if (keyed) state.renderedKeyed += 1;
  const dir = process.env.SEARCH_DOCS;
  if (!dir || !state.fromCache) return undefined;
  if (state.limit === undefined) state.limit = pagesBesideIndexFile(signalText(join(dir, PAGES_BESIDE_INDEX)));
  if (state.waiting) return state.waiting;
  if (!mustWait({ rendered: state.rendered, limit: state.limit, indexDone: existsSync(join(dir, INDEX_DONE)) })) return undefined;
  const started = performance.now();
  const parent = process.ppid;
  state.waiting = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (!existsSync(join(dir, INDEX_DONE)) && process.ppid === parent) return;
      clearInterval(timer);
      state.waitedMs += performance.now() - started;
      state.waiting = undefined;
      // Over (or no one left to say so): no page waits again.
      state.limit = Infinity;
      resolve();
    }, 100);
  });
  return state.waiting;
}

/** This build's count at its end: keyed pages counted before the first page, those rendered, time waited for the index step. */
export interface RenderCount {
  pages: number;
  rendered: number;
  waitedMs: number;
}

/**
 * At the page build's end (incremental-pages.ts): where it renders from its cache, writes its
 * count (RENDER_COUNT) for the build script, and returns it.
 */
export function finishRenderCount(): RenderCount | undefined {
  if (!state.fromCache) return undefined;
  const count: RenderCount = { pages: state.pages, rendered: state.renderedKeyed, waitedMs: Math.round(state.waitedMs) };
  const dir = process.env.SEARCH_DOCS;
  if (dir) writeSignal(join(dir, RENDER_COUNT), count);
  return count;
}

/** A RENDER_COUNT file's count (undefined: no file); undefined when it does not say. */
export function renderCountFile(text: string | undefined): RenderCount | undefined {
  return readSignal<RenderCount>(text, { pages: isWholeNumber, rendered: isWholeNumber, waitedMs: isWholeNumber });
}
