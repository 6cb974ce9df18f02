/**
 * The search index's input, written to disk by the page build (astro build), so that the index
 * step (scripts/index-search.mjs) never loads the corpus: one HTML document per page, laid out
 * by URL, grouped into bundles, and a manifest that gives each bundle its documents in order and
 * its cache key (its documents, the Pagefind version and the fragments' form, strip-fragments.ts).
 *
 * What a document holds is decided in records.ts and index-document.ts; this file only decides
 * where documents go and how they are grouped. Beside each bundle's documents goes the input of
 * the search page's own data (search-data.ts: the name table, the topics, each page's type and
 * topics), which the index step completes with the page ids Pagefind gave, and the bundle's
 * `maxFragments` (chosen in search-data.ts), which is part of its cache key. A language is one
 * bundle unless it has more than `maxPages` pages (bundlePages(): Pagefind keeps every parsed
 * page in memory while it writes an index, so one process's memory grows with its bundle); then
 * it is split into bundles of at most that many pages by a stable hash of the URL, so an edit
 * changes one bundle only, and the search page merges them at query time (Pagefind's
 * mergeIndex). The search page's data covers the whole language and goes with the first bundle.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { corpusAnalyzer, createMentionScanner, topicNames, type TopicNames } from './aliases.ts';
import type { Analyzer } from './analyze.ts';
import { DocumentsCache } from './documents-cache.ts';
import { linkOrCopy, writeFileReplacing } from '../link-files.ts';
import { indexDocument } from './index-document.ts';
import { indexCached } from './bundles-to-index.ts';
import { FRAGMENT_FORM } from './strip-fragments.ts';
import { languageRecordSources, languageRecords, type RecordSource, type SearchRecord } from './records.ts';
import { fragmentFiles, searchDataInput, type IndexedPage } from './search-data.ts';

export interface SearchDocument {
  url: string;
  content: string;
  page: IndexedPage;
}

/** One Pagefind bundle: a language's documents, or a share of them. */
export interface BundleEntry {
  lang: Lang;
  /** Bundle folder under /pagefind/ in the site: the language, then `<lang>-2`, `<lang>-3`… */
  name: string;
  pages: number;
  /** Characters of document text (what Pagefind's memory grows with). */
  chars: number;
  /** Cache key: the bundle's documents, its maxFragments, the Pagefind version and the fragments' form (FRAGMENT_FORM). */
  key: string;
  /** The documents' URLs in the order Pagefind numbers them (the records' order). */
  urls: string[];
  /** Pagefind's `maxFragments` for this bundle (search-data.ts). */
  maxFragments: number;
}

export interface DocumentsManifest {
  pagefind: string;
  bundles: BundleEntry[];
  /** Documents taken from the documents' cache (with a cache only). */
  reused?: number;
}

export const MANIFEST = 'manifest.json';
/** The search page's data input of a language (all its bundles), beside its documents folders. */
export const dataInputFile = (lang: Lang) => `${lang}.search-data.json`;

/**
 * Most pages one Pagefind process indexes (SEARCH_BUNDLE_PAGES overrides it, for tests and
 * measuring). Chosen by measurement (docs/bench/README.md, "Search index memory"): Pagefind's
 * peak memory grows with a bundle's pages: 1.16 GB for a bundle of 2,057 pages at 5,000 sources,
 * well inside the build's 4 GB budget, while a site of up to about 1,200 sources stays one
 * bundle per language.
 */
export const BUNDLE_PAGES = 2500;

