/**
 * Writes the Pagefind search index of a built site: one bundle per language, in
 * `<site>/pagefind/<lang>/`, each built by its own Pagefind process that is closed before the
 * next starts. Pagefind holds a whole index in memory and needs about three times that while it
 * writes; one language at a time halves the peak, and running this after `astro build` has
 * exited (scripts/build.mjs) keeps it from adding to the page build's memory.
 *
 * A language whose documents are exactly those of the last build (same text, same Pagefind) is
 * not indexed again: its bundle is copied from the cache (`.cache/search`, or SEARCH_CACHE).
 * Pagefind cannot update an index, so an edit re-indexes that language only.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { LANGS, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { routes } from '../urls.ts';
import { createMentionScanner, topicNames } from './aliases.ts';
import { indexDocument } from './index-document.ts';
import { languageRecords } from './records.ts';

export interface IndexedLanguage {
  lang: Lang;
  pages: number;
  ms: number;
  fromCache: boolean;
}

interface Document {
  url: string;
  content: string;
}

/** The installed Pagefind's version: a new Pagefind must not reuse an old bundle. */
function pagefindVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export async function writeSearchIndexes(corpus: Corpus, siteDir: string, cacheDir: string): Promise<IndexedLanguage[]> {
  const names = topicNames(corpus);
  const byId = new Map(names.map((n) => [n.id, n]));
  const scan = createMentionScanner(names);
  function* documents(lang: Lang): Generator<Document> {
    for (const record of languageRecords(corpus, lang)) {
      const mentioned = scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`);
      for (const id of record.topics) mentioned.add(id);
      yield { url: record.url, content: indexDocument(record, mentioned, byId, corpus) };
    }
  }
  const version = pagefindVersion();
  const done: IndexedLanguage[] = [];
  for (const lang of LANGS) {
    const started = performance.now();
    const outDir = join(siteDir, routes.searchBundle(lang));
    // Documents are made twice when the cache misses (once to hash, once to index) rather than
    // held in memory between the two: at thousands of pages they are hundreds of megabytes.
    const hash = createHash('sha256').update(`pagefind ${version}\0`);
    let pages = 0;
    for (const doc of documents(lang)) {
      hash.update(`${doc.url}\0${doc.content}\0`);
      pages++;
    }
    const key = hash.digest('hex');
    const cached = join(cacheDir, lang);
    const fromCache = existsSync(join(cached, 'key')) && readFileSync(join(cached, 'key'), 'utf8') === key;
    if (fromCache) cpSync(join(cached, 'bundle'), outDir, { recursive: true });
    else {
      await indexLanguage(lang, documents(lang), outDir);
      // Replace the cache entry whole, so an interrupted build never leaves a key beside
      // another build's bundle.
      const fresh = `${cached}.new`;
      rmSync(fresh, { recursive: true, force: true });
      mkdirSync(fresh, { recursive: true });
      cpSync(outDir, join(fresh, 'bundle'), { recursive: true });
      writeFileSync(join(fresh, 'key'), key);
      rmSync(cached, { recursive: true, force: true });
      renameSync(fresh, cached);
    }
    done.push({ lang, pages, ms: performance.now() - started, fromCache });
  }
  return done;
}

/** One language's bundle, built by a Pagefind process of its own. */
async function indexLanguage(lang: Lang, docs: Iterable<Document>, outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const doc of docs) {
      const added = await index.addHTMLFile(doc);
      if (added.errors.length) throw new Error(`Pagefind could not index ${doc.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length) throw new Error(`Pagefind could not write the ${lang} index: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made UIs; our search page has its own, so drop them.
    for (const file of readdirSync(outDir)) if (/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(file)) rmSync(join(outDir, file));
  } finally {
    // Ends the Pagefind process, and with it the memory this language's index held.
    await pagefind.close();
  }
}
