/**
 * The search index's input, written to disk by the page build (astro build), so that the index
 * step (scripts/index-search.mjs) never loads the corpus: one HTML document per page, laid out
 * by URL, grouped into bundles, and a manifest that gives each bundle its documents in order and
 * its cache key (its documents and the Pagefind version).
 *
 * What a document holds is decided in records.ts and index-document.ts; this file only decides
 * where documents go and how they are grouped. A language is one bundle unless its documents are
 * too large for one Pagefind process to index within the memory budget (Pagefind keeps every
 * parsed page in memory, about 40 bytes per character of document); then it is split into
 * bundles by a stable hash of the URL, so an edit changes one bundle only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { LANGS, type Lang } from '../../i18n/index.ts';
import type { Corpus } from '../corpus/index.ts';
import { createMentionScanner, topicNames } from './aliases.ts';
import { indexDocument } from './index-document.ts';
import { languageRecords } from './records.ts';

export interface SearchDocument {
  url: string;
  content: string;
}

/** One Pagefind bundle: a language's documents, or a share of them. */
export interface BundleEntry {
  lang: Lang;
  /** Bundle folder under /pagefind/ in the site: the language, then `<lang>-2`, `<lang>-3`… */
  name: string;
  pages: number;
  /** Characters of document text (what Pagefind's memory grows with). */
  chars: number;
  /** Cache key: the bundle's documents and the Pagefind version. */
  key: string;
  /** The documents' URLs in the order Pagefind numbers them (the records' order). */
  urls: string[];
}

export interface DocumentsManifest {
  pagefind: string;
  bundles: BundleEntry[];
}

export const MANIFEST = 'manifest.json';

/** Pagefind's memory per character of document while it writes an index (measured: 39–42 B). */
export const PAGEFIND_BYTES_PER_CHAR = 42;

/** The installed Pagefind's version: a new Pagefind must not reuse an old bundle. */
export function pagefindVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Every page's document in one language, one at a time (a large corpus never holds them all). */
export function* searchDocuments(corpus: Corpus, lang: Lang): Generator<SearchDocument> {
  const names = topicNames(corpus);
  const byId = new Map(names.map((n) => [n.id, n]));
  const scan = createMentionScanner(names);
  for (const record of languageRecords(corpus, lang)) {
    const mentioned = scan(`${record.title} ${record.sections.map((s) => s.text).join(' ')}`);
    for (const id of record.topics) mentioned.add(id);
    yield { url: record.url, content: indexDocument(record, mentioned, byId, corpus) };
  }
}

/** A stable bundle for a URL (FNV-1a), so pages stay in their bundle as others come and go. */
function bundleOf(url: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return h % count;
}

const bundleName = (lang: Lang, i: number) => (i === 0 ? lang : `${lang}-${i + 1}`);

/**
 * Writes every language's documents under `dir` (`<dir>/<bundle>/<url>/index.html`) and the
 * manifest, last, so a manifest on disk means the documents are complete. `maxChars` bounds a
 * bundle's document text.
 */
export function writeSearchDocuments(corpus: Corpus, dir: string, maxChars: number): DocumentsManifest {
  rmSync(dir, { recursive: true, force: true });
  const pagefind = pagefindVersion();
  const bundles: BundleEntry[] = [];
  for (const lang of LANGS) {
    const staging = join(dir, `.${lang}`);
    const docs: { url: string; hash: string; chars: number }[] = [];
    for (const doc of searchDocuments(corpus, lang)) {
      const file = join(staging, doc.url, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, doc.content);
      docs.push({ url: doc.url, hash: createHash('sha256').update(doc.content).digest('hex'), chars: doc.content.length });
    }
    const total = docs.reduce((n, d) => n + d.chars, 0);
    const count = Math.max(1, Math.ceil(total / maxChars));
    for (let b = 0; b < count; b++) {
      const members = docs.filter((d) => count === 1 || bundleOf(d.url, count) === b);
      const name = bundleName(lang, b);
      const key = createHash('sha256').update(`pagefind ${pagefind}\0`);
      for (const d of members) key.update(`${d.url}\0${d.hash}\0`);
      if (count === 1) renameSync(staging, join(dir, name));
      else {
        for (const d of members) {
          const to = join(dir, name, d.url, 'index.html');
          mkdirSync(dirname(to), { recursive: true });
          renameSync(join(staging, d.url, 'index.html'), to);
        }
      }
      bundles.push({ lang, name, pages: members.length, chars: members.reduce((n, d) => n + d.chars, 0), key: key.digest('hex'), urls: members.map((d) => d.url) });
    }
    rmSync(staging, { recursive: true, force: true });
  }
  const manifest = { pagefind, bundles };
  writeFileSync(join(dir, `${MANIFEST}.tmp`), JSON.stringify(manifest, null, 2));
  renameSync(join(dir, `${MANIFEST}.tmp`), join(dir, MANIFEST));
  return manifest;
}
