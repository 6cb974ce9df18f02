/**
 * The parse cache's entries of the briefings made ahead in a worker thread
 * (src/lib/corpus/parse-prefetch.ts): a corpus loaded with them has the same content and the
 * same problems, with the same lines, as one loaded without the cache, whatever the briefings
 * hold (broken YAML, no frontmatter, bytes that are not UTF-8), and the cache it saves serves
 * the next load as one saved without them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales.ts';
import { loadCorpus, type LoadResult } from '../../src/lib/corpus/index.ts';
import { saveParseCache, startParseCache } from '../../src/lib/corpus/parse-cache.ts';
import { startParsePrefetch, stopParsePrefetch, takePrefetched } from '../../src/lib/corpus/parse-prefetch.ts';
import { copyFixture } from '../helpers/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-parse-prefetch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Fixture = ReturnType<typeof copyFixture>;
const same = (a: LoadResult, b: LoadResult) => {
  expect(a.problems).toEqual(b.problems);
  expect(JSON.stringify(a.corpus.briefings)).toBe(JSON.stringify(b.corpus.briefings));
  expect(JSON.stringify([...a.corpus.sources])).toBe(JSON.stringify([...b.corpus.sources]));
  expect(JSON.stringify([...a.corpus.topics])).toBe(JSON.stringify([...b.corpus.topics]));
};

/** Waits until the worker has sent everything (its entries are then all on the port). */
async function settled(): Promise<void> {
  const prefetch = (globalThis as { __briefingsParsePrefetch?: { worker: { once(e: 'exit', f: () => void): void; threadId: number } } }).__briefingsParsePrefetch;
  if (prefetch && prefetch.worker.threadId !== -1) await new Promise<void>((resolve) => prefetch.worker.once('exit', resolve));
}

describe('the parse prefetch', () => {
  let fixture: Fixture | undefined;
  let run = 0;
  afterEach(() => {
    fixture?.cleanup();
    fixture = undefined;
    stopParsePrefetch();
    saveParseCache();
  });

  it.each([
    ['the fixture as it is', (_: Fixture) => {}],
    ['a briefing whose frontmatter YAML is broken', (f: Fixture) => f.edit('content/briefings/en/sample.md', (t) => t.replace(/^title: .*$/m, 'title: "unclosed'))],
    ['a briefing without frontmatter', (f: Fixture) => f.edit('content/briefings/ar/sample.md', (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''))],
    ['a briefing that is not UTF-8', (f: Fixture) => f.write('content/briefings/en/sample.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]))],
    ['a briefing with Windows line ends and a byte order mark', (f: Fixture) => f.edit('content/briefings/en/sample.md', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`)],
  ])('%s: the same corpus and problems as without the cache, entries made ahead taken', async (_, change) => {
    fixture = copyFixture();
    change(fixture);
    const plain = loadCorpus(fixture.root);
    // A cold load with the cache and no prefetch: what the cache counts.
    startParseCache(join(work, `cache-${run++}`));
    loadCorpus(fixture.root);
    const cold = saveParseCache()!;
    const file = join(work, `cache-${run++}`);
    expect(startParseCache(file)).toBe(0);
    startParsePrefetch(fixture.root, LANGS);
    await settled();
    const ahead = loadCorpus(fixture.root);
    const counts = saveParseCache()!;
    same(ahead, plain);
    expect(counts).toEqual({ ...cold, ahead: expect.any(Number) });
    expect(counts.ahead).toBeGreaterThan(0);
    // The next build, from the cache saved with the entries made ahead: the same again, all from it.
    expect(startParseCache(file)).toBeGreaterThan(0);
    const warm = loadCorpus(fixture.root);
    const again = saveParseCache()!;
    expect(again.hits).toBe(again.total);
    expect(again.ahead).toBeUndefined();
    same(warm, plain);
  });

  it('takes an entry once, and nothing once stopped', async () => {
    fixture = copyFixture();
    startParseCache(join(work, `cache-${run++}`));
    startParsePrefetch(fixture.root, LANGS);
    await settled();
    expect(takePrefetched('no such entry')).toBeUndefined();
    const taken = loadCorpus(fixture.root);
    expect(taken.problems).toEqual(loadCorpus(fixture.root).problems);
    expect(stopParsePrefetch()).toBeGreaterThan(0);
    expect(stopParsePrefetch()).toBeUndefined();
    expect(takePrefetched('no such entry')).toBeUndefined();
  });

  it('a missing content folder: nothing made ahead, the load as without it', async () => {
    const root = mkdtempSync(join(work, 'empty-'));
    startParseCache(join(work, `cache-${run++}`));
    startParsePrefetch(root, LANGS);
    await settled();
    expect(stopParsePrefetch()).toBe(0);
  });
});
