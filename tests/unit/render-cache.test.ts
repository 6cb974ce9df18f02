/**
 * The corpus's render cache (src/lib/corpus/render-cache.ts) and the line file it is kept in
 * (src/lib/line-cache.ts): a corpus loaded with renders from the cache is the corpus loaded
 * without it, with the same problems on the same lines, also after a change elsewhere that a
 * cached render depends on (a source losing the paragraph a briefing cites, a topic renamed).
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/index.ts';
import { packEntry, saveRenderCache, startRenderCache, unpackEntry, type Entry } from '../../src/lib/corpus/render-cache.ts';
import { openLineCache } from '../../src/lib/line-cache.ts';
import { copyFixture } from '../helpers/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'briefings-render-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the line cache file', () => {
  it('keeps the entries a build used, as they were, and only those', () => {
    const file = join(work, 'lines');
    const first = openLineCache(file, 'v1');
    first.set('yaml:a', '{"x":"عربي\n"}');
    first.set('yaml:b', 'two');
    first.save();
    const second = openLineCache(file, 'v1');
    expect(second.get('yaml:a')).toBe('{"x":"عربي\n"}');
    expect(second.get('yaml:missing')).toBeUndefined();
    second.set('yaml:c', 'three');
    second.save();
    const third = openLineCache(file, 'v1');
    expect([third.get('yaml:a'), third.get('yaml:b'), third.get('yaml:c')]).toEqual(['{"x":"عربي\n"}', undefined, 'three']);
    third.save();
  });

  it('reads a payload another build wrote over as absent, not as the other entry', () => {
    const file = join(work, 'overwritten');
    const first = openLineCache(file, 'v1');
    first.set('revision:a', 'aaaa');
    first.set('revision:b', 'bbbb');
    first.save();
    // Two builds that opened the same index and save at the same time both append where it ended:
    // the one that writes last leaves its payload where the other's index says the other's is.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('cccc'), 0, 4, 0);
    closeSync(fd);
    const second = openLineCache(file, 'v1');
    expect([second.get('revision:a'), second.get('revision:b')]).toEqual([undefined, 'bbbb']);
    second.set('revision:a', 'aaaa');
    second.save();
    expect(openLineCache(file, 'v1').get('revision:a')).toBe('aaaa');
  });

  it('appends what a build adds, writes nothing when nothing changed, and copies the used entries once most are unused', () => {
    const file = join(work, 'append');
    const first = openLineCache(file, 'v1');
    for (let i = 0; i < 10; i++) first.set(`e:${i}`, `payload ${i}`);
    first.save();
    const size = statSync(file).size;
    const second = openLineCache(file, 'v1');
    for (let i = 0; i < 10; i++) second.get(`e:${i}`);
    second.set('e:new', 'added');
    second.save();
    // Appended: the first payloads are where they were.
    expect(statSync(file).size).toBe(size + 'added'.length);
    const index = statSync(`${file}.index`);
    const third = openLineCache(file, 'v1');
    for (const name of [...Array.from({ length: 10 }, (_, i) => `e:${i}`), 'e:new']) third.get(name);
    third.save();
    expect(statSync(`${file}.index`).ino).toBe(index.ino);
    // Most of the file unused: a new file with only what is used.
    const fourth = openLineCache(file, 'v1');
    expect(fourth.get('e:new')).toBe('added');
    fourth.save();
    expect(statSync(file).size).toBe('added'.length);
    expect(openLineCache(file, 'v1').get('e:new')).toBe('added');
  });

  // Payloads are read ahead 1 MB at a time (line-cache.ts READ_AHEAD): whatever order a build
  // asks in, and whatever their sizes (within a read, across two, larger than a quarter of one),
  // each comes back whole and exact.
  const sizes = [1, 700, 200_000, 300_000, 1_100_000, 3, 2_500_000, 64 * 1024, 5];
  const payload = (i: number) => `${i}:${'قوة '.repeat(Math.ceil(sizes[i]! / 4))}`.slice(0, sizes[i]! + 2);
  const orders: [string, number[]][] = [
    ['the stored order', sizes.map((_, i) => i)],
    ['the reverse order', sizes.map((_, i) => sizes.length - 1 - i)],
    ['a shuffled order, twice each', [4, 0, 7, 2, 8, 1, 6, 3, 5, 5, 3, 6, 1, 8, 2, 7, 0, 4]],
  ];
  for (const [name, order] of orders) {
    it(`gives each payload back exactly, read ahead, in ${name}`, () => {
      const file = join(work, `ahead-${name.replace(/\W+/g, '-')}`);
      const first = openLineCache(file, 'v1');
      sizes.forEach((_, i) => first.set(`e:${i}`, payload(i)));
      first.save();
      const second = openLineCache(file, 'v1');
      for (const i of order) expect(second.get(`e:${i}`), `entry ${i}`).toBe(payload(i));
      second.save();
    });
  }

  it('starts empty for another version of the code, or a file shorter than its index says', () => {
    const file = join(work, 'version');
    const first = openLineCache(file, 'v1');
    first.set('yaml:a', 'one');
    first.save();
    expect(openLineCache(file, 'v2').get('yaml:a')).toBeUndefined();
    expect(openLineCache(file, 'v1').get('yaml:a')).toBe('one');
    writeFileSync(file, 'on');
    expect(openLineCache(file, 'v1').get('yaml:a')).toBeUndefined();
  });
});

describe('a render cache entry as saved (packEntry, unpackEntry)', () => {
  const entry = (mentions: Entry['out']['mentions']): Entry => ({ html: '<p>x</p>', asked: [['topic', 'turkey', '{"name":"Turkey"}']], out: { problems: [], mentions, headings: [], images: [], cited: [] } });
  const s1 = 'Qatar, Egypt and Turkey met in Miami.';
  const s2 = 'تركيا ومصر وقطر';
  it.each<[string, Entry['out']['mentions'], number]>([
    ['no mentions', [], 0],
    ['one mention', [{ topic: 'turkey', sentence: s1, line: 3 }], 1],
    ['three mentions of one sentence', [{ topic: 'qatar', sentence: s1, line: 3 }, { topic: 'egypt', sentence: s1, line: 3 }, { topic: 'turkey', sentence: s1, line: 3 }], 1],
    ['two sentences, interleaved, one without a line', [{ topic: 'turkey', sentence: s2 }, { topic: 'qatar', sentence: s1, line: 4 }, { topic: 'qatar', sentence: s2 }], 2],
  ])('%s: each sentence saved once (%#), read back as the entry JSON gives', (_name, mentions, sentences) => {
    const saved = packEntry(entry(mentions));
    expect(saved.sentences).toHaveLength(sentences);
    const back = unpackEntry(JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(back).toEqual(JSON.parse(JSON.stringify(entry(mentions))));
    // The same keys in the same order: a record's content hash walks them in order.
    expect(back.out.mentions.map((m) => Object.keys(m))).toEqual(mentions.map((m) => Object.keys(m)));
  });
});

describe('the render cache', () => {
  let fixture: ReturnType<typeof copyFixture> | undefined;
  afterEach(() => {
    fixture?.cleanup();
    fixture = undefined;
    // Off again (saving turns it off) for the other tests in this process.
    saveRenderCache();
  });

  /** Loads the fixture once with the cache file as it is, and saves it; returns the load and the counts. */
  const load = (file: string) => {
    startRenderCache(file);
    const result = loadCorpus(fixture!.root);
    return { ...result, counts: saveRenderCache()! };
  };
  const same = (cached: ReturnType<typeof loadCorpus>, plain: ReturnType<typeof loadCorpus>) => {
    expect(cached.problems).toEqual(plain.problems);
    expect(JSON.stringify(cached.corpus.briefings)).toBe(JSON.stringify(plain.corpus.briefings));
  };

  it('loads the same corpus, with the same problems, every render from the cache the second time', () => {
    fixture = copyFixture();
    const file = join(work, 'warm');
    const plain = loadCorpus(fixture.root);
    const cold = load(file);
    expect(cold.counts.reused).toBe(0);
    const warm = load(file);
    expect(warm.counts.total).toBeGreaterThan(5);
    expect(warm.counts.reused).toBe(warm.counts.total);
    same(cold, plain);
    same(warm, plain);
  });

  it('renders again a briefing citing a paragraph its source no longer has, with the problem on its line', () => {
    fixture = copyFixture();
    const file = join(work, 'seed');
    load(file);
    fixture.edit('seeds/sample.txt', (text) => text.replace(/\n[^\n]*2803[^\n]*\n?$/u, '\n'));
    const plain = loadCorpus(fixture.root);
    const warm = load(file);
    expect(warm.counts.reused).toBeLessThan(warm.counts.total);
    same(warm, plain);
    expect(warm.problems).toContainEqual(expect.objectContaining({ file: 'content/briefings/en/sample.md', line: 23, message: expect.stringMatching(/citation \[@3\]: source "sample" has 2 paragraphs; there is no paragraph 3/) }));
  });

  it('renders again a briefing linking a topic that was renamed', () => {
    fixture = copyFixture();
    const file = join(work, 'topic');
    load(file);
    fixture.edit('content/topics/turkey.yaml', (text) => text.replace('en: "Turkey" }', 'en: "The Republic of Turkey" }'));
    const plain = loadCorpus(fixture.root);
    const warm = load(file);
    same(warm, plain);
    expect(warm.corpus.briefing('en', 'sample')!.keyPoints[0]!.html).toContain('The Republic of Turkey');
  });
});
