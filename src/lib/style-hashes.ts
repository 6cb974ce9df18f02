/**
 * The inline style hashes of a build's pages (the Content-Security-Policy's `style-src`,
 * host-headers.ts), read in a worker thread (style-hashes-worker.ts) while Astro's other end
 * hooks run on the main thread: reading every page took 5 s of a cold build's 20 s of end hooks
 * at 5,000 bench sources, with the second core idle (2 December 2026).
 *
 * A page that is the same file as in the last build (an unchanged page is a hard link to the
 * build cache's copy) keeps its hashes from the cache file by file identity
 * (src/lib/file-identity.ts), for this version of inlineStyleHashes. The other end hooks never
 * write a page: the sitemap writes XML, the incremental build's hook links the cache's copies to
 * the pages (a page's identity is unchanged by a new name) and removes only pages this build no
 * longer has, which are not among `pages`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileIdentity } from './file-identity.ts';
import { readJsonCache, writeJsonCache } from './json-cache.ts';
import { inlineStyleHashes } from './security-headers.ts';

/** The cache's version: the code that makes an entry. */
export const STYLE_HASHES_VERSION = createHash('sha256').update(inlineStyleHashes.toString()).digest('hex');

export interface StyleHashesInput {
  /** The built site's folder. */
  out: string;
  /** Its HTML files, relative to `out` (html-outputs.ts). */
  pages: readonly string[];
  /** The cache of the last build's hashes by file identity (none without the build cache). */
  cacheFile?: string;
}

/** Every distinct hash of the pages' inline styles, sorted; the cache file is written anew. */
export function pageStyleHashes({ out, pages, cacheFile }: StyleHashesInput): string[] {
  const saved = cacheFile === undefined ? undefined : readJsonCache<{ pages?: Record<string, string[]> }>(cacheFile, STYLE_HASHES_VERSION);
  const previous = new Map(Object.entries(saved?.pages ?? {}));
  const next = new Map<string, string[]>();
  const hashes = new Set<string>();
  for (const page of pages) {
    const file = join(out, page);
    const id = cacheFile === undefined ? undefined : fileIdentity(file);
    const found = (id !== undefined && previous.get(id)) || inlineStyleHashes(readFileSync(file, 'utf8'));
    if (id !== undefined) next.set(id, found);
    for (const hash of found) hashes.add(hash);
  }
  if (cacheFile) writeJsonCache(cacheFile, STYLE_HASHES_VERSION, { pages: Object.fromEntries(next) });
  return [...hashes].sort();
}

/** pageStyleHashes in a worker thread: the main thread goes on meanwhile. */
export function startStyleHashes(input: StyleHashesInput): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./style-hashes-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (result: { ok: true; hashes: string[] } | { ok: false; error: string }) =>
      result.ok ? resolve(result.hashes) : reject(new Error(`style hashes: ${result.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`style hashes: the worker stopped (exit code ${code}) before it was done`)));
  });
}
