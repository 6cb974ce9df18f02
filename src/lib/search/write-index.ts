/**
 * Builds the Pagefind bundles of a built site from the documents the page build wrote
 * (documents.ts): each bundle in `<site>/pagefind/<bundle>/`, built by a Pagefind process of its
 * own that is closed before the next starts, so only one bundle's index is ever in memory.
 * Nothing here loads the corpus.
 *
 * A bundle whose key (its documents, its maxFragments and the Pagefind version) is the one in
 * the cache (`.cache/search`, or SEARCH_CACHE) is copied from there: Pagefind cannot update an
 * index, so an edit re-indexes its own bundle only.
 *
 * Beside a language's first bundle, the search page's own data (search-data.ts) for all of the
 * language's bundles: the page build wrote its input; here it gets the page ids Pagefind gave,
 * and the names of the language's other bundles, which the search page merges into the first.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Lang } from '../../i18n/index.ts';
import { MANIFEST, dataInputFile, type BundleEntry, type DocumentsManifest } from './documents.ts';
import { writeSearchData, type SearchDataInput } from './search-data.ts';

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

export async function writeSearchIndexes(docsDir: string, siteDir: string, cacheDir: string): Promise<IndexedBundle[]> {
  const done: IndexedBundle[] = [];
  const { bundles } = readManifest(docsDir);
  for (const bundle of bundles) {
    const started = performance.now();
    const outDir = join(siteDir, 'pagefind', bundle.name);
    const cached = join(cacheDir, bundle.name);
    const fromCache = existsSync(join(cached, 'key')) && readFileSync(join(cached, 'key'), 'utf8') === bundle.key;
    rmSync(outDir, { recursive: true, force: true });
    if (fromCache) cpSync(join(cached, 'bundle'), outDir, { recursive: true });
    else {
      await indexBundle(bundle, join(docsDir, bundle.name), outDir);
      // Replace the cache entry whole, so an interrupted build never leaves a key beside
      // another build's bundle.
      const fresh = `${cached}.new`;
      rmSync(fresh, { recursive: true, force: true });
      mkdirSync(fresh, { recursive: true });
      cpSync(outDir, join(fresh, 'bundle'), { recursive: true });
      writeFileSync(join(fresh, 'key'), bundle.key);
      rmSync(cached, { recursive: true, force: true });
      renameSync(fresh, cached);
    }
    done.push({ lang: bundle.lang, name: bundle.name, pages: bundle.pages, ms: performance.now() - started, fromCache });
  }
  for (const lang of new Set(bundles.map((b) => b.lang))) {
    const names = bundles.filter((b) => b.lang === lang).map((b) => b.name);
    const input = JSON.parse(readFileSync(join(docsDir, dataInputFile(lang)), 'utf8')) as SearchDataInput;
    writeSearchData(input, join(siteDir, 'pagefind'), names);
  }
  return done;
}

/**
 * One bundle, built by a Pagefind process of its own. Documents go in one by one in the
 * manifest's order: Pagefind numbers pages in the order it gets them, and a folder's listing
 * order (what `addDirectory` would use) differs between file systems, so the bundle would too.
 */
async function indexBundle(bundle: BundleEntry, docs: string, outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false, maxFragments: bundle.maxFragments });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const url of bundle.urls) {
      const added = await index.addHTMLFile({ url, content: readFileSync(join(docs, url, 'index.html'), 'utf8') });
      if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind could not write the ${bundle.name} index: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
    for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
  } finally {
    // Ends the Pagefind process, and with it the memory this bundle's index held.
    await pagefind.close();
  }
}
