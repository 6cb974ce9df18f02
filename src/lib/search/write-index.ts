/**
 * Builds the Pagefind bundles of a built site from the documents the page build wrote
 * (documents.ts): each bundle in `<site>/pagefind/<bundle>/`. Bundles are indexed `jobs` at a
 * time (SEARCH_INDEX_JOBS, default 1), each by a Pagefind process of its own that ends with it
 * (index-bundle.ts): one Pagefind process works on one core whatever it holds, so bundles indexed
 * side by side get a thread each (index-worker.ts), and at most `jobs` bundles' indexes are ever
 * in memory; the build script allows more than one only where the memory budget holds them. Each
 * bundle's files are the same whichever thread indexed it. Nothing here loads the corpus.
 *
 * A bundle whose key (its documents, its maxFragments and the Pagefind version) is the one in
 * the cache (`.cache/search`, or SEARCH_CACHE) is taken from there, as hard links (link-files.ts;
 * a bundle just indexed goes into the cache the same way): Pagefind cannot update an index, so an
 * edit re-indexes its own bundle only. No file of a bundle is written in place afterwards.
 *
 * Beside each cached bundle, its page ids by URL (`ids.json`, taken from its fragments as they
 * are stripped, when it is indexed): the search page's data needs every bundle's, and reading
 * them again from all the fragments took 0.9–2.5 s for 4,130 files at 1,000 sources (measured);
 * at 5,000 sources, 20,130 files, where a one-edit build's index step spent 6.1 s outside its one
 * re-indexed bundle. A cache entry without them (written by an earlier version) is read from its
 * fragments.
 *
 * Each bundle's fragments lose the page text Pagefind keeps in them and get the display data it
 * is not given (strip-fragments.ts) as soon as it is written, before it goes into the cache; the
 * key names that form (FRAGMENT_FORM). Beside each cached bundle, its fragment files' hashes
 * (`fragments.json`): when the bundle is indexed again (an edit changed one of its pages), its
 * unchanged fragment files are linked from the cached bundle instead of compressed again.
 *
 * Beside a language's first bundle, the search page's own data (search-data.ts) for all of the
 * language's bundles: the page build wrote its input; here it gets the page ids Pagefind gave,
 * and the names of the language's other bundles, which the search page merges into the first.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../i18n/index.ts';
import { MANIFEST, dataInputFile, type BundleEntry, type DocumentsManifest } from './documents.ts';
import { readPageIds, writeSearchData, type SearchDataInput } from './search-data.ts';
import { linkTree } from '../link-files.ts';
import { indexCached } from './bundles-to-index.ts';
import { closePagefind, indexBundle } from './index-bundle.ts';
import type { IndexJob, IndexJobResult } from './index-worker.ts';
import type { FragmentHashes, PageIds, StrippedBefore } from './strip-fragments.ts';

export interface IndexedBundle {
  lang: Lang;
  name: string;
  pages: number;
  ms: number;
  fromCache: boolean;
}

export function readManifest(docsDir: string): DocumentsManifest {
  return JSON.parse(readFileSync(join(docsDir, MANIFEST), 'utf8')) as DocumentsManifest;
}

/** How many bundles Pagefind indexes at a time (SEARCH_INDEX_JOBS; scripts/build.mjs sets it). */
export function indexJobs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_INDEX_JOBS;
  if (raw === undefined || raw === '') return 1;
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`SEARCH_INDEX_JOBS must be a whole number of bundles, at least 1 (it is "${raw}")`);
  return jobs;
}

const IDS = 'ids.json';
const FRAGMENT_HASHES = 'fragments.json';

/** The cached copy of a bundle as stripped by the last build that indexed it, if the cache holds one with its hashes. */
function strippedBefore(cached: string): StrippedBefore | undefined {
  const fragmentDir = join(cached, 'bundle', 'fragment');
  if (!existsSync(join(cached, FRAGMENT_HASHES)) || !existsSync(fragmentDir)) return undefined;
  return { fragmentDir, hashes: JSON.parse(readFileSync(join(cached, FRAGMENT_HASHES), 'utf8')) as FragmentHashes };
}

