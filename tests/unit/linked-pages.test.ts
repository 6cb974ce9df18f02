import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedPagesLinked, pruneLinkedPages, renderedOutputs, startLinkingCachedPages, type AstroManifest } from '../../src/lib/corpus/linked-pages.ts';

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

describe('startLinkingCachedPages: the last build’s pages linked into the output folder, in a worker', () => {
  const withCache = async (paths: Record<string, { cacheKey?: string; outputFile?: string }>, cached: string[], check: (outDir: string, cacheDir: string, linked: number) => void) => {
    const root = mkdtempSync(join(tmpdir(), 'linked-pages-'));
    try {
      const cacheDir = join(root, 'cache');
      const outDir = join(root, 'out');
      mkdirSync(cacheDir, { recursive: true });
      for (const file of cached) {
        mkdirSync(dirname(join(cacheDir, 'dist', file)), { recursive: true });
        writeFileSync(join(cacheDir, 'dist', file), `<p>${file}</p>`);
      }
      writeFileSync(join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest(paths)));
      const linked = await startLinkingCachedPages(cacheDir, outDir);
      await cachedPagesLinked();
      check(outDir, cacheDir, linked);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const cases: [string, Record<string, { cacheKey?: string; outputFile?: string }>, string[], string[]][] = [
    ['a page with its cached copy', { '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' } }, ['en/a/index.html'], ['en/a/index.html']],
    ['a page and a stylesheet in one folder', { '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' }, '/en/a/print.css': { cacheKey: 'k', outputFile: 'en/a/print.css' } }, ['en/a/index.html', 'en/a/print.css'], ['en/a/index.html', 'en/a/print.css']],
    ['a key never made of recorded reads', { '/en/a': { cacheKey: 'new 1234', outputFile: 'en/a/index.html' } }, ['en/a/index.html'], []],
    ['no cached copy', { '/en/a': { cacheKey: 'k', outputFile: 'en/a/index.html' } }, [], []],
    ['no output file', { '/en/a': { cacheKey: 'k' } }, [], []],
    ['no pages', {}, [], []],
  ];
  it.each(cases)('%s', async (_, paths, cached, expected) => {
    await withCache(paths, cached, (outDir, cacheDir, linked) => {
      expect(linked).toBe(expected.length);
      for (const file of expected) {
        // The same file as the cache's copy (a hard link), not a copy of it.
        expect(statSync(join(outDir, file)).ino).toBe(statSync(join(cacheDir, 'dist', file)).ino);
        expect(readFileSync(join(outDir, file), 'utf8')).toBe(`<p>${file}</p>`);
      }
      for (const file of cached.filter((f) => !expected.includes(f))) expect(existsSync(join(outDir, file))).toBe(false);
      // The pages linked and kept are unchanged after the build: nothing to remove, no guard fails.
      expect(pruneLinkedPages(cacheDir, manifest(paths))).toBe(0);
    });
  });
});
