/**
 * The search documents' cache (documents.ts): analysing every page's text for the index takes
 * most of the time the page build spends on search documents, and one edit changes a handful of
 * pages. So each page's document is kept in `<dir>/files/<url>/index.html`, with its key, its
 * content hash, its length and the topics its text names in `<dir>/index.json`.
 *
 * A document is reused when its key is the same: a hash of what the page's search record is made
 * of (records.ts RecordSource `inputs`: its briefing, source or topic, outlets, topics, URL; the
 * records hashed once per build by content-hash.ts, which the pages' cache keys reuse), the
 * corpus's topic names (the analyser and the name scanner are built from them) and the code
 * (`code`: every source file and the lock file, see src/lib/code-fingerprint.ts), so a stale
 * entry can cost time, never a wrong document. Keyed on the inputs, an unchanged page's record
 * is not made again (its text extracted from the briefing's HTML) nor serialised to be hashed.
 *
 * The index is deleted when it is read and written back only when every document is in place,
 * so a build that stops half-way leaves no index that names a file it did not finish. Files are
 * replaced by rename, never written in place: the documents folder of a build holds hard links
 * to them.
 */
import { hash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonCache, writeJsonCache } from '../json-cache.ts';
import { writeFileReplacing } from '../link-files.ts';
import { contentHash } from '../content-hash.ts';

export interface CachedDocument {
  key: string;
  hash: string;
  chars: number;
  /** Topics the document's text names. */
  named: string[];
}

interface IndexFile {
  version: number;
  context: string;
  docs: Record<string, CachedDocument>;
}

// 2: keys made of the records' inputs (1: of the records).
const VERSION = 2;
const INDEX = 'index.json';

export class DocumentsCache {
  readonly #dir: string;
  readonly #context: string;
  readonly #previous: Record<string, CachedDocument>;
  readonly #next: Record<string, CachedDocument> = {};
  /** Documents made and kept in this build (store). */
  misses = 0;

  /** `context`: what every document depends on besides its record (code, topic names). */
  constructor(dir: string, context: string) {
    this.#dir = dir;
    this.#context = context;
    const previous = readJsonCache<IndexFile>(join(dir, INDEX), VERSION);
    // Another version or context (code, topic names) changes every key: drop the files too.
    this.#previous = previous?.context === context ? previous.docs : {};
    if (!previous || previous.context !== context) rmSync(join(dir, 'files'), { recursive: true, force: true });
    rmSync(join(dir, INDEX), { force: true });
  }

  /** The key of a document made from `inputs` (records.ts RecordSource). */
  keyOf(inputs: readonly unknown[]): string {
    // One-shot, the same digest as three updates of a Hash object (20,000 keys a build at 5,000 sources).
    return hash('sha256', `${this.#context}\0${contentHash(inputs)}`);
  }

  file(url: string): string {
    return join(this.#dir, 'files', url, 'index.html');
  }

  /**
   * The saved document of `url` when its key is `key`. Its file is not looked for here (one stat
   * per page, 20,000 at 5,000 sources, for files most builds never open: a bundle the search
   * index cache holds reads none of its documents): the index names only files written before
   * it, and a file gone since (removed by hand) is found missing when it is linked, and the
   * document is then made again (documents.ts).
   */
  lookup(url: string, key: string): CachedDocument | undefined {
    const entry = this.#previous[url];
    if (entry?.key !== key) return undefined;
    this.#next[url] = entry;
    return entry;
  }

  /** Keeps a new document; returns its file. */
  store(url: string, entry: CachedDocument, content: string): string {
    this.misses++;
    const file = this.file(url);
    writeFileReplacing(file, content);
    this.#next[url] = entry;
    return file;
  }

  /** Removes the files of pages that are gone and writes the index of this build's documents. */
  save(): void {
    for (const url of Object.keys(this.#previous)) if (!(url in this.#next)) rmSync(this.file(url), { force: true });
    const index: Omit<IndexFile, 'version'> = { context: this.#context, docs: this.#next };
    writeJsonCache(join(this.#dir, INDEX), VERSION, index);
  }
}
