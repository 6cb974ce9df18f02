import { describe, expect, it } from 'vitest';
import { assignBundles, BUNDLE_PAGES, bundlePages } from '../../src/lib/search/documents.ts';

const urls = (n: number, prefix = '/en/sources/doc-') => Array.from({ length: n }, (_, i) => `${prefix}${i}/`);
const sizes = (of: number[], count: number) => Array.from({ length: count }, (_, b) => of.filter((x) => x === b).length);

describe('assignBundles: a language split into bundles of at most N pages', () => {
  it.each([
    [75, 1000],
    [75, 75],
    [75, 20],
    [2071, 700],
    [10065, 2500],
    [5, 1],
  ])('%i pages, at most %i a bundle: every bundle within N, no more bundles than needed beyond the hash', (n, max) => {
    const { count, of } = assignBundles(urls(n), max);
    expect(count).toBeGreaterThanOrEqual(Math.ceil(n / max));
    expect(Math.max(...sizes(of, count))).toBeLessThanOrEqual(max);
    expect(sizes(of, count).reduce((a, b) => a + b)).toBe(n);
    if (n <= max) expect(count).toBe(1);
  });

  it('is the same for the same pages, and a page added keeps every other page in its bundle', () => {
    const before = assignBundles(urls(1800), 500);
    expect(before.count).toBe(4);
    expect(assignBundles(urls(1800), 500)).toEqual(before);
    const after = assignBundles([...urls(1800), '/en/sources/new/'], 500);
    expect(after.count).toBe(before.count);
    expect(after.of.slice(0, 1800)).toEqual(before.of);
  });
});

describe('bundlePages: SEARCH_BUNDLE_PAGES', () => {
  it.each([
    [undefined, BUNDLE_PAGES],
    ['', BUNDLE_PAGES],
    ['20', 20],
    ['1', 1],
  ])('%s → %i', (raw, pages) => expect(bundlePages({ SEARCH_BUNDLE_PAGES: raw })).toBe(pages));

  it.each(['0', '-3', '2.5', 'many'])('rejects %s, naming the variable', (raw) => expect(() => bundlePages({ SEARCH_BUNDLE_PAGES: raw })).toThrow(/SEARCH_BUNDLE_PAGES/));
});
