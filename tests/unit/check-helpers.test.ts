/**
 * The rules' counterpart lookup (src/lib/check/helpers.ts): the same briefing in another
 * language, found in an index of that language's list, answers as a scan of the list does (the
 * first briefing of the id, or none), also after the list has grown.
 */
import { describe, expect, it } from 'vitest';
import { counterpart, counterpartPairs } from '../../src/lib/check/helpers.ts';
import type { Content } from '../../src/lib/check/types.ts';
import type { LoadedBriefing } from '../../src/lib/corpus/load-briefings.ts';

/** A stand-in loaded briefing: the lookup reads only its id and language. */
const briefing = (id: string, lang: 'ar' | 'en', file = `content/briefings/${lang}/${id}.md`) => ({ briefing: { id, lang, file } }) as unknown as LoadedBriefing;

const content = (ar: LoadedBriefing[], en: LoadedBriefing[]) => ({ root: '/', sources: new Map(), topics: new Map(), briefings: { ar, en }, seeds: [] }) as unknown as Content;

const scan = (c: Content, b: LoadedBriefing, lang: 'ar' | 'en') => c.briefings[lang].find((x) => x.briefing.id === b.briefing.id);

describe('counterpart', () => {
  const cases: [name: string, ar: string[], en: string[]][] = [
    ['every briefing in both languages', ['a', 'b', 'c'], ['c', 'a', 'b']],
    ['some in one language only', ['a', 'b'], ['b', 'd']],
    ['one language empty', [], ['a']],
    ['an id twice in a list (the first is the one)', ['a', 'a', 'b'], ['a', 'b', 'b']],
  ];
  for (const [name, ar, en] of cases) {
    it(`answers as a scan of the list does: ${name}`, () => {
      const c = content(ar.map((id, i) => briefing(id, 'ar', `ar/${id}-${i}`)), en.map((id, i) => briefing(id, 'en', `en/${id}-${i}`)));
      for (const b of [...c.briefings.ar, ...c.briefings.en, briefing('missing', 'en')]) {
        for (const lang of ['ar', 'en'] as const) expect(counterpart(c, b, lang)).toBe(scan(c, b, lang));
      }
      expect(counterpartPairs(c)).toEqual(c.briefings.ar.flatMap((a) => (scan(c, a, 'en') ? [[a, scan(c, a, 'en')]] : [])));
    });
  }

  it('finds a briefing added to the list after a lookup', () => {
    const c = content([briefing('a', 'ar')], [briefing('b', 'en')]);
    const added = briefing('a', 'en');
    expect(counterpart(c, c.briefings.ar[0]!, 'en')).toBeUndefined();
    c.briefings.en.push(added);
    expect(counterpart(c, c.briefings.ar[0]!, 'en')).toBe(added);
  });
});
