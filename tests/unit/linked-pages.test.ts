import { describe, expect, it } from 'vitest';
import { renderedOutputs, type AstroManifest } from '../../src/lib/corpus/linked-pages.ts';

const manifest = (paths: Record<string, { cacheKey?: string; outputFile?: string }>): AstroManifest => ({ version: 1, routes: { 'src/pages/[lang]/x.astro': { paths } } });

describe('renderedOutputs: the pages a staging build rendered and keeps in the cache', () => {
  const cases: [string, AstroManifest | undefined, string[], string[]][] = [
    ['no manifest', undefined, [], []],
    ['a page rendered (not linked)', manifest({ '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' } }), [], ['en/a/index.html']],
    ['a page skipped (still linked)', manifest({ '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' } }), ['en/a/index.html'], []],
    ['a key never made of recorded reads', manifest({ '/en/a': { cacheKey: 'new 1234', outputFile: 'en/a/index.html' } }), [], []],
    ['no key', manifest({ '/en/a': { outputFile: 'en/a/index.html' } }), [], []],
    ['no output file', manifest({ '/en/a': { cacheKey: 'k' } }), [], []],
    [
      'rendered and skipped together',
      manifest({ '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' }, '/en/b': { cacheKey: 'k', outputFile: 'en/b/index.html' } }),
      ['en/b/index.html'],
      ['en/a/index.html'],
    ],
  ];
  it.each(cases)('%s', (_, m, linked, expected) => {
    expect(renderedOutputs(m, new Set(linked))).toEqual(expected);
  });
});
