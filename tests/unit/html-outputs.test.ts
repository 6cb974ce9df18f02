/** The HTML files of a build from what Astro reports writing and public/ (src/lib/html-outputs.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFilesIn, htmlOutputs } from '../../src/lib/html-outputs.ts';

const out = '/site/dist.staging';
const url = (file: string) => pathToFileURL(join(out, file));
const assets = (routes: Record<string, string[]>) => new Map(Object.entries(routes).map(([route, files]) => [route, files.map(url)]));

describe('htmlOutputs', () => {
  it.each([
    ['pages of every route, sorted', { '/[lang]': ['en/index.html', 'ar/index.html'], '/404': ['404.html'] }, [], 3, ['404.html', 'ar/index.html', 'en/index.html']],
    ['endpoints\' files are no pages', { '/[lang]/rss.xml': ['en/rss.xml'], '/robots.txt': ['robots.txt'], '/[lang]': ['en/index.html'] }, [], 1, ['en/index.html']],
    ['a file listed twice once', { '/[lang]': ['en/index.html', 'en/index.html'] }, [], 1, ['en/index.html']],
    ['public/\'s HTML files added', { '/[lang]': ['en/index.html'] }, ['google123.html', 'en/index.html'], 1, ['en/index.html', 'google123.html']],
    ['a file outside the output folder left out', { '/x': ['../elsewhere/index.html', 'x/index.html'] }, [], 1, ['x/index.html']],
    ['fewer HTML files than pages: unknown, walk the site', { '/[lang]': ['en/index.html'] }, [], 2, undefined],
    ['no routes, no pages', {}, [], 0, []],
  ])('%s', (_, routes, publicHtml, pages, expected) => {
    expect(htmlOutputs(out, assets(routes), publicHtml, pages)).toEqual(expected);
  });
});

describe('htmlFilesIn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'html-outputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('lists HTML files in subfolders, relative, and none of a missing folder', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    for (const f of ['x.html', 'a/b/y.html', 'a/z.js']) writeFileSync(join(dir, f), '');
    expect(htmlFilesIn(dir).sort()).toEqual(['a/b/y.html', 'x.html']);
    expect(htmlFilesIn(join(dir, 'missing'))).toEqual([]);
  });
});
