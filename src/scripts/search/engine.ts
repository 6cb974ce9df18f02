/**
 * The search engine as the page uses it: Pagefind (its script, WebAssembly and index, loaded on
 * first use) plus the page's own data beside the bundle (names and topics, src/lib/search/data.ts)
 * and the per-topic page lists of the topic filter, fetched when a topic is chosen. A large
 * language's index is several bundles (src/lib/search/documents.ts); the data names the others,
 * and Pagefind merges them into the first (mergeIndex), so one search covers them all.
 */
import { createAnalyzer, type Analyzer } from '../../lib/search/analyze.ts';
import { SEARCH_DATA_FILE, TOPIC_LIST_DIR, type SearchData } from '../../lib/search/data.ts';
import { findFallbacks } from '../../lib/search/prefix-fallback.ts';
import { promiseMemo } from '../../lib/search/promise-memo.ts';
import type { PageData } from '../../lib/search/index-document.ts';
import { config } from './config.ts';
import { fetchAhead } from './fetch-ahead.ts';
import { inflatingFetch } from './inflate.ts';
import { yieldToBrowser } from './slices.ts';

interface Fragment {
  url: string;
  meta: Record<string, string>;
  locations: number[];
}
interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matching words. */
  words: number[];
  data(): Promise<Fragment>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  preload(q: string, o?: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

export interface Hit {
  id: string;
  score: number;
  result: PagefindResult;
}

export interface LoadedPage {
  url: string;
  data: PageData;
  positions: number[];
}

export type Filters = Record<string, string>;

export interface Engine {
  data: SearchData;
  analyzer: Analyzer;
  /** Pages matching every term; `phrase` for pages holding them as one phrase. */
  search(terms: string[], filters: Filters, phrase?: boolean): Promise<Hit[]>;
  /**
   * The terms no page has: no word starts with them, and the shorter word Pagefind would fall
   * back to cannot stand for them (src/lib/search/prefix-fallback.ts). Pagefind leaves a word it
   * does not hold out of a search, so these are left out of it, and the results say so.
   */
  absent(terms: string[]): Promise<string[]>;
  preload(terms: string[]): void;
  /** The display data of a hit (Pagefind fetches its fragment file once). */
  load(hit: Hit): Promise<LoadedPage>;
  /** The ids of the pages about or mentioning a topic. */
  topicPages(topic: string): Promise<Set<string>>;
}

/**
 * Pagefind's BM25 settings. Source texts are long and topic pages short; the default length
 * normalisation (0.75) buried the source paragraph that says a thing under short pages that
 * name it once. The title boost is off: titles are indexed as the page's first words, weighted
 * like a heading, and a topic page's title is a name that rank.ts handles as the lead result.
 */
const RANKING = { pageLength: 0.4, metaWeights: { title: 0 } };
/** Every bundle's options (a merged bundle takes no worker option: it runs where the first does). */
const OPTIONS = { baseUrl: config.base, excerptLength: 0, ranking: RANKING };

let engine: Promise<Engine> | undefined;

// Pagefind fetches with the page's fetch: its files reach it inflated by the browser (inflate.ts),
// and a file the page fetched ahead of it (the lead topic's fragment: early-lead.ts) from those bytes.
const fetching = fetchAhead(inflatingFetch(globalThis.fetch.bind(globalThis), location.href), location.href);
globalThis.fetch = fetching.fetch;
/** Fetches one of Pagefind's files (inflated) before Pagefind asks for it; Pagefind then gets these bytes. */
export const fetchFileAhead = fetching.ahead;

/**
 * Pagefind fetches its script, then its entry, then its metadata and WebAssembly: three round
 * trips in a row. None of them waits for another here (preloads, which Pagefind's own fetches
 * then take from the memory cache whatever the host's cache headers say): its script, its
 * WebAssembly and our data are preloaded by the page's head (SearchView.astro); the entry's
 * address is Pagefind's own, with a tag we choose (metaCacheTag) where Pagefind would put the
 * time, so it stays as fresh as Pagefind keeps it (a new address on every page load, never from a
 * cache), preloaded as this script starts; the metadata's name is in our data, preloaded as soon
 * as that arrives.
 */
function preload(href: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}

let ours: Promise<OwnData> | undefined;

/** Our search data and the analyzer it makes, fetched once (preloaded by the page's head). */
export interface OwnData {
  data: SearchData;
  analyzer: Analyzer;
}

/** Our search data (src/lib/search/data.ts), which needs no Pagefind: the lead topic is known from it (early-lead.ts). */
export function loadData(): Promise<OwnData> {
  ours ??= fetchJson<SearchData>(`${config.bundle}${SEARCH_DATA_FILE}`).then((data) => {
    // Unless Pagefind has fetched it already (on a fast network it may have).
    const meta = new URL(`${config.bundle}${data.meta}`, location.href).href;
    if (!performance.getEntriesByName(meta).length) preload(meta);
    return { data, analyzer: createAnalyzer(data.names) };
  });
  ours.catch(() => (ours = undefined));
  return ours;
}

export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const metaCacheTag = String(Date.now());
    preload(`${config.bundle}pagefind-entry.json?ts=${metaCacheTag}`);
    const [pf, { data, analyzer }] = await Promise.all([
      (async () => {
        const pf = (await import(/* @vite-ignore */ `${config.bundle}pagefind.js`)) as Pagefind;
        // No worker: one request less, and the work per search is small.
        await pf.options({ ...OPTIONS, bundlePath: config.bundle, noWorker: true, metaCacheTag });
        await pf.init();
        return pf;
      })(),
      loadData(),
    ]);
    // Pagefind's options() reaches the first bundle only: each merged one gets them itself.
    // Their scores are their own bundle's BM25, which the hash split keeps comparable.
    const merged = (data.merge ?? []).map((name) => new URL(`../${name}/`, new URL(config.bundle, location.href)).pathname);
    for (const path of merged) preload(`${path}pagefind-entry.json?ts=${metaCacheTag}`);
    await Promise.all(merged.map((path) => pf.mergeIndex(path, { ...OPTIONS, metaCacheTag })));
    // Per hit, not per page: match positions belong to one search.
    const pages = new WeakMap<Hit, Promise<LoadedPage>>();
    const lists = new Map<string, Promise<Set<string>>>();
    /**
     * Pagefind's search loads the query's index chunks, then searches, in the task in which the
     * last chunk arrives: the chunk read into the WebAssembly's index and the search with the
     * functions it calls first compiled (lazily, on first call), 23–68 ms in one task on the
     * build machine's Chromium for the first search. Its preload is the same up to the search
     * (the chunks loaded, cached by name); so the chunks are loaded first, the browser gets the
     * main thread back, and the search, which then finds them loaded, runs in a task of its own.
     */
    const searchInTwoTasks = async (q: string, options?: Record<string, unknown>) => {
      await pf.preload(q, options);
      await yieldToBrowser();
      return pf.search(q, options);
    };
    /**
     * A language of several bundles answers as its one bundle would (none of this when it is one
     * bundle: that is the answer). Pagefind searches each bundle on its own, so a bundle may answer
     * a word as the whole language would not: it leaves out of a search a word it does not hold
     * (answering with pages that have the others), and when it holds no word starting with the
     * query word it falls back to a shorter word that the query word starts with
     * (src/lib/search/prefix-fallback.ts). So a page must be one of each word's one-bundle matches
     * (each word's looked up once; a word no page has constrains nothing, as in one bundle).
     */
    // One Pagefind search a query text: a one-word query's own search is also the first of the
    // searches its word's one-bundle matches need (and a quoted one-word query the second).
    const searchAll = promiseMemo((q: string) => searchInTwoTasks(q), 64);
    const matchesOf = async (q: string) => new Map(((await searchAll(q))?.results ?? []).map((r) => [r.id, r.words] as const));
    const oneBundle = promiseMemo((word: string) => findFallbacks(word, matchesOf, !data.merge?.length).then((split) => split.extended), 64);
    const asOneBundle = async (terms: string[]): Promise<((id: string) => boolean) | undefined> => {
      if (!data.merge?.length || !terms.length) return undefined;
      const held = (await Promise.all(terms.map(oneBundle))).filter((pages) => pages.size > 0);
      return (id) => held.every((pages) => pages.has(id));
    };
    const pfFilters = (filters: Filters) => Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && k !== 'topic'));
    return {
      data,
      analyzer,
      async search(terms, filters, phrase = false) {
        const q = phrase ? `"${terms.join(' ')}"` : terms.join(' ');
        const only = pfFilters(filters);
        const [found, keep] = await Promise.all([Object.keys(only).length ? searchInTwoTasks(q, { filters: only }) : searchAll(q), asOneBundle(terms)]);
        return (found?.results ?? []).filter((result) => !keep || keep(result.id)).map((result) => ({ id: result.id, score: result.score, result }));
      },
      async absent(terms) {
        const held = await Promise.all(terms.map(oneBundle));
        return terms.filter((_, i) => held[i]!.size === 0);
      },
      preload(terms) {
        if (terms.length) void pf.preload(terms.join(' ')).catch(() => undefined);
      },
      load(hit) {
        let page = pages.get(hit);
        if (!page) {
          page = hit.result.data().then((f) => ({ url: f.url, data: JSON.parse(f.meta.d ?? '') as PageData, positions: f.locations }));
          pages.set(hit, page);
        }
        return page;
      },
      topicPages(topic) {
        let list = lists.get(topic);
        if (!list) {
          list = fetchJson<string[]>(`${config.bundle}${TOPIC_LIST_DIR}/${encodeURIComponent(topic)}.json`).then((ids) => new Set(ids));
          lists.set(topic, list);
        }
        return list;
      },
    } satisfies Engine;
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return (await res.json()) as T;
}
