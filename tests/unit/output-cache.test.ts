/**
 * A step's whole output kept in the build cache by the key of its inputs (src/lib/output-cache.ts):
 * the key changes with any input, an entry is used only for its own key, and a file shared
 * between the cache and a site is never written in place.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputKey, outputsIn, restoreOutputs, saveOutputs } from '../../src/lib/output-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-output-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const route = (pathname: string | undefined, pattern: RegExp) => ({ type: 'page', pathname, patternRegex: pattern, generate: () => pathname ?? '', segments: [[{ content: 'en', dynamic: false }]] });
const base = ['code-1', 'https://example.org', '/', 'ignore', 'directory', ['en/', 'ar/', 'en/briefings/a/'], [route('/en', /^\/en$/)]];
const changed = (i: number, value: unknown) => base.map((v, j) => (j === i ? value : v));

describe('outputKey', () => {
  it.each([
    ['the code', changed(0, 'code-2')],
    ['the site', changed(1, 'https://example.net')],
    ['the base', changed(2, '/briefings/')],
    ['trailingSlash', changed(3, 'always')],
    ['the build format', changed(4, 'file')],
    ['a page added', changed(5, ['en/', 'ar/', 'en/briefings/a/', 'en/briefings/b/'])],
    ['a page gone', changed(5, ['en/', 'ar/'])],
    ['the pages in another order', changed(5, ['ar/', 'en/', 'en/briefings/a/'])],
    ['a route\'s pathname', changed(6, [route('/ar', /^\/en$/)])],
    ['a route\'s pattern', changed(6, [route('/en', /^\/en\/?$/)])],
    ['a route added', changed(6, [route('/en', /^\/en$/), route(undefined, /^\/x$/)])],
  ])('changes with %s', (_, inputs) => {
    expect(outputKey(inputs)).toBeDefined();
    expect(outputKey(inputs)).not.toBe(outputKey(base));
  });

  it('is the same for the same inputs (functions left out: a route\'s generate follows from its segments)', () => {
    const again = changed(6, [{ ...route('/en', /^\/en$/), generate: () => 'anything' }]);
    expect(outputKey(again)).toBe(outputKey(base));
  });

  it('is undefined for inputs that are no JSON (a cycle): nothing is cached then', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(outputKey([cyclic])).toBeUndefined();
  });
});

describe('restoreOutputs and saveOutputs', () => {
  const site = (name: string, files: Record<string, string>) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  };

  it('give back the saved files for the same key only, as links, replacing what the site had', () => {
    const cache = join(work, 'cache-a');
    const first = site('site-1', { 'sitemap-index.xml': 'index', 'sitemap-0.xml': 'urls', 'page.html': 'page' });
    expect(restoreOutputs(cache, 'k1', first)).toBeUndefined();
    const files = outputsIn(first, /^sitemap-(?:index|\d+)\.xml$/);
    expect(files).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    saveOutputs(cache, 'k1', first, files);

    const next = site('site-2', { 'sitemap-0.xml': 'an old file' });
    expect(restoreOutputs(cache, 'k2', next)).toBeUndefined();
    expect(readFileSync(join(next, 'sitemap-0.xml'), 'utf8')).toBe('an old file');
    expect(restoreOutputs(cache, 'k1', next)).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(next, file), 'utf8')).toBe(readFileSync(join(first, file), 'utf8'));
      expect(statSync(join(next, file)).ino).toBe(statSync(join(first, file)).ino);
    }
  });

  it('a new entry replaces the last without writing its files (they are the last site\'s)', () => {
    const cache = join(work, 'cache-b');
    const first = site('site-3', { 'sitemap-0.xml': 'first' });
    saveOutputs(cache, 'k1', first, ['sitemap-0.xml']);
    const second = site('site-4', { 'sitemap-0.xml': 'second' });
    saveOutputs(cache, 'k2', second, ['sitemap-0.xml']);
    expect(readFileSync(join(first, 'sitemap-0.xml'), 'utf8')).toBe('first');
    expect(restoreOutputs(cache, 'k1', site('site-5', {}))).toBeUndefined();
    const third = site('site-6', {});
    expect(restoreOutputs(cache, 'k2', third)).toEqual(['sitemap-0.xml']);
    expect(readFileSync(join(third, 'sitemap-0.xml'), 'utf8')).toBe('second');
  });

  it('an entry with a file missing is no entry', () => {
    const cache = join(work, 'cache-c');
    const first = site('site-7', { 'sitemap-index.xml': 'index', 'sitemap-0.xml': 'urls' });
    saveOutputs(cache, 'k1', first, ['sitemap-0.xml', 'sitemap-index.xml']);
    rmSync(join(cache, 'files', 'sitemap-0.xml'));
    const next = site('site-8', {});
    expect(restoreOutputs(cache, 'k1', next)).toBeUndefined();
    expect(outputsIn(next, /./)).toEqual([]);
  });
});