export function bundlePages(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_BUNDLE_PAGES;
  if (raw === undefined || raw === '') return BUNDLE_PAGES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_BUNDLE_PAGES must be a whole number of pages, at least 1 (it is "${raw}")`);
  return n;
}

/** The installed Pagefind's version: a new Pagefind must not reuse an old bundle. */
export function pagefindVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The search page's data of a page: its type and the topics it is about, mentions or names. */
function pageOf(record: Pick<RecordSource, 'url' | 'type' | 'topics'>, named: Set<string>): IndexedPage {
  // A briefing's lead-result counts also take the topics it links; a source's only those it names.
  const mentions = record.type === 'briefing' ? new Set([...named, ...record.topics]) : named;
  return { url: record.url, type: record.type, topics: [...new Set([...named, ...record.topics])], mentions: [...mentions] };
}

/**
 * The topics whose names a page's document carries beside its text: those its text names and
 * those the page links to (SearchRecord.links), never the page's other topic-filter topics. A
 * source page's filter topics are those of the briefings citing it: indexing their names made a
 * source cited by a briefing about Turkey a result for تركيا without saying or showing it.
 */
export function indexedTopics(record: SearchRecord, named: Set<string>): string[] {
  return [...new Set([...named, ...record.links])].filter((id) => id !== record.ownTopic);
}

/** The index document of a record: its own topic's names weigh like a title, others' little. */
function contentOf(record: SearchRecord, named: Set<string>, byId: Map<string, TopicNames>, analyzer: Analyzer): string {
  const own = record.ownTopic ? byId.get(record.ownTopic)!.all : [];
  const others = indexedTopics(record, named).flatMap((id) => byId.get(id)?.all ?? []);
  return indexDocument(record, analyzer, own, others);
}

/** Every page's document in one language, one at a time (a large corpus never holds them all). */
export function* searchDocuments(corpus: Corpus, lang: Lang, analyzer: Analyzer): Generator<SearchDocument> {
  const names = topicNames(corpus);
  const byId = new Map(names.map((n) => [n.id, n]));
  const scan = createMentionScanner(names, analyzer);
  for (const record of languageRecords(corpus, lang)) {
    const named = scanRecord(scan, record);
    yield { url: record.url, content: contentOf(record, named, byId, analyzer), page: pageOf(record, named) };
  }
}

const scanRecord = (scan: (text: string) => Set<string>, record: SearchRecord): Set<string> => scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`);

export interface DocumentsOptions {
  /** Languages written (default: all). */
  langs?: readonly Lang[];
  /** Pages per fragment file (see fragmentFiles in search-data.ts); for measuring. */
  pagesPerFragmentFile?: number;
  /**
   * The documents' cache (documents-cache.ts): a page whose record's inputs, the corpus's topic
   * names and the code are unchanged keeps its document without making its record or analysing
   * its text again, and a
   * bundle the search index cache already holds gets no documents written.
   */
  cache?: { dir: string; code: string; searchCache: string };
}

/** A stable bundle for a URL (FNV-1a), so pages stay in their bundle as others come and go. */
function bundleOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h % count;
}

const bundleName = (lang: Lang, i: number) => (i === 0 ? lang : `${lang}-${i + 1}`);

/**
 * Each URL's bundle: the fewest bundles for which the stable hash puts at most `maxPages` pages
 * in each. A page keeps its bundle while the count holds, so adding or editing pages re-indexes
 * only the bundles they fall in; when pages added need one bundle more, every bundle changes
 * (and is indexed again) once.
 */
export function assignBundles(urls: readonly string[], maxPages: number): { count: number; of: number[] } {
  for (let count = Math.max(1, Math.ceil(urls.length / maxPages)); ; count++) {
    const of = urls.map((url) => (count === 1 ? 0 : bundleOf(url, count)));
    const sizes = new Array<number>(count).fill(0);
    for (const b of of) sizes[b]!++;
    if (Math.max(...sizes) <= maxPages) return { count, of };
  }
}

/**
 * Writes every language's documents under `dir` (`<dir>/<bundle>/<url>/index.html`) and the
 * manifest, last, so a manifest on disk means the documents are complete. `maxPages` bounds a
 * bundle's pages. With `options.cache`, unchanged pages' documents come from the documents'
 * cache (hard links into `dir`), and a bundle whose key the search index cache holds gets none:
 * the index step links that bundle from its cache and reads no document of it.
 */
