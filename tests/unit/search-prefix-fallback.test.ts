import { describe, expect, it } from 'vitest';
import { findFallbacks, PROBE, prefixesOf, shortestFallback, splitFallbacks, type Matches } from '../../src/lib/search/prefix-fallback.ts';

const m = (entries: Record<string, number[]>): Matches => new Map(Object.entries(entries));

describe("merged bundles without Pagefind's per-bundle prefix fallback", () => {
  it.each([
    // "pakistan": bundle 1 holds pakistan (p1, exact) and pakistani (p2); bundle 2 holds neither
    // and fell back to `pa` (p3): the probe "pakistanᚠ" matches p3 at the same positions, and p1
    // by the exact word (a true match whatever the probe says).
    ['a bundle that fell back beside true matches', m({ p1: [6, 8], p2: [40], p3: [9] }), ['p1'], m({ p1: [6, 8], p3: [9] }), ['p1', 'p2'], ['p3']],
    // A page with the word's extension and also the shorter word elsewhere: other positions, true.
    ['a page holding the shorter word elsewhere', m({ p2: [40] }), [], m({ p2: [3] }), ['p2'], []],
    ['no match', m({}), [], m({}), [], []],
  ])('%s', (_, all, exact, probe, extended, fallback) => {
    const split = splitFallbacks(all, new Set(exact), probe);
    expect([...split.extended].sort()).toEqual(extended);
    expect([...split.fallback].sort()).toEqual(fallback);
  });

  /** A fake Pagefind: each query's matches; any other query matches nothing. Records the queries. */
  const fake = (answers: Record<string, Record<string, number[]>>) => {
    const asked: string[] = [];
    return { asked, search: async (q: string) => (asked.push(q), m(answers[q] ?? {})) };
  };

  it.each([
    [
      'pakistan: one bundle fell back to pa',
      'pakistan',
      { pakistan: { p1: [6, 8], p2: [40], p3: [9] }, '"pakistan"': { p1: [6] }, [`pakistan${PROBE}`]: { p1: [6], p3: [9] } },
      ['p1', 'p2'],
      ['pakistan', '"pakistan"', `pakistan${PROBE}`],
    ],
    [
      // Pagefind stems عمليات shorter (stem pages p1, p2); p3 holds only a longer word that the
      // probe of the whole word falls back to: a true match, found by probing a prefix instead.
      // p4 is from a bundle that fell back to a word shorter than the stem.
      'a stem shorter than the word, a word between them',
      'عمليات',
      { عمليات: { p1: [5], p2: [7, 9], p3: [12], p4: [2] }, '"عمليات"': { p1: [5], p2: [7] }, [`عمليات${PROBE}`]: { p3: [12], p4: [2] }, [`عمليا${PROBE}`]: { p1: [5], p2: [7, 9], p4: [2] } },
      ['p1', 'p2', 'p3'],
      ['عمليات', '"عمليات"', `عمليات${PROBE}`, `عمليا${PROBE}`],
    ],
    [
      'every match exact: no probe',
      'gaza',
      { gaza: { p1: [1] }, '"gaza"': { p1: [1] } },
      ['p1'],
      ['gaza', '"gaza"'],
    ],
    [
      // No page holds the stem (a word still being typed): pages holding words it starts (p1) are
      // its matches; p3's bundle holds none and fell back (the probe matches it where it did).
      'no page holds the stem, some bundles hold words it starts',
      'pakis',
      { pakis: { p1: [6], p3: [9] }, [`pakis${PROBE}`]: { p3: [9] } },
      ['p1'],
      ['pakis', '"pakis"', `pakis${PROBE}`],
    ],
    [
      // A name no page has: every bundle fell back to "to", and so does the probe of "ton".
      'no page has the word, every bundle fell back to a short word',
      'tony',
      { tony: { p1: [3, 9], p2: [1] }, [`tony${PROBE}`]: { p1: [3, 9], p2: [1] }, [`ton${PROBE}`]: { p1: [3, 9], p2: [1] } },
      [],
      ['tony', '"tony"', `tony${PROBE}`, `ton${PROBE}`],
    ],
    [
      // Every bundle fell back: p2's to "pakistan" (8 letters of 9; the probe of "paki", a letter
      // short of the 5 a fallback needs, matches "pa" elsewhere on it), p1's to "pa" (the same
      // positions for that probe): p2 only.
      'no page has the word, fallbacks long enough and too short',
      'pakistani',
      { pakistani: { p1: [6], p2: [4] }, [`pakistani${PROBE}`]: { p1: [6], p2: [4] }, [`paki${PROBE}`]: { p1: [6], p2: [11] } },
      ['p2'],
      ['pakistani', '"pakistani"', `pakistani${PROBE}`, `paki${PROBE}`],
    ],
    [
      'a word shorter than any fallback may be',
      'uns',
      { uns: { p1: [2] }, [`uns${PROBE}`]: { p1: [2] } },
      [],
      ['uns', '"uns"', `uns${PROBE}`],
    ],
    ['no page has the word or a word it starts, and no fallback', 'blair', {}, [], ['blair', '"blair"']],
  ])('%s', async (_, word, answers, extended, asked) => {
    const f = fake(answers);
    expect([...(await findFallbacks(word, f.search)).extended].sort()).toEqual(extended);
    expect(f.asked).toEqual(asked);
  });

  it.each([
    // One bundle: a page holding the stem means Pagefind did not fall back; nothing is probed.
    ['the stem is held', 'force', { force: { p1: [1], p2: [5] }, '"force"': { p1: [1] } }, ['p1', 'p2'], ['force', '"force"']],
    ['no page holds the stem: fell back to a short word', 'tony', { tony: { p1: [3] }, [`tony${PROBE}`]: { p1: [3] }, [`ton${PROBE}`]: { p1: [3] } }, [], ['tony', '"tony"', `tony${PROBE}`, `ton${PROBE}`]],
    ['no page holds the stem: words it starts', 'engag', { engag: { p1: [3] }, [`engag${PROBE}`]: { p1: [7] } }, ['p1'], ['engag', '"engag"', `engag${PROBE}`]],
  ])('one bundle: %s', async (_, word, answers, extended, asked) => {
    const f = fake(answers);
    expect([...(await findFallbacks(word, f.search, true)).extended].sort()).toEqual(extended);
    expect(f.asked).toEqual(asked);
  });

  it.each([
    ['tony', 4],
    ['un', 4],
    ['pakistani', 5],
    ['الإندونيسية', 6],
  ])('a fallback for %s must have at least %i letters', (word, letters) => expect(shortestFallback(word)).toBe(letters));

  it('lists the strict prefixes of a word, longest first, by characters', () => {
    expect(prefixesOf('gaza')).toEqual(['gaz', 'ga', 'g']);
    expect(prefixesOf('غزة')).toEqual(['غز', 'غ']);
    expect(prefixesOf('a')).toEqual([]);
  });
});
