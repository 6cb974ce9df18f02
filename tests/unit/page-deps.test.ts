/**
 * Incremental builds (src/lib/corpus/page-deps.ts): a page's reads are recorded while it renders,
 * and its next cacheKey changes exactly when something it read changed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCacheKey, pageKey, pageReadsLine, parsePageReads, recordPage, savePageDeps, startPageDeps, trackedCorpus } from '../../src/lib/corpus/page-deps.ts';
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
    const reads = parsePageReads(readFileSync(file, 'utf8')).reads;
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

describe('the reads file, one page a line', () => {
  const a = pageReadsLine('/a []', ['prop briefings.en']);
  const b = pageReadsLine('/b []', ['call briefing ["en","b"]']);
  const a2 = pageReadsLine('/a []', ['call briefing ["en","a"]']);
  it.each([
    ['empty', '', {}, 0, false],
    ['a page a line', a + b, { '/a []': ['prop briefings.en'], '/b []': ['call briefing ["en","b"]'] }, 2, false],
    ['a later line of a page replaces an earlier one', a + b + a2, { '/a []': ['call briefing ["en","a"]'], '/b []': ['call briefing ["en","b"]'] }, 3, false],
    ['a line cut short is left out, and flagged', a + b.slice(0, 12), { '/a []': ['prop briefings.en'] }, 2, true],
    ['two appends run together: both lines left out', a + b.slice(0, 12) + a2, { '/a []': ['prop briefings.en'] }, 2, true],
    ['a line of another shape', `${a}{"x":1}\n`, { '/a []': ['prop briefings.en'] }, 2, true],
    ['the whole-JSON format of before', '{"/a []":["prop briefings.en"]}', {}, 1, true],
  ])('%s', (_, text, reads, lines, flawed) => {
    expect(parsePageReads(text)).toEqual({ reads, lines, flawed });
  });

  const c = (titles: Record<string, string>) =>
    ({ briefings: { ar: [], en: Object.entries(titles).map(([id, title]) => briefing(id, title, 'body')) }, briefing: () => undefined }) as unknown as Corpus;
  const pages = ['a', 'b', 'c'].map((id) => pageKey('/[lang]/briefings/[id]', { lang: 'en', id }));
  const build = async (file: string, rendered: string[], read: (t: Corpus, page: string) => unknown) => {
    const corpus = c({ a: 'A' });
    startPageDeps(file);
    for (const page of pages) pageCacheKey(corpus, page);
    for (const page of rendered) await render(page, (t) => read(t, page), corpus);
    savePageDeps(corpus, join(dir, 'no-astro-manifest.json'));
    return readFileSync(file, 'utf8');
  };

  it('a build appends the lines of the pages it rendered whose reads changed, and writes the file whole once it has doubled', async () => {
    const file = join(dir, 'lines.jsonl');
    const first = await build(file, pages, (t, page) => t.briefing('en', page));
    expect(first.split('\n').filter(Boolean)).toHaveLength(3);
    // Rendered again with the same reads: nothing to add.
    expect(await build(file, [pages[0]!], (t, page) => t.briefing('en', page))).toBe(first);
    // Other reads: one line more, the others left as they were.
    const second = await build(file, [pages[0]!], (t) => t.briefings.en);
    expect(second.startsWith(first)).toBe(true);
    expect(second.slice(first.length)).toBe(pageReadsLine(pages[0]!, ['prop briefings.en']));
    expect(parsePageReads(second).reads[pages[0]!]).toEqual(['prop briefings.en']);
    // Up to twice the pages' lines appended; past that, the file is written whole, one line a page.
    await build(file, [pages[1]!], (t) => t.briefings.en);
    await build(file, [pages[2]!], (t) => t.briefings.en);
    const whole = await build(file, [pages[0]!], (t) => t.briefing('en', 'x'));
    expect(whole.split('\n').filter(Boolean)).toHaveLength(3);
    expect(parsePageReads(whole).reads).toEqual({ [pages[0]!]: ['call briefing ["en","x"]'], [pages[1]!]: ['prop briefings.en'], [pages[2]!]: ['prop briefings.en'] });
  });
});