export function writeSearchDocuments(corpus: Corpus, dir: string, maxPages: number, options: DocumentsOptions = {}): DocumentsManifest {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pagefind = pagefindVersion();
  const { table, analyzer } = corpusAnalyzer(corpus);
  const names = topicNames(corpus);
  const byId = new Map(names.map((n) => [n.id, n]));
  const scan = createMentionScanner(names, analyzer);
  const cache = options.cache && new DocumentsCache(options.cache.dir, `${options.cache.code}\0${createHash('sha256').update(JSON.stringify(names)).digest('hex')}`);
  const bundles: BundleEntry[] = [];
  for (const lang of options.langs ?? LANGS) {
    const staging = join(dir, `.${lang}`);
    const docs: Doc[] = [];
    /** Makes a page's document (its record, the topics it names, its text), kept in the cache or staged. */
    const make = (source: RecordSource, key: string | undefined): Doc => {
      const record = source.record();
      const named = scanRecord(scan, record);
      const page = pageOf(record, named);
      const content = contentOf(record, named, byId, analyzer);
      const hash = createHash('sha256').update(content).digest('hex');
      let file: string;
      if (cache) file = cache.store(record.url, { key: key!, hash, chars: content.length, named: [...named] }, content);
      else {
        file = join(staging, record.url, 'index.html');
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
      return { url: record.url, hash, chars: content.length, page, file, source, key };
    };
    for (const source of languageRecordSources(corpus, lang)) {
      // Keyed on what the record is made of: an unchanged page's text is not extracted again.
      const key = cache?.keyOf(source.inputs);
      const hit = key === undefined ? undefined : cache!.lookup(source.url, key);
      if (hit) docs.push({ url: source.url, hash: hit.hash, chars: hit.chars, page: pageOf(source, new Set(hit.named)), file: cache!.file(source.url), source, key });
      else docs.push(make(source, key));
    }
    writeFileSync(join(dir, dataInputFile(lang)), JSON.stringify(searchDataInput(corpus, lang, docs.map((d) => d.page), table, analyzer)));
    const { count, of } = assignBundles(docs.map((d) => d.url), maxPages);
    for (let b = 0; b < count; b++) {
      const members = docs.filter((_, i) => of[i] === b);
      // The hash may leave a bundle empty (a tiny N); other bundles keep their names.
      if (!members.length) continue;
      const name = bundleName(lang, b);
      const maxFragments = fragmentFiles(members.length, options.pagesPerFragmentFile);
      const hash = createHash('sha256').update(`pagefind ${pagefind}\0maxFragments ${maxFragments}\0fragments ${FRAGMENT_FORM}\0`);
      for (const d of members) hash.update(`${d.url}\0${d.hash}\0`);
      const key = hash.digest('hex');
      if (!cache && count === 1) renameSync(staging, join(dir, name));
      else if (!(cache && indexCached(options.cache!.searchCache, name, key))) {
        const folders = new Set<string>();
        for (const d of members) {
          const to = join(dir, name, d.url, 'index.html');
          // Each page's own folder is new; its parents (/<lang>/briefings/ …) are made once.
          const folder = dirname(to);
          const parent = dirname(folder);
          if (!folders.has(parent)) {
            mkdirSync(parent, { recursive: true });
            folders.add(parent);
          }
          mkdirSync(folder);
          if (!cache) renameSync(d.file, to);
          else if (!linkCached(d, to)) {
            // The cached file is gone (the cache's index is not checked against the folder, see
            // documents-cache.ts lookup): the document is made again, the same as its key says.
            const made = make(d.source, d.key);
            if (made.hash !== d.hash) throw new Error(`the search document of ${d.url} made again differs from the cached one of the same key`);
            linkOrCopy(made.file, to);
          }
        }
      }
      bundles.push({ lang, name, pages: members.length, chars: members.reduce((n, d) => n + d.chars, 0), key, urls: members.map((d) => d.url), maxFragments });
    }
    rmSync(staging, { recursive: true, force: true });
  }
  cache?.save();
  // Reused: every document not made (stored) in this build, a cached one whose file was gone included.
  const manifest = { pagefind, bundles, ...(cache ? { reused: bundles.reduce((n, b) => n + b.pages, 0) - cache.misses } : {}) };
  writeFileReplacing(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** A page's document as the bundles get it: where its text is, and what makes it again. */
interface Doc {
  url: string;
  hash: string;
  chars: number;
  page: IndexedPage;
  file: string;
  source: RecordSource;
  key: string | undefined;
}

/** Links a cached document into a bundle's folder; false when the cache no longer has its file. */
function linkCached(d: Doc, to: string): boolean {
  try {
    linkOrCopy(d.file, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
