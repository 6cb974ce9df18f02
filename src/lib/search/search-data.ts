/**
 * The search page's own data, written beside each language's (first) Pagefind bundle, in two halves: the
 * page build, which has the corpus, writes its input (searchDataInput, through documents.ts); the
 * index step, which never loads the corpus, completes it with Pagefind's page ids
 * (writeSearchData). What the page gets:
 * - `search-data.json`: the name table (names.ts) the page analyses queries with, and every
 *   topic: its names as analysed tokens (to tell when a query names it), its page's Pagefind id,
 *   kind and how many briefings and sources mention it (for the lead result);
 * - `topic/<id>.json`: the Pagefind ids of the pages about or mentioning a topic, for the topic
 *   filter, which the page applies itself instead of asking Pagefind to (see filter-values.ts).
 * Page ids are read back from the bundle's fragments, so they match the index exactly.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { routes } from '../urls.ts';
import type { Analyzer } from './analyze.ts';
import type { NameTable } from './names.ts';
import { SEARCH_DATA_FILE, TOPIC_LIST_DIR, type SearchData, type SearchTopic } from './data.ts';
import type { RecordType } from './records.ts';
import { topicNames } from './aliases.ts';

export interface IndexedPage {
  url: string;
  type: RecordType;
  /** Topics the page is about, mentions or is tagged with (the topic filter's pages). */
  topics: string[];
  /** Topics its text names (a briefing: also those it links), for the lead result's counts. */
  mentions: string[];
}

/**
 * Pagefind's `maxFragments` for a language of this many pages: how many files its result data is
 * bundled into. Bundling saves requests only while a first search's dozen or so results fall in
 * fewer files than that, which holds for a small site only: measured (`npm run bench:search --
 * --fragments`, /ar/, eight first queries), this site's 75 pages take 17.4 requests and 175 KB
 * unbundled, 10.0 requests and 187 KB at 8 pages a file; at 5,000 sources (10,065 pages) every
 * bundling still takes 20 requests, and 8 pages a file turns 351 KB into 837 KB. So pages are
 * bundled 8 to a file while that makes at most MAX_BUNDLES files, and not at all beyond.
 */
export function fragmentFiles(pages: number, pagesPerFile = PAGES_PER_FRAGMENT_FILE): number {
  const bundles = Math.max(1, Math.ceil(pages / pagesPerFile));
  return bundles <= MAX_BUNDLES || pagesPerFile !== PAGES_PER_FRAGMENT_FILE ? bundles : pages;
}
export const PAGES_PER_FRAGMENT_FILE = 8;
export const MAX_BUNDLES = 16;

/** URL → Pagefind page id, read from a written bundle (single or grouped fragment files). */
export function readPageIds(bundleDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundleDir, 'fragment');
  for (const file of readdirSync(dir)) for (const [url, id] of fragmentFileUrls(join(dir, file))) ids.set(url, id);
  return ids;
}

