/**
 * The search documents' cache (documents-cache.ts) as writeSearchDocuments uses it: a second
 * run with the same corpus and code reuses every document and writes the same documents folder;
 * a cached file gone since (the cache's index is not checked file by file) is made again when its
 * bundle needs it, and the folder is still the one written without a cache.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { writeSearchDocuments } from '../../src/lib/search/documents.ts';
import { setConfiguredBase } from '../../src/lib/urls.ts';

setConfiguredBase('/');
const { corpus } = loadCorpus();
const work = mkdtempSync(join(tmpdir(), 'search-documents-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` by its path, with its text; the manifest without `reused`. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  const manifest = JSON.parse(out.get('manifest.json')!) as { reused?: number };
  delete manifest.reused;
  out.set('manifest.json', JSON.stringify(manifest));
  return out;
}

// Small bundles, so the documents are linked into several bundle folders.
const MAX_PAGES = 40;
const uncached = join(work, 'uncached');
writeSearchDocuments(corpus, uncached, MAX_PAGES);
const expected = files(uncached);
const pages = [...expected.keys()].filter((f) => f.endsWith('index.html')).length;

describe('writeSearchDocuments with the documents’ cache', () => {
  const cacheDir = join(work, 'cache');
  // No search index cache: every bundle gets its documents.
  const options = { cache: { dir: cacheDir, code: 'code', searchCache: join(work, 'no-index-cache') } };
  const first = writeSearchDocuments(corpus, join(work, 'first'), MAX_PAGES, options);
  const cachedFile = (url: string) => join(cacheDir, 'files', url, 'index.html');
  const anyUrl = first.bundles[1]!.urls[0]!;

  it.each<[string, number, () => void]>([
    ['nothing changed', pages, () => {}],
    ['one cached document removed', pages - 1, () => rmSync(cachedFile(anyUrl))],
    ['the cache’s index removed', 0, () => rmSync(join(cacheDir, 'index.json'))],
    ['another code: every key changes', 0, () => (options.cache.code = 'other code')],
  ])('%s: the same documents, %i of them from the cache', (_name, reused, change) => {
    // Each case starts from a complete cache made by the same code.
    writeSearchDocuments(corpus, join(work, 'fill'), MAX_PAGES, options);
    change();
    const out = join(work, 'again');
    const manifest = writeSearchDocuments(corpus, out, MAX_PAGES, options);
    expect(manifest.reused).toBe(reused);
    const got = files(out);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(got.get(path), path).toBe(text);
    options.cache.code = 'code';
  });

  it('a document made again is cached again, and its bundle’s key does not change', () => {
    writeSearchDocuments(corpus, join(work, 'fill'), MAX_PAGES, options);
    const before = readFileSync(cachedFile(anyUrl), 'utf8');
    rmSync(cachedFile(anyUrl));
    const again = writeSearchDocuments(corpus, join(work, 'again'), MAX_PAGES, options);
    expect(readFileSync(cachedFile(anyUrl), 'utf8')).toBe(before);
    expect(again.bundles.map((b) => b.key)).toEqual(first.bundles.map((b) => b.key));
  });
});
