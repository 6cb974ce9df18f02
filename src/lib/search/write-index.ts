/**
 * Builds the Pagefind bundles of a built site from the documents the page build wrote
 * (documents.ts): each bundle in `<site>/pagefind/<bundle>/`. Bundles are indexed `jobs` at a
 * time (SEARCH_INDEX_JOBS, default 1) by one Pagefind process, which indexes them side by side
 * on as many cores and is closed before the next batch starts, so at most `jobs` bundles' indexes
 * are ever in memory; the build script allows more than one only where the memory budget holds
 * them. Each bundle's files are the same whichever batch it is in. Nothing here loads the corpus.
 *
 * A bundle whose key (its documents, its maxFragments and the Pagefind version) is the one in
 * the cache (`.cache/search`, or SEARCH_CACHE) is taken from there, as hard links (link-files.ts;
 * a bundle just indexed goes into the cache the same way): Pagefind cannot update an index, so an
 * edit re-indexes its own bundle only. No file of a bundle is written in place afterwards.
 *
 * Each bundle's fragments lose the page text Pagefind keeps in them (strip-fragments.ts) as soon
 * as it is written, before it goes into the cache; the key names that form (FRAGMENT_FORM).
 *
 * Beside a language's first bundle, the search page's own data (search-data.ts) for all of the
 * language's bundles: the page build wrote its input; here it gets the page ids Pagefind gave,
 * and the names of the language's other bundles, which the search page merges into the first.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Lang } from '../../i18n/index.ts';
import { MANIFEST, dataInputFile, type BundleEntry, type DocumentsManifest } from './documents.ts';
import { writeSearchData, type SearchDataInput } from './search-data.ts';
import { linkTree } from '../link-files.ts';
import { documentWords, stripFragmentText } from './strip-fragments.ts';

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

export async function writeSearchIndexes(docsDir: string, siteDir: string, cacheDir: string, jobs = indexJobs()): Promise<IndexedBundle[]> {
  const done = new Map<BundleEntry, IndexedBundle>();
  const { bundles } = readManifest(docsDir);
  const fresh: BundleEntry[] = [];
  for (const bundle of bundles) {
    const started = performance.now();
    const outDir = join(siteDir, 'pagefind', bundle.name);
    const cached = join(cacheDir, bundle.name);
    rmSync(outDir, { recursive: true, force: true });
    if (!existsSync(join(cached, 'key')) || readFileSync(join(cached, 'key'), 'utf8') !== bundle.key) fresh.push(bundle);
    else {
      linkTree(join(cached, 'bundle'), outDir);
      done.set(bundle, { lang: bundle.lang, name: bundle.name, pages: bundle.pages, ms: performance.now() - started, fromCache: true });
    }
  }
  for (let i = 0; i < fresh.length; i += jobs) {
    const batch = fresh.slice(i, i + jobs);
    const started = performance.now();
    try {
      await Promise.all(batch.map((bundle) => indexBundle(bundle, join(docsDir, bundle.name), join(siteDir, 'pagefind', bundle.name))));
    } finally {
      // Ends the Pagefind process, and with it the memory this batch's indexes held.
      await pagefind.close();
    }
    const ms = (performance.now() - started) / batch.length;
    for (const bundle of batch) {
      // Replace the cache entry whole, so an interrupted build never leaves a key beside
      // another build's bundle.
      const cached = join(cacheDir, bundle.name);
      const next = `${cached}.new`;
      rmSync(next, { recursive: true, force: true });
      mkdirSync(next, { recursive: true });
      linkTree(join(siteDir, 'pagefind', bundle.name), join(next, 'bundle'));
      writeFileSync(join(next, 'key'), bundle.key);
      rmSync(cached, { recursive: true, force: true });
      renameSync(next, cached);
      done.set(bundle, { lang: bundle.lang, name: bundle.name, pages: bundle.pages, ms, fromCache: false });
    }
  }
  for (const lang of new Set(bundles.map((b) => b.lang))) {
    const names = bundles.filter((b) => b.lang === lang).map((b) => b.name);
    const input = JSON.parse(readFileSync(join(docsDir, dataInputFile(lang)), 'utf8')) as SearchDataInput;
    writeSearchData(input, join(siteDir, 'pagefind'), names);
  }
  return bundles.map((b) => done.get(b)!);
}

/**
 * One bundle, in the running Pagefind process (the caller closes it). Documents go in one by one in the
 * manifest's order: Pagefind numbers pages in the order it gets them, and a folder's listing
 * order (what `addDirectory` would use) differs between file systems, so the bundle would too.
 */
async function indexBundle(bundle: BundleEntry, docs: string, outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false, maxFragments: bundle.maxFragments });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const words = new Map<string, string[]>();
  for (const url of bundle.urls) {
    const content = readFileSync(join(docs, url, 'index.html'), 'utf8');
    const added = await index.addHTMLFile({ url, content });
    if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    words.set(added.file?.url ?? url, documentWords(content));
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`Pagefind could not write the ${bundle.name} index: ${written.errors.join('; ')}`);
  // Before the bundle goes into the cache, so a cached bundle is stripped too.
  stripFragmentText(outDir, words);
  // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
  for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
}
