/**
 * Incremental builds (src/lib/corpus/page-deps.ts): a page's reads are recorded while it renders,
 * and its next cacheKey changes exactly when something it read changed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCacheKey, pageKey, recordPage, savePageDeps, startPageDeps, trackedCorpus } from '../../src/lib/corpus/page-deps.ts';
import type { Corpus } from '../../src/lib/corpus/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'page-deps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const briefing = (id: string, title: string, body: string) => ({ id, file: `content/briefings/en/${id}.md`, data: { title }, html: body });

/** A small stand-in corpus with the shapes pages read: a record of lists, a map, a method. */
function corpus(titles: Record<string, string>, body = 'body'): Corpus {
  const list = Object.entries(titles).map(([id, title]) => briefing(id, title, body));
  return {
    briefings: { ar: [], en: list },
    sources: new Map([['s1', { id: 's1', file: 'content/sources/s1.yaml', headline: 'S1' }]]),
    briefing: (_lang: string, id: string) => list.find((b) => b.id === id),
  } as unknown as Corpus;
}

async function render(key: string, page: (c: Corpus) => unknown, c: Corpus): Promise<void> {
  await recordPage(key, async () => {
    page(trackedCorpus(c));
    return new Response('<html></html>');
  });
}

describe('page reads', () => {
  const file = join(dir, 'reads.json');
  const home = pageKey('/[lang]', { lang: 'en' });
  const page = pageKey('/[lang]/briefings/[id]', { lang: 'en', id: 'a' });
  const source = pageKey('/[lang]/sources/[id]', { lang: 'en', id: 's1' });

  it('records method calls, map entries and lists, per page', async () => {
    const c = corpus({ a: 'A', b: 'B' });
    startPageDeps(file);
    for (const key of [home, page, source]) pageCacheKey(c, key);
    await render(home, (t) => t.briefings.en.map((b) => b.data.title), c);
    await render(page, (t) => t.briefing('en', 'a')?.html, c);
    await render(source, (t) => t.sources.get('s1'), c);
    savePageDeps(c, join(dir, 'no-astro-manifest.json'));
    const reads = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
    expect(reads[home]).toEqual(['prop briefings.en']);
    expect(reads[page]).toEqual(['call briefing ["en","a"]']);
    expect(reads[source]).toEqual(['entry sources "s1"']);
  });

  it('gives a page a new key only when what it read changed', () => {
    const keys = (c: Corpus) => {
      startPageDeps(file);
      return [home, page, source].map((key) => pageCacheKey(c, key));
    };
    const before = keys(corpus({ a: 'A', b: 'B' }));
    expect(keys(corpus({ a: 'A', b: 'B' }))).toEqual(before);
    // Another briefing's title: the home page lists it, briefing a's page does not read it.
    const renamed = keys(corpus({ a: 'A', b: 'B2' }));
    expect(renamed[0]).not.toBe(before[0]);
    expect(renamed.slice(1)).toEqual(before.slice(1));
    // A body: both pages that read briefing a change, the source page does not.
    const edited = keys(corpus({ a: 'A', b: 'B' }, 'edited body'));
    expect(edited[1]).not.toBe(before[1]);
    expect(edited[2]).toBe(before[2]);
  });

  it('gives a page never recorded a key no build can repeat', () => {
    startPageDeps(join(dir, 'none.json'));
    const c = corpus({ a: 'A' });
    expect(pageCacheKey(c, home)).not.toBe(pageCacheKey(c, home));
  });
});
