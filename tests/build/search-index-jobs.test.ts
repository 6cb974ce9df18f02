/**
 * Bundles indexed side by side (SEARCH_INDEX_JOBS, which the build script sets when the page
 * build is over and two bundles fit its memory budget) are the bundles indexed one at a time,
 * byte for byte: the real corpus's documents, split into bundles of 15 pages, indexed one at a
 * time and three at a time. A bundle indexed again after an edit, whose unchanged fragment files
 * come from the cache, is the bundle indexed without a cache.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getCorpus } from '../../src/lib/corpus/index.ts';
import { MANIFEST, writeSearchDocuments } from '../../src/lib/search/documents.ts';
import { indexJobs, readManifest, writeSearchIndexes } from '../../src/lib/search/write-index.ts';
import { setConfiguredBase } from '../../src/lib/urls.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-index-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe('search bundles indexed side by side', () => {
  it('are byte for byte the bundles indexed one at a time', async () => {
    setConfiguredBase('/');
    const docs = join(work, 'docs');
    const { bundles } = writeSearchDocuments(getCorpus(), docs, 15);
    expect(bundles.length).toBeGreaterThan(4);
    const one = await writeSearchIndexes(docs, join(work, 'one'), join(work, 'cache-one'), 1);
    const three = await writeSearchIndexes(docs, join(work, 'three'), join(work, 'cache-three'), 3);
    expect(three.map((b) => [b.name, b.pages, b.fromCache])).toEqual(one.map((b) => [b.name, b.pages, false]));
    const [a, b] = [files(join(work, 'one', 'pagefind')), files(join(work, 'three', 'pagefind'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
    // Unchanged bundles come from the cache, whatever the number of jobs.
    const again = await writeSearchIndexes(docs, join(work, 'again'), join(work, 'cache-three'), 2);
    expect(again.every((bundle) => bundle.fromCache)).toBe(true);
    // Their search page data comes from the page ids kept in the cache; without those (a cache
    // written by an earlier version), from the bundles' fragments: the same bytes either way.
    const same = (dir: string) => {
      const c = files(join(work, dir, 'pagefind'));
      expect([...c.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [path, bytes] of a) expect(c.get(path)!.equals(bytes), `${dir}: ${path}`).toBe(true);
    };
    same('again');
    for (const bundle of bundles) rmSync(join(work, 'cache-three', bundle.name, 'ids.json'));
    const older = await writeSearchIndexes(docs, join(work, 'older'), join(work, 'cache-three'), 2);
    expect(older.every((bundle) => bundle.fromCache)).toBe(true);
    same('older');

    // An edit: one word of one page's text. Its bundle is indexed again; the fragment file
    // holding the other pages of its group is linked from the cache, not compressed again.
    const edited = join(work, 'docs-edited');
    cpSync(docs, edited, { recursive: true });
    const manifest = readManifest(edited);
    const bundle = manifest.bundles[1]!;
    const file = join(edited, bundle.name, bundle.urls[2]!, 'index.html');
    const html = readFileSync(file, 'utf8');
    const at = html.indexOf('<p>') + '<p>'.length;
    writeFileSync(file, `${html.slice(0, at)}edited ${html.slice(at)}`);
    bundle.key = `${bundle.key} edited`;
    writeFileSync(join(edited, MANIFEST), JSON.stringify(manifest));
    const cachedFragments = join(work, 'cache-three', bundle.name, 'bundle', 'fragment');
    const inodes = new Map(readdirSync(cachedFragments).map((name) => [name, statSync(join(cachedFragments, name)).ino]));
    const after = await writeSearchIndexes(edited, join(work, 'edited'), join(work, 'cache-three'), 1);
    expect(after.filter((b) => !b.fromCache).map((b) => b.name)).toEqual([bundle.name]);
    await writeSearchIndexes(edited, join(work, 'fresh'), join(work, 'cache-fresh'), 1);
    const [fresh, incremental] = [files(join(work, 'fresh', 'pagefind')), files(join(work, 'edited', 'pagefind'))];
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, bytes] of fresh) expect(incremental.get(path)!.equals(bytes), path).toBe(true);
    const fragments = join(work, 'edited', 'pagefind', bundle.name, 'fragment');
    const linked = readdirSync(fragments).filter((name) => inodes.get(name) === statSync(join(fragments, name)).ino);
    expect(linked.length).toBe(readdirSync(fragments).length - 1);
  }, 120_000);

  it.each([
    [undefined, 1],
    ['', 1],
    ['2', 2],
  ])('SEARCH_INDEX_JOBS %s → %i', (raw, jobs) => expect(indexJobs({ SEARCH_INDEX_JOBS: raw })).toBe(jobs));

  it.each(['0', '-1', '1.5', 'two'])('SEARCH_INDEX_JOBS %s is refused, naming the variable', (raw) => expect(() => indexJobs({ SEARCH_INDEX_JOBS: raw })).toThrow(/SEARCH_INDEX_JOBS/));
});