/** The pages of one fragment file (a page's own, or a group's): [URL, page id] each. */
function fragmentFileUrls(path: string): [url: string, id: string][] {
  const raw = gunzipSync(readFileSync(path));
  const json = JSON.parse(raw.subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, unknown>;
  if (typeof json.url === 'string') return [[json.url, basename(path).replace(/\.pf_fragment$/, '')]];
  return Object.entries(json as Record<string, { url: string }>).map(([id, fragment]) => [fragment.url, id]);
}

/**
 * Where each of `pages` (Pagefind ids) has its fragment, as a path relative to the first of the
 * language's `bundles`: only those not at `fragment/<id>.pf_fragment` there. A file of its own is
 * found by name; only a bundle whose pages are bundled several to a file (a small site: at most
 * MAX_BUNDLES files) has its files read to find the others.
 */
export function pageFragmentFiles(pagefindDir: string, bundles: string[], pages: string[]): Map<string, string> {
  const out = new Map<string, string>();
  let left = [...new Set(pages)];
  for (const [k, name] of bundles.entries()) {
    const dir = join(pagefindDir, name, 'fragment');
    const prefix = k === 0 ? 'fragment/' : `../${name}/fragment/`;
    left = left.filter((id) => {
      if (!existsSync(join(dir, `${id}.pf_fragment`))) return true;
      if (k > 0) out.set(id, `${prefix}${id}.pf_fragment`);
      return false;
    });
    if (!left.length) break;
    // Grouped files are at most MAX_BUNDLES; a bundle of a file per page was searched by name.
    const files = readdirSync(dir);
    if (files.length > MAX_BUNDLES) continue;
    for (const file of files) {
      const ids = new Set(fragmentFileUrls(join(dir, file)).map(([, id]) => id));
      for (const id of left) if (ids.has(id)) out.set(id, `${prefix}${file}`);
    }
    left = left.filter((id) => !out.has(id));
    if (!left.length) break;
  }
  return out;
}

/** What the page build knows of a bundle's search data: everything but Pagefind's page ids. */
export interface SearchDataInput {
  names: NameTable;
  topics: Omit<SearchTopic, 'page'>[];
  /** Every topic id, for one page list each (empty lists included). */
  topicIds: string[];
  pages: IndexedPage[];
}

export function searchDataInput(corpus: Corpus, lang: Lang, pages: IndexedPage[], table: NameTable, analyzer: Analyzer): SearchDataInput {
  const mentioning = new Map<string, IndexedPage[]>();
  // Appended in place: a copy of a topic's list for each page mentioning it grew with the square of its pages.
  for (const page of pages) {
    for (const topic of page.mentions) {
      const list = mentioning.get(topic);
      if (list) list.push(page);
      else mentioning.set(topic, [page]);
    }
  }
  const topics = topicNames(corpus).map((n) => {
    const record = corpus.topics.get(n.id)!.record;
    const mentions = mentioning.get(n.id) ?? [];
    return {
      id: n.id,
      name: record.name[lang],
      kind: record.kind,
      url: routes.topic(lang, n.id),
      briefings: mentions.filter((p) => p.type === 'briefing').length,
      sources: mentions.filter((p) => p.type === 'source').length,
      names: [...new Map(n.all.map((name) => analyzer.queryTerms(name)).filter((t) => t.length).map((t) => [t.join(' '), t])).values()],
    };
  });
  return { names: table, topics, topicIds: [...corpus.topics.keys()], pages };
}

/**
 * Completes a language's search data with the page ids of its written Pagefind bundles
 * (`<pagefindDir>/<name>/`, the first one the language's own) and writes it into the first: the
 * topics' pages and the topic filter's lists span every bundle, and `merge` names the bundles
 * the search page merges into the first (none when the language is one bundle). `ids`: the
 * bundles' page ids by URL, read from their fragments unless given (write-index.ts keeps each
 * bundle's in the search cache: reading them all again took 0.9–2.5 s for 4,130 fragment files
 * at 1,000 sources, for one bundle changed).
 */
export function writeSearchData(input: SearchDataInput, pagefindDir: string, bundles: string[], ids = new Map(bundles.flatMap((name) => [...readPageIds(join(pagefindDir, name))]))): void {
  const [first, ...others] = bundles;
  if (!first) throw new Error('a language without a search bundle');
  const id = (url: string) => {
    const found = ids.get(url);
    if (!found) throw new Error(`the search index has no page ${url}`);
    return found;
  };
  const bundleDir = join(pagefindDir, first);
  const byTopic = new Map<string, IndexedPage[]>();
  // Appended in place: copying a topic's list for each of its pages grew with the square of it.
  for (const page of input.pages) {
    for (const topic of page.topics) {
      const list = byTopic.get(topic);
      if (list) list.push(page);
      else byTopic.set(topic, [page]);
    }
  }
  const pageIds = input.topics.map((t) => id(t.url));
  const files = pageFragmentFiles(pagefindDir, bundles, pageIds);
  const topics: SearchTopic[] = input.topics.map((t, k) => {
    const file = files.get(pageIds[k]!);
    return { ...t, page: pageIds[k]!, ...(file ? { fragment: file } : {}) };
  });
  const meta = readdirSync(bundleDir).find((f) => f.endsWith('.pf_meta'));
  if (!meta) throw new Error(`no Pagefind metadata in ${bundleDir}`);
  const data: SearchData = { names: input.names, topics, meta, ...(others.length ? { merge: others } : {}) };
  // The bundle's files are hard links shared with the search index cache (write-index.ts): a new file, never one written in place.
  rmSync(join(bundleDir, SEARCH_DATA_FILE), { force: true });
  writeFileSync(join(bundleDir, SEARCH_DATA_FILE), JSON.stringify(data));
  const listDir = join(bundleDir, TOPIC_LIST_DIR);
  rmSync(listDir, { recursive: true, force: true });
  mkdirSync(listDir, { recursive: true });
  for (const topic of input.topicIds) {
    const list = (byTopic.get(topic) ?? []).map((p) => id(p.url)).sort();
    writeFileSync(join(listDir, `${topic}.json`), JSON.stringify(list));
  }
}
