/**
 * The bundles the index step indexes and one job's memory (src/lib/search/bundles-to-index.ts): a
 * bundle whose key the search index cache holds is not indexed, and does not count. indexCached is
 * the one test of "is this bundle in the search index cache" (the documents step and the index
 * step ask it too).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlesToIndex, indexCached, indexJobBytes } from '../../src/lib/search/bundles-to-index.ts';
import { PAGEFIND_BYTES_PER_CHAR } from '../../src/lib/search/index-memory.ts';

const cache = mkdtempSync(join(tmpdir(), 'briefings-bundles-to-index-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
// The cache holds `ar` with its key and `en` with an older key; `ar-2` not at all.
for (const [name, key] of [['ar', 'k-ar'], ['en', 'old']] as const) {
  mkdirSync(join(cache, name), { recursive: true });
  writeFileSync(join(cache, name, 'key'), key);
}
const ar = { name: 'ar', key: 'k-ar', chars: 900 };
const ar2 = { name: 'ar-2', key: 'k-ar-2', chars: 500 };
const en = { name: 'en', key: 'k-en', chars: 700 };

describe('bundlesToIndex and indexJobBytes', () => {
  it.each([
    ['a cached bundle with its key is not indexed', [ar, ar2, en], ['ar-2', 'en'], 700],
    ['every bundle cached: none, no job', [ar], [], 0],
    ['none cached', [ar2], ['ar-2'], 500],
    ['no bundles', [], [], 0],
  ])('%s', (_, bundles, names, chars) => {
    expect(bundlesToIndex(bundles, cache).map((b) => b.name)).toEqual(names);
    expect(indexJobBytes(bundles, cache)).toBe(chars * PAGEFIND_BYTES_PER_CHAR);
  });

  it('no cache folder: every bundle', () => expect(bundlesToIndex([ar, en], join(cache, 'missing')).map((b) => b.name)).toEqual(['ar', 'en']));

  it.each([
    ['its key', 'ar', 'k-ar', true],
    ['an older key', 'en', 'k-en', false],
    ['a key that is a prefix of the cached one', 'ar', 'k-a', false],
    ['not in the cache', 'ar-2', 'k-ar-2', false],
  ])('indexCached: %s', (_, name, key, cached) => expect(indexCached(cache, name, key)).toBe(cached));
});
