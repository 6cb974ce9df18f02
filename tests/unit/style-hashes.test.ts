/**
 * The inline style hashes of a build's pages (src/lib/style-hashes.ts): every distinct hash,
 * sorted; an unchanged file's hashes from the cache by file identity; the same answer from the
 * worker thread as in this one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity } from '../../src/lib/file-identity.ts';
import { STYLE_HASHES_VERSION, pageStyleHashes, startStyleHashes } from '../../src/lib/style-hashes.ts';

const sha = (css: string) => `sha256-${createHash('sha256').update(css).digest('base64')}`;
const work = mkdtempSync(join(tmpdir(), 'style-hashes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let site = 0;
/** A site of these pages (path → HTML), in a folder of its own. */
function siteOf(pages: Record<string, string>): string {
  const out = join(work, `site-${site++}`);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), html);
  }
  return out;
}

describe('pageStyleHashes', () => {
  it.each([
    ['no pages', {}, []],
    ['no inline style', { 'en/index.html': '<p>x</p>' }, []],
    ['one hash from two pages', { 'en/index.html': '<style>a{}</style>', 'ar/index.html': '<style>a{}</style>' }, [sha('a{}')]],
    ['distinct hashes of every page, sorted', { 'en/index.html': '<style>a{}</style><style>b{}</style>', 'ar/x/index.html': '<style media="print">c{}</style>' }, [sha('a{}'), sha('b{}'), sha('c{}')].sort()],
    ['Arabic text hashed as UTF-8', { 'ar/index.html': '<style>/* خط */</style>' }, [sha('/* خط */')]],
  ])('%s', async (_, pages: Record<string, string>, expected: string[]) => {
    const out = siteOf(pages);
    const input = { out, pages: Object.keys(pages) };
    expect(pageStyleHashes(input)).toEqual(expected);
    expect(await startStyleHashes(input)).toEqual(expected);
  });

  it('takes an unchanged file’s hashes from the cache, and keeps this build’s in it', () => {
    const out = siteOf({ 'a.html': '<style>a{}</style>', 'b.html': '<style>b{}</style>' });
    const cacheFile = join(work, 'cache.json');
    // What the cache says of a.html's file is what counts: the file is not read again.
    writeFileSync(cacheFile, JSON.stringify({ version: STYLE_HASHES_VERSION, pages: { [fileIdentity(join(out, 'a.html'))]: ['sha256-cached'] } }));
    expect(pageStyleHashes({ out, pages: ['a.html', 'b.html'], cacheFile })).toEqual(['sha256-cached', sha('b{}')].sort());
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { pages: Record<string, string[]> };
    expect(saved.pages).toEqual({ [fileIdentity(join(out, 'a.html'))]: ['sha256-cached'], [fileIdentity(join(out, 'b.html'))]: [sha('b{}')] });
  });

  it('in the worker: the next build reads the cache the last one wrote', async () => {
    const out = siteOf({ 'a.html': '<style>a{}</style>' });
    const cacheFile = join(work, 'worker-cache.json');
    expect(await startStyleHashes({ out, pages: ['a.html'], cacheFile })).toEqual([sha('a{}')]);
    // The worker's own version (its code as Node runs it), kept; a.html's entry changed.
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: string; pages: Record<string, string[]> };
    writeFileSync(cacheFile, JSON.stringify({ version: saved.version, pages: { [fileIdentity(join(out, 'a.html'))]: ['sha256-cached'] } }));
    expect(await startStyleHashes({ out, pages: ['a.html'], cacheFile })).toEqual(['sha256-cached']);
  });

  it.each([
    ['another version’s cache', 'another version'],
    ['no cache file', undefined],
  ])('%s: every page read', (_, version) => {
    const out = siteOf({ 'a.html': '<style>a{}</style>' });
    const cacheFile = join(work, `cache-${site}.json`);
    if (version) writeFileSync(cacheFile, JSON.stringify({ version, pages: { [fileIdentity(join(out, 'a.html'))]: ['sha256-stale'] } }));
    expect(pageStyleHashes({ out, pages: ['a.html'], cacheFile })).toEqual([sha('a{}')]);
  });

  it('a page that cannot be read fails, in the worker too', async () => {
    const out = siteOf({});
    expect(() => pageStyleHashes({ out, pages: ['missing.html'] })).toThrow(/ENOENT/);
    await expect(startStyleHashes({ out, pages: ['missing.html'] })).rejects.toThrow(/style hashes: .*ENOENT/s);
  });
});