export async function writeSearchIndexes(docsDir: string, siteDir: string, cacheDir: string, jobs = indexJobs()): Promise<IndexedBundle[]> {
  const done = new Map<BundleEntry, IndexedBundle>();
  // Each bundle's page ids (url → id), for the search page's data.
  const ids = new Map<string, Map<string, string>>();
  const { bundles } = readManifest(docsDir);
  const fresh: BundleEntry[] = [];
  for (const bundle of bundles) {
    const started = performance.now();
    const outDir = join(siteDir, 'pagefind', bundle.name);
    const cached = join(cacheDir, bundle.name);
    rmSync(outDir, { recursive: true, force: true });
    if (!indexCached(cacheDir, bundle.name, bundle.key)) fresh.push(bundle);
    else {
      linkTree(join(cached, 'bundle'), outDir);
      if (existsSync(join(cached, IDS))) ids.set(bundle.name, new Map(Object.entries(JSON.parse(readFileSync(join(cached, IDS), 'utf8')) as Record<string, string>)));
      done.set(bundle, { lang: bundle.lang, name: bundle.name, pages: bundle.pages, ms: performance.now() - started, fromCache: true });
    }
  }
  await indexEach(fresh, docsDir, siteDir, cacheDir, jobs, (bundle, ms, { hashes, ids: bundleIds }) => {
    // Replace the cache entry whole, so an interrupted build never leaves a key beside
    // another build's bundle.
    const cached = join(cacheDir, bundle.name);
    const next = `${cached}.new`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    linkTree(join(siteDir, 'pagefind', bundle.name), join(next, 'bundle'));
    ids.set(bundle.name, new Map(Object.entries(bundleIds)));
    writeFileSync(join(next, IDS), JSON.stringify(bundleIds));
    writeFileSync(join(next, FRAGMENT_HASHES), JSON.stringify(hashes));
    writeFileSync(join(next, 'key'), bundle.key);
    rmSync(cached, { recursive: true, force: true });
    renameSync(next, cached);
    done.set(bundle, { lang: bundle.lang, name: bundle.name, pages: bundle.pages, ms, fromCache: false });
  });
  for (const lang of new Set(bundles.map((b) => b.lang))) {
    const names = bundles.filter((b) => b.lang === lang).map((b) => b.name);
    const input = JSON.parse(readFileSync(join(docsDir, dataInputFile(lang)), 'utf8')) as SearchDataInput;
    const pageIds = new Map(names.flatMap((name) => [...(ids.get(name) ?? readPageIds(join(siteDir, 'pagefind', name)))]));
    writeSearchData(input, join(siteDir, 'pagefind'), names, pageIds);
  }
  return bundles.map((b) => done.get(b)!);
}

/**
 * Indexes `bundles`, `jobs` at a time: one at a time in this thread, or in `jobs` threads that each
 * take the next bundle when they finish one. `indexed` is called as each bundle is written, with
 * the time it took, its fragment files' hashes and its page ids.
 */
async function indexEach(
  bundles: BundleEntry[],
  docsDir: string,
  siteDir: string,
  cacheDir: string,
  jobs: number,
  indexed: (bundle: BundleEntry, ms: number, result: { hashes: FragmentHashes; ids: PageIds }) => void,
): Promise<void> {
  const job = (bundle: BundleEntry): IndexJob => {
    const before = strippedBefore(join(cacheDir, bundle.name));
    return { bundle: { name: bundle.name, urls: bundle.urls, maxFragments: bundle.maxFragments }, docs: join(docsDir, bundle.name), outDir: join(siteDir, 'pagefind', bundle.name), ...(before ? { before } : {}) };
  };
  if (jobs === 1 || bundles.length < 2) {
    for (const bundle of bundles) {
      const started = performance.now();
      const { docs, outDir, before } = job(bundle);
      let result: { hashes: FragmentHashes; ids: PageIds };
      try {
        result = await indexBundle(bundle, docs, outDir, before);
      } finally {
        await closePagefind();
      }
      indexed(bundle, performance.now() - started, result);
    }
    return;
  }
  const queue = [...bundles];
  const workers: Worker[] = [];
  const thread = async () => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url));
    workers.push(worker);
    for (let bundle = queue.shift(); bundle; bundle = queue.shift()) {
      const started = performance.now();
      const result = await new Promise<IndexJobResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(job(bundle!));
      });
      worker.removeAllListeners('error');
      if (!result.ok) throw new Error(`search bundle ${bundle.name}: ${result.error}`);
      indexed(bundle, performance.now() - started, result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, bundles.length) }, thread));
  } finally {
    queue.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
